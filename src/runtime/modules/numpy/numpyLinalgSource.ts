/**
 * `np.linalg.inv`, `solve`, `det` and `slogdet` in Python over GradLens's numpy (loaded with
 * numpyPythonSource.ts; linalgModule.ts hands them out): an LU factorisation with partial
 * pivoting (the largest |pivot| in each column, the first of equals, the column below it scaled
 * by the pivot's reciprocal) as LAPACK's getrf, then the two triangular solves of getrs.
 * OpenBLAS orders the sums of getrf's and getrs's updates differently (dot products, fused
 * multiply-adds, blocks), so from 3 × 3 on the last bits of a result can differ from numpy's
 * (2 × 2 ones and exact results, such as integer matrices with integer inverses, are numpy's).
 * `det` is sign · exp(Σ log|uᵢᵢ|), as numpy computes it from `slogdet`.
 */
export const NUMPY_LINALG_SOURCE = `


def _square(a):
    a = np.asarray(a)
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    if a.shape[-1] != a.shape[-2]:
        raise np.linalg.LinAlgError("Last 2 dimensions of the array must be square")
    return a


def _float(a):
    return a.astype(a.dtype if a.dtype.kind == "f" else np.float64)


def _lu(a):
    # a: an n × n float array, factored in place into L (unit lower, below) and U
    n = a.shape[0]
    perm = list(range(n))
    sign = 1.0
    singular = False
    for k in range(n):
        p = k + int(np.argmax(np.abs(a[k:, k])))
        if a[p, k] == 0:
            singular = True
            continue
        if p != k:
            row = a[k].copy()
            a[k] = a[p]
            a[p] = row
            perm[k], perm[p] = perm[p], perm[k]
            sign = -sign
        if k + 1 < n:
            a[k + 1:, k] *= 1 / a[k, k]
            a[k + 1:, k + 1:] -= np.outer(a[k + 1:, k], a[k, k + 1:])
    return a, perm, sign, singular


def _lu_solve(lu, perm, b, reciprocal):
    # OpenBLAS's trsm (several right-hand sides) multiplies by the pivots' reciprocals, its
    # trsv (one) divides by them
    n = lu.shape[0]
    b = b[perm]
    for k in range(n - 1):
        b[k + 1:] -= np.outer(lu[k + 1:, k], b[k])
    for k in range(n - 1, -1, -1):
        if reciprocal:
            b[k] *= 1 / lu[k, k]
        else:
            b[k] /= lu[k, k]
        if k > 0:
            b[:k] -= np.outer(lu[:k, k], b[k])
    return b


def _each(a, one, out_tail):
    # numpy's stacked matrices: one result per matrix of the leading dimensions
    if a.ndim == 2:
        return one(a)
    out = np.zeros(a.shape[:-2] + out_tail, dtype=a.dtype)
    for ix in np.ndindex(*a.shape[:-2]):
        out[ix] = one(a[ix])
    return out


def _inv(a):
    a = _float(_square(a))

    def one(m):
        lu, perm, _, singular = _lu(m.copy())
        if singular:
            raise np.linalg.LinAlgError("Singular matrix")
        return _lu_solve(lu, perm, np.eye(m.shape[0], dtype=m.dtype), True)

    return _each(a, one, a.shape[-2:])


def _solve(a, b):
    a = _float(_square(a))
    b = np.asarray(b)
    dtype = np.result_type(a, b)
    if dtype.kind != "f":
        dtype = np.float64
    a = a.astype(dtype)
    b = b.astype(dtype)
    if a.ndim != 2:
        raise NotImplementedError("GradLens's np.linalg.solve takes one square matrix")
    n = a.shape[0]
    vector = b.ndim == 1
    if b.shape[0] != n or b.ndim > 2:
        if vector:
            raise ValueError(f"solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size {b.shape[0]} is different from {n})")
        raise ValueError(f"solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n) (size {b.shape[0]} is different from {n})")
    lu, perm, _, singular = _lu(a.copy())
    if singular:
        raise np.linalg.LinAlgError("Singular matrix")
    x = _lu_solve(lu, perm, (b[:, None] if vector else b).copy(), not vector)
    return x[:, 0] if vector else x


def _slogdet_one(m):
    lu, _, sign, singular = _lu(m.copy())
    if singular:
        return 0.0, -np.inf
    logdet = 0.0
    for d in np.diag(lu).tolist():
        if d < 0:
            sign = -sign
            d = -d
        logdet += float(np.log(d))
    return sign, logdet


def _slogdet(a):
    a = _float(_square(a))
    t = getattr(np, str(a.dtype))
    if a.ndim == 2:
        sign, logdet = _slogdet_one(a)
        return t(sign), t(logdet)
    signs = np.zeros(a.shape[:-2], dtype=a.dtype)
    logdets = np.zeros(a.shape[:-2], dtype=a.dtype)
    for ix in np.ndindex(*a.shape[:-2]):
        signs[ix], logdets[ix] = _slogdet_one(a[ix])
    return signs, logdets


def _det(a):
    sign, logdet = _slogdet(a)
    return sign * np.exp(logdet)


def _norm(x, ord, axis, keepdims):
    x = np.asarray(x)
    if x.dtype.kind != "f":
        x = x.astype(float)
    if axis is None:
        axis = tuple(range(x.ndim))
    elif not isinstance(axis, tuple):
        axis = (axis,)
    if len(axis) == 1:
        ax = axis[0]
        if isinstance(ord, str):
            raise ValueError(f"Invalid norm order '{ord}' for vectors")
        if ord == np.inf:
            return np.abs(x).max(axis=ax, keepdims=keepdims)
        if ord == -np.inf:
            return np.abs(x).min(axis=ax, keepdims=keepdims)
        if ord == 0:
            return (x != 0).astype(x.dtype).sum(axis=ax, keepdims=keepdims)
        if ord == 1:
            return np.sum(np.abs(x), axis=ax, keepdims=keepdims)
        return np.sum(np.abs(x) ** ord, axis=ax, keepdims=keepdims) ** (1 / ord)
    if len(axis) == 2:
        row, col = _ax(axis[0], x.ndim), _ax(axis[1], x.ndim)
        if row == col:
            raise ValueError("Duplicate axes given.")
        if ord in (2, -2, "nuc"):
            raise NotImplementedError(f"np.linalg.norm(ord={ord!r}) of a matrix needs its singular values, which GradLens does not compute")
        if ord in (1, -1):
            ret = np.sum(np.abs(x), axis=row)
            ret = ret.max(axis=col - 1 if col > row else col) if ord == 1 else ret.min(axis=col - 1 if col > row else col)
        elif ord in (np.inf, -np.inf):
            ret = np.sum(np.abs(x), axis=col)
            ret = ret.max(axis=row - 1 if row > col else row) if ord == np.inf else ret.min(axis=row - 1 if row > col else row)
        else:
            raise ValueError("Invalid norm order for matrices.")
        if keepdims:
            shape = list(x.shape)
            shape[row] = 1
            shape[col] = 1
            ret = np.reshape(ret, shape)
        return ret
    raise ValueError("Improper number of dimensions to norm.")
`;
