"""Time every prng generator x backend against numpy's equivalent, in one run.

    python bench/bench.py [--runs 5] [--out bench/RESULTS.md]

For n = 10**3 and 10**7 it times ``random_raw(n)`` into a new array, ``random_raw(n, out=arr)``,
``fill_uint32`` of 2n words into a caller's array (64 bits of output per value, the bytes numpy's
``random_raw(n)`` writes) and ``fill_double`` (n doubles, the work of numpy's ``Generator.random(n)``),
reports the median ns per value over ``--runs`` runs and the ratio to numpy's time measured in the same
run, and writes a Markdown table. Philox4x32 and Threefry2x32 are compared per 64 bits of output (two of
their 32-bit words against one numpy Philox value); Threefry (randomgen's, not in numpy) with numpy's
Philox, the counter-based generator numpy has.
The pure-Python backend is timed at n = 10**3 only.
It also times single calls of ``prng.compat.python.Random`` against CPython's ``random.Random`` (same
seed, same statement, same run): ns per call and the ratio.
"""

import argparse
import platform
import random
import statistics
import time
import timeit
from pathlib import Path

import numpy as np

import prng

# prng class, numpy class it is compared with, values of prng per numpy value
ALGORITHMS = [
    ("PCG64", "PCG64", 1),
    ("PCG64DXSM", "PCG64DXSM", 1),
    ("MT19937", "MT19937", 1),
    ("Philox", "Philox", 1),
    ("Philox4x32", "Philox", 2),
    ("SFC64", "SFC64", 1),
    ("Threefry", "Philox", 1),
    ("Threefry2x32", "Philox", 2),
    ("MiddleSquareWeyl", "MT19937", 1),
    ("ARC4", "MT19937", 1),
]
SEEDS = {"MiddleSquareWeyl": 0xB5AD4ECEDA1CE2A9, "ARC4": "bench"}
SIZES = (10**3, 10**7)


def make(name, backend):
    """A prng generator of class ``name`` on ``backend``."""
    return getattr(prng, name)(SEEDS.get(name, 12345), backend=backend)


def median_seconds(fn, runs, repeat):
    """Median over ``runs`` of the time of ``repeat`` calls of ``fn``, per call."""
    fn()  # warm up (compiles numba kernels, faults in pages)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(repeat):
            fn()
        times.append((time.perf_counter() - start) / repeat)
    return statistics.median(times)


def operations(gen, n, per_value=1):
    """The timed operations on ``gen`` for ``n`` numpy-sized values: name -> zero-argument callable.

    ``per_value`` prng values make one numpy value (2 for Philox4x32's 32-bit words), except in
    ``fill_uint32``, which writes as many bytes as numpy's ``random_raw(n)``: 2n 32-bit words.
    """
    out = np.empty(n * per_value, dtype=np.uint64)
    doubles = np.empty(n)
    words = np.empty(2 * n, dtype=np.uint32)
    if isinstance(gen, np.random.BitGenerator):
        numpy_gen = np.random.Generator(gen)
        return {
            "random_raw(n)": lambda: gen.random_raw(n),
            "random_raw(n, out=)": lambda: gen.random_raw(n),  # numpy has no out=: a new array each time
            "fill_uint32 (64 bits/value, out=)": lambda: gen.random_raw(n),
            "doubles": lambda: numpy_gen.random(n, out=doubles),
        }
    return {
        "random_raw(n)": lambda: gen.random_raw(n * per_value),
        "random_raw(n, out=)": lambda: gen.random_raw(out=out),
        "fill_uint32 (64 bits/value, out=)": lambda: gen.fill_uint32(words),
        "doubles": lambda: gen.fill_double(doubles),
    }


def bench(runs):
    """Rows of (algorithm, backend, n, operation, ns per value, ratio to numpy)."""
    rows = []
    for n in SIZES:
        repeat = max(1, 10**6 // n)
        for name, numpy_name, per_value in ALGORITHMS:
            ref_ops = operations(getattr(np.random, numpy_name)(12345), n)
            ref = {op: median_seconds(fn, runs, repeat) for op, fn in ref_ops.items()}
            for backend in prng.available_backends():
                if backend == "python" and n > 10**3:
                    continue
                ops = operations(make(name, backend), n, per_value)
                for op, fn in ops.items():
                    seconds = median_seconds(fn, runs, repeat if backend != "python" else 1)
                    rows.append((name, backend, n, op, seconds / n * 1e9, seconds / ref[op], numpy_name))
    return rows


# compat.python.Random against CPython's random.Random: (statement, calls per timing)
PYTHON_RANDOM_CALLS = [("random()", 10**6), ("getrandbits(32)", 10**6), ("randrange(1000)", 2 * 10**5),
                       ("gauss()", 2 * 10**5), ("shuffle(x)", 200)]


def bench_python_random(runs):
    """Rows of (call, prng ns per call, CPython ns per call, ratio), timed alternately in one run."""
    from prng.compat.python import Random

    rows = []
    for call, number in PYTHON_RANDOM_CALLS:
        times = {}
        for name, cls in (("prng", Random), ("cpython", random.Random)):
            namespace = {"r": cls(12345), "x": list(range(1000))}
            times[name] = statistics.median(timeit.repeat(f"r.{call}", globals=namespace, number=number,
                                                          repeat=runs)) / number * 1e9
        rows.append((call, times["prng"], times["cpython"], times["prng"] / times["cpython"]))
    return rows


def python_random_markdown(rows):
    """The compat.python.Random timings as a Markdown table."""
    lines = ["", "`prng.compat.python.Random` against CPython's `random.Random` (same seed, same statement "
             "`r.<call>`, median of the runs; shuffle of 1000 items per call):", "",
             "| call | prng ns/call | CPython ns/call | × CPython |", "|---|---:|---:|---:|"]
    lines += [f"| `{call}` | {ours:.1f} | {theirs:.1f} | {ratio:.2f} |" for call, ours, theirs, ratio in rows]
    return "\n".join(lines) + "\n"


# numpy's continuous Generator methods: (label, call on a Generator with n), prng's C backend against
# numpy, both over PCG64(12345), n = 10**6
CONTINUOUS_N = 10**6
CONTINUOUS_CALLS = [
    ("standard_gamma(0.5)", lambda g, n: g.standard_gamma(0.5, n)),
    ("standard_gamma(3.0)", lambda g, n: g.standard_gamma(3.0, n)),
    ("standard_gamma(3.0, float32)", lambda g, n: g.standard_gamma(3.0, n, dtype=np.float32)),
    ("gamma(2.0, 3.0)", lambda g, n: g.gamma(2.0, 3.0, n)),
    ("beta(0.5, 0.5)", lambda g, n: g.beta(0.5, 0.5, n)),
    ("beta(2.0, 5.0)", lambda g, n: g.beta(2.0, 5.0, n)),
    ("chisquare(3.0)", lambda g, n: g.chisquare(3.0, n)),
    ("f(4.0, 7.0)", lambda g, n: g.f(4.0, 7.0, n)),
    ("standard_t(5.0)", lambda g, n: g.standard_t(5.0, n)),
    ("standard_cauchy", lambda g, n: g.standard_cauchy(n)),
    ("laplace", lambda g, n: g.laplace(0.0, 1.0, n)),
    ("gumbel", lambda g, n: g.gumbel(0.0, 1.0, n)),
    ("logistic", lambda g, n: g.logistic(0.0, 1.0, n)),
    ("lognormal", lambda g, n: g.lognormal(0.0, 1.0, n)),
    ("pareto(3.0)", lambda g, n: g.pareto(3.0, n)),
    ("power(2.0)", lambda g, n: g.power(2.0, n)),
    ("rayleigh", lambda g, n: g.rayleigh(1.0, n)),
    ("weibull(1.5)", lambda g, n: g.weibull(1.5, n)),
    ("wald(1.0, 2.0)", lambda g, n: g.wald(1.0, 2.0, n)),
    ("vonmises(0.0, 2.0)", lambda g, n: g.vonmises(0.0, 2.0, n)),
    ("triangular", lambda g, n: g.triangular(-1.0, 0.5, 2.0, n)),
    ("standard_exponential(method='inv')", lambda g, n: g.standard_exponential(n, method="inv")),
    ("noncentral_chisquare(3.0, 2.0)", lambda g, n: g.noncentral_chisquare(3.0, 2.0, n)),
    ("noncentral_chisquare(0.5, 2.0)", lambda g, n: g.noncentral_chisquare(0.5, 2.0, n)),
    ("noncentral_f(3.0, 5.0, 1.5)", lambda g, n: g.noncentral_f(3.0, 5.0, 1.5, n)),
    ("dirichlet([1, 2, 3]), n/3 rows", lambda g, n: g.dirichlet([1.0, 2.0, 3.0], n // 3)),
    ("multivariate_normal(3-d, cholesky), n/3 rows",
     lambda g, n: g.multivariate_normal(np.zeros(3), np.eye(3), n // 3, method="cholesky")),
]


# numpy's discrete Generator methods, the same way
DISCRETE_CALLS = [
    ("poisson(3.0)", lambda g, n: g.poisson(3.0, n)),
    ("poisson(40.0)", lambda g, n: g.poisson(40.0, n)),
    ("binomial(20, 0.3) (inversion)", lambda g, n: g.binomial(20, 0.3, n)),
    ("binomial(1000, 0.4) (BTPE)", lambda g, n: g.binomial(1000, 0.4, n)),
    ("binomial(1000, 0.8) (BTPE)", lambda g, n: g.binomial(1000, 0.8, n)),
    ("negative_binomial(3.0, 0.4)", lambda g, n: g.negative_binomial(3.0, 0.4, n)),
    ("geometric(0.6) (search)", lambda g, n: g.geometric(0.6, n)),
    ("geometric(0.05) (inversion)", lambda g, n: g.geometric(0.05, n)),
    ("logseries(0.7)", lambda g, n: g.logseries(0.7, n)),
    ("zipf(2.5)", lambda g, n: g.zipf(2.5, n)),
    ("hypergeometric(7, 12, 5) (sampling)", lambda g, n: g.hypergeometric(7, 12, 5, n)),
    ("hypergeometric(300, 500, 200) (HRUA)", lambda g, n: g.hypergeometric(300, 500, 200, n)),
    ("multinomial(50, [.2, .3, .5]), n/3 rows", lambda g, n: g.multinomial(50, [0.2, 0.3, 0.5], n // 3)),
    ("multivariate_hypergeometric([4, 7, 9], 8), n/3 rows",
     lambda g, n: g.multivariate_hypergeometric([4, 7, 9], 8, n // 3)),
    ("multivariate_hypergeometric(..., method='count'), n/3 rows",
     lambda g, n: g.multivariate_hypergeometric([4, 7, 9], 8, n // 3, method="count")),
]


def bench_methods(calls, runs):
    """Rows of (call, prng ns/value, numpy ns/value, ratio) of Generator ``calls`` (label, call on a
    Generator with n): process time, numpy and prng interleaved."""
    rows = []
    for label, call in calls:
        gens = {"prng": prng.Generator(prng.PCG64(12345, backend="c")),
                "numpy": np.random.Generator(np.random.PCG64(12345))}
        times = {name: [] for name in gens}
        for name, gen in gens.items():
            call(gen, CONTINUOUS_N)  # warm up
        for _ in range(runs):
            for name, gen in gens.items():
                start = time.process_time()
                call(gen, CONTINUOUS_N)
                times[name].append(time.process_time() - start)
        ours, theirs = (statistics.median(times[k]) / CONTINUOUS_N * 1e9 for k in ("prng", "numpy"))
        rows.append((label, ours, theirs, ours / theirs))
    return rows


def methods_markdown(kind, rows):
    """The timings of numpy's ``kind`` ("continuous", "discrete") samplers as a Markdown table."""
    lines = ["", f"numpy's {kind} `Generator` methods, prng's C backend against numpy (PCG64, n = 10^6, "
             "process time, median of the interleaved runs):", "",
             "| call | prng ns/value | numpy ns/value | × numpy |", "|---|---:|---:|---:|"]
    lines += [f"| `{call}` | {ours:.1f} | {theirs:.1f} | {ratio:.2f} |" for call, ours, theirs, ratio in rows]
    return "\n".join(lines) + "\n"


def machine():
    """A one-line description of this machine and the library versions."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{model}, {platform.system()} {platform.machine()}, Python {platform.python_version()}, numpy {np.__version__}"


def markdown(rows, runs):
    """The results as a Markdown table."""
    lines = [
        f"Machine: {machine()}. Median of {runs} runs; ratio = prng time / numpy time in the same run "
        "(< 1 is faster than numpy). Philox4x32 per 64 bits of output.",
        "",
        "| algorithm | backend | n | operation | ns/value | × numpy | numpy reference |",
        "|---|---|---:|---|---:|---:|---|",
    ]
    for name, backend, n, op, ns, ratio, numpy_name in rows:
        lines.append(f"| {name} | {backend} | 10^{len(str(n)) - 1} | {op} | {ns:.2f} | {ratio:.2f} | {numpy_name} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case (median reported)")
    parser.add_argument("--out", default=str(Path(__file__).with_name("RESULTS.md")), help="Markdown output")
    parser.add_argument("--continuous", action="store_true", help="time only the continuous samplers")
    parser.add_argument("--discrete", action="store_true", help="time only the discrete samplers")
    args = parser.parse_args()
    samplers = {"continuous": CONTINUOUS_CALLS, "discrete": DISCRETE_CALLS}
    chosen = [kind for kind in samplers if getattr(args, kind)]
    if chosen:
        for kind in chosen:
            print(methods_markdown(kind, bench_methods(samplers[kind], args.runs)))
        return
    table = markdown(bench(args.runs), args.runs) + python_random_markdown(bench_python_random(args.runs))
    for kind, calls in samplers.items():
        table += methods_markdown(kind, bench_methods(calls, args.runs))
    Path(args.out).write_text(table)
    print(table)


if __name__ == "__main__":
    main()
