"""numpy's SeedSequence output hash in C (native/seedsequence.c): seeding MT19937 needs 624 words."""

import numpy as np

from ._common import ffi, lib, u32_out


def generate_state(pool, n_words):
    """``n_words`` uint32 words of SeedSequence.generate_state from the mixed ``pool`` (uint32)."""
    pool = np.ascontiguousarray(pool, dtype=np.uint32)
    out = np.empty(n_words, dtype=np.uint32)
    lib.prng_seedsequence_generate_state(ffi.from_buffer("uint32_t[]", pool), pool.size, u32_out(out), n_words)
    return out
