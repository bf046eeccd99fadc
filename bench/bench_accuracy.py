"""Accuracy against the truth made by reading (`tests/truth/`): every figure, per document.

Run: `python bench/bench_accuracy.py [--details]` (`--details` lists each miss and false heading).
The thresholds the tests hold are printed beside the totals.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.accuracy import (  # noqa: E402
    ALIGN_BAR,
    FACT_BAR,
    HEADING_BAR,
    AlignScore,
    FactScore,
    HeadingScore,
    align_truth_names,
    corpus_names,
    heading_figures,
    heading_truth_names,
    is_development_pair,
    score_alignment,
    score_facts,
    score_headings,
    score_main_targets,
)


def headings(details: bool) -> None:
    print("## Section tree against tests/truth/headings (found/real, false, whole body)")
    print(f"{'document':38} {'L1':>7} {'false':>5} {'body':>7}   {'L2':>7} {'false':>5} {'body':>7}  glossary warn")
    total = HeadingScore()
    for name in heading_truth_names():
        score = score_headings(name)
        total.add(score)
        one, two = score.levels[1], score.levels[2]
        glossary = f"{score.glossary_entries[0]}/{score.glossary_entries[1]}" if score.glossary_entries else "-"
        print(
            f"{name:38} {one.found:>3}/{one.real:<3} {one.false_count:>5} {one.spans_right:>3}/{one.found:<3}"
            f"   {two.found:>3}/{two.real:<3} {two.false_count:>5} {two.spans_right:>3}/{two.found:<3}"
            f"  {glossary:>8} {score.warnings:>4}"
        )
        if details:
            for level in (1, 2):
                for line in score.levels[level].missed:
                    print(f"    missed  {line}")
                for line in score.levels[level].false:
                    print(f"    false   {line}")
                for line in score.levels[level].bad_spans:
                    print(f"    span    {line}")
    figures = heading_figures(total)
    print()
    for key, value in figures.items():
        print(f"{key:14} {value:.3f}  (bar {HEADING_BAR[key]:.2f})")


def alignment(details: bool) -> None:
    print("\n## Section pairs against tests/truth/align (verdicts recovered, wrong links)")
    print(f"{'pair':66} {'verdicts':>9} {'wrong links':>12}  by kind (recovered/total)")
    totals = {True: AlignScore(), False: AlignScore()}
    for name in align_truth_names():
        score = score_alignment(name)
        totals[is_development_pair(name)].add(score)
        kinds = " ".join(f"{k} {g}/{t}" for k, (g, t) in sorted(score.by_kind.items()))
        print(f"{name:66} {score.recovered:>4}/{score.verdicts:<4} {score.wrong:>5}/{score.links:<6}  {kinds}")
        if details:
            for line in score.missed:
                print(f"    missed  {line}")
            for line in score.wrong_links:
                print(f"    wrong   {line}")
    for development, label in ((True, "development pairs (corpus)"), (False, "Hongkou seed pairs")):
        total = totals[development]
        bar = f"  (bar ≥ {ALIGN_BAR['recovered']:.2f}, ≤ {ALIGN_BAR['wrong']:.2f})" if development else ""
        print(
            f"{label:30} verdicts recovered {total.recovered}/{total.verdicts} = {total.recovered_share:.3f}"
            f", wrong links {total.wrong}/{total.links} = {total.wrong_share:.3f}{bar}"
        )


def facts(details: bool) -> None:
    print("\n## Targets and projects against tests/annotations (corpus, covered lines)")
    print(f"{'document':16} {'targets matched/extracted/annotated':>36} {'tense ok':>9} {'projects':>22}")
    total = FactScore()
    for name in corpus_names():
        score = score_facts(name)
        total.add(score)
        print(
            f"{name:16} {score.matched:>14}/{score.extracted:<5}/{score.annotated:<5}"
            f"        {score.tense_right:>4}/{score.matched:<4}"
            f"  {score.projects_matched_extracted:>4}/{score.projects_extracted:<4} of {score.projects_annotated:<4}"
        )
        if details:
            for line in score.missed[:40]:
                print(f"    missed  {line}")
            for line in score.false[:40]:
                print(f"    false   {line}")
    print()
    for key, value in total.figures().items():
        bar = f"  (bar {FACT_BAR[key]:.2f})" if key in FACT_BAR else ""
        print(f"{key:18} {value:.3f}{bar}")
    main_targets = score_main_targets()
    right = sum(ok for _, _, ok, _ in main_targets)
    print(f"\nState Council main targets (plans, with their bound): {right}/{len(main_targets)} right (bar: all)")
    for year, quote, ok, read in main_targets:
        if details or not ok:
            print(f"    {'ok ' if ok else 'BAD'} {year} {quote}  ← docdiff: {read}")


def main() -> None:
    details = "--details" in sys.argv
    headings(details)
    alignment(details)
    facts(details)


if __name__ == "__main__":
    main()


def phrases(details: bool) -> None:
    """Phrase changes (提法), scored by tests/accuracy_phrases.py, against the quoted-only baseline."""
    from tests.accuracy_phrases import phrase_figures, print_phrase_figures

    print_phrase_figures(details)
    base = phrase_figures(formulations=False)["total"]
    print(f"(without unquoted formulations: recall {base.recall:.3f}, junk {base.junk_share:.3f})")


if __name__ == "__main__":
    phrases("--details" in sys.argv)
