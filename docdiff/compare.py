"""Compare two documents: segment, align sections, diff aligned bodies, find moves → `Comparison`."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from docdiff.align import AlignedPair, align
from docdiff.comparison import (
    Comparison,
    DocumentInfo,
    Edit,
    PairEvidence,
    Piece,
    SectionPair,
    SectionRef,
    SentenceChange,
    Summary,
)
from docdiff.diff import RawEdit, RawSentence, SectionDiff, diff_bodies, find_moves, one_sided_units
from docdiff.duplicates.report import duplicate_report
from docdiff.facts.extract import SentenceMemo, extract_facts
from docdiff.facts.formulations import forget_words
from docdiff.facts.models import Target
from docdiff.facts.pair import pair_facts
from docdiff.facts.phrases import recurring_slogans
from docdiff.flat import FlatSection, flatten
from docdiff.models import Document, Outline, Span
from docdiff.options import CompareOptions
from docdiff.segment import segment
from docdiff.timeline.outcomes import outcomes


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a comparison runs, and resumed after it.

    A comparison builds millions of small objects (sentences, words, edits) that live until it
    ends and hold no reference cycles, and each collection the collector makes walks them all
    again: over a quarter of a long comparison's time. What little cyclic garbage a comparison
    leaves is collected as usual once it ends. Nested pauses resume only at the outermost."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compare_documents(old: Document, new: Document, options: CompareOptions | None = None) -> Comparison:
    """Compare two read documents."""
    options = options or CompareOptions()
    with collector_paused():
        return compare_outlines(old, segment(old, options.segment), new, segment(new, options.segment), options)


def compare_outlines(
    old: Document, old_outline: Outline, new: Document, new_outline: Outline, options: CompareOptions
) -> Comparison:
    """Compare two documents whose section trees are already built."""
    with collector_paused():
        return _compare_outlines(old, old_outline, new, new_outline, options)


def _compare_outlines(
    old: Document, old_outline: Outline, new: Document, new_outline: Outline, options: CompareOptions
) -> Comparison:
    old_flat = flatten(old, old_outline)
    new_flat = flatten(new, new_outline)
    alignment = align(old, old_flat, new, new_flat, options.align)
    diffs: list[SectionDiff] = []
    for pair in alignment.pairs:
        diffs.append(_diff_pair(pair, old, old_flat, new, new_flat, options))
    find_moves(diffs, options.diff)
    builder = _Builder(old, new, old_flat, new_flat)
    entries = [builder.pair(pair, diff) for pair, diff in zip(alignment.pairs, diffs, strict=True)]
    order = _order(alignment.pairs, old_flat)
    sections = tuple(entries[k] for k in order)
    section_pairs = {(p.old.path, p.new.path) for p in sections if p.old and p.new}
    slogans = recurring_slogans(old.normalised, new.normalised)
    memo: SentenceMemo = {}
    old_facts = extract_facts(old, old_outline, slogans, old_flat, other=new, memo=memo)
    new_facts = extract_facts(new, new_outline, slogans, new_flat, other=old, memo=memo)
    forget_words()  # both versions' words are read: a long pair's would weigh on what follows
    facts = tuple(pair_facts(old_facts, new_facts, section_pairs, options.facts))
    # What last year's targets became, when the new version reports on the year the old one plans.
    planned = outcomes(
        old.text, [f for f in old_facts if isinstance(f, Target)], [f for f in new_facts if isinstance(f, Target)]
    )
    summary = _summary(old, new, old_flat, new_flat, sections)
    fact_counts: dict[str, dict[str, int]] = {}
    for fact in facts:
        fact_counts.setdefault(fact.kind, {}).setdefault(fact.status, 0)
        fact_counts[fact.kind][fact.status] += 1
    repeats = duplicate_report(
        [(old, old_outline, "old"), (new, new_outline, "new")],
        options.duplicates,
        within_only=True,
        flats=[old_flat, new_flat],
    )
    return Comparison(
        old=_info(old, old_outline),
        new=_info(new, new_outline),
        sections=sections,
        facts=facts,
        outcomes=planned,
        duplicates=repeats.groups,
        summary=summary.model_copy(update={"facts": fact_counts}),
    )


def _diff_pair(
    pair: AlignedPair,
    old: Document,
    old_flat: list[FlatSection],
    new: Document,
    new_flat: list[FlatSection],
    options: CompareOptions,
) -> SectionDiff:
    """A full diff for a primary pair; for a one-sided section or the extra pair of a split or
    merge, its sentences as deletes or inserts, which only surface where they became moves."""
    if pair.old is not None and pair.new is not None and pair.primary:
        return diff_bodies(
            old.normalised, old_flat[pair.old].body, new.normalised, new_flat[pair.new].body, options.diff
        )
    if pair.new is not None and (pair.old is None or pair.status == "split"):
        return one_sided_units(new.normalised, new_flat[pair.new].body, "new")
    assert pair.old is not None
    return one_sided_units(old.normalised, old_flat[pair.old].body, "old")


def _info(doc: Document, outline: Outline) -> DocumentInfo:
    return DocumentInfo(
        source=doc.source,
        sha256=doc.sha256,
        chars=len(doc.text),
        title=outline.title,
        source_format=doc.source_format,
    )


class _Builder:
    """Maps normalised offsets to original spans while building the model."""

    def __init__(self, old: Document, new: Document, old_flat: list[FlatSection], new_flat: list[FlatSection]) -> None:
        self.old, self.new = old, new
        self.old_flat, self.new_flat = old_flat, new_flat

    def pair(self, pair: AlignedPair, diff: SectionDiff) -> SectionPair:
        one_sided = pair.old is None or pair.new is None or not pair.primary
        edits = [e for e in diff.edits if not one_sided or e.op == "move"]
        sentences = [s for s in diff.sentences if not one_sided or s.kind.startswith("moved")]
        return SectionPair(
            status=pair.status,
            renamed=pair.renamed,
            moved=pair.moved,
            changed=bool(edits) and not one_sided,
            heading_similarity=pair.heading_similarity,
            content_similarity=pair.content_similarity,
            primary=pair.primary,
            confidence=pair.confidence,
            evidence=PairEvidence(
                carried_sentences=pair.carried_sentences,
                heading_similarity=pair.heading_similarity,
                content_similarity=pair.content_similarity,
                order=pair.order,
            )
            if pair.old is not None and pair.new is not None
            else None,
            old=self._ref(self.old_flat[pair.old]) if pair.old is not None else None,
            new=self._ref(self.new_flat[pair.new]) if pair.new is not None else None,
            edits=tuple(self._edit(e) for e in sorted(edits, key=lambda e: (e.old_start, e.old_end))),
            sentences=tuple(self._sentence(s) for s in sentences),
            text=self._own_text(pair),
        )

    def _own_text(self, pair: AlignedPair) -> str | None:
        """The original text of a one-sided section up to its first subsection (those carry their own)."""
        if pair.status not in ("added", "dropped"):
            return None
        if pair.new is not None:
            doc, section = self.new, self.new_flat[pair.new].section
        else:
            assert pair.old is not None
            doc, section = self.old, self.old_flat[pair.old].section
        end = section.children[0].span[0] if section.children else section.span[1]
        # Only trailing space goes: the text must still start at the section's span start.
        return doc.text[section.span[0] : end].rstrip()

    def _ref(self, flat: FlatSection) -> SectionRef:
        section = flat.section
        return SectionRef(
            heading=section.heading,
            number_label=section.number_label,
            level=section.level,
            path=flat.path,
            span=section.span,
        )

    def _old_span(self, start: int, end: int) -> Span:
        return self.old.to_original(start, end)

    def _new_span(self, start: int, end: int) -> Span:
        return self.new.to_original(start, end)

    def _edit(self, edit: RawEdit) -> Edit:
        old_span = self._old_span(edit.old_start, edit.old_end)
        new_span = self._new_span(edit.new_start, edit.new_end)
        at = old_span[0] if edit.op == "insert" or edit.direction == "in" else None
        if edit.direction == "in" and edit.source is not None:
            old_span = self._old_span(*edit.source)
        # Built from the diff's own values, of the right types: constructed, not validated again
        # (a 1 MB pair has ten thousand edits); the comparison is validated as a whole.
        return Edit.model_construct(
            op=edit.op,
            old=edit.old_text,
            new=edit.new_text,
            old_span=old_span,
            new_span=new_span,
            direction=edit.direction,
            at=at,
        )

    def _sentence(self, sentence: RawSentence) -> SentenceChange:
        return SentenceChange.model_construct(
            kind=sentence.kind,
            old_span=self._old_span(*sentence.old) if sentence.old else None,
            new_span=self._new_span(*sentence.new) if sentence.new else None,
            pieces=tuple(Piece.model_construct(op=op, text=text) for op, text in sentence.pieces),
        )


def _order(pairs: tuple[AlignedPair, ...], old_flat: list[FlatSection]) -> list[int]:
    """Entries in new-document order, dropped sections after the nearest earlier paired old section."""
    partner: dict[int, int] = {}
    for pair in pairs:
        if pair.old is not None and pair.new is not None and pair.old not in partner:
            partner[pair.old] = pair.new

    # The partner of the nearest paired old section at or before each one (0 before any), in
    # one pass: a scan back per dropped section was quadratic in a long document.
    nearest: list[int] = []
    for i in range(len(old_flat)):
        nearest.append(partner[i] if i in partner else nearest[-1] if nearest else 0)

    def key(k: int) -> tuple[int, int, int]:
        pair = pairs[k]
        if pair.new is not None:
            return (pair.new, 0, pair.old if pair.old is not None else -1)
        assert pair.old is not None
        return (nearest[pair.old], 1, pair.old)

    return sorted(range(len(pairs)), key=key)


def _summary(
    old: Document,
    new: Document,
    old_flat: list[FlatSection],
    new_flat: list[FlatSection],
    sections: tuple[SectionPair, ...],
) -> Summary:
    edits = Counter(e.op for s in sections for e in s.edits if e.direction != "out")
    return Summary(
        identical=old.normalised == new.normalised,
        sections_old=len(old_flat) - 1,
        sections_new=len(new_flat) - 1,
        # The document root (level 0, the front matter) is paired too but is not one of the
        # sections counted above, so it is left out here: `old 2 · new 2` never reads `3 matched`.
        statuses=dict(Counter(s.status for s in sections if not _is_root(s))),
        renamed=sum(s.renamed for s in sections),
        moved=sum(s.moved for s in sections),
        changed=sum(s.changed for s in sections),
        edits=dict(edits),
        inserted_chars=sum(len(e.new) for s in sections for e in s.edits if e.op in ("insert", "replace")),
        deleted_chars=sum(len(e.old) for s in sections for e in s.edits if e.op in ("delete", "replace")),
    )


def _is_root(pair: SectionPair) -> bool:
    """Whether a pair joins the document roots (the level-0 front matter)."""
    side = pair.old or pair.new
    return side is not None and side.level == 0
