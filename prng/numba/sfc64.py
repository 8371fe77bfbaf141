"""SFC64 (numpy's ``sfc64.h``) as numba kernels.

The state array is ``uint64[4] = [a, b, c, counter]``, exactly numpy's
``SFC64(seed).state["state"]["state"]``.  ``sfc64_next(state)`` returns one
uint64 from your own ``@njit`` code; ``sfc64_fill(state, out)`` fills a uint64
array.  Both update ``state`` in place and give numpy's ``random_raw`` stream.
"""
import numpy as np
from numba import njit
from numba.experimental import structref

from ._bitgen import BitGen, BitGenType, bind64
from ._core import Doubles64, KernelCore

_ONE = np.uint64(1)


def state_array(core):
    """The uint64[4] state array of a ``{"state": uint64[4]}`` core-state dict."""
    return np.array(core["state"], dtype=np.uint64)


def core_state(state):
    """The ``{"state": uint64[4]}`` core-state dict of a state array."""
    return {"state": state.copy()}


@njit(cache=True)
def _step(a, b, c, w):
    """One SFC64 step (numpy's ``sfc64_next``): returns the output and the new (a, b, c, w)."""
    out = a + b + w
    return out, b ^ (b >> np.uint64(11)), c + (c << np.uint64(3)), ((c << np.uint64(24)) | (c >> np.uint64(40))) + out, w + _ONE


@njit(cache=True)
def sfc64_next(state):
    """One 64-bit output."""
    out, state[0], state[1], state[2], state[3] = _step(state[0], state[1], state[2], state[3])
    return out


@njit(cache=True)
def sfc64_fill(state, out):
    """``out[i] = sfc64_next(state)`` for every i, with the state held in registers."""
    a, b, c, w = state[0], state[1], state[2], state[3]
    for i in range(out.size):
        out[i], a, b, c, w = _step(a, b, c, w)
    state[0], state[1], state[2], state[3] = a, b, c, w


@structref.register
class SFC64BitGenType(BitGenType):
    """numba type of a SFC64 core's ``bitgen``."""


class SFC64BitGen(BitGen):
    """A SFC64 core's ``bitgen`` (prng.numba._bitgen)."""


bind64(SFC64BitGenType, SFC64BitGen, sfc64_next, sfc64_fill)


class SFC64Core(Doubles64, KernelCore):
    """numba core of :class:`prng.SFC64` (numpy's SFC64 stream)."""

    handle = SFC64BitGen

    to_array = staticmethod(state_array)
    from_array = staticmethod(core_state)
    next_kernel = staticmethod(sfc64_next)
    fill_kernel = staticmethod(sfc64_fill)
