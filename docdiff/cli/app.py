"""The `docdiff` command: a thin shell over `docdiff.api`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from docdiff import __version__
from docdiff.cli import blame, compare, dupes, facts, sections, snap, tui
from docdiff.cli.errors import debug_state

app = typer.Typer(
    name="docdiff",
    help="Compare successive versions of long Chinese policy documents.",
    no_args_is_help=True,
    # -h as well as --help, inherited by every command; --install-completion for the user's shell.
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=True,
    pretty_exceptions_enable=False,
)
app.command(name="blame")(blame.blame)
app.command(name="compare")(compare.compare)
app.command(name="dupes")(dupes.dupes)
app.command(name="facts")(facts.facts)
app.command(name="sections")(sections.sections)
app.add_typer(snap.app, name="snap")
app.command(name="tui")(tui.tui)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"docdiff {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    debug: Annotated[bool, typer.Option("--debug", help="Show full tracebacks on errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """docdiff: sections, text, targets, phrases, projects and duplicates between document versions."""
    debug_state.enabled = debug


def main() -> None:
    """Console-script entry point."""
    sys.exit(app())  # pragma: no cover
