import { catalogFor, messages } from "./messages";

/**
 * The interpreter writes its diagnostics in English: Python's own errors (`NameError: name 'x'
 * is not defined`) stay exactly as Python prints them in every language, but the sentences
 * GradLens itself wraps around them — an unsupported construct, the step budget — are shown in
 * the user's language. What the sentence names (`yield`, a count) is kept as it is.
 */
export function localizeDiagnostic(message: string, locale: string): string {
  if (catalogFor(locale) === "en") return message;
  const t = messages(locale);
  const unsupported = /^(.*) is not supported by GradLens$/s.exec(message);
  if (unsupported) return t("runtime.unsupported", unsupported[1]);
  const budget = /^stopped after ([\d,]+) steps: the step budget \(gradlens\.stepBudget\) ran out$/.exec(
    message,
  );
  if (budget) return t("runtime.budget", budget[1]);
  return message;
}
