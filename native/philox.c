/* philox.c: Philox4x64-10 as numpy runs it (numpy/random/src/philox/philox.h, the block function of
 * Random123's philox.h): the 256-bit counter is incremented, then the block is computed.
 */
#include <string.h>

#include "prng.h"
#include "fill.h"

#ifndef __SIZEOF_INT128__
#error "philox.c needs a compiler with unsigned __int128 (gcc or clang)"
#endif

typedef unsigned __int128 u128;

#define PHILOX_M0 0xD2E7470EE14C6C93ULL
#define PHILOX_M1 0xCA5A826395121157ULL
#define PHILOX_W0 0x9E3779B97F4A7C15ULL
#define PHILOX_W1 0xBB67AE8584CAA73BULL
#define LANES 2 /* blocks side by side in the bulk loop (more spill out of x86-64 registers) */

/* Random123 philox4x64round. */
static inline void philox_round(uint64_t x[4], uint64_t k0, uint64_t k1)
{
    u128 p0 = (u128)PHILOX_M0 * x[0], p1 = (u128)PHILOX_M1 * x[2];
    uint64_t y0 = (uint64_t)(p1 >> 64) ^ x[1] ^ k0, y2 = (uint64_t)(p0 >> 64) ^ x[3] ^ k1;
    x[0] = y0;
    x[1] = (uint64_t)p1;
    x[2] = y2;
    x[3] = (uint64_t)p0;
}

/* philox4x64_R(10, ...) on `lanes` independent blocks in place; the key is bumped between rounds. */
static inline void philox4x64_10(uint64_t x[][4], int lanes, const uint64_t key[2])
{
    uint64_t k0 = key[0], k1 = key[1];
    for (int r = 0; r < 10; r++) {
        if (r > 0) {
            k0 += PHILOX_W0;
            k1 += PHILOX_W1;
        }
        for (int b = 0; b < lanes; b++)
            philox_round(x[b], k0, k1);
    }
}

/* The 256-bit counter plus one, word 0 least significant. */
static inline void increment(uint64_t ctr[4])
{
    for (int i = 0; i < 4 && ++ctr[i] == 0; i++)
        ;
}

/* Increment the counter, then compute the next block into dst. */
static inline void next_block(uint64_t ctr[4], const uint64_t key[2], uint64_t dst[4])
{
    uint64_t x[1][4];
    increment(ctr);
    memcpy(x[0], ctr, sizeof x[0]);
    philox4x64_10(x, 1, key);
    memcpy(dst, x[0], sizeof x[0]);
}

/* numpy's philox_next64. */
uint64_t prng_philox_next_uint64(prng_philox_t *g)
{
    if (g->buffer_pos >= 4) {
        next_block(g->counter, g->key, g->buffer);
        g->buffer_pos = 0;
    }
    return g->buffer[g->buffer_pos++];
}

void prng_philox_fill_uint64(prng_philox_t *g, uint64_t *out, size_t n)
{
    size_t i = 0;
    for (; i < n && g->buffer_pos < 4; i++)
        out[i] = g->buffer[g->buffer_pos++];
    if (i == n)
        return;
    uint64_t ctr[4], key[2] = {g->key[0], g->key[1]};
    memcpy(ctr, g->counter, sizeof ctr);
    for (; n - i >= 4 * LANES; i += 4 * LANES) {
        uint64_t x[LANES][4];
        for (int b = 0; b < LANES; b++) {
            increment(ctr);
            for (int w = 0; w < 4; w++)
                x[b][w] = ctr[w];
        }
        philox4x64_10(x, LANES, key);
        for (int b = 0; b < LANES; b++)
            for (int w = 0; w < 4; w++)
                out[i + 4 * b + w] = x[b][w];
    }
    for (; n - i >= 4; i += 4)
        next_block(ctr, key, out + i);
    if (i < n) {
        next_block(ctr, key, g->buffer);
        g->buffer_pos = 0;
        for (; i < n; i++)
            out[i] = g->buffer[g->buffer_pos++];
    } else { /* the state keeps the last block, used up, as numpy's does */
        memcpy(g->buffer, out + n - 4, sizeof g->buffer);
        g->buffer_pos = 4;
    }
    memcpy(g->counter, ctr, sizeof ctr);
}

static void philox_fill64(void *g, uint64_t *out, size_t n) { prng_philox_fill_uint64(g, out, n); }

void prng_philox_fill_uint32(prng_philox_t *g, uint32_t *out, size_t n)
{
    prng_fill_uint32_from64(g, philox_fill64, out, n);
}

void prng_philox_fill_double(prng_philox_t *g, double *out, size_t n)
{
    prng_fill_double_from64(g, philox_fill64, out, n);
}

PRNG_BITGEN64(philox, prng_philox_t)
