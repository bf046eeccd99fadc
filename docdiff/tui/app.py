"""The docdiff review app: bindings, screens and command palette wiring only."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from docdiff.store.store import Store
from docdiff.tui.screens.review import ReviewScreen
from docdiff.tui.series import series_versions_or_empty
from docdiff.tui.settings import TuiSettings, load_settings, save_settings


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
        saved = load_settings().theme
        if saved in self.available_themes:
            self.theme = saved

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: Theme) -> None:
        """Keep the theme chosen (from the command palette) for the next run."""
        save_settings(TuiSettings(theme=theme.name))

    def get_default_screen(self) -> Screen[None]:
        return ReviewScreen(self.old, self.new, self.store)

    def action_series(self) -> None:
        """The timeline of the series the old document belongs to."""
        # Imported here: the timeline pulls in numpy, scipy and the whole pipeline, which the
        # review screen (the first screen) does not need.
        from docdiff.timeline.series import series_holding
        from docdiff.tui.screens.series import SeriesScreen

        if isinstance(self.screen, SeriesScreen):
            return

        store = self.store or Store()
        self.push_screen(SeriesScreen(series_holding(store, self.old), store))

    def action_open_pair(self) -> None:
        """Pick a series and two versions from the store, then compare them."""
        from docdiff.tui.screens.picker import PickerScreen  # as the dialogs: its widgets load when first asked for

        versions = series_versions_or_empty(self.store) if self.store is not None else {}
        if not versions:
            self.notify("The store holds no series with two versions", severity="warning")
            return
        current = self.old.split("@", 1)[0] if "@" in self.old else None
        self.push_screen(PickerScreen(versions, current), self._open_pair)

    def _open_pair(self, pair: tuple[str, str] | None) -> None:
        if pair is None:
            return
        self.old, self.new = pair
        review = self.screen
        if isinstance(review, ReviewScreen):
            review.open(self.old, self.new)

    def action_help(self) -> None:
        # The dialogs are imported when first opened: their widgets (inputs, selects, a directory
        # tree) are a tenth of the imports before the first screen, which shows none of them.
        from docdiff.tui.screens.dialogs import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        screen = self.screen
        keys: dict[str, str] = {}  # the screen repeats q and ? so the footer shows them first
        for b in [*screen.BINDINGS, *self.BINDINGS]:
            if isinstance(b, Binding):
                keys.setdefault(b.key_display or b.key, b.description)
        keys.update(
            {
                "1–4 / Tab": "switch tabs",
                "↑ ↓ Enter": "move in the tree and tables; Enter jumps to the text",
                "Ctrl+P": "command palette (also: change theme, kept for the next run)",
            }
        )
        self.push_screen(HelpScreen(list(keys.items())))

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
