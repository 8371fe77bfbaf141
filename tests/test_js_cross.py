"""Python <-> JavaScript: numpy's streams and states, resumed and re-seeded in the JS package.

numpy (not prng) produces every expected value. Python writes, for each case, either a seed or a state
saved mid-stream (portable JSON: prng.state_to_json when prng is importable, else the same encoding
written here); `node` runs a small script that builds the JS generator from it and draws; the draws
and the JS state afterwards are compared with numpy's. Skipped when node is not installed.
"""

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

JS_INDEX = Path(__file__).resolve().parent.parent / "js" / "src" / "index.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

try:
    import prng
except ImportError:  # prng's Python package is optional here
    prng = None

CLASSES = ["PCG64", "PCG64DXSM", "MT19937", "Philox"]
SEEDS = [0, 1, 2**63 + 5, 2**64 - 1, 2**127 + 12345, 2**128 - 1, 2**200 + 7, [2**63 + 1, 0, 2**40]]
N_RAW, N_U32, N_DOUBLE = 64, 5, 7

# The portable-JSON fields wider than 32 bits (docs/ARCHITECTURE.md), for the encoder used without prng.
WIDE = {"PCG64": ("state",), "PCG64DXSM": ("state",), "Philox": ("state", "buffer"), "MT19937": ()}

NODE_SCRIPT = """
import * as prng from %s;
const cases = JSON.parse(await (await import("node:fs/promises")).readFile(process.argv[2], "utf8"));
const results = cases.map((c) => {
  const toSeed = (s) => (Array.isArray(s) ? s.map(BigInt) : BigInt(s));
  const gen = new prng[c.cls](c.seed === undefined ? 0 : toSeed(c.seed));
  if (c.state) gen.state = c.state;
  const raw = Array.from(gen.randomRaw(%d), String);
  const u32 = Array.from({ length: %d }, () => gen.nextUint32());
  const doubles = Array.from({ length: %d }, () => gen.nextDouble());
  const words = c.seed === undefined ? null : Array.from(new prng.SeedSequence(toSeed(c.seed)).generateState(8, "uint64"), String);
  return { raw, u32, doubles, state: gen.state, words };
});
process.stdout.write(JSON.stringify(results));
""" % (json.dumps(JS_INDEX.as_uri()), N_RAW, N_U32, N_DOUBLE)


def portable(state):
    """numpy's state dict as the portable JSON object (prng.state_to_json's rules)."""
    if prng is not None:
        return json.loads(prng.state_to_json(state))

    def plain(value, wide):
        if isinstance(value, dict):
            return {k: plain(v, wide) for k, v in value.items()}
        if isinstance(value, (np.ndarray, list)):
            return [plain(v, wide) for v in np.asarray(value).tolist()]
        if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
            return str(int(value)) if wide else int(value)
        return value

    wide = WIDE[state["bit_generator"]]
    return {k: plain(v, k in wide) for k, v in state.items()}


def numpy_draws(bitgen):
    """What the JS script draws, from numpy: raw outputs, next_uint32 (via integers), doubles, state."""
    gen = np.random.Generator(bitgen)
    raw = [str(int(v)) for v in bitgen.random_raw(N_RAW)]
    u32 = [int(gen.integers(0, 2**32, dtype=np.uint32)) for _ in range(N_U32)]  # = next_uint32
    doubles = [gen.random() for _ in range(N_DOUBLE)]
    return raw, u32, doubles, portable(bitgen.state)


def saved_midstream(cls, seed):
    """A numpy generator after draws that leave a buffered uint32 / a part-used block, and its state."""
    bitgen = getattr(np.random, cls)(seed)
    gen = np.random.Generator(bitgen)
    bitgen.random_raw(37)
    gen.integers(0, 2**32, size=3, dtype=np.uint32)  # 3 next_uint32: leaves has_uint32 = 1
    gen.random(2)
    return bitgen, portable(bitgen.state)


def run_node(tmp_path, cases):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases))
    script = tmp_path / "cross.mjs"
    script.write_text(NODE_SCRIPT)
    out = subprocess.run([NODE, str(script), str(path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def seed_json(seed):
    return [str(s) for s in seed] if isinstance(seed, list) else str(seed)


@pytest.mark.parametrize("cls", CLASSES)
def test_js_seeded_streams_equal_numpy(tmp_path, cls):
    cases = [{"cls": cls, "seed": seed_json(seed)} for seed in SEEDS]
    for seed, got in zip(SEEDS, run_node(tmp_path, cases)):
        raw, u32, doubles, state = numpy_draws(getattr(np.random, cls)(seed))
        assert got["raw"] == raw, f"{cls}({seed}) random_raw"
        assert got["u32"] == u32, f"{cls}({seed}) next_uint32"
        assert [float.hex(d) for d in got["doubles"]] == [float.hex(d) for d in doubles], f"{cls}({seed})"
        assert got["state"] == state, f"{cls}({seed}) state after the draws"
        words = np.random.SeedSequence(seed).generate_state(8, np.uint64)
        assert got["words"] == [str(int(w)) for w in words], f"SeedSequence({seed})"


@pytest.mark.parametrize("cls", CLASSES)
def test_js_resumes_numpy_state(tmp_path, cls):
    saved = [saved_midstream(cls, seed) for seed in SEEDS]
    cases = [{"cls": cls, "state": state} for _, state in saved]
    for (bitgen, state), got in zip(saved, run_node(tmp_path, cases)):
        raw, u32, doubles, after = numpy_draws(bitgen)
        assert got["raw"] == raw, f"{cls} resumed from {state}"
        assert got["u32"] == u32
        assert [float.hex(d) for d in got["doubles"]] == [float.hex(d) for d in doubles]
        assert got["state"] == after
