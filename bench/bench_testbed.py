"""Score section alignment and edits against the mutation test-bed's truth (figures for the README).

Run: `python bench/bench_testbed.py [FIRST LAST]` (random seeds FIRST..LAST-1 for each seed document).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import ALL_SEEDS, NEWS_2021, OUTLOOK_2024  # noqa: E402
from tests.testbed_score import Score, run  # noqa: E402


def main() -> None:
    first, last = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) == 3 else (30, 60)
    total = Score()
    for path in ALL_SEEDS:
        donor = OUTLOOK_2024 if path == NEWS_2021 else NEWS_2021
        score = run([str(path)], str(donor), range(first, last))
        total.add(score)
        print(f"{path.stem}: {score.recovered}/{score.truth_pairs} pairs, {score.invented} invented")
    print(f"section pairs recovered: {total.recovered}/{total.truth_pairs} = {total.recall:.2%}")
    print(f"renamed pairs recovered: {total.renamed_recovered}/{total.renamed_truth}")
    print(f"pairs invented between unrelated sections: {total.invented}")
    print(f"changed numbers shown as one replacement: {total.numbers_found}/{total.numbers}")
    print(f"moved sentences reported as moves: {total.moves_found}/{total.moves}")
    print(f"changed numbers reported as changed targets: {total.number_targets_found}/{total.number_targets}")
    print(f"dropped enumerated projects reported dropped: {total.dropped_projects_found}/{total.dropped_projects}")
    print(f"inserted quoted phrases reported added: {total.added_phrases_found}/{total.added_phrases}")


if __name__ == "__main__":
    main()
