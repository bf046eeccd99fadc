"""Chinese words and their classes, from jieba: one adapter, loaded on first use.

jieba's dictionary takes about a second to load, so nothing imports this module until a
name has to be cut into words; `docdiff --help` and the section tree never pay for it.
"""

from __future__ import annotations

from functools import cache


@cache
def _posseg():  # type: ignore[no-untyped-def]
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.posseg


@cache
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """`text` cut into words, each with its part-of-speech tag (`n`, `v`, `ns`, `vn` …)."""
    return tuple((pair.word, pair.flag) for pair in _posseg().cut(text))
