"""Acronyms in metrics (`GDP`, `CPI`) pair with the Chinese names the other version prints."""

from __future__ import annotations

from docdiff.compare import compare_documents
from docdiff.facts.acronyms import expanded_metrics
from docdiff.facts.extract import extract_facts
from docdiff.facts.models import Target
from docdiff.ingest import document_from_bytes
from docdiff.segment import segment

REPORT = "二、今年目标\n\n国内生产总值增长5%左右，居民消费价格涨幅3%左右，单位国内生产总值能耗降低2.5%左右，城镇新增就业1200万人以上。\n"


def changes(old: str, new: str) -> list[tuple[str, str | None, str | None]]:
    a, b = document_from_bytes(old.encode(), "old"), document_from_bytes(new.encode(), "new")
    return [
        (f.status, f.old.metric if f.old else None, f.new.metric if f.new else None)
        for f in compare_documents(a, b).facts
        if f.kind == "target"
    ]


def test_a_newspapers_acronyms_pair_with_the_reports_names() -> None:
    news = "今年目标\n\nGDP增长5%左右，CPI涨幅3%左右，单位GDP能耗降低2.5%左右，城镇新增就业1200万人以上。\n"
    found = changes(REPORT, news)
    assert [status for status, _, _ in found] == ["unchanged"] * 4
    # Each side keeps the metric as its version prints it.
    assert ("unchanged", "居民消费价格涨幅", "CPI涨幅") in found
    # A figure that moved is a change of the same target, not a dropped one and an added one.
    moved = changes(REPORT, news.replace("GDP增长5%", "GDP增长6%"))
    assert ("changed", "国内生产总值", "GDP") in moved


def test_an_acronym_is_read_only_as_the_frames_and_figures_of_the_other_version_support() -> None:
    def targets(text: str) -> list[Target]:
        doc = document_from_bytes(text.encode(), "t")
        return [f for f in extract_facts(doc, segment(doc)) if isinstance(f, Target)]

    def metrics(old: str, new: str) -> tuple[list[str], list[str]]:
        return expanded_metrics(targets(old), targets(new))

    # `单位GDP能耗` frames the acronym as `单位国内生产总值能耗` does; `GDP增长5%` states its figure.
    assert metrics(
        "单位国内生产总值能耗降低2.5%，国内生产总值增长5%，一般公共预算收入增长3%。", "GDP增长5%，单位GDP能耗降低2.5%。"
    )[1] == [
        "国内生产总值",
        "单位国内生产总值能耗",
    ]
    # Nothing tells which of two metrics an acronym alone stands for: it stays as printed.
    assert metrics("国内生产总值增长5%，一般公共预算收入增长3%。", "GDP增长6%。")[1] == ["GDP"]
    # An acronym both versions print needs no name; nor does a name with digits (`PM2.5`).
    assert metrics("GDP增长5%。", "GDP增长6%。") == (["GDP"], ["GDP"])
    assert metrics("细颗粒物平均浓度下降3%。", "PM2.5平均浓度下降3%。")[1] == ["PM2.5平均浓度"]
