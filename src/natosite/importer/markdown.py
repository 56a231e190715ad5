"""Text that must stay text in Markdown, and words glued by PDF extraction.

``escape`` backslash-escapes everything CommonMark (and markdown-it's tables,
strikethrough and HTML) could read as markup, so a posting's ``#``, ``|``,
fences, ``<iframe>``, ``*``, ``_``, ``&copy;`` or a leading ``1.`` render as
the characters they are. ``unglue`` splits words a PDF glued together, only
where the join is unambiguous (a lowercase run followed by a capitalised word,
an acronym followed by a lowercase word, missing spaces after punctuation)
and never inside known names such as SharePoint.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress
from operator import itemgetter
from typing import Final

from natosite.importer import rxcache
from natosite.importer.gluewords import FUNCTION_WORDS, REAL_WORDS

_LEADING: Final = rxcache.compile(r"^(\s*)([#+=-])")
_LEADING_NUMBER: Final = rxcache.compile(r"^(\d{1,9})([.)])(?=\s|$)")


URL_RE: Final = rxcache.compile(
    r"(?:https?://|www\.)(?<![A-Za-z0-9_]https://)(?<![A-Za-z0-9_]http://)(?<![A-Za-z0-9_]www\.)"
    r"[^\s<>\[\]|`\\\"]+[^\s<>\[\]|`\\\".,;:!?)]")
_IN_URL: Final = rxcache.compile(r"([\\`*\[\]<>|~])")


# Markup characters, an "&" that starts an entity, and "_" at a word's edge (inside words it is inert).
# (Every branch starts with its character, so the engine skips quickly to candidates.)
_PLAIN_SPECIAL: Final = rxcache.compile(r"[\\`*\[\]<>|~]|&(?=#?[A-Za-z0-9]+;)|_(?<![A-Za-z0-9]_)|_(?![A-Za-z0-9])")


# Any character ``_PLAIN_SPECIAL`` starts with: a one-character-class search runs in C at a few ns per
# character, about twice as fast as ``frozenset.isdisjoint`` over the text.
_ANY_SPECIAL: Final = rxcache.compile(r"[\\`*\[\]<>|~&_]")


def _escape_plain(text: str) -> str:
    if not _ANY_SPECIAL.search(text):
        return text
    return _PLAIN_SPECIAL.sub(_backslash, text)


def _split_urls(text: str, plain, url) -> str:
    if "http" not in text and "www." not in text:
        return plain(text)
    out: list[str] = []
    last = 0
    for m in URL_RE.finditer(text):
        out.append(plain(text[last : m.start()]))
        out.append(url(m.group(0)))
        last = m.end()
    out.append(plain(text[last:]))
    return "".join(out)


def _escape_url(url: str) -> str:
    return _IN_URL.sub(r"\\\1", url)


def _escape_start(text: str, heading: bool) -> str:
    """The escapes only a block's first characters need (a "#", "-", "1." that would start markup)."""
    if heading:
        text = text.replace("#", "\\#")
    if text[:1] in "#+=-" or text[:1].isspace():
        text = _LEADING.sub(r"\1\\\2", text)
    elif text[:1].isdigit():
        text = _LEADING_NUMBER.sub(r"\1\\\2", text)
    return text


# Each byte of a text's UTF-8 as the class it has in _ANY_GLUE and _ANY_SPECIAL: "a" a small letter, "A" a capital,
# "," "." (also for ";") ")" themselves, "*" a markup character, "\n" itself, " " anything else (every byte of a
# non-ASCII character too: none is in those classes).
_CLASSES: Final = bytes(
    ord("a") if chr(b).islower() and b < 128 else ord("A") if chr(b).isupper() and b < 128
    else ord(".") if chr(b) in ".;" else b if chr(b) in ",)\n" else ord("*") if chr(b) in "\\`*[]<>|~&_" else ord(" ")
    for b in range(256)
)
# The shapes of _ANY_GLUE's joins in those classes: "aB", "ABc", "a,b" / "a,B", "a.B", ")a" / ")A"; of _ANY_SPECIAL's
# characters, "*".
_GLUE_SHAPES: Final = (b"aA", b"AAa", b"a,a", b"a,A", b"a.A", b")a", b")A")
_SPECIAL_SHAPES: Final = (b"*",)
# The classes as bits of a byte, for ``_glue_offsets``: 1 "a", 2 "A", 4 ",", 8 "." (and ";"), 16 ")"
_CLASS_BITS: Final = bytes(
    {ord("a"): 1, ord("A"): 2, ord(","): 4, ord("."): 8, ord(")"): 16}.get(c, 0) for c in range(256)
)
_LOWEST_BIT: Final = bytes(c & 1 for c in range(256))


def _glue_offsets(classes: bytes) -> list[int]:
    """Every offset in ``classes`` where one of ``_GLUE_SHAPES`` starts, ascending: what ``_offsets(classes,
    _GLUE_SHAPES)`` finds, sorted. The bytes as the bits above make one integer, byte i its bits 8i to 8i+7; shifted
    right by 8k+b, its bit 8i holds bit b of byte i+k, so each shape is an AND of shifted copies, tested in every
    byte at once. (The seven ``bytes.find`` each cost ~1.8 ns a byte: in the classes' few letters their first and
    last bytes are everywhere; this costs about a third of them.)"""
    x = int.from_bytes(classes.translate(_CLASS_BITS), "little")
    x8, x9, x16, x17 = x >> 8, x >> 9, x >> 16, x >> 17
    hits = (
        (x & (x9 | ((x >> 10) & (x16 | x17)) | ((x >> 11) & x17)))  # "aA", "a,a" / "a,A", "a.A"
        | ((x >> 1) & x9 & x16)  # "AAa"
        | ((x >> 4) & (x8 | x9))  # ")a" / ")A"
    )
    if not hits:
        return []
    marks = hits.to_bytes(len(classes), "little").translate(_LOWEST_BIT)  # (byte i: 1 where a shape starts)
    return _offsets(marks, (b"\x01",))


def unglue_and_escape_posting(texts: list[str], headings: list[bool]) -> list[str]:
    """``unglue_and_escape_all`` of a posting's texts, and when they are a PDF's (several glued words split),
    ``unglue_lowercase`` of the result too."""
    out, unglued = _unglue_and_escape_all(texts, headings)
    return unglue_lowercase(out) if unglued >= _PDF_EVIDENCE else out


def unglue_and_escape_all(texts: list[str], headings: list[bool]) -> list[str]:
    """``unglue_and_escape`` of each text (see ``_unglue_and_escape_all``)."""
    return _unglue_and_escape_all(texts, headings)[0]


def _unglue_and_escape_all(texts: list[str], headings: list[bool]) -> tuple[list[str], int]:
    """``unglue_and_escape`` of each text, and how many glued words were split. Most need neither: the texts are joined by "\\n", mapped byte by byte
    to the classes of characters _ANY_GLUE and _ANY_SPECIAL look at (``bytes.translate``), and each shape of a
    match is looked for with ``bytes.find``: ~10x fewer instructions than those two searches (whose engine tests
    each character against a class), and only the texts holding a glue shape are unglued, only those holding a
    markup character escaped. (No shape holds a "\\n", so a text holds one exactly where its own search would
    match.) A text with a URL ("http", "www.") goes through ``unglue_and_escape`` itself; the others of its
    posting still take the shortcut."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return [unglue_and_escape(text, heading) for text, heading in zip(texts, headings)], 0
    raw = joined.encode("utf-8", "surrogatepass")
    classes = raw.translate(_CLASSES)
    starts: list[int] = []
    at = -1
    for _ in texts:
        starts.append(at + 1)
        at = classes.find(b"\n", at + 1)
    glued = {bisect_right(starts, at) - 1 for at in _glue_offsets(classes)}
    special = _texts_holding(classes, _SPECIAL_SHAPES, starts)
    with_url = _texts_holding(raw, (b"http", b"www."), starts)  # (in the UTF-8 itself: the classes hide letters)
    out: list[str] = []
    unglued = 0  # how many glued words were split: in a PDF's text, small words may be glued too
    for i, (text, heading) in enumerate(zip(texts, headings)):
        if i in with_url:
            out.append(unglue_and_escape(text, heading))
            continue
        if i in glued:
            split = _unglue_words(text)
            unglued += len(split) - len(text)  # (the spaces put between glued words)
            text = _unglue_rest(split)
        if i in special:  # (ungluing only adds spaces: the markup characters are the ones found before)
            text = _PLAIN_SPECIAL.sub(_backslash, text)
        first = text[:1]
        if heading or first in "#+=-" or first.isspace() or first.isdigit():  # (else it changes nothing)
            text = _escape_start(text, heading)
        out.append(text)
    return out, unglued


# How many glued words ("CivilianPersonnel", "NATOcivilian", "HRTeam") a posting's texts must have had split before
# its lowercase words are looked at: a PDF's text (a board's "LinkedIn" or "a,b" is no sign).
_PDF_EVIDENCE: Final = 3
_FIRST3, _LAST3 = itemgetter(slice(0, 3)), itemgetter(slice(-3, None))
_PUNCTUATION: Final = bytes(32 if chr(b) in "\n\t.,;:!?()[]{}\"'*_\\`<>|~&" else b for b in range(256))


def unglue_lowercase(texts: list[str]) -> list[str]:
    """``texts`` with a small word a PDF glued to its neighbour split off: "andtimely" -> "and timely",
    "militaryand" -> "military and", "governancethrough" -> "governance through" (see ``gluewords``). Only
    when the other part is a word of four letters or more that the texts write on their own, and the glued
    word is no real word (``REAL_WORDS``) nor one they write three times or more. Two words both longer
    ("staffdevelopment") are left glued: telling them from a real compound ("healthcare", "timeframe")
    needs a whole dictionary."""
    joined = "\n".join(texts)
    # (the words as UTF-8, split in C: ASCII punctuation around a word becomes a space; "-", "/", "@" stay, so a
    # hyphenated word, a URL or an address is no word of letters; a word with a non-ASCII letter is none either)
    data = b" " + joined.encode("utf-8", "surrogatepass").lower().translate(_PUNCTUATION) + b" "
    vocabulary = set(data.split())
    starts, ends, by_start, by_end, real_words = _glue_tables()
    # (the few words that may be glued, picked in C: starting or ending like a small word)
    candidates = set(compress(vocabulary, map(starts.__contains__, map(_FIRST3, vocabulary))))
    candidates.update(compress(vocabulary, map(ends.__contains__, map(_LAST3, vocabulary))))
    splits: dict[str, str] = {}
    for token in candidates:
        if len(token) < 7 or token in real_words or not token.isalpha():
            continue
        for small in by_start.get(token[:3], ()):
            rest = token[len(small) :]
            if token.startswith(small) and len(rest) >= 4 and _written(rest, vocabulary):
                splits[token.decode()] = f"{small.decode()} {rest.decode()}"
                break
        else:
            for small in by_end.get(token[-3:], ()):
                rest = token[: -len(small)]
                if token.endswith(small) and len(rest) >= 4 and _written(rest, vocabulary):
                    splits[token.decode()] = f"{rest.decode()} {small.decode()}"
                    break
    for word in [word for word in splits if data.count(word.encode()) > 2]:
        del splits[word]  # (written three times or more: a word of its own, not an accident of the PDF)
    if not splits:
        return texts
    out = list(texts)
    begins = [0]  # where each text starts in ``joined``
    for text in texts[:-1]:
        begins.append(begins[-1] + len(text) + 1)
    edits: list[tuple[int, str, str]] = []  # (where in ``joined``, the glued word, its split)
    for word, split in splits.items():
        at = joined.find(word)
        while at >= 0:  # (found in C; each place checked to be a word of its own, not part of a URL or a word)
            if _whole_word(joined, at, at + len(word)):
                edits.append((at, word, split))
            at = joined.find(word, at + len(word))
    for at, word, split in sorted(edits, reverse=True):  # (from the end: the places before stay where they are)
        i = bisect_right(begins, at) - 1
        local = at - begins[i]
        out[i] = out[i][:local] + split + out[i][local + len(word) :]
    return out


def _whole_word(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a word of its own: no letter, figure, "-", "/", "@", "\\" next to it, no
    "." or ":" before it, no "." and a letter after it (a URL's or an address's part)."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if before and (before.isalnum() or before in "-/.@:\\_"):
        return False
    if after and (after.isalnum() or after in "-/@\\_"):
        return False
    return not (after == "." and text[end + 1 : end + 2].isalnum())


_TABLES: list[tuple[frozenset[bytes], frozenset[bytes], dict[bytes, list[bytes]], dict[bytes, list[bytes]],
                    frozenset[bytes]]] = []


def _glue_tables() -> tuple[frozenset[bytes], frozenset[bytes], dict[bytes, list[bytes]], dict[bytes, list[bytes]],
                            frozenset[bytes]]:
    """(the first three letters a glued word may start with, the last three it may end with, the small words
    each of those may begin or end, ``REAL_WORDS``), all as UTF-8; made the first time a PDF's text needs them.
    ("of" and "to" are there with each letter after or before them.)"""
    if not _TABLES:
        by_start: dict[bytes, list[bytes]] = {}
        by_end: dict[bytes, list[bytes]] = {}
        for word in sorted(FUNCTION_WORDS, key=len, reverse=True):  # (the longest first: "within" before "with")
            for letter in "abcdefghijklmnopqrstuvwxyz":
                for table, key in ((by_start, word[:3] if len(word) > 2 else word + letter),
                                   (by_end, word[-3:] if len(word) > 2 else letter + word)):
                    if word.encode() not in table.setdefault(key.encode(), []):
                        table[key.encode()].append(word.encode())
        real = frozenset(word.encode() for word in REAL_WORDS)
        _TABLES.append((frozenset(by_start), frozenset(by_end), by_start, by_end, real))
    return _TABLES[0]


def _written(word: bytes, vocabulary: set[bytes]) -> bool:
    """True when the texts write ``word`` on its own, or its stem ("develops", "assured": "develop", "assure")."""
    if word in vocabulary:
        return True
    for ending in (b"s", b"es", b"ed", b"d", b"ing"):
        if word.endswith(ending) and len(word) - len(ending) >= 4 and word[: -len(ending)] in vocabulary:
            return True
    return False


def _texts_holding(data: bytes, needles: tuple[bytes, ...], starts: list[int]) -> set[int]:
    """The indices of the texts (starting at ``starts`` in ``data``, one "\\n" apart) that hold one of ``needles``
    (none of which holds a "\\n")."""
    return {bisect_right(starts, at) - 1 for at in _offsets(data, needles)}


def _offsets(data: bytes, needles: tuple[bytes, ...]) -> list[int]:
    """Every offset in ``data`` where one of ``needles`` starts (``bytes.find``), needle by needle."""
    found: list[int] = []
    for needle in needles:
        at = data.find(needle)
        while at >= 0:
            found.append(at)
            at = data.find(needle, at + 1)
    return found


def _backslash(m: re.Match[str]) -> str:
    return "\\" + m.group(0)


def escape(text: str, heading: bool = False) -> str:
    """``text`` with Markdown/HTML syntax backslash-escaped; it renders as itself (URLs kept linkable)."""
    return _escape_start(_split_urls(text, _escape_plain, _escape_url), heading)


# Words that are meant to have a capital inside them.
CAMEL_WORDS: Final = frozenset(
    {
        "SharePoint", "PowerPoint", "PowerShell", "PowerApps", "PowerBI", "OneDrive", "OneNote", "LinkedIn",
        "YouTube", "JavaScript", "TypeScript", "GitHub", "GitLab", "DevOps", "DevSecOps", "FinOps", "MLOps",
        "NetApp", "NetBackup", "WebLogic", "WebSphere", "ElasticSearch", "OpenShift", "OpenStack", "OpenAI",
        "CloudFormation", "BitLocker", "QlikView", "ServiceNow", "PeopleSoft", "SuccessFactors", "SolarWinds",
        "WordPress", "MacBook", "FortiGate", "CheckPoint", "ArcGIS", "AutoCAD", "SolidWorks", "ChatGPT",
        "iPhone", "iPad", "eBay", "McDonald", "MacArthur", "DeepMind", "HashiCorp", "RedHat", "CyberArk",
        "SecureWorks", "ActiveDirectory", "BlackBerry", "PayPal", "DataDog", "PagerDuty", "NetScaler",
        "SkillSoft", "LabVIEW", "MATLAB", "InfoSec", "CompTIA", "FortiNet", "SailPoint", "PostgreSQL",
        "TensorFlow", "PyTorch", "NumPy", "SciPy", "PowerCenter", "BizTalk", "SuccessFactor",
        # job boards a posting names ("applications sent through StepStone cannot be considered")
        "StepStone", "InfoJobs", "HelloWork", "CareerBuilder", "SimplyHired", "ZipRecruiter", "JobTeaser", "NetSuite",
    }
)
# Only words with a capital after a small letter, or two capitals then a small letter, can be glued.
_WORD: Final = rxcache.compile(r"(?<![@#/])\b[A-Za-z]*(?:[a-z][A-Z]|[A-Z]{2}[a-z])[A-Za-z]*")
_GLUE_HINT: Final = rxcache.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_LOWER_UPPER: Final = rxcache.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z]{2})")
# "NATOHeadquarters" -> "NATO Headquarters"; not "MCMedSB" (a word that ends in capitals again is an acronym's part)
_ACRONYM_WORD: Final = rxcache.compile(r"(?<=[A-Z]{2})(?=[A-Z][a-z]{2,}(?![a-z])(?![A-Z](?![a-z])))")
ACRONYMS: Final = ("NATO", "IMS", "CHR", "HR", "MS", "EU", "UN", "ICT", "ATS", "CIS", "HQ", "IS", "PE", "TDY", "ERP")
_ACR: Final = "|".join(sorted(ACRONYMS, key=len, reverse=True))
# "NATOcivilian" -> "NATO civilian"; "withMS" / "theNATOcivilian" -> "with MS" / "the NATO civilian"
_ACRONYM_LOWER: Final = rxcache.compile(r"(?<![A-Z])(" + _ACR + r")(?=[a-z]{3,})")
_LOWER_ACRONYM: Final = rxcache.compile(r"(?<=[a-z]{3})(?=(?:" + _ACR + r")(?![A-Z]))")
# "a,b" / "done.The" / "(PLNs)with": a missing space after punctuation (literal first: fast scans).
_COMMA_GLUE: Final = rxcache.compile(r",(?<=[a-z],)(?=[A-Za-z]{2})")
_STOP_GLUE: Final = rxcache.compile(r"[.;](?<=[a-z]{3}[.;])(?=[A-Z][a-z]{2})")
_PAREN_GLUE: Final = rxcache.compile(r"\)(?=[A-Za-z]{2})")


# Any of the joins below; one scan decides whether the text needs the others: "aB", "a,b", "a.B", "ABc", ")a".
# (Written to start with one character class, a capital or punctuation, and to look back at the letter before it:
# the engine then skips in C to those few characters instead of trying every lowercase letter; 3x faster.)
_ANY_GLUE: Final = rxcache.compile(
    r"[A-Z,.;)](?:(?<=[a-z][A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-z],)(?=[A-Za-z])|(?<=[a-z][.;])(?=[A-Z])"
    r"|(?<=\))(?=[A-Za-z]))"
)


def _unglue_plain(part: str) -> str:
    return _unglue_glued(part) if _ANY_GLUE.search(part) else part


def _unglue_glued(part: str) -> str:
    """``_unglue_plain`` of a text that ``_ANY_GLUE`` matches in."""
    return _unglue_rest(_unglue_words(part))


def _unglue_rest(part: str) -> str:
    """The spaces ``_unglue_glued`` puts after punctuation."""
    if "," in part:
        part = _COMMA_GLUE.sub(", ", part)
    part = _STOP_GLUE.sub(lambda m: m.group(0) + " ", part)
    if ")" in part:
        part = _PAREN_GLUE.sub(_paren_space, part)
    return part


def _paren_space(m: re.Match[str]) -> str:
    """ ")" + " " when the parenthesis holds a word of two or more characters."""
    text = m.string
    start = text.rfind("(", text.rfind("\n", 0, m.start()) + 1, m.start())
    inner = text[start + 1 : m.start()] if start >= 0 else ""
    return ") " if start >= 0 and len(inner) >= 2 and not any(c.isspace() or c in "()" for c in inner) else ")"


_ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _unglue_words(part: str) -> str:
    """``_WORD.sub(_unglue_word, part)``, without a regex scan of the whole text (~100 instructions a character).

    A match of _WORD is a whole run of ASCII letters that holds a _GLUE_HINT ("aB", "ABc") and starts at a "\\b":
    no letter is a "\\b" inside a run, its greedy ``[A-Za-z]*`` ends where the run ends, and a run right after another
    word character (a digit, "_", "é") has no "\\b" before it, nor a match. So the runs are found from the hints,
    which an ASCII text finds with ``bytes.find`` on its character classes (a few instructions a character)."""
    hints = _glue_hints(part)
    if not hints:
        return part
    out: list[str] = []
    copied = done = 0
    for at in hints:
        if at < done:
            continue  # (in a run already seen)
        start, end = at, at + 2
        while start > 0 and part[start - 1] in _ASCII_LETTERS:
            start -= 1
        while end < len(part) and part[end] in _ASCII_LETTERS:
            end += 1
        done = end
        before = part[start - 1 : start]
        if before.isalnum() or (before and before in "_@#/"):  # ("@JFCNorfolk", "#NATOjobs", "r/NATOcareers": names as written)
            continue  # no "\\b" before the run
        out.append(part[copied:start])
        out.append(_unglued(part[start:end]))
        copied = end
    out.append(part[copied:])
    return "".join(out)


def _glue_hints(part: str) -> list[int]:
    """The sorted start offsets of some _GLUE_HINT in ``part``: at least one in each run of letters holding one."""
    if not part.isascii():
        return [m.start() for m in _GLUE_HINT.finditer(part)]
    classes = part.encode("ascii").translate(_CLASSES)  # (a small letter "a", a capital "A")
    return sorted(_offsets(classes, (b"aA", b"AAa")))


def _unglue_word(match: re.Match[str]) -> str:
    return _unglued(match.group(0))


# NATO's security markings: glued to an acronym and a lowercase word ("NATOSECRETsecurity"), they end a run of
# capitals that is words of its own, not the start of a capitalised word ("HRTeam": "HR Team").
MARKINGS: Final = ("COSMIC", "TOP", "SECRET", "CONFIDENTIAL", "RESTRICTED", "UNCLASSIFIED")
_CAPS: Final = "|".join(sorted(ACRONYMS + MARKINGS, key=len, reverse=True))
# A run of capitals made only of known acronyms and markings, then a lowercase word: "NATOSECRETsecurity"
_CAPS_RUN_LOWER: Final = rxcache.compile(r"(?<![A-Z])((?:" + _CAPS + r")+)(?=[a-z]{3,})")
_CAPS_PIECE: Final = rxcache.compile(_CAPS)


def _caps_run(m: re.Match[str]) -> str:
    """ "NATOSECRET" before "security" -> "NATO SECRET " (and a space before it after a lowercase word)."""
    start = m.start()
    before = " " if start >= 3 and m.string[start - 3 : start].isalpha() and m.string[start - 1].islower() else ""
    return before + " ".join(_CAPS_PIECE.findall(m.group(1))) + " "


def _unglued(word: str) -> str:
    if word in CAMEL_WORDS or len(word) < 6:
        return word
    if "SECRET" in word or "CONFIDENTIAL" in word or "RESTRICTED" in word or "CLASSIFIED" in word:
        word = _CAPS_RUN_LOWER.sub(_caps_run, word)
    word = _LOWER_ACRONYM.sub(" ", word)
    word = _ACRONYM_LOWER.sub(r"\1 ", word)
    word = " ".join(map(_camel_split, word.split(" ")))
    return " ".join(_ACRONYM_WORD.sub(" ", w) for w in word.split(" "))


_SHORT_PART: Final = 4  # letters


def _camel_split(word: str) -> str:
    """ "CivilianPersonnel" -> "Civilian Personnel", "allMember" -> "all Member"; a name with a short part stays one
    word ("WhatsApp", "FinCon", "YouTube"): a glued pair is split where both parts have 4 letters or more, the first
    starts with a small letter, or one is a small word a PDF glues (``FUNCTION_WORDS``)."""
    cuts = [m.start() for m in _LOWER_UPPER.finditer(word)]
    if not cuts:
        return word
    parts = [word[start:end] for start, end in zip([0, *cuts], [*cuts, len(word)])]
    out = [parts[0]]
    for part in parts[1:]:
        left = out[-1]
        if (len(left) >= _SHORT_PART and len(part) >= _SHORT_PART) or left[:1].islower() or (
            left.lower() in FUNCTION_WORDS or part.lower() in FUNCTION_WORDS
        ):
            out.append(part)
        else:
            out[-1] = left + part
    return " ".join(out)


def unglue_and_escape(text: str, heading: bool = False) -> str:
    """``escape(unglue(text))`` in one pass over the text's URLs."""
    if "http" not in text and "www." not in text:
        # (ungluing only adds spaces, so the text still holds no URL: ``escape`` without looking for one)
        return _escape_start(_escape_plain(_unglue_plain(text)), heading)
    return escape(unglue(text), heading)


def unglue(text: str) -> str:
    """``text`` with PDF-glued words split where that is safe ("CivilianPersonnel" -> "Civilian Personnel")."""
    if not text.isascii() and not any(c.isupper() for c in text):
        return text
    return _split_urls(text, _unglue_plain, lambda u: u)
