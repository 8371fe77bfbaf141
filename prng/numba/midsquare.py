"""Von Neumann's decimal middle-square method as numba kernels.

The state array is ``uint64[2] = [value, digits]`` (``digits`` even, 2..18).
Build one with :func:`state_array` from a ``{"value", "digits"}`` core-state
dict.  ``midsquare_next(state)`` returns the next value from your own
``@njit`` code; ``midsquare_fill(state, out)`` fills a uint64 array.
"""
import numpy as np
from numba import njit
from numba.experimental import structref

from ._bitgen import BitGen, BitGenType, bind_values
from ._core import KernelCore

VALUE = 0
"""Index of the value in the state array."""
DIGITS = 1
"""Index of the digit count."""


def state_array(core):
    """The uint64[2] state array of a ``{"value", "digits"}`` core-state dict."""
    return np.array([core["value"], core["digits"]], dtype=np.uint64)


def core_state(state):
    """The ``{"value", "digits"}`` core-state dict of a state array."""
    return {"value": int(state[VALUE]), "digits": int(state[DIGITS])}


@njit(cache=True)
def _middle_of_square(value, half):
    """``(value**2 // half) % half**2`` without 128-bit arithmetic (``half = 10**(digits//2)``).

    With ``value = a*half + b``: ``value**2 // half = a*a*half + 2*a*b + b*b // half``, and modulo
    ``half**2`` the first term keeps only ``(a*a % half) * half``; every term stays below 2**63.
    """
    a, b = value // half, value % half
    return ((a * a % half) * half + np.uint64(2) * a * b + b * b // half) % (half * half)


@njit(cache=True)
def _half_power(state):
    """``10**(digits // 2)`` as a uint64."""
    return np.uint64(10) ** (state[DIGITS] // np.uint64(2))


@njit(cache=True)
def midsquare_next(state):
    """One step: the middle ``digits`` digits of the zero-padded square; returns the new value."""
    state[VALUE] = _middle_of_square(state[VALUE], _half_power(state))
    return state[VALUE]


@njit(cache=True)
def midsquare_next_double(state):
    """The next value / 10**digits (exact division of exact doubles: the samplers use it for digits <= 8)."""
    return float(midsquare_next(state)) / float(np.uint64(10) ** state[DIGITS])


@njit(cache=True)
def midsquare_fill(state, out):
    """``out[i] = midsquare_next(state)`` for every i, with the value held in a register."""
    half = _half_power(state)
    value = state[VALUE]
    for i in range(out.size):
        value = _middle_of_square(value, half)
        out[i] = value
    state[VALUE] = value


@structref.register
class MidSquareBitGenType(BitGenType):
    """numba type of a MidSquare core's ``bitgen``."""


class MidSquareBitGen(BitGen):
    """A MidSquare core's ``bitgen`` (prng.numba._bitgen)."""


bind_values(MidSquareBitGenType, MidSquareBitGen, midsquare_next, midsquare_next_double)


class MidSquareCore(KernelCore):
    """numba core of :class:`prng.MidSquare`."""

    handle = MidSquareBitGen
    to_array = staticmethod(state_array)
    from_array = staticmethod(core_state)
    next_kernel = staticmethod(midsquare_next)
    fill_kernel = staticmethod(midsquare_fill)
