/**
 * Python's float formatting: `repr` (shortest round-trip digits, exponent outside 1e-4 … 1e16)
 * and the fixed/exponent forms of format specs, rounded half-to-even on the exact binary value
 * as CPython does (`f"{0.125:.2f}"` is `0.12`; JS `toFixed` would say `0.13`). It sits below
 * the runtime and the trace, which both print Python's numbers, and imports nothing of ours.
 */

export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, exponentText] = x.toExponential().split("e");
  const exp = Number(exponentText);
  const sign = x < 0 ? "-" : "";
  const digits = mantissa.replace("-", "").replace(".", "");
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exponentSuffix(exp)}`;
  }
  return sign + placePoint(digits, exp, true);
}

/** `+05`, `-07`: the exponent as Python writes it, at least two digits. */
export function exponentSuffix(exp: number): string {
  return (exp < 0 ? "-" : "+") + String(Math.abs(exp)).padStart(2, "0");
}

/** Digits d1d2d3… of a number d1.d2d3… × 10**exp, written without an exponent. */
function placePoint(digits: string, exp: number, alwaysFraction: boolean): string {
  if (exp >= 0) {
    if (digits.length <= exp + 1)
      return digits + "0".repeat(exp + 1 - digits.length) + (alwaysFraction ? ".0" : "");
    return `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return `0.${"0".repeat(-exp - 1)}${digits}`;
}

/** |x| = mantissa · 2**exponent exactly. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

function roundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const twice = 2n * (num % den);
  return twice > den || (twice === den && q % 2n === 1n) ? q + 1n : q;
}

/** |x| scaled by 10**power, rounded half-even to an integer, exactly. */
function scaledInteger(x: number, power: number): bigint {
  const { mantissa, exponent } = decompose(x);
  let num = mantissa;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  if (power >= 0) num *= 10n ** BigInt(power);
  else den *= 10n ** BigInt(-power);
  return roundHalfEven(num, den);
}

/** |x| with `precision` digits after the point (finite x). */
export function formatFixed(x: number, precision: number): string {
  const digits = scaledInteger(x, precision)
    .toString()
    .padStart(precision + 1, "0");
  if (precision === 0) return digits;
  return `${digits.slice(0, -precision)}.${digits.slice(-precision)}`;
}

/** |x| rounded to `precision + 1` significant digits: the digits and the decimal exponent. */
export function significantDigits(x: number, precision: number): { digits: string; exp: number } {
  if (x === 0) return { digits: "0".repeat(precision + 1), exp: 0 };
  let exp = Math.floor(Math.log10(Math.abs(x)));
  for (;;) {
    const n = scaledInteger(x, precision - exp);
    const text = n.toString();
    if (text.length > precision + 1) exp++;
    else if (text.length < precision + 1) exp--;
    else return { digits: text, exp };
  }
}

/** |x| in `e` notation with `precision` digits after the point. */
export function formatExponent(x: number, precision: number, upper = false): string {
  const { digits, exp } = significantDigits(x, precision);
  const m = precision > 0 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${m}${upper ? "E" : "e"}${exponentSuffix(exp)}`;
}

/**
 * |x| in the `g` form with `precision` significant digits. `reprLike` is the no-type form with
 * a precision (`f"{x:.3}"`): it keeps one fraction digit and switches to exponents at exp ≥ p-1.
 */
export function formatGeneral(
  x: number,
  precision: number,
  alternate: boolean,
  reprLike: boolean,
  upper = false,
): string {
  const p = precision === 0 ? 1 : precision;
  const { exp } = significantDigits(x, p - 1);
  const useExponent = exp < -4 || exp >= (reprLike ? p - 1 : p);
  let text: string;
  if (useExponent) {
    text = formatExponent(x, p - 1, upper);
    if (!alternate) text = text.replace(/\.?0+(?=[eE])/, "");
  } else {
    text = formatFixed(x, Math.max(0, p - 1 - exp));
    if (!alternate && text.includes(".")) text = text.replace(/\.?0+$/, "");
    if (reprLike && !text.includes(".")) text += ".0";
  }
  return text;
}
