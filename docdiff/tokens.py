"""Split text into diff tokens: a number with its unit is one token, so is a Latin word.

`175台` → `180台` then reads as one replacement, never as `1[7→8]5台`.
"""

from __future__ import annotations

import re

# Magnitudes and units that belong to a number in Chinese reports (longest first in the pattern).
_UNITS = sorted(
    [
        "个百分点",
        "百分点",
        "平方公里",
        "平方米",
        "立方米",
        "万平方米",
        "公里",
        "千米",
        "公顷",
        "亩",
        "亿元",
        "万元",
        "千元",
        "元",
        "美元",
        "万美元",
        "亿美元",
        "吨",
        "万吨",
        "千瓦",
        "万千瓦",
        "千瓦时",
        "微克/立方米",
        "人/亿元",
        "标箱",
        "TEU",
        "家",
        "个",
        "项",
        "台",
        "户",
        "套",
        "幢",
        "栋",
        "座",
        "所",
        "条",
        "件",
        "次",
        "人次",
        "人",
        "万人",
        "名",
        "位",
        "批次",
        "批",
        "场",
        "艘次",
        "艘",
        "辆",
        "架",
        "张",
        "间",
        "床",
        "岁",
        "年",
        "个月",
        "月",
        "日",
        "号",
        "天",
        "周",
        "倍",
        "米",
        "层",
        "期",
        "轮",
        "届",
        "支",
        "类",
        "种",
        "款",
        "部",
        "处",
        "片",
        "块",
        "幅",
        "宗",
        "笔",
        "亿",
        "万",
        "千",
        "百",
        "%",
        "‰",
        "℃",
    ],
    key=len,
    reverse=True,
)
_NUMBER = r"\d+(?:[.,]\d+)*"
TOKEN = re.compile(
    rf"{_NUMBER}(?:[-—~～]{_NUMBER})?(?:余|多)?(?:万亿|亿|万|千|百)?(?:{'|'.join(map(re.escape, _UNITS))})?(?:余|多)?"
    r"|[A-Za-z]+(?:[-'][A-Za-z]+)*"
    r"|\s+"
    r"|.",
    re.DOTALL,
)


def tokenize(text: str) -> list[str]:
    """Tokens of `text`, which concatenate back to it exactly."""
    return TOKEN.findall(text)
