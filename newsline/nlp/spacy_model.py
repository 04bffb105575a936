from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load a spaCy pipeline (package name or path) once per process."""
    return spacy.load(name)
