import { type DayNumber, dayFromYmd, isoDay, ymdOfDay } from "../cells/dates";
import { fnv1a } from "../hash";

/**
 * Who is due today for a scheduled send: pure rules over days, run by the daily trigger. Each due
 * send has an occurrence key; the never-twice ledger keeps one send per (client, occurrence), so a
 * trigger that runs twice in a day, or again after a failure, sends nothing twice.
 */
export type Schedule =
  /** Ask each client every `everyDays` days; first sends spread evenly over the first period. */
  | { readonly kind: "recurring"; readonly everyDays: number }
  /** `days` after the date in a column (a purchase: a transactional CSAT). */
  | { readonly kind: "afterDate"; readonly days: number }
  /** `days` before the date in a column (the end of a contract). */
  | { readonly kind: "beforeDate"; readonly days: number }
  /** On the date's month and day every year (a birthday); 29 February falls on 28 February. */
  | { readonly kind: "yearly" };

export interface ClientSchedule {
  /** The client's key as text (the contact id): spreads recurring first sends. */
  readonly contactId: string;
  /** The client's date column, for date-driven schedules; null when blank. */
  readonly day: DayNumber | null;
  /** When this client was last sent this schedule's message (from the ledger), or null. */
  readonly lastSentDay: DayNumber | null;
}

/**
 * A trigger that missed days (the account's trigger time ran out, the add-on was paused) still
 * sends a date-driven message up to this many days late; older occasions are let go, so switching
 * a schedule on does not mail every purchase of last year.
 */
export const CATCH_UP_DAYS = 3;

/** The day of this year's occasion of a yearly date (29 Feb → 28 Feb in other years). */
function thisYears(day: DayNumber, year: number): DayNumber {
  const { month, day: dom } = ymdOfDay(day);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return dayFromYmd(year, month, month === 2 && dom === 29 && !leap ? 28 : dom);
}

/**
 * The occurrence due today for one client, as a key for the ledger, or null when nothing is due.
 * `today` is the spreadsheet's calendar day.
 */
export function dueOccurrence(schedule: Schedule, client: ClientSchedule, today: DayNumber): string | null {
  switch (schedule.kind) {
    case "recurring": {
      const every = Math.max(1, Math.floor(schedule.everyDays));
      if (client.lastSentDay === null) {
        // Never asked: each client gets a fixed day in the cycle, so the first round spreads evenly.
        return ((today % every) + every) % every === fnv1a(client.contactId) % every ? `every:${isoDay(today)}` : null;
      }
      return today - client.lastSentDay >= every ? `every:${isoDay(today)}` : null;
    }
    case "afterDate":
    case "beforeDate": {
      if (client.day === null) return null;
      const target = schedule.kind === "afterDate" ? client.day + schedule.days : client.day - schedule.days;
      // Before the date: never after the date itself (a contract already ended).
      const last =
        schedule.kind === "beforeDate" ? Math.min(target + CATCH_UP_DAYS, client.day) : target + CATCH_UP_DAYS;
      return today >= target && today <= last ? `${schedule.kind}:${isoDay(client.day)}` : null;
    }
    case "yearly": {
      if (client.day === null) return null;
      const { year } = ymdOfDay(today);
      const occasion = thisYears(client.day, year);
      return occasion <= today && today <= occasion + CATCH_UP_DAYS && occasion > client.day ? `yearly:${year}` : null;
    }
  }
}

/**
 * Those due today among the clients, at most `quota` of them: the longest waiting first (never sent
 * before those sent long ago), so what does not fit today goes first tomorrow.
 */
export function dueToday(
  schedule: Schedule,
  clients: readonly ClientSchedule[],
  today: DayNumber,
  quota: number,
): { due: { index: number; occurrence: string }[]; waiting: number } {
  const due: { index: number; occurrence: string; since: number }[] = [];
  for (let i = 0; i < clients.length; i++) {
    const client = clients[i] as ClientSchedule;
    const occurrence = dueOccurrence(schedule, client, today);
    if (occurrence !== null) due.push({ index: i, occurrence, since: client.lastSentDay ?? Number.NEGATIVE_INFINITY });
  }
  due.sort((a, b) => a.since - b.since || a.index - b.index);
  const take = Math.max(0, Math.min(quota, due.length));
  return {
    due: due.slice(0, take).map(({ index, occurrence }) => ({ index, occurrence })),
    waiting: due.length - take,
  };
}
