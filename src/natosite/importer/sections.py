"""The posting's lines -> its Markdown body.

``build_body(lines, skip)`` turns the cleaned lines (minus the board fields in
``skip``) into diff-friendly Markdown:

- the posting's sections as ``##`` headings, however they are written: "1. SUMMARY",
  "- SUMMARY The PSC Section ..." (heading and text on one line), "4. Essential
  Qualifications.", "QUALIFICATIONS AND EXPERIENCE"; sub-headings ("ESSENTIAL",
  "Stakeholder Management", "a. Professional / Experience.") as ``###``;
- bullets ("-", "•", "·", "*", "o", "▪", ...) as ``- `` items, numbered items as
  ``1.`` items, lettered items ("a.", "(b)") as ``- a.`` items;
- paragraphs re-flowed, one per line: a line that continues the previous one (no
  closing punctuation before, a lowercase letter after) is joined to it;
- words glued by PDF extraction split where it is safe ("CivilianPersonnel",
  "NATOcivilian", "HRTeam", "withMS"), never in known names ("SharePoint");
- everything else escaped (``markdown.escape``) so it stays text.
"""

from __future__ import annotations

import re
from typing import Final

from natosite.importer import rxcache
from natosite.importer.fields import ASCII_DIGIT
from natosite.importer.markdown import unglue_and_escape_posting
from natosite.importer.patterns import by_first_letter

# Section headings NATO postings use, in English, French, German, Dutch, Italian, Polish.
KNOWN_HEADINGS: Final[tuple[str, ...]] = (
    "summary", "post context", "post context/post summary", "post summary", "context", "background",
    "qualifications and experience", "essential qualifications", "desirable qualifications",
    "qualifications", "experience", "main accountabilities", "principal duties", "main responsibilities",
    "responsibilities", "duties", "tasks", "key responsibilities", "role and responsibilities",
    "interrelationships", "competencies", "contract", "recruitment process", "how to apply",
    "useful information regarding application and recruitment process", "additional information",
    "remarks", "special requirements and additional duties", "managerial responsibilities",
    "professional contacts", "contribution to the objectives", "work environment", "personal attributes",
    "security clearance", "education", "education and training", "language", "languages",
    "conditions of employment", "what we offer", "salary and benefits", "application process",
    "key challenges", "requirements", "general information", "note", "notes", "competency/level",
    "résumé", "qualifications et expérience", "principales responsabilités", "responsabilités",
    "relations de travail", "compétences", "contrat", "processus de recrutement", "informations complémentaires",
    "zusammenfassung", "qualifikationen und erfahrung", "hauptaufgaben", "aufgaben", "kompetenzen", "vertrag",
    "bewerbungsverfahren", "zusätzliche informationen", "samenvatting", "kwalificaties en ervaring",
    "belangrijkste verantwoordelijkheden", "verantwoordelijkheden", "competenties", "contract",
    "sollicitatieprocedure", "aanvullende informatie", "sintesi", "qualifiche ed esperienza",
    "responsabilità principali", "competenze", "contratto", "processo di selezione", "informazioni aggiuntive",
    "podsumowanie", "kwalifikacje i doświadczenie", "główne obowiązki", "obowiązki", "kompetencje", "umowa",
    "proces rekrutacji", "informacje dodatkowe",
    # the sections boards write around a posting, in the languages of their countries
    "ihre aufgaben", "ihr profil", "wir bieten", "das bieten wir", "unser angebot", "ihre qualifikationen",
    "anforderungen", "deine aufgaben", "dein profil", "was wir bieten", "functieomschrijving", "wat ga je doen",
    "wat vragen wij", "wat bieden wij", "functie-eisen", "arbeidsvoorwaarden", "vos missions", "missions",
    "votre profil", "profil recherché", "nous offrons", "ce que nous offrons", "mansioni", "requisiti", "offriamo",
    "cosa offriamo", "profilo richiesto", "zakres obowiązków", "twój zakres obowiązków", "nasze wymagania",
    "wymagania", "oferujemy", "funciones", "requisitos", "ofrecemos", "arbejdsopgaver", "kvalifikationer",
    "vi tilbyder", "arbeidsoppgaver", "kvalifikasjoner", "vi tilbyr",
    "o projekcie", "to oferujemy", "etapy rekrutacji", "twoje zadania", "nasze oczekiwania",
    # the sections of an English posting or a board's retelling of it
    "essential qualifications and experience", "essential requirements", "desirable requirements",
    "desirable qualifications and experience", "main duties", "main tasks", "key duties", "principal responsibilities",
    "job summary", "job purpose", "purpose of the post", "conditions of service", "terms and conditions",
    "the role", "about the role", "what you'll do", "what you will do", "what we're looking for",
    "what we are looking for", "about us", "selection process", "application procedure", "working conditions",
)
SUB_HEADINGS: Final = frozenset({
    "essential", "desirable", "essentiel", "souhaitable", "erforderlich", "wünschenswert", "vereist",
    "gewenst", "essenziale", "requisiti essenziali", "auspicabile", "wymagane", "pożądane", "mile widziane",
    "nice to have",
})
_KNOWN: Final = {h: h for h in KNOWN_HEADINGS}
# Longest first so "QUALIFICATIONS AND EXPERIENCE" wins over "QUALIFICATIONS" (grouped by first letter: faster,
# the same matches).
_INLINE_HEAD: Final = rxcache.compile(
    r"^(" + by_first_letter([re.escape(h.upper()) for h in sorted(KNOWN_HEADINGS, key=len, reverse=True)])
    + r")\b[.:]?\s*(.*)$"
)
# ("2.DUTIES", "a.Assess the ...": a PDF's list marks glued to a capital's word are marks too)
_NUMBERED: Final = rxcache.compile(r"^\(?(\d{1,2})[.)](?:\s+|(?=[A-Z]{2}))(.+)$")
# Words that make a short Title Case line a section heading wherever it is ("Role Summary", "About NCIA").
_HEADING_WORDS: Final = (
    r"summary|about|role|responsibilities|duties|requirements|qualifications|benefits|profile|tasks|context"
    r"|background|overview|skills|experience|education|offer|conditions|process|information|contacts|remarks"
    r"|competencies|attributes|accountabilities|interrelationships|contract"
)
# (grouped by first letter: a line is searched about 4x faster)
_HEADING_WORD: Final = rxcache.compile(r"\b(?:" + by_first_letter(_HEADING_WORDS.split("|")) + r")\b", re.I)
_BULLET: Final = rxcache.compile(r"^(?:[•·▪■►➢✓❖◦○\uf0b7\uf0a7]\s*|[-–—*o](?=\s)\s*)(.*)$")
_BULLET_FIRST: Final = frozenset("•·▪■►➢✓❖◦○\uf0b7\uf0a7-–—*o")  # the characters a _BULLET line starts with
_LETTERED: Final = rxcache.compile(r"^(?:\(([a-z]|[ivx]{1,4})\)\s+|([a-z])[.)](?:\s+|(?=[A-Z])))(.+)$")
# Accountability areas that NATO postings glue in front of their paragraph.
AREAS: Final[tuple[str, ...]] = (
    "Policy Development", "Stakeholder Management", "Knowledge Management", "Project Management",
    "People Management", "Financial Management", "Expertise Development", "Information Management",
    "Planning and Execution", "Organisational Efficiencies", "Organizational Efficiencies",
    "Representation of the Organization", "Representation of the Organisation", "Vision and Direction",
    "Leadership", "Perform any other related duty as assigned",
)
_AREA_PREFIX: Final = rxcache.compile(r"^(" + "|".join(re.escape(a) for a in AREAS[:-1]) + r") (?=[A-Z][a-z])")
_ACRONYMS: Final = {"nato", "otan", "is", "ims", "hr", "it", "cis", "ncia", "nspa", "act", "shape", "eu", "un", "ict"}


_GERMAN: Final = rxcache.compile(
    r"\b(?:und|für|zusammenfassung|aufgaben|kompetenzen|vertrag|bewerbungsverfahren|zusätzliche"
    r"|qualifikationen|anforderungen|erfahrung)\b")
_GERMAN_SMALL: Final = frozenset({"und", "oder", "der", "die", "das", "den", "dem", "des", "für", "mit", "von", "zu", "zur",
                           "zum", "im", "in", "an", "am", "auf", "bei", "aus"})


def heading_text(text: str) -> str:
    """ "QUALIFICATIONS AND EXPERIENCE" -> "Qualifications and experience"; mixed case kept."""
    text = text.strip().rstrip(".:").strip()
    if text.isupper():
        words = text.lower().split()
        german = bool(_GERMAN.search(text.lower()))  # German capitalises its nouns
        words = [
            w.upper() if w.strip("()") in _ACRONYMS else w.capitalize() if german and w not in _GERMAN_SMALL else w
            for w in words
        ]
        text = " ".join(words)
        text = text[:1].upper() + text[1:]
    return text


def _is_known(text: str) -> bool:
    """A known heading, or one in two languages with a known side ("Twój zakres obowiązków / Principal duties")."""
    name = text.strip().rstrip(".:").strip().lower()
    return name in _KNOWN or (" / " in name and any(part.strip() in _KNOWN for part in name.split(" / ")))


_SMALL_WORDS: Final = frozenset({"and", "of", "the", "for", "to", "in", "on", "with", "&", "/", "-", "a", "an", "et", "de", "la",
                          "du"})


def _short_title_case(text: str, max_words: int = 6) -> bool:
    """A short Title Case line without closing punctuation or figures: "Stakeholder Management"."""
    if len(text) > 60 or text.endswith((".", ";", ",")):
        return False
    words = text.rstrip(":").split()
    if not 1 <= len(words) <= max_words or not words[0][0].isupper():  # (the cheapest test first)
        return False
    # (a figure: an ASCII text's searched for in C, ~40x fewer instructions than str.isdigit called on each character)
    if " - " in text or " – " in text or (
        ASCII_DIGIT.search(text) if text.isascii() else any(map(str.isdigit, text))
    ):
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS or not w[:1].isalpha() for w in words)


# A body's short form at the end of its name: "... Staff (NATO IS)", "... Office (NSO)", "... (JFC Brunssum)"
_BODY_NAME: Final = rxcache.compile(r"\((?:NATO |HQ )?[A-Z][A-Z&]{1,9}(?: [A-Z][a-z]+)?\)$")
_CJK: Final = rxcache.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # (its capitals are only a Latin acronym's)


def classify(line: str, in_section: bool) -> tuple[str, str, str]:
    """(kind, text, rest) of a line: kind is h2, h3, bullet, number, letter or para."""
    first = line[:1]
    if len(line) > 80 and first.isalpha() and not (
        first.islower() and (line[1:3] in (". ", ") ") or (line[1:2] in ".)" and line[2:3].isupper()))
    ):
        return "para", line, ""  # a sentence: no heading is that long, no list marker starts it
    # (each list pattern is only tried on a line that starts with one of its first characters)
    m = _NUMBERED.match(line) if first == "(" or first.isdecimal() else None
    if m:
        body = m.group(2).strip()
        im = _INLINE_HEAD.match(body)
        if im and im.group(2).isupper() and len(body.split()) <= 8:
            return "h2", body, ""  # "2. DUTIES AND RESPONSIBILITIES": a heading in capitals, all of it
        if im and (im.group(2) or body.upper() == body):
            return "h2", im.group(1), im.group(2)
        if len(body) <= 70 and len(body.split()) <= 8 and (
            (body.isupper() and (body.isascii() or not _CJK.search(body)))  # ("英语 NATO SLP 3322": no caps heading)
            or _is_known(body) or _short_title_case(body.rstrip("."), 8)
        ):
            return "h2", body, ""
        return "number", body, m.group(1)
    m = _BULLET.match(line) if first in _BULLET_FIRST else None
    if m and m.group(1):
        body = m.group(1).strip()
        im = _INLINE_HEAD.match(body)
        if im and (im.group(1).isupper()) and not body[len(im.group(1)) :].startswith(("-", "/")):
            return "h2", im.group(1), im.group(2)
        return "bullet", body, ""
    m = _LETTERED.match(line) if first == "(" or "a" <= first <= "z" else None
    if m:
        letter = m.group(1) or m.group(2)
        body = m.group(3).strip()
        if len(body.split()) <= 4 and _short_title_case(body.rstrip("."), 4) and max(map(len, body.split())) <= 24:
            # ("d. TheabilitytoobtainaNATOSECRETsecurityclearance.": words a PDF glued, no heading)
            return "h3", f"{letter}. {body}", ""
        return "letter", body, letter
    if line.isupper() and _is_known(line):
        return "h2", line, ""
    if line.rstrip(".:").strip().lower() in SUB_HEADINGS:
        return "h3", line, ""
    title_case = _short_title_case(line, 4)
    if title_case and (_is_known(line) or _HEADING_WORD.search(line)) and not line.endswith(":"):
        return "h2", line, ""
    if not title_case and len(line) <= 60 and first.isupper() and ":" not in line and _is_known(line):
        return "h2", line, ""  # "Qualifications and experience", "Main accountabilities": a known heading, sentence case
    if in_section and not line.endswith(":") and ": " not in line and _short_title_case(line, 5) and not (
        line.endswith(")") and _BODY_NAME.search(line)
    ):
        return "h3", line, ""  # (not a field, "Location: Mons, Belgium", nor a body's name, "NATO School (NSO)")
    if in_section and title_case and line.endswith(":"):
        return "h3", line, ""
    return "para", line, ""


_OPEN_WORDS: Final = frozenset((
    "the a an and or of to in for with by on at from as its their our your la le les des du et der die das und het een "
    "en il di e i w z oraz").split())


def _ends_open(text: str) -> bool:
    """Whether ``text`` ends with one of _OPEN_WORDS, a word of its own (not after a letter, a figure or "/"; before
    a last line break, as "$" would say): the word before the end is looked at, not each character for a pattern."""
    end = len(text) - 1 if text[-1:] == "\n" else len(text)  # ("$": the end, or before a last line break)
    start = end
    while start > 0 and end - start <= 5 and (text[start - 1].isalnum() or text[start - 1] == "_"):  # (a \w)
        start -= 1
    return text[start:end] in _OPEN_WORDS and text[start - 1 : start] != "/"


# A bracket a sentence goes on after: "(NAPMA), located", "(AFSC) capability.", "(e.g. JTLS)" (not a list's "(a)")
_PAREN_GOES_ON: Final = rxcache.compile(r"\((?:[a-z][^()]{2,60}|[^()]{2,40}\)(?:[,.;:]|\s+[a-z]))")


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` is the wrapped rest of ``previous`` (PDF line breaks)."""
    if not previous or previous.endswith((".", ":", ";", "!", "?")):
        return False
    if not (previous[-1].isalnum() or previous[-1] in ",)'’\"”-"):
        return False
    first = line[:1]
    if first.isupper() and _ends_open(previous):
        joined = True  # "... for the Director and the" + "Deputy Director."
    elif first == "(":  # "... Management Agency" + "(NAPMA), located in ...": a short form the line's wrap put first
        joined = previous[-1].isalpha() and bool(_PAREN_GOES_ON.match(line))
    else:
        joined = first.islower() or (first.isdigit() and previous[-1:].isalpha() and not _NUMBERED.match(line))
    # A list item never continues a paragraph (tested last: most lines are no continuation anyway).
    return joined and not (_LETTERED.match(line) or _NUMBERED.match(line) or _BULLET.match(line))


def _blocks(lines: list[str], skip: set[int]) -> list[tuple[str, str, str]]:
    """Lines -> (kind, text, marker) blocks, with wrapped lines joined.

    A paragraph's wrapped lines are gathered in a list and joined once (linear in the
    text's length, however long the paragraph); whether the next line continues it is
    decided on the paragraph's last characters (``tail``, once it has been joined to), all ``_continues`` reads.
    """
    blocks: list[list[str]] = []
    in_section = False
    parts: list[str] | None = None  # the pieces of blocks[-1]'s text while lines are joined to it
    tail = ""  # the last characters of blocks[-1]'s text (while ``parts`` is not None)
    for index, line in enumerate(lines):
        if index in skip:
            continue
        line = line.strip()
        if not line:
            if parts is not None:
                blocks[-1][1] = "".join(parts)
                parts = None
            blocks.append(["break", "", ""])
            continue
        prev = blocks[-1] if blocks else None
        if prev and prev[0] in ("para", "bullet", "number", "letter"):
            if _continues(prev[1] if parts is None else tail, line):
                if parts is None:
                    parts = [prev[1]]
                    tail = prev[1][-_TAIL:]
                if tail.endswith("-") and tail[-2:-1].isalpha():
                    parts.append(line)
                    tail = (tail + line[-_TAIL:])[-_TAIL:]
                else:
                    parts.append(" " + line)
                    tail = (tail + " " + line[-_TAIL:])[-_TAIL:]
                continue
        if parts is not None:
            blocks[-1][1] = "".join(parts)
            parts = None
        kind, text, rest = classify(line, in_section)
        if kind == "h2":
            in_section = True
            blocks.append(["h2", text, ""])
            if rest:
                _area_split(blocks, rest)
            continue
        if kind in ("number", "letter"):
            blocks.append([kind, text, rest])
            continue
        if kind == "para" and in_section:
            _area_split(blocks, text)
            continue
        blocks.append([kind, text, ""])
    if parts is not None:
        blocks[-1][1] = "".join(parts)
    out = [(k, t, r) for k, t, r in blocks if k != "break"]
    for i, (kind, text, marker) in enumerate(out[:-1]):
        if kind == "letter" and out[i + 1][0] in ("para", "bullet") and _LETTERED_HEAD.match(text):
            # "a. Professional experience:" and its text or list: a sub-heading, as "b. Education" above its own
            out[i] = ("h3", f"{marker}. {text.rstrip(':').rstrip()}", "")
    _unhead_signatures(out)
    return out


# The end of a letter ("Kind regards,", "Met vriendelijke groet,") and a sender's address or dateline under their name
# ("B-7010 SHAPE, Belgium", "BP 25, F-92201 Neuilly-sur-Seine Cedex", "... Norfolk, VA 23551-2490",
# "Unterhaching, 20 November 2026", an e-mail address or a phone number)
_CLOSING: Final = rxcache.compile(
    r"^(?:(?:kind|best|warm|warmest|many thanks and|with (?:kind|best)) )?regards|^sincerely|^yours (?:sincerely|faithfully|truly)"
    r"|^met vriendelijke groet|^(?:bien )?cordialement|^mit freundlichen grüßen|^(?:viele|beste) grüße|^(?:cordiali|distinti) saluti"
    r"|^z poważaniem|^pozdrawiam|^(?:un )?saludo|^atentamente|^med vennlig hilsen|^venlig hilsen|^saygılarımla"
    r"|^(?:com os )?melhores cumprimentos|^atenciosamente",
    re.I,
)
_ADDRESS: Final = rxcache.compile(
    r"\b[A-Z]{1,2}-\d{4,5}\b|\bBP \d{1,5}\b|\b[A-Z]{2} \d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b"
    r"|\S@\S+\.[a-z]{2,}\b|\+\d{2}[\d ()/-]{6,}"
    r"|^[A-Z][\w'’ -]+, \d{1,2}\.? [A-Z][a-zé]+ \d{4}$"
)


def _unhead_signatures(blocks: list[tuple[str, str, str]]) -> None:
    """Short lines at the end of a letter are its sender's name and office, not sub-headings: a run of ``h3`` blocks
    (none a known heading) right after a closing line ("Kind regards,") or right over an address, a dateline, an
    e-mail address or a phone number becomes paragraphs again."""
    i = 0
    while i < len(blocks):
        if blocks[i][0] != "h3":
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j][0] == "h3":
            j += 1
        before = blocks[i - 1] if i else None
        after = blocks[j] if j < len(blocks) else None
        signed = (before is not None and before[0] == "para" and len(before[1]) <= 40 and _CLOSING.match(before[1])) or (
            after is not None and after[0] == "para" and len(after[1]) <= 160 and _ADDRESS.search(after[1])
        )
        if signed and not any(_is_known(text) or text.rstrip(".:").strip().lower() in SUB_HEADINGS or _LETTER_MARK.match(text)
                              or _CONTACT_HEAD.match(text) for _, text, _ in blocks[i:j]):
            blocks[i:j] = [("para", text, "") for _, text, _ in blocks[i:j]]
        i = j


# A heading over a contact's address: "Contact", "Kontakt", "Contatti", "Enquiries", "Point of contact"
_CONTACT_HEAD: Final = rxcache.compile(r"(?:point of )?(?:contact|kontakt|contatt|contacto|contato|enquir|inquir|questions)", re.I)
_LETTER_MARK: Final = rxcache.compile(r"^(?:[a-z]|[ivx]{1,4})\. ")  # "a. Education": a lettered sub-heading


# A short lettered item that can head the paragraph under it: "Professional experience:", "Security clearance"
_LETTERED_HEAD: Final = rxcache.compile(r"^[A-Z][^\s.;,:]*(?: [^\s.;,:]+){0,3}:?$")


# (_continues reads at most the last 10 characters, and a word boundary before them)
_TAIL: Final = 40


def _area_split(blocks: list[list[str]], text: str) -> None:
    """ "Policy Development Ensure that ..." -> ### Policy Development + paragraph."""
    m = _AREA_PREFIX.match(text)
    if m:
        blocks.append(["h3", m.group(1), ""])
        text = text[m.end() :]
    blocks.append(["para", text, ""])


_PREFIX: Final = {"h2": "## ", "h3": "### ", "bullet": "- ", "para": ""}


def render(blocks: list[tuple[str, str, str]]) -> str:
    """Blocks -> Markdown: a blank line between blocks, none inside a list."""
    texts = [heading_text(text) if kind in ("h2", "h3") else text for kind, text, _ in blocks]
    texts = unglue_and_escape_posting(texts, [kind in ("h2", "h3") for kind, _, _ in blocks])
    out: list[str] = []
    previous = ""
    for (kind, _, marker), text in zip(blocks, texts):
        if kind == "number":
            line = f"{marker}. {text}"
        elif kind == "letter":
            line = f"- {marker}. {text}"
        else:
            line = _PREFIX[kind] + text
        listy = kind in ("bullet", "number", "letter")
        same_list = listy and (previous == kind or {previous, kind} <= {"bullet", "letter"})
        if out and not same_list:
            out.append("")
        out.append(line)
        previous = kind
    return "\n".join(out) + ("\n" if out else "")


def build_body(lines: list[str], skip: set[int] | frozenset[int] = frozenset()) -> str:
    """The Markdown body of a posting from its cleaned lines (``skip``: indices to leave out)."""
    return render(_blocks(lines, set(skip)))
