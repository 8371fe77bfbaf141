/**
 * `torch.utils.data` shuffling without torch (prng/compat/torch/data.py in JS): `RandomSampler` and the
 * plan of one DataLoader epoch (torch 2.13, map-style dataset, `persistent_workers=false`,
 * `in_order=true`).
 *
 * Draws, in order: the iterator's base seed `random64() % 2**63` (for every `numWorkers`); with
 * `shuffle`, `randperm(n)` for the epoch and, once it is exhausted, a second `randperm(n)` whose values
 * go unused (RandomSampler's `[:num_samples % n]`); without a generator the sampler first seeds a
 * fresh generator from the default one. Worker w seeds torch and `random` with `baseSeed + w` and numpy
 * with `SeedSequence([w, baseSeed & 0xffffffff, baseSeed >> 32, 0]).generate_state(4)`; batch b goes to
 * worker `b % numWorkers`.
 */
import { describe, toCount } from "../checks.js";
import { SeedSequence } from "../seedsequence.js";
import { defaultGenerator, Generator, randint, randperm } from "./torch.js";

const REPLACEMENT_CHUNK = 32; // RandomSampler(replacement=true) draws randint in chunks of 32

/** A CPU Generator, or the default one for null/undefined. */
function cpuGenerator(generator) {
  if (generator === undefined || generator === null) return defaultGenerator;
  if (!(generator instanceof Generator)) {
    throw new TypeError(`generator must be a compat.torch.Generator, got ${describe(generator)}`);
  }
  return generator;
}

/** `torch.empty((), dtype=torch.int64).random_(generator=g)`: random64() % 2**63, a bigint. */
function drawInt64(generator) {
  const [hi, lo] = cpuGenerator(generator)._random64(1);
  return (BigInt(hi & 0x7fffffff) << 32n) | BigInt(lo);
}

/** Integer typed-array values as numbers. */
function numbers(values) {
  return Array.from(values, Number);
}

/**
 * `torch.utils.data.RandomSampler(range(n), replacement, num_samples, generator)`: iterating once is
 * one epoch, drawing lazily what torch's iteration draws.
 */
export class RandomSampler {
  constructor(n, { replacement = false, numSamples = null, generator = null } = {}) {
    this.n = toCount(n, "n");
    if (typeof replacement !== "boolean") throw new TypeError(`replacement must be a boolean, got ${describe(replacement)}`);
    this.replacement = replacement;
    this._numSamples = numSamples;
    this.generator = generator === null || generator === undefined ? null : cpuGenerator(generator);
    const count = this.numSamples;
    if (!Number.isSafeInteger(count) || count <= 0) {
      throw new RangeError(`numSamples should be a positive integer, got ${describe(count)}`);
    }
  }

  /** `num_samples`, or n when not given. */
  get numSamples() {
    return this._numSamples ?? this.n;
  }

  get length() {
    return this.numSamples;
  }

  *[Symbol.iterator]() {
    const generator = this.generator ?? new Generator().manualSeed(drawInt64(null));
    const { n, numSamples } = this;
    if (this.replacement) {
      for (let k = 0; k < Math.floor(numSamples / REPLACEMENT_CHUNK); k++) {
        yield* numbers(randint(0, n, [REPLACEMENT_CHUNK], { generator }));
      }
      yield* numbers(randint(0, n, [numSamples % REPLACEMENT_CHUNK], { generator }));
      return;
    }
    for (let k = 0; k < Math.floor(numSamples / n); k++) yield* numbers(randperm(n, { generator }));
    yield* numbers(randperm(n, { generator })).slice(0, numSamples % n);
  }
}

/** One DataLoader epoch: `baseSeed` (bigint), `batches` (index arrays, in yield order), `numWorkers`. */
export class EpochPlan {
  constructor(baseSeed, batches, numWorkers) {
    this.baseSeed = baseSeed;
    this.batches = batches;
    this.numWorkers = numWorkers;
  }

  /** The worker that loads batch `batchNumber` (b % numWorkers); null with no workers. */
  workerOf(batchNumber) {
    index(batchNumber, "batchNumber", this.batches.length);
    return this.numWorkers ? batchNumber % this.numWorkers : null;
  }

  /** `torch.initial_seed()` inside worker `workerId`: baseSeed + workerId (a bigint). */
  workerSeed(workerId) {
    return this.baseSeed + BigInt(index(workerId, "workerId", this.numWorkers));
  }

  /** What the worker gives `random.seed`: baseSeed + workerId (a bigint). */
  pythonSeed(workerId) {
    return this.workerSeed(workerId);
  }

  /** The 4 uint32 words the worker gives `numpy.random.seed` (torch's `_generate_state`). */
  numpySeed(workerId) {
    const w = index(workerId, "workerId", this.numWorkers);
    const entropy = [w, Number(this.baseSeed & 0xffffffffn), Number(this.baseSeed >> 32n), 0];
    return numbers(new SeedSequence(entropy).generateState(4));
  }
}

/**
 * The next epoch of `DataLoader(range(n), {batchSize, shuffle, numWorkers, generator, dropLast})`,
 * drawing from `generator` (null: the default generator, as a DataLoader without `generator=`).
 */
export function epochPlan(n, { batchSize, shuffle, numWorkers, generator = null, dropLast = false } = {}) {
  toCount(n, "n");
  if (!Number.isSafeInteger(batchSize) || batchSize <= 0) {
    throw new RangeError(`batchSize should be a positive integer, got ${describe(batchSize)}`);
  }
  toCount(numWorkers, "numWorkers");
  for (const [flag, name] of [[shuffle, "shuffle"], [dropLast, "dropLast"]]) {
    if (typeof flag !== "boolean") throw new TypeError(`${name} must be a boolean, got ${describe(flag)}`);
  }
  const sampler = shuffle ? new RandomSampler(n, { generator }) : null;
  const baseSeed = drawInt64(generator);
  const order = sampler ? [...sampler] : Array.from({ length: n }, (_, k) => k);
  const batches = [];
  for (let k = 0; k < n; k += batchSize) batches.push(order.slice(k, k + batchSize));
  if (dropLast && batches.length && batches[batches.length - 1].length < batchSize) batches.pop();
  return new EpochPlan(baseSeed, batches, numWorkers);
}

/** An integer in [0, count), or an error naming `name`. */
function index(value, name, count) {
  if (!Number.isSafeInteger(value)) throw new TypeError(`${name} must be an integer, got ${describe(value)}`);
  if (value < 0 || value >= count) throw new RangeError(`${name} must be in [0, ${count}), got ${value}`);
  return value;
}
