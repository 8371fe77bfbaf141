/* philox4x32.c: Philox4x32-10 (Random123 philox.h, philox4x32_R) as cuRAND runs it: the block is
 * computed from the counter, then the 128-bit counter is incremented (word 0 least significant).
 * Bulk fills use an AVX2 path, 8 blocks per vector, when the processor has it (checked at run time).
 */
#include <string.h>

#include "prng.h"
#include "fill.h"
#include "philox4x32_rounds.h"

#define LANES 2   /* blocks side by side in the portable bulk loop */
#define VLANES 8  /* blocks per AVX2 vector */
#define VGROUPS 3 /* vectors side by side in the AVX2 loop */

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define HAVE_AVX2_PATH 1
#include <immintrin.h>
#endif

/* The 128-bit counter plus one. */
static inline void increment(uint32_t ctr[4])
{
    for (int i = 0; i < 4 && ++ctr[i] == 0; i++)
        ;
}

/* Compute the block of the counter into dst, then increment the counter. */
static inline void next_block(uint32_t ctr[4], const uint32_t key[2], uint32_t dst[4])
{
    uint32_t x[1][4];
    memcpy(x[0], ctr, sizeof x[0]);
    philox4x32_10(x, 1, key);
    memcpy(dst, x[0], sizeof x[0]);
    increment(ctr);
}

#ifdef HAVE_AVX2_PATH
/* Store 8 blocks (word w of block b in lane b of x[w]) as 32 consecutive words, block by block. */
__attribute__((target("avx2"))) static inline void store_blocks_avx2(const __m256i x[4], uint32_t *out)
{
    __m256i t0 = _mm256_unpacklo_epi32(x[0], x[1]), t1 = _mm256_unpackhi_epi32(x[0], x[1]);
    __m256i t2 = _mm256_unpacklo_epi32(x[2], x[3]), t3 = _mm256_unpackhi_epi32(x[2], x[3]);
    __m256i b04 = _mm256_unpacklo_epi64(t0, t2), b15 = _mm256_unpackhi_epi64(t0, t2);
    __m256i b26 = _mm256_unpacklo_epi64(t1, t3), b37 = _mm256_unpackhi_epi64(t1, t3);
    _mm256_storeu_si256((__m256i *)out, _mm256_permute2x128_si256(b04, b15, 0x20));
    _mm256_storeu_si256((__m256i *)(out + 8), _mm256_permute2x128_si256(b26, b37, 0x20));
    _mm256_storeu_si256((__m256i *)(out + 16), _mm256_permute2x128_si256(b04, b15, 0x31));
    _mm256_storeu_si256((__m256i *)(out + 24), _mm256_permute2x128_si256(b26, b37, 0x31));
}

/* The next 8 counters, word w of counter b in lane b of x[w]; the counter moves past them.
 * Without a carry out of word 0 (all but 1 in 2^29 groups), that is word 0 plus 0..7. */
__attribute__((target("avx2"))) static inline void load_counters_avx2(uint32_t ctr[4], __m256i x[4])
{
    if (ctr[0] <= UINT32_MAX - VLANES) {
        x[0] = _mm256_add_epi32(_mm256_set1_epi32((int)ctr[0]), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
        for (int w = 1; w < 4; w++)
            x[w] = _mm256_set1_epi32((int)ctr[w]);
        ctr[0] += VLANES;
        return;
    }
    uint32_t words[4][VLANES];
    for (int b = 0; b < VLANES; b++, increment(ctr))
        for (int w = 0; w < 4; w++)
            words[w][b] = ctr[w];
    for (int w = 0; w < 4; w++)
        x[w] = _mm256_loadu_si256((const __m256i *)words[w]);
}

/* `count` x VGROUPS x 8 consecutive blocks into out, VGROUPS independent vectors of 8 blocks at a
 * time so that the multiplies of one hide the latency of the other. */
__attribute__((target("avx2"))) static void blocks_avx2(uint32_t ctr[4], const uint32_t key[2],
                                                        uint32_t *out, size_t count)
{
    const __m256i m0 = _mm256_set1_epi32((int)PHILOX_M0), m1 = _mm256_set1_epi32((int)PHILOX_M1);
    for (size_t c = 0; c < count; c++) {
        __m256i x[VGROUPS][4];
        for (int v = 0; v < VGROUPS; v++)
            load_counters_avx2(ctr, x[v]);
        uint32_t k0 = key[0], k1 = key[1];
        for (int r = 0; r < 10; r++, k0 += PHILOX_W0, k1 += PHILOX_W1) {
            const __m256i vk0 = _mm256_set1_epi32((int)k0), vk1 = _mm256_set1_epi32((int)k1);
            for (int v = 0; v < VGROUPS; v++) {
                __m256i hi0, lo0, hi1, lo1;
                mulhilo_avx2(x[v][0], m0, &hi0, &lo0);
                mulhilo_avx2(x[v][2], m1, &hi1, &lo1);
                x[v][0] = _mm256_xor_si256(hi1, _mm256_xor_si256(x[v][1], vk0));
                x[v][1] = lo1;
                x[v][2] = _mm256_xor_si256(hi0, _mm256_xor_si256(x[v][3], vk1));
                x[v][3] = lo0;
            }
        }
        for (int v = 0; v < VGROUPS; v++, out += 4 * VLANES)
            store_blocks_avx2(x[v], out);
    }
}
#endif

int prng_philox4x32_uses_avx2(void)
{
#ifdef HAVE_AVX2_PATH
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("avx2") ? 1 : 0;
    }
    return cached;
#else
    return 0;
#endif
}

uint32_t prng_philox4x32_next_uint32(prng_philox4x32_t *g)
{
    if (g->buffer_pos >= 4) {
        next_block(g->counter, g->key, g->buffer);
        g->buffer_pos = 0;
    }
    return g->buffer[g->buffer_pos++];
}

void prng_philox4x32_fill_uint32(prng_philox4x32_t *g, uint32_t *out, size_t n)
{
    size_t i = 0;
    for (; i < n && g->buffer_pos < 4; i++)
        out[i] = g->buffer[g->buffer_pos++];
    if (i == n)
        return;
    uint32_t ctr[4], key[2] = {g->key[0], g->key[1]};
    memcpy(ctr, g->counter, sizeof ctr);
#ifdef HAVE_AVX2_PATH
    if (prng_philox4x32_uses_avx2()) {
        size_t count = (n - i) / (4 * VLANES * VGROUPS);
        blocks_avx2(ctr, key, out + i, count);
        i += count * 4 * VLANES * VGROUPS;
    }
#endif
    for (; n - i >= 4 * LANES; i += 4 * LANES) {
        uint32_t x[LANES][4];
        for (int b = 0; b < LANES; b++, increment(ctr))
            for (int w = 0; w < 4; w++)
                x[b][w] = ctr[w];
        philox4x32_10(x, LANES, key);
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
    } else { /* the state keeps the last block, used up */
        memcpy(g->buffer, out + n - 4, sizeof g->buffer);
        g->buffer_pos = 4;
    }
    memcpy(g->counter, ctr, sizeof ctr);
}

static void philox4x32_fill32(void *g, uint32_t *out, size_t n) { prng_philox4x32_fill_uint32(g, out, n); }

void prng_philox4x32_fill_raw(prng_philox4x32_t *g, uint64_t *out, size_t n)
{
    prng_fill_raw_from32(g, philox4x32_fill32, out, n);
}

void prng_philox4x32_fill_uint64(prng_philox4x32_t *g, uint64_t *out, size_t n)
{
    prng_fill_uint64_from32(g, philox4x32_fill32, out, n);
}

void prng_philox4x32_fill_double(prng_philox4x32_t *g, double *out, size_t n)
{
    prng_fill_double_from32(g, philox4x32_fill32, out, n);
}

PRNG_PAIR_DOUBLE(philox4x32, prng_philox4x32_t)
PRNG_BITGEN32(philox4x32, prng_philox4x32_t, philox4x32_pair_double, 32)
