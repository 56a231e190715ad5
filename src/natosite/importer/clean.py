"""Drop the job board's chrome around a posting; keep the whole posting.

``clean_lines(text)`` takes decoded text (``\\n`` newlines) and returns the posting's
lines, each stripped, with runs of spaces collapsed; a run of blank lines becomes one
``""`` (a paragraph break the text itself made). What
goes (English, French, German, Dutch, Italian, Polish and Chinese boards):

- whole chrome lines: "Loading ...", "Apply now Apply later", "Report job",
  cookie banners, e-mail alert and CV adverts, lone "Description" / ":" labels;
- chrome blocks: "Track This Job" / "Save This Job" / "AI-Powered Job Summary"
  with their bullet lists and tips;
- the board's own summary of the posting before it starts ("X is seeking a ...
  The ideal candidate ..."): it often names the wrong organisation;
- the tail: everything from a "similar jobs" list, "Job stats" or "More jobs like
  this" on, and from "Key Skills" or "Ranked by relevance" when in the posting's
  second half (so a posting's own section called "Key skills" is not cut).
"""

from __future__ import annotations

import re
from typing import Final

import ahocorasick_rs

from natosite.importer import rxcache
from natosite.importer.dates import search_date
from natosite.importer.fields import ASCII_DIGIT, POSTS_HINT, SCHEDULE_HINT, bilingual_key, label_key
from natosite.importer.grades import parse_grade
from natosite.importer.patterns import Caseless, alternatives, by_first_letter, first_chars

# A run of spaces to collapse into one " ". A lone " " (most of a line's spaces) is left out of the matches: replacing
# it by itself changes nothing, and skipping it makes ``_SPACES.sub(" ", line)`` about 3x faster on prose.
_SPACE: Final = r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]"
_SPACES: Final = rxcache.compile(_SPACE + r"(?:(?<! )|" + _SPACE + r")" + _SPACE + r"*")

# A page's number as a PDF or a printout writes it: "Page 1 of 3", "Seite 2 von 3", "Side 1 av 2", "Page 1 sur 1"
_PAGE_NAMES: Final = r"page|seite|pagina|página|strona|side"
_PAGE_OF: Final = r"\s*\d{1,3}\s*(?:of|von|de|di|z|van|sur|av|/)\s*\d{1,3}"

# Lines that are nothing but board UI, in any language (matched whole, case-insensitively; these three phrase lists
# are compiled together in _SHORT_CHROME below).
_CHROME_LINE: Final = (
    r"loading\s*(?:\.{2,3}|…)?|chargement\s*(?:\.{2,3}|…)?|wird geladen\s*(?:\.{2,3}|…)?|laden\s*(?:\.{2,3}|…)"
    r"|caricamento\s*(?:\.{2,3}|…)?|ładowanie\s*(?:\.{2,3}|…)?|加载中\s*(?:\.{2,3}|…)?|载入中.*"
    r"|view (?:this e-?mail )?(?:in (?:your |a |the )?browser|online|as a web page)"  # (a newsletter's first line)
    r"|(?:apply now|apply later|apply|save|share|print|report)(?:\s+(?:apply later|for this job|this job|job|now))*"
    r"|(?:postuler|bewerben|jetzt bewerben|solliciteren|candidati|aplikuj)(?: maintenant| jetzt| nu| ora| teraz)?"
    r"(?: (?:postuler plus tard|später bewerben|later solliciteren|candidati più tardi|aplikuj później))?"
    r"|candidater|enregistrer|partager|signaler(?: cette offre)?|segnala offerta|vacature melden|stellenanzeige melden"
    # Taleo's buttons, menus and footer
    r"|apply online|add to my job cart|send to a friend|refer a friend|printable format|previous|next|powered by"
    r"|oracle taleo|return to the previous page|basic search|advanced search|jobs matching my profile|all jobs"
    r"|my jobpage|my jobs|job search|my account options|help|welcome\. you are not signed in\.?|nato otan|email|e-mail"
    r"|sign out|log out|nato\s*[-–|]\s*careers|privacy statement|privacy policy|cookie policy|terms of use"
    # a cookie dialog's row of categories (Cookiebot's "Necessary Preferences Statistics Marketing")
    r"|(?:strictly )?necessary(?: cookies)? (?:preferences|functional)(?: cookies)?"
    r"(?: (?:statistics|analytics|performance|marketing|advertising|targeting)(?: cookies)?)+"
    r"|legal notice|impressum|datenschutzerklärung"
    r"|linkedin|facebook|twitter"
    # a channel's or a page's audience, a board's applicant count: "18 420 subscribers", "1.2k followers", "45 applicants"
    r"|\d[\d ,.\u00a0\u202f]*[km]?\s*(?:subscribers|followers|members|abonnés|abonnenten|volgers|iscritti"
    r"|obserwujących|applicants|candidatures)|pinned message|message épinglé|angeheftete nachricht"
    r"|copyright © \d{4},? oracle.*"
    r"|jetzt bewerben|bewerben|merken|teilen|job melden"
    r"|nu solliciteren|solliciteer(?: nu)?|opslaan|delen"
    r"|candidati(?: ora)?|candidatura rapida|salva|condividi"
    r"|aplikuj(?: teraz)?|zapisz|udostępnij|zgłoś ofertę"
    r"|点击免费申请候选人|报告工作|申请职位|立即申请|收藏|分享|工作内容|职位描述"
    r"|description\s*:?|job description\s*:?|:|-|–|•|\*|[_=~]{4,}"  # ("____": a mail's or a text export's rule)
    r"|descripción(?: del (?:puesto|empleo))?\s*:?|descrição(?: da vaga| do cargo)?\s*:?"
    r"|back to (?:search|results|jobs)|sign in|log in|register|create (?:a )?(?:job )?alert"
    # a job alert mail's own lines: "Your job alert for nato", "12 new jobs in Netherlands match your preferences."
    r"|your job alert for .{1,60}|\d{1,4}\+? new jobs? .{0,60}match(?:es)? your (?:preferences|search|profile)\.?"
    r"|actively recruiting"
    r"|accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|preferences)|cookie settings"
    r"|we value your privacy|your privacy choices|privacy preferences|manage consent(?: preferences)?"
    r"|tout accepter|tout refuser|alle akzeptieren|alles accepteren|accetta tutti|zaakceptuj wszystkie"
    r"|skip to (?:main )?content|skip to job description|show more|show less|voir plus|mehr anzeigen"
    r"|jump to content|my subreddits"  # (old Reddit's page head)
    r"|home|jobs|careers|menu|search(?: ?(?:\.\.\.|…))?|search jobs|my account|about the job|back to top|nato careers"
    r"|postuler sur le site de l['’]employeur|oorspronkelijke vacature|volledige vacaturetekst|profielinzichten"
    r"|functie-informatie|functietype|wat waar|dettagli dell['’]offerta|ontmoet het wervingsteam|bericht"
    # a job shared from a phone: "Check out this job on Indeed:", "Sent from my iPhone"
    r"|(?:check out|have a look at) this job(?: on [\w.]{2,20}(?: app)?)?\s*[:!]?|sent from my (?:iphone|ipad|android|phone)"
    r"|seniority level|job function|industries|accueil|startseite|inicio|strona główna|início"
    # LinkedIn's menu and hiring-team box; a board's skip link, sign-in and search box in other languages
    r"|my network|me|messaging|notifications(?: \d{1,3})?|for business|(?:re)?try premium for \S{1,8}"
    r"|meet the hiring team"
    r"|job poster|message|easy apply|about the company|apply on company site"
    r"|passer au contenu(?: principal)?|zum (?:haupt)?inhalt springen|hoppa till innehåll|przejdź do treści głównej"
    r"|connexion|se connecter|anmelden|inloggen|accedi|logga in|log ind|rechercher|suchen|zoeken|szukaj|buscar|sök|søg"
    r"|quoi ?\?|où ?\?|postuler sur le site de l['’]entreprise|signaler l['’]offre"
    r"|aceptar(?: todas?)?(?: las)?(?: cookies)?|rechazar(?: todas?)?(?: las)?(?: cookies)?|aceitar(?: todos)?(?: os)?"
    r"(?: cookies)?|rejeitar(?: todos)?(?: os)?(?: cookies)?|configurar cookies|política de cookies"
    r"|gerir preferências|gestionar preferencias|cookies on [\w .’'-]{1,40}"
    # a browser's print footer: the page's address and its page number ("https://nato.taleo.net/... 1/3")
    r"|https?://\S+\s+\d{1,3}/\d{1,3}"
    r"|(?:accept|reject) (?:additional|analytics|all) cookies|view cookies|hide (?:this )?(?:cookie )?message"
    # PDF page furniture: "Page 1 of 3", "Seite 2 von 3", "- 2 -", the page's security marking
    rf"|(?:{_PAGE_NAMES}|页){_PAGE_OF}"
    r"|-?\s*\d{1,3}\s*-|(?:nato|otan|nato/otan)\s*(?:unclassified|sans classification|non classifi[ée])"
    r"(?:\s*/\s*(?:sans classification|unclassified|non classifi[ée]))?|non classifi[ée] (?:otan|nato)"
    r"|releasable to (?:the )?(?:public|internet|[a-z]{2,5}(?:/[a-z]{2,5})*)"
    # a chat app's marks under a message: "(edited)", "8 replies  Last reply 2 days ago", a channel's "#career-moves"
    r"|\(edited\)|\(bearbeitet\)|\(modifié\)|reply|reply all|\d{1,4} repl(?:y|ies)(?:\s+last reply .{1,30})?"
    r"|#[a-z0-9][a-z0-9_-]{1,60}"
    # a channel's own notices, its members' names taken out by an export: "has joined the channel"
    r"|has (?:joined|left) (?:the |#)?(?:channel|group|[a-z0-9_-]{1,60})|(?:joined|left) (?:the |#)(?:channel|group)"
)
# Lines that are board adverts or banners wherever they appear (matched at the start).
_CHROME_PREFIX: Final = (
    r"activez les alertes|générez un cv|décrochez un entretien|créez une alerte"
    r"|get job alerts|get email alerts|create job alert|sign up for job alerts|upload your cv|join our talent"
    # a chat export's own notices (WhatsApp's first line)
    r"|messages and calls are end-to-end encrypted|messages to this (?:group|chat) are now secured"
    r"|vi bruker (?:informasjonskapsler|cookies)"
    r"|we use cookies|this (?:web)?site uses cookies|nous utilisons des cookies|ce site utilise des cookies"
    r"|wir verwenden cookies|diese website verwendet cookies|wij gebruiken cookies|deze website gebruikt cookies"
    r"|utilizziamo (?:i )?cookie|questo sito utilizza (?:i )?cookie|używamy plików cookie|ta strona używa"
    # a printed page's header with its number first: "Side 1 av 2 — Exercise Planning Assistant – arbeidsplassen.nav.no"
    rf"|(?:{_PAGE_NAMES}){_PAGE_OF}\s+[—–-]\s"
    r"|pro tip:|posted \d+ (?:day|hour|week|month)s? ago|publiée? il y a|vor \d+ tagen|\d+ dagen geleden"
    r"|pubblicato \d+ giorni fa|opublikowano \d+ dni temu|application takes less than|geschaltet vor \d+ (?:tagen|stunden)"
    r"|offerta pubblicata il|güncellendi:|\d+ gün önce"
    r"|publicad[oa] hace \d+|publicad[oa] há \d+"
    r"|正在加载|prêt à postuler|bereit zur bewerbung|klaar om te solliciteren|pronto a candidarti|gotowy do aplikowania"
    r"|join nato and take your career|ready to apply\??$"
    r"|caution: this e-?mail originated from outside|see how you compare to|referrals increase your chances"
    r"|cookies on (?:this|the|our) |este sitio (?:web )?utiliza cookies|utilizamos cookies|usamos cookies"
    r"|este site (?:utiliza|usa) cookies|we use some essential cookies"
    r"|we['’]d (?:also )?like to use (?:analytics |additional )?cookies|you['’]ve (?:accepted|rejected) (?:additional "
    r"|analytics )?cookies|you can change your cookie settings"
    # a page's skip link in the languages of NATO's nations (a logo's text may follow it on the line)
    r"|siirry pääsisältöön|hoppa till (?:huvud)?innehåll(?:et)?|spring til (?:hoved)?indhold(?:et)?|hopp til (?:hoved)?innhold"
    r"|gå til (?:hoved)?innhold|přejít na (?:hlavní )?obsah|preskočiť na (?:hlavný )?obsah|ugrás a (?:fő)?tartalomra"
    r"|sari la conținut|μετάβαση στο (?:κύριο )?περιεχόμενο|skip (?:to (?:main )?content|navigation)\b"
    # a newsletter's own chrome: "Having trouble reading this e-mail? View it in your browser", "Unsubscribe: ..."
    r"|having trouble (?:reading|viewing) this (?:e-?mail|message|newsletter)|view (?:this|it|the) (?:e-?mail |newsletter )?"
    r"(?:online|in (?:your|a) (?:web )?browser)|(?:this )?(?:e-?mail|newsletter) (?:is )?not displaying correctly"
    r"|unsubscribe\b|your e-?mail (?:program|client) cannot display|newsletter$"
    r"|subscribe (?:to (?:our |the )?(?:newsletter|job alerts?|vacancy alerts?)|to be informed)"
    # an applicant tracking system's footer: "Powered by SmartRecruiters · Legal · Job Seeker Privacy Policy"
    r"|powered by (?:smart ?recruiters|workday|taleo|oracle|greenhouse|lever|teamtailor|jobvite|icims|successfactors"
    r"|personio|recruitee|workable|bamboohr)\b"
)
# Headings of chrome blocks: the heading, then intro lines and bullets until real text.
_BLOCK_HEADS: Final = (
    r"track this job|save this job|ai-powered job summary|job summary \(ai\)|suivre cette offre"
    r"|sauvegarder cette offre|diesen job verfolgen|job speichern|volg deze vacature|vacature opslaan"
    r"|segui questa offerta|salva questa offerta|śledź tę ofertę|zapisz tę ofertę"
    r"|résumé de l['’]offre (?:par|généré par) (?:l['’])?ia|ki-gestützte (?:job)?zusammenfassung|ai-samenvatting(?: van de vacature)?"
    r"|riepilogo (?:dell['’]offerta )?(?:con|generato dall['’]) ?ia|podsumowanie oferty (?:przez )?ai"
)
# (This pattern and the next three are only tested for a match: their phrases are grouped by first letter,
# ``patterns.by_first_letter``, so a line is tried against a few branches instead of each phrase.)
_BLOCK_HEAD: Final = rxcache.compile(r"^(?:" + by_first_letter(alternatives(_BLOCK_HEADS)) + r")\s*$", re.IGNORECASE)
_BLOCK_HEAD_STARTS: Final = first_chars(alternatives(_BLOCK_HEADS))
_BLOCK_BODIES: Final = (
    r"[-•*]\s|add this job|get a concise|pro tip|ajoutez cette offre|obtenez|fügen sie|voeg deze|aggiungi|dodaj"
    r"|erhalten sie|krijg|ottieni|uzyskaj|astuce|profi-tipp|pro-tip|suggerimento|wskazówka"
)
_BLOCK_BODY: Final = rxcache.compile(r"^(?:" + by_first_letter(alternatives(_BLOCK_BODIES)) + ")", re.IGNORECASE)
# Start of the board's tail (similar jobs, stats, tags, related searches).
_TAILS: Final = (
    r"similar jobs|related jobs|more jobs like this|jobs like this|other jobs (?:at|from)|people also viewed"
    r"|you may also like|recommended jobs|key skills|ranked by relevance.*"
    r"|seniority level|people also viewed|compétences clés|wichtige fähigkeiten|belangrijke vaardigheden"
    r"|competenze chiave|kluczowe umiejętności|关键技能"
    r"|offres similaires|emplois similaires|offres d['’]emploi similaires|annonces similaires"
    r"|ähnliche (?:jobs|stellen(?:angebote)?)|weitere jobs|vergelijkbare vacatures|soortgelijke vacatures"
    r"|vergelijkbare banen|offerte simili|lavori simili|annunci simili|offerte di lavoro simili|ricerche correlate"
    r"|mehr jobs wie diese[nr]?|similar vacancies|altre offerte simili|suchen zu jobs"
    r"|similar (?:offers|positions|postings|opportunities|roles)"
    r"|podobne oferty(?: pracy)?|podobne ogłoszenia|empleos similares|ofertas similares|trabajos similares"
    r"|vagas semelhantes|empregos semelhantes|ofertas semelhantes|相同的工作|相似职位|类似职位|相关职位|推荐职位"
    r"|lignende stillinger|benzer i̇lanlar|benzer ilanlar|podobné nabídky|podobné pozice"
    r"|you might also like|you may also be interested in|das könnte (?:sie|dich) (?:auch )?interessieren"

    r"|ces offres (?:pourraient|peuvent) (?:aussi |également )?vous intéresser|dit vind je misschien ook interessant"
    r"|potrebbero interessarti(?: anche)?|te mogą cię zainteresować|może cię (?:też )?zainteresować"
    # a board's other jobs and searches below the posting (Indeed, werk.nl, a college's own page)
    r"|hiring insights|job activity|jobs near .{2,40}|people also searched.*|other vacancies|other current vacancies"
    r"|other open vacancies|other open positions"
    r"|meer vacatures zoals deze|meer zoeken rond deze vacature|andere vacatures|more jobs|looking for talent\?"
    r"|other job openings(?: at this duty station| at .{2,40})?"
)
_TAIL: Final = rxcache.compile(r"^(?:" + by_first_letter(alternatives(_TAILS)) + r")\s*:?$", re.IGNORECASE)
# (the characters a line these patterns match can start with: a line that starts otherwise is not tried, a call of the
# engine costing more than the test; see patterns.first_chars)
_TAIL_STARTS: Final = first_chars(alternatives(_TAILS))
# Tail markers that only ever belong to a board; they cut wherever they are.
_STRONG_TAILS: Final = (
    r"similar jobs|more jobs like this|job stats:|offres similaires|ähnliche jobs|vergelijkbare vacatures"
    r"|offerte simili|podobne oferty|empleos similares|ofertas similares|vagas semelhantes|相同的工作|相似职位|类似职位"
    r"|lignende stillinger|benzer i̇lanlar|benzer ilanlar|podobné nabídky|other jobs matching your search"
    r"|mehr jobs wie diese[nr]?|similar vacancies|altre offerte simili"
    r"|similar (?:offers|positions|postings|opportunities|roles)"  # (EURAXESS's "Similar offers")
    # (the same in other languages: a board's words, never a posting's heading)
    r"|annunci simili|lavori simili|offerte di lavoro simili|emplois similaires|annonces similaires"
    r"|offres d['’]emploi similaires|ähnliche stellen(?:angebote)?|soortgelijke vacatures|vergelijkbare banen"
    r"|podobne ogłoszenia|trabajos similares|empregos semelhantes|ofertas semelhantes|相关职位|推荐职位|podobné pozice"
    r"|other jobs (?:at|from) [\w&.'’ -]{2,40}:?$"  # ("Other jobs at DIANA": a board's list, not a sentence)
    # "these offers may interest you too": a board's, whatever follows its list (Welcome to the Jungle's footer)
    r"|ces offres (?:pourraient|peuvent) (?:aussi |également )?vous intéresser|dit vind je misschien ook interessant"
    r"|das könnte (?:sie|dich) (?:auch )?interessieren|potrebbero interessarti(?: anche)?|te mogą cię zainteresować"
    r"|these jobs (?:might|may) (?:also )?interest you|jobs you (?:might|may) (?:also )?like"
)
# More tail markers that only ever belong to a board, whole lines: a set, looked up only for a line starting with one of
# their first letters (in _STRONG_TAIL, each would cost a compile at import and a branch at every line)
_STRONG_TAIL_EXACT: Final = frozenset({
    "people also viewed", "more jobs for you", "lignende job", "liknande annonser", "liknande jobb", "joburi similare",
    "locuri de muncă similare", "παρόμοιες αγγελίες", "les personnes qui ont consulté cette offre ont également consulté",
    "les personnes qui ont consulté cette offre ont aussi consulté",
    # the other languages of NATO's nations (Slovak, Czech, Slovenian, Croatian/Serbian, Bulgarian, Macedonian, Greek,
    # Lithuanian, Latvian, Estonian, Finnish, Hungarian, Albanian, Icelandic, Danish/Norwegian, Dutch, Turkish)
    "podobné ponuky", "podobné pracovné ponuky", "podobné inzeráty", "podobná delovna mesta", "podobni oglasi",
    "podobne zaposlitve", "slični oglasi", "slični poslovi", "slicni oglasi", "slični oglasi za posao", "подобни обяви",
    "подобни позиции", "слични огласи", "παρόμοιες θέσεις", "παρόμοιες θέσεις εργασίας", "panašūs skelbimai",
    "panašūs darbo skelbimai", "līdzīgas vakances", "līdzīgi darba piedāvājumi", "sarnased töökuulutused",
    "sarnased pakkumised", "samankaltaisia työpaikkoja", "vastaavia työpaikkoja", "samankaltaiset työpaikat",
    "hasonló állások", "hasonló hirdetések", "punë të ngjashme", "njoftime të ngjashme", "svipuð störf",
    "lignende annonser", "gelijkaardige vacatures", "benzer iş ilanları",
    "hiring insights", "meer vacatures zoals deze", "meer zoeken rond deze vacature",
    "set alert for similar jobs", "see more jobs like this",  # LinkedIn, below the job
    "看过该职位的人还看了", "看过此职位的人还看了", "相似职位推荐",  # ("who viewed this job also viewed")
})
_STRONG_TAIL_FIRST: Final = "".join(sorted({c for phrase in _STRONG_TAIL_EXACT for c in (phrase[0], phrase[0].upper())}))
_STRONG_TAIL: Final = rxcache.compile(r"^(?:" + by_first_letter(alternatives(_STRONG_TAILS)) + ")", re.IGNORECASE)
_STRONG_TAIL_STARTS: Final = first_chars(alternatives(_STRONG_TAILS)) + _STRONG_TAIL_FIRST
# A board's machine summary: "<Body> is seeking a ... The ideal candidate ...".
_BOARD_SUMMARY: Final = rxcache.compile(r"\b(?:is|are) (?:seeking|looking for|hiring|recruiting)\b.*\bideal candidate\b", re.I)
# Where the posting itself starts (the board summary can only come before it).
_POSTING_START: Final = rxcache.compile(
    r"^(?:open to nationals|staff vacancy|vacancy (?:number|notice)|notification of|title\s*:|\d{1,2}[.)]\s+\S"
    r"|[-•]?\s*summary\b|pending budget approval)",
    re.IGNORECASE,
)
# Emoji and pictographs boards put in their lists ("⏰ 02-01-2026🌏 Anderlecht").
# (FE0F: the emoji style selector; 1F170-1F1E5: the squared letters "🆕", "🅿", not the flags' letters after them)
_PICTO: Final = rxcache.compile(r"[\u23f0-\u23ff\u2600-\u27bf\U0001f170-\U0001f1e5\U0001f300-\U0001faff\ufe0f]")
_ASCII_BYTES: Final = bytes(range(128))
# The characters of _SPACE other than " " and "\t" (all of them unprintable).
_ODD_SPACE: Final = rxcache.compile(_SPACE.replace(r" \t", "", 1))


_CELLS: Final = rxcache.compile(r"^\s*(\S.{0,44}?)(?:\t|[ \t]{2,})[ \t]*(\S.*)$")
_BULLET_MARK: Final = rxcache.compile(r"^[-•*·]\s+")
# (the "-" first, then a look back at the two letters before it: the engine skips straight to each "-")
_HYPHENATED: Final = rxcache.compile(r"-(?<=[a-zà-ÿ]{2}-)[ \t]*\n[ \t]*(?=[a-zà-ÿ]{2})")
_PIPE_ROW: Final = rxcache.compile(r"^\s*\|(.*\|.*)\|\s*$")
_BORDERLESS_ROW: Final = rxcache.compile(r"^\s*([^|]{1,45}?\s\|\s[^|]+)$")  # "Reference | 270001": one bar, two cells
# A label in Markdown emphasis or after a heading/quote mark, with its value on the line: "**Grade:** G15",
# "__Location__: Mons", "## Closing date: 15/02/2027", "> Grade: G15"
_MD_LABEL: Final = rxcache.compile(
    r"^(?:#{1,6}\s+|>\s*|[-*+•]\s+)?(\*\*|__|\*|_)([^*_:：|]{1,45}?)\s*(?:\1\s*[:：]|[:：]\s*\1)\s*(\S.*)$"
    r"|^(?:#{1,6}\s+|>\s*)()([^*_:：|]{1,45}?)\s*[:：]\s*(\S.*)$"
)
_WIDE_GAP: Final = rxcache.compile(r" {2,}")
# A label, dot leaders, its value (or none: the value on the next line): "Vacancy Number ............. JWC27-03"
_DOT_LEADER: Final = rxcache.compile(r"^\s*(\S[^.]{1,44}?)\s*(?:\.\s?){4,}\s*(.*)$")
# A Markdown note's own front matter: "---", lines of "key: value" (or a list's "- item"), "---"
_OWN_FRONT_MATTER: Final = rxcache.compile(r"\A---\n(?:[\w-]{1,30}:[^\n]*\n|[ \t]*- [^\n]*\n){1,30}---\n")
# An Org-mode entry's planning line ("DEADLINE: <2027-04-02 Fri> SCHEDULED: <2027-03-27 Sat>", "CLOSED: [2027-02-20
# Sat 22:41]") or property drawer (":PROPERTIES:" ... ":END:")
_ORG_PLANNING: Final = rxcache.compile(
    r"^[ \t]*(?:(?:DEADLINE|SCHEDULED|CLOSED):[ \t]*[<\[]\d{4}-\d\d-\d\d[^>\]\n]{0,40}[>\]][ \t]*)+\n"
    r"|^[ \t]*:PROPERTIES:[ \t]*\n(?:[ \t]*:[\w-]{1,40}:[^\n]*\n){0,40}?[ \t]*:END:[ \t]*\n",
    re.M,
)
# ... a web clipper's, which gives the page's address ("source: https://...")
_CLIPPED_PAGE: Final = rxcache.compile(r"^(?:source|url|link)s?:[ \t]*[\"']?https?://", re.M | re.I)
# A text browser's link marks ("[3]About") and the numbered list of their addresses at the end of the page
# (Firefox's "Save Page As – Text Files" puts the mark after the link, "Careers[5]", and an image's as "[image]")
_LINK_MARK: Final = rxcache.compile(
    r"\[\d{1,3}\](?=\S)|(?<=\S)\[\d{1,3}\]|\[(?:image|IMG|INLINE)(?::[^\]\n]{0,160})?\]"
)
_LINK_LIST: Final = rxcache.compile(r"\n[ \t]*(?:References|Visible links|Hidden links)[ \t]*\n(?:\s*\d{1,3}\.[ \t]+\S+[ \t]*)+\s*$")
_WHOLE_EMPHASIS: Final = rxcache.compile(r"^(\*{1,2}|_{1,2})(\S(?:[^*_]*\S)?)\1$")
_QUOTE_AUTHOR: Final = rxcache.compile(r"(?m)^[ \t]*[^\n:]{1,60}? (?:a écrit|wrote|schrieb)[ \t]?:[ \t]+(?=\S)")
# An Org-mode file's settings ("#+TITLE: ...") and its blocks' marks ("#+begin_quote", "#+END_EXAMPLE": the block's
# lines stay)
_ORG_KEYWORD: Final = rxcache.compile(r"(?m)^#\+(?:[A-Za-z_]+:[^\n]*|(?i:begin|end)_[A-Za-z]+[^\n]*)\n?")
_WIKILINK: Final = rxcache.compile(r"\[\[([^\[\]|\n]{1,120})(?:\|([^\[\]\n]{1,160}))?\]\]")
_COMMENT_MARK: Final = rxcache.compile(r"(?<=[\w.,;:)’'])\[[a-z]{1,2}\]")
_OTHER_BULLETS: Final = frozenset("●▪■►◦○➢❖")
_EMPHASIS_PART: Final = rxcache.compile(r"(\*{1,2}|_{1,2})(\S(?:[^*_]*\S)?)\1")
_EMPHASIS_PARTS: Final = rxcache.compile(r"^(\*{1,2}|_{1,2})\S(?:[^*_]*\S)?\1(?:\s+[—–|·-]\s+(\*{1,2}|_{1,2})\S(?:[^*_]*\S)?\2)+$")
# What a badge row holds: a schedule, a post count or a workplace type ("On-site  Full-time", "Hybrid  2 posts")
_BADGE_WORD: Final = rxcache.compile(SCHEDULE_HINT.pattern + r"|" + POSTS_HINT.pattern + r"|\b(?:on-?site|hybrid|remote)\b", re.I)


def normalise_line(line: str, odd_spaces: bool = True) -> str:
    """One line with spaces collapsed and the ends stripped; a table row "Label  value"
    (cells that HTML or a PDF separated by a tab or several spaces) becomes "Label: value"; any other row
    of tab-separated cells becomes "cell · cell" (a board's badge row: place, site, schedule).

    ``odd_spaces`` False says the line holds none of _SPACE's characters but " " and "\t" (``clean_lines`` knows it
    of a whole text): then a line is not asked whether it is printable (~30 instructions a character)."""
    if line[:1] in _OTHER_BULLETS and line[1:2] in (" ", "\t"):
        line = "•" + line[1:]  # "● Salary: EUR 4,611.72": a bullet of another shape, which fields read as "•"
    elif line[:2] in ("– ", "— ") and 0 < line.find(":", 2, 50) and label_key(line[2 : line.find(":", 2, 50)]) is not None:
        line = "•" + line[1:]  # "– Salary: Basic monthly salary ...": a dash as a field's bullet
    if "...." in line and (leader := _DOT_LEADER.match(line)) and label_key(leader.group(1)) is not None:
        # "Post Title ......... Scenario Development Officer", "Grade ........ : B-4/G-10"
        line = f"{leader.group(1)}: {leader.group(2).lstrip(':： ')}".rstrip()
    if line[:1] == ":" and (codes := _SHORTCODES.match(line)):  # (Slack writes its emoji as ":name:")
        line = "" if _REACTIONS.match(line) else line[codes.end() :]
    if line and (line.lstrip()[:1] in "*_#>" or (line.lstrip()[:1] in "-+•" and ("**" in line or "__" in line))):
        md = _MD_LABEL.match(line.strip())
        label, value = (md.group(2), md.group(3)) if md and md.group(1) else (md.group(5), md.group(6)) if md else ("", "")
        if md and label_key(label) is not None:  # "**Closing date:** 15/02/2027", "## Grade: G15"
            line = f"{label.strip()}: {value}"
        elif line[:1] in "*_":
            whole = _WHOLE_EMPHASIS.match(line.strip())
            if whole:  # "*Allied Joint Force Command Brunssum (JFC Brunssum)*": a chat's or Markdown's bold line
                line = whole.group(2)
            elif _EMPHASIS_PARTS.match(line.strip()):  # "*Innovation Partnerships Officer* — *DIANA*": bold parts
                line = _EMPHASIS_PART.sub(r"\2", line)
    # Nothing to collapse or split: no run of spaces, no cells, and no other space character (all of _SPACE but " "
    # is unprintable, so a printable line has none).
    if "\t" not in line and "|" not in line and (not odd_spaces or line.isascii() or line.isprintable()):
        if "  " not in line:
            return line.strip()
        inner = line.strip()
        if "  " not in inner and not (" " in inner[1:4] and _LETTER_SPACED.search(inner)):
            return inner  # an indented line (a PDF's): no run of spaces but the indent
    if "\t" in line and " / " in line:
        cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
        if len(cells) == 3 and " / " in cells[0] and len(cells[0]) <= 60 and " / " not in cells[1] + cells[2] and (
            label_key(cells[0]) is not None
        ):  # a bilingual table's row, "Location / Lieu<TAB>Rome, Italy<TAB>Rome, Italie": the label's two sides
            return collapse_spaces(f"{cells[0]}: {cells[1]} / {cells[2]}")
    row = (_PIPE_ROW.match(line) or _BORDERLESS_ROW.match(line)) if "|" in line else None
    if row:  # a Markdown table row: "| Title | Clerk |" is "Title: Clerk"; "|---|---|" is no text
        # (a cell's whole-cell emphasis is no part of it: pandoc's "| **Grade** | A-3 |")
        cells = [collapse_spaces(c).strip().strip("*_").strip() for c in row.group(1).split("|")]
        if all(not c.strip(":- ") for c in cells):
            return ""
        if len(cells) == 2 and cells[1] and label_key(cells[0]) is not None and label_key(cells[1]) is None:
            return f"{cells[0].rstrip(':：').rstrip()}: {cells[1]}"  # (antiword's "|Post title:   |Clerk  |")
    m = _CELLS.match(line) if "\t" in line or "  " in line else None  # (cells need a tab or a run of spaces)
    if m and "\t" not in line and m.group(2).count("  ") >= 2 and len(m.group(2)) >= 40:
        m = None  # "Department  of  State.  Candidates  should ...": a justified line of prose, spaced between its words
    elif m and len(rest := split_cells(m.group(2).strip())) >= 2 and label_key(rest[0]) is not None:
        m = None  # "Title<TAB>Grade<TAB>Location<TAB>Closing Date": a table's head, its cells all labels
    if m and (label_key(m.group(1)) is not None or ("\t" in line and bilingual_key(m.group(1)))) and not (
        m.group(1).rstrip().endswith(":")
    ):
        line = f"{m.group(1).strip()}: {m.group(2).lstrip(':： ')}"  # ("Primary Location  : ...": Taleo's own colon)
    elif line.strip().count("\t") >= 2 and not (m and m.group(1).rstrip().endswith(":")):
        # "Neuilly-sur-Seine, France<TAB>On-site<TAB>Full-time": a row of short cells, kept apart
        cells = [cell for cell in (collapse_spaces(c).strip() for c in line.split("\t")) if cell.strip("·•|-–")]
        if len(cells) >= 3 and all(len(cell) <= 60 for cell in cells):
            line = " · ".join(cells)
    elif "\t" not in line and "  " in line.strip():
        # "On-site  Full-time": a badge row whose short items a board set apart with runs of spaces (the shape of its
        # cells is checked before the words: a search for them costs ~10x more)
        cells = [c.strip() for c in _WIDE_GAP.split(line.strip())]
        if 2 <= len(cells) <= 6 and all(0 < len(c) <= 30 and len(c.split()) <= 3 and c[-1] not in ".;:,"
                                        for c in cells) and _BADGE_WORD.search(line):
            line = " · ".join(cells)
        elif len(cells) >= 3 and "    " in line.strip() and is_chrome_line(" · ".join(cells[1:])):
            # "Senior Cloud Platform Engineer-270533      Apply Online    Add to My Job Cart    Share": a PDF's line
            # with the page's buttons set beside the title
            line = cells[0]
    if " " in line and " " in line[1:4] and _LETTER_SPACED.search(line):
        # "V A C A N C Y   N O T I C E   No. 03/2027": a heading's letters spaced out, its words apart by wider gaps
        line = _SPACED_WORD.sub(lambda m: m.group(0).replace(" ", ""), line)
    return collapse_spaces(line).strip()


_LETTER_SPACED: Final = rxcache.compile(r"(?<!\S)[A-Z](?: [A-Z]){4,}(?!\S)")  # (five capitals or more, one space apart)
_SPACED_WORD: Final = rxcache.compile(r"(?<!\S)[A-Z](?: [A-Z])+(?!\S)")


# A running page header or footer of a Word or PDF export: "International Military Staff – Vacancy Notice 27/IMS/045
# Page 1 of 2" (its own words, then the page number at the end)
_PAGE_FOOTER: Final = rxcache.compile(
    rf"\s(?:{_PAGE_NAMES}){_PAGE_OF}$", re.IGNORECASE
)


# A browser's print footer: the page's address, then the page's number of the pages printed ("https://nato.taleo.net/
# careersection/... 1/4", "about:reader?url=https://... 2/4")
_PRINT_FOOTER: Final = rxcache.compile(r"^(?:https?://|about:|file:|www\.)\S+\s+\d{1,3}/\d{1,3}$", re.M)


def _is_page_footer(line: str) -> bool:
    if line[:1] in "hafw" and "/" in line[-8:] and _PRINT_FOOTER.match(line):
        return True
    tail = line[-24:].lower()  # (a quick test: most lines that end in a figure are no page footer)
    if "pag" not in tail and "seite" not in tail and "strona" not in tail and "ágina" not in tail and "side" not in tail:
        return False
    return len(line) <= 140 and len(line.split()) <= 14 and bool(_PAGE_FOOTER.search(line))


_PAGE_NUMBER: Final = rxcache.compile(
    rf"^(?:{_PAGE_NAMES}){_PAGE_OF}$", re.I)


# The ends of "Page"/"page", "PAGE", "Seite", "Pagina"/"Página", "Strona" (fewer searches of the text; another word
# ending so before a figure, "message 2", only costs the search for page numbers)
_PAGE_WORDS: Final = ("age ", "AGE ", "eite ", "gina ", "rona ", "ide ")


def _has_page_number(text: str, marks: frozenset[str]) -> bool:
    """Whether ``text`` may hold a page's number ("Page 2", "Seite 2 von 3"): a gate for ``_page_furniture`` (a test of
    every line's last character costs ~10x more). ``marks``: ``_marks_of(text)``, which holds ``_PAGE_NUMBER_MARK``
    when one of ``_PAGE_WORDS`` is followed by a digit."""
    return (
        ("\n1\n" in marks and "\n2\n" in marks)  # (a PDF's text giving its page numbers alone on their lines)
        or _PAGE_NUMBER_MARK in marks
        or (" 1/" in marks and _PRINT_FOOTER.search(text) is not None)  # (a page a browser printed: "1/4" below)
    )


# The marks ``clean_lines`` looks for in a whole text (a lynx dump's, a PDF's split words, a mail's, an Org note's, a
# pandoc table's, a page's number), found in one pass of an Aho-Corasick automaton over its UTF-8 (``_marks_of``):
# ~15 us a posting, where a search for each (a few characters, in a text that is seldom Latin-1) cost 3-5 us.
_MARKS: Final = (
    "[1]", "http", "-\n", "- \n", " a écrit", " wrote:", " schrieb:", "\n#+", "DEADLINE: <", "SCHEDULED: <",
    ":PROPERTIES:", "\\'", "[[", "\n[a]", "\n>", "orwarded message", "riginal Message", "\n+--", "\n  ---", "\n---",
    "ubject:", "bjet :", "\n1\n", "\n2\n", " 1/",
)
_PAGE_NUMBER_MARK: Final = "a page's number"  # (in the marks when one of _PAGE_WORDS is followed by a digit)
_MARK_WORDS: Final = _MARKS + _PAGE_WORDS
_MARKS_AUTOMATON: Final = ahocorasick_rs.BytesAhoCorasick(
    [word.encode("utf-8") for word in _MARK_WORDS], implementation=ahocorasick_rs.Implementation.DFA
)


def _marks_of(text: str) -> frozenset[str]:
    """The ``_MARKS`` that ``text`` holds, and ``_PAGE_NUMBER_MARK`` when a digit follows one of ``_PAGE_WORDS``. (The
    UTF-8 of a word is in the UTF-8 of a text exactly where the word is in the text.)"""
    raw = text.encode("utf-8", "surrogatepass")
    found: set[str] = set()
    marks = len(_MARKS)
    for index, _, end in _MARKS_AUTOMATON.find_matches_as_indexes(raw, overlapping=True):
        if index < marks:
            found.add(_MARK_WORDS[index])
        elif end < len(raw) and _digit_at(raw, end):
            found.add(_PAGE_NUMBER_MARK)
    return frozenset(found)


def _digit_at(raw: bytes, at: int) -> bool:
    """Whether the character whose UTF-8 starts at ``at`` in ``raw`` is a digit (``str.isdigit``)."""
    lead = raw[at]
    if lead < 0x80:
        return 0x30 <= lead <= 0x39
    size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    return raw[at : at + size].decode("utf-8", "surrogatepass")[:1].isdigit()


class _Marks:
    """The marks of the text ``clean_lines`` works on, found again when a step changed it (a step that changes the text
    leaves a new string; one that does not, the same)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.marks = _marks_of(text)

    def of(self, text: str) -> frozenset[str]:
        if text is not self.text:
            self.text = text
            self.marks = _marks_of(text)
        return self.marks

    def holds(self, text: str, word: str) -> bool:
        """``word in text`` (``word`` one of ``_MARKS``)."""
        return word in self.of(text)

    def holds_before(self, text: str, word: str, end: int) -> bool:
        """``word`` is in ``text[:end]`` (``word`` one of ``_MARKS``; searched only when the text holds it)."""
        return word in self.of(text) and text.find(word, 0, end) >= 0


def _without_furniture(lines: list[str], furniture: set[int]) -> list[str]:
    """``lines`` without the ``furniture`` lines and the chrome lines; a word a page break split ("by 23:59 hrs (Nor-"
    / "NATO UNCLASSIFIED" / "2" / "wegian time) on 21 January 2027") joined again."""
    kept: list[str] = []
    broken = False  # (whether a line was left out since the last line kept)
    for i, line in enumerate(lines):
        if i in furniture or (line and is_chrome_line(line)):  # (a blank line is none: not asked, ~40% of lines)
            broken = True
            continue
        if broken and kept and kept[-1][-1:] == "-" and line[:1].islower() and _SPLIT_WORD.search(kept[-1]) and (
            word := _NEXT_WORD.match(line)
        ):
            kept[-1] = kept[-1][:-1] + ("-" if word.group() in _COMPOUND_ENDS else "") + line
        elif not (broken and not line and kept and kept[-1][-1:] == "-"):
            kept.append(line)
            broken = False
    return kept


_SPLIT_WORD: Final = rxcache.compile(r"[a-zà-ÿ]{2}-$")


def _bare_page_numbers(lines: list[str], ends: list[int]) -> list[int]:
    """The indices of the lines that are only a page's number, "1", then "2" further down, ...: two or more, counting
    up from 1 or 2 in order (a figure alone on its line elsewhere, a table's cell, does not count up so)."""
    numbers = [i for i in ends if len(lines[i]) <= 2 and lines[i].isdigit()]
    pages: list[int] = []
    for i in numbers:
        if int(lines[i]) == (int(lines[pages[-1]]) + 1 if pages else int(lines[i])) and (pages or lines[i] in ("1", "2")):
            pages.append(i)
    return pages if len(pages) >= 2 and len(pages) * 2 >= len(numbers) else []


def _page_furniture(lines: list[str]) -> set[int]:
    """The indices of a PDF's page footers ("International Military Staff – Vacancy Notice 27/IMS/045 Page 1 of 2") and
    of its running header where it repeats, right after a page end ("Page 1 of 3" or a footer): a line found there
    twice, or once and among the first page's top lines ("NSPA Vacancy Notice 26/287"). Elsewhere a running header
    stays (the notice's own header, where facts are read); a line of the posting that follows a page end is not
    repeated there. (A lone "Page 1 of 3" is a chrome line.)"""
    ends = [i for i, line in enumerate(lines) if line[-1:].isdigit()]  # (a page number ends its line)
    footers = {i for i in ends if _is_page_footer(lines[i])}
    footers.update(_bare_page_numbers(lines, ends))
    after: dict[str, list[int]] = {}
    before: dict[str, list[int]] = {}  # (a running footer above a lone page number: "1NSB-27-02 – CIS ..." / "Page 2 of 3")
    for i in ends:
        if i >= 8 and (i in footers or _PAGE_NUMBER.match(lines[i])):  # (a number among the first lines heads page 1)
            if i not in footers or len(lines[i]) <= 2:
                above = next((j for j in range(i - 1, max(i - 4, 0), -1) if lines[j] and not is_chrome_line(lines[j])),
                             None)
                if above is not None and len(lines[above]) <= 120:
                    before.setdefault(lines[above], []).append(above)
            taken = 0  # (the first three lines of the next page that are no chrome: its markings come first)
            for j in range(i + 1, min(i + 8, len(lines))):
                following = lines[j]
                if following and len(following) <= 120 and not is_chrome_line(following):
                    at = after.setdefault(following, [])
                    if j not in at:  # (a page's end given twice, "1" / "Page 1 of 3": the lines after it once)
                        at.append(j)
                    taken += 1
                    if taken == 3:
                        break
    if after:
        top = set(lines[:8])
        running = [line for line, at in after.items() if len(at) >= 2 or line in top]
        footers.update(j for line in running for j in after[line])
        # a browser's print header, the date and time it printed and the page's title ("3/1/26, 10:42 AM Policy
        # Officer (Climate Change and Security)-260112"), is no notice's own header: it goes on the first page too
        printed = {line for line in running if line[:1].isdigit() and _PRINT_STAMP.match(line)}
        footers.update(i for i, line in enumerate(lines[:8]) if line in printed)
    footers.update(j for at in before.values() if len(at) >= 2 for j in at)
    return footers


# The date and time a browser prints at the top of each page, before the page's title: "3/1/26, 10:42 AM",
# "22.06.26, 09:14", "01/03/2026, 10:42"
_PRINT_STAMP: Final = rxcache.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? \d{1,2}:\d{2}(?:[\s\u202f]?[AaPp]\.?[Mm]\.?)? +\S"
)
# A message's time and author at the start of its line in a chat app's export: WhatsApp's "[14/02/2027, 21:04:10] Marta
# López: " (iOS), "14/02/2027, 21:04 - Marta López: " (Android)
_CHAT_EXPORT_FIRST: Final = frozenset("[0123456789\u200e\u200f")
_CHAT_EXPORT_STAMP: Final = (r"[\u200e\u200f]?\[?\d{1,2}[./-]\d{1,2}[./-]\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?"
                      r"(?:[\s\u202f]?[AaPp]\.?[Mm]\.?)?(?:\] | - )")
_CHAT_EXPORT_PREFIX: Final = rxcache.compile(_CHAT_EXPORT_STAMP + r"[^:\n]{1,40}: ")
_CHAT_STAMP: Final = rxcache.compile(_CHAT_EXPORT_STAMP)


def _chat_export(lines: list[str]) -> list[str]:
    """A chat app's export without each message's time and author; the one-line messages before the first message of
    several lines (what was pasted: "hey, you still looking at Norfolk?" / "yes!! why" / "saw this on ...") are the
    chat about it, no part of it."""
    # (each line with the end of its time and author, 0 for a line of a message's text)
    marked = [(line, m.end() if (m := _CHAT_EXPORT_PREFIX.match(line)) else 0) for line in lines]
    # (a line with a time and no author is the app's own: "Marta Silva created group ...", "... added Jonas")
    marked = [(line, message) for line, message in marked if message or not _CHAT_STAMP.match(line)]
    pasted = next((i for i in range(len(marked) - 1)
                   if marked[i][1] and not marked[i + 1][1] and marked[i + 1][0].strip()), 0)
    return [line[message:] for i, (line, message) in enumerate(marked) if i >= pasted or not message]


# A chat app's author and time above a message, and its time beside a continued one
_CHAT_AUTHOR: Final = rxcache.compile(r"[^\n—]{1,40} — (?:today|yesterday|\d{1,2}/\d{1,2}/\d{2,4})(?: at)? \d{1,2}:\d{2}(?: ?[ap]m)?$",
                          re.I)
# Slack's "Marta Kowalczyk  9:14 AM" above a message copied as text (a name, not a label: "Closing Date 9:00 AM")
_CHAT_NAME_TIME: Final = rxcache.compile(r"([A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){1,3})\s+\d{1,2}:\d{2} ?[AP]M$")
_CHAT_TIME: Final = rxcache.compile(r"(?:[^\W\d][\w.'’-]*(?: [^\W\d][\w.'’-]*){0,3}\s+)?\[\d{1,2}:\d{2}(?: ?[ap]m)?\]$", re.I)
# Slack's emoji shortcodes before a line's text (":round_pushpin: London", ":moneybag: Basic salary: ..."), and a row
# of reactions under a message (":eyes: 6  :rocket: 3")
_SHORTCODES: Final = rxcache.compile(r"^\s*(?::[a-z0-9_+'-]{1,40}:\s*)+")
_REACTIONS: Final = rxcache.compile(r"^\s*(?::[a-z0-9_+'-]{1,40}:\s*\d{1,4}\s*)+$")


def is_chrome_line(line: str) -> bool:
    """True for a line that is only board UI (buttons, banners, loading markers, menu items)."""
    mark = _BULLET_MARK.match(line) if line[:1] in "-•*·" else None
    bare = line[mark.end() :] if mark else line  # (what _BULLET_MARK.sub("", line) leaves: it only matches at 0)
    if ("|" in bare or " · " in bare) and len(bare) <= 120 and _is_menu(bare):
        return True
    if " · " in bare and len(bare) <= 160 and all(
        _SHORT_CHROME_CASELESS.match(cell) for cell in bare.split(" · ")
    ):  # a row of a board's buttons and menu items: "Apply Online · Add to My Job Cart · Refer a Friend"
        return True
    if bare[:1] == "[" and bare[-1:] == "]" and len(bare) <= 120 and all(
        _SHORT_CHROME_CASELESS.match(cell) for cell in bare[1:-1].split("] [")
    ):  # a page's buttons as a Markdown copy writes them: "[Apply] [Save job] [Send to a friend]"
        return True
    if bare[-5:] == " logo" and len(bare) <= 46 and "." not in bare:
        return True  # an image's alt text: "DIANA logo"
    if " / " in bare and len(bare) <= 100 and ": " not in bare and _SHORT_CHROME_CASELESS.match(
        bare.partition(" / ")[0]
    ):  # a bilingual page's buttons: "Accetta tutti / Accept all Rifiuta / Reject Informativa privacy"
        return True
    if len(bare) <= 80 and (
        (" — " in bare and (" at " in bare or bare[-3:-2] == ":" or bare[-1:] == "m") and _CHAT_AUTHOR.match(bare))
        or (bare[-1:] == "]" and _CHAT_TIME.match(bare))
        or (bare[-1:] == "M" and (name := _CHAT_NAME_TIME.match(bare)) is not None and label_key(name.group(1)) is None)
    ):
        # a chat's "Aurélie — Today at 14:02" or "Maya Okafor  [9:14 AM]" above a message and "[14:02]" beside a
        # continued one
        return True
    return bool((_SHORT_CHROME_CASELESS if len(bare) <= 80 else _LONG_CHROME_CASELESS).match(bare))


# A row of a board's buttons in any language: "Jetzt bewerben Teilen Merken", "Postuler | Partager | Sauvegarder".
_BUTTON: Final = (
    r"easy apply|apply now|apply|save(?: job)?|share|print|report(?: job)?|jetzt bewerben|bewerben|teilen|merken"
    r"|drucken|melden|postuler|partager|sauvegarder|enregistrer|imprimer|solliciteer nu|solliciteren|delen|opslaan"
    r"|printen|candidati ora|candidati|condividi|salva|stampa|aplikuj teraz|aplikuj|udostępnij|zapisz|drukuj"
    r"|postular(?:se)?|inscribirse|aplicar|compartir|guardar|imprimir|candidatar-se|candidatar|partilhar"
    r"|compartilhar|salvar"
    # a cookie dialog's buttons
    r"|accept all(?: cookies)?|accept cookies|accept|reject all|reject non-essential(?: cookies)?|reject|decline"
    r"|manage (?:preferences|cookies|settings)|settings|preferences"
    r"|customi[sz]e(?: settings)?|cookie settings|necessary only|only necessary|essential only"
    r"|godta alle|godta|avvis|innstillinger|søk her|lagre|del"
    r"|gem|anmeld(?: annonce)?|spara|dela"
    r"|cookie (?:settings|preferences)|alle akzeptieren|akzeptieren|ablehnen|tout accepter|tout refuser|accepter|refuser"
    r"|alles accepteren|accepteren|weigeren|instellingen(?: aanpassen)?|voorkeuren"
    r"|accetta tutti|accetta|rifiuta|akceptuj wszystkie|akceptuj|odrzuć"
    # a share row's networks ("Share: LinkedIn X E-mail Print", "Email | LinkedIn | X"); a company box's follow button
    r"|linkedin|x|twitter|facebook|e-?mail|whatsapp|xing|copy link|follow|folgen|suivre|volgen|segui|seguir|obserwuj"
    # Taleo's row; Polish, Italian, Danish, Dutch and French boards' own; a cookie dialog's in German and French
    r"|apply online|apply later|send to a friend|back to search results|aplikuj szybko|salva offerta|ansøg(?: nu)?"
    r"|gem job|se jobannoncen|bewaren|vacature bewaren|meld vacature|einstellungen|nur notwendige|accepter (?:&|et) fermer"
    r"|continuer sans accepter|personnaliser|başvur|kaydet|søk på stillingen|del annonsen|rapporter annonse"
    # SmartRecruiters', Workday's and LinkedIn's own; a cookie bar's "OK Privacy statement"
    r"|i['’]m interested|refer a friend|apply with linkedin|use my last application|autofill with resume"
    r"|ok|privacy statement|privacy policy|privacy notice"
)
_BUTTON_SEP: Final = r"(?:\s*[|·•/:]\s*|\s+|$)"
_BUTTONS: Final = by_first_letter(alternatives(_BUTTON))
# A chrome line of at most 80 characters is a whole _CHROME_LINE, starts with a _CHROME_PREFIX, or is a row of
# buttons (one or more _BUTTON, each followed by a _BUTTON_SEP); a longer one only starts with a _CHROME_PREFIX.
# The phrases, and the buttons, are alternations grouped by their first letter (``patterns.by_first_letter``):
# testing a prose line costs about 1 us instead of 3. (The row is not spread over the phrases' groups, one
# branch per button each with the whole row after it: that pattern took ~90 ms to compile, in every
# `natosite import`; this one ~11 ms, for ~0.2 us more a line.)
_SHORT_CHROME: Final = rxcache.compile(
    "^(?:"
    + by_first_letter([rf"{phrase}$" for phrase in alternatives(_CHROME_LINE)] + alternatives(_CHROME_PREFIX))
    + rf"|(?:{_BUTTONS}){_BUTTON_SEP}(?:(?:{_BUTTONS}){_BUTTON_SEP})*$"  # (the first outside the repeat: fewer steps)
    + ")",
    re.IGNORECASE,
)
_LONG_CHROME: Final = rxcache.compile("^(?:" + by_first_letter(alternatives(_CHROME_PREFIX)) + ")", re.IGNORECASE)
_SHORT_CHROME_CASELESS, _LONG_CHROME_CASELESS = Caseless(_SHORT_CHROME), Caseless(_LONG_CHROME)  # (every line asks)
_MENU_WORDS: Final = (r"home|jobs?|careers?|log ?in|sign (?:in|up)|search|menu|about|contact|faq|vacancies"
               r"|privacy|accessibility|terms|cookies|imprint|impressum|datenschutz|sitemap")
# (grouped by first letter, and searched in the line lowercased when it can be: ~2x fewer steps than the plain
# IGNORECASE alternation)
_MENU_WORD_CASELESS: Final = Caseless(rxcache.compile(rf"\b(?:{by_first_letter(alternatives(_MENU_WORDS))})\b", re.I))


_MENU_SPLIT: Final = rxcache.compile(r"\||\s·\s")


def _is_menu(line: str) -> bool:
    """ "NATO Careers | All jobs | Sign in", "Home · Jobs · Sign in": a menu bar (short items, at least one a menu
    word)."""
    parts = [part.strip() for part in _MENU_SPLIT.split(line) if part.strip()]
    return len(parts) >= 2 and all(len(part.split()) <= 3 for part in parts) and bool(_MENU_WORD_CASELESS.search(line))


def _drop_blocks(lines: list[str]) -> list[str]:
    out: list[str] = []
    in_block = False
    for line in lines:
        if len(line) <= 60 and line and line[0] in _BLOCK_HEAD_STARTS and _BLOCK_HEAD.match(line):
            in_block = True
            continue
        if in_block and (not line or _BLOCK_BODY.match(line) or line.endswith(" to:")):
            continue
        in_block = False
        out.append(line)
    return out


# A job card of a "similar jobs" list: three or more short cells ("Analyst - NCIA - Mons - G15 - 28 days ago")
_CARD_SEP: Final = rxcache.compile(r"\s[-–—·|•]\s")


def _sidebar_end(lines: list[str], index: int) -> int:
    """The index after a sidebar's short list of other jobs that starts after ``index`` (up to a blank line: 2 to 12
    short lines, two or more with a grade or a date); ``index`` when what follows is no such list."""
    start = index + 1
    while start < len(lines) and not lines[start]:
        start += 1
    end = start
    while end < len(lines) and lines[end] and len(lines[end]) <= 80:
        end += 1
    block = lines[start:end]
    marked = sum(1 for line in block if _OTHER_JOB_MARK.search(line))
    return end if 2 <= len(block) <= 12 and marked >= 2 and (end == len(lines) or not lines[end]) else index


_OTHER_JOB_MARK: Final = rxcache.compile(r"\(G\d{1,2}\)|\b\d{1,2} (?:January|February|March|April|May|June|July|August"
                             r"|September|October|November|December) 20\d\d\b|\b\d{1,2}[./]\d{1,2}[./]20\d\d\b")


def _card_block_end(lines: list[str], index: int) -> int:
    """The index after a "similar jobs" list that starts at ``index``: its job cards (two or more, each with a
    figure: a grade, a date, a salary), blank lines and a closing "Show more"/"See all" line; ``index`` when
    what follows is no such list."""
    end = index + 1
    cards = 0
    while end < len(lines):
        line = lines[end]
        if _is_card(line):
            cards += 1
        elif line and not (
            len(line) <= 20 and line.lower().startswith(("show more", "see all", "view all", "more jobs", "mehr"))
        ) and not (len(line) <= 80 and not line.endswith((".", ";", ":")) and _card_follows(lines, end + 1)):
            break  # (a short line before a card is the card's title: "Quality Manager (w/m/x)" / "FACC · Ried · ...")
        end += 1
    return end if cards >= 2 else index


def _is_card(line: str) -> bool:
    return bool(line) and len(line) <= 160 and len(_CARD_SEP.split(line)) >= 3 and bool(ASCII_DIGIT.search(line))


def _card_follows(lines: list[str], start: int) -> bool:
    """Whether the next line with text after ``start`` (blank lines skipped) is a job card."""
    for line in lines[start : start + 3]:
        if line:
            return _is_card(line)
    return False


def _cut_tail(lines: list[str]) -> list[str]:
    total = sum(1 for line in lines if line)
    half = total // 2
    seen = 0
    for index, line in enumerate(lines):
        seen += bool(line)
        if len(line) > 80:
            # tail markers are short lines, or start one with the list after a colon: "Offerte simili: Accountant – ..."
            strong = _STRONG_TAIL.match(line) if (
                ":" in line[:40] and index > 0 and line[0] in _STRONG_TAIL_STARTS) else None
            if strong and line[strong.end() :].lstrip().startswith(":") and seen * 2 > total:
                return lines[:index]
            continue
        if index > 0 and line and line[0] in _STRONG_TAIL_STARTS and (_STRONG_TAIL.match(line) or (
                line[0] in _STRONG_TAIL_FIRST and line.lower().rstrip(" :") in _STRONG_TAIL_EXACT)):
            if seen * 3 < total and not line.lower().startswith("job stats"):
                # a list of similar jobs above the posting (an aggregator's sidebar): that list only, when the
                # posting's text (more than half of all lines) follows it
                end = _card_block_end(lines, index)
                if end <= index + 1:  # (cards of several lines each, "Title" / "Company - Place" / "£38,000 ...": the
                    # run of lines up to the next blank one, after any blank lines under the heading)
                    start = next((i for i in range(index + 1, len(lines)) if lines[i]), len(lines))
                    end = next((i for i in range(start, len(lines)) if not lines[i]), len(lines))
                if end > index + 1 and sum(1 for rest in lines[end:] if rest) * 2 > total:
                    return lines[:index] + _cut_tail(lines[end:])
            return lines[:index]
        if seen * 3 < total and index > 0 and len(line) <= 40 and line[:1] in "OoSsRr" and _TAIL.match(line):
            # a site's sidebar above the posting: "Other vacancies" / "Senior Auditor (G22)" / "Closed on 10 January
            # 2027" / ...: that list only, when the posting's text follows it (tested on lines starting as a sidebar's
            # heading does, "Other ...", "Similar ...", "Related ...", "Recommended ...": a tail pattern on every
            # line of the page's top third would cost more)
            end = _sidebar_end(lines, index)
            if end > index and sum(1 for rest in lines[end:] if rest) * 2 > total:
                return lines[:index] + _cut_tail(lines[end:])
        if seen > half and index > 0 and line and line[0] in _TAIL_STARTS and _TAIL.match(line):
            if _only_chrome_after(lines, index):
                return lines[:index]
            end = _card_block_end(lines, index)  # "You may also like" and its job cards, then only a footer
            if end > index and _only_chrome_after(lines, end - 1):
                return lines[:index]
    return lines


_FOOTER_WORDS: Final = rxcache.compile(
    r"\b(?:privacy|cookies?|accessibility|terms|legal|imprint|impressum|contact|help|about|sitemap|site map|faq"
    r"|careers|advertis\w*|copyright|©|datenschutz|mentions légales|confidentialité|accessibilité|toegankelijkheid"
    r"|privacybeleid|disclaimer|note legali|polityka prywatności)\b", re.I)


def _may_be_footer(line: str) -> bool:
    """A blank line, a short line that is no sentence, or the copyright line however long ("© 2026 NATO Support and
    Procurement Agency · 11 rue de la Gare, ...")."""
    return not line or line.startswith(("©", "Copyright ©", "(c) ")) or (
        len(line) <= 50 and not line.endswith((".", ";", ":")) and len(line.split()) <= 6
    )


def _drop_footer_links(lines: list[str]) -> list[str]:
    """Without a page's footer: the run of short lines (items of a list or not; no sentences) after the posting's text,
    when there are three or more and at least two name what footers link to ("Privacy Statement", "Accessibility",
    "Terms", "© 2026 NATO")."""
    start = len(lines)
    while start > 0 and _may_be_footer(lines[start - 1]):
        start -= 1
    run = [line for line in lines[start:] if line]
    if len(run) >= 3 and sum(1 for line in run if _FOOTER_WORDS.search(line)) >= 2:
        return lines[:start]
    return lines


def _only_chrome_after(lines: list[str], index: int) -> bool:
    """True when what follows a weak tail marker ("Key Skills") is no posting text: at most three
    short lines, no list items, no sentences. A posting's own "Key skills" section is kept."""
    rest = [line for line in lines[index + 1 :] if line]
    return len(rest) <= 3 and not any(
        line[:1] in "-•*·" or line.endswith((".", ";")) or len(line) > 80 for line in rest
    )


def _drop_board_summary(lines: list[str]) -> list[str]:
    out: list[str] = []
    started = False
    for line in lines:
        if not started and _POSTING_START.match(line):
            started = True
        if not started and "ideal candidate" in line.lower() and _BOARD_SUMMARY.search(line):
            continue
        out.append(line)
    return out


def _cells(line: str) -> list[str] | None:
    row = _PIPE_ROW.match(line)
    return [collapse_spaces(c).strip() for c in row.group(1).split("|")] if row else None


def _pivot_tables(lines: list[str]) -> list[str]:
    """A Markdown table whose header row is labels and which has ONE data row ("| Title | Grade |", "|---|---|",
    "| Clerk | G8 |") becomes "label: value" lines. A table of several rows (a salary scale of other grades) is
    left as it is: its figures are no facts of this post."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        head = _cells(lines[i]) if "|" in lines[i] else None
        if head and len(head) >= 2 and i + 2 < len(lines):
            rule, data = _cells(lines[i + 1]), _cells(lines[i + 2])
            after = _cells(lines[i + 3]) if i + 3 < len(lines) else None
            if (
                rule and all(not c.strip(":- ") for c in rule) and data and len(data) == len(head) and after is None
                and sum(label_key(c) is not None for c in head) * 2 > len(head)
            ):
                out.extend(f"{label}: {value}" for label, value in zip(head, data) if label and value)
                i += 3
                continue
        out.append(lines[i])
        i += 1
    return out


_QUOTE_MARK: Final = rxcache.compile(r"^[ \t]*(?:>[ \t]?)+")
# An e-mail's header lines ("From: ...", "Sent: ...", "Objet : ...") as a forwarded or quoted mail shows them
_MAIL_HEADER: Final = rxcache.compile(
    r"^(?:from|sent|to|cc|bcc|subject|date|reply-to|de|envoyé|à|objet|von|gesendet|an|betreff|datum|van|verzonden"
    r"|aan|onderwerp|da|inviato|oggetto|od|wysłano|temat|do)\s?:\s",
    re.IGNORECASE,
)
# What a mail or a job alert says around the posting: "Dear Marta,", "The following job opening matches ..."
_MAIL_WORDS: Final = rxcache.compile(
    r"^(?:(?:dear|hello|hi|bonjour|cher|chère|sehr geehrte[rs]?|liebe[rs]?|hallo|beste|geachte|gentile|caro|cara"
    r"|szanown[aiy]|witaj)\b[^.!?]{0,40},$"
    r"|the following job (?:openings?|postings?|vacanc(?:y|ies)) (?:matches|match)\b"
    r"|if you no longer wish to receive|you are receiving this (?:e-?mail|alert)|sent from my \w+$"
    r"|-+ ?(?:forwarded message|original message) ?-+$|begin forwarded message:?$)",
    re.IGNORECASE,
)


# A fact's row of a person's own table or list: "| Grade | G16 |", "- Grade: G16", "**Deadline:** 6 April 2027"
_OWN_FACT: Final = rxcache.compile(r"^\s*(?:\|\s*|[-*]\s+)?\**([A-Za-z][\w ]{1,30}?)\**\s*(?:\||:\**\s)\s*\S")


def _unquote(lines: list[str]) -> list[str]:
    """A forwarded e-mail whose posting is quoted ("> " before each line, at least half the lines): the quoted block
    without its marks; the forwarder's note before it and the signature after it are no part of the posting. A
    person's note whose own table of the facts (three facts or more) is above the quoted notice is kept whole."""
    quoted = [i for i, line in enumerate(lines) if line.lstrip(" \t")[:1] == ">"]
    if len(quoted) < 5 or len(quoted) * 2 < sum(1 for line in lines if line.strip()):
        return lines
    if len({label_key(m.group(1)) for line in lines[: quoted[0]] if (m := _OWN_FACT.match(line))} - {None}) >= 3:
        return [_QUOTE_MARK.sub("", line) for line in lines]  # a note's own table of the facts, the notice quoted below
    return [_QUOTE_MARK.sub("", line) for line in lines[quoted[0] : quoted[-1] + 1]]


def _drop_mail(lines: list[str]) -> list[str]:
    """Without a mail's header block (two or more header lines in a row, in the first 40 lines), its greeting and
    a job alert's own sentences."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if i < 40 and _MAIL_HEADER.match(line) and (
            (i + 1 < len(lines) and _MAIL_HEADER.match(lines[i + 1])) or (i and _MAIL_HEADER.match(lines[i - 1]))
        ):
            continue
        if len(line) <= 120 and _MAIL_WORDS.match(line):
            continue
        out.append(line)
    return out


# A page of two columns that a PDF copy merged line by line: the right column's text starts at one position on each line
# of the block, after a gap of 3 or more spaces (or an indent, where the left column is empty)
_COLUMN_GAP: Final = rxcache.compile(r"\S {3,}(?=\S)")
MIN_COLUMN_LINES: Final = 4
_OPEN_FIELD: Final = rxcache.compile(r"[,(]$|\([^)]*$")  # a left-column line wrapped in its field: "definite duration," "(local time"


def _right_column_start(line: str) -> int | None:
    """Where a right column's text starts on ``line`` (at position 20 or more), or None."""
    if len(line) < 24:
        return None
    indent = len(line) - len(line.lstrip(" "))
    if indent >= 20:
        return indent if indent < len(line) else None
    # (the end of the last match of _COLUMN_GAP from 8, found from the line's end: its matches are the runs of three
    # spaces or more with a word's character before, at 8 or after, and after; a scan of the whole line for them
    # cost ~2 us a line)
    end = len(line)
    while (at := line.rfind("   ", 8, end)) >= 0:
        stop = at + 3
        while stop < len(line) and line[stop] == " ":
            stop += 1
        while at > 0 and line[at - 1] == " ":
            at -= 1
        if at <= 8:
            return None  # (the run's word starts before 8, or it has none: nor has any run before it)
        if not line[at - 1].isspace() and stop < len(line) and not line[stop].isspace():
            return stop if stop >= 20 else None
        end = at
    return None


# A run of text between gaps of two spaces or more: a cell of a laid-out page's line
_SEGMENT: Final = rxcache.compile(r"\S+(?: \S+)*")
_BOX_FRAME: Final = str.maketrans(dict.fromkeys("│┃║|┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬", " "))
_BOX_MIN_LABELS: Final = 3  # a fact box names three facts or more
_BOX_LABEL_GAP: Final = 6  # lines between two of a box's labels, at most (a value wrapped over a few lines, a blank between)


_GRID_RULE: Final = rxcache.compile(r"^\s*[┌├└╔╠╚+][─━═┬┼┴╦╬╩+-]+[┐┤┘╗╣╝+]?\s*$")


def _box_grids(lines: list[str]) -> list[str]:
    """A table drawn with box characters whose rows are labels and values (``pdftotext -layout`` of a notice's fact
    grid: "│ Post Title │ Programme Control Officer │ Basic Salary │ EUR 8,271.09 │", a cell wrapped over the row's
    lines): each label and its whole value as a "label: value" line. A grid of other cells is left as it is."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].count("│") < 3 and not (_GRID_RULE.match(lines[i]) and i + 1 < len(lines) and lines[i + 1].count("│") >= 3):
            out.append(lines[i])
            i += 1
            continue
        j = i
        rows: list[list[list[str]]] = []  # each row's cells, each cell's parts (a cell wrapped over the row's lines)
        row: list[list[str]] = []
        while j < len(lines) and (lines[j].count("│") >= 3 or _GRID_RULE.match(lines[j])):
            if lines[j].count("│") >= 3:
                cells = [cell.strip() for cell in lines[j].strip().strip("│").split("│")]
                if len(row) != len(cells):  # (a rule, or a row of other cells, starts a row)
                    row = [[] for _ in cells]
                    rows.append(row)
                for parts, cell in zip(row, cells):
                    if cell:
                        parts.append(cell)
            else:
                row = []
            j += 1
        pairs = [[" ".join(parts) for parts in cells] for cells in rows]
        labels = [cells[k] for cells in pairs for k in range(0, len(cells) - 1, 2)]
        if labels and sum(label_key(label) is not None for label in labels) * 3 >= len(labels) * 2:
            out.extend(f"{cells[k]}: {cells[k + 1]}" for cells in pairs for k in range(0, len(cells) - 1, 2)
                       if cells[k] and cells[k + 1])
            out.append("")
        else:
            out.extend(lines[i:j])
        i = max(j, i + 1)
    return out


def _segment_label(segment: str) -> bool:
    """Whether a segment starts with a fact's label: alone ("Grade", "Closing date:") or before its value ("Grade: G18")."""
    if len(segment) > 60 or not segment[:1].isalpha():
        return False
    label, colon, _ = segment.partition(":")
    return label_key(label if colon else segment) is not None and (bool(colon) or len(segment) <= 40)


def _side_fact_boxes(lines: list[str]) -> list[str]:
    """A page laid out in two columns (``pdftotext -layout``) where one column is a box of the post's facts (three
    labels or more starting at one position, a column of text beside them): the box as "label: value" lines (a value
    wrapped over lines of the box's own joined again, a label alone on its line given the value below it), then the
    other column's lines, which the lines below the box go on. The box may be on the left or on the right, drawn
    with box characters or not."""
    segments = [[(m.start(), m.group()) for m in _SEGMENT.finditer(
        line.translate(_BOX_FRAME) if "│" in line or "|" in line else line)] if "  " in line else [] for line in lines]
    at: dict[int, list[int]] = {}
    for i, segs in enumerate(segments):
        for col, seg in segs:
            if seg[:1].isupper() and _segment_label(seg):  # (a label starts with a capital: "Grade", "Closing date")
                at.setdefault(col, []).append(i)
    out: list[str] = []
    done = 0
    for col in sorted(at, key=lambda c: at[c][0]):
        rows = sorted(at[col] + at.get(col + 1, []) + at.get(col - 1, []))
        runs = [[rows[0]]]
        for i in rows[1:]:
            if i - runs[-1][-1] <= _BOX_LABEL_GAP:
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            if len(set(run)) < _BOX_MIN_LABELS or run[0] < done:
                continue
            box = _read_box(lines, segments, col, run)
            if box is None:
                continue
            first, end, box_lines, other = box
            out.extend(lines[done:first])
            indent = min((c for c, text in other if text), default=0)
            other_lines = _HYPHENATED.sub(_unhyphenate, "\n".join(
                " " * (c - indent) + text if text else "" for c, text in other)).split("\n")  # ("se-" / "nior analyst")
            out.extend(box_lines + [""] + other_lines)  # (the text goes on below the box's lines: not parted from it)
            done = end
    if not done:
        return lines
    out.extend(lines[done:])
    return out


def _read_box(lines: list[str], segments: list[list[tuple[int, str]]], col: int, run: list[int]
              ) -> tuple[int, int, list[str], list[tuple[int, str]]] | None:
    """(first line, end line, the box's "label: value" lines, the other column's (position, text) lines) of the fact
    box whose labels start at ``col`` on the lines ``run``; None when no column of text is beside it (a plain table)."""
    first, last = run[0], run[-1]
    end = last + 1
    right = col > 10  # (a box on the right: the text column on its left)
    for above in range(first - 1, max(first - 4, -1), -1):  # its heading: "VACANCY FACTS", "KEY FACTS"
        head = [t for c, t in segments[above] if abs(c - col) <= 1]
        if head and head[0].isupper() and len(head[0].split()) <= 4 and not _segment_label(head[0]):
            first = above
            break
    # the other column: on the left of a box on the right; on the right, where most lines' last segment starts
    if right:
        other_at = col - 1
    else:
        starts = [segments[i][-1][0] if segments[i] and segments[i][-1][0] > col + 1 else None for i in range(first, end)]
        counted = [c for c in starts if c is not None]
        if not counted:
            return None
        other_at = max(set(counted), key=counted.count) - 1
    while end < len(lines) and end - last <= 3 and segments[end] and (
        segments[end][-1][0] >= other_at if right else segments[end][0][0] < other_at
    ):
        end += 1  # the last value's lines
    sides = [[(c, t) for c, t in segments[i] if (c < other_at) == right] for i in range(first, end)]
    boxes = [[(c, t) for c, t in segments[i] if (c < other_at) != right] for i in range(first, end)]
    if sum(bool(side) for side in sides) * 2 < end - first or sum(
        _segment_label(t) or (t.endswith((":", "：")) and len(t) <= 30) for side in sides for _, t in side
    ) > 1 or sum(abs(c - col) > 1 and t.endswith((":", "：")) and _segment_label(t) for box in boxes for c, t in box) > 1:
        return None  # no column of text beside the box: a table of labels and values (in one column or two)
    # a box whose labels come after a blank line each: a line right below a value is more of it ("Analysis and
    # Reporting" / "Division")
    spaced = sum(not boxes[i - first - 1] for i in run[1:]) * 3 >= (len(run) - 1) * 2
    box_lines: list[str] = []
    bare = 0  # the labels alone on their lines that no value follows in the box
    after_blank = True
    for cells in boxes:
        if not cells:
            after_blank = True
            continue
        text = " ".join(t for _, t in cells)
        starts_label = cells[0][0] <= col + 1 and _segment_label(cells[0][1]) and not (spaced and not after_blank)
        after_blank = False
        if starts_label or not box_lines:
            label = cells[0][1]
            if starts_label and ":" not in label and len(cells) > 1:
                text = f"{label}: {' '.join(t for _, t in cells[1:])}"  # "Vacancy    JALLC 27/02": a label, its value
            bare += starts_label and not text.rstrip(" :：").partition(":")[2].strip()
            box_lines.append(text)
            continue
        previous = box_lines[-1]  # a value below its label, or the rest of a value wrapped
        valueless = not previous.rstrip(" :：").partition(":")[2].strip()
        bare -= valueless
        if valueless:
            box_lines[-1] = f"{previous.rstrip(' :：')}: {text}"
        elif previous.endswith("-") and previous[-2:-1].isalpha() and text[:1].islower():
            box_lines[-1] = previous[:-1] + text  # "Definite dura-" / "tion, 3 years"
        else:
            box_lines[-1] = f"{previous} {text}"
    if bare * 2 >= len(box_lines):
        return None  # labels whose values are in the column beside them: a table of two columns
    other = [(min(c for c, _ in side), " ".join(t for _, t in side)) if side else (other_at, "") for side in sides]
    return first, end, box_lines, other


# The head of a notice written in both official languages side by side, a bar between them: "ENGLISH | FRANÇAIS"
_BILINGUAL_HEAD: Final = rxcache.compile(r"^[ \t]*(?:ENGLISH|English)[ \t]*\|[ \t]*(?:FRANÇAIS|Français|FRENCH|French)[ \t]*$", re.M)
_BAR_F: Final = rxcache.compile(r"\|[ \t]*F")  # (what every _BILINGUAL_HEAD holds; its search skips to the "|")


def _bilingual_columns(lines: list[str]) -> list[str]:
    """A notice in English and French side by side ("Post title: ... | Intitulé du poste : ...", a line of French
    alone starting with "| "), from its "ENGLISH | FRANÇAIS" head on: the English column's lines, then the French
    one's (nothing is left out; the English is read first)."""
    head = next((i for i, line in enumerate(lines[:40]) if _BILINGUAL_HEAD.match(line)), None)
    if head is None:
        return lines
    english: list[str] = []
    french: list[str] = []
    for line in lines[head + 1 :]:
        if line.count(" | ") == 1:
            left, _, right = line.partition(" | ")
            _add_wrapped(english, left.rstrip())
            _add_wrapped(french, right.strip())
        elif line.lstrip()[:2] == "| ":
            _add_wrapped(french, line.lstrip()[2:].strip())
        elif line.strip() and not line.strip(" -+=_"):
            continue  # the rule under the head: "-----+-----"
        else:
            _add_wrapped(english, line)
    return lines[:head] + english + [""] + french


def _add_wrapped(column: list[str], line: str) -> None:
    """``line`` after a column's lines, joined to a field it wraps ("Post title: Head, Library and Information" /
    "Services", "Closing date: 15 May 2027, midnight" / "(Rome time)": a short line with no label of its own)."""
    last = column[-1] if column else ""
    if line and ": " in last and not last.endswith((".", ":")) and len(line) <= 40 and ":" not in line:
        column[-1] = f"{last} {line.strip()}"
    else:
        column.append(line)


def split_columns(lines: list[str]) -> list[str]:
    """Blocks of two columns (see _COLUMN_GAP) as the left column's lines, then the right one's. A block is split
    only when it is prose on the right (half its right parts of four words or more) and no label/value table
    (fewer than half its left parts a field's label alone). The left column's lines wrapped in one field ("Contract:
    definite duration," / "three years, renewable") are joined."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        start = _right_column_start(lines[i])
        if start is None:
            out.append(lines[i])
            i += 1
            continue
        j, cuts = i + 1, [start]
        while j < len(lines):
            at = _right_column_start(lines[j])
            if at is None or abs(at - start) > 1:
                break
            cuts.append(at)
            j += 1
        block = lines[i:j]
        lefts = [line[:cut].strip() for line, cut in zip(block, cuts)]
        rights = [line[cut:].strip() for line, cut in zip(block, cuts)]
        if (
            len(block) >= MIN_COLUMN_LINES
            and sum(len(right.split()) >= 4 for right in rights) * 2 >= len(rights)
            and sum(bool(left) and label_key(left) is not None for left in lefts) * 2 < len(lefts)
        ):
            joined: list[str] = []
            for left in filter(None, lefts):
                if joined and (_OPEN_FIELD.search(joined[-1]) or left[:1].islower() or left[:1] == "("):
                    joined[-1] += " " + left
                else:
                    joined.append(left)
            out.extend(joined + [""] + rights)
        else:
            out.extend(block)
        i = j
    return out


# "Cookie" (looked for as "ookie") in the languages of NATO's nations that have their own word for it (Croatian, Lithuanian, Latvian, Estonian,
# Finnish, Bulgarian, Macedonian, Slovenian, Hungarian, Turkish, Greek, Norwegian, Swedish, Icelandic, Albanian)
_COOKIE_WORDS: Final = (
    "kolačić", "Kolačić", "slapuk", "Slapuk", "sīkdatn", "Sīkdatn", "küpsis", "Küpsis", "eväste",
    "Eväste", "бисквитк", "Бисквитк", "колачињ", "Колачињ", "piškot", "Piškot", "sütik", "Sütik", "çerez", "Çerez",
    "μπισκότ", "Μπισκότ", "informasjonskapsl", "Informasjonskapsl", "kakor", "Kakor", "vafrakök", "Vafrakök",
    "biskota",
)
# (each with its first letter that is not ASCII, "" for none: a word is looked for only when the lines hold that
# letter, which a search finds ~10x faster than the word in a text that is not Latin-1)
_COOKIE_MARKS: Final = tuple((next((c for c in word if not c.isascii()), ""), word) for word in _COOKIE_WORDS)
_BANNER_REACH: Final = 12  # a cookie banner sits among a page's first or last lines with text


def _drop_cookie_banners(lines: list[str]) -> list[str]:
    """Without the lines of a cookie banner, in any language: a line of at most 60 words naming cookies among the
    first or last _BANNER_REACH lines with text (the posting's own text, a web security post's "HTTP, cookies and
    TLS", is between them)."""
    filled = [i for i, line in enumerate(lines) if line]
    near = set(filled[:_BANNER_REACH]) | set(filled[-_BANNER_REACH:])
    edge = "\n".join(lines[i] for i in near)  # (the words are looked for in these lines only)
    words = [word for word in ("ookie", "OOKIE") if word in edge]
    if not edge.isascii():  # (the other languages' words only in lines that can be in them)
        words += [word for mark, word in _COOKIE_MARKS if mark in edge and word in edge]
    if not words:
        return lines
    return [
        line for i, line in enumerate(lines)
        if i not in near or not any(word in line for word in words) or len(line.split()) > 60
    ]


# A row of two labelled values set apart by a wide gap: "Post Number: STO 0130      Grade: G17"
_FIELD_PAIR: Final = rxcache.compile(
    r"^([ \t]*([^:：\s][^:：]{0,40})[:：][ \t]*\S.*?)[ \t]{3,}(([A-Z][^:：\t]{0,40})[:：][ \t]*\S.*)$")


def _field_pairs(lines: list[str]) -> list[str]:
    """A block of two columns of labelled values (a PDF's fact box) as one line per field: from a row of two fields
    (one of its labels a field's), each following row up to a blank line is cut where the right column starts; a
    piece with a label starts a field, one without is the wrapped rest of the field above it in its column
    ("Post Title:  Senior Analyst (Operational     Grade:  G17" / "              Experimentation)")."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _FIELD_PAIR.match(line) if "   " in line and line.count(":") + line.count("：") >= 2 else None
        if m and m.start(3) - m.end(1) < 4 and label_key(m.group(4)) is None:
            m = None  # (three spaces apart, "Post Title:  Engineer (Infrastructure   Closing Date:  14 February": only
            # before a field's label)
        if not (m and (label_key(m.group(2)) is not None or label_key(m.group(4)) is not None)):
            out.append(line)
            i += 1
            continue
        column = m.start(3)
        fields = [[m.group(1).strip()], [m.group(3).strip()]]
        last = [fields[0], fields[1]]  # the field each column's wrapped text belongs to
        i += 1
        while i < len(lines) and lines[i].strip():
            row = lines[i]
            if len(row) > column and not row[column - 2 : column].isspace():
                break  # (no gap of two spaces where the right column starts: a row across the box, or its end)
            left = row[:column].strip()
            if left and not _LABELLED.match(left) and len(row) - len(row.lstrip()) < 8 and (
                not row[column:].strip() or left.isupper() or left[:1].isdigit()
            ):
                # (text at the margin that is no field: the box has ended, "1. BACKGROUND"; but both columns' values
                # wrapped, a bilingual notice's "Organization (STO)     et la technologie (STO)")
                break
            for side, piece in enumerate((left, row[column:].strip())):
                if not piece:
                    continue
                above = last[side][-1] if len(last[side]) > 1 else ""
                if piece[-1:] in ":：" and _LABEL_END.match(piece) and _WIDE_GAP.search(above):
                    # "Basic monthly       8,132.78 EUR" / "salary:": a label wrapped below its value
                    head, value = _WIDE_GAP.split(above, 1)
                    if label_key(f"{head} {piece}") is not None:
                        last[side].pop()
                        last[side] = [f"{head} {piece} {value}"]
                        fields.append(last[side])
                        continue
                if _LABELLED.match(piece) or (side == 0 and _WIDE_GAP.search(piece)):
                    # (a row of its own too: a label without its colon and a value, "Directorate/   Land Logistics")
                    last[side] = [piece]
                    fields.append(last[side])
                else:
                    last[side].append(piece)
            i += 1
        out += [" ".join(parts) for parts in fields]
    return out


_LABEL_END: Final = rxcache.compile(r"[a-z][\w ]{0,24}[:：]$")  # "salary:", "clearance:": the rest of a label wrapped below it
_EMPTY_LABEL: Final = rxcache.compile(r"[A-Z][a-z]+(?: [A-Za-z][a-z]+){0,3}:?$")  # "Other Locations": a label with no value after it


_CELL_GAP: Final = rxcache.compile(r"\t+|\s{2,}")
_SPACE_GAP: Final = rxcache.compile("   *")  # (two spaces first: the engine skips to them, not tries each character)


def _plain_spaces(text: str) -> bool:
    """Whether " " is the only space ``text`` can hold (it is printable ASCII): then a run of two or more is found
    from its literal, in C (~4x faster than _SPACES or _CELL_GAP, which test each character)."""
    return text.isascii() and text.isprintable()


def collapse_spaces(text: str) -> str:
    """``_SPACES.sub(" ", text)``: each run of spaces (and each odd space) as one " "."""
    return _SPACE_GAP.sub(" ", text) if _plain_spaces(text) else _SPACES.sub(" ", text)


def split_cells(text: str) -> list[str]:
    """``_CELL_GAP.split(text)``: the cells of a table row between tabs and runs of spaces."""
    return _SPACE_GAP.split(text) if _plain_spaces(text) else _CELL_GAP.split(text)


# A border of a plain text table (pandoc's "multiline" and "simple" tables): dashes, in one run or one run a column
_TABLE_BORDER: Final = rxcache.compile(r"^\s*-{3,}(?: +-{3,})*\s*$")


def _bordered_tables(lines: list[str]) -> list[str]:
    """A table of two columns between dashed borders (pandoc's plain text of a Word table) whose rows, parted by blank
    lines, are a label and its value, either one wrapped over the row's lines ("Vacancy" / "reference", "Basic monthly"
    / "salary"): one "label: value" line a row, when three rows or more are facts' labels. Other tables stay."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        end = next((j for j in range(i + 1, min(i + 80, len(lines))) if _TABLE_BORDER.match(lines[j])), None) if (
            _TABLE_BORDER.match(lines[i])) else None
        rows = _bordered_rows(lines[i + 1 : end]) if end is not None else None
        if end is None or rows is None:
            out.append(lines[i])
            i += 1
            continue
        out.extend(f"{label}: {value}" for label, value in rows)
        out.append("")
        i = end + 1
    return out


def _grid_tables(lines: list[str]) -> list[str]:
    """A grid table of two columns (pandoc's Markdown of a Word table: "+----+----+" borders between rows, "| label |
    value |" lines, a cell wrapped over its row's lines) whose first cells are facts' labels (three rows or more): one
    "label: value" line a row, its cells' lines joined, pandoc's escapes and footnote marks left out. Other tables
    stay."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        border = lines[i].strip()
        if not (border[:2] == "+-" and _GRID_BORDER.match(border)):
            out.append(lines[i])
            i += 1
            continue
        cuts = [k for k, char in enumerate(border) if char == "+"]
        rows: list[list[list[str]]] = []
        row: list[list[str]] | None = None
        j = i + 1
        while j < len(lines):
            line = lines[j].strip()
            if line[:2] == "+-" and _GRID_BORDER.match(line):
                if row is not None:
                    rows.append(row)
                row = None
            elif len(line) == len(border) and all(line[k] == "|" for k in cuts):
                cells = [line[a + 1 : b].strip() for a, b in zip(cuts, cuts[1:])]
                if row is None:
                    row = [[] for _ in cells]
                for cell, parts in zip(cells, row):
                    if cell:
                        parts.append(cell)
            else:
                break
            j += 1
        if row is not None:
            rows.append(row)  # (a last row with no border under it)
        pairs = [(_grid_cell(row[0]).rstrip(":： "), _grid_cell(row[1])) for row in rows if len(row) == 2]
        if len(cuts) == 3 and sum(label_key(label) is not None for label, _ in pairs) >= 3:
            out.extend(f"{label}: {value}" if value else label for label, value in pairs if label)
            out.append("")
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def _grid_cell(parts: list[str]) -> str:
    """A grid table cell's text: its lines joined, without emphasis marks, pandoc's backslash escapes ("US\\$") and
    footnote marks ("G17[^1]")."""
    text = " ".join(parts).replace("**", "")
    if "\\" in text:
        text = _PANDOC_ESCAPE.sub(r"\1", text)
    if "[^" in text:
        text = _FOOTNOTE_MARK.sub("", text)
    return text.strip()


_GRID_BORDER: Final = rxcache.compile(r"^\+(?:[-=:]+\+){2,}$")
_PANDOC_ESCAPE: Final = rxcache.compile(r"\\([\\`*_{}\[\]()#+\-.!$'\"|<>~^])")
_FOOTNOTE_MARK: Final = rxcache.compile(r"\[\^[^\]\s]{1,10}\]")


def _bordered_rows(body: list[str]) -> list[tuple[str, str]] | None:
    """(label, value) of each row of a bordered table's ``body`` (see ``_bordered_tables``), or None."""
    starts = [m.end() for line in body if (m := _VALUE_CELL.search(line))]
    if len(starts) < 3:
        return None
    at = max(set(starts), key=starts.count)  # where the value column starts
    rows: list[tuple[list[str], list[str]]] = [([], [])]
    for line in body:
        if not line.strip():
            rows.append(([], []))
            continue
        label, value = line[:at].strip(), line[at:].strip()
        if value[:1] in ":：" and not rows[-1][1]:
            value = value[1:].lstrip()  # "POST TITLE        :   Contracts Officer": the label's colon, set apart
        if label and line[at - 1 : at] not in (" ", ""):
            return None  # (a cell over the value column's start: no table of two columns)
        rows[-1][0].append(label) if label else None
        rows[-1][1].append(value) if value else None
    pairs = [(" ".join(labels), " ".join(values)) for labels, values in rows if labels and values]
    return pairs if sum(label_key(label) is not None for label, _ in pairs) >= 3 else None


_VALUE_CELL: Final = rxcache.compile(r"(?<=\S)  +(?=\S)")  # (its end: where a row's value cell starts)


def _column_tables(lines: list[str]) -> list[str]:
    """A table of facts laid out by column, a row of labels and a row of their values below ("Vacancy ID  Directorate
    Grade ..." / "270412  Procurement Directorate  G15 ..."), as one "label: value" line per fact."""
    out: list[str] = []
    skip: int | None = -1
    for i, line in enumerate(lines):
        if i == skip:
            continue
        cells: list[str] = []
        if ("  " in line or "\t" in line) and len(line) <= 200:
            # (split only when its first cell is a label: 3 lines in 10 of those with a gap; a split costs ~2 us)
            stripped = line.strip()
            if _plain_spaces(stripped):
                at = stripped.find("  ")
            else:
                gap = _CELL_GAP.search(stripped)
                at = gap.start() if gap else -1
            if at >= 0 and label_key(stripped[:at]) is not None:
                cells = split_cells(stripped)
        if 3 <= len(cells) <= 10 and all(label_key(c) is not None for c in cells[1:]):
            below = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), None)
            values = split_cells(lines[below].strip()) if below is not None else []
            after = next((lines[j] for j in range(below + 1, min(below + 3, len(lines))) if lines[j].strip()), "") if (
                below is not None) else ""
            if len(values) == len(cells) and not any(label_key(v) is not None for v in values) and (
                len(split_cells(after.strip())) != len(cells)
            ):  # (one row of values: a list of vacancies, row after row, is no posting's facts)
                out += [f"{label}: {value}" for label, value in zip(cells, values)]
                skip = below
                continue
        out.append(line)
    return out


def _tab_pairs(lines: list[str]) -> list[str]:
    """A table row of two fields copied with tabs between its cells ("Title<TAB>Wargaming Analyst<TAB>Requisition
    ID<TAB>270088", Taleo's two-column fact table) as one line per field; a field with no value is left out."""
    out: list[str] = []
    for line in lines:
        if line.count("\t") >= 2:
            cells = [cell.strip() for cell in line.split("\t")]
            while len(cells) > 4 and not cells[-1]:
                cells.pop()
            if len(cells) == 3 and _EMPTY_LABEL.match(cells[2]):
                cells.append("")  # ("Primary Location<TAB>...<TAB>Other Locations": the last field has no value)
            if len(cells) == 4 and cells[0] and cells[1] and label_key(cells[0]) is not None and (
                label_key(cells[2]) is not None or (cells[2] and not cells[3])
            ) and label_key(cells[1]) is None:  # ("Title<TAB>Grade<TAB>Location<TAB>Closing Date": a table's head)
                out.append(f"{cells[0]}\t{cells[1]}")
                if cells[3]:
                    out.append(f"{cells[2]}\t{cells[3]}")
                continue
        elif "\t" in line and (row := _HEAD_AND_ITEM.match(line)):
            out += [row.group(1), row.group(2)]  # "Desirable<TAB>- Experience as an instructor ...": a section, its list
            continue
        out.append(line)
    return out


# A table's row of a section's name and its list's first item: "Essential qualifications<TAB>- University degree ..."
_HEAD_AND_ITEM: Final = rxcache.compile(r"^([^\t\-•*·\d][^\t]{1,58}?)[ \t]*\t[ \t]*([-•*·]\s.*)$")


_LABELLED: Final = rxcache.compile(r"[^:：\s][^:：]{0,40}[:：](?:\s|$)")  # "Closing Date:  February 15, 2027"
# What a label's value in a table given column by column must read as (a text's value may wrap onto more lines)
_ONE_LINE_VALUE: Final = {
    "reference": lambda v: len(v) <= 30 and any(c.isdigit() for c in v),
    "grade": lambda v: parse_grade(v) is not None,
    "deadline": lambda v: search_date(v) is not None,
    "posts": lambda v: v.isdigit() and 0 < int(v) <= 99,
    "salary": lambda v: any(c.isdigit() for c in v),
    "location": lambda v: len(v) <= 60,
    None: lambda v: len(v) <= 60,  # (a label of no fact: "Date of Issue")
}
_TYPED_VALUE: Final = frozenset({"reference", "grade", "deadline", "posts", "salary"})
_TEXT_VALUE_LINES: Final = 3  # (a title or a division wrapped over at most three lines)
# A table's label that names no fact: "Date of Issue", "DATE OF ISSUE:" (a few words, no figure)
_OTHER_LABEL: Final = rxcache.compile(r"[A-Z][A-Za-z'’]*(?: [A-Za-z'’]+){0,3}:?$")


def _label_starts(lines: list[str]) -> list[int]:
    """The indices of the lines among the first 100 that are a label alone (of at most 45 characters, from a capital):
    where ``_label_columns`` and ``_labels_after_values`` look for a table (found once for both)."""
    return [i for i, line in enumerate(lines[:100]) if len(line) <= 45 and line[:1].isupper() and label_key(line)]


def _label_columns(lines: list[str], starts: list[int]) -> list[str]:
    """A fact table a PDF's text gives column by column, its labels one a line and then their values in the same order
    ("Vacancy Number" / "Post Title" / "Grade" / ... / "270217" / "Senior Cyber Threat Intelligence" / "Analyst" /
    "G18" / ...), as one "label: value" line per fact. A grade, a date, a count, a reference must each be one line that
    reads as one; a text's value (a title, a division) may wrap onto the next lines: the first way of sharing the
    lines out that reads so is taken, else the table is left as it is. (Looked for among the first 100 lines.)"""
    end = min(len(lines), 100)
    done = 0  # (the lines up to here were looked at as a table)
    for i in starts:
        if i < done or not (i + 5 < end and lines[i + 1] and lines[i + 2] and len(lines[i + 1]) <= 45
                            and len(lines[i + 2]) <= 45):
            continue
        keys: list[str | None] = []
        j = i
        while j < end and lines[j] and len(lines[j]) <= 45:
            key = label_key(lines[j])
            if key is None and not _OTHER_LABEL.match(lines[j]):
                break
            keys.append(key)
            j += 1
        while keys and keys[-1] is None and not lines[i + len(keys) - 1].endswith(":"):
            keys.pop()  # (a heading below the labels: "1. BACKGROUND" is no label, "Date of Issue" between them is)
        known = [key for key in keys if key is not None]
        if len(known) < 3 or len(set(known)) < len(known) or len(keys) - len(known) > max(1, len(keys) // 4):
            # (labels and their short values one a line, "Contracttype" / "Tijdelijk" / "Dienstverband" / "Voltijds":
            # a list of fields, its values no labels)
            done = i + max(1, len(keys))
            continue
        start = i + len(keys)
        while start < end and not lines[start]:
            start += 1
        shared = _share_values(keys, lines[start : start + len(keys) + _TEXT_VALUE_LINES])
        if shared is None:
            done = i + len(keys)
            continue
        pairs = [f"{lines[i + n].rstrip(':： ')}: {value}" for n, value in enumerate(shared[0])]
        return lines[:i] + pairs + lines[start + shared[1] :]
    return lines


def _labels_after_values(lines: list[str], starts: list[int]) -> list[str]:
    """A fact table a PDF's text gives row by row with each value on the line before its label ("NETMA 27/03" /
    "Vacancy Reference" / "Senior Engineer (Avionics Integration)" / "Post Title" / "G17" / "Grade" / ...), as one
    "label: value" line per fact: when the lines before the labels read as their values (a grade, a date, a count, a
    reference each as one) and the lines after them do not. (Looked for among the first 100 lines.)"""
    end = min(len(lines), 100)
    labelled = set(starts)
    done = 1  # (the lines up to here were looked at as a table)
    for i in starts:
        if i < done or not (i + 4 < end and i + 2 in labelled and lines[i - 1] and lines[i + 1]):
            continue
        labels = [i]
        while labels[-1] + 2 in labelled and lines[labels[-1] + 1]:
            labels.append(labels[-1] + 2)
        if len(labels) < 3 or any(label_key(lines[j - 1]) is not None or not lines[j - 1] or lines[j][-1:] in ":："
                                  for j in labels):  # ("Salary:" introduces what follows it)
            done = labels[-1] + 1
            continue
        keys = [label_key(lines[j]) for j in labels]
        typed = [(key, j) for key, j in zip(keys, labels) if key in _TYPED_VALUE]  # (values that can be checked)
        after_fits = sum(1 for key, j in typed if j + 1 < len(lines) and _fits(key, lines[j + 1]))
        if len(typed) >= 2 and after_fits * 2 <= len(typed) and all(
            _fits(key, lines[j - 1]) for key, j in zip(keys, labels)
        ):
            pairs = [f"{lines[j].rstrip(':： ')}: {lines[j - 1]}" for j in labels]
            return lines[: labels[0] - 1] + pairs + lines[labels[-1] + 1 :]
        done = labels[-1] + 1
    return lines


def _fits(key: str | None, value: str) -> bool:
    """Whether ``value`` reads as the value of a label of ``key`` (see _ONE_LINE_VALUE; a text's: at most 60
    characters, no label)."""
    if label_key(value) is not None:
        return False
    return _ONE_LINE_VALUE[key](value) if key in _ONE_LINE_VALUE else len(value) <= 60


def _share_values(keys: list[str | None], below: list[str]) -> tuple[list[str], int] | None:
    """The value of each label of ``keys`` from the lines ``below`` them, and how many lines they took (see
    ``_label_columns``); None if the lines do not read as the values. Fewest lines first, an earlier text's wrap
    first."""
    texts = [n for n, key in enumerate(keys) if key not in _ONE_LINE_VALUE]
    for extra in range(0, _TEXT_VALUE_LINES + 1):
        if extra and not texts:
            break
        for spread in _spreads(extra, len(texts)):
            counts = [1] * len(keys)
            for n, more in zip(texts, spread):
                counts[n] += more
            if sum(counts) > len(below):
                continue
            values, at = [], 0
            for key, count in zip(keys, counts):
                part = below[at : at + count]
                at += count
                if not all(part) or not all(_fits(key, line) for line in part):  # (a typed value is one line)
                    break
                values.append(" ".join(part))
            else:
                return values, at
    return None


def _spreads(extra: int, slots: int) -> list[tuple[int, ...]]:
    """Every way of giving ``extra`` lines to ``slots`` values, the earlier values' more first: (1, 0), (0, 1)."""
    if slots == 0:
        return [()] if extra == 0 else []
    return [(first, *rest) for first in range(extra, -1, -1) for rest in _spreads(extra - first, slots - 1)]


# A field whose value is set in a column: "   Organisation:     NATO Airborne Early Warning and Control Programme"
_ALIGNED: Final = rxcache.compile(r"\s*[^:：\s][^:：]{0,40}[:：] {2,}(?=\S)")


def _aligned_values(lines: list[str]) -> list[str]:
    """A value wrapped onto the next line at its column (a text browser's or a PDF's fact box) joined to its field:
    "Organisation:     NATO Airborne ... Programme" / "                  Management Agency (NAPMA)"."""
    out: list[str] = []
    column = 0  # where the value of the field on the last line starts (0: that line is no such field)
    at = 0
    while at < len(lines):
        line = lines[at]
        at += 1
        gap = line.rfind("     ")  # (a label on the right ends the line: "... 18 January 2027       APPLICATION DEADLINE")
        right = _RIGHT_LABEL.match(line) if gap > 0 and len(line) - gap <= 47 and line[-1:] != ":" else None
        if right and label_key(right.group(2)) is not None:
            # "Date of issue: 18 January 2027       APPLICATION DEADLINE" / "                   22 March 2027": a box's
            # label on the right, its value below it at its column
            start, values, below = right.start(2), [], at
            while at < len(lines) and lines[at][:start].isspace() and len(lines[at]) > start and (
                not lines[at][start].isspace()
            ):
                values.append(lines[at].strip())
                at += 1
            if values and values[0][:1] != "(":  # (a table's head wrapped: "Basic monthly salary" / "(EUR)")
                out += [right.group(1), f"{right.group(2)}: {' '.join(values)}"]
                column = 0
                continue
            at = below
        if column and line[:column].isspace() and len(line) > column and not line[column].isspace() and out and (
            not _LABELLED.match(line[column:])
        ):
            out[-1] = f"{out[-1].rstrip()} {line[column:].strip()}"
            continue
        m = _ALIGNED.match(line) if ":  " in line or "：  " in line else None
        if m is None and "   " in line:  # "NATO Body        NATO Communications and Information": a known label, no colon
            m = _ALIGNED_BARE.match(line)
            if m and label_key(m.group(1)) is None:
                m = None
        column = m.end() if m else 0
        out.append(line)
    return out


_RIGHT_LABEL: Final = rxcache.compile(r"^(.*\S) {5,}(\S[^:：]{2,40}?)\s*$")
_ALIGNED_BARE: Final = rxcache.compile(r"\s{0,8}([A-Z][\w ()/.-]{1,40}?) {3,}(?=\S)")


# The second halves of compounds written with a hyphen: "decision-\nmaking" stays "decision-making"
_COMPOUND_ENDS: Final = frozenset({
    "making", "maker", "makers", "based", "term", "time", "level", "wide", "related", "specific", "driven", "oriented",
    "led", "owned", "being", "solving", "building", "sharing", "up", "out", "on", "off", "down", "in", "free", "like",
    "friendly", "focused", "facing", "scale", "date", "edge", "house", "party", "hand", "going", "ups", "ons",
})
_NEXT_WORD: Final = rxcache.compile(r"[a-zà-ÿ]+")


def _unhyphenate(m: re.Match[str]) -> str:
    """"" for a word a PDF split at a line's end ("incum-" / "bent"); "-" when the line ends a compound's first half
    ("decision-" / "making")."""
    word = _NEXT_WORD.match(m.string, m.end())
    return "-" if word and word.group() in _COMPOUND_ENDS else ""


def clean_lines(text: str) -> list[str]:
    """The posting's lines without the board's chrome (see the module docstring)."""
    # (a pictograph and an odd space are looked for among the text's few non-ASCII characters: 4x faster than a
    # scan of the text; no step below brings in an odd space, so no line holds one when the text does not)
    odd_spaces = False
    if not text.isascii():
        # (its UTF-8 without the ASCII bytes, in C: ~10x fewer instructions than a regex deleting the ASCII runs)
        rare = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        for picto in sorted(set(_PICTO.findall(rare))):  # (each replaced in C: a sub tries the class at each character)
            text = text.replace(picto, " ")
        odd_spaces = bool(_ODD_SPACE.search(rare))
    # (the multi-character marks below are looked for only in a text that holds their rare first character: a scan
    # for one character costs ~1/20 of one for several in a text that is not Latin-1)
    bracket, double = "[" in text, "  " in text
    wide = double and "          " in text
    flagged = text  # (the text the two flags were taken of: they are taken again if a step below changes it)
    marks = _Marks(text)  # (the multi-character marks, all looked for at once)
    if bracket and marks.holds(text, "[1]") and marks.holds(text, "http"):
        # a text browser's dump ("lynx -dump", "w3m"): "[3]About", links
        text = _LINK_MARK.sub("", text)
        links = _LINK_LIST.search(text)
        if links:
            text = text[: links.start()]
    if "│" in text:  # a fact table drawn with box characters
        text = "\n".join(_box_grids(text.split("\n")))
    if wide:  # a box of the post's facts beside a column of text (before a word split at a line's end
        text = "\n".join(_side_fact_boxes(text.split("\n")))  # is joined: the lines stay where the page had them)
    if marks.holds(text, "-\n") or marks.holds(text, "- \n"):
        text = _HYPHENATED.sub(_unhyphenate, text)  # "incum-\nbent": a word a PDF split at the line's end
    if text.startswith("---\n"):
        # a note's own YAML header, "tags: [jobsearch, nato]", "deadline: 2027-01-10  # MY target": the person's
        # keys, not the posting's (but a web clipper's, with the page's "title:" alone or its address, names the page)
        header = _OWN_FRONT_MATTER.match(text)
        if header:
            keys = {label_key(line.partition(":")[0]) for line in header.group(0).split("\n")[1:-2]} - {None}
            if not keys or (keys != {"title"} and not _CLIPPED_PAGE.search(header.group(0))):
                text = text[header.end() :]
    if marks.holds(text, " a écrit") or marks.holds(text, " wrote:") or marks.holds(text, " schrieb:"):
        # a forum's quote with its author's name before it, "NATO Careers (Taleo) a écrit : Head, Arms Control ...":
        # the name goes, the quote stays
        text = _QUOTE_AUTHOR.sub("", text)
    if text.startswith("#+") or marks.holds(text, "\n#+"):
        # an Org-mode file's own settings ("#+TITLE: NDC Rome - library job", "#+STARTUP: showall"): the person's
        text = _ORG_KEYWORD.sub("", text)
    if marks.holds(text, "DEADLINE: <") or marks.holds(text, "SCHEDULED: <") or marks.holds(text, ":PROPERTIES:"):
        # an Org-mode note: its entries' planning lines ("DEADLINE: <2027-04-02 Fri>", the person's own dates) and
        # property drawers (":SALARY_GUESS: ~8.6k EUR/month") are the person's, not a posting's
        text = _ORG_PLANNING.sub("", text)
    if marks.holds(text, "\\'"):
        # pandoc's Markdown escapes its apostrophes: "NATO\\'s", "7 years\\' experience"
        text = text.replace("\\'", "'")
    if bracket and marks.holds(text, "[["):
        # a note's wiki links: "[[NCIA|NATO Communications ... (NCIA)]]" is what it shows
        text = _WIKILINK.sub(lambda m: m.group(2) or m.group(1), text)
    if bracket and marks.holds(text, "\n[a]"):
        # a Google Docs export: its comments' marks after the words ("years[d]")
        text = _COMMENT_MARK.sub("", text)
    raw_lines = text.split("\n")
    if sum(1 for line in raw_lines[:12] if line[:1] in _CHAT_EXPORT_FIRST and _CHAT_EXPORT_PREFIX.match(line)) >= 2:
        # a chat app's export ("[14/02/2027, 21:04:10] Marta López: ..."): each message's time and author go, the
        # dates of its messages being no dates of the posting
        raw_lines = _chat_export(raw_lines)
    quoted = False
    if marks.holds(text, "\n>") or text.startswith(">"):
        unquoted = _unquote(raw_lines)
        quoted, raw_lines = unquoted is not raw_lines, unquoted
    # a mail: quoted, forwarded, or starting with its headers
    mail = (
        quoted
        or marks.holds_before(text, "orwarded message", 3000)
        or marks.holds_before(text, "riginal Message", 3000)
        or text.lstrip()[:6].lower() in ("from: ", "from:\t", "sent: ")
    )
    if marks.holds(text, "\n+--") or text.startswith("+--"):
        # a grid table's borders (pandoc's of a Word table)
        raw_lines = _grid_tables(raw_lines)
    if marks.holds(text, "\n  ---") or marks.holds(text, "\n---"):
        # (a plain text table between dashed borders)
        raw_lines = _bordered_tables(raw_lines)
    if text is not flagged:
        double = "  " in text
        wide = double and "          " in text
    if double or "\t" in text:
        raw_lines = _column_tables(raw_lines)
    if double and "    " in text:
        # "Vacancy Notice Number:    261014          Issue date: 30 November 2026": two fields a PDF set side by side
        raw_lines = _aligned_values(_field_pairs(raw_lines))
    if "\t" in text:
        raw_lines = _tab_pairs(raw_lines)
    if "|" in text and _BAR_F.search(text) and _BILINGUAL_HEAD.search(text):
        raw_lines = _bilingual_columns(raw_lines)
    if "|" in text:
        raw_lines = _pivot_tables(raw_lines)
    if wide:  # (a right column starts after a wide gap or indent)
        raw_lines = split_columns(raw_lines)
    lines = [normalise_line(raw, odd_spaces) for raw in raw_lines]
    starts = _label_starts(lines)
    if len(starts) >= 2:  # (a table has three labels or more)
        table = _label_columns(lines, starts)
        lines = _labels_after_values(table, starts if table is lines else _label_starts(table))
    furniture = _page_furniture(lines) if _has_page_number(text, marks.of(text)) else set()
    lines = _drop_blocks(_without_furniture(lines, furniture))
    if mail or ((marks.holds_before(text, "ubject:", 4000) or marks.holds_before(text, "bjet :", 4000)) and sum(
        1 for line in lines[:80] if line[:1].isalpha() and _MAIL_HEADER.match(line)
    ) >= 3):  # (a forward's header block below its sender's note: "From: ... Sent: ... To: ... Subject: ...")
        lines = _drop_mail(lines)
    lines = _drop_cookie_banners(lines)
    lines = _drop_footer_links(_drop_board_summary(_cut_tail(lines)))
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out
