"""numpy's ``Generator``: distributions on any prng bit generator, value for value.

``Generator(bit_generator)`` gives the same values as ``numpy.random.Generator`` on a numpy bit
generator in the same state, and leaves the bit generator in the same state afterwards (including the
buffered uint32 half, which lives in the bit generator and so carries over between calls). The bit
generator is only reached through ``next_uint32``, ``next_uint64`` and ``next_double``.

Method by method the numpy sources are ``numpy/random/_generator.pyx`` and
``_bounded_integers.pyx.in`` for the argument handling (here, with ``prng._broadcast``), and
``src/distributions/distributions.c`` for the samplers, which run on the bit generator's backend
(``prng._sampling``: C, numba, or the pure-Python reference ``prng.distributions``).
"""

import collections.abc
import math
import operator
import warnings

import numpy as np

from . import _broadcast as bc
from . import _discrete
from ._sampling import sampling
from ._validate import as_size
from .bitgen.pcg64 import PCG64
from .distributions.discrete import binomial_cache

_INTEGER_DTYPES = tuple(np.dtype(t) for t in (
    np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64, np.bool_))


def _integer_dtype(dtype):
    """The numpy dtype for ``integers``; anything but the 8 integer dtypes and bool is a TypeError."""
    try:
        dt = np.dtype(dtype)
    except TypeError as exc:
        raise TypeError(f"dtype {dtype!r} is not a numpy dtype") from exc
    if dt.isnative and dt in _INTEGER_DTYPES:
        return dt
    if not dt.isnative:
        raise ValueError(f"dtype {dt} has a non-native byte order; integers supports native ones only")
    raise TypeError(f"Unsupported dtype {dt!r} for integers")


def _float_dtype(dtype, method):
    """np.float64 or np.float32; anything else is a TypeError naming ``method``."""
    dt = np.dtype(dtype)
    if dt not in (np.dtype(np.float64), np.dtype(np.float32)):
        raise TypeError(f"Unsupported dtype {dt!r} for {method}")
    return dt


def _bounds_error(closed, low):
    """numpy's ``format_bounds_error``: "high <= 0" style when every low is 0, else "low >= high"."""
    if not np.any(low):
        return f"high {'<' if closed else '<='} 0"
    return f"low {'>' if closed else '>='} high"


def bounded_integers(bitgen, low, high, size, dtype, endpoint, use_masked):
    """numpy's ``_rand_<dtype>``: ``size`` integers of ``dtype`` in [low, high) (or [low, high] with
    ``endpoint``) by Lemire's method, or by masked rejection with ``use_masked`` (RandomState); array
    bounds take numpy's broadcast path. Returns a numpy scalar when ``size`` is None and both bounds
    are scalars."""
    dt = _integer_dtype(dtype)
    shape = as_size(size)
    if shape is not None and math.prod(shape) == 0:
        return np.empty(shape, dtype=dt)
    low_arr, high_arr = np.asarray(low), np.asarray(high)
    if low_arr.ndim or high_arr.ndim:
        return _bounded_broadcast(bitgen, low_arr, high_arr, shape, dt, endpoint, use_masked)
    low, high = _scalar_bound(low_arr, "low"), _scalar_bound(high_arr, "high")
    closed_high = high if endpoint else high - 1
    lb, ub = _type_bounds(dt)
    if low < lb:
        raise ValueError(f"low is out of bounds for {dt.name}")
    if closed_high > ub:
        raise ValueError(f"high is out of bounds for {dt.name}")
    if low > closed_high:
        raise ValueError(_bounds_error(endpoint, low))
    # numpy draws into the unsigned type of the same width: off + value wraps there, and reads back
    # as signed where the dtype is signed
    unsigned = _unsigned(dt)
    width = 8 * unsigned.itemsize
    values = np.empty(1 if shape is None else shape, dtype=unsigned)
    with sampling(bitgen) as (samplers, bg):
        samplers.random_bounded_fill(bg, low % (1 << width), closed_high - low, use_masked, values.reshape(-1))
    values = values.view(dt)
    return values[0] if shape is None else values


def _scalar_bound(arr, name):
    """A 0-d bound as a Python int (numpy truncates floats with int()); not a number is a TypeError."""
    if arr.dtype.kind not in "biufO":
        raise TypeError(f"{name} must be an integer, not {arr.dtype}")
    return int(arr)


def _type_bounds(dt):
    """The smallest and largest value of an integer dtype (bool: 0 and 1)."""
    if dt.kind == "b":
        return 0, 1
    info = np.iinfo(dt)
    return int(info.min), int(info.max)


def _unsigned(dt):
    """The unsigned dtype numpy draws ``dt`` values in (bool stays bool)."""
    return dt if dt.kind == "b" else np.dtype(f"u{dt.itemsize}")


def _bounded_broadcast(bitgen, low, high, shape, dt, closed, use_masked):
    """numpy's ``_rand_<dtype>_broadcast``: its bound checks (casting where safe, else value by value),
    then one value per element of the output (``shape``, or low and high broadcast) in [low, high)."""
    low, high, is_open = (_wide_bounds if dt.itemsize == 8 else _narrow_bounds)(low, high, dt, closed)
    out = np.empty(np.broadcast_shapes(low.shape, high.shape) if shape is None else shape, dtype=dt)
    try:
        joint = np.broadcast_shapes(low.shape, high.shape, out.shape)
    except ValueError:
        raise ValueError("shape mismatch: objects cannot be broadcast to a single shape") from None
    # wrapping arithmetic in the unsigned 64-bit type, as numpy's C casts; a bound of one value stays one
    off = _flat_bound(low, joint, out.size).astype(np.uint64)
    rng = np.subtract(_flat_bound(high, joint, out.size).astype(np.uint64), off)
    rng -= np.uint64(is_open)
    if dt.itemsize < 8:
        mask = np.uint64((1 << (8 * dt.itemsize)) - 1)
        off &= mask
        rng &= mask
    with sampling(bitgen) as (samplers, bg):
        samplers.random_bounded_broadcast_fill(bg, off, rng, use_masked, out.view(_unsigned(dt)).reshape(-1))
    return out


def _flat_bound(bound, joint, n):
    """A bound as a 1-d array: its one value, or its first ``n`` values broadcast to ``joint`` in C order."""
    if bound.size == 1:
        return bound.reshape(1)
    return np.broadcast_to(bound, joint).reshape(-1)[:n]


def _narrow_bounds(low, high, dt, closed):
    """numpy's checks for bool and types up to 32 bits: bounds compared in the next wider type, then cast
    to it (floats truncated)."""
    lb, ub = _type_bounds(dt)
    up = np.dtype(np.uint8 if dt.kind == "b" else f"{dt.kind}{2 * dt.itemsize}")
    if not np.can_cast(low, dt) and np.any(np.less(low, dt.type(lb))):
        raise ValueError(f"low is out of bounds for {dt.name}")
    high_comp = np.greater_equal if closed else np.greater
    if not np.can_cast(high, dt) and np.any(high_comp(high, up.type(ub + 1))):
        raise ValueError(f"high is out of bounds for {dt.name}")
    if np.any(np.greater(low, high) if closed else np.greater_equal(low, high)):
        raise ValueError(_bounds_error(closed, low))
    return low.astype(up, casting="unsafe"), high.astype(up, casting="unsafe"), int(not closed)


def _wide_bounds(low, high, dt, closed):
    """numpy's checks for 64-bit types: a safe cast, else value by value through Python ints (the open
    interval's 1 then already subtracted from high)."""
    lb, ub = _type_bounds(dt)
    is_open = int(not closed)
    if np.can_cast(low, dt):
        low_out = np.asarray(low, dtype=dt)
    else:
        values = [int(v) for v in low.reshape(-1)]
        if any(not lb <= v <= ub for v in values):
            raise ValueError(f"low is out of bounds for {dt.name}")
        low_out = np.array(values, dtype=dt).reshape(low.shape)
    if np.can_cast(high, dt):
        high_out = np.asarray(high, dtype=dt)
    else:
        values = [int(v) - is_open for v in high.reshape(-1)]
        for v in values:
            if v > ub:
                raise ValueError(f"high is out of bounds for {dt.name}")
            if v < lb:
                raise ValueError(_bounds_error(closed, low_out))
        high_out, is_open = np.array(values, dtype=dt).reshape(high.shape), 0
    if np.any(np.greater_equal(low_out, high_out) if is_open else np.greater(low_out, high_out)):
        raise ValueError(_bounds_error(closed, low_out))
    return low_out, high_out, is_open


def shuffle_order(bitgen, n):
    """The order numpy's ``shuffle`` leaves ``arange(n)`` in (its ``_shuffle_raw`` swaps)."""
    order = np.arange(n, dtype=np.intp)
    with sampling(bitgen) as (samplers, bg):
        samplers.shuffle_raw(bg, order, 1)
    return order


def shuffle_in_place(bitgen, x, axis=0):
    """numpy's ``shuffle`` (Generator and RandomState): a 1-d numeric ndarray swapped in place by the
    sampler, other ndarrays along ``axis`` by the same swaps (an empty one draws nothing), and any
    other mutable sequence item by item."""
    if isinstance(x, np.ndarray):
        if x.ndim == 0:
            raise TypeError("len() of unsized object")
        if not x.flags.writeable:
            raise ValueError("array is read-only")
        axis = _axis(axis, x.ndim)
        if x.ndim == 1 and x.size and type(x) is np.ndarray and not x.dtype.hasobject \
                and x.dtype.isnative and x.dtype.kind in "biufc":
            with sampling(bitgen) as (samplers, bg):
                samplers.shuffle_raw(bg, x, 1)
        elif x.size:
            view = np.moveaxis(x, axis, 0)
            view[...] = view[shuffle_order(bitgen, len(view))]
        return
    if not isinstance(x, collections.abc.Sequence):
        warnings.warn(f"you are shuffling a '{type(x).__name__}' object which is not a subclass of 'Sequence'; "
                      "`shuffle` is not guaranteed to behave correctly. E.g., non-numpy array/tensor objects "
                      "with view semantics may contain duplicates after shuffling.", UserWarning, stacklevel=3)
    if axis != 0:
        raise NotImplementedError("Axis argument is only supported on ndarray objects")
    order = shuffle_order(bitgen, len(x))
    items = [x[i] for i in order]
    for i, item in enumerate(items):
        x[i] = item


def _axis(axis, ndim):
    """Normalize ``axis`` for an array of ``ndim`` dimensions (0-d arrays have no axis to shuffle)."""
    axis = operator.index(axis)
    if not -ndim <= axis < ndim:
        raise np.exceptions.AxisError(axis, ndim)
    return axis % ndim


class Generator:
    """numpy.random.Generator's distributions over any prng bit generator (``bit_generator``)."""

    _poisson_lam_max = bc.POISSON_LAM_MAX  # numpy's class attribute: the largest lam poisson accepts

    def __init__(self, bit_generator):
        if isinstance(bit_generator, type):
            raise ValueError("Invalid bit generator. The bit generator must be instantiated.")
        for method in ("next_uint32", "next_uint64", "next_double"):
            if not callable(getattr(bit_generator, method, None)):
                raise TypeError(f"bit_generator must have a {method}() method")
        self._bit_generator = bit_generator
        self._binomial = binomial_cache()  # numpy's binomial_t: the setup of the last (n, p)

    @property
    def bit_generator(self):
        """The bit generator every draw comes from."""
        return self._bit_generator

    def __str__(self):
        return f"Generator({type(self._bit_generator).__name__})"

    def __repr__(self):
        return f"{self} at 0x{id(self):X}"

    def __reduce__(self):
        """numpy's pickling: rebuilt around the (pickled) bit generator by ``generator_ctor``."""
        return generator_ctor, (self._bit_generator,), None

    def __setstate__(self, state):
        """numpy's: older pickles carry the bit generator's state dict."""
        if isinstance(state, dict):
            self._bit_generator.state = state

    def _float_fill(self, sampler, size, dtype, out, method):
        """numpy's ``double_fill`` / ``float_fill``: ``sampler`` (float64) or ``sampler_f`` (float32)."""
        dt = _float_dtype(dtype, method)
        if dt == np.float64:
            return bc.fill(self._bit_generator, sampler, size, dt, out)
        return bc.fill(self._bit_generator, sampler + "_f", size, dt, out)

    def random(self, size=None, dtype=np.float64, out=None):
        """numpy's ``Generator.random``: float64 from ``next_double``, float32 from the top 24 bits of
        ``next_uint32`` (``random_standard_uniform_fill[_f]``)."""
        return self._float_fill("random_standard_uniform_fill", size, dtype, out, "random")

    def integers(self, low, high=None, size=None, dtype=np.int64, endpoint=False):
        """numpy's ``Generator.integers``: Lemire's method for every integer dtype and bool, with numpy's
        32-bit draws for small 64-bit ranges and 8/16/1-bit draws cut from one ``next_uint32``."""
        if high is None:
            low, high = 0, low
        result = bounded_integers(self._bit_generator, low, high, size, dtype, endpoint, use_masked=False)
        if not isinstance(result, np.ndarray) and (dtype is int or dtype is bool):
            return dtype(result)
        return result

    def standard_normal(self, size=None, dtype=np.float64, out=None):
        """numpy's ``Generator.standard_normal``: the 256-layer ziggurat (``random_standard_normal[_f]``)."""
        return self._float_fill("random_standard_normal_fill", size, dtype, out, "standard_normal")

    def standard_exponential(self, size=None, dtype=np.float64, method="zig", out=None):
        """numpy's ``Generator.standard_exponential``: the ziggurat (``random_standard_exponential[_f]``), or
        with any other ``method`` (numpy's ``"inv"``) ``-log1p(-U)``."""
        sampler = "random_standard_exponential_fill" if method == "zig" else "random_standard_exponential_inv_fill"
        return self._float_fill(sampler, size, dtype, out, "standard_exponential")

    def exponential(self, scale=1.0, size=None):
        """numpy's ``Generator.exponential``: ``scale * standard_exponential`` (``random_exponential``)."""
        return bc.cont(self._bit_generator, "random_exponential_fill", size,
                       [(scale, "scale", bc.NON_NEGATIVE)])

    def normal(self, loc=0.0, scale=1.0, size=None):
        """numpy's ``Generator.normal``: ``loc + scale * standard_normal`` (``random_normal``)."""
        return bc.cont(self._bit_generator, "random_normal_fill", size,
                       [(loc, "", bc.NONE), (scale, "scale", bc.NON_NEGATIVE)])

    def uniform(self, low=0.0, high=1.0, size=None):
        """numpy's ``Generator.uniform``: ``low + (high - low) * next_double`` (``random_uniform``);
        a range that is not finite is an OverflowError."""
        low_arr, high_arr = np.asarray(low, dtype=np.float64), np.asarray(high, dtype=np.float64)
        if low_arr.ndim == high_arr.ndim == 0:
            low, rng = float(low), float(high) - float(low)
            if not np.isfinite(rng):
                raise OverflowError("high - low range exceeds valid bounds")
        else:
            low, rng = low_arr, np.subtract(high_arr, low_arr)
            if not np.all(np.isfinite(rng)):
                raise OverflowError("Range exceeds valid bounds")
        return bc.cont(self._bit_generator, "random_uniform_fill", size,
                       [(low, "", bc.NONE), (rng, "high - low", bc.NON_NEGATIVE)])

    # --- numpy's continuous distributions (prng.distributions.continuous; _generator.pyx) ----------

    def _cont(self, sampler, size, *params, out=None):
        """numpy's ``cont``: ``params`` are ``(value, name, constraint)``, broadcast (bc.cont)."""
        return bc.cont(self._bit_generator, sampler, size, list(params), out=out)

    def standard_gamma(self, shape, size=None, dtype=np.float64, out=None):
        """numpy's ``Generator.standard_gamma`` (``random_standard_gamma[_f]``: Marsaglia and Tsang)."""
        dt = _float_dtype(dtype, "standard_gamma")
        if dt == np.float64:
            return self._cont("random_standard_gamma_fill", size, (shape, "shape", bc.NON_NEGATIVE), out=out)
        return bc.cont(self._bit_generator, "random_standard_gamma_fill_f", size, [(shape, "shape", bc.NON_NEGATIVE)],
                       out=out, dtype=np.float32, param_dtype=np.float32)

    def gamma(self, shape, scale=1.0, size=None):
        """numpy's ``Generator.gamma``: ``scale * standard_gamma(shape)``."""
        return self._cont("random_gamma_fill", size, (shape, "shape", bc.NON_NEGATIVE),
                          (scale, "scale", bc.NON_NEGATIVE))

    def beta(self, a, b, size=None):
        """numpy's ``Generator.beta`` (``random_beta``)."""
        return self._cont("random_beta_fill", size, (a, "a", bc.POSITIVE), (b, "b", bc.POSITIVE))

    def chisquare(self, df, size=None):
        """numpy's ``Generator.chisquare``: ``2 * standard_gamma(df / 2)``."""
        return self._cont("random_chisquare_fill", size, (df, "df", bc.POSITIVE))

    def f(self, dfnum, dfden, size=None):
        """numpy's ``Generator.f`` (``random_f``)."""
        return self._cont("random_f_fill", size, (dfnum, "dfnum", bc.POSITIVE), (dfden, "dfden", bc.POSITIVE))

    def noncentral_chisquare(self, df, nonc, size=None):
        """numpy's ``Generator.noncentral_chisquare`` (``random_noncentral_chisquare``: a poisson's worth
        of extra degrees of freedom for df <= 1)."""
        return self._cont("random_noncentral_chisquare_fill", size, (df, "df", bc.POSITIVE),
                          (nonc, "nonc", bc.NON_NEGATIVE))

    def noncentral_f(self, dfnum, dfden, nonc, size=None):
        """numpy's ``Generator.noncentral_f`` (``random_noncentral_f``)."""
        return self._cont("random_noncentral_f_fill", size, (dfnum, "dfnum", bc.POSITIVE),
                          (dfden, "dfden", bc.POSITIVE), (nonc, "nonc", bc.NON_NEGATIVE))

    def standard_cauchy(self, size=None):
        """numpy's ``Generator.standard_cauchy``: the ratio of two standard normals."""
        return bc.fill(self._bit_generator, "random_standard_cauchy_fill", size, np.float64, None)

    def standard_t(self, df, size=None):
        """numpy's ``Generator.standard_t`` (``random_standard_t``)."""
        return self._cont("random_standard_t_fill", size, (df, "df", bc.POSITIVE))

    def vonmises(self, mu, kappa, size=None):
        """numpy's ``Generator.vonmises`` (``random_vonmises``)."""
        return self._cont("random_vonmises_fill", size, (mu, "mu", bc.NONE), (kappa, "kappa", bc.NON_NEGATIVE))

    def pareto(self, a, size=None):
        """numpy's ``Generator.pareto``: ``expm1(standard_exponential / a)``."""
        return self._cont("random_pareto_fill", size, (a, "a", bc.POSITIVE))

    def weibull(self, a, size=None):
        """numpy's ``Generator.weibull``: ``pow(standard_exponential, 1 / a)``."""
        return self._cont("random_weibull_fill", size, (a, "a", bc.NON_NEGATIVE))

    def power(self, a, size=None):
        """numpy's ``Generator.power``: ``pow(-expm1(-standard_exponential), 1 / a)``."""
        return self._cont("random_power_fill", size, (a, "a", bc.POSITIVE))

    def laplace(self, loc=0.0, scale=1.0, size=None):
        """numpy's ``Generator.laplace`` (``random_laplace``)."""
        return self._cont("random_laplace_fill", size, (loc, "loc", bc.NONE), (scale, "scale", bc.NON_NEGATIVE))

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        """numpy's ``Generator.gumbel`` (``random_gumbel``)."""
        return self._cont("random_gumbel_fill", size, (loc, "loc", bc.NONE), (scale, "scale", bc.NON_NEGATIVE))

    def logistic(self, loc=0.0, scale=1.0, size=None):
        """numpy's ``Generator.logistic`` (``random_logistic``)."""
        return self._cont("random_logistic_fill", size, (loc, "loc", bc.NONE), (scale, "scale", bc.NON_NEGATIVE))

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        """numpy's ``Generator.lognormal``: ``exp(normal(mean, sigma))``."""
        return self._cont("random_lognormal_fill", size, (mean, "mean", bc.NONE),
                          (sigma, "sigma", bc.NON_NEGATIVE))

    def rayleigh(self, scale=1.0, size=None):
        """numpy's ``Generator.rayleigh``: ``scale * sqrt(2 * standard_exponential)``."""
        return self._cont("random_rayleigh_fill", size, (scale, "scale", bc.NON_NEGATIVE))

    def wald(self, mean, scale, size=None):
        """numpy's ``Generator.wald`` (``random_wald``)."""
        return self._cont("random_wald_fill", size, (mean, "mean", bc.POSITIVE), (scale, "scale", bc.POSITIVE))

    def triangular(self, left, mode, right, size=None):
        """numpy's ``Generator.triangular`` (``random_triangular``), with numpy's ordering checks."""
        return triangular(self._bit_generator, "random_triangular_fill", left, mode, right, size)

    def dirichlet(self, alpha, size=None):
        """numpy's ``Generator.dirichlet``: normalised gammas, or stick-breaking betas when every alpha is
        below 0.1 (``_generator.pyx``)."""
        alpha_arr, out = dirichlet_output(alpha, size)
        if np.any(np.less(alpha_arr, 0)):
            raise ValueError("alpha < 0")
        if out.size:
            with sampling(self._bit_generator) as (samplers, bg):
                samplers.random_dirichlet_fill(bg, out.reshape(-1, alpha_arr.size), alpha_arr)
        return out

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *, method="svd"):
        """numpy's ``Generator.multivariate_normal``: ``standard_normal`` draws, then numpy's own linear
        algebra (numpy.linalg ``svd``/``eigh``/``cholesky`` and ``@``) exactly as numpy calls it, so the
        result is numpy's wherever both use the same numpy (LAPACK/BLAS)."""
        if method not in {"eigh", "svd", "cholesky"}:
            raise ValueError("method must be one of {'eigh', 'svd', 'cholesky'}")
        mean, cov, final_shape = multivariate_normal_args(mean, cov, size, check_complex=True)
        x = self.standard_normal(final_shape).reshape(-1, mean.shape[0])
        cov = cov.astype(np.double)
        if method == "svd":
            u, s, vh = np.linalg.svd(cov)
        elif method == "eigh":
            s, u = np.linalg.eigh(cov)
        else:
            factor = np.linalg.cholesky(cov)
        if check_valid != "ignore" and method != "cholesky":
            if check_valid not in ("warn", "raise"):
                raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
            psd = np.allclose(np.dot(vh.T * s, vh), cov, rtol=tol, atol=tol) if method == "svd" \
                else not np.any(s < -tol)
            check_psd(psd, check_valid)
        if method == "eigh":
            factor = u * np.sqrt(abs(s))
        elif method == "svd":
            factor = u * np.sqrt(s)
        x = mean + x @ factor.T
        x.shape = tuple(final_shape)
        return x

    def shuffle(self, x, axis=0):
        """numpy's ``Generator.shuffle``: Fisher-Yates in place with masked-rejection draws."""
        shuffle_in_place(self._bit_generator, x, axis)

    def permuted(self, x, *, axis=None, out=None):
        """numpy's ``Generator.permuted``: a copy of ``x`` (or ``out``, filled from ``x``) whose every
        slice along ``axis`` is shuffled on its own, slices in C order (axis None: all elements)."""
        x = np.asarray(x)
        if out is None:
            out = x.copy(order="K")
        else:
            if type(out) is not np.ndarray:
                raise TypeError("out must be a numpy array")
            if not out.flags.writeable:
                raise ValueError("out is read-only")
            if out.shape != x.shape:
                raise ValueError("out must have the same shape as x")
            np.copyto(out, x, casting="safe")
        if axis is None:
            if x.ndim <= 1:
                self.shuffle(out)
            elif out.flags.c_contiguous or out.flags.f_contiguous:
                self.shuffle(out.ravel(order="A"))
            else:
                flat = np.ascontiguousarray(out)
                self.shuffle(flat.reshape(-1))
                out[...] = flat
            return out
        lanes = np.moveaxis(out, _axis(axis, out.ndim), -1)
        for index in np.ndindex(lanes.shape[:-1]):
            shuffle_in_place(self._bit_generator, lanes[index])
        return out

    def spawn(self, n_children):
        """numpy's ``Generator.spawn``: ``n_children`` Generators over ``bit_generator.spawn``."""
        return [type(self)(bg) for bg in self._bit_generator.spawn(n_children)]

    def permutation(self, x, axis=0):
        """numpy's ``Generator.permutation``: a shuffled ``arange(x)`` for an int, else a shuffled copy
        (n-d arrays: the rows along ``axis`` in a shuffled order)."""
        if isinstance(x, (int, np.integer)):
            arr = np.arange(x)
            self.shuffle(arr)
            return arr
        arr = np.asarray(x)
        axis = _axis(axis, arr.ndim)
        if arr.ndim == 1:
            if np.may_share_memory(arr, x):
                arr = np.array(arr)
            self.shuffle(arr)
            return arr
        return np.take(arr, shuffle_order(self._bit_generator, arr.shape[axis]), axis=axis)

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        """numpy's ``Generator.choice``: with ``p``, ``searchsorted`` of uniforms in the normalised cdf
        (without replacement: repeated rounds over the probabilities not yet taken); else with
        replacement ``integers(0, n, size)``; without, a partial Fisher-Yates from the end (large
        populations) or Floyd's method then a shuffle (Lemire draws throughout)."""
        arr = np.asarray(a)
        pop_size = population_size(arr, a, axis, size)
        if p is not None:
            p = probabilities(p, pop_size, _GENERATOR_P_MESSAGES)
        shape = () if size is None else as_size(size)
        count = math.prod(shape)
        if replace:
            if p is not None:
                idx = np.asarray(cdf_indices(p, self.random(shape)), dtype=np.int64)
            else:
                idx = self.integers(0, pop_size, size=shape, dtype=np.int64)
        else:
            if count > pop_size:
                raise ValueError("Cannot take a larger sample than population when replace is False")
            if p is not None:
                idx = distinct_cdf_indices(p, count, shape, lambda n: self.random((n,)), np.int64)
            else:
                idx = self._sample_without_replacement(pop_size, count, shuffle).reshape(shape)
        if size is None and isinstance(idx, np.ndarray):
            idx = idx.item(0)
        if arr.ndim == 0:
            return idx
        if size is not None and idx.ndim == 0 and arr.ndim == 1:
            res = np.empty((), dtype=arr.dtype)
            res[()] = arr[idx]
            return res
        return arr.take(np.asarray(idx, dtype=np.intp), axis=axis)

    def _sample_without_replacement(self, pop_size, count, shuffle):
        """numpy's index selection for ``choice(replace=False)`` without ``p``: ``count`` distinct
        indices below ``pop_size``, in numpy's order (Lemire draws, ``random_bounded_uint64``)."""
        with sampling(self._bit_generator) as (samplers, bg):
            if pop_size > 10000 and count > pop_size // (50 if shuffle else 20):
                idx = np.arange(pop_size, dtype=np.int64)
                samplers.shuffle_int(bg, idx, max(pop_size - count, 1))
                return idx[pop_size - count:].copy()
            idx = np.asarray(samplers.choice_floyd(bg, pop_size, count), dtype=np.int64)
            if shuffle:
                samplers.shuffle_int(bg, idx, 1)
            return idx

    def bytes(self, length):
        """numpy's ``Generator.bytes``: ``integers(0, 2**32, n, uint32)`` as little-endian bytes, cut to
        ``length``, with n = (length - 1) / 4 + 1 in C's truncating division (so ``bytes(0)`` draws one
        word and ``bytes(-1)`` gives 3 bytes, as numpy's)."""
        length = bc.as_index(length, "length")
        words = self.integers(0, 2**32, size=bc.c_int_div(length - 1, 4) + 1, dtype=np.uint32)
        return words.astype("<u4").tobytes()[:length]

    # -- discrete distributions (distributions.c, random_hypergeometric.c, random_mvhg_*.c) --------

    def binomial(self, n, p, size=None):
        """numpy's ``Generator.binomial``: inversion for n min(p, 1-p) <= 30, else BTPE, with numpy's
        setup cache for the last (n, p) (``random_binomial``)."""
        return bc.disc(self._bit_generator, "random_binomial_fill", size,
                       [(p, "p", bc.BOUNDED_0_1), (n, "n", bc.NON_NEGATIVE)], [np.float64, np.int64],
                       state=(self._binomial,))

    def negative_binomial(self, n, p, size=None):
        """numpy's ``Generator.negative_binomial``: a poisson of a gamma(n, (1 - p) / p); n and p must
        keep the poisson's lam below its limit."""
        n_arr, p_arr = np.asarray(n, dtype=np.float64), np.asarray(p, dtype=np.float64)
        if n_arr.ndim or p_arr.ndim:
            bc.check_array_constraint(n_arr, "n", bc.POSITIVE_NOT_NAN)
            bc.check_array_constraint(p_arr, "p", bc.BOUNDED_GT_0_1)
            with np.errstate(all="ignore"):
                too_large = np.any(np.greater((1 - p_arr) / p_arr * (n_arr + 10 * np.sqrt(n_arr)), bc.POISSON_LAM_MAX))
        else:
            dn, dp = float(n_arr), float(p_arr)
            bc.check_constraint(dn, "n", bc.POSITIVE_NOT_NAN)
            bc.check_constraint(dp, "p", bc.BOUNDED_GT_0_1)
            too_large = (1 - dp) / dp * (dn + 10 * math.sqrt(dn)) > bc.POISSON_LAM_MAX
        if too_large:
            raise ValueError("n too large or p too small, see Generator.negative_binomial Notes")
        return bc.disc(self._bit_generator, "random_negative_binomial_fill", size,
                       [(n_arr, "n", bc.NONE), (p_arr, "p", bc.NONE)], [np.float64, np.float64])

    def poisson(self, lam=1.0, size=None):
        """numpy's ``Generator.poisson``: multiplication of uniforms for lam < 10, else PTRS."""
        return bc.disc(self._bit_generator, "random_poisson_fill", size, [(lam, "lam", bc.POISSON)], [np.float64])

    def geometric(self, p, size=None):
        """numpy's ``Generator.geometric``: search for p >= 1/3, else inversion of an exponential."""
        return bc.disc(self._bit_generator, "random_geometric_fill", size, [(p, "p", bc.BOUNDED_GT_0_1)],
                       [np.float64])

    def logseries(self, p, size=None):
        """numpy's ``Generator.logseries`` (``random_logseries``)."""
        return bc.disc(self._bit_generator, "random_logseries_fill", size, [(p, "p", bc.BOUNDED_LT_0_1)],
                       [np.float64])

    def zipf(self, a, size=None):
        """numpy's ``Generator.zipf`` (``random_zipf``: rejection, 1 for a >= 1025)."""
        return bc.disc(self._bit_generator, "random_zipf_fill", size, [(a, "a", bc.GT_1)], [np.float64])

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        """numpy's ``Generator.hypergeometric``: HRUA for 10 <= nsample <= ngood + nbad - 10, else
        item-by-item sampling; ngood and nbad below 10**9."""
        return _discrete.hypergeometric(self._bit_generator, "random_hypergeometric_fill", size, ngood, nbad,
                                        nsample, [bc.NON_NEGATIVE] * 3, max_checked=True)

    def multinomial(self, n, pvals, size=None):
        """numpy's ``Generator.multinomial``: a binomial per category; n and the rows of pvals broadcast."""
        return _discrete.generator_multinomial(self._bit_generator, self._binomial, n, pvals, size)

    def multivariate_hypergeometric(self, colors, nsample, size=None, method="marginals"):
        """numpy's ``Generator.multivariate_hypergeometric``: a hypergeometric per color ("marginals") or a
        partial shuffle of the items ("count")."""
        return _discrete.multivariate_hypergeometric(self._bit_generator, colors, nsample, size, method)


def triangular(bitgen, sampler, left, mode, right, size):
    """numpy's ``triangular`` (Generator and RandomState): scalars checked as floats, arrays with
    ``np.greater``/``np.equal``, then ``cont`` with no constraints."""
    arrays = [np.asarray(v, dtype=np.float64) for v in (left, mode, right)]
    if all(a.ndim == 0 for a in arrays):
        left, mode, right = float(left), float(mode), float(right)
        if left > mode:
            raise ValueError("left > mode")
        if mode > right:
            raise ValueError("mode > right")
        if left == right:
            raise ValueError("left == right")
    else:
        left, mode, right = arrays
        if np.any(np.greater(left, mode)):
            raise ValueError("left > mode")
        if np.any(np.greater(mode, right)):
            raise ValueError("mode > right")
        if np.any(np.equal(left, right)):
            raise ValueError("left == right")
    return bc.cont(bitgen, sampler, size, [(left, "", bc.NONE), (mode, "", bc.NONE), (right, "", bc.NONE)])


def dirichlet_output(alpha, size):
    """numpy's ``dirichlet`` set-up: alpha as a 1-d float64 array and the zeroed output (``size`` + (k,))."""
    k = len(alpha)
    alpha_arr = np.ascontiguousarray(np.asarray(alpha, dtype=np.float64))
    if alpha_arr.ndim != 1:
        raise ValueError("alpha must be 1-dimensional")
    if size is None:
        shape = (k,)
    else:
        try:
            shape = (operator.index(size), k)
        except TypeError:
            shape = tuple(size) + (k,)
    return alpha_arr, np.zeros(shape, np.float64)


def multivariate_normal_args(mean, cov, size, check_complex):
    """numpy's ``multivariate_normal`` checks: ``(mean, cov, final_shape)`` with ``final_shape`` the
    output shape (``size`` + (N,))."""
    mean, cov = np.array(mean), np.array(cov)
    if check_complex and (np.issubdtype(mean.dtype, np.complexfloating) or
                          np.issubdtype(cov.dtype, np.complexfloating)):
        raise TypeError("mean and cov must not be complex")
    if size is None:
        shape = []
    elif isinstance(size, (int, np.integer)):
        shape = [size]
    else:
        shape = size
    if len(mean.shape) != 1:
        raise ValueError("mean must be 1 dimensional")
    if len(cov.shape) != 2 or cov.shape[0] != cov.shape[1]:
        raise ValueError("cov must be 2 dimensional and square")
    if mean.shape[0] != cov.shape[0]:
        raise ValueError("mean and cov must have same length")
    return mean, cov, list(shape[:]) + [mean.shape[0]]


def check_psd(psd, check_valid):
    """numpy's reaction to a covariance that is not positive-semidefinite: a warning or a ValueError."""
    if not psd:
        if check_valid == "warn":
            warnings.warn("covariance is not symmetric positive-semidefinite.", RuntimeWarning, stacklevel=3)
        else:
            raise ValueError("covariance is not symmetric positive-semidefinite.")


_GENERATOR_P_MESSAGES = ("p must be 1-dimensional", "a and p must have same size", "Probabilities contain NaN",
                         "Probabilities are not non-negative",
                         "Probabilities do not sum to 1. See Notes section of docstring for more information.")


def kahan_sum(values):
    """numpy's ``kahan_sum`` (``_common.pyx``): compensated left-to-right sum of a float64 array."""
    if values.size == 0:
        return 0.0
    total, c = float(values[0]), 0.0
    for v in values[1:].tolist():
        y = v - c
        t = total + y
        c = (t - total) - y
        total = t
    return total


def probabilities(p, pop_size, messages):
    """numpy's checks of ``choice``'s ``p`` (``messages``: Generator's or RandomState's wording, in the
    order: not 1-d, wrong size, NaN, negative, sum not 1); returns p as a float64 array."""
    atol = np.sqrt(np.finfo(np.float64).eps)
    if isinstance(p, np.ndarray) and np.issubdtype(p.dtype, np.floating):
        atol = max(atol, np.sqrt(np.finfo(p.dtype).eps))
    length = len(p)
    p = np.ascontiguousarray(p, dtype=np.float64)
    if p.ndim != 1:
        raise ValueError(messages[0])
    if p.size != pop_size:
        raise ValueError(messages[1])
    p_sum = kahan_sum(p[:length])
    if np.isnan(p_sum):
        raise ValueError(messages[2])
    if np.logical_or.reduce(p < 0):
        raise ValueError(messages[3])
    if abs(p_sum - 1.0) > atol:
        raise ValueError(messages[4])
    return p


def cdf_indices(p, uniforms):
    """numpy's ``choice`` with ``p`` and replacement: each uniform's index in the normalised cdf."""
    cdf = p.cumsum()
    cdf /= cdf[-1]
    return cdf.searchsorted(uniforms, side="right")


def distinct_cdf_indices(p, count, shape, uniforms, dtype):
    """numpy's ``choice`` with ``p`` without replacement: rounds of ``uniforms(n)`` (n still missing)
    in the cdf of the probabilities not yet taken, keeping each round's first occurrences in order."""
    if np.count_nonzero(p > 0) < count:
        raise ValueError("Fewer non-zero entries in p than size")
    p = p.copy()
    found = np.zeros(shape, dtype=dtype)
    flat_found = found.ravel()
    n_uniq = 0
    while n_uniq < count:
        x = uniforms(count - n_uniq)
        if n_uniq > 0:
            p[flat_found[0:n_uniq]] = 0
        new = cdf_indices(p, x)
        _, unique_indices = np.unique(new, return_index=True)
        unique_indices.sort()
        new = new.take(unique_indices)
        flat_found[n_uniq:n_uniq + new.size] = new
        n_uniq += new.size
    return found


def population_size(arr, a, axis, size):
    """numpy's ``choice`` population checks: ``a`` is a positive int or a non-empty array."""
    no_samples = size is not None and math.prod(as_size(size)) == 0
    if arr.ndim == 0:
        try:
            pop_size = operator.index(arr.item())
        except TypeError as exc:
            raise ValueError(f"a must be a sequence or an integer, not {type(a)}") from exc
        if pop_size <= 0 and not no_samples:
            raise ValueError("a must be a positive integer unless no samples are taken")
        return pop_size
    pop_size = arr.shape[_axis(axis, arr.ndim)]
    if pop_size == 0 and not no_samples:
        raise ValueError("a cannot be empty unless no samples are taken")
    return pop_size


def bit_generator_ctor(bit_generator="MT19937"):
    """numpy's ``_pickle.__bit_generator_ctor``: a new bit generator of a class or a numpy class name."""
    from . import MT19937, PCG64DXSM, SFC64, Philox

    classes = {"MT19937": MT19937, "PCG64": PCG64, "PCG64DXSM": PCG64DXSM, "Philox": Philox, "SFC64": SFC64}
    if isinstance(bit_generator, type):
        return bit_generator()
    if bit_generator in classes:
        return classes[bit_generator]()
    raise ValueError(f"{bit_generator} is not a known BitGenerator module.")


def generator_ctor(bit_generator_name="MT19937", bit_generator_ctor=bit_generator_ctor):
    """numpy's ``_pickle.__generator_ctor``: a Generator over a bit generator, or over a new one by name."""
    if hasattr(bit_generator_name, "next_uint64") and not isinstance(bit_generator_name, type):
        return Generator(bit_generator_name)
    return Generator(bit_generator_ctor(bit_generator_name))


def default_rng(seed=None):
    """numpy's ``default_rng``: a Generator over ``prng.PCG64(seed)``; a Generator is returned as is
    and a bit generator is wrapped."""
    if isinstance(seed, Generator):
        return seed
    if hasattr(seed, "_bit_generator") and hasattr(seed, "get_state"):  # a RandomState
        return Generator(seed._bit_generator)
    if hasattr(seed, "next_uint64") and hasattr(seed, "next_double"):
        return Generator(seed)
    return Generator(PCG64(seed))
