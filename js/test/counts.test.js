/**
 * Every count argument of the public API (sizes, numbers of draws, bytes, jumps, children, steps)
 * takes only a non-negative safe integer number: anything else, a numeric string or a bigint too, is a
 * RangeError naming the argument, thrown before any work. And the two loops whose length a caller
 * picks are bounded: `SeedSequence.spawn` (10**6 children a call) and `MidSquare.period` (maxSteps).
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import * as prng from "../src/index.js";

const { compat } = prng;
const BAD_COUNTS = [-1, 1.5, -0.5, Infinity, -Infinity, NaN, 2 ** 53, "4", 4n, null, {}, [4], true];

// Arguments that are a count or a sequence (numpy's `permutation(x)`, `choice(a)`): a number must be a
// count (RangeError), anything that is neither a number nor a sequence is a TypeError.
const COUNT_OR_SEQUENCE = new Set(["x", "a"]);

/** [what, name in the message, call(count)] for every count argument (compat.python.Random's
 * `getrandbits`, `randbytes`, `sample` and `choices` are not here: they raise (TypeError for a non-integer)
 * or return [] exactly as CPython's do; compat_python.test.js). */
const COUNT_ARGUMENTS = [
  ["ARC4.bytes", "count", (c) => new prng.ARC4("seed").bytes(c)],
  ["SeedSequence poolSize", "poolSize", (c) => new prng.SeedSequence(1, { poolSize: c })],
  ["SeedSequence.generateState", "n", (c) => new prng.SeedSequence(1).generateState(c)],
  ["SeedSequence.generateState uint64", "n", (c) => new prng.SeedSequence(1).generateState(c, "uint64")],
  ["SeedSequence.generateWords", "n", (c) => new prng.SeedSequence(1).generateWords(c)],
  ["SeedSequence.spawn", "n", (c) => new prng.SeedSequence(1).spawn(c)],
  ...["PCG64", "PCG64DXSM", "MT19937", "Philox", "Philox4x32", "MiddleSquareWeyl", "ARC4"].map((name) =>
    [`${name}.randomRaw`, "n", (c) => new prng[name](name === "ARC4" ? "s" : 1).randomRaw(c)]),
  ...["PCG64", "PCG64DXSM", "MT19937", "Philox"].map((name) =>
    [`${name}.jumped`, "jumps", (c) => new prng[name](1).jumped(c)]),
  ["MidSquare digits", "digits", (c) => new prng.MidSquare(12, { digits: c })],
  ["MidSquare.randomRaw", "n", (c) => new prng.MidSquare(1234).randomRaw(c)],
  ["MidSquare.period maxSteps", "maxSteps", (c) => new prng.MidSquare(1234).period({ maxSteps: c })],
  ["Generator.random", "n", (c) => prng.defaultRng(1).random(c)],
  ["Generator.standardNormal", "n", (c) => prng.defaultRng(1).standardNormal(c)],
  ["Generator.standardExponential", "n", (c) => prng.defaultRng(1).standardExponential(c)],
  ["Generator.exponential", "n", (c) => prng.defaultRng(1).exponential(1, c)],
  ["Generator.integers", "n", (c) => prng.defaultRng(1).integers(0, 10, c)],
  ["Generator.permutation", "x", (c) => prng.defaultRng(1).permutation(c)],
  ["Generator.choice size", "n", (c) => prng.defaultRng(1).choice(5, c)],
  ["Generator.choice population", "a", (c) => prng.defaultRng(1).choice(c, 2)],
  ["Generator.bytes", "length", (c) => prng.defaultRng(1).bytes(c)],
  ["RandomState.randomSample", "n", (c) => new compat.numpy.RandomState(1).randomSample(c)],
  ["RandomState.rand", "dimension 0", (c) => new compat.numpy.RandomState(1).rand(c)],
  ["RandomState.randn", "dimension 0", (c) => new compat.numpy.RandomState(1).randn(c)],
  ["RandomState.randint", "n", (c) => new compat.numpy.RandomState(1).randint(0, 5, c)],
  ["RandomState.standardNormal", "n", (c) => new compat.numpy.RandomState(1).standardNormal(c)],
  ["RandomState.choice", "n", (c) => new compat.numpy.RandomState(1).choice(5, c)],
  ["torch.rand", "shape", (c) => compat.torch.rand(c)],
  ["torch.rand shape[0]", "shape[0]", (c) => compat.torch.rand([c])],
  ["torch.randn", "shape[0]", (c) => compat.torch.randn([c])],
  ["torch.randint", "shape[0]", (c) => compat.torch.randint(0, 5, [c])],
  ["torch.randperm", "n", (c) => compat.torch.randperm(c)],
];

for (const [what, name, call] of COUNT_ARGUMENTS) {
  test(`${what}: a count that is not a non-negative safe integer is a RangeError naming ${name}`, () => {
    for (const bad of BAD_COUNTS) {
      if ((name === "shape" || COUNT_OR_SEQUENCE.has(name)) && Array.isArray(bad)) continue; // a valid sequence/shape
      const numeric = typeof bad === "number";
      assert.throws(() => call(bad), (e) => {
        if ((name === "shape" || (COUNT_OR_SEQUENCE.has(name) && !numeric)) && e instanceof TypeError) {
          return e.message.includes(name); // neither a number nor an array
        }
        return e instanceof RangeError && e.message.includes(name);
      }, `${what}(${typeof bad === "bigint" ? `${bad}n` : JSON.stringify(bad) ?? String(bad)})`);
    }
  });
}

test("ARC4.bytes: the issue's cases end at once with a RangeError, and a good count still works", () => {
  const gen = new prng.ARC4("hello.");
  for (const bad of [-1, 1.5, Infinity, NaN, "4", 4n]) assert.throws(() => gen.bytes(bad), RangeError);
  const same = new prng.ARC4("hello.");
  assert.equal(gen.bytes(4), same.nextUint32()); // the failed calls drew nothing
  assert.equal(gen.bytes(0), 0);
});

test("SeedSequence.spawn: at most 10**6 children a call; the keys continue over calls", () => {
  const seq = new prng.SeedSequence(5);
  assert.throws(() => seq.spawn(1_000_001), (e) => e instanceof RangeError && /at most 1000000/.test(e.message));
  assert.throws(() => seq.spawn(1e9), RangeError);
  assert.equal(seq.nChildrenSpawned, 0); // a refused call spawns nothing
  seq.spawn(2);
  assert.deepEqual(seq.spawn(1)[0].spawnKey, [2n]);
});

test("MidSquare.period: bounded by maxSteps, and the bound does not change a found period", () => {
  const gen = new prng.MidSquare(123456, { digits: 6 });
  assert.deepEqual(gen.period(), { tail: 146, cycle: 1 }); // published (vectors/midsquare.json)
  assert.deepEqual(gen.period({ maxSteps: 1000 }), { tail: 146, cycle: 1 });
  assert.throws(() => gen.period({ maxSteps: 100 }), (e) => e instanceof RangeError && /maxSteps=100\b/.test(e.message));
  const big = new prng.MidSquare(123456789012345678n, { digits: 18 });
  assert.throws(() => big.period({ maxSteps: 10_000 }), RangeError);
});
