import type { Transactions } from "../cells/transactions";
import { type Period, periodIndex, periodLabel, periodLookup } from "./periods";

/**
 * How often clients contact support: requests per period, how many clients made them, the share
 * of all clients who did, and clients whose contact rate jumped. A jump is judged against the
 * client's own rate since its first request: at least JUMP_MIN requests in a period, and fewer
 * than a 1 % chance of that many from a Poisson count at the earlier rate. The earlier rate is
 * (requests before + ½) / periods before, and needs at least 2 periods before: a new client
 * cannot jump.
 */

export const JUMP_MIN = 3;
export const JUMP_P = 0.01;

export interface ContactPeriod {
  readonly label: string;
  readonly requests: number;
  readonly clients: number;
  /** requests / clients who made them; null without requests. */
  readonly perClient: number | null;
  /** clients who made requests / all clients; null without a client list. */
  readonly share: number | null;
  /** Clients whose requests this period were a jump over their earlier rate. */
  readonly jumped: number;
}

export interface ContactJump {
  readonly client: string | number;
  readonly label: string;
  readonly requests: number;
  /** Requests per period before this one. */
  readonly baseline: number;
  /** P(at least this many | the earlier rate). */
  readonly p: number;
}

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  let term = Math.exp(-lambda);
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    below += term;
  }
  return Math.max(0, 1 - below);
}

export interface ContactSummary {
  readonly periods: ContactPeriod[];
  readonly total: ContactPeriod;
  readonly jumps: ContactJump[];
}

/** Requests (one per row: client and date) summarised per period; `clientCount` from a client list, if any. */
export function contactRates(requests: Transactions, period: Period, clientCount: number | null): ContactSummary {
  const n = requests.length;
  const first = periodIndex(requests.firstDay, period);
  const periods = periodIndex(requests.lastDay, period) - first + 1;
  const periodOf = periodLookup(requests.firstDay, requests.lastDay, period, n);
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = periodOf(requests.day[i] as number) - first;
  // Requests ordered by client, then period: each client's periods are one run.
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const customer = requests.customer;
  order.sort((a, b) => (customer[a] as number) - (customer[b] as number) || (p[a] as number) - (p[b] as number));
  const requestsIn = new Float64Array(periods);
  const clientsIn = new Float64Array(periods);
  const jumpedIn = new Float64Array(periods);
  const jumps: ContactJump[] = [];
  let i = 0;
  while (i < n) {
    const c = customer[order[i] as number] as number;
    const firstPeriod = p[order[i] as number] as number;
    let before = 0;
    while (i < n && customer[order[i] as number] === c) {
      const k = p[order[i] as number] as number;
      let count = 0;
      while (i < n && customer[order[i] as number] === c && p[order[i] as number] === k) {
        count++;
        i++;
      }
      requestsIn[k] = (requestsIn[k] as number) + count;
      clientsIn[k] = (clientsIn[k] as number) + 1;
      const periodsBefore = k - firstPeriod;
      if (periodsBefore >= 2 && count >= JUMP_MIN) {
        const baseline = before / periodsBefore;
        const chance = poissonUpperTail(count, (before + 0.5) / periodsBefore);
        if (chance < JUMP_P) {
          jumpedIn[k] = (jumpedIn[k] as number) + 1;
          jumps.push({
            client: requests.customers[c] as string | number,
            label: periodLabel(first + k, period),
            requests: count,
            baseline,
            p: chance,
          });
        }
      }
      before += count;
    }
  }
  const row = (label: string, requests: number, clients: number, jumped: number): ContactPeriod => ({
    label,
    requests,
    clients,
    perClient: clients > 0 ? requests / clients : null,
    share: clientCount ? clients / clientCount : null,
    jumped,
  });
  const rows: ContactPeriod[] = [];
  for (let k = 0; k < periods; k++) {
    rows.push(
      row(periodLabel(first + k, period), requestsIn[k] as number, clientsIn[k] as number, jumpedIn[k] as number),
    );
  }
  const total = row("total", n, requests.customers.length, jumps.length);
  jumps.sort((a, b) => a.p - b.p);
  return { periods: rows, total, jumps };
}
