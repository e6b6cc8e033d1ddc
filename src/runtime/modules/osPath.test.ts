import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

const PROGRAMS: { name: string; source: string; stdout: string }[] = [
  {
    name: `os.path's path algebra`,
    source: `import os
print(os.sep, os.name, os.path.join('a', 'b', '/c', 'd'), os.path.join('a/', 'b'), os.path.join('', 'x'), os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'), os.path.split('a/b/c'), os.path.dirname('/a/b/'), os.path.basename('/a/b/'), os.path.normpath('a//b/../c/.'), os.path.isabs('/x'))
print(os.path.relpath('/a/b/c', '/a/d'), os.path.commonprefix(['abc', 'abd']), os.path.normpath('/../a'), os.path.normpath(''), os.path.normpath('//a'), os.path.normpath('///a/b'), os.path.normpath('../x/../../y'), os.path.expanduser('~x/y'))
print(os.path.splitext('a.b/c'), os.path.splitext('x..y'), os.path.splitext('..'), os.path.split('/'), os.path.split('//a'), os.path.split('a'), os.path.dirname('a'), os.path.join('/a', ''), os.path.basename(''))
print(os.curdir, os.pardir, os.pathsep, os.path.sep, os.linesep == '\\n', os.environ.get('GRADLENS_SURELY_UNSET', 'd'), os.getenv('GRADLENS_SURELY_UNSET'))
`,
    // recorded from CPython 3.11
    stdout: `/ posix /c/d a/b x ('a/b.tar', '.gz') ('.bashrc', '') ('a/b', 'c') /a/b  a/c True
../b/c ab /a . //a /a/b ../../y ~x/y
('a.b/c', '') ('x.', '.y') ('..', '') ('/', '') ('//', 'a') ('', 'a')  /a/ 
. .. : / True d None
`,
  },
];

describe(`os.path, as CPython runs it`, () => {
  for (const program of PROGRAMS) {
    it(program.name, () => {
      const trace = runProgram(program.source);
      expect(trace.diagnostics).toEqual([]);
      expect(trace.stdout).toBe(program.stdout);
      expect(trace.ok).toBe(true);
    });
  }
});
