/**
 * `numpy.testing`'s assertions in Python over GradLens's numpy (numpyTesting.ts loads it):
 * the same comparisons as numpy 1.24's and AssertionErrors with its messages — the header,
 * the mismatch counts and largest differences, and the two arrays as numpy prints them.
 */
export const NUMPY_TESTING_SOURCE = `
import numpy as np


def _repr(a):
    # numpy prints the arrays of a message with 6 digits, and at most 3 lines of each
    if not isinstance(a, np.ndarray):
        return repr(a)
    old = np.get_printoptions()["precision"]
    np.set_printoptions(precision=6)
    try:
        r = repr(a)
    finally:
        np.set_printoptions(precision=old)
    if r.count("\\n") > 3:
        r = "\\n".join(r.splitlines()[:3]) + "..."
    return r


def _message(values, err_msg, header, names=("x", "y")):
    msg = ["\\n" + header]
    if err_msg:
        if err_msg.find("\\n") == -1 and len(err_msg) < 79 - len(header):
            msg = [msg[0] + " " + err_msg]
        else:
            msg.append(err_msg)
    for name, v in zip(names, values):
        msg.append(f" {name}: {_repr(v)}")
    return "\\n".join(msg)


def _number(v):
    # one number as numpy's array printing gives it (8 digits, "1." for a whole float)
    return str(np.array([v]))[1:-1].strip()


def _same_positions(x, y, test, name, err_msg, header):
    fx = np.asarray(test(x))
    fy = np.asarray(test(y))
    if bool(np.any(fx != fy)):
        raise AssertionError(_message([x, y], err_msg + f"\\nx and y {name} location mismatch:", header))
    return fx if fx.ndim else fy


def _compare(comparison, x, y, err_msg, header, equal_nan=True):
    ox = x = np.asarray(x)
    oy = y = np.asarray(y)
    if not (x.shape == () or y.shape == () or x.shape == y.shape):
        raise AssertionError(_message([x, y], err_msg + f"\\n(shapes {x.shape}, {y.shape} mismatch)", header))
    flagged = False
    if x.dtype.kind == "f" or y.dtype.kind == "f":
        xf = x.astype(float)
        yf = y.astype(float)
        if equal_nan:
            flagged = _same_positions(xf, yf, np.isnan, "nan", err_msg, header)
        flagged = flagged | _same_positions(xf, yf, lambda v: v == np.inf, "+inf", err_msg, header)
        flagged = flagged | _same_positions(xf, yf, lambda v: v == -np.inf, "-inf", err_msg, header)
    flagged = np.asarray(flagged)
    if flagged.ndim > 0:
        keep = ~flagged
        if x.shape != ():
            x = x[keep]
        if y.shape != ():
            y = y[keep]
        if x.size == 0 or y.size == 0:
            return
    elif bool(flagged):
        return
    ok = np.asarray(comparison(x, y))
    if bool(np.all(ok)):
        return
    count = int(np.sum(~ok))
    total = flagged.size if flagged.ndim > 0 else ok.size
    remarks = [f"Mismatched elements: {count} / {total} ({100 * count / total:.3g}%)"]
    error = np.abs(x - y)
    remarks.append("Max absolute difference: " + _number(np.max(error)))
    nonzero = np.asarray(y != 0)
    if not bool(np.any(nonzero)):
        remarks.append("Max relative difference: inf")
    else:
        rel = error / np.abs(y)
        rel = rel[np.broadcast_to(nonzero, rel.shape)] if rel.ndim else rel
        remarks.append("Max relative difference: " + _number(np.max(rel)))
    raise AssertionError(_message([ox, oy], err_msg + "\\n" + "\\n".join(remarks), header))


def assert_allclose(actual, desired, rtol=1e-07, atol=0, equal_nan=True, err_msg="", verbose=True):
    header = f"Not equal to tolerance rtol={rtol:g}, atol={atol:g}"
    _compare(lambda x, y: np.isclose(x, y, rtol=rtol, atol=atol, equal_nan=equal_nan), actual, desired, err_msg, header, equal_nan)


def assert_array_equal(x, y, err_msg="", verbose=True, *, strict=False):
    if strict and np.shape(x) != np.shape(y):
        raise AssertionError(_message([np.asarray(x), np.asarray(y)], err_msg + f"\\n(shapes {np.shape(x)}, {np.shape(y)} mismatch)", "Arrays are not equal"))
    _compare(lambda a, b: a == b, x, y, err_msg, "Arrays are not equal")


def assert_array_almost_equal(x, y, decimal=6, err_msg="", verbose=True):
    _compare(lambda a, b: np.abs(a - b) < 1.5 * 10.0 ** (-decimal), x, y, err_msg, f"Arrays are not almost equal to {decimal} decimals")


def assert_array_less(x, y, err_msg="", verbose=True):
    _compare(lambda a, b: a < b, x, y, err_msg, "Arrays are not less-ordered", equal_nan=False)


def _is_array(v):
    return isinstance(v, (np.ndarray, list, tuple))


def assert_almost_equal(actual, desired, decimal=7, err_msg="", verbose=True):
    if _is_array(actual) or _is_array(desired):
        return assert_array_almost_equal(actual, desired, decimal, err_msg)
    header = f"Arrays are not almost equal to {decimal} decimals"
    a = float(actual)
    d = float(desired)
    if a != a or d != d:
        if not (a != a and d != d):
            raise AssertionError(_message([actual, desired], err_msg, header, ("ACTUAL", "DESIRED")))
        return
    if a == d:
        return
    if abs(d - a) >= 1.5 * 10.0 ** (-decimal):
        raise AssertionError(_message([actual, desired], err_msg, header, ("ACTUAL", "DESIRED")))


def assert_equal(actual, desired, err_msg="", verbose=True):
    if isinstance(desired, dict):
        if not isinstance(actual, dict):
            raise AssertionError(repr(type(actual)))
        assert_equal(len(actual), len(desired), err_msg)
        for k in desired:
            if k not in actual:
                raise AssertionError(repr(k))
            assert_equal(actual[k], desired[k], f"key={k!r}\\n{err_msg}")
        return
    if isinstance(desired, (list, tuple)) and isinstance(actual, (list, tuple)):
        assert_equal(len(actual), len(desired), err_msg)
        for k in range(len(desired)):
            assert_equal(actual[k], desired[k], f"item={k!r}\\n{err_msg}")
        return
    if isinstance(actual, np.ndarray) or isinstance(desired, np.ndarray):
        return assert_array_equal(actual, desired, err_msg)
    if actual == desired:
        return
    if isinstance(actual, float) and isinstance(desired, float) and actual != actual and desired != desired:
        return
    raise AssertionError(_message([actual, desired], err_msg, "Items are not equal:", ("ACTUAL", "DESIRED")))
`;
