/**
 * `np.linalg.inv`, `solve`, `det` and `slogdet` in Python over GradLens's numpy (loaded with
 * numpyPythonSource.ts; linalgModule.ts hands them out): an LU factorisation with partial
 * pivoting (the largest |pivot| in each column, the first of equals, the column below it scaled
 * by the pivot's reciprocal) as LAPACK's getrf, then the two triangular solves of getrs.
 * OpenBLAS orders the sums of getrf's and getrs's updates differently (dot products, fused
 * multiply-adds, blocks), so from 3 × 3 on the last bits of a result can differ from numpy's
 * (2 × 2 ones and exact results, such as integer matrices with integer inverses, are numpy's).
 * `det` is sign · exp(Σ log|uᵢᵢ|), as numpy computes it from `slogdet`. Also the wrappers of
 * the LAPACK kernels (`np.linalg._svd_kernel` and the rest, decompositions.ts): numpy's
 * argument checks, errors, dtypes and stacked matrices for `svd`, `eigh`, `eigvalsh`, `eig`,
 * `eigvals`, `qr`, `cholesky` and `lstsq`, and `pinv`, `matrix_rank`, `matrix_power` and the
 * singular-value norms computed as numpy computes them from those.
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
            # the singular values of each matrix (numpy moves the two axes last)
            s = _svd(np.moveaxis(x, (row, col), (-2, -1)), compute_uv=False)
            ret = np.max(s, axis=-1) if ord == 2 else np.min(s, axis=-1) if ord == -2 else np.sum(s, axis=-1)
        elif ord in (1, -1):
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


def _stacked(a):
    a = np.asarray(a)
    if a.ndim < 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be at least two-dimensional")
    return a


def _kernel_dtype(a):
    # LAPACK works in the array's float type; GradLens computes in float64 and casts back
    return a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)


def _over_stack(a, one):
    # one(matrix) -> a tuple of arrays; numpy's stacked matrices give stacked results
    if a.ndim == 2:
        return one(a)
    parts = [one(a[ix]) for ix in np.ndindex(*a.shape[:-2])]
    return tuple(np.stack([p[i] for p in parts]).reshape(a.shape[:-2] + parts[0][i].shape)
                 for i in range(len(parts[0])))


def _svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    a = _stacked(a)
    dtype = _kernel_dtype(a)

    def one(m):
        r = np.linalg._svd_kernel(m.astype(np.float64), bool(full_matrices), bool(compute_uv))
        if r is None:
            raise np.linalg.LinAlgError("SVD did not converge")
        return tuple(x.astype(dtype) for x in r) if compute_uv else (r.astype(dtype),)

    if hermitian:
        raise NotImplementedError("GradLens's np.linalg.svd does not take hermitian=True")
    r = _over_stack(a, one)
    return r if compute_uv else r[0]


def _eigh_any(a, UPLO, vectors):
    a = _square(_stacked(a))
    if UPLO not in ("L", "U"):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    dtype = _kernel_dtype(a)

    def one(m):
        m = m.astype(np.float64)
        # the upper triangle read as the lower one of the transpose
        r = np.linalg._eigh_kernel(m.T.copy() if UPLO == "U" else m, vectors)
        if r is None:
            raise np.linalg.LinAlgError("Eigenvalues did not converge")
        return tuple(x.astype(dtype) for x in r) if vectors else (r.astype(dtype),)

    return _over_stack(a, one)


def _eigh(a, UPLO="L"):
    return _eigh_any(a, UPLO, True)


def _eigvalsh(a, UPLO="L"):
    return _eigh_any(a, UPLO, False)[0]


def _eig_any(a, vectors):
    a = _square(_stacked(a))
    dtype = _kernel_dtype(a)
    if not np.isfinite(a).all():
        raise np.linalg.LinAlgError("Array must not contain infs or NaNs")

    def one(m):
        r = np.linalg._eig_kernel(m.astype(np.float64), vectors)
        if r is None:
            raise np.linalg.LinAlgError("Eigenvalues did not converge")
        if isinstance(r, str):
            raise NotImplementedError(r)
        return tuple(x.astype(dtype) for x in r) if vectors else (r.astype(dtype),)

    return _over_stack(a, one)


def _eig(a):
    return _eig_any(a, True)


def _eigvals(a):
    return _eig_any(a, False)[0]


def _qr(a, mode="reduced"):
    if mode not in ("reduced", "complete", "r", "raw"):
        raise ValueError(f"Unrecognized mode '{mode}'")
    a = _stacked(a)
    dtype = _kernel_dtype(a)

    def one(m):
        q, r, raw, tau = np.linalg._qr_kernel(m.astype(np.float64), mode == "complete")
        if mode == "raw":
            return raw.T.astype(dtype), tau.astype(dtype)
        return q.astype(dtype), r.astype(dtype)

    q, r = _over_stack(a, one)
    if mode == "r":
        return r
    return q, r


def _cholesky(a):
    a = _square(_stacked(a))
    dtype = _kernel_dtype(a)

    def one(m):
        r = np.linalg._cholesky_kernel(m.astype(np.float64))
        if r is None:
            raise np.linalg.LinAlgError("Matrix is not positive definite")
        return (r.astype(dtype),)

    return _over_stack(a, one)[0]


def _pinv(a, rcond=1e-15, hermitian=False):
    a = _stacked(a)
    rcond = np.asarray(rcond)
    if a.shape[-1] == 0 or a.shape[-2] == 0:
        return np.zeros(a.shape[:-2] + (a.shape[-1], a.shape[-2]), dtype=_kernel_dtype(a))
    u, s, vt = _svd(a, full_matrices=False, hermitian=hermitian)
    # numpy's order: the cutoff from the largest value, 1/s where above it, then vᵀᵀ·(s·uᵀ)
    cutoff = rcond[..., np.newaxis] * np.max(s, axis=-1, keepdims=True)
    large = s > cutoff
    s = np.where(large, 1 / np.where(large, s, 1), 0).astype(s.dtype)
    return np.matmul(np.swapaxes(vt, -1, -2), np.multiply(s[..., np.newaxis], np.swapaxes(u, -1, -2)))


def _matrix_rank(A, tol=None, hermitian=False):
    A = np.asarray(A)
    if A.ndim < 2:
        return int(not np.all(A == 0))
    S = _svd(A, compute_uv=False, hermitian=hermitian)
    if tol is None:
        tol = np.max(S, axis=-1, keepdims=True) * max(A.shape[-2:]) * np.finfo(S.dtype).eps
    else:
        tol = np.asarray(tol)[..., np.newaxis]
    return np.count_nonzero(S > tol, axis=-1)


def _matrix_power(a, n):
    a = _square(_stacked(a))
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool):
        raise TypeError("exponent must be an integer")
    n = int(n)
    if n == 0:
        return np.broadcast_to(np.eye(a.shape[-2], dtype=a.dtype), a.shape).copy()
    if n < 0:
        a = _inv(a)
        n = -n
    if n == 1:
        return a
    if n == 2:
        return np.matmul(a, a)
    if n == 3:
        return np.matmul(np.matmul(a, a), a)
    # numpy's binary decomposition: squares of a, multiplied in where n has a bit
    z = result = None
    while n > 0:
        z = a if z is None else np.matmul(z, z)
        n, bit = divmod(n, 2)
        if bit:
            result = z if result is None else np.matmul(result, z)
    return result


def _lstsq(a, b, rcond="warn"):
    a = np.asarray(a)
    b = np.asarray(b)
    if a.ndim != 2:
        raise np.linalg.LinAlgError(f"{a.ndim}-dimensional array given. Array must be two-dimensional")
    vector = b.ndim == 1
    if vector:
        b = b[:, np.newaxis]
    if b.ndim != 2:
        raise np.linalg.LinAlgError(f"{b.ndim}-dimensional array given. Array must be two-dimensional")
    m, n = a.shape
    if m != b.shape[0]:
        raise np.linalg.LinAlgError("Incompatible dimensions")
    dtype = np.result_type(a.dtype, b.dtype, np.float64) if a.dtype.kind != "f" or b.dtype.kind != "f" else np.result_type(a, b)
    if isinstance(rcond, str) and rcond == "warn":
        import warnings
        warnings.warn("\`rcond\` parameter will change to the default of machine precision times \`\`max(M, N)\`\` where M and N are the input matrix dimensions.\\nTo use the future default and silence this warning we advise to pass \`rcond=None\`, to keep using the old, explicitly pass \`rcond=-1\`.", FutureWarning, stacklevel=3)
        rcond = -1
    if rcond is None:
        rcond = np.finfo(dtype).eps * max(m, n)
    af = a.astype(np.float64)
    bf = b.astype(np.float64)
    k = min(m, n)
    if k == 0:
        x = np.zeros((n, b.shape[1]))
        s = np.zeros(0)
        rank = 0
        resids = np.sum(bf * bf, axis=0) if m > 0 and n == 0 else np.zeros(0)
    elif m >= n:
        # LAPACK's dgelsd: singular values at most rcond·s₀ count as zero (eps when rcond < 0)
        r = np.linalg._lstsq_kernel(af, bf, float(rcond))
        if r is None:
            raise np.linalg.LinAlgError("SVD did not converge in Linear Least Squares")
        x, tail, s, rank = r
        if rank == n and m > n:
            # numpy adds the squares of Qᵀb's last m − n rows one after another
            resids = np.cumsum(tail * tail, axis=0)[-1]
        else:
            resids = np.zeros(0)
    else:
        # wide: the minimum-norm solution through the SVD (LAPACK bidiagonalises A itself)
        u, s, vt = np.linalg._svd_kernel(af, False, True)
        thresh = (rcond if rcond >= 0 else np.finfo(np.float64).eps) * s[0]
        keep = s > thresh
        rank = int(np.count_nonzero(keep))
        inv = np.where(keep, 1 / np.where(keep, s, 1), 0)
        x = vt.T @ (inv[:, np.newaxis] * (u.T @ bf))
        resids = np.zeros(0)
    x = x.astype(dtype)
    resids = resids.astype(dtype)
    s = s.astype(dtype)
    if vector:
        x = x[:, 0]
    return x, resids, rank, s
`;
