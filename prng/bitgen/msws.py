"""Widynski's middle-square Weyl sequence (msws, arXiv:1704.00358).

``x *= x; x += (w += s); x = (x >> 32) | (x << 32)`` on 64-bit words; each step outputs the low 32
bits. ``s`` (the seed) is an odd 64-bit Weyl constant; ``x = w = 0`` at the start.
"""

from .._bitgen import BitGenerator, check_state_dict, int_field
from .._validate import as_int

M64 = (1 << 64) - 1


def check_weyl_constant(s, name):
    """The Weyl constant must be an odd 64-bit integer."""
    s = as_int(s, name, 1, M64)
    if not s & 1:
        raise ValueError(f"{name} must be odd (a Weyl constant), got {s}")
    return s


def msws_step(x, w, s):
    """One msws step: returns the new (x, w)."""
    w = (w + s) & M64
    x = (x * x + w) & M64
    return ((x >> 32) | (x << 32)) & M64, w


class MiddleSquareWeylCore:
    """Pure-Python msws core."""

    def __init__(self, state):
        self.x, self.w, self.s = state["x"], state["w"], state["s"]

    def get(self):
        return {"x": self.x, "w": self.w, "s": self.s}

    def next_raw(self):
        self.x, self.w = msws_step(self.x, self.w, self.s)
        return self.x & 0xFFFFFFFF

    def fill_raw(self, out):
        for i in range(out.shape[0]):
            out[i] = self.next_raw()


class MiddleSquareWeyl(BitGenerator):
    """Widynski's msws: a 32-bit generator seeded by its odd 64-bit Weyl constant."""

    word_bits = 32

    def __init__(self, seed, *, backend="auto"):
        s = check_weyl_constant(seed, "seed")
        self._setup({"x": 0, "w": 0, "s": s}, backend)

    def _state_from_core(self, core):
        return {"bit_generator": "MiddleSquareWeyl", "state": core}

    def _core_state_from(self, state):
        inner = check_state_dict(state, "MiddleSquareWeyl")
        core = {
            "x": int_field(inner, "x", "state['state']['x']", 0, M64),
            "w": int_field(inner, "w", "state['state']['w']", 0, M64),
            "s": check_weyl_constant(int_field(inner, "s", "state['state']['s']", 0, M64), "state['state']['s']"),
        }
        return core, (0, 0)
