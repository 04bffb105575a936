from newsline.nlp.layout import (
    ADVERTISEMENT,
    BODY,
    CAPTION,
    CREDIT,
    DATELINE,
    HEADER,
    NAVIGATION,
    RELATED,
    SUBHEADING,
    TITLE,
    body_blocks,
    is_boilerplate,
    page_layout,
    printed_dates,
)

PAGE = """\
-3 °C
Oslo
Friday, 8 November 2030
Latest news
Home » World » Harbour strike ends after talks

Harbour strike ends after talks

Reuters , Wednesday 12 March 2025

Dock workers in the port city returned to work on Wednesday after union leaders accepted a new pay offer from the harbour authority.

- Advertisement -

Union leader Kari Berg arrives for the talks (Photo: Reuters)

The strike had halted container traffic for nine days and left dozens of ships waiting offshore.

Ships queue outside the port

The authority said the backlog would be cleared by the end of the month.

Source: Reuters

Related news
Ferry operator cuts winter routes
Harbour strike ends after talks
"""


def kinds_by_text(text: str) -> dict[str, str]:
    return {block.text: block.kind for block in page_layout(text)}


def test_every_kind_of_page_chrome_is_recognized():
    kinds = kinds_by_text(PAGE)
    assert kinds["-3 °C"] == HEADER
    assert kinds["Oslo"] == HEADER
    assert kinds["Friday, 8 November 2030"] == HEADER
    assert kinds["Latest news"] == NAVIGATION
    assert kinds["Home » World » Harbour strike ends after talks"] == NAVIGATION
    assert kinds["Harbour strike ends after talks"] in (TITLE, RELATED)
    assert kinds["Reuters , Wednesday 12 March 2025"] == DATELINE
    assert kinds["- Advertisement -"] == ADVERTISEMENT
    assert kinds["Union leader Kari Berg arrives for the talks (Photo: Reuters)"] == CAPTION
    assert kinds["Ships queue outside the port"] == SUBHEADING
    assert kinds["Source: Reuters"] == CREDIT
    assert kinds["Ferry operator cuts winter routes"] == RELATED


def test_the_title_is_found_once_and_its_repetition_at_the_end_is_related():
    blocks = page_layout(PAGE)
    titles = [b for b in blocks if b.kind == TITLE]
    assert [b.text for b in titles] == ["Harbour strike ends after talks"]
    assert blocks[-1].text == "Harbour strike ends after talks" and blocks[-1].kind == RELATED


def test_body_blocks_are_the_paragraphs_with_their_offsets():
    paragraphs = body_blocks(PAGE)
    assert [p.text[:20] for p in paragraphs] == ["Dock workers in the ", "The strike had halte", "The authority said t"]
    for paragraph in paragraphs:
        assert PAGE[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.kind == BODY


def test_is_boilerplate_by_offset():
    assert is_boilerplate(PAGE, PAGE.index("Advertisement"))
    assert is_boilerplate(PAGE, PAGE.index("Source: Reuters"))
    assert is_boilerplate(PAGE, PAGE.index("Friday, 8 November"))
    assert not is_boilerplate(PAGE, PAGE.index("Dock workers"), PAGE.index("Dock workers") + 12)


def test_a_page_without_title_is_all_body_when_it_is_prose():
    text = "The council approved the budget on Tuesday after a long debate.\nThe mayor said the vote was a relief for the city."
    assert [b.kind for b in page_layout(text)] == [BODY, BODY]


def test_a_short_sentence_between_paragraphs_stays_body():
    text = (
        "Title of the story goes here\n\n"
        "The first paragraph reports what happened in some detail for the reader.\n\n"
        "The talks end on Friday.\n\n"
        "The last paragraph gives the background of the story for the reader."
    )
    assert kinds_by_text(text)["The talks end on Friday."] == BODY


def test_printed_dates_read_years_weekdays_and_their_problems():
    dates = printed_dates("Thursday 16 Feb 2017 | Tuesday / March 19. | Tuesday, 3 April 2017 | 2021-06-30")
    assert [d.day.isoformat() if d.day else d.problem for d in dates] == [
        "2017-02-16",
        "no year printed",
        "the printed weekday does not fall on 2017-04-03",
        "2021-06-30",
    ]
