"""Write msws.json: Widynski's middle-square Weyl sequence (arXiv:1704.00358).

An independent computation: the C program below is built at generation time with gcc (version
recorded) around the generator exactly as the paper prints it,

    x *= x; x += (w += s); return x = (x>>32) | (x<<32);

with uint64_t x = w = 0, the odd 64-bit constant s, and a uint32_t return. It shares no code with
prng. next_uint64 and next_double are what numpy's MT19937 does with 32-bit outputs (first draw high;
(a >> 5) * 67108864 + (b >> 6) over 2**53), the front prng gives every 32-bit generator.

Run: `python vectors/make_msws.py` (needs gcc).
"""

import subprocess
import tempfile
from pathlib import Path

from vecjson import versions, write

C_SOURCE = r"""
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t x = 0, w = 0, s = 0xb5ad4eceda1ce2a9;

/* Widynski, "Middle Square Weyl Sequence RNG", arXiv:1704.00358, as printed there. */
static inline uint32_t msws(void) {
    x *= x; x += (w += s); return x = (x>>32) | (x<<32);
}

static uint64_t next_uint64(void) { uint64_t a = msws(); return (a << 32) | msws(); }
static double next_double(void) {
    int32_t a = msws() >> 5, b = msws() >> 6;  /* numpy's mt19937_next_double */
    return (a * 67108864.0 + b) / 9007199254740992.0;
}
static void state(void) { printf("state %llu %llu %llu\n",
    (unsigned long long)x, (unsigned long long)w, (unsigned long long)s); }

/* argv: seed (s), then ops: u32:N, u64:N, dbl:N, state */
int main(int argc, char **argv) {
    s = strtoull(argv[1], NULL, 0);
    for (int i = 2; i < argc; i++) {
        char *op = argv[i];
        if (op[0] == 's') { state(); continue; }
        int n = atoi(op + 4);
        printf("%.3s", op);
        for (int k = 0; k < n; k++) {
            if (op[0] == 'u' && op[1] == '3') printf(" %u", msws());
            else if (op[0] == 'u') printf(" %llu", (unsigned long long)next_uint64());
            else printf(" %a", next_double());
        }
        printf("\n");
    }
    return 0;
}
"""

SEEDS = [0xB5AD4ECEDA1CE2A9, 1, 3, 0xFFFFFFFFFFFFFFFF, 0x9E3779B97F4A7C15, 0x0123456789ABCDEF,
         0x2545F4914F6CDD1D]
PROGRAM = ["state", "u32:1000", "state", "u32:5", "u64:3", "dbl:3", "state", "u32:10"]


def run(exe, seed, program):
    out = subprocess.run([str(exe), str(seed)] + program, check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()]


def as_state(parts):
    return {"bit_generator": "MiddleSquareWeyl", "state": {"x": parts[1], "w": parts[2], "s": parts[3]}}


def main():
    gcc = subprocess.run(["gcc", "--version"], check=True, capture_output=True, text=True).stdout.splitlines()[0]
    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        src, exe = Path(tmp) / "msws.c", Path(tmp) / "msws"
        src.write_text(C_SOURCE)
        subprocess.run(["gcc", "-O2", "-std=c99", "-Wall", "-o", str(exe), str(src)], check=True)
        results = {seed: run(exe, seed, PROGRAM) for seed in SEEDS}
    for seed, lines in results.items():
        ops = []
        for line in lines[:-1]:  # the last u32:10 is for the set_state case
            kind, vals = line[0], line[1:]
            if kind == "state":
                ops.append({"op": "state", "expect": as_state(line)})
            elif kind == "u32":
                if len(vals) == 5:  # record these as random_raw (next32 zero-extended)
                    ops.append({"op": "random_raw", "n": 5, "expect": vals})
                else:
                    ops.append({"op": "next_uint32", "n": len(vals), "expect": [int(v) for v in vals]})
            elif kind == "u64":
                ops.append({"op": "next_uint64", "n": len(vals), "expect": vals})
            else:
                ops.append({"op": "next_double", "n": len(vals), "expect": [float.fromhex(v).hex() for v in vals]})
        cases.append({"kind": "bitgen", "name": f"MiddleSquareWeyl seed={seed:#018x}",
                      "make": {"class": "MiddleSquareWeyl", "seed": str(seed)}, "ops": ops})
    # set_state: seed 1's generator takes the paper constant's state after 1000 + 5 + 6 + 6 draws
    lines = results[SEEDS[0]]
    st = as_state(lines[6])
    cases.append({"kind": "bitgen", "name": "MiddleSquareWeyl set_state from another seed",
                  "make": {"class": "MiddleSquareWeyl", "seed": "1"},
                  "ops": [{"op": "next_uint32", "n": 3, "expect": [int(v) for v in results[1][1][1:4]]},
                          {"op": "set_state", "state": st}, {"op": "state", "expect": st},
                          {"op": "next_uint32", "n": 10, "expect": [int(v) for v in lines[7][1:]]}]})
    write("msws.json", family="msws", generated_by="vectors/make_msws.py", versions=versions(gcc=gcc),
          source="a C program compiled at generation time around Widynski's msws() exactly as printed in "
                 "arXiv:1704.00358 (independent of prng); next_uint64/next_double with numpy's 32-bit rules",
          cases=cases)


if __name__ == "__main__":
    main()
