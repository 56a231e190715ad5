"""Labels and patterns -> the posting's facts (the front matter of DESIGN.md).

``extract_facts(lines, default_tz)`` reads the cleaned lines and returns a
``Facts``: every key of ``models.FACT_KEYS`` (None when the text does not give
it; nothing is invented) plus the extra keys it found, the warnings to show the
person, and the line indices of board fields (left out of the body).

Precedence, most trusted first: a board's labelled field ("Application
Deadline" / value), a posting's own label ("TITLE:", "GRADE:"), a fixed phrase
("Applications must be submitted by ...", "STAFF VACANCY 250974", "...-250875"
after the title), and last the sentence shapes of ``prose``. The deadline is
only ever a labelled date or a "submit by" date: assessment dates, essay dates,
"posted 3 days ago" and similar-jobs dates are never taken for it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, Final, Iterable
from zoneinfo import ZoneInfo

from natosite.importer import rxcache
from natosite.importer import prose
from natosite.importer.dates import search_date
from natosite.importer.fields import (
    AD_NUMBER_LABELS,
    EURO_COUNTRIES,
    FIGURE_ONLY,
    KRONE,
    KRONE_OF_COUNTRY,
    LISTING_EXPIRY_LABELS,
    OFFICIAL_LABELS,
    SCHEDULE_NAMES,
    Field,
    country_name,
    currency_of,
    find_fields,
    label_key,
    looks_like_location,
    normalise_location,
    normalise_schedule,
    parse_salary,
)
from natosite.importer.header import (
    _IS_NAME,
    PARENT_BODIES,
    ROLE,
    dotted_location,
    header_organisation,
    header_posts,
    has_branding,
    is_board_menu,
    menu_run,
    header_schedule,
    board_branding_lines,
    is_place_line,
)
from natosite.importer.grades import QUOTED_GRADE_RE, find_grade, old_names, parse_grade
from natosite.importer.places import DUTY_STATIONS, US_STATES
from natosite.models import FACT_KEYS


@dataclass
class Facts:
    """What ``extract_facts`` found: ``values`` in front-matter order, warnings, board lines."""

    values: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    needles: list[str | None] = field(default_factory=list)  # per warning: text to find its line in the raw file
    consumed: set[int] = field(default_factory=set)
    title_line: int | None = None
    labelled: int = 0  # how many labelled fields the text has ("Title: ...", "Deadline: ...")


# ---- title and reference ---------------------------------------------------------------

# "Head ... Section (1 post)-250875", "Junior Officer (200775)", "Officer - 250123"
# (or a body's code: "Programme Manager (Energy and Power)-DIANA 27/031", "Scientist (Underwater Acoustics) –
# CMRE-26-14")
_TITLE_REF: Final = rxcache.compile(
    r"^(?P<title>.{3,200}?)\s*(?:[-–]\s*|\(\s*)(?P<ref>\d{5,7}|[A-Z][A-Z&]{1,9} \d{2}/\d{2,4}"
    r"|(?<= )[A-Z][A-Z&]{1,9}-\d{2}-\d{2,4})\s*\)?$")


# A site's own button or link read as a label's value: "Post" / "See new posts" on X
_UI_VALUE: Final = rxcache.compile(r"(?:see|show|view|load|read) (?:new|more|all|less)\b", re.I)
# (compiled once: each was compiled or looked up in ``re``'s cache at every call)
_THREE_LETTERS: Final = rxcache.compile(r"[^\W\d_]{3}")
_THREE_ASCII: Final = rxcache.compile(r"[A-Za-z]{3}")
_ANY_DIGIT: Final = rxcache.compile(r"\d")
_NUMBER_IN_VALUE: Final = rxcache.compile(r"[A-Z]{0,5}[/-]?\d[\w/.-]*")
# The post's grade after its title: "Research Advisor (Middle East and North Africa), G16", "Systems Analyst - G13"
_TRAILING_GRADE: Final = rxcache.compile(r"\s*(?:,|\s[-–—|])\s*(?:NATO\s+)?(?:Grade\s+)?(?:G-?\d{1,2}|[ABC]-?\d)(?:\s*/\s*G-?\d{1,2})?$"
                             r"|\s+G\d{1,2}(?:/G\d{1,2})?$")  # ("Maritime Operations Assistant G11/G12": a board's)
# (or a body's code after a dash: "Procurement Officer (Aviation Spares) – 27/PR/0441", "Officer - JFCBS 26/41")
_TRAILING_NUMBER: Final = rxcache.compile(
    r"\s*[-–]\s*\d{5,7}\s*$|\s*\(\s*\d{5,7}\s*\)\s*$"
    r"|\s[-–—]\s+(?:(?-i:[A-Z][A-Z&]{1,6}) )?[A-Z0-9]{1,6}(?:[/-][A-Z0-9]{1,6}){0,2}[/-]\d{2,5}\s*$"
)
_SPACE_RUN: Final = rxcache.compile(r"\s+")
_SPACE_BEFORE: Final = rxcache.compile(r"\s+([,)])")
_TITLE_REF_REACH: Final = 45  # lines from the top where a Taleo "Title - 250875" line is looked for


def _title_ref(line: str) -> re.Match[str] | None:
    """``_TITLE_REF.match(line)``, skipped for a line that does not end in a figure (or a figure and ")"): the
    pattern's lazy title tries every length of the line before it fails, and most lines fail."""
    tail = line.rstrip()
    if tail.endswith(")"):
        tail = tail[:-1].rstrip()
    if "://" in tail and " " not in tail[tail.rfind("://") :]:
        return None  # a link's address ends the line, "(https://www.devex.com/organizations/nato-...-48112)": no title
    return _TITLE_REF.match(line) if tail[-1:].isdecimal() else None
# A headline that holds the vacancy number and the title: "Vacancy 271234 - Budget Analyst", "Vacancy Notice
# 271234: Budget Analyst", "Budget Analyst | Vacancy 271234", "Budget Analyst (Vacancy No. 271234)".
_HEADLINE_WORD: Final = (
    r"(?:Vacancy(?:\s+Notice)?|Vacancy\s+Announcement|Job|Position|Requisition|Vacature|Vacature(?:nummer)?"
    r"|Offre|Avis de vacance|Stellenangebot|Ausschreibung|Posizione|Offerta|Oferta|Ogłoszenie)"
    r"(?:\s*(?:No\.?|N[°º]|Nr\.?|Number|ID|#))?\s*:?\s*#?\s*"
    r"(?P<ref>\d{5,7}|(?-i:[A-Z]{2,6})[/-]\d{2,4}[/-]\d{2,6}|\d{2}/(?-i:[A-Z]{2,6})/\d{2,4})"
)
_REF_HEADLINE: Final = rxcache.compile(r"^" + _HEADLINE_WORD + r"\s*[-–—|:]\s*(?P<title>\S.{2,150})$", re.I)
_TITLE_HEADLINE: Final = rxcache.compile(
    r"^(?P<title>\S.{2,150}?)\s*(?:[-–—|:]\s*\(?|\()\s*" + _HEADLINE_WORD + r"\s*\)?$", re.I
)
# (the cheap tests a line passes before a pattern is tried: a _HEADLINE_WORD's first four letters, or its stem in
# the line's last characters)
_HEADLINE_STARTS: Final = frozenset(("vaca", "job ", "job:", "job#", "posi", "requ", "offr", "avis", "stel", "auss",
                              "offe", "ofer", "ogło"))
_HEADLINE_FIRST: Final = frozenset("VvJjPpRrOoAaSs") | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # (a body's short form first)
_HEADLINE_LAST: Final = frozenset("0123456789)")
_HEADLINE_REACH: Final = 25  # lines from the top where a "Vacancy 271234 - Budget Analyst" headline is looked for
_HEADLINE_STEMS: Final = ("vacan", "vacat", "job", "posi", "requ", "offr", "avis", "stel", "auss", "offe", "ofer", "ogło")


def _headline(line: str) -> re.Match[str] | None:
    """The vacancy number and title of a headline (see _REF_HEADLINE), or None. Only a line that starts with a
    headline word or ends in its number is tried; the title must hold a word (``_headline_title`` says whether
    it is one)."""
    if len(line) > 200:
        return None
    tail = line.rstrip(") ")
    if tail[-1:].isdecimal():
        end = tail[-40:].lower()
        m = _TITLE_HEADLINE.match(line) if any(word in end for word in _HEADLINE_STEMS) else None
    elif line[:4].lower() in _HEADLINE_STARTS:
        m = _REF_HEADLINE.match(line)
    elif 2 <= (space := line.find(" ")) <= 6 and line[:space].isupper() and line[space + 1 : space + 5].lower() in (
        _HEADLINE_STARTS
    ):  # "NCIA Vacancy 271045 — Team Lead, Service Desk Operations": the body's short form first
        m = _REF_HEADLINE.match(line[space + 1 :])
    else:
        return None
    return m if m and _THREE_LETTERS.search(m.group("title")) else None


def _headline_title(m: re.Match[str]) -> str | None:
    """The title of a headline ``_headline`` matched; None when it is a sentence, a date, a board's name or an
    employer ("Vacancy 271234 - NATO Communications and Information Agency")."""
    title = m.group("title").strip()
    if (
        title.endswith((".", ";", ",")) or len(title.split()) > 16 or _NOT_TITLE.search(title)
        or has_branding(title) or search_date(title) is not None
        or (prose.find_organisation(title) and not ROLE.search(title)) or label_key(title) is not None
    ):  # ("NATO Grade G18": a label and its value)
        return None
    return _without_employer(title)


# "VACANCY NOTICE 27/IMS/045", "Vacancy Announcement NCIA-26-014": no "No." but a number with its separators
# ("Vacancy Notice JALLC 27/05": a body's acronym, a space, the number)
_NOTICE_NUMBER: Final = rxcache.compile(
    r"\bVacancy\s+(?:Notice|Announcement)\s*(?:[:#]|N[°º]|No\.?:?|Nr\.?:?)?\s+"
    r"((?:[A-Z][A-Z0-9&]{0,6}[/-]){0,2}(?:(?-i:[A-Z][A-Z&]{1,6}) ){0,2}\d{1,6}[/-][\w/.-]{1,20}\w"
    r"|(?-i:[A-Z]{2,6}(?:-[A-Z]{2,6})?)-\d{3,6}\b)",
    re.I,
)  # ("Vacancy Notice: CAOC TJ 01/27": a body's two-word acronym; "Vacancy Notice E3A-27-003": one with a figure;
# "VACANCY NOTICE NAEW&CF 27-007": one with "&")
# "Vacancy 270388 · NATO HQ, Brussels · Grade G16": a bare vacancy number as one item of a header line
# ("VACANCYNOTICE 270133": a PDF glued the words)
_VACANCY_ITEM: Final = rxcache.compile(r"\bVacancy(?:\s*Notice)?\s+(\d{5,7}|(?-i:[A-Z]{2,6}(?:-[A-Z]{2,6}){0,2})-\d{2,6}(?:-\d{1,4})?)"
                           r"(?=[ \t]*(?:[·|,–]|$))", re.I)  # ("CIVILIAN VACANCY JFCNP-CIV-27-012")
# "CIVILIAN VACANCY – MC-27-04": a notice's heading and its number after a dash (letters, then figures in parts)
_VACANCY_DASH: Final = rxcache.compile(r"\bVacancy(?:\s+Notice)?\s*[–—:-]\s*((?:[A-Z]{1,6}[/-]){0,2}(?:(?-i:[A-Z]{2,6}) )?\d{2,6}[/-]"
                           r"[\w/.-]{0,16}\w)[ \t]*"
                           r"(?:$|[·|,])", re.I | re.M)
# "CIVILIAN VACANCY NSHQ 26-07": a page's heading in capitals, the body's letters and the number ("E3A-26/117": a
# code with a figure, joined by a dash)
# (the words first, then a look back for the "\b" before them: a search skips to the words in C)
_CIVILIAN_VACANCY: Final = rxcache.compile(
    r"VACANCY (?<!\wVACANCY )((?:[A-Z]{2,6} |[A-Z][A-Z0-9]{1,5}-)?\d{2,4}[-/]\d{1,4})(?![\w/-])")
# "Vacancy Notice No. 27/045", "VACANCY NOTICE Ref. NDC-VN-27-03" ("NAHEMA/HR/2027/03")
_VACANCY_NUMBER: Final = rxcache.compile(
    r"\bVacancy\s*(?:Notice\s*|Announcement\s*)?(?:No\.?|Number|N[°º]|Ref(?:erence)?\.?|ID)\s*[:#]?\s*"
    r"((?:[A-Z]{1,6}/){0,2}(?:[A-Z]{1,6}-(?=[A-Z]))?[A-Z]{0,6}[/-]?\d[\w/.-]{2,24})", re.I)
# Each with words one of which its match holds, lowercase: a head whose lowercase holds none is not searched (a search
# of a whole head, its case ignored, tries each of its characters: ~15 ns a character). (No "i" and no "s" in them:
# ignoring case, a pattern's "i" also matches "İ" and "ı", its "s" "ſ", which lowercase to other letters.)
_REFERENCE_PATTERNS: Final[tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]] = (
    (re.compile(r"\bSTAFF VACANC(?:Y|IES)\s*(?:No\.?|Number|N°)?\s*[:#]?\s*([A-Z]{0,5}[/-]?\d[\w/.-]{2,24})", re.I),
     ("taff vacanc",)),
    (_VACANCY_NUMBER, ("vacancy",)),
    (re.compile(r"\b(?:Notice|Announcement|Avis de vacance)\s*(?:No\.?|Number|N[°º])\s*[:#]?\s*"
                r"([A-Z]{0,6}[/-]?\d[\w/.-]{2,24})", re.I), ("not", "announcement", " de vacance")),
    (_NOTICE_NUMBER, ()),
    (_VACANCY_DASH, ()),
    (_CIVILIAN_VACANCY, ()),
    (re.compile(r"\b(?:Job|Requisition)\s*(?:ID|Ref(?:erence)?\.?|No\.?|Number)\s*[:#]?\s*"
                r"([A-Z]{0,5}[/-]?\d[\w/.-]{2,24})", re.I), ("job", "requ")),
    (re.compile(r"\b(?:Réf(?:érence)?|Ref)\.?\s*[:#]\s*([A-Z]{0,5}[/-]?\d[\w/.-]{2,24})", re.I), ("ref", "réf")),
    # "Ref. No. 2026/14" on a line of its own under the title (a Centre's page)
    (re.compile(r"(?:^|\n)(?:Ref(?:erence)?\.?|Vacancy) (?:No|Nr)\.? ([A-Z]{0,5}[/-]?\d[\w/.-]{2,24})(?=\n|$)", re.I),
     ("ref", "vacancy")),
)
_NOT_TITLE: Final = rxcache.compile(
    r"^(?:open to|pending|notification of|nato unclassified|nato/otan|vacancy|staff vacanc|job description"
    r"|description\b|closing date|deadline|posted|apply|http|www\.|job function|job category|category\b"
    r"|industry|experience level|seniority|date posted|work type|remote\b|hybrid\b|on-?site\b"
    r"|(?:new|featured|urgent|expired|closed|promoted|sponsored|actively hiring|easy apply|permanent|temporary)$"
    r"|about us$"  # (a site's menu item, or the section on the employer)
    # a newsletter's or a page's list of contents
    r"|(?:in|inside) this (?:issue|edition|newsletter)|(?:table of )?contents$|sommaire$|inhalt$|inhoud$"
    r"|in questo numero|en este número|neste número|w tym numerze|spis treści$)"
    r"|\b(?:organi[sz]ation|agency|headquarters|command(?! and control)|unclassified|vacancy|vacancies|careers"
    r"|recruitment"
    r"|jobs)\b",
    re.I,
)
# Taleo's, above the title
_DESCRIPTION_HEAD: Final = rxcache.compile(r"^(?:Job Description|Description de l['’]offre)$")
# A job alert's heading of the one job it details: "Featured job", "Your top match for "cloud engineer""
_FEATURED: Final = rxcache.compile(
    r"^(?:\d{1,2}[.)]\s*)?(?:[★☆*⭐]\s*)?(?:Featured (?:job|vacancy)|(?:Your )?(?:top|best) (?:job )?match(?: for .{1,80})?"
    r"|(?:job|vacancy) of the (?:week|day|month)"  # (a newsletter's "⭐ Job of the Week")
    r"|featured match(?: \([^()]{1,60}\))?"  # ("FEATURED MATCH (98 % match with your profile)")
    r"|(?-i:Full description))"  # (a person's heading under an alert's list: "Full description" / the one they chose)
    r"(?:\s*[★☆*])?(?:\s*[–—:-]\s*(?:full )?(?:description|details))?$", re.I
)  # ("2) ★ TOP MATCH ★": a digest's numbered entry; "TOP MATCH – FULL DESCRIPTION": its text below the list)
_FEATURED_HINTS: Final = ("eatured ", "EATURED ", "op match", "OP MATCH", "est match", "EST MATCH", " of the Week",
                          " of the Day", " of the Month", " of the week", "OF THE WEEK")
# A word of each hint's lowercase, and of "Full description"'s: a text whose lowercase holds none has none of them
_FEATURED_HINT_WORDS: Final = prose.Keywords(("eatured ", "op match", "est match", "e week", "e day", "e month",
                                              "full description"))
# A rule someone put between their own notes and what they pasted: "——— copied from jwc.nato.int ———", "-----"
_RULE_FIRST: Final = frozenset("-—–=_*~")
# A letter's or a file's own reference, which a notice's number beside it wins over
_LETTER_REFERENCE_LABELS: Final = frozenset({"ref.", "ref", "our ref.", "our ref", "réf.", "réf", "n/réf."})
_NOTICE_NUMBER_LABELS: Final = frozenset({"vacancy number", "vacancy no", "vacancy no.", "vacancy reference", "vacancy ref",
                                   "vacancy notice number", "vacancy notice no", "vacancy notice no.",
                                   "nato vacancy number", "nato vacancy no", "nato vacancy no.", "nato vacancy reference"})
_PASTE_RULE: Final = rxcache.compile(r"^(?:[-—–=_*~]{5,}|[-—–=_*~]{3,}\s*[^-—–=_*~]{1,60}?\s*[-—–=_*~]{3,})$")  # (not Markdown's "---")
# "- Carrières", "- Try Premium for £0": a menu list item above the posting
_MENU_ITEM: Final = rxcache.compile(r"^[-•*·]\s*\S+(?: \S+){0,3}$")
_ACRONYM_LINE: Final = rxcache.compile(r"^[A-Z&/]{2,10}$")  # "NATO", "NSPA": a board's name, not a title
# Where the posting's own text starts: a numbered or known heading, a bullet.
# A mail's greeting: "Dear Marta,", "Hoi Sanne,", "Bonjour Marta,"
_GREETING: Final = rxcache.compile(r"^(?:dear|hello|hi|hey|hoi|hallo|beste|hej|hei|moi|ciao|hola|olá|ahoj|cześć|salut|bonjour"
                       r"|bonsoir|liebe[rs]?|sehr geehrte[rs]?|cher|chère|caro|cara|gentile)\b[^.!?\n]{0,40},$", re.I)
# A chat's day divider above its messages: "Thursday, December 3rd", "Yesterday", "Today"
_CHAT_DAY: Final = rxcache.compile(r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:,? (?:[^\W\d]+ \d{1,2}(?:st|nd|rd|th)?|\d{1,2}"
                       r"(?:st|nd|rd|th)?\.? [^\W\d]+))?|today|yesterday)$", re.I)
_STARTS_TEXT: Final = rxcache.compile(r"^(?:\d{1,2}[.)]\s|[-•*·]|(?:summary|résumé|context|background)\b)", re.I)
_SUMMARY_ROLE: Final = rxcache.compile(
    r"^(?:[-•]\s*)?(?:\d[.)]\s*)?(?:SUMMARY\s*)?The (Head|Director|Deputy Director|Deputy Head|Chief|Branch Head"
    r"|Section Head) of the ([A-Z][\w&,'’ -]{3,80}?(?:Unit|Section|Office|Directorate|Branch|Service|Centre|Center))"
    r"(?: \([A-Z]{2,8}\))? (?:leads|heads|directs|manages|is responsible|is in charge|oversees)\b"
)


# "(RE-ADVERTISEMENT)", "- Re-advertised", "(Deadline extended)": a note on the competition, not part of the title
_READVERTISED: Final = rxcache.compile(
    r"\s*(?:[(\[]\s*|[-–—]\s+)(?:re-?advertise(?:ment|d)|re-?posted|re-?published|re-?opened|re-?issued"
    r"|(?:deadline |closing date )?extended|new deadline|republication|ré-?annonce|réouverture|nouvelle publication"
    r"|neuausschreibung|wiederausschreibung|erneute ausschreibung|heruitgeschreven|riapertura|ripubblicazione"
    r"|ponowne ogłoszenie)\s*[)\]]?\s*$",
    re.I,
)


# A board's gender tag after a title: "(m/w/d)", "(m/f/d)", "(H/F)", "(M/V)", "(M/K)", "(w/m/div)"
_GENDER_TAG: Final = rxcache.compile(r"\s*\((?i:[mwfdhvkx]|div|all)(?:\s*[/|,]\s*(?i:[mwfdhvkxi]|div|divers))+\*?\)$"
                         r"|\s+[–—-]\s+(?i:[mwfhž])(?:/(?i:[mwfdhvkžx]|div))+$")  # ("... – m/ž", Slovenian)


# A Swiss board's workload after a title: "(50%)", "(80 - 100 %)", "(80–100%)"
_EASTERN_EUROPEAN_ZONES: Final = frozenset({"Europe/Tallinn", "Europe/Riga", "Europe/Vilnius", "Europe/Helsinki",
                                           "Europe/Bucharest", "Europe/Sofia", "Europe/Athens"})
_PLACE_TAG: Final = rxcache.compile(r"\s*\(([A-Z][\w' -]{2,30})\)$")
_GRADE_TAG: Final = rxcache.compile(r"\s*\((?:NATO )?(?:Grade )?G ?\d{1,2}(?:/G? ?\d{1,2})?\)$")
_SCHEDULE_TAG: Final = rxcache.compile(r"\s*(?:\((?:full|part)[- ]time\)|\s[-–—]\s(?:full|part)[- ]time)$", re.I)
_WORKLOAD_TAG: Final = rxcache.compile(r"\s*\(\d{2,3}(?:\s*[-–]\s*\d{2,3})?\s*%\)$")


_CJK_TAIL: Final = rxcache.compile(r"(?<=[A-Za-z)])\s+[\u3400-\u9fff（）·]+$")


_FLAGS: Final = rxcache.compile("[\U0001F1E6-\U0001F1FF]{2}")


def _capitalised(title: str, text: str) -> str:
    """A title in capitals as a title is written: "STAFF OFFICER (LOGISTICS PLANS)" -> "Staff Officer (Logistics
    Plans)"; a word of up to five letters that the text also writes in capitals away from the title stays so."""
    rest = text.replace(title, "")
    words = []
    for k, word in enumerate(title.split(" ")):
        core = word.strip("(),-/")
        if len(core) <= 5 and core and re.search(rf"\b{re.escape(core)}\b", rest):
            words.append(word)
        elif k and core.lower() in _SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1] + part[1:].lower() if part[:1] != "(" else part[:2] + part[2:].lower()
                                  for part in word.split("-")))
    return " ".join(words)


_GLUED_RANK: Final = rxcache.compile(
    r"\b(Senior|Junior|Principal|Chief|Deputy|Assistant|Staff|Head|Lead)(?=[A-Z][a-z]{2,})"
)
# "ProcurementOfficer (Ammunition)": a PDF lost the space before the role's noun
_GLUED_ROLE: Final = rxcache.compile(
    r"(?<=[a-z]{3})(?=(?:Officer|Engineer|Assistant|Analyst|Adviser|Advisor|Specialist|Scientist|Technician|Manager"
    r"|Coordinator|Developer|Administrator|Architect|Controller|Planner|Auditor|Accountant|Clerk|Secretary|Translator"
    r"|Interpreter)\b)"
)
_THREAD_PART: Final = rxcache.compile(r"\s*\(\d/\d\)$")


# "(CMRE)", "(CAOC TJ)"; not "(lagret 14.10.2026)"
_SHORT_FORM_END: Final = rxcache.compile(r"\([A-Z][A-Za-z&. -]{1,15}\)$")
def _figure_end(value: str) -> int:
    """Where the first figure of a salary's value ends (its whole length when it has none)."""
    m = _FIRST_FIGURE.search(value)
    return m.end() if m else len(value)


_FIRST_FIGURE: Final = rxcache.compile(r"\d[\d.,\u202f\u00a0 ]*\d")
_BODY_THEN_VERB: Final = rxcache.compile(r"(.{5,120}?\([A-Z][\w&. -]{1,15}\)) (?:is|are|was)\b")
_CRUMBS: Final = rxcache.compile(r" [>›»] ")
_NOTICE_PREFIX: Final = rxcache.compile(r"(?:civilian )?vacancy(?: notice| announcement)?\s*[–—:-]\s+", re.I)
_LIST_NUMBER: Final = rxcache.compile(r"\d{1,2}[.)]\s+(?=[A-Z])")
_BROKEN_WORD: Final = rxcache.compile(r"(?<=[A-Za-z][a-z])- (?=[a-z]{3,})(?!and\b|or\b|to\b)")


def clean_title(title: str) -> str:
    """A title without post counts, quotes, trailing references, re-advertisement notes and punctuation."""
    if title[:1] in "\"“":  # a note's front matter: title: "Vacancy: Research Assistant (G11) – part-time | NDC"
        title = title.strip("\"“”").strip()
    if title[:1] == "#":
        title = title.lstrip("#").lstrip()  # a Markdown note's heading: "# NDMAA – Manpower Analyst"
    elif title[:1].isdigit() and (number := _LIST_NUMBER.match(title)):
        title = title[number.end() :]  # "1. Senior Policy Adviser (Resilience)-270321": a job alert's first entry
    elif (" > " in title or " › " in title or " » " in title) and ROLE.search(crumb := _CRUMBS.split(title)[-1]):
        title = crumb  # "Careers > Civilian vacancies > Procurement Officer": a page's breadcrumb trail, its last step
    elif title[:1] in "VvCc" and (notice := _NOTICE_PREFIX.match(title)) and ROLE.search(title, notice.end()):
        title = title[notice.end() :]  # "VACANCY NOTICE – Analyst (Data Science)": what it is, then the role
    if not title.isascii():
        title = _FLAGS.sub("", title).rstrip()  # "... 🇧🇪": a flag a person put after it
    title = prose.POST_COUNT_RE.sub("", title)
    if " " in title and _GLUED_RANK.search(title):  # (a title glued whole is extract_facts' _unglue's)
        title = _GLUED_RANK.sub(r"\1 ", title)  # "SeniorSoftware Engineer": a PDF lost the space after the rank
    if " " in title and _GLUED_ROLE.search(title):
        title = _GLUED_ROLE.sub(" ", title)
    if "**" in title:
        title = title.replace("**", "")  # a chat's bold marks: "**JSEC Ulm — Officer, Movement Plans** (1/2)"
    if "- " in title:
        title = _BROKEN_WORD.sub("", title)  # "Staff Officer (Capability Re- quirements)": a PDF's line-end hyphen
    if title.endswith(")") and (part := _THREAD_PART.search(title)):
        title = title[: part.start()]  # a message's part of a post split over two
    if not title.isascii() and title[:1].isascii():  # "Assistant (Budget Execution) 预算执行助理": a board's translation
        title = _CJK_TAIL.sub("", title)
    if title[-1:].isalpha() and (" – " in title or " - " in title or " — " in title):
        title = prose.POST_COUNT_END.sub("", title)
    if "/" in title[-12:]:
        title = _GENDER_TAG.sub("", title)
    if title.endswith(" - job post"):
        title = title[: -len(" - job post")]  # Indeed's words for screen readers inside its heading
    if title.endswith("%)"):
        title = _WORKLOAD_TAG.sub("", title)  # "Movement Coordination Assistant (50%)": a Swiss board's workload
    elif title.endswith(")") and (place := _PLACE_TAG.search(title)) and DUTY_STATIONS.get(place.group(1).lower()):
        title = title[: place.start()]  # "Senior Cloud Platform Engineer (The Hague)": the duty station after it
    elif title.endswith(("time)", "Time)", "TIME)", "time", "Time", "TIME")):
        # "Training Support Assistant (Part-Time)", "Senior Assistant (Archives) – part-time": the schedule, said apart
        title = _SCHEDULE_TAG.sub("", title)
    if title.endswith(")") and title[-2:-1].isdigit() and (grade := _GRADE_TAG.search(title)):
        title = title[: grade.start()]  # "Research Assistant (G11)": the post's grade, a fact of its own
    if title.endswith((")", "]")) or " - " in title or " – " in title:
        title = _READVERTISED.sub("", title)
    title = _TRAILING_NUMBER.sub("", title)
    if title[-1:].isdigit():
        title = _TRAILING_GRADE.sub("", title)
    title = _SPACE_RUN.sub(" ", title).strip(" \t\"“”'‘’:.-–")
    return _SPACE_BEFORE.sub(r"\1", title).replace("( ", "(")


def _first_line_title(lines: list[str], fields_at: set[int], start: int = 0) -> tuple[str, int] | None:
    """The title a board shows above the posting, if there is one: among the lines before the posting's
    text that are not a field, a place, a banner or the board's name or menu, the first that names a role
    ("Officer", "Engineer", ...), else the first; None when there is none."""
    candidates: list[tuple[str, int]] = []
    notes = 0  # sentences a mail may still have before the posting
    noted = False  # whether a sentence above the title was passed over (one is, before any candidate)
    for i, line in enumerate(lines[start : start + 20], start):
        if not line or i in fields_at or looks_like_location(line) or label_key(line) or " · " in line:
            continue
        if " " not in line and line.islower():
            continue  # "reed", "dice": a board's logo as its text (no title is one lowercase word)
        if _MENU_ITEM.match(line) and (
            all(" " not in candidate for candidate, _ in candidates) or candidates[-1][1] == i - 1
        ):  # ("Jobat" / "- Vacatures" / "- Werkgevers", "Emplois Défense & Aéronautique" / "- Offres d’emploi": the
            # site's name right above its menu, no title)
            candidates.clear()
            continue
        if line[:1] in "JD" and _DESCRIPTION_HEAD.match(line) and (i + 2 in fields_at or i + 3 in fields_at):
            candidates.clear()  # a Taleo page: "Description de l'offre" / the title; the lines above were its menus
            continue
        if (_GREETING.match(line) or _CHAT_DAY.match(line)) and not candidates:
            notes = 2  # "Hoi Sanne," / "Je hebt deze vacature naar jezelf gemaild via Jobbird.": a mail's own lines
            continue
        if _STARTS_TEXT.match(line) or line.endswith((".", ";", ",", ":")) or len(line.split()) > 16:
            if (not noted or notes) and not candidates and not line.startswith(("-", "•", "*", "·")):
                notes -= bool(notes)
                noted = True
                continue  # a note someone wrote above what they pasted ("Saw this on the CMRE careers page, ..."), a
                # channel's topic under its name ("Jobs in NCIA, NSPA, ACT and friends. One link per post please.")
            break
        if " | " in line or " — " in line:  # "NATO Vacancy | Translator (English–French) | NATO IS, Brussels"
            part = _role_part(line, " | " if " | " in line else " — ")  # (the role's part)
            if part:
                return part, i
        if _NOT_TITLE.search(line) or _ACRONYM_LINE.match(line) or prose.is_generic_organisation(line):
            continue
        if line[:1] == ">" and not ROLE.search(line):
            continue  # "> [!note] My notes": a person's quoted note or a note app's callout above what they pasted
        if line.endswith(("OTAN", "NATO", "NAVO")) and _IS_NAME.match(line):
            continue  # "Secrétariat international de l'OTAN": the employer, a Taleo page's first line
        if has_branding(line) or normalise_schedule(line) in ("Full-time", "Part-time"):
            continue  # the board's name or a badge, not the title
        if (prose.find_organisation(line) and not ROLE.search(line)) or search_date(line) is not None:
            continue
        if sum(c.isalpha() for c in line) < len(line) / 2:
            continue  # "6,467.30", "Job stats: 3 0 0": figures, not a title
        if ROLE.search(line) and ": " not in line:  # ("Reports to: Head of Office" is no title)
            body, _, rest = line.partition(" ")
            if body in prose.BODY_ACRONYMS and ROLE.search(rest):
                line = rest  # "NCIA Senior Scientist (AI for Command and Control)": a mail's employer, then the role
            return _posting_own_title(lines, i, fields_at) or (line, i)  # a role: the title (the lines before: chrome)
        candidates.append((line, i))
    return candidates[0] if candidates else None


_TITLE_CORE: Final = rxcache.compile(r" [-–|] |\s*[(（]")


def _posting_own_title(lines: list[str], board: int, fields_at: set[int]) -> tuple[str, int] | None:
    """The posting's own title line a few lines below a board's headline of the same job, where it is more exact: it
    holds the headline's role and heads the posting's fields ("Network Engineer - NATO (m/v/x)", the board's, and
    "Senior Network Engineer (Federated Mission Networking)" above "Requisition ID: 270915")."""
    core = _TITLE_CORE.split(lines[board], 1)[0].strip()
    body, _, rest = core.partition(" ")
    if body in prose.BODY_ACRONYMS and rest:
        core = rest  # "NSPA Contracting Officer (Aviation Support) G15 – Capellen – anyone ...?": a forum thread's
    core = core.lower()
    if len(core) < 6:
        return None
    for j in range(board + 1, min(board + 16, len(lines) - 1)):
        line = lines[j]
        if j in fields_at or not (j + 1 in fields_at or (not lines[j + 1] and j + 2 in fields_at)):
            continue
        own = _TITLE_CORE.split(line, 1)[0].strip()  # (the role, not a notice's number before it: "VN 2027/06 – ...")
        if (own.lower() != core or len(line) < len(lines[board]) - 20) and core in own.lower() and len(
            own.split()
        ) <= 10 and ROLE.search(own) and (  # (or the same role without a forum's words after it: "... – anyone ...?")
            ": " not in line and len(line) <= 100 and not _STARTS_TEXT.match(line)
        ):
            return line, j
    return None


def _after_employer(line: str) -> str:
    """The place in a board's "<employer> - <place>" line ("Headquarters Supreme Allied Commander Transformation -
    Norfolk, VA"); else the line."""
    for dash in (" - ", " – ", " — "):
        if dash in line:
            employer, _, place = line.rpartition(dash)
            if prose.find_organisation(employer) and looks_like_location(place):
                return place
    return line


_MOST_POSTS: Final = 99  # more posts than one notice offers: a figure that is no count of them

# A vacancy's code, not a title: "JALLC 27/02", "ACT-CAPDEV-27-05", "E-3A-27-009" (capitals and figures in parts, two
# figures in a row)
_CODE_ONLY: Final = rxcache.compile(r"(?=[A-Z0-9/ -]{5,30}$)(?=.*\d\d)[A-Z][A-Z0-9]*(?:[-/ ]?[A-Z0-9]+)*$")


def _role_part(line: str, sep: str = " | ") -> str | None:
    """The one part of a "|"-separated headline that names a role and is no board's, employer's or list's
    ("Translator" in "NATO Vacancy | Translator | NATO IS, Brussels"; not "Engineer jobs in Mons"). Parted by " — ",
    the role must come first and the other parts be the employer or the place ("Innovation Partnerships Officer — Defence Innovation
    Accelerator for the North Atlantic (DIANA)")."""
    parts = [part.strip() for part in line.split(sep)]
    roles = [
        part for part in parts
        if 0 < len(part.split()) <= 12 and ROLE.search(part) and not _NOT_TITLE.search(part)
        and not has_branding(part) and search_date(part) is None
    ]
    if sep != " | " and not (parts[0] in roles and all(
        prose.find_organisation(part) or looks_like_location(part) for part in parts[1:]
    )):  # (the role first: "NSPA — Supply Chain Analyst (G13)" heads one of a channel's several jobs)
        return None
    return roles[0] if len(roles) == 1 else None


def _title_of_ref_line(title: str, ref: str) -> str:
    """ "Job Description - Junior Officer (200775)Junior Officer" -> "Junior Officer"; a browser's print header before
    it ("26/11/2026, 10:14 Job Description - ...") is left out too."""
    title = re.sub(r"^(?:\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?: ?[AP]M)?\s+)?"
                   r"(?:job description|description|vacancy|vacature|offre|stellenangebot)\s*[-–:]\s*", "", title,
                   flags=re.I)
    before, sep, after = title.partition(f"({ref})")
    if sep:
        return after.strip() or before.strip()
    return title


def _without_employer(title: str) -> str:
    """ "Standardization Officer (Land) – NATO Standardization Office (NSO)" (a board's "role – employer")
    -> "Standardization Officer (Land)"."""
    if "**" in title:
        title = title.replace("**", "")  # (see clean_title)
    if " – " in title or " - " in title or " | " in title or " — " in title:
        head, _, tail = max(title.rpartition(" – "), title.rpartition(" - "), title.rpartition(" | "),
                            title.rpartition(" — "), key=lambda parts: len(parts[0]))
        if head and prose.find_organisation(tail) and not ROLE.search(tail):
            return head
        if head and prose.find_organisation(head) and ROLE.search(tail) and not ROLE.search(head):
            return tail  # "NDMAA – Manpower Analyst": the employer, then the role
        if head and _GENDER_TAG.sub("", tail).strip().lower() in DUTY_STATIONS and (
            role := _without_employer(head)
        ) != head:  # "Procurement Officer (Fuels and Energy) – NSPA – Capellen (H/F)": the role, employer and place
            return role
    return title


_POSTS_VALUE: Final = rxcache.compile(r"^\d{1,2} posts?$", re.I)


def find_title(lines: list[str], fields: list[Field], start: int = 0) -> tuple[str | None, int | None, str | None]:
    """(title, its line index, the raw title line) by label, title-reference line, first line or summary."""
    titles = [
        f for f in fields
        if f.key == "title" and (words := len(f.value.split())) <= 20 and not (
            words > 8 and (f.value.endswith(".") or f.value.startswith(("The ", "This ", "A ", "An ")))
        )  # ("Role" / "The Senior Cloud Platform Engineer designs, builds and ...": a section and its sentence)
        and _THREE_LETTERS.search(f.value) and not _UI_VALUE.match(f.value) and not _CODE_ONLY.match(f.value)
        and not _POSTS_VALUE.match(f.value)
    ]  # ("Vacancy: ACT-2027-009": the number, under a label a board uses for its title; "Post: 1 post": how many)
    # (a board's own label in another language, werk.nl's "Functie: Netwerkbeheerder ICT", an occupation, loses to
    # the posting's "Post title:")
    official = [f for f in titles if f.label.lower() in OFFICIAL_LABELS]
    if titles:
        # (else one naming a role: a forum's flair "Job Opening: Career Advice" loses to "Vacancy: Senior Software Engineer")
        f = (official or [f for f in titles if ROLE.search(f.value)] or titles)[0]
        value = f.value
        if " / " in f.label and value.count(" / ") == f.label.count(" / "):
            # "Intitulé du poste / Post title: Assistant(e) administratif(ve) de programme / Programme Administrative
            # Assistant": the title in the language of the label's English side
            sides = [part.strip().lower() for part in f.label.split(" / ")]
            english = next((i for i, side in enumerate(sides) if side in _ENGLISH_TITLE_LABELS), None)
            if english is not None:
                value = value.split(" / ")[english].strip()
        if " | " in value:  # a page's title: "Scientist (Autonomous Systems) | CMRE Careers"
            value = _role_part(value) or value
        # ("Title: Scientist (Underwater Acoustics) – CMRE": an app's title, then the employer)
        return clean_title(_without_employer(value)), f.line, f.value  # ("Position: The incumbent ... ." is a sentence)
    for i, line in enumerate(lines[start : start + _TITLE_REF_REACH], start):  # (below a board's, a bar's menus)
        m = _title_ref(line)
        if m and not line.startswith(("-", "•")) and _THREE_ASCII.search(m.group("title")) and not (
            " · " in m.group("title") or ":" in m.group("title")[-12:]
        ) and (m.group("ref").isdecimal() or not _NOT_TITLE.search(m.group("title"))):
            # (not a board's badge row ending in its own code: "Capellen, Luxembourg · CDD · Réf. annonce : JL-1543879";
            # nor what the notice is, then its code: "Civilian vacancy notice – SHP 27/011")
            return clean_title(_without_employer(_title_of_ref_line(m.group("title"), m.group("ref")))), i, line
    fields_at = {i for f in fields for i in f.lines}
    for i, line in enumerate(lines[start : start + _HEADLINE_REACH], start):
        if line[:1] not in _HEADLINE_FIRST and line[-1:] not in _HEADLINE_LAST:
            continue  # (a headline starts with its word or ends in a figure or ")": tested before a call)
        # (a field's line is no headline, but for a reference's: "Job ID: 271234 - Budget Analyst")
        h = _headline(line) if i not in fields_at or any(f.line == i and f.key == "reference" for f in fields) else None
        title = _headline_title(h) if h else None
        if title:
            return clean_title(title), i, line
    for i, line in enumerate(lines[start : start + 20], start):
        m = _SHARED_JOB.match(line) if line[:1] == "C" else None
        if m and ROLE.search(m.group(1)):  # LinkedIn's share text: "Check out this job at NCIA: Principal Scientist ..."
            return clean_title(m.group(1)), i, line
    first = _first_line_title(lines, fields_at, start)
    above = _above_field_block(lines, fields)
    if first and (above is None or ROLE.search(first[0]) or not ROLE.search(lines[above])):
        return clean_title(_without_employer(first[0])), first[1], first[0]
    # (a line naming no role above, a person's "> shared from my phone ...", loses to the one naming a role right above
    # the posting's fields, "## Assistant (Terminology and Document Management) (2 posts)" / "Reference: 270188")
    if above is not None:
        return clean_title(_without_employer(lines[above])), above, lines[above]
    for line in lines[:40]:
        m = _SUMMARY_ROLE.match(line)
        if m:
            return f"{m.group(1)}, {m.group(2)}", None, None
    return None, None, None


_SHARED_JOB: Final = rxcache.compile(r"Check out this job at [^:\n]{2,120}: (.{3,120}?)(?: https?://\S+)?$")


def _above_field_block(lines: list[str], fields: list[Field]) -> int | None:
    """The line naming a role right above the posting's first block of fields (three within five lines), below
    whatever came before it (a recruiter's mail): "Senior Engineer (Fuel Systems)" / "" / "Vacancy reference: ..."."""
    starts = sorted(f.line for f in fields)
    # (three within five lines, or within nine when a blank line sets each label and value apart: Word's table cells)
    block = next((at for k, at in enumerate(starts[:-2]) if starts[k + 2] - at <= 5 or (
        starts[k + 2] - at <= 9 and not lines[at + 1] and not lines[starts[k + 1] - 1])), None)
    if block is None:
        return None
    reach = block - 4
    for i in range(block - 1, -1, -1):
        if i <= reach:
            break
        line = lines[i]
        if not line:
            continue
        if " · " in line and not ROLE.search(line):
            reach = i - 4  # "NATO International Staff · Brussels, Belgium · Posted 9 Feb 2027": a board's row under
            # its title
            continue
        if i == block - 1 and line.endswith(":") and len(line.split()) <= 10 and not ROLE.search(line):
            reach = i - 4  # "Key facts from the official vacancy notice:": a recruiter's lead-in to the fields
            continue
        if ROLE.search(line) and len(line.split()) <= 12 and not line.endswith((".", ":", ";", ",")) and ": " not in line:
            return i
        return None
    return None


def find_reference(lines: list[str], fields: list[Field]) -> str | None:
    """The vacancy number: a labelled field, a "-250875" after the title, or "STAFF VACANCY 250974"."""
    # (a post's number, "Post number: CTJ FLX 0150", names the post in the establishment: the vacancy's comes first)
    references = sorted((f for f in fields if f.key == "reference"), key=lambda f: f.label.lower().startswith("post n"))
    if len(references) > 1 and any(f.label.lower() in _NOTICE_NUMBER_LABELS for f in references):
        # a board's "Ref.nr.: 271104" above the posting's "Vacancy Number: JWC-CIV-2027-04"
        references.sort(key=lambda f: f.label.lower() not in _NOTICE_NUMBER_LABELS)
    adverts = [f for f in references if f.label.lower().replace("i\u0307", "i") in AD_NUMBER_LABELS]  # ("İlan No")
    if adverts:
        references = [f for f in references if f not in adverts]
    found = _reference_field(references)
    if found is None:  # "Vacancy: 261077": a vacancy's number under the label a board uses for its title
        found = next((f.value.strip() for f in fields if f.key == "title" and (
            _BARE_NUMBER.match(f.value.strip()) or (_CODE_ONLY.match(f.value.strip()) and f.label.lower() == "vacancy"))
        ), None)  # ("Vacancy: JALLC 27/02")
    if found is not None and _BOARD_ID.search(found):
        # a board's "Job Number: CJ-8831972" above the posting's "Vacancy Number: JFCNF 27-011"
        # (a post's number, "Post Number: JLL ANA 0130", names the post in the establishment, not the vacancy)
        found = _reference_field([f for f in references if not _BOARD_ID.search(f.value)
                                  and not f.label.lower().startswith("post n")]) or found
    if found is not None and all(f.label.lower().startswith("post n") for f in references):
        # only a post's number is labelled; the vacancy's own is in the notice's head: "VACANCY ANNOUNCEMENT 03/2027"
        found = _unlabelled_reference(lines) or found
    if found is None or _BOARD_ID.search(found):
        # a board's own long number under an English "Reference:" ("100347215") loses to the notice's ("MARCOM 26/207")
        found = _unlabelled_reference(lines) or found
    elif references and references[0].label.lower() in _LETTER_REFERENCE_LABELS:
        # a letter's "Ref.: NAHEMA/PER/2027/112" above its "VACANCY NOTICE No. 03/2027": the notice's number
        notice = _VACANCY_NUMBER.search("\n".join(lines[:_NOTICE_HEAD_REACH]))
        if notice and notice.group(1).rstrip(".-/") != found:
            found = notice.group(1).rstrip(".-/")
    # a board's advert number ("Annons-id: 28716431") only when the posting gives no number of its own
    return found or _reference_field(adverts)


# NATO's vacancy numbers have 6 digits (Taleo's "250875") or a body's letters; a board's own have 7 or more in a row
# ("100347215", "10000-1201553627-S", "IJ-5521907", "8712334"), or an app's hexadecimal id ("jr-8831-77a2c9": NATO's
# letters are capitals)
_BOARD_ID: Final = rxcache.compile(r"\d{7}|\b(?=[0-9a-f]{6,}\b)(?=[0-9a-f]*\d)[0-9a-f]*[a-f][0-9a-f]*\b")
# The number under a "Vacancy Notice" cell or heading: "270113", "NAEW&CF/VN/27-011", "JFCBS-26-41", "SHAPE 26/0517"
_BARE_NUMBER: Final = rxcache.compile(
    r"^(?:\d{5,7}|[A-Z][A-Z&]{1,9}(?:[/ -][A-Z0-9&]{1,9}){0,3}[/ -]\d{1,4}(?:[/-]\d{1,4})?)$")
_OTHER_LABEL: Final = rxcache.compile(r" (?=[A-Z][a-z]+(?: [a-z]+){0,3}: )")


def _reference_field(fields: list[Field]) -> str | None:
    # (a field whose value is the number alone first: LinkedIn's "Vacancy Reference: JSEC-CIV-27-04 The Joint ..."
    # above the same field on its own)
    for f in sorted(fields, key=lambda f: len(f.value) > 40):
        if _ANY_DIGIT.search(f.value):
            value = f.value.strip().rstrip(".")
            if ": " in value and (other := _OTHER_LABEL.search(value)):
                value = value[: other.start()]  # "27-004 Date of issue: 25 January 2027": another field beside it
            if " " in value and _headline(f.label + ": " + value):  # "Job ID: 271234 - Budget Analyst"
                return _headline(f.label + ": " + value).group("ref")  # type: ignore[union-attr]
            if len(value) <= 40:
                return value
            m = _NUMBER_IN_VALUE.search(value)
            if m:
                return m.group(0).rstrip(".-/")
    return None


# How far down a notice's head with its number may be: below a board's card, a search panel's list of other jobs
_NOTICE_HEAD_REACH: Final = 80


def _unlabelled_reference(lines: list[str]) -> str | None:
    """A "-250875" after the title, "STAFF VACANCY 250974", "Vacancy 271234 - Budget Analyst", ..."""
    for line in lines[:_TITLE_REF_REACH]:
        m = _title_ref(line) if line[:1] not in "-•" else None  # (a sidebar's list of other jobs: "- Assistant-270097")
        if m and _THREE_ASCII.search(m.group("title")) and not _BOARD_ID.search(m.group("ref")) and (
            ":" not in m.group("title")[-12:]
        ):
            return m.group("ref")  # (not a board's "Codice offerta: IJ-5521907", "Rif. annuncio: CL-884217")
    head = "\n".join(lines[:_NOTICE_HEAD_REACH])
    vacancy = "VACANCY" in head or "acancy" in head
    low = head.lower()
    for pattern, words in _REFERENCE_PATTERNS:
        if (pattern is _NOTICE_NUMBER or pattern is _VACANCY_DASH or pattern is _CIVILIAN_VACANCY) and not vacancy:
            continue  # (a search of a whole head tries each of its characters, ~30 us)
        if words and not any(word in low for word in words):
            continue
        m = pattern.search(head)
        if m:
            return m.group(1).rstrip(".-/")
    for line in lines[:_HEADLINE_REACH]:  # "Vacancy 271234 - Budget Analyst"
        m = _headline(line) if line[:1] in _HEADLINE_FIRST or line[-1:] in _HEADLINE_LAST else None
        if m:
            return m.group("ref")
    for line in lines[:60] if vacancy else ():
        m = _VACANCY_ITEM.search(line) if "acancy " in line or "ACANCY " in line or "OTICE " in line else None
        if m:
            return m.group(1)
    for i, line in enumerate(lines[:_NOTICE_HEAD_REACH] if vacancy else ()):
        if len(line) <= 34 and line.lower().rstrip(" :") in _NOTICE_HEADINGS:
            # a table's "Vacancy Notice" / "270113" (Word's HTML of a mail, a cell a line), a PDF's heading over its
            # code: the number below it
            below = next((rest.strip() for rest in lines[i + 1 : i + 3] if rest.strip()), "")
            if _BARE_NUMBER.match(below):
                return below
    return None


# (a bilingual notice's heading: "VACANCY NOTICE / AVIS DE VACANCE")
_NOTICE_HEADINGS: Final = frozenset({"vacancy notice", "avis de vacance", "vacancy notice / avis de vacance"})


# ---- deadline ---------------------------------------------------------------------------

_DEADLINE_PHRASES: Final = rxcache.compile(
    # "the closing date of this vacancy has been extended from 29 January 2027 to 12 February 2027": the new date
    r"\b(?:closing date|deadline)(?: (?:of|for) [^.\n]{1,40}?)? (?:has been|have been|is|was) (?:extended|postponed)"
    r"(?: from [^.\n]{1,40}?)? (?:to|until|till)\b"
    r"|\bdate limite(?: [^.\n]{1,40}?)? a été (?:prolongée|reportée)(?: du [^.\n]{1,40}?)? (?:au|jusqu'au|jusqu’au)\b"
    r"|(?:applications?|candidatures?|CVs?)\b(?:[^.\n]|\.(?=\S)){0,120}?\b(?:submitted|received|sent|made|uploaded"
    r"|completed|reach)"  # (a "." in an address, "https://nato.taleo.net", is no sentence's end)
    r"(?: online| electronically)?(?: [\w@.-]+| <[^<>\s]{1,300}>| \([^()\s]{1,300}\)){0,12}? (?:by|before|no later than"
    r"|not later than|until|on or before)"  # (a link in angle or round brackets among the words: "... Platform
    # <https://...> no later than", "... Platform (https://nato.taleo.net) by")
    r"|\b(?:closing date|deadline)(?: for (?:the )?(?:submission of |receipt of )?applications?)?"
    r"(?: is| will be)?(?: set (?:at|to|for))?\s*[:\-–]?"
    r"|\bapplications? (?:close|closes|are open until|will be accepted until)(?: on| at)?"
    r"|\bapply (?:by|before|no later than)"
    r"|\b(?:submit|send|upload)(?: your| the| all| an)? (?:applications?|cvs?|candidatures?)(?:[^.\n]|\.(?=\S)){0,100}? "
    r"(?:by|before|no later than|not later than|until|on or before)"  # ("send your CV, a motivation letter and a
    # writing sample to recruitment@ccdcoe.org by 15 March 2027, 17:00 Tallinn time")
    r"|\b(?:vacancy|position|posting|job|advert|advertisement|competition) (?:closes|will close|expires|ends)(?: on| at)?"
    r"|\bdate limite(?: de (?:dépôt|réception|soumission) des candidatures| des candidatures| de candidature)?"
    r"(?: est(?: fixée)? (?:au|le))?\s*:?"
    r"|\bcandidatures? (?:doivent|devront) (?:être )?(?:soumises|envoyées|reçues|déposées|parvenir)[^.\n]{0,40}?"
    r"(?:avant le|au plus tard le|d'ici le|pour le|le|jusqu'au)"
    r"|\bbewerbungs(?:schluss|frist)(?: ist(?: der)?| endet am| bis)?\s*:?"
    r"|\bbewerbungen (?:sind |müssen |werden )?(?:bis|spätestens)(?: zum| am)?(?: spätestens)?"
    r"|\bbewerben sie sich (?:bitte )?bis(?: zum)?"
    r"|\bsluitingsdatum(?: is)?\s*:?|\buiterste (?:inschrijf|sollicitatie)?datum(?: is)?\s*:?"
    r"|\b(?:reageren|solliciteren) (?:kan |is mogelijk )?(?:tot(?: en met)?|vóór|voor)(?: uiterlijk)?"
    # "Reageer uiterlijk 15 maart 2027"
    r"|\b(?:reageer|reageren|solliciteer|solliciteren) uiterlijk(?: op| vóór| voor)?"
    r"|\bscadenza(?: per la presentazione delle (?:domande|candidature)| candidature)?\s*:?"
    r"|\b(?:le )?(?:domande|candidature) (?:devono|dovranno) (?:essere )?(?:presentate|inviate|pervenire)"
    r"[^.\n]{0,30}?entro(?: il)?"
    r"|\btermin (?:składania|nadsyłania|przesyłania) (?:aplikacji|ofert|zgłoszeń|dokumentów|cv)(?: upływa)?\s*:?"
    r"|\b(?:aplikacje|zgłoszenia|oferty) (?:należy )?(?:składać|przesyłać|wysyłać)[^.\n]{0,30}? do(?: dnia)?"
    r"|最后期限\s*[:：]?|截止日期\s*[:：]?|申请截止(?:日期)?\s*[:：]?",
    re.I,
)


# The first word of every phrase in _DEADLINE_PHRASES (lowercase): where a phrase can start.
_DEADLINE_WORDS: Final = prose.Keywords((
    "application", "candidature", "cv", "closing date", "deadline", "apply", "date limite", "bewerbung",
    "submit", "send", "upload", "vacancy", "position", "posting", "job", "advert", "competition",
    "bewerben", "sluitingsdatum", "uiterste", "reageren", "solliciteren", "reageer", "solliciteer", "scadenza",
    "le domande", "domande",
    "candidature", "le candidature", "termin", "aplikacje", "zgłoszenia", "oferty", "最后期限", "截止日期", "申请截止",
))


_GLUED_DATE: Final = rxcache.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)|(?<=,)(?=\d)")
_FORMER: Final = rxcache.compile(r"\b(?:previous|original|initial|earlier|former|old)\s+$", re.I)
_MONTH_FIRST: Final = rxcache.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
# "31 January 2027 – EXTENDED to 14 February 2027": a re-opened competition's new deadline replaces the first
_EXTENDED: Final = rxcache.compile(
    r"\b(?:extended|postponed|prolongée?|reportée?|repoussée?|verlängert|verschoben|verlengd|prorogat[ao]"
    r"|posticipat[ao]|przedłużon[ya]|ampliad[oa]|prorrogad[oa])\s+(?:(?:un)?til|till|to|au|jusqu['’]au"
    r"|bis(?: zum)?|auf(?: den)?|tot(?: en met)?|naar|al|fino al|do(?: dnia)?|hasta(?: el)?|até|para)\b\s*:?\s*",
    re.I,
)

# A part of each word of _EXTENDED (lowercase): a text holding none of them is not searched (~10 us a text)
_EXTENDED_STEMS: Final = ("xtend", "postpon", "prolong", "report", "repouss", "verläng", "verschob", "verleng", "proroga",
                   "posticipa", "przedłuż", "ampliad", "prorrogad")


# "Applications must be received by " (a closing date's field written as a sentence, its time or date next)
_RECEIVED_BY: Final = rxcache.compile(
    r"^[^.\n\d]{0,60}\b(?:received|submitted|sent|made)\s(?:no later than|by|before)\s$", re.I)


def _deadline_value(text: str, default_tz: str) -> tuple[Any, str | None, str | None, int] | None:
    """(deadline, timezone, error, offset) of the date at the start of ``text`` (within ~30 chars); when the text
    says the deadline was extended to a later date, that date."""
    head = text[:160]
    low = head.lower()
    extended = _EXTENDED.search(head) if any(stem in low for stem in _EXTENDED_STEMS) else None
    if extended:
        later = _deadline_value(text[extended.end() :], default_tz)
        if later is not None and later[2] is None:
            return later[0], later[1], None, extended.end() + later[3]
    match = search_date(text[:160], default_tz)
    if match is None and len(text) <= 64 and " " not in text.strip() and _GLUED_DATE.search(text):
        # "15March2027", "March15,2027", "12April2027,1600hrsCentralEuropeanTime": a date (and its time and zone)
        # whose spaces a PDF's extraction lost
        return _deadline_value(_GLUED_DATE.sub(" ", _GLUED_WORDS.sub(" ", text.strip())), default_tz)
    if match is None or (match.start > 30 and not _RECEIVED_BY.search(text, 0, match.start)):
        return None  # (a date further on in a sentence: only after "must be received by")
    if match.error or match.value is None:
        us = _MONTH_FIRST.match(text[match.start : match.end])
        if us and int(us.group(2)) > 12 >= int(us.group(1)):
            try:  # "02/15/2026": an American board's month/day/year, not an impossible day/month/year
                value = dt.date(int(us.group(3)), int(us.group(1)), int(us.group(2)))
            except ValueError:
                pass
            else:
                return value, default_tz, None, match.start
        return None, None, match.error or "not a date", match.start
    return match.value, match.timezone if match.zone_stated else default_tz, None, match.start


def _day(value: Any) -> Any:
    return value.date() if isinstance(value, dt.datetime) else value


def _zone_on_next_line(line: str, more: str, value: Any, zone: str | None, default_tz: str) -> tuple[Any, str | None]:
    """A line broken mid-sentence (a PDF): "...by 2 April 2027, 23:59" / "hrs (Lisbon time).": the zone the
    next line names, for the same date and time."""
    if len(more) <= 40 and (more[:1].islower() or more[:1] == "(") and not any(c.isdigit() for c in more):
        again = _deadline_value(line + " " + more, default_tz)
        if again is not None and again[2] is None and isinstance(again[0], dt.datetime) \
                and again[0] == value.replace(tzinfo=again[0].tzinfo):
            return again[0], again[1]
    return value, zone


_UNREAD: Final = "is not a date I can read"


def find_deadline(
    lines: list[str], fields: list[Field], default_tz: str
) -> tuple[Any, str | None, list[tuple[str, str]]]:
    """(deadline, timezone, [(warning, needle)]): a labelled deadline first, else a "submit by" phrase. (A field that
    is no date, "Closing date: see the notice below", is only warned of when no deadline is found at all.)"""
    value, zone, warnings = _find_deadline(lines, fields, default_tz)
    if value is not None:
        warnings = [warning for warning in warnings if not warning[0].endswith(_UNREAD)]
    return value, zone, warnings


# "before 23:59 hrs (Paris time) on the closing date shown": the time of a date a field gives, in a sentence that
# does not repeat it
_ON_THE_CLOSING_DATE: Final = rxcache.compile(
    r"\b(?:by|before|until|after|no later than|not later than|deadline for applications is)\s+([^\n.;]{2,50}?)\s+on the "
    r"(?:(?:closing|deadline) date|last day of the (?:posting|application) period)\b",
    re.I)  # ("Applications received after 23:59 hrs CET on the closing date will not be considered")
_PERIOD_END: Final = rxcache.compile(r"\s(?:-|–|—|to|until|bis|au)\s")  # (between a period's first day and its last)


def _on_the_closing_date(text: str, day: dt.date, default_tz: str) -> tuple[dt.datetime, str | None] | None:
    """The deadline at the time (and in the zone) a sentence gives "the closing date" whose ``day`` a field gave."""
    low = prose.lower_text(text)
    if "on the closing date" not in low and "on the deadline date" not in low and "last day of the" not in low:
        return None
    for m in _ON_THE_CLOSING_DATE.finditer(text):
        found = _deadline_value(f"{day.isoformat()} {m.group(1)}", default_tz)
        if found is not None and not found[2] and isinstance(found[0], dt.datetime) and found[0].date() == day:
            return found[0], found[1]
    return None


# The start of a deadline's time before the line breaks: "... no later than 11:59 PM Eastern Time on" / "1 February 2027."
_TIME_BEGUN: Final = rxcache.compile(r"\d|midnight|noon|minuit|mitternacht|mezzanotte|middernacht", re.I)


_LISTING_EXPIRY: Final = frozenset(LISTING_EXPIRY_LABELS)


def _find_deadline(
    lines: list[str], fields: list[Field], default_tz: str
) -> tuple[Any, str | None, list[tuple[str, str]]]:
    warnings: list[tuple[str, str]] = []
    labelled = [f for f in fields if f.key == "deadline"]
    if len(labelled) > 1:
        # (see OFFICIAL_LABELS); a board's "valid until" (the listing's life: "Ważna do: 31.01.2027", "Gültig bis")
        # after any other: the notice's "Closing date for applications" is the one to apply by
        labelled.sort(key=lambda f: (f.label.lower() in _LISTING_EXPIRY, f.label.lower() not in OFFICIAL_LABELS))
        # a board's summary box and the posting's own block may both give one (and disagree): the posting's,
        # next to its vacancy reference, first
        # (a board's own long number, "Reference: 4729186" in its summary box, is no vacancy's: its reference next)
        ref = next((f for f in fields if f.key == "reference" and not _BOARD_ID.search(f.value)), None) or _field(
            fields, "reference")
        near = [f for f in labelled if ref is not None and abs(f.line - ref.line) <= 8 and (
            f.label.lower() not in _LISTING_EXPIRY)]
        if near and near[0] is not labelled[0]:
            first, own = _deadline_value(labelled[0].value, default_tz), _deadline_value(near[0].value, default_tz)
            if first and own and own[0] is not None and _day(first[0]) != _day(own[0]):
                labelled.remove(near[0])
                labelled.insert(0, near[0])
    bare: tuple[Any, str | None] | None = None  # a date with no time: a later field or phrase may give its time
    year = ""
    for f in labelled:
        written = f.value
        if f.label[-6:].lower() == "period" and (dash := _PERIOD_END.search(written)):
            written = written[dash.end() :]  # "Posting Period: 11 January 2027 - 01 March 2027": its end
        found = _deadline_value(written, default_tz)
        if found is None and (said := _DEADLINE_PHRASES.search(written)) is not None:
            # "Closing date: Applications must be submitted by 11:59 PM Eastern Time on March 18, 2027."
            written = written[said.end() :]
            found = _deadline_value(written, default_tz)
        if found is None:
            if bare is None:
                warnings.append((f"{f.label} {f.value!r} {_UNREAD}", f.value))
            continue
        value, zone, error, _ = found
        if bare is not None:
            if isinstance(value, dt.datetime) and not error and value.date() == bare[0]:
                return value, zone, warnings  # "Ansök senast 2 april 2027" ... "Closing date: 2 April 2027 23:59"
            continue
        if error:
            warnings.append((f"deadline {f.value!r} ({f.label}): {error}; left empty", f.value))
            return None, None, warnings
        last = f.lines[-1] + 1
        if zone == default_tz and isinstance(value, dt.datetime) and last < len(lines) and written[-1:].isdigit():
            value, zone = _zone_on_next_line(written, lines[last], value, zone, default_tz)
        if isinstance(value, dt.datetime):
            return value, zone, warnings
        bare, year = (value, zone), str(value.year)
    text = "\n".join(lines)
    if bare is not None and (timed := _on_the_closing_date(text, bare[0], default_tz)) is not None:
        return timed[0], timed[1], warnings
    if bare is not None and text.count(year) < 2:
        return bare[0], bare[1], warnings  # (the year is not written again: no phrase gives that date a time)
    for hit in prose.keyword_hits(text, _DEADLINE_WORDS):
        if year and year not in text[hit : hit + 240]:
            continue  # (after a bare date, only a phrase near its year may give its time)
        end = text.find("\n", hit)
        m = _DEADLINE_PHRASES.match(text, hit, end if end >= 0 else len(text))
        wrapped = None  # after a field's bare date: the phrase wrapped onto the next line with the date's time
        if m is None and bare is not None and end > 0 and text[end - 1] != ".":
            after = text.find("\n", end + 1)
            if text.find(year, end, after if after >= 0 else len(text)) >= 0:  # (the date's year on the next line)
                joined = text[hit : after if after >= 0 else len(text)].replace("\n", " ")
                jm = _DEADLINE_PHRASES.match(joined)  # ("... submitted using the platform" / "by 17 January 2027 ...")
                wrapped = joined[jm.end() :] if jm else None
        if m is None and bare is None and end > 0 and text[end - 1] not in ".;:!?" and not _FORMER.search(
            text, max(0, hit - 12), hit
        ):
            # "Applications (...) must reach" / "the College no later than 12:00 noon (Rome time) on" / "Friday 19
            # March 2027.": a sentence wrapped at its phrase, its date on the lines after (typed from a notice)
            stop = end
            for _ in range(2):
                stop = text.find("\n", stop + 1)
                stop = len(text) if stop < 0 else stop
            joined = text[hit:stop].replace("\n", " ")
            jm = _DEADLINE_PHRASES.match(joined)
            found = _deadline_value(joined[jm.end() :].split(". ", 1)[0], default_tz) if jm else None
            if found is not None and not found[2] and isinstance(found[0], dt.datetime):
                return found[0], found[1], warnings
        if (m is None and wrapped is None) or _FORMER.search(text, max(0, hit - 12), hit):
            continue  # (not "the previous deadline of 31 March", which was extended)
        if m is None:
            found = _deadline_value(wrapped or "", default_tz)
            if found is not None and not found[2] and isinstance(found[0], dt.datetime) and bare is not None \
                    and found[0].date() == bare[0]:
                return found[0], found[1], warnings
            continue
        found = _deadline_value(text[m.end() : end if end >= 0 else len(text)], default_tz)
        if found is None and end >= 0 and (bare is not None or (
            text[end - 1] not in ".;!?" and (_TIME_BEGUN.search(text, m.end(), end) or not text[m.end() : end].strip())
        )):
            # "... by 23:59 hrs" / "(Norfolk, Virginia local time) on February 15, 2027.": a sentence wrapped before its
            # date, after its start; "... portal no later than" / "07.03.2027, 23:59 hrs (CET).": right after its
            # words (after a field's date, it only gives that date's time: see below)
            after = text.find("\n", end + 1)
            found = _deadline_value(text[m.end() : after if after >= 0 else len(text)].replace("\n", " "), default_tz)
        if found is None:
            continue
        value, zone, error, _ = found
        if error:
            line_start = text.rfind("\n", 0, m.start()) + 1
            quoted = text[line_start : m.end() + 40]
            if bare is not None:
                continue
            warnings.append((f"deadline in {quoted!r}: {error}; left empty", quoted))
            return None, None, warnings
        if bare is not None:
            # "Applications close in 12 days – 1 Apr 2027" ... "no later than 2359 hrs CET, 1 Apr 2027"
            if isinstance(value, dt.datetime) and value.date() == bare[0]:
                return value, zone, warnings
            continue
        if zone == default_tz and isinstance(value, dt.datetime) and end > 0 and text[end - 1].isdigit():
            value, zone = _zone_on_next_line(text[m.end() : end], text[end + 1 : end + 60].split("\n", 1)[0],
                                             value, zone, default_tz)
        if not isinstance(value, dt.datetime):
            bare, year = (value, zone), str(value.year)
            if text.find(year, m.end() + 12) < 0:
                break  # (the year is not written again: no later phrase gives that date)
            continue
        return value, zone, warnings
    if bare is not None:
        return bare[0], bare[1], warnings
    return None, None, warnings


# ---- everything ---------------------------------------------------------------------------


_BASIC_LABEL: Final = rxcache.compile(r"basic|monthly|base|grund|mensuel|maandelijks|mensile|miesięczn", re.I)
_GRADE_NAMED: Final = rxcache.compile(r"\bG ?(\d{1,2})\b")
# Two amounts with a dash or "to" between them: "30.000€ - 42.000€", "€70K/yr - €95K/yr", "$95,000 to $120,000"
# (and "entre 6 500 € et 9 000 €", "between ... and ...")
_SALARY_RANGE: Final = rxcache.compile(
    r"\d(?:[.,\u202f ]?\d)*\s?(?:[kK]\b)?[^\d\n]{0,12}?\s(?:[-–—]|to|bis|à|a|tot|do|et|and|und|e|y|en)\s"
    r"[^\d\n]{0,6}\d|\d[-–—][€$£]\d")  # (or "€38,000.00-€46,000.00")
_ESTIMATE: Final = rxcache.compile(
    r"\((?:[A-Z]\w+ )?(?:est\.?|estimated?|geschätzt|geschat|stimato|estimé|szacowane|estimat"
    r"|estimativ|odhad"
    r"|arvio|uppskattad|anslået|procjena|εκτίμηση|приблизително|估计|预估|estimation)(?: [^()]{1,30})?\)", re.I)
# (a board's name may come first: "(Glassdoor est.)")


def _english_side(fields: list[Field]) -> list[Field]:
    """A notice in French, then the same in English ("Intitulé du poste : Analyste principal ..." ... "Post title:
    Senior Analyst ..."): the English side's title, body, division and place (each side has its own; the French
    side's are left out)."""
    french = next((f for f in fields if f.key == "title" and f.label.lower() in _FRENCH_TITLE_LABELS), None)
    if french is None:
        return fields
    english = next((f for f in fields if f.key == "title" and f.line > french.line + 3
                    and f.label.lower() in _ENGLISH_TITLE_LABELS), None)
    if english is None:
        return fields
    start, end = french.line - 3, english.line - 3  # (the side's number above its title: "Numéro de l'avis :")
    return [f for f in fields if not (start <= f.line < end and f.key in _SIDED_KEYS)]


_FRENCH_TITLE_LABELS: Final = frozenset({"intitulé du poste", "titre du poste", "intitulé de l'emploi", "intitulé"})
_SIDED_KEYS: Final = frozenset({"title", "organisation", "division", "location"})
_ENGLISH_TITLE_LABELS: Final = frozenset({"post title", "title", "job title", "position title", "position", "vacancy title",
                                   "post", "role", "job"})
_SHORT_FORM: Final = rxcache.compile(r"\s*(\([A-Z][\w .&-]{1,18}\))")
_LOCAL_TIME_WORDS: Final = ("local", "ortszeit", "lokale", "lokalnego")
# (the words may be on two lines: "... 17:00 local" / "time (Chisinau).")
_LOCAL_TIME: Final = rxcache.compile(r"\blocal\s+time\b|\bheure\s+locale\b|\bora\s+locale\b|\bhora\s+local\b"
                         r"|\bOrtszeit\b|\blokale\s+tijd\b|\bczasu\s+lokalnego\b", re.I)
def _said_in_local_time(text: str, deadline: dt.datetime) -> bool:
    """Whether the text writes the deadline's own time in "local time" ("12:00 hrs (local time Aix-en-Provence)"), not
    another time so ("interviews at 10:00 local time" beside a deadline at "23:59 CET")."""
    h, m = deadline.hour, deadline.minute
    times = {f"{h:02d}:{m:02d}", f"{h}:{m:02d}", f"{h:02d}.{m:02d}", f"{h:02d}{m:02d}", f"{h}h{m:02d}"}
    if (h, m) in ((23, 59), (0, 0)):
        times |= {"midnight", "minuit", "mitternacht", "mezzanotte", "medianoche", "middernacht"}
    for found in _LOCAL_TIME.finditer(text):
        before = text[max(0, found.start() - 30) : found.start()].lower()
        if any(time in before for time in times):
            return True
    return False


# The zone of each country with one (where NATO has posts; the United States and Canada have several)
COUNTRY_ZONES: Final = {
    "Belgium": "Europe/Brussels", "France": "Europe/Paris", "Netherlands": "Europe/Amsterdam", "Italy": "Europe/Rome",
    "Germany": "Europe/Berlin", "Portugal": "Europe/Lisbon", "Spain": "Europe/Madrid", "Poland": "Europe/Warsaw",
    "Norway": "Europe/Oslo", "Turkey": "Europe/Istanbul", "Türkiye": "Europe/Istanbul",
    "Luxembourg": "Europe/Luxembourg", "United Kingdom": "Europe/London", "Denmark": "Europe/Copenhagen",
    "Romania": "Europe/Bucharest", "Bulgaria": "Europe/Sofia", "Greece": "Europe/Athens", "Hungary": "Europe/Budapest",
    "Czech Republic": "Europe/Prague", "Czechia": "Europe/Prague", "Slovakia": "Europe/Bratislava",
    "Lithuania": "Europe/Vilnius", "Latvia": "Europe/Riga", "Estonia": "Europe/Tallinn", "Finland": "Europe/Helsinki",
    "Sweden": "Europe/Stockholm", "Croatia": "Europe/Zagreb", "Slovenia": "Europe/Ljubljana", "Albania": "Europe/Tirane",
    "North Macedonia": "Europe/Skopje", "Montenegro": "Europe/Podgorica", "Iceland": "Atlantic/Reykjavik",
    "Ukraine": "Europe/Kyiv", "Moldova": "Europe/Chisinau", "Georgia": "Asia/Tbilisi", "Kuwait": "Asia/Kuwait",
    "Serbia": "Europe/Belgrade", "Bosnia and Herzegovina": "Europe/Sarajevo", "Kosovo": "Europe/Belgrade",
}


def _field(fields: list[Field], key: str) -> Field | None:
    """The first field giving ``key``; the first under an English or French label when the first is a board's label in
    another language (see OFFICIAL_LABELS), the first under a label of NATO's notices when there is one. Under labels
    of one rank, a location that names its country ("Mons, Belgium") comes before a board's address."""
    best, best_rank = None, 6
    for f in fields:
        if f.key == key:
            label = f.label.lower()
            rank = 0 if label in _NOTICE_LABELS else 2 if label in OFFICIAL_LABELS else 4
            if key == "location" and not looks_like_location(f.value):
                rank += 1  # ("Northwood HA6", "7010 SHAPE (Mons) – Hainaut": a board's address, after "Mons, Belgium")
            if rank < best_rank:
                best, best_rank = f, rank
                if rank == 0:
                    break
    return best


# Labels only a NATO vacancy notice uses: the posting's own field, over a portal's "Place of work" above it
_NOTICE_LABELS: Final = frozenset({"duty location", "duty station", "lieu d'affectation", "lieu d’affectation"})


# An aggregator's salary badge, a line of its own: "€6,255.40 a month", "6.255,40 EUR per maand", "PLN 24 310 / mies."
_SALARY_BADGE: Final = rxcache.compile(
    r"^(?:[€$£]|EUR|USD|GBP|PLN|CAD)?\s?\d[\d., \u202f]{2,12}\d\s?(?:[€$£]|EUR|USD|GBP|PLN|CAD|zł)?\s*"
    r"(?:a|per|/|pro|al|par)\s*(?:month|maand|mois|monat|mese|mies\.?|miesiąc)$",
    re.I,
)


def _header_salary(lines: list[str]) -> str | None:
    """A board's salary badge line: "€4,210.55 a month", "5.200 € pro Monat" (and "€4,210.55 a month - Full-time":
    the badge, then its schedule)."""
    for line in lines:
        if 8 <= len(line) <= 60 and not line[-1:].isdigit():
            badge = line.split(" - ", 1)[0].split(" · ", 1)[0] if " - " in line or " · " in line else line
            if len(badge) <= 40 and _SALARY_BADGE.match(badge):
                return badge
    return None


def find_grade_in(lines: list[str], fields: list[Field]) -> str | None:
    """The grade: a labelled field, a "Grade ..." anywhere in the head, a quoted/parenthesised G grade."""
    for f in fields:
        if f.key == "grade":
            grade = parse_grade(f.value)
            if grade:
                return grade
    for f in fields:  # "10,742.69Euro (EUR) MonthlyGrade NATO Grade G22" glued into another field
        grade = find_grade(f.value)
        if grade:
            return grade
    head = "\n".join(lines[:80])
    grade = find_grade(head)
    if grade:
        return grade
    m = QUOTED_GRADE_RE.search("\n".join(lines[:30]))
    if m:
        return parse_grade(m.group(1))
    for i, line in enumerate(lines[:30]):
        if len(line) <= 9 and _GRADE_LINE.match(line) and not any(
            _GRADE_LINE.match(other) for other in lines[max(0, i - 1) : i + 2] if other is not line
        ):  # "LIBRARIAN (RESEARCH SERVICES)" / "" / "A2" / "Full time": a notice typed without its labels (a line of
            # grades one below the other is a table's)
            return parse_grade(line)
    return None


_GRADE_LINE: Final = rxcache.compile(r"(?:G ?\d{1,2}(?:/G ?\d{1,2})?|[AB][-.]?[1-7])$")


def _grade_row_salary(text: str, grade: str, country: str = "") -> tuple[float, str] | None:
    """(amount, currency) of the row of the post's own grade in a table of monthly salaries by grade, a line of
    its own: "G14 €5,804.90", "G8 – EUR 3,955.18" (the rows of other grades are never read); or its cells one a line
    below it, in the column of the duty station's ``country`` ("Grade" / "Belgium (EUR)" / "The Netherlands (EUR)" /
    "G16" / "7,988.16" / "8,121.90" / ...)."""
    at = text.find("\n" + grade)
    while at >= 0:
        start = at + 1 + len(grade)
        end = text.find("\n", start)
        row = text[start : end if end >= 0 else len(text)]
        if not row and end >= 0 and (found := _cells_below(text, at, end + 1, country)):
            return found
        if row[:1] in (" ", "\t", ":", "–", "-") and len(row) <= 40:
            amount, currency, annual = parse_salary(row)
            if amount is not None and currency is None and not annual:
                # "Grade: Basic monthly salary (EUR)" / "G15 6,794.16" / "G16 7,425.90": the currency in the table's head
                head = text[text.rfind("\n\n", 0, at) + 1 : at]
                currency = currency_of(head) if "salar" in head.lower() and len(head) <= 400 else None
            if amount is not None and currency and not annual:
                return amount, currency
        at = text.find("\n" + grade, start)
    return None


def _cells_below(text: str, at: int, start: int, country: str) -> tuple[float, str] | None:
    """(amount, currency) of a grade's row whose cells a PDF's text gives one a line from ``start``, below the grade
    at ``at``: the only cell, or the one in the column the table's head names the duty station's ``country`` in."""
    cells: list[str] = []
    for line in text[start : start + 200].split("\n"):
        if not FIGURE_ONLY.match(line) or len(cells) == 4:  # ("9,217.44", "€ 4 118,32", "EUR 7,988.16")
            break
        cells.append(line)
    head = _TABLE_GRADE_HEAD.search(text, max(0, at - 400), at)
    while head is not None and (later := _TABLE_GRADE_HEAD.search(text, head.end(), at)) is not None:
        head = later  # (the head nearest above the row)
    if not cells or head is None:
        return None
    names = []
    for name in text[head.end() : at].split("\n")[1:]:
        if _OLD_OR_G_GRADE.match(name):
            break  # (the table's first row)
        names.append(name)
    if len(names) != len(cells):
        return None
    column = 0 if len(cells) == 1 else next((n for n, name in enumerate(names) if country and country in name), None)
    if column is None:
        return None
    amount, currency, annual = parse_salary(cells[column])
    currency = currency or currency_of(names[column]) or currency_of(text[max(0, head.start() - 300) : head.start()])
    return (amount, currency) if amount is not None and currency and not annual else None


# A salary table's head before its column names, a line of its own: "Grade", "NATO Grade"
_TABLE_GRADE_HEAD: Final = rxcache.compile(r"^(?:NATO )?Grades?$", re.M | re.I)
_OLD_OR_G_GRADE: Final = rxcache.compile(r"(?:G|[ABCL]-?)\d{1,2}$")


_GLUED_WORDS: Final = rxcache.compile(r"(?<=[a-z])(?=[A-Z(])")


def _unglue(value: str) -> str:
    """ "StaffOfficer(ArmsControl)" -> "Staff Officer (Arms Control)": a one-word value a PDF glued, its words
    told apart by their capitals (a value with fewer than three capitals is left as it is)."""
    if sum(1 for c in value if c.isupper()) < 3:
        return value
    return _GLUED_WORDS.sub(" ", value)


# The first letters of prose._GENERIC_ORGS ("NATO", "OTAN", "the North Atlantic ..."): no other line is asked
_GENERIC_FIRST: Final = "NnOoTt"


# The line with which a board starts the posting's own text, below its card of the job, its "Profile insights" quiz and
# "Job details" (Indeed in its languages, LinkedIn): written as the boards write them, each a whole line
_DESCRIPTION_LINES: Final = (
    "Full job description", "About the job", "Vollständige Stellenbeschreibung", "Volledige functieomschrijving",
    "Description complète du poste", "Descrizione completa dell'offerta", "Descrizione completa del lavoro",
    "Descripción completa del empleo", "Descrição completa da vaga", "Pełny opis stanowiska",
    # LinkedIn's "About the job" in other languages
    "Informazioni sull’offerta di lavoro", "Informazioni sull'offerta di lavoro", "À propos de l’offre d’emploi",
    "À propos de l'offre d'emploi", "Acerca del empleo", "Over de vacature",
)


# A board's own heading above the employer's text, in the board's language ("Stellenbeschreibung", "Opis stanowiska",
# "Description de l'offre"): where an English posting starts (its own language's posting may use the same words)
_BOARD_DESCRIPTION_HEADS: Final = frozenset({
    "Stellenbeschreibung", "Beschreibung", "Jobbeschreibung", "Stellenangebot",
    "Opis stanowiska", "Opis oferty", "Treść ogłoszenia", "Description de l’offre", "Description de l'offre",
    "Description du poste", "Descriptif du poste", "Détail de l'offre", "Détail de l’offre", "Descrizione",
    "Descrizione dell'offerta", "Descrizione dell’offerta", "Descrizione del lavoro", "Dettagli dell'offerta",
    "Vacaturetekst", "Functieomschrijving", "Omschrijving", "Vacatureomschrijving", "Descripción",
    "Descripción del puesto", "Descripción de la oferta", "Descrição", "Descrição da vaga", "Descrição da oferta",
    "Stillingsbeskrivelse", "Jobbeskrivelse", "Arbetsbeskrivning", "Om tjänsten", "Popis pozice", "Popis pracovní pozice",
    "Náplň práce", "İş tanımı", "İlan detayı", "İlan açıklaması", "Περιγραφή", "Περιγραφή θέσης", "Descrierea jobului",
    "Descriere", "Munkakör leírása", "Leírás", "Kuvaus", "Tehtävän kuvaus", "Töö kirjeldus", "Darbo aprašymas",
    "Apraksts", "职位描述", "职位详情", "岗位职责",
})
_ENGLISH_WORDS: Final = (" the ", " and ", " of ", " to ")


_LATIN_LETTER: Final = rxcache.compile(r"[A-Za-z]")


# The alliance's own name in brackets after a body's, no short form of the body: "... Brunssum (NAVO)"
_ALLIANCE_FORMS: Final = frozenset({"(NAVO)", "(OTAN)", "(NATO)"})


# A body's name in words, right before where its short form in brackets starts: "Headquarters Supreme Allied Commander
# Transformation" before " (HQ SACT)"
_NAME_BEFORE: Final = rxcache.compile(r"[A-Z][\w&'’-]*(?: (?:[A-Z][\w&'’-]*|of|and|for|the|&))*$")


def _with_short_form(name: str, text: str) -> str:
    """ "Allied Joint Force Command Naples" and the text's "Allied Joint Force Command Naples (JFC Naples)": the name
    with its short form, as the text writes it; else ``name``. (Also in a header in capitals, "NATO JOINT WARFARE
    CENTRE (JWC)": found in the text's lowercase, same length; the short form may be on the next line.)"""
    low, low_name = prose.lower_text(text), name.lower()
    at = low.find(low_name)
    while at >= 0:
        written = _SHORT_FORM.match(text, at + len(low_name))
        if written and written.group(1) not in _ALLIANCE_FORMS:  # (the alliance's, not the body's)
            return f"{name} {written.group(1)}"
        at = low.find(low_name, at + 1)
    if name.startswith("NATO ") and len(name) > 20:
        # a board's "Empresa: NATO Joint Analysis and Lessons Learned Centre" and the notice's "Joint Analysis and
        # Lessons Learned Centre (JALLC)": the notice's name with its short form
        own = _with_short_form(name[5:], text)
        if own != name[5:]:
            return own
    for dash in (" – ", " - ", " — "):
        # a board's "Arbeidsgiver: NATO STO – Centre for Maritime Research and Experimentation": the parent, then the
        # body the notice names with its short form
        parent, sep, body = name.partition(dash)
        if sep and len(parent.split()) <= 3 and len(body) > 20:
            own = _with_short_form(body, text)
            if own != body:
                return own
    return name


def _board_description_start(text: str, lines: list[str]) -> int:
    """The index of the first line of the posting's own text after a board's "Full job description" line in the first
    half of ``text`` (``lines`` joined), or after its own heading above an English posting ("Stellenbeschreibung"); 0
    when there is none. (The lines are looked up in sets, one pass over the first half: a ``str.find`` of each
    marker and a regex of the headings over the whole text cost ~30 us a posting.)"""
    half = len(text) // 2
    markers: dict[str, int] = {}  # a marker's first line (a whole line between two others, in the first half)
    heads: list[tuple[int, int]] = []  # (offset, line) of each heading line
    offset = 0
    last = len(lines) - 1
    for k, line in enumerate(lines):
        if offset > half:
            break
        if line in _DESCRIPTION_LINES and 0 < k < last and offset + len(line) + 1 <= half and line not in markers:
            markers[line] = k
        elif line in _BOARD_DESCRIPTION_HEADS:
            heads.append((offset, k))
        offset += len(line) + 1
    for marker in _DESCRIPTION_LINES:  # (in their order)
        if marker in markers:
            return markers[marker] + 1
    for at, k in heads:
        if sum(text.count(word, at, at + 3000) for word in _ENGLISH_WORDS) >= 12 and k >= 2:
            return k + 1
    return 0


# A relative time, which no body's name is: "Past 3 days", "Last 24 hours", "3 days ago", "Any time"
_NO_BODY: Final = rxcache.compile(r"^(?:past|last|any ?time|saved jobs|all jobs|my jobs)\b|^\d+\+? (?:hours?|days?|weeks?|months?)(?: ago)?$"
                      r"|\bago$", re.I)  # ("Employer" / "Saved jobs": a search page's filter chips)


_STATE_BY_NAME: Final = {name.lower(): name for name in US_STATES.values()}


def _with_us_state(place: str, text: str) -> str:
    """ "Norfolk, United States" as "Norfolk, Virginia, United States" when the text writes the city with its state
    ("Norfolk, VA", "NORFOLK, VIRGINIA"); else as it is."""
    city = place.partition(",")[0]
    for m in re.finditer(re.escape(city) + r",? ([A-Z]{2}\b|[A-Z][A-Za-z]+(?: [A-Z][a-z]+)?)", text, re.I):
        state = m.group(1)
        name = US_STATES.get(state.upper()) if len(state) == 2 else _STATE_BY_NAME.get(state.lower())
        if name:
            return f"{city}, {name}, United States"
    return place


def _english_country(place: str) -> bool:
    """Whether ``place`` ends in a country written in English ("Capellen, Luxembourg", "Norfolk, Virginia, USA")."""
    last = place.rsplit(",", 1)[-1].strip()
    return last in ("USA", "US", "UK") or country_name(last) == last


def _table_organisation(text: str) -> str | None:
    """The NATO body the text names first, as the text writes it with its short form when it does; a parent body
    with one of its own on the next line of a header ("NATO Science and Technology Organization" / "Centre for
    Maritime Research and Experimentation"): that one."""
    body = prose.find_organisation(text)
    if body and body.rpartition("(")[2].rstrip(")") in PARENT_BODIES:
        lines = text.split("\n", 12)[:12]
        for above, line in zip(lines, lines[1:]):
            if len(line) <= 80 and not line.endswith(".") and prose.find_organisation(above) == body:
                below = prose.find_organisation(line)
                if below and below != body:
                    body = below
                break
    return prose.written_organisation(body, text) if body else None




def _as_the_text_writes(name: str, text: str) -> str:
    """ "NATO JOINT WARFARE CENTRE (JWC)", a header's capitals -> "NATO Joint Warfare Centre (JWC)" when the text
    writes the same words in mixed case elsewhere; else as it is (its case is not guessed)."""
    words, paren, rest = name.partition(" (")
    if len(words.split()) < 2 or not words.isupper():
        return name
    for m in re.finditer(re.escape(words).replace("\\ ", r"\s+"), text, re.I):
        if not m.group().isupper():
            return " ".join(m.group().split()) + paren + rest
    nato, dash, body = words.partition(" ")
    if nato in ("NATO", "OTAN") and dash and body[:2] in ("– ", "- ", "— "):
        # "NATO – ALLIED MARITIME COMMAND (MARCOM)": the body's name after the header's "NATO –", as the text writes it
        shorter = _as_the_text_writes(body[2:] + paren + rest, text)
        if shorter != body[2:] + paren + rest:
            return shorter
    return name


def _mixed_case(name: str) -> str:
    """A body's name the text writes only in capitals, in the case NATO writes it: "SUPREME HEADQUARTERS ALLIED POWERS
    EUROPE (SHAPE)" -> "Supreme Headquarters Allied Powers Europe (SHAPE)"; a short form the names table knows in
    mixed case too ("(JFC NAPLES)" -> "(JFC Naples)"). A word that is a body's acronym ("NATO", "STO", "CSO") stays."""
    if name[:12].isupper():
        known = prose.find_organisation(name)  # the names table's own, when it is this name ("SUPP0RT": an OCR's "O")
        if known and known.upper() == name.upper().replace("0", "O"):
            return known
    words, paren, rest = name.partition(" (")
    short = rest[:-1] if rest.endswith(")") else ""
    if short.upper() in _MIXED_SHORT_FORMS:
        rest = _MIXED_SHORT_FORMS[short.upper()] + ")"
    if words.isupper() and len(words.split()) >= 2:
        acronyms = set(short.split())
        # (a word's comma after it, "DESIGN AND DEVELOPMENT, PRODUCTION AND ...", stays: the word is cased before it)
        words = " ".join(
            (core if core in acronyms or core in _BODY_ACRONYMS or not core.isalpha()
             else core.lower() if i and core.lower() in _SMALL_WORDS else core.capitalize()) + word[len(core) :]
            for i, word in enumerate(words.split()) for core in (word.rstrip(",;"),)
        )
    return words + paren + rest


_BODY_ACRONYMS: Final = frozenset({"NATO", "OTAN", "HQ", "SACT", "SACEUR", "CIS", "NCI", "JFC", "ACO", "ACT"}) | frozenset(
    word for _, acronyms in prose.BODIES.values() for acronym in acronyms for word in acronym.split() if word.isupper()
)
_MIXED_SHORT_FORMS: Final = {acronym.upper(): acronym for _, acronyms in prose.BODIES.values() for acronym in acronyms
                      if not acronym.isupper()}  # "JFC Naples", "NCI Agency"
# (the words a title or a body's name writes in lowercase, by _capitalised and _mixed_case)
_SMALL_WORDS: Final = frozenset({"and", "of", "the", "for", "in", "on", "de", "du", "la", "et"})


# A CJK name followed by the Latin one: the Latin name
_SHORT_THEN_NAME: Final = rxcache.compile(r"([A-Z][A-Za-z&]{1,11}) [-–—] ([A-Z][^()]{5,80})$")
_CJK_LEAD: Final = rxcache.compile(r"^[\u3400-\u9fff\uff08\uff09（）·\s]+([A-Z][\x20-\x7e&–]+)$")
# A capital glued to the word before it: "NATOAirborne", "EarlyWarning"
_GLUED_CAPITAL: Final = rxcache.compile(r"[a-z][A-Z][a-z]|[A-Z]{2}[A-Z][a-z]{2}")


def _pasted_below_rule(lines: list[str], fields: list[Field], pasted: bool) -> int:
    """The line after a rule in the first 40 lines when the posting is below it, under a person's notes (no field
    above the rule, or the rule says the text below was pasted); else 0. (``pasted``: the text says "pasted",
    "copied" or the like somewhere.)"""
    for i, line in enumerate(lines[:40]):
        if _is_rule(line) or (pasted and len(line) <= 80 and not line.endswith(".") and _PASTED_NOTE.match(line)):
            # ("----- pasted from cmre.nato.int below -----", "POSTING (copied from the ACT careers page on Jan 22)" say
            # so, whatever the notes above hold: "money: ~6.9k")
            # (a plain rule under notes with fields of their own, "salary: ~7.5k net", is no start; a line below it
            # saying "## Pasted from NCIA careers (5 Dec 2026)" is)
            if not _is_rule(line) and _titled_caption(lines, i):
                continue
            if not any(f.line < i for f in fields) or _PASTED.search(line):
                return _longest_section(lines, fields, i) + 1
    return 0


def _titled_caption(lines: list[str], note: int) -> bool:
    """Whether the "pasted from ..." line ``note`` is a caption under the pasted posting's own title: above it only the
    title (a role, no sentence) and at most one more line ("## Branch Head (Operational Experimentation)" / "*HQ
    SACT* – Norfolk, Virginia" / "_pasted from the ACT civilian vacancies page_")."""
    above = [line for line in lines[:note] if line]
    return 1 <= len(above) <= 2 and bool(ROLE.search(above[0])) and not above[0].endswith((".", ":", "!", "?"))


def _longest_section(lines: list[str], fields: list[Field], rule: int) -> int:
    """``rule``, or the rule further down that starts the longest of the sections the rules part, when the first one
    is a short post with fields of its own (a channel's posts, one after the other, the last one detailed)."""
    rules = [i for i in range(rule + 1, min(len(lines), 400)) if lines[i][:1] in _RULE_FIRST and _is_rule(lines[i])]
    if len(rules) < 2 or not any(rule < f.line < rules[0] and f.key == "deadline" for f in fields):
        return rule
    starts = [rule, *rules]
    ends = [*rules, len(lines)]
    longest = max(range(len(starts)), key=lambda k: ends[k] - starts[k])
    if longest >= 2 and all(any(f.key == "deadline" and starts[k] < f.line < ends[k] for f in fields)
                            for k in range(longest)) and ends[longest] - starts[longest] > 2 * max(
        ends[k] - starts[k] for k in range(len(starts)) if k != longest
    ):  # (each section above it a post with its own closing date; the detailed one more than twice as long as any)
        return starts[longest]
    return rule


_PASTED_NOTE: Final = rxcache.compile(r"[#=*>\s-]*(?:the )?(?:posting|vacancy|notice|job|job ad|advert)(?: text| notice)?\s*[(:–—-]?\s*"
                          # "POSTING (copied from the ACT careers page on Jan 22)", "Vacancy text (copied ...)"
                          r"(?:copied|pasted)\b"
                          r"|[—–-]\s*(?:copied|pasted) from \S+\s*[—–-]$"  # "— pasted from jwc.nato.int —"
                          r"|[#=*>\s-]*(?:copied|pasted|clipped) from\b"  # "## Pasted from NCIA careers (5 Dec 2026)"
                          # in the person's language: "Stellenausschreibung (kopiert von ncia.nato.int am 27.01.2027):"
                          r"|[#=*>\s-]*(?:stellenausschreibung|stellenanzeige|vacature(?:tekst)?|offre|annonce|offerta"
                          r"|annuncio|ogłoszenie|oferta)\s*[(:–—-]?\s*(?:kopiert|eingefügt|gekopieerd|geplakt|copiée?"
                          r"|collée?|copiat[oa]|incollat[oa]|skopiowane|wklejone|copiad[oa])\b", re.I)


# (and in the languages of the boards: "--- tekst van werk.nl / vacature 1 (gekopieerd) ---")
_PASTED: Final = rxcache.compile(r"\b(?:pasted|copied|copy|paste|clipped|gekopieerd|geplakt|kopiert|eingefügt|copié|collé|copiato|incollato"
                     r"|skopiowan[aey]|wklejon[aey])\b", re.I)
# The words that say so (a text without any has no pasted part: looked for once, with the other keywords)
_PASTED_WORDS: Final = prose.Keywords(("copied", "pasted", "copy", "paste", "clipped", "gekopieerd", "geplakt", "kopiert",
                                "eingefügt", "copié", "collé", "copiato", "copiata", "incollat", "skopiowan", "wklejon",
                                "copiad"))


def _pasted_below_alert(lines: list[str], fields: list[Field]) -> int:
    """The line after a rule that says the text below was pasted, three fields or more below it (a job alert, then
    "==== full description (copied from TAP, 16/02/2027) ====" and the posting); else 0."""
    for i, line in enumerate(lines[:400]):
        if line[:1] in _RULE_FIRST and _is_rule(line) and _PASTED.search(line) and sum(f.line > i for f in fields) >= 3:
            return i + 1
    return 0


def _notice_below_alert(lines: list[str], fields: list[Field]) -> int:
    """Where a vacancy notice pasted below a job alert starts: the block (from a blank line) holding its "Vacancy
    Number:" when the closing dates of the alert's other jobs (two or more) are above it; else 0."""
    ref = next((f for f in fields if f.key == "reference" and f.label.lower() in _NOTICE_NUMBER_LABELS), None)
    if ref is None or ref.line < 10 or len({f.value for f in fields if f.key == "deadline" and f.line < ref.line}) < 2:
        return 0  # (one closing date above is a board's summary of the same job)
    start = ref.line
    while start > 0 and lines[start - 1] and ref.line - start < 6:
        start -= 1
    return start


# A digest entry's own line: "2) Maritime Operations Planning Officer", "1) Systems Analyst (Functional Services) - G13"
_DIGEST_TITLE: Final = rxcache.compile(r"\d{1,2}[.)]\s+(.{3,120}?)(?:\s+[-–]\s+G\d{1,2})?$")
# A digest's next entry after the one it details: a rule, then "3) Network Engineer (Deployable CIS)"
_DIGEST_ENTRY: Final = rxcache.compile(r"\d{1,2}[.)]\s+\S")


# An alert's entry headed by its number among them: "VACANCY 2 of 3 – MATCHES YOUR PROFILE", "Offre 1/4", "Stelle 2 von 5"
_ENTRY_OF: Final = rxcache.compile(r"(?:vacancy|vacancies|job|position|post|offre|poste|stelle|vacature|offerta|oferta)\s+\d{1,2}\s*"
                       r"(?:of|/|sur|von|van|di|de|z)\s*\d{1,2}\b", re.I)


def _is_entry(lines: list[str], i: int) -> bool:
    """Whether line ``i`` heads one of a digest's entries: numbered after a rule ("1) Systems Analyst - G13") or
    numbered among them ("VACANCY 2 of 3")."""
    line = lines[i]
    if line[:1].isdigit():
        return i >= 2 and bool(_DIGEST_ENTRY.match(line)) and (_is_rule(lines[i - 1]) or _is_rule(lines[i - 2]))
    if line[:1] == "[":  # "[3] NATO DEFENSE COLLEGE – FULL VACANCY NOTICE": a digest's entry, its number in brackets
        return bool(_BRACKET_ENTRY.match(line)) and (i == 0 or not lines[i - 1])
    # (its second word is its number: tested before the pattern)
    return line[:1] in _ENTRY_FIRST and line[line.find(" ") + 1 : line.find(" ") + 2].isdigit() and bool(
        _ENTRY_OF.match(line))


_ENTRY_FIRST: Final = frozenset("VvJjPpOoSs")
_BRACKET_ENTRY: Final = rxcache.compile(r"\[\d{1,2}\] +[A-Z]\S*(?: \S+){1,14}$")


def _detailed_entry(lines: list[str]) -> int:
    """Where a digest's one detailed job starts: its entries are numbered after rules ("1) Systems Analyst - G13") or
    among them ("VACANCY 2 of 3"), and one of them is three times as long as any other; else 0."""
    entries = [i for i, line in enumerate(lines) if (line[:1].isdigit() or line[:1] == "[" or (
        line[:1] in _ENTRY_FIRST and line[line.find(" ") + 1 : line.find(" ") + 2].isdigit())) and _is_entry(lines, i)]
    if len(entries) < 2:
        return 0
    lengths = [_featured_end(lines, start) - start for start in entries]
    longest = max(range(len(entries)), key=lengths.__getitem__)
    others = [length for k, length in enumerate(lengths) if k != longest]
    return entries[longest] + 1 if lengths[longest] >= 3 * max(others) else 0


def _featured_end(lines: list[str], featured: int) -> int:
    """Where the job an alert details from line ``featured`` ends: at the next entry (see ``_is_entry``), else the end."""
    return next((i for i in range(featured + 1, len(lines)) if _is_entry(lines, i)), len(lines))


def _is_rule(line: str) -> bool:
    """Whether ``line`` is a rule someone put between parts of a text: "-----", "——— copied from jwc.nato.int ———"."""
    return line[:1] in _RULE_FIRST and bool(_PASTE_RULE.match(line))


def extract_facts(lines: list[str], default_tz: str = "Europe/Brussels") -> Facts:
    """Every fact of the posting in ``lines`` (see the module docstring)."""
    fields = find_fields(lines)
    text = "\n".join(lines)
    facts = Facts(values=dict.fromkeys(FACT_KEYS))
    values = facts.values
    facts.consumed = {i for f in fields if f.board for i in f.lines}
    facts.labelled = len(fields)

    featured = 0  # a job alert: its other jobs, then the "Featured job" it details
    card = 0  # a posting pasted below a rule, under a board's card of the same job (or a person's notes)
    # (the hints are looked for only in a text whose lowercase holds one of their words where they would be: the
    # keywords' one pass over the text, which its other keywords need anyway, instead of a search for each hint)
    hints = prose.keyword_hits(text, _FEATURED_HINT_WORDS)
    if hints and hints[0] < 4000 and any(text.find(hint, 0, 4000) >= 0 for hint in _FEATURED_HINTS):
        featured = next((i + 1 for i, line in enumerate(lines[:60]) if _FEATURED.match(line)), 0)
    elif hints and hints[0] < 8000 and text.find("\nFull description\n", 0, 8000) >= 0:
        # (below an alert of several jobs: further down)
        featured = lines.index("Full description", 0, 120) + 1 if "Full description" in lines[:120] else 0
    digest = bool(featured)  # (a job alert's entry ends at the next entry; a posting pasted below notes at the end)
    pasted = False
    if not featured:
        pasted = bool(prose.keyword_hits(text, _PASTED_WORDS))
        featured = _pasted_below_alert(lines, fields) if pasted else 0
    if not featured:
        featured = _detailed_entry(lines)
        digest = bool(featured)
        if not featured:
            featured = card = _pasted_below_rule(lines, fields, pasted)
        featured = featured or _notice_below_alert(lines, fields)
    featured_end = _featured_end(lines, featured) if digest else len(lines)
    if featured:  # the other jobs' fields are not this one's
        fields = [f for f in fields if featured - 1 <= f.line < featured_end]
    fields = _english_side(fields)
    title, title_line, raw_title = find_title(lines, fields, featured)
    if title and title_line is not None and title_line + 1 < len(lines) and lines[title_line + 1].endswith(")") and (
        title.count("(") > title.count(")") or (lines[title_line + 1][:1] == "(" and ")" not in title and raw_title == title
                                                and not _ANY_DIGIT.search(lines[title_line + 1]))
    ):  # (not "(2 posts)", "(G15)")
        rest = lines[title_line + 1].strip()
        if len(rest) <= 60 and rest.count("(") == (0 if title.count("(") > title.count(")") else 1):
            # "Staff Officer (Transatlantic Reinforcement and" / "Sustainment Planning)": a title wrapped in its bracket;
            # "Senior Technician" / "(Maritime Communications Systems)": before it; "... Services) (2" / "posts)": the
            # post count wrapped
            title = clean_title(f"{title} {rest}")
    entry = _DIGEST_TITLE.match(lines[featured - 1]) if featured and lines[featured - 1][:1].isdigit() and not (
        _FEATURED.match(lines[featured - 1])) else None
    if entry and ROLE.search(entry.group(1)) and not any(f.key == "title" for f in fields):
        # "2) Maritime Operations Planning Officer": the entry's own line names the job
        title, title_line, raw_title = clean_title(entry.group(1)), featured - 1, lines[featured - 1]
    if title and " " not in title and len(title) >= 10:
        title = _unglue(title)
    if title and title.isupper() and len(title) >= 10:
        # "SENIOR STAFF OFFICER, MODELLING AND SIMULATION CAPABILITY": as the text writes it elsewhere, not in capitals
        # ("The Senior Staff Officer, Modelling and Simulation Capability, is ...")
        low = prose.lower_text(text)
        at = low.find(title.lower())
        while at >= 0 and text[at : at + len(title)].isupper():
            at = low.find(title.lower(), at + 1)
        if at >= 0:
            title = text[at : at + len(title)]
        elif title.isascii():
            # written only in capitals ("STAFF OFFICER (LOGISTICS PLANS)"): its words capitalised, the short ones
            # lowercase, a word the text writes in capitals elsewhere too ("CIS", "NATO") as it is
            title = _capitalised(title, text)
    values["title"] = title or None
    facts.title_line = title_line
    title_field = any(f.key == "title" and f.line == title_line for f in fields)
    if title_line is not None and not title_field:
        facts.consumed.add(title_line)  # a board's title line; the title is in the front matter
    if title:
        first_word = title.split()[0]
        for i, line in enumerate(lines[:15]):  # the board repeats it, alone and as "Title-250875"
            if i != title_line and line.startswith(first_word) and clean_title(line) == title:
                facts.consumed.add(i)
    for i, line in enumerate(lines[:15]):  # the board's "company" line: "NATO"
        if line[:1] in _GENERIC_FIRST and len(line) <= 48 and prose.is_generic_organisation(line):
            facts.consumed.add(i)
    if title_line is not None:  # the board's name and navigation above the title: chrome, not posting
        facts.consumed.update(board_branding_lines(lines, text, title_line))
        facts.consumed.update(i for i, line in enumerate(lines[:title_line]) if is_board_menu(line))
        facts.consumed.update(menu_run(lines[:title_line]))
    start = _board_description_start(text, lines)
    if start:  # Indeed's or LinkedIn's card, quiz and "Job details" above the posting: board, not posting
        facts.consumed.update(range(start))
    values["reference"] = find_reference(lines[featured - 1 :] if featured else lines, fields)  # (not another job's)
    ref = values["reference"]
    if ref and values["title"] and values["title"].endswith(f"({ref})"):
        values["title"] = values["title"][: -len(ref) - 2].rstrip(" -–")  # "Post: Database Administrator (CAOCTJ-0127)"
    head = lines  # where the board's header lines (the body's name, the place) are looked for
    if featured and title_line:
        head = lines[title_line:]  # a job alert's other jobs above the one it details

    org = _field(fields, "organisation")
    if org and not _LATIN_LETTER.search(org.value):
        org = None  # a Chinese board's menu: "公司" (company), then "校园" (campus); a body's name has Latin letters
    if org and (_NO_BODY.search(org.value) or (ROLE.search(org.value) and not prose.find_organisation(org.value))):
        # a search page's filter under its "Employer" chip ("Past 3 days", "Any time"); Indeed's "Company" box label and
        # the job's title under it ("Logistics Staff Officer (Maritime Sustainment) - job post")
        org = None
    values["organisation"] = org.value if org and not prose.is_generic_organisation(org.value) else None
    if values["organisation"] and " · " in values["organisation"]:
        # a board's employer box, "NATO Allied Air Command (AIRCOM) · Ramstein · 500–1000 Mitarbeitende": the body,
        # then its place and size
        first = values["organisation"].split(" · ", 1)[0]
        if prose.find_organisation(first):
            values["organisation"] = first
    parts = _SHORT_THEN_NAME.match(values["organisation"] or "")
    if parts and prose.find_organisation(parts.group(2)) == prose.find_organisation(parts.group(1)) is not None:
        # "NSPA - NATO Support and Procurement Agency" (an aggregator's employer line): the name, then its short form
        values["organisation"] = f"{parts.group(2)} ({parts.group(1)})"
    if values["organisation"] and not featured and not prose.find_organisation(values["organisation"]):
        # a board's "Zadavatel: Zahraniční zaměstnavatel" (a foreign employer) loses to the body the header below the
        # title names
        named = header_organisation(lines[: max(20, (title_line or 0) + 12)], title_line)
        if named and prose.find_organisation(named):
            values["organisation"] = named
    named = values["organisation"].split(", ")[0] if values["organisation"] else ""
    if named != values["organisation"] and (len(named.split()) <= 3 or named.endswith(")")) and (
        prose.find_organisation(named)
    ):  # "NATO HQ SACT, Norfolk VA (on the Naval Support Activity Hampton Roads site)": the body, then its place;
        # "Joint Warfare Centre (JWC), Allied Command Transformation": the body, then its command
        values["organisation"] = named
    if values["organisation"] and len(values["organisation"].split()) <= 3 and "(" not in values["organisation"]:
        # "Organisation: NATO HQ SACT" and the text's "Headquarters Supreme Allied Commander Transformation (HQ SACT)":
        # the short form's full name as the text writes it
        short = values["organisation"].removeprefix("NATO ").strip()
        at = text.find(f" ({short})") if len(short) >= 2 else -1
        name = _NAME_BEFORE.search(text, max(0, at - 80), at) if at > 0 else None  # (the name is looked for before it)
        if name and prose.find_organisation(name.group(0)):
            values["organisation"] = f"{name.group(0)} ({short})"
    if values["organisation"] and len(values["organisation"].split()) <= 3 and "(" not in values["organisation"]:
        # a board's employer box, "Arbeitgeber: NATO JSEC": the body's full name when the text writes it
        known = prose.find_organisation(values["organisation"])
        if known and known.rsplit(" (", 1)[0] in text:
            values["organisation"] = known
    if values["organisation"] and "(" not in values["organisation"] and len(values["organisation"]) <= 80:
        # "Employer: Allied Joint Force Command Naples" and the text's "Allied Joint Force Command Naples (JFC
        # Naples)": the name with its short form, as the text writes it
        values["organisation"] = _with_short_form(values["organisation"], text)
    if values["organisation"] and values["organisation"].endswith(")"):
        known = prose.find_organisation(values["organisation"])
        if known and known != values["organisation"] and known.endswith(" " + values["organisation"]):
            # "Supreme Headquarters Allied Powers" / "Europe (SHAPE)": a header wrapped over two lines, its last taken
            values["organisation"] = prose.written_organisation(known, text)
    if values["organisation"] and ") – " in values["organisation"]:
        # "NATO Communications and Information Agency (NCIA) – NATO CIS Academy": the body, then its unit
        body = values["organisation"].split(" – ", 1)[0]
        if prose.find_organisation(body):
            values["organisation"] = body
    if values["organisation"] and not values["organisation"][0].isascii():
        # "北约支援与采购局 NATO Support and Procurement Agency (NSPA)": a board's translation before the name
        latin = _CJK_LEAD.match(values["organisation"])
        if latin:
            values["organisation"] = latin.group(1)
    if values["organisation"] is None:
        values["organisation"] = (
            # the posting's own header below a board's "About the job" line, over the board's company line above it
            (header_organisation(lines[start : start + 12]) if start else None)
            # (a job alert's detailed job: its own header, then the first body its text names, not the other jobs')
            or (header_organisation(lines[featured : featured + 12]) if featured else None)
            or (header_organisation(lines[max(0, featured - 4) : featured]) if featured else None)
            or header_organisation(head[:20], title_line if head is lines else 0)
            # a header further down, right above the title's field (below a board's card), when no body the names
            # table knows is named above the title: "NATO Cooperative Cyber Defence Centre of Excellence (CCDCOE)"
            or (header_organisation(lines[20 : title_line + 1], title_line - 20) if head is lines and title_line
                is not None and 20 < title_line <= 45 and not prose.find_organisation("\n".join(lines[:title_line]))
                else None)
            # (or, whatever the lines above name, a header just above the title's field: a team's list of vacancies,
            # then the detailed one's notice, "JOINT WARFARE CENTRE (JWC)" / "Stavanger, Norway" / ... / "Post Title:")
            or (header_organisation(lines[title_line - 8 : title_line + 1], 8) if head is lines and title_line
                is not None and 20 <= title_line else None)
            or _table_organisation("\n".join(lines[featured:]) if featured else text) or (org.value if org else None)
            or prose.find_seeking_body(text)
        )
    if values["organisation"] and values["organisation"][:7] in _ALLIANCE_DASHES and (
        prose.find_organisation(values["organisation"][7:])
    ):  # a board's "NATO – Combined Air Operations Centre ...", "OTAN - Combined Air Operations Centre Torrejón ..."
        values["organisation"] = values["organisation"][7:]
        if "(" not in values["organisation"]:  # (with the short form the text writes it with: see above)
            values["organisation"] = _with_short_form(values["organisation"], text)
    elif values["organisation"] and " – " in values["organisation"]:
        what, _, rest = values["organisation"].partition(" – ")
        named = prose.find_organisation(what)
        if _SHORT_FORM_END.search(rest) and len(rest.split(" (")[0].split()) >= 2 and prose.find_organisation(rest) and (
            not named or (named.rpartition("(")[2].rstrip(")") in PARENT_BODIES
                          and prose.find_organisation(rest) != named)
        ):  # (not "NATO Rapid Deployable Corps – Italy (NRDC-ITA)": one name with a dash in it; "NATO STO – Centre
            # for Maritime Research and Experimentation (CMRE)": the parent body, then its own)
            # a notice's header "NATO CIVILIAN VACANCY – COMBINED AIR OPERATIONS CENTRE TORREJÓN (CAOC TJ)": the body
            # after what the notice is
            values["organisation"] = rest
        elif "(" not in what and prose.find_organisation(what) and not prose.find_organisation(rest):
            # a board's company line "NATO Defense College – Roma (RM)": the body, then its place; with the short form
            # the text writes it with ("NATO DEFENSE COLLEGE (NDC)")
            values["organisation"] = _with_short_form(what, text)
    if values["organisation"] and values["organisation"][:12].isupper():
        values["organisation"] = _as_the_text_writes(values["organisation"], text)
    if values["organisation"] and " " in values["organisation"] and values["organisation"].rpartition(" ")[2] in (
        _ALLIANCE_FORMS
    ):
        # a board's "Allied Joint Force Command Brunssum (NAVO)": the alliance's name in Dutch, no short form of the
        # body; the one the text writes with the name instead
        values["organisation"] = _with_short_form(values["organisation"].rpartition(" ")[0], text)
    if values["organisation"] and values["organisation"].endswith(")"):
        values["organisation"] = _mixed_case(values["organisation"])
    if values["organisation"] and " is " in values["organisation"] and (
        sentence := _BODY_THEN_VERB.match(values["organisation"])
    ):  # "ORGANISATION" / "The NATO Support and Procurement Agency (NSPA) is NATO's ...": a heading and its text
        values["organisation"] = sentence.group(1)
    if values["organisation"] and values["organisation"][:4] in ("The ", "the ") and len(values["organisation"]) > 12:
        values["organisation"] = values["organisation"][4:]  # "The NATO Communications and ... (NCIA)": a sentence's
    if values["organisation"] and _GLUED_CAPITAL.search(values["organisation"]):
        # "NATOAirborne EarlyWarning & Control Force (NAEW&CF)": a body's name whose spaces a PDF lost, as the names
        # table writes it
        known = prose.find_organisation(values["organisation"])
        if known and known.replace(" ", "").lower() == values["organisation"].replace(" ", "").lower():
            values["organisation"] = known

    loc = _field(fields, "location")
    if loc and not _LATIN_LETTER.search(loc.value) and not _LATIN_LETTER.search(normalise_location(loc.value)):
        # a Chinese board's "工作地点：美国 · 弗吉尼亚州诺福克", a place the names table cannot read in its language; the
        # notice's own, in Latin letters, is looked for as when no field names it ("比利时布鲁塞尔" is Brussels, Belgium)
        loc = next((f for f in fields if f.key == "location" and _LATIN_LETTER.search(f.value)), None)
    if loc:
        values["location"] = normalise_location(loc.value)
        if values["location"].endswith(", United States") and values["location"].count(",") == 1:
            # Taleo's "United States-Norfolk" and the notice's "NORFOLK, VIRGINIA, USA": the state the text gives
            values["location"] = _with_us_state(values["location"], text)
        for i, line in enumerate(lines[:15]):  # the board shows it again above the fields
            if line and i not in loc.lines and ":" not in line and looks_like_location(line) and normalise_location(
                line
            ) == values["location"] and not (i and lines[i - 1].endswith(")") and prose.find_organisation(lines[i - 1])
                                              and _english_country(line)):
                # (not the notice's own header: "NATO Support and Procurement Agency (NSPA)" / "Capellen, Luxembourg";
                # a board's card writes the country in its language: "Mons, Belgicko")
                facts.consumed.add(i)
    else:
        first = len(lines) - len(head)
        near: Iterable[int] = range(first, min(first + 15, len(lines)))
        if featured and title_line is not None and featured < first:
            # the detailed job's own header between the alert's heading and its title ("TOP MATCH" / ... / "Norfolk,
            # Virginia, United States" / ... / "Post: ...")
            near = chain(range(featured, first), near)
        if title_line is not None and title_line + 7 > first + 15:
            # a notice's header far below a board's or a mail's lines: the place beside its title
            near = chain(near, range(max(first + 15, title_line - 6), min(title_line + 7, len(lines))))
        if (ref := _field(fields, "reference")) is not None and ref.line > first + 15 and (
            title_line is None or abs(ref.line - title_line) > 7
        ):  # a notice's header above its fields, far below the title a note's front matter gives
            near = chain(near, range(max(first + 15, ref.line - 6), ref.line))
        # (last, the place on a board's card above "Job details": its lines are consumed)
        for i, on_card in chain(((i, False) for i in near), ((i, True) for i in range(min(start, 15)))):
            line = lines[i]
            if " · " in line and "," in line:  # LinkedIn's "Geilenkirchen, North Rhine-Westphalia, Germany · 4 days ago
                line = line.partition(" · ")[0]  # · Over 100 applicants": the place first in its row
            if (on_card or i not in facts.consumed) and ":" not in line and looks_like_location(line) and is_place_line(
                line
            ) and (
                place := normalise_location(_after_employer(line))
            ):  # ("Headquarters Supreme Allied Commander Transformation - Norfolk, VA": the place after the employer)
                values["location"] = place
                facts.consumed.add(i)
                break
        else:
            values["location"] = dotted_location(head[:15]) or prose.find_location(text)

    values["grade"] = find_grade_in(lines, fields)
    if values["grade"] is None and raw_title and raw_title[-1:].isdigit() and (
        decoration := _TRAILING_GRADE.search(raw_title)
    ):  # "Posting Title: RESEARCH ADVISOR (...), G16": the grade only after the title
        values["grade"] = parse_grade(decoration.group(0).strip(" ,-–—|"))

    sal = _field(fields, "salary")
    if sal is not None and not _BASIC_LABEL.search(sal.label):
        # a board's "Salary: £61,420" (its yearly figure) above the posting's "Basic monthly salary: £5,118.40"
        sal = next((f for f in fields if f.key == "salary" and _BASIC_LABEL.search(f.label)
                    and parse_salary(f.value)[0] is not None), sal)
    if sal is not None and parse_salary(sal.value)[2]:
        # a board's "Pay" / "£56,779 a year" above the posting's "Salary: The basic monthly salary for a NATO G13 post
        # ... is £4,731.62": the value that says it is the monthly one
        sal = next((f for f in fields if f.key == "salary" and f is not sal and _BASIC_LABEL.search(f.value[:40])
                    and (found := parse_salary(f.value))[0] is not None and not found[2]), sal)
    if sal is not None and (("(" in sal.label + sal.value and _ESTIMATE.search(sal.label + " " + sal.value))
                            or _SALARY_RANGE.search(sal.value)):
        # a board's guess ("Gehalt (geschätzt): 5.200 € – 6.900 €", "Salario: 30.000€ - 42.000€ Bruto/año"), not the
        # post's basic salary (a NATO post has one)
        sal = next((f for f in fields if f.key == "salary" and f is not sal and not _SALARY_RANGE.search(f.value)), None)
    if sal is not None and parse_salary(sal.value)[0] is None:
        # a portal's "Salary: Not specified" above the posting's own "Basic monthly salary: EUR 6 120" (not a board's
        # guess: "Salaire : 5 500 € - 7 000 € / mois (estimation Meteojob)")
        sal = next((f for f in fields if f.key == "salary" and parse_salary(f.value)[0] is not None
                    and not _SALARY_RANGE.search(f.value)), sal)
    if sal is not None and (amount := parse_salary(sal.value)[0]) is not None and amount == int(amount):
        # a board's figure rounded ("Salaire : 7 905 € / mois") above the notice's "EUR 7,905.18 per month": the exact one
        sal = next((f for f in fields if f.key == "salary" and f is not sal and (exact := parse_salary(f.value)[0])
                    is not None and exact != int(exact) and abs(exact - amount) < 1), sal)
    if sal is not None and values["grade"] and len(sal.value.split()) >= 8 and (
        graded := _GRADE_NAMED.search(sal.value, 0, _figure_end(sal.value))
    ) and f"G{graded.group(1)}" not in values["grade"].split("/"):  # (a grade named before the figure: "Note: the
        # salary for the G15 grade was ..." after it is a remark)
        sal = None  # "Remuneration" / "The basic monthly salary for a G17 is ...": another grade's, not this post's
    if sal is not None and parse_salary(sal.value)[:2] == (None, None):
        sal = None  # a board's "Retribuzione: da definire" (to be set) gives nothing: the posting's sentence may
    stated = None if sal else prose.find_salary_sentence(text, values["grade"]) or _header_salary(lines[:25])
    if sal or stated:
        amount, currency, annual = parse_salary(sal.value if sal else stated or "")
        if sal and amount is not None and not annual and "annual" in sal.label.lower():
            amount, annual = round(amount / 12, 2), True  # "Basic annual salary (A-3, step 1): 83,265.24 EUR": a year's
        values["salary"] = amount
        if annual and amount is not None and sal:  # a stated sentence has no "per year": its figure is monthly
            facts.warnings.append(f"salary {sal.value!r} is per year; the front matter has it per month (/12)")
            facts.needles.append(sal.value)
        if amount is None and currency is not None and sal is not None and not _SALARY_RANGE.search(sal.value):
            values["currency"] = currency  # "Remuneration: NATO basic salary at grade G15, paid monthly in euros (EUR)"
        if amount is not None:
            country = (values["location"] or "").rsplit(", ", 1)[-1]
            if currency is None and country in KRONE_OF_COUNTRY and KRONE.search(sal.value if sal else stated or ""):
                currency = KRONE_OF_COUNTRY[country]
            values["currency"] = currency or ("EUR" if country in EURO_COUNTRIES else None)

    if values["salary"] is None and values["grade"]:
        # the row of the post's grade in a table of salaries, by its G grade or by the old one ("B-4 € 4,118.32")
        for name in (values["grade"], *old_names(values["grade"])):
            row = _grade_row_salary(text, name, (values["location"] or "").rsplit(", ", 1)[-1]) if (
                "\n" + name in text) else None
            if row:
                values["salary"], values["currency"] = row
                break

    sched = _field(fields, "schedule")
    if sched is not None and normalise_schedule(sched.value) not in SCHEDULE_NAMES:
        # "Dienstverband: Tijdelijk contract (...)" above "Uren per week: 40 (fulltime)": the field that is a schedule
        sched = next((f for f in fields if f.key == "schedule" and normalise_schedule(f.value) in SCHEDULE_NAMES), sched)
    head40 = lines[featured - 1 : featured + 39] if featured else lines[:40]  # (a job alert's detailed job's own head)
    values["schedule"] = normalise_schedule(sched.value) if sched else header_schedule(head40, fields)
    if values["schedule"] not in SCHEDULE_NAMES:  # "Working hours: 36 hours per week (Monday to Friday)": neither
        # (a board's "Uren per week: 40" below its badge "Fulltime": the badge's)
        values["schedule"] = (header_schedule(head40, fields) if sched else None) or prose.find_schedule(text)
    if values["schedule"] is None and card:  # (last, the badge on the board's card above: "Vollzeit")
        values["schedule"] = header_schedule(lines[:card], fields)

    posts_field = _field(fields, "posts")
    posts = None
    if posts_field and posts_field.value.split():
        word = posts_field.value.split()[0]
        posts = prose.to_int(word if word.isascii() else word.rstrip("人名个"))  # "2人": two people
        if posts is not None and not 0 < posts <= _MOST_POSTS:
            posts = None  # "Number of posts" / "270217": a table's labels and values apart, the next one's value
    if posts == 1 and raw_title and "(" in raw_title:
        # a board's "Aantal vacatures: 1" against the title's "Geospatial Technician (2 posts)": the posting's count
        posts = prose.find_posts(raw_title, text) or 1
    values["posts"] = posts or prose.find_posts(raw_title, text) or header_posts(lines[:40], fields, text) or 1

    if featured:  # (a job alert's other jobs, above and below the one it details, have their own closing dates)
        deadline, zone, warnings = find_deadline(
            [line if featured <= i < featured_end else "" for i, line in enumerate(lines)], fields, default_tz
        )
    else:
        deadline, zone, warnings = find_deadline(lines, fields, default_tz)
    if zone == default_tz and isinstance(deadline, dt.datetime) and values["location"] and any(
        word in prose.lower_text(text) for word in _LOCAL_TIME_WORDS
    ) and _said_in_local_time(text, deadline):
        # "12:00 hrs (local time Aix-en-Provence)": the wall time of the duty station's country
        local = COUNTRY_ZONES.get(values["location"].rsplit(", ", 1)[-1])
        if local and local != zone:
            deadline, zone = deadline.replace(tzinfo=ZoneInfo(local)), local
    if zone == default_tz and isinstance(deadline, dt.datetime) and values["location"] and COUNTRY_ZONES.get(
        values["location"].rsplit(", ", 1)[-1]
    ) != default_tz:  # (a country of several zones, the United States, has none in the table)
        # a field's "26-Jan-2027, 11:59:00 PM" in no zone, and the text's "by 26 January 2027, 11:59 PM Eastern Time
        # (EST)": the zone the text gives the same time (asked only of a duty station in another zone)
        deadline, zone = _zone_a_phrase_gives(lines, deadline, default_tz) or (deadline, zone)
    if isinstance(deadline, dt.datetime) and (
        zone == "UTC" or (zone == default_tz and "UTC" in text and _IN_UTC.search(text))
    ):  # Taleo's "08-Mar-2026, 10:59:00 PM (UTC)" (or its times "displayed in UTC") and the notice's "by 8 March 2026,
        # 23:59 (Brussels time)": the same moment, as the duty station's people write it
        utc = deadline if zone == "UTC" else deadline.replace(tzinfo=dt.timezone.utc)
        deadline, zone = _zone_a_phrase_gives(lines, utc, default_tz, same_moment=True) or (deadline, zone)
    if zone == "UTC" and isinstance(deadline, dt.datetime) and (values["location"] or "").endswith(
        "United Kingdom"
    ) and " GMT" in text:  # "23:59 GMT" for a post in London: the UK's time (GMT in winter), as its people write it
        deadline, zone = deadline.replace(tzinfo=ZoneInfo("Europe/London")), "Europe/London"
    if zone == "Europe/Athens" and isinstance(deadline, dt.datetime) and (" EET" in text or " EEST" in text) and (
        local := COUNTRY_ZONES.get((values["location"] or "").rsplit(", ", 1)[-1])
    ) in _EASTERN_EUROPEAN_ZONES:  # "EET" for a post in Tallinn: Estonia's time, which is Eastern European Time
        deadline, zone = deadline.replace(tzinfo=ZoneInfo(local)), local
    values["deadline"], values["timezone"] = deadline, zone
    facts.warnings.extend(message for message, _ in warnings)
    facts.needles.extend(needle for _, needle in warnings)

    if featured:  # (the other jobs of an alert, the notes above a pasted posting: not this post's)
        lines = lines[featured - 1 : featured_end]
        text = "\n".join(lines)
    _extras(values, fields, text, lines)
    return facts


# The heading of a posting's desirable (not required) qualifications: "5. DESIRABLE QUALIFICATIONS", "4. Desirable",
# "Mile widziane / Desirable", "Souhaitable", "Wünschenswert", "Von Vorteil", a note's "### Desirable"
_DESIRABLE_WORDS: Final = prose.Keywords(("desirabl", "desired", "souhait", "wünschenswert", "von vorteil", "gewenst",
                                    "auspicabil", "pożądane", "mile widziane", "deseable", "desejáve", "ønskelig",
                                    "önskvärd", "nice to have", "nice-to-have", "preferred"))
# (and the other words _DESIRABLE_WORD finds, for the lines ``_desirable_lines`` tests)
_DESIRABLE_LINE_WORDS: Final = prose.Keywords((*(word for _, group in _DESIRABLE_WORDS for word in group), "an asset",
                                         "an advantage", "mile widzian", "pożądan"))
_DESIRABLE_HEAD: Final = rxcache.compile(
    r"^(?:#{1,6}\s*)?(?:\d{1,2}(?:\.\d{1,2})?[.)]?\s+|\d{1,2}[.)]\s*|[a-z][.)]\s*)?(?:[^\W\d][\w ]{0,30} (?:/|[–—-]) )?(?:desirable|desired|souhaitables?|souhaitée?s?"
    r"|wünschenswert(?:e)?|von vorteil|gewenst|auspicabil[ei]|pożądane|mile widziane|deseables?|desejáve(?:l|is)"
    r"|ønskelige?|önskvärda?|nice[- ]to[- ]have|preferred)(?:\s[\w ,&/()-]{0,50})?\s*[:.]?$",
    re.I,
)
_LIST_MARKS: Final = "-•*·–—o▪►"


def _zone_a_phrase_gives(
    lines: list[str], value: dt.datetime, default_tz: str, same_moment: bool = False
) -> tuple[dt.datetime, str] | None:
    """The deadline and zone of a "submit by" phrase stating ``value``'s day and time in a zone of its own; with
    ``same_moment``, the moment ``value`` is (a time in UTC) in a zone that is not UTC."""
    text = "\n".join(lines)
    twelve, day = f"{value.hour % 12 or 12}:{value.minute:02d}", f"{value.hour:02d}:{value.minute:02d}"
    if not same_moment and text.count(day) + (text.count(twelve) if twelve != day else 0) < 2:
        return None  # (the time is written once, in the field: no phrase restates it)
    for hit in prose.keyword_hits(text, _DEADLINE_WORDS):
        end = text.find("\n", hit)
        end = len(text) if end < 0 else end
        m = _DEADLINE_PHRASES.match(text, hit, end)
        found = _deadline_value(text[m.end() : end], default_tz) if m else None
        if found is None or not isinstance(found[0], dt.datetime) or found[1] is None or found[1].startswith(
            ("Etc/", "UTC")
        ):
            continue  # (a named zone only: "+01:00" after an ISO time is the default zone's offset written out)
        if found[0] == value if same_moment else (
            found[1] != default_tz and found[0].replace(tzinfo=None) == value.replace(tzinfo=None)
        ):
            return found[0], found[1]
    return None


# The alliance's name, then a dash, before a body's: "NATO – ", "OTAN - " (_ALLIANCE_FORMS without their brackets)
_ALLIANCE_DASHES: Final = frozenset(f"{form[1:-1]} {dash} " for form in _ALLIANCE_FORMS for dash in "–-—")
# "the system displays deadlines in UTC" (Taleo's fields, when the notice says so)
_IN_UTC: Final = rxcache.compile(r"\b(?:display(?:s|ed)?|show(?:s|n)?|given|expressed)\b[^.]{0,30}?\bin\s+UTC\b", re.I)


def _desirable_lines(lines: list[str], text: str) -> list[str]:
    """The lines of each desirable list: after its heading, up to the next heading (a line of its own, after a blank
    one, that is no list item); and the clauses of other lines that call something desirable. (Only the lines where
    ``text``, the lines joined, holds one of the words are tested: found in one pass, not by a search of each line.)"""
    wished: list[str] = []
    marked: list[int] = []  # the indices of the lines holding a word, ascending
    at, number = 0, 0
    for hit in prose.keyword_hits(text, _DESIRABLE_LINE_WORDS):
        number += text.count("\n", at, hit)
        at = hit
        if not marked or marked[-1] != number:
            marked.append(number)
    done = -1  # the last line a desirable list took
    for i in marked:
        if i <= done:
            continue
        line = lines[i]
        if len(line) <= 80 and _DESIRABLE_HEAD.match(line):
            j = i + 1
            listed = False  # whether the list's items are marked ("- Experience as an instructor ...")
            while j < len(lines):
                item = lines[j]
                if len(item) <= 80 and _DESIRABLE_HEAD.match(item):
                    j += 1  # (a heading of another desirable list: its lines follow)
                    continue
                if _next_section(item, lines[j - 1], line, listed):
                    break
                listed = listed or (item != "" and item[0] in _LIST_MARKS)
                wished.append(item)
                j += 1
            done = j - 1
        elif _DESIRABLE_WORD.search(line):
            # "German – SLP 2222 – desirable.", "Polish: SLP 2222 (mile widziany / desirable);": the clauses that say so
            # (up to the next language named after the word: "French is only desirable for this one English 3333 is
            # the hard requirement" wishes for no English)
            for clause in _CLAUSE_END.split(line):
                m = _DESIRABLE_WORD.search(clause)
                if m:
                    after = _LANGUAGE_NAME.search(clause, m.end()) if _LANGUAGE_NAME.search(clause, 0, m.start()) else None
                    wished.append(clause[: after.start()] if after else clause)
    return wished


def _next_section(item: str, before: str, heading: str, listed: bool = False) -> bool:
    """Whether ``item`` (after the line ``before``) is the heading of the section after a desirable list's ``heading``:
    a line of its own after a blank one, no list item and no sentence ("The following would be considered an
    advantage:"); or numbered next to a numbered heading ("6. Personal Attributes." after "5. Desirable
    Qualifications."). After the list's marked items (``listed``) and a blank line, a paragraph is the next section's
    too ("Languages English SLP 3333 and German SLP 2222 (both essential ...)."), but for the list's own lettered part
    or a line introducing items ("b. Education/Training:")."""
    if not item or before or item[0] in _LIST_MARKS:
        return False
    if item[1:3] in (". ", ") ") and "a" <= item[0] <= "z":  # "a. Knowledge of ...", "b. Language": the list's lettered
        # parts, after the blank line below its heading; the next letter after a lettered heading is the next section
        return heading[1:3] in (". ", ") ") and item[0] == chr(ord(heading[0]) + 1)
    if listed and not item.endswith(":") and item[1:3] not in (". ", ") "):
        return True
    if len(item) > 80:
        return False
    if not item.endswith((".", ";", ",", ":")):
        return True
    number = _HEADING_NUMBER.match(heading)
    return number is not None and item.startswith(f"{int(number.group(1)) + 1}{number.group(2)} ")


_HEADING_NUMBER: Final = rxcache.compile(r"(\d{1,2})([.)])\s")
_DESIRABLE_WORD: Final = rxcache.compile(r"\b(?:desirable|souhaitable|wünschenswert|von vorteil|gewenst|auspicabile|pożądan[ey]"
                             r"|mile widzian[ey]|deseable|desejável|ønskelig|önskvärd|an asset|an advantage)\b", re.I)
_LANGUAGE_NAME: Final = rxcache.compile(r"\b(?i:" + prose.LANGUAGE_NAMES + r")\b")
# (not a comma inside brackets, "(Listening, Speaking, ...)"; a sentence's end too: "... (SLP 3333). French is desirable")
_CLAUSE_END: Final = rxcache.compile(r"(?:[;,·]|\.(?=\s+[A-Z]))(?![^()]*\))\s*")


# A header line that is only the posting's division: "Intelligence Division", "Defence Policy and Planning Division"
_DIVISION_LINE: Final = rxcache.compile(r"^(?:[A-Z][\w&'’-]*\s+(?:(?:and|of|for|&)\s+)?){1,5}(?:Division|Directorate)"
                            r"(?: \([A-Z][A-Za-z&]{1,7}\))?$")  # ("Emerging Security Challenges Division (ESC)")


_DIVISION_RANK: Final = {"division": 0, "directorate": 1, "division/office": 1, "division/directorate": 1, "department": 1,
                  "branch": 1}


_CLEARANCE_OF_SHORT: Final = {"NS": "NATO SECRET", "NC": "NATO CONFIDENTIAL", "CTS": "COSMIC TOP SECRET"}
_CLEARANCE_SHORT: Final = rxcache.compile(r"(NS|NC|CTS)\b(?!-)", re.I)


_INLINE_BOLD: Final = rxcache.compile(r"\*\*(\S(?:[^*\n]{0,80}?\S)?)\*\*")


def _extras(values: dict[str, Any], fields: list[Field], text: str, lines: list[str]) -> None:
    """division, contract, contract_years, languages, clearance, experience_years (only when found)."""
    if "**" in text:  # a Markdown note's bold words: "At least **8 years** of ...", "English: NATO SLP **3333**"
        text = _INLINE_BOLD.sub(r"\1", text)
    divisions = [f for f in fields if f.key == "division"]
    # "Directorate: Capability Development" and "Division: Operational Experimentation": the one labelled so; then the
    # posting's English label over a board's own ("Departament: Analiză" above "Directorate: A2 Intelligence")
    division = min(divisions, key=lambda f: _DIVISION_RANK.get(f.label.lower(), 2)) if divisions else None
    if division and division.value.lower().startswith(("n/a", "none", "not applicable", "-", "–")):
        division = None  # "Division: n/a — NDMAA is independent"
    if division:
        values["division"] = division.value.rstrip(".")
        if " " not in division.value and len(division.value) >= 10:
            values["division"] = _unglue(values["division"])
    elif (unit := next((f.value for f in fields if f.key == "organisation" and f.value != values.get("organisation")
                        and _DIVISION_LINE.match(f.value)), None)) is not None:
        values["division"] = unit  # Taleo's "NATO Body: NATO International Staff" and "Organization: ... Division"
    else:
        for line in lines[:30]:
            if line.endswith(("Division", "Directorate", ")")) and line != values.get("title") and _DIVISION_LINE.match(line):
                values["division"] = line
                break
    kind, years = prose.find_contract(text)
    if (kind is None or years is None) and any(
        wrap in prose.lower_text(text) for wrap in ("definite\n", "\nduration", "\ndefinite", ")\nyear")
    ):  # "3-year definite" / "duration contract", "of three (3)" / "years": a PDF's wrap
        unwrapped = prose.find_contract(text.replace("\n", " "))
        if kind is None or unwrapped[0] == kind:
            kind, years = unwrapped[0], years or unwrapped[1]
    contract_field = _field(fields, "contract")
    if contract_field is None and kind is None:
        # "Employment: Full-time, definite duration (3 years)": a schedule field that gives the contract too
        contract_field = next((f for f in fields if f.key == "schedule" and "duration" in f.value), None)
    if contract_field and (kind is None or years is None):
        # (the field gives the kind when the text does not, and the years when the text's kind has none)
        field_kind, field_years = prose.contract_of_value(contract_field.value)
        if kind is None:
            kind = field_kind  # (a value that names no kind, a board's "Tipo di contratto: Altro", gives none)
        if field_kind == kind:
            years = years or field_years
    if kind:
        values["contract"] = kind
    if years:
        values["contract_years"] = years
    languages = prose.find_languages(text)
    if isinstance(languages, dict) and len(languages) >= 2 and prose.keyword_hits(text, _DESIRABLE_WORDS):
        # a language at the level a "Desirable" list gives it ("French - SLP 2222") is no requirement (asked only
        # when there are several languages: the one the text states is kept either way)
        wished = prose.find_languages("\n".join(_desirable_lines(lines, text)))
        if isinstance(wished, dict):
            languages = {lang: level for lang, level in languages.items() if wished.get(lang) != level} or languages
    if languages:
        values["languages"] = languages
    clearance = prose.find_clearance(text)
    if clearance is None and (field := _field(fields, "clearance")) is not None:
        # "Security Clearance Required: NS": the level's short form, in a field only (in prose "NS" may be anything)
        short = _CLEARANCE_SHORT.match(field.value)
        # a section "Security Clearance" whose text names only the level: "NATO SECRET (UK nationals: Developed ...)."
        clearance = _CLEARANCE_OF_SHORT[short.group(1).upper()] if short else prose.find_clearance(
            f"{field.label}: {field.value}")
    if clearance:
        values["clearance"] = clearance
    experience = prose.find_experience(text)
    if experience:
        values["experience_years"] = experience
