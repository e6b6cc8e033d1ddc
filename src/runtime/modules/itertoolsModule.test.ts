import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `chain, product, permutations and combinations`,
    source: `import itertools as it
print(list(it.chain([1, 2], [3])), list(it.chain.from_iterable([[1], [2, 3]])), list(it.product('ab', repeat=2)), list(it.product([1, 2], [3])))
print(list(it.permutations([1, 2, 3], 2)), list(it.combinations('abcd', 2)), list(it.combinations_with_replacement('ab', 2)), list(it.permutations('abc')))
print(list(it.combinations(range(4), 3)), list(it.product()), list(it.permutations([], 0)), list(it.combinations('ab', 3)))
`,
    // recorded from CPython 3.11
    stdout: `[1, 2, 3] [1, 2, 3] [('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')] [(1, 3), (2, 3)]
[(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2)] [('a', 'b'), ('a', 'c'), ('a', 'd'), ('b', 'c'), ('b', 'd'), ('c', 'd')] [('a', 'a'), ('a', 'b'), ('b', 'b')] [('a', 'b', 'c'), ('a', 'c', 'b'), ('b', 'a', 'c'), ('b', 'c', 'a'), ('c', 'a', 'b'), ('c', 'b', 'a')]
[(0, 1, 2), (0, 1, 3), (0, 2, 3), (1, 2, 3)] [()] [()] []
`,
  },
  {
    name: `islice, count, cycle and repeat stop where asked`,
    source: `import itertools as it
print(list(it.islice(range(10), 3)), list(it.islice(range(10), 2, 8, 3)), list(it.islice(it.count(5, 2), 3)), list(it.islice(it.cycle('ab'), 5)), list(it.repeat(7, 3)))
src = iter(range(10)); list(it.islice(src, 2, 4)); print(next(src))
print(list(it.islice(it.count(0.5, 0.25), 4)), list(zip(it.count(), 'xy')))
`,
    // recorded from CPython 3.11
    stdout: `[0, 1, 2] [2, 5] [5, 7, 9] ['a', 'b', 'a', 'b', 'a'] [7, 7, 7]
4
[0.5, 0.75, 1.0, 1.25] [(0, 'x'), (1, 'y')]
`,
  },
  {
    name: `accumulate, zip_longest and groupby`,
    source: `import itertools as it
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=10)))
print(list(it.zip_longest('ab', 'xyz', fillvalue='-')), [(k, list(g)) for k, g in it.groupby('aabbbc')], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4], key=lambda x: x % 2)])
gb = it.groupby('aabb'); k1, g1 = next(gb); k2, g2 = next(gb); print(k1, list(g1), k2, list(g2))
print([k for k, _ in it.groupby('aaabbc')])
`,
    // recorded from CPython 3.11
    stdout: `[1, 3, 6, 10] [1, 2, 6] [10, 11, 13]
[('a', 'x'), ('b', 'y'), ('-', 'z')] [('a', ['a', 'a']), ('b', ['b', 'b', 'b']), ('c', ['c'])] [(1, 2), (0, 2)]
a [] b ['b', 'b']
['a', 'b', 'c']
`,
  },
  {
    name: `starmap, takewhile, dropwhile, compress, filterfalse, pairwise and tee`,
    source: `import itertools as it
print(list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(it.compress('abc', [1, 0, 1])), list(it.filterfalse(None, [0, 1, 2])), list(it.pairwise([1, 2, 3])), [list(t) for t in it.tee([1, 2], 2)])
a, b = it.tee(iter([1, 2, 3])); print(next(a), next(a), list(b), list(a))
`,
    // recorded from CPython 3.11
    stdout: `[8, 9] [1, 2] [3, 1]
['a', 'c'] [0] [(1, 2), (2, 3)] [[1, 2], [1, 2]]
1 2 [1, 2, 3] [3]
`,
  },
];

describe(`Python's itertools module, as CPython runs it`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});
