import { PyError, typeError, valueError } from "./pyErrors";

/**
 * `float.hex()` and `float.fromhex()`: a double written exactly in hexadecimal, as CPython
 * writes it (`0x1.999999999999ap-4`: all 13 fraction digits, a signed binary exponent).
 */
export function floatToHex(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? "-" : "";
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (hi & 0xfffff).toString(16).padStart(5, "0") + lo.toString(16).padStart(8, "0");
  if (biased === 0 && fraction === "0000000000000") return `${sign}0x0.0p+0`;
  // subnormal: 0x0.<fraction>p-1022
  const lead = biased === 0 ? 0 : 1;
  const exponent = biased === 0 ? -1022 : biased - 1023;
  return `${sign}0x${lead}.${fraction}p${exponent < 0 ? "-" : "+"}${Math.abs(exponent)}`;
}

const HEX = /^([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?$/i;

export function floatFromHex(text: unknown): number {
  if (typeof text !== "string") throw typeError("must be str, not " + typeof text);
  const s = text.trim();
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    const negative = special[1] === "-";
    if (special[2].toLowerCase() === "nan") return NaN;
    return negative ? -Infinity : Infinity;
  }
  const m = HEX.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === ""))
    throw valueError("invalid hexadecimal floating-point string");
  const digits = m[2] + (m[3] ?? "");
  const mantissa = BigInt("0x" + (digits || "0"));
  const exponent = Number(m[4] ?? "0") - 4 * (m[3] ?? "").length;
  const value = roundToDouble(mantissa, exponent);
  return m[1] === "-" ? -value : value;
}

/** mantissa · 2^exponent, rounded to the nearest double (ties to even), as CPython does. */
function roundToDouble(mantissa: bigint, exponent: number): number {
  if (mantissa === 0n) return 0;
  const bits = mantissa.toString(2).length;
  const top = bits - 1 + exponent; // the exponent of the leading bit
  // digits a double keeps at this size: 53, fewer among the subnormals
  const precision = top >= -1022 ? 53 : 53 - (-1022 - top);
  let m = mantissa;
  let e = exponent;
  const drop = bits - Math.max(precision, 0);
  if (drop > 0) {
    const half = 1n << BigInt(drop - 1);
    const rest = m & ((1n << BigInt(drop)) - 1n);
    m >>= BigInt(drop);
    if (rest > half || (rest === half && (m & 1n) === 1n)) m += 1n;
    e += drop;
  }
  if (m === 0n) return 0;
  if (m.toString(2).length - 1 + e > 1023)
    throw new PyError("OverflowError", "hexadecimal value too large to represent as a float");
  // in two exact steps, so neither power of two leaves the doubles
  const step = e > 0 ? Math.min(e, 1000) : Math.max(e, -1000);
  return Number(m) * 2 ** step * 2 ** (e - step);
}
