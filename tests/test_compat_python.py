"""prng.compat.python.Random against CPython's random.Random.

vectors/python_random.json (CPython's values for int, negative, huge, str and bytes seeds) is replayed
by test_vectors.py; here:
1. Hypothesis: arbitrary seeds and arguments give CPython's values and getstate().
2. setstate round trips with CPython, and bad input fails as CPython's does.
"""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prng.compat.python import Random

SEEDS = st.one_of(st.integers(-2**300, 2**300), st.text(max_size=40), st.binary(max_size=40))


def run_all(rng, n, bits, low, width):
    """One of each method, with the given arguments; returns every result."""
    pop = list(range(n + 1))
    shuffled = list(pop)
    rng.shuffle(shuffled)
    return [rng.random(), rng.getrandbits(bits), rng.randrange(width), rng.randrange(low, low + width),
            rng.randrange(low, low - 3 * width, -3), rng.randint(low, low + width), shuffled,
            rng.sample(pop, n // 2), rng.sample(range(10 * n + 30), min(n, 40)), rng.choice(pop),
            rng.choices(pop, k=n), rng.choices(pop, weights=pop, k=3), rng.gauss(), rng.gauss(2.0, 3.0),
            rng.gauss(), rng.normalvariate(), rng.normalvariate(1.0, 0.5), rng.getstate()]


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, n=st.integers(1, 60), bits=st.integers(0, 300), low=st.integers(-2**80, 2**80),
       width=st.integers(1, 2**100))
def test_matches_cpython(seed, n, bits, low, width):
    assert run_all(Random(seed), n, bits, low, width) == run_all(random.Random(seed), n, bits, low, width)


def test_bytearray_and_float_seeds():
    for seed in [bytearray(b"abc"), 3.5, -0.0, 1.0, True]:
        assert Random(seed).getstate() == random.Random(seed).getstate()


def test_setstate_round_trip_with_cpython():
    ours, theirs = Random(5), random.Random(5)
    theirs.gauss()  # leaves a cached value
    ours.setstate(theirs.getstate())
    assert [ours.gauss() for _ in range(3)] == [theirs.gauss() for _ in range(3)]
    theirs.setstate(ours.getstate())
    assert ours.random() == theirs.random()
    ours.seed("again")
    theirs.seed("again")
    assert ours.getstate() == theirs.getstate()


@pytest.mark.parametrize("call, error, match", [
    (lambda r: r.getrandbits(-1), ValueError, "number of bits must be non-negative"),
    (lambda r: r.randrange(0), ValueError, "empty range"),
    (lambda r: r.randrange(5, 5), ValueError, "empty range"),
    (lambda r: r.randrange(0, 10, 0), ValueError, "zero step"),
    (lambda r: r.randrange(2.5), TypeError, "integer"),
    (lambda r: r.randint(3, 1), ValueError, "empty range"),
    (lambda r: r.choice([]), IndexError, "Cannot choose from an empty sequence"),
    (lambda r: r.sample({1, 2, 3}, 2), TypeError, "Population must be a sequence"),
    (lambda r: r.sample([1, 2], 3), ValueError, "Sample larger than population"),
    (lambda r: r.choices([1, 2], [1], k=2), ValueError, "number of weights"),
    (lambda r: r.choices([1, 2], [1, 1], cum_weights=[1, 2]), TypeError, "both weights and cumulative"),
    (lambda r: r.seed([1, 2]), TypeError, "The only supported seed types"),
    (lambda r: r.setstate((3, (0,) * 10, None)), ValueError, "invalid state"),
    (lambda r: r.setstate((1, (0,) * 625, None)), ValueError, "version"),
])
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call(Random(0))
