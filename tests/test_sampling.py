"""The native distribution layer (prng._sampling, native/distributions, prng/numba/distributions).

1. Every backend's samplers give the pure-Python reference's values and leave the generator in its
   state, for every bit generator, arbitrary seeds and sizes (hypothesis), and switching backend
   mid-stream continues numpy's stream.
2. A bit generator shared between 8 threads hands out exactly the values (as a multiset) and ends in
   exactly the state of a sequential run, for raw draws and for samplers, on every backend.
3. Huge sizes fail at once, and ``integers`` needs no more memory than numpy's.
"""

import json
import threading
import time
import tracemalloc
import types

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import prng
from conftest import assert_same
from prng._sampling import sampling, samplers_of

GENERATORS = {
    "PCG64": lambda seed, backend: prng.PCG64(seed, backend=backend),
    "PCG64DXSM": lambda seed, backend: prng.PCG64DXSM(seed, backend=backend),
    "MT19937": lambda seed, backend: prng.MT19937(seed, backend=backend),
    "Philox": lambda seed, backend: prng.Philox(seed, backend=backend),
    "Philox4x32": lambda seed, backend: prng.Philox4x32(seed, backend=backend),
    "SFC64": lambda seed, backend: prng.SFC64(seed, backend=backend),
    "Threefry": lambda seed, backend: prng.Threefry(seed, backend=backend),
    "Threefry2x32": lambda seed, backend: prng.Threefry2x32(seed, backend=backend),
    # an odd Weyl constant with well-mixed bits, as the msws paper asks (a small one gives zeros)
    "MiddleSquareWeyl": lambda seed, backend: prng.MiddleSquareWeyl(0xB5AD4ECEDA1CE2A9 ^ (seed << 1), backend=backend),
    "ARC4": lambda seed, backend: prng.ARC4(str(seed), backend=backend),
}
# MidSquare is left out: its sequences soon fall into short cycles or 0, on which a rejection sampler
# (Lemire's method) can reject forever; its draws are checked by the vectors.


def state_json(bit_generator):
    return json.loads(prng.state_to_json(bit_generator.state))


def calls(n, rng):
    """Sampler calls of every kind the layer has, each a function of a prng or numpy Generator."""
    return [
        lambda g: g.random(n), lambda g: g.random(n, dtype=np.float32),
        lambda g: g.standard_normal(n), lambda g: g.standard_normal(n, dtype=np.float32),
        lambda g: g.standard_exponential(n), lambda g: g.standard_exponential(n, dtype=np.float32),
        lambda g: g.normal(1.5, 2.0, n), lambda g: g.uniform(-1.0, 3.0, n), lambda g: g.exponential(0.5, n),
        lambda g: g.integers(-5, rng, n), lambda g: g.integers(0, 2**40 + rng, n),
        lambda g: g.integers(0, rng, n, dtype=np.uint8), lambda g: g.integers(0, 1000, n, dtype=np.int16),
        lambda g: g.integers(0, 2, n, dtype=bool), lambda g: g.integers(0, 2**32, n, dtype=np.uint32),
        lambda g: g.permutation(n), lambda g: g.choice(n + 1, n // 2, replace=False),
        lambda g: g.choice(30000, n, replace=False),
    ]


@settings(max_examples=25, deadline=None)
@given(name=st.sampled_from(sorted(GENERATORS)), seed=st.integers(0, 2**32 - 1), n=st.integers(0, 300),
       rng=st.integers(1, 255), skew=st.booleans())
def test_every_backend_matches_the_reference(name, seed, n, rng, skew):
    """The C and numba samplers against the pure-Python ones, value for value and state after."""
    runs = {}
    for backend in prng.available_backends():
        bitgen = GENERATORS[name](seed, backend)
        if skew:
            bitgen.next_uint32()  # numpy's buffered half carried into the samplers
        g = prng.Generator(bitgen)
        runs[backend] = ([call(g) for call in calls(n, rng)], state_json(bitgen))
    reference = runs.pop("python")
    for backend, (values, state) in runs.items():
        for got, expect in zip(values, reference[0]):
            assert_same(got, expect)
        assert state == reference[1], backend


@settings(max_examples=15, deadline=None)
@given(name=st.sampled_from(["PCG64", "MT19937", "Philox", "PCG64DXSM"]), seed=st.integers(0, 2**64 - 1),
       n=st.integers(0, 200), rng=st.integers(1, 255))
def test_backends_switched_mid_stream_continue_numpy(name, seed, n, rng):
    """Each call on another backend (the state moved through ``state``) still gives numpy's values."""
    expected = np.random.Generator(getattr(np.random, name)(seed))
    bitgen = getattr(prng, name)(seed, backend="python")
    backends = prng.available_backends()
    for k, call in enumerate(calls(n, rng)):
        moved = getattr(prng, name)(0, backend=backends[k % len(backends)])
        moved.state = bitgen.state
        bitgen = moved
        assert_same(call(prng.Generator(bitgen)), call(expected))
    assert state_json(bitgen) == json.loads(prng.state_to_json(expected.bit_generator.state))


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_bulk_fills_at_chunk_edges_continue_the_stream(name, backend):
    """Fills that draw in bulk (the uniform fill through the generator's fill kernel, 512 doubles at a
    time in numba) give the reference's values and state for sizes around the chunk, with numpy's
    buffered uint32 half set before and used after, and a rejection-heavy range (half the 32-bit draws
    rejected); the stream then continues on another backend."""
    for n in (0, 1, 7, 511, 512, 513, 1025):
        runs = {}
        for b in (backend, "python"):
            bitgen = GENERATORS[name](n, b)
            first = bitgen.next_uint32()
            g = prng.Generator(bitgen)
            values = [g.random(n), g.integers(0, 2**31 + 1, n), g.integers(0, 2**31 + 1, n, dtype=np.uint32),
                      g.random(n, dtype=np.float32), bitgen.next_uint32(), g.random(n)]
            runs[b] = (first, values, state_json(bitgen))
        for got, expect in zip(runs[backend][1], runs["python"][1]):
            assert_same(got, expect)
        assert runs[backend][0] == runs["python"][0] and runs[backend][2] == runs["python"][2], (name, n)
    moved = GENERATORS[name](1, backend)
    prng.Generator(moved).random(600)
    switched = GENERATORS[name](0, "python")
    switched.state = moved.state
    reference = GENERATORS[name](1, "python")
    prng.Generator(reference).random(600)
    assert_same(prng.Generator(switched).random(5), prng.Generator(reference).random(5))


# ---- threads ---------------------------------------------------------------------------------

THREADS = 8


def run_threads(work):
    """``work()`` in THREADS threads started together; the list of their results."""
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS

    def target(k):
        barrier.wait()
        results[k] = work()

    threads = [threading.Thread(target=target, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


@pytest.mark.parametrize("name", sorted(GENERATORS))
def test_shared_bit_generator_hands_out_each_value_once(name, backend):
    """8 threads x ``random_raw`` on one generator: numpy's multiset of values and final state."""
    calls_per_thread, size = (20, 100) if backend == "python" else (200, 1000)
    shared = GENERATORS[name](7, backend)
    parts = run_threads(lambda: [shared.random_raw(size) for _ in range(calls_per_thread)])
    sequential = GENERATORS[name](7, backend)
    expected = sequential.random_raw(THREADS * calls_per_thread * size)
    got = np.concatenate([np.concatenate(p) for p in parts])
    assert_same(np.sort(got), np.sort(expected))
    assert state_json(shared) == state_json(sequential)
    assert isinstance(shared.lock, type(threading.Lock()))


@pytest.mark.parametrize("name", ["PCG64", "MT19937", "Philox", "ARC4"])
def test_shared_generator_samplers_are_atomic(name, backend):
    """8 threads drawing from one Generator: each call takes one contiguous piece of the stream, so
    the threads' calls, all alike, give a sequential run's values (as a multiset) and final state."""
    rounds, size = (3, 50) if backend == "python" else (30, 500)
    shared = prng.Generator(GENERATORS[name](3, backend))
    sequential = prng.Generator(GENERATORS[name](3, backend))
    for kind in [lambda g: g.standard_normal(size), lambda g: g.integers(0, 1000, size),
                 lambda g: g.random(size, dtype=np.float32), lambda g: g.permutation(size)]:
        parts = run_threads(lambda: [kind(shared) for _ in range(rounds)])
        got = np.sort(np.concatenate([np.concatenate(p) for p in parts]))
        expected = np.sort(np.concatenate([kind(sequential) for _ in range(THREADS * rounds)]))
        assert_same(got, expected)
        assert state_json(shared.bit_generator) == state_json(sequential.bit_generator)


# ---- resources ---------------------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda g: g.standard_normal(2**40), lambda g: g.integers(0, 10, 2**41), lambda g: g.random((2**30, 2**12)),
    lambda g: g.permutation(2**42), lambda g: g.normal(0.0, 1.0, 2**40),
])
def test_huge_sizes_fail_at_once(call, backend):
    g = prng.Generator(prng.PCG64(0, backend=backend))
    start = time.perf_counter()
    with pytest.raises(MemoryError):
        call(g)
    assert time.perf_counter() - start < 1.0


def peak_bytes(work):
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("dtype", [np.int64, np.int32, np.uint8, bool])
def test_integers_memory_at_most_twice_numpys(dtype, backend):
    """Native samplers fill the result in place (the pure-Python reference works on lists)."""
    if backend == "python":
        pytest.skip("the pure-Python reference is not held to numpy's memory")
    n = 10**6
    ours = prng.Generator(prng.PCG64(1, backend=backend))
    theirs = np.random.default_rng(1)
    ours.integers(0, 2, 10, dtype=dtype)  # imports the sampler module and loads its kernels first
    mine = peak_bytes(lambda: ours.integers(0, 2, n, dtype=dtype))
    numpys = peak_bytes(lambda: theirs.integers(0, 2, n, dtype=dtype))
    assert mine <= 2 * numpys


def test_samplers_have_one_interface():
    """The three sampler modules define the same sampler functions: every fill of one is in the others."""
    names = {backend: {n for n in dir(samplers_of(backend)) if n.startswith(("random_", "legacy_", "shuffle_",
                                                                           "choice_"))
                       and not isinstance(getattr(samplers_of(backend), n), types.ModuleType)}  # legacy_continuous.py
             for backend in prng.available_backends()}
    assert len({frozenset(v) for v in names.values()}) == 1, names


def test_foreign_bit_generators_use_the_reference():
    """A duck-typed bit generator (numpy's next_* methods) is drawn from by the pure-Python samplers."""
    inner = prng.PCG64(5)

    class Duck:
        next_uint64, next_uint32, next_double = inner.next_uint64, inner.next_uint32, inner.next_double

    with sampling(Duck()) as (samplers, bg):
        assert samplers is samplers_of("python")
    assert_same(prng.Generator(Duck()).standard_normal(20), np.random.default_rng(5).standard_normal(20))
