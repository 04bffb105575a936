"""Anchoring a date expression to the verb or event noun it dates, and the region of the sentence that anchor covers."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .headlines import subject_of
from .temporal import Timex
from .temporal.values import PRECISIONS

_STATIVE_VERBS = frozenset(
    """
    be have seem appear remain become know believe want need feel look continue mean hope think wish
    """.split()
)
_PLANNED_MARKERS = frozenset(
    {"likely", "due", "expected", "scheduled", "planned", "set", "slated", "upcoming", "forthcoming"}
)
_TEMPORAL_RELATIONS = frozenset({"since", "after", "before", "until", "till", "following", "ahead", "prior", "during"})
_VAGUE_SUBJECTS = frozenset({"it", "this", "that", "there", "which", "what", "who", "they", "these", "those"})
_EVENT_NOUNS = frozenset(
    """
    election elections vote referendum summit talks meeting war deal visit trip attack crisis conflict coup
    ceremony dinner conference treaty accord accords agreement agreements sanctions campaign invasion strike
    strikes ceasefire cease-fire truce protest protests speech interview raid crash explosion scandal
    resignation inauguration annexation reunification dismissal hack leak debate rally session hearing trial
    verdict ruling decision announcement launch test tests deployment operation offensive massacre earthquake
    flood storm hurricane primary poll polls tour expulsion bill law sanction negotiations discussions exercise
    exercises drill drills purge arrest assassination murder death funeral victory defeat collapse merger
    takeover bankruptcy gathering encounter call calls revolution uprising independence occupation withdrawal
    shooting bombing killing signing shutdown lockdown outage blackout walkout standoff
    """.split()
)
_NOT_EVENT_NOUNS = frozenset(
    """
    nation administration situation position relation relations question information population station
    foundation organization federation section condition tradition generation mention attention intention
    government department parliament movement environment region document moment comment
    """.split()
)


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _anchor_of(timex: Span) -> tuple[Token, str]:
    """The verb or event noun a date expression modifies, climbing the parse from the expression's root."""
    anchor, kind = _direct_anchor(timex)
    if kind == "clause" and (happening := _happening_of_the_time(anchor, timex)) is not None:
        return happening, "noun"
    if kind == "noun" and anchor.dep_ == "pobj" and anchor.head.lower_ in ("in", "of", "during"):
        # "meddling in the 2016 elections": the happening is the meddling, in 2016.
        higher = anchor.head.head
        if higher.pos_ == "NOUN" and _is_event_noun(higher):
            return higher, "noun"
    return anchor, kind


# Verbs whose subject is a time and whose object is what happened in it: "the weekend saw protests".
_TIME_SUBJECT_VERBS = frozenset({"mark", "see", "bring", "witness"})


def _happening_of_the_time(verb: Token, timex: Span) -> Token | None:
    """The noun a clause says happened at its date when the clause only places it there: "there were floods on
    Monday" (the floods), "November marked the start of the season" / "the weekend saw protests" (the object)."""
    children = list(verb.children)
    if verb.lemma_ == "be" and any(c.dep_ == "expl" for c in children):
        return next((c for c in children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
    if verb.lemma_ not in _TIME_SUBJECT_VERBS or timex.root.head != verb:
        return None
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if timex.root.dep_ not in ("nsubj", "npadvmod") or any(s.i not in range(timex.start, timex.end) for s in subjects):
        return None
    if timex.root.i > verb.i:
        return None
    return next((c for c in children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)


def _direct_anchor(timex: Span) -> tuple[Token, str]:
    sentence = timex.sent
    if (noun := _event_noun_before(timex)) is not None or (noun := _possessed_event_noun(timex)) is not None:
        return noun, "noun"
    token = timex.root
    came_by_preposition = False
    for _ in range(12):
        head = token.head
        if head == token or not sentence.start <= head.i < sentence.end:
            return token, "clause"
        if head.i in range(timex.start, timex.end):
            token = head
            continue
        if head.pos_ == "ADP" or _participle_as_preposition(head):
            came_by_preposition = True
            token = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            return head, "clause"
        if head.pos_ in ("NOUN", "PROPN") and _is_event_noun(head):
            tight = token.dep_ in ("compound", "amod", "nummod", "poss", "nmod", "npadvmod") and not came_by_preposition
            if tight or _in_temporal_relation(head) or _governing_verb_is_stative(head) or _is_planned_noun(head):
                return head, "noun"
        came_by_preposition = False
        token = head
    return token, "clause"


_SPAN_PARTICIPLES = frozenset({"begin", "start", "end", "commence"})


def _participle_as_preposition(token: Token) -> bool:
    """ "phased in over two years beginning in January", "starting on Monday": the date is the clause's it hangs on."""
    if token.tag_ != "VBG" or token.dep_ not in ("prep", "advcl"):
        return False
    return token.dep_ == "prep" or token.lemma_ in _SPAN_PARTICIPLES and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in token.children
    )


def _event_noun_before(timex: Span) -> Token | None:
    """ "the summit in July", "the president's election last year": when the parser hangs the date on some other
    noun, the event noun written just before it is the one it dates. A date on a verb stays with the verb."""
    doc = timex.doc
    root = timex.root
    attached = root.head.head if root.head.pos_ == "ADP" else root.head
    if attached.pos_ in ("VERB", "AUX") or root.head == root:
        return None
    index = timex.start - 1
    if index >= 0 and doc[index].pos_ == "ADP":
        index -= 1
    if index < timex.sent.start:
        return None
    before = doc[index]
    if before.pos_ == "NOUN" and _is_event_noun(before) and before != attached:
        return before
    return None


def _possessed_event_noun(timex: Span) -> Token | None:
    """ "Tuesday's vote", "last year's two-day shutdown of the port": a date in the possessive dates the noun
    after it, however the parser hung the two."""
    doc = timex.doc
    if timex.end >= timex.sent.end or doc[timex.end].lower_ not in ("'s", "’s", "'", "’"):
        return None
    head: Token | None = None
    for token in doc[timex.end + 1 : min(timex.end + 7, timex.sent.end)]:
        if token.pos_ in ("NOUN", "PROPN"):
            head = token
        elif token.pos_ not in ("ADJ", "NUM") and token.tag_ != "HYPH":
            break
    return head if head is not None and _is_event_noun(head) else None


def _is_event_noun(token: Token) -> bool:
    word = token.lower_
    if word in _NOT_EVENT_NOUNS or token.ent_type_ in ("PERSON", "GPE", "NORP"):
        return False
    return word in _EVENT_NOUNS or bool(re.search(r"(tion|sion|ment|ance|ence|ure|ing|al)s?$", word)) and len(word) > 5


def _names_a_happening(anchor: Token, kind: str) -> bool:
    """An event noun ("the election") or a clause about one ("the summit, scheduled to be held in May")."""
    if kind == "noun":
        return True
    subject = _named_subject(anchor)
    return subject is not None and _is_event_noun(subject)


def _is_planned_noun(noun: Token) -> bool:
    """ "the summit in July, likely to be ...", "the vote scheduled for May": the date is the planned event's."""
    return any(c.dep_ in ("amod", "acl") and c.lower_ in _PLANNED_MARKERS for c in noun.children)


def _in_temporal_relation(noun: Token) -> bool:
    """ "since the president's inauguration on January 20": the date belongs to the inauguration, not the main clause."""
    return noun.dep_ == "pobj" and noun.head.lower_ in _TEMPORAL_RELATIONS


def _governing_verb_is_stative(noun: Token) -> bool:
    for ancestor in noun.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.lemma_ in _STATIVE_VERBS
    return False


def _clause_region(verb: Token) -> set[int]:
    ids = _subtree_ids(verb)
    if verb.dep_ == "relcl":
        ids |= {verb.head.i}
        if verb.head.dep_ == "appos":
            ids |= {verb.head.head.i}
    current = verb
    while current.dep_ in ("conj", "xcomp", "advcl") and current.head != current:
        current = current.head
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                ids |= _subtree_ids(child)
    # Relative clauses inside tell what someone else did (and, when dated, are events of their own).
    for token in list(verb.subtree):
        if token.dep_ == "relcl" and token != verb:
            ids -= _subtree_ids(token)
    return ids


def _noun_region(noun: Token) -> set[int]:
    ids = _subtree_ids(noun)
    if noun.dep_ == "dobj":
        for child in noun.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                ids |= _subtree_ids(child)
    return ids


# A date read from the calendar or the publication date beats one counted from wherever the text last was.
_ANCHOR_RANK = {"absolute": 3, "publication": 2, "event": 1}


def _timex_rank(timex: Timex) -> tuple[int, int]:
    """Finer and better anchored first: "on 16 February 2017" beats "2017" for the same clause, and "on October 6"
    beats "in the early morning" counted from the previous date of the text."""
    span = timex.range
    precision = (
        PRECISIONS.index(span.precision) if span is not None and span.precision in PRECISIONS else len(PRECISIONS)
    )
    return (-precision, _ANCHOR_RANK.get(timex.anchor, 0))


def _named_subject(verb: Token) -> Token | None:
    """The subject of a clause, with a relative pronoun replaced by the noun it stands for ("the trial, which is
    scheduled to begin ..." → "trial")."""
    subject = subject_of(verb)
    if subject is not None and subject.lower_ in ("which", "that", "who"):
        relative = next((t for t in subject.ancestors if t.dep_ == "relcl"), None)
        return relative.head if relative is not None else None
    return subject
