/**
 * `torch.nn` layer initialisation without torch (prng/compat/torch/nn in JS): what `nn.Linear` and
 * `nn.Conv2d` hold right after construction, and `init` (`torch.nn.init` on flat typed arrays).
 *
 * Arrays are Float32Array, Float64Array, or Uint16Array with `dtype` "float16"/"bfloat16" (raw bits),
 * filled in row-major order. The fan-based functions take the tensor's `shape` (fan_in = shape[1] times
 * the product of shape[2:], fan_out = shape[0] times it). `generator` null/undefined is torch.js's
 * `defaultGenerator`, which `nn.Linear`/`nn.Conv2d` draw from in torch.
 */
import { describe, toCount } from "../checks.js";
import { arrayType, computeType, decode, outputName, resolve, roundTo } from "./_torch_dtypes.js";
import { log } from "../libm/index.js";
import { normal_ as tensorNormal_, uniform_ as tensorUniform_ } from "./torch.js";

const GAIN_ONE = ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
  "conv_transpose3d", "sigmoid"];

/** `torch.nn.init.calculate_gain(nonlinearity, param)`. */
export function calculateGain(nonlinearity, param) {
  if (GAIN_ONE.includes(nonlinearity)) return 1;
  if (nonlinearity === "tanh") return 5.0 / 3;
  if (nonlinearity === "relu") return Math.sqrt(2.0);
  if (nonlinearity === "leaky_relu") {
    if (param !== undefined && param !== null && typeof param !== "number") {
      throw new TypeError(`negative_slope must be a number, got ${describe(param)}`);
    }
    const slope = param ?? 0.01;
    return Math.sqrt(2.0 / (1 + slope ** 2));
  }
  if (nonlinearity === "selu") return 3.0 / 4;
  throw new RangeError(`unsupported nonlinearity ${describe(nonlinearity)}`);
}

/** [fan_in, fan_out] of a shape with at least 2 dimensions; the array must hold prod(shape) values. */
function fans(out, shape) {
  if (!Array.isArray(shape) || shape.length < 2) {
    throw new RangeError(`shape must have at least 2 dimensions to compute fans, got ${describe(shape)}`);
  }
  const dims = shape.map((d, i) => toCount(d, `shape[${i}]`));
  if (dims.reduce((a, b) => a * b, 1) !== out.length) {
    throw new RangeError(`shape ${JSON.stringify(dims)} does not match the array's ${out.length} values`);
  }
  const receptive = dims.slice(2).reduce((a, b) => a * b, 1);
  return [dims[1] * receptive, dims[0] * receptive];
}

/** `nn.init.uniform_`: U(a, b). */
function uniform_(out, { a = 0, b = 1, generator, kernel, dtype } = {}) {
  return tensorUniform_(out, a, b, { generator, kernel, dtype });
}

/** `nn.init.normal_`: N(mean, std**2). */
function normal_(out, { mean = 0, std = 1, generator, kernel, dtype } = {}) {
  return tensorNormal_(out, mean, std, { generator, kernel, dtype });
}

/** `nn.init.xavier_uniform_`: U(-a, a), a = sqrt(3) * gain * sqrt(2 / (fan_in + fan_out)). */
function xavierUniform_(out, shape, { gain = 1, generator, kernel, dtype } = {}) {
  const [fanIn, fanOut] = fans(out, shape);
  const bound = Math.sqrt(3.0) * (gain * Math.sqrt(2.0 / (fanIn + fanOut)));
  return tensorUniform_(out, -bound, bound, { generator, kernel, dtype });
}

/** `nn.init.xavier_normal_`: N(0, std**2), std = gain * sqrt(2 / (fan_in + fan_out)). */
function xavierNormal_(out, shape, { gain = 1, generator, kernel, dtype } = {}) {
  const [fanIn, fanOut] = fans(out, shape);
  return tensorNormal_(out, 0, gain * Math.sqrt(2.0 / (fanIn + fanOut)), { generator, kernel, dtype });
}

/** gain / sqrt(fan) of kaiming_*, or null (a no-op, as torch's warning says) for zero elements. */
function kaimingStd(out, shape, a, mode, nonlinearity) {
  if (out.length === 0) return null;
  const [fanIn, fanOut] = fans(out, shape);
  const lowered = typeof mode === "string" ? mode.toLowerCase() : mode;
  if (lowered !== "fan_in" && lowered !== "fan_out") {
    throw new RangeError(`mode must be "fan_in" or "fan_out", got ${describe(mode)}`);
  }
  return calculateGain(nonlinearity, a) / Math.sqrt(lowered === "fan_in" ? fanIn : fanOut);
}

/** `nn.init.kaiming_uniform_`: U(-bound, bound), bound = sqrt(3) * gain / sqrt(fan). */
function kaimingUniform_(out, shape, { a = 0, mode = "fan_in", nonlinearity = "leaky_relu", generator, kernel,
  dtype } = {}) {
  const std = kaimingStd(out, shape, a, mode, nonlinearity);
  if (std === null) return out;
  const bound = Math.sqrt(3.0) * std;
  return tensorUniform_(out, -bound, bound, { generator, kernel, dtype });
}

/** `nn.init.kaiming_normal_`: N(0, std**2), std = gain / sqrt(fan). */
function kaimingNormal_(out, shape, { a = 0, mode = "fan_in", nonlinearity = "leaky_relu", generator, kernel,
  dtype } = {}) {
  const std = kaimingStd(out, shape, a, mode, nonlinearity);
  if (std === null) return out;
  return tensorNormal_(out, 0, std, { generator, kernel, dtype });
}

/**
 * erf(x) for the truncation mass: 2/sqrt(pi) e^{-x^2} sum 2^n x^{2n+1} / (1*3*...*(2n+1)) (positive
 * terms, no cancellation), +-1 beyond |x| = 6. It only decides which sampler trunc_normal_ uses.
 */
function erf(x) {
  if (Math.abs(x) > 6) return Math.sign(x);
  let term = x, sum = x;
  for (let n = 1; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

function normCdf(x) {
  return (1.0 + erf(x / Math.sqrt(2.0))) / 2.0;
}

/**
 * `nn.init.trunc_normal_` (torch 2.13). With p = Phi((b - mean)/std) - Phi((a - mean)/std) > 0.3:
 * normals, then while any value lies outside [a, b] (bounds cast to the array's type) a whole new array
 * of normals, taken where outside. Otherwise (Float32Array/Float64Array only): uniform candidates in
 * [a, b], kept where log(u) <= -((c - mean)/std)**2 / 2 - log_peak (array operations in the array's
 * type, a fresh uniform per element), the rejected ones re-drawn as whole arrays.
 */
function truncNormal_(out, { mean = 0, std = 1, a = -2, b = 2, generator, kernel, dtype } = {}) {
  const name = outputName(out, dtype);
  const p = normCdf((b - mean) / std) - normCdf((a - mean) / std);
  if (p > 0.3) return truncByNormals(out, name, mean, std, a, b, { generator, kernel, dtype });
  if (name === "float16" || name === "bfloat16") {
    throw new RangeError(`trunc_normal_ with p <= 0.3 (uniform proposals) is reproduced for float32/float64, not ${name}`);
  }
  return truncByUniforms(out, name, mean, std, a, b, { generator, kernel });
}

function truncByNormals(out, name, mean, std, a, b, options) {
  const low = roundTo(a, name), high = roundTo(b, name); // tensor.new_tensor(a).item()
  tensorNormal_(out, mean, std, options);
  for (;;) {
    const outside = [];
    for (let k = 0; k < out.length; k++) {
      const v = decode(out[k], name);
      if (v < low || v > high) outside.push(k);
    }
    if (outside.length === 0) return out;
    const fresh = tensorNormal_(new (arrayType(name))(out.length), mean, std, options);
    for (const k of outside) out[k] = fresh[k];
  }
}

function truncByUniforms(out, name, mean, std, a, b, { generator, kernel }) {
  const round = name === "float32" ? Math.fround : (x) => x;
  const mode = Math.max(a, Math.min(mean, b));
  const logPeak = -0.5 * ((mode - mean) / std) ** 2;
  const [meanT, stdT, halfT, peakT] = [mean, std, -0.5, logPeak].map(round);
  const logDensity = (c) => {
    const centred = round(round(c - meanT) / stdT);
    return round(round(round(centred * centred) * halfT) - peakT);
  };
  const rejected = (candidates) => {
    const u = tensorUniform_(new (computeType(name))(out.length), 0, 1, { generator, kernel });
    return Array.from(candidates, (c, k) => round(log(u[k])) > logDensity(c));
  };
  tensorUniform_(out, a, b, { generator, kernel });
  let pending = rejected(out);
  while (pending.some(Boolean)) {
    const candidates = tensorUniform_(new (computeType(name))(out.length), a, b, { generator, kernel });
    const again = rejected(candidates);
    for (let k = 0; k < out.length; k++) {
      if (pending[k]) {
        out[k] = candidates[k];
        pending[k] = again[k];
      }
    }
  }
  return out;
}

/** `torch.nn.init` on flat typed arrays (the functions above). */
export const init = Object.freeze({
  calculateGain, uniform_, normal_, xavierUniform_, xavierNormal_, kaimingUniform_, kaimingNormal_, truncNormal_,
});

/**
 * `[weight, bias]` of `nn.Linear(inFeatures, outFeatures, bias, dtype)`: weight (outFeatures x
 * inFeatures) by kaiming_uniform_(a = sqrt(5)), then bias (outFeatures) by U(-1/sqrt(fan_in),
 * 1/sqrt(fan_in)); bias null when `bias` is false.
 */
export function linearParameters(inFeatures, outFeatures, { bias = true, generator, dtype = "float32", kernel } = {}) {
  toCount(inFeatures, "inFeatures");
  toCount(outFeatures, "outFeatures");
  return resetParameters([outFeatures, inFeatures], outFeatures, { bias, generator, dtype, kernel });
}

/**
 * `[weight, bias]` of `nn.Conv2d(inChannels, outChannels, kernelSize, bias, groups, dtype)`: weight
 * (outChannels x inChannels/groups x kh x kw) by kaiming_uniform_(a = sqrt(5)), then bias
 * (outChannels) by U(-1/sqrt(fan_in), 1/sqrt(fan_in)); bias null when `bias` is false.
 */
export function conv2dParameters(inChannels, outChannels, kernelSize, { bias = true, generator, groups = 1,
  dtype = "float32", kernel } = {}) {
  toCount(inChannels, "inChannels");
  toCount(outChannels, "outChannels");
  toCount(groups, "groups");
  if (groups === 0) throw new RangeError("groups must be a positive integer");
  if (inChannels % groups || outChannels % groups) {
    throw new RangeError(`inChannels (${inChannels}) and outChannels (${outChannels}) must be divisible by groups (${groups})`);
  }
  const sizes = Array.isArray(kernelSize) ? kernelSize : [kernelSize, kernelSize];
  if (sizes.length !== 2) throw new RangeError(`kernelSize must be a number or a pair, got ${describe(kernelSize)}`);
  sizes.forEach((k, i) => toCount(k, `kernelSize[${i}]`));
  return resetParameters([outChannels, inChannels / groups, ...sizes], outChannels, { bias, generator, dtype, kernel });
}

/** `Linear/_ConvNd.reset_parameters`: kaiming_uniform_(weight, a = sqrt(5)), then the bias. */
function resetParameters(weightShape, biasSize, { bias, generator, dtype, kernel }) {
  const name = resolve(dtype);
  const Array_ = arrayType(name);
  const options = { generator, kernel, dtype: name };
  const weight = kaimingUniform_(new Array_(weightShape.reduce((x, y) => x * y, 1)), weightShape,
    { a: Math.sqrt(5), ...options });
  if (!bias) return [weight, null];
  const fanIn = weightShape.slice(1).reduce((x, y) => x * y, 1);
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  return [weight, tensorUniform_(new Array_(biasSize), -bound, bound, options)];
}
