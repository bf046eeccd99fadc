"""The review screen: header, tabs (sections with their diff, facts, duplicates, summary), footer."""

from __future__ import annotations

from typing import ClassVar, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, LoadingIndicator, Static, TabbedContent, TabPane, Tree

from docdiff.comparison import Comparison
from docdiff.errors import DocdiffError
from docdiff.models import Document, Span
from docdiff.report.styles import styled_runs
from docdiff.report.view import Line, fact_lines, holding_pair, summary_lines
from docdiff.store.store import Store, is_reference
from docdiff.tui.find import contains
from docdiff.tui.messages import ComparisonFailed, ComparisonProgress, ComparisonReady
from docdiff.tui.pair import STEPS, cached_pair, compare_pair
from docdiff.tui.widgets.diff_view import DiffView, section_text
from docdiff.tui.widgets.doc_header import DocHeader
from docdiff.tui.widgets.dupes_table import DupesTable
from docdiff.tui.widgets.facts_table import FactsTable
from docdiff.tui.widgets.footer import KeysFooter
from docdiff.tui.widgets.section_tree import FILTERS, SectionTree

TABS = ("sections", "facts", "duplicates", "summary")


def _text(lines: list[Line]) -> Text:
    """Report lines as one rich Text, styled as the terminal report styles them."""
    return Text.assemble(*(part for line in lines for part in (Text.assemble(*styled_runs(line)), "\n")))


def _label(source: str) -> str | None:
    """A stored version's label (`national-gwr@2021` → `2021`), shown beside its title."""
    return source.rsplit("@", 1)[1] if is_reference(source) else None


class ReviewScreen(Screen[None]):
    """Compare two versions in a worker, then browse the result."""

    # At 80 columns the footer holds six keys and the palette: q and ? first, so they always show;
    # the rest are in the help screen (?) and the command palette.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "app.help", "Help", key_display="?"),
        Binding("n", "next_change", "Next change"),
        Binding("p", "previous_change", "Prev change", show=False),
        Binding("right_square_bracket", "next_section", "Next section", key_display="]"),
        Binding("left_square_bracket", "previous_section", "Prev section", key_display="[", show=False),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("o", "app.open_pair", "Open"),
        Binding("s", "toggle_layout", "Side/inline", show=False),
        Binding("a", "toggle_full_text", "All text", show=False),
        Binding("f", "filter", "Filter", show=False),
        Binding("k", "kind_filter", "Fact kind", show=False),
        Binding("c", "copy", "Copy", show=False),
        Binding("e", "export", "Export", show=False),
        Binding("1", "tab('sections')", "Sections", show=False),
        Binding("2", "tab('facts')", "Facts", show=False),
        Binding("3", "tab('duplicates')", "Duplicates", show=False),
        Binding("4", "tab('summary')", "Summary", show=False),
        Binding("tab", "next_tab", "Next tab", show=False),
    ]

    def __init__(self, old: str, new: str, store: Store | None = None) -> None:
        super().__init__()
        self.old_source, self.new_source = old, new
        self.store = store
        self.comparison: Comparison | None = None
        self.old_doc: Document | None = None
        self.new_doc: Document | None = None
        self.pair_index: int | None = None
        self.filled: set[str] = set()  # the tabs other than sections filled from this comparison

    def compose(self) -> ComposeResult:
        yield DocHeader("Comparing…", id="doc-header")
        with TabbedContent(id="tabs", initial="sections"):
            with TabPane("Sections [1]", id="sections"), Horizontal():
                yield SectionTree(id="tree")
                yield DiffView(id="diff")
            with TabPane("Facts [2]", id="facts"):
                yield Static("", id="facts-filter")
                yield FactsTable(id="facts-table")
            with TabPane("Duplicates [3]", id="duplicates"):
                yield DupesTable(id="dupes-table")
            with TabPane("Summary [4]", id="summary"), VerticalScroll(id="summary-scroll"):
                yield Static("", id="summary-text")
        yield LoadingIndicator(id="loading")
        yield KeysFooter()

    async def on_mount(self) -> None:
        # A pair compared before is shown before the first frame; any other is compared in a worker.
        ready = cached_pair(self.old_source, self.new_source, self.store)
        if ready is not None:
            await self.on_comparison_ready(ready)
        else:
            self.query_one("#tabs").display = False
            self.run_comparison()

    def open(self, old: str, new: str) -> None:
        """Compare two other versions in this screen (the picker's choice); the widgets refill when it is ready."""
        self.old_source, self.new_source = old, new
        self.comparison = self.old_doc = self.new_doc = None
        self.pair_index = None
        self.filled = set()
        self.query_one("#tabs").display = False
        self.query_one("#loading").display = True
        self.query_one(DocHeader).update(Text(f"Comparing {old} → {new}…"))
        ready = cached_pair(old, new, self.store)
        if ready is not None:
            self.post_message(ready)
        else:
            self.run_comparison()

    @work(thread=True, exclusive=True, group="compare")
    def run_comparison(self) -> None:
        """Read both versions and compare them off the UI thread; only posts messages."""
        try:
            self.post_message(compare_pair(self.old_source, self.new_source, self.store, self._progress))
        except (DocdiffError, OSError) as exc:
            self.post_message(ComparisonFailed(str(exc)))

    def _progress(self, step: int, name: str) -> None:
        self.post_message(ComparisonProgress(step, len(STEPS), name))

    def on_comparison_progress(self, message: ComparisonProgress) -> None:
        if self.comparison is None:  # a late message from a worker whose pair is shown already
            step = f"step {message.step + 1} of {message.steps}: {message.name}…"
            self.query_one(DocHeader).update(Text(f"Comparing {self.old_source} → {self.new_source}\n{step}"))

    async def on_comparison_ready(self, message: ComparisonReady) -> None:
        self.comparison, self.old_doc, self.new_doc = message.comparison, message.old, message.new
        self.query_one("#loading").display = False
        self.query_one("#tabs").display = True
        self.query_one(DocHeader).show(message.comparison, _label(self.old_source), _label(self.new_source))
        tree = self.query_one(SectionTree)
        tree.load(message.comparison)
        self.filled = set()
        self._fill(self.query_one(TabbedContent).active)  # the other tabs fill when first shown
        self._show_filters()
        first = next((i for i in tree.indices() if message.comparison.sections[i].sentences), None)
        tree.focus()
        if first is not None:
            # The tree lays out its rows on the next refresh; select then, and show the diff now.
            await self.show_pair(first, move_tree=False)
            self.call_after_refresh(tree.select_index, first)

    def _fill(self, tab: str) -> None:
        """Fill a tab from the comparison the first time it is shown.

        The facts table measures every wrapped cell to size its rows (about a second for the
        seeds' 600 facts): done for a hidden tab it delayed the first screen by as much.
        """
        if self.comparison is None or tab in self.filled:
            return
        self.filled.add(tab)
        if tab == "facts":
            self.query_one(FactsTable).load(self.comparison)
        elif tab == "duplicates":
            self.query_one(DupesTable).load(self.comparison)
        elif tab == "summary":
            self.query_one("#summary-text", Static).update(
                _text([*summary_lines(self.comparison), (), *fact_lines(self.comparison)])
            )

    def on_comparison_failed(self, message: ComparisonFailed) -> None:
        self.query_one("#loading").display = False
        self.query_one(DocHeader).update(Text(f"Cannot compare: {message.error}", style="bold red"))
        self.notify(message.error, title="Cannot compare", severity="error", timeout=10, markup=False)

    # -- sections and changes --------------------------------------------------------------

    async def show_pair(self, index: int, change: int = 0, move_tree: bool = True) -> None:
        """Show a section pair's diff (and select it in the tree)."""
        assert self.comparison is not None
        self.pair_index = index
        if move_tree:
            self.query_one(SectionTree).select_index(index)
        await self.query_one(DiffView).show(self.comparison.sections[index], self.old_doc, self.new_doc, change)

    @on(Tree.NodeHighlighted, "#tree")
    async def _highlighted(self, event: Tree.NodeHighlighted[int]) -> None:
        if event.node is not self.query_one(SectionTree).cursor_node or not self.query_one(SectionTree).has_focus:
            return  # a stale event, or the tree moved by the program rather than the reader
        if event.node.data is not None and event.node.data != self.pair_index:
            await self.show_pair(event.node.data, move_tree=False)

    def _changed_pairs(self) -> list[int]:
        assert self.comparison is not None
        return [i for i in self._order() if self.comparison.sections[i].sentences]

    async def action_next_change(self) -> None:
        if self.comparison is None:
            return
        diff = self.query_one(DiffView)
        if await diff.focus_change(diff.current + 1):
            return
        later = self._split(self._changed_pairs())[1]
        if later:
            await self.show_pair(later[0])
        else:
            self.notify("No more changes", timeout=2)

    async def action_previous_change(self) -> None:
        if self.comparison is None:
            return
        diff = self.query_one(DiffView)
        if diff.current > 0 and await diff.focus_change(diff.current - 1):
            return
        earlier = self._split(self._changed_pairs())[0]
        if earlier:
            await self.show_pair(earlier[-1], change=len(self.comparison.sections[earlier[-1]].sentences) - 1)
        else:
            self.notify("No earlier changes", timeout=2)

    def _order(self) -> list[int]:
        return self.query_one(SectionTree).indices()

    def _split(self, candidates: list[int]) -> tuple[list[int], list[int]]:
        """Candidates before and after the shown pair, in tree order."""
        order = self._order()
        if self.pair_index not in order:
            return [], [i for i in candidates if i in order]
        position = {index: k for k, index in enumerate(order)}
        here = position[self.pair_index]
        return (
            [i for i in candidates if position.get(i, here) < here],
            [i for i in candidates if position.get(i, here) > here],
        )

    async def action_next_section(self) -> None:
        later = self._split(self._order())[1]
        if later:
            await self.show_pair(later[0])

    async def action_previous_section(self) -> None:
        earlier = self._split(self._order())[0]
        if earlier:
            await self.show_pair(earlier[-1])

    async def action_toggle_full_text(self) -> None:
        await self.query_one(DiffView).toggle_full_text()

    async def action_toggle_layout(self) -> None:
        await self.query_one(DiffView).toggle_layout()

    # -- filters, search, copy, export -----------------------------------------------------

    async def action_filter(self) -> None:
        if self.comparison is None:
            return
        active = self.query_one(TabbedContent).active
        if active == "facts":
            self.query_one(FactsTable).cycle_status()
        else:
            tree = self.query_one(SectionTree)
            status = FILTERS[(FILTERS.index(tree.status_filter) + 1) % len(FILTERS)]
            tree.load(self.comparison, status)
            shown = tree.indices()
            if shown:
                await self.show_pair(shown[0])
            else:
                await self.query_one(DiffView).show(None, None, None)
        self._show_filters()

    def action_kind_filter(self) -> None:
        if self.comparison is not None:
            self.query_one(FactsTable).cycle_kind()
            self._show_filters()

    def _show_filters(self) -> None:
        table = self.query_one(FactsTable)
        tree = self.query_one(SectionTree)
        self.query_one("#facts-filter", Static).update(
            Text.assemble(
                ("status: ", "dim"),
                table.status_filter,
                ("   kind: ", "dim"),
                table.kind_filter,
                ("   (f / k to filter, Enter to jump to the text)", "dim"),
            )
        )
        self.query_one(TabbedContent).get_tab("sections").label = f"Sections [1] · {tree.status_filter}"

    def action_search(self) -> None:
        from docdiff.tui.screens.dialogs import SearchScreen  # dialogs load when first opened (see app.action_help)

        if self.comparison is not None:
            self.app.push_screen(SearchScreen(self.query_one(DiffView).search_query or ""), self._search)

    async def _search(self, query: str | None) -> None:
        """Show the next section holding `query` (width and case folded), with every match highlighted."""
        if not query or self.comparison is None:
            return
        diff = self.query_one(DiffView)
        order = self._order()
        here = order.index(self.pair_index) if self.pair_index in order else -1
        # The section shown counts too, from the change after the current one: a repeated search walks on.
        after_current = diff.current + 1 if here >= 0 and query == diff.search_query else 0
        candidates = ([order[here]] if here >= 0 else []) + order[here + 1 :] + order[: max(here, 0)]
        for index in candidates:
            pair = self.comparison.sections[index]
            first = after_current if index == self.pair_index else 0
            for k, sentence in enumerate(pair.sentences[first:], start=first):
                old = "".join(p.text for p in sentence.pieces if p.op != "insert")
                new = "".join(p.text for p in sentence.pieces if p.op != "delete")
                if contains(old, query) or contains(new, query):
                    await self._show_match(index, query, k)
                    return
        for index in candidates[1:] + candidates[:1]:  # then the unchanged text of every section
            if contains(self._section_text(index), query):
                await self._show_match(index, query, 0)
                return
        self.notify(f"“{query}” is not in any section", severity="warning", timeout=3, markup=False)

    async def _show_match(self, index: int, query: str, change: int) -> None:
        self.action_tab("sections")
        self.query_one(DiffView).search_query = query
        await self.show_pair(index, change=change)

    def _section_text(self, index: int) -> str:
        assert self.comparison is not None
        pair = self.comparison.sections[index]
        ref = pair.new or pair.old
        return section_text(pair, self.old_doc, self.new_doc) if ref and ref.level > 0 else ""

    def action_copy(self) -> None:
        passage = self.query_one(DiffView).current_passage()
        if passage:
            self.app.copy_to_clipboard(passage)
            self.notify(f"Copied {len(passage)} characters", timeout=2)

    def action_export(self) -> None:
        from docdiff.tui.screens.dialogs import ExportScreen

        if self.comparison is not None:
            self.app.push_screen(ExportScreen(), self._export)

    def _export(self, choice: tuple[str, object] | None) -> None:
        if choice is None or self.comparison is None:
            return
        kind, path = choice
        from docdiff.report.markdown import render_markdown  # only when exporting

        text = self.comparison.to_json() if kind == "json" else render_markdown(self.comparison)
        try:
            with open(str(path), "w", encoding="utf-8") as out:
                out.write(text)
        except OSError as exc:
            self.notify(f"Cannot write {path}: {exc.strerror}", severity="error", markup=False)
            return
        self.notify(f"Exported {kind} to {path}", timeout=3, markup=False)

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self._focus_tab(tab)

    def action_next_tab(self) -> None:
        tabs = self.query_one(TabbedContent)
        self.action_tab(TABS[(TABS.index(tabs.active) + 1) % len(TABS)] if tabs.active in TABS else TABS[0])

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._focus_tab(event.pane.id or "sections")

    def _focus_tab(self, tab: str) -> None:
        """Focus the tab's main widget, so focus left in a hidden tab does not switch back to it."""
        self._fill(tab)
        target = {
            "sections": "#tree",
            "facts": "#facts-table",
            "duplicates": "#dupes-table",
            "summary": "#summary-scroll",
        }
        self.query_one(target.get(tab, "#tree")).focus()

    # -- jumping from facts and duplicates ---------------------------------------------------

    @on(DataTable.RowSelected, "#facts-table")
    async def _fact_selected(self) -> None:
        fact = self.query_one(FactsTable).selected_fact()
        if fact is not None:
            if fact.new is not None:
                await self.jump_to(fact.new.span, "new")
            elif fact.old is not None:
                await self.jump_to(fact.old.span, "old")

    @on(DataTable.RowSelected, "#dupes-table")
    async def _dupe_selected(self) -> None:
        group = self.query_one(DupesTable).selected_group()
        if group is not None:
            first = group.occurrences[0]
            await self.jump_to(first.span, "new" if first.doc == "new" else "old")

    async def jump_to(self, span: Span, side: Literal["old", "new"]) -> None:
        """Show the deepest section holding a span, at the change that holds it."""
        if self.comparison is None:
            return
        found = holding_pair(self.comparison, span, side)
        if found is None:
            self.notify("That text is in no section", severity="warning")
            return
        pair = self.comparison.sections[found]
        change = 0
        for k, sentence in enumerate(pair.sentences):
            where = sentence.new_span if side == "new" else sentence.old_span
            if where and where[0] <= span[0] < where[1]:
                change = k
                break
        tree = self.query_one(SectionTree)
        if found not in tree.indices():
            tree.load(self.comparison, "all")
            self._show_filters()
        self.action_tab("sections")
        await self.show_pair(found, change=change)
