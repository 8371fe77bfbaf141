/**
 * numpy's legacy `RandomState` on prng's MT19937 (or any prng bit generator), value for value
 * (prng/compat/numpy.py in JS).
 *
 * Thin layer: seeding picks the MT19937 constructor numpy's `_legacy_seeding` amounts to, integer
 * draws and shuffles reuse generator.js's helpers with masked rejection (as mtrand.pyx does), and only
 * the polar-method normal with its cached second value (`legacy_gauss`) lives here. Its `log` is the
 * glibc-exact port in ../libm, so `randn` gives numpy's bits.
 */
import { describe, toCount, toUint32, toWords } from "../checks.js";
import { Draws } from "../draws.js";
import { Generator, boundedIntegers, pick, populationSize, shuffleInPlace } from "../generator.js";
import { log } from "../libm/index.js";
import { MT19937 } from "../mt19937.js";

/**
 * numpy's `MT19937._legacy_seeding` as a new MT19937: an integer in [0, 2**32-1] goes through
 * init_genrand, a non-empty array of such integers through init_by_array.
 */
export function legacySeeded(seed) {
  if (Array.isArray(seed) || ArrayBuffer.isView(seed)) return MT19937.fromArray(toWords(seed, "seed", 32));
  return MT19937.fromGenrand(toUint32(seed, "seed"));
}

/** The product of the dimensions of `rand(d0, d1, ...)`, or undefined (one value) for none. */
function countOfShape(shape) {
  return shape.length === 0 ? undefined : shape.reduce((product, d, i) => product * toCountArg(d, i), 1);
}

function toCountArg(d, i) {
  if (!Number.isSafeInteger(d) || d < 0) {
    throw new RangeError(`dimension ${i} must be a non-negative integer, got ${describe(d)}`);
  }
  return d;
}

export class RandomState {
  /**
   * numpy.random.RandomState: `seed` undefined (SeedSequence entropy), an integer in [0, 2**32), an
   * array of them, or a prng bit generator used as is.
   */
  constructor(seed) {
    if (seed === undefined || seed === null) {
      this._bitGenerator = new MT19937();
    } else if (typeof seed.nextUint64 === "function") {
      this._bitGenerator = seed;
    } else {
      this._bitGenerator = legacySeeded(seed);
    }
    this._generator = new Generator(this._bitGenerator);
    this._gauss = null;
  }

  /** The bit generator every draw comes from. */
  get bitGenerator() {
    return this._bitGenerator;
  }

  /**
   * numpy's `RandomState.seed`: re-seed the MT19937 in place by the legacy rules (undefined: fresh
   * SeedSequence words, keeping `pos` as numpy does) and drop the cached normal.
   */
  seed(seed) {
    if (!(this._bitGenerator instanceof MT19937)) throw new TypeError("seed: can only re-seed a MT19937 bit generator");
    const fresh = seed === undefined || seed === null;
    const state = (fresh ? new MT19937() : legacySeeded(seed)).state;
    if (fresh) state.state.pos = this._bitGenerator.state.state.pos;
    this._bitGenerator.state = state;
    this._gauss = null;
  }

  /**
   * numpy's `get_state`: `["MT19937", key, pos, hasGauss, gauss]` (the legacy tuple), or with
   * `{legacy: false}` the bit generator's state object plus `has_gauss` and `gauss`.
   */
  getState({ legacy = true } = {}) {
    const state = this._bitGenerator.state;
    const [hasGauss, gauss] = this._gauss === null ? [0, 0.0] : [1, this._gauss];
    if (!legacy) return { ...state, has_gauss: hasGauss, gauss };
    if (state.bit_generator !== "MT19937") {
      throw new RangeError("getState: legacy must be false when the bit generator is not MT19937");
    }
    return ["MT19937", Uint32Array.from(state.state.key), state.state.pos, hasGauss, gauss];
  }

  /** numpy's `set_state`: a state object, or the legacy 3- or 5-element array. */
  setState(state) {
    let bitgenState, hasGauss, gauss;
    if (Array.isArray(state)) {
      if ((state.length !== 3 && state.length !== 5) || state[0] !== "MT19937") {
        throw new RangeError('state must be ["MT19937", key, pos] or ["MT19937", key, pos, hasGauss, gauss]');
      }
      bitgenState = { bit_generator: "MT19937", state: { key: Array.from(state[1]), pos: state[2] } };
      [hasGauss, gauss] = state.length === 5 ? [state[3], state[4]] : [0, 0.0];
    } else if (state !== null && typeof state === "object") {
      const { has_gauss: h = 0, gauss: g = 0.0, ...rest } = state;
      [bitgenState, hasGauss, gauss] = [rest, h, g];
    } else {
      throw new TypeError(`state must be a state object or a legacy array, got ${describe(state)}`);
    }
    this._bitGenerator.state = bitgenState;
    this._gauss = hasGauss ? Number(gauss) : null;
  }

  /** numpy's `random_sample`: `nextDouble` per value. */
  randomSample(n) {
    return this._generator.random(n);
  }

  /** numpy's `random` (an alias of `random_sample`). */
  random(n) {
    return this.randomSample(n);
  }

  /** numpy's `rand(d0, d1, ...)`: `random_sample` of the dimensions' product (flat). */
  rand(...shape) {
    return this.randomSample(countOfShape(shape));
  }

  /**
   * numpy's `randint(low, high, size, dtype)`: [low, high) by masked rejection (`dtype` "int64", C
   * long on Linux, by default); `high` undefined or null: [0, low).
   */
  randint(low, high, n, { dtype = "int64" } = {}) {
    if (high === undefined || high === null) [low, high] = [0, low];
    return boundedIntegers(this._bitGenerator, low, high, n, dtype, false, true);
  }

  /**
   * numpy's `legacy_gauss` drawing from `bitgen` (the bit generator or a view of it): Marsaglia's
   * polar method, returning `f*x2` and caching `f*x1`.
   */
  _gaussOne(bitgen) {
    if (this._gauss !== null) {
      const value = this._gauss;
      this._gauss = null;
      return value;
    }
    let x1, x2, r2;
    do {
      x1 = 2.0 * bitgen.nextDouble() - 1.0;
      x2 = 2.0 * bitgen.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (!(r2 > 0.0 && r2 < 1.0));
    const f = Math.sqrt((-2.0 * log(r2)) / r2);
    this._gauss = f * x1;
    return f * x2;
  }

  /**
   * numpy's legacy `standard_normal` (polar method; the cached value carries across calls). Values
   * come in pairs of at least two doubles, the second from the cache, so while a pair is drawn at
   * least max(values still to come - 1, 1) doubles are still to come: the view draws that many ahead.
   */
  standardNormal(n) {
    if (n === undefined) return this._gaussOne(this._bitGenerator);
    const out = new Float64Array(toCount(n, "n"));
    const draws = new Draws(this._bitGenerator, 64);
    for (let k = 0; k < out.length; k++) {
      draws.owed = Math.max(out.length - k - 1, 1);
      out[k] = this._gaussOne(draws);
    }
    draws.close();
    return out;
  }

  /** numpy's `randn(d0, d1, ...)`: `standard_normal` of the dimensions' product (flat). */
  randn(...shape) {
    return this.standardNormal(countOfShape(shape));
  }

  /** numpy's legacy `shuffle`: Fisher-Yates, masked-rejection draws. */
  shuffle(x) {
    shuffleInPlace(this._bitGenerator, x);
  }

  /** numpy's legacy `permutation`: a shuffled `arange(x)` (Float64Array) or a shuffled copy of `x`. */
  permutation(x) {
    return this._generator.permutation(x);
  }

  /**
   * numpy's legacy `choice(a, size, replace)` without `p`: `randint(0, n, size)` with replacement,
   * else the first `size` entries of `permutation(n)`.
   */
  choice(a, n, { replace = true } = {}) {
    const count = n === undefined ? 1 : n;
    const popSize = populationSize(a, count);
    let indices;
    if (replace) {
      indices = Float64Array.from(this.randint(0, popSize, count), Number);
    } else {
      if (count > popSize) {
        throw new RangeError(`n must be <= the population size ${popSize} when replace is false, got ${count}`);
      }
      indices = this.permutation(popSize).slice(0, count);
    }
    return pick(a, indices, n);
  }
}
