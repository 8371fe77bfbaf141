"""prng.compat.python.Random against CPython's random.Random.

1. Replays vectors/python_random.json (CPython's values for int, negative, huge, str and bytes seeds).
2. Hypothesis: arbitrary seeds and arguments give CPython's values and getstate().
3. setstate round trips with CPython, and bad input fails as CPython's does.
"""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import load_vectors
from prng.compat.python import Random
from test_generator import decode, encode

PYTHON_CASES = load_vectors("python_random")["cases"]


def make_seed(spec):
    (kind, value), = spec.items()
    return {"int": int, "str": str, "bytes": bytes.fromhex}[kind](value)


def encode_value(v):
    """A Random method's result in the vectors' encoding (lists element by element)."""
    return [encode_value(x) for x in v] if isinstance(v, list) else encode(v)


@pytest.mark.parametrize("case", PYTHON_CASES, ids=[c["name"] for c in PYTHON_CASES])
def test_python_random_vectors(case):
    rng = Random(make_seed(case["make"]["seed"]))
    for i, call in enumerate(case["calls"]):
        args, kwargs = decode(call["args"]), {k: decode(v) for k, v in call["kwargs"].items()}
        if call["method"] == "shuffle":
            x = list(args[0])
            rng.shuffle(x)
            got = [x]
        else:
            got = [getattr(rng, call["method"])(*args, **kwargs) for _ in call["expect"]]
        assert [encode_value(g) for g in got] == call["expect"], f"{case['name']}: call {i} {call['method']}"
    version, internal, gauss_next = rng.getstate()
    state = case["state"]
    assert (version, list(internal[:-1]), internal[-1]) == (state["version"], state["key"], state["pos"])
    assert (None if gauss_next is None else gauss_next.hex()) == state["gauss_next"]


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
