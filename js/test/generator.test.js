/**
 * Replays every case of kind "generator" of every vector file (numpy.random.Generator on numpy's bit
 * generators: vectors/generator.json, numpy_continuous.json, numpy_discrete.json, ...; schema: vectors/README.md,
 * "Distribution cases") through the JS Generator, then compares the bit generator's state. Also checks that js/src/ziggurat_tables.js is what js/scripts/make_ziggurat.mjs
 * makes of prng/data/ziggurat.json, value for value.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as prng from "../src/index.js";
import { Generator, defaultRng } from "../src/generator.js";
import * as tables from "../src/ziggurat_tables.js";
import { JSON_PATH, MODULE_PATH, render } from "../scripts/make_ziggurat.mjs";
import { bigOrList, fromHex, vectorFiles } from "./helpers.js";
import { CONTINUOUS_CALLS, DISCRETE_CALLS, NOT_IN_JS, arg, countOf, encoded, expected, num, param } from "./vector-calls.js";

/** How each recorded numpy Generator call is made on the JS Generator. */
const CALLS = {
  random: (g, c, n) => g.random(n, { dtype: c.kwargs.dtype ?? "float64" }),
  integers: (g, c, n) => {
    const options = { dtype: c.kwargs.dtype ?? "int64", endpoint: c.kwargs.endpoint ?? false };
    return g.integers(param(c, 0, "low"), param(c, 1, "high", null), n, options); // array bounds broadcast
  },
  standard_normal: (g, c, n) => g.standardNormal(n, { dtype: c.kwargs.dtype ?? "float64" }),
  permutation: (g, c) => g.permutation(num(c.args[0])),
  shuffle: (g, c) => {
    const x = arg(c.args[0]).map(Number);
    g.shuffle(x);
    return x;
  },
  choice: (g, c, n) => g.choice(num(c.args[0]), n, {
    replace: c.kwargs.replace ?? true, shuffle: c.kwargs.shuffle ?? true,
  }),
  bytes: (g, c) => Buffer.from(g.bytes(num(c.args[0]))).toString("hex"),
  ...CONTINUOUS_CALLS,
  ...DISCRETE_CALLS,
};

function makeBitGenerator(make) {
  return new prng[make.class](bigOrList(make.seed));
}

/** Every case of kind "generator" in every vector file, with its file. */
const cases = vectorFiles().flatMap(([file, d]) => d.cases.filter((c) => c.kind === "generator").map((c) => [file, c]));

for (const [file, kase] of cases) {
  const missing = kase.calls.find((call) => Object.hasOwn(NOT_IN_JS, call.method));
  test(`${file}: ${kase.name}`, { skip: missing && NOT_IN_JS[missing.method] }, (t) => {
    const gen = new Generator(makeBitGenerator(kase.make));
    let values = 0;
    kase.calls.forEach((call, i) => {
      values += call.method === "bytes" ? call.expect.length / 2 : call.expect.length;
      const where = `call ${i}: ${call.method}(${JSON.stringify(call.args).slice(0, 60)}, ${JSON.stringify(call.kwargs)})`;
      assert.ok(Object.hasOwn(CALLS, call.method), `${where}: no JS call for numpy's Generator.${call.method}`);
      const result = CALLS[call.method](gen, call, call.shape === undefined ? undefined : countOf(call.shape));
      if (call.method === "bytes") assert.equal(result, call.expect, where);
      else assert.deepEqual(encoded(result, call.dtype), expected(call), where);
    });
    assert.deepEqual(gen.bitGenerator.state, kase.state);
    t.diagnostic(`${kase.calls.length} calls, ${values} values equal to numpy's`);
  });
}

test("the vectors reach the ziggurat's normal tail", () => {
  assert.ok(cases.reduce((sum, [, c]) => sum + (c.normal_tail_values ?? 0), 0) > 0);
});

test("defaultRng(seed) is Generator(PCG64(seed)); Generators and bit generators pass through", () => {
  assert.deepEqual(defaultRng(7).random(3), new Generator(new prng.PCG64(7)).random(3));
  const g = defaultRng(1);
  assert.equal(defaultRng(g), g);
  const mt = new prng.MT19937(1);
  assert.equal(defaultRng(mt).bitGenerator, mt);
});

test("ziggurat_tables.js is up to date with prng/data/ziggurat.json", () => {
  const json = JSON.parse(readFileSync(JSON_PATH, "utf8"));
  assert.equal(readFileSync(MODULE_PATH, "utf8"), render(json), "run: node js/scripts/make_ziggurat.mjs");
  const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  for (const [name, value] of Object.entries(json.scalars)) assert.equal(tables[camel(name)], fromHex(value), name);
  for (const [name, values] of Object.entries(json.tables)) {
    const decoded = values.map((v) => (typeof v === "string" ? fromHex(v) : v));
    assert.deepEqual(Array.from(tables[camel(name)]), decoded, name);
  }
});

test("bad arguments: TypeError / RangeError naming the argument", () => {
  const g = defaultRng(0);
  const rejects = (fn, type, name) =>
    assert.throws(fn, (e) => e instanceof type && e.message.includes(name), `expected ${type.name} naming ${name}`);
  rejects(() => new Generator({}), TypeError, "bitGenerator");
  rejects(() => g.random(-1), RangeError, "n");
  rejects(() => g.random(1.5), RangeError, "n");
  rejects(() => g.random(2, { dtype: "float16" }), TypeError, "dtype");
  rejects(() => g.integers(0, 10, 3, { dtype: "int128" }), TypeError, "dtype");
  rejects(() => g.integers(-1, 10, 3, { dtype: "uint8" }), RangeError, "low");
  rejects(() => g.integers(0, 257, 3, { dtype: "uint8" }), RangeError, "high");
  rejects(() => g.integers(5, 5, 3), RangeError, "high");
  rejects(() => g.integers(0.5, 5, 3), TypeError, "low");
  rejects(() => g.exponential(-1, 3), RangeError, "scale");
  rejects(() => g.shuffle("abc"), TypeError, "x");
  rejects(() => g.permutation(-3), RangeError, "x");
  rejects(() => g.choice(0, 3), RangeError, "a");
  rejects(() => g.choice(5, 6, { replace: false }), RangeError, "n");
  rejects(() => g.bytes(-1), RangeError, "length");
});

test("results: typed arrays by dtype, scalars when n is omitted, arrays picked from", () => {
  const g = defaultRng(3);
  assert.ok(g.random(2) instanceof Float64Array);
  assert.ok(g.random(2, { dtype: "float32" }) instanceof Float32Array);
  assert.ok(g.standardNormal(2, { dtype: "float32" }) instanceof Float32Array);
  assert.equal(typeof g.random(), "number");
  assert.equal(typeof g.integers(0, 10), "bigint");
  assert.equal(typeof g.integers(0, 10, undefined, { dtype: "int32" }), "number");
  assert.equal(typeof g.integers(0, 2, undefined, { dtype: "bool" }), "boolean");
  assert.ok(g.integers(0, 10, 2, { dtype: "uint64" }) instanceof BigUint64Array);
  assert.ok(g.integers(0, 10, 2, { dtype: "int8" }) instanceof Int8Array);
  assert.deepEqual(g.integers(0, 10, 0), new BigInt64Array(0));
  const picked = g.choice(["a", "b", "c"], 4);
  assert.ok(Array.isArray(picked) && picked.every((x) => "abc".includes(x)));
  assert.ok(g.choice(new Int16Array([4, 5, 6]), 2, { replace: false }) instanceof Int16Array);
  assert.ok(g.permutation(new Uint8Array([1, 2, 3])) instanceof Uint8Array);
});

test("continuous methods: numpy's constraints, TypeError / RangeError naming the argument", () => {
  const g = defaultRng(0);
  const rejects = (fn, type, name) =>
    assert.throws(fn, (e) => e instanceof type && e.message.includes(name), `expected ${type.name} naming ${name}`);
  rejects(() => g.normal(0, -1), RangeError, "scale");
  rejects(() => g.normal(0, -0), RangeError, "scale"); // numpy's signbit test rejects -0.0
  rejects(() => g.normal(0, [1, -1]), RangeError, "scale[1]");
  rejects(() => g.normal("0", 1), TypeError, "loc");
  rejects(() => g.gamma(-1), RangeError, "shape");
  rejects(() => g.standardGamma(-1, 2, { dtype: "float32" }), RangeError, "shape");
  rejects(() => g.standardGamma(1, 2, { dtype: "float16" }), TypeError, "dtype");
  rejects(() => g.beta(0, 1), RangeError, "a");
  rejects(() => g.f(1, 0), RangeError, "dfden");
  rejects(() => g.noncentralF(1, 1, -1), RangeError, "nonc");
  rejects(() => g.wald(1, 0), RangeError, "scale");
  rejects(() => g.vonmises(0, -1), RangeError, "kappa");
  rejects(() => g.pareto(0), RangeError, "a");
  rejects(() => g.uniform(0, -1), RangeError, "high - low");
  rejects(() => g.uniform(-Infinity, 1), RangeError, "high - low");
  rejects(() => g.triangular(2, 1, 3), RangeError, "mode");
  rejects(() => g.triangular(1, 1, 1), RangeError, "right");
  rejects(() => g.normal([0, 1, 2], [1, 1]), RangeError, "do not broadcast");
  rejects(() => g.normal(0, 1, -1), RangeError, "n");
  rejects(() => g.dirichlet([1, -1]), RangeError, "alpha[1]");
  rejects(() => g.dirichlet(1), TypeError, "alpha");
  rejects(() => g.standardExponential(2, { method: "ziggurat" }), TypeError, "method");
  // What numpy lets through: NaN for CONS_NON_NEGATIVE / CONS_POSITIVE parameters (a NaN result, no error).
  assert.ok(Number.isNaN(g.exponential(NaN)));
  assert.ok(Number.isNaN(g.noncentralChisquare(3, NaN)));
  assert.ok(Number.isNaN(g.vonmises(0, NaN)));
});

test("continuous methods: results, broadcasting and the draws they take", () => {
  const g = defaultRng(1);
  assert.equal(typeof g.gamma(2), "number");
  assert.ok(g.gamma(2, 1, 3) instanceof Float64Array);
  assert.ok(g.standardGamma(2, 3, { dtype: "float32" }) instanceof Float32Array);
  assert.equal(g.normal([0, 10, 20], 1).length, 3);
  assert.equal(g.normal([5], 1, 4).length, 4);
  assert.equal(g.dirichlet([1, 2, 3]).length, 3);
  assert.equal(g.dirichlet([1, 2, 3], 4).length, 12);
  // weibull(0) and standard_gamma(0) are 0 without a draw; normal(loc, 0) still draws.
  const a = defaultRng(2), b = defaultRng(2);
  assert.deepEqual(a.weibull(0, 3), new Float64Array(3));
  assert.deepEqual(a.standardGamma(0, 3), new Float64Array(3));
  assert.equal(a.random(), b.random());
  assert.deepEqual(a.normal(7, 0, 2), Float64Array.of(7, 7));
  assert.notEqual(a.random(), b.random());
});

test("discrete methods: bad arguments are a TypeError / RangeError naming the argument, before any draw", () => {
  const g = defaultRng(0);
  const before = g.bitGenerator.state;
  const rejects = (fn, type, name) =>
    assert.throws(fn, (e) => e instanceof type && e.message.includes(name), `expected ${type.name} naming ${name}`);
  rejects(() => g.poisson(-1), RangeError, "lam");
  rejects(() => g.poisson(NaN), RangeError, "lam");
  rejects(() => g.poisson(2 ** 63), RangeError, "lam");
  rejects(() => g.poisson([1, -1, 2]), RangeError, "lam[1]");
  rejects(() => g.poisson("3"), TypeError, "lam");
  rejects(() => g.binomial(-1, 0.5), RangeError, "n");
  rejects(() => g.binomial(1.5, 0.5), TypeError, "n");
  rejects(() => g.binomial(10, 1.5), RangeError, "p");
  rejects(() => g.binomial(2n ** 60n, 0.5), RangeError, "n");
  rejects(() => g.geometric(0), RangeError, "p");
  rejects(() => g.negativeBinomial(NaN, 0.5), RangeError, "n");
  rejects(() => g.negativeBinomial(1, 0), RangeError, "p");
  rejects(() => g.negativeBinomial(1e19, 0.5), RangeError, "n too large");
  rejects(() => g.logseries(1), RangeError, "p");
  rejects(() => g.zipf(1), RangeError, "a");
  rejects(() => g.hypergeometric(10 ** 9, 1, 1), RangeError, "ngood");
  rejects(() => g.hypergeometric(1, 1, 3), RangeError, "nsample");
  rejects(() => g.hypergeometric([1, 5], 1, [2, 7]), RangeError, "nsample");
  rejects(() => g.poisson([1, 2, 3], 2), RangeError, "lam");
  rejects(() => g.multinomial(10, [0.6, 0.6, 0.1]), RangeError, "pvals");
  rejects(() => g.multinomial(10, []), RangeError, "pvals");
  rejects(() => g.multinomial(10, [[0.5, 0.5], [1]]), RangeError, "pvals[1]");
  rejects(() => g.multinomial([1, 2, 3], [[0.5, 0.5], [0.2, 0.8]]), RangeError, "n");
  rejects(() => g.multinomial(-1, [0.5, 0.5]), RangeError, "n");
  rejects(() => g.multivariateHypergeometric([2, 3], 6), RangeError, "nsample");
  rejects(() => g.multivariateHypergeometric([2, -3], 1), RangeError, "colors[1]");
  rejects(() => g.multivariateHypergeometric([10 ** 9], 1), RangeError, "sum(colors)");
  rejects(() => g.multivariateHypergeometric([2, 3], 1, 1, { method: "fast" }), RangeError, "method");
  rejects(() => g.integers([0, 5], [10, 5]), RangeError, "high[1]");
  rejects(() => g.integers([0, -1], 10, undefined, { dtype: "uint8" }), RangeError, "low[1]");
  rejects(() => g.integers([0, 1, 2], [3, 4]), RangeError, "broadcast");
  assert.deepEqual(g.bitGenerator.state, before);
});

test("discrete methods: int64 results (bigint scalars, BigInt64Array), broadcast parameters value by value", () => {
  const g = defaultRng(1);
  assert.equal(typeof g.poisson(3), "bigint");
  assert.ok(g.poisson(3, 2) instanceof BigInt64Array);
  assert.ok(g.poisson([3, 4]) instanceof BigInt64Array);
  assert.equal(g.multinomial(5, [0.5, 0.5], 3).length, 6);
  assert.equal(g.multivariateHypergeometric([1, 2, 3], 2, 4, { method: "count" }).length, 12);
  // a broadcast call draws as the scalar calls in turn (numpy iterates the broadcast in order)
  const [a, b] = [defaultRng(5), defaultRng(5)];
  const lams = [0.5, 30, 4, 1e6];
  assert.deepEqual(a.poisson(lams), BigInt64Array.from(lams, (l) => b.poisson(l)));
  assert.deepEqual(a.binomial([5, 500], [0.5, 0.2]), BigInt64Array.of(b.binomial(5, 0.5), b.binomial(500, 0.2)));
  assert.deepEqual(a.integers([0, 10], 2 ** 40), BigInt64Array.of(b.integers(0, 2 ** 40), b.integers(10, 2 ** 40)));
  // INT64_MAX where numpy's geometric inversion saturates
  assert.deepEqual(defaultRng(0).geometric(1e-300, 2), BigInt64Array.of(2n ** 63n - 1n, 2n ** 63n - 1n));
});
