/**
 * numpy's polynomial functions in Python over GradLens's numpy (loaded with
 * numpyPythonSource.ts): `polyfit` (least squares on the scaled Vandermonde matrix, through
 * `np.linalg.lstsq`, as numpy 1.24 solves it), `vander`, `poly1d` (call, coefficients, roots,
 * arithmetic, `deriv`/`integ`, numpy's repr and two-line str), `polyder`, `polyint`,
 * `polyadd`, `polysub`, `polymul`, `poly` and `roots` (the companion matrix's eigenvalues:
 * real roots only, GradLens has no complex numbers).
 */
export const NUMPY_POLYNOMIAL_SOURCE = `


class RankWarning(UserWarning):
    pass


def vander(x, N=None, increasing=False):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    if N is None:
        N = len(x)
    cols = []
    power = np.ones(x.shape, dtype=np.result_type(x, 1))
    for k in range(N):
        cols.append(power)
        power = power * x
    v = np.stack(cols, axis=1) if N > 0 else np.zeros((len(x), 0), dtype=np.result_type(x, 1))
    return v if increasing else v[:, ::-1].copy()


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    order = int(deg) + 1
    x = np.asarray(x) + 0.0
    y = np.asarray(y) + 0.0
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")
    if rcond is None:
        rcond = len(x) * np.finfo(x.dtype).eps
    lhs = vander(x, order)
    rhs = y
    if w is not None:
        w = np.asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        lhs = lhs * w[:, np.newaxis]
        rhs = rhs * (w[:, np.newaxis] if rhs.ndim == 2 else w)
    # each column scaled to unit norm for the condition number, the solution scaled back
    scale = np.sqrt((lhs * lhs).sum(axis=0))
    lhs = lhs / scale
    c, resids, rank, s = np.linalg.lstsq(lhs, rhs, rcond)
    c = (c.T / scale).T
    if rank != order and not full:
        import warnings
        warnings.warn("Polyfit may be poorly conditioned", RankWarning, stacklevel=2)
    if full:
        return c, resids, rank, s, rcond
    if cov:
        Vbase = np.linalg.inv(np.dot(lhs.T, lhs))
        Vbase = Vbase / np.outer(scale, scale)
        if cov == "unscaled":
            fac = 1
        else:
            if len(x) <= order:
                raise ValueError("the number of data points must exceed order to scale the covariance matrix")
            fac = resids / (len(x) - order)
        if y.ndim == 1:
            return c, Vbase * fac
        return c, Vbase[:, :, np.newaxis] * fac
    return c


def polyval(p, x):
    if isinstance(p, poly1d):
        p = p.coeffs
    p = np.asarray(p)
    if isinstance(x, poly1d):
        y = 0
    else:
        x = np.asarray(x)
        y = np.zeros_like(x)
    for pv in p:
        y = y * x + pv
    return _unwrap(y)


def _coeffs_of(a):
    return a.coeffs if isinstance(a, poly1d) else np.atleast_1d(np.asarray(a))


def _trim_leading(c):
    nz = np.nonzero(c)[0]
    if len(nz) == 0:
        return np.array([0], dtype=c.dtype) if len(c) == 0 else c[-1:]
    return c[nz[0]:]


def polyadd(a1, a2):
    wrap = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    a1 = _coeffs_of(a1)
    a2 = _coeffs_of(a2)
    diff = len(a2) - len(a1)
    if diff > 0:
        a1 = np.concatenate((np.zeros(diff, a1.dtype), a1))
    elif diff < 0:
        a2 = np.concatenate((np.zeros(-diff, a2.dtype), a2))
    r = a1 + a2
    return poly1d(r) if wrap else r


def polysub(a1, a2):
    wrap = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    a1 = _coeffs_of(a1)
    a2 = _coeffs_of(a2)
    diff = len(a2) - len(a1)
    if diff > 0:
        a1 = np.concatenate((np.zeros(diff, a1.dtype), a1))
    elif diff < 0:
        a2 = np.concatenate((np.zeros(-diff, a2.dtype), a2))
    r = a1 - a2
    return poly1d(r) if wrap else r


def polymul(a1, a2):
    wrap = isinstance(a1, poly1d) or isinstance(a2, poly1d)
    r = np.convolve(_coeffs_of(a1), _coeffs_of(a2))
    return poly1d(r) if wrap else r


def polyder(p, m=1):
    m = int(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    wrap = isinstance(p, poly1d)
    p = _coeffs_of(p)
    n = len(p) - 1
    y = p[:-1] * np.arange(n, 0, -1)
    val = p if m == 0 else polyder(y, m - 1)
    return poly1d(val) if wrap else val


def polyint(p, m=1, k=None):
    m = int(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    if k is None:
        k = np.zeros(m, float)
    k = np.atleast_1d(k)
    if len(k) == 1 and m > 1:
        k = k[0] * np.ones(m, float)
    if len(k) < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    wrap = isinstance(p, poly1d)
    p = _coeffs_of(p)
    if m == 0:
        return poly1d(p) if wrap else p
    y = np.concatenate((p / np.arange(len(p), 0, -1), [k[0]]))
    val = polyint(y, m - 1, k=k[1:])
    return poly1d(val) if wrap else val


def poly(seq_of_zeros):
    seq_of_zeros = np.atleast_1d(seq_of_zeros)
    sh = seq_of_zeros.shape
    if len(sh) == 2 and sh[0] == sh[1] and sh[0] != 0:
        seq_of_zeros = np.linalg.eigvals(seq_of_zeros)
    elif len(sh) != 1:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    a = np.ones((1,))
    for zero in seq_of_zeros:
        a = np.convolve(a, np.array([1, -zero]))
    return a


def roots(p):
    p = np.atleast_1d(p)
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    non_zero = np.nonzero(np.ravel(p))[0]
    if len(non_zero) == 0:
        return np.array([])
    trailing_zeros = len(p) - int(non_zero[-1]) - 1
    p = p[int(non_zero[0]):int(non_zero[-1]) + 1]
    if p.dtype.kind != "f":
        p = p.astype(float)
    N = len(p)
    if N > 1:
        # the companion matrix: ones below the diagonal, -p[1:]/p[0] on the first row
        A = np.diag(np.ones((N - 2,), p.dtype), -1)
        A[0, :] = -p[1:] / p[0]
        try:
            r = np.linalg.eigvals(A)
        except NotImplementedError:
            raise NotImplementedError("np.roots: the polynomial has complex roots, and GradLens has no complex numbers") from None
    else:
        r = np.array([])
    return np.concatenate((r, np.zeros(trailing_zeros, r.dtype)))


def _two_line_layout(text, width=70):
    # Each "**k" in text becomes k raised onto a line above: the text before it (without its
    # last character, over which k starts) is padded on the exponent line, and k's extra
    # digits pad the term line. A pair of lines that would pass width starts a new pair.
    pieces = []
    rest = text
    while "**" in rest:
        before, after = rest.split("**", 1)
        digits = len(after) - len(after.lstrip("0123456789"))
        pieces.append((before, after[:digits]))
        rest = after[digits:]
    pairs = []
    top = bottom = ""
    for before, power in pieces:
        up = " " * (len(before) - 1) + power
        down = before + " " * (len(power) - 1)
        if len(bottom) + len(down) > width or len(top) + len(up) > width:
            pairs.append((top, bottom))
            top, bottom = up, down
        else:
            top, bottom = top + up, bottom + down
    pairs.append((top, bottom))
    return " " + "\\n ".join(t + "\\n" + b for t, b in pairs) + rest


def _coefficient_text(q):
    text = "%.4g" % q
    return text[:-5] if text.endswith(".0000") else text


class poly1d:
    __hash__ = None

    def __init__(self, c_or_r, r=False, variable=None):
        if isinstance(c_or_r, poly1d):
            self._variable = c_or_r._variable
            self._coeffs = c_or_r._coeffs
            if variable is not None:
                self._variable = variable
            return
        if r:
            c_or_r = poly(c_or_r)
        c_or_r = np.atleast_1d(c_or_r)
        if c_or_r.ndim > 1:
            raise ValueError("Polynomial must be 1d only.")
        nz = np.nonzero(c_or_r)[0]
        c_or_r = c_or_r[int(nz[0]):] if len(nz) else c_or_r[:0]
        if len(c_or_r) == 0:
            c_or_r = np.array([0], dtype=c_or_r.dtype)
        self._coeffs = c_or_r
        self._variable = "x" if variable is None else variable

    @property
    def coeffs(self):
        return self._coeffs

    @property
    def variable(self):
        return self._variable

    @property
    def order(self):
        return len(self._coeffs) - 1

    @property
    def roots(self):
        return roots(self._coeffs)

    c = coef = coefficients = coeffs
    o = order
    r = roots

    def __array__(self, t=None):
        return np.asarray(self.coeffs, dtype=t) if t is not None else np.asarray(self.coeffs)

    def __repr__(self):
        inner = repr(self.coeffs)
        return "poly1d" + inner[inner.index("("):]

    def __len__(self):
        return self.order

    def __str__(self):
        kept = self.coeffs[np.logical_or.accumulate(self.coeffs != 0)]
        degree = len(kept) - 1
        text = None
        for k, value in enumerate(kept.tolist()):
            number = _coefficient_text(value)
            power = degree - k
            if number == "0":
                term = "0" if (power == 0 and k == 0) else ""
            elif power == 0:
                term = number
            elif power == 1:
                term = number + " " + self.variable
            else:
                term = number + " " + self.variable + "**" + str(power)
            if text is None:
                text = term
            elif term.startswith("-"):
                text += " - " + term[1:]
            elif term:
                text += " + " + term
        return _two_line_layout("0" if text is None else text)

    def __call__(self, val):
        return polyval(self.coeffs, val)

    def __neg__(self):
        return poly1d(-self.coeffs)

    def __pos__(self):
        return self

    def __mul__(self, other):
        if np.isscalar(other):
            return poly1d(self.coeffs * other)
        return poly1d(polymul(self.coeffs, _coeffs_of(other)))

    def __rmul__(self, other):
        if np.isscalar(other):
            return poly1d(other * self.coeffs)
        return poly1d(polymul(_coeffs_of(other), self.coeffs))

    def __add__(self, other):
        return poly1d(polyadd(self.coeffs, _coeffs_of(other)))

    def __radd__(self, other):
        return poly1d(polyadd(_coeffs_of(other), self.coeffs))

    def __sub__(self, other):
        return poly1d(polysub(self.coeffs, _coeffs_of(other)))

    def __rsub__(self, other):
        return poly1d(polysub(_coeffs_of(other), self.coeffs))

    def __pow__(self, val):
        if not np.isscalar(val) or int(val) != val or val < 0:
            raise ValueError("Power to non-negative integers only.")
        res = [1]
        for _ in range(int(val)):
            res = polymul(self.coeffs, res)
        return poly1d(res)

    def __truediv__(self, other):
        if np.isscalar(other):
            return poly1d(self.coeffs / other)
        raise NotImplementedError("GradLens's poly1d divides by scalars only")

    def __eq__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        if self.coeffs.shape != other.coeffs.shape:
            return False
        return bool((self.coeffs == other.coeffs).all())

    def __ne__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        return not self.__eq__(other)

    def __getitem__(self, val):
        ind = self.order - val
        if val > self.order or val < 0:
            return np.zeros(1, dtype=self.coeffs.dtype)[0]
        return self.coeffs[ind]

    def __iter__(self):
        return iter(self.coeffs)

    def integ(self, m=1, k=0):
        return poly1d(polyint(self.coeffs, m=m, k=k))

    def deriv(self, m=1):
        return poly1d(polyder(self.coeffs, m=m))
`;
