/* msws.c: Widynski's middle-square Weyl sequence (msws32, arXiv:1704.00358): x = x*x + (w += s),
 * then swap the halves of x; the output is its low 32 bits.
 */
#include "prng.h"
#include "fill.h"

static inline uint32_t msws_step(uint64_t *x, uint64_t *w, uint64_t s)
{
    uint64_t y = *x * *x + (*w += s);
    *x = (y >> 32) | (y << 32);
    return (uint32_t)*x;
}

uint32_t prng_msws_next_uint32(prng_msws_t *g) { return msws_step(&g->x, &g->w, g->s); }

void prng_msws_fill_uint32(prng_msws_t *g, uint32_t *out, size_t n)
{
    uint64_t x = g->x, w = g->w, s = g->s;
    for (size_t i = 0; i < n; i++)
        out[i] = msws_step(&x, &w, s);
    g->x = x;
    g->w = w;
}

static void msws_fill32(void *g, uint32_t *out, size_t n) { prng_msws_fill_uint32(g, out, n); }

void prng_msws_fill_raw(prng_msws_t *g, uint64_t *out, size_t n)
{
    prng_fill_raw_from32(g, msws_fill32, out, n);
}

void prng_msws_fill_uint64(prng_msws_t *g, uint64_t *out, size_t n)
{
    prng_fill_uint64_from32(g, msws_fill32, out, n);
}

void prng_msws_fill_double(prng_msws_t *g, double *out, size_t n)
{
    prng_fill_double_from32(g, msws_fill32, out, n);
}

PRNG_PAIR_DOUBLE(msws, prng_msws_t)
PRNG_BITGEN32(msws, prng_msws_t, msws_pair_double, 32)
