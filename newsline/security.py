"""Response headers and request checks that keep hostile input inert: the Content-Security-Policy (scripts and
styles only from our own static files, nothing inline) and NUL characters kept away from the admin's database queries.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import NoReverseMatch, reverse


class ContentSecurityPolicyMiddleware:
    """Sends settings.CONTENT_SECURITY_POLICY with every response that does not set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = "; ".join(f"{directive} {' '.join(sources)}".strip()
                                for directive, sources in settings.CONTENT_SECURITY_POLICY.items())

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


class AdminNullCharacterMiddleware:
    """A NUL in the admin's query string is a 400, not a PostgreSQL DataError from a list filter.

    The public pages read their parameters through forms, which turn such values into a note on the page.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        has_nul = any("\x00" in key or "\x00" in "".join(values) for key, values in request.GET.lists())
        if has_nul and self.is_admin(request):
            return HttpResponseBadRequest(
                "This address contains a NUL character (%00), which no filter or search accepts.\n",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)

    @staticmethod
    def is_admin(request: HttpRequest) -> bool:
        try:
            return request.path.startswith(reverse("admin:index"))
        except NoReverseMatch:
            return False
