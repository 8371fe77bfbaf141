"""PCG64 (XSL-RR 128/64) and PCG64DXSM, as numpy has them (numpy/random/src/pcg64/pcg64.h).

The pure-Python cores are the reference the numba and C cores are tested against.
"""

import numpy as np

from .._bitgen import BitGenerator, as_seed_sequence, check_state_dict, int_field
from .._validate import as_int

M64 = (1 << 64) - 1
M128 = (1 << 128) - 1
MULTIPLIER = 0x2360ED051FC65DA44385DF649FCCF645  # PCG_DEFAULT_MULTIPLIER_128
CHEAP_MULTIPLIER = 0xDA942042E4DD58B5  # PCG_CHEAP_MULTIPLIER_128 (64-bit)
JUMP_STEP = 0x9E3779B97F4A7C15F39CC0605CEDC835  # numpy's jumped(): (phi - 1) * 2**128


def seed_state(seed_seq):
    """numpy's pcg64_set_seed via pcg_setseq_128_srandom_r: (state, inc) from 4 SeedSequence words."""
    w = [int(x) for x in seed_seq.generate_state(4, np.uint64)]
    initstate = (w[0] << 64) | w[1]
    inc = (((w[2] << 64) | w[3]) << 1 | 1) & M128
    state = inc  # one step from state 0
    state = ((state + initstate) * MULTIPLIER + inc) & M128
    return state, inc


def advance_lcg(state, delta, multiplier, increment):
    """Brown's O(log delta) LCG jump (pcg_advance_lcg_128): the state ``delta`` steps later, mod 2**128."""
    acc_mult, acc_plus = 1, 0
    cur_mult, cur_plus = multiplier, increment
    delta &= M128
    while delta:
        if delta & 1:
            acc_mult = (acc_mult * cur_mult) & M128
            acc_plus = (acc_plus * cur_mult + cur_plus) & M128
        cur_plus = ((cur_mult + 1) * cur_plus) & M128
        cur_mult = (cur_mult * cur_mult) & M128
        delta >>= 1
    return (acc_mult * state + acc_plus) & M128


def xsl_rr(state):
    """PCG's XSL-RR output: fold the 128-bit state to 64 bits, rotate right by its top 6 bits."""
    value = ((state >> 64) ^ state) & M64
    rot = state >> 122
    return ((value >> rot) | (value << (64 - rot))) & M64


def dxsm(state):
    """PCG's DXSM output of the (pre-step) 128-bit state (numpy's pcg_cm_random_r)."""
    hi = state >> 64
    lo = (state & M64) | 1
    hi ^= hi >> 32
    hi = (hi * CHEAP_MULTIPLIER) & M64
    hi ^= hi >> 48
    return (hi * lo) & M64


class PCG64Core:
    """Pure-Python PCG64 core: step the LCG, then output XSL-RR of the new state."""

    def __init__(self, state):
        self.state = state["state"]
        self.inc = state["inc"]

    def get(self):
        return {"state": self.state, "inc": self.inc}

    def next_raw(self):
        self.state = (self.state * MULTIPLIER + self.inc) & M128
        return xsl_rr(self.state)

    def fill_raw(self, out):
        state, inc = self.state, self.inc
        for i in range(out.shape[0]):
            state = (state * MULTIPLIER + inc) & M128
            out[i] = xsl_rr(state)
        self.state = state


class PCG64DXSMCore(PCG64Core):
    """Pure-Python PCG64DXSM core: output DXSM of the current state, then step with the cheap multiplier."""

    def next_raw(self):
        value = dxsm(self.state)
        self.state = (self.state * CHEAP_MULTIPLIER + self.inc) & M128
        return value

    def fill_raw(self, out):
        state, inc = self.state, self.inc
        for i in range(out.shape[0]):
            out[i] = dxsm(state)
            state = (state * CHEAP_MULTIPLIER + inc) & M128
        self.state = state


class PCG64(BitGenerator):
    """numpy.random.PCG64: same seeding, stream, ``state`` dict, ``advance`` and ``jumped``."""

    word_bits = 64
    _step_multiplier = MULTIPLIER

    def __init__(self, seed=None, *, backend="auto"):
        seed_seq = as_seed_sequence(seed)
        state, inc = seed_state(seed_seq)
        self._setup({"state": state, "inc": inc}, backend, seed_seq)

    def advance(self, delta):
        """Jump ``delta`` draws ahead (negative goes back; taken mod 2**128, as numpy); drops the uint32 half."""
        delta = as_int(delta, "delta")
        with self.lock:
            core = self._core.get()
            core["state"] = advance_lcg(core["state"], delta, self._step_multiplier, core["inc"])
            self._core = type(self._core)(core)
            self._has_uint32 = self._uinteger = 0
        return self

    def jumped(self, jumps=1):
        """A new generator ``jumps * (phi-1) * 2**128`` draws ahead (numpy's jumped); this one is unchanged."""
        jumps = as_int(jumps, "jumps", 0)
        with self.lock:
            core = self._core.get()
        return type(self)._from_core_state(core, self._backend).advance(JUMP_STEP * jumps)

    def _state_from_core(self, core):
        return {"bit_generator": type(self).__name__, "state": dict(core), **self._buffer_fields()}

    def _core_state_from(self, state):
        inner = check_state_dict(state, type(self).__name__)
        core = {
            "state": int_field(inner, "state", "state['state']['state']", 0, M128),
            "inc": int_field(inner, "inc", "state['state']['inc']", 0, M128),
        }
        return core, self._buffer_from(state)


class PCG64DXSM(PCG64):
    """numpy.random.PCG64DXSM: PCG64's seeding (default multiplier), DXSM output, cheap-multiplier steps."""

    _step_multiplier = CHEAP_MULTIPLIER
