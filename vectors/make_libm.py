"""Write vectors/libm.json: glibc's results for the libm functions the random variates use.

    python vectors/make_libm.py

Runs on Linux x86-64 with glibc; calls libm.so.6 through ctypes (the same library, and the same
ifunc-selected variants, that numpy, CPython's math module and torch call). On a CPU with FMA,
glibc 2.36 picks its FMA builds of exp, log, pow, sin, cos, sincos, acos, expf, logf, powf, sinf,
cosf, sincosf (and Debian's 2.36 also of log1p and expm1), which round differently from the generic builds
for some inputs: the file records the glibc version, the distribution's build string and whether the
CPU has FMA.

pow's and powf's cases hold (x, y) pairs, including x^y exactly halfway between two doubles (floats). The "fma" case
((a, b, c) triples) checks the exact fused multiply-add the ports use, against
glibc's fma (the CPU's FMA instruction).

Each case holds one function's inputs and outputs as IEEE-754 bit patterns in hex (16 digits for
double, 8 for float), so NaN, infinities, -0.0 and subnormals are exact. Inputs are the arguments
the variates actually pass (numpy's polar r2 and 1-u, -0.5*x*x of the ziggurat wedge, -u of the
ziggurat tails, 2*pi*u of Box-Muller, ...), random spreads over the whole domain and edge cases.
"""

import ctypes
import math
import platform
import subprocess
import sys

import numpy as np

from vecjson import versions, write

N_VARIATE = 500     # inputs shaped like the variates' arguments
N_SPREAD = 500      # random spread over the domain
N_FOCUS = 300       # near branch boundaries / special ranges
FMA_SEED = 10       # the seed of the fma case (the function cases are seeded by their position)

LIBM = ctypes.CDLL("libm.so.6")
LIBC = ctypes.CDLL("libc.so.6")


def libm_function(name, single, arity=1):
    ctype = ctypes.c_float if single else ctypes.c_double
    f = getattr(LIBM, name)
    f.restype, f.argtypes = ctype, [ctype] * arity
    return f


def glibc_build():
    LIBC.gnu_get_libc_version.restype = ctypes.c_char_p
    version = LIBC.gnu_get_libc_version().decode()
    ldd = subprocess.run(["ldd", "--version"], capture_output=True, text=True).stdout.splitlines()
    return version, (ldd[0] if ldd else "")


def cpu_has_fma():
    with open("/proc/cpuinfo") as f:
        flags = next((line for line in f if line.startswith("flags")), "")
    return " fma " in flags + " "


def bits_hex(values, single):
    if single:
        return [f"{v:08x}" for v in np.asarray(values, np.float32).view(np.uint32).tolist()]
    return [f"{v:016x}" for v in np.asarray(values, np.float64).view(np.uint64).tolist()]


def log_uniform(rng, n, lo, hi, signed=False):
    """Magnitudes spread over the binades 2^lo .. 2^hi: a uniform significand in [1, 2) times 2^e,
    e uniform (exact, so the same on every machine, unlike np.exp2's SIMD variants)."""
    x = np.ldexp(rng.uniform(1.0, 2.0, n), rng.integers(lo, hi, n))
    return x * rng.choice([-1.0, 1.0], n) if signed else x


SPECIAL = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -1.0, 0.5, 2.0, math.e, math.pi]
SPECIAL_DOUBLE = [5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                  -1.7976931348623157e308]
SPECIAL_FLOAT = [1e-45, -1e-45, 1.1754943508222875e-38, 3.4028234663852886e38,
                 -3.4028234663852886e38]


def inputs_log(rng):
    x1, x2 = 2.0 * rng.random((2, 2 * N_VARIATE)) - 1.0
    r2 = (x1 * x1 + x2 * x2)
    r2 = r2[(r2 < 1.0) & (r2 != 0.0)][:N_VARIATE]            # numpy legacy polar gauss: log(r2)
    one_minus_u = 1.0 - rng.random(N_VARIATE)                # CPython gauss: log(1 - random())
    near_one = 1.0 + rng.uniform(-0.07, 0.07, N_FOCUS)       # the close-to-1 branch
    steps = 1.0 + np.arange(-40, 41) * 2.0**-52              # 1 +- a few ulp
    subnormal = log_uniform(rng, 50, -1074, -1022)
    return [r2, one_minus_u, near_one, steps, subnormal, log_uniform(rng, N_SPREAD, -1022, 1024)]


def inputs_exp(rng):
    x = rng.random(N_VARIATE) * 3.6541528853610088            # ziggurat normal wedge: exp(-0.5*x*x)
    wedge = -0.5 * x * x
    tiny = log_uniform(rng, 50, -80, -50, signed=True)        # |x| < 2^-54 shortcut and around it
    under = rng.uniform(-745.2, -708.0, N_FOCUS // 2)         # specialcase, k < 0 (subnormal results)
    over = rng.uniform(708.0, 709.8, N_FOCUS // 2)            # specialcase, k > 0
    edges = [709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412,
             -708.3964185322641, 512.0, -512.0, 1024.0, -1024.0, 2.0**-54, -(2.0**-54)]
    return [wedge, tiny, under, over, edges, rng.uniform(-745.5, 710.0, N_SPREAD),
            rng.uniform(-1.0, 1.0, N_SPREAD)]


def inputs_log1p(rng):
    minus_u = -rng.random(N_VARIATE)                          # ziggurat tails, torch Box-Muller
    tiny = log_uniform(rng, 100, -70, -20, signed=True)       # |x| < 2^-29 and 2^-54 branches
    bounds = [0.41421, 0.41422, 0.414213562373095, -0.2929, -0.29289, -0.292893218813452,
              2.0**-29, -(2.0**-29), 2.0**-54, 2.0**53, 2.0**54, -1.0 + 2.0**-53, 1e300, -2.0]
    return [minus_u, tiny, bounds, rng.uniform(-1.0, 3.0, N_SPREAD),
            log_uniform(rng, N_SPREAD, -30, 1024), -log_uniform(rng, N_FOCUS, -60, 0)]


def inputs_sincos(rng):
    two_pi_u = 2.0 * math.pi * rng.random(N_VARIATE)          # CPython gauss, torch Box-Muller
    quarter = np.arange(1, 200) * (math.pi / 2) + rng.uniform(-1e-6, 1e-6, 199)
    bounds = [2.0**-26, 2.0**-27, 0.855469, 0.8554687, 2.426265, 2.4262650, 0.126, 105414350.0,
              105414351.0, 1e22, 1e300, 2.0**1023]
    return [two_pi_u, quarter, bounds, rng.uniform(-10.0, 10.0, N_SPREAD),
            rng.uniform(-1.1e8, 1.1e8, N_FOCUS), log_uniform(rng, N_FOCUS, -30, 1024, signed=True)]


def halfway_powers(rng, n, bits=53, scale=40):
    """(x, k) with x^k exactly halfway between two doubles (bits=53) or floats (bits=24): x = b * 2^j
    (either sign, |j| < scale), b odd and b^k an odd integer in [2^bits, 2^(bits+1))."""
    rows = []
    for k in range(2, bits):
        lo, hi = int(2 ** (bits / k)) - 2, int(2 ** ((bits + 1) / k)) + 2
        cands = range(lo | 1, hi + 1, 2) if hi - lo < 10**5 else (2 * rng.integers(lo // 2, hi // 2, n) + 1).tolist()
        rows += [(b, k) for b in cands if 2**bits <= b**k < 2 ** (bits + 1)][:n // 8]
    x = np.array(rows, dtype=np.float64)
    x[:, 0] = np.ldexp(x[:, 0], rng.integers(-scale, scale, len(x))) * rng.choice([-1.0, 1.0], len(x))
    return x


def inputs_pow(rng):
    u = rng.random(N_VARIATE)
    shape = log_uniform(rng, N_VARIATE, -12, 0)
    gamma_small = np.stack([u, 1 / shape], 1)                  # numpy gamma shape < 1, beta: pow(U, 1/a)
    e = rng.standard_exponential(N_VARIATE // 2)
    weibull = np.stack([e, 1 / log_uniform(rng, N_VARIATE // 2, -4, 4)], 1)  # weibull pow(E, 1/a)
    am1 = log_uniform(rng, N_VARIATE // 2, -10, 3)
    zipf = np.stack([1 - rng.random(N_VARIATE // 2), -1 / am1], 1)  # zipf pow(U, -1/(a-1))
    spread = np.stack([log_uniform(rng, N_SPREAD, -1074, 1024), log_uniform(rng, N_SPREAD, -80, 70, signed=True)], 1)
    near_one = 1 + log_uniform(rng, N_FOCUS, -52, -10, signed=True)
    near_one = np.stack([near_one, log_uniform(rng, N_FOCUS, 0, 62, signed=True)], 1)
    x = log_uniform(rng, N_FOCUS, -1074, 1024)
    x = np.where(np.abs(x - 1.0) < 0.01, 3.0, x)
    log2x = np.array([math.log2(v) for v in x.tolist()])
    t = np.where(rng.random(N_FOCUS) < 0.5, rng.uniform(-1080, -1010, N_FOCUS), rng.uniform(1015, 1025, N_FOCUS))
    limits = np.stack([x, t / log2x], 1)                      # overflow, underflow, subnormal results
    negative = np.stack([-log_uniform(rng, N_FOCUS, -30, 30), rng.integers(-60, 60, N_FOCUS)], 1)
    special = SPECIAL + SPECIAL_DOUBLE + [2.0**-66, 2.0**63, -(2.0**63), 1.0 + 2.0**-52, 1.0 - 2.0**-53, -3.0]
    grid = np.array([(p, q) for p in special for q in special])
    return [gamma_small, weibull, zipf, spread, near_one, limits, negative, halfway_powers(rng, N_FOCUS), grid]


def inputs_acos(rng):
    w = []                                                    # numpy random_vonmises acos(W),
    for kappa, u in zip(log_uniform(rng, N_VARIATE, -20, 17).tolist(), rng.random(N_VARIATE).tolist()):
        z = math.cos(math.pi * u)                             # CPython vonmisesvariate acos(f)
        r = 1 + math.sqrt(1 + 4 * kappa * kappa)
        rho = (r - math.sqrt(2 * r)) / (2 * kappa)
        s = 1 / kappa + kappa if kappa < 1e-5 else (1 + rho * rho) / (2 * rho)
        q = 1.0 / (0.5 / kappa + math.sqrt(1.0 + (0.5 / kappa) ** 2))
        w += [(1 + s * z) / (s + z), (q + z) / (1.0 + q * z)]
    near_one = (1.0 - log_uniform(rng, N_FOCUS, -54, -4)) * rng.choice([-1.0, 1.0], N_FOCUS)
    bounds = [0.125, 0.25, 0.5, 0.75, 0.921875, 0.953125, 0.96875]
    edges = [b * (1 + e) * sg for b in bounds for e in (-(2.0**-52), 0.0, 2.0**-52) for sg in (1, -1)]
    return [w, rng.uniform(-1.0, 1.0, N_SPREAD), near_one, log_uniform(rng, N_FOCUS, -60, -3, signed=True),
            edges, [1.0 + 2.0**-52, 2.0**-54, 2.0**-55]]


def inputs_expm1(rng):
    e = rng.standard_exponential(N_VARIATE)
    pareto = e / log_uniform(rng, N_VARIATE, -10, 10)         # numpy pareto expm1(E/a)
    p = rng.random(N_VARIATE // 2)
    logseries = [math.log1p(-v) * u for v, u in zip(p.tolist(), rng.random(N_VARIATE // 2).tolist())]
    ln2 = math.log(2.0)
    bounds = [k * ln2 / 2 + d for k in range(-120, 121) for d in (-1e-13, 0.0, 1e-13)]  # k = round(x/ln2) steps
    edges = [709.782712893384, 709.7827128933841, 709.78, 38.816242111356935, -38.816242111356935,
             2.0**-54, -(2.0**-54), 0.34657359027997264, -0.34657359027997264, 1.0397207708399179, -0.25]
    return [pareto, -e[: N_VARIATE // 2], logseries, bounds, edges, rng.uniform(-40.0, 40.0, N_SPREAD),
            rng.uniform(-800.0, 710.0, N_FOCUS), log_uniform(rng, N_FOCUS, -70, 0, signed=True)]


def inputs_powf(rng):
    u = rng.random(N_VARIATE, dtype=np.float32)                # numpy random_standard_gamma_f, shape < 1:
    inv = np.float32(1.0) / log_uniform(rng, N_VARIATE, -12, 0).astype(np.float32)   # powf(U, 1/shape)
    spread = np.stack([log_uniform(rng, N_SPREAD, -149, 128), log_uniform(rng, N_SPREAD, -30, 30, signed=True)], 1)
    near_one = np.stack([1 + log_uniform(rng, N_FOCUS, -23, -10, signed=True), log_uniform(rng, N_FOCUS, 0, 30, signed=True)], 1)
    x = log_uniform(rng, N_FOCUS, -149, 128)
    x = np.where(np.abs(x - 1.0) < 0.01, 3.0, x)
    log2x = np.array([math.log2(v) for v in x.tolist()])
    t = np.where(rng.random(N_FOCUS) < 0.5, rng.uniform(-155, -120, N_FOCUS), rng.uniform(120, 130, N_FOCUS))
    limits = np.stack([x, t / log2x], 1)                      # overflow, underflow, subnormal results
    negative = np.stack([-log_uniform(rng, N_FOCUS, -30, 30), rng.integers(-30, 30, N_FOCUS)], 1)
    special = SPECIAL + SPECIAL_FLOAT + [2.0**-30, 2.0**40, -(2.0**40), 1.0 + 2.0**-23, 1.0 - 2.0**-24, -3.0]
    grid = np.array([(p, q) for p in special for q in special])
    return [np.stack([u, inv], 1), spread, near_one, limits, negative, halfway_powers(rng, N_FOCUS, 24, 10), grid]


def f32(x):
    return np.asarray(x, np.float64).astype(np.float32)


def inputs_logf(rng):
    u = rng.random(N_VARIATE, dtype=np.float32)
    one_minus_u = np.float32(1.0) - u                          # torch DEFAULT kernel: logf(1 - u)
    near_one = f32(1.0 + rng.uniform(-0.1, 0.1, N_FOCUS))
    subnormal = f32(log_uniform(rng, 50, -149, -126))
    return [one_minus_u, near_one, subnormal, f32(log_uniform(rng, N_SPREAD, -126, 128))]


def inputs_expf(rng):
    x = rng.random(N_VARIATE, dtype=np.float32) * np.float32(7.69711747013104972)
    wedge = -x                                                 # float32 ziggurat exponential: expf(-x)
    edges = [88.0, 88.72283172607422, 88.72284, -103.97207641601562, -103.972084, -103.27892303466797,
             -103.2789, -87.33654, -87.3366, 2.0**-30]
    low = rng.uniform(-104.5, -87.0, N_FOCUS)                  # subnormal results, may-underflow range
    return [wedge, f32(edges), f32(low), f32(rng.uniform(-105.0, 90.0, N_SPREAD))]


def inputs_sincosf(rng):
    u = rng.random(N_VARIATE, dtype=np.float32)
    theta = f32(2.0 * math.pi * u.astype(np.float64))         # torch DEFAULT kernel: (float)(2*pi*u)
    bounds = [0.7853981, 0.78539819, 2.0**-12, 2.0**-13, 119.99999, 120.0, 120.00001, 3.4e38]
    return [theta, f32(bounds), f32(rng.uniform(-130.0, 130.0, N_SPREAD)),
            f32(log_uniform(rng, N_FOCUS, -20, 128, signed=True))]


def inputs_log1pf(rng):
    minus_u = -rng.random(N_VARIATE, dtype=np.float32)        # float32 ziggurat tails: log1pf(-u)
    tiny = f32(log_uniform(rng, 100, -70, -20, signed=True))
    bounds = [0.41421, 0.414214, -0.29289, -0.292894, 2.0**-29, 2.0**-54, 2.0**55, -1.0 + 2.0**-24]
    return [minus_u, tiny, f32(bounds), f32(rng.uniform(-1.0, 3.0, N_SPREAD)),
            f32(log_uniform(rng, N_SPREAD, -30, 128))]


FUNCTIONS = [  # name, single precision, input maker, what the variates use it for
    ("log", False, inputs_log, "numpy legacy polar gauss log(r2); CPython gauss log(1 - u)"),
    ("exp", False, inputs_exp, "numpy ziggurat normal wedge exp(-0.5*x*x)"),
    ("log1p", False, inputs_log1p, "numpy ziggurat tails log1p(-u); torch small-n Box-Muller"),
    ("sin", False, inputs_sincos, "CPython gauss sin(2*pi*u); torch Box-Muller sincos"),
    ("cos", False, inputs_sincos, "CPython gauss cos(2*pi*u); torch Box-Muller sincos"),
    ("logf", True, inputs_logf, "torch DEFAULT float kernel logf(1 - u)"),
    ("expf", True, inputs_expf, "numpy float32 ziggurat exponential wedge expf(-x)"),
    ("log1pf", True, inputs_log1pf, "numpy float32 ziggurat tails log1pf(-u)"),
    ("sinf", True, inputs_sincosf, "torch DEFAULT float kernel sincosf((float)(2*pi*u))"),
    ("cosf", True, inputs_sincosf, "torch DEFAULT float kernel sincosf((float)(2*pi*u))"),
    ("pow", False, inputs_pow, "numpy gamma (shape < 1), beta, weibull, power, zipf; CPython ** in "
     "gammavariate, paretovariate, weibullvariate"),
    ("acos", False, inputs_acos, "numpy vonmises acos(W); CPython vonmisesvariate acos(f)"),
    ("expm1", False, inputs_expm1, "numpy pareto expm1(E/a), power -expm1(-E), logseries -expm1(r*U)"),
    ("powf", True, inputs_powf, "numpy float32 gamma (shape < 1) powf(U, 1/shape)"),
]


def fma_inputs(rng, n=400):
    """Triples (a, b, c) for fma: random, cancelling c = -fl(a*b) (+- a few ulp), extreme exponents."""
    a, b = np.ldexp(rng.uniform(-2.0, 2.0, (2, n)), rng.integers(-30, 30, (2, n)))
    c = np.ldexp(rng.uniform(-2.0, 2.0, n), rng.integers(-60, 60, n))
    ab = a * b
    ulps = rng.integers(-3, 4, n) * np.spacing(ab)
    extreme_a = log_uniform(rng, n // 4, -1074, 1023, signed=True)
    extreme_b = log_uniform(rng, n // 4, -1074, 1023, signed=True)
    extreme_c = log_uniform(rng, n // 4, -1074, 1023, signed=True)
    special = [(1.0 + 2.0**-52, 1.0 - 2.0**-52, -1.0), (2.0**1000, 2.0**100, -math.inf),
               (math.inf, 0.0, 1.0), (math.nan, 1.0, 1.0), (2.0**-537, 2.0**-537, 0.0),
               (2.0**-537, -(2.0**-537), 2.0**-1074), (1.5, 2.0**1023, -(2.0**1023)),
               (0.0, -1.0, 0.0), (-0.0, 1.0, -0.0), (2.0**-600, 2.0**-600, 1.0)]
    triples = np.concatenate([np.stack([a, b, c], 1), np.stack([a, b, -ab], 1),
                              np.stack([a, b, -ab + ulps], 1),
                              np.stack([extreme_a, extreme_b, extreme_c], 1), np.array(special)])
    return triples


def make_fma_case(seed):
    rng = np.random.default_rng(seed)
    triples = fma_inputs(rng).tolist()
    f = LIBM.fma
    f.restype, f.argtypes = ctypes.c_double, [ctypes.c_double] * 3
    y = [f(*t) for t in triples]
    x = [bits_hex(t, False) for t in triples]
    return {"kind": "libm", "name": "fma", "precision": "double",
            "used_by": "the FMA contractions inside glibc's FMA builds", "x": x,
            "y": bits_hex(y, False)}


def make_case(seed, name, single, make_inputs, used_by):
    """One function's case; make_inputs gives arrays of arguments (rows of pairs for pow/powf)."""
    rng = np.random.default_rng(seed)
    parts = [np.asarray(p, np.float64) for p in make_inputs(rng)]
    arity = 1 if parts[0].ndim == 1 else parts[0].shape[1]
    if arity == 1:
        parts = [p.ravel() for p in parts] + [np.asarray(SPECIAL + (SPECIAL_FLOAT if single else SPECIAL_DOUBLE))]
    x = np.concatenate(parts)
    x = (x.astype(np.float32) if single else x).tolist()
    f = libm_function(name, single, arity)
    if arity == 1:
        y, xs = [f(v) for v in x], bits_hex(x, single)
    else:
        y, xs = [f(*v) for v in x], [bits_hex(v, single) for v in x]
    return {"kind": "libm", "name": name, "precision": "float" if single else "double",
            "used_by": used_by, "x": xs, "y": bits_hex(y, single)}


def main():
    if platform.system() != "Linux" or platform.machine() != "x86_64":
        sys.exit("make_libm.py records glibc on Linux x86-64")
    version, build = glibc_build()
    cases = [make_case(seed, *spec) for seed, spec in enumerate(FUNCTIONS)]
    cases.append(make_fma_case(FMA_SEED))
    write("libm.json", family="libm", generated_by="vectors/make_libm.py",
          versions=versions(numpy=np.__version__, glibc=version, glibc_build=build,
                            machine=platform.machine(), cpu_fma=cpu_has_fma()),
          source="glibc libm.so.6 via ctypes (ifunc variants as selected on this CPU)",
          cases=cases)


if __name__ == "__main__":
    main()
