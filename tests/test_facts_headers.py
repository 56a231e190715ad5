"""Board headers in many styles: the board's own name is chrome, the facts come from the posting's lines.

Each case is small and made up for this file (not a copy of any held-out posting): a board name or
menu above the title, a title or reference under a label in some language, a salary label with a
note in brackets or glued by a PDF, a schedule among a badge line's items, a duty station in its
local name, the header's full name of the NATO body.
"""

from __future__ import annotations

import datetime as dt

import pytest

from natosite.importer.clean import clean_lines
from natosite.importer.facts import extract_facts
from natosite.importer.fields import (
    english_city,
    label_key,
    normalise_location,
    normalise_schedule,
    posts_of_line,
    schedule_of_line,
)
from natosite.importer.header import header_organisation, is_board_branding


def _facts(text: str) -> dict:
    return extract_facts(clean_lines(text)).values


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("Werkzoeken.nl — Vacatures in Limburg\nTerug naar overzicht\nBudget Analyst\nMons, Belgium", "Budget Analyst"),
        ("Indeed\nFind jobs | Company reviews\nProject Officer (Cyber)\nBrussels, Belgium", "Project Officer (Cyber)"),
        ("monster.de\nStartseite > Jobs > IT\nNetwork Technician\nRamstein, Deutschland", "Network Technician"),
        ("Lavoro e Carriere | Annunci\nHelpdesk Operator\nRoma, Italia", "Helpdesk Operator"),
        ("- Accueil\n- Offres\nChargé(e) de mission\nParis, France", "Chargé(e) de mission"),
    ],
)
def test_a_boards_name_and_menu_are_never_the_title(head: str, title: str) -> None:
    assert _facts(head + "\nSUMMARY\nText.")["title"] == title


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Vacancy: Records Management Clerk", "Records Management Clerk"),
        ("Post title: Senior Legal Adviser", "Senior Legal Adviser"),
        ("Intitulé du poste : Traducteur (anglais)", "Traducteur (anglais)"),
        ("Stellenbezeichnung: Sachbearbeiter Haushalt", "Sachbearbeiter Haushalt"),
        ("Functie: Beleidsmedewerker", "Beleidsmedewerker"),
        ("Stanowisko: Specjalista ds. logistyki", "Specjalista ds. logistyki"),
    ],
)
def test_labelled_titles(line: str, title: str) -> None:
    assert _facts(f"Some Board\n{line}\nGrade: G12")["title"] == title


def test_a_labelled_number_is_no_title() -> None:
    assert _facts("Vacancy: 261234\nSUMMARY\nThe Engineer builds things.")["title"] is None


@pytest.mark.parametrize(
    ("line", "reference"),
    [
        ("Vacature-ID: MARAIR-26-004", "MARAIR-26-004"),
        ("Rif.: NSPA-26-0120", "NSPA-26-0120"),
        ("Stellen-ID: JSEC-26-11", "JSEC-26-11"),
        ("Numer ogłoszenia: JFTC-2026-03", "JFTC-2026-03"),
        ("Requisition ID: 262001", "262001"),
        ("Vacancy Notice No. 2026/JALLC/02", "2026/JALLC/02"),
        ("Notice No: 2026-NDC-5", "2026-NDC-5"),
    ],
)
def test_reference_labels_in_many_languages(line: str, reference: str) -> None:
    assert _facts(f"Data Analyst\n{line}\nGrade: G12")["reference"] == reference


@pytest.mark.parametrize(
    ("line", "salary", "currency"),
    [
        ("Basic monthly salary (non-taxable): 5,120.40 EUR plus allowances.", 5120.40, "EUR"),
        ("Basic monthly salary (G12, step 1): 5,311.02 EUR", 5311.02, "EUR"),
        ("Stipendio base mensile: 4.101,77 €", 4101.77, "EUR"),
        ("Gehalt (Grundgehalt): 3.876,50 EUR monatlich", 3876.50, "EUR"),
        ("BasicSalary:6,002.13EUR per month", 6002.13, "EUR"),
        ("MonthlySalary:41,230.00NOK", 41230.0, "NOK"),
    ],
)
def test_salary_labels_with_notes_and_glued(line: str, salary: float, currency: str) -> None:
    values = _facts(f"Finance Assistant\n{line}\nGrade: G8")
    assert (values["salary"], values["currency"]) == (salary, currency)


def test_a_salary_table_of_other_grades_is_not_the_salary() -> None:
    text = "Finance Assistant\nGrade: G8\nNATO salary scale (EUR):\nG7 | 3,900.00\nG9 | 4,600.00\nSUMMARY\nText."
    assert _facts(text)["salary"] is None


@pytest.mark.parametrize(
    ("line", "schedule"),
    [
        ("Hybrid · Part-time", "Part-time"),
        ("Contratto: tempo indeterminato · Tempo parziale", "Part-time"),
        ("Teilzeit · Unbefristet", "Part-time"),
        ("Full-time, 2 posts", "Full-time"),
        ("Working pattern: Full-time", "Full-time"),
        ("Mons, Belgium\tHybrid\tFull-time", "Full-time"),
    ],
)
def test_schedule_from_badge_lines(line: str, schedule: str) -> None:
    assert _facts(f"Budget Officer\n{line}\nGrade: G12\nSUMMARY\nText.")["schedule"] == schedule


def test_a_sentence_about_full_time_work_is_no_schedule() -> None:
    assert schedule_of_line("This is a full-time post based in Mons.") is None
    assert schedule_of_line("Full-time · Part-time") is None  # both: unclear, left to the person


@pytest.mark.parametrize(
    ("value", "schedule"),
    [("Temps partiel – 2 postes", "Part-time"), ("tempo pieno (Full-time)", "Full-time"), ("Vollzeit.", "Full-time")],
)
def test_schedule_values_are_canonical(value: str, schedule: str) -> None:
    assert normalise_schedule(value) == schedule


@pytest.mark.parametrize(
    ("value", "location"),
    [
        ("Lisboa, Portugal", "Lisbon, Portugal"),
        ("Warszawa, Polska", "Warsaw, Poland"),
        ("München, Deutschland", "Munich, Germany"),
        ("Den Haag, Nederland", "The Hague, Netherlands"),
        ("Brunssum, Limburg", "Brunssum, Netherlands"),
        ("Geilenkirchen, Nordrhein-Westfalen", "Geilenkirchen, Germany"),
        # a US state, as a code, spelled out or with its ZIP code: the state spelled out and the country
        ("Springfield, Illinois", "Springfield, Illinois, United States"),
        ("Norfolk, Virginia", "Norfolk, Virginia, United States"),
        ("Norfolk, VA 23551", "Norfolk, Virginia, United States"),
        ("Norfolk, VA, USA", "Norfolk, Virginia, United States"),
        ("Norfolk, VA 23551, United States", "Norfolk, Virginia, United States"),
        ("Tbilisi, Georgia", "Tbilisi, Georgia"),  # the country, not the state
    ],
)
def test_duty_stations_in_english(value: str, location: str) -> None:
    assert normalise_location(value) == location


def test_english_city_keeps_the_district() -> None:
    assert english_city("Napoli (Bagnoli)") == "Naples (Bagnoli)"
    assert english_city("Anywhere") == "Anywhere"


@pytest.mark.parametrize(
    ("head", "location"),
    [
        ("Logistics Officer\nBrunssum, Limburg\nGrade: G12", "Brunssum, Netherlands"),
        ("Logistics Officer\nThe Hague, Netherlands\nGrade: G12", "The Hague, Netherlands"),
        ("Careers\nNATO Support and Procurement Agency (NSPA) — Taranto, Italy\nGrade: G9", "Taranto, Italy"),
        ("Logistics Officer\nStavanger, Norway\tOn-site\tFull-time\nGrade: G12", "Stavanger, Norway"),
    ],
)
def test_header_locations(head: str, location: str) -> None:
    assert _facts(head + "\nSUMMARY\nText.")["location"] == location


@pytest.mark.parametrize(
    ("head", "organisation"),
    [
        ("Plans Officer\nAllied Joint Force Command Naples (JFC Naples)\nNaples, Italy",
         "Allied Joint Force Command Naples (JFC Naples)"),
        ("Scientist\nNATO Science and Technology Organization — Office of the Chief Scientist (OCS)\nBrussels, Belgium",
         "NATO Science and Technology Organization — Office of the Chief Scientist (OCS)"),
        ("Clerk\nNATO Support and Procurement Agency (NSPA) — Capellen, Luxembourg",
         "NATO Support and Procurement Agency (NSPA)"),
    ],
)
def test_the_headers_full_organisation_name(head: str, organisation: str) -> None:
    assert _facts(head + "\nSUMMARY\nText.")["organisation"] == organisation


def test_glued_labels_are_read() -> None:
    assert label_key("ClosingDate") == "deadline"
    assert label_key("VacancyNumber") == "reference"
    values = _facts("Engineer\nClosingDate:3 Mar 2026 23:59 CET\nGrade: G12")
    assert values["deadline"] == dt.datetime(2026, 3, 3, 23, 59, tzinfo=values["deadline"].tzinfo)
    assert values["deadline"].utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("line", "posts"),
    [("Full-time, 3 posts", 3), ("Vollzeit · 2 Stellen", 2), ("Temps plein – 2 postes", 2), ("Part-time,2 posts", 2),
     ("We will fill 2 posts.", None), ("Building 2, Floor 3", None)],
)
def test_post_counts_in_badge_lines(line: str, posts: int | None) -> None:
    assert posts_of_line(line) == posts
    if posts:
        assert _facts(f"Policy Officer\n{line}\nGrade: G12\nSUMMARY\nText.")["posts"] == posts


@pytest.mark.parametrize(
    ("line", "branding"),
    [("Jobbörse Nord — Stellenangebote", True), ("Vacatures | Werkgevers | Inloggen", True), ("LinkedIn", True),
     ("Terug naar zoekresultaten", True), ("Policy Officer (Careers Service)", False),
     ("The post is advertised on careers.example.org.", False)],
)
def test_board_branding(line: str, branding: bool) -> None:
    assert is_board_branding(line) is branding


def test_the_boards_name_leaves_the_body_but_the_posting_stays() -> None:
    from natosite.importer import parse_posting

    text = "Indeed — Jobs\nProject Officer (Cyber)\nMons, Belgium\nSUMMARY\nThe Project Officer plans projects.\n"
    body = parse_posting(text, {"file": "x.txt"}).posting.body
    assert "Indeed" not in body and "The Project Officer plans projects." in body


def test_a_bodys_acronym_header_without_a_table_entry() -> None:
    assert header_organisation(["NATO Centre for Imaginary Studies (NCIS)"]) == "NATO Centre for Imaginary Studies (NCIS)"
    assert header_organisation(["Senior Officer (Plans)"]) is None
    assert header_organisation(["Chief Engineer (Networks)", "Mons, Belgium"], skip=None) is None


def test_a_reports_to_line_is_not_taken_for_the_title() -> None:
    assert _facts("Legal Counsel Office\nReports to: Head of Legal Office\nGrade: G15\nSUMMARY\nText.")["title"] == (
        "Legal Counsel Office"
    )


@pytest.mark.parametrize("title", ["Übersetzer (Deutsch)", "Chargée de mission (Énergie)", "Specjalista ds. kadr"])
def test_role_words_in_other_languages_after_a_board_name(title: str) -> None:
    assert _facts(f"Jobs.example — Stellen\nPortal Nord\n{title}\nBrussels, Belgium\nSUMMARY\nText.")["title"] == title


@pytest.mark.parametrize("label", ["Ref. No:", "Ref.No.", "Nr. ref.:", "Job ref:", "Reference No."])
def test_abbreviated_reference_labels_with_or_without_dots(label: str) -> None:
    assert label_key(label) == "reference"
    line = f"{label.rstrip(':')}: NSPA-26-0999"
    assert _facts(f"Data Analyst\n{line}\nGrade: G12")["reference"] == "NSPA-26-0999"


@pytest.mark.parametrize(("value", "location"), [("Oberammergau", "Oberammergau, Germany"), ("Den Haag", "The Hague, Netherlands")])
def test_a_duty_station_alone_gets_its_country(value: str, location: str) -> None:
    assert _facts(f"Data Analyst\nDuty station: {value}\nGrade: G12")["location"] == location


def test_a_duty_station_alone_in_a_dotted_header() -> None:
    assert _facts("Senior Interpreter (French)\nBrussels · On-site\nGrade: G15\nSUMMARY\nText.")["location"] == (
        "Brussels, Belgium"
    )


def test_spanish_board_header_and_role_title() -> None:
    from natosite.importer.clean import clean_lines
    from natosite.importer.facts import extract_facts

    text = ("Empleos OTAN › Bélgica\nOfertas de empleo | Buscar | Mi cuenta\nTécnico de Sistemas de Información\n"
            "NCIA · Mons, Bélgica · Publicado hace 3 días\nReferencia: 270101\n1. SUMMARY\nThe unit runs systems.\n")
    values = extract_facts(clean_lines(text)).values
    assert values["title"] == "Técnico de Sistemas de Información"
    assert values["location"] == "Mons, Belgium"


def test_a_menu_copied_item_by_item_above_the_title_is_a_menu() -> None:
    from natosite.importer.header import menu_run

    lines = ["Startseite", "Mein Netzwerk", "Nachrichten", "", "Unternehmen", "Premium", "Aircraft Maintenance Planner"]
    assert menu_run(lines) == [0, 1, 2, 4, 5]
    # three items are no menu; a notice's header in capitals, places and figures are no items
    assert menu_run(["Home", "Jobs", "About", "Engineer (Networks)"]) == []
    assert menu_run(["NATO", "OTAN", "INTERNATIONAL STAFF", "Brussels, Belgium", "Ref 270214", "Engineer"]) == []
