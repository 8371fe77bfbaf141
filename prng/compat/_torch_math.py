"""Floating-point kernels of PyTorch's CPU normal sampler, reproduced bit for bit.

Everything here works on numpy arrays and rounds exactly as torch 2.13's compiled code does:

* ``fma32`` / ``fma64``: a correctly rounded fused multiply-add without hardware FMA.
* ``cephes_log`` / ``cephes_sincos``: ``log256_ps`` and ``sincos256_ps`` of torch's
  ``aten/src/ATen/native/cpu/avx_mathfun.h`` (Pommier's Cephes polynomials), with the FMAs GCC
  contracted into ``NormalFill16<float>`` of the AVX2 build. Only ``+ - * fma sqrt``: portable.
* ``normal_block_avx2_f32`` / ``normal_block_default_f32`` / ``normal_block_f64``: one
  ``normal_fill_16`` block transform of ``aten/src/ATen/native/cpu/DistributionTemplates.h``.
* ``box_muller_f64``: ``at::normal_distribution<double>`` (``DistributionsHelper.h``).

libm dependence: ``normal_block_default_f32`` calls glibc's ``logf``/``sinf``/``cosf`` through
ctypes; ``normal_block_f64`` and ``box_muller_f64`` call ``log``/``log1p``/``sin``/``cos`` through
Python's ``math`` module, which on Linux is glibc too. Those results are bitwise only against a
torch linked to the same libm (checked: glibc 2.36). The AVX2 float32 path depends on nothing.
"""

import ctypes
import ctypes.util
import math

import numpy as np

_F32 = np.float32
_F64 = np.float64


def _f32_from_bits(bits):
    """The float32 whose IEEE bit pattern is ``bits``."""
    return np.array(bits, dtype=np.uint32).view(_F32)[()]


# ---------------------------------------------------------------------------------------------
# Exact fused multiply-add (Boldo & Melquiond, "Emulation of FMA and correctly rounded sums:
# proved algorithms using rounding to odd", IEEE TC 2008). Valid without overflow/underflow.
# ---------------------------------------------------------------------------------------------

def _two_sum(a, b):
    """(s, e) with s = fl(a + b) and s + e == a + b exactly."""
    s = a + b
    b_virtual = s - a
    return s, (a - (s - b_virtual)) + (b - b_virtual)


def _two_product(a, b):
    """(p, e) with p = fl(a * b) and p + e == a * b exactly (Dekker, Veltkamp splitting)."""
    p = a * b
    a_hi, a_lo = _split(a)
    b_hi, b_lo = _split(b)
    return p, ((a_hi * b_hi - p) + a_hi * b_lo + a_lo * b_hi) + a_lo * b_lo


def _split(a):
    """Veltkamp split of a float64 into two 26-bit halves."""
    t = 134217729.0 * a
    hi = t - (t - a)
    return hi, a - hi


def _add_round_to_odd(a, b):
    """a + b in float64 rounded to odd: when inexact, the neighbour whose last bit is 1."""
    s, err = _two_sum(a, b)
    even_and_inexact = (err != 0) & ((s.view(np.uint64) & np.uint64(1)) == 0)
    return np.where(even_and_inexact, np.nextafter(s, np.copysign(np.inf, err)), s)


def fma32(a, b, c):
    """float32 fma(a, b, c) with one rounding, elementwise (arrays or scalars, result an array).

    The float32 product is exact in float64; the sum is rounded to odd in float64 and then to
    nearest float32, which is the correctly rounded result (no double-rounding error).
    """
    a, b, c = (np.asarray(v, dtype=_F32).astype(_F64) for v in (a, b, c))
    return _add_round_to_odd(a * b, c).astype(_F32)


def fma64(a, b, c):
    """float64 fma(a, b, c) with one rounding, elementwise (Boldo-Melquiond emulated FMA)."""
    a, b, c = (np.asarray(v, dtype=_F64) for v in (a, b, c))
    p_hi, p_lo = _two_product(a, b)
    s_hi, s_lo = _two_sum(c, p_hi)
    return s_hi + _add_round_to_odd(s_lo, p_lo)


# ---------------------------------------------------------------------------------------------
# avx_mathfun.h: log256_ps and sincos256_ps, as compiled into torch 2.13's AVX2 NormalFill16.
# ---------------------------------------------------------------------------------------------

_ONE = _F32(1.0)
_HALF = _F32(0.5)
_MIN_NORM = _f32_from_bits(0x00800000)
_SQRTHF = _f32_from_bits(0x3F3504F3)
_LOG_P = [_f32_from_bits(b) for b in (0x3D9021BB, 0xBDEBD1B8, 0x3DEF251A, 0xBDFE5D4F, 0x3E11E9BF,
                                      0xBE2AAE50, 0x3E4CCEAC, 0xBE7FFFFC, 0x3EAAAAAA)]
_LOG_Q1 = _f32_from_bits(0xB95E8083)
_LOG_Q2 = _f32_from_bits(0x3F318000)
_FOPI = _f32_from_bits(0x3FA2F983)
_DP1 = _f32_from_bits(0xBF490000)
_DP2 = _f32_from_bits(0xB97DA000)
_DP3 = _f32_from_bits(0xB3222169)
_COS_C = [_f32_from_bits(b) for b in (0x37CCF5CE, 0xBAB6061A, 0x3D2AAAA5)]
_SIN_S = [_f32_from_bits(b) for b in (0xB94CA1F9, 0x3C08839E, 0xBE2AAAA3)]
TWO_PI_F32 = _f32_from_bits(0x40C90FDB)


def cephes_log(x):
    """``log256_ps`` for positive float32 ``x`` (array), with the AVX2 build's FMAs."""
    x = np.maximum(np.asarray(x, dtype=_F32), _MIN_NORM)
    bits = x.view(np.uint32)
    e = ((bits >> np.uint32(23)).astype(np.int32) - 127).astype(_F32) + _ONE
    x = ((bits & np.uint32(0x807FFFFF)) | np.uint32(0x3F000000)).view(_F32)
    below = x < _SQRTHF
    e = np.where(below, e - _ONE, e)
    x = (x - _ONE) + np.where(below, x, _F32(0.0))
    z = x * x
    y = fma32(_LOG_P[0], x, _LOG_P[1])
    for p in _LOG_P[2:]:
        y = fma32(y, x, p)
    y = fma32(x * y, z, e * _LOG_Q1)
    y = fma32(-z, _HALF, y)
    return fma32(e, _LOG_Q2, x + y)


def cephes_sincos(theta):
    """``sincos256_ps`` for float32 ``theta >= 0`` (array) -> (sin, cos), with the AVX2 FMAs."""
    theta = np.asarray(theta, dtype=_F32)
    octant = (theta * _FOPI).astype(np.int32)
    octant = (octant + 1) & ~1
    y = octant.astype(_F32)
    x = fma32(y, _DP1, theta)
    x = fma32(_DP2, y, x)
    x = fma32(y, _DP3, x)
    z = x * x
    cos_poly = fma32(fma32(_COS_C[0], z, _COS_C[1]), z, _COS_C[2])
    cos_poly = fma32(z, z * cos_poly, -(z * _HALF)) + _ONE
    sin_poly = fma32(fma32(_SIN_S[0], z, _SIN_S[1]), z, _SIN_S[2])
    sin_poly = fma32(x, z * sin_poly, x)
    swapped = (octant & 2) != 0
    sin = np.where(swapped, cos_poly, sin_poly)
    cos = np.where(swapped, sin_poly, cos_poly)
    sin = np.where((octant & 4) != 0, -sin, sin)
    cos = np.where((~(octant - 2) & 4) != 0, -cos, cos)
    return sin, cos


# ---------------------------------------------------------------------------------------------
# normal_fill_16 block transforms: u holds d[i..i+7], v holds d[i+8..i+15] (any leading shape).
# Each returns (first half, second half) = (r*cos(2*pi*v), r*sin(2*pi*v)) * std + mean,
# r = sqrt(-2*log(1-u)).
# ---------------------------------------------------------------------------------------------

def normal_block_avx2_f32(u, v, mean, std):
    """``NormalFill16<float>`` of the AVX2 build: Cephes log/sincos, float32 throughout."""
    radius = np.sqrt(cephes_log(_ONE - u) * _F32(-2.0))
    sin, cos = cephes_sincos(TWO_PI_F32 * v)
    return fma32(radius * cos, std, mean), fma32(radius * sin, std, mean)


def normal_block_default_f32(u, v, mean, std):
    """Scalar ``normal_fill_16<float>`` of the DEFAULT build: glibc ``logf``/``sinf``/``cosf``."""
    libm = _glibc_float_functions()
    log = np.array([libm.logf(x) for x in (_ONE - u).ravel()], dtype=_F32).reshape(u.shape)
    radius = np.sqrt(_F32(-2.0) * log)
    theta = (math.tau * v.astype(_F64)).astype(_F32)
    sin = np.array([libm.sinf(t) for t in theta.ravel()], dtype=_F32).reshape(u.shape)
    cos = np.array([libm.cosf(t) for t in theta.ravel()], dtype=_F32).reshape(u.shape)
    return fma32(radius * cos, std, mean), fma32(radius * sin, std, mean)


def normal_block_f64(u, v, mean, std):
    """``normal_fill_16<double>`` (every CPU build): libm ``log``/``sin``/``cos``, fused output."""
    radius = np.sqrt(-2.0 * np.array([math.log(x) for x in (1.0 - u).ravel()]).reshape(u.shape))
    theta = math.tau * v
    sin = np.array([math.sin(t) for t in theta.ravel()]).reshape(u.shape)
    cos = np.array([math.cos(t) for t in theta.ravel()]).reshape(u.shape)
    return fma64(radius * cos, std, mean), fma64(radius * sin, std, mean)


def box_muller_f64(u1, u2):
    """``at::normal_distribution<double>``'s pair from two 53-bit uniforms: (r*cos, r*sin)."""
    radius = math.sqrt(-2.0 * math.log1p(-u2))
    theta = math.tau * u1
    return radius * math.cos(theta), radius * math.sin(theta)


_LIBM = None


def _glibc_float_functions():
    """glibc's libm with ``logf``/``sinf``/``cosf`` typed float -> float (loaded once)."""
    global _LIBM
    if _LIBM is None:
        name = ctypes.util.find_library("m")
        if name is None:
            raise RuntimeError('kernel="default" needs the C math library (glibc libm)')
        libm = ctypes.CDLL(name)
        for fn in (libm.logf, libm.sinf, libm.cosf):
            fn.restype = ctypes.c_float
            fn.argtypes = [ctypes.c_float]
        _LIBM = libm
    return _LIBM
