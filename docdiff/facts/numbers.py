"""Read the values of quantities: Arabic and Chinese numerals, ranges, fractions, 翻番, 一半."""

from __future__ import annotations

import re
from functools import lru_cache

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# A Chinese numeral starts with a digit or 十, never with a bare magnitude (亿元 is a unit); it may
# have decimals after 点 (`零点二个百分点`, `一点五倍`).
CN_NUMBER = rf"[零〇一二两三四五六七八九十][{CN_DIGITS}]*(?:点[零〇一二三四五六七八九]+)?"
RANGE_SEPARATORS = "-—–~～至到"
_RANGE = re.compile(rf"^({ARABIC})\s*[{RANGE_SEPARATORS}]\s*({ARABIC})$")
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_MINUS = "-−－"
_WORDS = {"一半": 0.5, "翻番": 2.0, "翻一番": 2.0, "翻两番": 4.0, "翻三番": 8.0, "过半": 0.5}


def parse_value(text: str) -> tuple[float, float | None] | None:
    """(value, high end of a range) of a numeral as printed; None if it is not a number."""
    text = text.strip()
    if text[:1] in _MINUS and text[1:2].isdigit():
        # `-2.5`: a fall printed as a negative growth (`同比增长-2.5%`).
        parsed = parse_value(text[1:])
        return None if parsed is None else (-parsed[0], None if parsed[1] is None else -parsed[1])
    if text in _WORDS:
        return _WORDS[text], None
    match = _RANGE.match(text)
    if match:
        return _arabic(match.group(1)), _arabic(match.group(2))
    match = _FRACTION.match(text)
    if match and int(match.group(2)):
        return int(match.group(1)) / int(match.group(2)), None
    if re.fullmatch(ARABIC, text):
        return _arabic(text), None
    if re.fullmatch(CN_NUMBER, text):
        value = _chinese(text)
        return None if value is None else (value, None)
    return None


@lru_cache(maxsize=4096)
def _chinese(text: str) -> float | None:
    """A Chinese numeral's value (cached: cn2an takes about a millisecond a numeral, and reports
    repeat the same few: 一, 三, 十四)."""
    # cn2an costs ~0.12 s to import: only when a Chinese numeral is read.
    import cn2an

    try:
        return float(cn2an.cn2an(text.replace("〇", "零"), "smart"))
    except (ValueError, KeyError):
        return None


def _arabic(text: str) -> float:
    return float(text.replace(",", ""))
