"""Time the calls users make (Generator and RandomState methods, the bootstrap) against numpy and scipy.

    python bench/calls.py [--runs 7] [--only NAME ...]

Each case is a pair of zero-argument calls, prng's and the reference's, with the same arguments on the
same kind of bit generator (PCG64 for Generator, MT19937 for RandomState). The two are timed
alternately in one process with ``time.process_time`` (CPU time of this process, so other load on a
shared machine counts less), ``--runs`` times each after a warm-up call (numba compiles, pages fault
in); the table reports the medians per value and their ratio. prng is timed on each compiled backend
(``c``, ``numba``); the numba column also gives its ratio to the C time (the issue's target: ≤ 1.5×).
"""

import argparse
import statistics
import time

import numpy as np

import prng
from prng.compat import numpy as compat_numpy

N = 10**6
SEED = 12345
BACKENDS = ("c", "numba")


def _generator_cases():
    """(label, values per call, prng call on g, numpy call on g) for Generator, g = a PCG64 Generator."""
    x = np.arange(N)
    return [
        ("random()", N, lambda g: g.random(N)),
        ("random(float32)", N, lambda g: g.random(N, dtype=np.float32)),
        ("integers(0, 1000)", N, lambda g: g.integers(0, 1000, N)),
        ("integers(0, 2**40)", N, lambda g: g.integers(0, 2**40, N)),
        ("integers(0, 1000, int32)", N, lambda g: g.integers(0, 1000, N, dtype=np.int32)),
        ("integers(0, 200, uint8)", N, lambda g: g.integers(0, 200, N, dtype=np.uint8)),
        ("integers(0, 2, bool)", N, lambda g: g.integers(0, 2, N, dtype=np.bool_)),
        ("standard_normal()", N, lambda g: g.standard_normal(N)),
        ("standard_normal(float32)", N, lambda g: g.standard_normal(N, dtype=np.float32)),
        ("standard_exponential()", N, lambda g: g.standard_exponential(N)),
        ("exponential(2.0)", N, lambda g: g.exponential(2.0, N)),
        ("normal(1.0, 2.0)", N, lambda g: g.normal(1.0, 2.0, N)),
        ("uniform(-1.0, 2.0)", N, lambda g: g.uniform(-1.0, 2.0, N)),
        ("permutation(10**6)", N, lambda g: g.permutation(N)),
        ("shuffle(arange(10**6))", N, lambda g: g.shuffle(x)),
        ("choice(10**6, 10**6)", N, lambda g: g.choice(N, N)),
        ("choice(10**6, 10**5, replace=False)", N // 10, lambda g: g.choice(N, N // 10, replace=False)),
    ]


def _randomstate_cases():
    """(label, values per call, call on r) for RandomState, r = an MT19937 RandomState."""
    return [
        ("rand()", N, lambda r: r.rand(N)),
        ("randn()", N, lambda r: r.randn(N)),
        ("randint(0, 1000)", N, lambda r: r.randint(0, 1000, N)),
        ("permutation(10**6)", N, lambda r: r.permutation(N)),
    ]


def _bootstrap_cases():
    """(label, resamples, prng call, scipy call): n = 1000, 9999 resamples of the mean, seed 1."""
    from scipy import stats

    data = np.random.default_rng(0).normal(size=1000)

    def ours(method):
        return lambda: prng.bootstrap(data, np.mean, n_resamples=9999, method=method, seed=1)

    def scipy(method):
        return lambda: stats.bootstrap((data,), np.mean, n_resamples=9999, method=method,
                                       rng=np.random.default_rng(1))

    return [(f"bootstrap(mean, {m})", 9999, ours(m), scipy(m)) for m in ("percentile", "BCa")]


def interleaved(calls, runs):
    """Median CPU seconds of each zero-argument call, timed alternately ``runs`` times after a warm-up."""
    for call in calls:
        call()
    times = [[] for _ in calls]
    for _ in range(runs):
        for call, spent in zip(calls, times):
            start = time.process_time()
            call()
            spent.append(time.process_time() - start)
    return [statistics.median(t) for t in times]


def bench_calls(runs, only=None):
    """Rows: (group, call, reference name, values, reference s, {backend: s})."""
    groups = [("Generator", "numpy", lambda b: prng.Generator(prng.PCG64(SEED, backend=b)),
               lambda: np.random.default_rng(SEED), _generator_cases()),
              ("RandomState", "numpy", lambda b: compat_numpy.RandomState(prng.MT19937(SEED, backend=b)),
               lambda: np.random.RandomState(SEED), _randomstate_cases())]
    rows = []
    for group, reference, ours, theirs, cases in groups:
        for label, values, call in cases:
            if only and not any(o in f"{group}.{label}" for o in only):
                continue
            gens = [ours(b) for b in BACKENDS]
            ref_gen = theirs()
            seconds = interleaved([lambda: call(ref_gen)] + [lambda g=g: call(g) for g in gens], runs)
            rows.append((group, label, reference, values, seconds[0], dict(zip(BACKENDS, seconds[1:]))))
    for label, values, ours, theirs in _bootstrap_cases():
        if only and not any(o in label for o in only):
            continue
        ref, mine = interleaved([theirs, ours], runs)
        rows.append(("prng", label, "scipy", values, ref, {"c": mine}))
    return rows


def calls_markdown(rows, runs):
    """The timings as a Markdown table."""
    lines = [
        f"Calls users make, n = 10^6 values unless stated; CPU time, median of {runs} alternating runs; "
        "× = prng / reference in the same run (< 1: faster).",
        "",
        "| call | reference | reference ns/value | c ns/value | c × ref | numba ns/value | numba × ref | numba × c |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for group, label, reference, values, ref, mine in rows:
        c, numba = mine.get("c"), mine.get("numba")
        per = 1e9 / values
        cells = [f"`{group}.{label}`", reference, f"{ref * per:.2f}", f"{c * per:.2f}", f"{c / ref:.2f}"]
        cells += ([f"{numba * per:.2f}", f"{numba / ref:.2f}", f"{numba / c:.2f}"] if numba is not None
                  else ["–", "–", "–"])
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per call (median reported)")
    parser.add_argument("--only", nargs="*", help="substrings of the calls to time (default: all)")
    args = parser.parse_args()
    print(calls_markdown(bench_calls(args.runs, args.only), args.runs))


if __name__ == "__main__":
    main()
