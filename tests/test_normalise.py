"""Normalisation: folds, repairs of extraction artifacts, and the offset map back to the text."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.normalise import normalise
from tests.conftest import ALL_SEEDS, NEWS_2021, OUTLOOK_2024, PLAN, REPORT_2025, examples, seed_document

FULL_WIDTH_OF = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）", ".": "。"}


def norm(text: str) -> str:
    return normalise(text)[0]


def assert_offsets_valid(text: str) -> None:
    """Every normalised character comes from one original character, in increasing order."""
    normalised, offsets = normalise(text)
    assert len(offsets) == len(normalised)
    assert all(a < b for a, b in itertools.pairwise(offsets))
    for ch, origin in zip(normalised, offsets, strict=True):
        source = text[origin]
        if ch == source:
            continue
        if ch in "\n " and (source in "\r\n" or source.isspace()):
            continue  # a line break or a space standing for a removed break
        if FULL_WIDTH_OF.get(source) == ch:
            continue
        assert unicodedata.normalize("NFKC", source) == unicodedata.normalize("NFKC", ch), (ch, source)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("（一）凝心聚力谋发展,经济质效加快提升", "（一）凝心聚力谋发展，经济质效加快提升"),
        ("(一)凝心聚力", "（一）凝心聚力"),
        ("各位代表:", "各位代表："),
        ("ＧＤＰ增长８．２％", "GDP增长8.2%"),
        ("增长 35.46 %", "增长35.46%"),
        ("达到 1047.28 亿元， 比五年前", "达到1047.28亿元，比五年前"),
        ("总数\u3000达到\u00a0103家\u2003。", "总数 达到103家。"),
        ("虹\u200b口\ufeff区", "虹口区"),
        ("共 1,000 户", "共1,000户"),
        ("PM _{2.5} 浓度", "PM2.5浓度"),
        ("目 录", "目录"),
        ("引进 5G 技术和 OSM Thome 企业", "引进5G技术和OSM Thome企业"),
        ("建上海北外滩 树都市新标杆", "建上海北外滩 树都市新标杆"),
    ],
)
def test_folds_and_spacing(raw: str, expected: str) -> None:
    assert norm(raw) == expected


def test_decimal_points_are_never_touched() -> None:
    assert "35.46%" in norm("实到外资增长 35.46%、增速全市第一。")
    assert "1.62万平方米" in norm("共 1.62 万平方米。")


def test_doubled_bold_glyphs_are_repaired() -> None:
    assert norm(" 上上海海北北外外滩滩 浦浦江江金金三三角角") == "上海北外滩 浦江金三角"
    assert norm("瑞瑞虹虹天天地地太太阳阳宫宫开开业业") == "瑞虹天地太阳宫开业"


@pytest.mark.parametrize("text", ["常常", "天天", "人人参与、人人负责", "常常看看", "谢谢谢谢"])
def test_genuine_reduplication_is_left_alone(text: str) -> None:
    assert norm(text) == text


def test_hard_wraps_inside_a_sentence_are_joined() -> None:
    raw = (
        "五年来，虹口坚持稳中求进工作总基调，聚焦\n强化“四大功能”，大力发展“五型经济”，着力\n提高经济发展质量和效益。\n"
    )
    assert (
        norm(raw)
        == "五年来，虹口坚持稳中求进工作总基调，聚焦强化“四大功能”，大力发展“五型经济”，着力提高经济发展质量和效益。"
    )


def test_sentence_broken_across_a_page_break_is_joined() -> None:
    raw = "经济发展能级持续提升。地区生产总值突破千亿元大关，2020\n\n年达到 1047.28 亿元。\n"
    assert norm(raw) == "经济发展能级持续提升。地区生产总值突破千亿元大关，2020年达到1047.28亿元。"


def test_a_number_wrapped_inside_and_a_page_number_between_are_mended() -> None:
    # A PDF's hard wrap may fall inside a number; its page numbers (`— 1 —`, `第 2 页`) are no text.
    lines = [
        "过去一年，全省生产总值达到9.01万亿元，",
        "比上年增长5.5%，一般公共预算收入895",
        "1亿元，增长2.5%，研发经费支出占地区生",
        "产总值比重达到3.2%左右，数字经济核心产",
        "业增加值增长7.1%，占GDP比重达12.",
        "5%，城乡居民收入比缩小到1.83。",
    ]
    raw = "\n".join([*lines, "", "— 1 —", "", "二、2025年目标任务", "第 2 页"]) + "\n"
    assert norm(raw) == "".join(lines) + "\n二、2025年目标任务"
    # Words wrapped apart stay apart.
    assert (
        norm("推进PM2.5和臭氧协同治理，推广5G\nApp应用场景，\n覆盖全市。")
        == "推进PM2.5和臭氧协同治理，推广5G App应用场景，覆盖全市。"
    )


def test_headings_and_finished_paragraphs_are_not_joined() -> None:
    raw = "经济发展更加强劲\n五年来，虹口坚持稳中求进。\n\n城区有温度生活更美好\n\n虹口关注群众生活。"
    assert norm(raw).split("\n") == [
        "经济发展更加强劲",
        "五年来，虹口坚持稳中求进。",
        "城区有温度生活更美好",
        "虹口关注群众生活。",
    ]


def test_interposed_paragraph_does_not_swallow_a_broken_sentence() -> None:
    raw = "虹口区力争做到“民有所呼、我\n\n去年前三季度，地区生产总值增长8.9%。\n\n有所应”。如为解决断头路问题。"
    assert norm(raw).split("\n")[0] == "虹口区力争做到“民有所呼、我"


def test_web_furniture_at_both_ends_is_removed() -> None:
    doc = seed_document(REPORT_2025)
    assert doc.normalised.startswith("2025年上海市虹口区政府工作报告\n")
    assert doc.normalised.endswith("该不该当下花。")
    lines = set(doc.normalised.split("\n"))
    for chrome in ("注册|登录", "筛选地域", "官网原文 导出笔记 打印 分享", "0/0", "笔记", "记笔记", "写下来"):
        assert chrome not in lines


def test_photo_credits_and_their_captions_are_removed() -> None:
    doc = seed_document(OUTLOOK_2024)
    assert "供图" not in doc.normalised
    assert "重要展示窗口" not in doc.normalised  # the photo caption above the first credit
    assert doc.normalised.startswith("增强城区核心竞争力，开创高质量发展新局面\n")


def test_figure_captions_html_and_bullets_are_removed() -> None:
    doc = seed_document(PLAN)
    assert "图1" not in doc.normalised and "图 1" not in doc.normalised
    assert "<ul" not in doc.normalised and "◇" not in doc.normalised
    assert "PM2.5" in doc.normalised
    assert "2020年达到1047.28亿元" in doc.normalised


def test_pdf_newspaper_is_repaired() -> None:
    doc = seed_document(NEWS_2021)
    lines = doc.normalised.split("\n")
    assert lines[:3] == ["上海北外滩 浦江金三角", "蝶变 跃升 虹口接续奋斗再上新征程", "经济发展更加强劲"]
    assert "上接" not in doc.normalised
    assert "一般公共预算收入今年预计达到155.2亿元，比五年前增长51.7%" in doc.normalised


@pytest.mark.parametrize("path", ALL_SEEDS, ids=lambda p: p.stem)
def test_seed_offsets_map_back_to_the_text(path: object) -> None:
    doc = seed_document(path)  # type: ignore[arg-type]
    assert_offsets_valid(doc.text)


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *list("虹口区上海北外滩常人，。、；：！？“”（）()[],.:;!? \u3000\xa0\u200b\t\n\r0123456789%ABCxyz"),
                "\r\n",
                "\n\n",
                "上上海海北北外外滩滩",
                "<ul style=x>",
                "◇",
                "_{2.5}",
                "注册 | 登录",
                "(虹口区供图)",
                "图 1 布局",
            ]
        ),
        max_size=80,
    ).map("".join)
)
def test_offsets_are_valid_for_any_text(text: str) -> None:
    assert_offsets_valid(text)


@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=200))
def test_offsets_are_valid_for_arbitrary_unicode(text: str) -> None:
    assert_offsets_valid(text)


def test_substrings_indexed_say_what_in_and_find_say() -> None:
    """The bigram index answers as `in` and `str.find` do (present, absent, where first): at
    the text's edges, with a query whose every bigram occurs but not together, and of one
    character."""
    import random

    from docdiff.textshape import Substrings

    rng = random.Random(3)
    letters = "甲乙丙丁戊己"
    for _ in range(200):
        text = "".join(rng.choice(letters + "，") for _ in range(rng.randint(0, 60)))
        indexed, plain = Substrings(text, indexed_from=0), Substrings(text)
        for _ in range(30):
            start = rng.randrange(len(text) + 1)
            queries = [
                text[start : start + rng.randint(1, 7)],
                "".join(rng.choice(letters) for _ in range(rng.randint(1, 6))),
            ]
            for query in queries:
                assert (query in indexed) == (query in text) == (query in plain), (text, query)
                assert indexed.find(query) == text.find(query) == plain.find(query), (text, query)
    assert "甲乙丙" not in Substrings("甲乙，乙丙", indexed_from=0)  # both bigrams there, not the trigram
