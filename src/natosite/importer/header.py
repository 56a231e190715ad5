"""A board's header above the posting: its branding, and the facts it shows outside labelled fields.

Boards put a posting's title, body, place and badges on lines of their own above the text:
``InfoJobs Italia — Offerte di lavoro`` (the board: chrome), ``Allied Joint Force Command Naples (JFC
Naples)`` (the body, as the posting names it), ``Neuilly-sur-Seine, France · On-site · Full-time``
(place and schedule), ``Full-time, 2 posts``. These helpers read them; ``facts`` decides precedence.
"""

from __future__ import annotations

import re
from typing import Callable, Final, TypeVar

from natosite.importer import prose, rxcache
from natosite.importer.dates import search_date
from natosite.importer.fields import CELL_SPLIT, POSTS_HINT, Field, posts_of_line, schedule_of_line, schedule_of_value
from natosite.importer.patterns import Caseless, alternatives, by_first_letter
from natosite.importer.places import DUTY_STATIONS, country_name, looks_like_location, normalise_location

T = TypeVar("T")

# Words that make a line a job title even when it also names a body ("NSPA Finance Officer").
_ROLE_WORDS: Final = (
    r"officer|assistant|head|director|engineer|analyst|advis[eo]r|manager|specialist|translator|clerk"
    r"|technician|chief|secretary|co-?ordinator|administrator|architect|developer|auditor|accountant|interpreter"
    r"|reviser|scientist|researcher|instructor|expert|controller|operator|driver|planner|lead|counsel|lawyer"
    r"|librarian|editor|writer|nurse|physician|inspector|investigator|supervisor|consultant|designer|programmer"
    r"|trainer|mechanic|electrician|buyer|chef|chargée?|conseill[eè]re?|traduct(?:eur|rice)|ingénieure?|referent"
    r"|sachbearbeiter(?:in)?|übersetzer(?:in)?|dolmetscher(?:in)?|vertaler|traduttore|tłumacz|medewerker"
    r"|specjalista|kierownik|impiegat[oa]|addett[oa]|responsabile|tecnico"
    r"|analista|técnic[oa]|ingenier[oa]|engenheir[oa]|asistente|assistente|jef[ea]|traductora?|tradutora?"
    r"|coordinadora?|coordenadora?|administrativ[oa]|auxiliar|especialista|directora?|diretora?|gestora?"
)
# (Grouped by first letter, ``patterns.by_first_letter``: a line is searched 3-4x faster. Only ever tested for a
# match, never read: which word is reported does not matter.)
ROLE: Final = rxcache.compile(r"\b(?:" + by_first_letter(alternatives(_ROLE_WORDS)) + r")\b", re.I)
# A board's own name, branding or navigation: "InfoJobs Italia — Offerte di lavoro", "pracuj.pl", "LinkedIn",
# "Nationale Vacaturebank", "Accueil > Offres", "Terug naar zoekresultaten". Never a title.
_BRANDING_WORDS: Final = (
    r"vacaturebank|vacatures|offerte di lavoro|oferty pracy|offres d['’]emploi|stellenangebote|stellenmarkt"
    r"|linkedin|indeed|stepstone|monster|glassdoor|infojobs|jobboard|job board|careers? portal|portail carrières"
    r"|terug naar|zurück zu|retour aux?|torna a|powrót do|back to|zoekresultaten|suchergebnisse|résultats"
    r"|risultati|wyniki wyszukiwania|carrières|karriere|carriere|kariera|vacancies|posizioni aperte"
    r"|ofertas de (?:empleo|trabajo|emprego)|empleos|bolsa de (?:trabajo|empleo)|volver a|resultados|vagas de emprego"
    r"|empregos|voltar (?:a|aos?|para)"
)
_MARKS: Final = "—>›»"  # (between spaces: "InfoJobs — Offerte di lavoro", "Accueil > Offres"; "|" anywhere)
_BRANDING_MARKS: Final = rf" [{_MARKS}|] |\|"
_BRANDING_DOMAIN: Final = r"\b[\w-]+\.(?:com|org|net|int|eu|io|jobs|pl|nl|de|it|fr|be|lu|uk|es|pt|no|dk)\b"
_BRANDING_NAMES: Final = r"\b(?:" + by_first_letter(alternatives(_BRANDING_WORDS)) + r")\b"
BRANDING: Final = rxcache.compile(f"{_BRANDING_MARKS}|{_BRANDING_DOMAIN}|{_BRANDING_NAMES}", re.I)
_BRANDING_NO_DOMAIN: Final = Caseless(re.compile(f"{_BRANDING_MARKS}|{_BRANDING_NAMES}", re.I))
_DOMAIN: Final = rxcache.compile(_BRANDING_DOMAIN, re.I)


def has_branding(line: str) -> bool:
    """``bool(BRANDING.search(line))``, faster: the domain ("pracuj.pl") is only looked for in a line with a "."
    (its pattern tries every word at each of its letters: half the cost of the search)."""
    return bool(_BRANDING_NO_DOMAIN.search(line)) or ("." in line and bool(_DOMAIN.search(line)))


def _literal_start(branch: str) -> str:
    """The literal characters a branch of a regex starts with: "careers? portal" -> "career", "offres d['’]emploi" ->
    "offres d"."""
    for i, char in enumerate(branch):
        if char in "\\[(.^$|?*+{":
            return branch[: i - 1] if char in "?*+{" else branch[:i]
    return branch


# Where each word of _BRANDING_WORDS may start (lowercase), for ``board_branding_lines``
_BRANDING_STARTS: Final = prose.Keywords(tuple(_literal_start(branch) for branch in alternatives(_BRANDING_WORDS)))
# (a line that may hold _BRANDING_MARKS, or a domain's dot: "pracuj.pl")
_BRANDING_MARK_CHARS: Final = ("|", ".", *(f" {mark} " for mark in _MARKS))


def board_branding_lines(lines: list[str], text: str, end: int) -> list[int]:
    """The indices of the lines above ``end`` that ``is_board_branding`` says are a board's name or navigation.
    ``text``: ``lines`` joined by "\n". (Only a line holding a mark, a dot or where one of the words starts is asked:
    the words are found in one pass of the text, ``prose.keyword_hits``, where a search of each line for them tried
    each of its characters.)"""
    if not text.isascii() and any(char in text for char in prose._FOLDED_APART):
        return [i for i, line in enumerate(lines[:end]) if is_board_branding(line)]  # (offsets that may drift)
    hits = prose.keyword_hits(text, _BRANDING_STARTS)
    found: list[int] = []
    at = k = 0
    for i, line in enumerate(lines[:end]):
        line_end = at + len(line)
        while k < len(hits) and hits[k] < at:
            k += 1
        worded = k < len(hits) and hits[k] < line_end
        if line and (worded or any(mark in line for mark in _BRANDING_MARK_CHARS)) and is_board_branding(line):
            found.append(i)
        at = line_end + 1
    return found


def is_board_branding(line: str) -> bool:
    """True for a short line that is a board's name, menu or navigation ("InfoJobs — Offerte di lavoro",
    "Vacatures | Werkgevers | Inloggen", "Terug naar overzicht", "LinkedIn"), never the posting's text."""
    return (
        0 < len(line) <= 90
        and not line.endswith((".", ";", ":"))
        and len(line.split()) <= 10
        and has_branding(line)
        and not ROLE.search(line)
        and search_date(line) is None
    )




# A board's menu bar in any language, its items run together once its spacing is gone: "Jobs Companies Sign in",
# "Accueil Offres d'emploi Entreprises Connexion", "Startseite Jobs Unternehmen Anmelden".
_MENU_ITEMS: Final = frozenset((
    "home", "job", "jobs", "career", "careers", "companies", "employer", "employers", "recruiters", "login", "logout",
    "register", "search", "menu", "account", "salaries", "resources", "alerts", "notifications", "messages", "profile",
    "contact", "about", "faq", "help", "blog", "news", "courses", "community", "accueil", "emplois", "offres",
    "entreprises", "recruteurs", "connexion", "inscription", "recherche", "startseite", "anmelden", "registrieren",
    "unternehmen", "arbeitgeber", "suche", "gehalt", "vacatures", "bedrijven", "werkgevers", "inloggen", "zoeken",
    "lavoro", "offerte", "aziende", "accedi", "registrati", "cerca", "stipendi", "oferty", "firmy", "pracodawcy",
    "szukaj", "empleos", "empresas", "buscar", "empregos", "entrar",
))
_MENU_PHRASES: Final = ("sign in", "sign up", "sign out", "log in", "log out", "post a job", "my account", "saved jobs",
                 "zaloguj się", "iniciar sesión", "s'inscrire", "s’inscrire")


def menu_run(lines: list[str]) -> list[int]:
    """The indices of runs of at least four short items, one a line ("XING", "Mein Netzwerk", "Nachrichten",
    "Unternehmen", "Premium"): a board's menu copied item by item, in any language. (Only asked of the lines above a
    posting's title; capitals, figures, commas and sentence ends are a notice's header, a place or a text.)"""
    found: list[int] = []
    run: list[int] = []
    for i, line in enumerate(lines):
        if not line:
            continue
        if len(line) <= 24 and line.count(" ") <= 2 and line[-1:] not in ".:;,!?)" and not line.isupper() and not any(
            c.isdigit() or c in ",()" for c in line
        ):
            run.append(i)
            continue
        if len(run) >= 4:
            found += run
        run = []
    return found + run if len(run) >= 4 else found


def is_board_menu(line: str) -> bool:
    """True for a short line of at least two menu items and little else ("Jobs Companies Sign in", "Login /
    Registrieren"): a board's menu bar. (Only asked of the lines above a posting's title.)"""
    if len(line) > 90 or line[-1:] in ".;:,!?":
        return False
    words = line.lower().split()
    if not 2 <= len(words) <= 10:
        return False
    hits = covered = sum(map(_MENU_ITEMS.__contains__, words))  # (counted in C)
    if not hits:
        return False
    low = " ".join(words)
    for phrase in _MENU_PHRASES:
        if phrase in low:
            hits += 1
            covered += phrase.count(" ") + 1
    return (
        hits >= 2 and covered * 2 >= len(words) and not any(map(str.isdecimal, line)) and not ROLE.search(line)
    )


_HEADER_PARTS: Final = rxcache.compile(r" [·—|] | [–-] ")


def dotted_location(lines: list[str]) -> str | None:
    """ "NSPA · Capellen, Luxembourg · 3 days ago", "NSPA — Capellen, Luxembourg" (a board's header line)
    -> "Capellen, Luxembourg"."""
    bare = None  # a place without its country ("Publiée le 11/01/2027 · Luxembourg · CDI"): a later "City, Country" wins
    for line in lines:
        if " · " in line or " — " in line or " | " in line or " – " in line or " - " in line:
            for part in _HEADER_PARTS.split(line):
                part = part.strip()
                if looks_like_location(part) or part.lower() in DUTY_STATIONS or _ends_in_country(part):
                    # ("Brussels · On-site"; "HQ SACT - Norfolk, Virginia, United States")
                    if "," in part:
                        return normalise_location(part)
                    bare = bare or normalise_location(part)
        elif _ends_in_country(line) and len(line) <= 160 and prose.find_organisation(line.split(",")[0]):
            # "International Military Staff (IMS), NATO Headquarters, Brussels, Belgium"
            located = normalise_location(line)
            if located != line:
                return located
    return bare


def _ends_in_country(part: str) -> bool:
    """True for "Norfolk, Virginia, United States", "NSPA, Site Taranto, Taranto, Italy": short comma pieces
    (the first may be a body's long name) ending in a country's name."""
    pieces = [p.strip() for p in part.split(",")]
    return (
        2 <= len(pieces) <= 5 and not part.rstrip().endswith(".") and 0 < len(pieces[0].split()) <= 10
        and all(0 < len(p.split()) <= 4 for p in pieces[1:])
        and bool(country_name(pieces[-1]))
    )


_BODY_ACRONYM: Final = rxcache.compile(r"\((?:NATO )?[A-Z][A-Za-z&]{1,11}(?: [A-Z][A-Za-z]{1,11})?\)$")  # "(JFTC)", "(JFC Naples)"
_BODY_START: Final = rxcache.compile(r"^(?:NATO|OTAN|Allied|Supreme|Headquarters|HQ|Joint|North Atlantic)\b")


def header_organisation(lines: list[str], skip: int | None = None) -> str | None:
    """The body's full name as the posting's header line writes it, with its acronym:
    "Allied Joint Force Command Brunssum (JFC Brunssum)", "NATO Science and Technology Organization —
    Collaboration Support Office (CSO)"; a place or "3 days ago" after it is left out. None when no header
    line is a NATO body's name."""
    for i, line in enumerate(lines):
        name = _header_name(line) if i != skip else None
        if name is not None:
            # "NATO Science and Technology Organization (STO)" / "Centre for Maritime Research and Experimentation
            # (CMRE)": a parent's name stacked above its body's, the employer (the body's first, "CENTRE FOR MARITIME
            # RESEARCH AND EXPERIMENTATION (CMRE)" / "NATO Science and Technology Organization (STO)", is taken as it is)
            below = _header_name(lines[i + 1]) if i + 1 < len(lines) and i + 1 != skip else None
            return below if below and name.rpartition("(")[2].rstrip(")").upper() in PARENT_BODIES else name
    for i, line in enumerate(lines):  # the International Staff named in the board's language, with no acronym
        if i != skip and len(line) <= 60 and line[-4:] in ("OTAN", "NATO", "NAVO") and _IS_NAME.match(line):
            return line
    return None


# The short forms of bodies that other bodies belong to (the Science and Technology Organization's centres and office,
# the two strategic commands' headquarters and centres); facts.py asks of the names table's short forms too
PARENT_BODIES: Final = frozenset({"STO", "NATO STO", "ACO", "ACT", "AIRCOM"})  # (AIRCOM: its CAOCs)


def _header_name(line: str) -> str | None:
    """The body's name with its acronym ``line`` is (see ``header_organisation``), else None."""
    if not line or len(line) > 160 or line.endswith((".", ";", ":")) or ": " in line:
        return None
    parts = [p.strip() for p in CELL_SPLIT.split(line)] if "·" in line or "|" in line else [line.strip()]
    name = parts[0]
    cut = max(name.rfind(" — "), name.rfind(" – "))
    while cut > 0 and looks_like_location(name[cut + 3 :]):  # "... (MARCOM) – Northwood, United Kingdom"
        name = name[:cut]
        cut = max(name.rfind(" — "), name.rfind(" – "))
    if (
        name.endswith(")")
        and not any(c.isdigit() for c in name[name.rfind("(") :])  # (a short form, not "(lagret 14.10.2026)", a date)
        and len(name.split()) <= 16
        and name[:1].isupper()
        and (_BODY_START.match(name) or not ROLE.search(name.split("(")[0]))
        and (prose.find_organisation(name) or (_BODY_START.match(name) and _BODY_ACRONYM.search(name)))
        and not (" G" in name and _GRADE_IN_NAME.search(name))
    ):  # (not a PDF's two cells run together: "NATO Grade G18 Capability Development (CAPDEV)", a grade and a division)
        return name
    return None


_GRADE_IN_NAME: Final = rxcache.compile(r"\bG\d{1,2}\b")


# "Secrétariat international de l'OTAN", "Internationaler Stab der NATO", "Segretariato internazionale della NATO"
_IS_NAME: Final = rxcache.compile(
    r"^(?:Secrétariat international|État-major militaire international|Internationaler (?:Militär)?[Ss]tab"
    r"|Internationaal (?:Secretariaat|Militaire Staf)|Segretariato internazionale|Stato maggiore militare internazionale"
    r"|Sekretariat Międzynarodowy|Międzynarodowy Sztab Wojskowy)(?: de l['’]| der| van de| della| dell['’]| NATO)? ?"
    r"(?:OTAN|NATO|NAVO)$"
)


_PLACE_NAMES: Final = rxcache.compile(r"[A-Z][\w'’. -]*(?:, [A-Z][\w'’. -]*){1,2}")  # "Brunssum, Limburg, Netherlands"


def is_place_line(line: str) -> bool:
    """True for a header line that is only a place: "Mons, Belgium", "Belgium-Brussels", "Brunssum, Limburg"
    (not "Officer (Belgium)" or "NATO Belgium": a place's parts are capitalised names, not roles or bodies)."""
    located = normalise_location(line)
    if located != line:
        return True
    return bool(_PLACE_NAMES.fullmatch(line)) and not ROLE.search(line) and not (
        prose.find_organisation(line)
    )


def header_schedule(lines: list[str], fields: list[Field]) -> str | None:
    """ "Full-time"/"Part-time" from a header line or a field that lists it among other items
    ("On-site · Full-time", "Contratto: tempo determinato · Tempo pieno"); None if none does."""
    values = [f.value for f in fields if f.key in ("contract", "posts")]
    # (then a value with a word only a schedule field has: "Ansættelsesform: Fuldtid, tidsbegrænset")
    return _first(schedule_of_line, values + lines) or _first(schedule_of_value, values)


def header_posts(lines: list[str], fields: list[Field], text: str | None = None) -> int | None:
    """The post count of a badge line or of a schedule field ("Full-time, 2 posts", "Temps plein – 2 postes").
    ``text``: the whole posting's lines joined, when ``lines`` are its first ones (its keywords are found already)."""
    return _first(posts_of_line, [f.value for f in fields if f.key == "schedule"] + _from_posts_hint(lines, text))


def _from_hint(lines: list[str], hint: re.Pattern[str]) -> list[str]:
    """``lines`` from the first one ``hint`` may match in; [] when it matches in none. A match in a line is one in
    the lines joined by "\n", at the same place, so a single search of the joined lines (which skips in C to the
    few digits of a header) finds where to start, instead of one search per line."""
    text = "\n".join(lines)
    found = hint.search(text)
    return lines[text.count("\n", 0, found.start()) :] if found else []


# Where each noun of POSTS_HINT starts (lowercase): "pos(ts|itions|tes|ti|to|izione|ities|ten)", "vaca(ncies|tures)",
# "open(ings)", "stel(len)", "func(ties)", "stan(owisk)", "etat".
_POST_NOUN_STARTS: Final = prose.Keywords(("pos", "vaca", "open", "stel", "func", "stan", "etat"))


def _from_posts_hint(lines: list[str], whole: str | None = None) -> list[str]:
    """``_from_hint(lines, POSTS_HINT)``, faster: a match of POSTS_HINT is a figure, spaces, then a noun, so it is only
    tried before the places a noun starts (``keyword_hits``: ``str.find`` in the lowercased text), not at each
    character of the header (~75 instructions a character: it starts with "\\d"). The leftmost noun with a figure and
    spaces before it that match is the leftmost match (the figure is just before the noun's spaces). A text holding
    one of prose._FOLDED_APART, which IGNORECASE and ``str.lower`` fold differently, is searched as before. (The
    nouns are looked for in ``whole`` when ``lines`` joined start it: the hits in that part are theirs, and the
    whole posting's keywords are most likely found already; a new text is lowercased and searched again.)"""
    text = "\n".join(lines)
    if not text.isascii() and any(c in text for c in prose._FOLDED_APART):
        return _from_hint(lines, POSTS_HINT)
    searched = whole if whole is not None and whole.startswith(text) else text
    for hit in prose.keyword_hits(searched, _POST_NOUN_STARTS):
        if hit >= len(text):
            break
        at = hit
        while at > 0 and text[at - 1].isspace():  # (the "\s*": str.isspace is the engine's \s)
            at -= 1
        if at > 0 and text[at - 1].isdecimal() and POSTS_HINT.match(text, at - 1):  # (str.isdecimal is its \d)
            return lines[text.count("\n", 0, at - 1) :]
    return []


def _first(find: Callable[[str], T | None], texts: list[str]) -> T | None:
    """The first thing ``find`` finds in ``texts``, in order: the fields first, then the header lines
    (it only searches short lines: faster than a first scan of the whole header)."""
    for text in texts:
        found = find(text)
        if found:
            return found
    return None


