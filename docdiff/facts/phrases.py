"""Phrases: quoted terms, titles, numbered formulas and recurring slogans."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from docdiff.textshape import CN_DIGITS, Substrings

# A quoted term is short and holds no sentence punctuation; a quoted remark is speech, not a term.
_QUOTED = re.compile(r"[“「『]([^“”「」『』\n，。！？；：,!?;]{2,24})[”」』]")
_TITLE = re.compile(r"《([^《》\n]{2,60})》")
# 五个中心, 四大功能, 八大计划: one Chinese numeral, 个/大/项, and a short noun ending the phrase.
# A formula counts a few parts; a numeral of two characters or more numbers a congress or a plan
# in its sequence (`十九大精神`, `二十大报告`: the nineteenth), it does not count anything.
_FORMULA = re.compile(
    rf"(?<![{CN_DIGITS}万])([二三四五六七八九十两](?:个|大|项)[\u4e00-\u9fff]{{2}})(?=[^\u4e00-\u9fff\d]|的|和|与|及|建|为|$)"
)
# What a formula said as a count ends on or follows: the items it sums, listed just before it in
# its clause (`空间、规模、产业三大结构`, `“…、返乡创业”六项计划`), or a pointer to the items that follow
# (`以下八个方面`). A named set is said on its own (`落实中央八项规定`, `打好三大攻坚战`).
_COUNTED = re.compile(r"(?:、[^，。；：！？、\n]{1,12}|[”」』]|以下|如下)$")
# A slogan: two parallel parts joined by 、 (上海北外滩、都市新标杆), counted when it recurs.
_SLOGAN = re.compile(
    r"(?<![\u4e00-\u9fff])(?![和及与的在对将])[\u4e00-\u9fff]{4,6}、[\u4e00-\u9fff]{4,6}(?![\u4e00-\u9fff])"
)
# An honour a place or a person won, quoted as its title: a national title (`全国群众满意乡镇卫生院`,
# `全国家庭教育工作示范社区`) or a prize (`科技进步奖`). A result of the year, not a formulation.
_HONOUR = re.compile(r"全国[\u4e00-\u9fff]{5,}|[\u4e00-\u9fff]{2,}奖")
_DROP = str.maketrans("", "", "“”「」『』《》\"' \u3000")


@dataclass(frozen=True)
class FoundPhrase:
    """A phrase in a text: offsets relative to that text."""

    start: int
    end: int
    form: str
    style: str


def phrase_form(text: str) -> str:
    """The form phrases are matched by: quotes and spaces dropped."""
    return text.translate(_DROP)


class SloganMatcher:
    """Finds a document's slogans in a text as one alternation of them, longest first, would
    (leftmost match, the longest at its start, then on after it), by set lookups.

    Every slogan is `X、Y` (see `_SLOGAN`), so a match is found from each `、` by looking up the
    few strings of that shape around it: the cost is that of the text, whereas an alternation
    of thousands of slogans (a long document recurs in many) tries each at every position."""

    def __init__(self, slogans: set[str]) -> None:
        self._slogans = frozenset(slogans)
        lefts = {s.index("、") for s in slogans}
        rights = {len(s) - s.index("、") - 1 for s in slogans}
        self._lefts = sorted(lefts, reverse=True)
        self._rights = sorted(rights, reverse=True)

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """Spans of the matches, in order, none overlapping."""
        found: dict[int, int] = {}  # start → end of the longest slogan starting there
        mark = text.find("、")
        while mark >= 0:
            for left in self._lefts:
                start = mark - left
                if start < 0:
                    continue
                for right in self._rights:
                    end = mark + 1 + right
                    longer = end <= len(text) and end > found.get(start, start)
                    if longer and text[start:end] in self._slogans:
                        found[start] = end
            mark = text.find("、", mark + 1)
        after = 0
        for start in sorted(found):
            if start >= after:
                after = found[start]
                yield start, after


def slogan_pattern(slogans: set[str]) -> SloganMatcher | None:
    """What finds a document's slogans in its sentences, built once (None: it has none)."""
    return SloganMatcher(slogans) if slogans else None


def find_phrases(text: str, slogans: SloganMatcher | None) -> list[FoundPhrase]:
    """Quoted terms, titles, formulas, and occurrences of the document's recurring slogans."""
    found: list[FoundPhrase] = []
    taken: list[tuple[int, int]] = []
    for pattern, style in ((_QUOTED, "quoted"), (_TITLE, "title")):
        for match in pattern.finditer(text):
            taken.append(match.span())
            if style == "quoted" and _HONOUR.fullmatch(match.group(1)):
                continue
            found.append(FoundPhrase(match.start(), match.end(), phrase_form(match.group(1)), style))
    for match in _FORMULA.finditer(text):
        if not any(s <= match.start() < e for s, e in taken) and not _counts_items(text, match.start()):
            found.append(FoundPhrase(match.start(1), match.end(1), match.group(1), "formula"))
    if slogans is not None:
        for start, end in slogans.finditer(text):
            if not any(s <= start < e for s, e in taken):
                found.append(FoundPhrase(start, end, text[start:end], "slogan"))
    return sorted(found, key=lambda p: p.start)


def _counts_items(text: str, start: int) -> bool:
    """Whether the formula at `start` sums the items of its clause (see `_COUNTED`: its last item
    is at most 12 characters, so the 13 before `start` hold its mark)."""
    return bool(_COUNTED.search(text, max(0, start - 13), start))


def recurring_slogans(*texts: str, at_least: int = 2) -> set[str]:
    """`X、Y` slogans of short parallel parts that recur as a unit: twice in one text, once in
    each of several texts, or sharing a part with a quoted slogan (`“上海北外滩、浦江金三角”`
    anchors `上海北外滩、都市新标杆` when the slogan's second part changes)."""
    counts = [Counter(match.group() for match in _SLOGAN.finditer(text)) for text in texts]
    slogans = {slogan for count in counts for slogan, n in count.items() if n >= at_least}
    if len(counts) > 1:
        shared = set(counts[0])
        for count in counts[1:]:
            shared &= set(count)
        slogans |= shared
    anchors = {
        part
        for text in texts
        for m in _QUOTED.finditer(text)
        if "、" in m.group(1)
        for part in m.group(1).split("、")
        if len(part) >= 4
    }
    slogans |= {slogan for count in counts for slogan in count if anchors & set(slogan.split("、"))}
    return slogans


def said_unquoted(text: Substrings, other: str) -> list[tuple[int, str]]:
    """Where `text` first says each term `other` quotes (or titles) that `text` never quotes, with
    the term: one version may quote a term the other says plainly (`“绿水青山就是金山银山”` against
    `牢固树立绿水青山就是金山银山发展理念`, `“三公”` against `“三公经费”`), and the term is then
    kept, neither added nor dropped."""
    found = []
    for form in _quoted_forms(other) - _quoted_forms(text.text):
        at = text.find(form)  # indexed: a long text asked about thousands of terms is not scanned for each
        if at >= 0:
            found.append((at, form))
    return sorted(found)


def _quoted_forms(text: str) -> set[str]:
    """The forms of a text's quoted terms and titles."""
    return {phrase_form(m.group(1)) for pattern in (_QUOTED, _TITLE) for m in pattern.finditer(text)}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted terms and titles (quantities inside them are names, not targets)."""
    return [m.span() for m in _QUOTED.finditer(text)] + [m.span() for m in _TITLE.finditer(text)]
