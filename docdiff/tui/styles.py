"""Rich styles for the report view's style names, shared by the summary tab."""

from __future__ import annotations

from docdiff.cli.render import STYLES

__all__ = ["STYLES"]
