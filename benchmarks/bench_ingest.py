"""Ingest at scale: how close `manage.py ingest` comes to spaCy's own speed, and how its cost grows.

    .venv/bin/python benchmarks/bench_ingest.py [FOLDER ...] [--jobs-set FOLDER] [--skip double,jobs,bare]

Default folders: ../shared/benchmarks/pubdates/txt and ../shared/benchmarks/news-dev/txt (the pages stay there).
Prints articles and words; the bare `nlp.pipe` time of the configured model (settings.NEWSLINE_SPACY_MODEL, loaded by
the project's loader) over the same texts; the time of a real `ingest --jobs 1` into a throwaway SQLite database, its
ratio to spaCy, its time per phase (from the command's closing summary) and its peak memory (ru_maxrss of the child);
a re-ingest of the unchanged folders as a share of the first; the same for the collection doubled (the folders plus
copies with years shifted and capitalised names changed, written to a temporary folder); and `--jobs 1` against
`--jobs 2` on the 138-page set.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"
DEFAULT_FOLDERS = [SHARED / "pubdates" / "txt", SHARED / "news-dev" / "txt"]
PYTHON = sys.executable

# Run in a child, so that ru_maxrss is that one command's peak and not the largest of all runs so far.
MEASURED_CHILD = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
    "print('peak-rss-kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)"
)
MONTHS_AND_DAYS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}
VOWEL_SHIFT = str.maketrans("aeiou", "eioua")


@dataclass
class IngestRun:
    seconds: float
    peak_mb: float
    phases: str
    summary: str


def article_files(folders: list[Path]) -> list[Path]:
    return sorted(path for folder in folders for path in folder.rglob("*") if path.suffix in (".txt", ".md"))


def word_count(files: list[Path]) -> int:
    return sum(len(path.read_text(encoding="utf-8", errors="replace").split()) for path in files)


def bare_spacy_seconds(files: list[Path], in_pieces: bool) -> float:
    """`nlp.pipe` over the texts in a child process (a fresh interpreter with ingest's garbage-collector setting, as
    ingest gets), model loading excluded.

    `in_pieces`: long texts cut at line breaks as the analysis cuts them (spaCy's cost per character grows with a
    document's length, so whole long pages take longer than the same text in pieces).
    """
    cut = "[piece for text in texts for piece in pieces_of(text)]" if in_pieces else "texts"
    code = (
        "import os, sys, time, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'newsline.settings'); "
        "django.setup(); from django.conf import settings; "
        "import gc; from newsline.nlp.spacy_model import BULK_GC_THRESHOLDS, load_pipeline; "
        "from newsline.nlp.parsing import pieces_of; gc.set_threshold(*BULK_GC_THRESHOLDS); "
        "nlp = load_pipeline(settings.NEWSLINE_SPACY_MODEL); "
        "texts = [open(p, encoding='utf-8', errors='replace').read() for p in sys.argv[1:]]; "
        f"texts = {cut}; "
        "start = time.perf_counter(); [None for _ in nlp.pipe(texts)]; print(time.perf_counter() - start)"
    )
    command = [PYTHON, "-c", code, *map(str, files)]
    output = subprocess.run(command, cwd=ROOT, env=django_env(None), check=True, capture_output=True, text=True)
    return float(output.stdout.strip().splitlines()[-1])


def bare_spacy(files: list[Path], label: str, whole_texts: bool) -> float:
    """Prints the bare time on the texts as the analysis feeds them (the stricter floor, returned), and with
    `whole_texts` on the texts uncut too."""
    pieces = bare_spacy_seconds(files, in_pieces=True)
    whole = f" ({bare_spacy_seconds(files, in_pieces=False):.1f} s on whole texts)" if whole_texts else ""
    print(f"{label}bare nlp.pipe: {pieces:.1f} s on the texts in pieces as ingest parses them{whole}")
    return pieces


def django_env(database: Path | None) -> dict[str, str]:
    # Production settings: with DEBUG on, Django also records every query the ingest makes.
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "bench-ingest-only"}
    if database is not None:
        env["DATABASE_URL"] = f"sqlite:///{database}"
    return env


def migrate(database: Path) -> None:
    database.unlink(missing_ok=True)
    subprocess.run(
        [PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=django_env(database), check=True, capture_output=True
    )


def ingest(database: Path, folders: list[Path], jobs: int) -> IngestRun:
    command = [PYTHON, "-c", MEASURED_CHILD, PYTHON, "manage.py", "ingest", *map(str, folders), "--jobs", str(jobs)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=django_env(database), capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak = re.search(r"peak-rss-kb (\d+)", done.stderr)
    lines = done.stdout.splitlines()
    phases = next((line for line in lines if line.startswith("Time per phase")), "")
    summary = next((line for line in lines if line.startswith("Ingest finished")), "")
    if not summary:
        sys.exit(f"ingest failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return IngestRun(seconds, int(peak[1]) / 1024 if peak else 0.0, phases, summary)


def doubled(files: list[Path], into: Path) -> list[Path]:
    """The files plus a changed copy of each: years moved on by 7, capitalised names with their vowels shifted."""
    originals, copies = into / "originals", into / "copies"
    originals.mkdir()
    copies.mkdir()
    for number, path in enumerate(files):
        text = path.read_text(encoding="utf-8", errors="replace")
        (originals / f"{number:04d}-{path.name}").write_text(text, encoding="utf-8")
        changed = re.sub(r"\b(1[89]|20)(\d\d)\b", lambda m: str(int(m[0]) + 7), text)
        changed = re.sub(
            r"\b[A-Z][a-z]{3,}\b", lambda m: m[0] if m[0] in MONTHS_AND_DAYS else m[0].translate(VOWEL_SHIFT), changed
        )
        (copies / f"{number:04d}-copy-{path.name}").write_text(changed, encoding="utf-8")
    return [originals, copies]


def report_run(label: str, run: IngestRun, spacy_seconds: float | None) -> None:
    ratio = f", {run.seconds / spacy_seconds:.2f}× bare spaCy" if spacy_seconds else ""
    print(f"{label}: {run.seconds:.1f} s{ratio}, peak memory {run.peak_mb:,.0f} MB")
    print(f"    {run.summary}")
    if run.phases:
        print(f"    {run.phases}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT_FOLDERS)
    parser.add_argument("--jobs-set", type=Path, default=SHARED / "pubdates" / "txt", help="folder for --jobs 1 vs 2")
    parser.add_argument("--skip", default="", help="comma-separated parts to leave out: bare, reingest, double, jobs")
    parser.add_argument("--whole-texts", action="store_true", help="also time bare spaCy on the uncut texts")
    parser.add_argument("--out", type=Path, help="keep the databases here (default: a temporary folder)")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    work = args.out or Path(tempfile.mkdtemp(prefix="newsline-bench-ingest-"))
    work.mkdir(parents=True, exist_ok=True)
    database = work / "bench.sqlite3"
    try:
        files = article_files(args.folders)
        if not files:
            sys.exit(f"no .txt or .md articles in {', '.join(map(str, args.folders))}")
        print(f"Folders: {', '.join(map(str, args.folders))}")
        print(f"Articles: {len(files)}, words: {word_count(files):,}")
        spacy_seconds = None if "bare" in skip else bare_spacy(files, "", args.whole_texts)
        migrate(database)
        first = ingest(database, args.folders, jobs=1)
        report_run("Ingest --jobs 1", first, spacy_seconds)
        if "reingest" not in skip:
            again = ingest(database, args.folders, jobs=1)
            print(f"Re-ingest unchanged: {again.seconds:.1f} s, {again.seconds / first.seconds:.1%} of the first")
        if "double" not in skip:
            copies = work / "doubled"
            shutil.rmtree(copies, ignore_errors=True)
            copies.mkdir()
            double_folders = doubled(files, copies)
            double_files = article_files(double_folders)
            print(f"Doubled: {len(double_files)} articles, {word_count(double_files):,} words")
            double_spacy = None if "bare" in skip else bare_spacy(double_files, "Doubled: ", args.whole_texts)
            migrate(database)
            twice = ingest(database, double_folders, jobs=1)
            report_run("Doubled ingest --jobs 1", twice, double_spacy)
            print(f"Growth: 2× the collection costs {twice.seconds / first.seconds:.2f}× the time of 1×")
        if "jobs" not in skip:
            print(f"Jobs on {args.jobs_set} ({len(article_files([args.jobs_set]))} articles):")
            runs = {}
            for jobs in (1, 2):
                migrate(database)
                runs[jobs] = ingest(database, [args.jobs_set], jobs=jobs)
                report_run(f"  --jobs {jobs}", runs[jobs], None)
            print(f"Speed-up --jobs 2 over --jobs 1: {runs[1].seconds / runs[2].seconds:.2f}×")
    finally:
        if args.out is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"(ru_maxrss of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
