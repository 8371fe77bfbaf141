"""CPython's own ``Lib/test/test_random.py`` run against ``prng.compat.python.Random``.

The test module is read from the installed Python's ``test`` package (skipped, with the reason, when
that package is not installed). Only the class is swapped: while these tests run, the name ``random``
in ``test.test_random`` and ``sys.modules["random"]`` (which ``unittest.mock.patch("random....")``
and pickle resolve) are a copy of CPython's ``random`` module whose ``Random`` is prng's and whose
module-level functions are bound to an instance of it; ``MersenneTwister_TestBasicOps.gen`` is an
instance of prng's class. No assertion is edited.

Run: the 60 tests that exercise ``random.Random`` (``MersenneTwister_TestBasicOps`` with the inherited
``TestBasicOps`` tests, ``TestDistributions``, ``TestRandomSubclassing``).
Not run, each for the reason in ``EXCLUDED``.
"""

import random as cpython_random
import sys
import types

import pytest

from prng.compat import python as prng_python

try:
    from test import test_random
except ImportError as error:  # the `test` package is optional in Python distributions
    pytest.skip(f"CPython's test package is not installed ({error})", allow_module_level=True)

# test classes of test_random.py that are not run, and why
EXCLUDED = {
    "SystemRandom_TestBasicOps": "random.SystemRandom draws from the OS (os.urandom); prng has no counterpart",
    "TestRawMersenneTwister": "tests the C base class _random.Random (cpython_only internals), not random.Random",
    "TestModule": "module-level checks of CPython's random module (its constants, __all__, re-seeding the "
                  "module's hidden instance after fork), not of the Random class",
}

# the module-level functions of CPython's random module: methods of its hidden instance
BOUND_FUNCTIONS = [
    "seed", "random", "uniform", "triangular", "randint", "choice", "randrange", "sample", "shuffle",
    "choices", "normalvariate", "lognormvariate", "expovariate", "vonmisesvariate", "gammavariate", "gauss",
    "betavariate", "paretovariate", "weibullvariate", "getstate", "setstate", "getrandbits", "randbytes",
]


def _random_module_with_prng_class():
    """CPython's random module with ``Random`` swapped for prng's (and the bound functions with it)."""
    shim = types.ModuleType("random", cpython_random.__doc__)
    shim.__dict__.update({k: v for k, v in vars(cpython_random).items() if k not in ("__name__", "__doc__")})
    shim.Random = prng_python.Random
    instance = prng_python.Random()
    for name in BOUND_FUNCTIONS:
        setattr(shim, name, getattr(instance, name))
    shim._inst = instance
    return shim


SHIM = _random_module_with_prng_class()


class _WithPrngRandom:
    """Runs a test class of test_random.py with ``random`` meaning SHIM (see the module docstring)."""

    @classmethod
    def setUpClass(cls):
        cls._saved = sys.modules["random"], test_random.random
        sys.modules["random"] = test_random.random = SHIM
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        sys.modules["random"], test_random.random = cls._saved


class TestMersenneTwisterBasicOps(_WithPrngRandom, test_random.MersenneTwister_TestBasicOps):
    gen = prng_python.Random()


class TestDistributions(_WithPrngRandom, test_random.TestDistributions):
    pass


class TestRandomSubclassing(_WithPrngRandom, test_random.TestRandomSubclassing):
    pass


def test_every_test_class_is_run_or_excluded():
    """A new test class in a later CPython must be looked at, not silently skipped."""
    run = {"MersenneTwister_TestBasicOps", "TestDistributions", "TestRandomSubclassing", "TestBasicOps"}
    classes = {name for name, value in vars(test_random).items()
               if isinstance(value, type) and name.startswith("Test") or name.endswith("_TestBasicOps")}
    assert classes <= run | set(EXCLUDED), sorted(classes - run - set(EXCLUDED))
