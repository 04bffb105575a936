"""The actors of a whole collection: `ActorIndex` matches each new mention with the actors already known, through
transliteration-tolerant name keys, hypocorisms and surnames, and says which spellings become aliases."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .actors import ActorMention
from .gazetteer import HONORIFICS, HYPOCORISMS, fold
from .person_names import PersonName, fullness, initials, is_role, name_key


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
    #: Where the actor stands in the index's list: a name shared by several goes to the first.
    number: int = 0

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
        # Folded form → the numbers of the actors with that form (an actor's forms are only ever added to).
        self._numbers_by_form: dict[str, set[int]] = {}
        # The same for the lookups that would otherwise try every actor: people by the surname key of any of their
        # forms, organizations by each form and by its initials.
        self._people_by_surname: dict[str, set[int]] = {}
        self._organizations_by_form: dict[str, set[int]] = {}
        self._organizations_by_initials: dict[str, set[int]] = {}
        for name, kind, aliases in known:
            self._add(_KnownActor(name, kind, set(aliases), form_counts=Counter({name: 1})))

    def _add(self, actor: _KnownActor) -> None:
        actor.number = len(self._actors)
        self._actors.append(actor)
        self._index_forms(actor)

    def _index_forms(self, actor: _KnownActor) -> None:
        for form in actor.forms():
            self._numbers_by_form.setdefault(fold(form), set()).add(actor.number)
            if actor.kind == "person":
                self._people_by_surname.setdefault(PersonName.parse(form).surname_key, set()).add(actor.number)
            elif actor.kind == "organization":
                self._organizations_by_form.setdefault(form, set()).add(actor.number)
                self._organizations_by_initials.setdefault(initials(form), set()).add(actor.number)

    def _numbered(self, *groups: set[int]) -> list[_KnownActor]:
        """The actors of the given numbers, in the index's order."""
        return [self._actors[number] for number in sorted(set().union(*groups))]

    @property
    def actors(self) -> list[tuple[str, str, list[str]]]:
        return [(a.name, a.kind, sorted(a.aliases)) for a in self._actors]

    def resolve(self, mention: ActorMention) -> ActorResolution:
        forms = {f for f in (mention.name, _alias_of(mention)) if f}
        actor = self._find(mention)
        if actor is None:
            actor = _KnownActor(mention.name, mention.kind, set())
            self._add(actor)
        renamed_from = ""
        actor.form_counts[mention.name] += 1
        if mention.kind == "person":
            best = max(
                actor.form_counts, key=lambda n: (fullness(n), actor.form_counts[n], _formal(n), n == actor.name)
            )
            if best != actor.name and (fullness(best), actor.form_counts[best], _formal(best)) > (
                fullness(actor.name),
                actor.form_counts[actor.name],
                _formal(actor.name),
            ):
                renamed_from, actor.name = actor.name, best
                actor.aliases.add(renamed_from)
        new_aliases = sorted(f for f in forms if f not in actor.forms())
        actor.aliases.update(new_aliases)
        actor.aliases.discard(actor.name)
        actor.mentions += 1
        self._index_forms(actor)
        return ActorResolution(actor.name, actor.kind, new_aliases, renamed_from, mention.description)

    def _find(self, mention: ActorMention) -> _KnownActor | None:
        folded = {fold(f) for f in (mention.name, _alias_of(mention)) if f}
        sharing_a_form = set().union(*(self._numbers_by_form.get(form, ()) for form in folded))
        for number in sorted(sharing_a_form):
            if self._actors[number].kind == mention.kind:
                return self._actors[number]
        if mention.kind == "person":
            return self._find_person(PersonName.parse(mention.name))
        if len(mention.name.split()) == 1 and mention.kind in ("organization", "group"):
            # A known person's surname the entity recognizer took for an organization ("Berg's meeting").
            key = name_key(mention.name)
            people = [
                a for a in self._numbered(self._people_by_surname.get(key, set()))
                if PersonName.parse(a.name).surname_key == key
            ]
            if len(people) == 1:
                return people[0]
        if mention.kind == "organization":
            matching = self._numbered(
                self._organizations_by_initials.get(mention.name, set()),
                self._organizations_by_form.get(initials(mention.name), set()),
            )
            if matching:
                return matching[0]
        return None

    def _find_person(self, name: PersonName) -> _KnownActor | None:
        candidates = [
            actor
            for actor in self._numbered(self._people_by_surname.get(name.surname_key, set()))
            if any(PersonName.parse(f).compatible(name) for f in actor.forms())
        ]
        if name.given:
            # A full name only joins someone named in full compatibly, or a surname-only actor.
            full = [a for a in candidates if PersonName.parse(a.name).given]
            candidates = full or candidates
        if not candidates:
            return None
        return max(candidates, key=lambda a: (a.mentions, fullness(a.name)))


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
    if any(is_role(fold(word)) for word in words) or fold(alias) in PRONOUNS:
        return ""
    return alias if alias and alias != mention.name else ""


# A pronoun resolved to a person is a mention of them, never one of their names.
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "i", "we", "you"})


def resolve_document(index: ActorIndex, mentions: Iterable[ActorMention]) -> dict[str, ActorResolution]:
    """Resolve a document's mentions, keyed by their document-level name (the ingest's usual loop)."""
    resolved: dict[str, ActorResolution] = {}
    for mention in sorted(mentions, key=lambda m: -fullness(m.name)):
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
