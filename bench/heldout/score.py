"""Facts right on held-out postings: the import's second bar (issue 2: at least 95% of the facts of postings from
boards and formats the importer has not seen).

Usage: python bench/heldout/score.py EXPECTED.yaml FOLDER [NAME_PREFIX ...]

EXPECTED.yaml maps each raw file in FOLDER to its expected front matter, written by hand from the posting before
the importer ran on it (``brief.md`` is the brief given to whoever writes a round, ten postings and their facts: a
template whose {ROUND}, {FIRST}, {LAST} and {STYLES} are filled in for each round).
Every fact key (``models.FACT_KEYS`` and ``models.EXTRA_KEYS``) is compared as ``tests/test_importer.py`` compares
the fixtures' (a key left out is null; ``posts`` defaults to 1; a deadline's offset must match too). Prints each
file's misses, then the facts right out of all. Run it once, on the round as written: that first contact is the
held-out figure; a round then joins ``tests/fixtures/raw`` with its misses recorded or fixed.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml

from natosite.importer import ImportRefused, native, parse_posting
from natosite.models import EXTRA_KEYS, FACT_KEYS


def score(expected: dict[str, dict[str, object]], folder: Path, prefixes: tuple[str, ...] = ()) -> tuple[int, int]:
    """(facts right, facts) of the files in ``expected`` (those whose name starts with one of ``prefixes``, if any)."""
    right = total = 0
    for name, want_all in expected.items():
        if prefixes and not name.startswith(prefixes):
            continue
        try:
            meta = parse_posting((folder / name).read_bytes(), {"file": name, "imported": dt.date.today()}).posting.meta
        except ImportRefused as refused:
            print(f"{name}: refused: {refused.message}")
            meta = {}
        misses = []
        for key in FACT_KEYS + EXTRA_KEYS:
            want = want_all.get(key, 1 if key == "posts" else None)
            got = meta.get(key)
            ok = got == want and (not isinstance(want, dt.datetime) or got.utcoffset() == want.utcoffset())
            right += ok
            total += 1
            if not ok:
                misses.append(f"    {key}: want {want!r}  got {got!r}")
        if misses:
            print(name, *misses, sep="\n")
    return right, total


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    expected = yaml.safe_load(Path(argv[0]).read_text(encoding="utf-8"))
    right, total = score(expected, Path(argv[1]), tuple(argv[2:]))
    print(f"importer {native.mode}: {right}/{total} facts right = {100 * right / max(total, 1):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
