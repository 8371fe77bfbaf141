"""The core protocol (docs/ARCHITECTURE.md) on top of a numba state array.

Every numba core keeps its whole state in one small numpy array and hands it
to two ``@njit`` kernels of its module: ``<algo>_next(state)`` and
``<algo>_fill(state, out)``.  The subclasses only say which kernels and how
the array maps to and from the core-state dict.
"""


class KernelCore:
    """Core protocol over one state array and the algorithm's numba kernels.

    Subclasses set ``to_array`` (core-state dict -> state array),
    ``from_array`` (state array -> core-state dict), ``next_kernel`` and
    ``fill_kernel``, each wrapped in ``staticmethod``.
    """

    def __init__(self, state):
        self._state = self.to_array(state)

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
