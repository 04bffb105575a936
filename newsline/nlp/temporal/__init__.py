"""The temporal engine: find every date expression in a text and resolve it to a TIMEX3 value."""

from .engine import find_timexes
from .timex import Timex
from .values import DateRange, display_value, modified_range, parse_human_date, value_range

__all__ = ["DateRange", "Timex", "display_value", "find_timexes", "modified_range", "parse_human_date", "value_range"]
