import { libraryProgram } from "./libraryProgram";
import type { Interpreter } from "../interpreter/interpreter";
import { PyModule } from "../interpreter/objects";

/**
 * Python's `pathlib` on POSIX, written in Python over `os`, `os.path` and `open()`, so a `Path`
 * sees exactly what they see: the workspace's files, read-only (a path outside it is the same
 * PermissionError `open()` gives; `write_text`, `mkdir`, `unlink`, … are PermissionErrors).
 * `glob`, `rglob` and `iterdir` return iterators over lists, since GradLens has no generators.
 * One class chain (PurePath → Path → PosixPath, PurePosixPath beside it): GradLens has no
 * multiple inheritance, so a PosixPath is not an instance of PurePosixPath.
 */
const PATHLIB_SOURCE = `
import os
from fnmatch import fnmatchcase as _matches

def _split(text):
    if text.startswith('//') and not text.startswith('///'):
        root = '//'
    elif text.startswith('/'):
        root = '/'
    else:
        root = ''
    return root, [p for p in text.split('/') if p and p != '.']

def _has_magic(part):
    return '*' in part or '?' in part or '[' in part

class PurePath:
    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parts(args)

    @classmethod
    def _from_parts(cls, args):
        self = object.__new__(cls)
        root = ''
        parts = []
        for a in args:
            if isinstance(a, PurePath):
                r, ps = a._root, a._parts
            else:
                if not isinstance(a, str) and hasattr(a, '__fspath__'):
                    a = a.__fspath__()
                if not isinstance(a, str):
                    raise TypeError("expected str, bytes or os.PathLike object, not " + type(a).__name__)
                r, ps = _split(a)
            if r:
                root = r
                parts = list(ps)
            else:
                parts.extend(ps)
        self._root = root
        self._parts = parts
        return self

    def _make(self, root, parts):
        p = object.__new__(type(self))
        p._root = root
        p._parts = parts
        return p

    def __str__(self):
        return (self._root + '/'.join(self._parts)) or '.'

    def __fspath__(self):
        return str(self)

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, self.as_posix())

    def as_posix(self):
        return str(self)

    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._root == other._root and self._parts == other._parts

    def _key(self):
        return [self._root] + self._parts

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    def __truediv__(self, key):
        try:
            return type(self)._from_parts([self, key])
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)._from_parts([key, self])
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        return type(self)._from_parts([self] + list(args))

    @property
    def parts(self):
        return tuple(([self._root] if self._root else []) + self._parts)

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def drive(self):
        return ''

    @property
    def name(self):
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._make(self._root, self._parts[:-1])

    @property
    def parents(self):
        found = []
        p = self
        while p._parts:
            p = p.parent
            found.append(p)
        return tuple(found)

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def with_name(self, name):
        if not self.name:
            raise ValueError("{!r} has an empty name".format(self))
        if not name or '/' in name or name == '.':
            raise ValueError("Invalid name {!r}".format(name))
        return self._make(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix or (suffix and not suffix.startswith('.')) or suffix == '.':
            raise ValueError("Invalid suffix {!r}".format(suffix))
        name = self.name
        if not name:
            raise ValueError("{!r} has an empty name".format(self))
        old = self.suffix
        name = (name[:len(name) - len(old)] if old else name) + suffix
        return self._make(self._root, self._parts[:-1] + [name])

    def relative_to(self, *other):
        base = type(self)._from_parts(other)
        n = len(base._parts)
        if base._root != self._root or self._parts[:n] != base._parts:
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative and the other is absolute.".format(str(self), str(base)))
        return self._make('', self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, path_pattern):
        pattern = type(self)._from_parts([path_pattern])
        pats = pattern._parts
        if not pats and not pattern._root:
            raise ValueError("empty pattern")
        if pattern._root:
            if self._root != pattern._root or len(self._parts) != len(pats):
                return False
        elif len(pats) > len(self._parts):
            return False
        for part, pat in zip(reversed(self._parts), reversed(pats)):
            if not _matches(part, pat):
                return False
        return True

class PurePosixPath(PurePath):
    pass

def _denied(name):
    def method(self, *args, **kwargs):
        raise PermissionError("GradLens programs may not change files (Path." + name + " was called)")
    return method

class Path(PurePath):
    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parts(args)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls('~').expanduser()

    def expanduser(self):
        # a run has no home directory (no environment, no user database): CPython's error then
        if not self._root and self._parts and self._parts[0][:1] == '~':
            home = os.path.expanduser(self._parts[0])
            if home[:1] == '~':
                raise RuntimeError("Could not determine home directory.")
            return type(self)._from_parts([home] + self._parts[1:])
        return self

    def absolute(self):
        if self._root:
            return self
        return type(self)._from_parts([os.getcwd(), self])

    def resolve(self, strict=False):
        p = type(self)(os.path.realpath(str(self)))
        if strict and not p.exists():
            raise FileNotFoundError("[Errno 2] No such file or directory: " + repr(str(self)))
        return p

    def stat(self):
        return os.stat(str(self))

    def exists(self):
        return os.path.exists(str(self))

    def is_file(self):
        return os.path.isfile(str(self))

    def is_dir(self):
        return os.path.isdir(str(self))

    def is_symlink(self):
        return False

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return open(self, mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None):
        with open(self, 'r', encoding=encoding, errors=errors) as f:
            return f.read()

    def read_bytes(self):
        with open(self, 'rb') as f:
            return f.read()

    def iterdir(self):
        return iter([self._make(self._root, self._parts + [name]) for name in os.listdir(str(self))])

    def _select(self, parts, found):
        if not parts:
            found.append(self)
            return
        part = parts[0]
        rest = parts[1:]
        if part == '**':
            # this folder and every folder below it, each once
            stack = [self]
            while stack:
                d = stack.pop(0)
                d._select(rest, found)
                for name in os.listdir(str(d)):
                    child = d._make(d._root, d._parts + [name])
                    if child.is_dir():
                        stack.append(child)
            return
        if not self.is_dir():
            return
        if _has_magic(part):
            for name in os.listdir(str(self)):
                if _matches(name, part):
                    child = self._make(self._root, self._parts + [name])
                    if rest and not child.is_dir():
                        continue
                    child._select(rest, found)
        else:
            child = self._make(self._root, self._parts + [part])
            if child.exists():
                child._select(rest, found)

    def glob(self, pattern):
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        pat = PurePath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        found = []
        self._select(pat._parts, found)
        seen = []
        for p in found:
            if p not in seen:
                seen.append(p)
        return iter(seen)

    def rglob(self, pattern):
        return self.glob('**/' + pattern)

    write_text = _denied('write_text')
    write_bytes = _denied('write_bytes')
    mkdir = _denied('mkdir')
    touch = _denied('touch')
    unlink = _denied('unlink')
    rmdir = _denied('rmdir')
    rename = _denied('rename')
    replace = _denied('replace')
    chmod = _denied('chmod')
    symlink_to = _denied('symlink_to')
    hardlink_to = _denied('hardlink_to')

class PosixPath(Path):
    pass
`;

export function makePathlibModule(interp: Interpreter, load: (name: string) => PyModule): PyModule {
  load("os");
  const m = new PyModule("pathlib");
  for (const [k, v] of interp.runLibraryModule(libraryProgram("pathlib", PATHLIB_SOURCE), "pathlib"))
    if (!k.startsWith("__") && k !== "os") m.attrs.set(k, v);
  return m;
}
