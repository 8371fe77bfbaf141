"""prng.compat.jax against live jax (skipped when jax is not installed): hypothesis draws seeds, key
chains of split/fold_in, shapes, dtypes and both ``jax_threefry_partitionable`` settings, and every
result must have jax's dtype, shape and exact bits. XLA's float kernels are also compared directly
(erf_inv, log, log1p, erf) over 10**6 float32 inputs, the measurement the README states.

The recorded vectors (vectors/jax.json, tests/test_vectors.py) hold the same comparisons for fixed
cases; these tests find what fixed cases miss. jax runs on the CPU here, as when the vectors were made.
"""

import contextlib

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prng.compat import _xla_math as xm
from prng.compat import jax as pj

jax = pytest.importorskip("jax")
jnp = pytest.importorskip("jax.numpy")
ml_dtypes = pytest.importorskip("ml_dtypes")

LIVE = settings(max_examples=12, deadline=None)


@contextlib.contextmanager
def config(partitionable, x64=False):
    """jax's flags for one comparison, restored afterwards."""
    before = (jax.config.jax_threefry_partitionable, jax.config.jax_enable_x64)
    jax.config.update("jax_threefry_partitionable", partitionable)
    jax.config.update("jax_enable_x64", x64)
    try:
        yield
    finally:
        jax.config.update("jax_threefry_partitionable", before[0])
        jax.config.update("jax_enable_x64", before[1])


def same(ours, theirs):
    """Same dtype, shape and bytes."""
    ours, theirs = np.asarray(ours), np.asarray(theirs)
    assert (ours.dtype, ours.shape) == (theirs.dtype, theirs.shape)
    assert ours.tobytes() == theirs.tobytes(), f"{ours.ravel()[:4]} != {theirs.ravel()[:4]}"


seeds = st.integers(-(2**63), 2**63 - 1)
shapes = st.lists(st.integers(0, 7), max_size=3).map(tuple)
chains = st.lists(st.one_of(st.tuples(st.just("split"), st.integers(1, 4), st.integers(0, 3)),
                            st.tuples(st.just("fold_in"), st.integers(0, 2**32 - 1), st.just(0))), max_size=4)


def walk(module, key, chain, partitionable):
    """Apply a chain of split(n)[i] / fold_in(d) to ``key`` with ``module`` (jax.random or prng's)."""
    for op, a, b in chain:
        if op == "split":
            keys = module.split(key, a) if module is jax.random else module.split(key, a, partitionable=partitionable)
            key = keys[min(b, a - 1)]
        else:
            key = module.fold_in(key, a) if module is jax.random else module.fold_in(key, a, partitionable=partitionable)
    return key


@LIVE
@given(seed=seeds, chain=chains, partitionable=st.booleans(), x64=st.booleans())
def test_keys_and_chains(seed, chain, partitionable, x64):
    with config(partitionable, x64):
        theirs = jax.random.PRNGKey(seed)
        ours = pj.PRNGKey(seed, x64=x64)
        same(ours, theirs)
        same(walk(pj, ours, chain, partitionable), walk(jax.random, theirs, chain, partitionable))


@LIVE
@given(seed=seeds, chain=chains, shape=shapes, partitionable=st.booleans(),
       dtype=st.sampled_from(["uint8", "uint16", "uint32", "uint64"]))
def test_bits(seed, chain, shape, partitionable, dtype):
    with config(partitionable, dtype == "uint64"):
        key = np.asarray(walk(jax.random, jax.random.PRNGKey(seed), chain, partitionable))
        same(pj.bits(key, shape, dtype, partitionable=partitionable), jax.random.bits(key, shape, dtype))


FLOAT = st.sampled_from(["float16", "bfloat16", "float32", "float64"])


def jax_dtype(name):
    return jnp.bfloat16 if name == "bfloat16" else name


@LIVE
@given(seed=seeds, shape=shapes, partitionable=st.booleans(), dtype=FLOAT,
       bounds=st.tuples(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)),
       fn=st.sampled_from(["uniform", "normal", "exponential", "gumbel", "gumbel_high", "truncated_normal"]))
def test_float_samplers(seed, shape, partitionable, dtype, bounds, fn):
    lo, hi = sorted(bounds)
    with config(partitionable, dtype == "float64"):
        key = np.asarray(jax.random.PRNGKey(seed))
        jd = jax_dtype(dtype)
        if fn == "uniform":
            ours, theirs = pj.uniform(key, shape, dtype, lo, hi, partitionable=partitionable), jax.random.uniform(key, shape, jd, lo, hi)
        elif fn.startswith("gumbel"):
            mode = "high" if fn == "gumbel_high" else "low"
            ours, theirs = pj.gumbel(key, shape, dtype, mode, partitionable=partitionable), jax.random.gumbel(key, shape, jd, mode)
        elif fn == "truncated_normal":
            lo, hi = lo / 300, hi / 300 + 0.01  # within the range erf resolves in every dtype
            ours = pj.truncated_normal(key, lo, hi, shape, dtype, partitionable=partitionable)
            theirs = jax.random.truncated_normal(key, lo, hi, shape, jd)
        else:
            ours, theirs = getattr(pj, fn)(key, shape, dtype, partitionable=partitionable), getattr(jax.random, fn)(key, shape, jd)
        same(ours, theirs)


INT = st.sampled_from(["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"])


@LIVE
@given(seed=seeds, shape=shapes, partitionable=st.booleans(), dtype=INT, data=st.data())
def test_randint(seed, shape, partitionable, dtype, data):
    info = np.iinfo(dtype)
    wide = info.bits == 64
    # bounds jax accepts: Python ints of the mode's int (int32, or int64 with x64)
    limit = (-(2**63), 2**63 - 1) if wide else (-(2**31), 2**31 - 1)
    lo = data.draw(st.integers(max(limit[0], info.min - 3), min(limit[1], info.max)))
    hi = data.draw(st.integers(max(limit[0], info.min), min(limit[1], info.max + 3)))
    with config(partitionable, wide):
        key = np.asarray(jax.random.PRNGKey(seed))
        same(pj.randint(key, shape, lo, hi, dtype, partitionable=partitionable), jax.random.randint(key, shape, lo, hi, dtype))


@LIVE
@given(seed=seeds, partitionable=st.booleans(), data=st.data())
def test_permutation_choice_bernoulli_categorical(seed, partitionable, data):
    n = data.draw(st.integers(1, 40))
    shape = data.draw(st.lists(st.integers(1, 3), max_size=2).map(tuple))
    replace = data.draw(st.booleans())
    if not replace and np.prod(shape) > n:
        shape = ()
    p = np.asarray(data.draw(st.lists(st.floats(0.0078125, 1.0, width=32), min_size=n, max_size=n)), np.float32)
    x = np.arange(n * 6, dtype=np.int32).reshape(n, 2, 3)
    axis = data.draw(st.integers(0, 2))
    with config(partitionable):
        key = np.asarray(jax.random.PRNGKey(seed))
        same(pj.permutation(key, n, partitionable=partitionable), jax.random.permutation(key, n))
        same(pj.permutation(key, x, axis, partitionable=partitionable), jax.random.permutation(key, x, axis))
        same(pj.permutation(key, x, axis, True, partitionable=partitionable), jax.random.permutation(key, x, axis, True))
        same(pj.choice(key, n, shape, replace, partitionable=partitionable), jax.random.choice(key, n, shape, replace))
        same(pj.choice(key, n, shape, replace, p, partitionable=partitionable), jax.random.choice(key, n, shape, replace, p))
        same(pj.choice(key, x, shape, replace, partitionable=partitionable), jax.random.choice(key, x, shape, replace))
        same(pj.bernoulli(key, p, partitionable=partitionable), jax.random.bernoulli(key, p))
        logits = np.log(p)
        same(pj.categorical(key, logits, partitionable=partitionable), jax.random.categorical(key, logits))
        if not replace:
            same(pj.categorical(key, logits, shape=shape, replace=False, partitionable=partitionable),
                 jax.random.categorical(key, logits, shape=shape, replace=False))


# ---- XLA's kernels directly, over 10**6 float32 inputs ---------------------------------------------

def float32_inputs(low, high, n=10**6, seed=0):
    """n float32 values spread over [low, high), plus every power-of-two neighbourhood's extremes."""
    rng = np.random.default_rng(seed)
    return rng.uniform(low, high, n).astype(np.float32)


@pytest.mark.parametrize("name, low, high", [("erf_inv", -1, 1), ("log", 1e-30, 1e3), ("log1p", -0.999, 10),
                                             ("erf", -5, 5)])
def test_xla_float32_kernels_are_bitwise(name, low, high):
    """The ports of XLA's float32 kernels against jax's compiled ones: 10**6 inputs, 0 differences."""
    x = float32_inputs(low, high)
    if name == "erf_inv":
        x = np.concatenate([x, np.float32(1) - np.float32(2.0) ** -np.arange(1, 25, dtype=np.float32)])
    theirs = np.asarray(jax.jit(getattr(jax.lax, name) if name != "log" else jnp.log)(x))
    if name == "log1p":
        theirs = np.asarray(jax.jit(jnp.log1p)(x))
    ours = getattr(xm, f"{name}_f32")(x)
    differ = np.flatnonzero(ours.view(np.uint32) != theirs.view(np.uint32))
    assert differ.size == 0, f"{differ.size} of {x.size} differ, first {x[differ[0]]!r}: {ours[differ[0]]!r} != {theirs[differ[0]]!r}"


@pytest.mark.parametrize("partitionable", [True, False])
def test_normal_bitwise_over_a_million_draws(partitionable):
    with config(partitionable):
        key = jax.random.PRNGKey(2024)
        theirs = np.asarray(jax.random.normal(key, (10**6,)))
    ours = pj.normal(np.asarray(key), (10**6,), partitionable=partitionable)
    assert np.count_nonzero(ours.view(np.uint32) != theirs.view(np.uint32)) == 0
