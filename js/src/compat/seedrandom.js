/**
 * seedrandom 3.0.5 (npm): the same numbers as `require('seedrandom')` for the same calls
 * (prng/compat/seedrandom.py in JS).
 *
 * `seedrandom(seed, options, callback)` is the default generator (RC4-drop[256], prng's ARC4) with
 * every option of seedrandom: a seed as seedrandom takes it (string, number, array, object;
 * undefined/null autoseeds from `globalThis.crypto.getRandomValues`); `entropy: true` (or the
 * legacy `options === true`) mixes the module's entropy pool into the seed; every call mixes the new
 * generator's RC4 state into that pool; `state: true` adds `.state()`, a saved state resumes;
 * `pass` (or the legacy third argument) receives `(prng, shortseed, global, state)` and its result
 * is returned; `global: true`, or a call as `Math.seedrandom(...)`, replaces `Math.random` with the
 * generator and returns the shortseed (assign `Math.seedrandom = compat.seedrandom` to get the
 * global API that loading seedrandom.js with a <script> tag installs).
 * `.alea`, `.xor128`, `.xorwow`, `.xorshift7`, `.xor4096`, `.tychei` are seedrandom's lib/ generators.
 *
 * `loadSeedrandom(mathRandom)` is another loaded copy of the module: its own entropy pool, started
 * (as seedrandom does on load) from one `Math.random()` value, `mathRandom` when given.
 */
import { ARC4, flatten, mixkey } from "../arc4.js";
import { alea, tychei, xor128, xor4096, xorshift7, xorwow } from "./seedrandom_lib.js";

const WIDTH = 256;

/** seedrandom's `tostring`: `String.fromCharCode` of an array of codes. */
const tostring = (codes) => String.fromCharCode(...codes);

/** seedrandom's autoseed: 256 bytes from the platform's crypto source, else its fallback mix. */
function autoseed(pool) {
  try {
    return tostring(globalThis.crypto.getRandomValues(new Uint8Array(WIDTH)));
  } catch {
    const browser = globalThis.navigator;
    return [Date.now(), globalThis, browser && browser.plugins, globalThis.screen, tostring(pool)];
  }
}

/** seedrandom's generator on `arc4`: `()`/`double()` 53-bit doubles, `int32()`, `quick()`. */
function arc4Prng(arc4) {
  const prng = () => arc4.nextDouble();
  prng.int32 = () => arc4.bytes(4) | 0;
  prng.quick = () => arc4.bytes(4) / 0x100000000;
  prng.double = prng;
  return prng;
}

/** A freshly loaded seedrandom: its own entropy pool, mixed at load with `mathRandom` (see above). */
export function loadSeedrandom(mathRandom = Math.random()) {
  const pool = mixkey(mathRandom, []);

  function seedrandom(seed, options, callback) {
    options = options == true ? { entropy: true } : options || {}; // == true: seedrandom's legacy test
    const keySeed = options.entropy ? [seed, tostring(pool)] : seed == null ? autoseed(pool) : seed;
    const shortseed = tostring(mixkey(flatten(keySeed, 3)));
    const arc4 = new ARC4(keySeed);
    mixkey(tostring(arc4.seedrandomState().S), pool);
    const prng = arc4Prng(arc4);
    const deliver = options.pass || callback || ((p, short, isMathCall, state) => {
      if (state) {
        if (state.S) arc4.setSeedrandomState(state, "state");
        p.state = () => arc4.seedrandomState();
      }
      if (isMathCall) {
        Math.random = p;
        return short;
      }
      return p;
    });
    return deliver(prng, shortseed, "global" in options ? options.global : this === Math, options.state);
  }

  return Object.assign(seedrandom, { alea, xor128, xorwow, xorshift7, xor4096, tychei });
}

/** seedrandom 3.0.5's `seedrandom` (see the module comment). */
export const seedrandom = loadSeedrandom();
