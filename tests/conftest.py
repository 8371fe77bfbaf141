"""Shared pytest helpers: the vectors/ loader, float.hex helpers, exact sequence comparison, and the
parametrization of tests that ask for a vector case or a backend.

A test that takes an argument named
- ``bitgen_case``, ``seedsequence_case`` or ``seedrandom_case`` runs once per case of that kind in
  every vectors/*.json (id ``file::case name``);
- ``backend`` runs once per name in ``prng.available_backends()``.
A test that parametrizes one of these names itself keeps its own values.
"""

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest

VECTORS_DIR = Path(__file__).resolve().parent.parent / "vectors"
CASE_KINDS = {"bitgen_case": "bitgen", "seedsequence_case": "seedsequence", "seedrandom_case": "seedrandom"}


@lru_cache(maxsize=None)
def load_vectors(name):
    """The parsed vectors/<name> file (``name`` with or without ``.json``)."""
    if not name.endswith(".json"):
        name += ".json"
    return json.loads((VECTORS_DIR / name).read_text(encoding="utf-8"))


def vector_files():
    return sorted(p.name for p in VECTORS_DIR.glob("*.json") if p.name not in ("package.json", "package-lock.json"))


def vector_cases(kind):
    """[(file name, case dict)] for every case of ``kind`` in every vectors/*.json."""
    return [(f, c) for f in vector_files() for c in load_vectors(f)["cases"] if c["kind"] == kind]


def fhex(x):
    """A double as its exact float.hex() string (the encoding of doubles in vectors/)."""
    return float(x).hex()


def from_hex(s):
    return float.fromhex(s)


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


def _explicitly_parametrized(metafunc):
    names = set()
    for mark in metafunc.definition.iter_markers("parametrize"):
        argnames = mark.args[0] if mark.args else mark.kwargs["argnames"]
        names.update(a.strip() for a in argnames.split(",")) if isinstance(argnames, str) else names.update(argnames)
    return names


def pytest_generate_tests(metafunc):
    """Parametrize ``*_case`` and ``backend`` arguments (unless the test parametrizes them itself)."""
    explicit = _explicitly_parametrized(metafunc)
    for arg, kind in CASE_KINDS.items():
        if arg in metafunc.fixturenames and arg not in explicit:
            cases = vector_cases(kind)
            metafunc.parametrize(arg, [c for _, c in cases], ids=[f"{f}::{c['name']}" for f, c in cases])
    if "backend" in metafunc.fixturenames and "backend" not in explicit:
        import prng

        metafunc.parametrize("backend", prng.available_backends())
