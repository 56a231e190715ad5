"""tests/icslint.py must catch every violation it claims to check (a lint that cannot fail is worthless)."""

from __future__ import annotations

import pytest

from icslint import Lint, lint, main

GOOD = (
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//test//test//EN\r\n"
    "NAME:Jobs\\, mine\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Brussels\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:20261025T030000\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:a-deadline@x\r\n"
    "DTSTAMP:20261123T120000Z\r\n"
    "DTSTART;TZID=Europe/Brussels:20261201T235900\r\n"
    "SUMMARY:Deadline: Head\\, Unit\\; Policy \\\\ Plans\\nnext\r\n"
    "DESCRIPTION:Caf\u00e9 na\u00efve r\u00e9sum\u00e9 \u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
    "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\r\n"
    " \u00e9\u00e9 end\r\n"
    "CATEGORIES:NATO vacancy,Deadline\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:DISPLAY\r\n"
    "DESCRIPTION:soon\r\n"
    "TRIGGER:-P7D\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:a-warn-7d@x\r\n"
    "DTSTAMP:20261123T120000Z\r\n"
    "DTSTART;VALUE=DATE:20261124\r\n"
    "DTEND;VALUE=DATE:20261125\r\n"
    "SUMMARY:Closes in 7 days\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


def messages(text: str | bytes) -> list[str]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return [p.message for p in lint(data)]


def test_good_calendar_is_clean() -> None:
    assert max(len(line.encode()) for line in GOOD.split("\r\n")) <= 75
    assert lint(GOOD.encode("utf-8")) == []


def test_lint_reports_line_numbers() -> None:
    bad = GOOD.replace("SUMMARY:Closes in 7 days", "SUMMARY:Closes, in 7 days")
    found = lint(bad.encode())
    line = bad.split("\r\n").index("SUMMARY:Closes, in 7 days") + 1
    assert found == [Lint(line, "SUMMARY: unescaped ',' in a TEXT value")]
    assert str(found[0]) == f"line {line}: SUMMARY: unescaped ',' in a TEXT value"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("VERSION:2.0\r\n", "VERSION:2.0\n", "bare LF or CR: every line must end with CRLF"),
        ("VERSION:2.0\r\n", "VERSION:2.0\r", "bare LF or CR: every line must end with CRLF"),
        ("SUMMARY:Closes in 7 days", "SUMMARY:" + "x" * 70, "line is 78 octets, more than 75"),
        (" \u00e9\u00e9 end", "\t\u00e9\u00e9 end", "continuation line starts with a TAB, expected one space"),
        ("VERSION:2.0\r\n", "VERSION:2.0\r\n\r\n", "empty line"),
        ("SUMMARY:Closes in 7 days", "SUMMARY:Closes; in 7 days", "SUMMARY: unescaped ';' in a TEXT value"),
        ("SUMMARY:Closes in 7 days", "SUMMARY:Closes, in 7 days", "SUMMARY: unescaped ',' in a TEXT value"),
        ("SUMMARY:Closes in 7 days", "SUMMARY:C:\\temp", "SUMMARY: backslash not followed by \\\\, \\;, \\, or \\n"),
        ("SUMMARY:Closes in 7 days", "SUMMARY:trailing \\", "SUMMARY: backslash not followed by \\\\, \\;, \\, or \\n"),
        ("SUMMARY:Closes in 7 days", "SUMMARY:bell\x07", "SUMMARY: control character in a TEXT value"),
        ("CATEGORIES:NATO vacancy", "CATEGORIES:NATO; vacancy", "CATEGORIES: unescaped ';' in a TEXT value"),
        ("NAME:Jobs\\, mine", "NAME:Jobs, mine", "NAME: unescaped ',' in a TEXT value"),
        ("TZID:Europe/Brussels", "TZID:Europe/Paris", "TZID=Europe/Brussels has no VTIMEZONE"),
        ("DTSTART;VALUE=DATE:20261124", "DTSTART:20261124", "DTSTART: date-only value 20261124 without VALUE=DATE"),
        ("DTEND;VALUE=DATE:20261125", "DTEND;VALUE=DATE:20261125T100000",
         "DTEND: VALUE=DATE with a date-time value 20261125T100000"),
        ("DTEND;VALUE=DATE:20261125", "DTEND;VALUE=DATE:20261124",
         "DTEND 2026-11-24 is not after DTSTART 2026-11-24 (DTEND is exclusive)"),
        ("DTEND;VALUE=DATE:20261125", "DTEND;VALUE=DATE:20261120",
         "DTEND 2026-11-20 is not after DTSTART 2026-11-24 (DTEND is exclusive)"),
        ("DTEND;VALUE=DATE:20261125", "DTEND:20261125T000000Z",
         "DTEND is not of the same type (date / date-time) as DTSTART"),
        ("DTEND;VALUE=DATE:20261125", "DTEND;VALUE=DATE:tomorrow", "DTEND: 'tomorrow' is neither a date nor a date-time"),
        ("UID:a-warn-7d@x", "UID:a-deadline@x", "UID a-deadline@x already used on line 14"),
        ("UID:a-warn-7d@x\r\n", "", "VEVENT without UID"),
        ("DTSTAMP:20261123T120000Z\r\nDTSTART;VALUE", "DTSTART;VALUE", "VEVENT without DTSTAMP"),
        ("END:VALARM\r\n", "", "END:VEVENT does not close VALARM"),
        ("END:VCALENDAR\r\n", "", "BEGIN:VCALENDAR never ended"),
        ("VERSION:2.0", "VERSION 2.0", "no ':' in content line 'VERSION 2.0'"),
        ("VERSION:2.0", "VER SION:2.0", "bad property name in 'VER SION'"),
    ],
)
def test_lint_catches(old: str, new: str, expected: str) -> None:
    assert old in GOOD
    assert expected in messages(GOOD.replace(old, new, 1))


def test_missing_final_crlf() -> None:
    assert "file does not end with CRLF" in messages(GOOD[:-2])


def test_fold_inside_a_utf8_character() -> None:
    data = GOOD.encode("utf-8")
    # "é" is C3 A9: fold between its two bytes.
    split = data.replace(b" \xc3\xa9\xc3\xa9 end", b" \xc3\r\n \xa9\xc3\xa9 end")
    assert split != data
    found = messages(split)
    assert sum("not valid UTF-8 on its own" in m for m in found) == 2


def test_continuation_first() -> None:
    assert "continuation line with nothing to continue" in messages(" " + GOOD)


def test_tzid_in_value_with_utc() -> None:
    bad = GOOD.replace("DTSTART;TZID=Europe/Brussels:20261201T235900", "DTSTART;TZID=Europe/Brussels:20261201T235900Z")
    assert "DTSTART: UTC value with a TZID" in messages(bad)


def test_timed_dtend_compared_across_zones() -> None:
    # 23:59 Brussels (22:59Z) to 22:30Z is before the start.
    bad = GOOD.replace("DTSTART;TZID=Europe/Brussels:20261201T235900\r\n",
                       "DTSTART;TZID=Europe/Brussels:20261201T235900\r\nDTEND:20261201T223000Z\r\n")
    assert any(m.startswith("DTEND 2026-12-01 22:30:00+00:00 is not after") for m in messages(bad))
    good = bad.replace("DTEND:20261201T223000Z", "DTEND:20261201T230000Z")
    assert lint(good.encode()) == []


def test_main_prints_and_exits(tmp_path, capsys) -> None:
    clean, dirty = tmp_path / "a.ics", tmp_path / "b.ics"
    clean.write_bytes(GOOD.encode())
    dirty.write_bytes(GOOD.replace("VERSION:2.0\r\n", "VERSION:2.0\n").encode())
    assert main([str(clean)]) == 0
    assert main([str(clean), str(dirty)]) == 1
    assert f"{dirty}:line 2: bare LF or CR" in capsys.readouterr().out
