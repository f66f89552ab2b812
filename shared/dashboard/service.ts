import { MINUTES_PER_DAY } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import { contactRates } from "../metrics/contacts";
import { periodIndex, periodLabel } from "../metrics/periods";
import { elapsedMinutes, percentileOfSorted, type Requests, resolutionTimes } from "../metrics/service";
import { isSmallSample } from "../metrics/survey";
import { type DashboardAlert, responseAlert } from "./alerts";
import type { TrendPeriod } from "./figures";

/**
 * The Dashboard's service panel (docs/dashboard.md, "Service"): from a sheet of requests, per
 * period they were opened in, how many came, how long the first answer took (median and 90th
 * percentile, calendar hours) and the median time to resolve (Kaplan–Meier, open requests
 * censored at the latest time in the sheet), as RESPONSE_TIME and RESOLUTION_TIME compute them.
 */

export interface ServicePeriod {
  /** "2024-03" or "2024-Q1". */
  readonly period: string;
  readonly requests: number;
  readonly answered: number;
  readonly medianResponse: number | null;
  readonly p90Response: number | null;
  readonly resolved: number;
  /** Null when fewer than half are resolved (the median is not reached) or there is no resolved column. */
  readonly medianResolution: number | null;
  /** Fewer than 100 answered requests (or requests, without answers). */
  readonly smallSample: boolean;
}

/** Who contacted support in the latest period (CONTACT_RATE), from the requests' client ids. */
export interface ContactFigure {
  readonly period: string;
  /** Clients with a request in the period. */
  readonly clients: number;
  readonly requests: number;
  /** clients ÷ all clients (the customer base), or null without it. */
  readonly share: number | null;
  /** All clients the share is of. */
  readonly of: number | null;
  /** Clients whose contact rate jumped in the period (Poisson, p < 1 % at their earlier rate). */
  readonly jumped: number;
}

export interface ServiceFigures {
  readonly periods: ServicePeriod[];
  /** Null when the requests sheet has no client id column. */
  readonly contacts: ContactFigure | null;
  readonly requests: number;
  readonly hasResponse: boolean;
  readonly hasResolution: boolean;
  readonly alert: DashboardAlert | null;
}

/** The latest period's contacts, as CONTACT_RATE gives them. */
function contactFigure(requests: Transactions, period: TrendPeriod, clients: number | null): ContactFigure | null {
  const summary = contactRates(requests, period, clients);
  const latest = summary.periods[summary.periods.length - 1];
  if (!latest) return null;
  return {
    period: latest.label,
    clients: latest.clients,
    requests: latest.requests,
    share: latest.share,
    of: clients,
    jumped: latest.jumped,
  };
}

/** Requests by period of opening, in calendar order: period index → request numbers. */
function byPeriod(requests: Requests, period: TrendPeriod): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < requests.opened.length; i++) {
    const p = periodIndex(Math.floor((requests.opened[i] as number) / MINUTES_PER_DAY), period);
    const rows = groups.get(p);
    if (rows) rows.push(i);
    else groups.set(p, [i]);
  }
  return groups;
}

/**
 * The service figures per period. `response` pairs opening with first-answer times, `resolution`
 * opening with resolution times (either null when the sheet has no such column).
 */
export function serviceFigures(
  response: Requests | null,
  resolution: Requests | null,
  period: TrendPeriod,
  /** Each request's client and day, when the sheet has client ids; and how many clients there are. */
  contacts: { requests: Transactions; clients: number | null } | null = null,
): ServiceFigures {
  const responses = response ? byPeriod(response, period) : new Map<number, number[]>();
  const resolutions = resolution ? byPeriod(resolution, period) : new Map<number, number[]>();
  const keys = [...new Set([...responses.keys(), ...resolutions.keys()])].sort((a, b) => a - b);
  const asOf = resolution?.latest ?? 0;
  const hoursOf = new Map<number, Float64Array>();
  const periods = keys.map((key): ServicePeriod => {
    const rows = responses.get(key) ?? [];
    const hours: number[] = [];
    if (response) {
      for (const i of rows) {
        const closed = response.closed[i] as number;
        if (!Number.isNaN(closed)) hours.push(elapsedMinutes(response.opened[i] as number, closed, null) / 60);
      }
    }
    const sorted = Float64Array.from(hours).sort();
    hoursOf.set(key, sorted);
    const resolved = resolution ? resolutionTimes(resolution, resolutions.get(key) ?? [], asOf, null) : null;
    const requests = response ? rows.length : (resolved?.requests ?? 0);
    return {
      period: periodLabel(key, period),
      requests,
      answered: sorted.length,
      medianResponse: sorted.length > 0 ? percentileOfSorted(sorted, 0.5) : null,
      p90Response: sorted.length > 0 ? percentileOfSorted(sorted, 0.9) : null,
      resolved: resolved?.resolved ?? 0,
      medianResolution: resolved?.median ?? null,
      smallSample: isSmallSample(response ? sorted.length : requests),
    };
  });
  // The alert compares the last two periods with answered requests.
  const answered = keys.filter((key) => (hoursOf.get(key)?.length ?? 0) > 0);
  let alert: DashboardAlert | null = null;
  if (answered.length >= 2) {
    const [a, b] = answered.slice(-2) as [number, number];
    const durations = (key: number) => {
      const hours = hoursOf.get(key) as Float64Array;
      return { period: periodLabel(key, period), hours: Array.from(hours), median: percentileOfSorted(hours, 0.5) };
    };
    alert = responseAlert(durations(a), durations(b));
  }
  return {
    periods,
    contacts: contacts ? contactFigure(contacts.requests, period, contacts.clients) : null,
    requests: periods.reduce((sum, p) => sum + p.requests, 0),
    hasResponse: response !== null,
    hasResolution: resolution !== null,
    alert,
  };
}
