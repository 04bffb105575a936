from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import Event


def index(request: HttpRequest) -> HttpResponse:
    events = Event.objects.visible().chronological().prefetch_related("mentions__source", "actors")
    return render(request, "timeline/index.html", {"events": events})
