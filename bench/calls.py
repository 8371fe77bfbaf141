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
_P1000 = np.arange(1, 1001) / np.arange(1, 1001).sum()
_HIGHS = np.resize(np.array([10, 1000, 10**6, 2**40]), N)  # broadcast bounds, one per value
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
        # numpy's continuous distributions
        ("standard_gamma(0.5)", N, lambda g: g.standard_gamma(0.5, N)),
        ("standard_gamma(3.0)", N, lambda g: g.standard_gamma(3.0, N)),
        ("standard_gamma(3.0, float32)", N, lambda g: g.standard_gamma(3.0, N, dtype=np.float32)),
        ("gamma(2.0, 3.0)", N, lambda g: g.gamma(2.0, 3.0, N)),
        ("beta(0.5, 0.5)", N, lambda g: g.beta(0.5, 0.5, N)),
        ("beta(2.0, 5.0)", N, lambda g: g.beta(2.0, 5.0, N)),
        ("chisquare(3.0)", N, lambda g: g.chisquare(3.0, N)),
        ("f(4.0, 7.0)", N, lambda g: g.f(4.0, 7.0, N)),
        ("standard_t(5.0)", N, lambda g: g.standard_t(5.0, N)),
        ("standard_cauchy()", N, lambda g: g.standard_cauchy(N)),
        ("laplace(0.0, 1.0)", N, lambda g: g.laplace(0.0, 1.0, N)),
        ("gumbel(0.0, 1.0)", N, lambda g: g.gumbel(0.0, 1.0, N)),
        ("logistic(0.0, 1.0)", N, lambda g: g.logistic(0.0, 1.0, N)),
        ("lognormal(0.0, 1.0)", N, lambda g: g.lognormal(0.0, 1.0, N)),
        ("pareto(3.0)", N, lambda g: g.pareto(3.0, N)),
        ("power(2.0)", N, lambda g: g.power(2.0, N)),
        ("rayleigh(1.0)", N, lambda g: g.rayleigh(1.0, N)),
        ("weibull(1.5)", N, lambda g: g.weibull(1.5, N)),
        ("wald(1.0, 2.0)", N, lambda g: g.wald(1.0, 2.0, N)),
        ("vonmises(0.0, 2.0)", N, lambda g: g.vonmises(0.0, 2.0, N)),
        ("triangular(-1.0, 0.5, 2.0)", N, lambda g: g.triangular(-1.0, 0.5, 2.0, N)),
        ("standard_exponential(method='inv')", N, lambda g: g.standard_exponential(N, method="inv")),
        ("noncentral_chisquare(3.0, 2.0)", N, lambda g: g.noncentral_chisquare(3.0, 2.0, N)),
        ("noncentral_chisquare(0.5, 2.0)", N, lambda g: g.noncentral_chisquare(0.5, 2.0, N)),
        ("noncentral_f(3.0, 5.0, 1.5)", N, lambda g: g.noncentral_f(3.0, 5.0, 1.5, N)),
        ("dirichlet([1, 2, 3]), 10**6 / 3 rows", N, lambda g: g.dirichlet([1.0, 2.0, 3.0], N // 3)),
        ("multivariate_normal(3-d, cholesky), 10**6 / 3 rows", N,
         lambda g: g.multivariate_normal(np.zeros(3), np.eye(3), N // 3, method="cholesky")),
        # numpy's discrete distributions
        ("poisson(3.0)", N, lambda g: g.poisson(3.0, N)),
        ("poisson(40.0)", N, lambda g: g.poisson(40.0, N)),
        ("binomial(20, 0.3) (inversion)", N, lambda g: g.binomial(20, 0.3, N)),
        ("binomial(1000, 0.4) (BTPE)", N, lambda g: g.binomial(1000, 0.4, N)),
        ("binomial(1000, 0.8) (BTPE)", N, lambda g: g.binomial(1000, 0.8, N)),
        ("negative_binomial(3.0, 0.4)", N, lambda g: g.negative_binomial(3.0, 0.4, N)),
        ("geometric(0.6) (search)", N, lambda g: g.geometric(0.6, N)),
        ("geometric(0.05) (inversion)", N, lambda g: g.geometric(0.05, N)),
        ("logseries(0.7)", N, lambda g: g.logseries(0.7, N)),
        ("zipf(2.5)", N, lambda g: g.zipf(2.5, N)),
        ("hypergeometric(7, 12, 5) (sampling)", N, lambda g: g.hypergeometric(7, 12, 5, N)),
        ("hypergeometric(300, 500, 200) (HRUA)", N, lambda g: g.hypergeometric(300, 500, 200, N)),
        ("multinomial(50, [.2, .3, .5]), 10**6 / 3 rows", N, lambda g: g.multinomial(50, [0.2, 0.3, 0.5], N // 3)),
        ("multivariate_hypergeometric([4, 7, 9], 8), 10**6 / 3 rows", N,
         lambda g: g.multivariate_hypergeometric([4, 7, 9], 8, N // 3)),
        ("multivariate_hypergeometric(..., method='count'), 10**6 / 3 rows", N,
         lambda g: g.multivariate_hypergeometric([4, 7, 9], 8, N // 3, method="count")),
        # structural
        ("integers(0, high array)", N, lambda g: g.integers(0, _HIGHS)),
        ("choice(1000, 10**6, p=...)", N, lambda g: g.choice(1000, N, p=_P1000)),
    ]


def _randomstate_cases():
    """(label, values per call, call on r) for RandomState, r = an MT19937 RandomState."""
    return [
        ("rand()", N, lambda r: r.rand(N)),
        ("randn()", N, lambda r: r.randn(N)),
        ("randint(0, 1000)", N, lambda r: r.randint(0, 1000, N)),
        ("permutation(10**6)", N, lambda r: r.permutation(N)),
        ("normal(1.0, 2.0)", N, lambda r: r.normal(1.0, 2.0, N)),
        ("standard_gamma(3.0)", N, lambda r: r.standard_gamma(3.0, N)),
        ("beta(2.0, 5.0)", N, lambda r: r.beta(2.0, 5.0, N)),
        ("standard_t(5.0)", N, lambda r: r.standard_t(5.0, N)),
        ("exponential(2.0)", N, lambda r: r.exponential(2.0, N)),
        ("poisson(3.0)", N, lambda r: r.poisson(3.0, N)),
        ("binomial(1000, 0.4)", N, lambda r: r.binomial(1000, 0.4, N)),
        ("hypergeometric(300, 500, 200)", N, lambda r: r.hypergeometric(300, 500, 200, N)),
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
