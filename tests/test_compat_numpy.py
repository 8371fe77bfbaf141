"""prng.compat.numpy.RandomState against numpy.random.RandomState.

vectors/randomstate.json (numpy's values for int and array seeds, then the legacy state) is replayed
by test_vectors.py; here:
1. Hypothesis: arbitrary int and array seeds give numpy's values and state.
2. State round trips with numpy, and bad seeds fail as numpy's do.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import prng
from conftest import assert_same
from prng.compat.numpy import RandomState


def assert_same_legacy_state(a, b):
    sa, sb = a.get_state(), b.get_state()
    assert sa[0] == sb[0] and np.array_equal(sa[1], sb[1]) and sa[2:] == sb[2:]


WORDS = st.integers(0, 2**32 - 1)
LEGACY_SEEDS = st.one_of(WORDS, st.lists(WORDS, min_size=1, max_size=700))


@settings(max_examples=25, deadline=None)
@given(seed=LEGACY_SEEDS, n=st.integers(0, 30), high=st.integers(1, 2**64 - 1),
       dtype=st.sampled_from(["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]))
def test_matches_numpy(seed, n, high, dtype):
    a, b = np.random.RandomState(seed), RandomState(seed)
    small_high = min(high, int(np.iinfo(dtype).max))
    for call in [lambda r: r.rand(n), lambda r: r.randn(n), lambda r: r.randn(),
                 lambda r: r.randint(0, small_high, n, dtype=dtype),
                 lambda r: r.randint(0, high, n, dtype=np.uint64), lambda r: r.randint(-n, n + 1, n),
                 lambda r: r.permutation(n), lambda r: r.choice(n + 1, n // 2),
                 lambda r: r.choice(n + 1, n // 2, replace=False), lambda r: r.random_sample()]:
        assert_same(call(a), call(b))
    assert_same_legacy_state(a, b)


def test_numpy_array_seeds_follow_numpy():
    # numpy squeezes arrays first: np.array([5]) is the integer 5, the list [5] goes to init_by_array
    seeds = [np.array([5]), [5], np.array([1, 2], dtype=np.uint32), range(10), np.array(7, dtype=np.int64)]
    for seed in seeds:
        assert_same(np.random.RandomState(seed).randint(0, 1000, 20), RandomState(seed).randint(0, 1000, 20))


def test_state_round_trip_with_numpy():
    a = np.random.RandomState(8)
    a.randn(3)  # leaves a cached normal
    b = RandomState(0)
    b.set_state(a.get_state())
    assert_same(a.randn(4), b.randn(4))
    a.set_state(b.get_state(legacy=False))
    assert_same(a.randn(3), b.randn(3))
    b.set_state(a.get_state()[:3])  # the 3-tuple: no cached normal
    a.set_state(a.get_state()[:3])
    assert_same(a.randn(3), b.randn(3))


def test_shuffle_and_reseed_like_numpy():
    a, b = np.random.RandomState(4), RandomState(4)
    x, y = np.arange(20).reshape(10, 2), np.arange(20).reshape(10, 2)
    a.shuffle(x)
    b.shuffle(y)
    assert_same(x, y)
    a.seed(99)
    b.seed(99)
    assert_same(a.randn(3), b.randn(3))
    assert_same_legacy_state(a, b)


def test_reseed_from_entropy_keeps_pos_as_numpy():
    a, b = np.random.RandomState(1), RandomState(1)
    a.rand(10)
    b.rand(10)
    a.seed()
    b.seed()
    assert a.get_state()[2] == b.get_state()[2] == 20
    assert b.get_state()[1][0] == 0x80000000


def test_other_bit_generators_are_used_as_given():
    a, b = np.random.RandomState(np.random.PCG64(3)), RandomState(prng.PCG64(3))
    assert_same(a.randn(7), b.randn(7))
    assert_same(a.randint(0, 100, 7), b.randint(0, 100, 7))
    with pytest.raises(TypeError, match="can only re-seed a MT19937"):
        b.seed(1)


@pytest.mark.parametrize("seed, error, match", [
    (-1, ValueError, "Seed must be between 0 and 2\\*\\*32 - 1"),
    (2**32, ValueError, "Seed must be between 0 and 2\\*\\*32 - 1"),
    ([1, 2**32], ValueError, "Seed must be between 0 and 2\\*\\*32 - 1"),
    ([], ValueError, "Seed must be non-empty"),
    ([[1, 2], [3, 4]], ValueError, "Seed array must be 1-d"),
    (1.5, TypeError, "seed"),
    ([1.0, 2.0], TypeError, "seed"),
    ("abc", TypeError, "seed"),
])
def test_bad_seeds(seed, error, match):
    with pytest.raises(error, match=match):
        RandomState(seed)
    with pytest.raises(error):
        np.random.RandomState(seed)


@pytest.mark.parametrize("call, error, match", [
    (lambda r: r.randint(5, 5), ValueError, "low >= high"),
    (lambda r: r.randint(0, 300, dtype=np.uint8), ValueError, "high is out of bounds for uint8"),
    (lambda r: r.choice(5, 6, replace=False), ValueError, "larger sample than population"),
    (lambda r: r.choice(np.zeros((2, 2))), ValueError, "a must be 1-dimensional"),
    (lambda r: r.permutation(np.float64(2.0)), IndexError, "x must be an integer or at least 1-dimensional"),
    (lambda r: r.rand(-1), ValueError, "size"),
    (lambda r: r.set_state(("PCG64", [0] * 624, 0)), ValueError, "legacy MT19937"),
    (lambda r: r.set_state(5), TypeError, "state must be a dict or a tuple"),
])
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call(RandomState(0))
