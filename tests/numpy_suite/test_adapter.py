"""The adapter's rewrite really points numpy's tests at prng (else they would pass on numpy itself)."""

import numpy

import prng
from prng.compat import numpy as prng_random

from . import test_numpy_direct as direct
from . import test_numpy_generator_mt19937 as generator_suite
from . import test_numpy_random as legacy_suite


def test_numpy_random_names_are_prngs():
    assert generator_suite.Generator is prng.Generator
    assert generator_suite.MT19937 is prng.MT19937
    assert generator_suite.RandomState is prng_random.RandomState
    assert direct.SFC64 is prng.SFC64 and direct.default_rng is prng.default_rng
    assert legacy_suite.random is prng_random


def test_np_is_numpy_but_its_random_is_prngs():
    assert generator_suite.np.random is prng_random
    assert generator_suite.np.testing is numpy.testing and generator_suite.np.ndarray is numpy.ndarray
    assert generator_suite.assert_array_equal is numpy.testing.assert_array_equal
