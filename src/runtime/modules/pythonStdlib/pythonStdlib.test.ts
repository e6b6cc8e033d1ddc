import { describe, expect, it } from "vitest";
import { MemoryFiles } from "../../../files/testing/memoryFiles";
import { withFileAccess } from "../../files/runFileAccess";
import { runProgram } from "../../runProgram";

/**
 * Each program below was run by CPython 3.11 (tqdm 4.64 from Debian; `python3 -u`, stderr after
 * stdout as a terminal shows them) and its output recorded here; GradLens must print the same.
 */
const CASES: { name: string; program: string; output: string }[] = [
  {
    name: "logging: the last-resort handler, basicConfig, levels, the logger hierarchy, handlers and formatters, disable",
    program:
      "import logging\nimport sys\nlog = logging.getLogger(__name__)\nlog.warning('before config %d', 1)\nlog.info('not shown')\nlogging.basicConfig(level=logging.INFO, format='%(levelname)s - %(name)s - %(message)s', stream=sys.stdout)\nlog.info('epoch %d loss %.4f', 3, 0.12345)\nlogging.info('root info')\nlogging.debug('hidden')\nchild = logging.getLogger('train.step')\nchild.warning('from child %s', 'x')\nprint(log.getEffectiveLevel(), logging.getLevelName(logging.WARNING), logging.getLevelName(20), child.parent.name)\nh = logging.StreamHandler(sys.stdout)\nh.setFormatter(logging.Formatter('[{levelname}] {message}', style='{'))\nother = logging.getLogger('other')\nother.addHandler(h)\nother.propagate = False\nother.setLevel('DEBUG')\nother.debug('debugging %s', [1, 2])\nprint(other, logging.getLogger())\nlogging.disable(logging.INFO)\nlog.info(\"gone\")\nlog.warning(\"kept\")\n",
    output:
      "before config 1\nINFO - __main__ - epoch 3 loss 0.1235\nINFO - root - root info\nWARNING - train.step - from child x\n20 WARNING INFO root\n[DEBUG] debugging [1, 2]\n<Logger other (DEBUG)> <RootLogger root (INFO)>\nWARNING - __main__ - kept\n",
  },
  {
    name: "re: search, match, fullmatch, findall, finditer, sub with templates and functions, split, flags, verbose patterns, errors",
    program:
      "import re\nprint(re.findall(r'\\d+', 'a1b22c333'), re.findall(r'(\\w)(\\d)', 'a1 b2 c'), re.findall(r'(a)|b', 'ab'))\nm = re.search(r'(?P<word>[a-z]+)\\s+(?P<num>\\d+)', 'xx hello 42 yy')\nprint(m, m.group(), m.group(1), m.group('num'), m.groups(), m.groupdict(), m.span(2), m.start('word'), m.end(), m.lastindex, m.lastgroup, m[0])\nprint(re.match(r'\\d', 'a1'), re.match(r'a', 'ab'), re.fullmatch(r'a|ab', 'ab'), re.fullmatch(r'a', 'ab'))\nprint(re.sub(r'\\s+', ' ', 'a  b\\t\\nc'), re.sub(r'(\\w+)@(\\w+)', r'\\2 at \\1', 'me@home you@work'), re.sub(r'x*', '-', 'abxd'))\nprint(re.sub(r'(?P<d>\\d)', lambda m: str(int(m.group('d')) * 2), 'a1b2'), re.subn(r'a', 'b', 'aaa', count=2), re.sub(r'(\\d)', r'<\\g<1>>', '12'))\nprint(re.split(r',\\s*', 'a, b,c'), re.split(r'(,)', 'a,b'), re.split(r'\\W+', 'Words, words, words.', maxsplit=1), re.split(r'x*', 'axbc'))\np = re.compile(r'^\\s*(\\w+)\\s*=\\s*(.*?)\\s*$', re.MULTILINE)\nprint(p, p.findall('a = 1\\n b=two \\nc=3'), p.groups, p.pattern, p.flags & re.M != 0)\nprint(re.compile('ab', re.I | re.S), re.findall(r'HELLO', 'hello Hello', flags=re.IGNORECASE), re.findall('a.c', 'abc a\\nc', re.DOTALL))\nprint(re.escape('1+1=2 (a.b)*'), re.findall(r'^a$', 'a\\n'), re.findall(r'a$', 'a\\na\\n', re.M), bool(re.search(r'\\Aab\\Z', 'ab')), re.search(r'\\Aab\\Z', 'ab\\n'))\nprint([m.span() for m in re.finditer(r'\\b\\w', 'hi there you')], re.findall(r'[]a]+', 'a]]b'), re.findall(r'a{,2}', 'aaa'))\nwords = \"the cat sat on the mat\".split()\nprint(sorted(set(re.sub(r'[^a-z]', '', w) for w in words)))\ntext = \"Hello, World! It's 2024.\"\nprint(re.findall(r\"[A-Za-z']+\", text), re.sub(r'[^\\w\\s]', '', text).lower().split())\nv = re.compile(r\"\"\"\n    (\\d+)   # number\n    \\s*\n    ([a-z]+) # unit\n\"\"\", re.VERBOSE)\nprint(v.findall('10 kg, 5m'))\ntry:\n    re.compile('(')\nexcept re.error as e:\n    print('re.error', type(e).__name__)\nprint(re.sub(r'(a)|b', r'[\\1]', 'ab'), re.match('(a)(b)?', 'a').groups(), re.match('(a)(b)?', 'a').groups('-'))\n",
    output:
      "['1', '22', '333'] [('a', '1'), ('b', '2')] ['a', '']\n<re.Match object; span=(3, 11), match='hello 42'> hello 42 hello 42 ('hello', '42') {'word': 'hello', 'num': '42'} (9, 11) 3 11 2 num hello 42\nNone <re.Match object; span=(0, 1), match='a'> <re.Match object; span=(0, 2), match='ab'> None\na b c home at me work at you -a-b--d-\na2b4 ('bba', 2) <1><2>\n['a', 'b', 'c'] ['a', ',', 'b'] ['Words', 'words, words.'] ['', 'a', '', 'b', 'c', '']\nre.compile('^\\\\s*(\\\\w+)\\\\s*=\\\\s*(.*?)\\\\s*$', re.MULTILINE) [('a', '1'), ('b', 'two'), ('c', '3')] 2 ^\\s*(\\w+)\\s*=\\s*(.*?)\\s*$ True\nre.compile('ab', re.IGNORECASE|re.DOTALL) ['hello', 'Hello'] ['abc', 'a\\nc']\n1\\+1=2\\ \\(a\\.b\\)\\* ['a'] ['a', 'a'] True None\n[(0, 1), (3, 4), (9, 10)] ['a]]'] ['aa', 'a', '']\n['cat', 'mat', 'on', 'sat', 'the']\n['Hello', 'World', \"It's\"] ['hello', 'world', 'its', '2024']\n[('10', 'kg'), ('5', 'm')]\nre.error error\n[a][] ('a', None) ('a', '-')\n",
  },
  {
    name: "operator: the operators as functions, itemgetter, attrgetter and methodcaller",
    program:
      "import operator as operator\nfrom functools import reduce\npairs = [(3, 'c'), (1, 'a'), (2, 'b')]\nprint(sorted(pairs, key=operator.itemgetter(0)), operator.itemgetter(1, 0)(pairs[0]))\nprint(reduce(operator.mul, [1, 2, 3, 4]), reduce(operator.add, [[1], [2]]), operator.abs(-3), operator.neg(2.5))\nclass P:\n    def __init__(self, x): self.x = x; self.inner = self if x < 0 else None\n    def scale(self, k, b=0): return self.x * k + b\nps = [P(2), P(-1)]\nprint([operator.attrgetter('x')(p) for p in ps], operator.attrgetter('inner.x')(ps[1]), operator.methodcaller('scale', 3, b=1)(ps[0]))\nprint(operator.itemgetter(1), operator.attrgetter('x', 'inner'), operator.methodcaller('scale', 3, b=1))\nprint(operator.contains([1, 2], 2), operator.truediv(1, 4), operator.floordiv(7, 2), operator.pow(2, 10), operator.mod(7, 3), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))\nd = {}; operator.setitem(d, 'k', 1); print(d, operator.getitem(d, 'k'), operator.not_(0), operator.truth([]), operator.lt(1, 2), operator.eq(1, 1.0))\nprint(list(map(operator.sub, [5, 6], [1, 2])), operator.index(7), operator.iadd([1], [2]))\n",
    output:
      "[(1, 'a'), (2, 'b'), (3, 'c')] ('c', 3)\n24 [1, 2] 3 -2.5\n[2, -1] -1 7\noperator.itemgetter(1) operator.attrgetter('x', 'inner') operator.methodcaller('scale', 3, b=1)\nTrue 0.25 3 1024 1 2 2\n{'k': 1} 1 True False True True\n[4, 4] 7 [1, 2]\n",
  },
  {
    name: "heapq: the heap's list as CPython lays it out, and its errors",
    program:
      "import heapq as heapq\nh = []\nfor x in [5, 1, 8, 3, 9, 2, 7]:\n    heapq.heappush(h, x)\nprint(h, heapq.heappop(h), h)\ndata = [9, 4, 7, 1, 8, 2]; heapq.heapify(data); print(data)\nprint(heapq.heapreplace(data, 6), data, heapq.heappushpop(data, 0), data)\nprint(heapq.nlargest(3, [4, 1, 9, 7, 3]), heapq.nsmallest(2, [(2, 'b'), (1, 'z'), (1, 'a')]), heapq.nlargest(2, ['aa', 'b', 'cccc'], key=len))\nprint(list(heapq.merge([1, 4, 7], [2, 5], [3])))\npq = [(3, 'c'), (1, 'a')]; heapq.heapify(pq); heapq.heappush(pq, (2, 'b')); print([heapq.heappop(pq) for _ in range(3)])\ntry:\n    heapq.heappop([])\nexcept IndexError as e:\n    print('IndexError', e)\n",
    output:
      "[2, 3, 7, 5, 9, 8] 1 [2, 3, 7, 5, 9, 8]\n[1, 4, 2, 9, 8, 7]\n1 [2, 4, 6, 9, 8, 7] 0 [2, 4, 6, 9, 8, 7]\n[9, 7, 4] [(1, 'a'), (1, 'z')] ['cccc', 'aa']\n[1, 2, 3, 4, 5, 7]\n[(1, 'a'), (2, 'b'), (3, 'c')]\nIndexError index out of range\n",
  },
  {
    name: "bisect (key= included) and types.SimpleNamespace / FunctionType",
    program:
      "import bisect as bisect\nimport types as types\na = [1, 2, 4, 4, 8]\nprint(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect(a, 0))\nbisect.insort(a, 3); bisect.insort_left(a, 4); print(a)\nrecs = [('a', 1), ('b', 5), ('c', 9)]\nprint(bisect.bisect_left(recs, 5, key=lambda r: r[1]))\nbisect.insort(recs, ('d', 6), key=lambda r: r[1]); print(recs)\nns = types.SimpleNamespace(lr=0.1, epochs=3)\nns.batch = 32\nprint(ns, ns.lr, vars(ns), ns == types.SimpleNamespace(lr=0.1, epochs=3, batch=32))\ndef f(): pass\nprint(isinstance(f, types.FunctionType), isinstance(lambda: 1, types.LambdaType), isinstance(len, types.FunctionType), types.NoneType)\n",
    output:
      "2 4 4 0\n[1, 2, 3, 4, 4, 4, 8]\n1\n[('a', 1), ('b', 5), ('d', 6), ('c', 9)]\nnamespace(lr=0.1, epochs=3, batch=32) 0.1 {'lr': 0.1, 'epochs': 3, 'batch': 32} True\nTrue True False <class 'NoneType'>\n",
  },
  {
    name: "contextlib: @contextmanager with and without an exception, suppress, nullcontext, closing",
    program:
      "import contextlib as contextlib\nfrom contextlib import contextmanager\n@contextmanager\ndef tag(name):\n    print('<' + name + '>')\n    try:\n        yield name.upper()\n    finally:\n        print('</' + name + '>')\nwith tag('p') as t:\n    print('inside', t)\ntry:\n    with tag('q'):\n        raise ValueError('boom')\nexcept ValueError as e:\n    print('caught', e)\n@contextmanager\ndef swallow():\n    try:\n        yield\n    except KeyError:\n        print('swallowed')\nwith swallow():\n    {}['x']\nprint('after')\nwith contextlib.suppress(ZeroDivisionError, KeyError):\n    1 / 0\nprint('suppressed')\nwith contextlib.nullcontext(5) as v:\n    print(v)\nclass R:\n    def close(self): print('closed')\nwith contextlib.closing(R()):\n    print('using')\nprint(tag.__name__)\n",
    output:
      "<p>\ninside P\n</p>\n<q>\n</q>\ncaught boom\nswallowed\nafter\nsuppressed\n5\nusing\nclosed\ntag\n",
  },
  {
    name: "argparse: defaults from an empty command line, a given one parsed, usage, help and errors",
    program:
      "import argparse as argparse\np = argparse.ArgumentParser(description='PyTorch MNIST Example')\np.add_argument('--batch-size', type=int, default=64, metavar='N', help='input batch size for training (default: 64)')\np.add_argument('--lr', type=float, default='1.0', metavar='LR', help='learning rate (default: 1.0)')\np.add_argument('--no-cuda', action='store_true', default=False, help='disables CUDA training')\np.add_argument('--dry-run', action='store_true')\np.add_argument('--save-model', action='store_true', default=False, help='For Saving the current Model')\np.add_argument('--optim', choices=['sgd', 'adam'], default='sgd')\np.add_argument('-v', '--verbose', action='count', default=0)\nargs = p.parse_args()\nprint(args)\nprint(vars(args), args.batch_size, args.lr)\nprint(p.parse_args(['--lr', '0.5', '--batch-size=8', '-vv', '--optim', 'adam', '--dry-run']))\nq = argparse.ArgumentParser(prog='tool')\nq.add_argument('files', nargs='+')\nq.add_argument('--out', default='o.txt')\nq.add_argument('count', type=int)\nprint(q.parse_args(['a', 'b', '3', '--out', 'x']))\nprint(q.parse_known_args(['a', '3', '--zzz']))\nprint(argparse.Namespace(a=1, b='x'))\ntry:\n    q.parse_args(['a', 'x'])\nexcept SystemExit as e:\n    print('exit', e.code)\ntry:\n    q.parse_args([])\nexcept SystemExit as e:\n    print('exit', e.code)\nprint(p.format_usage(), end='')\np.print_help()\nq.print_help()\n",
    output:
      "Namespace(batch_size=64, lr=1.0, no_cuda=False, dry_run=False, save_model=False, optim='sgd', verbose=0)\n{'batch_size': 64, 'lr': 1.0, 'no_cuda': False, 'dry_run': False, 'save_model': False, 'optim': 'sgd', 'verbose': 0} 64 1.0\nNamespace(batch_size=8, lr=0.5, no_cuda=False, dry_run=True, save_model=False, optim='adam', verbose=2)\nNamespace(files=['a', 'b'], out='x', count=3)\n(Namespace(files=['a'], out='o.txt', count=3), ['--zzz'])\nNamespace(a=1, b='x')\nusage: tool [-h] [--out OUT] files [files ...] count\ntool: error: argument count: invalid int value: 'x'\nexit 2\nusage: tool [-h] [--out OUT] files [files ...] count\ntool: error: the following arguments are required: files, count\nexit 2\nusage: t_arg.py [-h] [--batch-size N] [--lr LR] [--no-cuda] [--dry-run]\n                [--save-model] [--optim {sgd,adam}] [-v]\nusage: t_arg.py [-h] [--batch-size N] [--lr LR] [--no-cuda] [--dry-run]\n                [--save-model] [--optim {sgd,adam}] [-v]\n\nPyTorch MNIST Example\n\noptions:\n  -h, --help          show this help message and exit\n  --batch-size N      input batch size for training (default: 64)\n  --lr LR             learning rate (default: 1.0)\n  --no-cuda           disables CUDA training\n  --dry-run\n  --save-model        For Saving the current Model\n  --optim {sgd,adam}\n  -v, --verbose\nusage: tool [-h] [--out OUT] files [files ...] count\n\npositional arguments:\n  files\n  count\n\noptions:\n  -h, --help  show this help message and exit\n  --out OUT\n",
  },
  {
    name: "tqdm and timeit: the bar's iterator, counts and write; timing a function",
    program:
      'from tqdm import tqdm, trange\nimport timeit as timeit\ntotal = 0\nfor x in tqdm([1, 2, 3], desc=\'epochs\'):\n    total += x\nbar = tqdm(range(5))\nfor i in bar:\n    bar.set_description(f"step {i}")\n    bar.set_postfix(loss=0.5)\nprint(total, len(bar), bar.n)\nwith tqdm(total=10) as pbar:\n    pbar.update(4)\n    print(pbar.n, pbar.total)\nfor i in trange(2):\n    tqdm.write(f"line {i}")\nprint(list(tqdm(x * 2 for x in range(3))))\nt = timeit.timeit(lambda: sum(range(10)), number=100)\nprint(t >= 0, isinstance(t, float), len(timeit.repeat(lambda: None, number=3, repeat=2)))\n',
    output: "6 5 5\n4 10\nline 0\nline 1\n[0, 2, 4]\nTrue True 2\n",
  },
  {
    name: "generator.throw: handled at the yield, before the start, and passing through",
    program:
      'def gen():\n    try:\n        yield 1\n    except ValueError as e:\n        print("caught in gen", e)\n        yield 2\n    yield 3\ng = gen()\nprint(next(g), g.throw(ValueError("v")), next(g))\ng2 = gen()\ntry:\n    g2.throw(KeyError, "k")\nexcept KeyError as e:\n    print("unstarted", repr(e))\ng3 = gen(); next(g3)\ntry:\n    g3.throw(TypeError("t"))\nexcept TypeError as e:\n    print("through", e)\nprint(list(g3))\n',
    output: "caught in gen v\n1 2 3\nunstarted KeyError('k')\nthrough t\n[]\n",
  },
  {
    name: "a program's exception class calling super().__init__(message)",
    program:
      'class E(Exception):\n    def __init__(self, m, code):\n        super().__init__(m)\n        self.code = code\ntry:\n    raise E("bad", 3)\nexcept E as e:\n    print(e, e.code, e.args, repr(e))\nclass F(ValueError):\n    pass\nprint(repr(F("x")))\n',
    output: "bad 3 ('bad',) E('bad')\nF('x')\n",
  },
];

describe("the standard modules GradLens writes in Python", () => {
  it.each(CASES)("$name", ({ program, output }) => {
    const trace = runProgram(program, { fileName: "t_arg.py" });
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(output);
  });
});

describe("glob and fnmatch over the workspace's files", () => {
  it("find what CPython finds (its output recorded over the same folder)", () => {
    const dir = "/tmp/gl_glob";
    const names = [
      "names/Arabic.txt",
      "names/Zed.txt",
      "names/.hidden.txt",
      "names/x.csv",
      "sub/deep/a.txt",
      "sub/b.txt",
    ];
    const files = Object.fromEntries(names.map((n) => [`${dir}/data/${n}`, ""]));
    files[`${dir}/g.py`] = GLOB_PROGRAM;
    const trace = withFileAccess(new MemoryFiles(files, [dir]), () =>
      runProgram(GLOB_PROGRAM, { workspace: { programPath: `${dir}/g.py`, roots: [dir] } }),
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(GLOB_OUTPUT);
  });
});

const GLOB_PROGRAM =
  "import glob, fnmatch, os\nprint(sorted(glob.glob('data/names/*.txt')))\nprint(sorted(glob.glob('data/*/*.txt')), sorted(glob.glob('data/**/*.txt', recursive=True)))\nprint(sorted(glob.glob('data/**', recursive=True)))\nprint(glob.glob('data/names/Zed.txt'), glob.glob('nothing/*'), sorted(glob.glob('data/names/[AZ]*')), sorted(glob.glob('data/names/.*')))\nprint(fnmatch.fnmatch('a.txt', '*.txt'), fnmatch.filter(['a.py', 'b.txt', 'c.py'], '*.py'), fnmatch.fnmatchcase('A.TXT', '*.txt'))\nfor f in sorted(glob.iglob('data/names/*.txt')):\n    print(os.path.splitext(os.path.basename(f))[0])\nimport pathlib\nprint(sorted(str(p) for p in pathlib.Path('data').glob('*/*.txt')))\n";
const GLOB_OUTPUT =
  "['data/names/Arabic.txt', 'data/names/Zed.txt']\n['data/names/Arabic.txt', 'data/names/Zed.txt', 'data/sub/b.txt'] ['data/names/Arabic.txt', 'data/names/Zed.txt', 'data/sub/b.txt', 'data/sub/deep/a.txt']\n['data/', 'data/names', 'data/names/Arabic.txt', 'data/names/Zed.txt', 'data/names/x.csv', 'data/sub', 'data/sub/b.txt', 'data/sub/deep', 'data/sub/deep/a.txt']\n['data/names/Zed.txt'] [] ['data/names/Arabic.txt', 'data/names/Zed.txt'] ['data/names/.hidden.txt']\nTrue ['a.py', 'c.py'] False\nArabic\nZed\n['data/names/.hidden.txt', 'data/names/Arabic.txt', 'data/names/Zed.txt', 'data/sub/b.txt']\n";

describe("logging's time", () => {
  it("formats %(asctime)s as logging does: the local time with milliseconds, or datefmt", () => {
    const trace = runProgram(
      'import logging, sys\nlogging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stdout)\nlogging.info("step %d", 1)\nlogging.basicConfig(force=True, datefmt="%H:%M", format="[%(asctime)s] %(message)s", stream=sys.stdout)\nlogging.warning("w")\n',
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO step 1\n\[\d\d:\d\d\] w\n$/);
  });
});
