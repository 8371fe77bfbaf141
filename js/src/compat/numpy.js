/**
 * numpy's legacy `RandomState` on prng's MT19937 (or any prng bit generator), value for value
 * (prng/compat/numpy.py in JS).
 *
 * Thin layer: seeding picks the MT19937 constructor numpy's `_legacy_seeding` amounts to, integer
 * draws and shuffles reuse generator.js's helpers with masked rejection (as mtrand.pyx does), and only
 * the polar-method normal with its cached second value (`legacy_gauss`) lives here. Its `log` is the
 * glibc-exact port in ../libm, so `randn` gives numpy's bits.
 */
import { uint64Reader } from "../bounded.js";
import { describe, toBigInt, toCount, toUint32, toWords } from "../checks.js";
import { LegacyContinuous } from "../continuous.js";
import { Draws } from "../draws.js";
import { cont, dirichletDraws, mixContinuous, uniformDraws } from "../continuous_methods.js";
import { Discrete } from "../discrete.js";
import {
  Generator, HYPERGEOMETRIC_NAMES, binomialParams, boundedIntegers, hypergeometricParams, isPoissonLam,
  isProbabilityGt0, isProbabilityLt1, multinomialDraws, negativeBinomialDraws, pick, populationSize, sample, shuffleInPlace,
} from "../generator.js";
import { log } from "../libm/index.js";
import { MT19937 } from "../mt19937.js";
import { Int64Out, NON_NEGATIVE, int64Draws, isNonNegative, param } from "../params.js";

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
    this._discrete = new Discrete(this._bitGenerator);
    this._continuous = new LegacyContinuous(this._bitGenerator, this._discrete, () => this._gaussOne(this._bitGenerator));
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

  // Continuous distributions: numpy's legacy samplers (continuous.js, LegacyContinuous) where
  // mtrand.pyx uses them; the methods shared with Generator come from continuous_methods.js.

  /** numpy's legacy `standard_exponential(size)`: `-log(1 - U)` (`legacy_standard_exponential`). */
  standardExponential(n) {
    const c = this._continuous;
    return cont(n, [], () => c.standardExponential());
  }

  /** numpy's legacy `standard_gamma(shape, size)`, shape >= 0 (`legacy_standard_gamma`). */
  standardGamma(shape, n) {
    const c = this._continuous;
    return cont(n, [[shape, "shape", [isNonNegative, NON_NEGATIVE]]], (k) => c.standardGamma(k));
  }

  /** numpy's legacy `uniform(low=0.0, high=1.0, size)`: high - low finite (any sign). */
  uniform(low = 0.0, high = 1.0, n) {
    return uniformDraws(this._continuous, low, high, n, false);
  }

  /** numpy's legacy `dirichlet(alpha, size)`, alpha > 0: normalised legacy gammas, rows flat. */
  dirichlet(alpha, n) {
    return dirichletDraws(this._continuous, alpha, n, true);
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

  // Discrete distributions: numpy's legacy samplers (discrete.js) with mtrand.pyx's argument
  // handling. Results are C long (int64 on Linux): a BigInt64Array, or one bigint.

  /** numpy's legacy `binomial(n, p, size)` (`legacy_random_binomial`; shares the set-up cache with multinomial). */
  binomial(n, p, size) {
    const d = this._discrete;
    const [ns, ps] = binomialParams(n, p);
    return int64Draws(size, [ps, ns], ["p", "n"], (pp, nn) => d.legacyBinomial(pp, nn));
  }

  /** numpy's legacy `poisson(lam, size)`: the same sampler as Generator's. */
  poisson(lam = 1.0, n) {
    const d = this._discrete;
    const lams = param(lam, "lam", isPoissonLam, "in [0, POISSON_LAM_MAX] (not NaN)");
    return int64Draws(n, [lams], ["lam"], (l) => d.poisson(l));
  }

  /** numpy's legacy `negative_binomial(n, p, size)`: a Poisson of a legacy gamma draw (n > 0, p in [0, 1]). */
  negativeBinomial(n, p, size) {
    return negativeBinomialDraws(this._continuous, this._discrete, n, p, size, true);
  }

  /** numpy's legacy `geometric(p, size)` (`legacy_random_geometric`), `p` in (0, 1]. */
  geometric(p, n) {
    const d = this._discrete;
    return int64Draws(n, [param(p, "p", isProbabilityGt0, "in (0, 1]")], ["p"], (pp) => d.legacyGeometric(pp));
  }

  /** numpy's legacy `logseries(p, size)` (`legacy_logseries`), `p` in [0, 1). */
  logseries(p, n) {
    const d = this._discrete;
    return int64Draws(n, [param(p, "p", isProbabilityLt1, "in [0, 1)")], ["p"], (pp) => d.legacyLogseries(pp));
  }

  /** numpy's legacy `zipf(a, size)` (`legacy_random_zipf`), `a` > 1. */
  zipf(a, n) {
    const d = this._discrete;
    return int64Draws(n, [param(a, "a", (v) => v > 1, "> 1 (not NaN)")], ["a"], (aa) => d.legacyZipf(aa));
  }

  /**
   * numpy's legacy `hypergeometric(ngood, nbad, nsample, size)` (HRUA with loggam, or HYP):
   * ngood, nbad >= 0, nsample >= 1 and <= ngood + nbad.
   */
  hypergeometric(ngood, nbad, nsample, n) {
    const d = this._discrete;
    const params = hypergeometricParams(ngood, nbad, nsample, 1, Infinity);
    return int64Draws(n, params, HYPERGEOMETRIC_NAMES, (g, b, s) => d.legacyHypergeometric(g, b, s));
  }

  /** numpy's legacy `multinomial(n, pvals, size)`: one `n`, one row of `pvals`. */
  multinomial(n, pvals, size) {
    return multinomialDraws(this._discrete, n, pvals, size, true);
  }

  /** numpy's deprecated `random_integers(low, high, size)`: `randint(low, high + 1)` ([1, low] without high). */
  randomIntegers(low, high, n) {
    if (high === undefined || high === null) [low, high] = [1, low];
    return this.randint(low, toBigInt(high, "high") + 1n, n, { dtype: "int64" });
  }

  /** numpy's `tomaxint(size)`: `next_uint64 >> 1` per value (`random_positive_int`, 64-bit C long). */
  tomaxint(n) {
    const bitgen = this._bitGenerator;
    if (n === undefined) return bitgen.nextUint64() >> 1n;
    const pair = new Uint32Array(2), read = uint64Reader(bitgen);
    const out = new Int64Out(toCount(n, "n"));
    for (let k = 0; k < out.pairs.length; k += 2) {
      read(pair);
      out.pairs[k] = ((pair[1] << 31) | (pair[0] >>> 1)) >>> 0;
      out.pairs[k + 1] = pair[1] >>> 1;
    }
    return out.result();
  }
}

mixContinuous(RandomState.prototype);
