/**
 * CPython's `random.Random` (3.11+) on prng's MT19937, value for value (prng/compat/python.py in JS).
 *
 * Seeding follows `Random.seed` (Lib/random.py) and `random_seed` (Modules/_randommodule.c): the seed
 * becomes an integer whose absolute value's 32-bit words, least significant first, go through
 * mt19937ar's `init_by_array` (`MT19937.fromArray`). The methods follow Lib/random.py; every integer
 * draw goes through `getrandbits` (`_randbelow_with_getrandbits`). `log`, `exp`, `sin` and `cos` are
 * the glibc-exact ports in ../libm, so `gauss` and `normalvariate` give CPython's bits.
 *
 * Integers: `getrandbits` returns a bigint; `randrange`/`randint` return a bigint when an argument is
 * a bigint and a number otherwise (number arguments must be safe integers).
 */
import { describe, toBigInt, toCount } from "../checks.js";
import { cos, exp, log, sin } from "../libm/index.js";
import { MT19937 } from "../mt19937.js";

const N = 624;
const VERSION = 3;
const TWO_32 = 2 ** 32;
const TAU = 2 * Math.PI;
const NV_MAGICCONST = (4 * exp(-0.5)) / Math.sqrt(2.0);

// ---- SHA-512 (FIPS 180-4), for version-2 string seeding; seeding only, so BigInt is fine here ----

const M64 = (1n << 64n) - 1n;

/** floor(n ** (1/k)) for a bigint n > 0, by Newton's method from above. */
function integerRoot(n, k) {
  let x = BigInt(Math.ceil(Number(n) ** (1 / k) * (1 + 1e-9))) + 1n;
  for (;;) {
    const y = (BigInt(k - 1) * x + n / x ** BigInt(k - 1)) / BigInt(k);
    if (y >= x) return x;
    x = y;
  }
}

/** The first `count` primes. */
function primes(count) {
  const out = [];
  for (let p = 2; out.length < count; p++) if (out.every((q) => p % q !== 0)) out.push(p);
  return out;
}

/** SHA-512's constants: 64 fractional bits of the square roots (H0) and cube roots (K) of primes. */
const SHA512_PRIMES = primes(80).map(BigInt);
const SHA512_H0 = SHA512_PRIMES.slice(0, 8).map((p) => integerRoot(p << 128n, 2) & M64);
const SHA512_K = SHA512_PRIMES.map((p) => integerRoot(p << 192n, 3) & M64);

const rotr = (x, n) => ((x >> n) | (x << (64n - n))) & M64;

/** The SHA-512 digest of `bytes` (a Uint8Array), as 64 bytes. */
function sha512(bytes) {
  const length = Math.ceil((bytes.length + 17) / 128) * 128;
  const padded = new Uint8Array(length);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  new DataView(padded.buffer).setBigUint64(length - 8, BigInt(bytes.length) * 8n);
  const view = new DataView(padded.buffer);
  const h = [...SHA512_H0];
  const w = new Array(80);
  for (let block = 0; block < length; block += 128) {
    for (let t = 0; t < 16; t++) w[t] = view.getBigUint64(block + 8 * t);
    for (let t = 16; t < 80; t++) {
      const s0 = rotr(w[t - 15], 1n) ^ rotr(w[t - 15], 8n) ^ (w[t - 15] >> 7n);
      const s1 = rotr(w[t - 2], 19n) ^ rotr(w[t - 2], 61n) ^ (w[t - 2] >> 6n);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & M64;
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 80; t++) {
      const t1 = hh + (rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n)) + ((e & f) ^ (~e & M64 & g)) + SHA512_K[t] + w[t];
      const t2 = (rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n)) + ((a & b) ^ (a & c) ^ (b & c));
      [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) & M64, c, b, a, (t1 + t2) & M64];
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => { h[i] = (h[i] + v) & M64; });
  }
  const digest = new Uint8Array(64);
  h.forEach((v, i) => new DataView(digest.buffer).setBigUint64(8 * i, v));
  return digest;
}

// ---- seeding ----

/**
 * The 32-bit words of a non-empty big-endian byte string read as one integer, least significant
 * first, without leading zero words.
 */
function wordsOfBytes(bytes) {
  const words = [];
  for (let end = bytes.length; end > 0; end -= 4) {
    let word = 0;
    for (let i = Math.max(0, end - 4); i < end; i++) word = word * 256 + bytes[i];
    words.push(word);
  }
  while (words.length > 1 && words[words.length - 1] === 0) words.pop();
  return words;
}

/** The 32-bit words of `abs(value)` (a bigint), least significant first (at least one). */
function wordsOfInt(value) {
  let n = value < 0n ? -value : value;
  const words = [];
  do {
    words.push(Number(n & 0xffffffffn));
    n >>= 32n;
  } while (n > 0n);
  return words;
}

/**
 * CPython's seed-to-key rule: undefined -> 624 OS-random words; an integer (safe number or bigint,
 * any sign) -> the words of its absolute value; a string (UTF-8) or Uint8Array -> the integer of
 * `bytes + sha512(bytes)` (version 2).
 */
function seedWords(a) {
  if (a === undefined || a === null) return Array.from(globalThis.crypto.getRandomValues(new Uint32Array(N)));
  if (typeof a === "string" || a instanceof Uint8Array) {
    const raw = typeof a === "string" ? new TextEncoder().encode(a) : a;
    const joined = new Uint8Array(raw.length + 64);
    joined.set(raw);
    joined.set(sha512(raw), raw.length);
    return wordsOfBytes(joined);
  }
  if (typeof a === "bigint" || Number.isSafeInteger(a)) return wordsOfInt(BigInt(a));
  throw new TypeError(`seed must be an integer (safe number or bigint), a string or a Uint8Array, got ${describe(a)}`);
}

/** The number of bits of `n` > 0 (a safe integer number or a bigint): Python's `n.bit_length()`. */
function bitLength(n) {
  if (typeof n === "bigint") return n.toString(2).length;
  return n < TWO_32 ? 32 - Math.clz32(n) : 64 - Math.clz32(Math.floor(n / TWO_32));
}

/** Python's `bisect.bisect_right(a, x, lo, hi)`. */
function bisectRight(a, x, lo, hi) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < a[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `value` as a safe integer number (any sign). */
function toSafeInteger(value, name) {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`${name} must be a safe integer or a bigint, got ${describe(value)}`);
  }
  return value;
}

/** Python's `a // b` for two bigints, or two safe integers (whose rounded quotient never crosses an integer). */
function floorDiv(a, b) {
  if (typeof a === "number") return Math.floor(a / b);
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Running sums of `values` (Python's `itertools.accumulate`). */
function accumulate(values) {
  let total = 0;
  return Array.from(values, (v) => (total += v));
}

export class Random {
  /** CPython's `random.Random(x)`: the same values for the same seed. */
  constructor(x) {
    this.seed(x);
  }

  /**
   * `Random.seed(a)`: an integer (any size; the sign is ignored), a string or bytes (version 2), or
   * undefined (OS entropy).
   */
  seed(a) {
    this._mt = MT19937.fromArray(seedWords(a));
    this.gaussNext = null;
  }

  /** `Random.getstate()`: `[3, [624 key words..., index], gaussNext]`. */
  getstate() {
    const { key, pos } = this._mt.state.state;
    return [VERSION, [...key, pos], this.gaussNext];
  }

  /** `Random.setstate(state)` for version 3 (and version 2, whose words are taken mod 2**32). */
  setstate(state) {
    if (!Array.isArray(state) || state.length !== 3) {
      throw new TypeError(`state must be [version, internalState, gaussNext], got ${describe(state)}`);
    }
    const [version, internal, gaussNext] = state;
    if (version !== 2 && version !== 3) {
      throw new RangeError(`state[0] (version) must be 2 or 3, got ${describe(version)}`);
    }
    if (!Array.isArray(internal) || internal.length !== N + 1) {
      throw new RangeError(`state[1] must be an array of ${N + 1} integers, got ${describe(internal)}`);
    }
    const mod32 = (w) => Number(BigInt.asUintN(32, toBigInt(w, "state[1]")));
    const key = internal.slice(0, N).map(version === 2 ? mod32 : (w) => w);
    this._mt.state = { bit_generator: "MT19937", state: { key, pos: internal[N] } };
    this.gaussNext = gaussNext ?? null;
  }

  /** `random()`: 53-bit double from two words, `(a >> 5) * 2**26 + (b >> 6)` over 2**53. */
  random() {
    return this._mt.nextDouble();
  }

  /** `getrandbits(k)` as a number, for k <= 53: words least significant first; the last keeps its top bits. */
  _randbits(k) {
    if (k <= 32) return k === 0 ? 0 : this._mt.nextUint32() >>> (32 - k);
    const low = this._mt.nextUint32();
    return (this._mt.nextUint32() >>> (64 - k)) * TWO_32 + low;
  }

  /** `getrandbits(k)`, as a bigint: 32-bit words least significant first; the last keeps its top bits. */
  getrandbits(k) {
    toCount(k, "k");
    let result = 0n;
    for (let shift = 0n; k > 0; k -= 32, shift += 32n) {
      result |= BigInt(this._mt.nextUint32() >>> (32 - Math.min(k, 32))) << shift;
    }
    return result;
  }

  /** `_randbelow_with_getrandbits(n)`: redraw `n.bit_length()` bits until below `n` (a number or bigint). */
  _randbelow(n) {
    const k = bitLength(n);
    const draw = typeof n === "bigint" ? () => this.getrandbits(k) : () => this._randbits(k);
    let r = draw();
    while (r >= n) r = draw();
    return r;
  }

  /**
   * `randrange(start, stop, step)` on integers; `randrange(stop)` when `stop` is undefined. Numbers
   * (safe integers) give a number, bigints a bigint; the arithmetic is done in the arguments' type
   * (in bigints when a number range is too wide for exact doubles).
   */
  randrange(start, stop, step = 1) {
    const big = [start, stop, step].some((v) => typeof v === "bigint");
    const int = big ? toBigInt : toSafeInteger;
    const [zero, one] = big ? [0n, 1n] : [0, 1];
    const s = int(start, "start");
    if (stop === undefined) {
      if (int(step, "step") !== one) throw new TypeError("randrange: step needs a stop argument");
      if (s <= zero) throw new RangeError(`randrange: stop must be > 0, got ${start}`);
      return this._randbelow(s);
    }
    const e = int(stop, "stop"), st = int(step, "step");
    if (st === zero) throw new RangeError("randrange: step must not be 0");
    const width = e - s, top = st > zero ? width + st - one : width + st + one;
    if (!big && !(Number.isSafeInteger(width) && Number.isSafeInteger(top))) {
      return Number(this.randrange(BigInt(s), BigInt(e), BigInt(st)));
    }
    const count = floorDiv(top, st);
    if (count <= zero) throw new RangeError(`randrange: empty range (${start}, ${stop}, ${step})`);
    return s + st * this._randbelow(count);
  }

  /** `randint(a, b)`: `randrange(a, b + 1)`. */
  randint(a, b) {
    return this.randrange(a, typeof b === "bigint" ? b + 1n : b + 1);
  }

  /** `choice(seq)`: `seq[_randbelow(len(seq))]`. */
  choice(seq) {
    if (!seq?.length) throw new RangeError("choice: seq must not be empty");
    return seq[this._randbelow(seq.length)];
  }

  /** `shuffle(x)`: for i = len-1 .. 1 swap `x[i]` with `x[_randbelow(i + 1)]`. */
  shuffle(x) {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this._randbelow(i + 1);
      const item = x[i];
      x[i] = x[j];
      x[j] = item;
    }
  }

  /**
   * `sample(population, k, counts)`: a pool of the population for small populations, else rejection
   * of repeated indices (CPython's set-size heuristic decides). `population` is an Array or typed array.
   */
  sample(population, k, { counts } = {}) {
    if (counts !== undefined) return this._sampleCounts(population, k, counts);
    const n = population.length;
    if (!Number.isSafeInteger(k) || k < 0 || k > n) {
      throw new RangeError(`sample: k must be an integer in [0, ${n}], got ${describe(k)}`);
    }
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(log(k * 3) / log(4));
    const result = [];
    if (n <= setsize) {
      const pool = Array.from(population);
      for (let i = 0; i < k; i++) {
        const j = this._randbelow(n - i);
        result.push(pool[j]);
        pool[j] = pool[n - i - 1];
      }
      return result;
    }
    const selected = new Set();
    for (let i = 0; i < k; i++) {
      let j = this._randbelow(n);
      while (selected.has(j)) j = this._randbelow(n);
      selected.add(j);
      result.push(population[j]);
    }
    return result;
  }

  /** `sample` with `counts`: sample `range(total)` and map back through the cumulative counts. */
  _sampleCounts(population, k, counts) {
    const cumCounts = accumulate(counts);
    if (cumCounts.length !== population.length) {
      throw new RangeError("sample: counts must have one entry per population item");
    }
    const total = cumCounts.pop();
    if (!Number.isSafeInteger(total) || total <= 0) {
      throw new RangeError(`sample: the total of counts must be a positive integer, got ${total}`);
    }
    const indices = this.sample(Array.from({ length: total }, (_, i) => i), k);
    return indices.map((s) => population[bisectRight(cumCounts, s, 0, cumCounts.length)]);
  }

  /**
   * `choices(population, weights, cum_weights, k)`: `population[floor(random() * n)]` without weights,
   * else a bisection of `random() * total` into the cumulative weights.
   */
  choices(population, { weights, cumWeights, k = 1 } = {}) {
    const n = population.length;
    toCount(k, "k");
    if (cumWeights === undefined) {
      if (weights === undefined) return Array.from({ length: k }, () => population[Math.floor(this.random() * n)]);
      cumWeights = accumulate(weights);
    } else if (weights !== undefined) {
      throw new TypeError("choices: give weights or cumWeights, not both");
    }
    if (cumWeights.length !== n) {
      throw new RangeError(`choices: weights must have ${n} entries, got ${cumWeights.length}`);
    }
    const total = cumWeights[n - 1];
    if (!(total > 0)) throw new RangeError(`choices: the total of weights must be > 0, got ${total}`);
    if (!Number.isFinite(total)) throw new RangeError("choices: the total of weights must be finite");
    return Array.from({ length: k }, () => population[bisectRight(cumWeights, this.random() * total, 0, n - 1)]);
  }

  /** `gauss(mu, sigma)`: Box-Muller on two `random()` values; the sine half is cached for the next call. */
  gauss(mu = 0.0, sigma = 1.0) {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * TAU;
      const g2rad = Math.sqrt(-2.0 * log(1.0 - this.random()));
      z = cos(x2pi) * g2rad;
      this.gaussNext = sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  /** `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio-of-uniforms method. */
  normalvariate(mu = 0.0, sigma = 1.0) {
    for (;;) {
      const u1 = this.random();
      const u2 = 1.0 - this.random();
      const z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      if ((z * z) / 4.0 <= -log(u2)) return mu + z * sigma;
    }
  }
}
