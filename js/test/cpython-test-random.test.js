/**
 * The tests of CPython 3.11's Lib/test/test_random.py (MersenneTwister_TestBasicOps with the
 * inherited TestBasicOps, TestDistributions, TestRandomSubclassing) ported to JS against
 * compat.python.Random: the same calls, known answers and checks, with Python's exceptions mapped as
 * compat.python.Random maps them (ValueError, IndexError: RangeError; TypeError: TypeError) and
 * Python ints above 2**53 as bigints. The Python suite itself runs against prng.compat.python.Random
 * in tests/test_cpython_random_suite.py; expected values are CPython's (PSF License).
 *
 * Not ported (no JS counterpart): test_pickling, test_bug_1727780 (pickle files), test_bug_31478 (an
 * int subclass with a bad __abs__), test_choice_with_numpy (a list subclass refusing bool()),
 * test_randbelow_logic (checks math.log only), test_seed_when_randomness_source_not_found (mocks
 * os.urandom), test_sample_on_seqsets (an abc.Sequence that is also an abc.Set), and the
 * keyword-argument forms of test_seedargs and test_random_subclass_with_kwargs.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Random } from "../src/compat/python.js";

const gen = new Random();
const range = (n) => Array.from({ length: n }, (_, i) => i);
const hex = (x) => {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  const bits = v.getBigUint64(0);
  const e = Number((bits >> 52n) & 0x7ffn) - 1023;
  return `0x1.${(bits & ((1n << 52n) - 1n)).toString(16).padStart(13, "0")}p${e >= 0 ? "+" : ""}${e}`;
};
const almostEqual = (a, b, places = 7) => assert.ok(Math.round((a - b) * 10 ** places) === 0, `${a} vs ${b}`);
const randomlist = (n) => Array.from({ length: n }, () => gen.random());
const factorial = (n) => (n <= 1 ? 1 : n * factorial(n - 1));
const bytesOf = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe("TestBasicOps (MersenneTwister_TestBasicOps)", () => {
  test("test_autoseed", () => {
    gen.seed();
    const state1 = gen.getstate();
    gen.seed();
    assert.notDeepEqual(state1, gen.getstate());
  });

  test("test_saverestore", () => {
    gen.seed();
    const state = gen.getstate();
    const randseq = randomlist(1000);
    gen.setstate(state);
    assert.deepEqual(randseq, randomlist(1000));
  });

  test("test_seedargs", () => {
    for (const arg of [undefined, 0, 1, -1, 10n ** 20n, -(10n ** 20n), false, true, 3.14, "a"]) gen.seed(arg);
    for (const arg of [{ re: 1, im: 2 }, ["a", "b", "c"], { hash: () => -1729 }]) assert.throws(() => gen.seed(arg), TypeError);
    for (const arg of [range(3), { one: 1 }]) assert.throws(() => gen.seed(arg), TypeError);
    assert.throws(() => new Random([]), TypeError);
  });

  test("test_seed_no_mutate_bug_44018", () => {
    const a = bytesOf("1234");
    gen.seed(a);
    assert.deepEqual(a, bytesOf("1234"));
  });

  test("test_shuffle", () => {
    let lst = [];
    gen.shuffle(lst);
    assert.deepEqual(lst, []);
    lst = [37];
    gen.shuffle(lst);
    assert.deepEqual(lst, [37]);
    const seqs = range(10).map(range);
    const shuffled = range(10).map(range);
    shuffled.forEach((s) => gen.shuffle(s));
    seqs.forEach((seq, i) => {
      assert.equal(seq.length, shuffled[i].length);
      assert.deepEqual(new Set(seq), new Set(shuffled[i]));
    });
    lst = range(1000);
    const shuffledLst = range(1000);
    gen.shuffle(shuffledLst);
    assert.notDeepEqual(lst, shuffledLst);
    gen.shuffle(lst);
    assert.notDeepEqual(lst, shuffledLst);
    assert.throws(() => gen.shuffle(Object.freeze([1, 2, 3])), TypeError);
  });

  test("test_choice", () => {
    assert.throws(() => gen.choice([]), RangeError);
    assert.equal(gen.choice([50]), 50);
    assert.ok([25, 75].includes(gen.choice([25, 75])));
  });

  test("test_sample", () => {
    const N = 100;
    const population = range(N);
    for (let k = 0; k <= N; k++) {
      const s = gen.sample(population, k);
      assert.equal(s.length, k);
      assert.equal(new Set(s).size, k);
      assert.ok(s.every((x) => population.includes(x)));
    }
    assert.deepEqual(gen.sample([], 0), []);
    assert.throws(() => gen.sample(population, N + 1), RangeError);
    assert.throws(() => gen.sample([], -1), RangeError);
  });

  test("test_sample_distribution", () => {
    const n = 5;
    const pop = range(n);
    for (let k = 0; k < n; k++) {
      const expected = factorial(n) / factorial(n - k);
      const perms = new Set();
      let i = 0;
      for (; i < 10000 && perms.size < expected; i++) perms.add(gen.sample(pop, k).join());
      assert.equal(perms.size, expected);
    }
  });

  test("test_sample_inputs", () => {
    gen.sample(range(20), 2);
    gen.sample("abcdefghijklmnopqrst", 2);
    gen.sample("abcdefghijklmnopqrst".split(""), 2);
  });

  test("test_sample_on_dicts", () => {
    assert.throws(() => gen.sample({ a: null, b: null, c: null, d: null, e: null, f: null }, 2), TypeError);
  });

  test("test_sample_on_sets", () => {
    assert.throws(() => gen.sample(new Set([10, 20, 30, 40, 50, 60, 70]), 5), TypeError);
  });

  test("test_sample_with_counts", () => {
    const count = (xs) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map());
    const colors = ["red", "green", "blue", "orange", "black", "brown", "amber"];
    const counts = [500, 200, 20, 10, 5, 0, 1];
    for (const k of [700, counts.reduce((a, b) => a + b)]) {
      const summary = count(gen.sample(colors, k, { counts }));
      assert.equal([...summary.values()].reduce((a, b) => a + b), k);
      colors.forEach((color, i) => assert.ok((summary.get(color) ?? 0) <= counts[i]));
      assert.ok(!summary.has("brown"));
    }
    assert.deepEqual(count(gen.sample(["x"], 8, { counts: [10] })), new Map([["x", 8]]));
    const summary = count(gen.sample(colors, 10 * colors.length, { counts: Array(colors.length).fill(10) }));
    colors.forEach((color) => assert.equal(summary.get(color), 10));
    assert.throws(() => gen.sample(["red", "green", "blue"], 10, { counts: 10 }), TypeError);
    assert.throws(() => gen.sample(["red", "green", "blue"], 2, { counts: [-3, -7, -8] }), RangeError);
    assert.throws(() => gen.sample(["red", "green", "blue"], 2, { counts: [0, 0, 0] }), RangeError);
    assert.throws(() => gen.sample(["red", "green"], 21, { counts: [10, 10] }), RangeError);
    assert.throws(() => gen.sample(["red", "green", "blue"], 2, { counts: [1, 2] }), RangeError);
    assert.throws(() => gen.sample(["red", "green", "blue"], 2, { counts: [1, 2, 3, 4] }), RangeError);
  });

  test("test_choices", () => {
    const data = ["red", "green", "blue", "yellow"];
    for (const sample of [
      gen.choices(data, { k: 5 }), gen.choices(data, { weights: range(4), k: 5 }),
      gen.choices(data, { cumWeights: range(4), k: 5 }),
    ]) {
      assert.equal(sample.length, 5);
      assert.ok(Array.isArray(sample) && sample.every((x) => data.includes(x)));
    }
    assert.throws(() => gen.choices(2), TypeError);
    assert.deepEqual(gen.choices(data, { k: 0 }), []);
    assert.deepEqual(gen.choices(data, { k: -1 }), []);
    assert.throws(() => gen.choices(data, { k: 2.5 }), TypeError);
    assert.ok(gen.choices("abcd", { k: 5 }).every((x) => "abcd".includes(x)));
    assert.ok(gen.choices(range(4), { k: 5 }).every((x) => x >= 0 && x < 4));
    assert.throws(() => gen.choices(new Set(range(4)), { k: 2 }), TypeError);
    assert.throws(() => gen.choices(data, { weights: [1, 2], k: 5 }), RangeError);
    assert.throws(() => gen.choices(data, { weights: 10, k: 5 }), TypeError);
    assert.throws(() => gen.choices(data, { weights: [null, null, null, null], k: 5 }), TypeError);
    for (const weights of [[15, 10, 25, 30], [15.1, 10.2, 25.2, 30.3], [1 / 3, 2 / 6, 3 / 6, 4 / 6]]) {
      assert.ok(gen.choices(data, { weights, k: 5 }).every((x) => data.includes(x)));
      assert.ok(gen.choices(data, { cumWeights: weights, k: 5 }).every((x) => data.includes(x)));
    }
    assert.throws(() => gen.choices(data, { cumWeights: [1, 2], k: 5 }), RangeError);
    assert.throws(() => gen.choices(data, { cumWeights: 10, k: 5 }), TypeError);
    assert.throws(() => gen.choices(data, { cumWeights: [null, null, null, null], k: 5 }), TypeError);
    assert.throws(() => gen.choices(data, { weights: range(4), cumWeights: range(4), k: 5 }), TypeError);
    assert.deepEqual(gen.choices("abcd", { weights: [1, 0, 0, 0] }), ["a"]);
    assert.deepEqual(gen.choices("abcd", { weights: [0, 1, 0, 0] }), ["b"]);
    assert.deepEqual(gen.choices("abcd", { weights: [0, 0, 1, 0] }), ["c"]);
    assert.deepEqual(gen.choices("abcd", { weights: [0, 0, 0, 1] }), ["d"]);
    assert.throws(() => gen.choices([], { k: 1 }), RangeError);
    assert.throws(() => gen.choices([], { weights: [], k: 1 }), RangeError);
    assert.throws(() => gen.choices([], { cumWeights: [], k: 5 }), RangeError);
  });

  test("test_choices_subnormal", () => {
    gen.choices([1, 2], { weights: [1e-323, 1e-323], k: 5000 });
  });

  test("test_choices_with_all_zero_weights", () => {
    assert.throws(() => gen.choices("AB", { weights: [0.0, 0.0] }), RangeError);
  });

  test("test_choices_negative_total", () => {
    assert.throws(() => gen.choices("ABC", { weights: [3, -5, 1] }), RangeError);
  });

  test("test_choices_infinite_total", () => {
    for (const weights of [[Infinity], [0.0, Infinity], [-Infinity, 123], [0.0, NaN], [-Infinity, Infinity]]) {
      assert.throws(() => gen.choices("AB".slice(0, weights.length), { weights }), RangeError);
    }
  });

  test("test_gauss", () => {
    for (const seed of [1, 12, 123, 1234, 12345, 123456, 654321]) {
      gen.seed(seed);
      const [x1, y1] = [gen.random(), gen.gauss(0, 1)];
      gen.seed(seed);
      assert.deepEqual([gen.random(), gen.gauss(0, 1)], [x1, y1]);
    }
  });

  test("test_getrandbits", () => {
    for (let k = 1; k < 1000; k++) {
      const v = gen.getrandbits(k);
      assert.ok(v >= 0n && v < 1n << BigInt(k));
    }
    assert.equal(gen.getrandbits(0), 0n);
    for (const span of [1, 2, 3, 4, 31, 32, 32, 52, 53, 54, 119, 127, 128, 129]) {
      const all = (1n << BigInt(span)) - 1n;
      let cum = 0n, cpl = 0n;
      for (let i = 0; i < 100; i++) {
        const v = gen.getrandbits(span);
        cum |= v;
        cpl |= all ^ v;
      }
      assert.equal(cum, all);
      assert.equal(cpl, all);
    }
    assert.throws(() => gen.getrandbits(), TypeError);
    assert.throws(() => gen.getrandbits(-1), RangeError);
    assert.throws(() => gen.getrandbits(10.1), TypeError);
    gen.seed(1234567);
    assert.equal(gen.getrandbits(100), 97904845777343510404718956115n);
  });

  test("test_bug_9025", () => {
    const n = 100000;
    let k = 0;
    for (let i = 0; i < n; i++) if (gen.randrange(6755399441055744) % 3 === 2) k++;
    assert.ok(k / n > 0.3 && k / n < 0.37, String(k / n));
  });

  test("test_randbytes", () => {
    for (let n = 1; n < 10; n++) {
      const data = gen.randbytes(n);
      assert.ok(data instanceof Uint8Array);
      assert.equal(data.length, n);
    }
    assert.deepEqual(gen.randbytes(0), new Uint8Array(0));
    assert.throws(() => gen.randbytes(), TypeError);
    assert.throws(() => gen.randbytes(-1), RangeError);
    assert.throws(() => gen.randbytes(1.0 + 0.5), TypeError);
    const expected = bytesOf("3\xa8\xf9f\xf4\xa4\xd06\x19\x8f\x9f\x82\x02oe\xf0");
    gen.seed(8675309);
    assert.deepEqual(gen.randbytes(16), expected);
    gen.seed(8675309);
    assert.deepEqual(gen.randbytes(0), new Uint8Array(0));
    assert.deepEqual(gen.randbytes(16), expected);
    gen.seed(8675309);
    assert.deepEqual(Uint8Array.from(range(4).flatMap(() => [...gen.randbytes(4)])), expected);
    for (const size of [1, 2, 3]) {
      gen.seed(8675309);
      const want = range(4).flatMap((i) => [...expected.slice(4 * i + 4 - size, 4 * i + 4)]);
      assert.deepEqual(range(4).flatMap(() => [...gen.randbytes(size)]), want);
    }
  });

  test("test_randbytes_getrandbits", () => {
    const gen2 = new Random();
    gen.seed(2849427419);
    gen2.seed(2849427419);
    for (let n = 0; n < 9; n++) {
      const bits = gen2.getrandbits(n * 8);
      assert.deepEqual([...gen.randbytes(n)], range(n).map((i) => Number((bits >> BigInt(8 * i)) & 0xffn)));
    }
  });

  test("test_mu_sigma_default_args", () => {
    assert.equal(typeof gen.normalvariate(), "number");
    assert.equal(typeof gen.gauss(), "number");
  });

  test("test_guaranteed_stable", () => {
    gen.seed(3456147, 1);
    assert.deepEqual(randomlist(4).map(hex),
      ["0x1.ac362300d90d2p-1", "0x1.9d16f74365005p-1", "0x1.1ebb4352e4c4dp-1", "0x1.1a7422abf9c11p-1"]);
    gen.seed("the quick brown fox", 2);
    assert.deepEqual(randomlist(4).map(hex),
      ["0x1.1239ddfb11b7cp-3", "0x1.b3cbb5c51b120p-4", "0x1.8c4f55116b60fp-1", "0x1.63eb525174a27p-1"]);
  });

  const VERSION1 = {
    nofar: ["0x1.8645314505ad7p-1", "0x1.afb1f82e40a40p-5", "0x1.2a59d2285e971p-1", "0x1.56977142a7880p-6"],
    rachel: ["0x1.0b294cc856fcdp-1", "0x1.2ad22d79e77b8p-3", "0x1.3052b9c072678p-2", "0x1.578f332106574p-3"],
    "": ["0x1.b0580f98a7dbep-1", "0x1.84129978f9c1ap-1", "0x1.aeaa51052e978p-2", "0x1.092178fb945a6p-2"],
  };

  test("test_bug_27706", () => {
    for (const [seed, want] of Object.entries(VERSION1)) {
      gen.seed(seed, 1);
      assert.deepEqual(randomlist(4).map(hex), want);
    }
  });

  test("test_bug_31482", () => {
    for (const [seed, want] of Object.entries(VERSION1)) {
      gen.seed(bytesOf(seed), 1);
      assert.deepEqual(randomlist(4).map(hex), want);
    }
    gen.seed(bytesOf("\x00\x20\x40\x60\x80\xA0\xC0\xE0\xF0"), 1);
    assert.deepEqual(randomlist(4).map(hex),
      ["0x1.52c2fde444d23p-1", "0x1.875174f0daea4p-2", "0x1.9e9b2c50e5cd2p-1", "0x1.fa57768bd321cp-2"]);
  });

  test("test_setstate_first_arg", () => {
    assert.throws(() => gen.setstate([1, null, null]), RangeError);
  });

  test("test_setstate_middle_arg", () => {
    const start = gen.getstate();
    assert.throws(() => gen.setstate([2, null, null]), TypeError);
    assert.throws(() => gen.setstate([2, [1, 2, 3], null]), RangeError);
    assert.throws(() => gen.setstate([2, Array(625).fill("a"), null]), TypeError);
    assert.throws(() => gen.setstate([2, [...Array(624).fill(0), "a"], null]), TypeError);
    assert.throws(() => gen.setstate([2, [...Array(624).fill(1), 625], null]), RangeError);
    assert.throws(() => gen.setstate([2, [...Array(624).fill(1), -1], null]), RangeError);
    const bits100 = gen.getrandbits(100);
    gen.setstate(start);
    assert.equal(gen.getrandbits(100), bits100);
    const values = [...gen.getstate()[1]];
    values[624] = NaN;
    assert.throws(() => gen.setstate([2, values, null]), TypeError);
  });

  const REFERENCE_SEED = 61731n + (24903n << 32n) + (614n << 64n) + (42143n << 96n);

  test("test_referenceImplementation", () => {
    const expected = [0.45839803073713259, 0.86057815201978782, 0.92848331726782152, 0.35932681119782461,
      0.081823493762449573, 0.14332226470169329, 0.084297823823520024, 0.53814864671831453,
      0.089215024911993401, 0.78486196105372907];
    gen.seed(REFERENCE_SEED);
    randomlist(2000).slice(-10).forEach((a, i) => almostEqual(a, expected[i], 14));
  });

  test("test_strong_reference_implementation", () => {
    const expected = [0x0eab3258d2231f, 0x1b89db315277a5, 0x1db622a5518016, 0x0b7f9af0d575bf, 0x029e4c4db82240,
      0x04961892f5d673, 0x02b291598e4589, 0x11388382c15694, 0x02dad977c9e1fe, 0x191d96d4d334c6];
    gen.seed(REFERENCE_SEED);
    randomlist(2000).slice(-10).forEach((a, i) => assert.equal(a * 2 ** 53, expected[i]));
  });

  test("test_long_seed", () => {
    gen.seed((1n << (10000n * 8n)) - 1n);
  });

  test("test_53_bits_per_float", () => {
    let cum = 0n;
    for (let i = 0; i < 100; i++) cum |= BigInt(gen.random() * 2 ** 53);
    assert.equal(cum, (1n << 53n) - 1n);
  });

  test("test_bigrand", () => {
    const span = 2n ** 500n;
    let cum = 0n;
    for (let i = 0; i < 100; i++) {
      const r = gen.randrange(span);
      assert.ok(r >= 0n && r < span);
      cum |= r;
    }
    assert.equal(cum, span - 1n);
  });

  test("test_bigrand_ranges", () => {
    for (const i of [40, 80, 160, 200, 211, 250, 375, 512, 550]) {
      const start = gen.randrange(2n ** BigInt(i - 2));
      const stop = gen.randrange(2n ** BigInt(i));
      if (stop <= start) continue;
      const r = gen.randrange(start, stop);
      assert.ok(start <= r && r < stop);
    }
  });

  test("test_rangelimits", () => {
    for (const [start, stop] of [[-2n, 0n], [-(2n ** 60n) - 2n, -(2n ** 60n)], [2n ** 60n, 2n ** 60n + 2n]]) {
      const seen = new Set(range(100).map(() => gen.randrange(start, stop)));
      assert.deepEqual(seen, new Set([start, start + 1n]));
    }
  });

  test("test_randrange_uses_getrandbits", () => {
    gen.seed(1234567);
    assert.equal(gen.randrange(2n ** 99n), 97904845777343510404718956115n);
  });

  test("test_randbelow_without_getrandbits", () => {
    const maxsize = 2 ** 53;
    gen._randbelowWithoutGetrandbits(maxsize + 1, maxsize);
    gen._randbelowWithoutGetrandbits(5640, maxsize);
    const n = 42, epsilon = 0.01;
    const limit = (maxsize - (maxsize % n)) / maxsize;
    const mocked = Object.create(gen);
    const values = [limit + epsilon, limit - epsilon];
    let calls = 0;
    mocked.random = () => (calls++, values.shift());
    mocked._randbelowWithoutGetrandbits(n, maxsize);
    assert.equal(calls, 2);
  });

  test("test_randrange_bug_1590891", () => {
    const [start, stop, step] = [1000000000000n, -100000000000000000000n, -200n];
    const x = gen.randrange(start, stop, step);
    assert.ok(stop < x && x <= start);
    assert.equal((x + stop) % step, 0n);
  });

  test("test_choices_algorithms", () => {
    const n = 104729;
    gen.seed(8675309);
    const a = gen.choices(range(n), { k: 10000 });
    gen.seed(8675309);
    assert.deepEqual(gen.choices(range(n), { weights: Array(n).fill(1), k: 10000 }), a);
    gen.seed(8675309);
    assert.deepEqual(gen.choices(range(n), { cumWeights: range(n).map((i) => i + 1), k: 10000 }), a);
    const population = ["Red", "Black", "Green"];
    const expanded = [...Array(18).fill("Red"), ...Array(18).fill("Black"), ...Array(2).fill("Green")];
    gen.seed(9035768);
    const b = gen.choices(expanded, { k: 10000 });
    gen.seed(9035768);
    assert.deepEqual(gen.choices(population, { weights: [18, 18, 2], k: 10000 }), b);
    gen.seed(9035768);
    assert.deepEqual(gen.choices(population, { cumWeights: [18, 36, 38], k: 10000 }), b);
  });

  test("test_sample_counts_equivalence", () => {
    const colors = ["red", "green", "blue", "orange", "black", "amber"];
    const counts = [500, 200, 20, 10, 5, 1];
    gen.seed(8675309);
    const s1 = gen.sample(colors, 700, { counts });
    gen.seed(8675309);
    const expanded = colors.flatMap((c, i) => Array(counts[i]).fill(c));
    assert.deepEqual(gen.sample(expanded, 700), s1);
    const pop = "abcdefghi";
    const counts2 = [10, 9, 8, 7, 6, 5, 4, 3, 2];
    gen.seed(8675309);
    const t1 = gen.sample(pop, 30, { counts: counts2 }).join("");
    gen.seed(8675309);
    assert.equal(gen.sample([...pop].flatMap((c, i) => Array(counts2[i]).fill(c)).join(""), 30).join(""), t1);
  });
});

/** test_random.py's Lanczos gamma function (g = 7). */
function gamma(z) {
  if (z < 0.5) return Math.PI / Math.sin(Math.PI * z) / gamma(1.0 - z);
  const az = z + (7.0 - 0.5);
  const terms = [0.9999999999995183, 676.5203681218835 / z, -1259.139216722289 / (z + 1.0),
    771.3234287757674 / (z + 2.0), -176.6150291498386 / (z + 3.0), 12.50734324009056 / (z + 4.0),
    -0.1385710331296526 / (z + 5.0), 0.9934937113930748e-05 / (z + 6.0), 0.1659470187408462e-06 / (z + 7.0)];
  return (az ** (z - 0.5) / Math.exp(az)) * (2.0 * Math.PI) ** 0.5 * terms.reduce((a, b) => a + b);
}

describe("TestDistributions", () => {
  /** A Random whose random() pops from a copy of `values` (the tests' `g.random = x[:].pop`). */
  const popping = (values) => {
    const g = new Random();
    const copy = [...values];
    g.random = () => {
      if (copy.length === 0) throw new RangeError("pop from empty list");
      return copy.pop();
    };
    return g;
  };

  test("test_zeroinputs", () => {
    const g = new Random();
    const x = [...range(50).map(() => g.random()), 0, 0, 0, 0, 0];
    popping(x).uniform(1, 10);
    popping(x).paretovariate(1.0);
    popping(x).expovariate(1.0);
    popping(x).weibullvariate(1.0, 1.0);
    popping(x).vonmisesvariate(1.0, 1.0);
    popping(x).normalvariate(0.0, 1.0);
    popping(x).gauss(0.0, 1.0);
    popping(x).lognormvariate(0.0, 1.0);
    popping(x).vonmisesvariate(0.0, 1.0);
    popping(x).gammavariate(0.01, 1.0);
    popping(x).gammavariate(1.0, 1.0);
    popping(x).gammavariate(200.0, 1.0);
    popping(x).betavariate(3.0, 3.0);
    popping(x).triangular(0.0, 1.0, 1.0 / 3.0);
  });

  test("test_avg_std", () => {
    const N = 5000;
    const x = range(N - 1).map((i) => (i + 1) / N);
    for (const [name, args, mu, sigmasqrd] of [
      ["uniform", [1.0, 10.0], (10.0 + 1.0) / 2, (10.0 - 1.0) ** 2 / 12],
      ["triangular", [0.0, 1.0, 1.0 / 3.0], 4.0 / 9.0, 7.0 / 9.0 / 18.0],
      ["expovariate", [1.5], 1 / 1.5, 1 / 1.5 ** 2],
      ["vonmisesvariate", [1.23, 0], Math.PI, Math.PI ** 2 / 3],
      ["paretovariate", [5.0], 5.0 / (5.0 - 1), 5.0 / ((5.0 - 1) ** 2 * (5.0 - 2))],
      ["weibullvariate", [1.0, 3.0], gamma(1 + 1 / 3.0), gamma(1 + 2 / 3.0) - gamma(1 + 1 / 3.0) ** 2],
    ]) {
      const g = popping(x);
      const y = [];
      for (let i = 0; i < x.length; i++) {
        try {
          y.push(g[name](...args));
        } catch (e) {
          if (!(e instanceof RangeError && e.message === "pop from empty list")) throw e;
        }
      }
      let s1 = 0, s2 = 0;
      for (const e of y) {
        s1 += e;
        s2 += (e - mu) ** 2;
      }
      almostEqual(s1 / y.length, mu, 2);
      almostEqual(s2 / (y.length - 1), sigmasqrd, 2);
    }
  });

  test("test_constant", () => {
    const g = new Random();
    for (const [name, args, expected] of [
      ["uniform", [10.0, 10.0], 10.0], ["triangular", [10.0, 10.0], 10.0], ["triangular", [10.0, 10.0, 10.0], 10.0],
      ["expovariate", [Infinity], 0.0], ["vonmisesvariate", [3.0, Infinity], 3.0], ["gauss", [10.0, 0.0], 10.0],
      ["lognormvariate", [0.0, 0.0], 1.0], ["lognormvariate", [-Infinity, 0.0], 0.0], ["normalvariate", [10.0, 0.0], 10.0],
      ["paretovariate", [Infinity], 1.0], ["weibullvariate", [10.0, Infinity], 10.0], ["weibullvariate", [0.0, 10.0], 0.0],
    ]) {
      for (let i = 0; i < 100; i++) assert.equal(g[name](...args), expected, name);
    }
  });

  test("test_von_mises_range", () => {
    const g = new Random();
    for (const mu of [0.0, 0.1, 3.1, 6.2]) {
      for (const kappa of [0.0, 2.3, 500.0]) {
        for (let i = 0; i < 100; i++) {
          const sample = g.vonmisesvariate(mu, kappa);
          assert.ok(sample >= 0 && sample <= 2 * Math.PI, `vonmisesvariate(${mu}, ${kappa}) produced ${sample}`);
        }
      }
    }
  });

  test("test_von_mises_large_kappa", () => {
    new Random().vonmisesvariate(0, 1e15);
    new Random().vonmisesvariate(0, 1e100);
  });

  test("test_gammavariate_errors", () => {
    const g = new Random();
    assert.throws(() => g.gammavariate(-1, 3), RangeError);
    assert.throws(() => g.gammavariate(0, 2), RangeError);
    assert.throws(() => g.gammavariate(2, 0), RangeError);
    assert.throws(() => g.gammavariate(1, -3), RangeError);
  });

  /** A Random whose random() returns `values` in order (the tests' mock side_effect). */
  const mocked = (values) => {
    const g = new Random();
    const queue = [...values];
    g.random = () => queue.shift();
    return g;
  };

  test("test_gammavariate_alpha_greater_one", () => {
    almostEqual(mocked([1e-8, 0.5, 0.3]).gammavariate(1.1, 2.3), 2.53);
  });

  test("test_gammavariate_alpha_equal_one", () => {
    almostEqual(mocked([0.45]).gammavariate(1.0, 3.14), 1.877208182372648);
  });

  test("test_gammavariate_alpha_equal_one_equals_expovariate", () => {
    almostEqual(mocked([1e-8, 1e-8]).gammavariate(1.0, 3.14), mocked([1e-8, 1e-8]).expovariate(1.0 / 3.14));
  });

  test("test_gammavariate_alpha_between_zero_and_one", () => {
    const epsilon = 0.01;
    let [r1, r2] = [0.8859296441566, 0.3678794411714];
    almostEqual(mocked([r1, r2 + epsilon, r1, r2]).gammavariate(0.35, 1.45), 1.4499999999997544);
    [r1, r2] = [0.8959296441566, 0.9445400408898141];
    almostEqual(mocked([r1, r2 + epsilon, r1, r2]).gammavariate(0.35, 1.45), 1.5830349561760781);
  });

  test("test_betavariate_return_zero", () => {
    const g = new Random();
    g.gammavariate = () => 0.0;
    assert.equal(g.betavariate(2.71828, 3.14159), 0.0);
  });
});

describe("TestRandomSubclassing", () => {
  test("test_random_subclass_with_kwargs", () => {
    class Subclass extends Random {
      constructor({ newarg } = {}) {
        super();
        this.newarg = newarg;
      }
    }
    new Subclass({ newarg: 1 });
  });

  test("test_subclasses_overriding_methods", () => {
    let called = new Set();
    const withRandom = (Base, name) => class extends Base {
      random() {
        called.add(`${name}.random`);
        return Random.prototype.random.call(this);
      }
    };
    const withGetrandbits = (Base, name) => class extends Base {
      getrandbits(n) {
        called.add(`${name}.getrandbits`);
        return Random.prototype.getrandbits.call(this, n);
      }
    };
    const check = (Class, expected) => {
      called = new Set();
      new Class().randrange(42);
      assert.deepEqual([...called], expected);
    };
    const SubClass1 = withGetrandbits(withRandom(Random, "SubClass1"), "SubClass1");
    check(SubClass1, ["SubClass1.getrandbits"]);
    const SubClass2 = withRandom(Random, "SubClass2");
    check(SubClass2, ["SubClass2.random"]);
    const SubClass3 = withGetrandbits(SubClass2, "SubClass3");
    check(SubClass3, ["SubClass3.getrandbits"]);
    const SubClass4 = withRandom(SubClass3, "SubClass4");
    check(SubClass4, ["SubClass4.random"]);
    // JS has no multiple inheritance: CPython's mixin cases are a mixin applied on top of Random
    check(class SubClass5 extends withRandom(Random, "Mixin1") {}, ["Mixin1.random"]);
    check(class SubClass6 extends withGetrandbits(Random, "Mixin2") {}, ["Mixin2.getrandbits"]);
    check(class SubClass7 extends withRandom(withGetrandbits(Random, "Mixin2"), "Mixin1") {}, ["Mixin1.random"]);
    check(class SubClass8 extends withGetrandbits(withRandom(Random, "Mixin1"), "Mixin2") {}, ["Mixin2.getrandbits"]);
  });
});
