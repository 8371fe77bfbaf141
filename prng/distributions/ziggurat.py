"""numpy's 256-layer ziggurat samplers (standard normal and standard exponential, float64 and float32).

Each function draws from any bit generator with ``next_uint32`` / ``next_uint64`` / ``next_double`` and
matches the C function of ``numpy/random/src/distributions/distributions.c`` named in its docstring,
bit for bit. The tables are numpy's own, read from ``prng/data/ziggurat.json`` (see
``prng/data/make_ziggurat.py``). float32 paths round every float operation to float32 exactly as C
does, and call the C library's ``log1pf``/``expf`` as numpy does (Python's ``math`` module is the same
libm for the double functions).
"""

import json
import math
import pathlib

import numpy as np

from ._libm import expf as _expf
from ._libm import log1pf as _log1pf

_DATA = json.loads((pathlib.Path(__file__).parent.parent / "data" / "ziggurat.json").read_text())


def _decode(values):
    """JSON table entries to Python numbers: ints stay ints, float.hex strings become floats."""
    return [float.fromhex(v) if isinstance(v, str) else v for v in values]


_T = {name: _decode(values) for name, values in _DATA["tables"].items()}  # the 12 tables
_S = {name: float.fromhex(value) for name, value in _DATA["scalars"].items()}  # r, 1/r, exp r




def f32(x):
    """Round a double to the nearest float32 (as a C ``(float)`` cast) and return it as a float."""
    return float(np.float32(x))


def next_float(bitgen):
    """numpy's ``next_float``: a float32 in [0, 1) from the top 24 bits of ``next_uint32``."""
    return (bitgen.next_uint32() >> 8) * 2.0**-24


def standard_normal(bitgen):
    """numpy's ``random_standard_normal`` (float64 ziggurat)."""
    ki, wi, fi = _T["ki_double"], _T["wi_double"], _T["fi_double"]
    while True:
        r = bitgen.next_uint64()
        idx = r & 0xFF
        r >>= 8
        rabs = (r >> 1) & 0x000FFFFFFFFFFFFF
        x = -(rabs * wi[idx]) if r & 1 else rabs * wi[idx]
        if rabs < ki[idx]:
            return x
        if idx == 0:
            return _normal_tail(bitgen, rabs)
        if (fi[idx - 1] - fi[idx]) * bitgen.next_double() + fi[idx] < math.exp(-0.5 * x * x):
            return x


def _normal_tail(bitgen, rabs):
    """The float64 tail beyond ``ziggurat_nor_r``; its sign is bit 8 of ``rabs``, as in numpy."""
    r, inv_r = _S["ziggurat_nor_r"], _S["ziggurat_nor_inv_r"]
    while True:
        xx = -inv_r * math.log1p(-bitgen.next_double())
        yy = -math.log1p(-bitgen.next_double())
        if yy + yy > xx * xx:
            return -(r + xx) if (rabs >> 8) & 1 else r + xx


def standard_normal_f(bitgen):
    """numpy's ``random_standard_normal_f`` (float32 ziggurat; the wedge test is in double)."""
    ki, wi, fi = _T["ki_float"], _T["wi_float"], _T["fi_float"]
    while True:
        r = bitgen.next_uint32()
        idx = r & 0xFF
        rabs = (r >> 9) & 0x007FFFFF
        x = f32(rabs * wi[idx])
        if (r >> 8) & 1:
            x = -x
        if rabs < ki[idx]:
            return x
        if idx == 0:
            return _normal_tail_f(bitgen, rabs)
        left = f32(f32(f32(fi[idx - 1] - fi[idx]) * next_float(bitgen)) + fi[idx])
        if left < math.exp(-0.5 * x * x):
            return x


def _normal_tail_f(bitgen, rabs):
    """The float32 tail (``log1pf``, float arithmetic); sign from bit 8 of ``rabs``."""
    r, inv_r = _S["ziggurat_nor_r_f"], _S["ziggurat_nor_inv_r_f"]
    while True:
        xx = f32(-inv_r * _log1pf(-next_float(bitgen)))
        yy = -_log1pf(-next_float(bitgen))
        if f32(yy + yy) > f32(xx * xx):
            return -f32(r + xx) if (rabs >> 8) & 1 else f32(r + xx)


def standard_exponential(bitgen):
    """numpy's ``random_standard_exponential`` (float64 ziggurat)."""
    ke, we, fe = _T["ke_double"], _T["we_double"], _T["fe_double"]
    while True:
        ri = bitgen.next_uint64() >> 3
        idx = ri & 0xFF
        ri >>= 8
        x = ri * we[idx]
        if ri < ke[idx]:
            return x
        if idx == 0:
            return _S["ziggurat_exp_r"] - math.log1p(-bitgen.next_double())
        if (fe[idx - 1] - fe[idx]) * bitgen.next_double() + fe[idx] < math.exp(-x):
            return x


def standard_exponential_f(bitgen):
    """numpy's ``random_standard_exponential_f`` (float32 ziggurat; the wedge test uses ``expf``)."""
    ke, we, fe = _T["ke_float"], _T["we_float"], _T["fe_float"]
    while True:
        ri = bitgen.next_uint32() >> 1
        idx = ri & 0xFF
        ri >>= 8
        x = f32(ri * we[idx])
        if ri < ke[idx]:
            return x
        if idx == 0:
            return f32(_S["ziggurat_exp_r_f"] - _log1pf(-next_float(bitgen)))
        left = f32(f32(f32(fe[idx - 1] - fe[idx]) * next_float(bitgen)) + fe[idx])
        if left < _expf(-x):
            return x
