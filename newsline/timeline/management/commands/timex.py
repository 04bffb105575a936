import json
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsline.nlp.articles import FrontMatterError, read_article
from newsline.nlp.spacy_model import load_pipeline
from newsline.nlp.temporal import Timex, find_timexes


class Command(BaseCommand):
    help = (
        "Show the temporal expressions the engine finds in one article (FILE, with --dct), "
        "or annotate a JSONL file of {doc, dct, text} lines (--jsonl IN) to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, help="A plain-text article.")
        parser.add_argument(
            "--dct", type=date.fromisoformat, help="Publication date (YYYY-MM-DD) of FILE; default: its front matter's."
        )
        parser.add_argument("--jsonl", type=Path, help="Lines of {\"doc\", \"dct\", \"text\"}; '-' reads stdin.")

    def handle(self, *args, file: Path | None, dct: date | None, jsonl: Path | None, **options):
        if (file is None) == (jsonl is None):
            raise CommandError("Give either FILE (with --dct) or --jsonl IN.")
        if jsonl is not None:
            self.annotate_jsonl(sys.stdin if str(jsonl) == "-" else jsonl.open(encoding="utf-8"))
        else:
            if not file.is_file():
                raise CommandError(f"No such file: {file}")
            try:
                article = read_article(file.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, FrontMatterError) as error:
                raise CommandError(f"{file}: {error}")
            self.show_article(article.text, dct or article.published)

    def show_article(self, text: str, dct: date | None) -> None:
        nlp = load_pipeline(settings.NEWSLINE_SPACY_MODEL)
        timexes = find_timexes(nlp(text), dct)
        for timex in timexes:
            self.stdout.write(describe(timex))
        self.stdout.write(f"{len(timexes)} expressions; anchor {dct.isoformat() if dct else 'none (no --dct)'}.")

    def annotate_jsonl(self, lines: TextIO) -> None:
        nlp = load_pipeline(settings.NEWSLINE_SPACY_MODEL)
        records = [json.loads(line) for line in lines if line.strip()]
        texts = (record["text"] for record in records)
        for record, doc in zip(records, nlp.pipe(texts, batch_size=16)):
            anchor = date.fromisoformat(record["dct"]) if record.get("dct") else None
            timexes = [
                {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                for t in find_timexes(doc, anchor)
            ]
            self.stdout.write(json.dumps({"doc": record.get("doc"), "timexes": timexes}))


def describe(timex: Timex) -> str:
    mod = f" mod={timex.mod}" if timex.mod else ""
    event = f" event={timex.event_ref!r} offset={timex.offset}" if timex.event_ref else ""
    return f"{timex.start:>6}-{timex.end:<6} {timex.text!r:32} {timex.type:8} {timex.value:14}{mod}{event}  ({timex.rule})"
