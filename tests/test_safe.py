"""The one sanitiser of document text shown in a terminal: nothing in it can act on the terminal."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.report.safe import one_line, visible
from tests.conftest import examples

_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _acts_on_a_terminal(ch: str) -> bool:
    return (unicodedata.category(ch) == "Cc" and ch not in "\t\n") or ch in _BIDI or ch in "\u2028\u2029"


@settings(max_examples=examples(500), deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_visible_leaves_no_control_character_and_keeps_the_rest(text: str) -> None:
    shown = visible(text)
    assert not any(_acts_on_a_terminal(ch) for ch in shown)
    kept = "".join(ch for ch in text.replace("\r\n", "\n").replace("\r", "\n") if not _acts_on_a_terminal(ch))
    assert all(ch in shown for ch in kept)
    assert "\n" not in one_line(text) and not any(_acts_on_a_terminal(ch) for ch in one_line(text))


def test_escape_sequences_are_shown_not_sent() -> None:
    assert visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert visible("\x1b]52;c;aGk=\x07") == "\\x1b]52;c;aGk=\\x07"
    assert visible("x\u202ey\x85") == "x\\u202ey\\x85"
    assert visible("一\r\n二\r三\t四") == "一\n二\n三\t四"
    assert visible("虹口区政府工作报告") == "虹口区政府工作报告"
