/**
 * numpy functions GradLens writes in Python over its own numpy (numpyPython.ts loads them on
 * first use): each builds its result from slicing, `concatenate`, `where`, `sort` and arithmetic
 * as numpy 1.24's own implementation does, so the numbers are numpy's and an array on the graph
 * stays on it. Only the forms listed in each docstring; others raise a clear error.
 */
export const NUMPY_PYTHON_SOURCE = `
import numpy as np
from math import floor


def _ax(axis, ndim):
    if not -ndim <= axis < ndim:
        raise np.AxisError(f"axis {axis} is out of bounds for array of dimension {ndim}")
    return axis + ndim if axis < 0 else axis


def _unwrap(r):
    # a 0-d result is numpy's scalar, as numpy's own functions give it
    return r[()] if isinstance(r, np.ndarray) and r.ndim == 0 else r


def _along(ndim, axis, part):
    index = [slice(None)] * ndim
    index[axis] = part
    return tuple(index)


def diff(a, n=1, axis=-1):
    a = np.asarray(a)
    if n < 0:
        raise ValueError("order must be non-negative but got " + repr(n))
    if n == 0:
        return a
    if a.ndim == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    ax = _ax(axis, a.ndim)
    for _ in range(n):
        hi = a[_along(a.ndim, ax, slice(1, None))]
        lo = a[_along(a.ndim, ax, slice(None, -1))]
        a = hi != lo if a.dtype.kind == "b" else hi - lo
    return a


def flip(m, axis=None):
    m = np.asarray(m)
    if axis is None:
        return m[(slice(None, None, -1),) * m.ndim]
    index = [slice(None)] * m.ndim
    for ax in axis if isinstance(axis, (tuple, list)) else (axis,):
        index[_ax(ax, m.ndim)] = slice(None, None, -1)
    return m[tuple(index)]


def fliplr(m):
    m = np.asarray(m)
    if m.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return flip(m, 1)


def flipud(m):
    m = np.asarray(m)
    if m.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return flip(m, 0)


def roll(a, shift, axis=None):
    a = np.asarray(a)
    if axis is None:
        return roll(a.ravel(), shift, 0).reshape(a.shape)
    if isinstance(axis, (tuple, list)) or isinstance(shift, (tuple, list)):
        axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,) * len(shift)
        shifts = tuple(shift) if isinstance(shift, (tuple, list)) else (shift,) * len(axes)
        if len(axes) != len(shifts):
            raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")
        for ax, s in zip(axes, shifts):
            a = roll(a, s, ax)
        return a
    ax = _ax(axis, a.ndim)
    n = a.shape[ax]
    if n == 0 or shift % n == 0:
        return a.copy()
    s = shift % n
    return np.concatenate([a[_along(a.ndim, ax, slice(n - s, None))], a[_along(a.ndim, ax, slice(None, n - s))]], axis=ax)


def tile(A, reps):
    reps = tuple(reps) if isinstance(reps, (tuple, list)) else (reps,)
    c = np.array(A)
    if len(reps) < c.ndim:
        reps = (1,) * (c.ndim - len(reps)) + reps
    c = c.reshape((1,) * (len(reps) - c.ndim) + c.shape)
    for ax, r in enumerate(reps):
        if r == 0:
            c = c[_along(c.ndim, ax, slice(0, 0))]
        elif r != 1:
            c = np.concatenate([c] * r, axis=ax)
    return c


def _pairs(value, ndim, what):
    v = np.asarray(value)
    if v.ndim == 0:
        return [(value, value)] * ndim
    rows = v.tolist()
    if v.ndim == 1:
        if len(rows) == 1:
            return [(rows[0], rows[0])] * ndim
        if len(rows) == 2:
            return [(rows[0], rows[1])] * ndim
    if v.ndim == 2 and len(rows[0]) == 2 and len(rows) in (1, ndim):
        return [tuple(r) for r in rows] * (ndim if len(rows) == 1 else 1)
    raise ValueError(f"operands could not be broadcast together with remapped shapes [original->remapped]: {v.shape} and requested shape ({ndim},2)")


def pad(array, pad_width, mode="constant", constant_values=0):
    if mode != "constant":
        raise NotImplementedError(f"GradLens's np.pad has only mode='constant', not {mode!r}")
    a = np.asarray(array)
    widths = _pairs(pad_width, a.ndim, "pad_width")
    values = _pairs(constant_values, a.ndim, "constant_values")
    out = a
    for ax in range(a.ndim):
        before, after = widths[ax]
        if before < 0 or after < 0:
            raise ValueError("index can't contain negative values")
        first = list(out.shape)
        first[ax] = before
        last = list(out.shape)
        last[ax] = after
        out = np.concatenate(
            [np.full(first, values[ax][0], dtype=a.dtype), out, np.full(last, values[ax][1], dtype=a.dtype)], axis=ax
        )
    return out


def tril(m, k=0):
    m = np.asarray(m)
    mask = np.arange(m.shape[-2])[:, None] + k >= np.arange(m.shape[-1])[None, :]
    return np.where(mask, m, np.zeros(1, m.dtype))


def triu(m, k=0):
    m = np.asarray(m)
    mask = np.arange(m.shape[-2])[:, None] + (k - 1) >= np.arange(m.shape[-1])[None, :]
    return np.where(mask, np.zeros(1, m.dtype), m)


def diag(v, k=0):
    v = np.asarray(v)
    if v.ndim == 1:
        n = v.shape[0] + abs(k)
        res = np.zeros((n, n), v.dtype)
        i = np.arange(v.shape[0])
        if k >= 0:
            res[i, i + k] = v
        else:
            res[i - k, i] = v
        return res
    if v.ndim == 2:
        rows, cols = v.shape
        n = max(0, min(rows, cols - k)) if k >= 0 else max(0, min(rows + k, cols))
        i = np.arange(n)
        return v[i, i + k] if k >= 0 else v[i - k, i]
    raise ValueError("Input must be 1- or 2-d.")


def trace(a, offset=0):
    return diag(a, offset).sum()


def count_nonzero(a, axis=None, *, keepdims=False):
    a = np.asarray(a)
    if axis is None and not keepdims:
        return int((a != 0).sum())
    return (a != 0).sum(axis=axis, keepdims=keepdims)


def atleast_1d(a):
    a = np.asarray(a)
    return a.reshape(1) if a.ndim == 0 else a


def atleast_2d(a):
    a = np.asarray(a)
    if a.ndim == 0:
        return a.reshape(1, 1)
    return a[np.newaxis, :] if a.ndim == 1 else a


def array_split(ary, indices_or_sections, axis=0):
    a = np.asarray(ary)
    ax = _ax(axis, a.ndim)
    n = a.shape[ax]
    if isinstance(indices_or_sections, (list, tuple)) or np.ndim(indices_or_sections) == 1:
        bounds = [0] + [int(i) for i in indices_or_sections] + [n]
    else:
        sections = int(indices_or_sections)
        if sections <= 0:
            raise ValueError("number sections must be larger than 0.")
        each, extra = divmod(n, sections)
        sizes = [0] + extra * [each + 1] + (sections - extra) * [each]
        bounds = [sum(sizes[: i + 1]) for i in range(len(sizes))]
    return [a[_along(a.ndim, ax, slice(bounds[i], bounds[i + 1]))] for i in range(len(bounds) - 1)]


def split(ary, indices_or_sections, axis=0):
    if not (isinstance(indices_or_sections, (list, tuple)) or np.ndim(indices_or_sections) == 1):
        n = np.asarray(ary).shape[axis]
        if n % indices_or_sections:
            raise ValueError("array split does not result in an equal division")
    return array_split(ary, indices_or_sections, axis)


def _sorted_along(a, axis):
    if axis is None:
        return np.sort(a.ravel()), 0
    ax = _ax(axis, a.ndim)
    return np.sort(a, axis=ax), ax


def median(a, axis=None, keepdims=False):
    a = np.asarray(a)
    s, ax = _sorted_along(a, axis)
    n = s.shape[ax]
    middle = slice(n // 2, n // 2 + 1) if n % 2 == 1 else slice(n // 2 - 1, n // 2 + 1)
    r = np.mean(s[_along(s.ndim, ax, middle)], axis=ax)
    if s.dtype.kind == "f":
        r = _unwrap(np.where(np.isnan(s[_along(s.ndim, ax, slice(-1, None))]).reshape(np.shape(r)), np.nan, r))
    if keepdims:
        r = np.asarray(r).reshape([1] * a.ndim if axis is None else [1 if i == ax else d for i, d in enumerate(a.shape)])
    return r


def _quantile(a, q, axis, keepdims, what):
    a = np.asarray(a)
    if a.dtype.kind in "iub":
        a = a.astype(np.float64)
    qa = np.asarray(q, dtype=np.float64)
    if np.any(qa < 0) or np.any(qa > 1):
        raise ValueError(f"{what} must be in the range [0, {100 if what == 'Percentiles' else 1}]")
    if qa.ndim > 0 and axis is not None:
        raise NotImplementedError("GradLens's quantiles take one q with an axis")
    s, ax = _sorted_along(a, axis)
    n = s.shape[ax]
    # numpy's 'linear' method: virtual index (n - 1) * q
    virtual = (n - 1) * qa
    below = np.floor(virtual)
    above = np.where(virtual >= n - 1, n - 1, below + 1)
    below = np.where(virtual >= n - 1, n - 1, np.where(virtual < 0, 0, below))
    above = np.where(virtual < 0, 0, above)
    gamma = virtual - np.floor(virtual)
    lo = np.take(s, below.astype(np.int64), axis=ax)
    hi = np.take(s, above.astype(np.int64), axis=ax)
    d = hi - lo
    r = np.where(gamma >= 0.5, hi - d * (1 - gamma), lo + d * gamma)
    if s.dtype.kind == "f" and s.size > 0:
        r = np.where(np.isnan(np.take(s, [n - 1], axis=ax)).reshape(np.shape(r)) if qa.ndim == 0 else np.isnan(s[-1]), np.nan, r)
    if keepdims and qa.ndim == 0:
        r = np.asarray(r).reshape([1] * a.ndim if axis is None else [1 if i == ax else dim for i, dim in enumerate(a.shape)])
    return _unwrap(r)


def quantile(a, q, axis=None, keepdims=False):
    return _quantile(a, q, axis, keepdims, "Quantiles")


def percentile(a, q, axis=None, keepdims=False):
    return _quantile(a, np.true_divide(q, 100), axis, keepdims, "Percentiles")


def take(a, indices, axis=None):
    a = np.asarray(a)
    if axis is None:
        return a.ravel()[indices]
    return a[_along(a.ndim, _ax(axis, a.ndim), indices)]


def argwhere(a):
    return np.transpose(np.nonzero(np.asarray(a)))


def flatnonzero(a):
    return np.nonzero(np.ravel(a))[0]


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    x = np.array(x, copy=copy) if copy else np.asarray(x)
    if x.dtype.kind != "f":
        return x
    big = 3.4028234663852886e38 if x.dtype.itemsize == 4 else 1.7976931348623157e308
    hi = big if posinf is None else posinf
    lo = -big if neginf is None else neginf
    return np.where(np.isnan(x), nan, np.where(x == np.inf, hi, np.where(x == -np.inf, lo, x))).astype(x.dtype)


def sinc(x):
    # sin(πx)/(πx), with 0 read as 1e-20 so that sinc(0) is sin(πε)/(πε) = 1, as numpy computes it
    x = np.asarray(x)
    t = np.pi * np.where(x == 0, 1.0e-20, x)
    return _unwrap(np.sin(t) / t)


def nansum(a, axis=None, keepdims=False):
    a = np.asarray(a)
    return np.where(np.isnan(a), 0, a).sum(axis=axis, keepdims=keepdims) if a.dtype.kind == "f" else a.sum(axis=axis, keepdims=keepdims)


def nanmean(a, axis=None, keepdims=False):
    a = np.asarray(a)
    if a.dtype.kind != "f":
        return np.mean(a, axis=axis, keepdims=keepdims)
    keep = ~np.isnan(a)
    return np.where(keep, a, 0).sum(axis=axis, keepdims=keepdims) / keep.sum(axis=axis, keepdims=keepdims)


def logspace(start, stop, num=50, endpoint=True, base=10.0):
    return np.power(base, np.linspace(start, stop, num, endpoint=endpoint))


def amax(a, axis=None, keepdims=False):
    return np.max(a, axis=axis, keepdims=keepdims)


def amin(a, axis=None, keepdims=False):
    return np.min(a, axis=axis, keepdims=keepdims)


def ptp(a, axis=None, keepdims=False):
    return np.max(a, axis=axis, keepdims=keepdims) - np.min(a, axis=axis, keepdims=keepdims)


def cumprod(a, axis=None):
    a = np.asarray(a)
    if axis is None:
        a, ax = a.ravel(), 0
    else:
        ax = _ax(axis, a.ndim)
    if a.dtype.kind in "bi" and a.dtype.itemsize < 8:
        a = a.astype(np.int64)
    n = a.shape[ax]
    if n == 0:
        return a.copy()
    # a running product along the axis, one multiplication a step, as numpy's loop does
    acc = a[_along(a.ndim, ax, slice(0, 1))]
    parts = [acc]
    for i in range(1, n):
        acc = acc * a[_along(a.ndim, ax, slice(i, i + 1))]
        parts.append(acc)
    return np.concatenate(parts, axis=ax)


def gradient(f, *varargs):
    f = np.asarray(f)
    if f.ndim != 1 or len(varargs) > 1 or (varargs and np.ndim(varargs[0]) != 0):
        raise NotImplementedError("GradLens's np.gradient takes a 1-d array and one scalar spacing")
    if f.shape[0] < 2:
        raise ValueError("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.")
    if f.dtype.kind in "iub":
        f = f.astype(np.float64)
    dx = varargs[0] if varargs else 1.0
    inner = (f[2:] - f[:-2]) / (2.0 * dx)
    return np.concatenate([(f[1:2] - f[0:1]) / dx, inner, (f[-1:] - f[-2:-1]) / dx])


def searchsorted(a, v, side="left", sorter=None):
    a = np.asarray(a)
    if sorter is not None:
        a = a[np.asarray(sorter)]
    vv = np.asarray(v)
    flat = vv.ravel()
    if side == "left":
        count = (a[None, :] < flat[:, None]).sum(axis=1)
    elif side == "right":
        count = (a[None, :] <= flat[:, None]).sum(axis=1)
    else:
        raise ValueError(f"side must be 'left' or 'right' (got {side!r})")
    return count[0] if vv.ndim == 0 else count.reshape(vv.shape)


def digitize(x, bins, right=False):
    x = np.asarray(x)
    bins = np.asarray(bins)
    d = np.diff(bins)
    if np.all(d >= 0):
        return searchsorted(bins, x, side="left" if right else "right")
    if np.all(d <= 0):
        return len(bins) - searchsorted(bins[::-1], x, side="left" if right else "right")
    raise ValueError("bins must be monotonically increasing or decreasing")


def interp(x, xp, fp, left=None, right=None):
    xa = np.asarray(x, dtype=np.float64)
    xp = np.asarray(xp, dtype=np.float64)
    fp = np.asarray(fp, dtype=np.float64)
    if xp.ndim != 1 or fp.ndim != 1:
        raise ValueError("object too deep for desired array")
    if xp.shape[0] != fp.shape[0]:
        raise ValueError("fp and xp are not of the same length.")
    if xp.shape[0] == 0:
        raise ValueError("array of sample points is empty")
    flat = xa.ravel()
    last = xp.shape[0] - 1
    j = np.minimum(np.maximum(searchsorted(xp, flat, side="right") - 1, 0), max(last - 1, 0))
    k = np.minimum(j + 1, last)
    x0, x1, f0, f1 = xp[j], xp[k], fp[j], fp[k]
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = (f1 - f0) / (x1 - x0)
        res = slope * (flat - x0) + f0
        res = np.where(np.isnan(res), slope * (flat - x1) + f1, res)
    res = np.where(flat == x0, f0, res)
    res = np.where(flat >= xp[last], fp[last] if right is None else right, res)
    res = np.where(flat < xp[0], fp[0] if left is None else left, res)
    return res[0] if xa.ndim == 0 else res.reshape(xa.shape)


def histogram(a, bins=10, range=None, weights=None, density=False):
    a = np.asarray(a).ravel()
    w = None if weights is None else np.asarray(weights).ravel()
    if np.ndim(bins) == 0:
        n_bins = int(bins)
        if n_bins < 1:
            raise ValueError("\`bins\` must be positive, when an integer")
        if range is not None:
            first, last = float(range[0]), float(range[1])
            if first > last:
                raise ValueError("max must be larger than min in range parameter.")
        elif a.size == 0:
            first, last = 0.0, 1.0
        else:
            first, last = float(a.min()), float(a.max())
        if first == last:
            first, last = first - 0.5, last + 0.5
        edges = np.linspace(first, last, n_bins + 1)
        keep = (a >= first) & (a <= last)
        x = a[keep].astype(np.float64)
        ww = None if w is None else w[keep]
        # numpy's index from the scaled distance, corrected against the edges themselves
        idx = ((x - first) / (last - first) * n_bins).astype(np.int64)
        idx = np.where(idx == n_bins, n_bins - 1, idx)
        idx = np.where(x < edges[idx], idx - 1, idx)
        idx = np.where((x >= edges[idx + 1]) & (idx != n_bins - 1), idx + 1, idx)
        counts = np.bincount(idx, weights=ww, minlength=n_bins)
    else:
        edges = np.asarray(bins)
        if np.any(edges[:-1] > edges[1:]):
            raise ValueError("\`bins\` must increase monotonically, when an array")
        order = np.argsort(a)
        sa = a[order]
        if w is None:
            cum = np.concatenate([searchsorted(sa, edges[:-1], "left"), [searchsorted(sa, edges[-1], "right")]])
            counts = np.diff(cum)
        else:
            cw = np.concatenate([[0.0], np.cumsum(w[order])])
            cum = np.concatenate([searchsorted(sa, edges[:-1], "left"), [searchsorted(sa, edges[-1], "right")]])
            counts = np.diff(cw[cum])
    if density:
        widths = np.diff(edges)
        return counts / widths / counts.sum(), edges
    return counts, edges


def isin(element, test_elements, invert=False):
    e = np.asarray(element)
    t = np.asarray(test_elements).ravel()
    found = (e[..., None] == t).any(axis=-1)
    return ~found if invert else found


def union1d(ar1, ar2):
    return np.unique(np.concatenate([np.ravel(ar1), np.ravel(ar2)]))


def intersect1d(ar1, ar2):
    a = np.unique(ar1)
    return a[isin(a, np.unique(ar2))]


def setdiff1d(ar1, ar2):
    a = np.unique(ar1)
    return a[isin(a, ar2, invert=True)]


def cov(m, y=None, rowvar=True, bias=False, ddof=None):
    X = np.array(m, dtype=np.float64)
    if X.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    X = X.reshape(1, -1) if X.ndim < 2 else X
    if not rowvar and X.shape[0] != 1:
        X = X.T
    if y is not None:
        Y = np.array(y, dtype=np.float64)
        Y = Y.reshape(1, -1) if Y.ndim < 2 else Y
        if not rowvar and Y.shape[0] != 1:
            Y = Y.T
        X = np.concatenate((X, Y), axis=0)
    if ddof is None:
        ddof = 0 if bias else 1
    fact = X.shape[1] - ddof
    X = X - X.mean(axis=1)[:, None]
    # numpy multiplies by the reciprocal of the count, not divides by it
    c = np.dot(X, X.T) * np.true_divide(1, fact)
    return _unwrap(np.squeeze(c))


def corrcoef(x, y=None, rowvar=True):
    c = np.asarray(cov(x, y, rowvar))
    if c.ndim == 0:
        return c / c
    stddev = np.sqrt(np.diag(c))
    c = c / stddev[:, None]
    c = c / stddev[None, :]
    return np.clip(c, -1, 1)


def cross(a, b):
    a = np.asarray(a)
    b = np.asarray(b)
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\\n(dimension must be 2 or 3)")
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        return a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]
    a0, a1 = a[..., 0], a[..., 1]
    b0, b1 = b[..., 0], b[..., 1]
    a2 = a[..., 2] if a.shape[-1] == 3 else np.zeros_like(a0)
    b2 = b[..., 2] if b.shape[-1] == 3 else np.zeros_like(b0)
    return np.stack([a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0], axis=-1)


def kron(a, b):
    a = np.asarray(a)
    b = np.asarray(b)
    if a.ndim == 1 and b.ndim == 1:
        return np.outer(a, b).ravel()
    if a.ndim == 2 and b.ndim == 2:
        return (a[:, None, :, None] * b[None, :, None, :]).reshape(a.shape[0] * b.shape[0], a.shape[1] * b.shape[1])
    raise NotImplementedError("GradLens's np.kron takes two 1-d or two 2-d arrays")


class _Grid:
    """np.mgrid / np.ogrid with integer or float steps (not numpy's complex 'number of points')."""

    def __init__(self, sparse):
        self.sparse = sparse

    def __getitem__(self, key):
        single = not isinstance(key, tuple)
        keys = (key,) if single else key
        axes = []
        for k in keys:
            if type(k).__name__ != "slice":
                raise NotImplementedError("GradLens's np.mgrid/np.ogrid take slices")
            axes.append(np.arange(0 if k.start is None else k.start, k.stop, 1 if k.step is None else k.step))
        if single:
            return axes[0]
        shape = [len(ax) for ax in axes]
        out = []
        for i, ax in enumerate(axes):
            view = [1] * len(axes)
            view[i] = shape[i]
            v = ax.reshape(view)
            out.append(v if self.sparse else v + np.zeros(shape, dtype=v.dtype))
        return out if self.sparse else np.array(out)


mgrid = _Grid(False)
ogrid = _Grid(True)
`;
