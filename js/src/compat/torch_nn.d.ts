/** `torch.nn` initialisation on flat typed arrays (torch_nn.js). */
import type { FloatArray, FloatDtype, Generator, Kernel } from "./torch.js";

interface InitOptions {
  generator?: Generator | null;
  kernel?: Kernel;
  /** What a Uint16Array holds: "float16" or "bfloat16" bits. */
  dtype?: FloatDtype;
}
type Mode = "fan_in" | "fan_out";
type Nonlinearity = "linear" | "conv1d" | "conv2d" | "conv3d" | "conv_transpose1d" | "conv_transpose2d"
  | "conv_transpose3d" | "sigmoid" | "tanh" | "relu" | "leaky_relu" | "selu";
interface KaimingOptions extends InitOptions {
  a?: number;
  mode?: Mode;
  nonlinearity?: Nonlinearity;
}

/** `torch.nn.init`: the fan-based functions take the tensor's shape (fans from dimensions 0 and 1). */
export const init: {
  calculateGain(nonlinearity: Nonlinearity, param?: number | null): number;
  uniform_<A extends FloatArray>(out: A, options?: InitOptions & { a?: number; b?: number }): A;
  normal_<A extends FloatArray>(out: A, options?: InitOptions & { mean?: number; std?: number }): A;
  xavierUniform_<A extends FloatArray>(out: A, shape: readonly number[], options?: InitOptions & { gain?: number }): A;
  xavierNormal_<A extends FloatArray>(out: A, shape: readonly number[], options?: InitOptions & { gain?: number }): A;
  kaimingUniform_<A extends FloatArray>(out: A, shape: readonly number[], options?: KaimingOptions): A;
  kaimingNormal_<A extends FloatArray>(out: A, shape: readonly number[], options?: KaimingOptions): A;
  truncNormal_<A extends FloatArray>(out: A, options?: InitOptions & { mean?: number; std?: number; a?: number; b?: number }): A;
};

interface LayerOptions {
  bias?: boolean;
  generator?: Generator | null;
  dtype?: FloatDtype;
  kernel?: Kernel;
}

/** `[weight, bias]` of `nn.Linear(inFeatures, outFeatures)` right after construction (bias null without one). */
export function linearParameters(inFeatures: number, outFeatures: number, options?: LayerOptions): [FloatArray, FloatArray | null];
/** `[weight, bias]` of `nn.Conv2d(inChannels, outChannels, kernelSize)` right after construction. */
export function conv2dParameters(inChannels: number, outChannels: number, kernelSize: number | readonly [number, number],
  options?: LayerOptions & { groups?: number }): [FloatArray, FloatArray | null];
