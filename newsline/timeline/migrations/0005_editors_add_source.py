"""Editors may add articles (the admin's "Add article" page): the Editors group gets `add_source`."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"


def grant_add_source(apps, schema_editor):
    app_config = apps.get_app_config("timeline")
    app_config.models_module = getattr(app_config, "models_module", None) or True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(Permission.objects.get(content_type__app_label="timeline", codename="add_source"))


def revoke_add_source(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="timeline", codename="add_source"))


class Migration(migrations.Migration):
    dependencies = [("timeline", "0004_source_html")]

    operations = [migrations.RunPython(grant_add_source, revoke_add_source)]
