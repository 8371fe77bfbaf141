"""prng.bootstrap against scipy.stats.bootstrap (the truth), and its stream guarantees.

Expected intervals come from scipy with rng=numpy.random.default_rng(seed); block indices from
numpy's own Generator on SeedSequence.spawn children.
"""

import logging
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from prng._bootstrap import BLOCK_RESAMPLES, bootstrap

stats = pytest.importorskip("scipy.stats")

DATA = np.random.default_rng(20240601).lognormal(size=40)


def assert_same(got, expect, what):
    """Bit for bit (NaN equals NaN)."""
    assert got == expect or (np.isnan(got) and np.isnan(expect)), f"{what}: {got!r} vs scipy {expect!r}"


def assert_matches_scipy(result, data, statistic, method, seed, n_resamples, **scipy_kwargs):
    """The same interval and standard error, bit for bit, and the same bootstrap distribution."""
    ref = stats.bootstrap((data,), statistic, n_resamples=n_resamples, method=method,
                          rng=np.random.default_rng(seed), **scipy_kwargs)
    assert_same(result.confidence_interval.low, ref.confidence_interval.low, "low")
    assert_same(result.confidence_interval.high, ref.confidence_interval.high, "high")
    assert_same(result.standard_error, ref.standard_error, "standard error")
    np.testing.assert_array_equal(result.bootstrap_distribution, ref.bootstrap_distribution)


@pytest.mark.parametrize("method", ["percentile", "basic", "BCa"])
@pytest.mark.parametrize("statistic", [np.mean, np.median, np.std])
@pytest.mark.parametrize("seed", [0, 12345])
def test_equals_scipy(method, statistic, seed):
    result = bootstrap(DATA, statistic, n_resamples=999, method=method, seed=seed)
    assert_matches_scipy(result, DATA, statistic, method, seed, 999)


@pytest.mark.parametrize("confidence_level", [0.5, 0.9, 0.99])
def test_equals_scipy_at_other_levels_and_int_data(confidence_level):
    data = np.arange(1, 31) ** 2
    result = bootstrap(data, "median", n_resamples=500, confidence_level=confidence_level, seed=3)
    assert_matches_scipy(result, data, np.median, "BCa", 3, 500, confidence_level=confidence_level)


def test_equals_scipy_at_the_default_size():
    result = bootstrap(DATA, np.mean, seed=2026)
    assert result.n_resamples == 9999 and result.method == "bca"
    assert_matches_scipy(result, DATA, np.mean, "BCa", 2026, 9999)


def test_statistic_names_are_numpy_functions():
    by_name = bootstrap(DATA, "std", n_resamples=200, seed=1)
    by_function = bootstrap(DATA, np.std, n_resamples=200, seed=1)
    assert by_name.confidence_interval == by_function.confidence_interval
    assert by_name.statistic == by_function.statistic == "std"


# --- the index stream does not depend on how the work is cut ----------------------------------

def run(**kwargs):
    return bootstrap(DATA, np.median, n_resamples=2500, seed=77, method="basic", **kwargs)


def assert_same_run(a, b):
    np.testing.assert_array_equal(a.bootstrap_distribution, b.bootstrap_distribution)
    assert a.confidence_interval == b.confidence_interval
    assert a.standard_error == b.standard_error


@pytest.mark.parametrize("stream", ["scipy", "blocks"])
@pytest.mark.parametrize("kwargs", [{"batch": 1}, {"batch": 333}, {"n_jobs": 3}, {"n_jobs": 2, "batch": 7},
                                    {"executor": "threads"}])
def test_batch_jobs_and_executor_do_not_change_the_numbers(stream, kwargs):
    serial = run(stream=stream)
    if kwargs.get("executor") == "threads":
        with ThreadPoolExecutor(max_workers=3) as pool:
            parallel = run(stream=stream, executor=pool)
    else:
        parallel = run(stream=stream, **kwargs)
    assert_same_run(serial, parallel)


def test_scipy_stream_with_jobs_still_equals_scipy():
    result = bootstrap(DATA, np.mean, n_resamples=999, method="percentile", seed=5, n_jobs=3, batch=100)
    assert_matches_scipy(result, DATA, np.mean, "percentile", 5, 999)


def test_blocks_stream_uses_seedsequence_children():
    """Block b's indices are numpy's default_rng(SeedSequence(seed).spawn(...)[b]).integers(0, n, (rows, n))."""
    seed, n_resamples = 31, BLOCK_RESAMPLES + 250
    result = bootstrap(DATA, np.mean, n_resamples=n_resamples, seed=seed, stream="blocks", batch=99)
    children = np.random.SeedSequence(seed).spawn(2)
    expected = [np.mean(DATA[np.random.default_rng(child).integers(0, DATA.size, (rows, DATA.size))], axis=-1)
                for child, rows in zip(children, (BLOCK_RESAMPLES, 250))]
    np.testing.assert_array_equal(result.bootstrap_distribution, np.concatenate(expected))


def test_dask_gives_the_serial_numbers():
    pytest.importorskip("dask")
    for stream in ("scipy", "blocks"):
        assert_same_run(run(stream=stream), run(stream=stream, executor="dask", batch=400))


# --- seeds, progress, bad input ---------------------------------------------------------------

def test_seed_none_draws_entropy_logs_it_and_replays(caplog):
    with caplog.at_level(logging.INFO, logger="prng.bootstrap"):
        first = bootstrap(DATA, np.mean, n_resamples=300)
    entropy = first.seed_sequence.entropy
    assert str(entropy) in caplog.text
    assert_same_run(first, bootstrap(DATA, np.mean, n_resamples=300, seed=entropy))
    assert first.seed_sequence.entropy != bootstrap(DATA, np.mean, n_resamples=300).seed_sequence.entropy


def test_numpy_seedsequence_is_accepted():
    seq = np.random.SeedSequence(9, spawn_key=(2,))
    result = bootstrap(DATA, np.mean, n_resamples=400, method="percentile", seed=seq)
    ref = stats.bootstrap((DATA,), np.mean, n_resamples=400, method="percentile", rng=np.random.default_rng(seq))
    assert result.confidence_interval.low == ref.confidence_interval.low


def test_progress_bar_goes_to_stderr(capsys):
    bootstrap(DATA, np.mean, n_resamples=300, seed=1, progress=True, batch=100)
    assert "300/300 resamples" in capsys.readouterr().err  # the last state is always drawn
    bootstrap(DATA, np.mean, n_resamples=300, seed=1)  # auto: off when stderr is not a terminal
    assert capsys.readouterr().err == ""


def test_degenerate_data_warns_like_scipy():
    with pytest.warns(RuntimeWarning, match="cannot be calculated"):
        result = bootstrap(np.ones(10), np.mean, n_resamples=50, seed=0)
    assert np.isnan(result.confidence_interval.low)


@pytest.mark.parametrize("kwargs, error, match", [
    ({"data": [1.0]}, ValueError, "data must hold at least 2"),
    ({"data": [[1.0, 2.0]]}, ValueError, "data must be 1-d"),
    ({"data": ["a", "b"]}, TypeError, "data must hold real numbers"),
    ({"data": [1.0, np.nan]}, ValueError, "data must be finite"),
    ({"statistic": "mode"}, ValueError, "statistic must be one of mean, median, std"),
    ({"statistic": 3}, TypeError, "statistic must be a name"),
    ({"method": "bootstrap-t"}, ValueError, "method must be one of percentile, basic, bca"),
    ({"stream": "fast"}, ValueError, "stream must be one of scipy, blocks"),
    ({"n_resamples": 0}, ValueError, "n_resamples must be in"),
    ({"n_resamples": 10.0}, TypeError, "n_resamples must be an integer"),
    ({"confidence_level": 1.0}, ValueError, r"confidence_level must be in \(0, 1\)"),
    ({"batch": 0}, ValueError, "batch must be in"),
    ({"n_jobs": 0}, ValueError, "n_jobs must be in"),
    ({"executor": "ray"}, TypeError, "executor must be None, 'dask' or an object with a map method"),
])
def test_bad_arguments_name_themselves(kwargs, error, match):
    args = {"data": DATA, "statistic": np.mean, **kwargs}
    with pytest.raises(error, match=match):
        bootstrap(args.pop("data"), args.pop("statistic"), seed=0, **args)
