"""Why a headline share of jobs exposed to AI depends on the mix of jobs: a weighted average.

A country's workers are split into two kinds of job, formal and informal. A share
``formal_share`` of the workers have formal jobs, the rest informal ones. If a share
``formal_exposure`` of the formal jobs and a share ``informal_exposure`` of the informal jobs
are *exposed* to AI (AI could do some of their tasks), the share of all jobs exposed is

``economy-wide exposure = formal_share x formal_exposure
                          + (1 - formal_share) x informal_exposure``

a **weighted average** of the two exposures, each counted in proportion to its share of the
workers. It lies between them, and it moves towards the exposure of the larger group. When the
two exposures are equal the mix no longer matters.

The model is a teaching device, not an estimate: it says nothing about which jobs are exposed
(the exposures are the reader's assumptions), and nothing about whether an exposed job is
helped by AI or lost to it. All shares are fractions in [0, 1]. All functions are pure and
declare their parameters with :func:`aicap.checks.validated`, so a bad value raises a
``ValueError`` naming the parameter and its range.
"""

from __future__ import annotations

from aicap.checks import Real, Relation, validated

SHARE = Real(0.0, 1.0)
#: A share of workers in formal jobs below 1, so that some informal jobs are left to adjust.
FORMAL_BELOW_ONE = Real(0.0, 1.0, include_high=False)
#: Rounding slack when checking that a headline can be reached.
_TOLERANCE = 1e-12


@validated(
    returns=SHARE,
    formal_share=SHARE,
    formal_exposure=SHARE,
    informal_exposure=SHARE,
)
def economy_wide_exposure(
    formal_share: float, formal_exposure: float, informal_exposure: float
) -> float:
    """Share of all jobs exposed to AI (0–1): the two exposures weighted by the job mix.

    Parameters
    ----------
    formal_share : share of workers in formal jobs (0–1); the rest are informal
    formal_exposure : share of formal jobs exposed to AI (0–1), an assumption
    informal_exposure : share of informal jobs exposed to AI (0–1), an assumption
    """
    return formal_share * formal_exposure + (1.0 - formal_share) * informal_exposure


def _reachable(arguments: dict) -> bool:
    low = arguments["formal_share"] * arguments["formal_exposure"]
    high = low + (1.0 - arguments["formal_share"])
    return low - _TOLERANCE <= arguments["headline"] <= high + _TOLERANCE


REACHABLE = Relation(
    "headline must lie between formal_share x formal_exposure (no informal job exposed) and "
    "that plus 1 - formal_share (every informal job exposed)",
    _reachable,
)


@validated(
    REACHABLE,
    returns=SHARE,
    headline=SHARE,
    formal_share=FORMAL_BELOW_ONE,
    formal_exposure=SHARE,
)
def informal_exposure_needed(headline: float, formal_share: float, formal_exposure: float) -> float:
    """Share of informal jobs (0–1) that must be exposed for the economy-wide share to equal
    ``headline``, given the job mix and the exposure of formal jobs: the inverse of
    :func:`economy_wide_exposure`.

    Parameters
    ----------
    headline : the economy-wide share of jobs exposed to reach (0–1)
    formal_share : share of workers in formal jobs (0 to below 1)
    formal_exposure : share of formal jobs exposed to AI (0–1)

    Raises ``ValueError`` when no share of informal jobs reaches ``headline``.
    """
    needed = (headline - formal_share * formal_exposure) / (1.0 - formal_share)
    return min(1.0, max(0.0, needed))  # only rounding can put it outside [0, 1]
