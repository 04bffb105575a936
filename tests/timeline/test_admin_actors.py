import pytest
from django.contrib.messages import get_messages

from newsline.timeline.ingest import ingest_paths
from newsline.timeline.models import Actor, Event

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/timeline/actor/"

SPELLINGS = {
    "first.txt": "---\npublished: 2017-02-16\n---\nTalks in Bonn\n\n"
                 "Sergei Lavrov met the German foreign minister in Bonn on 16 February 2017 to discuss Syria.\n",
    "second.txt": "---\npublished: 2017-02-18\n---\nTalks in Munich\n\n"
                  "Sergey Lavrov spoke at the security conference in Munich on 18 February 2017 about NATO.\n",
}


def merge(client, actors: list[Actor], canonical: Actor):
    return client.post(CHANGELIST, {"action": "merge_actors", "_selected_action": [a.pk for a in actors],
                                    "apply": "1", "canonical": canonical.pk})


def test_merge_asks_which_actor_to_keep(editor_client):
    first = Actor.objects.create(name="Sergei Lavrov", kind="person")
    second = Actor.objects.create(name="Sergey Lavrov", kind="person")

    response = editor_client.post(CHANGELIST, {"action": "merge_actors", "_selected_action": [first.pk, second.pk]})

    assert response.status_code == 200
    assert response.context["form"].fields["canonical"].queryset.count() == 2
    assert Actor.objects.count() == 2


def test_merge_moves_mentions_and_events_and_keeps_the_names_as_aliases(editor_client, add_event):
    canonical = Actor.objects.create(name="Sergei Lavrov", kind="person", aliases=["Lavrov"])
    other = Actor.objects.create(name="Sergey Lavrov", kind="person", aliases=["S. Lavrov"])
    event = add_event("Lavrov speaks in Munich")
    event.actors.add(other)
    event.mentions.get().actors.add(other)

    response = merge(editor_client, [canonical, other], canonical)

    assert list(Actor.objects.all()) == [canonical]
    canonical.refresh_from_db()
    assert canonical.aliases == ["Lavrov", "Sergey Lavrov", "S. Lavrov"]
    assert list(event.actors.all()) == [canonical]
    assert list(event.mentions.get().actors.all()) == [canonical]
    assert "Merged “Sergey Lavrov” into “Sergei Lavrov”" in str(list(get_messages(response.wsgi_request))[0])


def own_actor(file_name: str, other_file: str) -> Actor:
    actor = (Actor.objects.filter(mentions__source__file_name=file_name)
             .exclude(mentions__source__file_name=other_file).order_by("-name").first())
    assert actor is not None, f"ingest found no actor of its own in {file_name}"
    return actor


def test_actor_merge_survives_reingest(editor_client, tmp_path):
    for name, text in SPELLINGS.items():
        (tmp_path / name).write_text(text)
    ingest_paths([tmp_path])
    # Two spellings of one name, ideally; whichever actors ingest finds, the editor's merge must last.
    canonical, other = own_actor("first.txt", "second.txt"), own_actor("second.txt", "first.txt")
    other_name = other.name

    merge(editor_client, [canonical, other], canonical)
    ingest_paths([tmp_path], force=True)

    assert not Actor.objects.filter(name=other_name).exists()
    canonical.refresh_from_db()
    assert other_name in canonical.aliases
    assert set(canonical.mentions.values_list("source__file_name", flat=True)) == {"first.txt", "second.txt"}
    assert set(Event.objects.filter(actors=canonical).values_list("mentions__source__file_name", flat=True)) == {
        "first.txt", "second.txt"
    }


def test_aliases_are_edited_as_text_and_editing_locks_the_fields(editor_client, change_form_data):
    actor = Actor.objects.create(name="United Nations", kind="organization", aliases=["UN"])
    url = f"/admin/timeline/actor/{actor.pk}/change/"

    response = editor_client.post(url, change_form_data(
        editor_client.get(url), aliases="UN, U.N.\nUnited Nations\n the  world body ", description="World body"
    ))

    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.aliases == ["UN", "U.N.", "the world body"]
    assert actor.description == "World body"
    assert actor.edited_fields == ["aliases", "description"]


def test_an_alias_that_names_another_actor_is_refused(editor_client, change_form_data):
    Actor.objects.create(name="Sergey Lavrov", kind="person")
    actor = Actor.objects.create(name="Sergei Lavrov", kind="person")
    url = f"/admin/timeline/actor/{actor.pk}/change/"

    response = editor_client.post(url, change_form_data(editor_client.get(url), aliases="sergey lavrov"))

    assert response.status_code == 200
    assert "Merge the two actors instead" in str(response.context["adminform"].form.errors["aliases"])


def test_actor_list_counts_events_and_searches_aliases(editor_client, add_event):
    actor = Actor.objects.create(name="United Nations", kind="organization", aliases=["UN", "world body"])
    Actor.objects.create(name="NATO", kind="organization")
    add_event("The UN met").actors.add(actor)
    add_event("Rejected", status=Event.Status.REJECTED).actors.add(actor)

    listed = editor_client.get(CHANGELIST).context["cl"].result_list
    found = editor_client.get(f"{CHANGELIST}?q=world+body").context["cl"].result_list

    assert {a.name: a.event_count for a in listed} == {"NATO": 0, "United Nations": 1}
    assert [a.name for a in found] == ["United Nations"]
