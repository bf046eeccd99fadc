"""The pair picker (`o`): a modal dialog that returns a series' two versions to compare."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select


class PickerScreen(ModalScreen[tuple[str, str] | None]):
    """Choose a series and two of its versions; returns `(SERIES@OLD, SERIES@NEW)`, or None if cancelled."""

    AUTO_FOCUS = "#series"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, versions: dict[str, list[str]], series: str | None = None) -> None:
        super().__init__()
        self.versions = versions
        self.series = series if series in versions else sorted(versions)[0]

    def compose(self) -> ComposeResult:
        labels = self.versions[self.series]
        with Vertical(id="dialog"):
            yield Label("Open two versions of a stored series (Esc to cancel)")
            # Names come from the store: shown as Text, never read as markup.
            names = [(Text(name), name) for name in sorted(self.versions)]
            yield Select(names, value=self.series, allow_blank=False, id="series")
            with Horizontal(id="versions"):
                yield Select(self._options(labels), value=labels[-2], allow_blank=False, id="old")
                yield Label(" → ")
                yield Select(self._options(labels), value=labels[-1], allow_blank=False, id="new")
            yield Label("", id="picker-hint", classes="hint")
            yield Button("Open", variant="primary", id="open")

    @staticmethod
    def _options(labels: list[str]) -> list[tuple[Text, str]]:
        return [(Text(label), label) for label in labels]

    @on(Select.Changed, "#series")
    def _series_changed(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str) or event.value == self.series:
            return
        self.series = event.value
        labels = self.versions[self.series]
        for widget_id, value in (("#old", labels[-2]), ("#new", labels[-1])):
            select: Select[str] = self.query_one(widget_id, Select)
            select.set_options(self._options(labels))
            select.value = value

    @on(Button.Pressed, "#open")
    def action_open(self) -> None:
        """Return the chosen pair, if it is two different versions."""
        old = self.query_one("#old", Select).value
        new = self.query_one("#new", Select).value
        if not isinstance(old, str) or not isinstance(new, str) or old == new:
            self.query_one("#picker-hint", Label).update("Choose two different versions.")
            return
        labels = self.versions[self.series]
        if labels.index(old) > labels.index(new):  # compare in time order, whichever way they were picked
            old, new = new, old
        self.dismiss((f"{self.series}@{old}", f"{self.series}@{new}"))

    def action_cancel(self) -> None:
        self.dismiss(None)
