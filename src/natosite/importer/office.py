"""The text of a Word (.docx) or OpenDocument (.odt) file, read with the standard library.

Both are ZIP archives holding the document as XML: ``word/document.xml`` (paragraphs ``w:p`` of runs ``w:t``, tabs
``w:tab``, line breaks ``w:br``, table cells ``w:tc``) and ``content.xml`` (paragraphs and headings ``text:p``/
``text:h``, ``text:tab``, ``text:line-break``, ``text:s`` for spaces). The reader keeps one paragraph a line, a table's
row as its cells parted by tabs (what ``clean`` reads as "Label: value"), a list item with a bullet, and leaves out
headers, footers and everything else. Hostile archives are refused, never followed: no file is written, and the XML
parser (``xml.etree``) expands no external entity.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

__all__ = ["OfficeError", "office_text"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_MAX_XML = 20_000_000  # bytes of a document's XML read at most (a "ZIP bomb" is refused)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)


class OfficeError(ValueError):
    """The archive is no Word or OpenDocument text this reader can read."""


def office_text(data: bytes) -> tuple[str, str]:
    """(text, kind) of a .docx or .odt file's bytes; raise OfficeError for any other archive or a broken one."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "word/document.xml" in names:
            return _docx(_read(archive, "word/document.xml")), "Word document (.docx)"
        if "content.xml" in names:
            return _odt(_read(archive, "content.xml")), "OpenDocument text (.odt)"
    except OfficeError:
        raise
    except Exception as error:  # noqa: BLE001 - a hostile archive (bad ZIP, unknown compression, broken XML): refused
        raise OfficeError(f"a ZIP archive or Office document that cannot be read ({error.__class__.__name__})") from None
    raise OfficeError("a ZIP archive that is no Word or OpenDocument text")


def _read(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    info = archive.getinfo(name)
    if info.file_size > _MAX_XML:
        raise OfficeError("an Office document too large to read")
    xml = archive.read(info)
    if _DOCTYPE.search(xml, 0, 4096):
        raise OfficeError("an Office document with a DOCTYPE (not read)")
    return ElementTree.fromstring(xml)


def _docx(root: ElementTree.Element) -> str:
    body = root.find(f"{_W}body")
    lines: list[str] = []
    for block in body if body is not None else ():
        if block.tag == f"{_W}p":
            lines.append(_docx_paragraph(block))
        elif block.tag == f"{_W}tbl":
            for row in block.iter(f"{_W}tr"):
                cells = [" ".join(_docx_paragraph(p) for p in cell.iter(f"{_W}p")).strip() for cell in row.iter(f"{_W}tc")]
                lines.append("\t".join(cells))
            lines.append("")
        elif block.tag == f"{_W}sdt":  # a content control (a template's cover block, a form field): its paragraphs
            lines.extend(_docx_paragraph(p) for p in block.iter(f"{_W}p"))
    return "\n".join(lines)


def _docx_paragraph(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    numbered = paragraph.find(f"{_W}pPr/{_W}numPr") is not None
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    text = "".join(parts)
    return f"- {text}" if numbered and text.strip() else text


def _odt(root: ElementTree.Element) -> str:
    in_cells = {node for cell in root.iter(f"{_TABLE}table-cell") for node in cell.iter()}
    lines: list[str] = []
    for node in root.iter():
        if node.tag in (f"{_TEXT}p", f"{_TEXT}h") and node not in in_cells:
            lines.append(_odt_text(node))
        elif node.tag == f"{_TABLE}table-row":
            cells = [" ".join(_odt_text(p) for p in cell.iter(f"{_TEXT}p")).strip()
                     for cell in node.iter(f"{_TABLE}table-cell")]
            lines.append("\t".join(cells))
    return "\n".join(lines)


def _odt_text(node: ElementTree.Element) -> str:
    parts: list[str] = [node.text or ""]
    for child in node:
        if child.tag == f"{_TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif child.tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1")))
        else:
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
