"""Write numpy_continuous.json: numpy 2.4.6's continuous Generator and RandomState methods.

Every expected value is what numpy returns (versions recorded in the file): numpy.random.Generator over
numpy's PCG64, PCG64DXSM, MT19937, Philox and SFC64, and numpy.random.RandomState (legacy seeding), each
case one continuing object so buffered halves and RandomState's cached normal carry from call to call,
then the bit generator's state. No prng code is imported. Run with the project's venv:
`python vectors/make_numpy_continuous.py`. Schema: vectors/README.md ("Distribution cases"); additions
used here: non-finite float arguments as {"float": "nan"}, string arguments as {"str": "inv"}, ``out=`` as {"empty": {"shape", "dtype"}}
(a fresh np.empty the method fills and returns), and ``"lapack": true`` on cases whose values also
depend on numpy.linalg (multivariate_normal).
"""

import numpy as np

from make_generator import Recorder, enc, seed_json
from vecjson import fhex, portable_state, versions, write

NP = np.random
SIZE = 25


NAN, INF = float("nan"), float("inf")
COL = np.array([[0.5], [2.0], [7.0]])  # broadcasts against a row to shape (3, k)


# ---- Generator ---------------------------------------------------------------------------------

def shared_battery(rec, n):
    """The continuous methods Generator and RandomState share, at ordinary parameters."""
    rec("gamma", 2.0, 3.0, n)
    rec("beta", 0.5, 0.7, n)
    rec("beta", 2.0, 5.0, n)
    rec("chisquare", 3.0, n)
    rec("f", 4.0, 7.0, n)
    rec("standard_cauchy", n)
    rec("standard_t", 5.0, n)
    rec("vonmises", 1.0, 2.0, n)
    rec("pareto", 3.0, n)
    rec("weibull", 1.5, n)
    rec("power", 2.0, n)
    rec("laplace", 1.0, 2.0, n)
    rec("gumbel", 1.0, 2.0, n)
    rec("logistic", 1.0, 2.0, n)
    rec("lognormal", 0.5, 0.25, n)
    rec("rayleigh", 2.0, n)
    rec("wald", 1.5, 2.0, n)
    rec("triangular", -1.0, 0.5, 2.0, n)
    rec("dirichlet", [1.0, 2.0, 3.0], 8)
    rec("dirichlet", [0.05, 0.02, 0.08], 3)
    rec("noncentral_chisquare", 3.0, 2.0, n)
    rec("noncentral_chisquare", 0.5, 2.0, n)
    rec("noncentral_f", 3.0, 5.0, 1.5, n)
    rec("exponential", 2.0, n)
    rec("normal", 1.0, 3.0, 5)
    rec("uniform", -2.0, 5.0, n)


def generator_battery(rec, n=SIZE):
    """Every continuous Generator method at ordinary parameters."""
    for shape in (0.5, 1.0, 3.5):
        rec("standard_gamma", shape, n)
        rec("standard_gamma", shape, n, dtype=np.float32)
    shared_battery(rec, n)
    rec("standard_exponential", n, method="inv")
    rec("standard_exponential", n, dtype=np.float32, method="inv")


def generator_edges(rec):
    """Branch switches, tiny and huge parameters, non-finite values, broadcasting, scalars, ``out``."""
    for shape in (0.0, 1e-300, 1e-3, 0.999, 1.0, 1.001, 1e5, 1e300, INF, NAN):
        rec("standard_gamma", shape, 10)
    for shape in (0.0, 1e-30, 1e-3, 0.5, 1.0, 4.0, 1e30):
        rec("standard_gamma", shape, 10, dtype=np.float32)
    rec("standard_gamma", [0.3, 1.0, 2.5], dtype=np.float32)
    rec("standard_gamma", COL * [0.1, 1.0, 3.0, 0.0], dtype=np.float32)
    rec("standard_gamma", 2.0, out=np.empty((2, 3)))
    rec("standard_gamma", 0.5, dtype=np.float32, out=np.empty(7, dtype=np.float32))
    rec("standard_gamma", [0.5, 2.0, 9.0], out=np.empty((2, 3)))
    rec("standard_gamma", 3.0)
    rec("standard_gamma", 3.0, dtype=np.float32)
    rec("gamma", COL, [0.5, 1.0])
    rec("gamma", 0.0, 2.0, 3)
    for a, b in ((1e-200, 1e-200), (1e-200, 1e-150), (1e-5, 1e-5), (1e-3, 2e-3), (0.5, 0.5), (1.0, 1.0),
                 (0.5, 3.0), (3.0, 0.5), (1e5, 1e5), (NAN, 0.5)):
        rec("beta", a, b, 10)
    rec("beta", COL, [0.2, 0.9, 4.0])
    for df in (1e-3, 0.5, 2.0, 1e10, 5e-324):
        rec("chisquare", df, 8)
    rec("chisquare", [0.5, 5e-324, 30.0])
    rec("f", 1e-3, 1e-3, 8)
    rec("f", 5e-324, 5e-324, 4)
    rec("f", COL, [1.0, 50.0])
    for df in (0.1, 1.0, 1e10, INF):
        rec("standard_t", df, 8)
    rec("standard_t", COL)
    for kappa in (0.0, 1e-9, 1e-8, 1e-6, 1e-5, 0.5, 50.0, 1e6, 1.1e6, 1e8, NAN):
        rec("vonmises", 3.0, kappa, 10)
    rec("vonmises", -3.1, 1e7, 10)
    rec("vonmises", [-3.0, 0.0, 3.0], COL)
    for a in (1e-3, 0.5, 1e3):
        rec("pareto", a, 6)
        rec("power", a, 6)
    for a in (0.0, 1e-3, 0.5, 50.0):
        rec("weibull", a, 6)
    rec("weibull", [0.0, 2.0])
    rec("laplace", COL, [0.0, 1.0, 1e-300], size=(2, 3, 3))
    rec("gumbel", [0.0, 5.0], COL)
    rec("logistic", -1e300, 1e300, 5)
    rec("lognormal", 0.0, 400.0, 6)
    rec("lognormal", COL, [0.0, 0.5])
    rec("rayleigh", [0.0, 1.0, 1e300])
    for mean, scale in ((1.0, 1.0), (0.1, 10.0), (1e5, 1e-5), (1e-300, 1e300)):
        rec("wald", mean, scale, 6)
    rec("wald", COL, [0.5, 3.0])
    for left, mode, right in ((0.0, 0.0, 1.0), (0.0, 1.0, 1.0), (-1e300, 0.0, 1e300)):
        rec("triangular", left, mode, right, 6)
    rec("triangular", [-1.0, 0.0], [0.0, 0.5], COL + 1.0)
    rec("dirichlet", [0.5, 0.5, 0.5, 0.5], (3, 2))
    rec("dirichlet", [0.0, 0.05, 0.0], 4)
    rec("dirichlet", [0.0, 0.0], 2)
    rec("dirichlet", [1e-3, 0.099], 4)
    rec("dirichlet", [2.0, 0.01])
    for df, nonc in ((3.0, 0.0), (0.5, 0.0), (0.5, 1e-3), (0.5, 25.0), (1.0, 30.0), (1.0 + 1e-9, 2.0), (3.0, NAN),
                     (0.5, NAN), (5e-324, 1.0)):
        rec("noncentral_chisquare", df, nonc, 6)
    rec("noncentral_chisquare", [0.5, 3.0], COL - 0.5)
    rec("noncentral_f", [0.5, 4.0], 5.0, COL)
    rec("noncentral_f", 2.0, 3.0, NAN, 3)
    rec("exponential", NAN)
    rec("exponential", [NAN, 1.0, 0.0])
    rec("standard_exponential", 3, method="inv", out=np.empty(3))
    rec("standard_cauchy")
    rec("standard_cauchy", (2, 2))
    rec("beta", 0.5, 0.5, 0)


def lapack_battery(rec):
    """multivariate_normal: its normals are the sampler's, its factor numpy.linalg's."""
    mean, cov = [1.0, -2.0, 0.5], [[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 1.0]]
    rec("multivariate_normal", mean, cov, 5, method="cholesky")
    rec("multivariate_normal", mean, cov, (2, 2), method="svd")
    rec("multivariate_normal", mean, cov, 3, method="eigh")
    rec("multivariate_normal", [0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], method="cholesky")


GENERATOR_SPECS = [("PCG64", 0), ("PCG64", 12345), ("PCG64DXSM", 3), ("MT19937", 5), ("Philox", 7),
                   ("SFC64", 11)]


def generator_case(name, cls, seed, rec, **extra):
    return {"kind": "generator", "name": name, "make": {"class": cls, "seed": seed_json(seed)}, **extra,
            "calls": rec.calls, "state": portable_state(rec.target.bit_generator.state)}


def generator_cases():
    cases = []
    for cls, seed in GENERATOR_SPECS:
        rec = Recorder(NP.Generator(getattr(NP, cls)(seed)))
        generator_battery(rec)
        cases.append(generator_case(f"Generator({cls}({seed})) continuous", cls, seed, rec))
    for cls, seed in [("PCG64", 1), ("MT19937", 2), ("SFC64", 3), ("Philox", 4)]:
        rec = Recorder(NP.Generator(getattr(NP, cls)(seed)))
        generator_edges(rec)
        cases.append(generator_case(f"Generator({cls}({seed})) continuous edges", cls, seed, rec))
    for cls, seed in [("PCG64", 8), ("MT19937", 8)]:
        rec = Recorder(NP.Generator(getattr(NP, cls)(seed)))
        lapack_battery(rec)
        cases.append(generator_case(f"Generator({cls}({seed})) multivariate_normal", cls, seed, rec, lapack=True))
    return cases


# ---- RandomState -------------------------------------------------------------------------------

def randomstate_battery(rec, n=SIZE):
    """Every continuous RandomState method; odd normal counts leave a cached normal for the next call."""
    rec("standard_normal", 3)
    rec("standard_gamma", 3.5, n)
    rec("standard_normal")
    rec("standard_gamma", 0.5, n)
    rec("standard_gamma", 1.0, 3)
    shared_battery(rec, n)
    rec("standard_exponential", n)
    rec("uniform", 5.0, -2.0, 3)
    rec("normal", 1.0, 3.0)


def randomstate_edges(rec):
    for shape in (0.0, 1e-300, 1e-3, 1.0, 1e5, 1e300):
        rec("standard_gamma", shape, 6)
    rec("gamma", COL, [0.5, 1.0])
    for a, b in ((1e-200, 1e-200), (1e-5, 1e-5), (0.5, 3.0), (1e5, 1e5)):
        rec("beta", a, b, 6)
    rec("chisquare", [0.5, 5e-324, 30.0])
    rec("f", COL, [1.0, 50.0])
    rec("standard_t", COL)
    for kappa in (0.0, 1e-9, 1e-6, 0.5, 1e8, NAN):
        rec("vonmises", 3.0, kappa, 6)
    rec("weibull", [0.0, 2.0])
    rec("pareto", [1e-3, 1e3])
    rec("power", [1e-3, 1e3])
    rec("lognormal", COL, [0.0, 0.5])
    rec("rayleigh", [0.0, 1.0])
    rec("wald", COL, [0.5, 3.0])
    rec("wald", 1e5, 1e-5, 4)
    rec("normal", COL, [1.0, 2.0])
    rec("uniform", COL, [1.0, 2.0])
    rec("exponential", [NAN, 1.0])
    for df, nonc in ((3.0, 0.0), (0.5, 25.0), (3.0, NAN), (0.5, NAN)):
        rec("noncentral_chisquare", df, nonc, 6)
    rec("noncentral_f", [0.5, 4.0], 5.0, COL)
    rec("dirichlet", [0.5, 0.5, 0.5, 0.5], (3, 2))
    rec("standard_cauchy")
    rec("triangular", [-1.0, 0.0], [0.0, 0.5], COL + 1.0)


def randomstate_case(name, seed, rec, **extra):
    _, key, pos, has_gauss, gauss = rec.target.get_state()
    state = {"key": enc(key.tolist()), "pos": pos, "has_gauss": has_gauss, "gauss": fhex(gauss)}
    return {"kind": "randomstate", "name": name, "make": {"seed": seed_json(seed)}, **extra,
            "calls": rec.calls, "state": state}


def randomstate_cases():
    cases = []
    for seed in (0, 1234567890, [3, 1, 4]):
        rec = Recorder(NP.RandomState(seed))
        randomstate_battery(rec)
        cases.append(randomstate_case(f"RandomState({seed}) continuous", seed, rec))
    for seed in (5, 6):
        rec = Recorder(NP.RandomState(seed))
        randomstate_edges(rec)
        cases.append(randomstate_case(f"RandomState({seed}) continuous edges", seed, rec))
    rec = Recorder(NP.RandomState(9))
    rec("multivariate_normal", [1.0, -2.0], [[2.0, 0.3], [0.3, 1.0]], 3)
    rec("multivariate_normal", [0.0, 0.0, 0.0], np.eye(3).tolist())
    cases.append(randomstate_case("RandomState(9) multivariate_normal", 9, rec, lapack=True))
    return cases


def main():
    write("numpy_continuous.json", family="numpy_continuous", generated_by="vectors/make_numpy_continuous.py",
          versions=versions(numpy=np.__version__),
          source="numpy.random.Generator (numpy bit generators seeded as in 'make') and RandomState(seed) "
                 "continuous methods",
          cases=generator_cases() + randomstate_cases())


if __name__ == "__main__":
    main()
