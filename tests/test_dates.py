"""Tests of natosite.importer.dates: every deadline format -> date or aware datetime."""

from __future__ import annotations

import datetime as dt
import time
import zoneinfo
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natosite.importer.dates import DEFAULT_TZ, DateMatch, find_dates, parse_date, search_date

SEEDS = sorted((Path(__file__).resolve().parent.parent / "raw").glob("*.txt"))


def iso(match: DateMatch | None) -> str | None:
    assert match is not None
    return None if match.value is None else match.value.isoformat()


def matched(text: str, match: DateMatch) -> str:
    return text[match.start : match.end]


# ---------------------------------------------------------------- dates without a time

DATES = [
    # numeric, day first, with - / .
    ("10-01-2026", "2026-01-10"),
    ("10/01/2026", "2026-01-10"),
    ("10.01.2026", "2026-01-10"),
    ("15/02/2026", "2026-02-15"),
    ("15.02.2026", "2026-02-15"),
    ("1-2-2026", "2026-02-01"),
    ("1.2.2026", "2026-02-01"),
    ("31/12/2025", "2025-12-31"),
    ("29-02-2028", "2028-02-29"),
    # two-digit years
    ("15/02/26", "2026-02-15"),
    ("15-02-26", "2026-02-15"),
    ("15.02.26", "2026-02-15"),
    ("14-Dec-25", "2025-12-14"),
    # ISO and year first
    ("2026-02-15", "2026-02-15"),
    ("2026/02/15", "2026-02-15"),
    ("2026.2.5", "2026-02-05"),
    # English month names
    ("14-Dec-2025", "2025-12-14"),
    ("February 15, 2026", "2026-02-15"),
    ("Feb 15 2026", "2026-02-15"),
    ("Feb. 15, 2026", "2026-02-15"),
    ("February 15th, 2026", "2026-02-15"),
    ("15 February 2026", "2026-02-15"),
    ("15 Feb 2026", "2026-02-15"),
    ("15 Feb. 2026", "2026-02-15"),
    ("15 Feb, 2026", "2026-02-15"),
    ("15th February 2026", "2026-02-15"),
    ("1st March 2026", "2026-03-01"),
    ("2nd May 2026", "2026-05-02"),
    ("3rd June 2026", "2026-06-03"),
    ("15th of February 2026", "2026-02-15"),
    ("15 Sept 2026", "2026-09-15"),
    ("15 SEPTEMBER 2026", "2026-09-15"),
    ("15/Feb/2026", "2026-02-15"),
    ("27 July 2025", "2025-07-27"),
    # French
    ("15 février 2026", "2026-02-15"),
    ("15 fevrier 2026", "2026-02-15"),
    ("1er mars 2026", "2026-03-01"),
    ("3 août 2026", "2026-08-03"),
    ("12 déc. 2026", "2026-12-12"),
    ("5 janv. 2026", "2026-01-05"),
    # German
    ("15. Februar 2026", "2026-02-15"),
    ("15. März 2026", "2026-03-15"),
    ("1. Mai 2026", "2026-05-01"),
    ("3. Dezember 2026", "2026-12-03"),
    ("7. Jänner 2026", "2026-01-07"),
    # Dutch
    ("15 februari 2026", "2026-02-15"),
    ("15 maart 2026", "2026-03-15"),
    ("15 mei 2026", "2026-05-15"),
    ("15 okt 2026", "2026-10-15"),
    # Italian
    ("15 febbraio 2026", "2026-02-15"),
    ("1 giugno 2026", "2026-06-01"),
    ("30 settembre 2026", "2026-09-30"),
    # Polish, nominative and genitive
    ("15 lutego 2026", "2026-02-15"),
    ("15 lutego 2026 r.", "2026-02-15"),
    ("1 października 2026", "2026-10-01"),
    ("20 września 2026", "2026-09-20"),
    ("3 grudnia 2026", "2026-12-03"),
    # Spanish / Portuguese
    ("15 de febrero de 2026", "2026-02-15"),
    ("15 de fevereiro de 2026", "2026-02-15"),
    ("2 de março de 2026", "2026-03-02"),
    ("9 de diciembre del 2026", "2026-12-09"),
    # Norwegian, Turkish
    ("15. desember 2026", "2026-12-15"),
    ("15 Şubat 2026", "2026-02-15"),
    # the other NATO nations' languages, Swedish and Finnish
    ("15. januára 2027", "2027-01-15"),  # Slovak
    ("15. února 2027", "2027-02-15"),  # Czech
    ("15. siječnja 2027", "2027-01-15"),  # Croatian
    ("15 ianuarie 2027", "2027-01-15"),  # Romanian
    ("15 януари 2027 г.", "2027-01-15"),  # Bulgarian
    ("15 Ιανουαρίου 2027", "2027-01-15"),  # Greek
    ("2027 m. sausio 15 d.", "2027-01-15"),  # Lithuanian
    ("15. janvāris 2027", "2027-01-15"),  # Latvian
    ("15. jaanuar 2027", "2027-01-15"),  # Estonian
    ("15. tammikuuta 2027", "2027-01-15"),  # Finnish
    ("15 augusti 2027", "2027-08-15"),  # Swedish
    ("15 janar 2027", "2027-01-15"),  # Albanian
    ("15. janúar 2027", "2027-01-15"),  # Icelandic
    ("3 listopada 2027", "2027-11-03"),  # Polish November (Croatian writes October so; Polish keeps it)
    # CJK
    ("2026年2月15日", "2026-02-15"),
    ("2026 年 12 月 1 日", "2026-12-01"),
    ("2026년 2월 15일", "2026-02-15"),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_dates(text: str, expected: str) -> None:
    match = search_date(text)
    assert iso(match) == expected
    assert matched(text, match) == text  # the whole date, nothing more, nothing less
    assert (match.timezone, match.zone_stated, match.error) == (DEFAULT_TZ, False, None)
    assert type(match.value) is dt.date


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Monday, 15 February 2026", "Monday, 15 February 2026"),
        ("Mon 15 Feb 2026", "Mon 15 Feb 2026"),
        ("Friday, February 13, 2026", "Friday, February 13, 2026"),
        ("lundi 16 février 2026", "lundi 16 février 2026"),
        ("Montag, 16. Februar 2026", "Montag, 16. Februar 2026"),
        ("Deadline: 15 February 2026.", "15 February 2026"),
        ("(15/02/2026)", "15/02/2026"),
        ("⏰ 02-01-2026🌏 Anderlecht", "02-01-2026"),
        ("最后期限: 10-01-2026", "10-01-2026"),
        ("by latest 18/06/2025.", "18/06/2025"),
        ("closing date:15.02.2026,", "15.02.2026"),
    ],
)
def test_match_span(text: str, span: str) -> None:
    match = search_date(text)
    assert match is not None
    assert matched(text, match) == span


# ---------------------------------------------------------------- times


TIMES = [
    ("14-Dec-2025, 11:59:00 PM", "2025-12-14T23:59:00+01:00"),
    ("24-Nov-2025, 12:59:00 AM", "2025-11-24T00:59:00+01:00"),
    ("18-Jun-2025, 9:59:00 PM", "2025-06-18T21:59:00+02:00"),
    ("15 February 2026 23:59", "2026-02-15T23:59:00+01:00"),
    ("15 February 2026, 23.59", "2026-02-15T23:59:00+01:00"),
    ("15 February 2026 at 11:59 PM", "2026-02-15T23:59:00+01:00"),
    ("15 February 2026 11.59 pm", "2026-02-15T23:59:00+01:00"),
    ("15 February 2026 11:59 p.m.", "2026-02-15T23:59:00+01:00"),
    ("15 February 2026 12 noon", "2026-02-15T12:00:00+01:00"),
    ("15 February 2026 at noon", "2026-02-15T12:00:00+01:00"),
    ("15 February 2026 midnight", "2026-02-15T23:59:00+01:00"),
    ("15/02/2026 2359 hrs", "2026-02-15T23:59:00+01:00"),
    ("15/02/2026 2359hrs", "2026-02-15T23:59:00+01:00"),
    ("15/02/2026 12:00 AM", "2026-02-15T00:00:00+01:00"),
    ("15/02/2026 12:00 PM", "2026-02-15T12:00:00+01:00"),
    ("15/02/2026 9 am", "2026-02-15T09:00:00+01:00"),
    ("15/02/2026 24:00", "2026-02-16T00:00:00+01:00"),
    ("15 juin 2026 à 23h59", "2026-06-15T23:59:00+02:00"),
    ("15 juin 2026 à 12h", "2026-06-15T12:00:00+02:00"),
    ("15. Juni 2026, 23:59 Uhr", "2026-06-15T23:59:00+02:00"),
    ("15 juni 2026 om 23.59 uur", "2026-06-15T23:59:00+02:00"),
    ("15 giugno 2026 alle ore 23:59", "2026-06-15T23:59:00+02:00"),
    ("15 czerwca 2026 r., godz. 23:59", "2026-06-15T23:59:00+02:00"),
    ("15 lutego 2026 r. do godz. 23:59", "2026-02-15T23:59:00+01:00"),
    ("15. Februar 2026 bis 23:59 Uhr", "2026-02-15T23:59:00+01:00"),
    ("15 de febrero de 2026 a las 23:59", "2026-02-15T23:59:00+01:00"),
    ("14.4.2027 klo 23.59", "2027-04-14T23:59:00+02:00"),  # Finnish
    ("15.01.2027 kell 23:59", "2027-01-15T23:59:00+01:00"),  # Estonian
    ("15.01.2027. plkst. 23:59", "2027-01-15T23:59:00+01:00"),  # Latvian (a dot after the year)
    ("15 ianuarie 2027, ora 23:59", "2027-01-15T23:59:00+01:00"),  # Romanian
    ("15.01.2027. u 23:59 sati", "2027-01-15T23:59:00+01:00"),  # Croatian
    ("15 януари 2027 г., 23:59 ч.", "2027-01-15T23:59:00+01:00"),  # Bulgarian
    ("15/01/2027 στις 23:59", "2027-01-15T23:59:00+01:00"),  # Greek
    ("2027-01-15 23:59 val.", "2027-01-15T23:59:00+01:00"),  # Lithuanian
    ("2026-02-15T23:59:00", "2026-02-15T23:59:00+01:00"),
    ("2026-02-15 23:59", "2026-02-15T23:59:00+01:00"),
    # the time before the date
    ("23:59 on 3 March 2026", "2026-03-03T23:59:00+01:00"),
    ("11:59 PM, 3 March 2026", "2026-03-03T23:59:00+01:00"),
    ("midnight on Tuesday, 3 March 2026", "2026-03-03T23:59:00+01:00"),
    ("2359 hrs on the 3rd of March 2026", "2026-03-03T23:59:00+01:00"),
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_times(text: str, expected: str) -> None:
    match = search_date(text)
    assert iso(match) == expected
    assert matched(text, match) == text
    assert match.timezone == DEFAULT_TZ and not match.zone_stated


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("15 February 2026 23 candidates", "15 February 2026"),  # a bare number is not a time
        ("15 February 2026 10.742,69 EUR", "15 February 2026"),
        ("15 February 2026 25:00", "15 February 2026"),
        ("15 February 2026 5 hours", "15 February 2026"),
        ("15 February 2026 a 12 month contract", "15 February 2026"),
    ],
)
def test_numbers_after_a_date_are_not_times(text: str, span: str) -> None:
    match = search_date(text)
    assert matched(text, match) == span
    assert type(match.value) is dt.date


# ---------------------------------------------------------------- zones

ZONES = [
    ("27 July 2025 (23:59 Brussels time)", "2025-07-27T23:59:00+02:00", "Europe/Brussels"),
    ("15 February 2026 23:59 CET", "2026-02-15T23:59:00+01:00", "Europe/Brussels"),
    ("15 July 2026 23:59 CEST", "2026-07-15T23:59:00+02:00", "Europe/Brussels"),
    ("15 July 2026 23:59 (CEST)", "2026-07-15T23:59:00+02:00", "Europe/Brussels"),
    ("15 February 2026, 23:59 Central European Time", "2026-02-15T23:59:00+01:00", "Europe/Brussels"),
    ("15 February 2026 14:00 GMT", "2026-02-15T14:00:00+00:00", "UTC"),
    ("15 February 2026 14:00 UTC", "2026-02-15T14:00:00+00:00", "UTC"),
    ("2026-02-15T14:00Z", "2026-02-15T14:00:00+00:00", "UTC"),
    ("2026-02-15T14:00:00+01:00", "2026-02-15T14:00:00+01:00", "Etc/GMT-1"),
    ("15 February 2026 14:00 UTC+1", "2026-02-15T14:00:00+01:00", "Etc/GMT-1"),
    ("15 February 2026 14:00 GMT+2", "2026-02-15T14:00:00+02:00", "Etc/GMT-2"),
    ("15 February 2026 14:00 UTC-5", "2026-02-15T14:00:00-05:00", "Etc/GMT+5"),
    ("15 February 2026 14:00 UTC+05:30", "2026-02-15T14:00:00+05:30", "UTC+05:30"),
    ("15 February 2026 23:59 The Hague time", "2026-02-15T23:59:00+01:00", "Europe/Amsterdam"),
    ("15 February 2026 23:59 Netherlands time", "2026-02-15T23:59:00+01:00", "Europe/Amsterdam"),
    ("15 February 2026 23:59 Brunssum time", "2026-02-15T23:59:00+01:00", "Europe/Amsterdam"),
    ("15 February 2026 23:59 Mons time", "2026-02-15T23:59:00+01:00", "Europe/Brussels"),
    ("15 February 2026 23:59 SHAPE time", "2026-02-15T23:59:00+01:00", "Europe/Brussels"),
    ("15 February 2026 23:59 Norfolk time", "2026-02-15T23:59:00-05:00", "America/New_York"),
    ("15 February 2026 23:59 EST", "2026-02-15T23:59:00-05:00", "America/New_York"),
    ("15 July 2026 23:59 EDT", "2026-07-15T23:59:00-04:00", "America/New_York"),
    ("15 February 2026 23:59 Eastern time", "2026-02-15T23:59:00-05:00", "America/New_York"),
    ("15 February 2026 23:59 Naples time", "2026-02-15T23:59:00+01:00", "Europe/Rome"),
    ("15 February 2026 23:59 Rome time", "2026-02-15T23:59:00+01:00", "Europe/Rome"),
    ("15 February 2026 23:59 Lisbon time", "2026-02-15T23:59:00+00:00", "Europe/Lisbon"),
    ("15 February 2026 23:59 WET", "2026-02-15T23:59:00+00:00", "Europe/Lisbon"),
    ("15 February 2026 23:59 Luxembourg time", "2026-02-15T23:59:00+01:00", "Europe/Luxembourg"),
    ("15 February 2026 23:59 Paris time", "2026-02-15T23:59:00+01:00", "Europe/Paris"),
    ("15 February 2026 23:59 Bydgoszcz time", "2026-02-15T23:59:00+01:00", "Europe/Warsaw"),
    ("15 February 2026 23:59 Warsaw time", "2026-02-15T23:59:00+01:00", "Europe/Warsaw"),
    ("15 February 2026 23:59 Madrid time", "2026-02-15T23:59:00+01:00", "Europe/Madrid"),
    ("15 February 2026 23:59 Ankara time", "2026-02-15T23:59:00+03:00", "Europe/Istanbul"),
    ("15 February 2026 23:59 Izmir time", "2026-02-15T23:59:00+03:00", "Europe/Istanbul"),
    ("15 February 2026 23:59 Stavanger time", "2026-02-15T23:59:00+01:00", "Europe/Oslo"),
    ("15 February 2026 23:59 Oslo time", "2026-02-15T23:59:00+01:00", "Europe/Oslo"),
    ("15 February 2026 23:59 Geilenkirchen time", "2026-02-15T23:59:00+01:00", "Europe/Berlin"),
    ("15 February 2026 23:59 Ramstein time", "2026-02-15T23:59:00+01:00", "Europe/Berlin"),
    ("15 February 2026 23:59 Uedem time", "2026-02-15T23:59:00+01:00", "Europe/Berlin"),
    ("15 February 2026 23:59 Kalkar local time", "2026-02-15T23:59:00+01:00", "Europe/Berlin"),
    ("15 February 2026, 23:59 (local time in Brussels)", "2026-02-15T23:59:00+01:00", "Europe/Brussels"),
    ("1er mars 2026 à 23h59 (heure de Bruxelles)", "2026-03-01T23:59:00+01:00", "Europe/Brussels"),
    ("15. März 2026, 23:59 Uhr MEZ", "2026-03-15T23:59:00+01:00", "Europe/Brussels"),  # (CET by its German name)
    ("15 febbraio 2026 alle ore 12:00 (ora di Napoli)", "2026-02-15T12:00:00+01:00", "Europe/Rome"),
    ("15 de febrero de 2026 a las 23:59 (hora de Madrid)", "2026-02-15T23:59:00+01:00", "Europe/Madrid"),
    ("Sunday, 15th of February 2026 at 11:59pm GMT", "2026-02-15T23:59:00+00:00", "UTC"),
    ("Wednesday 31st December 2025 at 12:00 noon GMT", "2025-12-31T12:00:00+00:00", "UTC"),
    ("Dec. 14, 2025, 11:59 PM EST", "2025-12-14T23:59:00-05:00", "America/New_York"),
    ("Sun, Dec 14 2025 at 23:59 (CET)", "2025-12-14T23:59:00+01:00", "Europe/Brussels"),
    ("14/12/2025 - 23:59 hrs (Brussels time)", "2025-12-14T23:59:00+01:00", "Europe/Brussels"),
    ("15 February 2026 12:00 (noon) CET", "2026-02-15T12:00:00+01:00", "Europe/Brussels"),
    ("23:59 (CET) on Sunday 15 February 2026", "2026-02-15T23:59:00+01:00", "Europe/Brussels"),
    ("15 February 2026, 23:59 hours (Belgian time)", "2026-02-15T23:59:00+01:00", "Europe/Brussels"),
    ("15 February 2026 (at midnight, Brussels time)", "2026-02-15T23:59:00+01:00", "Europe/Brussels"),
    ("23:59 CET on 3 March 2026", "2026-03-03T23:59:00+01:00", "Europe/Brussels"),
    ("14:00 GMT on 1 Feb 2026", "2026-02-01T14:00:00+00:00", "UTC"),
    ("midnight (Brussels time) on 3 March 2026", "2026-03-03T23:59:00+01:00", "Europe/Brussels"),
    # a place's adjective and "time" (held-out round 5)
    ("09.04.2027, 23:59 Uhr (Luxemburger Zeit)", "2027-04-09T23:59:00+02:00", "Europe/Luxembourg"),
    ("15. april 2027 kl. 12:00 (dansk tid)", "2027-04-15T12:00:00+02:00", "Europe/Copenhagen"),
    ("1 March 2027 23:59 belgische tijd", "2027-03-01T23:59:00+01:00", "Europe/Brussels"),
    ("12.03.2027 um 12:00 Uhr deutscher Zeit", "2027-03-12T12:00:00+01:00", "Europe/Berlin"),
]


@pytest.mark.parametrize(("text", "expected", "zone"), ZONES)
def test_zones(text: str, expected: str, zone: str) -> None:
    match = search_date(text)
    assert iso(match) == expected
    assert matched(text, match) == text
    assert match.timezone == zone
    assert match.zone_stated is True


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("15 February 2026 (CET)", "Europe/Brussels"),
        ("15 February 2026 Brussels time", "Europe/Brussels"),
        ("15 February 2026 (Norfolk time)", "America/New_York"),
    ],
)
def test_zone_of_a_date_without_time(text: str, zone: str) -> None:
    match = search_date(text)
    assert match.value == dt.date(2026, 2, 15)
    assert (match.timezone, match.zone_stated, matched(text, match)) == (zone, True, text)


def test_local_time_is_not_a_stated_zone() -> None:
    text = "15 February 2026 23:59 local time"
    match = search_date(text)
    assert (iso(match), match.timezone, match.zone_stated) == ("2026-02-15T23:59:00+01:00", DEFAULT_TZ, False)
    assert matched(text, match) == text


@pytest.mark.parametrize(
    ("default", "expected"),
    [("Europe/Brussels", "2026-02-15T23:59:00+01:00"), ("America/New_York", "2026-02-15T23:59:00-05:00"),
     ("UTC", "2026-02-15T23:59:00+00:00")],
)
def test_default_zone(default: str, expected: str) -> None:
    match = search_date("15/02/2026 23:59", default_tz=default)
    assert (iso(match), match.timezone, match.zone_stated) == (expected, default, False)


def test_unknown_default_zone_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        search_date("15/02/2026", default_tz="Mars/Olympus")


def test_datetime_values_are_aware_zoneinfo() -> None:
    match = search_date("15 July 2026 23:59")
    assert isinstance(match.value, dt.datetime)
    assert str(match.value.tzinfo) == "Europe/Brussels"
    assert match.value.utcoffset() == dt.timedelta(hours=2)


# ---------------------------------------------------------------- impossible dates

@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("31-02-2026", "31-02-2026 is not a real date"),
        ("30/02/2026", "30/02/2026 is not a real date"),
        ("29.02.2026", "29.02.2026 is not a real date"),
        ("2026-13-01", "2026-13-01 is not a real date"),
        ("2026-02-30", "2026-02-30 is not a real date"),
        ("00-01-2026", "00-01-2026 is not a real date"),
        ("31-04-2026", "31-04-2026 is not a real date"),
        ("02/15/2026", "02/15/2026 is not a real date (dates are read day first)"),
        ("30 February 2026", "30 February 2026 is not a real date"),
        ("31 June 2026", "31 June 2026 is not a real date"),
        ("February 30, 2026", "February 30, 2026 is not a real date"),
        ("2026年2月30日", "2026年2月30日 is not a real date"),
    ],
)
def test_impossible_dates_are_reported_not_rolled_over(text: str, error: str) -> None:
    match = search_date(text)
    assert match is not None
    assert match.value is None
    assert match.error == error
    assert matched(text, match) == text


def test_impossible_date_keeps_its_time_in_the_span() -> None:
    text = "31-02-2026 23:59 CET"
    match = search_date(text)
    assert (match.value, matched(text, match), match.zone_stated) == (None, text, True)


# ---------------------------------------------------------------- things that are not dates

@pytest.mark.parametrize(
    "text",
    [
        "STAFF VACANCY 250875",
        "Call +32 2 707 12 34 or 02-707-1234",
        "+32-2-707-12-34",
        "NATO Grade G15/G16",
        "Annex A.2 and B.12.3",
        "Salary 10,742.69 EUR, or 10.742,69",
        "2. QUALIFICATIONS AND EXPERIENCE",
        "2-3 years of experience, 5/10 candidates",
        "posted 3 days ago",
        "Posted 2 weeks ago, 12 applicants",
        "version 1.2.10, IP 192.168.1.10",
        "ref ABC-15-02-2026-X",
        "code 15-02-20261",
        "PASP0109 and PASP0016",
        "in the first half of July 2025",
        "15 February",
        "May 2026",
        "1234-12-12",
        "15-02-2301",
        "15/02/1850",
        "the 12 may help",
        "items 3, 2026 budget",
        "Monday, 3 candidates",
        "https://www.nato.int/structur/recruit/2025/pasp0109e-eng-fra.pdf",
        "",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []
    assert search_date(text) is None


def test_a_rejected_candidate_does_not_hide_a_later_date() -> None:
    text = "items 3, 2026-02-15"
    assert [matched(text, m) for m in find_dates(text)] == ["2026-02-15"]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Application Deadline\n14-Dec-2025\n11:59 PM\nSalary", "14-Dec-2025\n11:59 PM", "2025-12-14T23:59:00+01:00"),
        ("Posted 10-01-2026\n\n12:00 meeting", "10-01-2026", "2026-01-10"),  # a blank line ends the date
        ("10:00\n\n3 March 2026", "3 March 2026", "2026-03-03"),
        ("15 February 2026 23:59 CET/CEST", "15 February 2026 23:59 CET/CEST", "2026-02-15T23:59:00+01:00"),
        ("15 February 2026 at 23:59 hrs. (CET)", "15 February 2026 at 23:59 hrs. (CET)", "2026-02-15T23:59:00+01:00"),
        ("15 Feb 2026–28 Feb 2026", "15 Feb 2026", "2026-02-15"),
        ("Interviews at 10:00. 3 March 2026 is the deadline", "3 March 2026", "2026-03-03"),
        ("15 July 2026 23:59 (GMT+01:00) Brussels", "15 July 2026 23:59 (GMT+01:00)", "2026-07-15T23:59:00+01:00"),
    ],
)
def test_what_belongs_to_a_date(text: str, span: str, expected: str) -> None:
    match = search_date(text)
    assert matched(text, match) == span
    assert iso(match) == expected


# ---------------------------------------------------------------- find_dates / parse_date

def test_find_dates_returns_all_in_order() -> None:
    text = "Open 1 February 2026, closes 15/02/2026 23:59 CET; interviews on 2026-03-10 and 31-02-2026."
    found = find_dates(text)
    assert [matched(text, m) for m in found] == [
        "1 February 2026", "15/02/2026 23:59 CET", "2026-03-10", "31-02-2026",
    ]
    assert [m.value.isoformat() if m.value else m.error for m in found] == [
        "2026-02-01", "2026-02-15T23:59:00+01:00", "2026-03-10", "31-02-2026 is not a real date",
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_a_time_between_two_dates_belongs_to_the_first() -> None:
    text = "1 March 2026 23:59 2 March 2026"
    found = find_dates(text)
    assert [matched(text, m) for m in found] == ["1 March 2026 23:59", "2 March 2026"]


@pytest.mark.parametrize(
    ("text", "expected", "span"),
    [
        ("14-Dec-2025, 11:59:00 PM", "2025-12-14T23:59:00+01:00", "14-Dec-2025, 11:59:00 PM"),
        (" : 15 February 2026", "2026-02-15", "15 February 2026"),
        ("by 15 Feb 2026 (CET)", "2026-02-15", "15 Feb 2026 (CET)"),
        ("on Monday, 16 February 2026", "2026-02-16", "Monday, 16 February 2026"),
        ("by 23:59 on 3 March 2026", "2026-03-03T23:59:00+01:00", "23:59 on 3 March 2026"),
        ("not later than 3 March 2026, then", "2026-03-03", "3 March 2026"),
        ("\n10-01-2026\nMore text 11-01-2026", "2026-01-10", "10-01-2026"),
    ],
)
def test_parse_date_at_start(text: str, expected: str, span: str) -> None:
    match = parse_date(text)
    assert iso(match) == expected
    assert matched(text, match) == span


@pytest.mark.parametrize("text", ["Closing 15 Feb 2026", "see below. 15 Feb 2026", "G15 2026", "", "   "])
def test_parse_date_needs_the_date_first(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_reports_impossible_dates() -> None:
    match = parse_date("Deadline 31-02-2026".removeprefix("Deadline "))
    assert match.value is None and match.error == "31-02-2026 is not a real date"


# ---------------------------------------------------------------- seeds and speed

def test_seed_deadlines() -> None:
    firsts = {seed.name[:3]: search_date(seed.read_text(encoding="utf-8")) for seed in SEEDS}
    got = {name: iso(match) for name, match in firsts.items()}
    assert got == {
        "000": "2025-12-14T23:59:00+01:00",
        "001": "2026-01-10",
        "002": "2025-11-24T00:59:00+01:00",
        "003": "2025-06-18T21:59:00+02:00",
        "004": "2025-07-27T23:59:00+02:00",
    }
    assert firsts["004"].zone_stated and not firsts["000"].zone_stated



# ---------------------------------------------------------------- properties

DATEY = st.lists(st.sampled_from(list("0123456789-/.:, ()年月日 amp") + [
    "Feb", "March", "mars", "2026", "23:59", " CET", " GMT+2", "midnight", "Monday", " on ", "T", "Z", "hrs",
    "Brussels time", "+01:00", "UTC", "1er", "th", "lutego", " de ", "12 noon", "(", ")",
]), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=300), DATEY))
def test_never_raises_and_spans_are_sane(text: str) -> None:
    found = find_dates(text)
    assert search_date(text) == (found[0] if found else None)
    previous_end = 0
    for match in found:
        assert previous_end <= match.start < match.end <= len(text)
        previous_end = match.end
        assert (match.value is None) == (match.error is not None)
        if isinstance(match.value, dt.datetime):
            assert match.value.tzinfo is not None and match.value.utcoffset() is not None
    parsed = parse_date(text)
    assert parsed is None or parsed.start <= len(text)


# ---------------------------------------------------------------- held-out rounds

def test_an_unknown_adjective_before_zeit_is_no_zone() -> None:
    found = search_date("1.3.2027 12:00 Uhr irgendeiner Zeit")
    assert found.timezone == DEFAULT_TZ and not found.zone_stated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/01/2027 11:59 PM EST", "2027-03-01T23:59:00-05:00"),  # an American zone: month/day/year
        ("05/04/2027 5:00 PM Eastern Time", "2027-05-04T17:00:00-04:00"),
        ("03/01/2027 23:59 CET", "2027-01-03T23:59:00+01:00"),  # any other zone: day first, as before
        ("03.01.2027 23:59 EST", "2027-01-03T23:59:00-05:00"),  # (dots are never American)
    ],
)
def test_a_slashed_date_in_an_american_zone_is_month_first(text: str, expected: str) -> None:
    assert search_date(text).value.isoformat() == expected


@pytest.mark.parametrize(
    "text, expected",
    [("2027. március 15.", dt.date(2027, 3, 15)), ("Közzétéve: 2027. febr. 10.", dt.date(2027, 2, 10)),
     ("2027. szeptember 1", dt.date(2027, 9, 1))],
)
def test_hungarian_year_first_dates(text: str, expected: dt.date) -> None:
    assert search_date(text).value == expected


@pytest.mark.parametrize(
    "text, zone",
    [("16 April 2027 (12:00 hrs, Ulm local time)", "Europe/Berlin"), ("1 May 2027, 23:59 Northwood time",
                                                                       "Europe/London"),
     ("2 May 2027 at noon La Spezia time", "Europe/Rome"), ("3 May 2027, 16:00 Neuilly-sur-Seine time", "Europe/Paris")],
)
def test_a_nato_site_named_as_the_deadline_zone(text: str, zone: str) -> None:
    found = search_date(text)
    assert found.timezone == zone and found.zone_stated and isinstance(found.value, dt.datetime)


@pytest.mark.parametrize("text, zone", [
    ("Scadenza candidature: 31/01/2027, ore 23:59 (ora italiana)", "Europe/Rome"),
    ("Date limite : 15/02/2027 à 23h59 (heure française)", "Europe/Paris"),
    ("Termin: 15.02.2027 godz. 23:59 czasu polskiego", "Europe/Warsaw"),
    ("Plazo: 31/01/2027 a las 23:59 hora española", "Europe/Madrid"),
])
def test_a_nations_time_in_its_own_language(text: str, zone: str) -> None:
    found = search_date(text)
    assert found is not None and found.timezone == zone and found.zone_stated


@pytest.mark.parametrize("text, zone, hours", [
    ("3 March 2027, midnight CET (Luxembourg time)", "Europe/Luxembourg", 1),
    ("20.01.2027, godz. 23:59 (czasu warszawskiego / Warsaw time)", "Europe/Warsaw", 1),
    ("5 febbraio 2027, ore 12:00 (ora italiana / Italian time)", "Europe/Rome", 1),
    ("28 February 2027, 23:59 (Türkiye time, UTC+3)", "Europe/Istanbul", 3),
    ("15 March 2027, 23:59 (CET/CEST)", "Europe/Brussels", 1),
    ("by 23:59 hrs (Norfolk, Virginia local time) on February 15, 2027", "America/New_York", -5),
])
def test_of_two_names_of_a_zone_the_place_wins(text: str, zone: str, hours: int) -> None:
    found = search_date(text)
    assert found is not None and found.timezone == zone
    assert found.value.utcoffset() == dt.timedelta(hours=hours)


@pytest.mark.parametrize("text, zone, hours", [
    ("Termin składania aplikacji: 31.01.2027 r. do godz. 23:59 (czasu polskiego)", "Europe/Warsaw", 1),
    ("by 23:59 hrs Eastern Standard Time (EST, UTC-5) on Friday, January 8, 2027", "America/New_York", -5),
])
def test_round_18_deadlines_with_their_zones(text: str, zone: str, hours: int) -> None:
    found = search_date(text)
    assert found is not None and found.timezone == zone and found.value.utcoffset() == dt.timedelta(hours=hours)


def test_a_time_before_the_date_and_the_zone_after_it() -> None:
    found = search_date("Applications must reach us by midnight on 5 November 2026 (CET).", "Europe/Brussels")
    brussels = zoneinfo.ZoneInfo("Europe/Brussels")
    assert found is not None and found.value == dt.datetime(2026, 11, 5, 23, 59, tzinfo=brussels)
    found = search_date("23:59 on 5 November 2026, Rome time", "Europe/Brussels")
    assert found is not None and found.timezone == "Europe/Rome" and found.value.hour == 23
