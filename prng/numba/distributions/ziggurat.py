"""numpy's 256-layer ziggurats (native/distributions/ziggurat.c; distributions.c's
random_standard_normal[_f] and random_standard_exponential[_f]) as numba samplers. The tables are
numpy's, read from prng/data/ziggurat.json like every other backend's."""

import numpy as np
from numba import njit

from ...distributions.ziggurat import _S, _T
from .._bitgen import next_double, next_uint32, next_uint64
from ._libm import exp, expf, log1p, log1pf
from .uniform import next_float

KI_DOUBLE = np.array(_T["ki_double"], dtype=np.uint64)
WI_DOUBLE = np.array(_T["wi_double"], dtype=np.float64)
FI_DOUBLE = np.array(_T["fi_double"], dtype=np.float64)
KI_FLOAT = np.array(_T["ki_float"], dtype=np.uint32)
WI_FLOAT = np.array(_T["wi_float"], dtype=np.float32)
FI_FLOAT = np.array(_T["fi_float"], dtype=np.float32)
KE_DOUBLE = np.array(_T["ke_double"], dtype=np.uint64)
WE_DOUBLE = np.array(_T["we_double"], dtype=np.float64)
FE_DOUBLE = np.array(_T["fe_double"], dtype=np.float64)
KE_FLOAT = np.array(_T["ke_float"], dtype=np.uint32)
WE_FLOAT = np.array(_T["we_float"], dtype=np.float32)
FE_FLOAT = np.array(_T["fe_float"], dtype=np.float32)
NOR_R = _S["ziggurat_nor_r"]
NOR_INV_R = _S["ziggurat_nor_inv_r"]
EXP_R = _S["ziggurat_exp_r"]
NOR_R_F = np.float32(_S["ziggurat_nor_r_f"])
NOR_INV_R_F = np.float32(_S["ziggurat_nor_inv_r_f"])
EXP_R_F = np.float32(_S["ziggurat_exp_r_f"])

_U1, _U3, _U8, _U9 = np.uint64(1), np.uint64(3), np.uint64(8), np.uint64(9)


@njit(cache=True)
def _normal_tail(bg, rabs):
    """The float64 normal's tail beyond NOR_R; the sign is bit 8 of rabs."""
    while True:
        xx = -NOR_INV_R * log1p(-next_double(bg))
        yy = -log1p(-next_double(bg))
        if yy + yy > xx * xx:
            return -(NOR_R + xx) if (rabs >> _U8) & _U1 else NOR_R + xx


@njit(cache=True)
def random_standard_normal(bg):
    while True:
        r = next_uint64(bg)
        idx = np.int64(r & np.uint64(0xFF))
        r >>= _U8
        rabs = (r >> _U1) & np.uint64(0x000FFFFFFFFFFFFF)
        x = rabs * WI_DOUBLE[idx]
        if r & _U1:
            x = -x
        if rabs < KI_DOUBLE[idx]:
            return x
        if idx == 0:
            return _normal_tail(bg, rabs)
        if (FI_DOUBLE[idx - 1] - FI_DOUBLE[idx]) * next_double(bg) + FI_DOUBLE[idx] < exp(-0.5 * x * x):
            return x


@njit(cache=True)
def _normal_tail_f(bg, rabs):
    """The float32 normal's tail (float arithmetic, log1pf)."""
    while True:
        xx = -NOR_INV_R_F * log1pf(-next_float(bg))
        yy = -log1pf(-next_float(bg))
        if yy + yy > xx * xx:
            return -(NOR_R_F + xx) if (rabs >> np.uint32(8)) & np.uint32(1) else NOR_R_F + xx


@njit(cache=True)
def random_standard_normal_f(bg):
    while True:
        r = next_uint32(bg)
        idx = np.int64(r & np.uint32(0xFF))
        rabs = (r >> np.uint32(9)) & np.uint32(0x007FFFFF)
        x = np.float32(rabs) * WI_FLOAT[idx]
        if (r >> np.uint32(8)) & np.uint32(1):
            x = -x
        if rabs < KI_FLOAT[idx]:
            return x
        if idx == 0:
            return _normal_tail_f(bg, rabs)
        # the wedge test compares in double, as numpy's exp(-0.5 * x * x) promotes it
        if (FI_FLOAT[idx - 1] - FI_FLOAT[idx]) * next_float(bg) + FI_FLOAT[idx] < exp(-0.5 * np.float64(x) * x):
            return x


@njit(cache=True)
def random_standard_exponential(bg):
    while True:
        ri = next_uint64(bg) >> _U3
        idx = np.int64(ri & np.uint64(0xFF))
        ri >>= _U8
        x = ri * WE_DOUBLE[idx]
        if ri < KE_DOUBLE[idx]:
            return x
        if idx == 0:
            return EXP_R - log1p(-next_double(bg))
        if (FE_DOUBLE[idx - 1] - FE_DOUBLE[idx]) * next_double(bg) + FE_DOUBLE[idx] < exp(-x):
            return x


@njit(cache=True)
def random_standard_exponential_f(bg):
    while True:
        ri = next_uint32(bg) >> np.uint32(1)
        idx = np.int64(ri & np.uint32(0xFF))
        ri >>= np.uint32(8)
        x = np.float32(ri) * WE_FLOAT[idx]
        if ri < KE_FLOAT[idx]:
            return x
        if idx == 0:
            return EXP_R_F - log1pf(-next_float(bg))
        if (FE_FLOAT[idx - 1] - FE_FLOAT[idx]) * next_float(bg) + FE_FLOAT[idx] < expf(-x):
            return x


@njit(cache=True)
def random_standard_normal_fill(bg, out):
    for i in range(out.size):
        out[i] = random_standard_normal(bg)


@njit(cache=True)
def random_standard_normal_fill_f(bg, out):
    for i in range(out.size):
        out[i] = random_standard_normal_f(bg)


@njit(cache=True)
def random_standard_exponential_fill(bg, out):
    for i in range(out.size):
        out[i] = random_standard_exponential(bg)


@njit(cache=True)
def random_standard_exponential_fill_f(bg, out):
    for i in range(out.size):
        out[i] = random_standard_exponential_f(bg)


@njit(cache=True)
def random_normal_fill(bg, out, loc, scale):
    """numpy's random_normal: ``loc + scale * standard_normal``, parameters broadcast by size."""
    ls, ss = int(loc.size != 1), int(scale.size != 1)
    for i in range(out.size):
        out[i] = loc[i * ls] + scale[i * ss] * random_standard_normal(bg)


@njit(cache=True)
def random_exponential_fill(bg, out, scale):
    """numpy's random_exponential: ``scale * standard_exponential``."""
    ss = int(scale.size != 1)
    for i in range(out.size):
        out[i] = scale[i * ss] * random_standard_exponential(bg)
