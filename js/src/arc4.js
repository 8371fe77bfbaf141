/**
 * seedrandom 3.0.5's default generator (seedrandom.js): the seed is flattened and mixed into a key of
 * at most 256 bytes (`flatten`, `mixkey`), then RC4-drop[256]. `nextUint32()` is seedrandom's
 * `int32() >>> 0` (4 keystream bytes, big-endian) and `nextDouble()` is seedrandom's `prng()`.
 */
import { BitGenerator32 } from "./bitgen.js";
import { checkArray, describe, toCount } from "./checks.js";
import { readInt, readObject, readState, readUintArray } from "./state.js";

const WIDTH = 256;
const MASK = 255;
const START_DENOM = 2 ** 48; // 256**6: the first 6 bytes of a double
const SIGNIFICANCE = 2 ** 52;
const OVERFLOW = 2 ** 53;

/** seedrandom's `flatten(obj, depth)`: nested arrays of strings; a non-string leaf becomes `String(x) + "\0"`. */
export function flatten(obj, depth = 3) {
  const result = [];
  if (depth && typeof obj === "object" && obj !== null) {
    for (const prop in obj) {
      try {
        result.push(flatten(obj[prop], depth - 1));
      } catch {
        // seedrandom skips properties whose values cannot be read or flattened.
      }
    }
  }
  if (result.length) return result;
  return typeof obj === "string" ? obj : obj + "\0";
}

/**
 * seedrandom's `mixkey(seed, key)`: mixes a flattened seed (its UTF-16 code units, smeared) into `key`
 * (a new array by default: the RC4 key; seedrandom's entropy pool otherwise) and returns it.
 */
export function mixkey(seed, key = []) {
  const text = String(seed);
  let smear = 0;
  for (let j = 0; j < text.length; j++) {
    smear ^= (key[j & MASK] ?? 0) * 19;
    key[j & MASK] = MASK & (smear + text.charCodeAt(j));
  }
  return key;
}

/** RC4's key schedule with seedrandom's conventions (an empty key acts as [0]). */
function keySchedule(key) {
  if (key.length === 0) key = [0];
  const s = new Uint8Array(WIDTH);
  for (let i = 0; i < WIDTH; i++) s[i] = i;
  for (let i = 0, j = 0; i < WIDTH; i++) {
    const t = s[i];
    j = (j + key[i % key.length] + t) & MASK;
    s[i] = s[j];
    s[j] = t;
  }
  return s;
}

export class ARC4 extends BitGenerator32 {
  static algorithm = "ARC4";

  /** `new ARC4(seed)` gives `seedrandom(seed)`'s keystream (`seed`: a string, number, boolean, array or object). */
  constructor(seed) {
    super();
    if (seed === undefined || seed === null) {
      throw new TypeError("seed must be a string, number, boolean, array or object, got " + describe(seed));
    }
    this._s = keySchedule(mixkey(flatten(seed, 3)));
    this._i = 0;
    this._j = 0;
    this._bytes(WIDTH);
  }

  /**
   * seedrandom's `g(count)`: the next `count` keystream bytes as a big-endian integer (a number, so
   * exact up to 6 bytes, as seedrandom's). `count`: a non-negative safe integer (RangeError otherwise).
   */
  bytes(count) {
    return this._bytes(toCount(count, "count"));
  }

  /** `bytes` without the argument check, for the generator's own calls. */
  _bytes(count) {
    const s = this._s;
    let i = this._i, j = this._j, r = 0;
    while (count--) {
      i = (i + 1) & MASK;
      const t = s[i];
      j = (j + t) & MASK;
      s[i] = s[j];
      s[j] = t;
      r = r * WIDTH + s[(s[i] + t) & MASK];
    }
    this._i = i;
    this._j = j;
    return r;
  }

  nextUint32() {
    return this._bytes(4);
  }

  /** `out[k] = nextUint32()` for every k, with the RC4 state in locals. */
  fillUint32(out) {
    checkArray(out, Uint32Array, "out");
    const s = this._s;
    let i = this._i, j = this._j;
    for (let k = 0; k < out.length; k++) {
      let r = 0;
      for (let b = 0; b < 4; b++) {
        i = (i + 1) & MASK;
        const t = s[i];
        j = (j + t) & MASK;
        s[i] = s[j];
        s[j] = t;
        r = (r << 8) | s[(s[i] + t) & MASK];
      }
      out[k] = r;
    }
    this._i = i;
    this._j = j;
    return out;
  }

  /** seedrandom's `prng()`: 7 or more keystream bytes, exactly 53 significant bits, in [0, 1). */
  nextDouble() {
    let n = this._bytes(6), d = START_DENOM, x = 0;
    while (n < SIGNIFICANCE) {
      n = (n + x) * WIDTH;
      d *= WIDTH;
      x = this._bytes(1);
    }
    while (n >= OVERFLOW) {
      n /= 2;
      d /= 2;
      x >>>= 1;
    }
    return (n + x) / d;
  }

  /** `out[k] = nextDouble()` for every k. */
  fillDouble(out) {
    checkArray(out, Float64Array, "out");
    for (let k = 0; k < out.length; k++) out[k] = this.nextDouble();
    return out;
  }

  /** seedrandom's `.state()`: `{i, j, S}` (a copy). */
  seedrandomState() {
    return { i: this._i, j: this._j, S: Array.from(this._s) };
  }

  /** Loads seedrandom's `{i, j, S}` after checking it (`name` is used in error messages). */
  setSeedrandomState(value, name = "state") {
    if (value === null || typeof value !== "object") {
      throw new TypeError(`${name} must be an object {i, j, S}, got ${describe(value)}`);
    }
    const i = readInt(value, "i", 0, MASK, name);
    const j = readInt(value, "j", 0, MASK, name);
    const s = readUintArray(value, "S", WIDTH, 8, name);
    if (new Set(s).size !== WIDTH) throw new RangeError(`${name}.S must be a permutation of 0..255`);
    this._i = i;
    this._j = j;
    this._s.set(s);
  }

  get state() {
    return { bit_generator: "ARC4", state: this.seedrandomState() };
  }

  set state(value) {
    readState(value, "ARC4");
    this.setSeedrandomState(readObject(value, "state", "state"), "state.state");
  }
}
