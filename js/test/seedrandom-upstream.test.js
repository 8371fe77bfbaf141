/**
 * seedrandom 3.0.5's own tests, run against prng's compat.seedrandom: the mocha files of its test/
 * folder (nodetest.js, cryptotest.js, prngtest.js) and the QUnit pages that run outside a browser,
 * read unmodified from js/third_party/seedrandom-3.0.5/ (sha256-checked first).
 *
 * Only the module is substituted. The mocha files run with `describe`/`it` on node:test and a
 * `require` that gives them prng's modules for seedrandom's (`../seedrandom`, `../lib/<name>`, and
 * `requirejs`/`proxyquire`, which load the module again: `loadSeedrandom()`); proxyquire's stub of
 * node's `crypto` module, seedrandom's autoseed source in node, stands in for `globalThis.crypto`,
 * prng's source, during each call. A QUnit page runs its inline scripts with `QUnit.module`/`test`
 * on node:test and what its <script src> tags would define: `Math.seedrandom` (seedrandom.js as a
 * plain script) and `xor4096` (lib/xor4096.min.js).
 *
 * Not run, because they need a real browser: require.html (the require.js AMD loader and
 * `document`) and browserified.html (a browserify bundle of nodetest.js with the original seedrandom
 * inside, whose tests are nodetest.js's, run here).
 */
import assert from "node:assert";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, describe, it, test } from "node:test";

import { compat } from "../src/index.js";

const ROOT = new URL("../third_party/seedrandom-3.0.5/", import.meta.url);
const read = (name) => readFileSync(new URL(`test/${name}`, ROOT), "utf8");
const BROWSER_ONLY = { "require.html": "require.js and document", "browserified.html": "a bundle of nodetest.js" };
const LIB = ["alea", "xor128", "xorwow", "xorshift7", "xor4096", "tychei"];

test("the pinned test files are seedrandom 3.0.5's, unmodified", () => {
  const sums = readFileSync(new URL("README.md", ROOT), "utf8").matchAll(/^([0-9a-f]{64}) test\/(\S+)$/gm);
  const files = [...sums];
  assert.equal(files.length, 10);
  for (const [, sum, name] of files) {
    assert.equal(createHash("sha256").update(readFileSync(new URL(`test/${name}`, ROOT))).digest("hex"), sum, name);
  }
});

/** `fn()` with `globalThis.crypto` replaced by `platform` (undefined: no crypto at all). */
function withCrypto(platform, fn) {
  const saved = Object.getOwnPropertyDescriptor(globalThis, "crypto");
  Object.defineProperty(globalThis, "crypto", { value: platform, configurable: true, writable: true });
  try {
    return fn();
  } finally {
    Object.defineProperty(globalThis, "crypto", saved);
  }
}

/** proxyquire('../seedrandom', {crypto}): a fresh copy of the module whose autoseed reads the stub. */
function proxyquire(path, stubs) {
  const fresh = compat.loadSeedrandom();
  if (!("crypto" in stubs)) return fresh;
  const stub = stubs.crypto;
  const platform = stub === null ? undefined : {
    getRandomValues: (out) => {
      out.set(stub.randomBytes(out.length));
      return out;
    },
  };
  return function seedrandom(...args) {
    return withCrypto(platform, () => fresh.apply(this, args));
  };
}

/** The modules a mocha file asks for, as prng's. */
function moduleFor(name) {
  if (name === "assert" || name === "module") return createRequire(import.meta.url)(`node:${name}`);
  if (name === "../seedrandom") return compat.loadSeedrandom();
  if (name === "proxyquire") return proxyquire;
  if (name === "requirejs") return Object.assign((module) => moduleFor(module), { config() {} });
  const lib = /^\.\.\/lib\/(\w+)$/.exec(name);
  if (lib && LIB.includes(lib[1])) return compat.seedrandom[lib[1]];
  throw new Error(`the upstream tests asked for an unknown module ${name}`);
}

/** mocha's `it`, with `this.timeout()` and `this.slow()` as no-ops. */
const mochaIt = (name, fn) => it(name, () => fn.call({ timeout() {}, slow() {} }));

for (const file of ["nodetest.js", "cryptotest.js", "prngtest.js"]) {
  describe(file, () => {
    // sloppy mode, as mocha runs them (they assign undeclared names)
    new Function("require", "describe", "it", "__dirname", read(file))(moduleFor, describe, mochaIt, ".");
  });
}

/** The inline scripts and the src of the other scripts of a QUnit page. */
function scripts(html) {
  const all = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  return {
    sources: all.map(([, attrs]) => /src="([^"]+)"/.exec(attrs)?.[1]).filter(Boolean),
    inline: all.filter(([, attrs]) => !attrs.includes("src=")).map(([, , body]) => body),
  };
}

for (const page of ["altprng.html", "autoseed.html", "newapi.html", "options.html", "state.html"]) {
  describe(page, () => {
    const { sources, inline } = scripts(read(page));
    const original = Math.random;
    let moduleName = "";
    const QUnit = {
      module: (name) => { moduleName = name; },
      test: (name, fn) => it(`${moduleName}: ${name}`, () => fn({ equal: assert.equal, ok: assert.ok })),
    };
    before(() => {
      if (sources.some((s) => /seedrandom(\.min)?\.js$/.test(s))) Math.seedrandom = compat.loadSeedrandom();
    });
    after(() => {
      Math.random = original;
      delete Math.seedrandom;
    });
    const xor4096 = sources.some((s) => s.endsWith("lib/xor4096.min.js")) ? compat.seedrandom.xor4096 : undefined;
    for (const body of inline) new Function("QUnit", "xor4096", body)(QUnit, xor4096);
  });
}

test("pages that need a real browser are listed, and every page is run or listed", () => {
  const run = ["altprng.html", "autoseed.html", "newapi.html", "options.html", "state.html"];
  const pinned = readFileSync(new URL("README.md", ROOT), "utf8").match(/test\/\S+\.html/g).map((p) => p.slice(5));
  assert.deepEqual([...run, ...Object.keys(BROWSER_ONLY)].sort(), pinned.sort());
});
