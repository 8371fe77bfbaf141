"""The C library (native/) and its cffi cores (prng/c/), checked against numpy and the published known
answers recorded in vectors/ (Random123, mt19937ar, pcg-c), without prng's front classes: states go in
as core-state dicts, and draws come out of the cores (or the C functions) directly. Every vector case
also runs on the C backend through the fronts in tests/test_vectors.py.

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

from conftest import (  # noqa: E402
    kat_mt19937ar, kat_pcg64_round1, kat_philox4x32, kat_philox4x64, numpy_core_state,
)
from prng._prng_c import ffi, lib  # noqa: E402
from prng.c.arc4 import ARC4Core  # noqa: E402
from prng.c.midsquare import MidSquareCore  # noqa: E402
from prng.c.msws import MiddleSquareWeylCore  # noqa: E402
from prng.c.mt19937 import MT19937Core  # noqa: E402
from prng.c.pcg64 import PCG64Core, PCG64DXSMCore  # noqa: E402
from prng.c.philox import PhiloxCore  # noqa: E402
from prng.c.philox4x32 import Philox4x32Core  # noqa: E402
from prng.c.sfc64 import SFC64Core  # noqa: E402
from prng.c.threefry import Threefry2x32Core, ThreefryCore  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
M64 = (1 << 64) - 1

CORES = {
    "PCG64": PCG64Core,
    "PCG64DXSM": PCG64DXSMCore,
    "MT19937": MT19937Core,
    "Philox": PhiloxCore,
    "Philox4x32": Philox4x32Core,
    "Threefry": ThreefryCore,
    "Threefry2x32": Threefry2x32Core,
    "SFC64": SFC64Core,
    "MidSquare": MidSquareCore,
    "MiddleSquareWeyl": MiddleSquareWeylCore,
    "ARC4": ARC4Core,
}
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


def same_state(got, expect):
    return got.keys() == expect.keys() and all(np.array_equal(got[k], expect[k]) for k in got)


# ---- numpy, random seeds --------------------------------------------------------------------

NUMPY_CLASSES = {
    "PCG64": np.random.PCG64,
    "PCG64DXSM": np.random.PCG64DXSM,
    "MT19937": np.random.MT19937,
    "Philox": np.random.Philox,
    "SFC64": np.random.SFC64,
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


@pytest.mark.parametrize("name", ["PCG64", "PCG64DXSM", "Philox", "SFC64"])
def test_64bit_c_fills_match_numpy(name):
    """fill_uint32 (halves, low first) and fill_double (53 bits) against numpy's Generator."""
    n = 2 * 1001
    prefix = {"PCG64": "pcg64", "PCG64DXSM": "pcg64dxsm", "Philox": "philox", "SFC64": "sfc64"}[name]
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
