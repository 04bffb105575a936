from functools import lru_cache

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

LINE_SENTENCES = "newsline_line_sentences"


@Language.component(LINE_SENTENCES)
def line_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence. Scraped pages put headings, captions and menus on their own lines;
    added before the parser, this makes them parsed alone."""
    # Set as one array: `token.is_sent_start = True` checks the whole document each time (quadratic).
    starts = doc.to_array([SENT_START])
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            starts[token.i] = 1
    doc.from_array([SENT_START], starts.reshape(-1, 1))
    return doc


def with_line_sentences(nlp: Language) -> Language:
    """The pipeline with line breaks ending sentences before parsing (added once)."""
    if LINE_SENTENCES not in nlp.pipe_names:
        nlp.add_pipe(LINE_SENTENCES, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load a spaCy pipeline (package name or path) once per process, as its package defines it."""
    return spacy.load(name)


@lru_cache(maxsize=4)
def load_article_pipeline(name: str) -> Language:
    """The pipeline for scraped article pages, with line breaks ending sentences. A separate instance
    from `load_pipeline`, so code parsing running text is not affected."""
    return with_line_sentences(spacy.load(name))


#: The garbage collector's thresholds in a process that analyses many articles (Python's default: 700, 10, 10).
#: Parsing allocates millions of short-lived objects that form few reference cycles, while the analyses kept for
#: the whole run make each collection of the older generations longer: collecting ~70 times less often made
#: `ingest --jobs 1` about 8% faster (two runs on 138 pages).
BULK_GC_THRESHOLDS = (50_000, 20, 100)
