"""The content of a comparison report as styled lines, shared by the terminal and Markdown renderers.

Styles are names (`title`, `heading`, `ins`, `del`, ...), never terminal codes, so the core
stays free of rich; each renderer maps them to its own markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from docdiff.comparison import Comparison, SectionPair, SectionRef, SentenceChange
from docdiff.duplicates.models import DuplicateGroup, ReuseRatio
from docdiff.facts.models import FactChange
from docdiff.models import Span
from docdiff.report.rows import (
    delta_text,
    fact_rows,
    occurrence_place,
    repeat_rows,
    target_value,
    wording,
)
from docdiff.report.rows import (
    holding_pair as holding_pair,  # re-exported: the TUI reads them from here
)
from docdiff.report.rows import (
    section_name as section_name,
)
from docdiff.timeline.models import LedgerEntry

Style = Literal["plain", "title", "heading", "label", "dim", "ins", "del", "move", "count", "good", "bad"]
# How many entries each summary list shows before "… and N more".
LIST_LIMIT = 12
MOST_CHANGED = 5


@dataclass(frozen=True)
class Run:
    """A run of text in one style."""

    text: str
    style: Style = "plain"


Line = tuple[Run, ...]


def pair_name(pair: SectionPair) -> str:
    """`old → new` when the heading or its number changed (`第五条 → 第六条`: a regulation's
    article renumbered is cited by its new number), otherwise the one name."""
    if pair.old and pair.new:
        old, new = section_name(pair.old), section_name(pair.new)
        if pair.renamed or old != new:
            return f"{old} → {new}"
    ref = pair.new or pair.old
    assert ref is not None
    return section_name(ref)


def churn(pair: SectionPair) -> int:
    """Characters inserted plus deleted in a pair's edits (moves count once)."""
    total = 0
    for edit in pair.edits:
        if edit.op in ("insert", "replace"):
            total += len(edit.new)
        if edit.op in ("delete", "replace"):
            total += len(edit.old)
        if edit.op == "move" and edit.direction == "in":
            total += len(edit.new)
    return total


def summary_lines(comparison: Comparison, limit: int | None = LIST_LIMIT, hint: str = "") -> list[Line]:
    """The one-screen overview: documents, counts, most changed, renamed, moved, added, dropped.

    Each list shows `limit` entries and says how many more there are (and `hint`: how to see them); None shows all.
    """
    summary = comparison.summary
    lines: list[Line] = [
        (
            Run("docdiff ", "dim"),
            Run(_doc_name(comparison.old.title, comparison.old.source), "title"),
            Run(" → ", "dim"),
            Run(_doc_name(comparison.new.title, comparison.new.source), "title"),
        ),
    ]
    if summary.identical:
        lines.append((Run("The normalised texts are identical."),))
        return lines
    statuses = summary.statuses
    counts = [f"{statuses.get(name, 0)} {name}" for name in ("matched", "added", "dropped", "split", "merged")]
    lines.append(
        (
            Run("Sections ", "heading"),
            Run(f"old {summary.sections_old} · new {summary.sections_new} · "),
            Run(" · ".join(counts), "count"),
            Run(f" · {summary.renamed} renamed · {summary.moved} moved · {summary.changed} changed"),
        )
    )
    edits = " · ".join(f"{summary.edits.get(op, 0)} {op}" for op in ("replace", "insert", "delete", "move"))
    lines.append(
        (
            Run("Edits    ", "heading"),
            Run(edits),
            Run(f"  (+{summary.inserted_chars}", "good"),
            Run(f" −{summary.deleted_chars}", "bad"),
            Run(" chars)"),
        )
    )
    pairs = [p for p in comparison.sections if p.old and p.new]
    ranked = sorted((p for p in pairs if churn(p)), key=churn, reverse=True)[:MOST_CHANGED]
    lines.extend(
        _titled(
            "Most changed", (_with_count(pair_name(p), f"{churn(p)} chars") for p in ranked), len(ranked), limit=limit
        )
    )
    renamed = [p for p in pairs if p.renamed]
    lines.extend(_titled("Renamed", (_plain(pair_name(p)) for p in renamed), len(renamed), limit=limit, hint=hint))
    moved = [p for p in pairs if p.moved]
    lines.extend(_titled("Moved", (_moved_line(p) for p in moved), len(moved), limit=limit, hint=hint))
    for status, title in (("split", "Split"), ("merged", "Merged")):
        group = [p for p in comparison.sections if p.status == status]
        lines.extend(
            _titled(
                title,
                (_plain(f"{section_name(p.old)} → {section_name(p.new)}") for p in group if p.old and p.new),
                len(group),
                limit=limit,
                hint=hint,
            )
        )
    added = [p.new for p in comparison.sections if p.status == "added" and p.new]
    lines.extend(_titled("Added", _subtree_lines(added), len(added), style="good", limit=limit, hint=hint))
    dropped = [p.old for p in comparison.sections if p.status == "dropped" and p.old]
    lines.extend(_titled("Dropped", _subtree_lines(dropped), len(dropped), style="bad", limit=limit, hint=hint))
    return lines


def detail_lines(comparison: Comparison) -> list[Line]:
    """Per changed section, its changed sentences with inline insertions and deletions."""
    lines: list[Line] = []
    for pair in comparison.sections:
        if not pair.sentences:
            continue
        ref = pair.new or pair.old
        assert ref is not None
        name = pair_name(pair)
        if name != section_name(ref):
            # Renamed or renumbered: the parts above it, then both names (`法律责任 › 第五条 → 第六条`).
            path = " › ".join((*ref.path[:-1], name))
        else:
            path = " › ".join(ref.path) if ref.path else name
        marker = {"matched": "", "added": " [added]", "dropped": " [dropped]"}.get(pair.status, f" [{pair.status}]")
        lines.append(())
        lines.append((Run("§ ", "dim"), Run(path, "heading"), Run(marker, "label")))
        for sentence in pair.sentences:
            lines.append(_sentence_line(sentence, comparison))
    return lines


def _located(comparison: Comparison, span: Span | None, side: Literal["old", "new"]) -> str:
    """The name of the section holding a span (where a move went or came from)."""
    index = holding_pair(comparison, span, side) if span is not None else None
    if index is None:
        return "?"
    ref = comparison.sections[index].new if side == "new" else comparison.sections[index].old
    assert ref is not None
    return section_name(ref)


def explain_lines(comparison: Comparison) -> list[Line]:
    """Every pair of sections (levels 1 and 2) with how sure the pairing is and what made it."""
    lines: list[Line] = [(Run("Why sections were paired ", "heading"), Run("(confidence · evidence)", "dim"))]
    for pair in comparison.sections:
        if pair.old is None or pair.new is None or pair.old.level == 0 or min(pair.old.level, pair.new.level) > 2:
            continue
        style: Style = "good" if pair.confidence >= 0.8 else "plain" if pair.confidence >= 0.5 else "bad"
        lines.append((Run("  "), Run(pair_name(pair)), Run(f"  {pair_evidence(pair)}", style)))
    return lines


def pair_evidence(pair: SectionPair) -> str:
    """`0.82 · heading 0.48 · content 0.29 · carried 3 · kept`: a pair's confidence and its evidence."""
    evidence = pair.evidence
    if evidence is None:
        return pair.status
    return (
        f"{pair.confidence:.2f} · heading {evidence.heading_similarity:.2f} · content "
        f"{evidence.content_similarity:.2f} · carried {evidence.carried_sentences} · {evidence.order}"
        + ("" if pair.status == "matched" else f" · {pair.status}")
    )


def report_lines(
    comparison: Comparison, explain: bool = False, limit: int | None = LIST_LIMIT, hint: str = ""
) -> list[Line]:
    """Summary, facts, repeats inside either version, details, then the added and dropped sections' text."""
    facts = fact_lines(comparison, limit, hint)
    repeats = repeat_lines(comparison, limit, hint)
    one_sided = one_sided_lines(comparison)
    return (
        summary_lines(comparison, limit, hint)
        + ([(), *explain_lines(comparison)] if explain else [])
        + ([(), *facts] if facts else [])
        + ([(), *repeats] if repeats else [])
        + detail_lines(comparison)
        + ([(), *one_sided] if one_sided else [])
    )


def fact_lines(comparison: Comparison, limit: int | None = LIST_LIMIT, hint: str = "") -> list[Line]:
    """Targets changed, added and dropped, then projects and phrases added and dropped, each with its section."""
    if not comparison.facts:
        return []
    counts = comparison.summary.facts
    lines: list[Line] = [
        (
            Run("Facts    ", "heading"),
            Run(
                " · ".join(
                    f"{kind}s: " + ", ".join(f"{n} {status}" for status, n in sorted(by.items()))
                    for kind, by in counts.items()
                )
            ),
        )
    ]
    rows = fact_rows(comparison)
    for kind, title in (("target", "Targets"), ("project", "Projects"), ("phrase", "Phrases")):
        statuses: tuple[tuple[str, Style], ...] = (("changed", "plain"), ("added", "good"), ("dropped", "bad"))
        for status, style in statuses:
            group = [r for r in rows if r.change.kind == kind and r.change.status == status]
            items = ((*_fact_line(r.change, r.name), Run(f"  § {r.section}", "dim")) for r in group)
            lines.extend(_titled(f"{title} {status}", items, len(group), style=style, limit=limit, hint=hint))
        if kind == "target":
            outcomes = comparison.outcomes
            items = (_outcome_line(entry) for entry in outcomes)
            lines.extend(_titled("Plans → results", items, len(outcomes), limit=limit, hint=hint))
    return lines


# How a plan's verdict reads: met, not met, and the others (no result, not due, …) dim.
_VERDICT_STYLES: dict[str, Style] = {"met": "good", "not met": "bad"}


def _outcome_line(entry: LedgerEntry) -> Line:
    """`metric  plan → result  ✓ met  § section` (`main targets` for one of the main targets)."""
    from docdiff.report.timeline import result_label, set_in, verdict_label

    return (
        Run(entry.plan.metric),
        Run(f"  {entry.plan.label} → {result_label(entry)}"),
        Run(f"  {verdict_label(entry)}", _VERDICT_STYLES.get(entry.verdict, "dim")),
        Run(f"  § {set_in(entry, 'main targets')}", "dim"),
    )


def _fact_line(change: FactChange, name: str) -> Line:
    """A target as `metric  old → new  (Δ …)`, a project or phrase as its name."""
    old, new = change.old, change.new
    if change.kind != "target":
        worded = wording(change)
        if worded is None:
            return (Run(name),)
        return (Run(worded[0], "del"), Run(" → ", "dim"), Run(worded[1], "ins"))
    if old is None or new is None:
        side = new or old
        assert side is not None
        return (Run(name), Run("  "), Run(target_value(side)))
    runs = [Run(name), Run("  "), Run(target_value(old), "del"), Run(" → ", "dim"), Run(target_value(new), "ins")]
    delta = delta_text(change)
    if delta:
        runs.append(Run(f"  (Δ {delta})", "dim"))
    notes = []
    if change.tense_changed:
        notes.append(f"{old.tense} → {new.tense}")
    if change.qualifier_changed and old.value == new.value:
        notes.append("qualifier changed")
    if notes:
        runs.append(Run("  [" + "; ".join(notes) + "]", "label"))
    return tuple(runs)


def repeat_lines(comparison: Comparison, limit: int | None = LIST_LIMIT, hint: str = "") -> list[Line]:
    """Passages repeated inside the new version, new ones first, then those carried over and those gone."""
    rows = repeat_rows(comparison)
    lines: list[Line] = []
    kinds: tuple[tuple[str, str, Style], ...] = (
        ("new", "Repeats new in this version", "good"),
        ("carried over", "Repeats carried over", "plain"),
        ("gone", "Repeats no longer repeated", "dim"),
    )
    for status, title, style in kinds:
        group = [r for r in rows if r.status == status]
        items = (
            (
                Run(f"{len(r.group.occurrences)}× {r.group.chars} chars: ", "label"),
                Run(r.group.text.replace("\n", "¶")),
                Run("  (" + "; ".join(occurrence_place(o) for o in r.group.occurrences) + ")", "dim"),
            )
            for r in group
        )
        lines.extend(_titled(title, items, len(group), style=style, limit=limit, hint=hint))
    return lines


def one_sided_lines(comparison: Comparison) -> list[Line]:
    """The full text of every added and dropped section, in document order."""
    lines: list[Line] = []
    sides: tuple[tuple[str, str, Style], ...] = (
        ("added", "Added sections' text", "ins"),
        ("dropped", "Dropped sections' text", "del"),
    )
    for status, title, style in sides:
        pairs = [p for p in comparison.sections if p.status == status and p.text]
        if not pairs:
            continue
        lines.append((Run(f"{title} ", "heading"), Run(f"({len(pairs)})", "dim")))
        for pair in pairs:
            lines.append(())
            lines.append((Run("§ ", "dim"), Run(pair_name(pair), "heading"), Run(f" [{status}]", "label")))
            lines.extend((Run(text, style),) for text in (pair.text or "").splitlines() if text.strip())
    return lines


_SIGNS = {"changed": "~ ", "added": "+ ", "removed": "- ", "moved-in": "↪ ", "moved-out": "↩ "}


def _sentence_line(sentence: SentenceChange, comparison: Comparison) -> Line:
    runs: list[Run] = [Run("  " + _SIGNS[sentence.kind], "label")]
    if sentence.kind == "moved-out":
        # The old text, plainly; how it changed on the way is shown where it arrived.
        text = "".join(p.text for p in sentence.pieces if p.op != "insert").replace("\n", "¶")
        return (*runs, Run(text, "dim"), Run(f"  → moved to {_located(comparison, sentence.new_span, 'new')}", "move"))
    for piece in sentence.pieces:
        text = piece.text.replace("\n", "¶")
        style: Style = "ins" if piece.op == "insert" else "del" if piece.op == "delete" else "plain"
        runs.append(Run(text, style))
    if sentence.kind == "moved-in":
        runs.append(Run(f"  ← moved from {_located(comparison, sentence.old_span, 'old')}", "move"))
    return tuple(runs)


def _titled(
    title: str,
    items: Iterable[Line],
    count: int,
    style: Style = "plain",
    limit: int | None = LIST_LIMIT,
    hint: str = "",
) -> list[Line]:
    if not count:
        return []
    lines: list[Line] = [(Run(f"{title} ", "heading"), Run(f"({count})", "dim"))]
    for index, item in enumerate(items):
        if index == limit:
            lines.append((Run(f"  … and {count - limit} more{hint}", "dim"),))
            break
        lines.append((Run("  "), *(Run(r.text, style if r.style == "plain" else r.style) for r in item)))
    return lines


def _plain(text: str) -> Line:
    return (Run(text),)


def _with_count(text: str, count: str) -> Line:
    return (Run(text), Run(f"  {count}", "dim"))


def _moved_line(pair: SectionPair) -> Line:
    assert pair.old and pair.new
    old_path = " › ".join(pair.old.path[:-1]) or "（顶层）"
    new_path = " › ".join(pair.new.path[:-1]) or "（顶层）"
    where = f"  ({old_path} → {new_path})" if old_path != new_path else "  (order changed)"
    return (Run(section_name(pair.new)), Run(where, "dim"))


def _subtree_lines(refs: list[SectionRef]) -> Iterable[Line]:
    """The highest sections of a one-sided group, each with how many of its subsections share its fate."""
    paths = {ref.path for ref in refs}
    for ref in refs:
        if any(ref.path[:k] in paths for k in range(1, len(ref.path))):
            continue
        inside = sum(1 for other in refs if len(other.path) > len(ref.path) and other.path[: len(ref.path)] == ref.path)
        yield (Run(section_name(ref)), Run(f"  (+{inside} subsections)" if inside else "", "dim"))


def _doc_name(title: str | None, source: str) -> str:
    return f"{title} ({source})" if title else source


def duplicate_lines(
    groups: Sequence[DuplicateGroup],
    ratios: Sequence[ReuseRatio] = (),
    excluded: int = 0,
    limit: int | None = None,
    hint: str = "",
) -> list[Line]:
    """Repeats and reuse, largest first: each passage with where its copies are (the first
    `limit` passages of each kind if given, then how many more, with `hint`)."""
    lines: list[Line] = []
    repeats = [g for g in groups if g.kind == "repeat"]
    reuse = [g for g in groups if g.kind == "reuse"]
    for title, group_list in (("Repeated inside a document", repeats), ("Reused across documents", reuse)):
        if not group_list:
            continue
        lines.append((Run(f"{title} ", "heading"), Run(f"({len(group_list)})", "dim")))
        for index, group in enumerate(group_list):
            if index == limit:
                lines.append((Run(f"  … and {len(group_list) - limit} more{hint}", "dim"),))
                break
            similarity = "exact" if group.similarity >= 1 else f"{group.similarity:.0%} alike"
            lines.append(
                (
                    Run(f"  {len(group.occurrences)}× ", "label"),
                    Run(f"{group.chars} chars, {similarity}: ", "dim"),
                    Run(group.text.replace("\n", "¶")),
                )
            )
            for occurrence in group.occurrences:
                where = " › ".join(occurrence.section) or "（文首）"
                lines.append((Run(f"      {occurrence.doc}:{occurrence.line} ", "dim"), Run(where, "plain")))
            if group.differences:
                runs: list[Run] = [Run("      differs: ", "dim")]
                for difference in group.differences:
                    runs += [
                        Run(_visible(difference.old), "del"),
                        Run(" → ", "dim"),
                        Run(_visible(difference.new), "ins"),
                        Run("  "),
                    ]
                lines.append(tuple(runs))
    for ratio in ratios:
        lines.append(
            (
                Run("Reuse ratio ", "heading"),
                Run(f"{ratio.doc}", "plain"),
                Run(" ← ", "dim"),
                Run(ratio.other),
                Run(f": {ratio.ratio:.1%} of its characters ({ratio.chars})", "count"),
            )
        )
    if excluded:
        lines.append(
            (Run(f"({excluded} repeated headings or table patterns left out; --include-headings shows them)", "dim"),)
        )
    if not lines:
        lines.append((Run("No repeated or reused passages.", "plain"),))
    return lines


_BLANKS = {"\t": "⇥", "\n": "¶"}


def _visible(token: str) -> str:
    """A differing token as a reader can see it: `∅` for nothing, `␣` for each space of a blank one
    (a title's `发展 第十四个` against `发展第十四个` differs by a space, which printed as nothing)."""
    if not token:
        return "∅"
    if token.isspace():
        return "".join(_BLANKS.get(ch, "␣") for ch in token)
    return token
