from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsline.timeline.ingest import IngestReport, ingest_paths


class Command(BaseCommand):
    help = "Ingest news articles (.txt/.md files or folders of them) into the timeline. Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="Files or folders (default: NEWSLINE_CORPUS_DIR).")
        parser.add_argument("--force", action="store_true", help="Re-analyze unchanged articles too.")

    def handle(self, *args, paths: list[Path], force: bool, verbosity: int, **options):
        report = ingest_paths(paths or [settings.NEWSLINE_CORPUS_DIR], progress=self.progress if verbosity else print_nothing, force=force)
        self.summarize(report)
        if not report.ok:
            raise CommandError(f"{len(report.failed)} file(s) could not be ingested (see above).", returncode=1)

    def progress(self, message: str) -> None:
        self.stdout.write(message)

    def summarize(self, report: IngestReport) -> None:
        self.stdout.write(
            f"Ingest finished: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.failed)} failed, {len(report.skipped)} skipped; "
            f"{report.events_created} new events, {report.actors_created} new actors."
        )
        for name, reason in report.failed:
            self.stderr.write(f"failed  {name}: {reason}")


def print_nothing(message: str) -> None:
    pass
