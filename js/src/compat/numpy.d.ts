/** Types of compat/numpy.js: numpy's legacy `RandomState`. */
import type { Int, MT19937, MT19937State, State, Words } from "../index.js";
import type { BitSource, ChoiceOptions, ContinuousMethods, Param, ElementOf, IntegerArrays, IntegerDtype, IntegerScalar, Sequence, TypedArray } from "../generator.js";

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
}
