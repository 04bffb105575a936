"""Publication dates you can trust: detect a printed one, check it against the article, infer or corroborate.

A wrong publication date silently moves every relative date of its article, so a printed date is only a
*candidate* (`candidates`): page chrome is refused on sight, then the article's own content must not
contradict it (`checks`). With no candidate left the date is inferred from the content (`inference`);
`corroboration` then dates an article from other articles that report the same happening.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from ..layout import PageLayout, page_layout
from ..status import PublishedHow
from .candidates import Candidate, printed_candidates
from .checks import Finding, check, contradictions, contradictions_by_day
from .clues import gather_clues
from .corroboration import corroborate_publication, dated_reports
from .inference import infer_publication_date, year_of
from .record import DatedReport, PublicationDate

__all__ = [
    "DatedReport",
    "PublicationDate",
    "contradictions",
    "contradictions_by_day",
    "corroborate_publication",
    "dated_reports",
    "detect_publication_date",
    "infer_publication_date",
]


def detect_publication_date(doc: Doc, layout: PageLayout | None = None) -> PublicationDate:
    """The publication date of a whole article (a spaCy Doc of the page text), with how and why.

    Only a printed date the article does not contradict gives a day. Without one the date is unknown (editors
    are asked for it); what the content suggests is kept in the evidence.
    """
    blocks = layout if layout is not None else page_layout(doc.text)
    clues = gather_clues(doc, blocks)
    findings_by_day: dict[date, list[Finding]] = {}

    def findings_on(day: date) -> list[Finding]:
        # Each check resolves the whole article against the day: pages print the same day many times.
        if day not in findings_by_day:
            findings_by_day[day] = check(doc, clues, day)
        return findings_by_day[day]

    candidates, rejected, refused_days = printed_candidates(blocks)
    # Say also what the content holds against a date refused for its place on the page.
    for index, day in refused_days:
        if against := [f.note for f in findings_on(day) if f.contradicts]:
            rejected[index] += "; the article contradicts it too: " + "; ".join(against)
    accepted: list[tuple[float, Candidate, list[Finding]]] = []
    month_days: list[str] = []
    for candidate in candidates:
        if candidate.needs_year:
            day, reason = year_of(doc, clues, blocks, candidate.printed, "time of day" in candidate.why)
            if day is None:
                rejected.append(f"“{candidate.block.text}”: no year printed, and the article does not settle it: " + reason)
                month_days.append(candidate.printed.text)
                continue
            candidate = replace(
                candidate, printed=replace(candidate.printed, day=day), confidence=candidate.confidence - 0.1,
                settled_by=f"the year from {reason}",
            )
        day = candidate.printed.day
        assert day is not None
        findings = findings_on(day)
        against = [f.note for f in findings if f.contradicts]
        # A labelled byline or a dateline is strong evidence: one odd clue does not outweigh it.
        if len(against) >= (2 if candidate.confidence >= 0.85 else 1):
            rejected.append(f"“{candidate.block.text}”: the article contradicts it: " + "; ".join(against))
            continue
        accepted.append((candidate.confidence - 0.2 * len(against), candidate, findings))
    if accepted:
        confidence, best, findings = max(accepted, key=lambda item: item[0])
        assert best.printed.day is not None
        evidence = best.block.text
        support = [f.note for f in findings if not f.contradicts]
        notes = [f"{best.why}; {best.settled_by}"] if best.settled_by else []
        if best.confidence < 0.85 and support:
            notes.append("consistent with the article: " + "; ".join(support[:2]))
        if notes:
            evidence += " (" + "; ".join(notes) + ")"
        confidence = round(max(min(confidence, 0.95), 0.3), 2)
        return PublicationDate(best.printed.day, "day", PublishedHow.PRINTED, evidence, confidence, tuple(rejected))
    hint = infer_publication_date(doc, clues)
    evidence = "no printed date the article allows"
    if month_days:
        evidence += "; printed without a year: " + ", ".join(f"“{text}”" for text in dict.fromkeys(month_days))
    if hint.date is not None:
        evidence += f"; the content suggests {hint.value} ({hint.evidence})"
    return PublicationDate(None, "", PublishedHow.UNKNOWN, evidence, 0.0, tuple(rejected))
