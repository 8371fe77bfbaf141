"""Von Neumann's middle-square method (1949), in decimal.

Each step squares the ``digits``-digit state, writes the square with ``2*digits`` digits (zero-padded)
and keeps the middle ``digits`` digits: with 4 digits, 1234 -> 01522756 -> 5227 -> 3215 ...
"""

from collections import namedtuple

from .._bitgen import BitGenerator, check_state_dict, int_field
from .._validate import as_int

MAX_DIGITS = 18
MAX_PERIOD_STEPS = 10**7  # period()'s default bound on squarings: enough for any seed with digits <= 6
Period = namedtuple("Period", ["tail", "cycle"])


def check_digits(digits):
    """``digits`` must be even and in [2, 18] (so a state fits in 64 bits)."""
    digits = as_int(digits, "digits", 2, MAX_DIGITS)
    if digits % 2:
        raise ValueError(f"digits must be even (the middle of a 2*digits-digit square), got {digits}")
    return digits


def middle_square(value, digits):
    """The middle ``digits`` digits of ``value**2`` written with ``2*digits`` digits."""
    return (value * value // 10 ** (digits // 2)) % 10**digits


def find_period(value, digits, max_steps=None):
    """Brent's cycle detection from ``value``: the tail length (steps before the cycle) and cycle length.

    Bounded work: RuntimeError after ``max_steps`` squarings (default ``MAX_PERIOD_STEPS``), which
    is always enough for ``digits <= 6`` (Brent needs at most about 3 * 10**digits steps).
    """
    limit = MAX_PERIOD_STEPS if max_steps is None else as_int(max_steps, "max_steps", 1)
    steps = 0

    def step(v):
        nonlocal steps
        steps += 1
        if steps > limit:
            raise RuntimeError(f"period: no cycle found within max_steps={limit} steps (digits={digits}); "
                               "pass a larger max_steps")
        return middle_square(v, digits)

    power = cycle = 1
    tortoise, hare = value, step(value)
    while tortoise != hare:
        if power == cycle:
            tortoise, power, cycle = hare, power * 2, 0
        hare = step(hare)
        cycle += 1
    tortoise = hare = value
    for _ in range(cycle):
        hare = step(hare)
    tail = 0
    while tortoise != hare:
        tortoise, hare = step(tortoise), step(hare)
        tail += 1
    return Period(tail, cycle)


class MidSquareCore:
    """Pure-Python middle-square core: each draw is the next state."""

    def __init__(self, state):
        self.value = state["value"]
        self.digits = state["digits"]

    def get(self):
        return {"value": self.value, "digits": self.digits}

    def next_raw(self):
        self.value = middle_square(self.value, self.digits)
        return self.value

    def fill_raw(self, out):
        for i in range(out.shape[0]):
            out[i] = self.next_raw()


class MidSquare(BitGenerator):
    """Von Neumann's decimal middle-square generator; draws are the successive states.

    ``next_double()`` is ``value / 10**digits`` (von Neumann's decimal fraction); ``next_uint32()``
    needs ``digits <= 8`` so that a state fits in 32 bits.
    """

    word_bits = None  # draws are decimal states, not bit words

    def __init__(self, seed, *, digits=4, backend="auto"):
        digits = check_digits(digits)
        seed = as_int(seed, "seed", 0, 10**digits - 1)
        self._setup({"value": seed, "digits": digits}, backend)

    @property
    def digits(self):
        """The number of decimal digits in the state."""
        return self._core.get()["digits"]

    def next(self):
        """Square the state and keep its middle digits; return the new state."""
        return self.next_uint64()

    def _next_uint64(self):
        return self._core.next_raw()

    def _next_uint32(self):
        if self.digits > 8:
            raise ValueError(f"next_uint32 needs digits <= 8 so a state fits in 32 bits, got digits={self.digits}")
        return self._core.next_raw()

    def _next_double(self):
        return self._core.next_raw() / 10**self.digits

    def _sampler_backend(self):
        """Samplers drawing 32-bit values need digits <= 8: with more, the reference raises for them."""
        return "python" if self.digits > 8 else self._backend

    def period(self, max_steps=None):
        """(tail, cycle) of the sequence from the current state: steps before the cycle, and its length.
        RuntimeError after ``max_steps`` squarings (default ``MAX_PERIOD_STEPS`` = 10**7, always
        enough for digits <= 6)."""
        with self.lock:
            core = self._core.get()
        return find_period(core["value"], core["digits"], max_steps)

    def _state_from_core(self, core):
        return {"bit_generator": "MidSquare", "state": core}

    def _core_state_from(self, state):
        inner = check_state_dict(state, "MidSquare")
        digits = check_digits(int_field(inner, "digits", "state['state']['digits']", 2, MAX_DIGITS))
        value = int_field(inner, "value", "state['state']['value']", 0, 10**digits - 1)
        return {"value": value, "digits": digits}, (0, 0)
