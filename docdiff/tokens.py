"""Split text into diff tokens: a number with its unit is one token, so is a Latin word.

`175台` → `180台` then reads as one replacement, never as `1[7→8]5台`.
"""

from __future__ import annotations

import re

from docdiff.units import TOKEN_UNITS

_NUMBER = r"\d+(?:[.,]\d+)*"
_UNIT = "|".join(map(re.escape, TOKEN_UNITS))
TOKEN = re.compile(
    rf"{_NUMBER}(?:[-—~～]{_NUMBER})?(?:余|多)?(?:万亿|亿|万|千|百)?(?:{_UNIT})?(?:余|多)?"
    r"|[A-Za-z]+(?:[-'][A-Za-z]+)*"
    r"|\s+"
    r"|.",
    re.DOTALL,
)


def tokenize(text: str) -> list[str]:
    """Tokens of `text`, which concatenate back to it exactly."""
    return TOKEN.findall(text)
