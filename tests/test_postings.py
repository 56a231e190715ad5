import datetime as dt

from natosite.postings import load_postings

GOOD = """---
title: Head, Policy Planning Unit
reference: "250875"
organisation: NATO International Staff (NATO IS)
grade: G22
deadline: 2025-06-18T23:59:00+02:00
timezone: Europe/Brussels
my_own_key: kept
---

## Summary

Text.
"""


def test_loads_good_posting_with_person_keys(write_tree, tmp_path):
    write_tree({"postings/250875-head-policy.md": GOOD})
    postings, problems = load_postings(tmp_path / "postings")
    assert problems == []
    [p] = postings
    assert p.id == "250875-head-policy"
    assert p.path == "postings/250875-head-policy.md"
    assert p.title == "Head, Policy Planning Unit"
    assert p.meta["my_own_key"] == "kept"
    assert p.deadline.utcoffset() == dt.timedelta(hours=2)
    assert p.status == "new"
    assert p.body.startswith("## Summary")


def test_every_bad_file_is_reported_and_the_rest_loads(write_tree, tmp_path):
    write_tree(
        {
            "postings/a.md": GOOD,
            "postings/b.md": "---\ntitle: [unclosed\n---\n",
            "postings/c.md": "---\ntitle: C\ndeadline: next friday\n---\n",
            "postings/Bad Name.md": GOOD,
            "postings/d.md": b"---\ntitle: \xff\xfe\n---\n",
        }
    )
    postings, problems = load_postings(tmp_path / "postings")
    assert [p.id for p in postings] == ["a"]
    errors = [str(p) for p in problems if p.level == "error"]
    assert any(e.startswith("postings/b.md:2: bad YAML") for e in errors), errors
    assert "postings/c.md:3: deadline: 'next friday' is not a date: write 2026-02-15 or 2026-02-15T23:59:00+01:00" in errors
    assert any(e.startswith("postings/Bad Name.md: file name") for e in errors)
    assert any(e.startswith("postings/d.md: not UTF-8") for e in errors)


def test_missing_key_facts_are_warnings(write_tree, tmp_path):
    write_tree({"postings/x.md": "---\ntitle: null\nreference: '1'\n---\nBody\n"})
    postings, problems = load_postings(tmp_path / "postings")
    assert [p.id for p in postings] == ["x"]
    warnings = {str(p) for p in problems if p.level == "warning"}
    assert "postings/x.md:2: title: no title: set `title:` in postings/x.md" in warnings
    assert "postings/x.md: deadline: no deadline: set `deadline:` in postings/x.md" in warnings


def test_reference_number_becomes_text_and_naive_deadline_gets_zone(write_tree, tmp_path):
    write_tree({"postings/x.md": "---\nreference: 250875\ndeadline: 2026-01-10 23:59:00\ntimezone: Europe/Brussels\n---\n"})
    [p], _ = load_postings(tmp_path / "postings")
    assert p.meta["reference"] == "250875"
    assert p.deadline.utcoffset() == dt.timedelta(hours=1)


def test_control_characters_never_reach_the_model(write_tree, tmp_path):
    write_tree({"postings/x.md": '---\ntitle: "\\x1b]0;PWNED\\x07 Head\\x00"\ntags: ["a\\x1bb"]\n---\nBody \x1b[2J text\n'})
    [p], _ = load_postings(tmp_path / "postings")
    assert p.title == "]0;PWNED Head"
    assert p.meta["tags"] == ["ab"]
    assert p.body == "Body [2J text\n"


def test_control_characters_from_yaml_escapes_alone_are_dropped(write_tree, tmp_path):
    # No control character in the file itself: only the front matter's escapes make them.
    write_tree({"postings/x.md": '---\ntitle: "Head\\x07 of\\u001b unit"\nsource: {file: "a\\x00.txt"}\n---\nBody\n'})
    [p], _ = load_postings(tmp_path / "postings")
    assert p.title == "Head of unit" and p.meta["source"] == {"file": "a.txt"} and p.body == "Body\n"


def test_alias_bomb_in_front_matter_is_refused_with_a_line(write_tree, tmp_path):
    chain = "".join(f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
    write_tree({"postings/x.md": "---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + chain + "---\n"})
    postings, problems = load_postings(tmp_path / "postings")
    assert postings == []
    assert [str(p) for p in problems] == [
        "postings/x.md:2: aliases (*name) expand to more than 50,000 values; write the values out"
    ]


def test_small_aliases_are_fine(write_tree, tmp_path):
    write_tree({"postings/x.md": "---\ntitle: T\nlangs: &l [en, fr]\nagain: *l\n---\n"})
    [p], _ = load_postings(tmp_path / "postings")
    assert p.meta["again"] == ["en", "fr"]


def test_impossible_date_names_its_line(write_tree, tmp_path):
    write_tree({"postings/x.md": "---\ntitle: T\ndeadline: 2026-02-30\n---\n"})
    _, problems = load_postings(tmp_path / "postings")
    assert [str(p) for p in problems if p.level == "error"] == ["postings/x.md:3: not a real date: day is out of range for month"]


def test_an_impossible_date_does_not_hide_the_files_other_mistakes(write_tree, tmp_path):
    write_tree({"postings/x.md": "---\ntitle: T\ndeadline: 2026-02-30\nsalary: abc\nposts: 0\norganisation: O\ngrade: G9\n---\n"})
    _, problems = load_postings(tmp_path / "postings")
    assert [str(p) for p in problems] == [
        "postings/x.md:3: not a real date: day is out of range for month",
        "postings/x.md:4: salary: expected a number such as 6467.30, found 'abc'",
        "postings/x.md:5: posts: expected a whole number of posts, found 0",
    ]


def test_an_impossible_date_elsewhere_leaves_a_real_deadline_alone(write_tree, tmp_path):
    write_tree({"postings/x.md": "---\ntitle: T\norganisation: O\ngrade: G9\ndeadline: 2026-06-18T23:59:00+02:00\n"
                                 "interview: 2026-02-31\n---\n"})
    _, problems = load_postings(tmp_path / "postings")
    assert [str(p) for p in problems] == ["postings/x.md:6: not a real date: day is out of range for month"]


def test_odd_grades_and_currencies_are_warnings(write_tree, tmp_path):
    write_tree(
        {
            "postings/a.md": "---\ntitle: T\norganisation: O\ndeadline: 2026-02-03\ngrade: Z9\ncurrency: 5\n---\n",
            "postings/b.md": "---\ntitle: T\norganisation: O\ndeadline: 2026-02-03\ngrade: G15/G16\ncurrency: PLN\n---\n",
            "postings/c.md": "---\ntitle: T\norganisation: O\ndeadline: 2026-02-03\ngrade: G27\ncurrency: euro\n---\n",
        }
    )
    postings, problems = load_postings(tmp_path / "postings")
    assert len(postings) == 3  # warnings: every posting is still used
    assert {p.level for p in problems} == {"warning"}
    assert [str(p) for p in problems] == [
        "postings/a.md:5: grade: 'Z9' is not a NATO grade such as G15 (or G15/G16 for twin grades)",
        "postings/a.md:6: currency: 5 is not a currency code such as EUR, USD or GBP",
        "postings/c.md:5: grade: 'G27' is not a NATO grade such as G15 (or G15/G16 for twin grades)",
        "postings/c.md:6: currency: 'euro' is not a currency code such as EUR, USD or GBP",
    ]


def test_a_key_written_twice_is_a_warning_naming_both_lines(write_tree, tmp_path):
    """YAML keeps the last of two equal keys without a word: check and build say so (the posting still loads)."""
    twice = GOOD.replace("my_own_key: kept\n", "my_own_key: kept\n'deadline': 2025-07-01\n")
    write_tree({"postings/a.md": twice, "postings/b.md": "---\ntitle: A\ntags: [x]\ntitle: B\n---\n"})
    postings, problems = load_postings(tmp_path / "postings")
    assert [p.id for p in postings] == ["a", "b"]
    assert postings[0].deadline == dt.date(2025, 7, 1) and postings[1].title == "B"
    found = [str(p) for p in problems if "duplicate" in p.message]
    assert found == [
        "postings/a.md:9: duplicate key 'deadline' (also at line 6); the last one is used",
        "postings/b.md:4: duplicate key 'title' (also at line 2); the last one is used",
    ]
    assert all(p.level == "warning" for p in problems if "duplicate" in p.message)


def test_lines_that_only_look_like_repeated_keys_are_not_duplicates(write_tree, tmp_path):
    """A flow mapping or a quoted text may run on over lines that look like keys: the YAML decides."""
    write_tree({
        "postings/a.md": "---\ntitle: A\nsource: {file: x,\ntitle: y}\n---\n",
        "postings/b.md": "---\ntitle: 'x\ntitle: y'\n---\n",
        "postings/c.md": "---\ntitle: A\nnotes: |\n  title: inner\n---\n",
    })
    postings, problems = load_postings(tmp_path / "postings")
    assert len(postings) == 3 and not [p for p in problems if "duplicate" in p.message]
