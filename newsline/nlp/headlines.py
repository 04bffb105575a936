"""Headlines from the dependency parse: a short clause built around one verb (or one event noun) and its arguments.

"Mr Berg met Russian Foreign Minister Dmitry Volkonsky on the sidelines of a summit in Vienna as part
of his first foreign trip" becomes "Berg meets Dmitry Volkonsky on the sidelines of a summit": the verb
goes to the headline present, titles and appositives leave the names, circumstances and relative clauses go.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .headline_wording import (
    _REPORTING_VERBS,
    _SUBJECTS,
    MAX_WORDS,
    NEWS_OUTLETS,
    _attributions,
    _cased,
    _ends_dangling,
    _is_afterthought,
    _is_fronted,
    _is_negated,
    _is_outlet,
    _is_plural,
    _is_possessed,
    _is_title_word,
    _join,
    _names_in_a_row,
    _participle,
    _says_what_it_does,
    _shorten,
    _verb_group,
)

_MAX_PREPOSITIONS = 2
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
_PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Subjects a headline cannot stand on: the reader of a timeline does not know who "it" or "they" is.
_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those"})


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
    if subject is not None and subject.i in omit.skip:
        # "4:15 PM ET -- Deputies were at the hotel", parsed with two subjects: the stamp is not one.
        subject = next((c for c in subject.head.children if c.dep_ in _SUBJECTS and c.i not in omit.skip), subject)
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
        stands_for_name = subject.lower_ in _PERSONAL_PRONOUNS or subject.lower_ == "it" and subject.dep_ == "nsubjpass"
        if stands_for_name and subject_name:
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
            # A subject that is the date expression itself ("The first week was calm") stays; with another verb
            # ("The weekend began with ...") the clause tells nothing but its date.
            dated = subject.i in omit.skip and head.lemma_ == "be"
            if subject.i in omit.skip and not dated:
                return Headline("", planned)
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
        antecedent = _antecedent(child, verb)
        if antecedent is None and child.tag_ in ("WP", "WDT"):
            continue  # "here is what the minister said": the "what" is in the next sentence
        text, ids = _render_phrase(antecedent or child, omit)
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
    if not pieces and head.lemma_ == "be" and promoted is None:
        if _is_negated(head, verb) or not _is_common(subject):
            return Headline("", planned)  # "The club was one game away last week": "The club is" says nothing
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
        if subject is not None and subject.pos_ == "PROPN" and subject.i not in omit.skip:
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


def _direct_object(head: Token, omit: Omissions) -> Token | None:
    return next((c for c in head.children if c.dep_ == "dobj" and c.i not in omit.skip and c.pos_ != "PRON"), None)


def _attribute(head: Token, omit: Omissions) -> Token | None:
    return next((c for c in head.children if c.dep_ == "attr" and c.i not in omit.skip and c.pos_ != "PRON"), None)


def _names_something(preposition: Token) -> bool:
    """Whether a prepositional phrase's object is, or is qualified by, a proper name ("at a Nato meeting",
    "in Vienna")."""
    for obj in preposition.children:
        if obj.dep_ == "pobj" and (
            obj.pos_ == "PROPN" or any(c.pos_ == "PROPN" and c.dep_ in ("compound", "amod") for c in obj.children)
        ):
            return True
    return False


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
            noun = current.head
            if noun.like_num and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
                # "the all-time high of $816,720 reached in February": the high was reached, not the figure.
                return noun.head.head
            return noun
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


def _is_circumstance(child: Token, omit: Omissions) -> bool:
    if child.dep_ == "prep" and child.lower_ in _CIRCUMSTANTIAL:
        return True
    if child.dep_ == "prep" and child.lower_ == "as":
        # "resigned as adviser" is the happening; "as part of a trip" is a circumstance.
        objects = [c for c in child.children if c.dep_ == "pobj"]
        return not objects or any(o.lemma_ in ("part", "result", "well", "such", "sign", "way") for o in objects)
    # A preposition whose object is the skipped date expression ("on Thursday"), or that only leads to one
    # ("beginning in January").
    objects = [c for c in child.children if c.dep_ in ("pobj", "prep")]
    return (
        child.dep_ == "prep"
        and bool(objects)
        and all(o.i in omit.skip or o.dep_ == "prep" and _is_circumstance(o, omit) for o in objects)
    )


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
