"""The text of an RTF document (macOS TextEdit's default format, WordPad's, Word's "Rich Text").

RTF is text: control words (``\\par``, ``\\b``, ``\\'e9``, ``\\u8217?``), groups in braces, and the document's
characters between them. The reader keeps the characters, turns paragraph, line, cell and row ends into line
breaks and tabs, decodes ``\\'hh`` in the document's code page (``\\ansicpg1252``) and ``\\uN`` as Unicode (then skips
the fallback characters ``\\ucN`` says follow it), and leaves out the groups that hold no text of the document:
font and colour tables, style sheets, list templates, pictures, the document's info, and every ``{\\* ...}``
destination a reader may ignore. Formatting (bold, fonts, sizes, colours) is dropped.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["rtf_to_text"]

# A control word with its number and the space that ends it; a hex character; a control symbol; a brace; a line
# break of the file (no text in RTF); a run of text.
_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|[\r\n]+|([^\\{}\r\n]+)"
)
# Groups that hold no text of the document
_SKIPPED = frozenset({
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "listtable", "listoverridetable", "header", "headerl",
    "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "themedata", "colorschememapping", "datastore",
    "latentstyles", "rsidtbl", "generator", "xmlnstbl", "mmathPr", "object", "shp", "shpinst", "shprslt",
    "expandedcolortbl", "filetbl", "revtbl", "fldinst", "nonshppict", "bkmkstart", "bkmkend", "field_inst",
    "pgdsctbl", "userprops", "docvar", "template", "operator", "author", "title", "subject", "keywords", "comment",
    "company", "xe", "tc", "txe", "listpicture", "panose", "falt", "pntext", "pntxtb", "pntxta",
})
_CHARACTERS = {
    "par": "\n", "line": "\n", "sect": "\n\n", "page": "\n\n", "row": "\n", "cell": "\t", "tab": "\t",
    "emdash": "\u2014", "endash": "\u2013", "emspace": " ", "enspace": " ", "qmspace": " ", "bullet": "\u2022",
    "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d", "~": "\u00a0",
}
_SYMBOLS = {"\\": "\\", "{": "{", "}": "}", "~": "\u00a0", "_": "\u2011", "-": "", "\n": "\n", "\r": "\n", "\t": "\t"}
_CODE_PAGE = re.compile(r"\\ansicpg(\d{3,5})")


def rtf_to_text(rtf: str) -> str:
    """The document's text, one paragraph a line (see the module docstring)."""
    found = _CODE_PAGE.search(rtf, 0, 2000)
    codec = f"cp{found.group(1)}" if found else "cp1252"
    try:
        codecs.lookup(codec)
    except LookupError:
        codec = "cp1252"
    out: list[str] = []
    stack: list[tuple[bool, int]] = []
    skipping = False  # in a group that holds no text
    uc = 1  # how many fallback characters follow a \uN
    fallback = 0  # how many are still to skip
    ignorable = False  # the last token was "\*": the group it starts may be skipped
    first_in_group = False
    for m in _TOKEN.finditer(rtf):
        word, number, hex_code, symbol, brace, text = m.groups()
        if brace:
            if brace == "{":
                stack.append((skipping, uc))
                first_in_group = True
            elif stack:
                skipping, uc = stack.pop()
            fallback = 0
            ignorable = False
            continue
        starts_group, first_in_group = first_in_group, False
        if word:
            if starts_group and (word in _SKIPPED or ignorable):
                skipping = True
            ignorable = False
            if word == "uc" and number is not None:
                uc = int(number)
            elif skipping:
                continue
            elif word == "u" and number is not None:
                code = int(number) % 65536  # (a negative N is a character above 32767 written signed)
                out.append(chr(code))
                fallback = uc
            elif word in _CHARACTERS:
                out.append(_CHARACTERS[word])
                fallback = 0
            continue
        if symbol:
            if symbol == "*":
                ignorable = starts_group
                first_in_group = starts_group  # ("{\*\listtable ...}": the word after "\*" names the group)
                continue
            if not skipping:
                out.append(_SYMBOLS.get(symbol, ""))
            continue
        if hex_code:
            if fallback:
                fallback -= 1
            elif not skipping:
                out.append(bytes([int(hex_code, 16)]).decode(codec, errors="replace"))
            continue
        if text and not skipping:
            if fallback:
                skip = min(fallback, len(text))
                text, fallback = text[skip:], fallback - skip
            out.append(text)
    return "".join(out)
