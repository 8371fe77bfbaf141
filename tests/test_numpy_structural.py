"""The structural methods of numpy's Generator/RandomState (broadcast integer bounds, ``choice`` with
``p``, ``permuted``, legacy ``tomaxint``/``bytes``, pickling) against live numpy, on every backend:
same values, same stream position afterwards. Fixed cases are in vectors/numpy_structural.json."""

import pickle

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import prng
from prng.compat.numpy import RandomState

QUICK = settings(max_examples=25, deadline=None)
DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]


def _pair(backend, seed):
    return np.random.Generator(np.random.MT19937(seed)), prng.Generator(prng.MT19937(seed, backend=backend))


@st.composite
def bounds(draw):
    """A dtype and broadcastable low/high arrays inside its range (rng 0 and full ranges included)."""
    dtype = draw(st.sampled_from(DTYPES))
    lo, hi = (0, 1) if dtype == "bool" else (int(np.iinfo(dtype).min), int(np.iinfo(dtype).max))
    edges = st.sampled_from([lo, hi, lo + 1, hi - 1, (lo + hi) // 2, max(lo, min(hi, 2**32 - 1)), max(lo, -3)])
    value = st.one_of(edges, st.integers(lo, hi))
    n = draw(st.integers(1, 5))
    pairs = [sorted((draw(value), draw(value))) for _ in range(n)]
    endpoint = draw(st.booleans())
    lows = [a for a, _ in pairs]
    highs = [b + (not endpoint) for _, b in pairs]
    as_array = np.uint64 if dtype == "uint64" else np.int64
    if dtype in ("int64", "uint64") and not endpoint:
        highs = np.array(highs, dtype=object)  # 2**63 / 2**64 as numpy's object path
    else:
        highs = np.array(highs, dtype=as_array if dtype in ("int64", "uint64") else np.int64)
    return dtype, np.array(lows, dtype=as_array), highs, endpoint


@QUICK
@given(case=bounds(), seed=st.integers(0, 2**32 - 1), column=st.booleans())
def test_integers_broadcast_matches_numpy(backend, case, seed, column):
    dtype, lows, highs, endpoint = case
    if column:  # one low for every high: broadcast shapes (1, 1) and (n,)
        lows = lows[[np.argmin(lows)]].reshape(1, 1)
    theirs, ours = _pair(backend, seed)
    expect = theirs.integers(lows, highs, dtype=dtype, endpoint=endpoint)
    got = ours.integers(lows, highs, dtype=dtype, endpoint=endpoint)
    assert got.dtype == expect.dtype and got.shape == expect.shape
    np.testing.assert_array_equal(got, expect)
    assert ours.random() == theirs.random()


@QUICK
@given(case=bounds(), seed=st.integers(0, 2**32 - 1))
def test_randint_broadcast_matches_numpy(backend, case, seed):
    dtype, lows, highs, endpoint = case
    if endpoint:
        return
    theirs, ours = np.random.RandomState(seed), RandomState(prng.MT19937.from_genrand(seed, backend=backend))
    expect = theirs.randint(lows, highs, dtype=dtype)
    got = ours.randint(lows, highs, dtype=dtype)
    np.testing.assert_array_equal(got, expect)
    assert got.dtype == expect.dtype
    assert ours.random_sample() == theirs.random_sample()


probabilities = st.lists(st.floats(0, 1), min_size=1, max_size=8).filter(lambda p: sum(p) > 0).map(
    lambda p: (np.array(p) / np.sum(p)).tolist())


@QUICK
@given(p=probabilities, seed=st.integers(0, 2**32 - 1), size=st.sampled_from([None, 3, (2, 2)]),
       replace=st.booleans())
def test_choice_with_p_matches_numpy(backend, p, seed, size, replace):
    theirs, ours = _pair(backend, seed)
    try:
        expect = theirs.choice(len(p), size, replace=replace, p=p)
    except ValueError as error:
        with pytest.raises(ValueError, match=str(error)[:20]):
            ours.choice(len(p), size, replace=replace, p=p)
        return
    got = ours.choice(len(p), size, replace=replace, p=p)
    np.testing.assert_array_equal(got, expect)
    assert type(got) is type(expect)
    legacy_theirs, legacy_ours = np.random.RandomState(seed), RandomState(seed)
    try:
        expect = legacy_theirs.choice(len(p), size, replace=replace, p=p)
    except ValueError:
        return
    np.testing.assert_array_equal(legacy_ours.choice(len(p), size, replace=replace, p=p), expect)
    assert ours.random() == theirs.random() and legacy_ours.random_sample() == legacy_theirs.random_sample()


@QUICK
@given(shape=st.lists(st.integers(0, 4), min_size=1, max_size=3), seed=st.integers(0, 2**32 - 1), data=st.data())
def test_permuted_matches_numpy(backend, shape, seed, data):
    axis = data.draw(st.sampled_from([None, *range(-len(shape), len(shape))]))
    x = np.arange(int(np.prod(shape))).reshape(shape)
    theirs, ours = _pair(backend, seed)
    np.testing.assert_array_equal(ours.permuted(x, axis=axis), theirs.permuted(x, axis=axis))
    out_theirs, out_ours = np.empty_like(x), np.empty_like(x)
    theirs.permuted(x, axis=axis, out=out_theirs)
    ours.permuted(x, axis=axis, out=out_ours)
    np.testing.assert_array_equal(out_ours, out_theirs)
    assert ours.random() == theirs.random()


def test_legacy_tomaxint_bytes_and_random_integers_match_numpy():
    theirs, ours = np.random.RandomState(3), RandomState(3)
    assert ours.tomaxint() == theirs.tomaxint()
    np.testing.assert_array_equal(ours.tomaxint((2, 3)), theirs.tomaxint((2, 3)))
    for n in (0, 1, 5, 8):
        assert ours.bytes(n) == theirs.bytes(n)
    with pytest.warns(DeprecationWarning):
        got = ours.random_integers(4, 9, 6)
    with pytest.warns(DeprecationWarning):
        np.testing.assert_array_equal(got, theirs.random_integers(4, 9, 6))
    assert ours.random_sample() == theirs.random_sample()


def test_generator_bytes_zero_draws_a_word_as_numpy():
    theirs, ours = np.random.default_rng(0), prng.default_rng(0)
    assert ours.bytes(0) == theirs.bytes(0) == b""
    assert ours.random() == theirs.random() == 0.2697867137638703
    assert ours.bytes(-1) == theirs.bytes(-1) and len(ours.bytes(-1)) == 3


@pytest.mark.parametrize("make", [lambda: prng.Generator(prng.PCG64(5)), lambda: RandomState(5),
                                  lambda: prng.SFC64(5), lambda: prng.Philox(5)])
def test_pickle_continues_the_stream(make):
    obj = make()
    obj.random_sample(3) if isinstance(obj, RandomState) else None
    clone = pickle.loads(pickle.dumps(obj))
    if isinstance(obj, (prng.Generator, RandomState)):
        draw = "random_sample" if isinstance(obj, RandomState) else "random"
        assert getattr(clone, draw)(5).tolist() == getattr(obj, draw)(5).tolist()
    else:
        assert clone.random_raw(5).tolist() == obj.random_raw(5).tolist()
        assert clone.backend == obj.backend and clone.seed_seq.state == obj.seed_seq.state
