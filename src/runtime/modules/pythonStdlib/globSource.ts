/**
 * Python's `glob`, written in Python over `os.listdir`: the workspace's files a pattern names, hidden names left out unless asked, `**` with `recursive=True`; names come in the order the workspace lists them (CPython's in the file system's order).
 */
export const GLOB_SOURCE = `import os
from fnmatch import fnmatchcase


def has_magic(s):
    return '*' in s or '?' in s or '[' in s


def _hidden(name):
    return name.startswith('.')


def _list(dirname, dironly):
    try:
        names = os.listdir(dirname or os.curdir)
    except OSError:
        return []
    if dironly:
        names = [n for n in names if os.path.isdir(os.path.join(dirname, n))]
    return names


def _glob1(dirname, pattern, dironly, include_hidden):
    names = _list(dirname, dironly)
    if not (include_hidden or _hidden(pattern)):
        names = [n for n in names if not _hidden(n)]
    return [n for n in names if fnmatchcase(n, pattern)]


def _rlistdir(dirname, dironly, include_hidden):
    for name in _list(dirname, False):
        if include_hidden or not _hidden(name):
            path = os.path.join(dirname, name) if dirname else name
            isdir = os.path.isdir(path)
            if not dironly or isdir:
                yield name
            if isdir:
                for sub in _rlistdir(path, dironly, include_hidden):
                    yield os.path.join(name, sub)


def _glob2(dirname, dironly, include_hidden):
    yield ''
    for x in _rlistdir(dirname, dironly, include_hidden):
        yield x


def _iglob(pathname, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.exists(pathname):
                yield pathname
        elif os.path.isdir(dirname):
            yield pathname
        return
    if not dirname:
        if recursive and basename == '**':
            for x in _glob2(dirname, dironly, include_hidden):
                yield x
        else:
            for x in _glob1(dirname, basename, dironly, include_hidden):
                yield x
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    for d in dirs:
        if has_magic(basename):
            if recursive and basename == '**':
                names = list(_glob2(d, dironly, include_hidden))
            else:
                names = _glob1(d, basename, dironly, include_hidden)
        elif basename:
            names = [basename] if os.path.exists(os.path.join(d, basename)) else []
        else:
            names = [basename] if os.path.isdir(d) else []
        for name in names:
            yield os.path.join(d, name)


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    if root_dir is not None:
        raise NotImplementedError('GradLens does not run glob with root_dir')
    return iter(list(_iglob(pathname, recursive, False, include_hidden)))


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, recursive=recursive, include_hidden=include_hidden))


def escape(pathname):
    drive, rest = '', pathname
    out = ''
    for c in rest:
        out += '[' + c + ']' if c in '*?[' else c
    return drive + out
`;
