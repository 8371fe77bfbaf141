/**
 * numpy's SeedSequence (numpy/random/bit_generator.pyx, numpy 2.4.6): entropy -> pool -> state words.
 */
import { describe, toBigInt, toCount } from "./checks.js";

const DEFAULT_POOL_SIZE = 4;
const MAX_SPAWN = 1_000_000; // children per spawn() call
const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;

/** numpy's `_int_to_uint32_array`: 32-bit words, least significant first; 0 -> [0]. */
function intToWords(value, name, out) {
  const big = toBigInt(value, name);
  if (big < 0n) throw new RangeError(`${name} must be non-negative, got ${value}`);
  let rest = big;
  do {
    out.push(Number(rest & 0xffffffffn));
    rest >>= 32n;
  } while (rest > 0n);
}

/** numpy's `_coerce_to_uint32_array`: an integer or (nested) array of integers -> uint32 words. */
function coerceToWords(value, name, out = []) {
  if (value instanceof Uint32Array) out.push(...value);
  else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    Array.from(value).forEach((v, i) => coerceToWords(v, `${name}[${i}]`, out));
  } else if (typeof value === "number" || typeof value === "bigint") intToWords(value, name, out);
  else {
    throw new TypeError(
      `${name} must be a non-negative integer (number or bigint) or an array of them, got ${describe(value)}`,
    );
  }
  return out;
}

/** 128 bits of OS entropy as a bigint (numpy: `secrets.randbits(pool_size * 32)`). */
function randomEntropy(poolSize) {
  const words = globalThis.crypto.getRandomValues(new Uint32Array(poolSize));
  return words.reduce((acc, w) => (acc << 32n) | BigInt(w), 0n);
}

/** numpy's `hashmix` with the running hash constant kept in `hc.value`. */
function hashmix(value, hc) {
  value = (value ^ hc.value) >>> 0;
  hc.value = Math.imul(hc.value, MULT_A) >>> 0;
  value = Math.imul(value, hc.value) >>> 0;
  return (value ^ (value >>> 16)) >>> 0;
}

/** numpy's `mix`. */
function mix(x, y) {
  const r = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  return (r ^ (r >>> 16)) >>> 0;
}

/** numpy's `mix_entropy`: the pool from the assembled entropy words. */
function mixEntropy(entropy, poolSize) {
  const pool = new Uint32Array(poolSize);
  const hc = { value: INIT_A };
  for (let i = 0; i < poolSize; i++) pool[i] = hashmix(i < entropy.length ? entropy[i] : 0, hc);
  for (let src = 0; src < poolSize; src++) {
    for (let dst = 0; dst < poolSize; dst++) {
      if (src !== dst) pool[dst] = mix(pool[dst], hashmix(pool[src], hc));
    }
  }
  for (let src = poolSize; src < entropy.length; src++) {
    for (let dst = 0; dst < poolSize; dst++) pool[dst] = mix(pool[dst], hashmix(entropy[src], hc));
  }
  return pool;
}

export class SeedSequence {
  /**
   * `new SeedSequence(entropy, {spawnKey, poolSize})` as `numpy.random.SeedSequence(entropy,
   * spawn_key=..., pool_size=...)`. `entropy`: a non-negative number (safe integer) or bigint, an
   * array of them, or undefined/null for OS entropy. `argName` names `entropy` in error messages.
   */
  constructor(entropy, { spawnKey = [], poolSize = DEFAULT_POOL_SIZE } = {}, argName = "entropy") {
    toCount(poolSize, "poolSize");
    if (poolSize < DEFAULT_POOL_SIZE) {
      throw new RangeError(`poolSize must be at least ${DEFAULT_POOL_SIZE}, got ${poolSize}`);
    }
    this.entropy = entropy ?? randomEntropy(poolSize);
    if (!Array.isArray(spawnKey)) throw new TypeError(`spawnKey must be an array of integers, got ${describe(spawnKey)}`);
    const run = coerceToWords(this.entropy, argName);
    const key = coerceToWords(spawnKey, "spawnKey");
    this.spawnKey = spawnKey.map((k) => toBigInt(k, "spawnKey"));
    this.poolSize = poolSize;
    this.nChildrenSpawned = 0;
    while (key.length > 0 && run.length < poolSize) run.push(0);
    this.pool = mixEntropy(run.concat(key), poolSize);
  }

  /** `n` uint32 state words (numpy's `generate_state(n, np.uint32)`). */
  generateWords(n) {
    const out = new Uint32Array(toCount(n, "n"));
    let hc = INIT_B;
    for (let i = 0; i < n; i++) {
      let v = (this.pool[i % this.poolSize] ^ hc) >>> 0;
      hc = Math.imul(hc, MULT_B) >>> 0;
      v = Math.imul(v, hc) >>> 0;
      out[i] = (v ^ (v >>> 16)) >>> 0;
    }
    return out;
  }

  /**
   * numpy's `generate_state(n, dtype)`: a Uint32Array, or for "uint64" a BigUint64Array whose word k
   * is `u32[2k] | u32[2k+1] << 32`.
   */
  generateState(n, dtype = "uint32") {
    toCount(n, "n");
    if (dtype === "uint32") return this.generateWords(n);
    if (dtype !== "uint64") {
      throw new RangeError(`dtype must be "uint32" or "uint64", got ${describe(dtype)}`);
    }
    const words = this.generateWords(2 * n);
    return BigUint64Array.from({ length: n }, (_, k) => (BigInt(words[2 * k + 1]) << 32n) | BigInt(words[2 * k]));
  }

  /**
   * numpy's `spawn(n)`: `n` children with spawn keys `spawnKey ++ [i]`. At most 10**6 children per
   * call (bounded work; numpy has no bound): call again for more, the keys continue.
   */
  spawn(n) {
    toCount(n, "n");
    if (n > MAX_SPAWN) throw new RangeError(`n must be at most ${MAX_SPAWN} children per spawn call, got ${n}`);
    const first = this.nChildrenSpawned;
    this.nChildrenSpawned += n;
    return Array.from(
      { length: n },
      (_, i) =>
        new SeedSequence(this.entropy, { spawnKey: [...this.spawnKey, BigInt(first + i)], poolSize: this.poolSize }),
    );
  }
}

/** A bit generator's seed argument as a SeedSequence (numpy: a non-SeedSequence seed is wrapped). */
export function toSeedSequence(seed) {
  return seed instanceof SeedSequence ? seed : new SeedSequence(seed, {}, "seed");
}
