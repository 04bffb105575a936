"""Person names: transliteration-tolerant keys, given names and surnames, hypocorisms ("Mike" for "Michael")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import HONORIFICS, HYPOCORISMS, ROLE_WORDS, fold

_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@lru_cache(maxsize=1 << 16)
def name_key(word: str) -> str:
    """A spelling-tolerant key for one name word: Sergei/Sergey, Dmitri/Dmitry/Dmitriy, Zelensky/Zelenskyy agree."""
    key = fold(word).replace(" ", "")
    for old, new in (
        ("tch", "ch"),
        ("sch", "sh"),
        ("kh", "h"),
        ("ks", "x"),
        ("ck", "k"),
        ("ph", "f"),
        ("w", "v"),
        ("ou", "u"),
    ):
        key = key.replace(old, new)
    key = re.sub(r"^ye", "e", key).replace("j", "y").replace("y", "i")
    key = re.sub(r"(.)\1+", r"\1", key)
    return re.sub(r"(ei|ii|ie)$", "i", key)


def _skeleton(key: str) -> str:
    return key[:1] + re.sub(r"[aeiou]", "", key[1:])


def given_names_compatible(a: str, b: str) -> bool:
    """Whether two given names can be one person's: equal keys, a hypocorism, an initial, or a transliteration."""
    fa, fb = fold(a).replace(" ", ""), fold(b).replace(" ", "")
    if not fa or not fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    formal_a, formal_b = HYPOCORISMS.get(fa, fa), HYPOCORISMS.get(fb, fb)
    ka, kb = name_key(formal_a), name_key(formal_b)
    # "Aleksandr"/"Alexander": one vowel more or less, same consonants.
    return ka == kb or _skeleton(ka) == _skeleton(kb) and _one_edit_apart(ka, kb)


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


@dataclass(frozen=True)
class PersonName:
    given: tuple[str, ...]
    surname: str

    @classmethod
    @lru_cache(maxsize=1 << 14)
    def parse(cls, name: str) -> PersonName:
        words = [w for w in name.replace(",", " ").split() if fold(w) not in _NAME_SUFFIXES]
        while len(words) > 1 and fold(words[0]) in HONORIFICS:
            words.pop(0)
        if not words:
            return cls((), "")
        return cls(tuple(words[:-1]), words[-1])

    @property
    def surname_key(self) -> str:
        return name_key(self.surname)

    def compatible(self, other: PersonName) -> bool:
        if self.surname_key != other.surname_key:
            return False
        if not self.given or not other.given:
            return True
        return given_names_compatible(self.given[0], other.given[0])


def fullness(name: str) -> int:
    return len(name.split())


# ---------------------------------------------------------------------------------------------
# Mentions in one document


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def is_role(word: str) -> bool:
    return word in ROLE_WORDS or word.endswith("s") and word[:-1] in ROLE_WORDS
