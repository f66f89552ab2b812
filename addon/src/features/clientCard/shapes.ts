/**
 * Shapes that cross google.script.run between the clientCard sidebar and Code.js. Plain JSON only:
 * strings, numbers, booleans, null, arrays and plain objects (dates as ISO strings).
 */

/** Client card: one survey answer. */
export interface ClientAnswerView {
  survey: string;
  /** nps, csat, ces, … ("" when unknown). */
  type: string;
  score: number | null;
  comment: string;
  /** yyyy-mm-dd, or null. */
  date: string | null;
  flags: string[];
  finished: boolean;
}

export interface ClientCardView {
  /** The id as the sheet shows it. */
  clientId: string;
  /** Where the client was selected. */
  sheet: string;
  row: number;
  name: string | null;
  email: string | null;
  /** The transactions sheet read, and the as-of date (its last date, yyyy-mm-dd). */
  transactionsSheet: string | null;
  asOf: string | null;
  purchases: {
    orders: number;
    firstPurchase: string;
    lastPurchase: string;
    daysSinceLast: number;
    total: number;
    average: number;
  } | null;
  rfm: { key: string; label: string; r: number; f: number; m: number; code: number; action: string } | null;
  stage: { key: string; label: string } | null;
  prediction: { pAlive: number; expectedPurchases: number; clv: number | null } | null;
  /** Why a part is missing (no transactions sheet, a model that cannot be fitted…), in words. */
  notes: string[];
  answers: ClientAnswerView[];
  nextStep: { rule: string; text: string };
}
