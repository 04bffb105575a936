"""The `timex` management command: one article readably, or JSONL in and out."""

import json
from io import StringIO

from django.core.management import call_command


def test_prints_each_expression_of_one_article(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("The council met on Monday. It will vote next week.", encoding="utf-8")
    out = StringIO()
    call_command("timex", str(article), "--dct", "2017-02-16", stdout=out)
    lines = out.getvalue().splitlines()
    assert "'Monday'" in lines[0] and "2017-02-13" in lines[0] and "most recent Monday" in lines[0]
    assert "'next week'" in lines[1] and "2017-W08" in lines[1]
    assert lines[-1].startswith("2 expressions")


def test_jsonl_writes_one_line_per_document(tmp_path):
    source = tmp_path / "in.jsonl"
    records = [
        {"doc": "a", "dct": "2017-02-16", "text": "Yesterday it rained."},
        {"doc": "b", "dct": "1998-08-08", "text": "Bombs exploded on Friday."},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = StringIO()
    call_command("timex", "--jsonl", str(source), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines == [
        {"doc": "a", "timexes": [{"start": 0, "end": 9, "text": "Yesterday", "type": "DATE", "value": "2017-02-15"}]},
        {"doc": "b", "timexes": [{"start": 18, "end": 24, "text": "Friday", "type": "DATE", "value": "1998-08-07"}]},
    ]


def test_front_matter_is_skipped_and_gives_the_anchor(tmp_path):
    article = tmp_path / "talks.txt"
    article.write_text("---\npublished: 2017-03-01\n---\nThe ministers met in Paris on Monday.\n")
    out = StringIO()
    call_command("timex", str(article), stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 and "'Monday'" in lines[0] and "2017-02-27" in lines[0]
    assert lines[-1] == "1 expressions; anchor 2017-03-01."
