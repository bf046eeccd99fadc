"""Score alignment cut-offs on the truth made by reading (`tests/truth/align/`), one grid at a time.

Run: `python bench/calibrate_align.py "{'min_unlike_content': [0.19, 0.21, 0.23]}"` — every
combination of the given `AlignOptions` fields (the rest at their defaults) with the share of
truth verdicts recovered and of wrong links, on the development pairs and the Hongkou pairs.
The defaults in `docdiff/options.py` were chosen this way; their figures are written there.
"""

from __future__ import annotations

import ast
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docdiff.options import AlignOptions  # noqa: E402
from tests.accuracy import AlignScore, align_truth_names, is_development_pair, score_alignment  # noqa: E402


def totals(options: AlignOptions) -> tuple[AlignScore, AlignScore]:
    development, hongkou = AlignScore(), AlignScore()
    for name in align_truth_names():
        (development if is_development_pair(name) else hongkou).add(score_alignment(name, options))
    return development, hongkou


def main() -> None:
    grid: dict[str, list[object]] = ast.literal_eval(sys.argv[1]) if len(sys.argv) > 1 else {}
    for values in itertools.product(*grid.values()) if grid else [()]:
        fields = dict(zip(grid, values, strict=True))
        development, hongkou = totals(AlignOptions(**fields))  # type: ignore[arg-type]
        kinds = " ".join(f"{k} {g}/{t}" for k, (g, t) in sorted(development.by_kind.items()))
        print(
            f"development {development.recovered_share:.3f} wrong {development.wrong_share:.3f} · "
            f"hongkou {hongkou.recovered_share:.3f} wrong {hongkou.wrong_share:.3f} · {fields} · {kinds}",
            flush=True,
        )


if __name__ == "__main__":
    main()
