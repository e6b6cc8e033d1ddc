/**
 * Still more numpy functions in Python over GradLens's numpy (loaded after numpyPythonSource.ts
 * and numpyPythonIndexing.ts, whose helpers `_ax`, `_along`, `_unwrap`, `split`, `median`,
 * `quantile`, `cumprod`, `isin`, `indices` and `convolve` they use): broadcasting
 * (`broadcast_arrays`, `broadcast_shapes`), `vectorize` and `apply_along_axis`, indexed reads and
 * writes (`take_along_axis`, `put_along_axis`, `choose`, `compress`, `put`, `putmask`, `place`,
 * `fill_diagonal`), index builders (`triu_indices`, `ix_`, `s_`, `ndenumerate`), `select`,
 * `piecewise`, `block`, the split family, `resize`, `trim_zeros`, `rollaxis`; the NaN-skipping
 * reductions, `trapz`, `vdot`, `geomspace`, `lexsort`, `partition`/`argpartition` (numpy's
 * introselect, so the unordered items land where numpy's do), `correlate`, `histogram2d`, `fromiter`,
 * `issubdtype`, the print helpers (`printoptions`, `array_str`, `array_repr`, `array2string`) and
 * numpy 1.24's aliases of constants and of the float64/bool_/intp types. Each does what numpy
 * 1.24's does, in its order of operations, so values and dtypes are numpy's.
 */
export const NUMPY_PYTHON_BREADTH_SOURCE = `

def broadcast_shapes(*args):
    shapes = [(s,) if isinstance(s, int) else tuple(s) for s in args]
    ndim = max([len(s) for s in shapes], default=0)
    out = []
    for d in range(ndim):
        size, owner = 1, 0
        for i, s in enumerate(shapes):
            n = s[d - ndim + len(s)] if d - ndim + len(s) >= 0 else 1
            if n != 1:
                if size == 1:
                    size, owner = n, i
                elif n != size:
                    raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is "
                                     f"between arg {owner} with shape {shapes[owner]} and arg {i} with shape {s}.")
        out.append(size)
    return tuple(out)


def broadcast_arrays(*args, subok=False):
    arrays = [np.asarray(a) for a in args]
    shape = broadcast_shapes(*[a.shape for a in arrays])
    return [a if a.shape == shape else np.broadcast_to(a, shape) for a in arrays]


class vectorize:
    """np.vectorize: calls pyfunc element by element over the broadcast arguments (no signature, excluded or cache)."""

    def __init__(self, pyfunc, otypes=None, doc=None, excluded=None, cache=False, signature=None):
        if excluded or signature is not None:
            raise NotImplementedError("GradLens's np.vectorize takes no excluded or signature")
        self.pyfunc = pyfunc
        if isinstance(otypes, str):
            otypes = list(otypes)
        self.otypes = None if otypes is None else [np.dtype(t) for t in otypes]
        self.__doc__ = pyfunc.__doc__ if doc is None else doc

    def __call__(self, *args, **kwargs):
        if not args:
            return np.asarray(self.pyfunc(**kwargs))
        arrays = broadcast_arrays(*args)
        shape = arrays[0].shape
        flats = [a.ravel() for a in arrays]
        size = flats[0].size
        if size == 0 and self.otypes is None:
            raise ValueError("cannot call \`vectorize\` on size 0 inputs unless \`otypes\` is set")
        results = [self.pyfunc(*[f[i] for f in flats], **kwargs) for i in range(size)]
        otypes = self.otypes
        if otypes is None:
            first = results[0]
            otypes = [np.asarray(r).dtype for r in first] if isinstance(first, tuple) else [np.asarray(first).dtype]
        if len(otypes) == 1:
            return np.array(results, dtype=otypes[0]).reshape(shape)
        return tuple(np.array([r[k] for r in results], dtype=t).reshape(shape) for k, t in enumerate(otypes))


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    arr = np.asarray(arr)
    ax = _ax(axis, arr.ndim)
    moved = np.moveaxis(arr, ax, -1)
    outer = moved.shape[:-1]
    if 0 in outer:
        raise ValueError("Cannot apply_along_axis when any iteration dimensions are 0")
    results = [np.asarray(func1d(moved[ind], *args, **kwargs)) for ind in np.ndindex(outer)]
    first = results[0]
    out = np.stack(results).astype(first.dtype).reshape(outer + first.shape)
    dims = list(range(out.ndim))
    n = len(outer)
    return np.transpose(out, dims[:ax] + dims[n:] + dims[ax:n])


def _along_index(arr, indices, axis):
    if indices.dtype.kind not in "iu":
        raise IndexError("\`indices\` must be an integer array")
    if indices.ndim != arr.ndim:
        raise ValueError("\`indices\` and \`arr\` must have the same number of dimensions")
    index = []
    for d in range(arr.ndim):
        if d == axis:
            index.append(indices)
        else:
            view = [1] * arr.ndim
            view[d] = arr.shape[d]
            index.append(np.arange(arr.shape[d]).reshape(view))
    return tuple(index)


def take_along_axis(arr, indices, axis):
    arr = np.asarray(arr)
    indices = np.asarray(indices)
    if axis is None:
        arr = arr.ravel()
        axis = 0
    return arr[_along_index(arr, indices, _ax(axis, arr.ndim))]


def put_along_axis(arr, indices, values, axis):
    indices = np.asarray(indices)
    if axis is None:
        if arr.ndim != 1:
            raise NotImplementedError("GradLens's np.put_along_axis with axis=None takes a 1-d array")
        axis = 0
    arr[_along_index(arr, indices, _ax(axis, arr.ndim))] = values


def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    choices = [np.asarray(c) for c in choicelist]
    conds = [np.asarray(c) for c in condlist]
    for i, c in enumerate(conds):
        if c.dtype.kind != "b":
            raise TypeError(f"invalid entry {i} in condlist: should be boolean ndarray")
    result = np.asarray(default)
    for c, v in zip(reversed(conds), reversed(choices)):
        result = np.where(c, v, result)
    return result


def piecewise(x, condlist, funclist, *args, **kw):
    x = np.asarray(x)
    n2 = len(funclist)
    if np.isscalar(condlist) or (not isinstance(condlist[0], (list, np.ndarray)) and x.ndim != 0):
        condlist = [condlist]
    conds = [np.asarray(c, dtype=bool) for c in condlist]
    n = len(conds)
    if n == n2 - 1:
        rest = np.zeros(x.shape, dtype=bool)
        for c in conds:
            rest = rest | c
        conds.append(~rest)
    elif n != n2:
        raise ValueError(f"with {n} condition(s), either {n} or {n + 1} functions are expected")
    flat = x.reshape(-1)
    y = np.zeros(flat.shape, dtype=x.dtype)
    for c, func in zip(conds, funclist):
        c = np.broadcast_to(c, x.shape).reshape(-1)
        if not callable(func):
            y[c] = func
        else:
            vals = flat[c]
            if vals.size > 0:
                y[c] = func(vals, *args, **kw)
    return y.reshape(x.shape)


def choose(a, choices, out=None, mode="raise"):
    if out is not None:
        raise NotImplementedError("GradLens's np.choose takes no out=")
    a = np.asarray(a)
    if a.dtype.kind not in "iub":
        raise TypeError("Cannot cast array data from dtype('" + str(a.dtype) + "') to dtype('int64') according to the rule 'safe'")
    n = len(choices)
    if mode == "raise":
        if a.size and (a.min() < 0 or a.max() >= n):
            raise ValueError("invalid entry in choice array")
    elif mode == "clip":
        a = np.clip(a, 0, n - 1)
    elif mode == "wrap":
        a = a % n
    else:
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got '{mode}')")
    arrays = broadcast_arrays(a, *choices)
    stacked = np.stack(arrays[1:])
    return _unwrap(take_along_axis(stacked, arrays[0][None].astype(np.int64), 0)[0])


def compress(condition, a, axis=None, out=None):
    condition = np.asarray(condition)
    if condition.ndim != 1:
        raise ValueError("condition must be a 1-d array")
    a = np.asarray(a)
    if axis is None:
        a = a.ravel()
        axis = 0
    return np.take(a, np.nonzero(condition)[0], axis=_ax(axis, a.ndim))


def extract(condition, arr):
    return np.take(np.ravel(arr), np.nonzero(np.ravel(condition))[0])


def resize(a, new_shape):
    shape = (new_shape,) if isinstance(new_shape, int) else tuple(new_shape)
    a = np.ravel(a)
    size = 1
    for n in shape:
        if n < 0:
            raise ValueError("all elements of \`new_shape\` must be non-negative")
        size *= n
    if a.size == 0 or size == 0:
        return np.zeros(shape, dtype=a.dtype)
    repeats = -(-size // a.size)
    return np.concatenate((a,) * repeats)[:size].reshape(shape)


def putmask(a, mask, values):
    if not isinstance(a, np.ndarray):
        raise TypeError(f"putmask() argument 1 must be numpy.ndarray, not {type(a).__name__}")
    mask = np.asarray(mask, dtype=bool)
    if mask.size != a.size:
        raise ValueError("putmask: mask and data must be the same size")
    v = np.asarray(values)
    if v.size == 0:
        return None
    mask = mask.reshape(a.shape)
    a[mask] = resize(v, a.shape)[mask]


def place(arr, mask, vals):
    if not isinstance(arr, np.ndarray):
        raise TypeError(f"argument 1 must be numpy.ndarray, not {type(arr).__name__}")
    mask = np.asarray(mask, dtype=bool)
    if mask.size != arr.size:
        raise ValueError("place: mask and data must be the same size")
    mask = mask.reshape(arr.shape)
    n = int(np.count_nonzero(mask))
    v = np.ravel(vals)
    if v.size == 0:
        if n > 0:
            raise ValueError("Cannot insert from an empty array!")
        return None
    arr[mask] = resize(v, n)


def put(a, ind, v, mode="raise"):
    if not isinstance(a, np.ndarray):
        raise TypeError(f"argument 1 must be numpy.ndarray, not {type(a).__name__}")
    ind = np.ravel(np.asarray(ind)).astype(np.int64)
    v = np.ravel(v)
    if ind.size == 0 or v.size == 0:
        return None
    size = a.size
    if mode == "raise":
        for i in ind:
            if not -size <= i < size:
                raise IndexError(f"index {i} is out of bounds for axis 0 with size {size}")
        ind = ind % size
    elif mode == "clip":
        ind = np.clip(ind, 0, size - 1)
    elif mode == "wrap":
        ind = ind % size
    else:
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got '{mode}')")
    a[np.unravel_index(ind, a.shape)] = resize(v, ind.size)


def fill_diagonal(a, val, wrap=False):
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    end = None
    if a.ndim == 2:
        step = a.shape[1] + 1
        if not wrap:
            end = a.shape[1] * a.shape[1]
    else:
        for n in a.shape:
            if n != a.shape[0]:
                raise ValueError("All dimensions of input must be of equal length")
        step = 1
        stride = 1
        for n in a.shape[:-1]:
            stride *= n
            step += stride
    stop = a.size if end is None else min(end, a.size)
    put(a, np.arange(0, stop, step), val)


def triu_indices(n, k=0, m=None):
    m = n if m is None else m
    return np.nonzero(np.triu(np.ones((n, m), dtype=bool), k))


def tril_indices(n, k=0, m=None):
    m = n if m is None else m
    return np.nonzero(np.tril(np.ones((n, m), dtype=bool), k))


def _square_2d(arr):
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return arr.shape


def triu_indices_from(arr, k=0):
    n, m = _square_2d(arr)
    return triu_indices(n, k, m)


def tril_indices_from(arr, k=0):
    n, m = _square_2d(arr)
    return tril_indices(n, k, m)


def diag_indices(n, ndim=2):
    idx = np.arange(n)
    return (idx,) * ndim


def diag_indices_from(arr):
    if arr.ndim < 2:
        raise ValueError("input array must be at least 2-d")
    for n in arr.shape:
        if n != arr.shape[0]:
            raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(arr.shape[0], arr.ndim)


def ix_(*args):
    out = []
    nd = len(args)
    for k, new in enumerate(args):
        if not isinstance(new, np.ndarray):
            new = np.asarray(new)
            if new.size == 0:
                new = new.astype(np.int64)
        if new.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if new.dtype.kind == "b":
            new = np.nonzero(new)[0]
        out.append(new.reshape((1,) * k + (new.size,) + (1,) * (nd - k - 1)))
    return tuple(out)


class _IndexExpression:
    def __init__(self, maketuple):
        self.maketuple = maketuple

    def __getitem__(self, item):
        if self.maketuple and not isinstance(item, tuple):
            return (item,)
        return item


index_exp = _IndexExpression(True)
s_ = _IndexExpression(False)


class ndenumerate:
    def __init__(self, arr):
        self.arr = np.asarray(arr)
        self.index = np.ndindex(self.arr.shape)

    def __iter__(self):
        return self

    def __next__(self):
        ind = next(self.index)
        return ind, self.arr[ind]


def row_stack(tup):
    return np.vstack(tup)


def _block_depth(arrays, where):
    # (list depth, largest ndim, index of the first leaf), checking that all leaves are equally deep
    if isinstance(arrays, tuple):
        raise TypeError(f"arrays{where} is a tuple. Only lists can be used to arrange blocks, and np.block does not allow implicit conversion from tuple to ndarray.")
    if not isinstance(arrays, list):
        return where.count("["), np.ndim(arrays), where
    if len(arrays) == 0:
        raise ValueError(f"List at arrays{where} cannot be empty")
    first = None
    ndim = 0
    for i, item in enumerate(arrays):
        d, n, leaf = _block_depth(item, where + f"[{i}]")
        if first is None:
            first = (d, n, leaf)
        elif d != first[0]:
            raise ValueError(f"List depths are mismatched. First element was at depth {first[0]}, but there is an element at depth {d} (arrays{leaf})")
        ndim = max(ndim, n)
    return first[0], ndim, first[2]


def _block(arrays, level, depth, ndim):
    if level == depth:
        a = np.asarray(arrays)
        return a.reshape((1,) * (ndim - a.ndim) + a.shape)
    return np.concatenate([_block(x, level + 1, depth, ndim) for x in arrays], axis=level - depth)


def block(arrays):
    depth, ndim, _ = _block_depth(arrays, "")
    return _block(arrays, 0, depth, max(ndim, depth))


def hsplit(ary, indices_or_sections):
    if np.ndim(ary) == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(ary, indices_or_sections, 1 if np.ndim(ary) > 1 else 0)


def vsplit(ary, indices_or_sections):
    if np.ndim(ary) < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(ary, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    if np.ndim(ary) < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return split(ary, indices_or_sections, 2)


def trim_zeros(filt, trim="fb"):
    first = 0
    trim = trim.upper()
    if "F" in trim:
        for i in filt:
            if i != 0.0:
                break
            first += 1
    last = len(filt)
    if "B" in trim:
        for i in filt[::-1]:
            if i != 0.0:
                break
            last -= 1
    return filt[first:last]


def rollaxis(a, axis, start=0):
    a = np.asarray(a)
    n = a.ndim
    axis = _ax(axis, n)
    if start < 0:
        start += n
    if not 0 <= start < n + 1:
        raise np.AxisError(f"'start' arg requires {-n} <= start < {n + 1}, but {start} was passed in")
    if axis < start:
        start -= 1
    if axis == start:
        return a[...]
    axes = list(range(n))
    axes.remove(axis)
    axes.insert(start, axis)
    return np.transpose(a, axes)


def _nan_filled(a, fill):
    # a float array with its NaNs replaced by fill, and where they were
    a = np.asarray(a)
    if a.dtype.kind not in "fc":
        return a, None
    mask = np.isnan(a)
    return np.where(mask, fill, a).astype(a.dtype), mask


def _all_nan_warning():
    import warnings
    warnings.warn("All-NaN slice encountered", RuntimeWarning, stacklevel=3)


def _nan_extreme(a, axis, keepdims, fill, reduce):
    filled, mask = _nan_filled(a, fill)
    r = reduce(filled, axis=axis, keepdims=keepdims)
    if mask is None:
        return r
    allnan = np.all(mask, axis=axis, keepdims=keepdims)
    if np.any(allnan):
        _all_nan_warning()
        r = _unwrap(np.where(allnan, np.nan, r).astype(filled.dtype))
    return r


def nanmax(a, axis=None, out=None, keepdims=False):
    return _nan_extreme(a, axis, keepdims, -np.inf, np.amax)


def nanmin(a, axis=None, out=None, keepdims=False):
    return _nan_extreme(a, axis, keepdims, np.inf, np.amin)


def _nan_arg(a, axis, keepdims, fill, arg):
    filled, mask = _nan_filled(a, fill)
    if mask is not None and np.any(np.all(mask, axis=axis)):
        raise ValueError("All-NaN slice encountered")
    r = arg(filled, axis=axis)
    if keepdims:
        r = np.expand_dims(r, tuple(range(filled.ndim)) if axis is None else axis)
    return r


def nanargmax(a, axis=None, out=None, *, keepdims=False):
    return _nan_arg(a, axis, keepdims, -np.inf, np.argmax)


def nanargmin(a, axis=None, out=None, *, keepdims=False):
    return _nan_arg(a, axis, keepdims, np.inf, np.argmin)


def nanprod(a, axis=None, dtype=None, out=None, keepdims=False):
    filled, _ = _nan_filled(a, 1)
    return np.prod(filled, axis=axis, keepdims=keepdims)


def nancumsum(a, axis=None, dtype=None, out=None):
    filled, _ = _nan_filled(a, 0)
    return np.cumsum(filled, axis=axis)


def nancumprod(a, axis=None, dtype=None, out=None):
    filled, _ = _nan_filled(a, 1)
    return np.cumprod(filled, axis=axis)


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    filled, mask = _nan_filled(a, 0)
    if mask is None:
        return np.var(filled, axis=axis, ddof=ddof, keepdims=keepdims)
    # numpy's order: the mean of the kept values, their deviations (zero where NaN), squared and summed
    cnt = np.sum(~mask, axis=axis, keepdims=True)
    avg = np.sum(filled, axis=axis, keepdims=True) / cnt
    dev = np.where(mask, 0, filled - avg)
    var = np.sum(dev * dev, axis=axis, keepdims=keepdims)
    dof = (cnt if keepdims else np.sum(~mask, axis=axis)) - ddof
    var = var / dof
    if np.any(dof <= 0):
        import warnings
        warnings.warn("Degrees of freedom <= 0 for slice.", RuntimeWarning, stacklevel=3)
        var = np.where(dof <= 0, np.nan, var)
    return _unwrap(np.asarray(var).astype(filled.dtype))


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    return _unwrap(np.sqrt(nanvar(a, axis=axis, ddof=ddof, keepdims=keepdims)))


def _nan_along(a, axis, keepdims, each):
    # each(kept 1-d values) for every 1-d slice along axis (all of a when axis is None)
    a = np.asarray(a)
    if a.dtype.kind not in "fc":
        return None
    if axis is None:
        r = each(a.ravel())
        if keepdims:
            r = np.asarray(r).reshape(np.shape(r) + (1,) * a.ndim)
        return r
    ax = _ax(axis, a.ndim)
    r = apply_along_axis(each, ax, a)
    extra = np.ndim(r) - (a.ndim - 1)
    if extra:
        r = np.moveaxis(r, list(range(ax, ax + extra)), list(range(extra)))
    if keepdims:
        r = np.expand_dims(r, extra + ax)
    return r


def _nan_kept(v, result):
    kept = v[~np.isnan(v)]
    if kept.size == 0:
        _all_nan_warning()
        return np.full(np.shape(result(np.zeros(1, dtype=v.dtype))), np.nan)
    return result(kept)


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    r = _nan_along(a, axis, keepdims, lambda v: _nan_kept(v, median))
    return median(a, axis=axis, keepdims=keepdims) if r is None else _unwrap(r)


def _lerp_quantile(v, q):
    # numpy's 'linear' method on sorted 1-d values: virtual index (n - 1) * q, then a lerp taken
    # from the nearer end
    s = np.sort(v)
    n = s.size
    virtual = (n - 1) * np.asarray(q, dtype=np.float64)
    below = np.clip(np.floor(virtual), 0, n - 1).astype(np.int64)
    above = np.clip(below + 1, 0, n - 1)
    gamma = virtual - below
    lo = s[below]
    hi = s[above]
    d = hi - lo
    return np.where(gamma >= 0.5, hi - d * (1 - gamma), lo + d * gamma)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False):
    if method != "linear":
        raise NotImplementedError("GradLens's np.nanquantile takes method='linear'")
    qa = np.asarray(q, dtype=np.float64)
    if np.any(qa < 0) or np.any(qa > 1):
        raise ValueError("Quantiles must be in the range [0, 1]")
    r = _nan_along(a, axis, keepdims, lambda v: _nan_kept(v, lambda k: _lerp_quantile(k, qa)))
    return quantile(a, q, axis=axis, keepdims=keepdims) if r is None else _unwrap(r)


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False):
    q = np.true_divide(q, 100)
    if np.any(np.asarray(q) < 0) or np.any(np.asarray(q) > 1):
        raise ValueError("Percentiles must be in the range [0, 100]")
    return nanquantile(a, q, axis=axis, method=method, keepdims=keepdims)


def trapz(y, x=None, dx=1.0, axis=-1):
    y = np.asarray(y)
    if not -y.ndim <= axis < y.ndim:
        # numpy indexes a list of slices with the axis
        raise IndexError("list assignment index out of range")
    ax = _ax(axis, y.ndim)
    if x is None:
        d = dx
    else:
        x = np.asarray(x)
        if x.ndim == 1:
            d = np.diff(x)
            view = [1] * y.ndim
            view[ax] = d.shape[0]
            d = d.reshape(view)
        else:
            d = np.diff(x, axis=ax)
    hi = y[_along(y.ndim, ax, slice(1, None))]
    lo = y[_along(y.ndim, ax, slice(None, -1))]
    return np.sum(d * (hi + lo) / 2.0, axis=ax)


def vdot(a, b):
    a = np.ravel(a)
    b = np.ravel(b)
    if a.size != b.size:
        raise ValueError(f"cannot reshape array of size {b.size} into shape ({a.size},)")
    return np.dot(a, b)


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    if np.ndim(start) or np.ndim(stop):
        raise NotImplementedError("GradLens's np.geomspace takes scalar start and stop")
    start = float(start)
    stop = float(stop)
    if start == 0 or stop == 0:
        raise ValueError("Geometric sequence cannot include zero")
    sign = 1.0
    if start < 0 and stop < 0:
        start, stop, sign = -start, -stop, -1.0
    result = logspace(np.log10(start), np.log10(stop), num=num, endpoint=endpoint)
    if num > 0:
        result[0] = start
        if num > 1 and endpoint:
            result[-1] = stop
    result = sign * result
    return result if dtype is None else result.astype(dtype)


def lexsort(keys, axis=-1):
    if axis not in (-1, 0):
        raise NotImplementedError("GradLens's np.lexsort sorts 1-d keys")
    keys = [np.asarray(k) for k in keys] if not isinstance(keys, np.ndarray) else list(keys)
    if len(keys) == 0:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    n = keys[0].shape
    for k in keys:
        if k.ndim != 1:
            raise NotImplementedError("GradLens's np.lexsort sorts 1-d keys")
        if k.shape != n:
            raise ValueError("all keys need to be the same shape")
    order = np.arange(n[0])
    for k in keys:
        order = order[np.argsort(k[order], kind="stable")]
    return order


def in1d(ar1, ar2, assume_unique=False, invert=False, *, kind=None):
    return isin(np.ravel(ar1), ar2, invert=invert)


def correlate(a, v, mode="valid"):
    a = np.asarray(a)
    v = np.asarray(v)
    if a.ndim != 1 or v.ndim != 1:
        raise ValueError("object too deep for desired array")
    if len(a) == 0:
        raise ValueError("first array argument cannot be empty")
    if len(v) == 0:
        raise ValueError("second array argument cannot be empty")
    # numpy correlates the longer with the shorter, reversing the result when it swaps them
    if len(v) > len(a):
        return convolve(v, a[::-1], mode)[::-1]
    return convolve(a, v[::-1], mode)


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):
    x = np.asarray(x)
    y = np.asarray(y)
    if x.ndim != 1 or y.ndim != 1 or len(x) != len(y):
        raise ValueError("x and y must have the same length." if len(x) != len(y) else "x and y must be 1-d")
    if isinstance(bins, (list, tuple)) and len(bins) == 2:
        xbins, ybins = bins
    else:
        xbins = ybins = bins
    edges = []
    counts = []
    for i, (s, b) in enumerate(((x, xbins), (y, ybins))):
        if np.ndim(b) == 0:
            if range is None:
                lo, hi = (s.min(), s.max()) if s.size else (0.0, 1.0)
            else:
                lo, hi = range[i]
                if lo > hi:
                    raise ValueError("max must be larger than min in range parameter.")
            if lo == hi:
                lo, hi = lo - 0.5, hi + 0.5
            e = np.linspace(lo, hi, int(b) + 1)
        else:
            e = np.asarray(b, dtype=float)
            if np.any(e[:-1] > e[1:]):
                raise ValueError(f"\`bins[{i}]\` must be monotonically increasing, when an array")
        c = np.searchsorted(e, s, side="right")
        c = np.where(s == e[-1], c - 1, c)
        edges.append(e)
        counts.append(c)
    nx, ny = len(edges[0]) + 1, len(edges[1]) + 1
    flat = counts[0] * ny + counts[1]
    hist = np.bincount(flat, weights=weights, minlength=nx * ny).astype(float).reshape(nx, ny)[1:-1, 1:-1]
    if density:
        total = hist.sum()
        hist = hist / np.diff(edges[0])[:, None] / np.diff(edges[1])[None, :] / total
    return hist, edges[0], edges[1]


def array_equiv(a1, a2):
    try:
        a1, a2 = np.asarray(a1), np.asarray(a2)
    except Exception:
        return False
    try:
        broadcast_shapes(a1.shape, a2.shape)
    except ValueError:
        return False
    return bool(np.asarray(a1 == a2).all())


def fromfunction(function, shape, *, dtype=float, like=None, **kwargs):
    return function(*indices(shape, dtype=dtype), **kwargs)


_builtin_iter = iter


def fromiter(iter, dtype, count=-1, *, like=None):
    items = []
    if count < 0:
        items = list(iter)
    else:
        it = _builtin_iter(iter)
        for _ in range(count):
            try:
                items.append(next(it))
            except StopIteration:
                raise ValueError(f"iterator too short: Expected {count} but iterator had only {len(items)} items.") from None
    return np.array(items, dtype=dtype)


def _scalar_class(t):
    # a numpy scalar class (np.floating, np.float32) as it is; anything else through np.dtype
    try:
        if issubclass(t, np.generic):
            return t
    except TypeError:
        pass
    return np.dtype(t).type


def issubdtype(arg1, arg2):
    return issubclass(_scalar_class(arg1), _scalar_class(arg2))


def product(a, axis=None, dtype=None, out=None, keepdims=False):
    return np.prod(a, axis=axis, keepdims=keepdims)


def cumproduct(a, axis=None, dtype=None, out=None):
    return cumprod(a, axis=axis)


def alltrue(a, axis=None, out=None, keepdims=False):
    return np.all(a, axis=axis, keepdims=keepdims)


def sometrue(a, axis=None, out=None, keepdims=False):
    return np.any(a, axis=axis, keepdims=keepdims)


def round_(a, decimals=0, out=None):
    return np.around(a, decimals=decimals)


_PRINT_KEYS = ("precision", "threshold", "edgeitems", "linewidth", "suppress")


class printoptions:
    def __init__(self, *args, **kwargs):
        if args:
            raise NotImplementedError("GradLens's np.printoptions takes keyword arguments")
        self.kwargs = kwargs

    def __enter__(self):
        opts = np.get_printoptions()
        self.saved = {k: opts[k] for k in _PRINT_KEYS}
        np.set_printoptions(**self.kwargs)
        return np.get_printoptions()

    def __exit__(self, *exc):
        np.set_printoptions(**self.saved)


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    a = np.asarray(a)
    with printoptions(linewidth=max_line_width, precision=precision, suppress=suppress_small):
        return str(a)


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    arr = np.asarray(arr)
    with printoptions(linewidth=max_line_width, precision=precision, suppress=suppress_small):
        return repr(arr)


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=" ", prefix="",
                 threshold=None, edgeitems=None):
    if separator != " " or prefix != "":
        raise NotImplementedError("GradLens's np.array2string takes the default separator and prefix")
    a = np.asarray(a)
    with printoptions(linewidth=max_line_width, precision=precision, suppress=suppress_small,
                      threshold=threshold, edgeitems=edgeitems):
        return str(a.reshape(1))[1:-1] if a.ndim == 0 else str(a)


NINF = -float("inf")
PINF = float("inf")
Inf = PINF
NaN = float("nan")
NZERO = -0.0
PZERO = 0.0
float_ = np.float64
bool8 = np.bool_
int0 = np.intp


def _less(a, b):
    # numpy's sort order: NaN after everything
    return a < b or (b != b and a == a)


def _msb(n):
    depth = 0
    while n > 1:
        n >>= 1
        depth += 1
    return depth


def _store_pivot(pivot, kth, pivots):
    if pivots is None:
        return
    if pivot == kth and len(pivots) == 50:
        pivots[-1] = pivot
    elif pivot >= kth and len(pivots) < 50:
        pivots.append(pivot)


def _swap(t, i, j):
    t[i], t[j] = t[j], t[i]


def _median5(v, t, base):
    for i, j in ((1, 0), (4, 3), (3, 0), (4, 1), (2, 1)):
        if _less(v[t[base + i]], v[t[base + j]]):
            _swap(t, base + i, base + j)
    if _less(v[t[base + 3]], v[t[base + 2]]):
        return 1 if _less(v[t[base + 3]], v[t[base + 1]]) else 3
    return 2


def _median_of_median5(v, t, base, num, inexact):
    nmed = num // 5
    for i in range(nmed):
        m = _median5(v, t, base + 5 * i)
        _swap(t, base + 5 * i + m, base + i)
    if nmed > 2:
        _introselect(v, t, base, nmed, nmed // 2, None, inexact)
    return nmed // 2


def _introselect(v, t, base, num, kth, pivots, inexact):
    # numpy's introselect on the positions t[base:base + num] of the values v: median-of-3
    # quickselect (median of medians of 5 when it recurses too deep), selection for small kth,
    # keeping the pivots it found for the next kth
    low, high = 0, num - 1
    while pivots:
        if pivots[-1] > kth:
            high = pivots[-1] - 1
            break
        if pivots[-1] == kth:
            return
        low = pivots.pop() + 1
    if kth - low < 3:
        for i in range(low, kth + 1):
            minidx, minval = i, v[t[base + i]]
            for k in range(i + 1, high + 1):
                if _less(v[t[base + k]], minval):
                    minidx, minval = k, v[t[base + k]]
            _swap(t, base + i, base + minidx)
        _store_pivot(kth, kth, pivots)
        return
    if inexact and kth == num - 1:
        maxidx, maxval = low, v[t[base + low]]
        for k in range(low + 1, num):
            if not _less(v[t[base + k]], maxval):
                maxidx, maxval = k, v[t[base + k]]
        _swap(t, base + kth, base + maxidx)
        return
    depth = _msb(num) * 2
    while low + 1 < high:
        ll, hh = low + 1, high
        if depth > 0 or hh - ll < 5:
            mid = low + (high - low) // 2
            if _less(v[t[base + high]], v[t[base + mid]]):
                _swap(t, base + high, base + mid)
            if _less(v[t[base + high]], v[t[base + low]]):
                _swap(t, base + high, base + low)
            if _less(v[t[base + low]], v[t[base + mid]]):
                _swap(t, base + low, base + mid)
            _swap(t, base + mid, base + low + 1)
        else:
            mid = ll + _median_of_median5(v, t, base + ll, hh - ll, inexact)
            _swap(t, base + mid, base + low)
            ll -= 1
            hh += 1
        depth -= 1
        pivot = v[t[base + low]]
        while True:
            ll += 1
            while _less(v[t[base + ll]], pivot):
                ll += 1
            hh -= 1
            while _less(pivot, v[t[base + hh]]):
                hh -= 1
            if hh < ll:
                break
            _swap(t, base + ll, base + hh)
        _swap(t, base + low, base + hh)
        if hh != kth:
            _store_pivot(hh, kth, pivots)
        if hh >= kth:
            high = hh - 1
        if hh <= kth:
            low = ll
    if high == low + 1 and _less(v[t[base + high]], v[t[base + low]]):
        _swap(t, base + high, base + low)
    _store_pivot(kth, kth, pivots)


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    if kind != "introselect":
        raise ValueError(f"select kind must be 'introselect' (got {kind!r})")
    if order is not None:
        raise NotImplementedError("GradLens's np.argpartition takes no order=")
    a = np.asarray(a)
    if axis is None:
        a = a.ravel()
        axis = -1
    if a.ndim == 0:
        raise np.AxisError(f"axis {axis} is out of bounds for array of dimension 0")
    ax = _ax(axis, a.ndim)
    n = a.shape[ax]
    kths = []
    for k in np.ravel(kth):
        if np.asarray(k).dtype.kind not in "iu":
            raise TypeError("Partition index must be integer")
        k = int(k)
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise ValueError(f"kth(={k}) out of bounds ({n})")
        kths.append(k)
    kths.sort()
    moved = np.moveaxis(a, ax, -1)
    inexact = a.dtype.kind == "f"
    out = np.zeros(moved.shape, dtype=np.int64)
    for ind in np.ndindex(moved.shape[:-1]):
        v = moved[ind].tolist()
        t = list(range(n))
        pivots = []
        for k in kths:
            _introselect(v, t, 0, n, k, pivots, inexact)
        out[ind] = t
    return np.moveaxis(out, -1, ax)


def partition(a, kth, axis=-1, kind="introselect", order=None):
    a = np.asarray(a)
    if axis is None:
        a = a.ravel()
        axis = -1
    return take_along_axis(a, argpartition(a, kth, axis, kind, order), axis)
`;
