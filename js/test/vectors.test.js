/**
 * Replays the bit-generator, SeedSequence, seedrandom and jax cases of every vectors/*.json file through
 * the public API (the replay itself is ./replay.js, which the browser test runs too); the known
 * families must all have a file. Expected values come from numpy, seedrandom 3.0.5 and published KAT
 * files, never from this package.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { vectorFiles } from "./helpers.js";
import { FAMILIES, vectorTests } from "./replay.js";

const files = vectorFiles();

test("every known family has a vector file", () => {
  const present = new Set(files.map(([, doc]) => doc.family));
  assert.deepEqual(FAMILIES.filter((f) => !present.has(f)), []);
});

for (const [file, doc] of files) {
  describe(file, () => {
    for (const [name, run, skip] of vectorTests(doc)) test(name, { skip }, run);
  });
}
