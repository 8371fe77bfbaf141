/* torch.c: PyTorch 2.13's CPU sampling kernels and its CUDA grid emulation (torch.h). The pure-Python
 * reference is prng/compat/torch/__init__.py, prng/compat/_torch_math.py and prng/compat/_torch_cuda.py;
 * every function here gives its bits. Compiled with -ffp-contract=off: a multiply-add is fused only
 * where torch's compiled code fuses it, written as fmaf/fma. */
#define _GNU_SOURCE /* sincos, sincosf (glibc; bitwise the same as sin/cos and sinf/cosf) */
#include <math.h>
#include <string.h>

#include "torch.h"
#include "draws.h"
#include "philox4x32_rounds.h"

#define CHUNK 512                    /* words drawn at a time */
#define NORMAL_BLOCK 16              /* normal_fill's block */
#define RANDINT_64BIT_RANGE (1ULL << 28)
#define CUDA_BLOCK_SIZE 256
#define CUDA_LANES 8                 /* Philox blocks (threads) computed side by side */

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#define HAVE_FMA_PATH 1 /* the float kernels compiled a second time with the FMA instruction, and the
                         * AVX2 normal block as torch's own 8-lane vector code */
#include <immintrin.h>
#endif

/* ---------------------------------------------------------------------------------------------
 * CPU draws: torch's uniform_real_distribution on random() / random64()
 * --------------------------------------------------------------------------------------------- */

/* n floats (low 24 bits of random()) * 2^-24, in bulk. */
static void uniforms_f(prng_draws_t *d, size_t n, float *out)
{
    uint32_t w[CHUNK];
    for (size_t i = 0; i < n;) {
        size_t k = n - i < CHUNK ? n - i : CHUNK;
        draws_fill32(d, w, k);
        for (size_t j = 0; j < k; j++)
            out[i + j] = (float)(w[j] & 0xFFFFFFu) * 0x1p-24f;
        i += k;
    }
}

/* n of torch's random64() (two words, the first high), in bulk, through a callback-free loop. */
static void random64s(prng_draws_t *d, size_t n, uint64_t *out)
{
    uint32_t w[CHUNK];
    for (size_t i = 0; i < n;) {
        size_t k = n - i < CHUNK / 2 ? n - i : CHUNK / 2;
        draws_fill32(d, w, 2 * k);
        for (size_t j = 0; j < k; j++)
            out[i + j] = (uint64_t)w[2 * j] << 32 | w[2 * j + 1];
        i += k;
    }
}

/* n doubles (low 53 bits of random64()) * 2^-53, in bulk. */
static void uniforms_d(prng_draws_t *d, size_t n, double *out)
{
    uint64_t r[CHUNK / 2];
    for (size_t i = 0; i < n;) {
        size_t k = n - i < CHUNK / 2 ? n - i : CHUNK / 2;
        random64s(d, k, r);
        for (size_t j = 0; j < k; j++)
            out[i + j] = (double)(r[j] & ((1ULL << 53) - 1)) * 0x1p-53;
        i += k;
    }
}

/* ---------------------------------------------------------------------------------------------
 * normal_fill_16 (aten/src/ATen/native/cpu/DistributionTemplates.h): u = x[0..8), v = x[8..16) ->
 * x[i] = r cos(2 pi v) * std + mean, x[i + 8] = r sin(2 pi v) * std + mean, r = sqrt(-2 log(1 - u)).
 * --------------------------------------------------------------------------------------------- */

static const float LOG_P[9] = {0x1.204376p-4f,  -0x1.d7a370p-4f, 0x1.de4a34p-4f,  -0x1.fcba9ep-4f, 0x1.23d37ep-3f,
                               -0x1.555ca0p-3f, 0x1.999d58p-3f,  -0x1.fffff8p-3f, 0x1.555554p-2f};
static const float COS_C[3] = {0x1.99eb9cp-16f, -0x1.6c0c34p-10f, 0x1.55554ap-5f};
static const float SIN_S[3] = {-0x1.9943f2p-13f, 0x1.11073cp-7f, -0x1.555546p-3f};
#define SQRTHF 0x1.6a09e6p-1f
#define LOG_Q1 -0x1.bd0106p-13f
#define LOG_Q2 0x1.63p-1f
#define FOPI 0x1.45f306p+0f
#define DP1 -0x1.92p-1f
#define DP2 -0x1.fb4p-13f
#define DP3 -0x1.4442d2p-25f
#define TWO_PI_F 0x1.921fb6p+2f
#define TWO_PI 0x1.921fb54442d18p+2

static inline float f32_from_bits(uint32_t b)
{
    float f;
    memcpy(&f, &b, sizeof f);
    return f;
}

static inline uint32_t f32_bits(float f)
{
    uint32_t b;
    memcpy(&b, &f, sizeof b);
    return b;
}

/* log256_ps (avx_mathfun.h) for positive x, with the FMAs GCC contracts in torch's AVX2 build
 * (_torch_math.cephes_log). */
PRNG_INLINE float cephes_log(float x)
{
    x = x > 0x1p-126f ? x : 0x1p-126f;
    uint32_t bits = f32_bits(x);
    float e = (float)((int32_t)(bits >> 23) - 127) + 1.0f;
    x = f32_from_bits((bits & 0x807FFFFFu) | 0x3F000000u);
    int below = x < SQRTHF;
    float e_less = e - 1.0f, extra = below ? x : 0.0f; /* selects of values computed anyway */
    e = below ? e_less : e;
    x = (x - 1.0f) + extra;
    float z = x * x;
    float y = fmaf(LOG_P[0], x, LOG_P[1]);
    for (int i = 2; i < 9; i++)
        y = fmaf(y, x, LOG_P[i]);
    y = fmaf(x * y, z, e * LOG_Q1);
    y = fmaf(-z, 0.5f, y);
    return fmaf(e, LOG_Q2, x + y);
}

/* sincos256_ps for theta >= 0, with the AVX2 build's FMAs (_torch_math.cephes_sincos). */
PRNG_INLINE void cephes_sincos(float theta, float *sin_out, float *cos_out)
{
    int32_t octant = (int32_t)(theta * FOPI);
    octant = (octant + 1) & ~1;
    float y = (float)octant;
    float x = fmaf(y, DP1, theta);
    x = fmaf(DP2, y, x);
    x = fmaf(y, DP3, x);
    float z = x * x;
    float cos_poly = fmaf(fmaf(COS_C[0], z, COS_C[1]), z, COS_C[2]);
    cos_poly = fmaf(z, z * cos_poly, -(z * 0.5f)) + 1.0f;
    float sin_poly = fmaf(fmaf(SIN_S[0], z, SIN_S[1]), z, SIN_S[2]);
    sin_poly = fmaf(x, z * sin_poly, x);
    int swapped = (octant & 2) != 0;
    float s = swapped ? cos_poly : sin_poly, c = swapped ? sin_poly : cos_poly, minus_s = -s, minus_c = -c;
    *sin_out = (octant & 4) ? minus_s : s;
    *cos_out = (~(octant - 2) & 4) ? minus_c : c;
}

/* One block of 16 in place, float: NormalFill16<float> of the AVX2 build (Cephes log/sincos), its 8
 * lanes branch-free so that the compiler can make them one vector. */
PRNG_INLINE void normal_block_avx2_f(float *x, float mean, float std)
{
    for (int i = 0; i < 8; i++) {
        float s, c, radius = sqrtf(cephes_log(1.0f - x[i]) * -2.0f);
        cephes_sincos(TWO_PI_F * x[i + 8], &s, &c);
        x[i] = fmaf(radius * c, std, mean);
        x[i + 8] = fmaf(radius * s, std, mean);
    }
}

/* The DEFAULT build's normal_fill_16<float>: glibc logf/sinf/cosf, the angle computed in double. */
PRNG_INLINE void normal_block_default_f(float *x, float mean, float std)
{
    for (int i = 0; i < 8; i++) {
        float s, c, radius = sqrtf(-2.0f * logf(1.0f - x[i]));
        sincosf((float)(TWO_PI * (double)x[i + 8]), &s, &c);
        x[i] = fmaf(radius * c, std, mean);
        x[i + 8] = fmaf(radius * s, std, mean);
    }
}

/* The whole blocks of x[0..n): kernel 0 AVX2, 1 DEFAULT. */
PRNG_INLINE void normal_blocks_f(float *x, size_t n, float mean, float std, int kernel)
{
    if (kernel == 0)
        for (size_t i = 0; i + NORMAL_BLOCK <= n; i += NORMAL_BLOCK)
            normal_block_avx2_f(x + i, mean, std);
    else
        for (size_t i = 0; i + NORMAL_BLOCK <= n; i += NORMAL_BLOCK)
            normal_block_default_f(x + i, mean, std);
}

/* One block of 16 in place, double (every build): libm log/sin/cos, the output fused. */
static void normal_block_d(double *x, double mean, double std)
{
    for (int i = 0; i < 8; i++) {
        double radius = sqrt(-2.0 * log(1.0 - x[i])), s, c;
        sincos(TWO_PI * x[i + 8], &s, &c);
        x[i] = fma(radius * c, std, mean);
        x[i + 8] = fma(radius * s, std, mean);
    }
}

/* x * a + b with one rounding (fused) or two. */
PRNG_INLINE float mul_add_f(float x, float a, float b, int fused) { return fused ? fmaf(x, a, b) : x * a + b; }

PRNG_INLINE void affine_f(float *x, size_t n, float low, float span, float high, int fused, int replace)
{
    for (size_t i = 0; i < n; i++) {
        float v = mul_add_f(x[i], span, low, fused);
        x[i] = replace && v == high ? low : v;
    }
}

PRNG_INLINE void affine_d(double *x, size_t n, double low, double span, double high, int fused, int replace)
{
    for (size_t i = 0; i < n; i++) {
        double v = fused ? fma(x[i], span, low) : x[i] * span + low;
        x[i] = replace && v == high ? low : v;
    }
}

/* The float loops twice: as written (fmaf a libm call where the CPU has no FMA), and, where it has,
 * with the FMA instruction inline (the same correctly rounded result, faster). */
static void normal_blocks_f_plain(float *x, size_t n, float mean, float std, int kernel)
{
    normal_blocks_f(x, n, mean, std, kernel);
}

static void affine_f_plain(float *x, size_t n, float low, float span, float high, int fused, int replace)
{
    affine_f(x, n, low, span, high, fused, replace);
}

static void affine_d_plain(double *x, size_t n, double low, double span, double high, int fused, int replace)
{
    affine_d(x, n, low, span, high, fused, replace);
}

#ifdef HAVE_FMA_PATH
#define V8(c) _mm256_set1_ps(c)
#define AVX2_FMA __attribute__((target("avx2,fma")))

/* cephes_log on 8 lanes: the same operations, in the same order. */
AVX2_FMA static inline __m256 cephes_log_avx2(__m256 x)
{
    const __m256 one = V8(1.0f);
    x = _mm256_max_ps(x, V8(0x1p-126f));
    __m256i bits = _mm256_castps_si256(x);
    __m256i exponent = _mm256_sub_epi32(_mm256_srli_epi32(bits, 23), _mm256_set1_epi32(127));
    __m256 e = _mm256_add_ps(_mm256_cvtepi32_ps(exponent), one);
    bits = _mm256_or_si256(_mm256_and_si256(bits, _mm256_set1_epi32(0x807FFFFF)), _mm256_set1_epi32(0x3F000000));
    x = _mm256_castsi256_ps(bits);
    __m256 below = _mm256_cmp_ps(x, V8(SQRTHF), _CMP_LT_OQ);
    e = _mm256_blendv_ps(e, _mm256_sub_ps(e, one), below);
    x = _mm256_add_ps(_mm256_sub_ps(x, one), _mm256_and_ps(x, below));
    __m256 z = _mm256_mul_ps(x, x);
    __m256 y = _mm256_fmadd_ps(V8(LOG_P[0]), x, V8(LOG_P[1]));
    for (int i = 2; i < 9; i++)
        y = _mm256_fmadd_ps(y, x, V8(LOG_P[i]));
    y = _mm256_fmadd_ps(_mm256_mul_ps(x, y), z, _mm256_mul_ps(e, V8(LOG_Q1)));
    y = _mm256_fnmadd_ps(z, V8(0.5f), y); /* fma(-z, 0.5, y) */
    return _mm256_fmadd_ps(e, V8(LOG_Q2), _mm256_add_ps(x, y));
}

/* cephes_sincos on 8 lanes. */
AVX2_FMA static inline void cephes_sincos_avx2(__m256 theta, __m256 *sin_out, __m256 *cos_out)
{
    const __m256i two = _mm256_set1_epi32(2), four = _mm256_set1_epi32(4);
    const __m256 sign = V8(-0.0f);
    __m256i octant = _mm256_cvttps_epi32(_mm256_mul_ps(theta, V8(FOPI)));
    octant = _mm256_and_si256(_mm256_add_epi32(octant, _mm256_set1_epi32(1)), _mm256_set1_epi32(~1));
    __m256 y = _mm256_cvtepi32_ps(octant);
    __m256 x = _mm256_fmadd_ps(y, V8(DP1), theta);
    x = _mm256_fmadd_ps(V8(DP2), y, x);
    x = _mm256_fmadd_ps(y, V8(DP3), x);
    __m256 z = _mm256_mul_ps(x, x);
    __m256 cos_poly = _mm256_fmadd_ps(_mm256_fmadd_ps(V8(COS_C[0]), z, V8(COS_C[1])), z, V8(COS_C[2]));
    cos_poly = _mm256_fmadd_ps(z, _mm256_mul_ps(z, cos_poly), _mm256_xor_ps(_mm256_mul_ps(z, V8(0.5f)), sign));
    cos_poly = _mm256_add_ps(cos_poly, V8(1.0f));
    __m256 sin_poly = _mm256_fmadd_ps(_mm256_fmadd_ps(V8(SIN_S[0]), z, V8(SIN_S[1])), z, V8(SIN_S[2]));
    sin_poly = _mm256_fmadd_ps(x, _mm256_mul_ps(z, sin_poly), x);
    __m256 swapped = _mm256_castsi256_ps(_mm256_cmpeq_epi32(_mm256_and_si256(octant, two), two));
    __m256 s = _mm256_blendv_ps(sin_poly, cos_poly, swapped), c = _mm256_blendv_ps(cos_poly, sin_poly, swapped);
    __m256i flip_sin = _mm256_cmpeq_epi32(_mm256_and_si256(octant, four), four);
    __m256i flip_cos = _mm256_cmpeq_epi32(_mm256_andnot_si256(_mm256_sub_epi32(octant, two), four), four);
    *sin_out = _mm256_xor_ps(s, _mm256_and_ps(_mm256_castsi256_ps(flip_sin), sign));
    *cos_out = _mm256_xor_ps(c, _mm256_and_ps(_mm256_castsi256_ps(flip_cos), sign));
}

/* normal_block_avx2_f with the 8 lanes in one vector, as NormalFill16<float> runs them. */
AVX2_FMA static inline void normal_block_avx2_f_vec(float *x, float mean, float std)
{
    __m256 u = _mm256_loadu_ps(x), v = _mm256_loadu_ps(x + 8), s, c;
    __m256 radius = _mm256_sqrt_ps(_mm256_mul_ps(cephes_log_avx2(_mm256_sub_ps(V8(1.0f), u)), V8(-2.0f)));
    cephes_sincos_avx2(_mm256_mul_ps(V8(TWO_PI_F), v), &s, &c);
    _mm256_storeu_ps(x, _mm256_fmadd_ps(_mm256_mul_ps(radius, c), V8(std), V8(mean)));
    _mm256_storeu_ps(x + 8, _mm256_fmadd_ps(_mm256_mul_ps(radius, s), V8(std), V8(mean)));
}

AVX2_FMA static void normal_blocks_f_fma(float *x, size_t n, float mean, float std, int kernel)
{
    if (kernel != 0) {
        normal_blocks_f(x, n, mean, std, kernel);
        return;
    }
    for (size_t i = 0; i + NORMAL_BLOCK <= n; i += NORMAL_BLOCK)
        normal_block_avx2_f_vec(x + i, mean, std);
}

__attribute__((target("fma"))) static void affine_f_fma(float *x, size_t n, float low, float span, float high,
                                                        int fused, int replace)
{
    affine_f(x, n, low, span, high, fused, replace);
}

__attribute__((target("fma"))) static void affine_d_fma(double *x, size_t n, double low, double span,
                                                        double high, int fused, int replace)
{
    affine_d(x, n, low, span, high, fused, replace);
}

static int portable_only; /* prng_torch_portable: tests run the portable loops on any CPU */

static int has_fma(void)
{
    static int cached = -1;
    if (cached < 0) {
        __builtin_cpu_init();
        cached = __builtin_cpu_supports("fma") && __builtin_cpu_supports("avx2");
    }
    return cached && !portable_only;
}
#endif

int prng_torch_portable(int on)
{
#ifdef HAVE_FMA_PATH
    int before = portable_only;
    portable_only = on;
    return before;
#else
    (void)on;
    return 1;
#endif
}

static void normal_blocks_f_any(float *x, size_t n, float mean, float std, int kernel)
{
#ifdef HAVE_FMA_PATH
    if (has_fma()) {
        normal_blocks_f_fma(x, n, mean, std, kernel);
        return;
    }
#endif
    normal_blocks_f_plain(x, n, mean, std, kernel);
}

static void affine_f_any(float *x, size_t n, float low, float span, float high, int fused, int replace)
{
#ifdef HAVE_FMA_PATH
    if (has_fma()) {
        affine_f_fma(x, n, low, span, high, fused, replace);
        return;
    }
#endif
    affine_f_plain(x, n, low, span, high, fused, replace);
}

static void affine_d_any(double *x, size_t n, double low, double span, double high, int fused, int replace)
{
#ifdef HAVE_FMA_PATH
    if (has_fma()) {
        affine_d_fma(x, n, low, span, high, fused, replace);
        return;
    }
#endif
    affine_d_plain(x, n, low, span, high, fused, replace);
}

/* ---------------------------------------------------------------------------------------------
 * CPU fills
 * --------------------------------------------------------------------------------------------- */

void prng_torch_uniform_fill_f(prng_bitgen_t *bg, size_t n, float *out, float low, float span, float high,
                               int fused, int replace)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    for (size_t i = 0; i < n; i += CHUNK) {
        size_t k = n - i < CHUNK ? n - i : CHUNK;
        uniforms_f(&d, k, out + i);
        affine_f_any(out + i, k, low, span, high, fused, replace);
    }
    draws_close(&d);
}

void prng_torch_uniform_fill(prng_bitgen_t *bg, size_t n, double *out, double low, double span, double high,
                             int fused, int replace)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    for (size_t i = 0; i < n; i += CHUNK) {
        size_t k = n - i < CHUNK ? n - i : CHUNK;
        uniforms_d(&d, k, out + i);
        affine_d_any(out + i, k, low, span, high, fused, replace);
    }
    draws_close(&d);
}

void prng_torch_normal_fill_f(prng_bitgen_t *bg, size_t n, float *out, float mean, float std, int kernel,
                              int reduced)
{
    size_t whole = n - n % NORMAL_BLOCK;
    float tail[NORMAL_BLOCK];
    prng_draws_t d = draws_open(bg, NULL, 0);
    uniforms_f(&d, reduced ? whole : n, out);
    if (n % NORMAL_BLOCK)
        uniforms_f(&d, NORMAL_BLOCK, tail);
    draws_close(&d);
    normal_blocks_f_any(out, whole, mean, std, kernel);
    if (n % NORMAL_BLOCK) {
        normal_blocks_f_any(tail, NORMAL_BLOCK, mean, std, kernel);
        memcpy(out + n - NORMAL_BLOCK, tail, sizeof tail);
    }
}

void prng_torch_normal_fill(prng_bitgen_t *bg, size_t n, double *out, double mean, double std)
{
    size_t whole = n - n % NORMAL_BLOCK;
    double tail[NORMAL_BLOCK];
    prng_draws_t d = draws_open(bg, NULL, 0);
    uniforms_d(&d, n, out);
    if (n % NORMAL_BLOCK)
        uniforms_d(&d, NORMAL_BLOCK, tail);
    draws_close(&d);
    for (size_t i = 0; i < whole; i += NORMAL_BLOCK)
        normal_block_d(out + i, mean, std);
    if (n % NORMAL_BLOCK) {
        normal_block_d(tail, mean, std);
        memcpy(out + n - NORMAL_BLOCK, tail, sizeof tail);
    }
}

void prng_torch_exponential_fill(prng_bitgen_t *bg, size_t n, double *out, double lambd)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    uniforms_d(&d, n, out);
    draws_close(&d);
    double scale = -1.0 / lambd;
    for (size_t i = 0; i < n; i++)
        out[i] = scale * log1p(-out[i]);
}

void prng_torch_random_fill(prng_bitgen_t *bg, size_t n, int64_t *out, uint64_t span, uint64_t low)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    uint64_t *v = (uint64_t *)out;
    if (span >= RANDINT_64BIT_RANGE) {
        random64s(&d, n, v);
    } else {
        uint32_t w[CHUNK];
        for (size_t i = 0; i < n; i += CHUNK) {
            size_t k = n - i < CHUNK ? n - i : CHUNK;
            draws_fill32(&d, w, k);
            for (size_t j = 0; j < k; j++)
                v[i + j] = w[j];
        }
    }
    draws_close(&d);
    for (size_t i = 0; i < n; i++)
        v[i] = v[i] % span + low;
}

void prng_torch_randperm(prng_bitgen_t *bg, size_t n, int64_t *out, size_t limit)
{
    prng_draws_t d = draws_open(bg, NULL, 0);
    if (n < limit && n <= UINT32_MAX) { /* for i < n - 1: swap r[i], r[i + random() % (n - i)] */
        uint32_t w[CHUNK];
        for (size_t i = 0; i < n; i++)
            out[i] = (int64_t)i;
        for (size_t i = 0; i + 1 < n;) {
            size_t k = n - 1 - i < CHUNK ? n - 1 - i : CHUNK;
            draws_fill32(&d, w, k);
            for (size_t j = 0; j < k; j++, i++) {
                size_t z = i + w[j] % (uint32_t)(n - i);
                int64_t t = out[i];
                out[i] = out[z];
                out[z] = t;
            }
        }
    } else { /* inside-out: for each i, z = random64() % (i + 1); r[i] = r[z]; r[z] = i */
        uint64_t r[CHUNK / 2];
        for (size_t i = 0; i < n;) {
            size_t k = n - i < CHUNK / 2 ? n - i : CHUNK / 2;
            random64s(&d, k, r);
            for (size_t j = 0; j < k; j++, i++) {
                size_t z = (size_t)(r[j] % (i + 1));
                out[i] = out[z];
                out[z] = (int64_t)i;
            }
        }
    }
    draws_close(&d);
}

/* ---------------------------------------------------------------------------------------------
 * CUDA: cuRAND's transforms and the grid-stride launch
 * --------------------------------------------------------------------------------------------- */

#define CURAND_2POW32_INV 0x1p-32f
#define CURAND_2POW32_INV_2PI 0x1.921fb6p-30f /* (float)2^-32 * 6.2831855f */
#define CURAND_2POW53_INV_DOUBLE 0x1p-53
#define PI 0x1.921fb54442d18p+1

typedef struct {
    float low_f, span_f, high_f; /* float kernels: uniform (low, span, high) or normal (mean, std) */
    double low, span, high;      /* double kernels */
    uint64_t range, base;        /* random_from_to */
    int replace;
} cuda_args_t;

enum { CUDA_UNIFORM_F, CUDA_UNIFORM_D, CUDA_NORMAL_F, CUDA_NORMAL_D, CUDA_WORDS32, CUDA_WORDS64 };

/* _curand_uniform: x * 2^-32 + 2^-33 in float, (0, 1]. */
PRNG_INLINE float curand_uniform(uint32_t x) { return (float)x * CURAND_2POW32_INV + CURAND_2POW32_INV / 2.0f; }

/* _curand_uniform_double_hq: (x ^ (y << 21)) * 2^-53 + 2^-54, (0, 1]. */
PRNG_INLINE double curand_uniform_double_hq(uint32_t x, uint32_t y)
{
    uint64_t z = (uint64_t)x ^ ((uint64_t)y << 21);
    return (double)z * CURAND_2POW53_INV_DOUBLE + CURAND_2POW53_INV_DOUBLE / 2.0;
}

/* _curand_box_muller with the stand-ins: (s sin v, s cos v). */
PRNG_INLINE void curand_box_muller(uint32_t x, uint32_t y, float *out)
{
    float v = fmaf((float)y, CURAND_2POW32_INV_2PI, CURAND_2POW32_INV_2PI / 2.0f);
    float s = sqrtf(-2.0f * (float)log((double)curand_uniform(x)));
    double sin_v, cos_v;
    sincos((double)v, &sin_v, &cos_v);
    out[0] = (float)sin_v * s;
    out[1] = (float)cos_v * s;
}

/* _curand_box_muller_double with the stand-ins: sincospi by exact reduction to the nearest integer. */
PRNG_INLINE void curand_box_muller_double(const uint32_t w[4], double *out)
{
    double v = 2.0 * curand_uniform_double_hq(w[2], w[3]);
    double s = sqrt(-2.0 * log(curand_uniform_double_hq(w[0], w[1])));
    double n = rint(v), sign = 1.0 - 2.0 * fmod(n, 2.0), sin_r, cos_r;
    sincos(PI * (v - n), &sin_r, &cos_r);
    out[0] = sign * sin_r * s;
    out[1] = sign * cos_r * s;
}

/* The values of one curand4 call (Philox block w) as torch's kernel `kind` makes them, into vals. */
PRNG_INLINE void cuda_sample(int kind, const cuda_args_t *a, const uint32_t w[4], void *vals)
{
    float *f = vals;
    double *d = vals;
    uint64_t *u = vals;
    switch (kind) {
    case CUDA_UNIFORM_F: /* curand_uniform4 */
        for (int i = 0; i < 4; i++) {
            float x = fmaf(curand_uniform(w[i]), a->span_f, a->low_f);
            f[i] = a->replace && x == a->high_f ? a->low_f : x;
        }
        break;
    case CUDA_UNIFORM_D: /* curand_uniform2_double */
        for (int i = 0; i < 2; i++) {
            double x = fma(curand_uniform_double_hq(w[2 * i], w[2 * i + 1]), a->span, a->low);
            d[i] = a->replace && x == a->high ? a->low : x;
        }
        break;
    case CUDA_NORMAL_F: /* curand_normal4 */
        curand_box_muller(w[0], w[1], f);
        curand_box_muller(w[2], w[3], f + 2);
        for (int i = 0; i < 4; i++)
            f[i] = fmaf(f[i], a->span_f, a->low_f);
        break;
    case CUDA_NORMAL_D: /* curand_normal2_double */
        curand_box_muller_double(w, d);
        for (int i = 0; i < 2; i++)
            d[i] = fma(d[i], a->span, a->low);
        break;
    case CUDA_WORDS32: /* curand4 as uint4 */
        for (int i = 0; i < 4; i++)
            u[i] = w[i] % a->range + a->base;
        break;
    default: /* CUDA_WORDS64: (x << 32) | y and (z << 32) | w */
        for (int i = 0; i < 2; i++)
            u[i] = ((uint64_t)w[2 * i] << 32 | w[2 * i + 1]) % a->range + a->base;
    }
}

/* The Philox blocks of threads t0 .. t0 + 7 at `counter`: (lo, hi of counter, lo, hi of t). */
PRNG_INLINE void cuda_blocks(uint64_t counter, uint64_t t0, const uint32_t key[2], uint32_t x[CUDA_LANES][4])
{
    for (int b = 0; b < CUDA_LANES; b++) {
        uint64_t t = t0 + (uint64_t)b;
        x[b][0] = (uint32_t)counter;
        x[b][1] = (uint32_t)(counter >> 32);
        x[b][2] = (uint32_t)t;
        x[b][3] = (uint32_t)(t >> 32);
    }
    philox4x32_10(x, CUDA_LANES, key);
}

#ifdef HAVE_FMA_PATH
/* cuda_blocks with the 8 blocks in the lanes of AVX2 vectors (threads below 2^31: no carry into hi). */
AVX2_FMA static inline void cuda_blocks_avx2(uint64_t counter, uint64_t t0, const uint32_t key[2],
                                             uint32_t x[CUDA_LANES][4])
{
    const __m256i m0 = _mm256_set1_epi32((int)PHILOX_M0), m1 = _mm256_set1_epi32((int)PHILOX_M1);
    __m256i w0 = _mm256_set1_epi32((int)(uint32_t)counter), w1 = _mm256_set1_epi32((int)(uint32_t)(counter >> 32));
    __m256i w2 = _mm256_add_epi32(_mm256_set1_epi32((int)(uint32_t)t0), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    __m256i w3 = _mm256_set1_epi32((int)(uint32_t)(t0 >> 32));
    uint32_t k0 = key[0], k1 = key[1], words[4][CUDA_LANES];
    for (int r = 0; r < 10; r++, k0 += PHILOX_W0, k1 += PHILOX_W1) {
        __m256i hi0, lo0, hi1, lo1;
        mulhilo_avx2(w0, m0, &hi0, &lo0);
        mulhilo_avx2(w2, m1, &hi1, &lo1);
        w0 = _mm256_xor_si256(hi1, _mm256_xor_si256(w1, _mm256_set1_epi32((int)k0)));
        w1 = lo1;
        w2 = _mm256_xor_si256(hi0, _mm256_xor_si256(w3, _mm256_set1_epi32((int)k1)));
        w3 = lo0;
    }
    _mm256_storeu_si256((__m256i *)words[0], w0);
    _mm256_storeu_si256((__m256i *)words[1], w1);
    _mm256_storeu_si256((__m256i *)words[2], w2);
    _mm256_storeu_si256((__m256i *)words[3], w3);
    for (int b = 0; b < CUDA_LANES; b++)
        for (int w = 0; w < 4; w++)
            x[b][w] = words[w][b];
}
#endif

#ifdef HAVE_FMA_PATH
/* The float32 normals' stand-ins, 4 lanes at a time: (float)log(u) and (float)sin(v), (float)cos(v) of
 * glibc's double functions. Each lane is computed by a polynomial accurate to far better than
 * STAND_IN_TOLERANCE; where every value within that relative distance rounds to the same float, that
 * float is glibc's double rounded (glibc is within an ulp of the truth), else the lane calls glibc.
 * Checked against glibc over every float input the kernel can make (tests/test_torch_native.py,
 * prng_torch_stand_in_mismatches): no difference. */
#define STAND_IN_TOLERANCE 0x1p-40
#define V4(c) _mm256_set1_pd(c)

/* Lanes (bits 0..3) where r rounds to the float f whichever value within the tolerance it is. */
AVX2_FMA static inline int settled_lanes(__m256d r, __m128 *f)
{
    *f = _mm256_cvtpd_ps(r);
    __m128 below = _mm256_cvtpd_ps(_mm256_fnmadd_pd(r, V4(STAND_IN_TOLERANCE), r));
    __m128 above = _mm256_cvtpd_ps(_mm256_fmadd_pd(r, V4(STAND_IN_TOLERANCE), r));
    return _mm_movemask_ps(_mm_and_ps(_mm_cmpeq_ps(*f, below), _mm_cmpeq_ps(*f, above)));
}

/* (float)log((double)u) for 4 floats u in (0, 1]: log(m 2^e) = e ln 2 + 2 atanh((m - 1) / (m + 1)). */
AVX2_FMA static inline void log_stand_in_avx2(const float *u, float *out)
{
    __m128i bits = _mm_loadu_si128((const __m128i *)u);
    __m128i e32 = _mm_sub_epi32(_mm_srli_epi32(bits, 23), _mm_set1_epi32(127));
    __m128 m32 = _mm_castsi128_ps(_mm_or_si128(_mm_and_si128(bits, _mm_set1_epi32(0x7FFFFF)),
                                               _mm_set1_epi32(0x3F800000)));
    __m256d m = _mm256_cvtps_pd(m32), e = _mm256_cvtepi32_pd(e32);
    __m256d big = _mm256_cmp_pd(m, V4(0x1.6a09e667f3bcdp+0), _CMP_GT_OQ);
    m = _mm256_blendv_pd(m, _mm256_mul_pd(m, V4(0.5)), big);
    e = _mm256_add_pd(e, _mm256_and_pd(big, V4(1.0)));
    __m256d t = _mm256_div_pd(_mm256_sub_pd(m, V4(1.0)), _mm256_add_pd(m, V4(1.0))), t2 = _mm256_mul_pd(t, t);
    __m256d p = V4(1.0 / 19);
    for (int k = 17; k >= 1; k -= 2)
        p = _mm256_fmadd_pd(p, t2, V4(1.0 / k));
    __m256d low = _mm256_fmadd_pd(e, V4(0x1.ef35793c76730p-45), _mm256_mul_pd(_mm256_add_pd(t, t), p));
    __m256d r = _mm256_fmadd_pd(e, V4(0x1.62e42fefa3800p-1), low);
    __m128 f;
    int settled = settled_lanes(r, &f);
    _mm_storeu_ps(out, f);
    for (int i = 0; i < 4; i++)
        if (!(settled >> i & 1))
            out[i] = (float)log((double)u[i]);
}

/* (float)sin(v), (float)cos(v) for 4 floats v in (0, 2 pi]: quadrant k, r = v - k pi/2 (exact to
 * about 2^-85), Taylor polynomials of sin r and cos r. */
AVX2_FMA static inline void sincos_stand_in_avx2(const float *v, float *sin_out, float *cos_out)
{
    static const double SIN[7] = {-1.0 / 1307674368000.0, 1.0 / 6227020800.0, -1.0 / 39916800.0, 1.0 / 362880.0,
                                  -1.0 / 5040.0, 1.0 / 120.0, -1.0 / 6.0};
    static const double COS[8] = {1.0 / 20922789888000.0, -1.0 / 87178291200.0, 1.0 / 479001600.0,
                                  -1.0 / 3628800.0, 1.0 / 40320.0, -1.0 / 720.0, 1.0 / 24.0, -0.5};
    __m256d x = _mm256_cvtps_pd(_mm_loadu_ps(v));
    __m256d k = _mm256_round_pd(_mm256_fmadd_pd(x, V4(0x1.45f306dc9c883p-1), V4(0.5)),
                                _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    __m256d r = _mm256_fnmadd_pd(k, V4(0x1.0b4611a626331p-34), _mm256_fnmadd_pd(k, V4(0x1.921fb544p+0), x));
    __m256d r2 = _mm256_mul_pd(r, r), sp = V4(SIN[0]), cp = V4(COS[0]);
    for (int i = 1; i < 7; i++)
        sp = _mm256_fmadd_pd(sp, r2, V4(SIN[i]));
    for (int i = 1; i < 8; i++)
        cp = _mm256_fmadd_pd(cp, r2, V4(COS[i]));
    __m256d sn = _mm256_fmadd_pd(_mm256_mul_pd(r, r2), sp, r), cs = _mm256_fmadd_pd(r2, cp, V4(1.0));
    __m128i q = _mm256_cvtpd_epi32(k);
    __m256d odd = _mm256_castsi256_pd(_mm256_cvtepi32_epi64(_mm_cmpeq_epi32(_mm_and_si128(q, _mm_set1_epi32(1)),
                                                                            _mm_set1_epi32(1))));
    __m256d sin_neg = _mm256_castsi256_pd(_mm256_cvtepi32_epi64(
        _mm_cmpeq_epi32(_mm_and_si128(q, _mm_set1_epi32(2)), _mm_set1_epi32(2))));
    __m256d cos_neg = _mm256_castsi256_pd(_mm256_cvtepi32_epi64(_mm_cmpeq_epi32(
        _mm_and_si128(_mm_add_epi32(q, _mm_set1_epi32(1)), _mm_set1_epi32(2)), _mm_set1_epi32(2))));
    __m256d sign = V4(-0.0);
    __m256d s = _mm256_xor_pd(_mm256_blendv_pd(sn, cs, odd), _mm256_and_pd(sin_neg, sign));
    __m256d c = _mm256_xor_pd(_mm256_blendv_pd(cs, sn, odd), _mm256_and_pd(cos_neg, sign));
    __m128 fs, fc;
    int settled = settled_lanes(s, &fs) & settled_lanes(c, &fc);
    _mm_storeu_ps(sin_out, fs);
    _mm_storeu_ps(cos_out, fc);
    for (int i = 0; i < 4; i++)
        if (!(settled >> i & 1)) {
            double sd, cd;
            sincos((double)v[i], &sd, &cd);
            sin_out[i] = (float)sd;
            cos_out[i] = (float)cd;
        }
}

/* curand_normal4 of 8 threads' blocks (cuda_sample's CUDA_NORMAL_F), the stand-ins 4 lanes at a time. */
AVX2_FMA static inline void cuda_normal_f_avx2(const cuda_args_t *a, const uint32_t x[CUDA_LANES][4],
                                               float vals[CUDA_LANES][4])
{
    float u[2 * CUDA_LANES], v[2 * CUDA_LANES], lg[2 * CUDA_LANES], sn[2 * CUDA_LANES], cs[2 * CUDA_LANES];
    for (int j = 0; j < 2 * CUDA_LANES; j++) { /* Box-Muller j: (x, y) of thread j / 2, words 2 (j % 2) on */
        const uint32_t *w = x[j / 2] + 2 * (j % 2);
        u[j] = curand_uniform(w[0]);
        v[j] = fmaf((float)w[1], CURAND_2POW32_INV_2PI, CURAND_2POW32_INV_2PI / 2.0f);
    }
    for (int j = 0; j < 2 * CUDA_LANES; j += 4) {
        log_stand_in_avx2(u + j, lg + j);
        sincos_stand_in_avx2(v + j, sn + j, cs + j);
    }
    for (int j = 0; j < 2 * CUDA_LANES; j++) {
        float s = sqrtf(-2.0f * lg[j]);
        vals[j / 2][2 * (j % 2)] = fmaf(sn[j] * s, a->span_f, a->low_f);
        vals[j / 2][2 * (j % 2) + 1] = fmaf(cs[j] * s, a->span_f, a->low_f);
    }
}
#endif

/* Tests: the float inputs with bit patterns first..last (positive floats) where a stand-in above
 * differs from glibc (log for inputs in (0, 1], sin/cos for inputs in (0, 2 pi]); -1 without them. */
long long prng_torch_stand_in_mismatches(uint32_t first, uint32_t last)
{
#ifdef HAVE_FMA_PATH
    if (!has_fma())
        return -1;
    long long mismatches = 0;
    for (uint64_t b = first; b <= last; b += 4) {
        float in[4], lg[4], sn[4], cs[4];
        for (int i = 0; i < 4; i++)
            in[i] = f32_from_bits((uint32_t)(b + (uint64_t)i <= last ? b + (uint64_t)i : last));
        log_stand_in_avx2(in, lg);
        sincos_stand_in_avx2(in, sn, cs);
        for (int i = 0; i < 4 && b + (uint64_t)i <= last; i++) {
            double sd, cd;
            sincos((double)in[i], &sd, &cd);
            if (in[i] <= 1.0f && lg[i] != (float)log((double)in[i]))
                mismatches++;
            if (in[i] <= TWO_PI_F && (sn[i] != (float)sd || cs[i] != (float)cd))
                mismatches++;
        }
    }
    return mismatches;
#else
    (void)first;
    (void)last;
    return -1;
#endif
}

/* distribution_elementwise_grid_stride_kernel: with S = 256 * grid threads, element
 * begin + ii * S + t (begin = k * S * unroll) is value ii of thread t's call k, whose Philox block is
 * that of counter (lo, hi of offset / 4 + k, lo, hi of t) under key (lo, hi of seed). */
PRNG_INLINE void cuda_launch(uint64_t seed, uint64_t offset, size_t numel, size_t grid, int kind,
                             void *out, const cuda_args_t *a, int avx2)
{
    const int unroll = kind == CUDA_UNIFORM_F || kind == CUDA_NORMAL_F || kind == CUDA_WORDS32 ? 4 : 2;
    const size_t itemsize = kind == CUDA_UNIFORM_F || kind == CUDA_NORMAL_F ? sizeof(float) : 8;
    const size_t threads = CUDA_BLOCK_SIZE * grid, per_call = threads * (size_t)unroll;
    const uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
    char *dst = out;
    uint64_t counter = offset / 4;
    for (size_t begin = 0; begin < numel; begin += per_call, counter++) {
        size_t active = numel - begin < threads ? numel - begin : threads;
        for (size_t t0 = 0; t0 < active; t0 += CUDA_LANES) {
            uint32_t x[CUDA_LANES][4];
#ifdef HAVE_FMA_PATH
            if (avx2)
                cuda_blocks_avx2(counter, t0, key, x);
            else
#endif
                cuda_blocks(counter, t0, key, x);
            union {
                unsigned char bytes[4 * sizeof(double)];
                float f[4];
            } vals[CUDA_LANES];
#ifdef HAVE_FMA_PATH
            if (avx2 && kind == CUDA_NORMAL_F) {
                float normals[CUDA_LANES][4];
                cuda_normal_f_avx2(a, x, normals);
                for (int b = 0; b < CUDA_LANES; b++)
                    memcpy(vals[b].f, normals[b], sizeof normals[b]);
            } else
#endif
                for (int b = 0; b < CUDA_LANES; b++) /* lanes past `active` are computed, not stored */
                    cuda_sample(kind, a, x[b], vals[b].bytes);
            for (int b = 0; b < CUDA_LANES && t0 + (size_t)b < active; b++)
                for (int ii = 0; ii < unroll; ii++) {
                    size_t e = begin + (size_t)ii * threads + t0 + (size_t)b;
                    if (e < numel)
                        memcpy(dst + e * itemsize, vals[b].bytes + (size_t)ii * itemsize, itemsize);
                }
        }
    }
    (void)avx2;
}

/* One launch of kernel `kind`: portable, or with AVX2 Philox and inline FMA where the CPU has them. */
#define CUDA_KERNEL(kind, suffix)                                                                             \
    static void cuda_plain_##suffix(uint64_t seed, uint64_t offset, size_t numel, size_t grid, void *out,     \
                                    const cuda_args_t *a)                                                     \
    {                                                                                                         \
        cuda_launch(seed, offset, numel, grid, kind, out, a, 0);                                              \
    }
CUDA_KERNEL(CUDA_UNIFORM_F, uniform_f)
CUDA_KERNEL(CUDA_UNIFORM_D, uniform_d)
CUDA_KERNEL(CUDA_NORMAL_F, normal_f)
CUDA_KERNEL(CUDA_NORMAL_D, normal_d)
CUDA_KERNEL(CUDA_WORDS32, words32)
CUDA_KERNEL(CUDA_WORDS64, words64)
#undef CUDA_KERNEL

#ifdef HAVE_FMA_PATH
#define CUDA_KERNEL(kind, suffix)                                                                             \
    AVX2_FMA static void cuda_avx2_##suffix(uint64_t seed, uint64_t offset, size_t numel, size_t grid,        \
                                            void *out, const cuda_args_t *a)                                  \
    {                                                                                                         \
        cuda_launch(seed, offset, numel, grid, kind, out, a, 1);                                              \
    }
CUDA_KERNEL(CUDA_UNIFORM_F, uniform_f)
CUDA_KERNEL(CUDA_UNIFORM_D, uniform_d)
CUDA_KERNEL(CUDA_NORMAL_F, normal_f)
CUDA_KERNEL(CUDA_NORMAL_D, normal_d)
CUDA_KERNEL(CUDA_WORDS32, words32)
CUDA_KERNEL(CUDA_WORDS64, words64)
#undef CUDA_KERNEL
#define CUDA_RUN(suffix, seed, offset, numel, grid, out, a)                                                   \
    (has_fma() ? cuda_avx2_##suffix : cuda_plain_##suffix)(seed, offset, numel, grid, out, a)
#else
#define CUDA_RUN(suffix, seed, offset, numel, grid, out, a) cuda_plain_##suffix(seed, offset, numel, grid, out, a)
#endif

void prng_torch_cuda_uniform_f(uint64_t seed, uint64_t offset, size_t numel, size_t grid, float *out,
                               float low, float span, float high, int replace)
{
    cuda_args_t a = {low, span, high, 0, 0, 0, 0, 0, replace};
    CUDA_RUN(uniform_f, seed, offset, numel, grid, out, &a);
}

void prng_torch_cuda_uniform(uint64_t seed, uint64_t offset, size_t numel, size_t grid, double *out,
                             double low, double span, double high, int replace)
{
    cuda_args_t a = {0, 0, 0, low, span, high, 0, 0, replace};
    CUDA_RUN(uniform_d, seed, offset, numel, grid, out, &a);
}

void prng_torch_cuda_normal_f(uint64_t seed, uint64_t offset, size_t numel, size_t grid, float *out,
                              float mean, float std)
{
    cuda_args_t a = {mean, std, 0, 0, 0, 0, 0, 0, 0};
    CUDA_RUN(normal_f, seed, offset, numel, grid, out, &a);
}

void prng_torch_cuda_normal(uint64_t seed, uint64_t offset, size_t numel, size_t grid, double *out,
                            double mean, double std)
{
    cuda_args_t a = {0, 0, 0, mean, std, 0, 0, 0, 0};
    CUDA_RUN(normal_d, seed, offset, numel, grid, out, &a);
}

void prng_torch_cuda_random(uint64_t seed, uint64_t offset, size_t numel, size_t grid, int64_t *out,
                            uint64_t span, uint64_t base)
{
    cuda_args_t a = {0, 0, 0, 0, 0, 0, span, base, 0};
    if (span >= RANDINT_64BIT_RANGE)
        CUDA_RUN(words64, seed, offset, numel, grid, out, &a);
    else
        CUDA_RUN(words32, seed, offset, numel, grid, out, &a);
}
