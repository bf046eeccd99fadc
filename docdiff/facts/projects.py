"""Projects: named works and initiatives, found by the shape of their names.

Precision first: a name needs a distinctive head (`街坊`, `地块`, `号线`, `通道`, `会客厅`, `馆` …)
with a proper-name part before it, or to be an item of an enumeration that a kind of works
qualifies (`世界会客厅二期、90街坊等14个项目`), a quoted programme (`“十大文化工程”`), or a term
before a plan's head (`基础研究十年规划`). A generic noun alone (`项目`, `中心`) is never a project;
the shape checks on a name's words (jieba's tags) are in `docdiff.facts.name_shapes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from docdiff.facts.name_shapes import (
    _ALL_HEADS,
    _HEADS,
    _INITIATIVE_HEADS,
    _MIN_INITIATIVE_NAME,
    _PHASE,
    _SCOPED_HEADS,
    _SCOPES,
    _STOP,
    _STOP_CHARS,
    _VERB_PREFIX,
    _WEAK_HEADS,
    NUMBERED_PHASE,
    _a_kind,
    _an_item_name,
    _conjoined_back,
    _end_point,
    _forbidden,
    _honoured,
    _inner_cut,
    _inside_word_back,
    _leading_function_words,
    _leading_quantifier,
    _named_enough,
    _proper_before_head,
    _quoted_programme,
    _starts_word,
    _word_start,
)
from docdiff.textshape import CN_DIGITS

_HEAD = "|".join(sorted(_HEADS, key=len, reverse=True))
_INITIATIVE = "|".join(sorted(_INITIATIVE_HEADS, key=len, reverse=True))
# What opens a name but is not part of it: a quantity (`一批`, `6家`) or a year (`2024年度`).
# Classifiers that count works (`15个`, `2处`); `项` counts them too, but inside a name it numbers a
# set (`“十四五”规划102项重大工程`).
WORKS_COUNTED_BY = ("家", "个", "座", "所", "条", "处")
_WORK_COUNTERS = "|".join(WORKS_COUNTED_BY)
_QUANTIFIED = re.compile(
    rf"^.*?(?:一批|一些|若干|一大批)|^\d+(?:{_WORK_COUNTERS}|项)|^\d{{2,4}}年(?:度|前|底)?|^\d+\.(?!\d)"
)
# A count of works right after a name, ending the clause's noun (`城市更新项目50个，`, `…街区10个以上`;
# not `地铁9号线2个站点`, where the count is of the stations).
_COUNT_AFTER = re.compile(rf"\d+(?:\.\d+)?[万千]?(?:{_WORK_COUNTERS}|项)(?:以上|左右|多|余)?(?![\u4e00-\u9fff])")
# A number and the character after it, which may be a classifier (see `_counted_things`).
_NUMBER_AND_NEXT = re.compile(r"\d+(?:\.\d+)?[万千亿]?[\u4e00-\u9fff]")
# A count of works inside a name: after a verb or an amount it ends them (`投资2650万元改扩建15个
# 社区…`: the works follow the count); after a place it is the place's works (`邯郸路2处…中心`).
_COUNT_OF_WORKS = re.compile(rf"\d+(?:{_WORK_COUNTERS})")
# The lookahead on a head's first character spares the alternation at most positions (speed only).
_FIRST = "".join(sorted({h[0] for h in _HEADS}))
_FIRST_INITIATIVE = "".join(sorted({h[0] for h in _INITIATIVE_HEADS}))
_NAMED = re.compile(rf"([^{_STOP}]{{2,12}}?)(?=[{_FIRST}])({_HEAD}){_PHASE}")
_NAMED_INITIATIVE = re.compile(rf"([^{_STOP}]{{1,18}}?)(?=[{_FIRST_INITIATIVE}])(?:{_INITIATIVE}){_PHASE}")
_NUMBERED = re.compile(
    r"(?=[\d轨地])(?:(?<![\dA-Za-z])(\d{1,4}[A-Z]?(?:街坊|地块))|((?:轨交|轨道交通|地铁)?\d{1,2}号线" + _PHASE + r"))"
)
# A line of a transit system named by a place or a route (`轨道交通崇明线`, `地铁机场线`); not one
# that a verb or a task qualifies (`轨道交通运营线`, `地铁新建线`: see `_a_line_name`).
_TRANSIT = "轨道交通|轨交|地铁|磁浮|市域铁路|城际铁路|有轨电车"
_TRANSIT_LINE = re.compile(rf"(?:{_TRANSIT})([\u4e00-\u9fff]{{2,3}}?)线" + _PHASE)
# A numbered phase is what a work has (`上海光源二期`, `华力二期`, `远山红郡住宅小区一期`): the words
# before it name a work whatever their head; an ordinal (`第二期`) counts a round, not a phase.
_PHASED = re.compile(rf"([^{_STOP}\d]{{2,12}}?)(?<!第)({NUMBERED_PHASE})(?![\u4e00-\u9fff]?(?:工程|项目))")
_SIZED = re.compile(r"\d{2,4}米[\u4e00-\u9fff]{2,4}?(?:新地标|地标|大楼|塔楼)")
# A quoted name before a programme word, maybe with a word of its kind between (`“减证便民”改革行动`,
# `“十四冬”主场馆`).
_PROGRAMME = re.compile(
    r"“[^“”]{2,12}”(?:[^“”，。；：、\s的和与及等]{0,2}?)(?:系列工程|工程|行动|计划|项目|品牌|场馆|基地)"
)
# A short quoted term right before a name (its closing mark at the name's start).
_GLUED_QUOTE = re.compile(r"“[^“”，。；：、\s]{1,8}”$")
_GLUED_REACH = 10  # characters the quote takes at most, its marks included
# A quotation that is itself a programme's name (`“十大文化工程”`, `“科技创新2030—重大项目”`): its
# words before the head, less a leading count (`十大`, `五项`), are a name (`“三个通道”` has none).
_QUOTED_NAME = re.compile(r"“([^“”]{2,16})”")
# A term before a plan's head makes it a named plan (`基础研究十年规划`, `长江十年禁渔`).
_TERMED = re.compile(r"[一二三四五六七八九十\d]+年(?:攻坚方案|行动方案|规划|方案|禁渔)")
_TERMED_NAME = 12  # characters of name at most before the term
# `A、B等14个项目`, `A、B等引领性强的重大产业项目`, `A、B等大科学设施`: the items of an enumeration
# that a kind of works qualifies, within the clause.
_ENUMERATION = re.compile(
    r"((?:[^，。；：、“”\s]{2,14}、)+[^，。；：、“”\s]{2,14})等\s*(?:\d+\s*(?:个|项|幅|处))?"
    r"[^，。；：“”]{0,20}?(?:项目|地块|街坊|工程|设施)"
)
# jieba tags 城市 and 研发 as proper nouns (ns, j), so these kinds pass the weak-head test.
_GENERIC = {"项目", "中心", "工程", "园区", "街区", "公园", "广场", "大楼", "服务中心", "城区", "社区", "示范区"}
_GENERIC |= {"城市中心", "研发中心"}


# What each pattern's every match holds (a head, a digit, a quote…): a sentence without it is
# skipped, since scanning every position of every sentence with the lazy name patterns is most
# of the cost of extracting facts.
_NEEDS = {
    _PROGRAMME: re.compile("“"),
    _ENUMERATION: re.compile("、[^等]*等"),
    _SIZED: re.compile("米"),
    _PHASED: re.compile(NUMBERED_PHASE),
    _NUMBERED: re.compile("街坊|地块|号线"),
    _TRANSIT_LINE: re.compile("线"),
    _NAMED: re.compile(_HEAD),
    _NAMED_INITIATIVE: re.compile(_INITIATIVE),
}


# A head that follows a name's head at once, maybe after a phase or a term: the name goes on to it
# (`苏州河深层雨水调蓄隧道工程`, `洋山深水港区四期工程`, `“互联网+”行动计划`, `…专项整治三年行动`).
# A weak head after one (`时代广场项目`) only says what the work is: the name stays as it is in
# the years that omit it.
_STRONG = "|".join(sorted({*_HEADS, *_INITIATIVE_HEADS} - set(_WEAK_HEADS), key=len, reverse=True))
_ANY_HEAD = re.compile(rf"(?:{_HEAD}|{_INITIATIVE})")
_MORE_HEADS = re.compile(rf"(?:[一二三四五六七八九十\d]期|[一二三四五六七八九十\d]+年)?(?:{_STRONG}){_PHASE}")


# Heads of a programme, which a scope before it names as the nation's or a region's (`全国…行动`).
_PROGRAMME_HEADS = ("行动", "计划", "工程")
# Prepositions that make a scope the place something is done in (`在全国推广…`).
_PLACE_PREPOSITIONS = frozenset("在向到于从")
# A role noun after a name makes it the role a place plays (`…综合交通枢纽功能`, `…中心地位`).
_ROLE_AFTER = re.compile(r"功能|地位")


def _scope_names(text: str, start: int) -> bool:
    """Whether the scope before a programme's name at `start` is part of it: not a place it is done
    in (`在全国推广…`), nor before a verb (`全国推开…工程`: rolled out nationwide)."""
    from docdiff.words import tagged

    words = tagged(text[start : start + 4])
    verb = bool(words) and words[0][1] in ("v", "vd", "vi")  # a verbal noun names (`统一大市场`)
    return text[start - 3 : start - 2] not in _PLACE_PREPOSITIONS and not verb


def _continued(text: str, end: int) -> int:
    """`end` moved past the heads that follow the name's own at once, and to the end of a longer
    head that its last characters begin (`中俄蒙国际物流园区`: the name matched `物流园`, `园区` goes on)."""
    for back in (1, 2):
        longer = _ANY_HEAD.match(text, end - back) if end >= back else None
        if longer and longer.end() > end:
            end = longer.end()
            break
    while (more := _MORE_HEADS.match(text, end)) and more.end() > end:
        end = more.end()
    return end


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
    awards, slogans) are phrases, not works, unless a programme word follows the quote or the
    quotation is itself a programme's name."""
    found: dict[int, FoundProject] = {}
    named: list[FoundProject] = []

    def add(start: int, end: int, least: int = 2, item: bool = False, verbs: bool = False) -> None:
        start = _word_start(text, _inside_word_back(text, start))
        # Where the conjunction is when the name goes back over `X和` (`总量和强度双控行动`).
        conjoined = _conjoined_back(text, start, end)
        joined, start = (start - 1 if conjoined < start else None), conjoined
        name = text[start:end]
        if name.startswith("“"):  # a quoted name is taken whole (`“减证便民”改革行动`)
            return keep(start, end, name)
        for _ in range(8):  # `进一步推动产业园`: an adverb, then a verb, then the name (at most 8 rounds)
            quantified = _QUANTIFIED.search(name) or _counted_after_task(name) or _counted_things(name)
            if quantified and quantified.end() < len(name) - 1:
                start += quantified.end()  # `再开工一批重大水利工程`: the name follows the quantity
                name = text[start:end]
            trimmed = _VERB_PREFIX.match(name)
            if trimmed and trimmed.end() < len(name) - 1 and name[trimmed.end()] not in "路街道弄巷":
                # The verbs end at a word's end (`建设全国一体化…` loses 建设, not 一体).
                start = max(start, _word_start(text, start + trimmed.end(), back=True))
            start += _leading_function_words(text[start:end])
            if text[start:end] == name:
                break
            name = text[start:end]
        # Programme names hold verbs (`农村人居环境整治提升五年行动`); only works are cut at one.
        at_verbs = not verbs and (least < _MIN_INITIATIVE_NAME or name.endswith(_WEAK_HEADS))
        cut = _inner_cut(name, at_verbs, -1 if joined is None else joined - start)
        if cut is None:
            return
        start += cut[0]
        start += _leading_quantifier(text[start:end])  # `搭建更多…` is cut after 更; 多 goes too
        trimmed = _VERB_PREFIX.match(text[start:end]) if cut[1] else None
        if trimmed and 1 < trimmed.end() < end - start - 1:
            # A governing verb can govern a task verb (`探索建设自由贸易港`), cut at a word's end.
            start = max(start, _word_start(text, start + trimmed.end(), back=True))
        if text[start - 2 : start] in _SCOPES and (
            text[start:end].endswith(_SCOPED_HEADS)
            or (text[start:end].endswith(_PROGRAMME_HEADS) and _scope_names(text, start))
        ):
            # `全国一体化在线政务服务平台`, `全国统一大市场建设三年行动`: the scope is part of a national
            # work's or programme's name.
            start -= 2
        name = text[start:end]
        # A quoted term glued to a name opens it (`“十四五”规划102项重大工程`, `“三山两河”生态修复
        # 工程`): the name is not what follows the quote alone, and the quote names it, however
        # short the rest (`“沙戈荒”新能源基地`).
        glued = (
            _GLUED_QUOTE.search(text, max(0, start - _GLUED_REACH), start)
            if start > 0 and text[start - 1] == "”"
            else None
        )
        # A name right after a found one, nothing between, goes on with it: `温州机场` then
        # `交通枢纽综合体` is one work, the hub at the airport, though `交通枢纽` alone is a kind.
        before = next((f for f in found.values() if f.end == start), None)
        if before is not None and re.fullmatch(r"[\u4e00-\u9fff]+", name):
            return keep(before.start, end, before.name + name)
        short = len(name) < max(2, least) and not _proper_before_head(name) and glued is None
        if name in _GENERIC or name in _ALL_HEADS or short or not _named_enough(name) or _a_kind(name):
            return
        if item and not _an_item_name(name):
            return
        if quoted and any(s <= start < e for s, e in quoted):
            return
        if glued is not None:
            start, name = glued.start(), text[glued.start() : end]
        keep(start, end, name)

    def keep(start: int, end: int, name: str) -> None:
        if (dash := name.rfind("——")) >= 0:  # a dash opens an apposition: the name is after it
            start, name = start + dash + 2, name[dash + 2 :]
            if len(name) < 2:
                return
        if _forbidden(text, start) or _honoured(text, start) or _end_point(text, start, end):
            return
        # Judged by its own head, reported with the heads that follow it at once.
        more = _continued(text, end)
        if _COUNT_AFTER.match(text, more) and not name.startswith("“"):
            return  # `实施城市更新项目50个`: works of a kind, counted (a quoted programme's are its parts)
        if _ROLE_AFTER.match(text, more):
            return  # `提升海拉尔综合交通枢纽功能`: the role a place plays, not a work
        name, end = name + text[end:more], more
        if name.startswith("“") and name.endswith("”") and name.count("“") == 1:
            name = name[1:-1]  # a name quoted whole is the same name unquoted (the span keeps them)
        # A name over found ones is the one name there (`沿江通道越江隧道工程`), and so is one
        # that goes on from a found name's start to a strong head (`浦东国际机场四期` →
        # `…四期扩建工程`); a weak head after one only says what the work is (`时代广场项目`).
        same = found.get(start)
        if same and same.end < end and not name.endswith(_WEAK_HEADS):
            del found[start]
        if not any(f.start <= start < f.end for f in found.values()):
            for inner in [f for f in found.values() if start < f.start and f.end <= end]:
                del found[inner.start]
            found[start] = FoundProject(start, end, name)

    for match in _QUOTED_NAME.finditer(text):
        if _quoted_programme(match.group(1)):
            add(match.start(), match.end())
    for match in _matches(_PROGRAMME, text):
        add(match.start(), match.end())
    for match in _matches(_ENUMERATION, text):
        for name, start, end in _enumerated(match):
            if name == text[start:end]:
                add(start, end, item=True)
            else:
                named.append(FoundProject(start, end, name))
    for match in _matches(_SIZED, text):
        add(match.start(), match.end())
    for match in _matches(_NUMBERED, text):
        add(match.start(), match.end())
    for match in _matches(_TRANSIT_LINE, text):
        if _a_line_name(match.group(1)):
            add(match.start(), match.end())
    for match in _matches(_NAMED, text):
        add(match.start(), match.end())
    for match in _matches(_NAMED_INITIATIVE, text):
        add(match.start(), match.end(), least=_MIN_INITIATIVE_NAME)
    for match in _matches(_PHASED, text):
        # A phased name holds verbs as a programme's does (`人民币跨境支付系统一期`), and starts at a
        # word: one a stop character begins (`和辉光电二期`) is not cut into.
        if _starts_word(text, match.start()):
            add(match.start(), match.end(), verbs=True)
    for match in _TERMED.finditer(text):  # found by the term, then the name before it
        start = match.start()
        while start > 0 and match.start() - start < _TERMED_NAME and text[start - 1] not in _STOP_CHARS:
            start -= 1
        if match.start() - start >= 2:
            add(start, match.end(), least=_MIN_INITIATIVE_NAME)
    for project in named:  # names completed from their neighbours (二期 → 东余杭路二期)
        if not any(f.start <= project.start < f.end for f in found.values()):
            found[project.start] = project
    projects = [_with_stretch(_with_place(p, text), text) for p in sorted(found.values(), key=lambda p: p.start)]
    return _of_one_system(_adjoined(projects), text)


# A name that opens on a transit system (`地铁8号线`), and the place of the system right before it.
_OF_SYSTEM = re.compile(rf"(?:{_TRANSIT})")
_PLACE_REACH = 6  # characters looked back for the place word


def _with_place(project: FoundProject, text: str) -> FoundProject:
    """A line of a system named with its city: `苏州地铁8号线二期`, not `地铁8号线二期` (the place
    word, jieba's `ns`, written right before the system)."""
    if not _OF_SYSTEM.match(project.name) or project.start == 0:
        return project
    from docdiff.words import tagged

    before = tagged(text[max(0, project.start - _PLACE_REACH) : project.start])
    if not before or before[-1][1] != "ns" or len(before[-1][0]) < 2:
        return project
    start = project.start - len(before[-1][0])
    return FoundProject(start, project.end, text[start : project.start] + project.name)


# The end of a line's name: a railway, a road, a corridor, a line.
_LINE_END = re.compile(r"(?:铁路|高铁|公路|高速|通道|线)$")
# A stretch of a line named by two places' one-character abbreviations (`武宜段`) or a place and a
# side (`北延段`, `南岸段`): two characters, no numeral (`两段` counts stretches).
_ABBREVIATED_STRETCH = re.compile(rf"((?:(?![{CN_DIGITS}])[\u4e00-\u9fff]){{2}})段")


def _with_stretch(project: FoundProject, text: str) -> FoundProject:
    """A line with the stretch written after it: `沪渝蓉高铁武宜段`, `广湛高铁湛江段`. The stretch is
    a place the dictionary knows (`湛江`), or its second character and `段` are no word general
    Chinese knows (not `路段`, `手段`, `地段`, `区段`: a stretch of road, a means), so `段` closes
    the abbreviations."""
    if not _LINE_END.search(project.name):
        return project
    stretch = _ABBREVIATED_STRETCH.match(text, project.end)
    if stretch is None:
        return project
    from docdiff.words import frequencies, tagged

    place = tagged(stretch.group(1))
    whole_place = len(place) == 1 and place[0][1] == "ns"  # `广湛高铁湛江段`: the stretch in 湛江
    if not whole_place and frequencies().get(stretch.group(1)[-1] + "段", 0.0) > 0.0:
        return project
    return FoundProject(project.start, stretch.end(), project.name + stretch.group())


def _adjoined(projects: list[FoundProject]) -> list[FoundProject]:
    """Names with nothing between them are one name (`沿江通道越江隧道工程`: the corridor's
    tunnel, not a corridor and a tunnel)."""
    out: list[FoundProject] = []
    for project in projects:
        if out and out[-1].end == project.start:
            before = out.pop()
            project = FoundProject(before.start, project.end, before.name + project.name)
        out.append(project)
    return out


# A numbered line of a transit system, and the mark that lists the next one after it.
_SYSTEM_LINE = re.compile(rf"(.*?(?:{_TRANSIT}))\d{{1,2}}号线")
_LISTED_NEXT = ("、", "和", "及", "与")


def _of_one_system(projects: list[FoundProject], text: str) -> list[FoundProject]:
    """A bare numbered line listed right after a line of a system is of that system (`地铁8号线
    二期、10号线三期` → `地铁10号线三期`): the list says the system once."""
    out: list[FoundProject] = []
    for project in projects:
        before = out[-1] if out else None
        system = _SYSTEM_LINE.match(before.name) if before else None
        if (
            before is not None
            and system is not None
            and text[before.end : project.start] in _LISTED_NEXT
            and re.match(r"\d{1,2}号线", project.name)
        ):
            project = FoundProject(project.start, project.end, system.group(1) + project.name)
        out.append(project)
    return out


def _counted_after_task(name: str) -> re.Match[str] | None:
    """A count of works in `name` after words that are no name's: a verb or an amount (see
    `_COUNT_OF_WORKS`)."""
    count = _COUNT_OF_WORKS.search(name, 1)
    if count is None:
        return None
    from docdiff.words import tagged

    before = name[: count.start()]
    task = re.search(r"\d", before) or any(flag.startswith(("v", "m")) for _, flag in tagged(before))
    return count if task else None


def _a_line_name(name: str) -> bool:
    """The words between a transit system and `线` name the line (`崇明`, `机场`): none is a verb
    or a task (`运营`, `新建`), nor a count (`两条`)."""
    from docdiff.words import tagged

    return not _VERB_PREFIX.match(name) and not any(flag.startswith(("v", "m", "q", "d")) for _, flag in tagged(name))


def _counted_things(name: str) -> re.Match[str] | None:
    """A number and a one-character classifier after it (jieba's `q`) opening `name`: a count of
    things (`2000台牧业机械…项目`), not a name's part (`90街坊`, `5G基站`)."""
    count = _NUMBER_AND_NEXT.match(name)
    if count is None or count.group()[-1] == "米":
        return None  # a height is part of a landmark's name (`480米新地标`, see `_SIZED`)
    from docdiff.words import tagged

    words = tagged(name[count.end() - 1 :])
    return count if words and words[0] == (count.group()[-1], "q") else None


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
        elif re.fullmatch(NUMBERED_PHASE, name) and previous:
            name = re.sub(NUMBERED_PHASE + "$", "", previous) + name
        out.append((name, start, end))
        previous = name
    return out
