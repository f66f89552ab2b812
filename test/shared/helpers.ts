import { RapportError } from "../../shared/errors";
import { t } from "../../shared/i18n/translate";

/** A column of values shaped as Sheets passes a one-column range. */
export const col = (...values: unknown[]) => values.map((v) => [v]) as never;

/** The RapportError `fn` throws (fails the test if it throws nothing or something else). */
export function thrown(fn: () => unknown): RapportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RapportError) return error;
    throw error;
  }
  throw new Error("expected a RapportError");
}

/** The English (or Russian) message of the RapportError `fn` throws. */
export function messageOf(fn: () => unknown, locale: "en" | "ru" = "en"): string {
  const error = thrown(fn);
  return t(locale, error.key, error.params);
}

/** Fisher–Yates shuffle driven by a fast-check-provided list of random numbers. */
export function shuffled<T>(items: readonly T[], randoms: readonly number[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor((randoms[i % Math.max(1, randoms.length)] ?? 0) * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
