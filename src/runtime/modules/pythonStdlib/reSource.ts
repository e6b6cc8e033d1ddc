/**
 * Python's `re`, written in Python over GradLens's regular-expression engine (`_gradlens_re`,
 * regexCore.ts: a pattern translated to a JavaScript RegExp): `Pattern`, `Match`, the module's
 * functions, replacement templates, Python 3.7's rule for empty matches, `re.error`.
 */
export const RE_SOURCE = `import sys as _sys
import _gradlens_re as _core

A = ASCII = 256
I = IGNORECASE = 2
L = LOCALE = 4
M = MULTILINE = 8
S = DOTALL = 16
U = UNICODE = 32
X = VERBOSE = 64
NOFLAG = 0
_FLAG_NAMES = [(A, 'ASCII'), (I, 'IGNORECASE'), (L, 'LOCALE'), (M, 'MULTILINE'), (S, 'DOTALL'), (X, 'VERBOSE')]


class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        super().__init__(msg)
        self.msg = msg
        self.pattern = pattern
        self.pos = pos


class Match:
    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = pos
        self.endpos = endpos
        self._spans = spans
        # the group that closed last: the latest end, the outermost on a tie
        last = None
        for g in range(1, pattern.groups + 1):
            st, e = spans[2 * g], spans[2 * g + 1]
            if st < 0:
                continue
            if last is None or e > spans[2 * last + 1] or (e == spans[2 * last + 1] and st < spans[2 * last]):
                last = g
        self.lastindex = last
        self.lastgroup = None
        if last is not None:
            for name, n in pattern.groupindex.items():
                if n == last:
                    self.lastgroup = name

    def _index(self, g):
        if isinstance(g, str):
            if g not in self.re.groupindex:
                raise IndexError('no such group')
            return self.re.groupindex[g]
        if isinstance(g, bool) or not isinstance(g, int) or g < 0 or g > self.re.groups:
            raise IndexError('no such group')
        return g

    def _group(self, g, default=None):
        i = self._index(g)
        s, e = self._spans[2 * i], self._spans[2 * i + 1]
        return default if s < 0 else self.string[s:e]

    def group(self, *args):
        if not args:
            return self._group(0)
        if len(args) == 1:
            return self._group(args[0])
        return tuple(self._group(g) for g in args)

    def __getitem__(self, g):
        return self._group(g)

    def groups(self, default=None):
        return tuple(self._group(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(n, default) for name, n in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    def expand(self, template):
        return _expand(self, _template(self.re, template))

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())


class Pattern:
    def __init__(self, pattern, flags):
        try:
            self._handle, self.flags, self.groups, self.groupindex = _core._compile(pattern, flags)
        except ValueError as e:
            raise error(str(e), pattern) from None
        self.flags |= UNICODE if not self.flags & ASCII else 0
        self.pattern = pattern

    def _exec(self, string, pos, endpos, mode):
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        spans = _core._exec(self._handle, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, pos, min(endpos, len(string)), spans)

    def search(self, string, pos=0, endpos=_sys.maxsize):
        return self._exec(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=_sys.maxsize):
        return self._exec(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_sys.maxsize):
        return self._exec(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=_sys.maxsize):
        return iter(self._all(string, pos, endpos))

    def _all(self, string, pos=0, endpos=_sys.maxsize, limit=0):
        # Python 3.7's rule: an empty match may follow a non-empty one at the same place, but
        # not another empty one there
        found = []
        end = min(endpos, len(string))
        must_advance_at = -1
        while pos <= end:
            m = self._exec(string, pos, endpos, 0)
            if m is None:
                break
            s, e = m.span()
            if s == e == must_advance_at:
                pos = s + 1
                continue
            found.append(m)
            if limit and len(found) >= limit:
                break
            pos = e
            must_advance_at = e if s == e else -1
        return found

    def findall(self, string, pos=0, endpos=_sys.maxsize):
        out = []
        for m in self._all(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m.group(1) or '')
            else:
                out.append(tuple(g or '' for g in m.groups()))
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            fill = repl
        else:
            parts = _template(self, repl)
            fill = lambda m: _expand(m, parts)
        out = []
        at = 0
        n = 0
        for m in self._all(string, 0, _sys.maxsize, count):
            out.append(string[at:m.start()])
            text = fill(m)
            if not isinstance(text, str):
                raise TypeError('expected str instance, %s found' % type(text).__name__)
            out.append(text)
            at = m.end()
            n += 1
        out.append(string[at:])
        return (''.join(out), n)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        out = []
        at = 0
        for m in self._all(string, 0, _sys.maxsize, maxsplit):
            out.append(string[at:m.start()])
            out.extend(m.groups())
            at = m.end()
        out.append(string[at:])
        return out

    def __repr__(self):
        names = [name for bit, name in _FLAG_NAMES if self.flags & bit]
        if names:
            return 're.compile(%r, %s)' % (self.pattern, '|'.join('re.' + n for n in names))
        return 're.compile(%r)' % (self.pattern,)

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))


_ESCAPES = {'n': '\\n', 't': '\\t', 'r': '\\r', 'f': '\\f', 'v': '\\v', 'a': '\\a', 'b': '\\b', '\\\\': '\\\\'}


def _template(pattern, repl):
    """A replacement template as literal strings and group numbers."""
    if not isinstance(repl, str):
        raise TypeError('expected str instance, %s found' % type(repl).__name__)
    parts = []
    literal = ''
    i = 0
    while i < len(repl):
        c = repl[i]
        if c != '\\\\':
            literal += c
            i += 1
            continue
        if i + 1 >= len(repl):
            raise error('bad escape (end of pattern) at position %d' % i)
        nxt = repl[i + 1]
        if nxt == 'g':
            close = repl.find('>', i)
            if i + 2 >= len(repl) or repl[i + 2] != '<' or close < 0:
                raise error('missing < at position %d' % (i + 2))
            name = repl[i + 3:close]
            if name.isdigit():
                group = int(name)
            elif name in pattern.groupindex:
                group = pattern.groupindex[name]
            else:
                raise IndexError("unknown group name '%s'" % name)
            if group > pattern.groups:
                raise error('invalid group reference %d at position %d' % (group, i + 3))
            parts.append(literal)
            parts.append(group)
            literal = ''
            i = close + 1
        elif nxt.isdigit():
            j = i + 1
            while j < len(repl) and j < i + 3 and repl[j].isdigit():
                j += 1
            group = int(repl[i + 1:j])
            if group > pattern.groups:
                raise error('invalid group reference %d at position %d' % (group, i + 1))
            parts.append(literal)
            parts.append(group)
            literal = ''
            i = j
        elif nxt in _ESCAPES:
            literal += _ESCAPES[nxt]
            i += 2
        elif nxt.isascii() and nxt.isalpha():
            raise error('bad escape \\\\%s at position %d' % (nxt, i))
        else:
            literal += '\\\\' + nxt
            i += 2
    parts.append(literal)
    return parts


def _expand(m, parts):
    out = []
    for k, p in enumerate(parts):
        if k % 2 == 0:
            out.append(p)
        else:
            out.append(m.group(p) or '')
    return ''.join(out)


_cache = {}


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= 512:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()


_SPECIAL = set('()[]{}?*+-|^$\\\\.&~# \\t\\n\\r\\v\\f')


def escape(pattern):
    return ''.join('\\\\' + c if c in _SPECIAL else c for c in pattern)
`;
