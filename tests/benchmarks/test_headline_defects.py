import pytest

from benchmarks.headline_defects import headline_defects


@pytest.mark.parametrize(
    "headline, defect",
    [
        ("Lagos and and Abuja sign deal", "repeated word 'and and'"),
        ("Border closed", "fewer than three words"),
        ("Warsaw hosts 300 us troops", "lower-case country abbreviation 'us'"),
        ("Minister says eu will respond", "lower-case country abbreviation 'eu'"),
        ("It expels four diplomats", "pronoun subject 'It'"),
        ("Court rules on appeal from", "dangling last word 'from'"),
        ("Council appoints the city's", "dangling possessive 'city's'"),
        ("Minister says fire was set deliberately Reuters reported", "ends with the outlet 'Reuters'"),
        ("Port of Mombasa reopens, according to the Daily Ledger", "ends with the outlet 'Daily Ledger'"),
    ],
)
def test_each_kind_of_defect_is_found(headline, defect):
    assert defect in headline_defects(headline, outlets=["Daily Ledger"])


@pytest.mark.parametrize(
    "headline, quote",
    [
        ("Police tell us nothing", "Police told us nothing."),
        ("Senator writes in The Washington Post", "The senator wrote in The Washington Post."),
        ("Chilean miners end their strike", ""),
    ],
)
def test_a_readable_headline_has_none(headline, quote):
    assert headline_defects(headline, quotes=[quote]) == []


def test_country_us_is_found_even_when_the_source_wrote_it_in_lower_case():
    quote = "The ministry ordered 300 us diplomats to leave."
    assert "lower-case country abbreviation 'us'" in headline_defects("Ministry expels 300 us diplomats", [quote])
