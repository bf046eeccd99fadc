"""Synthetic large reports for benchmarks: seeds stacked into parts, and a mutated next version.

Two kinds of large text:
- `stacked`: the seeds repeated as parts. Its repetition grows with its size: at 4 MB every
  passage is there some sixteen times, so the pairs of alike sections and the repeats a
  comparison must report grow as the square of the size (the output itself, not the method).
- `distinct`: the same parts, each written in its own alphabet (a seeded permutation of the
  Han characters, numerals and the characters of headings' labels kept), so that a part repeats
  what its seed repeats and no more: text as repetitive at 8 MB as at 50 KB, the shape of one
  long real document. Growth budgets are measured on it.
"""

from __future__ import annotations

import random
import re

from common import SEEDS

from docdiff.ingest import read_document

_NUMBER = re.compile(r"(?<![\d.])(\d{2,4})(?=[台户家个项万亿%])")
_SENTENCE = re.compile(r"[^。\n]+。")
_PART_NAMES = "一二三四五六七八九十"


def _part_label(k: int) -> str:
    """The Chinese numeral of part k + 1 (一 … 九十九, 一百 … 九千九百九十九): any size of text."""
    return _numeral(k + 1)


def _numeral(n: int) -> str:
    if n < 10:
        return _PART_NAMES[n - 1]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _PART_NAMES[tens - 1]) + "十" + (_PART_NAMES[ones - 1] if ones else "")
    for unit, size in (("千", 1000), ("百", 100)):
        if n >= size:
            head, rest = divmod(n, size)
            if rest == 0:
                tail = ""
            elif rest < size // 10:
                tail = "零" + ("一" + _numeral(rest) if 10 <= rest < 20 else _numeral(rest))
            else:
                tail = _numeral(rest) if rest >= 20 or rest < 10 else "一" + _numeral(rest)
            return _PART_NAMES[head - 1] + unit + tail
    raise ValueError(n)


def stacked(target_bytes: int) -> str:
    """Seeds' normalised texts stacked as 第N部分 parts until the text reaches `target_bytes` (UTF-8)."""
    texts = [read_document(path).normalised for path in sorted(SEEDS.glob("*.txt"))]
    parts: list[str] = []
    size = 0
    k = 0
    while size < target_bytes:
        text = texts[k % len(texts)].replace("2024", str(2024 - k)).replace("2025", str(2025 - k))
        part = f"第{_part_label(k)}部分 报告汇编之{k + 1}\n\n{text}\n\n"
        parts.append(part)
        size += len(part.encode("utf-8"))
        k += 1
    return "".join(parts)


# Characters no part re-letters: numerals and what labels and units are made of, so that every
# part keeps its seed's outline (`第三章`, `（一）`, `一、`) and figures (`增长6%`, `3.5万亿元`).
_KEPT = set("一二三四五六七八九十百千万亿零〇两第章节条部分年月日元个项是")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


def distinct(target_bytes: int) -> str:
    """Like `stacked`, but part k > 0 re-lettered, title and text, by its own permutation of the
    seeds' Han characters (outside `_KEPT`): no two parts share their wording."""
    texts = [read_document(path).normalised for path in sorted(SEEDS.glob("*.txt"))]
    alphabet = sorted({ch for text in texts for ch in _HAN_CHAR.findall(text)} - _KEPT)
    parts: list[str] = []
    size = 0
    k = 0
    while size < target_bytes:
        text = texts[k % len(texts)]
        title = f"报告汇编之{k + 1}"
        if k:
            shuffled = alphabet[:]
            random.Random(k).shuffle(shuffled)
            table = str.maketrans(dict(zip(alphabet, shuffled, strict=True)))
            # The part's title too: titles alike in every part would pair every part with
            # every other by heading, a square no real outline has.
            text, title = text.translate(table), title.translate(table)
        part = f"第{_part_label(k)}部分 {title}\n\n{text}\n\n"
        parts.append(part)
        size += len(part.encode("utf-8"))
        k += 1
    return "".join(parts)


def mutated(text: str, seed: int, rate: float = 0.05) -> str:
    """A next version: numbers changed, sentences dropped, edited and moved, at `rate` per sentence."""
    rng = random.Random(seed)
    text = _NUMBER.sub(lambda m: str(int(m.group(1)) + 1) if rng.random() < rate else m.group(1), text)
    moved: list[str] = []

    def edit(match: re.Match[str]) -> str:
        sentence = match.group()
        roll = rng.random()
        if roll < rate:
            return ""
        if roll < 2 * rate:
            moved.append(sentence)
            return ""
        if roll < 3 * rate:
            pos = rng.randrange(len(sentence))
            return sentence[:pos] + "切实" + sentence[pos:]
        if moved and roll < 4 * rate:
            return sentence + moved.pop()
        return sentence

    return _SENTENCE.sub(edit, text)
