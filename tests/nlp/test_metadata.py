import pytest

from newsline.nlp.metadata import detect_outlet, detect_title

BODY = "The council approved the new budget on Tuesday after a long and heated debate in the chamber.\n"


@pytest.mark.parametrize(
    ("page", "outlet"),
    [
        ("Budget approved after debate\n\n" + BODY + "\nSource: The Courier\n", "The Courier"),
        ("Budget approved after debate\n\n" + BODY + "\nVia Daily Post\n", "Daily Post"),
        ("Budget approved after debate\n\nAP , Wednesday 5 June 2019\n\n" + BODY, "AP"),
        ("Budget approved after debate\n\nLONDON (Reuters) - " + BODY, "Reuters"),
        ("Budget approved after debate\n\nBy Jane Doe, 5 June 2019\n\n" + BODY, ""),
        ("Budget approved after debate\n\n" + BODY + "The mayor told the BBC the vote was a relief.\n", ""),
    ],
)
def test_outlet(page: str, outlet: str):
    assert detect_outlet(page) == outlet


def test_title_skips_the_site_header_and_prefers_the_repeated_headline():
    page = "12 C\nLisbon\nLatest news\nHomeCity Budget approved after long debate\n\nBudget approved after long debate\n\n" + BODY
    assert detect_title(page) == "Budget approved after long debate"


def test_no_title_when_the_page_starts_with_prose():
    assert detect_title(BODY + BODY) == ""
