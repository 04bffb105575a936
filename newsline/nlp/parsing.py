"""Parsing article texts with spaCy: the length check, long texts parsed in pieces, batches through `nlp.pipe`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .articles import MAX_ARTICLE_CHARS


class ArticleTooLong(ValueError):
    pass


def check_length(text: str, nlp: Language) -> None:
    limit = min(MAX_ARTICLE_CHARS, nlp.max_length)
    if len(text) > limit:
        raise ArticleTooLong(f"article is {len(text):,} characters long, more than the limit of {limit:,}")


#: Texts longer than this are parsed in pieces cut at line breaks: spaCy's cost per character grows with the
#: length of one document, so a page of many thousand lines would take minutes instead of seconds.
PARSE_CHUNK_CHARS = 20_000

#: Texts (or pieces) handed to `nlp.pipe` at once. Larger batches are no faster on a CPU and hold more memory
#: (news-dev: 32 → 1.1 GB peak, 4 → 0.35 GB).
BATCH_SIZE = 4


def pieces_of(text: str) -> list[str]:
    """The text cut at line breaks into pieces of about PARSE_CHUNK_CHARS characters (one piece if it is shorter)."""
    pieces = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + PARSE_CHUNK_CHARS)
        end = len(text) if end == -1 else end + 1
        pieces.append(text[start:end])
        start = end
    return pieces or [text]


def joined(docs: list[Doc]) -> Doc:
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def parse(text: str, nlp: Language) -> Doc:
    """The parsed article, in pieces of about PARSE_CHUNK_CHARS characters joined back into one Doc."""
    check_length(text, nlp)
    return joined(list(nlp.pipe(pieces_of(text))))


def parse_all(texts: Sequence[str], nlp: Language) -> Iterator[tuple[int, Doc | Exception]]:
    """(index, parsed Doc) for each text in order, batched through `nlp.pipe` (long texts in pieces, joined back);
    (index, the error) for a text that is too long. Only the documents of one batch are alive at once."""
    lengths: dict[int, int] = {}

    def stream() -> Iterator[tuple[str, int]]:
        for index, text in enumerate(texts):
            try:
                check_length(text, nlp)
            except ArticleTooLong:
                continue
            pieces = pieces_of(text)
            lengths[index] = len(pieces)
            for piece in pieces:
                yield piece, index

    docs = nlp.pipe(stream(), as_tuples=True, batch_size=BATCH_SIZE)
    gathered: list[Doc] = []
    for index, text in enumerate(texts):
        try:
            check_length(text, nlp)
        except ArticleTooLong as error:
            yield index, error
            continue
        while len(gathered) < lengths.get(index, 1):
            doc, _ = next(docs)
            gathered.append(doc)
        yield index, joined(gathered)
        gathered = []
