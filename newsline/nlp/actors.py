"""Actors: the people, organizations, countries and groups a text names, one name per actor.

Within a document, spaCy's entities are cleaned (honorifics and titles go to the description),
relabelled where the model hesitates (a known surname tagged ORG is still a person), and
grouped: "Mr Volkonsky" and "Volkonsky" join "Dmitry Volkonsky"; "Moscow" and "the Kremlin" acting as
the state become Russia. Across documents, `ActorIndex` matches new mentions with the actors
already known, through transliteration-tolerant name keys, hypocorisms and surnames.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .gazetteer import (
    HONORIFICS,
    HYPOCORISMS,
    ROLE_WORDS,
    country_named,
    country_of_demonym,
    country_of_metonym,
    fold,
    organization_named,
)

_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady"})
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Prepositions after which a capital is a place, not the state acting ("talks in Moscow").
_LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "around", "within", "into", "to", "from", "via", "through"}
)
_NOT_NAMES = frozenset({"the", "a", "an", "'s", "’s", "'", "’"})


@dataclass(frozen=True)
class ActorMention:
    """A name in the text. `name` is the canonical form, `surface` the text as written (without an honorific);
    `kind` is one of person, organization, country, group; `description` a title or role ("Kremlin spokesman")."""

    name: str
    kind: str
    surface: str
    start: int
    end: int
    description: str = ""


# ---------------------------------------------------------------------------------------------
# Name keys


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


def _fullness(name: str) -> int:
    return len(name.split())


# ---------------------------------------------------------------------------------------------
# Mentions in one document


def actors_in(span: Span) -> list[ActorMention]:
    """The actor mentions inside a span, named as the whole document names them."""
    return [m for m in document_actors(span.doc) if span.start_char <= m.start and m.end <= span.end_char]


def document_actors(doc: Doc) -> list[ActorMention]:
    """Every actor mention of a document, in text order. Computed once per document."""
    cached = doc.user_data.get("newsline_actors")
    if cached is None:
        analysis = _DocumentActors(doc)
        cached = analysis.mentions()
        doc.user_data["newsline_actors"] = cached
        doc.user_data["newsline_title_tokens"] = analysis.title_tokens
    return cached


def title_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens of titles written before people's names ("Russian Foreign Minister" Dmitry Volkonsky)."""
    document_actors(doc)
    return doc.user_data.get("newsline_title_tokens", set())


@dataclass
class _Raw:
    span: Span  # the name without honorifics, titles, articles or possessive
    label: str
    honorific: str = ""
    kind: str = ""
    name: str = ""
    description: str = ""


class _DocumentActors:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.title_tokens: set[int] = set()

    def mentions(self) -> list[ActorMention]:
        raws = [raw for ent in self.doc.ents if (raw := self._clean(ent)) is not None]
        surnames = self._person_surnames(raws)
        raws += self._unlabelled_surnames(raws, surnames)
        # A name the model tags as a place anywhere in the document is a place everywhere in it ("Kashmir").
        places = {fold(raw.span.text) for raw in raws if raw.label in ("GPE", "LOC")}
        for raw in raws:
            self._classify(raw, surnames, places)
        raws = [raw for raw in raws if raw.kind]
        self._name_people([raw for raw in raws if raw.kind == "person"])
        self._name_organizations([raw for raw in raws if raw.kind == "organization"])
        raws.sort(key=lambda raw: raw.span.start)
        return [
            ActorMention(raw.name, raw.kind, raw.span.text, raw.span.start_char, raw.span.end_char, raw.description)
            for raw in raws
        ]

    def _clean(self, ent: Span) -> _Raw | None:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            return None
        start, end = ent.start, ent.end
        while end > start and self.doc[end - 1].text in _NOT_NAMES:
            end -= 1
        while start < end and self.doc[start].lower_ in _NOT_NAMES:
            start += 1
        label = ent.label_
        # Titles leak into entities: "State Ruth Berg" (after "Secretary of"), "Defence Secretary Jonas Kral".
        if (
            end - start > 1
            and start >= 2
            and self.doc[start - 1].lower_ == "of"
            and self.doc[start - 2].lower_ in ROLE_WORDS
        ):
            start += 1
            label = "PERSON" if _looks_like_person_name(self.doc[start:end]) else label
        title_ends = [i for i in range(start, end - 1) if self.doc[i].lower_ in ROLE_WORDS]
        if title_ends and _looks_like_person_name(self.doc[title_ends[-1] + 1 : end]):
            start, label = title_ends[-1] + 1, "PERSON"
        honorific = ""
        if label == "PERSON" or end - start > 1:
            while end - start > 1 and self.doc[start].lower_.rstrip(".") in HONORIFICS:
                honorific = self.doc[start].text
                start += 1
        if start >= end:
            return None
        if start > ent.start and self.doc[start - 1].lower_.rstrip(".") in HONORIFICS:
            honorific = self.doc[start - 1].text
        elif ent.start > 0 and self.doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS:
            honorific = self.doc[ent.start - 1].text
        return _Raw(self.doc[start:end], label, honorific)

    def _person_surnames(self, raws: list[_Raw]) -> set[str]:
        """Surname keys of the people the document names in full or with an honorific."""
        keys = set()
        for raw in raws:
            words = raw.span.text.split()
            if not words or not words[-1][:1].isupper():
                continue
            if raw.label == "PERSON" and (len(words) >= 2 or raw.honorific):
                keys.add(PersonName.parse(raw.span.text).surname_key)
            elif raw.honorific and len(words) == 1 and raw.label in ("ORG", "GPE", "NORP"):
                keys.add(name_key(words[0]))
        return keys

    def _unlabelled_surnames(self, raws: list[_Raw], surnames: set[str]) -> list[_Raw]:
        """Known surnames the entity recognizer missed ("Both Berg and Kral")."""
        covered = {i for raw in raws for i in range(raw.span.start, raw.span.end)}
        for ent in self.doc.ents:
            covered.update(range(ent.start, ent.end))
        found = []
        for token in self.doc:
            if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper():
                continue
            if name_key(token.text) in surnames:
                span = self.doc[token.i : token.i + 1]
                honorific = self.doc[token.i - 1].text if token.i and self.doc[token.i - 1].lower_ in HONORIFICS else ""
                found.append(_Raw(span, "PERSON", honorific))
        return found

    def _classify(self, raw: _Raw, surnames: set[str], places: set[str]) -> None:
        text = raw.span.text
        words = text.split()
        if (
            len(words) == 1
            and name_key(words[0]) in surnames
            and not country_named(text)
            and not country_of_metonym(text)
        ):
            raw.kind, raw.name = "person", text
            return
        if (
            raw.label in ("ORG", "GPE", "NORP")
            and _looks_like_person_name(raw.span)
            and (
                name_key(words[-1]) in surnames
                or raw.span.start
                and self.doc[raw.span.start - 1].lower_ in ROLE_WORDS | HONORIFICS
            )
        ):
            # "Chancellor Olaf Scholz" tagged ORG: a name after a title, or a surname the text uses for a person.
            raw.kind, raw.name = "person", text
            return
        if raw.label == "PERSON":
            if country := country_named(text):
                raw.kind, raw.name = "country", country.name
            elif not _is_in_title(raw.span):
                raw.kind, raw.name = "person", text
            return
        if country := country_named(text):
            raw.kind, raw.name = "country", country.name
            return
        if country := country_of_metonym(text):
            if _acts_as_state(raw.span):
                raw.kind, raw.name = "country", country.name
            return
        if organization := organization_named(text):
            if not _is_in_title(raw.span) or raw.label == "ORG" and len(words) > 1:
                raw.kind, raw.name = "organization", organization.name
            return
        if raw.label == "NORP":
            if (
                not country_of_demonym(text)
                and raw.span.root.pos_ in ("PROPN", "NOUN")
                and raw.span.root.dep_ != "amod"
            ):
                raw.kind, raw.name = "group", text
            return
        if raw.label != "ORG" or fold(text) in places or _is_in_title(raw.span) or _names_a_document(raw.span):
            return
        if len(raw.span) == 1 and raw.span.root.pos_ == "ADJ":
            return
        if any(_is_role(t.lower_) for t in raw.span):
            # "NATO Defence Ministers": a body's members or an office, named after the body.
            known = [org for t in raw.span if (org := organization_named(t.text))]
            if known:
                raw.kind, raw.name = "organization", known[0].name
            return
        raw.kind, raw.name = "organization", text

    def _name_people(self, raws: list[_Raw]) -> None:
        """Group person mentions and give each group its fullest name and best description."""
        clusters: list[list[_Raw]] = []
        for raw in sorted(raws, key=lambda r: (-_fullness(r.span.text), r.span.start)):
            name = PersonName.parse(raw.span.text)
            candidates = [c for c in clusters if any(PersonName.parse(m.span.text).compatible(name) for m in c)]
            if len(candidates) > 1:
                # An ambiguous surname goes to the person last named in full before it.
                candidates.sort(
                    key=lambda c: max((m.span.start for m in c if m.span.start <= raw.span.start), default=-1)
                )
                candidates = candidates[-1:]
            if candidates:
                candidates[0].append(raw)
            else:
                clusters.append([raw])
        for cluster in clusters:
            counts = Counter(m.span.text for m in cluster)
            first_seen = {m.span.text: m.span.start for m in sorted(cluster, key=lambda m: -m.span.start)}
            canonical = max(counts, key=lambda n: (_fullness(n), counts[n], -first_seen[n]))
            for raw in cluster:
                self.title_tokens.update(t.i for t in _title_prefix(raw))
            descriptions = [d for m in cluster if (d := _person_description(m))]
            description = max(descriptions, key=_description_quality, default="")
            for raw in cluster:
                raw.name, raw.description = canonical, description

    def _name_organizations(self, raws: list[_Raw]) -> None:
        """An acronym joins the organization whose initials it spells ("FBI" after "Federal Bureau of Investigation")."""
        long_forms = {raw.name for raw in raws if len(raw.name.split()) > 1}
        for raw in raws:
            if raw.name.isupper() and 2 <= len(raw.name) <= 6:
                for long_form in long_forms:
                    if _initials(long_form) == raw.name:
                        raw.name = long_form


def _looks_like_person_name(span: Span) -> bool:
    return 2 <= len(span) <= 4 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in ROLE_WORDS for t in span
    )


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _is_role(word: str) -> bool:
    return word in ROLE_WORDS or word.endswith("s") and word[:-1] in ROLE_WORDS


def _is_in_title(name: Span) -> bool:
    """Whether a name only qualifies a role ("Secretary of State", "National Security Adviser", "Defence Secretary")."""
    doc = name.doc
    after = doc[name.end] if name.end < len(doc) else None
    if after is not None and _is_role(after.lower_):
        return True
    if name.start >= 2 and doc[name.start - 1].lower_ == "of" and _is_role(doc[name.start - 2].lower_):
        return True
    return _is_role(name.root.head.lower_) and name.root.dep_ == "compound"


def _names_a_document(name: Span) -> bool:
    """ "Minsk agreements", "Dayton accords": a place name qualifying a common noun is not an organization."""
    root = name.root
    return root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lower_ not in ROLE_WORDS


def _acts_as_state(name: Span) -> bool:
    """A capital or seat of government stands for the state unless it is only a place or a qualifier."""
    root = name.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    if root.dep_ == "compound" or root.dep_ == "amod":
        return _is_role(root.head.lower_)
    if root.dep_ == "pobj":
        return root.head.lower_ not in _LOCATIVE_PREPOSITIONS
    return True


def _title_prefix(raw: _Raw) -> list[Token]:
    """The title written just before a name, honorific included ("US Defence Secretary", "Gen")."""
    doc = raw.span.doc
    words: list[Token] = []
    i = raw.span.start - 1
    sentence_start = raw.span.sent.start
    while i >= sentence_start:
        token = doc[i]
        if (
            token.is_punct
            or token.pos_ in ("DET", "VERB", "AUX", "ADP")
            and token.lower_ != "of"
            or token.lower_ in ("'s", "’s")
        ):
            break
        if not (
            token.is_title
            or token.is_upper
            or token.lower_ in ROLE_WORDS
            # Lower-case words of a title: "former", "national security" in "former national security adviser".
            or token.lower_ in ("of", "former")
            or token.pos_ == "ADJ"
            or token.dep_ == "compound"
        ):
            break
        words.insert(0, token)
        i -= 1
    while words and words[0].lower_ == "of":
        words.pop(0)
    if not any(t.lower_ in ROLE_WORDS or t.lower_.rstrip(".") in HONORIFICS for t in words):
        return []
    return words


def _person_description(raw: _Raw) -> str:
    """A title written before the name ("Russian Foreign Minister") or an appositive after it (", the Kremlin spokesman,")."""
    words = _title_prefix(raw)
    while words and words[0].lower_.rstrip(".") in _COURTESY_TITLES:
        words.pop(0)
    prefix = " ".join(t.text for t in words)
    if words and any(t.lower_ in ROLE_WORDS for t in words):
        return re.sub(r"^(New|Then)\s+", "", prefix)
    for child in raw.span.root.children:
        if child.dep_ == "appos" and child.i >= raw.span.end:
            dropped = {
                t.i
                for c in child.children
                if c.dep_ in ("relcl", "acl", "appos", "poss", "conj", "cc") or c.dep_ == "prep" and c.lower_ != "of"
                for t in c.subtree
            }
            kept = [
                t for t in child.subtree if t.i not in dropped and t.dep_ != "det" and not t.is_punct and not t.is_space
            ]
            if any(t.lower_ in ROLE_WORDS for t in kept):
                return " ".join(t.text for t in kept)
    return ""


def _description_quality(description: str) -> tuple[int, int]:
    vague = any(word in description.lower() for word in ("counterpart", "former"))
    return (0 if vague else 1, len(description))


# ---------------------------------------------------------------------------------------------
# Actors across documents


@dataclass(frozen=True)
class ActorResolution:
    """Where a mention belongs in the corpus-wide index.

    `new_aliases` are spellings the index had not seen for this actor. `renamed_from` is set
    when the mention gave a fuller name to an actor known so far by a shorter one ("Volkonsky"
    becomes "Dmitri Volkonsky"): the stored actor should be renamed, its old name kept as an alias.
    """

    name: str
    kind: str
    new_aliases: list[str] = field(default_factory=list)
    renamed_from: str = ""
    description: str = ""


@dataclass
class _KnownActor:
    name: str
    kind: str
    aliases: set[str]
    mentions: int = 0
    form_counts: Counter = field(default_factory=Counter)

    def forms(self) -> set[str]:
        return {self.name, *self.aliases}


class ActorIndex:
    """The actors of a corpus, for matching each new mention with one of them or a new one.

    `known` are the actors already stored: (canonical name, kind, aliases). Pure Python, so the
    ingest can build it from the database, feed it every mention of an article, and write back
    names and aliases as reported.
    """

    def __init__(self, known: Iterable[tuple[str, str, list[str]]] = ()):
        self._actors: list[_KnownActor] = []
        for name, kind, aliases in known:
            self._actors.append(_KnownActor(name, kind, set(aliases), form_counts=Counter({name: 1})))

    @property
    def actors(self) -> list[tuple[str, str, list[str]]]:
        return [(a.name, a.kind, sorted(a.aliases)) for a in self._actors]

    def resolve(self, mention: ActorMention) -> ActorResolution:
        forms = {f for f in (mention.name, _alias_of(mention)) if f}
        actor = self._find(mention)
        if actor is None:
            actor = _KnownActor(mention.name, mention.kind, set())
            self._actors.append(actor)
        renamed_from = ""
        actor.form_counts[mention.name] += 1
        if mention.kind == "person":
            best = max(
                actor.form_counts, key=lambda n: (_fullness(n), actor.form_counts[n], _formal(n), n == actor.name)
            )
            if best != actor.name and (_fullness(best), actor.form_counts[best], _formal(best)) > (
                _fullness(actor.name),
                actor.form_counts[actor.name],
                _formal(actor.name),
            ):
                renamed_from, actor.name = actor.name, best
                actor.aliases.add(renamed_from)
        new_aliases = sorted(f for f in forms if f not in actor.forms())
        actor.aliases.update(new_aliases)
        actor.aliases.discard(actor.name)
        actor.mentions += 1
        return ActorResolution(actor.name, actor.kind, new_aliases, renamed_from, mention.description)

    def _find(self, mention: ActorMention) -> _KnownActor | None:
        folded = {fold(f) for f in (mention.name, _alias_of(mention)) if f}
        for actor in self._actors:
            if actor.kind == mention.kind and folded & {fold(f) for f in actor.forms()}:
                return actor
        if mention.kind == "person":
            return self._find_person(PersonName.parse(mention.name))
        if len(mention.name.split()) == 1 and mention.kind in ("organization", "group"):
            # A known person's surname the entity recognizer took for an organization ("Berg's meeting").
            people = [
                a
                for a in self._actors
                if a.kind == "person" and PersonName.parse(a.name).surname_key == name_key(mention.name)
            ]
            if len(people) == 1:
                return people[0]
        if mention.kind == "organization":
            for actor in self._actors:
                if actor.kind == "organization" and any(
                    _initials(f) == mention.name or _initials(mention.name) == f for f in actor.forms()
                ):
                    return actor
        return None

    def _find_person(self, name: PersonName) -> _KnownActor | None:
        candidates = [
            actor
            for actor in self._actors
            if actor.kind == "person" and any(PersonName.parse(f).compatible(name) for f in actor.forms())
        ]
        if name.given:
            # A full name only joins someone named in full compatibly, or a surname-only actor.
            full = [a for a in candidates if PersonName.parse(a.name).given]
            candidates = full or candidates
        if not candidates:
            return None
        return max(candidates, key=lambda a: (a.mentions, _fullness(a.name)))


def _formal(name: str) -> bool:
    """Whether a name's first word is not a hypocorism ("Robert Hale" rather than "Bob Hale")."""
    words = name.split()
    return bool(words) and fold(words[0]) not in HYPOCORISMS


def _alias_of(mention: ActorMention) -> str:
    """The spelling worth keeping as an alias: the surface without honorific, article or possessive."""
    words = mention.surface.replace("’s", "").replace("'s", "").split()
    while words and (fold(words[0]) in HONORIFICS or fold(words[0]) == "the"):
        words.pop(0)
    alias = " ".join(words).strip(" ,'’\"")
    if alias.endswith(".") and alias.count(".") == 1:
        alias = alias[:-1]  # a full stop, not the last dot of "U.S."
    if any(_is_role(fold(word)) for word in words) or fold(alias) in PRONOUNS:
        return ""
    return alias if alias and alias != mention.name else ""


# A pronoun resolved to a person is a mention of them, never one of their names.
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "i", "we", "you"})


def resolve_document(index: ActorIndex, mentions: Iterable[ActorMention]) -> dict[str, ActorResolution]:
    """Resolve a document's mentions, keyed by their document-level name (the ingest's usual loop)."""
    resolved: dict[str, ActorResolution] = {}
    for mention in sorted(mentions, key=lambda m: -_fullness(m.name)):
        resolution = index.resolve(mention)
        previous = resolved.get(mention.name)
        if previous is not None:
            resolution = ActorResolution(
                resolution.name,
                resolution.kind,
                sorted(set(previous.new_aliases) | set(resolution.new_aliases)),
                previous.renamed_from or resolution.renamed_from,
                previous.description or resolution.description,
            )
        resolved[mention.name] = resolution
    return resolved
