/* arc4.c: the RC4 keystream (PRGA) as seedrandom 3.0.5's ARC4 draws it: g(count) concatenates
 * `count` bytes big-endian; int32() >>> 0 is g(4); prng() builds a 53-bit double from 7+ bytes.
 */
#include "prng.h"
#include "fill.h"

/* One PRGA step: swap S[i], S[j] and emit S[S[i] + S[j]]. */
static inline uint8_t arc4_byte(uint8_t *S, unsigned *i, unsigned *j)
{
    *i = (*i + 1) & 255;
    uint8_t t = S[*i];
    *j = (*j + t) & 255;
    S[*i] = S[*j];
    S[*j] = t;
    return S[(S[*i] + t) & 255];
}

void prng_arc4_fill_bytes(prng_arc4_t *g, uint8_t *out, size_t n)
{
    unsigned i = (unsigned)g->i, j = (unsigned)g->j;
    for (size_t k = 0; k < n; k++)
        out[k] = arc4_byte(g->S, &i, &j);
    g->i = (int)i;
    g->j = (int)j;
}

uint32_t prng_arc4_next_uint32(prng_arc4_t *g)
{
    uint32_t out;
    prng_arc4_fill_uint32(g, &out, 1);
    return out;
}

void prng_arc4_fill_uint32(prng_arc4_t *g, uint32_t *out, size_t n)
{
    unsigned i = (unsigned)g->i, j = (unsigned)g->j;
    for (size_t k = 0; k < n; k++) {
        uint32_t word = 0;
        for (int b = 0; b < 4; b++)
            word = word << 8 | arc4_byte(g->S, &i, &j);
        out[k] = word;
    }
    g->i = (int)i;
    g->j = (int)j;
}

static void arc4_fill32(void *g, uint32_t *out, size_t n) { prng_arc4_fill_uint32(g, out, n); }

void prng_arc4_fill_raw(prng_arc4_t *g, uint64_t *out, size_t n)
{
    prng_fill_raw_from32(g, arc4_fill32, out, n);
}

void prng_arc4_fill_uint64(prng_arc4_t *g, uint64_t *out, size_t n)
{
    prng_fill_uint64_from32(g, arc4_fill32, out, n);
}

/* seedrandom's prng(): 6 bytes, then one more byte at a time until 52 bits are filled, then
 * halved back under 2^53: exactly 53 significant bits at the value's own scale. */
static double seedrandom_double(uint8_t *S, unsigned *i, unsigned *j)
{
    uint64_t n = 0, x = 0;
    double d = 281474976710656.0; /* 2^48 */
    for (int b = 0; b < 6; b++)
        n = n << 8 | arc4_byte(S, i, j);
    do {
        n = (n + x) << 8;
        d *= 256.0;
        x = arc4_byte(S, i, j);
    } while (n < (1ULL << 52));
    for (; n >= (1ULL << 53); x >>= 1) {
        n >>= 1; /* exact: n is a multiple of 256 after the loop above */
        d *= 0.5;
    }
    return (double)(n + x) / d;
}

void prng_arc4_fill_double(prng_arc4_t *g, double *out, size_t n)
{
    unsigned i = (unsigned)g->i, j = (unsigned)g->j;
    for (size_t k = 0; k < n; k++)
        out[k] = seedrandom_double(g->S, &i, &j);
    g->i = (int)i;
    g->j = (int)j;
}

/* seedrandom's prng() as prng_bitgen_t's next_double. */
static double arc4_seedrandom_double(void *g)
{
    double d;
    prng_arc4_fill_double(g, &d, 1);
    return d;
}

PRNG_BITGEN32(arc4, prng_arc4_t, arc4_seedrandom_double, 0)
