from django.urls import path

from . import views

app_name = "timeline"
urlpatterns = [
    path("", views.index, name="index"),
    path("story/", views.story, name="story"),
    path("events/<int:event_id>/", views.event_detail, name="event"),
    path("sources/<int:source_id>/", views.source_detail, name="source"),
]
