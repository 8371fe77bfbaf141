"""Threefry 4x64-20 and 2x32-20 (prng.Threefry, prng.Threefry2x32) beyond the vector replays.

The vector files (vectors/threefry*.json: Random123's KAT lines and randomgen 2.5.1's streams,
advance, jumped, set_state) run on every backend in tests/test_vectors.py. Here: the numpy block
functions against the KAT lines, every backend's core against the pure-Python one across counter
carries and bulk-fill lanes, ``advance`` against drawing, bad input, and live randomgen when installed.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import prng
from conftest import load_vectors, plain
from prng import _backends
from prng.bitgen.threefry import threefry2x32, threefry4x64

CLASSES = {"Threefry": (prng.Threefry, 4, 64), "Threefry2x32": (prng.Threefry2x32, 2, 32)}


def kat_cases(name):
    """(counter words, key words, outputs) of the Random123 cases in vectors/<name>.json; the counter
    is the KAT counter (the case's counter + 1: randomgen increments before each block)."""
    _, n, w = CLASSES[name]
    out = []
    for case in load_vectors(name.lower())["cases"]:
        if case.get("source") == "random123_kat_vectors.txt":
            ctr = (sum(int(v) << (w * i) for i, v in enumerate(case["make"]["counter"])) + 1) % (1 << (n * w))
            out.append(([(ctr >> (w * i)) & ((1 << w) - 1) for i in range(n)],
                        [int(v) for v in case["make"]["key"]], [int(v) for v in case["ops"][0]["expect"]]))
    assert len(out) == 3
    return out


@pytest.mark.parametrize("case", kat_cases("Threefry"), ids=["zeros", "ones", "pi"])
def test_threefry4x64_block_matches_random123(case):
    counter, key, expect = case
    words = threefry4x64([np.array([c], np.uint64) for c in counter], key)
    assert [int(w[0]) for w in words] == expect


@pytest.mark.parametrize("case", kat_cases("Threefry2x32"), ids=["zeros", "ones", "pi"])
def test_threefry2x32_block_matches_random123(case):
    counter, key, expect = case
    x0, x1 = threefry2x32(key, np.array([counter[0]], np.uint32), np.array([counter[1]], np.uint32))
    assert [int(x0[0]), int(x1[0])] == expect


def core(name, backend, state):
    return _backends.core_class(name, backend)(state)


def near_carry_state(name, low, key, pos):
    """A core state whose counter's low word is ``low`` and all higher words ones (carries, wrap)."""
    _, n, w = CLASSES[name]
    dtype = np.uint64 if w == 64 else np.uint32
    return {"counter": np.array([low] + [(1 << w) - 1] * (n - 1), dtype), "key": np.array(key, dtype),
            "buffer": np.arange(n, dtype=dtype), "buffer_pos": pos}


@pytest.mark.parametrize("name", CLASSES)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_every_backend_agrees_with_python_core(name, backend, data):
    """Mixed next_raw / fill_raw / fill_uint32 calls from states near a counter carry: the bulk fills'
    lanes and tails give the single-block values, and the same final state."""
    _, n, w = CLASSES[name]
    low = data.draw(st.integers((1 << w) - 40, (1 << w) - 1))
    key = data.draw(st.lists(st.integers(0, (1 << w) - 1), min_size=n, max_size=n))
    state = near_carry_state(name, low, key, data.draw(st.integers(0, n)))
    calls = data.draw(st.lists(st.one_of(st.none(), st.integers(0, 70)), min_size=1, max_size=6))
    reference, tested = core(name, "python", state), core(name, backend, state)
    for count in calls:
        if count is None:
            assert tested.next_raw() == reference.next_raw()
        else:
            got, want = np.empty(count, np.uint64), np.empty(count, np.uint64)
            tested.fill_raw(got)
            reference.fill_raw(want)
            assert got.tolist() == want.tolist(), count
    assert plain(tested.get()) == plain(reference.get())


@pytest.mark.parametrize("name", CLASSES)
@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 2**64), skip=st.integers(0, 9), delta=st.integers(0, 40))
def test_advance_is_skipping_draws(name, backend, seed, skip, delta):
    """advance(delta) lands where delta random_raw draws land; advance(-delta) comes back."""
    cls = CLASSES[name][0]
    a, b = cls(seed, backend=backend), cls(seed, backend=backend)
    a.random_raw(skip)
    b.random_raw(skip)
    a.advance(delta)
    b.random_raw(delta)
    assert a.random_raw(7).tolist() == b.random_raw(7).tolist()
    a.advance(-delta - 7)
    b.advance(-7)
    b.advance(-delta)
    assert a.random_raw(5).tolist() == b.random_raw(5).tolist()


@pytest.mark.parametrize("name", CLASSES)
def test_advance_counter_true_moves_whole_blocks(name, backend):
    cls, n, _ = CLASSES[name]
    a, b = cls(3, backend=backend), cls(3, backend=backend)
    a.random_raw(1)
    a.advance(2, counter=True)  # drops the rest of block 1, skips blocks 2 and 3
    b.random_raw(3 * n)
    assert a.random_raw(n).tolist() == b.random_raw(n).tolist()


@pytest.mark.parametrize("make, error, match", [
    (lambda: prng.Threefry(key=[1, 2, 3]), ValueError, r"key must have 4 words of 64 bits, got 3"),
    (lambda: prng.Threefry2x32(key=2**64), ValueError, r"key must be in \[0, 2\*\*64-1\]"),
    (lambda: prng.Threefry2x32(counter=[1, 2**32]), ValueError, r"counter\[1\] must be in \[0, 4294967295\]"),
    (lambda: prng.Threefry(1, key=2), ValueError, r"seed and key cannot both be given"),
    (lambda: prng.Threefry(1).advance(1.5), TypeError, r"delta must be an integer"),
    (lambda: prng.Threefry2x32(1).jumped(-1), ValueError, r"jumps must be in \[0, inf\]"),
])
def test_bad_input(make, error, match):
    with pytest.raises(error, match=match):
        make()


def test_bad_state_leaves_generator_unchanged():
    gen = prng.Threefry2x32(5)
    before = gen.state
    bad = {**before, "buffer_pos": 3}
    with pytest.raises(ValueError, match=r"state\['buffer_pos'\] must be in \[0, 2\]"):
        gen.state = bad
    assert prng.state_to_json(gen.state) == prng.state_to_json(before)


@pytest.mark.parametrize("name", CLASSES)
@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 2**64), ops=st.lists(st.sampled_from(["raw", "u32", "u64", "dbl", "adv", "advc"]), max_size=8),
       delta=st.integers(-(2**70), 2**70))
def test_live_randomgen(name, seed, ops, delta):
    """Against randomgen's ThreeFry when it is installed (a test-time extra, not a dependency)."""
    randomgen = pytest.importorskip("randomgen")
    cls, n, w = CLASSES[name]
    gen, ref = cls(seed), randomgen.ThreeFry(seed, number=n, width=w)
    c = ref.ctypes
    for op in ops:
        if op == "raw":
            assert gen.random_raw(5).tolist() == ref.random_raw(5).tolist()
        elif op == "adv":
            gen.advance(delta), ref.advance(delta)
        elif op == "advc":
            gen.advance(delta, counter=True), ref.advance(delta, counter=True)
        else:
            name_ = {"u32": "next_uint32", "u64": "next_uint64", "dbl": "next_double"}[op]
            assert getattr(gen, name_)() == getattr(c, name_)(c.state)
    assert gen.random_raw(9).tolist() == ref.random_raw(9).tolist()
