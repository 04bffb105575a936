"""Headlines from the dependency parse: a short clause built around one verb (or one event noun) and its arguments.

"Mr Berg met Russian Foreign Minister Dmitry Volkonsky on the sidelines of a summit in Vienna as part
of his first foreign trip" becomes "Berg meets Dmitry Volkonsky on the sidelines of a summit": the verb
goes to the headline present, titles and appositives leave the names, circumstances and relative clauses go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .gazetteer import HONORIFICS, ROLE_WORDS

MAX_WORDS = 16
_MAX_PREPOSITIONS = 2
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_ARGUMENTS = ("dobj", "dative", "attr", "acomp", "oprd", "prt", "prep", "agent", "xcomp", "ccomp", "pobj", "pcomp")
# Parts of a phrase a headline never needs.
_DROPPED = ("relcl", "appos", "advcl", "parataxis", "punct", "cc", "conj", "mark", "intj", "preconj", "meta", "dep")
# Prepositions opening circumstances rather than arguments ("amid turmoil", "as part of his first trip").
_CIRCUMSTANTIAL = frozenset(
    {"amid", "amidst", "despite", "following", "while", "because", "besides", "like", "unlike", "given"}
)
_PLANNING_ADJECTIVES = frozenset(
    {"due", "set", "expected", "scheduled", "likely", "poised", "slated", "going", "planned", "about"}
)
_PLANNING_VERBS = frozenset({"plan", "intend", "schedule", "prepare", "aim", "expect"})
_IRREGULAR_PRESENT = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})


@dataclass(frozen=True)
class Headline:
    text: str
    planned: bool
    # The tokens the headline is made of, so the event's actors can be the ones it names.
    tokens: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Omissions:
    """Tokens a headline leaves out: `skip` drops a token with everything under it (the date expression, other
    sentences), `hide` only the token itself (titles before names: "Foreign Minister" in "Foreign Minister Volkonsky")."""

    skip: frozenset[int] = frozenset()
    hide: frozenset[int] = frozenset()


def clause_headline(verb: Token, omit: Omissions, subject_name: str = "") -> Headline:
    """A headline for the clause headed by `verb`: subject, verb in headline tense, then its arguments.
    `subject_name` replaces a personal pronoun subject ("He said" -> "Berg says")."""
    planned = _is_planned(verb)
    head = verb
    main = _planned_main_verb(verb)
    if main is not None:
        head = main
    subject = subject_of(verb)
    words: list[str] = []
    used: set[int] = {verb.i, head.i}

    def render(token: Token) -> str:
        text, ids = _render_phrase(token, omit)
        used.update(ids)
        return text

    if subject is not None:
        if subject.lower_ in _PERSONAL_PRONOUNS and subject_name:
            words.append(subject_name)
        elif subject.lower_ in ("who", "which", "that") and subject.head.dep_ == "relcl":
            antecedent = subject.head.head
            if antecedent.dep_ == "appos":
                antecedent = antecedent.head
            words.append(render(antecedent))
        else:
            text, ids = _render_phrase(subject, omit, coordinated=True)
            used.update(ids)
            words.append(text)
    plural = subject is not None and _is_plural(subject)
    words.append(_verb_group(head, verb, planned, plural))
    arguments = [
        c for c in head.children if c.dep_ in _ARGUMENTS and c.i not in omit.skip and not _is_circumstance(c, omit)
    ]
    reports_content = any(c.dep_ == "ccomp" for c in arguments)
    trailing: list[str] = []
    prepositions = 0
    for child in arguments:
        if child.dep_ == "prt" or reports_content and child.dep_ == "prep":
            continue
        text, ids = _render_phrase(child, omit)
        if not text:
            continue
        if child.dep_ == "prep":
            prepositions += 1
            if prepositions > _MAX_PREPOSITIONS:
                continue
        if child.i < head.i and child.dep_ == "prep":
            # A fronted circumstance: kept (after the verb) only when it names a place or an event.
            if _names_something(child):
                trailing.append(
                    text[:1].lower() + text[1:] if not child.text[:1].isupper() or child.i == child.sent.start else text
                )
                used.update(ids)
            continue
        words.append(text)
        used.update(ids)
    text = _join(words + trailing)
    return Headline(_shorten(text), planned, frozenset(used))


def noun_headline(noun: Token, omit: Omissions) -> Headline:
    """A headline for an event named by a noun ("the city's 1998 purchase of the stadium" -> "the city's purchase of the stadium")."""
    text, used = _render_phrase(noun, omit, keep_clauses=True)
    has_possessor = any(c.dep_ == "poss" and c.i not in omit.skip for c in noun.children)
    if not has_possessor and noun.dep_ == "dobj":
        subject = subject_of(noun.head)
        if subject is not None and subject.pos_ == "PROPN":
            agent, agent_ids = _render_phrase(subject, omit)
            text, used = f"{agent}'s {text}", used | agent_ids
    return Headline(_shorten(text), _is_planned(noun), frozenset(used))


def _names_something(preposition: Token) -> bool:
    """Whether a prepositional phrase's object is, or is qualified by, a proper name ("at a Nato meeting", "in Vienna")."""
    for obj in preposition.children:
        if obj.dep_ == "pobj" and (
            obj.pos_ == "PROPN" or any(c.pos_ == "PROPN" and c.dep_ in ("compound", "amod") for c in obj.children)
        ):
            return True
    return False


def _is_plural(subject: Token) -> bool:
    if any(c.dep_ == "conj" for c in subject.children):
        return True
    return subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we", "you", "i")


def subject_of(verb: Token) -> Token | None:
    """The subject of a clause, looking through coordination, control and relative clauses."""
    current = verb
    for _ in range(6):
        for child in current.children:
            if child.dep_ in _SUBJECTS:
                return child
        if current.dep_ in ("conj", "xcomp", "advcl", "acomp") and current.head != current:
            current = current.head
        elif current.dep_ in ("relcl", "acl") and current.head != current:
            return current.head
        else:
            return None
    return None


def _planned_main_verb(verb: Token) -> Token | None:
    """In "was due to meet" / "is expected to sign", the verb that carries the happening."""
    for child in verb.children:
        if child.dep_ == "acomp" and child.lower_ in _PLANNING_ADJECTIVES:
            for grandchild in child.children:
                if grandchild.dep_ == "xcomp":
                    return grandchild
        if child.dep_ == "xcomp" and verb.lemma_ in _PLANNING_VERBS | _PLANNING_ADJECTIVES:
            return child
    return None


def _is_planned(token: Token) -> bool:
    """Future or scheduled: "will meet", "is due to meet", "scheduled to be held", "likely to be"."""
    for node in (token, *list(token.ancestors)[:3]):
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in node.children):
            return True
        if node.lemma_ in _PLANNING_VERBS and node.tag_ != "VBD" and any(c.dep_ == "xcomp" for c in node.children):
            return True
        if (
            node.lower_ in _PLANNING_ADJECTIVES
            and node.dep_ in ("acomp", "amod", "acl")
            and any(c.dep_ == "xcomp" for c in node.children)
        ):
            return True
        if node.lower_ in ("scheduled", "planned", "expected", "set") and node.dep_ == "acl":
            return True
        if node.dep_ in ("ROOT", "ccomp"):
            break
    return False


def _verb_group(head: Token, verb: Token, planned: bool, plural: bool) -> str:
    """The verb in headline style: present for the past, "to meet" for the future, bare participle for the passive."""
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < head.i]
    particle = " ".join(c.text for c in head.children if c.dep_ == "prt")
    tail = f" {particle}" if particle else ""
    negated = any(c.dep_ == "neg" for c in head.children) or any(c.dep_ == "neg" for c in verb.children)
    passive = any(c.dep_ == "auxpass" for c in head.children)
    modal = [c for c in auxiliaries if c.tag_ == "MD" and c.lower_ not in ("will", "shall", "'ll", "wo", "would", "'d")]
    if modal:
        words = [c.text for c in auxiliaries] + [head.text]
        return " ".join(words) + tail
    if planned or head is not verb:
        if passive:
            return ("not " if negated else "") + "to be " + head.text + tail
        return ("not " if negated else "") + "to " + head.lemma_ + tail
    if passive:
        return ("not " if negated else "") + head.text + tail
    if head.tag_ in ("VBZ", "VBP") and not auxiliaries:
        return head.text + tail
    if negated:
        return ("do not " if plural else "does not ") + head.lemma_ + tail
    if head.lemma_ == "be":
        return ("are" if plural else "is") + tail
    return (_present(head.lemma_, plural) if head.tag_ in ("VBD", "VBN", "VBG") else head.text) + tail


def _present(lemma: str, plural: bool) -> str:
    if plural:
        return "are" if lemma == "be" else lemma
    if lemma in _IRREGULAR_PRESENT:
        return _IRREGULAR_PRESENT[lemma]
    if re.search(r"(s|x|z|ch|sh|o)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _is_circumstance(child: Token, omit: Omissions) -> bool:
    if child.dep_ == "prep" and child.lower_ in _CIRCUMSTANTIAL:
        return True
    if child.dep_ == "prep" and child.lower_ == "as":
        # "resigned as adviser" is the happening; "as part of a trip" is a circumstance.
        objects = [c for c in child.children if c.dep_ == "pobj"]
        return not objects or any(o.lemma_ in ("part", "result", "well", "such", "sign", "way") for o in objects)
    # A preposition whose object is the skipped date expression ("on Thursday").
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return child.dep_ == "prep" and bool(objects) and all(o.i in omit.skip for o in objects)


def _render_phrase(
    token: Token, omit: Omissions, keep_clauses: bool = False, coordinated: bool = False
) -> tuple[str, set[int]]:
    """A token's subtree without relative clauses, appositives, titles before names, or skipped tokens;
    with the indices of the tokens kept. `coordinated` keeps "and ..." after the head ("Washington and its allies")."""
    kept = _phrase_tokens(token, omit, keep_clauses, depth=0)
    if coordinated:
        for child in token.children:
            if child.dep_ in ("cc", "conj") and child.i not in omit.skip:
                kept += _phrase_tokens(child, omit, keep_clauses, depth=1)
    kept = sorted(kept, key=lambda t: t.i)
    while kept and (kept[0].dep_ == "det" and kept[0].lower_ in ("the", "a", "an") or kept[0].dep_ == "mark"):
        kept.pop(0)
    pieces = []
    for position, item in enumerate(kept):
        pieces.append(item.text)
        following = kept[position + 1] if position + 1 < len(kept) else None
        if following is not None and (following.i != item.i + 1 or item.whitespace_):
            pieces.append(" ")
    return re.sub(r"\s+", " ", "".join(pieces)).strip(), {t.i for t in kept}


def _phrase_tokens(token: Token, omit: Omissions, keep_clauses: bool, depth: int) -> list[Token]:
    if token.i in omit.skip or token.is_space:
        return []
    tokens = [] if token.i in omit.hide else [token]
    name_head = token.pos_ == "PROPN" and token.ent_type_ == "PERSON"
    for child in token.children:
        if child.i in omit.skip or child.is_space:
            continue
        if (
            child.dep_ in _DROPPED
            and not (child.dep_ == "appos" and token.i in omit.hide)
            and not _names_in_a_row(token, child)
        ):
            continue
        if child.dep_ == "acl" and not keep_clauses:
            continue
        if child.dep_ == "prep" and (child.lower_ in _CIRCUMSTANTIAL or depth >= 2 or _is_circumstance(child, omit)):
            continue
        if (
            name_head
            and child.i < token.i
            and child.dep_ in ("compound", "amod", "nmod", "det", "poss")
            and _is_title_word(child)
        ):
            continue
        if token.dep_ != "ROOT" and child.dep_ == "ccomp" and depth >= 1:
            continue
        tokens.extend(
            _phrase_tokens(child, omit, keep_clauses, depth + (1 if child.dep_ in ("prep", "acl", "ccomp") else 0))
        )
    return tokens


def _names_in_a_row(token: Token, child: Token) -> bool:
    """ "between Washington and Moscow", "Russia, Iran and Turkey": coordinated names stay together."""
    if token.pos_ != "PROPN":
        return False
    if child.dep_ == "conj":
        return child.pos_ == "PROPN"
    names_follow = any(c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > child.i for c in token.children)
    return names_follow and (child.dep_ == "cc" or child.dep_ == "punct" and child.text == ",")


def _is_title_word(token: Token) -> bool:
    """A word of a title written before a name ("Foreign Minister", "Mr", "Russian counterpart")."""
    words = [t.lower_ for t in token.subtree]
    return any(w in ROLE_WORDS or w.rstrip(".") in HONORIFICS for w in words) or token.ent_type_ in ("NORP",)


def _join(parts: list[str]) -> str:
    text = " ".join(p for p in parts if p)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:-")
    return text


def _shorten(text: str) -> str:
    """At most MAX_WORDS words, cut at a comma or before a dangling function word; balanced quotes."""
    words = text.split()
    if len(words) > MAX_WORDS:
        words = words[:MAX_WORDS]
        while words and (words[-1].lower() in _DANGLING or words[-1].endswith(",")):
            if words[-1].endswith(",") and words[-1].lower().rstrip(",") not in _DANGLING:
                words[-1] = words[-1].rstrip(",")
                break
            words.pop()
    text = " ".join(words)
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    text = text.strip(" ,;:-")
    return text[:1].upper() + text[1:]


_DANGLING = frozenset(
    """
    a an the of in on at to for with by from and or but as that which who whose his her its their our your about
    over into than if while when where is are was were be been has have had will would
    """.split()
)
