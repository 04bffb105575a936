"""The "Editors" group: exactly the permissions editors need in the admin.

They view and change events (verify, reject, correct, merge, split: merging removes the emptied events
as part of the change; editors reject rather than delete), view mentions, view/change/delete actors
(merging folds the other actors away), view and change sources, and view the history of all three.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
EDITOR_PERMISSIONS = [
    "view_event", "change_event",
    "view_mention",
    "view_actor", "change_actor", "delete_actor",
    "view_source", "change_source",
    "view_historicalevent", "view_historicalactor", "view_historicalsource",
]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations run; create them now so the group can hold them.
    app_config = apps.get_app_config("timeline")
    app_config.models_module = getattr(app_config, "models_module", None) or True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    permissions = Permission.objects.filter(content_type__app_label="timeline", codename__in=EDITOR_PERMISSIONS)
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
