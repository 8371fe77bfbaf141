/**
 * Replays every case of vectors/python_random.json (CPython's random.Random with int, negative, huge,
 * str and bytes seeds; schema: vectors/README.md, "Distribution cases") through compat.python.Random:
 * each call is made once per expected value, then `getstate()` is compared.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { Random } from "../src/compat/python.js";
import { toHex, vectorFiles } from "./helpers.js";
import { arg } from "./vector-calls.js";

/** A vector argument as a JS value; `{"range": [a, b]}` becomes the Array of range(a, b). */
function pyArg(value) {
  if (value !== null && typeof value === "object" && "range" in value) {
    const [start, stop] = value.range;
    return Array.from({ length: stop - start }, (_, i) => start + i);
  }
  return arg(value);
}

/** A Python result in the vectors' encoding: floats as float.hex, integers as decimal strings, lists element-wise. */
function encode(value) {
  if (Array.isArray(value)) return value.map(encode);
  if (typeof value === "number" && !Number.isInteger(value)) return toHex(value);
  return String(value);
}

/** The expected entry in the same encoding (integers may be JSON numbers or decimal strings). */
function normalize(value) {
  if (Array.isArray(value)) return value.map(normalize);
  return String(value);
}

/** How each recorded CPython call is made on the JS Random. */
const CALLS = {
  random: (r) => r.random(),
  getrandbits: (r, [k]) => r.getrandbits(k),
  randrange: (r, args) => r.randrange(...args),
  randint: (r, [a, b]) => r.randint(a, b),
  choice: (r, [seq]) => r.choice(seq),
  sample: (r, [population, k]) => r.sample(population, k),
  choices: (r, [population, weights], kwargs) => r.choices(population, { weights, k: kwargs.k }),
  gauss: (r, args) => r.gauss(...args),
  normalvariate: (r, args) => r.normalvariate(...args),
  shuffle: (r, [x]) => {
    const copy = [...x];
    r.shuffle(copy);
    return copy;
  },
};

function seedOf({ seed }) {
  if ("int" in seed) return BigInt(seed.int);
  if ("str" in seed) return seed.str;
  return Uint8Array.from(seed.bytes.match(/../g) ?? [], (h) => parseInt(h, 16));
}

const doc = vectorFiles().find(([, d]) => d.family === "python_random")[1];

for (const kase of doc.cases) {
  test(kase.name, (t) => {
    const rng = new Random(seedOf(kase.make));
    let values = 0;
    kase.calls.forEach((call, i) => {
      const args = call.args.map(pyArg);
      const results = call.expect.map(() => CALLS[call.method](rng, args, call.kwargs));
      values += call.expect.flat().length;
      assert.deepEqual(results.map(encode), call.expect.map(normalize), `call ${i}: ${call.method}`);
    });
    const [version, internal, gaussNext] = rng.getstate();
    assert.deepEqual(
      { version, key: internal.slice(0, 624), pos: internal[624], gauss_next: gaussNext === null ? null : toHex(gaussNext) },
      kase.state,
    );
    t.diagnostic(`${kase.calls.length} calls, ${values} values equal to CPython's`);
  });
}

test("numbers in, numbers out; bigints in, bigints out", () => {
  const r = new Random(1);
  assert.equal(typeof r.randrange(10), "number");
  assert.equal(typeof r.randint(-5, 5), "number");
  assert.equal(typeof r.randrange(10n), "bigint");
  assert.equal(typeof r.randint(0, 2n ** 70n), "bigint");
  assert.equal(typeof r.getrandbits(8), "bigint");
  assert.equal(typeof r.randrange(-(2 ** 52), 2 ** 52, 3), "number");
});

test("getstate / setstate round trip, gaussNext included", () => {
  const r = new Random("seed");
  r.gauss();
  const state = r.getstate();
  const after = [r.gauss(), r.random(), r.normalvariate()];
  const other = new Random(0);
  other.setstate(state);
  assert.deepEqual([other.gauss(), other.random(), other.normalvariate()], after);
});

test("sample with counts; choices with cumWeights", () => {
  const r = new Random(3);
  const s = r.sample(["a", "b"], 4, { counts: [2, 2] });
  assert.deepEqual([...s].sort(), ["a", "a", "b", "b"]);
  assert.ok(r.choices([1, 2, 3], { cumWeights: [0, 0, 1], k: 5 }).every((x) => x === 3));
});

test("bad arguments: TypeError / RangeError naming the argument", () => {
  const rejects = (fn, type, name) =>
    assert.throws(fn, (e) => e instanceof type && e.message.includes(name), `expected ${type.name} naming ${name}`);
  rejects(() => new Random(1.5), TypeError, "seed");
  rejects(() => new Random({}), TypeError, "seed");
  const r = new Random(0);
  rejects(() => r.getrandbits(-1), RangeError, "k");
  rejects(() => r.randrange(0), RangeError, "stop");
  rejects(() => r.randrange(5, 5), RangeError, "empty");
  rejects(() => r.randrange(0, 10, 0), RangeError, "step");
  rejects(() => r.randrange(1.5), TypeError, "start");
  rejects(() => r.choice([]), RangeError, "seq");
  rejects(() => r.sample([1, 2], 3), RangeError, "k");
  rejects(() => r.choices([1, 2], { weights: [1] }), RangeError, "weights");
  rejects(() => r.setstate([3, [], null]), RangeError, "state[1]");
});
