"""The footer: Textual's, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's footer, which rebuilds its keys only when the keys it would show differ.

    Textual's footer removes and remounts every key whenever the screen's bindings may have
    changed, which is on every change of focus. Starting the review screen moves the focus
    several times with the same keys shown each time; the five rebuilds cost about a fifth of
    the time to the first screen.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._shown: Hashable | None = None

    def _keys(self) -> Hashable:
        """What the footer's keys depend on: the shown bindings, whether each is enabled, the palette key."""
        bindings = tuple(
            (binding.key, self.app.get_key_display(binding), binding.description, binding.action, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )
        palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        palette_enabled = palette[2] if palette is not None else None
        return bindings, palette_enabled, self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE, self.compact

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await super().recompose()
