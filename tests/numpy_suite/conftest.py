"""Marks for numpy's random test suite run against prng (see _adapter.py)."""

import pytest

# Tests of numpy internals that have no meaning for prng: never run, each with its reason.
EXCLUDED = {
    "::test_ctypes": "the ctypes interface to numpy's C bitgen_t capsule (prng's native layer is cffi over its "
                     "own prng_bitgen_t, not numpy's capsule)",
    "::test_cffi": "the cffi interface to numpy's C bitgen_t capsule",
    "::test_benchmark": "BitGenerator._benchmark, numpy's internal timing helper",
    "test_numpy_extending.py::": "builds numpy's Cython/numba/cffi extension examples against numpy's C API",
    "::test_legacy_pickle": "unpickles files written by numpy's C classes (numpy.random._pickle constructors)",
}

# Methods (and arguments) that numpy has and prng does not have yet. A test that fails only because it
# reached one of these (AttributeError naming the method, or the error message given) is an expected
# failure "missing: <method>"; empty this list as the methods land, and every test that used them runs for
# real.
MISSING = []
MISSING_ARGUMENTS = {}


def pytest_configure(config):
    for mark in ("slow", "thread_unsafe"):  # numpy's own marks
        config.addinivalue_line("markers", f"{mark}: numpy's mark (numpy/random/tests)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        for key, reason in EXCLUDED.items():
            if key in item.nodeid:
                item.add_marker(pytest.mark.skip(reason=f"excluded: {reason}"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if call.excinfo is not None and report.failed and "numpy_suite" in item.nodeid:
        exc = call.excinfo.value
        missing = None
        if isinstance(exc, AttributeError) and getattr(exc, "name", None) in MISSING:
            missing = exc.name
        for label, message in MISSING_ARGUMENTS.items():
            if message in str(exc):
                missing = label
        if missing is not None:
            report.outcome = "skipped"
            report.wasxfail = f"missing: {missing}"
