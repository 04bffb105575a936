"""Actors: the people, organizations, countries and groups a text names, one name per actor.

Within a document, spaCy's entities are cleaned (honorifics and titles go to the description),
relabelled where the model hesitates (a known surname tagged ORG is still a person), and
grouped: "Mr Volkonsky" and "Volkonsky" join "Dmitry Volkonsky"; "Moscow" and "the Kremlin" acting as
the state become Russia. Across documents, `actor_index.ActorIndex` matches them with the actors already known.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .gazetteer import (
    HONORIFICS,
    ROLE_WORDS,
    country_named,
    country_of_demonym,
    country_of_metonym,
    fold,
    organization_named,
)
from .person_names import PersonName, fullness, initials, is_role, name_key

_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady"})
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
        # A name the model tags as a place anywhere in the document is a place everywhere in it ("Kashmir"), and so
        # is one the text treats as land: annexed, invaded, handed back, never doing anything itself.
        places = {fold(raw.span.text) for raw in raws if raw.label in ("GPE", "LOC")} | _territories(raws)
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
            elif len(words) == 1 and fold(text) in places:
                return
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
            if fold(text) in places:
                return
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
        if any(is_role(t.lower_) for t in raw.span):
            # "NATO Defence Ministers": a body's members or an office, named after the body.
            known = [org for t in raw.span if (org := organization_named(t.text))]
            if known:
                raw.kind, raw.name = "organization", known[0].name
            return
        raw.kind, raw.name = "organization", text

    def _name_people(self, raws: list[_Raw]) -> None:
        """Group person mentions and give each group its fullest name and best description."""
        clusters: list[list[_Raw]] = []
        # Compatible names share a surname key: per key, each cluster's distinct names (a person named fifty times
        # is compared once, and only with the clusters that have the surname).
        names_by_surname: dict[str, dict[int, dict[PersonName, None]]] = {}
        for raw in sorted(raws, key=lambda r: (-fullness(r.span.text), r.span.start)):
            name = PersonName.parse(raw.span.text)
            same_surname = names_by_surname.setdefault(name.surname_key, {})
            candidates = sorted(
                number for number, names in same_surname.items() if any(m.compatible(name) for m in names)
            )
            if len(candidates) > 1:
                # An ambiguous surname goes to the person last named in full before it.
                candidates.sort(
                    key=lambda c: max((m.span.start for m in clusters[c] if m.span.start <= raw.span.start), default=-1)
                )
                candidates = candidates[-1:]
            if candidates:
                number = candidates[0]
                clusters[number].append(raw)
            else:
                number = len(clusters)
                clusters.append([raw])
            same_surname.setdefault(number, {})[name] = None
        for cluster in clusters:
            counts = Counter(m.span.text for m in cluster)
            first_seen = {m.span.text: m.span.start for m in sorted(cluster, key=lambda m: -m.span.start)}
            canonical = max(counts, key=lambda n: (fullness(n), counts[n], -first_seen[n]))
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
                    if initials(long_form) == raw.name:
                        raw.name = long_form


# Verbs and nouns whose object is land: "annexed the Sinai", "the occupation of the Golan Heights".
_TERRITORY_VERBS = frozenset(
    {"annex", "invade", "occupy", "seize", "capture", "retake", "reclaim", "cede", "liberate", "return", "recapture"}
)
_TERRITORY_NOUNS = frozenset(
    {"annexation", "invasion", "occupation", "seizure", "capture", "recapture", "liberation", "return", "status",
     "sovereignty", "control", "partition", "people", "residents", "inhabitants", "coast", "capital", "north",
     "south", "east", "west", "region"}
)
_GEOGRAPHIC_WORDS = frozenset(
    {"peninsula", "region", "province", "island", "islands", "valley", "mountains", "strait", "sea", "gulf", "coast",
     "oblast", "krai", "heights", "bank", "strip", "desert", "basin", "delta", "highlands", "territory", "territories"}
)


def _territories(raws: list[_Raw]) -> set[str]:
    """Folded names the model tags ORG that the text only treats as land: the object of annexing, invading or
    handing back, or a name ending in a geographic word, and never the subject of a verb."""
    occurrences: dict[str, list[_Raw]] = {}
    for raw in raws:
        # The small model also calls a one-word region a person ("Karabakh") or a people.
        single = len(raw.span) == 1 and not raw.honorific
        if raw.label == "ORG" and not raw.span.text.isupper() or raw.label in ("PERSON", "NORP") and single:
            occurrences.setdefault(fold(raw.span.text), []).append(raw)
    found = set()
    for name, named in occurrences.items():
        if any(raw.span.root.dep_ in ("nsubj", "nsubjpass") for raw in named):
            continue
        words = name.split()
        geographic = len(words) > 1 and words[-1] in _GEOGRAPHIC_WORDS
        if geographic or any(_is_land(raw.span.root, strict=raw.label != "ORG") for raw in named):
            found.add(name)
    return found


# People are captured, seized and returned too: only these say that a name the model took for a person is land.
_ONLY_LAND_VERBS = frozenset({"annex", "occupy", "invade", "cede", "partition"})
_ONLY_LAND_NOUNS = frozenset({"annexation", "occupation", "invasion", "partition", "sovereignty", "status"})


def _is_land(root: Token, strict: bool) -> bool:
    head = root.head
    if root.dep_ == "dobj" and head.lemma_ in (_ONLY_LAND_VERBS if strict else _TERRITORY_VERBS):
        return True
    nouns = _ONLY_LAND_NOUNS if strict else _TERRITORY_NOUNS
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in nouns


def _looks_like_person_name(span: Span) -> bool:
    return 2 <= len(span) <= 4 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in ROLE_WORDS for t in span
    )


def _is_in_title(name: Span) -> bool:
    """Whether a name only qualifies a role ("Secretary of State", "National Security Adviser", "Defence Secretary")."""
    doc = name.doc
    after = doc[name.end] if name.end < len(doc) else None
    if after is not None and is_role(after.lower_):
        return True
    if name.start >= 2 and doc[name.start - 1].lower_ == "of" and is_role(doc[name.start - 2].lower_):
        return True
    return is_role(name.root.head.lower_) and name.root.dep_ == "compound"


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
        return is_role(root.head.lower_)
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
