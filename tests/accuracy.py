"""Score docdiff against the truth files made by reading (`tests/truth/`).

Shared by `bench/bench_accuracy.py` (which prints every figure) and `tests/test_accuracy.py`
(which holds the thresholds). Nothing here decides what is true: it only compares.

Headings: a truth heading is found when docdiff opens a section of the same level on the
same line (lead-sentence topics and glossary entries are paragraph-level structure, not
headings, and are not counted either way). A section "carries its whole body" when its span
ends after the last body line before the next truth heading of its level or higher, and no
later than that heading's line.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from functools import cache
from pathlib import Path

from docdiff.ingest import read_document
from docdiff.models import Document, Outline, Section
from docdiff.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TRUTH = Path(__file__).resolve().parent / "truth"

# Styles that are not headings: the root, paragraph lead sentences, glossary entries.
_NOT_HEADING_STYLES = ("document", "topic", "entry")
# `not_headings` reasons that mark a line outside the report's body (skipped when checking spans).
_FURNITURE_WHY = re.compile(r"foot|marker|licen|control|title|toc|content|caption|page|chrome|web|dateline|byline|目录")


def document_path(name: str) -> Path:
    """`national-2019` → seeds/national/2019.txt; a Hongkou seed name → seeds/<name>.txt."""
    series, _, year = name.rpartition("-")
    nested = SEEDS / series / f"{year}.txt"
    return nested if series and year.isdigit() and nested.exists() else SEEDS / f"{name}.txt"


def corpus_names() -> list[str]:
    """The real reports of the corpus (the documents in a series folder of seeds/), sorted."""
    return [name for name in heading_truth_names() if document_path(name).parent != SEEDS]


def heading_truth_names() -> list[str]:
    """Every document with a heading truth file, sorted."""
    return sorted(path.stem for path in (TRUTH / "headings").glob("*.json"))


@cache
def heading_truth(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((TRUTH / "headings" / f"{name}.json").read_text(encoding="utf-8"))


@cache
def document(name: str) -> Document:
    return read_document(document_path(name))


@cache
def outline(name: str) -> Outline:
    return segment(document(name))


class Lines:
    """Line numbers (1-based, counting `\\n`) of offsets in a text, and offsets of lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset)

    def start(self, line: int) -> int:
        return self.starts[line - 1] if line <= len(self.starts) else len(self.text)

    def end(self, line: int) -> int:
        """Offset just after the line's last visible character."""
        stop = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return len(self.text[self.start(line) : stop].rstrip()) + self.start(line)

    def blank(self, line: int) -> bool:
        return self.end(line) <= self.start(line) or not self.text[self.start(line) : self.end(line)].strip()


def _sum_into(total: object, part: object) -> None:
    """Add a score record's every field into a total: counts add, lists join, and a dict of
    (recovered, total) counts per kind adds kind by kind."""
    for field_ in dataclass_fields(total):  # type: ignore[arg-type]
        name = field_.name
        mine, theirs = getattr(total, name), getattr(part, name)
        if isinstance(mine, dict):
            for kind, (got, count) in theirs.items():
                have = mine.get(kind, (0, 0))
                mine[kind] = (have[0] + got, have[1] + count)
        else:
            setattr(total, name, mine + theirs)


@dataclass
class LevelScore:
    """Headings of one level: found of real, false ones, and spans that carry their body."""

    real: int = 0
    found: int = 0
    reported: int = 0
    spans_right: int = 0
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    bad_spans: list[str] = field(default_factory=list)

    @property
    def false_count(self) -> int:
        return self.reported - self.found

    def add(self, other: LevelScore) -> None:
        _sum_into(self, other)


@dataclass
class HeadingScore:
    """A document's heading figures, per level, and its glossary entries."""

    levels: dict[int, LevelScore] = field(default_factory=lambda: {1: LevelScore(), 2: LevelScore()})
    glossary_entries: tuple[int, int] | None = None  # (found, real)
    warnings: int = 0

    def add(self, other: HeadingScore) -> None:
        for level, score in other.levels.items():
            self.levels[level].add(score)


def _sections(outline: Outline) -> list[Section]:
    return [s for s in outline.root.walk() if s.level in (1, 2) and s.style not in _NOT_HEADING_STYLES]


# The bar the tests hold (tests/test_accuracy.py) over the corpus and the seeds together.
HEADING_BAR = {"l1_recall": 1.0, "l1_precision": 1.0, "l2_recall": 0.98, "l2_precision": 0.98, "l2_spans": 0.97}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def heading_figures(score: HeadingScore) -> dict[str, float]:
    """Recall, precision and span share of a (total) heading score."""
    one, two = score.levels[1], score.levels[2]
    return {
        "l1_recall": _ratio(one.found, one.real),
        "l1_precision": _ratio(one.found, one.reported),
        "l2_recall": _ratio(two.found, two.real),
        "l2_precision": _ratio(two.found, two.reported),
        "l2_spans": _ratio(two.spans_right, two.found),
    }


def score_headings(name: str) -> HeadingScore:
    """Compare docdiff's level-1 and level-2 sections of a document with its heading truth."""
    truth = heading_truth(name)
    doc, tree = document(name), outline(name)
    lines = Lines(doc.text)
    real = [(h["level"], h["line"], h["text"]) for h in truth["headings"]]
    glossary = truth.get("glossary")
    boundaries = sorted({line for _, line, _ in real} | ({glossary["line"]} if glossary else set()))
    furniture = {n["line"] for n in truth.get("not_headings", []) if _FURNITURE_WHY.search(str(n.get("why", "")))}
    body_end = truth["body_end_line"]

    found: dict[tuple[int, int], Section] = {}
    score = HeadingScore(warnings=len(getattr(tree, "warnings", ())))
    for section in _sections(tree):
        assert section.heading_span is not None
        line = lines.line_of(section.heading_span[0])
        level = section.level
        if section.style == "glossary" and glossary and line == glossary["line"]:
            entries = sum(1 for child in section.children if child.style == "entry")
            score.glossary_entries = (entries, glossary["entries"])
            continue
        score.levels[level].reported += 1
        if (level, line) in {(lv, ln) for lv, ln, _ in real}:
            found[(level, line)] = section
        else:
            score.levels[level].false.append(f"L{level} line {line}: {section.number_label or ''}{section.heading}")
    for level, line, text in real:
        level_score = score.levels[level]
        level_score.real += 1
        section = found.get((level, line))
        if section is None:
            level_score.missed.append(f"L{level} line {line}: {text}")
            continue
        level_score.found += 1
        if _span_right(section, level, line, real, boundaries, furniture, body_end, lines):
            level_score.spans_right += 1
        else:
            end_line = lines.line_of(max(section.span[1] - 1, 0))
            level_score.bad_spans.append(f"L{level} line {line} ends on line {end_line}: {text}")
    if glossary and score.glossary_entries is None:
        score.glossary_entries = (0, glossary["entries"])
    return score


def _span_right(
    section: Section,
    level: int,
    line: int,
    real: list[tuple[int, int, str]],
    boundaries: list[int],
    furniture: set[int],
    body_end: int,
    lines: Lines,
) -> bool:
    """Whether the section ends after its last body line and before the next heading of its rank."""
    later = [ln for lv, ln, _ in real if ln > line and lv <= level]
    later += [b for b in boundaries if b > line and b not in {ln for _, ln, _ in real}]  # the glossary
    stop_line = min(later) if later else body_end + 1
    last = stop_line - 1
    while last > line and (lines.blank(last) or last in furniture or last > body_end):
        last -= 1
    latest = lines.start(stop_line) if later else len(lines.text)
    if not later:
        after = body_end + 1
        while after <= len(lines.starts) and lines.blank(after):
            after += 1
        latest = lines.start(after) if after <= len(lines.starts) else len(lines.text)
    end = section.span[1]
    return lines.end(last) <= end <= latest


# -- alignment ---------------------------------------------------------------------------------

# The bar of issue 11 over the development pairs (the eight consecutive-year corpus pairs).
ALIGN_BAR = {"recovered": 0.95, "wrong": 0.02}


def align_truth_names() -> list[str]:
    """Every pair with an alignment truth file (`old__new`), sorted."""
    return sorted(path.stem for path in (TRUTH / "align").glob("*.json"))


def is_development_pair(name: str) -> bool:
    """A consecutive-year pair of the real corpus (not a Hongkou seed pair)."""
    return not name.startswith("20")


@cache
def align_truth(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((TRUTH / "align" / f"{name}.json").read_text(encoding="utf-8"))


@dataclass
class AlignScore:
    """One pair's (or a total's) verdicts recovered, and docdiff's links the truth does not make."""

    verdicts: int = 0
    recovered: int = 0
    links: int = 0
    wrong: int = 0
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind → (recovered, total)
    missed: list[str] = field(default_factory=list)
    wrong_links: list[str] = field(default_factory=list)

    def add(self, other: AlignScore) -> None:
        _sum_into(self, other)

    @property
    def recovered_share(self) -> float:
        return self.recovered / self.verdicts if self.verdicts else 1.0

    @property
    def wrong_share(self) -> float:
        return self.wrong / self.links if self.links else 0.0


def heading_lines(name: str, flat: list) -> dict[int, int]:  # type: ignore[type-arg]
    """Flat index → heading line, for docdiff's sections that stand for truth headings."""
    lines = Lines(document(name).text)
    real = {h["line"] for h in heading_truth(name)["headings"]}
    out: dict[int, int] = {}
    for entry in flat[1:]:
        section = entry.section
        if section.heading_span is None or section.style in _NOT_HEADING_STYLES:
            continue
        line = lines.line_of(section.heading_span[0])
        if line in real and section.level in (1, 2):
            out[entry.index] = line
    return out


def _containing(flat: list, headings: dict[int, int]) -> dict[int, int]:  # type: ignore[type-arg]
    """Flat index → line of the nearest truth heading holding it, for sections below the truth's levels."""
    out: dict[int, int] = {}
    for entry in flat[1:]:
        k = entry.parent
        while k is not None and k not in headings:
            k = flat[k].parent
        if k is not None and entry.index not in headings:
            out[entry.index] = headings[k]
    return out


def docdiff_links(old_name: str, new_name: str, options: object = None) -> set[tuple[int, int]]:
    """(old line, new line) of every link docdiff makes between truth headings (pairs, parts).

    A link between a truth heading and a section below the truth's levels (a lead-sentence
    topic) counts for the truth heading holding that section: docdiff saying that an old
    `（三）` became a topic of the new `一、` links it to `一、`. Links between two such
    sections are finer than the truth and are left out.
    """
    from docdiff.align import align
    from docdiff.flat import flatten
    from docdiff.options import AlignOptions

    old_doc, new_doc = document(old_name), document(new_name)
    old_flat, new_flat = flatten(old_doc, outline(old_name)), flatten(new_doc, outline(new_name))
    old_lines, new_lines = heading_lines(old_name, old_flat), heading_lines(new_name, new_flat)
    old_held, new_held = _containing(old_flat, old_lines), _containing(new_flat, new_lines)
    alignment = align(old_doc, old_flat, new_doc, new_flat, options or AlignOptions())  # type: ignore[arg-type]
    links: set[tuple[int, int]] = set()
    for pair in alignment.pairs:
        if pair.old is None or pair.new is None:
            continue
        old, new = old_lines.get(pair.old), new_lines.get(pair.new)
        if old is not None and new is not None:
            links.add((old, new))
        elif old is not None and pair.new in new_held:
            links.add((old, new_held[pair.new]))
        elif new is not None and pair.old in old_held:
            links.add((old_held[pair.old], new))
    return links


def score_alignment(name: str, options: object = None) -> AlignScore:
    """Compare docdiff's section links for a pair with the truth's verdicts.

    A `pair` is recovered when docdiff links exactly those two headings (and neither to any
    other truth heading); `added`/`dropped` when docdiff links the heading to none; a `split`
    or `merge` when docdiff links the one side to two or more of the parts, at least half of
    them, and to nothing else. A link is wrong when the truth's verdicts never join the two.
    """
    truth = align_truth(name)
    links = docdiff_links(truth["old"], truth["new"], options)
    of_old: dict[int, set[int]] = {}
    of_new: dict[int, set[int]] = {}
    for old, new in links:
        of_old.setdefault(old, set()).add(new)
        of_new.setdefault(new, set()).add(old)
    joined = {(o, n) for v in truth["verdicts"] for o in v["old"] for n in v["new"]}
    score = AlignScore(links=len(links))
    for verdict in truth["verdicts"]:
        kind, olds, news = verdict["kind"], verdict["old"], verdict["new"]
        if kind == "pair":
            ok = of_old.get(olds[0], set()) == {news[0]} and of_new.get(news[0], set()) == {olds[0]}
        elif kind == "dropped":
            ok = not of_old.get(olds[0])
        elif kind == "added":
            ok = not of_new.get(news[0])
        else:
            one, parts, linked = (olds[0], set(news), of_old) if kind == "split" else (news[0], set(olds), of_new)
            got = linked.get(one, set())
            ok = got <= parts and len(got) >= 2 and 2 * len(got) >= len(parts)
        got_kind = score.by_kind.get(kind, (0, 0))
        score.by_kind[kind] = (got_kind[0] + ok, got_kind[1] + 1)
        score.verdicts += 1
        score.recovered += ok
        if not ok:
            score.missed.append(f"{kind} {olds}→{news}: {verdict.get('note', '')[:60]}")
    for old, new in sorted(links - joined):
        score.wrong += 1
        score.wrong_links.append(f"old line {old} ↔ new line {new}")
    return score


# -- facts ----------------------------------------------------------------------------------------

ANNOTATIONS = Path(__file__).resolve().parent / "annotations"
# The bar of issue 12 on the corpus annotations.
FACT_BAR = {"precision": 0.92, "recall": 0.92, "tense": 0.95, "project_precision": 0.85, "project_recall": 0.8}
_COVERED = re.compile(r"covered(?: completely)?:?\s+(.*)")
_DOC_LINES = re.compile(r"([a-z]+-\d{4}) lines ([^a-z]*)")
_LINE_RANGE = re.compile(r"(\d+)\s*[-–]\s*(\d+)|(\d+)")


def _annotation(name: str) -> tuple[list[dict[str, str]], dict[str, list[tuple[int, int]]]]:
    """Rows of a corpus annotation TSV (header line names the columns) and the line ranges it covers."""
    rows: list[dict[str, str]] = []
    covered: dict[str, list[tuple[int, int]]] = {}
    header: list[str] | None = None
    for raw in (ANNOTATIONS / name).read_text(encoding="utf-8").splitlines():
        if raw.startswith("#"):
            found = _COVERED.search(raw)
            if found:
                text = re.sub(r"[（(][^)）]*[)）]", "", found.group(1))  # notes in brackets hold years
                for doc, spans in _DOC_LINES.findall(text):
                    for m in _LINE_RANGE.finditer(spans):
                        a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(3))
                        covered.setdefault(doc, []).append((int(a), int(b)))
            continue
        cells = raw.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) >= 3:
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False)))
    return rows, covered


def _inside(line: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= line <= b for a, b in ranges)


@cache
def extracted_facts(name: str) -> list:  # type: ignore[type-arg]
    from docdiff.facts.extract import extract_facts

    return list(extract_facts(document(name), outline(name)))


@dataclass
class FactScore:
    """Targets and projects against the annotations: matches, extracted, annotated, tense right."""

    annotated: int = 0
    extracted: int = 0
    matched: int = 0
    tense_right: int = 0
    unit_right: int = 0
    metric_exact: int = 0
    projects_annotated: int = 0
    projects_extracted: int = 0
    projects_matched_annotated: int = 0
    projects_matched_extracted: int = 0
    projects_exact: int = 0
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    def add(self, other: FactScore) -> None:
        _sum_into(self, other)

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0

        return {
            "precision": ratio(self.matched, self.extracted),
            "recall": ratio(self.matched, self.annotated),
            "tense": ratio(self.tense_right, self.matched),
            "unit": ratio(self.unit_right, self.matched),
            # Stricter than the match (which takes half-alike metrics): the metric as annotated,
            # brackets and spaces aside, so a verb or a date left in it shows.
            "metric_exact": ratio(self.metric_exact, self.matched),
            "project_precision": ratio(self.projects_matched_extracted, self.projects_extracted),
            "project_recall": ratio(self.projects_matched_annotated, self.projects_annotated),
            # Of the annotated projects found, those reported under exactly the annotated name
            # (quote marks aside), not a part or a longer stretch holding it.
            "project_exact": ratio(self.projects_exact, self.projects_matched_annotated),
        }


def _same_metric(annotated: str, extracted: str) -> bool:
    from rapidfuzz import fuzz

    return bool(extracted) and (
        annotated in extracted or extracted in annotated or fuzz.ratio(annotated, extracted) >= 50
    )


def _bare(metric: str) -> str:
    """A metric without brackets, their contents and spaces (`城镇调查失业率（平均）`)."""
    return re.sub(r"[（(][^）)]*[）)]|\s", "", metric)


def _unquoted(name: str) -> str:
    return name.replace("“", "").replace("”", "")


def _same_value(annotated: str, extracted: float) -> bool:
    """Equal to the digits the annotation prints: `0.6667` for two thirds is within half its last place."""
    decimals = len(annotated.strip().partition(".")[2])
    tolerance = 0.5 * 10.0**-decimals if decimals >= 4 else 1e-6 * max(1.0, abs(float(annotated)))
    return abs(float(annotated) - extracted) <= tolerance


def score_facts(name: str) -> FactScore:
    """One document's numeric targets and projects against the corpus annotations.

    A target matches an annotated one on the same line with the same value and an overlapping
    metric (one holds the other, or they are half alike); each is matched once. Precision
    counts the numeric targets docdiff reports on the covered lines. A project matches an
    annotated name on the same line when one name holds the other.
    """
    from docdiff.facts.models import Project, Target

    lines = Lines(document(name).text)
    score = FactScore()
    for file in sorted(ANNOTATIONS.glob("corpus_targets_*.tsv")):
        rows, covered = _annotation(file.name)
        ranges = covered.get(name, [])
        gold = [r for r in rows if r["doc"] == name and r["value"].strip() and _inside(int(r["line"]), ranges)]
        if not ranges:
            continue
        found = [
            f
            for f in extracted_facts(name)
            if isinstance(f, Target) and f.value is not None and _inside(lines.line_of(f.span[0]), ranges)
        ]
        score.annotated += len(gold)
        score.extracted += len(found)
        used: set[int] = set()
        for target in found:
            line = lines.line_of(target.span[0])
            for k, row in enumerate(gold):
                if k in used or int(row["line"]) != line:
                    continue
                if _same_value(row["value"], target.value) and _same_metric(row["metric"], target.metric):
                    used.add(k)
                    score.matched += 1
                    score.tense_right += target.tense == row["tense"]
                    score.unit_right += (target.unit or "") == row["unit"].replace("％", "%")
                    score.metric_exact += _bare(row["metric"]) == _bare(target.metric)
                    break
            else:
                score.false.append(f"{name}:{line} {target.metric} {target.value_text}")
        # `由A增加到B` is one target that moved from A (issue 12); where an annotation lists A
        # as a row of its own, the target that reports A as its earlier value finds it.
        for target in found:
            if target.earlier is None:
                continue
            line = lines.line_of(target.span[0])
            for k, row in enumerate(gold):
                if (
                    k not in used
                    and int(row["line"]) == line
                    and _same_value(row["value"], target.earlier)
                    and _same_metric(row["metric"], target.metric)
                ):
                    used.add(k)
                    score.annotated -= 1  # one fact, printed as two values
                    break
        score.missed += [
            f"{name}:{r['line']} {r['metric']} {r['value']}{r['unit']}" for k, r in enumerate(gold) if k not in used
        ]
    for file in sorted(ANNOTATIONS.glob("projects_*.tsv")):
        rows, covered = _annotation(file.name)
        ranges = covered.get(name, [])
        if not ranges:
            continue
        gold = [r for r in rows if r["doc"] == name and _inside(int(r["line"]), ranges)]
        found = [
            f for f in extracted_facts(name) if isinstance(f, Project) and _inside(lines.line_of(f.span[0]), ranges)
        ]
        score.projects_annotated += len(gold)
        score.projects_extracted += len(found)
        pairs = {
            (k, m)
            for k, row in enumerate(gold)
            for m, project in enumerate(found)
            if int(row["line"]) == lines.line_of(project.span[0])
            and (row["name"] in project.name or project.name in row["name"])
        }
        score.projects_matched_annotated += len({k for k, _ in pairs})
        score.projects_matched_extracted += len({m for _, m in pairs})
        score.projects_exact += len({k for k, m in pairs if _unquoted(gold[k]["name"]) == _unquoted(found[m].name)})
    return score


def score_main_targets() -> list[tuple[str, str, bool, str]]:
    """Each numeric plan row of `main_targets.tsv`: (year, quote, right, what docdiff read).

    Right: a plan target of that year's report with the same value (and high end), an
    overlapping metric, and the bound (`左右`, `以上`, `以内`) as its qualifier where one is printed.
    """
    from docdiff.facts.models import Target

    rows, _ = _annotation("main_targets.tsv")
    out: list[tuple[str, str, bool, str]] = []
    for row in rows:
        if row["tense"] != "plan" or not row["value"].strip():
            continue
        name = f"national-{row['year']}"
        metric = re.sub(r"增长|涨幅|（.*?）", "", row["metric"])
        value, high = float(row["value"]), float(row["value_high"]) if row["value_high"].strip() else None
        candidates = [
            f
            for f in extracted_facts(name)
            if isinstance(f, Target)
            and f.value is not None
            and abs(f.value - value) < 1e-6
            and _same_metric(metric, f.metric)
        ]
        right = [
            f
            for f in candidates
            if f.tense == "plan"
            and (high is None or (f.value_high is not None and abs(f.value_high - high) < 1e-6))
            and (f.bound or "") == row["bound"]
        ]
        # What docdiff read: the right target when there is one (a five-year target of the same
        # value may come first), else the nearest miss.
        seen = (right or candidates or [None])[0]
        read = (
            f"{seen.metric} {seen.value}{'-' + str(seen.value_high) if seen.value_high else ''}{seen.unit or ''} "
            f"{seen.direction or ''}/{seen.bound or ''} {seen.tense or ''}"
            if seen
            else "not found"
        )
        out.append((row["year"], row["quote"], bool(right), read))
    return out
