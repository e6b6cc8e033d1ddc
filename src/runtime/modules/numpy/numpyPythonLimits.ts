/**
 * `np.finfo` and `np.iinfo` in Python over GradLens's numpy (loaded with numpyPythonSource.ts):
 * the limits of the float and integer types, as numpy 1.24 gives them (the float ones as
 * scalars of the type itself, the integer ones as Python ints).
 */
export const NUMPY_PYTHON_LIMITS_SOURCE = `


def _type_name(t):
    if isinstance(t, str):
        return str(np.dtype(t))
    try:
        return str(np.dtype(t))
    except Exception:
        return str(np.asarray(t).dtype)


_FLOATS = {
    "float64": dict(bits=64, eps=2.0 ** -52, epsneg=2.0 ** -53, max=1.7976931348623157e308, tiny=2.2250738585072014e-308,
                    resolution=1e-15, precision=15, machep=-52, negep=-53, maxexp=1024, minexp=-1022, nexp=11, nmant=52,
                    smallest_subnormal=5e-324),
    "float32": dict(bits=32, eps=2.0 ** -23, epsneg=2.0 ** -24, max=3.4028234663852886e38, tiny=1.1754943508222875e-38,
                    resolution=1e-6, precision=6, machep=-23, negep=-24, maxexp=128, minexp=-126, nexp=8, nmant=23,
                    smallest_subnormal=2.0 ** -149),
}


class finfo:
    """Machine limits for a float type: eps, max, min, tiny (smallest_normal), resolution, …"""

    def __init__(self, dtype):
        name = _type_name(dtype)
        if name not in _FLOATS:
            if name.startswith("int") or name.startswith("uint") or name == "bool":
                raise ValueError(f"data type <class 'numpy.{name}'> not inexact")
            raise NotImplementedError(f"GradLens's np.finfo knows float32 and float64, not {name}")
        info = _FLOATS[name]
        t = getattr(np, name)
        self.dtype = np.dtype(name)
        self.bits = info["bits"]
        self.precision = info["precision"]
        for k in ("machep", "negep", "maxexp", "minexp", "nexp", "nmant"):
            setattr(self, k, info[k])
        self.iexp = info["nexp"]
        for k in ("eps", "epsneg", "max", "tiny", "resolution", "smallest_subnormal"):
            setattr(self, k, t(info[k]))
        self.min = t(-info["max"])
        self.smallest_normal = self.tiny

    def __repr__(self):
        return f"finfo(resolution={str(self.resolution)}, min={str(self.min)}, max={str(self.max)}, dtype={self.dtype})"


_INTS = {"int8": (8, True), "int16": (16, True), "int32": (32, True), "int64": (64, True),
         "uint8": (8, False), "uint16": (16, False), "uint32": (32, False), "uint64": (64, False)}


class iinfo:
    """Machine limits for an integer type: bits, min, max."""

    def __init__(self, int_type):
        name = _type_name(int_type)
        if name not in _INTS:
            kind = "f" if name.startswith("float") else "b" if name == "bool" else name
            raise ValueError(f"Invalid integer data type {kind!r}.")
        bits, signed = _INTS[name]
        self.dtype = np.dtype(name) if hasattr(np, name) else name
        self.kind = "i" if signed else "u"
        self.bits = bits
        self.min = -(2 ** (bits - 1)) if signed else 0
        self.max = 2 ** (bits - 1) - 1 if signed else 2 ** bits - 1

    def __repr__(self):
        return f"iinfo(min={self.min}, max={self.max}, dtype={self.dtype})"
`;
