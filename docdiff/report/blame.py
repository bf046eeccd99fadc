"""Blame report lines: each sentence with the version it came from; near copies show their edits."""

from __future__ import annotations

from docdiff.dmp import diff_sequences
from docdiff.report.view import Line, Run
from docdiff.store.models import BlameReport

# Marks a near copy: carried over from an earlier version, then edited.
NEAR_MARK = "≈"


def blame_lines(report: BlameReport) -> list[Line]:
    """One line per sentence: `origin │ text`, `new` for new text, `origin ≈` plus the edits for a near copy."""
    width = max([len(label) for label in report.earlier] + [3]) + 2
    lines: list[Line] = []
    for line in report.lines:
        if line.origin is None:
            lines.append((Run(f"{'new':<{width}} │ ", "good"), Run(line.text, "ins")))
        elif line.copied_from is not None:
            lines.append(
                (Run(f"{line.origin + ' ' + NEAR_MARK:<{width}} │ ", "move"), *edit_runs(line.copied_from, line.text))
            )
        else:
            lines.append((Run(f"{line.origin:<{width}} │ ", "dim"), Run(line.text)))
    summary = " · ".join(f"{share.label} {share.share:.1%}" for share in report.shares)
    near = sum(1 for line in report.lines if line.copied_from is not None)
    lines.append((Run("Carried over ", "heading"), Run(summary)))
    lines.append(
        (Run("Near copies ", "heading"), Run(f"{near} sentences edited from an earlier version ({NEAR_MARK})"))
    )
    return lines


def edit_runs(old: str, new: str) -> list[Run]:
    """The new sentence as runs, what the earlier one had instead shown deleted before each change."""
    runs: list[Run] = []
    for op in diff_sequences(list(old), list(new)):
        if op.tag == "delete":
            runs.append(Run(old[op.old_start : op.old_end], "del"))
        elif op.tag == "insert":
            runs.append(Run(new[op.new_start : op.new_end], "ins"))
        else:
            runs.append(Run(new[op.new_start : op.new_end]))
    return runs
