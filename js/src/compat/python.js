/**
 * CPython 3.11's `random.Random` on prng's MT19937, value for value (prng/compat/python.py in JS).
 *
 * Seeding follows `Random.seed` (Lib/random.py) and `random_seed` (Modules/_randommodule.c): the seed
 * becomes an integer whose absolute value's 32-bit words, least significant first, go through
 * mt19937ar's `init_by_array` (`MT19937.fromArray`). The methods follow Lib/random.py of 3.11
 * (`binomialvariate` is 3.12's and is not here); integer draws go through `getrandbits`
 * (`_randbelow_with_getrandbits`). `log`, `exp`, `sin`, `cos`, `acos` and `pow` are the glibc-exact
 * ports in ../libm and `Math.sqrt` is correctly rounded, so every variate has CPython's bits on glibc.
 *
 * Seeds JS can express: a safe-integer number or a bigint (Python's int; the sign is ignored), a
 * boolean (an int), any other number but NaN (Python's float, seeded by CPython's hash: `-1.5`,
 * `2 ** 61`, `Infinity`), a string (UTF-8) or a Uint8Array (bytes), and undefined/null (OS entropy).
 * An integral float such as Python's `-1.0` has no JS spelling: `-1` is the int.
 *
 * Integers: `getrandbits` returns a bigint; `randrange`/`randint` return a bigint when an argument is
 * a bigint and a number otherwise (number arguments must be integers). Errors: CPython's ValueError,
 * IndexError, ZeroDivisionError and OverflowError are RangeErrors, its TypeError a TypeError.
 */
import { describe, toBigInt, toCount } from "../checks.js";
import { acos, cos, exp, log, pow, sin } from "../libm/index.js";
import { MT19937 } from "../mt19937.js";

const N = 624;
const VERSION = 3;
const TWO_32 = 2 ** 32;
const BPF = 53;
const RECIP_BPF = 2 ** -BPF;
const TWOPI = 2 * Math.PI;
const LOG4 = log(4.0);
const SG_MAGICCONST = 1.0 + log(4.5);
const NV_MAGICCONST = (4 * exp(-0.5)) / Math.sqrt(2.0);
const M64 = (1n << 64n) - 1n;

// ---- Python's float arithmetic: math's domain and range errors, and float ** float ----

/** math.log: ValueError ("math domain error") for x <= 0. */
function pyLog(x) {
  if (x <= 0 || x === -Infinity) throw new RangeError("math domain error");
  return log(x);
}

/** math.exp: OverflowError ("math range error") when a finite x overflows. */
function pyExp(x) {
  const r = exp(x);
  if (r === Infinity && Number.isFinite(x)) throw new RangeError("math range error");
  return r;
}

/** math.sqrt: ValueError for x < 0. */
function pySqrt(x) {
  if (x < 0) throw new RangeError("math domain error");
  return Math.sqrt(x);
}

/** math.cos / math.acos: ValueError where the result is NaN for a non-NaN argument. */
function domainChecked(f, x) {
  const r = f(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) throw new RangeError("math domain error");
  return r;
}

/** Python's float division: ZeroDivisionError for a zero divisor. */
function pyDiv(a, b) {
  if (b === 0) throw new RangeError("float division by zero");
  return a / b;
}

/** Python's float `%`: the sign of the divisor (fmod, adjusted), ZeroDivisionError for 0. */
function pyMod(a, b) {
  if (b === 0) throw new RangeError("float modulo");
  const m = a % b;
  if (m === 0) return b < 0 ? -0 : 0;
  return b < 0 !== m < 0 ? m + b : m;
}

const isOddInteger = (y) => Number.isFinite(y) && Math.abs(y % 2) === 1;

/**
 * Python's `x ** y` on floats (float_pow): NaN, infinite and zero operands by its rules, a negative
 * base only with an integral exponent, then glibc's pow of |x|, negated for an odd exponent;
 * an overflow is CPython's OverflowError.
 */
function pyPow(x, y) {
  if (y === 0) return 1.0;
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return x === 1.0 ? 1.0 : y;
  if (!Number.isFinite(y)) {
    const a = Math.abs(x);
    if (a === 1.0) return 1.0;
    return y > 0 === a > 1.0 ? Infinity : 0.0;
  }
  if (!Number.isFinite(x)) {
    if (y > 0) return isOddInteger(y) ? x : Infinity;
    return isOddInteger(y) ? (x < 0 ? -0 : 0) : 0.0;
  }
  if (x === 0) {
    if (y < 0) throw new RangeError("0.0 cannot be raised to a negative power");
    return isOddInteger(y) ? x : 0.0;
  }
  let negate = false;
  if (x < 0) {
    if (y !== Math.floor(y)) throw new RangeError("a negative float to a fractional power is complex in Python");
    x = -x;
    negate = isOddInteger(y);
  }
  if (x === 1.0) return negate ? -1.0 : 1.0;
  const r = pow(x, y);
  if (!Number.isFinite(r)) throw new RangeError("(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

// ---- SHA-512 (FIPS 180-4) for version-2 seeding, on 32-bit halves ----

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

/** 64-bit words as [high, low] uint32 pairs in one Uint32Array. */
function halves(words) {
  const out = new Uint32Array(2 * words.length);
  words.forEach((w, i) => {
    out[2 * i] = Number((w >> 32n) & 0xffffffffn);
    out[2 * i + 1] = Number(w & 0xffffffffn);
  });
  return out;
}

/** SHA-512's constants: 64 fractional bits of the square roots (H0) and cube roots (K) of primes. */
const SHA512_PRIMES = primes(80).map(BigInt);
const SHA512_H0 = halves(SHA512_PRIMES.slice(0, 8).map((p) => integerRoot(p << 128n, 2) & M64));
const SHA512_K = halves(SHA512_PRIMES.map((p) => integerRoot(p << 192n, 3) & M64));

/** Bits (hi, lo) rotated right by n (0 < n < 32), high half. */
const rotHi = (hi, lo, n) => (hi >>> n) | (lo << (32 - n));

/** The SHA-512 digest of `bytes` (a Uint8Array), as 64 bytes. */
function sha512(bytes) {
  const length = Math.ceil((bytes.length + 17) / 128) * 128;
  const padded = new Uint8Array(length);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(length - 8, Math.floor((bytes.length * 8) / TWO_32));
  view.setUint32(length - 4, (bytes.length * 8) >>> 0);
  const h = Uint32Array.from(SHA512_H0);
  const w = new Uint32Array(160);
  const v = new Uint32Array(16);
  for (let block = 0; block < length; block += 128) {
    for (let t = 0; t < 32; t++) w[t] = view.getUint32(block + 4 * t);
    for (let t = 16; t < 80; t++) {
      const ah = w[2 * t - 30], al = w[2 * t - 29], bh = w[2 * t - 4], bl = w[2 * t - 3];
      // sigma0 = rotr 1 ^ rotr 8 ^ shr 7 of w[t-15]; sigma1 = rotr 19 ^ rotr 61 ^ shr 6 of w[t-2]
      const s0h = rotHi(ah, al, 1) ^ rotHi(ah, al, 8) ^ (ah >>> 7);
      const s0l = rotHi(al, ah, 1) ^ rotHi(al, ah, 8) ^ rotHi(al, ah, 7);
      const s1h = rotHi(bh, bl, 19) ^ rotHi(bl, bh, 29) ^ (bh >>> 6);
      const s1l = rotHi(bl, bh, 19) ^ rotHi(bh, bl, 29) ^ rotHi(bl, bh, 6);
      add64(w, 2 * t, w[2 * t - 32], w[2 * t - 31], s0h, s0l);
      add64(w, 2 * t, w[2 * t], w[2 * t + 1], w[2 * t - 14], w[2 * t - 13]);
      add64(w, 2 * t, w[2 * t], w[2 * t + 1], s1h, s1l);
    }
    v.set(h);
    for (let t = 0; t < 80; t++) compressRound(v, w, t);
    for (let i = 0; i < 8; i++) add64(h, 2 * i, h[2 * i], h[2 * i + 1], v[2 * i], v[2 * i + 1]);
  }
  const digest = new Uint8Array(64);
  const out = new DataView(digest.buffer);
  h.forEach((word, i) => out.setUint32(4 * i, word));
  return digest;
}

/** out[at], out[at + 1] = (ah, al) + (bh, bl) mod 2**64 (halves signed or unsigned). */
function add64(out, at, ah, al, bh, bl) {
  const low = (al >>> 0) + (bl >>> 0);
  out[at] = (ah + bh + (low > 0xffffffff ? 1 : 0)) >>> 0;
  out[at + 1] = low >>> 0;
}

const tmp = new Uint32Array(2);

/** One SHA-512 round on the working variables v = (a, b, ..., h) as 16 halves. */
function compressRound(v, w, t) {
  const ah = v[0], al = v[1], bh = v[2], bl = v[3], ch = v[4], cl = v[5];
  const eh = v[8], el = v[9], fh = v[10], fl = v[11], gh = v[12], gl = v[13];
  // t1 = h + Sigma1(e) + Ch(e, f, g) + K[t] + W[t]; Sigma1 = rotr 14 ^ rotr 18 ^ rotr 41
  add64(tmp, 0, v[14], v[15], rotHi(eh, el, 14) ^ rotHi(eh, el, 18) ^ rotHi(el, eh, 9),
    rotHi(el, eh, 14) ^ rotHi(el, eh, 18) ^ rotHi(eh, el, 9));
  add64(tmp, 0, tmp[0], tmp[1], (eh & fh) ^ (~eh & gh), (el & fl) ^ (~el & gl));
  add64(tmp, 0, tmp[0], tmp[1], SHA512_K[2 * t], SHA512_K[2 * t + 1]);
  add64(tmp, 0, tmp[0], tmp[1], w[2 * t], w[2 * t + 1]);
  const t1h = tmp[0], t1l = tmp[1];
  // t2 = Sigma0(a) + Maj(a, b, c); Sigma0 = rotr 28 ^ rotr 34 ^ rotr 39
  const s0h = rotHi(ah, al, 28) ^ rotHi(al, ah, 2) ^ rotHi(al, ah, 7);
  const s0l = rotHi(al, ah, 28) ^ rotHi(ah, al, 2) ^ rotHi(ah, al, 7);
  v.copyWithin(2, 0, 14); // (b, c, ..., h) = (a, b, ..., g)
  add64(v, 8, v[8], v[9], t1h, t1l); // e = d + t1
  add64(tmp, 0, s0h, s0l, (ah & bh) ^ (ah & ch) ^ (bh & ch), (al & bl) ^ (al & cl) ^ (bl & cl));
  add64(v, 0, t1h, t1l, tmp[0], tmp[1]); // a = t1 + t2
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

const HASH_MODULUS = (1n << 61n) - 1n;

/**
 * CPython's hash() of a float (a non-NaN number) as the unsigned 64-bit integer `random_seed` reads:
 * sign(x) * (|x| mod 2**61 - 1), with 2**e mod (2**61 - 1) = 2**(e mod 61); -1 becomes -2;
 * the infinities hash to +-314159.
 */
function floatHash(x) {
  let h;
  if (!Number.isFinite(x)) h = 314159n;
  else {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, Math.abs(x));
    const bits = view.getBigUint64(0);
    const field = Number(bits >> 52n);
    const mantissa = (bits & ((1n << 52n) - 1n)) | (field ? 1n << 52n : 0n);
    const e = (field || 1) - 1075; // |x| = mantissa * 2**e
    h = ((mantissa % HASH_MODULUS) << BigInt(((e % 61) + 61) % 61)) % HASH_MODULUS;
  }
  if (x < 0) h = h === 1n ? -2n : -h;
  return BigInt.asUintN(64, h);
}

/** Python 2's string hash (`seed(a, version=1)` for str and bytes), over the code points. */
function version1Hash(codes) {
  if (codes.length === 0) return 0n;
  let x = BigInt(codes[0]) << 7n;
  for (const c of codes) x = ((1000003n * x) ^ BigInt(c)) & M64;
  return x ^ BigInt(codes.length);
}

/** A string's UTF-8 bytes, as Python's `str.encode()` (which refuses lone surrogates). */
function utf8(text) {
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) {
    throw new RangeError("seed: a string with a lone surrogate has no UTF-8 encoding (Python: 'surrogates not allowed')");
  }
  return new TextEncoder().encode(text);
}

/**
 * CPython's seed-to-key rule for `seed(a, version)` (see the module comment): the 32-bit words that
 * go through init_by_array.
 */
function seedWords(a, version) {
  if (a === undefined || a === null) return Array.from(globalThis.crypto.getRandomValues(new Uint32Array(N)));
  if (typeof a === "string" || a instanceof Uint8Array) {
    if (version === 1) return wordsOfInt(version1Hash(typeof a === "string" ? Array.from(a, (ch) => ch.codePointAt(0)) : a));
    if (version !== 2) {
      throw new RangeError(`version ${describe(version)} seeds strings and bytes by Python's per-process hash(): use 1 or 2`);
    }
    const raw = typeof a === "string" ? utf8(a) : a;
    const joined = new Uint8Array(raw.length + 64);
    joined.set(raw);
    joined.set(sha512(raw), raw.length);
    return wordsOfBytes(joined);
  }
  if (typeof a === "boolean") return [Number(a)];
  if (typeof a === "bigint" || Number.isSafeInteger(a)) return wordsOfInt(BigInt(a));
  if (Number.isNaN(a)) throw new RangeError("seed must not be NaN (CPython hashes a NaN by its identity: not reproducible)");
  if (typeof a === "number") return wordsOfInt(floatHash(a));
  throw new TypeError(
    "seed must be undefined, a number (not NaN), a bigint, a boolean, a string or a Uint8Array " +
      `(CPython: None, int, float, str, bytes), got ${describe(a)}`,
  );
}

// ---- helpers ----

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

/** A randrange argument: a bigint, or a number that must be an integer (3.11: ValueError otherwise). */
function rangeArgument(value, what) {
  if (typeof value === "bigint") return value;
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`randrange: ${what} must be an integer (number or bigint), got ${describe(value)}`);
  }
  if (!Number.isInteger(value)) throw new RangeError(`non-integer ${what} for randrange()`);
  if (!Number.isSafeInteger(value)) throw new RangeError(`randrange: ${what} ${value} is not a safe integer; pass a bigint`);
  return value;
}

/** Python's `a // b` for two bigints, or two safe integers (whose rounded quotient never crosses an integer). */
function floorDiv(a, b) {
  if (typeof a === "number") return Math.floor(a / b);
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Running sums of `values` (Python's `itertools.accumulate`); a TypeError for a non-number. */
function accumulate(values, name) {
  if (values === null || typeof values !== "object" || !("length" in values)) {
    throw new TypeError(`${name} must be an array of numbers, got ${describe(values)}`);
  }
  let total = 0;
  return Array.from(values, (v, i) => {
    if (typeof v !== "number") throw new TypeError(`${name}[${i}] must be a number, got ${describe(v)}`);
    return i === 0 ? (total = v) : (total += v);
  });
}

/** The population of sample/choices/choice: an Array, a typed array or a string (CPython: a sequence). */
function sequenceLength(population, method) {
  if (Array.isArray(population) || ArrayBuffer.isView(population) || typeof population === "string") {
    return population.length;
  }
  throw new TypeError(
    `${method}: population must be an array, a typed array or a string (a sequence); ` +
      `for a Set or Map use Array.from(x).sort(), got ${describe(population)}`,
  );
}

/** Python's `range(k)` count check for `choices`: an integer number; negative k gives no draws. */
function choiceCount(k) {
  if (typeof k !== "number" || !Number.isInteger(k)) {
    throw new TypeError(`choices: k must be an integer, got ${describe(k)}`);
  }
  return Math.max(k, 0);
}

/**
 * CPython's bit/byte count (`getrandbits(k)`, `randbytes(n)`): a non-integer is a TypeError, a
 * negative count a RangeError ("number of bits must be non-negative"), and so is one beyond a safe
 * integer (CPython's OverflowError).
 */
function bitCount(value, name) {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new TypeError(`${name} must be an integer, got ${describe(value)}`);
  }
  if (value < 0) throw new RangeError(`${name}: number of bits must be non-negative, got ${value}`);
  return toCount(value, name);
}

/** CPython's `__init_subclass__` rule, per prototype: which `_randbelow` a class uses. */
const RANDBELOW = new WeakMap();

function randbelowFor(prototype) {
  let chosen = RANDBELOW.get(prototype);
  if (chosen === undefined) {
    for (let p = prototype; p !== null; p = Object.getPrototypeOf(p)) {
      const own = (name) => Object.prototype.hasOwnProperty.call(p, name);
      if (p === Random.prototype) {
        chosen = Random.prototype._randbelowWithGetrandbits;
        break;
      }
      if (own("getrandbits")) {
        chosen = Random.prototype._randbelowWithGetrandbits;
        break;
      }
      if (own("random")) {
        chosen = Random.prototype._randbelowWithoutGetrandbits;
        break;
      }
    }
    RANDBELOW.set(prototype, chosen);
  }
  return chosen;
}

export class Random {
  /** CPython's `random.Random(x)`: the same values for the same seed. */
  constructor(x) {
    this.seed(x);
    this.gaussNext = null;
  }

  /**
   * `Random.seed(a, version = 2)`: see the module comment for the seed types; `version` 1 is
   * Python 2's string hash for strings and bytes.
   */
  seed(a, version = 2) {
    this._mt = MT19937.fromArray(seedWords(a, version));
    this.gaussNext = null;
  }

  /** `Random.getstate()`: `[3, [624 key words..., index], gaussNext]`. */
  getstate() {
    const { key, pos } = this._mt.state.state;
    return [VERSION, [...key, pos], this.gaussNext];
  }

  /**
   * `Random.setstate(state)` for CPython's versions 3 and 2 (version 2 words are taken mod 2**32;
   * version 3 words in [0, 2**64) keep their low 32 bits, as C does). A rejected state leaves the
   * generator unchanged.
   */
  setstate(state) {
    if (!Array.isArray(state) || state.length !== 3) {
      throw new TypeError(`state must be [version, internalState, gaussNext], got ${describe(state)}`);
    }
    const [version, internal, gaussNext] = state;
    if (version !== 2 && version !== 3) {
      throw new RangeError(`state with version ${describe(version)} passed to Random.setstate() of version 3`);
    }
    if (!Array.isArray(internal)) throw new TypeError(`state[1] must be an array, got ${describe(internal)}`);
    if (internal.length !== N + 1) {
      throw new RangeError(`state[1] must have ${N + 1} integers (the state vector is the wrong size), got ${internal.length}`);
    }
    const values = internal.map((w, i) => {
      const big = toBigInt(w, `state[1][${i}]`);
      if (version === 2) return BigInt.asUintN(32, big); // Python: x % 2**32
      if (i < N && (big < 0n || big > M64)) throw new RangeError(`state[1][${i}] must be in [0, 2**64), got ${w}`);
      return big;
    });
    if (values[N] < 0n || values[N] > BigInt(N)) {
      throw new RangeError(`state[1][624] (the index) must be in [0, ${N}], got ${internal[N]}`);
    }
    if (gaussNext !== null && gaussNext !== undefined && typeof gaussNext !== "number") {
      throw new TypeError(`state[2] (gaussNext) must be a number or null, got ${describe(gaussNext)}`);
    }
    const mt = MT19937.fromArray([0]);
    const key = values.slice(0, N).map((v) => Number(BigInt.asUintN(32, v)));
    mt.state = { bit_generator: "MT19937", state: { key, pos: Number(values[N]) } };
    this._mt = mt;
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
    bitCount(k, "k");
    let result = 0n;
    for (let shift = 0n; k > 0; k -= 32, shift += 32n) {
      result |= BigInt(this._mt.nextUint32() >>> (32 - Math.min(k, 32))) << shift;
    }
    return result;
  }

  /** `randbytes(n)`: `getrandbits(8 * n)` as `n` little-endian bytes (a Uint8Array). */
  randbytes(n) {
    bitCount(n, "n");
    const out = new Uint8Array(n);
    for (let at = 0; at < n; at += 4) {
      const take = Math.min(4, n - at);
      const word = this._mt.nextUint32() >>> (32 - 8 * take);
      for (let b = 0; b < take; b++) out[at + b] = (word >>> (8 * b)) & 0xff;
    }
    return out;
  }

  /** CPython's `_randbelow`: chosen per class as `__init_subclass__` does (see `randbelowFor`). */
  _randbelow(n) {
    return randbelowFor(Object.getPrototypeOf(this)).call(this, n);
  }

  /** `_randbelow_with_getrandbits(n)`: redraw `n.bit_length()` bits until below `n` (a number or bigint). */
  _randbelowWithGetrandbits(n) {
    const k = bitLength(n);
    const own = this.getrandbits === Random.prototype.getrandbits; // the fast number path is the same draw
    const draw = typeof n === "bigint" || !own ? () => this.getrandbits(k) : () => this._randbits(k);
    const fits = typeof n === "bigint" || own ? (r) => r : (r) => Number(r);
    let r = fits(draw());
    while (r >= n) r = fits(draw());
    return r;
  }

  /**
   * `_randbelow_without_getrandbits(n)`: from `random()` alone (a subclass's own generator), by
   * rejection of the top `maxsize % n` part of [0, maxsize). For `n >= maxsize` CPython warns that
   * the range is too large and scales `random()`; this does the same without the warning.
   */
  _randbelowWithoutGetrandbits(n, maxsize = 2 ** BPF) {
    const big = typeof n === "bigint";
    const m = big ? Number(n) : n;
    if (m >= maxsize) {
      const value = Math.floor(this.random() * m);
      return big ? BigInt(value) : value;
    }
    const limit = (maxsize - (maxsize % m)) / maxsize;
    let r = this.random();
    while (r >= limit) r = this.random();
    const value = Math.floor(r * maxsize) % m;
    return big ? BigInt(value) : value;
  }

  /**
   * `randrange(start, stop, step)` on integers; `randrange(stop)` when `stop` is undefined. Numbers
   * (integers) give a number, bigints a bigint; the arithmetic is done in the arguments' type (in
   * bigints when a number range is too wide for exact doubles).
   */
  randrange(start, stop, step = 1) {
    const big = [start, stop, step].some((v) => typeof v === "bigint");
    const [zero, one] = big ? [0n, 1n] : [0, 1];
    const convert = big ? (v, what) => toBigInt(rangeArgument(v, what), what) : rangeArgument;
    const s = convert(start, "arg 1");
    if (stop === undefined || stop === null) {
      if (step !== 1 && step !== 1n) throw new TypeError("Missing a non-None stop argument");
      if (s > zero) return this._randbelow(s);
      throw new RangeError(`empty range for randrange() (stop must be > 0, got ${start})`);
    }
    const e = convert(stop, "stop");
    const width = e - s;
    const st = convert(step, "step");
    if (st === one) {
      if (!big && !Number.isSafeInteger(width)) return Number(this.randrange(BigInt(s), BigInt(e)));
      if (width > zero) return s + this._randbelow(width);
      throw new RangeError(`empty range for randrange() (${start}, ${stop}, ${width})`);
    }
    if (st === zero) throw new RangeError("zero step for randrange()");
    const top = st > zero ? width + st - one : width + st + one;
    if (!big && !(Number.isSafeInteger(width) && Number.isSafeInteger(top))) {
      return Number(this.randrange(BigInt(s), BigInt(e), BigInt(st)));
    }
    const count = floorDiv(top, st);
    if (count <= zero) throw new RangeError(`empty range for randrange() (${start}, ${stop}, ${step})`);
    return s + st * this._randbelow(count);
  }

  /** `randint(a, b)`: `randrange(a, b + 1)`. */
  randint(a, b) {
    return this.randrange(a, typeof b === "bigint" ? b + 1n : b + 1);
  }

  /** `choice(seq)`: `seq[_randbelow(len(seq))]`. */
  choice(seq) {
    const n = sequenceLength(seq, "choice");
    if (n === 0) throw new RangeError("Cannot choose from an empty sequence");
    return seq[this._randbelow(n)];
  }

  /** `shuffle(x)`: for i = len-1 .. 1 swap `x[i]` with `x[_randbelow(i + 1)]`. */
  shuffle(x) {
    if (!Array.isArray(x) && !ArrayBuffer.isView(x)) {
      throw new TypeError(`shuffle: x must be an array or a typed array (shuffled in place), got ${describe(x)}`);
    }
    for (let i = x.length - 1; i > 0; i--) {
      const j = this._randbelow(i + 1);
      const item = x[i];
      x[i] = x[j];
      x[j] = item;
    }
  }

  /**
   * `sample(population, k, {counts})`: a pool of the population for small populations, else
   * rejection of repeated indices (CPython's set-size heuristic decides).
   */
  sample(population, k, { counts } = {}) {
    const n = sequenceLength(population, "sample");
    if (counts !== undefined) return this._sampleCounts(population, n, k, counts);
    if (typeof k !== "number" || !Number.isInteger(k)) throw new TypeError(`sample: k must be an integer, got ${describe(k)}`);
    if (k < 0 || k > n) throw new RangeError(`Sample larger than population or is negative (k must be in [0, ${n}], got ${k})`);
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(log(k * 3) / LOG4);
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
  _sampleCounts(population, n, k, counts) {
    const cumCounts = accumulate(counts, "counts");
    if (cumCounts.length !== n) throw new RangeError("The number of counts does not match the population");
    const total = cumCounts.pop();
    if (!Number.isInteger(total)) throw new TypeError("Counts must be integers");
    if (total <= 0) throw new RangeError("Total of counts must be greater than zero");
    const indices = this.sample(Array.from({ length: total }, (_, i) => i), k);
    return indices.map((s) => population[bisectRight(cumCounts, s, 0, cumCounts.length)]);
  }

  /**
   * `choices(population, {weights, cumWeights, k})`: `population[floor(random() * n)]` without
   * weights, else a bisection of `random() * total` into the cumulative weights. A negative `k`
   * gives `[]`, as CPython's.
   */
  choices(population, { weights, cumWeights, k = 1 } = {}) {
    const n = sequenceLength(population, "choices");
    const count = choiceCount(k);
    if (cumWeights === undefined) {
      if (weights === undefined) {
        return Array.from({ length: count }, () => {
          const i = Math.floor(this.random() * n);
          if (i >= n) throw new RangeError("choices: population index out of range (empty population)");
          return population[i];
        });
      }
      cumWeights = accumulate(weights, "weights");
    } else if (weights !== undefined) {
      throw new TypeError("Cannot specify both weights and cumulative weights");
    } else {
      accumulate(cumWeights, "cumWeights"); // only checks: an array of numbers
    }
    if (cumWeights.length !== n) throw new RangeError("The number of weights does not match the population");
    if (n === 0) throw new RangeError("choices: population index out of range (empty population)");
    const total = cumWeights[n - 1] + 0.0;
    if (total <= 0.0) throw new RangeError("Total of weights must be greater than zero");
    if (!Number.isFinite(total)) throw new RangeError("Total of weights must be finite");
    return Array.from({ length: count }, () => population[bisectRight(cumWeights, this.random() * total, 0, n - 1)]);
  }

  // ---- real-valued distributions (each through this.random(), as CPython's) ----

  /** `uniform(a, b)`: `a + (b - a) * random()`. */
  uniform(a, b) {
    return a + (b - a) * this.random();
  }

  /** `triangular(low, high, mode)`: inversion of the CDF; `low` when `high == low`. */
  triangular(low = 0.0, high = 1.0, mode = null) {
    let u = this.random();
    if (mode !== null && mode !== undefined && high - low === 0) return low;
    let c = mode === null || mode === undefined ? 0.5 : (mode - low) / (high - low);
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      [low, high] = [high, low];
    }
    return low + (high - low) * pySqrt(u * c);
  }

  /** `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio-of-uniforms method. */
  normalvariate(mu = 0.0, sigma = 1.0) {
    for (;;) {
      const u1 = this.random();
      const u2 = 1.0 - this.random();
      const z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      if ((z * z) / 4.0 <= -pyLog(u2)) return mu + z * sigma;
    }
  }

  /** `gauss(mu, sigma)`: Box-Muller on two `random()` values; the sine half is cached for the next call. */
  gauss(mu = 0.0, sigma = 1.0) {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * TWOPI;
      const g2rad = pySqrt(-2.0 * pyLog(1.0 - this.random()));
      z = domainChecked(cos, x2pi) * g2rad;
      this.gaussNext = domainChecked(sin, x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  /** `lognormvariate(mu, sigma)`: `exp(normalvariate(mu, sigma))`. */
  lognormvariate(mu, sigma) {
    return pyExp(this.normalvariate(mu, sigma));
  }

  /** `expovariate(lambd)`: `-log(1 - random()) / lambd`. */
  expovariate(lambd) {
    return pyDiv(-pyLog(1.0 - this.random()), lambd);
  }

  /** `vonmisesvariate(mu, kappa)`: Best and Fisher's rejection method; uniform for `kappa <= 1e-6`. */
  vonmisesvariate(mu, kappa) {
    if (Number.isNaN(kappa)) throw new RangeError("vonmisesvariate: kappa must not be NaN (CPython loops forever)");
    if (kappa <= 1e-6) return TWOPI * this.random();
    const s = pyDiv(0.5, kappa);
    const r = s + pySqrt(1.0 + s * s);
    let z;
    for (;;) {
      z = domainChecked(cos, Math.PI * this.random());
      const d = pyDiv(z, r + z);
      const u2 = this.random();
      if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * pyExp(d)) break;
    }
    const q = pyDiv(1.0, r);
    const f = pyDiv(q + z, 1.0 + q * z);
    if (this.random() > 0.5) return pyMod(mu + domainChecked(acos, f), TWOPI);
    return pyMod(mu - domainChecked(acos, f), TWOPI);
  }

  /** `gammavariate(alpha, beta)`: Cheng (alpha > 1), the exponential (alpha = 1), GS (alpha < 1). */
  gammavariate(alpha, beta) {
    if (alpha <= 0.0 || beta <= 0.0 || Number.isNaN(alpha)) { // a NaN alpha: CPython loops forever
      throw new RangeError(`gammavariate: alpha and beta must be > 0.0, got ${alpha}, ${beta}`);
    }
    if (alpha > 1.0) return this._gammaCheng(alpha) * beta;
    if (alpha === 1.0) return -pyLog(1.0 - this.random()) * beta;
    return this._gammaGS(alpha) * beta;
  }

  /** R.C.H. Cheng (1977), for alpha > 1: rejection from a log-logistic envelope. */
  _gammaCheng(alpha) {
    const ainv = pySqrt(2.0 * alpha - 1.0);
    const bbb = alpha - LOG4;
    const ccc = alpha + ainv;
    for (;;) {
      const u1 = this.random();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      const u2 = 1.0 - this.random();
      const v = pyDiv(pyLog(pyDiv(u1, 1.0 - u1)), ainv);
      const x = alpha * pyExp(v);
      const z = u1 * u1 * u2;
      const r = bbb + ccc * v - x;
      if (r + SG_MAGICCONST - 4.5 * z >= 0.0 || r >= pyLog(z)) return x;
    }
  }

  /** Algorithm GS (Ahrens and Dieter, via Kennedy and Gentle), for 0 < alpha < 1. */
  _gammaGS(alpha) {
    for (;;) {
      const u = this.random();
      const b = (Math.E + alpha) / Math.E;
      const p = b * u;
      const x = p <= 1.0 ? pyPow(p, pyDiv(1.0, alpha)) : -pyLog(pyDiv(b - p, alpha));
      const u1 = this.random();
      if (p > 1.0) {
        if (u1 <= pyPow(x, alpha - 1.0)) return x;
      } else if (u1 <= pyExp(-x)) return x;
    }
  }

  /** `betavariate(alpha, beta)`: `y / (y + gammavariate(beta, 1))` with `y = gammavariate(alpha, 1)`. */
  betavariate(alpha, beta) {
    const y = this.gammavariate(alpha, 1.0);
    if (y) return pyDiv(y, y + this.gammavariate(beta, 1.0));
    return 0.0;
  }

  /** `paretovariate(alpha)`: `(1 - random()) ** (-1 / alpha)`. */
  paretovariate(alpha) {
    const u = 1.0 - this.random();
    return pyPow(u, pyDiv(-1.0, alpha));
  }

  /** `weibullvariate(alpha, beta)`: `alpha * (-log(1 - random())) ** (1 / beta)`. */
  weibullvariate(alpha, beta) {
    const u = 1.0 - this.random();
    return alpha * pyPow(-pyLog(u), pyDiv(1.0, beta));
  }
}
