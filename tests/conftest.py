"""Shared pytest helpers: the vectors/ loader and case ids, float.hex and exact-comparison helpers,
and the parametrization of tests that take an argument named ``backend`` (once per name in
``prng.available_backends()``).
"""

from functools import lru_cache
from pathlib import Path

import numpy as np

from prng import verify

VECTORS_DIR = Path(__file__).resolve().parent.parent / "vectors"


@lru_cache(maxsize=None)
def all_vectors():
    """``{file name: parsed file}`` for every vector file in vectors/ (``verify.load_vectors``)."""
    return verify.load_vectors(VECTORS_DIR)


def load_vectors(name):
    """The parsed vectors/<name> file (``name`` with or without ``.json``)."""
    return all_vectors()[name if name.endswith(".json") else name + ".json"]


def vector_cases(kind=None):
    """[(file name, case dict)] for every case (of ``kind``, when given) in every vector file."""
    return [(f, c) for f, doc in all_vectors().items() for c in verify.file_cases(doc) if kind in (None, c["kind"])]


def case_id(file_name, case):
    """A case's pytest id, ``file::case name`` (torch cases, named alike per kernel, add ``[kernel]``)."""
    kernel = f" [{case['kernel']}]" if "kernel" in case else ""
    return f"{file_name}::{case['name']}{kernel}"


def fhex(x):
    """A double as its exact float.hex() string (the encoding of doubles in vectors/)."""
    return float(x).hex()


def plain(x):
    """numpy arrays / scalars and tuples -> plain lists and ints, for comparing with parsed JSON."""
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, np.ndarray):
        return x.tolist()
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, np.generic):
        return x.item()
    return x


def assert_seq(got, expect, what):
    """Exact equality of two sequences, failing with the first differing index."""
    got = list(got)
    for i, (g, e) in enumerate(zip(got, expect)):
        if g != e:
            raise AssertionError(f"{what}: first difference at index {i} of {len(expect)}: got {g!r}, expected {e!r}")
    assert len(got) == len(expect), f"{what}: got {len(got)} values, expected {len(expect)}"


def assert_same(x, y):
    """Two results (arrays or scalars) with the same dtype, shape and bytes."""
    x, y = np.asarray(x), np.asarray(y)
    assert (x.dtype, x.shape) == (y.dtype, y.shape)
    assert x.tobytes() == y.tobytes()


def numpy_core_state(bit_generator):
    """The core-state dict (docs/ARCHITECTURE.md) of a numpy bit generator's ``state``."""
    state = bit_generator.state
    if state["bit_generator"] == "Philox":
        return {**state["state"], "buffer": state["buffer"], "buffer_pos": state["buffer_pos"]}
    return state["state"]


def pytest_generate_tests(metafunc):
    """Run a test that takes ``backend`` once per name in ``prng.available_backends()``."""
    if "backend" in metafunc.fixturenames:
        import prng

        metafunc.parametrize("backend", prng.available_backends())


# ---- published known answers, as recorded in vectors/ (with their provenance) ---------------------

def kat_philox4x32():
    """(counter, key, first 4 outputs) of Random123's philox4x32-10 known answers (vectors/philox4x32.json)."""
    cases = [c for c in load_vectors("philox4x32")["cases"] if c.get("source") == "random123_kat_vectors.txt"]
    return [([int(w) for w in c["make"]["counter"]], [int(w) for w in c["make"]["key"]],
             next(op["expect"] for op in c["ops"] if op["op"] == "next_uint32")) for c in cases]


def kat_philox4x64():
    """(numpy counter = KAT counter - 1, key, 4 outputs) of Random123's philox4x64-10 known answers."""
    return [([int(w) for w in c["make"]["counter"]], [int(w) for w in c["make"]["key"]],
             [int(v) for v in c["ops"][0]["expect"]]) for c in load_vectors("philox4x64_kat")["cases"]]


def kat_mt19937ar():
    """The 1000 genrand_int32() outputs of mt19937ar.out after init_by_array({0x123, 0x234, 0x345, 0x456})."""
    case = load_vectors("mt19937ar")["cases"][0]
    assert case["make"]["from_array"] == [0x123, 0x234, 0x345, 0x456]
    return case["ops"][0]["expect"]


def kat_pcg64_round1():
    """pcg-c's check-pcg64 Round 1: the first six outputs after pcg64_srandom_r(&rng, 42, 54)."""
    case = load_vectors("pcg64_kat")["cases"][0]
    return [int(v) for v in next(op["expect"] for op in case["ops"] if op["op"] == "next_uint64")]


def pytest_collection_modifyitems(items):
    """Run the live jax tests last: jax's CPU backend starts threads, and a test that forks afterwards
    (the DataLoader workers of test_training.py) could deadlock in the child."""
    items.sort(key=lambda item: item.path.name == "test_jax_live.py")
