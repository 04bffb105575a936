from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsline.exports.formats import FORMATS
from newsline.exports.forms import select_events


class Command(BaseCommand):
    help = "Export the timeline in one format, with the timeline page's filters (as /export/<format>/ does)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", required=True, choices=list(FORMATS), help="What to export.")
        parser.add_argument("--actor", action="append", default=[], help="Events with this actor (repeatable).")
        parser.add_argument("--source", action="append", default=[], help="Events from this file or outlet (repeatable).")
        parser.add_argument("--from", dest="from", default="", help="Events ending on or after this date.")
        parser.add_argument("--to", default="", help="Events starting on or before this date.")
        parser.add_argument("--q", default="", help="Events whose text contains this.")
        parser.add_argument("--certainty", choices=["exact", "approximate"], default="")
        parser.add_argument("--key", action="store_true", help="Key events only.")
        parser.add_argument("--planned", choices=["hide", "only"], default="")
        parser.add_argument("--top", default="", help="The N most important events, in date order.")
        parser.add_argument("-o", "--output", type=Path, help="File to write (default: standard output).")

    def query(self, options: dict[str, Any]) -> dict[str, Any]:
        """The options as the URL parameters the filter form reads."""
        names = ["actor", "source", "from", "to", "q", "certainty", "planned", "top"]
        query = {name: options[name] for name in names}
        query["key"] = options["key"]
        return query

    def handle(self, *args: Any, **options: Any) -> None:
        selection = select_events(self.query(options))
        if selection.errors:
            raise CommandError("Invalid filter: " + "; ".join(selection.errors))
        for notice in selection.notices:
            self.stderr.write(notice)
        export_format = FORMATS[options["format"]]
        pieces = export_format.render(selection)
        count = selection.events.count()
        if options["output"] is None:
            for piece in pieces:
                self.stdout.write(piece, ending="")
            self.stderr.write(f"Exported {count} events as {options['format']}.")
            return
        # newline="" keeps the CRLF line ends that CSV and iCalendar require.
        with open(options["output"], "w", encoding="utf-8", newline="") as output:
            for piece in pieces:
                output.write(piece)
        self.stdout.write(f"Exported {count} events as {options['format']} to {options['output']}.")
