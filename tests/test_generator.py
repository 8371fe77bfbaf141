"""prng.Generator / prng.default_rng against numpy.random.Generator.

1. vectors/generator.json (numpy's values, replayed with the bit generator's state after the calls
   by test_vectors.py) covers the normal tail.
2. Hypothesis: for arbitrary seeds and arguments, the same values as live numpy and the same state.
3. Bad input: clear errors naming the argument.
"""

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import prng
from conftest import assert_same, load_vectors
from prng.generator import Generator, default_rng

INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]


# ---- the vectors (replayed by test_vectors.py) -------------------------------------------------

def test_vectors_cover_the_normal_tail():
    """vectors/generator.json draws at least five normals from the ziggurat's tail."""
    assert sum(c["normal_tail_values"] for c in load_vectors("generator")["cases"]) >= 5


# ---- live numpy, arbitrary seeds ------------------------------------------------------------

SEEDS = st.integers(0, 2**128 - 1)
BITGENS = st.sampled_from(["PCG64", "MT19937", "Philox", "PCG64DXSM"])


def pair(name, seed):
    """(numpy Generator, prng Generator) over the same kind of bit generator and seed."""
    return np.random.Generator(getattr(np.random, name)(seed)), Generator(getattr(prng, name)(seed))


def assert_same_state(a, b):
    assert json.loads(prng.state_to_json(a.bit_generator.state)) == json.loads(
        prng.state_to_json(b.bit_generator.state))


@st.composite
def bounds(draw):
    dtype = draw(st.sampled_from(INT_DTYPES))
    info = np.iinfo(dtype)
    low = draw(st.integers(int(info.min), int(info.max)))
    endpoint = draw(st.booleans())
    high = draw(st.integers(low if endpoint else low + 1, int(info.max) + (0 if endpoint else 1)))
    return low, high, dtype, endpoint


@settings(max_examples=30, deadline=None)
@given(name=BITGENS, seed=SEEDS, n=st.integers(0, 40), b=bounds(), f32=st.booleans())
def test_matches_numpy(name, seed, n, b, f32):
    a, g = pair(name, seed)
    dtype = np.float32 if f32 else np.float64
    low, high, int_dtype, endpoint = b
    for call in [lambda r: r.random(n, dtype=dtype),
                 lambda r: r.integers(low, high, n, dtype=int_dtype, endpoint=endpoint),
                 lambda r: r.integers(low, high, dtype=int_dtype, endpoint=endpoint),
                 lambda r: r.standard_normal(n * 5, dtype=dtype),
                 lambda r: r.random(dtype=np.float32),
                 lambda r: r.permutation(n),
                 lambda r: r.choice(n + 1, n // 2),
                 lambda r: r.choice(n + 1, n // 2, replace=False),
                 lambda r: r.standard_exponential(n, dtype=dtype)]:
        assert_same(call(a), call(g))
    assert_same_state(a, g)


@settings(max_examples=10, deadline=None)
@given(seed=SEEDS, k=st.integers(0, 600), shuffle=st.booleans())
def test_choice_without_replacement_large_population(seed, k, shuffle):
    a, g = np.random.default_rng(seed), default_rng(seed)
    x, y = (rng.choice(20000, k, replace=False, shuffle=shuffle) for rng in (a, g))
    assert_same(x, y)
    assert_same_state(a, g)


def test_every_backend_gives_numpy_values(backend):
    a, g = np.random.default_rng(77), Generator(prng.PCG64(77, backend=backend))
    for call in [lambda r: r.integers(-9, 2**40, 50), lambda r: r.random(9, dtype=np.float32),
                 lambda r: r.standard_normal(500), lambda r: r.permutation(100), lambda r: r.random(5)]:
        assert_same(call(a), call(g))
    assert_same_state(a, g)


def test_bytes_like_numpy(backend):
    """bytes(n) draws numpy's (n - 1) / 4 + 1 words in C division: one for bytes(0), 3 bytes for -1."""
    a, g = np.random.default_rng(0), Generator(prng.PCG64(0, backend=backend))
    for length in (0, -1, -2, 5, 8, 1):
        assert a.bytes(length) == g.bytes(length)
    assert a.random() == g.random() != 0.6369616873214543  # the first double, had bytes(0) drawn nothing
    assert_same_state(a, g)


def test_parameters_broadcast_like_numpy(backend):
    """normal, uniform and exponential: scalar and array parameters, size, NaN accepted as numpy does."""
    a, g = np.random.default_rng(9), Generator(prng.PCG64(9, backend=backend))
    loc, scale = np.arange(6.0).reshape(2, 3), np.array([[0.5], [2.0]])
    for call in [lambda r: r.normal(), lambda r: r.normal(3.0, 2.0, 7), lambda r: r.normal(loc, scale),
                 lambda r: r.normal(loc, 1.0, size=(4, 2, 3)), lambda r: r.uniform(-2.0, loc),
                 lambda r: r.uniform(1.0, 5.0), lambda r: r.exponential(np.nan), lambda r: r.exponential(scale, (2, 2)),
                 lambda r: r.exponential([1.0, 0.0, 3.0]), lambda r: r.random(out=np.empty((2, 3), order="F")),
                 lambda r: r.standard_normal((3, 2), out=np.empty((3, 2))),
                 lambda r: r.standard_exponential(4, np.float32, out=np.empty(4, np.float32))]:
        assert_same(call(a), call(g))
    assert_same_state(a, g)


def test_default_rng_is_pcg64():
    rng = default_rng(5)
    assert isinstance(rng.bit_generator, prng.PCG64)
    assert default_rng(rng) is rng
    assert default_rng(rng.bit_generator).bit_generator is rng.bit_generator


def test_shuffle_arrays_and_sequences_like_numpy():
    a, g = np.random.default_rng(11), default_rng(11)
    x, y = np.arange(24).reshape(6, 4), np.arange(24).reshape(6, 4)
    a.shuffle(x, axis=1)
    g.shuffle(y, axis=1)
    assert_same(x, y)
    x, y = list("abcdefgh"), list("abcdefgh")
    a.shuffle(x)
    g.shuffle(y)
    assert x == y
    grid = np.arange(12).reshape(3, 4)
    assert_same(a.permutation(grid, axis=1), g.permutation(grid, axis=1))
    assert_same(a.choice(grid, 2, axis=1), g.choice(grid, 2, axis=1))
    assert_same_state(a, g)


def test_scalar_types_like_numpy():
    a, g = np.random.default_rng(3), default_rng(3)
    for call in [lambda r: r.random(), lambda r: r.integers(5), lambda r: r.integers(5, dtype=int),
                 lambda r: r.integers(2, dtype=bool), lambda r: r.choice(5), lambda r: r.standard_normal()]:
        x, y = call(a), call(g)
        assert (type(x), x) == (type(y), y)


# ---- bad input ------------------------------------------------------------------------------

@pytest.mark.parametrize("call, error, match", [
    (lambda g: g.integers(-1, 5, dtype=np.uint8), ValueError, "low is out of bounds for uint8"),
    (lambda g: g.integers(0, 257, dtype=np.uint8), ValueError, "high is out of bounds for uint8"),
    (lambda g: g.integers(0, 2**64 + 1, dtype=np.uint64), ValueError, "high is out of bounds for uint64"),
    (lambda g: g.integers(5, 5), ValueError, "low >= high"),
    (lambda g: g.integers(6, 5, endpoint=True), ValueError, "low > high"),
    (lambda g: g.integers(0), ValueError, "high <= 0"),
    (lambda g: g.integers(0, 5, dtype=np.float64), TypeError, "Unsupported dtype"),
    (lambda g: g.integers([0, 5], 5), ValueError, "low >= high"),
    (lambda g: g.integers("a", 5), TypeError, "low must be an integer"),
    (lambda g: g.random(-1), ValueError, "size"),
    (lambda g: g.random(2.5), TypeError, "size"),
    (lambda g: g.random(dtype=np.int32), TypeError, "Unsupported dtype"),
    (lambda g: g.standard_normal(dtype=np.float16), TypeError, "Unsupported dtype"),
    (lambda g: g.choice(5, 6, replace=False), ValueError, "larger sample than population"),
    (lambda g: g.choice(0, 1), ValueError, "a must be a positive integer"),
    (lambda g: g.choice([], 1), ValueError, "a cannot be empty"),
    (lambda g: g.choice(2.5), ValueError, "a must be a sequence or an integer"),
    (lambda g: g.exponential(-1.0), ValueError, "scale < 0"),
    (lambda g: g.bytes(1.5), TypeError, "length must be an integer"),
    (lambda g: g.normal(0, -1.0), ValueError, "scale < 0"),
    (lambda g: g.normal([0, 1], [[1], [-1]]), ValueError, "scale < 0"),
    (lambda g: g.uniform(0, np.inf), OverflowError, "range exceeds valid bounds"),
    (lambda g: g.uniform(1, 0), ValueError, "high - low < 0"),
    (lambda g: g.normal([0, 1], 1, size=3), ValueError, "shape mismatch|not compatible"),
    (lambda g: g.normal([0, 1], 1, size=(3, 1)), ValueError, "not compatible with broadcast"),
    (lambda g: g.random(4, out=np.empty(3)), ValueError, "size must match out.shape"),
    (lambda g: g.random(out=np.empty(3, np.float32)), TypeError, "wrong type"),
    (lambda g: g.shuffle(np.arange(3), axis=1), np.exceptions.AxisError, "axis"),
])
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call(default_rng(0))


def test_needs_a_bit_generator():
    with pytest.raises(TypeError, match="bit_generator must have a next_uint32"):
        Generator(object())
