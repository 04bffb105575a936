"""Defects a reader spots in a headline without knowing the story: the checks `bench_news.py` counts.

The checks look only at the headline's words, the sentence it came from and the outlets of its sources; they do not
know how Newsline builds headlines, so a headline that passes them is readable, not merely shaped to pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Country and union abbreviations that are never written in lower case in English prose.
_COUNTRY_ABBREVIATIONS = frozenset({"uk", "usa", "eu", "uae", "prc", "drc", "un"})
# "us" is also the pronoun: it is a defect only when the source sentence never uses the pronoun.
_AMBIGUOUS_ABBREVIATIONS = frozenset({"us"})

_DETERMINERS = frozenset("the a an its their his her our two three four several many all some".split())
# A headline cannot end on these: prepositions that take an object, articles, conjunctions, complementizers,
# auxiliaries and copulas missing their verb or complement.
_DANGLING_WORDS = frozenset(
    """
    a an the
    of to for with by from at in on into onto about than against between among during without within through
    toward towards upon amid amidst despite via per including
    and or but nor as that whether if because although though unless
    is are was were be been being has have had will would shall can could may might must
    """.split()
)
# News agencies and broadcasters that are commonly quoted as sources; the bench adds the outlets of the sources.
_WELL_KNOWN_OUTLETS = (
    "Reuters", "AP", "Associated Press", "AFP", "Agence France-Presse", "BBC", "CNN", "NBC", "CBS", "ABC", "NPR",
    "Fox News", "Bloomberg", "Tass", "Interfax", "RIA Novosti", "Xinhua", "Kyodo", "Yonhap", "Al Jazeera",
    "The Guardian", "The New York Times", "The Washington Post", "The Wall Street Journal", "Financial Times",
    "Politico", "Axios", "Der Spiegel", "Le Monde", "Deutsche Welle", "DW", "Euronews", "Sky News", "ITV",
)
# A headline stands alone: a pronoun subject leaves the reader asking who.
_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
_REPORTING_VERBS = ("reported", "reports", "said", "says", "quoted", "wrote", "writes", "told")
_WORD = re.compile(r"[\w'’.-]+")


def headline_defects(headline: str, quotes: Iterable[str] = (), outlets: Iterable[str] = ()) -> list[str]:
    """What is wrong with `headline` (empty when nothing is): one short reason per defect found.

    `quotes` are the sentences the headline was made from; `outlets` the names of the outlets reporting it.
    """
    words = [w.strip(".'’-") for w in _WORD.findall(headline)]
    words = [w for w in words if w]
    defects = []
    if len(words) < 3:
        defects.append("fewer than three words")
    if words and words[0].lower() in _PRONOUN_SUBJECTS:
        defects.append(f"pronoun subject '{words[0]}'")
    for previous, word in zip(words, words[1:]):
        if previous.lower() == word.lower() and not word.isdigit():
            defects.append(f"repeated word '{previous} {word}'")
    quote_words = {w.lower() if w.islower() else w for quote in quotes for w in _WORD.findall(quote)}
    for previous, word in zip(["", *words], words):
        # The pronoun never follows a number or a determiner ("755 us diplomats", "the us embassy").
        not_pronoun = word not in quote_words or previous.isdigit() or previous.lower() in _DETERMINERS
        if word in _COUNTRY_ABBREVIATIONS or word in _AMBIGUOUS_ABBREVIATIONS and not_pronoun:
            defects.append(f"lower-case country abbreviation '{word}'")
    if words and words[-1].lower() in _DANGLING_WORDS:
        defects.append(f"dangling last word '{words[-1]}'")
    elif words and re.search(r"['’]s$", words[-1]):
        defects.append(f"dangling possessive '{words[-1]}'")
    ending = headline.rstrip(" .!?\"”'’")
    reporting = "|".join(_REPORTING_VERBS)
    names = {o.strip() for o in (*_WELL_KNOWN_OUTLETS, *outlets) if o and o.strip()}
    for outlet in sorted(names, key=len, reverse=True):
        name = re.escape(re.sub(r"^the\s+", "", outlet, flags=re.I))
        whole = re.fullmatch(rf"(?:[Tt]he\s+)?{name}", ending)
        # "wrote in The Daily Ledger" says where something was published; "..., Ledger reported" is an attribution.
        published_in = re.search(rf"\b(?:in|on)\s+(?:[Tt]he\s+)?{name}$", ending)
        if re.search(rf"\b{name}(?:\s+(?:{reporting}))?$", ending) and not whole and not published_in:
            defects.append(f"ends with the outlet '{outlet}'")
            break
    return defects
