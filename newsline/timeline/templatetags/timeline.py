from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from newsline.nlp.temporal.values import format_day, value_range
from newsline.timeline.models import Event, Mention, Source

register = template.Library()

# What display_value passes through when a TIMEX value names no calendar date ("XXXX-WXX", "P2Y").
TIMEX_NOTATION = re.compile(r"X|^P\d|^P[TYMWD]|\d{4}-W|-\d|^\d+$")


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


@register.filter
def when(dated: Event | Mention) -> str:
    """An event's or mention's date in words; TIMEX notation that names no day, month or year is "date unknown"."""
    if not dated.date_value:
        return "date unresolved" if isinstance(dated, Event) else "unresolved"
    shown = dated.display_date
    if value_range(dated.date_value) is None and TIMEX_NOTATION.search(shown):
        return "date unknown"
    return shown


@register.filter
def source_name(source: Source) -> str:
    """An article as readers know it: outlet and title, never the file it was ingested from."""
    outlet = source.outlet or "Unknown outlet"
    if source.title:
        return f"{outlet}: {source.title}"
    if source.published:
        return f"{outlet}, article of {format_day(source.published)}"
    return f"{outlet}, untitled article"


@register.filter
def outlet(source: Source) -> str:
    return source.outlet or "Unknown outlet"


@register.filter
def highlight(text: str, words: str) -> str:
    """`text` escaped, with each occurrence of the search `words` (as typed, or each word of 3+ letters) marked."""
    terms = {words.strip()} | {word for word in words.split() if len(word) >= 3} if words and words.strip() else set()
    terms.discard("")
    if not terms:
        return conditional_escape(text)
    pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(conditional_escape(text[position:match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group()))
        position = match.end()
    pieces.append(conditional_escape(text[position:]))
    return mark_safe("".join(pieces))


@register.filter
def sources_disagree(event: Event) -> bool:
    """True when two different sources give this event dates that cannot both be right (their ranges do not meet)."""
    spans = [(mention.source_id, mention.date_start, mention.date_end) for mention in event.mentions.all()
             if mention.date_start is not None and mention.date_end is not None]
    return any(
        source != other_source and (end < other_start or start > other_end)
        for source, start, end in spans for other_source, other_start, other_end in spans
    )
