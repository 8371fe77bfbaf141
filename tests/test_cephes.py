"""prng._cephes.ndtr / ndtri against scipy.special's (the functions scipy.stats.bootstrap's BCa uses)."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prng import _cephes

special = pytest.importorskip("scipy.special")

EDGES = [0.0, -0.0, 1.0, -1.0, math.sqrt(2), -math.sqrt(2), 8 * math.sqrt(2), -8 * math.sqrt(2), 37.5, -37.5,
         38.6, -38.6, 1e-300, -1e-300, math.inf, -math.inf, math.nan]
LEVELS = [0.0, 1.0, 0.5, 0.13533528323661269189, 1 - 0.13533528323661269189, 0.125, 0.875, 1.2664165549e-14,
          1e-300, 5e-324, 1 - 2**-53, 2**-1074, -0.1, 1.1, math.nan]


def same(a, b):
    return a == b or (math.isnan(a) and math.isnan(b))


@pytest.mark.parametrize("x", EDGES)
def test_ndtr_edges(x):
    assert same(_cephes.ndtr(x), float(special.ndtr(x)))


@pytest.mark.parametrize("p", LEVELS)
def test_ndtri_edges(p):
    assert same(_cephes.ndtri(p), float(special.ndtri(p)))


@settings(max_examples=2000)
@given(st.floats(allow_nan=False, min_value=-40, max_value=40))
def test_ndtr_bitwise(x):
    assert _cephes.ndtr(x) == special.ndtr(x)


@settings(max_examples=2000)
@given(st.floats(min_value=0.0, max_value=1.0))
def test_ndtri_bitwise(p):
    assert _cephes.ndtri(p) == special.ndtri(p)


def test_a_million_points_bitwise():
    """Normal-spread arguments for ndtr and uniform, power-law and exp-spread levels for ndtri
    (every branch: |y - 0.5| <= 3/8, z in [2, 8) and z >= 8)."""
    rng = np.random.default_rng(20261204)
    xs = np.concatenate([rng.normal(size=300_000) * 3, rng.normal(size=100_000) * 12])
    ps = np.concatenate([rng.random(300_000), rng.random(100_000) ** 30, np.exp(-rng.random(100_000) * 700)])
    assert [_cephes.ndtr(float(x)) for x in xs] == special.ndtr(xs).tolist()
    assert [_cephes.ndtri(float(p)) for p in ps] == special.ndtri(ps).tolist()
