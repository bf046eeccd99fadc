"""The tree of aligned sections, each row marked by its status and its number of edits."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from docdiff.comparison import Comparison, SectionPair
from docdiff.report.safe import one_line
from docdiff.report.view import section_name

# Status marks: one character each so rows line up at 80 columns.
MARKS = {
    "added": ("+", "green"),
    "dropped": ("−", "red"),
    "split": ("⑂", "magenta"),
    "merged": ("⑃", "magenta"),
    "renamed": ("≈", "yellow"),
    "moved": ("↕", "cyan"),
    "changed": ("~", "yellow"),
    "matched": ("·", "dim"),
}
FILTERS = ("all", "changed", "added", "dropped", "renamed", "moved", "split", "merged")


def pair_status(pair: SectionPair) -> str:
    """The most telling status of a pair for its mark."""
    if pair.status != "matched":
        return pair.status
    if pair.renamed:
        return "renamed"
    if pair.moved:
        return "moved"
    return "changed" if pair.changed or pair.sentences else "matched"


def matches(pair: SectionPair, status_filter: str) -> bool:
    """Whether a pair passes the status filter."""
    if status_filter == "all":
        return True
    if status_filter == "changed":
        return pair.changed or bool(pair.sentences)
    if status_filter in ("renamed", "moved"):
        return bool(getattr(pair, status_filter))
    return pair.status == status_filter


class SectionTree(Tree[int]):
    """Aligned sections in new-document order (dropped ones where they were); data is the index."""

    DEFAULT_CSS = """
    SectionTree { width: 38%; min-width: 24; border-right: solid $panel; overflow-x: hidden; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("sections", **kwargs)  # type: ignore[arg-type]
        self.show_root = False
        self.guide_depth = 2
        self.comparison: Comparison | None = None
        self.status_filter = "all"
        self.nodes: dict[int, TreeNode[int]] = {}  # pair index → its row, in tree order

    def load(self, comparison: Comparison, status_filter: str = "all") -> None:
        """Fill the tree from a comparison, keeping only pairs that pass the filter."""
        self.comparison = comparison
        self.status_filter = status_filter
        self.clear()
        self.nodes = {}
        front = comparison.sections[0] if comparison.sections else None
        if front is not None and front.sentences and matches(front, status_filter):
            self.nodes[0] = self.root.add_leaf(self.label(front), data=0)  # the front matter, first
        parents: dict[int, TreeNode[int]] = {0: self.root}
        for index, pair in enumerate(comparison.sections):
            ref = pair.new or pair.old
            if ref is None or ref.level == 0 or not matches(pair, status_filter):
                continue
            parent = parents.get(ref.level - 1, self.root) if status_filter == "all" else self.root
            node = parent.add(self.label(pair), data=index, expand=True)
            self.nodes[index] = node
            parents[ref.level] = node
            for deeper in [level for level in parents if level > ref.level]:
                del parents[deeper]
        self._leaves(self.root)

    def _leaves(self, node: TreeNode[int]) -> None:
        """Rows without children get no expand arrow."""
        for child in node.children:
            if child.children:
                self._leaves(child)
            else:
                child.allow_expand = False

    @staticmethod
    def label(pair: SectionPair) -> Text:
        """`~ （一）凝心聚力谋发展  3` with the status mark coloured."""
        mark, style = MARKS[pair_status(pair)]
        ref = pair.new or pair.old
        assert ref is not None
        name = section_name(ref) if not (pair.renamed and pair.old and pair.new) else section_name(pair.new)
        edits = len([e for e in pair.edits if e.direction != "out"])
        text = Text.assemble((f"{mark} ", style), one_line(name))
        if edits:
            text.append(f"  {edits}", style="dim")
        return text

    def indices(self) -> list[int]:
        """Pair indices in tree order."""
        return list(self.nodes)

    def select_index(self, index: int) -> bool:
        """Move the cursor to the row of a pair; False if it is filtered out."""
        node = self.nodes.get(index)
        if node is None:
            return False
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)
        return True
