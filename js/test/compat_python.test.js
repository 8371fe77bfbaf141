/**
 * Replays every case of vectors/python_random.json (CPython's random.Random: every method, seeds of
 * every type, setstate at the block edges; schema: vectors/README.md, "Distribution cases") through
 * compat.python.Random: each call is made once per expected value, then `getstate()` is compared.
 * Then the API's own rules: subclasses, errors, seeds JS cannot give to CPython.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import { Random } from "../src/compat/python.js";
import { fromHex, toHex, vectorFiles } from "./helpers.js";

const hexBytes = (hex) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

/** A vector argument as a JS value (vectors/README.md): floats, wide ints as bigints, str, bytes, ranges. */
function pyArg(value) {
  if (Array.isArray(value)) return value.map(pyArg);
  if (typeof value === "string") return value.includes("p") ? fromHex(value) : BigInt(value);
  if (value === null || typeof value !== "object") return value;
  if ("range" in value) {
    const [start, stop] = value.range.map(Number);
    return Array.from({ length: stop - start }, (_, i) => start + i);
  }
  if ("str" in value) return value.str;
  if ("bytes" in value) return hexBytes(value.bytes);
  return jsNumber(value.float);
}

/** Python's repr of a non-finite float ("inf", "-inf", "nan") as a number. */
const jsNumber = (text) => Number(text.replace("inf", "Infinity"));

/** A result in the encoding of `expect` (floats as float.hex, ints as decimal strings, str/bytes objects). */
function encodeLike(got, expect) {
  if (Array.isArray(expect)) return Array.isArray(got) ? got.map((g, i) => encodeLike(g, expect[i])) : got;
  if (expect !== null && typeof expect === "object") {
    if ("bytes" in expect) return got instanceof Uint8Array ? { bytes: Buffer.from(got).toString("hex") } : got;
    if ("str" in expect) return { str: got };
    if ("float" in expect) return { float: String(got).replace("Infinity", "inf") };
    return got;
  }
  if (typeof expect === "string" && expect.includes("p")) return typeof got === "number" ? toHex(got) : got;
  return String(got);
}

/** The expected entry with its integers as decimal strings and its float.hex strings normalized. */
function normalize(expect) {
  if (Array.isArray(expect)) return expect.map(normalize);
  if (expect !== null && typeof expect === "object") return expect;
  if (typeof expect === "string" && expect.includes("p")) return toHex(fromHex(expect));
  return String(expect);
}

/** How each recorded CPython call is made on the JS Random (Python keyword arguments as options). */
const CALLS = {
  sample: (r, [population, k], kw) => r.sample(population, k, kw.counts ? { counts: pyArg(kw.counts) } : {}),
  choices: (r, [population, weights], kw) =>
    r.choices(population, { weights, cumWeights: kw.cum_weights && pyArg(kw.cum_weights), k: Number(pyArg(kw.k ?? 1)) }),
  shuffle: (r, [x]) => {
    const copy = [...x];
    r.shuffle(copy);
    return copy;
  },
  getstate: (r) => stateJSON(r.getstate()),
};

function stateJSON([version, internal, gaussNext]) {
  return { version, key: internal.slice(0, 624), pos: internal[624], gauss_next: gaussNext === null ? null : toHex(gaussNext) };
}

/** The Random of a case's `make`: seeded (seed types as vectors/README.md), or restored by setstate. */
function make(spec) {
  if ("state" in spec) {
    const r = new Random(0);
    const { version, key, pos, gauss_next: g } = spec.state;
    r.setstate([version, [...key, pos], g === null ? null : fromHex(g)]);
    return r;
  }
  const { seed } = spec;
  const value = "int" in seed ? BigInt(seed.int) : "str" in seed ? seed.str : "bytes" in seed ? hexBytes(seed.bytes)
    : "bool" in seed ? seed.bool : jsNumber(seed.float);
  const r = new Random(0);
  r.seed("float" in seed && seed.float.includes("p") ? fromHex(seed.float) : value, spec.version ?? 2);
  return r;
}

const doc = vectorFiles().find(([, d]) => d.family === "python_random")[1];

/** Python's float seeds with an integral value have no JS spelling: the JS number is Python's int. */
const intFloat = ({ seed }) => seed && "float" in seed && seed.float.includes("p") && fromHex(seed.float) !== 0 &&
  Number.isSafeInteger(fromHex(seed.float));

for (const kase of doc.cases) {
  const skip = intFloat(kase.make) && "an integral Python float (-1.0) has no JS spelling: -1 is the int";
  test(kase.name, { skip }, (t) => {
    const rng = make(kase.make);
    let values = 0;
    kase.calls.forEach((call, i) => {
      const args = call.args.map(pyArg);
      const run = CALLS[call.method] ?? ((r, a) => r[call.method](...a));
      const results = call.method === "shuffle" || call.method === "getstate"
        ? [run(rng, args, call.kwargs)]
        : call.expect.map(() => run(rng, args, call.kwargs));
      values += call.expect.length;
      assert.deepEqual(results.map((r, j) => encodeLike(r, call.expect[j])), call.expect.map(normalize),
        `call ${i}: ${call.method}`);
    });
    assert.deepEqual(stateJSON(rng.getstate()), kase.state);
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

test("the subclass rule: a subclass with its own random() draws integers through it", () => {
  const calls = [];
  class OwnRandom extends Random {
    random() {
      calls.push("random");
      return super.random();
    }
  }
  class OwnBits extends OwnRandom {
    getrandbits(k) {
      calls.push("getrandbits");
      return super.getrandbits(k);
    }
  }
  class Inherits extends OwnBits {}
  new OwnRandom(1).randrange(42);
  assert.deepEqual(calls.splice(0), ["random"]);
  new OwnBits(1).choice([1, 2, 3]);
  assert.deepEqual(calls.splice(0), ["getrandbits"]);
  new Inherits(1).shuffle([1, 2, 3]);
  assert.ok(calls.length >= 2 && calls.splice(0).every((c) => c === "getrandbits"));
  const half = new (class extends Random { random() { return 0.5; } })(0);
  assert.equal(half.randrange(10), 6); // floor(0.5 * 2**53) % 10, as CPython's subclass gives
});

test("float, bool and special seeds follow CPython's hash; NaN and lone surrogates are refused", () => {
  assert.notEqual(new Random(-1.5).random(), new Random(-1).random());
  assert.equal(new Random(true).random(), new Random(1).random());
  assert.equal(new Random(2 ** 61).random(), new Random(1).random()); // hash(2.0**61) == 1
  assert.throws(() => new Random(NaN), RangeError);
  assert.throws(() => new Random("a\ud800"), /surrogate/);
  assert.equal(new Random(0).seed("a\ud800", 1), undefined); // version 1 hashes code points
  assert.throws(() => new Random(0).seed("abc", 3), /version/);
});

test("bad arguments: TypeError / RangeError as CPython's TypeError / ValueError, IndexError", () => {
  const rejects = (fn, type, text) =>
    assert.throws(fn, (e) => e instanceof type && e.message.includes(text), `expected ${type.name} with ${text}`);
  rejects(() => new Random({}), TypeError, "seed");
  rejects(() => new Random([1]), TypeError, "seed");
  const r = new Random(0);
  rejects(() => r.getrandbits(-1), RangeError, "k");
  rejects(() => r.getrandbits(2.5), TypeError, "k");
  rejects(() => r.randrange(0), RangeError, "empty range");
  rejects(() => r.randrange(5, 5), RangeError, "empty range");
  rejects(() => r.randrange(0, 10, 0), RangeError, "zero step");
  rejects(() => r.randrange(1.5), RangeError, "non-integer arg 1");
  rejects(() => r.randrange(10, 2.5), RangeError, "non-integer stop");
  rejects(() => r.randrange(10, undefined, 2), TypeError, "Missing a non-None stop");
  rejects(() => r.choice([]), RangeError, "empty sequence");
  rejects(() => r.sample(new Set([1, 2]), 1), TypeError, "sequence");
  rejects(() => r.sample([1, 2], 3), RangeError, "Sample larger");
  rejects(() => r.sample([1, 2], -1), RangeError, "Sample larger");
  rejects(() => r.sample([1, 2], 1, { counts: [0, 0] }), RangeError, "Total of counts");
  rejects(() => r.choices(new Set([1]), { k: 2 }), TypeError, "sequence");
  rejects(() => r.choices([1, 2], { weights: [1] }), RangeError, "number of weights");
  rejects(() => r.choices([1, 2], { weights: [1, 1], cumWeights: [1, 2] }), TypeError, "both");
  rejects(() => r.choices([1, 2], { weights: [0, 0] }), RangeError, "greater than zero");
  rejects(() => r.choices([1, 2], { weights: [1, Infinity] }), RangeError, "finite");
  rejects(() => r.choices([1, 2], { k: 2.5 }), TypeError, "k");
  rejects(() => r.choices([], { k: 1 }), RangeError, "empty population");
  rejects(() => r.gammavariate(0, 1), RangeError, "alpha and beta");
  rejects(() => r.expovariate(0), RangeError, "division by zero");
  rejects(() => r.lognormvariate(1000, 0), RangeError, "math range error");
  rejects(() => r.randbytes(-1), RangeError, "n");
  rejects(() => r.setstate([3, [], null]), RangeError, "state[1]");
  rejects(() => r.setstate([1, [], null]), RangeError, "version");
  rejects(() => r.setstate([3, [...Array(624).fill(0), 625], null]), RangeError, "index");
  assert.deepEqual(r.choices([1, 2], { k: -1 }), []);
  assert.deepEqual(r.choices([1, 2], { k: 0 }), []);
  assert.equal(r.triangular(1, 1, 1), 1);
});
