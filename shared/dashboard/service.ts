import type { Transactions } from "../cells/transactions";
import { contactRates } from "../metrics/contacts";
import {
  answeredHours,
  groupByOpeningPeriod,
  percentileOfSorted,
  type Requests,
  resolutionTimes,
  type WorkingTime,
} from "../metrics/service";
import { isSmallSample } from "../metrics/survey";
import { type DashboardAlert, responseAlert } from "./alerts";
import type { TrendPeriod } from "./figures";

/**
 * The Dashboard's service panel (docs/dashboard.md, "Service"): from a sheet of requests, per
 * period they were opened in, how many came, how long the first answer took (median and 90th
 * percentile, in calendar hours or the team's working time) and the median time to resolve (Kaplan–Meier, open requests
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

/** Rows per period label ("2024-03"), as RESPONSE_TIME groups them. */
const groupsOf = (requests: Requests | null, period: TrendPeriod) =>
  new Map(requests ? groupByOpeningPeriod(requests, period).map((g) => [g.label, g.rows] as const) : []);

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
  /** The team's working hours, days and days off; null counts calendar time. */
  working: WorkingTime | null = null,
): ServiceFigures {
  const responses = groupsOf(response, period);
  const resolutions = groupsOf(resolution, period);
  // Labels such as "2024-03" and "2024-Q1" sort as their periods do.
  const labels = [...new Set([...responses.keys(), ...resolutions.keys()])].sort();
  const asOf = resolution?.latest ?? 0;
  const hoursOf = new Map<string, Float64Array>();
  const periods = labels.map((label): ServicePeriod => {
    const rows = responses.get(label) ?? [];
    const hours = response ? answeredHours(response, rows, working) : new Float64Array(0);
    hoursOf.set(label, hours);
    const resolved = resolution ? resolutionTimes(resolution, resolutions.get(label) ?? [], asOf, working) : null;
    const requests = response ? rows.length : (resolved?.requests ?? 0);
    return {
      period: label,
      requests,
      answered: hours.length,
      medianResponse: hours.length > 0 ? percentileOfSorted(hours, 0.5) : null,
      p90Response: hours.length > 0 ? percentileOfSorted(hours, 0.9) : null,
      resolved: resolved?.resolved ?? 0,
      medianResolution: resolved?.median ?? null,
      smallSample: isSmallSample(response ? hours.length : requests),
    };
  });
  // The alert compares the last two periods with answered requests.
  const answered = labels.filter((label) => (hoursOf.get(label)?.length ?? 0) > 0);
  let alert: DashboardAlert | null = null;
  if (answered.length >= 2) {
    const durations = (label: string) => {
      const hours = hoursOf.get(label) as Float64Array;
      return { period: label, hours: Array.from(hours), median: percentileOfSorted(hours, 0.5) };
    };
    const [a, b] = answered.slice(-2) as [string, string];
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
