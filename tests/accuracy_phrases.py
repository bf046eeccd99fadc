"""Score the phrase changes (提法) docdiff reports against `tests/annotations/phrases/`.

Shared by `bench/bench_accuracy.py` (prints the figures) and `tests/test_accuracy_phrases.py`
(holds the bar). Nothing here decides what is a formulation: it only compares.

What is reported: every phrase change of the facts pipeline, as `docdiff compare` builds it
(the same slogans, `extract_facts` on both sides with the other side's text, `pair_facts`),
with status `added`, `dropped` or `changed`. `unchanged` phrases are not reported changes.

Matching, lenient but honest (`phrase_match`): quotes, brackets and spaces are dropped from
both strings; they match when equal; when the reported phrase holds the annotated one with a
verb or particle attached (`实施扩大内需战略` for `扩大内需战略`, `六保任务` for `六保`: the
annotated phrase holds four characters or half the reported one); when the reported phrase is
more than half of the annotated one (`产业链供应链` for `产业链供应链稳定`) or is a term the
annotation quotes inside it (`三严三实` for `以“三严三实”为行动准则`), but not a fragment
(`财政资金` is not `常态化财政资金直达机制`, `全面推行` is not `全面推行“双随机、一公开”监管`);
or when they are near variants (rapidfuzz Indel ratio ≥ 0.8: `双随机、一公开`, `河长制` /
`河湖长制`; not `新发展格局` / `新发展阶段`). A truth entry naming alternatives with `/` matches
either.

Recall: a truth `added` entry is found by a reported `added` or `changed` change whose new
side matches it; `dropped` likewise with the old side; a `modified` entry by a reported
`changed` change whose form matches the kept phrase, or by an `added` (`dropped`) change
matching the entry's new (old) wording — the reviewer is pointed at the change either way.
Junk: a reported change matching no truth entry at all (any status, its phrase or its old or
new wording). `added`, `dropped` and `modified` list what the reader judged worth pointing
out; an optional `accepted` list (made by a second, complete reading of both reports) holds
every other new, dropped or re-worded formulation the reader accepts as real but would not
single out. `accepted` entries are not needed for recall (the bar is on the notable ones), but a
reported change matching one is not junk; `complete recall` (notable and accepted together) is
printed beside. Without an `accepted` list, unlisted real formulations count as junk and the
junk share is an upper bound.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rapidfuzz.distance import Indel

from docdiff.facts.extract import extract_facts
from docdiff.facts.models import FactChange, Phrase
from docdiff.facts.pair import pair_facts
from docdiff.facts.phrases import recurring_slogans
from docdiff.flat import flatten
from docdiff.options import FactOptions
from tests.accuracy import _sum_into, document, outline

PHRASES = Path(__file__).resolve().parent / "annotations" / "phrases"
# The bar tests/test_accuracy_phrases.py holds over all annotated pairs.
PHRASE_BAR = {"recall": 0.8, "junk": 0.3}
# Pairs the extraction rules were tuned on; the other pairs are held out to check them.
TUNING_PAIRS = (
    "hailar-2016__hailar-2017",
    "hailar-2017__hailar-2018",
    "national-2019__national-2020",
    "national-2020__national-2021",
    "shanghai-2016__shanghai-2017",
)
# Indel ratio of near variants: `双随机、一公开` / `双随机一公开` (0.92), `河长制` / `河湖长制` (0.86),
# but not two phrases sharing a word (`新发展格局` / `新发展阶段`, 0.6; `公共卫生事件` / `…体系`, 0.67).
_NEAR = 0.8
_QUOTE = re.compile(r"[“「『]([^“”「」『』]+)[”」』]")
_STRIP = str.maketrans("", "", "“”‘’「」『』《》\"'()（） \u3000")


def phrase_pairs() -> list[str]:
    """Every annotated pair, `<old>__<new>`, sorted."""
    return sorted(path.stem for path in PHRASES.glob("*.json"))


def _clean(text: str) -> str:
    return text.translate(_STRIP)


def phrase_match(reported: str, truth: str) -> bool:
    """The matching rule of the module docstring."""
    for one in truth.split("/"):
        a, b = _clean(reported), _clean(one)
        if not a or not b:
            continue
        if b in a and (len(b) >= 4 or 2 * len(b) >= len(a)):
            return True  # the annotated phrase with a verb or particle attached
        if a in b and (2 * len(a) > len(b) or a in _quoted(one)):
            return True  # most of the annotated phrase, or the term it quotes
        if Indel.normalized_similarity(a, b) >= _NEAR:
            return True
    return False


def _quoted(truth: str) -> set[str]:
    return {_clean(m) for m in _QUOTE.findall(truth)}


@dataclass
class Reported:
    """One reported phrase change in the scorer's terms."""

    status: str
    old: str | None
    new: str | None
    style: str

    def label(self) -> str:
        if self.status == "changed":
            return f"{self.old} → {self.new}"
        return str(self.new if self.status == "added" else self.old)


@dataclass
class PhraseScore:
    """Recall and junk for one pair (or a total)."""

    truth: int = 0
    found: int = 0
    reported: int = 0
    junk: int = 0
    accepted: int = 0
    accepted_found: int = 0
    missed: list[str] = field(default_factory=list)
    junk_items: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.truth if self.truth else 1.0

    @property
    def complete_recall(self) -> float:
        """Recall over the notable and the `accepted` entries together."""
        total = self.truth + self.accepted
        return (self.found + self.accepted_found) / total if total else 1.0

    @property
    def junk_share(self) -> float:
        return self.junk / self.reported if self.reported else 0.0

    def add(self, other: PhraseScore) -> None:
        _sum_into(self, other)


@cache
def reported_changes(pair: str, formulations: bool = True) -> tuple[Reported, ...]:
    """The phrase changes docdiff reports for an annotated pair (`formulations=False`: as if
    unquoted formulations were not looked for, the baseline they are measured against)."""
    old_name, new_name = pair.split("__")
    old, new = document(old_name), document(new_name)
    slogans = recurring_slogans(old.normalised, new.normalised)
    old_facts = extract_facts(
        old, outline(old_name), slogans, flatten(old, outline(old_name)), new if formulations else None
    )
    new_facts = extract_facts(
        new, outline(new_name), slogans, flatten(new, outline(new_name)), old if formulations else None
    )
    changes: list[FactChange] = pair_facts(old_facts, new_facts, set(), FactOptions())
    style = {(f.span, f.form): f.style for f in (*old_facts, *new_facts) if isinstance(f, Phrase)}
    return tuple(
        Reported(
            c.status,
            c.old.metric if c.old else None,
            c.new.metric if c.new else None,
            next(style[(side.span, side.metric)] for side in (c.new, c.old) if side and side.metric),
        )
        for c in changes
        if c.kind == "phrase" and c.status != "unchanged"
    )


def _texts(item: Reported) -> list[str]:
    return [t for t in (item.old, item.new) if t]


def _wordings(entry: dict[str, str]) -> list[str]:
    """Every wording an annotation entry names: its phrase, and a re-worded one's old and new form."""
    return [entry[k] for k in ("phrase", "old", "new") if entry.get(k)]


def _finds(item: Reported, entry: dict[str, str]) -> bool:
    """Whether a reported change points the reviewer at an `accepted` entry: an added entry by a
    change whose new side matches it, a dropped one by its old side, a re-worded one by either."""
    if entry["status"] == "added":
        return bool(item.new) and item.status != "dropped" and phrase_match(str(item.new), entry["phrase"])
    if entry["status"] == "dropped":
        return bool(item.old) and item.status != "added" and phrase_match(str(item.old), entry["phrase"])
    return any(phrase_match(t, w) for t in _texts(item) for w in _wordings(entry))


def score_phrases(pair: str, formulations: bool = True) -> PhraseScore:
    """Recall of the annotated changes of one pair and the share of reported changes that are junk."""
    truth = json.loads((PHRASES / f"{pair}.json").read_text(encoding="utf-8"))
    reported = reported_changes(pair, formulations)
    score = PhraseScore(reported=len(reported))
    for entry in truth["added"]:
        hit = any(r.new and r.status != "dropped" and phrase_match(r.new, entry["phrase"]) for r in reported)
        score.truth += 1
        score.found += hit
        if not hit:
            score.missed.append(f"added    {entry['phrase']}")
    for entry in truth["dropped"]:
        hit = any(r.old and r.status != "added" and phrase_match(r.old, entry["phrase"]) for r in reported)
        score.truth += 1
        score.found += hit
        if not hit:
            score.missed.append(f"dropped  {entry['phrase']}")
    for entry in truth["modified"]:
        hit = any(
            (r.status == "changed" and any(phrase_match(t, entry["phrase"]) for t in _texts(r)))
            or (r.status == "added" and r.new and phrase_match(r.new, entry["new"]))
            or (r.status == "dropped" and r.old and phrase_match(r.old, entry["old"]))
            for r in reported
        )
        score.truth += 1
        score.found += hit
        if not hit:
            score.missed.append(f"modified {entry['phrase']}: {entry['old']} → {entry['new']}")
    accepted = truth.get("accepted", [])
    for entry in accepted:
        score.accepted += 1
        score.accepted_found += any(_finds(r, entry) for r in reported)
    wordings = [w for part in ("added", "dropped", "modified") for e in truth[part] for w in _wordings(e)]
    wordings += [w for e in accepted for w in _wordings(e)]
    for item in reported:
        if not any(phrase_match(t, w) for t in _texts(item) for w in wordings):
            score.junk += 1
            score.junk_items.append(f"{item.status:8} {item.style:11} {item.label()}")
    return score


def phrase_figures(formulations: bool = True) -> dict[str, PhraseScore]:
    """Per pair, then `tuning`, `held-out` and `total`."""
    scores = {pair: score_phrases(pair, formulations) for pair in phrase_pairs()}
    groups = {"tuning": PhraseScore(), "held-out": PhraseScore(), "total": PhraseScore()}
    for pair, score in scores.items():
        groups["tuning" if pair in TUNING_PAIRS else "held-out"].add(score)
        groups["total"].add(score)
    return {**scores, **groups}


def print_phrase_figures(details: bool = False) -> None:
    """The table bench/bench_accuracy.py prints."""
    print("\n## Phrase changes (提法) against tests/annotations/phrases (found/annotated, junk/reported)")
    for name, score in phrase_figures().items():
        print(
            f"{name:34} recall {score.found:>3}/{score.truth:<3} = {score.recall:.3f}"
            f"   junk {score.junk:>3}/{score.reported:<3} = {score.junk_share:.3f}"
            + (f"   complete recall {score.complete_recall:.3f}" if score.accepted else "")
        )
        if details:
            for line in score.missed:
                print(f"    missed  {line}")
            for line in score.junk_items:
                print(f"    junk    {line}")
    print(f"(bar: recall ≥ {PHRASE_BAR['recall']:.2f}, junk ≤ {PHRASE_BAR['junk']:.2f})")
