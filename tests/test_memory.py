"""Compact per-character data: a document's offsets are an int32 array, not a tuple of ints,
with the same values, the same JSON and the same validation at the boundary."""

from __future__ import annotations

import json
import sys
from array import array

import pytest
from pydantic import ValidationError

from docdiff.models import Document
from docdiff.normalise import normalise
from tests.conftest import REPORT_2025, seed_document


def test_offsets_are_four_bytes_a_character_with_the_values_normalise_gave() -> None:
    doc = seed_document(REPORT_2025)
    _, offsets = normalise(doc.text)
    assert isinstance(doc.offsets, array) and doc.offsets.typecode == "i" and doc.offsets.itemsize == 4
    assert doc.offsets.tolist() == list(offsets)
    # Against what the tuple of ints cost: its pointers alone are 8 bytes a character.
    assert sys.getsizeof(doc.offsets) < 4.2 * len(doc.normalised) + 100 < sys.getsizeof(tuple(offsets))


def test_offsets_map_spans_as_before() -> None:
    doc = seed_document(REPORT_2025)
    start = doc.normalised.index("财政四问")
    span = doc.to_original(start, start + 4)
    assert doc.text[span[0] : span[1]] == "财政四问"
    assert doc.to_normalised(span) == (start, start + 4)


def test_document_json_keeps_offsets_a_list_of_ints_and_round_trips() -> None:
    doc = seed_document(REPORT_2025)
    dumped = json.loads(doc.model_dump_json())
    assert dumped["offsets"][:5] == doc.offsets.tolist()[:5] and len(dumped["offsets"]) == len(doc.normalised)
    assert doc.model_dump()["offsets"] == doc.offsets.tolist()
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc and isinstance(again.offsets, array)
    assert Document.model_json_schema()["properties"]["offsets"]["items"] == {"type": "integer"}


def test_offsets_that_are_not_integers_fail_validation() -> None:
    fields = {"source": "x", "encoding": "utf-8", "sha256": "0" * 64, "text": "ab", "normalised": "ab"}
    assert Document(**fields, offsets=[0, 1]).offsets.tolist() == [0, 1]
    with pytest.raises(ValidationError):
        Document(**fields, offsets=["a", "b"])
    with pytest.raises(ValidationError):
        Document(**fields, offsets=[0, 2**40])
