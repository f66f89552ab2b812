import { cellDay, type DateReading } from "../cells/dates";
import { type Cell, cellNumber, isBlank } from "../cells/values";
import { en } from "../i18n/messages.en";
import { ru } from "../i18n/messages.ru";
import { isSendStatusHeader } from "../outreach/statusColumns";
import { COLUMN_ROLES } from "./roles";
import { isLinkHeader } from "./surveyLinks";

/**
 * What a column of a client sheet holds. The dashboard, segments and client card find their data
 * through these roles; a person can correct the guess and it is remembered per sheet.
 */
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Role → 1-based column number, or null when the sheet has no such column. */
export type ColumnMapping = Record<ColumnRole, number | null>;

export const EMPTY_MAPPING: ColumnMapping = {
  clientId: null,
  name: null,
  email: null,
  date: null,
  amount: null,
  score: null,
  comment: null,
};

// Header words in English and Russian. Anchored loosely: headers are short phrases.
const HEADER_HINTS: Record<ColumnRole, RegExp> = {
  clientId:
    /^(?:(?:client|customer|account|contact|user)[\s_-]*(?:id|#|no\.?|number|code|key)|id|ид|id\s*клиента|(?:код|номер|ид)\s*(?:клиента|покупателя|контакта)|клиент\s*(?:id|№))$/i,
  name: /^(?:(?:client|customer|contact|company|full)?[\s_-]*name|client|customer|company|имя|фио|клиент|покупатель|компания|название|наименование)$/i,
  email: /e-?mail|почта|эл\.?\s*адрес/i,
  date: /date|day|when|answered|created|submitted|purchased?\s*(?:on|at)?$|order(?:ed)?\s*(?:on|at)|дата|день|когда/i,
  amount:
    /amount|revenue|total|sum|value|price|spend|sales|paid|payment|сумма|выручка|стоимость|оплат|цена|доход|продаж/i,
  score: /nps|score|rating|grade|оценк|балл|рейтинг|рекоменд/i,
  comment: /comment|feedback|remark|note|why|reason|answer|комментар|отзыв|почему|причин|замечан|пожелан/i,
};

/** A date column about survey answers: preferred as the date of a sheet that also holds scores. */
const SURVEY_DATE = /survey|response|answer|responded|submitted|опрос|ответ|анкет/i;

/** Headers that may name the client id but more often a name: a weaker hint. */
const WEAK_CLIENT_ID = /^(?:client|customer|account|клиент|покупатель|контрагент)$/i;

/** What a column's cells look like, from a sample of its non-blank cells. */
export interface ColumnProfile {
  /** Non-blank cells sampled. */
  count: number;
  dates: number;
  numbers: number;
  /** Whole numbers from 0 to 10. */
  scores: number;
  /** Numbers with a fractional part. */
  fractional: number;
  emails: number;
  /** Text of 25 characters or more, or with several words. */
  prose: number;
  distinct: number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function profileColumn(cells: readonly Cell[], reading: DateReading): ColumnProfile {
  const profile: ColumnProfile = {
    count: 0,
    dates: 0,
    numbers: 0,
    scores: 0,
    fractional: 0,
    emails: 0,
    prose: 0,
    distinct: 0,
  };
  const seen = new Set<string>();
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    profile.count++;
    seen.add(
      String(cell instanceof Date ? cell.getTime() : cell)
        .trim()
        .toLowerCase(),
    );
    if (cell instanceof Date || (typeof cell === "string" && cellDay(cell, reading) !== null)) {
      profile.dates++;
      continue;
    }
    const n = typeof cell === "boolean" ? null : cellNumber(cell);
    if (n !== null) {
      profile.numbers++;
      if (Number.isInteger(n) && n >= 0 && n <= 10) profile.scores++;
      if (!Number.isInteger(n)) profile.fractional++;
      continue;
    }
    const text = String(cell).trim();
    if (EMAIL.test(text)) profile.emails++;
    else if (text.length >= 25 || text.split(/\s+/).length >= 4) profile.prose++;
  }
  profile.distinct = seen.size;
  return profile;
}

/** Each column's profile, from the sample rows under its header. */
export function profileColumns(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  reading: DateReading,
): ColumnProfile[] {
  return headers.map((_, c) =>
    profileColumn(
      rows.map((row) => row[c]),
      reading,
    ),
  );
}

/**
 * How well a column fits a role, 0…1: the header counts most; the cells confirm or veto it
 * (a "Date" header over cells that are not dates is not a date column).
 */
export function roleScore(role: ColumnRole, header: string, p: ColumnProfile): number {
  const named = HEADER_HINTS[role].test(header.trim()) ? 1 : 0;
  const share = (k: number) => (p.count === 0 ? 0 : k / p.count);
  let content = 0;
  let fits = true;
  switch (role) {
    case "date":
      content = share(p.dates);
      fits = content >= 0.8;
      break;
    case "score":
      content = share(p.scores);
      fits = content >= 0.9 && share(p.numbers) >= 0.9;
      break;
    case "amount":
      content = share(p.numbers) * (p.fractional > 0 ? 1 : 0.7);
      fits = share(p.numbers) >= 0.9;
      break;
    case "email":
      content = share(p.emails);
      fits = content >= 0.6;
      break;
    case "comment":
      content = share(p.prose);
      fits = p.dates === 0 && share(p.numbers) < 0.5;
      break;
    case "clientId":
      // Ids repeat in a transaction list, so uniqueness is not required; they are not dates or prose.
      content = p.dates === 0 && p.prose === 0 && p.emails === 0 && p.fractional === 0 ? 0.5 : 0;
      fits = p.dates === 0 && p.emails === 0 && share(p.prose) < 0.2;
      break;
    case "name":
      content = p.numbers === 0 && p.dates === 0 && p.emails === 0 ? 0.3 : 0;
      fits = share(p.numbers) < 0.2 && p.dates === 0 && p.emails === 0;
      break;
  }
  if (p.count === 0) return named ? 0.5 : 0;
  if (!fits) return 0;
  if (!named && role === "clientId" && WEAK_CLIENT_ID.test(header.trim())) return 0.5 + 0.2 * content;
  // Without a header hint only unmistakable content qualifies (a column of e-mails, of dates).
  if (!named) return role === "email" || role === "date" || role === "comment" ? content * 0.6 : 0;
  // Of several date columns, the survey's own date wins: it is what scores are trended by.
  const surveyBonus = role === "date" && SURVEY_DATE.test(header) ? 0.05 : 0;
  return 0.6 + 0.4 * content + surveyBonus;
}

/** Headers of the columns Rapport writes beside a client list (sheet.segments.*), both languages, lower case. */
const RAPPORT_OUTPUT_HEADERS = new Set(
  (Object.keys(en) as (keyof typeof en)[])
    .filter((key) => key.startsWith("sheet.segments."))
    .flatMap((key) => [en[key].toLowerCase(), ru[key].toLowerCase()]),
);

/**
 * Guesses which column holds which role, from the header row and a sample of rows (as
 * getValues() returns them). Each column gets at most one role, the best-scoring pairs first.
 */
export function detectColumns(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  reading: DateReading,
  /** The columns' profiles when already made (a sheet read once for several kinds of source). */
  profiles: readonly ColumnProfile[] = profileColumns(headers, rows, reading),
): ColumnMapping {
  const candidates: { role: ColumnRole; column: number; score: number }[] = [];
  headers.forEach((header, c) => {
    // Columns the Segments sidebar, Add links or Send wrote (actions read as prose, codes as
    // numbers, send times as dates, a title such as "Feedback" as comments) are Rapport's own output.
    const text = String(header ?? "").trim();
    if (RAPPORT_OUTPUT_HEADERS.has(text.toLowerCase()) || isSendStatusHeader(text) || isLinkHeader(text)) return;
    for (const role of COLUMN_ROLES) {
      const score = roleScore(role, header ?? "", profiles[c] as ColumnProfile);
      if (score > 0) candidates.push({ role, column: c + 1, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = { ...EMPTY_MAPPING };
  const used = new Set<number>();
  for (const { role, column } of candidates) {
    if (mapping[role] !== null || used.has(column)) continue;
    mapping[role] = column;
    used.add(column);
  }
  return mapping;
}
