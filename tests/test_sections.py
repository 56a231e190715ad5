"""importer.sections and importer.markdown: headings, lists, reflow, glued words, escaping."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from natosite.importer.markdown import escape, unglue
from natosite.importer.sections import build_body, classify, heading_text


def body(*lines: str, skip=frozenset()) -> str:
    return build_body(list(lines), skip)


@pytest.mark.parametrize(
    "line, heading",
    [
        ("1. SUMMARY", "## Summary"), ("2.        QUALIFICATIONS AND EXPERIENCE", "## Qualifications and experience"),
        ("4. Essential Qualifications.", "## Essential Qualifications"), ("- QUALIFICATIONS AND EXPERIENCE",
                                                                          "## Qualifications and experience"),
        ("MAIN ACCOUNTABILITIES", "## Main accountabilities"), ("11. How to apply.", "## How to apply"),
        ("3. PRINCIPALES RESPONSABILITÉS", "## Principales responsabilités"), ("AUFGABEN", "## Aufgaben"),
        ("USEFUL INFORMATION REGARDING APPLICATION AND RECRUITMENT PROCESS",
         "## Useful information regarding application and recruitment process"),
    ],
)
def test_headings(line: str, heading: str) -> None:
    assert body(line) == heading + "\n"


def test_inline_heading_and_text() -> None:
    assert body("- SUMMARY The PSC Section develops HR policy.") == "## Summary\n\nThe PSC Section develops HR policy.\n"
    assert body("-  MAIN ACCOUNTABILITIES Policy Development Ensure that policy is developed.") == (
        "## Main accountabilities\n\n### Policy Development\n\nEnsure that policy is developed.\n"
    )
    assert body("6.       CONTRACT   Contract to be offered: three years.") == (
        "## Contract\n\nContract to be offered: three years.\n"
    )


def test_sub_headings_inside_sections() -> None:
    assert body("2. QUALIFICATIONS AND EXPERIENCE", "ESSENTIAL", "The incumbent must:", "- have a degree;") == (
        "## Qualifications and experience\n\n### Essential\n\nThe incumbent must:\n\n- have a degree;\n"
    )
    assert body("3. MAIN ACCOUNTABILITIES", "Stakeholder Management", "Interact with stakeholders.") == (
        "## Main accountabilities\n\n### Stakeholder Management\n\nInteract with stakeholders.\n"
    )


def test_lists() -> None:
    assert body("• one;", "  • two;", "·three", "o four") == "- one;\n- two;\n- three\n- four\n"
    assert body("a. Ensuring support.", "b. Supporting tasks.") == "- a. Ensuring support.\n- b. Supporting tasks.\n"
    assert body("(i) first point here", "(ii) second point here") == "- i. first point here\n- ii. second point here\n"
    assert body("4. Essential Qualifications.", "a. Professional / Experience.", "• Four years.") == (
        "## Essential Qualifications\n\n### a. Professional / Experience\n\n- Four years.\n"
    )


def test_numbered_sentences_are_an_ordered_list() -> None:
    assert body("1. Apply online before the deadline closes.", "2. Attach your essay and your CV.") == (
        "1. Apply online before the deadline closes.\n2. Attach your essay and your CV.\n"
    )


def test_reflow_joins_wrapped_lines_only() -> None:
    assert body("• Candidates must have an advanced level of English and an", "intermediate level of French.") == (
        "- Candidates must have an advanced level of English and an intermediate level of French.\n"
    )
    assert body("for the Director and the", "Deputy Director.") == "for the Director and the Deputy Director.\n"
    assert body("First paragraph ends here.", "second starts lowercase.") == (
        "First paragraph ends here.\n\nsecond starts lowercase.\n"
    )
    assert body("field (ISCED Level 6)", "c. Language.") == "field (ISCED Level 6)\n\n### c. Language\n"
    assert body("A paragraph", "", "another paragraph") == "A paragraph\n\nanother paragraph\n"


def test_skipped_lines_are_left_out() -> None:
    assert body("Grade", "NATO Grade G15", "Text.", skip={0, 1}) == "Text.\n"


@pytest.mark.parametrize(
    "glued, readable",
    [
        ("CivilianPersonnel", "Civilian Personnel"), ("NATOcivilian", "NATO civilian"),
        ("theNATOcivilian", "the NATO civilian"), ("HRTeam", "HR Team"), ("withMS Outlook", "with MS Outlook"),
        ("(PLNs)with", "(PLNs) with"), ("completed, or,resubmit", "completed, or, resubmit"),
        ("SharePoint", "SharePoint"), ("PowerPoint and LinkedIn", "PowerPoint and LinkedIn"), ("iPhone", "iPhone"),
        ("sent through StepStone or InfoJobs", "sent through StepStone or InfoJobs"),
        ("isprovisionally", "isprovisionally"), ("MSc", "MSc"), ("NATO-wide", "NATO-wide"), ("(s)he", "(s)he"),
        ("see https://example.org/SitePages/HomePage.aspx,now", "see https://example.org/SitePages/HomePage.aspx,now"),
    ],
)
def test_unglue(glued: str, readable: str) -> None:
    assert unglue(glued) == readable


HOSTILE = [
    "# not a heading", "## nor this", "| a | b |", "```", "~~~", "<iframe src='x'></iframe>", "<script>alert(1)</script>",
    "*stars* and _underscores_ and __bold__", "[link](javascript:alert(1))", "![img](x.png)", "&copy; &#169;",
    "2025. Was a year", "> quote", "---", "===", "+ plus", "1) one", "`code`", "\\ backslash", "<!-- comment -->",
    "Text with <b>bold</b> inside", "Setext\n===",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_itself(text: str) -> None:
    md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    for line in text.split("\n"):
        html = md.render(escape(line))
        assert html.startswith("<p>") and html.endswith("</p>\n"), (line, html)
        inner = html[3:-5]
        expected = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        assert inner == expected, (line, html)


def test_whole_body_of_hostile_lines_has_no_markup() -> None:
    md = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    html = md.render(body(*(line for line in HOSTILE[:-1] if line != "1) one")))  # "1) one" is a list item
    for tag in ("<h1", "<h2", "<table", "<pre", "<code", "<iframe", "<script", "<em", "<strong", "<a ", "<img",
                "<blockquote", "<hr", "<ol", "<ul", "<b>", "<!--"):
        assert tag not in html, tag


def test_heading_text_keeps_acronyms() -> None:
    assert heading_text("ROLE OF THE NATO IS HR TEAM.") == "Role of the NATO IS HR team"
    assert heading_text("Post Context.") == "Post Context"


def test_short_heading_lines_with_heading_words() -> None:
    assert body("About NCIA", "The Agency is NATO's IT provider.", "Role Summary", "Designs platforms.") == (
        "## About NCIA\n\nThe Agency is NATO's IT provider.\n\n## Role Summary\n\nDesigns platforms.\n"
    )
    assert body("OPEN TO NATIONALS OF NATO MEMBER STATES ONLY") == "OPEN TO NATIONALS OF NATO MEMBER STATES ONLY\n"
    assert body("1. SUMMARY", "English - SLP 3333") == "## Summary\n\nEnglish - SLP 3333\n"


def test_german_headings_keep_their_capital_nouns() -> None:
    assert heading_text("QUALIFIKATIONEN UND ERFAHRUNG") == "Qualifikationen und Erfahrung"
    assert heading_text("QUALIFICATIONS ET EXPÉRIENCE") == "Qualifications et expérience"


def test_pdf_glued_list_marks_and_numbered_headings() -> None:
    body = build_body(["2.DUTIES", "a.Assess the evidence;", "b.Chair the boards;",
                       "d.TheabilitytoobtainaNATOSECRETsecurityclearance."], set())
    assert body.startswith("## Duties\n\n- a. Assess the evidence;\n- b. Chair the boards;\n- d. ")


def test_a_long_wrapped_paragraph_is_joined_in_linear_time() -> None:
    """Joining a paragraph's wrapped lines one by one (``text + " " + line``) is quadratic: a
    2 MB paragraph took seconds. Four times the lines must take about four times as long."""
    import time

    def cost(n: int) -> float:
        lines = ["Summary"] + ["word word word word word word word word word word word"] * n
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            out = build_body(lines)
            best = min(best, time.perf_counter() - start)
        assert out == "## Summary\n\n" + " ".join(lines[1:]) + "\n"
        return best

    small, large = cost(8000), cost(32000)
    assert large < 8 * small, (small, large)


def test_wrapped_lines_are_joined_as_before() -> None:
    assert body("The post holder will co-", "ordinate the work of the", "Deputy Director and the",
                "staff.") == "The post holder will co-ordinate the work of the Deputy Director and the staff.\n"
    assert body("x" * 50 + " and the", "Director.") == "x" * 50 + " and the Director.\n"
    assert body("x" * 50 + "the", "Director.") == "x" * 50 + "the\n\nDirector.\n"


def test_a_marking_glued_between_an_acronym_and_a_word_is_split_after_it() -> None:
    # (was "NATOSECRE Tsecurity": the run's last capital taken for a capitalised word's, as in "HRTeam")
    assert unglue("NATOSECRETsecurity clearance") == "NATO SECRET security clearance"
    assert unglue("obtainaNATOSECRETsecurity") == "obtaina NATO SECRET security"
    assert unglue("COSMICTOPSECRETclearance") == "COSMIC TOP SECRET clearance"
    assert unglue("HRTeam and CISManager") == "HR Team and CIS Manager"


_PDF = ["The CivilianPersonnel Section", "all NATOcivilian staff", "the HRTeam"]  # a PDF's text: capitals glued already


def test_a_small_word_a_pdf_glued_is_split_off() -> None:
    from natosite.importer.markdown import unglue_and_escape_posting

    texts = _PDF + ["accurate andtimely information", "both militaryand civilian", "the governancethrough efforts",
                    "reported timely", "military staff", "good governance", "travel forwork", "at work",
                    "in thefield of HR", "a field", "who develops and assures it", "developsand andassures"]
    out = unglue_and_escape_posting(texts, [False] * len(texts))
    assert out[3:7] == ["accurate and timely information", "both military and civilian",
                        "the governance through efforts", "reported timely"]
    assert out[9] == "travel for work" and out[11] == "in the field of HR"
    assert out[-1] == "develops and and assures"


@pytest.mark.parametrize("word", ["forward", "therapy", "command", "withdraw", "thereafter", "tonight", "formation"])
def test_a_real_word_that_looks_glued_is_kept(word: str) -> None:
    from natosite.importer.markdown import unglue_and_escape_posting

    texts = _PDF + [f"the {word} line", "ward rapy comm draw after night mation for the and with to"]
    assert unglue_and_escape_posting(texts, [False] * len(texts))[3] == f"the {word} line"


def test_small_words_are_not_split_off_outside_a_pdf_text() -> None:
    from natosite.importer.markdown import unglue_and_escape_posting

    texts = ["accurate andtimely information", "reported timely"]
    assert unglue_and_escape_posting(texts, [False, False]) == texts


def test_two_long_words_glued_are_left_as_they_are() -> None:
    """ "staffdevelopment": telling it from a real compound ("healthcare") needs a dictionary: not split."""
    from natosite.importer.markdown import unglue_and_escape_posting

    texts = _PDF + ["staffdevelopment and healthcare", "staff development health care"]
    assert unglue_and_escape_posting(texts, [False] * len(texts))[3] == "staffdevelopment and healthcare"


@pytest.mark.parametrize("line, heading", [
    ("2. DUTIES AND RESPONSIBILITIES", "DUTIES AND RESPONSIBILITIES"),
    ("4. LANGUAGE REQUIREMENTS", "LANGUAGE REQUIREMENTS"),
    ("5. CONTRACT AND CONDITIONS", "CONTRACT AND CONDITIONS"),
])
def test_a_numbered_heading_in_capitals_is_one_heading(line: str, heading: str) -> None:
    assert classify(line, False) == ("h2", heading, "")


def test_a_numbered_heading_followed_by_its_text_on_the_line() -> None:
    assert classify("1. SUMMARY The post holder advises the Director.", False) == (
        "h2", "SUMMARY", "The post holder advises the Director.")


@pytest.mark.parametrize("text, want", [
    ("the Military Committee Medical Standardization Board (MCMedSB).", "the Military Committee Medical Standardization Board (MCMedSB)."),
    ("secretary of the MCMedSB and", "secretary of the MCMedSB and"),
    ("at NATOHeadquarters in Brussels", "at NATO Headquarters in Brussels"),
])
def test_an_acronym_of_capitals_and_small_letters_is_not_split(text: str, want: str) -> None:
    assert unglue(text) == want


def test_n_a_ends_no_sentence_with_an_article() -> None:
    body = build_body(["Direct reports: N/a", "Indirect reports: N/a"])
    assert body == "Direct reports: N/a\n\nIndirect reports: N/a\n"


def test_a_short_lettered_item_over_its_own_list_is_a_sub_heading_like_its_siblings() -> None:
    body = build_body(["a. Professional experience:", "- At least 4 years in a SOC.", "b. Education",
                       "- A university degree.", "c. Languages", "English SLP 3333."])
    assert body.startswith("### a. Professional experience\n\n- At least 4 years in a SOC.\n\n### b. Education\n")
    # a list of lettered items stays a list
    assert build_body(["a. Draft reports;", "b. Brief the Director;", "c. Manage the budget."]).count("###") == 0


SIGNED = ["SUMMARY", "The post is in Mons.", "", "Please apply online.", "", "Kind regards,", "", "SHAPE Civilian HR Office"]


@pytest.mark.parametrize("lines, kept", [
    (SIGNED, "SHAPE Civilian HR Office"),  # after a closing line, at the end
    (SIGNED + ["", "B-7010 SHAPE, Belgium"], "SHAPE Civilian HR Office"),
    # a sender's name and office over their address or dateline, with no closing line
    (["SUMMARY", "Apply by 19-02-2027.", "", "Renée Schmit", "", "Recruitment Officer, Human Resources Division", "",
      "NSPA, 11 rue de la Gare, L-8325 Capellen"], "Renée Schmit\n\nRecruitment Officer, Human Resources Division"),
    (["SUMMARY", "Interviews in March.", "", "NETMA Human Resources Office", "", "Unterhaching, 20 November 2026"],
     "NETMA Human Resources Office"),
    (["SUMMARY", "Apply online.", "", "Civilian Recruitment Team", "", "jobs@act.nato.int"], "Civilian Recruitment Team"),
])
def test_a_signature_is_no_sub_heading(lines: list[str], kept: str) -> None:
    body = build_body(lines)
    assert "###" not in body and f"\n\n{kept}\n" in body + "\n"


@pytest.mark.parametrize("lines, heading", [
    (["SUMMARY", "Apply online.", "", "Kontakt", "", "Recruitment Office, JALLC – recruitment@jallc.nato.int"], "Kontakt"),
    (["SUMMARY", "Apply online.", "", "Point of Contact", "", "+32 2 707 41 11"], "Point of Contact"),
    (["SUMMARY", "The Division.", "", "Policy Development", "", "Ensure that the policy is written."], "Policy Development"),
])
def test_a_heading_over_an_address_or_text_stays(lines: list[str], heading: str) -> None:
    assert f"### {heading}\n" in build_body(lines)


@pytest.mark.parametrize("heading", ["Ihre Aufgaben", "Ihr Profil", "Wir bieten", "Wat vragen wij", "Profil recherché",
                                     "Requisiti", "Twój zakres obowiązków / Principal duties", "Nasze wymagania"])
def test_boards_section_headings_in_their_languages(heading: str) -> None:
    assert build_body([heading, "- a task;", "- another task."]).startswith(f"## {heading}\n")


def test_a_field_or_a_bodys_name_in_a_section_is_no_sub_heading() -> None:
    body = build_body(["Functieomschrijving", "NATO SCHOOL OBERAMMERGAU (NSO)", "", "Location: Oberammergau, Germany",
                       "", "The School trains NATO staff."])
    assert body.count("#") == 2 and "\n\nLocation: Oberammergau, Germany\n" in body


def test_a_line_a_wrap_starts_with_a_bracket_continues_its_sentence() -> None:
    body = build_body(["The NATO Helicopter Management Agency", "(NAHEMA) manages the NH90 programme.", "",
                       "Clarity and Accuracy", "(Level 3); Teamwork (Level 2).", "", "Duties", "(a) Plans the budget;"])
    assert "The NATO Helicopter Management Agency (NAHEMA) manages the NH90 programme." in body
    assert "Clarity and Accuracy (Level 3); Teamwork (Level 2)." in body
    assert "Duties (a)" not in body


@pytest.mark.parametrize("heading", ["Essential qualifications and experience", "Essential requirements", "Main duties",
                                     "Job summary", "Conditions of service", "The role", "What you'll do", "About us",
                                     "O projekcie", "Etapy rekrutacji"])
def test_the_section_headings_of_english_postings_and_boards(heading: str) -> None:
    body = build_body(["Some text before it.", "", heading, "The text of the section, a sentence of its own."], set())
    assert f"## {heading}\n" in body


def test_a_nice_to_have_list_is_a_sub_heading() -> None:
    body = build_body(["Essential requirements", "- English SLP 3333", "", "Nice to have", "- French SLP 2222"], set())
    assert "## Essential requirements\n" in body and "### Nice to have\n" in body
