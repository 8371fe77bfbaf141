/* pcg64.c: PCG64 (XSL-RR 128/64) and PCG64DXSM, bit-identical to numpy's
 * numpy/random/src/pcg64/pcg64.{h,c} (pcg_setseq_128_xsl_rr_64 and pcg_cm_random_r).
 */
#include "prng.h"
#include "fill.h"

#ifndef __SIZEOF_INT128__
#error "pcg64.c needs a compiler with unsigned __int128 (gcc or clang)"
#endif

typedef unsigned __int128 u128;

#define PCG_DEFAULT_MULTIPLIER ((u128)0x2360ED051FC65DA4ULL << 64 | 0x4385DF649FCCF645ULL)
#define PCG_CHEAP_MULTIPLIER ((u128)0xda942042e4dd58b5ULL)
#define LANES 4

static inline u128 join128(uint64_t hi, uint64_t lo) { return (u128)hi << 64 | lo; }

static inline u128 load_state(const prng_pcg64_t *g) { return join128(g->state_hi, g->state_lo); }

static inline u128 load_inc(const prng_pcg64_t *g) { return join128(g->inc_hi, g->inc_lo); }

static inline void store_state(prng_pcg64_t *g, u128 state)
{
    g->state_hi = (uint64_t)(state >> 64);
    g->state_lo = (uint64_t)state;
}

/* pcg_output_xsl_rr_128_64: xor the halves, rotate right by the top 6 bits. */
static inline uint64_t output_xsl_rr(u128 state)
{
    uint64_t hi = (uint64_t)(state >> 64), x = hi ^ (uint64_t)state;
    unsigned rot = (unsigned)(hi >> 58);
    return (x >> rot) | (x << ((64 - rot) & 63));
}

/* numpy's pcg_cm_random_r output ("double xorshift multiply") of the pre-step state. */
static inline uint64_t output_dxsm(u128 state)
{
    uint64_t hi = (uint64_t)(state >> 64), lo = (uint64_t)state | 1;
    hi ^= hi >> 32;
    hi *= (uint64_t)PCG_CHEAP_MULTIPLIER;
    hi ^= hi >> 48;
    return hi * lo;
}

/* Brown's algorithm, numpy's pcg_advance_lcg_128: (mult, plus) of `delta` steps of x*mult + plus. */
static void lcg_power(u128 mult, u128 plus, u128 delta, u128 *acc_mult, u128 *acc_plus)
{
    u128 am = 1, ap = 0;
    while (delta > 0) {
        if (delta & 1) {
            am *= mult;
            ap = ap * mult + plus;
        }
        plus = (mult + 1) * plus;
        mult *= mult;
        delta >>= 1;
    }
    *acc_mult = am;
    *acc_plus = ap;
}

/* n outputs. PCG64 steps then outputs the new state; DXSM outputs the old state then steps.
 * Bulk runs LANES interleaved chains, each stepped LANES states at a time (x*mult^LANES + c),
 * so the 128-bit multiplies are independent: the same stream as one chain, without its latency. */
static inline void fill_lcg(prng_pcg64_t *g, uint64_t *out, size_t n, u128 mult, int dxsm)
{
    u128 x = load_state(g), inc = load_inc(g);
    size_t i = 0;
    if (n >= 2 * LANES) {
        u128 lane_mult, lane_plus, lane[LANES];
        lcg_power(mult, inc, LANES, &lane_mult, &lane_plus);
        lane[0] = dxsm ? x : x * mult + inc;
        for (int j = 1; j < LANES; j++)
            lane[j] = lane[j - 1] * mult + inc;
        for (; n - i >= LANES; i += LANES) {
            for (int j = 0; j < LANES; j++)
                out[i + j] = dxsm ? output_dxsm(lane[j]) : output_xsl_rr(lane[j]);
            x = lane[LANES - 1];
            for (int j = 0; j < LANES; j++)
                lane[j] = lane[j] * lane_mult + lane_plus;
        }
        if (dxsm)
            x = lane[0];
    }
    for (; i < n; i++) {
        if (dxsm) {
            out[i] = output_dxsm(x);
            x = x * mult + inc;
        } else {
            x = x * mult + inc;
            out[i] = output_xsl_rr(x);
        }
    }
    store_state(g, x);
}

static void advance(prng_pcg64_t *g, uint64_t delta_hi, uint64_t delta_lo, u128 mult)
{
    u128 am, ap;
    lcg_power(mult, load_inc(g), join128(delta_hi, delta_lo), &am, &ap);
    store_state(g, am * load_state(g) + ap);
}

/* pcg_setseq_128_srandom_r, as numpy's pcg64_set_seed (also used for PCG64DXSM). */
void prng_pcg64_seed(prng_pcg64_t *g, uint64_t initstate_hi, uint64_t initstate_lo,
                     uint64_t initseq_hi, uint64_t initseq_lo)
{
    u128 inc = join128(initseq_hi, initseq_lo) << 1 | 1;
    u128 state = inc;
    state += join128(initstate_hi, initstate_lo);
    state = state * PCG_DEFAULT_MULTIPLIER + inc;
    g->inc_hi = (uint64_t)(inc >> 64);
    g->inc_lo = (uint64_t)inc;
    store_state(g, state);
}

/* ---- PCG64 ---- */

uint64_t prng_pcg64_next_uint64(prng_pcg64_t *g)
{
    u128 state = load_state(g) * PCG_DEFAULT_MULTIPLIER + load_inc(g);
    store_state(g, state);
    return output_xsl_rr(state);
}

void prng_pcg64_fill_uint64(prng_pcg64_t *g, uint64_t *out, size_t n)
{
    fill_lcg(g, out, n, PCG_DEFAULT_MULTIPLIER, 0);
}

static void pcg64_fill64(void *g, uint64_t *out, size_t n) { prng_pcg64_fill_uint64(g, out, n); }

void prng_pcg64_fill_uint32(prng_pcg64_t *g, uint32_t *out, size_t n)
{
    prng_fill_uint32_from64(g, pcg64_fill64, out, n);
}

void prng_pcg64_fill_double(prng_pcg64_t *g, double *out, size_t n)
{
    prng_fill_double_from64(g, pcg64_fill64, out, n);
}

void prng_pcg64_advance(prng_pcg64_t *g, uint64_t delta_hi, uint64_t delta_lo)
{
    advance(g, delta_hi, delta_lo, PCG_DEFAULT_MULTIPLIER);
}

/* ---- PCG64DXSM ---- */

uint64_t prng_pcg64dxsm_next_uint64(prng_pcg64_t *g)
{
    u128 state = load_state(g);
    store_state(g, state * PCG_CHEAP_MULTIPLIER + load_inc(g));
    return output_dxsm(state);
}

void prng_pcg64dxsm_fill_uint64(prng_pcg64_t *g, uint64_t *out, size_t n)
{
    fill_lcg(g, out, n, PCG_CHEAP_MULTIPLIER, 1);
}

static void pcg64dxsm_fill64(void *g, uint64_t *out, size_t n) { prng_pcg64dxsm_fill_uint64(g, out, n); }

void prng_pcg64dxsm_fill_uint32(prng_pcg64_t *g, uint32_t *out, size_t n)
{
    prng_fill_uint32_from64(g, pcg64dxsm_fill64, out, n);
}

void prng_pcg64dxsm_fill_double(prng_pcg64_t *g, double *out, size_t n)
{
    prng_fill_double_from64(g, pcg64dxsm_fill64, out, n);
}

void prng_pcg64dxsm_advance(prng_pcg64_t *g, uint64_t delta_hi, uint64_t delta_lo)
{
    advance(g, delta_hi, delta_lo, PCG_CHEAP_MULTIPLIER);
}

PRNG_BITGEN64(pcg64, prng_pcg64_t)
PRNG_BITGEN64(pcg64dxsm, prng_pcg64_t)
