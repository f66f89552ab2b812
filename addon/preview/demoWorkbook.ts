import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CDNOW_EXTRACT_PATH, type CdnowRow, readCdnow } from "../../scripts/lib/cdnow";
import { zonedMidnight } from "../harness/cellFormat";
import type { CellValue } from "../harness/index";
import type { SpreadsheetInit } from "../harness/spreadsheet";

export const CLIENTS_CSV_PATH = fileURLToPath(new URL("./demo/clients.csv", import.meta.url));

export interface DemoClient {
  id: string;
  name: string;
  email: string;
  firstPurchase: string;
  /** The 0–10 survey answer, or null when the client did not answer. */
  score: number | null;
  /** When the client answered (YYYY-MM-DD), or null. */
  surveyDate: string | null;
  comment: string;
}

/** The committed demo client list (derived from a CDNOW extract by scripts/make-demo-data.ts). */
export function readDemoClients(): DemoClient[] {
  const [, ...lines] = readFileSync(CLIENTS_CSV_PATH, "utf8").trim().split("\n");
  return lines.map((line) => {
    const [id, name, email, firstPurchase, score, surveyDate, comment] = line.split(",") as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      id,
      name,
      email,
      firstPurchase,
      score: score === "" ? null : Number(score),
      surveyDate: surveyDate === "" ? null : surveyDate,
      comment,
    };
  });
}

export interface DemoOptions {
  locale?: "en" | "ru";
  /**
   * Shift every date by whole weeks so that the last transaction falls in the week before this
   * instant (ms). CDNOW ends in June 1998; shifted, the purchases and the clients' answers overlap
   * the answers a survey collects today. Whole weeks keep the data's shape: every gap between two
   * dates and every weekday stay as they were. Without it the dates are CDNOW's own (the tests that
   * compare with published CDNOW results use those).
   */
  endingBefore?: number;
}

/** The demo's sheets, named in the preview's language. */
export const DEMO_SHEET_NAMES = {
  en: { clients: "Clients", transactions: "Transactions" },
  ru: { clients: "Клиенты", transactions: "Покупки" },
} as const;

const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;

/** The last day of the demo's transactions, as CDNOW has it. */
export function lastDemoDate(rows: readonly CdnowRow[] = readCdnow(CDNOW_EXTRACT_PATH)): string {
  return rows.reduce((last, t) => (t.date > last ? t.date : last), "");
}

/**
 * How many days demoWorkbook({ endingBefore }) moves every date: a whole number of weeks, so that
 * the last transaction lands within the 7 days before `endingBefore` (0 when that is earlier).
 */
export function demoShiftDays(endingBefore: number, last = lastDemoDate()): number {
  const [y, m, d] = last.split("-").map(Number) as [number, number, number];
  const gapDays = Math.floor((endingBefore - Date.UTC(y, m - 1, d)) / DAY_MS);
  return gapDays <= 0 ? 0 : Math.floor((gapDays - 1) / WEEK_DAYS) * WEEK_DAYS;
}

/** `iso` (YYYY-MM-DD) moved by `days` calendar days. */
export function shiftIsoDate(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The demo workbook: a Clients sheet (id, name, e-mail, first purchase, NPS score, survey date,
 * comment) and a
 * Transactions sheet (client id, date, CDs, amount), with dates as Sheets holds them (Date at
 * local midnight in the spreadsheet's time zone).
 */
export function demoWorkbook(options: DemoOptions = {}): SpreadsheetInit {
  const ru = options.locale === "ru";
  const timeZone = ru ? "Europe/Moscow" : "America/New_York";
  const transactionsRead = readCdnow(CDNOW_EXTRACT_PATH);
  const shift =
    options.endingBefore === undefined ? 0 : demoShiftDays(options.endingBefore, lastDemoDate(transactionsRead));
  const day = (iso: string) => {
    const [y, m, d] = shiftIsoDate(iso, shift).split("-").map(Number) as [number, number, number];
    return new Date(zonedMidnight(y, m, d, timeZone));
  };
  const clients: CellValue[][] = [
    ru
      ? ["ID клиента", "Имя", "Email", "Первая покупка", "Оценка NPS", "Дата опроса", "Комментарий"]
      : ["Client ID", "Name", "Email", "First purchase", "NPS score", "Survey date", "Comment"],
    ...readDemoClients().map((c) => [
      Number(c.id),
      c.name,
      c.email,
      day(c.firstPurchase),
      c.score ?? "",
      c.surveyDate ? day(c.surveyDate) : "",
      c.comment,
    ]),
  ];
  const transactions: CellValue[][] = [
    ru ? ["ID клиента", "Дата", "Дисков", "Сумма"] : ["Client ID", "Date", "CDs", "Amount"],
    ...transactionsRead.map((t) => [Number(t.customerId), day(t.date), t.cds, t.amount]),
  ];
  return {
    name: ru ? "Клиенты Rapport (демо)" : "Rapport demo clients",
    id: "demo-workbook",
    locale: ru ? "ru_RU" : "en_US",
    timeZone,
    sheets: [
      { name: DEMO_SHEET_NAMES[ru ? "ru" : "en"].clients, rows: clients },
      { name: DEMO_SHEET_NAMES[ru ? "ru" : "en"].transactions, rows: transactions },
    ],
  };
}
