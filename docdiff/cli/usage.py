"""Bad command lines as one line on stderr and exit 2, like every other docdiff error.

click prints a usage error as four lines (`Usage: …`, `Try '… -h' for help.`, a blank line,
`Error: …`); docdiff's contract is `docdiff: error: …` on one line. The root group catches the
errors raised while parsing it or any subcommand and makes each show itself that way. (Typer
0.29 bundles its own click, whose classes are private, so the error is caught by typer's public
base class and only its `show` is replaced.)
"""

from __future__ import annotations

from typing import IO, Any

import typer
from typer.core import TyperGroup

from docdiff.report.safe import one_line


def _show_one_line(error: typer.TyperException, file: IO[Any] | None = None) -> None:
    """`docdiff: error: MESSAGE (see 'COMMAND -h')` on stderr; what a user typed is data, so controls are escaped."""
    ctx = getattr(error, "ctx", None)
    hint = f" (see '{ctx.command_path} -h')" if ctx is not None else ""
    message = error.format_message() if hasattr(error, "format_message") else str(error)
    typer.echo(f"docdiff: error: {one_line(message)}{hint}", err=True)


def _one_line(error: typer.TyperException) -> typer.TyperException:
    if type(error).__name__ == "NoArgsIsHelpError":
        return error  # `docdiff` or `docdiff snap` alone: the help is what was asked for
    setattr(error, "show", lambda file=None: _show_one_line(error, file))  # noqa: B010 (an instance's method)
    return error


class OneLineUsageGroup(TyperGroup):
    """The root group: usage errors of the root and of every subcommand print one line."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        """Parse the root's own options (`docdiff --bogus`)."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except typer.TyperException as error:
            raise _one_line(error) from None

    def invoke(self, ctx: Any) -> Any:
        """Resolve and parse the subcommand (`No such command`, a bad option or value, a missing argument)."""
        try:
            return super().invoke(ctx)
        except typer.TyperException as error:
            raise _one_line(error) from None
