"""Hypothesis properties: prng's numpy-mirrored generators against live numpy, on every backend."""

import json

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import prng

PAIRS = [
    (prng.PCG64, np.random.PCG64),
    (prng.PCG64DXSM, np.random.PCG64DXSM),
    (prng.MT19937, np.random.MT19937),
    (prng.Philox, np.random.Philox),
    (prng.SFC64, np.random.SFC64),
]
PAIR_IDS = [p.__name__ for p, _ in PAIRS]

seeds = st.one_of(
    st.integers(0, 2**130),
    st.lists(st.integers(0, 2**70), min_size=0, max_size=6),
)
draws = st.lists(st.sampled_from(["next_uint32", "next_uint64", "next_double", "raw1", "raw7"]), max_size=12)
QUICK = settings(max_examples=15, deadline=None)


def numpy_draw(bitgen, op):
    """The same draw from a numpy bit generator, through its C function pointers (numpy's own path)."""
    c = bitgen.ctypes
    if op == "raw1":
        return [int(bitgen.random_raw())]
    if op == "raw7":
        return bitgen.random_raw(7).tolist()
    return [getattr(c, op)(c.state_address)]


def prng_draw(gen, op):
    if op == "raw1":
        return [gen.random_raw()]
    if op == "raw7":
        return gen.random_raw(7).tolist()
    return [getattr(gen, op)()]


def same_state(a, b):
    """Equal numpy-format state dicts (arrays compared element-wise)."""
    return json.loads(prng.state_to_json(a)) == json.loads(prng.state_to_json(b))


@pytest.mark.parametrize("ours,theirs", PAIRS, ids=PAIR_IDS)
@QUICK
@given(seed=seeds, ops=draws)
def test_stream_and_interleaving_match_numpy(ours, theirs, backend, seed, ops):
    gen, ref = ours(seed, backend=backend), theirs(seed)
    assert same_state(gen.state, ref.state)
    for op in ops:
        assert prng_draw(gen, op) == numpy_draw(ref, op), op
    assert gen.random_raw(40).tolist() == ref.random_raw(40).tolist()
    assert same_state(gen.state, ref.state)


ADVANCING = [p for p in PAIRS if hasattr(p[1], "advance")]  # all but MT19937 (jumped only) and SFC64


@pytest.mark.parametrize("ours,theirs", ADVANCING, ids=[p.__name__ for p, _ in ADVANCING])
@QUICK
@given(seed=seeds, skip=st.integers(0, 9), delta=st.integers(-(2**130), 2**130), jumps=st.integers(0, 3))
def test_advance_and_jumped_match_numpy(ours, theirs, backend, seed, skip, delta, jumps):
    gen, ref = ours(seed, backend=backend), theirs(seed)
    gen.random_raw(skip), ref.random_raw(skip)
    gen.next_uint32(), numpy_draw(ref, "next_uint32")
    gen.advance(delta), ref.advance(delta)
    assert gen.random_raw(9).tolist() == ref.random_raw(9).tolist()
    assert gen.jumped(jumps).random_raw(5).tolist() == ref.jumped(jumps).random_raw(5).tolist()


@settings(max_examples=4, deadline=None)
@given(seed=seeds, skip=st.sampled_from([0, 1, 623, 624, 700]))
def test_mt19937_jumped_matches_numpy(backend, seed, skip):
    gen, ref = prng.MT19937(seed, backend=backend), np.random.MT19937(seed)
    gen.random_raw(skip), ref.random_raw(skip)
    assert gen.jumped().random_raw(700).tolist() == ref.jumped().random_raw(700).tolist()


@pytest.mark.parametrize("ours,theirs", PAIRS, ids=PAIR_IDS)
@QUICK
@given(seed=seeds, skip=st.integers(0, 9), half=st.booleans())
def test_state_round_trips_through_numpy_and_json(ours, theirs, backend, seed, skip, half):
    gen = ours(seed, backend=backend)
    gen.random_raw(skip)
    if half:
        gen.next_uint32()
    ref = theirs()
    ref.state = gen.state  # ours -> numpy
    back = ours(0, backend=backend)
    back.state = prng.state_from_json(prng.state_to_json(ref.state))  # numpy -> JSON -> ours
    for _ in range(3):
        expected = numpy_draw(ref, "next_uint32") + numpy_draw(ref, "next_uint64")
        assert [gen.next_uint32(), gen.next_uint64()] == expected
        assert [back.next_uint32(), back.next_uint64()] == expected


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), skip=st.integers(0, 1300))
def test_mt19937_legacy_seedings_match_numpy(backend, seed, skip):
    genrand, ref = prng.MT19937.from_genrand(seed, backend=backend), np.random.MT19937()
    ref._legacy_seeding(seed)
    genrand.random_raw(skip), ref.random_raw(skip)
    assert genrand.random_raw(30).tolist() == ref.random_raw(30).tolist()
    words = [seed, skip, 7]
    by_array, ref = prng.MT19937.from_array(words, backend=backend), np.random.MT19937()
    ref._legacy_seeding(words)
    assert by_array.random_raw(700).tolist() == ref.random_raw(700).tolist()


@QUICK
@given(
    entropy=st.one_of(st.integers(0, 2**300), st.lists(st.integers(0, 2**80), max_size=9)),
    spawn_key=st.lists(st.integers(0, 2**64), max_size=3),
    pool_size=st.integers(4, 9),
    n=st.integers(0, 700),
)
def test_seedsequence_matches_numpy(entropy, spawn_key, pool_size, n):
    ours = prng.SeedSequence(entropy, spawn_key=spawn_key, pool_size=pool_size)
    theirs = np.random.SeedSequence(entropy, spawn_key=spawn_key, pool_size=pool_size)
    assert ours.pool.tolist() == theirs.pool.tolist()
    assert ours.generate_state(n).tolist() == theirs.generate_state(n).tolist()
    assert ours.generate_state(n // 2, np.uint64).tolist() == theirs.generate_state(n // 2, np.uint64).tolist()
    for a, b in zip(ours.spawn(3) + ours.spawn(2), theirs.spawn(3) + theirs.spawn(2)):
        assert a.spawn_key == b.spawn_key
        assert a.generate_state(4).tolist() == b.generate_state(4).tolist()
    assert ours.n_children_spawned == theirs.n_children_spawned == 5


@pytest.mark.parametrize("ours,theirs", PAIRS, ids=PAIR_IDS)
def test_spawn_matches_numpy(ours, theirs):
    kids, ref_kids = ours(99).spawn(3), theirs(99).spawn(3)
    for kid, ref_kid in zip(kids, ref_kids):
        assert kid.random_raw(5).tolist() == ref_kid.random_raw(5).tolist()


@pytest.mark.parametrize("ours,theirs", PAIRS, ids=PAIR_IDS)
@QUICK
@given(seed=seeds, sizes=st.lists(st.integers(0, 9), min_size=1, max_size=5))
def test_bulk_fills_equal_scalar_draws(ours, theirs, backend, seed, sizes):
    gen, ref = ours(seed, backend=backend), theirs(seed)
    for n in sizes:
        expected32 = [numpy_draw(ref, "next_uint32")[0] for _ in range(n)]
        assert gen.fill_uint32(np.empty(n, np.uint32)).tolist() == expected32
        expected = [numpy_draw(ref, "next_double")[0] for _ in range(n)]
        assert gen.fill_double(np.empty(n)).tolist() == expected
        assert same_state(gen.state, ref.state)
