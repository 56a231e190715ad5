"""importer.facts / fields / grades / prose / slug: each rule on small cases."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from natosite.importer import prose
from natosite.importer.clean import clean_lines, is_chrome_line
from natosite.importer.decode import decode
from natosite.importer.facts import _mixed_case, clean_title, extract_facts
from natosite.importer.fields import find_fields, normalise_location, normalise_schedule, parse_amount, parse_salary
from natosite.importer.grades import find_grade, old_to_g, parse_grade
from natosite.importer.slug import make_id, slugify

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def facts(text: str, tz: str = "Europe/Brussels"):
    return extract_facts(clean_lines(text), tz)


# ---- grades ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, grade",
    [
        ("NATO Grade G15", "G15"), ("B-4/G-10", "G10"), ("A.2 / NATO Grade G15", "G15"), ("G15/G16", "G15/G16"),
        ("A.2/A.3", "G15/G17"), ("A-2", "G15"), ("A5", "G22"), ("B.6", "G14"), ("C-1", "G1"), ("L.2", "G16"),
        ("G 12", "G12"), ("G16/G15", "G15/G16"), ("NATO Grade G12, Unspecified", "G12"), ("none", None),
        ("A.9", None), ("G30", None), ("PG15", None), ("NG 14", "G14"), ("G16/17", "G16/G17"), ("G12/2027", "G12"),
    ],
)
def test_parse_grade(text: str, grade: str | None) -> None:
    assert parse_grade(text) == grade


def test_old_grades_follow_natos_table() -> None:
    assert [old_to_g("A", n) for n in range(1, 8)] == [11, 15, 17, 20, 22, 23, 24]
    assert [old_to_g("B", n) for n in range(1, 7)] == [2, 5, 8, 10, 12, 14]
    assert old_to_g("B", 4) == 10 and old_to_g("X", 1) is None


def test_find_grade_in_text_needs_the_word_grade() -> None:
    assert find_grade("10,742.69Euro (EUR) MonthlyGrade NATO Grade G22") == "G22"
    assert find_grade("GRADE: B-4/G-10") == "G10"
    assert find_grade("appointed at the lower grade. A 2 page essay") is None


# ---- fields ----------------------------------------------------------------------------


def test_board_fields_two_line_and_inline() -> None:
    lines = ["NATO Body", "NATO International Staff (NATO IS)", "Deadline: 2026-02-15", "TITLE: Clerk", "- CONTRACT"]
    found = {(f.key, f.value, f.board) for f in find_fields(lines)}
    assert ("organisation", "NATO International Staff (NATO IS)", True) in found
    assert ("deadline", "2026-02-15", False) in found
    assert ("title", "Clerk", False) in found
    assert all(f.key != "contract" for f in find_fields(lines))  # "- CONTRACT" is a heading


@pytest.mark.parametrize(
    "value, location",
    [
        ("Belgium-Brussels", "Brussels, Belgium"), ("Belgique - Mons", "Mons, Belgium"),
        ("Mons (Belgium)", "Mons, Belgium"), ("The Hague, Netherlands", "The Hague, Netherlands"),
        ("Napoli, Italia", "Naples, Italy"), ("Bydgoszcz, Polska", "Bydgoszcz, Poland"),
        ("Belgium-Mons; Netherlands-Brunssum", "Mons, Belgium; Brunssum, Netherlands"), ("Remote", "Remote"),
        ("Lisbon, Portugal (Oeiras)", "Lisbon (Oeiras), Portugal"), ("Mons (SHAPE), BE", "Mons, Belgium"),
        ("Naples (Lago Patria), Italy", "Naples (Lago Patria), Italy"),
    ],
)
def test_normalise_location(value: str, location: str) -> None:
    assert normalise_location(value) == location


@pytest.mark.parametrize("value, schedule", [("Full time", "Full-time"), ("Temps plein", "Full-time"),
                                             ("Vollzeit", "Full-time"), ("Deeltijd", "Part-time"),
                                             ("Pełny etat", "Full-time"), ("Shifts", "Shifts")])
def test_normalise_schedule(value: str, schedule: str) -> None:
    assert normalise_schedule(value) == schedule


@pytest.mark.parametrize(
    "text, amount",
    [("6,467.30", 6467.30), ("6.467,30", 6467.30), ("6 467,30", 6467.30), (": 10,742.69Euro (EUR)", 10742.69),
     ("22 500 PLN", 22500.0), ("5940", 5940.0), ("EUR 8.206", 8206.0), ("none", None)],
)
def test_parse_amount(text: str, amount: float | None) -> None:
    assert parse_amount(text) == amount


def test_parse_salary() -> None:
    assert parse_salary("8,206.40 EUR monthly (tax free)") == (8206.40, "EUR", False)
    assert parse_salary("USD 99,000 per year") == (8250.0, "USD", True)
    assert parse_salary("€ 6.789,12 per maand") == (6789.12, "EUR", False)
    assert parse_salary("G15") == (None, None, False)  # 15 is no salary
    assert parse_salary("NATO basic monthly salaries (Italy, 2027, tax-free):")[0] is None  # a year


def test_salary_of_the_posts_grade_row_in_a_table() -> None:
    found = facts("Clerk\nGrade: G8\nIndicative basic monthly salaries:\nG5 – EUR 3,102.40\nG8 – EUR 3,955.18\n"
                  "G10 – EUR 4,512.66\n")
    assert (found.values["salary"], found.values["currency"]) == (3955.18, "EUR")


# ---- whole postings: each fact ----------------------------------------------------------


def test_labelled_board_deadline_wins_over_prose_dates() -> None:
    found = facts(
        "Application Deadline\n18-Jun-2025, 9:59:00 PM\nCandidates must attach their essay by latest 18/06/2025.\n"
        "Assessments will take place on 1 July 2025.\n"
    )
    assert found.values["deadline"] == dt.datetime(2025, 6, 18, 21, 59, tzinfo=BRUSSELS)
    assert found.values["timezone"] == "Europe/Brussels"


@pytest.mark.parametrize(
    "line, deadline",
    [
        ("Applications must be submitted by 27 July 2025 (23:59 Brussels time)",
         dt.datetime(2025, 7, 27, 23, 59, tzinfo=BRUSSELS)),
        ("Closing date: 15/02/2026", dt.date(2026, 2, 15)),
        ("Date limite : 15 février 2026", dt.date(2026, 2, 15)),
        ("Bewerbungsschluss: 15. März 2026", dt.date(2026, 3, 15)),
        ("Sluitingsdatum: 10-03-2026", dt.date(2026, 3, 10)),
        ("Scadenza: 28/02/2026", dt.date(2026, 2, 28)),
        ("Termin składania aplikacji: 15 lutego 2026", dt.date(2026, 2, 15)),
        ("最后期限: 10-01-2026", dt.date(2026, 1, 10)),
        ("The deadline for applications is February 15, 2026.", dt.date(2026, 2, 15)),
        ("Les candidatures doivent parvenir avant le 1er mars 2026.", dt.date(2026, 3, 1)),
        ("Applications must reach us by 17 March 2027; interviews in April.", dt.date(2027, 3, 17)),
        ("Applications must be sent to jobs@cso.nato.int by COB 5 March 2027.", dt.date(2027, 3, 5)),
        ("Le candidature devono pervenire entro le ore 12:00 (ora di Roma) del 12 marzo 2027.",
         dt.datetime(2027, 3, 12, 12, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Rome"))),
    ],
)
def test_deadline_phrases(line: str, deadline: dt.date) -> None:
    assert facts(f"Officer\n{line}\n").values["deadline"] == deadline


@pytest.mark.parametrize(
    "text",
    [
        "Posted 3 days ago\nInterviews on 12 March 2026.",
        "The written test will take place on 2026-03-01.",
        "Candidates are requested to attach their essay by latest 18/06/2025.",
        "Duty start: 1 May 2022",
    ],
)
def test_dates_that_are_not_deadlines(text: str) -> None:
    found = facts("Officer\n" + text)
    assert found.values["deadline"] is None and found.values["timezone"] is None


def test_impossible_deadline_warns_and_stays_null() -> None:
    found = facts("Closing date: 31-02-2026\nThe test is on 12-03-2026.\n")
    assert found.values["deadline"] is None
    assert found.warnings and "31-02-2026" in found.warnings[0]


def test_default_zone_is_the_configured_one() -> None:
    found = facts("Application Deadline\n14-Dec-2025, 11:59:00 PM\n", tz="Europe/Paris")
    assert found.values["timezone"] == "Europe/Paris"
    assert found.values["deadline"].utcoffset() == dt.timedelta(hours=1)


def test_stated_zone_wins() -> None:
    found = facts("Deadline: 2026-03-01 23:59 CET\n", tz="America/New_York")
    assert found.values["deadline"].utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize(
    "text, title, reference, posts",
    [
        ("TITLE: Senior Assistant (Recruitment) (2 posts)\nSTAFF VACANCY 250974\n", "Senior Assistant (Recruitment)",
         "250974", 2),
        ("Head A Section (1 post) & Head B Section (1 post)\nHead A Section (1 post) & Head B Section (1 post)-250875\n",
         "Head A Section & Head B Section", "250875", 2),
        ("Job Description - Junior Officer (200775)Junior Officer-200775\n", "Junior Officer", "200775", 1),
        ("Post Title: Engineer\nVacancy ref.: 210701\n", "Engineer", "210701", 1),
        ("Belgium-Brussels\nNATO Body\nNATO International Staff (NATO IS)\n- Pending Budget Approval*\n", None, None, 1),
        ("NATO UNCLASSIFIED\nOPEN TO NATIONALS OF NATO MEMBER STATES ONLY\n1. SUMMARY\nText.\n", None, None, 1),
        ("Vacancy number: JFTC 26/03\nTraining Analyst\n", "Training Analyst", "JFTC 26/03", 1),
        ("Officer\nThrough this recruitment process we aim to hire two qualified candidates.\n", "Officer", None, 2),
    ],
)
def test_title_reference_posts(text: str, title: str | None, reference: str | None, posts: int) -> None:
    values = facts(text).values
    assert (values["title"], values["reference"], values["posts"]) == (title, reference, posts)


def test_title_from_the_summary_only_in_natos_shape() -> None:
    assert facts("- SUMMARY The Head of the Policy Planning Unit (PPU) leads policy.\n").values["title"] == (
        "Head, Policy Planning Unit"
    )
    assert facts("- SUMMARY The Unit of Policy leads policy.\n").values["title"] is None


def test_organisation_label_then_known_bodies() -> None:
    assert facts("NATO Body: NATO Defense College (NDC)\n").values["organisation"] == "NATO Defense College (NDC)"
    assert facts("Company: NATO\nThe NSPA provides support.\n").values["organisation"] == (
        "NATO Support and Procurement Agency (NSPA)"
    )
    assert facts("Officer\nNATO’s International Staff (IS) is hiring.\n").values["organisation"] == (
        "NATO International Staff (NATO IS)"
    )
    assert facts("Officer\nThe team shapes our future.\n").values["organisation"] is None  # "shape" is no SHAPE


def test_salary_only_from_its_field() -> None:
    assert facts("Salaries: G13 5,940.20; G15 6,467.30.\nThe salary is 6,467.30.\n").values["salary"] is None
    values = facts("Salary (Pay Basis)\n6,467.30\nPrimary Location\nBelgium-Brussels\n").values
    assert (values["salary"], values["currency"], values["location"]) == (6467.30, "EUR", "Brussels, Belgium")


def test_location_from_prose_and_dotted_headers() -> None:
    assert facts("Officer\nThe IMS at NATO Headquarters in Brussels, Belgium, is great.\n").values["location"] == (
        "Brussels, Belgium"
    )
    assert facts("Officer\nNSPA · Capellen, Luxembourg · 3 days ago\n").values["location"] == "Capellen, Luxembourg"


# ---- prose extras -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind, years",
    [
        ("offered a definite duration contract of 3 years’ duration", "definite duration", 3),
        ("Definite duration contract of three years; possibility of renewal", "definite duration", 3),
        ("a 3-year definite duration contract will be offered", "definite duration", 3),
        ("Serving staff will be offered an indefinite duration contract.", "indefinite duration", None),
        ("Contrat à durée déterminée de 3 ans.", "definite duration", 3),
        ("Es wird ein befristeter Vertrag über drei Jahre angeboten.", "definite duration", 3),
        ("Contratto a tempo determinato di 2 anni.", "definite duration", 2),
        ("No contract words.", None, None),
    ],
)
def test_contract(text: str, kind: str | None, years: int | None) -> None:
    assert prose.find_contract(text) == (kind, years)


@pytest.mark.parametrize(
    "text, languages",
    [
        ("(English/French): V (“Advanced”) in one; III (“Intermediate”) in the other.", "V in one, III in the other"),
        ("an advanced level of spoken and written English and an intermediate level of French",
         {"English": "V", "French": "III"}),
        ("English: V (Advanced); French: II (Elementary).", {"English": "V", "French": "II"}),
        ("English SLP 3333 (Listening, Speaking, Reading and Writing).", {"English": "3333"}),
        ("Anglais : niveau V ; français : niveau III.", {"English": "V", "French": "III"}),
        ("Good English.", None),
    ],
)
def test_languages(text: str, languages) -> None:
    assert prose.find_languages(text) == languages


@pytest.mark.parametrize(
    "text, clearance",
    [("Security Clearance – NATO SECRET (if not held...)", "NATO SECRET"),
     ("NATO CONFIDENTIAL security clearance required", "NATO CONFIDENTIAL"),
     ("This document is NATO SECRET.", None), ("Security clearance required.", None),
     ("Clearance: COSMIC TOP SECRET", "COSMIC TOP SECRET")],
)
def test_clearance(text: str, clearance: str | None) -> None:
    assert prose.find_clearance(text) == clearance


@pytest.mark.parametrize(
    "text, years",
    [("have at least 2 years of relevant professional experience", 2), ("A minimum of four years of experience", 4),
     ("at least 10 years’ experience in policy", 10), ("3 ans d'expérience en administration", 3),
     ("Mindestens 4 Jahre Berufserfahrung", 4), ("a contract of 3 years", None)],
)
def test_experience(text: str, years: int | None) -> None:
    assert prose.find_experience(text) == years


# ---- ids ---------------------------------------------------------------------------------


def test_ids() -> None:
    assert make_id("250875", "Head NATO Affairs and Security Policy Section & Head MO Section", "ab" * 32) == (
        "250875-head-nato-affairs-and-security-policy"
    )
    assert make_id(None, "Référent Formation Numérique (Digital Learning Officer)", "0" * 64) == (
        "referent-formation-numerique-digital"
    )
    assert make_id("JFTC 26/03", "Training Analyst", "0" * 64) == "jftc-26-03-training-analyst"
    assert make_id(None, None, "0ca0c498" + "0" * 56) == "posting-0ca0c498"
    assert make_id(None, "职位", "12345678" + "0" * 56) == "posting-12345678"  # nothing ASCII in the title
    assert slugify("Straße Łódź Ærø", 40) == "strasse-lodz-aero"
    assert len(slugify("a" * 100, 40)) == 40


def test_month_first_only_when_day_first_is_impossible() -> None:
    assert facts("Closing date: 02/15/2026\n").values["deadline"] == dt.date(2026, 2, 15)
    assert facts("Closing date: 05/02/2026\n").values["deadline"] == dt.date(2026, 2, 5)  # day first
    found = facts("Closing date: 02/31/2026\n")
    assert found.values["deadline"] is None and found.warnings


@pytest.mark.parametrize("value, location", [("The Hague, NL", "The Hague, Netherlands"),
                                             ("Norfolk, Virginia, USA", "Norfolk, Virginia, United States")])
def test_country_codes_in_locations(value: str, location: str) -> None:
    assert facts(f"Officer\nLocation: {value}\n").values["location"] == location
    assert facts("IT\nOfficer (IT)\n").values["location"] is None


def test_french_one_and_other_levels() -> None:
    text = "avoir le niveau V (« avancé ») dans l'une des langues officielles et le niveau III (« intermédiaire ») dans l'autre."
    assert prose.find_languages(text) == "V in one, III in the other"


@pytest.mark.parametrize(
    "label, key",
    [("Gehalt (Grundlage)", "salary"), ("NATO-Organisation", "organisation"), ("Organismo NATO", "organisation"),
     ("Lieu principal", "location"), ("薪资（支付基础）", "salary"), ("Grade (OTAN)", "grade"), ("Remarks", None)],
)
def test_translated_board_labels(label: str, key: str | None) -> None:
    from natosite.importer.fields import label_key

    assert label_key(label) == key


def test_titles_may_hold_figures_but_figures_are_no_title() -> None:
    assert facts("Engineer (A400M Programme)\nSUMMARY\nText.\n").values["title"] == "Engineer (A400M Programme)"
    assert facts("6,467.30\n1. SUMMARY\nText.\n").values["title"] is None


@pytest.mark.parametrize(
    "line",
    ["Please submit your application by 15 February 2026", "Vacancy closes on 15 February 2026",
     "Applications will be accepted until 15 February 2026", "Deadline: Feb 15, 2026", "Closing Date: 15-FEB-2026",
     "Application closing date: 15.02.2026", "Candidates should apply by 15 February 2026"],
)
def test_more_deadline_phrases(line: str) -> None:
    assert facts(f"Officer\n{line}\n").values["deadline"] == dt.date(2026, 2, 15)


@pytest.mark.parametrize("value, grade", [("NATO Grade 15", "G15"), ("15/16", "G15/G16"), ("2026", None), ("99", None)])
def test_bare_spine_points_in_a_grade_field(value: str, grade: str | None) -> None:
    assert parse_grade(value) == grade


def test_a_labelled_sentence_is_no_title() -> None:
    text = "Officer (Plans)\nPosition: The incumbent reports to the Head of Section and works with all the teams.\n"
    assert facts(text).values["title"] == "Officer (Plans)"
    assert facts("TITLE: Staff Officer (Plans).\n").values["title"] == "Staff Officer (Plans)"


def test_board_title_after_the_fields() -> None:
    text = ("Belgium-Brussels\nNATO Body\nNATO International Staff (NATO IS)\nSchedule\nFull-time\nApplication Deadline\n"
            "14-Dec-2025, 11:59:00 PM\nSalary (Pay Basis)\n6,467.30\nGrade\nNATO Grade G15\nOfficer, HR Policy\n"
            "- SUMMARY The HR Office is comprised of five pillars.\n")
    found = facts(text)
    assert found.values["title"] == "Officer, HR Policy"
    assert found.values["grade"] == "G15" and found.values["salary"] == 6467.30


@pytest.mark.parametrize("badge", ["Full-time", "Vollzeit", "New", "Easy Apply", "NCIA", "Jobs in NATO", "Brussels, Belgium"])
def test_board_badges_are_no_titles(badge: str) -> None:
    assert facts(f"{badge}\nBudget Officer\n1. SUMMARY\nText.\n").values["title"] == "Budget Officer"


@pytest.mark.parametrize("text, posts", [("Through this process we aim to hire two qualified candidates.", 2),
                                         ("Three identical posts are available in Mons.", 3),
                                         ("The selection of candidates is based on merit.", None)])
def test_posts_from_prose(text: str, posts: int | None) -> None:
    assert prose.find_posts(None, text) == posts


# ---- Spanish/Portuguese labels, bare labels, pipe rows, glued lowercase labels ------------------


def test_spanish_labels_give_every_fact() -> None:
    f = facts(
        "Técnico de redes\nAgencia: NATO Support and Procurement Agency (NSPA)\nUbicación: Capellen, Luxemburgo\n"
        "Referencia: 270311\nJornada: Tiempo completo\nGrado: G11\nSalario base: 5.120,75 € al mes\n"
        "Fecha límite: 14 de marzo de 2027\n1. SUMMARY\nThe incumbent supports the network.\n"
    ).values
    assert f["reference"] == "270311"
    assert f["salary"] == 5120.75 and f["currency"] == "EUR"
    assert f["schedule"] == "Full-time"
    assert f["grade"] == "G11"
    assert str(f["deadline"]) == "2027-03-14"


def test_portuguese_labels_are_read() -> None:
    keys = {f.key: f.value for f in find_fields(["Referência: 99123", "Localização: Lisboa, Portugal",
                                                 "Salário base: 4.100,00 EUR", "Prazo de candidatura: 2027-01-31"])}
    assert keys == {"reference": "99123", "location": "Lisboa, Portugal", "salary": "4.100,00 EUR",
                    "deadline": "2027-01-31"}


@pytest.mark.parametrize("line", ["Grundgehalt 6.480,10 EUR/Monat (steuerfrei)", "Basic salary EUR 6,480.10 per month"])
def test_salary_label_without_colon(line: str) -> None:
    f = facts(f"Finance Officer\nReference: 123456\n{line}\n1. SUMMARY\nText.\n").values
    assert f["salary"] == 6480.10 and f["currency"] == "EUR"


def test_salary_word_in_a_sentence_is_no_bare_field() -> None:
    assert find_fields(["Salary 2026 reviews happen each spring across the agencies."]) == []


def test_pipe_table_rows_are_fields() -> None:
    f = facts(
        "| Field | Value |\n|---|---|\n| Title | Budget Assistant |\n| Vacancy ref. | 270099 |\n"
        "| Monthly basic salary | EUR 4,010.55 |\n| Closing date | 2 April 2027 |\n1. SUMMARY\nText.\n"
    ).values
    assert (f["title"], f["reference"], f["salary"], f["currency"]) == ("Budget Assistant", "270099", 4010.55, "EUR")
    assert str(f["deadline"]) == "2027-04-02"


@pytest.mark.parametrize("line", ["Closingdate:20/03/2027", "closingdate: 20/03/2027", "ApplicationDeadline:20/03/2027"])
def test_glued_labels_any_case(line: str) -> None:
    assert [(f.key, f.value) for f in find_fields([line])] == [("deadline", "20/03/2027")]


def test_schedule_in_a_badge_row_set_apart_by_spaces() -> None:
    f = facts("Logistics Assistant\nHybrid  Part-time\nReference: 270001\n1. SUMMARY\nText.\n").values
    assert f["schedule"] == "Part-time"


# ---- organisation and place in one header line; regions dropped -----------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Stavanger, Rogaland, Norway", "Stavanger, Norway"),
        ("NATO Headquarters, Brussels, Belgium", "Brussels, Belgium"),
        ("Geilenkirchen, Nordrhein-Westfalen, Germany", "Geilenkirchen, Germany"),
        ("Norfolk, Virginia, United States", "Norfolk, Virginia, United States"),  # a US address keeps its state
    ],
)
def test_regions_and_buildings_between_city_and_country_go(value: str, expected: str) -> None:
    assert normalise_location(value) == expected


@pytest.mark.parametrize(
    "header, location",
    [
        ("Allied Maritime Command (MARCOM) - Northwood, United Kingdom", "Northwood, United Kingdom"),
        ("NATO Support and Procurement Agency (NSPA), Site Taranto, Taranto, Italy", "Taranto, Italy"),
    ],
)
def test_place_after_the_body_on_one_header_line(header: str, location: str) -> None:
    f = facts(f"{header}\nLogistics Officer\nReference: 270777\n1. SUMMARY\nThe incumbent plans.\n").values
    assert f["location"] == location
    assert f["organisation"] is not None


@pytest.mark.parametrize(
    "header, body",
    [
        ("Allied Land Command (LANDCOM) – Civilian Vacancies", "Allied Land Command"),
        ("NATO School Oberammergau – Karriere", "NATO School"),
    ],
)
def test_body_named_before_the_boards_words(header: str, body: str) -> None:
    f = facts(f"{header}\nCourse Assistant\nReference: 270778\n1. SUMMARY\nThe incumbent helps.\n").values
    assert body in (f["organisation"] or "")


def test_salary_from_the_sentence_stating_this_posts_basic_salary() -> None:
    text = "Course Assistant\nReference: 270779\n1. SUMMARY\nThe basic monthly salary for this post is 4,321.09 EUR, tax free.\n"
    f = facts(text).values
    assert (f["salary"], f["currency"]) == (4321.09, "EUR")


@pytest.mark.parametrize(
    "sentence",
    [
        "Salaries range from 3,000.00 EUR to 9,000.00 EUR depending on grade.",
        "The basic monthly salary for a G15 post is 9,100.00 EUR.",
        "An expatriation allowance of 1,200.00 EUR is paid with the salary.",
    ],
)
def test_other_salary_prose_is_never_read(sentence: str) -> None:
    assert facts(f"Course Assistant\nReference: 270780\n1. SUMMARY\n{sentence}\n").values["salary"] is None


@pytest.mark.parametrize(
    "value, expected",
    [("Nápoles, Italia", "Naples, Italy"), ("Bruselas, Bélgica", "Brussels, Belgium"),
     ("Haia, Países Baixos", "The Hague, Netherlands"), ("Madrid, España", "Madrid, Spain")],
)
def test_spanish_and_portuguese_place_names(value: str, expected: str) -> None:
    assert normalise_location(value) == expected


@pytest.mark.parametrize(
    "line, key, value",
    [
        ("**Closing date:** 15/02/2027", "deadline", "15/02/2027"), ("**Grade**: G15", "grade", "G15"),
        ("__Location:__ Mons, Belgium", "location", "Mons, Belgium"), ("## Closing date: 15/02/2027", "deadline", "15/02/2027"),
        ("> Grade: G15", "grade", "G15"), ("Grade – G15", "grade", "G15"), ("Closing date - 15/02/2027", "deadline", "15/02/2027"),
        ("Reference | 270001", "reference", "270001"),
    ],
)
def test_labels_in_markdown_emphasis_with_dashes_or_one_bar(line: str, key: str, value: str) -> None:
    assert [(f.key, f.value) for f in find_fields(clean_lines(line))] == [(key, value)]


@pytest.mark.parametrize("line", ["**Note:** apply early", "Officer - Finance", "## Summary"])
def test_emphasis_and_dashes_without_a_known_label_are_no_field(line: str) -> None:
    assert find_fields(clean_lines(line)) == []


def test_a_body_unknown_to_the_table_named_as_the_one_seeking() -> None:
    text = ("Researcher\nReference: 270901\n1. SUMMARY\nThe Maritime Security Centre of Excellence (MARSEC) is seeking a "
            "Researcher.\n")
    assert facts(text).values["organisation"] == "Maritime Security Centre of Excellence (MARSEC)"


def test_nso_alone_names_no_body() -> None:
    # "NSO" is both the NATO School and the NATO Standardization Office: the acronym alone decides nothing
    assert prose.find_organisation("Contact NSO for details.") is None
    assert prose.find_organisation("The NATO Standardization Office is seeking") == "NATO Standardization Office (NSO)"


@pytest.mark.parametrize(
    "line, key",
    [("Plazo de presentación: 28/02/2027 23:59 CET", "deadline"), ("Nº de referencia: 270555", "reference"),
     ("Remuneración mensual: 4.000,00 EUR", "salary"), ("Número da vaga: 270556", "reference")],
)
def test_more_spanish_and_portuguese_labels(line: str, key: str) -> None:
    assert [f.key for f in find_fields([line])] == [key]


@pytest.mark.parametrize(
    "value, amount",
    [("G15 – 7,100.50 EUR per month", 7100.5), ("NATO grade G15: EUR 7,100.50", 7100.5),
     ("Grade 15 step 1: 7.100,50 €", 7100.5), ("B-4/G-10: 5.432,10 EUR", 5432.1)],
)
def test_a_grades_number_before_the_salary_is_skipped(value: str, amount: float) -> None:
    assert parse_salary(value)[0] == amount


@pytest.mark.parametrize(
    "value, expected",
    [("NATO HQ, Brussels (Belgium)", "Brussels, Belgium"), ("SHAPE, Mons, Belgium", "Mons, Belgium")],
)
def test_bodies_before_the_duty_station_are_left_out(value: str, expected: str) -> None:
    assert normalise_location(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Norfolk, VA", "Norfolk, Virginia, United States"),  # an American board's state code
        ("Geilenkirchen, DE", "Geilenkirchen, Germany"),  # a country's code first
        ("NATO HQ, Brussels", "Brussels, Belgium"),
        ("Jåttåvågen, 4020 Stavanger", "Stavanger, Norway"),
        ("Boulevard Léopold III, 1110 Brusel, Belgie", "Brussels, Belgium"),
        ("Brunssum, Limburg", "Brunssum, Netherlands"),
    ],
)
def test_addresses_read_as_city_and_country(value: str, expected: str) -> None:
    from natosite.importer.fields import normalise_location

    assert normalise_location(value) == expected


def test_a_bare_prose_deadline_takes_the_time_a_later_phrase_gives_it() -> None:
    found = facts("Officer\nApplications close in 12 days – 1 Apr 2027\nDuties\n- Plan.\n"
                  "Applications must be submitted no later than 2359 hrs CET, 1 Apr 2027.\n")
    assert found.values["deadline"] == dt.datetime(2027, 4, 1, 23, 59, tzinfo=BRUSSELS)


def test_pdf_glued_title_reference_body_and_division() -> None:
    found = facts("INTERNATIONALMILITARYSTAFF\nVACANCYNOTICE 270133\nPost:StaffOfficer(ArmsControl)\n"
                  "Division:CooperativeSecurityDivision\n")
    assert found.values["title"] == "Staff Officer (Arms Control)"
    assert found.values["reference"] == "270133"
    assert found.values["organisation"] == "NATO International Military Staff (NATO IMS)"
    assert found.values["division"] == "Cooperative Security Division"


# ---- held-out round 5 ---------------------------------------------------------------------


def test_a_pdf_glued_deadline_value_keeps_its_time_and_zone() -> None:
    found = facts("PostTitle:Engineer\nClosingDate:12April2027,1600hrsCentralEuropeanTime\n")
    assert found.values["deadline"] == dt.datetime(2027, 4, 12, 16, 0, tzinfo=BRUSSELS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thesuccessfulcandidatewillbeofferedadefinitedurationcontractofthree\nyears,which may", ("definite duration", 3)),
        ("5. CONTRACT\nInitial contract: 3 years, definite duration. Serving staff ...", ("definite duration", 3)),
        ("4. CONTRACT\nDefinite duration, 3 years. Newly recruited staff ...", ("definite duration", 3)),
        ("Contract\nThe post is of indefinite duration.", ("indefinite duration", None)),
    ],
)
def test_contract_kind_without_the_word_contract_after_it(text: str, expected: tuple) -> None:
    assert prose.find_contract(text) == expected


def test_a_glued_clearance_and_an_slp_in_parentheses() -> None:
    assert prose.find_clearance("d.TheabilitytoobtainaNATOSECRETsecurityclearance.") == "NATO SECRET"
    assert prose.find_clearance("clearance: NATOTOPSECRETrequired") == "COSMIC TOP SECRET"  # (NATO's name for it)
    assert prose.find_languages("- Proficiency in English (NATO SLP 3333 – listening, speaking);") == {
        "English": "3333"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contract\nA 3-year contract. Full-time, 40 hours per week.", "Full-time"),
        ("This is a part-time post (50%).", "Part-time"),
        ("The work is on a full-time basis.", "Full-time"),
        ("Part-time work may be considered.", None),  # the word qualifies no post
        ("This is a full-time post. Part-time, 20 hours, is possible.", None),  # both: no guess
    ],
)
def test_schedule_from_a_sentence_about_the_post(text: str, expected: str | None) -> None:
    assert prose.find_schedule(text) == expected


def test_a_capitals_header_organisation_takes_the_case_the_text_writes_it_in() -> None:
    found = facts("NATO JOINT WARFARE CENTRE (JWC)\nPost title: Planner\n\n"
                  "The NATO Joint Warfare Centre (JWC) plans exercises.\n")
    assert found.values["organisation"] == "NATO Joint Warfare Centre (JWC)"
    alone = facts("NATO JOINT WARFARE CENTRE (JWC)\nPost title: Planner\n")
    assert alone.values["organisation"] == "NATO Joint Warfare Centre (JWC)"  # no other spelling: the table's case


@pytest.mark.parametrize("header, organisation", [
    ("SUPREME HEADQUARTERS ALLIED POWERS EUROPE (SHAPE)", "Supreme Headquarters Allied Powers Europe (SHAPE)"),
    ("NATO SUPP0RT AND PROCUREMENT AGENCY (NSPA)", "NATO Support and Procurement Agency (NSPA)"),
    ("NATO SCIENCE AND TECHNOLOGY ORGANIZATION – COLLABORATION SUPPORT OFFICE (STO CSO)",
     "NATO Science and Technology Organization – Collaboration Support Office (STO CSO)"),
    ("Allied Joint Force Command Naples (JFC NAPLES)", "Allied Joint Force Command Naples (JFC Naples)"),
])
def test_a_body_written_only_in_capitals_gets_natos_case(header: str, organisation: str) -> None:
    assert facts(f"{header}\nPost title: Planner\n").values["organisation"] == organisation


def test_a_job_alerts_top_match_is_the_posting() -> None:
    found = facts('Job alert: "cloud engineer nato" - 4 new jobs\nYour top match for "cloud engineer nato"\n\n'
                  "Cloud Platform Engineer\nNATO Communications and Information Agency (NCIA) – The Hague, Netherlands\n")
    assert found.values["title"] == "Cloud Platform Engineer"


def test_references_of_round_5() -> None:
    assert facts("Numéro d’avis de vacance : NCIA-27-162\n").values["reference"] == "NCIA-27-162"
    assert facts("Analyst\n\nVacancy Notice JALLC 27/05\n").values["reference"] == "JALLC 27/05"
    assert facts("Analyst\n\nVacancy Notice dated 12/03/2027\n").values["reference"] is None


def test_a_sentence_case_heading_label_and_its_paragraph_stay_in_the_body() -> None:
    lines = clean_lines("Title: Clerk\n\nContract\nThe successful candidate will be offered a 3 year contract.\n")
    contract = [f for f in find_fields(lines) if f.key == "contract"]
    assert contract and not contract[0].board


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("London, United Kingdom (DIANA Regional Office for Europe)", "London, United Kingdom"),
        ("Lisbon, Portugal (Oeiras)", "Lisbon (Oeiras), Portugal"),  # a site stays
        ("Unterhaching (Munich), Germany", "Unterhaching (Munich), Germany"),
    ],
)
def test_a_unit_in_parentheses_after_a_location_is_no_place(value: str, expected: str) -> None:
    assert normalise_location(value) == expected


@pytest.mark.parametrize(("value", "expected"), [("Fuldtid", "Full-time"), ("Πλήρης απασχόληση", "Full-time"),
                                                 ("Részmunkaidő", "Part-time"), ("دوام كامل", "Full-time"),
                                                 ("دوام جزئي", "Part-time")])
def test_schedules_of_danish_greek_and_hungarian_boards(value: str, expected: str) -> None:
    assert normalise_schedule(value) == expected


@pytest.mark.parametrize("value", ["Пълно работно време", "Kokoaikainen", "kokoaikatyö"])
def test_a_full_time_field_in_bulgarian_or_finnish(value: str) -> None:
    # (a field's value only: in free text each word more slows every search; "Haag · Kokoaikainen" is not read)
    assert normalise_schedule(value) == "Full-time"


@pytest.mark.parametrize("badge", ["€4,210.55 a month - Full-time", "€4,210.55 a month · Full-time"])
def test_a_salary_badge_followed_by_its_schedule(badge: str) -> None:
    facts = extract_facts(clean_lines(f"Finance Assistant (Payroll)\nAllied Air Command (AIRCOM)\n{badge}\n"))
    assert (facts.values["salary"], facts.values["currency"]) == (4210.55, "EUR")


def test_closing_is_a_deadline_label() -> None:
    facts = extract_facts(clean_lines("Analyst\nClosing: 11:59 PM EST, March 3, 2027\n"))
    assert facts.values["deadline"] == dt.datetime(2027, 3, 3, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/New_York"))


@pytest.mark.parametrize(
    "text, languages",
    [("French (level V) and English (level IV)", {"French": "V", "English": "IV"}),
     ("English (level III) and French (level I)", {"English": "III", "French": "I"}),
     # a level word with its number in brackets: the number wins over the word's place on the scale
     ("English: Proficiency (VI); French: Elementary (I)", {"English": "VI", "French": "I"}),
     ("Proficiency (level V) in English and elementary (level I) in French", {"English": "V", "French": "I"}),
     ("advanced (iv) English", {"English": "IV"}),
     ("Language: Level V English (Advanced). Knowledge of French is an advantage", {"English": "V"}),
     ("level IV in French and level II in English", {"French": "IV", "English": "II"})],
)
def test_a_level_in_brackets_after_the_language(text: str, languages: dict[str, str]) -> None:
    assert prose.find_languages(text) == languages


@pytest.mark.parametrize(
    "headline, title",
    [("NATO Vacancy | Translator (English–French) | NATO IS, Brussels", "Translator (English–French)"),
     ("Finance Officer | NSPA | Capellen", "Finance Officer")],
)
def test_the_role_part_of_a_pipe_headline_is_the_title(headline: str, title: str) -> None:
    facts = extract_facts(clean_lines(f"Forwarded from Jobs Channel\n{headline}\n\nGrade: G17\n"))
    assert facts.values["title"] == title


def test_a_breadcrumb_with_a_role_word_is_no_title() -> None:
    facts = extract_facts(clean_lines("Home | Jobs | Engineer jobs in Mons\nFinance Officer\nGrade: G15\n"))
    assert facts.values["title"] == "Finance Officer"


def test_two_labelled_cells_a_copy_joined_on_one_line() -> None:
    fields = find_fields(["Grade: NATO Grade G15 Salary: $7,412.90 per month (tax-exempt) Full-time"])
    assert [(f.key, f.value) for f in fields] == [("grade", "NATO Grade G15"),
                                                  ("salary", "$7,412.90 per month (tax-exempt) Full-time")]
    assert [(f.key, f.value) for f in find_fields(["Note: the Annex says: see below"])] == []


def test_a_labelled_cell_after_a_pipe() -> None:
    fields = find_fields(["Norfolk, Virginia, United States | Position number: SACT 27/219"])
    assert [(f.key, f.value) for f in fields] == [("reference", "SACT 27/219")]


# ---- boards in the other languages of NATO's nations ----------------------------------------

_BODY = "\nThe analyst supports the Director of the Division in all matters of policy and planning.\n"


@pytest.mark.parametrize(
    "lines, key, value",
    [
        ("Uzávierka: 15. januára 2027\nPlat: 5 876,40 EUR", "deadline", dt.date(2027, 1, 15)),  # Slovak
        ("Rok za prijave: 20.01.2027.\nRadno mjesto: Analyst", "deadline", dt.date(2027, 1, 20)),  # Croatian
        ("Data limită: 15 ianuarie 2027", "deadline", dt.date(2027, 1, 15)),  # Romanian
        ("Краен срок: 15 януари 2027 г.", "deadline", dt.date(2027, 1, 15)),  # Bulgarian
        ("Προθεσμία: 15 Ιανουαρίου 2027", "deadline", dt.date(2027, 1, 15)),  # Greek
        ("Paraiškų terminas: 2027 m. sausio 15 d.", "deadline", dt.date(2027, 1, 15)),  # Lithuanian
        ("Pieteikšanās termiņš: 15.01.2027", "deadline", dt.date(2027, 1, 15)),  # Latvian
        ("Kandideerimise tähtaeg: 15.01.2027", "deadline", dt.date(2027, 1, 15)),  # Estonian
        ("Hakuaika päättyy: 15.1.2027", "deadline", dt.date(2027, 1, 15)),  # Finnish
        ("Sista ansökningsdag: 15 januari 2027", "deadline", dt.date(2027, 1, 15)),  # Swedish
        ("Afati i aplikimit: 15.01.2027", "deadline", dt.date(2027, 1, 15)),  # Albanian
        ("Atlyginimas: 4 612,78 EUR", "salary", 4612.78),  # Lithuanian
        ("Základná zložka mzdy (brutto): 5 876,40 EUR", "salary", 5876.4),  # Slovak
        ("Plaća: 5.120,00 EUR", "salary", 5120.0),  # Croatian
        ("Druh pracovného pomeru: plný úväzok", "schedule", "Full-time"),  # Slovak
        ("Darbo laikas: Pilnas etatas", "schedule", "Full-time"),  # Lithuanian
        ("Vrsta zaposlenja: Puno radno vrijeme", "schedule", "Full-time"),  # Croatian
        ("Arbeidsduur: Deeltijds", "schedule", "Part-time"),  # Flemish
        ("Miesto práce: Mons, Belgicko", "location", "Mons, Belgium"),  # Slovak (the country in English)
    ],
)
def test_labels_of_boards_in_other_nato_languages(lines: str, key: str, value) -> None:
    assert facts("Analyst\n" + lines + _BODY).values[key] == value


def test_the_postings_own_english_field_wins_over_a_boards_field_in_its_language() -> None:
    values = facts(
        "Analyst\nΤοποθεσία: Τάραντας, Ιταλία\nArbeidsduur: Voltijds\n\nLocation: Taranto, Italy\nSchedule: Part-time"
        + _BODY
    ).values
    assert (values["location"], values["schedule"]) == ("Taranto, Italy", "Part-time")


def test_a_boards_advert_number_is_the_reference_only_when_the_posting_has_none() -> None:
    text = "Analyst\nAnnons-id: 28716431\n\nVacancy Notice JALLC 27/05\n" + _BODY
    assert facts(text).values["reference"] == "JALLC 27/05"
    assert facts("Analyst\nAnnons-id: 28716431\n" + _BODY).values["reference"] == "28716431"


def test_a_boards_salary_estimate_in_the_value_is_not_the_salary() -> None:
    values = facts("Analyst\nSalariu: 4.500 - 5.200 EUR net/lună (estimat)\nBasic monthly salary: €4,735.67\n" + _BODY).values
    assert values["salary"] == 4735.67


def test_a_labelled_date_without_time_takes_the_time_a_later_field_or_sentence_gives_that_day() -> None:
    lisbon = zoneinfo.ZoneInfo("Europe/Lisbon")
    text = ("Analyst\nAnsök senast 2 april 2027 (om 29 dagar)\n\nApplications must be submitted no later than 23:59 "
            "hrs Lisbon time on 2 April 2027.\n")
    assert facts(text).values["deadline"] == dt.datetime(2027, 4, 2, 23, 59, tzinfo=lisbon)
    other_day = "Analyst\nDeadline: 2 April 2027\n\nApplications must be submitted no later than 23:59 on 3 April 2027.\n"
    assert facts(other_day).values["deadline"] == dt.date(2027, 4, 2)
    fields = "Analyst\nUzávierka: 15. januára 2027\nClosing date: 15 January 2027, 23:59 CET\n" + _BODY
    assert facts(fields).values["deadline"] == dt.datetime(2027, 1, 15, 23, 59, tzinfo=BRUSSELS)


def test_a_salary_field_without_a_figure_does_not_hide_the_postings_own() -> None:
    values = facts("Analyst\nSalary: Not specified\n\nBasic monthly salary: EUR 6 120 net\n" + _BODY).values
    assert (values["salary"], values["currency"]) == (6120.0, "EUR")


def test_an_employer_field_takes_the_short_form_the_text_writes_after_the_name() -> None:
    text = ("Analyst\nEmployer: Allied Joint Force Command Naples\n\nAllied Joint Force Command Naples (JFC Naples) "
            "is one of NATO's operational commands." + _BODY)
    assert facts(text).values["organisation"] == "Allied Joint Force Command Naples (JFC Naples)"


def test_two_columns_a_pdf_merged_line_by_line_are_read_one_after_the_other() -> None:
    from natosite.importer.clean import split_columns

    page = [
        "Post title: Airworthiness Engineer        The NATO Helicopter Management Agency",
        "(Dynamic Systems)                         (NAHEMA) manages the design, development,",
        "Location: Aix-en-Provence, France         production and in-service support of the NH90",
        "Contract: definite duration,              helicopter on behalf of the participating",
        "three years, renewable                    nations and reports to the Board of Directors.",
        "                                          The Engineer assesses the dynamic systems.",
    ]
    assert split_columns(page) == [
        "Post title: Airworthiness Engineer (Dynamic Systems)", "Location: Aix-en-Provence, France",
        "Contract: definite duration, three years, renewable", "",
        "The NATO Helicopter Management Agency", "(NAHEMA) manages the design, development,",
        "production and in-service support of the NH90", "helicopter on behalf of the participating",
        "nations and reports to the Board of Directors.", "The Engineer assesses the dynamic systems.",
    ]
    table = [f"{label:<30}{value}" for label, value in [
        ("Title", "Senior Analyst for the Division of Defence Policy"), ("Grade", "G15"),
        ("Location", "Brussels, Belgium and a long text of many words"), ("Closing date", "15 February 2027 at noon"),
    ]]
    assert split_columns(table) == table  # a table of labels and values is no page of two columns


def test_local_time_is_the_duty_stations() -> None:
    values = facts("Analyst\nLocation: Aix-en-Provence, France\nClosing date: 22 January 2027 at 12:00 hrs "
                   "(local time Aix-en-Provence)" + _BODY).values
    assert values["deadline"] == dt.datetime(2027, 1, 22, 12, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))
    assert values["timezone"] == "Europe/Paris"


@pytest.mark.parametrize(
    "line, reference",
    [("VACANCY NOTICE N° NAHEMA/VN/26-07", "NAHEMA/VN/26-07"), ("Vacancy Notice No. NAPMA/27-03", "NAPMA/27-03"),
     ("Vacancy Notice: 27/IMS/045", "27/IMS/045")],
)
def test_a_vacancy_notice_number_with_its_bodys_letters(line: str, reference: str) -> None:
    assert facts(f"Analyst\n{line}\n" + _BODY).values["reference"] == reference


@pytest.mark.parametrize(
    "name",
    ["NATO Helicopter Management Agency (NAHEMA)", "Joint Support and Enabling Command (JSEC)",
     "NATO Airborne Early Warning & Control Programme Management Agency (NAPMA)"],
)
def test_natos_agencies_and_commands_are_known_bodies(name: str) -> None:
    long_name = name.rsplit(" (", 1)[0]
    assert prose.find_organisation(f"The {long_name} is recruiting.") == name


@pytest.mark.parametrize(
    "sentence",
    ["The closing date of this vacancy has been extended from 29 January 2027 to 12 February 2027 (midnight "
     "Brussels time).", "La date limite de candidature a été prolongée du 29 janvier 2027 au 12 février 2027 à minuit."],
)
def test_an_extended_deadline_is_the_new_date(sentence: str) -> None:
    deadline = facts("Analyst\n" + sentence + _BODY).values["deadline"]
    assert deadline == dt.datetime(2027, 2, 12, 23, 59, tzinfo=BRUSSELS)


@pytest.mark.parametrize("heading", ["In this issue", "Contents", "Table of contents", "Sommaire", "Inhalt"])
def test_a_list_of_contents_heading_is_no_title(heading: str) -> None:
    assert facts(f"{heading}\n\nAnalyst\nGrade: G15\n" + _BODY).values["title"] == "Analyst"


def test_a_notices_duty_location_wins_over_a_portals_place_of_work() -> None:
    text = "Analyst\nPlace of work: Giugliano in Campania, Italy\n\nDuty location: Naples (Lago Patria), Italy\n" + _BODY
    assert facts(text).values["location"] == "Naples (Lago Patria), Italy"


@pytest.mark.parametrize("heading", ["Podobné ponuky", "Panašūs skelbimai", "Slični oglasi", "Подобни обяви",
                                     "Samankaltaisia työpaikkoja", "Hasonló állások", "Gelijkaardige vacatures"])
def test_a_boards_similar_jobs_list_in_any_nato_language_is_left_out(heading: str) -> None:
    lines = clean_lines(f"Analyst\nGrade: G15\n{_BODY}\n{heading}\nClerk · Sofia · 15.03.2027\nDriver · Riga · G4\n")
    assert heading not in lines and not any("15.03.2027" in line for line in lines)


def test_a_cookie_banner_in_any_language_is_left_out_but_cookies_in_the_posting_stay() -> None:
    banner = "Ova stranica koristi kolačiće kako bi vam pružila bolje korisničko iskustvo. Prihvaćam Postavke kolačića"
    duty = "- Knowledge of web security: HTTP headers, cookies, sessions and TLS;"
    middle = "\n".join(f"The engineer maintains system number {n} of the Agency." for n in range(14))
    lines = clean_lines(f"{banner}\nSecurity Engineer\nGrade: G15\n{middle}\n{duty}\n{middle}\n")
    assert banner not in lines and duty in lines


# ---- blind round 8's formats ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, years",
    [("Definite duration contract of three (3) years, renewable.", 3), ("a definite duration contract of 3 (three) "
     "years", 3), ("Se ofrecerá un contrato de duración determinada de tres años, renovable.", 3),
     ("Será oferecido um contrato de duração determinada de 3 anos.", 3)],
)
def test_contract_years_with_a_number_in_brackets_or_in_spanish_and_portuguese(sentence: str, years: int) -> None:
    assert prose.find_contract(sentence) == ("definite duration", years)


def test_spanish_experience_and_one_other_language_levels() -> None:
    assert prose.find_experience("tener al menos 5 años de experiencia profesional en gestión de riesgos") == 5
    sentence = 'los idiomas oficiales de la OTAN (inglés/francés): V ("Avanzado") en uno; III ("Intermedio") en el otro.'
    assert prose.find_languages(sentence) == "V in one, III in the other"
    # (the Spanish, Portuguese and Italian words are looked for in a text with accents: a text in them has some)
    assert prose.find_languages('V ("Avanzado") en uno; III ("Intermedio") en el otro.') is None


@pytest.mark.parametrize(
    "line, languages",
    [("- proficiency in English, NATO STANAG 6001 SLP 3333;", {"English": "3333"}),
     ("* English: NATO STANAG 6001 level 3 in all four skills (SLP 3333);", {"English": "3333"})],
)
def test_a_language_profile_a_few_words_on_wins_over_a_level_word(line: str, languages: dict[str, str]) -> None:
    assert prose.find_languages(line) == languages


def test_a_browser_translated_taleo_page() -> None:
    text = ("Traducido al: español\nMostrar original\nOpciones\nIr al contenido principal\nOfertas de trabajo\n"
            "Mis solicitudes\nMi cuenta\nCerrar sesión\nDescripción del trabajo\nAplicar ahora\n"
            "Oficial (Gestión de Riesgos) - 270498\nUbicación principal\n Bélgica-Bruselas\nCalificación\n"
            " Grado OTAN G16\n" + _BODY)
    values = facts(text).values
    assert (values["title"], values["reference"], values["location"], values["grade"]) == (
        "Oficial (Gestión de Riesgos)", "270498", "Brussels, Belgium", "G16")


def test_us_eastern_time_written_et() -> None:
    values = facts("Planner\nDeadline: 03/19/2027 at 5:00 PM ET" + _BODY).values
    assert values["deadline"] == dt.datetime(2027, 3, 19, 17, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York"))


@pytest.mark.parametrize("zone_text, zone", [("Tallinn time (EET)", "Europe/Tallinn"), ("Bucharest time", "Europe/Bucharest"),
                                            ("Eastern European Time", "Europe/Athens")])
def test_the_zones_of_natos_other_capitals(zone_text: str, zone: str) -> None:
    assert facts(f"Officer\nDeadline: 2 February 2027, 23:59 {zone_text}" + _BODY).values["timezone"] == zone


def test_a_sites_button_is_no_title_and_a_pages_title_loses_its_site_name() -> None:
    assert facts("Post\nPost\n\nSee new posts\nPost: Cyber Operations Planner" + _BODY).values["title"] == (
        "Cyber Operations Planner")
    assert facts('title: "Scientist (Autonomous Systems) | CMRE Careers"' + _BODY).values["title"] == (
        "Scientist (Autonomous Systems)")


def test_a_chats_bold_line_and_an_emojis_style_selector() -> None:
    assert clean_lines("*Allied Joint Force Command Brunssum (JFC Brunssum)*\nMorning all \u2600\ufe0f\n") == [
        "Allied Joint Force Command Brunssum (JFC Brunssum)", "Morning all"]


@pytest.mark.parametrize("label, key", [("CIosing date", "deadline"), ("Basic month1y salary", "salary")])
def test_labels_an_ocr_misread(label: str, key: str) -> None:
    from natosite.importer.fields import label_key

    assert label_key(label) == key


def test_a_text_browsers_link_marks_and_link_list_are_left_out() -> None:
    text = ("   [1]Skip to main content\n\n   [2]Programme Officer\n\nGrade: G15\n" + _BODY
            + "\nReferences\n\n   1. https://www.diana.nato.int/#main\n   2. https://www.diana.nato.int/\n")
    lines = clean_lines(text)
    assert lines[0] == "Programme Officer"  # ("[1]Skip to main content" is chrome again once unmarked)
    assert not any("http" in line or "[" in line or line == "References" for line in lines)


def test_an_organisations_short_form_on_the_next_line() -> None:
    text = ("Officer\nOrganisation: Defence Innovation Accelerator for the North Atlantic\n"
            "     (DIANA)\n" + _BODY)
    assert facts(text).values["organisation"] == "Defence Innovation Accelerator for the North Atlantic (DIANA)"


@pytest.mark.parametrize(
    "text, expected",
    [("WhatsApp, FinCon and YouTube", "WhatsApp, FinCon and YouTube"),  # names with a short part stay whole
     ("CivilianPersonnel Regulations from allMember States", "Civilian Personnel Regulations from all Member States"),
     ("Follow @JFCNorfolk and #NATOjobs on r/NATOcareers", "Follow @JFCNorfolk and #NATOjobs on r/NATOcareers")],
)
def test_glued_words_are_split_but_names_and_handles_are_kept(text: str, expected: str) -> None:
    from natosite.importer.markdown import unglue_and_escape_all

    assert unglue_and_escape_all([text], [False]) == [expected]


# ---- blind round 9's formats ---------------------------------------------------------------


def test_contract_years_across_a_hard_line_break() -> None:
    text = "The post holder will be offered a definite duration contract of three\nyears, which may be renewed."
    assert prose.find_contract(text) == ("definite duration", 3)


def test_a_deadline_sentence_holding_an_address_gives_the_time_of_a_labelled_day() -> None:
    text = ("Officer\nClosing date: 15/01/2027\nApplications must be submitted through the NATO Talent Acquisition "
            "Platform (https://nato.taleo.net) and must be received by 23:59 hrs UK time on Friday 15 January 2027.\n"
            + _BODY)
    assert facts(text).values["deadline"] == dt.datetime(2027, 1, 15, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/London"))


def test_a_pandoc_grid_tables_bold_labels() -> None:
    text = ("+------------------+------------------+\n| **Vacancy number** | 261915 |\n+------------------+\n"
            "| **Title** | Senior Officer (Capability Planning) |\n| **Grade** | A-3 |\n" + _BODY)
    values = facts(text).values
    assert (values["reference"], values["title"], values["grade"]) == ("261915", "Senior Officer (Capability Planning)",
                                                                      "G17")


def test_a_browsers_print_header_is_no_part_of_the_title_and_its_footer_is_chrome() -> None:
    text = ("26/11/2026, 10:14 Job Description - Policy Adviser (Climate and Security) (261844)\n"
            "https://nato.taleo.net/careersection/2/jobdetail.ftl?job=261844 1/3\n" + _BODY)
    assert facts(text).values["title"] == "Policy Adviser (Climate and Security)"
    assert not any(line.startswith("https://") for line in clean_lines(text))
    assert "Accept all Reject Customise" not in clean_lines("Accept all Reject Customise\nAnalyst\n" + _BODY)


def test_the_salary_row_of_the_posts_old_grade_in_a_table() -> None:
    text = "Assistant\nGrade: B-4\nGrade  Step 1  Step 2\nB-3  € 3,706.55  € 3,798.21\nB-4  € 4,118.32  € 4,220.09\n"
    values = facts(text + _BODY).values
    assert (values["grade"], values["salary"], values["currency"]) == ("G10", 4118.32, "EUR")


def test_a_boards_long_number_under_reference_loses_to_the_notices_number() -> None:
    text = "Officer\nReference: 100347215\n\nCIVILIAN VACANCY NOTICE MARCOM 26/207\n" + _BODY
    assert facts(text).values["reference"] == "MARCOM 26/207"
    assert facts("Officer\nReference: 100347215\n" + _BODY).values["reference"] == "100347215"


def test_another_time_in_local_time_does_not_move_a_deadline_in_cet() -> None:
    values = facts("Analyst\nLocation: Lisbon, Portugal\nClosing date: 22 January 2027, 23:59 CET\n"
                   "Interviews will take place in March 2027 at 10:00 local time." + _BODY).values
    assert values["deadline"] == dt.datetime(2027, 1, 22, 23, 59, tzinfo=BRUSSELS)


def test_a_profile_a_few_words_on_belongs_to_the_last_language_named_before_it() -> None:
    assert prose.find_languages("English is the working language, and French SLP 2222 is an asset") == {
        "French": "2222"}


def test_round_10s_reference_organisation_and_profile_forms() -> None:
    assert facts("Scientist\nVacancy: 261077\n" + _BODY).values["reference"] == "261077"
    text = "Officer\nReferenznummer: 10000-1201553627-S\n\nVACANCY NOTICE JSEC-26-014\n" + _BODY
    assert facts(text).values["reference"] == "JSEC-26-014"
    text = "Officer\nArbeitgeber: NATO JSEC\n\nThe Joint Support and Enabling Command (JSEC) in Ulm is recruiting.\n"
    assert facts(text + _BODY).values["organisation"] == "Joint Support and Enabling Command (JSEC)"
    line = "English: NATO STANAG 6001 Standardized Language Profile (SLP) 3332 (listening, speaking)"
    assert prose.find_languages(line) == {"English": "3332"}


def test_an_acronym_just_before_a_bodys_name_qualifies_it() -> None:
    assert prose.find_organisation("NATO STO Centre for Maritime Research and Experimentation") == (
        "NATO Centre for Maritime Research and Experimentation (CMRE)")
    assert prose.find_organisation("The STO and its Centre for Maritime Research and Experimentation") == (
        "NATO Science and Technology Organization (STO)")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the text's fuller name with a short form the table knows for the body
        ("Allied Joint Force Command Brunssum\n\nALLIED JOINT FORCE COMMAND BRUNSSUM (JFC Brunssum)\nVACANCY NOTICE",
         "ALLIED JOINT FORCE COMMAND BRUNSSUM (JFC Brunssum)"),
        ("Headquarters Supreme Allied Commander Transformation (HQ SACT) is seeking an analyst.",
         "Headquarters Supreme Allied Commander Transformation (HQ SACT)"),
        # a name that says less than the table's, a parenthesis that is no short form of it, no parenthesis at all
        ("The International Military Staff (IMS) manages ...", "NATO International Military Staff (NATO IMS)"),
        ("Joint Force Command Brunssum (the Netherlands) is recruiting.", "Joint Force Command Brunssum (JFCBS)"),
        ("Joint Force Command Brunssum is recruiting.", "Joint Force Command Brunssum (JFCBS)"),
    ],
)
def test_written_organisation_takes_the_texts_name_with_its_short_form(text: str, want: str) -> None:
    body = prose.find_organisation(text)
    assert body is not None
    assert prose.written_organisation(body, text) == want


def test_a_relative_time_under_an_employer_chip_is_no_body() -> None:
    text = "Date posted\nEmployer\nPast 3 days\n\nData Scientist\nHeadquarters Supreme Allied Commander Transformation (HQ SACT) is seeking a data scientist.\n"
    assert facts(text).values["organisation"] == "Headquarters Supreme Allied Commander Transformation (HQ SACT)"


def test_the_place_beside_a_title_far_below_a_boards_lines() -> None:
    board = "".join(f"Other job {n}\nSome Company\n" for n in range(10))  # 20 lines of results, no place among them
    text = board + "ALLIED JOINT FORCE COMMAND BRUNSSUM\nBrunssum, the Netherlands\n\nPost title: Engineer\nGrade: G15\n"
    values = facts(text).values
    assert values["title"] == "Engineer"
    assert values["location"] == "Brunssum, Netherlands"
    assert facts("Post title: Engineer\nPlace of duty: Izmir, Türkiye\n").values["location"] == "Izmir, Türkiye"


def test_a_boards_own_label_in_another_language_loses_to_the_postings_title_and_number() -> None:
    text = ("Functie: Netwerkbeheerder ICT\nNumer oferty: 8712334\n\nVACANCY NOTICE JFTC-27-002\n\n"
            "Post title: Senior Network Engineer\nGrade: G15\n")
    values = facts(text).values
    assert values["title"] == "Senior Network Engineer"
    assert values["reference"] == "JFTC-27-002"


def test_a_filter_label_and_the_next_result_are_no_schedule() -> None:
    text = "Job type\nLogistics Planner - job post\n\nPost title: Logistics Planner\nGrade: G15\n"
    assert facts(text).values["schedule"] is None
    assert facts("Job type\nFull-time\n\nPost title: Planner\n").values["schedule"] == "Full-time"


def test_a_boards_card_and_quiz_above_its_full_job_description_are_left_out_of_the_body() -> None:
    text = ("Logistics Planner - job post\nHeadquarters Supreme Allied Commander Transformation 3.9 out of 5 stars\n"
            "Profile insights\nDo you have experience in Logistics?\nYes\nNo\nFull job description\n"
            "Post Title: Logistics Planner\nGrade: G15\n\n" + "The incumbent plans logistics for the Alliance.\n\n" * 8)
    lines = clean_lines(text)
    found = extract_facts(lines)
    start = lines.index("Full job description") + 1
    assert set(range(start)) <= found.consumed
    assert start not in found.consumed
    assert found.values["grade"] == "G15"


def test_a_boards_rounded_salary_gives_way_to_the_notices_exact_one() -> None:
    text = "Post title: Engineer\nSalaire : 7 905 € / mois\n\nBasic monthly salary: EUR 7,905.18 per month\n"
    assert facts(text).values["salary"] == 7905.18
    assert facts("Post title: Engineer\nSalaire : 6 100 € / mois\n\nBasic monthly salary: EUR 7,905.18\n").values[
        "salary"] == 7905.18  # (two figures that are not one rounded: the one labelled basic or monthly)


def test_the_postings_own_header_below_linkedins_about_the_job_names_the_body() -> None:
    text = ("NATO STO - Centre for Maritime Research and Experimentation (CMRE)\nResearch Engineer\nCandidati\n"
            "Informazioni sull’offerta di lavoro\nNATO Centre for Maritime Research and Experimentation (CMRE)\n"
            "La Spezia, Italy\n\nPosition: Research Engineer\n" + "The CMRE conducts research at sea.\n\n" * 8)
    assert facts(text).values["organisation"] == "NATO Centre for Maritime Research and Experimentation (CMRE)"


def test_a_boards_own_code_of_seven_digits_is_no_reference_when_the_notice_has_one() -> None:
    text = "Codice offerta: IJ-5521907\n\nVACANCY NOTICE 27/063\nPost title: Clerk\n"
    assert facts(text).values["reference"] == "27/063"


def test_a_search_boxs_location_label_and_the_tagline_under_it_are_no_place() -> None:
    text = ("Location\nGlassdoor has millions of jobs plus salary information, company reviews, and interview questions "
            "from people on the inside\n\nPost title: Clerk\n")
    assert facts(text).values["location"] is None


def test_an_employer_field_takes_its_short_form_from_a_header_in_capitals() -> None:
    text = "Arbeidsgiver: NATO Joint Warfare Centre\n\nNATO JOINT WARFARE CENTRE (JWC)\nPost title: Planner\n"
    assert facts(text).values["organisation"] == "NATO Joint Warfare Centre (JWC)"


def test_a_wrapped_sentences_last_word_and_the_next_heading_are_no_field() -> None:
    text = ("Post title: Analyst\nLOCATION: NATO Headquarters, Brussels, Belgium\n\n7. SECURITY CLEARANCE\n"
            "The successful applicant must hold or be able to obtain a NATO SECRET security\nclearance.\n"
            "8. RECRUITMENT PROCESS\nApply via the NATO Talent Acquisition Platform.\n")
    lines = clean_lines(text)
    found = extract_facts(lines)
    kept = [line for i, line in enumerate(lines) if i not in found.consumed]
    assert "clearance." in kept and "8. RECRUITMENT PROCESS" in kept
    assert "LOCATION: NATO Headquarters, Brussels, Belgium" in kept  # the notice's own field stays in the body


@pytest.mark.parametrize("raw, title", [
    ("Responsable achats (Procurement Officer) – 2 postes", "Responsable achats (Procurement Officer)"),
    ("Assistant (Budget Execution) 预算执行助理", "Assistant (Budget Execution)"),
    ("Engineer - 2 posts", "Engineer"),
])
def test_a_titles_post_count_after_a_dash_and_a_boards_translation_go(raw: str, title: str) -> None:
    assert clean_title(raw) == title


def test_french_monthly_basic_pay_label_and_taleos_own_colon() -> None:
    text = "Intitulé du poste : Acheteur\nTraitement mensuel de base (G15, échelon 1) : 7 018,42 EUR, net d'impôt\n"
    assert facts(text).values["salary"] == 7018.42
    assert clean_lines("Primary Location  : Belgium-Brussels") == ["Primary Location: Belgium-Brussels"]


def test_a_boards_address_gives_way_to_the_notices_city_and_country() -> None:
    text = "Location\nNorthwood HA6\n\nPost title: Logistics Officer\nLocation: Northwood, United Kingdom\n"
    assert facts(text).values["location"] == "Northwood, United Kingdom"
    text = "Lieu de travail : 7010 SHAPE (Mons) – Hainaut\nPost title: Engineer\nLocation: Mons, Belgium\n"
    assert facts(text).values["location"] == "Mons, Belgium"


def test_a_job_title_under_a_company_label_is_no_body() -> None:
    text = ("Company\nLogistics Staff Officer (Maritime Sustainment) - job post\n\nNATO – ALLIED MARITIME COMMAND (MARCOM)\n"
            "Post title: Logistics Staff Officer\n\nAllied Maritime Command (MARCOM) is seeking a logistics officer.\n")
    assert facts(text).values["organisation"] == "Allied Maritime Command (MARCOM)"


def test_a_cookie_dialogs_heading_is_chrome() -> None:
    assert clean_lines("We value your privacy\nLegal Advisor (Operational Law)") == ["Legal Advisor (Operational Law)"]


def test_the_notices_own_place_under_its_body_stays_in_the_body() -> None:
    text = ("NATO Support and Procurement Agency (NSPA)\nCapellen, Luxembourg\n\nVACANCY NOTICE 27/041\n"
            "Post title: Fuel Quality Engineer\nLocation: Capellen, Luxembourg\n")
    lines = clean_lines(text)
    assert lines.index("Capellen, Luxembourg") not in extract_facts(lines).consumed
    board = "NATO Communications and Information Agency (NCIA)\nMons, Belgicko\n\nPost title: Engineer\nLocation: Mons, Belgium\n"
    lines = clean_lines(board)
    assert lines.index("Mons, Belgicko") in extract_facts(lines).consumed  # a board's card, in the board's language


# ---- blind round 16: bilingual labels, desirable languages, grades written as numbers, PDF rows of two fields ----

from natosite.importer.fields import label_key  # noqa: E402


@pytest.mark.parametrize("label, key", [
    ("Numer referencyjny / Reference", "reference"), ("Divisie / Division", "division"),
    ("Bereich / Division", "division"), ("Sede di lavoro / Duty location", "location"),
    ("Wynagrodzenie / Basic monthly salary", "salary"), ("Termin składania aplikacji / Closing date", "deadline"),
    ("Grade / Salary", None),  # two facts: no label of one
    ("Oferujemy / Contract", None),  # a section's heading in two languages, one of them no label
    ("Numer referencyjny / Reference: JFTC-26-07", None),  # a label and its value
])
def test_a_label_in_two_languages(label: str, key: str | None) -> None:
    assert label_key(label) == key


def test_a_bilingual_label_gives_its_field() -> None:
    facts = extract_facts(["CIS Support Technician", "", "Numer referencyjny / Reference: JFTC-26-07",
                           "Divisie / Division: Resource Management (J8)",
                           "Wynagrodzenie / Basic monthly salary: 16 912,03 zł (PLN), tax-free"]).values
    assert (facts["reference"], facts["division"], facts["salary"], facts["currency"]) == (
        "JFTC-26-07", "Resource Management (J8)", 16912.03, "PLN")


@pytest.mark.parametrize("heading", ["5. DESIRABLE QUALIFICATIONS", "4. Desirable", "Mile widziane / Desirable",
                                     "Souhaitable", "DESIRABLE QUALIFICATIONS AND EXPERIENCE:", "### Desirable",
                                     "3.2 Desirable", "3.2\tDesirable"])
def test_languages_of_a_desirable_list_are_no_requirement(heading: str) -> None:
    lines = ["Budget Analyst", "", "3. ESSENTIAL QUALIFICATIONS", "- English - SLP 3333 (Listening, Speaking, Reading,"
             " Writing)", "", heading, "", "- French - SLP 2222.", "- Knowledge of IPSAS.", "", "6. CONTRACT",
             "The successful candidate will be offered a definite duration contract of three years. Italian: SLP 2222."]
    assert extract_facts(lines).values["languages"] == {"English": "3333", "Italian": "2222"}


def test_a_numbered_desirable_section_with_lettered_parts_ends_at_the_next_number() -> None:
    # the IMS's layout: "5. Desirable Qualifications." (a full stop), "c. Language." inside it, then "6. ..." and a
    # language the notice requires later on
    lines = ["Space Policy Officer", "", "4. Essential Qualifications.", "c. Language.", "• English – NATO SLP 3333.", "",
             "5. Desirable Qualifications.", "a. Professional / Experience.", "• Experience in a NATO staff.",
             "c. Language.", "• French – SLP 2222.", "", "6. Personal Attributes.", "• Sound judgement.", "",
             "7. Language Requirements.", "Italian – SLP 2222 is also required for liaison duties."]
    assert extract_facts(lines).values["languages"] == {"English": "3333", "Italian": "2222"}


def test_a_desirable_list_alone_still_gives_its_languages() -> None:
    lines = ["Budget Analyst", "", "DESIRABLE QUALIFICATIONS", "- French - SLP 2222."]
    assert extract_facts(lines).values["languages"] == {"French": "2222"}


@pytest.mark.parametrize("value, grade", [
    ("NATO Grade 17 (formerly A-2)", "G17"), ("Grade 15/16", "G15/G16"), ("NATO Grade G16 (formerly A-2)", "G16"),
    ("Grade: A-2", "G15"), ("NATO Grade 25", None),
])
def test_a_grade_written_as_a_number_after_grade_wins(value: str, grade: str | None) -> None:
    assert parse_grade(value) == grade


def test_a_long_remark_between_a_label_and_its_value() -> None:
    lines = ["Scientist", "", "Basic monthly salary (12 times a year), exempt from national income tax: EUR 7,014.56.",
             "Closing date (applications received after it are not considered): 17 January 2027"]
    facts = extract_facts(lines).values
    assert (facts["salary"], facts["currency"], facts["deadline"]) == (7014.56, "EUR", dt.date(2027, 1, 17))


def test_two_fields_side_by_side_in_a_pdfs_layout() -> None:
    text = ("   VACANCY No:      ACT 26-117                      DATE OF ISSUE:   16 November 2026\n\n"
            "   POST TITLE:      Senior Analyst (Operational     GRADE:           G17 (A-3)\n"
            "                    Experimentation)\n\n"
            "   Grade:                    NATO Grade 17 (formerly A-2)\n")
    assert clean_lines(text) == ["VACANCY No: ACT 26-117", "DATE OF ISSUE: 16 November 2026", "",
                                 "POST TITLE: Senior Analyst (Operational Experimentation)", "GRADE: G17 (A-3)", "",
                                 "Grade: NATO Grade 17 (formerly A-2)"]


@pytest.mark.parametrize("value, location", [
    ("JFC Naples, Lago Patria, Naples, Italy", "Naples, Italy"), ("SHAPE, Mons, Belgium", "Mons, Belgium"),
])
def test_the_duty_station_the_country_follows(value: str, location: str) -> None:
    assert normalise_location(value) == location


def test_a_badge_row_ending_in_the_boards_code_is_no_title() -> None:
    lines = ["Quality Assurance Engineer (H/F)", "", "NATO Support and Procurement Agency (NSPA)", "",
             "Capellen, Luxembourg · CDD · Temps plein · Publiée il y a 6 jours · Réf. annonce : JL-1543879"]
    assert extract_facts(lines).values["title"] == "Quality Assurance Engineer"


# ---- blind round 17 ----------------------------------------------------------------------------------------------


def test_a_turkish_boards_ad_number_loses_to_the_vacancy_number() -> None:
    facts = extract_facts(["Translator", "", "İlan No: 3871265", "Vacancy Number: LC 27-011"]).values
    assert facts["reference"] == "LC 27-011"


def test_the_field_labelled_division_wins_over_the_directorate() -> None:
    facts = extract_facts(["Engineer", "", "Directorate: Capability Development",
                           "Division: Operational Experimentation"]).values
    assert facts["division"] == "Operational Experimentation"


def test_polish_and_english_labels_numer_and_pion() -> None:
    facts = extract_facts(["Trainer", "", "Numer / Reference: JFTC 27/003", "Pion / Division: Training Support Division"])
    assert (facts.values["reference"], facts.values["division"]) == ("JFTC 27/003", "Training Support Division")


@pytest.mark.parametrize("line", [
    "- German – SLP 2222 – desirable.", "- Polish: SLP 2222 (mile widziany / desirable);",
    "• Français / French : SLP 2221 (souhaitable / desirable).",
])
def test_a_language_the_line_calls_desirable_is_no_requirement(line: str) -> None:
    lines = ["Clerk", "", "REQUIREMENTS", "- English: SLP 3332 (Listening, Speaking, Reading, Writing);", line]
    assert extract_facts(lines).values["languages"] == {"English": "3332"}


def test_levels_written_before_in_english_and_in_french() -> None:
    text = ("possess the following minimum levels of NATO's official languages (English/French): "
            "IV (\"Upper Intermediate\") in English; I (\"Beginner\") in French.")
    assert prose.find_languages(text) == {"English": "IV", "French": "I"}


def test_a_pdfs_box_of_two_columns_with_values_wrapped_in_either() -> None:
    text = ("   Grade:                A-3                                   Directorate:       Capability Development\n"
            "   Division:             Operational Experimentation           Location:          Norfolk, Virginia,\n"
            "   Basic Salary:         USD 8,247.16 per month                                   United States\n"
            "                         (tax free)                            Closing Date:      February 15, 2027\n"
            "   Employment type:      Full-time\n")
    assert clean_lines(text) == [
        "Grade: A-3", "Directorate: Capability Development", "Division: Operational Experimentation",
        "Location: Norfolk, Virginia, United States", "Basic Salary: USD 8,247.16 per month (tax free)",
        "Closing Date: February 15, 2027", "Employment type: Full-time"]


def test_a_pdfs_box_ends_at_text_on_the_margin() -> None:
    text = ("   Grade:     A-3                     Directorate:   Capability Development\n"
            "   Employment type:      Full-time\n"
            "1. BACKGROUND\n"
            "The post is in Norfolk.\n")
    assert clean_lines(text) == ["Grade: A-3", "Directorate: Capability Development", "Employment type: Full-time",
                                 "1. BACKGROUND", "The post is in Norfolk."]


def test_a_wrapped_sentence_gives_the_time_of_the_fields_bare_date() -> None:
    lines = ["Engineer", "", "Closing Date: February 15, 2027", "", "7. HOW TO APPLY",
             "Applications must be submitted through the NATO Talent Acquisition Platform by 23:59 hrs",
             "(Norfolk, Virginia local time) on February 15, 2027. Late applications will not be considered.",
             "Interviews are expected during the week of 22 March 2027."]
    facts = extract_facts(lines).values
    assert facts["deadline"] == dt.datetime(2027, 2, 15, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    assert facts["timezone"] == "America/New_York"


def test_a_wrapped_sentence_with_another_date_leaves_the_bare_date() -> None:
    lines = ["Engineer", "", "Closing Date: February 15, 2027", "",
             "Applications must be submitted through the platform by",
             "the closing date. Interviews will be held at 10:00 on 3 March 2027."]
    assert extract_facts(lines).values["deadline"] == dt.date(2027, 2, 15)


def test_a_heading_over_a_sentence_a_pdf_wrapped_stays_in_the_body() -> None:
    from natosite.importer import parse_posting

    text = ("Exercise Planning Assistant\n\nSUMMARY\nThe post is in Stavanger.\n\nContract\n"
            "Newly appointed staff will be offered a definite duration contract of 3 years, which may be\n"
            "renewed. Serving NATO staff will be offered a contract in accordance with the Regulations.\n")
    body = parse_posting(text, {"file": "x.txt"}).posting.body
    assert "## Contract\n\nNewly appointed staff will be offered a definite duration contract of 3 years, which may be " \
           "renewed." in body


# ---- blind round 18 ----------------------------------------------------------------------------------------------


def test_the_schedule_field_that_is_a_schedule_wins() -> None:
    lines = ["Assistant", "", "Dienstverband: Tijdelijk contract (bepaalde tijd, 3 jaar)", "Uren per week: 40 (fulltime)"]
    assert extract_facts(lines).values["schedule"] == "Full-time"


def test_a_bilingual_label_longer_than_a_labels_reach() -> None:
    facts = extract_facts(["Assistant", "", "Traitement mensuel de base / Basic monthly salary :\t4 127,58 € (base temps plein)"])
    assert (facts.values["salary"], facts.values["currency"]) == (4127.58, "EUR")


def test_a_wrapped_phrase_before_the_fields_date_gives_its_time() -> None:
    lines = ["Officer", "", "Closing date", "17 January 2027", "", "7. RECRUITMENT PROCESS",
             "countries. Applications must be submitted using NATO Talent Acquisition Platform",
             "by 17 January 2027 (23:59 Brussels time). The first round of assessment (written",
             "test) is provisionally scheduled for 3 March 2027."]
    facts = extract_facts(lines).values
    assert facts["deadline"] == dt.datetime(2027, 1, 17, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))


def test_a_level_before_the_language_and_a_desirable_list_with_an_intro() -> None:
    lines = ["Engineer", "", "ESSENTIAL", "- possess a minimum level of SLP 3333 (Listening, Speaking, Reading and Writing)"
             " in the English language.", "", "DESIRABLE", "", "The following would be considered an advantage:",
             "- knowledge of the French language (SLP 2222).", "- French: SLP 2222.", "", "3. MAIN ACCOUNTABILITIES"]
    assert extract_facts(lines).values["languages"] == {"English": "3333"}


@pytest.mark.parametrize("line, title", [
    ("Intitulé du poste / Post title: Assistant(e) administratif(ve) de programme / Programme Administrative Assistant",
     "Programme Administrative Assistant"),
    ("Post title / Intitulé du poste: Programme Assistant / Assistant de programme", "Programme Assistant"),
])
def test_a_bilingual_title_field_gives_its_english_side(line: str, title: str) -> None:
    assert extract_facts([line]).values["title"] == title


@pytest.mark.parametrize("lines", [
    ["Officer", "", "6. CONTRACT", "Contract to be offered to the successful applicant (if non-seconded): 3-year definite",
     "duration contract, which may be renewed for a further period of up to 3 years."],  # the kind wrapped
    ["Scientist", "", "CONTRACT", "The successful candidate will be offered a definite duration contract of three (3)",
     "years, which may be renewed."],  # the years wrapped after the figure
])
def test_a_contract_wrapped_over_two_lines(lines: list[str]) -> None:
    facts = extract_facts(lines).values
    assert (facts["contract"], facts["contract_years"]) == ("definite duration", 3)


# ---- blind round 19 ----------------------------------------------------------------------------------------------


def test_a_row_across_a_pdfs_box_is_not_cut_at_its_column() -> None:
    text = ("   Location:       SHAPE, Mons, Belgium                         Post Number:      CYOC PLN 0030\n"
            "   Closing date:   22 February 2027 (23:59 hrs Central European Time)\n")
    assert clean_lines(text) == ["Location: SHAPE, Mons, Belgium", "Post Number: CYOC PLN 0030",
                                 "Closing date: 22 February 2027 (23:59 hrs Central European Time)"]


def test_a_language_a_later_sentence_calls_desirable() -> None:
    lines = ["Officer", "", "REQUIREMENTS", "- Language: English – Professional (SLP 3333). French is desirable (SLP 2222) "
             "but not required."]
    assert extract_facts(lines).values["languages"] == {"English": "3333"}


def test_a_fields_time_in_no_zone_takes_the_zone_a_phrase_gives_it() -> None:
    lines = ["Engineer", "", "Location: Norfolk, Virginia, USA", "Application Deadline: 26-Jan-2027, 11:59:00 PM", "",
             "Applications must be received by 26 January 2027, 11:59 PM Eastern Time (EST). Interviews follow."]
    facts = extract_facts(lines).values
    assert facts["deadline"] == dt.datetime(2027, 1, 26, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    assert facts["timezone"] == "America/New_York"
    brussels = extract_facts(["Officer", "", "Location: Brussels, Belgium", "Application Deadline: 26-Jan-2027, 11:59:00 PM",
                              "", "Applications must be received by 26 January 2027, 11:59 PM CET."]).values
    assert brussels["timezone"] == "Europe/Brussels"


# ---- blind round 20-21: notes above a paste, alerts, newsletters, wrapped fields ------------------------------


def test_a_newsletters_headline_gives_the_title_and_its_browser_link_is_chrome() -> None:
    text = ("Having trouble reading this e-mail? View it in your browser\nSTO Monthly Digest\n\nDear colleagues,\n\n"
            "Welcome to the February issue of the Digest, with news and one vacancy.\n\n"
            "We are hiring: Scientist (Autonomous Underwater Systems)\n\nGrade: G18\n")
    assert facts(text).values["title"] == "Scientist (Autonomous Underwater Systems)"


def test_a_note_someone_wrote_above_the_paste_is_no_end_of_the_header() -> None:
    text = ("Saw this on the CMRE careers page, pasting the whole notice here because their site keeps timing out\n\n"
            "Senior Engineer, Autonomous Systems\nVacancy number: 270045\nGrade: G17\n")
    assert facts(text).values["title"] == "Senior Engineer, Autonomous Systems"


def test_notes_to_self_above_a_rule_and_the_paste_below_it() -> None:
    text = ("JWC job – M&S tech\nNotes to self:\n- Ask Kari about shift work\n- the NCIA Oslo one closes 20 April\n\n"
            "——— copied from jwc.nato.int ———\n\nJOINT WARFARE CENTRE (JWC)\nStavanger, Norway\n\n"
            "Modelling and Simulation Technician\n\nGrade: G12\n")
    assert facts(text).values["title"] == "Modelling and Simulation Technician"


def test_a_deadline_field_wrapped_before_its_year_and_its_zone() -> None:
    text = ("Technician\n\nGrade: G12\nLocation: Stavanger, Norway\nClosing date: 5 April\n2027, 23:59 Stavanger local\n"
            "time\n\nAbout the JWC\n")
    values = facts(text).values
    assert values["deadline"] == dt.datetime(2027, 4, 5, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Oslo"))
    assert values["timezone"] == "Europe/Oslo"


def test_a_digests_top_match_entry_gives_its_own_facts_not_the_other_entries() -> None:
    rule = "-" * 60
    text = (f"Defence Careers Weekly\nYour saved search\n\n{rule}\n1) Finance Assistant\n"
            "NATO Support and Procurement Agency (NSPA) – Capellen, Luxembourg\nClosing date: 14 December 2026\n"
            f"{rule}\n2) ★ TOP MATCH ★\nHuman Resources Officer (Talent Acquisition)\n"
            f"Allied Joint Force Command Brunssum (JFC Brunssum) – Brunssum, Netherlands\n{rule}\n\n"
            "Vacancy reference: JFCBS 26/133\nGrade: NATO G14\nClosing date: see \"How to apply\" below\n\n"
            "How to apply\nApplications must be received via the NATO Talent Acquisition Platform by 11 January 2027.\n\n"
            f"{rule}\n3) Network Engineer\nNATO Communications and Information Agency (NCIA) – Mons, Belgium\n"
            "Closing date: 20 January 2027, 23:59 CET\n")
    values = facts(text).values
    assert values["title"] == "Human Resources Officer (Talent Acquisition)"
    assert values["organisation"] == "Allied Joint Force Command Brunssum (JFC Brunssum)"
    assert values["deadline"] == dt.date(2027, 1, 11)


def test_a_notice_pasted_below_a_job_alert_of_other_jobs() -> None:
    text = ("Maria – this is the Norfolk one, ignore the SHAPE one.\n\n3 new jobs for \"NATO civilian\"\n\n"
            "Maritime Plans Officer\nJoint Force Command Norfolk - Norfolk, VA\n\nCyber Security Analyst (G13)\n"
            "HQ Supreme Allied Commander Transformation - Norfolk, VA\nDeadline: January 22, 2027\n\n"
            "Administrative Assistant (G8)\nSHAPE - Mons, Belgium\nClosing date: 18-Jan-2027, 11:59:00 PM\n\n"
            "JOINT FORCE COMMAND NORFOLK (JFC NORFOLK)\nCIVILIAN VACANCY NOTICE\n\nVacancy Number: JFCNF-26-014\n"
            "Post Title: Maritime Plans Officer\nLocation: Norfolk, Virginia, United States\n\nPOST CONTEXT\n"
            "Joint Force Command Norfolk (JFC Norfolk) is NATO's operational-level headquarters.\n\nHOW TO APPLY\n"
            "Applications must be submitted by 11:59 PM Eastern Time on January 29, 2027.\n")
    values = facts(text).values
    assert values["organisation"] == "Joint Force Command Norfolk (JFC Norfolk)"
    assert values["deadline"] == dt.datetime(2027, 1, 29, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/New_York"))


def test_clearance_wrapped_after_its_level_and_a_documents_marking_is_none() -> None:
    text = "Officer\n\nSecurity clearance\nThe incumbent must hold or be\neligible for a NATO SECRET\nclearance.\n"
    assert facts(text).values["clearance"] == "NATO SECRET"
    duties = ("Officer\n\nc. Operates the classified registry for NATO RESTRICTED and NATO CONFIDENTIAL documents in "
              "accordance with NATO security policy;\n\nThe successful candidate must hold a NATO SECRET security clearance.\n")
    assert facts(duties).values["clearance"] == "NATO SECRET"


@pytest.mark.parametrize("profile", ["SLP 3-3-2-2", "SLP: 3.3.2.2", "SLP 3/3/2/2"])
def test_a_language_profile_written_with_separators(profile: str) -> None:
    text = f"Officer\n\nd. Language: English: {profile} (Listening-Speaking-Reading-Writing).\n\nDesirable\nb. Polish: SLP 2222.\n"
    assert facts(text).values["languages"] == {"English": "3322"}


def test_a_force_structure_headquarters_is_a_nato_body() -> None:
    text = "Information Management Assistant\nMultinational Corps Northeast (MNC NE)\nSzczecin, Polsko\n\nGrade: G12\n"
    assert facts(text).values["organisation"] == "Multinational Corps Northeast (MNC NE)"


def test_the_postings_division_label_beats_a_boards_own() -> None:
    text = "Intelligence Analyst\n\nDepartament:\tAnaliză\nOraș:\tRamstein\n\nDirectorate: A2 Intelligence\nGrade: G14\n"
    assert facts(text).values["division"] == "A2 Intelligence"


def test_a_boards_job_number_loses_to_the_vacancy_number_but_a_post_number_does_not_win() -> None:
    board = "Cyber Engineer\nJob Number: CJ-8831972\n\nVacancy Number: JFCNF 27-011\nGrade: G15\n"
    assert facts(board).values["reference"] == "JFCNF 27-011"
    post = ("Lessons Analyst\nReferência: 4471234567\n\nNATO CIVILIAN VACANCY NOTICE JALLC-2027-03\n\n"
            "Post Number: JLL ANA 0130\nGrade: G15\n")
    assert facts(post).values["reference"] == "JALLC-2027-03"


def test_a_basic_monthly_salary_stated_in_a_sentence_with_its_currency() -> None:
    text = ("Programme Manager\n\nWhat we offer: basic monthly salary (full-time equivalent) of GBP 6,842.19, exempt from "
            "national income tax, plus NATO allowances where eligible.\n")
    values = facts(text).values
    assert (values["salary"], values["currency"]) == (6842.19, "GBP")


def test_a_boards_salary_range_is_no_basic_salary() -> None:
    text = "Airspace Officer\n\nSalario: 30.000€ - 42.000€ Bruto/año\nGrade: G11/G12\nLocation: Torrejón, Spain\n"
    values = facts(text).values
    assert (values["salary"], values["currency"]) == (None, None)


@pytest.mark.parametrize("sentence, grade, salary", [
    ("The basic monthly salary for a G16 in Belgium is 7 246,88 EUR, plus allowances.", "G16", (7246.88, "EUR")),
    ("The basic monthly salary, prorated to 80%, is EUR 4,883.82, tax-free.", "G15", (4883.82, "EUR")),
    ("The basic monthly salary for grade G15 in Germany is €6,893.40 (net of tax).", "G15", (6893.4, "EUR")),
    ("The basic monthly salary for a G16 is £4,531.62 (net of NATO tax).", "G15/G16", (4531.62, "GBP")),
    ("The basic monthly salary for a G17 is £5,012.00; this post is graded lower.", "G15", (None, None)),
])
def test_a_sentence_giving_the_posts_basic_salary_for_its_own_grade(sentence: str, grade: str, salary) -> None:
    values = facts(f"Analyst\n\nGrade: {grade}\nLocation: Northwood, United Kingdom\n\nWhat we offer\nA team. {sentence}\n").values
    assert (values["salary"], values["currency"]) == salary


def test_a_boards_gender_tag_after_a_dash_goes() -> None:
    assert clean_title("Engineer (Marine Robotics Software) – m/ž") == "Engineer (Marine Robotics Software)"
    assert clean_title("Analyst – m/w/d") == "Analyst"
    assert clean_title("Officer – Plans/Policy") == "Officer – Plans/Policy"


def test_a_body_is_named_as_the_text_writes_it_with_the_tables_short_form() -> None:
    text = ("Engineer\nNATO STO – Centre for Maritime Research and Experimentation\n\nThe Centre for Maritime Research "
            "and Experimentation (CMRE), part of the NATO Science and Technology Organization, is in La Spezia.\n")
    assert facts(text).values["organisation"] == "Centre for Maritime Research and Experimentation (CMRE)"
    ims = "Officer\n\nThe International Military Staff (IMS) supports the Military Committee.\n"
    assert facts(ims).values["organisation"] == "NATO International Military Staff (NATO IMS)"


def test_a_salary_headings_sentence_for_another_grade_is_not_the_posts() -> None:
    text = ("Analyst\n\nGrade: G15\nLocation: Northwood, United Kingdom\n\nRemuneration\n"
            "The basic monthly salary for a G17 is £5,012.00; this post is graded lower.\n")
    assert facts(text).values["salary"] is None


def test_a_sentence_saying_the_post_is_full_time() -> None:
    assert facts("Engineer\n\nGrade: G17\n\nThe post is full-time (40 hours per week).\n").values["schedule"] == "Full-time"


def test_a_caoc_is_a_body_and_a_vacancy_reference_beats_a_post_number() -> None:
    text = ("Logistics Assistant (Infrastructure) – CAOC TJ | Allied Air Command\nAllied Air Command Public Affairs Office\n\n"
            "Logistics Assistant (Infrastructure)\n\nCombined Air Operations Centre Torrejón (CAOC TJ)\n\nPost number\n"
            "CTJ FLX 0150\nVacancy reference\nCAOC TJ 03/27\nGrade\nB-4/G-10\n")
    values = facts(text).values
    assert values["organisation"] == "Combined Air Operations Centre Torrejón (CAOC TJ)"
    assert values["reference"] == "CAOC TJ 03/27"


def test_the_title_below_a_mails_greeting_and_its_sentence() -> None:
    text = ("Hoi Sanne,\n\nJe hebt deze vacature naar jezelf gemaild via Jobbird.\n\n"
            "Configuration Management Officer (2 posts)\n\nReference Number: 270418\nNATO Grade: G15/G16\n")
    assert facts(text).values["title"] == "Configuration Management Officer"


def test_a_line_naming_the_basic_monthly_salary_with_its_figure_after_it() -> None:
    text = ("Officer\n\nGrade: G15/G16\nSalarisindicatie: € 5.200 – € 6.800 per maand\n\nBasic monthly salary 5,876.23 EUR "
            "(G15 step 1), tax-free, plus allowances for eligible staff (expatriation, household, dependent children). "
            "Appointment at G16 is possible for candidates who fully meet the desirable requirements.\n")
    values = facts(text).values
    assert (values["salary"], values["currency"]) == (5876.23, "EUR")


def test_a_chat_saying_a_language_is_desirable_wishes_for_no_other_language_it_names() -> None:
    text = ("Officer\n\nQualifications – essential\n- English: SLP 3333;\n\nDesirable\n- French: SLP 2222;\n\nContract\n"
            "Definite duration contract of three years.\n\n"
            "@tomasz nope, French is only desirable for this one English 3333 is the hard requirement\n")
    assert facts(text).values["languages"] == {"English": "3333"}


def test_a_row_of_labelled_cells_after_a_label_is_split_into_its_fields() -> None:
    values = facts("Officer\n\nReference: 270312 | NATO Grade: G18 | Full-time\n").values
    assert (values["reference"], values["grade"]) == ("270312", "G18")


def test_a_boards_bare_place_loses_to_a_place_with_its_country_below_it() -> None:
    text = ("Bonjour Marta,\n\nPubliée le 11/01/2027 · Luxembourg · CDI · Temps plein\n\nLogistics Data Analyst\n\n"
            "NATO Support and Procurement Agency (NSPA) · Capellen, Luxembourg\n\nVacancy Number: 270042\n")
    assert facts(text).values["location"] == "Capellen, Luxembourg"


def test_round_24_salary_forms() -> None:
    long_label = ("Officer\n\nGrade: G15\nBasic monthly salary (12 times per year), exempt from national income tax: 6,895.44 EUR, "
                  "plus allowances where applicable (household, dependent children, expatriation).\n")
    assert (facts(long_label).values["salary"], facts(long_label).values["currency"]) == (6895.44, "EUR")
    plain = "Engineer\n\nGrade: G16\n\nRemuneration. The basic monthly salary is PLN 24,318.77, tax-free.\n"
    assert (facts(plain).values["salary"], facts(plain).values["currency"]) == (24318.77, "PLN")


@pytest.mark.parametrize("text, languages", [
    ("Assistant\n\n- possess: English – SLP 3333; French – Listening 3, Speaking 3, Reading 2, Writing 2.\n",
     {"English": "3333", "French": "3322"}),
    ("Assistant\n\nLanguage Listening Speaking Reading Writing Requirement\nEnglish 3 3 3 2 Essential\n"
     "Portuguese 2 2 1 1 Desirable\n", {"English": "3332"}),
])
def test_a_language_profile_written_skill_by_skill_or_in_a_table(text: str, languages: dict) -> None:
    assert facts(text).values["languages"] == languages


def test_taleos_fact_table_copied_with_two_fields_a_row() -> None:
    text = ("Job Information\nTitle\tWargaming Analyst\tRequisition ID\t270088\n"
            "Primary Location\tUnited States-Virginia-Norfolk\tOther Locations\n"
            "NATO Body\tHeadquarters Supreme Allied Commander Transformation (HQ SACT)\tDivision\t"
            "Capability Development Directorate (CAPDEV)\nSchedule\tFull-time\tNumber of Openings\t1\n")
    values = facts(text).values
    assert values["title"] == "Wargaming Analyst" and values["reference"] == "270088"
    assert values["location"] == "Norfolk, Virginia, United States"
    assert values["organisation"] == "Headquarters Supreme Allied Commander Transformation (HQ SACT)"
    assert values["division"] == "Capability Development Directorate (CAPDEV)"


def test_round_24_board_fields_lose_to_the_postings() -> None:
    text = ("Database Administrator (CAOCTJ-0127)\nNATO – Combined Air Operations Centre Torrejón (CAOC TJ)\n"
            "Jornada: Completa\nRef.nr.: 271104\n\nVacancy Number: CAOCTJ-0127\nPost: Database Administrator (CAOCTJ-0127)\n")
    values = facts(text).values
    assert values["title"] == "Database Administrator"
    assert values["organisation"] == "Combined Air Operations Centre Torrejón (CAOC TJ)"
    assert (values["schedule"], values["reference"]) == ("Full-time", "CAOCTJ-0127")
    posts = facts("Geospatial Technician (2 posts) – NATO JFC Brunssum\nAantal vacatures: 1\n\n"
                  "Post title: Geospatial Technician (2 posts)\n").values["posts"]
    assert posts == 2


def test_striking_forces_is_a_body() -> None:
    text = ("Knowledge Management Assistant\nNaval Striking and Support Forces NATO (STRIKFORNATO) – Oeiras, Portugal\n\n"
            "Similar: Records Officer (G12) – NCIA – Oeiras\n")
    assert facts(text).values["organisation"] == "Naval Striking and Support Forces NATO (STRIKFORNATO)"


def test_a_persons_markdown_notes_of_a_posting() -> None:
    text = ("---\ntags: [jobsearch, nato, brussels]\ncreated: 2027-01-21\n---\n\n# NDMAA – Manpower Analyst 🇧🇪\n\n"
            "> Copied by hand from the NATO careers site.\n\n**Status:** not applied yet\n\n---\n\n## The facts\n\n"
            "* **Who:** NATO Defence Manpower Audit Authority (NDMAA)\n* **Where:** NATO HQ, Brussels, Belgium\n"
            "* **Division:** n/a — NDMAA is independent\n* **Grade:** G18\n"
            "* **Money:** 8 816,01 € basic monthly (full-time rate, paid pro rata), tax free\n"
            "* **Hours:** Part-time — 80 % (4 days a week)\n"
            "* **Languages:** English SLP 4444 (essential) · French SLP 2222 (desirable only)\n")
    values = facts(text).values
    assert values["title"] == "Manpower Analyst"
    assert values["organisation"] == "NATO Defence Manpower Audit Authority (NDMAA)"
    assert (values["location"], values["grade"], values.get("division")) == ("Brussels, Belgium", "G18", None)
    assert (values["salary"], values["currency"], values["schedule"]) == (8816.01, "EUR", "Part-time")
    assert values["languages"] == {"English": "4444"}


def test_a_web_clippers_front_matter_stays_for_its_title() -> None:
    text = '---\ntitle: "Scientist (Autonomous Systems) | CMRE Careers"\ncreated: 2026-11-22\n---\n\nBody text.\n'
    assert facts(text).values["title"] == "Scientist (Autonomous Systems)"


def test_a_deadline_sentence_with_a_mails_bracketed_link_and_a_missions_local_time() -> None:
    text = ("Advisor\n\nClosing date: see \u201cHow to apply\u201d below\n\nHow to apply\nApplications must be submitted "
            "through the NATO Talent Acquisition Platform <https://nato.taleo.net/careersection/2/jobdetail.ftl?job=270412"
            "&lang=en> no later than 23:59 hrs Baghdad time (UTC+3) on Wednesday, 3 March 2027.\n")
    values = facts(text).values
    assert values["deadline"] == dt.datetime(2027, 3, 3, 23, 59, tzinfo=zoneinfo.ZoneInfo("Asia/Baghdad"))
    assert values["timezone"] == "Asia/Baghdad"


def test_a_schedule_field_that_names_neither_full_nor_part_time_gives_none() -> None:
    assert facts("Assistant\n\nWorking hours: 36 hours per week (Monday to Friday)\n").values["schedule"] is None


def test_a_digests_one_detailed_entry_among_numbered_ones() -> None:
    rule = "-" * 60
    text = (f"SAPO Emprego\n{rule}\nOlá Rui,\n\nEncontrámos 3 novas ofertas.\n{rule}\n\n"
            "1) Systems Analyst (Functional Services) - G13\nNATO Communications and Information Agency (NCIA)\n"
            "Salário: 4.981,40 EUR/mês\nData limite: 12/02/2027\n\n" f"{rule}\n\n"
            "2) Maritime Operations Planning Officer\nNaval Striking and Support Forces NATO (STRIKFORNATO)\n"
            "Salário: 6.842,19 EUR/mês (salário base)\nData limite: 19/02/2027\n\n" + "Reference: SFN-CIV-27-02\n"
            + "".join(f"Duty {k} of the post, described at length.\n" for k in range(12)) + f"\n{rule}\n\n"
            "3) Logistics Assistant - G8\nNSPA\nData limite: 26/02/2027\n")
    values = facts(text).values
    assert values["title"] == "Maritime Operations Planning Officer"
    assert values["organisation"] == "Naval Striking and Support Forces NATO (STRIKFORNATO)"
    assert (values["salary"], values["deadline"]) == (6842.19, dt.date(2027, 2, 19))


def test_round_26_board_fields_and_words_lose_to_the_postings() -> None:
    text = ("Analyst\n\nReference number\n352018\nSalary\n£61,420\n\nNATO vacancy number: MC 27-03\nGrade: G16\n"
            "Basic monthly salary: £5,118.40 (tax-free)\nLocation: Northwood, United Kingdom\n\n"
            "Brunssum | 40 uur | Tijdelijk contract | WO/HBO\n\nCONTRACT\nSuccessful candidates will be offered an "
            "indefinite duration contract after a probationary period of six months.\n\n"
            "Candidates must hold a COSMIC TOP SECRET clearance. Board: Top secret clearance required.\n")
    values = facts(text).values
    assert (values["reference"], values["salary"], values["currency"]) == ("MC 27-03", 5118.40, "GBP")
    assert (values["contract"], values["clearance"]) == ("indefinite duration", "COSMIC TOP SECRET")
    assert facts("Engineer\n\nTop secret security clearance required.\n").values["clearance"] == "COSMIC TOP SECRET"


def test_round_27_taleo_pages_through_pdftotext() -> None:
    layout = ("    Senior Cloud Platform Engineer-270533                     Apply Online    Add to My Job Cart    Share\n\n"
              "    Primary Location              Belgium-Braine-l'Alleud\n\n"
              "    NATO Body                     NATO Communications and Information\n"
              "                                  Agency (NCIA)\n\n"
              "    Application Deadline          07-Mar-2027, 11:59:00\n                                  PM\n\n"
              "    Role\n    The Senior Cloud Platform Engineer designs, builds and operates the container and virtualisation\n"
              "    platforms of the Agency.\n")
    values = facts(layout).values
    assert (values["title"], values["reference"]) == ("Senior Cloud Platform Engineer", "270533")
    assert values["organisation"] == "NATO Communications and Information Agency (NCIA)"
    assert values["deadline"] == dt.datetime(2027, 3, 7, 23, 59, tzinfo=BRUSSELS)
    raw = ("Logistics Assistant-270123\nPrimary Location United States-Norfolk, VA\nNATO Body Joint Force Command Norfolk "
           "(JFCNF)\nSchedule Full-time\n\nContract: The successful candidate will be offered an initial definite duration "
           "contract of 36\nmonths, which may be renewed.\n")
    values = facts(raw).values
    assert (values["organisation"], values["schedule"]) == ("Joint Force Command Norfolk (JFCNF)", "Full-time")
    assert (values["location"], values["contract_years"]) == ("Norfolk, Virginia, United States", 3)


def test_round_27_french_grade_and_a_local_national_time() -> None:
    assert facts("Officier\n\nSalaire : 8 123,55Euro (EUR) MensuelGrade Grade OTAN G16\n").values["grade"] == "G16"
    text = "Specialist\n\nClosing date:\t28 February 2027, 23:59 hrs (local German time)\n"
    values = facts(text).values
    assert (values["timezone"], values["deadline"]) == (
        "Europe/Berlin", dt.datetime(2027, 2, 28, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")))


def test_round_28_29_schedule_words_of_a_boards_language_reference_and_salary_forms() -> None:
    assert facts("Writer\nStavanger, Noregur · Fullt starf · Á staðnum\n\nGrade: G13\n").values["schedule"] == "Full-time"
    assert facts("Specialist\n\nAnsættelsesform: Fuldtid, tidsbegrænset\n").values["schedule"] == "Full-time"
    assert facts("Analyst\n\nDarbo pobūdis: Pilnas etatas\n").values["schedule"] == "Full-time"
    text = "NATO\nVACANCY ANNOUNCEMENT 03/2027\n\nLessons Learned Analyst\n\nPost Number: JALLC AN 0090\nGrade: G15\n"
    assert facts(text).values["reference"] == "03/2027"
    salary = facts("Technician\n\nBasic monthly salary for this post: EUR 5.118,42 (tax-free), 12 times per year, plus "
                   "allowances where eligible.\n").values
    assert (salary["salary"], salary["currency"]) == (5118.42, "EUR")


def test_the_postings_own_title_below_a_boards_headline_of_the_same_job() -> None:
    lines = ["StepStone", "", "Network Engineer - NATO (m/v/x)", "", "NCI Agency", "- Den Haag", "- Voltijds", "",
             "Senior Network Engineer (Federated Mission Networking)", "", "Requisition ID: 270915",
             "Location: The Hague, Netherlands", "NATO Grade: G16", "", "Introduction", "",
             "The NCI Agency delivers secure communications."]
    facts = extract_facts(lines).values
    assert facts["title"] == "Senior Network Engineer (Federated Mission Networking)"
    assert facts["schedule"] == "Full-time"  # (the board's badges as a list)


@pytest.mark.parametrize("own", ["Vacancy Notice VN 2027/06 – Network Engineer", "The Agency is recruiting a Network "
                                 "Engineer for its Hague office"])
def test_a_notice_number_or_a_sentence_holding_the_headline_is_no_better_title(own: str) -> None:
    lines = ["Network Engineer", "", own, "Requisition ID: 270915", "Location: The Hague, Netherlands"]
    assert extract_facts(lines).values["title"] == "Network Engineer"


@pytest.mark.parametrize("grade, salary", [("G16", 8043.19), ("G15", None)])
def test_a_basic_salary_label_in_a_sentence_naming_the_grade(grade: str, salary: float | None) -> None:
    lines = ["Senior Network Engineer", "", f"NATO Grade: {grade}", "",
             "The successful candidate will be offered a definite duration contract of three (3) years. Basic monthly "
             "salary (NATO grade G16): 8,043.19 EUR, exempt from national taxation."]
    assert extract_facts(lines).values["salary"] == salary


@pytest.mark.parametrize("value, schedule", [("100%", "Full-time"), ("100 %", "Full-time"), ("60%", "Part-time"),
                                             ("80 – 100%", None)])
def test_a_swiss_boards_share_of_a_week(value: str, schedule: str | None) -> None:
    lines = ["LMS Administrator", "", "Pensum:", value, "Arbeitsort: Oberammergau"]
    assert extract_facts(lines).values["schedule"] == schedule


def test_a_german_boards_employment_kind_in_a_tab_row() -> None:
    lines = clean_lines("Host Nation Support Officer\n\nAnstellungsart\tVollzeit\nArbeitsort\tUlm\n")
    assert extract_facts(lines).values["schedule"] == "Full-time"


@pytest.mark.parametrize("value, level", [("NS", "NATO SECRET"), ("NC", "NATO CONFIDENTIAL"), ("CTS", "COSMIC TOP SECRET"),
                                          ("NSPA only", None)])
def test_a_clearance_field_with_the_levels_short_form(value: str, level: str | None) -> None:
    lines = ["Environmental Protection Officer", "", f"Security Clearance Required: {value}", "Grade: G15"]
    assert extract_facts(lines).values.get("clearance") == level


def test_a_portals_similar_offers_are_its_tail() -> None:
    lines = clean_lines("Senior Scientist\n\nThe basic monthly salary for grade G18 in Italy is EUR 9,045.60.\n\n"
                        "Similar offers\nPostdoctoral Researcher\nCNR-ISMAR\nItaly\nSalary: 1,850 EUR/month\n")
    assert lines[-1].startswith("The basic monthly salary")
    assert extract_facts(lines).values["salary"] == 9045.6


_ENGLISH_POSTING = ["JOINT SUPPORT AND ENABLING COMMAND (JSEC)", "Vacancy Notice: 27-JSEC-004",
                    "Post Title: Host Nation Support Officer", "NATO Grade: G16", "", "Background", "",
                    "The Joint Support and Enabling Command is one of the headquarters of the NATO Command Structure and "
                    "it is responsible for the rear area of the Alliance and for the movement of forces to the east. "
                    "The post holder advises the Chief of the Division on all matters of host nation support and of "
                    "the coordination of the nations' support to the movement of forces through the rear area of the "
                    "Alliance, and drafts the arrangements of the headquarters with the host nations."]


def test_a_boards_box_above_its_own_heading_of_an_english_posting_is_left_out() -> None:
    from natosite.importer.sections import build_body

    board = ["Startseite › Jobs › Logistik › Ulm › Host Nation Support Officer", "Erschienen am 01.12.2026",
             "Arbeitgeber: JSEC", "Gehalt (geschätzt): 5.500 € – 6.800 € brutto/Monat", "Stellenbeschreibung"]
    lines = board + _ENGLISH_POSTING
    facts = extract_facts(lines)
    body = build_body(lines, facts.consumed)
    assert "Erschienen" not in body and "Stellenbeschreibung" not in body and "geschätzt" not in body
    assert "Vacancy Notice: 27-JSEC-004" in body and "host nation support" in body
    assert facts.values["organisation"] == "Joint Support and Enabling Command (JSEC)"


def test_a_postings_own_heading_in_its_own_language_keeps_what_is_above_it() -> None:
    from natosite.importer.sections import build_body

    lines = ["Officier de soutien", "Référence : 27-JSEC-004", "Lieu : Ulm, Allemagne", "Description du poste",
             "Le titulaire du poste conseille le chef de la division sur les questions de soutien du pays hôte, "
             "coordonne les contributions des pays et rédige les arrangements du quartier général avec eux."]
    assert "Référence : 27-JSEC-004" in build_body(lines, extract_facts(lines).consumed)


def test_a_notice_header_naming_what_it_is_before_the_body() -> None:
    lines = ["Database Administrator", "", "NATO CIVILIAN VACANCY – COMBINED AIR OPERATIONS CENTRE TORREJÓN (CAOC TJ)",
             "Post: Database Administrator", "Grade: NATO G13", "",
             "The Combined Air Operations Centre Torrejón (CAOC TJ) is responsible for air policing."]
    assert extract_facts(lines).values["organisation"] == "Combined Air Operations Centre Torrejón (CAOC TJ)"


def test_a_closing_date_field_that_is_a_sentence_is_no_warning_when_a_phrase_gives_the_deadline() -> None:
    lines = ["Budget Analyst", "", "Closing date: see the application instructions below", "",
             "Applications must be received by 23:59 CET on 15 February 2027."]
    facts = extract_facts(lines)
    assert facts.values["deadline"] == dt.datetime(2027, 2, 15, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))
    assert not any("not a date" in warning for warning in facts.warnings)


def test_a_closing_date_field_that_is_no_date_is_warned_of_when_nothing_gives_the_deadline() -> None:
    facts = extract_facts(["Budget Analyst", "", "Closing date: see the application instructions below"])
    assert facts.values["deadline"] is None
    assert any("is not a date I can read" in warning for warning in facts.warnings)


@pytest.mark.parametrize("sentence, grade, salary", [
    ("The basic monthly salary for this G15 post is $7,018.41 (USD), tax-free.", "G15", 7018.41),
    ("The basic monthly salary for this G13 post is $5,912.06 (USD), tax-free.", "G15", None),
    ("The basic monthly salary (tax-free) for a G15 step 1 is EUR 6,104.52, plus allowances.", "G15", 6104.52),
    ("The contract may be renewed. Starting basic monthly salary: EUR 6,518.74 (tax-free).", "G14/G15", 6518.74),
])
def test_a_salary_sentence_naming_the_grade_or_starting_with_the_label(sentence: str, grade: str, salary: float | None) -> None:
    lines = ["Knowledge Management Officer", "", f"Grade: {grade}", "", "Salary and benefits", sentence]
    assert extract_facts(lines).values["salary"] == salary


def test_a_sentence_wrapped_between_the_and_post_gives_the_schedule() -> None:
    lines = ["Logistics Engineer", "", "Contract", "The contract is of definite duration. The",
             "post is full-time (40 hours per week). Staff are entitled to 30 days of leave."]
    assert extract_facts(lines).values["schedule"] == "Full-time"


def test_a_notice_reference_with_the_bodys_letters_and_slashes() -> None:
    lines = ["Human Resources Officer", "", "NATO HELICOPTER MANAGEMENT AGENCY (NAHEMA)", "",
             "VACANCY NOTICE Ref.: NAHEMA/HR/2027/03", "", "Post: Human Resources Officer", "Grade: G15"]
    assert extract_facts(lines).values["reference"] == "NAHEMA/HR/2027/03"


def test_a_boards_advert_number_and_company_line_lose_to_the_notices_own() -> None:
    lines = ["IT Network Administrator", "", "NATO Defense College – Roma (RM)", "", "Rif. annuncio: CL-884217",
             "Orario: Tempo pieno", "", "NATO DEFENSE COLLEGE (NDC)", "Via Giorgio Pelosi 1, 00143 Rome, Italy", "",
             "VACANCY NOTICE: NDC 27-05", "", "Title: IT Network Administrator", "Grade: G12", "Location: Rome, Italy"]
    facts = extract_facts(lines).values
    assert (facts["reference"], facts["organisation"]) == ("NDC 27-05", "NATO Defense College (NDC)")


def test_a_chinese_boards_menu_is_no_organisation() -> None:
    lines = ["拉勾招聘", "首页", "职位", "公司", "校园", "登录", "Quality Assurance Officer (Ammunition)", "",
             "NATO SUPPORT AND PROCUREMENT AGENCY (NSPA)", "", "Vacancy Reference: 26140", "Grade: G14/G15"]
    assert extract_facts(lines).values["organisation"] == "NATO Support and Procurement Agency (NSPA)"


def test_a_slack_message_with_emoji_shortcodes_and_bold_parts() -> None:
    lines = clean_lines("#career-moves\nThursday, December 3rd\nMaya Okafor  [9:14 AM]\n"
                        "Sharing this one from a friend at DIANA — they're hiring for their London HQ :point_down:\n"
                        "Maya Okafor  [9:16 AM]\n"
                        "*Innovation Partnerships Officer* — *Defence Innovation Accelerator for the North Atlantic (DIANA)*\n"
                        ":round_pushpin: London, United Kingdom\n:label: Reference: DIANA-2027-009\n"
                        ":moneybag: Basic salary: GBP 8,143.27 per month, tax-free\n\n*About DIANA*\n"
                        "DIANA is NATO's Defence Innovation Accelerator.\n(edited)\n:eyes: 6  :rocket: 3\n"
                        "8 replies  Last reply 2 days ago\n")
    assert "#career-moves" not in lines and "(edited)" not in lines and "Maya Okafor [9:16 AM]" not in lines
    assert not any(line.startswith(":") or "rocket" in line for line in lines)
    facts = extract_facts(lines).values
    assert (facts["title"], facts["reference"], facts["location"]) == (
        "Innovation Partnerships Officer", "DIANA-2027-009", "London, United Kingdom")
    assert (facts["salary"], facts["currency"]) == (8143.27, "GBP")


def test_a_title_before_its_employer_after_an_em_dash_but_not_an_employer_before_a_title() -> None:
    assert extract_facts(["Engineer (Cloud) — NATO Communications and Information Agency (NCIA)", "",
                          "We are looking for an engineer."]).values["title"] == "Engineer (Cloud)"
    assert extract_facts(["NSPA — Supply Chain Analyst (G13)", "",
                          "Analyse des flux logistiques pour les programmes."]).values["title"] is None


def test_a_nice_to_have_list_is_desirable() -> None:
    lines = ["Partnerships Officer", "", "What we're looking for", "- English: SLP 3333", "", "Nice to have",
             "- French: SLP 2222", "", "Contract", "Definite duration contract of three years."]
    assert extract_facts(lines).values["languages"] == {"English": "3333"}


def test_an_alert_whose_entries_are_numbered_among_them_gives_the_detailed_ones_facts() -> None:
    teaser = ["Reference: 270298 | NATO Grade G17 | Norfolk, Virginia, United States",
              "Closing date: 11:59 PM Eastern Time, March 5, 2027", "Basic monthly salary: USD 8,642.90"]
    full = ["Engineer (Data Science)", "", "Reference: 270317", "NATO Grade: G16",
            "Closing date: 11:59 PM Eastern Time, March 19, 2027", "", "PRINCIPAL DUTIES",
            *[f"- duty number {n} of the post, described at some length;" for n in range(20)], "", "SALARY",
            "Basic monthly salary: USD 7,915.17 (NATO Grade G16), tax free."]
    lines = ["Dear Candidate,", "", "The following 3 vacancies match your alert.", "", "VACANCY 1 of 3",
             "Staff Officer (Wargaming Design)", *teaser, "VACANCY 2 of 3 – MATCHES YOUR PROFILE", *full, "",
             "VACANCY 3 of 3", "Assistant (Budget Execution)", "Reference: 270322 | NATO Grade G10",
             "Closing date: 11:59 PM Eastern Time, April 2, 2027"]
    facts = extract_facts(lines).values
    assert (facts["title"], facts["reference"], facts["salary"]) == ("Engineer (Data Science)", "270317", 7915.17)
    assert facts["deadline"] == dt.datetime(2027, 3, 19, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/New_York"))


@pytest.mark.parametrize("sentence", [
    "The basic monthly salary for NATO Grade G14 (Germany scale) is 5,826.18 EUR, tax-free.",
    "The basic monthly salary for Grade G14 is 5,826.18 EUR.",
])
def test_a_salary_sentence_for_a_grade_without_an_article_or_with_its_scale(sentence: str) -> None:
    lines = ["Software Support Engineer", "", "Grade: G14", "", "Conditions of employment",
             f"The post is based in Geilenkirchen. {sentence}"]
    assert extract_facts(lines).values["salary"] == 5826.18


@pytest.mark.parametrize("line, zone", [
    ("Applications must be submitted by 23:59 hrs local time (Bydgoszcz) on 10 March 2027.", "Europe/Warsaw"),
    ("Closing date: 10 March 2027 (23:59 hrs local time Geilenkirchen)", "Europe/Berlin"),
])
def test_a_deadline_in_local_time_of_a_named_place(line: str, zone: str) -> None:
    facts = extract_facts(["Facilities Officer", "", line]).values
    assert (facts["deadline"], facts["timezone"]) == (dt.datetime(2027, 3, 10, 23, 59, tzinfo=zoneinfo.ZoneInfo(zone)), zone)


def test_a_closing_date_fields_time_and_date_on_lines_of_their_own() -> None:
    lines = ["Research Assistant", "", "Closing date", "", "23:59 hrs Rome time,", "", "29 January 2027", "",
             "Publication date", "", "7 December 2026"]
    facts = extract_facts(lines).values
    assert facts["deadline"] == dt.datetime(2027, 1, 29, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Rome"))


def test_a_deadline_sentence_wrapped_after_its_time_but_not_a_heading_above_a_date_range() -> None:
    wrapped = ["Analyst", "", "Applications must be received no later than 11:59 PM Eastern Time on",
               "1 February 2027. Late applications will not be accepted."]
    assert extract_facts(wrapped).values["deadline"] == dt.datetime(
        2027, 2, 1, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    heading = ["Analyst", "", "Open & closing dates", "02/01/2027 to 03/19/2027", "",
               "Deadline: applications must be submitted by 11:59 PM Eastern Time on March 19, 2027."]
    assert extract_facts(heading).values["deadline"] == dt.datetime(
        2027, 3, 19, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/New_York"))


def test_a_taleo_title_line_below_a_long_bilingual_menu_gives_the_reference() -> None:
    menu = [f"Menu item {n} عنصر" for n in range(34)]
    lines = [*menu, "Job Description الوصف الوظيفي", "Senior Budget Analyst-270112", "Primary Location",
             "Belgium-Brussels", "", "The Office of Resources manages the budgets."]
    assert extract_facts(lines).values["reference"] == "270112"


def test_a_notice_heading_with_its_number_after_a_dash() -> None:
    lines = ["Maritime Analyst", "", "ALLIED MARITIME COMMAND (MARCOM), NORTHWOOD", "CIVILIAN VACANCY – MC-27-04", "",
             "Post: Maritime Analyst", "Grade: NATO G14"]
    assert extract_facts(lines).values["reference"] == "MC-27-04"
    assert extract_facts(["Analyst", "", "Vacancy – Budget Analyst 2027", "Grade: G14"]).values["reference"] is None


def test_a_boards_advertiser_field_naming_no_body_loses_to_the_header() -> None:
    lines = ["Instructional Systems Designer", "NATO School Oberammergau (NSO)", "Oberammergau, Německo", "",
             "Zadavatel: Zahraniční zaměstnavatel", "", "The NATO School Oberammergau (NSO) trains staff."]
    assert extract_facts(lines).values["organisation"] == "NATO School Oberammergau (NSO)"


def test_annual_leave_after_a_monthly_salary_is_no_yearly_figure() -> None:
    assert parse_salary("£5,612.33 (tax-free), plus allowances. NATO employees also benefit from 30 days' annual leave.")[0] == 5612.33
    assert parse_salary("EUR 72,000 per year")[0] == 6000.0


def test_a_dutch_boards_hours_field_gives_the_schedule() -> None:
    lines = ["Staff Officer Medical Plans", "", "Dienstverband: Tijdelijk contract", "Uren: 40 uur per week · Fulltime"]
    assert extract_facts(lines).values["schedule"] == "Full-time"


@pytest.mark.parametrize("field, sentence, zone", [
    ("Date limite de candidature : 15 mars 2027",
     "Applications must be submitted before 23:59 hrs (Paris time) on the closing date shown in this advert.", "Europe/Paris"),
    ("Bewerbungsfrist: 15.03.2027",
     "Applications received after 23:59 hrs CET on the closing date will not be considered.", "Europe/Brussels"),
])
def test_a_sentence_giving_the_time_of_the_closing_date_a_field_states(field: str, sentence: str, zone: str) -> None:
    facts = extract_facts(["Senior Logistics Engineer", "", field, "", sentence]).values
    assert (facts["deadline"], facts["timezone"]) == (dt.datetime(2027, 3, 15, 23, 59, tzinfo=zoneinfo.ZoneInfo(zone)), zone)


def test_a_title_wrapped_inside_its_bracket() -> None:
    lines = ["CIVILIAN VACANCY NOTICE", "", "Staff Officer (Transatlantic Reinforcement and", "Sustainment Planning)", "",
             "Reference: JFCNF-2027-011", "Grade: G16"]
    assert extract_facts(lines).values["title"] == "Staff Officer (Transatlantic Reinforcement and Sustainment Planning)"


def test_a_definite_duration_contract_wrapped_between_its_words() -> None:
    text = ("a. Contract. The successful candidate will be offered a definite\nduration contract of three years, which may "
            "be renewed. Serving\nNATO staff members currently holding indefinite duration\ncontracts will be offered a "
            "contract in accordance with the regulations.")
    assert prose.find_contract(text) == ("definite duration", 3)


def test_a_lettered_clearance_heading_and_its_level_as_a_sentence_below() -> None:
    lines = ["Analyst", "", "d. Security Clearance.", "NATO SECRET. The incumbent must hold or be able to obtain the",
             "clearance before taking up the post."]
    assert extract_facts(lines).values["clearance"] == "NATO SECRET"


def test_notes_with_a_field_above_a_rule_that_says_the_posting_was_pasted_below() -> None:
    lines = ["CMRE La Spezia - Sea Trials Engineer - MY NOTES", "why: research vessels", "money: ~6.9k/month tax free",
             "", "----- pasted from cmre.nato.int below -----", "", "Careers at CMRE", "Sea Trials Engineer",
             "Reference: CMRE-27-04", "Grade: G16", "Salary: EUR 6,894.27 basic per month"]
    facts = extract_facts(lines).values
    assert (facts["title"], facts["salary"]) == ("Sea Trials Engineer", 6894.27)


def test_a_discord_channels_topic_and_author_lines_above_the_posting() -> None:
    lines = clean_lines("NATO Careers Hub\nJobs in NCIA, NSPA, ACT and friends. One link per post please.\n"
                        "Tomasz_K — 03/02/2027 21:14\nhttps://nato.taleo.net/careersection/2/jobdetail.ftl?job=270193\n"
                        "Post-Quantum Cryptography Scientist\nNCIA is looking for a scientist in The Hague.\n")
    assert "Tomasz_K — 03/02/2027 21:14" not in lines
    assert extract_facts(lines).values["title"] == "Post-Quantum Cryptography Scientist"


def test_a_closing_date_field_written_as_a_sentence_wins_over_another_jobs_deadline() -> None:
    lines = ["Maritime Sustainment Planner", "", "Employer", "Saved jobs", "",
             "Closing date: Applications must be submitted by 11:59 PM Eastern Time on March 18, 2027.", "", "More jobs",
             "Logistics Officer", "Deadline: Apr 2, 2027"]
    facts = extract_facts(lines).values
    assert facts["deadline"] == dt.datetime(2027, 3, 18, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    assert facts["organisation"] != "Saved jobs"


def test_the_place_beside_a_title_just_below_the_first_lines() -> None:
    lines = [*[f"Filter {n}" for n in range(14)], "Maritime Sustainment Planner", "Joint Force Command Norfolk",
             "Norfolk, VA", "via LinkedIn", "", "We plan the maritime sustainment of the Alliance's forces."]
    assert extract_facts(lines).values["location"] == "Norfolk, Virginia, United States"


def test_the_title_right_above_the_postings_fields_below_a_recruiters_mail() -> None:
    lines = ["Following our call last Thursday, please find below the vacancy notice I mentioned.", "",
             "To give you the best chance, please send me your CV by Friday 5 February 2027.", "", "Kind regards,",
             "Anna Verbeek", "", "NSPA NATO Support and Procurement Agency", "", "Senior Engineer (Fuel Systems)", "",
             "Vacancy reference: V/27/014", "Location: Capellen, Luxembourg", "Grade: G17"]
    assert extract_facts(lines).values["title"] == "Senior Engineer (Fuel Systems)"


def test_a_bullet_of_another_shape_before_a_label() -> None:
    lines = clean_lines("Senior Assistant\n\n● Salary: basic monthly salary EUR 4,611.72, tax-free\n● Working hours: Full-time.")
    assert extract_facts(lines).values["salary"] == 4611.72


def test_a_bodys_name_is_not_prefixed_by_the_word_ending_the_line_above() -> None:
    text = "chiedere a Luca per il modulo NATO\n\nNATO Rapid Deployable Corps Italy (NRDC-ITA)\n\nVacancy notice: 27-02"
    assert prose.written_organisation(prose.find_organisation(text), text) == "NATO Rapid Deployable Corps Italy (NRDC-ITA)"


def test_a_contract_of_years_then_its_kind_in_brackets() -> None:
    assert prose.find_contract("Contract: the initial contract will be for a period of 3 years (definite duration). "
                               "Serving NATO civilians will be offered a contract under the regulations.") == ("definite duration", 3)


def test_a_boards_navo_after_the_bodys_name_is_no_short_form() -> None:
    lines = ["Analyst (Operational Assessment)", "Allied Joint Force Command Brunssum (NAVO) · Brunssum", "",
             "Allied Joint Force Command Brunssum (JFC Brunssum) is one of NATO's two operational commands."]
    assert extract_facts(lines).values["organisation"] == "Allied Joint Force Command Brunssum (JFC Brunssum)"


def test_the_languages_of_natos_other_nations() -> None:
    text = "e. Languages\nEnglish: SLP 3222\nGreek: SLP 3333 – essential, as the post requires daily contact."
    assert prose.find_languages(text) == {"English": "3222", "Greek": "3333"}


def test_a_lettered_items_label() -> None:
    lines = ["Senior Technician", "", "b. Salary: Basic monthly salary (net of tax): EUR 4,286.35, plus allowances."]
    assert extract_facts(lines).values["salary"] == 4286.35


def test_a_desirable_heading_after_a_dash() -> None:
    lines = ["Service Integration Manager", "", "QUALIFICATIONS – ESSENTIAL", "- English: SLP 3333", "",
             "QUALIFICATIONS – DESIRABLE", "- French: SLP 2222"]
    assert extract_facts(lines).values["languages"] == {"English": "3333"}


def test_a_vacancy_notice_number_of_letters_and_figures() -> None:
    lines = ["Host Nation Support Assistant", "", "NATO Naval Striking and Support Forces (STRIKFORNATO) – Vacancy Notice SFN-0527"]
    assert extract_facts(lines).values["reference"] == "SFN-0527"


def test_a_schedule_field_giving_the_contract_too() -> None:
    assert normalise_schedule("Teljes munkaidő, határozott idejű") == "Full-time"
    assert normalise_schedule("Full-time, Part-time") == "Full-time, Part-time"


def test_years_of_experience_whose_apostrophe_a_save_lost() -> None:
    assert prose.find_experience("At least 3 years? experience in network security.") == 3


def test_a_posting_pasted_below_a_rule_keeps_its_numbered_sections_after_rules() -> None:
    lines = ["Ciao Giulia,", "ti giro questo annuncio.", "", "*" * 70, "Senior Technician (Air C2 Systems)",
             "Grade: G11", "*" * 70, "", "1. GENERAL BACKGROUND", "The centre runs air C2 systems.", "",
             "b. Salary: Basic monthly salary: EUR 4,286.35"]
    assert extract_facts(lines).values["salary"] == 4286.35


def test_a_boards_yearly_pay_loses_to_the_monthly_salary_a_field_states() -> None:
    lines = ["Logistics Data Analyst", "", "Pay", "£56,779 a year", "", "Grade: G13",
             "Salary: The basic monthly salary for a NATO G13 post in the United Kingdom is £4,731.62, tax-free."]
    assert extract_facts(lines).values["salary"] == 4731.62
    assert parse_salary("£56,779 a year")[0] == round(56779 / 12, 2)


def test_a_directorate_or_branch_label() -> None:
    lines = ["Terminology Officer", "", "Directorate/Branch\tJoint Standardization Branch (JSB)", "Grade\tG15"]
    assert extract_facts(clean_lines("\n".join(lines))).values["division"] == "Joint Standardization Branch (JSB)"


def test_a_salary_sentence_with_the_currency_after_a_spaced_figure() -> None:
    assert prose.find_salary_sentence("The basic monthly salary is 11 842,60 PLN, exempt from Polish income tax.") == (
        "11 842,60 PLN")


def test_the_bodys_whole_name_with_another_short_form_is_as_written() -> None:
    text = "Job description\n\nNATO Airborne Early Warning & Control Force (NAEW&C Force)\nE-3A Component"
    assert prose.written_organisation(prose.find_organisation(text), text) == (
        "NATO Airborne Early Warning & Control Force (NAEW&C Force)")


def test_a_monthly_figure_and_how_often_it_is_paid_a_year() -> None:
    assert parse_salary("EUR 3.411,25 per month (12 payments/year)")[:3] == (3411.25, "EUR", False)
    assert parse_salary("EUR 72,000 per year, paid monthly")[0] == 6000.0


def test_a_boards_salary_estimate_is_no_fallback_and_a_salary_field_naming_the_currency_gives_it() -> None:
    lines = ["Senior Data Engineer", "", "- Salaire : 5 500 € - 7 000 € / mois (estimation Meteojob)", "",
             "Remuneration: NATO basic salary at grade G15 on appointment, paid monthly in euros (EUR) and tax-free"]
    facts = extract_facts(lines).values
    assert (facts["salary"], facts["currency"]) == (None, "EUR")


def test_a_section_after_a_desirable_list_and_a_blank_line_is_no_part_of_it() -> None:
    lines = ["Instructor", "", "Desirable", "- Experience as an instructor.", "- French SLP 2222.", "",
             "Languages English SLP 3333 and German SLP 2222 (both essential; Listening, Speaking, Reading, Writing)."]
    assert extract_facts(lines).values["languages"] == {"English": "3333", "German": "2222"}


def test_a_headline_with_the_bodys_short_form_first() -> None:
    lines = [*[f"Menu {n}" for n in range(18)], "NCIA Vacancy 271045 — Team Lead, Service Desk Operations",
             "Location: Mons, Belgium", "Grade: NATO Grade G14/G15"]
    facts = extract_facts(lines).values
    assert (facts["title"], facts["reference"]) == ("Team Lead, Service Desk Operations", "271045")


def test_a_boards_salary_field_to_be_set_does_not_hide_the_postings_sentence() -> None:
    lines = ["Supply Officer", "", "Retribuzione: da definire", "", "Grade: G14",
             "The basic monthly salary is EUR 5,402.88, exempt from national income tax."]
    assert extract_facts(lines).values["salary"] == 5402.88


def test_a_chinese_boards_menu_item_under_company_loses_to_the_body_below_the_title() -> None:
    lines = ["BOSS直聘", "首页", "职位", "公司", "APP", "有了", "海外", *["菜单"] * 6,
             "Challenge Programme Manager", "40-60K·14薪", "伦敦 5-10年 硕士", "立即沟通", "感兴趣", "举报", "", "职位详情", "",
             "", "Defence Innovation Accelerator for the North Atlantic (DIANA)", "", "DIANA works with start-ups."]
    assert extract_facts(lines).values["organisation"] == "Defence Innovation Accelerator for the North Atlantic (DIANA)"


def test_a_note_saying_the_posting_below_was_copied() -> None:
    lines = ["NATO job hunt 2027 – notes (Jordan)", "Last cleaned up Jan 24", "", "Money",
             "ACT G17 ≈ $10.2k/month tax free", "", "POSTING (copied from the ACT careers page on Jan 22)", "",
             "Data Governance Specialist", "Headquarters Supreme Allied Commander Transformation (HQ SACT)",
             "Vacancy Number: 270118", "NATO Grade: G17"]
    facts = extract_facts(lines).values
    assert (facts["title"], facts["organisation"]) == (
        "Data Governance Specialist", "Headquarters Supreme Allied Commander Transformation (HQ SACT)")


def test_a_grade_tables_currency_in_its_head() -> None:
    lines = ["Engineer", "", "Grade: G16", "", "The post is graded G16. The basic monthly salaries of the grades are:",
             "Grade: Basic monthly salary (EUR)", "G15 6,794.16", "G16 7,425.90", "G17 8,012.33"]
    facts = extract_facts(lines).values
    assert (facts["salary"], facts["currency"]) == (7425.9, "EUR")


def test_a_vacancy_label_holding_the_number_is_no_title() -> None:
    lines = ["Vacancy: ACT-2027-009", "Post: Digital Transformation Systems Engineer", "Grade: G18"]
    assert extract_facts(lines).values["title"] == "Digital Transformation Systems Engineer"


def test_the_place_in_the_detailed_jobs_header_between_the_alerts_heading_and_its_title() -> None:
    lines = ["Hi Maria,", "", "We found 4 new jobs.", "", "TOP MATCH", "Digital Transformation Systems Engineer",
             "Headquarters Supreme Allied Commander Transformation - Norfolk, VA", "", "Full job description:", "",
             "Headquarters Supreme Allied Commander Transformation (HQ SACT)", "Norfolk, Virginia, United States", "",
             "Vacancy: ACT-2027-009", "Post: Digital Transformation Systems Engineer", "Grade: G18"]
    assert extract_facts(lines).values["location"] == "Norfolk, Virginia, United States"


def test_a_sidebars_list_of_other_jobs_gives_no_reference() -> None:
    lines = ["Jobs you may be interested in", "", "- Assistant (Archives and Records Management)-270097",
             "NATO International Military Staff (IMS) · G8", "", "Staff Officer (Intelligence Warning)-270118", "",
             "Primary Location: Belgium-Brussels"]
    assert extract_facts(lines).values["reference"] == "270118"


def test_a_title_and_its_bracket_on_the_next_line_but_not_a_post_count() -> None:
    lines = ["CIVILIAN VACANCY NOTICE", "Senior Technician", "(Maritime Communications Systems)",
             "Organisation: Allied Maritime Command (MARCOM)", "NATO Grade: G11"]
    assert extract_facts(lines).values["title"] == "Senior Technician (Maritime Communications Systems)"
    lines = ["CIVILIAN VACANCY NOTICE", "Operational Analyst", "(2 posts)", "Organisation: HQ SACT", "NATO Grade: G15"]
    assert extract_facts(lines).values["title"] == "Operational Analyst"


def test_a_vacancy_notice_heading_with_its_number_after_a_dash() -> None:
    lines = ["Public Affairs Assistant", "", "CIVILIAN VACANCY NOTICE – JFTC-CIV-2027-03", "", "Grade: G9"]
    assert extract_facts(lines).values["reference"] == "JFTC-CIV-2027-03"


def test_a_salary_for_the_grade_in_a_country_before_a_colon() -> None:
    lines = ["Senior Assistant", "", "Grade: G12", "", "Conditions",
             "Basic monthly salary for G12 in Portugal: EUR 3,918.64, tax-free."]
    assert extract_facts(lines).values["salary"] == 3918.64


def test_a_tables_head_of_labels_is_no_field() -> None:
    lines = clean_lines("CURRENT VACANCIES\nTitle\tGrade\tLocation\tClosing Date\n"
                        "Engineer (Cloud Platform)\tG16\tNorfolk, VA\t05 March 2027\n"
                        "Analyst (Futures and Foresight)\tG15\tBrussels, BE\t12 March 2027\n\nStaff Officer\n"
                        "Post Title: Staff Officer (Digital Workforce Development)\n")
    assert extract_facts(lines).values["title"] == "Staff Officer (Digital Workforce Development)"


def test_levels_skill_by_skill_parted_by_slashes() -> None:
    text = "Language – ENGLISH: Listening 3 / Speaking 3 / Reading 3 / Writing 2 (STANAG 6001)."
    assert prose.find_languages(text) == {"English": "3332"}


def test_a_post_count_that_is_another_fields_value_is_no_count() -> None:
    assert extract_facts(["Analyst", "", "Number of posts: 270217", "Grade: G18"]).values["posts"] == 1
    assert extract_facts(["Analyst", "", "Number of posts: 12", "Grade: G18"]).values["posts"] == 12


@pytest.mark.parametrize("sentence, grade, salary", [
    ("The basic monthly salary (NATO Grade G11, step 1) is EUR 4,862.37, tax-free.", "G11", 4862.37),
    ("The basic monthly salary (NATO Grade G13, step 1) is EUR 4,862.37, tax-free.", "G11", None),
    ("The basic monthly salary (12 times a year) is EUR 5,987.20.", "G14", 5987.2),
    ("The basic monthly salary for a full-time G10 post at NAPMA is EUR 4,812.36.", "G10", 4812.36),
    ("The basic monthly salary for this post (NATO grade G16, step 1, United States scale) is USD 8,412.50.", "G16", 8412.5),
])
def test_a_salary_sentence_saying_what_the_salary_is_of(sentence: str, grade: str, salary: float | None) -> None:
    lines = ["Engineer", "", f"Grade: {grade}", "", "Conditions of employment", f"The post is in Europe. {sentence}"]
    assert extract_facts(lines).values["salary"] == salary


def test_a_boards_estimate_between_two_figures_loses_to_the_postings_salary() -> None:
    lines = ["Programme Officer", "", "Salaire : entre 6 500 € et 9 000 € brut / mois (estimation Moovijob)", "",
             "Grade: G17", "The basic monthly salary for this post is EUR 8,341.52, tax-free."]
    assert extract_facts(lines).values["salary"] == 8341.52


def test_a_bodys_name_with_a_dash_in_it() -> None:
    lines = ["Legal Assistant", "", "NATO Rapid Deployable Corps – Italy (NRDC-ITA)", "Solbiate Olona, Italy"]
    assert extract_facts(lines).values["organisation"] == "NATO Rapid Deployable Corps – Italy (NRDC-ITA)"


def test_a_long_salary_label_with_a_remark_before_a_long_value() -> None:
    line = ("Basic monthly salary (G15, step 1, German scale): EUR 7,012.44, free of German income tax, plus allowances "
            "where eligible. The School also offers a generous leave scheme and a pension, and staff may take part in "
            "the health insurance scheme for international staff.")
    lines = ["Instructor", "", "Grade: G15", "", "Salary", line, "", "Other job", "Basic monthly salary: EUR 2,998.31 (G8)"]
    assert extract_facts(lines).values["salary"] == 7012.44


def test_a_grades_row_whose_cells_a_pdf_gave_one_a_line_in_the_duty_stations_column() -> None:
    text = ("Grade: G18\nLocation: Mons, Belgium\n\n9. SALARY\nThe indicative salaries are shown below.\nGrade\n"
            "Belgium (EUR)\nThe Netherlands (EUR)\nG17\n8,602.73\n8,745.12\nG18\n9,217.44\n9,371.05\nG19\n9,851.30\n"
            "10,015.88\n")
    assert (facts(text).values["salary"], facts(text).values["currency"]) == (9217.44, "EUR")
    assert facts(text.replace("Mons, Belgium", "Brunssum, Netherlands")).values["salary"] == 9371.05


def test_a_salary_label_over_a_column_of_grades_salaries_is_no_field() -> None:
    text = ("Grade: G16\n\nThe basic monthly salary for this post is NOK 71,305.42.\n\nGrade\nG13\nG14\n"
            "Basic salary\n52,611.08\n59,113.80\n")
    assert facts(text).values["salary"] == 71305.42


def test_a_deadline_sentence_with_a_link_in_brackets_gives_a_fields_date_its_time() -> None:
    text = ("Closing date: 21 January 2027\n\nApplications must be submitted through the Platform\n"
            "(https://nato.taleo.net) by 23:59 hrs (Norwegian time) on 21 January 2027. Late ones are not\n")
    assert facts(text).values["deadline"] == dt.datetime(2027, 1, 21, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Oslo"))


@pytest.mark.parametrize("head", ["VACANCY NOTICE NAPMA-FIN-2701", "CIVILIAN VACANCY NOTICE MC-VN-2714"])
def test_a_notices_heading_and_a_number_of_two_letter_groups(head: str) -> None:
    assert facts(f"{head}\nFinancial Analyst\n\nThe Agency manages the programme.\n").values["reference"] == head.split()[-1]


def test_a_notices_heading_below_a_long_panel_of_other_jobs() -> None:
    panel = "".join(f"Other job {n}\nMadrid\n\n" for n in range(22))
    text = f"{panel}CIVILIAN VACANCY NOTICE CAOCTJ-2027-02\nAir Operations Data Analyst\n\nThe CAOC is ...\n"
    assert facts(text).values["reference"] == "CAOCTJ-2027-02"


def test_a_careers_sites_job_opening_with_its_grade_after_the_title_and_a_posting_period() -> None:
    text = ("Job Opening\nResearch Advisor (Middle East and North Africa), G16\n"
            "Posting Title: RESEARCH ADVISOR (MIDDLE EAST AND NORTH AFRICA), G16\nDuty Station: ROME\n"
            "Posting Period: 11 January 2027 - 01 March 2027\nJob Opening Number: 27-NDC-RD-104512\n\nSpecial Notice\n"
            "The deadline for applications is 23:59 Rome time (CET) on the last day of the posting period.\n\n"
            "Other job openings at this duty station\nSenior Assistant (Library), G10 - Deadline: 15 Feb 2027\n")
    values = facts(text).values
    assert (values["title"], values["grade"], values["reference"]) == (
        "Research Advisor (Middle East and North Africa)", "G16", "27-NDC-RD-104512")
    assert values["deadline"] == dt.datetime(2027, 3, 1, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Rome"))


def test_a_notes_posting_pasted_below_a_dashed_line_saying_so() -> None:
    text = ("JWC Stavanger – CIS exercise planner\n12 January 2027 at 21:14\n\nTODO\nUpdate CV\n\n"
            "— pasted from jwc.nato.int —\n\nJOINT WARFARE CENTRE (JWC)\nStavanger, Norway\nCIS Exercise Planner\n"
            "Deadline: 2027-01-31 23:59\n")
    assert facts(text).values["title"] == "CIS Exercise Planner"


def test_a_countrys_region_then_its_city() -> None:
    assert normalise_location("Netherlands - Limburg (NL) - Brunssum") == "Brunssum, Netherlands"


def test_a_language_grids_cells_one_a_line_with_whether_each_is_needed() -> None:
    grid = "Language\nListening\nSpeaking\nReading\nWriting\nEnglish (essential)\n3\n3\n2\n2\nTurkish (desirable)\n2\n2\n2\n1\n"
    assert prose.find_languages(grid) == {"English": "3322"}


def test_a_boards_badge_of_the_schedule_over_its_hours_field() -> None:
    text = ("Data Engineer (Joint ISR Data Services)\nNATO Communications and Information Agency\n\nDen Haag\n"
            "Vast contract\nFulltime\n\nUren per week: 40\n\nThe Agency ...\n")
    assert facts(text).values["schedule"] == "Full-time"


@pytest.mark.parametrize("item", ["- Full-time post.", "• · Full-time post"])
def test_a_list_item_saying_the_schedule(item: str) -> None:
    assert prose.find_schedule(f"Conditions\n{item}\n- Definite duration contract.\n") == "Full-time"


def test_a_desirable_heading_with_a_bracket_leaves_its_language_out() -> None:
    text = ("Data Engineer\n\nWhat we ask (essential)\n- English: SLP 3333\n\nNice to have (desirable)\n"
            "- French: SLP 2222\n- Cloud certification\n\nDiversity\nNCIA values diversity.\n")
    assert facts(text).values["languages"] == {"English": "3333"}


def test_a_title_and_its_post_count_wrapped_in_a_quote() -> None:
    text = "Senior Assistant (Travel and Conference Services) (2\nposts)\nGrade: G8\nLocation: Brunssum, Netherlands\n"
    assert facts(text).values["title"] == "Senior Assistant (Travel and Conference Services)"


def test_a_bodys_name_taken_from_a_sentence_loses_its_the() -> None:
    text = ("Senior Data Engineer\n\nReference\nDAS-27-0042\n\nThe NATO Communications and Information Agency (NCIA)\n"
            "delivers secure, coherent, cost-effective and inter-\noperable communications and information systems.\n")
    assert facts(text).values["organisation"] == "NATO Communications and Information Agency (NCIA)"


def test_a_reference_fields_number_alone_over_the_same_field_run_into_text() -> None:
    text = ("Logistics Information Manager\nVacancy Reference: JSEC-CIV-27-04 The Joint Support and Enabling Command "
            "(JSEC) in Ulm, Germany, ensures freedom of operation… mehr anzeigen\n\nVacancy Reference: JSEC-CIV-27-04\n")
    assert facts(text).values["reference"] == "JSEC-CIV-27-04"


@pytest.mark.parametrize("head, reference", [
    ("VACANCY NOTICE – AIRCOM 27/011", "AIRCOM 27/011"),
    ("CIVILIAN VACANCY JFCNP-CIV-27-012", "JFCNP-CIV-27-012"),
])
def test_a_notices_heading_naming_its_number(head: str, reference: str) -> None:
    assert facts(f"{head}\nClerk (Movement)\n\nThe Command ...\n").values["reference"] == reference


def test_a_boards_vacancy_label_holding_the_notices_code() -> None:
    assert facts("IT Systems Officer\nVacancy: JALLC 27/02\nLocation: Lisbon\n").values["reference"] == "JALLC 27/02"


@pytest.mark.parametrize("text, clearance", [
    ("Security assistant.\n- Three years in security work, one handling confidential personal data.\n- Security "
     "clearance: must hold, or be able to obtain, a NATO SECRET clearance.\n", "NATO SECRET"),
    ("d. Keeps the registry and applies NATO security rules to COSMIC and NATO SECRET material.\n\n"
     "c. Security Clearance.\n\n• COSMIC TOP SECRET.\n", "COSMIC TOP SECRET"),
])
def test_a_clearance_level_not_a_word_or_a_marking(text: str, clearance: str) -> None:
    assert prose.find_clearance(text) == clearance


def test_a_probation_of_a_year_is_no_contracts_length() -> None:
    text = ("The successful candidates will be offered an indefinite duration contract, subject to a\nprobationary "
            "period of one year. Serving staff keep theirs.\n")
    assert prose.find_contract(text) == ("indefinite duration", None)


def test_the_schedule_as_a_sentence_of_its_own() -> None:
    assert prose.find_schedule("A definite duration contract of three years, which may be renewed. Full-time.\n") == (
        "Full-time")


def test_a_place_written_turkey_stays_turkey_and_one_written_turkiye_stays_turkiye() -> None:
    assert normalise_location("Izmir, Turkey") == "Izmir, Turkey"
    assert normalise_location("İzmir, Türkiye") == "Izmir, Türkiye"


def test_a_deadline_in_a_zone_named_as_the_zone_database_names_it() -> None:
    text = "Research Scientist\nApplication Deadline: 8 Mar 2027 - 23:59 (Europe/Rome)\n"
    assert facts(text).values["timezone"] == "Europe/Rome"


def test_a_boards_back_link_with_its_count_of_results_is_no_post_count() -> None:
    text = "< Terug naar zoekresultaten (23 vacatures)\nSenior Assistant HR\nGrade: G11\n\nThe Command ...\n"
    assert facts(text).values["posts"] == 1


def test_a_salary_sentence_at_the_posts_grade() -> None:
    text = "Grade: G11/G12\n\nThe basic monthly salary at grade G11 is € 4,612.88, exempt from Dutch income tax.\n"
    assert (facts(text).values["salary"], facts(text).values["currency"]) == (4612.88, "EUR")


def test_a_deadline_sentence_with_many_words_before_its_by() -> None:
    text = ("Security Officer\n\nApplications must be submitted in English or French through the NATO Talent "
            "Acquisition Platform by 22 February 2027 at 23:59 (Paris time).\n")
    assert facts(text).values["deadline"] == dt.datetime(2027, 2, 22, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))


def test_years_of_experience_in_lieu_of_a_degree_are_not_the_posts() -> None:
    text = ("- A university degree, or a higher secondary education with a vocational qualification,\nwith 2 years of "
            "additional relevant experience;\n- At least 8 years of experience in communications networks.\n")
    assert prose.find_experience(text) == 8


def test_a_street_address_in_brackets_after_the_place_is_no_part_of_it() -> None:
    assert normalise_location("Rome, Italy (Via Giorgio Pelosi 1, Cecchignola)") == "Rome, Italy"


def test_years_of_experience_instead_of_a_degree_are_not_the_posts() -> None:
    text = ("- a university degree, OR higher secondary education plus at least 6 years of relevant experience instead "
            "of the degree\n- at least 4 years of experience in protocol or event management\n")
    assert prose.find_experience(text) == 4


def test_a_swiss_boards_workload_after_a_title_goes() -> None:
    assert clean_title("Movement Coordination Assistant (50%)") == "Movement Coordination Assistant"
    assert clean_title("Analyst (80 - 100 %)") == "Analyst"
    assert clean_title("Officer (Plans 2%)") == "Officer (Plans 2%)"


def test_a_desirable_lists_lettered_parts_after_a_blank_line_are_its_own() -> None:
    lines = ["Engineer", "", "4. ESSENTIAL QUALIFICATIONS", "e. Language: English - NATO SLP 3332.", "",
             "5. DESIRABLE QUALIFICATIONS", "", "a. Professional Experience", "- Knowledge of NSIP procedures;", "",
             "b. Language", "Turkish - NATO SLP 2222.", "", "6. ATTRIBUTES/COMPETENCIES", "Italian - SLP 2222."]
    assert extract_facts(lines).values["languages"] == {"English": "3332", "Italian": "2222"}


def test_notes_above_a_line_that_says_the_vacancy_text_was_copied_below() -> None:
    lines = ["JALLC – Data Scientist (my notes + vacancy text)", "", "Status: preparing application.",
             "2. Security clearance – my national one expires in 2028, fine.", "",
             "Vacancy text (copied from the JALLC website on 12 Feb 2027)", "",
             "JOINT ANALYSIS AND LESSONS LEARNED CENTRE (JALLC)", "Lisbon, Portugal", "",
             "Post Title: Data Scientist", "Grade: G15"]
    facts = extract_facts(lines).values
    assert (facts["title"], facts["organisation"]) == ("Data Scientist", "Joint Analysis and Lessons Learned Centre (JALLC)")


def test_a_security_clearance_section_that_names_only_the_level() -> None:
    lines = ["Analyst", "", "Grade: G13", "", "Security Clearance", "",
             "NATO SECRET (UK nationals: Developed Vetting may additionally be required for national systems).", ""]
    assert extract_facts(lines).values["clearance"] == "NATO SECRET"


def test_a_boards_logo_as_one_lowercase_word_is_no_title() -> None:
    lines = clean_lines("reed\nJobs Courses Career advice Salary checker Recruiting?Sign in Register\n- IT jobs\n\n"
                        "Maritime Information Services Officer\n\n- £59,536.44 per annum\n\nVacancy Number: MC 27-117\n")
    assert extract_facts(lines).values["title"] == "Maritime Information Services Officer"


@pytest.mark.parametrize("value, schedule", [("Full-time", "Full-time"), ("Part-time (50%)", "Part-time"),
                                             ("Definite duration", None)])
def test_a_type_of_post_field_gives_the_schedule_it_names(value: str, schedule: str | None) -> None:
    from natosite.importer.fields import label_key

    assert label_key("Type of post:") == "schedule"
    lines = ["Title: Scientist", "NATO Grade: G15", f"Type of post: {value}", "Location: La Spezia, Italy"]
    assert extract_facts(lines).values["schedule"] == schedule


def test_a_job_alert_then_the_full_description_copied_below_a_rule() -> None:
    entries = []
    for n, (title, ref, body, grade, years) in enumerate([
        ("Logistics Officer", "270198", "NATO Communications and Information Agency (NCIA)", "G15", 2),
        ("Engineer (Military Mobility Infrastructure)", "270233", "Joint Support and Enabling Command (JSEC)", "G16", 3),
        ("Assistant (Logistics Data)", "270241", "International Military Staff (IMS)", "G10", 4),
    ], 1):
        entries += ["-" * 60, f"{n}. {title}-{ref}", f"NATO Body: {body}", f"Grade: NATO Grade {grade}",
                    f"Application Deadline: {10 + n}-Mar-2027, 11:59:00 PM",
                    f"A definite duration contract of {years} years; at least {years + 2} years of experience.",
                    "View job description > Apply now >"]
    notice = ["Engineer (Military Mobility Infrastructure)-270233", "", "NATO Body: Joint Support and Enabling Command (JSEC)",
              "Grade: NATO Grade G16", "Application Deadline: 02-Apr-2027, 11:59:00 PM", "",
              "The incumbent must have at least 6 years of experience in transport infrastructure.", "",
              "Contract: definite duration contract of 3 years."]
    lines = (["Keeping this for the 2nd job in the list.", "", "The following 3 jobs match your saved search.", ""]
             + entries + ["-" * 60, "", "Manage your job alerts | Unsubscribe", ""] + [""] * 4
             + ["==================== full description (copied from TAP, 16/02/2027) ====================", ""] + notice)
    assert len(lines) > 40
    values = extract_facts(lines).values
    assert (values["title"], values["reference"], values["grade"]) == ("Engineer (Military Mobility Infrastructure)", "270233", "G16")
    assert (values["contract_years"], values["experience_years"]) == (3, 6)


def test_a_footnote_mark_glued_to_a_pdfs_word_is_no_part_of_it() -> None:
    lines = ["Software Engineer", "", "Grade: G14", "",
             "e. the incumbent must hold, or be able to obtain, a security clearance at NATO SECRET4 level.", "",
             "The successful candidate will be offered a definite duration contract of three (3) years6, renewable."]
    values = extract_facts(lines).values
    assert (values["clearance"], values["contract_years"]) == ("NATO SECRET", 3)
    from natosite.importer.fields import label_key

    assert label_key("Salary3:") == "salary" and label_key("Salary٣") is None  # (an Arabic-Indic digit is no mark)


def test_a_boards_employer_nato_spelled_out_is_no_body_and_the_division_line_below_the_title() -> None:
    lines = ["Officer (Climate Change and Security)", "Employer: NATO - North Atlantic Treaty Organization",
             "Location: Brussels, Belgium", "Deadline: 10/01/2027", "", "NATO International Staff (NATO IS)", "",
             "Officer (Climate Change and Security)", "Emerging Security Challenges Division (ESC)",
             "Vacancy reference: 270245", "NATO Grade: G17", "", "The Division leads NATO's work on new risks."]
    values = extract_facts(lines).values
    assert values["organisation"] == "NATO International Staff (NATO IS)"
    assert values["division"] == "Emerging Security Challenges Division (ESC)"


def test_a_salary_sentence_wrapped_between_grade_and_its_number() -> None:
    lines = ["Flight Simulator Software Engineer", "", "Grade: A-2 / G15", "",
             "Salary: the basic monthly salary for grade", "G15 is EUR 7,412.63 (tax free), plus allowances."]
    values = extract_facts(lines).values
    assert (values["salary"], values["currency"]) == (7412.63, "EUR")


def test_systems_classified_up_to_a_level_are_no_clearance() -> None:
    text = ("- Prepare the security accreditation files of all classified CIS up to NATO SECRET and Mission Secret.\n"
            "- Must hold or be able to obtain a COSMIC TOP SECRET security clearance.\n")
    assert prose.find_clearance(text) == "COSMIC TOP SECRET"
    assert prose.find_clearance(text.split("\n")[0]) is None


def test_a_recruiters_organisation_bullet_with_its_place_gives_the_body_the_text_names() -> None:
    lines = ["Hi Sam,", "", "• Role: Senior Analyst (Capability Portfolio Management)",
             "• Organisation: NATO HQ SACT, Norfolk VA (on the Naval Support Activity Hampton Roads site)", "",
             "Headquarters Supreme Allied Commander Transformation (HQ SACT)", "Vacancy reference: 270031",
             "NATO Grade: G17"]
    assert extract_facts(lines).values["organisation"] == "Headquarters Supreme Allied Commander Transformation (HQ SACT)"


def test_a_boards_expiry_date_by_its_own_long_number_loses_to_the_notices_closing_date() -> None:
    lines = ["Contracting Officer", "Reference: 4729186", "Location: Northwood", "Expiry date", "18 January 2027", "",
             "--- Full vacancy notice ---", "", "Vacancy Number: MC-27-004", "Post Title: Contracting Officer",
             "NATO Grade: G13", "Closing date: 5 March 2027, 23:59 UK time (GMT)"]
    values = extract_facts(lines).values
    assert (values["deadline"].date(), values["timezone"]) == (dt.date(2027, 3, 5), "Europe/London")


@pytest.mark.parametrize("sentence, salary", [
    ("- Basic salary of EUR 6,214.73 per month (G14, tax-free);", 6214.73),
    ("- Basic salary of EUR 7,014.73 per month (G16, tax-free) for the senior post;", None),
])
def test_a_basic_salary_of_a_figure_per_month(sentence: str, salary: float | None) -> None:
    lines = ["Engineer", "", "Grade: G14/G15", "", "What we offer", sentence]
    assert extract_facts(lines).values["salary"] == salary


def test_years_of_experience_after_an_experience_label() -> None:
    assert prose.find_experience("🔹 Experience: at least 6 years in all-source intelligence analysis\n") == 6
    assert prose.find_experience("Experience – minimum 4 years in NATO logistics.") == 4


def test_a_schedule_sentence_wrapped_before_its_article() -> None:
    assert prose.find_schedule("plus allowances according to the Regulations. This is\na full-time post.\n") == "Full-time"


def test_taleos_organization_row_beside_its_nato_body_row_is_the_division() -> None:
    lines = ["Senior Officer", "Primary Location: Belgium-Brussels", "NATO Body: NATO International Staff (NATO IS)",
             "Organization: Defence Investment Division", "Schedule: Full-time", "Grade: NATO Grade G18"]
    values = extract_facts(lines).values
    assert (values["organisation"], values["division"]) == ("NATO International Staff (NATO IS)", "Defence Investment Division")


def test_an_arabic_boards_type_of_employment_field() -> None:
    lines = ["Analyst", "نوع التوظيف: دوام كامل", "Grade: G15"]
    assert extract_facts(lines).values["schedule"] == "Full-time"


def test_indeeds_words_for_screen_readers_go_from_the_title() -> None:
    assert clean_title("Technician (Flight Simulator Systems) - job post") == "Technician (Flight Simulator Systems)"


def test_a_barracks_after_the_country_is_no_part_of_the_place() -> None:
    assert normalise_location("Solbiate Olona, Italy (Ugo Mara barracks)") == "Solbiate Olona, Italy"


@pytest.mark.parametrize("sentence, salary", [
    ("Basic monthly salary at grade G16: EUR 7,412.88, tax-free, plus allowances.", 7412.88),
    ("Basic monthly salary: EUR 6,l94.O8 (tax free)", 6194.08),  # (a scan's OCR: "l" for "1", "O" for "0")
])
def test_a_salary_at_the_posts_grade_and_one_a_scan_misread(sentence: str, salary: float) -> None:
    lines = ["Officer (Supply Chain Analytics)", "", "Grade: G16", "", sentence]
    assert extract_facts(lines).values["salary"] == salary


def test_a_contract_field_that_names_no_kind_gives_none() -> None:
    lines = ["Budget Assistant", "", "Tipo di contratto: Altro", "Grade: G8"]
    assert extract_facts(lines).values.get("contract") is None
    lines = ["Budget Assistant", "", "Type of contract: Definite duration (3 years)", "Grade: G8"]
    assert (extract_facts(lines).values["contract"], extract_facts(lines).values["contract_years"]) == ("definite duration", 3)


def test_a_boards_valid_until_gives_way_to_the_notices_closing_date() -> None:
    lines = ["Asystent ds. budżetu", "Numer oferty: StPr/26/4471", "Ważna do: 31.01.2027", "", "Assistant (Budget and Finance)",
             "Vacancy number: 2026/FIN/07", "Grade: G8", "", "The post holder keeps the accounts.", "",
             "Closing date for applications: 18 January 2027, 23:59 hrs (Central European Time)"]
    assert extract_facts(lines).values["deadline"] == dt.datetime(2027, 1, 18, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))


def test_years_of_experience_with_five_words_before_experience() -> None:
    text = "At least 2 years of post-doctoral or equivalent professional research experience in data analysis."
    assert prose.find_experience(text) == 2


@pytest.mark.parametrize("space", [" ", "\u00a0"])
def test_a_salary_for_this_part_time_post_with_a_colon(space: str) -> None:
    lines = ["Senior Assistant (Personnel Administration)", "", "Grade: B-4/G-10", "",
             f"A contract of indefinite duration will be offered. Basic monthly salary for this part-time (50%) post: "
             f"EUR{space}2,588.40, net of national income tax."]
    assert (extract_facts(lines).values["salary"], extract_facts(lines).values["currency"]) == (2588.4, "EUR")


def test_a_remark_in_brackets_after_the_country_is_no_part_of_the_place() -> None:
    value = "London, United Kingdom (hybrid working within the UK is possible up to two days a week)"
    assert normalise_location(value) == "London, United Kingdom"
    assert normalise_location("Norfolk, United States (Virginia Beach)") != "Norfolk, United States"


def test_a_persons_own_front_matter_gives_way_to_the_posting_below() -> None:
    text = ("---\ntitle: \"NCIA data job (ask Marta)\"\ncreated: 2026-12-05\nstatus: drafting\n"
            "deadline: 2027-01-10\ngrade: G15?\n---\n\n# my notes\n\n- ask about the team\n\n---\n\n"
            "Post title: Senior Data Platform Engineer\nNATO Communications and Information Agency (NCIA)\n"
            "NATO Grade: G16\nVacancy number: 260412\nClosing date: 24 January 2027\n")
    values = facts(text).values
    assert (values["title"], values["grade"], values["deadline"]) == ("Senior Data Platform Engineer", "G16",
                                                                       dt.date(2027, 1, 24))


def test_a_clippers_front_matter_with_the_pages_address_still_names_the_title() -> None:
    text = ('---\ntitle: "Scientist (Autonomous Systems)"\nsource: "https://www.cmre.nato.int/careers/x"\n'
            "created: 2026-11-22\n---\n\nThe Centre is looking for a scientist.\n\nGrade: G16\n")
    assert facts(text).values["title"] == "Scientist (Autonomous Systems)"


def test_a_pasted_from_heading_below_a_rule_under_notes_with_fields() -> None:
    text = ("# NCIA – data platform engineer\n\n## My notes\n- salary: Marta says ~7.5k net\n- compare with the ESA one\n\n"
            "---\n\n## Pasted from NCIA careers (5 Dec 2026)\n\nSenior Data Platform Engineer\n\n"
            "Location: The Hague, Netherlands\nNATO Grade: G16\nClosing date: 24 January 2027\n")
    assert facts(text).values["title"] == "Senior Data Platform Engineer"


def test_an_org_notes_planning_lines_and_properties_are_the_persons() -> None:
    text = ("#+TITLE: Job hunt 2027\n\n* TODO Apply: CMRE scientist ocean modelling\n"
            "  DEADLINE: <2027-04-02 Fri> SCHEDULED: <2027-03-27 Sat>\n  :PROPERTIES:\n  :SALARY_GUESS: ~8.6k EUR\n"
            "  :GRADE:    G17\n  :END:\n** Posting\n#+BEGIN_QUOTE\nPost title: Scientist (Ocean Modelling)\nGrade: NATO G17\n"
            "Applications must be received by 9 April 2027 at 23:59 Central European Summer Time (CEST).\n#+END_QUOTE\n")
    assert facts(text).values["deadline"] == dt.datetime(2027, 4, 9, 23, 59, tzinfo=BRUSSELS)


@pytest.mark.parametrize("text, languages", [
    ("NATO SLP 3333 in English and 2211 in French are required (Listening, Speaking, Reading, Writing).",
     {"English": "3333", "French": "2211"}),
    ("Proficiency in English at NATO Standard Language Proficiency (SLP) level 3333 (Listening, Speaking, Reading, "
     "Writing);", {"English": "3333"}),
    ("The SLP test in 2025 in English was passed.", None),
])
def test_profiles_before_their_languages_and_an_slp_level(text: str, languages: dict[str, str] | None) -> None:
    assert prose.find_languages(text) == languages


def test_a_salary_sentence_a_pdf_wrapped_over_lines() -> None:
    text = ("The successful candidate will be offered a contract. The basic monthly salary at\n"
            "grade G17 (step 1) is 8.214,67 EUR, free of German income\ntax.")
    assert prose.find_salary_sentence(text, "G17") == "8.214,67 EUR"
    assert prose.find_salary_sentence("Basic monthly salary\n5,876.23 (G15)\n6,000.10 (G16)", "G16") is None


def test_word_list_bullets_in_a_symbol_font_do_not_hide_the_labels() -> None:
    from natosite.importer.decode import html_to_text

    item = ("<p class=MsoListParagraphCxSpMiddle><span style='font-family:Wingdings'>§<span style='font:7.0pt \"Times "
            "New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><span lang=EN-GB>{}</span></p>")
    html = "<html><body><p>Engineer</p>" + item.format("Number of posts: 2") + item.format("Division: Air C2") + "</body></html>"
    fields = {f.key: f.value for f in find_fields(clean_lines(html_to_text(html)))}
    assert (fields.get("posts"), fields.get("division")) == ("2", "Air C2")


def test_a_channels_audience_and_a_pages_buttons_are_no_title() -> None:
    assert facts("NATO Careers Watch\n18 420 subscribers\n\nPinned message\n\nFinance Officer\n\nGrade: G12\n"
                 ).values["title"] == "Finance Officer"
    lines = ["infosec.exchange", "Post", "Back", "", "Maartje", "", "Post: Senior Analyst (Cyber Threat Intelligence)",
             "NATO grade: G18"]
    assert extract_facts(lines).values["title"] == "Senior Analyst (Cyber Threat Intelligence)"


def test_a_channel_posts_bold_first_line_with_its_employer_and_part_number() -> None:
    text = ("NATO Careers Watch, [26.02.2027 18:02]\n🆕 **JSEC Ulm — Officer, Movement and Transportation Plans** (1/2)\n"
            "Organisation: Joint Support and Enabling Command (JSEC)\nLocation: Ulm, Germany\nGrade: G17\n"
            "Deadline: 11 March 2027, 23:59 CET\n")
    assert facts(text).values["title"] == "Officer, Movement and Transportation Plans"


def test_a_deadline_phrase_that_ends_its_line_and_the_date_on_the_next() -> None:
    lines = ["Senior Contracts Officer", "", "Grade: G17", "", "How to apply",
             "Applications must be submitted via the NETMA e-recruitment portal no later than",
             "07.03.2027, 23:59 hrs (CET). Late applications will not be considered."]
    assert extract_facts(lines).values["deadline"] == dt.datetime(2027, 3, 7, 23, 59, tzinfo=BRUSSELS)


@pytest.mark.parametrize("header, organisation", [
    # a board's company box, then the notice's name with its short form
    (["Empresa: NATO Joint Analysis and Lessons Learned Centre", "", "Joint Analysis and Lessons Learned Centre (JALLC)"],
     "Joint Analysis and Lessons Learned Centre (JALLC)"),
    # a parent's name stacked above its body's
    (["NATO Science and Technology Organization (STO)", "Centre for Maritime Research and Experimentation (CMRE)"],
     "Centre for Maritime Research and Experimentation (CMRE)"),
    # (the same body's name in another language is no child)
    (["NATO Support and Procurement Agency (NSPA)", "Agence OTAN de soutien et d'acquisition (NSPA)"],
     "NATO Support and Procurement Agency (NSPA)"),
])
def test_the_bodys_name_the_notice_writes(header: list[str], organisation: str) -> None:
    lines = [*header, "", "Post title: Analyst (Lessons Learned)", "Grade: G15", "", "The post holder analyses."]
    assert extract_facts(lines).values["organisation"] == organisation


def test_a_header_in_capitals_gives_its_short_form_in_the_tables_case() -> None:
    text = "JOINT FORCE COMMAND NORFOLK (JFC NORFOLK)\n\nThe post holder plans for JFC Norfolk operations.\n"
    assert prose.written_organisation("Joint Force Command Norfolk (JFCNF)", text).endswith("(JFC NORFOLK)")


@pytest.mark.parametrize("marker", ["--- tekst van werk.nl / vacature 1 (gekopieerd) ---",
                                    "Stellenausschreibung (kopiert von ncia.nato.int am 27.01.2027):"])
def test_a_pasted_posting_below_notes_said_in_another_language(marker: str) -> None:
    lines = ["Bewerbungsnotizen", "", "Offene Punkte", "", "1. Referenzen anfragen bis 10.03.2027.", "",
             "3. Administratief medewerker", "Randstad", "Salaris: € 2.850 per maand", "", marker, "",
             "NATO Communications and Information Agency (NCIA)", "", "Principal Cyber Security Engineer", "",
             "Vacancy Number: 270412", "Grade: NATO Grade G20", "Location: Mons, Belgium"]
    values = extract_facts(lines).values
    assert (values["title"], values["salary"]) == ("Principal Cyber Security Engineer", None)


def test_a_salary_value_is_in_the_currency_it_names_first_and_twelve_payments_a_year_are_monthly() -> None:
    assert parse_salary("NOK 71 906,42 (tax-free; approx. EUR 6 100 at current exchange rates)") == (71906.42, "NOK", False)
    assert parse_salary("EUR 7,318.44 (tax free, 12 payments per year), plus allowances") == (7318.44, "EUR", False)
    assert parse_salary("EUR 87,821.28 per year")[2] is True


def test_more_reference_title_division_and_schedule_forms() -> None:
    lines = ["Vacancy Notice: CAOC TJ 01/27", "Post title: SeniorSoftware Engineer (Cloud Platforms)",
             "Directorate/Division: Core Enterprise Services (CES)", "雇用形態：契約社員（フルタイム）", "Grade: G16"]
    values = extract_facts(lines).values
    assert (values["reference"], values["title"], values["division"], values["schedule"]) == (
        "CAOC TJ 01/27", "Senior Software Engineer (Cloud Platforms)", "Core Enterprise Services (CES)", "Full-time")


def test_a_label_in_its_own_element_and_the_value_as_the_text_after_it() -> None:
    from natosite.importer.decode import html_to_text

    html = "<ul><li><span>Temps de travail</span> Temps plein</li><li><span>Lieu</span> Mons - Belgique</li></ul>"
    assert html_to_text(html).split("\n")[0] in ("- Temps de travail  Temps plein", "- Temps de travail: Temps plein")
    assert normalise_schedule(clean_lines(html_to_text(html))[0].partition(":")[2]) == "Full-time"


def test_places_in_a_chinese_boards_commas_and_first_in_a_linkedin_row() -> None:
    assert normalise_location("La Spezia，利古里亚大区，意大利") == "La Spezia, Italy"
    lines = ["---- copied from LinkedIn app (13 Jan 2027) ----", "", "Technician (Avionics Maintenance)",
             "NATO Airborne Early Warning & Control Force",
             "Geilenkirchen, North Rhine-Westphalia, Germany · 4 days ago · Over 100 applicants", "",
             "Vacancy Number: NAEW-27-006", "Grade: G10"]
    assert extract_facts(lines).values["location"] == "Geilenkirchen, Germany"


def test_a_title_field_naming_a_role_wins_over_a_forums_flair() -> None:
    lines = ["r/NATOjobs", "", "Job Opening: Career Advice", "", "Vacancy: Senior Software Engineer (Cloud Platforms)",
             "Grade: G16"]
    assert extract_facts(lines).values["title"] == "Senior Software Engineer (Cloud Platforms)"


def test_a_clipped_page_below_the_persons_notes() -> None:
    lines = ["NSPA – Procurement Officer (Aviation Support) – Capellen", "", "MY NOTES",
             "Grade: they also had a G12 Buyer post last month – this one is better.", "",
             "Clipped from nspa.nato.int on 28/05/2026", "", "Procurement Officer (Aviation Support)", "",
             "Organisation: NATO Support and Procurement Agency (NSPA)", "Grade: G14"]
    values = extract_facts(lines).values
    assert (values["title"], values["grade"]) == ("Procurement Officer (Aviation Support)", "G14")


def test_a_digests_top_match_described_below_its_list() -> None:
    lines = ["here are the 2 new jobs matching your alert", "", "-" * 40,
             "1. Assistant (CIS Plans and Requirements) *** TOP MATCH ***", "G11 | Part-time | Closes 3 Jun 2026",
             "Estimated salary: €4,200 – €5,000 / month (IntlCareers estimate)", "",
             "2. Senior Engineer (Network Operations)", "Salary: €8,421.90 / month", "", "-" * 40,
             "TOP MATCH – FULL DESCRIPTION", "-" * 40, "", "Assistant (CIS Plans and Requirements)", "",
             "Vacancy number: JFCBS-26-09", "NATO Grade: G11", "Closing date: 3 June 2026"]
    values = extract_facts(lines).values
    assert (values["title"], values["salary"]) == ("Assistant (CIS Plans and Requirements)", None)


@pytest.mark.parametrize("lines, salary", [
    (["Basic monthlysalary: NOK 71,538.40 (tax free), plus allowances"], 71538.4),  # (a label a PDF glued in part)
    (["Gross monthly salary: 3 600 EUR"], 3600.0),
    (["Basic monthly salary (NATO Grade G18), exclusive of allowances:", "EUR 10,204.56, tax-free. Expatriation"],
     10204.56),
])
def test_more_salary_labels_and_a_label_ending_its_line(lines: list[str], salary: float) -> None:
    assert extract_facts(["Analyst (Exercise Data)", "", "NATO Grade: G18", "", *lines]).values["salary"] == salary


def test_a_header_below_a_boards_card_when_no_known_body_is_named_above_the_title() -> None:
    lines = ["cv.ee", "Otsi tööd", *[f"Menüü {i}" for i in range(18)], "",
             "NATO Cooperative Cyber Defence Centre of Excellence (CCDCOE)", "", "Position: Researcher (International Law)",
             "Location: Tallinn, Estonia", "", "- support courses delivered with the NATO School Oberammergau;"]
    assert extract_facts(lines).values["organisation"] == "NATO Cooperative Cyber Defence Centre of Excellence (CCDCOE)"


@pytest.mark.parametrize("header", [
    ["NATO Science and Technology Organization (STO)", "Centre for Maritime Research and Experimentation (CMRE)"],
    ["CENTRE FOR MARITIME RESEARCH AND EXPERIMENTATION (CMRE)", "NATO Science and Technology Organization (STO)"],
])
def test_a_centre_and_its_parent_stacked_in_either_order(header: list[str]) -> None:
    lines = [*header, "", "Post title: Scientist (Underwater Acoustics)", "Grade: G17", "", "The Centre is in La Spezia."]
    assert extract_facts(lines).values["organisation"].endswith("(CMRE)")


def test_the_bodys_name_with_and_as_the_text_writes_it() -> None:
    text = "NATO Airborne Early Warning and Control Force (NAEW&CF)\n\nThe Force operates the E-3A fleet.\n"
    assert prose.written_organisation("NATO Airborne Early Warning & Control Force (NAEW&CF)", text) == (
        "NATO Airborne Early Warning and Control Force (NAEW&CF)")


def test_send_your_cv_and_more_to_an_address_by_a_date_and_time() -> None:
    lines = ["Researcher", "", "Closing date: 15.03.2027", "", "Please send your CV, a motivation letter and a writing "
             "sample to recruitment@ccdcoe.org by 15 March 2027, 17:00 Tallinn time. Interviews will follow."]
    values = extract_facts(lines).values
    assert (values["deadline"], values["timezone"]) == (
        dt.datetime(2027, 3, 15, 17, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Tallinn")), "Europe/Tallinn")


def test_experience_languages_and_schedule_in_more_forms() -> None:
    assert prose.find_experience("b.At least 4 years of post-doctoral (or equivalent) research experience in") == 4
    lines = ["Programme Manager", "", "- At least **8 years** of professional experience in innovation programmes;",
             "- English: NATO SLP **3333** (listening, speaking, reading, writing);", "", "Darbo laikas: pilnas darbo laikas"]
    values = extract_facts(lines).values
    assert (values["experience_years"], values["languages"], values["schedule"]) == (8, {"English": "3333"}, "Full-time")
    assert prose.find_languages('levels of NATO\'s official languages: V ("Advanced") in one; III ("Intermediate") in the'
                                "\nother.") == "V in one, III in the other"


def test_a_pandoc_grid_table_of_facts_with_wrapped_cells() -> None:
    border = "+" + "-" * 20 + "+" + "-" * 30 + "+"

    def row(label: str, value: str) -> str:
        return f"| {label:<19}| {value:<29}|"

    text = "\n".join([
        "**HEADQUARTERS SUPREME ALLIED COMMANDER TRANSFORMATION**", "", border,
        row("**Vacancy Number:**", "ACT-27-004"), border,
        row("**Post Title:**", "Staff Officer (Capability"), row("", "Requirements)"), border,
        row("**NATO Grade:**", "G17[^1]"), border,
        row("**Closing Date:**", "8 January 2027, 23:59 hrs"), row("", "Eastern Standard Time"), border, "",
        "- A minimum of 7 years\\' experience in capability development;", ""])
    values = facts(text).values
    assert (values["title"], values["reference"], values["grade"], values["timezone"], values["experience_years"]) == (
        "Staff Officer (Capability Requirements)", "ACT-27-004", "G17", "America/New_York", 7)


def test_the_bodys_name_the_text_writes_first_whichever_of_the_tables_names() -> None:
    text = ("Headquarters Supreme Allied Commander Transformation (HQ SACT) is recruiting.\n\n"
            "Allied Command Transformation (ACT) leads the warfare development of NATO.\n")
    assert prose.written_organisation("Allied Command Transformation (ACT)", text) == (
        "Headquarters Supreme Allied Commander Transformation (HQ SACT)")
    lines = ["Budget Officer (m/w/d)", "Organisation: NATO – Allied Joint Force Command Brunssum", "",
             "ALLIED JOINT FORCE COMMAND BRUNSSUM (JFCBS)", "Vacancy Number: JFCBS 27/04", "Grade: G14"]
    assert extract_facts(lines).values["organisation"] == "Allied Joint Force Command Brunssum (JFCBS)"


@pytest.mark.parametrize("lines, salary", [
    (["Basic annual salary (A-3, step 1): 83,265.24 EUR, tax free, payable in", "twelve monthly instalments."], 6938.77),
    (["Basic monthly salary (12 times per year) as from EUR 7,208.26, exempt", "from national taxation."], 7208.26),
])
def test_a_salary_labelled_annual_and_one_paid_twelve_times_a_year(lines: list[str], salary: float) -> None:
    assert extract_facts(["Engineer (Software Maintenance)", "", "Grade: G17", "", *lines]).values["salary"] == salary


def test_a_vacancy_notice_number_after_no_and_a_colon() -> None:
    lines = ["İlan No: 3918274", "", "ALLIED LAND COMMAND (LANDCOM)", "CIVILIAN VACANCY NOTICE No: LC-CIV-27-02", "",
             "Post Title: Logistics Assistant", "NATO Grade: G9"]
    assert extract_facts(lines).values["reference"] == "LC-CIV-27-02"


def test_a_notice_in_english_and_french_side_by_side() -> None:
    text = ("ENGLISH | FRANÇAIS\n-----------+-----------\nNATO DEFENSE COLLEGE | COLLÈGE DE DÉFENSE DE L'OTAN\n\n"
            "Vacancy No.: NDC 27/05 | Avis n° : NDC 27/05\n"
            "Post title: Head, Library and Information | Intitulé du poste : Chef, Bibliothèque et\n"
            "Services | services d'information\nGrade: A.2\n| Grade : A.2\n"
            "Closing date: 15 May 2027, midnight | Date de clôture : 15 mai 2027, minuit\n(Rome time) | (heure de Rome)\n")
    values = facts(text).values
    assert (values["title"], values["reference"], values["timezone"]) == (
        "Head, Library and Information Services", "NDC 27/05", "Europe/Rome")


def test_a_newsletters_job_of_the_week() -> None:
    lines = ["Blue Passport Careers", "", "The weekly letter for people who want to work for international organisations",
             "", "Hi there,", "", "⭐ Job of the Week", "", "Occupational Health Nurse", "",
             "Organisation: NATO Support and Procurement Agency (NSPA)", "Reference: 270412", "Grade: NATO Grade G11"]
    assert extract_facts(lines).values["title"] == "Occupational Health Nurse"


def test_a_grid_tables_last_row_without_a_border_under_it_is_kept() -> None:
    border = "+" + "-" * 16 + "+" + "-" * 16 + "+"
    rows = [f"| {a:<15}| {b:<15}|" for a, b in (("Vacancy Number", "270412"), ("Grade", "G15"),
                                                ("Location", "Mons, Belgium"), ("Closing date", "3 March 2027"))]
    lines = clean_lines("\n".join([border, rows[0], border, rows[1], border, rows[2], border, rows[3], "", "Text."]))
    assert "Closing date: 3 March 2027" in lines and "Grade: G15" in lines


@pytest.mark.parametrize("head, title", [
    ("STAFF OFFICER (LOGISTICS PLANS)", "Staff Officer (Logistics Plans)"),  # written only in capitals
    ("SENIOR ENGINEER (CIS SUPPORT)", "Senior Engineer (CIS Support)"),  # ("CIS" in capitals elsewhere too)
    ("Maritime Operations Assistant G11/G12", "Maritime Operations Assistant"),  # a board's grade after the title
])
def test_a_title_in_capitals_or_with_a_grade_after_it(head: str, title: str) -> None:
    lines = [head, "", "Grade: G11", "Location: Naples, Italy", "", "The CIS branch supports the headquarters."]
    assert extract_facts(lines).values["title"] == title


def test_a_similar_jobs_list_above_the_posting_after_a_blank_line() -> None:
    text = ("Procurement Officer (Ammunition)\n\nNATO Support and Procurement Agency\n\n立即申请 收藏\n\n相似职位\n\n"
            "- Contracting Officer (Logistics) G13\n北约支援与采购局 · 卢森堡\n截止日期：2027-08-09\n"
            "- Procurement Assistant G8\n截止日期：2027-08-15\n\n"
            + "".join(f"Duty {n}: conduct the full procurement cycle for ammunition and explosives.\n" for n in range(8))
            + "Vacancy Notice No.: 27-PROC-041\nNATO Grade: G15\nClosing date: 20 August 2027\n")
    values = facts(text).values
    assert (values["reference"], values["grade"]) == ("27-PROC-041", "G15")


def test_the_wayback_machines_toolbar_is_no_part_of_the_page() -> None:
    html = ("<html><body><!-- BEGIN WAYBACK TOOLBAR INSERT --><div>Wayback Machine</div><div>COLLECTED BY</div>"
            "<div>Organization: Internet Archive</div><!-- END WAYBACK TOOLBAR INSERT -->"
            "<h1>Principal Software Engineer (Cloud Platforms)</h1><p>Organisation: NATO Communications and Information "
            "Agency (NCIA)</p><p>Grade: G18</p></body></html>")
    text = decode(html.encode()).text
    assert "Wayback" not in text and facts(text).values["title"] == "Principal Software Engineer (Cloud Platforms)"


def test_words_a_pdf_glued_in_a_bodys_name_and_before_the_years() -> None:
    lines = ["NATOAirborne EarlyWarning & Control Force (NAEW&CF)", "", "POST TITLE: Logistics Engineer", "GRADE: G14", "",
             "(1) A minimum of5 years of experience as an engineer in aircraft maintenance.",
             "(2) Ten years or more of experience in an aviation engineering organisation."]
    values = extract_facts(lines).values
    assert values["organisation"] == "NATO Airborne Early Warning & Control Force (NAEW&CF)"
    assert values["experience_years"] == 5


def test_a_field_under_a_dash_as_its_bullet() -> None:
    lines = ["Budget Assistant", "", "CONDITIONS OF EMPLOYMENT",
             "– Salary: Basic monthly salary (12 times per year), tax free: EUR 4,186.27, plus allowances.",
             "– This is a full-time post."]
    assert (extract_facts(clean_lines("\n".join(lines))).values["salary"]) == 4186.27


@pytest.mark.parametrize("raw, expected", [
    # a job app's export of names and values, the notice in one cell
    ("field;value\ntitle;Scientist (Underwater Acoustics) – CMRE\njob_id;jr-8831-77a2c9\nsalary;\n"
     'description;"Centre for Maritime Research and Experimentation (CMRE)\nLa Spezia, Italy\n\n'
     'Vacancy Notice CMRE-S-27-05\nScientist (Underwater Acoustics)\nNATO Grade G16/G17"\n',
     {"title": "Scientist (Underwater Acoustics)", "reference": "CMRE-S-27-05", "grade": "G16/G17"}),
    # a fact sheet with a column of the person's notes beside the values
    ("Field\tValue\tMy notes\nJob title\tAnalyst (Concept Development)\t\nLocation\tNorfolk, Virginia, United States\t"
     "base pass needed\nGrade\tG15\tG14 ad from 2025\n",
     {"location": "Norfolk, Virginia, United States", "grade": "G15"}),
    # a person's list of vacancies: the row that holds the posting's text
    ('Added,Organisation,Title,Grade\n14/09/2026,NATO IS,Officer (Resource Policy),G15\n'
     '02/11/2026,HQ SACT,Staff Officer (Capability Requirements),"G19"\n'
     '03/11/2026,HQ SACT,Staff Officer (Plans),"HEADQUARTERS SUPREME ALLIED COMMANDER TRANSFORMATION (HQ SACT)\n'
     'Post Title: Staff Officer (Plans)\nNATO Grade: G17\nThe post supports the strategic plans of the command."\n',
     {"title": "Staff Officer (Plans)", "grade": "G17",
      "organisation": "Headquarters Supreme Allied Commander Transformation (HQ SACT)"}),
])
def test_a_spreadsheet_saved_as_csv(raw: str, expected: dict[str, str]) -> None:
    values = facts(decode(raw.encode()).text).values
    assert {key: values[key] for key in expected} == expected


def test_a_schedule_in_a_list_item_and_roman_levels_wrapped_before_the_other() -> None:
    lines = ["Software Engineer", "", "- Full-time employment (40 hours/week) in an international environment.",
             "- possess the following minimum levels of NATO's official languages",
             '(English/French): IV ("Upper Intermediate") in one; II ("Elementary") in', "the other;"]
    values = extract_facts(lines).values
    assert (values["schedule"], values["languages"]) == ("Full-time", "IV in one, II in the other")


def test_an_old_notice_letter_spaced_with_its_labels_colons_apart() -> None:
    text = ("NATO HELICOPTER MANAGEMENT AGENCY (NAHEMA)\n\n                    Ref.: NAHEMA/PER/2027/112\n\n"
            "          V A C A N C Y   N O T I C E   No. 03/2027\n          ------------------------------\n\n"
            "POST TITLE        :   Contracts Officer (In-Service Support)\n\nGRADE             :   A-2\n\n"
            "DIVISION          :   Contracts and Industrial Affairs\n\n------------------------------\n\n"
            "    b.  Remuneration: the annual basic salary for grade A-2, step 1, is\n\n"
            "                EUR 85,233.36  (payable in twelve equal monthly instalments)\n")
    values = facts(text).values
    assert (values["reference"], values["title"], values["division"], values["salary"]) == (
        "03/2027", "Contracts Officer (In-Service Support)", "Contracts and Industrial Affairs", 7102.78)


def test_a_vacancy_nr_label_and_a_number_with_another_field_beside_it() -> None:
    assert extract_facts(["Section Head", "", "Vacancy Nr: SH 27/046", "Grade: A-4"]).values["reference"] == "SH 27/046"
    lines = ["Vacancy Notice No.: 27-004 Date of issue: 25 January 2027", "Post title: Scientist Grade: G16"]
    assert extract_facts(lines).values["reference"] == "27-004"


def test_a_centre_on_the_line_below_its_parent_and_its_name_wrapped_in_the_text() -> None:
    lines = ["NATO Science and Technology Organization", "Centre for Maritime Research and Experimentation",
             "VACANCY NOTICE", "Post title: Scientist (Underwater Acoustics)", "Grade: G16", "",
             "The NATO Science and Technology Organization (STO) delivers innovation. The Centre for Maritime",
             "Research and Experimentation (CMRE), located in La Spezia, is the STO's executive body."]
    assert extract_facts(lines).values["organisation"] == "Centre for Maritime Research and Experimentation (CMRE)"


def test_the_notices_header_above_its_title_after_a_list_naming_other_bodies() -> None:
    lines = ["NATO civilian jobs – team tracker", "", "Open list",
             *[f"{n}. SHAPE, Mons (BE) – Staff Officer (Cyber Plans) – G15 – closes {n} June 2027" for n in range(1, 20)],
             "", "DETAILS – JWC 27/07", "", "JOINT WARFARE CENTRE (JWC)", "Stavanger, Norway", "",
             "CIVILIAN VACANCY NOTICE", "", "Vacancy Number: 27/07", "Post Title: Senior Officer (Scenario Development)",
             "Grade: G17"]
    assert extract_facts(lines).values["organisation"] == "Joint Warfare Centre (JWC)"


def test_a_channels_posts_one_after_the_other_the_last_one_detailed() -> None:
    post = ["International Jobs & Careers", "🇺🇳 UN Women is hiring: Programme Specialist (P-3)", "Nairobi, Kenya",
            "Deadline: 20 February 2027", "#UN #Africa", "5.6K edited Feb 8 at 18:05", ""]
    lines = ["Telegram", "International Jobs & Careers", "", "—————————————", "", *post, "—————————————", "", *post,
             "—————————————", "", "Scientist (Underwater Acoustics)", "",
             "CENTRE FOR MARITIME RESEARCH AND EXPERIMENTATION (CMRE)", "La Spezia, Italy", "",
             "Post Title: Scientist (Underwater Acoustics)", "Grade: NATO G17",
             *[f"Duty {n}: design, conduct and analyse underwater acoustic experiments." for n in range(20)],
             "Applications must be submitted by 23:59 (Rome time) on Monday 15 March 2027."]
    values = extract_facts(lines).values
    assert (values["deadline"], values["timezone"]) == (
        dt.datetime(2027, 3, 15, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Rome")), "Europe/Rome")


def test_a_dutch_boards_navo_labels_and_its_reply_by_sentence() -> None:
    lines = ["Budget Assistant (m/v/x)", "Allied Joint Force Command Brunssum (JFCBS)", "Reageren uiterlijk: 15 maart 2027",
             "", "NAVO-vacaturenummer: JFCBS 27/014", "Functietitel: Budget Assistant", "NAVO-rang: G10 (voorheen B-4)", "",
             "Reageer uiterlijk 15 maart 2027, 23:59 uur (Midden-Europese Tijd, CET)."]
    values = extract_facts(lines).values
    assert (values["reference"], values["grade"], values["deadline"]) == (
        "JFCBS 27/014", "G10", dt.datetime(2027, 3, 15, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels")))


def test_fields_a_pdf_set_on_one_line_without_a_space_after_their_colons() -> None:
    values = extract_facts(["Post Title:Procurement Officer", "Grade:A.2 Location:Capellen, Luxembourg"]).values
    assert (values["grade"], values["location"]) == ("G15", "Capellen, Luxembourg")


def test_a_monthly_salary_paid_12_x_per_year() -> None:
    lines = ["Legal Officer", "Grade: G15", "Basic monthly salary: EUR 7,835.92 (12 x per year), exempt from tax"]
    assert extract_facts(lines).values["salary"] == 7835.92


def test_a_tables_vacancy_notice_cell_and_its_number_below() -> None:
    lines = ["Vacancy Notice", "", "270113", "", "Post title", "", "Procurement Officer (Munitions)"]
    assert extract_facts(lines).values["reference"] == "270113"


def test_a_notice_in_french_then_in_english() -> None:
    lines = ["=== VERSION FRANÇAISE ===", "Numéro de l'avis : SHP-27-019",
             "Intitulé du poste : Analyste principal (planification des forces)",
             "Organisation : Grand Quartier général des puissances alliées en Europe (SHAPE)",
             "Division : Plans et politique (J5)", "Grade OTAN : G17", "", "La Division élabore les plans.", "",
             "=== ENGLISH VERSION ===", "Vacancy number: SHP-27-019", "Post title: Senior Analyst (Force Planning)",
             "Organisation: Supreme Headquarters Allied Powers Europe (SHAPE)", "Division: Plans and Policy (J5)"]
    values = extract_facts(lines).values
    assert (values["title"], values["organisation"], values["division"]) == (
        "Senior Analyst (Force Planning)", "Supreme Headquarters Allied Powers Europe (SHAPE)", "Plans and Policy (J5)")


def test_a_notice_typed_without_labels() -> None:
    lines = ["NATO DEFENSE COLLEGE", "Rome", "", "VACANCY NOTICE Ref. NDC-VN-27-03", "", "LIBRARIAN (RESEARCH SERVICES)",
             "", "A2", "Full time", "", "Applications (NATO application form + cover letter) must reach",
             "the College no later than 12:00 noon (Rome time) on", "Friday 19 March 2027."]
    values = extract_facts(lines).values
    assert (values["reference"], values["grade"], values["deadline"]) == (
        "NDC-VN-27-03", "G15", dt.datetime(2027, 3, 19, 12, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Rome")))


@pytest.mark.parametrize("lines, title", [
    # LinkedIn's share text in a chat, above the pasted page
    (["hey, saw this and thought of you", "Check out this job at NATO Communications and Information Agency (NCIA): "
      "Principal Scientist (AI for C2) https://www.linkedin.com/jobs/view/4012876530", "ooh thanks!!"],
     "Principal Scientist (AI for C2)"),
    # LinkedIn's menu item "Me" above the title; "Command and Control" in a title
    (["Me", "", "Senior Software Engineer (Command and Control)", "NCIA · The Hague, Netherlands · 87 applicants",
      "On-site", "Mid-Senior level"], "Senior Software Engineer (Command and Control)"),
    # a mail's employer before the role
    (["NCIA Senior Scientist (AI for Command and Control)", "", "Location: The Hague, Netherlands"],
     "Senior Scientist (AI for Command and Control)"),
    # a PDF's line-end hyphen in a title from two columns joined
    (["Post Title: Staff Officer (Capability Re- quirements)", "NATO Grade: G15"], "Staff Officer (Capability Requirements)"),
    # a job alert's first entry
    (["NATO Careers - Job Alert", "", "1. Senior Policy Adviser (Resilience)-270321", "Location: Belgium-Brussels"],
     "Senior Policy Adviser (Resilience)"),
])
def test_titles_in_shares_menus_mails_and_alerts(lines: list[str], title: str) -> None:
    assert extract_facts(lines).values["title"] == title


def test_a_short_form_wrapped_onto_the_next_fields_line_and_a_header_in_capitals() -> None:
    lines = ["HEADQUARTERS SUPREME ALLIED COMMANDER TRANSFORMATION", "NORFOLK, VIRGINIA, UNITED STATES", "",
             "Post Title: Staff Officer", "Division: Capability Development Directorate",
             "(CAPDEV) Security Clearance: COSMIC TOP SECRET", "NATO Grade: G15"]
    values = extract_facts(lines).values
    assert (values["division"], values["clearance"]) == ("Capability Development Directorate (CAPDEV)", "COSMIC TOP SECRET")
    assert normalise_location("NORFOLK, VIRGINIA, UNITED STATES") == "Norfolk, Virginia, United States"


def test_years_of_experience_glued_to_the_next_word() -> None:
    lines = ["Scientist", "", "b. At least 3 years of post-doctoral research experiencein underwater acoustics;"]
    assert extract_facts(lines).values["experience_years"] == 3


def test_a_centre_of_excellences_page() -> None:
    text = ("CCDCOE\nThe NATO Cooperative Cyber Defence Centre of Excellence is a multinational cyber defence hub.\n"
            "About Us\nSearch ...\n\nHome » Careers » Vacancies » Researcher in International Law\n\n"
            "Researcher in International Law\n\nRef. No. 2026/14\nPublished: 20.10.2026\n\n"
            "The NATO Cooperative Cyber Defence Centre of Excellence (CCDCOE) works closely with Allied Command "
            "Transformation (ACT).\n\nDuty station: Tallinn, Estonia\nApplication deadline: 15 November 2026\n")
    values = facts(text).values
    assert (values["title"], values["reference"], values["organisation"]) == (
        "Researcher in International Law", "2026/14", "NATO Cooperative Cyber Defence Centre of Excellence (CCDCOE)")


def test_a_civilian_vacancy_heading_with_the_bodys_letters_and_number() -> None:
    lines = ["NATO Special Operations Headquarters", "", "CIVILIAN VACANCY NSHQ 26-07", "Budget and Finance Officer",
             "Posted: 22 November 2026", "", "Grade: NATO Grade G15"]
    assert extract_facts(lines).values["reference"] == "NSHQ 26-07"


def test_a_taleo_pages_hidden_copy_of_its_fields_and_a_collapsed_text_a_click_shows() -> None:
    html = ("<html><head><style>.hidden, .ftlhidden { display:none !important; }</style></head><body>"
            "<div class='ftlhidden'><span>Application Deadline</span> <span>18-Nov-2026, 11:59:00 PM</span></div>"
            "<h1>Senior Engineer (Fuel Systems)</h1><p>Application Deadline: 05-Jan-2027, 11:59:00 PM</p>"
            "<div class='full' hidden><p>Grade: G16</p></div></body></html>")
    text = decode(html.encode()).text
    assert "18-Nov-2026" not in text and "Grade: G16" in text


def test_taleos_rows_glued_to_their_labels_and_the_state_the_text_gives() -> None:
    lines = ["Operational Research Analyst (Warfare Development)-270094", "Primary LocationUnited States-Norfolk",
             "NATO BodyHeadquarters Supreme Allied Commander Transformation (HQ SACT)", "ScheduleFull-time",
             "Application Deadline21-Feb-2027, 11:59:00 PM", "HEADQUARTERS SUPREME ALLIED COMMANDER TRANSFORMATION",
             "NORFOLK, VIRGINIA, USA"]
    values = extract_facts(lines).values
    assert (values["organisation"], values["schedule"], values["location"]) == (
        "Headquarters Supreme Allied Commander Transformation (HQ SACT)", "Full-time",
        "Norfolk, Virginia, United States")


def test_a_pdf_fact_box_whose_columns_are_three_spaces_apart() -> None:
    text = ("   Post Title:            Engineer (Infrastructure   Closing Date:        14 February 2027,\n"
            "                          Projects)                                       23:59 hrs CET\n\n"
            "   NATO Grade:            G16                        Location:            Brunssum,\n"
            "                                                                          Netherlands\n")
    values = facts(text).values
    assert (values["title"], values["deadline"]) == (
        "Engineer (Infrastructure Projects)", dt.datetime(2027, 2, 14, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels")))


def test_a_linkedin_alert_then_the_persons_full_description() -> None:
    alert = ["Staff Assistant (Intelligence)", "SHAPE - Supreme Headquarters Allied Powers Europe",
             "NATO SECRET clearance required", "View job: https://www.linkedin.com/comm/jobs/view/404280285/", "",
             "-" * 40, ""]
    lines = ["Saving the 2nd one for the tracker.", "", *alert * 3, "Full description",
             "Senior Cyber Security Engineer (Cloud)", "NATO Communications and Information Agency · The Hague",
             "On-site · Full-time · Mid-Senior level", "", "Vacancy: Senior Cyber Security Engineer (Cloud)",
             "Security clearance: COSMIC TOP SECRET", "",
             "- A degree; exceptionally, the lack of a degree may be compensated by at least 10 years of experience.",
             "- At least 7 years of experience in cyber security engineering."]
    values = extract_facts(lines).values
    assert (values["schedule"], values["clearance"], values["experience_years"]) == ("Full-time", "COSMIC TOP SECRET", 7)


@pytest.mark.parametrize("lines, title", [
    # a person's quoted note first; the role right above the posting's fields
    (["# NATO IS – terminology job (part-time!!)", "", "> shared from my phone on the train – Lotte, 25/02", "",
      "## Assistant (Terminology and Document Management) (2 posts)", "", "Reference: 270188",
      "Primary Location: Belgium-Brussels", "Grade: NATO Grade G8"], "Assistant (Terminology and Document Management)"),
    # a forum thread's title, then the pasted notice's own
    (["r/NATOjobs", "NSPA Contracting Officer (Aviation Support) G15 – Capellen – anyone been through their process?",
      "", "Vacancy Notice 26/LD/047", "Contracting Officer (Aviation Support)", "Location: Capellen, Luxembourg",
      "Grade: G15"], "Contracting Officer (Aviation Support)"),
])
def test_titles_above_fields_in_forums_and_breadcrumbs(lines: list[str], title: str) -> None:
    assert extract_facts(lines).values["title"] == title


def test_a_title_after_what_the_notice_is_or_at_the_end_of_a_breadcrumb() -> None:
    assert clean_title("VACANCY NOTICE – Analyst (Data Science)") == "Analyst (Data Science)"
    assert clean_title("Careers > Civilian vacancies > Procurement Officer") == "Procurement Officer"


def test_a_parent_body_then_its_centre_and_gmt_for_a_post_in_london() -> None:
    lines = ["NATO STO – Centre for Maritime Research and Experimentation (CMRE)", "Scientist (Ocean Engineering)",
             "Grade: A.2"]
    assert extract_facts(lines).values["organisation"] == "Centre for Maritime Research and Experimentation (CMRE)"
    values = extract_facts(["Programme Manager", "Location: London, United Kingdom",
                            "Closing date: 2 February 2027, 23:59 GMT"]).values
    assert (values["timezone"], values["deadline"]) == (
        "Europe/London", dt.datetime(2027, 2, 2, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/London")))


def test_a_german_ministrys_reposting() -> None:
    lines = ["NATO-Stellenausschreibung: Engineer (Mission Systems Software) (m/w/d)", "", "Ausschreibungsnummer",
             "27/E3A/014", "Originaltitel", "Engineer (Mission Systems Software)", "Besoldung", "NATO-Besoldungsgruppe A2",
             "Vertragsart", "befristet (Erstvertrag drei Jahre)", "Bewerbungsschluss", "22. Februar 2027, 23:59 Uhr (MEZ)"]
    values = extract_facts(lines).values
    assert (values["reference"], values["grade"], values["contract"], values["timezone"]) == (
        "27/E3A/014", "G15", "definite duration", "Europe/Brussels")


def test_a_heading_on_a_labels_line_several_fields_on_one_and_a_profile_in_hyphens() -> None:
    lines = ["VACANCY NOTICE Vacancy No.: NCIA 27/018",
             "PROCUREMENT OFFICER Reference: NSPA 27-045 Grade: A.2 Location: Capellen, Luxembourg Schedule: Full-time",
             "", "• English (Professional) – Standardized Language Profile", "  (SLP) 3-3-3-3 (Listening, Speaking)."]
    values = extract_facts(lines).values
    assert (values["reference"], values["grade"], values["location"], values["languages"]) == (
        "NCIA 27/018", "G15", "Capellen, Luxembourg", {"English": "3333"})


def test_a_bilingual_pages_row_of_buttons_is_chrome() -> None:
    assert is_chrome_line("Accetta tutti / Accept all Rifiuta / Reject Informativa privacy")
    assert not is_chrome_line("Apply online / En ligne : https://nato.taleo.net")


@pytest.mark.parametrize("sentence", [
    "The successful candidate will be required to work full-time, 40 hours per week.",
    "Please note that the working hours are full-time (37.5 hours/week).",
    "Working week: 37.5 hours, Monday to Friday (full-time). Flexible working hours apply.",
    "Full-time Matches your job preferences, job type is Full-time.",
])
def test_a_schedule_said_in_a_sentence(sentence: str) -> None:
    assert prose.find_schedule(f"Engineer\n\n{sentence}\n") == "Full-time"


def test_us_eastern_time_and_a_salary_sentence_with_a_clause_before_its_figure() -> None:
    lines = ["Staff Officer", "Closing Date: 22 April 2027 at 23:59 hrs (US Eastern Time)", "",
             "Salary: The post is graded A-2. The basic monthly salary (step 1), which is free of",
             "Norwegian income tax, is NOK 77 542,16, to which allowances may be added."]
    values = extract_facts(lines).values
    assert (values["timezone"], values["salary"], values["currency"]) == ("America/New_York", 77542.16, "NOK")


def test_notes_in_brackets_and_after_the_figure_naming_other_grades() -> None:
    lines = ["Officer (Logistics Plans)", "Grade: NATO Grade G15 (the G16 one, JFCBS 27/015, pays €7,987.10)", "",
             "Basic monthly salary (12 times a year), exempt from Belgian income tax: EUR 6,912.84, plus allowances "
             "according to the individual's eligibility. Note: the salary for the G16 grade was EUR 7,987.10."]
    values = extract_facts(lines).values
    assert (values["grade"], values["salary"]) == ("G15", 6912.84)


def test_an_organisation_heading_and_its_sentence_and_a_sentences_end_that_names_a_label() -> None:
    lines = ["Procurement Officer (Ammunition)", "Grade: G15", "", "ORGANISATION",
             "The NATO Support and Procurement Agency (NSPA) is NATO's integrated logistics and procurement organisation,",
             "bringing together its support activities. The post is in the Operations Support", "Branch.", "",
             "PRINCIPAL DUTIES"]
    values = extract_facts(lines).values
    assert (values["organisation"], values.get("division")) == ("NATO Support and Procurement Agency (NSPA)", None)


def test_an_org_mode_files_settings_and_a_notes_dated_heading() -> None:
    text = ("#+TITLE: NDC Rome - library job (typed from the printed notice)\n#+STARTUP: showall\n\n* Notes\n"
            "Notater – JWC stilling (lagret 14.10.2026)\n\nJOINT WARFARE CENTRE (JWC)\nStavanger, Norway\n\n"
            "Post Title: Scenario Development Officer\nGrade: G15\n")
    assert not any(line.startswith("#+") for line in clean_lines(text))
    assert facts(text).values["organisation"] == "Joint Warfare Centre (JWC)"


def test_a_sidebar_of_other_open_vacancies_above_the_posting() -> None:
    cards = "".join(f"- Assistant {n}\nNATO Grade G10 · Mons, Belgium\nEUR 4,982.17 / month\n"
                    f"Closing date: {n} January 2027\n" for n in (10, 20))
    text = ("Home › Careers › Civilian vacancies\n\nOther open vacancies\n\n" + cards + "\nStay informed\n\n"
            "Engineer (Cyber Security Accreditation)\n\n"
            + "".join(f"Duty {n}: assess the security of NATO's communication and information systems.\n" for n in range(12)))
    lines = clean_lines(text)
    assert "EUR 4,982.17 / month" not in lines and "Engineer (Cyber Security Accreditation)" in lines


def test_a_slack_messages_author_and_time_and_a_schedule_after_the_title() -> None:
    assert is_chrome_line("Marta Kowalczyk  9:14 AM") and not is_chrome_line("Closing Date 9:00 AM")
    assert clean_title("Training Support Assistant (Part-Time)") == "Training Support Assistant"


def test_a_digests_featured_match_a_place_after_the_title_and_the_zones_of_estonia_and_spain() -> None:
    lines = ["Your job alert: 4 new jobs", "", "FEATURED MATCH (98 % match with your profile)",
             "Procurement Officer (Land Munitions)", "NATO Support and Procurement Agency (NSPA)", "Grade: G15"]
    assert extract_facts(lines).values["title"] == "Procurement Officer (Land Munitions)"
    assert clean_title("Senior Cloud Platform Engineer (The Hague)") == "Senior Cloud Platform Engineer"
    tallinn = extract_facts(["Legal Researcher", "Duty station: Tallinn, Estonia",
                             "Application deadline: 15 March 2027, 17:00 EET"]).values
    assert (tallinn["timezone"], tallinn["deadline"]) == (
        "Europe/Tallinn", dt.datetime(2027, 3, 15, 17, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Tallinn")))
    madrid = extract_facts(["Technician", "Applications must be submitted no later than 2 May 2027, 23:59 Spanish "
                            "peninsular time."]).values
    assert madrid["timezone"] == "Europe/Madrid"


# ---- blind rounds 114-121 ------------------------------------------------------------------


def test_a_cookie_dialogs_categories_a_sites_menu_items_and_a_workload() -> None:
    assert is_chrome_line("Necessary Preferences Statistics Marketing")
    assert not is_chrome_line("Marketing") and not is_chrome_line("Necessary documents")
    assert is_chrome_line("[Apply] [Save job] [Send to a friend]") and not is_chrome_line("[Draft] Terms of Reference")
    text = ("CCDCOE\n- About Us\n- Organisation\n- Member Nations\n- Partners\n\nResearcher (International Law)\n\n"
            "Employer: NATO Cooperative Cyber Defence Centre of Excellence (CCDCOE)\nLocation: Tallinn, Estonia\n"
            "Workload: Part-time (0.6 FTE, 24 hours per week)\n")
    values = facts(text).values
    assert values["organisation"] == "NATO Cooperative Cyber Defence Centre of Excellence (CCDCOE)"
    assert values["schedule"] == "Part-time"


def test_a_table_label_in_the_boards_language_then_in_english() -> None:
    from natosite.importer.fields import label_key

    lines = clean_lines("Dienstposten / Post title\tAvionics Maintenance Technician\nAnzahl / Number of posts\t3\n"
                        "Sicherheitsbescheid / Clearance\tNATO SECRET\n")
    assert lines[0] == "Dienstposten / Post title: Avionics Maintenance Technician"
    assert [(f.key, f.value) for f in find_fields(lines)] == [
        ("title", "Avionics Maintenance Technician"), ("posts", "3"), ("clearance", "NATO SECRET")]
    assert label_key("Oferujemy / Contract") is None  # (alone on a line: a section's heading in two languages)


def test_a_notice_number_of_a_body_with_a_figure_in_its_name_or_below_the_heading() -> None:
    assert facts("Stellenausschreibung / Vacancy Notice E3A-27-003\nTitle: Technician\n").values["reference"] == (
        "E3A-27-003")
    text = "NATO Airborne Early Warning & Control Force\nVACANCY NOTICE\nNAEW&CF/VN/27-011\nPost Title: Supervisor\n"
    assert facts(text).values["reference"] == "NAEW&CF/VN/27-011"


def test_a_note_apps_callout_is_no_title_and_a_boards_row_under_the_title() -> None:
    text = ("# Alert 11 Feb\n\n> [!note] My notes\n> - closes end of Feb\n> - ask Pieter for a reference\n\n"
            "Featured employer: **European Investment Bank** – 14 vacancies\n\n"
            + "".join(f"Line {n} of the alert's own text, which goes on for a while.\n" for n in range(14))
            + "\nOfficer (Arms Control and Disarmament)\nNATO International Staff · Brussels, Belgium · Posted 9 Feb 2027\n\n"
            "[Apply] [Save job]\n\nOrganisation: NATO International Staff (NATO IS)\nLocation: Brussels, Belgium\n"
            "Reference: 271034\nGrade: NATO Grade G17\n")
    values = facts(text).values
    assert values["title"] == "Officer (Arms Control and Disarmament)" and values["posts"] == 1


def test_a_header_above_the_title_beats_a_body_a_forwarders_note_names() -> None:
    text = ("Deadline is Monday 22 March. Don't mix it up with the G14 one at HQ AIRCOM, that one closes 2 March.\n\n"
            + "".join(f"Line {n} of the thread, about other things entirely\n" for n in range(19))
            + "\nALLIED MARITIME COMMAND (MARCOM)\nNorthwood, United Kingdom\n\nPOST TITLE: Engineer (Maritime C2)\n"
            "GRADE: G16\n")
    assert facts(text).values["organisation"] == "Allied Maritime Command (MARCOM)"


def test_a_chat_exports_lines_before_the_paste_and_a_place_on_the_boards_card() -> None:
    text = ("[25/02/2027, 19:41:05] Marek: \u200eMessages and calls are end-to-end encrypted. Only people in this "
            "chat can read, listen to, or share them.\n[25/02/2027, 19:41:05] Marek: hey, you still looking at Norfolk?\n"
            "[25/02/2027, 19:42:31] Ola: yes!! why\n[25/02/2027, 19:43:58] Marek: Offres d'emploi › Défense\n"
            "Staff Officer (Capability Requirements)\nHeadquarters Supreme Allied Commander Transformation (HQ SACT)\n"
            "Norfolk, Virginia, États-Unis\nTemps plein · Sur site\n\nDescription du poste\n\n"
            "Vacancy: ACT-CAPDEV-27-05\nGrade: NATO G17\nClosing date: 9 March 2027, 23:59 EST\n")
    values = facts(text).values
    assert values["title"] == "Staff Officer (Capability Requirements)" and values["reference"] == "ACT-CAPDEV-27-05"
    assert values["location"] == "Norfolk, Virginia, United States"


def test_a_schedule_on_the_boards_card_above_a_rule() -> None:
    text = ("StepStone\n\nLogistics Assistant (Supply) (m/w/d)\nNATO Airborne Early Warning & Control Force\n\n"
            "Geilenkirchen\nFeste Anstellung\nVollzeit\n\n" + "-" * 40 + "\nStellenbeschreibung\n" + "-" * 40 + "\n\n"
            "NATO Airborne Early Warning & Control Force (NAEW&CF)\nPost title: Logistics Assistant (Supply)\n"
            "Grade: G6\nLocation: Geilenkirchen, Germany\n\nThe incumbent manages the supply chain of the Component.\n")
    assert facts(text).values["schedule"] == "Full-time"


def test_a_place_in_chinese_the_names_table_cannot_read_and_the_notices_own() -> None:
    text = ("工作地点：美国 · 弗吉尼亚州诺福克\n\nCapability Development Officer\n"
            "Headquarters Supreme Allied Commander Transformation (HQ SACT)\nNorfolk, Virginia, United States\n\n"
            "Post Title: Capability Development Officer\nNATO Grade: G16\n")
    assert facts(text).values["location"] == "Norfolk, Virginia, United States"
    assert facts("工作地点: 布鲁塞尔, 比利时\n职位: Officer\n").values["location"] == "Brussels, Belgium"


def test_a_deadline_with_its_weekday_in_brackets_or_after_received_by_and_a_glued_level() -> None:
    values = facts("Closing date: 03/05/2026 (Sunday), 23:59 CEST\n").values
    assert values["deadline"] == dt.datetime(2026, 5, 3, 23, 59, tzinfo=BRUSSELS)
    values = facts("Closing Date\nApplications must be received by 23:59 hrs Eastern Time (Norfolk, VA) on "
                   "18 February 2027\n").values
    assert values["deadline"] == dt.datetime(2027, 2, 18, 23, 59, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    assert prose.find_clearance("Security Clearance: must hold a NATO SECRETsecurity clearance") == "NATO SECRET"
    assert prose.find_clearance("Security: report to the Secretary General") is None
    assert prose.find_languages("a NATO Standardized Language Profile (SLP) of 3333 in English") == {"English": "3333"}


def test_a_grade_and_a_division_a_pdf_ran_together_are_no_body() -> None:
    text = ("HEADQUARTERS SUPREME ALLIED COMMANDER TRANSFORMATION\nNorfolk, Virginia\nCIVILIAN VACANCY NOTICE\n"
            "Grade: Division:\nNATO Grade G18 Capability Development (CAPDEV)\nPost Title: Staff Officer\n\n"
            "Headquarters Supreme Allied Commander Transformation (HQ SACT) leads the warfare development of NATO.\n")
    assert facts(text).values["organisation"] != "NATO Grade G18 Capability Development (CAPDEV)"


# ---- blind rounds 122-125 ------------------------------------------------------------------


def test_taleos_deadline_in_utc_and_the_notices_own_time_of_the_same_moment() -> None:
    stated = facts("Application Deadline: 08-Mar-2026, 10:59:00 PM (UTC)\n\nApplications must be submitted by 8 March "
                   "2026, 23:59 (Brussels time).\n").values
    assert (stated["deadline"], stated["timezone"]) == (dt.datetime(2026, 3, 8, 23, 59, tzinfo=BRUSSELS), "Europe/Brussels")
    said = facts("Application Deadline\n12-Apr-2026, 9:59:00 PM\n\nApplications must be submitted by 12 April 2026, 23:59 "
                 "(Brussels time) via the portal. Please note that the system displays deadlines in\nUTC.\n").values
    assert said["deadline"] == dt.datetime(2026, 4, 12, 23, 59, tzinfo=BRUSSELS)
    alone = facts("Application Deadline: 08-Mar-2026, 10:59:00 PM (UTC)\n").values  # (no other time: as it is)
    assert alone["timezone"] == "UTC" and alone["deadline"].hour == 22


def test_two_fields_on_a_pdfs_line_with_capitalised_labels_and_the_alliances_name_in_french() -> None:
    lines = ["Post Title: Staff Officer (Capability Requirements) NATO Grade: G17",
             "Division: Capability Development (CAPDEV) Post Number: CDRXCR0110",
             "Location: Mons Belgium Schedule: Full-time"]
    assert [(f.key, f.value) for f in find_fields(lines)] == [
        ("title", "Staff Officer (Capability Requirements)"), ("grade", "G17"),
        ("division", "Capability Development (CAPDEV)"), ("reference", "CDRXCR0110"),
        ("location", "Mons Belgium"), ("schedule", "Full-time")]
    assert facts("Empresa: OTAN - Combined Air Operations Centre Torrejón (CAOC TJ)\nPuesto: Technician\n").values[
        "organisation"] == "Combined Air Operations Centre Torrejón (CAOC TJ)"


def test_a_word_tables_cells_a_blank_line_apart_under_the_role() -> None:
    text = ("Note to self – apply before the weekend, essay not needed for this one.\n\n"
            "Salary not in the notice – G15 was around 7,325 € last year?? check the scale.\n\n"
            "Officer (Resilience and Civil Preparedness) (2 posts)\n\nVacancy\n\n260203\n\nNATO Body\n\n"
            "NATO International Staff (NATO IS)\n\nDivision\n\nOperations Division (OPS)\n\nGrade\n\nNATO Grade G15/G16\n")
    values = facts(text).values
    assert values["title"] == "Officer (Resilience and Civil Preparedness)" and values["posts"] == 2


def test_a_salary_sentence_with_a_clause_before_its_colon_and_a_boards_estimate_without_spaces() -> None:
    text = ("REMUNERATION\nBasic monthly salary (12 times per year), exempt from national income\n"
            "tax: EUR 7,641.18. Allowances may apply depending on personal situation.\n")
    assert facts(text).values["salary"] == 7641.18
    values = facts("Administrative Assistant (Registry)\n- Pay: €38,000.00-€46,000.00 per year (Glassdoor est.)\n"
                   "NATO Grade: G7\n").values
    assert values["salary"] is None


def test_a_heading_over_labelled_fields_is_no_label_of_the_first() -> None:
    lines = ["Vacancy", "", "Reference: NETMA 27/05", "Post title: Engineer (Avionics Software)"]
    assert [(f.key, f.value) for f in find_fields(lines)] == [
        ("reference", "NETMA 27/05"), ("title", "Engineer (Avionics Software)")]


# ---- blind rounds 126-129 ------------------------------------------------------------------


def test_a_sites_name_above_its_menu_is_no_title() -> None:
    text = ("Jobat\n- Vacatures\n- Werkgevers\n- Carrièretips\n- Aanmelden\n- Assistant (Budget and Finance)\n\n"
            "Assistant (Budget and Finance)\n\nNATO International Staff\n- Brussel (Evere)\n")
    assert facts(text).values["title"] == "Assistant (Budget and Finance)"


def test_a_long_label_in_two_languages_and_a_bilingual_tables_rows() -> None:
    line = "Basic monthly salary / Salaire mensuel de base : 7 845,21 € (tax free / exonéré d'impôts)"
    assert [(f.key, f.value) for f in find_fields([line])] == [("salary", "7 845,21 € (tax free / exonéré d'impôts)")]
    lines = clean_lines("Location / Lieu d’affectation\tRome, Italy\tRome, Italie\n"
                        "Post title / Intitulé du poste\tLibrary Assistant\tAssistant(e) de bibliothèque\n"
                        "Closing date / Date de clôture\t15 January 2027, 12:00 (ora italiana / Italian time)\n")
    assert [(f.key, f.value) for f in find_fields(lines)] == [
        ("location", "Rome, Italy"), ("title", "Library Assistant"),
        ("deadline", "15 January 2027, 12:00 (ora italiana / Italian time)")]


def test_a_code_under_a_title_label_a_clearance_with_a_note_and_a_place_with_its_duty_station() -> None:
    values = facts("Vacancy: E-3A-27-009\nPost Title: Engineer (Avionics Systems)\n\nSECURITY CLEARANCE\n"
                   "NATO SECRET (the candidate must hold or be able to obtain it).\n").values
    assert (values["title"], values["reference"]) == ("Engineer (Avionics Systems)", "E-3A-27-009")
    assert values["clearance"] == "NATO SECRET"
    assert normalise_location("Casteau (Mons), Belgium") == "Casteau (Mons), Belgium"
    assert normalise_location("Casteau, Belgium") == "Mons, Belgium"


# ---- blind rounds 130-133 ------------------------------------------------------------------


def test_a_schedule_after_a_dash_and_a_sites_name_of_several_words_above_its_menu() -> None:
    assert clean_title("Senior Assistant (Archives) – part-time") == "Senior Assistant (Archives)"
    assert clean_title("Officer - Full-time") == "Officer"
    text = ("Emplois Défense & Aéronautique\n- Offres d’emploi\n- Entreprises\n- Recruteurs\n"
            "Accueil › Offres d’emploi › Aix-en-Provence\n\nOrganisation internationale Temps plein CDD\n\n"
            "Contracts Officer\n\nNATO Helicopter Management Agency (NAHEMA) – Aix-en-Provence (13)\n")
    assert facts(text).values["title"] == "Contracts Officer"


# ---- blind rounds 134-137 ------------------------------------------------------------------


def test_taleos_title_with_a_bodys_code_and_a_chat_apps_own_lines() -> None:
    text = ("[02/09/2027, 20:41:17] Marta Silva: \u200eMessages and calls are end-to-end encrypted.\n"
            "[02/09/2027, 20:41:17] \u200eMarta Silva created group \"NATO jobs\"\n"
            "[02/09/2027, 20:43:02] Marta Silva: ok this is where we dump postings\n"
            "[12/09/2027, 21:14:55] Marta Silva: Programme Manager (Energy and Power)-DIANA 27/031\n"
            "United Kingdom-London\nApply Online\n\nNATO Body: Defence Innovation Accelerator for the North Atlantic (DIANA)\n"
            "Location: London, United Kingdom\n")
    values = facts(text).values
    assert (values["title"], values["reference"]) == ("Programme Manager (Energy and Power)", "DIANA 27/031")
    text = "Civilian vacancy notice – SHP 27/011\n\nEngineer (Cyber Security Accreditation)\nGrade: G15\n"
    assert facts(text).values["title"] == "Engineer (Cyber Security Accreditation)"


def test_a_caoc_after_its_parent_a_title_in_quotes_with_its_grade_and_counts_after_a_dash() -> None:
    assert facts("Empresa: Allied Air Command – Combined Air Operations Centre Torrejón (CAOC TJ)\nPuesto: Assistant\n"
                 ).values["organisation"] == "Combined Air Operations Centre Torrejón (CAOC TJ)"
    assert clean_title('"Vacancy: Research Assistant (G11) – part-time') == "Research Assistant"
    values = facts("Post:             Programme Officer (NH90 Logistics Support) - 2 posts\nGrade: G15\n"
                   "Type of Employment: Full-time\n").values
    assert (values["title"], values["posts"], values["schedule"]) == (
        "Programme Officer (NH90 Logistics Support)", 2, "Full-time")


# ---- blind rounds 138-141 ------------------------------------------------------------------


def test_an_employer_line_with_its_short_form_first_or_its_place_and_size_after() -> None:
    assert facts("Organization: NSPA - NATO Support and Procurement Agency\nTitle: Procurement Officer\n"
                 ).values["organisation"] == "NATO Support and Procurement Agency (NSPA)"
    assert facts("Arbeitgeber: NATO Allied Air Command (AIRCOM) · Ramstein · 500–1000 Mitarbeitende\nTitle: Clerk\n"
                 ).values["organisation"] == "NATO Allied Air Command (AIRCOM)"
    text = ("The NATO Strategic Communications Centre of Excellence (NATO StratCom COE) in Riga is a multinational "
            "centre.\nPosition reference: COE/27/04\nPosition: Senior Expert (Data Science)\n")
    values = facts(text).values
    assert (values["organisation"], values["reference"]) == (
        "NATO Strategic Communications Centre of Excellence (NATO StratCom COE)", "COE/27/04")


def test_a_number_ending_a_links_address_is_no_vacancy_number_and_a_notice_number_with_an_ampersand() -> None:
    text = ("# Scientist (Underwater Acoustics)\n\n[NATO - North Atlantic Treaty Organization]"
            "(https://www.devex.com/organizations/nato-north-atlantic-treaty-organization-48112)\n\nGrade: G18\n")
    assert facts(text).values["reference"] is None
    text = "CIVILIAN VACANCY NOTICE NAEW&CF 27-007\n\nTechnician (Avionics)\nGrade: G9\n"
    assert facts(text).values["reference"] == "NAEW&CF 27-007"


def test_a_dates_form_before_its_time_and_a_local_time_with_its_place_in_brackets() -> None:
    values = facts("Title: Scientist\nClosing date: 02/03/2027 (dd/mm/yyyy), 23:59 Rome time\n").values
    assert (values["deadline"], values["timezone"]) == (
        dt.datetime(2027, 3, 2, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Rome")), "Europe/Rome")
    values = facts("Title: Officer\nClosing Date: 14 August 2026 – 1700 hrs local (Geilenkirchen) time\n").values
    assert (values["deadline"], values["timezone"]) == (
        dt.datetime(2026, 8, 14, 17, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")), "Europe/Berlin")


def test_a_greek_boards_type_of_work() -> None:
    assert facts("Title: Contracting Officer\nΤύπος εργασίας: Πλήρης απασχόληση\n").values["schedule"] == "Full-time"


def test_a_browsers_print_header_and_footer_are_page_furniture() -> None:
    text = ("3/1/26, 10:42 AM Policy Officer (Climate Change and Security)-260112\nnato.taleo.net\n"
            "Policy Officer (Climate Change and Security)-260112\nGrade: G16\n" + "The incumbent supports.\n" * 8 +
            "about:reader?url=https://nato.taleo.net/careersection/2/jobdetail.ftl?job=260112&lang=en 1/2\n"
            "3/1/26, 10:42 AM Policy Officer (Climate Change and Security)-260112\nThe incumbent drafts papers.\n"
            "about:reader?url=https://nato.taleo.net/careersection/2/jobdetail.ftl?job=260112&lang=en 2/2\n")
    lines = clean_lines(text)
    assert not [line for line in lines if "10:42" in line or "about:reader" in line]
    assert facts(text).values["title"] == "Policy Officer (Climate Change and Security)"


# ---- blind rounds 142-145 ------------------------------------------------------------------


def test_antiwords_table_rows_with_the_labels_colon_in_the_cell() -> None:
    text = "|Vacancy Notice No.:    |27/041        |\n|Post title:            |Capability Officer |\n"
    assert facts(text).values["reference"] == "27/041"
    assert clean_lines(text)[1] == "Post title: Capability Officer"


def test_a_full_time_position_offered_in_a_list_and_a_tables_position_type_or_job_status() -> None:
    text = "Title: Procurement Officer\n\nWhat we offer\n- A full-time position in a multinational environment;\n"
    assert facts(text).values["schedule"] == "Full-time"
    assert facts("Title: Officer\nPosition type: Part-time\n").values["schedule"] == "Part-time"
    assert facts("Title: Scientist\nJob Status: Full-time\nHours Per Week: 37.5\n").values["schedule"] == "Full-time"


def test_an_org_files_block_marks_a_forums_quote_author_and_old_reddits_head() -> None:
    text = "* TODO apply\n#+begin_quote\nPanel Executive (Human Factors and Medicine)\nGrade: G15\n#+end_quote\n"
    assert facts(text).values["title"] == "Panel Executive (Human Factors and Medicine)"
    text = "NATO Careers (Taleo) a écrit : Head, Arms Control and Disarmament Section\nGrade: G22\n"
    assert facts(text).values["title"] == "Head, Arms Control and Disarmament Section"
    assert is_chrome_line("jump to content")


def test_a_titles_vacancy_code_after_a_dash() -> None:
    assert clean_title("Procurement Officer (Aviation Spares) – 27/PR/0441") == "Procurement Officer (Aviation Spares)"
    assert clean_title("Officer - JFCBS 26/41") == "Officer"
    assert clean_title("Engineer – NH90/TTH") == "Engineer – NH90/TTH"


def test_an_allowance_after_the_salary_fields_words_is_no_salary() -> None:
    value = ("Basic salary in accordance with the NATO salary scale for Norway (tax-free). Non-resident candidates may "
             "be entitled to a household allowance; a rent allowance of up to NOK 9,500 per month may be payable.")
    assert parse_salary(value) == (None, None, False)
    assert parse_salary("EUR 5,012.44 (plus expatriation allowance of 16%)")[:2] == (5012.44, "EUR")


def test_a_body_then_its_command_and_a_header_wrapped_over_two_lines() -> None:
    assert facts("Organisation: Joint Warfare Centre (JWC), Allied Command Transformation\nTitle: Officer\n"
                 ).values["organisation"] == "Joint Warfare Centre (JWC)"
    text = ("Staff Officer (Resilience Policy)-270341\nPrimary Location\nBelgium-Mons\nNATO Body\n"
            "Supreme Headquarters Allied Powers\nEurope (SHAPE)\nSchedule\nFull-time\n")  # (a phone's OCR: short lines)
    assert facts(text).values["organisation"] == "Supreme Headquarters Allied Powers Europe (SHAPE)"


# ---- blind rounds 146-149 ------------------------------------------------------------------


def test_how_often_a_monthly_salary_is_paid_a_bilingual_notices_heading_and_a_wrapped_capitals_name() -> None:
    assert parse_salary("EUR 7,721.88 (12 payments/year, exempt from Italian income tax)") == (7721.88, "EUR", False)
    text = ("VACANCY NOTICE / AVIS DE VACANCE\nNDC 02/2027\n\nDate of issue: 29 March 2027\n\n"
            "Post: Librarian (Digital Collections)\nGrade: G13\n")
    assert facts(text).values["reference"] == "NDC 02/2027"
    name = "NATO HELICOPTER DESIGN AND DEVELOPMENT, PRODUCTION AND LOGISTICS MANAGEMENT AGENCY (NAHEMA)"
    assert _mixed_case(name) == "NATO Helicopter Design and Development, Production and Logistics Management Agency (NAHEMA)"
    text = ("Arbeidsgiver: NATO STO – Centre for Maritime Research and Experimentation\nScientist\n\n"
            "The Centre for Maritime Research and Experimentation (CMRE) is an executive body of the STO.\n")
    assert facts(text).values["organisation"] == "Centre for Maritime Research and Experimentation (CMRE)"


# ---- blind rounds 150-153 ------------------------------------------------------------------


def test_a_title_with_its_employer_and_place_a_heading_code_with_a_figure_and_how_many_posts_under_post() -> None:
    text = "Procurement Officer (Fuels and Energy) – NSPA – Capellen (H/F)\n\nGrade: G16\n"
    assert facts(text).values["title"] == "Procurement Officer (Fuels and Energy)"
    assert facts("NATO AIRBORNE EARLY WARNING & CONTROL FORCE\n\nCIVILIAN VACANCY E3A-26/117\n\nTechnician\n"
                 ).values["reference"] == "E3A-26/117"
    text = "Senior Engineer (Cyber Security Architecture)-260318\nLocation: The Hague, Netherlands\nPost: 1 post\n"
    assert facts(text).values["title"] == "Senior Engineer (Cyber Security Architecture)"


@pytest.mark.parametrize("text, expected", [
    ("c. The working week is 37.5 hours, full-time.", "Full-time"),
    ("We work 20 hours per week, part-time; the rest is leave.", "Part-time"),
    ("a. The posts are full-time. Successful candidates will be offered a contract.", "Full-time"),
    ("37.5 hours, full-time equivalent of a G12.", None),
])
def test_a_working_week_then_its_schedule_and_posts_that_are_full_time(text: str, expected: str | None) -> None:
    assert prose.find_schedule(text) == expected


def test_a_salary_sentence_naming_an_old_grade_is_the_posts_when_its_grade_is() -> None:
    text = "The basic monthly salary for grade A.2 at CMRE is EUR 7,438.62 (step 1), tax-free."
    assert prose.find_salary_sentence(text, "G15") == "EUR 7,438.62"  # (A.2 is G15)
    assert prose.find_salary_sentence(text, "G16") is None


def test_a_cell_a_line_wrapped_with_a_bracket_across_its_lines() -> None:
    text = ("VACANCY NOTICE\nPost Title\nCapability Requirements\nAnalyst (Multi-Domain\nOperations)\nVacancy Number\n"
            "270143\nDirectorate\nCapability Development\n(CAPDEV)\nLocation\nNorfolk, Virginia, USA\n"
            "Job type\nFull-time staff\nExperience level\nSenior (5-10 years)\nSalary\nEUR 5,000.00\n")
    found = {f.key: f.value for f in find_fields(clean_lines(text))}
    assert found["title"] == "Capability Requirements Analyst (Multi-Domain Operations)"
    assert found["division"] == "Capability Development (CAPDEV)"
    assert found["schedule"] == "Full-time staff"  # (a label the importer does not know, and its value: not wrapped)


# ---- shapes met in blind rounds 154-157 ---------------------------------------------------


def test_a_pdf_glued_role_noun_is_set_apart_in_the_title() -> None:
    assert clean_title("ProcurementOfficer (Ammunition)") == "Procurement Officer (Ammunition)"
    assert clean_title("SharePoint Administrator (Records)") == "SharePoint Administrator (Records)"


def test_a_long_label_whose_comma_lost_its_space_still_gives_the_salary() -> None:
    found = facts("Post title: Clerk\n\nBasic monthly salary (12 x per year),tax free: 7.318,56 EUR\n").values
    assert (found["salary"], found["currency"]) == (7318.56, "EUR")


@pytest.mark.parametrize("value, code", [
    ("UAH 96,850 (gross)", "UAH"), ("96 850 грн", "UAH"), ("Monthly gross salary: MDL 31 400", "MDL"),
    ("3 000 ₾", "GEL"), ("KWD 1,800", "KWD"), ("1 200 lei", None),
])
def test_rarer_currencies(value: str, code: str | None) -> None:
    from natosite.importer.fields import currency_of

    assert currency_of(value) == code


def test_local_time_wrapped_over_two_lines_is_the_duty_stations_zone() -> None:
    found = facts(
        "Position: Communications Assistant\nDuty station: Chisinau, Republic of Moldova\n\n"
        "Closing date: Applications must be received by 15 January 2027, 17:00 local\ntime (Chisinau).\n"
    ).values
    assert found["location"] == "Chisinau, Moldova"
    assert found["timezone"] == "Europe/Chisinau"
    assert found["deadline"].utcoffset() == dt.timedelta(hours=2)


def test_pandoc_double_hyphen_before_a_wrapped_language_profile() -> None:
    text = "English -- NATO Standardized Language Profile\n(SLP) 3333 (Listening, Speaking, Reading,\nWriting)."
    assert prose.find_languages(text) == {"English": "3333"}


def test_a_clearance_level_with_its_short_form_wrapped_before_the_word_clearance() -> None:
    text = ("7. SECURITY CLEARANCE\nThe successful candidate must be able to obtain a COSMIC TOP SECRET (CTS)\n"
            "security clearance from their national authorities before appointment.\n")
    assert prose.find_clearance(text) == "COSMIC TOP SECRET"


def test_a_recruiters_lead_in_line_does_not_hide_the_title_above_the_fields() -> None:
    found = facts(
        "Hi Daniel,\n\nThanks for your questions, here is the summary.\n\n-----\nOur job code: NBX-2291\n"
        "Prepared by: Sophie van Dijk, Senior Consultant\n-----\n\nTHE CLIENT\nOur client is the NATO Communications "
        "and Information Agency (NCIA), the Alliance's provider of IT, cyber and C4ISR capabilities, with sites in "
        "The Hague and Mons.\n\nTHE ROLE (official title)\n"
        "Principal Engineer (Cloud Platforms)\n\nKey facts from the official vacancy notice:\n"
        "* Vacancy reference: 260814\n* NATO grade: G18\n* Location: The Hague, Netherlands\n"
    ).values
    assert found["title"] == "Principal Engineer (Cloud Platforms)"
    assert found["reference"] == "260814"


def test_a_pasted_from_caption_under_the_title_is_no_start_of_the_posting() -> None:
    found = facts(
        "## Branch Head (Operational Experimentation)\n\n*HQ SACT* – Norfolk, Virginia, United States\n"
        "pasted from the ACT civilian vacancies page, 7 Dec 2026\n\n| Vacancy Number | 270034 |\n| NATO Grade | G20 |\n"
        "\nPost context\nAllied Command Transformation leads the warfare development of NATO.\n"
    ).values
    assert found["title"] == "Branch Head (Operational Experimentation)"
    assert found["grade"] == "G20"


def test_a_digests_entries_numbered_in_brackets_the_detailed_one_wins() -> None:
    other = "[1] OSCE SECRETARIAT – SENIOR PROGRAMME OFFICER\nVacancy number VNSECS01843 | Vienna, Austria\n" \
            "Minimum 10 years of relevant experience.\nDeadline: 6 January 2027.\n\n"
    notice = "[2] NATO DEFENSE COLLEGE – FULL VACANCY NOTICE\n\nCIVILIAN VACANCY NOTICE – NDC/RD/27/03\n\n" \
             "Post title: Researcher (Deterrence and Defence)\nPost number: RDX 0040\nNATO grade: G15\n" \
             "Closing date: 14 January 2027\n\n" + "".join(
                 f"{k}. The incumbent conducts research on deterrence, topic {k}.\n" for k in range(1, 12)) + \
             "At least 5 years of professional experience in research.\n"
    found = facts("CAREERS DIGEST\n\n" + other + notice).values
    assert found["reference"] == "NDC/RD/27/03"
    assert found["experience_years"] == 5


def test_the_place_above_a_notices_fields_far_below_a_front_matter_title() -> None:
    menu = "".join(f"[Menu item {k}](https://example.org/{k})\n\n" for k in range(12))
    found = facts(
        '---\ntitle: "Scenario Specialist | JWC | LinkedIn"\n---\n\n' + menu + "JOINT WARFARE CENTRE (JWC)\n"
        "Stavanger, Norway\n\nVacancy number: JWC-27-05\nPost title: Scenario Specialist\nNATO Grade: G14\n"
    ).values
    assert found["location"] == "Stavanger, Norway"


def test_an_albanian_boards_type_of_work_is_the_schedule() -> None:
    found = facts("Post title: Procurement Officer\n- Lloji i punës: Me kohë të plotë\n").values
    assert found["schedule"] == "Full-time"


def test_a_title_line_ending_in_a_bodys_dashed_code_gives_title_and_reference() -> None:
    found = facts("Open civilian posts – Acoustics Programme\n\nScientist (Underwater Acoustics) – CMRE-26-14\n\n"
                  "Location: La Spezia, Italy\nGrade: G15/G16\n").values
    assert (found["title"], found["reference"]) == ("Scientist (Underwater Acoustics)", "CMRE-26-14")


def test_req_no_is_a_reference_label() -> None:
    assert facts("Staff Officer (Capability Requirements)\n\nReq. No.\nSACT-26-117\n\nGrade\nG19\n").values[
        "reference"] == "SACT-26-117"
