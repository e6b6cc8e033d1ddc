/**
 * The methods of numpy's two-operand ufuncs, `reduce`, `accumulate`, `outer` and `reduceat`, in
 * Python over GradLens's numpy (loaded with numpyPythonSource.ts, whose `_ax`, `_along` and
 * `_unwrap` they use; numpyFunctions.ts hangs them on each ufunc). `add` reduces through
 * `np.sum` (numpy's pairwise order along a contiguous axis) and accumulates through `cumsum`,
 * `multiply` through `prod`/`cumprod`, `maximum`/`minimum` through `max`/`min` and
 * `logical_and`/`logical_or` through `all`/`any`; every other ufunc is applied one element
 * (one row) after another along the axis, as numpy's loop does.
 */
export const NUMPY_UFUNC_METHODS_SOURCE = `


_NO_VALUE = object()
_REORDERABLE = {"add", "multiply", "maximum", "minimum", "logical_and", "logical_or",
                "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor"}
_IDENTITY = {"add": 0, "multiply": 1, "logical_and": True, "logical_or": False,
             "logical_xor": False, "bitwise_and": -1, "bitwise_or": 0, "bitwise_xor": 0}
_COMPARISONS = {"equal", "not_equal", "less", "less_equal", "greater", "greater_equal"}


def _method_array(name, method, array, dtype, out, where=True):
    if out is not None:
        raise NotImplementedError(f"np.{name}.{method}(..., out=...) is not supported by GradLens")
    if where is not True:
        raise NotImplementedError(f"np.{name}.{method}(..., where=...) is not supported by GradLens")
    a = np.asarray(array)
    if name in _COMPARISONS and a.dtype != np.bool_:
        raise TypeError(f"No loop matching the specified signature and casting was found for ufunc {name}")
    if dtype is not None and name not in ("add", "multiply"):
        a = a.astype(dtype)
    return a


def _reduced_axes(name, a, axis):
    if axis is None:
        axes = list(range(a.ndim))
    elif isinstance(axis, (tuple, list)):
        axes = [_ax(ax, a.ndim) for ax in axis]
        if len(set(axes)) != len(axes):
            raise ValueError("duplicate value in 'axis'")
    else:
        axes = [_ax(axis, a.ndim)]
    if len(axes) > 1 and name not in _REORDERABLE:
        raise ValueError(f"reduction operation '{name}' is not reorderable, so at most one axis may be specified")
    return axes


def _ufunc_reduce(ufunc, name, array, axis=0, dtype=None, out=None, keepdims=False,
                  initial=_NO_VALUE, where=True):
    a = _method_array(name, "reduce", array, dtype, out, where)
    if a.ndim == 0:
        return _unwrap(a.astype(dtype) if dtype is not None else a.copy())
    axes = _reduced_axes(name, a, axis)
    kept = tuple(1 if i in axes else d for i, d in enumerate(a.shape))
    shape = kept if keepdims else tuple(d for i, d in enumerate(a.shape) if i not in axes)
    start = _IDENTITY.get(name) if initial is _NO_VALUE else initial
    if any(a.shape[i] == 0 for i in axes):
        if start is None:
            raise ValueError(f"zero-size array to reduction operation {name} which has no identity")
        proto = ufunc(a.ravel()[:0], a.ravel()[:0])
        r = np.full(shape, start, dtype=dtype if dtype is not None else proto.dtype)
        return _unwrap(r)
    if name == "add":
        r = np.sum(a, axis=tuple(axes), dtype=dtype, keepdims=keepdims)
    elif name == "multiply":
        r = np.prod(a, axis=tuple(axes), dtype=dtype, keepdims=keepdims)
    elif name == "maximum":
        r = np.max(a, axis=tuple(axes), keepdims=keepdims)
    elif name == "minimum":
        r = np.min(a, axis=tuple(axes), keepdims=keepdims)
    elif name == "logical_and":
        r = np.all(a, axis=tuple(axes), keepdims=keepdims)
    elif name == "logical_or":
        r = np.any(a, axis=tuple(axes), keepdims=keepdims)
    else:
        # one element (row) after another along each axis, as numpy's loop does
        r = a
        for ax in sorted(axes, reverse=True):
            acc = r[_along(r.ndim, ax, 0)]
            # the ufunc's own result type even for a single element (bool for logical_xor)
            acc = np.asarray(acc).astype(ufunc(acc, acc).dtype)
            for i in range(1, r.shape[ax]):
                acc = ufunc(acc, r[_along(r.ndim, ax, i)])
            r = acc
        r = np.asarray(r)
        if keepdims:
            r = r.reshape(kept)
        return _unwrap(r if initial is _NO_VALUE else ufunc(initial, r))
    if initial is not _NO_VALUE:
        return _unwrap(np.asarray(ufunc(initial, r)))
    return r


def _ufunc_accumulate(ufunc, name, array, axis=0, dtype=None, out=None):
    a = _method_array(name, "accumulate", array, dtype, out)
    if axis is None or isinstance(axis, (tuple, list)):
        raise ValueError("accumulate does not allow multiple axes")
    if a.ndim == 0:
        raise TypeError("cannot perform accumulate with a 0-d array")
    ax = _ax(axis, a.ndim)
    if name == "add":
        return np.cumsum(a, axis=ax, dtype=dtype)
    if name == "multiply":
        return np.cumprod(a.astype(dtype) if dtype is not None else a, axis=ax)
    first = a[_along(a.ndim, ax, slice(0, 1))]
    # the result's type is the ufunc's on the array's own type (bool for logical_and)
    kind = ufunc(first, first).dtype
    n = a.shape[ax]
    if n == 0:
        return a.astype(kind)
    acc = first.astype(kind)
    parts = [acc]
    for i in range(1, n):
        acc = ufunc(acc, a[_along(a.ndim, ax, slice(i, i + 1))])
        parts.append(acc)
    return np.concatenate(parts, axis=ax)


def _ufunc_outer(ufunc, name, A, B, **kwargs):
    for k in kwargs:
        if k != "dtype":
            raise NotImplementedError(f"np.{name}.outer(..., {k}=...) is not supported by GradLens")
    A = np.asarray(A)
    B = np.asarray(B)
    if kwargs.get("dtype") is not None:
        A = A.astype(kwargs["dtype"])
        B = B.astype(kwargs["dtype"])
    return _unwrap(ufunc(A.reshape(A.shape + (1,) * B.ndim), B))


def _ufunc_reduceat(ufunc, name, array, indices, axis=0, dtype=None, out=None):
    a = _method_array(name, "reduceat", array, dtype, out)
    ax = _ax(axis, a.ndim)
    n = a.shape[ax]
    idx = np.asarray(indices)
    if idx.ndim != 1:
        raise ValueError("object too deep for desired array")
    idx = idx.tolist()
    parts = []
    for k, i in enumerate(idx):
        if not 0 <= i < n:
            raise IndexError(f"index {i} out-of-bounds in {name}.reduceat [0, {n})")
        j = idx[k + 1] if k + 1 < len(idx) else n
        if i < j:
            part = _ufunc_reduce(ufunc, name, a[_along(a.ndim, ax, slice(i, j))], axis=ax,
                                 dtype=dtype, keepdims=True)
        else:
            part = a[_along(a.ndim, ax, slice(i, i + 1))]
        parts.append(np.asarray(part))
    kind = parts[0].dtype if parts else a.dtype
    return np.concatenate([p.astype(kind) for p in parts], axis=ax)
`;
