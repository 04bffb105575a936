"""Direction: does an underspecified expression ("in July", "on Monday") look back or ahead? Read from spaCy's tags."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

PAST = "past"
FUTURE = "future"

_FUTURE_AUXILIARIES = {"will", "'ll", "shall", "wo", "would", "'d", "going"}
# Heads of a "to"-infinitive that put it ahead in time: "is due to sign", "scheduled to meet", "agreed to hold".
_FUTURE_HEADS = {
    "due", "schedule", "set", "expect", "plan", "intend", "hope", "aim", "want", "go", "likely", "poise", "slate",
    "prepare", "propose", "agree", "decide", "vote", "promise", "pledge", "vow", "threaten", "seek", "try", "need",
    "ready", "about", "able", "expected", "scheduled", "planned", "slated", "poised",
    # "is to resume trading Tuesday"
    "is", "are", "'s", "'re",
}
# Infinitives under these look back or sideways, not ahead: "tried to", "used to", "failed to".
_NOT_AHEAD_HEADS = {"try", "use", "manage", "fail", "refuse", "begin", "start", "continue", "seem", "appear", "have", "get", "decline", "help"}
# Verbs whose object is a future happening: "planned a demonstration on Saturday", "scheduled a news conference Thursday".
_SCHEDULING_VERBS = {"plan", "schedule", "slate", "expect", "intend", "propose", "reschedule", "postpone", "delay"}
_PRESENT_STATES = {"be", "have", "say", "tell", "report", "think", "believe", "know", "show", "remain", "seem", "appear", "mean", "include", "need", "want", "hold", "own", "stand", "keep", "continue", "argue", "add", "note", "claim", "deny", "insist", "estimate", "expect", "predict", "warn", "write", "accord"}
# Passives that describe a state or an accusation rather than a scheduled happening ("is accused of ...").
_STATE_PASSIVES = {
    "accuse", "charge", "suspect", "believe", "know", "say", "report", "think", "consider", "allege", "base", "own",
    "locate", "hold", "require", "estimate", "value", "price", "list",
}
# Words right before a date that fix its direction whatever the verb: "payable Dec. 15", "since Jan. 13".
_FUTURE_MARKERS = ("as early as", "as soon as", "no later than", "effective", "payable", "of record")
_FUTURE_WORDS = {"until", "till", "next", "upcoming", "coming", "tomorrow", "later", "soon"}
_PAST_WORDS = {"since", "ago", "last", "earlier"}


def sentence_direction(doc: Doc, start: int, end: int, cautious: bool = False) -> str:
    """"past", "future" or "" for the clause holding the characters start..end of doc.

    `cautious` (for weekdays, which news uses mostly for the days just gone) ignores the weaker hint
    that a bare infinitive gives ("offers to acquire ... Friday").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    before = _words_before(span, 3)
    last = before.rsplit(" ", 1)[-1]
    if before.endswith(_FUTURE_MARKERS):
        return FUTURE
    if last == "since":
        return PAST
    if cautious and last in ("until", "till") and span.start - 1 > span.sent.start:
        # "given the relatives until 9 a.m. Tuesday": a deadline named by its weekday is still to come.
        return FUTURE
    if cautious and len(span) > 1 and span[-1].tag_ == "POS":
        # "Tuesday's declaration": a weekday used to name an event already reported.
        return ""
    verb = _governing_verb(span.root)
    found = _verb_direction(verb, depth=0, cautious=cautious) if verb is not None else ""
    if found:
        return found
    if last in ("until", "till"):
        return FUTURE
    return _sentence_fallback(span.sent, cautious)


def _words_before(span: Span, count: int) -> str:
    first = max(span.sent.start, span.start - count)
    return " ".join(token.lower_ for token in span.doc[first : span.start])


def _governing_verb(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or token.tag_ == "MD":
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_direction(verb: Token, depth: int, cautious: bool = False) -> str:
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if verb.lower_ in _FUTURE_AUXILIARIES or words & _FUTURE_AUXILIARIES:
        return FUTURE
    if verb.dep_ == "xcomp" and verb.tag_ in ("VBG", "VBN") and "to" not in words:
        # A participle completing its verb ("was found clinging to ...") takes that verb's time.
        return _verb_direction(verb.head, depth + 1, cautious) if depth < 2 and verb.head is not verb else ""
    if "to" in words or verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ in _FUTURE_HEADS:
            return FUTURE
        if cautious or head.lemma_.lower() in _NOT_AHEAD_HEADS:
            return _verb_direction(head, depth + 1, cautious) if depth < 2 and head is not verb else ""
        # An infinitive names something still to happen at the time of its clause ("an agreement to acquire ... in January").
        return FUTURE
    if verb.lemma_.lower() in _SCHEDULING_VERBS or (
        verb.lemma_.lower() == "set" and verb.dep_ == "acl" and any(child.lower_ == "for" for child in verb.children)
    ):
        # "a summit set for Washington in April"
        return FUTURE
    if verb.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VBN":
        if words & {"has", "have", "had", "was", "were", "'ve"} or not words:
            return PAST
    if words & {"was", "were", "did", "had"}:
        return PAST
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'re", "'m"}:
        return FUTURE
    if (
        not cautious and verb.tag_ == "VBN" and words and words <= {"is", "are", "'s", "'re"}
        and verb.lemma_.lower() not in _STATE_PASSIVES
    ):
        # A present passive with a date is a schedule ("the case is heard in May").
        return FUTURE
    # News reports what happened in the past tense; a present-tense action with a date is a schedule ("They meet Monday").
    if not cautious and verb.tag_ in ("VBZ", "VBP") and not words and verb.lemma_.lower() not in _PRESENT_STATES:
        return FUTURE
    return ""


def _sentence_fallback(sent: Span, cautious: bool = False) -> str:
    future = past = 0
    for token in sent:
        lower = token.lower_
        if cautious and lower in ("would", "'d"):
            # "his vow on Monday that there would be no deal": a future seen from the past says nothing of a weekday.
            continue
        if token.tag_ == "MD" and lower in _FUTURE_AUXILIARIES:
            future += 1
        elif lower in _FUTURE_WORDS:
            future += 1
        elif token.tag_ == "VBD" or lower in _PAST_WORDS:
            past += 1
    if future > past:
        return FUTURE
    if past:
        return PAST
    return ""


def told_in_past(anchor: Token) -> bool:
    """Whether the clause around a verb or event noun is in the past tense (a "future" date there is a slip)."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("since", "after", "following"):
        return True
    verb = anchor if anchor.pos_ in ("VERB", "AUX") else next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ in ("VBD", "VBN") and not any(c.lower_ in ("will", "would") for c in verb.children)


def clause_tense(doc: Doc, offset: int) -> str:
    """"past", "future" or "present": the tense of the clause that governs the token at `offset`."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return "present"
    token: Token = span[0]
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    aux = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll") or (a.lower_ == "to" and token.tag_ == "VB") for a in aux):
        return FUTURE
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return PAST
    if token.tag_ == "VBN" and any(a.lemma_ == "have" for a in aux):
        return PAST
    return "present"
