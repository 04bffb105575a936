"""Benchmark Newsline on real news as a new user would run it: ingest a folder, export JSON, score it.

    .venv/bin/python benchmarks/bench_news.py [--sets corpus,news-dev,pubdates] [--html] [--defects] [--scores]
                                              [--out DIR]

Each set goes through the project's real commands (`manage.py migrate`, `ingest DIR`, `export --format json`) into a
throwaway SQLite database, then through the scorer that sits beside its gold file in ../shared/benchmarks. Prints per
set the publication dates right / wrong / unknown, the gold events dated right / wrong / missing (news-dev), accuracy
and precision (pubdates), and the headline defects found in the exported events (`--defects` lists them).
The corpus has no gold file: its expectations are the end-to-end tests (tests/timeline/test_corpus.py), so the
bench prints the publication dates found and the number of events. With --html the news-dev and pubdates sets are
ingested from their saved web pages (html/ beside txt/) instead of the scraped text.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.headline_defects import headline_defects  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks"


@dataclass(frozen=True)
class BenchSet:
    name: str
    # The scraped visible text of each page (txt/); --html reads the saved web pages beside it (html/) instead.
    pages: Path
    gold: Path | None = None
    scorer: Path | None = None


SETS = {
    "corpus": BenchSet("corpus", ROOT / "fixtures" / "corpus"),
    "news-dev": BenchSet(
        "news-dev", SHARED / "news-dev" / "txt", SHARED / "news-dev" / "gold.json", SHARED / "news-dev" / "score.py"
    ),
    "pubdates": BenchSet(
        "pubdates", SHARED / "pubdates" / "txt", SHARED / "pubdates" / "gold.json", SHARED / "pubdates" / "score.py"
    ),
}


@dataclass
class Defective:
    headline: str
    files: list[str]
    reasons: list[str]


@dataclass
class SetResult:
    name: str
    seconds: float
    export: dict
    score_lines: list[str] = field(default_factory=list)
    ingest_errors: str = ""
    defective: list[Defective] = field(default_factory=list)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="corpus,news-dev,pubdates", help="comma-separated (default: %(default)s)")
    parser.add_argument("--html", action="store_true", help="ingest the saved web pages (html/) instead of txt/")
    parser.add_argument("--defects", action="store_true", help="list every defective headline")
    parser.add_argument("--scores", action="store_true", help="print the scorers' own per-page lines")
    parser.add_argument("--out", type=Path, default=Path("/tmp/newsline-bench-news"), help="databases and exports")
    args = parser.parse_args()
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    args.out.mkdir(parents=True, exist_ok=True)
    for name in names:
        bench = SETS[name]
        if args.html and (bench.pages.parent / "html").is_dir():
            bench = replace(bench, name=f"{name}-html", pages=bench.pages.parent / "html")
        result = run_set(bench, args.out)
        print_result(bench, result, args.defects, args.scores)


def run_set(bench: BenchSet, out: Path) -> SetResult:
    database = out / f"{bench.name}.sqlite3"
    database.unlink(missing_ok=True)
    export_path = out / f"{bench.name}-export.json"
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": f"sqlite:///{database}"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    started = time.perf_counter()
    subprocess.run([*manage, "migrate", "-v0", "--noinput"], env=env, check=True)
    ingest = subprocess.run([*manage, "ingest", "-v0", str(bench.pages)], env=env, capture_output=True, text=True)
    if "Ingest finished" not in ingest.stdout:  # refused files are reported in the summary; a crash has none
        sys.exit(f"ingest of {bench.pages} crashed:\n{ingest.stderr}")
    seconds = time.perf_counter() - started
    subprocess.run(
        [*manage, "export", "--format", "json", "-o", str(export_path)], env=env, check=True, stdout=subprocess.DEVNULL
    )
    export = json.loads(export_path.read_text(encoding="utf-8"))
    result = SetResult(bench.name, seconds, export, defective=find_defects(export))
    result.ingest_errors = ingest.stderr.strip()
    if bench.scorer is not None and bench.gold is not None:
        scored = subprocess.run(
            [sys.executable, str(bench.scorer), str(bench.gold), str(export_path)],
            capture_output=True,
            text=True,
            check=True,
        )
        result.score_lines.extend(scored.stdout.splitlines())
    return result


def find_defects(export: dict) -> list[Defective]:
    defective = []
    for event in export.get("events", []):
        sources = event.get("sources", [])
        reasons = headline_defects(
            event.get("title", ""),
            quotes=[s.get("quote", "") for s in sources],
            outlets=[s.get("outlet", "") for s in sources],
        )
        if reasons:
            files = sorted({s.get("file", "") for s in sources})
            defective.append(Defective(event.get("title", ""), files, reasons))
    return defective


def print_result(bench: BenchSet, result: SetResult, list_defects: bool, print_scores: bool) -> None:
    events = result.export.get("events", [])
    sources = result.export.get("sources", [])
    print(f"\n== {bench.name}: {bench.pages}  (ingest {result.seconds:.0f} s)")
    if result.ingest_errors:
        print(result.ingest_errors)
    if print_scores:
        print("\n".join(result.score_lines))
    if bench.name.startswith("news-dev"):
        print_news_dev(result.score_lines)
    elif bench.name.startswith("pubdates"):
        print_pubdates(result.score_lines)
    else:
        for source in sorted(sources, key=lambda s: s["file"]):
            print(f"  {source['file']}: published {source['published'] or 'unknown'} ({source['published_how']})")
    print(f"  {len(events)} events exported from {len(sources)} articles")
    kinds = Counter(reason.split(" '")[0] for item in result.defective for reason in item.reasons)
    share = f" ({100 * len(result.defective) / len(events):.0f}%)" if events else ""
    detail = "; ".join(f"{kind} {count}" for kind, count in kinds.most_common())
    summary = f"  headline defects: {len(result.defective)} of {len(events)} headlines{share}"
    print(summary + (f": {detail}" if detail else ""))
    if list_defects:
        for item in result.defective:
            print(f"    {item.headline!r}  [{', '.join(item.reasons)}]  {', '.join(item.files)}")


def print_news_dev(lines: list[str]) -> None:
    split = lines.index("== events") if "== events" in lines else len(lines)
    pages, gold_events = lines[:split], lines[split:]
    pub_none = sum(1 for line in pages if "published none," in line)
    pub_unknown = pub_none + sum(1 for line in pages if line.startswith("MISS"))
    pub_wrong = sum(1 for line in pages if line.startswith("WRONG")) - pub_none
    print(
        f"  publication dates: right {sum(1 for line in pages if line.startswith('right'))}, "
        f"wrong {pub_wrong}, unknown {pub_unknown}"
    )
    print(
        f"  gold events dated: right {sum(1 for line in gold_events if line.startswith('right'))}, "
        f"wrong {sum(1 for line in gold_events if line.startswith('WRONG'))}, "
        f"missing {sum(1 for line in gold_events if line.startswith('NOT FOUND'))}"
    )
    print(f"  scorer: {lines[-1]}")


def print_pubdates(lines: list[str]) -> None:
    totals = lines[-1]
    match = re.search(r"\((\d+)/\d+\); precision .*?wrong (\d+); unknown (\d+); not ingested (\d+)", totals)
    if match:
        right, wrong, unknown, missing = (int(g) for g in match.groups())
        unknown_total = f"unknown {unknown + missing} (no event exported: {missing})"
        print(f"  publication dates: right {right}, wrong {wrong}, {unknown_total}")
    print(f"  scorer: {totals}")


if __name__ == "__main__":
    main()
