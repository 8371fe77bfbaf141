/**
 * Von Neumann's middle-square method (1949), in decimal: each step squares the `digits`-digit state,
 * writes the square with `2*digits` digits (zero-padded) and keeps the middle `digits` digits
 * (4 digits: 1234 -> 01522756 -> 5227). States reach 10**18, so this toy generator uses BigInt.
 */
import { checkArray, toCount, toUintBig } from "./checks.js";
import { decimal, readInt, readObject, readState, readUint } from "./state.js";

const MAX_DIGITS = 18;
const MAX_PERIOD_STEPS = 10_000_000; // period()'s default bound on squarings

/** `digits` must be an even integer in [2, 18]. */
function checkDigits(digits, name) {
  toCount(digits, name);
  if (digits < 2 || digits > MAX_DIGITS || digits % 2) {
    throw new RangeError(`${name} must be even and in [2, ${MAX_DIGITS}], got ${digits}`);
  }
  return digits;
}

/** `value` must be in [0, 10**digits). */
function checkValue(value, name, digits) {
  if (value >= 10n ** BigInt(digits)) throw new RangeError(`${name} must be in [0, 10**${digits}), got ${value}`);
  return value;
}

/** The middle `digits` digits of `value**2` written with `2*digits` digits. */
function middleSquare(value, digits) {
  return ((value * value) / 10n ** BigInt(digits / 2)) % 10n ** BigInt(digits);
}

/** `n / d` (bigints, n >= 0, d > 0) correctly rounded to a double, as Python's int / int. */
function divideToDouble(n, d) {
  if (n === 0n) return 0;
  const shift = 56 + d.toString(2).length - n.toString(2).length;
  const num = n << BigInt(shift);
  const q = num / d;
  // q has at least 55 bits; OR-ing the remainder into its last bit makes Number() round correctly.
  return Number(num % d === 0n ? q : q | 1n) * 2 ** -shift;
}

export class MidSquare {
  /** `new MidSquare(seed, {digits = 4})`: `seed` in [0, 10**digits). */
  constructor(seed, { digits = 4 } = {}) {
    checkDigits(digits, "digits");
    this._digits = digits;
    this._value = checkValue(toUintBig(seed, "seed", 64), "seed", digits);
  }

  get digits() {
    return this._digits;
  }

  /** Squares the state and keeps its middle digits; returns the new state (a bigint). */
  next() {
    this._value = middleSquare(this._value, this._digits);
    return this._value;
  }

  nextUint64() {
    return this.next();
  }

  /** The next state as a number; needs digits <= 8 so that a state fits in 32 bits. */
  nextUint32() {
    if (this._digits > 8) {
      throw new RangeError(`nextUint32 needs digits <= 8 so a state fits in 32 bits, got digits=${this._digits}`);
    }
    return Number(this.next());
  }

  /** The next state as a decimal fraction: `value / 10**digits`. */
  nextDouble() {
    return divideToDouble(this.next(), 10n ** BigInt(this._digits));
  }

  randomRaw(n) {
    toCount(n, "n");
    return BigUint64Array.from({ length: n }, () => this.next());
  }

  fillUint32(out) {
    checkArray(out, Uint32Array, "out");
    for (let k = 0; k < out.length; k++) out[k] = this.nextUint32();
    return out;
  }

  fillDouble(out) {
    checkArray(out, Float64Array, "out");
    for (let k = 0; k < out.length; k++) out[k] = this.nextDouble();
    return out;
  }

  /**
   * Brent's cycle detection from the current state: `{tail, cycle}` (steps before the cycle, its
   * length). Bounded work: a RangeError after `maxSteps` squarings (default 10**7, always enough for
   * digits <= 6, where Brent needs at most about 3 * 10**digits).
   */
  period({ maxSteps = MAX_PERIOD_STEPS } = {}) {
    toCount(maxSteps, "maxSteps");
    const digits = this._digits;
    let steps = 0;
    const step = (v) => {
      if (++steps > maxSteps) {
        throw new RangeError(`period: no cycle found within maxSteps=${maxSteps} steps (digits=${digits}); pass a larger maxSteps`);
      }
      return middleSquare(v, digits);
    };
    let power = 1, cycle = 1, tortoise = this._value, hare = step(this._value);
    while (tortoise !== hare) {
      if (power === cycle) {
        tortoise = hare;
        power *= 2;
        cycle = 0;
      }
      hare = step(hare);
      cycle++;
    }
    tortoise = hare = this._value;
    for (let k = 0; k < cycle; k++) hare = step(hare);
    let tail = 0;
    for (; tortoise !== hare; tail++) {
      tortoise = step(tortoise);
      hare = step(hare);
    }
    return { tail, cycle };
  }

  get state() {
    return { bit_generator: "MidSquare", state: { value: decimal(this._value), digits: this._digits } };
  }

  set state(value) {
    readState(value, "MidSquare");
    const inner = readObject(value, "state", "state");
    const digits = checkDigits(readInt(inner, "digits", 2, MAX_DIGITS, "state.state"), "state.state.digits");
    const v = checkValue(readUint(inner, "value", 64, "state.state"), "state.state.value", digits);
    this._digits = digits;
    this._value = v;
  }
}
