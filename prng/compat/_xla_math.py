"""XLA's CPU math kernels as jax 0.10 (jaxlib 0.10.2, x86-64) compiles them, reproduced bit for bit.

What ``jax.random`` calls on floats, each with the operation order of the LLVM IR and machine code XLA
emits (dumped with ``XLA_FLAGS=--xla_dump_to``): XLA's LLVM backend fuses a multiply feeding an add
into one FMA (``FPOpFusion::Fast``), so every ``fma32``/``fma64`` below stands where the compiled code
has a ``vfmadd``, and every plain ``a * b + c`` where it has separate instructions.

* ``log_f32``: XLA's float32 log intrinsic (Cephes' ``logf`` polynomial, evaluated in three
  interleaved chains); ``log1p_f32``/``log1p_f64``: XLA's log1p (a Cephes rational for |x| < sqrt(2)-1,
  else log(1 + x)); ``erf_inv_f32``/``erf_inv_f64``: the CHLO ``erf_inv`` decomposition (Giles'
  polynomials); ``erf_f32``: XLA's float32 erf (a rational with explicit FMAs).
* float64 ``log`` and ``erf`` are calls into the C library (glibc, through Python's ``math``).
* XLA's CPU runtime runs with flush-to-zero and denormals-are-zero: ``ftz`` applies that where a
  subnormal can appear.

Exactness: bitwise against jax on an x86-64 CPU with FMA (every AVX2 machine); a CPU without FMA
makes XLA emit separate multiply and add, which this module does not model. The float64 paths are
bitwise where the C library is glibc.
"""

import math

import numpy as np

from ._torch_math import fma32, fma64

F32, F64 = np.float32, np.float64


def _f32(bits):
    """The float32 whose IEEE bit pattern is ``bits``."""
    return np.array(bits, dtype=np.uint32).view(F32)[()]


FLT_MIN = _f32(0x00800000)
_SQRT_HALF = _f32(0x3F3504F3)
# XLA's log_f32 (Cephes logf): three chains of P, then Q1 = -2.12194440e-4, Q2 = 0.693359375
_LOG_P = tuple(_f32(b) for b in (0x3D9021BB, 0xBDEBD1B8, 0x3DEF251A))
_LOG_Q = tuple(_f32(b) for b in (0xBDFE5D4F, 0x3E11E9BF, 0xBE2AAE50))
_LOG_R = tuple(_f32(b) for b in (0x3E4CCEAC, 0xBE7FFFFC, 0x3EAAAAAA))
_LOG_Q1, _LOG_Q2 = _f32(0xB95E8083), _f32(0x3F318000)
# XLA's log1p: Cephes' log1p rational (numerator, denominator), for |x| < sqrt(2) - 1
_LOG1P_NUM = (4.5270000862445199635215e-5, 4.9854102823193375972212e-1, 6.5787325942061044846969e0,
              2.9911919328553073277375e1, 6.0949667980987787057556e1, 5.7112963590585538103336e1,
              2.0039553499201281259648e1)
_LOG1P_DEN = (1.0, 1.5062909083469192043167e1, 8.3047565967967209469434e1, 2.2176239823732856465394e2,
              3.0909872225312059774938e2, 2.1642788614495947685003e2, 6.0118660497603843919306e1)
_LOG1P_SMALL = 0.41421356237309504880  # sqrt(2) - 1
# CHLO erf_inv for float32 (Giles, "Approximating the erfinv function", 2010): w < 5, else
_ERF_INV32_CENTRAL = (2.81022636e-08, 3.43273939e-07, -3.5233877e-06, -4.39150654e-06, 0.00021858087,
                      -0.00125372503, -0.00417768164, 0.246640727, 1.50140941)
_ERF_INV32_TAIL = (-0.000200214257, 0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773,
                   -0.0076224613, 0.00943887047, 1.00167406, 2.83297682)
# CHLO erf_inv for float64 (Giles): w < 6.25, w < 16, else
_ERF_INV64_CENTRAL = (-3.6444120640178196996e-21, -1.685059138182016589e-19, 1.2858480715256400167e-18,
                      1.115787767802518096e-17, -1.333171662854620906e-16, 2.0972767875968561637e-17,
                      6.6376381343583238325e-15, -4.0545662729752068639e-14, -8.1519341976054721522e-14,
                      2.6335093153082322977e-12, -1.2975133253453532498e-11, -5.4154120542946279317e-11,
                      1.051212273321532285e-09, -4.1126339803469836976e-09, -2.9070369957882005086e-08,
                      4.2347877827932403518e-07, -1.3654692000834678645e-06, -1.3882523362786468719e-05,
                      0.0001867342080340571352, -0.00074070253416626697512, -0.0060336708714301490533,
                      0.24015818242558961693, 1.6536545626831027356)
_ERF_INV64_MIDDLE = (2.2137376921775787049e-09, 9.0756561938885390979e-08, -2.7517406297064545428e-07,
                     1.8239629214389227755e-08, 1.5027403968909827627e-06, -4.013867526981545969e-06,
                     2.9234449089955446044e-06, 1.2475304481671778723e-05, -4.7318229009055733981e-05,
                     6.8284851459573175448e-05, 2.4031110387097893999e-05, -0.0003550375203628474796,
                     0.00095328937973738049703, -0.0016882755560235047313, 0.0024914420961078508066,
                     -0.0037512085075692412107, 0.005370914553590063617, 1.0052589676941592334,
                     3.0838856104922207635)
_ERF_INV64_TAIL = (-2.7109920616438573243e-11, -2.5556418169965252055e-10, 1.5076572693500548083e-09,
                   -3.7894654401267369937e-09, 7.6157012080783393804e-09, -1.4960026627149240478e-08,
                   2.9147953450901080826e-08, -6.7711997758452339498e-08, 2.2900482228026654717e-07,
                   -9.9298272942317002539e-07, 4.5260625972231537039e-06, -1.9681778105531670567e-05,
                   7.5995277030017761139e-05, -0.00021503011930044477347, -0.00013871931833623122026,
                   1.0103004648645343977, 4.8499064014085844221)
# XLA's float32 erf: x * P(x^2) / Q(x^2), clamped to +-1 for |x| >= 3.832506856900711
_ERF32_P = tuple(_f32(b) for b in (0x39702D51, 0x3B5F5DA2, 0x3D50B6EB, 0x3E3DA740, 0x3F906EBA))
_ERF32_Q = tuple(_f32(b) for b in (0xB3FD3906, 0x37C588DF, 0x3A856D28, 0x3C6687D4, 0x3DE34C21, 0x3EFEB44A))
_ERF32_CLAMP = _f32(0x407547CB)


def ftz(x):
    """Flush subnormals to (signed) zero, as XLA's CPU runtime does (FTZ and DAZ)."""
    x = np.asarray(x)
    tiny = np.finfo(x.dtype).tiny
    return np.where(np.abs(x) < tiny, np.copysign(x.dtype.type(0), x), x).astype(x.dtype)


def log_f32(a):
    """XLA's float32 log (its ``log_f32`` intrinsic): Cephes' range reduction to [sqrt(1/2), sqrt(2))
    and degree-8 polynomial in three interleaved chains, as compiled with FMAs."""
    a = ftz(np.asarray(a, dtype=F32))
    v = np.where(a > FLT_MIN, a, FLT_MIN)
    bits = v.view(np.uint32)
    e = ((bits >> np.uint32(23)).astype(np.int32) - 127).astype(F32) + F32(1)
    mant = ((bits & np.uint32(0x807FFFFF)) | np.uint32(0x3F000000)).view(F32)
    below = mant < _SQRT_HALF
    t = (mant + F32(-1)) + np.where(below, mant, F32(0))
    e = e - np.where(below, F32(1), F32(0))
    x2 = t * t
    x3 = x2 * t
    p, q, r = (fma32(fma32(t, c[0], c[1]), t, c[2]) for c in (_LOG_P, _LOG_Q, _LOG_R))
    y = fma32(fma32(p, x3, q), x3, r)
    y = fma32(y, x3, e * _LOG_Q1)
    y = fma32(F32(-0.5), x2, t) + y
    y = fma32(e, _LOG_Q2, y)
    y = np.where(np.isnan(a) | (a < 0), np.array(0xFFFFFFFF, np.uint32).view(F32), y)
    y = np.where(a == 0, F32(-np.inf), y)
    return np.where(a == np.inf, F32(np.inf), y).astype(F32)


def log_f64(a):
    """float64 log: XLA calls the C library's ``log`` (glibc; Python's ``math.log`` is the same)."""
    a = np.asarray(a, dtype=F64)
    return np.array([_c_log(v) for v in a.ravel().tolist()], dtype=F64).reshape(a.shape)


def _c_log(v):
    """The C library's log, including its values outside math.log's domain."""
    if v > 0:
        return math.log(v)
    return -math.inf if v == 0 else math.nan


def _log1p(x, fma, log, dtype):
    """XLA's log1p: for |x| < sqrt(2) - 1 Cephes' rational x - x^2/2 + x^3 * N(x) / D(x), else
    log(1 + x). The polynomials start from 0 * x + c (unfused: ``0 * x`` has two uses)."""
    x = np.asarray(x, dtype=dtype)
    x2 = x * x
    num = np.full_like(x, dtype(_LOG1P_NUM[0]))
    den = np.full_like(x, dtype(_LOG1P_DEN[0]))
    for n, d in zip(_LOG1P_NUM[1:], _LOG1P_DEN[1:]):
        num = fma(x, num, dtype(n))
        den = fma(x, den, dtype(d))
    small = x + fma(dtype(-0.5), x2, (x * x2) * (num / den))
    large = log(x + dtype(1))
    return np.where(np.abs(x) < dtype(_LOG1P_SMALL), small, large).astype(dtype)


def log1p_f32(x):
    """XLA's float32 log1p (Cephes rational, else ``log_f32(1 + x)``)."""
    return _log1p(ftz(np.asarray(x, dtype=F32)), fma32, log_f32, F32)


def log1p_f64(x):
    """XLA's float64 log1p (Cephes rational, else the C library's ``log(1 + x)``)."""
    return _log1p(x, fma64, log_f64, F64)


def _horner(coefficients, z, fma, dtype):
    """c0 z^n + ... + cn by fused Horner steps p = fma(p, z, c) (how XLA compiles CHLO's chain)."""
    p = np.full_like(z, dtype(coefficients[0]))
    for c in coefficients[1:]:
        p = fma(p, z, dtype(c))
    return p


def erf_inv_f32(x):
    """CHLO's float32 erf_inv: w = -log1p(-x^2); w < 5: P(w - 2.5), else Q(sqrt(w) - 3); times x
    (|x| = 1: x * inf)."""
    x = np.asarray(x, dtype=F32)
    lg = log1p_f32(x * -x)
    central = lg > F32(-5)
    z = np.where(central, F32(-2.5) - lg, np.sqrt(-lg) + F32(-3))
    p = np.where(central, _horner(_ERF_INV32_CENTRAL, z, fma32, F32), _horner(_ERF_INV32_TAIL, z, fma32, F32))
    return x * np.where(np.abs(x) == F32(1), F32(np.inf), p)


def erf_inv_f64(x):
    """CHLO's float64 erf_inv: w = -log1p(-x^2); three Giles polynomials (w < 6.25 in w - 3.125,
    w < 16 in sqrt(w) - 3.25, else sqrt(w) - 5); times x (|x| = 1: x * inf)."""
    x = np.asarray(x, dtype=F64)
    w = -log1p_f64(x * -x)
    root = np.sqrt(w)
    central, middle = w < 6.25, w < 16.0
    z = np.where(central, w + -3.125, root - np.where(middle, 3.25, 5.0))
    p = np.where(central, _horner(_ERF_INV64_CENTRAL, z, fma64, F64),
                 np.where(middle, _horner(_ERF_INV64_MIDDLE, z, fma64, F64), _horner(_ERF_INV64_TAIL, z, fma64, F64)))
    return x * np.where(np.abs(x) == 1.0, np.inf, p)


def erf_f32(x):
    """XLA's float32 erf: x * P(x^2) / Q(x^2) with explicit FMAs; +-1 beyond |x| = 3.8325."""
    x = np.asarray(x, dtype=F32)
    x2 = x * x
    p = _horner(_ERF32_P, x2, lambda a, z, c: fma32(z, a, c), F32)
    q = fma32(x2, _horner(_ERF32_Q, x2, lambda a, z, c: fma32(z, a, c), F32), F32(1))
    value = (x * p) / q
    return np.where(np.abs(x) >= _ERF32_CLAMP, np.copysign(F32(1), x), value).astype(F32)


def erf_f64(x):
    """float64 erf: XLA calls the C library's ``erf`` (glibc; Python's ``math.erf`` is the same)."""
    x = np.asarray(x, dtype=F64)
    return np.array([math.erf(v) for v in x.ravel().tolist()], dtype=F64).reshape(x.shape)
