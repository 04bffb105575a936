"""Reading an article file: optional front matter, then the scraped page text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

FRONT_MATTER_KEYS = ("title", "outlet", "url", "published")
_FENCE = re.compile(r"^---[ \t]*$")


class FrontMatterError(ValueError):
    pass


@dataclass(frozen=True)
class ArticleFile:
    """An article as read from a file: `text` is what follows the front matter, verbatim."""

    text: str
    front_matter: dict[str, str] = field(default_factory=dict)

    @property
    def published(self) -> date | None:
        raw = self.front_matter.get("published")
        return date.fromisoformat(raw) if raw else None


def read_article(raw: str) -> ArticleFile:
    """Split optional front matter from the article text.

    Front matter is a block between two `---` lines at the very top, holding `key: value` lines
    with the keys title, outlet, url and published (an ISO date). Unknown keys or a bad date raise
    FrontMatterError, so a typo is reported instead of silently ignored.
    """
    raw = raw.lstrip("\ufeff")
    lines = raw.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        return ArticleFile(text=raw)
    for end, line in enumerate(lines[1:], start=1):
        if _FENCE.match(line.rstrip("\r\n")):
            break
    else:
        raise FrontMatterError("front matter starts with '---' but has no closing '---' line")
    meta: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in FRONT_MATTER_KEYS:
            raise FrontMatterError(
                f"front matter line {number}: expected 'key: value' with key one of {', '.join(FRONT_MATTER_KEYS)}"
            )
        meta[key] = value.strip().strip("\"'")
    if meta.get("published"):
        try:
            date.fromisoformat(meta["published"])
        except ValueError:
            raise FrontMatterError(f"front matter 'published' is not an ISO date (YYYY-MM-DD): {meta['published']!r}")
    return ArticleFile(text="".join(lines[end + 1 :]), front_matter=meta)
