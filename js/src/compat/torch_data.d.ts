/** `torch.utils.data` shuffling: RandomSampler and a DataLoader epoch's plan (torch_data.js). */
import type { Generator } from "./torch.js";

/** `torch.utils.data.RandomSampler(range(n), ...)`: iterating once is one epoch. */
export class RandomSampler implements Iterable<number> {
  constructor(n: number, options?: { replacement?: boolean; numSamples?: number | null; generator?: Generator | null });
  readonly n: number;
  readonly replacement: boolean;
  readonly numSamples: number;
  readonly length: number;
  [Symbol.iterator](): Iterator<number>;
}

/** One DataLoader epoch. */
export class EpochPlan {
  readonly baseSeed: bigint;
  /** Index arrays in the order the DataLoader yields them. */
  readonly batches: number[][];
  readonly numWorkers: number;
  /** The worker that loads a batch (null with no workers). */
  workerOf(batchNumber: number): number | null;
  /** `torch.initial_seed()` inside a worker. */
  workerSeed(workerId: number): bigint;
  /** The 4 words torch gives `numpy.random.seed` in a worker. */
  numpySeed(workerId: number): number[];
  /** What a worker gives `random.seed`. */
  pythonSeed(workerId: number): bigint;
}

/** The next epoch of `DataLoader(range(n), batch_size, shuffle, num_workers, generator, drop_last)`. */
export function epochPlan(n: number, options: { batchSize: number; shuffle: boolean; numWorkers: number;
  generator?: Generator | null; dropLast?: boolean }): EpochPlan;
