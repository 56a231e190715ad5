"""The five real seed postings (``raw/``): every fact, decided by hand.

Decisions worth knowing:

- Board times without a zone ("18-Jun-2025, 9:59:00 PM") are Europe/Brussels, the
  default zone, and ``timezone`` says so (DESIGN.md): 2025-06-18T21:59:00+02:00.
- 000 and 001 have no title line and no vacancy number: both stay null and the id
  is ``posting-<sha8>``. 002 names its post only in its summary's first sentence
  ("The Head of the Policy Planning Unit (PPU) leads ..."), which gives the title
  "Head, Policy Planning Unit" (the example title of DESIGN.md).
- 001 (a Chinese board): the deadline is "最后期限: 10-01-2026", day first, a bare
  date; the dates of the similar jobs under it are never taken. It names no grade.
  Its organisation and location come from the text ("NATO's International Staff",
  "NATO Headquarters in Brussels, Belgium").
- 003 recruits two heads of section ("(1 post) & ... (1 post)"): posts 2, the title
  is both names without the counts; its id is the one DESIGN.md shows. The essay date
  (18/06/2025) and the assessment months are not the deadline.
- 004 (PDF text on a French board): the board's own summary above the posting names
  the wrong organisation (NCIA) and is dropped; the posting is the IMS's. B-4/G-10 is
  G10, "(2 posts)" is posts 2, "27 July 2025 (23:59 Brussels time)" names its zone.
- Salaries: only the labelled board field ("Salary (Pay Basis)"), in EUR for Belgium.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest

from natosite import frontmatter
from natosite.commands.import_ import run_import
from natosite.config import load_config
from natosite.importer import parse_posting

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "raw"
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
COMMON = {
    "organisation": "NATO International Staff (NATO IS)",
    "location": "Brussels, Belgium",
    "schedule": "Full-time",
    "posts": 1,
    "timezone": "Europe/Brussels",
    "contract": "definite duration",
    "contract_years": 3,
}
SEEDS = {
    "000_2858587996861d4b.txt": {
        **COMMON,
        "title": None,
        "reference": None,
        "grade": "G15",
        "salary": 6467.30,
        "currency": "EUR",
        "deadline": dt.datetime(2025, 12, 14, 23, 59, tzinfo=BRUSSELS),
        "languages": "V in one, III in the other",
        "experience_years": 2,
    },
    "001_0ffb7e715a2bdf10.txt": {
        **COMMON,
        "title": None,
        "reference": None,
        "grade": None,
        "salary": None,
        "currency": None,
        "deadline": dt.date(2026, 1, 10),
        "languages": "V in one, IV in the other",
        "experience_years": 4,
    },
    "002_21903f39bb86f84a.txt": {
        **COMMON,
        "title": "Head, Policy Planning Unit",
        "reference": None,
        "grade": "G22",
        "salary": 10742.69,
        "currency": "EUR",
        "deadline": dt.datetime(2025, 11, 24, 0, 59, tzinfo=BRUSSELS),
        "languages": "V in one, III in the other",
        "experience_years": 10,
    },
    "003_faa9f49ef902facb.txt": {
        **COMMON,
        "title": "Head NATO Affairs and Security Policy Section & Head Multilateral Organisations Section",
        "reference": "250875",
        "grade": "G22",
        "salary": 10742.69,
        "currency": "EUR",
        "posts": 2,
        "deadline": dt.datetime(2025, 6, 18, 21, 59, tzinfo=BRUSSELS),
        "languages": "V in one, II in the other",
        "experience_years": 10,
    },
    "004_692592a906609671.txt": {
        "title": "Senior Assistant (Recruitment)",
        "reference": "250974",
        "organisation": "NATO International Military Staff (NATO IMS)",
        "location": "Brussels, Belgium",
        "grade": "G10",
        "salary": None,
        "currency": None,
        "schedule": None,
        "posts": 2,
        "deadline": dt.datetime(2025, 7, 27, 23, 59, tzinfo=BRUSSELS),
        "timezone": "Europe/Brussels",
        "division": "International Military Staff (IMS)",
        "contract": "definite duration",
        "contract_years": 3,
        "languages": {"English": "V", "French": "III"},
        "clearance": "NATO SECRET",
        "experience_years": 4,
    },
}
IDS = {
    "000_2858587996861d4b.txt": "posting-0ca0c498",
    "001_0ffb7e715a2bdf10.txt": "posting-ea569dd7",
    "002_21903f39bb86f84a.txt": "head-policy-planning-unit",
    "003_faa9f49ef902facb.txt": "250875-head-nato-affairs-and-security-policy",
    "004_692592a906609671.txt": "250974-senior-assistant-recruitment",
}


def _parse(name: str):
    return parse_posting((RAW / name).read_bytes(), {"file": name, "imported": dt.date(2026, 11, 23)})


def test_all_seeds_are_covered() -> None:
    assert sorted(p.name for p in RAW.iterdir() if p.is_file()) == sorted(SEEDS)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_front_matter(name: str) -> None:
    meta = dict(_parse(name).posting.meta)
    source = meta.pop("source")
    assert source["file"] == name and source["imported"] == dt.date(2026, 11, 23)
    assert meta == SEEDS[name]
    deadline = meta["deadline"]
    if isinstance(deadline, dt.datetime):  # the offset is the one in force that day
        assert deadline.utcoffset() == SEEDS[name]["deadline"].utcoffset()


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_ids(name: str) -> None:
    assert _parse(name).id == IDS[name]


def test_seed_003_deadline_as_written_in_the_file() -> None:
    assert "deadline: 2025-06-18T21:59:00+02:00\n" in _parse("003_faa9f49ef902facb.txt").text


def test_seed_001_deadline_is_a_bare_date() -> None:
    assert "deadline: 2026-01-10\n" in _parse("001_0ffb7e715a2bdf10.txt").text


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_body_has_no_board_chrome(name: str) -> None:
    body = _parse(name).posting.body
    for chrome in ("Track This Job", "Loading", "Apply now", "相同的工作", "Key Skills", "Job stats", "Activez",
                   "More jobs like this", "Ranked by relevance", "is seeking", "⏰", "点击"):
        assert chrome not in body, (name, chrome)
    assert body.count("\n## ") >= 5  # the posting's own sections are headings


def test_seed_bodies_keep_the_posting() -> None:
    body = _parse("004_692592a906609671.txt").posting.body
    for text in ("STAFF VACANCY 250974", "## Post Context", "- a. Ensuring administrative support",
                 "Civilian Personnel appointed", "all NATO civilian related policies", "(e.g. SharePoint)",
                 "The IMS is a non-smoking environment."):
        assert text in body, text
    body = _parse("000_2858587996861d4b.txt").posting.body
    assert "## Main accountabilities\n" in body and "### Stakeholder Management\n" in body
    assert "- Pending Budget Approval\\*" in body


def test_importing_the_seeds_twice_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = load_config(tmp_path)
    assert run_import(config, (str(RAW),), force=False, dry_run=False) == 0
    files = {p.name: p.read_bytes() for p in config.postings_dir.iterdir()}
    assert sorted(files) == sorted(f"{i}.md" for i in IDS.values())
    for text in files.values():
        frontmatter.split(text.decode("utf-8"))
    assert run_import(config, (str(RAW),), force=False, dry_run=False) == 0
    assert {p.name: p.read_bytes() for p in config.postings_dir.iterdir()} == files
    assert capsys.readouterr().out.count(": unchanged (postings/") == 5


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_repository_postings_are_what_the_import_writes(name: str) -> None:
    """postings/ holds the seeds as the current importer writes them (re-run `natosite import raw/` after a change:
    delete the five files first, the import keeps files that differ)."""
    path = REPO / "postings" / f"{IDS[name]}.md"
    meta, _ = frontmatter.split(path.read_text(encoding="utf-8"))
    result = parse_posting((RAW / name).read_bytes(), meta["source"])
    assert path.read_text(encoding="utf-8") == result.text


def _facts(data: bytes) -> dict:
    meta = dict(parse_posting(data, {"file": "x", "imported": dt.date(2026, 11, 23)}).posting.meta)
    meta.pop("source")
    return meta


@pytest.mark.parametrize("name", ["000_2858587996861d4b.txt", "003_faa9f49ef902facb.txt"])
def test_seed_saved_other_ways_gives_the_same_facts(name: str) -> None:
    import html

    text = (RAW / name).read_text(encoding="utf-8")
    expected = _facts(text.encode("utf-8"))
    assert _facts(text.encode("utf-16")) == expected
    assert _facts(text.replace("\n", "\r\n").replace(" ", "\u00a0").encode("cp1252", errors="replace")) == expected
    page = "".join(f"<li>{html.escape(line[2:])}</li>" if line.startswith("- ") else f"<div>{html.escape(line)}</div>"
                   for line in text.split("\n"))
    saved = f"<!DOCTYPE html><html><head><script>var d='01-Jan-2020';</script></head><body><nav>Home | Jobs</nav>" \
            f"{page}</body></html>"
    assert _facts(saved.encode("utf-8")) == expected
