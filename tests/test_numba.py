"""The numba cores (prng/numba/) on their own, below the fronts.

Expected values come from numpy (its bit generators and their state dicts), the published KATs
as recorded in vectors/ (Random123 ``kat_vectors``, ``mt19937ar.out``) and vectors/*.json; the
pure-Python cores are only compared with, never trusted.  Skipped when numba is not installed.
"""

import importlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import assert_seq, kat_mt19937ar, kat_philox4x32, numpy_core_state, plain

pytest.importorskip("numba")

ROOT = Path(__file__).resolve().parent.parent
M32 = 0xFFFFFFFF

# public class -> (module, natural output bits); MidSquare's output is a decimal value (bits None)
CORES = {
    "PCG64": ("pcg64", 64),
    "PCG64DXSM": ("pcg64", 64),
    "MT19937": ("mt19937", 32),
    "Philox": ("philox", 64),
    "Philox4x32": ("philox4x32", 32),
    "Threefry": ("threefry", 64),
    "Threefry2x32": ("threefry", 32),
    "SFC64": ("sfc64", 64),
    "MidSquare": ("midsquare", None),
    "MiddleSquareWeyl": ("msws", 32),
    "ARC4": ("arc4", 32),
}
NUMPY_CLASSES = ("PCG64", "PCG64DXSM", "MT19937", "Philox", "SFC64")
# fill sizes that cross MT19937's 624-word refill and Philox's 4-word buffer, odd and empty ones
SIZES = (0, 1, 3, 4, 5, 623, 1, 624, 625, 2, 1251, 7)


def numba_core(name, state):
    """prng.numba.<algo>.<name>Core holding the core-state dict ``state``."""
    module = importlib.import_module(f"prng.numba.{CORES[name][0]}")
    return getattr(module, f"{name}Core")(state)


def python_core(name, state):
    """prng.bitgen.<algo>.<name>Core (the pure-Python reference core), or skip when not there yet."""
    module = pytest.importorskip(f"prng.bitgen.{CORES[name][0]}")
    return getattr(module, f"{name}Core")(state)


def assert_same_core_state(got, expect):
    assert plain(got) == plain(expect)


def fill(core, n, dtype=np.uint64):
    out = np.empty(n, dtype=dtype)
    if dtype == np.uint32:
        core.fill_uint32(out)
    else:
        core.fill_raw(out)
    return out


# ---- against numpy, for random seeds --------------------------------------------------------------

@pytest.mark.parametrize("name", NUMPY_CLASSES)
@settings(max_examples=5, deadline=None)
@given(seed=st.integers(0, 2**128 - 1))
def test_numpy_random_raw(name, seed):
    reference = getattr(np.random, name)(seed)
    core = numba_core(name, numpy_core_state(reference))
    for n in SIZES:
        assert_seq(fill(core, n), reference.random_raw(n), f"{name}({seed}) fill_raw({n})")
        assert core.next_raw() == int(reference.random_raw())
    assert_same_core_state(core.get(), numpy_core_state(reference))


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), skip=st.integers(0, 1300))
def test_mt19937_fill_uint32(seed, skip):
    reference = np.random.MT19937(seed)
    core = numba_core("MT19937", numpy_core_state(reference))
    fill(core, skip)
    reference.random_raw(skip)
    assert_seq(fill(core, 1000, np.uint32), reference.random_raw(1000), "MT19937 fill_uint32")


@settings(max_examples=4, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), skip=st.integers(0, 1300))
def test_mt19937_jump(seed, skip):
    reference = np.random.MT19937(seed)
    reference.random_raw(skip)
    core = numba_core("MT19937", numpy_core_state(reference))
    core.jump()
    jumped = reference.jumped()
    assert_same_core_state(core.get(), numpy_core_state(jumped))
    assert_seq(fill(core, 700), jumped.random_raw(700), "MT19937 after jump()")


@pytest.mark.parametrize("counter", [2**64 - 3, 2**128 - 2, 2**256 - 9])
def test_philox_fill_across_counter_carries(counter):
    reference = np.random.Philox(counter=counter, key=12345)
    core = numba_core("Philox", numpy_core_state(reference))
    for n in (5, 1000, 3):
        assert_seq(fill(core, n), reference.random_raw(n), f"Philox(counter={counter}) fill_raw({n})")
    assert_same_core_state(core.get(), numpy_core_state(reference))


def test_mt19937_jump_from_a_fresh_twist():
    """pos == 624 (legacy seeding) counts as pos 0 without twisting."""
    reference = np.random.MT19937()
    reference._legacy_seeding(5)
    core = numba_core("MT19937", numpy_core_state(reference))
    core.jump()
    assert_same_core_state(core.get(), numpy_core_state(reference.jumped()))


# ---- published known answers ----------------------------------------------------------------------

def test_philox4x32_random123_kat():
    cases = kat_philox4x32()
    assert len(cases) == 3
    for counter, key, expect in cases:
        state = {"counter": np.array(counter, np.uint32), "key": np.array(key, np.uint32),
                 "buffer": np.zeros(4, np.uint32), "buffer_pos": 4}
        core = numba_core("Philox4x32", state)
        assert [core.next_raw() for _ in range(4)] == expect
        assert_seq(fill(numba_core("Philox4x32", state), 4), expect, "Philox4x32 KAT fill_raw")


def test_mt19937ar_out():
    """mt19937ar.out: 1000 genrand_int32() after init_by_array({0x123, 0x234, 0x345, 0x456})."""
    expect = kat_mt19937ar()
    assert len(expect) == 1000
    seeded = np.random.MT19937()
    seeded._legacy_seeding([0x123, 0x234, 0x345, 0x456])  # numpy's init_by_array
    core = numba_core("MT19937", numpy_core_state(seeded))
    got = [core.next_raw() for _ in range(3)]
    for n in (1, 620, 1, 375):
        got.extend(fill(core, n).tolist())
    assert_seq(got, expect, "mt19937ar.out")


# ---- against the pure-Python cores (hypothesis) ---------------------------------------------------

u32 = st.integers(0, M32)
u64 = st.integers(0, 2**64 - 1)


def words(dtype, n, element):
    return st.lists(element, min_size=n, max_size=n).map(lambda ws: np.array(ws, dtype))


def buffered(dtype, element, n=4, k=2):
    """A counter-based core state: ``n`` counter and buffer words, ``k`` key words."""
    return st.fixed_dictionaries({"counter": words(dtype, n, element), "key": words(dtype, k, element),
                                  "buffer": words(dtype, n, element), "buffer_pos": st.integers(0, n)})


@st.composite
def midsquare_states(draw):
    digits = draw(st.sampled_from(range(2, 19, 2)))
    return {"value": draw(st.integers(0, 10**digits - 1)), "digits": digits}


CORE_STATES = {
    "PCG64": st.fixed_dictionaries({"state": st.integers(0, 2**128 - 1), "inc": st.integers(0, 2**128 - 1)}),
    "PCG64DXSM": st.fixed_dictionaries({"state": st.integers(0, 2**128 - 1), "inc": st.integers(0, 2**128 - 1)}),
    "MT19937": st.fixed_dictionaries({"key": words(np.uint32, 624, u32), "pos": st.integers(0, 624)}),
    "Philox": buffered(np.uint64, u64),
    "Philox4x32": buffered(np.uint32, u32),
    "Threefry": buffered(np.uint64, u64, 4, 4),
    "Threefry2x32": buffered(np.uint32, u32, 2, 2),
    "SFC64": st.fixed_dictionaries({"state": words(np.uint64, 4, u64)}),
    "MidSquare": midsquare_states(),
    "MiddleSquareWeyl": st.fixed_dictionaries({"x": u64, "w": u64, "s": u64.map(lambda s: s | 1)}),
    "ARC4": st.fixed_dictionaries({"i": st.integers(0, 255), "j": st.integers(0, 255),
                                   "S": st.permutations(range(256)).map(lambda p: np.array(p, np.uint8))}),
}
CALLS = st.lists(st.one_of(st.just(None), st.integers(0, 1300)), min_size=1, max_size=6)


@pytest.mark.parametrize("name", CORES)
@settings(max_examples=8, deadline=None)
@given(data=st.data())
def test_agrees_with_python_core(name, data):
    """Interleaved next_raw() (None) and fill_raw(n) calls give the same values and states."""
    state, calls = data.draw(CORE_STATES[name]), data.draw(CALLS)
    reference, core = python_core(name, state), numba_core(name, state)
    for n in calls:
        if n is None:
            assert core.next_raw() == reference.next_raw()
        else:
            assert_seq(fill(core, n), fill(reference, n), f"{name} fill_raw({n})")
    assert_same_core_state(core.get(), reference.get())


@pytest.mark.parametrize("counter", [[2**32 - 7, 0, 0, 0], [2**32 - 200, 2**32 - 1, 2**32 - 1, 0],
                                     [2**32 - 3] + [2**32 - 1] * 3])
def test_philox4x32_fill_across_counter_carries(counter):
    """Bulk fills whose blocks carry out of counter word 0 (and wrap at 2**128)."""
    state = {"counter": np.array(counter, np.uint32), "key": np.array([7, 9], np.uint32),
             "buffer": np.zeros(4, np.uint32), "buffer_pos": 4}
    core, reference = numba_core("Philox4x32", state), python_core("Philox4x32", state)
    for n in (2, 1000, 5):
        assert_seq(fill(core, n), fill(reference, n), f"Philox4x32 fill_raw({n})")
    assert_same_core_state(core.get(), reference.get())


# ---- laziness and the documented example ---------------------------------------------------------

def test_import_prng_does_not_import_numba():
    code = "import sys, prng, prng.numba; assert 'numba' not in sys.modules, 'numba imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_docs_example_matches_numpy():
    """The first python block of docs/numba.md runs and its own numpy comparisons hold."""
    text = (ROOT / "docs" / "numba.md").read_text()
    example = text.split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(example, "docs/numba.md", "exec"), {})
