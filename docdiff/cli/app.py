"""The `docdiff` command: a thin shell over `docdiff.api`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from docdiff import __version__
from docdiff.cli import blame, compare, dupes, facts, sections, snap, timeline, tui
from docdiff.cli.errors import debug_state
from docdiff.cli.usage import OneLineUsageGroup

app = typer.Typer(
    name="docdiff",
    cls=OneLineUsageGroup,  # a bad option or argument is one line and exit 2, like every error
    help="Compare successive versions of long Chinese policy documents.",
    no_args_is_help=True,
    # -h as well as --help, inherited by every command; --install-completion for the user's shell.
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain click help: rich-formatted help imports rich and markdown-it (~3x the start-up of typer).
    rich_markup_mode=None,
)
app.command(name="blame")(blame.blame)
app.command(name="compare")(compare.compare)
app.command(name="dupes")(dupes.dupes)
app.command(name="facts")(facts.facts)
app.command(name="sections")(sections.sections)
app.add_typer(snap.app, name="snap")
app.command(name="timeline")(timeline.timeline)
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
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Recompute every analysis instead of reusing cached ones.")
    ] = False,
) -> None:
    """docdiff: sections, text, targets, phrases, projects and duplicates between document versions."""
    debug_state.enabled = debug
    if no_cache:  # only then: the cache package loads the core, which `--help` must not
        from docdiff.cache.folder import set_enabled

        set_enabled(False)
    elif (loaded := sys.modules.get("docdiff.cache.folder")) is not None:
        loaded.set_enabled(True)  # an earlier run in this process may have turned it off


def main() -> None:
    """Console-script entry point."""
    sys.exit(app())  # pragma: no cover
