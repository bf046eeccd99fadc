"""The units of quantities in Chinese reports, shared by the diff tokenizer and target extraction."""

from __future__ import annotations

# Measure words that count things: `175台`, `30家`, `12批次`.
COUNT_UNITS: tuple[str, ...] = tuple(
    "批次 人次 艘次 家 个 项 台 户 套 幢 栋 座 所 条 件 次 人 名 位 批 场 艘 辆 架 "
    "张 间 床 处 块 幅 宗 笔 片 类 种 款 部 支 只 棵 株 匹".split()
)
# Units of measure: `35.7%`, `1.62万平方米`, `656.2亿元`.
MEASURE_UNITS: tuple[str, ...] = tuple(
    (
        "个百分点 百分点 平方公里 平方米 立方米 公里 千米 公顷 亩 美元 元/人 元 公斤 斤 "
        "吨标准煤 吨标煤 吨 千瓦时 千瓦 标箱 TEU 米 岁 倍 成 % ‰ 微克/立方米 天"
    ).split()
)
# The percent sign, half- and full-width: a rate.
PERCENT_SIGNS: frozenset[str] = frozenset({"%", "％"})
# Magnitudes written before a unit or alone: `1.62万平方米`, `两万`.
MAGNITUDES: tuple[str, ...] = ("万亿", "亿", "万", "千")
MAGNITUDE_VALUES: dict[str, float] = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}


def split_magnitude(unit: str | None) -> tuple[str, float]:
    """A unit's base and the factor of its magnitude: `万吨` → (`吨`, 1e4), `万` → (``, 1e4),
    `%` → (`%`, 1)."""
    unit = unit or ""
    for magnitude in MAGNITUDES:  # longest first: `万亿` before `万`
        if unit.startswith(magnitude):
            return unit[len(magnitude) :], MAGNITUDE_VALUES[magnitude]
    return unit, 1.0


# Everything a number keeps as one diff token: units, compound units, and calendar words
# (`2024年`, `11月`), so `175台 → 180台` or `2024年 → 2025年` is one replacement.
TOKEN_UNITS: tuple[str, ...] = tuple(
    sorted(
        {*COUNT_UNITS, *MEASURE_UNITS, *"微克/立方米 人/亿元 个月 年 月 日 号 天 周 层 期 轮 届 百 ℃".split()},
        key=len,
        reverse=True,
    )
)
