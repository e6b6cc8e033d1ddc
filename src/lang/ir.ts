/**
 * The program IR both front ends lower to (Python and JavaScript/TypeScript; a few node kinds
 * are one language's only) and the interpreters run. It is a plain tree of tagged objects;
 * every node carries the UTF-16 source range it came from so the runtime can say which
 * expression made which value and where an error was raised.
 */

export interface SourceSpan {
  from: number;
  to: number;
  /**
   * The file the offsets are in, when it is not the program's own text: a module of the
   * program's that it imported (an absolute POSIX path; see src/files/workspacePath.ts).
   */
  file?: string;
}

interface At {
  span: SourceSpan;
}

export type BinaryOperator =
  | "+"
  | "-"
  | "*"
  | "/"
  | "//"
  | "%"
  | "**"
  | "@"
  | "&"
  | "|"
  | "^"
  | "<<"
  | ">>"
  /** JavaScript only: unsigned right shift. */
  | ">>>";
/** `not` is also JavaScript's `!`; `typeof` and `void` are JavaScript only. */
export type UnaryOperator = "-" | "+" | "~" | "not" | "typeof" | "void";
export type CompareOperator =
  | "<"
  | ">"
  | "<="
  | ">="
  | "=="
  | "!="
  | "in"
  | "not in"
  | "is"
  | "is not"
  /** JavaScript only: strict (in)equality and `instanceof`. */
  | "==="
  | "!=="
  | "instanceof";

export interface NameExpr extends At {
  k: "name";
  id: string;
  /** Index of this occurrence in the program (for the trace's occurrences), or -1 in library code. */
  occurrence: number;
}

/** One `{expr!conv:spec}` of an f-string; the spec may itself hold replacements. */
export interface FormatField {
  expr: Expr;
  conversion: "r" | "s" | "a" | null;
  spec: FormatPart[] | null;
  /** `{x=}`: the text `x=` printed before the value. */
  selfDoc: string | null;
}
export type FormatPart = string | FormatField;

export interface Argument {
  kind: "positional" | "star" | "keyword" | "doubleStar";
  name: string | null;
  value: Expr;
}

export interface Param {
  kind: "plain" | "star" | "doubleStar";
  name: string;
  default: Expr | null;
  span: SourceSpan;
  /** JavaScript only: a destructuring parameter (`({ a, b }) => …`), bound from the argument. */
  pattern?: Target;
}

export interface ComprehensionClause {
  target: Target;
  iter: Expr;
  conditions: Expr[];
}

export type Expr =
  | (At & { k: "int"; value: number; big: bigint | null })
  | (At & { k: "float"; value: number })
  | (At & { k: "str"; value: string })
  | (At & { k: "fstring"; parts: FormatPart[] })
  | (At & { k: "constant"; value: true | false | null })
  | NameExpr
  | (At & { k: "binary"; op: BinaryOperator; left: Expr; right: Expr })
  | (At & { k: "unary"; op: UnaryOperator; operand: Expr })
  /** `??` is JavaScript's nullish coalescing (`&&` and `||` lower to `and` and `or`). */
  | (At & { k: "logical"; op: "and" | "or" | "??"; left: Expr; right: Expr })
  | (At & { k: "compare"; ops: CompareOperator[]; operands: Expr[] })
  | (At & { k: "conditional"; test: Expr; body: Expr; orelse: Expr })
  | (At & { k: "call"; func: Expr; args: Argument[] })
  | (At & { k: "attribute"; object: Expr; name: string; nameSpan: SourceSpan })
  | (At & { k: "subscript"; object: Expr; index: Expr })
  | (At & { k: "slice"; lower: Expr | null; upper: Expr | null; step: Expr | null })
  | (At & { k: "list" | "tuple" | "set"; items: Expr[] })
  | (At & { k: "starred"; value: Expr })
  /** A null key is `**mapping`: its items are copied in. */
  | (At & { k: "dict"; keys: (Expr | null)[]; values: Expr[] })
  | (At & { k: "ellipsis" })
  | (At & {
      k: "comprehension";
      kind: "list" | "generator" | "set" | "dict";
      element: Expr;
      /** The value of a dict comprehension's `key: value`. */
      value: Expr | null;
      clauses: ComprehensionClause[];
    })
  | (At & { k: "lambda"; params: Param[]; body: Expr })
  /** `yield value`, bare `yield` (value null) or `yield from iterable`: the function is a generator. */
  | (At & { k: "yield"; value: Expr | null; from: boolean })
  | (At & { k: "unsupported"; message: string })
  | JsExpr;

/**
 * Expressions only JavaScript has. The Python front end never makes them; the Python
 * interpreter reports them as unsupported if it ever met one.
 */
export type JsExpr =
  | (At & { k: "undefined" })
  | (At & { k: "this" })
  /** `super` as a callee (`super(...)`) or an object (`super.m()`). */
  | (At & { k: "super" })
  | (At & { k: "new"; callee: Expr; args: Argument[] })
  /** A function expression or an arrow function (which takes `this` from where it was made). */
  | (At & { k: "function"; def: FunctionDef; arrow: boolean })
  | (At & { k: "classExpr"; def: JsClassDef })
  /** `=`, `+=`, `&&=`, … as an expression: it yields the value assigned. */
  | (At & { k: "assignExpr"; op: JsAssignOperator; target: Target; value: Expr })
  | (At & { k: "update"; op: "++" | "--"; prefix: boolean; target: Target })
  /** An object literal; a null key with a `starred` value is `...spread`. */
  | (At & { k: "object"; props: { key: Expr | null; value: Expr }[] })
  /** In a destructuring target: `target = default`. */
  | (At & { k: "withDefault"; target: Target; default: Expr })
  /** An array literal's hole (`[a, , b]`). */
  | (At & { k: "hole" })
  /** `a?.b`: the object `a`, ending the enclosing `chain` with undefined when it is null or undefined. */
  | (At & { k: "optional"; value: Expr })
  /** A member/call chain holding `?.`: where an `optional` that meets null or undefined ends. */
  | (At & { k: "chain"; value: Expr });

export type JsAssignOperator = BinaryOperator | "=" | "&&=" | "||=" | "??=";

/** A JavaScript class: its constructor, methods, and instance and static fields in order. */
export interface JsClassDef {
  name: string | null;
  nameSpan: SourceSpan | null;
  base: Expr | null;
  ctor: FunctionDef | null;
  members: JsClassMember[];
}

export type JsClassMember =
  | { kind: "method" | "get" | "set"; name: string; isStatic: boolean; def: FunctionDef }
  | { kind: "field"; name: string; isStatic: boolean; value: Expr | null; span: SourceSpan };

/** What an assignment may bind: a name, an attribute, an item, or a (starred) unpacking. */
export type Target = Expr;

/** One `except [type [as name]]:` clause. */
export interface ExceptHandler {
  type: Expr | null;
  name: string | null;
  body: Stmt[];
  span: SourceSpan;
}

export interface FunctionDef extends At {
  k: "def";
  name: string;
  nameSpan: SourceSpan;
  params: Param[];
  body: Stmt[];
  /** Names assigned in the body that are local to the call (not declared global/nonlocal). */
  locals: string[];
  globals: string[];
  /** `@decorator` expressions, outermost first. */
  decorators: Expr[];
}

/**
 * A `case` pattern of a `match` statement (PEP 634), shaped as CPython's own: a capture is
 * `matchAs` with no pattern, the wildcard `_` one with neither pattern nor name.
 */
export type Pattern =
  /** A literal or a dotted name: the subject must be `==` to it. */
  | (At & { k: "matchValue"; value: Expr })
  /** `None`, `True`, `False`: the subject must be it (`is`). */
  | (At & { k: "matchSingleton"; value: true | false | null })
  /** `[a, *rest, b]` or `(a, b)`: at most one `matchStar` among the items. */
  | (At & { k: "matchSequence"; items: Pattern[] })
  /** `*rest` (name null: `*_`) in a sequence pattern. */
  | (At & { k: "matchStar"; name: NameExpr | null })
  /** `{key: pattern, **rest}`. */
  | (At & { k: "matchMapping"; keys: Expr[]; values: Pattern[]; rest: NameExpr | null })
  /** `Cls(p, q, attr=r)`: positional sub-patterns go by the class's `__match_args__`. */
  | (At & {
      k: "matchClass";
      cls: Expr;
      args: Pattern[];
      keywords: { name: string; pattern: Pattern }[];
    })
  /** `pattern as name`, a capture `name` (pattern null), or the wildcard `_` (both null). */
  | (At & { k: "matchAs"; pattern: Pattern | null; name: NameExpr | null })
  | (At & { k: "matchOr"; alternatives: Pattern[] });

/** One `case pattern [if guard]:` of a `match` statement. */
export interface MatchCase {
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
  span: SourceSpan;
}

/** `name: annotation` on a simple name, its annotation kept as source text (never evaluated). */
export interface Annotation {
  name: string;
  text: string;
}

export type Stmt =
  | (At & { k: "expr"; value: Expr })
  /** `annotation`: `x: int = 0` (what dataclasses and NamedTuple read from a class body). */
  | (At & { k: "assign"; targets: Target[]; value: Expr; annotation?: Annotation })
  | (At & { k: "augassign"; target: Target; op: BinaryOperator; value: Expr })
  | (At & { k: "if"; test: Expr; body: Stmt[]; orelse: Stmt[] })
  | (At & { k: "while"; test: Expr; body: Stmt[]; orelse: Stmt[] })
  | (At & { k: "for"; target: Target; iter: Expr; body: Stmt[]; orelse: Stmt[] })
  /** A bare `x: int` lowers to a `pass` that carries its annotation. */
  | (At & { k: "break" | "continue" | "pass"; annotation?: Annotation })
  | (At & { k: "return"; value: Expr | null })
  | FunctionDef
  | (At & { k: "class"; name: string; nameSpan: SourceSpan; bases: Expr[]; body: Stmt[]; decorators: Expr[] })
  | (At & { k: "import"; module: string[]; alias: string | null })
  | (At & {
      k: "fromImport";
      module: string[];
      /** How many leading dots a relative import has (`from .mod import x`: 1); absent when none. */
      level?: number;
      /** `from m import *` is the one name "*". */
      names: { name: string; alias: string | null; span: SourceSpan }[];
    })
  | (At & { k: "assert"; test: Expr; message: Expr | null })
  /** `raise exception from cause` (cause null: no `from`). */
  | (At & { k: "raise"; exception: Expr | null; cause?: Expr | null })
  | (At & { k: "global" | "nonlocal"; names: string[] })
  | (At & { k: "delete"; targets: Target[] })
  | (At & { k: "try"; body: Stmt[]; handlers: ExceptHandler[]; orelse: Stmt[]; finally: Stmt[] })
  | (At & { k: "with"; items: { context: Expr; target: Target | null }[]; body: Stmt[] })
  | (At & { k: "match"; subject: Expr; cases: MatchCase[] })
  | (At & { k: "unsupported"; message: string })
  | JsStmt;

/** Statements only JavaScript has (see JsExpr). */
export type JsStmt =
  | (At & {
      k: "declare";
      kind: "let" | "const" | "var";
      declarations: { target: Target; init: Expr | null }[];
    })
  | (At & { k: "block"; body: Stmt[] })
  /** `for (init; test; update)`: a `let` in init gets a fresh binding each iteration. */
  | (At & { k: "cfor"; init: Stmt | null; test: Expr | null; update: Expr | null; body: Stmt[] })
  /** `for (const x of xs)`: declared (fresh each iteration) or assigning an existing target. */
  | (At & { k: "forOf"; kind: "let" | "const" | "var" | null; target: Target; iter: Expr; body: Stmt[] })
  | (At & { k: "doWhile"; test: Expr; body: Stmt[] })
  /** `switch`: the first case whose test is `===` the value (else `default`), falling through. */
  | (At & { k: "switch"; value: Expr; cases: { test: Expr | null; body: Stmt[] }[] })
  | (At & { k: "throw"; value: Expr });

/** Where a name stands in the source; `statement` when a statement binds it there (statementBindings.ts). */
export interface NameOccurrence {
  name: string;
  span: SourceSpan;
  statement?: SourceSpan;
}

export interface Program {
  body: Stmt[];
  /** The numbered NameExpr occurrences, indexed by `NameExpr.occurrence`. */
  occurrences: NameOccurrence[];
}
