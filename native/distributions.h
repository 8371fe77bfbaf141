/* distributions.h: numpy's samplers (numpy/random/src/distributions/distributions.c and
 * legacy/legacy-distributions.c) and the framework samplers built on them, each written once over
 * prng_bitgen_t (prng.h), so every sampler serves every generator.
 *
 * Conventions: (bg, n, out, ...) fills out[0..n) with n draws of one sampler, in order, leaving the
 * generator where n scalar calls would. Parameters that numpy broadcasts come as an array and a step:
 * value i is p[i * p_step] (step 0: one value for all, step 1: one per output).
 */
#ifndef PRNG_DISTRIBUTIONS_H
#define PRNG_DISTRIBUTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "prng.h"

#ifdef __cplusplus
extern "C" {
#endif

/* cdef-begin */

/* numpy's legacy_gauss cache (RandomState): the second value of the last polar pair. */
typedef struct {
    int has_gauss;
    double gauss;
} prng_legacy_gauss_t;

/* Draws (the samplers' interface, honouring numpy's uint32 buffer of 64-bit generators). */
void prng_fill_uint32(prng_bitgen_t *bg, uint32_t *out, size_t n);

/* Uniforms: numpy's next_double / next_float. */
void prng_random_standard_uniform_fill(prng_bitgen_t *bg, size_t n, double *out);
void prng_random_standard_uniform_fill_f(prng_bitgen_t *bg, size_t n, float *out);

/* The 256-layer ziggurats (standard normal, standard exponential). */
double prng_random_standard_normal(prng_bitgen_t *bg);
float prng_random_standard_normal_f(prng_bitgen_t *bg);
double prng_random_standard_exponential(prng_bitgen_t *bg);
float prng_random_standard_exponential_f(prng_bitgen_t *bg);
void prng_random_standard_normal_fill(prng_bitgen_t *bg, size_t n, double *out);
void prng_random_standard_normal_fill_f(prng_bitgen_t *bg, size_t n, float *out);
void prng_random_standard_exponential_fill(prng_bitgen_t *bg, size_t n, double *out);
void prng_random_standard_exponential_fill_f(prng_bitgen_t *bg, size_t n, float *out);

/* Location-scale families with broadcast parameters. */
void prng_random_normal_fill(prng_bitgen_t *bg, size_t n, double *out,
                             const double *loc, size_t loc_step, const double *scale, size_t scale_step);
void prng_random_uniform_fill(prng_bitgen_t *bg, size_t n, double *out,
                              const double *low, size_t low_step, const double *range, size_t range_step);
void prng_random_exponential_fill(prng_bitgen_t *bg, size_t n, double *out,
                                  const double *scale, size_t scale_step);

/* Bounded integers: n values in [off, off + rng] (wrapping), by Lemire's method or, with use_masked,
 * by masked rejection (RandomState); bool takes one bit of a buffered 32-bit draw per value. */
uint64_t prng_random_interval(prng_bitgen_t *bg, uint64_t max);
uint64_t prng_random_bounded_uint64(prng_bitgen_t *bg, uint64_t off, uint64_t rng, uint64_t mask,
                                    int use_masked);
void prng_random_bounded_uint64_fill(prng_bitgen_t *bg, uint64_t off, uint64_t rng, size_t n,
                                     int use_masked, uint64_t *out);
void prng_random_bounded_uint32_fill(prng_bitgen_t *bg, uint32_t off, uint32_t rng, size_t n,
                                     int use_masked, uint32_t *out);
void prng_random_bounded_uint16_fill(prng_bitgen_t *bg, uint16_t off, uint16_t rng, size_t n,
                                     int use_masked, uint16_t *out);
void prng_random_bounded_uint8_fill(prng_bitgen_t *bg, uint8_t off, uint8_t rng, size_t n,
                                    int use_masked, uint8_t *out);
void prng_random_bounded_bool_fill(prng_bitgen_t *bg, uint8_t off, uint8_t rng, size_t n, uint8_t *out);
/* Broadcast bounds (Generator.integers / randint with array low, high): value i in [off[i], off[i] + rng[i]]
 * into out_bits-bit integers (64, 32, 16, 8, or 1: bool as uint8). */
void prng_random_bounded_broadcast_fill(prng_bitgen_t *bg, size_t n, const uint64_t *off, size_t off_step,
                                        const uint64_t *rng, size_t rng_step, int use_masked, int out_bits, void *out);

/* Permutations. shuffle_raw: numpy's Fisher-Yates (random_interval draws) over n items of itemsize
 * bytes, stride bytes apart, down to index `first`; buf holds one item. shuffle_int: the same on an
 * int64 array with random_bounded_uint64 (Lemire) draws (numpy's _shuffle_int). choice_floyd:
 * Generator.choice's Floyd selection of `count` distinct indices below pop_size, using a caller's
 * hash set of mask + 1 words (mask = 2^k - 1 >= 1.2 * count). */
void prng_shuffle_raw(prng_bitgen_t *bg, size_t n, size_t first, size_t itemsize, ptrdiff_t stride,
                      char *data, char *buf);
void prng_shuffle_int(prng_bitgen_t *bg, size_t n, size_t first, int64_t *data);
void prng_choice_floyd(prng_bitgen_t *bg, uint64_t pop_size, size_t count, int64_t *out,
                       uint64_t *hash_set, uint64_t mask);

/* RandomState's normals: Marsaglia's polar method with the cached second value. */
double prng_legacy_gauss(prng_bitgen_t *bg, prng_legacy_gauss_t *cache);
void prng_legacy_gauss_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *cache, size_t n, double *out);

/* numpy's continuous samplers (continuous.c; distributions.c) for Generator. Broadcast parameters as
 * above; standard_gamma_fill_f takes float32 shapes. */
void prng_random_standard_gamma_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_random_standard_gamma_fill_f(prng_bitgen_t *bg, size_t n, float *out, const float *a, size_t as);
void prng_random_gamma_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                            const double *b, size_t bs);
void prng_random_beta_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                           const double *b, size_t bs);
void prng_random_chisquare_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_random_f_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                        const double *b, size_t bs);
void prng_random_standard_cauchy_fill(prng_bitgen_t *bg, size_t n, double *out);
void prng_random_pareto_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_random_weibull_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_random_power_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_random_laplace_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                              const double *b, size_t bs);
void prng_random_gumbel_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                             const double *b, size_t bs);
void prng_random_logistic_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                               const double *b, size_t bs);
void prng_random_lognormal_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                                const double *b, size_t bs);
void prng_random_rayleigh_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_random_standard_t_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_random_wald_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                           const double *b, size_t bs);
void prng_random_vonmises_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                               const double *b, size_t bs);
void prng_random_triangular_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                                 const double *b, size_t bs, const double *c, size_t cs);
void prng_random_standard_exponential_inv_fill(prng_bitgen_t *bg, size_t n, double *out);
void prng_random_standard_exponential_inv_fill_f(prng_bitgen_t *bg, size_t n, float *out);
void prng_random_dirichlet_fill(prng_bitgen_t *bg, size_t rows, size_t k, const double *alpha, int stick,
                                double *csum, double *out);

/* RandomState's continuous samplers (legacy_continuous.c; legacy-distributions.c); those drawing
 * normals take the polar method's cache. */
void prng_legacy_standard_exponential_fill(prng_bitgen_t *bg, size_t n, double *out);
void prng_legacy_exponential_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_legacy_pareto_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_legacy_weibull_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_legacy_power_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_legacy_rayleigh_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as);
void prng_legacy_vonmises_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                               const double *b, size_t bs);
void prng_legacy_standard_gamma_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out,
                                     const double *a, size_t as);
void prng_legacy_gamma_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out, const double *a,
                            size_t as, const double *b, size_t bs);
void prng_legacy_beta_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out, const double *a,
                           size_t as, const double *b, size_t bs);
void prng_legacy_chisquare_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out,
                                const double *a, size_t as);
void prng_legacy_f_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out, const double *a,
                        size_t as, const double *b, size_t bs);
void prng_legacy_normal_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out, const double *a,
                             size_t as, const double *b, size_t bs);
void prng_legacy_lognormal_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out,
                                const double *a, size_t as, const double *b, size_t bs);
void prng_legacy_standard_t_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out,
                                 const double *a, size_t as);
void prng_legacy_standard_cauchy_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out);
void prng_legacy_wald_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out, const double *a,
                           size_t as, const double *b, size_t bs);
void prng_legacy_dirichlet_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t rows, size_t k,
                                const double *alpha, double *out);

/* The noncentral chi-square and F (noncentral.c): Generator's and RandomState's. */
void prng_random_noncentral_chisquare_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                                           const double *b, size_t bs);
void prng_random_noncentral_f_fill(prng_bitgen_t *bg, size_t n, double *out, const double *a, size_t as,
                                   const double *b, size_t bs, const double *c, size_t cs);
void prng_legacy_noncentral_chisquare_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out,
                                           const double *a, size_t as, const double *b, size_t bs);
void prng_legacy_noncentral_f_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, double *out,
                                   const double *a, size_t as, const double *b, size_t bs, const double *c,
                                   size_t cs);

/* numpy's discrete samplers (discrete.c, legacy_discrete.c). prng_binomial_t is numpy's binomial_t:
 * the setup of the last (n, p), reused while they stay the same (one per Generator / RandomState). The
 * fills write int64 values; multinomial fills `rows` zeroed rows of d from pvals + offsets[i]; the
 * multivariate hypergeometric fills num_variates zeroed rows of num_colors (count: `choices` is
 * scratch of sum(colors) words). */
typedef struct {
    int64_t has_binomial, nsave, m;
    double psave, r, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4;
} prng_binomial_t;
void prng_random_poisson_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *lam, size_t lam_step);
void prng_random_negative_binomial_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *nn, size_t n_step,
                                        const double *p, size_t p_step);
void prng_random_binomial_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *p, size_t p_step,
                               const int64_t *nn, size_t n_step, prng_binomial_t *cache);
void prng_random_geometric_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *p, size_t p_step);
void prng_random_logseries_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *p, size_t p_step);
void prng_random_zipf_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *a, size_t a_step);
void prng_random_hypergeometric_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const int64_t *good,
                                     size_t good_step, const int64_t *bad, size_t bad_step, const int64_t *sample,
                                     size_t sample_step);
void prng_random_multinomial_fill(prng_bitgen_t *bg, size_t rows, size_t d, int64_t *out, const int64_t *nn,
                                  size_t n_step, const double *pvals, const int64_t *offsets, size_t offset_step,
                                  prng_binomial_t *cache);
void prng_random_multivariate_hypergeometric_count_fill(prng_bitgen_t *bg, size_t num_variates, int64_t *out,
                                                        size_t num_colors, const int64_t *colors, int64_t nsample,
                                                        int64_t *choices);
void prng_random_multivariate_hypergeometric_marginals_fill(prng_bitgen_t *bg, size_t num_variates, int64_t *out,
                                                            size_t num_colors, const int64_t *colors,
                                                            int64_t nsample);
void prng_legacy_random_binomial_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *p, size_t p_step,
                                      const int64_t *nn, size_t n_step, prng_binomial_t *cache);
void prng_legacy_negative_binomial_fill(prng_bitgen_t *bg, prng_legacy_gauss_t *g, size_t n, int64_t *out,
                                        const double *nn, size_t n_step, const double *p, size_t p_step);
void prng_legacy_random_hypergeometric_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const int64_t *good,
                                            size_t good_step, const int64_t *bad, size_t bad_step,
                                            const int64_t *sample, size_t sample_step);
void prng_legacy_random_zipf_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *a, size_t a_step);
void prng_legacy_random_geometric_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *p, size_t p_step);
void prng_legacy_logseries_fill(prng_bitgen_t *bg, size_t n, int64_t *out, const double *p, size_t p_step);

/* cdef-end */

#ifdef __cplusplus
}
#endif

#endif /* PRNG_DISTRIBUTIONS_H */
