/**
 * The part of SciPy the lectures and primers use, written in Python on GradLens's numpy and
 * run as library code: `scipy.stats.norm` (makemore part 3 draws the normal density next to a
 * batch-normalised batch) and `scipy.special`'s sigmoid, logit, softmax and logsumexp (numpy
 * primers use `expit` as their activation). The formulas are SciPy's, element by element, so
 * the numbers are SciPy's: each value is computed the way SciPy's kernel computes it (for
 * `norm.pdf`, `exp(-z**2/2) / sqrt(2*pi) / scale` in float64). Anything else of SciPy is a
 * ModuleNotFoundError or an AttributeError that says GradLens lacks it.
 */
export const SCIPY_STATS_SOURCE = `
import numpy as np

_SQRT_2PI = np.sqrt(2 * np.pi)
_LOG_SQRT_2PI = np.log(_SQRT_2PI)


def _standardised(x, loc, scale):
    # SciPy evaluates in float64 at least, after subtracting and dividing in the inputs' types
    x = np.asarray(x)
    loc = np.asarray(loc)
    scale = np.asarray(scale)
    z = np.asarray((x - loc) / scale, dtype=np.result_type(x.dtype, np.float64))
    bad = ~(scale > 0) | np.isnan(z)
    inside = (scale > 0) & (z > -np.inf) & (z < np.inf)
    return z, scale, bad, inside


def _scalar_if_0d(out):
    return out[()] if isinstance(out, np.ndarray) and out.ndim == 0 else out


class rv_frozen:
    def __init__(self, dist, loc, scale):
        self.dist = dist
        self.loc = loc
        self.scale = scale
        self.args = ()
        self.kwds = {"loc": loc, "scale": scale}

    def pdf(self, x):
        return self.dist.pdf(x, self.loc, self.scale)

    def logpdf(self, x):
        return self.dist.logpdf(x, self.loc, self.scale)

    def rvs(self, size=None, random_state=None):
        return self.dist.rvs(self.loc, self.scale, size=size, random_state=random_state)

    def mean(self):
        return self.dist.mean(self.loc, self.scale)

    def median(self):
        return self.dist.median(self.loc, self.scale)

    def var(self):
        return self.dist.var(self.loc, self.scale)

    def std(self):
        return self.dist.std(self.loc, self.scale)

    def __getattr__(self, name):
        raise AttributeError(f"GradLens's scipy.stats.norm has no '{name}'")


class norm_gen:
    name = "norm"

    def __call__(self, loc=0, scale=1):
        return rv_frozen(self, loc, scale)

    def pdf(self, x, loc=0, scale=1):
        z, scale, bad, inside = _standardised(x, loc, scale)
        with np.errstate(all="ignore"):
            density = np.exp(-z**2 / 2.0) / _SQRT_2PI / scale
        out = np.where(inside, density, 0.0)
        return _scalar_if_0d(np.where(bad, np.nan, out))

    def logpdf(self, x, loc=0, scale=1):
        z, scale, bad, inside = _standardised(x, loc, scale)
        with np.errstate(all="ignore"):
            log_density = -z**2 / 2.0 - _LOG_SQRT_2PI - np.log(scale)
        out = np.where(inside, log_density, -np.inf)
        return _scalar_if_0d(np.where(bad, np.nan, out))

    def rvs(self, loc=0, scale=1, size=None, random_state=None):
        if not np.all(np.asarray(scale) >= 0):
            raise ValueError(
                "Domain error in arguments. The \`scale\` parameter must be positive for all "
                "distributions, and many distributions have restrictions on shape parameters. "
                "Please see the \`scipy.stats.norm\` documentation for details."
            )
        if random_state is None:
            source = np.random
        elif isinstance(random_state, int):
            source = np.random.RandomState(random_state)
        else:
            source = random_state
        return source.standard_normal(size) * scale + loc

    def mean(self, loc=0, scale=1):
        return _scalar_if_0d(np.asarray(loc + scale * 0.0, dtype=np.float64))

    def median(self, loc=0, scale=1):
        return self.mean(loc, scale)

    def var(self, loc=0, scale=1):
        return _scalar_if_0d(np.asarray(scale * scale * 1.0, dtype=np.float64))

    def std(self, loc=0, scale=1):
        return _scalar_if_0d(np.sqrt(self.var(loc, scale)))

    def __getattr__(self, name):
        raise AttributeError(f"GradLens's scipy.stats.norm has no '{name}'")

    def __repr__(self):
        return "<scipy.stats._continuous_distns.norm_gen object>"


norm = norm_gen()


def __getattr__(name):
    raise AttributeError(f"GradLens's scipy.stats has only norm, not '{name}'")
`;

export const SCIPY_SPECIAL_SOURCE = `
import numpy as np


def expit(x):
    x = np.asarray(x)
    if x.dtype.kind in "iub":
        x = x.astype(np.float64)
    one = x.dtype.type(1)
    with np.errstate(over="ignore"):
        return _scalar_if_0d(one / (one + np.exp(-x)))


def logit(x):
    x = np.asarray(x)
    if x.dtype.kind in "iub":
        x = x.astype(np.float64)
    one = x.dtype.type(1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return _scalar_if_0d(np.log(x / (one - x)))


def softmax(x, axis=None):
    x = np.asarray(x)
    shifted = np.exp(x - np.amax(x, axis=axis, keepdims=True))
    return shifted / np.sum(shifted, axis=axis, keepdims=True)


def _finite_max(x, axis):
    # The largest value along axis, or 0 where it is infinite or NaN, so that subtracting it
    # keeps exp from overflowing without turning an all -inf slice into NaN.
    top = np.amax(x, axis=axis, keepdims=True)
    if top.ndim > 0:
        top[~np.isfinite(top)] = 0
    elif not np.isfinite(top):
        top = 0
    return top


def log_softmax(x, axis=None):
    x = np.asarray(x)
    shifted = x - _finite_max(x, axis)
    with np.errstate(divide="ignore"):
        return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def logsumexp(a, axis=None, keepdims=False):
    a = np.asarray(a)
    top = _finite_max(a, axis)
    with np.errstate(divide="ignore"):
        out = np.log(np.sum(np.exp(a - top), axis=axis, keepdims=keepdims))
    if not keepdims:
        top = np.squeeze(top, axis=axis)
    return out + top


def _scalar_if_0d(out):
    return out[()] if isinstance(out, np.ndarray) and out.ndim == 0 else out


def __getattr__(name):
    raise AttributeError(
        f"GradLens's scipy.special has only expit, logit, softmax, log_softmax and logsumexp, not '{name}'"
    )
`;
