import gc
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsline.nlp.spacy_model import BULK_GC_THRESHOLDS
from newsline.timeline.ingest import IngestReport, cross_article_pass, default_jobs, ingest_paths


class Command(BaseCommand):
    help = (
        "Ingest news articles (.txt/.md files, saved .html/.htm pages, folders of them, or pages fetched from URLs) "
        "into the timeline. Safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="Files or folders (default: NEWSLINE_CORPUS_DIR).")
        parser.add_argument("--force", action="store_true", help="Re-analyze unchanged articles too.")
        parser.add_argument(
            "--url", dest="urls", action="append", nargs="+", default=[], metavar="URL",
            help="Fetch the article page at URL (http or https) and ingest it as a saved page.",
        )
        parser.add_argument(
            "--urls", dest="url_files", action="append", type=Path, default=[], metavar="FILE",
            help="Fetch and ingest the page of every URL in FILE (one a line; blank lines and # comments ignored).",
        )
        parser.add_argument(
            "--jobs", type=positive_int, default=default_jobs(),
            help="Worker processes analysing articles (default: the number of cores).",
        )
        parser.add_argument(
            "--cross-article-only", action="store_true",
            help="Read no files: redo the work across articles over everything stored (after ingests run apart).",
        )

    def handle(
        self, *args, paths: list[Path], force: bool, jobs: int, cross_article_only: bool, verbosity: int,
        urls: list[list[str]], url_files: list[Path], **options
    ):
        self.started = time.perf_counter()
        urls = [url for group in urls for url in group] + [url for file in url_files for url in read_url_list(file)]
        self.bar = ProgressBar(self.stdout) if verbosity else None
        if cross_article_only and (paths or urls):
            raise CommandError("--cross-article-only reads no files: give no paths or URLs.")
        progress = self.progress if verbosity else print_nothing
        previous_thresholds = gc.get_threshold()
        gc.set_threshold(*BULK_GC_THRESHOLDS)
        try:
            if cross_article_only:
                report = cross_article_pass(progress=progress, jobs=jobs)
            else:
                report = ingest_paths(
                    paths or ([] if urls else [settings.NEWSLINE_CORPUS_DIR]),
                    progress=progress,
                    force=force,
                    jobs=jobs,
                    advance=self.bar.advance if self.bar else lambda done, total, name: None,
                    urls=urls,
                )
        finally:
            gc.set_threshold(*previous_thresholds)
        self.summarize(report)
        if not report.ok:
            raise CommandError(f"{len(report.failed)} file(s) could not be ingested (see above).", returncode=1)

    def progress(self, message: str) -> None:
        assert self.bar is not None
        self.bar.line(message)

    def summarize(self, report: IngestReport) -> None:
        self.stdout.write(
            f"Ingest finished: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.failed)} failed, {len(report.skipped)} skipped; "
            f"{report.events_created} new events, {report.actors_created} new actors."
        )
        if report.timings:
            phases = ", ".join(f"{phase} {seconds:.1f} s" for phase, seconds in report.timings.items())
            self.stdout.write(f"Time per phase: {phases}; total {time.perf_counter() - self.started:.1f} s.")
        for name, reason in report.failed:
            self.stderr.write(f"failed  {name}: {reason}")
        if report.undated:
            self.stdout.write(
                f"{len(report.undated)} article(s) need a publication date (none is printed that the article allows; "
                "their events stay undated until one is given):"
            )
            for name in report.undated:
                self.stdout.write(f"  needs a date  {name}")
            self.stdout.write(
                "Give it as 'published: YYYY-MM-DD' in the file's front matter and ingest again, or in the admin "
                "(/admin/timeline/source/, the source's Published field)."
            )


def read_url_list(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"cannot read the URL list {path}: {error}") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def print_nothing(message: str) -> None:
    pass


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class ProgressBar:
    """Articles analysed so far: on a terminal one line redrawn in place (count, rate, time left), other messages
    printed above it; elsewhere a plain line per article."""

    WIDTH = 30

    def __init__(self, stdout) -> None:
        self.stdout = stdout
        self.terminal = stdout.isatty()
        self.started = time.perf_counter()
        self.drawn = ""

    def line(self, message: str) -> None:
        if self.drawn:
            self.stdout.write("\r\033[K", ending="")
        self.stdout.write(message)
        if self.drawn:
            self.stdout.write(self.drawn, ending="")
            self.stdout.flush()

    def advance(self, done: int, total: int, name: str) -> None:
        if not self.terminal:
            self.stdout.write(f"analyzed   [{done}/{total}] {name}")
            return
        elapsed = time.perf_counter() - self.started
        rate = done / elapsed if elapsed else 0.0
        left = (total - done) / rate if rate else 0.0
        filled = self.WIDTH * done // total
        self.drawn = (
            f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total} articles, "
            f"{rate * 60:.0f}/min, {format_seconds(left)} left"
        )
        self.stdout.write("\r\033[K" + self.drawn, ending="")
        self.stdout.flush()
        if done == total:
            self.stdout.write("")
            self.drawn = ""


def format_seconds(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"
