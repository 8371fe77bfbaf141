"""prng.compat.jax without jax: its ties to the Threefry2x32 bit generator, invariants of every
sampler, and bad input. The values themselves are checked against jax's in vectors/jax.json
(tests/test_vectors.py) and, when jax is installed, live in tests/test_jax_live.py."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import prng
from prng.compat import jax as pj

keys = st.integers(0, 2**32 - 1).map(lambda s: pj.PRNGKey(s))


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(-(2**63), 2**63 - 1), data=st.integers(0, 2**32 - 1))
def test_fold_in_is_one_threefry2x32_block(backend, seed, data):
    """fold_in(key, d) is Random123's threefry2x32_20 of the counter (0, d): the first block of
    prng.Threefry2x32 with that key, counter d * 2**32 - 1 (it adds 1 first), on every backend."""
    key = pj.PRNGKey(seed, x64=True)
    gen = prng.Threefry2x32(key=[int(key[0]), int(key[1])], counter=(data << 32) - 1 if data else 2**64 - 1,
                            backend=backend)
    assert pj.fold_in(key, data).tolist() == [gen.next_uint32(), gen.next_uint32()]


@settings(max_examples=10, deadline=None)
@given(key=keys, partitionable=st.booleans())
def test_split_shapes_agree(key, partitionable):
    flat = pj.split(key, 6, partitionable=partitionable)
    assert flat.shape == (6, 2) and flat.dtype == np.uint32
    np.testing.assert_array_equal(pj.split(key, (2, 3), partitionable=partitionable), flat.reshape(2, 3, 2))


@settings(max_examples=10, deadline=None)
@given(key=keys)
def test_partitionable_bits_are_the_xor_of_the_block_of_each_index(key):
    """jax >= 0.5: element i of bits(key, shape) is y0 ^ y1 of threefry2x32(key, (hi(i), lo(i)))."""
    words = pj.split(key, 5, partitionable=True)  # the same blocks, both words kept
    np.testing.assert_array_equal(pj.bits(key, (5,)), words[:, 0] ^ words[:, 1])
    np.testing.assert_array_equal(pj.bits(key, (5,), "uint64"),
                                  (words[:, 0].astype(np.uint64) << np.uint64(32)) | words[:, 1])


@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float32", "float64"])
@pytest.mark.parametrize("partitionable", [True, False])
def test_float_samplers_stay_in_their_ranges(dtype, partitionable):
    key = pj.PRNGKey(3)
    kw = {"partitionable": partitionable}
    u = pj.uniform(key, (2000,), dtype, -2.0, 3.0, **kw)
    assert str(u.dtype) == dtype and u.shape == (2000,)
    assert np.all(u.astype(np.float64) >= -2.0) and np.all(u.astype(np.float64) < 3.0)
    for fn in (pj.normal, pj.exponential, pj.gumbel):
        values = fn(key, (2000,), dtype, **kw).astype(np.float64)
        assert np.all(np.isfinite(values)), fn.__name__
    assert np.all(pj.exponential(key, (2000,), dtype, **kw).astype(np.float64) >= 0)
    t = pj.truncated_normal(key, -0.5, 1.25, (2000,), dtype, **kw).astype(np.float64)
    assert np.all(t > -0.5) and np.all(t < 1.25)


@pytest.mark.parametrize("dtype", ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"])
def test_randint_covers_full_ranges(dtype):
    info = np.iinfo(dtype)
    key = pj.PRNGKey(11)
    values = pj.randint(key, (4000,), info.min, info.max + 1, dtype)
    assert values.dtype == np.dtype(dtype)
    if info.bits == 8:
        assert len(np.unique(values)) == 256
    low, high = info.min + 3, info.min + 10
    small = pj.randint(key, (500,), low, high, dtype).astype(object)
    assert set(small.tolist()) == set(range(low, high))
    assert np.all(pj.randint(key, (5,), 7, 7, dtype) == 7)  # an empty range gives minval, as jax


def test_permutations_choices_and_bernoulli_are_well_formed():
    key = pj.PRNGKey(5)
    assert sorted(pj.permutation(key, 1000).tolist()) == list(range(1000))
    x = np.arange(24).reshape(2, 3, 4)
    shuffled = pj.permutation(key, x, axis=2, independent=True)
    np.testing.assert_array_equal(np.sort(shuffled, axis=2), x)
    picked = pj.choice(key, 50, (7, 3), replace=False)
    assert picked.shape == (7, 3) and len(set(picked.ravel().tolist())) == 21
    p = np.zeros(10, np.float32)
    p[4] = 1
    assert set(pj.choice(key, 10, (20,), p=p).tolist()) == {4}
    assert pj.choice(key, 10, (0,)).shape == (0,)
    assert not pj.bernoulli(key, 0.0, (100,)).any() and pj.bernoulli(key, 1.0, (100,)).all()
    logits = np.array([-np.inf, -np.inf, 0.0], np.float32)
    assert set(pj.categorical(key, logits, shape=(30,)).tolist()) == {2}


@pytest.mark.parametrize("call, error, match", [
    (lambda: pj.PRNGKey(2**63), ValueError, r"seed must be in \[-9223372036854775808, 2\*\*63-1\]"),
    (lambda: pj.PRNGKey(1.5), TypeError, r"seed must be an integer"),
    (lambda: pj.split([1, 2, 3]), TypeError, r"key must be 2 uint32 words"),
    (lambda: pj.split(pj.PRNGKey(0), -1), ValueError, r"num must be in \[0, inf\]"),
    (lambda: pj.fold_in(pj.PRNGKey(0), 2**32), ValueError, r"data must be in \[0, 4294967295\]"),
    (lambda: pj.bits(pj.PRNGKey(0), (2,), "int32"), TypeError, r"dtype must be one of uint8, uint16, uint32, uint64"),
    (lambda: pj.uniform(pj.PRNGKey(0), 3), TypeError, r"shape must be a sequence of non-negative integers"),
    (lambda: pj.uniform(pj.PRNGKey(0), (2,), "int8"), TypeError, r"dtype must be one of float16, bfloat16"),
    (lambda: pj.normal(pj.PRNGKey(0), (2,), partitionable=1), TypeError, r"partitionable must be True or False"),
    (lambda: pj.randint(pj.PRNGKey(0), (2,), 0, 2**31, "int8"), ValueError, r"maxval must be in the int32 range"),
    (lambda: pj.randint(pj.PRNGKey(0), (2,), 0, 2**65, "uint64"), ValueError, r"maxval must be in \[-2\*\*63, 2\*\*64\]"),
    (lambda: pj.randint(pj.PRNGKey(0), (2,), [0, 1, 2], 5), ValueError, r"must be broadcast-compatible"),
    (lambda: pj.choice(pj.PRNGKey(0), 3, (4,), replace=False), ValueError, r"Cannot take a larger sample"),
    (lambda: pj.choice(pj.PRNGKey(0), 3, (2,), p=[0.5, 0.5]), ValueError, r"p must be None or a 1D vector"),
    (lambda: pj.gumbel(pj.PRNGKey(0), (2,), mode="highest"), ValueError, r'mode must be None, "low" or "high"'),
    (lambda: pj.bernoulli(pj.PRNGKey(0), 1), TypeError, r"p must be an array of floats"),
    (lambda: pj.permutation(pj.PRNGKey(0), np.zeros((2, 2)), axis=2), ValueError, r"axis must be in \[-2, 1\]"),
])
def test_bad_input(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_bfloat16_needs_ml_dtypes(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_ml_dtypes(name, *args, **kwargs):
        if name == "ml_dtypes":
            raise ImportError("no ml_dtypes")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ml_dtypes)
    with pytest.raises(ImportError, match=r'dtype "bfloat16" needs the ml_dtypes package'):
        pj.uniform(pj.PRNGKey(0), (2,), "bfloat16")
