.PHONY: check test lint types bench stress

check: lint types test

lint:
	.venv/bin/ruff check docdiff tests bench
	.venv/bin/ruff format --check docdiff tests bench

types:
	.venv/bin/mypy

test:
	.venv/bin/python -m pytest

bench:
	.venv/bin/python bench/bench_startup.py
	.venv/bin/python bench/bench_segment.py
	.venv/bin/python bench/bench_compare.py --max-mb 4
	.venv/bin/python bench/bench_facts.py
	.venv/bin/python bench/bench_testbed.py
	.venv/bin/python bench/bench_dupes.py
	.venv/bin/python bench/bench_store.py
	.venv/bin/python bench/bench_memory.py
	.venv/bin/python bench/bench_tui.py

# The long runs: ≥100 kills, 2 × 50 concurrent adds with a reader, 10,000 examples per property.
stress:
	DOCDIFF_STRESS=1 .venv/bin/python -m pytest tests/test_store.py tests/test_bad_inputs.py tests/test_store_tampering.py
	.venv/bin/python -m pytest --hypothesis-profile=ci tests/test_safe.py \
		tests/test_normalise.py::test_offsets_are_valid_for_any_text \
		tests/test_normalise.py::test_offsets_are_valid_for_arbitrary_unicode \
		tests/test_segment.py::test_any_arrangement_of_heading_shapes_segments_consistently \
		tests/test_compare.py::test_edits_rebuild_new_text_for_any_edit
