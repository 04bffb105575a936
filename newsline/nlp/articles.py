"""Reading article files: which files a folder holds, checks on each, optional front matter, then the page text."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

FRONT_MATTER_KEYS = ("title", "outlet", "url", "published")
#: Saved web pages (.html, .htm) are read by the ingest, which separates the article from the page.
ARTICLE_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm")
#: Longest article text analysed, in characters; spaCy refuses texts over its `max_length` (1,000,000).
MAX_ARTICLE_CHARS = 1_000_000
_FENCE = re.compile(r"^---[ \t]*$")


class FrontMatterError(ValueError):
    pass


class BadArticle(Exception):
    """An article file that cannot be analysed; the message says why, for the person running the analysis."""


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


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]], list[tuple[str, str]]]:
    """Article files under the given paths (folders are walked), the paths that do not exist, and the
    symbolic links skipped because they lead out of the folder given."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    for path in paths:
        if path.is_dir():
            found, outside = walk_folder(path)
            files.extend(found)
            skipped.extend((str(link), "symbolic link out of the folder, not followed") for link in outside)
        elif path.is_file():
            files.append(path)
        else:
            missing.append((str(path), "no such file or folder"))
    return files, missing, skipped


def walk_folder(folder: Path) -> tuple[list[Path], list[Path]]:
    """Article files in a folder and its subfolders; links are followed only when they stay inside it."""
    root = folder.resolve()
    files: list[Path] = []
    outside: list[Path] = []
    for directory, subfolders, names in os.walk(folder):
        here = Path(directory)
        for name in list(subfolders):
            link = here / name
            if link.is_symlink() and not link.resolve().is_relative_to(root):
                outside.append(link)
                subfolders.remove(name)
        for name in names:
            path = here / name
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            if path.is_symlink() and not path.resolve().is_relative_to(root):
                outside.append(path)
            elif path.is_file():
                files.append(path)
    return sorted(files), sorted(outside)


def read_article_file(path: Path, max_bytes: int) -> tuple[str, ArticleFile]:
    """Read and check one file; returns (content hash, article). Raises BadArticle with the reason.

    Sizes are checked before anything is parsed: at most `max_bytes` bytes and `MAX_ARTICLE_CHARS` characters.
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise BadArticle(f"file is {size:,} bytes, more than the limit of {max_bytes:,} (NEWSLINE_MAX_ARTICLE_BYTES)")
    with path.open("rb") as file:
        data = file.read(max_bytes + 1)  # the file may have grown since it was measured
    if len(data) > max_bytes:
        raise BadArticle(f"file is more than the limit of {max_bytes:,} bytes (NEWSLINE_MAX_ARTICLE_BYTES)")
    return read_article_data(data)


def read_article_data(data: bytes) -> tuple[str, ArticleFile]:
    """Check and read an article's bytes (a file's, an upload's, pasted text); returns (content hash, article)."""
    if not data.strip():
        raise BadArticle("file is empty")
    if b"\x00" in data:
        raise BadArticle("file is binary (contains NUL bytes), not a text article")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadArticle(
            f"file is not UTF-8 (byte {data[error.start]:#04x} at offset {error.start}); save it as UTF-8 and retry"
        ) from None
    if len(raw) > MAX_ARTICLE_CHARS:
        raise BadArticle(f"article is too long: {len(raw):,} characters, more than the limit of {MAX_ARTICLE_CHARS:,}")
    try:
        article = read_article(raw)
    except FrontMatterError as error:
        raise BadArticle(str(error)) from None
    if len(article.text.split()) < 5:
        raise BadArticle("file has no article text (fewer than five words)")
    return hashlib.sha256(data).hexdigest(), article
