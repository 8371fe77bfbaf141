"""numba backend: one module per algorithm, same names as ``prng.bitgen`` and ``prng.c``.

Each module holds ``@njit(cache=True)`` kernels on a plain numpy state array
(``<algo>_next(state)``, ``<algo>_fill(state, out)``, ``state_array`` /
``core_state`` to convert from and to the core-state dict) and the core
classes the fronts use (``PCG64Core``, ...).  Call the kernels from your own
``@njit`` code; see docs/numba.md.

Importing this package imports neither numba nor any kernel: numba is loaded
when an algorithm module (``prng.numba.pcg64``, ...) is imported, and each
kernel compiles on its first call, or loads from numba's on-disk cache.
"""
