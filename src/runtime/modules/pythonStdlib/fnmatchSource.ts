/**
 * Python's `fnmatch`, written in Python: shell patterns (`*`, `?`, `[seq]`, `[!seq]`) matched without regular expressions.
 */
export const FNMATCH_SOURCE = `def fnmatchcase(name, pat):
    """Whether \`name\` matches the shell pattern \`pat\`: * any run, ? one character, [seq] and [!seq]."""
    pattern = pat
    def match(i, j):
        while j < len(pattern):
            c = pattern[j]
            if c == '*':
                while j < len(pattern) and pattern[j] == '*':
                    j += 1
                if j == len(pattern):
                    return True
                for k in range(i, len(name) + 1):
                    if match(k, j):
                        return True
                return False
            if i >= len(name):
                return False
            if c == '?':
                i += 1
                j += 1
                continue
            if c == '[':
                end = j + 1
                if end < len(pattern) and pattern[end] == '!':
                    end += 1
                if end < len(pattern) and pattern[end] == ']':
                    end += 1
                while end < len(pattern) and pattern[end] != ']':
                    end += 1
                if end < len(pattern):
                    body = pattern[j + 1:end]
                    negate = body.startswith('!')
                    if negate:
                        body = body[1:]
                    found = False
                    k = 0
                    while k < len(body):
                        if k + 2 < len(body) and body[k + 1] == '-':
                            if body[k] <= name[i] <= body[k + 2]:
                                found = True
                            k += 3
                        else:
                            if body[k] == name[i]:
                                found = True
                            k += 1
                    if found == negate:
                        return False
                    i += 1
                    j = end + 1
                    continue
            if name[i] != c:
                return False
            i += 1
            j += 1
        return i == len(name)
    return match(0, 0)


def fnmatch(name, pat):
    # on POSIX, os.path.normcase leaves names as they are: fnmatch is fnmatchcase
    return fnmatchcase(name, pat)


def filter(names, pat):
    return [n for n in names if fnmatch(n, pat)]
`;
