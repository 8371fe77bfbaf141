"""The core protocol (docs/ARCHITECTURE.md) on top of a numba state array.

Every numba core keeps its whole state in one small numpy array and hands it
to two ``@njit`` kernels of its module: ``<algo>_next(state)`` and
``<algo>_fill(state, out)``.  The subclasses only say which kernels and how
the array maps to and from the core-state dict.  ``Doubles64`` / ``Doubles32`` add
``fill_double`` (numpy's next_double) to the cores whose doubles are numpy's.
Every core also has ``bitgen``, the handle the samplers of prng.numba.distributions draw from
(``prng.numba._bitgen``); a subclass names its handle class ``handle``.
"""

import functools

import numpy as np
from numba import njit

TWO_M53 = 1.0 / 9007199254740992.0


@njit(cache=True)
def doubles_from_words(words, out):
    """numpy's next_double of a 64-bit generator, from its draws: ``(w >> 11) * 2**-53``."""
    for i in range(out.shape[0]):
        out[i] = (words[i] >> np.uint64(11)) * TWO_M53


@njit(cache=True)
def doubles_from_word_pairs(words, out):
    """numpy's MT19937 next_double from pairs of 32-bit draws: ``((a >> 5) * 2**26 + (b >> 6)) * 2**-53``."""
    for i in range(out.shape[0]):
        out[i] = ((words[2 * i] >> np.uint64(5)) * 67108864.0 + (words[2 * i + 1] >> np.uint64(6))) * TWO_M53


class KernelCore:
    """Core protocol over one state array and the algorithm's numba kernels.

    Subclasses set ``to_array`` (core-state dict -> state array),
    ``from_array`` (state array -> core-state dict), ``next_kernel`` and
    ``fill_kernel``, each wrapped in ``staticmethod``.
    """

    handle = None

    def __init__(self, state):
        self._state = self.to_array(state)
        self._buf = np.zeros(2, dtype=np.uint64)  # numpy's buffered uint32 half, for the samplers

    @functools.cached_property
    def bitgen(self):
        """The samplers' handle: this core's state array and uint32 buffer, shared."""
        return self.handle(self._state, self._buf)

    def load_uint32_buffer(self, has_uint32, uinteger):
        self._buf[:] = has_uint32, uinteger

    def uint32_buffer(self):
        return int(self._buf[0]), int(self._buf[1])

    def get(self):
        """The core-state dict now (fresh objects)."""
        return self.from_array(self._state)

    def next_raw(self):
        """One natural output as a Python int."""
        return int(self.next_kernel(self._state))

    def fill_raw(self, out):
        """``out[i] = next_raw()`` for every element of a C-contiguous uint64 array."""
        self.fill_kernel(self._state, out)


class Kernel32Core(KernelCore):
    """A core whose natural output is 32-bit: it also fills uint32 arrays.

    The fill kernels are compiled per output dtype, so the same kernel gives
    the front's ``next_uint32`` stream into a uint32 array.
    """

    def fill_uint32(self, out):
        """``out[i] = next_uint32()`` for every element of a C-contiguous uint32 array."""
        self.fill_kernel(self._state, out)


class Doubles64:
    """``fill_double`` for a 64-bit generator: one draw per double."""

    def fill_double(self, out):
        words = np.empty(out.shape[0], dtype=np.uint64)
        self.fill_kernel(self._state, words)
        doubles_from_words(words, out)


class Doubles32:
    """``fill_double`` for a 32-bit generator: two draws per double, the first one high."""

    def fill_double(self, out):
        words = np.empty(2 * out.shape[0], dtype=np.uint64)
        self.fill_kernel(self._state, words)
        doubles_from_word_pairs(words, out)
