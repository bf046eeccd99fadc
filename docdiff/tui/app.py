"""The docdiff review app: bindings, screens and command palette wiring only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from docdiff.store.store import Store
from docdiff.tui.screens.dialogs import HelpScreen
from docdiff.tui.screens.review import ReviewScreen
from docdiff.tui.screens.series import SeriesScreen


class DocdiffApp(App[None]):
    """Browse the comparison of two versions: sections, edits, facts, duplicates."""

    CSS_PATH = "app.tcss"
    TITLE = "docdiff"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
        # Listed in the help screen (?); the footer at 80 columns has no room left.
        Binding("5", "series", "Series", show=False),
    ]

    def __init__(self, old: str, new: str, store: Store | None = None) -> None:
        super().__init__()
        self.old, self.new, self.store = old, new, store

    def get_default_screen(self) -> Screen[None]:
        return ReviewScreen(self.old, self.new, self.store)

    def action_series(self) -> None:
        """The timeline of the series the old document belongs to."""
        if isinstance(self.screen, SeriesScreen):
            return
        from docdiff.timeline.series import series_holding

        store = self.store or Store()
        self.push_screen(SeriesScreen(series_holding(store, self.old), store))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        screen = self.screen
        keys = [
            (b.key_display or b.key, b.description)
            for b in [*screen.BINDINGS, *self.BINDINGS]
            if isinstance(b, Binding)
        ]
        keys += [
            ("1–4 / Tab", "switch tabs"),
            ("↑ ↓ Enter", "move in the tree and tables; Enter jumps to the text"),
            ("Ctrl+P", "command palette"),
        ]
        self.push_screen(HelpScreen(keys))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ReviewScreen):
            for binding in screen.BINDINGS:
                if isinstance(binding, Binding) and binding.description:
                    action = binding.action
                    yield SystemCommand(
                        binding.description,
                        f"key {binding.key_display or binding.key}",
                        lambda action=action, screen=screen: screen.run_action(action),
                    )
        yield SystemCommand("Help", "every key (?)", self.action_help)
