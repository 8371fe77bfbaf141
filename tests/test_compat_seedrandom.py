"""prng.compat.seedrandom against the seedrandom 3.0.5 npm package, live, and its documented behaviour.

vectors/seedrandom.json and seedrandom_lib.json (the package's values) are replayed by
test_vectors.py; here node runs the real package (js/node_modules/seedrandom, a devDependency of the
JS tests) on random seeds of every kind, for all seven generators, and on random sequences of calls
to freshly loaded copies of the module (the entropy pool); the Python numbers must be the same.
Skipped when node or the package is missing.
"""

import json
import math
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from prng.compat import seedrandom as sr

PACKAGE = Path(__file__).resolve().parent.parent / "js" / "node_modules" / "seedrandom"
NODE = shutil.which("node")
live = pytest.mark.skipif(NODE is None or not PACKAGE.is_dir(), reason="node or js/node_modules/seedrandom missing")
LIB = ["alea", "xor128", "xorwow", "xorshift7", "xor4096", "tychei"]
CALLS = ["()", "int32", "quick", "double"]

NODE_SCRIPT = r"""
const path = require("node:path");
const root = process.argv[2];
const sr = require(root);
const SPECIAL = { undefined, Infinity, "-Infinity": -Infinity, NaN };
const seedOf = (t) => ("seed_js" in t ? SPECIAL[t.seed_js] : t.seed);
const draw = (rng, calls) => calls.map((m) => (m === "()" ? rng() : rng[m]()));
function fresh(mathRandom) {
  const file = path.join(root, "seedrandom.js");
  delete require.cache[require.resolve(file)];
  const saved = Math.random;
  Math.random = () => mathRandom;
  try { return require(file); } finally { Math.random = saved; }
}
const tasks = JSON.parse(require("node:fs").readFileSync(process.argv[3], "utf8"));
const out = tasks.map((t) => {
  if (t.session) {
    const s = fresh(t.math_random);
    return t.steps.map((step) => {
      let shortseed;
      const options = step.options === true ? true : { ...step.options, pass: (p, seed) => { shortseed = seed; return p; } };
      const rng = s(seedOf(step), options);
      return { values: draw(rng, step.calls), shortseed };
    });
  }
  const make = t.gen === "seedrandom" ? sr : sr[t.gen];
  const rng = make(seedOf(t), { state: true });
  return { values: draw(rng, t.calls), state: rng.state() };
});
process.stdout.write(JSON.stringify(out));
"""


def run_node(tasks, tmp_path):
    (tmp_path / "tasks.json").write_text(json.dumps(tasks))
    (tmp_path / "run.cjs").write_text(NODE_SCRIPT)
    done = subprocess.run([NODE, str(tmp_path / "run.cjs"), str(PACKAGE), str(tmp_path / "tasks.json")],
                          capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout)


def random_text(rng, length):
    """Code units across ASCII, Latin-1, the BMP, astral pairs and lone surrogates."""
    ranges = [(0x20, 0x7F), (0, 0x100), (0x100, 0xD800), (0xE000, 0x10000), (0xD800, 0xE000)]
    chars = []
    while len(chars) < length:
        if rng.random() < 0.15:
            chars.append(chr(0x10000 + rng.randrange(0x100000)))
        else:
            lo, hi = rng.choice(ranges)
            chars.append(chr(rng.randrange(lo, hi)))
    return "".join(chars)


def random_seed(rng):
    """A seed of a random kind, as a task field: {"seed": json} or {"seed_js": name}."""
    kind = rng.randrange(9)
    if kind == 0:
        return {"seed_js": rng.choice(["undefined", "Infinity", "-Infinity", "NaN"])}
    seed = [
        None, lambda: random_text(rng, rng.randrange(40)), lambda: random_text(rng, 250 + rng.randrange(300)),
        lambda: rng.randrange(-2**31, 2**31), lambda: rng.randrange(-2**53, 2**53),
        lambda: rng.uniform(-1e6, 1e6) * 10.0 ** rng.randrange(-20, 25), lambda: rng.random() < 0.5,
        lambda: [random_text(rng, 3), rng.randrange(1000), {"k": random_text(rng, 2), "7": [1.5, True]}],
        lambda: {str(rng.randrange(20)): random_text(rng, 2), "a": rng.randrange(9)},
    ][kind]()
    return {"seed": seed}


JS_SEEDS = {"undefined": None, "Infinity": math.inf, "-Infinity": -math.inf, "NaN": math.nan}


def python_seed(task):
    """The Python seed of a task (None stands for undefined)."""
    return JS_SEEDS[task["seed_js"]] if "seed_js" in task else task["seed"]


def same(a, b):
    """Equal numbers (NaN never occurs; -0.0 vs 0.0 is a difference) or equal structures."""
    if isinstance(a, float) or isinstance(b, float):
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return a == b


@live
@pytest.mark.parametrize("gen", ["seedrandom"] + LIB)
def test_random_seeds_match_the_package(gen, tmp_path):
    """2000 random seeds of every kind, 8 mixed calls each, and state(); xor128's all-zero seeds
    (0 or an empty string) only call quick(): its double() never returns in seedrandom either."""
    chooser = random.Random(gen)
    tasks = []
    for _ in range(2000):
        task = {"gen": gen, **random_seed(chooser), "calls": chooser.choices(CALLS, k=8)}
        if gen in ("seedrandom", "xorshift7", "xor4096") and task.get("seed_js") == "undefined":
            task = {"gen": gen, "seed": "auto", "calls": task["calls"]}  # None autoseeds
        tasks.append(task)
    for task in tasks if gen == "xor128" else []:
        if not any(sr.xor128(python_seed(task), state=True).state().values()):
            task["calls"] = ["quick"] * 8
    for task, theirs in zip(tasks, run_node(tasks, tmp_path)):
        rng = (sr.seedrandom if gen == "seedrandom" else getattr(sr, gen))(python_seed(task), state=True)
        ours = [rng() if m == "()" else getattr(rng, m)() for m in task["calls"]]
        assert all(map(same, ours, theirs["values"])) and rng.state() == theirs["state"], task


@live
def test_entropy_pool_matches_fresh_copies_of_the_package(tmp_path):
    """Random call sequences (entropy, the legacy `true`, plain seeds, autoseed-free) on copies of the
    module loaded with a known Math.random(): the same generators and shortseeds."""
    chooser = random.Random("pool")
    tasks = []
    for _ in range(40):
        steps = []
        for _ in range(chooser.randrange(1, 12)):
            step = random_seed(chooser)
            if step.get("seed_js") in ("Infinity", "-Infinity", "NaN"):
                step = {"seed": "x"}
            if step.get("seed_js") == "undefined" or chooser.random() < 0.5:
                step["options"] = True if chooser.random() < 0.3 else {"entropy": True}
            step["calls"] = chooser.choices(CALLS, k=4)
            steps.append(step)
        tasks.append({"session": True, "math_random": chooser.random(), "steps": steps})
    for task, theirs in zip(tasks, run_node(tasks, tmp_path)):
        loaded = sr.load_seedrandom(task["math_random"])
        for step, their_step in zip(task["steps"], theirs):
            options = True if step.get("options") is True else dict(step.get("options", {}))
            if options is True:
                rng, shortseed = loaded(python_seed(step), True), None
            else:
                rng, shortseed = loaded(python_seed(step), options, lambda p, s, *rest: (p, s))
            ours = [rng() if m == "()" else getattr(rng, m)() for m in step["calls"]]
            assert ours == their_step["values"], step
            assert shortseed is None or shortseed == their_step["shortseed"]


def test_state_only_on_request():
    for make in [sr.seedrandom] + [getattr(sr, name) for name in LIB]:
        assert not hasattr(make("hello"), "state")
        saveable = make("hello", state=True)
        assert hasattr(saveable, "state")
        saveable()
        saved = saveable.state()
        replica = make(7, {"state": saved})
        assert [replica() for _ in range(20)] == [saveable() for _ in range(20)]


def test_options_and_callbacks_as_seedrandom():
    """The legacy forms and the pass option (nodetest.js's checks, in Python)."""
    first = sr.seedrandom("hello.")()
    assert first == 0.9282578795792454
    result = sr.seedrandom("hello.", {"global": "abc"}, lambda prng, seed, is_global, state: (prng(), seed, is_global))
    assert result == (first, "hello.", "abc")
    assert sr.seedrandom("hello.", pass_=lambda prng, seed, *rest: seed) == "hello."
    auto = sr.seedrandom(None, pass_=lambda prng, seed, *rest: (prng(), seed))
    assert auto[0] == sr.seedrandom(auto[1])() and len(auto[1]) == 256
    assert sr.seedrandom()() != sr.seedrandom()()
    assert sr.seedrandom("added entropy.", True)() != sr.seedrandom("added entropy.")()
    with pytest.raises(ValueError, match="Math.random"):
        sr.seedrandom("x", {"global": True})
    with pytest.raises(ValueError, match="unknown seedrandom options"):
        sr.seedrandom("x", {"entrpy": True})


def test_clock_seeds_and_bad_state():
    assert 0 <= sr.xor4096()() < 1 and 0 <= sr.xorshift7()() < 1
    with pytest.raises(ValueError, match=r"state\['X'\]"):
        sr.xor4096(1, state={"i": 0, "w": 0, "X": [0] * 5})
    with pytest.raises(ValueError, match="32-bit"):
        sr.xor128(1, state={"x": 2**31, "y": 0, "z": 0, "w": 0})
    with pytest.raises(TypeError, match="state"):
        sr.alea(1, state="yes")
    with pytest.raises(ValueError, match="not exactly representable"):
        sr.tychei(2**53 + 1)
