"""Bytes of a raw posting -> clean text.

Encodings (UTF-8 with or without BOM, UTF-16/32, Windows-1252, Latin-1 and any
charset an HTML page declares), line endings, Unicode spaces, invisible
characters and HTML markup are all dealt with here, so every later step of the
importer sees plain ``\\n``-separated text.

Plain UTF-8 text takes a fast path: one strict decode and a few C-level scans.
"""

from __future__ import annotations

import codecs
import csv
import email
import email.message
import email.policy
import html as html_module
import io
import json
import plistlib
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Final
from xml.parsers.expat import ExpatError

from natosite.importer import rxcache
from natosite.importer.office import OfficeError, office_text
from natosite.importer.rtf import rtf_to_text

__all__ = ["Decoded", "DecodeError", "decode", "looks_like_html", "html_to_text"]


@dataclass(frozen=True)
class Decoded:
    """The clean text of a raw file, the encoding it was read with and what was done to it."""

    text: str
    encoding: str
    warnings: tuple[str, ...]


class DecodeError(ValueError):
    """The bytes are not a text posting; ``str(exc)`` is a one-line reason."""


# Magic numbers of files people save by mistake instead of the posting's text.
_MAGIC: Final[tuple[tuple[bytes, str], ...]] = (
    (b"%PDF-", "PDF file, not text (copy the posting's text out of it)"),
    (b"\xd0\xcf\x11\xe0", "old Office document, not text (save the posting as plain text)"),
    (b"\x89PNG", "PNG image, not text"),
    (b"\xff\xd8\xff", "JPEG image, not text"),
    (b"GIF8", "GIF image, not text"),
)
# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: Final[tuple[tuple[bytes, str, str], ...]] = (
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
# Windows-1250 (Polish, Slovak) bytes read as Windows-1252: "³" for "ł", "¹" for "ą", "¿" for "ż", "Ÿ" for "ź",
# "¾" for "ľ", glued to letters ("mo¿e", "£ódŸ", "¾udí"), which real Windows-1252 text never has; Czech "ě"/"ů" as
# "ì"/"ù" inside a word ("mìsíc", "prùbìh"), where Italian and French write them only at a word's end; Slovenian and
# Croatian "č" as "è" between a letter and a vowel ("Plaèa", "doloèen"), where French writes a consonant after it.
_CP1250_SIGNS: Final = rxcache.compile(
    "[^\\W\\d_][\u00b3\u00b9\u00bf\u0178\u00be]|[\u00b3\u00b9\u0178\u00be][^\\W\\d_]|(?<=[^\\W\\d_])[\u00ec\u00f9](?=[^\\W\\d_])"
    "|(?<=[^\\W\\d_])\u00e8(?=[aeiou])"
)
# Hungarian "ő"/"ű" read as Windows-1252: "õ"/"û" after a letter and not before an "e" (Portuguese "ões", "põe")
# or a "t"/"r" (French "août", "sûr"); with the acute vowels Hungarian writes everywhere (not Estonian's "õ")
_HUNGARIAN_SIGNS: Final = rxcache.compile("(?<=[^\\W\\d_])[\u00f5\u00fb](?![etr])")
_ACUTE: Final = rxcache.compile("[\u00e1\u00e9\u00ed\u00f3\u00fa]")
_META_CHARSET: Final = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)

# Characters that become a plain space / a line break / nothing. Tabs stay: they separate a saved table's
# cells, which ``clean`` reads as "Label: value" or "cell · cell". The fast path tests each with
# ``in`` (a C-level memchr) instead of running a regex over the whole text.
_SPACE_CHARS: Final = "\x0b\x0c\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
_LINE_BREAK_CHARS: Final = "\x85\u2028\u2029"
_INVISIBLE_CHARS: Final = "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e" \
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
_CONTROL_CHARS: Final = "".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0)) if c != 0x85)
_SPECIAL: Final = rxcache.compile(
    "[%s]" % re.escape(_SPACE_CHARS + _LINE_BREAK_CHARS + _INVISIBLE_CHARS + _CONTROL_CHARS)
)
_REPLACEMENT: Final = {
    **dict.fromkeys(_SPACE_CHARS, " "),
    **dict.fromkeys(_LINE_BREAK_CHARS, "\n"),
    **dict.fromkeys(_INVISIBLE_CHARS, ""),
    **dict.fromkeys(_CONTROL_CHARS, ""),
}
# Binary files: a few percent of C0 controls that no text editor writes (ESC is allowed: ANSI colours).
_BINARY_BYTES: Final = bytes((*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)))
_NOT_BINARY_BYTES: Final = bytes(b for b in range(256) if b not in _BINARY_BYTES)
_BINARY_RATIO: Final = 0.05

# Double-encoded UTF-8 ("Ã©" for "é", "â€™" for "’"): a lead char followed by continuation chars,
# both as Windows-1252 (or Latin-1 for the five bytes Windows-1252 leaves undefined) shows them.
_CONT: Final = "\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
        "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
# Two-byte leads are limited to Â Ã Ä Å (symbols, Latin-1 and Latin Extended-A letters), where a
# legitimate uppercase letter glued to a "¡-¿" symbol is rare; "É–" stays as it is.
_MOJIBAKE_HINTS: Final = ("\xc2", "\xc3", "\xc4", "\xc5", "\u0102", "\u0139")  # (and "\xe2\u20ac", "\xf0\u0178": see _normalise)
# UTF-8 read as Windows-1250 (a Central European page): "Ă©" for "é", "Ĺ‘" for "ő" (the lead bytes C3 and C5 show as
# "Ă" and "Ĺ" there), the continuation byte as that code page shows it
_CP1250_CONT: Final = bytes(b for b in range(0x80, 0xC0) if b not in (0x81, 0x83, 0x88, 0x90, 0x98)).decode("cp1250")
_MOJIBAKE_1250: Final = rxcache.compile(f"[\u0102\u0139][{_CP1250_CONT}]")
# (one class of the leads first, then the continuations their lead asks for: a search skips to a lead in C; written as
# three branches, each starting with its own class, it tried them at every character, ~6x slower)
_MOJIBAKE: Final = rxcache.compile(
    f"[\xc2-\xc5\xe0-\xf4](?:(?<=[\xc2-\xc5])[{_CONT}]|(?<=[\xe0-\xef])[{_CONT}]{{2}}|(?<=[\xf0-\xf4])[{_CONT}]{{3}})"
)


def decode(data: bytes) -> Decoded:
    """Decode the bytes of a raw posting into clean text; raise DecodeError if they are not text."""
    if data.startswith(b"PK\x03\x04"):  # a ZIP archive: a Word or OpenDocument file is read, any other refused
        try:
            text, kind = office_text(data)
        except OfficeError as error:
            raise DecodeError(f"{error}, not text (save the posting as plain text)") from None
        if not text.strip():
            raise DecodeError(f"empty {kind}")
        return Decoded(text=_normalise(text, []), encoding="utf-8", warnings=(f"read the text of a {kind}",))
    warnings: list[str] = []
    if data.startswith(b"bplist00") or (data[:1] == b"<" and b"<plist" in data[:1024]):
        page = _web_archive_page(data)
        if page is not None:  # a page Safari saved (File > Save As > Web Archive): the page itself
            data = page
            warnings.append("read the page of a Safari web archive (.webarchive)")
    message = _mail_message_text(data) if _MAIL_HEAD.match(data) and _is_mime(data[:65536]) else None
    if message is None and data[:1] in b"F0123456789 \tO" and _STORED_MESSAGE.match(data):
        message = _stored_message_text(data, warnings)
    if message is not None:
        raw, encoding = message, "utf-8"
        warnings.append("read the text of an e-mail message (.eml)")
    else:
        raw, encoding, decoding = _decode_bytes(data)
        warnings.extend(decoding)
    if raw.startswith("{\\rtf"):  # an RTF document (TextEdit's, WordPad's): its text
        raw = rtf_to_text(raw)
        warnings.append("read the text of an RTF document")
    if raw.lstrip()[:15].upper() == "BEGIN:VCALENDAR":
        raw = _calendar_text(raw, warnings)
    feed = _FEED_START.match(raw[:4096])
    if feed:
        raw = _feed_item_text(raw, warnings)
    elif "<en-export" in raw[:1000]:
        raw = _evernote_text(raw, warnings)
    elif _JSON_START.match(raw):
        raw = _json_text(raw, warnings)
    elif _CSV_HEAD.match(raw):
        raw = _csv_text(raw, warnings) or raw
    if _is_jira(raw):
        raw = _jira_text(raw)
        warnings.append("read Jira's wiki markup")
    elif "\n.. " in raw and _RST_DIRECTIVE.search(raw):
        raw = _rst_text(raw)
        warnings.append("read reStructuredText markup")
    elif (raw[:2] == "= " or "\n== " in raw) and ("\n|===" in raw or "::" in raw or "\n:" in raw):
        raw = _asciidoc_text(raw)
        warnings.append("read AsciiDoc markup")
    if looks_like_html(raw):
        raw = html_to_text(raw)
        warnings.append("converted from HTML")
        if not raw.strip():
            raise DecodeError("no text after removing HTML")
    elif "<br" in raw or "<BR" in raw:
        raw = _BR_AT_EOL.sub("", raw.replace("\r\n", "\n"))
    text = _normalise(raw, warnings)
    if not text.strip():
        raise DecodeError("empty file")
    return Decoded(text=text, encoding=encoding, warnings=tuple(warnings))


def _web_archive_page(data: bytes) -> bytes | None:
    """The main page's bytes of a Safari web archive (a property list, binary or XML, whose "WebMainResource" holds
    the page as "WebResourceData"), or None when ``data`` is no web archive."""
    try:
        archive = plistlib.loads(data)
    except (ValueError, TypeError, OverflowError, IndexError, KeyError, ExpatError):
        return None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    page = main.get("WebResourceData") if isinstance(main, dict) else None
    return page if isinstance(page, bytes) and page.strip() else None


# A calendar file's line folding (RFC 5545: a line break, then a space or a tab, continues the line) and its text
# escapes ("\n", "\,", "\;", "\\")
_ICS_FOLD: Final = rxcache.compile(r"\r?\n[ \t]")
_ICS_ESCAPE: Final = rxcache.compile(r"\\([\\;,nN])")
_ICS_ITEMS: Final = frozenset({"VEVENT", "VTODO", "VJOURNAL"})


def _ics_unescape(value: str) -> str:
    return _ICS_ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


# Jira's wiki markup (an issue's description, exported or copied): "h2. Title" headings, "||Label|Value|" table rows
# (a header cell's two bars), "# item" numbered lists, "{panel:title=...}" / "{noformat}" macros, "[text|address]" links
_JIRA_HEADING: Final = rxcache.compile(r"^h[1-6]\. (?=\S)", re.M)
_JIRA_MACRO_LINE: Final = rxcache.compile(r"^\{[a-z]+(?::[^}\n]*)?\}$")
_JIRA_INLINE_MACRO: Final = rxcache.compile(r"\{(?:color|anchor|quote|noformat|code|panel)(?::[^}\n]*)?\}")
_JIRA_LINK: Final = rxcache.compile(r"\[([^|\]\n]{1,200})\|((?:https?://|mailto:)[^\]\s]+)\]")


def _is_jira(text: str) -> bool:
    """Whether ``text`` is written in Jira's wiki markup: two headings, or one and a table row (a line that starts
    "h2. " is nothing else's)."""
    headings = int(text[:1] == "h" and bool(_JIRA_HEADING.match(text)))
    at = text.find("\nh")  # (a heading starts a line: one find, ~4x faster than the pattern's search of every line)
    while at >= 0 and headings < 2:
        if text[at + 2 : at + 3] in _HEADING_LEVELS and _JIRA_HEADING.match(text, at + 1):
            headings += 1
        at = text.find("\nh", at + 2)
    return headings >= 2 or (headings == 1 and "\n||" in text)


_HEADING_LEVELS: Final = frozenset("123456")


def _jira_text(text: str) -> str:
    """Jira's wiki markup as the plain text and Markdown the importer reads: a heading's text alone, table rows with
    one bar between cells, numbered items as "1. ", macros dropped."""
    out: list[str] = []
    number = 0
    for line in text.split("\n"):
        if _JIRA_HEADING.match(line):
            line = line[4:]  # (its text alone: the body's sections tell a heading from its shape, as in a plain text)
        elif line.startswith("|") and line.rstrip().endswith("|"):
            row = line.strip().strip("|")
            cells = (row.replace("||", "|") if line.startswith("||") else row).split("|")  # ("||": header cells)
            line = "| " + " | ".join(cell.strip() for cell in cells) + " |"
        elif _JIRA_MACRO_LINE.match(line.strip()):
            continue
        if line.startswith(("# ", "#* ")) and not line.startswith("##"):
            number += 1
            line = f"{number}. {line[2:].lstrip()}"
        elif line.strip():
            number = 0
        if "{" in line:
            line = _JIRA_INLINE_MACRO.sub("", line)
        if "|" in line and "[" in line:
            line = _JIRA_LINK.sub(r"\1 (\2)", line)
        out.append(line)
    return "\n".join(out)


# reStructuredText (a Sphinx page, a wiki's source): ".. note::" directives and their indented options, ":Label: value"
# field lists, heading adornments ("=====" under and over a title), roles (":doc:`text <target>`") and links
_RST_DIRECTIVE: Final = rxcache.compile(r"^\.\. [\w:-]+::", re.M)
_RST_DROP: Final = rxcache.compile(r"^(?:\.\. .*|:orphan:|\s+:[\w-]+:.*|([=\-~^\"'`#*+])\1{3,})$")
_RST_FIELD: Final = rxcache.compile(r"^:([^:`\s][^:`]{0,60}): ")
_RST_ROLE: Final = rxcache.compile(r":[\w-]+:`([^`<]*?)\s*(?:<[^>`]*>)?`")
_RST_LINK: Final = rxcache.compile(r"`([^`<]+?)\s*<([^>`]+)>`__?")


def _rst_text(text: str) -> str:
    """reStructuredText as plain text: a field list's ":Post title: Analyst" as "Post title: Analyst", directives,
    their options and heading adornments dropped, roles and links as their text, literals without their marks."""
    out: list[str] = []
    for line in text.split("\n"):
        if _RST_DROP.match(line):
            continue
        if line[:1] == ":" and (field := _RST_FIELD.match(line)):
            line = f"{field.group(1)}: {line[field.end() :]}"
        if "`" in line:
            line = _RST_LINK.sub(r"\1 (\2)", _RST_ROLE.sub(r"\1", line)).replace("``", "")
        out.append(line)
    return "\n".join(out)


# AsciiDoc (an Antora or a wiki page's source): "= Title" / "== Section" headings, ":attribute: value" lines, "[...]"
# block attributes and "====" delimiters, ".Title" block titles, "Label:: value" lists, "|===" tables with a cell a
# line, "xref:page[text]" / "link:url[text]" and "*strong*"
_ADOC_DROP: Final = rxcache.compile(
    r"^(?::!?[\w-]+!?:(?: .*)?|\[[^\]]*\]|={4,}|\*{4,}|-{4,}|\.{4,}|_{4,}|\+{4,}|/{4,})$")
_ADOC_HEADING: Final = rxcache.compile(r"^={1,6} (?=\S)")
_ADOC_TERM: Final = rxcache.compile(r"^(\S[^:\n]{0,60}?):{2,4}(?: +(.*))?$")
_ADOC_XREF: Final = rxcache.compile(r"\b(?:xref|link|mailto):([^\s\[]+)\[([^\]]*)\]")
_ADOC_STRONG: Final = rxcache.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")
_ADOC_COLS: Final = rxcache.compile(r'cols="([^"]*)"')


def _asciidoc_text(text: str) -> str:
    """AsciiDoc as plain text: headings as their text, attributes and delimiters dropped, "Label:: value" as "Label:
    value", a table's cells (one a line, a row's from its "cols" or its first line) as "| cell | cell |" rows."""
    out: list[str] = []
    lines = text.split("\n")
    cols = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith("|==="):
            cells: list[str] = []
            width = cols
            while i < len(lines) and not lines[i].startswith("|==="):
                row = lines[i]
                i += 1
                if row.startswith("|"):
                    parts = [part.strip() for part in row[1:].split("|")]
                    width = width or len(parts)
                    cells.extend(parts)
                elif row.strip() and cells:
                    cells[-1] = f"{cells[-1]} {row.strip()}"
            i += 1
            width = width or 1
            out.extend("| " + " | ".join(cells[k : k + width]) + " |" for k in range(0, len(cells), width))
            cols = 0
            continue
        if line[:1] == "[" and (spec := _ADOC_COLS.search(line)):
            specs = spec.group(1).split(",")
            cols = len(specs) if len(specs) > 1 else int(specs[0]) if specs[0].isdigit() else 0
        if _ADOC_DROP.match(line):
            continue
        if line[:1] == "=" and _ADOC_HEADING.match(line):
            line = line[line.find(" ") + 1 :]
        elif line[:1] == "." and line[1:2].isalpha():
            line = line[1:]  # ".Essential": a block's title
        elif "::" in line and (term := _ADOC_TERM.match(line)):
            line = f"{term.group(1)}: {term.group(2) or ''}".rstrip()
        if ":" in line and "[" in line:
            line = _ADOC_XREF.sub(lambda m: m.group(2) or m.group(1), line)
        if "*" in line:
            line = _ADOC_STRONG.sub(r"\1", line)
        out.append(line)
    return "\n".join(out)


def _calendar_text(raw: str, warnings: list[str]) -> str:
    """The posting a calendar file (.ics) holds: the description of each event, task or journal entry (its HTML copy,
    X-ALT-DESC, when it has no plain one), its lines unfolded and its escapes undone. The file's other properties
    (the reminder's summary, "LOCATION:Home", times, alarms) are no part of the posting. A file with no description
    is left as it is."""
    texts: list[str] = []
    stack: list[str] = []
    plain = markup = None
    for line in _ICS_FOLD.sub("", raw).splitlines():
        quoted, colon = False, -1
        for i, char in enumerate(line):  # (the first ":" outside a quoted parameter value ends the name)
            if char == '"':
                quoted = not quoted
            elif char == ":" and not quoted:
                colon = i
                break
        if colon < 0:
            continue
        key, value = line[:colon].split(";", 1)[0].upper(), line[colon + 1 :]
        if key == "BEGIN":
            stack.append(value.strip().upper())
            if stack[-1] in _ICS_ITEMS:
                plain = markup = None
        elif key == "END":
            if stack and stack.pop() in _ICS_ITEMS:
                text = plain if plain and plain.strip() else html_to_text(markup) if markup else ""
                if text.strip():
                    texts.append(text.strip())
        elif stack and stack[-1] in _ICS_ITEMS and key == "DESCRIPTION":
            plain = _ics_unescape(value)
        elif stack and stack[-1] in _ICS_ITEMS and key == "X-ALT-DESC":
            markup = _ics_unescape(value)
    if not texts:
        return raw
    warnings.append("read the description of a calendar file (.ics)")
    return "\n\n".join(texts)


# A message stored with something before its headers: an mbox folder ("From - Mon Jan 11 09:12:33 2027" before each
# message), Apple Mail's .emlx (the message's length in bytes on the first line), Gmail's "Show original" page copied
# (its summary: "Original Message", "Message ID", "Created at:", ..., "Download Original")
_STORED_MESSAGE: Final = re.compile(rb"From [^\n]{1,120}\d{4}\r?\n|\s*\d{1,9}\s*\r?\n[A-Za-z-]{2,40}: |Original Message\r?\n")
_MBOX_FROM: Final = re.compile(rb"(?:^|\n)From [^\n]{1,120}\d{4}\r?\n")
_HEADERS_START: Final = re.compile(rb"\n(?=(?:Delivered-To|Return-Path|Received|X-Original-To|MIME-Version|Message-ID|Date): )")


def _stored_message_text(data: bytes, warnings: list[str]) -> str | None:
    """The text of the message in an mbox folder (the longest, when it holds several), an .emlx file or a copied
    "Show original" page; None when none is a MIME message."""
    if data[:5] == b"From ":
        parts = [data[m.end() :] for m in _MBOX_FROM.finditer(data)]
        parts = [part[: next_from.start()] if (next_from := _MBOX_FROM.search(part)) else part for part in parts]
        parts = [_MBOX_QUOTED_FROM.sub(rb"\1", part) for part in parts]  # (">From " in a body was its "From ")
    elif data.lstrip()[:1].isdigit():
        parts = [data.lstrip().split(b"\n", 1)[-1]]
    else:
        found = _HEADERS_START.search(data, 0, 8192)
        parts = [data[found.end() :]] if found else []
    texts = [
        text for part in parts if _MAIL_HEAD.match(part) and _is_mime(part[:65536])
        and (text := _mail_message_text(part)) is not None
    ]
    if not texts:
        return None
    if len(texts) > 1:
        warnings.append(f"a mail folder (mbox) of {len(texts)} messages: the longest one is imported")
    return max(texts, key=len)


_MBOX_QUOTED_FROM: Final = re.compile(rb"(?m)^>(>*From )")


# An e-mail message saved as it was sent (".eml", "Show original"): headers from its first line, and MIME's encodings
_MAIL_HEAD: Final = re.compile(rb"(?:[A-Za-z][A-Za-z0-9-]{1,40}:[^\n]*\r?\n(?:[ \t][^\n]*\r?\n)*){2,}")


def _is_mime(head: bytes) -> bool:
    """Whether a message's first 64 KB hold MIME's marks (found in C: a search of a posting costs ~10x more)."""
    return b"MIME-Version:" in head or b"Content-Transfer-Encoding: quoted-printable" in head or (
        b"Content-Transfer-Encoding: base64" in head
    )


def _mail_message_text(data: bytes) -> str | None:
    """The text (or else the HTML) of an e-mail message, with its MIME encodings (quoted-printable, base64, charsets)
    undone by the standard library's parser; None when it cannot be read so. (Its headers are the mail's, not the
    posting's: an alert's subject, "Job alert – ...", is no title.)"""
    try:
        return _message_body(email.message_from_bytes(data, policy=email.policy.default))
    except Exception:  # noqa: BLE001 - the parser on hostile input: read the bytes as a plain text instead
        return None


def _message_body(message: email.message.EmailMessage, depth: int = 0) -> str | None:
    """``_mail_message_text`` of a parsed message; a message forwarded as an attachment (message/rfc822, to a depth
    of three) is read as one more attached text."""
    content = _part_text(message.get_body(preferencelist=("plain",)))
    html = _part_text(message.get_body(preferencelist=("html",)))
    if content is None and html is None:  # an old Apple Mail's text/enriched only (RFC 1896)
        enriched = next((part for part in message.walk() if part.get_content_type() == "text/enriched"), None)
        content = _enriched_text(_part_text(enriched)) if enriched is not None else None
    attached: list[str | None] = []
    for part in message.iter_attachments() if message.is_multipart() else ():
        if part.get_content_type() == "text/plain" and part.get_filename():
            attached.append(_payload_text(part))
        elif part.get_content_type() == "message/rfc822" and depth < 3:
            inner = part.get_content()
            if isinstance(inner, email.message.EmailMessage):
                body = _message_body(inner, depth + 1)
                attached.append(html_to_text(body) if body and looks_like_html(body) else body)
    longest = max((text for text in attached if text), key=len, default=None)
    if longest and len(longest) > 2 * len(content or ""):
        # the notice sent as a text file with a short note ("I copied the text out of the PDF"): the note, then it
        return f"{content}\n\n{longest}" if content else longest
    if html and (not content or _STUB_RATIO * len(content) < len(html) and len(html_to_text(html)) > 2 * len(content)):
        # A newsletter's plain part is often only a stub ("View it online", a list of the items): the
        # HTML part, with twice its text, is the message
        return html
    return content


# text/enriched (RFC 1896): a "<param>" holds a command's argument (no text); its other commands are tags; "<<" is a
# "<"; a line break alone is a space, and n of them in a row are n - 1
_ENRICHED_PARAM: Final = rxcache.compile(r"<param>.*?</param>", re.I | re.S)
_ENRICHED_TAG: Final = rxcache.compile(r"<(?!<)/?[A-Za-z0-9-]{1,60}>")
_ENRICHED_BREAKS: Final = rxcache.compile(r"\n+")


def _enriched_text(enriched: str | None) -> str | None:
    """The plain text of a text/enriched body."""
    if enriched is None:
        return None
    text = _ENRICHED_TAG.sub("", _ENRICHED_PARAM.sub("", enriched.replace("\r\n", "\n")))
    text = _ENRICHED_BREAKS.sub(lambda m: " " if len(m.group()) == 1 else "\n" * (len(m.group()) - 1), text)
    return text.replace("<<", "<")


def _payload_text(part: email.message.MIMEPart) -> str | None:
    """A part's text, its bytes read as a file's are: an attached .txt in UTF-16 or Windows-1252, an MHTML page that
    names its charset only in its <meta>."""
    payload = part.get_payload(decode=True)
    return _decode_bytes(payload)[0] if isinstance(payload, bytes) and payload.strip() else None


# How much longer than the plain part an HTML part (with its markup) must be before its text is compared
_STUB_RATIO: Final = 3


def _part_text(part: email.message.MIMEPart | None) -> str | None:
    """A MIME part's text, its transfer encoding and charset undone; None when it has none."""
    if part is None:
        return None
    content = _payload_text(part) if part.get_param("charset") is None else part.get_content()  # (no charset named)
    flowed = str(part.get_param("format", "")).lower() == "flowed"  # (RFC 3676's soft line breaks)
    if isinstance(content, str) and flowed and part.get_content_type() == "text/plain":
        content = _unflow(content, str(part.get_param("delsp", "")).lower() == "yes")
    return content if isinstance(content, str) and content.strip() else None


def _unflow(text: str, delete_space: bool) -> str:
    """A "format=flowed" mail text (RFC 3676) with its soft line breaks joined, each paragraph on one line: a line
    that ends with a space goes on on the next line quoted as deeply (not the signature's separator "-- "); the space
    a line was stuffed with is dropped."""
    out: list[str] = []
    open_depth = -1  # the quote depth of a line that ended with a soft break, -1 when the last line ended hard
    for line in text.split("\n"):
        line = line.rstrip("\r")
        depth = len(line) - len(line.lstrip(">"))
        body = line[depth + 1 :] if line[depth : depth + 1] == " " else line[depth:]
        if depth == open_depth:
            out[-1] += body
        else:
            out.append((">" * depth + " " if depth else "") + body)
        open_depth = depth if body.endswith(" ") and body != "-- " else -1
        if open_depth >= 0 and delete_space:
            out[-1] = out[-1][:-1]
    return "\n".join(out)


# A news feed saved from a board (RSS 2.0, Atom, RSS 1.0): its items' HTML is escaped inside the XML
# (after the XML declaration, comments and processing instructions: a stylesheet's "<?xml-stylesheet ...?>")
_FEED_START: Final = rxcache.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*\?>\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.I | re.S)
_FEED_ITEM: Final = rxcache.compile(r"<(item|entry)[\s>].*?</\1\s*>", re.I | re.S)
_FEED_FIELD: Final = rxcache.compile(
    r"<(title|description|summary|content|content:encoded|category)(?:\s[^>]*)?>(.*?)</\1\s*>", re.I | re.S
)
_CDATA: Final = rxcache.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)


def _feed_item_text(xml: str, warnings: list[str]) -> str:
    """The first item of a feed as an HTML page: its title as a heading, then its description (an item's HTML is
    escaped once more inside the XML, or kept in CDATA). A feed of several items names how many were left out."""
    items = list(_FEED_ITEM.finditer(xml))
    if not items:
        return xml
    item = items[0]
    if len(items) > 1:
        warnings.append(f"a feed of {len(items)} items: only the first one is imported")
    parts: dict[str, str] = {}
    for m in _FEED_FIELD.finditer(item.group(0)):
        value = m.group(2)
        cdata = _CDATA.fullmatch(value.strip())
        parts.setdefault(m.group(1).lower(), cdata.group(1) if cdata else html_module.unescape(value))
    title = html_module.escape(parts.get("title", ""))
    body = parts.get("content:encoded") or parts.get("content") or parts.get("description") or parts.get("summary", "")
    warnings.append("read the item of a news feed (RSS/Atom)")
    return f"<html><body><h1>{title}</h1>{body}</body></html>"


# A JSON file (an app's export, a board's API answer), after any "#" or "//" comment lines a person put above it
_JSON_COMMENTS: Final = rxcache.compile(r"(?:[ \t]*(?:#|//)[^\n]*\n)*")
_JSON_START: Final = rxcache.compile(_JSON_COMMENTS.pattern + r"\s*[\[{]\s*[\"\[{]")
# Keys of an export's metadata, whose strings are no text of a message: its author, channel, dates, files
_JSON_METADATA: Final = frozenset({
    "name", "from", "from_id", "actor", "actor_id", "author", "user", "username", "user_name", "real_name",
    "display_name", "first_name", "last_name", "user_profile", "channel", "channel_name", "date", "date_unixtime",
    "ts", "thread_ts", "file", "files", "thumbnail", "photo", "mime_type", "href", "url", "reactions",
    "text_entities",  # (Telegram's second copy of "text")
})
# Strings that are text: two words at least (ids, codes, timestamps and addresses are one)
_WORDS: Final = rxcache.compile(r"[^\W\d_]{2,}\S*\s+\S*[^\W\d_]")
# A chat app's markup (Slack's "mrkdwn"): "<https://...|label>", "<!date^1805151540^{date_long}|15 March 2027>",
# "<@U03QJ7K2M9P>", ":sweat_smile:", "*bold*", "_italic_"
_CHAT_LINK: Final = rxcache.compile(r"<(?:![^<>|]*|[#@][^<>|\s]*|https?://[^<>|\s]*|mailto:[^<>|\s]*)(?:\|([^<>]*))?>")
_SPACES: Final = rxcache.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_CHAT_EMOJI: Final = rxcache.compile(r"(?<![\w:]):[a-z0-9_+-]{2,40}:(?![\w:])")
_CHAT_EMPHASIS: Final = rxcache.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,200}?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]{1,200}?)(?<=\S)_(?![\w_])")


def _json_text(text: str, warnings: list[str]) -> str:
    """The texts of a JSON file in their order, one paragraph each (HTML ones as HTML), a chat app's markup undone;
    ``text`` itself when it is no JSON or holds no text."""
    try:
        data = json.loads(text[_JSON_COMMENTS.match(text).end() :])  # type: ignore[union-attr]
    except (ValueError, RecursionError):
        return text
    found: list[str] = []
    seen: set[str] = set()
    stack = [data]
    while stack:  # (depth first, in the file's order, without recursion: an export may nest deep)
        item = stack.pop()
        if isinstance(item, dict):
            # (a Slack message's "blocks" are its "text" once more, in Block Kit's parts: the text is read once)
            copy = "blocks" if isinstance(item.get("text"), str) and item["text"].strip() else None
            stack.extend(reversed([value for key, value in item.items() if key not in _JSON_METADATA and key != copy]))
        elif isinstance(item, list):
            if item and all(isinstance(part, str) or (isinstance(part, dict) and isinstance(part.get("text"), str))
                            for part in item) and any(isinstance(part, dict) for part in item) and any(
                isinstance(part, str) for part in item
            ):
                # a message's text in runs: "text": ["📦 ", {"type": "bold", "text": "Airworthiness Engineer"}, ...]
                stack.append("".join(part if isinstance(part, str) else part["text"] for part in item))
            else:
                stack.extend(reversed(item))
        elif isinstance(item, str) and item not in seen and _WORDS.search(item):
            seen.add(item)
            found.append(item)
    if not found:
        return text
    warnings.append("read the texts of a JSON file")
    parts = []
    for part in found:
        if looks_like_html(part):
            parts.append(html_to_text(part))
        else:
            part = html_module.unescape(_CHAT_LINK.sub(lambda m: m.group(1) or "", part)) if "<" in part or "&" in part else part
            part = _CHAT_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), _CHAT_EMOJI.sub("", part))
            parts.append(_SPACES.sub(" ", part))  # (where a mention or an emoji was)
    return "\n\n".join(parts)


# A spreadsheet saved as CSV (a person's list of vacancies, a job app's export): a first row of two cells or more,
# short and no sentence, separated by ";", "," or a tab
_CSV_HEAD: Final = rxcache.compile(r"[^\n;,\t]{1,40}(?:[;,\t][^\n;,\t]{0,40}){1,60}\r?\n")
# The first row of a two-column CSV of names and values (which is no row of a table)
_CSV_PAIRS_HEAD: Final = frozenset({"field", "key", "name", "property", "attribute", "label", "item"})
# A cell that is text of its own (a posting's description), not a value: several lines or a long one
_CSV_TEXT_CELL: Final = 200


def _csv_text(text: str, warnings: list[str]) -> str | None:
    """The cells of a CSV file as a posting: each "name: value" on its line, and the cells that are texts of their own
    (a description) as paragraphs; a table of several rows gives the row with the most text (a person's list of
    vacancies, one described). None when ``text`` is no CSV: its rows have different numbers of cells."""
    head = text[: text.find("\n")].rstrip("\r")
    delimiter = max(";,\t", key=head.count)
    try:
        rows = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(cell.strip() for cell in row)]
    except csv.Error:
        return None
    width = len(rows[0]) if rows else 0
    if len(rows) < 2 or any(len(row) < width or any(cell.strip() for cell in row[width:]) for row in rows):
        return None  # (a row may end in empty cells a spreadsheet added)
    if len(rows) < 3 and not any("\n" in cell for row in rows for cell in row):
        return None  # (two lines with a comma each are no table)
    header = [cell.strip() for cell in rows[0]]
    named = header[0].lower() in _CSV_PAIRS_HEAD or header[1].lower() == "value"
    sheet = (width == 2 or named) and all(len(row[0].strip()) <= 40 and "\n" not in row[0] for row in rows)
    notes: list[str] = []
    if sheet:
        # names and values, one pair a row (after a "field;value" row naming the columns); a person's further
        # columns ("My notes") after them, each cell with the name of its row
        pairs = [(row[0], row[1]) for row in rows[1 if named else 0 :]]
        notes = [f"{header[column] if named else 'Column ' + str(column + 1)} ({row[0].strip()}): {row[column].strip()}"
                 for row in rows[1 if named else 0 :] for column in range(2, width) if row[column].strip()]
        warnings.append("read the names and values of a CSV file")
    else:
        data = rows[1:]
        row = max(data, key=lambda cells: sum(len(cell) for cell in cells))
        pairs = list(zip(header, row))
        warnings.append(
            f"read a row of a CSV file (row {data.index(row) + 2} of {len(data) + 1}: the one with the most text)"
            if len(data) > 1 else "read the row of a CSV file"
        )
    texts: list[str] = []  # (cells that are texts of their own: a description)
    fields: list[str] = []
    for name, value in pairs:
        value = value.strip()
        name = name.strip().replace("_", " ")
        name = name[:1].upper() + name[1:]
        whole_text = "\n" in value or len(value) > _CSV_TEXT_CELL
        if whole_text and sheet:
            fields.append(f"\n{name}\n{value}\n")  # (its name a heading above it)
        elif whole_text:
            texts.append(value)
        elif value:
            fields.append(f"{name}: {value}")
    if sheet:  # in the sheet's order, the person's notes after it
        return "\n\n".join(["\n".join(fields), *(["\n".join(notes)] if notes else [])])
    # a row of a table: its texts first, the posting's own facts before the ones a person noted beside it ("Grade: B4?")
    return "\n\n".join([*texts, "\n".join(fields)])


# An Evernote export (.enex): each note's title, and its content, an HTML page inside CDATA
_ENEX_NOTE: Final = rxcache.compile(r"<note>(.*?)</note>", re.S)
_ENEX_TITLE: Final = rxcache.compile(r"<title>(.*?)</title>", re.S)
_ENEX_CONTENT: Final = rxcache.compile(r"<content>\s*<!\[CDATA\[(.*?)\]\]>\s*</content>", re.S)


def _evernote_text(xml: str, warnings: list[str]) -> str:
    """The first note of an Evernote export as an HTML page: its title as a heading, then its content (the notes'
    attachments, base64 in <resource>, are left out)."""
    notes = _ENEX_NOTE.findall(xml)
    if not notes:
        return xml
    if len(notes) > 1:
        warnings.append(f"an Evernote export of {len(notes)} notes: only the first one is imported")
    title = _ENEX_TITLE.search(notes[0])
    content = _ENEX_CONTENT.search(notes[0])
    warnings.append("read the note of an Evernote export (.enex)")
    return f"<html><body><h1>{title.group(1) if title else ''}</h1>{content.group(1) if content else ''}</body></html>"


def _decode_bytes(data: bytes) -> tuple[str, str, list[str]]:
    """Return (text, encoding name, warnings) for the raw bytes, or raise DecodeError."""
    if not data.strip():
        raise DecodeError("empty file")
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(reason)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8-sig" and not _is_utf8(data):
                return _decode_legacy(data[len(bom):])  # a UTF-8 BOM on Windows-1252 bytes
            return _strict_or_replace(data, codec, name)
    if data.startswith(b"{\\rtf") and data.endswith(b"\x00"):
        data = data.rstrip(b"\x00")  # WordPad's RTF: a NUL after the closing brace
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise DecodeError("binary file (NUL bytes), not text")
        return _strict_or_replace(data, utf16, utf16)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(data)
    _refuse_binary(text)
    return text, "utf-8", []


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _strict_or_replace(data: bytes, codec: str, name: str) -> tuple[str, str, list[str]]:
    """Decode with a Unicode codec; a few broken bytes become U+FFFD and are reported."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        _refuse_binary(text)
        return text, name, [f"{bad} invalid byte sequence(s) in {name} replaced by \ufffd"]
    _refuse_binary(text)
    return text, name, []


_UTF16_CONTROLS: Final = rxcache.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def _utf16_without_bom(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when the NUL bytes follow UTF-16's every-other-byte pattern."""
    if len(data) % 2 or len(data) < 4:
        return None
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.7 and even_nul < 0.05:
        codec = "utf-16-le"
    elif even_nul > 0.7 and odd_nul < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    # Real UTF-16 text has no U+0000 and no other C0 control: b"x\0\1\0" is binary, not "x\x01".
    return None if _UTF16_CONTROLS.search(text) else codec


def _decode_legacy(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes that are not UTF-8: a declared HTML charset, else Windows-1252, else Latin-1."""
    declared = _declared_charset(data)
    if declared is not None:
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            _refuse_binary(text)
            return text, declared, [f"decoded as {declared} (declared by the page), not UTF-8"]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        # A byte Windows-1252 leaves undefined: 0x8D, 0x8F, 0x9D are "Ť", "Ź", "ť" in Windows-1250 (Czech, Slovak)
        for codec, name in (("cp1250", "Windows-1250 (Central European, "), ("latin-1", "Latin-1 (")):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            _refuse_binary(text)
            if codec == "cp1250" and not _CP1250_ONLY.search(text):
                continue  # (no letter only Windows-1250 has there: not a Central European text)
            return _other_script(data, text) or (text, codec, [f"decoded as {name}not UTF-8)"])
    _refuse_binary(text)
    other = _other_script(data, text)
    if other:
        return other
    if ("ð" in text or "þ" in text) and len(_BALTIC_SIGNS.findall(text)) >= 2 and len(_BALTIC_VOWELS.findall(text)) >= 3:
        # Latvian or Lithuanian in Windows-1257 ("Finanðu analîtiíis", "Beïìija"): "š"/"ž" read as "ð"/"þ" inside words,
        # with vowels Icelandic (the one language writing ð and þ) never has
        try:
            return data.decode("cp1257"), "cp1257", ["decoded as Windows-1257 (Baltic, not UTF-8)"]
        except UnicodeDecodeError:
            pass
    if ("þ" in text or "ð" in text or "Ý" in text) and "ý" in text and "æ" not in text and len(
        _TURKISH_SIGNS.findall(text)
    ) >= 3:
        # Turkish in Windows-1254 or ISO-8859-9 ("Tam Zamanlý", "Ýþ Ýlanlarý", "Coðrafi"): "ı", "İ", "ş", "ğ" read as
        # "ý", "Ý", "þ", "ð" (Icelandic, which writes those, writes "æ" too)
        codec = "cp1254" if any(0x80 <= b <= 0x9F for b in data) else "iso8859-9"
        try:
            return data.decode(codec), codec, [f"decoded as {codec.upper()} (Turkish, not UTF-8)"]
        except UnicodeDecodeError:
            pass
    if ("Õ" in text or "Ð" in text or "Û" in text) and len(_MAC_ROMAN_SIGNS.findall(text)) >= 3:
        # an old Mac's text ("NATOÕs", "Capellen Ð Luxembourg", "8 061,35 Û"): ’, –, €, “ ” in Mac OS Roman
        return data.decode("mac_roman"), "mac_roman", ["decoded as Mac OS Roman (not UTF-8)"]
    if "¤" in text and _EURO_SIGN_1252.search(text) and not any(0x80 <= b <= 0x9F for b in data):
        # ISO-8859-15 (Latin-9): its euro sign is 0xA4, Windows-1252's "¤" ("8 061,35 ¤")
        return data.decode("iso8859_15"), "iso8859-15", ["decoded as ISO-8859-15 (Latin-9, not UTF-8)"]
    if len(_CP1250_SIGNS.findall(text)) >= 3:
        try:
            return data.decode("cp1250"), "cp1250", ["decoded as Windows-1250 (Central European, not UTF-8)"]
        except UnicodeDecodeError:
            pass
    if ("õ" in text or "û" in text) and len(_HUNGARIAN_SIGNS.findall(text)) >= 3 and len(_ACUTE.findall(text)) >= 5:
        # Hungarian "ő"/"ű" (ISO-8859-2 or Windows-1250: the same bytes) read as Windows-1252's "õ"/"û"
        codec = "cp1250" if any(0x80 <= b <= 0x9F for b in data) else "iso8859-2"
        try:
            return data.decode(codec), codec, [f"decoded as {codec.upper()} (Central European, not UTF-8)"]
        except UnicodeDecodeError:
            pass
    return text, "cp1252", ["decoded as Windows-1252 (not UTF-8)"]


# Mac OS Roman read as Windows-1252: "’" is "Õ" between letters, "–" a "Ð" between spaces, "“"/"”" "Ò"/"Ó" at a
# word's ends, "€" a "Û" beside a figure (none of which Western text writes so)
_MAC_ROMAN_SIGNS: Final = rxcache.compile(r"(?<=[a-zA-Z])Õ(?=[a-z])| Ð |Ò(?=\w)|(?<=\w)Ó|(?<=\d)\s?Û|Û\s?(?=\d)")
# (not "ý" inside a word: Czech and Slovak write it, in ISO-8859-2 at the same byte)
_TURKISH_SIGNS: Final = rxcache.compile(r"(?<=[a-zçöü])[þð]|[ÝÞ](?=[a-zçöüþý])|[þð](?=[a-zçöü])")
_EURO_SIGN_1252: Final = rxcache.compile(r"\d\s?¤|¤\s?\d")
_BALTIC_SIGNS: Final = rxcache.compile(r"(?<=[a-zA-Z])[ðþ]|[ðþ](?=[a-z])")
_BALTIC_VOWELS: Final = rxcache.compile(r"(?<=[a-zA-Z])[âîìïòèëøû]|[âîìïòèëøû](?=[a-z])")
# Letters of Windows-1250 at the bytes Windows-1252 leaves undefined (0x8D "Ť", 0x8F "Ź", 0x9D "ť")
_CP1250_ONLY: Final = rxcache.compile("[\u0164\u0165\u0179]")
# A text in Cyrillic or Greek read as Windows-1252 is runs of accented letters ("Ðàáîòà"), which Western text never
# has: three or more non-ASCII letters in a row
_FOREIGN_RUN: Final = rxcache.compile("[\u00c0-\u00ff]{3,}")
# Code pages of the other scripts NATO's nations write (Bulgarian, Macedonian; Greek): the letters each must give, and
# a small letter followed by a capital in one word, which a text read with the other one is full of (every byte
# from 0xC0 up is a letter in both: Greek read as Cyrillic is "РспиеумЯб")
_SCRIPTS: Final = (
    ("cp1251", "Windows-1251 (Cyrillic", "\u0400", "\u04ff", re.compile("[а-яёђѓєѕіїјљњћќўџ][А-ЯЁЂЃЄЅІЇЈЉЊЋЌЎЏ]")),
    ("cp1253", "Windows-1253 (Greek", "\u0370", "\u03ff", re.compile("[α-ωάέήίόύώϊϋΐΰ][Α-ΩΆΈΉΊΌΎΏΪΫ]")),
)


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _chinese(data: bytes) -> tuple[str, str, list[str]] | None:
    """The text decoded as GB18030 (GBK, GB2312: a Chinese Windows' code page) when it reads as Chinese: twenty Han
    characters or more, nearly all beside another (a Western text read so gives lone ones, each eating a letter), and
    few letters of other scripts."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    han = [i for i, char in enumerate(text) if _is_han(char)]
    if len(han) < 20:
        return None
    paired = sum(1 for i in han if (i + 1 < len(text) and _is_han(text[i + 1])) or (i and _is_han(text[i - 1])))
    other = sum(1 for char in text if not char.isascii() and char.isalpha() and not _is_han(char) and not (
        "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef"
    ))  # (letters of other scripts: symbols and punctuation, "●", "•", "–", are any text's)
    if paired < 0.8 * len(han) or other > 0.05 * len(han):
        return None
    _refuse_binary(text)
    return text, "gb18030", ["decoded as GB18030 (Chinese, GBK), not UTF-8"]


def _other_script(data: bytes, latin: str) -> tuple[str, str, list[str]] | None:
    """The text decoded as Cyrillic or Greek when ``latin`` (its Windows-1252 or Latin-1 reading) looks like one of
    them read as Latin; else None."""
    if len(_FOREIGN_RUN.findall(latin)) < 5:
        return None
    chinese = _chinese(data)
    if chinese is not None:
        return chinese
    found: list[tuple[int, str, str, str]] = []  # (small letters before capitals, text, codec, name)
    for codec, name, low, high, mixed_case in _SCRIPTS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = [c for c in text if not c.isascii() and c.isalpha()]
        if letters and sum(low <= c <= high for c in letters) >= 0.9 * len(letters):
            found.append((len(mixed_case.findall(text)), text, codec, name))
    if not found:
        return None
    _, text, codec, name = min(found, key=lambda item: item[0])
    _refuse_binary(text)
    return text, codec, [f"decoded as {name}, not UTF-8)"]


def _declared_charset(data: bytes) -> str | None:
    """The charset named by a ``<meta charset>`` in the first 4 KB, as a Python codec name."""
    found = _META_CHARSET.search(data[:4096])
    if not found:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name in ("iso8859-1", "latin-1", "ascii"):
        return "cp1252"  # what browsers do (WHATWG Encoding): these labels mean Windows-1252
    return None if name.startswith(("utf-8", "utf-16", "utf-32")) else name


def _refuse_binary(text: str) -> None:
    """Raise DecodeError when the text is mostly control characters (a binary file)."""
    sample = text[:8192].encode("utf-8", "surrogatepass")
    controls = len(sample.translate(None, _NOT_BINARY_BYTES))
    if controls > max(2, _BINARY_RATIO * len(sample)):
        reason = "NUL bytes" if b"\x00" in sample else "control characters"
        raise DecodeError(f"binary file ({reason}), not text")


# A note app's soft line break (U+2028, iOS and macOS Notes: a line wrapped inside its paragraph, "Stavanger is
# NATO's premier\u2028training establishment") is a space, unless what follows it is a field or a list item of its
# own ("Grade: G12\u2028Post number: JWC TSC 0210"): then a line break, as every other break character is.
_SOFT_BREAK: Final = rxcache.compile("[ \t]*\u2028[ \t]*(?![-•*·]|\\d{1,2}[.)]\\s|[^\u2028\n:]{1,40}:\\s)")


def _soft_break(m: re.Match[str]) -> str:
    """A space for a soft line break (see _SOFT_BREAK); a line break after a line in capitals, a heading ("JOINT
    WARFARE CENTRE (JWC)\u2028Stavanger, Norway")."""
    text = m.string
    start = max(text.rfind("\n", 0, m.start()), text.rfind("\u2028", 0, m.start())) + 1
    return "\n" if m.start() - start <= 80 and text[start : m.start()].isupper() else " "


def _normalise(text: str, warnings: list[str]) -> str:
    """Line endings, spaces, invisible characters, trailing spaces and blank-line runs."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() and (any(hint in text for hint in _MOJIBAKE_HINTS) or (
        "\xe2" in text and "\xe2\u20ac" in text) or ("\xf0" in text and "\xf0\u0178" in text)
    ):  # (a pair's first character first: a scan for one character costs ~1/20 of one for two)
        text = _fix_mojibake(text, warnings)  # before spaces: "Â\xa0" is a mangled NBSP
    if not text.replace("\n", "").isprintable():  # C-speed gate: every character handled here is unprintable
        if "\u2028" in text:
            text = _SOFT_BREAK.sub(_soft_break, text)
        text = _replace_specials(text, warnings)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not text.isascii() and ("\u2011" in text or "\u2010" in text):
        text = text.replace("\u2011", "-").replace("\u2010", "-")  # Unicode's hyphens: "NATO G\u201114" is "G-14"
    if not text.isascii() and any(ligature in text for ligature in _LIGATURE_CHARS):
        text = text.translate(_LIGATURES)  # "speciﬁcations" from a PDF: "specifications", to be found
    if " \n" in text or "\t\n" in text or "\n\n\n" in text:
        text = "\n".join(_squeeze_lines(text.split("\n")))
    return text.strip("\n").rstrip(" \t") + "\n"


# A PDF's typographic ligatures ("ﬁ", "ﬂ", "ﬀ", "ﬃ", "ﬄ", "ﬅ", "ﬆ"), which NFC keeps: their letters
_LIGATURES: Final = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
# (looked for one by one: in a text of Latin-1 letters, a search for a character above them ends at once; a search of
# the class costs ~20 instructions a character)
_LIGATURE_CHARS: Final = tuple(map(chr, _LIGATURES))


def _replace_specials(text: str, warnings: list[str]) -> str:
    """Replace the unusual spaces, line breaks, invisible and control characters the text holds."""
    controls = 0
    for ch in set(_SPECIAL.findall(text)):
        if ch in _CONTROL_CHARS:
            controls += text.count(ch)
        text = text.replace(ch, _REPLACEMENT[ch])
    if controls:
        warnings.append(f"removed {controls} control character(s)")
    return text


def _squeeze_lines(lines: list[str]) -> list[str]:
    """Strip trailing spaces and keep at most one blank line in a row."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip(" \t")
        if line or (out and out[-1]):
            out.append(line)
    return out


def _fix_mojibake(text: str, warnings: list[str]) -> str:
    """Repair UTF-8 that was decoded as Windows-1252 ("Ã©" -> "é") or, a whole text, as Windows-1250 ("Ă©" -> "é",
    "Ĺ‘" -> "ő"); leave anything doubtful alone."""
    if ("\u0102" in text or "\u0139" in text) and len(_MOJIBAKE_1250.findall(text)) >= 2:
        # (only the whole text: Windows-1250's letters "č", "ě", "ž" are lead and continuation bytes of UTF-8 too, so a
        # chunk of a real Czech text may read as UTF-8; a whole text of them hardly ever does, and two "Ă©" at least)
        try:
            good = text.encode("cp1250", "natosite-c1").decode("utf-8")
        except UnicodeError:
            pass
        else:
            warnings.append("repaired double-encoded UTF-8 (UTF-8 that was read as Windows-1250)")
            return good
    if not _MOJIBAKE.search(text):
        return text
    fixed = 0

    def repair(match: re.Match[str]) -> str:
        nonlocal fixed
        chunk = match.group()
        try:
            raw = bytes(_cp1252_byte(ch) for ch in chunk)
            good = raw.decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return chunk
        fixed += 1
        return good

    text = _MOJIBAKE.sub(repair, text)
    if fixed:
        warnings.append(f"repaired {fixed} double-encoded UTF-8 character(s)")
    return text


def _c1_bytes(error: UnicodeError) -> tuple[bytes, int]:
    """A code page's undefined bytes, which a browser shows as the C1 controls U+0080-U+009F, written back as those
    bytes (the ``natosite-c1`` error handler of ``str.encode``)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    if not all("\x80" <= ch <= "\x9f" for ch in chunk):
        raise error
    return chunk.encode("latin-1"), error.end


codecs.register_error("natosite-c1", _c1_bytes)


def _cp1252_byte(ch: str) -> int:
    """The byte that shows as ``ch`` in Windows-1252 (Latin-1 for its five undefined bytes)."""
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ch.encode("latin-1")[0]  # raises UnicodeEncodeError (a ValueError) if impossible


# --------------------------------------------------------------------------- HTML

_HTML_START: Final = rxcache.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)
_HTML_TAG: Final = rxcache.compile(
    r"<(?:/?(?:p|div|br|span|table|tr|td|ul|ol|li|h[1-6]|body|head|script|style|section|article|a|strong|b|em)"
    r"(?:\s[^<>]*)?/?|!--)>",
    re.I,
)


# Tags that only mark up words inside a line; a text that holds nothing else may be plain text with a few of them
_INLINE_TAG: Final = rxcache.compile(r"</?(?:br|span|a|strong|b|em)\b", re.I)
# "<br>" at the end of a line of a plain text (Markdown notes use it for a line break): the line break it says
_BR_AT_EOL: Final = rxcache.compile(r"[ \t]*<br\s*/?>[ \t]*(?=\n|$)", re.I)


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page or fragment rather than plain text.

    A fragment needs four tags; when they are all inline ("<br>", "<b>", "<a>") and on fewer than half of the text's
    lines, it is a plain text with some markup in it (Markdown notes with "<br>" line ends), not HTML: its own line
    breaks are the posting's."""
    head = text[:8192]
    if "<" not in head:
        return False
    if _HTML_START.match(head):
        return True
    tags = _HTML_TAG.findall(head)
    if len(tags) < 4:
        return False
    if not all(_INLINE_TAG.match(tag) for tag in tags):
        return True
    lines = [line for line in head.split("\n") if line.strip()]
    tagged = sum(1 for line in lines if _HTML_TAG.search(line))
    return tagged * 2 >= len(lines)


# (and what a page struck through: "<del>15 January 2027</del> <ins>29 January 2027</ins>" is the date no longer meant)
_STRUCK: Final = frozenset({"del", "s", "strike"})
_SKIP: Final = frozenset({"script", "style", "noscript", "template", "svg", "head", "math", "iframe", "object"}) | _STRUCK
_BLOCK: Final = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "html", "legend", "main",
    "nav", "ol", "p", "section", "summary", "table", "tbody", "thead", "tfoot", "ul", "caption", "center",
})
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PRE: Final = frozenset({"pre", "textarea", "listing", "xmp"})
_LINE_TAGS: Final = _BLOCK | _HEADINGS | _PRE | {"p", "li", "tr", "td", "th", "br"}  # (tags that end a line of text)
_WS: Final = rxcache.compile(r"[ \t\n\r\f\v]+")


class _TextBuilder(HTMLParser):
    """An HTMLParser that writes the visible text as lines."""

    def __init__(self, depth: int = 0, hidden_classes: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = depth  # how many iframes' documents this one is inside
        self.hidden_classes = hidden_classes  # the classes the page's style sheet hides (display: none)
        self.hidden = ""  # the tag of the hidden element the parser is inside ("" when it is in none)
        self.hidden_depth = 0  # how many elements of that tag are open inside it, it included
        self.lines: list[str] = []
        self.line: list[str] = []
        self.blank = False  # a blank line is wanted before the next text
        self.skip: list[str] = []
        self.pre = 0
        self.cell = 0
        self.bullet = False  # a list item started: "- " goes in front of its first text
        self.tag_between = False  # a tag came since the last text
        self.runs = 0  # texts written on the line, each after a tag
        self.value_tag = False  # the last tag opened an element (the text after it is that element's own)
        self.label_closed = False  # the last tag closed an element a list item's label is written in (<span>, <dt>)
        self.history: list[str] = []  # the lines of a Taleo page's description kept in its "initialHistory" field

    # -- output
    def _end_line(self, blank: bool = False) -> None:
        text = "".join(self.line).rstrip()
        self.line = []
        self.runs = 0
        if text:
            self.lines.append(text)
        self.blank = self.blank or (blank and not (self.bullet and not text))

    def _write(self, text: str) -> None:
        if not self.line or self.line[-1].endswith(" "):
            text = text.lstrip(" ")
        if not text:
            return
        if not self.line and self.blank and self.lines:
            self.lines.append("")
        if not self.line:
            self.blank = False
            if self.bullet:
                text, self.bullet = "- " + text, False
        elif not text.strip():
            self.line.append(text)  # (the space between two elements: no text of its own)
            return
        elif self.tag_between and (self.value_tag or (
            self.label_closed and self.line[0][:2] == "- " and text.lstrip()[:1] not in ":："
        )) and (
            self.runs == 1 and not self.cell and _is_label("".join(self.line))
        ):  # (or the value as the text after it: "<li><span>Temps de travail</span> Temps plein</li>")
            # <span>Grade</span> <span>G15</span>, <dt>Location</dt><dd>Mons</dd>: a label and its value in elements of
            # their own, laid out apart; set apart like table cells they read "Grade: G15" (``clean.normalise_line``)
            self.line[-1] = self.line[-1].rstrip(" ")
            text = "  " + text.lstrip(" ")
        elif self.tag_between and self.line[-1][-1:].isalnum() and text[0].isalnum():
            text = " " + text  # <span>Grade</span><span>G15</span>: boards lay these out apart
        if self.tag_between:
            self.runs += 1
        self.tag_between = False
        self.line.append(text)

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tag_between = self.value_tag = True
        if self.hidden:
            self.hidden_depth += tag == self.hidden
            return
        if self.hidden_classes and attrs and tag not in _VOID and self._is_hidden(attrs):
            self.hidden, self.hidden_depth = tag, 1  # (a browser shows nothing of it: a page's hidden copy, a template)
            return
        if tag == "body":
            self.skip.clear()  # an unclosed <head> ends where the body starts
        if self.skip and tag in _LINE_TAGS and self.skip[0] in _STRUCK:
            self.skip.clear()  # struck-through text is a few words in a line: an unclosed <s> ends with its block
        if self.skip:
            if tag in _SKIP:
                self.skip.append(tag)
            return
        if tag == "iframe" and self.depth < 3:
            self._frame(dict(attrs).get("srcdoc"))
        if tag in _SKIP:
            self.skip.append(tag)
        elif tag == "br":
            if self.line:
                self._end_line()
            elif self.lines:
                self.blank = True
        elif tag == "li":
            self._end_line()
            if self.lines and self.lines[-1].startswith("- "):
                self.blank = False  # no blank line between the items of a list
            self.bullet = True
        elif tag in _HEADINGS or tag == "p" or tag in _BLOCK:
            self._end_line(blank=tag in _HEADINGS or tag == "p")
        elif tag in _PRE:
            self._end_line(blank=True)
            self.pre += 1
        elif tag == "tr":
            self._end_line()
            self.cell = 0
        elif tag in ("td", "th"):
            if self.cell and self.line:
                self.line.append("  ")
            self.cell += 1
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt and alt.strip():
                self._write(_WS.sub(" ", alt))
        elif tag == "input" and self.depth < 3:
            field = dict(attrs)
            if "initialHistory" in (field.get("id"), field.get("name")) and "!*!" in (field.get("value") or ""):
                self.history.extend(self._history(field["value"] or ""))

    def _is_hidden(self, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether an element with these attributes has a class the page's style sheet hides (see _hidden_classes)."""
        for name, value in attrs:
            if name == "class" and value and not self.hidden_classes.isdisjoint(value.split()):
                return True
        return False

    def _frame(self, document: str | None) -> None:
        """An iframe's own document, written in its attribute (``srcdoc``: a board shows the employer's posting so),
        as lines of their own. (An iframe that loads another address has no text in the saved page.)"""
        if not document or "<" not in document:
            return
        text = self._inner_text(document)
        if text.strip():
            self._end_line(blank=True)
            if self.lines:
                self.lines.append("")
            self.lines.extend(text.split("\n"))
            self.blank = True

    def _inner_text(self, document: str) -> str:
        """The text of a document held inside this one (an iframe's, a Taleo field's), one level deeper."""
        inner = _TextBuilder(self.depth + 1)
        inner.feed(document)
        inner.close()
        return inner.text()

    def _history(self, value: str) -> list[str]:
        """The lines of the HTML parts of a Taleo page's "initialHistory" field ("1!|!270133!|!Assistant+...!|!!*!%3Cp%3E
        ..."): a page saved as "HTML only" has its description nowhere else (its script writes it in)."""
        lines: list[str] = []
        for part in value.split("!|!"):
            if part.startswith("!*!"):
                text = self._inner_text(urllib.parse.unquote_plus(part[3:]))
                if text.strip():
                    lines.extend(["", *text.split("\n")])
        return lines

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            return  # <svg/> has no content to skip
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tag_between, self.value_tag = True, False
        if self.hidden:
            if tag == self.hidden:
                self.hidden_depth -= 1
                if not self.hidden_depth:
                    self.hidden = ""
            return
        self.label_closed = tag in _LABEL_TAGS
        if self.skip and tag in _LINE_TAGS and self.skip[0] in _STRUCK:
            self.skip.clear()  # (see handle_starttag)
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in _HEADINGS or tag == "p":
            self._end_line(blank=True)
        elif tag in _BLOCK or tag in ("li", "tr"):
            self._end_line()
        elif tag in _PRE:
            self._end_line(blank=True)
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.skip or self.hidden:
            return
        if self.pre:
            first, *rest = data.split("\n")
            if not self.line and self.blank and self.lines:
                self.lines.append("")
            self.blank = False
            self.line.append(first)
            for part in rest:
                self.lines.append("".join(self.line).rstrip())
                self.line = [part]
            return
        self._write(_WS.sub(" ", data))

    def text(self) -> str:
        self._end_line()
        shown = _WS.sub(" ", " ".join(self.lines)) if self.history else ""
        if self.history and _WS.sub(" ", max(self.history[:12], key=len)).strip() not in shown:
            # (below the page's last "Description" label, where its script puts it, not its heading "Job Description"
            # above the title; a page saved after the script ran shows it already)
            at = next((i + 1 for i in range(len(self.lines) - 1, -1, -1)
                       if self.lines[i].strip().lower().rstrip(":") in _DESCRIPTION_LABELS), len(self.lines))
            self.lines[at:at] = [*self.history, ""]
        return "\n".join(self.lines)


def _hidden_classes(html: str) -> frozenset[str]:
    """The classes a page's own style sheets hide for good and name so: ".hidden, .ftlhidden { display:none
    !important; }" (a Taleo page's hidden copy of its fields, which may hold another job's). A rule with anything
    more than classes (".menu .hidden", "[hidden]") or under a media query is not taken, nor a class named otherwise
    (".collapsed", ".full": the rest of a text a click shows, which is the posting's) nor the ``hidden`` attribute."""
    classes: set[str] = set()
    for sheet in _STYLE_SHEET.findall(html):
        for selectors, body in _CSS_RULE.findall(_CSS_COMMENT.sub("", sheet)):
            if _DISPLAY_NONE.search(body) and "@" not in selectors:
                for selector in selectors.split(","):
                    m = _CLASS_SELECTOR.fullmatch(selector.strip())
                    if m and ("hidden" in m.group(1).lower() or m.group(1).lower() in ("hide", "d-none", "is-hidden")):
                        classes.add(m.group(1))
    return frozenset(classes)


_STYLE_SHEET: Final = rxcache.compile(r"<style[^>]*>(.*?)</style\s*>", re.I | re.S)
_CSS_COMMENT: Final = rxcache.compile(r"/\*.*?\*/", re.S)
_CSS_RULE: Final = rxcache.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR: Final = rxcache.compile(r"\.([\w-]+)")
_DISPLAY_NONE: Final = rxcache.compile(r"(?:^|;|\s)display\s*:\s*none\b", re.I)
# Elements that have no end tag: never taken as a hidden element's start
_VOID: Final = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                          "wbr", "param"})
_TAG_SOUP: Final = rxcache.compile(r"<[^<>]*>")
# The label a Taleo page writes its description under, in the careers section's languages
_DESCRIPTION_LABELS: Final = frozenset({"description", "description de l'offre", "description de l’offre", "job description"})


_LABEL_TAGS: Final = frozenset({"span", "label", "dt"})  # (not <strong>: "<strong>Salary</strong> is paid monthly.")


def _is_label(text: str) -> bool:
    """Whether ``text`` (the first element's text on a line) is a posting's field label ("Vacancy reference")."""
    text = text.strip()
    if not text or len(text) > 45 or text.endswith((".", ",")):
        return False
    from natosite.importer.fields import label_key  # (fields reads lines; decode comes first in the chain)

    return label_key(text) is not None


# A bullet of a list Word saved as a web page: its character in a symbol font, then a spacer span in a small font
# ("<span style='font-family:Wingdings'>§<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span>")
_WORD_BULLET: Final = rxcache.compile(
    r"""(<span[^<>]*font-family:[^<>]*?(?:Wingdings|Symbol|Courier New)[^<>]*>)[^<\s]{1,2}(?=<span[^<>]*font:\s*7\.0pt)""",
    re.I,
)


# The Internet Archive's toolbar over an archived page ("Wayback Machine", "About this capture", "COLLECTED BY
# Organization: Internet Archive", its calendar of captures), between the comments it is inserted with
_WAYBACK_TOOLBAR: Final = rxcache.compile(r"<!-- BEGIN WAYBACK TOOLBAR INSERT -->.*?<!-- END WAYBACK TOOLBAR INSERT -->", re.S)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page or fragment: blocks on their own lines, list items as "- "."""
    builder = _TextBuilder(hidden_classes=_hidden_classes(html) if "none" in html else frozenset())
    if "7.0pt" in html:  # Word's list bullets: a Wingdings "§" ("Ø", a Symbol "·") before the list item's text
        html = _WORD_BULLET.sub(r"\1•", html)
    if "WAYBACK TOOLBAR INSERT" in html:  # a page saved from the Wayback Machine: its toolbar is no part of the page
        html = _WAYBACK_TOOLBAR.sub("", html)
    try:
        builder.feed(html)
        builder.close()
        return builder.text()
    except Exception:  # noqa: BLE001 - html.parser on hostile input; fall back to dropping tags
        import html as html_module

        return html_module.unescape(_TAG_SOUP.sub(" ", html))
