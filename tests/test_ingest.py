"""Reading files: encodings, line endings, and clean refusals of bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from docdiff.errors import InputError, UnsupportedFormatError
from docdiff.ingest import decode, read_document
from docdiff.options import IngestOptions
from tests.conftest import NEWS_2025, REPORT_2025

SAMPLE = "各位代表：\n现在，我代表虹口区人民政府，向大会报告工作。实到外资增长35.7%。\n"


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("utf-16"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom"],
)
def test_decodes_each_encoding_to_the_same_text(encoded: bytes, expected: str) -> None:
    text, encoding = decode(encoded)
    assert text == SAMPLE
    assert encoding == expected


def test_gb18030_only_characters_survive() -> None:
    # 䶮 (U+4DAE) is outside GBK but inside GB18030.
    text = "龑䶮两字的报告，共有十个字。"
    assert decode(text.encode("gb18030")) == (text, "gb18030")


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_crlf_and_cr_keep_the_text_as_read(tmp_path: Path, ending: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(SAMPLE.replace("\n", ending).encode("utf-8"))
    doc = read_document(path)
    assert doc.text == SAMPLE.replace("\n", ending)
    assert doc.normalised == read_document(_write(tmp_path / "lf.txt", SAMPLE)).normalised
    assert "\r" not in doc.normalised


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_seed_as_gb18030_and_utf16_reads_to_the_same_document(tmp_path: Path) -> None:
    original = read_document(REPORT_2025)
    for encoding in ("gb18030", "utf-16"):
        doc = read_document(_write(tmp_path / f"{encoding}.txt", original.text, encoding))
        assert doc.text == original.text
        assert doc.normalised == original.normalised
        assert doc.offsets == original.offsets


def test_document_records_hash_and_source() -> None:
    doc = read_document(NEWS_2025)
    assert len(doc.sha256) == 64
    assert doc.source.endswith("2025-hongkou-news-review.txt")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"  \n\n \t\n", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (bytes(range(256)) * 20, "binary"),
        (b"\x00\x01\x02\x03text\x00\x00\x05\x06" * 50, "binary"),
    ],
    ids=["empty", "blank", "pdf", "docx", "binary", "nul-bytes"],
)
def test_bad_bytes_raise_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_document(path)


def test_a_damaged_pdf_is_a_clear_input_error(tmp_path: Path) -> None:
    # PDFs are read (docdiff.formats.pdf); one that pdfminer cannot parse is still a one-line error.
    with pytest.raises(InputError, match="not a readable PDF"):
        read_document(_write(tmp_path / "x.pdf", "%PDF-1.4 whatever"))


def test_a_zip_that_is_not_a_word_document_is_unsupported(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError, match="ZIP"):
        (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04xl/workbook.xml")
        read_document(tmp_path / "x.xlsx")


def test_missing_file_and_directory_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "absent.txt")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = _write(tmp_path / "big.txt", SAMPLE * 100)
    with pytest.raises(InputError, match="larger than the limit"):
        read_document(path, IngestOptions(max_bytes=1000))


def test_toolbar_alone_is_kept_when_there_is_no_running_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "chrome.txt", "注册 | 登录\n\n\n")
    doc = read_document(path)
    assert doc.normalised == "注册|登录"
