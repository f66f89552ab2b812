import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../scripts/lib/cdnow";
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
  const day = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
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
    ...readCdnow(CDNOW_EXTRACT_PATH).map((t) => [Number(t.customerId), day(t.date), t.cds, t.amount]),
  ];
  return {
    name: ru ? "Клиенты Rapport (демо)" : "Rapport demo clients",
    id: "demo-workbook",
    locale: ru ? "ru_RU" : "en_US",
    timeZone,
    sheets: [
      { name: ru ? "Клиенты" : "Clients", rows: clients },
      { name: ru ? "Покупки" : "Transactions", rows: transactions },
    ],
  };
}
