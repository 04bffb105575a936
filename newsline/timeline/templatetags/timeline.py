from __future__ import annotations

from datetime import date
from typing import Any

from django import template
from django.utils.http import urlencode

from newsline.nlp.temporal.values import format_day

register = template.Library()


@register.simple_tag
def query_string(query: dict[str, Any], **changes: Any) -> str:
    """`query` (FilterForm.as_query()) with some parameters changed (None removes one), as "?a=1&b=2"."""
    params = {**query, **changes}
    encoded = {
        name: "on" if value is True else value
        for name, value in params.items()
        if value not in (None, "", [], False)
    }
    return "?" + urlencode(encoded, doseq=True)


@register.filter
def day(value: date | None) -> str:
    """A date as "Thu 16 Feb 2017"."""
    return format_day(value) if value else ""


@register.filter
def thousands(value: int) -> str:
    return f"{value:,}"
