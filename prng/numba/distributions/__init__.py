"""The samplers as numba functions over a core's ``bitgen`` (prng.numba._bitgen): the same names and
arguments as prng.distributions (pure Python) and prng.c.distributions (C). Each compiles, and is
cached, once per generator type; the ``@njit`` functions can be called from your own jitted code with a
core's ``bitgen``."""
from .bounded import random_bounded_fill, random_bounded_uint64, random_interval  # noqa: F401
from .discrete import (  # noqa: F401
    random_binomial_fill,
    random_geometric_fill,
    random_hypergeometric_fill,
    random_logseries_fill,
    random_multinomial_fill,
    random_multivariate_hypergeometric_count_fill,
    random_multivariate_hypergeometric_marginals_fill,
    random_negative_binomial_fill,
    random_poisson_fill,
    random_zipf_fill,
)
from .legacy_discrete import (  # noqa: F401
    legacy_logseries_fill,
    legacy_negative_binomial_fill,
    legacy_random_binomial_fill,
    legacy_random_geometric_fill,
    legacy_random_hypergeometric_fill,
    legacy_random_zipf_fill,
)
from .legacy import legacy_gauss_fill  # noqa: F401
from .bounded import random_bounded_broadcast_fill  # noqa: F401
from .shuffle import choice_floyd, shuffle_int, shuffle_raw  # noqa: F401
from .uniform import random_standard_uniform_fill, random_standard_uniform_fill_f, random_uniform_fill  # noqa: F401
from .ziggurat import (  # noqa: F401
    random_exponential_fill,
    random_normal_fill,
    random_standard_exponential_fill,
    random_standard_exponential_fill_f,
    random_standard_normal_fill,
    random_standard_normal_fill_f,
)
from .continuous import (  # noqa: F401
    random_beta_fill,
    random_chisquare_fill,
    random_dirichlet_fill,
    random_f_fill,
    random_gamma_fill,
    random_gumbel_fill,
    random_laplace_fill,
    random_logistic_fill,
    random_lognormal_fill,
    random_pareto_fill,
    random_power_fill,
    random_rayleigh_fill,
    random_standard_cauchy_fill,
    random_standard_exponential_inv_fill,
    random_standard_exponential_inv_fill_f,
    random_standard_gamma_fill,
    random_standard_gamma_fill_f,
    random_standard_t_fill,
    random_triangular_fill,
    random_vonmises_fill,
    random_wald_fill,
    random_weibull_fill,
)
from .legacy_continuous import (  # noqa: F401
    legacy_beta_fill,
    legacy_chisquare_fill,
    legacy_dirichlet_fill,
    legacy_exponential_fill,
    legacy_f_fill,
    legacy_gamma_fill,
    legacy_lognormal_fill,
    legacy_normal_fill,
    legacy_pareto_fill,
    legacy_power_fill,
    legacy_rayleigh_fill,
    legacy_standard_cauchy_fill,
    legacy_standard_exponential_fill,
    legacy_standard_gamma_fill,
    legacy_standard_t_fill,
    legacy_vonmises_fill,
    legacy_wald_fill,
    legacy_weibull_fill,
)
from .noncentral import (  # noqa: F401
    legacy_noncentral_chisquare_fill,
    legacy_noncentral_f_fill,
    random_noncentral_chisquare_fill,
    random_noncentral_f_fill,
)
