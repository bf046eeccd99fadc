"""Render a `Comparison` as one self-contained HTML file (inline CSS and JS, system fonts, no network).

The page is built from jinja2 templates in `docdiff/report/templates/` with autoescaping on, so
document text is always data: a `<script>` or a `javascript:` link in a document prints as text.
Links only ever point at anchors made from integer indices, never at anything taken from a
document. jinja2 is imported here only, so `docdiff --help` and the other formats never load it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from docdiff.comparison import Comparison, SectionPair, SentenceChange
from docdiff.facts.models import FactChange, FactSide
from docdiff.models import Span
from docdiff.report.rows import (
    FactRow,
    RepeatRow,
    delta_text,
    fact_rows,
    occurrence_place,
    repeat_rows,
    target_value,
    tense_text,
    wording,
)
from docdiff.report.safe import visible
from docdiff.report.view import MOST_CHANGED, churn, pair_evidence, pair_name, summary_lines
from docdiff.timeline.models import LedgerEntry

# Cells in a section's heat map: each shows how much of that stretch of the section changed.
HEAT_CELLS = 24
# A changed run holding one of these is a changed number, highlighted on its own.
_NUMBER = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?[%％‰]?")

Op = Literal["equal", "delete", "insert"]


@dataclass(frozen=True)
class Chunk:
    """A piece of a redline: its text, whether kept, deleted or inserted, and whether it is a number."""

    text: str
    op: Op
    number: bool = False


@dataclass(frozen=True)
class SentenceView:
    """One changed sentence, ready for the side-by-side and the inline redline."""

    anchor: str
    kind: str
    old: list[Chunk]
    new: list[Chunk]
    inline: list[Chunk]
    note: str = ""


@dataclass(frozen=True)
class PairView:
    """One aligned pair in the section map, with its redline when it has changed sentences."""

    index: int
    name: str
    level: int
    status: str
    flags: str
    confidence: str
    evidence: str
    churn: int
    bar: int  # 0..100, churn relative to the most changed section
    heat: list[int]  # HEAT_CELLS values 0..4
    sentences: list[SentenceView] = field(default_factory=list)


@dataclass(frozen=True)
class TextPiece:
    """A stretch of a one-sided section's text, with an anchor when it is a fact."""

    text: str
    anchor: str | None = None


@dataclass(frozen=True)
class OneSidedView:
    """An added or dropped section's full text."""

    index: int
    status: str
    name: str
    pieces: list[TextPiece]


@dataclass(frozen=True)
class FactView:
    """One row of a facts table."""

    kind: str
    status: str
    name: str
    old: str
    new: str
    delta: str
    delta_value: float | None
    section: str
    tense: str
    context: str
    href: str | None


def _printable(value: object) -> object:
    """Every value a template prints: document text with its control characters made visible
    (an ESC or BEL is invalid in HTML, and a saved report read with `cat` would run it), before
    autoescaping. Markup the templates made themselves is left alone."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return visible(value)
    return value


def render_html(comparison: Comparison) -> str:
    """The whole report as one HTML document."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("docdiff.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_printable,
    )
    rows = fact_rows(comparison)
    anchors = _Anchors(comparison)
    pairs = [_pair_view(comparison, i, pair) for i, pair in enumerate(comparison.sections)]
    placed: dict[str, str] = {}
    one_sided = [
        _one_sided(i, pair, rows, placed) for i, pair in enumerate(comparison.sections) if pair.text is not None
    ]
    facts = [_fact_view(row, anchors, placed) for row in rows]
    return env.get_template("report.html.j2").render(
        title=_title(comparison),
        # The counts only: every rename, move, addition and drop is a row of the section map.
        summary=[list(line) for line in summary_lines(comparison, limit=None)[:3]],
        facts_counts=[(kind, sorted(by.items())) for kind, by in comparison.summary.facts.items()],
        most_changed=sorted((p for p in pairs if p.sentences and p.churn), key=lambda p: -p.churn)[:MOST_CHANGED],
        pairs=pairs,
        changed=[p for p in pairs if p.sentences],
        one_sided=one_sided,
        targets=[f for f in facts if f.kind == "target"],
        projects=[f for f in facts if f.kind == "project"],
        phrases=[f for f in facts if f.kind == "phrase"],
        outcomes=[_outcome_view(entry) for entry in comparison.outcomes],
        repeats=[_repeat_view(row) for row in repeat_rows(comparison)],
    )


def _outcome_view(entry: LedgerEntry) -> dict[str, str]:
    """One row of the plans → results table: the badge takes the status style a verdict reads as."""
    from docdiff.report.timeline import result_label, set_in, verdict_label

    return {
        "metric": entry.plan.metric,
        "plan": entry.plan.label,
        "result": result_label(entry),
        "verdict": verdict_label(entry),
        "style": {"met": "added", "not met": "dropped"}.get(entry.verdict, "unchanged"),
        "where": set_in(entry, "main targets"),
    }


def _title(comparison: Comparison) -> str:
    old = comparison.old.title or comparison.old.source
    new = comparison.new.title or comparison.new.source
    return f"docdiff: {old} → {new}"


class _Anchors:
    """Where each sentence and each one-sided fact is on the page, found by span."""

    def __init__(self, comparison: Comparison) -> None:
        self.sentences: list[tuple[Literal["old", "new"], Span, str]] = []
        for i, pair in enumerate(comparison.sections):
            for j, sentence in enumerate(pair.sentences):
                anchor = f"s-{i}-{j}"
                if sentence.new_span is not None and sentence.kind != "moved-out":
                    self.sentences.append(("new", sentence.new_span, anchor))
                if sentence.old_span is not None and sentence.kind in ("changed", "removed", "moved-out"):
                    self.sentences.append(("old", sentence.old_span, anchor))

    def sentence(self, side: Literal["old", "new"], span: Span) -> str | None:
        for where, (start, end), anchor in self.sentences:
            if where == side and start <= span[0] < end:
                return anchor
        return None


def fact_anchor(row: FactRow) -> str:
    """The anchor of a fact inside an added or dropped section's text."""
    return f"f-{row.side}-{row.located.span[0]}"


def _fact_view(row: FactRow, anchors: _Anchors, placed: dict[str, str]) -> FactView:
    change = row.change
    href = None
    sentence = anchors.sentence(row.side, row.located.span)
    if sentence is not None:
        href = "#" + sentence
    elif fact_anchor(row) in placed:
        href = "#" + placed[fact_anchor(row)]
    target = change.kind == "target"
    worded = wording(change)  # a re-worded phrase shows both wordings
    return FactView(
        kind=change.kind,
        status=change.status,
        name=row.name,
        old=_shown(change, change.old, worded[0] if worded else None),
        new=_shown(change, change.new, worded[1] if worded else None),
        delta=delta_text(change),
        delta_value=change.delta,
        section=row.section,
        tense=tense_text(change) if target else "",
        context=row.located.text,
        href=href,
    )


def _shown(change: FactChange, side: FactSide | None, worded: str | None) -> str:
    """One side of a fact as its table cell: a target's value, a re-worded phrase's wording, else its form."""
    if side is None:
        return ""
    if worded is not None:
        return worded
    return target_value(side) if change.kind == "target" else side.metric or ""


def _pair_view(comparison: Comparison, index: int, pair: SectionPair) -> PairView:
    most = max((churn(p) for p in comparison.sections), default=0) or 1
    ref = pair.new or pair.old
    assert ref is not None
    flags = " · ".join(name for name, on in (("renamed", pair.renamed), ("moved", pair.moved)) if on)
    one_sided = pair.old is None or pair.new is None
    return PairView(
        index=index,
        name=pair_name(pair),
        level=ref.level,
        status=pair.status,
        flags=flags,
        confidence="" if one_sided else f"{pair.confidence:.2f}",
        evidence=pair_evidence(pair),
        churn=churn(pair),
        bar=round(100 * churn(pair) / most),
        heat=_heat(pair),
        # A sentence that is only spacing has nothing to show; the others keep their indices as anchors.
        sentences=[
            _sentence_view(f"s-{index}-{j}", s)
            for j, s in enumerate(pair.sentences)
            if any(piece.text.strip() for piece in s.pieces)
        ],
    )


def _heat(pair: SectionPair) -> list[int]:
    """How much changed in each stretch of the section, 0..4, on the new side (deletes on the old)."""
    cells = [0.0] * HEAT_CELLS
    if pair.status in ("added", "dropped"):
        return [4] * HEAT_CELLS
    for edit in pair.edits:
        on_old = edit.op == "delete" or (edit.op == "move" and edit.direction == "out")
        ref, span = (pair.old, edit.old_span) if on_old else (pair.new, edit.new_span)
        if ref is None or span is None:
            continue
        start, end = ref.span
        size = max(end - start, 1)
        first = min(HEAT_CELLS - 1, max(0, (span[0] - start) * HEAT_CELLS // size))
        last = min(HEAT_CELLS - 1, max(first, (span[1] - start) * HEAT_CELLS // size))
        changed = max(len(edit.old), len(edit.new), 1)
        for cell in range(first, last + 1):
            cells[cell] += changed / (last - first + 1) / (size / HEAT_CELLS)
    return [0 if c == 0 else min(4, 1 + int(c * 8)) for c in cells]


def _chunks(text: str, op: Op) -> list[Chunk]:
    if op == "equal":
        return [Chunk(text, op)]
    out, at = [], 0
    for match in _NUMBER.finditer(text):
        if match.start() > at:
            out.append(Chunk(text[at : match.start()], op))
        out.append(Chunk(match.group(), op, number=True))
        at = match.end()
    if at < len(text):
        out.append(Chunk(text[at:], op))
    return out


def _sentence_view(anchor: str, sentence: SentenceChange) -> SentenceView:
    old: list[Chunk] = []
    new: list[Chunk] = []
    inline: list[Chunk] = []
    for piece in sentence.pieces:
        chunks = _chunks(piece.text, piece.op)
        inline += chunks
        if piece.op != "insert":
            old += chunks
        if piece.op != "delete":
            new += chunks
    note = {"moved-in": "moved here", "moved-out": "moved away"}.get(sentence.kind, "")
    return SentenceView(anchor, sentence.kind, old, new, inline, note)


def _one_sided(index: int, pair: SectionPair, rows: list[FactRow], placed: dict[str, str]) -> OneSidedView:
    """The section's text with each of its facts marked; `placed` learns which mark each fact links to."""
    ref = pair.new or pair.old
    assert ref is not None and pair.text is not None
    text, start = pair.text, ref.span[0]
    side = "new" if pair.new is not None else "old"
    marks = sorted(
        {
            (row.located.span[0] - start, row.located.span[1] - start, fact_anchor(row))
            for row in rows
            if row.side == side and row.pair == index
        },
    )
    pieces, at, last = [], 0, ""
    for begin, end, anchor in marks:
        if begin < at or end > len(text):
            # A fact inside the one marked before it links to that mark; the text stays whole.
            if last and begin < at:
                placed[anchor] = last
            continue
        if begin > at:
            pieces.append(TextPiece(text[at:begin]))
        pieces.append(TextPiece(text[begin:end], anchor))
        placed[anchor] = last = anchor
        at = end
    pieces.append(TextPiece(text[at:]))
    return OneSidedView(index, pair.status, pair_name(pair), pieces)


@dataclass(frozen=True)
class RepeatView:
    """One repeated passage with where its copies are."""

    status: str
    chars: int
    similarity: str
    text: str
    places: list[str]


def _repeat_view(row: RepeatRow) -> RepeatView:
    occurrences = [*(row.old.occurrences if row.old else ()), *row.group.occurrences]
    group = row.group
    similarity = "exact" if group.similarity >= 1 else f"{group.similarity:.0%} alike"
    return RepeatView(row.status, group.chars, similarity, group.text, [occurrence_place(o) for o in occurrences])
