"""The C library's math functions with C semantics (glibc on Linux), as numpy's distributions.c calls
them: log(0) is -inf, pow never raises, and so on. The pure-Python samplers call these (not Python's
``math``, which raises where C returns inf or nan), so they agree with numpy's C bit for bit; ``div``
is C's double division (x / 0 is inf or nan, not ZeroDivisionError)."""

import ctypes
import ctypes.util

import numpy as np

_LIBM = ctypes.CDLL(ctypes.util.find_library("m"))


def _bind(name, ctype, nargs):
    function = getattr(_LIBM, name)
    function.restype = ctype
    function.argtypes = [ctype] * nargs
    return function


exp, log, log1p, expm1, cos, acos, sqrt = (_bind(n, ctypes.c_double, 1)
                                           for n in ("exp", "log", "log1p", "expm1", "cos", "acos", "sqrt"))
pow, fmod = (_bind(n, ctypes.c_double, 2) for n in ("pow", "fmod"))  # noqa: A001 (C's names)
floor, ceil = (_bind(n, ctypes.c_double, 1) for n in ("floor", "ceil"))  # inf and nan pass through
expf, log1pf, logf, sqrtf = (_bind(n, ctypes.c_float, 1) for n in ("expf", "log1pf", "logf", "sqrtf"))
powf = _bind("powf", ctypes.c_float, 2)


def div(a, b):
    """C's double ``a / b``: a division by zero gives inf or nan as IEEE 754 says."""
    try:
        return a / b
    except ZeroDivisionError:
        with np.errstate(all="ignore"):
            return float(np.float64(a) / np.float64(b))
