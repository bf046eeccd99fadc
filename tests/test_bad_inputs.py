"""Every command against bad inputs: the right result, or one line on stderr and exit 2.

Never a traceback, never a hang (each run is bounded by an alarm), never a control sequence
or markup from the document reaching the terminal. Inputs are built once per session.
"""

from __future__ import annotations

import codecs
import os
import random
import signal
import socket
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

import pytest
from typer.testing import CliRunner, Result

from docdiff.cli.app import app
from tests.conftest import OUTLOOK_2024

runner = CliRunner()
# `make stress` (DOCDIFF_STRESS=1) reads the full 200,000 lines with every command; the default
# run 5,000, to stay fast on a shared machine (the time is linear: bench figures in the README).
STRESS = bool(os.environ.get("DOCDIFF_STRESS"))
MANY_LINES = 200_000 if STRESS else 5_000
# Seconds any one run may take, the 200,000-line and 50 MB inputs included: a run that is not
# linear blows far past them. The default run's inputs (5,000 lines, one 2 MB line) take
# `sections`, `facts`, `dupes` and `snap add` a few CPU seconds (bench/bench_huge.py), half a
# minute wall at most on a loaded 2-core machine; `compare` aligns and diffs two texts, the 2 MB
# line one unit it diffs by characters; `make stress` keeps the wider bound for 200,000 lines.
TIME_BOUND = 120
TIME_BOUNDS = {} if STRESS else {"sections": 60, "facts": 60, "dupes": 60, "snap": 60}

HEADING = "一、总体要求"
BASE = (
    "虹口区政府工作报告\n\n"
    f"{HEADING}\n\n"
    "全区地区生产总值增长5%左右，城镇调查失业率控制在5%以内。\n\n"
    "二、主要任务\n\n"
    "推进北外滩开发建设，加快建设上海国际航运中心。完成旧区改造任务。\n"
)

Expect = Literal["ok", "error", "either"]


def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")  # truncated: a broken DOCX


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))  # left bound: the file is a socket for the session


def _loop(path: Path) -> None:
    other = path.with_name(path.name + "-b")
    other.symlink_to(path)
    path.symlink_to(other)


def _growing(path: Path) -> None:
    """A file another thread keeps appending to while the commands read it."""
    path.write_text(BASE, encoding="utf-8")

    def grow() -> None:
        with path.open("a", encoding="utf-8") as out:
            for _ in range(3000):  # a few seconds of growth, then a file of ordinary size
                out.write("新增一句话。\n")
                out.flush()
                time.sleep(0.001)

    threading.Thread(target=grow, daemon=True).start()


def _lines(count: int) -> str:
    seed = [line for line in OUTLOOK_2024.read_text(encoding="utf-8").splitlines() if line.strip()]
    return "\n".join(f"{seed[i % len(seed)][:14]}{i}" for i in range(count)) + "\n"


Maker = Callable[[Path], None]


def _bytes(data: bytes) -> Maker:
    return lambda path: path.write_bytes(data)


def _text(text: str, encoding: str = "utf-8") -> Maker:
    return lambda path: path.write_bytes(text.encode(encoding))


# name → (how to make it, what a command should do: "ok" a result, "error" one line and exit 2).
INPUTS: dict[str, tuple[Maker, Expect]] = {
    "empty": (_bytes(b""), "error"),
    "whitespace": (_bytes(b" \n\t\r\n  \n"), "error"),
    "bom-only": (_bytes(codecs.BOM_UTF8), "error"),
    "nul-bytes": (_bytes(b"\x00" * 4096), "error"),
    "nul-in-text": (_bytes(BASE.encode() + b"\x00\x00" + BASE.encode()), "either"),
    "binary": (_bytes(bytes(range(256)) * 64), "error"),
    # Seeded random bytes: all 256 values, and without NUL or C0 (no easy tell left).
    "random-bytes": (_bytes(random.Random(5).randbytes(5_000)), "error"),
    "random-high-bytes": (_bytes(bytes(random.Random(6).choices(range(0x80, 0x100), k=5_000))), "error"),
    "random-printable-bytes": (
        _bytes(bytes(random.Random(7).choices([*range(0x20, 0x7F), *range(0x80, 0x100)], k=5_000))),
        "error",
    ),
    "png": (_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)), "error"),
    "zip": (_bytes(b"PK\x03\x04" + bytes(200)), "error"),
    "broken-docx": (_docx, "error"),
    "broken-pdf": (_bytes(b"%PDF-1.7\n1 0 obj <<"), "error"),
    "broken-html": (_text("<html><body><h1>虹口</h1><p>未闭合的段落<div>" + BASE), "either"),
    "gbk": (_text(BASE, "gbk"), "ok"),
    "gb18030": (_text(BASE + "㐀䶵", "gb18030"), "ok"),
    "big5": (_text("虹口區政府工作報告\n\n一、總體要求\n\n全區生產總值增長百分之五。\n", "big5"), "either"),
    "utf-16-le-bom": (_bytes(codecs.BOM_UTF16_LE + BASE.encode("utf-16-le")), "ok"),
    "utf-16-be-bom": (_bytes(codecs.BOM_UTF16_BE + BASE.encode("utf-16-be")), "ok"),
    "utf-16-le": (_text(BASE, "utf-16-le"), "ok"),
    "utf-16-be": (_text(BASE, "utf-16-be"), "ok"),
    "utf-32-bom": (_bytes(codecs.BOM_UTF32_LE + BASE.encode("utf-32-le")), "ok"),
    "latin-1": (_text("Rapport annuel\n\nL'économie a crû de 5 % cette année.\n", "latin-1"), "either"),
    "crlf": (_text(BASE.replace("\n", "\r\n")), "ok"),
    "cr-only": (_text(BASE.replace("\n", "\r")), "ok"),
    "mixed-line-ends": (_text(BASE.replace("\n\n", "\r\n\n", 1).replace("\n", "\r", 2)), "ok"),
    "over-50mb": (lambda p: p.write_bytes(BASE.encode() * (52_500_000 // len(BASE.encode()))), "error"),
    "one-2mb-line": (_text("推进北外滩开发建设，" * 70_000 + "\n"), "either"),
    "many-lines": (lambda p: p.write_text(_lines(MANY_LINES), encoding="utf-8"), "ok"),
    "1000-headings": (
        _text("".join(f"第{i}章 标题{i}\n\n正文第{i}段，完成任务{i}项。\n\n" for i in range(1, 1001))),
        "ok",
    ),
    "only-headings": (_text("".join(f"{n}、标题\n" for n in "一二三四五六七八九十")), "either"),
    "emoji-astral": (_text(BASE + "发展👍🏽🇨🇳𠀀𪚥😀。\n"), "ok"),
    "combining-marks": (_text(BASE + "e\u0301\u0302\u0303 a\u0308" * 200 + "\n"), "ok"),
    "right-to-left": (_text(BASE + "مرحبا بالعالم שלום עולם\n"), "ok"),
    "markup-in-text": (
        _text(
            BASE + "[link=https://evil.example]点击[/link] [/x] [bold]粗[/] [/b]\n\n三、[red]标题[/x]\n\n完成任务。\n"
        ),
        "ok",
    ),
    "esc-in-text": (_text(BASE * 20 + "清屏\x1b[2J\x1b[H 剪贴板\x1b]52;c;aGVsbG8=\x07 标题\x1b]0;pwned\x07\n"), "ok"),
    "bidi-override": (_text(BASE + "文本\u202eabc\u202c 隔离\u2066x\u2069\n"), "ok"),
    "c1-controls": (_text(BASE + "控制\x85\x9b31m字符\x9c\n"), "ok"),
    "fifo": (_fifo, "error"),
    "socket": (_socket, "error"),
    "dev-zero-symlink": (lambda p: p.symlink_to("/dev/zero"), "error"),
    "dev-null-symlink": (lambda p: p.symlink_to("/dev/null"), "error"),
    "directory": (lambda p: p.mkdir(), "error"),
    "missing": (lambda p: None, "error"),
    "dangling-symlink": (lambda p: p.symlink_to(p.with_name("nowhere")), "error"),
    "symlink-loop": (_loop, "error"),
    # A regular file whose read fails even for root: memory of this process at address 0.
    "unreadable-read-fails": (lambda p: p.symlink_to("/proc/self/mem"), "error"),
    "unreadable-chmod": (lambda p: None, "either"),
    "changing-while-read": (_growing, "either"),
}

COMMANDS: dict[str, Callable[[Path, Path, Path], list[str]]] = {
    "sections": lambda bad, good, store: ["sections", str(bad)],
    "compare-old": lambda bad, good, store: ["compare", str(bad), str(good)],
    "compare-new": lambda bad, good, store: ["compare", str(good), str(bad)],
    "facts": lambda bad, good, store: ["facts", str(bad)],
    "dupes": lambda bad, good, store: ["dupes", str(bad)],
    "snap-add": lambda bad, good, store: ["snap", "add", str(bad), "-s", "bad", "-l", "v1", "--store", str(store)],
}


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    folder = tmp_path_factory.mktemp("bad-inputs")
    paths = {}
    for name, (make, _expect) in INPUTS.items():
        path = folder / f"{name}.txt"
        make(path)
        paths[name] = path
    good = folder / "good.txt"
    good.write_text(BASE, encoding="utf-8")
    paths["good"] = good
    yield paths
    if paths["unreadable-chmod"].exists():
        paths["unreadable-chmod"].chmod(0o644)


class _Hang(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _Hang


def run(args: list[str]) -> Result:
    """Invoke the CLI in-process, failing the test if it runs past the time bound."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIME_BOUNDS.get(args[0], TIME_BOUND))
    try:
        return runner.invoke(app, args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check(result: Result, expect: Expect) -> None:
    """The contract: a result (exit 0/1, output, nothing on stderr but warnings) or one error line."""
    assert not isinstance(result.exception, _Hang), "hung past the time bound"
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output + result.stderr
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream and "\x9b" not in stream and "\u202e" not in stream
    if result.exit_code == 2:
        assert expect != "ok", result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("docdiff: error: "), result.stderr
        assert "Usage:" not in result.stderr
    else:
        assert expect != "error", f"exit {result.exit_code}: {result.stdout[:300]}"
        assert result.exit_code in (0, 1)
        assert result.stdout.strip()
        assert all(line.startswith("docdiff: warning: ") for line in result.stderr.splitlines())


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", INPUTS)
def test_command_on_bad_input(bad_inputs: dict[str, Path], tmp_path: Path, name: str, command: str) -> None:
    args = COMMANDS[command](bad_inputs[name], bad_inputs["good"], tmp_path / "store")
    result = run(args)
    check(result, INPUTS[name][1])
    if command == "sections" and result.exit_code == 0 and name.startswith(("gb", "utf-", "crlf", "cr-", "mixed")):
        assert "L1 一、 总体要求" in result.stdout  # decoded right, not merely without error


@pytest.mark.parametrize("name", [n for n, (_m, e) in INPUTS.items() if e == "error"])
def test_tui_refuses_bad_input_before_starting(bad_inputs: dict[str, Path], name: str) -> None:
    check(run(["tui", str(bad_inputs[name]), str(bad_inputs["good"])]), "error")


def test_document_text_is_never_markup_nor_a_terminal_command(bad_inputs: dict[str, Path], tmp_path: Path) -> None:
    facts = run(["facts", str(bad_inputs["markup-in-text"])])
    assert facts.exit_code == 0
    shown = run(["sections", str(bad_inputs["markup-in-text"])])
    assert "[red]标题[/x]" in shown.stdout  # printed as written, not applied
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OUTLOOK_2024.read_text(encoding="utf-8"), encoding="utf-8")
    esc = "\n\n清屏\x1b[2J\x1b[H 剪贴板\x1b]52;c;aGVsbG8=\x07 完成改造任务。\n"
    new.write_text(OUTLOOK_2024.read_text(encoding="utf-8") + esc, encoding="utf-8")
    compare = run(["compare", str(old), str(new), "--no-color"])
    assert compare.exit_code == 1
    assert "\\x1b[2J" in compare.stdout and "\\x1b]52" in compare.stdout and "aGVsbG8=\\x07" in compare.stdout
    markup = run(["compare", str(bad_inputs["good"]), str(bad_inputs["markup-in-text"]), "--no-color"])
    assert "点击[/link][/x][bold]粗[/][/b]" in markup.stdout  # printed as written (normalised), not applied
    # JSON and Markdown keep the text as it is.
    raw = run(["compare", str(old), str(new), "--format", "json"])
    assert "\\u001b]52" in raw.stdout and "\\u0007" in raw.stdout
    markdown = run(["compare", str(old), str(new), "--format", "markdown"])
    assert "\x1b" in markdown.stdout and "\x07" in markdown.stdout
    # HTML escapes it and shows the controls (ESC and BEL are invalid in HTML; `cat report.html` would run them).
    html = run(["compare", str(old), str(new), "--format", "html"]).stdout
    assert "\x1b" not in html and "\x07" not in html and "剪贴板\\x1b]" in html


def _on_a_terminal(args: list[str]) -> bytes:
    """What `docdiff ARGS` writes when its stdout is a terminal (a pseudo-terminal read here)."""
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    with subprocess.Popen(
        [str(Path(sys.executable).with_name("docdiff")), *args], stdout=follower, stderr=subprocess.PIPE
    ) as process:
        os.close(follower)
        out = bytearray()
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
        process.wait(timeout=TIME_BOUND)
    os.close(leader)
    return bytes(out)


@pytest.mark.parametrize("form", ["markdown", "html"])
def test_a_report_on_a_terminal_shows_controls_and_a_pipe_gets_it_verbatim(tmp_path: Path, form: str) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(BASE * 20, encoding="utf-8")  # long enough that a few controls do not make it "binary"
    new.write_text(
        BASE * 20 + "\n\n清屏\x1b[2J 剪贴板\x1b]52;c;aGVsbG8=\x07 反转\u202e完成改造任务。\n", encoding="utf-8"
    )
    shown = _on_a_terminal(["compare", str(old), str(new), "--format", form]).decode("utf-8")
    assert "清屏" in shown  # the report was printed...
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown  # ...with no control sent
    if form == "markdown":
        assert "清屏\\x1b" in shown and "反转\\u202e" in shown
        piped = run(["compare", str(old), str(new), "--format", form]).stdout
        assert "清屏\x1b" in piped and "反转\u202e" in piped  # a pipe or a file gets the report as written


def test_messages_name_what_is_wrong(bad_inputs: dict[str, Path]) -> None:
    def error(name: str) -> str:
        return run(["sections", str(bad_inputs[name])]).stderr

    assert "FIFO" in error("fifo")
    assert "device" in error("dev-zero-symlink")
    assert "socket" in error("socket")
    assert "symlink loop" in error("symlink-loop")
    assert "larger than the limit" in error("over-50mb")
    assert "directory" in error("directory")
    assert "cannot read" in error("unreadable-read-fails")
