/* sfc64.c: Chris Doty-Humphrey's SFC64 as numpy runs it (numpy/random/src/sfc64/sfc64.h): state a, b, c
 * and a counter w; the output is a + b + w, then a = b ^ (b >> 11), b = c + (c << 3),
 * c = rotl(c, 24) + output, w += 1. Seeding (SeedSequence words, 12 mixing steps) is done in Python.
 */
#include "prng.h"
#include "fill.h"

static inline uint64_t sfc64_step(uint64_t s[4])
{
    const uint64_t out = s[0] + s[1] + s[3]++;
    s[0] = s[1] ^ (s[1] >> 11);
    s[1] = s[2] + (s[2] << 3);
    s[2] = ((s[2] << 24) | (s[2] >> 40)) + out;
    return out;
}

uint64_t prng_sfc64_next_uint64(prng_sfc64_t *g) { return sfc64_step(g->s); }

void prng_sfc64_fill_uint64(prng_sfc64_t *g, uint64_t *out, size_t n)
{
    uint64_t s[4] = {g->s[0], g->s[1], g->s[2], g->s[3]};
    for (size_t i = 0; i < n; i++)
        out[i] = sfc64_step(s);
    for (int k = 0; k < 4; k++)
        g->s[k] = s[k];
}

static void sfc64_fill64(void *g, uint64_t *out, size_t n) { prng_sfc64_fill_uint64(g, out, n); }

void prng_sfc64_fill_uint32(prng_sfc64_t *g, uint32_t *out, size_t n)
{
    prng_fill_uint32_from64(g, sfc64_fill64, out, n);
}

void prng_sfc64_fill_double(prng_sfc64_t *g, double *out, size_t n)
{
    prng_fill_double_from64(g, sfc64_fill64, out, n);
}

PRNG_BITGEN64(sfc64, prng_sfc64_t)
