from django.contrib import admin

from .models import Actor, Event, Mention, Source

admin.site.register([Source, Actor, Event, Mention])
