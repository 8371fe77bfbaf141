/* torch.h: PyTorch 2.13's sampling kernels, bit for bit (prng.compat.torch, prng.compat._torch_cuda).
 *
 * CPU generator: bg's 32-bit draws are torch's random() (the mt19937 words); random64() is two of
 * them, the first one high (aten/src/ATen/CPUGeneratorImpl.cpp). The fills leave bg where torch's
 * kernels leave its generator. float16/bfloat16 outputs are computed in float32 (torch's opmath) and
 * rounded by the caller; `replace` (uniform: a value equal to high becomes low) is then its business too.
 * kernel: 0 = torch's AVX2 build (Cephes log/sincos with fused multiply-adds), 1 = its DEFAULT build
 * (glibc logf/sincosf); fused: uniform's x*span + low with one rounding (AVX2) or two (DEFAULT).
 *
 * CUDA generator: one launch of distribution_elementwise_grid_stride_kernel over elements [0, numel)
 * of out with `grid` blocks of 256 threads, Philox4x32-10 (cuRAND) keyed by seed from the launch's
 * offset (see prng/compat/_torch_cuda.py for the layout). The normals' logf/__sincosf/log/sincospi are
 * stood in for by glibc's log and sincos in double, rounded (not the GPU's bits).
 */
#ifndef PRNG_TORCH_H
#define PRNG_TORCH_H

#include <stddef.h>
#include <stdint.h>

#include "prng.h"

#ifdef __cplusplus
extern "C" {
#endif

/* cdef-begin */

/* CPU: uniform_(low, low + span) in float (24-bit uniforms) and double (53-bit uniforms of random64()). */
void prng_torch_uniform_fill_f(prng_bitgen_t *bg, size_t n, float *out, float low, float span, float high,
                               int fused, int replace);
void prng_torch_uniform_fill(prng_bitgen_t *bg, size_t n, double *out, double low, double span, double high,
                             int fused, int replace);
/* CPU: normal_fill (n >= 16): blocks of 16 Box-Muller values, the last 16 re-drawn when n % 16;
 * reduced: the float16/bfloat16 variant, which draws uniforms for the whole blocks only. */
void prng_torch_normal_fill_f(prng_bitgen_t *bg, size_t n, float *out, float mean, float std, int kernel,
                              int reduced);
void prng_torch_normal_fill(prng_bitgen_t *bg, size_t n, double *out, double mean, double std);
/* CPU: exponential_: (-1 / lambd) * log1p(-u) in double (glibc's log1p), u of random64(). */
void prng_torch_exponential_fill(prng_bitgen_t *bg, size_t n, double *out, double lambd);
/* CPU: random_from_to: (v % span) + low (wrapping), v = random() for span < 2^28, else random64(). */
void prng_torch_random_fill(prng_bitgen_t *bg, size_t n, int64_t *out, uint64_t span, uint64_t low);
/* CPU: randperm_cpu: Fisher-Yates with random() for n < limit (torch: 214748364), else inside-out
 * with random64(). */
void prng_torch_randperm(prng_bitgen_t *bg, size_t n, int64_t *out, size_t limit);

/* CUDA: uniform_kernel (curand_uniform4 / curand_uniform2_double, fma(u, span, low)). */
void prng_torch_cuda_uniform_f(uint64_t seed, uint64_t offset, size_t numel, size_t grid, float *out,
                               float low, float span, float high, int replace);
void prng_torch_cuda_uniform(uint64_t seed, uint64_t offset, size_t numel, size_t grid, double *out,
                             double low, double span, double high, int replace);
/* CUDA: normal_kernel (curand_normal4 / curand_normal2_double, fma(z, std, mean)). */
void prng_torch_cuda_normal_f(uint64_t seed, uint64_t offset, size_t numel, size_t grid, float *out,
                              float mean, float std);
void prng_torch_cuda_normal(uint64_t seed, uint64_t offset, size_t numel, size_t grid, double *out,
                            double mean, double std);
/* CUDA: random_from_to_kernel: (v % span) + base, v a 32-bit word (span < 2^28) or (x << 32) | y. */
void prng_torch_cuda_random(uint64_t seed, uint64_t offset, size_t numel, size_t grid, int64_t *out,
                            uint64_t span, uint64_t base);

/* Tests: on (1) makes the kernels take their portable loops (libm fmaf, the scalar AVX2-build normal
 * block) on every CPU, off (0) lets them use FMA/AVX2 where the CPU has them; returns the setting before.
 * Not thread-safe: for tests only. */
int prng_torch_portable(int on);
/* Tests: how many float inputs (bit patterns first..last) the CUDA float32 normals' fast stand-ins for
 * glibc's (float)log / (float)sin / (float)cos get wrong (-1: no fast path on this CPU). */
long long prng_torch_stand_in_mismatches(uint32_t first, uint32_t last);

/* cdef-end */

#ifdef __cplusplus
}
#endif

#endif /* PRNG_TORCH_H */
