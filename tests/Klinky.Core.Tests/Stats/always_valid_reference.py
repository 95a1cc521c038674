"""Independent reference values for AlwaysValidTestTests and the always-valid cases of StatsCalculatorTests.

Run: python3 tests/Klinky.Core.Tests/Stats/always_valid_reference.py (standard library only).
The boundary is Theorem 2.2 of Waudby-Smith, Arbour, Sinha, Kennedy and Ramdas, "Time-uniform central limit theory
and asymptotic confidence sequences" (arXiv:2103.06476), with rho^2 from their closed-form approximation for the time
at which the sequence is tightest, applied as GrowthBook documents it to a difference of two means: N = visitors in the
comparison, per-visitor variance = N * Var(difference).
"""
import math

ALPHA = 0.05
TUNING = 10_000
Z80 = 0.8416212335729143


def multiplier(n, alpha, tuning=TUNING):
    l = -2 * math.log(alpha)
    rho2 = (l + math.log(l + 1)) / tuning
    s = n * rho2
    return math.sqrt(2 * (s + 1) / s * math.log(math.sqrt(s + 1) / alpha))


def interval(conv_v, clicks_v, conv_c, clicks_c, comparisons=1):
    """Difference interval; the variance is the larger of the per-arm (unpooled) and the pooled one (the null's)."""
    alpha = ALPHA / comparisons
    pv, pc = conv_v / clicks_v, conv_c / clicks_c
    unpooled = pv * (1 - pv) / clicks_v + pc * (1 - pc) / clicks_c
    p = (conv_v + conv_c) / (clicks_v + clicks_c)
    pooled = p * (1 - p) * (1 / clicks_v + 1 / clicks_c)
    half = math.sqrt(max(unpooled, pooled)) * multiplier(clicks_v + clicks_c, alpha)
    return pv - pc - half, pv - pc + half


def uplift_interval(conv_v, clicks_v, conv_c, clicks_c, comparisons=1):
    """Delta method on log(pv / pc): Var = (1 - pv)/conv_v + (1 - pc)/conv_c."""
    alpha = ALPHA / comparisons
    pv, pc = conv_v / clicks_v, conv_c / clicks_c
    half = math.sqrt((1 - pv) / conv_v + (1 - pc) / conv_c) * multiplier(clicks_v + clicks_c, alpha)
    centre = math.log(pv / pc)
    return math.exp(centre - half) - 1, math.exp(centre + half) - 1


def visitors_in_total(base, effect, comparisons, share_c, share_v):
    """Smallest total T (brute force) at which the planned difference clears boundary + z80 in standard errors."""
    alpha = ALPHA / comparisons
    target = base * (1 + effect)
    diff = target - base
    pooled = (share_c * base + share_v * target) / (share_c + share_v)
    t = 2
    while True:
        nc, nv = share_c * t, share_v * t
        var = max(base * (1 - base) / nc + target * (1 - target) / nv, pooled * (1 - pooled) * (1 / nc + 1 / nv))
        if diff / math.sqrt(var) >= multiplier(nc + nv, alpha) + Z80:
            return t
        t += 1


def srm_log_bayes_factor(clicks, weights, concentration=100):
    """Lindon & Malek's Dirichlet-multinomial Bayes factor against the multinomial at the weights."""
    total_w = sum(weights)
    p = [w / total_w for w in weights]
    a = [concentration * q for q in p]
    n = sum(clicks)
    log = math.lgamma(sum(a)) - math.lgamma(sum(a) + n)
    for x, ai, q in zip(clicks, a, p):
        log += math.lgamma(ai + x) - math.lgamma(ai) - x * math.log(q)
    return log


def visitors_per_variant(base, effect, comparisons=1):
    return (visitors_in_total(base, effect, comparisons, 0.5, 0.5) + 1) // 2


if __name__ == "__main__":
    for n, alpha in [(200, 0.05), (10_000, 0.05), (20_000, 0.05), (20_000, 0.0125)]:
        print(f"multiplier({n}, {alpha}) = {multiplier(n, alpha)!r}")
    for args in [(49, 624, 38, 610, 1), (88, 1000, 50, 1000, 1), (89, 1000, 50, 1000, 1), (100, 2000, 160, 2000, 1), (300, 5000, 250, 5000, 4)]:
        print(f"interval{args} = {interval(*args)!r}")
    for args in [(49, 624, 38, 610, 1), (150, 2000, 100, 2000, 1), (300, 5000, 250, 5000, 4)]:
        print(f"uplift_interval{args} = {uplift_interval(*args)!r}")
    for args in [(0.05, 0.2, 1), (0.05, 0.2, 4), (0.01, 0.2, 1), (0.2, 0.3, 1)]:
        print(f"visitors_per_variant{args} = {visitors_per_variant(*args)!r}")
    for args in [(0.05, 0.2, 1, 0.1, 0.9), (0.05, 0.2, 1, 0.2, 0.8), (0.05, 0.2, 1, 0.5, 0.5)]:
        print(f"visitors_in_total{args} = {visitors_in_total(*args)!r}")
    for args in [([500, 500], [50, 50]), ([4750, 5250], [50, 50]), ([1000, 9000], [10, 90]), ([210, 190, 205, 180, 215], [20, 20, 20, 20, 20]), ([3, 97], [1, 99])]:
        print(f"srm_log_bayes_factor{args} = {srm_log_bayes_factor(*args)!r}")


def srm_log_bayes_factor_by_quadrature(x1, x2, steps=200_000):
    """Two arms at 50/50, computed without the gamma function: the marginal likelihood integral over the share theta
    (Beta(50, 50) prior, its density normalised numerically too) by the midpoint rule in log space, over 0.5^n."""
    def log_f(t, a, b):
        return a * math.log(t) + b * math.log(1 - t)
    h = 1 / steps
    grid = [(i + 0.5) * h for i in range(steps)]
    log_prior = [log_f(t, 49, 49) for t in grid]
    top = max(log_prior)
    log_norm = top + math.log(sum(math.exp(v - top) for v in log_prior) * h)
    log_post = [lp + log_f(t, x1, x2) for lp, t in zip(log_prior, grid)]
    top = max(log_post)
    log_marginal = top + math.log(sum(math.exp(v - top) for v in log_post) * h) - log_norm
    return log_marginal - (x1 + x2) * math.log(0.5)


if __name__ == "__main__":
    for args in [(500, 500), (4750, 5250)]:
        print(f"srm_log_bayes_factor_by_quadrature{args} = {srm_log_bayes_factor_by_quadrature(*args)!r}")
