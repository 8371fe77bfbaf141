"""Mismatch rate of the JS libm ports (js/src/libm) against glibc, over 10^6 inputs per function.

For each function: numpy draws 10^6 inputs (mostly the arguments the random variates pass, plus a
spread over the domain and edge cases), glibc computes the expected results (ctypes on libm.so.6,
the library numpy, CPython's math module and torch call), ``node`` evaluates the JS port on the same
inputs, and the bit patterns are compared. The ports reproduce glibc 2.36's x86-64 FMA builds, so
the test runs only where that is what the oracle runs.
"""

import ctypes
import math
import platform
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

N = 1_000_000
INDEX = Path(__file__).resolve().parent.parent / "js" / "src" / "libm" / "index.js"

# Reads float64 arguments (`arity` per call), applies one export of js/src/libm/index.js, writes
# float64 results.
NODE_EVAL = """
import { readFileSync, writeFileSync } from "node:fs";
const [, indexUrl, name, arity, inPath, outPath] = process.argv;
const f = (await import(indexUrl))[name];
const buf = readFileSync(inPath);
const x = new Float64Array(buf.buffer, buf.byteOffset, buf.length / 8);
const y = new Float64Array(x.length / Number(arity));
if (arity === "1") for (let i = 0; i < y.length; i++) y[i] = f(x[i]);
else for (let i = 0; i < y.length; i++) y[i] = f(x[2 * i], x[2 * i + 1]);
writeFileSync(outPath, y);
"""


def glibc_version():
    libc = ctypes.CDLL("libc.so.6")
    libc.gnu_get_libc_version.restype = ctypes.c_char_p
    return libc.gnu_get_libc_version().decode()


def cpu_has_fma():
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    flags = next((line for line in text.splitlines() if line.startswith("flags")), "")
    return "fma" in flags.split()


def oracle_platform():
    return platform.system() == "Linux" and platform.machine() == "x86_64" and cpu_has_fma()


pytestmark = [
    pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed"),
    pytest.mark.skipif(not oracle_platform() or glibc_version() != "2.36",
                       reason="the JS ports reproduce glibc 2.36's x86-64 FMA builds"),
]


FLOAT_FUNCTIONS = ("logf", "expf", "log1pf", "sinf", "cosf", "powf")  # float in, float out


def log_uniform(rng, n, lo, hi, signed=False):
    x = np.exp2(rng.uniform(lo, hi, n))
    return x * rng.choice([-1.0, 1.0], n) if signed else x


def polar_r2(rng, n):
    """numpy's legacy gauss: r2 = x1^2 + x2^2 of points drawn in the square, kept inside the disc."""
    x1, x2 = 2.0 * rng.random((2, 2 * n)) - 1.0
    r2 = x1 * x1 + x2 * x2
    return r2[(r2 < 1.0) & (r2 > 0.0)][:n]


# acos's interval ends (0.125, 0.5, 0.75, 0.921875, 0.953125, 0.96875, 1), both signs.
ACOS_BOUNDS = np.array([0.125, 0.25, 0.5, 0.75, 0.921875, 0.953125, 0.96875, 1.0, -0.125, -0.5, -0.96875, -1.0])


def vonmises_cosines(rng, n):
    """The arguments of acos in numpy's random_vonmises (W) and CPython's vonmisesvariate (f)."""
    kappa = log_uniform(rng, n, -20, 17)
    s = np.where(kappa < 1e-5, 1 / kappa + kappa, 0.0)
    r = 1 + np.sqrt(1 + 4 * kappa * kappa)
    rho = (r - np.sqrt(2 * r)) / (2 * kappa)
    s = np.where(kappa < 1e-5, s, (1 + rho * rho) / (2 * rho))
    z = np.cos(np.pi * rng.random(n))
    w = (1 + s * z) / (s + z)
    q = 1.0 / (0.5 / kappa + np.sqrt(1.0 + (0.5 / kappa) ** 2))
    f = (q + z) / (1.0 + q * z)
    return np.where(np.arange(n) % 2 == 0, w, f)


def inputs(name, rng):
    """10^6 arguments for `name`: the variates' own arguments first, then spreads."""
    f32 = np.float32
    if name == "log":
        parts = [polar_r2(rng, 400_000), 1.0 - rng.random(300_000), 1.0 + rng.uniform(-0.07, 0.07, 100_000),
                 log_uniform(rng, 200_000, -1074, 1024)]
    elif name == "exp":
        x = rng.random(500_000) * 3.6541528853610088
        parts = [-0.5 * x * x, rng.uniform(-745.2, 709.7, 300_000), rng.uniform(-1.0, 1.0, 200_000)]
    elif name == "log1p":
        parts = [-rng.random(500_000), rng.uniform(-0.9999, 3.0, 300_000), log_uniform(rng, 200_000, -60, 1024)]
    elif name in ("sin", "cos"):
        parts = [2.0 * math.pi * rng.random(500_000), rng.uniform(-20.0, 20.0, 300_000),
                 log_uniform(rng, 200_000, -30, 1024, signed=True)]
    elif name == "logf":
        parts = [f32(1.0) - rng.random(500_000, dtype=f32), log_uniform(rng, 300_000, -149, 128),
                 1.0 + rng.uniform(-0.1, 0.1, 200_000)]
    elif name == "expf":
        parts = [-rng.random(500_000, dtype=f32) * f32(7.69711747013104972), rng.uniform(-104.5, 89.0, 500_000)]
    elif name == "log1pf":
        parts = [-rng.random(500_000, dtype=f32), rng.uniform(-0.9999, 3.0, 300_000),
                 log_uniform(rng, 200_000, -60, 128)]
    elif name == "acos":
        parts = [vonmises_cosines(rng, 500_000), rng.uniform(-1.0, 1.0, 200_000),
                 (1.0 - log_uniform(rng, 100_000, -54, -4)) * rng.choice([-1.0, 1.0], 100_000),
                 log_uniform(rng, 100_000, -60, -3, signed=True),
                 rng.choice(ACOS_BOUNDS, 100_000) * (1.0 + rng.uniform(-2.0**-30, 2.0**-30, 100_000)),
                 [0.0, -0.0, 1.0, -1.0, math.nan, math.inf, -math.inf, 1.0 + 2.0**-52, -2.0, 5e-324, 2.0**-54]]
    elif name == "expm1":
        e = rng.standard_exponential(500_000)
        a = log_uniform(rng, 500_000, -10, 10)  # pareto expm1(E/a), power expm1(-E)
        p = rng.random(100_000)  # logseries expm1(log1p(-p) * U)
        parts = [e[:300_000] / a[:300_000], -e[300_000:], np.log1p(-p) * rng.random(100_000),
                 rng.uniform(-40.0, 40.0, 150_000), rng.uniform(-1.1, 1.1, 150_000),
                 rng.uniform(-800.0, 710.0, 50_000),
                 log_uniform(rng, 50_000, -70, 0, signed=True),
                 [0.0, -0.0, math.nan, math.inf, -math.inf, 709.782712893384, 709.7827128933841, 2.0**-54]]
    elif name == "erf":  # jax's truncated_normal float64: erf(bound / sqrt(2)); every interval of s_erf.c
        bounds = [0.84375, 1.25, 1 / 0.35, 6.0, 2.0**-28]
        edges = rng.choice(bounds, 100_000) * (1.0 + rng.uniform(-2.0**-40, 2.0**-40, 100_000))
        parts = [rng.uniform(-7.0, 7.0, 500_000) / math.sqrt(2), rng.uniform(-1.3, 1.3, 200_000),
                 rng.uniform(-30.0, 30.0, 100_000),
                 edges * rng.choice([-1.0, 1.0], 100_000), log_uniform(rng, 99_900, -1074, 10, signed=True),
                 [0.0, -0.0, math.nan, math.inf, -math.inf, 5e-324, -5e-324, 2.2250738585072014e-308] * 10
                 + [6.0, -6.0, 28.0, 1e300, -1e300] * 4]
    else:  # sinf, cosf
        theta = 2.0 * math.pi * rng.random(500_000, dtype=f32).astype(np.float64)
        parts = [theta, rng.uniform(-130.0, 130.0, 300_000), log_uniform(rng, 200_000, -20, 128, signed=True)]
    x = np.concatenate([np.asarray(p, np.float64) for p in parts])
    if name in FLOAT_FUNCTIONS:
        x = x.astype(np.float32).astype(np.float64)
    if name == "log1pf":
        x = x[x > -1.0]
    assert len(x) >= N
    return x


def odd_bases(k, bits):
    """The odd b with b^k in [2^bits, 2^(bits+1)), so b^k is exactly halfway between two floating-point
    numbers of `bits` significand bits; a (lo, hi) range to draw from where they are too many to list."""
    lo, hi = int(2 ** (bits / k)) - 2, int(2 ** ((bits + 1) / k)) + 2
    if hi - lo > 10**5:
        return lo, hi
    return [b for b in range(lo | 1, hi + 1, 2) if 2**bits <= b**k < 2 ** (bits + 1)]


def halfway_powers(rng, n, bits=53, scale=40):
    """(x, k) with x^k exactly halfway between two doubles (bits=53) or floats (bits=24): x = b * 2^j
    (either sign, |j| < scale), b odd, b^k an odd integer in [2^bits, 2^(bits+1))."""
    rows = [(b, k) for k in range(bits, 2, -1) for b in odd_bases(k, bits)][: n // 2]
    squares = odd_bases(2, bits)
    if isinstance(squares, tuple):  # draw them
        lo, hi = squares
        drawn = (2 * rng.integers(lo // 2, hi // 2, 2 * n) + 1).tolist()
        squares = [b for b in drawn if 2**bits <= b * b < 2 ** (bits + 1)]
    rows += [(b, 2) for b in squares]
    x = np.array([rows[i] for i in rng.integers(0, len(rows), n)] if len(rows) < n else rows[:n], dtype=np.float64)
    x[:, 0] = np.ldexp(x[:, 0], rng.integers(-scale, scale, n)) * rng.choice([-1.0, 1.0], n)
    return x


def pow_inputs(rng):
    """10^6 (x, y) pairs for pow: the variates' own arguments first, then spreads and edge cases."""
    u = rng.random(250_000)
    shape = np.exp2(rng.uniform(-12, 0, 250_000))  # numpy gamma, shape < 1; beta (Johnk)
    gamma_small = np.stack([u, 1 / shape], 1)
    y = -np.log(rng.uniform(0, 1, 50_000))
    gamma_tail = np.stack([1 - shape[:50_000] + shape[:50_000] * y, 1 / shape[:50_000]], 1)
    e = rng.standard_exponential(100_000)
    a = np.exp2(rng.uniform(-4, 4, 100_000))  # weibull pow(E, 1/a), power pow(-expm1(-E), 1/a)
    weibull = np.stack([np.concatenate([e[:50_000], -np.expm1(-e[50_000:])]), 1 / a], 1)
    am1 = np.exp2(rng.uniform(-10, 3, 100_000))  # zipf: pow(2, a-1), pow(U, -1/(a-1)), pow(1+1/X, a-1)
    v = 1 - rng.random(100_000)
    with np.errstate(over="ignore"):
        big = np.floor(v ** (-1 / am1))
    zipf = np.concatenate([np.stack([np.full(20_000, 2.0), am1[:20_000]], 1),
                           np.stack([v[20_000:60_000], -1 / am1[20_000:60_000]], 1),
                           np.stack([1 + 1 / np.maximum(big[60_000:], 1.0), am1[60_000:]], 1)])
    x = np.concatenate([gamma_small, gamma_tail, weibull, zipf] + pow_edges(rng, single=False))
    assert len(x) >= N
    return x


def powf_inputs(rng):
    """10^6 (x, y) float pairs for powf: numpy's float32 gamma first, then spreads and edge cases."""
    f32 = np.float32
    u = rng.random(500_000, dtype=f32)
    shape = log_uniform(rng, 500_000, -12, 0).astype(f32)  # random_standard_gamma_f, shape < 1
    inv = f32(1.0) / shape
    y = -np.log((f32(1.0) - u[:100_000]) / shape[:100_000])
    gamma = np.concatenate([np.stack([u[100_000:], inv[100_000:]], 1),
                            np.stack([f32(1.0) - shape[:100_000] + shape[:100_000] * y, inv[:100_000]], 1)])
    x = np.concatenate([gamma] + pow_edges(rng, single=True))
    assert len(x) >= N
    return x.astype(f32).astype(np.float64)


# pow's and powf's edges: the binades of x, of y, of x near 1 and of the results near the overflow
# and underflow thresholds, |y| of the integer powers of x < 0, special values.
POW_EDGES = {
    False: ((-1074, 1024), (-80, 70), (-52, 62), ((-1080, -1010), (1015, 1025)), 60,
            [5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308,
             2.0**-66, -(2.0**-66), 2.0**63, -(2.0**63), 2.0**64 + 2.0**12, 1.0 + 2.0**-52, 1.0 - 2.0**-53]),
    True: ((-149, 128), (-30, 30), (-23, 30), ((-155, -120), (120, 130)), 30,
           [1e-45, -1e-45, 1.1754943508222875e-38, 3.4028234663852886e38, -3.4028234663852886e38, 2.0**-30,
            2.0**40, -(2.0**40), 1.0 + 2.0**-23, 1.0 - 2.0**-24]),
}


def pow_edges(rng, single):
    """(x, y) rows for pow (powf if single): spreads, x near 1 with large y, results near overflow,
    underflow and in the subnormals, x < 0 with integer (or not) y, x^k exactly halfway, the special
    grid."""
    (xlo, xhi), (ylo, yhi), (near, ybig), (under, over), yint, extra = POW_EDGES[single]
    spread = np.stack([log_uniform(rng, 200_000, xlo, xhi), log_uniform(rng, 200_000, ylo, yhi, signed=True)], 1)
    near_one = np.stack([1 + log_uniform(rng, 100_000, near, -10, signed=True),
                         log_uniform(rng, 100_000, 0, ybig, signed=True)], 1)
    x = log_uniform(rng, 100_000, xlo, xhi)
    x = np.where(np.abs(np.log2(x)) < 0.01, 3.0, x)
    t = np.where(rng.random(100_000) < 0.5, rng.uniform(*under, 100_000), rng.uniform(*over, 100_000))
    limits = np.stack([x, t / np.log2(x)], 1)
    negative = np.stack([-log_uniform(rng, 50_000, -30, 30),
                         np.where(rng.random(50_000) < 0.9, rng.integers(-yint, yint, 50_000),
                                  rng.uniform(-5, 5, 50_000))], 1)
    special = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, math.inf, -math.inf, math.nan] + extra
    grid = np.array([(p, q) for p in special for q in special])
    halfway = halfway_powers(rng, 100_000, 24, 10) if single else halfway_powers(rng, 50_000)
    return [spread, near_one, limits, negative, halfway, grid]


def glibc(name, x):
    """glibc's results, from libm.so.6 through ctypes (float functions in float)."""
    single = name in FLOAT_FUNCTIONS
    ctype = ctypes.c_float if single else ctypes.c_double
    f = getattr(ctypes.CDLL("libm.so.6"), name)
    f.restype, f.argtypes = ctype, [ctype] * (x.ndim)
    if x.ndim == 1:
        y = [f(v) for v in x.tolist()]
    else:
        y = [f(*v) for v in x.tolist()]
    return np.array(y, dtype=np.float32 if single else np.float64)


def js(name, x, tmp_path):
    src, dst = tmp_path / "x.bin", tmp_path / "y.bin"
    x.astype("<f8").tofile(src)
    arity = "1" if x.ndim == 1 else str(x.shape[1])
    subprocess.run(["node", "--input-type=module", "-e", NODE_EVAL, INDEX.as_uri(), name, arity, str(src),
                    str(dst)],
                   check=True, timeout=120)
    return np.fromfile(dst, dtype="<f8")


def mismatches(want, got):
    if want.dtype == np.float32:
        assert np.array_equal(got.astype(np.float32).astype(np.float64), got, equal_nan=True), "not float32 values"
        got, bits = got.astype(np.float32), np.uint32
    else:
        bits = np.uint64
    both_nan = np.isnan(want) & np.isnan(got)
    return np.flatnonzero((want.view(bits) != got.view(bits)) & ~both_nan)


@pytest.mark.parametrize("name", ["log", "exp", "log1p", "sin", "cos", "logf", "expf", "log1pf", "sinf", "cosf",
                                  "pow", "acos", "expm1", "powf", "erf"])
def test_js_libm_matches_glibc(name, tmp_path):
    rng = np.random.default_rng(sum(name.encode()))
    x = {"pow": pow_inputs, "powf": powf_inputs}.get(name, lambda r: inputs(name, r))(rng)
    want = glibc(name, x)
    got = js(name, x, tmp_path)
    bad = mismatches(want, got)
    print(f"{name}: {len(bad)} mismatches / {len(x)} inputs (glibc {glibc_version()})")
    examples = [(x[i].tolist(), float(want[i]).hex(), float(got[i]).hex()) for i in bad[:5]]
    assert len(bad) == 0, f"{name}: {len(bad)}/{len(x)} differ from glibc, e.g. {examples}"
