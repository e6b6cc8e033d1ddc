import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

/**
 * JavaScript's semantics, checked against Node itself: each program runs in GradLens's
 * interpreter and natively, and must print exactly the same text.
 */
const PROGRAMS: Record<string, string> = {
  "numbers are doubles": `console.log(7 / 2, 1 / 0, -1 / 0, 0 / 0, 0.1 + 0.2, 2, 2.5e-8, 1e21, -0, 7 % -3, -7 % 3, 2 ** 10, 5 >>> 1, -5 >> 1, ~5);`,
  "strings and +": `console.log("a" + 1 + 2, 1 + 2 + "a", "3" * "4", [1, 2] + "", {} + "", null + 1, undefined + 1, true + 1, "x".repeat(3), "abc".toUpperCase(), "a,b".split(","));`,
  "template literals":
    "const n = 3; const f = (x) => x * 2; console.log(`n=${n} f=${f(n)} ${[1, 2]} ${{}} ${null} ${undefined} \\u0041\\n!`);",
  "number formatting": `console.log((3.14159).toFixed(2), (1234.5678).toPrecision(6), (255).toString(16), (0.000001234).toExponential(2), String(123456789012345680000), Number("12px"), parseFloat("12px"), parseInt("ff", 16));`,
  "equality and truthiness": `console.log(1 === 1, "1" == 1, null == undefined, null === undefined, NaN === NaN, [] == false, !!"", !![], !!{}, !!0, !!NaN, 0 || "x", "" ?? "y", null ?? "z", 1 && 0, "a" && "b");`,
  typeof: `console.log(typeof 1, typeof "s", typeof true, typeof undefined, typeof null, typeof {}, typeof [], typeof (() => 1), typeof class {}, typeof Math.max);`,
  "block scope and closures": `
let x = 1;
{ let x = 2; console.log("inner", x); }
console.log("outer", x);
const fs = [];
for (let i = 0; i < 3; i++) fs.push(() => i);
console.log(fs.map((f) => f()));
function counter() { let c = 0; return { inc: () => ++c, get: () => c }; }
const k = counter(); k.inc(); k.inc();
console.log(k.get());
var v = 5; if (true) { var v = 6; } console.log(v);
console.log(hoisted(2));
function hoisted(n) { return n * 10; }`,
  loops: `
let s = 0;
for (let i = 0; i < 10; i++) { if (i % 2) continue; if (i > 6) break; s += i; }
let j = 0; while (j < 3) j++;
let d = 0; do { d += 2; } while (d < 5);
const out = [];
for (const [a, b] of [[1, 2], [3, 4]]) out.push(a * b);
for (const ch of "hi") out.push(ch);
console.log(s, j, d, out);`,
  classes: `
class Animal {
  legs = 4;
  static count = 0;
  constructor(name) { this.name = name; Animal.count++; }
  speak() { return this.name + " makes a sound"; }
  toString() { return "Animal(" + this.name + ")"; }
  static make(n) { return new this(n); }
}
class Bird extends Animal {
  legs = 2;
  constructor(name) { super(name); this.wings = 2; }
  speak() { return super.speak() + " (tweet)"; }
}
const b = new Bird("tweety");
const a = Animal.make("rex");
console.log(b.speak(), b.legs, b.wings, Animal.count, b instanceof Animal, a instanceof Bird);
console.log(b, a, [b], \`\${a}\`, String(b));
class Point { #x = 1; getX() { return this.#x; } }
console.log(new Point().getX());`,
  arrays: `
const a = [3, 1, 2];
console.log(a.map((x, i) => x * i), a.filter((x) => x > 1), a.reduce((s, x) => s + x), a.reduce((s, x) => s + x, 10));
console.log(a.slice(1), a.concat([4], 5), a.indexOf(2), a.includes(9), a.join("-"), a.length, [...a].sort(), [...a].sort((x, y) => y - x));
const b = new Array(3).fill(0); b[5] = 1; b.push(7); console.log(b, b.length);
console.log(Array.from({ length: 4 }, (_, i) => i * i), Array.from("ab"), Array.isArray(a), Array.of(1, 2));
const c = []; a.forEach((x) => c.push(x + 1)); console.log(c, a.some((x) => x > 2), a.every((x) => x > 0), a.find((x) => x < 3), a.findIndex((x) => x === 2));
console.log([1, [2, [3]]], [[1, 2], [3, 4]], Array.from({ length: 30 }, (_, i) => i * 1.5), [], [undefined, null]);`,
  "objects and destructuring": `
const o = { a: 1, b: "two", c: [1, 2], d: { e: { f: { g: 1 } } }, "x-y": 3 };
const { a, b: bee, z = 9, ...rest0 } = { a: 1, b: 2 };
const [p, , q = 5, ...r] = [1, 2, undefined, 4, 5];
console.log(o, a, bee, z, p, q, r);
console.log(Object.keys(o), Object.values({ m: 1, n: 2 }), Object.entries({ m: 1 }), { ...o.d, k: 1 }, JSON.stringify(o));
const s = { m() { return this.v; }, v: 42 }; console.log(s.m(), "a" in o, "zz" in o);
let [u, w] = [1, 2]; [u, w] = [w, u]; console.log(u, w);
function f({ x, y = 2 }, [z0]) { return x + y + z0; } console.log(f({ x: 1 }, [3]));
const long = { alpha: 1000000, beta: 2000000, gamma: 3000000, delta: 4000000, epsilon: 5000000, zeta: 6 };
console.log(long);`,
  Math: `console.log(Math.exp(1), Math.log(10), Math.tanh(0.5), Math.sqrt(2), Math.max(1, 5, 3), Math.min(), Math.PI, Math.round(2.5), Math.abs(-3), Math.pow(2, 0.5), Math.floor(-1.5), Math.sign(-3), Math.hypot(3, 4));`,
  errors: `
try { null.x; } catch (e) { console.log(e.name, e.message, e instanceof TypeError, e instanceof Error); }
try { undefinedName; } catch (e) { console.log(e.name + ": " + e.message); }
try { const c = 1; c = 2; } catch (e) { console.log(e.message); }
try { throw new RangeError("too big"); } catch (e) { console.log(e.name, e.message); } finally { console.log("finally"); }
class MyError extends Error { constructor(m) { super(m); this.code = 7; } }
try { throw new MyError("mine"); } catch (e) { console.log(e.message, e.code, e instanceof MyError, e instanceof Error); }
try { (1)(); } catch (e) { console.log(e.message); }
try { [].reduce((a, b) => a + b); } catch (e) { console.log(e.message); }
function f() { try { return "try"; } finally { console.log("cleanup"); } }
console.log(f());`,
  "console.log formats": `console.log("%s is %d years and %i", "Bob", 42.5, 42.9, "extra"); console.log("100%", 5); console.log(); console.log([ "it's", 'say "hi"' ], "tab\\there");`,
  functions: `
const add = (a, b = 10, ...more) => a + b + more.length;
console.log(add(1), add(1, 2), add(1, 2, 3, 4), add.name, (function named() {}).name);
function outer() { const self = this; return [typeof self]; }
console.log(outer());
const bound = function (k) { return this.v * k; }.bind({ v: 3 });
console.log(bound(2), Math.max.apply(null, [1, 9, 3]), Math.max(...[4, 8]));
const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));
console.log(fib(15), [add, fib, class Q {}, console.log]);`,
  switch: `
function kind(x) {
  switch (typeof x) {
    case "number":
      if (x < 0) return "negative";
    case "bigint":
      return "numeric";
    case "string": {
      const n = x.length;
      return "text of " + n;
    }
    default:
      return "other";
  }
}
const seen = [];
for (const v of [1, -1, "ab", null]) {
  switch (v) {
    case 1: seen.push("one"); break;
    case null: seen.push("null"); continue;
    default: seen.push("?");
  }
  seen.push(",");
}
console.log(kind(3), kind(-3), kind("abc"), kind({}), seen);`,
  "getters and setters": `
class Temperature {
  #celsius = 0;
  get fahrenheit() { return this.#celsius * 9 / 5 + 32; }
  set fahrenheit(f) { this.#celsius = (f - 32) * 5 / 9; }
  get celsius() { return this.#celsius; }
}
class Kelvin extends Temperature { get kelvin() { return this.celsius + 273.15; } }
const t = new Kelvin();
t.fahrenheit = 212;
console.log(t.celsius, t.fahrenheit, t.kelvin, "kelvin" in t);
try { t.celsius = 5; } catch (e) { console.log(e.name, e.message); }`,
  "update and compound assignment": `
let i = 0; const a = [i++, i++, ++i, i--, --i]; let x = 5; x += 2; x *= 3; x -= 1; x /= 4; x **= 2; x %= 7;
const o = { n: 1 }; o.n += 5; o.n++; const arr = [1, 2]; arr[0] += 10; arr[1]--;
let m = null; m ??= "set"; let t = 1; t &&= 2; let f = 0; f ||= 3;
console.log(a, i, x, o, arr, m, t, f);`,
  "update evaluates its target once and converts as + does": `
let i = 0; const a = [0, 0, 0]; a[i++]++; console.log(i, a);
let j = 0; const b = [5, 5]; const r = b[j++]--; console.log(j, b, r);
let o = { valueOf() { return 5; } }; o++; console.log(o);
let p = { valueOf() { return 2; } }; console.log(--p, p);
const obj = { n: "3" }; let k = 0; const key = () => { k++; return "n"; }; obj[key()]++; console.log(obj, k);`,
  "assignment evaluates the target's object and key before the value": `
let i = 0; const a = [0, 0]; a[i] = ++i; console.log(a, i);
const log = []; const objs = [{}, {}];
const step = (what, v) => { log.push(what); return v; };
step("obj", objs)[step("key", 1)] = step("value", 7);
step("obj", objs[0]).n = step("value", 8);
console.log(log, objs);`,
  "return and break in finally cancel a pending throw": `
function f() { try { throw 1; } finally { return 2; } }
function g() { try { throw new Error("x"); } catch (e) { throw e; } finally { return "g"; } }
let out = [];
for (const x of [1, 2]) { try { throw x; } finally { out.push(x); break; } }
function h() { try { return "try"; } finally { out.push("h"); } }
function k() { try { throw 3; } finally { out.push("k"); } }
try { k(); } catch (e) { out.push("caught " + e); }
console.log(f(), g(), h(), out);`,
  "typeof an undeclared name": `console.log(typeof undeclaredName, typeof undeclaredName === "undefined", typeof Math);
try { typeof later; let later = 1; } catch (e) { console.log(e.name); }`,
  "super in an object literal's method": `const o = { m() { return super.x; }, s() { return super.toString === undefined; } }; console.log(o.m(), o.s());`,
  "array holes": `const a = [1, , 3]; console.log(a.map((x) => x * 2), a, a.length, 1 in a, a.reduce((s, x) => s + x), [, 2, , 4].reduce((s, x) => s + x), [, 5].reduceRight((s, x) => s + x, 1));`,
  "array methods: flat depth, splice, thisArg": `
console.log([1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(2), [1, [2, [3, [4]]]].flat(Infinity), [1, [2]].flat(0));
const a = [1, 2, 3]; console.log(a.splice(), a, a.splice(1), a);
const t = { limit: 2 };
console.log([1, 2, 3].some(function (x) { return x > this.limit; }, t), [1, 2, 3].every(function (x) { return x <= this.limit; }, t),
  [1, 2, 3].find(function (x) { return x > this.limit; }, t), [1, 2, 3].findIndex(function (x) { return x === this.limit; }, t));`,
  "conversion skips a valueOf that is not callable": `
const o = { valueOf: 42, toString() { return "7"; } };
const p = { valueOf() { return {}; }, toString() { return "8"; } };
console.log(o * 2, o + 1, p * 2, \`\${o}\`);`,
  "a derived constructor must call super": `
class A { constructor() { this.a = 1; } }
class B extends A { constructor() { } }
try { new B(); } catch (e) { console.log(e.name + ": " + e.message); }
class C extends A { constructor() { super(); this.c = 2; } }
console.log(new C());`,
};

let scratch = "";

function runNode(source: string): string {
  scratch ||= mkdtempSync(join(tmpdir(), "gradlens-js-semantics-"));
  const file = join(scratch, "program.mjs");
  writeFileSync(file, source);
  return execFileSync(process.execPath, [file], { encoding: "utf8" });
}

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("JavaScript semantics match Node", () => {
  for (const [name, source] of Object.entries(PROGRAMS)) {
    it(name, () => {
      const trace = runProgram(source, { language: "javascript" });
      expect(trace.diagnostics.map((d) => d.message)).toEqual([]);
      expect(trace.stdout).toBe(runNode(source));
    });
  }
});
