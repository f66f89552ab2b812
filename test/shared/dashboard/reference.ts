/**
 * A second, naive implementation of the dashboard's customer-base figures straight from their
 * published definitions (docs/dashboard.md), for reference values: calendar arithmetic with
 * Date.UTC, activity tested day by day, no shared/ code. Slow and obvious on purpose.
 */

export interface RefTx {
  id: string | number;
  /** Days since 1970-01-01. */
  day: number;
  amount: number;
}

export type RefPeriod = "month" | "quarter";

const DAY = 86_400_000;
const ymd = (day: number) => {
  const d = new Date(day * DAY);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 };
};
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY;

/** First day of the period containing `day`, its label and the first day of the next one. */
export function refPeriodOf(day: number, period: RefPeriod): { start: number; next: number; label: string } {
  const { y, m } = ymd(day);
  if (period === "month") {
    return {
      start: dayOf(y, m, 1),
      next: dayOf(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1),
      label: `${y}-${String(m).padStart(2, "0")}`,
    };
  }
  const q = Math.floor((m - 1) / 3);
  return {
    start: dayOf(y, q * 3 + 1, 1),
    next: q === 3 ? dayOf(y + 1, 1, 1) : dayOf(y, q * 3 + 4, 1),
    label: `${y}-Q${q + 1}`,
  };
}

function byCustomer(tx: readonly RefTx[]): Map<string | number, number[]> {
  const out = new Map<string | number, number[]>();
  for (const t of tx) {
    const days = out.get(t.id) ?? [];
    days.push(t.day);
    out.set(t.id, days);
  }
  return out;
}

/** 90th percentile (nearest rank) of the gaps between a customer's consecutive distinct purchase days. */
export function refInactiveDays(tx: readonly RefTx[]): number {
  const gaps: number[] = [];
  for (const days of byCustomer(tx).values()) {
    const distinct = [...new Set(days)].sort((a, b) => a - b);
    for (let i = 1; i < distinct.length; i++) gaps.push((distinct[i] as number) - (distinct[i - 1] as number));
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.max(1, Math.ceil(0.9 * gaps.length)) - 1] as number;
}

export interface RefRow {
  label: string;
  atStart: number;
  atEnd: number;
  lost: number;
  orders: number;
  revenue: number;
  /** The data reach the period's last day. */
  complete: boolean;
}

/** Per period: who is active at the end of the day before it starts and at the end of its last observed day. */
export function refChurnRows(tx: readonly RefTx[], period: RefPeriod, inactive: number): RefRow[] {
  const customers = [...byCustomer(tx).values()];
  const lastDay = Math.max(...tx.map((t) => t.day));
  const firstDay = Math.min(...tx.map((t) => t.day));
  const active = (days: number[], at: number) => days.some((d) => d <= at && at < d + inactive);
  const rows: RefRow[] = [];
  for (let p = refPeriodOf(firstDay, period); p.start <= lastDay; p = refPeriodOf(p.next, period)) {
    const startCheck = p.start - 1;
    const endCheck = Math.min(p.next - 1, lastDay);
    let atStart = 0;
    let atEnd = 0;
    let lost = 0;
    for (const days of customers) {
      const s = active(days, startCheck);
      const e = active(days, endCheck);
      if (s) atStart++;
      if (e) atEnd++;
      if (s && !e) lost++;
    }
    const inPeriod = tx.filter((t) => t.day >= p.start && t.day < p.next);
    rows.push({
      label: p.label,
      atStart,
      atEnd,
      lost,
      orders: inPeriod.length,
      revenue: inPeriod.reduce((sum, t) => sum + t.amount, 0),
      complete: lastDay >= p.next - 1,
    });
  }
  return rows;
}

export interface RefFigures {
  repeatRate: number;
  customers: number;
  aov: number;
  churn: { label: string; value: number; n: number } | null;
  retention: number | null;
  clv: number | null;
  inactive: number;
  rows: RefRow[];
}

export function refCustomerFigures(tx: readonly RefTx[], period: RefPeriod): RefFigures {
  const groups = byCustomer(tx);
  const repeat = [...groups.values()].filter((days) => days.length >= 2).length;
  const revenue = tx.reduce((sum, t) => sum + t.amount, 0);
  const aov = revenue / tx.length;
  const inactive = refInactiveDays(tx);
  const rows = refChurnRows(tx, period, inactive);
  const last = [...rows].reverse().find((r) => r.complete && r.atStart > 0);
  const complete = rows.filter((r) => r.complete);
  const activeSum = complete.reduce((s, r) => s + (r.atStart + r.atEnd) / 2, 0);
  const lost = complete.reduce((s, r) => s + r.lost, 0);
  const atStart = complete.reduce((s, r) => s + r.atStart, 0);
  const orders = complete.reduce((s, r) => s + r.orders, 0);
  const perYear = period === "month" ? 12 : 4;
  // CLV = AOV × purchases per active customer per year × expected years (1 ÷ churn per year).
  const clv = last && lost > 0 ? aov * ((orders / activeSum) * perYear) * (1 / ((lost / atStart) * perYear)) : null;
  return {
    repeatRate: repeat / groups.size,
    customers: groups.size,
    aov,
    churn: last ? { label: last.label, value: last.lost / last.atStart, n: last.atStart } : null,
    // Retention (E − N)/S: kept customers are those active at both checkpoints.
    retention: last ? 1 - last.lost / last.atStart : null,
    clv,
    inactive,
    rows,
  };
}
