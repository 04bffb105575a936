"""One event per happening across sources, keeping the finest date they agree on; different happenings apart."""

from newsline.nlp.happenings import MERGE_THRESHOLD, DateEvidence, EventFeatures, choose_date, event_similarity
from newsline.nlp.keywords import text_keywords
from newsline.nlp.temporal import DateRange, value_range


def stored(value: str, source: str, anchor: str = "publication") -> DateEvidence:
    """Evidence as the database gives it: the range without its precision."""
    whole = value_range(value)
    return DateEvidence(value, DateRange(whole.start, whole.end, ""), source, anchor)


def test_the_merged_event_keeps_the_day_inside_the_week_its_sources_agree_on():
    choice = choose_date([stored("2021-W11", "a"), stored("2021-03-15", "b"), stored("2021", "c", "absolute")])
    assert choice.chosen.value == "2021-03-15" and choice.supporting_sources == 3 and not choice.conflict


def test_a_month_beats_its_year_even_when_the_year_is_written_out():
    assert choose_date([stored("2019", "a", "absolute"), stored("2019-10", "b")]).chosen.value == "2019-10"


def report(headline: str, value: str, actors=(), planned: bool = False) -> EventFeatures:
    return EventFeatures.of(headline, headline, value_range(value), actors, planned)


def test_a_summit_announced_and_the_summit_held_in_the_same_month_are_one_happening():
    announced = report("Mercosur summit takes place", "2023-07", [("Mercosur", "organization")], planned=True)
    held = report("Mercosur summit takes place", "2023", [])
    assert event_similarity(announced, held) >= MERGE_THRESHOLD


def test_a_demonym_and_its_country_name_tell_one_happening():
    assert text_keywords("Peruvian interference in the vote") == text_keywords("Peru's interference in the vote")
    a = report("Peruvian interference in Castillo's election", "2021", [("Pedro Castillo", "person")])
    b = report("Peru's interference in the presidential elections", "2021", [("Peru", "country")])
    assert event_similarity(a, b) >= MERGE_THRESHOLD


def test_an_order_and_expulsions_two_years_later_never_merge():
    order = report("President Okoro signs executive order on sanctions", "2014-03", [("Ada Okoro", "person")])
    expulsions = report("President Okoro expels 20 diplomats under the sanctions order", "2016-12-29",
                        [("Ada Okoro", "person")])
    assert event_similarity(order, expulsions) == 0.0
    assert choose_date([stored("2014-03", "a"), stored("2016-12-29", "b")]).conflict


def test_a_plan_and_a_deed_on_different_days_stay_apart():
    plan = report("Minister Sato to visit Hanoi", "2022-05-10", [("Kenji Sato", "person")], planned=True)
    deed = report("Minister Sato visits Hanoi", "2022-05-20", [("Kenji Sato", "person")])
    assert event_similarity(plan, deed) < MERGE_THRESHOLD
