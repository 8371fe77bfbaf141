"""numpy's continuous samplers (prng/distributions/continuous.py, legacy_continuous.py; their C and numba
twins) behind Generator's and RandomState's continuous methods.

1. Live against numpy 2.4.6 (hypothesis: arbitrary seeds, bit generators and parameters, including
   the branch switches): the same values, dtypes and shapes, and the same state afterwards (for
   RandomState the cached normal too). ``PRNG_CONTINUOUS_N`` (default 2000) sets the draws per method
   of the fixed-parameter sweep; the README's bitwise claims were measured with 10^6.
2. Every backend against the pure-Python reference, with parameters that make no draw mixed in (the
   C fills' draw-ahead must not run past them) and numpy's buffered uint32 half carried in.
3. Bad parameters raise numpy's error and leave the stream where numpy's does.
"""

import json
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import prng
from conftest import assert_same
from prng.compat.numpy import RandomState, legacy_seeded

NAN = float("nan")
N = int(os.environ.get("PRNG_CONTINUOUS_N", "2000"))

# (method, args) of the continuous methods both Generator and RandomState have, at parameters that
# reach every branch of their samplers
SHARED = [
    ("standard_gamma", (0.5,)), ("standard_gamma", (1.0,)), ("standard_gamma", (2.5,)), ("standard_gamma", (0.0,)),
    ("gamma", (0.3, 2.0)), ("gamma", (7.0, 0.5)), ("beta", (0.3, 0.6)), ("beta", (1e-4, 2e-4)),
    ("beta", (1e-200, 1e-200)), ("beta", (2.0, 0.5)), ("chisquare", (0.7,)), ("chisquare", (12.0,)),
    ("f", (3.0, 0.5)), ("standard_cauchy", ()), ("standard_t", (0.4,)), ("standard_t", (9.0,)),
    ("vonmises", (3.0, 1e-9)), ("vonmises", (-3.0, 1e-6)), ("vonmises", (2.0, 0.8)), ("vonmises", (3.0, 1e7)),
    ("vonmises", (0.0, NAN)), ("pareto", (0.7,)), ("weibull", (0.0,)), ("weibull", (3.0,)), ("power", (0.4,)),
    ("laplace", (1.0, 2.0)), ("gumbel", (-1.0, 0.5)), ("logistic", (2.0, 3.0)), ("lognormal", (0.2, 1.5)),
    ("rayleigh", (1.5,)), ("wald", (0.5, 2.0)), ("wald", (1e4, 1e-3)), ("triangular", (-1.0, 0.0, 4.0)),
    ("exponential", (2.0,)), ("exponential", (NAN,)), ("normal", (1.0, 2.0)), ("uniform", (-1.0, 4.0)),
    ("standard_exponential", ()), ("noncentral_chisquare", (3.0, 2.0)), ("noncentral_chisquare", (0.5, 2.0)),
    ("noncentral_chisquare", (0.5, 40.0)), ("noncentral_chisquare", (2.0, 0.0)), ("noncentral_chisquare", (0.5, NAN)),
    ("noncentral_f", (3.0, 5.0, 1.5)), ("noncentral_f", (0.5, 5.0, 30.0)),
]
GENERATOR_ONLY = [
    ("standard_gamma", (0.4,), {"dtype": np.float32}), ("standard_gamma", (3.0,), {"dtype": np.float32}),
    ("standard_gamma", (1.0,), {"dtype": np.float32}), ("standard_exponential", (), {"method": "inv"}),
    ("standard_exponential", (), {"method": "inv", "dtype": np.float32}),
]
NUMPY_CLASSES = ["PCG64", "MT19937", "Philox", "SFC64"]


def same(got, expect):
    """Equal values (nan equal to nan), dtype and shape, or equal Python scalars."""
    if isinstance(expect, np.ndarray):
        assert isinstance(got, np.ndarray) and got.dtype == expect.dtype and got.shape == expect.shape
        assert np.array_equal(got, expect, equal_nan=True), np.flatnonzero(~((got == expect) | np.isnan(expect)))[:5]
    else:
        assert type(got) is type(expect)
        assert got == expect or (np.isnan(got) and np.isnan(expect))


def pair(cls, seed):
    """(numpy Generator, prng Generator) over the same bit generator class and seed."""
    return np.random.Generator(getattr(np.random, cls)(seed)), prng.Generator(getattr(prng, cls)(seed))


def same_state(a, b):
    """Equal numpy-format state dicts (arrays compared element-wise)."""
    return json.loads(prng.state_to_json(a)) == json.loads(prng.state_to_json(b))


def legacy_pair(seed):
    return np.random.RandomState(seed), RandomState(seed)


def legacy_state(rs):
    _, key, pos, has_gauss, gauss = rs.get_state()
    return key.tolist(), int(pos), int(has_gauss), float(gauss)


# ---- 1. live against numpy ---------------------------------------------------------------------

@pytest.mark.parametrize("cls", NUMPY_CLASSES)
def test_generator_sweep_against_numpy(cls):
    """Every continuous Generator method at branch-covering parameters, N draws each, in one stream."""
    theirs, ours = pair(cls, 20260101)
    for method, args in SHARED:
        same(getattr(ours, method)(*args, N), getattr(theirs, method)(*args, N))
        same(getattr(ours, method)(*args), getattr(theirs, method)(*args))
    for method, args, kwargs in GENERATOR_ONLY:
        same(getattr(ours, method)(*args, N, **kwargs), getattr(theirs, method)(*args, N, **kwargs))
    assert same_state(ours.bit_generator.state, theirs.bit_generator.state)


def test_randomstate_sweep_against_numpy():
    """Every continuous RandomState method (numpy's legacy samplers), the cached normal included."""
    theirs, ours = legacy_pair(20260101)
    for method, args in SHARED:
        for size in (N + 1, None):
            same(getattr(ours, method)(*args, size), getattr(theirs, method)(*args, size))
            assert legacy_state(ours) == legacy_state(theirs), method


positive = st.one_of(st.floats(1e-6, 1e6), st.sampled_from([1e-300, 1e-10, 0.1, 0.5, 1.0, 1e8]))
non_negative = st.one_of(st.just(0.0), positive)
real = st.floats(-1e6, 1e6)
sizes = st.one_of(st.none(), st.integers(0, 30), st.tuples(st.integers(1, 4), st.integers(1, 4)))


@st.composite
def calls(draw, legacy):
    """(method, args, kwargs) of one continuous call with arbitrary valid parameters."""
    method = draw(st.sampled_from(["standard_gamma", "gamma", "beta", "chisquare", "f", "standard_cauchy",
                                   "standard_t", "vonmises", "pareto", "weibull", "power", "laplace", "gumbel",
                                   "logistic", "lognormal", "rayleigh", "wald", "triangular", "dirichlet",
                                   "exponential", "normal", "uniform", "standard_exponential",
                                   "noncentral_chisquare", "noncentral_f"]))
    kwargs = {}
    args = {
        "standard_gamma": lambda: (draw(non_negative),), "gamma": lambda: (draw(non_negative), draw(non_negative)),
        "beta": lambda: (draw(positive), draw(positive)), "chisquare": lambda: (draw(positive),),
        "f": lambda: (draw(positive), draw(positive)), "standard_cauchy": tuple,
        "standard_t": lambda: (draw(positive),), "vonmises": lambda: (draw(real), draw(non_negative)),
        "pareto": lambda: (draw(positive),), "weibull": lambda: (draw(non_negative),),
        "power": lambda: (draw(positive),), "laplace": lambda: (draw(real), draw(non_negative)),
        "gumbel": lambda: (draw(real), draw(non_negative)), "logistic": lambda: (draw(real), draw(non_negative)),
        "lognormal": lambda: (draw(st.floats(-5, 5)), draw(st.floats(0, 5))), "rayleigh": lambda: (draw(non_negative),),
        "wald": lambda: (draw(positive), draw(positive)), "exponential": lambda: (draw(non_negative),),
        "normal": lambda: (draw(real), draw(non_negative)), "uniform": lambda: (draw(real), draw(real)),
        "standard_exponential": tuple, "noncentral_chisquare": lambda: (draw(positive), draw(non_negative)),
        "noncentral_f": lambda: (draw(positive), draw(positive), draw(non_negative)),
        "triangular": lambda: tuple(sorted([draw(real), draw(real), draw(real) + 1.0])),
        "dirichlet": lambda: (draw(st.lists(positive if legacy else non_negative, min_size=1, max_size=4)),),
    }[method]()
    if method in ("uniform",) and not legacy:
        args = tuple(sorted(args))
    if not legacy and method == "standard_gamma" and draw(st.booleans()):
        kwargs["dtype"] = np.float32
    if not legacy and method == "standard_exponential" and draw(st.booleans()):
        kwargs = {"method": "inv", "dtype": draw(st.sampled_from([np.float64, np.float32]))}
    if draw(st.booleans()) and method not in ("dirichlet", "standard_cauchy", "standard_exponential"):
        args = (np.array(args[0]) * np.ones(draw(st.integers(1, 3))),) + args[1:]  # an array parameter
    return method, args, kwargs, draw(sizes)


def _call(target, call):
    method, args, kwargs, size = call
    if size is not None and np.ndim(args[0] if args else 0) and method != "dirichlet":
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


def float32_out_and_broadcast_calls(target):
    return [target.standard_gamma([[0.5], [2.0]], out=np.empty((2, 3))),
            target.standard_gamma(np.float32(0.7), dtype=np.float32, out=np.empty((3, 2), np.float32)),
            target.standard_gamma([0.0, 1.0, 4.0], size=(2, 3), dtype=np.float32),
            target.standard_exponential(4, np.float32, "inv", np.empty(4, np.float32)),
            target.triangular([0.0, 0.2], [[0.5], [1.0]], 2.0), target.dirichlet([0.3, 4.0], (2, 2)),
            target.multivariate_normal([0.0, 1.0], [[1.0, 0.2], [0.2, 2.0]], 3, method="cholesky"),
            target.multivariate_normal([0.0, 1.0], [[1.0, 0.2], [0.2, 2.0]], 3),
            target.multivariate_normal([0.0, 1.0], [[1.0, 0.2], [0.2, 2.0]], 3, method="eigh")]


def test_float32_out_and_broadcasting_against_numpy():
    theirs, ours = pair("PCG64", 5)
    for got, expect in zip(float32_out_and_broadcast_calls(ours), float32_out_and_broadcast_calls(theirs)):
        same(got, expect)
    legacy_theirs, legacy_ours = legacy_pair(3)
    same(legacy_ours.multivariate_normal([0.0, 1.0], [[1.0, 0.2], [0.2, 2.0]], (2, 2)),
         legacy_theirs.multivariate_normal([0.0, 1.0], [[1.0, 0.2], [0.2, 2.0]], (2, 2)))


# ---- 2. every backend against the reference ----------------------------------------------------

GENERATORS = ["PCG64", "MT19937", "SFC64", "Philox4x32", "ARC4"]


def make(name, seed, backend):
    if name == "ARC4":
        return prng.ARC4(str(seed), backend=backend)
    return getattr(prng, name)(seed, backend=backend)


def backend_calls(n):
    """Fills with array parameters holding values that make no draw (gamma's 0, weibull's 0, vonmises'
    nan kappa, chisquare's 5e-324) between ones that do, then scalar ones."""
    mixed = np.array([0.0, 0.5, 0.0, 2.5, 1.0] * n)[:n]
    return [
        lambda g: g.standard_gamma(mixed), lambda g: g.standard_gamma(mixed, dtype=np.float32),
        lambda g: g.standard_gamma(0.0, n), lambda g: g.standard_gamma(0.7, n, dtype=np.float32),
        lambda g: g.gamma(mixed, 2.0), lambda g: g.weibull(mixed), lambda g: g.weibull(1.5, n),
        lambda g: g.chisquare(np.where(mixed == 0.0, 5e-324, mixed)), lambda g: g.chisquare(5e-324, n),
        lambda g: g.f(5e-324, 5e-324, n), lambda g: g.f(3.0, mixed + 5e-324),
        lambda g: g.vonmises(1.0, np.where(mixed == 0.0, NAN, mixed)), lambda g: g.vonmises(0.5, 3.0, n),
        lambda g: g.vonmises(0.5, 1e7, n), lambda g: g.beta(0.4, 0.6, n), lambda g: g.beta(3.0, mixed + 0.1),
        lambda g: g.standard_cauchy(n), lambda g: g.standard_t(3.0, n), lambda g: g.pareto(2.0, n),
        lambda g: g.power(0.5, n), lambda g: g.laplace(0.0, 1.0, n), lambda g: g.gumbel(0.0, 1.0, n),
        lambda g: g.logistic(0.0, 1.0, n), lambda g: g.lognormal(0.0, 1.0, n), lambda g: g.rayleigh(1.0, n),
        lambda g: g.wald(1.0, 2.0, n), lambda g: g.triangular(0.0, 0.3, 1.0, n),
        lambda g: g.standard_exponential(n, method="inv"),
        lambda g: g.standard_exponential(n, dtype=np.float32, method="inv"),
        lambda g: g.dirichlet([0.5, 0.0, 2.0], n // 3 + 1), lambda g: g.dirichlet([0.05, 0.0, 0.02], n // 3 + 1),
        lambda g: g.noncentral_chisquare(np.where(mixed == 2.5, 3.0, 0.5), np.where(mixed == 0.0, NAN, mixed)),
        lambda g: g.noncentral_f(0.5, 2.0, mixed),
    ]


def legacy_calls(n):
    mixed = np.array([0.0, 0.5, 0.0, 2.5, 1.0] * n)[:n]
    return [
        lambda r: r.standard_normal(n % 3), lambda r: r.standard_gamma(mixed), lambda r: r.gamma(2.5, 1.0, n),
        lambda r: r.beta(0.5, 0.5, n), lambda r: r.beta(2.0, 3.0, n), lambda r: r.chisquare(3.0, n),
        lambda r: r.f(2.0, 5.0, n), lambda r: r.normal(0.0, 1.0, n), lambda r: r.lognormal(0.0, 1.0, n),
        lambda r: r.standard_t(2.0, n), lambda r: r.standard_cauchy(n), lambda r: r.wald(1.0, 1.0, n),
        lambda r: r.standard_exponential(n), lambda r: r.exponential(mixed), lambda r: r.pareto(2.0, n),
        lambda r: r.weibull(mixed), lambda r: r.power(2.0, n), lambda r: r.rayleigh(1.0, n),
        lambda r: r.vonmises(0.0, np.where(mixed == 0.0, NAN, mixed)), lambda r: r.vonmises(0.0, 1e7, n),
        lambda r: r.dirichlet([0.5, 2.0], n // 2 + 1), lambda r: r.uniform(0.0, 1.0, n),
        lambda r: r.noncentral_chisquare(0.5, np.where(mixed == 0.0, NAN, mixed)), lambda r: r.noncentral_f(3.0, 2.0, mixed),
    ]


def state_json(bit_generator):
    return json.loads(prng.state_to_json(bit_generator.state))


@settings(max_examples=12, deadline=None)
@given(name=st.sampled_from(GENERATORS), seed=st.integers(0, 2**32 - 1), n=st.integers(0, 120),
       skew=st.booleans())
def test_every_backend_matches_the_reference(name, seed, n, skew):
    """C and numba against the pure-Python samplers: values, then the state after (Generator, then
    RandomState over the same bit generator, gauss cache included)."""
    runs = {}
    for backend in prng.available_backends():
        bitgen = make(name, seed, backend)
        if skew:
            bitgen.next_uint32()  # numpy's buffered half carried into the samplers
        g, r = prng.Generator(bitgen), RandomState(bitgen)
        values = [call(g) for call in backend_calls(n)] + [call(r) for call in legacy_calls(n)]
        runs[backend] = (values, state_json(bitgen), r.get_state(legacy=False)["gauss"])
    reference = runs.pop("python")
    for backend, (values, state, gauss) in runs.items():
        for got, expect in zip(values, reference[0]):
            assert_same(got, expect)
        assert (state, gauss) == reference[1:], backend


def test_backends_continue_each_others_stream():
    """Draws on one backend, then the state moved to another: numpy's stream, half-word buffer included."""
    theirs = np.random.Generator(np.random.PCG64(77))
    expect = [theirs.standard_gamma(0.5, 7, dtype=np.float32), theirs.beta(0.5, 0.5, 5), theirs.gamma(3.0, 1.0, 5)]
    got, state = [], None
    for backend, call in zip(["c", "numba", "python"], [lambda g: g.standard_gamma(0.5, 7, dtype=np.float32),
                                                        lambda g: g.beta(0.5, 0.5, 5), lambda g: g.gamma(3.0, 1.0, 5)]):
        if backend not in prng.available_backends():
            pytest.skip(f"backend {backend} not available")
        bitgen = prng.PCG64(77, backend=backend)
        if state is not None:
            bitgen.state = state
        got.append(call(prng.Generator(bitgen)))
        state = bitgen.state
    for g, e in zip(got, expect):
        same(g, e)


# ---- 3. bad parameters -------------------------------------------------------------------------

BAD = [
    ("standard_gamma", (-1.0,)), ("gamma", (1.0, -2.0)), ("beta", (0.0, 1.0)), ("beta", (1.0, [1.0, -1.0])),
    ("chisquare", (0.0,)), ("f", (1.0, 0.0)), ("standard_t", ([1.0, 0.0],)), ("vonmises", (0.0, -1.0)),
    ("pareto", (0.0,)), ("weibull", (-1.0,)), ("power", (0.0,)), ("laplace", (0.0, -1.0)),
    ("gumbel", (0.0, [-1.0])), ("logistic", (0.0, -1.0)), ("lognormal", (0.0, -1.0)), ("rayleigh", (-1.0,)),
    ("wald", (0.0, 1.0)), ("wald", (1.0, 0.0)), ("triangular", (1.0, 0.0, 2.0)), ("triangular", (0.0, 3.0, 2.0)),
    ("triangular", (1.0, 1.0, 1.0)), ("triangular", ([0.0, 1.0], 1.0, [2.0, 1.0])), ("exponential", (-1.0,)),
    ("dirichlet", ([1.0, -1.0],)), ("noncentral_chisquare", (0.0, 1.0)), ("noncentral_chisquare", (1.0, -1.0)),
    ("noncentral_f", (1.0, 1.0, -1.0)), ("noncentral_f", ([1.0, 0.0], 1.0, 1.0)), ("multivariate_normal", ([0.0], [[1.0, 0.0]])),
    ("multivariate_normal", ([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], None, "nonsense")),
]


def raised(call):
    try:
        call()
    except Exception as exc:  # noqa: BLE001 (the error itself is compared)
        return type(exc), str(exc)
    return None


@pytest.mark.parametrize("method,args", BAD, ids=[f"{m}{a}" for m, a in BAD])
def test_bad_parameters_raise_numpys_error_and_leave_numpys_state(method, args):
    """numpy's exception type and message; the stream where numpy leaves it (nothing drawn, but for
    multivariate_normal's late check_valid)."""
    theirs, ours = pair("PCG64", 1)
    legacy_theirs, legacy_ours = legacy_pair(1)
    expect = raised(lambda: getattr(theirs, method)(*args))
    assert expect is not None
    assert raised(lambda: getattr(ours, method)(*args)) == expect
    assert same_state(ours.bit_generator.state, theirs.bit_generator.state)
    legacy_expect = raised(lambda: getattr(legacy_theirs, method)(*args))
    if legacy_expect is not None:
        assert raised(lambda: getattr(legacy_ours, method)(*args)) == legacy_expect


def test_legacy_seeded_randomstate_on_each_backend():
    """RandomState over an MT19937 on any backend (as prng verify replays it) is numpy's RandomState."""
    for backend in prng.available_backends():
        bitgen = prng.MT19937(0, backend=backend)
        bitgen.state = legacy_seeded(42).state
        same(RandomState(bitgen).standard_t(3.0, 50), np.random.RandomState(42).standard_t(3.0, 50))
