.PHONY: check test lint types bench

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
	.venv/bin/python bench/bench_compare.py --skip-baseline --max-mb 4
	.venv/bin/python bench/bench_testbed.py
	.venv/bin/python bench/bench_dupes.py
	.venv/bin/python bench/bench_store.py
	.venv/bin/python bench/bench_memory.py
	.venv/bin/python bench/bench_tui.py
