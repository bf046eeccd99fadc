"""Targets: a quantity with the metric it measures, its qualifier, period and tense.

Sentences are cut into clauses (at `，；：` and sentence ends, never at `、`, which lists parts
of one metric). In each clause a quantity is a number (Arabic, Chinese, a range, a fraction)
with a unit; the metric is the noun phrase before it, or after it for a count that qualifies a
noun (`175个重点项目`). Dates, years, ordinals, versions, and names that contain numbers
(`19号线`, `90街坊`, `700TEU`) are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal, NamedTuple

from docdiff.facts.models import Tense
from docdiff.facts.numbers import ARABIC, CN_NUMBER, RANGE_SEPARATORS, parse_value
from docdiff.textshape import CN_DIGITS
from docdiff.units import COUNT_UNITS, MAGNITUDES, MEASURE_UNITS, PERCENT_SIGNS, split_magnitude

_MAGNITUDES = "|".join(MAGNITUDES)
_UNITS = sorted(COUNT_UNITS + MEASURE_UNITS, key=len, reverse=True)
_UNIT = "|".join(re.escape(u) for u in _UNITS)
# A range may print its unit on both ends: `6%-6.5%` (one target, 6 to 6.5 percent).
_NUMBER = rf"{ARABIC}(?:%?\s*[{RANGE_SEPARATORS}]\s*{ARABIC})?|\d+/\d+|{CN_NUMBER}"
# Every quantity starts with a digit, a Chinese numeral, 翻 or 过: the lookahead rejects every
# other position at once, before the alternation is tried (speed only; the matches are the same).
# A minus sign right after a word is the number's sign (`同比增长-2.5%`), not a range's dash.
# A bound printed after the value (`6%左右`, `一半以上`). A decimal before `年` counts years, never a
# date (`平均受教育年限提高到11.3年`).
_AFTER_BOUNDS = "以上|以下|左右|以内"
_POST_BOUNDS = tuple(_AFTER_BOUNDS.split("|"))
# A fraction in words (`三分之一`): a share, as `压减三分之一以上` cuts by a third.
_CN_FRACTION = "[一二两三四五六七八九十]+分之[一二两三四五六七八九十]+"
QUANTITY = re.compile(
    r"(?=[\d零〇一二两三四五六七八九十翻过百]|(?<=[\u4e00-\u9fff])[-−－]\d)(?:"
    rf"(?P<num>(?:(?<=[\u4e00-\u9fff])[-−－](?=\d))?(?:{_NUMBER}))(?P<about>余|多)?"
    rf"(?P<unit>(?:{_MAGNITUDES})?(?:{_UNIT})|(?:{_MAGNITUDES})|(?<=\.\d)年|(?<=\.\d\d)年)"
    rf"(?P<post>余|多|{_AFTER_BOUNDS})?"
    rf"|(?P<word>翻[一两三]?番|一半|过半|百分之(?:{ARABIC}|{CN_NUMBER})|{_CN_FRACTION})(?P<word_post>{_AFTER_BOUNDS})?"
    rf"|(?P<fraction>\d+/\d+)(?=的)"
    # A ratio or a coefficient has no unit: a bare decimal ending its clause, maybe with its bound
    # (`城乡居民收入比缩小到2.07`, `…倍差缩小到1.8以内`, `恩格尔系数为28.5`), an amount only after a
    # dimensionless metric (see `_RATIO_BEFORE`).
    rf"|(?<![\d.])(?P<ratio>\d+\.\d+)(?P<ratio_post>{_AFTER_BOUNDS})?(?=[，。；、）)]|$))"
)
# What a bare ratio follows: a metric that is a ratio (`收入比`, `收入倍差`, urban to rural income), a
# coefficient or an index, and the verb that moves or links it (`收入比缩小到`, `基尼系数为`, `发展指数达到`).
_RATIO_BEFORE = re.compile(
    r"[\u4e00-\u9fff](?:比|倍差|系数|指数)(?:(?:缩小|扩大|提高|降低|下降|上升)(?:到|至)|降至|达到|为)?$"
)
# What a quantity must not be followed by: it is a date, a version or a rank, not an amount.
# `年度` opening a noun (`65个年度重点项目`: yearly key projects) is an attribute, not a span of years.
_NOT_AFTER = re.compile(r"^(?:年(?!度[\u4e00-\u9fff]{2})|[月日号周时分秒]|版|届|代|级|楼|层|强)")
# A threshold that defines a bracket (`所得额100万元至300万元部分`, `不到100万元部分`) is not an amount.
_BRACKET = re.compile(rf"^(?:[{RANGE_SEPARATORS}][\d.]+[^，。；、\d]{{0,4}}?)?(?:以下|以上|以内)?的?部分")
# After a number without a count unit, these make it part of a name (19号线, 90街坊).
_NAME_AFTER = re.compile(r"^(?:号线|街坊|地块|弄|路|期)")
# A unit character that starts a word with the next one is no unit: 项目, 个人, 家庭, 场景.
_UNIT_WORDS = {
    "项": "目",
    "个": "人体性方",
    "家": "庭属乡",
    "场": "景所地馆",
    "户": "籍外",
    "所": "有以",
    "名": "单称片",
    "位": "置于",
    "条": "件例款",
    "部": "门分署",
    "类": "型",
    "种": "类",
    "处": "理置罚",
    "套": "餐",
    "座": "谈",
    "次": "要序",
    "件": "事",
    "人": "口",
}
# A Chinese numeral with these units is an ordinal (十二届, 五次全会), not an amount.
_ORDINAL_UNITS = ("次", "届", "期")
# Verbs that end the noun a count qualifies (`175个重点项目集中签约`).
_NOUN_END = (
    "集中|如期|顺利|加快|完成|启动|开工|竣工|签约|交付|建成|落地|投用|开业|获|入选|通过|实现|收尾|出让|建设|全部|高比例|"
    "荣获|进行|开展|提供|参与|的|、|（|\\(|和|已|$"
)
# How a task is done (`全力确保`, `切实完成`) and the verb that does it (`实施旧住房改造`, `开展职业技能
# 培训`): no part of what is measured, nor a qualifier of it.
_MANNER = ("全力", "切实", "实施", "开展")
_LEADING = ("累计", "累积", "合计", "力争", "确保", "完成", "实现", "努力", "预计", "至少", *_MANNER)
# A verb making what follows move or reach a level (`推动先进制造业投资增长15%`, `促进研发投入强度
# 达到3%`): it governs the clause of the metric's move, and is no part of the metric.
_CAUSING = re.compile(r"(?:推动|促进|带动|力促|推进)(?=[\u4e00-\u9fff]{2})")
# Reaching a level as a step (`粮食产量首次迈上1.4万亿斤新台阶`): a direction, and what follows
# the value (`新台阶`, `大关`) is the step, not a thing measured.
_STEPS = ("迈上", "跃上", "站上")
# Qualifiers that sit right before the number: those that say which way a quantity moves or
# where it is held, those that say how exact it is (a bound), and the rest (`完成`, `共`);
# `力争` (strive for) bounds a target from below but is read as an intent before the metric.
DIRECTIONS = (
    "增长",
    "下降",
    "减少",
    "提高",
    "降低",
    "提升",
    "增加",
    "控制在",
    "保持在",
    "稳定在",
    "达到",
    "达",
    "保持",
    "突破",
    *_STEPS,
    "扩大",
    "缩小",
    "收窄",
    "降",
    "上涨",
    "上升",
    "压减",
    "压缩",
)
# Directions that name no way a quantity moves, only the level it is held at or reaches:
# `粮食产量保持在1.3万亿斤以上` states the target `粮食产量1.3万亿斤以上` states, and
# `城镇调查失业率控制在5.5%左右` the one `城镇调查失业率5.5%左右` states (its bound says how).
LEVEL_DIRECTIONS = frozenset(("保持在", "稳定在", "保持", "控制在", "达到", "达"))
# Moves up and moves down: another metric moving the other way is never the same target
# (`单位国内生产总值能耗降低` is no `国内生产总值增长`), though the same one may turn (`生产总值下降`).
RISING = frozenset(("增长", "提高", "增加", "上升", "扩大"))
FALLING = frozenset(("下降", "降低", "减少", "压减", "缩小"))


# Metric similarity (0..1) from which a target moving the other way is the same metric turning.
SAME_METRIC = 0.95


def opposite_moves(a: str | None, b: str | None) -> bool:
    """Whether directions `a` and `b` move opposite ways (one up, one down)."""
    return bool(a and b and ((a in RISING and b in FALLING) or (a in FALLING and b in RISING)))


BOUNDS = (
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "超过",
    "高于",
    "低于",
    "约",
    "近",
    "逾",
    "超",
    "接近",
    "力争",
    # at least, at most: `至少新增就业岗位5万个`, `给予最高100万元奖励`
    "至少",
    "最多",
    "最高",
)
_OTHER_QUALIFIERS = ("完成", "实现", "共", "累计")
# Longest first, so `不低于` wins over `低于`.
QUALIFIERS_BEFORE = sorted({*DIRECTIONS, *BOUNDS, *_OTHER_QUALIFIERS} - {"力争"}, key=lambda word: (-len(word), word))
PERIOD = re.compile(
    r"(?P<period>前三季度|前两季度|上半年|下半年|[一二三四]季度|\d{1,2}[—\-–~]\d{1,2}月|前\d{1,2}个月|全年|"
    r"五年累计|年均|期末|(?:19|20)\d{2}年)"
)
# `好于预期`, `超出预期`, `超预期`: an outcome measured against what was expected, not a plan, and
# `预期转弱` is expectations weakening; nor is
# `为年度计划的112%`, what was done measured against the plan.
# `拟` proposes (`赤字率拟按3%安排`); not in `模拟`, `虚拟`, `草拟`, `比拟`, nor `拟定` (drawn up).
# `争取` strives for, `争取到` obtained (`争取到中央预算内投资2.76亿元`) unless a horizon follows.
_PLAN = re.compile(
    r"今年(?!以来)|明年|力争|将|计划(?!的)|原定|(?<!已)安排(?!部署)|(?<![于出过超])预期(?!转弱|减弱)|目标是|确保|到(?:19|20)\d\d年(?!的)|争取(?!到(?!(?:19|20)\d\d年))|预计|(?<![模虚草比])拟(?!定)"
)
# `以来` closes a span at the present (`今年以来`, `2013年以来`, `十八大以来`): what it counts is done.
# An outcome measured against the plan (`超过年初预期目标0.6个百分点`, `好于预期`, `超额完成年度计划`)
# is done too, and the plan it names marks no plan of its own.
_AGAINST_PLAN = r"(?:超过|超出|高于|低于|好于|快于|超额完成)(?:年初|年度|全年|既定)?(?:预期目标|预期|计划|目标|原定)"
_RESULT = re.compile(rf"去年|过去|已经|已|累计完成|先后|上年|以来|{_AGAINST_PLAN}")
_AGAINST_PLAN_WORDS = re.compile(_AGAINST_PLAN)
# Last year as the base of a comparison (`比上年增加1800亿元`, `较去年同期`, `与上年持平`, `高于去年`) says what
# a number is measured against, not that it is past: a plan is compared with last year too. It
# marks a result only when nothing else in the sentence, its paragraph, part or headings does.
_LAST_YEAR = r"(?:上年|去年|上一年)"
# A comparison with a benchmark (`高于全省`, `比全省高`): the word of each way, and the words.
_MARGIN_WORDS = {"高": "高于", "低": "低于", "快": "快于", "慢": "慢于"}
# Bounds that set a value against a benchmark (`高于全市1-3个百分点`, `快于经济增长`).
MARGIN_BOUNDS = frozenset(_MARGIN_WORDS.values())
_MARGIN = "|".join(_MARGIN_WORDS.values())
_LAST_YEAR_BASE = re.compile(rf"(?:比|较|与|同|{_MARGIN}){_LAST_YEAR}")
_ESTIMATES = ("预计",)
# `安排` (arranges) sets a sum for the year ahead, unless the review part or a past word says it
# was arranged (`去年安排中央预算内投资6100亿元`).
_ARRANGES = ("安排",)
# `将` marks the future, and the object a verb moves (`将价格临时补贴标准提高1倍`, as 把): in the
# review part it is the latter, and marks no plan.
_DISPOSAL_WORDS = ("将",)


def split_qualifier(qualifier: str | None) -> tuple[str | None, str | None]:
    """(direction, bound) a qualifier word stands for: `增长` → (增长, None), `不低于` → (None, 不低于)."""
    return (qualifier if qualifier in DIRECTIONS else None, qualifier if qualifier in BOUNDS else None)


# A budget report's parts: `2023年预算执行情况` (how the budget was carried out), `2024年预算草案`.
_PLAN_SECTION = re.compile(r"主要工作|计划|目标|任务|安排|展望|规划|指标|重点工作|草案")
_RESULT_SECTION = re.compile(r"回顾|过去|成绩|成效|总结|进展|完成情况|执行情况")
# The whole area opening a clause (`全区实现…`): the clause's subject, not part of what it measures.
_WHOLE_AREA = "全(?:省|市|区|县|州|盟|旗|镇|乡)"
# The speaker's own area (`我国`, `我省`, `我区`) is the clause's subject as the whole area is.
_OWN_AREA = "我(?:国|省|市|区|县|州|盟|旗)"
_CONNECTOR = re.compile(
    rf"^(?:其中|同时|并且|并|以及|及|和|与|还|此外|另外|其次|再次|首先|(?:{_WHOLE_AREA})(?!生产总值)|区内|{_OWN_AREA})"
)
_NOUN_AFTER = re.compile(rf"^[\u4e00-\u9fff“”A-Za-z、]{{2,16}}?(?={_NOUN_END})")
_NOUN_START = re.compile(r"^[\u4e00-\u9fff“”A-Za-z]{2,8}")
# A clause ends at a comma, a semicolon, a colon or an end mark, but not at the comma grouping the
# thousands of a number (`1,234.5亿元`, `52,368元`), which is part of the number; and at a space
# between two Han characters, which normalising keeps only where a headline breaks its phrases
# (`今年目标 经济增长5%左右`); a space beside a Latin word does not (`CPI 上涨2%`).
_CLAUSE = re.compile(r"(?:[^，,；;：:。！？!?\n ]|(?<=\d),(?=\d{3}(?!\d))|(?<![\u4e00-\u9fff]) | (?![\u4e00-\u9fff]))+")
# `到2035年…比2020年翻两番`: the horizon and the base year are not part of what is measured.
_COMPARED_TO = re.compile(r"^到(?:19|20)\d\d年|比(?:19|20)\d\d年$")
_OPENING_PERIOD = re.compile(r"(?:年末|年底|每年)(?=[\u4e00-\u9fff]{2})")
_SINCE = re.compile(r"^(?:以来|以后|至今)的?")
# How two figures are made alike before they are compared (`按可比价格计算`, `同口径`).
_COMPARABLE = r"按(?:可比|不变)(?:价格|价|口径)(?:计算)?"
# On the same basis as last year (`同口径`), or comparable (`可比增长4%`, a budget report's word).
_SAME_SCOPE = r"(?:按)?(?:同口径|可比(?![价口]))(?:计算)?"
# The same figure in another currency (`按年平均汇率折算为15182美元`, `折合人民币…`).
_CONVERTED = r"按[\u4e00-\u9fff]{0,4}?汇率(?:折算|计算)|折合(?:人民币|美元)?|折算"
# The base of a comparison closing what stands before a number (`比上年`, `较去年同期`, `同比`),
# with what of last year it is (`比上年年初预算`, `比去年实际`: a short noun after the year, never
# the distributive adverb of a list that follows the base, `比上年分别增长8.9%和10%`).
_BASE = re.compile(
    rf"(?:(?:比|较|与){_LAST_YEAR}(?:(?!分别|均|都)[\u4e00-\u9fff]){{0,6}}?(?:相比)?|同比|环比)(?:{_COMPARABLE})?$"
    rf"|{_COMPARABLE}$|{_SAME_SCOPE}$"
    # What a rate is set against (`增速高于全省平均水平`) and what is left out of an amount first
    # (`剔除留抵退税因素后`): conditions of the comparison, not what is measured.
    rf"|(?:{_MARGIN})[\u4e00-\u9fff]{{2,10}}?$|(?:剔除|扣除)[\u4e00-\u9fff]{{2,12}}?(?:后|外)$"
)
# A margin over a benchmark written right before the figure: `高于全省平均水平`, `低于全国`, `比全省高`
# (a base of last year is a comparison in time, see `_BASE`).
_BENCHMARK = re.compile(
    rf"(?:(?P<word>不?(?:高于|低于)|快于|慢于|超过)(?P<benchmark>[\u4e00-\u9fff]{{2,10}}?)"
    rf"|比(?P<than>[\u4e00-\u9fff]{{2,10}}?)(?P<more>{'|'.join(_MARGIN_WORDS)}))$"
)
# A move that adds or takes away an amount; with a base and a unit that is not a rate, an increment.
_INCREMENT_MOVES = ("增加", "减少", "多", "少", "增长", "下降", "提高", "降低", "扩大", "缩小")
# 约 ends these words without meaning "about": 签约, 节约, 预约, 制约, 合约.
_NOT_ABOUT = set("签节预制合契公条")
# A verb of moving that opens a metric of four characters or more is the target's direction; not
# `增加值`, a noun.
_MOVED_FIRST = re.compile(r"(?:降低|提高|增加|减少|下调|上调|压减|削减)(?!值)(?=[\u4e00-\u9fff“]{4})")
# The growth rate of a metric named after it (`…增加值增速`, `…贷款增幅`, `…产值年均增速`, `…同比增幅`:
# yearly on average, against last year); not `涨幅`, which names a
# price index's measure (`居民消费价格涨幅`), nor a frame left alone (`增速`).
_GROWTH_TAIL = re.compile(r"(?<=[\u4e00-\u9fff]{3})(?:同比|(?P<yearly>年均))?(?:增速|增幅|增长率|增长速度)$")
_REACHED_TO = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:至|到)(?:每[年月日人户])?$")
# A modal and a negation before a comparison (`不得超过`, `不宜低于`, `应当不低于`, `必须不少于`):
# how a rule words the bound `不超过`, `不低于`, `不高于`, `不少于`.
_NEGATED_BOUND = re.compile(
    r"(?:(?:应当|应该|必须|须)?(?:原则上)?(?:不得|不应|不能|不宜|不可)|(?:应当|应该|必须)不)(超过|高于|低于|少于)"
    # right before the number, or before what it is measured against (`不得低于总用地面积的30%`)
    r"(?=(?:[\u4e00-\u9fff]{2,10}的)?$)"
)
_NAME_BEFORE = re.compile(r"[A-Za-z0-9]$")
# What may start the noun a quantity qualifies: not a particle, a bound, a conjunction or a
# preposition (`投资6462万元对…广场改造`: the sum is spent on it, not a kind of it).
_ATTRIBUTE = re.compile(
    r"^(?!的|以上|以下|左右|以内|和|及|与|、|等|对|为|向|给|把|将|从|由|在|于|用于)[\u4e00-\u9fffA-Za-z]"
)
# `3岁以下婴幼儿`, `60岁以上人口`: a bound followed by a noun defines a group, it counts nothing.
_GROUP = re.compile(r"^(?:以下|以上)(?!的)[\u4e00-\u9fff]")
# A sum, a bound and `的` before a noun define a group (`300万元以下的小微企业`, `投资十亿元以上
# 的重大项目`), unless the noun says how much (`…亿元以上的规模`); a count or a share before a
# noun counts it (`1500万人次以上的职工技能提升`, `覆盖50%以上的义务教育学校`).
_THRESHOLD_OF = re.compile(r"^的(?!增长|增速|增幅|涨幅|降幅|速度|水平|比重|幅度|规模)[\u4e00-\u9fff]")
# Sizes that name a thing when a noun follows (`480米新地标`); areas and sums before a noun are amounts.
_ATTRIBUTE_UNITS = ("米", "TEU", "标箱")


@dataclass(frozen=True)
class Measure:
    """What a target says: the metric, the value (or range), unit, qualifier and period."""

    metric: str
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str | None
    period: str | None
    value_text: str
    direction: str | None = None
    bound: str | None = None
    earlier: float | None = None
    change: Literal["increment"] | None = None


@dataclass(frozen=True, kw_only=True)
class Found(Measure):
    """A target found in a sentence: offsets are relative to the sentence."""

    start: int
    end: int
    tense: Tense | None
    value_start: int = 0  # where the number is printed in the sentence
    value_end: int = 0
    verb: str = ""  # the verb of making new its metric opens with (`新增`), which a list shares


Role = Literal["review", "tasks"]


def section_role(path: tuple[str, ...], has_review: bool) -> Role | None:
    """What a section's part does in a report: the review of the past, or (after a review part
    exists) the plans and tasks ahead."""
    if path and _RESULT_SECTION.search(path[0]):
        return "review"
    return "tasks" if has_review and path else None


def sentence_tense(sentence: str, path: tuple[str, ...], opening: str = "", role: Role | None = None) -> Tense | None:
    """`plan` or `result` from the sentence's own words, then its paragraph's opening sentence
    (`去年，…` / `今年，…` governs what follows), then the part's role (review or tasks), then
    the section headings. In a review, `预计` reports an estimated outcome, not a goal."""
    for text in (sentence, opening):
        if tense := stated_tense(text, role):
            return tense
    if role is not None:
        return "result" if role == "review" else "plan"
    tense = path_tense(path)
    if tense is None and any(_LAST_YEAR_BASE.search(text) for text in (sentence, opening)):
        return "result"
    return tense


def stated_tense(text: str, role: Role | None = None) -> Tense | None:
    """`plan` or `result` as the words of `text` state it, None when they state neither (see
    `sentence_tense`)."""
    plan = _PLAN.search(_AGAINST_PLAN_WORDS.sub("", text))
    word = plan.group() if plan else ""
    held = role == "review" and word in _ESTIMATES + _ARRANGES + _DISPOSAL_WORDS
    if plan and not held and not (word in _ARRANGES and _said_past(text)):
        return "plan"
    if plan or _said_past(text):
        return "result"
    return None


def _said_past(text: str) -> bool:
    """Whether `text` says it is past (`去年`, `已`), last year as a comparison's base aside."""
    return _RESULT.search(_LAST_YEAR_BASE.sub("", text)) is not None


def path_tense(path: tuple[str, ...]) -> Tense | None:
    """The tense the nearest heading that says one gives (`回顾`: result, `任务`: plan): all that a
    sentence's section path tells of it (see `sentence_tense`)."""
    for heading in reversed(path):
        if _RESULT_SECTION.search(heading):
            return "result"
        if _PLAN_SECTION.search(heading):
            return "plan"
    return None


# A Chinese numeral ending in a magnitude, with none inside the rest (`一万亿`, `两千亿`; not
# `三亿五千万`, whose magnitudes are read together).
_CN_MAGNITUDE_END = re.compile(r"([零〇一二两三四五六七八九十百千]+)(万亿|亿|万)")


def _in_magnitude(number: str, unit: str | None) -> tuple[tuple[float, float | None] | None, str | None]:
    """The value of a numeral and its unit, a Chinese numeral's magnitude with the unit as Arabic
    figures print it (`一万亿元` is 1 万亿元, `三百万人次` 300 万人次, `三亿五千万元` 3.5 亿元)."""
    if not unit or unit.startswith(MAGNITUDES) or not re.fullmatch(CN_NUMBER, number):
        return parse_value(number), unit
    held = _CN_MAGNITUDE_END.fullmatch(number)
    if held:
        return parse_value(held.group(1)), held.group(2) + unit
    parsed = parse_value(number)
    largest = next((word for word in ("亿", "万") if word in number), None)
    if parsed is None or largest is None:
        return parsed, unit
    return (round(parsed[0] / _magnitude(largest), 6), None), largest + unit


# What was done set against the plan or budget (`年度计划的`, `年初预算的`); before the share, with
# its verb (`为预算的`, `完成年度计划的`), a frame kept as the share's qualifier.
_PLAN_SHARE = r"(?:年度|全年|年初|调整)?(?:计划|目标|预算)(?:任务)?的"
_SHARE_OF_PLAN = re.compile(rf"(?:为|完成|达到|占)?{_PLAN_SHARE}$")


def _clause_tenses(sentence: str, tense: Tense | None, role: Role | None) -> dict[int, Tense | None]:
    """The tense of each clause (by its start) when the sentence's clauses state opposite ones
    (`去年研发投入强度达到3.1%，今年要提高到3.3%`, `原定建设1万套，已建成1.2万套`): each clause takes
    the tense it states, or the one the clause before it took. Empty when they do not disagree:
    the sentence's tense is every clause's."""
    stated = [(clause.start(), stated_tense(clause.group(), role)) for clause in _CLAUSE.finditer(sentence)]
    if {"plan", "result"} - {t for _, t in stated}:
        return {}
    tenses: dict[int, Tense | None] = {}
    last = tense
    for start, said in stated:
        last = said or last
        tenses[start] = last
    return tenses


def find_targets(
    sentence: str, path: tuple[str, ...], blocked: list[tuple[int, int]], opening: str = "", role: Role | None = None
) -> list[Found]:
    """Targets in one sentence; quantities inside `blocked` spans (quotes, names) are skipped.

    `opening` is the first sentence of the paragraph, which may set the tense of the rest;
    `role` is what the sentence's part does (see `section_role`).
    """
    if not QUANTITY.search(sentence):
        # No clause can hold a quantity (one in a clause is one in its sentence): nothing to do.
        return []
    tense = sentence_tense(sentence, path, opening, role)
    clause_tenses = _clause_tenses(sentence, tense, role)
    found: list[Found] = []
    sentence_period = _period(sentence)
    subject: str | None = None  # the last real metric of the sentence: what `同比增长…` is about
    measured: str | None = None  # the last metric of a number of the sentence
    subject_unit: str | None = None  # the unit its level was counted in (None: not known)
    for clause in _CLAUSE.finditer(sentence):
        text = clause.group()
        previous_end = 0
        previous_metric: str | None = None
        previous_verb = ""
        if not QUANTITY.search(text):
            # A clause without a number names the topic the next one counts: `旧区改造全面提速，累计完成94万平方米`.
            topic = _strip_metric(text.strip())[0]
            # `经济增速是综合性指标`: the topic is what comes before 是.
            topic = re.split(r"是|作为", topic, maxsplit=1)[0]
            if 2 <= len(topic) <= _MAX_TOPIC_CHARS and not generic_metric(topic):
                subject, subject_unit = topic, None
            continue
        clause_first = len(found)
        clause_period = _inherited_period(sentence_period, text)
        # `其中…` lists parts of what the clauses before measured (see `_narrowed`).
        measured_before = measured if text.lstrip().startswith("其中") else None
        spread = False  # the clause's values are said `分别` (each of its own subject) with no subject named
        taken = 0  # where the last target's value ends: the high end of a range is part of it
        for match in QUANTITY.finditer(text):
            start = clause.start() + match.start()
            if start < taken or any(s <= start < e for s, e in blocked) or not _is_amount(text, match):
                continue
            target = _target(
                text,
                match,
                clause.start(),
                clause_tenses.get(clause.start(), tense),
                clause_period,
                previous_end,
                previous_metric,
                previous_verb,
            )
            # The next metric starts after this target's noun (`48万平方米旧里改造、4.4万平方米…`).
            # A noun glued to the next number is that number's metric (`48个项目总投资超1890亿元`).
            noun_end = target.end - clause.start() if target else 0
            glued = re.match(r"\d", text[noun_end : noun_end + 1])
            previous_end = max(match.end(), noun_end) if target and not glued else match.end()
            if target is None:
                continue
            taken = target.value_end
            if _AREA_ALONE.fullmatch(target.metric) and _in_brackets(text, match.start()):
                pass  # the whole area in brackets: read once the clause's parts are known (`_over_the_area`)
            elif generic_metric(target.metric):
                if subject is None or not _fits(subject_unit, target.unit):
                    continue  # a number with no real metric is not a target
                spread = spread or "分别" in target.metric
                # `新增规上工业企业25家，总数达到312家`: the total counts them all, not the new ones.
                total = _TOTAL.search(target.metric) and _base_unit(target.unit) in COUNT_UNITS
                # `为预算的101.3%`, `完成调整预算的96.8%`: a share of the plan, shown as one.
                share = _SHARE_OF_PLAN.search(target.metric) if target.qualifier is None else None
                metric = counted_noun(subject) if total else subject
                # `税收收入5.9亿元，占比72%`: a share of the subject is not the subject.
                if (of_whole := _SHARE_WORD.search(target.metric)) and not _SHARE_WORD.search(metric):
                    metric += of_whole.group()
                target = replace(target, metric=metric, qualifier=share.group() if share else target.qualifier)
            elif (grown := _SUBJECT_GROWN.fullmatch(target.metric)) and subject and grown.group(2) in subject:
                # `粮食产量1.37万亿斤，增产74亿斤`: a verb of more or less fused with what the subject
                # measures (产 of 产量) is how far the subject moved: by an amount in its unit
                # (an increment), or by a rate.
                if not _fits(subject_unit, target.unit):
                    continue
                rate = target.unit in _RATE_UNITS
                moved = ("增长" if rate else "增加") if grown.group(1) == "增" else ("下降" if rate else "减少")
                target = replace(
                    target,
                    metric=subject,
                    direction=moved,
                    qualifier=target.qualifier or moved,
                    change=None if rate else "increment",
                )
            elif (acted := _ADVERB_VERB.fullmatch(target.metric)) and (
                done := _object_of(acted.group("verb"), sentence[: clause.start()])
            ):
                # `拟连续几年发行超长期特别国债，今年先发行1万亿元`: only how and when the verb is
                # done stands before the sum; what is done is the object of that verb before.
                target = replace(target, metric=done)
            elif (
                measured
                and target.end <= target.value_end
                and (
                    whole := _parallel_of(target.metric, measured)
                    or (_parallel_rates(target, found[-1]) and _narrowed(target.metric, measured))
                )
                and _fits(subject_unit, target.unit)
            ):
                # `城镇居民人均可支配收入达到5万元，农村居民达到2.5万元`: a part parallel to the
                # subject's opening names the same measure of another part (a subject before its
                # number; a noun a count is of, `21家优质企业`, names what is counted).
                target = replace(target, metric=whole)
            elif subject and (task := _TASK_OF.fullmatch(target.metric)) and task.group("verb") in subject:
                # `推进棚户区改造，完成800户的改造任务`: the task of the verb the topic names is the topic's.
                target = replace(target, metric=_task_named(subject))
            elif found and target.metric.startswith("已") and target.unit == found[-1].unit:
                # `16项中央环保督察反馈问题已整改完成7项`: a predicate alone (`已` opens it) says what
                # was done to the things counted just before.
                target = replace(target, metric=found[-1].metric + target.metric)
            elif found and (whole := _above_the_same(target.metric, found[-1].metric)):
                # `注册资金亿元以上65家、千万元以上548家`: a group above another sum of the same measure.
                target = replace(target, metric=whole)
            elif found and (whole := _measure_of_before(sentence, target, found[-1])):
                # `粮食播种面积稳定在1500万亩以上、产量…` (粮食产量), `实施重点项目47个，完成投资…`
                # (重点项目投资): a bare measure is of the thing the target before it measured or counted.
                target = replace(target, metric=whole)
            elif target.metric.startswith("占") and measured and not _in_brackets(text, match.start()):
                # `服务贸易进出口额增长8%，占对外贸易总额比重提高到30.3%`: a share names its part,
                # the quantity its sentence measured before it (not a topic without a number).
                target = replace(target, metric=measured + target.metric)
            found.append(target)
            previous_verb = target.verb
            measured = target.metric
            if not _in_brackets(text, match.start()):
                previous_metric = target.metric
                subject = target.metric
                # A growth rate says nothing of the unit the subject's level is counted in.
                subject_unit = None if target.direction and target.unit in _RATE_UNITS else target.unit
        if spread:
            found[clause_first:] = _spread_back(found[:clause_first], found[clause_first:])
        spread_out = _distribute(found[clause_first:])
        if measured_before and spread_out != found[clause_first:]:
            # `居民人均可支配收入达到5.2万元，其中城镇、农村居民分别增长4.5%、6.3%`: parts of the
            # whole measured before are that measure of each part.
            spread_out = [replace(t, metric=_narrowed(t.metric, measured_before) or t.metric) for t in spread_out]
        elif measured_before and clause_first:
            # `新增市场主体15.6万户，其中企业5.2万户`: a part counted as the things before it were.
            before = found[clause_first - 1]
            spread_out = [replace(t, metric=_counted_as(t, before) or t.metric) for t in spread_out]
        found[clause_first:] = _over_the_area(sentence, _fold_moves(sentence, spread_out))
    return found


# A task named by its verb alone (`改造任务`, `建设目标任务`): of the topic that holds the verb.
_TASK_OF = re.compile(r"(?P<verb>[\u4e00-\u9fff]{2})(?:目标)?任务")


def _task_named(topic: str) -> str:
    """The task a topic names, without the verbs and adverbs that open it (`继续推进棚户区改造` →
    `棚户区改造`: jieba's tags, a verb or an adverb before the first noun)."""
    from docdiff.words import tagged

    words = tagged(topic)
    k = 0
    while k < len(words) - 1 and (words[k][1][:1] in ("v", "d") or words[k][1] == "ad"):
        k += 1
    rest = "".join(word for word, _ in words[k:])
    return rest if len(rest) >= 2 else topic


# A sum that sets a group's bound (`亿元以上`, `5000万元以上`, `10亿元以下`).
_SUM_BOUND = re.compile(r"(?:\d+(?:\.\d+)?)?[十百千万亿]*元(?:以上|以下)")


def _above_the_same(metric: str, before: str) -> str | None:
    """`metric` completed with the measure of `before` when it opens on a sum bounding a group
    and `before` bounds its group by a sum of that measure (`注册资金亿元以上` then `千万元以上` →
    `注册资金千万元以上`; `年营业收入10亿元以上企业` then `亿元以上企业` → `年营业收入亿元以上企业`)."""
    if not _SUM_BOUND.match(metric):
        return None
    bound = _SUM_BOUND.search(before)
    return before[: bound.start()] + metric if bound and bound.start() >= 2 else None


def _counted_as(part: Found, before: Found) -> str | None:
    """The metric of a part listed after `其中` and counted in the unit of the things counted before
    it, with the verb that counted them (`新增市场主体…，其中企业…` → `新增企业`, `培训职工…，其中
    农民工…` → `培训农民工`). None when the units differ (`新增就业岗位3万个，其中高校毕业生1.2万人`
    counts people, not jobs) or the part says its own verb (`其中新建小学5所`)."""
    unit = _base_unit(part.unit)
    if unit != _base_unit(before.unit) or unit not in COUNT_UNITS or len(part.metric) < 2:
        return None
    from docdiff.words import tagged

    counted = tagged(before.metric)
    if len(counted) < 2 or not _a_counting_verb(*counted[0]) or _a_counting_verb(*tagged(part.metric)[0]):
        return None
    return counted[0][0] + part.metric


def _a_counting_verb(word: str, tag: str) -> bool:
    """A verb that counts what follows it: any verb (`培训`), or one of making new, whatever jieba
    tags it (`新建` comes out a place name, `新开工` a proper noun)."""
    return tag.startswith("v") or (word.startswith("新") and len(word) >= 2)


def _narrowed(part: str, subject: str) -> str | None:
    """`part` completed with the rest of `subject` when it names a part of what the subject
    measures: a modifier, then words of the subject that a measure follows there (`城镇居民` of
    `居民人均可支配收入` → `城镇居民人均可支配收入`, `高新技术企业` of `规模以上企业营业收入` →
    `高新技术企业营业收入`). None otherwise, or when the subject has no rest of two characters or
    more to give."""
    for size in range(len(part) - 1, 1, -1):
        at = subject.find(part[-size:])
        if at >= 0 and len(subject) - at - size >= 2:
            return part + subject[at + size :]
    return None


# A share of a whole said without its whole (`占比72%`, `比重为30%`).
_SHARE_WORD = re.compile(r"占比|比重")


def _parallel_rates(target: Found, before: Found) -> bool:
    """Two rates that move the same way, said one after the other (`国有控股企业增加值增长4.1%，
    民营企业增长5.3%`): a list of the same measure of parts, where a part may name only the thing
    whose measure it is (`民营企业` → `民营企业增加值`, see `_narrowed`)."""
    return bool(
        target.direction
        and target.unit in _RATE_UNITS
        and (target.unit, target.direction) == (before.unit, before.direction)
    )


def _parallel_of(part: str, subject: str) -> str | None:
    """`part` completed with the rest of `subject` (the metric counted before it in the sentence),
    when it stands for the subject's opening with another modifier: as long as that opening, not
    the same, and ending on the same character (`农村居民` of `城镇居民人均可支配收入` →
    `农村居民人均可支配收入`, `第三产业` of `第二产业增加值`). None when the subject has no rest
    of two characters or more to give, or the part ends on it already."""
    size = len(part)
    opening, rest = subject[:size], subject[size:]
    if size < 2 or len(rest) < 2 or part == opening or part[-1] != opening[-1]:
        return None
    if part.endswith(rest):
        return None  # `高新技术企业` after `新增规上工业企业`: the part prints its own head
    return part + rest


def _measure_of_before(sentence: str, target: Found, before: Found) -> str | None:
    """A bare measure, one noun (`产量`, `投资`), completed with the thing of the target counted
    right before it in its sentence:
    - listed by `、` after a measured target, that target's words before its own measure
      (`粮食播种面积…、产量` → 粮食产量, `新建林地7.6万亩、绿地` → 新建绿地);
    - after `，`, in a unit of another kind, that thing's other measure, when a noun opens the thing
      (`粮食播种面积稳定在1.75亿亩，总产量…` → 粮食总产量; not `新建道路10公里，投资…`);
    - after a count of things, in an amount of another kind, those things (`实施重点项目300个，完成
      投资2500亿元` → 重点项目投资): the count names what the amount is of.
    None when it is no such noun (a verb, `供应`, says what is done, not of what), for things
    counted side by side (`学校5所、医院3家`: a hospital is no school's; the shared verb is
    `_distribute`'s), or when the thing holds it (`出口` after `进出口总额` is a part of the trade)."""
    at = sentence.rfind(target.metric, 0, target.value_start)
    if at <= 0 or len(target.metric) < 2 or at < before.value_end:
        return None
    from docdiff.words import tagged

    bare = tagged(target.metric)
    # One noun, or a noun its kind opens (`总投资`: `总`, a distinguishing word, jieba's `b`).
    if len(bare) > 2 or bare[-1][1] not in ("n", "vn") or (len(bare) == 2 and bare[0][1] != "b"):
        return None
    words = tagged(before.metric)
    if _base_unit(before.unit) in COUNT_UNITS:
        amount = _base_unit(target.unit) not in COUNT_UNITS and target.unit not in _RATE_UNITS
        # A plain count (not a move against a base, `比计划增加22个`), then an amount of another kind.
        if not amount or before.direction or not _MEASURE_AFTER_COUNT.fullmatch(sentence[before.value_end : at]):
            return None  # things counted side by side (`学校5所、医院3家`), or a rate of its own
        things = words[1:] if len(words) > 1 and words[0][1].startswith("v") else words  # not `实施`
        thing = "".join(word for word, _ in things)
        if len(thing) - len(counted_noun(thing)) == len(things[0][0]):
            thing = counted_noun(thing)  # `新建` goes as `实施` does; `新开工` is one word, and stays
    elif len(words) >= 2 and (
        (sentence[at - 1] == "、" and bare[0][1] == "n")
        or (sentence[at - 1] == "，" and words[0][1] == "n" and _another_measure(target, before))
    ):
        thing = "".join(word for word, _ in words[:-1])
    else:
        return None
    if len(thing) < 2 or target.metric in thing:
        return None
    return thing + target.metric


def _another_measure(target: Found, before: Found) -> bool:
    """Whether `target` gives another measure of the thing `before` measured, in a unit of another
    kind, neither a rate (`粮食播种面积稳定在1.75亿亩，总产量达到1270万吨`: area, then weight)."""
    units = (_base_unit(target.unit), _base_unit(before.unit))
    return (
        units[0] != units[1]
        and not any(unit in COUNT_UNITS for unit in units)
        and target.unit not in _RATE_UNITS
        and before.unit not in _RATE_UNITS
    )


# Between a count of things and an amount of their measure: the mark and the verb of doing it
# (`实施重点项目300个，完成投资…`, `新建公园5个、面积…`).
_MEASURE_AFTER_COUNT = re.compile(r"[，、]?(?:完成|实现|累计完成|共完成|总|(?:年度)?计划)?")


def _spread_back(before: list[Found], listed: list[Found]) -> list[Found]:
    """`城镇居民人均可支配收入52368元，农村居民人均可支配收入24120元，分别增长5.1%和7%`: values said
    `分别` in a clause that names no subject belong, in order, to the subjects the clauses before
    counted, one each (the nearest as many as there are values); the later values move the way the
    first one does. Fewer subjects than values: the clause's values keep the last subject. One value
    said `分别` of the subjects counted just before in one unit (`城镇和农村居民人均可支配收入分别达
    35512元、25689元，分别同比增长7.8%`) is each one's."""
    if len(listed) == 1 and before:
        unit = before[-1].unit
        run: list[str] = []  # the subjects counted just before in the last one's unit, last first
        for target in reversed(before):
            if target.unit != unit:
                break
            if target.metric not in run:
                run.append(target.metric)
        return [replace(listed[0], metric=metric) for metric in reversed(run)] if len(run) > 1 else listed
    subjects: list[str] = []  # the nearest subjects, last first
    for target in reversed(before):
        if len(subjects) == len(listed):
            break
        if target.metric not in subjects:
            subjects.append(target.metric)
    if len(listed) < 2 or len(subjects) < len(listed):
        return listed
    lead = listed[0]
    return [
        replace(t, metric=metric, direction=t.direction or lead.direction, qualifier=t.qualifier or lead.direction)
        for t, metric in zip(listed, reversed(subjects), strict=True)
    ]


# `增产`, `减收`: more or less of what the second character names.
_SUBJECT_GROWN = re.compile(r"([增减])([\u4e00-\u9fff])")
# Adverbs of order, repetition and intent before a verb, and the verb: `先发行`, `另安排`, `拟新增`.
# Not `再`, which makes nouns of verbs (`再就业`, `再生产`, `再融资`).
_ADVERB_VERB = re.compile(r"(?:先|又|还|另|拟|将|已|继续|进一步|首先|分批)+(?P<verb>[\u4e00-\u9fff]{2})")


def _object_of(verb: str, before: str) -> str | None:
    """The noun `verb` last took as its object in `before` (up to its clause's end), if it names one."""
    done = None
    for clause in _CLAUSE.finditer(before):
        match = re.search(rf"{re.escape(verb)}([\u4e00-\u9fff“”]{{2,16}})$", clause.group())
        done = match.group(1) if match else done
    return done if done and not generic_metric(done) else None


# What stands between the two values of a move: `由9.8%降至7.5%`, `从每月70元提高到88元`,
# `现行16%的税率降至13%`, `从不到70万亿元增加到超过100万亿元`.
_MOVE_VERB = (
    r"(?:增加|提高|增长|下降|降低|减少|扩大|缩小|跃升|攀升|上升|回升|提升|加快|放缓|回落|收窄|调整|调|降|升|增|减)"
    r"(?:到|至|为)"
)
_MOVE = re.compile(
    rf"^(?:的(?P<noun>[\u4e00-\u9fff]{{1,6}}?))?(?:大幅|逐步|进一步)?(?P<verb>{_MOVE_VERB})"
    r"(?:(?:19|20)\d\d年(?:底|末)?的?)?(?:超过|不到|近|约|逾)?$"
)
_MOVE_END = re.compile(_MOVE_VERB + "$")
# Where a move starts, with the words naming what its values count (`从月销售额`), after a metric.
_MEASURED_IN = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:由|从)[\u4e00-\u9fff]{1,4}$")


def _fold_moves(sentence: str, targets: list[Found]) -> list[Found]:
    """`由A降至B` is one target, B, that moved from A: the earlier value is kept on it, named
    by the metric before A (with the noun between, `现行16%的税率降至13%`)."""
    folded: list[Found] = []
    for target in targets:
        previous = folded[-1] if folded else None
        move = (
            _MOVE.match(sentence[previous.value_end : target.value_start])
            if previous is not None and previous.earlier is None and previous.unit == target.unit
            else None
        )
        if previous is None or move is None:
            folded.append(target)
            continue
        # `起征点从月销售额10万元提高到15万元`: the words after 从 say what the values are counted in.
        metric = _MEASURED_IN.sub("", _MOVE_END.sub("", previous.metric))
        noun = move.group("noun")
        if noun and noun not in metric:
            metric += noun
        folded[-1] = replace(
            target,
            metric=metric or target.metric,
            earlier=previous.value,
            start=previous.start,
            # `由增长2.1%加快到5.3%`: both values are growths, and 5.3% is one too.
            direction=target.direction or previous.direction or move.group("verb"),
            qualifier=target.qualifier or previous.qualifier or move.group("verb"),
        )
    return folded


_RATE_UNITS = ("%", "个百分点", "倍", None)


def _fits(subject_unit: str | None, unit: str | None) -> bool:
    """Whether a quantity with no metric of its own can be about the subject counted in
    `subject_unit`: a rate or a multiple of anything (`303.6亿元，同比增长7.2%`), or another
    amount of the same unit; a count of households is no more of an investment in 亿元."""
    if subject_unit is None or unit in _RATE_UNITS:
        return True
    return unit.lstrip("万亿千") == subject_unit.lstrip("万亿千")


# A word that contracts a pair of subjects into one character each (`城乡居民…` for the town's and the
# countryside's residents): `分别` gives each its value, as it does to parts printed in full
# (`城镇和农村居民…`). Named as the statistics name them.
_CONTRACTED = {"城乡": ("城镇", "农村")}


def _distribute(targets: list[Found]) -> list[Found]:
    """`A、B分别新增222家和75家`: each value belongs to its own part of the subject, in order.

    When the parts and the values do not count the same, the metric is the whole subject
    without `分别` (two parts printed, three values)."""
    if not targets or not re.search(r"分别|(?<!平)均$|都$", targets[0].metric):
        return targets
    shared = targets[0].metric
    subject = re.split(r"分别|(?<!平)均$|都$", shared, maxsplit=1)[0]
    # `…收入比上年分别增长8.9%和10%`: the base of the comparison stands before `分别`.
    subject = _BASE.sub("", subject)
    listed = [t for t in targets if t.metric == shared]
    if not subject:
        # `新增就业6435人，失业人员再就业1755人，分别完成目标任务的117%`: what the values belong to
        # lies in clauses before, so nothing in this one names what is measured: no target.
        return [t for t in targets if t.metric != shared]
    parts = [part for part in re.split(r"、|和|及|与", subject) if part]
    pair = _CONTRACTED.get(subject[:2])
    if pair and len(parts) == 1 and len(listed) <= len(pair) and len(subject) > 2:
        parts = [side + subject[2:] for side in pair]
    if len(listed) == 1 and len(parts) > 1:
        # `城镇…收入、农村…收入均增长8%`: one value said of each part.
        return [replace(t, metric=part) for part in _share_frame(_share_tail(parts)) for t in listed] + targets[1:]
    parts = _share_frame(_share_tail(parts)) if len(parts) == len(listed) > 1 else [subject] * len(listed)
    names = iter(parts)
    # `分别增长12.9%和10%`: the later values move the way the first one does; a bound printed
    # after the last (`分别增长7%和8%左右`) is said of them all.
    lead, last = listed[0], listed[-1]
    tail_bound = last.bound if last.bound in _POST_BOUNDS and last.value_text.endswith(last.bound) else None
    return [
        replace(
            t,
            metric=next(names),
            direction=t.direction or lead.direction,
            qualifier=t.qualifier or lead.direction,
            bound=t.bound or tail_bound,
        )
        if t.metric == shared
        else t
        for t in targets
    ]


def _share_tail(parts: list[str]) -> list[str]:
    """`城镇和农村居民人均可支配收入`, `科技服务业和信息服务业营收`: parallel parts share the
    head that only the last one prints, the rest of it past the length of the part before it (the
    nearest parallel: `第一、二、三产业增加值`'s `三` is as long as `二`). An ordinal's `第` is shared
    as well (`第二产业增加值`)."""
    before, last = parts[-2], parts[-1]
    tail = last[len(before) :]
    if len(tail) < 2 or before[-1] == last[-1]:
        return parts  # no head to share, or each part prints its own (`商品销售总额、社会消费品零售总额`)
    ordinal = "第" if parts[0].startswith("第") else ""
    shared = [part + tail for part in parts[:-1]] + [last]
    return [ordinal + part if ordinal and part[0] in CN_DIGITS else part for part in shared]


# A measure per unit of another (`单位地区生产总值能耗`, `单位GDP能耗`): `单位`, the output, the measure.
_PER_UNIT = "单位"


def _share_frame(parts: list[str]) -> list[str]:
    """`单位地区生产总值能耗和二氧化碳排放`: a measure per unit of output, then parts that name
    only another measure, per the same unit (`单位地区生产总值二氧化碳排放`). The output is the
    first part's words between `单位` and its last word, the measure (jieba's words). Not a part
    naming a total (`总产量`)."""
    if not parts[0].startswith(_PER_UNIT) or all(part.startswith(_PER_UNIT) for part in parts[1:]):
        return parts
    from docdiff.words import tagged

    words = tagged(parts[0])
    if len(words) < 3 or words[0][0] != _PER_UNIT:
        return parts
    frame = "".join(word for word, _ in words[:-1])
    # A total (`总产量`) is per no unit: `单位面积产量和总产量` are the yield and the whole harvest.
    return [parts[0]] + [part if part.startswith((_PER_UNIT, "总")) else frame + part for part in parts[1:]]


_MAX_TOPIC_CHARS = 16
# The total of what a count counts (`总数达到312家`).
_TOTAL = re.compile(r"总数|总量")
# A part's share of a whole printed as `占…的N%`.
_SHARE_OF = re.compile(r"占[\u4e00-\u9fff]{2,}的$")
# What alone may stand before a count and join its noun: a verb of making new (`新增`, `新建`, `新设`).
_COUNTED_VERB = re.compile(r"新[\u4e00-\u9fff]{1,3}")
# The verb of making new that opens such a metric: `新增` of `新增独角兽`.
_NEW_VERB = re.compile(r"^新[\u4e00-\u9fff](?=[\u4e00-\u9fff]{2})")


def counted_noun(metric: str) -> str:
    """What a metric counts, without the verb of making new that opens it (`新增高新技术企业` →
    `高新技术企业`): two counts of new things are alike by what they count, not by `新增`."""
    return _NEW_VERB.sub("", metric)


# Words that frame a comparison or a change rather than name what is measured (a closed class,
# like units): `同比`, `比上年`, `按可比价格计算`, `分别`, `由…增加到…的`, `年均递增`.
_FRAME = re.compile(
    rf"分别|同比|环比|{_SAME_SCOPE}|比上年同期|比上年|比去年|较上年|较去年|与上年相比|{_COMPARABLE}|按可比|{_CONVERTED}|"
    r"比(?:19|20)\d\d年|(?:19|20)\d\d年|上年|去年|今年|年均|年末|累计|先后|陆续|相继|首次|再次|首度|"
    # Attributes of what the sentence is about, not a thing measured: `规模近9.8万亿元`, `总量突破…`,
    # `总数达到…`.
    r"规模|总量|总额|总数|增幅|降幅|增速|幅度|均|实际|"
    # How a goal is stated: `今年预期目标设定为6%以上`, `目标确定为`.
    # What was done set against the plan or budget: `为年度计划的112%`, `完成年度目标的120%`, `目标任务的117%`,
    # `为年初预算的105%`.
    rf"预期目标|{_PLAN_SHARE}|目标|设定为|设定|确定为|定为|"
    rf"{_MOVE_VERB}|达到|递增|递减|"
    # A past span or the base of a comparison (`过去五年`, `比五年前`, `是上个五年的`, `是“十一五”时期的`).
    r"(?:过去|上个|上一个|近|前)?[一二三四五六七八九十两]+个?年(?:前|来|间|以来)?|连续(?:\d+|[一二三四五六七八九十两]+)个?年|“?十[一二三四五六七八九]五”?|时期|期间|"
    r"增长|下降|增加|减少|提高|降低|提升|完成|实现|[由从比较为是的了在上达共约近]"
)


def generic_metric(metric: str) -> bool:
    """Whether a metric is only a frame (`同比`, `比上年`, `增加到2015年的`): nothing measured is named."""
    rest = _FRAME.sub("", metric)
    return len(re.findall(r"[\u4e00-\u9fffA-Za-z]", rest)) < 2


_AREA_ALONE = re.compile(rf"(?:{_WHOLE_AREA}|全国)")


def _over_the_area(sentence: str, targets: list[Found]) -> list[Found]:
    """`分别达到5家（全市约65家）和7家`: the whole area alone in brackets right after a figure counts
    what that figure counts, over the area (`全市科技初创企业`); alone, it names nothing, so a
    bracketed area after no figure is no target."""
    out: list[Found] = []
    for target in targets:
        if _AREA_ALONE.fullmatch(target.metric) and _in_brackets(sentence, target.value_start):
            opening = sentence.rfind("（", 0, target.value_start)
            if not out or out[-1].value_end != opening:
                continue
            target = replace(target, metric=target.metric + _AREA_ALONE.sub("", out[-1].metric, count=1))
        out.append(target)
    return out


def _in_brackets(text: str, pos: int) -> bool:
    return text.rfind("（", 0, pos) > text.rfind("）", 0, pos)


def _starts_word_after(unit: str, after: str) -> bool:
    """Whether the unit's last character starts a word with what follows (`个人`, `人口`)."""
    return unit[-1] in _UNIT_WORDS and after[:1] != "" and after[0] in _UNIT_WORDS[unit[-1]]


def _is_amount(clause: str, match: re.Match[str]) -> bool:
    if match.group("word") or match.group("fraction"):
        return True
    if match.group("ratio"):
        return bool(_RATIO_BEFORE.search(clause, 0, match.start()))
    number = match.group("num")
    unit = match.group("unit")
    before = clause[: match.start()]
    after = clause[match.end() :]
    if before.endswith("第") or _NAME_BEFORE.search(before) or _NOT_AFTER.match(after) or _BRACKET.match(after):
        return False
    if before.endswith("连续") and after.startswith("年"):
        return False  # `连续3个年度考核优秀`: a run of years, whatever follows
    post = match.group("post")
    grouped = _GROUP.match(after) or (post in ("以上", "以下") and _GROUP.match(post + after))
    if post in ("以上", "以下") and unit.endswith("元") and _THRESHOLD_OF.match(after):
        return False  # `年应纳税所得额100万元以上的企业`: a sum that defines a group
    if grouped and unit not in _RATE_UNITS and not before.endswith(tuple(QUALIFIERS_BEFORE)):
        return False
    if unit.lstrip("万亿千") not in COUNT_UNITS and _NAME_AFTER.match(after):
        return False
    if _starts_word_after(unit, after):
        return False
    # `14亿多人口`: the unit after `多` (see `_about_magnitude`) starts a word as well.
    counted = _UNIT_AFTER_ABOUT.match(after) if _about_magnitude(match) else None
    if counted and _starts_word_after(counted.group(), after[counted.end() :]):
        return False
    if unit in _ATTRIBUTE_UNITS and _ATTRIBUTE.match(after):
        return False  # `480米新地标`, `700TEU纯电动集装箱船`: a size naming a thing, not an amount
    if re.fullmatch(CN_NUMBER, number):
        value = parse_value(number)
        # Measured quantities are written in Arabic digits; a single Chinese digit with a measure
        # word is an article (一批) or a set phrase (八项规定, 四张“名片”, 三大攻坚战), as the
        # national rule for numerals in print (GB/T 15835) has it.
        if value is None or (value[0] < 10 and unit in COUNT_UNITS):
            return False
        # A numeral of ten thousands or more (`十万个岗位`) counts; no ordinal or formula is that large.
        large = any(magnitude in number for magnitude in "万亿")
        if not large and (unit in _ORDINAL_UNITS or after[:1] in ("大",) or (unit == "个" and _formula_noun(after))):
            return False
    return True


# Between the two ends of a range printed with a unit on each (`3000元至5000元`).
_RANGE_TO = re.compile(rf"\s*[{RANGE_SEPARATORS}]\s*")


def _base_unit(unit: str | None) -> str:
    """A unit without its magnitude: `万吨` → `吨`, `万` → ``."""
    return split_magnitude(unit)[0]


def _magnitude(unit: str | None) -> float:
    return split_magnitude(unit)[1]


class _Range(NamedTuple):
    """The high end of a range and both ends' values in the unit's base (`1万元` is 10000)."""

    high: re.Match[str]
    low_value: float
    high_value: float


def _range_end(clause: str, match: re.Match[str]) -> _Range | None:
    """The high end of a range whose low end is `match`, when each end prints its unit: joined by
    a dash or `至` (`3000元至5000元`, `1200万吨到1300万吨`, `50万至60万人`), or a floor and a ceiling
    (`1000元以上1万元以下罚款`). Both ends count in one unit, and the range rises; otherwise None."""
    if not match.group("num") or match.group("about") or _base_unit(match.group("unit")) in _RATE_UNITS:
        return None
    post = match.group("post")
    if post == "以上":
        high = QUANTITY.match(clause, match.end())
        if high is None or high.group("post") != "以下":
            return None
    elif post is None:
        joined = _RANGE_TO.match(clause, match.end())
        high = QUANTITY.match(clause, joined.end()) if joined else None
        if high is None or high.group("post") in ("以上", "以下"):
            return None
    else:
        return None
    if not high.group("num") or high.group("about"):
        return None
    low_base, high_base = _base_unit(match.group("unit")), _base_unit(high.group("unit"))
    if low_base not in ("", high_base) or not high_base:
        return None
    low, top = parse_value(match.group("num")), parse_value(high.group("num"))
    if low is None or top is None or low[1] is not None or top[1] is not None:
        return None
    low_value, high_value = low[0] * _magnitude(match.group("unit")), top[0] * _magnitude(high.group("unit"))
    return _Range(high, low_value, high_value) if low_value < high_value else None


# The rest of a clause after a share's noun, when it says what the share does (Han words, no figure).
_PREDICATE_AFTER = re.compile(r"[\u4e00-\u9fff“”、]{2,30}$")


_UNIT_AFTER_ABOUT = re.compile(_UNIT)


def _about_magnitude(match: re.Match[str]) -> bool:
    """A magnitude then `多` or `余` with no unit yet (`4万多`, `1亿余`)."""
    return match.group("unit") in MAGNITUDES and match.group("post") in ("多", "余")


def _share_value(match: re.Match[str]) -> bool:
    """A share: a percentage or a fraction (`80%`, `三分之二`, `一半`)."""
    word = match.group("word") or ""
    return match.group("unit") in PERCENT_SIGNS or "分之" in word or word in ("一半", "过半")


def _opens_on_qualifier(after: str, noun: str) -> bool:
    """Whether what follows a count opens on a qualifier of the next quantity (`从29件提高到35件`):
    a word of two characters or more, or one character before a number (`超1万亿元`); a noun may
    open on the character of a one-character qualifier (`超长期特别国债`, `近海`)."""
    word = next((q for q in QUALIFIERS_BEFORE if noun.startswith(q)), None)
    if word is None:
        return False
    return len(word) >= 2 or bool(re.match(r"[\d零〇一二两三四五六七八九十]", after[len(word) : len(word) + 1]))


def _formula_noun(after: str) -> bool:
    """`五个中心`, `三个区`: a numbered formula, not a count."""
    return bool(re.match(r"^[\u4e00-\u9fff]{1,2}(?:[”」、，。；]|$|建设|功能|的|和|与|及|为|等)", after))


def _inherited_period(sentence_period: str | None, clause: str) -> str | None:
    """The period a target of `clause` that names none takes: its sentence's, except `年均`, which
    qualifies the rates of its own clause (`年均分别增长6.8%和8.4%`), not a level the sentence
    reaches beside them (`过去五年，全省生产总值从5万亿元增加到7.77万亿元，年均增长6.4%`)."""
    if sentence_period == "年均":
        return _period(clause)
    return sentence_period


def _period(text: str) -> str | None:
    periods = [m.group("period") for m in PERIOD.finditer(text)]
    specific = [p for p in periods if not p.endswith("年") or p in ("全年", "上半年", "下半年")]
    if specific:
        return specific[0]
    return periods[0] if periods else None


def _noun_after(after: str) -> tuple[str, int] | None:
    """The noun a count qualifies, and where it ends in `after`."""
    if after.startswith("为"):
        # `27项为本区承办的市级实事项目`: the noun is what the items are.
        rest = re.match(r"^为([^，。；]*)", after)
        if rest:
            noun = rest.group(1).rsplit("的", 1)[-1]
            return (noun, rest.end()) if len(noun) >= 2 else None
    if after.startswith("的"):
        after_de = _NOUN_AFTER.match(after[1:]) or _NOUN_START.match(after[1:])
        return (after_de.group(), after_de.end() + 1) if after_de else None
    noun = _NOUN_AFTER.match(after) or _NOUN_START.match(after)
    if noun is None:
        return None
    return noun.group().rstrip("、"), noun.end()


# `今年拟安排地方政府专项债券`, `拟安排…`, `安排中央预算内投资`: when and how a sum is set.
_BY_PLAN = r"(?:拟|计划|将)"
_ARRANGING = rf"{_BY_PLAN}?安排"
_YEAR_SET = r"(?:今年|明年|当年|去年|上年)"
_WHEN_ARRANGED = re.compile(rf"^(?:{_YEAR_SET}{_BY_PLAN}?(?:安排)?|{_ARRANGING})(?=[\u4e00-\u9fffA-Za-z]{{2}})")
# `将…征收标准降低20%`, `把…比重提高到…`: the object marker opens the clause, the metric follows it.
_DISPOSAL = re.compile(r"^(?:将|把)(?=[\u4e00-\u9fff]{2})")
_ARRANGED = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}}){_ARRANGING}$")
# A proposal opening the clause, with or without its year (`拟发行超长期特别国债`, `今年拟发行…`,
# `今年计划完成固定资产投资`): how a sum is set, when a name of four characters or more follows its
# verb; after an object marker (`拟将增值税税率降低…`) the object is measured. Not a verb of making
# new (`拟新增`, `拟新建`), which says what is counted of what follows, as `新增就业` does. Bare
# `计划` may be a noun (`计划生育`), so it counts only after a year or a period word.
_PROPOSED_VERB = r"(?:[将把](?=[\u4e00-\u9fff]{2})|(?![新将把])[\u4e00-\u9fff]{2}(?=[\u4e00-\u9fff]{4}))"
_PROPOSED = re.compile(rf"^(?:{_YEAR_SET}(?:拟|计划)|拟){_PROPOSED_VERB}")
# `年度计划` right before a measure that ends the metric (`年度计划投资`, `重点项目年度计划投资`).
# Not a share of the plan (`完成年度计划任务的110%`), which the plan's own words name.
_YEAR_PLAN = re.compile(r"年度计划(?=[\u4e00-\u9fff]{2,3}$)(?![\u4e00-\u9fff]*的)")
# After a period word `计划` is the plan as it is after a year (`全年计划实施重点项目`).
_PLANNED_AFTER_PERIOD = re.compile(rf"^计划{_PROPOSED_VERB}")
# A government's proposal to the congress (`建议今年发行1万亿元超长期特别国债`): the verb after it
# says what is done with the sum, the proposal and its year are no part of what is measured.
_PROPOSING = re.compile(rf"^建议{_YEAR_SET}?(?=[\u4e00-\u9fff]{{2}})")
# The verb of arranging alone (`赤字率拟按3%左右安排、比上年提高…`): the clause's subject is measured.
_ONLY_ARRANGED = re.compile(_ARRANGING)
_MOVE_START = re.compile(
    r"(?:由|从)(?:(?:(?:19|20)\d\d年(?:底|末)?|上年|去年|五年前)的?|每[年月日人户]|不到|不足|约|近)?$"
)


# Adverbs and modals between a metric and its verb (`赤字率拟按…安排`, `居民人均可支配收入实际增长`,
# `单位生产总值能耗再降低`, `…比例继续提高`, `城镇调查失业率平均5.1%`): how and when a quantity moves
# or is taken, not what is measured.
# Only after a noun of two characters or more, so a metric is never cut to nothing (`实际利用外资`
# keeps its leading `实际`: only a tail goes).
_TRAILING_ADVERB = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:拟按|拟|按|预计|预期|将|要|应当|应该|必须|原则上|再|已|继续|进一步|实际|力争|累计|首次|平均|"
    r"连续(?:\d+|[一二三四五六七八九十两]+)个?年)+$"
)
# A copula or a preposition between a metric and its value (`城镇登记失业率为4.1%`, `调查失业率在5.3%以下`)
# links the two; it is no part of what is measured, nor is the target's naming that leads to it
# (`城镇新增就业目标定为…`, `…预期目标确定在…`), unless what is left is a word of two (`发展目标`).
_TRAILING_LINK = re.compile(
    r"(?:(?<=[\u4e00-\u9fff]{3})(?:预期)?目标|(?<=[\u4e00-\u9fff]{2}))(?:(?:确|设)?定)?(?:为|在)$"
)


# A modal before a verb of intent or of making new (`要确保粮食产量…`, `要新建学校5所`): it says the
# task must be done, and is no part of what is measured. Only before such a verb, so a noun opening
# on the same character keeps it (`要素市场…`).
_MODAL = re.compile(rf"^({_YEAR_SET})?(?:要|必须|务必)(?=(?:{'|'.join(_LEADING)}|新[\u4e00-\u9fff]))")


# A verb of building or making new after what it counts (`5G基站累计建成1.2万个`, `高标准农田新建10万亩`):
# the count is named verb first, as where the verb leads (`建成5G基站`, `新建高标准农田`), so the two
# wordings are one metric; an adverb between them (`累计`, `已`) says how it was counted.
_BUILDING = r"新改建|新建|改建|建成|开工|新增|投用|投运"
_COUNTED_AFTER = re.compile(
    rf"^(?!{_BUILDING})(?P<noun>[\u4e00-\u9fffA-Za-z0-9]{{2,}}?)(?:累计|已|共)?(?P<verb>{_BUILDING})$"
)


# A year word before the area opening a clause says when (`去年全市完成固定资产投资`): it goes, so that
# the area and the verb after it are stripped as at the clause's start.
_YEAR_OPENING = re.compile(rf"^{_YEAR_SET}(?={_WHOLE_AREA})")


# A time word before a word leading into the metric or a verb of making new (`年内力争建成…`, `今年确保…`,
# `年内新建学校5所`): when the task is
# done (the sentence's tense and period say it), so the leading word is stripped as at the start.
_TIME_BEFORE_LEADING = re.compile(rf"^(?:{_YEAR_SET}|年内)(?=(?:{'|'.join(_LEADING)}|新)[\u4e00-\u9fff]{{2}})")


# The label of a numbered item (`1.`, `2、`, `（3）`, `(4)`, `五、`), not a number of what follows.
_ITEM_LABEL = re.compile(
    rf"^(?:\d{{1,2}}[.．、](?!\d)|[（(](?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})[）)]|[{CN_DIGITS}]{{1,3}}、)\s*"
)


_GLOSS_AFTER = re.compile(r"(?<=[\u4e00-\u9fff]{2})[（(][^（）()]{2,}[）)]\s*$")


# A goal said of a move (`增长目标为`, `增长预期目标`, `下降目标是`): the words after the direction.
_GOAL_OF_MOVE = re.compile(r"(?<=增长|下降|提高|降低|减少|增加)(?:预期)?目标(?:设定|确定)?(?:为|是)?$")


# A source saying what follows (`报告提出`, `数据显示`), with the year it speaks of.
_REPORTED = re.compile(
    rf"^[\u4e00-\u9fff]{{2,}}?(?:提出|显示|指出|表明)(?:{_YEAR_SET}|(?:19|20)\d\d年)?(?=[\u4e00-\u9fffA-Za-z]{{2}})"
)


def _strip_metric(metric: str) -> tuple[str, str | None]:
    """A metric without leading verbs of intent and connectors, nor trailing adverbs; the
    intent word is a qualifier."""
    qualifier = None
    # `…3000万人次、实现旅游收入`: the mark listing it is no part of it, nor of what opens it;
    # nor is the label of an item in a list of targets (`1.地区生产总值增长6%左右；`, `（2）…`).
    metric = _ITEM_LABEL.sub("", metric.lstrip("、 "))
    # `占常住人口比重（常住人口城镇化率）75.42%`: a gloss in brackets names the metric again.
    metric = _GLOSS_AFTER.sub("", metric)
    # `省政府工作报告提出今年GDP增长5%左右` (a newspaper's headline): who says it and when is not what.
    metric = _REPORTED.sub("", metric)
    # `去年全市完成…`: the year, then the connector, the modal and the verb (`全区实现地区生产总值`).
    metric = _YEAR_OPENING.sub("", metric)
    metric = _TIME_BEFORE_LEADING.sub("", metric)
    metric = _CONNECTOR.sub("", metric)
    metric = _MODAL.sub(r"\1", metric)
    # In any order and more than one (`全力确保`, `努力实现`, `确保至少`).
    while word := next((w for w in _LEADING if metric.startswith(w) and len(metric) > len(w) + 1), None):
        # `完成了老城区…`, `完成好65个…`: the aspect particle or the complement of result after the
        # verb goes with it.
        metric = metric[
            len(word) + (metric[len(word) : len(word) + 1] in ("了", "好") and len(metric) > len(word) + 2) :
        ]
        if word not in _MANNER:
            qualifier = qualifier or word  # 力争完成: the intent, not the verb, qualifies
    metric = _TRAILING_LINK.sub("", metric)
    metric = _COUNTED_AFTER.sub(r"\g<verb>\g<noun>", metric)
    tail = _TRAILING_ADVERB.search(metric)
    if tail:
        metric = metric[: tail.start()]
        qualifier = qualifier or ("力争" if "力争" in tail.group() else None)
    metric = _DISPOSAL.sub("", _CONNECTOR.sub("", metric).strip("、（）() "))
    # `今年拟安排地方政府专项债券`, `中央预算内投资安排`: when and how a sum is set is not what is measured.
    if _ONLY_ARRANGED.fullmatch(metric):
        return "", qualifier
    metric = _PROPOSED.sub("", _PROPOSING.sub("", metric))
    metric = _ARRANGED.sub("", _WHEN_ARRANGED.sub("", metric)) or metric
    # `地区生产总值由(2010年的)` 1 → 2, `从每月`, `从不到`: where a move starts is not the metric.
    metric = _MOVE_START.sub("", metric)
    # `重点项目年度计划投资`: the year's plan for a measure says when and how it is set, not what.
    metric = _YEAR_PLAN.sub("", metric)
    # `市民驿站服务空间已从4.45万平方米`: the adverb before the move's start is the move's.
    if tail := _TRAILING_ADVERB.search(metric):
        metric = metric[: tail.start()]
    if "等" in metric and len(metric.rsplit("等", 1)[1]) >= 2:
        metric = metric.rsplit("等", 1)[1]
    return _without_listed_kinds(metric), qualifier


# A list of qualities before `的` (`高能耗、高污染、高危险和低效益的`), the last joined by a conjunction.
_LISTED_KINDS = re.compile(
    r"(?P<items>[\u4e00-\u9fff]{2,10}(?:、[\u4e00-\u9fff]{2,8})+(?:[和及与][\u4e00-\u9fff]{2,8})?)的(?=[\u4e00-\u9fff]{2})"
)


def _without_listed_kinds(metric: str) -> str:
    """`淘汰高能耗、高污染、高危险和低效益的落后产能` → `淘汰落后产能`: a list of the kinds of a thing
    before `的` says which of them are counted, not what is counted; the verb leading into the list
    (the first item's opening beyond the others' length) stays. One word after the list is a measure
    of the things listed, which stay."""
    found = _LISTED_KINDS.search(metric)
    if not found:
        return metric
    from docdiff.words import tagged

    if len(tagged(metric[found.end() :])) < 2:
        return metric  # `幼儿园、中小学和养老院的数量`: one word after the list measures the things listed
    items = re.split(r"、|[和及与]", found.group("items"))
    lead = len(items[0]) - max(len(item) for item in items[1:])
    start = found.start() + max(0, lead)
    return metric[:start] + metric[found.end() :]


def _after_period(metric: str, opening: str, period: str | None) -> tuple[str, str | None]:
    """`metric` less the period `opening` that opens it, and the period; a span from that year
    on (`2013年以来新增的…`) keeps its `以来` on the period."""
    metric = metric[len(opening) :]
    metric = _PLANNED_AFTER_PERIOD.sub("", metric)
    since = _SINCE.match(metric)
    if since and period:
        return metric[since.end() :], period + since.group().rstrip("的")
    return metric, period


def _target(
    clause: str,
    match: re.Match[str],
    offset: int,
    tense: Tense | None,
    sentence_period: str | None,
    previous_end: int,
    previous_metric: str | None,
    previous_verb: str = "",
) -> Found | None:
    before = clause[previous_end : match.start()]
    ranged = None if _MOVE_START.search(before) else _range_end(clause, match)
    high_end = ranged.high if ranged else None
    value_end = high_end.end() if high_end else match.end()
    # `4万多名医护人员`, `1亿余元`: the unit stands after `多` or `余`, which follow the magnitude.
    counted_after = _UNIT_AFTER_ABOUT.match(clause, value_end) if _about_magnitude(match) else None
    if counted_after:
        value_end = counted_after.end()
    after = clause[value_end:]
    # `不得超过5%`, `不宜低于40%`, `必须不少于…`: a negated comparison is the bound `不超过` (`不低于`…).
    before = _NEGATED_BOUND.sub(r"不\1", before)
    # `国内生产总值增长目标为5%左右`: the goal said of a move is that move's value.
    before = _GOAL_OF_MOVE.sub("", before)
    qualifier = None
    direction = bound = None
    for _ in range(2):  # a direction may stand before a bound: `增加约1.5万亿元`
        word = next(
            (w for w in QUALIFIERS_BEFORE if before.endswith(w) and not (w == "约" and before[-2:-1] in _NOT_ABOUT)),
            None,
        )
        if word is None:
            break
        margin = _BENCHMARK.search(before)
        if margin and margin.group("word") and len(margin.group("benchmark")) > len(word):
            break  # `快于经济增长1个百分点`: `增长` ends the benchmark; the figure is a margin over it
        before = before[: -len(word)]
        qualifier = word if qualifier is None or word in DIRECTIONS else qualifier
        word_direction, word_bound = split_qualifier(word)
        direction, bound = direction or word_direction, bound or word_bound
        if word_direction:
            break
    compared = _BENCHMARK.search(before) if direction is None and bound is None else None
    if compared and not re.match(_LAST_YEAR, compared.group("benchmark") or compared.group("than")):
        # `高于全省平均水平1.2个百分点`, `比全省高1.2个百分点`: a margin over a benchmark. The
        # comparison is its bound (`高于`) and, whole, its qualifier: the figure alone is no level.
        before = before[: compared.start()]
        bound = _MARGIN_WORDS.get(compared.group("more") or "", compared.group("word"))
        qualifier = compared.group()
    moved_to = _MOVE_END.search(before) if direction is None else None
    if moved_to and len(before) - len(moved_to.group()) >= 2:
        # `常住人口城镇化率提高到65%`: the level a move reaches; the move is its direction.
        before = before[: moved_to.start()]
        direction = qualifier = moved_to.group()
    after_bound = match.group("post") or match.group("about") or match.group("word_post") or match.group("ratio_post")
    if high_end is None and after_bound:
        bound = after_bound
        qualifier = qualifier or bound
    periods = list(PERIOD.finditer(before))
    period_match = periods[-1] if periods else None
    period = period_match.group("period") if period_match else None
    metric = _COMPARED_TO.sub("", before)
    # `财政赤字规模比去年增加1万亿元`: the base of the comparison ends the metric, and a move by an
    # absolute amount against it is an increment, not the level reached.
    base = _BASE.search(metric)
    if base:
        metric = metric[: base.start()]
    if period_match and before.startswith(period_match.group()):
        metric, period = _after_period(metric, period_match.group(), period)  # `全年新增企业`
    elif period_match and metric.endswith(period_match.group()):
        metric = metric[: -len(period_match.group())]
    metric, intent = _strip_metric(metric)
    moved_first = _MOVED_FIRST.match(metric) if direction is None else None
    if moved_first:
        # `降低工商业电价5%`, `增加国家铁路建设资本金1000亿元`: the move is said first, then what moves.
        direction = qualifier = moved_first.group()
        metric = metric[moved_first.end() :]
        if reached_level := _REACHED_TO.search(metric):
            # `提高个人所得税基本减除费用标准至每月5000元`: the level the move reaches.
            metric, direction = metric[: reached_level.start()], direction + "到"
            qualifier = direction
    if direction and (causing := _CAUSING.match(metric)):
        metric = metric[causing.end() :]  # `推动先进制造业投资增长15%`: the investment grows
    # `居民人均可支配收入比上年实际增长`: the base stands before the adverb just stripped.
    later_base = None if base else _BASE.search(metric)
    if later_base:
        base, metric = later_base, metric[: later_base.start()]
    if period_match and metric.startswith(period_match.group()):
        # `预计全年退税减税`: the period opens the clause once the intent before it is gone.
        metric, period = _after_period(metric, period_match.group(), period)
    # `年末全国城镇调查失业率`, `每年新增就业岗位`: a time word opening the metric is this
    # target's own period (never the sentence's: it says when this quantity is taken).
    opening = _OPENING_PERIOD.match(metric)
    if opening and not period:
        period, metric = opening.group(), metric[opening.end() :]
    qualifier = qualifier or intent
    end = offset + value_end
    unit = high_end.group("unit") if high_end and _base_unit(match.group("unit")) == "" else match.group("unit")
    if counted_after:
        unit += counted_after.group()
    counted = (unit is not None and unit.lstrip("万亿千") in COUNT_UNITS) or unit in ("万", "亿", "千")
    listed = metric.endswith("等")
    # A measure with a noun right after it measures that noun when nothing but a verb stands
    # before it: `发行1万亿元抗疫特别国债`, `严守18亿亩耕地红线`, `将2.8万亿元中央财政资金…`.
    modifies = unit not in _RATE_UNITS and (len(metric) <= 4 or generic_metric(metric)) and _ATTRIBUTE.match(after)
    # `失业率稳定在5%左右的较低水平`, `吞吐量突破1亿人次的城市`: after a direction the quantity
    # is what the metric before it reached; the noun after `的` only describes it.
    reached = (
        ((after.startswith("的") and direction is not None) or direction in _STEPS)
        and len(metric) >= 2
        and not generic_metric(metric)
    )
    noun = _noun_after(after) if not reached and (counted or listed or after.startswith("的") or modifies) else None
    if noun is not None and (
        generic_metric(noun[0]) or (_opens_on_qualifier(after, noun[0]) and not generic_metric(metric))
    ):
        noun = None  # `专利拥有量从29件提高到35件`: a verb follows the count, which belongs to the metric before it
    verb = ""
    if noun is not None:
        # A count before its noun: `175个重点项目`, `282户困难重度残疾人家庭`; a verb of `新` (new)
        # alone before the count says what is counted of it: `新增60万个就业岗位` counts new jobs,
        # `新建12家长者照护之家` new homes (other verbs are what is done with it: `实施`, `使用`).
        verb = metric if _COUNTED_VERB.fullmatch(metric) and not generic_metric(metric) else ""
        if not metric and before.strip() == "、":
            verb = previous_verb  # `新建50家长者照护之家、80家老年人日间服务中心`: the list shares it
        shared_by = not metric and _share_value(match) and after.startswith("的")
        rest = _PREDICATE_AFTER.match(after, noun[1]) if shared_by else None
        metric = verb + noun[0]
        end += noun[1]
        if rest:
            # `三分之二的竞争类企业实现整体上市`, `80%的国有资产集中到…领域`: a share of the things that
            # do what follows; the metric is what they do, not the things alone.
            metric += rest.group()
            end += rest.end() - noun[1]
    elif len(metric) < 2 or metric in ("和", "及", "与"):
        # `分别增长12.9%和10%`: the list shares its metric; with none yet, the sentence's subject
        # is what is measured (`年均增长12.1%`), which `find_targets` fills in.
        metric = previous_metric or ""
    growth_tail = _GROWTH_TAIL.search(metric) if unit in PERCENT_SIGNS else None
    if growth_tail:
        # `规模以上工业增加值增速达到11.1%`: a growth rate of the metric, as `…增加值增长11.1%` says it.
        metric, direction = metric[: growth_tail.start()], "增长"
        qualifier = qualifier or direction
        if growth_tail.group("yearly") and not period:
            period = "年均"
    if unit == "%" and _SHARE_OF.search(metric):
        metric += "比重"  # `民生支出占一般公共预算支出的73.6%`: a share of the whole
    if len(metric) > 40:
        metric = metric[-40:]
    value_text = clause[match.start() : value_end]
    if match.group("word"):
        word = match.group("word")
        # `百分之五`: a percentage in words, as a newspaper may print it.
        parsed = parse_value(word.removeprefix("百分之"))
        if "分之" in word and not word.startswith("百分之"):
            whole, part = (parse_value(side) for side in word.split("分之"))
            parsed = (part[0] / whole[0], None) if whole and part and whole[0] else None
        unit = "倍" if "番" in word else "%" if word.startswith("百分之") else None
    elif match.group("fraction") or match.group("ratio"):
        parsed = parse_value(match.group("fraction") or match.group("ratio"))
        unit = None
    else:
        parsed, unit = _in_magnitude(re.sub(r"[\s%]", "", match.group("num")), unit)
    if parsed is not None and ranged is not None:
        # Both ends in the unit of the range (`1000元以上1万元以下` is 1000-10000元).
        parsed = (ranged.low_value / _magnitude(unit), ranged.high_value / _magnitude(unit))
    if parsed is None:
        return None
    # An amount added against a base (`比上年增加…`), or by a move said first (`增加…资本金1000亿元`).
    increment = (
        (base is not None or moved_first is not None) and direction in _INCREMENT_MOVES and unit not in _RATE_UNITS
    )  # None is a rate unit
    return Found(
        start=offset,
        end=end,
        value_start=offset + match.start(),
        value_end=offset + value_end,
        metric=metric,
        value=parsed[0],
        value_high=parsed[1],
        unit=unit,
        qualifier=qualifier,
        period=period or sentence_period,
        tense=tense,
        value_text=value_text,
        direction=direction,
        bound=bound or split_qualifier(intent)[1],
        change="increment" if increment else None,
        verb=verb,
    )
