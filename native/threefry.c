/* threefry.c: Threefry 4x64-20 and 2x32-20 (Random123 threefry.h, threefry4x64_R / threefry2x32_R) as
 * randomgen's ThreeFry runs them: the counter is incremented, then the block is computed.
 * Bulk fills run LANES blocks side by side so that their dependency chains overlap.
 */
#include <string.h>

#include "prng.h"
#include "fill.h"

#define PARITY64 0x1BD11BDAA9FC1A22ULL
#define PARITY32 0x1BD11BDAU
#define GROUPS 5 /* 20 rounds = 5 groups of 4 */
#define LANES 4

static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static inline uint32_t rotl32(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

/* One Threefry4x64 round on `lanes` blocks (word w of block b in x[w][b]): x[a] += x[b];
 * x[b] = rotl(x[b], ra) ^ x[a]; x[c] += x[d]; x[d] = rotl(x[d], rb) ^ x[c]. */
static inline void round4x64(uint64_t x[4][LANES], int lanes, int a, int b, int c, int d, int ra, int rb)
{
    for (int l = 0; l < lanes; l++) {
        x[a][l] += x[b][l];
        x[b][l] = rotl64(x[b][l], ra) ^ x[a][l];
        x[c][l] += x[d][l];
        x[d][l] = rotl64(x[d][l], rb) ^ x[c][l];
    }
}

/* Random123 threefry4x64_R(20, ctr, key) on `lanes` blocks in place: even rounds mix (x0, x1) and
 * (x2, x3), odd rounds (x0, x3) and (x2, x1), rotations R_64x4_0..3 then 4..7 alternately; after
 * group s - 1 of 4 rounds, key schedule word (s + i) mod 5 is added to word i, and s to x3. */
static inline void threefry4x64_20(uint64_t x[4][LANES], int lanes, const uint64_t key[4])
{
    const uint64_t ks[5] = {key[0], key[1], key[2], key[3], PARITY64 ^ key[0] ^ key[1] ^ key[2] ^ key[3]};
    for (int w = 0; w < 4; w++)
        for (int l = 0; l < lanes; l++)
            x[w][l] += ks[w];
    for (int s = 1; s <= GROUPS; s++) {
        if (s & 1) {
            round4x64(x, lanes, 0, 1, 2, 3, 14, 16);
            round4x64(x, lanes, 0, 3, 2, 1, 52, 57);
            round4x64(x, lanes, 0, 1, 2, 3, 23, 40);
            round4x64(x, lanes, 0, 3, 2, 1, 5, 37);
        } else {
            round4x64(x, lanes, 0, 1, 2, 3, 25, 33);
            round4x64(x, lanes, 0, 3, 2, 1, 46, 12);
            round4x64(x, lanes, 0, 1, 2, 3, 58, 22);
            round4x64(x, lanes, 0, 3, 2, 1, 32, 32);
        }
        for (int w = 0; w < 4; w++)
            for (int l = 0; l < lanes; l++)
                x[w][l] += ks[(s + w) % 5] + (w == 3 ? (uint64_t)s : 0);
    }
}

/* Four Threefry2x32 rounds on `lanes` blocks: x0 += x1; x1 = rotl(x1, r) ^ x0. */
static inline void rounds2x32(uint32_t x[2][LANES], int lanes, int r0, int r1, int r2, int r3)
{
    const int rot[4] = {r0, r1, r2, r3};
    for (int k = 0; k < 4; k++)
        for (int l = 0; l < lanes; l++) {
            x[0][l] += x[1][l];
            x[1][l] = rotl32(x[1][l], rot[k]) ^ x[0][l];
        }
}

/* Random123 threefry2x32_R(20, ctr, key) on `lanes` blocks in place: rotations 13 15 26 6, then
 * 17 29 16 24, alternately; after group s - 1 of 4 rounds, x0 += ks[s mod 3], x1 += ks[(s + 1) mod 3]
 * + s with ks = (k0, k1, k0 ^ k1 ^ parity). */
static inline void threefry2x32_20(uint32_t x[2][LANES], int lanes, const uint32_t key[2])
{
    const uint32_t ks[3] = {key[0], key[1], PARITY32 ^ key[0] ^ key[1]};
    for (int w = 0; w < 2; w++)
        for (int l = 0; l < lanes; l++)
            x[w][l] += ks[w];
    for (int s = 1; s <= GROUPS; s++) {
        if (s & 1)
            rounds2x32(x, lanes, 13, 15, 26, 6);
        else
            rounds2x32(x, lanes, 17, 29, 16, 24);
        for (int l = 0; l < lanes; l++) {
            x[0][l] += ks[s % 3];
            x[1][l] += ks[(s + 1) % 3] + (uint32_t)s;
        }
    }
}

/* The counter (`words` words, word 0 least significant) plus one, with carry. */
#define INCREMENT(ctr, words)                                                                            \
    do {                                                                                                 \
        for (int i_ = 0; i_ < (words) && ++(ctr)[i_] == 0; i_++)                                          \
            ;                                                                                            \
    } while (0)

/* ---- Threefry 4x64-20 --------------------------------------------------------------------------- */

/* counter += 1 for each of `lanes` blocks, their blocks into out (4 words each, block after block). */
static inline void blocks4x64(prng_threefry_t *g, uint64_t *out, int lanes)
{
    uint64_t x[4][LANES];
    for (int l = 0; l < lanes; l++) {
        INCREMENT(g->counter, 4);
        for (int w = 0; w < 4; w++)
            x[w][l] = g->counter[w];
    }
    threefry4x64_20(x, lanes, g->key);
    for (int l = 0; l < lanes; l++)
        for (int w = 0; w < 4; w++)
            out[4 * l + w] = x[w][l];
}

uint64_t prng_threefry_next_uint64(prng_threefry_t *g)
{
    if (g->buffer_pos >= 4) {
        blocks4x64(g, g->buffer, 1);
        g->buffer_pos = 0;
    }
    return g->buffer[g->buffer_pos++];
}

void prng_threefry_fill_uint64(prng_threefry_t *g, uint64_t *out, size_t n)
{
    size_t i = 0;
    for (; i < n && g->buffer_pos < 4; i++)
        out[i] = g->buffer[g->buffer_pos++];
    for (; n - i >= 4 * LANES; i += 4 * LANES)
        blocks4x64(g, out + i, LANES);
    for (; n - i >= 4; i += 4)
        blocks4x64(g, out + i, 1);
    if (i >= 4 && g->buffer_pos == 4) /* whole blocks were drawn: the state keeps the last, all used */
        memcpy(g->buffer, out + i - 4, sizeof g->buffer);
    for (; i < n; i++)
        out[i] = prng_threefry_next_uint64(g);
}

static void threefry_fill64(void *g, uint64_t *out, size_t n) { prng_threefry_fill_uint64(g, out, n); }

void prng_threefry_fill_uint32(prng_threefry_t *g, uint32_t *out, size_t n)
{
    prng_fill_uint32_from64(g, threefry_fill64, out, n);
}

void prng_threefry_fill_double(prng_threefry_t *g, double *out, size_t n)
{
    prng_fill_double_from64(g, threefry_fill64, out, n);
}

/* ---- Threefry 2x32-20 --------------------------------------------------------------------------- */

/* counter += 1 for each of `lanes` blocks, their blocks into out (2 words each, block after block). */
static inline void blocks2x32(prng_threefry2x32_t *g, uint32_t *out, int lanes)
{
    uint32_t x[2][LANES];
    for (int l = 0; l < lanes; l++) {
        INCREMENT(g->counter, 2);
        x[0][l] = g->counter[0];
        x[1][l] = g->counter[1];
    }
    threefry2x32_20(x, lanes, g->key);
    for (int l = 0; l < lanes; l++) {
        out[2 * l] = x[0][l];
        out[2 * l + 1] = x[1][l];
    }
}

uint32_t prng_threefry2x32_next_uint32(prng_threefry2x32_t *g)
{
    if (g->buffer_pos >= 2) {
        blocks2x32(g, g->buffer, 1);
        g->buffer_pos = 0;
    }
    return g->buffer[g->buffer_pos++];
}

void prng_threefry2x32_fill_uint32(prng_threefry2x32_t *g, uint32_t *out, size_t n)
{
    size_t i = 0;
    for (; i < n && g->buffer_pos < 2; i++)
        out[i] = g->buffer[g->buffer_pos++];
    for (; n - i >= 2 * LANES; i += 2 * LANES)
        blocks2x32(g, out + i, LANES);
    for (; n - i >= 2; i += 2)
        blocks2x32(g, out + i, 1);
    if (i >= 2 && g->buffer_pos == 2) /* whole blocks were drawn: the state keeps the last, all used */
        memcpy(g->buffer, out + i - 2, sizeof g->buffer);
    for (; i < n; i++)
        out[i] = prng_threefry2x32_next_uint32(g);
}

static void threefry2x32_fill32(void *g, uint32_t *out, size_t n) { prng_threefry2x32_fill_uint32(g, out, n); }

void prng_threefry2x32_fill_raw(prng_threefry2x32_t *g, uint64_t *out, size_t n)
{
    prng_fill_raw_from32(g, threefry2x32_fill32, out, n);
}

void prng_threefry2x32_fill_uint64(prng_threefry2x32_t *g, uint64_t *out, size_t n)
{
    prng_fill_uint64_from32(g, threefry2x32_fill32, out, n);
}

void prng_threefry2x32_fill_double(prng_threefry2x32_t *g, double *out, size_t n)
{
    prng_fill_double_from32(g, threefry2x32_fill32, out, n);
}

PRNG_BITGEN64(threefry, prng_threefry_t)
PRNG_PAIR_DOUBLE(threefry2x32, prng_threefry2x32_t)
PRNG_BITGEN32(threefry2x32, prng_threefry2x32_t, threefry2x32_pair_double, 32)
