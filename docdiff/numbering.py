"""Recognise numbered heading openings (一、 / （三） / 5. / 第十二条 ...) and parse their numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from docdiff.textshape import CN_DIGITS

_CN_VALUES = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}

_N = rf"[{CN_DIGITS}]+|\d+"
# Each style, in order of rank: a lower index sits higher in the tree.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"^(第({_N})(?:部分|篇))\s*")),
    ("chapter", re.compile(rf"^(第({_N})章)\s*")),
    ("section", re.compile(rf"^(第({_N})节)\s*")),
    ("article", re.compile(rf"^(第({_N})条)\s*")),
    ("cn-enum", re.compile(rf"^(([{CN_DIGITS}]+)、)\s*")),
    ("cn-paren", re.compile(rf"^(（([{CN_DIGITS}]+)）)\s*")),
    # 一是…/二是… counts points; a heading only when it stands alone on its line (see segment).
    ("cn-ordinal", re.compile(rf"^(([{CN_DIGITS}]{{1,3}})是)(?=[^，,：:。])")),
    ("arabic", re.compile(r"^((\d{1,3})[.．、])(?!\d)\s*")),
    ("arabic-paren", re.compile(r"^(（(\d{1,3})）)\s*")),
)
RANK = {style: rank for rank, (style, _) in enumerate(_PATTERNS)}


@dataclass(frozen=True)
class Numbering:
    """The numbered opening of a line."""

    style: str
    label: str
    number: int
    rest_start: int  # offset in the line where the text after the label starts


def chinese_number(text: str) -> int | None:
    """Value of a Chinese or Arabic numeral as used in numbering: 一 → 1, 十二 → 12, 一百零三 → 103."""
    if text.isdigit():
        return int(text)
    total = 0
    digit: int | None = None
    for ch in text:
        if ch in _CN_VALUES:
            digit = _CN_VALUES[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def parse_numbering(line: str) -> Numbering | None:
    """The numbering a line opens with, if any."""
    for style, pattern in _PATTERNS:
        match = pattern.match(line)
        if match:
            number = chinese_number(match.group(2))
            if number is None:
                return None
            return Numbering(style, match.group(1), number, match.end())
    return None
