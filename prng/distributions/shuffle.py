"""numpy's Generator shuffles and choice selection (``_generator.pyx``: ``_shuffle_raw``,
``_shuffle_int``, choice's Floyd loop), the pure-Python reference of native/distributions/shuffle.c."""

from .bounded import bounded


def shuffle_swaps(bitgen, n, first=1, use_masked=True):
    """The swaps of numpy's Fisher-Yates from the end: ``(i, j)`` for i = n-1 down to ``first``, j drawn
    in [0, i] by ``random_interval`` (``use_masked``, ``_shuffle_raw``) or Lemire (``_shuffle_int``)."""
    tops = range(n - 1, first - 1, -1)
    return zip(tops, bounded(bitgen, tops, 64, use_masked))


def shuffle_raw(bitgen, data, first):
    """``_shuffle_raw`` on a 1-d array or mutable sequence, in place."""
    for i, j in shuffle_swaps(bitgen, len(data), first):
        data[i], data[j] = data[j], data[i]


def shuffle_int(bitgen, data, first):
    """``_shuffle_int``: the same swaps with Lemire draws (``random_bounded_uint64(0, i)``)."""
    for i, j in shuffle_swaps(bitgen, len(data), first, use_masked=False):
        data[i], data[j] = data[j], data[i]


def choice_floyd(bitgen, pop_size, count):
    """Generator.choice(replace=False)'s Floyd selection: for j = pop_size - count .. pop_size - 1 draw
    v in [0, j] (Lemire); keep v unless already chosen, else j (which cannot have been)."""
    chosen, seen = [], set()
    tops = range(pop_size - count, pop_size)
    for j, v in zip(tops, bounded(bitgen, tops, 64, use_masked=False)):
        v = j if v in seen else v
        seen.add(v)
        chosen.append(v)
    return chosen
