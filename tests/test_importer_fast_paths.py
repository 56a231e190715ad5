"""The importer's shortcuts give what the plain searches give.

Several facts are found by trying a pattern only where a cheap test says it can match (a keyword's
offset in the lowercased text, a literal every phrase contains, a search of joined lines). These
tests compare each shortcut with the search it stands for, on the fixtures and on edge cases.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natosite.importer import clean, fields, header, markdown, patterns, prose, sections
from natosite.importer.clean import clean_lines
from natosite.importer.decode import decode
from natosite.importer.patterns import alternatives, by_first_letter

FIXTURES = Path(__file__).parent / "fixtures" / "raw"
TEXTS = ["\n".join(clean_lines(decode(p.read_bytes()).text)) for p in sorted(FIXTURES.iterdir()) if p.suffix in (".txt", ".html")]
EDGE = [
    "Languages: English - V, French - III; german: IV. ENGLISH (SLP 3333)",
    "Englısh: V; French: III",  # a dotless i: the engine takes it for "i", str.lower keeps it
    "Engliſh – advanced, French: intermediate",  # a long s
    "İtalian: IV, Italian: III",
    "advanced level of spoken and written English; English: V",
    "",
]


@pytest.mark.parametrize("text", TEXTS + EDGE)
def test_languages_match_the_window_search(text: str) -> None:
    # "ſ" in the text makes find_languages search each window whole, as it did before the shortcut.
    assert prose.find_languages(text) == prose.find_languages(text + "\nſ")


@pytest.mark.parametrize("text", TEXTS + EDGE)
def test_finditer_at_is_finditer(text: str) -> None:
    hits = prose.keyword_hits(text, prose._LANG_WORDS)
    if any(c in text for c in prose._FOLDED_APART):
        return
    for pattern in (prose._LANG_LEVEL, prose._LANG_SLP, prose._LANG_WORD_LEVEL):
        for start, end in [(0, len(text)), (5, max(5, len(text) - 7))]:
            got = [(m.span(), m.groups()) for m in prose._finditer_at(pattern, text, start, end, hits)]
            assert got == [(m.span(), m.groups()) for m in pattern.finditer(text, start, end)]


@pytest.mark.parametrize("text", TEXTS + EDGE)
def test_the_level_words_and_skill_rows_tried_at_their_words_are_the_whole_searches(text: str) -> None:
    if any(c in text for c in prose._FOLDED_APART):
        return
    for pattern, words in ((prose._NUMBER_BEFORE_LANG, prose._LEVEL_LABELS), (prose._LEVEL_OF_LANG, prose._LEVEL_NAMES)):
        hits = prose.keyword_hits(text, words)
        got = [(m.span(), m.groups()) for m in prose._finditer_at(pattern, text, 0, len(text), hits)]
        assert got == [(m.span(), m.groups()) for m in pattern.finditer(text)]
    listening = prose.keyword_hits(text, prose._LISTENING)
    rows = prose._line_starts(text, prose._LANG_WORDS)
    assert prose._sub_at(prose._SKILL_LEVELS, prose._skills_profile, text, listening) == prose._SKILL_LEVELS.sub(
        prose._skills_profile, text)
    assert prose._search_at(prose._SKILL_HEADER, text, listening) == bool(prose._SKILL_HEADER.search(text))
    for pattern in (prose._SKILL_ROW, prose._SKILL_ROW_MARKED):
        assert prose._sub_at(pattern, prose._row_profile, text, rows) == pattern.sub(prose._row_profile, text)


def test_has_branding_is_the_branding_search() -> None:
    # (the first lines of every fixture in one test, as the tests below: a test a line made ~68,000 of them in all)
    lines = [
        "InfoJobs Italia — Offerte di lavoro", "pracuj.pl", "Visit jobs.nato.int today", "LinkedIn", "Finance Officer",
        "Terug naar zoekresultaten", "a.b.c", "e-mail.com", "", "Accueil > Offres", "NATO | Careers",
    ] + [line for text in TEXTS for line in text.split("\n")[:30]]
    wrong = [line for line in lines if header.has_branding(line) != bool(header.BRANDING.search(line))]
    assert not wrong, wrong[:5]


# The case-blind searches the importer's lowercase ones stand for (as they were written before)
_CONTRACT_ANY = re.compile(
    "|".join(f"(?P<k{i}>{by_first_letter(alternatives(p.pattern))})" for i, (p, _) in enumerate(prose._CONTRACT_KINDS)),
    re.I,
)
_NAMES_RE = re.compile(prose._NAMES, re.I)


def test_contract_and_experience_literals() -> None:
    # Every phrase of each pattern holds one of its literals (lowercase, no "i"/"s": see prose._holds_any).
    for literal in prose._CONTRACT_LITERALS + prose._EXPERIENCE_LITERALS:
        assert literal == literal.lower() and "i" not in literal and "s" not in literal
    for phrase in ["indefinite duration contract", "Contrat à durée indéterminée", "unbefristeten", "onbepaalde tijd",
                   "tempo indeterminato", "czas nieokreślony", "fixed-term contract", "befristeter Arbeitsvertrag",
                   "DEFINITE DURATION CONTRACT", "contrat de durée déterminée", "czas określony"]:
        m = _CONTRACT_ANY.search(phrase)
        assert m and prose._holds_any(prose._lower(phrase), m.start(), m.end(), prose._CONTRACT_LITERALS)
    for phrase, pattern in [("5 years of experience", 0), ("3 ans d'expérience", 1), ("5 Jahre Berufserfahrung", 2),
                            ("4 jaar werkervaring", 3), ("3 anni di esperienza", 4), ("5 lat doświadczenia", 5),
                            ("FIVE YEARS OF EXPERTISE", 0)]:
        m = prose._EXPERIENCE[pattern].search(phrase)
        assert m and prose._EXPERIENCE_LITERALS[pattern] in prose._lower(phrase)[m.start() : m.end()]


@pytest.mark.parametrize("texts", [
    ["Plain text.", "CivilianPersonnel and theNATOcivilian", "a_b _c_", "x * y", "1. item", "# hash"],
    ["done.The end", "(PLNs)with", "a,b", "&amp; here", "", "  spaced"],
    [text[:200] for text in TEXTS],
])
def test_unglue_and_escape_all_is_each(texts: list[str]) -> None:
    headings = [i % 2 == 0 for i in range(len(texts))]
    assert markdown.unglue_and_escape_all(texts, headings) == [
        markdown.unglue_and_escape(t, h) for t, h in zip(texts, headings)
    ]


def test_header_posts_from_hint() -> None:
    lines = ["Finance Officer", "Brussels, Belgium", "Full-time, 2 posts", "Apply by 1 March"]
    assert header.header_posts(lines, []) == 2
    assert header._from_hint(lines, header.POSTS_HINT) == lines[2:]
    assert header._from_hint(lines[:2], header.POSTS_HINT) == []


def test_rewritten_patterns_match_as_before() -> None:
    old_acronyms = re.compile(
        r"\b(?:" + "|".join(re.escape(a) for a in sorted(prose._BY_ACRONYM, key=len, reverse=True)) + r")(?![\w&])"
    )
    for text in TEXTS + ["The NCIA and xNCIA, NSPA&CO, HQ SACT.", "_SHAPE SHAPE"]:
        assert [m.span() for m in prose._ACRONYMS_RE.finditer(text)] == [m.span() for m in old_acronyms.finditer(text)]


def _chrome_as_written(line: str) -> bool:
    bare = line[clean._BULLET_MARK.match(line).end():] if line[:1] in "-•*·" and clean._BULLET_MARK.match(line) else line
    return (clean._is_menu(bare) if ("|" in bare or " · " in bare) and len(bare) <= 120 else False) or bool(
        (clean._SHORT_CHROME if len(bare) <= 80 else clean._LONG_CHROME).match(bare))


def test_chrome_lines_are_the_ignorecase_match() -> None:
    lines = [
        "Apply now", "APPLY NOW Save", "Accept all Reject Customise", "We use cookies to improve", "Posted 3 days ago",
        "Finance Officer", "Loading...", "SHOW MORE", "Jetzt bewerben Teilen Merken", "Kliknij TUTAJ", "",
    ] + [line for text in TEXTS for line in text.split("\n")[:40]]
    wrong = [line for line in lines if clean.is_chrome_line(line) != _chrome_as_written(line)]
    assert not wrong, wrong[:5]


def test_schedule_hint_on_a_lowercased_ascii_line_is_the_ignorecase_search() -> None:
    lines = ["On-site · Full-time", "FULL TIME", "Part-Time, 2 posts", "Vollzeit", "Temps plein", "fulltime job",
             "Full-timer", ""] + [line for text in TEXTS for line in text.split("\n")[:40]]
    wrong = [line for line in lines
             if bool(fields._SCHEDULE_HINT_CASELESS.search(line)) != bool(fields.SCHEDULE_HINT.search(line))]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("source, flags", [(r"apply|Save", re.I), (r"apply now", 0), (r"(?-i:CET)|cet", re.I),
                                           (r"[A-Z]{2}", re.I), (r"\\Apply", re.I)])
def test_a_caseless_pattern_must_be_ignorecase_and_lowercase(source: str, flags: int) -> None:
    from natosite.importer.patterns import Caseless

    with pytest.raises(ValueError):
        Caseless(re.compile(source, flags))
    assert Caseless(re.compile(r"\bapply\S*\W", re.I)).match("APPLY-NOW!")  # (escapes are no capitals)


@pytest.mark.parametrize("text", TEXTS + [
    "An INDEFINITE DURATION CONTRACT", "Contrat à durée indéterminée", "einen befristeten Arbeitsvertrag", "BEFRISTETER "
    "ARBEITSVERTRAG", "redefinite duration", "a tijdelijk contract", "undefinite-duration", "czas nieokreślony",
])
def test_contract_phrases_in_the_lowercase_text_are_the_case_blind_search(text: str) -> None:
    low = prose._lower(text)
    for start in range(0, len(text), 40):
        a = _CONTRACT_ANY.search(text, start, start + 85)
        b = prose._CONTRACT_ANY_LOW.search(low, start, start + 85)
        assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup))


@pytest.mark.parametrize("text", TEXTS + [
    "AT LEAST FIVE YEARS OF EXPERIENCE", "Drei Jahre Berufserfahrung", "cinq ans d'expérience", "5 AÑOS DE EXPERIENCIA",
    "tre anni di esperienza", "5 lat doświadczenia", "4 JAAR WERKERVARING",
])
def test_experience_in_the_lowercase_text_is_the_case_blind_search(text: str) -> None:
    low = prose._lower(text)
    for start in range(0, len(text), 50):
        for blind, lower in zip(prose._EXPERIENCE, prose._EXPERIENCE_LOW):
            a, b = blind.search(text, start, start + 100), lower.search(low, start, start + 100)
            assert (a and (a.span(), a.group(1).lower())) == (b and (b.span(), b.group(1)))


@pytest.mark.parametrize("text", TEXTS + ["THE INTERNATIONAL STAFF", "NATO Support And Procurement Agency", "theInternational Staff"])
def test_body_names_in_the_lowercase_text_are_the_case_blind_search(text: str) -> None:
    a, b = _NAMES_RE.search(text), prose._NAMES_LOW.search(prose._lower(text))
    assert (a and (a.span(), a.group(0).lower())) == (b and (b.span(), b.group(0)))


_CASELESS = [clean._SHORT_CHROME_CASELESS, clean._LONG_CHROME_CASELESS, header._BRANDING_NO_DOMAIN,
             prose._CONTRACT_YEARS_CASELESS]


def test_a_caseless_pattern_finds_what_the_ignorecase_one_finds() -> None:
    # (an ASCII line is lowercased for the twin: "TAM ZAMANLI" is Turkish's "tam zamanlı", whose "ı" IGNORECASE matches
    # with "i", so the pattern writes it "zamanl[ıi]")
    patterns = [*_CASELESS, fields._SCHEDULE_HINT_CASELESS]
    lines = [line for text in TEXTS for line in text.split("\n") if not line.isascii()] + [
        "AKCEPTUJ WSZYSTKIE", "SØK PÅ STILLINGEN", "Tam Zamanlı", "TAM ZAMANLI", "İş İlanları", "ſearch", "ΑΠΟΔΟΧΗ",
        "Αποδοχή όλων", "ΑΠΟΔΟΧΉ ΌΛΩΝ", "Prijmout vše", "ÉCHAP", "Straße", "STRASSE", "ǅob", "Vollzeit – µ",
    ]
    wrong = [(line, k, kind) for line in lines for k, pattern in enumerate(patterns) for kind in ("match", "search")
             if _span(getattr(pattern, kind)(line)) != _span(getattr(pattern.folding, kind)(line))]
    assert not wrong, wrong[:5]


def _span(found: re.Match[str] | None) -> tuple[int, int] | None:
    return found.span() if found else None


@given(st.text(alphabet="aAbBzZ ÀàÉéÿŸßẞĳĲǅǆǄłŁøØåÅöÖçÇñÑŞşĞğİıſµΣσςΚκКк–’•·|>›».,:()0123SsIiKk", max_size=40))
@settings(max_examples=2000, deadline=None)
def test_a_caseless_pattern_is_the_ignorecase_one_on_any_text(text: str) -> None:
    for pattern in _CASELESS:
        assert _span(pattern.match(text)) == _span(pattern.folding.match(text))
        assert _span(pattern.search(text)) == _span(pattern.folding.search(text))


def _right_column_start_as_written(line: str) -> int | None:
    if len(line) < 24:
        return None
    indent = len(line) - len(line.lstrip(" "))
    if indent >= 20:
        return indent if indent < len(line) else None
    start = None
    for m in clean._COLUMN_GAP.finditer(line, 8):
        start = m.end()
    return start if start is not None and start >= 20 else None


RAW_LINES = [line for p in sorted(FIXTURES.iterdir()) if p.suffix in (".txt", ".html")
             for line in decode(p.read_bytes()).text.split("\n")]


def test_right_column_start_is_the_last_gap_found_by_the_pattern() -> None:
    lines = RAW_LINES + [
        "Grade:  G15" + " " * 20 + "Closing date: 2 March 2027", "a" * 8 + "   " + "b" * 20, "a" * 9 + "   " + "b" * 20,
        "Post title      Budget Officer   \tx" + " " * 10 + "y", "x" * 30 + "    ", "\t" * 10 + "a" * 10 + "   " + "b" * 5,
    ]
    wrong = [line for line in lines if clean._right_column_start(line) != _right_column_start_as_written(line)]
    assert not wrong, wrong[:5]


@given(st.text(alphabet="ab.  \t\u00a0\u3000", min_size=20, max_size=60))
@settings(max_examples=3000, deadline=None)
def test_right_column_start_on_any_line(line: str) -> None:
    assert clean._right_column_start(line) == _right_column_start_as_written(line)


_OCR_SLIP_AS_WRITTEN = re.compile(r"(?<=[A-Za-z])(?:I(?=[a-z])|[01](?=[A-Za-z]))")
_PAREN_AS_WRITTEN = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
# (as label_key searched it next, the spaces before it cut apart; string methods find it now: fields._paren_start)
_PAREN = re.compile(r"[(（][^()（）]*[)）]\s*$")


def _without_paren(label: str) -> str:
    paren = fields._paren_start(label)
    return label[:paren].rstrip() if paren >= 0 else label


@given(st.text(alphabet="aZI01 l.\t\u00a0()（）é", max_size=24))
@settings(max_examples=3000, deadline=None)
def test_rewritten_label_patterns_find_what_they_found(label: str) -> None:
    assert [m.span() for m in fields._OCR_SLIP.finditer(label)] == [m.span() for m in _OCR_SLIP_AS_WRITTEN.finditer(label)]
    assert _without_paren(label) == _PAREN_AS_WRITTEN.sub("", label)


def test_rewritten_label_patterns_on_the_fixtures() -> None:
    lines = RAW_LINES + ["CIosing date", "Basic month1y salary", "SUPP0RT", "Grade (NATO)  ", "Salary (net) (EUR)", "A (b"]
    assert [line for line in lines if [m.span() for m in fields._OCR_SLIP.finditer(line)] != [
        m.span() for m in _OCR_SLIP_AS_WRITTEN.finditer(line)]] == []
    assert [line for line in lines if _without_paren(line) != _PAREN_AS_WRITTEN.sub("", line)] == []
    assert [line for line in lines if not _label_helpers_as_written(line)] == []
    assert [line for line in lines if not _label_helpers_as_written(line.lower())] == []


# label_key's patterns that string methods replaced, as they were written
_GLUED_SEARCH_AS_WRITTEN = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z])")
_NATO_WORD_AS_WRITTEN = re.compile(r"^(?:nato|otan|navo|北约)[- ]?|[- ](?:nato|otan|navo)$")


def _label_helpers_as_written(label: str) -> bool:
    paren = _PAREN.search(label)
    return (
        fields._paren_start(label) == (paren.start() if paren else -1)
        and fields._without_nato_word(label) == _NATO_WORD_AS_WRITTEN.sub("", label)
        and bool(fields._GLUED_PAIR.search(label)) == bool(_GLUED_SEARCH_AS_WRITTEN.search(label))
    )


@given(st.lists(st.sampled_from(["nato", "otan", "navo", "北约", "-", " ", "\n", "\t", "a", "Z", "é", "ÿ", "(", ")",
                                 "（", "）", "\u3000", "grade", "NATO"]), max_size=12).map("".join))
@settings(max_examples=3000, deadline=None)
def test_label_helpers_are_the_patterns_they_replace(label: str) -> None:
    assert _label_helpers_as_written(label)


def _short_title_case_as_written(text: str, max_words: int = 6) -> bool:
    if len(text) > 60 or text.endswith((".", ";", ",")):
        return False
    words = text.rstrip(":").split()
    if not 1 <= len(words) <= max_words or not words[0][0].isupper():
        return False
    if " - " in text or " – " in text or any(map(str.isdigit, text)):
        return False
    return all(w[:1].isupper() or w.lower() in sections._SMALL_WORDS or not w[:1].isalpha() for w in words)


@given(st.text(alphabet="Ab1 ²٣-–:.,AndOf", max_size=24), st.sampled_from([4, 5, 6, 8]))
@settings(max_examples=3000, deadline=None)
def test_short_title_case_finds_figures_as_str_isdigit_does(text: str, max_words: int) -> None:
    assert sections._short_title_case(text, max_words) == _short_title_case_as_written(text, max_words)


def _currency_as_written(value: str) -> str | None:
    named = [(m.start(), k) for k, (code, pattern, _) in enumerate(fields._CURRENCIES) if (m := pattern.search(value))]
    if named:
        return fields._CURRENCIES[min(named)[1]][0]
    m = fields._OTHER_CURRENCY.search(value)
    return fields._OTHER_CODES.get(m.group(m.lastindex or 0), m.group(m.lastindex or 0)) if m else None


@given(st.text(alphabet="EURursdUSDGBPgbpoundlarCADNOKTRYchfzł€£$ſ 0.,", max_size=30))
@settings(max_examples=3000, deadline=None)
def test_currency_of_tries_each_pattern_only_where_its_words_are(value: str) -> None:
    assert all(words for _, _, words in fields._CURRENCIES)
    assert fields.currency_of(value) == _currency_as_written(value)


def test_currency_of_on_the_fixtures() -> None:
    values = RAW_LINES + ["Uſd 5,000", "EUROS 4.000", "Pounds 3,000", "C$ 9,000", "7 200 złotych", "NOK 71 906,42 EUR"]
    assert [v for v in values if fields.currency_of(v) != _currency_as_written(v)] == []


def _column_tables_as_written(lines: list[str]) -> list[str]:
    """clean._column_tables as it was before it split only the lines whose first cell is a label."""
    out: list[str] = []
    skip: int | None = -1
    for i, line in enumerate(lines):
        if i == skip:
            continue
        cells = clean._CELL_GAP.split(line.strip()) if ("  " in line or "\t" in line) and len(line) <= 200 else []
        if 3 <= len(cells) <= 10 and fields.label_key(cells[0]) is not None and all(
            fields.label_key(c) is not None for c in cells[1:]
        ):
            below = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), None)
            values = clean._CELL_GAP.split(lines[below].strip()) if below is not None else []
            after = next((lines[j] for j in range(below + 1, min(below + 3, len(lines))) if lines[j].strip()), "") if (
                below is not None) else ""
            if len(values) == len(cells) and not any(fields.label_key(v) is not None for v in values) and (
                len(clean._CELL_GAP.split(after.strip())) != len(cells)
            ):  # (one row of values: a list of vacancies, row after row, is no posting's facts)
                out += [f"{label}: {value}" for label, value in zip(cells, values)]
                skip = below
                continue
        out.append(line)
    return out


RAW_TEXTS = [decode(p.read_bytes()).text.split("\n") for p in sorted(FIXTURES.iterdir())
             if p.suffix in (".txt", ".html")]


def test_column_tables_split_only_where_the_first_cell_is_a_label() -> None:
    wrong = [i for i, lines in enumerate(RAW_TEXTS) if clean._column_tables(lines) != _column_tables_as_written(lines)]
    assert wrong == []


_TABLE_LINES = ["Grade  Location  Closing date", "G15  Mons, Belgium  2 May 2027", "Title\tGrade\tSalary",
                "Officer\tG15\tEUR 7,000", "Grade:  G15", "a  b\x0c  c", "Grade\u00a0 Location  Title", ""]


@given(st.lists(st.sampled_from(_TABLE_LINES), max_size=8))
@settings(max_examples=1000, deadline=None)
def test_column_tables_on_any_lines(lines: list[str]) -> None:
    assert clean._column_tables(lines) == _column_tables_as_written(lines)


# Every list of branches the importer groups with ``patterns.by_first_letter`` (on lines, and lowercased)
_GROUPED = {
    "chrome lines": [rf"{phrase}$" for phrase in alternatives(clean._CHROME_LINE)] + alternatives(clean._CHROME_PREFIX),
    "buttons": alternatives(clean._BUTTON),
    "block heads": alternatives(clean._BLOCK_HEADS),
    "tails": alternatives(clean._TAILS),
    "strong tails": alternatives(clean._STRONG_TAILS),
    "role words": alternatives(header._ROLE_WORDS),
    "branding": alternatives(header._BRANDING_WORDS),
    "number words": sorted(prose.NUMBER_WORDS, key=len, reverse=True),
}
_LINES = sorted({line.strip() for text in TEXTS for line in text.split("\n")})


@pytest.mark.parametrize("name", sorted(_GROUPED))
def test_grouped_branches_find_what_the_plain_alternation_finds(name: str) -> None:
    # The same matches at the same places: grouping (by first letters, ``_DEPTH`` deep; the branches that start
    # with a class, a repeat or an optional group behind one test of their first characters) only saves the engine
    # tests.
    branches = _GROUPED[name]
    plain = re.compile("(?:" + "|".join(branches) + ")", re.I)
    grouped = re.compile("(?:" + by_first_letter(branches) + ")", re.I)
    assert grouped.pattern != plain.pattern
    for line in _LINES + [line.lower() for line in _LINES] + ["- 3 -", "12 replies", "#général", "Necessary"]:
        a, b = plain.match(line), grouped.match(line)
        assert bool(a) == bool(b), (name, line)
        a, b = plain.search(line), grouped.search(line)
        assert (a and a.start()) == (b and b.start()), (name, line)


@given(st.text(alphabet="ab -–#(0123:_=~\u00a0\u2022İıſK", max_size=12), st.lists(st.sampled_from([
    r"-?\s*\d{1,3}\s*-$", r"\d+ ab", r"(?:a )?b", r"\(ab\)", "#[a-z]{2}", "[_=~]{4,}", r"(?:ab|-)?\s?b", r"\bab",
    r"(?<=a)b", r"(?=b)ba", r"(?:a|b)*-", "a", "ab", "ba", "b(?:a|-)",
]), min_size=1, max_size=6))
@settings(max_examples=3000, deadline=None)
def test_first_class_holds_every_first_character_of_a_match(text: str, branches: list[str]) -> None:
    starts = patterns.first_class(branches)
    for flags in (0, re.I):
        match = re.compile("|".join(branches), flags).match(text)
        if starts is not None and match and match.end() > 0:
            assert re.match(starts, text[0], flags), (branches, text)
        grouped = re.compile(by_first_letter(branches), flags).match(text)
        assert bool(match) == bool(grouped), (branches, text)


def test_first_class_is_none_where_it_cannot_be_told() -> None:
    assert patterns.first_class([r"-?\s*\d{1,3}", "#x"]) == r"[\d\s\x23\x2d]"
    assert patterns.first_class(["(?:strictly )?necessary"]) == "[ns]"
    for branches in (["(?:a)?"], [".x"], ["(?i:a)"], ["(?i)a"], ["[^a]"], ["a", "x*"], [r"\1a"]):
        assert patterns.first_class(branches) is None, branches


def _inline_groups(line: str) -> tuple[str, str] | None:
    m = fields._INLINE.match(line)
    return (m.group(1), m.group(2)) if m else None


def test_inline_field_is_the_pattern_on_the_fixtures() -> None:
    cells = [cell for line in _LINES if " | " in line or " · " in line for cell in fields.CELL_SPLIT.split(line)]
    lines = _LINES + cells
    wrong = [line for line in lines if fields.inline_field(line) != _inline_groups(line)]
    assert not wrong, wrong[:5]


@given(st.text(alphabet="ab :：-•*·\u00a0\t\n" + "x" * 4, max_size=60))
@settings(max_examples=5000, deadline=None)
def test_inline_field_is_the_pattern_on_any_line(line: str) -> None:
    assert fields.inline_field(line) == _inline_groups(line)


@pytest.mark.parametrize("line", [
    "Grade: G15", "- Grade : G15", "•  Closing date:   15 May", "-: value", "  : value", "Label:   ", "Label:",
    "x" * 45 + ": v", "x" * 46 + ": v", "- " + "x" * 45 + ": v", "Salaire：6 912 €", "a：b: c", "a:b：c", ": x",
    "Title: a\nb", "\u00a0Grade\u00a0:\u00a0G15", "Label:\t", "-", "",
])
def test_inline_field_edges(line: str) -> None:
    assert fields.inline_field(line) == _inline_groups(line)


@pytest.mark.parametrize("text", TEXTS + [
    "a contract of THREE (3) YEARS", "Vertrag von DREI Jahren", "FIXED-TERM CONTRACT OF 36 MONTHS, i.e. 3 years6,",
    "contrat de trois (3) ans", "İki yıl", "durata di tre anni", "contract of tWo years",
])
def test_contract_years_in_the_lowercase_text_are_the_case_blind_search(text: str) -> None:
    for start in range(0, max(1, len(text)), 60):
        window = text[start : start + 240]
        a, b = prose._CONTRACT_YEARS.search(window), prose._CONTRACT_YEARS_CASELESS.search(window)
        assert (a and (a.span(), [g and g.lower() for g in a.groups()])) == (
            b and (b.span(), [g and g.lower() for g in b.groups()]))


def test_split_cells_is_the_pattern_on_the_fixtures() -> None:
    lines = RAW_LINES + [line.strip() for line in RAW_LINES]
    wrong = [line for line in lines if clean.split_cells(line) != clean._CELL_GAP.split(line)]
    assert not wrong, wrong[:5]


@given(st.text(alphabet="ab  \t\u00a0\u3000\x1f\x0b.", max_size=40))
@settings(max_examples=3000, deadline=None)
def test_split_cells_is_the_pattern_on_any_line(line: str) -> None:
    assert clean.split_cells(line) == clean._CELL_GAP.split(line)


_OPEN_END = re.compile(r"(?<![\w/])(?:" + "|".join(sections._OPEN_WORDS) + ")$")


@pytest.mark.parametrize("text", [
    "for the", "for the\n", "the", "a", "", "\n", "and/or", "x/the", "bythe", "by the\n\n", "an_", "_an", "1an", "² an",
    "Ωand", "с and", "and ", "their", "theirs", "oraz", "w", "z.", "in\nthe", "one of", "zof", "x" * 20 + " of",
])
def test_ends_open_is_the_pattern(text: str) -> None:
    assert sections._ends_open(text) == bool(_OPEN_END.search(text))


@given(st.text(alphabet="theandorfwz _/²Ω1\n.", max_size=14))
@settings(max_examples=3000, deadline=None)
def test_ends_open_is_the_pattern_on_any_text(text: str) -> None:
    assert sections._ends_open(text) == bool(_OPEN_END.search(text))


def test_ends_open_is_the_pattern_on_the_fixtures() -> None:
    wrong = [line for line in _LINES if sections._ends_open(line) != bool(_OPEN_END.search(line))]
    assert not wrong, wrong[:5]


def test_pictographs_are_replaced_as_the_pattern_replaces_them() -> None:
    text = "📍 Brussels ☀️ Grade: G15 ✅ 🧭 Apply ⏰ by 1 May 🇧🇪 ✈\ufe0f"
    assert clean.clean_lines(text) == clean.clean_lines(clean._PICTO.sub(" ", text))
    assert all(not clean._PICTO.search(line) for line in clean.clean_lines(text))


def test_bilingual_head_is_only_where_a_bar_is_before_an_f() -> None:
    for line in ["ENGLISH | FRANÇAIS", "  English\t|\tFrench  ", "English|Français"]:
        assert clean._BILINGUAL_HEAD.search(line) and clean._BAR_F.search(line)


def _capitals(items: object) -> list[str]:
    """The capital letters a parsed regex holds, written or in a class (any op not known here counts as one)."""
    from re import _parser as sre  # (Python 3.11+; the importer's own tests run there)

    found: list[str] = []
    for op, av in items:  # type: ignore[attr-defined]
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            found += [chr(av)] if chr(av).lower() != chr(av) else []
        elif op is sre.IN:
            for kind, value in av:
                if kind is sre.LITERAL and chr(value).lower() != chr(value):
                    found.append(chr(value))
                elif kind is sre.RANGE:
                    found += [chr(c) for c in range(value[0], value[1] + 1) if chr(c).lower() != chr(c)][:1]
        elif op is sre.SUBPATTERN:
            found += _capitals(av[3])
        elif op is sre.BRANCH:
            found += [c for branch in av[1] for c in _capitals(branch)]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            found += _capitals(av[2])
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            found += _capitals(av[1])
        elif op not in (sre.AT, sre.ANY, sre.CATEGORY):
            found.append(str(op))
    return found


def test_no_caseless_pattern_holds_a_capital() -> None:
    # (its twin, searching the text lowercased, would miss a Latin letter the pattern holds as a capital)
    import sys
    from re import _parser as sre

    from natosite.importer.patterns import Caseless

    if sys.version_info < (3, 11):  # pragma: no cover
        pytest.skip("re._parser is Python 3.11's")
    found = {f"{module.__name__}.{name}": pattern for module in (clean, fields, header, prose, sections)
             for name, pattern in vars(module).items() if isinstance(pattern, Caseless)}
    assert len(found) >= 5
    for name, pattern in found.items():
        assert not _capitals(sre.parse(pattern.folding.pattern, pattern.folding.flags)), name
    assert _capitals(sre.parse("a[À-Ö]|b", re.I)) == ["À"]


@given(st.text(alphabet="aAbBéÉÿŸßẞøØłŁöÖçÇxX  -–’•İıſµΣσΚКк", max_size=16))
@settings(max_examples=3000, deadline=None)
def test_a_caseless_pattern_of_latin_letters_is_the_ignorecase_one(text: str) -> None:
    from natosite.importer.patterns import Caseless

    pattern = Caseless(re.compile(r"é[a-zø]|ÿ\b|straße|[à-ö]x|\bł\w|s–k|[^a-zà-öø-ÿ ]{2}", re.I))
    assert _span(pattern.search(text)) == _span(pattern.folding.search(text))
    assert _span(pattern.match(text)) == _span(pattern.folding.match(text))


def test_collapse_spaces_is_the_pattern_on_the_fixtures() -> None:
    wrong = [line for line in RAW_LINES if clean.collapse_spaces(line) != clean._SPACES.sub(" ", line)]
    assert not wrong, wrong[:5]


@given(st.text(alphabet="ab  \t\u00a0\u2009\u3000\x1f.", max_size=40))
@settings(max_examples=3000, deadline=None)
def test_collapse_spaces_is_the_pattern_on_any_line(line: str) -> None:
    assert clean.collapse_spaces(line) == clean._SPACES.sub(" ", line)


def test_menu_words_grouped_and_lowercased_are_the_plain_alternation() -> None:
    plain = re.compile(rf"\b(?:{clean._MENU_WORDS})\b", re.I)
    lines = [line for line in RAW_LINES if "|" in line or " · " in line] + [line.upper() for line in RAW_LINES[:3000]]
    wrong = [line for line in lines if _span(clean._MENU_WORD_CASELESS.search(line)) != _span(plain.search(line))]
    assert not wrong, wrong[:5]
