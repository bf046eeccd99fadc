"""Chinese words and their classes, from jieba-rs (`rjieba`): one adapter, loaded on first use.

Nothing imports this module until a name has to be cut into words, so `docdiff --help` and the
section tree never pay for the dictionary.
"""

from __future__ import annotations

from functools import lru_cache


# Names and their parts recur across a report and a series: cached, but bounded, so that a
# long session (the TUI, a series of many versions) does not keep every name it ever read.
@lru_cache(maxsize=1 << 16)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """`text` cut into words, each with its part-of-speech tag (`n`, `v`, `ns`, `vn` …), by
    jieba's dictionary and its hidden Markov model for words the dictionary lacks."""
    import rjieba

    return tuple((word, tag) for word, tag in rjieba.tag(text, True))
