"""Word, PDF and HTML inputs: made from a real seed, they give the same sections and facts as the .txt."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from docdiff.cli.app import app
from docdiff.facts.extract import extract_facts
from docdiff.facts.models import Fact
from docdiff.formats import detect_format
from docdiff.formats.pdf import PdfLine, join_wraps, strip_furniture
from docdiff.ingest import read_document
from docdiff.models import Document, Outline
from docdiff.segment import segment

SEED = Path(__file__).resolve().parent.parent / "seeds" / "national" / "2021.txt"
_PART = re.compile(r"^[一二三四五六七八九十]+、")
_SUBPART = re.compile(r"^（[一二三四五六七八九十]+）")


def _lines() -> list[str]:
    return [
        line.strip().replace("\u200b", "") for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _tree(outline: Outline) -> list[tuple[int, str | None, int | None, str]]:
    return [(s.level, s.number_label, s.number, s.heading) for s in outline.root.walk()]


def _without_spans(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_spans(v) for k, v in value.items() if "span" not in k}
    if isinstance(value, list):
        return [_without_spans(v) for v in value]
    return value


def _read(path: Path) -> tuple[Document, Outline, list[Fact]]:
    """Read once (a PDF takes seconds), then segment and extract facts as `api.outline`/`api.facts` do."""
    document = read_document(path)
    outline = segment(document)
    return document, outline, list(extract_facts(document, outline))


def _assert_same_as_seed(path: Path, source_format: str) -> Document:
    """Same tree and facts as the seed's paragraphs saved as a .txt (one a line, as each format holds them)."""
    document, outline, facts = _read(path)
    assert document.source_format == source_format
    text = path.with_suffix(".txt")
    text.write_text("\n".join(_lines()) + "\n", encoding="utf-8")
    _, expected_outline, expected_facts = _read(text)
    expected_tree = _tree(expected_outline)
    assert len(expected_tree) > 20
    assert _tree(outline) == expected_tree
    assert len(expected_facts) > 50
    assert [_without_spans(f.model_dump(mode="json")) for f in facts] == [
        _without_spans(f.model_dump(mode="json")) for f in expected_facts
    ]
    # Spans index the text as extracted: each fact's span reads its own text there.
    for fact in facts:
        assert document.normalised_slice(fact.span) == fact.text
    return document


def _docx(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in _lines():
        if _PART.match(line):
            document.add_paragraph(line, style="Heading 1")
        elif _SUBPART.match(line):
            document.add_paragraph(line, style="Heading 2")
        else:
            document.add_paragraph(line)
    path = tmp_path / "2021.docx"
    document.save(str(path))
    return path


def test_docx_from_a_seed_gives_the_same_sections_and_facts(tmp_path: Path) -> None:
    _assert_same_as_seed(_docx(tmp_path), "docx")


def test_docx_list_instances_of_one_definition_number_on_unless_restarted(tmp_path: Path) -> None:
    """Word counts a list per abstract definition: headings split across list instances number on
    (一、二、三、), and an instance that overrides the start restarts the count."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        ),
    )
    for num_id, restart in (
        ("91", ""),
        ("92", ""),
        ("93", '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
    ):
        numbering.append(parse_xml(f'<w:num {w} w:numId="{num_id}"><w:abstractNumId w:val="90"/>{restart}</w:num>'))
    for num_id, text in (
        ("91", "工作回顾"),
        ("91", "总体要求"),
        ("92", "重点任务"),
        ("93", "附件说明"),
        ("93", "名词解释"),
    ):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
        )
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    assert read_document(path).text.splitlines() == [
        "一、工作回顾",
        "二、总体要求",
        "三、重点任务",
        "一、附件说明",
        "二、名词解释",
    ]


def test_docx_automatic_list_numbers_and_tables_are_written_out(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("第一项工作", style="List Number")
    document.add_paragraph("第二项工作", style="List Number")
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "主要指标"
    for row, cells in enumerate((("指标", "2020年", "2025年"), ("城镇新增就业", "1100万人", "1100万人")), start=1):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    table.cell(3, 0).text = "城镇调查失业率"
    table.cell(3, 1).merge(table.cell(3, 2)).text = "5.5%"
    path = tmp_path / "list.docx"
    document.save(str(path))
    text = read_document(path).text
    # A title across the table is one cell; equal figures side by side stay two cells, and a cell
    # merged across two columns fills both, so each keeps its header's column.
    assert text.splitlines() == [
        "1.第一项工作",
        "2.第二项工作",
        "主要指标",
        "指标\t2020年\t2025年",
        "城镇新增就业\t1100万人\t1100万人",
        "城镇调查失业率\t5.5%\t5.5%",
    ]


def _pdf(tmp_path: Path, width: float = 432.0, size: float = 12.0) -> Path:
    """The seed set as a PDF would be: wrapped by width, each paragraph indented two characters."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    rows: list[tuple[float, str]] = []
    for line in _lines():
        indent, row = 2 * size, ""
        for ch in line:
            if pdfmetrics.stringWidth(row + ch, font, size) > width - indent:
                rows.append((indent, row))
                indent, row = 0.0, ""
            row += ch
        rows.append((indent, row))
    path = tmp_path / "2021.pdf"
    pdf = canvas.Canvas(str(path))
    per_page = 40
    for page, first in enumerate(range(0, len(rows), per_page), start=1):
        pdf.setFont(font, 9)
        pdf.drawString(60, 810, "2021年国务院政府工作报告")
        pdf.setFont(font, size)
        for index, (indent, row) in enumerate(rows[first : first + per_page]):
            pdf.drawString(60 + indent, 780 - 18 * index, row)
        pdf.setFont(font, 9)
        pdf.drawString(280, 30, f"- {page} -")
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_from_a_seed_gives_the_same_sections_and_facts(tmp_path: Path) -> None:
    path = _pdf(tmp_path)
    document = _assert_same_as_seed(path, "pdf")
    assert "国务院政府工作报告" not in document.text and "- 2 -" not in document.text


def test_pdf_bold_printed_twice_reads_once(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "bold.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 12)
    for dx in (0.0, 0.3):  # the fake bold of many government PDFs: the heading drawn twice, a hair apart
        pdf.drawString(60 + dx, 780, "一、上海市总体要求")
    pdf.drawString(60, 760, "城镇新增就业1100万人以上。")
    pdf.save()
    assert read_document(path).text == "一、上海市总体要求\n城镇新增就业1100万人以上。\n"


def test_pdf_furniture_is_recurring_edge_lines_and_page_numbers() -> None:
    bodies = ["一、总体要求", "（一）稳就业。", "城镇新增就业1100万人。", "二、主要任务"]
    pages = [["某某报告 2021", body, "第 3 页 共 9 页" if n == 3 else str(n)] for n, body in enumerate(bodies, 1)]
    assert strip_furniture(pages, str) == [[body] for body in bodies]
    # A single page has no running header to find; its page number still goes.
    assert strip_furniture([["标题", "正文。", "1"]], str) == [["标题", "正文。"]]


def test_pdf_full_lines_that_leave_a_sentence_open_are_joined() -> None:
    lines = [
        PdfLine("城镇新增就业", True, True),
        PdfLine("1100万人以上。", True, False),  # full, ends a sentence, next line not indented: wrapped
        PdfLine("居民收入增长。", True, False),  # full, but the next line is indented: a new paragraph
        PdfLine("二、任务", False, True),
        PdfLine("正文", True, True),
    ]
    assert join_wraps(lines) == "城镇新增就业1100万人以上。居民收入增长。\n二、任务\n正文\n"


_PORTAL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府工作报告_中国政府网</title>
<script>var nav = "首页 | 政策 | 互动";</script><style>p {{ color: red }}</style></head>
<body><header><div class="logo">中国政府网</div></header>
<nav><ul><li>首页</li><li>国务院</li><li>总理</li><li>新闻</li><li>政策</li></ul></nav>
<div class="share">打印 | 关闭 | 分享</div>
<div class="article"><div class="pages_content" id="UCAP-CONTENT">{body}</div></div>
<aside>相关链接：国务院公报</aside>
<footer><p>版权所有：中国政府网 | 网站标识码bm01000001 | 京ICP备05070218号</p></footer>
<script>document.write("<p>广告内容</p>");</script></body></html>"""


def _marked(part: Callable[[str], str], subpart: Callable[[str], str], other: Callable[[str], str]) -> list[str]:
    """The seed's lines as a format marks them: its parts (`一、`), sub-parts (`（一）`) and the rest."""
    return [
        part(line) if _PART.match(line) else subpart(line) if _SUBPART.match(line) else other(line) for line in _lines()
    ]


def _html(tmp_path: Path) -> Path:
    body = _marked(
        lambda line: f"<h2>{line}</h2>",
        lambda line: f"<p><strong>{line[:4]}</strong>{line[4:]}</p>",
        lambda line: f"<p>　　{line}</p>",
    )
    path = tmp_path / "2021.html"
    path.write_text(_PORTAL.format(body="\n".join(body)), encoding="utf-8")
    return path


def test_html_portal_page_from_a_seed_gives_the_same_sections_and_facts(tmp_path: Path) -> None:
    path = _html(tmp_path)
    text = read_document(path).text
    for junk in ("var nav", "首页", "版权所有", "广告内容", "相关链接", "color: red"):
        assert junk not in text
    _assert_same_as_seed(path, "html")


def test_html_title_above_the_content_box_is_the_documents_and_its_lines_are_paragraphs(tmp_path: Path) -> None:
    """A portal prints the title (`<h1>`) above the article's container; the page's `<title>` names
    it, a site's heading it does not. A page's lines are paragraphs: a title and its byline,
    as wide as the headings below, are not one wrapped line."""
    body = "".join(
        f"<p>{line}</p>"
        for line in (
            "——2025年1月15日在市第十六届人民代表大会第四次会议上",
            "<strong>一、2024年工作回顾</strong>",
            "过去一年，全市地区生产总值增长5.8%，一般公共预算收入增长4.1%，城镇新增就业12.6万人。",
            "<strong>二、2025年目标任务</strong>",
            "今年经济社会发展主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业12万人以上。",
            "<strong>三、加快建设现代化产业体系</strong>",
            "推进滨江科学城二期建设，开工建设地铁5号线，新增高新技术企业800家以上。",
            "<strong>四、持续保障和改善民生</strong>",
            "新增城镇就业12万人以上。",
        )
    )
    page = (
        "<html><head><title>2025年政府工作报告_某某市人民政府</title></head><body>"
        "<div class='logo'><h1>某某市人民政府</h1></div><h1>2025年政府工作报告</h1>"
        f"<div class='TRS_Editor'>{body}</div></body></html>"
    )
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    assert document.text.splitlines()[:2] == [
        "2025年政府工作报告",
        "——2025年1月15日在市第十六届人民代表大会第四次会议上",
    ]
    assert document.normalised.splitlines()[:2] == document.text.splitlines()[:2]
    outline = segment(document)
    assert outline.title == "2025年政府工作报告"
    assert [c.heading for c in outline.root.children] == [
        "2024年工作回顾",
        "2025年目标任务",
        "加快建设现代化产业体系",
        "持续保障和改善民生",
    ]


def test_html_table_rows_keep_their_cells_in_their_columns(tmp_path: Path) -> None:
    """An HTML table is one tab-separated line a row (its tabs were collapsed to spaces, so a
    plan's indicator box read as one run of words); a cell spanning rows or columns is repeated in
    each, an empty cell keeps its column."""
    page = (
        "<html><body><div><p>主要指标如下，这一段说明足够长。</p><table>"
        "<tr><th>类别</th><th>指标</th><th>2020年</th><th>2025年</th></tr>"
        '<tr><td rowspan="2">经济</td><td>地区生产总值（亿元）</td><td>3200</td><td>4500</td></tr>'
        "<tr><td>全员劳动生产率（万元/人）</td><td></td><td>20</td></tr>"
        '<tr><td colspan="2">森林覆盖率（%）</td><td>22.5</td><td>23.5</td></tr>'
        "</table></div></body></html>"
    )
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    assert document.text.splitlines()[1:] == [
        "类别\t指标\t2020年\t2025年",
        "经济\t地区生产总值（亿元）\t3200\t4500",
        "经济\t全员劳动生产率（万元/人）\t\t20",
        "森林覆盖率（%）\t森林覆盖率（%）\t22.5\t23.5",
    ]
    targets = [f for f in extract_facts(document, segment(document)) if f.kind == "target"]
    assert [(t.metric, t.value, t.unit) for t in targets] == [  # type: ignore[union-attr]
        ("地区生产总值", 4500.0, "亿元"),
        ("全员劳动生产率", 20.0, "万元/人"),
        ("森林覆盖率", 23.5, "%"),
    ]


def _wrapped(line: str, width: int = 38) -> list[str]:
    """A paragraph hard-wrapped as an editor wraps Chinese: about `width` characters a line, never
    between two Latin letters or digits (a soft break there is a space)."""
    pieces: list[str] = []
    while len(line) > width:
        cut = width
        while cut < len(line) and line[cut - 1].isascii() and line[cut].isascii():
            cut += 1
        pieces.append(line[:cut])
        line = line[cut:]
    return [*pieces, line] if line else pieces


def test_markdown_from_a_seed_gives_the_same_sections_and_facts(tmp_path: Path) -> None:
    """A report saved as Markdown (`#` parts, `##` sub-parts in bold, paragraphs hard-wrapped and
    separated by blank lines, a front matter block) reads as the seed's lines do: no `#` left in a
    heading, no wrap left in a sentence."""
    blocks = [
        "---\ntitle: 政府工作报告\nsource: 某网站\n---",
        *_marked(lambda line: f"# {line}", lambda line: f"## **{line}**", lambda line: "\n".join(_wrapped(line))),
    ]
    path = tmp_path / "2021.md"
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    document = _assert_same_as_seed(path, "markdown")
    assert "#" not in document.text and "source:" not in document.text


def test_markdown_tables_lists_and_inline_marks_are_read_as_text(tmp_path: Path) -> None:
    """A pipe table is one tab-separated line a row and its indicators are read; an ordered item
    keeps its number; emphasis, code, links and images give their words; raw HTML its text."""
    path = tmp_path / "plan.md"
    path.write_text(
        "# 某市“十五五”规划纲要\n\n## 第一章 发展目标\n\n"
        "| 类别 | 指标 | 2025年 | 2030年 | 属性 |\n|---|---|---|---|---|\n"
        "| 经济发展 | 地区生产总值（亿元） | 5000 | 6800 | 预期性 |\n"
        "| 绿色生态 | 森林覆盖率（%） | 22.5 | 23.5 | 约束性 |\n\n"
        "1. 到2030年，**地区生产总值**突破6800亿元；\n2. 建成[北横通道](https://example.org)和`世界会客厅二期`。\n\n"
        "- 新增高新技术企业800家以上\n\n![滨江科学城二期效果图](a.png)\n\n<div>开工建设<b>地铁5号线</b></div>\n",
        encoding="utf-8",
    )
    document = read_document(path)
    assert document.source_format == "markdown"
    assert document.text.splitlines() == [
        "某市“十五五”规划纲要",
        "第一章 发展目标",
        "类别\t指标\t2025年\t2030年\t属性",
        "经济发展\t地区生产总值（亿元）\t5000\t6800\t预期性",
        "绿色生态\t森林覆盖率（%）\t22.5\t23.5\t约束性",
        "1.到2030年，地区生产总值突破6800亿元；",
        "2.建成北横通道和世界会客厅二期。",
        "新增高新技术企业800家以上",
        "滨江科学城二期效果图",
        "开工建设地铁5号线",
    ]
    outline = segment(document)
    assert ("第一章", "发展目标") in [(s.number_label, s.heading) for s in outline.root.walk()]
    facts = extract_facts(document, outline)
    table = [(f.metric, f.value) for f in facts if f.kind == "target" and " | " in f.text]  # type: ignore[union-attr]
    assert table == [("地区生产总值", 6800.0), ("森林覆盖率", 23.5)]
    assert {"北横通道", "世界会客厅二期"} <= {f.name for f in facts if f.kind == "project"}  # type: ignore[union-attr]


def test_formats_are_told_by_content_and_suffix() -> None:
    assert detect_format(b"%PDF-1.7 ...", "x.txt") == "pdf"
    assert detect_format(b"<!doctype html><html><body>x", "page") == "html"
    assert detect_format("一、总体要求".encode(), "notes.htm") == "html"
    assert detect_format("一、总体要求".encode(), "plan.txt") == "text"
    assert detect_format("# 一、总体要求".encode(), "plan.md") == "markdown"
    assert detect_format("# 一、总体要求".encode(), "plan") == "text"  # `#` opens plain lines too
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert detect_format(buffer.getvalue(), "book.xlsx") == "text"  # refused by ingest as a ZIP


def test_json_says_what_the_text_was_extracted_from(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["compare", str(SEED), str(_docx(tmp_path)), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert '"source_format":"docx"' in result.stdout.replace(" ", "") or '"source_format": "docx"' in result.stdout


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.docx", b"PK\x03\x04word/document.xml" + b"\x00" * 40, "not a readable Word document"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage", "PDF"),
        ("empty.html", b"<html><body><nav>menu</nav><script>x()</script></body></html>", "no body text"),
        ("empty.md", b"---\ntitle: x\n---\n\n", "Markdown file has no text"),
        ("book.xlsx", b"PK\x03\x04xl/workbook.xml" + b"\x00" * 40, "damaged or cut-short ZIP container"),
    ],
)
def test_malformed_files_are_one_line_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = CliRunner().invoke(app, ["sections", str(path)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def _zipped(parts: dict[str, str]) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _broken_xml(path: Path) -> bytes:
    """A Word file whose main part is cut mid-tag (every other part intact)."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            data = source.read(item)
            archive.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    return buffer.getvalue()


def _without_part(path: Path, part: str) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            if item.filename != part:
                archive.writestr(item, source.read(item))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda docx: docx.read_bytes()[: len(docx.read_bytes()) // 2], "ZIP container is damaged or cut short"),
        (_broken_xml, "the XML inside is broken"),
        (lambda docx: _without_part(docx, "word/document.xml"), "without a Word document part"),
        (lambda docx: _without_part(docx, "word/styles.xml"), "a part it needs is missing (There is no item named"),
        (lambda docx: _zipped({"[Content_Types].xml": "<Types/>"}), "without a Word document part"),
        (lambda docx: _zipped({"xl/workbook.xml": "<workbook/>"}), "an Excel workbook (XLSX)"),
        (lambda docx: _zipped({"mimetype": "application/vnd.oasis.opendocument.text"}), "OpenDocument"),
        (lambda docx: _zipped({"notes.txt": "一、总体要求"}), "a ZIP archive"),
    ],
    ids=[
        "truncated-docx",
        "broken-xml",
        "no-document-part",
        "missing-part",
        "only-content-types",
        "xlsx",
        "odt",
        "plain-zip",
    ],
)
def test_a_damaged_word_file_or_other_zip_is_named_for_what_it_is(
    tmp_path: Path, damage: Callable[[Path], bytes], message: str
) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(damage(_docx(tmp_path)))
    result = CliRunner().invoke(app, ["sections", str(path)])
    assert result.exit_code == 2, result.output
    assert message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
