"""Event extraction: the happenings an article reports, each placed in time by the date expression of its clause.

`extract_events` reads the article body sentence by sentence (page chrome is skipped), attaches every
date expression to the verb or event noun it modifies, and builds one candidate per dated clause, with
a short headline, the actors and a planned flag. A past-tense report with no date of its own ("Volkonsky
said ...") takes the publication date and says so. What happens across reports is in `happenings.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .actors import ActorMention, actors_in, title_tokens
from .event_anchors import (
    _STATIVE_VERBS,
    _VAGUE_SUBJECTS,
    _anchor_of,
    _clause_region,
    _named_subject,
    _names_a_happening,
    _noun_region,
    _subtree_ids,
    _timex_rank,
)
from .gazetteer import HONORIFICS, fold
from .headline_wording import NEWS_OUTLETS
from .headlines import Omissions, clause_headline, noun_headline
from .layout import SUBHEADING, PageLayout, page_layout
from .temporal import Timex
from .temporal.tense import told_in_past


@dataclass(frozen=True)
class EventCandidate:
    """A happening reported by one sentence of one article, with the date expression that places it.

    `timex` is None when the event takes the publication date (`uses_publication_date`); it then happened by
    that day, not necessarily on it, unless the text ties it to the day: `publication_mod` is the TIMEX3 modifier
    of that date ("ON_OR_BEFORE", shown "by 10 Aug 2017", or "" for that very day).
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
    publication_mod: str = ""


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
_QUOTE_CHARS = frozenset('"“”')
_ARGUMENT_DEPS = frozenset({"dobj", "dative", "ccomp", "xcomp", "prep", "attr", "acomp", "oprd", "agent", "prt"})
_CONTEXT_PREPOSITIONS = frozenset({"amid", "amidst", "despite", "as", "following", "while", "because"})
_QUOTED_SHARE_LIMIT = 0.5
# Undated sentences that report an action (not a statement) take the publication date only near the top.
_TOP_OF_ARTICLE = 0.35


def extract_events(doc: Doc, timexes: list[Timex], layout: PageLayout | None = None) -> list[EventCandidate]:
    """One candidate per dated clause or event noun of the article body, plus undated past-tense reports that
    take the publication date (`uses_publication_date`, `timex` None). The page `layout` says which sentences
    are page chrome (navigation, ads, captions, credits, related headlines)."""
    layout = layout if layout is not None else page_layout(doc.text)
    body = [
        s
        for s in sentences(doc)
        if (not layout.is_boilerplate(s.start_char, s.end_char) or _introduces_what_follows(layout, s))
        and not _is_furniture(s.text)
    ]
    # Unresolved expressions ("Thursday" with no publication date, "a week before the inauguration") still
    # place their clause: the event waits for its date instead of taking the publication date.
    usable = [
        t
        for t in timexes
        if t.type in ("DATE", "TIME") and not t.dateline and (t.range is not None or t.event_ref or "X" in t.value)
    ]
    datelines = [t for t in timexes if t.dateline]
    events: list[EventCandidate] = []
    last_person: ActorMention | None = None
    last_thing = ""
    for index, sent in enumerate(body):
        position = index / max(len(body), 1)
        found = _SentenceEvents(
            sent, [t for t in usable if sent.start_char <= t.start < sent.end_char], last_person, position, datelines,
            last_thing,
        )
        events.extend(found.candidates())
        last_person = found.last_person() or last_person
        last_thing = found.last_thing() or (last_thing if found.continues_it() else "")
    return events


# Fewest words of a line ending in a colon that is a sentence of the story ("The minister said on Monday:").
_LEAD_IN_WORDS = 8


def _introduces_what_follows(layout: PageLayout, sent: Span) -> bool:
    """A line of the story that ends in a colon, introducing a quote or a list: the layout takes it for a
    subheading, as it does not end like a sentence."""
    blocks = layout.touching(sent.start_char, sent.end_char)
    return (
        len(blocks) == 1
        and blocks[0].kind == SUBHEADING
        and blocks[0].text.endswith(":")
        and len(blocks[0].text.split()) >= _LEAD_IN_WORDS
    )


_FURNITURE = re.compile(
    r"©|\bcopyright\s+(?:\(c\)|\d{4})|\bsign up\b|\bsubscribe\b|\bnewsletters?\b|\bunlimited (?:digital )?access\b|"
    r"\bshare (?:this|on)\b|\bfollow us\b|\bclick here\b|\ball rights reserved\b|\bof this (?:site|website)\b|"
    r"\bour (?:user agreement|privacy policy|cookie (?:policy|statement)|terms of (?:use|service))\b|"
    r"\bprivacy policy and cookie\b",
    re.IGNORECASE,
)

_TABLE_ROW = re.compile(r"\|[^|\n]+\|")


def _is_furniture(text: str) -> bool:
    """Page furniture the layout let through: a copyright or sign-up line, a menu ("Terms | Privacy | ..."), a table
    row ("| 9:00 AM | Opens the shop."), or the headline of another story (most words capitalized, no closing
    punctuation)."""
    text = text.strip()
    if _FURNITURE.search(text) or text.count(" | ") >= 2 or _TABLE_ROW.match(text):
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if len(w) > 3]
    capitalized = sum(1 for w in words if w[0].isupper())
    # A headline may end in a quote ("Talks Are 'Not A Done Deal'"); a sentence ends before its closing quote.
    ending = text.rstrip("\"'”’")[-1:] if text[-1:] in "\"'”’" else text[-1:]
    return len(words) >= 4 and capitalized >= 0.7 * len(words) and ending not in ".!?:,"


class _SentenceEvents:
    def __init__(
        self,
        sent: Span,
        timexes: list[Timex],
        last_person: ActorMention | None,
        position: float,
        datelines: Sequence[Timex] = (),
        previous_thing: str = "",
    ):
        self.sent = sent
        self.previous_thing = previous_thing
        self.datelines = datelines
        self.timexes = timexes
        self.previous_person = last_person
        self.position = position
        self.actors = actors_in(sent)
        self.quoted = _quoted_tokens(sent)

    def candidates(self) -> list[EventCandidate]:
        words = [t for t in self.sent if not t.is_punct and not t.is_space]
        if len(self.quoted) > _QUOTED_SHARE_LIMIT * len(words):
            return self._dated_statements()
        doc = self.sent.doc
        anchored: dict[int, tuple[Token, str, Timex]] = {}
        timex_tokens: set[int] = set()
        for timex in self.timexes:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None:
                continue
            timex_tokens.update(t.i for t in span)
            anchor, kind = _anchor_of(span)
            if anchor.i in self.quoted or span.root.i in self.quoted:
                continue  # a date inside a quote is the speaker's: '"Happy Thanksgiving," she said' was not said then
            current = anchored.get(anchor.i)
            if current is None or _timex_rank(timex) > _timex_rank(current[2]):
                anchored[anchor.i] = (anchor, kind, timex)
        outside = set(range(self.sent.start)) | set(range(self.sent.end, len(doc))) | self._dateline_tokens()
        omit = Omissions(frozenset(timex_tokens | outside), frozenset(title_tokens(doc)))
        found = []
        for anchor, kind, timex in anchored.values():
            found.append(self._candidate(anchor, kind, timex, omit))
        root = self._main_verb()
        if root is not None and root.i not in anchored and self._reports_news(root, anchored):
            found.append(self._candidate(root, "clause", None, omit))
        return [c for c in found if c is not None]

    def _dated_statements(self) -> list[EventCandidate]:
        """A sentence that is mostly a quote yields only the dated saying of it: in " '...,' Ms Ortega said on
        Monday" the happening is that she said it then; what the quote says is hers, not the news's."""
        doc = self.sent.doc
        found = []
        for timex in self.timexes:
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            if span is None or any(t.i in self.quoted for t in span):
                continue
            anchor, kind = _anchor_of(span)
            if kind != "clause" or anchor.i in self.quoted or anchor.lemma_ not in _REPORTING_LEMMAS:
                continue
            outside = set(range(self.sent.start)) | set(range(self.sent.end, len(doc))) | self._dateline_tokens()
            # What was said, quoted or not, stays out of the headline: "Ortega tells the council", not half a quote.
            said = {i for c in anchor.children if c.dep_ == "ccomp" for i in _subtree_ids(c)}
            skip = {t.i for t in span} | outside | self.quoted | said
            found.append(self._candidate(anchor, kind, timex, Omissions(frozenset(skip), frozenset(title_tokens(doc)))))
        return [c for c in found if c is not None][:1]

    def _dateline_tokens(self) -> set[int]:
        """ "LIMA, Feb. 10 (Reuters) -": the place, date and agency of a dateline, up to its dash."""
        for timex in self.datelines:
            if self.sent.start_char <= timex.start < self.sent.end_char:
                for token in self.sent:
                    if token.idx >= timex.end and token.text in ("-", "—", "–", ":", "--"):
                        return set(range(self.sent.start, token.i + 1))
        return set()

    def _candidate(self, anchor: Token, kind: str, timex: Timex | None, omit: Omissions) -> EventCandidate | None:
        pronoun = self._pronoun_subject(anchor) if kind == "clause" else None
        referent = self._referent(pronoun) if pronoun is not None else None
        thing = ""
        if kind == "noun":
            headline = noun_headline(anchor, omit)
            region = _noun_region(anchor)
        else:
            thing = self._thing_for_it(anchor) if pronoun is None else ""
            headline = clause_headline(anchor, omit, referent.name if referent is not None else thing)
            region = _clause_region(anchor)
        text = _clean_headline(headline.text)
        if len(text.split()) < 2 and timex is not None and kind == "clause":
            # "Crowds gathered on Monday when the mayor opened the bridge": the when-clause happened then too.
            coinciding = _coinciding_clause(anchor)
            if coinciding is not None:
                return self._candidate(coinciding, kind, timex, omit)
        if len(text.split()) < 2 or timex is None and len(text.split()) < 4:
            return None
        actors = self._actors_within(anchor, region, headline.tokens, text)
        if pronoun is not None and referent is not None and all(a.name != referent.name for a in actors):
            actors.insert(
                0,
                ActorMention(
                    referent.name,
                    referent.kind,
                    pronoun.text,
                    pronoun.idx,
                    pronoun.idx + len(pronoun),
                    referent.description,
                ),
            )
        if (
            not actors
            and not _names_a_happening(anchor, kind)
            and not (
                timex is not None
                and (anchor.lemma_ in _NEWS_VERBS or _someone_acts(anchor) or _someone_was_there(anchor) or thing)
            )
        ):
            # Nobody named acts, nothing happens: background ("ties have plunged"), not a timeline entry.
            return None
        planned = headline.planned or (timex is not None and timex.direction == "future" and not told_in_past(anchor))
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
            publication_mod="ON_OR_BEFORE" if timex is None else "",
        )

    def _actors_within(
        self, anchor: Token, region: set[int], headline: frozenset[int], text: str
    ) -> list[ActorMention]:
        """People and organizations the headline names; countries anywhere in the clause unless they are only
        members of a group the clause names ("the G7, made up of ..."). An outlet that reports is no actor."""
        doc = self.sent.doc
        seen: dict[str, ActorMention] = {}
        for mention in self.actors:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or mention.name in seen or _is_attribution(span, anchor):
                continue
            tokens = {t.i for t in span}
            named = bool(tokens & headline) and span[-1].text in text
            if named or mention.kind == "country" and tokens & region and not _only_a_member(span.root, anchor):
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

    def _referent(self, pronoun: Token) -> ActorMention | None:
        """Who "he" or "she" is: the last person named before it in the sentence, else the previous sentence's."""
        earlier = [a for a in self.actors if a.kind == "person" and a.end <= pronoun.idx]
        return earlier[-1] if earlier else self.previous_person

    def _pronoun_subject(self, verb: Token) -> Token | None:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject if subject is not None and subject.lower_ in ("he", "she") else None

    def _thing_for_it(self, verb: Token) -> str:
        """What "it" stands for as the subject of a passive ("it was taken from her room"): the last thing that was
        the subject of a clause before it, in this sentence or the one before."""
        pronoun = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ == "it"), None)
        if pronoun is None:
            return ""
        earlier = [t for t in self.sent if t.i < pronoun.i and _is_thing_subject(t)]
        return _thing_name(earlier[-1]) if earlier else self.previous_thing

    def last_thing(self) -> str:
        """The last thing this sentence makes the subject of a clause, for "it" in the next one."""
        things = [t for t in self.sent if _is_thing_subject(t)]
        return _thing_name(things[-1]) if things else ""

    def continues_it(self) -> bool:
        """Whether "it" is a subject here: "The dress is made of pearls. It's valued at $150,000." keeps the dress."""
        return any(t.lower_ == "it" and t.dep_ in ("nsubj", "nsubjpass") for t in self.sent)

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


# Words that introduce the members or examples of a group: "emerging nations including Chile and Peru".
_MEMBER_MARKERS = frozenset({"including", "like", "such", "among", "excluding", "except"})


def _only_a_member(token: Token, anchor: Token) -> bool:
    """Whether a name stands in a description of some other noun (a list of members, an appositive, a clause
    about it) between itself and the clause's anchor, rather than taking part in the clause."""
    current = token
    while current != anchor and current.head != current:
        if current.dep_ in ("acl", "relcl", "appos") and current.head.pos_ in ("NOUN", "PROPN"):
            return True
        if current.dep_ == "prep" and current.lower_ in _MEMBER_MARKERS:
            return True
        current = current.head
    return False


def _is_attribution(name: Span, anchor: Token) -> bool:
    """ "..., the Daily Courier reported", "in an interview with Radio Sur": the outlet is where the news came
    from. A news outlet is an actor only as the subject of something other than reporting."""
    root = name.root
    subject = root.dep_ in ("nsubj", "nsubjpass")
    if subject and root.head.lemma_ == "report" and root.head != anchor:
        return True
    if fold(name.text).removeprefix("the ") not in NEWS_OUTLETS:
        return False
    return not (subject and root.head.lemma_ not in _REPORTING_LEMMAS)


_REPORTING_LEMMAS = frozenset({"report", "say", "tell", "write", "quote", "cite", "publish", "broadcast", "reveal"})


def _someone_acts(verb: Token) -> bool:
    """A dated action with a subject of its own ("the department repaired 75 breaks in January"), though it
    names no person or organization: news when the text dates it."""
    if verb.pos_ != "VERB" or verb.lemma_ in _STATIVE_VERBS:
        return False
    subject = _named_subject(verb)
    return subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.lower_ not in _VAGUE_SUBJECTS


def _is_thing_subject(token: Token) -> bool:
    """A singular common noun that is the subject of a main or reported clause: "the dress was taken", "the bridge
    reopened"; not of a circumstance ("after a crack was found")."""
    return (
        token.dep_ in ("nsubj", "nsubjpass")
        and token.tag_ == "NN"
        and not token.ent_type_
        and token.head.dep_ not in ("advcl", "relcl", "acl")
    )


def _thing_name(noun: Token) -> str:
    """The noun with the nouns compounded before it: "the now-famous Oscar dress" -> "Oscar dress"."""
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.pos_ in ("NOUN", "PROPN")]
    return " ".join([c.text for c in compounds] + [noun.text])


def _someone_was_there(verb: Token) -> bool:
    """ "Inspectors were at the Vessel Works on Thursday": a dated presence at a named place is a happening."""
    if verb.lemma_ != "be" or _is_negated(verb):
        return False
    subject = _named_subject(verb)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.lower_ in _VAGUE_SUBJECTS:
        return False
    places = [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "in", "inside", "outside")
        for o in p.children if o.dep_ == "pobj"
    ]
    return any(o.pos_ == "PROPN" or any(c.pos_ == "PROPN" and c.dep_ == "compound" for c in o.children) for o in places)


def _is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _coinciding_clause(verb: Token) -> Token | None:
    """The clause of "... when X did Y" hanging on `verb`: it happened at the same time."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.pos_ in ("VERB", "AUX") and any(
            c.lower_ == "when" and c.dep_ in ("advmod", "mark") for c in child.children
        ):
            return child
    return None


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
    # A quote mark left alone when half the quote was dropped.
    text = re.sub(r"(?:^|\s)[\"'“”‘’](?=\s|$)", "", text)
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
