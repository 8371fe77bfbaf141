"""Replay every case of every vectors/*.json (schema: vectors/README.md) through ``prng.verify``, the
engine behind ``prng verify``: one interpreter for the tests and the command.

Cases of a backend-dependent kind (bit generators, Generator) run once per backend in
``prng.available_backends()``, bit generators a second time with bulk fills; the others (SeedSequence, seedrandom, RandomState, random.Random,
torch CPU) run once. All expected values come from the real libraries / published KATs.
"""

from pathlib import Path

import pytest

from conftest import case_id, vector_cases
from prng import verify

TESTS_DIR = Path(__file__).resolve().parent

REPLAYED = [(f, c) for f, c in vector_cases() if c["kind"] in verify.REPLAYERS]
PER_BACKEND = [pytest.param(c, id=case_id(f, c)) for f, c in REPLAYED if c["kind"] not in verify.BACKENDLESS_KINDS]
BACKENDLESS = [pytest.param(c, id=case_id(f, c)) for f, c in REPLAYED if c["kind"] in verify.BACKENDLESS_KINDS]


BITGEN = [pytest.param(c, id=case_id(f, c)) for f, c in REPLAYED if c["kind"] == "bitgen"]


def check_case(case, backend, bulk=False):
    """Replay ``case`` on ``backend``: skip where this machine cannot check it, fail on any mismatch."""
    reason = verify.skip_reason(case)
    if reason:
        pytest.skip(reason)
    messages = verify.replay_case(case, backend, bulk=bulk)
    assert not messages, "\n".join(messages)


@pytest.mark.parametrize("case", PER_BACKEND)
def test_case_on_each_backend(case, backend):
    check_case(case, backend)


@pytest.mark.parametrize("case", BITGEN)
def test_bulk_fills_on_each_backend(case, backend):
    """The same bit-generator case with next_uint32/next_double runs drawn by fill_uint32/fill_double."""
    check_case(case, backend, bulk=True)


@pytest.mark.parametrize("case", BACKENDLESS)
def test_backendless_case(case):
    check_case(case, "python")


def test_every_case_kind_is_checked():
    """A kind in vectors/ is replayed here or named, with its test file, in verify.CHECKED_ELSEWHERE."""
    kinds = {c["kind"] for _, c in vector_cases()}
    unchecked = kinds - set(verify.REPLAYERS) - set(verify.CHECKED_ELSEWHERE)
    assert not unchecked, f"case kinds no test checks: {sorted(unchecked)}"
    assert not set(verify.CHECKED_ELSEWHERE) & set(verify.REPLAYERS)
    for test_file in verify.CHECKED_ELSEWHERE.values():
        assert (TESTS_DIR.parent / test_file).is_file(), test_file

