"""Every command with long terminal output shares one set of conventions (docdiff/cli/output.py):
`--color auto|always|never` and NO_COLOR, a pager on a terminal unless `--no-pager`, never in a
pipe, and lists cut only on a terminal (with how to see all: `--all`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docdiff.cli import output
from docdiff.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "seeds" / "national" / "2021.txt")
STORE = str(ROOT / "snapshots")
runner = CliRunner()

# name → arguments of a command whose terminal output is long (more than a 24-line screen).
COMMANDS: dict[str, list[str]] = {
    "sections": ["sections", SEED],
    "facts": ["facts", SEED],
    "dupes": ["dupes", SEED, "--min-chars", "8"],
    "snap-log": ["snap", "log", "--store", STORE],
    "timeline": ["timeline", "national-gwr", "--kind", "project", "--store", STORE],
    "blame": ["blame", "national-gwr@2022", "--store", STORE],
    "compare": ["compare", SEED, str(ROOT / "seeds" / "national" / "2022.txt")],
}
# Commands whose lists are cut on a terminal, and the line that says so.
CUT = ("facts", "dupes", "snap-log", "timeline")
MORE = re.compile(r"… and (\d+) more \(--all shows every one\)")


def invoke(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_color_always_never_auto_and_no_color(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = COMMANDS[name]
    assert "\x1b[" in invoke([*args, "--color", "always"])
    never = invoke([*args, "--color", "never"])
    assert "\x1b[" not in never and never.strip()
    assert "\x1b[" not in invoke(args)  # auto: a pipe gets no colour
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in invoke(args)  # auto colours when forced...
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in invoke(args)  # ...and NO_COLOR wins over auto
    assert "\x1b[" in invoke([*args, "--color", "always"])  # but not over an explicit always


@pytest.mark.parametrize("name", COMMANDS)
def test_a_terminal_pages_long_output_a_pipe_never(name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    args = [*COMMANDS[name], "--color", "never"]
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"sh -c 'cat > {paged}'")
    piped = invoke(args)  # stdout is not a terminal: no pager
    assert piped.count("\n") > 24 and not paged.exists()
    monkeypatch.setattr(output, "_terminal_height", lambda: 24)
    assert invoke(args) == "" and paged.read_text(encoding="utf-8").count("\n") > 24
    paged.unlink()
    assert invoke([*args, "--no-pager"]).count("\n") > 24 and not paged.exists()


@pytest.mark.parametrize("name", CUT)
def test_lists_are_cut_only_on_a_terminal_and_all_shows_every_one(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = [*COMMANDS[name], "--color", "never", "--no-pager"]
    whole = invoke(args)
    assert not MORE.search(whole)  # a pipe gets every entry
    monkeypatch.setattr(output, "_stdout_is_terminal", lambda: True)
    cut = invoke(args)
    hidden = [int(n) for n in MORE.findall(cut)]
    assert hidden and all(n > 0 for n in hidden)
    assert cut.count("\n") < whole.count("\n")
    assert invoke([*args, "--all"]) == whole


def test_facts_cut_keeps_the_first_rows_and_counts_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    facts = json.loads(invoke(["facts", SEED, "--format", "json"]))["facts"]
    monkeypatch.setattr(output, "_stdout_is_terminal", lambda: True)
    cut = invoke(["facts", SEED, "--color", "never", "--no-pager"])
    from docdiff.report.view import LIST_LIMIT

    assert MORE.search(cut) and int(MORE.search(cut).group(1)) == len(facts) - LIST_LIMIT  # type: ignore[union-attr]
    assert f"{len(facts)} facts" in cut  # the title still counts them all


def test_document_text_stays_escaped_in_colour(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    body = "全区地区生产总值增长5%左右，完成旧区改造任务。[link=x]点[/link]\n\n" * 20
    target = "新建保障性住房1200套\x1b[2J。\n\n"
    doc.write_text(f"报告\n\n一、总体要求\n\n{target}{body}二、[red]标题[/x]\n\n{body}", encoding="utf-8")
    tree = invoke(["sections", str(doc), "--color", "always"])
    assert "[red]标题[/x]" in tree  # printed as written, never read as markup
    facts = invoke(["facts", str(doc), "--color", "always"])
    assert "\x1b[2J" not in facts and "[link=x]" in facts  # no control sent, no markup read


def test_a_long_table_in_a_pipe_is_tab_separated_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    facts = json.loads(invoke(["facts", SEED, "--format", "json"]))["facts"]
    boxed = invoke(["facts", SEED])
    assert "┃" in boxed and "\t" not in boxed
    monkeypatch.setattr(output, "PLAIN_TABLE_ROWS", 10)  # the seed's table counts as long
    lines = invoke(["facts", SEED]).splitlines()
    assert lines[0].endswith(f"{len(facts)} facts")
    assert lines[1].split("\t") == ["kind", "what", "value", "qualifier", "period", "tense", "section"]
    assert len(lines) == 2 + len(facts) and all(line.count("\t") == 6 for line in lines[1:])
    assert lines[2].split("\t")[:2] == [
        facts[0]["kind"],
        facts[0].get("metric") or facts[0].get("form") or facts[0].get("name"),
    ]


def test_a_renumbered_article_is_shown_with_its_old_and_new_number(tmp_path: Path) -> None:
    """A regulation's reader cites articles by number: one moved down by an inserted article is
    `第五条 → 第六条` in the summary and over its changes, an unmoved one keeps its one number."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    head = "某市绿化条例\n第一章 总则\n第一条 为了改善生态环境，制定本条例。\n第二章 法律责任\n"
    old.write_text(head + "第二条 擅自砍伐树木的，处每株500元以上2000元以下罚款。\n", encoding="utf-8")
    new.write_text(
        head + "第二条 鼓励立体绿化。\n第三条 擅自砍伐树木的，处每株1000元以上5000元以下罚款。\n", encoding="utf-8"
    )
    report = invoke(["compare", str(old), str(new), "--color", "never"])
    assert "第二条 → 第三条" in report
    assert "§ 法律责任 › 第二条 → 第三条" in report
    assert "第一条 →" not in report
