"""SFC64, Chris Doty-Humphrey's Small Fast Chaotic generator, as numpy has it
(numpy/random/src/sfc64/sfc64.h, _sfc64.pyx).

State: three 64-bit words a, b, c and a 64-bit counter w. One step outputs a + b + w, then
``a = b ^ (b >> 11); b = c + (c << 3); c = rotl(c, 24) + output; w += 1``. Seeding (numpy's
``sfc64_set_seed``): a, b, c = ``SeedSequence(seed).generate_state(3, uint64)``, w = 1, then 12 steps.
"""

import numpy as np

from .._bitgen import BitGenerator, as_seed_sequence, check_state_dict, words_field

M64 = (1 << 64) - 1
SEED_ROUNDS = 12


def sfc64_step(s):
    """One SFC64 step on the list ``s = [a, b, c, w]`` in place; returns the output."""
    a, b, c, w = s
    out = (a + b + w) & M64
    s[0] = b ^ (b >> 11)
    s[1] = (c + (c << 3)) & M64
    s[2] = ((((c << 24) | (c >> 40)) & M64) + out) & M64
    s[3] = (w + 1) & M64
    return out


def seed_state(seed_seq):
    """numpy's sfc64_set_seed: three SeedSequence words, counter 1, then 12 steps mixed in."""
    s = [int(x) for x in seed_seq.generate_state(3, np.uint64)] + [1]
    for _ in range(SEED_ROUNDS):
        sfc64_step(s)
    return s


class SFC64Core:
    """Pure-Python SFC64 core. Core state ``{"state": uint64[4]}`` (a, b, c, counter)."""

    def __init__(self, state):
        self.s = [int(w) for w in state["state"]]

    def get(self):
        return {"state": np.array(self.s, dtype=np.uint64)}

    def next_raw(self):
        return sfc64_step(self.s)

    def fill_raw(self, out):
        s = self.s
        for i in range(out.shape[0]):
            out[i] = sfc64_step(s)


class SFC64(BitGenerator):
    """numpy.random.SFC64: same seeding, stream and ``state`` dict (``{'state': uint64[4]}``)."""

    word_bits = 64

    def __init__(self, seed=None, *, backend="auto"):
        seed_seq = as_seed_sequence(seed)
        self._setup({"state": np.array(seed_state(seed_seq), dtype=np.uint64)}, backend, seed_seq)

    def _state_from_core(self, core):
        return {"bit_generator": "SFC64", "state": {"state": core["state"]}, **self._buffer_fields()}

    def _core_state_from(self, state):
        inner = check_state_dict(state, "SFC64")
        core = {"state": words_field(inner, "state", "state['state']['state']", 4, 64, np.uint64)}
        return core, self._buffer_from(state)
