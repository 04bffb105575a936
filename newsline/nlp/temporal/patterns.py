"""Detection: where the temporal expressions are. A grammar of compiled regular expressions over the raw text.

Every rule is tried over the whole text; overlapping candidates are settled longest first, so
"the past three years" wins over "three years" and "10 p.m. Wednesday" over "Wednesday".
Resolution (what the expression means) lives in `resolve.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    DAY_OF_MONTH, DAY_WORD, MILLENNIUM_YEAR, MONTH, NINETEEN_YEAR, NUMBER, NUMBER_WORD, SEASON, UNIT, WEEKDAY, YEAR,
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    rule: str
    match: re.Match[str]

    @property
    def text(self) -> str:
        return self.match.string[self.start : self.end]

    def group(self, name: str) -> str:
        return self.match.groupdict().get(name) or ""


# "early", "late 1990", "mid-November", "the end of 1994", "the beginning of October".
_POINT_MOD = (
    r"(?:(?P<pmod>(?:the\s+)?(?:early|late|mid)|(?:the\s+)?(?:end|beginning|start|middle|close|turn|rest)\s+of"
    r"|(?:earlier|later)\s+in)(?:\s*-\s*|\s+))?"
)
# "about", "nearly", "more than", "at least": quantity hedges in front of durations and "ago" expressions.
_QUANTITY_MOD = (
    r"(?:(?P<qmod>about|around|approximately|roughly|nearly|almost|more\s+than|over(?!\s+the\b)|less\s+than|under(?!\s+the\b)|at\s+least"
    r"|at\s+most|no\s+more\s+than|no\s+less\s+than|up\s+to|just\s+over|just\s+under|well\s+over|barely|some"
    r"|a\s+little\s+(?:over|more\s+than|less\s+than))\s+)?"
)
_RELATIVE = r"(?:this|last|next|past|coming|current|previous|following|the\s+(?:past|last|next|coming|current|latest|previous|following|same|prior|preceding))"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"

RULES: list[tuple[str, str]] = [
    ("iso_date", r"\b(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])\b"),
    ("slash_date", r"\b(?P<month>1[0-2]|0?[1-9])/(?P<day>[12]\d|3[01]|0?[1-9])/(?P<year>\d{4}|\d\d)\b"),
    (
        "month_day",
        rf"{_POINT_MOD}\b(?:(?P<weekday>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?:the\s+)?(?P<day>{DAY_OF_MONTH}|{DAY_WORD})\b"
        rf"(?!\s*(?:%|percent\b|:\d|\.\d|,\d))(?:,?\s+(?P<year>{YEAR}))?",
    ),
    (
        "day_month",
        rf"\b(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY_OF_MONTH}|{DAY_WORD}(?=\s+of\b))\s+(?:of\s+)?(?P<month>{MONTH})"
        rf"(?:,?\s+(?P<year>{YEAR}))?",
    ),
    (
        "month",
        rf"{_POINT_MOD}\b(?:(?P<rel>{_RELATIVE})\s+)?(?P<month>{MONTH})(?![\w.]\w)"
        rf"(?:,?\s+(?:of\s+)?(?P<year>{YEAR})|\s+(?P<relyear>this|last|next)\s+year|,?\s+(?P<spelled>{NINETEEN_YEAR})\b)?",
    ),
    ("week_of", rf"\bthe\s+week\s+of\s+(?P<month>{MONTH})\s+(?P<day>{DAY_OF_MONTH})(?:,?\s+(?P<year>{YEAR}))?"),
    (
        "year",
        rf"{_POINT_MOD}\b(?P<fiscal>(?:fiscal|calendar|financial|model)(?:\s+year)?[\s-]+|the\s+year\s+)?(?P<year>{YEAR})"
        r"(?!\s*(?:percent|per\s+cent|%))(?P<bound>\s+or\s+(?:later|earlier|before|after|beyond))?",
    ),
    (
        "spelled_year",
        rf"\b(?:the\s+year\s+(?P<millennium>{MILLENNIUM_YEAR})|(?P<nineteen>{NINETEEN_YEAR}))\b",
    ),
    (
        "decade",
        rf"{_POINT_MOD}(?<![\w$'])(?:the\s+)?(?:(?P<dmod>early|late|mid)[\s-]+)?(?P<decade>(?:1[5-9]|20)\d0|'\d0)'?s\b"
        r"|\bthe\s+(?:(?P<dmod2>early|late|mid)[\s-]+)?(?P<decade_word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    ),
    (
        "century",
        r"\b(?:the\s+)?(?:(?P<cmod>early|late|mid)[\s-]+)?(?P<century>\d{1,2}(?:st|nd|rd|th)|fifteenth|sixteenth|seventeenth"
        r"|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century\b",
    ),
    (
        "season",
        rf"{_POINT_MOD}\b(?:(?P<rel>{_RELATIVE}|the|this\s+past|this\s+coming)\s+)?(?P<season>{SEASON})\b"
        rf"(?:\s+(?:of\s+)?(?P<year>{YEAR})|\s+(?:of\s+)?(?P<spelled>{NINETEEN_YEAR})\b)?",
    ),
    (
        "quarter",
        rf"{_POINT_MOD}\b(?:(?P<qrel>the|this|last|next|its|their|(?:this|last|next)\s+year's|the\s+(?:current|latest|previous|past|same|comparable|prior|corresponding)"
        rf"|(?:the\s+)?(?:comparable\s+)?(?:year-ago|year-earlier)|the\s+(?P<qyear>{YEAR}))\s+)?(?:(?:fiscal|calendar)[\s-]+)?"
        r"(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|final|last(?=\s+half))[\s-]+(?:(?:fiscal|calendar)[\s-]+)?(?P<qunit>quarter|half)(?P<plural>s)?"
        r"|(?P<pairhalf>first|last|second)\s+two\s+quarters)\b"
        rf"(?:\s+of\s+(?:(?:fiscal|calendar)\s+)?(?:(?P<qyear2>{YEAR})|(?P<qrelyear>this|last|next)\s+year|the\s+(?:current\s+)?(?:fiscal\s+)?year))?",
    ),
    (
        "quarter_relative",
        rf"\b(?P<qrel>this|last|next|that|the(?:\s+(?:current|latest|previous|past|same|comparable|prior|corresponding|recent|most\s+recent|just-ended|just\s+ended))?"
        rf"(?:\s+(?:year-ago|year-earlier))?|(?:last|this|next)\s+year's|the\s+(?P<qyear>{YEAR}))\s+(?:fiscal\s+)?(?P<qunit>quarter|period)\b"
        r"(?:\s+(?P<qago>a\s+year\s+(?:ago|earlier))|\s+(?P<qrelyear>last|this|next)\s+year)?",
    ),
    ("quarter_code", rf"(?-i:\b(?P<qcode>Q[1-4]|H[12]))(?:\s+(?P<qyear>{YEAR}))?\b"),
    (
        "relative",
        rf"\b(?:(?P<rmod>earlier|later|early|late|mid|the\s+(?:end|beginning|start|middle|rest)\s+of|end\s+of)[\s-]+)?"
        rf"(?P<rel>{_RELATIVE}|that|the(?:\s+full)?)\s+(?P<unit>day|week|weekend|month|year|fiscal\s+year|decade|century)\b(?!-|\s+\d)",
    ),
    ("relative_in", r"\b(?P<rmod>earlier|later|early|late)\s+in\s+the\s+(?P<unit>week|month|year|decade|day)\b"),
    ("year_adjective", r"\b(?P<yearadj>year-(?:earlier|ago|before)|year-end|year's\s+end|year\s+end|year-to-date)\b"),
    (
        "day_word",
        r"\b(?:(?P<dmod>early|late|earlier|later)\s+)?(?P<dayword>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday"
        rf"|the\s+day\s+after\s+tomorrow)(?:'s)?\b(?:\s+(?P<pod>{_PART_OF_DAY}))?",
    ),
    (
        "weekday",
        rf"\b(?:(?P<wmod>early|late|earlier|later|mid)[\s-]+(?:on\s+)?|(?P<wrel>last|next|this|coming|past|previous|following|the\s+(?:previous|following|next|last|same))\s+)?"
        rf"(?P<weekday>{WEEKDAY})(?P<plural>s)?(?:'s)?\b(?:\s+(?P<pod>{_PART_OF_DAY})(?P<podplural>s)?\b)?",
    ),
    (
        "part_of_day",
        rf"\b(?P<prel>this|last|that|the\s+next|the\s+following|the\s+previous|the\s+same|(?:early|late|earlier|later)\s+(?:this|last|that))\s+(?P<pod>{_PART_OF_DAY})\b"
        rf"|\b(?P<pmod2>early|late|mid)[\s-]+(?P<pod2>morning|afternoon|evening)\b(?:\s+(?P<pday>yesterday|today|tomorrow)\b)?"
        r"|\b(?P<overnight>overnight)\b",
    ),
    (
        "clock",
        r"\b(?:(?P<cmod>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
        r"(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|a\.m(?!\w)|p\.m(?!\w)|(?-i:am|pm|AM|PM)\b)"
        r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?!\d|:\d)|(?P<noon>noon|midnight|midday))"
        rf"(?:\s+(?-i:(?P<tz>[ECMP][SD]T|GMT|UTC|BST|CET)))?(?:,?\s+(?:on\s+)?(?:(?P<cweekday>{WEEKDAY})"
        rf"(?:,?\s+(?P<wmonth>{MONTH})\s+(?P<wmonthday>{DAY_OF_MONTH})\b(?:,?\s+(?P<wyear>{YEAR}))?)?"
        r"|(?P<cday>yesterday|today|tomorrow)"
        rf"|(?P<cmonth>{MONTH})\s+(?P<cmonthday>{DAY_OF_MONTH})\b(?:,?\s+(?P<cyear>{YEAR}))?))?",
    ),
    (
        "offset",
        rf"\b{_QUANTITY_MOD}(?P<num>{NUMBER})[\s-]+(?P<unit>{UNIT})(?P<orso>\s+or\s+so)?\s+"
        r"(?P<dir>ago|earlier|later|before|after|afterwards?|from\s+now|hence|back|previously|since)\b",
    ),
    ("vague_ago", r"\b(?P<unit>years|months|weeks|days|decades|moments)\s+(?P<dir>ago|earlier|later)\b"),
    (
        "set",
        rf"\b(?:(?P<setword>daily|weekly|monthly|yearly|hourly|nightly|biweekly|annually|semiannually)"
        rf"|(?:every|each)\s+(?P<other>other\s+)?(?:(?P<snum>{NUMBER})\s+)?(?P<sunit>{UNIT}|{WEEKDAY}|morning|night|evening|afternoon|summer|winter|spring|autumn)"
        rf"|(?:every|each)\s+(?P<smonth>{MONTH})"
        rf"|(?P<times>once|twice|three\s+times|four\s+times|\d+\s+times|several\s+times|many\s+times|(?:\d+|{NUMBER_WORD})\s+days)\s+(?:a|an|per|each|every)\s+(?P<sunit2>{UNIT})"
        r"|(?P<per>a|per)\s+(?P<sunit3>year|month|week|day|night|hour|quarter)(?=\s*[,.;)]|\s+(?:for|in|on|and|or|to|until|through|since|at|from|by|after|before|over)\b))\b",
    ),
    (
        "duration",
        rf"\b{_QUANTITY_MOD}(?P<each>each\s+of\s+)?(?:(?P<drel>the\s+(?:year-earlier|year-ago|past|last|next|first|coming|previous|following|latest|final|remaining|initial|entire|full|whole|other|ensuing|preceding)|the|past|last|next|first|coming|another|an\s+additional|additional|further)\s+)?"
        rf"(?P<num>{NUMBER})(?:\s+(?:to|or)\s+(?P<num2>{NUMBER}))?[\s-]+(?:(?:more|additional|straight|consecutive|full|long|trading|business|working|calendar)\s+)?"
        rf"(?P<unit>{UNIT})\b(?P<orso>\s+or\s+so|\s+or\s+more|\s+and\s+a\s+half)?",
    ),
    ("long_unit", r"\b(?P<unit>hour|day|week|month|year|decade|centur(?:y|ie))(?P<plural>s)?-?long\b"),
    (
        "vague_plural",
        r"\b(?:(?P<vq>(?:the\s+)?(?:recent|coming|past|next\s+few|last\s+few|past\s+few|past\s+several|next\s+several|early|following|ensuing|intervening|preceding|subsequent)"
        r"|(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\btook\s)|(?<=\blasted\s)|(?<=\bspent\s)|(?<=\bafter\s)|(?<=\bthan\s)|(?<=\bfor\s\s))\s*)"
        r"(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries|quarters)\b(?!\s+(?:ago|earlier|later))",
    ),
    (
        "reference",
        r"\b(?P<ref>now|nowadays|currently|presently|at\s+present|at\s+the\s+moment|recently|more\s+recently|lately|formerly"
        r"|the\s+past|the\s+(?:near\s+|immediate\s+)?future|as\s+soon\s+as\s+possible|a\s+later\s+date"
        r"|the\s+(?:near|short|medium)\s+term|current)\b(?!-)",
    ),
    (
        "holiday",
        r"\b(?:the\s+day\s+(?P<hside>after|before)\s+)?(?P<hrel>last|next|this)?\s*(?P<holiday>Christmas\s+(?:Eve|Day)|Christmas|New\s+Year's\s+(?:Eve|Day)|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?"
        rf"|Halloween|Independence\s+Day|Valentine's\s+Day|Labou?r\s+Day|Memorial\s+Day|Boxing\s+Day|Good\s+Friday)\b(?:,?\s+(?P<year>{YEAR}))?",
    ),
]

COMPILED: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in RULES]

_MAY_PREPOSITIONS = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|from|through|to|during|before|after|early|late|mid|last|next|this|and|or|between|on)\s*-?\s*|[,(]\s*)$",
    re.IGNORECASE,
)
_SEASON_VERBS = {"fall", "spring"}
_NOT_DURATION_AFTER = re.compile(r"^\s+of\b", re.IGNORECASE)
_SET_PRECEDED_BY = re.compile(r"(?:\d[\d,.]*\s*(?:hours|days|times|percent|%)?|once|twice|times)\s+$", re.IGNORECASE)
# "$500 million a year", "four flights a week", "20% annually": rates, not times. Matched so that
# "a year" is not read as a duration, then dropped.
RATE_BEFORE = re.compile(
    rf"(?:\$[\d,.]+|\d[\d,.]*|\b{NUMBER_WORD})\s*(?:%|percent\b|(?:million|billion|trillion|thousand|hundred)\b)?"
    r"(?:\s+(?!(?:times|hours|days|nights|weeks|months)\b)[a-z]+)?\s+$",
    re.IGNORECASE,
)


def detect(text: str) -> list[Mention]:
    """All temporal expressions in `text`, longest first where candidates overlap, in text order."""
    candidates: list[tuple[int, int, int, Mention]] = []
    for order, (name, pattern) in enumerate(COMPILED):
        for match in pattern.finditer(text):
            start, end = match.span()
            while end > start and text[end - 1] in " \t\n,-":
                end -= 1
            while start < end and text[start] in " \t\n":
                start += 1
            if end <= start:
                continue
            mention = Mention(start, end, name, match)
            if _plausible(mention, text):
                candidates.append((-(end - start), start, order, mention))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    chosen: list[Mention] = []
    taken = bytearray(len(text) + 1)
    for _, _, _, mention in candidates:
        if any(taken[mention.start : mention.end]):
            continue
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _plausible(mention: Mention, text: str) -> bool:
    """Guards against words that are only sometimes temporal ("may", "fall", "a second", "current account")."""
    before = text[max(0, mention.start - 25) : mention.start]
    after = text[mention.end : mention.end + 20]
    rule = mention.rule
    if rule == "month":
        word = mention.group("month")
        bare = not (mention.group("year") or mention.group("rel") or mention.group("pmod") or mention.group("relyear"))
        if bare and (word == "May" or word.endswith(".") or len(word) <= 4 and word not in ("June", "July")):
            return word == "May" and bool(_MAY_PREPOSITIONS.search(before)) and not after.lstrip().startswith(("be ", "have "))
        if bare and word == "March" and re.match(r"\s+(?:on|to|through|against|in|for|of)\b", after):
            return False
    if rule == "season" and mention.group("season").lower() in _SEASON_VERBS:
        if not (mention.group("rel") or mention.group("year") or mention.group("pmod")):
            return bool(re.search(r"\b(?:in|during|since|until|by|this|last|next|of|the|early|late)\s+$", before, re.I))
    if rule == "season" and not (mention.group("rel") or mention.group("year") or mention.group("pmod")):
        return bool(re.search(r"\b(?:in|during|since|until|by|through|over|of|and)\s+$", before, re.I))
    if rule in ("duration", "offset") and re.match(r"[\s-]*old\b", after):
        return False
    if rule in ("duration", "relative", "offset") and mention.group("unit")[:1].isupper() and _in_running_text(text, mention):
        # A capitalised unit inside an ordinary sentence is a title: "60 Minutes", ABC's "This Week".
        return False
    if rule == "duration":
        unit = mention.group("unit").lower()
        number = mention.group("num").lower()
        if unit.startswith("quarter") and (_NOT_DURATION_AFTER.match(after) or "-quarter" in mention.text.lower()):
            return False
        if unit in ("second", "quarter", "half") and number in ("a", "an", "one"):
            return not _NOT_DURATION_AFTER.match(after) and unit != "second"
        if number in ("some", "many") and not mention.group("drel"):
            return unit.endswith("s")
    if rule == "set" and mention.group("setword").lower() == "daily" and re.search(r"\baverage\s+$", before, re.I):
        # "average daily volume" is a statistic, not a repetition.
        return False
    if rule == "set" and mention.group("setword").lower() in ("annually", "yearly") and RATE_BEFORE.search(before):
        # "revenue to grow 20% annually", "10,000 units annually": a rate, like "$500 million a year".
        return False
    if rule == "set" and mention.group("per"):
        return bool(_SET_PRECEDED_BY.search(before) or RATE_BEFORE.search(before))
    if rule == "reference":
        ref = mention.group("ref").lower()
        if ref == "current":
            return bool(re.match(r"\s+[a-z]", after)) and not re.match(r"\s+(?:account|affairs|events|and|or|of|in)\b", after)
        if ref == "recent":
            return bool(re.match(r"\s+[a-z]", after))
    if rule == "year":
        if re.search(r"(?:No\.|number|Nos?|flight|Flight|room|Room|Route|route|#|page|Boeing|Airbus)\s*$", before):
            return False
        if re.match(r"\s*[x×]\s*\d", after) or re.search(r"\d\s*[x×]\s*$", before):
            return False  # "1800 x 1920 pixels": a size
    if rule == "clock" and mention.group("noon") and re.search(r"\bhigh\s+$", before, re.I):
        # "High Noon", "high noon comes today": the idiom, not a clock time.
        return False
    if rule == "clock" and mention.group("hour24") and not re.search(r"\b(?:at|by|until|from|to|before|after|around|about)\s+$", before, re.I):
        return False
    if rule == "quarter_relative" and mention.group("qunit").lower() == "period":
        return bool(re.search(r"year-ago|year-earlier|latest|same|comparable|corresponding|\d", mention.group("qrel")))
    if rule == "quarter" and mention.group("qunit").lower() == "half" and not (
        mention.group("qyear2") or mention.group("qrelyear") or mention.group("qyear")
        or re.search(r"\b(?:year|this|last|next|quarter)\b", mention.group("qrel") or "", re.I)
    ):
        return bool(re.match(r"\s+of\s+(?:the\s+)?(?:year|decade)\b", after, re.I)) or "of the year" in mention.text
    return True


_LOWERCASE_WORD = re.compile(r"\b[a-z]{4,}\b")


def _in_running_text(text: str, mention: Mention) -> bool:
    """Whether the mention sits among lower-case words (a sentence) rather than in a title-cased headline."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, mention.start - 30) : mention.start]
    after = text[mention.end : min(line_end, mention.end + 30)]
    return bool(_LOWERCASE_WORD.search(before) or _LOWERCASE_WORD.search(after))
