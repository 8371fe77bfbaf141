"""Philox 4x32-10 (Random123's philox4x32_10) with cuRAND's counter convention.

The counter given is encrypted for the first block and then incremented (128 bits, word 0 least
significant, with carry): the first four ``next_uint32()`` are ``philox4x32_10(counter, key)``. This is
how cuRAND's Philox4_32_10 and torch's CUDA generator use it.
"""

import numpy as np

from .philox import CounterBasedGenerator, PhiloxCore, add_to_counter, philox_block

PHILOX_M4x32 = (0xD2511F53, 0xCD9E8D57)
PHILOX_W32 = (0x9E3779B9, 0xBB67AE85)


class Philox4x32Core(PhiloxCore):
    """Pure-Python Philox4x32-10 core: on an empty buffer, encrypt the counter, then increment it."""

    bits = 32
    multipliers = PHILOX_M4x32
    weyl = PHILOX_W32
    dtype = np.uint32

    def refill(self):
        """cuRAND's order: the block for the current counter, then counter += 1."""
        self.buffer = philox_block(self.counter, self.key, self.bits, self.multipliers, self.weyl)
        self.counter = add_to_counter(self.counter, 1, self.bits)


class Philox4x32(CounterBasedGenerator):
    """Random123 Philox4x32-10: ``key`` is 2 uint32 words, ``counter`` 4 (word 0 least significant).

    ``seed`` (when no ``key`` is given) derives the key as numpy's Philox does: SeedSequence words.
    ``advance(delta)`` moves ``delta`` blocks of 4 outputs.
    """

    word_bits = 32
    bits = 32
    dtype = np.uint32

    def __init__(self, seed=None, *, counter=None, key=None, backend="auto"):
        self._seed(seed, counter, key, backend)
