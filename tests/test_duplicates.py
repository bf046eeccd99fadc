"""Duplicates: the pasted sentence in the 2024 outlook, reuse between the report and the news,
injected repeats (exact and near) found with no false reports, and the CLI."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docdiff.cli.app import app
from docdiff.compare import compare_documents
from docdiff.duplicates.models import DuplicateGroup
from docdiff.duplicates.repeats import find_repeats
from docdiff.duplicates.report import duplicate_report
from docdiff.ingest import document_from_bytes
from docdiff.options import DuplicateOptions
from docdiff.segment import segment
from docdiff.similarity import text_ratio
from tests.conftest import NEWS_2021, NEWS_2025, OUTLOOK_2024, PLAN, REPORT_2025, seed_document, seed_outline

runner = CliRunner()
OPTIONS = DuplicateOptions()


def repeats_of(path: Path) -> list[DuplicateGroup]:
    return find_repeats(seed_document(path), seed_outline(path), path.name, OPTIONS)[0]


def test_pasted_sentence_is_one_group_of_four() -> None:
    groups = repeats_of(OUTLOOK_2024)
    pasted = groups[0]
    assert len(pasted.occurrences) >= 4
    texts = [o.text for o in pasted.occurrences]
    assert all(t.startswith("深入学习贯彻习近平总书记重要讲话") for t in texts)
    assert sum("重要讲话，" in t for t in texts) == 1  # the near copy that lacks 精神
    assert [(d.old, d.new) for d in pasted.differences] == [("精神", "")]
    doc = seed_document(OUTLOOK_2024)
    for occurrence in pasted.occurrences:
        assert doc.normalised_slice(occurrence.span) == occurrence.text
    # Every other report is a real repeat in this article:
    others = {g.text for g in groups[1:]}
    assert others == {
        "“乐业虹口”入选国家公共就业服务能力提升示范项目",  # the programme named in two paragraphs
        "上海北外滩中心”、华贸顶奢品牌之家",  # the same two projects listed last year and this
    }


def test_report_and_news_review_reuse() -> None:
    documents = [(seed_document(p), seed_outline(p), p.name) for p in (REPORT_2025, NEWS_2025)]
    report = duplicate_report(documents, OPTIONS)
    reuse = [g for g in report.groups if g.kind == "reuse"]
    assert len(reuse) >= 6
    ratio = next(r for r in report.ratios if r.doc == NEWS_2025.name)
    assert 0.1 < ratio.ratio < 0.3
    foreign = [g for g in reuse if "实到外资增长" in g.text]
    assert len(foreign) == 1
    assert [(d.old, d.new) for d in foreign[0].differences] == [("35.7%", "35.46%")]
    assert 0.9 <= foreign[0].similarity < 1.0
    assert {o.doc for o in foreign[0].occurrences} == {REPORT_2025.name, NEWS_2025.name}


def _edit(passage: str, edits: int, rng: random.Random) -> str:
    chars = list(passage)
    cjk = [i for i, ch in enumerate(chars) if "\u4e00" <= ch <= "\u9fff"]
    for i in rng.sample(cjk, k=min(edits, len(cjk))):
        chars[i] = "变" if chars[i] != "变" else "化"
    return "".join(chars)


def _found(groups: list[DuplicateGroup], doc_text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    def covers(span: tuple[int, int], target: tuple[int, int]) -> bool:
        overlap = min(span[1], target[1]) - max(span[0], target[0])
        return overlap >= 0.8 * (target[1] - target[0])

    return any(
        any(covers(o.span, first) for o in g.occurrences) and any(covers(o.span, second) for o in g.occurrences)
        for g in groups
    )


@pytest.mark.parametrize("near", [False, True], ids=["exact", "near"])
def test_injected_repeats_are_found(near: bool) -> None:
    """Random passages of 15–200 characters pasted into seeds, exactly or with 1–3 substitutions
    (as many as keep the copy at the 0.9 similarity threshold): recall 1.0 exact, ≥ 0.95 near.

    A copy is pasted as a paragraph of its own, closed as a sentence: a short line left open on
    its own between paragraphs is heading-shaped (`坚持法治规范，推进依法行政`), and a heading
    that echoes a passage of the text is by design no repeat (see `repeats.py`)."""
    rng = random.Random(7 if near else 3)
    trials = found = 0
    for path in (NEWS_2021, NEWS_2025, REPORT_2025, PLAN):
        text = seed_document(path).normalised
        for _ in range(10):
            length = rng.randint(15, 200)
            start = rng.randrange(0, len(text) - length)
            passage = text[start : start + length]
            if "\n" in passage or "\t" in passage:
                passage = max(passage.replace("\t", "\n").split("\n"), key=len)
                start = text.index(passage, start)
                if len(passage) < 15:
                    continue
            copy = passage
            if near:
                edits = rng.randint(1, max(1, min(3, int(0.1 * len(passage)))))
                copy = _edit(passage, edits, rng)
                assert text_ratio(passage, copy) >= 0.9
            breaks = [i + 1 for i, ch in enumerate(text) if ch == "\n" and abs(i - start) > 300]
            at = rng.choice(breaks)
            closed = "" if copy[-1] in "。！？；" else "。"
            new_text = text[:at] + copy + closed + "\n" + text[at:]
            source = (
                (start, start + len(passage))
                if start < at
                else (start + len(copy + closed) + 1, start + len(copy + closed) + 1 + len(passage))
            )
            doc = document_from_bytes(new_text.encode("utf-8"), "injected")
            groups = find_repeats(doc, segment(doc), "injected", OPTIONS)[0]
            trials += 1
            found += _found(groups, doc.text, source, (at, at + len(copy)))
    assert trials >= 35
    assert found / trials >= (0.95 if near else 1.0), (found, trials)


def test_seed_without_injection_reports_only_its_genuine_repeats() -> None:
    assert repeats_of(NEWS_2021) == []
    texts = sorted(g.text for g in repeats_of(NEWS_2025))
    # The article's closing summary repeats three of its own earlier sentences.
    assert texts == [
        "全年规上服务业营收增速全市第二、中心城区第一，1—11月规上工业产值增速全市第一",
        "年前三季度，虹口地区生产总值增长8.9%、增速全市第一",
        "新增企业7726家，注册资金亿元以上65家、千万元以上548家",
    ]


def test_exact_threshold_finds_only_exact_copies() -> None:
    groups = find_repeats(
        seed_document(OUTLOOK_2024), seed_outline(OUTLOOK_2024), "x", DuplicateOptions(threshold=1.0)
    )[0]
    assert groups and all(g.similarity == 1.0 for g in groups)


def test_compare_lists_repeats_of_both_versions() -> None:
    comparison = compare_documents(seed_document(OUTLOOK_2024), seed_document(REPORT_2025))
    docs = {o.doc for g in comparison.duplicates for o in g.occurrences}
    assert docs == {"old", "new"}
    pasted = [g for g in comparison.duplicates if len(g.occurrences) >= 4]
    assert pasted and all(o.doc == "old" for o in pasted[0].occurrences)
    data = json.loads(comparison.to_json())
    entry = data["duplicates"][0]
    assert set(entry) >= {"kind", "text", "chars", "similarity", "occurrences"}
    assert set(entry["occurrences"][0]) >= {"doc", "span", "section"}


def test_dupes_cli(tmp_path: Path) -> None:
    result = runner.invoke(app, ["dupes", str(OUTLOOK_2024), "--no-color"])
    assert result.exit_code == 0
    assert "4× 41 chars" in result.stdout and "differs: [-精神-]" in result.stdout
    data = json.loads(runner.invoke(app, ["dupes", str(REPORT_2025), str(NEWS_2025), "--format", "json"]).stdout)
    assert data["schema"] == "docdiff.dupes/1"
    assert any(g["kind"] == "reuse" for g in data["groups"]) and data["ratios"]
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in (NEWS_2021, NEWS_2025, OUTLOOK_2024):
        (folder / path.name).write_bytes(path.read_bytes())
    listed = runner.invoke(app, ["dupes", str(folder), "--format", "json"])
    assert (
        listed.exit_code == 0
        and len({o["doc"] for g in json.loads(listed.stdout)["groups"] for o in g["occurrences"]}) >= 2
    )
    # A folder's web pages are documents too; its Markdown notes are not read unless named.
    page = "".join(f"<p>{line}</p>" for line in NEWS_2025.read_text(encoding="utf-8").splitlines() if line.strip())
    (folder / "news-2025.html").write_text(f"<html><body><div>{page}</div></body></html>", encoding="utf-8")
    (folder / "README.md").write_text("# 说明\n\n" + NEWS_2025.read_text(encoding="utf-8"), encoding="utf-8")
    listed = json.loads(runner.invoke(app, ["dupes", str(folder), "--format", "json"]).stdout)
    docs = {o["doc"] for g in listed["groups"] for o in g["occurrences"]}
    assert any(d.endswith("news-2025.html") for d in docs) and not any(d.endswith("README.md") for d in docs)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("# 说明\n", encoding="utf-8")
    bad = runner.invoke(app, ["dupes", str(empty)])
    assert bad.exit_code == 2 and "holds no documents (.txt, .docx, .pdf, .html" in bad.stderr


def test_passage_shared_by_three_documents_is_one_group() -> None:
    passage = (
        "东余杭路一期、二期等20个街坊收尾交地。119、180、334和339街坊等15幅地块完成出让。480米新地标顺利浇筑底板。"
    )
    texts = [
        seed_document(REPORT_2025).text,
        seed_document(OUTLOOK_2024).text + "\n\n城市更新专栏\n\n" + passage + "\n",
        seed_document(NEWS_2021).text + "\n\n最新进展\n\n" + passage + "\n",
    ]
    documents = []
    for index, text in enumerate(texts):
        doc = document_from_bytes(text.encode("utf-8"), f"doc{index}")
        documents.append((doc, segment(doc), f"doc{index}"))
    report = duplicate_report(documents, OPTIONS)
    shared = [g for g in report.groups if g.kind == "reuse" and "480米新地标" in g.text]
    assert len(shared) == 1
    assert sorted(o.doc for o in shared[0].occurrences) == ["doc0", "doc1", "doc2"]


COUNTY_2022 = "2022年县政府工作报告\n\n一、2021年工作回顾\n\n过去一年，全县地区生产总值达到492.3亿元，增长8.6%。杭温高铁二期县城段开工建设，104国道改建工程完成投资12亿元。城东未来社区一期主体结顶。完成老旧小区改造10个。\n\n二、2022年工作安排\n\n今年主要预期目标是：地区生产总值增长7%左右，一般公共预算收入增长6%，城乡居民人均可支配收入分别增长7%、8%。\n\n（一）扩大有效投资。全年实施省市县重点项目110个，完成投资160亿元以上。加快杭温高铁二期、104国道改建工程建设，开工建设千岛湖配水工程二期、县人民医院新院区。推进城东未来社区一期、滨江绿道二期建设。\n\n（二）推进乡村振兴。深入实施“千万工程”，新建高标准农田1.5万亩，打造未来乡村示范村3个。推进“县域医共体”建设。\n\n（三）提升城市品质。完成老旧小区改造12个，实施南门地块征收。建设城市大脑一期，推进“最多跑一次”改革。\n"
COUNTY_2023 = "2023年县政府工作报告\n\n一、2022年工作回顾\n\n过去一年，全县地区生产总值达到512.6亿元，增长4.1%。重大项目建设提速。杭温高铁二期县城段完成主体工程，104国道改建工程全线通车，千岛湖配水工程二期开工建设。县人民医院新院区主体结顶，城东未来社区一期交付使用。完成老旧小区改造12个，新建改造农村公路86公里。\n\n二、2023年工作安排\n\n今年主要预期目标是：地区生产总值增长6.5%左右，一般公共预算收入增长5%，城乡居民人均可支配收入分别增长6%、7.5%。\n\n（一）扩大有效投资。全年实施省市县重点项目120个，完成投资180亿元以上。加快杭温高铁二期、104国道改建工程二期建设，开工建设临港物流园区和智能制造产业园，建成县人民医院新院区、第二自来水厂扩建工程。推进城东未来社区二期、西溪湿地综合保护工程、滨江绿道三期建设。\n\n（二）推进乡村振兴。深入实施“千万工程”，新建高标准农田2万亩，打造未来乡村示范村5个，建设共富工坊30家。推进“县域医共体”建设，新建城乡社区嵌入式服务设施20处。\n\n（三）提升城市品质。启动老城区有机更新行动，实施北门街区改造工程和东门地块征收，完成老旧小区改造15个。建设城市大脑二期，推进“数字政府”建设。\n"


def test_a_reworded_passage_carried_into_next_year_is_reported_once() -> None:
    """Edits cut a re-worded passage into chains that overlap; the reader sees it as one copy."""
    from docdiff.duplicates.matching import Block, merged

    year = "二、{y}年工作安排\n今年主要预期目标是：地区生产总值增长{g}左右，一般公共预算收入增长{r}。\n（一）扩大有效投资。全年实施重点项目{n}个，完成投资{i}亿元以上。加快高铁和国道改建工程建设。\n"
    old = year.format(y=2022, g="7%", r="6%", n=110, i=160)
    new = year.format(y=2023, g="6.5%", r="5%", n=120, i=180)
    a0, a1 = old.index("今年"), old.index("加快")
    found = [
        (Block(0, a1, 0, new.index("加快")), 0.93),
        (Block(a0, len(old) - 1, new.index("今年"), len(new) - 1), 0.94),
    ]
    [(whole, ratio)] = merged(old, new, found, 0.9)
    assert (whole.a_start, whole.a_end, whole.b_end) == (0, len(old) - 1, len(new) - 1) and ratio >= 0.9
    # Copies that do not overlap stay two; one mostly inside another, not alike as a whole, goes.
    apart = [(Block(0, 10, 0, 10), 1.0), (Block(20, 40, 20, 40), 1.0)]
    assert merged(old, new, apart, 0.9) == apart
    inside = [(Block(0, 60, 0, 60), 0.95), (Block(5, 30, 40, 65), 0.95)]
    assert merged(old, "x" * 200, inside, 0.9) == [inside[0]]
    # Two years of a county's plans (constructed): the carried-over plans are one copy, not three.
    docs = []
    for name, text in (("2022", COUNTY_2022), ("2023", COUNTY_2023)):
        doc = document_from_bytes(text.encode(), name)
        docs.append((doc, segment(doc), name))
    shared = [g for g in duplicate_report(docs, OPTIONS).groups if g.kind == "reuse"]
    for side in ("2022", "2023"):
        spans = sorted(o.span for g in shared for o in g.occurrences if o.doc == side)
        assert all(x[1] <= y[0] for x, y in itertools.pairwise(spans)), spans


def test_no_passage_is_counted_twice_in_a_group(any_seed: Path) -> None:
    # The plan's title, repeated in its preface, was seen both whole and as the stretch inside it
    # (spans 1873-1908 and 1879-1906): two copies of one passage. Copies in a group never overlap.
    document = seed_document(any_seed)
    for group in find_repeats(document, seed_outline(any_seed), any_seed.name, OPTIONS)[0]:
        spans = sorted(o.span for o in group.occurrences)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), (group.text, spans)


def test_disjoint_copies_keep_the_longest_of_overlapping_ones() -> None:
    # The n·log n sweep keeps what the definition keeps: longest first, then earliest, each copy
    # kept only if it overlaps none kept before; checked against that definition on random ranges.
    import random

    from docdiff.duplicates.repeats import _disjoint

    def by_definition(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        kept: list[tuple[int, int]] = []
        for start, end in sorted(set(ranges), key=lambda r: (r[0] - r[1], r[0])):
            if all(end <= s or start >= e for s, e in kept):
                kept.append((start, end))
        return sorted(kept)

    rng = random.Random(7)
    for _ in range(2000):
        starts = [rng.randint(0, 100) for _ in range(rng.randint(1, 30))]
        ranges = [(s, s + rng.randint(1, 20)) for s in starts]
        assert _disjoint(ranges) == by_definition(ranges)
    assert _disjoint([(0, 10), (2, 8), (10, 12), (11, 20)]) == [(0, 10), (11, 20)]


def test_a_repeat_ends_at_its_paragraph_not_a_few_characters_into_the_next() -> None:
    """Two articles end on the same sentence and the articles after them both open on `第`: the
    repeat is the sentence, not `…罚款。¶第`; a copy opening on a paragraph's last few characters
    starts after them."""
    penalty = "未按照规定分类投放生活垃圾的，由城管执法部门责令立即改正；拒不改正的，处一万元以上十万元以下罚款。"
    text = (
        "第一章 总则\n\n第一条 为了加强本市生活垃圾管理，制定本条例。\n\n"
        f"第二条 单位{penalty}\n\n第三条 个人{penalty}\n\n第四条 本条例自2025年1月1日起施行。\n"
    )
    doc = document_from_bytes(text.encode(), "rules.txt")
    groups = find_repeats(doc, segment(doc), "rules.txt", OPTIONS)[0]
    assert [[o.text for o in g.occurrences] for g in groups] == [[penalty, penalty]]
    from docdiff.duplicates.repeats import _trim

    piece = "款。\n第二条 单位未按照规定投放的"
    assert _trim(piece, 0, len(piece)) == (3, len(piece))  # `款。` is the paragraph before's


def test_candidate_pairs_are_every_two_sightings_of_a_fingerprint_in_two_documents() -> None:
    """Against the definition, one fingerprint at a time: each two sightings in two documents
    make a seed of that pair (ordered by document); a fingerprint seen more than `max_docs`
    times is spread (its documents counted) and, in more than `max_docs` documents or more
    than four times as often, pairs nothing."""
    import random
    from collections import defaultdict

    import numpy as np

    from docdiff.duplicates.reuse import _candidate_pairs

    rng = random.Random(4)
    for _ in range(200):
        max_docs = rng.randint(1, 4)
        n = rng.randint(0, 60)
        hashes = [rng.randrange(12) for _ in range(n)]
        docs = sorted(rng.randrange(8) for _ in range(n))
        positions = [rng.randrange(1000) for _ in range(n)]
        expected: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        spread: dict[int, int] = {}
        for h in sorted(set(hashes)):
            members = [(d, p) for x, d, p in zip(hashes, docs, positions, strict=True) if x == h]
            distinct = len({d for d, _ in members})
            if len(members) > max_docs:
                spread[h] = distinct
            if len(members) > 4 * max_docs or distinct > max_docs:
                continue
            for i, (da, pa) in enumerate(members):
                for db, pb in members[i + 1 :]:
                    if da != db:
                        key, seed = ((da, db), (pa, pb)) if da < db else ((db, da), (pb, pa))
                        expected[key].append(seed)
        seeds, found_spread = _candidate_pairs(
            np.array(hashes, dtype=np.uint64),
            np.array(docs, dtype=np.int64),
            np.array(positions, dtype=np.int64),
            max_docs,
        )
        assert found_spread == spread
        assert seeds.by_pair() == [(a, b, sorted(expected[a, b])) for a, b in sorted(expected)]


def test_sightings_split_by_hash_and_seeds_cut_at_pairs_keep_every_one_in_order() -> None:
    """A batch's fingerprints go to the partition of `hash % parts`, each partition keeping the
    batch's order, so that joining the batches' pieces gives a partition as one list would;
    and seeds cut at pair starts give back each pair's seeds whole."""
    import itertools
    import random

    import numpy as np

    from docdiff.duplicates.reuse import _candidate_pairs, _Sightings

    rng = random.Random(11)
    for _ in range(100):
        n = rng.randint(0, 80)
        parts = rng.randint(1, 4)
        sightings = _Sightings(
            np.array([rng.randrange(1 << 63) for _ in range(n)], dtype=np.uint64),
            np.array(sorted(rng.randrange(9) for _ in range(n)), dtype=np.int64),
            np.array([rng.randrange(500) for _ in range(n)], dtype=np.int64),
        )
        rows = list(zip(sightings.hashes.tolist(), sightings.docs.tolist(), sightings.positions.tolist(), strict=True))
        split = sightings.split(parts)
        assert len(split) == parts
        for part, piece in enumerate(split):
            got = list(zip(piece.hashes.tolist(), piece.docs.tolist(), piece.positions.tolist(), strict=True))
            assert got == [r for r in rows if r[0] % parts == part]
        cut = rng.randint(0, n)
        first, second = (
            _Sightings(*(x[:cut] for x in vars(sightings).values())),
            _Sightings(*(x[cut:] for x in vars(sightings).values())),
        )
        for whole, one, two in zip(split, first.split(parts), second.split(parts), strict=True):
            joined = _Sightings.joined([one, two])
            assert all(np.array_equal(getattr(joined, k), getattr(whole, k)) for k in ("hashes", "docs", "positions"))
        # Few hashes, so that pairs share several seeds.
        small = np.array([h % 7 for h in sightings.hashes.tolist()], dtype=np.uint64)
        seeds, _ = _candidate_pairs(small, sightings.docs, sightings.positions, 9)
        starts = [*seeds.pair_starts().tolist(), len(seeds.a)]
        pieces = [seeds.between(lo, hi).by_pair() for lo, hi in itertools.pairwise(starts)]
        assert [pair for piece in pieces for pair in piece] == seeds.by_pair()
        assert all(len(piece) == 1 for piece in pieces)


def _chain_by_scanning(blocks: list, gap: int) -> list:  # type: ignore[type-arg]
    """What `matching.chain` is: each block, in text order, joins the earliest chain it follows
    within `gap` in both texts on a diagonal at most `gap` away, else opens one."""
    from docdiff.duplicates.matching import Block

    chains: list[Block] = []
    for block in sorted(blocks, key=lambda x: (x.a_start, x.b_start)):
        for index, current in enumerate(chains):
            da, db = block.a_start - current.a_end, block.b_start - current.b_end
            moved = (block.b_start - block.a_start) - (current.b_start - current.a_start)
            if -gap <= da <= gap and -gap <= db <= gap and abs(moved) <= gap and block.b_start > current.b_start:
                chains[index] = Block(
                    current.a_start, max(current.a_end, block.a_end), current.b_start, max(current.b_end, block.b_end)
                )
                break
        else:
            chains.append(block)
    return chains


def test_chaining_keeps_only_open_chains_and_gives_the_chains_of_a_scan_of_all() -> None:
    """`chain` looks only at chains still in reach of a block; a scan of every chain so far
    gives the same chains: on blocks of a passage pasted many times (many diagonals at once),
    near copies with small edits (blocks a few characters apart on nearby diagonals), and
    negative diagonals."""
    from docdiff.duplicates.matching import Block, chain

    rng = random.Random(5)
    for _ in range(400):
        gap = rng.choice([0, 1, 3, 8])
        blocks = []
        for _ in range(rng.randrange(1, 40)):
            a = rng.randrange(0, 300)
            b = a + rng.choice([-120, -40, 0, 37, 80, 200]) + rng.randrange(-10, 11)
            length = rng.randrange(1, 30)
            blocks.append(Block(a, a + length, b, b + length + rng.randrange(-2, 3)))
        assert chain(blocks, gap) == _chain_by_scanning(blocks, gap)


def test_sightings_travel_as_32_bit_numbers_when_every_document_and_position_fits() -> None:
    """What the scan's stages pass between processes is half as large in 32 bits; a corpus whose
    documents or positions reach past 2³¹ − 1 keeps 64 bits, and either way the seeds are the same."""
    import numpy as np

    from docdiff.duplicates.corpus import HeldTexts
    from docdiff.duplicates.reuse import _candidate_pairs, _fingerprint_batch, index_type

    assert index_type(0) is np.int32 and index_type(2**31 - 1) is np.int32
    assert index_type(2**31) is np.int64
    texts = ["甲乙丙丁戊己庚辛壬癸" * 8 + "子丑寅卯" * i for i in range(3)]
    options = DuplicateOptions()
    seeds = []
    for index in (np.int32, np.int64):
        _, (sightings,) = _fingerprint_batch((HeldTexts(texts), range(3)), options, 1, index)
        assert sightings.docs.dtype == index and sightings.positions.dtype == index
        found, _ = _candidate_pairs(sightings.hashes, sightings.docs, sightings.positions, 5)
        assert found.a.dtype == index
        seeds.append(found.by_pair())
    assert seeds[0] == seeds[1] and seeds[0]
