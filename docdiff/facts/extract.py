"""Walk a segmented document and extract its facts, each with its span and section path."""

from __future__ import annotations

from bisect import bisect_left

from docdiff.facts.formulations import Formulation, formulations_of
from docdiff.facts.models import Fact, Phrase, Project, Target, Tense
from docdiff.facts.phrases import (
    FoundPhrase,
    SloganMatcher,
    find_phrases,
    quoted_spans,
    recurring_slogans,
    said_unquoted,
    slogan_pattern,
)
from docdiff.facts.projects import WORKS_COUNTED_BY, FoundProject, find_projects
from docdiff.facts.tables import Indicator, read_indicators
from docdiff.facts.targets import Found, Measure, Role, find_targets, path_tense, section_role, stated_tense
from docdiff.flat import FlatSection, flatten
from docdiff.models import Document, Outline, Paragraph, Span, Table
from docdiff.textshape import substrings

_SentenceFacts = tuple[list[Found], list[FoundPhrase], list[FoundProject]]
# What a sentence holds, by its text and its context (paragraph opening, role, and the tense its
# section path gives: all a sentence's facts take from the path), for one set of slogans.
SentenceMemo = dict[tuple[str, str, Role | None, Tense | None], _SentenceFacts]


def extract_facts(
    doc: Document,
    outline: Outline,
    slogans: set[str] | None = None,
    flat: list[FlatSection] | None = None,
    other: Document | None = None,
    memo: SentenceMemo | None = None,
) -> list[Fact]:
    """Targets (every occurrence), phrases and projects (first occurrence of each) in document order.

    `slogans` are the `X、Y` slogans to look for; by default those recurring in this document.
    `other` is the version compared with: given, unquoted formulations new against it are phrases too.
    `memo` holds what sentences were found to hold: shared by the versions of one comparison
    (with the same `slogans`), a sentence both keep is read once.
    """
    facts: list[Fact] = []
    slogans = recurring_slogans(doc.normalised) if slogans is None else slogans
    slogan_re = slogan_pattern(slogans)
    seen_phrases: set[str] = set()
    # A project is reported once per part (review, tasks): the plans naming a work the review
    # names as done still hold it, and pairing keeps the parts apart (issue 12, point 3).
    seen_projects: set[tuple[str | None, str]] = set()
    has_review = any(section_role((child.heading,), False) == "review" for child in outline.root.children)
    # A glossary defines terms: its numbers are neither results nor plans.
    glossaries = {child.heading for child in outline.root.children if child.style == "glossary"}
    flat = flat if flat is not None else flatten(doc, outline)
    # What a sentence holds depends only on its text and context, and a long document (or a
    # generated one: a table of 200,000 rows) repeats sentences: each is read once.
    seen_sentences: SentenceMemo = {} if memo is None else memo
    formulations = formulations_of(doc, flat, other) if other is not None else []
    # A term the other version quotes and this one says plainly is kept: found here too, so the
    # two pair (it is no formulation of this version's, and never taken out for a work it names).
    kept = (
        [
            Formulation(at, at + len(form), form, form)
            for at, form in said_unquoted(substrings(doc.normalised), other.normalised)
        ]
        if other is not None
        else []
    )
    formulations = sorted([*formulations, *kept], key=lambda f: f.start)
    formulation_starts = sorted((f.start, k) for k, f in enumerate(formulations))
    for section in flat:
        path = section.path
        role = None if path and path[0] in glossaries else section_role(path, has_review)
        texts: list[tuple[int, int, str]] = []  # normalised ranges of running text, with their paragraph opening
        # A numbered heading names terms (`（三）切实落实“两个毫不动摇”`): a term said only there is
        # said. Its figures are its section's, which its text gives, and its names of works are cut
        # short as a title's words are (`以自贸试验区建设为突破口`): `names` are read for terms only.
        names: list[tuple[int, int, str]] = []
        heading_end: int | None = None  # where a heading read as running text ends, to tell its targets
        if section.section.heading_span:
            running = section.section.style in ("topic", "plain")
            (texts if running else names).append((*doc.to_normalised(section.section.heading_span), ""))
            heading_end = section.section.heading_span[1] if running else None
        for block in section.section.blocks:
            if isinstance(block, Paragraph):
                opening = doc.normalised_slice(block.sentences[0])[:12] if block.sentences else ""
                texts.extend(_with_lead(doc, block, opening, role))
            elif isinstance(block, Table):
                indicators = read_indicators(block.rows)
                if indicators:
                    facts.extend(_indicator_targets(doc, block, indicators, path, role))
                else:
                    texts.extend((*cell, "") for cell in _cells(doc, block))
        # Formulations stand in headings of any style, so the heading is searched whatever it is.
        heading = [doc.to_normalised(section.section.heading_span)] if section.section.heading_span else []
        for formulation in _within(formulations, formulation_starts, [*heading, *((s, e) for s, e, _ in texts)]):
            if formulation.form not in seen_phrases:
                seen_phrases.add(formulation.form)
                facts.append(_formulation(doc, formulation, path))
        heading_tense = path_tense(path)
        first_fact = len(facts)
        for k, (start, end, opening) in enumerate([*names, *texts]):
            sentence = doc.normalised[start:end]
            read: _SentenceFacts
            if k < len(names):  # a heading read for its terms only: no sentence to remember
                read = ([], find_phrases(sentence, slogan_re), [])
            else:
                key = (sentence, opening, role, heading_tense)
                if key not in seen_sentences:
                    seen_sentences[key] = _sentence_facts(sentence, path, opening, role, slogan_re)
                read = seen_sentences[key]
            sentence_targets, sentence_phrases, sentence_projects = read
            for found in sentence_targets:
                span = doc.to_original(start + found.start, start + found.end)
                facts.append(_target(sentence[found.start : found.end], span, path, found, found.tense))
            for phrase in sentence_phrases:
                if phrase.form in seen_phrases:
                    continue
                seen_phrases.add(phrase.form)
                facts.append(
                    Phrase(
                        text=sentence[phrase.start : phrase.end],
                        span=doc.to_original(start + phrase.start, start + phrase.end),
                        section=path,
                        form=phrase.form,
                        style=phrase.style,
                    )
                )
            for project in sentence_projects:
                if (role, project.name) in seen_projects:
                    continue
                seen_projects.add((role, project.name))
                facts.append(
                    Project(
                        text=sentence[project.start : project.end],
                        span=doc.to_original(start + project.start, start + project.end),
                        section=path,
                        name=project.name,
                    )
                )
        if heading_end is not None:
            facts[first_fact:] = _without_restated(facts[first_fact:], heading_end)
    return _without_works(facts, {f.form for f in kept})


def _without_restated(facts: list[Fact], heading_end: int) -> list[Fact]:
    """A section's facts less the targets of its heading that its text states again (a headline
    `…今年GDP增长5%左右` over a story saying `GDP增长5%左右`): one figure, said twice, is one
    target, and the text's copy is the one with its context."""
    said = {_stated(f) for f in facts if isinstance(f, Target) and f.span[0] >= heading_end}
    return [f for f in facts if not (isinstance(f, Target) and f.span[1] <= heading_end and _stated(f) in said)]


def _stated(target: Target) -> tuple[str, float | None, str | None, str | None]:
    return (target.metric, target.value, target.unit, target.direction)


def _with_lead(doc: Document, block: Paragraph, opening: str, role: Role | None) -> list[tuple[int, int, str]]:
    """The normalised range of each sentence of a paragraph, with what may state its tense when
    its own words do not: the nearest part of its sentence before it, cut off at `；`, that states
    one (`去年…增长5.3%；一般公共预算收入完成860亿元…` is last year's too), else the paragraph's
    opening. Each part is read once: a list of thousands of `；` items stays linear."""
    found = []
    lead = ""  # the nearest earlier part of the sentence that states a tense
    for sentence in block.sentences:
        text = doc.normalised_slice(sentence)
        found.append((*doc.to_normalised(sentence), lead or opening))
        if not text.rstrip().endswith(("；", ";")):
            lead = ""  # the sentence ends here
        elif stated_tense(text, role):
            lead = text
    return found


def _without_works(facts: list[Fact], kept: set[str]) -> list[Fact]:
    """The facts less the unquoted formulations that overlap a project: a named work (`拆炉并网
    工程`, `两河圣山文化旅游景区`) is reported as a project, and the phrase list does not repeat it."""
    works = sorted(f.span for f in facts if isinstance(f, Project))
    if not works:
        return facts
    starts = [start for start, _ in works]
    reach = max(end - start for start, end in works)  # a work starting this far back may overlap

    def overlaps(span: tuple[int, int]) -> bool:
        first = bisect_left(starts, span[0] - reach)
        last = bisect_left(starts, span[1])
        return any(works[k][1] > span[0] for k in range(first, last))

    return [
        f
        for f in facts
        if not (isinstance(f, Phrase) and f.style == "formulation" and f.form not in kept and overlaps(f.span))
    ]


def _sentence_facts(
    sentence: str, path: tuple[str, ...], opening: str, role: Role | None, slogans: SloganMatcher | None
) -> _SentenceFacts:
    """The targets, phrases and projects of one sentence (offsets relative to it)."""
    blocked = quoted_spans(sentence)
    # A note under a table (`注：共20个指标…`) counts the table; it sets no target.
    note = sentence.startswith(("注：", "注:"))
    targets = [] if note else find_targets(sentence, path, blocked, opening, role)
    projects = find_projects(sentence, blocked)
    if projects and targets:
        # A number inside a work's name is part of the name (`大唐700万吨露天矿`, `“十四五”规划102项
        # 重大工程`), no target; a count of the works named is one (`邯郸路2处市民健身中心`).
        targets = [
            t
            for t in targets
            if t.unit in WORKS_COUNTED_BY or not any(p.start < t.value_start and t.value_end <= p.end for p in projects)
        ]
    return targets, find_phrases(sentence, slogans), projects


def _within(
    formulations: list[Formulation], starts: list[tuple[int, int]], ranges: list[tuple[int, int]]
) -> list[Formulation]:
    """The formulations starting inside any of `ranges`, in their own order (`starts`: the sorted
    (start, position) of each, so a range is two binary searches, not a scan of them all)."""
    picked: set[int] = set()
    for start, end in ranges:
        picked.update(k for _, k in starts[bisect_left(starts, (start, -1)) : bisect_left(starts, (end, -1))])
    return [formulations[k] for k in sorted(picked)]


def _formulation(doc: Document, found: Formulation, path: tuple[str, ...]) -> Phrase:
    span = doc.to_original(found.start, found.end)
    return Phrase(text=found.text, span=span, section=path, form=found.form, style="formulation")


def _cells(doc: Document, table: Table) -> list[tuple[int, int]]:
    """Normalised ranges of a table's cells (their text is running text)."""
    ranges: list[tuple[int, int]] = []
    for row_span in table.row_spans:
        start, end = doc.to_normalised(row_span)
        pos = start
        for cell in doc.normalised[start:end].split("\t"):
            ranges.append((pos, pos + len(cell)))
            pos += len(cell) + 1
    return ranges


def _indicator_targets(
    doc: Document, table: Table, indicators: list[Indicator], path: tuple[str, ...], role: Role | None
) -> list[Target]:
    """One target per indicator row, its text the row's cells: a plan, unless the table stands in
    the review part (a table of last year's figures states results) or its column says which
    (`2024年完成`, `2025年目标`)."""
    tense: Tense = "result" if role == "review" else "plan"
    return [
        _target(
            doc.normalised_slice(table.row_spans[i.row]).replace("\t", " | "),
            table.row_spans[i.row],
            path,
            i,
            i.tense or tense,
        )
        for i in indicators
    ]


def _target(text: str, span: Span, path: tuple[str, ...], measure: Measure, tense: Tense | None) -> Target:
    return Target(
        text=text,
        span=span,
        section=path,
        metric=measure.metric,
        value=measure.value,
        value_high=measure.value_high,
        unit=measure.unit,
        qualifier=measure.qualifier,
        direction=measure.direction,
        bound=measure.bound,
        period=measure.period,
        tense=tense,
        value_text=measure.value_text,
        earlier=measure.earlier,
        change=measure.change,
    )
