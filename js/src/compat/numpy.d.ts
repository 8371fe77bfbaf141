/** Types of compat/numpy.js: numpy's legacy `RandomState`. */
import type { Int, MT19937, MT19937State, State, Words } from "../index.js";
import type {
  BitSource, ChoiceOptions, ContinuousMethods, ElementOf, IntegerArrays, IntegerDtype, IntegerScalar, IntParam, Param, Sequence,
  TypedArray,
} from "../generator.js";

/** numpy's legacy state tuple: `["MT19937", key, pos, hasGauss, gauss]`. */
export type LegacyState = [name: "MT19937", key: Uint32Array, pos: number, hasGauss: 0 | 1, gauss: number];
/** `getState({legacy: false})`: the bit generator's state plus the cached normal. */
export type RandomStateObject<S extends State = State> = S & { has_gauss: 0 | 1; gauss: number };

/** numpy's `_legacy_seeding` as a new MT19937: init_genrand for an integer, init_by_array for an array. */
export function legacySeeded(seed: Int | Words): MT19937;

/**
 * numpy.random.RandomState: `new RandomState(seed)` with `seed` undefined (SeedSequence entropy), an
 * integer in [0, 2**32) or an array of them (legacy seeding of an MT19937), or a bit generator used as is.
 */
export const RandomState: {
  new (seed?: Int | Words | null): RandomState<MT19937>;
  new <B extends BitSource>(seed: B): RandomState<B>;
};

export interface RandomState<B extends BitSource = MT19937> extends ContinuousMethods {
  readonly bitGenerator: B;
  /** Re-seed the MT19937 in place by the legacy rules; drops the cached normal. */
  seed(seed?: Int | Words | null): void;
  getState(options?: { legacy?: true }): LegacyState;
  getState(options: { legacy: false }): RandomStateObject;
  setState(state: LegacyState | [name: "MT19937", key: ArrayLike<number>, pos: number] | RandomStateObject | MT19937State): void;
  randomSample(n?: undefined): number;
  randomSample(n: number): Float64Array;
  random(n?: undefined): number;
  random(n: number): Float64Array;
  /** `rand(d0, d1, ...)`: the dimensions' product of uniforms (flat); one number for none. */
  rand(): number;
  rand(...shape: number[]): Float64Array;
  /** Integers in [low, high) by masked rejection; [0, low) when `high` is omitted. */
  randint<D extends IntegerDtype = "int64">(low: Int, high?: Int | null, n?: undefined, options?: { dtype?: D }): IntegerScalar<D>;
  randint<D extends IntegerDtype = "int64">(low: Int, high: Int | null | undefined, n: number, options?: { dtype?: D }): IntegerArrays[D];
  randint<D extends IntegerDtype = "int64">(low: IntParam, high: IntParam | null | undefined, n?: number, options?: { dtype?: D }): IntegerArrays[D];
  /** Normals by the polar method (`legacy_gauss`), the second of each pair cached. */
  standardNormal(n?: undefined): number;
  standardNormal(n: number): Float64Array;
  /** Legacy standard exponentials: `-log(1 - U)`. */
  standardExponential(n?: undefined): number;
  standardExponential(n: number): Float64Array;
  /** Legacy standard gamma (`legacy_standard_gamma`), shape >= 0. */
  standardGamma(shape: number, n?: undefined): number;
  standardGamma(shape: Param, n?: number): Float64Array;
  /** `low + (high - low) * U`, high - low finite (any sign). */
  uniform(low?: number, high?: number, n?: undefined): number;
  uniform(low: Param | undefined, high: Param | undefined, n?: number): Float64Array;
  /** Legacy Dirichlet, alpha > 0: `n` (or one) rows of normalised legacy gammas, flat. */
  dirichlet(alpha: ArrayLike<number>, n?: number): Float64Array;
  randn(): number;
  randn(...shape: number[]): Float64Array;
  shuffle(x: Sequence): void;
  permutation(x: number): Float64Array;
  permutation<S extends Sequence>(x: S): S;
  choice(a: number, n?: undefined, options?: Pick<ChoiceOptions, "replace">): number;
  choice(a: number, n: number, options?: Pick<ChoiceOptions, "replace">): Float64Array;
  choice<S extends Sequence>(a: S, n?: undefined, options?: Pick<ChoiceOptions, "replace">): ElementOf<S>;
  choice<T>(a: T[], n: number, options?: Pick<ChoiceOptions, "replace">): T[];
  choice<S extends TypedArray>(a: S, n: number, options?: Pick<ChoiceOptions, "replace">): S;

  // Discrete distributions, numpy's legacy samplers: C long (int64) results, one bigint for scalar
  // parameters without `n`, else a BigInt64Array.
  /** `legacy_random_binomial` (shares numpy's set-up cache with `multinomial`). */
  binomial(n: Int, p: number, size?: undefined): bigint;
  binomial(n: IntParam, p: Param, size?: number): BigInt64Array;
  poisson(lam?: number, n?: undefined): bigint;
  poisson(lam: Param, n?: number): BigInt64Array;
  /** `legacy_negative_binomial`: a Poisson of a legacy gamma, n > 0, p in [0, 1]. */
  negativeBinomial(n: number, p: number, size?: undefined): bigint;
  negativeBinomial(n: Param, p: Param, size?: number): BigInt64Array;
  /** `legacy_random_geometric`, `p` in (0, 1]. */
  geometric(p: number, n?: undefined): bigint;
  geometric(p: Param, n?: number): BigInt64Array;
  /** `legacy_logseries`, `p` in [0, 1). */
  logseries(p: number, n?: undefined): bigint;
  logseries(p: Param, n?: number): BigInt64Array;
  /** `legacy_random_zipf`, `a` > 1. */
  zipf(a: number, n?: undefined): bigint;
  zipf(a: Param, n?: number): BigInt64Array;
  /** `legacy_random_hypergeometric` (nsample >= 1). */
  hypergeometric(ngood: Int, nbad: Int, nsample: Int, n?: undefined): bigint;
  hypergeometric(ngood: IntParam, nbad: IntParam, nsample: IntParam, n?: number): BigInt64Array;
  /** One `n`, one row of `pvals`: (size or 1) * pvals.length counts. */
  multinomial(n: Int, pvals: ArrayLike<number>, size?: number): BigInt64Array;
  /** Deprecated in numpy: `randint(low, high + 1)`, [1, low] without `high`. */
  randomIntegers(low: Int, high?: Int | null, n?: undefined): bigint;
  randomIntegers(low: Int, high: Int | null | undefined, n: number): BigInt64Array;
  /** `next_uint64 >> 1` per value. */
  tomaxint(n?: undefined): bigint;
  tomaxint(n: number): BigInt64Array;
}
