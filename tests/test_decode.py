"""Tests of natosite.importer.decode: bytes of a raw posting -> clean text."""

from __future__ import annotations

import html as html_module

import codecs
import json
import plistlib
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natosite.importer.decode import DecodeError, Decoded, decode, html_to_text, looks_like_html

SEEDS = sorted((Path(__file__).resolve().parent.parent / "raw").glob("*.txt"))
FRENCH = "Date limite : 15 février 2026, à 23h59 — Déléguée, « Bruxelles » ; NATO’s coût 5 €"


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (FRENCH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "utf-8-sig"),
        (FRENCH.encode("utf-16"), "utf-16"),  # with BOM, native order
        (codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF16_LE + FRENCH.encode("utf-16-le"), "utf-16"),
        (FRENCH.encode("utf-16-le"), "utf-16-le"),  # no BOM: NUL in every other byte
        (FRENCH.encode("utf-16-be"), "utf-16-be"),
        (FRENCH.encode("utf-32"), "utf-32"),
        (FRENCH.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    result = decode(data)
    assert result.text == FRENCH + "\n"
    assert result.encoding == encoding
    assert "\ufffd" not in result.text


def test_utf8_has_no_warning() -> None:
    assert decode("Grade: G15 – Brussels".encode()).warnings == ()


def test_cp1252_is_reported() -> None:
    result = decode("Déléguée’s".encode("cp1252"))
    assert result.text == "Déléguée’s\n"
    assert result.warnings == ("decoded as Windows-1252 (not UTF-8)",)


def test_latin1_when_cp1252_cannot_decode() -> None:
    # 0x81 is undefined in Windows-1252, so only Latin-1 reads these bytes.
    result = decode(b"caf\xe9 \x81ok")
    assert result.encoding == "latin-1"
    assert result.text.startswith("café ")
    assert "decoded as Latin-1 (not UTF-8)" in result.warnings


def test_valid_utf8_wins_over_cp1252() -> None:
    # "Ã©" is also valid Windows-1252; UTF-8 must be chosen because the bytes are valid UTF-8.
    assert decode("é à ü ł ż".encode()).text == "é à ü ł ż\n"


def test_declared_html_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1250"></head><body><p>Bydgoszcz łódź</p></body></html>'
    result = decode(page.encode("cp1250"))
    assert result.encoding == "cp1250"
    assert "Bydgoszcz łódź" in result.text


def test_polish_windows_1250_is_recognised() -> None:
    text = "Termin składania: 15 lutego 2026 r. Kandydaci muszą posiadać wykształcenie wyższe; Łódź, może."
    result = decode(text.encode("cp1250"))
    assert (result.text, result.encoding) == (text + "\n", "cp1250")
    assert result.warnings == ("decoded as Windows-1250 (Central European, not UTF-8)",)


@pytest.mark.parametrize("text", ["¿Qué pasa? cœur £5 m³ 2³ façade", "Größe Übersetzung Straße März naïve"])
def test_western_windows_1252_is_not_mistaken_for_1250(text: str) -> None:
    result = decode(text.encode("cp1252"))
    assert (result.text, result.encoding) == (text + "\n", "cp1252")


def test_utf8_with_a_stray_windows_1252_byte_keeps_both() -> None:
    result = decode("café déléguée ".encode() + b"NATO\x92s")
    assert result.text == "café déléguée NATO’s\n"
    assert "\ufffd" not in result.text


def test_utf8_bom_on_windows_1252_bytes() -> None:
    result = decode(codecs.BOM_UTF8 + "Déléguée NATO’s".encode("cp1252"))
    assert (result.text, result.encoding) == ("Déléguée NATO’s\n", "cp1252")


def test_declared_latin1_means_windows_1252_like_browsers() -> None:
    page = (b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            b"</head><body><p>NATO\x92s caf\xe9</p></body></html>")
    result = decode(page)
    assert (result.text, result.encoding) == ("NATO’s café\n", "cp1252")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CafÃ©", "Café"),
        ("NATOâ€™s", "NATO’s"),
        ("dÃ©lÃ©guÃ©e", "déléguée"),
        ("Ã\xa0 Bruxelles", "à Bruxelles"),
        ("WÅ‚ochy", "Włochy"),
        ("â€œquotedâ€\x9d", "“quoted”"),
    ],
)
def test_double_encoded_utf8_is_repaired(text: str, expected: str) -> None:
    result = decode(text.encode("utf-8"))
    assert result.text == expected + "\n"
    assert any("double-encoded" in w for w in result.warnings)


def test_utf8_read_as_windows_1250_is_repaired() -> None:
    # a Hungarian board's page: its UTF-8 shown as Windows-1250 ("Ă©" for "é", "Ĺ‘" for "ő"), then saved as UTF-8
    mangled = "Fizetések: bruttó 3 200 000 Ft/hó – Főoldal › Brüsszel, NATO’s “IMS”".encode("utf-8").decode("cp1250")
    result = decode(mangled.encode("utf-8"))
    assert result.text == "Fizetések: bruttó 3 200 000 Ft/hó – Főoldal › Brüsszel, NATO’s “IMS”\n"
    assert any("Windows-1250" in w for w in result.warnings)


@pytest.mark.parametrize("text", ["Přihláška do 15. ledna, Čeština", "ROMÂNIA ĂŞ", "Ăšo", "Ĺaďa"])
def test_central_european_text_is_not_repaired(text: str) -> None:
    assert decode(text.encode()).text == text + "\n"


@pytest.mark.parametrize("text", ["SOCIÉTÉ–NATO", "Ålesund", "Äpfel", "Â propos", "1 °C", "NATO’s"])
def test_legitimate_accents_are_not_repaired(text: str) -> None:
    assert decode(text.encode()).text == text + "\n"


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \r\n\t\n  ", "empty file"),
        ("\u00a0\u200b\n".encode(), "empty file"),
        (codecs.BOM_UTF8, "empty file"),
        (b"\x00\x01\x02\x03binary\x00\x00\xff\xfe\x00", "binary file (NUL bytes), not text"),
        (b"000\x00", "binary file (NUL bytes), not text"),  # too few NULs for UTF-16
        (b"text\x00with one NUL", "binary file (NUL bytes), not text"),
        (b"x\0\1\2", "binary file (NUL bytes), not text"),  # tiny binary: not UTF-16
        (b"x\0\1\0", "binary file (NUL bytes), not text"),  # UTF-16's NUL pattern, but "\x01" is no text
        (b"\1\0\2\0\3\0", "binary file (NUL bytes), not text"),
        (bytes(range(1, 9)) * 50 + b"text", "binary file (control characters), not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF file, not text (copy the posting's text out of it)"),
        (b"PK\x03\x04\x14\x00", "a ZIP archive or Office document that cannot be read (BadZipFile), not text (save "
                                  "the posting as plain text)"),
        (b"\x89PNG\r\n\x1a\n", "PNG image, not text"),
        (b"<html><body><script>x()</script></body></html>", "no text after removing HTML"),
    ],
)
def test_refused_inputs_have_one_line_reasons(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert str(info.value) == reason
    assert isinstance(info.value, ValueError)


def test_utf16_without_bom_is_still_read() -> None:
    assert decode("Grade: G15\tFull-time\n".encode("utf-16-le")).text == "Grade: G15\tFull-time\n"
    assert decode("Brüssel".encode("utf-16-be")).encoding == "utf-16-be"


def test_a_few_control_characters_are_dropped_not_refused() -> None:
    result = decode(b"Grade\x07 G15\x1b\nok")
    assert result.text == "Grade G15\nok\n"
    assert result.warnings == ("removed 2 control character(s)",)


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("a\u2028b\u2029c\x85d", "a b\nc\nd\n"),
        ("15\u00a0Feb\u202f2026\u2009CET", "15 Feb 2026 CET\n"),
        ("a\tb\u3000c\u2003d", "a\tb c d\n"),  # a tab separates cells: kept for clean
        ("cell\tcell\t\nnext", "cell\tcell\nnext\n"),
        ("re\u00adcruit\u200bment\u200d\ufeff\u2060x", "recruitmentx\n"),
        ("\ufeffBOM inside", "BOM inside\n"),
        ("trailing   \nspaces \t\n", "trailing\nspaces\n"),
        ("a\n\n\n\n\nb", "a\n\nb\n"),
        ("a\n\nb", "a\n\nb\n"),
        ("a\n \n \n \nb", "a\n\nb\n"),
        ("\n\n\nfirst\n\n\n", "first\n"),
        ("  indented kept", "  indented kept\n"),
        ("e\u0301te\u0301", "été\n"),  # decomposed accents -> NFC
        ("\u200eRTL\u200f marks", "RTL marks\n"),
    ],
)
def test_normalisation(text: str, expected: str) -> None:
    assert decode(text.encode("utf-8")).text == expected


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seeds_decode_cleanly(seed: Path) -> None:
    result = decode(seed.read_bytes())
    assert result.encoding == "utf-8"
    assert "\r" not in result.text and "\u00a0" not in result.text and "\ufffd" not in result.text
    assert "\n\n\n" not in result.text and " \n" not in result.text
    assert result.text.endswith("\n") and not result.text.endswith("\n\n")


def test_seed_with_crlf_and_nbsp_matches_the_plain_seed() -> None:
    seed = SEEDS[0].read_bytes()
    dirty = seed.replace(b"\n", b"  \r\n").replace(b" ", "\u00a0".encode())
    assert decode(dirty).text == decode(seed).text



# ---------------------------------------------------------------- HTML


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("<html lang='en'>x", True),
        ("  <!-- saved -->\n<!doctype HTML>\n<p>x", True),
        ("<div><p>Deadline</p><p>15 Feb</p><br></div>", True),
        ("<p>a</p>", False),
        ("plain text with a < b and c > d", False),
        ("Salary <EUR> 5,000 <net>", False),
        ("", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>one</p><p>two</p>", "one\n\ntwo"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("a<br><br>b", "a\n\nb"),
        ("<ul><li>x</li><li>y</li></ul>", "- x\n- y"),
        ("<ol><li>x<li>y</ol>", "- x\n- y"),  # unclosed <li>
        ("<ul><li><p>one</p></li><li><div>two</div></li><li></li><li>three</li></ul>", "- one\n- two\n- three"),
        ("<p>Intro</p><ul><li>a<ul><li>b</li></ul></li></ul><p>after</p>", "Intro\n\n- a\n- b\n\nafter"),
        ("<li><b>bold</b> item</li><li>  spaced  </li>", "- bold item\n- spaced"),
        ("<dl><dt>Grade</dt><dd>G15</dd></dl>", "Grade\nG15"),
        ("text<h2>SUMMARY</h2>more", "text\n\nSUMMARY\n\nmore"),
        ("<div>a</div><div>b</div>", "a\nb"),
        ("<section>a</section><article>b</article><header>c</header>", "a\nb\nc"),
        ("<table><tr><td>Grade</td><td>G15</td></tr><tr><th>Ref</th><td>250875</td></tr></table>",
         "Grade  G15\nRef  250875"),
        ("A &amp; B &lt;x&gt; &nbsp;C &#8217; &#x2019; &eacute; &euro;", "A & B <x> \u00a0C ’ ’ é €"),
        ("<p>a\n   b\t\tc</p>", "a b c"),
        ("<b>Grade</b>: <i>G15</i>", "Grade: G15"),
        # a label and its value in elements of their own: set apart like table cells (clean reads "label: value")
        ("<span>Application Deadline</span><span>14-Dec-2025</span>", "Application Deadline  14-Dec-2025"),
        ("<label>Grade</label><span>G15</span>", "Grade  G15"),
        ("<div><span>Location</span> <span>Mons, Belgium</span></div>", "Location  Mons, Belgium"),
        ("<p><strong>Salary</strong> is paid monthly.</p>", "Salary is paid monthly."),  # value not its own element
        ("<p><span>Officer</span> <span>Mons</span></p>", "Officer Mons"),  # "Officer" is no label
        ("<span>Budget</span><span>Officer</span>", "Budget Officer"),
        ("<span>Salary:</span><span>6,467.30</span>", "Salary:  6,467.30"),
        ("caf&eacute; NATO&rsquo;s", "café NATO’s"),
        ("<script>alert('<p>x</p>')</script>kept", "kept"),
        ("<style>p { color: red }</style>kept", "kept"),
        ("<noscript>Enable JS</noscript>kept", "kept"),
        ("<template><p>t</p></template>kept", "kept"),
        ("<svg><text>logo</text><g><text>x</text></g></svg>kept", "kept"),
        ("<svg/>kept", "kept"),
        ("<head><title>T</title><meta x></head><body>kept</body>", "kept"),
        ("<head><title>T</title><body>kept", "kept"),  # unclosed head ends at <body>
        ("a<!-- comment <p>x</p> -->b", "ab"),
        ("<pre>  a\n    b</pre>", "  a\n    b"),
        ("<img alt='NATO logo'> text", "NATO logo text"),
        ("<p>unclosed <b>bold <i>it</p>next", "unclosed bold it\n\nnext"),
        ("</div></p></li>stray end tags", "stray end tags"),
        ("<p <p>>broken</p>", ">broken"),
        ("<a href='https://x'>Apply</a> now", "Apply now"),
        ("<<<>>> <p>x", "<<<>>>\n\nx"),
    ],
)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


def test_html_page_is_decoded_to_text() -> None:
    page = (
        "<!DOCTYPE html><html><head><script>var x;</script></head><body>"
        "<h1>Senior&nbsp;Assistant</h1><p>Deadline: 15 Feb 2026</p>"
        "<ul><li>degree</li><li>English</li></ul></body></html>"
    )
    result = decode(page.encode())
    assert result.text == "Senior Assistant\n\nDeadline: 15 Feb 2026\n\n- degree\n- English\n"
    assert result.warnings == ("converted from HTML",)


# ---------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_raises_anything_but_decode_error(data: bytes) -> None:
    try:
        result = decode(data)
    except DecodeError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(result, Decoded)
    assert result.text.endswith("\n") and "\r" not in result.text and "\n\n\n" not in result.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_any_text_round_trips_without_loss_of_letters(text: str) -> None:
    try:
        result = decode(text.encode("utf-8", "surrogatepass"))
    except DecodeError:
        return
    assert "\r" not in result.text and "\t\n" not in result.text and " \n" not in result.text
    repaired = any("double-encoded" in w for w in result.warnings)
    if not looks_like_html(text) and not repaired:
        letters = [ch for ch in text if ch.isalnum()]
        expected = unicodedata.normalize("NFC", "".join(letters))
        # (a PDF's ligatures "ﬁ", "ﬂ" ... become their letters)
        expected = "".join(unicodedata.normalize("NFKC", ch) if "\ufb00" <= ch <= "\ufb06" else ch for ch in expected)
        assert [ch for ch in result.text if ch.isalnum()] == [ch for ch in expected if ch.isalnum()]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/!-&;#abcdeilmnoprstuvx =\"'\n")), max_size=400))
def test_html_to_text_never_raises_on_tag_soup(html: str) -> None:
    assert isinstance(html_to_text(html), str)


def test_markdown_notes_with_a_few_inline_tags_stay_plain_text() -> None:
    notes = ("# Notes\n\n**Post title:** Flight Instructor<br>\n**Grade:** A2/A3<br>\n**Reference:** N-27<br>\n"
             + "".join(f"- line {i} of my notes\n" for i in range(12)) + "2. update CV <b>before</b> 10 April!\n")
    assert not looks_like_html(notes)
    text = decode(notes.encode()).text
    assert "**Post title:** Flight Instructor\n**Grade:** A2/A3\n" in text  # the "<br>" ending a line goes
    assert "<b>before</b>" in text  # (a tag inside a line stays: it is escaped as text later)
    assert looks_like_html("<b>Title</b><br>\n<b>Grade</b>: G15<br>\n<b>Ref</b>: 1<br>\n")  # tags on every line


def test_a_fragment_with_block_tags_is_html() -> None:
    assert looks_like_html("Intro\n<p>Officer</p>\nmore\ntext\nhere\n<br><br><b>x</b>\n")


def test_hungarian_iso_8859_2_is_read_as_such() -> None:
    """ "ő"/"ű" are 0xF5/0xFB in ISO-8859-2 (and Windows-1250); read as Windows-1252 they were "õ"/"û"."""
    text = ("Főoldal Állások Cégek. Jelentkezési határidő: 2027. március 15. Munkarend: Teljes munkaidő. "
            "Fizetés: havi bruttó bér, jelentkező, műszak, hűség.\n")
    result = decode(text.encode("iso8859_2"))
    assert result.text == text and result.encoding == "iso8859-2"


@pytest.mark.parametrize(
    "text",
    ["Informações e condições: põe, compõe, ações, operações, você, não é, já está", "Kõik kandidaadid, või, sõltumatu, "
     "õpihimuline, tõsi, kõrge", "Le coût du goût sûr, dû en août, à côté de l'été; énergie, décidé"],
)
def test_portuguese_estonian_and_french_windows_1252_stay_windows_1252(text: str) -> None:
    result = decode(text.encode("cp1252"))
    assert result.text.rstrip("\n") == text and result.encoding == "cp1252"


def test_slovak_and_czech_windows_1250_with_bytes_windows_1252_lacks() -> None:
    """0x9D ("ť") is undefined in Windows-1252: the file was read as Latin-1, which turned "č" into "è" and
    dropped "ť"; "ľ" read as Windows-1252 is a "¾" glued to letters."""
    text = "Prihlásiť sa. Informačné technológie; Ťažké úlohy, ľudí, Základná zložka mzdy, Uzávierka: 15. januára 2027."
    result = decode(text.encode("cp1250"))
    assert (result.text, result.encoding) == (text + "\n", "cp1250")
    without_t = "Informačné technológie, ľudia, ľahko, veľký, Bratislava; Základná zložka mzdy, uzávierka."
    assert decode(without_t.encode("cp1250")).text == without_t + "\n"


@pytest.mark.parametrize(
    "text, codec",
    [("Краен срок за кандидатстване: 15 януари 2027 г. Длъжност: Анализатор. Организация: НАТО. "
      "Местоположение: Брюксел, Белгия.", "cp1251"),
     ("Рок за аплицирање: 15 јануари 2027. Позиција: Аналитичар во НАТО. Локација: Брисел, Белгија.", "cp1251"),
     ("Προθεσμία: 15 Ιανουαρίου 2027. Θέση: Αναλυτής στον οργανισμό ΝΑΤΟ. Τοποθεσία: Βρυξέλλες, Βέλγιο.", "cp1253")],
)
def test_cyrillic_and_greek_code_pages_are_not_read_as_latin(text: str, codec: str) -> None:
    result = decode(text.encode(codec))
    assert (result.text, result.encoding) == (text + "\n", codec)


def test_a_saved_news_feed_gives_its_first_items_title_and_html() -> None:
    feed = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>NATO IS - Job Search</title>\n'
        "<item><title>Officer (Capability Delivery) - 261502</title><guid>261502</guid>\n"
        "<description>&lt;p&gt;&lt;b&gt;Primary Location&lt;/b&gt;: Belgium-Brussels&lt;br/&gt;&lt;b&gt;Grade"
        "&lt;/b&gt;: NATO Grade G15&lt;/p&gt;&lt;p&gt;NATO&amp;#8217;s &amp;lt;b&amp;gt; text&lt;/p&gt;</description>"
        "</item>\n<item><title>Other</title><description><![CDATA[<p>Second</p>]]></description></item></channel></rss>"
    )
    result = decode(feed.encode())
    assert result.text == (
        "Officer (Capability Delivery) - 261502\n\nPrimary Location: Belgium-Brussels\nGrade: NATO Grade G15\n\n"
        "NATO’s <b> text\n"
    )
    assert "a feed of 2 items: only the first one is imported" in result.warnings
    atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Clerk</title><content type="html">' \
           "<![CDATA[<p>Grade: G5</p>]]></content></entry></feed>"
    assert decode(atom.encode()).text == "Clerk\n\nGrade: G5\n"
    styled = atom.replace("<feed", '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>\n<feed', 1)
    assert decode(styled.encode()).text == "Clerk\n\nGrade: G5\n"  # (a feed styled for browsers)


def test_mac_roman_and_iso_8859_15_are_not_read_as_windows_1252() -> None:
    mac = "L’équipe “NATO” – 6 120,35 € par mois, déjà"
    assert (decode(mac.encode("mac_roman")).text, decode(mac.encode("mac_roman")).encoding) == (mac + "\n", "mac_roman")
    latin9 = "Le salaire : 6 120,35 € par mois, déjà une œuvre."
    result = decode(latin9.encode("iso8859_15"))
    assert (result.text, result.encoding) == (latin9 + "\n", "iso8859-15")


def test_a_saved_email_message_is_read_through_its_mime_encodings() -> None:
    message = (
        b"Received: by 2002:a05:7000 with SMTP\r\nFrom: NCIA Careers <no-reply@careers.ncia.nato.int>\r\n"
        b"Subject: =?UTF-8?Q?Job_alert_=E2=80=93_Architect?=\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\n'
        b"Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        b"Monthly basic salary: =E2=82=AC9,024.37 (net of national income tax), plus =\r\nallowances\r\n"
        b"--b1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"PHA+SFRNTDwvcD4=\r\n--b1--\r\n"
    )
    result = decode(message)
    assert result.text == "Monthly basic salary: €9,024.37 (net of national income tax), plus allowances\n"
    assert "read the text of an e-mail message (.eml)" in result.warnings


def test_struck_through_html_is_left_out_but_an_unclosed_strike_ends_with_its_block() -> None:
    page = (b"<html><body><p>Closing date: <del>15 January 2027</del> <ins>29 January 2027</ins></p>"
            b"<p>Grade <s>G8 never closed</p><p>Next paragraph stays.</p></body></html>")
    assert decode(page).text == "Closing date:  29 January 2027\n\nGrade\n\nNext paragraph stays.\n"  # (spaces: clean)


@pytest.mark.parametrize(
    "text, codec",
    [("Finanšu analītiķis, Beļģija, Rīga, sludinājumi, darba pieredze, žurnāls", "cp1257"),  # Latvian
     ("Þetta er starf í Reykjavík. Umsóknarfrestur er liðinn, við þökkum þér. Það verður að vera góð", "cp1252"),
     ("Le château, l'île, ça, sûr, âge, fête, forêt", "cp1252")],
)
def test_baltic_windows_1257_is_told_from_icelandic_and_french_windows_1252(text: str, codec: str) -> None:
    result = decode(text.encode(codec))
    assert (result.text, result.encoding) == (text + "\n", codec)


def test_a_pdfs_ligatures_become_their_letters() -> None:
    text = decode("technical speciﬁcations, workﬂow, oﬃce and staﬀ".encode("utf-8")).text
    assert text == "technical specifications, workflow, office and staff\n"


def _alternative_mail(plain: bytes, html: bytes) -> bytes:
    import base64

    return (
        b"From: STO <digest@sto.nato.int>\r\nSubject: STO Monthly Digest\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\n'
        b"Content-Type: text/plain; charset=UTF-8\r\n\r\n" + plain + b"\r\n"
        b"--b1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + base64.encodebytes(html) + b"--b1--\r\n"
    )


def test_a_newsletter_whose_plain_part_is_a_stub_is_read_from_its_html_part() -> None:
    notice = "".join(f"<p>Paragraph {i} of the vacancy notice, with the facts a person needs.</p>" for i in range(12))
    stub = b"Your e-mail program cannot display this newsletter as HTML.\r\nView it online: https://sto.nato.int/n"
    result = decode(_alternative_mail(stub, f"<html><body>{notice}</body></html>".encode()))
    assert "Paragraph 11 of the vacancy notice" in result.text
    assert "cannot display" not in result.text
    # a plain part with the message's text is still the one read, even beside a longer HTML part
    plain = "\r\n".join(f"Paragraph {i} of the vacancy notice, with the facts a person needs." for i in range(12))
    result = decode(_alternative_mail(plain.encode(), f"<html><body>{notice}<p>Footer</p></body></html>".encode()))
    assert "Footer" not in result.text and "Paragraph 11" in result.text


def test_an_mhtml_page_whose_part_names_no_charset_is_read_as_utf8() -> None:
    page = (
        b'From: <Saved by Blink>\r\nSubject: Budget Officer\r\nMIME-Version: 1.0\r\n'
        b'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--x"\r\n\r\n'
        b"------MultipartBoundary--x\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://jobs.example/1\r\n\r\n"
        b'<html><head><meta charset=3D"utf-8"></head><body><p>five (5) years=E2=80=99 experience =E2=80=93 =\r\n'
        b"=E2=82=AC 6,120.35</p></body></html>\r\n------MultipartBoundary--x--\r\n"
    )
    assert decode(page).text == "five (5) years’ experience – € 6,120.35\n"


@pytest.mark.parametrize("text, western", [
    # Czech: by its letters inside words; beside Italian in Windows-1252
    ("Nabídka platí do 31. 3. 2027. Kalkulačka mezd, Zveřejněno, měsíc, vzdělání, Přihlásit se.",
     "Così è più facile: lunedì e martedì, però più tardi; perché no? Così sia, più o meno."),
    # Slovenian: by its c with caron; beside French in Windows-1252
    ("Za določen čas. Plača po dogovoru, računalniška znanja, moč, pričakujemo, delovno mesto, več.",
     "Le problème de la crème: très cher, après le père, la mère, la fièvre, le système."),
])
def test_central_european_windows_1250_is_recognised(text: str, western: str) -> None:
    result = decode(text.encode("cp1250"))
    assert (result.text, result.encoding) == (text + "\n", "cp1250")
    assert decode(western.encode("cp1252")).encoding == "cp1252"


def test_a_json_export_is_read_as_its_texts_with_a_chat_apps_markup_undone() -> None:
    export = (
        '# export: nato-jobs-watch / #vacancies\n[{"type": "message", "user": "U02HB5N8XQ1", "ts": "1801556040.3",'
        ' "text": "Saw this :sweat_smile: <@U03QJ7K2M9P> look\\n\\n*Senior Engineer, Autonomous Systems*\\n'
        '*Closing date:* <!date^1805151540^{date_long} at {time}|15 March 2027, 23:59 (La Spezia local time)>\\n'
        'Apply: <https://cmre.nato.int/jobs|the CMRE site> &amp; R&amp;D",'
        ' "attachments": [{"title": "Careers \\u2013 Current vacancies", "text": "<p>Ship\\u2019s <b>Engineer</b></p>"}]}]'
    )
    result = decode(export.encode())
    assert result.text == (
        "Saw this look\n\nSenior Engineer, Autonomous Systems\nClosing date: 15 March 2027, 23:59 (La Spezia local time)\n"
        "Apply: the CMRE site & R&D\n\nCareers – Current vacancies\n\nShip’s Engineer\n"
    )
    assert "read the texts of a JSON file" in result.warnings
    assert decode(b'[1, 2, 3]').text == "[1, 2, 3]\n"  # no text in it: the file as it is
    assert decode(b"[Job alert] Senior Engineer\nGrade: G17").text == "[Job alert] Senior Engineer\nGrade: G17\n"


def test_a_notes_apps_soft_line_break_is_a_space_but_before_a_field_a_line_break() -> None:
    text = ("The Joint Warfare Centre is NATO’s premier\u2028training establishment.\n\nGrade: G12\u2028Post number: JWC TSC "
            "0210\u2028Salary: NOK 56,402.38 basic monthly,\u2028tax-free\u2028Closing date: 5 April\u20282027, 23:59\n"
            "•\tAsk about shift work +\u2028exercise weeks\u2028• Interview in May")
    assert decode(text.encode()).text == (
        "The Joint Warfare Centre is NATO’s premier training establishment.\n\nGrade: G12\nPost number: JWC TSC 0210\n"
        "Salary: NOK 56,402.38 basic monthly, tax-free\nClosing date: 5 April 2027, 23:59\n"
        "•\tAsk about shift work + exercise weeks\n• Interview in May\n"
    )


def test_an_rtf_document_is_read_as_its_text() -> None:
    rtf = (r"{\rtf1\ansi\ansicpg1252\cocoartf2761{\fonttbl\f0\fswiss\fcharset0 Helvetica;}{\colortbl;\red255\green255\blue255;}"
           r"{\*\expandedcolortbl;;}{\*\listtable{\list\listtemplateid1{\listlevel{\leveltext\'01\uc0\u8226 ;}}}}"
           "\n" r"\pard\f0\fs22 Saltar para o conte\'fado principal\par" "\n"
           r"{\b Joint Analysis Officer}\par Closing date\tab 12 March 2027\par" "\n"
           r"NATO\uc0\u8217 s centre \u8211  Lisbon, {\i Portugal}\line Grade G17 \{A-5\}\par}")
    result = decode(rtf.encode("ascii"))
    assert result.text == ("Saltar para o conteúdo principal\nJoint Analysis Officer\nClosing date\t12 March 2027\n"
                           "NATO’s centre – Lisbon, Portugal\nGrade G17 {A-5}\n")
    assert "read the text of an RTF document" in result.warnings
    # a \uN's fallback character is skipped
    assert decode(rb"{\rtf1\ansi\uc1 caf\u233\'e9 na\u239?ve}").text == "café naïve\n"


def test_an_evernote_export_is_read_as_its_notes_html() -> None:
    enex = ('<?xml version="1.0" encoding="UTF-8"?>\n<en-export><note><title>NSHQ budget job</title><content>'
            '<![CDATA[<?xml version="1.0"?><en-note><div>Budget Analyst</div><div>Grade: G14</div></en-note>]]></content>'
            '<resource><data encoding="base64">iVBORw0KGgo=</data></resource></note></en-export>')
    result = decode(enex.encode())
    assert result.text == "NSHQ budget job\n\nBudget Analyst\nGrade: G14\n"


_MESSAGE = (b"Return-Path: <a@b.example>\nDate: Mon, 11 Jan 2027 09:12:28 +0100\nFrom: Alerts <a@b.example>\n"
            b"Subject: Job\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
            b"Content-Transfer-Encoding: quoted-printable\n\n")


def test_messages_stored_in_an_mbox_an_emlx_or_a_copied_show_original_page() -> None:
    first = _MESSAGE + b"A short alert: Engineer (G16).\n"
    second = _MESSAGE + b"The posting forwarded in full: Movement Planner, Ulm, G15, basic salary 6 221,37 =E2=82=AC.\n" \
        b">From the text: nothing lost.\n"
    mbox = b"From - Mon Jan 11 09:12:33 2027\n" + first + b"\nFrom - Wed Jan 13 18:40:02 2027\n" + second
    result = decode(mbox)
    assert result.text == ("The posting forwarded in full: Movement Planner, Ulm, G15, basic salary 6 221,37 €.\n"
                           "From the text: nothing lost.\n")
    assert "a mail folder (mbox) of 2 messages: the longest one is imported" in result.warnings
    emlx = b"       402\n" + first + b'<?xml version="1.0"?>\n<plist version="1.0"><dict></dict></plist>\n'
    assert decode(emlx).text.startswith("A short alert: Engineer (G16).")
    gmail = (b"Original Message\nMessage ID\t<1@b.example>\nCreated at:\tMon, Jan 11, 2027\nDownload Original\t"
             b"Copy to clipboard\n" + first.replace(b"Return-Path", b"Delivered-To", 1))
    assert decode(gmail).text == "A short alert: Engineer (G16).\n"


def test_a_telegram_exports_text_runs_are_one_text_and_its_metadata_is_left_out() -> None:
    export = ('{"name": "Emplois Défense & OTAN", "type": "public_channel", "messages": [{"id": 1, "from": "Emplois '
              'Défense & OTAN", "date": "2027-01-12T18:03:44", "text": ["Nouvelle offre: ", {"type": "bold", "text": '
              '"Airworthiness Engineer"}, " (G15)\\nDesirable: Italian"], "text_entities": [{"type": "plain", "text": '
              '"Nouvelle offre: "}]}]}')
    assert decode(export.encode()).text == "Nouvelle offre: Airworthiness Engineer (G15)\nDesirable: Italian\n"


@given(st.text(alphabet="{}\\'*uabcpar019-? \n", max_size=80))
@settings(max_examples=300, deadline=None)
def test_any_rtf_like_text_never_crashes_the_reader(body: str) -> None:
    from natosite.importer.rtf import rtf_to_text

    assert isinstance(rtf_to_text("{\\rtf1\\ansi " + body), str)


def test_unicodes_hyphens_are_hyphens() -> None:
    assert decode("Grade: NATO G\u201114, well\u2010known".encode()).text == "Grade: NATO G-14, well-known\n"


def _zip(files: dict[str, str]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_word_document_is_read_as_its_paragraphs_and_table_rows() -> None:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = (f'<?xml version="1.0"?><w:document {w}><w:body>'
                '<w:p><w:r><w:t>CIVILIAN VACANCY NOTICE</w:t></w:r></w:p>'
                '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Grade:</w:t></w:r></w:p></w:tc>'
                '<w:tc><w:p><w:r><w:t>B-4/G-10</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
                '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">screen '
                'applications;</w:t></w:r></w:p><w:p><w:r><w:t>Closing date:</w:t><w:tab/><w:t>19 March 2027</w:t>'
                '</w:r></w:p><w:sdt><w:sdtContent><w:p><w:r><w:t>Form field</w:t></w:r></w:p></w:sdtContent></w:sdt>'
                '</w:body></w:document>')
    result = decode(_zip({"[Content_Types].xml": "<Types/>", "word/document.xml": document,
                          "word/footer1.xml": f"<w:ftr {w}><w:p><w:r><w:t>Page 1</w:t></w:r></w:p></w:ftr>"}))
    assert result.text == ("CIVILIAN VACANCY NOTICE\nGrade:\tB-4/G-10\n\n- screen applications;\nClosing date:\t19 March 2027\n"
                           "Form field\n")
    assert result.warnings == ("read the text of a Word document (.docx)",)


def test_an_opendocument_text_is_read_and_other_archives_are_refused() -> None:
    content = ('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>'
               '<text:h>Budget Analyst</text:h><text:p>Grade:<text:tab/>G14<text:line-break/>Two<text:s text:c="2"/>spaces'
               '</text:p><table:table><table:table-row><table:table-cell><text:p>Location</text:p></table:table-cell>'
               '<table:table-cell><text:p>Mons, Belgium</text:p></table:table-cell></table:table-row></table:table>'
               '</office:text></office:body></office:document-content>')
    assert decode(_zip({"content.xml": content, "mimetype": "application/vnd.oasis.opendocument.text"})).text == (
        "Budget Analyst\nGrade:\tG14\nTwo  spaces\nLocation\tMons, Belgium\n")
    with pytest.raises(DecodeError) as info:
        decode(_zip({"photo.jpg": "x"}))
    assert str(info.value) == "a ZIP archive that is no Word or OpenDocument text, not text (save the posting as plain text)"
    with pytest.raises(DecodeError):
        decode(_zip({"word/document.xml": '<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'}))


def test_a_mail_whose_notice_is_an_attached_text_file_is_read_with_its_note() -> None:
    import base64

    notice = "Capability Development Officer (Space)\r\nVacancy Number: 27-022\r\n" + "Duty of the post.\r\n" * 20
    mail = (b"From: Friend <a@b.example>\r\nSubject: the ACT job\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="m"\r\n\r\n--m\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n'
            b"Site was down, so I copied the text out of the PDF.\r\n--m\r\nContent-Type: text/plain\r\n"
            b'Content-Disposition: attachment; filename="notice.txt"\r\nContent-Transfer-Encoding: base64\r\n\r\n'
            + base64.encodebytes(codecs.BOM_UTF16_LE + notice.encode("utf-16-le")) + b"--m--\r\n")
    text = decode(mail).text
    assert text.startswith("Site was down, so I copied the text out of the PDF.\n\nCapability Development Officer (Space)")
    assert "Vacancy Number: 27-022" in text


@given(st.binary(max_size=300))
@settings(max_examples=300, deadline=None)
def test_any_zip_like_bytes_are_read_or_refused_with_a_reason(tail: bytes) -> None:
    try:
        decode(b"PK\x03\x04" + tail)
    except DecodeError as error:
        assert "\n" not in str(error)


def test_an_iframes_own_document_is_read() -> None:
    # a board that shows the employer's posting in an iframe whose document is written in its srcdoc attribute
    inner = "<html><body><h2>Senior Network Engineer</h2><p>Closing date: 31 January 2027</p></body></html>"
    page = ("<!DOCTYPE html><html><body><h1>Network Engineer - NATO</h1>"
            f'<iframe title="Vacaturetekst" srcdoc="{html_module.escape(inner)}"><p>fallback</p></iframe>'
            "<footer>StepStone</footer></body></html>")
    text = decode(page.encode()).text
    assert "Senior Network Engineer\n\nClosing date: 31 January 2027" in text
    assert "fallback" not in text and text.index("Network Engineer - NATO") < text.index("Senior") < text.index("StepStone")


def test_iframes_inside_iframes_stop_at_a_depth() -> None:
    def nested(depth: int) -> str:
        page = "<p>deep text</p>"
        for _ in range(depth):
            page = f'<html><body><iframe srcdoc="{html_module.escape(page)}"></iframe></body></html>'
        return page

    assert html_to_text(nested(3)) == "deep text"
    assert html_to_text(nested(6)) == ""


def _taleo_page(description_shown: str = "") -> str:
    """A Taleo job page saved as "HTML only": its description is in the "initialHistory" field, %-encoded after
    "!*!", and its script writes it into the empty "Description" span."""
    import urllib.parse

    notice = "<p><b>1. SUMMARY</b></p><p>The Archives Assistant keeps the records of the staff.</p><ul><li>files</li></ul>"
    history = f"1!|!270133!|!Assistant+%28Archives%29!|!!*!{urllib.parse.quote(notice)}!|!"
    return ("<html><body><div>Job Description</div>"
            f'<input type="hidden" name="initialHistory" id="initialHistory" value="{html_module.escape(history)}">'
            "<div><span>Assistant (Archives)-270133</span></div>"
            f"<div><span>Description</span>&nbsp;<span>{description_shown}</span></div>"
            "<div><a>Apply Online</a></div></body></html>")


def test_a_taleo_pages_description_kept_only_in_its_history_field_is_read_below_its_label() -> None:
    text = decode(_taleo_page().encode()).text
    assert "1. SUMMARY\n\nThe Archives Assistant keeps the records of the staff.\n\n- files" in text
    assert text.index("Description") < text.index("1. SUMMARY") < text.index("Apply Online")
    assert "!*!" not in text and "%3C" not in text


def test_a_taleo_page_saved_after_its_script_ran_shows_its_description_once() -> None:
    shown = "<p><b>1. SUMMARY</b></p><p>The Archives Assistant keeps the records of the staff.</p>"
    assert decode(_taleo_page(shown).encode()).text.count("keeps the records") == 1


_CALENDAR = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20270305T090000\r\nLOCATION:Home\r\n"
             "SUMMARY:Apply: Technical Editor - closes 12 Mar!\r\n"
             "DESCRIPTION:Note to self: finish the form.\\n\\nVacancy Number: JALLC-27-02\\nPost Title: Technical Edi\r\n"
             " tor\\nLocation: Lisbon\\, Portugal\\nGrade: NATO Gra\r\n de G13\\; full-time\r\n"
             "BEGIN:VALARM\r\nDESCRIPTION:Reminder\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def test_a_calendar_files_description_is_the_text_unfolded_and_unescaped() -> None:
    decoded = decode(_CALENDAR.encode())
    assert decoded.text.strip() == ("Note to self: finish the form.\n\nVacancy Number: JALLC-27-02\nPost Title: Technical "
                                    "Editor\nLocation: Lisbon, Portugal\nGrade: NATO Grade G13; full-time")
    assert any("calendar" in warning for warning in decoded.warnings)


def test_a_calendar_files_html_description_when_it_has_no_plain_one() -> None:
    calendar = ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Reminder\n"
                "X-ALT-DESC;FMTTYPE=text/html:<html><body><p>Post Title: Concept Developer</p><p>Location: Norfolk\\,\n"
                "  Virginia</p></body></html>\nEND:VEVENT\nEND:VCALENDAR\n")
    assert decode(calendar.encode()).text.strip() == "Post Title: Concept Developer\n\nLocation: Norfolk, Virginia"


def test_a_calendar_events_html_description_is_kept_past_its_alarm() -> None:
    calendar = ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nX-ALT-DESC;FMTTYPE=text/html:<p>Post Title: Concept Developer</p>\n"
                "BEGIN:VALARM\nDESCRIPTION:Reminder\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n")
    assert decode(calendar.encode()).text.strip() == "Post Title: Concept Developer"


def test_a_calendar_file_with_no_description_is_read_as_it_is() -> None:
    calendar = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:Interview at SHAPE\nEND:VEVENT\nEND:VCALENDAR\n"
    assert "SUMMARY:Interview at SHAPE" in decode(calendar.encode()).text


def test_a_chinese_windows_code_page_is_read_as_gbk() -> None:
    text = "职达网 - 海外 / 国际组织岗位\n首页 校招 实习 国际组织 企业\n● Salary: basic monthly salary EUR 4,611.72\n北约科学技术组织 发布于三天前 职位有效期"
    decoded = decode(text.encode("gb18030"))
    assert decoded.text.strip() == text and decoded.encoding == "gb18030"


def test_a_western_text_that_would_decode_as_gbk_stays_western() -> None:
    text = "Chargé de mission à la Direction générale, équipe énergie, été 2027. " * 5
    assert decode(text.encode("cp1252")).text.strip() == text.strip()


def test_a_message_forwarded_as_an_attachment_is_read() -> None:
    import base64

    inner = ("From: alerts@example.com\r\nSubject: 4 new jobs\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; "
             "charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
             + base64.encodebytes(("Digital Transformation Systems Engineer\nVacancy: ACT-2027-009\nGrade: G18\n"
                                   + "The post's text. " * 40).encode()).decode())
    outer = ("From: maria@example.com\r\nTo: maria@example.com\r\nSubject: Fwd: alert\r\nMIME-Version: 1.0\r\n"
             "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
             "Forwarding the alert as an attachment.\r\n--b1\r\nContent-Type: message/rfc822\r\n"
             "Content-Disposition: attachment; filename=\"alert.eml\"\r\n\r\n" + inner + "\r\n--b1--\r\n")
    text = decode(outer.encode()).text
    assert text.startswith("Forwarding the alert as an attachment.") and "Vacancy: ACT-2027-009" in text


def test_a_soft_line_break_after_a_heading_in_capitals_is_a_line_break() -> None:
    text = "JOINT WARFARE CENTRE (JWC)\u2028Stavanger, Norway\nNATO’s premier\u2028training centre.\n"
    assert decode(text.encode()).text == "JOINT WARFARE CENTRE (JWC)\nStavanger, Norway\nNATO’s premier training centre.\n"


@pytest.mark.parametrize("fmt", [plistlib.FMT_BINARY, plistlib.FMT_XML])
def test_a_safari_web_archive_gives_its_page(fmt: plistlib.PlistFormat) -> None:
    page = "<html><body><h1>Analyst (Maritime Situational Awareness)</h1><p>Grade: G13 – Northwood</p></body></html>"
    archive = {"WebMainResource": {"WebResourceData": page.encode("utf-8"), "WebResourceMIMEType": "text/html",
                                   "WebResourceTextEncodingName": "UTF-8", "WebResourceURL": "https://example.org/job"},
               "WebSubresources": [{"WebResourceData": b"\x89PNG\x00\x00", "WebResourceMIMEType": "image/png"}]}
    decoded = decode(plistlib.dumps(archive, fmt=fmt))
    assert "Analyst (Maritime Situational Awareness)" in decoded.text and "Grade: G13 – Northwood" in decoded.text
    assert "<" not in decoded.text and any("web archive" in warning for warning in decoded.warnings)


def test_a_binary_property_list_that_is_no_web_archive_is_refused() -> None:
    with pytest.raises(DecodeError, match="binary file"):
        decode(plistlib.dumps({"Settings": {"Volume": 3}}, fmt=plistlib.FMT_BINARY))


def test_a_format_flowed_mail_has_its_soft_line_breaks_joined() -> None:
    mail = (b"From: a@example.org\r\nSubject: Vacancy\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: text/plain; charset=windows-1252; format=flowed\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            b"Organisation: Headquarters Supreme Allied Commander Transformation (HQ=20\r\nSACT)\r\n"
            b"Grade: G17\r\n\r\n> The post holder advises the=20\r\n> Directorate=92s leadership.\r\n-- \r\nDaniel\r\n")
    lines = decode(mail).text.split("\n")
    assert "Organisation: Headquarters Supreme Allied Commander Transformation (HQ SACT)" in lines
    assert "> The post holder advises the Directorate’s leadership." in lines and "Grade: G17" in lines


def test_a_slack_messages_blocks_are_its_text_once_more_and_read_once() -> None:
    message = {"type": "message", "text": "Senior Assistant — SHAPE is hiring\nGrade: G8",
               "blocks": [{"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
                   {"type": "text", "text": "Senior Assistant — SHAPE is hiring\n"}, {"type": "text", "text": "Grade: G8"}]}]}]}
    text = decode(json.dumps([message, {"type": "message", "text": "Good luck!"}]).encode()).text
    assert text == "Senior Assistant — SHAPE is hiring\nGrade: G8\n\nGood luck!\n"


@pytest.mark.parametrize("codec, name", [("cp1254", "cp1254"), ("iso8859-9", "iso8859-9")])
def test_turkish_in_its_code_pages_is_recognised(codec: str, name: str) -> None:
    text = "İş İlanları – Çalışma şekli: Tam Zamanlı. Coğrafi Bilgi Analisti, İzmir; başvuru “son gün” 10 Mart 2027."
    if codec == "iso8859-9":
        text = text.replace("“", '"').replace("”", '"').replace("–", "-")  # (ISO-8859-9 has no curly quotes, no dash)
    result = decode(text.encode(codec))
    assert (result.text, result.encoding) == (text + "\n", name)
    icelandic = "Þú færð starfið í Reykjavík; við þökkum umsóknina og ýmis gögn fylgja með."
    assert decode(icelandic.encode("cp1252")).text == icelandic + "\n"
    slovak = "Pracovný pomer: plný úväzok; typ: vývojár, nástup ihneď, práca v tíme, mzda podľa dohody."
    assert "Turkish" not in " ".join(decode(slovak.encode("iso8859-2")).warnings)


def test_wordpads_rtf_with_a_nul_after_its_closing_brace_is_read() -> None:
    rtf = b"{\\rtf1\\ansi\\ansicpg1252 Grade: G9\\par Post: Logistics Assistant\\par}\x00"
    assert "Grade: G9" in decode(rtf).text
    with pytest.raises(DecodeError, match="binary file"):
        decode(b"{\\rtf1 a}\x00\x01\x00b")  # (a NUL inside: no text)


def test_a_mail_in_text_enriched_only_is_read_as_its_text() -> None:
    mail = (b"From: a@example.no\r\nSubject: Fwd: JWC vacancy\r\nMime-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/enriched; charset=utf-8\r\n\r\n"
            b"<fontfamily><param>Helvetica</param>Hei Ingrid,\r\n\r\nsaw this one on the\r\nJWC site.</fontfamily>\r\n"
            b"\r\n\r\n<bold>Desirable qualifications</bold>\r\n\r\nFrench <<SLP 2222>\r\n"
            b"--B\r\nContent-Type: application/pdf; name=vn.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--B--\r\n")
    text = decode(mail).text
    assert text.split("\n")[:5] == ["Hei Ingrid,", "saw this one on the JWC site.", "", "Desirable qualifications",
                                    "French <SLP 2222>"]
    assert "JVBER" not in text and "param" not in text


def test_jira_wiki_markup_becomes_text_the_importer_reads() -> None:
    text = decode(
        b"h2. Branch Head (Operational Experimentation)\n\n||Vacancy Number|270034|\n||NATO Grade|G20|\n\n"
        b"h3. Principal duties\n# lead the branch;\n# direct the campaigns.\n{quote}Apply via the portal.{quote}\n"
        b"See [the notice|https://example.org/notice].\n"
    )
    assert "read Jira's wiki markup" in text.warnings
    assert text.text.splitlines() == [
        "Branch Head (Operational Experimentation)", "", "| Vacancy Number | 270034 |", "| NATO Grade | G20 |", "",
        "Principal duties", "1. lead the branch;", "2. direct the campaigns.", "Apply via the portal.",
        "See the notice (https://example.org/notice).",
    ]


def test_one_line_starting_h2_is_no_jira_markup() -> None:
    assert decode(b"h2. is the name of this tiny heading format\nand nothing else\n").warnings == ()


def test_restructuredtext_field_lists_and_directives_become_plain_text() -> None:
    text = decode(
        b".. _vn-1:\n\n:orphan:\n\n.. note::\n   :class: small\n\n   Kept by the talent cell.\n\n"
        b"Key facts\n---------\n\n:Vacancy number: 260843\n:Post title: Principal Analyst\n"
        b"See :doc:`the grades page </hr/grades>` and `NCPR <https://example.org/ncpr>`_ and ``code``.\n"
    )
    assert "read reStructuredText markup" in text.warnings
    assert text.text.splitlines() == [
        "   Kept by the talent cell.", "", "Key facts", "", "Vacancy number: 260843", "Post title: Principal Analyst",
        "See the grades page and NCPR (https://example.org/ncpr) and code.",
    ]


def test_asciidoc_headings_attributes_lists_and_tables_become_plain_text() -> None:
    text = decode(
        b"= Open posts: Scenario Developer\n:toc: right\n:revdate: 2026-12-01\n\n== At a glance\n\n"
        b'[cols="1,3",options="header"]\n|===\n|Item |Detail\n\n|Vacancy number\n|JWC 27/03\n\n|Post title\n'
        b"|Scenario Developer\n(Information Environment)\n|===\n\n.Essential\n* English: SLP *3332*\n\n"
        b"[horizontal]\nBasic salary:: NOK 79 644,27\nSee xref:people:rotation.adoc[Rotation plan].\n====\n"
    )
    assert "read AsciiDoc markup" in text.warnings
    assert text.text.splitlines() == [
        "Open posts: Scenario Developer", "", "At a glance", "", "| Item | Detail |", "| Vacancy number | JWC 27/03 |",
        "| Post title | Scenario Developer (Information Environment) |", "", "Essential", "* English: SLP 3332", "",
        "Basic salary: NOK 79 644,27", "See Rotation plan.",
    ]
