/**
 * MT19937 as numpy 2.4.6 has it (numpy/random/src/mt19937/mt19937.c, _mt19937.pyx), with the
 * reference seedings of mt19937ar.c: `init_genrand` and `init_by_array`.
 */
import { BitGenerator32 } from "./bitgen.js";
import { checkArray, toCount, toUint32, toWords } from "./checks.js";
import { jumpState } from "./mt19937-jump.js";
import { toSeedSequence } from "./seedsequence.js";
import { readInt, readObject, readState, readUintArray } from "./state.js";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const UNSEEDED = Symbol("unseeded"); // constructor argument of fromGenrand/fromArray/jumped

/** numpy's `mt19937_gen`: the full twist of all 624 words in place. */
function twist(key) {
  let i = 0;
  for (; i < N - M; i++) {
    const y = (key[i] & UPPER) | (key[i + 1] & LOWER);
    key[i] = key[i + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  for (; i < N - 1; i++) {
    const y = (key[i] & UPPER) | (key[i + 1] & LOWER);
    key[i] = key[i + M - N] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  const y = (key[N - 1] & UPPER) | (key[0] & LOWER);
  key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
}

/** mt19937ar's `init_genrand(s)`: Knuth's linear seeding of the 624 words. */
function initGenrand(key, s) {
  key[0] = s;
  for (let i = 1; i < N; i++) {
    const prev = key[i - 1] ^ (key[i - 1] >>> 30);
    key[i] = Math.imul(1812433253, prev) + i;
  }
}

/** mt19937ar's `init_by_array(words)` (also CPython's `random.seed` and `RandomState(list)`). */
function initByArray(key, words) {
  initGenrand(key, 19650218);
  let i = 1, j = 0;
  for (let k = Math.max(N, words.length); k > 0; k--) {
    const prev = key[i - 1] ^ (key[i - 1] >>> 30);
    key[i] = (key[i] ^ Math.imul(prev, 1664525)) + words[j] + j;
    i++;
    j++;
    if (i >= N) { key[0] = key[N - 1]; i = 1; }
    if (j >= words.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = key[i - 1] ^ (key[i - 1] >>> 30);
    key[i] = (key[i] ^ Math.imul(prev, 1566083941)) - i;
    i++;
    if (i >= N) { key[0] = key[N - 1]; i = 1; }
  }
  key[0] = UPPER;
}

export class MT19937 extends BitGenerator32 {
  static algorithm = "MT19937";

  /**
   * `new MT19937(seed)` as `numpy.random.MT19937(seed)`: key[0] = 0x80000000, key[1..] =
   * SeedSequence words 1..623 and pos = 623, so the first output is the tempered word 623, untwisted.
   */
  constructor(seed) {
    super();
    this._key = new Uint32Array(N);
    this._pos = N;
    if (seed === UNSEEDED) return;
    this.seedSeq = toSeedSequence(seed);
    this._key.set(this.seedSeq.generateWords(N));
    this._key[0] = UPPER;
    this._pos = N - 1;
  }

  /** `init_genrand(seed)`: C++ `std::mt19937(seed)`, `numpy.random.RandomState(int)`, `torch.manual_seed`. */
  static fromGenrand(seed) {
    const g = new MT19937(UNSEEDED);
    initGenrand(g._key, toUint32(seed, "seed"));
    return g;
  }

  /** `init_by_array(words)`: mt19937ar, CPython `random.seed`, `numpy.random.RandomState(list)`. */
  static fromArray(words) {
    const g = new MT19937(UNSEEDED);
    initByArray(g._key, toWords(words, "words", 32).map(Number));
    return g;
  }

  /** numpy's `mt19937_next32`: one tempered word (twisting when all 624 are used). */
  nextUint32() {
    if (this._pos === N) this._twist();
    let y = this._key[this._pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    return (y ^ (y >>> 18)) >>> 0;
  }

  /** numpy's `mt19937_gen`: the full twist, then pos = 0. */
  _twist() {
    twist(this._key);
    this._pos = 0;
  }

  /** `out[i] = nextUint32()` for every i: runs of tempered words between twists, position in a local. */
  fillUint32(out) {
    checkArray(out, Uint32Array, "out");
    const key = this._key;
    let pos = this._pos;
    for (let i = 0; i < out.length; ) {
      if (pos === N) {
        twist(key);
        pos = 0;
      }
      const end = Math.min(N, pos + out.length - i);
      for (; pos < end; pos++, i++) {
        let y = key[pos];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        out[i] = y ^ (y >>> 18);
      }
    }
    this._pos = pos;
    return out;
  }

  /** numpy's `jumped(jumps)`: a new generator `jumps * 2**128` draws ahead; this one is unchanged. */
  jumped(jumps = 1) {
    toCount(jumps, "jumps");
    let key = this._key, pos = this._pos;
    for (let k = 0; k < jumps; k++) ({ key, pos } = jumpState(key, pos));
    const copy = new MT19937(UNSEEDED);
    copy._key.set(key);
    copy._pos = pos;
    return copy;
  }

  get state() {
    return { bit_generator: "MT19937", state: { key: Array.from(this._key), pos: this._pos } };
  }

  set state(value) {
    readState(value, "MT19937");
    const inner = readObject(value, "state", "state");
    const key = readUintArray(inner, "key", N, 32, "state.state");
    const pos = readInt(inner, "pos", 0, N, "state.state");
    this._key.set(key);
    this._pos = pos;
  }
}

