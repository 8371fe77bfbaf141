/**
 * The seedrandom-style front `prng(seed, {algorithm, state})`: each call kind is the named bit
 * generator's method (whose streams the vectors check), and `{state}` resumes from `.state()`.
 */
import assert from "node:assert/strict";
import { test } from "node:test";

import prng, { ARC4, MidSquare, MiddleSquareWeyl, MT19937, PCG64, PCG64DXSM, Philox, Philox4x32 } from "../src/index.js";

const CASES = {
  pcg64: [PCG64, 2n ** 63n + 3n],
  pcg64dxsm: [PCG64DXSM, 7],
  mt19937: [MT19937, [1, 2, 3]],
  philox: [Philox, 2n ** 127n],
  philox4x32: [Philox4x32, 5],
  msws: [MiddleSquareWeyl, 0xb5ad4eceda1ce2a9n],
  midsquare: [MidSquare, 1234],
  arc4: [ARC4, "hello."],
};

for (const [algorithm, [Class, seed]] of Object.entries(CASES)) {
  test(`prng(seed, {algorithm: "${algorithm}"}) follows ${Class.name} and resumes from .state()`, () => {
    const rng = prng(seed, { algorithm });
    const gen = new Class(seed);
    for (let k = 0; k < 50; k++) {
      assert.equal(rng(), gen.nextDouble());
      assert.equal(rng.double(), gen.nextDouble());
      assert.equal(rng.uint32(), gen.nextUint32());
      assert.equal(rng.int32(), gen.nextUint32() | 0);
      assert.equal(rng.quick(), gen.nextUint32() / 2 ** 32);
    }
    assert.deepEqual(rng.state(), gen.state);
    const resumed = prng(undefined, { algorithm, state: JSON.parse(JSON.stringify(rng.state())) });
    for (let k = 0; k < 20; k++) assert.equal(resumed(), rng());
  });
}

test("prng() defaults to PCG64", () => {
  assert.equal(prng(42)(), new PCG64(42).nextDouble());
  assert.equal(prng(42).bitGenerator.constructor, PCG64);
});
