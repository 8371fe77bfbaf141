"""Write numpy_discrete.json: numpy 2.4.6's discrete Generator and RandomState methods.

Every expected value is what numpy returns (versions recorded in the file): numpy.random.Generator over
numpy's PCG64, PCG64DXSM, MT19937, Philox and SFC64, and numpy.random.RandomState (legacy seeding), each
case one continuing object (so buffered halves, RandomState's cached normal and both objects' binomial
setup cache carry from call to call), then the bit generator's state. The parameters sit on both sides
of every branch switch inside the samplers (poisson lam = 10; binomial n min(p, 1-p) = 30 and p = 0.5;
geometric p = 1/3; hypergeometric sample = 10 and good + bad - 10, legacy sample = 10; zipf a = 1025;
p = 0 and 1; n = 0). No prng code is imported. Run with the project's venv:
`python vectors/make_numpy_discrete.py`. Schema: vectors/README.md ("Distribution cases"), with the
encoding of make_numpy_continuous.py.
"""

import numpy as np

from make_numpy_continuous import INF, Recorder, generator_case, randomstate_case
from vecjson import versions, write

NP = np.random
SIZE = 25
COL = np.array([[1], [3], [40]])  # broadcasts against a row to shape (3, k)
THIRD = 0.333333333333333333333333  # numpy's geometric switch (the double nearest 1/3)


# ---- Generator ---------------------------------------------------------------------------------

def generator_battery(rec, n=SIZE):
    """Every discrete Generator method at ordinary parameters."""
    rec("poisson", 3.0, n)
    rec("poisson", 40.0, n)
    rec("binomial", 20, 0.3, n)
    rec("binomial", 1000, 0.4, n)
    rec("binomial", 1000, 0.8, n)
    rec("negative_binomial", 3.0, 0.4, n)
    rec("geometric", 0.6, n)
    rec("geometric", 0.05, n)
    rec("logseries", 0.7, n)
    rec("zipf", 2.5, n)
    rec("hypergeometric", 7, 12, 5, n)
    rec("hypergeometric", 300, 500, 200, n)
    rec("multinomial", 50, [0.2, 0.3, 0.5], 6)
    rec("multivariate_hypergeometric", [4, 7, 9], 8, 5)
    rec("multivariate_hypergeometric", [4, 7, 9], 8, 5, method="count")
    rec("poisson")
    rec("binomial", 7, 0.5)


def generator_edges(rec):
    """Both sides of every branch switch, tiny and huge parameters, broadcasting, scalars, sizes."""
    for lam in (0.0, 1e-300, 1e-3, 0.5, 9.999999999999998, 10.0, 10.000000000000002, 25.0, 1e3, 1e6, 1e12, 1e18):
        rec("poisson", lam, 12)
    rec("poisson", COL * [0.0, 0.5, 9.0, 11.0])
    rec("poisson", [[2.0, 20.0]], size=(3, 2))
    for nn, p in ((0, 0.5), (10, 0.0), (10, 1.0), (1, 0.5), (100, 0.3), (100, 0.31), (101, 0.3), (60, 0.5),
                  (61, 0.5), (100, 0.7), (100, 0.69), (1000, 0.99), (10**6, 0.4), (2**40, 1e-12), (10**15, 0.3),
                  (45, 0.5000000000000001), (3, 5e-324)):
        rec("binomial", nn, p, 12)
    rec("binomial", 50, 0.45, 4)  # the same (n, p) again: numpy's cached setup
    rec("binomial", [5, 100, 1000], [[0.1], [0.9]])
    rec("binomial", COL * 10, [0.0, 0.2, 0.6, 1.0])
    for nn, p in ((1.0, 0.5), (0.3, 0.1), (5.0, 0.9), (100.0, 0.01), (1e-3, 0.5), (1.0, 1.0), (1e6, 0.5),
                  (1e-300, 0.2)):
        rec("negative_binomial", nn, p, 10)
    rec("negative_binomial", [1.0, 5.0], [[0.5], [0.2]])
    for p in (1.0, 0.5, np.nextafter(THIRD, 1.0), THIRD, np.nextafter(THIRD, 0.0), 0.1, 1e-5, 1e-17, 1e-300,
              5e-324):
        rec("geometric", p, 12)
    rec("geometric", [[1.0, 0.4], [0.2, 1e-9]])
    for p in (0.0, 1e-10, 0.1, 0.5, 0.9, 0.999999, 0.9999999999999999):
        rec("logseries", p, 12)
    rec("logseries", COL / 50.0)
    for a in (1.0000001, 1.01, 1.1, 1.5, 2.0, 3.5, 30.0, 1024.9, 1025.0, 1e4, INF):
        rec("zipf", a, 12)
    rec("zipf", [[1.5, 2000.0], [3.0, 1.2]])
    for good, bad, sample in ((10, 10, 9), (10, 10, 10), (10, 10, 11), (5, 14, 10), (10, 10, 19), (10, 9, 9),
                              (100, 200, 50), (10**8, 10**8, 10**6), (999999999, 999999999, 10**8), (0, 10, 5),
                              (3, 0, 2), (50, 50, 0), (50, 50, 100), (15, 5, 10), (1000, 3, 500), (3, 1000, 990),
                              (200, 100, 290)):
        rec("hypergeometric", good, bad, sample, 12)
    rec("hypergeometric", [10, 100], [[5], [300]], 12)
    rec("hypergeometric", 8, 9, 12)
    rec("multinomial", 100, [0.2, 0.3, 0.5])
    rec("multinomial", 0, [0.5, 0.5], 2)
    rec("multinomial", 10, [1.0, 0.0], 2)
    rec("multinomial", 10, [0.0, 1.0], 2)
    rec("multinomial", 10, [0.5, 0.5 + 1e-13, 0.0], 2)
    rec("multinomial", 10**6, [0.5, 0.25, 0.25], 3)
    rec("multinomial", 30, [0.1, 0.2, 0.3, 0.4], (2, 3))
    rec("multinomial", [10, 200], [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8]])
    rec("multinomial", [[5], [50]], [0.3, 0.7], size=(2, 3))
    rec("multinomial", 40, [[0.5, 0.5], [0.9, 0.1]], size=(4, 2))
    for method in ("marginals", "count"):
        for colors, nsample, size in (([3, 5, 10], 7, 4), ([3, 5, 10], 12, 4), ([3, 5, 10], 0, 2),
                                      ([3, 5, 10], 18, 2), ([0, 5, 0, 2], 3, 3), ([2, 300, 1000, 20], 700, 3),
                                      ([6], 4, 2), ([4, 4], 4, (2, 2))):
            rec("multivariate_hypergeometric", colors, nsample, size, method=method)
        rec("multivariate_hypergeometric", [5, 5, 5], 6, method=method)
    rec("multivariate_hypergeometric", [10**6, 2 * 10**6, 3 * 10**6], 10**5, 2)


GENERATOR_SPECS = [("PCG64", 0), ("PCG64", 12345), ("PCG64DXSM", 3), ("MT19937", 5), ("Philox", 7),
                   ("SFC64", 11)]


def generator_cases():
    cases = []
    for cls, seed in GENERATOR_SPECS:
        rec = Recorder(NP.Generator(getattr(NP, cls)(seed)))
        generator_battery(rec)
        cases.append(generator_case(f"Generator({cls}({seed})) discrete", cls, seed, rec))
    for cls, seed in [("PCG64", 1), ("MT19937", 2), ("SFC64", 3), ("Philox", 4)]:
        rec = Recorder(NP.Generator(getattr(NP, cls)(seed)))
        generator_edges(rec)
        cases.append(generator_case(f"Generator({cls}({seed})) discrete edges", cls, seed, rec))
    return cases


# ---- RandomState -------------------------------------------------------------------------------

def randomstate_battery(rec, n=SIZE):
    """Every discrete RandomState method; an odd normal count leaves a cached normal that
    negative_binomial's legacy gamma picks up."""
    rec("standard_normal", 3)
    rec("negative_binomial", 3.0, 0.4, n)
    rec("poisson", 3.0, n)
    rec("poisson", 40.0, n)
    rec("binomial", 20, 0.3, n)
    rec("binomial", 1000, 0.4, n)
    rec("binomial", 1000, 0.8, n)
    rec("geometric", 0.6, n)
    rec("geometric", 0.05, n)
    rec("logseries", 0.7, n)
    rec("zipf", 2.5, n)
    rec("hypergeometric", 7, 12, 5, n)
    rec("hypergeometric", 300, 500, 200, n)
    rec("multinomial", 50, [0.2, 0.3, 0.5], 6)
    rec("poisson")
    rec("binomial", 7, 0.5)
    rec("negative_binomial", 0.5, 0.5)


def randomstate_edges(rec):
    for lam in (0.0, 1e-3, 9.999999999999998, 10.0, 1e6):
        rec("poisson", lam, 8)
    rec("poisson", COL * [0.0, 0.5, 11.0])
    for nn, p in ((0, 0.5), (10, 0.0), (10, 1.0), (100, 0.3), (101, 0.3), (61, 0.5), (100, 0.7), (1000, 0.99),
                  (10**6, 0.4)):
        rec("binomial", nn, p, 8)
    # binomial and multinomial share RandomState's setup cache. For huge n and tiny p, legacy inversion's
    # q**n = exp(n log(1 - p)) is far from the exp(n log1p(-p)) of multinomial's (Generator's) binomials,
    # so whichever setup is cached shows in the other's draws
    rec("binomial", 3 * 10**15, 1e-14, 3)
    rec("multinomial", 3 * 10**15, [1e-14, 1 - 1e-14], 30)
    rec("multinomial", 2 * 10**15, [1.2e-14, 1 - 1.2e-14], 3)
    rec("binomial", 2 * 10**15, 1.2e-14, 30)
    rec("binomial", 20, 0.3, 3)
    rec("multinomial", 20, [0.3, 0.7], 10)
    rec("binomial", [5, 100], [[0.1], [0.9]])
    for p in (1.0, 0.5, THIRD, np.nextafter(THIRD, 0.0), 0.1, 1e-5, 1e-17, 1e-300):
        rec("geometric", p, 8)
    for p in (0.0, 0.1, 0.5, 0.999999, 0.9999999999999999):
        rec("logseries", p, 8)
    for a in (1.0001, 1.1, 2.0, 30.0, 1000.0):
        rec("zipf", a, 8)
    for good, bad, sample in ((10, 10, 1), (10, 10, 10), (10, 10, 11), (5, 0, 3), (0, 5, 3), (100, 200, 50),
                              (10**8, 10**8, 10**6), (3, 1000, 990), (1000, 3, 500)):
        rec("hypergeometric", good, bad, sample, 8)
    rec("hypergeometric", [10, 100], [[5], [300]], 12)
    for nn, p in ((1.0, 0.5), (0.3, 0.1), (100.0, 0.01), (1e-3, 0.5), (1.0, 1.0)):
        rec("negative_binomial", nn, p, 8)
    rec("negative_binomial", [1.0, 5.0], [[0.5], [0.2]])
    rec("multinomial", 0, [0.5, 0.5], 2)
    rec("multinomial", 10**6, [0.5, 0.25, 0.25], 3)
    rec("multinomial", 30, [0.1, 0.2, 0.3, 0.4], (2, 3))
    rec("multinomial", 5, [])


def randomstate_cases():
    cases = []
    for seed in (0, 1234567890, [3, 1, 4]):
        rec = Recorder(NP.RandomState(seed))
        randomstate_battery(rec)
        cases.append(randomstate_case(f"RandomState({seed}) discrete", seed, rec))
    for seed in (5, 6):
        rec = Recorder(NP.RandomState(seed))
        randomstate_edges(rec)
        cases.append(randomstate_case(f"RandomState({seed}) discrete edges", seed, rec))
    return cases


def main():
    write("numpy_discrete.json", family="numpy_discrete", generated_by="vectors/make_numpy_discrete.py",
          versions=versions(numpy=np.__version__),
          source="numpy.random.Generator (numpy bit generators seeded as in 'make') and RandomState(seed) "
                 "discrete methods",
          cases=generator_cases() + randomstate_cases())


if __name__ == "__main__":
    main()
