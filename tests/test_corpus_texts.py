"""The texts a corpus scan's tasks read: the same documents whether held, mapped from a file or carried."""

from __future__ import annotations

import os
import pickle

import numpy as np

from docdiff.duplicates.corpus import HeldTexts, MappedTexts, shared_texts
from docdiff.duplicates.engine import Engine, engine
from docdiff.duplicates.hashing import codes
from docdiff.duplicates.reuse import find_reuse
from docdiff.options import DuplicateOptions
from tests.conftest import ALL_SEEDS, seed_document

# Empty documents, a character outside the BMP (two UTF-16 units, one code point) and a seed.
TEXTS = ["", "坚持稳中求进𠀋工作总基调", "", seed_document(ALL_SEEDS[0]).normalised[:3000]]


def test_mapped_texts_read_back_every_document_and_its_code_points() -> None:
    with engine(jobs=2) as local, shared_texts(TEXTS, local) as source:
        assert isinstance(source, MappedTexts)
        travelled = pickle.loads(pickle.dumps(source.part([1, 3])))  # what a task carries
        assert len(pickle.dumps(travelled)) < 500  # a name and bounds, not the texts
        for index, text in enumerate(TEXTS):
            assert travelled.text(index) == text
            assert np.array_equal(travelled.codes(index), codes(text))
        path = source.path
        assert os.path.exists(path)
    assert not os.path.exists(path)  # the file goes with the scan


def test_held_texts_are_shared_here_and_carried_to_a_cluster() -> None:
    with shared_texts(TEXTS, Engine(None, 4)) as here:
        assert isinstance(here, HeldTexts) and here.part([1]) is here
    carried = HeldTexts(TEXTS, carry=True).part([1, 3])
    assert isinstance(carried, HeldTexts) and carried.texts == {1: TEXTS[1], 3: TEXTS[3]}


def test_two_local_processes_find_what_one_finds() -> None:
    texts = [seed_document(path).normalised for path in ALL_SEEDS]
    options = DuplicateOptions()
    alone = find_reuse(texts, options)
    assert alone
    with engine(jobs=2) as local:
        assert find_reuse(texts, options, engine=local) == alone
