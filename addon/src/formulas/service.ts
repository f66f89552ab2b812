import { choiceArg, numberArg, periodArg, rangeGiven, scalarCell } from "../../../shared/cells/arguments";
import { readCustomerIds } from "../../../shared/cells/columns";
import { cellWallMinutes } from "../../../shared/cells/dates";
import { readTransactions } from "../../../shared/cells/transactions";
import { type Cell, displayValue, type Range } from "../../../shared/cells/values";
import { RapportError } from "../../../shared/errors";
import { t } from "../../../shared/i18n/translate";
import { type ContactPeriod, contactRates } from "../../../shared/metrics/contacts";
import {
  groupByOpeningPeriod,
  type PeriodGroup,
  type Requests,
  readHolidays,
  readRequests,
  resolutionTimes,
  responseTimes,
  serviceLevel,
  type WorkingTime,
  workingTimeArgs,
} from "../../../shared/metrics/service";
import { blankIfNull, type FormulaContext, formula } from "./formula";

/* Service-speed formulas over a sheet of requests. JSDoc for Sheets is in addon/stubs/formulas-service.js. */

const WORKING = { hours: "working_hours", days: "working_days" } as const;

/** The working time of the formula's arguments, days off included (read on the spreadsheet's calendar). */
function workingTimeOf(
  context: FormulaContext,
  hours: Range | undefined,
  days: Range | undefined,
  holidays: Range | undefined,
): WorkingTime | null {
  return workingTimeArgs(hours, days, WORKING, readHolidays(holidays, "holidays", context.dates));
}

/** Per opening period, then a total row over every request. */
function withTotal(requests: Requests, groups: PeriodGroup[]): PeriodGroup[] {
  const all = Array.from({ length: requests.opened.length }, (_, i) => i);
  return [...groups, { label: "total", rows: all }];
}

/** The arguments every service formula shares after its two columns. */
interface ServiceOptions {
  readonly period: Range | undefined;
  readonly workingHours: Range | undefined;
  readonly workingDays: Range | undefined;
  readonly holidays: Range | undefined;
}

/**
 * A service formula's shared set-up, in the order its errors should surface: the period, the
 * working time, then the requests; with the rows of each opening period and a total.
 */
function serviceArgs(
  context: FormulaContext,
  opened: Range,
  closed: Range,
  closedName: string,
  options: ServiceOptions,
): { requests: Requests; working: WorkingTime | null; groups: PeriodGroup[] } {
  const by = periodArg(options.period, "period", "month");
  const working = workingTimeOf(context, options.workingHours, options.workingDays, options.holidays);
  const requests = requestsOf(context, opened, closed, closedName);
  return { requests, working, groups: withTotal(requests, groupByOpeningPeriod(requests, by)) };
}

/** "Now" for requests still waiting: the as_of argument, else the latest time in the data. */
function asOfArg(context: FormulaContext, value: Range | undefined, requests: Requests): number {
  if (value === undefined) return requests.latest;
  const { cells, reading } = context.dateTimes("as_of", value);
  const cell = scalarCell(cells, "as_of");
  if (cell === undefined) return requests.latest;
  const minutes = cellWallMinutes(cell, reading);
  if (minutes === null) throw new RapportError("arg.notDate", { arg: "as_of", value: displayValue(cell) });
  return minutes;
}

/** Both columns as the sheet holds them (see FormulaContext.dateTimes), on one wall clock. */
function requestsOf(context: FormulaContext, opened: Range, closed: Range, closedName: string): Requests {
  const names = { opened: "opened_at", closed: closedName };
  const a = context.dateTimes("opened_at", opened);
  const b = context.dateTimes(closedName, closed);
  // Both re-read, or both as passed: never one of each, which could mix two clocks.
  return a.cells !== opened && b.cells !== closed
    ? readRequests(a.cells, b.cells, a.reading, names)
    : readRequests(opened, closed, context.dates, names);
}

/**
 * RESPONSE_TIME(opened_at, first_response_at, [period], [working_hours], [working_days], [holidays]): per
 * period of opening, requests, answered, and the median, mean and 90th percentile of the hours to
 * the first response; a total row.
 */
export function RESPONSE_TIME(
  openedAt: Range,
  firstResponseAt: Range,
  period?: Range,
  workingHours?: Range,
  workingDays?: Range,
  holidays?: Range,
): Cell[][] {
  return formula(
    "RESPONSE_TIME",
    ["opened_at", "first_response_at", "period", "working_hours", "working_days", "holidays"],
    (context) => {
      const { requests, working, groups } = serviceArgs(context, openedAt, firstResponseAt, "first_response_at", {
        period,
        workingHours,
        workingDays,
        holidays,
      });
      const out: Cell[][] = [["period", "requests", "answered", "median_hours", "mean_hours", "p90_hours"]];
      for (const group of groups) {
        const row = responseTimes(requests, group.rows, working);
        out.push([
          group.label,
          row.requests,
          row.answered,
          blankIfNull(row.summary?.median),
          blankIfNull(row.summary?.mean),
          blankIfNull(row.summary?.p90),
        ]);
      }
      return out;
    },
  );
}

/**
 * SERVICE_LEVEL(opened_at, first_response_at, target_hours, [period], [working_hours],
 * [working_days], [as_of], [holidays]): per period of opening, the share of requests answered within the target.
 */
export function SERVICE_LEVEL(
  openedAt: Range,
  firstResponseAt: Range,
  targetHours: Range,
  period?: Range,
  workingHours?: Range,
  workingDays?: Range,
  asOf?: Range,
  holidays?: Range,
): Cell[][] {
  return formula(
    "SERVICE_LEVEL",
    ["opened_at", "first_response_at", "target_hours", "period", "working_hours", "working_days", "as_of", "holidays"],
    (context) => {
      const target = numberArg(targetHours, "target_hours", Number.NaN, { above: 0 });
      if (Number.isNaN(target)) throw new RapportError("input.empty", { arg: "target_hours" });
      const { requests, working, groups } = serviceArgs(context, openedAt, firstResponseAt, "first_response_at", {
        period,
        workingHours,
        workingDays,
        holidays,
      });
      const now = asOfArg(context, asOf, requests);
      const out: Cell[][] = [["period", "requests", "within_target", "late", "pending", "service_level"]];
      for (const group of groups) {
        const row = serviceLevel(requests, group.rows, target, now, working);
        out.push([group.label, row.requests, row.withinTarget, row.late, row.pending, blankIfNull(row.level)]);
      }
      return out;
    },
  );
}

/**
 * RESOLUTION_TIME(opened_at, resolved_at, [period], [working_hours], [working_days], [as_of], [holidays]):
 * per period of opening, requests, resolved, open, the Kaplan–Meier median hours to resolve (open
 * requests censored at as_of) with its confidence limits, and the mean of the resolved.
 */
export function RESOLUTION_TIME(
  openedAt: Range,
  resolvedAt: Range,
  period?: Range,
  workingHours?: Range,
  workingDays?: Range,
  asOf?: Range,
  holidays?: Range,
): Cell[][] {
  return formula(
    "RESOLUTION_TIME",
    ["opened_at", "resolved_at", "period", "working_hours", "working_days", "as_of", "holidays"],
    (context) => {
      const { requests, working, groups } = serviceArgs(context, openedAt, resolvedAt, "resolved_at", {
        period,
        workingHours,
        workingDays,
        holidays,
      });
      const now = asOfArg(context, asOf, requests);
      const notReached = t(context.locale, "survival.notReached", {});
      const reached = (value: number | null): Cell => (value === null ? notReached : value);
      const out: Cell[][] = [
        [
          "period",
          "requests",
          "resolved",
          "open",
          "median_hours",
          "median_lower",
          "median_upper",
          "mean_hours_resolved",
        ],
      ];
      for (const group of groups) {
        const row = resolutionTimes(requests, group.rows, now, working);
        out.push([
          group.label,
          row.requests,
          row.resolved,
          row.open,
          reached(row.median),
          reached(row.medianLower),
          reached(row.medianUpper),
          blankIfNull(row.meanResolved),
        ]);
      }
      return out;
    },
  );
}

/** CONTACT_RATE's views, in English and Russian. */
const CONTACT_VIEWS = { periods: ["periods", "period", "периоды"], jumps: ["jumps", "jump", "всплески", "скачки"] };

/**
 * CONTACT_RATE(request_client_ids, request_dates, [period], [client_ids], [show]): per period,
 * requests, clients who made them, requests per such client, their share of all clients, and
 * clients whose contact rate jumped; or, with show "jumps", one row per jump.
 */
export function CONTACT_RATE(
  requestClientIds: Range,
  requestDates: Range,
  period?: Range,
  clientIds?: Range,
  show?: Range,
): Cell[][] {
  return formula("CONTACT_RATE", ["request_client_ids", "request_dates", "period", "client_ids", "show"], (context) => {
    const by = periodArg(period, "period", "month");
    const mode = choiceArg(show, "show", CONTACT_VIEWS, "periods", "contacts.show");
    const requests = readTransactions(
      {
        customerIds: requestClientIds,
        dates: requestDates,
        names: { customerIds: "request_client_ids", dates: "request_dates" },
      },
      context.dates,
    );
    let clientCount: number | null = null;
    if (clientIds !== undefined && rangeGiven(clientIds)) {
      // All clients: the list, and any who made a request without being in it.
      const all = new Set<string | number>(readCustomerIds(clientIds, "client_ids").customers);
      for (const id of requests.customers) all.add(id);
      clientCount = all.size;
    }
    const summary = contactRates(requests, by, clientCount);
    if (mode === "jumps") {
      const out: Cell[][] = [["client", "period", "requests", "baseline_per_period", "p_value"]];
      for (const jump of summary.jumps) out.push([jump.client, jump.label, jump.requests, jump.baseline, jump.p]);
      return out;
    }
    const cells = (row: ContactPeriod): Cell[] => [
      row.label,
      row.requests,
      row.clients,
      blankIfNull(row.perClient),
      blankIfNull(row.share),
      row.jumped,
    ];
    return [
      ["period", "requests", "clients", "requests_per_client", "share_of_clients", "jumped"],
      ...summary.periods.map(cells),
      cells(summary.total),
    ];
  });
}
