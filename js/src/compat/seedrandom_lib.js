/**
 * The six extra generators of seedrandom 3.0.5 (its `lib/` folder), number for number (the same
 * algorithms as prng/compat/_seedrandom_lib.py): `alea` (Baagøe's multiply-with-carry over doubles),
 * `xor128` and `xorwow` (Marsaglia), `xorshift7` (Panneton and L'Ecuyer), `xor4096` (Brent's
 * xorgens with a Weyl sequence) and `tychei` (Neves and Araujo).
 *
 * Each is `name(seed, {state})`: a function giving doubles in [0, 1) (32 bits; alea's own doubles),
 * with `.double()` (53 bits), `.int32()`, `.quick()` and, only when `state` is given, `.state()`; a
 * state object from `.state()` (here or in seedrandom) resumes the generator. A seed is an integer
 * seed where seedrandom tests `seed === (seed | 0)` (tychei: `seed === Math.floor(seed)`), else its
 * string `String(seed)`; xorshift7 and xor4096 seed from the clock when given none, as seedrandom does.
 */
import { describe } from "../checks.js";

const TWO_32 = 0x100000000;
const TWO_M32 = 2 ** -32;
const TWO_M53 = 2 ** -53;
const WEYL = 0x61c88647;

/** An int32 field of a saved state object (`where` names it in errors). */
function int32Field(state, name, where) {
  const value = state[name];
  if (!Number.isInteger(value) || value < -(2 ** 31) || value >= 2 ** 31) {
    throw new RangeError(`${where}.${name} must be a 32-bit signed integer, got ${describe(value)}`);
  }
  return value;
}

/** An array field of `count` int32 values. */
function int32Array(state, name, count, where) {
  const words = state[name];
  if (!Array.isArray(words) || words.length !== count) {
    throw new RangeError(`${where}.${name} must be an array of ${count} 32-bit signed integers, got ${describe(words)}`);
  }
  return words.map((_, i) => int32Field(words, i, `${where}.${name}`));
}

// ---- the generators: each holds its state in fields and has next(), get() and set(state) ----

/** Baagøe's Mash: a hash of strings to doubles in [0, 1) whose state carries over between calls. */
function mash() {
  let n = 0xefc8249d;
  return (data) => {
    const text = String(data);
    for (let i = 0; i < text.length; i++) {
      n += text.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * TWO_32;
    }
    return (n >>> 0) * TWO_M32;
  };
}

class Alea {
  constructor(seed) {
    const hash = mash();
    this.c = 1;
    this.s0 = hash(" ");
    this.s1 = hash(" ");
    this.s2 = hash(" ");
    for (const field of ["s0", "s1", "s2"]) {
      this[field] -= hash(seed);
      if (this[field] < 0) this[field] += 1;
    }
  }

  /** The next double in [0, 1): `t = 2091639 * s0 + c * 2**-32`, carry `t | 0`. */
  next() {
    const t = 2091639 * this.s0 + this.c * TWO_M32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }

  get() {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }

  set(state, where) {
    const c = int32Field(state, "c", where);
    const doubles = [state.s0, state.s1, state.s2];
    if (!doubles.every((v) => typeof v === "number" && v >= 0 && v < 1)) {
      throw new RangeError(`${where}.s0, .s1, .s2 must be numbers in [0, 1)`);
    }
    this.c = c;
    [this.s0, this.s1, this.s2] = doubles;
  }
}

/** The xor-shift family's seeding rule: an int32 seed is used as a number, anything else as text. */
const isInt32 = (seed) => seed === (seed | 0);

/** A generator whose state is a few int32 fields (`fields`), set and read as an object. */
class Int32Fields {
  get() {
    return Object.fromEntries(this.constructor.fields.map((f) => [f, this[f]]));
  }

  set(state, where) {
    const values = this.constructor.fields.map((f) => int32Field(state, f, where));
    this.constructor.fields.forEach((f, i) => { this[f] = values[i]; });
  }
}

class Xor128 extends Int32Fields {
  static fields = ["x", "y", "z", "w"];

  constructor(seed) {
    super();
    this.x = this.y = this.z = this.w = 0;
    const text = isInt32(seed) ? "" : String(seed);
    if (isInt32(seed)) this.x = seed;
    for (let k = 0; k < text.length + 64; k++) {
      this.x ^= k < text.length ? text.charCodeAt(k) : 0;
      this.next();
    }
  }

  next() {
    const t = this.x ^ (this.x << 11);
    this.x = this.y;
    this.y = this.z;
    this.z = this.w;
    this.w ^= (this.w >>> 19) ^ t ^ (t >>> 8);
    return this.w;
  }
}

class Xorwow extends Int32Fields {
  static fields = ["x", "y", "z", "w", "v", "d"];

  /** `d` stays undefined until the seed is mixed in: its first step gives `(undefined + 362437) | 0`, 0. */
  constructor(seed) {
    super();
    this.x = this.y = this.z = this.w = this.v = 0;
    this.d = undefined;
    const text = isInt32(seed) ? "" : String(seed);
    if (isInt32(seed)) this.x = seed;
    for (let k = 0; k < text.length + 64; k++) {
      this.x ^= k < text.length ? text.charCodeAt(k) : 0;
      if (k === text.length) this.d = (this.x << 10) ^ (this.x >>> 4);
      this.next();
    }
  }

  next() {
    const t = this.x ^ (this.x >>> 2);
    this.x = this.y;
    this.y = this.z;
    this.z = this.w;
    this.w = this.v;
    this.v = (this.v ^ (this.v << 4)) ^ (t ^ (t << 1));
    this.d = (this.d + 362437) | 0;
    return (this.d + this.v) | 0;
  }
}

class Xorshift7 {
  static stateArray = "x";

  /** String seeds fill a sparse array: an unset entry reads as undefined, which `<<` and `+` turn into 0. */
  constructor(seed) {
    let x = [];
    if (isInt32(seed)) x[0] = seed;
    else {
      const text = String(seed);
      for (let j = 0; j < text.length; j++) {
        x[j & 7] = (x[j & 7] << 15) ^ ((text.charCodeAt(j) + x[(j + 1) & 7]) << 13);
      }
    }
    while (x.length < 8) x.push(0);
    if (x.every((v) => v === 0)) x[7] = -1;
    this.x = x;
    this.i = 0;
    for (let j = 0; j < 256; j++) this.next();
  }

  next() {
    const x = this.x, i = this.i;
    let t = x[i];
    t ^= t >>> 7;
    let v = t ^ (t << 24);
    t = x[(i + 1) & 7];
    v ^= t ^ (t >>> 10);
    t = x[(i + 3) & 7];
    v ^= t ^ (t >>> 3);
    t = x[(i + 4) & 7];
    v ^= t ^ (t << 7);
    t = x[(i + 7) & 7];
    t ^= t << 13;
    v ^= t ^ (t << 9);
    x[i] = v;
    this.i = (i + 1) & 7;
    return v;
  }

  get() {
    return { x: this.x.slice(), i: this.i };
  }

  set(state, where) {
    const i = int32Field(state, "i", where);
    if (i < 0 || i > 7) throw new RangeError(`${where}.i must be in [0, 7], got ${i}`);
    this.x = int32Array(state, "x", 8, where);
    this.i = i;
  }
}

/** xorgens' recurrence: the new word from `v = X[i + 33]` and `t = X[i]` (i already advanced). */
function xorgensStep(v, t) {
  v ^= v << 13;
  t ^= t << 17;
  v ^= v >>> 15;
  t ^= t >>> 12;
  return v ^ t;
}

class Xor4096 {
  static stateArray = "X";

  constructor(seed) {
    let v, text = null, limit = 128;
    if (isInt32(seed)) v = seed;
    else {
      text = String(seed) + "\0";
      v = 0;
      limit = Math.max(limit, text.length);
    }
    const x = new Array(128).fill(0);
    let w = 0, zeros = 0;
    for (let j = -32; j < limit; j++) {
      if (text) v ^= text.charCodeAt((j + 32) % text.length);
      if (j === 0) w = v;
      v ^= v << 10;
      v ^= v >>> 15;
      v ^= v << 4;
      v ^= v >>> 13;
      if (j >= 0) {
        w = (w + WEYL) | 0;
        const t = (x[j & 127] ^= v + w);
        zeros = t === 0 ? zeros + 1 : 0;
      }
    }
    if (zeros >= 128) x[(text ? text.length : 0) & 127] = -1;
    let i = 127;
    for (let j = 4 * 128; j > 0; j--) {
      i = (i + 1) & 127;
      x[i] = xorgensStep(x[(i + 33) & 127], x[i]);
    }
    this.w = w;
    this.X = x;
    this.i = i;
  }

  next() {
    this.w = (this.w + WEYL) | 0;
    const i = (this.i = (this.i + 1) & 127);
    const v = (this.X[i] = xorgensStep(this.X[(i + 33) & 127], this.X[i]));
    return (v + (this.w ^ (this.w >>> 16))) | 0;
  }

  get() {
    return { i: this.i, w: this.w, X: this.X.slice() };
  }

  set(state, where) {
    const i = int32Field(state, "i", where);
    if (i < 0 || i > 127) throw new RangeError(`${where}.i must be in [0, 127], got ${i}`);
    const w = int32Field(state, "w", where);
    this.X = int32Array(state, "X", 128, where);
    this.i = i;
    this.w = w;
  }
}

class Tychei extends Int32Fields {
  static fields = ["a", "b", "c", "d"];

  constructor(seed) {
    super();
    this.a = 0;
    this.b = 0;
    this.c = 2654435769 | 0;
    this.d = 1367130551;
    let text = "";
    if (seed === Math.floor(seed)) {
      this.a = (seed / TWO_32) | 0;
      this.b = seed | 0;
    } else text = String(seed);
    for (let k = 0; k < text.length + 20; k++) {
      this.b ^= k < text.length ? text.charCodeAt(k) : 0;
      this.next();
    }
  }

  next() {
    let a = this.a, b = this.b, c = this.c, d = this.d;
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    this.b = b = (b << 20) ^ (b >>> 12) ^ c;
    this.c = c = (c - d) | 0;
    this.d = (d << 16) ^ (c >>> 16) ^ a;
    return (this.a = (a - b) | 0);
  }
}

// ---- the callable fronts ----

/**
 * `.state()` on request: `state` true, or a saved state object to resume from (`{state}` option);
 * as seedrandom, xorshift7 and xor4096 load only an object that has their array (`x`, `X`).
 */
function withState(prng, core, state) {
  if (state) {
    const key = core.constructor.stateArray;
    if (typeof state === "object" && (key === undefined || state[key])) core.set(state, "state");
    prng.state = () => core.get();
  }
  return prng;
}

/** The front of the int32 generators: 32-bit doubles, 53-bit `double()` (never 0), `int32()`. */
function int32Front(core, state) {
  const prng = () => (core.next() >>> 0) / TWO_32;
  prng.double = () => {
    for (;;) {
      const top = core.next() >>> 11;
      const bottom = (core.next() >>> 0) / TWO_32;
      const result = (top + bottom) / (1 << 21);
      if (result !== 0) return result;
    }
  };
  prng.int32 = () => core.next();
  prng.quick = prng;
  return withState(prng, core, state);
}

/** The front of alea: its doubles, `double()` adding 21 more bits, `int32()` from the double. */
function aleaFront(core, state) {
  const prng = () => core.next();
  prng.int32 = () => (core.next() * TWO_32) | 0;
  prng.double = () => prng() + ((prng() * 0x200000) | 0) * TWO_M53;
  prng.quick = prng;
  return withState(prng, core, state);
}

// Plain functions, as seedrandom's: `new xor4096(seed)` works too (it returns the generator).

/** seedrandom's `lib/alea.js`: `alea(seed, {state})`. */
export function alea(seed, options) {
  return aleaFront(new Alea(seed), options?.state);
}

/** seedrandom's `lib/xor128.js`. */
export function xor128(seed, options) {
  return int32Front(new Xor128(seed), options?.state);
}

/** seedrandom's `lib/xorwow.js`. */
export function xorwow(seed, options) {
  return int32Front(new Xorwow(seed), options?.state);
}

/** seedrandom's `lib/xorshift7.js` (no seed: the clock, `+new Date`). */
export function xorshift7(seed, options) {
  return int32Front(new Xorshift7(seed ?? Date.now()), options?.state);
}

/** seedrandom's `lib/xor4096.js` (no seed: the clock, `+new Date`). */
export function xor4096(seed, options) {
  return int32Front(new Xor4096(seed ?? Date.now()), options?.state);
}

/** seedrandom's `lib/tychei.js`. */
export function tychei(seed, options) {
  return int32Front(new Tychei(seed), options?.state);
}
