"""Render a `Comparison` as a Markdown report: the terminal report's content, complete, plus the one-sided text."""

from __future__ import annotations

from docdiff.comparison import Comparison
from docdiff.report.view import Line, Run, detail_lines, fact_lines, pair_name, repeat_lines, summary_lines

_ESCAPE = str.maketrans({ch: f"\\{ch}" for ch in "\\`*_~[]<>#|"})


def render_markdown(comparison: Comparison, facts_only: bool = False) -> str:
    """A Markdown document with everything, no list cut: the overview, the facts, the repeats, each changed
    section's sentences, then the full text of the added and dropped sections (`facts_only`: the title and
    the facts, as `compare --facts-only` prints them)."""
    summary = summary_lines(comparison, limit=None)
    out = [f"# {_text(summary[0])}", ""]
    if not facts_only:
        out += _lists(summary[1:], "##")
    facts = fact_lines(comparison, limit=None)
    if facts:
        out += ["", "## Facts", "", f"- {_runs(facts[0][1:]).strip()}"]
        out += _lists(facts[1:], "###")
    if facts_only:
        return "\n".join(out).rstrip() + "\n"
    repeats = repeat_lines(comparison, limit=None)
    if repeats:
        out += ["", "## Repeated passages"]
        out += _lists(repeats, "###")
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
    out += _one_sided(comparison)
    return "\n".join(out).rstrip() + "\n"


def _lists(lines: list[Line], level: str) -> list[str]:
    """Titled lists (a heading run and its count, then items) as Markdown headings and bullets."""
    out: list[str] = []
    for line in lines:
        heading = line and line[0].style == "heading"
        if heading and len(line) <= 2:
            out += ["", f"{level} {_text(line).strip()}", ""]
        elif heading:
            out.append(f"- **{_escape(line[0].text.strip())}** {_runs(line[1:])}")
        elif line:
            out.append(f"- {_runs(line).strip()}")
    return out


def _one_sided(comparison: Comparison) -> list[str]:
    """Each added or dropped section's text as a quote, so the reader has it without the files."""
    out: list[str] = []
    for status, title in (("added", "Added sections' text"), ("dropped", "Dropped sections' text")):
        pairs = [p for p in comparison.sections if p.status == status and p.text]
        if not pairs:
            continue
        out += ["", f"## {title} ({len(pairs)})"]
        for pair in pairs:
            out += ["", f"### {_escape(pair_name(pair))}", ""]
            out += [f"> {_escape(line)}" if line.strip() else ">" for line in (pair.text or "").splitlines()]
    return out


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
        return _emphasis(text, "**")
    if run.style == "move":
        return _emphasis(text, "*")
    return text


def _emphasis(text: str, mark: str) -> str:
    """`text` between `mark`s, its edge spaces outside them: Markdown ignores `*  ← moved*`."""
    core = text.strip()
    start = text.index(core)
    return f"{text[:start]}{mark}{core}{mark}{text[start + len(core) :]}"


def _escape(text: str) -> str:
    return text.translate(_ESCAPE)
