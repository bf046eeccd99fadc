"""Projects: named works and initiatives, found by the shape of their names.

Precision first: a name needs a distinctive head (`街坊`, `地块`, `号线`, `通道`, `会客厅`, `馆` …)
with a proper-name part before it, or to be an item of an enumeration that a count of works
qualifies (`世界会客厅二期、90街坊等14个项目`). A generic noun alone (`项目`, `中心`) is never a project.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Heads of names of works. The part before a head must be a name, not a verb phrase.
_HEADS = [
    "会客厅",
    "新地标",
    "地标",
    "通道",
    "隧道",
    "大桥",
    "广场",
    "大楼",
    "大厦",
    "公寓",
    "文学馆",
    "纪念馆",
    "博物馆",
    "美术馆",
    "图书馆",
    "剧场",
    "剧院",
    "体育馆",
    "体育场",
    "足球场",
    "公园",
    "绿地",
    "码头",
    "客运中心",
    "学院",
    "产业园",
    "科技园",
    "街区",
    "变电站",
    # zones and parks
    "新区",
    "示范区",
    "先行区",
    "商务区",
    "集聚区",
    "功能区",
    "度假区",
    "园区",
    "物流园",
    "纪念园",
    "高新园",
    "信息园",
    "乐园",
    "小镇",
    "走廊",
    "生态岛",
    # works
    "商城",
    "综合体",
    "场馆",
    "大厅",
    "口岸",
    "水厂",
    "发电厂",
    "电厂",
    "机场",
    "港区",
    "公路",
    "高架",
    "露天矿",
]
_HEAD = "|".join(sorted(_HEADS, key=len, reverse=True))
# Heads of named programmes and zones (`文化惠民工程`, `职业技能提升行动`, `海南自由贸易港`): they
# need a longer name before them, since a short one is a category (`民生工程`, `重大项目`).
_INITIATIVE_HEADS = [
    "专项行动",
    "专项斗争",
    "专项整治",
    "行动计划",
    "行动方案",
    "工程",
    "行动",
    "计划",
    "基地",
    "试验区",
    "自贸区",
    "自由贸易港",
    "铁路",
    "产业园",
    "景区",
    "装置",
    "中心",
    "平台",
    "项目",
]
# Heads that are as often a kind as a work (`重大科技项目`, `工业互联网平台`, `高速公路`): the
# name before them must hold a proper noun (a place, a person, an organisation: `海拉尔大数据中心`,
# `居然之家二期项目`, `沪通铁路`) by jieba's tags.
_WEAK_HEADS = ("中心", "平台", "项目", "园区", "公路", "机场", "示范区", "功能区", "新区", "市场", "港区")
_INITIATIVE = "|".join(sorted(_INITIATIVE_HEADS, key=len, reverse=True))
_ALL_HEADS = {*_HEADS, *_INITIATIVE_HEADS}  # a head alone names a kind, not a work
_PHASE = r"群?(?:[一二三四五六七八九十]期|\d期|（[^（）]{1,8}段）|\([^()]{1,8}段\))?"
# Characters that cannot be inside a name: punctuation, and function words and verbs that end
# the phrase before it.
_STOP = r"，。；：、！？“”（）《》\s的和与及等在对将已为以把被从向于了是有并"
_VERB_PREFIX = re.compile(
    r"^(?:推进|加快|建设|完成|实施|打造|启动|开工|竣工|建成|推动|加强|新建|改造|提升|优化|深化|持续|全面|聚焦|依托|围绕|"
    r"支持|引进|落地|开展|举办|做强|做优|形成|构建|完善|加大|积极|大力|重点|全力|努力|着力|创建|培育|发挥|强化|实现|高品质|高标准|"
    r"高水平|有序|同步|一体|首个|首批|增设|设立|赋予|复制推广|复制|增加|取消|降低|探索|扎实|稳慎|抓紧|鼓励|健全|制定|"
    r"促进|拓展|开工|挂牌|入选|结合|全市|全区|全国|再|要|或|新)+"
)
# What opens a name but is not part of it: a quantity (`一批`, `6家`) or a year (`2024年度`).
_QUANTIFIED = re.compile(r"^.*?(?:一批|一些|若干|一大批)|^\d+(?:家|个|项|座|所|条|处)|^\d{2,4}年度?")
_NAMED = re.compile(rf"([^{_STOP}]{{2,12}}?)({_HEAD}){_PHASE}")
_NAMED_INITIATIVE = re.compile(rf"([^{_STOP}]{{1,14}}?)(?:{_INITIATIVE}){_PHASE}")
_NUMBERED = re.compile(r"(?<![\dA-Za-z])(\d{1,4}[A-Z]?(?:街坊|地块))|((?:轨交|轨道交通|地铁)?\d{1,2}号线)")
_SIZED = re.compile(r"\d{2,4}米[\u4e00-\u9fff]{2,4}?(?:新地标|地标|大楼|塔楼)")
_PROGRAMME = re.compile(r"“[^“”]{2,12}”(?:系列工程|工程|行动|计划|项目|品牌)")
# `A、B等14个项目`: the items of an enumeration a count of works qualifies.
_ENUMERATION = re.compile(
    r"((?:[^，。；：、“”]{2,14}、)+[^，。；：、“”]{2,14})等\s*(?:\d+\s*(?:个|项|幅|处))?(?:项目|地块|街坊|工程)"
)
_MIN_INITIATIVE_NAME = 6  # characters, head included: `文化惠民工程`, not `民生工程`
_GENERIC = {"项目", "中心", "工程", "园区", "街区", "公园", "广场", "大楼", "服务中心", "城区", "社区", "示范区"}


# What each pattern's every match holds (a head, a digit, a quote…): a sentence without it is
# skipped, since scanning every position of every sentence with the lazy name patterns is most
# of the cost of extracting facts.
_NEEDS = {
    _PROGRAMME: re.compile("“"),
    _ENUMERATION: re.compile("、[^等]*等"),
    _SIZED: re.compile("米"),
    _NUMBERED: re.compile("街坊|地块|号线"),
    _NAMED: re.compile(_HEAD),
    _NAMED_INITIATIVE: re.compile(_INITIATIVE),
}


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, at no cost where the text lacks what every match holds."""
    return pattern.finditer(text) if _NEEDS[pattern].search(text) else iter(())


@dataclass(frozen=True)
class FoundProject:
    """A project name in a text: offsets relative to that text."""

    start: int
    end: int
    name: str


def find_projects(text: str, quoted: list[tuple[int, int]] | None = None) -> list[FoundProject]:
    """Projects named in `text`, each once per position; names inside `quoted` spans (titles,
    awards, slogans) are phrases, not works, unless a programme word follows the quote."""
    found: dict[int, FoundProject] = {}
    named: list[FoundProject] = []

    def add(start: int, end: int, least: int = 2) -> None:
        name = text[start:end]
        for _ in range(3):  # `进一步推动产业园`: an adverb, then a verb, then the name
            quantified = _QUANTIFIED.search(name)
            if quantified and quantified.end() < len(name) - 1:
                start += quantified.end()  # `再开工一批重大水利工程`: the name follows the quantity
                name = text[start:end]
            trimmed = _VERB_PREFIX.match(name)
            if trimmed and trimmed.end() < len(name) - 1 and name[trimmed.end()] not in "路街道弄巷":
                start += trimmed.end()
            start += _leading_function_words(text[start:end])
            if text[start:end] == name:
                break
            name = text[start:end]
        # Programme names hold verbs (`农村人居环境整治提升五年行动`); only works are cut at one.
        cut = _inner_cut(name, at_verbs=least < _MIN_INITIATIVE_NAME or name.endswith(_WEAK_HEADS))
        if cut is None:
            return
        start += cut
        name = text[start:end]
        if name in _GENERIC or name in _ALL_HEADS or len(name) < max(2, least) or not _named_enough(name):
            return
        if quoted and not name.startswith("“") and any(s <= start < e for s, e in quoted):
            return
        if not any(f.start <= start < f.end for f in found.values()):
            found[start] = FoundProject(start, end, name)

    for match in _matches(_PROGRAMME, text):
        add(match.start(), match.end())
    for match in _matches(_ENUMERATION, text):
        for name, start, end in _enumerated(match):
            add(start, end) if name == text[start:end] else named.append(FoundProject(start, end, name))
    for match in _matches(_SIZED, text):
        add(match.start(), match.end())
    for match in _matches(_NUMBERED, text):
        add(match.start(), match.end())
    for match in _matches(_NAMED, text):
        add(match.start(), match.end())
    for match in _matches(_NAMED_INITIATIVE, text):
        add(match.start(), match.end(), least=_MIN_INITIATIVE_NAME)
    for project in named:  # names completed from their neighbours (二期 → 东余杭路二期)
        if not any(f.start <= project.start < f.end for f in found.values()):
            found[project.start] = project
    return sorted(found.values(), key=lambda p: p.start)


# Word classes (jieba's tags) that never begin a name: adverbs, prepositions, conjunctions,
# idioms, pronouns, particles and locatives (`不断…`, `进一步…`, `深入开展…`, `思想上…`).
# Verbs may (`扫黑除恶专项斗争`, `职业技能提升行动`), so the closed list of task verbs above
# trims those.
_NOT_FIRST = ("d", "p", "c", "i", "r", "u", "f", "ad")


_PROPER = ("ns", "nr", "nt", "nz", "eng", "j")
_CUT = ("v", "d", "p", "c", "u", "f", "r", "ad", "i")


def _inner_cut(name: str, at_verbs: bool) -> int | None:
    """Where the name starts after the last word that cannot be inside one (a verb, adverb,
    preposition, conjunction, particle, locative): `古城打造特色街区` → `特色街区`. When only the
    head is left, a verb belongs to the programme's name (`职业技能提升行动`, `扫黑除恶专项斗争`)
    and the whole stands; any other word makes it an expression (`思想上政治上行动`): None."""
    from docdiff.words import tagged

    bare = re.sub(_PHASE + "$", "", name)  # `北横通道（虹口段）`: the phase is no word of the name
    words = tagged(bare)
    position = 0
    cut: tuple[int, str] | None = None
    for word, flag in words[:-1]:
        position += len(word)
        if flag.startswith(_CUT) and not flag.startswith(("vn", "an")) and (at_verbs or not flag.startswith("v")):
            cut = (position, flag)
    if cut is None:
        return 0
    rest = bare[cut[0] :]
    if rest in _ALL_HEADS:
        return 0 if cut[1].startswith("v") else None
    return cut[0]


def _named_enough(name: str) -> bool:
    """A name with a weak head needs a proper noun before the head."""
    bare = re.sub(_PHASE + "$", "", name)
    head = next((h for h in _WEAK_HEADS if bare.endswith(h)), None)
    if head is None:
        return True
    from docdiff.words import tagged

    return any(flag.startswith(_PROPER) for _, flag in tagged(bare[: -len(head)]))


def _leading_function_words(name: str) -> int:
    """How many characters of function words open `name`; jieba's tags, loaded on first use."""
    from docdiff.words import tagged

    length = 0
    words = tagged(name)
    for word, flag in words[:-1]:
        if not flag.startswith(_NOT_FIRST):
            break
        length += len(word)
    return length


def _enumerated(match: re.Match[str]) -> list[tuple[str, int, int]]:
    """Items of `A、B等N个项目` with their names completed: a bare number takes the kind of the
    last item (`119、180和339街坊` → 119街坊), a bare phase the name of the item before it."""
    offset = match.start(1)
    items = [(m.group(), offset + m.start(), offset + m.end()) for m in re.finditer(r"[^、和]+", match.group(1))]
    kind = re.search(r"(街坊|地块|号线)$", items[-1][0])
    out: list[tuple[str, int, int]] = []
    previous = ""
    for name, start, end in items:
        if name.isdigit() and kind:
            name = name + kind.group(1)
        elif re.fullmatch(r"[一二三四五六七八九十\d]期", name) and previous:
            name = re.sub(r"[一二三四五六七八九十\d]期$", "", previous) + name
        out.append((name, start, end))
        previous = name
    return out
