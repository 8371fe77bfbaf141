"""Bad input: an early, clear error naming the argument and range; a failed state assignment changes nothing."""

import math

import numpy as np
import pytest

import prng


@pytest.mark.parametrize("cls", [prng.PCG64, prng.PCG64DXSM, prng.MT19937, prng.Philox, prng.Philox4x32,
                                 prng.SFC64, prng.Threefry, prng.Threefry2x32])
@pytest.mark.parametrize(
    "seed,error,words",
    [
        (-1, ValueError, "non-negative"),
        ([1, -2], ValueError, "non-negative"),
        (1.5, TypeError, "integer"),
        (math.nan, TypeError, "integer"),
        ([1.0, 2.0], TypeError, "integer"),
        ("42", TypeError, "entropy"),
        ({"a": 1}, TypeError, "entropy"),
    ],
)
def test_seedsequence_seeds_rejected_like_numpy(cls, seed, error, words):
    with pytest.raises(error, match=words):
        cls(seed)
    numpy_cls = getattr(np.random, cls.__name__, None)
    if numpy_cls is not None:  # numpy rejects the same seeds
        with pytest.raises((TypeError, ValueError)):
            numpy_cls(seed)


def test_bool_seed_accepted_where_numpy_accepts_it():
    assert prng.PCG64(True).random_raw() == np.random.PCG64(True).random_raw()


@pytest.mark.parametrize(
    "call,error,words",
    [
        (lambda: prng.MT19937.from_genrand(2**32), ValueError, r"seed must be in \[0, 4294967295\]"),
        (lambda: prng.MT19937.from_genrand(-1), ValueError, "seed must be in"),
        (lambda: prng.MT19937.from_genrand(True), TypeError, "seed must be an integer"),
        (lambda: prng.MT19937.from_genrand(5.0), TypeError, "seed must be an integer"),
        (lambda: prng.MT19937.from_array([]), ValueError, "non-empty"),
        (lambda: prng.MT19937.from_array([2**32]), ValueError, r"words\[0\] must be in"),
        (lambda: prng.MT19937.from_array([[1, 2]]), ValueError, "1-dimensional"),
        (lambda: prng.MT19937.from_array("abc"), TypeError, "words must be a sequence"),
        (lambda: prng.MidSquare(1234, digits=3), ValueError, "digits must be even"),
        (lambda: prng.MidSquare(1, digits=0), ValueError, r"digits must be in \[2, 18\]"),
        (lambda: prng.MidSquare(10000, digits=4), ValueError, r"seed must be in \[0, 9999\]"),
        (lambda: prng.MidSquare(-5), ValueError, "seed must be in"),
        (lambda: prng.MiddleSquareWeyl(2), ValueError, "seed must be odd"),
        (lambda: prng.MiddleSquareWeyl(2**64 + 1), ValueError, r"seed must be in \[1, 2\*\*64-1\]"),
        (lambda: prng.ARC4(None), TypeError, "seed must not be None"),
        (lambda: prng.ARC4(object()), TypeError, "seed must be a string"),
        (lambda: prng.Philox(1, key=2), ValueError, "seed and key"),
        (lambda: prng.Philox(key=2**128), ValueError, r"key must be in \[0, 2\*\*128-1\]"),
        (lambda: prng.Philox(counter=[1, 2, 3]), ValueError, "counter must have 4 words"),
        (lambda: prng.Philox4x32(key=[1, 2**32]), ValueError, r"key\[1\] must be in \[0, 4294967295\]"),
        (lambda: prng.PCG64(1).random_raw(-1), ValueError, "size must be in"),
        (lambda: prng.PCG64(1).random_raw(2.0), TypeError, "size must be"),
        (lambda: prng.PCG64(1).random_raw(out=np.zeros(3, np.int64)), TypeError, "out must be"),
        (lambda: prng.PCG64(1).advance(1.0), TypeError, "delta must be an integer"),
        (lambda: prng.PCG64(1).jumped(-1), ValueError, "jumps must be in"),
        (lambda: prng.MidSquare(12345678, digits=10).next_uint32(), ValueError, "digits <= 8"),
        (lambda: prng.SeedSequence(1, pool_size=3), ValueError, "pool_size must be in"),
        (lambda: prng.SeedSequence(1).generate_state(2, np.int32), ValueError, "dtype must be"),
        (lambda: prng.PCG64(1, backend="gpu"), ValueError, "backend must be one of"),
        (lambda: prng.state_from_json("{"), ValueError, "not valid JSON"),
        (lambda: prng.state_to_json({"bit_generator": "Xoshiro256"}), ValueError, "bit_generator"),
    ],
)
def test_bad_arguments(call, error, words):
    with pytest.raises(error, match=words):
        call()


def _bad_states(gen):
    """Ways to break a good state dict of ``gen``: each must be refused with nothing changed."""
    good = {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in gen.state.items()}
    good["state"] = {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in good["state"].items()}
    name = good["bit_generator"]
    inner = good["state"]
    first_key = next(iter(inner))
    yield "not a dict", ["PCG64"], TypeError
    yield "wrong name", {**good, "bit_generator": "Nope"}, ValueError
    yield "missing inner", {k: v for k, v in good.items() if k != "state"}, ValueError
    yield "missing field", {**good, "state": {k: v for k, v in inner.items() if k != first_key}}, ValueError
    for key, value in inner.items():
        if isinstance(value, list):
            yield f"short {key}", {**good, "state": {**inner, key: value[:-1]}}, ValueError
            yield f"word out of range in {key}", {**good, "state": {**inner, key: [2**64] + value[1:]}}, ValueError
        else:
            yield f"{key} out of range", {**good, "state": {**inner, key: 2**200}}, ValueError
            yield f"{key} negative", {**good, "state": {**inner, key: -1}}, ValueError
            yield f"{key} float", {**good, "state": {**inner, key: 1.5}}, TypeError
    if "has_uint32" in good:
        yield "has_uint32 = 2", {**good, "has_uint32": 2}, ValueError
    if name in ("Philox", "Philox4x32", "Threefry", "Threefry2x32"):
        yield "buffer_pos = 5", {**good, "buffer_pos": 5}, ValueError


GENERATORS = [
    lambda: prng.PCG64(7),
    lambda: prng.PCG64DXSM(7),
    lambda: prng.MT19937(7),
    lambda: prng.Philox(7),
    lambda: prng.Philox4x32(7),
    lambda: prng.SFC64(7),
    lambda: prng.Threefry(7),
    lambda: prng.Threefry2x32(7),
    lambda: prng.MidSquare(1234),
    lambda: prng.MiddleSquareWeyl(0xB5AD4ECEDA1CE2A9),
    lambda: prng.ARC4("seed"),
]


@pytest.mark.parametrize("make", GENERATORS, ids=lambda m: type(m()).__name__)
def test_failed_state_assignment_changes_nothing(make):
    gen = make()
    gen.next_uint32() if not isinstance(gen, prng.MidSquare) else gen.next()
    for label, bad, error in _bad_states(gen):
        before = prng.state_to_json(gen.state)
        with pytest.raises(error):
            gen.state = bad
        assert prng.state_to_json(gen.state) == before, label
    twin = make()
    twin.state = gen.state
    assert twin.random_raw(5).tolist() == gen.random_raw(5).tolist()


def test_arc4_state_must_be_a_permutation():
    gen = prng.ARC4("x")
    state = gen.state
    state["state"]["S"] = np.zeros(256, dtype=np.uint8)
    with pytest.raises(ValueError, match="permutation"):
        gen.state = state
