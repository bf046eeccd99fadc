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
