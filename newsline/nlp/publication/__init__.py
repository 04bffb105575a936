"""Publication dates you can trust: detect a printed one, check it against the article, infer or corroborate.

A wrong publication date silently moves every relative date of its article, so a printed date is only a
*candidate* (`candidates`): page chrome is refused on sight, then the article's own content must not
contradict it (`checks`). With no candidate left the date is inferred from the content (`inference`);
`corroboration` then dates an article from other articles that report the same happening.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..layout import PageLayout, page_layout
from ..status import PublishedHow
from .candidates import Candidate, printed_candidates
from .checks import Finding, check, contradictions
from .clues import gather_clues
from .corroboration import corroborate_publication, dated_reports
from .inference import infer_publication_date
from .record import DatedReport, PublicationDate

__all__ = [
    "DatedReport",
    "PublicationDate",
    "contradictions",
    "corroborate_publication",
    "dated_reports",
    "detect_publication_date",
    "infer_publication_date",
]


def detect_publication_date(doc: Doc, layout: PageLayout | None = None) -> PublicationDate:
    """The publication date of a whole article (a spaCy Doc of the page text), with how and why."""
    blocks = layout if layout is not None else page_layout(doc.text)
    clues = gather_clues(doc, blocks)
    candidates, rejected, refused_days = printed_candidates(blocks)
    # Say also what the content holds against a date refused for its place on the page.
    for index, day in refused_days:
        if against := [f.note for f in check(doc, clues, day) if f.contradicts]:
            rejected[index] += "; the article contradicts it too: " + "; ".join(against)
    accepted: list[tuple[float, Candidate, list[Finding]]] = []
    for candidate in candidates:
        day = candidate.printed.day
        assert day is not None
        findings = check(doc, clues, day)
        against = [f.note for f in findings if f.contradicts]
        # A dateline under the title is strong evidence: one odd clue does not outweigh it.
        if len(against) >= (2 if candidate.confidence >= 0.9 else 1):
            rejected.append(f"“{candidate.block.text}”: the article contradicts it: " + "; ".join(against))
            continue
        accepted.append((candidate.confidence - 0.2 * len(against), candidate, findings))
    if accepted:
        confidence, best, findings = max(accepted, key=lambda item: item[0])
        assert best.printed.day is not None
        evidence = best.block.text
        support = [f.note for f in findings if not f.contradicts]
        if best.confidence < 0.9 and support:
            evidence += " (consistent with the article: " + "; ".join(support[:2]) + ")"
        return PublicationDate(best.printed.day, "day", PublishedHow.PRINTED, evidence, round(min(confidence, 0.95), 2), tuple(rejected))
    inferred = infer_publication_date(doc, clues)
    return replace(inferred, rejected=tuple(rejected))
