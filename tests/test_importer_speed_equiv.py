"""The importer's faster paths give what the slower code they replace gives.

Each test runs a shortcut and the plain code it stands for (kept in the modules, or written out here) on the
fixtures' texts, on edge cases and on generated text (hypothesis), and compares the results.
"""

from __future__ import annotations

import random
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


@pytest.mark.parametrize("text", [t for texts in BLOCK_TEXTS for t in texts] + _random_texts(99, 400) + GLUE_WORDS)
def test_unglue_words_is_the_word_substitution(text: str) -> None:
    assert markdown._unglue_words(text) == markdown._WORD.sub(markdown._unglue_word, text)


@given(st.text(alphabet=ALPHABET, max_size=60))
@settings(max_examples=500, deadline=None)
def test_unglue_words_is_the_word_substitution_generated(text: str) -> None:
    assert markdown._unglue_words(text) == markdown._WORD.sub(markdown._unglue_word, text)
