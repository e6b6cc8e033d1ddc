import { describe, expect, it } from "vitest";
import { MemoryFiles } from "../../files/testing/memoryFiles";
import { withFileAccess } from "../files/runFileAccess";
import { runProgram } from "../runProgram";

// csv: reader state machine (quotes, escapes, multi-line records, strict), QUOTE_* modes, dialects, DictReader/DictWriter, writer to a StringIO, errors
const SOURCE =
  "import csv, io\nrows = ['a,b,c', '1,\"2,3\",4', '\"x \"\"q\"\" y\",,', ' s, t', '', '\"multi', 'line\",z']\nr = csv.reader(rows)\nfor row in r: print(row, r.line_num)\nprint(list(csv.reader(['a;b;\"c;d\"'], delimiter=';')))\nprint(list(csv.reader(['a, b,  c'], skipinitialspace=True)))\nprint(list(csv.reader(['1,\"a\",2.5'], quoting=csv.QUOTE_NONNUMERIC)))\ntry: list(csv.reader(['1,x'], quoting=csv.QUOTE_NONNUMERIC))\nexcept ValueError as e: print(\"ValueError\", e)\nprint(list(csv.reader(['a\\\\,b,c'], escapechar='\\\\')))\nprint(list(csv.reader(['a\"b,c'])))\nprint(list(csv.reader(['\"a\"b,c'])))\ntry: list(csv.reader(['\"a\"b,c'], strict=True))\nexcept csv.Error as e: print(\"Error\", e)\ntry: list(csv.reader(['\"abc']))\nexcept csv.Error as e: print(\"Error\", e)\nprint(list(csv.reader(['\"abc'], strict=False)))\nprint(list(csv.reader(io.StringIO('a,b\\r\\nc,d\\r\\n'))))\nprint(list(csv.reader(io.StringIO('a,\"b\\r\\nc\",d\\n'), )))\ntry: print(list(csv.reader(['a,b\\rc,d'])))\nexcept csv.Error as e: print(\"Error\", e)\ntry: list(csv.reader([1]))\nexcept csv.Error as e: print(\"Error\", e)\nprint(list(csv.reader(['a\\tb'], dialect='excel-tab')))\nprint(list(csv.reader(['a|b'], delimiter='|', quoting=csv.QUOTE_NONE)))\nprint(list(csv.reader(['\"a,b\",c'], quoting=csv.QUOTE_NONE)))\nd = csv.DictReader(['name,age', 'ann,3', 'bob,4,extra', 'cy', '', 'dee,5'])\nprint(d.fieldnames)\nfor row in d: print(row, d.line_num)\nd = csv.DictReader(['1,2,3'], fieldnames=['a','b'], restkey='rest')\nprint(list(d))\nd = csv.DictReader(['1'], fieldnames=['a','b'], restval='?')\nprint(list(d))\ns = io.StringIO()\nw = csv.writer(s)\nprint(w.writerow(['a', 'b,c', 'd\"e', 1, 2.5, None, 'x\\ny', '']))\nw.writerow([''])\nw.writerow([])\nw.writerows([[1,2],[3,4]])\nw.writerow([1.0, 1e20, 0.1+0.2, True])\nprint(repr(s.getvalue()))\ns = io.StringIO()\nw = csv.writer(s, quoting=csv.QUOTE_ALL, lineterminator='\\n')\nw.writerow(['a', 1]); print(repr(s.getvalue()))\ns = io.StringIO()\nw = csv.writer(s, quoting=csv.QUOTE_NONNUMERIC)\nw.writerow(['a', 1, 2.5, None]); print(repr(s.getvalue()))\ns = io.StringIO()\nw = csv.writer(s, quoting=csv.QUOTE_NONE, escapechar='\\\\')\nw.writerow(['a,b', 'c\"d']); print(repr(s.getvalue()))\ns = io.StringIO()\nw = csv.writer(s, quoting=csv.QUOTE_NONE)\ntry: w.writerow(['a,b'])\nexcept csv.Error as e: print(\"Error\", e)\ns = io.StringIO()\nw = csv.writer(s, delimiter='\\t')\nw.writerow(['a b', 'c\\td']); print(repr(s.getvalue()))\ns = io.StringIO()\ndw = csv.DictWriter(s, fieldnames=['x', 'y'])\ndw.writeheader(); dw.writerow({'x': 1, 'y': 'two'}); dw.writerow({'x': 3})\ndw.writerows([{'y': 5}])\ntry: dw.writerow({'x': 1, 'z': 2})\nexcept ValueError as e: print(\"ValueError\", e)\nprint(repr(s.getvalue()))\ns = io.StringIO()\ndw = csv.DictWriter(s, fieldnames=['x'], extrasaction='ignore', restval='-')\ndw.writerow({'z': 2}); print(repr(s.getvalue()))\nprint(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)\ntry: csv.writer(s).writerow(5)\nexcept csv.Error as e: print(\"Error\", e)\ntry: csv.reader(['a'], delimiter='ab')\nexcept TypeError as e: print(\"TypeError\", e)\ntry: csv.reader(['a'], bogus=1)\nexcept TypeError as e: print(\"TypeError\", e)\nprint(list(csv.reader(['a,b'], dialect=csv.excel)))\nprint(issubclass(csv.Error, Exception))\nprint(list(csv.reader('a,b\\nc\\n'.splitlines())))\nprint(list(csv.reader(iter(['x,y']))))\nprint(list(csv.reader(['a,\"b\"  ,c'])))\nprint(list(csv.reader(['a,b,'])))\nprint(list(csv.reader([','])))\nprint(list(csv.reader(['\"\"'])))\ns=io.StringIO(); csv.writer(s).writerow([' a', 'b ']); print(repr(s.getvalue()))\ns=io.StringIO(); csv.writer(s, delimiter=' ').writerow(['', 'a']); print(repr(s.getvalue()))\n";

// what CPython 3.11 printed for SOURCE
const CPYTHON =
  "['a', 'b', 'c'] 1\n['1', '2,3', '4'] 2\n['x \"q\" y', '', ''] 3\n[' s', ' t'] 4\n[] 5\n['multiline', 'z'] 7\n[['a', 'b', 'c;d']]\n[['a', 'b', 'c']]\n[[1.0, 'a', 2.5]]\nValueError could not convert string to float: 'x'\n[['a,b', 'c']]\n[['a\"b', 'c']]\n[['ab', 'c']]\nError ',' expected after '\"'\n[['abc']]\n[['a', 'b'], ['c', 'd']]\n[['a', 'b\\r\\nc', 'd']]\nError new-line character seen in unquoted field - do you need to open the file in universal-newline mode?\nError iterator should return strings, not int (the file should be opened in text mode)\n[['a', 'b']]\n[['a', 'b']]\n[['\"a', 'b\"', 'c']]\n['name', 'age']\n{'name': 'ann', 'age': '3'} 2\n{'name': 'bob', 'age': '4', None: ['extra']} 3\n{'name': 'cy', 'age': None} 4\n{'name': 'dee', 'age': '5'} 6\n[{'a': '1', 'b': '2', 'rest': ['3']}]\n[{'a': '1', 'b': '?'}]\n30\n'a,\"b,c\",\"d\"\"e\",1,2.5,,\"x\\ny\",\\r\\n\"\"\\r\\n\\r\\n1,2\\r\\n3,4\\r\\n1.0,1e+20,0.30000000000000004,True\\r\\n'\n'\"a\",\"1\"\\n'\n'\"a\",1,2.5,\"\"\\r\\n'\n'a\\\\,b,c\\\\\"d\\r\\n'\nError need to escape, but no escapechar set\n'a b\\t\"c\\td\"\\r\\n'\nValueError dict contains fields not in fieldnames: 'z'\n'x,y\\r\\n1,two\\r\\n3,\\r\\n,5\\r\\n'\n'-\\r\\n'\n0 1 2 3\nError iterable expected, not int\nTypeError \"delimiter\" must be a 1-character string\nTypeError 'bogus' is an invalid keyword argument for this function\n[['a', 'b']]\nTrue\n[['a', 'b'], ['c']]\n[['x', 'y']]\n[['a', 'b  ', 'c']]\n[['a', 'b', '']]\n[['', '']]\n[['']]\n' a,b \\r\\n'\n' a\\r\\n'\n";

const run = (source: string) => runProgram(source);

describe("csv", () => {
  it("prints what CPython prints", () => {
    const trace = run(SOURCE);
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(trace.stdout).toBe(CPYTHON);
  });

  it("sniffs dialects and headers as CPython's csv.Sniffer does", () => {
    const source = `import csv, io
samples = [
    "name,age,city\\nann,31,Oslo\\nbob,4,Rome\\ncid,57,Paris\\n",
    "a;b;c\\n1;2;3\\n4;5;6\\n",
    'id,"full name",score\\n1,"Smith, Ann",9.5\\n2,"Doe, Bob",7\\n',
    "x\\ty\\tz\\n1\\t2\\t3\\n4\\t5\\t6\\n",
    "1 2 3\\n4 5 6\\n7 8 9\\n",
    '"a","b"\\n"c","d"\\n',
    "'q'; 'r'\\n's'; 't'\\n",
    'title,notes\\n"He said ""hi""",ok\\n"x",y\\n',
    "a:b\\nc:d\\ne:f\\n",
    "temp,1.5\\nhum,2.25\\nwind,3e4\\n",
    "h1|h2\\n10|20\\n30|40\\n",
    "r1, r2, r3\\n1, 2, 3\\n4, 5, 6\\n",
    '"only"\\n"one"\\n"column"\\n',
    "Name,Value\\r\\nalpha,1\\r\\nbeta,2\\r\\n",
    "1,2\\n3,4\\n5,6\\n",
    "id,x\\n1,1+2j\\n2,nan\\n3,-inf\\n4,1_000\\n5,.5e-3\\n",
]
sn = csv.Sniffer()
for s in samples:
    try:
        d = sn.sniff(s)
        print(repr(d.delimiter), repr(d.quotechar), d.doublequote, d.skipinitialspace, repr(d.lineterminator), d.quoting, d._name, sn.has_header(s))
        print(list(csv.reader(io.StringIO(s), d)))
    except csv.Error as e:
        print("Error", e)
print(repr(sn.sniff("a,b;c\\nd,e;f\\n", delimiters=";").delimiter), repr(sn.sniff("a b,c\\nd e,f\\n", delimiters=[" "]).delimiter))
for bad in ["abc\\ndef\\n", "", "x"]:
    try:
        sn.sniff(bad)
    except csv.Error as e:
        print("csv.Error:", e)
try:
    sn.sniff(3)
except TypeError as e:
    print("TypeError:", e)
with open('data.csv', newline='') as f:
    sample = f.read(1024)
    f.seek(0)
    dialect = csv.Sniffer().sniff(sample)
    print(csv.Sniffer().has_header(sample), list(csv.reader(f, dialect)))
`;
    const files = new MemoryFiles({ "/ws/data.csv": "year;price\n2020;1,5\n2021;2,75\n" }, ["/ws"]);
    const trace = withFileAccess(files, () =>
      runProgram(source, { workspace: { programPath: "/ws/prog.py", roots: ["/ws"] } }),
    );
    expect(trace.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // recorded from CPython 3.11, beside a data.csv holding the same text
    expect(trace.stdout).toBe(`',' '"' False False '\\r\\n' 0 sniffed True
[['name', 'age', 'city'], ['ann', '31', 'Oslo'], ['bob', '4', 'Rome'], ['cid', '57', 'Paris']]
';' '"' False False '\\r\\n' 0 sniffed True
[['a', 'b', 'c'], ['1', '2', '3'], ['4', '5', '6']]
',' '"' False False '\\r\\n' 0 sniffed True
[['id', 'full name', 'score'], ['1', 'Smith, Ann', '9.5'], ['2', 'Doe, Bob', '7']]
'\\t' '"' False False '\\r\\n' 0 sniffed True
[['x', 'y', 'z'], ['1', '2', '3'], ['4', '5', '6']]
' ' '"' False False '\\r\\n' 0 sniffed False
[['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']]
',' '"' False False '\\r\\n' 0 sniffed False
[['a', 'b'], ['c', 'd']]
';' "'" False True '\\r\\n' 0 sniffed False
[['q', 'r'], ['s', 't']]
',' '"' True False '\\r\\n' 0 sniffed False
[['title', 'notes'], ['He said "hi"', 'ok'], ['x', 'y']]
':' '"' False False '\\r\\n' 0 sniffed False
[['a', 'b'], ['c', 'd'], ['e', 'f']]
',' '"' False False '\\r\\n' 0 sniffed False
[['temp', '1.5'], ['hum', '2.25'], ['wind', '3e4']]
'|' '"' False False '\\r\\n' 0 sniffed True
[['h1', 'h2'], ['10', '20'], ['30', '40']]
',' '"' False True '\\r\\n' 0 sniffed True
[['r1', 'r2', 'r3'], ['1', '2', '3'], ['4', '5', '6']]
'"' '"' False False '\\r\\n' 0 sniffed False
[['only'], ['one'], ['column']]
',' '"' False False '\\r\\n' 0 sniffed True
[['Name', 'Value'], ['alpha', '1'], ['beta', '2']]
',' '"' False False '\\r\\n' 0 sniffed False
[['1', '2'], ['3', '4'], ['5', '6']]
',' '"' False False '\\r\\n' 0 sniffed True
[['id', 'x'], ['1', '1+2j'], ['2', 'nan'], ['3', '-inf'], ['4', '1_000'], ['5', '.5e-3']]
';' ' '
csv.Error: Could not determine delimiter
csv.Error: Could not determine delimiter
TypeError: expected string or bytes-like object, got 'int'
True [['year', 'price'], ['2020', '1,5'], ['2021', '2,75']]
`);
  });

  it("locates the error of a sample it cannot read", () => {
    const source = `import csv\ncsv.Sniffer().sniff("")\n`;
    const error = runProgram(source).diagnostics.find((d) => d.severity === "error");
    expect(error?.message).toBe("Error: Could not determine delimiter");
    expect(source.slice(error!.span!.from, error!.span!.to)).toBe(`csv.Sniffer().sniff("")`);
  });
});
