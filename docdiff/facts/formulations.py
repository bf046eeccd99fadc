"""Formulations (提法) that are not quoted: distinctive terms new to one version or gone from it,
and a kept head phrase whose modifier changed.

A term is distinctive when it is a run of words (segmented by jieba-rs through `rjieba`) that is
rare in general Chinese (wordfreq's frequency list) and not a single word that list knows, stands
in a key position of its document (a heading or lead sentence) or recurs there, and is absent from
the other version's text. The most telling are reported first, as many as the version's length
allows (`FormulationOptions.terms_per_kchar`). A changed modifier is a sentence of each version
opening with the same head phrase and going on differently (`积极的财政政策要更加积极有为` →
`积极的财政政策要提质增效`).

Both packages are imported inside the functions that need them, so importing docdiff (and
`docdiff --help`) does not pay for them; the first call loads jieba's dictionary and the
frequency list once.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from docdiff.flat import FlatSection
from docdiff.models import Document
from docdiff.textshape import CN_DIGITS, Substrings, substrings
from docdiff.words import frequencies as word_frequencies

# A word counts as a term's content when jieba tags it as a noun, a verbal noun, an idiom or an
# abbreviation; a term ends on one (`新型基础设施建设`, `抗疫特别国债`).
_CONTENT = frozenset(("n", "vn", "nz", "nt", "ns", "nr", "l", "i", "j", "an", "eng"))
# Tags a term never starts with: prepositions, conjunctions, particles, pronouns, adverbs, numerals.
_NO_START = frozenset(("p", "c", "u", "r", "d", "m", "q", "f", "y", "e", "o", "x", "uj", "ul", "uz", "ud", "ug", "uv"))
# A clause whose head is its subject goes on with a modal: the head is a kept phrase even when it
# opens on a verb (`就业优先政策要全面强化`: `就业` is tagged a verb), unlike `加强…`, a task.
_MODALS = ("要", "必须", "需要", "应", "将")
# A sentence: up to its end mark or the end of its line.
_SENTENCE = re.compile(r"[^。！？\n]+")
_CLAUSE = re.compile(r"[^，。；：！？\n]*")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
# Frequency (wordfreq's proportion) of a word general Chinese barely knows: Zipf 1.
_RARE_WORD = 1e-8
# An ordinal word, and the label of a point in a list (`七是`, `三是`), which no term starts on.
_ORDINAL = re.compile(rf"第[{CN_DIGITS}]")
_POINT_LABEL = re.compile(rf"[{CN_DIGITS}]+是")
# Items joined by `、`; trimmed to parallel items afterwards (see `_enumerations`).
_ENUMERATION = re.compile(r"[\u4e00-\u9fff]{2,10}(?:、[\u4e00-\u9fff]{2,10})+")
# What opens a numbered line before its words: dashes, spaces, `（一）`, `一、`, `1.`.
_LABEL = re.compile(r"[\s—\-－]*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])?\s*")


@dataclass(frozen=True)
class Formulation:
    """A formulation in one text: normalised offsets, the form it is matched by, and its wording."""

    start: int
    end: int
    form: str
    text: str


class _Token(NamedTuple):
    """A word of a text: a named tuple, not a dataclass, because a 4 MB text is a million tokens
    held in the cache and a tuple is built several times faster than a frozen dataclass."""

    word: str
    tag: str
    start: int
    han: bool  # all Han characters: part of a run of words (decided once, as the tokens are cached)


# Characters jieba never puts inside a block of text it segments (whitespace, CJK and general
# punctuation, full-width forms): each is a word of its own, so a text cut after a run of them
# falls into pieces that each segment as they do inside the whole text. Not `\r`, which opens the
# one two-character word `\r\n`, nor `〇`, a numeral the next word may go on with (`二〇一九年`).
_PIECE_END = re.compile(r"[\n\t \u2000-\u206f\u3000-\u3006\u3008-\u303f\uff00-\uffef]+")


class _Piece(NamedTuple):
    """A piece's words, their starts relative to the piece."""

    tokens: tuple[_Token, ...]
    starts: tuple[int, ...]


# One string per distinct word and tag: a long text repeats a few thousand words; whether a word
# is all Han is decided once per distinct word (word → its one string, all Han, all numerals).
_KNOWN: dict[str, tuple[str, bool, bool]] = {}
_TAGS: dict[str, str] = {}


@lru_cache(maxsize=1 << 16)
def _piece_tokens(piece: str) -> _Piece:
    """jieba's words of one piece of a text with their part of speech and offsets (cached by the
    piece: a report repeats clauses).

    Words come from segmentation with the HMM, which joins characters the dictionary does not
    know into new words (`抗疫`: new words are what new formulations are made of); tags come
    from tagging without it, a quarter of the cost of tagging with it. A word the tagger split
    takes the tag of its last piece, the head of a Chinese word (`提效`: `效`, a noun).
    """
    import rjieba

    ends: dict[int, str] = {}
    pos = 0
    for word, tag in rjieba.tag(piece, False):
        pos += len(word)
        ends[pos] = tag
    tokens: list[_Token] = []
    pos = 0
    words, tags = _KNOWN, _TAGS
    append = tokens.append
    after_digits = False  # the word before is all numeral characters (`二`, `〇`, `十四`)
    for word in rjieba.cut(piece, True):
        end = pos + len(word)
        tag = ends.get(end, "x")
        known = words.get(word)
        if known is None:
            # An ordinal (`第四次`, `第十三个`) ends a run: what it counts is a session or a
            # plan's number (`自治区第十次党代会`), a name of an event, not a formulation.
            han = bool(_HAN_WORD.fullmatch(word)) and not _ORDINAL.match(word)
            known = words[word] = (word, han, all(ch in CN_DIGITS for ch in word))
        # A word opening on a numeral right after numerals goes on with that number: `九年` of
        # `二〇一九年` (cut `二`/`〇`/`一`/`九年`) is a date's tail, not a word a term starts on.
        han = known[1] and not (after_digits and word[0] in CN_DIGITS)
        append(_Token(known[0], tags.setdefault(tag, tag), pos, han))
        after_digits = known[2]
        pos = end
    return _Piece(tuple(tokens), tuple(t.start for t in tokens))


class _Words:
    """jieba's words of a text, segmented piece by piece when first asked for (see `_PIECE_END`).

    Most of a next version's clauses are held word for word by the version before, and no term
    inside them can be new (`_held_verbatim`): their words are never needed, so they are never
    segmented. Offsets of the tokens it gives are in the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        bounds = [0, *(m.end() for m in _PIECE_END.finditer(text))]
        if bounds[-1] != len(text):
            bounds.append(len(text))
        self._bounds = bounds  # piece k is text[bounds[k] : bounds[k + 1]]

    def _piece(self, pos: int) -> int:
        return min(bisect_right(self._bounds, pos), len(self._bounds) - 1) - 1

    def _of(self, k: int) -> _Piece:
        return _piece_tokens(self.text[self._bounds[k] : self._bounds[k + 1]])

    def between(self, start: int, end: int) -> list[_Token]:
        """The words of every piece that overlaps `start`..`end` (offsets in the text)."""
        found: list[_Token] = []
        if not self.text:
            return found
        for k in range(self._piece(start), self._piece(max(start, end - 1)) + 1):
            offset = self._bounds[k]
            found.extend(_Token(t.word, t.tag, t.start + offset, t.han) for t in self._of(k).tokens)
        return found

    def starting_in(self, start: int, end: int) -> list[_Token]:
        """The words that start in `start`..`end`, a stretch of one piece (a run of Han characters)."""
        k = self._piece(start)
        offset = self._bounds[k]
        piece = self._of(k)
        first = bisect_left(piece.starts, start - offset)
        last = bisect_left(piece.starts, end - offset)
        return [_Token(t.word, t.tag, t.start + offset, t.han) for t in piece.tokens[first:last]]

    def starts_word(self, pos: int) -> bool:
        """Whether a word starts at `pos`."""
        k = self._piece(pos)
        piece = self._of(k)
        i = bisect_left(piece.starts, pos - self._bounds[k])
        return i < len(piece.starts) and piece.starts[i] == pos - self._bounds[k]


@lru_cache(maxsize=8)
def _words(text: str) -> _Words:
    """The words of `text`, segmented as asked (cached: each side is read twice)."""
    return _Words(text)


def _tokens(text: str) -> list[_Token]:
    """Every word of `text`, with its part of speech and offset."""
    return _words(text).between(0, len(text))


def forget_words() -> None:
    """Let go of the words of the texts last read (`_words` keeps them, as each side of a
    comparison is read twice): a 4 MB pair's are some 200 MB, of no use once its facts are."""
    _words.cache_clear()
    _piece_tokens.cache_clear()
    substrings.cache_clear()
    _KNOWN.clear()
    _TAGS.clear()


def zipf(words: Sequence[str]) -> float:
    """How common a run of words is in general Chinese, on wordfreq's Zipf scale (0 = unseen).

    Combined as wordfreq combines the words of a segmented phrase: the reciprocal frequencies add
    up, and each word break costs a factor of ten.
    """
    frequencies = word_frequencies()
    inverse = 0.0
    for word in words:
        frequency = frequencies.get(word, 0.0)
        if frequency <= 0.0:
            return 0.0
        inverse += 1.0 / frequency
    combined = 1.0 / inverse / 10.0 ** (len(words) - 1)
    return max(0.0, math.log10(combined) + 9.0)


@dataclass(frozen=True)
class FormulationOptions:
    """The shape of a distinctive term (internal tuning values, each in its unit)."""

    min_chars: int = 4  # shortest term, in characters
    max_chars: int = 12  # longest term, in characters
    max_words: int = 5  # most words in a term
    max_zipf: float = 3.0  # a term more common than this (Zipf) is general Chinese
    max_verb_zipf: float = 4.0  # a verb more common than this (Zipf) leads into a term, never starts one
    min_count: int = 2  # occurrences that make a term recur
    terms_per_kchar: float = 0.5  # new terms reported per 1000 characters of the version, most telling first
    min_terms: int = 10  # new terms a short version may still report
    min_head_chars: int = 4  # shortest kept head of a changed heading
    min_item_chars: int = 2  # shortest item of an enumeration, in characters
    max_item_chars: int = 6  # longest item of an enumeration, in characters


def find_formulations(
    text: str, other: str, key_spans: Sequence[tuple[int, int]], options: FormulationOptions | None = None
) -> list[Formulation]:
    """Distinctive terms of `text` absent from `other`, and heads of `key_spans` whose
    modifier changed against a heading of `other` (`key_spans`: normalised spans of headings)."""
    options = options or FormulationOptions()
    said = substrings(other)  # asked of every candidate term and list item
    enumerations = _new_enumerations(text, said, options)
    # An item of a new enumeration is reported with it (`冰雪运动名城` of `草原音乐名城、冰雪运动名城、
    # 文化旅游名城`), not again on its own: its place goes to another new term.
    items = {item for e in enumerations for item in e.form.split("、")}
    found = _new_terms(text, other, key_spans, options, items, said)
    found.extend(_changed_heads(text, other, key_spans, options))
    found.extend(enumerations)
    return sorted(found, key=lambda f: f.start)


def _runs(words: _Words, held: Sequence[tuple[int, int]] = ()) -> list[list[_Token]]:
    """Runs of Han words between punctuation, digits and spaces, leaving out those inside a span
    of `held` (disjoint maximal runs of Han characters).

    A run of Han words lies inside one maximal run of Han characters, so only the words starting
    in runs not held are looked at (and segmented): a word starting inside one that reaches out
    of it is no Han word, and breaks the run as its edge does."""
    runs: list[list[_Token]] = []
    skipped = set(held)
    for match in _HAN_WORD.finditer(words.text):
        if match.span() in skipped:
            continue
        run: list[_Token] = []
        for token in words.starting_in(*match.span()):
            if token.han:
                run.append(token)
            elif run:
                runs.append(run)
                run = []
        if run:
            runs.append(run)
    return runs


def _held_verbatim(text: str, other: str) -> list[tuple[int, int]]:
    """The spans of `text`'s maximal runs of Han characters that are whole runs of `other` too.

    Every term inside one is in `other`, so none can be new: a next version keeps most of its
    clauses word for word, and their words need not be looked at again."""
    others = set(_HAN_WORD.findall(other))
    return [m.span() for m in _HAN_WORD.finditer(text) if m.group() in others]


def _candidates(
    words: _Words, options: FormulationOptions, held: Sequence[tuple[int, int]] = ()
) -> dict[str, list[int]]:
    """Every run of words shaped like a term, with its start offsets: it starts on a word that is
    neither a function word nor a common verb (`实施`, `加强` lead into a term, they are not part of
    it), ends on a content word of two characters or more, and is rare as a whole. Runs inside a
    span of `held` are left out."""
    found: dict[str, list[int]] = {}
    frequencies = word_frequencies()
    # Zipf ≤ max_zipf as an upper bound on the frequency, so that a run's Zipf (see `zipf`) is
    # built word by word: the reciprocal frequencies add up, each break costs a factor of ten.
    most = 10.0 ** (options.max_zipf - 9.0)
    most_verb = 10.0 ** (options.max_verb_zipf - 9.0)
    breaks = [10.0**n for n in range(options.max_words)]
    # What a word can be in a term depends only on the word and its tag: decided once per
    # distinct pair (a long text repeats a few thousand), not once per position.
    shapes: dict[tuple[str, str], tuple[int, float, bool, bool]] = {}
    for run in _runs(words, held):
        run_shapes = []
        for token in run:
            shape = shapes.get((token.word, token.tag))
            if shape is None:
                shape = shapes[(token.word, token.tag)] = _shape(token, frequencies, most_verb)
            run_shapes.append(shape)
        size = len(run)
        for i, first in enumerate(run):
            if not run_shapes[i][2]:
                continue
            chars = 0
            inverse = 0.0
            unseen = False
            form = ""
            for j in range(i, min(size, i + options.max_words)):
                length, frequency, _, ends_term = run_shapes[j]
                chars += length
                if chars > options.max_chars:
                    break
                form += run[j].word
                unseen = unseen or frequency <= 0.0
                inverse += 1.0 / frequency if frequency > 0.0 else 0.0
                if chars < options.min_chars or not ends_term:
                    continue
                if not unseen and 1.0 / inverse / breaks[j - i] > most:
                    continue
                if j == i and not unseen:
                    continue  # one word general Chinese knows (`贯彻落实`, `长效机制`) is no new coinage
                if j > i and first.tag == "ad" and run[i + 1].tag in _PREDICATE:
                    break  # an adverb and a verb open a task, not a term (`坚决落实中央`, `扎实做好碳达峰`)
                if j - i >= 2 and _two_things(run, i, j):
                    continue
                found.setdefault(form, []).append(first.start)
    return found


# Tags of a predicate after an adverb (jieba tags some verbs adjectives: `坚决落实`'s `落实` is `a`).
_PREDICATE = frozenset(("v", "vd", "vi", "a"))
# A noun-like word before `的` makes the run two things or a clause cut short (`政协的民主监督`,
# `高度的政治`, `养老机构设置的医疗机构`); an adjective before it modifies one term (`新的经济增长点`).
_NOT_MODIFIER = frozenset(("n", "j", "nt", "ns", "i", "l", "v", "vn"))


def _two_things(run: Sequence[_Token], i: int, j: int) -> bool:
    """Whether the words `run[i..j]` name two things joined, not one term: a conjunction between
    two words of two characters or more that share no word (`市委和区委`, `人大及其常委会`,
    `市场活力和社会创造力`; not `跨周期和逆周期调节`, one term in two parallel halves, nor `碳中和`,
    where `和` is a character of a word the dictionary lacks), or `的` after a noun or a verb."""
    for k in range(i + 1, j):
        token = run[k]
        if token.tag == "c" and len(run[k - 1].word) >= 2 and len(run[k + 1].word) >= 2:
            left = {t.word for t in run[i:k] if len(t.word) >= 2}
            if not left & {t.word for t in run[k + 1 : j + 1]}:
                return True
        if token.word == "的" and run[k - 1].tag in _NOT_MODIFIER:
            return True
    return False


def _shape(token: _Token, frequencies: dict[str, float], most_verb: float) -> tuple[int, float, bool, bool]:
    """A word's length, its frequency, whether a term may start on it (neither a function word nor
    a common verb, nor a one-character noun or the like, `性`, `中`, a split fragment) and whether
    one may end on it (a content word of two characters or more)."""
    frequency = frequencies.get(token.word, 0.0)
    starts = not (token.tag in _NO_START or (token.tag.startswith("v") and frequency > most_verb))
    starts = starts and not (len(token.word) == 1 and token.tag[0] not in "va")
    starts = starts and not _POINT_LABEL.fullmatch(token.word)
    ends = token.tag in _CONTENT and len(token.word) != 1
    return len(token.word), frequency, starts, ends


def _new_terms(
    text: str,
    other: str,
    key_spans: Sequence[tuple[int, int]],
    options: FormulationOptions,
    listed: frozenset[str] | set[str] = frozenset(),
    said: Substrings | None = None,
) -> list[Formulation]:
    """New terms of `text`, the most telling first, none of them inside an item of `listed`
    (`said`: what `other` holds, if already indexed)."""
    said = said or substrings(other)
    words = _words(text)
    candidates = _candidates(words, options, _held_verbatim(text, other))
    key_starts = sorted(key_spans)
    kept: dict[str, int] = {}
    recurring: set[str] = set()
    for form, starts in candidates.items():
        if any(form in item for item in listed):
            continue
        # Counted where segmentation puts the term (cheap); the text search comes last.
        if len(starts) >= options.min_count:
            if form not in said:
                recurring.add(form)
                kept[form] = starts[0]
        elif any(_inside(start, len(form), key_starts) for start in starts) and form not in said:
            kept[form] = starts[0]
    counts = {form: text.count(form) for form in kept}
    for form in list(kept):
        if form in recurring and _cut_short(text, form):
            del kept[form]
    final = []
    for form in kept:
        # A term inside a longer kept term that occurs as often is that term cut short.
        if form in recurring and any(
            form != longer and form in longer and counts[longer] >= counts[form] for longer in recurring
        ):
            continue
        # In a heading, the new unit is the shortest run of words the other version lacks.
        if form not in recurring and any(form != shorter and shorter in form for shorter in kept):
            continue
        final.append(form)
    # The most telling first (see `_Ranker`); as many as the version's length allows.
    rank = _Ranker(words, said)
    final.sort(key=lambda f: -rank.score(f, kept[f], counts[f]))
    cap = max(options.min_terms, round(options.terms_per_kchar * len(text) / 1000))
    chosen: list[str] = []
    spans: list[tuple[int, int]] = []  # where the chosen terms first stand, sorted
    places = 0
    for form in final:
        # A term overlapping a chosen one where it first stands takes no place of its own
        # (`时代中国特色社会主义思想`, `新时代中国特色社会主义`): the two are joined into one report.
        start, end = kept[form], kept[form] + len(form)
        near = spans[bisect_left(spans, (start - options.max_chars, 0)) : bisect_left(spans, (end, 0))]
        overlaps = any(a < end and start < b for a, b in near)
        # One report per formulation: `临时仲裁` inside `涉外海事临时仲裁` is the same one.
        if (places >= cap and not overlaps) or any(form in taken or taken in form for taken in chosen):
            continue
        places += not overlaps
        chosen.append(form)
        insort(spans, (start, end))
    return _joined([Formulation(kept[f], kept[f] + len(f), f, f) for f in chosen], text)


def _joined(found: list[Formulation], text: str) -> list[Formulation]:
    """Terms whose words overlap where they stand are one term: a heading's new runs
    (`稳住经济`, `经济大盘` of `全力稳住经济大盘`) are reported as the run they make together."""
    joined: list[Formulation] = []
    for term in sorted(found, key=lambda f: f.start):
        if joined and term.start < joined[-1].end:
            last = joined.pop()
            end = max(last.end, term.end)
            term = Formulation(last.start, end, text[last.start : end], text[last.start : end])
        joined.append(term)
    return joined


class _Ranker:
    """How telling a new term is, from the shape of its words: repeated (up to four times), made
    of a word general Chinese lacks (`抗疫`, a coinage: Zipf 0) or barely knows (Zipf < 1), holding
    a word the other version never says, and long (a named policy is a compound of words)."""

    def __init__(self, words: _Words, other: Substrings) -> None:
        self._words = words
        self._other = other
        self._absent: dict[str, bool] = {}
        self._frequencies = word_frequencies()

    def score(self, form: str, start: int, count: int) -> float:
        """Higher is more telling."""
        tokens = self._words.between(start, start + len(form))
        k = max(0, bisect_right([t.start for t in tokens], start) - 1)
        words = [t.word for t in tokens[k:] if t.start < start + len(form)]
        least = min((self._frequencies.get(w, 0.0) for w in words), default=0.0)
        score = 3.0 * min(count, 4) + 0.2 * len(form)
        score += 4.0 if least <= 0.0 else 2.0 if least < _RARE_WORD else 0.0
        return score + float(any(len(w) >= 2 and self._is_absent(w) for w in words))

    def _is_absent(self, word: str) -> bool:
        if word not in self._absent:
            self._absent[word] = word not in self._other
        return self._absent[word]


def _new_enumerations(text: str, other: Substrings, options: FormulationOptions) -> list[Formulation]:
    """Enumerations of parallel items sharing a head or a lead (`政治意识、大局意识、核心意识、
    看齐意识`, `安全感、获得感、幸福感`, `碳达峰、碳中和`) some item of which the other version
    never says (so the same list in another order is kept): a list of this shape is a formulation."""
    found = []
    seen: set[str] = set()
    for start, form, items in _enumerations(text, options):
        # Every item said in the other version: the same list, maybe in another order.
        if form not in seen and not all(item in other for item in items):
            seen.add(form)
            found.append(Formulation(start, start + len(form), form, form))
    return found


def _enumerations(text: str, options: FormulationOptions) -> list[tuple[int, str, frozenset[str]]]:
    """Runs of `、`-separated items that share their last or first characters, each item trimmed
    to the length of the others (`牢固树立政治意识、大局意识` → `政治意识、大局意识`: the
    verb leading in is not an item)."""
    found = []
    words = _words(text)
    for match in _ENUMERATION.finditer(text):
        items = match.group().split("、")
        start = match.start()
        tail, head = _shared(items[1:], -1), _shared(items[:-1], 0)
        if tail and items[0].endswith(items[1][-tail:]):
            cut = max(0, len(items[0]) - max(len(item) for item in items[1:]))
            while cut > 0 and not words.starts_word(start + cut):
                cut -= 1  # never inside a word: `选择性执法、任性执法`, not `择性执法`
            items[0] = items[0][cut:]
            start += cut
        elif head and items[-1].startswith(items[0][:head]):
            items[-1] = items[-1][: max(len(item) for item in items[:-1])]
        else:
            continue
        if all(options.min_item_chars <= len(item) <= options.max_item_chars for item in items):
            found.append((start, "、".join(items), frozenset(items)))
    return found


def _shared(items: Sequence[str], end: int) -> int:
    """How many characters all `items` share at their start (`end` 0) or their end (`end` -1),
    leaving each at least one of its own."""
    ends = list(items) if end == 0 else [item[::-1] for item in items]
    # The opening all share is the one the first and the last in sorted order share.
    opening = _common_prefix(min(ends), max(ends))
    return max(0, min(len(opening), min(len(item) for item in items) - 1))


def _cut_short(text: str, form: str) -> bool:
    """Every occurrence is followed by the same character: the term ends inside a longer one
    (`融资难融资` of `融资难融资贵`)."""
    after = set()
    start = text.find(form)
    while start >= 0:
        after.add(text[start + len(form) : start + len(form) + 1])
        start = text.find(form, start + 1)
    return len(after) == 1 and bool(_HAN.fullmatch(next(iter(after)) or "x"))


def _inside(start: int, length: int, spans: Sequence[tuple[int, int]]) -> bool:
    k = bisect_right(spans, (start, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= start and start + length <= spans[k][1]


def _changed_heads(
    text: str, other: str, key_spans: Sequence[tuple[int, int]], options: FormulationOptions
) -> list[Formulation]:
    """Opening clauses of lines of `text` and of `other` that start with the same head phrase
    and go on differently after it (`积极的财政政策要加力提效` → `…要更加积极有为`).

    Lines, not headings, are compared so that both versions find the same head whatever their
    layout (one version may print its lead sentences as headings, the other as paragraphs).
    """
    segmented = _words(text)
    other_leads: dict[str, bool] = {}
    for _, clause, lead in _openings(other):
        if clause:
            other_leads[clause] = other_leads.get(clause, False) or lead
    other_clauses = sorted(other_leads)
    found: list[Formulation] = []
    # A long text repeats clauses: each distinct one is looked up once.
    openings: dict[str, tuple[str, bool]] = {}
    for start, clause, lead in _openings(text):
        if len(clause) <= options.min_head_chars:
            continue
        shared = openings.get(clause)
        if shared is None:
            shared = openings[clause] = _shared_opening(clause, other_clauses, other_leads, options.min_head_chars)
        best, both_lead = shared[0], lead and shared[1]
        if len(best) < options.min_head_chars:
            continue  # the head is part of the shared opening: no need to find its words
        # The head ends on its last content word: `就业优先政策要全面` → `就业优先政策`.
        end = start + len(best)
        words = [t for t in segmented.between(start, end) if start <= t.start and t.start + len(t.word) <= end]
        # The subject ends at its modal: `就业优先政策要全面` → `就业优先政策`.
        modal = next((i for i, t in enumerate(words) if t.word in _MODALS), len(words))
        words = words[:modal]
        while words and words[-1].tag not in _CONTENT:
            words.pop()
        head = "".join(t.word for t in words)
        if (
            len(head) < options.min_head_chars
            # One word is a sentence's topic (`经济运行`, `广大干部`), an organisation its actor
            # (`海拉尔区人民政府`): neither is a formulation whose modifier changed.
            or len(words) < 2
            or words[-1].tag == "nt"
            or words[0].tag in _NO_START
            # Unless both open a line, only a subject followed by a modal is a lead (`X要Y`): the
            # same pair of sentences is then found from either side, whatever the layout.
            or ((words[0].tag.startswith("v") or not both_lead) and not clause[len(head) :].startswith(_MODALS))
            or zipf([t.word for t in words]) > options.max_zipf
        ):
            continue
        found.append(Formulation(start, start + len(clause), head, clause))
    return found


def _shared_opening(clause: str, others: Sequence[str], leads: dict[str, bool], least: int) -> tuple[str, bool]:
    """The longest opening `clause` shares with a clause of `others` (sorted) after which both go
    on in words, and whether that clause opens a line (`leads`); "" when none shares `least`
    characters."""
    k = bisect_right(others, clause)
    best = ""
    lead = False
    # In sorted order the longest shared opening is with a neighbour.
    for near in others[max(0, k - 1) : k + 1]:
        if near[:least] != clause[:least]:
            continue  # too short a shared opening to hold a head
        prefix = _common_prefix(clause, near)
        # The two go on in words, not figures: `赤字率拟按2.8%` → `…3.6%` changes a target.
        rest = (clause[len(prefix) : len(prefix) + 1], near[len(prefix) : len(prefix) + 1])
        if len(prefix) > len(best) and all(_HAN.fullmatch(ch) for ch in rest):
            best = prefix
            lead = leads[near]
    return best, lead


def _openings(text: str) -> list[tuple[int, str, bool]]:
    """The opening clause of every sentence of `text` (after a line's label), with its offset and
    whether it opens a line: a lead may stand inside a paragraph (`…增强有效性。积极的财政政策要提升效能`)."""
    found = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        label = _LABEL.match(text, start, end)
        skip = label.end() if label else start
        clause = _CLAUSE.match(text, skip, end)
        found.append((skip, clause.group() if clause else "", start == 0 or text[start - 1] == "\n"))
    return found


def _common_prefix(a: str, b: str) -> str:
    """The longest common opening of `a` and `b`, found by halving (slices compare in C)."""
    if not a or not b or a[0] != b[0]:
        return ""  # most neighbours in sorted order differ at once
    low, high = 1, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return a[:low]


# A figure other than a year (`5.5%`, `1.2万人`; not `2024年`): a heading that states one is about a
# target (a newspaper's headline `今年地区生产总值预期增长5.5%左右`), not a key position for terms.
_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]*年)")


def formulations_of(doc: Document, flat: Sequence[FlatSection], other: Document) -> list[Formulation]:
    """`find_formulations` of a segmented document against the version it is compared with;
    its key positions are the headings of its sections, lead sentences included, less those that
    state a figure."""
    text = doc.normalised
    spans = sorted(doc.to_normalised(s.section.heading_span) for s in flat if s.section.heading_span is not None)
    spans = [(start, end) for start, end in spans if not _FIGURE.search(text, start, end)]
    return find_formulations(text, other.normalised, spans)
