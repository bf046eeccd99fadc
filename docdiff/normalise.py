"""Normalise decoded text for comparison, keeping a map back to the original offsets.

The normalised text is built only by deleting characters, substituting one character for
one character, or inserting a separator that stands for a deleted line break, so every
normalised character has exactly one origin and the origins increase. Spans computed on the
normalised text therefore map back to `text[start:end]` of the text as read.

Repairs are rules about the shape of text, applied line by line and then across lines:
folding of character variants, doubled bold glyphs from PDF extraction, spacing, HTML
remnants, page furniture at the ends of the text, photo credits and figure captions, and
hard line wraps inside a sentence (including across a blank line at a page break).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median

from docdiff.textshape import (
    CJK_CHAR,
    CLOSERS,
    HAS_CJK,
    HEADING_START,
    SENTENCE_END,
    SOFT_END,
    display_width,
    ends_sentence,
    first_bracket,
    is_cjk,
    unclosed_opener,
)

# Full-width ASCII folds to ASCII, except the punctuation that is canonical in full width.
_KEEP_FULL_WIDTH = set("，：；！？（）")
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULL_WIDTH}
_FOLD.update({0xFF61: ord("。"), 0xFE50: ord("，"), 0xFE51: ord("、")})
_FOLD.update({cp: 0x20 for cp in (0x3000, 0x00A0, 0x202F, 0x205F, *range(0x2000, 0x200B))})
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# ASCII punctuation written in Chinese text becomes its full-width form.
_ASCII_PUNCT = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_ASCII_PUNCT_RE = re.compile(r"[,:;!?()]")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_BULLET = re.compile("[◇◆●■□▪•]")
_SCRIPT = re.compile(r"[_^]\{([^{}\n]{1,12})\}")
_SPACES = re.compile(r" +")
_LATIN_END = re.compile(r"[A-Za-z0-9%.]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")
# A line ending inside a number: on a digit after a non-letter, or on its decimal point.
_NUMBER_END = re.compile(r"\d\.$|(?<![A-Za-z])\d$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

_PHOTO_CREDIT = re.compile(r"^[（(][^（）()]{0,30}(供图|摄影?|供稿|图片来源[^（）()]*)[）)]$")
_FIGURE_CAPTION = re.compile(r"^图\s?[0-9一二三四五六七八九十]+[\s:：.、-]?[^\s。！？；]{1,40}$")
# A newspaper's continuation marker, or a page number as PDFs print it (`12`, `-12-`, `— 12 —`, `第12页`,
# `第 3 页 共 20 页`).
_PAGE_MARKER = re.compile(
    r"^[（(]?(上接|下转|接上|转下|接第|转第)[^（）()]{0,8}版[）)]?$"
    r"|^[-—－–]*\s*\d{1,4}\s*[-—－–]*$"
    r"|^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$"
)
# A continuation marker run into the text of a line: `（上接第1版）大力推进…`, `…建设。（下转第2版）`.
_INLINE_MARKER = re.compile(
    r"^[（(](?:上接|接上|接第)[^（）()]{0,8}版[）)]\s*|\s*[（(](?:下转|转下|转第)[^（）()]{0,8}版[）)]$"
)
# A full stop typed as ASCII `.` after Chinese text (never between digits or inside Latin words).
_ASCII_STOP = re.compile(rf"(?<=[{CJK_CHAR}”’）》」』%‰])\.(?![0-9A-Za-z.])")
_COUNTER = re.compile(r"^\d+\s*/\s*\d+$")
_CHROME_TOKEN = re.compile(r"^[\u4e00-\u9fffA-Za-z]{1,4}$")
_LABEL_TOKEN = re.compile(r"^[\u4e00-\u9fff]{1,4}$")
# Buttons in brackets: `【打印】【关闭】`, `[大] [中] [小]`, `字号：大 中 小`.
_BUTTONS = re.compile(
    r"^(?:[【\[［]\s*[^\]】］\s]{1,6}\s*[】\]］]\s*){2,}$|^[\u4e00-\u9fff]{2,4}[：:]\s*(?:[\u4e00-\u9fff]{1,2}\s+){1,}[\u4e00-\u9fff]{1,2}$"
)
# A line of page metadata: two or more `label：value` fields, one with a date or a count.
_META_LINE = re.compile(
    r"^(?=.*\d)(?:[\u4e00-\u9fff]{2,4}[：:]\s*[^\s：:，。]{1,30}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*){2,}$"
)
# Furniture is only cut from a text that has running text: a line at least this long.
_MIN_RUNNING_TEXT = 20

# A web archive's footer (a licence rendered from link-rich HTML) can end a text: after a wide
# gap, fragments of a few characters a line, some not words at all (`、`, `Public domain`).
_FOOTER_GAP = 3  # blank lines before the footer, at least
_FOOTER_MEDIAN_CHARS = 12  # median characters of its lines, at most
_FOOTER_MIN_LINES = 4
_FOOTER_MAX_LINE_CHARS = 60  # no line of running text (a paragraph) inside it
_FOOTER_MAX_SHARE = 0.1  # of the text's characters, at most
_FOOTER_MAX_LINES = 200

# Character sets tested against whole lines (set.isdisjoint runs in C; a generator per character did not).
_SENTENCE_END_SET = frozenset(SENTENCE_END)
_CLAUSE_MARKS = frozenset("，、")
_FRAGMENT_STOPS = frozenset(SENTENCE_END + "，、：:")
_SENTENCE_MARKS = frozenset(SENTENCE_END + "，")

# A line this short (characters) cannot stand alone after an unfinished line: it was wrapped.
_MAX_FRAGMENT_CHARS = 2

# A caption is a short standalone line just above a photo credit.
_MAX_CAPTION_CHARS = 60
# A line this wide (cells) or wider that stops mid-sentence is running text, not a heading.
_LONG_LINE_CELLS = 80
# In hard-wrapped text, a line at least this share of the usual line width was wrapped.
_WRAP_WIDTH_SHARE = 0.7
# A wrapped line's continuation is at most this share of its width (a body under a heading is wider).
_WRAP_NEXT_SHARE = 1.3
# Fewest wrapped-looking lines needed before the usual line width is trusted.
_MIN_WRAP_SAMPLES = 5


@dataclass
class _Line:
    """One line being normalised: its text and the original offset of each character."""

    text: str
    origin: list[int]
    end: int  # original offset of the line terminator (len(text) at the end of the file)
    gap: int = 0  # blank or removed lines between this line and the previous kept one
    emphasised: bool = False  # its glyphs were doubled: a bold heading or caption
    cells: int = 0  # display width of the line as printed, spaces included


@dataclass
class _Repair:
    """Accumulates one rewritten line."""

    text: list[str] = field(default_factory=list)
    origin: list[int] = field(default_factory=list)


def normalise(text: str) -> tuple[str, list[int]]:
    """Return the normalised text and, for each of its characters, its offset in `text`."""
    lines = [_clean_line(line) for line in _split_lines(text)]
    kept = _drop_furniture(lines)
    return _join(kept)


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        lines.append(_raw_line(text, start, match.start()))
        start = match.end()
    lines.append(_raw_line(text, start, len(text)))
    return lines


def _raw_line(text: str, start: int, end: int) -> _Line:
    raw = text[start:end]
    return _Line(raw, list(range(start, end)), end, cells=display_width(raw.strip()))


def _rewrite(line: _Line, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> None:
    """Replace each match of `pattern` by `repl(match)`; new characters map into the match."""
    if pattern.search(line.text) is None:  # most lines: nothing to build
        return
    pieces = _Repair()
    last = 0
    for match in pattern.finditer(line.text):
        start, end = match.span()
        pieces.text.append(line.text[last:start])
        pieces.origin.extend(line.origin[last:start])
        new = repl(match)
        pieces.text.append(new)
        pieces.origin.extend(line.origin[min(start + k, end - 1)] for k in range(len(new)))
        last = end
    if last == 0 and not pieces.text:
        return
    pieces.text.append(line.text[last:])
    pieces.origin.extend(line.origin[last:])
    line.text = "".join(pieces.text)
    line.origin = pieces.origin


def _clean_line(line: _Line) -> _Line:
    _rewrite(line, _ZERO_WIDTH, lambda m: "")
    line.text = line.text.translate(_FOLD)
    if HAS_CJK.search(line.text):
        line.text = _ASCII_PUNCT_RE.sub(lambda m: _fold_punct(m, line.text), line.text)
        line.text = _ASCII_STOP.sub("。", line.text)
    _rewrite(line, _HTML_TAG, lambda m: "")
    _rewrite(line, _BULLET, lambda m: "")
    _undouble(line)
    spaced_out = _letter_spaced(line.text)
    _rewrite(line, _SPACES, lambda m: _space(m, line.text, spaced_out))
    _unwrap_scripts(line)
    _strip_indent(line)
    _rewrite(line, _INLINE_MARKER, lambda m: "")  # after the indentation, which may precede it
    return line


def _strip_indent(line: _Line) -> None:
    """Drop indentation and trailing blanks: spaces (U+3000 and U+2003 are spaces by now) and tabs.

    Tabs are kept inside a table row; at the ends of a line with no tab between its words they
    are only indentation, which must never hide a heading's numbering or enter its text.
    """
    inner = line.text.strip(" \t")
    blanks = " \t" if "\t" not in inner else " "
    lead = len(line.text) - len(line.text.lstrip(blanks))
    kept = len(line.text.rstrip(blanks))
    if lead or kept < len(line.text):
        kept = max(lead, kept)
        line.text, line.origin = line.text[lead:kept], line.origin[lead:kept]


def _keep(line: _Line, positions: list[int]) -> None:
    """Keep only the characters of `line` at `positions` (increasing)."""
    line.text = "".join(line.text[i] for i in positions)
    line.origin = [line.origin[i] for i in positions]


def _unwrap_scripts(line: _Line) -> None:
    """`PM_{2.5}` → `PM2.5`: drop the markup of a sub- or superscript, keep its characters."""
    drop: set[int] = set()
    for match in _SCRIPT.finditer(line.text):
        drop.update((match.start(), match.start() + 1, match.end() - 1))
    if drop:
        _keep(line, [i for i in range(len(line.text)) if i not in drop])


def _fold_punct(match: re.Match[str], text: str) -> str:
    ch = match.group()
    i = match.start()
    if ch in ",:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
        return ch  # thousands separator or a time of day
    if ch == ":" and text.startswith("//", i + 1):
        return ch  # a web address's scheme (`https://`), which a reader copies from the report
    return _ASCII_PUNCT[ch]


def _space(match: re.Match[str], text: str, spaced_out: bool) -> str:
    """Keep one space between two words (Latin or CJK); drop it next to digits, punctuation, tabs.

    In a letter-spaced line (`目 录`, `前 言`) the spaces between single CJK characters go too.
    """
    before = text[: match.start()]
    after = text[match.end() :]
    if not before or not after:
        return ""
    if not HAS_CJK.search(text):
        return " "
    if _LATIN_END.search(before) and _LATIN_START.search(after):
        return " "
    if is_cjk(before[-1]) and is_cjk(after[0]) and not spaced_out:
        return " "
    return ""


def _letter_spaced(text: str) -> bool:
    """True for a line like `目 录` whose words are single characters spread out by spaces."""
    tokens = text.split()
    return len(tokens) >= 2 and all(len(t) == 1 for t in tokens)


def _undouble(line: _Line) -> None:
    """Repair PDF bold text whose every glyph was extracted twice (上上海海 → 上海).

    Only a line made wholly of doubled tokens, with at least three pairs and a token of two
    or more pairs, is repaired, so genuine reduplication (常常, 人人参与) is left alone.
    """
    head = line.text.lstrip(" ")
    if len(head) < 2 or head[0] != head[1]:  # the first token is not doubled: most lines
        return
    tokens = [t for t in re.finditer(r"[^ ]+", line.text)]
    if not tokens:
        return
    pairs = 0
    for token in tokens:
        word = token.group()
        if len(word) % 2 or any(word[i] != word[i + 1] for i in range(0, len(word), 2)):
            return
        pairs += len(word) // 2
    if pairs < 3 or max(len(t.group()) for t in tokens) < 4:
        return
    keep = [i for t in tokens for i in range(t.start(), t.end(), 2)]
    spaces = [m.start() for m in re.finditer(" ", line.text)]
    _keep(line, sorted(keep + spaces))
    line.emphasised = True


def _is_strong_chrome(text: str) -> bool:
    """A line of web-page controls: a toolbar, a counter, font-size buttons, a source/time line."""
    if _COUNTER.match(text) or _BUTTONS.match(text) or _META_LINE.match(text):
        return True
    if "|" in text:
        parts = [p.strip() for p in text.split("|")]
        return all(_CHROME_TOKEN.match(p) for p in parts if p)
    tokens = text.split()
    return len(tokens) >= 3 and all(_CHROME_TOKEN.match(t) for t in tokens)


def _furniture_run(lines: list[_Line]) -> int:
    """How many leading lines are web-page furniture (toolbars, counters, bare UI labels).

    A run counts only if it holds a toolbar-like line or at least three bare labels, so a
    short title at the top of a document is never taken for furniture.
    """
    count = strong = weak = 0
    for index, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        if _is_strong_chrome(text):
            strong += 1
        elif _LABEL_TOKEN.match(text):
            weak += 1
        else:
            break
        count = index + 1
    return count if strong or weak >= 3 else 0


def _without_stray_chrome(lines: list[_Line]) -> list[_Line]:
    """Drop web-page controls standing among the title lines before the text or after it ends
    (`来源：… 时间：…` under a headline, `【打印】【关闭】` after the last paragraph)."""
    running = [i for i, line in enumerate(lines) if len(line.text.strip()) >= _MIN_RUNNING_TEXT and _is_sentence(line)]
    if not running:
        return lines
    first, last = running[0], running[-1]
    return [
        line
        for i, line in enumerate(lines)
        if first <= i <= last or not line.text.strip() or not _is_strong_chrome(line.text.strip())
    ]


def _is_sentence(line: _Line) -> bool:
    return not _SENTENCE_MARKS.isdisjoint(line.text)


def _footer_start(lines: list[_Line]) -> int:
    """Index of the first line of a fragmented footer at the end of the text, or `len(lines)`.

    The footer starts after a gap of `_FOOTER_GAP` blank lines; its lines are fragments (median
    `_FOOTER_MEDIAN_CHARS` or fewer, none a paragraph), at least one holds no Chinese word (a lone `、`, a Latin
    licence name) while the text is Chinese, and it is a small share of the text. The earliest
    such start wins, so the whole footer goes.
    """
    texts = [line.text.strip() for line in lines]
    total = sum(map(len, texts))
    if not total or not HAS_CJK.search("".join(texts[: min(len(texts), 50)])):
        return len(lines)
    best = len(lines)
    chars = seen = 0
    for index in range(len(lines) - 1, 0, -1):
        if not texts[index]:
            continue
        chars += len(texts[index])
        seen += 1
        if chars > _FOOTER_MAX_SHARE * total or seen > _FOOTER_MAX_LINES:
            break
        if index < _FOOTER_GAP or any(texts[index - k] for k in range(1, _FOOTER_GAP + 1)):
            continue
        tail = [text for text in texts[index:] if text]
        if (
            len(tail) >= _FOOTER_MIN_LINES
            and median(map(len, tail)) <= _FOOTER_MEDIAN_CHARS
            and max(map(len, tail)) <= _FOOTER_MAX_LINE_CHARS
            and any(not HAS_CJK.search(text) for text in tail)
        ):
            best = index
    return best


def _short_title(text: str) -> bool:
    """A short line with no punctuation inside a sentence or at its end: a title or a caption."""
    return 0 < len(text) <= _MAX_CAPTION_CHARS and not any(ch in SENTENCE_END + "，,：:" for ch in text)


def _display_captions(lines: list[_Line]) -> set[int]:
    """Lines in bold display type (doubled glyphs) inside a text whose headings are set plain.

    In a PDF page, banners, headlines and photo captions are bold. Once running text has begun,
    a bold line is a caption when the text's own headings are in plain type: short plain lines,
    after a blank line, with running text right under them.
    """
    start = next((i for i, line in enumerate(lines) if len(line.text.strip()) >= _MIN_RUNNING_TEXT), len(lines))
    bold = [line for line in lines[start:] if line.emphasised]
    if not bold:
        return set()
    plain_headings = 0
    for index in range(max(start, 1), len(lines) - 1):
        line, before, after = lines[index], lines[index - 1], lines[index + 1]
        if (
            not line.emphasised
            and not before.text.strip()
            and _short_title(line.text.strip())
            and len(after.text.strip()) > 0
            and not _short_title(after.text.strip())
        ):
            plain_headings += 1
    return {id(line) for line in bold} if plain_headings >= len(bold) else set()


def _closing_caption(lines: list[_Line]) -> set[int]:
    """The last line, when it is a short title after a blank line: a caption or label closing the page."""
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    if len(filled) < 2 or not any(len(lines[i].text.strip()) >= _MIN_RUNNING_TEXT for i in filled[:-1]):
        return set()
    last = filled[-1]
    text = lines[last].text.strip()
    after_gap = filled[-2] < last - 1
    return {id(lines[last])} if after_gap and _short_title(text) and not HEADING_START.match(text) else set()


def _drop_furniture(lines: list[_Line]) -> list[_Line]:
    """Remove page furniture at both ends, photo credits with their captions, figure captions."""
    head = _furniture_run(lines)
    tail = _furniture_run(lines[::-1])
    body = lines[head : max(head, len(lines) - tail)]
    if not any(len(line.text) >= _MIN_RUNNING_TEXT for line in body):
        body = lines
    body = _without_stray_chrome(body)
    body = body[: _footer_start(body)]
    captions = _display_captions(body) | _closing_caption(body)
    kept: list[_Line] = []
    gap = 0
    for line in body:
        text = line.text
        if not text.strip():
            gap += 1
            continue
        if _PHOTO_CREDIT.match(text):
            if kept and len(kept[-1].text) <= _MAX_CAPTION_CHARS and kept[-1].gap > 0:
                kept.pop()
            gap += 2
            continue
        if _FIGURE_CAPTION.match(text) or _PAGE_MARKER.match(text) or id(line) in captions:
            gap += 1
            continue
        line.gap = gap
        kept.append(line)
        gap = 0
    return kept


def _wrap_width(lines: list[_Line]) -> float | None:
    """The usual width of hard-wrapped lines, if the text has enough of them to tell."""
    # A numbered heading (`一、…`, `（一）…`) is no wrapped line, however many a short text has.
    widths = [
        line.cells
        for line, following in itertools.pairwise(lines)
        if following.gap == 0
        and "\t" not in line.text + following.text
        and not ends_sentence(line.text)
        and not HEADING_START.match(line.text)
    ]
    return median(widths) if len(widths) >= _MIN_WRAP_SAMPLES else None


def _continues(prev: _Line, line: _Line, after: _Line | None, wrap_width: float | None) -> bool:
    """Whether `line` continues the sentence that `prev` leaves open (a hard wrap)."""
    a, b = prev.text, line.text
    if "\t" in a or "\t" in b or prev.emphasised or line.emphasised:
        return False
    if ends_sentence(a) or HEADING_START.match(b):
        return False
    b_closes = _starts_with_closer(b)
    if b_closes:
        return True
    if unclosed_opener(a) and ends_sentence(b) and after is not None and _starts_with_closer(after.text):
        # Layout order: a whole paragraph sits between two halves of a sentence.
        return False
    if a[-1] in SOFT_END or b[0] in "，、。；：）”":
        return True
    if not _SENTENCE_END_SET.isdisjoint(a):
        return True
    if line.gap == 0 and _wrapped_fragment(prev, line, after):
        return True
    if HEADING_START.match(a):
        return False
    if display_width(a) >= _LONG_LINE_CELLS:
        return True
    if line.gap == 0 and not _CLAUSE_MARKS.isdisjoint(a) and line.cells <= _WRAP_NEXT_SHARE * prev.cells:
        return True  # a clause-bearing line wrapped into a next line no wider than itself
    return wrap_width is not None and prev.cells >= _WRAP_WIDTH_SHARE * wrap_width


def _wrapped_fragment(prev: _Line, line: _Line, after: _Line | None) -> bool:
    """A short piece of an unfinished line wrapped onto the next: never a line of its own.

    One or two characters (`政府工作报` / `告`), or the tail of a numbered heading: a clause with
    no punctuation, at most half as wide as the heading line, with running text after it.
    """
    b = line.text
    if not _FRAGMENT_STOPS.isdisjoint(b) or HEADING_START.match(b):
        return False
    if len(b) <= _MAX_FRAGMENT_CHARS and HAS_CJK.search(b):
        return True
    return (
        bool(HEADING_START.match(prev.text))
        and line.cells * 2 <= prev.cells
        and after is not None
        and (ends_sentence(after.text) or after.cells > prev.cells)
    )


def _starts_with_closer(text: str) -> bool:
    """True if the first quote or bracket in `text` closes one opened before it."""
    bracket = first_bracket(text)
    return bracket is not None and bracket in CLOSERS


def _join(lines: list[_Line]) -> tuple[str, list[int]]:
    wrap_width = _wrap_width(lines)
    out: list[str] = []
    origin: list[int] = []
    for index, line in enumerate(lines):
        text = line.text.strip(" ")
        lead = len(line.text) - len(line.text.lstrip(" "))
        line_origin = line.origin[lead : lead + len(text)]
        if index:
            prev = lines[index - 1]
            after = lines[index + 1] if index + 1 < len(lines) else None
            if _continues(prev, line, after, wrap_width):
                split_number = bool(out) and _NUMBER_END.search(out[-1]) and text[:1].isdigit()
                if out and _LATIN_END.search(out[-1]) and _LATIN_START.search(text) and not split_number:
                    out.append(" ")  # words wrapped apart; a number wrapped inside is one (`达1` `2.5%`)
                    origin.append(prev.end)
            else:
                out.append("\n")
                origin.append(prev.end)
        out.append(text)
        origin.extend(line_origin)
    return "".join(out), origin
