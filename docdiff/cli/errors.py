"""Turn library errors into one line on stderr and exit code 2."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

import typer

from docdiff.errors import DocdiffError
from docdiff.report.safe import one_line

P = ParamSpec("P")
R = TypeVar("R")

EXIT_ERROR = 2


@dataclass
class _DebugState:
    enabled: bool = False


debug_state = _DebugState()


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Wrap a command so a `DocdiffError` (or an OS error) prints one line and exits 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (DocdiffError, OSError) as exc:
            if debug_state.enabled:
                raise
            print(f"docdiff: error: {one_line(str(exc))}", file=sys.stderr)  # file names are data too
            raise typer.Exit(EXIT_ERROR) from None

    return wrapper
