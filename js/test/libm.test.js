/**
 * Replays vectors/libm.json (glibc 2.36 results recorded through ctypes by vectors/make_libm.py)
 * through src/libm: every result must have glibc's exact bits (any NaN matches a NaN).
 */
import assert from "node:assert/strict";
import {
  copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

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

// Mutation check: every fused multiply-add of the ports matters. Each fma(a, b, c) call in
// src/libm, one at a time, is replaced by the unfused (a) * (b) + (c) in a copy of the library, and
// the vectors above must then give some wrong result: libm.json holds, for such calls, inputs where
// glibc's FMA build and the unfused evaluation round differently (vectors/make_libm.py, PINS). The
// exceptions are listed with the reason: EQUIVALENT, where the unfused evaluation gives the same
// result for every input (an exact product, or checked exhaustively), and UNPINNED, where no input
// was found because the double rounding changes a result too rarely (estimated rates per input).

const LIBM_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "libm");
const SHARED = new Set(["fma.js", "bits.js", "tables.js"]); // never mutated, imported by the ports
const NOT_PORTS = new Set([...SHARED, "index.js"]);

const EXACT = "exact product";
/** Mutants (file: call, #n for the n-th call with the same text) that cannot change any result. */
const EQUIVALENT = new Map([
  ["acos.js: fma(-T27, c, fma(T27, c, c))", `${EXACT} (times 2^27)`],
  ["acos.js: fma(-y, y, z)", `${EXACT}: y is c rounded to 26 bits`],
  ["acos.js: fma(T27, c, c)", `${EXACT} (times 2^27)`],
  ["exp.js: fma(kd, EXP_NEGLN2HIN, x)",
    `${EXACT}: NegLn2hiN has 36 significant bits, |kd| < 140000 (checked)`],
  ["expf.js: fma(x, EXP2F_INVLN2_SCALED, EXP2F_SHIFT)",
    "checked for every float x in [-104, 89]: the product never rounds across k + 1/2"],
  ["expm1.js: fma(-k, LN2_HI, x)", `${EXACT}: ln2_hi has 32 significant bits, |k| <= 1024`],
  ["expm1.js: fma(0.5, x - e, -0.5)", `${EXACT} (times 0.5)`],
  ["expm1.js: fma(2.0, x - e, 1.0)", `${EXACT} (times 2)`],
  ["log.js: fma(-TWO_POW_27, r, fma(r, TWO_POW_27, r))", `${EXACT} (times 2^27)`],
  ["log.js: fma(k, LOG_LN2HI, logc)", `${EXACT}: Ln2hi has 42 significant bits, |k| < 1100`],
  ["log.js: fma(r, TWO_POW_27, r)", `${EXACT} (times 2^27)`],
  ["log.js: fma(rhi2, B[0], r - hi)", `${EXACT} (B[0] = -0.5)`],
  ["log.js: fma(rhi2, B[0], r)", `${EXACT} (B[0] = -0.5)`],
  ["log1p.js: fma(-(x * x), 0.5, x)", `${EXACT} (times 0.5)`],
  ["log1p.js: fma(k, LN2_HI, -((R - fma(k, LN2_LO, c)) - f))",
    `${EXACT}: ln2_hi has 32 significant bits, |k| <= 1024`],
  ["log1p.js: fma(k, LN2_HI, -((hfsq - (t + fma(k, LN2_LO, c))) - f))",
    `${EXACT}: ln2_hi has 32 significant bits, |k| <= 1024`],
  ["log1p.js: fma(k, LN2_HI, fma(k, LN2_LO, c))", `${EXACT}: ln2_hi has 32 significant bits, |k| <= 1024`],
  ["logf.js: fma(k, LOGF_LN2, LOGF_LOGC[i])",
    "checked for every positive float: same logf (4.8e8 inputs where the sum rounds differently)"],
  ["pow.js: fma(k, LN2HI, POW_LOG_LOGC[i])", `${EXACT}: Ln2hi has 42 significant bits, |k| < 1100`],
  ["sincos.js: fma(-PP3, xn, y - t2)", `${EXACT}: |xn| <= 2^26, pp3 has 26 significant bits`],
  ["sincos.js: fma(-xn, MP1, x)", `${EXACT}: |xn| <= 2^26, mp1 has 26 significant bits`],
  ["sincos.js: fma(-xn, MP2, fma(-xn, MP1, x))", `${EXACT}: |xn| <= 2^26, mp2 has 27 significant bits`],
  ["sincos.js: fma(-xn, PP3, y)", `${EXACT}: |xn| <= 2^26, pp3 has 26 significant bits`],
]);

/** Why no input was found for the mutants below: the second rounding moves the result past a
 * rounding boundary too rarely (estimated by amplifying the difference 2^20 times; searches of
 * up to 3e8 inputs of the variates' shapes and of their hard cases found none). */
const rare = (p) => `a separate multiply and add changes the result for about ${p} of inputs`;
const FLOAT = "float result: none of the inputs nearest a rounding boundary (a quarter of all floats " +
  "enumerated) moves across it";
/** Mutants that can change a result but for which no input was found. */
const UNPINNED = new Map([
  ["acos.js: fma(-(0.5 * t), c, 1.5)", rare("1e-10")],
  ["acos.js: fma(-(t * t), z, 1.0)", rare("< 1e-11")],
  ["acos.js: fma(F6, x2, F5)", rare("< 1e-11")],
  ["acos.js: fma(F6, z, F5)", rare("< 1e-11")],
  ["acos.js: fma(RT3, r, RT2)", rare("< 1e-11")],
  ["acos.js: fma(fma(F6, x2, F5), x2, F4)", rare("< 1e-11")],
  ["acos.js: fma(fma(F6, z, F5), z, F4)", rare("< 1e-11")],
  ["acos.js: fma(fma(RT3, r, RT2), r, RT1)", rare("< 1e-11")],
  ["acos.js: fma(fma(fma(F6, x2, F5), x2, F4), x2, F3)", rare("6e-11")],
  ["acos.js: fma(fma(fma(F6, z, F5), z, F4), z, F3)", rare("1e-10")],
  ["acos.js: fma(fma(fma(RT3, r, RT2), r, RT1), r, RT0)", rare("< 1e-11")],
  ["acos.js: fma(q, c, y)", rare("7e-10")],
  ["exp.js: fma(r, C[1], C[0])", rare("1e-10")],
  ["exp.js: fma(r, C[3], C[2])", rare("< 1e-11")],
  ["exp.js: fma(r2 * r2, fma(r, C[3], C[2]), fma(fma(r, C[1], C[0]), r2, tail + r))", rare("< 1e-11")],
  ["expf.js: fma(fma(r, C[0], C[1]), r * r, fma(r, C[2], 1.0))", FLOAT],
  ["expf.js: fma(r, C[0], C[1])", FLOAT],
  ["expf.js: fma(r, C[2], 1.0)", FLOAT],
  ["expm1.js: fma(h2 * h2, fma(hxs, Q5, Q4), fma(h2, fma(hxs, Q3, Q2), fma(hxs, Q1, 1.0)))", rare("< 1e-11")],
  ["expm1.js: fma(h2, fma(hxs, Q3, Q2), fma(hxs, Q1, 1.0))", rare("2e-11")],
  ["expm1.js: fma(hxs, Q3, Q2)", rare("4e-11")],
  ["expm1.js: fma(hxs, Q5, Q4)", rare("< 1e-11")],
  ["log.js: fma(B[0] * rlo, rhi + r, lo)", rare("< 1e-11")],
  ["log.js: fma(fma(p3, r3, p2), r3, p1)", rare("4e-11")],
  ["log.js: fma(fma(r, A[4], A[3]), r2, fma(r, A[2], A[1]))", rare("< 1e-11")],
  ["log.js: fma(k, LOG_LN2LO, w - yHi + r)", rare("< 1e-11")],
  ["log.js: fma(p3, r3, p2)", rare("< 1e-11")],
  ["log.js: fma(r * r2, poly, fma(r2, A[0], yLo))", rare("3e-10")],
  ["log.js: fma(r, A[2], A[1])", rare("< 1e-11")],
  ["log.js: fma(r, A[4], A[3])", rare("< 1e-11")],
  ["log.js: fma(r, B[5], B[4])", rare("2e-9")],
  ["log.js: fma(r, B[8], B[7])", rare("< 1e-11")],
  ["log.js: fma(r2, B[6], fma(r, B[5], B[4]))", rare("8e-11")],
  ["log.js: fma(r2, B[9], fma(r, B[8], B[7]))", rare("< 1e-11")],
  ["log.js: fma(r3, B[10], fma(r2, B[9], fma(r, B[8], B[7])))", rare("< 1e-11")],
  ["log1p.js: fma(-f, TWO_THIRDS, 1.0)", rare("< 1e-11")],
  ["log1p.js: fma(k, LN2_LO, c)", rare("< 1e-11")],
  ["log1p.js: fma(k, LN2_LO, c) #2", rare("< 1e-11")],
  ["log1p.js: fma(k, LN2_LO, c) #3", rare("< 1e-11")],
  ["log1p.js: fma(z, LP5, LP4)", rare("3e-10")],
  ["log1p.js: fma(z, LP7, LP6)", rare("< 1e-11")],
  ["log1p.js: fma(z4, r3, fma(z, LP1, z2 * r2))", rare("2e-11")],
  ["log1p.js: fma(z6, r4, fma(z4, r3, fma(z, LP1, z2 * r2)))", rare("< 1e-11")],
  ["logf.js: fma(r, A[1], A[2])", FLOAT],
  ["logf.js: fma(r2, A[0], fma(r, A[1], A[2]))", FLOAT],
  ["logf.js: fma(r2, y, r + y0)", FLOAT],
  ["logf.js: fma(z, LOGF_INVC[i], -1.0)", FLOAT],
  ["pow.js: fma(ar2, fma(ar2, fma(r, A[6], A[5]), fma(r, A[4], A[3])), fma(r, A[2], A[1]))", rare("< 1e-11")],
  ["pow.js: fma(ar2, fma(r, A[6], A[5]), fma(r, A[4], A[3]))", rare("< 1e-11")],
  ["pow.js: fma(k, LN2LO, POW_LOG_LOGCTAIL[i])", rare("< 1e-11")],
  ["pow.js: fma(r, A[4], A[3])", rare("< 1e-11")],
  ["pow.js: fma(r, A[6], A[5])", rare("< 1e-11")],
  ["pow.js: fma(y, logTail, fma(y, lHi, -ehi))", rare("< 1e-11")],
  ["powf.js: fma(fma(r, A[0], A[1]), r2 * r2, q)", FLOAT],
  ["powf.js: fma(fma(r, C[0], C[1]), r * r, fma(r, C[2], 1.0))", FLOAT],
  ["powf.js: fma(r, A[0], A[1])", FLOAT],
  ["powf.js: fma(r, A[2], A[3])", FLOAT],
  ["powf.js: fma(r, A[4], y0)", FLOAT],
  ["powf.js: fma(r, C[0], C[1])", FLOAT],
  ["powf.js: fma(r, C[2], 1.0)", FLOAT],
  ["powf.js: fma(r2, fma(r, A[2], A[3]), fma(r, A[4], y0))", FLOAT],
  ["powf.js: fma(z, POWF_LOG2_INVC[i], -1.0)", FLOAT],
  ["sincos.js: fma(-s, ssn, ccs)", rare("< 1e-11")],
  ["sincos.js: fma(-xn, PP4, t2 - b)", rare("< 1e-11")],
  ["sincos.js: fma(-xn, PP4, t2)",
    "changes b only if |b| < |xn*pp4|; below 105414350 the closest x to k*pi/2 has |b| = " +
    "0.97*|xn*pp4|, and its b is the same"],
  ["sincos.js: fma(S5, xx, S4)", rare("< 1e-11")],
  ["sincos.js: fma(fma(S5, xx, S4), xx, S3)", rare("< 1e-11")],
  ["sincos.js: fma(fma(fma(S5, xx, S4), xx, S3), xx, S2)", rare("4e-11")],
  ["sincos.js: fma(fma(fma(fma(S5, xx, S4), xx, S3), xx, S2), xx, S1)", rare("1e-10")],
  ["sincos.js: fma(s, ccs, ssn)", rare("< 1e-11")],
  ["sincos.js: fma(x * xx, fma(xx, SN5, SN3), x)", rare("< 1e-11")],
  ["sincos.js: fma(x, dx, xx * fma(xx, fma(xx, CS6, CS4), CS2))", rare("< 1e-11")],
  ["sincos.js: fma(xx, CS6, CS4)", rare("< 1e-11")],
  ["sincos.js: fma(xx, CS6, CS4) #2", rare("< 1e-11")],
  ["sincos.js: fma(xx, SN5, SN3)", rare("< 1e-11")],
  ["sincos.js: fma(xx, SN5, SN3) #2", rare("< 1e-11")],
  ["sincos.js: fma(xx, fma(xx, CS6, CS4), CS2)", rare("9e-12")],
  ["sincos.js: fma(xx, fma(xx, CS6, CS4), CS2) #2", rare("< 1e-11")],
  ["sincosf.js: fma(x2, T[p + C1], T[p + C0])", FLOAT],
  ["sincosf.js: fma(x2, T[p + C4], T[p + C3])", FLOAT],
  ["sincosf.js: fma(x2, T[p + S3], T[p + S2])", FLOAT],
  ["sincosf.js: fma(x3, T[p + S1], x)", FLOAT],
  ["sincosf.js: fma(x4, T[p + C2], c1)", FLOAT],
  ["sincosf.js: fma(x6, c2, c)", FLOAT],
  ["sincosf.js: fma(x7, s1, s)", FLOAT],
]);

/** The fma(a, b, c) calls in `src` outside comments: their start, end and argument texts. */
function fmaCalls(src) {
  const calls = [];
  for (let i = 0; i < src.length; i++) {
    if (src.startsWith("//", i)) i = src.indexOf("\n", i);
    else if (src.startsWith("/*", i)) i = src.indexOf("*/", i) + 1;
    else if (src.startsWith("fma(", i) && !/[\w$.]/.test(src[i - 1])) {
      const args = [];
      let depth = 0;
      let from = i + 4;
      let j = from;
      for (; depth >= 0; j++) {
        const ch = src[j];
        if (ch === "(" || ch === "[") depth++;
        else if (ch === ")" || ch === "]") depth--;
        if ((ch === "," && depth === 0) || depth < 0) {
          args.push(src.slice(from, j).trim());
          from = j + 1;
        }
      }
      calls.push({ start: i, end: j, args });
    }
    if (i < 0) break;
  }
  return calls;
}

/** The files of src/libm that `file` imports, directly or not, and itself. */
function closure(file, seen = new Set()) {
  seen.add(file);
  const src = readFileSync(join(LIBM_DIR, file), "utf8");
  for (const [, dep] of src.matchAll(/from "\.\/([\w.]+)"/g)) if (!seen.has(dep)) closure(dep, seen);
  return seen;
}

/** The libm.json cases whose function's module imports `file`. */
function casesUsing(file) {
  const index = readFileSync(join(LIBM_DIR, "index.js"), "utf8");
  const using = new Set();
  for (const [, names, from] of index.matchAll(/export \{ ([^}]+) \} from "\.\/([\w.]+)"/g)) {
    if (closure(from).has(file)) for (const name of names.split(",")) using.add(name.trim());
  }
  return doc.cases.filter((c) => using.has(c.name));
}

/** Whether a copy of src/libm with `file` replaced by `text` gets a libm.json result wrong. */
async function anyWrong(dir, file, text) {
  for (const f of readdirSync(LIBM_DIR)) {
    if (SHARED.has(f)) symlinkSync(join(LIBM_DIR, f), join(dir, f)); // one module instance, parsed once
    else copyFileSync(join(LIBM_DIR, f), join(dir, f));
  }
  writeFileSync(join(dir, file), text);
  const lib = await import(pathToFileURL(join(dir, "index.js")).href);
  return casesUsing(file).some((c) => {
    const single = c.precision === "float";
    return c.x.some((xh, i) => {
      const args = Array.isArray(xh) ? xh.map((h) => decode(h, single)) : [decode(xh, single)];
      const got = lib[c.name](...args);
      return isNaNBits(c.y[i], single) ? !Number.isNaN(got) : encode(got, single) !== c.y[i];
    });
  });
}

test("every fma of the ports is pinned by inputs where fusing changes the result", async () => {
  const root = mkdtempSync(join(tmpdir(), "libm-mutants-"));
  const wrong = [];
  let mutants = 0;
  let caught = 0;
  try {
    for (const file of readdirSync(LIBM_DIR).filter((f) => f.endsWith(".js") && !NOT_PORTS.has(f))) {
      const src = readFileSync(join(LIBM_DIR, file), "utf8");
      const seen = new Map();
      for (const { start, end, args } of fmaCalls(src)) {
        const call = src.slice(start, end);
        seen.set(call, (seen.get(call) ?? 0) + 1);
        const key = `${file}: ${call}` + (seen.get(call) > 1 ? ` #${seen.get(call)}` : "");
        const dir = join(root, String(mutants++));
        mkdirSync(dir);
        const unfused = `((${args[0]}) * (${args[1]}) + (${args[2]}))`;
        const killed = await anyWrong(dir, file, src.slice(0, start) + unfused + src.slice(end));
        if (killed) caught++;
        const listed = EQUIVALENT.has(key) || UNPINNED.has(key);
        if (killed === listed) wrong.push(killed ? `${key}: caught, but listed` : `${key}: not caught`);
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`libm fma mutants: ${mutants}, caught ${caught}, equivalent ${EQUIVALENT.size}, ` +
    `unpinned ${UNPINNED.size}`);
  assert.deepEqual(wrong, []);
  assert.equal(EQUIVALENT.size + UNPINNED.size + caught, mutants, "every mutant caught or listed once");
});
