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
    {"amid", "amidst", "despite", "following", "while", "because", "besides", "like", "unlike", "given", "according",
     "including"}
)
_PLANNING_ADJECTIVES = frozenset(
    {"due", "set", "expected", "scheduled", "likely", "poised", "slated", "going", "planned", "about"}
)
_PLANNING_VERBS = frozenset({"plan", "intend", "schedule", "prepare", "aim", "expect"})
_IRREGULAR_PRESENT = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Subjects a headline cannot stand on: the reader of a timeline does not know who "it" or "they" is.
_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those"})
_REPORTING_VERBS = frozenset(
    {"say", "report", "tell", "add", "write", "announce", "state", "confirm", "quote", "note", "claim", "cite"}
)
# News agencies and broadcasters: "..., Reuters reported" names where the news came from, not who acted.
NEWS_OUTLETS = frozenset(
    """
    reuters ap afp bbc cnn nbc cbs abc npr pbs itv dw tass interfax xinhua kyodo yonhap bloomberg politico axios
    euronews efe ansa dpa pti ani
    """.split()
) | frozenset(
    {"associated press", "agence france-presse", "agence france presse", "al jazeera", "sky news", "fox news",
     "deutsche welle", "ria novosti", "press trust of india", "the new york times", "new york times",
     "the washington post", "washington post", "the guardian", "financial times", "the wall street journal",
     "wall street journal", "nbc news", "cbs news", "abc news", "bbc news", "cnn money", "the times", "the telegraph"}
)
# Country and union abbreviations, written in capitals whatever the source did ("755 us diplomats").
_ABBREVIATIONS = {"us": "US", "usa": "USA", "uk": "UK", "eu": "EU", "un": "UN", "uae": "UAE", "u.s.": "U.S."}
_IRREGULAR_PARTICIPLES = dict(
    pair.split(":")
    for pair in """
    be:been bear:borne beat:beaten become:become begin:begun bind:bound bite:bitten blow:blown break:broken
    bring:brought build:built buy:bought catch:caught choose:chosen cut:cut deal:dealt do:done draw:drawn
    drive:driven eat:eaten fall:fallen feed:fed feel:felt fight:fought find:found fly:flown forbid:forbidden
    forget:forgotten forgive:forgiven freeze:frozen get:got give:given go:gone grow:grown hang:hung have:had
    hear:heard hide:hidden hit:hit hold:held hurt:hurt keep:kept know:known lay:laid lead:led leave:left lend:lent
    let:let lose:lost make:made mean:meant meet:met overtake:overtaken pay:paid put:put quit:quit read:read
    ride:ridden rise:risen run:run say:said see:seen seek:sought sell:sold send:sent set:set shake:shaken
    shoot:shot show:shown shut:shut sing:sung sink:sunk speak:spoken spend:spent split:split spread:spread
    stand:stood steal:stolen stick:stuck strike:struck swear:sworn sweep:swept take:taken teach:taught tear:torn
    tell:told think:thought throw:thrown undertake:undertaken understand:understood upset:upset wake:woken
    wear:worn win:won withdraw:withdrawn write:written
    """.split()
)


@dataclass(frozen=True)
class Headline:
    text: str
    planned: bool
    # The tokens the headline is made of, so the event's actors can be the ones it names.
    tokens: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Omissions:
    """Tokens a headline leaves out: `skip` drops a token with everything under it (the date expression, other
    sentences), `hide` only the token itself (titles before names: "Foreign Minister" in "Foreign Minister
    Volkonsky")."""

    skip: frozenset[int] = frozenset()
    hide: frozenset[int] = frozenset()


def clause_headline(verb: Token, omit: Omissions, subject_name: str = "") -> Headline:
    """A headline for the clause headed by `verb`: subject, verb in headline tense, then its arguments.

    `subject_name` replaces a personal pronoun subject ("He said" -> "Berg says"). Another pronoun subject makes
    the object the subject ("They closed the border" -> "Border closed"); with no object the headline is empty, as
    a reader could not tell who acted. When an outlet reports ("Reuters said ...") or the subject is an empty "it"
    ("It is known that ..."), the reported clause is the headline.
    """
    if subject_name.lower() in NEWS_OUTLETS:
        subject_name = ""
    subject = subject_of(verb)
    if subject is None and verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        # "warned against making a deal": the clause the gerund depends on says who did what.
        return clause_headline(verb.head.head, omit, subject_name)
    reported = _reported_clause(verb, subject)
    if reported is None and subject is not None and subject.lower_ in _PRONOUN_SUBJECTS and not subject_name:
        reported = _statement_of_unnamed_speaker(verb)
    if reported is not None:
        return clause_headline(reported, omit, subject_name)
    headline = _clause_headline(verb, subject, omit, subject_name, full=False)
    if 0 < len(headline.text.split()) < 3:
        # Too terse to read alone ("Talks collapse", "Bill signed"): keep the article and the auxiliary
        # ("The talks collapse", "The bill is signed"); a name and a verb alone ("Kemal joins") say nothing.
        headline = _clause_headline(verb, subject, omit, subject_name, full=True)
        if len(headline.text.split()) < 3:
            return Headline("", headline.planned)
    return headline


def _clause_headline(verb: Token, subject: Token | None, omit: Omissions, subject_name: str, full: bool) -> Headline:
    planned = _is_planned(verb)
    head = _planned_main_verb(verb) or verb
    omit = Omissions(omit.skip | _attributions(head), omit.hide)
    used: set[int] = {verb.i, head.i}
    opening: list[str] = []
    promoted: Token | None = None
    plural = False
    if subject is not None:
        if subject.lower_ in _PERSONAL_PRONOUNS and subject_name:
            opening.append(subject_name)
        elif subject.lower_ in ("who", "which", "that") and subject.head.dep_ == "relcl":
            antecedent = subject.head.head
            if antecedent.dep_ == "appos":
                antecedent = antecedent.head
            text, ids = _render_phrase(antecedent, omit, keep_article=full)
            opening.append(text)
            used.update(ids)
            plural = _is_plural(antecedent)
        elif subject.lower_ == "i":
            # In a news story "I" is the writer.
            opening.append("Writer")
        elif subject.lower_ in _PRONOUN_SUBJECTS and head.lemma_ == "be" and _attribute(head, omit) is not None:
            # "This is the minister's letter from May": what is shown is the headline.
            text, ids = _render_phrase(_attribute(head, omit), omit, keep_clauses=True)
            while _ends_dangling(text):
                text = text.rsplit(" ", 1)[0] if " " in text else ""
            return Headline(_shorten(text), planned, frozenset(ids))
        elif subject.lower_ in _PRONOUN_SUBJECTS:
            promoted = _direct_object(head, omit)
            if promoted is None or any(c.dep_ == "auxpass" for c in head.children):
                return Headline("", planned)
            text, ids = _render_phrase(promoted, omit, keep_article=full)
            opening.append(text)
            used.update(ids)
            plural = _is_plural(promoted)
        else:
            # A subject that is the date expression itself ("The first week was calm") stays.
            dated = subject.i in omit.skip and head.lemma_ == "be"
            own = Omissions(omit.skip - {t.i for t in subject.subtree}, omit.hide) if dated else omit
            # "a worker repairing cables" as the subject of "repairing": the clause is not said twice.
            if verb.i in {t.i for t in subject.subtree}:
                own = Omissions(own.skip | {t.i for t in verb.subtree}, own.hide)
            text, ids = _render_phrase(subject, own, coordinated=True, keep_article=full)
            opening.append(text)
            used.update(ids)
            plural = _is_plural(subject)
    arguments = [
        c
        for c in head.children
        if c.dep_ in _ARGUMENTS and c.i not in omit.skip and c != promoted and not _is_circumstance(c, omit)
    ]
    relative_object = _zero_relative_object(head, verb, subject)
    if promoted is not None:
        negation = "not " if _is_negated(head, verb) else ""
        if planned:
            verb_group = negation + "to be " + _participle(head)
        else:
            verb_group = (("are " if plural else "is ") if full else "") + negation + _participle(head)
    elif head.lemma_ == "tell" and not any(c.dep_ in ("dative", "dobj") for c in arguments):
        # "told Reuters that ..." with the outlet left out is a plain statement.
        verb_group = _verb_group(head, verb, planned, plural, full, lemma="say")
    else:
        verb_group = _verb_group(head, verb, planned, plural, full)
    reports_content = any(c.dep_ == "ccomp" for c in arguments)
    pieces: list[str] = []
    if relative_object is not None:
        text, ids = _render_phrase(relative_object, omit)
        pieces.append(text)
        used.update(ids)
    trailing: list[str] = []
    prepositions = 0
    for child in arguments:
        if child.dep_ == "prt" or reports_content and child.dep_ == "prep":
            continue
        text, ids = _render_phrase(_antecedent(child, verb) or child, omit)
        if not text:
            continue
        if child.dep_ == "prep":
            prepositions += 1
            if prepositions > _MAX_PREPOSITIONS:
                continue
        if child.i < head.i and child.dep_ == "prep":
            # A fronted circumstance: kept (after the verb) only when it names a place or an event.
            if _names_something(child):
                trailing.append(text)
                used.update(ids)
            continue
        pieces.append(text)
        used.update(ids)
    pieces += trailing
    # Too long: the last circumstances go first, whole, rather than cutting a phrase in the middle.
    while len(pieces) > 1 and len(_join(opening + [verb_group] + pieces).split()) > MAX_WORDS:
        pieces.pop()
    # A piece left hanging ("I'm not going to") was cut short in the source: it says nothing on its own.
    while pieces and _ends_dangling(pieces[-1]):
        pieces.pop()
    passive = head.dep_ == "acl" or any(c.dep_ == "auxpass" for c in head.children)
    reporting = head.lemma_ in _REPORTING_VERBS and not passive
    if not pieces and reporting and not full:
        return Headline("", planned)  # "..., the officials said" with nothing said
    if not pieces and head.lemma_ == "do" and promoted is None:
        return Headline("", planned)  # "as Chile did in 2009": what was done is in another clause
    if not pieces and head.lemma_ == "be" and promoted is None and not _is_negated(head, verb) and _is_common(subject):
        # "The last attack was in 2002" with the date left out: it took place.
        verb_group = "to take place" if planned else "take place" if plural else "takes place"
    return Headline(_shorten(_join(opening + [verb_group] + pieces)), planned, frozenset(used))


def noun_headline(noun: Token, omit: Omissions) -> Headline:
    """A headline for an event named by a noun ("the city's 1998 purchase of the stadium" -> "the city's purchase of
    the stadium"); a bare name of a happening becomes a clause ("the Lisbon summit" -> "Lisbon summit takes place")."""
    omit = Omissions(omit.skip | _attributions(noun), omit.hide)
    text, used = _render_phrase(noun, omit, keep_clauses=True)
    has_possessor = any(c.dep_ == "poss" and c.i not in omit.skip for c in noun.children)
    if not has_possessor and noun.dep_ == "dobj":
        subject = subject_of(noun.head)
        if subject is not None and subject.pos_ == "PROPN":
            agent, agent_ids = _render_phrase(subject, omit)
            text, used = f"{agent}'s {text}", used | agent_ids
    planned = _is_planned(noun)
    while _ends_dangling(text):  # "talks in" whose object was the date
        text = text.rsplit(" ", 1)[0] if " " in text else ""
    if not text:
        return Headline("", planned)
    if len(text.split()) < 3:
        plural = noun.tag_ in ("NNS", "NNPS")
        text += " to take place" if planned else " take place" if plural else " takes place"
    return Headline(_shorten(text), planned, frozenset(used))


def _is_common(subject: Token | None) -> bool:
    return subject is not None and subject.pos_ == "NOUN"


def _zero_relative_object(head: Token, verb: Token, subject: Token | None) -> Token | None:
    """ "the rules the agency adopted": a relative clause with its own subject and no object acts on its noun."""
    if verb.dep_ not in ("relcl", "acl") or subject is None or subject.head != verb or subject.tag_ in ("WDT", "WP"):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in head.children):
        return None
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i > verb.i:
        return None
    # The clause follows its noun directly ("the rules the agency adopted"), not after a colon or a comma.
    return None if any(t.is_punct for t in verb.doc[noun.i + 1 : verb.left_edge.i + 1]) else noun


def _antecedent(pronoun: Token, verb: Token) -> Token | None:
    """What a relative pronoun object stands for: "the order that the minister plans to sign" -> "order"."""
    if pronoun.dep_ != "dobj" or pronoun.tag_ not in ("WDT", "WP"):
        return None
    for node in (pronoun.head, verb, *verb.ancestors):
        if node.dep_ == "relcl":
            return node.head
    return None


def _ends_dangling(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].lower() in _DANGLING


def _reported_clause(verb: Token, subject: Token | None) -> Token | None:
    """The clause an outlet reports ("Reuters said the port had closed") or an empty "it" introduces
    ("It was announced that the port had closed")."""
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if content is None or subject is None:
        return None
    if subject.lower_ == "it" and (subject.dep_ == "nsubjpass" or verb.lemma_ == "be"):
        return content
    if verb.lemma_ in _REPORTING_VERBS and _is_outlet(subject):
        return content
    return None


def _statement_of_unnamed_speaker(verb: Token) -> Token | None:
    """ "He said the talks had failed" with nobody to put for "he": the statement is the news."""
    if verb.lemma_ not in _REPORTING_VERBS:
        return None
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if content is None:
        return None
    inner = subject_of(content)
    return content if inner is not None and inner.lower_ not in _PRONOUN_SUBJECTS else None


def _is_outlet(token: Token) -> bool:
    name = " ".join(t.lower_ for t in token.subtree if t.dep_ not in ("punct", "appos", "relcl"))
    return name in NEWS_OUTLETS or re.sub(r"^the ", "", name) in NEWS_OUTLETS


def _attributions(head: Token) -> frozenset[int]:
    """Tokens saying who reported, not what happened: a trailing "..., Reuters reported" or "..., officials said",
    and an outlet being told ("told the BBC")."""
    skipped: set[int] = set()
    for token in head.subtree:
        if token.dep_ == "ccomp" and token.lemma_ in _REPORTING_VERBS and token.i > token.head.i:
            if _after_comma(token) and not _has_content(token):
                skipped.update(t.i for t in token.subtree)
        if token.dep_ in ("dative", "dobj") and token.head.lemma_ in _REPORTING_VERBS and _is_outlet(token):
            skipped.update(t.i for t in token.subtree)
        outlet_object = any(c.dep_ == "pobj" and _is_outlet(c) for c in token.children)
        if token.dep_ == "prep" and token.lower_ == "to" and outlet_object:  # "declined to comment to Reuters"
            skipped.update(t.i for t in token.subtree)
        if token.lower_ == "according" and any(_is_outlet(o) for c in token.children for o in c.children):
            skipped.update(t.i for t in token.subtree)
    return frozenset(skipped)


def _after_comma(token: Token) -> bool:
    """Whether the phrase of `token` is set off by a comma before it (quotes and brackets between do not count)."""
    words = [t for t in token.subtree if not t.is_punct]
    i = words[0].i - 1 if words else token.i - 1
    while i >= 0 and token.doc[i].is_punct:
        if token.doc[i].text == ",":
            return True
        i -= 1
    return False


def _has_content(verb: Token) -> bool:
    return any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children)


def _direct_object(head: Token, omit: Omissions) -> Token | None:
    return next((c for c in head.children if c.dep_ == "dobj" and c.i not in omit.skip and c.pos_ != "PRON"), None)


def _attribute(head: Token, omit: Omissions) -> Token | None:
    return next((c for c in head.children if c.dep_ == "attr" and c.i not in omit.skip and c.pos_ != "PRON"), None)


def _is_negated(head: Token, verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in head.children) or any(c.dep_ == "neg" for c in verb.children)


def _participle(verb: Token) -> str:
    """ "closed", "taken": the verb as a past participle, for a headline in the passive."""
    particle = " ".join(c.text for c in verb.children if c.dep_ == "prt")
    tail = f" {particle}" if particle else ""
    lemma = verb.lemma_.lower()
    if lemma in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[lemma] + tail
    if verb.tag_ in ("VBD", "VBN"):
        return verb.text + tail
    if lemma.endswith("e"):
        return lemma + "d" + tail
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied" + tail
    return lemma + "ed" + tail


def _names_something(preposition: Token) -> bool:
    """Whether a prepositional phrase's object is, or is qualified by, a proper name ("at a Nato meeting",
    "in Vienna")."""
    for obj in preposition.children:
        if obj.dep_ == "pobj" and (
            obj.pos_ == "PROPN" or any(c.pos_ == "PROPN" and c.dep_ in ("compound", "amod") for c in obj.children)
        ):
            return True
    return False


def _is_plural(subject: Token) -> bool:
    if any(c.dep_ == "conj" for c in subject.children):
        return True
    if subject.ent_type_ == "PERSON" or subject.ent_type_ == "ORG" and subject.pos_ == "PROPN":
        return False  # a surname or a company the tagger takes for a plural ("Jo Stiles", "Mills Farms")
    if subject.lower_ in ("many", "several", "both", "few", "others", "some"):
        return True
    if subject.ent_type_ == "NORP" and subject.lower_.endswith("s"):
        return True  # "Chileans", "Kenyans"
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


def _verb_group(head: Token, verb: Token, planned: bool, plural: bool, full: bool, lemma: str = "") -> str:
    """The verb in headline style: present for the past, "to meet" for the future, bare participle for the passive
    (`full`: "is signed"). `lemma` replaces the verb's own ("tell" without its listener is "say")."""
    lemma = lemma or head.lemma_
    text = head.text if lemma == head.lemma_ else _participle_of(lemma, head)
    auxiliaries = [c for c in head.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < head.i]
    particle = " ".join(c.text for c in head.children if c.dep_ == "prt")
    tail = f" {particle}" if particle else ""
    negated = _is_negated(head, verb)
    passive = any(c.dep_ == "auxpass" for c in head.children) or (
        head.dep_ == "acl" and head.tag_ == "VBN" and not any(c.dep_ in _SUBJECTS for c in head.children)
    )
    modal = [c for c in auxiliaries if c.tag_ == "MD" and c.lower_ not in ("will", "shall", "'ll", "wo", "would", "'d")]
    if modal:
        return " ".join([c.text for c in auxiliaries] + [text]) + tail
    future_then = any(c.lower_ in ("would", "'d") for c in auxiliaries)
    if head.tag_ == "VB" and future_then and not negated and head.lemma_ != "be":
        # "said the port would close": the future as seen then.
        return "to " + lemma + tail
    if planned or head is not verb:
        if passive:
            return ("not " if negated else "") + "to be " + text + tail
        return ("not " if negated else "") + "to " + lemma + tail
    if passive:
        if full or negated:
            return ("are " if plural else "is ") + ("not " if negated else "") + text + tail
        return text + tail
    if negated:
        if lemma == "be":
            return ("are not" if plural else "is not") + tail
        return ("do not " if plural else "does not ") + lemma + tail
    # A bare infinitive is conjugated ("the second minister to leave" -> "leaves"), an imperative left alone.
    infinitive = head.tag_ == "VB" and head.dep_ != "ROOT"
    if head.tag_ in ("VBZ", "VBP", "VBD", "VBN", "VBG") or infinitive or lemma != head.lemma_:
        return _present(lemma, plural) + tail
    return text + tail


def _participle_of(lemma: str, head: Token) -> str:
    return _IRREGULAR_PARTICIPLES.get(lemma) or _participle(head)


def _present(lemma: str, plural: bool) -> str:
    lemma = lemma.lower()
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
    token: Token, omit: Omissions, keep_clauses: bool = False, coordinated: bool = False, keep_article: bool = False
) -> tuple[str, set[int]]:
    """A token's subtree without relative clauses, appositives, titles before names, or skipped tokens;
    with the indices of the tokens kept. `coordinated` keeps "and ..." after the head ("Washington and its allies");
    `keep_article` a leading "the"."""
    found = _phrase_tokens(token, omit, keep_clauses, depth=0)
    if coordinated:
        for child in token.children:
            if child.dep_ in ("cc", "conj") and child.i not in omit.skip:
                found += _phrase_tokens(child, omit, keep_clauses, depth=1)
    kept = sorted({t.i: t for t in found}.values(), key=lambda t: t.i)
    # A word written twice by mistake ("to his his team").
    kept = [t for t in kept if not (t.i > 0 and t.doc[t.i - 1] in kept and t.doc[t.i - 1].lower_ == t.lower_
                                    and not t.like_num)]
    while kept and (
        kept[0].dep_ == "det" and kept[0].lower_ in ("the", "a", "an") and not keep_article or kept[0].dep_ == "mark"
    ):
        kept.pop(0)
    pieces = []
    for position, item in enumerate(kept):
        pieces.append(_cased(item, first=position == 0))
        following = kept[position + 1] if position + 1 < len(kept) else None
        if following is not None and (following.i != item.i + 1 or item.whitespace_):
            pieces.append(" ")
    return re.sub(r"\s+", " ", "".join(pieces)).strip(), {t.i for t in kept}


def _cased(token: Token, first: bool) -> str:
    """Country abbreviations in capitals; a common word capitalised only because it opened a sentence or a quote
    in lower case ("They said ..." inside "..., officials said")."""
    if token.text.islower() and token.lower_ in _ABBREVIATIONS and not (token.lower_ == "us" and token.tag_ == "PRP"):
        return _ABBREVIATIONS[token.lower_]
    if (
        first
        and token.text[:1].isupper()
        and not token.text.isupper()
        and token.pos_ != "PROPN"
        and not token.ent_type_
        and token.text != "I"
    ):
        return token.text[:1].lower() + token.text[1:]
    return token.text


def _phrase_tokens(token: Token, omit: Omissions, keep_clauses: bool, depth: int) -> list[Token]:
    if token.i in omit.skip or token.is_space:
        return []
    # A title is hidden before a name ("Foreign Minister Volkonsky"), not when it is the phrase itself.
    hidden = token.i in omit.hide and (
        token.dep_ in ("compound", "amod", "nmod", "appos", "det", "poss")
        or token.head.pos_ == "PROPN"
        or token.head.i in omit.hide
        or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children)
    )
    tokens = [] if hidden else [token]
    name_head = token.pos_ == "PROPN" and token.ent_type_ == "PERSON"
    for child in token.children:
        if child.i in omit.skip or child.is_space:
            continue
        if (
            child.dep_ in _DROPPED
            and not (child.dep_ == "appos" and token.i in omit.hide)
            and not _names_in_a_row(token, child)
            and not _is_possessed(token, child)
        ):
            continue
        if child.dep_ == "acl" and not keep_clauses and not _says_what_it_does(child):
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
        if _is_afterthought(child) or _is_fronted(child):
            continue
        tokens.extend(
            _phrase_tokens(child, omit, keep_clauses, depth + (1 if child.dep_ in ("prep", "acl", "ccomp") else 0))
        )
    return tokens


def _is_afterthought(child: Token) -> bool:
    """A second object after a comma comments on the clause ("..., a remark greeted with anger"): not its object."""
    if child.dep_ not in ("dobj", "npadvmod", "attr"):
        return False
    earlier = any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") and c.i < child.i for c in child.head.children)
    return earlier and _after_comma(child)


def _says_what_it_does(clause: Token) -> bool:
    """A participle with its object right after a noun carries the meaning ("a law banning imports")."""
    return clause.tag_ == "VBG" and clause.i == clause.head.i + 1 and any(c.dep_ == "dobj" for c in clause.children)


def _is_possessed(token: Token, child: Token) -> bool:
    """ "the school's next coach" parsed as "school's" and "next coach": the possessed noun is no coordination."""
    return child.dep_ == "conj" and any(c.dep_ == "case" and c.i == child.left_edge.i - 1 for c in token.children)


def _is_fronted(child: Token) -> bool:
    """A circumstance set before its clause with a comma ("Across the region, ...") inside a reported statement."""
    head = child.head
    if child.dep_ not in ("prep", "advcl", "npadvmod") or child.i > head.i or head.pos_ not in ("VERB", "AUX"):
        return False
    between = child.doc[child.right_edge.i + 1 : head.i]
    return any(t.text == "," for t in between)


def _names_in_a_row(token: Token, child: Token) -> bool:
    """ "between Washington and Moscow", "Russia, Iran and Turkey": coordinated names stay together, and so do
    coordinated modifiers and numbers ("embassy and consulate staff", "between 40 and 60 cases")."""
    conjunct_follows = any(c.dep_ == "conj" and c.i > child.i for c in token.children)
    joins = child.dep_ in ("cc", "conj") or child.dep_ == "punct" and child.text == "," and conjunct_follows
    if token.dep_ in ("compound", "amod", "nmod", "nummod", "quantmod") or token.tag_ == "CD":
        return joins
    coordinated = any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in token.children)
    if token.dep_ in ("nsubj", "nsubjpass") and coordinated:
        # "a man and a woman were arrested": both, or the verb no longer agrees.
        return joins
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
        while words and (words[-1].lower() in _DANGLING or words[-1].endswith((",", "'s", "’s"))):
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
    a an the of in on at to for with by from and or but nor as that which who whose his her its their our your
    about over into onto than if while when where whether because although though unless between among against
    during without within through toward towards upon amid amidst despite via per including
    is are was were be been being has have had will would can could may might must shall should not
    """.split()
)
