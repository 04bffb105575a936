"""Content words of a report, for comparing two reports of one happening: one home for the stop-words."""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import country_of_demonym, fold
from .temporal.lexicon import WEEKDAY_NAMES
from .temporal.values import MONTH_NAMES

STOPWORDS = frozenset(
    """
    a an the and or but if of in on at to for with by from as into over after before since until about against
    between during without within through up down out off than then that this these those there here it its it's
    he she his her they them their we our you your i me my mr mrs ms dr gen who whom whose which what when where
    why how is are was were be been being has have had do does did will would shall should can could may might
    must not no nor so also very just said says say told tell added adds new first last one two three year years
    week weeks day days month months time times
    """.split()
) | set(WEEKDAY_NAMES) | {name.lower() for name in MONTH_NAMES}
# Irregular forms and near-synonyms naming the same kind of happening, reduced to one keyword.
_KEYWORD_CLASSES = """
meet: met meets meeting meetings talks encounter encounters sitdown
resign: resigned resigns resignation quit quits dismissal dismissed fired sacked ousted ouster
sign: signed signing
elect: elected election elections
expel: expelled expels expulsion expulsions
hold: held
take: took
make: made
give: gave
go: went
come: came
begin: began
win: won
lose: lost
leave: left
send: sent
speak: spoke spoken
write: wrote written
fall: fell
rise: rose
strike: struck
seek: sought
bring: brought
see: saw seen
know: knew known
lead: led
fight: fought
run: ran
"""
_KEYWORD_OF = {
    form: keyword
    for line in _KEYWORD_CLASSES.strip().splitlines()
    for keyword, forms in [line.split(":")]
    for form in forms.split()
}


def text_keywords(text: str) -> frozenset[str]:
    """Content words of a text, crudely stemmed, for comparing two reports of a happening. A demonym stands for
    its country's name: "Chilean strikes" and "Chile's strikes" tell one happening."""
    keywords = set()
    for word in _words(text):
        country = country_of_demonym(word)
        keywords |= _content_words(_words(country.name) if country is not None else [word])
    return frozenset(keywords)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", fold(text.replace("’", "'").replace("'s ", " ")))


def _content_words(words: list[str]) -> set[str]:
    keywords = set()
    for word in words:
        if word in STOPWORDS or len(word) < 3:
            continue
        keywords.add(_KEYWORD_OF.get(word) or _stem(word))
    return keywords


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stem = word[: -len(suffix)]
            return stem + "y" if suffix in ("ies", "ied") else stem
    return word


#: Corroboration compares whole sentences, so it keeps calendar words that name the happening ("March talks").
SENTENCE_STOPWORDS = frozenset(
    "a an the and or but if of in on at to for from by with as is are was were be been being has have had do does did "
    "not no that this these those it its he she they them his her their we our you your i said says say told tell "
    "would will could can should may might must also after before over under about into than then there here who "
    "which what when where while mr mrs ms dr gen new first one two three more most some any all other such very "
    "just only up out so between during since because against while however still even already again well like "
    "many much back now later earlier".split()
)


@lru_cache(maxsize=1 << 16)
def sentence_words(sentence: str) -> frozenset[str]:
    """Content words of a whole sentence, lightly stemmed, for matching it to another article's report. Cached: each
    undated article weighs its words against every report of the collection."""
    words = set()
    for raw in re.findall(r"[A-Za-z][A-Za-z’'-]+", sentence):
        word = re.sub(r"[’']s?$", "", raw.lower())
        if word in SENTENCE_STOPWORDS or word in WEEKDAY_NAMES or len(word) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        words.add(word)
    return frozenset(words)
