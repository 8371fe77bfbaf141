/**
 * Reading the distribution vectors (vectors/README.md, "Distribution cases") for the Generator,
 * RandomState and random.Random replays: arguments to JS values, results to the vectors' encoding.
 */
import { fromHex, toHex } from "./helpers.js";

const NON_FINITE = { nan: NaN, inf: Infinity, "-inf": -Infinity };

/**
 * A vector argument: float.hex strings -> number, other strings -> bigint, lists element-wise,
 * `{"float": "nan" | "inf" | "-inf" | hex}` -> that number, `{"str": s}` -> s.
 */
export function arg(value) {
  if (Array.isArray(value)) return value.map(arg);
  if (typeof value === "string") return value.includes("p") ? fromHex(value) : BigInt(value);
  if (value !== null && typeof value === "object" && "float" in value) {
    return Object.hasOwn(NON_FINITE, value.float) ? NON_FINITE[value.float] : fromHex(value.float);
  }
  if (value !== null && typeof value === "object" && "str" in value) return value.str;
  return value;
}

/** A vector integer argument as a number (counts, population sizes). */
export const num = (value) => Number(arg(value));

/** Python's `float.hex` of `x`, non-finite values included ("nan", "inf", "-inf"). */
const floatHex = (x) => (Number.isFinite(x) ? toHex(x) : Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf");

/** The values of one result as the vectors write them: float.hex for floats, decimal strings for integers. */
export function encoded(result, dtype) {
  const values = ArrayBuffer.isView(result) || Array.isArray(result) ? Array.from(result) : [result];
  if (dtype === "bool") return values.map(Boolean);
  if (dtype?.startsWith("float")) return values.map(floatHex);
  return values.map(String);
}

/** The expected values of a call, normalized as `encoded` writes them. */
export function expected(call) {
  if (call.dtype === "bool" || call.dtype?.startsWith("float")) return call.expect;
  return call.expect.map(String);
}

/** The count `n` of a call with result shape `shape`: undefined for a scalar (numpy's size=None). */
export const countOf = (shape) => (shape === null ? undefined : shape.reduce((a, b) => a * b, 1));

/** The count of variates of a result of shape (size..., k) (dirichlet, multinomial, ...): undefined for shape (k,). */
export const variates = (shape) => (shape.length > 1 ? countOf(shape.slice(0, -1)) : undefined);

/** The shape of a nested-array argument ([] for a scalar). */
export function shapeOf(value) {
  const shape = [];
  for (let v = value; Array.isArray(v); v = v[0]) shape.push(v.length);
  return shape;
}

/**
 * A nested-array argument broadcast to `shape` by numpy's rules and flattened in C order (a scalar
 * stays a scalar): how the flat JS parameters stand for numpy's broadcast arrays.
 */
export function broadcastFlat(value, shape) {
  if (!Array.isArray(value)) return value;
  const own = shapeOf(value), offset = shape.length - own.length;
  const count = shape.reduce((a, b) => a * b, 1), out = new Array(count);
  for (let k = 0; k < count; k++) {
    let rest = k, v = value;
    const index = new Array(shape.length);
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = rest % shape[axis];
      rest = Math.floor(rest / shape[axis]);
    }
    for (let axis = 0; axis < own.length; axis++) v = v[own[axis] === 1 ? 0 : index[axis + offset]];
    out[k] = v;
  }
  return out;
}

/**
 * Argument `i` (or keyword `name`) of a recorded call decoded by `arg`, else `fallback`, broadcast
 * to the result shape `shape` (flat); `shape` null (a scalar result) leaves it as it is.
 */
export function param(call, i, name, fallback, shape = call.shape) {
  const given = i < call.args.length || name in call.kwargs;
  const value = given ? arg(i < call.args.length ? call.args[i] : call.kwargs[name]) : fallback;
  return shape === null || shape === undefined ? value : broadcastFlat(value, shape);
}

/**
 * multinomial's JS arguments for a recorded call: `[n, pvals, size]`, with an array `n` or rows of
 * `pvals` broadcast to the batch shape (the result's shape less its last axis) as flat arrays of rows.
 */
export function multinomialArgs(call) {
  const n = param(call, 0, "n", undefined, null), pvals = param(call, 1, "pvals", undefined, null);
  const batch = call.shape.slice(0, -1), d = call.shape[call.shape.length - 1];
  if (!Array.isArray(n) && shapeOf(pvals).length <= 1) return [n, pvals, variates(call.shape)];
  const flat = broadcastFlat(pvals, [...batch, d]);
  const rows = Array.from({ length: flat.length / d }, (_, k) => flat.slice(k * d, (k + 1) * d));
  return [broadcastFlat(n, batch), rows, undefined];
}

// Continuous distributions (js-cont): how a recorded numpy call of a continuous method is made on
// the JS Generator or RandomState (the same camelCase method and parameter order on both). numpy's
// `out=` (an empty array of the result's shape) has no JS counterpart: the call draws `n` values of
// that shape instead, the same draws.

/**
 * The call's parameters by numpy's names, in order (positional, else keyword, else undefined: the JS
 * default), each broadcast flat to the result shape.
 */
const named = (c, names) => names.map((name, i) => param(c, i, name, undefined));

export const CONTINUOUS_CALLS = {
  standard_gamma: (g, c, n) => g.standardGamma(...named(c, ["shape"]), n, { dtype: c.kwargs.dtype ?? "float64" }),
  standard_exponential: (g, c, n) => g.standardExponential(n, { dtype: c.kwargs.dtype ?? "float64", method: arg(c.kwargs.method) ?? "zig" }),
  exponential: (g, c, n) => g.exponential(...named(c, ["scale"]), n),
  normal: (g, c, n) => g.normal(...named(c, ["loc", "scale"]), n),
  uniform: (g, c, n) => g.uniform(...named(c, ["low", "high"]), n),
  lognormal: (g, c, n) => g.lognormal(...named(c, ["mean", "sigma"]), n),
  gamma: (g, c, n) => g.gamma(...named(c, ["shape", "scale"]), n),
  beta: (g, c, n) => g.beta(...named(c, ["a", "b"]), n),
  chisquare: (g, c, n) => g.chisquare(...named(c, ["df"]), n),
  noncentral_chisquare: (g, c, n) => g.noncentralChisquare(...named(c, ["df", "nonc"]), n),
  f: (g, c, n) => g.f(...named(c, ["dfnum", "dfden"]), n),
  noncentral_f: (g, c, n) => g.noncentralF(...named(c, ["dfnum", "dfden", "nonc"]), n),
  standard_t: (g, c, n) => g.standardT(...named(c, ["df"]), n),
  standard_cauchy: (g, c, n) => g.standardCauchy(n),
  pareto: (g, c, n) => g.pareto(...named(c, ["a"]), n),
  weibull: (g, c, n) => g.weibull(...named(c, ["a"]), n),
  power: (g, c, n) => g.power(...named(c, ["a"]), n),
  laplace: (g, c, n) => g.laplace(...named(c, ["loc", "scale"]), n),
  gumbel: (g, c, n) => g.gumbel(...named(c, ["loc", "scale"]), n),
  logistic: (g, c, n) => g.logistic(...named(c, ["loc", "scale"]), n),
  rayleigh: (g, c, n) => g.rayleigh(...named(c, ["scale"]), n),
  wald: (g, c, n) => g.wald(...named(c, ["mean", "scale"]), n),
  vonmises: (g, c, n) => g.vonmises(...named(c, ["mu", "kappa"]), n),
  triangular: (g, c, n) => g.triangular(...named(c, ["left", "mode", "right"]), n),
  dirichlet: (g, c) => g.dirichlet(param(c, 0, "alpha", undefined, null), variates(c.shape)),
};

/** numpy methods the JS classes do not have, and why: a case calling one is skipped with the reason. */
export const NOT_IN_JS = {
  multivariate_normal: "not in JS: numpy's factor comes from OpenBLAS (svd/eigh/cholesky, then dgemm), whose kernels depend on the CPU (README)",
};

// Discrete distributions (js-disc): the same camelCase method and parameter order on Generator and
// RandomState (multivariate_hypergeometric is Generator's only; random_integers and tomaxint
// RandomState's). Array parameters are broadcast to the result's shape and flattened.
export const DISCRETE_CALLS = {
  poisson: (g, c, n) => g.poisson(param(c, 0, "lam", 1.0), n),
  binomial: (g, c, n) => g.binomial(param(c, 0, "n"), param(c, 1, "p"), n),
  negative_binomial: (g, c, n) => g.negativeBinomial(param(c, 0, "n"), param(c, 1, "p"), n),
  geometric: (g, c, n) => g.geometric(param(c, 0, "p"), n),
  logseries: (g, c, n) => g.logseries(param(c, 0, "p"), n),
  zipf: (g, c, n) => g.zipf(param(c, 0, "a"), n),
  hypergeometric: (g, c, n) => g.hypergeometric(param(c, 0, "ngood"), param(c, 1, "nbad"), param(c, 2, "nsample"), n),
  multinomial: (g, c) => g.multinomial(...multinomialArgs(c)),
  multivariate_hypergeometric: (g, c) => g.multivariateHypergeometric(
    param(c, 0, "colors", undefined, null), param(c, 1, "nsample", undefined, null), variates(c.shape),
    { method: param(c, 3, "method", "marginals", null) },
  ),
  random_integers: (rs, c, n) => rs.randomIntegers(param(c, 0, "low", undefined, null), param(c, 1, "high", null, null), n),
  tomaxint: (rs, c, n) => rs.tomaxint(n),
};
