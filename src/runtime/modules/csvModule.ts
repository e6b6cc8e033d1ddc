import { parsePython } from "../../lang/python/parsePython";
import type { Program } from "../../lang/ir";
import type { Interpreter } from "../interpreter/interpreter";
import { PyModule } from "../interpreter/objects";

/**
 * Python's `csv`: `_csv`'s reader and writer (csvCore.ts) and, written in Python as CPython
 * writes them, `DictReader`, `DictWriter`, `Sniffer` (its guessing is csvSniffer.ts, as GradLens
 * has no `re`) and the dialect classes. GradLens programs cannot
 * write files, so a writer's target is an `io.StringIO` (or any object with `write`).
 */
const CSV_SOURCE = `
from io import StringIO as _StringIO
from _csv import _guess_quote_and_delimiter, _guess_delimiter, _is_complex
from _csv import Error, reader, writer, field_size_limit, list_dialects, get_dialect, register_dialect, unregister_dialect, QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE

class Dialect:
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = False

class excel(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\\r\\n'
    quoting = QUOTE_MINIMAL

class excel_tab(excel):
    delimiter = '\\t'

class unix_dialect(Dialect):
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\\n'
    quoting = QUOTE_ALL

class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        if fieldnames is not None and not isinstance(fieldnames, (list, tuple)):
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        names = self.fieldnames
        d = dict(zip(names, row))
        if len(names) < len(row):
            d[self.restkey] = row[len(names):]
        elif len(names) > len(row):
            for key in names[len(row):]:
                d[key] = self.restval
        return d

class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if fieldnames is not None and not isinstance(fieldnames, (list, tuple)):
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        return self.writer.writerow(self.fieldnames)

    def _row(self, rowdict):
        if self.extrasaction == "raise":
            wrong = [k for k in rowdict if k not in self.fieldnames]
            if wrong:
                raise ValueError("dict contains fields not in fieldnames: " + ", ".join([repr(x) for x in wrong]))
        return [rowdict.get(key, self.restval) for key in self.fieldnames]

    def writerow(self, rowdict):
        return self.writer.writerow(self._row(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows([self._row(r) for r in rowdicts])

_COMPLEX = object()

class Sniffer:
    def __init__(self):
        self.preferred = [',', '\\t', ';', ' ', ':']

    def sniff(self, sample, delimiters=None):
        if not isinstance(sample, str):
            raise TypeError("expected string or bytes-like object, got " + repr(type(sample).__name__))
        quotechar, doublequote, delimiter, skipinitialspace = _guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = _guess_delimiter(sample, delimiters, self.preferred)
        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = '\\r\\n'
            quoting = QUOTE_MINIMAL

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    def has_header(self, sample):
        # the header is the first row if its cells differ in kind (number or not) or in length
        # from the same column's cells below, which agree among themselves
        rdr = reader(_StringIO(sample), self.sniff(sample))
        header = next(rdr)
        columns = len(header)
        columnTypes = {}
        for i in range(columns):
            columnTypes[i] = None
        checked = 0
        for row in rdr:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for col in list(columnTypes.keys()):
                thisType = _COMPLEX if _is_complex(row[col]) else len(row[col])
                if thisType != columnTypes[col]:
                    if columnTypes[col] is None:
                        columnTypes[col] = thisType
                    else:
                        del columnTypes[col]
        hasHeader = 0
        for col, colType in columnTypes.items():
            if type(colType) == type(0):
                if len(header[col]) != colType:
                    hasHeader += 1
                else:
                    hasHeader -= 1
            elif colType is _COMPLEX and _is_complex(header[col]):
                hasHeader -= 1
            else:
                hasHeader += 1
        return hasHeader > 0
`;

let program: Program | null = null;

export function makeCsvModule(interp: Interpreter, load: (name: string) => PyModule): PyModule {
  load("_csv");
  if (program === null) {
    const parsed = parsePython(CSV_SOURCE, { isLibrary: true });
    if (!parsed.program) throw new Error("csv's source does not parse");
    program = parsed.program;
  }
  const m = new PyModule("csv");
  for (const [k, v] of interp.runLibraryModule(program, "csv"))
    if (
      !k.startsWith("__") &&
      !k.startsWith("_guess") &&
      k !== "_is_complex" &&
      k !== "_COMPLEX" &&
      k !== "_StringIO"
    )
      m.attrs.set(k, v);
  m.attrs.set("__name__", "csv");
  return m;
}
