/* prng.h: seeded pseudo-random generators, bit-identical to numpy 2.x and the published references.
 *
 * One state struct per generator, filled in by the caller (or by a seeding function below), and
 * functions that advance it. Nothing here allocates. Every generator has:
 *   next_uint32 / next_uint64   one natural draw
 *   fill_uint64(g, out, n)      numpy's next_uint64 n times (32-bit generators: two draws, first high)
 *   fill_uint32(g, out, n)      32-bit words (64-bit generators: halves, low first; odd n drops the
 *                               last high half: numpy's one-word buffer is the caller's business)
 *   fill_double(g, out, n)      numpy's next_double n times (53-bit doubles in [0, 1)); MidSquare:
 *                               value / 10^digits correctly rounded; ARC4: seedrandom's prng()
 * and the 32-bit generators also fill_raw(g, out, n): numpy's random_raw (natural words, zero-extended).
 * MidSquare has no fill_uint32 (its values are decimal).
 * 128-bit quantities are passed as (hi, lo) 64-bit halves. See native/README.md.
 *
 * prng_<algo>_bitgen(bg, g) binds a generator to prng_bitgen_t, the one interface every sampler in
 * distributions.h draws from (numpy's bitgen_t).
 */
#ifndef PRNG_H
#define PRNG_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* cdef-begin: build_ffi.py hands the declarations from here to cdef-end to cffi */

/* The bit-generator interface of the samplers (numpy's bitgen_t): a generator's state and its draws.
 * next_uint32 is the natural draw of 32-bit generators; for 64-bit ones it is NULL and a 32-bit draw
 * is half of next_uint64, low half first, the high half kept in has_uint32/uinteger (numpy's buffer).
 * The fills give n of the corresponding draws (fill_uint32 without that buffer).
 * word_bits (64 or 32) says that every draw is made of natural words as numpy makes it (0: not so,
 * as ARC4's and MidSquare's doubles); then a sampler may draw words ahead in bulk, only as many as its
 * remaining values are sure to use, so the stream stays numpy's (distributions/draws.h). */
typedef struct {
    void *state;
    uint64_t (*next_uint64)(void *state);
    uint32_t (*next_uint32)(void *state);
    double (*next_double)(void *state);
    void (*fill_uint64)(void *state, uint64_t *out, size_t n);
    void (*fill_uint32)(void *state, uint32_t *out, size_t n);
    void (*fill_double)(void *state, double *out, size_t n);
    int word_bits;
    int has_uint32;
    uint32_t uinteger;
} prng_bitgen_t;

/* numpy's SeedSequence.generate_state: n 32-bit words hashed from the mixed entropy pool
 * (pool_size >= 1 words). For uint64 words, pair them low word first. */
void prng_seedsequence_generate_state(const uint32_t *pool, size_t pool_size, uint32_t *out, size_t n);

/* PCG64 (XSL-RR 128/64) and PCG64DXSM share numpy's state: a 128-bit LCG state and odd increment. */
typedef struct {
    uint64_t state_hi, state_lo, inc_hi, inc_lo;
} prng_pcg64_t;

void prng_pcg64_seed(prng_pcg64_t *g, uint64_t initstate_hi, uint64_t initstate_lo,
                     uint64_t initseq_hi, uint64_t initseq_lo);
uint64_t prng_pcg64_next_uint64(prng_pcg64_t *g);
void prng_pcg64_fill_uint64(prng_pcg64_t *g, uint64_t *out, size_t n);
void prng_pcg64_fill_uint32(prng_pcg64_t *g, uint32_t *out, size_t n);
void prng_pcg64_fill_double(prng_pcg64_t *g, double *out, size_t n);
void prng_pcg64_advance(prng_pcg64_t *g, uint64_t delta_hi, uint64_t delta_lo);
void prng_pcg64_bitgen(prng_bitgen_t *bg, prng_pcg64_t *g);

uint64_t prng_pcg64dxsm_next_uint64(prng_pcg64_t *g);
void prng_pcg64dxsm_fill_uint64(prng_pcg64_t *g, uint64_t *out, size_t n);
void prng_pcg64dxsm_fill_uint32(prng_pcg64_t *g, uint32_t *out, size_t n);
void prng_pcg64dxsm_fill_double(prng_pcg64_t *g, double *out, size_t n);
void prng_pcg64dxsm_advance(prng_pcg64_t *g, uint64_t delta_hi, uint64_t delta_lo);
void prng_pcg64dxsm_bitgen(prng_bitgen_t *bg, prng_pcg64_t *g);

/* MT19937: numpy's key[624] and pos (0..624; 624 means "twist before the next draw"). */
typedef struct {
    uint32_t key[624];
    int pos;
} prng_mt19937_t;

void prng_mt19937_init_genrand(prng_mt19937_t *g, uint32_t seed);
void prng_mt19937_init_by_array(prng_mt19937_t *g, const uint32_t *words, size_t len);
uint32_t prng_mt19937_next_uint32(prng_mt19937_t *g);
void prng_mt19937_fill_raw(prng_mt19937_t *g, uint64_t *out, size_t n);
void prng_mt19937_fill_uint32(prng_mt19937_t *g, uint32_t *out, size_t n);
void prng_mt19937_fill_uint64(prng_mt19937_t *g, uint64_t *out, size_t n);
void prng_mt19937_fill_double(prng_mt19937_t *g, double *out, size_t n);
void prng_mt19937_jump(prng_mt19937_t *g);
void prng_mt19937_bitgen(prng_bitgen_t *bg, prng_mt19937_t *g);

/* Philox4x64-10 as numpy runs it: the 256-bit counter is incremented before each block. */
typedef struct {
    uint64_t counter[4], key[2], buffer[4];
    int buffer_pos;
} prng_philox_t;

uint64_t prng_philox_next_uint64(prng_philox_t *g);
void prng_philox_fill_uint64(prng_philox_t *g, uint64_t *out, size_t n);
void prng_philox_fill_uint32(prng_philox_t *g, uint32_t *out, size_t n);
void prng_philox_fill_double(prng_philox_t *g, double *out, size_t n);
void prng_philox_bitgen(prng_bitgen_t *bg, prng_philox_t *g);

/* Philox4x32-10 as cuRAND runs it: a block is computed from the counter, then it is incremented. */
typedef struct {
    uint32_t counter[4], key[2], buffer[4];
    int buffer_pos;
} prng_philox4x32_t;

uint32_t prng_philox4x32_next_uint32(prng_philox4x32_t *g);
void prng_philox4x32_fill_raw(prng_philox4x32_t *g, uint64_t *out, size_t n);
void prng_philox4x32_fill_uint32(prng_philox4x32_t *g, uint32_t *out, size_t n);
void prng_philox4x32_fill_uint64(prng_philox4x32_t *g, uint64_t *out, size_t n);
void prng_philox4x32_fill_double(prng_philox4x32_t *g, double *out, size_t n);
int prng_philox4x32_uses_avx2(void);
void prng_philox4x32_bitgen(prng_bitgen_t *bg, prng_philox4x32_t *g);

/* Threefry4x64-20 as randomgen's ThreeFry runs it: the 256-bit counter is incremented before each block. */
typedef struct {
    uint64_t counter[4], key[4], buffer[4];
    int buffer_pos;
} prng_threefry_t;

uint64_t prng_threefry_next_uint64(prng_threefry_t *g);
void prng_threefry_fill_uint64(prng_threefry_t *g, uint64_t *out, size_t n);
void prng_threefry_fill_uint32(prng_threefry_t *g, uint32_t *out, size_t n);
void prng_threefry_fill_double(prng_threefry_t *g, double *out, size_t n);
void prng_threefry_bitgen(prng_bitgen_t *bg, prng_threefry_t *g);

/* Threefry2x32-20 as randomgen's ThreeFry(number=2, width=32): 64-bit counter incremented before each block. */
typedef struct {
    uint32_t counter[2], key[2], buffer[2];
    int buffer_pos;
} prng_threefry2x32_t;

uint32_t prng_threefry2x32_next_uint32(prng_threefry2x32_t *g);
void prng_threefry2x32_fill_raw(prng_threefry2x32_t *g, uint64_t *out, size_t n);
void prng_threefry2x32_fill_uint32(prng_threefry2x32_t *g, uint32_t *out, size_t n);
void prng_threefry2x32_fill_uint64(prng_threefry2x32_t *g, uint64_t *out, size_t n);
void prng_threefry2x32_fill_double(prng_threefry2x32_t *g, double *out, size_t n);
void prng_threefry2x32_bitgen(prng_bitgen_t *bg, prng_threefry2x32_t *g);

/* SFC64 as numpy runs it: s = {a, b, c, counter}. */
typedef struct {
    uint64_t s[4];
} prng_sfc64_t;

uint64_t prng_sfc64_next_uint64(prng_sfc64_t *g);
void prng_sfc64_fill_uint64(prng_sfc64_t *g, uint64_t *out, size_t n);
void prng_sfc64_fill_uint32(prng_sfc64_t *g, uint32_t *out, size_t n);
void prng_sfc64_fill_double(prng_sfc64_t *g, double *out, size_t n);
void prng_sfc64_bitgen(prng_bitgen_t *bg, prng_sfc64_t *g);

/* von Neumann's middle-square on `digits` decimal digits (even, 2..18). */
typedef struct {
    uint64_t value;
    int digits;
} prng_midsquare_t;

uint64_t prng_midsquare_next_uint64(prng_midsquare_t *g);
void prng_midsquare_fill_uint64(prng_midsquare_t *g, uint64_t *out, size_t n);
void prng_midsquare_fill_double(prng_midsquare_t *g, double *out, size_t n);
void prng_midsquare_bitgen(prng_bitgen_t *bg, prng_midsquare_t *g);

/* Widynski's middle-square Weyl sequence: square x, add the Weyl sequence w += s (s odd). */
typedef struct {
    uint64_t x, w, s;
} prng_msws_t;

uint32_t prng_msws_next_uint32(prng_msws_t *g);
void prng_msws_fill_raw(prng_msws_t *g, uint64_t *out, size_t n);
void prng_msws_fill_uint32(prng_msws_t *g, uint32_t *out, size_t n);
void prng_msws_fill_uint64(prng_msws_t *g, uint64_t *out, size_t n);
void prng_msws_fill_double(prng_msws_t *g, double *out, size_t n);
void prng_msws_bitgen(prng_bitgen_t *bg, prng_msws_t *g);

/* ARC4 as seedrandom 3.0.5 runs it (RC4 PRGA state; seeding is seedrandom's key mixing). */
typedef struct {
    uint8_t S[256];
    int i, j;
} prng_arc4_t;

void prng_arc4_fill_bytes(prng_arc4_t *g, uint8_t *out, size_t n);
uint32_t prng_arc4_next_uint32(prng_arc4_t *g);
void prng_arc4_fill_raw(prng_arc4_t *g, uint64_t *out, size_t n);
void prng_arc4_fill_uint32(prng_arc4_t *g, uint32_t *out, size_t n);
void prng_arc4_fill_uint64(prng_arc4_t *g, uint64_t *out, size_t n);
void prng_arc4_fill_double(prng_arc4_t *g, double *out, size_t n);
void prng_arc4_bitgen(prng_bitgen_t *bg, prng_arc4_t *g);

/* cdef-end */

#ifdef __cplusplus
}
#endif

#endif /* PRNG_H */
