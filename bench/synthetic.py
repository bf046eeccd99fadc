"""Synthetic large reports for benchmarks: seeds stacked into parts, and a mutated next version."""

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
