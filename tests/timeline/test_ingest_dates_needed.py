from pathlib import Path

import pytest
from django.core.management import call_command

from newsline.timeline.models import Source

pytestmark = pytest.mark.django_db


def test_the_closing_summary_lists_the_articles_that_need_a_date_and_how_to_give_one(tmp_path: Path, capsys):
    (tmp_path / "dated.txt").write_text(
        "---\npublished: 2021-05-04\n---\nMayor Ilse Marten opened the new harbour bridge in Kestrel on Tuesday.\n"
    )
    # No date printed and nothing else reports the same happening: its date stays unknown.
    (tmp_path / "undated.txt").write_text(
        "Choir wins prize\n\nThe youth choir of Brackwater won the first prize at a festival of folk songs, "
        "its conductor said.\n"
    )

    call_command("ingest", str(tmp_path))

    out = capsys.readouterr().out
    assert "1 article(s) need a publication date" in out
    assert "needs a date  undated.txt" in out
    assert "needs a date  dated.txt" not in out
    assert "published: YYYY-MM-DD" in out and "/admin/timeline/source/" in out
    assert Source.objects.get(file_name="undated.txt").published is None
