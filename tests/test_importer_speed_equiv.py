"""The importer's faster paths give what the slower code they replace gives.

Each test runs a shortcut and the plain code it stands for (kept in the modules, or written out here) on the
fixtures' texts, on edge cases and on generated text (hypothesis), and compares the results.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natosite.importer import markdown
from natosite.importer.clean import clean_lines
from natosite.importer.decode import decode
from natosite.importer.sections import _blocks, heading_text

FIXTURES = Path(__file__).parent / "fixtures" / "raw"
SEEDS = Path(__file__).parent.parent / "raw"
RAW = sorted(p for folder in (FIXTURES, SEEDS) if folder.is_dir() for p in folder.iterdir()
             if p.suffix in (".txt", ".html"))
LINES = [clean_lines(decode(p.read_bytes()).text) for p in RAW]
# The texts a posting's body is rendered from (its blocks, headings as written).
BLOCK_TEXTS = [[heading_text(t) if k in ("h2", "h3") else t for k, t, _ in _blocks(lines, set())] for lines in LINES]

# Characters that make the glue and escape patterns hesitate: letters either case, word characters that are no
# ASCII letter, punctuation they look at, markup, URLs' pieces.
ALPHABET = "aAbBcCxXzZ NATOthe,.;:)(_1é-É*[]<>|~&#`\\htpsw/"
GLUE_WORDS = ["CivilianPersonnel", "theNATOcivilian", "withMS", "HRTeam", "SharePoint", "done.The", "(PLNs)with",
              "a,b", "x_yZz", "2aBcdef", "éxxBcdef", "_fooBarBaz", "ZürichStaff", "ABCdefGhi", "NGOs", "IOs",
              "https://jobs.nato.int/aB_c", "www.nato.int", "&amp;", "#1", "1.", "- item"]


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = [rng.choice(GLUE_WORDS) if rng.random() < 0.3 else "".join(rng.choices(ALPHABET, k=rng.randint(0, 12)))
                 for _ in range(rng.randint(0, 8))]
        texts.append(rng.choice(["", " "]).join(parts))
    return texts


@pytest.mark.parametrize("texts", BLOCK_TEXTS + [_random_texts(seed, 30) for seed in range(40)] + [
    ["See https://jobs.nato.int for the CivilianPersonnel rules.", "HRTeam *now*", "plain", "www.x.org_a"],
    ["", "http", "a_b", "theNATOcivilian and www.", "ÉtéBureau", "1. item"],
])
def test_unglue_and_escape_all_is_each(texts: list[str]) -> None:
    for headings in ([i % 2 == 0 for i in range(len(texts))], [False] * len(texts)):
        assert markdown.unglue_and_escape_all(texts, headings) == [
            markdown.unglue_and_escape(t, h) for t, h in zip(texts, headings)
        ]


@given(st.lists(st.text(alphabet=ALPHABET + "\u017f\u0130ß", max_size=40), max_size=8))
@settings(max_examples=300, deadline=None)
def test_unglue_and_escape_all_is_each_generated(texts: list[str]) -> None:
    headings = [len(t) % 2 == 0 for t in texts]
    assert markdown.unglue_and_escape_all(texts, headings) == [
        markdown.unglue_and_escape(t, h) for t, h in zip(texts, headings)
    ]


def test_unglue_words_is_the_word_substitution() -> None:
    # (each text of every fixture in one test: a test a text made ~37,000 of them, a large share of CI's time)
    texts = [t for texts in BLOCK_TEXTS for t in texts] + _random_texts(99, 400) + GLUE_WORDS
    wrong = [text for text in texts if markdown._unglue_words(text) != markdown._WORD.sub(markdown._unglue_word, text)]
    assert not wrong, wrong[:5]


@given(st.text(alphabet=ALPHABET, max_size=60))
@settings(max_examples=500, deadline=None)
def test_unglue_words_is_the_word_substitution_generated(text: str) -> None:
    assert markdown._unglue_words(text) == markdown._WORD.sub(markdown._unglue_word, text)


# ---- clean: the board's chrome, blocks and tail -------------------------------------------------------------------

from natosite.importer import clean  # noqa: E402

# The patterns as they were written before their phrases were grouped by first letter.
_PLAIN = {
    "_BLOCK_HEAD": re.compile(r"^(?:" + clean._BLOCK_HEADS + r")\s*$", re.IGNORECASE),
    "_BLOCK_BODY": re.compile(r"^(?:" + clean._BLOCK_BODIES + ")", re.IGNORECASE),
    "_TAIL": re.compile(r"^(?:" + clean._TAILS + r")\s*:?$", re.IGNORECASE),
    "_STRONG_TAIL": re.compile(r"^(?:" + clean._STRONG_TAILS + ")", re.IGNORECASE),
}
CLEAN_LINES = [line for lines in LINES for line in lines] + [
    raw for p in RAW for raw in decode(p.read_bytes()).text.split("\n")
]


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.title(), text + " ", text + ":", "x" + text, text[:-1], text + " more", text + "  "]


@pytest.mark.parametrize("name", sorted(_PLAIN))
def test_grouped_clean_patterns_match_as_written(name: str) -> None:
    plain, grouped = _PLAIN[name], getattr(clean, name)
    for line in CLEAN_LINES:
        assert bool(grouped.match(line)) == bool(plain.match(line)), line


@pytest.mark.parametrize("name", sorted(_PLAIN))
@given(data=st.data())
@settings(max_examples=200, deadline=None)
def test_grouped_clean_patterns_match_generated(name: str, data: st.DataObject) -> None:
    plain, grouped = _PLAIN[name], getattr(clean, name)
    text = data.draw(st.one_of(st.from_regex(plain), st.from_regex(grouped), st.text(ALPHABET + "ſİıK")))
    for line in _variants(text):
        assert bool(grouped.match(line)) == bool(plain.match(line)), line


def _is_chrome_line_as_written(line: str) -> bool:
    bare = clean._BULLET_MARK.sub("", line) if line[:1] in "-•*·" else line
    if ("|" in bare or " · " in bare) and len(bare) <= 120 and clean._is_menu(bare):
        return True
    if re.fullmatch(r"[^.]{1,41} logo", bare):  # an image's alt text, "DIANA logo"
        return True
    if re.fullmatch(r"\[.*\]", bare) and len(bare) <= 120 and all(
        clean._SHORT_CHROME.match(cell) for cell in bare[1:-1].split("] [")
    ):
        return True  # buttons a Markdown copy writes in brackets, "[Apply] [Save job]"
    if " / " in bare and len(bare) <= 100 and ": " not in bare and clean._SHORT_CHROME.match(bare.partition(" / ")[0]):
        return True  # a bilingual page's buttons, "Accetta tutti / Accept all Rifiuta / Reject"
    if len(bare) <= 80 and (clean._CHAT_AUTHOR.match(bare) or clean._CHAT_TIME.match(bare)):
        return True  # a chat's "Aurélie — Today at 14:02", "[14:02]"
    name = clean._CHAT_NAME_TIME.match(bare) if len(bare) <= 80 else None
    if name and clean.label_key(name.group(1)) is None:
        return True  # Slack's "Marta Kowalczyk  9:14 AM"
    return bool((clean._SHORT_CHROME if len(bare) <= 80 else clean._LONG_CHROME).match(bare))


def test_is_chrome_line_is_as_written() -> None:
    lines = CLEAN_LINES + ["- ", "-", "•\tx", "* * x", "· - y", "-x", "--  x", "- Apply now", "•  Share", "* Loading...",
                           "- Home | Jobs | Sign in", "-  Report job", "· Merken", "- apply", "-apply",
                           "Marta Kowalczyk  9:14 AM", "Closing Date 9:00 AM"]
    for line in lines + ["- " + line for line in lines]:
        assert clean.is_chrome_line(line) == _is_chrome_line_as_written(line), line


def test_normalise_line_without_odd_spaces() -> None:
    # clean_lines says "no odd space" only of texts without one: then the shortcut must give the same line. (Every
    # line of every fixture in one test: a test a line made ~108,000 of them, most of CI's time.)
    lines = CLEAN_LINES + [
        "On-site  Full-time", "Hybrid   2 posts", "Grade  G15", "a\u00a0 b", "x\u2003y", "  • item  ", "x\x0b\x0cy",
        "Closing date  15 March 2026", "**Grade:** G15", "| Title | Clerk |", "a\tb\tc\td", "é  ü", "\u200bx",
    ]
    wrong = [line for line in lines if not clean._ODD_SPACE.search(line)
             and clean.normalise_line(line, odd_spaces=False) != clean.normalise_line(line)]
    assert not wrong, wrong[:5]


@given(st.text(alphabet=" \t\u00a0\u2003\u200b\u3000ab|:é•*#\x0b\x1c\u2028", max_size=30))
@settings(max_examples=500, deadline=None)
def test_normalise_line_without_odd_spaces_generated(line: str) -> None:
    if not clean._ODD_SPACE.search(line):
        assert clean.normalise_line(line, odd_spaces=False) == clean.normalise_line(line)
    assert bool(clean._ODD_SPACE.search(line)) == any(
        c in line for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000"
    )


ODD_TEXTS = ["Closing\u00a0date: 15 March 2026\nGrade:\u3000G15\nThe\u2009post", "a\u200bb\nc d", "é\u00a0x\n- item\u202fone"]


# clean_lines with normalise_line replaced by one that always looks for odd spaces: which texts come out otherwise.
# Run as source (NATOSITE_PURE): a function replaced inside a module compiled by mypyc is not the one its
# neighbours call.
_EACH_LINE_ASKED = r"""
import json, sys
from natosite.importer import clean
texts = json.load(sys.stdin)
got = [clean.clean_lines(text) for text in texts]
plain = clean.normalise_line
clean.normalise_line = lambda line, odd_spaces=True: plain(line)
print(json.dumps([text[:60] for text, lines in zip(texts, got) if clean.clean_lines(text) != lines]))
"""


def test_clean_lines_is_with_each_line_asked() -> None:
    texts = [decode(p.read_bytes()).text for p in RAW] + ODD_TEXTS
    done = subprocess.run([sys.executable, "-c", _EACH_LINE_ASKED], input=json.dumps(texts), capture_output=True,
                          text=True, check=True, env={**os.environ, "NATOSITE_PURE": "1"})
    assert json.loads(done.stdout) == []


# ---- header: where a post count may be ---------------------------------------------------------------------------

from natosite.importer import header  # noqa: E402
from natosite.importer.fields import _POST_NOUNS  # noqa: E402
from natosite.importer.patterns import alternatives  # noqa: E402


def test_post_noun_starts_cover_every_noun() -> None:
    starts = [prefix for prefix, _ in header._POST_NOUN_STARTS]
    for noun in alternatives(_POST_NOUNS[3:-1]):
        assert any(noun.lower().startswith(prefix) for prefix in starts), noun


POSTS_EDGE = [
    ["Full-time, 2 posts"], ["2\nposts"], ["12  Stellen", "x"], ["Officer", "3\tpositions available"], ["2postal"],
    ["a 2 post-holders"], ["2 poſts"], ["3 VACANCIES", "1 opening"], ["٣ posts"], ["2 posti e 3 posizioni"],
    ["x 1", "posts"], ["the post", "2 posts"], ["İ 2 posts"], ["10 etatów"], ["5 stanowisk"], ["4 functies"], [],
]


@pytest.mark.parametrize("lines", [lines[:40] for lines in LINES] + POSTS_EDGE)
def test_from_posts_hint_is_the_search(lines: list[str]) -> None:
    assert header._from_posts_hint(lines) == header._from_hint(lines, header.POSTS_HINT)


@given(st.lists(st.text(alphabet="0123٣ \t\nposticnvaePOSTSſıİKstelenfuncetatów-.", max_size=25), max_size=5))
@settings(max_examples=500, deadline=None)
def test_from_posts_hint_is_the_search_generated(lines: list[str]) -> None:
    lines = [line.replace("\n", " ") for line in lines]
    assert header._from_posts_hint(lines) == header._from_hint(lines, header.POSTS_HINT)


# ---- prose: the lowercased text keyword_hits looks in -------------------------------------------------------------

from natosite.importer import prose  # noqa: E402


def _lower_as_written(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


LOWER_EDGE = ["", "ABC", "Élodie ÉTÉ", "ΟΔΟΣ ΣΑΣ", "İstanbul", "STRAßE ẞ", "ǅungla", "naïve café", "\ud800X", "ÅK", "ſ",
              "NATO’s • Offre – Öl", "工作 Ab", "𝐀𝐁 x"]


@pytest.mark.parametrize("text", ["\n".join(lines) for lines in LINES] + LOWER_EDGE)
def test_lower_is_as_written(text: str) -> None:
    assert prose._lower.__wrapped__(text) == _lower_as_written(text)


@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=30) | st.text("aAéÉΣσİıſẞß’•工 \n", max_size=30))
@settings(max_examples=1000, deadline=None)
def test_lower_is_as_written_generated(text: str) -> None:
    assert prose._lower.__wrapped__(text) == _lower_as_written(text)


# ---- prose: keyword_hits searches once for every Keywords (an automaton), as a str.find for each word would ----------

from natosite.importer import facts, header  # noqa: E402

KEYWORDS = {f"{module.__name__}.{name}": value for module in (prose, facts, header) for name, value in vars(module).items()
            if isinstance(value, prose.Keywords)}


def _keyword_hits_as_written(text: str, words: tuple[str, ...]) -> list[int]:
    low = _lower_as_written(text)
    hits = set()
    for word in words:
        at = low.find(word)
        while at >= 0:
            hits.add(at)
            at = low.find(word, at + 1)
    return sorted(hits)


KEYWORD_EDGE = ["", "The ENGLISH and French; english", "aaaa", "postpostpos", "Années ANS ans", "l’autre L'AUTRE",
                "最后期限 截止日期", "İstanbul position", "\ud800 position \udfff", "ſecret SECRET", "x" * 3000 + "deadline"]


def test_keywords_are_all_checked() -> None:
    assert len(KEYWORDS) >= 15


@pytest.mark.parametrize("text", ["\n".join(lines) for lines in LINES] + KEYWORD_EDGE)
def test_keyword_hits_are_each_words_offsets(text: str) -> None:
    for name, words in KEYWORDS.items():
        expected = _keyword_hits_as_written(text, tuple(word for _, group in words for word in group))
        assert prose.keyword_hits(text, words) == expected, name


@given(st.text(alphabet="posticnhlgeEHNPO ’'-ſİı工最后期限\n", max_size=60))
@settings(max_examples=500, deadline=None)
def test_keyword_hits_are_each_words_offsets_generated(text: str) -> None:
    for name, words in KEYWORDS.items():
        expected = _keyword_hits_as_written(text, tuple(word for _, group in words for word in group))
        assert prose.keyword_hits(text, words) == expected, name


def test_words_made_after_a_search_are_found_in_the_same_text() -> None:
    text = "Closing date: 15 February; zyxwvut here"
    assert prose.keyword_hits(text, prose._LANG_WORDS) == []
    assert prose.keyword_hits(text, prose.Keywords(("zyxwvut",))) == [text.index("zyxwvut")]
    assert prose.keyword_hits(text, ("wvut here",)) == [text.index("wvut here")]


# ---- fields: whether a line may be a colon-less "label figure" ----------------------------------------------------

from natosite.importer import fields  # noqa: E402


def _may_be_bare_as_written(line: str) -> bool:
    digit = fields._DIGIT.search(line)
    return digit is not None and ":" not in line[: digit.start()] and "：" not in line[: digit.start()]


def _gate_holds(line: str) -> None:
    """``_may_be_bare`` is a quick test before ``_BARE``: it never says no to a line ``_BARE`` matches, and says yes
    only to lines the test as first written (the first digit anywhere, no colon before it) said yes to."""
    if fields._BARE.match(line):
        assert fields._may_be_bare(line), line
    if fields._may_be_bare(line):
        assert _may_be_bare_as_written(line), line


@given(st.text(alphabet="ab :：0379٣０ éx€-•E", max_size=80))
@settings(max_examples=800, deadline=None)
def test_may_be_bare_never_hides_a_field(line: str) -> None:
    _gate_holds(line)


def test_may_be_bare_never_hides_a_field_on_fixtures() -> None:
    long_label = "Basic salary for the post of a senior officer"  # (40 characters and more before the figure)
    for line in CLEAN_LINES + ["Salary ٣٠٠٠ EUR", "Gehalt: 5", "Closing date 15/02/2026", "x：1", "no figure",
                               f"{long_label} EUR 5,000", f"- {long_label[:40]} EUR 5,000"]:
        _gate_holds(line)


def _desirable_lines_as_written(lines: list[str]) -> list[str]:
    """``facts._desirable_lines`` as it was before it tested only the lines the keyword pass marks: every line."""
    from natosite.importer import facts

    wished: list[str] = []
    inside = ""  # the heading of the desirable list the line is in
    listed = False  # whether that list has had a marked item
    for i, line in enumerate(lines):
        if len(line) <= 80 and facts._DESIRABLE_HEAD.match(line):
            inside = inside or line
            continue
        if inside and facts._next_section(line, lines[i - 1], inside, listed):
            inside, listed = "", False
        if inside:
            wished.append(line)
            listed = listed or (line != "" and line[0] in facts._LIST_MARKS)
        elif facts._DESIRABLE_WORD.search(line):
            for clause in facts._CLAUSE_END.split(line):
                m = facts._DESIRABLE_WORD.search(clause)
                if m:
                    after = facts._LANGUAGE_NAME.search(clause, m.end()) if facts._LANGUAGE_NAME.search(
                        clause, 0, m.start()) else None
                    wished.append(clause[: after.start()] if after else clause)
    return wished


def test_desirable_lines_are_as_written() -> None:
    from natosite.importer import facts

    extra = [["Officer", "", "Desirable:", "- French: SLP 2222;", "", "Desirable qualifications", "- Italian would be an asset",
              "", "Contract", "German – SLP 2222 – DESIRABLE.", "Polish: SLP 2222 (mile widziany / desirable);"],
             ["Pożądane", "- angielski", "", "x is an advantage", "Desirable", "Desirable"]]
    for lines in LINES + extra:
        assert facts._desirable_lines(lines, "\n".join(lines)) == _desirable_lines_as_written(lines)


@pytest.mark.parametrize("pattern, starts", [
    ("_STRONG_TAIL", "_STRONG_TAIL_STARTS"), ("_TAIL", "_TAIL_STARTS"), ("_BLOCK_HEAD", "_BLOCK_HEAD_STARTS"),
])
@given(data=st.data())
@settings(max_examples=200, deadline=None)
def test_a_patterns_first_characters_hold_every_line_it_matches(pattern: str, starts: str, data: st.DataObject) -> None:
    """``patterns.first_chars``: a line whose first character is not among them is not tried, so none may be one the
    pattern matches (the pattern's own matches, in every case, and the fixtures' lines)."""
    compiled, first = getattr(clean, pattern), getattr(clean, starts)
    text = data.draw(st.one_of(st.from_regex(compiled), st.text(ALPHABET + "ſİıK")))
    for line in [*_variants(text), *CLEAN_LINES[:2000]]:
        if line and compiled.match(line):
            assert line[0] in first, (pattern, line)


def test_a_blank_line_is_no_chrome() -> None:
    """``clean._without_furniture`` does not ask about blank lines: none may be chrome."""
    assert not clean.is_chrome_line("") and not clean.is_chrome_line(" ")


def test_board_branding_lines_asks_the_lines_is_board_branding_would_say_yes_to() -> None:
    # (only lines with a mark, a dot or one of the words found in the text are asked: the same lines come out, for
    # every fixture's lines and for texts whose lowercase the automaton cannot read in place, "İ" and "ı")
    texts = LINES + [["İstanbul İş İlanları", "LinkedIn", "Kariyer.net › İlanlar", "Officer (Logistics)"],
                     ["ılan detayı", "Back to search results", "StepStone — Jobs", "Analyst"]]
    for lines in texts:
        joined = "\n".join(lines)
        for end in (len(lines), min(len(lines), 30)):
            assert header.board_branding_lines(lines, joined, end) == [
                i for i, line in enumerate(lines[:end]) if header.is_board_branding(line)
            ], lines[:5]


# ---- markdown: glue shapes, bit by bit ----------------------------------------------------------------------------

# The texts' classes (``markdown._CLASSES``) as ``_unglue_and_escape_all`` looks at them: every fixture's blocks
CLASS_TEXTS = ["\n".join(texts).encode("utf-8", "surrogatepass").translate(markdown._CLASSES) for texts in BLOCK_TEXTS]


def test_glue_offsets_are_the_shapes_found_one_by_one() -> None:
    for classes in CLASS_TEXTS + [b"", b"a", b"aA", b"AAa", b"a,a", b"a,A", b"a.A", b")a", b")A", b"A)", b"aa,", b"Aa"]:
        assert markdown._glue_offsets(classes) == sorted(set(markdown._offsets(classes, markdown._GLUE_SHAPES)))


@given(st.binary(max_size=80) | st.text(alphabet="aA,.)\n *", max_size=80).map(str.encode))
@settings(max_examples=500, deadline=None)
def test_glue_offsets_are_the_shapes_found_one_by_one_generated(data: bytes) -> None:
    classes = data.translate(markdown._CLASSES)
    assert markdown._glue_offsets(classes) == sorted(set(markdown._offsets(classes, markdown._GLUE_SHAPES)))


# ---- decode: double-encoded UTF-8 ---------------------------------------------------------------------------------

decode_module = sys.modules["natosite.importer.decode"]  # (the module: the package names its function "decode")

# ``decode._MOJIBAKE`` as it was written: a branch for each length of a character's UTF-8, each with its own lead
_MOJIBAKE_AS_WRITTEN = re.compile(
    f"[\xc2-\xc5][{decode_module._CONT}]|[\xe0-\xef][{decode_module._CONT}]{{2}}|[\xf0-\xf4][{decode_module._CONT}]{{3}}"
)
_MOJIBAKE_ALPHABET = "aé \n\xc2\xc3\xc5\xc6\xdf\xe0\xe2\xe9\xef\xf0\xf4\xf5€™©¿\x80\x9f’–Ÿ" + decode_module._CONT[:8]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_mojibake_matches_as_written() -> None:
    texts = [decode(p.read_bytes()).text for p in RAW] + ["Ã©tÃ© â€™ Ã", "ðŸ˜€ Ã¨", "â€", "Ã\n©", "Â\xa0x"]
    for text in texts:
        assert _spans(decode_module._MOJIBAKE, text) == _spans(_MOJIBAKE_AS_WRITTEN, text), text[:80]


@given(st.text(alphabet=_MOJIBAKE_ALPHABET, max_size=30))
@settings(max_examples=1000, deadline=None)
def test_mojibake_matches_as_written_generated(text: str) -> None:
    assert _spans(decode_module._MOJIBAKE, text) == _spans(_MOJIBAKE_AS_WRITTEN, text)


# ---- facts: a notice's reference in its head ----------------------------------------------------------------------

from natosite.importer import facts  # noqa: E402

HEADS = ["\n".join(lines[: facts._NOTICE_HEAD_REACH]) for lines in LINES]


def _holds_a_word(pattern: re.Pattern[str], words: tuple[str, ...], head: str) -> bool:
    return not words or not pattern.search(head) or any(word in head.lower() for word in words)


def test_a_reference_patterns_words_are_in_every_head_it_matches() -> None:
    """``_unlabelled_reference`` does not search a head whose lowercase holds none of a pattern's words: every head
    the pattern matches must hold one."""
    for pattern, words in facts._REFERENCE_PATTERNS:
        for head in HEADS:
            assert _holds_a_word(pattern, words, head), (pattern.pattern, head[:200])


@pytest.mark.parametrize("index", range(len(facts._REFERENCE_PATTERNS)))
@given(data=st.data())
@settings(max_examples=200, deadline=None)
def test_a_reference_patterns_words_are_in_every_text_it_matches_generated(index: int, data: st.DataObject) -> None:
    pattern, words = facts._REFERENCE_PATTERNS[index]
    text = data.draw(st.from_regex(pattern))
    for head in [text, text.upper(), text.lower(), text.swapcase()]:
        assert _holds_a_word(pattern, words, head), (pattern.pattern, head)


_CIVILIAN_VACANCY_AS_WRITTEN = re.compile(r"\bVACANCY ((?:[A-Z]{2,6} |[A-Z][A-Z0-9]{1,5}-)?\d{2,4}[-/]\d{1,4})(?![\w/-])")


def _same_civilian_vacancies(head: str) -> None:
    assert _spans(facts._CIVILIAN_VACANCY, head) == _spans(_CIVILIAN_VACANCY_AS_WRITTEN, head)
    for m in _CIVILIAN_VACANCY_AS_WRITTEN.finditer(head):
        assert facts._CIVILIAN_VACANCY.search(head, m.start()).group(1) == m.group(1)  # type: ignore[union-attr]


def test_civilian_vacancy_matches_as_written() -> None:
    for head in [*HEADS, "CIVILIAN VACANCY NSHQ 26-07", "VACANCY E3A-26/117", "XVACANCY 26-07", "VACANCY 26-07x"]:
        _same_civilian_vacancies(head)


@given(st.text(alphabet="VACNY E3-/_1270aé\n", max_size=40).map(lambda t: t.replace("V", "VACANCY ")))
@settings(max_examples=500, deadline=None)
def test_civilian_vacancy_matches_as_written_generated(text: str) -> None:
    _same_civilian_vacancies(text)


# ---- prose: a salary sentence wrapped by a PDF's lines -----------------------------------------------------------

from natosite.importer import prose  # noqa: E402

SALARY_TEXTS = [t for t in ("\n".join(lines) for lines in LINES) if prose.keyword_hits(t, prose._SALARY_WORDS)]


def _same_unwrapped_near(text: str) -> None:
    hits = prose.keyword_hits(text, prose._SALARY_WORDS)
    near, whole = prose._unwrapped_near(text, hits), prose._WRAPPED.sub(" ", text)
    assert len(near) == len(text)
    for hit in hits:  # (where _salary_sentence looks: the two texts agree)
        assert near[max(0, hit - 32) : hit + 160] == whole[max(0, hit - 32) : hit + 160]
    for grade in (None, "G15", "G16", "G17/G18"):
        assert prose._salary_sentence(near, hits, grade) == prose._salary_sentence(whole, hits, grade)


def test_salary_sentence_is_unwrapped_where_it_is_looked_for() -> None:
    assert len(SALARY_TEXTS) > 100
    for text in SALARY_TEXTS:
        _same_unwrapped_near(text)


_SALARY_PIECES = ["The basic monthly salary", "monthly salary", " is", " of", " at", "\n", " EUR 7,641.18", "€ 5.000,00",
                  "grade G15", "(step 1)", ":", " for this post", "salary for this", "basic salary of", "x", "A", ", "]


@given(st.lists(st.sampled_from(_SALARY_PIECES), max_size=30).map("".join))
@settings(max_examples=500, deadline=None)
def test_salary_sentence_is_unwrapped_where_it_is_looked_for_generated(text: str) -> None:
    _same_unwrapped_near(text)


@given(st.lists(st.sampled_from(_SALARY_PIECES + [" is\n", ":\n", "\nEUR 1", "\n€", "\na", "\n(", ")\n"]), max_size=80)
       .map("".join), st.lists(st.integers(0, 1200), max_size=4).map(sorted))
@settings(max_examples=500, deadline=None)
def test_unwrapped_near_is_the_whole_substitution_around_any_hits(text: str, hits: list[int]) -> None:
    near, whole = prose._unwrapped_near(text, hits), prose._WRAPPED.sub(" ", text)
    for hit in hits:
        assert near[max(0, hit - 40) : hit + 170] == whole[max(0, hit - 40) : hit + 170]
    assert len(near) == len(text)


# ---- fields: a label with its value is no label -------------------------------------------------------------------

from natosite.importer import fields  # noqa: E402


def test_no_label_holds_a_colon() -> None:
    """``fields._short_label_key`` answers None at once for a line that still holds a colon once its own trailing
    colon is cut: that is only right while no label it looks up holds one."""
    for table in (fields.LABEL_TO_KEY, fields._SPACELESS, fields._DOTLESS):
        assert not [label for label in table if ":" in label or "：" in label]
    assert fields.label_key("Reference:") == "reference" and fields.label_key("Reference: 300962") is None


def test_every_featured_hint_holds_one_of_its_words() -> None:
    """``extract_facts`` looks for the hints of a job alert only in a text whose lowercase holds one of
    ``_FEATURED_HINT_WORDS`` before where the hints are looked for: each hint's lowercase must hold one."""
    words = [word for _, group in facts._FEATURED_HINT_WORDS for word in group]
    for hint in (*facts._FEATURED_HINTS, "\nFull description\n"):
        assert any(word in hint.lower() for word in words), hint


def test_cookie_words_are_looked_for_where_their_mark_is() -> None:
    """``clean._drop_cookie_banners`` looks for a cookie word only in lines holding its first non-ASCII letter."""
    assert [word for _, word in clean._COOKIE_MARKS] == list(clean._COOKIE_WORDS)
    for mark, word in clean._COOKIE_MARKS:
        assert mark in word and (mark or word.isascii())


# ---- clean: a text's marks in one pass ----------------------------------------------------------------------------

def _page_number_as_written(text: str) -> bool:
    """``clean._has_page_number`` as it was written before the marks: a search for each of its words."""
    if "\n1\n" in text and "\n2\n" in text:
        return True
    if " 1/" in text and clean._PRINT_FOOTER.search(text):
        return True
    for word in clean._PAGE_WORDS:
        at = text.find(word)
        while at >= 0:
            if text[at + len(word) : at + len(word) + 1].isdigit():
                return True
            at = text.find(word, at + 1)
    return False


def _same_marks(text: str) -> None:
    marks = clean._marks_of(text)
    assert {mark for mark in clean._MARKS if mark in marks} == {mark for mark in clean._MARKS if mark in text}, text
    assert clean._has_page_number(text, marks) == _page_number_as_written(text), text


def test_marks_are_the_words_the_text_holds() -> None:
    texts = [decode(p.read_bytes()).text for p in RAW] + [
        "Page 2", "Page ²", "Seite 3 von 4", "Página ٣", "strona 1", "Side 1 af 2", "page ", "-\n- \n", "\ud800 wrote:",
        "x\n1\nx\n2\n", "https://x.org 1/4", "\\'", "[[a]]\n[a]", "\n>", "\n+--", "\n  ---\n---", "Subject: x",
    ]
    for text in texts:
        _same_marks(text)


@given(st.lists(st.sampled_from([*clean._MARKS, *clean._PAGE_WORDS, "1", "²", "٣", "x", " ", "\n", "é", "€", "\ud800",
                                 "-", "[", "a", ">", "+"]), max_size=20).map("".join))
@settings(max_examples=1000, deadline=None)
def test_marks_are_the_words_the_text_holds_generated(text: str) -> None:
    _same_marks(text)


def test_every_mark_clean_lines_asks_about_is_looked_for() -> None:
    """``_Marks.holds`` answers from the marks found: a word asked about that is not among ``_MARKS`` would never be."""
    source = (Path(clean.__file__).parent / "clean.py").read_text(encoding="utf-8")  # (its source, when compiled too)
    asked = [eval(word) for word in re.findall(r'marks\.holds(?:_before)?\(\s*text, ("(?:[^"\\]|\\.)*")', source)]
    assert len(asked) == source.count("marks.holds(") + source.count("marks.holds_before(") >= 20
    assert not [word for word in asked if word not in clean._MARKS]


def test_marks_are_found_again_for_a_changed_text() -> None:
    marks = clean._Marks("incum-\nbent")
    assert marks.holds("incum-\nbent", "-\n") and not marks.holds("incumbent, he wrote:", "-\n")
    assert marks.holds("incumbent, he wrote:", " wrote:")
    assert marks.holds_before("x Subject: y", "ubject:", 10) and not marks.holds_before("x Subject: y", "ubject:", 9)
