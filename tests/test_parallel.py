"""The corpus scan gives the same report in one process, on local processes and on Dask."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from docdiff import api
from docdiff.cli.app import app
from docdiff.duplicates.engine import Engine, EngineError, engine, local_jobs
from docdiff.duplicates.reuse import find_reuse
from docdiff.options import DuplicateOptions
from tests.conftest import ALL_SEEDS, seed_document

runner = CliRunner()


def _corpus(folder: Path, count: int = 24) -> Path:
    """`count` documents cut from the seeds' paragraphs, so that many pairs share passages."""
    rng = random.Random(13)
    paragraphs = [p for path in ALL_SEEDS for p in seed_document(path).normalised.split("\n") if len(p) > 60]
    folder.mkdir()
    for index in range(count):
        chosen = rng.sample(paragraphs, 12)
        (folder / f"doc{index:02d}.txt").write_text("\n".join(chosen) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("corpus") / "docs")


def test_partitioned_scan_equals_the_single_process_one() -> None:
    texts = [seed_document(path).normalised for path in ALL_SEEDS]
    options = DuplicateOptions()
    alone = find_reuse(texts, options)
    assert alone, "the seeds share passages"
    # Four workers: four hash partitions and several batches of pairs, run here in order.
    assert find_reuse(texts, options, engine=Engine(None, 4)) == alone


def test_local_processes_give_the_same_report(corpus: Path) -> None:
    one = api.dupes([corpus], jobs=1)
    assert any(group.kind == "reuse" for group in one.groups)
    assert api.dupes([corpus], jobs=2) == one


def test_dask_local_cluster_gives_the_same_report(corpus: Path) -> None:
    single = runner.invoke(app, ["--no-cache", "dupes", str(corpus), "--jobs", "1", "--format", "json"])
    assert single.exit_code == 0, single.output
    report = json.loads(single.stdout)
    assert report["groups"] and report["ratios"]
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = runner.invoke(
            app, ["--no-cache", "dupes", str(corpus), "--scheduler", cluster.scheduler_address, "--format", "json"]
        )
    assert result.exit_code == 0, result.output
    assert result.stdout == single.stdout


def test_bad_engine_requests_are_one_line_errors(corpus: Path) -> None:
    with pytest.raises(EngineError, match="positive"):
        local_jobs(-1)
    result = runner.invoke(app, ["dupes", str(corpus), "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the cluster" in result.stderr and "Traceback" not in result.stderr


def test_engine_batches_cover_every_item_once_in_order() -> None:
    items = list(range(103))
    with engine(jobs=1) as local:
        assert [x for batch in local.batches(items) for x in batch] == items
    batches = Engine(None, 3).batches(items)
    assert len(batches) == 12 and [x for batch in batches for x in batch] == items


def test_a_batch_of_comparisons_runs_on_processes_with_the_same_results() -> None:
    from docdiff.cache import Cache, compare_many
    from docdiff.compare import compare_documents
    from tests.conftest import NEWS_2025, OUTLOOK_2024, REPORT_2025

    docs = [seed_document(path) for path in (OUTLOOK_2024, REPORT_2025, NEWS_2025)]
    pairs = list(itertools.pairwise(docs))
    expected = [compare_documents(old, new) for old, new in pairs]
    assert compare_many(pairs, jobs=2, cache=Cache(None)) == expected
    assert compare_many(pairs, jobs=1, cache=Cache(None)) == expected


def test_dask_is_imported_only_for_a_scheduler(corpus: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\nfrom docdiff import api\n"
        f"api.dupes([{str(corpus)!r}], jobs=2)\n"
        "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
