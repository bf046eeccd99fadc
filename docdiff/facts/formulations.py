"""Formulations (提法) that are not quoted: distinctive terms new to one version or gone from it,
and a kept head phrase whose modifier changed.

A term is distinctive when it is a run of words (segmented by jieba-rs through `rjieba`) that is
rare in general Chinese (wordfreq's frequency list), stands in a key position of its document (a
heading or lead sentence) or recurs there, and is absent from the other version's text. A changed
modifier is a heading of each version opening with the same head phrase and going on differently
(`积极的财政政策要更加积极有为` → `积极的财政政策要提质增效`).

Both packages are imported inside the functions that need them, so importing docdiff (and
`docdiff --help`) does not pay for them; the first call loads jieba's dictionary and the
frequency list once.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from docdiff.flat import FlatSection
from docdiff.models import Document

# A word counts as a term's content when jieba tags it as a noun, a verbal noun, an idiom or an
# abbreviation; a term ends on one (`新型基础设施建设`, `抗疫特别国债`).
_CONTENT = ("n", "vn", "nz", "nt", "ns", "nr", "l", "i", "j", "an", "eng")
# Tags a term never starts with: prepositions, conjunctions, particles, pronouns, adverbs, numerals.
_NO_START = ("p", "c", "u", "r", "d", "m", "q", "f", "y", "e", "o", "x", "uj", "ul", "uz", "ud", "ug", "uv")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
# What opens a numbered line before its words: dashes, spaces, `（一）`, `一、`, `1.`.
_LABEL = re.compile(r"[\s—\-－]*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])?\s*")


@dataclass(frozen=True)
class Formulation:
    """A formulation in one text: normalised offsets, the form it is matched by, and its wording."""

    start: int
    end: int
    form: str
    text: str


@dataclass(frozen=True, slots=True)  # slots: a 4 MB text is a million tokens, held in the cache
class _Token:
    word: str
    tag: str
    start: int


@lru_cache(maxsize=8)
def _tokens(text: str) -> tuple[_Token, ...]:
    """jieba's words with their part of speech and offsets (cached: each side is read twice).

    Words come from segmentation with the HMM, which joins characters the dictionary does not
    know into new words (`抗疫`: new words are what new formulations are made of); tags come
    from tagging without it, a quarter of the cost of tagging with it. A word the tagger split
    takes the tag of its last piece, the head of a Chinese word (`提效`: `效`, a noun).
    """
    import rjieba

    ends: dict[int, str] = {}
    pos = 0
    for word, tag in rjieba.tag(text, False):
        pos += len(word)
        ends[pos] = tag
    tokens: list[_Token] = []
    pos = 0
    # One string per distinct word and tag: a long text repeats a few thousand words.
    words: dict[str, str] = {}
    tags: dict[str, str] = {}
    for word in rjieba.cut(text, True):
        tag = ends.get(pos + len(word), "x")
        tokens.append(_Token(words.setdefault(word, word), tags.setdefault(tag, tag), pos))
        pos += len(word)
    return tuple(tokens)


@cache
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("zh")


def zipf(words: Sequence[str]) -> float:
    """How common a run of words is in general Chinese, on wordfreq's Zipf scale (0 = unseen).

    Combined as wordfreq combines the words of a segmented phrase: the reciprocal frequencies add
    up, and each word break costs a factor of ten.
    """
    frequencies = _frequencies()
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
    max_terms: int = 40  # most new terms reported for one version (the most telling first)
    min_head_chars: int = 4  # shortest kept head of a changed heading


def find_formulations(
    text: str, other: str, key_spans: Sequence[tuple[int, int]], options: FormulationOptions | None = None
) -> list[Formulation]:
    """Distinctive terms of `text` absent from `other`, and heads of `key_spans` whose
    modifier changed against a heading of `other` (`key_spans`: normalised spans of headings)."""
    options = options or FormulationOptions()
    found = _new_terms(text, other, key_spans, options)
    found.extend(_changed_heads(text, other, key_spans, options))
    return sorted(found, key=lambda f: f.start)


def _runs(tokens: Sequence[_Token]) -> list[list[_Token]]:
    """Runs of Han words between punctuation, digits and spaces."""
    runs: list[list[_Token]] = [[]]
    for token in tokens:
        if _HAN_WORD.fullmatch(token.word):
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _candidates(tokens: Sequence[_Token], options: FormulationOptions) -> dict[str, list[int]]:
    """Every run of words shaped like a term, with its start offsets: it starts on a word that is
    neither a function word nor a common verb (`实施`, `加强` lead into a term, they are not part of
    it), ends on a content word of two characters or more, and is rare as a whole."""
    found: dict[str, list[int]] = {}
    frequencies = _frequencies()
    # Zipf ≤ max_zipf as an upper bound on the frequency, so that a run's Zipf (see `zipf`) is
    # built word by word: the reciprocal frequencies add up, each break costs a factor of ten.
    most = 10.0 ** (options.max_zipf - 9.0)
    most_verb = 10.0 ** (options.max_verb_zipf - 9.0)
    for run in _runs(tokens):
        frequency = [frequencies.get(t.word, 0.0) for t in run]
        for i, first in enumerate(run):
            if first.tag in _NO_START or (first.tag.startswith("v") and frequency[i] > most_verb):
                continue
            if len(first.word) == 1 and first.tag[0] not in "va":
                continue  # a one-character noun or the like (`性`, `中`) is a split fragment
            chars = 0
            inverse = 0.0
            unseen = False
            for j in range(i, min(len(run), i + options.max_words)):
                chars += len(run[j].word)
                if chars > options.max_chars:
                    break
                unseen = unseen or frequency[j] <= 0.0
                inverse += 1.0 / frequency[j] if frequency[j] > 0.0 else 0.0
                last = run[j]
                if chars < options.min_chars or last.tag not in _CONTENT or len(last.word) == 1:
                    continue
                if not unseen and 1.0 / inverse / 10.0 ** (j - i) > most:
                    continue
                form = "".join(t.word for t in run[i : j + 1])
                found.setdefault(form, []).append(first.start)
    return found


def _new_terms(
    text: str, other: str, key_spans: Sequence[tuple[int, int]], options: FormulationOptions
) -> list[Formulation]:
    tokens = _tokens(text)
    candidates = _candidates(tokens, options)
    key_starts = sorted(key_spans)
    kept: dict[str, int] = {}
    recurring: set[str] = set()
    for form, starts in candidates.items():
        # Counted where segmentation puts the term (cheap); the text search comes last.
        if len(starts) >= options.min_count:
            if form not in other:
                recurring.add(form)
                kept[form] = starts[0]
        elif any(_inside(start, len(form), key_starts) for start in starts) and form not in other:
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
    # The most telling first: the most repeated, then the longest.
    final.sort(key=lambda f: (-counts[f], -len(f)))
    chosen: list[str] = []
    for form in final:
        # One report per formulation: `临时仲裁` inside `涉外海事临时仲裁` is the same one.
        if not any(form in taken or taken in form for taken in chosen):
            chosen.append(form)
    return [Formulation(kept[f], kept[f] + len(f), f, f) for f in chosen[: options.max_terms]]


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
    tokens = _tokens(text)
    starts = [t.start for t in tokens]
    other_clauses = sorted({c for c in (_opening(line)[1] for line in other.split("\n")) if c})
    found: list[Formulation] = []
    pos = 0
    for line in text.split("\n"):
        skip, clause = _opening(line)
        start = pos + skip
        pos += len(line) + 1
        if len(clause) <= options.min_head_chars:
            continue
        k = bisect_right(other_clauses, clause)
        best = ""
        for near in other_clauses[max(0, k - 2) : k + 2]:
            prefix = _common_prefix(clause, near)
            # The two go on in words, not figures: `赤字率拟按2.8%` → `…3.6%` changes a target.
            rest = (clause[len(prefix) : len(prefix) + 1], near[len(prefix) : len(prefix) + 1])
            if len(prefix) > len(best) and all(_HAN.fullmatch(ch) for ch in rest):
                best = prefix
        # The head ends on its last content word: `就业优先政策要全面` → `就业优先政策`.
        first = bisect_right(starts, start - 1)
        last = bisect_right(starts, start + len(best))
        words = [t for t in tokens[first:last] if t.start + len(t.word) <= start + len(best)]
        while words and words[-1].tag not in _CONTENT:
            words.pop()
        head = "".join(t.word for t in words)
        if (
            len(head) < options.min_head_chars
            or not words
            or words[0].tag in _NO_START
            or words[0].tag.startswith("v")
            or zipf([t.word for t in words]) > options.max_zipf
        ):
            continue
        found.append(Formulation(start, start + len(clause), head, clause))
    return found


def _opening(line: str) -> tuple[int, str]:
    """A line's opening clause after its label (dashes, `（一）`, `1.`), and where it starts."""
    label = _LABEL.match(line)
    skip = label.end() if label else 0
    return skip, re.split(r"[，。；：！？]", line[skip:])[0]


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def formulations_of(doc: Document, flat: Sequence[FlatSection], other: Document) -> list[Formulation]:
    """`find_formulations` of a segmented document against the version it is compared with;
    its key positions are the headings of its sections, lead sentences included."""
    spans = sorted(doc.to_normalised(s.section.heading_span) for s in flat if s.section.heading_span is not None)
    return find_formulations(doc.normalised, other.normalised, spans)
