"""Chinese words and their classes, from jieba-rs (`rjieba`): one adapter, loaded on first use.

Nothing imports this module until a name has to be cut into words, so `docdiff --help` and the
section tree never pay for the dictionary.
"""

from __future__ import annotations

from functools import lru_cache


# Names and their parts recur across a report and a series: cached, but bounded, so that a
# long session (the TUI, a series of many versions) does not keep every name it ever read.
@lru_cache(maxsize=1 << 16)
def tagged(text: str, guess: bool = True) -> tuple[tuple[str, str], ...]:
    """`text` cut into words, each with its part-of-speech tag (`n`, `v`, `ns`, `vn` …), by
    jieba's dictionary and (`guess`) its hidden Markov model for words the dictionary lacks."""
    import rjieba

    return tuple((word, tag) for word, tag in rjieba.tag(text, guess))


@lru_cache(maxsize=1)
def frequencies() -> dict[str, float]:
    """wordfreq's frequency of each word of general Chinese (a proportion of all words), loaded
    once, on first use."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("zh")


def reordered(a: str, b: str) -> bool:
    """Whether `a` and `b` are the same words in another order (`城镇新增就业`, `新增城镇就业`):
    two or more words each, and not the same text."""
    if a == b or len(a) != len(b) or sorted(a) != sorted(b):
        return False  # cheap: the same characters first
    words_a, words_b = sorted(w for w, _ in tagged(a)), sorted(w for w, _ in tagged(b))
    return len(words_a) >= 2 and words_a == words_b
