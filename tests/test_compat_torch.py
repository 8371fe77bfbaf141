"""prng.compat.torch against PyTorch 2.13's CPU generator.

1. vectors/torch_cpu.json (recorded from real torch by vectors/make_torch.py, replayed by
   test_vectors.py) covers the acceptance list.
2. The exact-FMA emulation of prng.compat._torch_math against exact rational arithmetic.
3. Bad input.
4. Live cross-checks against an installed torch (skipped when torch is not importable).
"""

import random
from fractions import Fraction

import numpy as np
import pytest

from conftest import load_vectors
from prng.compat import _torch_math
from prng.compat import torch as T

CASES = [c for c in load_vectors("torch_cpu")["cases"] if c["kind"] == "torch_cpu"]


# ---- 1. the vectors (replayed by test_vectors.py) cover the acceptance list ----------------------

def test_vectors_cover_the_acceptance_list():
    """rand/randn in both dtypes at every listed size, randn float32 on the default kernel, randperm sizes."""
    ops = [(op["op"], op.get("dtype"), tuple(op.get("size") or ()), c["kernel"]) for c in CASES for op in c["ops"]]
    for name in ("rand", "randn"):
        for dtype in ("float32", "float64"):
            for size in [(1,), (5,), (15,), (16,), (17,), (100,), (1000,), (1, 4, 8, 8), (1, 4, 64, 64)]:
                assert any(o[:3] == (name, dtype, size) for o in ops), (name, dtype, size)
    assert any(o[0] == "randn" and o[1] == "float32" and o[3] == "default" for o in ops)
    perms = {op["n"] for c in CASES for op in c["ops"] if op["op"] == "randperm"}
    assert {10, 1000, 100000} <= perms


# ---- 2. exact fused multiply-add ----------------------------------------------------------------

def exact_fma(a, b, c, dtype):
    """a*b + c rounded once to ``dtype`` (nearest, ties to even), from exact rational arithmetic."""
    exact = Fraction(float(a)) * Fraction(float(b)) + Fraction(float(c))
    near = dtype(float(exact))          # within one ulp; float() alone would round twice for float32
    candidates = [np.nextafter(near, dtype(-np.inf)), near, np.nextafter(near, dtype(np.inf))]
    bits = f"u{np.dtype(dtype).itemsize}"
    return min(candidates, key=lambda x: (abs(Fraction(float(x)) - exact), int(np.array(x).view(bits)) & 1))


def float32_fma_hard_cases():
    """float32 (a, b, c) where rounding a*b + c first to double then to float32 is wrong.

    The sums lie within 2**-53 of a float32 halfway point, so the double sum is the halfway point
    itself and the float32 rounding then ties to even on the wrong side.
    """
    odd = np.float32(1 + 2.0**-23)
    a = np.float32(8390641 * 2.0**-23)                 # a*b = 2**-24 * (1 + 124463 * 2**-47)
    b = np.float32(16773151 * 2.0**-48)
    return [(odd, np.float32(2.0**-24 * (1 - 2.0**-23)), odd),   # just below 1 + 2**-23 + 2**-24
            (a, b, np.float32(1.0)),                              # just above 1 + 2**-24
            (-a, b, np.float32(-1.0))]


def test_fma32_breaks_double_rounding():
    for a, b, c in float32_fma_hard_cases():
        naive = np.float32(np.float64(a) * np.float64(b) + np.float64(c))
        assert naive != exact_fma(a, b, c, np.float32)          # the case is really hard
        assert _torch_math.fma32(a, b, c)[()] == exact_fma(a, b, c, np.float32)


@pytest.mark.parametrize("width", [32, 64])
def test_fma_matches_exact_arithmetic(width):
    dtype = np.float32 if width == 32 else np.float64
    fma = _torch_math.fma32 if width == 32 else _torch_math.fma64
    rng = np.random.default_rng(width)
    a = rng.standard_normal(3000).astype(dtype)
    b = (rng.standard_normal(3000) * 2.0 ** rng.integers(-20, 20, 3000)).astype(dtype)
    c = (-(a.astype(np.float64) * b) * (1 + rng.standard_normal(3000) * 2.0**-20)).astype(dtype)  # cancellation
    got = fma(a, b, c)
    expect = np.array([exact_fma(x, y, z, dtype) for x, y, z in zip(a, b, c)], dtype=dtype)
    assert got.dtype == dtype
    assert np.array_equal(got.view(f"u{width // 8}"), expect.view(f"u{width // 8}"))


def test_fma64_cases_where_mul_then_add_is_wrong():
    hard = [(1 + 2.0**-52, 1 - 2.0**-53, -1.0),     # the product's rounding error is the answer
            (3.0, 1 / 3, -1.0),
            (1 + 2.0**-27, 1 + 2.0**-27, -(1 + 2.0**-26))]
    for a, b, c in hard:
        assert a * b + c != exact_fma(a, b, c, float)
        assert _torch_math.fma64(a, b, c)[()] == exact_fma(a, b, c, float)


# ---- 3. bad input -------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", [2**64, -(2**63) - 1])
def test_manual_seed_out_of_range(seed):
    with pytest.raises(ValueError, match=r"seed must be in \[-2\*\*63, 2\*\*64 - 1\]"):
        T.Generator().manual_seed(seed)


@pytest.mark.parametrize("seed", [1.5, True, "1"])
def test_manual_seed_needs_an_int(seed):
    with pytest.raises(TypeError, match="seed must be an int"):
        T.Generator().manual_seed(seed)


@pytest.mark.parametrize("call, error, message", [
    (lambda: T.randint(5, 5, (3,)), ValueError, "low < high"),
    (lambda: T.randint(0, 2**63 + 1, (3,)), ValueError, "low < high"),
    (lambda: T.randint(0, 300, (3,), dtype="uint8"), ValueError, "uint8"),
    (lambda: T.randint(0, 1.5, (3,)), TypeError, "high must be an int"),
    (lambda: T.randperm(-1), ValueError, "n >= 0"),
    (lambda: T.randperm(257, dtype="uint8"), ValueError, "n <= 256"),
    (lambda: T.randint(2**25 + 1, 2**25 + 3, (3,), dtype="float32"), ValueError, "collapse"),
    (lambda: T.rand(-2), ValueError, "non-negative"),
    (lambda: T.rand(2, dtype="int32"), TypeError, "dtype must be one of float16, bfloat16, float32, float64"),
    (lambda: T.randn(20, kernel="sse"), ValueError, "kernel must be one of"),
    (lambda: T.normal(0.0, -1.0, (3,)), ValueError, "std >= 0"),
    (lambda: T.uniform_(np.empty(3), 2.0, 1.0), ValueError, "a <= b"),
    (lambda: T.uniform_(np.empty((3, 3))[:, 0], 0.0, 1.0), ValueError, "C-contiguous"),
    (lambda: T.bernoulli_(np.empty(3), 1.5), ValueError, "0 <= p <= 1"),
    (lambda: T.exponential_(np.empty(3), 0.0), ValueError, "lambd > 0"),
    (lambda: T.rand(2, generator="g"), TypeError, "generator must be"),
    (lambda: T.Generator(device="mps"), ValueError, "device must be 'cpu' or 'cuda'"),
    (lambda: T.Generator(device="cuda"), TypeError, "sm_count"),
    (lambda: T.Generator().set_state(b"\0" * 10), ValueError, "5056 bytes"),
    (lambda: T.Generator().set_state(b"\0" * T.STATE_SIZE), ValueError, "invalid MT position"),
])
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ---- generator behaviour that needs no torch ----------------------------------------------------

def test_seed_wrapping_and_default_seed():
    assert T.Generator().initial_seed() == T.DEFAULT_SEED
    assert T.Generator().manual_seed(-1).initial_seed() == 2**64 - 1
    a = T.rand(5, generator=T.Generator().manual_seed(-1))
    b = T.rand(5, generator=T.Generator().manual_seed(2**32 - 1))
    assert np.array_equal(a, b)       # only the low 32 bits seed MT19937


def test_state_round_trip_keeps_the_cached_normal():
    gen = T.Generator().manual_seed(3)
    T.randn(3, generator=gen, dtype="float64")
    state = gen.get_state()
    expect = T.randn(4, generator=gen, dtype="float64")
    other = T.Generator()
    other.set_state(np.frombuffer(state, dtype=np.uint8))
    assert other.get_state() == state
    assert np.array_equal(T.randn(4, generator=other, dtype="float64"), expect)


def test_module_level_default_generator():
    assert T.manual_seed(7) is T.default_generator
    first = T.rand(3)
    T.set_rng_state(T.Generator().manual_seed(7).get_state())
    assert np.array_equal(T.rand(3), first)
    assert T.initial_seed() == 7


# ---- 4. live cross-checks against torch --------------------------------------------------------

def live_kernel(torch):
    return "default" if torch.backends.cpu.get_cpu_capability() == "DEFAULT" else "avx2"


def test_live_random_calls_match_torch():
    torch = pytest.importorskip("torch")
    kernel = live_kernel(torch)
    rng = random.Random(2024)
    for _ in range(20):
        seed = rng.randrange(-(2**63), 2**64)
        ours, theirs = T.Generator().manual_seed(seed), torch.Generator().manual_seed(seed)
        for _ in range(6):
            size = rng.choice([(rng.randrange(1, 40),), (2, rng.randrange(1, 30)), ()])
            dtype = rng.choice(["float32", "float64"])
            name = rng.choice(["rand", "randn", "randint"])
            if name == "randint":
                low = rng.randrange(-1000, 1000)
                high = low + rng.choice([1, 7, 2**28 - 1, 2**28, 2**40])
                got = T.randint(low, high, size, generator=ours)
                expect = torch.randint(low, high, size, generator=theirs)
            else:
                kwargs = {"kernel": kernel} if name == "randn" else {}
                got = getattr(T, name)(*size, generator=ours, dtype=dtype, **kwargs)
                expect = getattr(torch, name)(size, generator=theirs, dtype=getattr(torch, dtype))
            assert got.tobytes() == expect.numpy().tobytes(), (seed, name, size, dtype)
        assert ours.get_state() == bytes(theirs.get_state().numpy())


def test_live_state_moves_both_ways():
    torch = pytest.importorskip("torch")
    theirs = torch.Generator().manual_seed(11)
    torch.randn(5, generator=theirs, dtype=torch.float64)       # leaves a cached normal
    ours = T.Generator()
    ours.set_state(theirs.get_state())
    assert np.array_equal(T.randn(3, generator=ours), torch.randn(3, generator=theirs).numpy())
    back = torch.Generator()
    back.set_state(torch.frombuffer(bytearray(ours.get_state()), dtype=torch.uint8))
    assert np.array_equal(T.randperm(50, generator=ours), torch.randperm(50, generator=back).numpy())
