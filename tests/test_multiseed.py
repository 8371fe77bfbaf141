"""prng.multiseed: children of SeedSequence.spawn, checked against numpy's own spawn and Generator."""

import logging

import numpy as np
import pytest

from prng._multiseed import multiseed


def mean_of_normals(rng):
    return rng.standard_normal(100).mean()


def test_runs_on_numpy_spawn_children():
    result = multiseed(mean_of_normals, n=4, seed=42)
    expected = [mean_of_normals(np.random.default_rng(child)) for child in np.random.SeedSequence(42).spawn(4)]
    np.testing.assert_array_equal(result.values, expected)
    assert result.mean == np.mean(expected) and result.std == np.std(expected, ddof=1)
    assert "±" in str(result) and "n=4" in str(result)


def test_array_results_are_summarised_elementwise():
    result = multiseed(lambda rng: rng.random(3), n=3, seed=np.random.SeedSequence(7))
    assert result.values.shape == (3, 3) and result.mean.shape == (3,)


def test_seed_none_logs_the_entropy(caplog):
    with caplog.at_level(logging.INFO, logger="prng.multiseed"):
        result = multiseed(mean_of_normals, n=2)
    assert str(result.seed_sequence.entropy) in caplog.text
    again = multiseed(mean_of_normals, n=2, seed=result.seed_sequence.entropy)
    np.testing.assert_array_equal(again.values, result.values)


@pytest.mark.parametrize("fn, n, error, match", [
    (None, 3, TypeError, "fn must be callable"),
    (mean_of_normals, 1, ValueError, "n must be in"),
    (mean_of_normals, 2.5, TypeError, "n must be an integer"),
])
def test_bad_arguments(fn, n, error, match):
    with pytest.raises(error, match=match):
        multiseed(fn, n=n, seed=0)
