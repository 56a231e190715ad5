"""Realistic demo data for the site tests: the five seed postings' facts (see raw/),
with some deadlines moved past 'today' (2026-11-23) so open and closed ones both show,
a tracker entry per posting, and one hostile posting full of text that must stay text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from natosite.config import Config
from natosite.models import Event, HistoryItem, Posting, Problem, Reminder, Site, TrackerEntry
from natosite.site import build_site

BRUSSELS = ZoneInfo("Europe/Brussels")
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)  # SOURCE_DATE_EPOCH of the tests

HR_POLICY = """\
## Summary

NATO's International Staff (IS) Human Resources (HR) Office is comprised of five pillars: Talent
Management and HR Integration (TMHRI); Staff Services (StS); HR Policy and Strategy Coordination;
Data Analytics Leave & PMIS Support; and the Medical Service.

## Qualifications and experience

The incumbent must:

- possess a university degree or equivalent level of qualification, in HR, labour law, organisational management or other relevant fields;
- have at least 2 years of relevant professional experience in HR policy drafting and analysis;
- possess the following minimum levels of NATO's official languages (English/French): V ("Advanced") in one and III ("Intermediate") in the other.

## Contract

This post is required for a limited period to support a project: a definite duration contract of 3 years.
"""

DIVERSITY = """\
## Summary

The incumbent will champion, IS and NATO-wide, the importance and value of a diverse and inclusive
workplace, and will lead programmes to create a culture for equity, diversity and inclusion.

## Qualifications and experience

- have at least 4 years of experience in areas of work relevant for this position;
- be familiar with gender balance, equal opportunities and non-discrimination issues;
- Serving staff will be offered a contract in accordance with the NATO Civilian Personnel Régulations.
"""

POLICY_PLANNING = """\
## Summary

The Head of the Policy Planning Unit (PPU) leads policy and strategic planning in the Office of the
Secretary General (OSG) and leads the work on strategic anticipation for NATO senior management.

Key challenges facing the successful candidate for this post during the next 2-3 years will include:

1. Preparing NATO's policy agenda for review at NATO Summit meetings.
2. Laying the groundwork for NATO's future policy guidance.

Candidates are asked to attach one MS Word document, summarising their views on these key challenges.
"""

SECURITY_POLICY = """\
## Summary

The Political Affairs and Security Policy Division (PASP) leads on the political aspects of NATO's
fundamental security tasks. See the [recruitment pages](https://www.nato.int/cps/en/natolive/recruit-hq-e.htm).

## Contract

| Item | Detail |
| --- | --- |
| Duration | 3 years, renewable |
| Clearance | NATO SECRET |
"""

RECRUITMENT = """\
## Post context

The CHR is responsible for all matters pertaining to the management and administration of Civilian
Personnel appointed to the IMS Peacetime Establishment (PE).

## Principal duties

- Supporting all recruitment administrative tasks such as encoding, test administration, letters.
- Maintaining well-structured paper and electronic filing systems, for classified and unclassified documents.

A written test will be held as part of the selection procedure.
"""


def _deadline(y: int, m: int, d: int, hh: int = 23, mm: int = 59) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=BRUSSELS)


def _source(name: str) -> dict:
    return {"file": name, "sha256": "0" * 64, "imported": dt.date(2026, 11, 20)}


def demo_postings() -> list[Posting]:
    """The five seeds as the importer would write them, with tracker entries merged."""
    hr = Posting(
        "hr-policy-officer",
        {
            "title": "Officer (HR Policy)", "reference": None,
            "organisation": "NATO International Staff (NATO IS)", "location": "Brussels, Belgium",
            "grade": "G15", "salary": 6467.30, "currency": "EUR", "schedule": "Full-time", "posts": 1,
            "deadline": _deadline(2026, 11, 26), "timezone": "Europe/Brussels",
            "contract": "definite duration", "contract_years": 3, "languages": "English V / French III",
            "clearance": "NATO SECRET", "experience_years": 2, "source": _source("000_2858587996861d4b.txt"),
            "my_referee": "Ms Dupont (ex-colleague)",
        },
        HR_POLICY,
        entry=TrackerEntry(
            "hr-policy-officer", "preparing", priority="high", tags=("hr", "compare"),
            notes="Ask **Ms Dupont** for a reference.\n\n- update CV\n- draft motivation",
            history=(HistoryItem(dt.date(2026, 11, 10), "interested"),
                     HistoryItem(dt.date(2026, 11, 18), "preparing", "CV in progress")),
            reminders=(Reminder(dt.date(2026, 11, 25), "Send application before the weekend"),),
        ),
    )
    diversity = Posting(
        "diversity-and-inclusion-adviser",
        {
            "title": "Diversity and Inclusion Adviser", "reference": None,
            "organisation": "NATO International Staff (NATO IS)", "location": "Brussels, Belgium",
            "grade": "G16/G18", "salary": None, "currency": None, "schedule": "Full-time", "posts": 1,
            "deadline": dt.date(2027, 1, 10), "timezone": "Europe/Brussels",
            "contract": "definite duration", "contract_years": 3, "languages": "English V / French IV",
            "experience_years": 4, "source": _source("001_0ffb7e715a2bdf10.txt"),
        },
        DIVERSITY,
        entry=TrackerEntry("diversity-and-inclusion-adviser", "interested", tags=("hr",),
                           notes="Twin-graded: appointed at the lower grade."),
    )
    ppu = Posting(
        "head-policy-planning-unit",
        {
            "title": "Head, Policy Planning Unit", "reference": None,
            "organisation": "NATO International Staff (NATO IS)", "location": "Brussels, Belgium",
            "grade": "G22", "salary": 10742.69, "currency": "EUR", "schedule": "Full-time", "posts": 1,
            "deadline": _deadline(2025, 11, 24, 0, 59), "timezone": "Europe/Brussels",
            "contract": "definite duration", "contract_years": 3, "experience_years": 10,
            "source": _source("002_21903f39bb86f84a.txt"),
        },
        POLICY_PLANNING,
        entry=TrackerEntry(
            "head-policy-planning-unit", "rejected",
            history=(HistoryItem(dt.date(2025, 11, 1), "applied", "essay attached"),
                     HistoryItem(dt.date(2026, 1, 15), "rejected")),
        ),
    )
    pasp = Posting(
        "250875-head-nato-affairs-and-security-policy",
        {
            "title": "Head NATO Affairs and Security Policy Section", "reference": "250875",
            "organisation": "NATO International Staff (NATO IS)", "location": "Brussels, Belgium",
            "grade": "G22", "salary": 10742.69, "currency": "EUR", "schedule": "Full-time", "posts": 2,
            "deadline": _deadline(2026, 12, 18, 21, 59), "timezone": "Europe/Brussels",
            "division": "Political Affairs and Security Policy", "clearance": "NATO SECRET",
            "source": _source("003_faa9f49ef902facb.txt"),
        },
        SECURITY_POLICY,
        entry=TrackerEntry(
            "250875-head-nato-affairs-and-security-policy", "interview", priority="high", tags=("policy", "compare"),
            notes="Essay on the three key challenges attached. *Markdown* is fine here.",
            history=(HistoryItem(dt.date(2026, 11, 1), "interested"),
                     HistoryItem(dt.date(2026, 11, 15), "applied", "essay attached"),
                     HistoryItem(dt.date(2026, 11, 21), "interview")),
            reminders=(Reminder(dt.date(2026, 12, 1), "Check Taleo for longlisting"),),
            events=(Event(dt.datetime(2026, 12, 3, 10, 0), "Written test", "NATO HQ"),
                    Event(dt.datetime(2027, 1, 12, 14, 30), "Panel interview", "NATO HQ, Boulevard Léopold III")),
        ),
    )
    recruitment = Posting(
        "250974-senior-assistant-recruitment",
        {
            "title": "Senior Assistant (Recruitment)", "reference": "250974",
            "organisation": "International Military Staff (IMS)", "location": "Brussels, Belgium",
            "grade": "B-4/G-10", "salary": None, "currency": None, "schedule": "Full-time", "posts": 2,
            "deadline": None, "timezone": None, "clearance": "NATO SECRET",
            "source": _source("004_692592a906609671.txt"),
        },
        RECRUITMENT,
    )
    return [hr, diversity, ppu, pasp, recruitment]


HOSTILE_TITLE = "Analyst </script><script>window.__pwned=1</script> & <b>bold</b> \u2028 Sécurité"


def hostile_posting() -> Posting:
    """Text pasted from the wild that must come out as text, never as markup or script."""
    return Posting(
        "hostile-analyst",
        {
            "title": HOSTILE_TITLE, "reference": "<i>1</i>", "organisation": "NCIA \"Agency\" <Mons>",
            "location": "Mons, Belgium", "grade": "A2", "deadline": _deadline(2026, 12, 1),
            "timezone": "Europe/Brussels", "notes_url": "javascript:alert(1)",
        },
        "Raw <img src=x onerror=\"window.__pwned=2\"> html and <script>window.__pwned=3</script>.\n\n"
        "[click](javascript:window.__pwned=4) [data](data:text/html,hi) [ok](https://www.nato.int/)\n",
        entry=TrackerEntry("hostile-analyst", "applied", tags=("<x>",), notes="<script>window.__pwned=5</script>"),
    )


def demo_config(root: Path, **kw) -> Config:
    return Config(root=root, title=kw.pop("title", "My NATO applications"), **kw)


def demo_site(root: Path, hostile: bool = False, problems=()) -> Site:
    postings = demo_postings() + ([hostile_posting()] if hostile else [])
    problems = problems or (Problem("tracker.yaml", 12, "no posting with id 'old-vacancy' (did you mean 'hr-policy-officer'?)", "warning"),)
    return build_site(postings, demo_config(root), NOW, problems)
