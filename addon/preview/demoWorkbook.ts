import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CDNOW_EXTRACT_PATH, type CdnowRow, readCdnow } from "../../scripts/lib/cdnow";
import { seededRandom } from "../../shared/random";
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
  en: { clients: "Clients", transactions: "Transactions", requests: "Requests", contracts: "Contracts" },
  ru: { clients: "Клиенты", transactions: "Покупки", requests: "Обращения", contracts: "Договоры" },
} as const;

export interface DemoContract {
  clientId: string;
  plan: string;
  /** YYYY-MM-DD. */
  end: string;
  /** A renewal day (YYYY-MM-DD), true/false, or null while undecided. */
  renewed: string | boolean | null;
}

/**
 * Yearly contracts of every other demo client, made up deterministically (seeded): ends spread
 * over the twelve months up to `lastDay` and the three after; of those already due, about 7 in 10
 * renewed (by a date, some late, or a ticked box), 2 in 10 not (FALSE), the rest left blank.
 */
export function demoContracts(lastDay: string, clientIds: readonly string[]): DemoContract[] {
  const random = seededRandom(19_970_101);
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const out: DemoContract[] = [];
  for (const [i, clientId] of clientIds.entries()) {
    if (i % 2 === 1) continue;
    const end = last + Math.floor(random() * 450 - 360) * 86_400_000;
    const r = random();
    let renewed: DemoContract["renewed"] = null;
    if (end <= last) {
      if (r < 0.55) renewed = iso(end + Math.floor(random() * 30 - 20) * 86_400_000);
      else if (r < 0.7) renewed = true;
      else if (r < 0.9) renewed = false;
    } else if (r < 0.3) renewed = iso(end - Math.floor(random() * 20) * 86_400_000);
    out.push({ clientId, plan: ["Basic", "Pro", "Team"][Math.floor(random() * 3)] as string, end: iso(end), renewed });
  }
  return out.sort((a, b) => a.end.localeCompare(b.end));
}

/** Months of support requests in the demo, ending with its last transaction. */
const REQUEST_MONTHS = 12;
/** Requests a month, and the median hours to a first answer; the last month is slower (an alert). */
const REQUESTS_PER_MONTH = 45;
const MEDIAN_RESPONSE_HOURS = 2;
const SLOW_MEDIAN_RESPONSE_HOURS = 6;
const MEDIAN_RESOLUTION_HOURS = 20;

export interface DemoRequest {
  ticket: string;
  clientId: string;
  /** Days and hours in the spreadsheet's calendar: YYYY-MM-DD and hours after midnight. */
  openedDay: string;
  openedHour: number;
  /** Hours after opening; null while unanswered or unresolved. */
  responseHours: number | null;
  resolutionHours: number | null;
  channel: string;
}

/**
 * Support requests of the demo clients, made up deterministically (seeded): the twelve months up to
 * `lastDay`, opened in office hours, first answers log-normal around 2 hours (6 in the last month),
 * resolutions around 20 hours; the newest few still open.
 */
export function demoRequests(lastDay: string, clientIds: readonly string[]): DemoRequest[] {
  const random = seededRandom(20_240_601);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const logNormal = (median: number) => median * Math.exp(0.9 * normal());
  const [y, m] = lastDay.split("-").map(Number) as [number, number];
  const out: DemoRequest[] = [];
  for (let k = REQUEST_MONTHS - 1; k >= 0; k--) {
    const month = new Date(Date.UTC(y, m - 1 - k, 1));
    const days = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
    const lastMonth = k === 0;
    for (let i = 0; i < REQUESTS_PER_MONTH; i++) {
      const day = 1 + Math.floor(random() * (lastMonth ? Number(lastDay.slice(8, 10)) : days));
      const iso = `${month.toISOString().slice(0, 8)}${String(day).padStart(2, "0")}`;
      const openedHour = 9 + Math.floor(random() * 9 * 4) / 4;
      const response = logNormal(lastMonth ? SLOW_MEDIAN_RESPONSE_HOURS : MEDIAN_RESPONSE_HOURS);
      const resolution = response + logNormal(MEDIAN_RESOLUTION_HOURS);
      // Requests of the last days are still waiting: not yet answered or resolved by the end.
      const age = (Date.UTC(y, m - 1, Number(lastDay.slice(8, 10))) - Date.parse(iso)) / 3_600_000 + 24 - openedHour;
      out.push({
        ticket: `T-${1001 + out.length}`,
        clientId: clientIds[Math.floor(random() * clientIds.length)] as string,
        openedDay: iso,
        openedHour,
        responseHours: response < age ? Math.round(response * 4) / 4 : null,
        resolutionHours: resolution < age ? Math.round(resolution * 4) / 4 : null,
        channel: ["email", "chat", "phone"][Math.floor(random() * 3)] as string,
      });
    }
  }
  return out.sort((a, b) => a.openedDay.localeCompare(b.openedDay) || a.openedHour - b.openedHour);
}

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

/** The demo's stage names, in funnel order (see demoStageIndex). */
export const DEMO_STAGES = {
  en: ["Customer", "Repeat", "Regular"],
  ru: ["Клиент", "Повторный", "Постоянный"],
} as const;

/** A client's stage in the demo funnel from their orders: 1 a customer, 2–3 repeat, 4 or more regular. */
export const demoStageIndex = (orders: number): number => (orders >= 4 ? 2 : orders >= 2 ? 1 : 0);

/** The demo's product of an order, from its CDs (CDNOW has no categories): single, bundle or box set. */
export const DEMO_PRODUCTS = {
  en: ["Single CD", "CD bundle", "Box set"],
  ru: ["Один диск", "Набор дисков", "Бокс-сет"],
} as const;
export const demoProductIndex = (cds: number): number => (cds >= 5 ? 2 : cds >= 2 ? 1 : 0);

/**
 * The demo workbook: a Clients sheet (id, name, e-mail, first purchase, NPS score, survey date,
 * comment, stage), a Transactions sheet (client id, date, CDs, amount, product), a Requests sheet (ticket, client
 * id, opened, first response, resolved, channel) and a Contracts sheet (client id, plan, contract
 * end, renewed), with dates as Sheets holds them (Date at local midnight in the spreadsheet's time
 * zone, date-times on its clock).
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
  const orders = new Map<string, number>();
  for (const t of transactionsRead) orders.set(t.customerId, (orders.get(t.customerId) ?? 0) + 1);
  const language = ru ? "ru" : "en";
  const clients: CellValue[][] = [
    ru
      ? ["ID клиента", "Имя", "Email", "Первая покупка", "Оценка NPS", "Дата опроса", "Комментарий", "Этап"]
      : ["Client ID", "Name", "Email", "First purchase", "NPS score", "Survey date", "Comment", "Stage"],
    ...readDemoClients().map((c) => [
      Number(c.id),
      c.name,
      c.email,
      day(c.firstPurchase),
      c.score ?? "",
      c.surveyDate ? day(c.surveyDate) : "",
      c.comment,
      DEMO_STAGES[language][demoStageIndex(orders.get(c.id) ?? 0)] as string,
    ]),
  ];
  const transactions: CellValue[][] = [
    ru ? ["ID клиента", "Дата", "Дисков", "Сумма", "Товар"] : ["Client ID", "Date", "CDs", "Amount", "Product"],
    ...transactionsRead.map((t) => [
      Number(t.customerId),
      day(t.date),
      t.cds,
      t.amount,
      DEMO_PRODUCTS[language][demoProductIndex(t.cds)] as string,
    ]),
  ];
  const at = (iso: string, hours: number) => new Date(day(iso).getTime() + Math.round(hours * 60) * 60_000);
  const requests: CellValue[][] = [
    ru
      ? ["Обращение", "ID клиента", "Открыто", "Первый ответ", "Решено", "Канал"]
      : ["Ticket", "Client ID", "Opened", "First response", "Resolved", "Channel"],
    ...demoRequests(
      lastDemoDate(transactionsRead),
      readDemoClients().map((c) => c.id),
    ).map((r) => [
      r.ticket,
      Number(r.clientId),
      at(r.openedDay, r.openedHour),
      r.responseHours === null ? "" : at(r.openedDay, r.openedHour + r.responseHours),
      r.resolutionHours === null ? "" : at(r.openedDay, r.openedHour + r.resolutionHours),
      r.channel,
    ]),
  ];
  const contracts: CellValue[][] = [
    ru ? ["ID клиента", "Тариф", "Окончание договора", "Продлён"] : ["Client ID", "Plan", "Contract end", "Renewed"],
    ...demoContracts(
      lastDemoDate(transactionsRead),
      readDemoClients().map((c) => c.id),
    ).map((c) => [
      Number(c.clientId),
      c.plan,
      day(c.end),
      typeof c.renewed === "string" ? day(c.renewed) : c.renewed === null ? "" : c.renewed,
    ]),
  ];
  return {
    name: ru ? "Клиенты Rapport (демо)" : "Rapport demo clients",
    id: "demo-workbook",
    locale: ru ? "ru_RU" : "en_US",
    timeZone,
    sheets: [
      {
        name: DEMO_SHEET_NAMES[ru ? "ru" : "en"].clients,
        rows: clients,
        // The stage column is a dropdown of the stages in order, as a team's client list often has.
        dropdowns: [{ range: `H2:H${clients.length}`, values: [...DEMO_STAGES[language]] }],
      },
      { name: DEMO_SHEET_NAMES[ru ? "ru" : "en"].transactions, rows: transactions },
      { name: DEMO_SHEET_NAMES[ru ? "ru" : "en"].requests, rows: requests },
      { name: DEMO_SHEET_NAMES[ru ? "ru" : "en"].contracts, rows: contracts },
    ],
  };
}
