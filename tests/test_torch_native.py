"""compat.torch's C kernels (native/distributions/torch.c, prng.c.torch) against its pure-Python reference, bit for bit.

The reference is the numpy/Python code of prng.compat.torch and prng.compat._torch_cuda, which runs when
``_torch_seed.NATIVE`` is None (no C extension); the C kernels run otherwise. Each check runs the same
calls both ways from the same generator state and compares every output byte and the state after, with
the FMA/AVX2 loops and with the portable ones (``prng_torch_portable``). Also: the generator's lock
(threads share one generator) and, when torch is installed, the C path against live torch.
"""

import threading

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prng.compat import _torch_seed
from prng.compat import torch as T

pytestmark = pytest.mark.skipif(_torch_seed.NATIVE is None, reason="the C extension is not built")

SIZES = st.one_of(st.sampled_from([0, 1, 2, 7, 8, 15, 16, 17, 31, 32, 33, 255, 256, 257, 1000]),
                  st.integers(0, 3000))
SEEDS = st.integers(0, 2**64 - 1)
# Parameters are kept out of the subnormal range: there the reference's emulated fma (_torch_math.fma64,
# exact only without underflow) parts from the hardware one that torch and the C kernels use.
FLOATS = ["float32", "float64", "float16", "bfloat16"]


PORTABLE = pytest.mark.parametrize("portable", [False, True], ids=["fast", "portable"])


def both_ways(make_generator, call, portable=False):
    """``call(generator)`` with the C kernels (their portable loops if ``portable``, else the FMA/AVX2
    ones where the CPU has them) and with the reference, from fresh equal generators:
    (C result, reference result), each as (dtype, shape, output bytes, state after)."""
    from prng.c._common import lib
    native = _torch_seed.NATIVE
    results = []
    before = lib.prng_torch_portable(int(portable))
    try:
        for kernels in (native, None):
            _torch_seed.NATIVE = kernels
            gen = make_generator()
            value = np.asarray(call(gen))
            results.append((value.dtype, value.shape, value.tobytes(), gen.get_state()))
    finally:
        _torch_seed.NATIVE = native
        lib.prng_torch_portable(before)
    return results


def assert_same(make_generator, call, portable=False):
    c, reference = both_ways(make_generator, call, portable)
    assert c == reference


def bounds(low, bits, dtype):
    """[low, high) for randint: a span of about 2**bits from low, kept within 2**20 for dtypes that
    cannot hold large values exactly (int32, and floats, where torch narrows the range)."""
    high = min(low + max(1, 2**bits - 1), 2**63 - 1)
    if dtype != "int64":
        span = min(high - low, 2**20)
        low = low % 2**20 - 2**19
        high = low + span
    return low, high


def cpu(seed, warm_up=0):
    """A CPU generator from ``seed``, ``warm_up`` words into its stream (so that MT19937's position varies)."""
    def make():
        gen = T.Generator().manual_seed(seed)
        T.randint(0, 2, (warm_up,), generator=gen)
        return gen
    return make


def cuda(seed, offset, sm_count):
    """A CUDA generator on a small GPU (256 threads per SM: a wave is 256 * sm_count elements)."""
    def make():
        gen = T.Generator(device="cuda", sm_count=sm_count, threads_per_sm=256).manual_seed(seed)
        gen.set_offset(offset)
        return gen
    return make


# ---- CPU generator ------------------------------------------------------------------------------

@PORTABLE
@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, warm_up=st.integers(0, 700), n=SIZES, dtype=st.sampled_from(FLOATS),
       kernel=st.sampled_from(T.KERNELS), mean=st.floats(-10, 10, allow_subnormal=False), std=st.floats(0, 10, allow_subnormal=False))
def test_cpu_normal(portable, seed, warm_up, n, dtype, kernel, mean, std):
    assert_same(cpu(seed, warm_up), lambda g: T.normal(mean, std, n, generator=g, dtype=dtype, kernel=kernel), portable)


@PORTABLE
@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("kernel", T.KERNELS)
def test_cpu_normal_many_values(portable, kernel, dtype):
    """20,000 values per kernel and dtype: a rounding slip in one operation shows up in a few of them."""
    assert_same(cpu(2024, 3), lambda g: T.normal(0.5, 1.5, 20003, generator=g, dtype=dtype, kernel=kernel), portable)


@PORTABLE
@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, warm_up=st.integers(0, 700), n=SIZES, dtype=st.sampled_from(FLOATS),
       kernel=st.sampled_from(T.KERNELS), low=st.floats(-100, 100, allow_subnormal=False), width=st.floats(0, 100, allow_subnormal=False))
def test_cpu_uniform(portable, seed, warm_up, n, dtype, kernel, low, width):
    def call(g):
        return T.uniform_(np.empty(n, T._dtypes.numpy_dtype(dtype)), low, low + width, generator=g, kernel=kernel)
    assert_same(cpu(seed, warm_up), call, portable)


@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, warm_up=st.integers(0, 700), n=SIZES, low=st.integers(-2**63, 2**63 - 2),
       bits=st.integers(0, 64), dtype=st.sampled_from(["int64", "float32", "float64"]))
def test_cpu_randint(seed, warm_up, n, low, bits, dtype):
    low, high = bounds(low, bits, dtype)
    assert_same(cpu(seed, warm_up), lambda g: T.randint(low, high, (n,), generator=g, dtype=dtype))


@settings(max_examples=30, deadline=None)
@given(seed=SEEDS, warm_up=st.integers(0, 700), n=SIZES)
def test_cpu_randperm_and_uniform_users(seed, warm_up, n):
    assert_same(cpu(seed, warm_up), lambda g: T.randperm(n, generator=g))
    assert_same(cpu(seed, warm_up), lambda g: T.dropout_mask((n,), 0.25, generator=g))
    assert_same(cpu(seed, warm_up), lambda g: T.bernoulli(np.full(n, 0.5, np.float32), generator=g))
    for dtype in FLOATS:
        empty = np.empty(n, T._dtypes.numpy_dtype(dtype))
        assert_same(cpu(seed, warm_up), lambda g: T.exponential_(empty, 0.75, generator=g))


@pytest.mark.parametrize("n", [0, 1, 2, 17, 5000])
def test_cpu_randperm_inside_out_path(monkeypatch, n):
    """randperm's inside-out algorithm (n >= 214748364 in torch), forced at small n on both paths."""
    monkeypatch.setattr(T, "_RANDPERM_32BIT_LIMIT", 0)
    assert_same(cpu(11, 5), lambda g: T.randperm(n, generator=g))


# ---- CUDA generator -----------------------------------------------------------------------------

CUDA_SIZES = st.one_of(st.sampled_from([0, 1, 3, 4, 5, 255, 256, 257, 511, 512, 513, 1023, 1025, 2049]),
                       st.integers(0, 5000))


@PORTABLE
@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, offset=st.integers(0, 2**20).map(lambda k: 4 * k), sm=st.integers(1, 3), n=CUDA_SIZES,
       dtype=st.sampled_from(FLOATS), mean=st.floats(-10, 10, allow_subnormal=False), std=st.floats(0, 10, allow_subnormal=False))
def test_cuda_normal_and_uniform(portable, seed, offset, sm, n, dtype, mean, std):
    make, empty = cuda(seed, offset, sm), lambda: np.empty(n, T._dtypes.numpy_dtype(dtype))
    assert_same(make, lambda g: T.normal(mean, std, n, generator=g, dtype=dtype), portable)
    assert_same(make, lambda g: T.uniform_(empty(), mean, mean + std, generator=g), portable)
    assert_same(make, lambda g: T.exponential_(empty(), 1.5, generator=g), portable)
    assert_same(make, lambda g: T.bernoulli_(empty(), 0.3, generator=g), portable)


@PORTABLE
@settings(max_examples=40, deadline=None)
@given(seed=SEEDS, offset=st.integers(0, 2**62 - 1).map(lambda k: 4 * k), sm=st.integers(1, 3), n=CUDA_SIZES,
       low=st.integers(-2**63, 2**63 - 2), bits=st.integers(0, 64), dtype=st.sampled_from(["int64", "int32", "float32"]))
def test_cuda_randint(portable, seed, offset, sm, n, low, bits, dtype):
    low, high = bounds(low, bits, dtype)
    assert_same(cuda(seed, offset, sm), lambda g: T.randint(low, high, (n,), generator=g, dtype=dtype), portable)
    assert_same(cuda(seed, offset, sm), lambda g: T.randperm(n, generator=g), portable)


# ---- threads ------------------------------------------------------------------------------------

@pytest.mark.parametrize("device", ["cpu", "cuda"])
def test_threads_share_a_generator(device):
    """8 threads x 30 calls on one generator hand out the values of 240 sequential calls (as a
    multiset) and leave the generator where the sequential calls do."""
    def make():
        if device == "cuda":
            return T.Generator(device="cuda", sm_count=1, threads_per_sm=256).manual_seed(5)
        return T.Generator().manual_seed(5)

    def call(gen):
        return T.randint(0, 2**62, (97,), generator=gen)

    sequential = make()
    expected = sorted(np.concatenate([call(sequential) for _ in range(240)]).tolist())
    shared, results = make(), []

    def worker():
        for _ in range(30):
            results.append(call(shared))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(np.concatenate(results).tolist()) == expected
    assert shared.get_state() == sequential.get_state()


# ---- live torch ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kernel_dtype", [("avx2", "float32"), ("avx2", "float64")])
@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 2**63 - 1), n=SIZES)
def test_c_path_against_live_torch(kernel_dtype, seed, n):
    torch = pytest.importorskip("torch")
    kernel, dtype = kernel_dtype
    torch_dtype = getattr(torch, dtype)
    g, ours = torch.Generator().manual_seed(seed), T.Generator().manual_seed(seed)
    assert np.array_equal(torch.randn(n, generator=g, dtype=torch_dtype).numpy(),
                          T.randn(n, generator=ours, dtype=dtype, kernel=kernel))
    assert np.array_equal(torch.rand(n, generator=g, dtype=torch_dtype).numpy(), T.rand(n, generator=ours, dtype=dtype))
    assert np.array_equal(torch.randint(-7, 2**40, (n,), generator=g).numpy(), T.randint(-7, 2**40, (n,), generator=ours))
    assert np.array_equal(torch.randperm(n, generator=g).numpy(), T.randperm(n, generator=ours))
    assert bytes(g.get_state().numpy()) == ours.get_state()


# ---- the CUDA float32 normals' fast stand-ins ---------------------------------------------------

def _bits(value):
    return int(np.float32(value).view(np.uint32))


SMALLEST_ANGLE = np.float32(2.0**-32) * np.float32(6.2831855) / np.float32(2)   # the smallest v a kernel makes


@pytest.mark.parametrize("center", [2.0**-33, 1e-4, 0.5, 1.0, np.pi / 2, np.pi, 1.5 * np.pi, 2 * np.pi])
def test_cuda_stand_ins_equal_glibc(center):
    """The AVX2 stand-ins for (float)log / (float)sin / (float)cos of glibc's doubles, against glibc itself,
    on 2**18 consecutive float inputs around each point (every float the kernel can make, from
    SMALLEST_ANGLE to 2 pi, with PRNG_EXHAUSTIVE=1: about 2.8e8 inputs, half a minute)."""
    import os

    from prng.c._common import lib
    if os.environ.get("PRNG_EXHAUSTIVE") == "1":
        first, last = _bits(SMALLEST_ANGLE), _bits(2 * np.pi)
    else:
        first, last = _bits(center) - 2**17, _bits(center) + 2**17
    mismatches = lib.prng_torch_stand_in_mismatches(max(first, _bits(SMALLEST_ANGLE)), last)
    if mismatches == -1:
        pytest.skip("this CPU has no AVX2/FMA: the kernels call glibc directly")
    assert mismatches == 0
