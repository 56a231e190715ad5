"""``ics.serialize_item`` writes an event from its values; icalendar's component of the same values is the reference.

Every item the feed and the posting files are made of must come out byte for byte as
``ics.serialize(item.component())`` (icalendar's own typing and escaping, in icalendar's
property order). Values the direct writer does not know are handed to icalendar.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ics_helpers import sample_postings, site
from natosite import ics
from natosite.build_cache import BuildCache, read_postings, read_tracker
from natosite.config import load_config
from natosite.ics_events import Item, deadline_event, posting_components
from natosite.tracker import merge

PLACEHOLDER = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
ZONES = sorted(zoneinfo.available_timezones())


def reference(item: Item) -> str:
    return ics.serialize(item.component())


def items_of(postings, config) -> list[Item]:
    items = []
    for p in postings:
        items += posting_components(p, config, PLACEHOLDER)
        event = deadline_event(p, config, PLACEHOLDER, alarms=True)
        if event is not None:
            items.append(event)
    return items


def test_sample_items_match_icalendar(tmp_path) -> None:
    for base_url in ("", "https://jobs.example.org/nato/"):
        config = site([], tmp_path, base_url=base_url, warn_days=(14, 7, 1)).config
        items = items_of(sample_postings(), config)
        assert len(items) > 10 and any(i.subcomponents for i in items)
        for item in items:
            assert ics._write(item) == reference(item)


def test_generated_workspace_items_match_icalendar(generate_postings) -> None:
    config = load_config(generate_postings(150))
    cache = BuildCache()
    tracker, _ = read_tracker(config, cache)
    postings, _, _ = read_postings(config, cache)
    merged, _ = merge(postings, tracker)
    items = items_of(merged, config)
    kinds = {name.rsplit("@")[0].rsplit("-", 2)[-2] for name in (str(i["UID"]) for i in items)}
    assert {"reminder", "event", "warn"} <= kinds  # every kind of item is covered
    for item in items:
        assert ics._write(item) == reference(item)


def test_every_zone_is_written_as_icalendar_writes_it() -> None:
    written = 0
    for zone in ZONES:
        item = Item("VEVENT")
        item["UID"] = "x@h"
        item["DTSTART"] = dt.datetime(2026, 3, 29, 2, 30, 5, 999, tzinfo=zoneinfo.ZoneInfo(zone))
        item["DTEND"] = dt.datetime(2026, 10, 25, 2, 30, tzinfo=zoneinfo.ZoneInfo(zone))
        assert ics.serialize_item(item) == reference(item), zone
        written += ics._zone_params(zoneinfo.ZoneInfo(zone)) is not None
    assert written > len(ZONES) * 0.9  # only zones icalendar writes as UTC ("Z") are declined


# Pieces that matter to TEXT escaping (``\\N`` and CRLF included), and any character.
TEXT = st.lists(st.one_of(st.sampled_from(list("aZ é中,;:\\\"'\r\n\tN\u2028\x85😀") + ["\\N", "\r\n"]),
                          st.characters(exclude_categories=("Cs",))), max_size=120).map("".join)
DAYS = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 30))
TIMES = st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30),
                     timezones=st.sampled_from([dt.timezone.utc, *map(zoneinfo.ZoneInfo, ZONES[::7])]))
WHEN = st.one_of(DAYS, TIMES)


@settings(max_examples=300, deadline=None)
@given(summary=TEXT, description=TEXT, location=TEXT, categories=st.lists(TEXT, min_size=1, max_size=3),
       url=st.text(alphabet="abc:/?&=%#;,", max_size=40), start=WHEN, end=WHEN, stamp=TIMES,
       triggers=st.lists(st.timedeltas(min_value=-dt.timedelta(days=400), max_value=dt.timedelta(days=400)), max_size=3))
def test_any_values_match_icalendar(summary, description, location, categories, url, start, end, stamp, triggers) -> None:
    event = Item("VEVENT")
    for name, value in (("UID", "u@h"), ("SUMMARY", summary), ("DTSTART", start), ("DTEND", end),
                        ("DTSTAMP", stamp.astimezone(dt.timezone.utc)), ("DESCRIPTION", description),
                        ("LOCATION", location), ("CATEGORIES", categories), ("URL", url), ("STATUS", "CONFIRMED")):
        event[name] = value
    for trigger in triggers:
        alarm = Item("VALARM")
        alarm["ACTION"] = "DISPLAY"
        alarm["DESCRIPTION"] = summary
        alarm["TRIGGER"] = trigger
        event.add_component(alarm)
    assert ics.serialize_item(event) == reference(event)  # zones icalendar writes as UTC are declined


@pytest.mark.parametrize("value", [
    dt.datetime(2026, 12, 1, 12, 0),  # naive: floating time
    dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),  # a fixed offset, not a zone
    dt.datetime(2026, 12, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo("Etc/UCT")),  # a UTC alias icalendar writes with "Z"
    dt.time(12, 0),
])
def test_values_it_does_not_know_are_left_to_icalendar(value) -> None:
    item = Item("VEVENT")
    item["UID"] = "x@h"
    item["DTSTART"] = value
    with pytest.raises(ics._Decline):
        ics._write(item)
    assert ics.serialize_item(item) == reference(item)
