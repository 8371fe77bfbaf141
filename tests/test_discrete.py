"""numpy's discrete samplers (prng/distributions/discrete.py, legacy_discrete.py; their C and numba twins)
behind Generator's and RandomState's discrete methods.

1. Live against numpy 2.4.6: a sweep over branch-covering parameters (``PRNG_DISCRETE_N`` draws each,
   default 2000; the README's bitwise claims were measured with 10^6) and hypothesis over arbitrary
   seeds, bit generators and parameters: the same values, dtypes and shapes, and the same state after
   (RandomState: the cached normal and the binomial setup cache, seen through multinomial, too).
2. Every backend against the pure-Python reference, with parameters that make no draw mixed in (the
   C fills' draw-ahead must not run past them) and numpy's buffered uint32 half carried in.
3. Bad parameters raise numpy's error with numpy's message and draw nothing.
"""

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_continuous import GENERATORS, NUMPY_CLASSES, legacy_pair, legacy_state, make, pair, same, same_state, state_json

import prng
from conftest import assert_same
from prng.compat.numpy import RandomState

N = int(os.environ.get("PRNG_DISCRETE_N", "2000"))
THIRD = 0.333333333333333333333333

# (method, args) both Generator and RandomState have, at parameters on both sides of every branch switch
SHARED = [
    ("poisson", (0.0,)), ("poisson", (0.7,)), ("poisson", (9.999999999999998,)), ("poisson", (10.0,)),
    ("poisson", (1234.5,)), ("binomial", (0, 0.4)), ("binomial", (25, 0.0)), ("binomial", (25, 1.0)),
    ("binomial", (100, 0.3)), ("binomial", (101, 0.3)), ("binomial", (60, 0.5)), ("binomial", (61, 0.5)),
    ("binomial", (100, 0.7)), ("binomial", (100, 0.69)), ("binomial", (10**7, 0.25)),
    ("negative_binomial", (2.5, 0.3)), ("negative_binomial", (0.2, 0.9)), ("geometric", (1.0,)),
    ("geometric", (THIRD,)), ("geometric", (np.nextafter(THIRD, 0.0),)), ("geometric", (1e-6,)),
    ("logseries", (0.0,)), ("logseries", (0.4,)), ("logseries", (0.9999,)), ("zipf", (1.05,)), ("zipf", (2.0,)),
    ("zipf", (40.0,)), ("hypergeometric", (10, 10, 9)), ("hypergeometric", (10, 10, 10)),
    ("hypergeometric", (10, 10, 11)), ("hypergeometric", (5, 14, 10)), ("hypergeometric", (300, 200, 450)),
    ("hypergeometric", (10**6, 10**6, 5000)), ("hypergeometric", (4, 0, 2)),
]
GENERATOR_ONLY = [("zipf", (1025.0,)), ("zipf", (1e5,)), ("geometric", (5e-324,)), ("poisson", (1e15,)),
                  ("negative_binomial", (1.0, 1.0)), ("hypergeometric", (0, 10, 0))]


# ---- 1. live against numpy ---------------------------------------------------------------------

def multivariate_calls(target):
    return [target.multinomial(N, [0.1, 0.2, 0.3, 0.4], 50), target.multinomial([3, 40], [[0.5, 0.5]]),
            target.multivariate_hypergeometric([5, 50, 500], 300, 20),
            target.multivariate_hypergeometric([5, 50, 500], 30, 20, method="count")]


def cache_calls(target):
    """RandomState: binomial, then multinomial's binomials of the same (n, p), which reuse its setup (for
    huge n and tiny p the legacy and the Generator inversion's q**n differ enough to show), and back."""
    return [v for n, p in ((20, 0.3), (3 * 10**15, 1e-14)) for v in (
        target.binomial(n, p, 3), target.multinomial(n, [p, 1 - p], 30), target.multinomial(n - 7, [p, 1 - p]),
        target.binomial(n - 7, p, 30))]


@pytest.mark.parametrize("cls", NUMPY_CLASSES)
def test_generator_sweep_against_numpy(cls):
    """Every discrete Generator method at branch-covering parameters, N draws each, in one stream."""
    theirs, ours = pair(cls, 20261204)
    for method, args in SHARED + GENERATOR_ONLY:
        same(getattr(ours, method)(*args, N), getattr(theirs, method)(*args, N))
        same(getattr(ours, method)(*args), getattr(theirs, method)(*args))
    for got, expect in zip(multivariate_calls(ours), multivariate_calls(theirs)):
        same(got, expect)
    assert same_state(ours.bit_generator.state, theirs.bit_generator.state)


def test_randomstate_sweep_against_numpy():
    """Every discrete RandomState method (numpy's legacy samplers), the caches included."""
    theirs, ours = legacy_pair(20261204)
    theirs.standard_normal(1), ours.standard_normal(1)  # a cached normal for negative_binomial's gammas
    for method, args in SHARED:
        for size in (N + 1, None):
            same(getattr(ours, method)(*args, size), getattr(theirs, method)(*args, size))
            assert legacy_state(ours) == legacy_state(theirs), method
    for got, expect in zip(cache_calls(ours), cache_calls(theirs)):
        same(got, expect)
    assert legacy_state(ours) == legacy_state(theirs)


probability = st.one_of(st.floats(0.0, 1.0), st.sampled_from([0.0, 1.0, 0.5, THIRD, 1e-300, 1e-12]))
lam = st.one_of(st.floats(0.0, 1e4), st.sampled_from([0.0, 9.999999999999998, 10.0, 1e12]))
count = st.one_of(st.integers(0, 200), st.integers(0, 10**9))
sizes = st.one_of(st.none(), st.integers(0, 30), st.tuples(st.integers(1, 4), st.integers(1, 4)))


@st.composite
def calls(draw, legacy):
    """(method, args, kwargs, size) of one discrete call with arbitrary valid parameters."""
    methods = ["poisson", "binomial", "negative_binomial", "geometric", "logseries", "zipf", "hypergeometric",
               "multinomial"] + ([] if legacy else ["multivariate_hypergeometric"])
    method = draw(st.sampled_from(methods))
    positive_p = probability.filter(lambda p: p > 0)
    if method == "hypergeometric":
        good, bad = draw(st.integers(0, 10**4 if legacy else 10**8)), draw(st.integers(0, 10**4))
        sample = draw(st.integers(1 if legacy else 0, max(1, good + bad)).filter(lambda s: s <= good + bad))
        return method, (good, bad, sample), {}, draw(sizes)
    if method == "multinomial":
        weights = draw(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=5))
        pvals = (np.array(weights) / max(sum(weights), 1.0)).tolist()
        return method, (draw(count), pvals), {}, draw(sizes)
    if method == "multivariate_hypergeometric":
        colors = draw(st.lists(st.integers(0, 50), min_size=1, max_size=5))
        kwargs = {"method": draw(st.sampled_from(["count", "marginals"]))}
        return method, (colors, draw(st.integers(0, sum(colors)))), kwargs, draw(sizes)
    args = {
        "poisson": lambda: (draw(lam),), "binomial": lambda: (draw(count), draw(probability)),
        "negative_binomial": lambda: (draw(st.floats(1e-3, 1e3)), draw(st.floats(0.05, 1.0))),
        "geometric": lambda: (draw(positive_p),), "logseries": lambda: (draw(probability.filter(lambda p: p < 1)),),
        "zipf": lambda: (draw(st.floats(1.05, 2000.0 if not legacy else 1000.0)),),
    }[method]()
    if draw(st.booleans()):
        args = (np.array(args[0]) * np.ones(draw(st.integers(1, 3)), dtype=np.asarray(args[0]).dtype),) + args[1:]
    return method, args, {}, draw(sizes)


def _call(target, call):
    method, args, kwargs, size = call
    if size is not None and np.ndim(args[0]) and method not in ("multinomial", "multivariate_hypergeometric"):
        size = (size, np.shape(args[0])[0]) if isinstance(size, int) else None
    return getattr(target, method)(*args, size=size, **kwargs)


@settings(max_examples=40, deadline=None)
@given(cls=st.sampled_from(NUMPY_CLASSES), seed=st.integers(0, 2**64 - 1),
       call_list=st.lists(calls(legacy=False), min_size=1, max_size=4))
def test_generator_matches_numpy(cls, seed, call_list):
    theirs, ours = pair(cls, seed)
    for call in call_list:
        same(_call(ours, call), _call(theirs, call))
    assert same_state(ours.bit_generator.state, theirs.bit_generator.state)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), call_list=st.lists(calls(legacy=True), min_size=1, max_size=4))
def test_randomstate_matches_numpy(seed, call_list):
    theirs, ours = legacy_pair(seed)
    for call in call_list:
        same(_call(ours, call), _call(theirs, call))
    assert legacy_state(ours) == legacy_state(theirs)


# ---- 2. every backend against the reference ----------------------------------------------------

def backend_calls(n):
    """Fills with array parameters holding values that make no draw (poisson's 0, binomial's n = 0 and
    p = 0, zipf's a >= 1025) between ones that do, then scalar ones."""
    mixed = np.array([0.0, 0.5, 0.0, 25.0, 3.0] * n)[:n]
    sparse = np.array([0.0, 0.0, 0.0, 0.0, 0.5] * n)[:n]  # fewer draws in all than values
    counts = np.array([0, 10, 500, 0, 40] * n, dtype=np.int64)[:n]
    return [
        lambda g: g.poisson(mixed), lambda g: g.poisson(sparse), lambda g: g.poisson(0.0, n),
        lambda g: g.poisson(30.0, n), lambda g: g.binomial(counts, 0.4), lambda g: g.binomial(3, sparse),
        lambda g: g.binomial(np.where(sparse == 0, 0, 2), 0.5), lambda g: g.binomial(100, mixed / 25.0),
        lambda g: g.binomial(80, 0.6, n), lambda g: g.zipf(np.where(sparse == 0, 2000.0, 1.5)),
        lambda g: g.binomial(3, 0.2, n), lambda g: g.negative_binomial(1.5, 0.3, n),
        lambda g: g.geometric(np.where(mixed == 0, 0.9, mixed / 30.0)), lambda g: g.geometric(0.01, n),
        lambda g: g.logseries(mixed / 30.0), lambda g: g.zipf(np.where(mixed == 0, 2000.0, mixed + 1.1)),
        lambda g: g.zipf(1.5, n), lambda g: g.hypergeometric(counts, 30, 12), lambda g: g.hypergeometric(20, 30, 25, n),
        lambda g: g.multinomial(counts[:4] + 30, [0.2, 0.5, 0.3]),
        lambda g: g.multivariate_hypergeometric([4, 0, 9], 6, n // 4 + 1),
        lambda g: g.multivariate_hypergeometric([4, 0, 9], 10, n // 4 + 1, method="count"),
    ]


def legacy_calls(n):
    mixed = np.array([1.0, 0.5, 0.02, 25.0, 3.0] * n)[:n]
    return [
        lambda r: r.standard_normal(n % 3), lambda r: r.negative_binomial(mixed, 0.4),
        lambda r: r.binomial(np.array([0, 10, 500] * n, dtype=np.int64)[:n], 0.3), lambda r: r.binomial(7, 0.0, n),
        lambda r: r.multinomial(7, [0.3, 0.7], n // 4 + 1), lambda r: r.geometric(mixed / 25.0),
        lambda r: r.logseries(mixed / 30.0), lambda r: r.zipf(mixed + 1.1), lambda r: r.poisson(mixed),
        lambda r: r.hypergeometric(np.array([0, 5, 40] * n, dtype=np.int64)[:n], 30, 12),
        lambda r: r.hypergeometric(20, 30, 5, n),
    ]


@settings(max_examples=12, deadline=None)
@given(name=st.sampled_from(GENERATORS), seed=st.integers(0, 2**32 - 1), n=st.integers(0, 120),
       skew=st.booleans())
def test_every_backend_matches_the_reference(name, seed, n, skew):
    """C and numba against the pure-Python samplers: values, then the state after (Generator, then
    RandomState over the same bit generator, its caches included)."""
    runs = {}
    for backend in prng.available_backends():
        bitgen = make(name, seed, backend)
        if skew:
            bitgen.next_uint32()  # numpy's buffered half carried into the samplers
        g, r = prng.Generator(bitgen), RandomState(bitgen)
        values = [call(g) for call in backend_calls(n)] + [call(r) for call in legacy_calls(n)]
        runs[backend] = (values, state_json(bitgen), r.get_state(legacy=False)["gauss"], r._binomial.tolist())
    reference = runs.pop("python")
    for backend, (values, *after) in runs.items():
        for got, expect in zip(values, reference[0]):
            assert_same(got, expect)
        assert after == list(reference[1:]), backend


def test_backends_continue_each_others_stream():
    """One RandomState whose MT19937 moves from backend to backend between calls: numpy's stream, and
    its binomial cache (which multinomial reuses) carries over."""
    theirs, ours = legacy_pair(77)
    calls = [("binomial", (20, 0.3, 3)), ("multinomial", (20, [0.3, 0.7], 4)), ("poisson", (12.0, 5)),
             ("hypergeometric", (30, 40, 20, 3)), ("geometric", (0.1, 3)), ("negative_binomial", (2.0, 0.5, 3))]
    for backend in prng.available_backends() * 2:
        moved = prng.MT19937(0, backend=backend)
        moved.state = ours._bit_generator.state
        ours._bit_generator = moved
        for method, args in calls:
            same(getattr(ours, method)(*args), getattr(theirs, method)(*args))
    assert legacy_state(ours) == legacy_state(theirs)


# ---- 3. bad parameters: numpy's errors, nothing drawn -------------------------------------------

BAD_GENERATOR_CALLS = [
    ("poisson", (-1.0,)), ("poisson", (float("nan"),)), ("poisson", (1e19,)), ("poisson", ([1.0, -1.0],)),
    ("binomial", (10, 1.5)), ("binomial", (-1, 0.5)), ("binomial", ([10, -1], 0.5)), ("binomial", (10, [0.5, 2.0])),
    ("negative_binomial", (0.0, 0.5)), ("negative_binomial", (1.0, 0.0)), ("negative_binomial", (1e30, 1e-10)),
    ("negative_binomial", ([1.0, float("nan")], 0.5)), ("geometric", (0.0,)), ("geometric", (1.5,)),
    ("logseries", (1.0,)), ("logseries", (-0.1,)), ("zipf", (1.0,)), ("zipf", (float("nan"),)),
    ("hypergeometric", (5, 5, 11)), ("hypergeometric", (-1, 5, 1)), ("hypergeometric", (10**9, 5, 1)),
    ("hypergeometric", ([5, 5], 5, [11, 1])), ("multinomial", (10, [0.6, 0.6, 0.1])), ("multinomial", (-1, [0.5, 0.5])),
    ("multinomial", (10, [])), ("multinomial", (10, [[0.5, 0.5, 0.0], [0.5, 0.6, 0.0]])), ("multinomial", (10, [1.5, -0.5])),
    ("multinomial", ([1, 2], [0.5, 0.5], 3)), ("multivariate_hypergeometric", ([1, 2], 4)),
    ("multivariate_hypergeometric", ([1, -2], 1)), ("multivariate_hypergeometric", ([1, 2], -1)),
    ("multivariate_hypergeometric", ([1, 2], 1.5)), ("multivariate_hypergeometric", ([[1, 2]], 1)),
    ("multivariate_hypergeometric", ([10**9, 1], 1)),
]
BAD_RANDOMSTATE_CALLS = [
    ("poisson", (-1.0,)), ("binomial", (-1, 0.5)), ("binomial", (10, -0.5)), ("binomial", (2.0**64, 0.5)),
    ("negative_binomial", (0.0, 0.5)), ("negative_binomial", (1.0, 1.5)), ("geometric", (0.0,)), ("logseries", (1.0,)),
    ("zipf", (0.5,)), ("hypergeometric", (5, 5, 0)), ("hypergeometric", (5, 5, 11)), ("hypergeometric", (-1, 5, 1)),
    ("multinomial", (10, [0.6, 0.6, 0.1])), ("multinomial", (10, 0.5)), ("multinomial", (-1, [0.5, 0.5])),
]


def _error(target, method, args):
    with pytest.raises(Exception) as info:
        getattr(target, method)(*args)
    return type(info.value), str(info.value)


@pytest.mark.parametrize("method,args", BAD_GENERATOR_CALLS)
def test_generator_errors_are_numpys(method, args):
    theirs, ours = pair("PCG64", 1)
    assert _error(ours, method, args) == _error(theirs, method, args)
    assert same_state(ours.bit_generator.state, theirs.bit_generator.state)


@pytest.mark.parametrize("method,args", BAD_RANDOMSTATE_CALLS)
def test_randomstate_errors_are_numpys(method, args):
    theirs, ours = legacy_pair(1)
    assert _error(ours, method, args) == _error(theirs, method, args)
    assert legacy_state(ours) == legacy_state(theirs)


@pytest.mark.parametrize("n", [100.5, np.float64(7.9), True, "5", -1.5, 2**70, np.array(5.7)])
def test_legacy_multinomial_n_as_a_c_long(n):
    """RandomState.multinomial takes n as Cython's C long: floats truncate, strings and overflow raise."""
    ours, theirs = RandomState(1), np.random.RandomState(1)

    def outcome(rs):
        try:
            return rs.multinomial(n, [0.2, 0.8]).tolist()
        except Exception as error:  # noqa: BLE001 - the same exception is the expectation
            return type(error), str(error)

    assert outcome(ours) == outcome(theirs)
