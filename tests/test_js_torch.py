"""The JavaScript compat.torch (js/src/compat/torch.js) against live PyTorch, both CPU kernels.

Python draws a list of random calls (seeds over the whole 64-bit range, the acceptance sizes 1, 5, 15,
16, 17, 100, 1000 and a (1, 4, 8, 8) latent, every float dtype (float16/bfloat16 as raw bits), randint
spans on both sides of 2**28, 2**52 and up to 2**64 - 1, randperm, normal/uniform_ with non-trivial
parameters, dropout masks, one long float32 randn); torch runs them in a subprocess with ATEN_CPU_CAPABILITY set to each kernel, `node` runs them
through the JS module, and the output bytes and the final state bytes must be identical.
Skipped without node or torch.
"""

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
JS_TORCH = ROOT / "js" / "src" / "compat" / "torch.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

ACCEPTANCE_SIZES = [[1], [5], [15], [16], [17], [100], [1000], [1, 4, 8, 8]]

# Each call: {"seed": str, "ops": [{"op", "size"/"n", "dtype", ...}]}; each op's result is the hex of
# its little-endian output bytes; each call's last entry is the hex of the final state bytes.
TORCH_SCRIPT = r"""
import json, sys, torch
calls = json.load(open(sys.argv[1]))
capability = torch.backends.cpu.get_cpu_capability()
out = []
for call in calls:
    g = torch.Generator().manual_seed(int(call["seed"]))
    got = []
    for op in call["ops"]:
        kind, dtype = op["op"], getattr(torch, op.get("dtype", "int64"))
        if kind == "rand":
            t = torch.rand(op["size"], generator=g, dtype=dtype)
        elif kind == "randn":
            t = torch.randn(op["size"], generator=g, dtype=dtype)
        elif kind == "normal":
            t = torch.normal(op["mean"], op["std"], op["size"], generator=g, dtype=dtype)
        elif kind == "uniform_":
            t = torch.empty(op["size"], dtype=dtype).uniform_(op["a"], op["b"], generator=g)
        elif kind == "randint":
            t = torch.randint(int(op["low"]), int(op["high"]), op["size"], generator=g, dtype=dtype)
        elif kind == "randperm":
            t = torch.randperm(op["n"], generator=g)
        elif kind == "dropout":
            torch.default_generator.set_state(g.get_state())
            ones = torch.ones(op["size"], dtype=dtype)
            t = torch.nn.functional.dropout(ones, op["p"], training=True) != 0
            g.set_state(torch.default_generator.get_state())
        if t.dtype in (torch.float16, torch.bfloat16):
            t = t.view(torch.int16)
        got.append(t.numpy().tobytes().hex())
    got.append(bytes(g.get_state().numpy()).hex())
    out.append(got)
json.dump({"capability": capability, "results": out}, sys.stdout)
"""

NODE_SCRIPT = """
import { readFileSync } from "node:fs";
import * as T from %s;
const [calls, kernel] = [JSON.parse(readFileSync(process.argv[2], "utf8")), process.argv[3]];
const hex = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("hex");
const results = calls.map((call) => {
  const generator = new T.Generator().manualSeed(BigInt(call.seed));
  const got = call.ops.map((op) => {
    const options = { generator, dtype: op.dtype, kernel };
    switch (op.op) {
      case "rand": return hex(T.rand(op.size, options));
      case "randn": return hex(T.randn(op.size, options));
      case "normal": return hex(T.normal(op.mean, op.std, op.size, options));
      case "uniform_": {
        const Out = { float32: Float32Array, float64: Float64Array }[op.dtype] ?? Uint16Array;
        return hex(T.uniform_(new Out(op.size.reduce((a, b) => a * b, 1)), op.a, op.b, options));
      }
      case "dropout": return hex(T.dropoutMask(op.size, op.p, options));
      case "randint": return hex(T.randint(BigInt(op.low), BigInt(op.high), op.size, options));
      case "randperm": return hex(T.randperm(op.n, options));
    }
    throw new Error(`unknown op ${op.op}`);
  });
  got.push(hex(generator.getState()));
  return got;
});
process.stdout.write(JSON.stringify(results));
""" % json.dumps(JS_TORCH.as_uri())


SPANS = [2**28 - 1, 2**28, 2**32, 2**52, 2**52 + 1, 2**64 - 1]
# [low, high) limits per integer dtype; float dtypes keep |low|, |high| <= span (no collapse when cast)
INT_LIMITS = {"int32": (-(2**31), 2**31), "int64": (-(2**63), 2**63 - 1)}


def randint_op(rng, size):
    """A randint call with a span below/at/above 2**28, 2**32, 2**52 or up to 2**64 - 1."""
    span = rng.choice(SPANS + [rng.randrange(1, 2**28), rng.randrange(2**28, 2**52), rng.randrange(2**52, 2**64)])
    dtype = rng.choice(["int64", "int64", "float32", "float64"] + (["int32"] if span <= 2**32 else []))
    lowest, highest = INT_LIMITS.get(dtype, (-span, span))
    lowest, highest = max(lowest, -(2**63)), min(highest, 2**63 - 1)
    low = rng.randrange(lowest, highest - span + 1)
    return {"op": "randint", "low": str(low), "high": str(low + span), "size": size, "dtype": dtype}


def random_op(rng):
    """One random call: rand, randn, normal, uniform_ (any float dtype), randint, randperm or a dropout
    mask with random size and parameters."""
    kind = rng.choice(["rand", "randn", "randn", "normal", "uniform_", "randint", "randint", "randperm", "dropout"])
    size = rng.choice([[rng.randrange(0, 40)], [2, rng.randrange(1, 30)], []])
    dtype = rng.choice(["float32", "float64", "float16", "bfloat16"])
    if kind == "dropout":
        return {"op": kind, "size": size, "p": rng.choice([0.0, 1.0, rng.random()]), "dtype": dtype}
    if kind == "randint":
        return randint_op(rng, size)
    if kind == "randperm":
        return {"op": kind, "n": rng.randrange(0, 2000)}
    if kind == "normal":
        return {"op": kind, "mean": rng.uniform(-3, 3), "std": rng.uniform(0, 4), "size": size, "dtype": dtype}
    if kind == "uniform_":
        a = rng.uniform(-5, 5)
        return {"op": kind, "a": a, "b": a + rng.uniform(0, 7), "size": size, "dtype": dtype}
    return {"op": kind, "size": size, "dtype": dtype}


def random_calls(seed):
    """Calls covering the acceptance list, random calls, and one long float32 randn."""
    rng = random.Random(seed)

    def any_seed():
        return str(rng.randrange(-(2**63), 2**64))

    calls = [{"seed": any_seed(), "ops": [{"op": name, "size": size, "dtype": dtype}
                                          for name in ("rand", "randn", "randn")]}
             for size in ACCEPTANCE_SIZES for dtype in ("float32", "float64", "float16", "bfloat16")]
    calls += [{"seed": any_seed(), "ops": [random_op(rng) for _ in range(6)]} for _ in range(24)]
    calls.append({"seed": str(seed), "ops": [{"op": "randn", "size": [100003], "dtype": "float32"}]})
    return calls


def torch_results(path, kernel):
    """torch's results for the calls in `path` under ATEN_CPU_CAPABILITY=kernel, or None if not taken."""
    env = dict(os.environ, ATEN_CPU_CAPABILITY=kernel)
    done = subprocess.run([sys.executable, "-c", TORCH_SCRIPT, str(path)], env=env, capture_output=True,
                          text=True, check=True)
    answer = json.loads(done.stdout)
    return answer["results"] if answer["capability"].lower() == kernel else None


@pytest.mark.parametrize("kernel", ["avx2", "default"])
def test_js_torch_matches_live_torch(kernel, tmp_path):
    pytest.importorskip("torch")
    calls = random_calls(2024 if kernel == "avx2" else 2025)
    path = tmp_path / "calls.json"
    path.write_text(json.dumps(calls))
    expect = torch_results(path, kernel)
    if expect is None:
        pytest.skip(f"this CPU does not run torch's {kernel} kernel")
    script = tmp_path / "run.mjs"
    script.write_text(NODE_SCRIPT)
    done = subprocess.run([NODE, str(script), str(path), kernel], capture_output=True, text=True, check=True)
    got = json.loads(done.stdout)
    for call, theirs, ours in zip(calls, expect, got):
        for i, op in enumerate(call["ops"] + [{"op": "state"}]):
            assert ours[i] == theirs[i], (kernel, call["seed"], i, op)
