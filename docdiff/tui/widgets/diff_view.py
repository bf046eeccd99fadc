"""The diff of one aligned section: side by side (old | new) or inline, sentence by sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.widgets import Static

from docdiff.comparison import SectionPair, SentenceChange
from docdiff.models import Document
from docdiff.report.safe import one_line, visible
from docdiff.report.view import pair_evidence, pair_name
from docdiff.tui.find import find_all, highlight

# A short changed piece holding a digit is a changed number: it gets a solid highlight.
_NUMBER = re.compile(r"^\D{0,2}\d[\d.,%]*\S{0,4}$")
# A section without edits shows what fits in the pane (CJK characters take two cells) until `a`
# asks for all of it: long sections would otherwise cost every move a re-wrap of thousands of
# characters. At least this many characters are shown.
_MIN_PREVIEW_CHARS = 400
# Rows laid out when a section is shown; more follow as the reader scrolls or moves down. Laying
# out every row of a long section (each a table measured to wrap CJK) made a move cost 150 ms.
PAGE_ROWS = 10
# Characters of context shown around a search match found in a section's unchanged text.
_CONTEXT_CHARS = 120
_KINDS = {"changed": "~", "added": "+", "removed": "−", "moved-in": "↪", "moved-out": "↩"}


def _styled(pieces: Sequence[tuple[str, str]], side: str | None) -> Text:
    """Inline (side None) or one side of a sentence's pieces; changed numbers stand out."""
    text = Text()
    for op, raw in pieces:
        piece = visible(raw)  # document text: controls shown, never a terminal command
        if op == "equal":
            text.append(piece)
        elif op == "delete" and side in (None, "old"):
            style = "bold white on red" if _NUMBER.match(piece) else "red strike"
            text.append(piece, style=style)
        elif op == "insert" and side in (None, "new"):
            style = "bold black on green" if _NUMBER.match(piece) else "green"
            text.append(piece, style=style)
    return text


def section_text(pair: SectionPair, old: Document | None, new: Document | None) -> str:
    """A pair's section as printed: its new side, or its old side if it was dropped."""
    ref, doc = (pair.new, new) if pair.new else (pair.old, old)
    return doc.text[ref.span[0] : ref.span[1]] if ref and doc else ""


class PaneText(Static):
    """Text in the diff pane (title, column header, rows, text below), laid out in one pass.

    Textual's default treats a changed virtual size as a reason to lay the screen out again,
    though the sizes come from the pass that just ran: a section move (new title, rows and text,
    so new sizes) cost two layout passes and a third frame, each waiting for the frame timer.
    Nothing here watches its virtual size, so the sizes are recorded without another pass.
    """

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class ChangeRow(PaneText):
    """One changed sentence, rendered as one widget: two columns side by side, or one inline."""

    DEFAULT_CSS = """
    ChangeRow { height: auto; padding: 0 1; }
    ChangeRow.current { background: $boost; border-left: thick $accent; }
    """

    def __init__(self, change: SentenceChange, index: int, side_by_side: bool, query: str | None = None) -> None:
        self.change = change
        self.index = index
        self.side_by_side = side_by_side
        self.search_query = query
        self.body = self._renderable()
        super().__init__(self.body, classes="change-row")

    def set_change(self, change: SentenceChange, index: int, side_by_side: bool, query: str | None = None) -> None:
        """Show another sentence in this row (rows are reused, not remounted, when moving)."""
        self.change, self.index, self.side_by_side, self.search_query = change, index, side_by_side, query
        self.body = self._renderable()
        self.update(self.body)

    def _renderable(self) -> Table | Text:
        pieces = [(p.op, p.text.replace("\n", "¶")) for p in self.change.pieces]
        mark = _KINDS[self.change.kind]
        if not self.side_by_side:
            return Text.assemble((f"{mark} ", "dim"), highlight(_styled(pieces, None), self.search_query))
        kind = self.change.kind
        old = Text() if kind == "added" else highlight(_styled(pieces, "old"), self.search_query)
        new = Text() if kind in ("removed", "moved-out") else highlight(_styled(pieces, "new"), self.search_query)
        if kind == "moved-out":
            new = Text("↪ moved to another section", style="italic yellow")
        elif kind == "moved-in":
            old = Text.assemble(("↩ moved here from another section\n", "italic yellow"), old)
        grid = Table.grid(expand=True, padding=(0, 1))
        # CJK text has no spaces to break at: fold it at any character, never cut it off.
        grid.add_column(width=1, style="dim")
        grid.add_column(ratio=1, overflow="fold")
        grid.add_column(width=1, style="dim")
        grid.add_column(ratio=1, overflow="fold")
        grid.add_row(mark, old, "│", new)
        return grid

    def passage(self) -> str:
        """The sentence as it reads now (or did, for a removed one)."""
        if self.change.kind in ("removed", "moved-out"):
            return "".join(p.text for p in self.change.pieces if p.op != "insert")
        return "".join(p.text for p in self.change.pieces if p.op != "delete")


class DiffView(VerticalScroll):
    """The changes of the selected section, with a current change that `n`/`p` move.

    Its rows are reused from section to section (updated in place, surplus ones hidden), so
    moving between sections changes content rather than rebuilding widgets.
    """

    DEFAULT_CSS = """
    DiffView { width: 1fr; overflow-x: hidden; overflow-y: scroll; }
    DiffView > .title { text-style: bold; padding: 0 1; background: $panel; width: 100%; }
    DiffView > .plain { padding: 0 1; color: $text-muted; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.side_by_side = True
        self.pair: SectionPair | None = None
        self.current = -1
        self.count = 0
        self.new_doc: Document | None = None
        self.old_doc: Document | None = None
        self.pool: list[ChangeRow] = []
        self.full_text = False
        self.search_query: str | None = None  # the last search, highlighted wherever it is shown
        self.shown = 0  # rows laid out so far (the first pages of the section's changes)
        self.below = Text()  # what the pane shows under the rows (more to come, a match, unedited text)

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        # As for PaneText: the scrollbars still follow the new virtual size (Widget._scroll_update).
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def compose(self):  # type: ignore[no-untyped-def]
        yield PaneText("Select a section.", classes="title", id="diff-title")
        yield PaneText(_columns_header(), classes="plain", id="diff-header")
        yield PaneText("", classes="plain", id="diff-body")

    async def show(
        self, pair: SectionPair | None, old: Document | None, new: Document | None, current: int = 0
    ) -> None:
        """Display a section's changes; `current` is the change to highlight."""
        self.pair, self.old_doc, self.new_doc = pair, old, new
        title = self.query_one("#diff-title", Static)
        header = self.query_one("#diff-header", Static)
        body = self.query_one("#diff-body", Static)
        changes = pair.sentences if pair else ()
        if pair is None:
            title.update(Text("Select a section."))
        elif pair.evidence is not None and pair.old is not None and pair.old.level > 0:
            title.update(Text.assemble(one_line(pair_name(pair)), ("  paired " + pair_evidence(pair), "dim")))
        else:
            title.update(Text(one_line(pair_name(pair))))
        header.display = self.side_by_side and bool(changes)
        self.count = len(changes)
        self.shown = 0
        for row in self.pool:
            row.set_class(False, "current")
        await self._lay_out(max(PAGE_ROWS, current + PAGE_ROWS // 2))
        self.below = self._body_text(pair, changes)
        body.update(self.below)
        body.display = bool(self.below.plain)
        self.current = -1
        self.scroll_home(animate=False)
        if changes:
            await self.focus_change(max(0, min(current, len(changes) - 1)))

    async def _lay_out(self, wanted: int) -> None:
        """Fill and show the rows of the first `wanted` changes (the pool grows as needed); hide the rest."""
        changes = self.pair.sentences if self.pair else ()
        wanted = min(wanted, len(changes))
        for i in range(self.shown, min(wanted, len(self.pool))):
            self.pool[i].set_change(changes[i], i, self.side_by_side, self.search_query)
        extra = [ChangeRow(changes[i], i, self.side_by_side, self.search_query) for i in range(len(self.pool), wanted)]
        for i, row in enumerate(self.pool):
            row.display = i < wanted
        if extra:
            await self.mount_all(extra, before=self.query_one("#diff-body"))
            self.pool.extend(extra)
        self.shown = max(self.shown, wanted)

    def _body_text(self, pair: SectionPair | None, changes: Sequence[SentenceChange]) -> Text:
        """Below the rows: more changes to come, a search match in unchanged text, or an unedited section's text."""
        if pair is None:
            return Text()
        text = visible(section_text(pair, self.old_doc, self.new_doc))  # controls shown, never sent
        matches = find_all(text, self.search_query) if self.search_query else []
        if changes:
            parts: list[Text | str | tuple[str, str]] = []
            if self.shown < self.count:
                parts.append((f"↓ {self.count - self.shown} more changes (scroll down or n)\n", "dim italic"))
            in_rows = (
                any(find_all(row.passage(), self.search_query) for row in self.rows()) if self.search_query else True
            )
            if matches and not in_rows:
                start, end = matches[0]
                lo, hi = max(0, start - _CONTEXT_CHARS), min(len(text), end + _CONTEXT_CHARS)
                snippet = Text("…" + text[lo:hi].replace("\n", "¶") + "…")
                parts += [
                    (f"“{self.search_query}” in the unchanged text:\n", "dim"),
                    highlight(snippet, self.search_query),
                ]
            return Text.assemble(*parts)
        labels = {"added": "Added section:", "dropped": "Dropped section:"}
        label = labels.get(pair.status, "No changes in this section:")
        stripped = text.strip()
        skipped = len(text) - len(text.lstrip())
        preview = max(_MIN_PREVIEW_CHARS, (self.size.width // 2) * self.size.height)
        start = 0
        if matches and matches[0][1] - skipped > preview and not self.full_text:
            # The match is past what fits: start at its paragraph (or a little before it in a long
            # paragraph) instead of the section's top.
            at = matches[0][0] - skipped
            start = max(stripped.rfind("\n", 0, at) + 1, at - preview // 2, 0)
        shown = stripped if self.full_text else stripped[start : start + preview]
        parts = [f"{label}\n"]
        if start:
            parts.append((f"… {start:,} characters above (a: show all)\n", "dim italic"))
        parts.append(highlight(Text(shown), self.search_query))
        rest = len(stripped) - start - len(shown)
        if rest > 0:
            parts.append((f"… {rest:,} more characters (a: show all)", "dim italic"))
        return Text.assemble(*parts)

    def rows(self) -> list[ChangeRow]:
        """The change rows laid out, in order."""
        return self.pool[: min(self.count, self.shown)]

    async def show_more(self, wanted: int | None = None) -> None:
        """Lay out the next page of rows (or up to change `wanted`)."""
        if self.shown < self.count:
            await self._lay_out(wanted if wanted is not None else self.shown + PAGE_ROWS)
            changes = self.pair.sentences if self.pair else ()
            self.below = self._body_text(self.pair, changes)
            self.query_one("#diff-body", Static).update(self.below)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self.shown < self.count and new >= self.max_scroll_y - 2:
            self.call_later(self.show_more)

    async def focus_change(self, index: int) -> bool:
        """Highlight change `index` and scroll to it; False if there is no such change."""
        if not 0 <= index < self.count:
            return False
        if index >= self.shown:
            await self.show_more(index + PAGE_ROWS // 2)
        rows = self.rows()
        if 0 <= self.current < len(rows):
            rows[self.current].set_class(False, "current")
        rows[index].set_class(True, "current")
        self.current = index
        if index:
            self.scroll_to_widget(rows[index], animate=False, top=False)
        return True

    def current_passage(self) -> str | None:
        """The text of the highlighted change."""
        rows = self.rows()
        return rows[self.current].passage() if 0 <= self.current < len(rows) else None

    async def toggle_full_text(self) -> None:
        """Show all of a long section's text, or only its start again."""
        self.full_text = not self.full_text
        await self.show(self.pair, self.old_doc, self.new_doc, self.current)

    async def toggle_layout(self) -> None:
        """Switch between side by side and inline, keeping the current change."""
        self.side_by_side = not self.side_by_side
        await self.show(self.pair, self.old_doc, self.new_doc, self.current)


def _columns_header() -> Table:
    header = Table.grid(expand=True, padding=(0, 1))
    for width, ratio in ((1, None), (None, 1), (1, None), (None, 1)):
        header.add_column(width=width, ratio=ratio)
    header.add_row("", Text("old", style="bold red"), "│", Text("new", style="bold green"))
    return header
