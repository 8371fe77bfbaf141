"""The C library (native/) and its cffi cores (prng/c/), checked against numpy, the published
known answers recorded in vectors/ (Random123, mt19937ar, pcg-c) and the vectors/*.json cases, without prng's front classes:
states go in as core-state dicts, and draws come out of the cores (or the C functions) directly.

Skipped when the extension was not built (`pip install .`, or `python native/build_ffi.py`).
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("prng._prng_c")

import prng  # noqa: E402
from conftest import (  # noqa: E402
    assert_seq, fhex, kat_mt19937ar, kat_pcg64_round1, kat_philox4x32, kat_philox4x64, numpy_core_state, vector_cases,
)
from prng._prng_c import ffi, lib  # noqa: E402
from prng.c.arc4 import ARC4Core  # noqa: E402
from prng.c.midsquare import MidSquareCore  # noqa: E402
from prng.c.msws import MiddleSquareWeylCore  # noqa: E402
from prng.c.mt19937 import MT19937Core  # noqa: E402
from prng.c.pcg64 import PCG64Core, PCG64DXSMCore  # noqa: E402
from prng.c.philox import PhiloxCore  # noqa: E402
from prng.c.philox4x32 import Philox4x32Core  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
M64 = (1 << 64) - 1

CORES = {
    "PCG64": PCG64Core,
    "PCG64DXSM": PCG64DXSMCore,
    "MT19937": MT19937Core,
    "Philox": PhiloxCore,
    "Philox4x32": Philox4x32Core,
    "MidSquare": MidSquareCore,
    "MiddleSquareWeyl": MiddleSquareWeylCore,
    "ARC4": ARC4Core,
}
WORD_BITS = {"PCG64": 64, "PCG64DXSM": 64, "Philox": 64}  # the others: 32 (MidSquare: decimal)
# Chunk sizes that cross MT19937's 624-word refill, Philox's 4-word buffer and the C fills'
# internal chunks and lanes at odd places.
CHUNKS = (1, 3, 7, 4, 623, 2, 625, 1000, 5, 1031)


def fill_in_chunks(fill, n, dtype=np.uint64):
    """n values drawn by `fill(out)` calls on arrays of the CHUNKS sizes, in turn."""
    parts, k = [], 0
    while n > 0:
        out = np.empty(min(n, CHUNKS[k % len(CHUNKS)]), dtype=dtype)
        fill(out)
        parts.append(out)
        n -= out.size
        k += 1
    return np.concatenate(parts) if parts else np.empty(0, dtype=dtype)


def core_state_from_portable(portable):
    """(core-state dict, has_uint32, uinteger) of a vectors/ portable state."""
    st = prng.state_from_json(json.dumps(portable))
    core = dict(st["state"])
    if "buffer_pos" in st:
        core.update(buffer=st["buffer"], buffer_pos=st["buffer_pos"])
    return core, st.get("has_uint32", 0), st.get("uinteger", 0)


def same_state(got, expect):
    return got.keys() == expect.keys() and all(np.array_equal(got[k], expect[k]) for k in got)


# ---- numpy, random seeds --------------------------------------------------------------------

NUMPY_CLASSES = {
    "PCG64": np.random.PCG64,
    "PCG64DXSM": np.random.PCG64DXSM,
    "MT19937": np.random.MT19937,
    "Philox": np.random.Philox,
}


@pytest.mark.parametrize("name", NUMPY_CLASSES)
@pytest.mark.parametrize("seed", [0, 12345, 2**63 + 11, 987654321987654321])
def test_random_raw_matches_numpy(name, seed):
    reference = NUMPY_CLASSES[name](seed)
    reference.random_raw(seed % 5)  # start part-way into Philox's buffer / MT's block
    core = CORES[name](numpy_core_state(reference))
    n = 3000
    got = fill_in_chunks(core.fill_raw, n)
    np.testing.assert_array_equal(got, reference.random_raw(n))
    assert core.next_raw() == int(reference.random_raw())
    assert same_state(core.get(), numpy_core_state(reference))


@pytest.mark.parametrize("name", NUMPY_CLASSES)
def test_empty_and_single_fills(name):
    reference = NUMPY_CLASSES[name](7)
    core = CORES[name](numpy_core_state(reference))
    core.fill_raw(np.empty(0, dtype=np.uint64))
    for _ in range(9):
        out = np.empty(1, dtype=np.uint64)
        core.fill_raw(out)
        assert out[0] == reference.random_raw()
    assert same_state(core.get(), numpy_core_state(reference))


@pytest.mark.parametrize("seed", [0, 5, 2**32 - 1])
@pytest.mark.parametrize("legacy", [False, True], ids=["seedsequence", "legacy_pos_624"])
def test_mt19937_jump_matches_numpy(seed, legacy):
    reference = np.random.MT19937(seed)
    if legacy:
        reference._legacy_seeding(seed)  # pos == 624: the jump starts from pos = 0, untwisted
    else:
        reference.random_raw(seed % 700)
    for jumps in (1, 2):
        core = MT19937Core(numpy_core_state(reference))
        for _ in range(jumps):
            core.jump()
        expect = reference.jumped(jumps)
        assert same_state(core.get(), numpy_core_state(expect)), f"after {jumps} jump(s)"
    np.testing.assert_array_equal(fill_in_chunks(core.fill_raw, 1500), expect.random_raw(1500))


def test_jump_header_matches_data_file():
    poly = json.loads((ROOT / "prng" / "data" / "mt19937_jump.json").read_text())["poly_coef"]
    header = (ROOT / "native" / "mt19937_jump.h").read_text()
    assert [int(w, 16) for w in re.findall(r"0x([0-9a-f]{8})U", header)] == poly


@pytest.mark.parametrize("name", ["PCG64", "PCG64DXSM", "Philox"])
def test_64bit_c_fills_match_numpy(name):
    """fill_uint32 (halves, low first) and fill_double (53 bits) against numpy's Generator."""
    n = 2 * 1001
    prefix = {"PCG64": "pcg64", "PCG64DXSM": "pcg64dxsm", "Philox": "philox"}[name]
    words = np.empty(n, np.uint32)
    doubles = np.empty(n, np.float64)
    reference = np.random.Generator(NUMPY_CLASSES[name](99))
    core = CORES[name](numpy_core_state(reference.bit_generator))
    getattr(lib, f"prng_{prefix}_fill_uint32")(core._g, ffi.from_buffer("uint32_t[]", words), n)
    getattr(lib, f"prng_{prefix}_fill_double")(core._g, ffi.from_buffer("double[]", doubles), n)
    np.testing.assert_array_equal(words, reference.integers(0, 2**32, size=n, dtype=np.uint32))
    np.testing.assert_array_equal(doubles, reference.random(n))


def test_mt19937_c_fills_match_numpy():
    """fill_uint64 (first draw high) and fill_double (27 + 26 bits) against numpy's Generator."""
    n = 1001
    wide = np.empty(n, np.uint64)
    doubles = np.empty(n, np.float64)
    reference = np.random.Generator(np.random.MT19937(99))
    core = MT19937Core(numpy_core_state(reference.bit_generator))
    lib.prng_mt19937_fill_uint64(core._g, ffi.from_buffer("uint64_t[]", wide), n)
    lib.prng_mt19937_fill_double(core._g, ffi.from_buffer("double[]", doubles), n)
    np.testing.assert_array_equal(wide, reference.integers(0, 2**64, size=n, dtype=np.uint64))
    np.testing.assert_array_equal(doubles, reference.random(n))


def test_advance_matches_numpy():
    for cls, advance in [(np.random.PCG64, lib.prng_pcg64_advance), (np.random.PCG64DXSM, lib.prng_pcg64dxsm_advance)]:
        for delta in (1, 12345, 2**100 + 7, (-5) % 2**128, 2**128 - 1):
            reference = cls(3)
            g = CORES[cls.__name__](numpy_core_state(reference))._g
            advance(g, delta >> 64, delta & M64)
            reference.advance(delta)
            st = reference.state["state"]["state"]
            assert (g.state_hi, g.state_lo) == (st >> 64, st & M64), (cls.__name__, delta)


# ---- published known answers ---------------------------------------------------------------

@pytest.mark.parametrize("case", kat_philox4x32(), ids=["zeros", "ones", "pi"])
def test_philox4x32_random123_kat(case):
    counter, key, expect = case
    state = {"counter": np.array(counter, np.uint32), "key": np.array(key, np.uint32),
             "buffer": np.zeros(4, np.uint32), "buffer_pos": 4}
    core = Philox4x32Core(state)
    assert [core.next_raw() for _ in range(4)] == expect
    bulk = np.empty(4 * 40, np.uint32)
    Philox4x32Core(state).fill_uint32(bulk)  # AVX2 path where the processor has it
    assert bulk[:4].tolist() == expect


@pytest.mark.parametrize("case", kat_philox4x64(), ids=["zeros", "ones", "pi"])
def test_philox4x64_random123_kat(case):
    counter, key, expect = case  # counter is the KAT counter - 1: numpy's Philox adds 1 first
    state = {"counter": np.array(counter, np.uint64),
             "key": np.array(key, np.uint64), "buffer": np.zeros(4, np.uint64), "buffer_pos": 4}
    out = np.empty(4, np.uint64)
    PhiloxCore(state).fill_raw(out)
    assert out.tolist() == expect


def test_philox4x32_bulk_paths_agree_across_carries():
    """Blocks computed one at a time equal the bulk (AVX2 / lanes) fill, across 32-bit carries."""
    for low in (0, 2**32 - 37, 2**32 - 8, 2**32 - 1):
        state = {"counter": np.array([low, 2**32 - 1, 2**32 - 1, 7], np.uint32),
                 "key": np.array([0xDEADBEEF, 0x12345678], np.uint32),
                 "buffer": np.zeros(4, np.uint32), "buffer_pos": 4}
        one = Philox4x32Core(state)
        slow = [one.next_raw() for _ in range(4 * 100)]
        bulk = Philox4x32Core(state)
        fast = np.empty(4 * 100, np.uint32)
        bulk.fill_uint32(fast)
        assert fast.tolist() == slow, hex(low)
        assert same_state(bulk.get(), one.get())
    assert lib.prng_philox4x32_uses_avx2() in (0, 1)


def test_mt19937_init_by_array_mt19937ar_out():
    expect = kat_mt19937ar()
    g = ffi.new("prng_mt19937_t *")
    words = ffi.new("uint32_t[]", [0x123, 0x234, 0x345, 0x456])
    lib.prng_mt19937_init_by_array(g, words, 4)
    out = np.empty(1000, np.uint32)
    lib.prng_mt19937_fill_uint32(g, ffi.from_buffer("uint32_t[]", out), 1000)
    assert out.tolist() == expect


def test_mt19937_init_genrand_matches_randomstate():
    g = ffi.new("prng_mt19937_t *")
    lib.prng_mt19937_init_genrand(g, 5489)
    reference = np.random.RandomState(5489)._bit_generator
    assert list(g.key) == reference.state["state"]["key"].tolist() and g.pos == 624


def test_pcg64_seed_pcg_c_check():
    g = ffi.new("prng_pcg64_t *")
    lib.prng_pcg64_seed(g, 0, 42, 0, 54)
    expect = kat_pcg64_round1()
    assert [lib.prng_pcg64_next_uint64(g) for _ in range(len(expect))] == expect


# ---- vectors/*.json, replayed on the cores --------------------------------------------------

class Stop(Exception):
    """An op that needs more of the front than the replay models (Philox advance, PCG64 jumped...)."""


PREFIX = {"PCG64": "pcg64", "PCG64DXSM": "pcg64dxsm", "MT19937": "mt19937", "Philox": "philox",
          "Philox4x32": "philox4x32", "MidSquare": "midsquare", "MiddleSquareWeyl": "msws", "ARC4": "arc4"}
C_TYPES = {np.uint64: "uint64_t[]", np.uint32: "uint32_t[]", np.float64: "double[]"}


def c_fill(name, core, kind, n, dtype):
    """n values from the C function prng_<algo>_fill_<kind> on the core's state struct."""
    out = np.empty(n, dtype=dtype)
    getattr(lib, f"prng_{PREFIX[name]}_fill_{kind}")(core._g, ffi.from_buffer(C_TYPES[dtype], out), n)
    return out


class Replay:
    """A core plus numpy's one-word uint32 buffer of the 64-bit generators (``high``: the saved
    high half or None), the only front state the vector ops need besides the core's."""

    def __init__(self, name, portable):
        self.name = name
        self.set_state(portable)

    def set_state(self, portable):
        core_state, has_uint32, uinteger = core_state_from_portable(portable)
        self.core = CORES[self.name](core_state)
        self.high = uinteger if has_uint32 else None

    def check_state(self, portable):
        core_state, has_uint32, uinteger = core_state_from_portable(portable)
        assert same_state(self.core.get(), core_state), "core state differs"
        assert self.high == (uinteger if has_uint32 else None), "uint32 buffer differs"

    def next_uint32(self, n):
        if WORD_BITS.get(self.name) == 64:  # numpy: the saved high half, then low halves first
            got = [self.high] if self.high is not None and n > 0 else []
            self.high = None if got else self.high
            pairs = (n - len(got)) // 2 * 2
            got += c_fill(self.name, self.core, "uint32", pairs, np.uint32).tolist()
            if len(got) < n:
                value = self.core.next_raw()
                got.append(value & 0xFFFFFFFF)
                self.high = value >> 32
            return got
        head = [self.core.next_raw() for _ in range(min(n, 3))]
        if hasattr(self.core, "fill_uint32"):
            return head + fill_in_chunks(self.core.fill_uint32, n - len(head), np.uint32).tolist()
        return head + [self.core.next_raw() for _ in range(n - len(head))]  # MidSquare: its values

    def run(self, op):
        kind, n = op["op"], op.get("n")
        if kind == "state":
            self.check_state(op["expect"])
        elif kind == "set_state":
            self.set_state(op["state"])
        elif kind in ("random_raw", "skip"):
            got = fill_in_chunks(self.core.fill_raw, n)
            if kind == "random_raw":
                assert_seq([str(int(v)) for v in got], op["expect"], "random_raw")
        elif kind == "next_uint32":
            assert_seq(self.next_uint32(n), op["expect"], "next_uint32")
        elif kind == "next_uint64":
            got = c_fill(self.name, self.core, "uint64", n, np.uint64)
            assert_seq([str(int(v)) for v in got], op["expect"], "next_uint64")
        elif kind == "next_double":
            got = c_fill(self.name, self.core, "double", n, np.float64)
            assert_seq([fhex(v) for v in got], op["expect"], "next_double")
        elif kind == "advance" and self.name in ("PCG64", "PCG64DXSM"):
            delta = int(op["delta"]) % 2**128
            getattr(lib, f"prng_{PREFIX[self.name]}_advance")(self.core._g, delta >> 64, delta & M64)
            self.high = None
        elif kind == "jumped" and self.name == "MT19937":
            for _ in range(op["jumps"]):
                self.core.jump()
        else:
            raise Stop


def first_state_index(case):
    return next((i for i, op in enumerate(case["ops"]) if op["op"] in ("state", "set_state")), None)


REPLAYABLE = [c for _, c in vector_cases("bitgen") if first_state_index(c) is not None]


@pytest.mark.parametrize("case", REPLAYABLE, ids=[c["name"] for c in REPLAYABLE])
def test_vectors_on_c_cores(case):
    """From the case's first state on, every op the cores and C fills can answer must match."""
    start = first_state_index(case)
    first = case["ops"][start]
    replay = Replay(case["make"]["class"], first.get("expect", first.get("state")))
    for i, op in enumerate(case["ops"][start + 1:], start + 1):
        try:
            replay.run(op)
        except Stop:
            break
        except AssertionError as exc:
            raise AssertionError(f"op {i} ({op['op']}): {exc}") from None


# ---- the C example of native/README.md -------------------------------------------------------

def readme_example():
    text = (ROOT / "native" / "README.md").read_text()
    return re.search(r"```c\n(.*?)```", text, re.S).group(1)


@pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc not installed")
def test_readme_example_compiles_and_runs(tmp_path):
    source = tmp_path / "example.c"
    source.write_text(readme_example())
    exe = tmp_path / "example"
    native = ROOT / "native"
    subprocess.run(
        ["gcc", "-std=c99", "-O3", "-ffp-contract=off", "-Wall", "-Werror", f"-I{native}", str(source),
         str(native / "pcg64.c"), "-o", str(exe)],
        check=True,
    )
    out = subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout
    assert [int(w, 16) for w in out.split()] == kat_pcg64_round1()


# ---- SeedSequence hashing -------------------------------------------------------------------

@pytest.mark.parametrize("entropy", [0, 42, 2**200 + 12345, [1, 2, 3, 4, 5, 6, 7, 8, 9]])
@pytest.mark.parametrize("pool_size", [4, 8])
def test_seedsequence_generate_state_matches_numpy(entropy, pool_size):
    from prng.c.seedsequence import generate_state

    reference = np.random.SeedSequence(entropy, pool_size=pool_size)
    for n in (0, 1, 5, 624):
        np.testing.assert_array_equal(generate_state(reference.pool, n), reference.generate_state(n))


@pytest.mark.skipif(shutil.which("gcc") is None, reason="gcc not installed")
def test_every_source_compiles_as_c99_without_warnings(tmp_path):
    native = ROOT / "native"
    subprocess.run([sys.executable, str(native / "make_mt19937_jump.py")], check=True, capture_output=True)
    for source in sorted(native.glob("*.c")):
        subprocess.run(
            ["gcc", "-std=c99", "-O3", "-ffp-contract=off", "-Wall", "-Wextra", "-Werror", "-c", str(source),
             "-o", str(tmp_path / (source.stem + ".o"))],
            check=True,
        )
