"""importer.clean: the board's chrome goes, the posting stays."""

from __future__ import annotations

import pytest

from natosite.importer.clean import clean_lines, is_chrome_line, normalise_line


@pytest.mark.parametrize(
    "line",
    [
        "Loading ...", "Loading…", "Chargement...", "Apply now Apply later", "Report job", "Save", "Share this job",
        "Postuler", "Jetzt bewerben", "Nu solliciteren", "Candidati ora", "Aplikuj teraz", "点击免费申请候选人", "报告工作",
        "工作内容", "Description", ":", "- Home", "• Sign in", "Accept all cookies", "Tout accepter",
        "We use cookies to improve your experience. Accept all", "Activez les alertes d’offres d’emploi par e-mail !",
        "Générez un CV personnalisé en quelques minutes", "Pro Tip: Use this feature", "Posted 3 days ago",
        "Publiée il y a 3 jours", "vor 2 Tagen veröffentlicht", "5 dagen geleden",
        "Skip to main content", "Show more",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Application Deadline", "1. SUMMARY", "- For all other applications: www.nato.int/recruitment",
        "Contract clause applicable:", "Please note that the competition will take place in Brussels.",
        "Apply analytical skills to complex problems.", "Description of the post follows below in detail.",
    ],
)
def test_posting_lines_are_not_chrome(line: str) -> None:
    assert not is_chrome_line(line)


def test_track_this_job_blocks_go_with_their_bullets() -> None:
    text = "\n".join(
        [
            "Track This Job",
            "Add this job to your tracking list to:",
            "- Monitor application status and updates",
            "Save This Job",
            "- Compare with other saved opportunities",
            "AI-Powered Job Summary",
            "Get a concise overview of key job requirements.",
            "Pro Tip: Use this feature to quickly decide.",
            "Belgium-Brussels",
            "- SUMMARY The posting starts here.",
        ]
    )
    assert clean_lines(text) == ["Belgium-Brussels", "- SUMMARY The posting starts here."]


def test_similar_jobs_and_their_dates_are_cut() -> None:
    lines = ["1. SUMMARY", "Text.", "最后期限: 10-01-2026", "相同的工作", "-", "⏰ 02-01-2026🌏 Anderlecht"]
    assert clean_lines("\n".join(lines)) == ["1. SUMMARY", "Text.", "最后期限: 10-01-2026"]


def test_weak_tail_markers_only_cut_in_the_second_half() -> None:
    early = ["Key Skills", "Python and SQL."] + [f"Paragraph {i}." for i in range(10)]
    assert clean_lines("\n".join(early)) == early
    late = [f"Paragraph {i}." for i in range(10)] + ["Key Skills", "Ranked by relevanceReady to apply?"]
    assert clean_lines("\n".join(late)) == late[:10]
    own = [f"Paragraph {i}." for i in range(10)] + ["Key Skills", "- Python;", "- SQL."]
    assert clean_lines("\n".join(own)) == own  # the posting's own section stays


@pytest.mark.parametrize("marker", ["Similar jobs", "Offres similaires", "Ähnliche Jobs", "Vergelijkbare vacatures",
                                    "Offerte simili", "Podobne oferty", "More jobs like this", "Hiring Insights",
                                    "Meer vacatures zoals deze", "Meer zoeken rond deze vacature",
                                    "Set alert for similar jobs"])
def test_strong_tail_markers_cut_anywhere(marker: str) -> None:
    assert clean_lines(f"Title\n{marker}\nOther job - 01-02-2026\nMore text") == ["Title"]


@pytest.mark.parametrize("marker", ["Jobs near Norfolk, VA", "Other vacancies", "People also searched: nato jobs"])
def test_a_boards_other_jobs_below_the_posting_are_cut(marker: str) -> None:
    posting = [f"Paragraph {i}." for i in range(10)]
    assert clean_lines("\n".join([*posting, marker, "Protocol Officer - G13 - Closing date: 2027-01-08"])) == posting
    assert clean_lines("\n".join(["Segnala offerta", *posting, "Vacature melden"])) == posting


def test_board_summary_before_the_posting_goes() -> None:
    text = (
        "The NATO Communications and Information Agency is seeking a Senior Assistant. The ideal candidate will "
        "manage HR tasks.\nOPEN TO NATIONALS OF NATO MEMBER STATES ONLY\nThe ideal candidate is seeking nothing.\n"
    )
    assert clean_lines(text) == ["OPEN TO NATIONALS OF NATO MEMBER STATES ONLY", "The ideal candidate is seeking nothing."]


def test_blank_runs_become_one_paragraph_break() -> None:
    assert clean_lines("\n\nA\n\n\n\nB\n\n") == ["A", "", "B"]


def test_spaces_collapse_and_table_cells_become_fields() -> None:
    assert normalise_line("  Closing date  \t 15 March 2026 ") == "Closing date: 15 March 2026"
    assert normalise_line("Some   text\twith  gaps ") == "Some text with gaps"
    assert normalise_line("Location  The Hague, Netherlands") == "Location: The Hague, Netherlands"


def test_menu_bars_go_but_tables_stay() -> None:
    assert is_chrome_line("NATO Careers | All jobs | Sign in")
    assert not is_chrome_line("| Column | Table |")
    assert not is_chrome_line("Salary | Grade | Location of the post in Brussels")


@pytest.mark.parametrize(
    "head, intro",
    [("Suivre cette offre", "Ajoutez cette offre à votre liste pour :"), ("Diesen Job verfolgen", "Fügen Sie ..."),
     ("Volg deze vacature", "Voeg deze vacature toe aan je lijst om:"), ("Segui questa offerta", "Aggiungi ..."),
     ("Śledź tę ofertę", "Dodaj tę ofertę do listy, aby:"), ("KI-gestützte Jobzusammenfassung", "Erhalten Sie ...")],
)
def test_translated_board_blocks(head: str, intro: str) -> None:
    assert clean_lines(f"{head}\n{intro}\n- one\n- two\nBelgium-Brussels\n") == ["Belgium-Brussels"]


@pytest.mark.parametrize("line", ["Postuler maintenant Postuler plus tard", "Jetzt bewerben Später bewerben",
                                  "Aplikuj teraz Aplikuj później", "Candidati ora Candidati più tardi"])
def test_translated_apply_buttons(line: str) -> None:
    assert is_chrome_line(line)


def test_job_stats_cut_the_tail_but_a_category_line_does_not() -> None:
    lines = [f"Paragraph {i}." for i in range(6)] + ["Category: B (Administrative)", "More posting text."]
    assert clean_lines("\n".join(lines)) == lines
    assert clean_lines("Text.\nJob stats: 3 0 0\nCategory: Deep Learning Jobs\nTags: GPT\n") == ["Text."]


def test_a_dotted_menu_bar_is_chrome_but_dotted_badges_are_not() -> None:
    from natosite.importer.clean import is_chrome_line

    assert is_chrome_line("Start · Jobs · Firmen · Anmelden · Sign in")
    assert not is_chrome_line("Hybrid · Part-time")
    assert not is_chrome_line("NCIA · The Hague, Netherlands · 2 days ago")


@pytest.mark.parametrize(
    "line",
    [
        "Jetzt bewerben Teilen Merken", "Postuler | Partager | Sauvegarder", "Aplikuj Udostępnij Zapisz",
        "Easy Apply Share Save", "Candidati ora Condividi Salva", "Solliciteer nu Delen Opslaan",
        "Postular · Compartir · Guardar", "Candidatar-se Partilhar", "Page 2 of 7", "Seite 1 von 4", "- 3 -",
        "NATO UNCLASSIFIED", "NATO/OTAN UNCLASSIFIED / SANS CLASSIFICATION", "Este sitio web utiliza cookies para mejorar.",
        "Cookies on this service: we use some essential cookies", "Aceptar todas", "Reject analytics cookies",
    ],
)
def test_button_rows_cookie_banners_and_page_furniture_are_chrome(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line", ["Share information with the team and save time.", "Page layout and design for reports", "NATO SECRET"]
)
def test_sentences_with_button_words_are_kept(line: str) -> None:
    assert not is_chrome_line(line)


@pytest.mark.parametrize("line", [
    "Share: LinkedIn X E-mail Print", "Share: Facebook X LinkedIn E-mail", "Email | LinkedIn | X",
    "Partilhar: Facebook | LinkedIn | WhatsApp | E-mail", "Aplikuj · Obserwuj · Udostępnij", "Folgen", "Segui", "Follow",
    "Privacy Statement | Accessibility", "Privacy Policy · Terms of Use · Accessibility", "© 2027 NCIA · Privacy · Terms",
])
def test_share_rows_follow_buttons_and_footer_rows_are_chrome(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize("line", [
    "Email: recruitment@ncia.nato.int", "Share your knowledge with the team.", "X-ray security screening",
    "Follow-up of audit recommendations", "LinkedIn Learning courses are an advantage.", "Privacy and data protection",
    "Terms of reference | Budget | Audit reports of the Board",
])
def test_lines_naming_networks_or_privacy_in_text_are_kept(line: str) -> None:
    assert not is_chrome_line(line)


@pytest.mark.parametrize("line", [
    "Apply Online Apply Later Send to a Friend Print Back to Search Results", "Back to top", "NATO Careers",
    "Aplikuj szybko Zapisz", "Candidati Salva offerta Condividi", "Gem · Del · Se jobannoncen", "Ansøg", "Gem job",
    "Accepter & fermer Continuer sans accepter Personnaliser", "Alle akzeptieren Einstellungen Nur notwendige",
    "Postuler sur le site de l'employeur", "Meld vacature", "Vacature bewaren", "Volledige vacaturetekst",
])
def test_round_16_board_buttons_and_labels_are_chrome(line: str) -> None:
    assert is_chrome_line(line)


def test_a_tail_marker_with_its_list_on_one_line_cuts_the_tail() -> None:
    posting = [f"Sentence {i} of the posting." for i in range(8)]
    lines = posting + ["Offerte simili: Accountant – JFC Naples – G10 – scadenza 15/01/2027 · Contract Officer – NATO – "
                       "Napoli – G16 – 6.512,40 €"]
    assert clean_lines("\n".join(lines)) == posting
    early = ["Offerte simili: Accountant – JFC Naples – G10 – scadenza 15/01/2027 · Contract Officer – NATO – Napoli"]
    assert clean_lines("\n".join(posting[:1] + early + posting[1:])) == posting[:1] + early + posting[1:]


def test_spanish_similar_jobs_are_cut() -> None:
    text = "Analyst\n1. SUMMARY\nThe incumbent analyses.\nEmpleos similares\nIngeniero · NCIA · Mons · G15 · 3 de marzo de 2027\n"
    assert clean_lines(text)[-1] == "The incumbent analyses."


def test_words_split_at_line_ends_are_joined() -> None:
    lines = clean_lines("The incum-\nbent will coordi- \nnate the work.\n- a list item\n- another\n")
    assert lines[0] == "The incumbent will coordinate the work."
    assert lines[1:] == ["- a list item", "- another"]


@pytest.mark.parametrize("line", ["Publicado hace 4 días", "Publicada há 2 dias", "Descripción del puesto", "Descrição da vaga"])
def test_spanish_and_portuguese_board_lines_are_chrome(line: str) -> None:
    assert is_chrome_line(line)


def test_a_one_row_table_with_label_headers_becomes_fields() -> None:
    text = "| Title | Reference | Grade |\n|---|---|---|\n| Budget Clerk | 270123 | G8 |\n1. SUMMARY\nText.\n"
    assert clean_lines(text)[:3] == ["Title: Budget Clerk", "Reference: 270123", "Grade: G8"]


def test_a_table_of_several_rows_is_not_read_as_fields() -> None:
    text = "| Grade | Salary |\n|---|---|\n| G8 | 3,000.00 EUR |\n| G9 | 3,500.00 EUR |\n"
    assert not any(line.startswith("Grade:") for line in clean_lines(text))


def test_a_gov_uk_style_cookie_banner_goes_whole() -> None:
    text = ("Cookies on Agency Jobs\nWe use some essential cookies to make this service work.\n"
            "We'd also like to use analytics cookies so we can improve the service.\nAccept analytics cookies\n"
            "Reject analytics cookies\nView cookies\nYou've accepted additional cookies. You can change your cookie "
            "settings at any time.\nHide this message\nConfigurar cookies\nAceitar todos os cookies\nClerk\n")
    assert clean_lines(text) == ["Clerk"]


def test_a_forwarded_mail_keeps_its_quoted_posting_without_the_mail() -> None:
    text = (
        "Piet, this one is for you!\nMarta\n\n> From: NATO Careers <no-reply@example.org>\n> Sent: Sunday, 17 January"
        " 2027 06:02\n> Subject: Job alert\n>\n> Dear Marta,\n>\n> The following job opening matches the criteria of"
        " your job alert.\n>\n> Budget Officer\n> Grade: G12\n>> Closing date: 12 March 2027\n\n--\nMarta\n"
    )
    assert clean_lines(text) == ["Budget Officer", "Grade: G12", "Closing date: 12 March 2027"]


def test_a_few_quoted_lines_are_no_mail() -> None:
    text = "Title: Clerk\n> a quote\nGrade: G8\nFrom: the Director\nTo: all staff\nDear colleagues,\nText.\n"
    assert clean_lines(text) == text.strip().split("\n")


def test_a_plain_forward_loses_its_header_block_and_greeting() -> None:
    text = "---------- Forwarded message ---------\nFrom: A <a@b.c>\nDate: Mon, 18 Jan 2027\nSubject: Fwd\n\nHi Piet,\n\nTitle: Clerk\n"
    assert clean_lines(text) == ["Title: Clerk"]


def test_round_5_board_chrome_and_tails() -> None:
    lines = clean_lines(
        "Passer au contenu principal\nConnexion\nQuoi ?\nOù ?\nRechercher\n________________________________\n"
        "Officer\nTitle: Officer\n" + "The officer does many things.\n" * 6
        + "People also viewed\nAnalyst\nNCIA · Mons · G15 · 2 days ago\n"
    )
    assert lines[0] == "Officer" and lines[-1] == "The officer does many things."


def test_a_similar_jobs_list_of_two_line_cards_and_a_footer_is_cut() -> None:
    text = "Officer\n" + "The officer does many things.\n" * 8 + (
        "Das könnte dich auch interessieren\nQuality Manager (w/m/x)\nAirline · Schwechat · ab 4.800 € · vor 2 Tagen\n"
        "Engineer (w/m/x)\nFACC AG · Ried · Bewerbungsfrist 31.03.2027\nÜber uns Impressum\n© 2027\n"
    )
    assert clean_lines(text)[-1] == "The officer does many things."


@pytest.mark.parametrize(
    "line", ["Check out this job on Indeed:", "Have a look at this job!", "check out this job on LinkedIn app:",
             "Sent from my iPhone", "Sent from my Android"],
)
def test_a_phone_share_line_is_chrome(line: str) -> None:
    assert clean_lines(f"{line}\nFinance Assistant (Payroll)\n") == ["Finance Assistant (Payroll)"]


def test_a_pdfs_running_header_goes_where_it_repeats_after_a_page_end() -> None:
    page = [f"Paragraph {i} of the notice." for i in range(8)]
    lines = ["NSPA Vacancy Notice 26/287", "Post title: Developer", *page, "Page 1 of 3",
             "NSPA Vacancy Notice 26/287", "Essential", *page, "Page 2 of 3", "MARCOM 27/012 – Engineer", "Desirable",
             *page, "Page 3 of 3", "MARCOM 27/012 – Engineer", "Conditions"]
    cleaned = clean_lines("\n".join(lines))
    assert cleaned.count("NSPA Vacancy Notice 26/287") == 1 and cleaned[0] == "NSPA Vacancy Notice 26/287"
    assert "MARCOM 27/012 – Engineer" not in cleaned
    assert ["Essential", "Desirable", "Conditions"] == [line for line in cleaned if line in ("Essential", "Desirable", "Conditions")]


def test_taleos_buttons_and_footer_are_chrome() -> None:
    posting = [f"Paragraph {i}." for i in range(6)]
    footer = ["Apply Online", "Add to My Job Cart", "Send to a Friend", "Printable Format", "Previous", "Next",
              "Powered by", "Oracle Taleo", "Copyright © 2026, Oracle and/or its affiliates. All rights reserved."]
    assert clean_lines("\n".join([*posting, *footer])) == posting


def test_a_forwards_header_block_below_the_senders_note_goes_whole() -> None:
    text = ("Anna, this one is for you.\nMarc\n________________________________\n"
            "From: NSPA Recruitment <recruitment@nspa.nato.int>\nSent: Friday, November 20, 2026 3:12 PM\n"
            "To: NSPA All Staff <nspa-all@nspa.nato.int>\nSubject: NSPA Vacancy 27/041 - Fuel Quality Engineer\n\n"
            "VACANCY NOTICE 27/041\nThe Agency seeks an engineer.\n")
    cleaned = clean_lines(text)
    assert not any(line.startswith(("From:", "Sent:", "To:", "Subject:")) for line in cleaned)
    assert "VACANCY NOTICE 27/041" in cleaned and "Anna, this one is for you." in cleaned


def test_taleos_menus_and_button_rows_are_chrome() -> None:
    posting = [f"Paragraph {i}." for i in range(6)]
    menus = ["NATO OTAN", "Welcome. You are not signed in.\tSign In\tMy Account Options\tHelp\t",
             "Basic Search\tAdvanced Search\tJobs Matching My Profile\tAll Jobs\t", "Return to the previous page",
             "Apply Online\tAdd to My Job Cart\tRefer a Friend\t", "My Jobpage", "Sign Out"]
    assert clean_lines("\n".join([*menus, *posting])) == posting
    assert clean_lines("Apply Online · Deputy Head of Section · Refer a Friend") != []  # a row with a text is no row of buttons


def test_a_pages_footer_links_after_the_posting_go() -> None:
    posting = [f"Paragraph {i} of the notice." for i in range(6)]
    footer = ["See all vacancies", "", "© 2026 NATO Support and Procurement Agency · 11 rue de la Gare, Capellen", "",
              "- Legal notice", "- Privacy", "- Accessibility"]
    assert clean_lines("\n".join([*posting, *footer])) == posting
    own = [*posting, "Desirable", "- Python", "- SQL", "- Linux"]  # a posting's own short list at its end stays
    assert clean_lines("\n".join(own)) == own


def test_a_cookie_row_with_reject_non_essential_is_chrome() -> None:
    assert is_chrome_line("Accept all Reject non-essential Manage preferences")


@pytest.mark.parametrize("line", [
    "Başvur Kaydet", "Søk på stillingen", "Rapporter annonse", "Ontmoet het wervingsteam", "Geschaltet vor 3 Tagen",
    "Offerta pubblicata il: 14/01/2027", "Güncellendi: 3 gün önce",
])
def test_round_17_board_lines_are_chrome(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize("marker", ["Mehr Jobs wie diesen", "Similar vacancies", "Altre offerte simili"])
def test_round_17_similar_jobs_lists_are_cut(marker: str) -> None:
    posting = [f"Sentence {i} of the posting." for i in range(8)]
    assert clean_lines("\n".join(posting + [marker, "Finance Officer", "NSPA · Capellen · G15 · 7.521,44 €"])) == posting


@pytest.mark.parametrize("line", ["Side 1 av 2 — Exercise Planning Assistant – arbeidsplassen.nav.no", "Side 2 av 2",
                                  "Page 1 sur 1"])
def test_norwegian_and_french_page_numbers_are_chrome(line: str) -> None:
    assert is_chrome_line(line)


def test_a_footer_with_page_n_sur_m_goes() -> None:
    lines = [f"Sentence {i} of the posting." for i in range(10)] + ["SHAPE/J1/CPM/27-0041 Page 1 sur 1"]
    assert clean_lines("\n".join(lines)) == lines[:-1]


def test_a_compound_split_at_its_hyphen_keeps_it_a_word_split_by_a_pdf_does_not() -> None:
    text = "support decision-\nmaking and the incum-\nbent will pro-\nvide long-\nterm advice"
    assert clean_lines(text) == ["support decision-making and the incumbent will provide long-term advice"]


@pytest.mark.parametrize(
    "line",
    ["I'm interested Share Refer a friend", "Apply with LinkedIn", "Use My Last Application", "DIANA logo",
     "Allied Joint Force Command Norfolk logo", "Powered by Smart Recruiters · Legal · Job Seeker Privacy Policy",
     "Powered by Oracle Taleo Copyright © 2026, Oracle and/or its affiliates. All rights reserved.",
     "Having trouble reading this e-mail? View it in your browser", "View this email in your browser",
     "Unsubscribe · Privacy · Update preferences"],
)
def test_an_applicant_tracking_systems_and_a_newsletters_own_lines_are_chrome(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize("line", ["The logo of the Agency is on every page.", "Powered by innovation, NCIA delivers C4ISR.",
                                  "Viewing this vacancy online is free."])
def test_posting_lines_about_logos_power_or_viewing_are_not_chrome(line: str) -> None:
    assert not is_chrome_line(line)


def test_a_boards_other_jobs_at_the_employer_are_its_tail() -> None:
    lines = clean_lines("Programme Manager\n\n" + "The post's text, long enough to be most of the page. " * 8 +
                        "\n\nMore text of the post.\n\nOther jobs at DIANA\n"
                        "- Finance Officer (G15) Tallinn, Estonia · Apply by 1 Feb 2027\n")
    assert lines[-1] == "More text of the post."


def test_a_running_header_below_a_pages_markings_is_dropped_where_it_repeats() -> None:
    page = "SHAPE Vacancy Notice 270331 – Senior Financial Officer (Accounting)"
    text = (f"NATO UNCLASSIFIED\n{page}\n\nSenior Financial Officer\n\nSUMMARY\nThe post.\n\na. Duty one;\nb. Duty two;\n"
            f"Page 1 of 3\nNATO UNCLASSIFIED\nReleasable to the Public\n\fNATO UNCLASSIFIED\n{page}\nc. Duty three;\n"
            f"Page 2 of 3\nNATO UNCLASSIFIED\nReleasable to the Public\n\fNATO UNCLASSIFIED\n{page}\nd. Duty four.\n"
            "Page 3 of 3\n")
    lines = clean_lines(text)
    assert lines.count(page) == 1 and "Releasable to the Public" not in lines
    assert lines[lines.index("c. Duty three;") - 1] != page


@pytest.mark.parametrize("line", ["Siirry pääsisältöön Työmarkkinatori", "Hoppa till huvudinnehållet", "Skip navigation",
                                  "Skip to main content NATO School Oberammergau"])
def test_skip_links_in_any_language_are_chrome(line: str) -> None:
    assert is_chrome_line(line)


def test_firefox_text_saves_link_marks_after_the_link_and_image_marks_go() -> None:
    text = ("[image]NAPMA[1]\n\n   * Careers[5]\n\nSenior Software Engineer (Mission Systems)[11]\n\n"
            "[image: NATO E-3A AWACS aircraft]\n\nGrade: G17[12]\n\nReferences\n\n   1. https://www.napma.nato.int/\n"
            "   5. https://www.napma.nato.int/careers\n  11. https://www.napma.nato.int/careers/11\n")
    lines = clean_lines(text)
    assert "Senior Software Engineer (Mission Systems)" in lines and "Grade: G17" in lines
    assert not any("[" in line or "http" in line for line in lines)


def test_a_value_wrapped_onto_the_next_line_at_its_column_joins_its_field() -> None:
    text = ("   Vacancy Notice:   NAPMA 27/02\n   Organisation:     NATO Airborne Early Warning and Control Programme\n"
            "                     Management Agency (NAPMA)\n   Location:         Brunssum, Netherlands\n\n"
            "   Indented paragraph that is no field:\n                     stays its own line\n")
    lines = clean_lines(text)
    assert "Organisation: NATO Airborne Early Warning and Control Programme Management Agency (NAPMA)" in lines
    assert "Location: Brunssum, Netherlands" in lines


@pytest.mark.parametrize("line", ["Aurélie — Today at 14:02", "milan_k — Yesterday at 21:47", "tomasz.w — 01/14/2027 at 2:04 PM",
                                  "[14:02]"])
def test_a_chats_author_and_time_lines_are_chrome(line: str) -> None:
    assert is_chrome_line(line)


def test_a_sentence_with_a_dash_and_a_time_is_not_a_chats_author_line() -> None:
    assert not is_chrome_line("Interviews — Today at 14:02 the panel meets in Mons, see the annex for details.")


def test_a_sites_sidebar_of_other_vacancies_above_the_posting_goes() -> None:
    text = ("This website uses cookies for statistical purposes only.\n\nOK Privacy statement\nCareers\n\nOther vacancies\n\n"
            "Senior Auditor (G22)\nClosed on 10 January 2027\nAudit Assistant (G12)\nClosing date: 31 March 2027\n"
            "Basic salary 5 012,66 €\n\nNewsletter\n\nSubscribe to be informed of new IBAN vacancies.\n\nAuditor (2 posts)\n\n"
            + "".join(f"Paragraph {k} of the posting.\n\n" for k in range(12)))
    lines = clean_lines(text)
    assert "Auditor (2 posts)" in lines and "Paragraph 11 of the posting." in lines
    assert not any("Senior Auditor" in line or "5 012,66" in line or "Newsletter" in line or "OK Priv" in line
                   for line in lines)


@pytest.mark.parametrize("heading", ["Annunci simili", "Offerte di lavoro simili", "Ofertas semelhantes",
                                     "Similar offers", "看过该职位的人还看了"])
def test_a_boards_similar_jobs_in_any_language_end_the_posting_before_a_long_footer(heading: str) -> None:
    posting = ["Facilities Assistant", "", "The incumbent maintains the buildings of the headquarters.", "",
               "- Plans maintenance;", "- Keeps records.", "", "Applications by 5 February 2027."]
    tail = [heading, "Addetto manutenzione", "Napoli (NA) · 1.500 € mensili · 2 giorni fa", "Geometra di cantiere",
            "Pozzuoli (NA) · Scadenza 20/12/2026", "Vedi tutti gli annunci", "Ricevi annunci simili via email",
            "Attiva avviso", "Bakeca.it", "Chi siamo", "Aiuto", "Termini e condizioni", "Privacy"]
    assert clean_lines("\n".join(posting + [""] + tail)) == posting


def test_a_fact_boxs_label_wrapped_below_its_value() -> None:
    text = ("   Reference:        270208                                      Closing date:       9 March 2027\n"
            "   Division:         Operations Division (OPS)                   Grade:              NATO Grade G18\n"
            "                                                                 Basic monthly       8,132.78 EUR\n"
            "                                                                 salary:\n"
            "   Location:         Brussels, Belgium                           Security            COSMIC TOP SECRET\n"
            "                                                                 clearance:\n")
    lines = clean_lines(text)
    assert "Grade: NATO Grade G18" in lines and "Basic monthly salary: 8,132.78 EUR" in lines
    assert "Security clearance: COSMIC TOP SECRET" in lines and "clearance:" not in lines


@pytest.mark.parametrize("line", ["Reply", "(edited)", "8 replies  Last reply 2 days ago", "#career-moves",
                                  "Maya Okafor  [9:14 AM]", "Apply for this job"])
def test_a_chat_apps_marks_are_chrome(line: str) -> None:
    assert is_chrome_line(normalise_line(line))


def test_a_reply_in_a_sentence_is_no_chrome() -> None:
    assert not is_chrome_line("Reply to the recruiter by 5 March.")


def test_a_boxs_label_on_the_right_with_its_value_below_it() -> None:
    text = ("     Date of issue: 18 January 2027                      APPLICATION DEADLINE\n"
            "                                                         22 March 2027\n"
            "                                                         11:59 PM Eastern Time (US)\n")
    assert clean_lines(text) == ["Date of issue: 18 January 2027", "APPLICATION DEADLINE: 22 March 2027 11:59 PM Eastern Time (US)"]


def test_a_justified_line_of_prose_is_no_label_and_value() -> None:
    line = "     Department  of  State.  Candidates  should  be  aware  that  the relocation of"
    assert normalise_line(line) == "Department of State. Candidates should be aware that the relocation of"
    assert normalise_line("Department       Operations Division") == "Department: Operations Division"


def test_a_tables_head_wrapped_on_the_right_is_kept_as_it_is() -> None:
    text = ("Closing date: 05.02.2027, 12:00 noon (CET)        Grade     Basic monthly salary\n"
            "                                                             (EUR)\n")
    assert clean_lines(text) == ["Closing date: 05.02.2027, 12:00 noon (CET) Grade Basic monthly salary", "(EUR)"]


def test_a_similar_jobs_list_of_several_line_cards_above_the_posting_is_that_list_only() -> None:
    cards = ["Flight Simulator Maintenance Technician", "CAE Elektronik GmbH - Stolberg", "£38,000 - £45,000 per year",
             "Posted 6 days ago", "Training Systems Engineer", "NATO Airborne Early Warning & Control Force",
             "Grade G13 - Closing date 12 February 2027", "See all similar jobs"]
    posting = [f"The post's text, paragraph {n}, which is long enough to be a sentence of the posting." for n in range(20)]
    lines = clean_lines("\n".join(["Adzuna", "Jobs", "", "Similar jobs", *cards, "", "Simulator Software Engineer", "",
                                   *posting]))
    assert "Simulator Software Engineer" in lines and posting[-1] in lines
    assert not any(card in lines for card in cards)


def test_a_tables_row_of_a_section_and_its_first_item() -> None:
    lines = clean_lines("Desirable\t- Experience as an instructor.\n\t- French SLP 2222.\n")
    assert lines == ["Desirable", "- Experience as an instructor.", "- French SLP 2222."]


def test_a_google_docs_exports_comment_marks() -> None:
    lines = clean_lines("At least five (5) years[d] of experience.\nNATO Grade: G17[c]\n\n[a]Priya Nair:\nGood luck!\n")
    assert lines[:2] == ["At least five (5) years of experience.", "NATO Grade: G17"]


def test_a_fact_table_laid_out_by_column_but_not_a_list_of_vacancies() -> None:
    table = ("Vacancy ID  Directorate  Grade  Location  Closing date\n"
             "270412  Procurement Directorate  G15  Capellen, Luxembourg  28 February 2027\n\nThe post's text.\n")
    assert clean_lines(table)[:3] == ["Vacancy ID: 270412", "Directorate: Procurement Directorate", "Grade: G15"]
    listing = ("Title  Grade  Location  Closing Date\nEngineer (Cloud)  G16  Norfolk, VA  05 March 2027\n"
               "Analyst (Futures)  G15  Brussels, BE  12 March 2027\n")
    assert not any(line.startswith("Title:") for line in clean_lines(listing))


def test_a_fact_table_a_pdf_gave_column_by_column_its_title_wrapped() -> None:
    text = ("VACANCY NOTICE\n\nVacancy Number\nPost Title\nDirectorate\nGrade\nLocation\nClosing Date\nNumber of Posts\n"
            "270217\nSenior Cyber Threat Intelligence\nAnalyst\nCyber Security Centre\nG18\nMons, Belgium\n21/02/2027\n"
            "1\n\n1. THE ORGANISATION\nThe Agency delivers secure systems.\n")
    assert clean_lines(text)[1:9] == [
        "", "Vacancy Number: 270217", "Post Title: Senior Cyber Threat Intelligence Analyst",
        "Directorate: Cyber Security Centre", "Grade: G18", "Location: Mons, Belgium", "Closing Date: 21/02/2027",
        "Number of Posts: 1"]


def test_a_column_table_with_a_label_of_no_fact_and_a_heading_right_below_its_values() -> None:
    text = ("VACANCY NUMBER:\nDIVISION:\nTITLE:\nGRADE:\nDATE OF ISSUE:\n270198\nOperations and Planning\n"
            "Staff Officer (Cyber Defence Policy)\nA-2/G-15\n22 February 2027\n1. Post Context.\nThe IMS is ...\n")
    assert clean_lines(text)[:6] == [
        "VACANCY NUMBER: 270198", "DIVISION: Operations and Planning", "TITLE: Staff Officer (Cyber Defence Policy)",
        "GRADE: A-2/G-15", "DATE OF ISSUE: 22 February 2027", "1. Post Context."]


def test_labels_whose_lines_below_do_not_read_as_their_values_are_left_as_they_are() -> None:
    text = "Grade\nLocation\nClosing Date\nBrussels, Belgium\nNot stated\nSee below\n\nText.\n"  # (no grade below)
    assert clean_lines(text)[:3] == ["Grade", "Location", "Closing Date"]


def test_lone_page_numbers_and_a_word_split_across_the_page_break() -> None:
    page = "Text of the page.\n" * 9
    text = (f"{page}NATO UNCLASSIFIED\n1\nNATO UNCLASSIFIED\nJWC Vacancy Notice 2027/02\n{page}"
            "Apply by 23:59 hrs (Nor-\nNATO UNCLASSIFIED\n2\nNATO UNCLASSIFIED\nJWC Vacancy Notice 2027/02\n"
            "wegian time) on 21 January 2027.\nNATO UNCLASSIFIED\n3\n")
    lines = clean_lines(text)
    assert "Apply by 23:59 hrs (Norwegian time) on 21 January 2027." in lines
    assert not {"1", "2", "3", "JWC Vacancy Notice 2027/02"} & set(lines)


def test_a_running_footer_above_each_page_number_goes() -> None:
    page = "Text of the page.\n" * 9
    text = (f"{page}1NSB-27-02 – CIS Security Technician\nPage 1 of 2\n{page}"
            "1NSB-27-02 – CIS Security Technician\nPage 2 of 2\n")
    assert "1NSB-27-02 – CIS Security Technician" not in clean_lines(text)


def test_a_fact_table_a_pdf_gave_with_each_value_on_the_line_before_its_label() -> None:
    text = ("Vacancy Notice\nNETMA 27/03\nVacancy Reference\nSenior Engineer (Avionics Integration)\nPost Title\n"
            "G17\nGrade\n28 February 2027, 23:59 CET\nClosing Date\n1\nNumber of Posts\nPost Context\nThe Agency ...\n")
    assert clean_lines(text)[:7] == [
        "Vacancy Notice", "Vacancy Reference: NETMA 27/03", "Post Title: Senior Engineer (Avionics Integration)",
        "Grade: G17", "Closing Date: 28 February 2027, 23:59 CET", "Number of Posts: 1", "Post Context"]


def test_labels_with_their_values_after_them_are_left_as_they_are() -> None:
    text = "Vacancy Notice\nVacancy Reference\nNETMA 27/03\nGrade\nG17\nClosing Date\n28 February 2027\n\nText.\n"
    assert clean_lines(text)[:4] == ["Vacancy Notice", "Vacancy Reference", "NETMA 27/03", "Grade"]


def test_a_boards_these_offers_may_interest_you_list_goes_with_the_footer_merged_into_it() -> None:
    body = "The post's own sentence about the work.\n" * 8
    text = (f"Contracts Engineer\n\n{body}\nCes offres pourraient aussi vous intéresser\n\n"
            "- Contracts Officer (G15) · NETMA · Munich · Salaire : 6 812,40 € / mois\n- Qui sommes-nous ?\n")
    assert not any("6 812,40" in line for line in clean_lines(text))


def test_labels_with_a_colon_introduce_the_lines_after_them() -> None:
    text = ("CIS Officer\nPosted 2 days ago by MARCOM\nSalary:\nCompetitive\nLocation:\nNorthwood\nReference:\n"
            "MC 27/04\n\nText.\n")
    assert "Salary: Posted 2 days ago by MARCOM" not in clean_lines(text)


def test_a_list_of_labels_and_their_short_values_one_a_line_is_no_column_table() -> None:
    text = ("Vacature-informatie\nContracttype\nTijdelijk\nDienstverband\nVoltijds\nSalarisindicatie\n"
            "€ 3.800 - € 4.600 per maand\nOver de vacature\nSHAPE\nVacancy Number: ACO 27/044\nPost Title: Assistant\n"
            "NATO Grade: G12\n")
    assert "Vacancy Number: ACO 27/044" in clean_lines(text)


def test_a_boards_these_jobs_might_interest_you_list_goes() -> None:
    body = "The post's own sentence about the work.\n" * 8
    text = (f"Security Officer\n\n{body}\nThese jobs might interest you\n\nSecurity Officer (Registry)\n"
            "Application deadline 15 March 2027\n")
    assert not any("15 March" in line for line in clean_lines(text))


def test_a_cookie_banners_buttons_with_its_settings_are_chrome() -> None:
    assert is_chrome_line("Accept all Only necessary Settings")
    assert is_chrome_line("Accepteren Instellingen aanpassen") and is_chrome_line("Tout accepter Tout refuser Personnaliser")


def test_a_job_alert_mails_own_lines_are_chrome() -> None:
    assert is_chrome_line("Your job alert for nato") and is_chrome_line("• Actively recruiting")
    assert is_chrome_line("12 new jobs in Netherlands match your preferences.")


def test_a_channels_notice_that_someone_joined_is_chrome() -> None:
    assert is_chrome_line("has joined the channel") and is_chrome_line("has left #nato-jobs")
    assert not is_chrome_line("The officer joined the team")


@pytest.mark.parametrize("line, field", [
    ("Vacancy Number ................................ JWC27-03", "Vacancy Number: JWC27-03"),
    ("Grade ................ : B-4/G-10", "Grade: B-4/G-10"),
    ("Closing Date ..................", "Closing Date:"),
])
def test_a_label_and_its_value_parted_by_dot_leaders(line: str, field: str) -> None:
    assert normalise_line(line) == field


def test_a_notes_wiki_links_are_what_they_show() -> None:
    lines = clean_lines("Body: [[NCIA|NATO Communications and Information Agency (NCIA)]]\nPlace: [[The Hague]], NL\n")
    assert lines == ["Body: NATO Communications and Information Agency (NCIA)", "Place: The Hague, NL"]


def test_a_newsletters_view_in_browser_line_is_chrome() -> None:
    assert is_chrome_line("View in browser") and is_chrome_line("View this email in your browser")


def test_a_notes_own_fact_table_above_the_quoted_notice_is_kept() -> None:
    quoted = "".join(f"> The notice's line {n} on the work.\n" for n in range(8))
    note = "# My note\n\n| What | Value |\n|---|---|\n| Grade | G16 |\n| Reference | JWC 27/009 |\n| Location | Stavanger |\n\n"
    lines = clean_lines(note + quoted)
    assert "Reference: JWC 27/009" in lines and "The notice's line 0 on the work." in lines


def test_a_forwarders_note_above_the_quoted_notice_goes() -> None:
    quoted = "".join(f"> The notice's line {n} on the work.\n" for n in range(8))
    lines = clean_lines("Hi Anna, this one is for you. Deadline: soon!\n\n" + quoted)
    assert lines[0] == "The notice's line 0 on the work." and not any("Anna" in line for line in lines)


_PROSE = ["The Centre performs joint analysis of operations and", "exercises for the Strategic Commands, and its",
          "analysts deploy to headquarters to collect data for", "the reports they write; the post leads a team of",
          "four analysts and is responsible for the quality of", "the Centre's products and for its methods."]


def test_a_fact_box_right_of_the_text_is_read_as_its_fields() -> None:
    # pdftotext -layout: a box of labels, each with its value below it (wrapped), beside a column of prose
    box = ["VACANCY DETAILS", "", "Post title", "Senior Operational", "Research Analyst", "", "Grade", "G16", "",
           "Division", "Analysis and Reporting", "Division"]
    rows = max(len(box), len(_PROSE))
    raw = "\n".join(f"   {(_PROSE + [''] * rows)[n]:<60}   {(box + [''] * rows)[n]}".rstrip() for n in range(rows))
    lines = clean_lines(raw + "\n")
    assert "Post title: Senior Operational Research Analyst" in lines and "Grade: G16" in lines
    assert "Division: Analysis and Reporting Division" in lines
    prose = lines.index("The Centre performs joint analysis of operations and")
    assert lines[prose + 1] == "exercises for the Strategic Commands, and its"


def test_a_fact_box_left_of_the_text_with_labels_and_values_on_a_line() -> None:
    box = ["Vacancy Number:   JALLC 27/03", "Post Title:       Analyst (Operational", "                  Research)",
           "NATO Grade:       G18", "Closing Date:     19 March 2027,", "                  23:59 Lisbon time"]
    raw = "\n".join(f"  {(box + [''])[n]:<40}  {_PROSE[n]}".rstrip() for n in range(6))
    lines = clean_lines(raw + "\n")
    assert "Post Title: Analyst (Operational Research)" in lines
    assert "Closing Date: 19 March 2027, 23:59 Lisbon time" in lines


def test_a_table_of_labels_and_values_in_two_columns_is_no_fact_box() -> None:
    rows = ["Vacancy Number          NSPA 27-031", "Post Title              Aircraft Maintenance Planner",
            "Location                Pápa, Hungary", "Grade                   G13", "Closing Date            19 March 2027"]
    lines = clean_lines("\n".join(rows) + "\n")
    assert lines == ["Vacancy Number: NSPA 27-031", "Post Title: Aircraft Maintenance Planner", "Location: Pápa, Hungary",
                     "Grade: G13", "Closing Date: 19 March 2027"]


def test_a_fact_grid_drawn_with_box_characters_gives_each_label_its_whole_value() -> None:
    grid = ["┌──────────────┬──────────────────┬────────────┬──────────────┐",
            "│ Vacancy No.  │ 27017            │ NATO Grade │ G17          │",
            "├──────────────┼──────────────────┼────────────┼──────────────┤",
            "│ Post Title   │ Programme        │ Contract   │ Definite     │",
            "│              │ Control Officer  │            │ duration     │",
            "└──────────────┴──────────────────┴────────────┴──────────────┘"]
    assert clean_lines("\n".join(grid) + "\n") == ["Vacancy No.: 27017", "NATO Grade: G17",
                                                   "Post Title: Programme Control Officer", "Contract: Definite duration"]


def test_a_chat_exports_message_times_and_authors_go() -> None:
    text = ("[12/02/2027, 09:41:27] Javier Ruiz: anyone applying? deadline 20/02\n"
            "[12/02/2027, 09:45:02] Lucía Fernández: not me\n"
            "14/02/2027, 21:04 - Marta López: COMBINED AIR OPERATIONS CENTRE TORREJÓN (CAOC TJ)\nPost Title: Technician\n"
            "[14/02/2027, 21:08:40] Lucía Fernández: 4 March!! ok\n")
    lines = clean_lines(text)
    # (the one-line messages before the pasted one, several lines long, are the chat about it: they go too; those after
    # it stay)
    assert lines == ["COMBINED AIR OPERATIONS CENTRE TORREJÓN (CAOC TJ)", "Post Title: Technician", "4 March!! ok"]


def test_a_chat_export_without_a_message_of_several_lines_keeps_every_message() -> None:
    text = ("[12/02/2027, 09:41:27] Javier Ruiz: anyone applying? deadline 20/02\n"
            "[12/02/2027, 09:45:02] Lucía Fernández: not me\n"
            "[12/02/2027, 09:46:10] Javier Ruiz: Technician (CIS) at CAOC TJ, G10\n")
    assert clean_lines(text) == ["anyone applying? deadline 20/02", "not me", "Technician (CIS) at CAOC TJ, G10"]


def test_a_plain_text_table_between_dashed_borders_with_wrapped_cells() -> None:
    table = ["  ----------------------------------------", "  Vacancy         NAPMA 27-QA-02", "  reference", "",
             "  Post title      Quality Assurance Engineer", "                  (Mission Systems)", "",
             "  Number of posts 1", "", "  Basic monthly   EUR 7,219.44 (tax free),", "  salary          excluding allowances",
             "  ----------------------------------------", "", "1. Background"]
    assert clean_lines("\n".join(table) + "\n") == [
        "Vacancy reference: NAPMA 27-QA-02", "Post title: Quality Assurance Engineer (Mission Systems)",
        "Number of posts: 1", "Basic monthly salary: EUR 7,219.44 (tax free), excluding allowances", "", "1. Background"]
    other = ["  ----------  ----------", "  G13         4,512.06", "  G15         6,118.92", "  G17         8,205.33",
             "  ----------  ----------"]
    assert "G15 6,118.92" in " ".join(clean_lines("\n".join(other) + "\n"))  # (a table of other cells stays)


def test_both_columns_of_a_bilingual_fact_row_wrapped_at_the_margin() -> None:
    rows = ["Organisation: NATO Science and Technology                 Organisation : Organisation OTAN pour la science",
            "Organization (STO)                                        et la technologie (STO)", "",
            "1. BACKGROUND                                             1. CONTEXTE"]
    lines = clean_lines("\n".join(rows) + "\n")
    assert "Organisation: NATO Science and Technology Organization (STO)" in lines
