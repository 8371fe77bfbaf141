/* samplers.h (internal): the per-value samplers over prng_draws_t that other samplers build on
 * (numpy's distributions.c calls them the same way, e.g. gamma on the normal ziggurat). */
#ifndef PRNG_SAMPLERS_H
#define PRNG_SAMPLERS_H

#include "draws.h"

double prng_standard_normal(prng_draws_t *d);
float prng_standard_normal_f(prng_draws_t *d);
double prng_standard_exponential(prng_draws_t *d);
float prng_standard_exponential_f(prng_draws_t *d);
double prng_gauss(prng_draws_t *d, prng_legacy_gauss_t *cache);
/* continuous.c */
double prng_standard_gamma(prng_draws_t *d, double shape);
float prng_standard_gamma_f(prng_draws_t *d, float shape);
double prng_beta(prng_draws_t *d, double a, double b);
double prng_chisquare(prng_draws_t *d, double df);
double prng_vonmises_rejection(prng_draws_t *d, double mu, double kappa);

/* discrete.c, for legacy_discrete.c */
double prng_loggam(double x);
int64_t prng_poisson(prng_draws_t *d, double lam);
int64_t prng_binomial(prng_draws_t *d, double p, int64_t n, prng_binomial_t *cache);
int64_t prng_binomial_btpe(prng_draws_t *d, int64_t n, double p, prng_binomial_t *cache);
int64_t prng_binomial_inversion(prng_draws_t *d, int64_t n, double p, prng_binomial_t *cache, int legacy);
int64_t prng_geometric_search(prng_draws_t *d, double p);
/* legacy_continuous.c, for legacy_discrete.c */
double prng_legacy_gamma(prng_draws_t *d, prng_legacy_gauss_t *g, double shape, double scale);
/* legacy_continuous.c, for noncentral.c */
double prng_legacy_chisquare(prng_draws_t *d, prng_legacy_gauss_t *g, double df);

#endif /* PRNG_SAMPLERS_H */
