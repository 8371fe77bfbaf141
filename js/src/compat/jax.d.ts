/** Types of `compat.jax`: jax.random (threefry2x32 keys) without JAX. */
import type { Int } from "../index.js";

/** A raw jax key: two uint32 words. */
export type Key = Uint32Array | ReadonlyArray<number>;
export type Shape = ReadonlyArray<number>;
/** float16/bfloat16 results are their 16-bit patterns. */
export type FloatDtype = "float16" | "bfloat16" | "float32" | "float64";
export type FloatArray = Float32Array | Float64Array | Uint16Array;
export type IntDtype = "int8" | "int16" | "int32" | "int64" | "uint8" | "uint16" | "uint32" | "uint64";
export type IntArray =
  | Int8Array | Int16Array | Int32Array | BigInt64Array | Uint8Array | Uint16Array | Uint32Array | BigUint64Array;
export type Mode = "low" | "high";
/** Every sampler takes `partitionable` (jax_threefry_partitionable, default true). */
export interface Partitionable {
  partitionable?: boolean;
}

/** `jax.random.PRNGKey(seed)`: [0, seed mod 2**32] (jax's default mode), or the 64-bit words with `x64`. */
export function PRNGKey(seed: Int, options?: { x64?: boolean }): Uint32Array;
/** `num` keys (a count or a shape), flat: 2 words each. */
export function split(key: Key, num?: number | Shape, options?: Partitionable): Uint32Array;
export function foldIn(key: Key, data: number, options?: Partitionable): Uint32Array;

export function bits(key: Key, shape?: Shape, options?: { dtype?: "uint8" | "uint16" | "uint32" | "uint64" } & Partitionable):
  Uint8Array | Uint16Array | Uint32Array | BigUint64Array;
export function uniform(key: Key, shape?: Shape, options?: { dtype?: FloatDtype; minval?: number; maxval?: number } & Partitionable): FloatArray;
export function normal(key: Key, shape?: Shape, options?: { dtype?: FloatDtype } & Partitionable): FloatArray;
export function truncatedNormal(key: Key, shape?: Shape,
  options?: { lower?: number; upper?: number; dtype?: Exclude<FloatDtype, "float64"> } & Partitionable): FloatArray;
export function exponential(key: Key, shape?: Shape, options?: { dtype?: FloatDtype } & Partitionable): FloatArray;
export function gumbel(key: Key, shape?: Shape, options?: { dtype?: FloatDtype; mode?: Mode } & Partitionable): FloatArray;
/** uniform < p (0/1 values); `p` a number or one value per draw. */
export function bernoulli(key: Key, shape?: Shape,
  options?: { p?: number | ArrayLike<number>; mode?: Mode } & Partitionable): Uint8Array;
export function randint(key: Key, shape: Shape, options: { minval: Int; maxval: Int; dtype?: IntDtype } & Partitionable): IntArray;
/** A shuffled 0..x-1 (Int32Array), or the array `x` (shape `xShape`) shuffled along `axis`. */
export function permutation<T extends ArrayLike<number> | number>(key: Key, x: T,
  options?: { xShape?: Shape; axis?: number; independent?: boolean } & Partitionable): T extends number ? Int32Array : T;
/** `shape` draws from 0..a-1 (Int32Array) or from the array `a` (shape `aShape`) along `axis`. */
export function choice<T extends ArrayLike<number> | number>(key: Key, a: T, shape?: Shape,
  options?: { replace?: boolean; p?: ArrayLike<number>; axis?: number; aShape?: Shape; mode?: Mode } & Partitionable):
  T extends number ? Int32Array : T;
export function categorical(key: Key, logits: ArrayLike<number>,
  options?: { logitsShape?: Shape; axis?: number; shape?: Shape; replace?: boolean; mode?: Mode } & Partitionable): Int32Array;
