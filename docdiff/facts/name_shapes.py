"""The words of a project's name: heads that mean a work, and the shape checks on the words
before a head (jieba's tags, loaded on first use) that `docdiff.facts.projects` applies to each
candidate name. Shared by that module only, so the names stay private to the pair.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from docdiff.textshape import CN_DIGITS

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
    "院区",
    "绿道",
    "地块",
    "变电站",
    "水电站",
    "核电站",
    "科学城",
    "科技城",
    "联络线",
    "运河",
    "支线",
    "快线",
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
    "快速路",
    "高架",
    "露天矿",
    "航站楼",
    "枢纽",
    "经济区",
]
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
    "高铁",
    "产业园",
    "景区",
    "装置",
    "中心",
    "平台",
    "项目",
    "实验室",
]
# Heads that are as often a kind as a work (`重大科技项目`, `工业互联网平台`, `高速公路`): the
# name before them must hold a proper noun (a place, a person, an organisation: `海拉尔大数据中心`,
# `居然之家二期项目`, `沪通铁路`) by jieba's tags.
_WEAK_HEADS = (
    "中心",
    "平台",
    "项目",
    "园区",
    "公路",
    "快速路",
    "机场",
    "示范区",
    "功能区",
    "集聚区",
    "新区",
    "市场",
    "港区",
    "绿道",
    "地块",
    "实验室",
    "枢纽",
    "经济区",
)
_ALL_HEADS = {*_HEADS, *_INITIATIVE_HEADS}  # a head alone names a kind, not a work
# Heads by their last character, longest first: which head a name ends with, in one look-up.
_HEADS_BY_END: dict[str, list[str]] = {}
for _head in sorted(_ALL_HEADS, key=len, reverse=True):
    _HEADS_BY_END.setdefault(_head[-1], []).append(_head)
# A numbered phase of a work: `二期`, `3期`.
NUMBERED_PHASE = r"[一二三四五六七八九十\d]期"
# A stretch of a line from one place to another is part of its name (`川藏铁路雅安至林芝段`).
_STRETCH = r"[\u4e00-\u9fff]{2,4}至[\u4e00-\u9fff]{2,4}段"
_PHASE = rf"群?(?:{NUMBERED_PHASE}|（[^（）]{{1,8}}段）|\([^()]{{1,8}}段\)|{_STRETCH})?"
# Characters that cannot be inside a name: punctuation, and function words and verbs that end
# the phrase before it.
_STOP = r",;:!?()\[\]<>{}，。；：、！？“”（）《》【】〔〕\s的和与及等在对将已为以把被从向于了是有并"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_STOP_CHARS = frozenset(",;:!?()[]<>{}，。；：、！？“”（）《》【】〔〕 \t\n的和与及等在对将已为以把被从向于了是有并")
_MIN_INITIATIVE_NAME = 6  # characters, head included: `文化惠民工程`, not `民生工程`
_COUNT = re.compile(r"^[一二三四五六七八九十百\d]+[大项个条类批张]?")
_INSIDE_WORD_REACH = 8  # characters a name goes back over a stop character inside a word
_CONJOINED_BY = "和与及"
_CONJOINED_REACH = 10  # characters a name goes back over the first of two conjoined words
# Stop characters that begin or end words of names (国有, 在线, 对外); conjunctions and 的 always
# stop one, whatever the tagger joins (`基地和祥德坊…` is no word 和祥).
_STOP_INSIDE_WORDS = frozenset("在对将已为以把被从向于了是有并")


# Task verbs, adverbs and scopes that open a phrase leading into a name (`推进`, `加快建设`, `全力`):
# trimmed off its start, and a task verb before a proper noun ends the words before the name.
_VERB_PREFIX = re.compile(
    r"^(?:推进|加快|建设|完成|实施|打造|启动|开工|竣工|建成|投用|投运|推动|加强|新建|改造|提升|优化|深化|持续|全面|聚焦|依托|围绕|"
    r"支持|引进|落地|开展|举办|做强|做优|形成|构建|完善|加大|积极|大力|重点|全力|努力|着力|创建|培育|发挥|强化|实现|高品质|高标准|"
    r"高水平|有序|同步|一体|首个|首批|增设|设立|赋予|复制推广|复制|增加|取消|降低|探索|扎实|稳慎|抓紧|鼓励|健全|制定|"
    r"促进|拓展|开工|开通|通车|运营|学习|运用|借鉴|挂牌|入选|获评|获批|新设|发布|提供|结合|全市|全区|全国|再|要|或|新)+"
)

# Word classes (jieba's tags) that never begin a name: adverbs, prepositions, conjunctions,
# idioms, pronouns, particles and locatives (`不断…`, `进一步…`, `深入开展…`, `思想上…`).
# Verbs may (`扫黑除恶专项斗争`, `职业技能提升行动`), so the closed list of task verbs above
# trims those.
_NOT_FIRST = ("d", "p", "c", "i", "r", "u", "f", "ad")
# A quantifier with no number says how many works, not which (`搭建更多共性技术研发平台`, `一批`).
_QUANTIFIER = re.compile(r"(?:更|众|诸|许)?多|一(?:批|些)|若干|部分")

# Proper nouns by jieba's tags: places (`ns`), persons and brands (`nr`, `nrt`), organisations
# (`nt`), other names (`nz`), Latin letters and abbreviations (`j`: 沪, 川藏).
_PROPER = ("ns", "nr", "nt", "nz", "eng", "j")
_CUT = ("v", "d", "p", "c", "u", "f", "r", "ad", "i")
# Verbs that govern a name rather than belong to one (`新区开展自贸试验区…`, `抓好场馆…`): a cut
# after one leaves the work's name, or nothing when only a head is left.
_GOVERNING = {
    "实施", "开展", "增设", "设立", "启动", "推进", "加快", "推动", "打造", "围绕", "确保", "抓好", "做好",
    "完成", "探索", "抓", "搞", "出现", "争创", "入选", "申报", "落实", "出台", "推出", "提高", "好", "支持", "对接",
}  # fmt: skip
# A scope before a national or regional work's head (`区域医疗中心`, `国家医学中心`): a designation,
# which is a name when a field stands between the scope and the head (`国家公园` is a kind).
_SCOPES = ("国家", "国际", "区域", "全国", "综合性", "城市")
_SCOPED_HEADS = ("中心", "平台")
# A clause that forbids or warns against a work names none (`不得搞形象工程`, `防止出现“半拉子”工程`).
_FORBIDDING = re.compile(r"(?:不得|严禁|禁止|防止|杜绝|避免|不搞|不准|不能|坚决纠正)[^，。；：]*$")
# A grade before the head makes a class of works (`国家4A级景区`, `国家级新区`, `世界一流科学城`).
_GRADE = re.compile(r"[\dA-Z]级|(?:国家|国际|省|市)级|(?:世界|国际)一流")


def _word_start(text: str, start: int, back: bool = False) -> int:
    """`start` moved to the next word boundary of the sentence (the one before it if `back`): a
    match that a length limit started inside a word (`完成世界反法西斯战争…` matched from `成`)
    begins at the next word."""
    if start == 0 or start >= len(text) or text[start - 1] in _STOP_CHARS:
        return start
    if text[start - 1].isdigit() and text[start].isdigit():
        while start > 0 and text[start - 1].isdigit():
            start -= 1
        return start  # a number cut into is taken whole (`完成2000台…` matched from `000`)
    if not (_HAN.match(text[start - 1]) and _HAN.match(text[start])):
        return start  # only a Chinese word can be cut into (`89-92街坊` starts at 92)
    around = _word_around(text, start)
    if around is None:
        return start
    word_start, word_end = around
    return word_start if back or word_start == start else word_end


def _word_around(text: str, pos: int) -> tuple[int, int] | None:
    """Start and end of the word of the sentence (jieba's words) that holds `pos`; None past its end."""
    from docdiff.words import tagged

    position = 0
    for word, _ in tagged(text):
        if position + len(word) > pos:
            return position, position + len(word)
        position += len(word)
    return None


def _starts_word(text: str, pos: int) -> bool:
    """Whether a word of the sentence starts at `pos`."""
    around = _word_around(text, pos)
    return pos == len(text) if around is None else around[0] == pos


def _inside_word_back(text: str, start: int) -> int:
    """`start` moved back over a stop character that is inside a word of the sentence (`国有企业`,
    `在线政务`): the name goes on before it, as far as a name may."""
    if start == 0 or text[start - 1] not in _STOP_INSIDE_WORDS:
        return start
    around = _word_around(text, start - 1)  # the word that holds the stop character
    if around is None:
        return start
    position, word_end = around
    if word_end <= start:
        return start  # the stop character ends a word or is one
    new = position
    while new > 0 and start - new < _INSIDE_WORD_REACH and text[new - 1] not in _STOP_CHARS:
        new -= 1
    return new


def _conjoined_back(text: str, start: int, end: int) -> int:
    """`start` moved back over `X和` when the name `text[start:end]` begins right after a
    conjunction joining two words of one class, neither a name's head, and goes on in words of
    its own before its head: the two share the head and the name is both (`国民经济和社会发展第
    十四个五年规划`, `总量和强度双控行动`, `保护和修复重大工程`). It takes the first word with the nouns
    and modifiers before it, up to a verb or a function word (`建设国际和区域科技创新中心` →
    `国际和区域…`). Before a head the conjunction ends a name of its own (`国家医学中心和区域医疗
    中心`: two works; `116街坊和…`), and a word right before the head is a name alone
    (`…区域与自贸试验区`)."""
    if start < 2 or text[start - 1] not in _CONJOINED_BY:
        return start
    left = start - 1
    new = left
    while new > 0 and left - new < _CONJOINED_REACH and text[new - 1] not in _STOP_CHARS:
        new -= 1
    if new == left or _head_of(text[new:left]) or re.search(r"\d", text[new:left]):
        return start  # a head, or a numbered work (`116街坊和…`), ends a name of its own
    bare = re.sub(_PHASE + "$", "", text[start:end])
    head = _head_of(bare)
    from docdiff.words import tagged

    # The words before the head; a name found by its term has its last word for a head.
    before, after = tagged(text[new:left]), tagged(bare[: len(bare) - len(head)]) if head else tagged(bare)[:-1]
    if len(after) < 2 or not _alike(before[-1], after[0]):
        return start
    back = len(before[-1][0])
    for word, flag in reversed(before[:-1]):
        if flag.startswith(_CUT):
            break
        back += len(word)
    return left - back


def _alike(left: tuple[str, str], right: tuple[str, str]) -> bool:
    """Two words (with their tags) that a conjunction joins as parts of one name: of one class,
    each of two characters or more, neither a proper noun (`洋山深水港和浦东国际机场` are two) nor a
    head ending the first name (`116街坊和无车区…项目`)."""
    return (
        left[1] == right[1]
        and not left[1].startswith(_PROPER)
        and len(left[0]) >= 2
        and len(right[0]) >= 2
        and not _head_of(left[0])
    )


def _head_of(bare: str) -> str:
    """The longest head `bare` ends with, or ''."""
    return next((h for h in _HEADS_BY_END.get(bare[-1:], ()) if bare.endswith(h)), "")


def _inner_cut(name: str, at_verbs: bool, joined: int = -1) -> tuple[int, bool] | None:
    """Where the name starts after the last word before its head that cannot be inside one (a
    verb, adverb, preposition, conjunction, particle, locative): `古城打造特色街区` → `特色街区`.
    When only the head is left, a verb belongs to the programme's name (`职业技能提升行动`,
    `扫黑除恶专项斗争`) and the whole stands, unless it governs the name (`抓好场馆`); any other
    word makes it an expression (`思想上政治上行动`): None. The words are those of the part
    before the head, so a head the tagger splits (`集聚/区`, `高新/园`) is never cut into.
    The conjunction at `joined` joins the name's own words (see `_conjoined_back`). With the
    start, whether the cut is after a governing verb (which can govern a task verb)."""
    from docdiff.words import tagged

    bare = re.sub(_PHASE + "$", "", name)  # `北横通道（虹口段）`: the phase is no word of the name
    head = _head_of(bare)
    words = tagged(bare[: len(bare) - len(head)]) if head else tagged(bare)[:-1]
    position = governed = 0
    weak = bare.endswith(_WEAK_HEADS)
    cut: tuple[int, str] | None = None
    for k, (word, flag) in enumerate(words):
        position += len(word)
        if (k + 1 < len(words) and words[k + 1][0] == "之") or word == "之":
            continue  # `居然之家`: 之 joins the words either side of it into one name
        if position - len(word) == joined:
            continue  # `总量和强度双控行动`: two words of one class joined share the head
        # `国际居住社区打造计划`: before a programme's head, the verb is the programme's own
        last = position == len(bare) - len(head) and head in _INITIATIVE_HEADS
        if not last and (word in _GOVERNING or (word[-2:] in _GOVERNING and len(word) > 2)):  # `超额完成`
            cut = (position, "governing")
            governed = position
        elif word in _ALL_HEADS:
            continue  # a head inside a name is a noun, whatever the tagger says (`沿江通道越江隧道`)
        elif re.fullmatch(NUMBERED_PHASE, word):
            continue  # a phase, tagged a locative, numbers the work before it (`机场四期扩建工程`)
        elif flag.startswith("v") and k + 1 < len(words) and _task_verb(word) and _proper_word(*words[k + 1]):
            # A task verb before a proper noun governs the name that noun opens, even tagged a
            # verbal noun (`规划建设苏州河…隧道工程`, `集中力量建设张江…中心`): no name holds a
            # task and then a place, a person or an organisation.
            cut = (position, "v")
        elif (
            flag == "d"
            and k > 0
            and k + 1 == len(words)
            and words[k - 1][1].startswith(("n", *_PROPER))
            and not _task_verb(words[k - 1][0][:2])
        ):
            # An adverb modifies a verb; between a noun and the head it is an attribute the tagger
            # took for one (`高速` of `满洲里高速公路`, `京雄高速公路`). Not after a word the tagger
            # glued onto a task verb (`全面推广`, tagged a proper noun: its first two characters).
            continue
        elif _line_between(words, k):
            continue  # a line from one place to another is named by both (`海拉尔至满洲里高速公路`)
        elif flag == "i" and len(word) < 4:
            continue  # an idiom has four characters; jieba tags some nouns `i` (`攻坚战`)
        elif k == 0 and (_region(word, flag) or _split_opening(words, k)):
            continue  # a region opening the name is the name's (`西部陆海新通道`), so is `中` of `中石油`
        elif flag == "f" and word in _REACHES and k > 0 and words[k - 1][1].startswith("ns"):
            continue  # a reach of a river is a part of it (`雅鲁藏布江下游水电工程`)
        elif (
            flag == "v"
            and not weak
            and not _task_verb(word)
            and 0 < k < len(words) - 1
            and words[k - 1][1].startswith("n")
            and (words[k + 1][1] in ("n", "vn", "a") or words[k + 1][0] in _ALL_HEADS)
        ):
            # A verb between a noun and a common noun, neither a task nor governing, is the verb of a
            # compound noun (`科技创新` of `光谷科技创新大走廊`, `文化传承` of `北外滩海派文化传承创新区`,
            # `智能网联` of `嘉定智能网联汽车先行区`): part of the name. Not before a place, a person
            # or an organisation, which a verb's object may be (`超大城市`: `超大` is tagged a verb),
            # nor before a weak head, which a task's object is as often (`上线智慧就业数字平台`).
            continue
        elif flag.startswith("u") and len(word) > 1:
            continue  # a particle is one character: `入地` of `东六环入地改造工程` is the tagger's slip
        elif flag.startswith(_CUT) and not flag.startswith(("vn", "an")) and (at_verbs or not flag.startswith("v")):
            cut = (position, flag)
    if cut is None:
        return 0, False
    rest = bare[cut[0] :]
    if rest in _ALL_HEADS or not rest:
        # A verb of the name's own (`职业技能提升行动`) keeps what the governing verb leaves.
        return (governed, governed > 0) if cut[1].startswith("v") and bare[governed:] not in _ALL_HEADS else None
    return cut[0], cut[1] == "governing"


def _line_between(words: Sequence[tuple[str, str]], k: int) -> bool:
    """Whether `words[k]` is the `至` of `X至Y` between two places (`海拉尔至满洲里高速公路`)."""
    if words[k][0] != "至" or not 0 < k < len(words) - 1:
        return False
    return all(_proper_word(*w) for w in (words[k - 1], words[k + 1]))


def _task_verb(word: str) -> bool:
    """A verb of the tasks that lead into a name (`建设`, `推进`, `开工建设`), whatever its tag."""
    return bool(_VERB_PREFIX.fullmatch(word)) or word in _GOVERNING


def _proper_word(word: str, flag: str) -> bool:
    """A proper noun of two characters or more (one character is mostly the tagger's guess), or a
    word the dictionary lacks (see `_coined`)."""
    return (flag.startswith(_PROPER) and len(word) >= 2) or _coined(word)


def _named_enough(name: str) -> bool:
    """A name with a weak head needs a proper noun, a phase (`居然之家二期项目`), a number
    (`107地块`) or a scope and a field (`区域医疗中心`) before the head, or words before it and a
    phase after it (`天府国际机场二期`)."""
    bare = re.sub(_PHASE + "$", "", name)
    head = next((h for h in _WEAK_HEADS if bare.endswith(h)), None)
    if head is None:
        return True
    before = bare[: -len(head)]
    if re.search(NUMBERED_PHASE + "$", before) or re.fullmatch(r"\d{1,4}[A-Z]?", before):
        return True  # a phase, or a plot's number (`107地块`)
    if before and re.search(NUMBERED_PHASE + "$", name):
        return True  # a phase after the head is one work's stage (`天府国际机场二期`), not a kind's
    from docdiff.words import tagged

    scope = next((s for s in _SCOPES if before.startswith(s)), "")
    if head in _SCOPED_HEADS and scope and len(before) > len(scope):  # the field holds a noun
        return any(flag.startswith(("n", "vn")) for _, flag in tagged(before[len(scope) :]))

    return any(flag.startswith(_PROPER) for _, flag in tagged(before)) or _coined(before)


@lru_cache(maxsize=1 << 12)
def _coined(before: str) -> bool:
    """Whether the whole of `before` is one word the dictionary lacks: two or three characters it
    knows only one by one, which the hidden Markov model joins into a word (`金义` of `金义新区`,
    `雄安`, `西咸`). A place's new name or abbreviation is such a word; a kind of work is said in
    known words (`产业新区`, `国际机场`), and a count in numerals (`两大园区`)."""
    import rjieba

    if not 2 <= len(before) <= 3 or any(ch in CN_DIGITS for ch in before) or list(rjieba.cut(before, True)) != [before]:
        return False
    return all(len(part) == 1 for part in rjieba.cut(before, False))


def _a_kind(name: str) -> bool:
    """A class of works, not one: a scope alone before the head (`国家公园`), a grade
    (`国家4A级景区`), or a quality and a field without a name (`重大水利工程`, `重要能源基地`)."""
    bare = re.sub(_PHASE + "$", "", name)
    before = bare[: len(bare) - len(_head_of(bare))]
    if before in _SCOPES or _GRADE.search(before):
        return True
    if len(name) > _MIN_INITIATIVE_NAME or not before:
        return False

    words = _words_before(before, _head_of(bare))
    return words[0][1] == "a" and not any(flag.startswith(_PROPER) for _, flag in words) and not _coined(before)


# Heads of a line between places, which their one-character abbreviations name (`沪乍杭铁路`, `杭温
# 铁路`): jieba takes such runs for a person's name (`nr`) as often as for places.
_LINE_HEADS = ("铁路", "高铁", "公路")


def _proper_before_head(name: str) -> bool:
    """A short name made only of proper nouns and a head (`川藏铁路`, `沪通铁路`) is a work."""
    bare = re.sub(_PHASE + "$", "", name)
    head = _head_of(bare)
    before = bare[: len(bare) - len(head)]
    if len(before) < 2 or len(before) == len(bare):
        return False

    proper = ("ns", "nz", "j", "nr") if head in _LINE_HEADS else ("ns", "nz", "j")
    return all(flag.startswith(proper) for _, flag in _words_before(before, head))


def _words_before(before: str, head: str) -> tuple[tuple[str, str], ...]:
    """The tagged words before `head`; before a line's head, a pair of characters the dictionary
    does not know as a word, one of which it knows as a place and neither as a verb, is two
    places' abbreviations (`广湛高铁`: `广湛`, guessed an adjective, is 广州 and 湛江), not a quality
    (`普速铁路`) or a purpose (`疏港铁路`)."""
    from docdiff.words import tagged

    words = tagged(before)
    if head not in _LINE_HEADS:
        return words
    return tuple((word, "ns" if _abbreviated_places(word) else flag) for word, flag in words)


def _abbreviated_places(word: str) -> bool:
    from docdiff.words import tagged

    parts = tagged(word, guess=False)
    if len(word) != 2 or len(parts) != 2 or any(flag.startswith(("v", "d", "ad")) for _, flag in parts):
        return False  # `疏港铁路`: a verb and its object say what the line is for
    return any(flag.startswith(("ns", "j", "nr")) for _, flag in parts)


def _an_item_name(name: str) -> bool:
    """An item of a list of works is a name: it ends in a head or a phase (`世界会客厅二期`,
    `90街坊`), or is a proper noun with its kind (`华为无线通讯`, `上海光源二期`); not an action
    (`景观绿化`, `提升改造`), a sector (`交通`) or a place alone (`长江`)."""
    if _head_of(re.sub(_PHASE + "$", "", name)) or re.search(NUMBERED_PHASE + "$", name):
        return True
    from docdiff.words import tagged

    words = tagged(name)
    if len(name) < 3 or words[-1][1] in ("v", "vn"):
        return False
    # A proper noun of one character is mostly the tagger's guess (`换/nz 电站`); jieba tags an
    # institution's last word as a name (`音乐厅/nt`), a person's only before it (`养老/nr`).
    last, flag = words[-1]
    return any(f.startswith(_PROPER) and len(w) > 1 for w, f in words[:-1]) or (
        flag in ("nt", "nz", "ns") and len(last) > 1
    )


def _quoted_programme(inner: str) -> bool:
    """`十大文化工程`, `科技创新2030—重大项目`: a quotation ending in a programme's head, with a name
    before it; a quoted work (`“交流联系通道”`) is a figure of speech."""
    head = _head_of(inner)
    if head not in _INITIATIVE_HEADS or re.search(r"[、，,+＋]", inner):
        return False  # a slogan of parts (`“提技能、优服务、强基础、搭平台”`, `“孵化器+加速器+产业园”`)
    before = _COUNT.sub("", inner[: -len(head)])
    return len(before) >= 2


def _forbidden(text: str, start: int) -> bool:
    clause = text[max(0, start - 30) : start]
    return bool(_FORBIDDING.search(clause))


# A title won, not a work: what follows `获评`, `荣获`, `被评为` (`国客中心获评国家体育旅游精品景区`).
_HONOURED = re.compile(r"(?:获评|荣获|评为|评选为)$")


def _honoured(text: str, start: int) -> bool:
    return bool(_HONOURED.search(text, max(0, start - 3), start))


def _end_point(text: str, start: int, end: int) -> bool:
    """`从杨浦大桥至徐浦大桥`: the ends of a stretch are places, not works."""
    before, after = text[max(0, start - 15) : start], text[end : end + 1]
    if before.endswith(("从", "自")) and after in ("至", "到"):
        return True
    return before.endswith(("至", "到")) and bool(re.search(r"[从自][^，。；：]*$", before[:-1]))


# The reaches of a river: after a place, a part of it (`长江中游`), not a place relative to it.
_REACHES = ("上游", "中游", "下游")


def _region(word: str, flag: str) -> bool:
    """A locative naming a part of a country by a compass point (`西部`, `东北`) or a belt along
    a river, a coast or a border (`沿江`, `沿海`, `沿边`), not a place relative to something
    (`周边`, `上`)."""
    return flag == "f" and len(word) == 2 and word[0] in "东南西北沿"


def _split_opening(words: Sequence[tuple[str, str]], k: int) -> bool:
    """Whether `words[k]` is a one-character locative before a noun: a locative follows what it
    places (`园区内`, `会上`), so before a noun it is the first character of a name the tagger
    split (`中/石油` of `中石油广东石化炼化一体化项目`)."""
    word, flag = words[k]
    return flag == "f" and len(word) == 1 and k + 1 < len(words) and words[k + 1][1].startswith(("n", "j"))


def _leading_function_words(name: str) -> int:
    """How many characters of function words open `name`; jieba's tags, loaded on first use."""
    from docdiff.words import tagged

    length = 0
    words = tagged(name)
    for k, (word, flag) in enumerate(words[:-1]):
        # A time word before a verb says when the work is done (`今年要新开工…`, `年内完成…`); one
        # before a noun may be the name's own (`青年文艺家培养计划`, `往日时光音乐厅`).
        when = flag == "t" and (words[k + 1][1].startswith("v") or _task_verb(words[k + 1][0]))
        if (
            not (flag.startswith(_NOT_FIRST) or when or _QUANTIFIER.fullmatch(word))
            or _region(word, flag)
            or _split_opening(words, k)
        ):
            break  # a region may open a name (`西部陆海新通道`); other locatives do not (`上…`, `周边…`)
        length += len(word)
    return length


def _leading_quantifier(name: str) -> int:
    """How many characters of a quantifier with no number open `name` (`多共性技术研发平台`: 1)."""
    from docdiff.words import tagged

    words = tagged(name)
    first = words[0][0] if len(words) > 1 else ""
    return len(first) if _QUANTIFIER.fullmatch(first) else 0
