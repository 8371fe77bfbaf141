"""What torch's CPU and CUDA generators share (prng.compat.torch, prng.compat._torch_cuda): the seeding,
and ``NATIVE``, their C kernels."""

import os

import numpy as np

DEFAULT_SEED = 67280421310721          # torch's default_rng_seed_val

_SEED_MIN, _SEED_MAX = -(2**63), 2**64 - 1
_MASK64 = 0xFFFFFFFFFFFFFFFF


def _load_native():
    """``prng.c.torch`` (native/distributions/torch.c), or None when the C extension is not built."""
    try:
        from ..c import torch as native
    except ImportError:
        return None
    return native


# The C kernels both generators run, or None: then their pure-Python reference code runs (the same
# bits, slower). Tests set it to None to compare the two.
NATIVE = _load_native()


def checked_seed(seed):
    """A ``manual_seed`` argument as torch keeps it: an int in [-2**63, 2**64 - 1], negatives wrapped
    to ``seed + 2**64``; TypeError / ValueError otherwise."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be an int, got {type(seed).__name__}")
    seed = int(seed)
    if not _SEED_MIN <= seed <= _SEED_MAX:
        raise ValueError(f"seed must be in [-2**63, 2**64 - 1], got {seed}")
    return seed & _MASK64


class SeededGenerator:
    """``seed()`` and ``initial_seed()`` of a torch generator; the subclass has ``manual_seed`` and keeps
    the seed in ``_seed``."""

    def seed(self):
        """Seed from OS entropy (a 64-bit value) and return that seed, as ``Generator.seed()``."""
        seed = int.from_bytes(os.urandom(8), "little")
        self.manual_seed(seed)
        return seed

    def initial_seed(self):
        """The 64-bit seed last given to ``manual_seed`` (after wrapping negatives)."""
        return self._seed
