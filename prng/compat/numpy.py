"""numpy's legacy ``RandomState`` on prng's MT19937 (or any prng bit generator), value for value.

Thin layer: seeding picks the MT19937 constructor numpy's ``_legacy_seeding`` amounts to, integer
draws and shuffles reuse ``prng.generator``'s helpers with masked rejection (as ``mtrand.pyx`` does),
and the polar-method normal keeps its cached second value (``legacy_gauss``) here; every sampler runs
on the bit generator's backend (``prng._sampling``).
"""

import contextlib
import math
import operator
import sys
import warnings

import numpy as np

from .. import _broadcast as bc
from .. import _discrete
from .. import generator as _gen
from .._sampling import sampling
from .._validate import as_size
from ..bitgen.mt19937 import MT19937
from ..distributions.discrete import binomial_cache

_SEED_MAX = 2**32 - 1


def legacy_seeded(seed):
    """numpy's ``MT19937._legacy_seeding`` as a new ``prng.MT19937``: an integer in [0, 2**32-1] goes
    through init_genrand, a non-empty 1-d array of such integers through init_by_array."""
    if hasattr(seed, "squeeze"):
        seed = seed.squeeze()
    try:
        value = operator.index(seed)
    except TypeError:
        return MT19937.from_array(_legacy_seed_words(seed))
    if not 0 <= value <= _SEED_MAX:
        raise ValueError("Seed must be between 0 and 2**32 - 1")
    return MT19937.from_genrand(value)


def _legacy_seed_words(seed):
    """numpy's checks on an array seed, returning its words as Python ints."""
    obj = np.asarray(seed)
    if obj.size == 0:
        raise ValueError("Seed must be non-empty")
    if not np.can_cast(obj.dtype, np.int64, casting="safe"):
        raise TypeError(f"seed must be an integer or an array of integers, not {obj.dtype} values")
    if obj.ndim != 1:
        raise ValueError("Seed array must be 1-d")
    words = [int(w) for w in obj]
    if any(not 0 <= w <= _SEED_MAX for w in words):
        raise ValueError("Seed must be between 0 and 2**32 - 1")
    return words


_LEGACY_P_MESSAGES = ("'p' must be 1-dimensional", "'a' and 'p' must have same size", "probabilities contain NaN",
                      "probabilities are not non-negative", "probabilities do not sum to 1")


def randomstate_ctor(bit_generator_name="MT19937", bit_generator_ctor=_gen.bit_generator_ctor):
    """numpy's ``_pickle.__randomstate_ctor``: a RandomState over a bit generator, or a new one by name."""
    if hasattr(bit_generator_name, "next_uint64") and not isinstance(bit_generator_name, type):
        return RandomState(bit_generator_name)
    return RandomState(bit_generator_ctor(bit_generator_name))


def _no_samples(size):
    """numpy's ``np.prod(size) == 0`` (size None: samples are taken)."""
    return size is not None and math.prod(as_size(size)) == 0


# numpy.random as a module: prng.compat.numpy stands in for it (``from prng.compat import numpy as
# random``). The classes are prng's; the legacy module-level functions (numpy's ``mtrand``) are the
# methods of one hidden RandomState, ``_rand``, seeded from OS entropy on first use, as numpy's.
from .._bitgen import BitGenerator  # noqa: E402,F401
from ..bitgen.pcg64 import PCG64, PCG64DXSM  # noqa: E402,F401
from ..bitgen.philox import Philox  # noqa: E402,F401
from ..bitgen.sfc64 import SFC64  # noqa: E402,F401
from ..generator import Generator, default_rng  # noqa: E402,F401
from ..seedsequence import ISeedSequence, ISpawnableSeedSequence, SeedlessSeedSequence, SeedSequence  # noqa: E402,F401

# numpy.random.__all__'s functions that are methods of numpy.random.mtrand._rand (seed, sample, ranf: below)
LEGACY_FUNCTIONS = (
    "beta", "binomial", "bytes", "chisquare", "choice", "dirichlet", "exponential", "f", "gamma", "geometric",
    "get_state", "gumbel", "hypergeometric", "laplace", "logistic", "lognormal", "logseries", "multinomial",
    "multivariate_normal", "negative_binomial", "noncentral_chisquare", "noncentral_f", "normal", "pareto",
    "permutation", "poisson", "power", "rand", "randint", "randn", "random", "random_integers",
    "random_sample", "rayleigh", "set_state", "shuffle", "standard_cauchy",
    "standard_exponential", "standard_gamma", "standard_normal", "standard_t", "triangular", "uniform",
    "vonmises", "wald", "weibull", "zipf")
_global = []


def _hidden_state():
    """The module's RandomState (numpy's ``mtrand._rand``), made on first use."""
    if not _global:
        _global.append(RandomState())
    return _global[0]


def get_bit_generator():
    """numpy's ``get_bit_generator``: the bit generator of the module-level functions."""
    return _hidden_state()._bit_generator


def seed(seed=None):
    """numpy's module-level ``seed``: the legacy seeding for MT19937, else the state of a new generator of
    the same class seeded with ``seed``."""
    state = _hidden_state()
    if isinstance(state._bit_generator, MT19937):
        return state.seed(seed)
    state._bit_generator.state = type(state._bit_generator)(seed).state
    return None


def sample(*args, **kwargs):
    """numpy's module-level ``sample``: ``random_sample``."""
    return _hidden_state().random_sample(*args, **kwargs)


ranf = sample


def set_bit_generator(bitgen):
    """numpy's ``set_bit_generator``: the module-level functions draw from ``bitgen`` from now on."""
    _hidden_state()._bit_generator = bitgen
    _hidden_state()._gauss = None


def __getattr__(name):
    if name in LEGACY_FUNCTIONS:
        return getattr(_hidden_state(), name)
    if name == "_rand":
        return _hidden_state()
    if name in ("mtrand", "bit_generator"):
        return sys.modules[__name__]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")



class RandomState:
    """numpy.random.RandomState: ``seed`` None (SeedSequence entropy), an int, an int array, or a prng
    bit generator used as is."""

    _poisson_lam_max = bc.LEGACY_POISSON_LAM_MAX  # numpy's class attribute: the largest lam poisson accepts

    def __init__(self, seed=None):
        if seed is None:
            self._bit_generator = MT19937()
        elif isinstance(seed, type):
            raise ValueError("Invalid bit generator. The bit generator must be instantized.")
        elif hasattr(seed, "next_uint64"):
            self._bit_generator = seed
        else:
            self._bit_generator = legacy_seeded(seed)
        self._gauss = None
        self._binomial = binomial_cache()  # numpy's binomial_t, shared by binomial and multinomial

    def seed(self, seed=None):
        """numpy's ``RandomState.seed``: re-seed the MT19937 in place by the legacy rules (None: fresh
        SeedSequence words, keeping ``pos`` as numpy does) and drop the cached normal."""
        if not isinstance(self._bit_generator, MT19937):
            raise TypeError("can only re-seed a MT19937 BitGenerator")
        state = (MT19937() if seed is None else legacy_seeded(seed)).state
        if seed is None:
            state["state"]["pos"] = self._bit_generator.state["state"]["pos"]
        self._bit_generator.state = state
        self._gauss = None

    def get_state(self, legacy=True):
        """numpy's ``get_state``: ``('MT19937', key, pos, has_gauss, gauss)``, or with ``legacy=False``
        the bit generator's state dict plus ``has_gauss`` and ``gauss``."""
        state = self._bit_generator.state
        has_gauss, gauss = (0, 0.0) if self._gauss is None else (1, self._gauss)
        if legacy and state["bit_generator"] != "MT19937":
            warnings.warn("get_state and legacy can only be used with the MT19937 BitGenerator. To silence "
                          "this warning, set `legacy` to False.", RuntimeWarning, stacklevel=2)
            legacy = False
        if legacy:
            return ("MT19937", state["state"]["key"], state["state"]["pos"], has_gauss, gauss)
        return {**state, "has_gauss": has_gauss, "gauss": gauss}

    def set_state(self, state):
        """numpy's ``set_state``: a state dict, or the legacy 3- or 5-tuple."""
        if isinstance(state, dict):
            if "bit_generator" not in state or "state" not in state:
                raise ValueError("state dictionary is not valid.")
            bitgen_state = {k: v for k, v in state.items() if k not in ("has_gauss", "gauss")}
            has_gauss, gauss = state.get("has_gauss", 0), state.get("gauss", 0.0)
        elif isinstance(state, (tuple, list)):
            if state[0] != "MT19937":
                raise ValueError("set_state can only be used with legacy MT19937 state instances.")
            if len(state) not in (3, 5):
                raise ValueError("a legacy state is ('MT19937', key, pos) or ('MT19937', key, pos, has_gauss, "
                                 f"cached_gaussian), not {len(state)} items")
            bitgen_state = {"bit_generator": "MT19937", "state": {"key": state[1], "pos": state[2]}}
            has_gauss, gauss = (state[3], state[4]) if len(state) == 5 else (0, 0.0)
        else:
            raise TypeError("state must be a dict or a tuple.")
        self._bit_generator.state = bitgen_state
        self._gauss = float(gauss) if has_gauss else None

    def __str__(self):
        return f"RandomState({type(self._bit_generator).__name__})"

    def __repr__(self):
        return f"{self} at 0x{id(self):X}"

    def __getstate__(self):
        """numpy's: the state dict of ``get_state(legacy=False)``."""
        return self.get_state(legacy=False)

    def __setstate__(self, state):
        """numpy's: ``set_state``."""
        self.set_state(state)

    def __reduce__(self):
        """numpy's pickling: ``randomstate_ctor`` around the (pickled) bit generator, then its state."""
        return randomstate_ctor, (self._bit_generator,), self.get_state(legacy=False)

    def random_sample(self, size=None):
        """numpy's ``random_sample``: ``next_double`` per value."""
        return bc.fill(self._bit_generator, "random_standard_uniform_fill", size, np.float64, None)

    random = random_sample

    def tomaxint(self, size=None):
        """numpy's ``tomaxint``: ``next_uint64 >> 1`` per value (numpy's ``random_positive_int`` where C
        long has 64 bits), an int when ``size`` is None."""
        shape = as_size(size)
        if shape is None:
            return self._bit_generator.next_uint64() >> 1
        values = [self._bit_generator.next_uint64() >> 1 for _ in range(math.prod(shape))]
        return np.array(values, dtype=np.int64).reshape(shape)

    def random_integers(self, low, high=None, size=None):
        """numpy's deprecated ``random_integers``: ``randint(low, high + 1)`` (``high`` None: [1, low]),
        with numpy's DeprecationWarning."""
        if high is None:
            warnings.warn(f"This function is deprecated. Please call randint(1, {low} + 1) instead",
                          DeprecationWarning, stacklevel=2)
            low, high = 1, low
        else:
            warnings.warn(f"This function is deprecated. Please call randint({low}, {high} + 1) instead",
                          DeprecationWarning, stacklevel=2)
        return self.randint(low, int(high) + 1, size=size, dtype=np.int64)

    def bytes(self, length):
        """numpy's legacy ``bytes``: ``randint(0, 2**32, n, uint32)`` little-endian, cut to ``length``,
        n = (length - 1) / 4 + 1 in C's truncating division."""
        length = bc.as_index(length, "length")
        words = self.randint(0, 2**32, size=bc.c_int_div(length - 1, 4) + 1, dtype=np.uint32)
        return words.astype("<u4").tobytes()[:length]

    def rand(self, *shape):
        """numpy's ``rand(d0, d1, ...)``: ``random_sample`` with the dimensions as arguments."""
        return self.random_sample(shape or None)

    def randint(self, low, high=None, size=None, dtype=int):
        """numpy's ``randint``: [low, high) by masked rejection (``dtype=int`` is C long: int64 here)."""
        if high is None:
            low, high = 0, low
        dt = np.dtype(np.int64 if dtype is int else dtype)
        if not dt.isnative:
            warnings.warn("Providing a dtype with a non-native byteorder is not supported. If you require "
                          "platform-independent byteorder, call byteswap when required.\nIn future version, "
                          "providing byteorder will raise a ValueError", DeprecationWarning, stacklevel=2)
            dt = dt.newbyteorder()
        result = _gen.bounded_integers(self._bit_generator, low, high, size, dt, endpoint=False, use_masked=True)
        if not isinstance(result, np.ndarray) and (dtype is int or dtype is bool):
            return dtype(result)
        return result

    def standard_normal(self, size=None):
        """numpy's legacy ``standard_normal``: Marsaglia's polar method (``legacy_gauss``), the second
        value of each pair cached across calls (and in ``get_state``)."""
        shape = as_size(size)
        out = np.empty(1 if shape is None else shape)
        has_gauss, gauss = (0, 0.0) if self._gauss is None else (1, self._gauss)
        with sampling(self._bit_generator) as (samplers, bg):
            has_gauss, gauss = samplers.legacy_gauss_fill(bg, out.reshape(-1), has_gauss, gauss)
        self._gauss = gauss if has_gauss else None
        return float(out[0]) if shape is None else out

    def randn(self, *shape):
        """numpy's ``randn(d0, d1, ...)``: ``standard_normal`` with the dimensions as arguments."""
        return self.standard_normal(shape or None)

    # --- numpy's continuous distributions: mtrand.pyx's legacy samplers (legacy_continuous) --------

    def _legacy(self, sampler, size, *params, gauss=True):
        """numpy's ``cont`` on a legacy sampler; with ``gauss`` the sampler draws polar normals through
        the cached second value (numpy's ``aug_state``), which this call reads and updates."""
        if not gauss:
            return bc.cont(self._bit_generator, sampler, size, list(params))
        with self._gauss_cache() as cache:
            return bc.cont(self._bit_generator, sampler, size, list(params), state=(cache,))

    @contextlib.contextmanager
    def _gauss_cache(self):
        """The cached polar normal as the float64 array ``[has_gauss, gauss]`` legacy samplers read and
        update, written back to this RandomState afterwards."""
        cache = np.array([0.0, 0.0] if self._gauss is None else [1.0, self._gauss])
        try:
            yield cache
        finally:
            self._gauss = float(cache[1]) if cache[0] else None

    def uniform(self, low=0.0, high=1.0, size=None):
        """numpy's legacy ``uniform``: ``low + (high - low) * next_double`` (no sign check on the range)."""
        low_arr, high_arr = np.asarray(low, dtype=np.float64), np.asarray(high, dtype=np.float64)
        if low_arr.ndim == high_arr.ndim == 0:
            low, rng = float(low), float(high) - float(low)
        else:
            low, rng = low_arr, np.subtract(high_arr, low_arr)
        if not np.all(np.isfinite(rng)):
            raise OverflowError("Range exceeds valid bounds")
        return bc.cont(self._bit_generator, "random_uniform_fill", size, [(low, "", bc.NONE), (rng, "", bc.NONE)])

    def normal(self, loc=0.0, scale=1.0, size=None):
        """numpy's legacy ``normal``: ``loc + scale * legacy_gauss``."""
        return self._legacy("legacy_normal_fill", size, (loc, "", bc.NONE), (scale, "scale", bc.NON_NEGATIVE))

    def standard_exponential(self, size=None):
        """numpy's legacy ``standard_exponential``: ``-log(1 - U)``."""
        return self._legacy("legacy_standard_exponential_fill", size, gauss=False)

    def exponential(self, scale=1.0, size=None):
        """numpy's legacy ``exponential``: ``scale * -log(1 - U)``."""
        return self._legacy("legacy_exponential_fill", size, (scale, "scale", bc.NON_NEGATIVE), gauss=False)

    def standard_gamma(self, shape, size=None):
        """numpy's legacy ``standard_gamma`` (``legacy_standard_gamma``)."""
        return self._legacy("legacy_standard_gamma_fill", size, (shape, "shape", bc.NON_NEGATIVE))

    def gamma(self, shape, scale=1.0, size=None):
        """numpy's legacy ``gamma``: ``scale * legacy_standard_gamma``."""
        return self._legacy("legacy_gamma_fill", size, (shape, "shape", bc.NON_NEGATIVE),
                            (scale, "scale", bc.NON_NEGATIVE))

    def beta(self, a, b, size=None):
        """numpy's legacy ``beta`` (``legacy_beta``)."""
        return self._legacy("legacy_beta_fill", size, (a, "a", bc.POSITIVE), (b, "b", bc.POSITIVE))

    def chisquare(self, df, size=None):
        """numpy's legacy ``chisquare``: ``2 * legacy_standard_gamma(df / 2)``."""
        return self._legacy("legacy_chisquare_fill", size, (df, "df", bc.POSITIVE))

    def f(self, dfnum, dfden, size=None):
        """numpy's legacy ``f`` (``legacy_f``)."""
        return self._legacy("legacy_f_fill", size, (dfnum, "dfnum", bc.POSITIVE), (dfden, "dfden", bc.POSITIVE))

    def noncentral_chisquare(self, df, nonc, size=None):
        """numpy's legacy ``noncentral_chisquare`` (``legacy_noncentral_chisquare``)."""
        return self._legacy("legacy_noncentral_chisquare_fill", size, (df, "df", bc.POSITIVE),
                            (nonc, "nonc", bc.NON_NEGATIVE))

    def noncentral_f(self, dfnum, dfden, nonc, size=None):
        """numpy's legacy ``noncentral_f`` (``legacy_noncentral_f``)."""
        return self._legacy("legacy_noncentral_f_fill", size, (dfnum, "dfnum", bc.POSITIVE),
                            (dfden, "dfden", bc.POSITIVE), (nonc, "nonc", bc.NON_NEGATIVE))

    def standard_cauchy(self, size=None):
        """numpy's legacy ``standard_cauchy``: the ratio of two polar normals."""
        return self._legacy("legacy_standard_cauchy_fill", size)

    def standard_t(self, df, size=None):
        """numpy's legacy ``standard_t`` (``legacy_standard_t``)."""
        return self._legacy("legacy_standard_t_fill", size, (df, "df", bc.POSITIVE))

    def vonmises(self, mu, kappa, size=None):
        """numpy's legacy ``vonmises`` (``legacy_vonmises``: no wrapped normal for large kappa)."""
        return self._legacy("legacy_vonmises_fill", size, (mu, "mu", bc.NONE), (kappa, "kappa", bc.NON_NEGATIVE),
                            gauss=False)

    def pareto(self, a, size=None):
        """numpy's legacy ``pareto``: ``exp(-log(1 - U) / a) - 1``."""
        return self._legacy("legacy_pareto_fill", size, (a, "a", bc.POSITIVE), gauss=False)

    def weibull(self, a, size=None):
        """numpy's legacy ``weibull`` (``legacy_weibull``)."""
        return self._legacy("legacy_weibull_fill", size, (a, "a", bc.NON_NEGATIVE), gauss=False)

    def power(self, a, size=None):
        """numpy's legacy ``power`` (``legacy_power``)."""
        return self._legacy("legacy_power_fill", size, (a, "a", bc.POSITIVE), gauss=False)

    def laplace(self, loc=0.0, scale=1.0, size=None):
        """numpy's ``laplace`` (the shared ``random_laplace``)."""
        return self._legacy("random_laplace_fill", size, (loc, "loc", bc.NONE), (scale, "scale", bc.NON_NEGATIVE),
                            gauss=False)

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        """numpy's ``gumbel`` (the shared ``random_gumbel``)."""
        return self._legacy("random_gumbel_fill", size, (loc, "loc", bc.NONE), (scale, "scale", bc.NON_NEGATIVE),
                            gauss=False)

    def logistic(self, loc=0.0, scale=1.0, size=None):
        """numpy's ``logistic`` (the shared ``random_logistic``)."""
        return self._legacy("random_logistic_fill", size, (loc, "loc", bc.NONE), (scale, "scale", bc.NON_NEGATIVE),
                            gauss=False)

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        """numpy's legacy ``lognormal``: ``exp(legacy_normal)``."""
        return self._legacy("legacy_lognormal_fill", size, (mean, "mean", bc.NONE), (sigma, "sigma", bc.NON_NEGATIVE))

    def rayleigh(self, scale=1.0, size=None):
        """numpy's legacy ``rayleigh``: ``scale * sqrt(-2 * log1p(-U))``."""
        return self._legacy("legacy_rayleigh_fill", size, (scale, "scale", bc.NON_NEGATIVE), gauss=False)

    def wald(self, mean, scale, size=None):
        """numpy's legacy ``wald`` (``legacy_wald``)."""
        return self._legacy("legacy_wald_fill", size, (mean, "mean", bc.POSITIVE), (scale, "scale", bc.POSITIVE))

    def triangular(self, left, mode, right, size=None):
        """numpy's ``triangular`` (the shared ``random_triangular``)."""
        return _gen.triangular(self._bit_generator, "random_triangular_fill", left, mode, right, size)

    def dirichlet(self, alpha, size=None):
        """numpy's legacy ``dirichlet``: legacy gammas normalised by their sum (``mtrand.pyx``)."""
        alpha_arr, out = _gen.dirichlet_output(alpha, size)
        if np.any(np.less_equal(alpha_arr, 0)):
            raise ValueError("alpha <= 0")
        cache = np.array([0.0, 0.0] if self._gauss is None else [1.0, self._gauss])
        try:
            if out.size:
                with sampling(self._bit_generator) as (samplers, bg):
                    samplers.legacy_dirichlet_fill(bg, out.reshape(-1, alpha_arr.size), cache, alpha_arr)
        finally:
            self._gauss = float(cache[1]) if cache[0] else None
        return out

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8):
        """numpy's legacy ``multivariate_normal``: polar normals, then numpy.linalg.svd and ``np.dot``
        exactly as ``mtrand.pyx`` calls them (numpy's values wherever both use the same numpy)."""
        mean, cov, final_shape = _gen.multivariate_normal_args(mean, cov, size, check_complex=False)
        x = self.standard_normal(final_shape).reshape(-1, mean.shape[0])
        cov = cov.astype(np.double)
        _, s, v = np.linalg.svd(cov)
        if check_valid != "ignore":
            if check_valid not in ("warn", "raise"):
                raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
            _gen.check_psd(np.allclose(np.dot(v.T * s, v), cov, rtol=tol, atol=tol), check_valid)
        x = np.dot(x, np.sqrt(s)[:, None] * v)
        x += mean
        x.shape = tuple(final_shape)
        return x

    def shuffle(self, x):
        """numpy's legacy ``shuffle``: Fisher-Yates along the first axis, masked-rejection draws (numpy
        warns for 1-d object arrays of a subclass, whose items its swaps unpack; prng swaps them whole)."""
        if isinstance(x, np.ndarray) and type(x) is not np.ndarray and x.ndim == 1 and x.size \
                and x.dtype.type is np.object_:
            warnings.warn("Shuffling a one dimensional array subclass containing objects gives incorrect "
                          "results for most array subclasses.  Please use the new random number API instead: "
                          "https://numpy.org/doc/stable/reference/random/index.html\nThe new API fixes this "
                          "issue. This version will not be fixed due to stability guarantees of the API.",
                          UserWarning, stacklevel=2)
        _gen.shuffle_in_place(self._bit_generator, x)

    def permutation(self, x):
        """numpy's legacy ``permutation``: a shuffled ``arange(x)`` (int64) or a shuffled copy of ``x``
        along its first axis."""
        if isinstance(x, (int, np.integer)):
            arr = np.arange(x, dtype=np.int64)
            self.shuffle(arr)
            return arr
        arr = np.array(x)
        if arr.ndim < 1:
            raise IndexError("x must be an integer or at least 1-dimensional")
        return arr[_gen.shuffle_order(self._bit_generator, len(arr))]

    def choice(self, a, size=None, replace=True, p=None):
        """numpy's legacy ``choice``: with ``p``, ``searchsorted`` of ``random_sample`` draws in the
        normalised cdf (without replacement: rounds over the probabilities not yet taken); else
        ``randint(0, n, size)`` with replacement, or the first ``size`` entries of ``permutation(n)``."""
        arr = np.asarray(a)
        if arr.ndim == 0:
            try:
                pop_size = operator.index(arr.item())
            except TypeError:
                raise ValueError("a must be 1-dimensional or an integer") from None
            if pop_size <= 0 and not _no_samples(size):
                raise ValueError("a must be greater than 0 unless no samples are taken")
        elif arr.ndim != 1:
            raise ValueError("a must be 1-dimensional")
        else:
            pop_size = arr.shape[0]
            if pop_size == 0 and not _no_samples(size):
                raise ValueError("'a' cannot be empty unless no samples are taken")
        if p is not None:
            p = _gen.probabilities(p, pop_size, _LEGACY_P_MESSAGES)
        shape = () if size is None else as_size(size)
        count = math.prod(shape)
        if replace:
            if p is not None:
                idx = np.asarray(_gen.cdf_indices(p, self.random_sample(shape))).astype(np.int64)
            else:
                idx = np.asarray(self.randint(0, pop_size, size=shape))
        else:
            if count > pop_size:
                raise ValueError("Cannot take a larger sample than population when 'replace=False'")
            if p is not None:
                idx = _gen.distinct_cdf_indices(p, count, shape, self.rand, np.int64)
            else:
                idx = self.permutation(pop_size)[:count].reshape(shape)
        if size is None and isinstance(idx, np.ndarray):
            idx = idx.item(0)
        if arr.ndim == 0:
            return idx
        if size is not None and idx.ndim == 0:
            res = np.empty((), dtype=arr.dtype)
            res[()] = arr[idx]
            return res
        return arr[idx]

    # -- discrete distributions (mtrand.pyx: legacy-distributions.c where it uses them) ------------

    def binomial(self, n, p, size=None):
        """numpy's legacy ``binomial`` (``legacy_random_binomial``: exp(n log q) inversion, BTPE; n = 0
        and p = 0 still draw), sharing the setup cache with ``multinomial``."""
        return bc.disc(self._bit_generator, "legacy_random_binomial_fill", size,
                       [(p, "p", bc.BOUNDED_0_1), (n, "n", bc.LEGACY_NON_NEGATIVE_INBOUNDS_LONG)],
                       [np.float64, np.int64], state=(self._binomial,))

    def negative_binomial(self, n, p, size=None):
        """numpy's legacy ``negative_binomial`` (``legacy_negative_binomial``: Generator's poisson of a
        legacy gamma, which draws polar normals through the cached one)."""
        with self._gauss_cache() as cache:
            return bc.disc(self._bit_generator, "legacy_negative_binomial_fill", size,
                           [(n, "n", bc.POSITIVE), (p, "p", bc.BOUNDED_0_1)], [np.float64, np.float64],
                           state=(cache,))

    def poisson(self, lam=1.0, size=None):
        """numpy's legacy ``poisson`` (``legacy_random_poisson`` is Generator's ``random_poisson``)."""
        return bc.disc(self._bit_generator, "random_poisson_fill", size, [(lam, "lam", bc.LEGACY_POISSON)],
                       [np.float64])

    def geometric(self, p, size=None):
        """numpy's legacy ``geometric`` (``legacy_random_geometric``: ceil(log1p(-U) / log(1 - p)))."""
        return bc.disc(self._bit_generator, "legacy_random_geometric_fill", size, [(p, "p", bc.BOUNDED_GT_0_1)],
                       [np.float64])

    def logseries(self, p, size=None):
        """numpy's legacy ``logseries`` (``legacy_logseries``)."""
        return bc.disc(self._bit_generator, "legacy_logseries_fill", size, [(p, "p", bc.BOUNDED_LT_0_1)],
                       [np.float64])

    def zipf(self, a, size=None):
        """numpy's legacy ``zipf`` (``legacy_random_zipf``)."""
        return bc.disc(self._bit_generator, "legacy_random_zipf_fill", size, [(a, "a", bc.GT_1)], [np.float64])

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        """numpy's legacy ``hypergeometric`` (``legacy_random_hypergeometric``: HRUA for nsample > 10,
        else the HYP algorithm)."""
        return _discrete.hypergeometric(
            self._bit_generator, "legacy_random_hypergeometric_fill", size, ngood, nbad, nsample,
            [bc.LEGACY_NON_NEGATIVE_INBOUNDS_LONG, bc.NON_NEGATIVE, bc.GTE_1], max_checked=False)

    def multinomial(self, n, pvals, size=None):
        """numpy's legacy ``multinomial`` (``random_multinomial`` with this RandomState's binomial cache)."""
        return _discrete.legacy_multinomial(self._bit_generator, self._binomial, n, pvals, size)
