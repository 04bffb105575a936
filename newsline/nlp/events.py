"""Events: the happenings an article reports, each placed in time by the date expression of its own clause.

`extract_events` reads the article body sentence by sentence (page chrome is skipped), attaches every
date expression to the verb or event noun it modifies, and builds one candidate per dated clause, with
a short headline, the actors and a planned flag. A past-tense report with no date of its own ("Volkonsky
said ...") takes the publication date and says so.

The rest of the module works on plain values, for the ingest: `event_similarity` decides whether two
reports describe one happening, `choose_date` picks the better-supported date among them and flags a
conflict, `importance` ranks events, `match_event_reference` finds the event an expression such as
"a week before the president's inauguration" is anchored to.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .actors import ActorMention, actors_in, fold, title_tokens
from .gazetteer import HONORIFICS, country_named
from .headlines import Omissions, clause_headline, noun_headline, subject_of
from .layout import is_boilerplate
from .temporal import DateRange, Timex
from .temporal.values import MONTH_NAMES, PRECISIONS


@dataclass(frozen=True)
class EventCandidate:
    """A happening reported by one sentence of one article, with the date expression that places it.

    `timex` is None when the event takes the publication date (`uses_publication_date`).
    `position` is where the sentence stands in the article body: 0 at the top, towards 1 at the end.
    """

    sentence_start: int
    sentence_end: int
    sentence: str
    headline: str
    summary: str
    timex: Timex | None
    actors: list[ActorMention] = field(default_factory=list)
    planned: bool = False
    uses_publication_date: bool = False
    position: float = 0.0


# ---------------------------------------------------------------------------------------------
# Sentences of the body


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, also split at line breaks when the pipeline did not do it."""
    spans: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if any(not t.is_space for t in doc[start : token.i]):
                    spans.append(doc[start : token.i])
                start = token.i + 1
        if any(not t.is_space for t in doc[start : sent.end]):
            spans.append(doc[start : sent.end])
    return spans


def is_boilerplate_sentence(sentence: Span) -> bool:
    """Whether a sentence lies outside the article body (navigation, ads, captions, credits, related headlines):
    the page layout decides, line by line."""
    return is_boilerplate(sentence.doc.text, sentence.start_char, sentence.end_char)


# ---------------------------------------------------------------------------------------------
# Extraction


# Verbs of communication and of concrete action: told in the past tense by a named actor, they make news
# wherever they stand in the article.
_NEWS_VERBS = frozenset(
    """
    say tell add stress urge announce warn describe reply insist deny confirm call express voice welcome reject
    accuse argue claim state note explain suggest acknowledge admit assert emphasise emphasize declare respond
    vow pledge promise threaten demand ask agree condemn criticise criticize praise order sign meet resign visit
    hold discuss approve impose expel seize annex invade attack launch kill arrest elect appoint nominate fire
    dismiss sack replace win lose vote pass veto block lift ban propose offer accept refuse decide adopt release
    publish reveal report conclude
    """.split()
)
_STATIVE_VERBS = frozenset(
    """
    be have seem appear remain become know believe want need feel look continue mean hope think wish
    """.split()
)
_PLANNED_MARKERS = frozenset(
    {"likely", "due", "expected", "scheduled", "planned", "set", "slated", "upcoming", "forthcoming"}
)
_TEMPORAL_RELATIONS = frozenset({"since", "after", "before", "until", "till", "following", "ahead", "prior", "during"})
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
    shooting bombing killing signing
    """.split()
)
_NOT_EVENT_NOUNS = frozenset(
    """
    nation administration situation position relation relations question information population station
    foundation organization federation section condition tradition generation mention attention intention
    government department parliament movement environment region document moment comment
    """.split()
)
_QUOTE_CHARS = frozenset('"“”')
_ARGUMENT_DEPS = frozenset({"dobj", "dative", "ccomp", "xcomp", "prep", "attr", "acomp", "oprd", "agent", "prt"})
_CONTEXT_PREPOSITIONS = frozenset({"amid", "amidst", "despite", "as", "following", "while", "because"})
_QUOTED_SHARE_LIMIT = 0.5
# Undated sentences that report an action (not a statement) take the publication date only near the top.
_TOP_OF_ARTICLE = 0.35


def extract_events(
    doc: Doc,
    timexes: list[Timex],
    is_boilerplate: Callable[[Span], bool] = is_boilerplate_sentence,
) -> list[EventCandidate]:
    """One candidate per dated clause or event noun of the article body, plus undated past-tense reports that
    take the publication date (`uses_publication_date`, `timex` None). `is_boilerplate` says which sentences
    are page chrome."""
    body = [s for s in sentences(doc) if not is_boilerplate(s)]
    # Unresolved expressions ("Thursday" with no publication date, "a week before the inauguration") still
    # place their clause: the event waits for its date instead of taking the publication date.
    usable = [
        t for t in timexes if t.type in ("DATE", "TIME") and (t.range is not None or t.event_ref or "X" in t.value)
    ]
    events: list[EventCandidate] = []
    last_person: ActorMention | None = None
    for index, sent in enumerate(body):
        position = index / max(len(body), 1)
        found = _SentenceEvents(
            sent, [t for t in usable if sent.start_char <= t.start < sent.end_char], last_person, position
        )
        events.extend(found.candidates())
        last_person = found.last_person() or last_person
    return events


class _SentenceEvents:
    def __init__(self, sent: Span, timexes: list[Timex], last_person: ActorMention | None, position: float):
        self.sent = sent
        self.timexes = timexes
        self.previous_person = last_person
        self.position = position
        self.actors = actors_in(sent)
        self.quoted = _quoted_tokens(sent)

    def candidates(self) -> list[EventCandidate]:
        if len(self.quoted) > _QUOTED_SHARE_LIMIT * len([t for t in self.sent if not t.is_punct and not t.is_space]):
            return []
        doc = self.sent.doc
        anchored: dict[int, tuple[Token, str, Timex]] = {}
        timex_tokens: set[int] = set()
        for timex in self.timexes:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None:
                continue
            timex_tokens.update(t.i for t in span)
            anchor, kind = _anchor_of(span)
            if anchor.i in self.quoted:
                continue
            current = anchored.get(anchor.i)
            if current is None or _timex_rank(timex) > _timex_rank(current[2]):
                anchored[anchor.i] = (anchor, kind, timex)
        outside = set(range(self.sent.start)) | set(range(self.sent.end, len(doc)))
        omit = Omissions(frozenset(timex_tokens | outside), frozenset(title_tokens(doc)))
        found = []
        for anchor, kind, timex in anchored.values():
            found.append(self._candidate(anchor, kind, timex, omit))
        root = self._main_verb()
        if root is not None and root.i not in anchored and self._reports_news(root, anchored):
            found.append(self._candidate(root, "clause", None, omit))
        return [c for c in found if c is not None]

    def _candidate(self, anchor: Token, kind: str, timex: Timex | None, omit: Omissions) -> EventCandidate | None:
        pronoun = self._pronoun_subject(anchor) if kind == "clause" else None
        if kind == "noun":
            headline = noun_headline(anchor, omit)
            region = _noun_region(anchor)
        else:
            subject_name = self.previous_person.name if pronoun is not None and self.previous_person else ""
            headline = clause_headline(anchor, omit, subject_name)
            region = _clause_region(anchor)
        text = _clean_headline(headline.text)
        if len(text.split()) < 2 or timex is None and len(text.split()) < 4:
            return None
        actors = self._actors_within(region, headline.tokens, text)
        if (
            pronoun is not None
            and self.previous_person is not None
            and all(a.name != self.previous_person.name for a in actors)
        ):
            previous = self.previous_person
            actors.insert(
                0,
                ActorMention(
                    previous.name,
                    previous.kind,
                    pronoun.text,
                    pronoun.idx,
                    pronoun.idx + len(pronoun),
                    previous.description,
                ),
            )
        if (
            not actors
            and not _names_a_happening(anchor, kind)
            and not (timex is not None and anchor.lemma_ in _NEWS_VERBS)
        ):
            # Nobody named acts, nothing happens: background ("ties have plunged"), not a timeline entry.
            return None
        planned = headline.planned or (timex is not None and timex.direction == "future" and not _told_in_past(anchor))
        return EventCandidate(
            sentence_start=self.sent.start_char,
            sentence_end=self.sent.end_char,
            sentence=self.sent.text.strip(),
            headline=text,
            summary=_summary(self.sent.text),
            timex=timex,
            actors=actors,
            planned=planned,
            uses_publication_date=timex is None,
            position=round(self.position, 3),
        )

    def _actors_within(self, region: set[int], headline: frozenset[int], text: str) -> list[ActorMention]:
        """People and organizations the headline names; countries anywhere in the clause."""
        doc = self.sent.doc
        seen: dict[str, ActorMention] = {}
        for mention in self.actors:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or mention.name in seen:
                continue
            tokens = {t.i for t in span}
            named = bool(tokens & headline) and span[-1].text in text
            if named or mention.kind == "country" and tokens & region:
                seen[mention.name] = mention
        return list(seen.values())

    def _main_verb(self) -> Token | None:
        root = self.sent.root
        if root.pos_ in ("VERB", "AUX"):
            return root
        return None

    def _reports_news(self, verb: Token, anchored: dict[int, tuple[Token, str, Timex]]) -> bool:
        """A past-tense report or action by a named actor, not a quote, not background, and not merely the
        saying of a dated happening ("X said talks took place on Monday": the talks are the event)."""
        if verb.i in self.quoted or verb.lemma_ in _STATIVE_VERBS:
            return False
        if any(c.dep_ in ("ccomp", "dobj") and c.i in anchored for c in verb.children):
            return False
        if not any(
            c.dep_ in _ARGUMENT_DEPS and not (c.dep_ == "prep" and c.lower_ in _CONTEXT_PREPOSITIONS)
            for c in verb.children
        ):
            return False
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if auxiliaries & {"had", "would", "could", "might", "may", "should", "must", "will", "can"}:
            return False
        past = (
            verb.tag_ == "VBD"
            or verb.tag_ == "VBN"
            and bool(auxiliaries & {"has", "have", "was", "were"})
            or verb.tag_ == "VBG"
            and bool(auxiliaries & {"was", "were"})
        )
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if not past or subject is None:
            return False
        if subject.lower_ in ("he", "she"):
            named_subject = self.previous_person is not None
        else:
            named_subject = any(t.i in _subtree_ids(subject) for t in self._actor_tokens())
        if verb.lemma_ in _NEWS_VERBS:
            return named_subject
        # Near the top, the lead reports the news even when its subject is "the statement" or "the talks".
        names_someone = named_subject or any(a.kind != "country" for a in self.actors)
        return self.position <= _TOP_OF_ARTICLE and names_someone

    def _actor_tokens(self) -> list[Token]:
        doc = self.sent.doc
        tokens = []
        for mention in self.actors:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                tokens.extend(span)
        return tokens

    def _pronoun_subject(self, verb: Token) -> Token | None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject if subject is not None and subject.lower_ in ("he", "she") else None

    def last_person(self) -> ActorMention | None:
        """The person this sentence is about, for "he"/"she" in the next one."""
        people = [a for a in self.actors if a.kind == "person"]
        root = self.sent.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            ids = _subtree_ids(subject)
            doc = self.sent.doc
            for person in people:
                span = doc.char_span(person.start, person.end, alignment_mode="expand")
                if span is not None and any(t.i in ids for t in span):
                    return person
            if subject.lower_ in ("he", "she"):
                return self.previous_person
        return people[-1] if people else None


def _subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _told_in_past(anchor: Token) -> bool:
    """Whether the clause around an anchor is in the past tense (a "future" date there is a resolution slip)."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("since", "after", "following"):
        return True
    verb = (
        anchor
        if anchor.pos_ in ("VERB", "AUX")
        else next((a for a in anchor.ancestors if a.pos_ in ("VERB", "AUX")), None)
    )
    return (
        verb is not None
        and verb.tag_ in ("VBD", "VBN")
        and not any(c.lower_ in ("will", "would") for c in verb.children)
    )


def _anchor_of(timex: Span) -> tuple[Token, str]:
    """The verb or event noun a date expression modifies, climbing the parse from the expression's root."""
    anchor, kind = _direct_anchor(timex)
    if kind == "noun" and anchor.dep_ == "pobj" and anchor.head.lower_ in ("in", "of", "during"):
        # "meddling in the 2016 elections": the happening is the meddling, in 2016.
        higher = anchor.head.head
        if higher.pos_ == "NOUN" and _is_event_noun(higher):
            return higher, "noun"
    return anchor, kind


def _direct_anchor(timex: Span) -> tuple[Token, str]:
    sentence = timex.sent
    if (noun := _event_noun_before(timex)) is not None:
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
        if head.pos_ == "ADP":
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


def _is_event_noun(token: Token) -> bool:
    word = token.lower_
    if word in _NOT_EVENT_NOUNS or token.ent_type_ in ("PERSON", "GPE", "NORP"):
        return False
    return word in _EVENT_NOUNS or bool(re.search(r"(tion|sion|ment|ance|ence|ure|ing|al)s?$", word)) and len(word) > 5


def _names_a_happening(anchor: Token, kind: str) -> bool:
    """An event noun ("the election") or a clause about one ("the summit, scheduled to be held in May")."""
    if kind == "noun":
        return True
    subject = subject_of(anchor)
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


def _timex_rank(timex: Timex) -> tuple[int, int]:
    """Finer and absolute first: "on 16 February 2017" beats "2017" for the same clause."""
    span = timex.range
    precision = (
        PRECISIONS.index(span.precision) if span is not None and span.precision in PRECISIONS else len(PRECISIONS)
    )
    return (-precision, 1 if timex.anchor == "absolute" else 0)


def _quoted_tokens(sent: Span) -> set[int]:
    """Token indices inside quotation marks. A quote left open at the sentence end runs to the end."""
    inside = False
    quoted: set[int] = set()
    for token in sent:
        if token.text in _QUOTE_CHARS or token.text in ("``", "''"):
            if token.text == "“":
                inside = True
            elif token.text == "”":
                inside = False
            else:
                inside = not inside
            continue
        if inside:
            quoted.add(token.i)
    return quoted


_HONORIFIC_BEFORE_NAME = re.compile(
    r"\b(?:" + "|".join(sorted((h for h in HONORIFICS if len(h) <= 4), key=len, reverse=True)) + r")\.?\s+(?=[A-Z])",
    re.IGNORECASE,
)


def _clean_headline(text: str) -> str:
    text = _HONORIFIC_BEFORE_NAME.sub(lambda m: "" if m.group(0)[:1].isupper() else m.group(0), text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:-")
    return text[:1].upper() + text[1:]


def _summary(sentence: str) -> str:
    text = re.sub(r"\s+", " ", sentence).strip()
    if text.count("“") != text.count("”"):
        text = text.replace("“", "").replace("”", "")
    if text.count('"') % 2:
        text = text.strip('"').strip()
    if text and text[-1] not in '.!?"”':
        text += "."
    return text


# ---------------------------------------------------------------------------------------------
# Merging, dates, importance, event references


_STOPWORDS = frozenset(
    """
    a an the and or but if of in on at to for with by from as into over after before since until about against
    between during without within through up down out off than then that this these those there here it its it's
    he she his her they them their we our you your i me my mr mrs ms dr gen who whom whose which what when where
    why how is are was were be been being has have had do does did will would shall should can could may might
    must not no nor so also very just said says say told tell added adds new first last one two three year years
    week weeks day days month months time times monday tuesday wednesday thursday friday saturday sunday
    """.split()
) | {m.lower() for m in MONTH_NAMES}
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
    """Content words of a text, crudely stemmed, for comparing two reports of a happening."""
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", fold(text.replace("’", "'").replace("'s ", " ")))
    keywords = set()
    for word in words:
        if word in _STOPWORDS or len(word) < 3:
            continue
        keywords.add(_KEYWORD_OF.get(word) or _stem(word))
    return frozenset(keywords)


def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            stem = word[: -len(suffix)]
            return stem + "y" if suffix in ("ies", "ied") else stem
    return word


@dataclass(frozen=True)
class EventFeatures:
    """What merging looks at in one report (or one stored event).

    `actors` are canonical names of people, organizations and groups; `countries` are kept apart
    because most reports of one story share them. `keywords` come from `text_keywords`.
    """

    date: DateRange | None
    actors: frozenset[str]
    keywords: frozenset[str]
    headline: str = ""
    countries: frozenset[str] = frozenset()
    planned: bool = False
    # Words of the whole sentences, for recognizing the event a date expression refers to.
    context: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        headline: str,
        summary: str,
        date: DateRange | None,
        actors: Iterable[tuple[str, str]],
        planned: bool = False,
    ) -> EventFeatures:
        """Features from plain values; `actors` are (canonical name, kind) pairs, or any stable key in place
        of the name (a database id) as long as every report uses the same keys."""
        actors = list(actors)
        return cls(
            date=date,
            actors=frozenset(name for name, kind in actors if kind != "country"),
            # The headline says what happened; the rest of the sentence mostly adds background words.
            keywords=text_keywords(headline),
            headline=headline,
            countries=frozenset(name for name, kind in actors if kind == "country"),
            planned=planned,
            context=text_keywords(summary),
        )


# Score from which two reports are taken to describe the same happening.
MERGE_THRESHOLD = 0.5


def event_similarity(a: EventFeatures, b: EventFeatures) -> float:
    """How likely two reports describe one happening, from 0 to 1 (merge at MERGE_THRESHOLD).

    Dates that cannot both be right keep reports apart. Then the cast (people and organizations) and the
    wording count, each with a guard: different casts are different happenings even on the same day and
    in the same words ("X met Y" / "Z met W"); each side naming someone the other does not ("Berg met
    Volkonsky" / "Berg met Johnson") and reports sharing no words are held back.
    """
    date_score = _date_compatibility(a.date, b.date)
    if date_score == 0.0:
        return 0.0
    names = _name_words(a, b)
    word_score = _overlap(a.keywords - names, b.keywords - names)
    if a.actors and b.actors and not a.actors & b.actors:
        return round(0.25 * word_score * date_score, 3)
    if a.actors and b.actors:
        actor_score = len(a.actors & b.actors) / len(a.actors | b.actors)
    else:
        actor_score = 0.3 * _overlap(a.countries, b.countries)
    score = 0.4 * actor_score + 0.4 * word_score + 0.2 * date_score
    if a.actors - b.actors and b.actors - a.actors:
        score *= 0.6
    if word_score == 0.0 and not (a.actors == b.actors and len(a.actors) >= 2):
        score *= 0.6
    if a.planned != b.planned:
        score *= 0.8
    return round(score, 3)


def group_reports(reports: Sequence[EventFeatures], threshold: float = MERGE_THRESHOLD) -> list[list[int]]:
    """Group reports of the same happening: each report joins the group it is most similar to on average
    (average over the group's reports, so a group cannot drift by chaining), when that reaches `threshold`."""
    groups: list[list[int]] = []
    for index, report in enumerate(reports):
        scored = [
            (sum(event_similarity(report, reports[member]) for member in group) / len(group), len(group), -position)
            for position, group in enumerate(groups)
        ]
        best = max(scored, default=None)
        if best is None or best[0] < threshold:
            groups.append([index])
        else:
            groups[-best[2]].append(index)
    return groups


def _name_words(a: EventFeatures, b: EventFeatures) -> set[str]:
    """Words of the actors' names, and of every name of their countries ("Moscow", "Kremlin", "Russian")."""
    names = [*a.actors, *b.actors]
    for country_name in (*a.countries, *b.countries):
        country = country_named(country_name)
        names += (
            [country_name]
            if country is None
            else [country.name, *country.aliases, *country.metonyms, *country.demonyms]
        )
    return {word for name in names for word in text_keywords(name)}


def _overlap(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """Overlap coefficient: a short headline's words found in a long one still count fully."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _date_compatibility(a: DateRange | None, b: DateRange | None) -> float:
    if a is None or b is None:
        return 0.3
    if a.start == b.start and a.end == b.end:
        return 1.0
    if a.overlaps(b):
        return 0.7
    gap = min(abs((a.start - b.end).days), abs((b.start - a.end).days))
    # A day apart is a time zone or a late report, not another happening.
    return 0.4 if gap <= 1 else 0.0


@dataclass(frozen=True)
class DateEvidence:
    """One report's date for an event. `anchor` as in Timex ("absolute", "publication", ...), or
    "publication_date" when the report had no date expression and took the article's date."""

    value: str
    range: DateRange
    source: str
    anchor: str = "absolute"
    approximate: bool = False


@dataclass(frozen=True)
class DateChoice:
    chosen: DateEvidence
    supporting_sources: int
    conflict: bool
    alternatives: list[DateEvidence]


def choose_date(evidence: Sequence[DateEvidence]) -> DateChoice:
    """The better-supported date among an event's reports: more sources agreeing, finer precision, an
    absolute date over a relative one, a stated date over the publication date. When reports cannot all be
    right (ranges that do not overlap), `conflict` is set and the other dates are listed for editors."""
    if not evidence:
        raise ValueError("choose_date needs at least one date")
    groups: list[list[DateEvidence]] = []
    for item in evidence:
        for group in groups:
            if all(item.range.overlaps(other.range) for other in group):
                group.append(item)
                break
        else:
            groups.append([item])

    def group_strength(group: list[DateEvidence]) -> tuple[int, int, int]:
        stated = sum(1 for e in group if e.anchor != "publication_date")
        return (len({e.source for e in group}), stated, max(_evidence_rank(e) for e in group))

    best = max(groups, key=group_strength)
    chosen = max(best, key=_evidence_rank)
    others = [e for e in evidence if not e.range.overlaps(chosen.range)]
    return DateChoice(chosen, len({e.source for e in best}), bool(others), others)


def _evidence_rank(evidence: DateEvidence) -> int:
    precision = (
        PRECISIONS.index(evidence.range.precision) if evidence.range.precision in PRECISIONS else len(PRECISIONS)
    )
    anchor_rank = {"absolute": 3, "publication": 2, "narrative": 1, "event": 1}.get(evidence.anchor, 0)
    return (len(PRECISIONS) - precision) * 10 + anchor_rank * 2 + (0 if evidence.approximate else 1)


def importance(
    sources: int, actor_prominence: Iterable[float], positions: Iterable[float], planned: bool = False
) -> float:
    """A score from 0 to 1: how many sources report the event, how prominent its actors are (each 0..1, see
    `actor_prominence`), and how near the top of its articles it stands (positions 0 = top)."""
    source_score = min(1.0, math.log2(1 + max(sources, 0)) / math.log2(1 + 5))
    prominence = sorted(actor_prominence, reverse=True)[:2]
    prominence_score = sum(prominence) / 2 if prominence else 0.0
    positions = list(positions)
    position_score = 1.0 - min(positions) if positions else 0.0
    score = 0.5 * source_score + 0.25 * prominence_score + 0.25 * position_score
    return round(score * (0.9 if planned else 1.0), 3)


def actor_prominence(sources_per_actor: dict[str, int]) -> dict[str, float]:
    """Each actor's share of the most-reported actor's sources, from 0 to 1."""
    top = max(sources_per_actor.values(), default=0)
    return {name: (count / top if top else 0.0) for name, count in sources_per_actor.items()}


def match_event_reference(event_ref: str, events: Sequence[EventFeatures]) -> int | None:
    """The index of the dated event an expression refers to ("the president's inauguration"), or None.

    Every content word of the reference must appear in the event's headline, words or actor names;
    among several, the one with the finest date wins. Undated events never match.
    """
    wanted = text_keywords(" ".join(w for w in event_ref.split() if fold(w) not in HONORIFICS))
    if not wanted:
        return None
    best: tuple[tuple[int, int], int] | None = None
    for index, event in enumerate(events):
        if event.date is None or event.planned:
            continue
        names = {word for name in (*event.actors, *event.countries) for word in text_keywords(name)}
        available = event.keywords | event.context | names
        if not wanted <= available:
            continue
        rank = (1 if wanted <= text_keywords(event.headline) | names else 0, -(event.date.end - event.date.start).days)
        if best is None or rank > best[0]:
            best = (rank, index)
    return None if best is None else best[1]
