/**
 * seedrandom 3.0.5's default call, `seedrandom(seed, {state})`, on prng's ARC4 (the same RC4-drop[256]
 * keyed by seedrandom's flatten + mixkey). `()` and `.double()` are seedrandom's 53-bit double,
 * `.int32()` 4 keystream bytes as a signed int32, `.quick()` 4 bytes / 2**32, `.state()` `{i, j, S}`.
 */
import { ARC4 } from "../arc4.js";

/** seedrandom's autoseed: 256 bytes of OS entropy as a string of char codes (not reproducible). */
function autoseed() {
  return String.fromCharCode(...globalThis.crypto.getRandomValues(new Uint8Array(256)));
}

/**
 * `seedrandom(seed, {state})`: `seed` as seedrandom takes it (string, number, array, object;
 * null/undefined autoseeds); `state`, an object `{i, j, S}` from `.state()`, resumes that generator.
 * Unlike seedrandom, `.state()` is always present (seedrandom adds it only with `{state: true}`).
 */
export function seedrandom(seed, { state } = {}) {
  const arc4 = new ARC4(seed ?? autoseed());
  if (state !== null && typeof state === "object") arc4.setSeedrandomState(state, "state");
  const rng = () => arc4.nextDouble();
  rng.double = rng;
  rng.int32 = () => arc4.bytes(4) | 0;
  rng.quick = () => arc4.bytes(4) / 0x100000000;
  rng.state = () => arc4.seedrandomState();
  return rng;
}
