/**
 * The continuous-distribution methods that numpy's `Generator` (_generator.pyx) and `RandomState`
 * (mtrand.pyx) handle alike: the same parameters, defaults, constraints (numpy's `cont` with
 * CONS_NON_NEGATIVE / CONS_POSITIVE) and broadcasting, each drawing from the object's
 * `_continuous` sampler (continuous.js: `Continuous` for Generator, `LegacyContinuous` for
 * RandomState, so the legacy samplers are used exactly where mtrand uses them).
 *
 * Parameters are numbers or flat arrays (Array / typed array), broadcast 1-D (params.js); `n`
 * omitted with scalar parameters gives one number, else a Float64Array. `mixContinuous` copies these
 * methods onto a class's prototype.
 */
import { describe, toCount } from "./checks.js";
import { NON_NEGATIVE, POSITIVE, floatDraws, isArrayLike, isNonNegative, isPositive, param } from "./params.js";

const ANY = [() => true, "a number"];
const NON_NEG = [isNonNegative, NON_NEGATIVE];
const POS = [isPositive, POSITIVE];

/** One checked parameter of a continuous method: `[value, name, [check, range]]`. */
function checked([value, name, [check, range]]) {
  return param(value, name, check, range);
}

/** numpy's `cont(...)`: check every parameter, then `draw` per value over their broadcast. */
export function cont(n, specs, draw) {
  return floatDraws(n, specs.map(checked), specs.map((s) => s[1]), draw);
}

/**
 * numpy's `uniform(low, high, size)`: `low + (high - low) * next_double` with the range computed
 * first (a RangeError when it is not finite), and for Generator (`nonNegative`) checked >= 0.
 */
export function uniformDraws(c, low, high, n, nonNegative) {
  const lows = param(low, "low", ...ANY), highs = param(high, "high", ...ANY);
  const length = Math.max(lows.values.length, highs.values.length);
  const ranges = Float64Array.from({ length }, (_, k) => highs.values[k * highs.step] - lows.values[k * lows.step]);
  if (!ranges.every(Number.isFinite)) throw new RangeError("high - low must be finite (numpy: range exceeds valid bounds)");
  const [check, range] = nonNegative ? NON_NEG : ANY;
  const rangeValue = lows.scalar && highs.scalar ? ranges[0] : ranges;
  const params = [lows, param(rangeValue, "high - low", check, range)];
  return floatDraws(n, params, ["low", "high - low"], (l, r) => c.uniform(l, r));
}

/**
 * numpy's `dirichlet(alpha, size)`: `n` (or one) variates of `alpha.length` components, row after
 * row. Generator (`legacy` false): alpha >= 0, stick breaking with betas when max(alpha) < 0.1;
 * RandomState: alpha > 0, gamma normalisation always.
 */
export function dirichletDraws(c, alpha, n, legacy) {
  if (!isArrayLike(alpha)) throw new TypeError(`alpha must be an array of numbers, got ${describe(alpha)}`);
  const values = legacy ? param(alpha, "alpha", ...POS).values : param(alpha, "alpha", (v) => !(v < 0), ">= 0").values;
  const k = values.length;
  const out = new Float64Array((n === undefined ? 1 : toCount(n, "n")) * k);
  if (k === 0) return out;
  let max = values[0];
  for (let j = 1; j < k; j++) max = values[j] > max || values[j] !== values[j] ? values[j] : max;
  if (!legacy && max < 0.1) {
    const csum = new Float64Array(k);
    for (let j = k - 1, sum = 0.0; j >= 0; j--) csum[j] = sum += values[j];
    if (csum[0] > 0) for (let i = 0; i < out.length; i += k) c.dirichletSticks(values, csum, out, i);
  } else {
    for (let i = 0; i < out.length; i += k) c.dirichletGammas(values, out, i);
  }
  return out;
}

class ContinuousMethods {
  /** numpy's `exponential(scale=1.0, size)`: `scale * standard_exponential`, scale >= 0 (NaN passes). */
  exponential(scale = 1.0, n) {
    const c = this._continuous;
    return cont(n, [[scale, "scale", NON_NEG]], (s) => c.exponential(s));
  }

  /** numpy's `normal(loc=0.0, scale=1.0, size)`: `loc + scale * standard_normal`. */
  normal(loc = 0.0, scale = 1.0, n) {
    const c = this._continuous;
    return cont(n, [[loc, "loc", ANY], [scale, "scale", NON_NEG]], (l, s) => c.normal(l, s));
  }

  /** numpy's `lognormal(mean=0.0, sigma=1.0, size)`: `exp(normal(mean, sigma))`. */
  lognormal(mean = 0.0, sigma = 1.0, n) {
    const c = this._continuous;
    return cont(n, [[mean, "mean", ANY], [sigma, "sigma", NON_NEG]], (m, s) => c.lognormal(m, s));
  }

  /** numpy's `gamma(shape, scale=1.0, size)`: `scale * standard_gamma(shape)`. */
  gamma(shape, scale = 1.0, n) {
    const c = this._continuous;
    return cont(n, [[shape, "shape", NON_NEG], [scale, "scale", NON_NEG]], (k, s) => s * c.standardGamma(k));
  }

  /** numpy's `beta(a, b, size)`, a and b > 0. */
  beta(a, b, n) {
    const c = this._continuous;
    return cont(n, [[a, "a", POS], [b, "b", POS]], (x, y) => c.beta(x, y));
  }

  /** numpy's `chisquare(df, size)`, df > 0. */
  chisquare(df, n) {
    const c = this._continuous;
    return cont(n, [[df, "df", POS]], (d) => c.chisquare(d));
  }

  /** numpy's `noncentral_chisquare(df, nonc, size)`, df > 0, nonc >= 0. */
  noncentralChisquare(df, nonc, n) {
    const c = this._continuous;
    return cont(n, [[df, "df", POS], [nonc, "nonc", NON_NEG]], (d, l) => c.noncentralChisquare(d, l));
  }

  /** numpy's `f(dfnum, dfden, size)`, both > 0. */
  f(dfnum, dfden, n) {
    const c = this._continuous;
    return cont(n, [[dfnum, "dfnum", POS], [dfden, "dfden", POS]], (a, b) => c.f(a, b));
  }

  /** numpy's `noncentral_f(dfnum, dfden, nonc, size)`, dfnum and dfden > 0, nonc >= 0. */
  noncentralF(dfnum, dfden, nonc, n) {
    const c = this._continuous;
    const specs = [[dfnum, "dfnum", POS], [dfden, "dfden", POS], [nonc, "nonc", NON_NEG]];
    return cont(n, specs, (a, b, l) => c.noncentralF(a, b, l));
  }

  /** numpy's `standard_t(df, size)`, df > 0. */
  standardT(df, n) {
    const c = this._continuous;
    return cont(n, [[df, "df", POS]], (d) => c.standardT(d));
  }

  /** numpy's `standard_cauchy(size)`: normal / normal. */
  standardCauchy(n) {
    const c = this._continuous;
    return cont(n, [], () => c.standardCauchy());
  }

  /** numpy's `pareto(a, size)` (Lomax), a > 0. */
  pareto(a, n) {
    const c = this._continuous;
    return cont(n, [[a, "a", POS]], (x) => c.pareto(x));
  }

  /** numpy's `weibull(a, size)`, a >= 0. */
  weibull(a, n) {
    const c = this._continuous;
    return cont(n, [[a, "a", NON_NEG]], (x) => c.weibull(x));
  }

  /** numpy's `power(a, size)`, a > 0. */
  power(a, n) {
    const c = this._continuous;
    return cont(n, [[a, "a", POS]], (x) => c.power(x));
  }

  /** numpy's `laplace(loc=0.0, scale=1.0, size)`. */
  laplace(loc = 0.0, scale = 1.0, n) {
    const c = this._continuous;
    return cont(n, [[loc, "loc", ANY], [scale, "scale", NON_NEG]], (l, s) => c.laplace(l, s));
  }

  /** numpy's `gumbel(loc=0.0, scale=1.0, size)`. */
  gumbel(loc = 0.0, scale = 1.0, n) {
    const c = this._continuous;
    return cont(n, [[loc, "loc", ANY], [scale, "scale", NON_NEG]], (l, s) => c.gumbel(l, s));
  }

  /** numpy's `logistic(loc=0.0, scale=1.0, size)`. */
  logistic(loc = 0.0, scale = 1.0, n) {
    const c = this._continuous;
    return cont(n, [[loc, "loc", ANY], [scale, "scale", NON_NEG]], (l, s) => c.logistic(l, s));
  }

  /** numpy's `rayleigh(scale=1.0, size)`. */
  rayleigh(scale = 1.0, n) {
    const c = this._continuous;
    return cont(n, [[scale, "scale", NON_NEG]], (s) => c.rayleigh(s));
  }

  /** numpy's `wald(mean, scale, size)` (inverse Gaussian), both > 0. */
  wald(mean, scale, n) {
    const c = this._continuous;
    return cont(n, [[mean, "mean", POS], [scale, "scale", POS]], (m, s) => c.wald(m, s));
  }

  /** numpy's `vonmises(mu, kappa, size)`, kappa >= 0. */
  vonmises(mu, kappa, n) {
    const c = this._continuous;
    return cont(n, [[mu, "mu", ANY], [kappa, "kappa", NON_NEG]], (m, k) => c.vonmises(m, k));
  }

  /** numpy's `triangular(left, mode, right, size)`: left <= mode <= right, left < right, element-wise. */
  triangular(left, mode, right, n) {
    const specs = [[left, "left", ANY], [mode, "mode", ANY], [right, "right", ANY]];
    const params = specs.map(checked);
    const [l, m, r] = params;
    const length = Math.max(l.values.length, m.values.length, r.values.length);
    // numpy checks the three conditions each over the whole broadcast, in this order.
    const each = (test) => Array.from({ length }, (_, k) => test(l.values[k * l.step], m.values[k * m.step], r.values[k * r.step]));
    if (each((a, b) => a > b).some(Boolean)) throw new RangeError("left must be <= mode (numpy: left > mode)");
    if (each((a, b, c) => b > c).some(Boolean)) throw new RangeError("mode must be <= right (numpy: mode > right)");
    if (each((a, b, c) => a === c).some(Boolean)) throw new RangeError("left must be < right (numpy: left == right)");
    const c = this._continuous;
    return floatDraws(n, params, ["left", "mode", "right"], (a, b, d) => c.triangular(a, b, d));
  }
}

/** Copies the shared continuous methods onto `prototype` (Generator's or RandomState's). */
export function mixContinuous(prototype) {
  for (const name of Object.getOwnPropertyNames(ContinuousMethods.prototype)) {
    if (name !== "constructor") {
      Object.defineProperty(prototype, name, Object.getOwnPropertyDescriptor(ContinuousMethods.prototype, name));
    }
  }
}
