/** Types of generator.js: numpy's `Generator` and `default_rng` (see generator.js for the numpy sources). */
import type { Int, Seed } from "./index.js";

/** What a Generator draws from: any prng bit generator (or an object with these three methods). */
export interface BitSource {
  nextUint32(): number;
  nextUint64(): bigint;
  nextDouble(): number;
}

/** numpy's integer dtypes (and bool) and the typed array each gives. */
export interface IntegerArrays {
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  int64: BigInt64Array;
  uint8: Uint8Array;
  uint16: Uint16Array;
  uint32: Uint32Array;
  uint64: BigUint64Array;
  bool: Uint8Array;
}
export type IntegerDtype = keyof IntegerArrays;
/** One value of an integer dtype (numpy's `size=None`): a bigint for 64-bit dtypes, a boolean for bool. */
export type IntegerScalar<D extends IntegerDtype> = D extends "int64" | "uint64" ? bigint : D extends "bool" ? boolean : number;
export interface IntegerOptions<D extends IntegerDtype> {
  dtype?: D;
  endpoint?: boolean;
}

export type FloatDtype = "float64" | "float32";
export type FloatArray<D extends FloatDtype> = D extends "float32" ? Float32Array : Float64Array;
export interface FloatOptions<D extends FloatDtype> {
  dtype?: D;
}

export type TypedArray =
  | Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array
  | Float32Array | Float64Array | BigInt64Array | BigUint64Array;
/** What `shuffle`, `permutation` and `choice` take: an Array or a typed array. */
export type Sequence = unknown[] | TypedArray;
/** An element of a sequence. */
export type ElementOf<S> = S extends (infer T)[] ? T : S extends BigInt64Array | BigUint64Array ? bigint : number;

export interface ChoiceOptions {
  replace?: boolean;
  shuffle?: boolean;
}

// Continuous distributions (continuous_methods.js): numpy's parameters, numbers or flat arrays
// broadcast 1-D; one number when every parameter is a number and `n` is omitted, else a Float64Array.

/**
 * A distribution parameter: one number, or an Array / typed array of them, broadcast 1-D (each array
 * has the result's length or length 1; `n`, when given, is that length).
 */
export type Param = number | ArrayLike<number>;

export interface ExponentialOptions<D extends FloatDtype> extends FloatOptions<D> {
  method?: "zig" | "inv";
}

/** The continuous methods Generator and RandomState share (the legacy samplers on RandomState). */
export interface ContinuousMethods {
  /** `scale * standard_exponential`, scale >= 0. */
  exponential(scale?: number, n?: undefined): number;
  exponential(scale: Param | undefined, n?: number): Float64Array;
  /** `loc + scale * standard_normal`, scale >= 0. */
  normal(loc?: number, scale?: number, n?: undefined): number;
  normal(loc: Param | undefined, scale: Param | undefined, n?: number): Float64Array;
  /** `exp(normal(mean, sigma))`, sigma >= 0. */
  lognormal(mean?: number, sigma?: number, n?: undefined): number;
  lognormal(mean: Param | undefined, sigma: Param | undefined, n?: number): Float64Array;
  /** `scale * standard_gamma(shape)`, shape and scale >= 0. */
  gamma(shape: number, scale?: number, n?: undefined): number;
  gamma(shape: Param, scale: Param | undefined, n?: number): Float64Array;
  /** Beta(a, b), a and b > 0. */
  beta(a: number, b: number, n?: undefined): number;
  beta(a: Param, b: Param, n?: number): Float64Array;
  /** Chi-square with `df` > 0 degrees of freedom. */
  chisquare(df: number, n?: undefined): number;
  chisquare(df: Param, n?: number): Float64Array;
  /** Noncentral chi-square, df > 0, nonc >= 0. */
  noncentralChisquare(df: number, nonc: number, n?: undefined): number;
  noncentralChisquare(df: Param, nonc: Param, n?: number): Float64Array;
  /** F(dfnum, dfden), both > 0. */
  f(dfnum: number, dfden: number, n?: undefined): number;
  f(dfnum: Param, dfden: Param, n?: number): Float64Array;
  /** Noncentral F, dfnum and dfden > 0, nonc >= 0. */
  noncentralF(dfnum: number, dfden: number, nonc: number, n?: undefined): number;
  noncentralF(dfnum: Param, dfden: Param, nonc: Param, n?: number): Float64Array;
  /** Student's t with `df` > 0. */
  standardT(df: number, n?: undefined): number;
  standardT(df: Param, n?: number): Float64Array;
  /** Standard Cauchy (normal / normal). */
  standardCauchy(n?: undefined): number;
  standardCauchy(n: number): Float64Array;
  /** Pareto II (Lomax), a > 0. */
  pareto(a: number, n?: undefined): number;
  pareto(a: Param, n?: number): Float64Array;
  /** Weibull, a >= 0. */
  weibull(a: number, n?: undefined): number;
  weibull(a: Param, n?: number): Float64Array;
  /** Power distribution, a > 0. */
  power(a: number, n?: undefined): number;
  power(a: Param, n?: number): Float64Array;
  /** Laplace, scale >= 0. */
  laplace(loc?: number, scale?: number, n?: undefined): number;
  laplace(loc: Param | undefined, scale: Param | undefined, n?: number): Float64Array;
  /** Gumbel, scale >= 0. */
  gumbel(loc?: number, scale?: number, n?: undefined): number;
  gumbel(loc: Param | undefined, scale: Param | undefined, n?: number): Float64Array;
  /** Logistic, scale >= 0. */
  logistic(loc?: number, scale?: number, n?: undefined): number;
  logistic(loc: Param | undefined, scale: Param | undefined, n?: number): Float64Array;
  /** Rayleigh, scale >= 0. */
  rayleigh(scale?: number, n?: undefined): number;
  rayleigh(scale: Param | undefined, n?: number): Float64Array;
  /** Wald (inverse Gaussian), mean and scale > 0. */
  wald(mean: number, scale: number, n?: undefined): number;
  wald(mean: Param, scale: Param, n?: number): Float64Array;
  /** von Mises on [-pi, pi], kappa >= 0. */
  vonmises(mu: number, kappa: number, n?: undefined): number;
  vonmises(mu: Param, kappa: Param, n?: number): Float64Array;
  /** Triangular, left <= mode <= right, left < right. */
  triangular(left: number, mode: number, right: number, n?: undefined): number;
  triangular(left: Param, mode: Param, right: Param, n?: number): Float64Array;
}

export interface Generator<B extends BitSource = BitSource> extends ContinuousMethods {}

/** An integer parameter: safe integers (numbers, or bigints within 2**53), one or an array. */
export type IntParam = Int | ArrayLike<Int>;
export interface MultivariateHypergeometricOptions {
  /** numpy's `method`: "marginals" (successive hypergeometrics, sum(colors) < 10**9) or "count". */
  method?: "marginals" | "count";
}


export class Generator<B extends BitSource = BitSource> {
  /** numpy.random.Generator's distributions over `bitGenerator`. */
  constructor(bitGenerator: B);
  readonly bitGenerator: B;
  /** Uniform doubles in [0, 1) (`nextDouble`), or float32 from the top 24 bits of `nextUint32`. */
  random(n?: undefined, options?: FloatOptions<FloatDtype>): number;
  random<D extends FloatDtype = "float64">(n: number, options?: FloatOptions<D>): FloatArray<D>;
  /** Integers in [low, high) ([low, high] with `endpoint`; [0, low) when `high` is omitted), Lemire's method. */
  integers<D extends IntegerDtype = "int64">(low: Int, high?: Int | null, n?: undefined, options?: IntegerOptions<D>): IntegerScalar<D>;
  integers<D extends IntegerDtype = "int64">(low: Int, high: Int | null | undefined, n: number, options?: IntegerOptions<D>): IntegerArrays[D];
  /** Array (broadcast 1-D) bounds: one value per element, numpy's broadcast path. */
  integers<D extends IntegerDtype = "int64">(low: IntParam, high: IntParam | null | undefined, n?: number, options?: IntegerOptions<D>): IntegerArrays[D];
  /** Standard normals by numpy's 256-layer ziggurat. */
  standardNormal(n?: undefined, options?: FloatOptions<FloatDtype>): number;
  standardNormal<D extends FloatDtype = "float64">(n: number, options?: FloatOptions<D>): FloatArray<D>;
  /** Standard exponentials by numpy's ziggurat (`method: "zig"`) or by inversion (`"inv"`). */
  standardExponential(n?: undefined, options?: ExponentialOptions<FloatDtype>): number;
  standardExponential<D extends FloatDtype = "float64">(n: number, options?: ExponentialOptions<D>): FloatArray<D>;
  /** numpy's `standard_gamma(shape, size, dtype)`, shape >= 0 (float32: shape rounded to float32). */
  standardGamma(shape: number, n?: undefined, options?: FloatOptions<FloatDtype>): number;
  standardGamma<D extends FloatDtype = "float64">(shape: Param, n?: number, options?: FloatOptions<D>): FloatArray<D>;
  /** numpy's `uniform(low, high, size)`: high - low finite and >= 0. */
  uniform(low?: number, high?: number, n?: undefined): number;
  uniform(low: Param | undefined, high: Param | undefined, n?: number): Float64Array;
  /** numpy's `dirichlet(alpha, size)`, alpha >= 0: `n` (or one) rows of `alpha.length` values, flat. */
  dirichlet(alpha: ArrayLike<number>, n?: number): Float64Array;
  /** Fisher-Yates in place (masked-rejection draws). */
  shuffle(x: Sequence): void;
  /** A shuffled `[0, x)` for a count, else a shuffled copy. */
  permutation(x: number): Float64Array;
  permutation<S extends Sequence>(x: S): S;
  /** Indices below `a` (a population size), or elements of `a`; without `replace`, distinct ones. */
  choice(a: number, n?: undefined, options?: ChoiceOptions): number;
  choice(a: number, n: number, options?: ChoiceOptions): Float64Array;
  choice<S extends Sequence>(a: S, n?: undefined, options?: ChoiceOptions): ElementOf<S>;
  choice<T>(a: T[], n: number, options?: ChoiceOptions): T[];
  choice<S extends TypedArray>(a: S, n: number, options?: ChoiceOptions): S;
  /** `length` random bytes (numpy's `Generator.bytes`). */
  bytes(length: number): Uint8Array;

  // Discrete distributions: int64 results as numpy's, one bigint for scalar parameters without `n`,
  // else a BigInt64Array (INT64_MAX and numpy's x86-64 casts included).
  /** Poisson (`lam` in [0, POISSON_LAM_MAX]; multiplication below 10, else PTRS). */
  poisson(lam?: number, n?: undefined): bigint;
  poisson(lam: Param, n?: number): BigInt64Array;
  /** Binomial: `n` trials (an integer >= 0), success probability `p` in [0, 1]; `size` values. */
  binomial(n: Int, p: number, size?: undefined): bigint;
  binomial(n: IntParam, p: Param, size?: number): BigInt64Array;
  /** Failures before the `n`-th success: `poisson(gamma(n, (1 - p) / p))`, n > 0, p in (0, 1]. */
  negativeBinomial(n: number, p: number, size?: undefined): bigint;
  negativeBinomial(n: Param, p: Param, size?: number): BigInt64Array;
  /** Trials to the first success, `p` in (0, 1]. */
  geometric(p: number, n?: undefined): bigint;
  geometric(p: Param, n?: number): BigInt64Array;
  /** Logarithmic series, `p` in [0, 1). */
  logseries(p: number, n?: undefined): bigint;
  logseries(p: Param, n?: number): BigInt64Array;
  /** Zipf, `a` > 1. */
  zipf(a: number, n?: undefined): bigint;
  zipf(a: Param, n?: number): BigInt64Array;
  /** Good items in `nsample` drawn without replacement (ngood, nbad < 10**9; nsample <= ngood + nbad). */
  hypergeometric(ngood: Int, nbad: Int, nsample: Int, n?: undefined): bigint;
  hypergeometric(ngood: IntParam, nbad: IntParam, nsample: IntParam, n?: number): BigInt64Array;
  /**
   * Counts of `n` trials over the categories of `pvals` (one row, or an array of rows broadcast
   * against `n`): (size or the broadcast count, or 1) * pvals.length counts, row after row.
   */
  multinomial(n: IntParam, pvals: ArrayLike<number> | ArrayLike<ArrayLike<number>>, size?: number): BigInt64Array;
  /** Counts by color of `nsample` balls drawn from `colors`: (size or 1) * colors.length counts. */
  multivariateHypergeometric(colors: ArrayLike<Int>, nsample: Int, size?: number, options?: MultivariateHypergeometricOptions): BigInt64Array;
}

/** numpy's `default_rng`: `new Generator(new PCG64(seed))`; a Generator passes through, a bit generator is wrapped. */
export function defaultRng<G extends Generator>(seed: G): G;
export function defaultRng<B extends BitSource>(seed: B): Generator<B>;
export function defaultRng(seed?: Seed): Generator;
