"""JS compat.python.Random against CPython's random.Random, live: 10**5 random seeds of every type JS
can express (safe integers, bigints, non-integral and huge floats, strings, bytes, booleans), the
first double of each and, for every 100th seed, 700 doubles (across a block), 20 getrandbits(32)
and the state after them. CPython produces every expected value; node runs the JS class. Skipped
when node is not installed.
"""

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest

JS_PYTHON = Path(__file__).resolve().parent.parent / "js" / "src" / "compat" / "python.js"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

NODE_SCRIPT = """
import { readFileSync } from "node:fs";
import { Random } from %s;
const tasks = JSON.parse(readFileSync(process.argv[2], "utf8"));
const seedOf = ({ kind, value }) => kind === "bigint" ? BigInt(value) : kind === "bytes"
  ? Uint8Array.from(value.match(/../g) ?? [], (h) => parseInt(h, 16)) : kind === "float" && typeof value === "string"
  ? Number(value) : value;
const r = new Random(0);
const out = tasks.map((t, i) => {
  r.seed(seedOf(t));
  const first = r.random();
  if (i %% 100 !== 0) return [first];
  const more = Array.from({ length: 700 }, () => r.random());
  const words = Array.from({ length: 20 }, () => String(r.getrandbits(32)));
  const [, internal] = r.getstate();
  return [first, more, words, internal.slice(-3)];
});
process.stdout.write(JSON.stringify(out));
""" % json.dumps(JS_PYTHON.as_uri())

SEED_MAKERS = {
    "number": lambda r: ("number", r.randrange(-2**53 + 1, 2**53)),
    "bigint": lambda r: ("bigint", str(r.getrandbits(200) - 2**199)),
    "float": lambda r: ("float", r.uniform(-1e6, 1e6) * 10.0 ** r.randrange(-300, 300)),
    "string": lambda r: ("string", "".join(chr(r.choice([r.randrange(0x20, 0x7F), r.randrange(0xA0, 0xD800),
                                                          r.randrange(0x10000, 0x110000)])) for _ in range(r.randrange(12)))),
    "bytes": lambda r: ("bytes", r.randbytes(r.randrange(20)).hex()),
    "bool": lambda r: ("bool", r.random() < 0.5),
}


def python_seed(kind, value):
    return {"bigint": int, "bytes": bytes.fromhex}.get(kind, lambda v: v)(value)


@pytest.mark.parametrize("kind", sorted(SEED_MAKERS))
def test_1e5_random_seeds_match_cpython(kind, tmp_path):
    chooser = random.Random(f"js {kind}")
    tasks = []
    for _ in range(10**5):
        seed_kind, value = SEED_MAKERS[kind](chooser)
        while seed_kind == "float" and value.is_integer() and abs(value) < 2**53:  # JS: the int
            seed_kind, value = SEED_MAKERS[kind](chooser)
        tasks.append({"kind": seed_kind, "value": value})
    (tmp_path / "tasks.json").write_text(json.dumps(tasks))
    (tmp_path / "run.mjs").write_text(NODE_SCRIPT)
    done = subprocess.run([NODE, str(tmp_path / "run.mjs"), str(tmp_path / "tasks.json")],
                          capture_output=True, text=True, timeout=600, check=True)
    cpython = random.Random()
    for index, (task, theirs) in enumerate(zip(tasks, json.loads(done.stdout), strict=True)):
        cpython.seed(python_seed(task["kind"], task["value"]))
        ours = [cpython.random()]
        if index % 100 == 0:
            ours += [[cpython.random() for _ in range(700)], [str(cpython.getrandbits(32)) for _ in range(20)],
                     list(cpython.getstate()[1][-3:])]
        assert ours == theirs, task
