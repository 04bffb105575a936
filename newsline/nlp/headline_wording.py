"""Headline wording: verb forms and agreement, casing, attributions to outlets, and trimming to a short headline."""

from __future__ import annotations

import re

from spacy.tokens import Token

from .gazetteer import HONORIFICS, ROLE_WORDS

MAX_WORDS = 16
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_IRREGULAR_PRESENT = {"be": "is", "have": "has", "do": "does", "go": "goes"}
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
# Country and union abbreviations, written in capitals whatever the source did ("40 us diplomats").
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


def _ends_dangling(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].lower() in _DANGLING


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
