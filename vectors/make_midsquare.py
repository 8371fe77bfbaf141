"""Write midsquare.json: von Neumann's middle-square method (decimal), digits 2, 4, 6, 8 and 10.

There is no library to ask, so the truth is two things that do not share code with prng:
1. hand-worked examples published with the method (PUBLISHED below, each with where it appears);
2. `mid_str`, a computation by string slicing: write the square zero-padded to 2*digits decimal
   characters and keep the middle `digits` characters (no integer division or modulo).
Every published example is asserted to agree with `mid_str`; the longer streams, `period` values
and states written to the file come from `mid_str`.

Run: `python vectors/make_midsquare.py`.
"""

from fractions import Fraction

from vecjson import versions, write


def mid_str(value, digits):
    sq = str(value * value).rjust(2 * digits, "0")
    assert len(sq) == 2 * digits
    return int(sq[digits // 2: digits // 2 + digits])


def stream(seed, digits, n):
    out, v = [], seed
    for _ in range(n):
        v = mid_str(v, digits)
        out.append(v)
    return out


def tail_and_cycle(seed, digits):
    """x0 = seed, x(k+1) = next(xk): tail = least t with x(t) on a cycle, cycle = least c > 0 with
    x(t+c) = x(t)."""
    seen, v, i = {}, seed, 0
    while v not in seen:
        seen[v] = i
        v = mid_str(v, digits)
        i += 1
    return seen[v], i - seen[v]


# (digits, seed, the values that follow, where the example is published)
PUBLISHED = [
    (4, 1234, [5227, 3215, 3362], "the worked example the project was specified with (1234^2 = 01522756 -> 5227 -> 3215)"),
    (4, 1111, [2343, 4896], "Wikipedia, 'Pseudorandom number generator' (1111^2 = 01234321 -> 2343, then 4896)"),
    (4, 540, [2916, 5030, 3009, 540], "Wikipedia, 'Middle-square method' (cycle 0540 -> 2916 -> 5030 -> 3009)"),
    (4, 6100, [2100, 4100, 8100, 6100], "Knuth, TAOCP vol. 2, sec. 3.1 (cycle 6100, 2100, 4100, 8100)"),
    (4, 100, [100], "Wikipedia, 'Middle-square method' (n = 4 gets stuck on 0100, 2500, 3792, 7600)"),
    (4, 2500, [2500], "Wikipedia, 'Middle-square method'"),
    (4, 3792, [3792], "Wikipedia, 'Middle-square method'"),
    (4, 7600, [7600], "Wikipedia, 'Middle-square method'"),
    (2, 24, [57, 24], "Wikipedia, 'Middle-square method' (n = 2: the 24 -> 57 loop)"),
    (2, 10, [10], "Wikipedia, 'Middle-square method' (n = 2 fixed points 0, 10, 50, 60)"),
    (2, 50, [50], "Wikipedia, 'Middle-square method'"),
    (2, 60, [60], "Wikipedia, 'Middle-square method'"),
    (2, 82, [72, 18, 32, 2, 0, 0], "code-golf 'middle-square period' puzzle (82 > 72 > 18 > 32 > 02 > 00)"),
    (6, 675248, [959861], "Wikipedia, 'Middle-square method' figure (675248^2 = 455959861504 -> 959861)"),
    (6, 123456, [241383, 265752, 624125, 532015, 39960, 596801],
     "code-golf 'middle-square period' puzzle (123456 -> 241383 -> ... -> 039960 -> 596801)"),
    (10, 5772156649, [7923805949], "Knuth, TAOCP vol. 2, sec. 3.1 (5772156649^2 = 33317792380594909201)"),
]
# period values given with the examples: (digits, seed, tail, cycle, where)
PUBLISHED_PERIODS = [
    (4, 540, 0, 4, "Wikipedia: 0540 is on a 4-cycle"),
    (4, 6100, 0, 4, "Knuth: 6100 is on a 4-cycle"),
    (4, 3792, 0, 1, "Wikipedia: fixed point"),
    (2, 24, 0, 2, "Wikipedia: 24 <-> 57"),
    (2, 82, 5, 1, "puzzle: 82 reaches 00 after 5 steps"),
    (6, 123456, 146, 1, "puzzle: 146 steps before the first repeat"),
]


def state(value, digits):
    return {"bit_generator": "MidSquare", "state": {"value": str(value), "digits": digits}}


def make(seed, digits):
    return {"class": "MidSquare", "seed": str(seed), "digits": digits}


def main():
    for digits, seed, vals, _ in PUBLISHED:
        assert stream(seed, digits, len(vals)) == vals, (seed, digits)
    for digits, seed, t, c, _ in PUBLISHED_PERIODS:
        assert tail_and_cycle(seed, digits) == (t, c), (seed, digits)

    cases = []
    for digits, seed, vals, where in PUBLISHED:
        ops = [{"op": "random_raw", "n": len(vals), "expect": [str(v) for v in vals]},
               {"op": "state", "expect": state(vals[-1], digits)}]
        cases.append({"kind": "bitgen", "name": f"MidSquare digits={digits} seed={seed:0{digits}d} (published)",
                      "make": make(seed, digits), "source": where, "ops": ops})
    for digits, seed, t, c, where in PUBLISHED_PERIODS:
        cases.append({"kind": "bitgen", "name": f"MidSquare digits={digits} seed={seed:0{digits}d} period (published)",
                      "make": make(seed, digits), "source": where,
                      "ops": [{"op": "period", "expect": {"tail": t, "cycle": c}}]})

    # Longer streams and every draw kind, from mid_str. next_double = value / 10**digits, correctly
    # rounded (only digits <= 8, where the value and 10**digits are both exact doubles).
    seeds = {2: [0, 1, 43, 99], 4: [1234, 1, 9999, 4100, 5555], 6: [123456, 999999, 1],
             8: [12345678, 99999999, 31415926, 10000000], 10: [5772156649, 1234567890]}
    for digits, ss in seeds.items():
        for seed in ss:
            s = stream(seed, digits, 80)
            ops = [{"op": "state", "expect": state(seed, digits)},
                   {"op": "random_raw", "n": 50, "expect": [str(v) for v in s[:50]]},
                   {"op": "state", "expect": state(s[49], digits)},
                   {"op": "next_uint64", "n": 5, "expect": [str(v) for v in s[50:55]]}]
            if digits <= 8:
                ops += [{"op": "next_uint32", "n": 5, "expect": s[55:60]},
                        {"op": "next_double", "n": 5,
                         "expect": [float(Fraction(v, 10**digits)).hex() for v in s[60:65]]}]
            else:
                ops += [{"op": "random_raw", "n": 10, "expect": [str(v) for v in s[55:65]]}]
            ops.append({"op": "state", "expect": state(s[64], digits)})
            cases.append({"kind": "bitgen", "name": f"MidSquare digits={digits} seed={seed:0{digits}d}",
                          "make": make(seed, digits), "source": "string slicing", "ops": ops})
            t, c = tail_and_cycle(seed, digits)
            cases.append({"kind": "bitgen", "name": f"MidSquare digits={digits} seed={seed:0{digits}d} period",
                          "make": make(seed, digits), "source": "string slicing",
                          "ops": [{"op": "period", "expect": {"tail": t, "cycle": c}}]})
    # set_state: continue from 3009 on the 0540 cycle
    cases.append({"kind": "bitgen", "name": "MidSquare set_state value=3009 digits=4",
                  "make": make(1234, 4), "source": "Wikipedia, 'Middle-square method' (0540 cycle)",
                  "ops": [{"op": "set_state", "state": state(3009, 4)}, {"op": "state", "expect": state(3009, 4)},
                          {"op": "random_raw", "n": 5, "expect": ["540", "2916", "5030", "3009", "540"]}]})
    write("midsquare.json", family="midsquare", generated_by="vectors/make_midsquare.py", versions=versions(),
          source="published hand-worked examples (each case's 'source'), all re-derived and extended by "
                 "string slicing of the zero-padded square; no library exists",
          cases=cases)


if __name__ == "__main__":
    main()
