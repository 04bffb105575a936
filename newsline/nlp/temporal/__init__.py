"""The temporal engine: find every date expression in a text and resolve it to a TIMEX3 value."""

from .timex import Timex
from .values import DateRange, display_value, modified_range, parse_human_date, value_range

__all__ = ["DateRange", "Timex", "display_value", "find_timexes", "modified_range", "parse_human_date", "value_range"]


def __getattr__(name: str):
    # The engine imports spaCy (seconds to load); web processes that only format dates never need it.
    if name == "find_timexes":
        from .engine import find_timexes

        return find_timexes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
