/**
 * numpy's MT19937 jump by 2**128 draws (numpy/random/src/mt19937/mt19937-jump.c): Horner evaluation
 * of a fixed polynomial over the state. The polynomial is `poly_coef[624]` of numpy's
 * mt19937-jump.h (numpy 2.4.6, BSD-3-Clause; produced by randomgen's mt19937-generate-jump-poly.c
 * from Matsumoto's minipoly_mt19937.c): coefficient d is bit (d % 32) of word d >> 5, stored here as
 * the 624 words little-endian in base64.
 */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

const POLY_COEF_BASE64 =
  "YznecsSecLW2myeI5fgjqFk+2CZZIh8EFbv953cXUotW57VI1RIov7mtsOSqSUgLg4uSPs45benTMWGv6PLqCVaEVDN7TIHB" +
  "g3w6ibwHvf5ngr0Bv9xHUeZ9puJ09f6aCU0zuMre0/BY/WFVO3CE2DuAXO9Cj5uzYbffINP+HNZbPl/Pd2FBR+lChI6rz6mO" +
  "wA5dWI333WAohZssDtb38Pw7u7J94z7KWebJgWnZDofeoHOVUUhSzpQ7aHftpc1zvPy8VmyVO/QU3pEfALQEv4HEOJQxmIUd" +
  "ouBqytWul50YQkaeGZVc54ZUPCVcRUPN2My1c9SCgn9EzcrImd8tGUaFvtaJtYhSp2zytH9VGZjrcAUgKD3nAwTMSibJFKF4" +
  "e/vwlZfo7kLCgMyr6FHnZ4XMMBPvhw4Ulpo7kV5S+NMF0uM+jxWhG4nbTCx9qGofOppemyMyi4ftw5ikeHeMpGbASpdV8Agd" +
  "QoKgyOmA3tZAC8+hTM6SKMcxJ4SuaEFgbe4j3bL4z76HcqzfUZc2pJ3Ii7rZQFhKgoWlp+3bO/WXSbrPHJ0UpMNvxtUFKcfy" +
  "Oa1ozpaOTa61qRPylvOIxbsWYZ1OjWEs0SBEs/Nh++vXLnA78qbcy2aBt3yVMyi+akOiA5bQwCBvqpDhFbhJv8ON10kDuUWb" +
  "yMSkCuOQ62fwEyvzsepcf5SCxMzbrh5ktq9qbVhTtYAyWLVymnf68XSvYDv9rpKJ8gmmT3KUNSjxqudhqcF9UoeAToM/aa28" +
  "9jvKyZYXF5VKFkGfdWfTtzvPIM97Z3dcAVt29J/W30cVbg3ZfyQI1xNR6V8olnmt8vknxuIM+/zOQSQPgDMASwARFnILePpQ" +
  "GrFyH7eoHLf9Qqv/zrp1VDmLwpF47241w8lBFG0IgNyRdMSWyQ7DtS3kVKLdGjKpEjY6llvuC8PHdVxjIxMU31iPMDiP4yaJ" +
  "kpW2cdhUd4le3t08dGHAWwQJUq2ngLu+1ITCXDNdHdlIp2uMQQ4JESmZuzO8/yxGjlAqxAWGxu8UOipg2WwOI/T5xiYx67hJ" +
  "jzW9UaTnSXzLkrVHObsQGVtq7TwYpQytyx1Gk3mljNmOlCaVZcvF7BtDGv19yN0LJEBpXawgmH04Vev/4RpscS/7zxOG7fgE" +
  "OfB315frMhtfqcGH7qQ9iWzxNcLUGFGWupR56OIjkPlFRYy7pWgSibRGz+dhOBZNgVYsCw6MaMpfLnA2tUZjuLsR41U3AaZy" +
  "XNwvFBMO0UfL4EyjMIwIrP4DlY/oonlNx3B2k5XAtALg9fggwDMFCDKP/oElDB2rbXePBCi7AbZHSgCWbuG4+HuvYmhCoJ9K" +
  "Yva2sNRKOFTuwFCjVwpngcEdBiYgKCw6mfh1tWeWdLkq/I1zODiFqkLEzACkkjqlPlqvz6LPyL1lQogJne6fUk/416SecGyW" +
  "QryATNRlQtHz5+v17So8svEjRYBCfNS3qQrLp2gFN3PFCtkGHooVZq3HBZiMiaPE3q2QeJA2xX8gm8OFCH5CxfhkyMDtBbov" +
  "egFlw7/SCiHqlfuPA6CcYHJPbI7EY+aEYgURPKgcPHUjtwCH/CpkSCyVrBQ+EvHOPJeE7bi4dfDJxeoMWiUK8HxIzd/a4Hd+" +
  "DHXli5fLcQD+JwhWbzjEKPBJQK/WOmu/3aoRqdEGMC50u7Ve+YmELj24b8NkgSeERyswgr7m4GEOJiIEVpy1EZwM8uSq7NWc" +
  "2uJm+CMlx5tnFsRSPFNvgV4jo0ee/9ugVqdiDKOlnOqmYQfe6WcSxfYq7T5miIvyH9BeaWOWdv1Or2WQ3/xHvFliyt+cOE5C" +
  "GyxsFl4zA7uhoXMq3TO+xFjQkObCa3RFBzS0lH+N0wezT4Vg5FG4dMIqPdsH9Z3ZOzLThkwlbF0irL+CMjDdtDsCfrJfGia3" +
  "eYH+NL9h80BYeJ5sDlAW5wY7h2UL7sY152Qo+/zUxeTGARkohOKOhc2j/OVlOoBE9vdQ+EEe9Pk5VetlyfPLh3SAL74SZAWu" +
  "VblcPG+R/tjficKuXsuM0b+B7w7yV2FESjaQRnUhmN6gflnBG1mU0Bc+7bF6bmd5weuVxPa9g6JwNYxkXLIGaoAFizmME+sN" +
  "7QgR5WoJPU4WdNodKwHerxcDL3KSGADL91yHI9JW14LeFJHJRM6RILRXR9L5TpSKWhSUhSvx+O3/SoyZ6QwM86AB5pxYemW6" +
  "3VGoNo3s5pQ4uUbtcKSthn1Qm0C5FMdGqGLIBT4EKLaIocR6jDp2jbYY3AqXp1t/mTUHaWu8tF3TWU1EIn4IPYlOwOlRb0Zh" +
  "5qSKVAXUHxWJU1WRYVaQYBlWjV5hhTw+HLjGOWwVkSSm1C/8LNS0F/m8yYLPBNcr7Ggle0AyQAXZaCJda3sDfnrsa9jnEB8j" +
  "MGgBugGFT5YfMrejIcNzmN3CCjXhUKKlhYNXJkfSOMfKQSUBPIczzRl/kMUsyM3QClQrXKTMVlbRfYgfuIfZo0j+54N4hKIG" +
  "24JWlPgtX0bhTEmbvP/I+s05j1klyCqxGyOZ+n4hXD6iiy07uv1Q5QYAUY4zZ2qElDFXPiapSO69Ns1cyJTDQSCWpxDyZ5uh" +
  "ptI/iwZcKIrZlxc6CgU3NgfK32N+ZJVyujt7egF2jr5JBWbqGlEePBqTocclDMQGcM+WN2SGGH04+tnMMQD3uXUsHmA1l/6H" +
  "sGjN+NZdZO8jswV9OHFdU3/0AlwmejKQstPsYyXq1aslQ2IBQRYsMJPr+9u8pt8cohllhu2HWbHxljIRhOwxDLI1KiOQIBO0" +
  "xcPQkuNyUVPL/F8JqaAk/I4DLJNuMkYlR17BzFT8uhs4qPI8MGZIqCXgVxCutAWEjXM22nNM7B6QD7OIBPGfT4Cn7oWofatu" +
  "vv3ZQD1Z6W88DYU8DGxgZTGieLA0ijBwvflaY758mm0y7nPtGQVmY43dARdflWIO6bANGBNqtpw+zcLTqoj7eEi+/YVSnIWi" +
  "+Ph5lUH9L5B7anxLigReH4ktJo6VJG1weNi760J/bYHx+82IisVsPqtkSnX9+n2qAgqN6ffSPLZcyMg4f7XFcgorf7k02nnk" +
  "9zM+VSojhnz4yFyzbSbG7f7nZ8qI9rcUe5ktB2/W07NCaoxSuQUQEiK28g05H9OH1F/OEjfbru30wt5JJf9TjlpDnueqQUB2" +
  "cO6jKV69WbNHsKJaBM06MActKrjClVcWM7dKpsGqD5UfhqLfA14Z/2Xo1ozsYLNeY7CcY02n4RkoJcF+1iBcd99NTKR/LXII" +
  "Mi3JsLxF0YPoByI75GDacykJPaG5EyiWC0KPc9ZyZevKUhoV76CkgFfk7iMAAAAA";

let polyDegrees; // the degrees of the set coefficients, highest first (decoded on first use)

function jumpPolynomialDegrees() {
  if (!polyDegrees) {
    const bytes = Uint8Array.from(atob(POLY_COEF_BASE64), (ch) => ch.charCodeAt(0));
    const words = new DataView(bytes.buffer);
    polyDegrees = [];
    for (let d = 32 * N - 1; d >= 0; d--) {
      if ((words.getUint32(4 * (d >>> 5), true) >>> (d & 31)) & 1) polyDegrees.push(d);
    }
  }
  return polyDegrees;
}

/** numpy's `gen_next`: the one-word twist at `pos`; returns the next position. */
function genNext(key, pos) {
  const y = (key[pos] & UPPER) | (key[(pos + 1) % N] & LOWER);
  key[pos] = key[(pos + M) % N] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  return (pos + 1) % N;
}

/** numpy's `add_state`: XOR of the two circular buffers, each read from its own position. */
function addState(temp, tempPos, base, basePos) {
  for (let k = 0; k < N; k++) temp[(tempPos + k) % N] ^= base[(basePos + k) % N];
}

/** numpy's `mt19937_jump_state`: the (key, pos) 2**128 draws after (key, pos). */
export function jumpState(key, pos) {
  if (pos >= N) pos = 0;
  const degrees = jumpPolynomialDegrees();
  const isSet = new Set(degrees);
  const temp = Uint32Array.from(key);
  let tempPos = pos;
  tempPos = genNext(temp, tempPos);
  for (let d = degrees[0] - 1; d > 0; d--) {
    if (isSet.has(d)) addState(temp, tempPos, key, pos);
    tempPos = genNext(temp, tempPos);
  }
  if (isSet.has(0)) addState(temp, tempPos, key, pos);
  return { key: temp, pos: tempPos };
}
