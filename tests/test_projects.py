"""Projects by the shape of their names (issue 12, point 4): one small constructed case per rule,
and the State Council reports read against their annotation."""

from __future__ import annotations

from docdiff.facts.extract import extract_facts
from docdiff.facts.models import Project
from docdiff.facts.phrases import quoted_spans
from docdiff.facts.projects import find_projects
from docdiff.ingest import document_from_bytes
from docdiff.segment import segment
from tests.accuracy import score_facts


def names(sentence: str) -> list[str]:
    return [p.name for p in find_projects(sentence, quoted_spans(sentence))]


def test_a_name_starts_at_a_word_of_the_sentence() -> None:
    # The length limit of a name would start it inside 完成 (`成世界…`).
    assert names("完成世界反法西斯战争海拉尔纪念园建设。") == ["世界反法西斯战争海拉尔纪念园"]
    # A verb trimmed before a name ends at a word's end: `建设全国一体|化` keeps 一体化.
    assert names("构建全国一体化大数据中心体系。") == ["全国一体化大数据中心"]
    # A stop character inside a word of the sentence (国有, 在线) does not end the name.
    assert names("高质量完成国有企业改革深化提升行动。") == ["国有企业改革深化提升行动"]
    assert names("建设全国一体化在线政务服务平台。") == ["全国一体化在线政务服务平台"]
    assert names("优先支持在建工程。") == []
    # Half-width punctuation ends a name as the full-width does.
    assert names("投资6.6亿元,实施两河圣山文化旅游景区的基础设施建设。") == ["两河圣山文化旅游景区"]
    # So do brackets of either width (a heading mark, text pasted with markup).
    assert names("推进【北横通道】建设。") == ["北横通道"]
    assert names("推进[bold]北横通道[/bold]建设。") == ["北横通道"]


def test_two_words_of_one_class_joined_before_a_head_share_it() -> None:
    """`X和Y…头`: two common words of one class joined by a conjunction, the second followed by
    words of its own before the head, are one name; a head before the conjunction, a word
    alone before the head, or two proper nouns make two."""
    assert names("长江等重要生态系统保护和修复重大工程深入实施。") == ["重要生态系统保护和修复重大工程"]
    assert names("支持有条件的地方建设国际和区域科技创新中心。") == ["国际和区域科技创新中心"]
    assert names("继续实施化肥和农药减量化行动。") == ["化肥和农药减量化行动"]
    assert names("扩大国家医学中心和区域医疗中心建设。") == ["国家医学中心", "区域医疗中心"]
    assert "海关特殊监管区域与自贸试验区" not in names("推动海关特殊监管区域与自贸试验区统筹发展。")
    assert names("依托洋山深水港和浦东国际机场。") == ["浦东国际机场"]
    assert names("107地块、116街坊和无车区地下空间南1项目开工。") == ["107地块", "116街坊", "无车区地下空间南1项目"]


def test_a_head_right_after_the_names_head_belongs_to_the_name() -> None:
    """`…隧道工程`, `…四期工程`, `…行动计划`: heads that follow at once are the name's; a weak head
    after one (`项目`) only says what the work is, and the name is the same without it."""
    assert names("建设苏州河深层雨水调蓄隧道工程。") == ["苏州河深层雨水调蓄隧道工程"]
    assert names("建成洋山深水港区四期工程。") == ["洋山深水港区四期工程"]
    assert names("实施“互联网+”行动计划。") == ["“互联网+”行动计划"]
    assert names("深入开展安全生产专项整治三年行动。") == ["安全生产专项整治三年行动"]
    # A longer head that the matched head's last characters begin: `物流园` → `物流园区`.
    assert names("中俄蒙国际物流园区累计完成投资。") == ["中俄蒙国际物流园区"]
    # A numbered line's phase is the work's: `8号线三期` is not the whole of `8号线`.
    assert names("加快建设8号线三期、15号线。") == ["8号线三期", "15号线"]
    assert names("加快时代广场项目建设。") == ["时代广场"]


def test_a_word_of_three_characters_tagged_an_idiom_is_a_noun_of_the_name() -> None:
    """Idioms have four characters; jieba tags some three-character nouns `i` (`攻坚战`)."""
    assert names("制定并有序实施三大攻坚战三年行动方案。") == ["三大攻坚战三年行动方案"]


def test_a_compass_region_opens_a_name_other_locatives_do_not() -> None:
    assert names("推进西部陆海新通道建设。") == ["西部陆海新通道"]
    assert names("建立完善与满洲里、室韦等周边口岸的互联互通机制。") == []


def test_a_one_character_locative_before_a_noun_is_the_first_character_of_the_name() -> None:
    """A locative follows what it places (`园区内`); before a noun it opens a name the tagger split."""
    assert names("推进中石油广东石化炼化一体化项目建设。") == ["中石油广东石化炼化一体化项目"]
    assert names("中网科技云计算基地数据楼竣工投入使用。")[0].startswith("中网科技")


def test_the_words_before_the_head_decide_where_a_name_is_cut() -> None:
    # The tagger splits these heads (集聚/区, 高新/园); the head is never cut into.
    assert names("加快世博央企总部集聚区建设。") == ["世博央企总部集聚区"]
    assert names("打造市北高新园等产业载体。") == ["市北高新园"]
    # 之 joins the words either side of it (`居然之家`), and a phase makes a weak head a work.
    assert names("继续推进居然之家二期项目建设。") == ["居然之家二期项目"]


def test_the_verb_of_a_compound_noun_inside_a_name_is_the_names() -> None:
    # `科技创新`, `智能网联`: the tagger takes the second word for a verb; between a noun and a noun
    # or an adjective, and neither a task nor a governing verb, it is part of the name.
    assert names("打造光谷科技创新大走廊。") == ["光谷科技创新大走廊"]
    assert names("建设嘉定智能网联汽车先行区。") == ["嘉定智能网联汽车先行区"]
    # Before a place the verb may govern it: the name is cut there (`超大` is tagged a verb).
    assert names("走出超大城市中心大楼建设新路。") == ["城市中心大楼"]
    # Before a weak head the verb may take its object as often: the name is cut there.
    assert names("上线智慧就业数字平台。") == []
    # A task verb between nouns still ends what comes before it.
    assert names("推动古城打造特色街区。") == ["特色街区"]


def test_a_particle_tag_on_a_word_of_two_characters_is_the_taggers_slip() -> None:
    assert names("建成东六环入地改造工程。") == ["东六环入地改造工程"]


def test_verbs_that_govern_a_name_end_it() -> None:
    assert names("支持新区开展自贸试验区改革试点。") == []  # a zone type, once 开展 is cut
    assert names("高标准抓好场馆周边绿化。") == []
    assert names("实施好关键核心技术攻关工程。") == ["关键核心技术攻关工程"]
    assert names("超额完成高职扩招三年行动。") == ["高职扩招三年行动"]
    assert names("基本完成临港地区智能制造中心。") == ["临港地区智能制造中心"]
    assert names("实施职业技能提升行动。") == ["职业技能提升行动"]  # a verb of the name's own


def test_quoted_programme_names_are_projects_quoted_works_are_figures() -> None:
    # A name quoted whole is the same name unquoted, so a quoted and a plain mention pair.
    assert names("大力推进“十大文化工程”建设。") == ["十大文化工程"]
    assert names("积极争取国家“科技创新2030重大项目”落户。") == ["科技创新2030重大项目"]
    assert names("全面推行“减证便民”改革行动。") == ["“减证便民”改革行动"]
    assert names("以“十四冬”主场馆建设为引擎。") == ["“十四冬”主场馆"]
    assert names("突出抓好“三个通道”建设。") == []  # a count and a head: no name
    assert names("做到“提技能、优服务、强基础、搭平台”。") == []  # a slogan of parts
    assert names("完善领导干部与民营企业“交流联系通道”。") == []


def test_a_term_before_a_plans_head_names_the_plan() -> None:
    assert names("制定实施基础研究十年规划。") == ["基础研究十年规划"]
    assert names("落实长江十年禁渔。") == ["长江十年禁渔"]
    assert names("编制发展规划。") == []


def test_a_scope_and_a_field_name_a_centre_a_scope_alone_is_a_kind() -> None:
    assert names("建设国家医学中心和区域医疗中心。") == ["国家医学中心", "区域医疗中心"]
    assert names("建设国家公园。") == []
    assert names("新建城市绿道200公里。") == []  # 城市 is a scope as 国家 is, though tagged a place
    assert names("建设游客服务中心。") == []  # a weak head with no proper noun, scope or phase


def test_a_short_name_of_proper_nouns_is_a_work() -> None:
    assert names("推进川藏铁路建设。") == ["川藏铁路"]
    assert names("推进沪通铁路和沪苏湖铁路建设。") == ["沪通铁路", "沪苏湖铁路"]
    assert names("实施惠民工程。") == []  # 惠民 is tagged a person's name, not a place


def test_a_railway_a_campus_a_greenway_and_a_plot_are_works_when_named() -> None:
    assert names("加快杭温高铁二期建设，建成县人民医院新院区。") == ["杭温高铁二期", "县人民医院新院区"]
    # A greenway and a plot are as often kinds (`健身绿道`, `出让地块`): they need a proper noun or a phase.
    assert names("推进滨江绿道三期建设，实施东门地块征收。") == ["滨江绿道三期", "东门地块"]
    assert names("建设健身绿道，完成历史毛地出让地块处置。") == []


def test_a_numbered_phase_makes_a_work_of_the_name_before_it() -> None:
    assert names("建设城市大脑二期，推进城东未来社区二期。") == ["城市大脑二期", "城东未来社区二期"]
    # The name holds its verbs, as a programme's does; an ordinal counts a round, not a phase.
    assert names("推动人民币跨境支付系统一期建成运行。") == ["人民币跨境支付系统一期"]
    assert names("认真落实第二期学前教育。") == []
    # A weak head (`机场`) with no proper noun before it is a kind, unless a phase follows it.
    assert names("加快建设天府国际机场二期、成都东站改扩建工程。") == ["天府国际机场二期", "成都东站改扩建工程"]
    assert names("提升天府国际机场服务。") == []


def test_a_quoted_term_glued_to_a_name_opens_it() -> None:
    assert names("加快实施“十四五”规划102项重大工程。") == ["“十四五”规划102项重大工程"]
    assert names("实施“三山两河”生态修复工程。") == ["“三山两河”生态修复工程"]
    # The quote names the work however short the rest (`新能源基地` alone is a kind).
    assert names("加快建设“沙戈荒”新能源基地。") == ["“沙戈荒”新能源基地"]
    assert names("加快建设新能源基地。") == []
    # The name after the quote must still be a work's: a quote glued to a kind opens nothing.
    assert names("推动“四新”经济发展。") == []


def test_a_count_of_works_ends_what_came_before_it() -> None:
    # The works follow the count: `投资2650万元改扩建` is no part of a name.
    assert names("投资2650万元改扩建15个社区党群服务中心。") == []
    assert names("规划建设21个郊野公园。") == ["郊野公园"]
    # Counted after the name, the works are of a kind (`城市更新项目50个`), unless the count is
    # of something else (`2个站点`) or of a quoted programme's parts.
    assert names("实施城市更新项目50个，新增外资研发中心15家以上。") == []
    assert names("建成地铁9号线2个站点，打造“虹馨工程”22项。") == ["地铁9号线", "虹馨工程"]


def test_a_task_verb_before_a_proper_noun_governs_the_name() -> None:
    # jieba tags 建设 a verbal noun here; before a place it still leads into the name.
    assert names("规划建设苏州河深层雨水调蓄隧道工程。") == ["苏州河深层雨水调蓄隧道工程"]
    assert names("集中力量建设张江综合性国家科学中心。") == ["张江综合性国家科学中心"]
    # A scope is no task: 全国 before a games' name stays in it.
    assert names("完成第十四届全国冬运会主场馆一期工程。") == ["第十四届全国冬运会主场馆一期工程"]
    # A verb of a programme's own before a word jieba takes for a name is kept (`体育惠民工程`).
    assert names("实施体育惠民工程。") == ["体育惠民工程"]


def test_a_long_name_is_taken_whole_and_a_count_of_things_is_not_part_of_it() -> None:
    # Seventeen characters before the head; the task verbs before them are trimmed, however many.
    assert names("推进欧阳路街道255街坊旧城区改建征收项目。") == ["欧阳路街道255街坊旧城区改建征收项目"]
    # A number and its classifier count things; a number cut into is taken whole first.
    assert names("完成2000台牧业机械生产线智能化升级改造项目。") == ["牧业机械生产线智能化升级改造项目"]
    assert names("实施3万亩退耕还林工程。") == ["退耕还林工程"]
    # A plot's number and a height are parts of names.
    assert names("推进90街坊旧区改造。") == ["90街坊"]
    assert names("480米新地标顺利浇筑底板。") == ["480米新地标"]


def test_lines_stretches_and_science_cities_are_works() -> None:
    assert names("推进轨道交通崇明线建设。") == ["轨道交通崇明线"]
    assert names("推进轨道交通运营线延伸。") == []  # a verb qualifies the line: a kind
    assert names("开通运营市域铁路成资线。") == ["市域铁路成资线"]
    # A railway named by places' one-character abbreviations, which jieba tags as a person's name.
    assert names("开工建设通苏嘉甬铁路、沪乍杭铁路。") == ["通苏嘉甬铁路", "沪乍杭铁路"]
    assert names("开展文明行动，搭建宣介平台。") == []  # a guessed name before other heads is no name
    # A list says the system once: the bare lines after a line of it are its own.
    assert names("建成地铁8号线二期、10号线三期和12号线。") == ["地铁8号线二期", "地铁10号线三期", "地铁12号线"]
    assert names("推进轨道交通2号线，建设5号线。") == ["轨道交通2号线", "5号线"]  # not listed with it
    assert names("开工建设川藏铁路雅安至林芝段。") == ["川藏铁路雅安至林芝段"]
    # A line from one place to another is named by both places.
    assert names("建成海拉尔至满洲里高速公路，开工建设成都至重庆中线高铁。") == [
        "海拉尔至满洲里高速公路",
        "成都至重庆中线高铁",
    ]
    assert names("全力建设张江科学城。") == ["张江科学城"]
    assert names("建设充满创新活力的世界一流科学城。") == []  # a grade, not a name
    assert names("推进白鹤滩水电站建设。") == ["白鹤滩水电站"]
    assert names("推动平陆运河建设。") == ["平陆运河"]
    assert names("建成投运福建漳州核电站。") == ["福建漳州核电站"]  # 投运, put into service, as 投用
    # A reach of a river is part of the place; a place relative to another is not a name's.
    assert names("开工建设雅鲁藏布江下游水电工程。") == ["雅鲁藏布江下游水电工程"]
    assert names("推进城市周边绿化工程。") == []
    # An expressway is a work when a place names it (`通车`, opened to traffic, leads into it as
    # `建成` does); a city's expressways in general are a kind.
    assert names("建成通车滨江大道快速路，推进中环快速路改造。") == ["滨江大道快速路", "中环快速路"]
    assert names("完善城市快速路系统。") == []
    # jieba tags `高速` an adverb (as in `高速发展`); between a name and the head it is the road's
    # kind, so the name is not cut there. Highways in general stay a kind.
    assert names("开工建设京雄高速公路，建成京沪高速铁路。") == ["京雄高速公路", "京沪高速铁路"]
    assert names("加快高速铁路建设，全面推广高速公路差异化收费。") == []


def test_a_task_verb_is_trimmed_whole_and_a_title_won_is_no_work() -> None:
    # `新设`, `发布`, `提供` lead into the name; trimming `新` alone left `设北外滩…`.
    assert names("新设北外滩儿童托管中心和8个社区托育点。") == ["北外滩儿童托管中心"]
    assert names("发布8.0版行动方案。") == ["8.0版行动方案"]
    # What a place won (`获评`, `荣获`, `被评为`) is an honour, not a work built.
    assert names("国客中心获评国家体育旅游精品景区，鲁迅纪念馆被评为国家一级博物馆。") == ["鲁迅纪念馆"]


def test_a_scope_before_a_programme_is_part_of_its_name() -> None:
    assert names("启动实施全国统一大市场建设三年行动。") == ["全国统一大市场建设三年行动"]
    assert names("深入实施全国文明城市创建工程。") == ["全国文明城市创建工程"]
    # Not the place a thing is done in, nor a scope before a verb (rolled out nationwide).
    assert names("在全国推开工程建设项目审批制度改革。") == []


def test_a_quantifier_with_no_number_is_no_part_of_a_name() -> None:
    # `更多`, `一批`: how many works, not which; the name follows (jieba cuts `更`/`多`).
    assert names("加快建设更多长三角科技创新中心。") == ["长三角科技创新中心"]
    assert names("新建一批海拉尔区人才公寓。") == ["海拉尔区人才公寓"]


def test_a_named_laboratory_and_an_express_line_are_works() -> None:
    # A laboratory a place names is an institution built (`之江实验室`); laboratories of a grade
    # (`国家实验室`, `重点实验室`) are a kind.
    assert names("推进之江实验室、良渚实验室建设。") == ["之江实验室", "良渚实验室"]
    assert names("加快建设国家实验室，重组国家重点实验室体系。") == []
    # An express line is a line, named as one (`机场轨道快线`).
    assert names("机场轨道快线建成投用。") == ["机场轨道快线"]


def test_a_time_word_before_a_verb_is_no_part_of_a_name() -> None:
    # `今年要新开工…`, `年内建成…`: when the work is done; a time word before a noun may be the
    # name's own (jieba tags `青年` a time word).
    assert names("今年要新开工滨江公园二期。") == ["滨江公园二期"]
    assert names("今年新开工嘉兴至湖州城际铁路，年内完成铁路改造工程。") == ["嘉兴至湖州城际铁路"]
    assert names("实施青年文艺家培养计划。") == ["青年文艺家培养计划"]


def test_kinds_of_works_are_not_projects() -> None:
    assert names("做好国家4A级旅游景区申报。") == []  # a grade
    assert names("再开工一批重大水利工程，建设重要能源基地。") == []  # a quality and a field


def test_forbidden_works_and_the_ends_of_a_stretch_are_not_projects() -> None:
    assert names("不得搞形象工程。") == []
    assert names("防止出现“半拉子”工程。") == []
    assert names("贯通从杨浦大桥至徐浦大桥的岸线。") == []
    assert names("建成杨浦大桥。") == ["杨浦大桥"]


def test_items_of_a_list_of_works_are_names_not_actions_or_sectors() -> None:
    assert names("推进华大半导体、华为无线通讯、海尔智谷等引领性强的重大产业项目。") == [
        "华大半导体",
        "华为无线通讯",
        "海尔智谷",
    ]
    assert names("加快推进供水、供热、排水等市政项目建设。") == []
    assert names("实施场馆周边绿化提升改造、场馆东侧景观绿化等项目。") == []
    # The places listed before `等` are no items of a list of works: the name is the programme's
    # whole (`保护和修复` share the head, see the test above), as annotated.
    assert names("推进长江、黄河等重要生态系统保护和修复重大工程。") == ["重要生态系统保护和修复重大工程"]


def test_a_work_is_reported_once_per_part_so_the_plans_keep_it() -> None:
    """Named in the review and again in the plans: one project in each part (issue 12, point 3)."""
    doc = document_from_bytes(
        "一、2024年工作回顾\n\n北横通道全线贯通。\n\n二、2025年主要工作\n\n做好北横通道运营。\n\n"
        "加快北横通道配套建设。\n".encode(),
        "report",
    )
    projects = [f for f in extract_facts(doc, segment(doc)) if isinstance(f, Project)]
    assert [(p.name, p.section[0]) for p in projects] == [
        ("北横通道", "2024年工作回顾"),
        ("北横通道", "2025年主要工作"),
    ]


def test_a_name_goes_on_over_the_heads_and_phases_inside_it() -> None:
    # A work of a work is one name, not a corridor and a tunnel.
    assert names("实施沿江通道越江隧道工程。") == ["沿江通道越江隧道工程"]
    # A phase numbers the work before it; the name goes on to its head.
    assert names("推进浦东国际机场四期扩建工程。") == ["浦东国际机场四期扩建工程"]
    # A weak head after a name only says what the name is.
    assert names("推进时代广场项目建设。") == ["时代广场"]
    # A verb that governs a name ends it, and the task verb it governs is no name.
    assert names("支持浦东国际机场探索建设自由贸易港。") == ["浦东国际机场"]
    # A kind of work said right after a name, nothing between, is that name's work (the hub at
    # the airport); with a verb between, the name ends before it.
    assert names("加快建设温州机场交通枢纽综合体。") == ["温州机场交通枢纽综合体"]
    assert names("扩建温州机场，建设交通枢纽综合体。") == ["温州机场"]


def test_a_line_keeps_its_city_and_the_stretch_written_after_it() -> None:
    # The city of a transit system is part of the line's name, and of the next line listed.
    assert names("开工建设苏州地铁8号线二期、10号线三期。") == ["苏州地铁8号线二期", "苏州地铁10号线三期"]
    assert names("加快建设成都轨道交通18号线。") == ["成都轨道交通18号线"]
    # A stretch named by abbreviations or a side after a line is that line's stretch.
    assert names("加快建设沪渝蓉高铁武宜段。") == ["沪渝蓉高铁武宜段"]
    assert names("推进北横通道北延段建设。") == ["北横通道北延段"]
    # A stretch in a place the dictionary knows (`湛江`, though `江段` is a word: a river's stretch).
    assert names("新开工广湛高铁湛江段。") == ["广湛高铁湛江段"]
    # Not a count of stretches, nor a word ending in `段` (`手段`, `路段`).
    assert names("北横通道两段贯通。") == ["北横通道"]
    assert "段" not in "".join(names("完成北横通道路段改造。"))


def test_a_line_is_named_by_two_places_abbreviations_the_dictionary_does_not_know() -> None:
    # `广湛` (广州, 湛江) is guessed an adjective; a character of it is a place, none a verb.
    assert names("推进广湛高铁、深江铁路、广汕高铁建设。") == ["广湛高铁", "深江铁路", "广汕高铁"]
    # A quality of lines (`普速`, an adverb and a noun) names a kind of line, not one.
    assert names("改造普速铁路。") == []


def test_a_zone_is_named_by_a_word_the_dictionary_does_not_know() -> None:
    # `金义`, `西咸`: characters the dictionary knows only one by one, joined into a new word, are
    # a place's abbreviation; a task verb before such a word governs the name it opens.
    assert names("推进金义新区、西咸新区建设。") == ["金义新区", "西咸新区"]
    assert names("高质量建设西咸新区。") == ["西咸新区"]
    # A kind of zone is said in known words, and a count in numerals names no zone.
    assert names("加快产业新区建设，打造两大园区。") == []


def test_a_hub_a_terminal_and_an_economic_zone_are_works_when_named() -> None:
    assert names("建成投用浦东国际机场T3航站楼。") == ["浦东国际机场T3航站楼"]
    assert names("加快建设上海东站综合交通枢纽。") == ["上海东站综合交通枢纽"]
    # Without a proper noun before it, a hub or a zone is a kind.
    assert names("打造区域性物流枢纽，发展临空经济区。") == []


def test_a_name_before_a_role_noun_is_the_role_a_place_plays() -> None:
    # `功能`, `地位` after the name: what the place does, not a work built.
    assert names("进一步提升海拉尔综合交通枢纽功能。") == []
    assert names("区域旅游集散中心地位显著提升。") == []
    assert names("建设海拉尔综合交通枢纽。") == ["海拉尔综合交通枢纽"]


def test_a_dash_opens_an_apposition_and_the_name_is_after_it() -> None:
    assert names("建成一座标志性公园——海拉尔河湿地公园。")[-1] == "海拉尔河湿地公园"
    # One dash between places is part of a name.
    assert names("改造海—宝农村公路。") == ["海—宝农村公路"]


def test_state_council_projects_against_the_annotation() -> None:
    """Every year of the national reports read against tests/annotations/projects_national.tsv."""
    for year in (2019, 2020, 2021, 2022):
        score = score_facts(f"national-{year}")
        assert score.projects_matched_annotated >= 0.8 * score.projects_annotated, (year, score)
        assert score.projects_matched_extracted >= 0.8 * score.projects_extracted, (year, score)
