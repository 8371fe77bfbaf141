"""prng.compat.python.Random against CPython's random.Random, live.

vectors/python_random.json (CPython's values) is replayed by test_vectors.py, and CPython's own
test_random.py runs against the class in test_cpython_random_suite.py; here:
1. Hypothesis: arbitrary seeds (every accepted type, both versions), arguments and interleavings of
   every method give CPython's values, and getstate() agrees after every call.
2. 10**5 random seeds of each type give CPython's first draws (the differential test).
3. State interchange with CPython at every block position, pickling, copying, threads.
4. Bad input raises what CPython raises, with CPython's message.
"""

import copy
import math
import pickle
import random
import threading
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prng.compat.python import Random

SEEDS = st.one_of(st.integers(-2**300, 2**300), st.text(max_size=40), st.binary(max_size=40),
                  st.floats(allow_nan=False), st.booleans())
FLOAT = st.floats(-1e6, 1e6, allow_nan=False)
POSITIVE = st.floats(1e-3, 1e3)


def _outcome(call):
    """``call()``'s value, or the type and message of what it raises (compared like values)."""
    try:
        return call()
    except (ArithmeticError, ValueError) as error:
        return type(error), str(error)


def run_all(rng, n, bits, low, width, a, b, alpha, beta):
    """One of each method, with the given arguments; returns every result (or error)."""
    pop = list(range(n + 1))
    shuffled = list(pop)
    rng.shuffle(shuffled)
    calls = [
        rng.random, lambda: rng.getrandbits(bits), lambda: rng.randrange(width),
        lambda: rng.randrange(low, low + width), lambda: rng.randrange(low, low - 3 * width, -3),
        lambda: rng.randint(low, low + width), lambda: rng.sample(pop, n // 2),
        lambda: rng.sample(range(10 * n + 30), min(n, 40)), lambda: rng.choice(pop),
        lambda: rng.sample(pop, 3, counts=[2] * len(pop)), lambda: rng.choices(pop, k=n),
        lambda: rng.choices(pop, weights=pop, k=3), lambda: rng.choices(pop, cum_weights=range(1, n + 2), k=2),
        rng.gauss, lambda: rng.gauss(2.0, 3.0), rng.gauss, rng.normalvariate, lambda: rng.normalvariate(1.0, 0.5),
        lambda: rng.uniform(a, b), lambda: rng.triangular(a, b), lambda: rng.triangular(a, b, (a + b) / 3),
        lambda: rng.randbytes(n), lambda: rng.gammavariate(alpha, beta), lambda: rng.gammavariate(1.0, beta),
        lambda: rng.gammavariate(alpha + 1.0, beta), lambda: rng.betavariate(alpha, beta),
        lambda: rng.expovariate(alpha), lambda: rng.vonmisesvariate(a, alpha), lambda: rng.paretovariate(alpha),
        lambda: rng.weibullvariate(alpha, beta), lambda: rng.lognormvariate(a / 1e6, beta), rng.getstate,
    ]
    return [shuffled] + [_outcome(call) for call in calls]


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, version=st.sampled_from([1, 2]), n=st.integers(1, 60), bits=st.integers(0, 300),
       low=st.integers(-2**80, 2**80), width=st.integers(1, 2**100), a=FLOAT, b=FLOAT, alpha=POSITIVE,
       beta=POSITIVE)
def test_every_method_matches_cpython(seed, version, n, bits, low, width, a, b, alpha, beta):
    ours, theirs = Random(), random.Random()
    ours.seed(seed, version=version)
    theirs.seed(seed, version=version)
    args = (n, bits, low, width, a, b, alpha, beta)
    assert run_all(ours, *args) == run_all(theirs, *args)


# each op draws a different number of words: 2 per double, 1 per getrandbits(<= 32), ...
OPS = [lambda r: r.random(), lambda r: r.getrandbits(7), lambda r: r.getrandbits(32), lambda r: r.getrandbits(45),
       lambda r: r.getrandbits(1000), lambda r: r.randbytes(13), lambda r: r.getstate(), lambda r: r.gauss(),
       lambda r: r.randrange(10**6)]


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**64), start=st.integers(0, 624),
       program=st.lists(st.tuples(st.integers(0, len(OPS) - 1), st.integers(1, 400)), max_size=12))
def test_interleaved_draws_and_state_match_cpython(seed, start, program):
    """Runs of each kind of draw across the 624-word blocks, from every starting position."""
    theirs = random.Random(seed)
    theirs.setstate((3, theirs.getstate()[1][:-1] + (start,), None))
    ours = Random(0)
    ours.setstate(theirs.getstate())
    for op, repeat in program:
        for _ in range(repeat):
            assert OPS[op](ours) == OPS[op](theirs)
    assert ours.getstate() == theirs.getstate()


SEED_MAKERS = {
    "int": lambda r: r.getrandbits(31) - 2**30, "bigint": lambda r: r.getrandbits(200) - 2**199,
    "float": lambda r: r.uniform(-1e18, 1e18) * r.random() ** 40, "bool": lambda r: r.random() < 0.5,
    "str": lambda r: "".join(map(chr, r.choices(range(1, 0x3000), k=r.randrange(12)))),
    "bytes": lambda r: r.randbytes(r.randrange(20)), "bytearray": lambda r: bytearray(r.randbytes(r.randrange(20))),
}


@pytest.mark.parametrize("then", [lambda r: r.getstate(), lambda r: r.getrandbits(32), lambda r: r.randbytes(700),
                                  lambda r: [r.random() for _ in range(3000)], lambda r: r.setstate(r.getstate())])
def test_runs_of_doubles_stop_exactly_anywhere(then):
    """After a whole block of random() alone, doubles come in runs of several blocks: any other call
    at any point of a run (every block edge, both parities) sees CPython's exact state."""
    for drawn in [0, 1, 2, 311, 312, 313, 623, 624, 625, 1247, 1248, 2183, 2184, 2185, 2495, 2496, 2497, 5000]:
        ours, theirs = Random(drawn), random.Random(drawn)
        for _ in range(313 + drawn):  # one block read by random() alone, then into the run
            assert ours.random() == theirs.random()
        assert then(ours) == then(theirs)
        assert ours.getstate() == theirs.getstate()
        assert [ours.random(), ours.getrandbits(7), ours.random()] == [theirs.random(), theirs.getrandbits(7),
                                                                       theirs.random()]


@pytest.mark.parametrize("kind", sorted(SEED_MAKERS))
def test_1e5_random_seeds_match_cpython(kind):
    """The differential test: 10**5 random seeds of one type, the first double of each (and every
    100th seed's first 700 doubles and 40 words, across a block)."""
    chooser, ours, theirs = random.Random(kind), Random(), random.Random()
    for index in range(10**5):
        seed = SEED_MAKERS[kind](chooser)
        ours.seed(seed)
        theirs.seed(seed)
        assert ours.random() == theirs.random(), seed
        if index % 100 == 0:
            assert [ours.random() for _ in range(700)] == [theirs.random() for _ in range(700)], seed
            assert [ours.getrandbits(32) for _ in range(40)] == [theirs.getrandbits(32) for _ in range(40)], seed


def test_float_seeds_are_hashed():
    """CPython seeds a float by hash(): -1.0 is not -1, 2.0**61 is not 2**61, 3.0 is 3."""
    assert Random(-1.0).random() == random.Random(-1.0).random() != random.Random(-1).random()
    assert Random(2.0**61).random() == random.Random(2.0**61).random() != random.Random(2**61).random()
    assert Random(3.0).random() == Random(3).random()
    for seed in [bytearray(b"abc"), math.inf, -math.inf, -0.0, True, False]:
        assert Random(seed).getstate() == random.Random(seed).getstate()


def test_version_1_and_other_versions():
    for seed in ["nofar", b"rachel", "", 12345, 3.5]:
        for version in (1, 2, 3):
            ours, theirs = Random(), random.Random()
            ours.seed(seed, version=version)
            theirs.seed(seed, version=version)  # version 3 of a str: hash(str), the same in one process
            assert ours.getstate() == theirs.getstate()


def test_setstate_interchange_with_cpython_at_every_position():
    theirs = random.Random(5)
    theirs.gauss()  # leaves a cached value
    key = theirs.getstate()[1][:-1]
    for pos in range(625):
        state = (3, key + (pos,), theirs.gauss_next)
        ours, again = Random(0), random.Random()
        ours.setstate(state)
        again.setstate(state)
        assert [ours.gauss(), ours.random(), ours.getrandbits(33)] == [again.gauss(), again.random(),
                                                                        again.getrandbits(33)]
        again.setstate(ours.getstate())
        assert ours.getstate() == again.getstate() and ours.random() == again.random()


def test_pickle_and_copy_continue_the_stream():
    rng = Random("pickle")
    rng.gauss()
    for clone in [pickle.loads(pickle.dumps(rng, protocol)) for protocol in range(pickle.HIGHEST_PROTOCOL + 1)] + \
            [copy.copy(rng), copy.deepcopy(rng)]:
        assert type(clone) is Random and clone.getstate() == rng.getstate()
        assert [clone.gauss(), clone.random()] == [copy.copy(rng).gauss(), copy.copy(rng).random()]


def test_subclass_rule_as_cpython():
    """A subclass overriding only random() gets integers from random() (CPython's __init_subclass__)."""
    class OwnRandom(Random):
        def random(self):
            return 0.5

    class OwnBits(OwnRandom):
        def getrandbits(self, k):
            return 0

    class TheirRandom(random.Random):
        def random(self):
            return 0.5

    assert [OwnRandom(1).randrange(10), OwnRandom(1).choice("abc")] == [TheirRandom(1).randrange(10),
                                                                         TheirRandom(1).choice("abc")]
    assert OwnBits(1).randrange(10) == 0
    calls = []
    OwnRandom.random = lambda self: calls.append(1) or 0.25
    OwnRandom(1).sample(range(10), 5)  # a small population: one randbelow per item
    assert len(calls) == 5


def _shared_by_8_threads(seed, draw, per_thread=20000):
    """Every value 8 threads draw from one generator, sorted, and the generator."""
    shared = Random(seed)
    results = [[] for _ in range(8)]
    threads = [threading.Thread(target=lambda out=out: out.extend(draw(shared) for _ in range(per_thread)))
               for out in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(x for out in results for x in out), shared


@pytest.mark.parametrize("draw", [lambda r: r.random(), lambda r: r.getrandbits(32)])
def test_one_generator_shared_by_8_threads_loses_and_repeats_nothing(draw):
    """The multiset of values 8 threads draw equals the sequential draws, and so does the final state."""
    drawn, shared = _shared_by_8_threads(11, draw)
    sequential = Random(11)
    assert drawn == sorted(draw(sequential) for _ in range(len(drawn)))
    assert shared.getstate() == sequential.getstate()


def test_8_threads_mixing_doubles_and_words_keep_the_state_exact():
    """random() and getrandbits() interleaved by 8 threads: as many words consumed as drawn."""
    drawn, shared = _shared_by_8_threads(12, lambda r: r.random() if threading.get_ident() % 3 else r.getrandbits(5),
                                         per_thread=5000)
    words = sum(2 if isinstance(x, float) else 1 for x in drawn)
    sequential = Random(12)
    sequential.getrandbits(32 * words)
    assert shared.getstate() == sequential.getstate()


def _raised(call):
    """(type, message) of what ``call()`` raises, warnings as errors turned off."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            call()
        except Exception as error:  # noqa: BLE001 - any exception is compared
            return type(error), str(error)
    return None


@pytest.mark.parametrize("call", [
    lambda r: r.getrandbits(-1), lambda r: r.getrandbits(2.5), lambda r: r.randrange(0), lambda r: r.randrange(5, 5),
    lambda r: r.randrange(0, 10, 0), lambda r: r.randrange(2.5), lambda r: r.randrange(10, 2.5),
    lambda r: r.randrange(10, step=2), lambda r: r.randrange(0, 10, 1.5), lambda r: r.randint(3, 1),
    lambda r: r.choice([]), lambda r: r.sample({1, 2, 3}, 2), lambda r: r.sample([1, 2], 3),
    lambda r: r.sample([1, 2], -1), lambda r: r.sample([1, 2], 1, counts=[1]), lambda r: r.sample([1, 2], 1, counts=[0, 0]),
    lambda r: r.sample([1, 2], 1, counts=[1.0, 2.0]), lambda r: r.choices([1, 2], [1], k=2),
    lambda r: r.choices([1, 2], [1, 1], cum_weights=[1, 2]), lambda r: r.choices([1, 2], 10),
    lambda r: r.choices([1, 2], [0, 0]), lambda r: r.choices([1, 2], [1, math.inf]), lambda r: r.choices([], k=1),
    lambda r: r.choices([1], k=2.5), lambda r: r.seed([1, 2]), lambda r: r.seed(bytearray(b"x"), version=1),
    lambda r: r.setstate((3, (0,) * 10, None)), lambda r: r.setstate((1, (0,) * 625, None)),
    lambda r: r.setstate((3, [0] * 625, None)), lambda r: r.setstate((3, (0,) * 624 + (625,), None)),
    lambda r: r.setstate((3, (-1,) + (0,) * 624, None)),
    lambda r: r.setstate((3, (2**64,) + (0,) * 624, None)), lambda r: r.setstate((2, ("a",) * 625, None)),
    lambda r: r.setstate((2, None, None)), lambda r: r.gammavariate(0.0, 1.0), lambda r: r.randbytes(-1),
    lambda r: r.randbytes(1.0), lambda r: r.triangular(1.0, 1.0, 1.0), lambda r: r.lognormvariate(1000.0, 0.0),
    lambda r: r.expovariate(0.0), lambda r: r.paretovariate(0.0), lambda r: r.weibullvariate(1.0, -0.0),
    lambda r: r.vonmisesvariate(0.0, -1.0), lambda r: r.vonmisesvariate(math.inf, 1.0),
])
def test_bad_input_fails_as_cpython(call):
    """The same exception type and message as CPython's, and the same state afterwards."""
    ours, theirs = Random(0), random.Random(0)
    assert _raised(lambda: call(ours)) == _raised(lambda: call(theirs))
    assert ours.getstate() == theirs.getstate()


def test_randrange_deprecations_as_cpython():
    with pytest.warns(DeprecationWarning):
        assert Random(1).randrange(10.0) == random.Random(1).randrange(10)
    with pytest.warns(DeprecationWarning), pytest.raises(ValueError, match="non-integer arg 1"):
        Random(1).randrange(2.5)
