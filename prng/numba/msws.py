"""Widynski's middle-square Weyl sequence (MiddleSquareWeyl) as numba kernels.

The state array is ``uint64[3] = [x, w, s]`` (``s`` odd, the Weyl constant).
Build one with :func:`state_array` from an ``{"x", "w", "s"}`` core-state
dict.  ``msws_next(state)`` returns one 32-bit output from your own ``@njit``
code; ``msws_fill(state, out)`` fills a uint64 or uint32 array.
"""
import numpy as np
from numba import njit
from numba.experimental import structref

from ._bitgen import BitGen, BitGenType, bind32
from ._core import Doubles32, Kernel32Core

_MASK32 = np.uint64(0xFFFFFFFF)
_SHIFT32 = np.uint64(32)


def state_array(core):
    """The uint64[3] state array of an ``{"x", "w", "s"}`` core-state dict."""
    return np.array([core["x"], core["w"], core["s"]], dtype=np.uint64)


def core_state(state):
    """The ``{"x", "w", "s"}`` core-state dict of a state array."""
    x, w, s = (int(word) for word in state)
    return {"x": x, "w": w, "s": s}


@njit(cache=True)
def _step(x, w, s):
    """``x = x*x; w += s; x += w; x = rotl64(x, 32)`` mod 2**64 (Widynski's ``msws()``);
    returns the new ``(x, w)``."""
    w += s
    x = x * x + w
    return (x << _SHIFT32) | (x >> _SHIFT32), w


@njit(cache=True)
def msws_next(state):
    """One step; returns the low 32 bits of the new ``x``."""
    state[0], state[1] = _step(state[0], state[1], state[2])
    return np.uint32(state[0] & _MASK32)


@njit(cache=True)
def msws_fill(state, out):
    """``out[i] = msws_next(state)`` for every i, with the state held in registers."""
    x, w, s = state[0], state[1], state[2]
    for i in range(out.size):
        x, w = _step(x, w, s)
        out[i] = np.uint32(x & _MASK32)
    state[0], state[1] = x, w


@structref.register
class MiddleSquareWeylBitGenType(BitGenType):
    """numba type of a MiddleSquareWeyl core's ``bitgen``."""


class MiddleSquareWeylBitGen(BitGen):
    """A MiddleSquareWeyl core's ``bitgen`` (prng.numba._bitgen)."""


bind32(MiddleSquareWeylBitGenType, MiddleSquareWeylBitGen, msws_next, msws_fill)


class MiddleSquareWeylCore(Doubles32, Kernel32Core):
    """numba core of :class:`prng.MiddleSquareWeyl`."""

    handle = MiddleSquareWeylBitGen
    to_array = staticmethod(state_array)
    from_array = staticmethod(core_state)
    next_kernel = staticmethod(msws_next)
    fill_kernel = staticmethod(msws_fill)
