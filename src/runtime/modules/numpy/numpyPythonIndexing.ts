/**
 * More numpy functions in Python over GradLens's numpy (loaded with numpyPythonSource.ts, whose
 * helpers `_ax`, `_along`, `_unwrap` and `flip` they use): inserting and deleting items, moving
 * and rotating axes, index arithmetic (`indices`, `unravel_index`, `ravel_multi_index`,
 * `ndindex`, `nditer`), `tensordot`, `convolve` and `ufunc.at`. Each computes what numpy 1.24's
 * does in the same order of operations (a dot product where numpy's takes one), so the numbers
 * are numpy's.
 */
export const NUMPY_PYTHON_INDEXING_SOURCE = `


def _axis_list(axis, ndim, what):
    axes = list(axis) if isinstance(axis, (tuple, list)) else [axis]
    out = []
    for ax in axes:
        if not -ndim <= ax < ndim:
            raise np.AxisError(f"{what}: axis {ax} is out of bounds for array of dimension {ndim}")
        out.append(ax + ndim if ax < 0 else ax)
    if len(set(out)) != len(out):
        raise ValueError(f"repeated axis in \`{what}\` argument")
    return out


def moveaxis(a, source, destination):
    a = np.asarray(a)
    src = _axis_list(source, a.ndim, "source")
    dst = _axis_list(destination, a.ndim, "destination")
    if len(src) != len(dst):
        raise ValueError("\`source\` and \`destination\` arguments must have the same number of elements")
    order = [n for n in range(a.ndim) if n not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return np.transpose(a, order)


def rot90(m, k=1, axes=(0, 1)):
    m = np.asarray(m)
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    if axes[0] == axes[1] or abs(axes[0] - axes[1]) == m.ndim:
        raise ValueError("Axes must be different.")
    if not (-m.ndim <= axes[0] < m.ndim and -m.ndim <= axes[1] < m.ndim):
        raise ValueError(f"Axes={axes} out of range for array of ndim={m.ndim}.")
    k %= 4
    if k == 0:
        return m[:]
    if k == 2:
        return flip(flip(m, axes[0]), axes[1])
    perm = list(range(m.ndim))
    i, j = _ax(axes[0], m.ndim), _ax(axes[1], m.ndim)
    perm[i], perm[j] = perm[j], perm[i]
    if k == 1:
        return np.transpose(flip(m, axes[1]), perm)
    return flip(np.transpose(m, perm), axes[1])


def atleast_3d(a):
    a = np.asarray(a)
    if a.ndim == 0:
        return a.reshape(1, 1, 1)
    if a.ndim == 1:
        return a.reshape(1, a.shape[0], 1)
    if a.ndim == 2:
        return a.reshape(a.shape[0], a.shape[1], 1)
    return a


def dstack(tup):
    return np.concatenate([atleast_3d(a) for a in tup], axis=2)


def append(arr, values, axis=None):
    arr = np.asarray(arr)
    if axis is None:
        if arr.ndim != 1:
            arr = arr.ravel()
        values = np.ravel(values)
        axis = arr.ndim - 1
    return np.concatenate((arr, values), axis=axis)


def _kept(n, obj, ax):
    # the positions along the axis that np.delete keeps
    keep = np.ones(n, dtype=bool)
    if type(obj).__name__ == "slice":
        keep[obj] = False
        return np.nonzero(keep)[0]
    idx = np.asarray(obj)
    if idx.dtype.kind == "b":
        if idx.shape != (n,):
            raise ValueError(f"boolean array argument obj to delete must be one dimensional and match the axis length of {n}")
        return np.nonzero(~idx)[0]
    if idx.size == 0:
        return np.arange(n)
    if idx.dtype.kind not in "iu":
        raise IndexError("arrays used as indices must be of integer (or boolean) type")
    for i in idx.ravel().tolist():
        if not -n <= i < n:
            raise IndexError(f"index {i} is out of bounds for axis {ax} with size {n}")
    keep[idx] = False
    return np.nonzero(keep)[0]


def delete(arr, obj, axis=None):
    arr = np.asarray(arr)
    if axis is None:
        arr = arr.ravel()
        axis = 0
    ax = _ax(axis, arr.ndim)
    return arr[_along(arr.ndim, ax, _kept(arr.shape[ax], obj, ax))]


def insert(arr, obj, values, axis=None):
    arr = np.asarray(arr)
    if axis is None:
        arr = arr.ravel()
        axis = 0
    ax = _ax(axis, arr.ndim)
    n = arr.shape[ax]
    if type(obj).__name__ == "slice":
        obj = np.arange(n + 1)[obj]
    idx = np.asarray(obj)
    if idx.dtype.kind == "b":
        raise NotImplementedError("GradLens's np.insert takes integer positions")
    if idx.size == 1:
        index = int(idx.ravel()[0])
        if not -n <= index <= n:
            raise IndexError(f"index {index} is out of bounds for axis {ax} with size {n}")
        if index < 0:
            index += n
        vals = np.array(values, dtype=arr.dtype, ndmin=arr.ndim)
        if idx.ndim == 0:
            # a scalar position inserts values[0] as the slice, as a[:, i] = values would
            vals = moveaxis(vals, 0, ax)
        count = vals.shape[ax]
        shape = list(arr.shape)
        shape[ax] += count
        new = np.empty(shape, dtype=arr.dtype)
        new[_along(arr.ndim, ax, slice(None, index))] = arr[_along(arr.ndim, ax, slice(None, index))]
        new[_along(arr.ndim, ax, slice(index, index + count))] = vals
        new[_along(arr.ndim, ax, slice(index + count, None))] = arr[_along(arr.ndim, ax, slice(index, None))]
        return new
    if idx.dtype.kind not in "iu":
        raise IndexError("index array argument obj to insert must be one dimensional or scalar")
    idx = idx.ravel()
    for i in idx.tolist():
        if not -n <= i <= n:
            raise IndexError(f"index {i} is out of bounds for axis {ax} with size {n}")
    idx = np.where(idx < 0, idx + n, idx)
    count = idx.shape[0]
    order = np.argsort(idx, kind="mergesort")
    idx[order] += np.arange(count)
    shape = list(arr.shape)
    shape[ax] += count
    old = np.ones(shape[ax], dtype=bool)
    old[idx] = False
    new = np.empty(shape, dtype=arr.dtype)
    new[_along(arr.ndim, ax, idx)] = np.asarray(values).astype(arr.dtype)
    new[_along(arr.ndim, ax, np.nonzero(old)[0])] = arr
    return new


def tensordot(a, b, axes=2):
    a = np.asarray(a)
    b = np.asarray(b)
    if isinstance(axes, (tuple, list)):
        axes_a, axes_b = axes
        axes_a = list(axes_a) if isinstance(axes_a, (tuple, list)) else [axes_a]
        axes_b = list(axes_b) if isinstance(axes_b, (tuple, list)) else [axes_b]
    else:
        axes_a = list(range(-axes, 0))
        axes_b = list(range(0, axes))
    if len(axes_a) != len(axes_b):
        raise ValueError("shape-mismatch for sum")
    axes_a = [x + a.ndim if x < 0 else x for x in axes_a]
    axes_b = [x + b.ndim if x < 0 else x for x in axes_b]
    for x, y in zip(axes_a, axes_b):
        if a.shape[x] != b.shape[y]:
            raise ValueError("shape-mismatch for sum")
    free_a = [k for k in range(a.ndim) if k not in axes_a]
    free_b = [k for k in range(b.ndim) if k not in axes_b]
    inner = 1
    for x in axes_a:
        inner *= a.shape[x]
    rows = 1
    for k in free_a:
        rows *= a.shape[k]
    cols = 1
    for k in free_b:
        cols *= b.shape[k]
    at = np.transpose(a, free_a + axes_a).reshape(rows, inner)
    bt = np.transpose(b, axes_b + free_b).reshape(inner, cols)
    return np.dot(at, bt).reshape([a.shape[k] for k in free_a] + [b.shape[k] for k in free_b])


def indices(dimensions, dtype=int, sparse=False):
    dims = tuple(dimensions)
    parts = []
    for i, d in enumerate(dims):
        shape = [1] * len(dims)
        shape[i] = d
        parts.append(np.arange(d, dtype=dtype).reshape(shape))
    if sparse:
        return tuple(parts)
    return np.stack([np.broadcast_to(p, dims) for p in parts]) if dims else np.zeros(0, dtype=dtype)


def _shape_of(shape):
    return tuple(shape) if isinstance(shape, (tuple, list)) else (shape,)


def unravel_index(indices, shape, order="C"):
    dims = _shape_of(shape)
    idx = np.asarray(indices)
    if idx.dtype.kind not in "iu":
        raise TypeError("only int indices permitted")
    idx = idx.astype(np.int64)
    size = 1
    for d in dims:
        size *= d
    bad = idx[(idx < 0) | (idx >= size)]
    if bad.size:
        raise ValueError(f"index {int(bad.ravel()[0])} is out of bounds for array with size {size}")
    out = []
    rest = idx
    for d in reversed(dims) if order == "C" else dims:
        out.append(rest % d)
        rest = rest // d
    if order == "C":
        out.reverse()
    return tuple(_unwrap(x) for x in out)


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    dims = _shape_of(dims)
    coords = [np.asarray(c) for c in multi_index]
    if len(coords) != len(dims):
        raise ValueError(f"parameter multi_index must be a sequence of length {len(dims)}")
    modes = mode if isinstance(mode, (tuple, list)) else (mode,) * len(dims)
    fixed = []
    for c, d, m in zip(coords, dims, modes):
        if c.dtype.kind not in "iu":
            raise TypeError("only int indices permitted")
        if m == "wrap":
            c = c % d
        elif m == "clip":
            c = np.clip(c, 0, d - 1)
        elif np.any((c < 0) | (c >= d)):
            raise ValueError("invalid entry in coordinates array")
        fixed.append(c.astype(np.int64))
    pairs = list(zip(fixed, dims))
    if order == "F":
        pairs.reverse()
    out = np.zeros((), dtype=np.int64)
    for c, d in pairs:
        out = out * d + c
    return _unwrap(out)


class ndindex:
    """Iterates over the index tuples of an array of the given shape, last axis fastest."""

    def __init__(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        self._shape = tuple(shape)
        size = 1
        for d in self._shape:
            size *= d
        self._size = size
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._i >= self._size:
            raise StopIteration
        ix = _multi(self._i, self._shape)
        self._i += 1
        return ix


def _multi(i, shape):
    out = []
    for d in reversed(shape):
        out.append(i % d)
        i //= d
    out.reverse()
    return tuple(out)


class nditer:
    """np.nditer over one array in C order: iternext/finished/multi_index/index, it[0] to read or
    write the current element, or a for loop giving 0-d arrays. GradLens visits C order even
    where numpy's order='K' would follow a transposed array's memory."""

    def __init__(self, op, flags=None, op_flags=None, order="K", op_dtypes=None, casting="safe", buffersize=0):
        if isinstance(op, (tuple, list)) and len(op) > 0 and isinstance(op[0], np.ndarray):
            if len(op) != 1:
                raise NotImplementedError("GradLens's np.nditer iterates over one array")
            op = op[0]
        self._a = op if isinstance(op, np.ndarray) else np.asarray(op)
        self._flags = list(flags or [])
        for f in self._flags:
            if f not in ("multi_index", "c_index", "f_index", "refs_ok", "zerosize_ok", "buffered", "external_loop"):
                raise NotImplementedError(f"np.nditer flag {f!r} is not supported by GradLens")
        if "external_loop" in self._flags:
            raise NotImplementedError("GradLens's np.nditer has no external_loop")
        flat = op_flags[0] if op_flags and isinstance(op_flags[0], (tuple, list)) else (op_flags or ["readonly"])
        self._writable = "readwrite" in flat or "writeonly" in flat
        self._shape = self._a.shape
        self._size = self._a.size
        self._i = 0
        self.finished = self._size == 0
        self._started = False

    @property
    def multi_index(self):
        if "multi_index" not in self._flags:
            raise ValueError("Iterator is not tracking a multi-index")
        return _multi(self._i, self._shape)

    @property
    def index(self):
        if "c_index" in self._flags:
            return self._i
        if "f_index" in self._flags:
            ix = _multi(self._i, self._shape)
            out = 0
            for k in range(len(ix) - 1, -1, -1):
                out = out * self._shape[k] + ix[k]
            return out
        raise ValueError("Iterator does not have an index")

    @property
    def iterindex(self):
        return self._i

    @property
    def itersize(self):
        return self._size

    @property
    def shape(self):
        return self._shape

    @property
    def value(self):
        return self[0]

    def iternext(self):
        self._i += 1
        self.finished = self._i >= self._size
        return not self.finished

    def reset(self):
        self._i = 0
        self.finished = self._size == 0

    def __getitem__(self, k):
        if k != 0:
            raise IndexError("Iterator operand index " + str(k) + " is out of bounds")
        return np.asarray(self._a[_multi(self._i, self._shape)])

    def __setitem__(self, k, v):
        if k != 0:
            raise IndexError("Iterator operand index " + str(k) + " is out of bounds")
        if not self._writable:
            raise ValueError("assignment destination is read-only")
        self._a[_multi(self._i, self._shape)] = v

    def __iter__(self):
        return self

    def __next__(self):
        if self._started:
            self.iternext()
        self._started = True
        if self._i >= self._size:
            self.finished = True
            raise StopIteration
        return self[0]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def close(self):
        pass


def ascontiguousarray(a, dtype=None, *, like=None):
    a = np.asarray(a, dtype=dtype)
    if a.ndim == 0:
        return a.reshape(1)
    return a if a.flags["C_CONTIGUOUS"] else a.copy()


def asfortranarray(a, dtype=None, *, like=None):
    # GradLens's arrays are C-ordered: the same values in C order (flags say C, not F)
    return ascontiguousarray(a, dtype)


def convolve(a, v, mode="full"):
    a = np.asarray(a)
    v = np.asarray(v)
    if a.ndim != 1 or v.ndim != 1:
        raise ValueError("object too deep for desired array")
    if len(v) > len(a):
        a, v = v, a
    if len(a) == 0:
        raise ValueError("a cannot be empty")
    if len(v) == 0:
        raise ValueError("v cannot be empty")
    if mode not in ("full", "same", "valid"):
        raise ValueError(f"mode must be one of 'valid', 'same', or 'full' (got {mode!r})")
    n, m = len(a), len(v)
    # numpy correlates with a contiguous copy of v reversed, one dot product per output
    w = v[::-1].copy()
    dtype = np.result_type(a, v)
    a = a.astype(dtype)
    w = w.astype(dtype)
    if mode == "valid":
        lo, hi = m - 1, n
    elif mode == "same":
        lo, hi = (m - 1) // 2, (m - 1) // 2 + n
    else:
        lo, hi = 0, n + m - 1
    out = np.zeros(hi - lo, dtype=dtype)
    # where the kernel lies wholly inside a, numpy sums a kernel of at most 11 float items in
    # order in the float type itself; elsewhere it takes a BLAS dot product per output
    inner = dtype.kind == "f" and m <= 11
    for k in range(lo, hi):
        start = k - (m - 1)
        if inner and 0 <= start and start + m <= n:
            continue
        i0 = max(start, 0)
        i1 = min(start + m, n)
        out[k - lo] = np.dot(a[i0:i1], w[i0 - start:i1 - start])
    if inner:
        first = max(lo, m - 1)
        last = min(hi, n)
        if first < last:
            s = np.zeros(last - first, dtype=dtype)
            for j in range(m):
                s = s + a[first - (m - 1) + j:last - (m - 1) + j] * w[j]
            out[first - lo:last - lo] = s
    return out


def _ufunc_at(ufunc, a, indices, b=None):
    # numpy applies the ufunc once per index, in order, so a repeated index accumulates; here
    # each round applies the k-th occurrence of every index at once (those are distinct)
    if not isinstance(a, np.ndarray):
        raise TypeError("first operand must be array")
    if b is None:
        raise NotImplementedError("GradLens's ufunc.at takes a second operand")
    flat = np.arange(a.size).reshape(a.shape)[indices]
    b = np.broadcast_to(np.asarray(b), flat.shape).ravel()
    flat = flat.ravel()
    count = flat.shape[0]
    if count == 0:
        return None
    order = np.argsort(flat, kind="mergesort")
    ordered = flat[order]
    first = np.concatenate([np.array([True]), ordered[1:] != ordered[:-1]])
    starts = np.nonzero(first)[0]
    group = np.cumsum(first) - 1
    rank = np.zeros(count, dtype=np.int64)
    rank[order] = np.arange(count) - starts[group]
    for r in range(int(rank.max()) + 1):
        sel = np.nonzero(rank == r)[0]
        where = unravel_index(flat[sel], a.shape)
        if a.ndim == 0:
            a[()] = ufunc(a[()], b[sel][0]) if len(sel) else a[()]
        else:
            a[where] = ufunc(a[where], b[sel])
    return None
`;
