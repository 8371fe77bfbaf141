"""seedrandom 3.0.5 (npm) for Python: ``seedrandom(seed)`` gives the same numbers as ``seedrandom(seed)``.

A thin front over ``prng.ARC4``: ``()``/``double()`` are seedrandom's 53-bit doubles, ``int32()`` its
signed 32-bit ints, ``quick()`` its 32-bit doubles, and ``state()`` its ``{i, j, S}`` object.
"""

from ..bitgen.arc4 import ARC4


class SeedRandom:
    """A seeded seedrandom generator (what ``seedrandom(seed, {state: true})`` returns in JavaScript)."""

    def __init__(self, seed, state=None):
        self._arc4 = ARC4(seed)
        if isinstance(state, dict) and "S" in state:
            self._arc4.state = {"bit_generator": "ARC4", "state": state}
        elif state not in (None, True, False):
            raise TypeError("state must be None, a bool, or a seedrandom state object {i, j, S}")

    def __call__(self):
        """seedrandom's prng(): a double in [0, 1) with 53 significant bits."""
        return self._arc4.next_double()

    double = __call__

    def int32(self):
        """seedrandom's int32(): 4 keystream bytes as a signed 32-bit integer."""
        value = self._arc4.bytes(4)
        return value - (1 << 32) if value >= 1 << 31 else value

    def quick(self):
        """seedrandom's quick(): 4 keystream bytes / 2**32."""
        return self._arc4.bytes(4) / 4294967296.0

    def state(self):
        """seedrandom's state(): a copy of ``{i, j, S}`` that ``seedrandom('', state=...)`` resumes from."""
        inner = self._arc4.state["state"]
        return {"i": inner["i"], "j": inner["j"], "S": inner["S"].tolist()}


def seedrandom(seed, *, state=None):
    """seedrandom(seed, {state}): a callable generator equal to seedrandom 3.0.5's for the same seed.

    ``state`` may be a state object saved by ``.state()`` here or by the real seedrandom.
    """
    return SeedRandom(seed, state)
