"""Confidence intervals: the worked examples of metrics.md section 4 and hand-worked cases."""

from __future__ import annotations

import math

import pytest

from evidencebot.errors import InputError
from evidencebot.metrics import stats
from evidencebot.metrics.stats import (
    byars,
    chi2_quantile,
    format_ci,
    gamma_quantile,
    mean_ci,
    median,
    median_ci,
    poisson_exact,
    rate_ci,
    t_quantile,
    wilson,
    z_value,
)


def r(x: float, nd: int) -> float:
    return round(x, nd)


# ---------------------------------------------------------------- normal quantile


def test_z_values():
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_value(0.998) == pytest.approx(3.090232, abs=1e-6)
    assert z_value(0.90) == pytest.approx(1.644854, abs=1e-6)


@pytest.mark.parametrize("conf", [0, 1, 95, -0.5, "0.95"])
def test_bad_confidence_levels(conf):
    with pytest.raises(InputError, match="confidence level"):
        z_value(conf)


# ---------------------------------------------------------------- Wilson


def test_wilson_worked_examples():
    # metrics.md 4.1: 3/20 -> 15% (5.2-36.0%); 0/12 -> 0.0-24.2%
    low, high = wilson(3, 20)
    assert (r(low * 100, 1), r(high * 100, 1)) == (5.2, 36.0)
    low, high = wilson(0, 12)
    assert low == 0.0
    assert r(high * 100, 1) == 24.2


def test_wilson_by_hand():
    # x = n: upper is 1 and lower = n / (n + z^2)
    z = z_value(0.95)
    low, high = wilson(10, 10)
    assert high == pytest.approx(1.0)
    assert low == pytest.approx(10 / (10 + z * z))
    # 0/n: upper = z^2 / (n + z^2)
    assert wilson(0, 12)[1] == pytest.approx(z * z / (12 + z * z))
    # symmetry: the interval for x is the mirror of n - x
    a, b = wilson(7, 25)
    c, d = wilson(18, 25)
    assert a == pytest.approx(1 - d) and b == pytest.approx(1 - c)


def test_wilson_99_8_is_wider():
    low95, high95 = wilson(30, 60)
    low998, high998 = wilson(30, 60, conf=0.998)
    assert low998 < low95 < 0.5 < high95 < high998


def test_wilson_empty_denominator_is_nan():
    low, high = wilson(0, 0)
    assert math.isnan(low) and math.isnan(high)


@pytest.mark.parametrize("x, n", [(5, 4), (-1, 4), (1, -4), (True, 4), ("3", 20)])
def test_wilson_rejects_impossible_counts(x, n):
    with pytest.raises(InputError):
        wilson(x, n)


# ---------------------------------------------------------------- chi-square and t quantiles


@pytest.mark.parametrize(
    "p, df, expected",
    [
        # R: qchisq(p, df)
        (0.025, 8, 2.179731),
        (0.975, 10, 20.483177),
        (0.95, 1, 3.841459),
        (0.5, 2, 1.386294),  # 2 ln 2
        (0.975, 2, 7.377759),  # -2 ln 0.025
        (0.025, 50, 32.357364),
        (0.975, 52, 73.809863),
    ],
)
def test_chi2_quantile_matches_r(p, df, expected):
    assert chi2_quantile(p, df) == pytest.approx(expected, rel=1e-6)


def _poisson_cdf(k: int, mu: float) -> float:
    return math.fsum(math.exp(-mu + i * math.log(mu) - math.lgamma(i + 1)) for i in range(k + 1))


@pytest.mark.parametrize("x", [1, 2, 3, 5, 9, 10, 25, 60, 250])
def test_exact_limits_satisfy_the_poisson_identity(x):
    # upper limit U: P(Poisson(U) <= x) = 0.025; lower limit L: P(Poisson(L) >= x) = 0.025
    low, high = poisson_exact(x, 1, multiplier=1)
    assert _poisson_cdf(x, high) == pytest.approx(0.025, rel=1e-8)
    assert 1 - _poisson_cdf(x - 1, low) == pytest.approx(0.025, rel=1e-8)


def test_gamma_quantile_closed_form_for_shape_one():
    # Gamma(1) is exponential: quantile = -ln(1 - p)
    for p in (0.01, 0.3, 0.975, 0.999):
        assert gamma_quantile(p, 1) == pytest.approx(-math.log(1 - p), rel=1e-10)


@pytest.mark.parametrize(
    "p, df, expected",
    [(0.975, 1, 12.706205), (0.975, 10, 2.228139), (0.025, 5, -2.570582), (0.95, 30, 1.697261)],
)
def test_t_quantile_matches_r(p, df, expected):
    assert t_quantile(p, df) == pytest.approx(expected, rel=1e-6)


def test_quantiles_cross_checked_with_scipy():
    import scipy.stats as scipy_stats  # a test dependency: these cross-checks run, never skip
    for p in (0.001, 0.025, 0.5, 0.975, 0.999):
        for df in (1, 2, 7, 20, 201):
            assert chi2_quantile(p, df) == pytest.approx(scipy_stats.chi2.ppf(p, df), rel=1e-7)
            assert t_quantile(p, df) == pytest.approx(scipy_stats.t.ppf(p, df), rel=1e-7)


# ---------------------------------------------------------------- counts and rates


def test_exact_poisson_worked_example():
    # metrics.md 4.2: 4 crisis presentations among 60 service users = 6.7 per 100 (1.8-17.1)
    low, high = poisson_exact(4, 60, multiplier=100)
    assert (r(low, 1), r(high, 1)) == (1.8, 17.1)
    low, high, method = rate_ci(4, 60)
    assert method == "exact" and r(high, 1) == 17.1


def test_zero_events_upper_limit_is_3_689():
    low, high = poisson_exact(0, 1, multiplier=1)
    assert low == 0.0
    assert r(high, 3) == 3.689
    assert high == pytest.approx(-math.log(0.025))  # closed form for x = 0


def test_byars_and_exact_agree_at_25():
    # metrics.md 4.2: Byar's 16.17-36.91 vs exact 16.18-36.90 (events; N = multiplier)
    low, high = byars(25, 100, multiplier=100)
    assert (r(low, 2), r(high, 2)) == (16.17, 36.91)
    low, high = poisson_exact(25, 100, multiplier=100)
    assert (r(low, 2), r(high, 2)) == (16.18, 36.90)


def test_byars_by_hand():
    # x = 16, z = 1.96: lower = 16 (1 - 1/144 - 1.96/12)^3
    z = z_value(0.95)
    expected_low = 16 * (1 - 1 / 144 - z / 12) ** 3
    expected_high = 17 * (1 - 1 / 153 + z / (3 * math.sqrt(17))) ** 3
    low, high = byars(16, 1, multiplier=1)
    assert low == pytest.approx(expected_low) and high == pytest.approx(expected_high)


def test_rate_ci_switches_method_at_10():
    assert rate_ci(9, 100)[2] == "exact"
    assert rate_ci(10, 100)[2] == "byars"
    assert rate_ci(10, 100)[:2] == byars(10, 100)
    assert rate_ci(9, 100)[:2] == poisson_exact(9, 100)


def test_rate_multiplier_scales_the_interval():
    low, high = poisson_exact(4, 60, multiplier=1000)
    low100, high100 = poisson_exact(4, 60, multiplier=100)
    assert low == pytest.approx(10 * low100) and high == pytest.approx(10 * high100)


def test_rate_with_empty_denominator_is_nan():
    low, high, method = rate_ci(3, 0)
    assert math.isnan(low) and math.isnan(high) and method == "exact"


@pytest.mark.parametrize("x, n, m", [(-1, 10, 100), (3, -10, 100), (3, 10, 0)])
def test_rate_rejects_bad_arguments(x, n, m):
    with pytest.raises(InputError):
        rate_ci(x, n, m)


def test_exact_interval_cross_checked_with_scipy():
    import scipy.stats as scipy_stats  # a test dependency: these cross-checks run, never skip
    for x in range(0, 10):
        low, high = poisson_exact(x, 1, multiplier=1)
        exp_low = 0.0 if x == 0 else scipy_stats.chi2.ppf(0.025, 2 * x) / 2
        assert low == pytest.approx(exp_low, abs=1e-9)
        assert high == pytest.approx(scipy_stats.chi2.ppf(0.975, 2 * x + 2) / 2, rel=1e-8)


# ---------------------------------------------------------------- medians and means


def test_median_ignores_missing_values():
    assert median([3, None, 1, float("nan"), 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5
    assert math.isnan(median([]))


def test_median_ci_by_order_statistics():
    # n = 20 at 95%: ranks 6 and 15 (coverage 1 - 2 P(B <= 5) = 0.9586)
    assert median_ci(range(1, 21)) == (6, 15)
    # n = 6: ranks 1 and 6 give coverage 1 - 2/64 = 0.969
    assert median_ci([5, 1, 4, 2, 6, 3]) == (1, 6)
    # n = 5 cannot reach 95% (1 - 2/32 = 0.9375)
    low, high = median_ci([1, 2, 3, 4, 5])
    assert math.isnan(low) and math.isnan(high)


def test_mean_ci_by_hand():
    # values 1..5: mean 3, sd sqrt(2.5), t(0.975, 4) = 2.776445
    mean, low, high = mean_ci([1, 2, 3, 4, 5])
    half = 2.776445 * math.sqrt(2.5) / math.sqrt(5)
    assert mean == 3
    assert low == pytest.approx(3 - half, rel=1e-6) and high == pytest.approx(3 + half, rel=1e-6)
    mean, low, high = mean_ci([7])
    assert mean == 7 and math.isnan(low)


def test_format_ci():
    assert format_ci(1.8164, 17.069) == "1.8 to 17.1"
    assert format_ci(0.0518, 0.3604, scale=100) == "5.2 to 36.0"
    assert format_ci(math.nan, 3) == "n/a"


def _rank_by_summing(n, conf):
    """The definition, summed afresh for every rank (slow, exact)."""
    from fractions import Fraction
    from math import comb

    best = None
    for r in range(1, n // 2 + 1):
        if Fraction(2 * sum(comb(n, i) for i in range(r)), 2**n) <= 1 - Fraction(conf):
            best = r
        else:
            break
    return best


@pytest.mark.parametrize("conf", [0.9, 0.95, 0.99])
def test_median_rank_matches_the_definition(conf):
    for n in range(0, 160):
        assert stats._median_rank(n, conf) == _rank_by_summing(n, conf), n


def test_median_rank_textbook_value():
    # n = 100 at 95%: the interval runs from the 40th to the 61st ordered value
    values = list(range(1, 101))
    assert stats.median_ci(values) == (40, 61)


@pytest.mark.parametrize("n", [1_001, 2_500, 7_777, 20_001, 54_321])
def test_median_rank_in_floating_point_agrees_with_the_exact_walk(n, monkeypatch):
    expected = stats._median_rank_float(n, 0.95)
    monkeypatch.setattr(stats, "EXACT_MEDIAN_RANK_MAX_N", 10**9)
    assert stats._median_rank(n, 0.95) == expected
