/**
 * Replays vectors/libm.json (glibc 2.36 results recorded through ctypes by vectors/make_libm.py)
 * through src/libm: every result must have glibc's exact bits (any NaN matches a NaN).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import * as libm from "../src/libm/index.js";
import { VECTORS_DIR } from "./helpers.js";

const doc = JSON.parse(readFileSync(join(VECTORS_DIR, "libm.json"), "utf8"));

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function decode(hex, single) {
  if (single) {
    u32[0] = parseInt(hex, 16);
    return f32[0];
  }
  u64[0] = BigInt("0x" + hex);
  return f64[0];
}

function encode(x, single) {
  if (single) {
    f32[0] = x;
    return u32[0].toString(16).padStart(8, "0");
  }
  f64[0] = x;
  return u64[0].toString(16).padStart(16, "0");
}

function isNaNBits(hex, single) {
  return Number.isNaN(decode(hex, single));
}

test("libm.json records glibc on x86-64 with FMA", () => {
  assert.equal(doc.family, "libm");
  assert.match(doc.versions.glibc, /^2\.36$/);
  assert.equal(doc.versions.cpu_fma, true);
});

for (const c of doc.cases) {
  const single = c.precision === "float";
  test(`${c.name}: ${c.x.length} inputs give glibc's bits`, () => {
    const f = libm[c.name];
    const bad = [];
    c.x.forEach((xh, i) => {
      const args = Array.isArray(xh) ? xh.map((h) => decode(h, single)) : [decode(xh, single)];
      const got = f(...args);
      if (single) assert.equal(Math.fround(got), got, `${c.name}(${xh}) is not a float32`);
      const want = c.y[i];
      const ok = isNaNBits(want, single) ? Number.isNaN(got) : encode(got, single) === want;
      if (!ok) bad.push(`${c.name}(${xh}) = ${encode(got, single)}, glibc ${want}`);
    });
    assert.deepEqual(bad.slice(0, 10), [], `${bad.length} mismatches`);
  });
}

test("sincos and sincosf return [sin, cos]", () => {
  for (const x of [0.5, 2.0, 1e6, 1e300]) assert.deepEqual(libm.sincos(x), [libm.sin(x), libm.cos(x)]);
  for (const x of [0.5, 2.0, 1e6, 3e38].map(Math.fround)) {
    assert.deepEqual(libm.sincosf(x), [libm.sinf(x), libm.cosf(x)]);
  }
});
