"""Render a `Comparison` as a Markdown report (the same content as the terminal report)."""

from __future__ import annotations

from docdiff.comparison import Comparison
from docdiff.report.view import Line, Run, detail_lines, summary_lines

_ESCAPE = str.maketrans({ch: f"\\{ch}" for ch in "\\`*_~[]<>#|"})


def render_markdown(comparison: Comparison) -> str:
    """A Markdown document: the overview as a list, then each changed section's sentences."""
    summary = summary_lines(comparison)
    out = [f"# {_text(summary[0])}", ""]
    for line in summary[1:]:
        heading = line and line[0].style == "heading"
        if heading and len(line) <= 2:
            out += ["", f"## {_text(line).strip()}", ""]
        elif heading:
            out.append(f"- **{_escape(line[0].text.strip())}** {_runs(line[1:])}")
        else:
            out.append(f"- {_runs(line).strip()}")
    details = detail_lines(comparison)
    if details:
        out += ["", "## Changes by section"]
    for line in details:
        if not line:
            out.append("")
        elif line[0].text == "§ ":
            out += [f"### {_runs(line[1:])}", ""]
        else:
            sign = line[0].text.strip()
            # Inline <ins>/<del> already say what changed; keep only the move arrows as markers.
            body = line if sign in ("↪", "↩") else line[1:]
            out.append(f"- {_runs(body).strip()}")
    return "\n".join(out).rstrip() + "\n"


def _text(line: Line) -> str:
    return "".join(run.text for run in line)


def _runs(runs: Line | tuple[Run, ...]) -> str:
    return "".join(_run(run) for run in runs)


def _run(run: Run) -> str:
    text = _escape(run.text)
    if not text.strip():
        return text
    if run.style == "ins":
        return f"<ins>{text}</ins>"
    if run.style == "del":
        return f"<del>{text}</del>"
    if run.style in ("heading", "title"):
        return f"**{text}**"
    if run.style == "move":
        return f"*{text}*"
    return text


def _escape(text: str) -> str:
    return text.translate(_ESCAPE)
