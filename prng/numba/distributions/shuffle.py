"""numpy's Generator shuffles and choice selection (native/distributions/shuffle.c; _generator.pyx's
_shuffle_raw, _shuffle_int and choice's Floyd loop) as numba samplers."""
import numpy as np
from numba import njit

from .bounded import bounded_uint64, interval

_EMPTY = np.uint64(0xFFFFFFFFFFFFFFFF)


@njit(cache=True)
def shuffle_raw(bg, data, first):
    """Swap ``data[i]`` with ``data[random_interval(i)]`` for i = n-1 down to ``first`` (1-d, any dtype)."""
    for i in range(data.shape[0] - 1, first - 1, -1):
        j = interval(bg, np.uint64(i))
        data[i], data[j] = data[j], data[i]


@njit(cache=True)
def shuffle_int(bg, data, first):
    """The same with Lemire draws (random_bounded_uint64(0, i)) on int64 data."""
    for i in range(data.shape[0] - 1, first - 1, -1):
        j = bounded_uint64(bg, 0, i, False)
        data[i], data[j] = data[j], data[i]


@njit(cache=True)
def _floyd(bg, pop_size, out, hash_set, mask):
    count = out.size
    hash_set[:] = _EMPTY
    for k in range(count):
        j = np.uint64(pop_size - count + k)
        val = bounded_uint64(bg, 0, j, False)
        loc = val & mask
        while hash_set[loc] != _EMPTY and hash_set[loc] != val:
            loc = (loc + np.uint64(1)) & mask
        if hash_set[loc] != _EMPTY:  # val was chosen before: take j, which cannot have been
            val = j
            loc = j & mask
            while hash_set[loc] != _EMPTY:
                loc = (loc + np.uint64(1)) & mask
        hash_set[loc] = val
        out[k] = val


def choice_floyd(bg, pop_size, count):
    """Generator.choice(replace=False)'s Floyd selection: ``count`` distinct int64 indices, with
    numpy's hash set of the smallest 2**k >= 1.2 * count slots."""
    mask = (1 << int(1.2 * count).bit_length()) - 1
    out = np.empty(count, dtype=np.int64)
    _floyd(bg, pop_size, out, np.empty(mask + 1, dtype=np.uint64), np.uint64(mask))
    return out
