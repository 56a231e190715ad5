"""Facts that postings state in sentences rather than labelled fields.

Each function takes the posting's text (its cleaned lines joined by newlines) and
returns the fact or None. They are conservative: a fact is only taken from the
sentence shapes NATO postings use, never guessed.

- ``find_organisation``: the NATO body first named ("NATO's International Staff (IS)").
- ``find_location``: "at NATO Headquarters in Brussels, Belgium", "based in Mons, Belgium".
- ``find_contract``: ("definite duration", 3) from "a 3-year definite duration contract".
- ``find_languages``: ``{"English": "V", "French": "III"}`` when each language has its
  level; the string ``"V in one, III in the other"`` for NATO's usual "V ("Advanced")
  in one; III ("Intermediate") in the other" (either official language).
- ``find_clearance``: "NATO SECRET" from a sentence about the security clearance.
- ``find_experience``: 4 from "at least 4 years of experience" (the first such requirement).
- ``find_posts``: the number of posts from "(2 posts)", "two posts", "hire two ... candidates".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Callable, Final, Iterator

import ahocorasick_rs
from natosite.importer import rxcache
from natosite.importer.fields import country_name
from natosite.importer.grades import parse_grade
from natosite.importer.patterns import Caseless, alternatives, by_first_letter
from natosite.importer.keywords import _PREFIXES, Keywords

NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "dix": 10,
    "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "zehn": 10, "een": 1, "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7, "tien": 10,
    "uno": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "dieci": 10,
    "jeden": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "dziesięć": 10,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "dois": 2, "duas": 2, "três": 3, "quatro": 4, "sete": 7, "oito": 8, "nove": 9, "dez": 10,
}
# A count in figures or words (longest first; grouped by first letter: the same matches, several times faster to try at
# each position of a search).
_NUM_GROUP: Final = r"(\d{1,2}|" + by_first_letter(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_NUM: Final = r"\b" + _NUM_GROUP + r"\b"


_ASCII_BYTES: Final = bytes(range(128))


@lru_cache(maxsize=8)
def _lower(text: str) -> str:
    """``text`` lowercased, same length (a few letters grow when lowercased; offsets would drift)."""
    if not text.isascii():
        # ``str.lower`` of a text with non-ASCII characters costs ~50 instructions a character. When none of those
        # characters changes when lowercased (their string, the UTF-8 without its ASCII bytes, is its own lowercase),
        # lowering the ASCII letters of the UTF-8 (``bytes.lower``) is the whole of it, ~3x cheaper.
        raw = text.encode("utf-8", "surrogatepass")
        rare = raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        if rare.lower() == rare:
            return raw.lower().decode("utf-8", "surrogatepass")
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


lower_text = _lower  # (for the other modules: the text's lowercase, cached)


# What every Keywords looks for, in one Aho-Corasick automaton (``ahocorasick_rs``, in Rust): one pass over a text
# finds all of them, ~17 us for a posting's 3,800 characters, where a ``str.find`` for each (~150 of them, each a
# pass over the whole text) cost ~250 us. Made when first needed, again if a Keywords was made since.
_automaton: tuple[ahocorasick_rs.AhoCorasick, tuple[str, ...]] | None = None


def _current_automaton() -> tuple[ahocorasick_rs.AhoCorasick, tuple[str, ...]]:
    """The automaton of every Keywords made so far (made again, and the searches forgotten, after a new one)."""
    global _automaton
    if _automaton is None or len(_automaton[1]) != len(_PREFIXES):
        # (a DFA: ~17 us a posting's 3,800 lowercase characters, against ~44 us for the library's default, a
        # non-contiguous NFA; its memory is a few hundred KB for these ~150 prefixes)
        _automaton = (
            ahocorasick_rs.AhoCorasick(list(_PREFIXES), implementation=ahocorasick_rs.Implementation.DFA),
            tuple(_PREFIXES),
        )
        _keyword_starts.cache_clear()
    return _automaton


@lru_cache(maxsize=8)
def _keyword_starts(low: str) -> dict[str, list[int]] | None:
    """Where each Keywords' prefix starts in ``low`` (a lowercased text), ascending; None when the automaton cannot
    read the text (a lone surrogate is no UTF-8). (Call ``_current_automaton`` first.)"""
    assert _automaton is not None
    automaton, prefixes = _automaton
    try:
        matches = automaton.find_matches_as_indexes(low, overlapping=True)
    except UnicodeError:
        return None
    starts: dict[str, list[int]] = {}
    for index, start, _ in matches:
        starts.setdefault(prefixes[index], []).append(start)
    return starts


def keyword_hits(text: str, words: Keywords | tuple[str, ...]) -> list[int]:
    """Sorted start offsets of each of ``words`` (lowercase; best a ``Keywords``) in ``text``, case-insensitively.

    The lowercase text is searched once for every Keywords' words (``_keyword_starts``, cached for the next call),
    so the slower patterns only look at the few places a keyword occurs.
    """
    if not isinstance(words, Keywords):
        words = Keywords(words)
    low = _lower(text)
    hits: list[int] = []
    _current_automaton()
    starts = _keyword_starts(low)
    if starts is None:  # (a text the automaton cannot read: each word found with ``str.find``)
        starts = {prefix: list(_find_all(low, prefix)) for prefix, _ in words}
    for prefix, group in words:
        found = starts.get(prefix)
        if found:
            if len(group) == 1:
                hits.extend(found)
            else:
                hits.extend(at for at in found if low.startswith(group, at))  # (a tuple: each word tried in C)
    return sorted(set(hits))


def _find_all(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def to_int(word: str) -> int | None:
    """ "3" or "three" (or trois, drei, drie, tre, trzy) -> 3."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


# ---- organisation -------------------------------------------------------------------

# canonical name -> (long names, matched in any case; acronyms, matched as written)
BODIES: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "NATO International Military Staff (NATO IMS)": (("International Military Staff",), ("IMS",)),
    "NATO International Staff (NATO IS)": (("International Staff",), ("NATO IS",)),
    "NATO Communications and Information Agency (NCIA)": (
        ("Communications and Information Agency", "Communication and Information Agency"), ("NCIA", "NCI Agency")),
    "NATO Support and Procurement Agency (NSPA)": (("Support and Procurement Agency",), ("NSPA",)),
    "Allied Command Transformation (ACT)": (
        ("Allied Command Transformation", "Supreme Allied Commander Transformation"), ("HQ SACT", "ACT")),
    "Supreme Headquarters Allied Powers Europe (SHAPE)": (("Supreme Headquarters Allied Powers Europe",), ("SHAPE",)),
    "Allied Command Operations (ACO)": (("Allied Command Operations",), ("ACO",)),
    "NATO Centre for Maritime Research and Experimentation (CMRE)": (
        ("Centre for Maritime Research and Experimentation",), ("CMRE",)),
    "NATO Science and Technology Organization (STO)": (
        ("Science and Technology Organization", "Science and Technology Organisation"), ("STO",)),
    "NATO Defense College (NDC)": (("NATO Defense College", "NATO Defence College"), ("NDC",)),
    "Joint Force Command Brunssum (JFCBS)": (("Joint Force Command Brunssum",), ("JFC Brunssum", "JFCBS")),
    "Joint Force Command Naples (JFCNP)": (("Joint Force Command Naples",), ("JFC Naples", "JFCNP")),
    "Joint Warfare Centre (JWC)": (("Joint Warfare Centre",), ("JWC",)),
    "NATO Airborne Early Warning & Control Force (NAEW&CF)": (
        ("NATO Airborne Early Warning & Control Force", "NATO Airborne Early Warning and Control Force",
         "NATO Airborne Early Warning"), ("NAEW&CF", "NAEW&C Force", "NAEW&C")),
    "NATO Parliamentary Assembly": (("NATO Parliamentary Assembly",), ()),
    "Allied Air Command (AIRCOM)": (("Allied Air Command",), ("AIRCOM",)),
    "Allied Maritime Command (MARCOM)": (("Allied Maritime Command",), ("MARCOM",)),
    "Allied Land Command (LANDCOM)": (("Allied Land Command",), ("LANDCOM",)),
    "NATO School Oberammergau (NSO)": (("NATO School Oberammergau", "NATO School"), ()),  # NSO: also Standardization
    "NATO Standardization Office (NSO)": (("NATO Standardization Office", "NATO Standardisation Office"), ()),
    "Defence Innovation Accelerator for the North Atlantic (DIANA)": (
        ("Defence Innovation Accelerator for the North Atlantic", "Defense Innovation Accelerator for the North Atlantic"),
        ("DIANA",)),
    "Joint Force Training Centre (JFTC)": (("Joint Force Training Centre",), ("JFTC",)),
    "Joint Force Command Norfolk (JFCNF)": (("Joint Force Command Norfolk",), ("JFC Norfolk", "JFCNF")),
    "NATO Joint Analysis and Lessons Learned Centre (JALLC)": (("Joint Analysis and Lessons Learned Centre",), ("JALLC",)),
    # (its long name with "NATO": a name starting with "E" would be tried at every "e" of every text)
    "NATO Eurofighter and Tornado Management Agency (NETMA)": (("NATO Eurofighter and Tornado Management Agency",),
                                                               ("NETMA",)),
    "NATO Helicopter Management Agency (NAHEMA)": (("NATO Helicopter Management Agency",), ("NAHEMA",)),
    "NATO Airborne Early Warning & Control Programme Management Agency (NAPMA)": (
        ("NATO Airborne Early Warning & Control Programme Management Agency",
         "NATO Airborne Early Warning and Control Programme Management Agency"), ("NAPMA",)),
    "NATO Alliance Ground Surveillance Force (NAGSF)": (("NATO Alliance Ground Surveillance Force",), ("NAGSF",)),
    "Joint Support and Enabling Command (JSEC)": (("Joint Support and Enabling Command",), ("JSEC",)),
    # the force structure's headquarters and the command structure's groups that employ NATO civilians too
    "Multinational Corps Northeast (MNC NE)": (
        ("Multinational Corps Northeast", "Multinational Corps North East", "Multinational Corps North-East"),
        ("MNC NE", "MNCNE")),
    "NATO Rapid Deployable Corps – Italy (NRDC-ITA)": (
        ("NATO Rapid Deployable Corps – Italy", "NATO Rapid Deployable Corps - Italy", "NATO Rapid Deployable Corps Italy"),
        ("NRDC-ITA",)),
    "Allied Rapid Reaction Corps (ARRC)": (("Allied Rapid Reaction Corps",), ("ARRC",)),
    "NATO Special Operations Headquarters (NSHQ)": (("NATO Special Operations Headquarters",), ("NSHQ",)),
    "NATO Communication and Information Systems Group (NCISG)": (
        ("NATO Communication and Information Systems Group", "NATO Communications and Information Systems Group"),
        ("NCISG",)),
    "Deployable Air Command and Control Centre (DACCC)": (("Deployable Air Command and Control Centre",), ("DACCC",)),
    "Naval Striking and Support Forces NATO (STRIKFORNATO)": (
        ("Naval Striking and Support Forces NATO", "Naval Striking and Support Forces"), ("STRIKFORNATO",)),
    "NATO Mission Iraq (NMI)": (("NATO Mission Iraq",), ()),
    "NATO Defence Manpower Audit Authority (NDMAA)": (
        ("NATO Defence Manpower Audit Authority", "Defence Manpower Audit Authority"), ("NDMAA",)),
    "NATO Programming Centre (NPC)": (("NATO Programming Centre", "NATO Programming Center"), ()),
    # ("IBAN" alone is a bank account's number in many postings: only the name)
    "International Board of Auditors for NATO (IBAN)": (("International Board of Auditors for NATO",), ()),
    "Combined Air Operations Centre Torrejón (CAOC TJ)": (
        ("Combined Air Operations Centre Torrejón", "Combined Air Operations Centre Torrejon"), ("CAOC TJ",)),
    "Combined Air Operations Centre Uedem (CAOC Uedem)": (
        ("Combined Air Operations Centre Uedem",), ("CAOC Uedem", "CAOC UE")),
    # The Centres of Excellence NATO accredited (their sponsoring nations staff and fund them; they hire civilians)
    "NATO Cooperative Cyber Defence Centre of Excellence (CCDCOE)": (
        ("Cooperative Cyber Defence Centre of Excellence",), ("CCDCOE", "CCD COE")),
    "NATO Energy Security Centre of Excellence (ENSEC COE)": (("Energy Security Centre of Excellence",), ("ENSEC COE",)),
    "NATO Strategic Communications Centre of Excellence (StratCom COE)": (
        ("Strategic Communications Centre of Excellence",), ("StratCom COE", "STRATCOM COE")),
    "Joint Air Power Competence Centre (JAPCC)": (("Joint Air Power Competence Centre",), ("JAPCC",)),
    "Centre of Excellence Defence Against Terrorism (COE-DAT)": (
        ("Centre of Excellence Defence Against Terrorism",), ("COE-DAT",)),
    "Combined Joint Operations from the Sea Centre of Excellence (CJOS COE)": (
        ("Combined Joint Operations from the Sea Centre of Excellence",), ("CJOS COE",)),
    "Command and Control Centre of Excellence (C2COE)": (("Command and Control Centre of Excellence",), ("C2COE",)),
    "Civil-Military Cooperation Centre of Excellence (CCOE)": (
        ("Civil-Military Cooperation Centre of Excellence", "Civil-Military Co-operation Centre of Excellence"),
        ("CCOE",)),
    "Counter-Improvised Explosive Devices Centre of Excellence (C-IED COE)": (
        ("Counter-Improvised Explosive Devices Centre of Excellence",), ("C-IED COE",)),
    "Crisis Management and Disaster Response Centre of Excellence (CMDR COE)": (
        ("Crisis Management and Disaster Response Centre of Excellence",), ("CMDR COE",)),
    "Joint Chemical, Biological, Radiological and Nuclear Defence Centre of Excellence (JCBRN Defence COE)": (
        ("Joint Chemical, Biological, Radiological and Nuclear Defence Centre of Excellence",), ("JCBRN Defence COE",)),
    "Modelling and Simulation Centre of Excellence (M&S COE)": (
        ("Modelling and Simulation Centre of Excellence",), ("M&S COE",)),
    "Naval Mine Warfare Centre of Excellence (NMW COE)": (("Naval Mine Warfare Centre of Excellence",), ("NMW COE",)),
    "Centre of Excellence for Operations in Confined and Shallow Waters (COE CSW)": (
        ("Centre of Excellence for Operations in Confined and Shallow Waters",), ("COE CSW",)),
    "Military Engineering Centre of Excellence (MILENG COE)": (
        ("Military Engineering Centre of Excellence",), ("MILENG COE",)),
    "Military Medicine Centre of Excellence (MILMED COE)": (
        ("Military Medicine Centre of Excellence",), ("MILMED COE",)),
    "Integrated Air and Missile Defence Centre of Excellence (IAMD COE)": (
        ("Integrated Air and Missile Defence Centre of Excellence",), ("IAMD COE",)),
    "NATO Space Centre of Excellence (Space COE)": (("Space Centre of Excellence",), ("Space COE",)),
}
_BY_NAME: Final = {name.lower(): body for body, (names, _) in BODIES.items() for name in names}
# (and with no spaces: "INTERNATIONALMILITARYSTAFF", "theInternational Staff" glued by a PDF)
_BY_NAME.update({name.replace(" ", ""): body for name, body in list(_BY_NAME.items())})
_BY_ACRONYM: Final = {acronym: body for body, (_, acronyms) in BODIES.items() for acronym in acronyms}
BODY_ACRONYMS: Final = frozenset(_BY_ACRONYM)
# The bodies' long names, lowercase, longest first; grouped by first letter (``patterns.by_first_letter``: the same
# matches, a search of a whole posting 3-4x faster).
_NAMES: Final = by_first_letter([re.escape(n.lower()).replace("\\ ", " ?")
                          for n in sorted((n for names, _ in BODIES.values() for n in names), key=len, reverse=True)])
# Searched in the text's ``_lower`` without IGNORECASE: the matches a case-blind search of the text finds, at the same
# places (``_lower`` keeps the text's length; it and the engine's case folding differ only on "ı", "ſ", "İ" and the
# Kelvin sign; tests compare both searches), ~2x faster over a whole posting
_NAMES_LOW: Final = rxcache.compile(_NAMES)
# (Each acronym's "\b" is written as a look back after its first letter, "N(?<!\wN)(?:CIA|SPA|...)": the same matches,
# but the pattern then starts with a letter and the engine skips in C to the few capitals of a text.)
_ACRONYMS_BY_LETTER: Final[dict[str, list[str]]] = {}
for _acronym in sorted(_BY_ACRONYM, key=len, reverse=True):
    _ACRONYMS_BY_LETTER.setdefault(_acronym[0], []).append(re.escape(_acronym[1:]))
_ACRONYMS_RE: Final = rxcache.compile(
    "(?:"
    + "|".join(f"{first}(?<!\\w{first})(?:{'|'.join(rests)})" for first, rests in _ACRONYMS_BY_LETTER.items())
    + r")(?![\w&])"
)
_GENERIC_ORGS: Final = frozenset({"nato", "otan", "nato/otan", "north atlantic treaty organization", "the north atlantic "
                           "treaty organization (nato)", "north atlantic treaty organization (nato)",
                           "nato - north atlantic treaty organization", "nato – north atlantic treaty organization",
                           "nato - north atlantic treaty organisation", "north atlantic treaty organisation"})


def find_organisation(text: str) -> str | None:
    """The canonical name of the NATO body named first in ``text`` ("NATO's International Staff (IS)"), or None."""
    found: list[tuple[int, str]] = []
    m = _NAMES_LOW.search(_lower(text))  # (its place in the text: see _NAMES_LOW)
    if m:
        found.append((m.start(), _BY_NAME[m.group(0).replace(" ", "")]))
    m = _ACRONYMS_RE.search(text, 0, found[0][0] + 10 if found else len(text))
    if m and not (found and 0 <= found[0][0] - m.end() <= 3 and not text[m.end() : found[0][0]].strip(" –—-")):
        # ("NATO STO Centre for Maritime Research ...", "NATO STO – Centre for ...": the acronym just before a name
        # qualifies it: the name's)
        found.append((m.start(), _BY_ACRONYM[m.group(0)]))
    return min(found)[1] if found else None


# The words a text may put before a body's table name: "Allied Joint Force Command Brunssum", "NATO Joint Warfare Centre"
_NAME_PREFIX: Final = rxcache.compile(r"(?:(?:Allied|NATO|HQ|Headquarters)\s+){1,2}$", re.I)
_SHORT_AFTER: Final = rxcache.compile(r"\s*\(([^()\n]{2,20})\)")


def written_organisation(body: str, text: str) -> str:
    """``body`` (a table name ``find_organisation`` gave) as ``text`` writes it with one of the body's short forms:
    "Allied Joint Force Command Brunssum (JFC Brunssum)" for the table's "Joint Force Command Brunssum (JFCBS)";
    else ``body``. (Only a short form the table knows for the body is taken: "(the Netherlands)" is none.)"""
    names, acronyms = BODIES[body]
    shorts = {short.upper() for short in (*acronyms, body.rpartition(" (")[2].rstrip(")"))}  # (in a header's capitals too)
    # (the same length as the text: its offsets are the text's; a name may be wrapped over two lines)
    low = _lower(text).replace("\n", " ")
    first: tuple[int, str] | None = None  # (the text's first such name, whichever of the table's names it is)
    for name in names:
        at = low.find(name.lower(), 0, first[0] if first is not None else len(low))
        while at >= 0:
            end = at + len(name)
            short = _SHORT_AFTER.match(text, end)
            # (a short form may say "NATO" too: "(NATO StratCom COE)")
            if short and short.group(1).upper().removeprefix("NATO ") in shorts:
                prefix = _NAME_PREFIX.search(text, max(0, at - 30, text.rfind("\n", 0, at) + 1), at)  # (on its line)
                written = " ".join(text[prefix.start() if prefix else at : end].split())
                # "International Military Staff (IMS)": a name that says less than the table's, with another short
                # form, keeps the table's; "Centre for Maritime Research and Experimentation (CMRE)" is as written
                table_short = body.rpartition(" (")[2].rstrip(")")
                if written.lower() in body.lower() and short.group(1) != table_short and (
                    written.lower() != body.rpartition(" (")[0].lower()
                ):  # (the table's whole name with another short form, "(NAEW&C Force)", is as written)
                    first = (at, body)
                else:
                    first = (at, f"{written} ({short.group(1)})")
                break
            at = low.find(name.lower(), at + 1, first[0] if first is not None else len(low))
    return first[1] if first is not None else body


# "The Cyber Defence Centre of Excellence (CCDCOE) is seeking ...": a body the table does not know, named with its
# acronym as the subject of the posting's first sentence about the post.
_SEEKING_BODY: Final = rxcache.compile(
    r"(?:^|\n)(?:The )?((?:NATO |Allied |Joint )?(?:[A-Z][\w&'’-]*,? (?:(?:of|for|and|the|de|du|des) )?){1,8}"
    r"\((?:NATO )?[A-Z][A-Za-z&]{1,11}(?: [A-Z][A-Za-z]{1,11})?\)) (?:is|are) (?:seeking|looking for|recruiting|hiring)"
)


_SEEKING_WORDS: Final = Keywords((") is seeking", ") is looking", ") is recruiting", ") is hiring", ") are seeking"))


def find_seeking_body(text: str) -> str | None:
    """ "Cyber Defence Centre (CDC)" from "The Cyber Defence Centre (CDC) is seeking a ..."; else None."""
    for hit in keyword_hits(text, _SEEKING_WORDS):
        m = _SEEKING_BODY.search(text, max(0, hit - 160), hit + 30)
        if m:
            return m.group(1).strip()
    return None


def is_generic_organisation(value: str) -> bool:
    """True for "NATO" and the like: a board's company field that names no body."""
    return value.strip().lower() in _GENERIC_ORGS


# ---- location -----------------------------------------------------------------------

_LOCATION_PROSE: Final = rxcache.compile(
    r"\b(?:Headquarters|HQ|based|located|duty station is|duty location is|post is in|situated)"
    r"(?: \w+){0,2}? (?:in|at) ((?:[A-Z][\w'’.-]*)(?:[ -][A-Z][\w'’.-]*){0,3}(?: \([^()]{2,30}\))?)"
    r",? ((?:the )?[A-Z][\w ]{2,25}?)\b(?=[\s.,;:)]|$)"
)


_LOCATION_WORDS: Final = Keywords(("headquarters", "hq", "based", "located", "duty station", "duty location", "post is in", "situated"))


def find_location(text: str) -> str | None:
    """ "Brussels, Belgium" from "at NATO Headquarters in Brussels, Belgium" and the like."""
    for hit in keyword_hits(text, _LOCATION_WORDS):
        m = _LOCATION_PROSE.match(text, hit, hit + 120)
        if m:
            country = country_name(m.group(2))
            if country:
                return f"{m.group(1).strip()}, {country}"
    return None


# ---- contract -----------------------------------------------------------------------

_CONTRACT_KINDS: Final = (
    (re.compile(r"\bindefinite[-\s]duration\b|contrat (?:à|de) durée indéterminée|\bunbefristete?n?\b"
                r"|onbepaalde tijd|tempo indeterminato|czas nieokreślony"
                r"|contrato (?:de|por) (?:duración|duração|tiempo|tempo) (?:indetermina[dt]o?a?|indefinido)"
                r"|contrato indefinido",
                re.I), "indefinite duration"),
    (re.compile(r"\bdefinite[-\s]duration\b"
                r"|\bfixed[- ]term contract|contrat (?:à|de) durée déterminée"
                r"|\bbefristete?[rn]? (?:Arbeits)?[Vv]ertrag|\bbefristet\b|bepaalde tijd|tempo determinato"
                r"|czas określony"
                r"|\btijdelijke? (?:contract|dienstverband|aanstelling)"
                r"|contrato (?:de|por) (?:duración|duração|tiempo|tempo) determina[dt]o?a?|contrato a termo",
                re.I), "definite duration"),
)
# The kind (and the years) of a contract sentence whose words a PDF glued: "adefinitedurationcontractofthree\nyears"
# (the number a word of NUMBER_WORDS or not: ``to_int`` tells. A pattern string: ``re`` compiles it at its first use,
# in the rare process that reads a glued text, not at every import)
_CONTRACT_GLUED: Final = r"(?i)(in)?definite-?duration(?:contract)?(?:(?:of|for)(\d{1,2}|[a-z]{3,6}?)\s?-?years?)?"
_BRACKETED: Final = r"(?:\s*\((?:\d{1,2}|[a-z]{3,6})\))?"  # "three (3) years", "3 (three) years"
_CONTRACT_YEARS: Final = rxcache.compile(
    # (a PDF's footnote mark may be glued to the word: "three (3) years6,")
    _NUM + _BRACKETED + r"[- ](?:years?|ans?|années|jahre[n]?|jaar|anni|lat[a]?|años|anos)(?:\b|(?=\d\b))"
    r"|(?:of|de|von|van|di|na) " + _NUM + _BRACKETED + r" (?:years?|ans|années|jahren?|jaar|anni|lat[a]?|años|anos)"
    r"(?:\b|(?=\d\b))",
    re.I,
)
_CONTRACT_YEARS_CASELESS: Final = Caseless(_CONTRACT_YEARS)  # (no literal to skip to: tried at each character)
_CONTRACT_MONTHS: Final = rxcache.compile(r"contract (?:of|for) (\d{2}) months\b|(\d{2})[- ]months?(?: definite(?: duration)?)? contract",
                              re.I)


def _sentence_at(text: str, index: int) -> str:
    start = max(text.rfind(".", 0, index), text.rfind("\n", 0, index), text.rfind(";", 0, index)) + 1
    ends = [i for i in (text.find(". ", index), text.find(".\n", index), text.find("\n", index)) if i >= 0]
    return text[start : min(ends) + 1 if ends else len(text)]


_CONTRACT_WORDS: Final = Keywords(("contract", "contrat", "kontrakt", "vertrag", "tijd", "determinato", "określony",
                            "fixed-term", "fixed term", "duration"))  # ("a contract of 3 years (definite duration)")


# Each kind's phrases, lowercase and grouped by first letter (``patterns.by_first_letter``), in a group named after the
# kind, searched in the text's ``_lower`` without IGNORECASE: the matches a case-blind search of the kinds' patterns
# finds (str.lower and the engine's case folding differ only on "ı", "ſ" and the Kelvin sign; tests compare both
# searches), ~5x faster (the engine folds each character of a window for each phrase it tries, its accented letters
# through Unicode tables: 14-30 us a window)
# (A phrase's leading "\b" is written as a look back after its first letter, "d(?<!\wd)efinite": the same matches, but
# every phrase then starts with a letter and is tried only where that letter is.)
_LEADING_WORD_START: Final = rxcache.compile(r"^\\b([a-z])")


def _phrases_low(pattern: re.Pattern[str]) -> str:
    return by_first_letter([_LEADING_WORD_START.sub(r"\1(?<!\\w\1)", a) for a in alternatives(pattern.pattern.lower())])


_CONTRACT_ANY_LOW: Final = rxcache.compile("|".join(f"(?P<k{i}>{_phrases_low(p)})" for i, (p, _) in enumerate(_CONTRACT_KINDS)))


# A part of every phrase of _CONTRACT_ANY_LOW: "contrat", "(nie)okre(ślony)", "(on)bepaalde", "tempo", "(un)befr(istet)",
# "(definite )durat(ion)", "(fixed-)term contract", "(tij)del(ijk)". (Lowercase, and without "i" or "s": see
# ``_holds_any``. Not "contract" alone: a "contract" keyword would always pass.)
_CONTRACT_LITERALS: Final = ("contrat", "okre", "bepaalde", "tempo", "befr", "durat", "term contract", "jdel")


def _holds_any(low: str, start: int, end: int, literals: tuple[str, ...]) -> bool:
    """Whether ``low[start:end]`` (``_lower`` of a text) holds one of ``literals``: a quick test before a
    case-insensitive search of that window for phrases that each contain one of them (such a search tries every
    phrase at every position, several us a window). ``low`` is lowercased as ``str.lower`` does, which the
    regex engine's IGNORECASE matches except for "i" and "s" (it also takes "ı" and "ſ" for them), so the
    literals hold neither letter."""
    window = low[start:end]
    return any(literal in window for literal in literals)


_PARENS: Final = rxcache.compile(r"\s*\([^()]*\)")


# A contract field's value that starts with its kind: "Definite duration, 3 years", "Definiteduration,3years" (PDF),
# "Fixed-term – 2 years", "固定期限合同（3年）"
_VALUE_KIND: Final = rxcache.compile(r"\W*(?:(in)?definite[- ]?duration|fixed[- ]?term|(无)?固定期限)", re.I)
_VALUE_YEARS: Final = rxcache.compile(
    r"(?<!\d)(\d{1,2})\s*-?\s*(?:years?|ans?|jahre?n?|jaar|anni|lat[a]?|年)(?!\w)", re.I
)


_CJK_KIND: Final = rxcache.compile(r"(无固定期限|不定期|无期限)?(?:固定期限|定期)(?:劳动)?合同")


def contract_of_value(value: str) -> tuple[str | None, int | None]:
    """(kind, years) of a contract field's value: "Definite duration (3 years)", "Fixed term, 3 years",
    "3 years definite duration" (the field's label says it is a contract; the value may not)."""
    kind, years = find_contract(value + " contract")
    if kind is None and "(" in value:
        kind, _ = find_contract(_PARENS.sub("", value) + " contract")
    if kind is None:
        start = _VALUE_KIND.match(value)
        if start:
            kind = "indefinite duration" if start.group(1) or start.group(2) else "definite duration"
            found = _VALUE_YEARS.search(value)
            years = to_int(found.group(1)) if found and not start.group(1) and not start.group(2) else None
            return kind, years
        cjk = _CJK_KIND.search(value) if "期" in value else None  # "新聘人员签订为期3年的定期合同"
        if cjk:
            found = re.search(r"(\d{1,2})\s*年", value)
            if cjk.group(1):
                return "indefinite duration", None
            return "definite duration", to_int(found.group(1)) if found else None
    if kind is not None and years is None:
        found = _CONTRACT_YEARS_CASELESS.search(value)
        years = to_int(found.group(1) or found.group(2)) if found else None
    return kind, years


def find_contract(text: str) -> tuple[str | None, int | None]:
    """(contract kind, its years): the first kind offered, its years from the first sentence giving them."""
    first: str | None = None
    first_english = False  # whether the posting's English words ("definite duration") gave ``first``
    seen: set[int] = set()
    low = _lower(text)
    for hit in keyword_hits(text, _CONTRACT_WORDS):
        if not _holds_any(low, max(0, hit - 40), hit + 45, _CONTRACT_LITERALS):
            continue  # (no phrase of _CONTRACT_ANY_LOW there: its search would fail)
        m = _CONTRACT_ANY_LOW.search(low, max(0, hit - 40), hit + 45)  # ("contract of 3 years (definite duration)")
        if m is None or m.start() in seen or m.lastgroup is None:
            continue
        seen.add(m.start())
        kind = _CONTRACT_KINDS[int(m.lastgroup[1:])][1]
        english = "duration" in m.group(0)
        if first is not None and not first_english and english and kind != first:
            first = kind  # a board's "Tijdelijk contract" above the posting's "an indefinite duration contract"
        first = first or kind
        first_english = first_english or (english and kind == first)
        if kind == first:
            sentence = _sentence_at(text, m.start())
            years = _CONTRACT_YEARS_CASELESS.search(sentence)
            if years is None and sentence.endswith("\n") and sentence[-2:-1].isalnum():
                # (a line broken mid-sentence, as a PDF viewer or a hard-wrapped text copies it: "...contract\nof
                # three years, which", "...contract of three\nyears", "... of 36\nmonths"; the two lines read as one)
                sentence = sentence[:-1] + " " + _sentence_at(text, text.find("\n", m.start()) + 1)
                years = _CONTRACT_YEARS_CASELESS.search(sentence)
            if years and "probation" in sentence[: years.start()].lower():
                years = None  # "..., subject to a probationary period of one year": the probation's, not the contract's
            if years:
                return first, to_int(years.group(1) or years.group(2))
            months = _CONTRACT_MONTHS.search(sentence) if "month" in sentence else None
            if months and int(months.group(1) or months.group(2)) % 12 == 0:
                return first, int(months.group(1) or months.group(2)) // 12  # "a definite duration contract of 36 months"
    if first is None and "definiteduration" in low:
        # "Thesuccessfulcandidatewillbeofferedadefinitedurationcontractofthree\nyears": the words glued by a PDF
        glued = re.search(_CONTRACT_GLUED, text)
        if glued:
            glued_years = to_int(glued.group(2)) if glued.group(2) else None
            return ("indefinite duration" if glued.group(1) else "definite duration"), glued_years if not glued.group(1) else None
    if first == "definite duration" and "year" in low:
        # the kind from one place (a board's "Befristeter Vertrag"), the years from the posting's own
        # "an initial contract of 3 years" / "a 3-year contract"
        hit = low.find("contract")
        while hit >= 0:
            years = _CONTRACT_OF_YEARS.search(text, max(0, hit - 40), hit + 30)
            if years:
                return first, to_int(years.group(1) or years.group(2))
            hit = low.find("contract", hit + 8)
    return first, None


_CONTRACT_OF_YEARS: Final = rxcache.compile(
    r"\bcontract (?:of|for) " + _NUM + _BRACKETED + r" years?\b|" + _NUM + r"[- ]years? (?:(?:initial|definite|fixed)[- ]"
    r"(?:duration |term )?)?contract\b", re.I)


# ---- languages ----------------------------------------------------------------------

ROMAN: Final = ("I", "II", "III", "IV", "V", "VI")
_LEVEL_WORDS: Final = {
    "beginner": "I", "elementary": "II", "intermediate": "III", "upper-intermediate": "IV",
    "upper intermediate": "IV", "advanced": "V", "proficient": "VI", "proficiency": "VI",
    "débutant": "I", "élémentaire": "II", "intermédiaire": "III", "avancé": "V",
}
_LANGS: Final = (r"English|French|German|Dutch|Italian|Polish|Spanish|Portuguese|Norwegian|Turkish|Romanian"
          # (the other languages of NATO's nations, and those of its neighbours a post may ask for)
          r"|Greek|Hungarian|Czech|Slovak|Slovenian|Croatian|Bulgarian|Danish|Swedish|Finnish|Icelandic|Estonian"
          r"|Latvian|Lithuanian|Albanian|Macedonian|Montenegrin|Russian|Ukrainian|Arabic"
          r"|anglais|français|Englisch|Französisch|Engels|Frans|inglese|francese|angielski|francuski|英语|法语")
LANGUAGE_NAMES: Final = _LANGS  # (the names a text writes a language with, as a regex alternation)

_LANG_NAMES: Final = {"anglais": "English", "englisch": "English", "engels": "English", "inglese": "English",
               "angielski": "English", "français": "French", "französisch": "French", "frans": "French",
               "francese": "French", "francuski": "French", "英语": "English", "法语": "French"}
_ONE_OTHER: Final = rxcache.compile(
    r"\b(VI|IV|V|III|II|I)\b\s*(?:\([^)]{0,40}\))?\s*(?:in|dans|en|em) (?:one|l['’]une|uno|una|um|uma)\b.{0,90}?"
    r"\b(VI|IV|V|III|II|I)\b\s*(?:\([^)]{0,40}\))?\s*(?:in|dans|en|no|na|nell['’])\s?"  # (or wrapped: "in" / "the other")
    r"(?:the other|l['’]autre|el otro|la otra|outro|outra|altra|altro)",
    re.I,
)
# A level's number in brackets after its word, which it wins over: "Elementary (I)", "Proficiency (level V)"
_ROMAN_IN_BRACKETS: Final = r"(?:\s*\(\s*(?:level\s*)?(VI|IV|V|III|II|I)\s*\))?"
_LEVEL_OF_LANG: Final = rxcache.compile(
    r"\b(upper[- ]intermediate|intermediate|advanced|proficient|proficiency|elementary|beginner)\b"
    + _ROMAN_IN_BRACKETS.replace("level", "(?i:level)")
    + r"(?: level)?(?: (?:of|in))?(?: (?:spoken|written|oral|and|both|the))* (" + _LANGS + r")\b",
    re.I,
)
# "Level V English (Advanced)", "level IV in French": the level's number before the language
_NUMBER_BEFORE_LANG: Final = rxcache.compile(
    r"\b(?i:level|niveau)\s+(VI|IV|V|III|II|I)\s+(?:(?i:in|en|of|de)\s+)?((?i:" + _LANGS + r"))\b"
)
# "IV ("Upper Intermediate") in English; I ("Beginner") in French": a roman level, its name, then the language
_ROMAN_IN_LANG: Final = rxcache.compile(
    r"(?<![\w/])(VI|IV|V|III|II|I)\s*(?:\(\s*[\"“”'‘’]?[A-Za-z -]{3,25}[\"“”'‘’]?\s*\))?\s+(?i:in)\s+((?i:"
    + _LANGS + r"))\b"
)
_LANG_LEVEL: Final = rxcache.compile(
    r"\b((?i:" + _LANGS + r"))\s*[:\-–]?\s*(?:(?i:level|niveau|livello|poziom|Stufe)\s*)?\b(VI|IV|V|III|II|I)\b(?![\w-])"
)
# "French (level V) and English (level IV)" (tried only in a text that holds "(level" or "(niveau")
_LANG_BRACKET_LEVEL: Final = rxcache.compile(
    r"\b((?i:" + _LANGS + r"))\s*\(\s*(?i:level|niveau)\s*(VI|IV|V|III|II|I)\s*\)"
)
_LANG_SLP: Final = rxcache.compile(
    r"\b((?i:" + _LANGS + r"))\s*(?:\((?i:professional|advanced|intermediate|fluent|native)\)\s*[:\-–]?\s*)?"
    # ("English (Professional) – Standardized Language Profile"; pandoc writes the dash "--")
    r"(?:(?i:level)\s*)?(?:SLP|\(SLP\))?\s*(?:--|[:\-–—])?\s*"
    r"(?:(?i:(?:NATO )?Standard(?:i[sz]ed)? Language Profile)\s*(?:\(SLP\))?\s*[:\-–]?\s*)?(?:SLP\s*)?(\d{4})\b"
)
# "Englisch: NATO SLP 3333", "Inglese: livello NATO SLP 3333", "język angielski: NATO STANAG 6001 SLP 3333",
# "英语：NATO SLP 3333", "English (NATO SLP 3333 – listening, ...)" (tried only in a text that holds "SLP")
_LANG_NATO_SLP: Final = rxcache.compile(
    r"\b((?i:" + _LANGS + r"))\s*[:\-–：(]?\s*(?:(?i:level|niveau|livello|poziom|Stufe)\s+)?(?:NATO\s+)?"
    r"(?:STANAG\s+6001\s+)?SLP\s*(\d{4})\b"
)
_LANG_SLP_LATER: Final = rxcache.compile(r"\b((?i:" + _LANGS + r"))\b[^;\n]{0,80}?\bSLP\)?\s*[:\-–]?\s*(?:(?i:level)\s+)?(\d{4})\b")
_LANG_START: Final = rxcache.compile(r"\b(?i:" + _LANGS + r")\b")
_SLP_REACH: Final = 110  # characters from a language's name to the end of its profile
_LANG_WORD_LEVEL: Final = rxcache.compile(
    r"\b((?i:" + _LANGS + r"))\s*[:\-–]\s*(?i:(upper[- ]intermediate|intermediate|advanced|proficient|proficiency"
    r"|elementary|beginner))\b" + _ROMAN_IN_BRACKETS.replace("level", "(?i:level)")
)


_LANG_WORDS: Final = Keywords(tuple(_LANGS.lower().split("|")))
_OTHER_WORDS: Final = Keywords(("the other", "l'autre", "l’autre"))
# Spanish, Portuguese, Italian: looked for only in a text that is not all ASCII (a text in them has its accents)
_OTHER_WORDS_ACCENTED: Final = Keywords(("the other", "l'autre", "l’autre", "el otro", "la otra", "outro", "outra", "altra",
                                  "altro"))


def _level(word: str) -> str:
    """ "Advanced" -> "V" (NATO's scale); other words as written, lowercase."""
    word = word.lower().replace(" ", "-")
    return _LEVEL_WORDS.get(word, word)


def _lang(name: str) -> str:
    return _LANG_NAMES.get(name.lower(), name.capitalize())


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, overlapping (start, end) spans merged: each part of the text is scanned once."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


# The characters the regex engine's IGNORECASE takes for a letter of the language names that ``str.lower`` does not
# lower to it: "İ" (lowered to two characters), "ı" and "ſ" (taken for "i" and "s").
_FOLDED_APART: Final = "İıſ"


def _finditer_at(
    pattern: re.Pattern[str], text: str, start: int, end: int, hits: list[int] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)`` for a pattern that starts with "\\b" and a language name
    (_LANG_LEVEL, _LANG_SLP, _LANG_WORD_LEVEL): it can only match where a name starts, that is at one of ``hits``
    (``keyword_hits`` of _LANG_WORDS, sorted), so it is only tried there, not at each position of the window (4x
    fewer instructions). ``hits`` is None when the text holds one of _FOLDED_APART, which the lowercased text the
    hits come from does not match as the engine does: then the window is searched."""
    if hits is None:
        yield from pattern.finditer(text, start, end)
        return
    pos = start
    for at in hits[bisect_left(hits, start) :]:
        if at >= end:
            break
        if at >= pos:
            m = pattern.match(text, at, end)
            if m:
                yield m
                pos = m.end()


# Where _SKILL_LEVELS and _SKILL_HEADER, _NUMBER_BEFORE_LANG and _LEVEL_OF_LANG can start (their first words)
_LISTENING: Final = Keywords(("listening",))
_LEVEL_LABELS: Final = Keywords(("level", "niveau"))
_LEVEL_NAMES: Final = Keywords(("upper", "intermediate", "advanced", "proficien", "elementary", "beginner"))


def _line_starts(text: str, words: Keywords) -> list[int]:
    """The hits of ``words`` that start a line of ``text``."""
    return [at for at in keyword_hits(text, words) if at == 0 or text[at - 1] == "\n"]


def _sub_at(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str, hits: list[int] | None) -> str:
    """``pattern.sub(repl, text)`` for a pattern that can only match where one of ``hits`` (sorted) is; the whole
    text is searched when ``hits`` is None (see _finditer_at)."""
    if hits is None:
        return pattern.sub(repl, text)
    parts: list[str] = []
    last = 0
    for at in hits:
        if at >= last and (m := pattern.match(text, at)) is not None:
            parts.append(text[last:at])
            parts.append(repl(m))
            last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _search_at(pattern: re.Pattern[str], text: str, hits: list[int] | None) -> bool:
    """Whether ``pattern.search(text)`` finds a match, for a pattern that can only match where one of ``hits`` is."""
    if hits is None:
        return pattern.search(text) is not None
    return any(pattern.match(text, at) is not None for at in hits)


# A profile written with separators: "SLP 3-3-2-2", "SLP: 3.3.2.2", "SLP 3/3/2/2"
# (it starts with its literal "SLP": the engine skips to each one in C)
# ("SLP 3-3-2-2", "(SLP) 3-3-3-3")
_SLP_SPLIT: Final = rxcache.compile(r"SLP(\)?\s*[:\-–]?\s*)([0-5])[-./]([0-5])[-./]([0-5])[-./]([0-5])\b")


def _joined_profile(m: re.Match[str]) -> str:
    """ "SLP 3-3-2-2" -> "SLP 3322   ": the four levels as one number, padded to the text's length (offsets hold)."""
    return "SLP" + m.group(1) + m.group(2) + m.group(3) + m.group(4) + m.group(5) + "   "


_SKILL_LEVELS: Final = rxcache.compile(  # ("Listening 3, Speaking 3, Reading 3 and Writing 2", "Listening 3 / Speaking 3 / ...")
    r"(?i:listening)\s*[:\-–]?\s*([0-5])\+?\s*[,/;]?\s*(?i:speaking)\s*[:\-–]?\s*([0-5])\+?\s*[,/;]?\s*(?i:reading)\s*[:\-–]?\s*"
    r"([0-5])\+?\s*[,/;]?\s*(?:and\s+)?(?i:writing)\s*[:\-–]?\s*([0-5])\+?"
)
_SKILL_HEADER: Final = rxcache.compile(r"(?i:listening)[\s|·:]+(?i:speaking)[\s|·:]+(?i:reading)[\s|·:]+(?i:writing)")
# (the language's cell may say whether it is needed: "English (essential)" / "3" / "3" / "2" / "2", a PDF's cells one a line)
_SKILL_ROW: Final = rxcache.compile(r"(?m)^((?i:" + _LANGS + r"))([\s|·:]+|\s*\([^()\n]{1,20}\)[\s|·:]+)([0-5])[\s|·]+([0-5])[\s|·]+"
                        r"([0-5])[\s|·]+([0-5])(?!\d)")


_SKILL_ROW_MARKED: Final = rxcache.compile(
    _SKILL_ROW.pattern + r"(?=[\s|·]+(?i:essential|desirable|required|mandatory)\b)"
)


def _skills_profile(m: re.Match[str]) -> str:
    return f"SLP {m.group(1)}{m.group(2)}{m.group(3)}{m.group(4)}".ljust(len(m.group(0)))


def _row_profile(m: re.Match[str]) -> str:
    if "(" in m.group(2) and _WISHED_NOTE.search(m.group(2)):
        return m.group(0)  # "Turkish (desirable)": no requirement
    return (m.group(1) + f" SLP {m.group(3)}{m.group(4)}{m.group(5)}{m.group(6)}").ljust(len(m.group(0)))


_WISHED_NOTE: Final = rxcache.compile(
    r"desirabl|optional|asset|advantage|preferred|souhait|wünschenswert|gewenst", re.I
)


def find_languages(text: str) -> dict[str, str] | str | None:
    """NATO language levels required (the first, essential, statement of each)."""
    # (the keywords are looked for in the text as given, whose keywords were most likely found already: the changes
    # below keep every language's name, and every offset unless the text grew, so its hits hold for the changed text)
    given = text
    # (the patterns below that start with a word are tried only where it starts, not at each character: see
    # _finditer_at; a text holding one of _FOLDED_APART is searched as a whole)
    folded = not text.isascii() and any(c in text for c in _FOLDED_APART)
    if "SLP" in text and _SLP_SPLIT.search(text):
        text = _SLP_SPLIT.sub(_joined_profile, text)
    if "istening" in text or "ISTENING" in text:
        # "French – Listening 3, Speaking 3, Reading 2, Writing 2"; a table's row under "Listening Speaking Reading
        # Writing": "English 3 3 3 2 Essential" -> the profile as "SLP 3322", padded (offsets hold)
        listening = None if folded else keyword_hits(given, _LISTENING)
        text = _sub_at(_SKILL_LEVELS, _skills_profile, text, listening)
        if _search_at(_SKILL_HEADER, text, listening):
            text = _sub_at(_SKILL_ROW, _row_profile, text, None if folded else _line_starts(given, _LANG_WORDS))
    elif "sirable" in text or "ssential" in text:  # (a row alone, "Portuguese 2 2 1 1 Desirable": a desirable list's)
        text = _sub_at(_SKILL_ROW_MARKED, _row_profile, text, None if folded else _line_starts(given, _LANG_WORDS))
    if len(text) != len(given):
        given = text  # (a row's profile longer than the row, "English 3 3 3 2" -> "English SLP 3332": offsets moved)
    if "the\nother" in text:
        text = given = text.replace("the\nother", "the other")  # "... III ("Intermediate") in the" / "other.": wrapped
    for hit in keyword_hits(given, _OTHER_WORDS if given.isascii() else _OTHER_WORDS_ACCENTED):
        m = _ONE_OTHER.search(text, max(0, hit - 160), hit + 12)
        if m:
            return f"{m.group(1).upper()} in one, {m.group(2).upper()} in the other"
    found: dict[str, str] = {}
    starts = keyword_hits(given, _LANG_WORDS)
    # (the level within 90 characters after the language's name: "English (Professional) – Standardized Language
    # Profile" / "(SLP) 3-3-3-3")
    windows = _merge([(max(0, h - 60), h + 90) for h in starts])
    hits: list[int] | None = None if folded else starts  # (see _finditer_at)
    for pattern in (_LANG_LEVEL, _LANG_SLP):
        for start, end in windows:
            for m in _finditer_at(pattern, text, start, end, hits):
                found.setdefault(_lang(m.group(1)), m.group(2))
    for word in ("(level", "(niveau"):  # "French (level V)": looked for only just before each "(level"
        at = text.find(word)
        while at >= 0:
            m = _LANG_BRACKET_LEVEL.search(text, max(0, at - 24), at + 16)
            if m:
                found.setdefault(_lang(m.group(1)), m.group(2))
            at = text.find(word, at + 1)
    if "SLP" in text:  # "Englisch: NATO SLP 3333": the languages in the text's order when this adds one
        order: dict[str, int] = {}
        for start, end in windows:
            for m in _finditer_at(_LANG_NATO_SLP, text, start, end, hits):
                order.setdefault(_lang(m.group(1)), m.start())
        if any(lang not in found for lang in order):
            for start, end in windows:
                for m in _finditer_at(_LANG_SLP, text, start, end, hits):
                    order.setdefault(_lang(m.group(1)), m.start())
            extra = {lang: level for lang, level in found.items() if lang not in order}
            for start, end in windows:
                for m in _finditer_at(_LANG_NATO_SLP, text, start, end, hits):
                    found.setdefault(_lang(m.group(1)), m.group(2))
            found = {lang: found[lang] for lang in sorted(order, key=order.__getitem__)} | extra
    if "SLP" in text:  # "English: NATO STANAG 6001 level 3 in all four skills (SLP 3333)", "proficiency in English,
        # NATO STANAG 6001 SLP 3333": the profile a few words on in the clause (before the level words: it wins)
        for at in hits if hits is not None else [m.start() for m in _LANG_START.finditer(text)]:
            if "SLP" in text[at : at + _SLP_REACH]:
                m = _LANG_SLP_LATER.match(text, at, at + _SLP_REACH)
                if m and not _LANG_START.search(text, m.end(1), m.start(2)):  # ("English and French SLP 2222": French's)
                    found.setdefault(_lang(m.group(1)), m.group(2))
    level_hits = None if folded else keyword_hits(given, _LEVEL_LABELS)
    named_hits = None if folded else keyword_hits(given, _LEVEL_NAMES)
    for start, end in windows:
        for m in _finditer_at(_LANG_WORD_LEVEL, text, start, end, hits):
            found.setdefault(_lang(m.group(1)), m.group(3) or _level(m.group(2)))
        for m in _finditer_at(_NUMBER_BEFORE_LANG, text, start, end, level_hits):
            found.setdefault(_lang(m.group(2)), m.group(1))
        for m in _finditer_at(_LEVEL_OF_LANG, text, start, end, named_hits):
            found.setdefault(_lang(m.group(3)), (m.group(2) or "").upper() or _level(m.group(1)))
    for at in keyword_hits(given, _IN_OFFICIAL):  # (tried just before each: the pattern has no literal to skip to)
        m = _ROMAN_IN_LANG.search(text, max(0, at - 36), at + 16) or _SLP_IN_LANG.search(text, max(0, at - 90), at + 16)
        while m is not None and m.end() <= at:  # (an earlier language's, found at its own " in ")
            m = m.re.search(text, m.end(), at + 16)
        if m is None:  # "NATO SLP 3333 in English and 2211 in French": the second profile after the first's "SLP"
            m = _PROFILE_IN_LANG.search(text, max(0, at - 12), at + 16)
            if m and "SLP" not in text[max(0, m.start() - 60) : m.start()]:
                m = None
        if m:
            found.setdefault(_lang(m.group(2)), m.group(1))
    return found or None


_IN_OFFICIAL: Final = Keywords((" in english", " in french", " in the english", " in the french"))
# "a minimum level of SLP 3333 (Listening, Speaking, Reading, Writing) in the English language"
_PROFILE_IN_LANG: Final = rxcache.compile(r"(?:\band|,|/)\s*([0-5]{4})\s+(?i:in)\s+(?i:the\s+)?((?i:English|French))\b")
# ("Standardized Language Profile (SLP) of 3333 in English")
_SLP_IN_LANG: Final = rxcache.compile(
    r"\bSLP\)?\s*(?:(?i:of)\s+)?(\d{4})\s*(?:\([^()]{0,60}\))?\s+(?i:in)\s+(?i:the\s+)?((?i:English|French))\b")


# ---- clearance, experience, posts ---------------------------------------------------

_CLEARANCE_LINE: Final = rxcache.compile(r"clearance|habilitation|sicherheits|veiligheid|nulla osta|poświadczeni|security|安全", re.I)
_CLEARANCE: Final = rxcache.compile(
    r"\b((?:NATO|COSMIC)\s+)?(COSMIC TOP SECRET|TOP SECRET|SECRET|CONFIDENTIAL|RESTRICTED)"
    r"(?:\b|(?=\d\b)|(?<=(?-i:[A-Z]{6}))(?=(?-i:[a-z])))", re.I)
# (a PDF's footnote mark glued to it, "NATO SECRET4", or the next word: "NATO SECRETsecurity clearance")


_CLEARANCE_WORDS: Final = Keywords(("secret", "confidential", "restricted"))
_MARKED_THINGS: Final = (" material", " documents", " information", " markings", " data", " files", " systems", " networks")


# "TheabilitytoobtainaNATOSECRETsecurityclearance": the level glued to "NATO" and the words around it by a PDF
# (a pattern string, compiled by ``re`` at its first use: see _CONTRACT_GLUED)
_CLEARANCE_GLUED: Final = r"(NATO|COSMIC)(COSMICTOPSECRET|TOPSECRET|SECRET|CONFIDENTIAL|RESTRICTED)(?![A-Z])"


# The level's short form, the rest of its line: "... a COSMIC TOP SECRET (CTS)" / "security clearance ..."
_LEVEL_SHORT_FORM: Final = rxcache.compile(r"\s*\([A-Z]{2,4}\)\s*")


def find_clearance(text: str) -> str | None:
    """ "NATO SECRET" from "Security Clearance – NATO SECRET (...)"."""
    for hit in keyword_hits(text, _CLEARANCE_WORDS):
        m = _CLEARANCE.search(text, max(0, hit - 20), hit + 20)
        if m is None and hit >= 4 and text[hit - 4 : hit] in ("NATO", "OTOP", "CTOP"):
            m = re.compile(_CLEARANCE_GLUED).search(text, max(0, hit - 10), hit + 20)  # (``re``'s cache)
        if m is None:
            continue
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        above = start  # (where the line above the level's ends: above a blank line, "c. Security Clearance." / "" / ...)
        if start > 1 and text[start - 2] == "\n":
            above = start - 1
        if m.group(2).upper() == "RESTRICTED" and "clearance" not in text[m.end() : m.end() + 30].lower():
            continue  # "a registry for NATO RESTRICTED and NATO CONFIDENTIAL documents": a marking, no person's level
        if text[m.end() : m.end() + 13].lower().startswith(_MARKED_THINGS) or (
            text[max(0, m.start() - 13) : m.start()].lower().endswith(("up to ", "up to nato ", "up to cosmic "))
            and "clearance" not in text[m.end() : m.end() + 14].lower()
        ):
            # "the handling of COSMIC and NATO SECRET material", "classified CIS up to NATO SECRET": what is marked so,
            # no person's level
            continue
        if m.group(1) is None and m.group(2).islower() and "clearance" not in text[m.end() : m.end() + 14].lower():
            continue  # "handling confidential personal data": a word, no level (but "a secret clearance")
        if _CLEARANCE_LINE.search(text, start, end if end >= 0 else len(text)) or (
            m.start() - start <= 2 and (
                (end if end >= 0 else len(text)) - m.end() <= 30
                or text[m.end() : m.end() + 2] in (". ", " (")  # ("NATO SECRET (the candidate must hold ...).": a note)
            )
            and above > 1
            and _CLEARANCE_LINE.search(text, text.rfind("\n", 0, above - 1) + 1, above)
            and above - text.rfind("\n", 0, above - 1) <= 40
        ) or (end >= 0 and (end - m.end() <= 1 or _LEVEL_SHORT_FORM.fullmatch(text, m.end(), end))
              and _CLEARANCE_LINE.match(text, end + 1)):
            # ("Security clearance" / "NATO SECRET.": the heading's value on the next line, a sentence of its own there
            # too; "... eligible for a NATO
            # SECRET" / "clearance.": a sentence wrapped after the level)
            level = m.group(2).upper()
            if "COSMIC" in (m.group(1) or "").upper() or level.startswith("COSMIC") or level in ("TOP SECRET", "TOPSECRET"):
                return "COSMIC TOP SECRET"  # (NATO's top level has that name only: there is no "NATO TOP SECRET")
            return f"NATO {level}"
    return None


_EXPERIENCE: Final = (
    # (the number may be glued to the word before it by a PDF: "A minimum of5 years of experience")
    re.compile(r"(?:(?<=[a-z])(?=\d)|\b)" + _NUM_GROUP + r"\b\+?\s*(?:\(\d+\)\s*)?(?:full )?years?['’?]?\s*(?:of\s+)?"
               r"(?:[\w/-]+\s+|\([^()\d]{1,30}\)\s+){0,5}?(?:experience|work experience|expertise)"
               r"(?:\b|(?=(?:in|of|with|as|at)\b))", re.I),  # (or glued to the next word: "experiencein underwater")
    re.compile(_NUM + r"\s*(?:ans|années)\s*(?:d['’]|de |minimum d['’])\s*expérience", re.I),
    re.compile(_NUM + r"\s*Jahre[n]?\s*(?:\w+\s+){0,2}?(?:Berufs)?erfahrung", re.I),
    re.compile(_NUM + r"\s*jaar\s*(?:\w+\s+){0,2}?(?:werk)?ervaring", re.I),
    re.compile(_NUM + r"\s*anni\s*(?:di\s+)?(?:\w+\s+){0,2}?esperienza", re.I),
    re.compile(_NUM + r"\s*lat[a]?\s*(?:\w+\s+){0,2}?doświadczeni", re.I),
    # "5 años de experiencia", "5 anos de experiência"
    re.compile(_NUM + r"\s*(?:\(\d+\)\s*)?a[ñn]os\s*(?:de\s+)?(?:\w+\s+){0,2}?experi[eê]ncia", re.I),
    # "Experience: at least 6 years in all-source intelligence analysis": a label, then the years
    re.compile(r"\bexperience\s*[:–-]\s*(?:at least |a minimum of |minimum (?:of )?|min\.? )?" + _NUM + r"\+?\s*years?\b",
               re.I),
)

# The same patterns lowercase, searched in the text's ``_lower`` without IGNORECASE (as _CONTRACT_ANY_LOW): the same
# matches, ~2x faster (a case-blind search folds each character of the window for each alternative it tries)
_EXPERIENCE_LOW: Final = tuple(re.compile(pattern.pattern.lower()) for pattern in _EXPERIENCE)

# A part of every match of each _EXPERIENCE pattern, lowercase and without "i" or "s" (see ``_holds_any``): a window
# without it is not searched (each search tries the pattern at every position of the window, ~3 us).
_EXPERIENCE_LITERALS: Final = ("exper", "exp", "erfahrung", "ervar", "enza", "adcze", "exper", "exper")  # (one per pattern, in order)


def _clause_before(low: str, at: int) -> str:
    """The 40 characters before ``at`` in its own clause (after the last line end, ";" or ". " among them)."""
    before = low[max(0, at - 40) : at]
    return before[max(before.rfind("\n"), before.rfind(";"), before.rfind(". ")) + 1 :]


# Words before years of experience that stand in for a degree ("... may be compensated by at least 10 years")
_IN_LIEU_BEFORE: Final = ("compensated by", "replaced by", "substituted by", "without a degree", "in lieu of a degree",
                          "instead of a degree")
# Where "N years" can be written (lowercase, as keyword_hits looks for them).
_YEARS: Final = (" year", "-year", " jahr", " jaar", " anni", " ans ", " ans d", " années", " lat ", " lata ", " lat d")
_YEARS_WORDS: Final = Keywords(_YEARS)
_YEARS_WORDS_ACCENTED: Final = Keywords(_YEARS + (" años", " anos"))  # (see _OTHER_WORDS_ACCENTED)


# "至少6年网络安全工作经验": N years (年), then within the clause, experience (经验)
_EXPERIENCE_ZH: Final = rxcache.compile(r"(\d{1,2})\s*年(?:以上)?[^\n。；;，,]{0,15}?经验")


_EXPERIENCE_GLUED: Final = rxcache.compile(r"(?<!\d)(\d{1,2})\+?years?of(?:[a-z]{0,30}?)(?:experience|expertise)", re.I)


def find_experience(text: str) -> int | None:
    """Years of experience first required ("at least 4 years of experience" -> 4)."""
    low = _lower(text)
    for hit in keyword_hits(text, _YEARS_WORDS if text.isascii() else _YEARS_WORDS_ACCENTED):
        start = max(0, hit - 30)
        window = low[start : hit + 70]
        for pattern, literal in zip(_EXPERIENCE_LOW, _EXPERIENCE_LITERALS):
            if literal not in window:
                continue  # (see _EXPERIENCE_LITERALS)
            m = pattern.search(low, start, hit + 70)
            if m and m.start() <= hit + 1 <= m.end():
                years = to_int(m.group(1))
                if " additional " in low[m.start() : m.end()] or low[max(0, m.start() - 5) : m.start()] == "with " or (
                    any(lieu in low[m.end() : m.end() + 40] for lieu in (" instead of ", " in lieu of "))
                ) or any(lieu in _clause_before(low, m.start()) for lieu in _IN_LIEU_BEFORE):
                    continue  # "a degree, or ... training, with 2 years of additional relevant experience", "... at
                    # least 6 years of relevant experience instead of the degree", "the lack of a degree may be
                    # compensated by at least 10 years of relevant experience": in lieu of the degree
                if years is not None and 0 < years <= 40:
                    return years
    if "yearsof" in low or "yearof" in low:  # "Minimum5yearsofexperienceinpublic procurement": glued by a PDF
        glued = _EXPERIENCE_GLUED.search(text)
        if glued and 0 < int(glued.group(1)) <= 40:
            return int(glued.group(1))
    if "经验" in text:
        zh = _EXPERIENCE_ZH.search(text)
        if zh and 0 < int(zh.group(1)) <= 40:
            return int(zh.group(1))
    return None


_POST_WORDS: Final = r"(?:posts?|positions?|vacancies|postes?|Stellen|Posten|functies|vacatures|posti|posizioni|stanowisk[ao]?|etat(?:y|ów)?)"
POST_COUNT_RE: Final = rxcache.compile(r"\(\s*" + _NUM + r"\s+" + _POST_WORDS + r"\s*\)", re.I)
# "Responsable achats (Procurement Officer) – 2 postes": the count after a dash, at a title's end
POST_COUNT_END: Final = rxcache.compile(r"\s+[-–—]\s+" + _NUM + r"\s+" + _POST_WORDS + r"$", re.I)
# "we aim to hire two qualified candidates" (matched at the verb)
_POSTS_HIRE: Final = rxcache.compile(
    r"(?:hire|recruit|fill|select|appoint)\s+" + _NUM + r"\s+(?:\w+\s+){0,2}?(?:candidates|staff|people|posts"
    r"|positions)\b",
    re.I,
)
# "two posts are available" (matched just before the verb)
_POSTS_OPEN: Final = rxcache.compile(
    r"\b" + _NUM + r"\s+(?:identical\s+)?(?:posts|positions|vacancies) (?:are|is) $", re.I
)
_POSTS_VERBS: Final = Keywords(("hire", "recruit", "fill", "select", "appoint"))
_POSTS_STATES: Final = Keywords(("available", "open", "to be filled"))


def find_posts(title_line: str | None, text: str) -> int | None:
    """Posts from counts in the title line ("(1 post) & ... (1 post)" -> 2), else from the text."""
    if title_line:
        counts = [to_int(m.group(1)) for m in POST_COUNT_RE.finditer(title_line)]
        if counts and all(c is not None for c in counts):
            return sum(c for c in counts if c is not None)
        end = POST_COUNT_END.search(title_line) if title_line[-1:] in "sS" else None
        if end:  # "Post: Programme Officer (NH90 Logistics Support) - 2 posts"
            return to_int(end.group(1))
    found: list[tuple[int, int | None]] = []
    for hit in keyword_hits(text, _POSTS_VERBS):
        m = _POSTS_HIRE.match(text, hit, hit + 80)
        if m:
            found.append((hit, to_int(m.group(1))))
            break
    for hit in keyword_hits(text, _POSTS_STATES):
        m = _POSTS_OPEN.search(text, max(0, hit - 50), hit)
        if m:
            found.append((m.start(), to_int(m.group(1))))
            break
    return min(found)[1] if found else None


# ---- schedule ---------------------------------------------------------------------------

# A sentence that says the post's schedule: "Full-time, 40 hours per week.", "This is a part-time post (50%).",
# "on a full-time basis" (not "part-time work may be considered": the word must qualify the post)
# (a pattern string, compiled by ``re`` at its first use: see _CONTRACT_GLUED)
_SCHEDULE_SENTENCE: Final = (
    r"(?i)(?:^|(?<=[.!?;:]\s)|(?<=\n)|(?<=\n- )|(?<=\n• )|(?<=\n· )|(?<=\n- · )|(?<=\n• · ))(full|part)[- ]time(?=\s?[,(]"
    r"|\.(?:\s|$)|\s+(?:post"  # (a sentence of its own: "... which may be renewed. Full-time.")
    r"|position|basis|appointment|contract|employment"
    r"|role)\b)|\b(?:is|as|for|offers?)\san?\s(full|part)[- ]time\s(?:post|position|job|appointment|role|contract)\b"
    r"|\bon an? (full|part)[- ]time basis\b"
    # "What we offer" / "- A full-time position in a multinational environment;": a list item, or a sentence, of it
    r"|(?:^|(?<=\n)|(?<=\n- )|(?<=\n• )|(?<=[.!?;:]\s))an?\s(full|part)[- ]time\s(?:post|position|job|appointment|role"
    r"|contract)\b"
    # "The post is full-time (40 hours per week)", "The posts are full-time."
    r"|\b(?:the|this|these)\s(?:post|position|job|role|vacancy)(?:\sis|s\sare)\s(full|part)[- ]time\b"  # (wrapped)
    # "required to work full-time, 40 hours per week", "the working hours are full-time", "job type is Full-time",
    # "Working week: 37.5 hours, Monday to Friday (full-time)"
    r"|\b(?:to work|working hours are|hours are|job type is|employment type is)\s(full|part)[- ]time\b"
    r"|\d\)?\s?(?:hours|hrs)\b[^.()\n]{0,40}\((full|part)[- ]time\)"
    # "The working week is 37.5 hours, full-time."
    r"|\d\s?(?:hours|hrs)(?:\s(?:a|per)\sweek)?,\s(full|part)[- ]time(?=[.;,]|$)"
)
_SCHEDULE_WORDS: Final = Keywords(("full-time", "full time", "part-time", "part time"))


def find_schedule(text: str) -> str | None:
    """ "Full-time" or "Part-time" from a sentence about the post (see _SCHEDULE_SENTENCE); None when there is none,
    or when sentences say both."""
    found: set[str] = set()
    for hit in keyword_hits(text, _SCHEDULE_WORDS):
        # (the sentence's words may start up to 60 characters before it: "37.5 hours, Monday to Friday (full-time)")
        for m in re.compile(_SCHEDULE_SENTENCE).finditer(text, max(0, hit - 60), hit + 40):  # (``re``'s cache)
            if m.start() <= hit < m.end():
                word = next(group for group in m.groups() if group).lower()
                found.add("Full-time" if word == "full" else "Part-time")
                break
    return found.pop() if len(found) == 1 else None


# ---- salary -----------------------------------------------------------------------------

# Only the one sentence that states THIS post's basic monthly salary ("The basic monthly salary for this post is
# 8,923.15 EUR, tax free."); a salary table of other grades, allowances or "up to ..." figures are never read.
# The figure a salary sentence states, with its currency before or after it ("EUR 6,104.52", "8,043.19 EUR")
_STATED_AMOUNT: Final = (r"(?:EUR|USD|CAD|GBP|NOK|DKK|PLN|[€$£])[ \u00a0]?\d[\d.,\u202f\u00a0 ]*\d"  # (a no-break space too: "EUR\u00a02,588.40")
                  r"|\d[\d.,\u202f\u00a0 ]*\d[ \u00a0]?(?:EUR|USD|CAD|GBP|NOK|DKK|PLN|euros?|[€$£])")
_SALARY_SENTENCE: Final = rxcache.compile(
    # ("... for this part-time (50%) post: EUR 2,588.40": a word and a bracket of what the post is, a colon; a word
    # naming a grade, "for this G13 post is", is the grade form's, checked against the post's below)
    r"\b(?:the )?(?:(?:basic monthly|monthly basic|basic) salary (?:for|of) this(?: (?!G ?\d)[\w-]+)?(?: \([^()]{1,30}\))?"
    r" (?:post|position|vacancy|job)(?: \([^()]{1,30}\))?(?: (?:is|will be|amounts to)|:)"
    # "a basic monthly salary (full-time equivalent) of GBP 6,842.19": the post's, with its currency right after "of";
    # "The basic monthly salary for a G16 in Belgium is 7 246,88 EUR", "..., prorated to 80%, is EUR 4,883.82": the
    # post's when the grade it names is the post's (checked by the caller)
    r"|(?:basic monthly|monthly basic) salary(?: \([^()]{1,40}\))? of"
    r"|(?:basic monthly|monthly basic) salary(?: for (?:a |the |grade |an? )?(?:NATO )?(?:grade\s)?(G ?\d{1,2})(?: post| grade)?"
    r"(?: in [A-Z][\w ]{2,30}?)?|,? prorated to \d{1,3} ?%,?"
    # "The basic monthly salary (step 1), which is free of Norwegian income tax, is NOK 77 542,16"
    r"|(?: \([^()]{1,40}\))?,? which is [^,.]{1,60},)? (?:is|will be|amounts to)"
    # "Basic monthly salary 5,876.23 EUR (G15 step 1), tax-free, ...": a line or a sentence naming it, the figure right
    # after ("... renewable. Basic monthly salary €3,930.73, tax-free")
    # ("Basic monthly salary (12 times per year) as from EUR 7,208.26": a bracket that names no grade, "as from")
    r"|(?:(?<![\w ])|(?<=[.;] ))(?:basic monthly|monthly basic) salary(?: \((?![^()]*\bG ?\d)[^()]{1,40}\))?"
    r"(?: as from| from)?)"
    r" (" + _STATED_AMOUNT + ")",
    re.I,
)


# "... three (3) years. Basic monthly salary (NATO grade G16): 8,043.19 EUR, exempt ...": a label in a sentence, its grade
# in brackets (the post's when it is the post's, checked by the caller)
# "The basic monthly salary (tax-free) for a G15 step 1 is EUR 6,104.52", "... for this G15 post is $7,018.41": the
# grade in the sentence; "... renewed. Starting basic monthly salary: EUR 6,518.74 (tax-free)": a label that starts a
# sentence, no grade named
_SALARY_OF_GRADE: Final = rxcache.compile(
    r"(?:monthly salary \((?:NATO )?grade (?P<in_brackets>G ?\d{1,2})\)(?:, [^:\n]{1,40})?:"
    r"|(?:basic monthly|monthly basic) salary(?: \([^()]{1,30}\))? for (?:(?:this|an?|the) )?(?:NATO )?(?:grade\s)?"
    r"(?P<for_grade>G ?\d{1,2})(?: step \d{1,2})?(?: \([^()]{1,30}\))?(?: post| position| grade)? (?:is|will be|amounts to)"
    r"|(?:(?<=[.;] )|(?<=\n)|^)(?:starting |initial )?(?:basic monthly|monthly basic) salary"
    r"(?: \((?![^()]*\bG ?\d)[^()]{1,30}\))?(?:, [^:\n.()]{1,60})?:"  # (a bracket naming a grade is the first form's;
    # "Basic monthly salary (12 times per year), exempt from national income tax: EUR 7,641.18")
    # "Basic monthly salary for G12 in Portugal: EUR 3,918.64"
    r"|(?:basic monthly|monthly basic) salary (?:for|at) (?:NATO )?(?:grade\s)?(?P<colon_grade>G ?\d{1,2})(?: [^:\n]{1,30})?:"
    # "The basic monthly salary (NATO Grade G11, step 1) is", "... (12 times a year) is", "... for a full-time G10 post
    # at NAPMA is": what the salary is of, in a bracket or after "for", then the figure
    r"|(?:basic monthly|monthly basic) salary(?P<of>(?: \([^()\n]{1,60}\))?"
    r"(?: (?:for|at) (?:[^.;:\n()]|(?<=[ABCL])\.(?=\d)){1,60}?)?"  # (" for grade A.2 at CMRE is": an old grade's point)
    r"(?: \([^()\n]{1,60}\))?)"  # (" at grade G11 is")
    r" (?:is|will be|amounts to)"
    r"(?: set at)?) "
    r"(?P<amount>" + _STATED_AMOUNT + ")",
    re.I,
)
# "Basic salary of EUR 6,214.73 per month (G14, tax-free)": the month said after the figure
_SALARY_A_MONTH: Final = rxcache.compile(r"\b(?:basic|base) salary of (" + _STATED_AMOUNT + r") (?:per|a|each) month\b", re.I)
_SALARY_WORDS: Final = Keywords(("salary for this", "salary of this", "monthly salary", "basic salary of", "base salary of"))
_GRADE_OF: Final = rxcache.compile(r"\b(G ?\d{1,2})\b")


def find_salary_sentence(text: str, grade: str | None = None) -> str | None:
    """The figure with its currency ("8,923.15 EUR") from a sentence stating this post's basic monthly salary (one
    naming a grade only when it is ``grade``, the post's, or one of its twin grades), on one line or wrapped by a
    PDF's lines ("The basic monthly salary at" / "grade G17 (step 1) is 8.214,67 EUR, free of German income")."""
    hits = keyword_hits(text, _SALARY_WORDS)
    if not hits:
        return None
    found = _salary_sentence(text, hits, grade)
    if found is None and "\n" in text:
        found = _salary_sentence(_unwrapped_near(text, hits), hits, grade)
    return found


def _unwrapped_near(text: str, hits: list[int]) -> str:
    """``_WRAPPED.sub(" ", text)`` where ``_salary_sentence`` looks, around each of the ascending ``hits`` (from 30
    characters before one to 160 after, and the two its look-behinds see before that); elsewhere ``text`` as it is.
    (The same length: the hits hold. A substitution over the whole text, ~3 M instructions, tried each character.)"""
    pieces: list[str] = []
    done, size = 0, len(text)
    for hit in hits:
        start, end = max(done, hit - 40), min(size, hit + 170)
        if start >= end:
            continue
        # (with the few characters around it that _WRAPPED looks at: 3 before a line break, 5 after it)
        before, after = max(0, start - 4), min(size, end + 6)
        pieces.append(text[done:start])
        pieces.append(_WRAPPED.sub(" ", text[before:after])[start - before : end - before])
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


# A line break inside a sentence: before a word in lowercase or a bracket, or after "is", "of", "at", "to", "be"; or
# after a colon, before a figure's currency ("... (NATO Grade G18), exclusive of allowances:" / "EUR 10,204.56")
_WRAPPED: Final = rxcache.compile(r"(?<=[\w,)])\n(?=[a-z(])|(?<= is| of| at| to| be)\n(?=[\d€$£A-Z])|(?<=:)\n(?=[A-Z]{3} \d|[€$£])")


def _salary_sentence(text: str, hits: list[int], grade: str | None) -> str | None:
    """``find_salary_sentence`` at the keywords' ``hits``."""
    for hit in hits:
        m = _SALARY_SENTENCE.search(text, max(0, hit - 30), hit + 140)
        if m:
            named, amount = m.group(1), m.group(2)
        elif (m := _SALARY_A_MONTH.search(text, max(0, hit - 30), hit + 140)) is not None:
            named = _GRADE_OF.search(text, m.end(), m.end() + 20)  # ("... per month (G14, tax-free)": its grade)
            named, amount = named.group(1) if named else None, m.group(1)
        else:
            m = _SALARY_OF_GRADE.search(text, max(0, hit - 30), hit + 140)
            if m is None:
                continue
            named = m.group("in_brackets") or m.group("for_grade") or m.group("colon_grade")
            if named is None and m.group("of"):
                grades = _GRADE_OF.findall(m.group("of"))  # ("(NATO Grade G11, step 1)": the grade it is of)
                named = grades[0] if len(grades) == 1 else parse_grade(m.group("of")) if not grades else None
            amount = m.group("amount")
        if named is None or (grade is not None and named.replace(" ", "").upper() in grade.split("/")):
            return amount
    return None
