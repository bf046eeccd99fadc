"""Modal dialogs that return values: help, search, export."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static


class HelpScreen(ModalScreen[None]):
    """Every key, with what it does."""

    AUTO_FOCUS = "#help-scroll"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def __init__(self, bindings: list[tuple[str, str]]) -> None:
        super().__init__()
        self.keys = bindings

    def compose(self) -> ComposeResult:
        table = Table(title="docdiff keys", show_header=False, box=None, padding=(0, 2))
        for key, description in self.keys:
            table.add_row(Text(key, style="bold"), Text(description))  # "[" is a key, not markup
        with Vertical(id="dialog"):
            # Scrolls (↑ ↓ PgUp PgDn) where the keys do not fit, as at 80×24.
            with VerticalScroll(id="help-scroll"):
                yield Static(table)
            yield Label("↑ ↓ to scroll, ? or Esc to close.", classes="hint")


class SearchScreen(ModalScreen[str | None]):
    """Ask for text to find; returns it, or None if cancelled."""

    AUTO_FOCUS = "#query"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, last: str = "") -> None:
        super().__init__()
        self.last = last  # the previous search, so `/` Enter finds its next match

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Find text in any section; ９０ finds 90 (Enter: next match, Esc: cancel):")
            yield Input(placeholder="e.g. 加装电梯 or 35.46%", value=self.last, id="query")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportScreen(ModalScreen[tuple[str, Path] | None]):
    """Ask for a format and a file; returns them, or None if cancelled."""

    AUTO_FOCUS = "#path"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default_stem: str = "docdiff-comparison") -> None:
        super().__init__()
        self.default_stem = default_stem

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Export the comparison")
            with RadioSet(id="format"):
                yield RadioButton("Markdown", value=True, id="markdown")
                yield RadioButton("JSON", id="json")
            yield Input(value=f"{self.default_stem}.md", id="path")
            yield Button("Export", variant="primary", id="export")

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        path = self.query_one("#path", Input)
        suffix = ".json" if event.pressed.id == "json" else ".md"
        path.value = str(Path(path.value).with_suffix(suffix))

    def on_input_submitted(self) -> None:
        self._finish()

    def on_button_pressed(self) -> None:
        self._finish()

    def _finish(self) -> None:
        pressed = self.query_one("#format", RadioSet).pressed_button
        kind = "json" if pressed is not None and pressed.id == "json" else "markdown"
        self.dismiss((kind, Path(self.query_one("#path", Input).value)))

    def action_cancel(self) -> None:
        self.dismiss(None)
