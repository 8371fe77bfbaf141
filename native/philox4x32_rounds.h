/* philox4x32_rounds.h (internal): the Philox4x32-10 block function (Random123 philox.h,
 * philox4x32_R(10, ...)), shared by the generator (philox4x32.c) and torch's CUDA kernels (torch.c). */
#ifndef PRNG_PHILOX4X32_ROUNDS_H
#define PRNG_PHILOX4X32_ROUNDS_H

#include <stdint.h>

#define PHILOX_M0 0xD2511F53U
#define PHILOX_M1 0xCD9E8D57U
#define PHILOX_W0 0x9E3779B9U
#define PHILOX_W1 0xBB67AE85U

/* Random123 philox4x32round. */
static inline void philox_round(uint32_t x[4], uint32_t k0, uint32_t k1)
{
    uint64_t p0 = (uint64_t)PHILOX_M0 * x[0], p1 = (uint64_t)PHILOX_M1 * x[2];
    uint32_t y0 = (uint32_t)(p1 >> 32) ^ x[1] ^ k0, y2 = (uint32_t)(p0 >> 32) ^ x[3] ^ k1;
    x[0] = y0;
    x[1] = (uint32_t)p1;
    x[2] = y2;
    x[3] = (uint32_t)p0;
}

/* philox4x32_R(10, ...) on `lanes` independent blocks in place; the key is bumped between rounds. */
static inline void philox4x32_10(uint32_t x[][4], int lanes, const uint32_t key[2])
{
    uint32_t k0 = key[0], k1 = key[1];
    for (int r = 0; r < 10; r++) {
        if (r > 0) {
            k0 += PHILOX_W0;
            k1 += PHILOX_W1;
        }
        for (int b = 0; b < lanes; b++)
            philox_round(x[b], k0, k1);
    }
}

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

/* hi and lo 32-bit halves of x * m in each of the 8 lanes. */
__attribute__((target("avx2"))) static inline void mulhilo_avx2(__m256i x, __m256i m, __m256i *hi,
                                                                __m256i *lo)
{
    __m256i even = _mm256_mul_epu32(x, m), odd = _mm256_mul_epu32(_mm256_srli_epi64(x, 32), m);
    *hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
    *lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
}

#endif

#endif /* PRNG_PHILOX4X32_ROUNDS_H */
