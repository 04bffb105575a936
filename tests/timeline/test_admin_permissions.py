import pytest
from django.contrib.auth.models import Group

from newsline.timeline.models import Event

pytestmark = pytest.mark.django_db

ADMIN_PAGES = ["/admin/", "/admin/timeline/event/", "/admin/timeline/event/review/", "/admin/timeline/actor/",
               "/admin/timeline/source/"]


def test_the_migration_gives_editors_exactly_what_they_need():
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))

    assert codenames == {
        "view_event", "change_event", "view_mention", "view_actor", "change_actor", "delete_actor",
        "view_source", "change_source", "add_source", "view_historicalevent", "view_historicalactor",
        "view_historicalsource",
    }


def test_editor_is_staff_but_not_superuser(editor):
    assert editor.is_staff and not editor.is_superuser


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_anonymous_users_are_sent_to_the_login_page(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_anonymous_posts_change_nothing(client, add_event):
    event = add_event("Ministers met in Bonn")

    client.post("/admin/timeline/event/", {"action": "reject", "_selected_action": [event.pk]})

    event.refresh_from_db()
    assert event.status == Event.Status.AUTO


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_editors_reach_every_editor_page(editor_client, url):
    assert editor_client.get(url, follow=True).status_code == 200


def test_editors_reject_events_rather_than_delete_or_add_them(editor_client, add_event):
    event = add_event("Ministers met in Bonn")

    actions = editor_client.get("/admin/timeline/event/").context["action_form"].fields["action"].choices

    assert {name for name, _ in actions} == {"", "verify", "reject", "merge_events", "split_event"}
    assert editor_client.get(f"/admin/timeline/event/{event.pk}/delete/").status_code == 403
    assert editor_client.get("/admin/timeline/event/add/").status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()


def test_editors_cannot_manage_users(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403


def test_staff_outside_the_editors_group_cannot_touch_events(client, django_user_model, add_event):
    event = add_event("Ministers met in Bonn")
    client.force_login(django_user_model.objects.create_user("visitor", is_staff=True))

    assert client.get("/admin/timeline/event/").status_code == 403
    client.post("/admin/timeline/event/", {"action": "reject", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == Event.Status.AUTO


def test_editor_can_log_in_with_a_password(client, editor):
    editor.set_password("correct horse battery staple")
    editor.save()

    response = client.post("/admin/login/?next=/admin/", {"username": "editor",
                                                          "password": "correct horse battery staple"}, follow=True)

    assert response.status_code == 200 and response.context["user"] == editor
