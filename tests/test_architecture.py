"""The core never imports the UI libraries: the CLI and TUI are thin shells over it."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = ["docdiff.api", "docdiff.ingest", "docdiff.normalise", "docdiff.segment", "docdiff.models"]


def test_core_imports_no_ui_library() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'textual', 'rich', 'click'))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_tui_renders_through_the_report_layer_not_the_cli() -> None:
    """core → report → cli/tui stays one way: no module of the TUI imports the CLI package."""
    import ast
    from pathlib import Path

    tui = Path(__file__).resolve().parent.parent / "docdiff" / "tui"
    offenders = []
    for path in sorted(tui.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            offenders += [f"{path.name}: {n}" for n in names if n == "docdiff.cli" or n.startswith("docdiff.cli.")]
    assert len(list(tui.rglob("*.py"))) > 3
    assert offenders == []


def test_report_styles_import_no_ui_library() -> None:
    code = "import sys, docdiff.report.styles\nprint(','.join(m for m in sys.modules if m.split('.')[0] in ('rich', 'textual', 'typer')))\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
