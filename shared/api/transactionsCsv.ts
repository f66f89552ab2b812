import { clientKey } from "../cells/clientId";
import { dayFromYmd } from "../cells/dates";
import type { Transactions } from "../cells/transactions";
import { RapportError } from "../errors";

/**
 * Reads the analysis API's transaction body, CSV with a header line, as it streams in:
 *
 *     customer,date,amount
 *     C-1001,2024-03-01,12.50
 *     17,19783,8
 *
 * Columns by name (any order, extra columns ignored): `customer` (also `customer_id`, `id`),
 * `date` (yyyy-mm-dd, or a day number: days since 1970-01-01) and optionally `amount` (a plain
 * number). Fields may be double-quoted ("a,b"; "" for a quote). Ids follow the sheets' rule: a
 * whole number ("17", 17) is the same customer as the number. Rows go straight into typed
 * arrays in blocks, so a million rows take about 16 MB; when ids arrive sorted (all rows of a
 * customer together, customers in ascending order) no id map is built at all.
 */
export class TransactionCsvReader {
  private pending = "";
  private line = 0;
  private columns: { customer: number; date: number; amount: number; count: number } | null = null;
  private readonly blocks: Block[] = [];
  private fill = BLOCK;
  private rows = 0;
  private firstDay = Number.POSITIVE_INFINITY;
  private lastDay = Number.NEGATIVE_INFINITY;
  private readonly customers: (string | number)[] = [];
  private index: Map<string | number, number> | null = null;
  private lastKey: string | number | null = null;

  constructor(
    private readonly maxRows = 3_000_000,
    private readonly maxCustomers = Number.POSITIVE_INFINITY,
  ) {}

  /** Adds a chunk of the body (chunks may split lines anywhere). */
  push(text: string): void {
    const data = this.pending + text;
    let from = 0;
    for (;;) {
      const end = data.indexOf("\n", from);
      if (end < 0) break;
      this.parseLine(data.charCodeAt(end - 1) === 13 ? data.slice(from, end - 1) : data.slice(from, end));
      from = end + 1;
    }
    this.pending = data.slice(from);
    // A line this long is not a transaction; refusing it early also keeps a body without line
    // breaks from being held (and rescanned) whole.
    if (this.pending.length > MAX_LINE)
      throw new RapportError("analysis.csvLineTooLong", { line: this.line + 1, max: MAX_LINE });
  }

  /** Ends the body and returns the transactions. */
  finish(): Transactions {
    if (this.pending !== "") this.parseLine(this.pending.endsWith("\r") ? this.pending.slice(0, -1) : this.pending);
    this.pending = "";
    if (!this.columns) throw new RapportError("analysis.csvHeader", { found: "" });
    const n = this.rows;
    if (n === 0) throw new RapportError("analysis.csvEmpty", {});
    const withAmounts = this.columns.amount >= 0;
    // One column at a time, dropping each block's part once copied: the peak stays near the
    // blocks plus one column, not twice everything.
    const blocks = this.blocks;
    const gather = <T extends Int32Array | Float64Array>(make: (k: number) => T, take: (b: Block) => T | null): T => {
      const out = make(n);
      for (let b = 0; b < blocks.length; b++) {
        const part = take(blocks[b] as Block);
        if (part) out.set(part.subarray(0, Math.min(BLOCK, n - b * BLOCK)) as T, b * BLOCK);
      }
      return out;
    };
    const customer = gather(
      (k) => new Int32Array(k),
      (b) => b.customer,
    );
    for (const b of blocks) b.customer = EMPTY_INT;
    const day = gather(
      (k) => new Int32Array(k),
      (b) => b.day,
    );
    for (const b of blocks) b.day = EMPTY_INT;
    const amount = withAmounts
      ? gather(
          (k) => new Float64Array(k),
          (b) => b.amount,
        )
      : null;
    blocks.length = 0;
    return {
      customers: this.customers,
      customer,
      day,
      amount,
      length: n,
      firstDay: this.firstDay,
      lastDay: this.lastDay,
    };
  }

  private parseLine(text: string): void {
    this.line++;
    // Every line, not only a chunk's unfinished tail: a long line can arrive whole in one chunk.
    if (text.length > MAX_LINE) throw new RapportError("analysis.csvLineTooLong", { line: this.line, max: MAX_LINE });
    if (text.trim() === "") return;
    const fields = text.indexOf('"') >= 0 ? splitQuoted(text, this.line) : text.split(",");
    if (!this.columns) {
      this.columns = header(fields);
      return;
    }
    const columns = this.columns;
    if (fields.length !== columns.count) {
      throw new RapportError("analysis.csvFields", { line: this.line, expected: columns.count, found: fields.length });
    }
    if (this.rows >= this.maxRows) throw new RapportError("analysis.csvTooManyRows", { max: this.maxRows });
    const key = clientKey(fields[columns.customer] as string);
    if (key === null) throw new RapportError("analysis.csvCustomer", { line: this.line });
    const d = parseDay(fields[columns.date] as string);
    if (d === null) {
      throw new RapportError("analysis.csvDate", { line: this.line, value: short(fields[columns.date] as string) });
    }
    let value = 0;
    if (columns.amount >= 0) {
      const text = (fields[columns.amount] as string).trim();
      value = NUMBER.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(value))
        throw new RapportError("analysis.csvAmount", { line: this.line, value: short(text) });
    }
    if (this.fill === BLOCK) {
      this.blocks.push({
        customer: new Int32Array(BLOCK),
        day: new Int32Array(BLOCK),
        amount: columns.amount >= 0 ? new Float64Array(BLOCK) : null,
      });
      this.fill = 0;
    }
    const block = this.blocks[this.blocks.length - 1] as Block;
    block.customer[this.fill] = this.customerIndex(key);
    block.day[this.fill] = d;
    if (block.amount) block.amount[this.fill] = value;
    this.fill++;
    this.rows++;
    if (d < this.firstDay) this.firstDay = d;
    if (d > this.lastDay) this.lastDay = d;
  }

  private checkCustomers(): void {
    if (this.customers.length >= this.maxCustomers) {
      throw new RapportError("analysis.csvTooManyCustomers", { max: this.maxCustomers });
    }
  }

  /** Index of a customer in order of first appearance; sorted input needs no map. */
  private customerIndex(key: string | number): number {
    if (this.index) {
      let c = this.index.get(key);
      if (c === undefined) {
        c = this.customers.length;
        this.checkCustomers();
        this.index.set(key, c);
        this.customers.push(key);
      }
      return c;
    }
    const last = this.lastKey;
    if (last !== null && key === last) return this.customers.length - 1;
    if (last === null || after(key, last)) {
      this.lastKey = key;
      this.checkCustomers();
      this.customers.push(key);
      return this.customers.length - 1;
    }
    // Out of order: from here on, look ids up in a map of those seen so far.
    this.index = new Map();
    for (let c = 0; c < this.customers.length; c++) this.index.set(this.customers[c] as string | number, c);
    return this.customerIndex(key);
  }
}

interface Block {
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array | null;
}

const BLOCK = 65_536;
const MAX_LINE = 10_000;
const EMPTY_INT = new Int32Array(0);
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Numbers before text; numbers by value, text by code units. */
function after(key: string | number, last: string | number): boolean {
  if (typeof key === typeof last) return key > last;
  return typeof key === "string";
}

function short(text: string): string {
  const t = text.trim();
  return t.length > 40 ? `${t.slice(0, 37)}…` : t;
}

const NAMES: Record<string, "customer" | "date" | "amount"> = {
  customer: "customer",
  customer_id: "customer",
  customerid: "customer",
  id: "customer",
  date: "date",
  amount: "amount",
};

function header(fields: string[]): { customer: number; date: number; amount: number; count: number } {
  const found = { customer: -1, date: -1, amount: -1 };
  fields.forEach((f, i) => {
    const name = NAMES[f.trim().toLowerCase()];
    if (name && found[name] < 0) found[name] = i;
  });
  if (found.customer < 0 || found.date < 0) {
    throw new RapportError("analysis.csvHeader", { found: short(fields.join(",")) });
  }
  return { ...found, count: fields.length };
}

/** yyyy-mm-dd, or a whole day number (days since 1970-01-01); null for anything else. */
export function parseDay(text: string): number | null {
  const s = text.trim();
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = Number(s.slice(0, 4));
    const m = Number(s.slice(5, 7));
    const d = Number(s.slice(8, 10));
    if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return null;
    const day = dayFromYmd(y, m, d);
    // Rejects 2024-02-30 and the like: the day must map back to the same month.
    const check = new Date(day * 86_400_000);
    return check.getUTCMonth() === m - 1 && check.getUTCDate() === d && y >= 1000 ? day : null;
  }
  if (/^-?\d{1,6}$/.test(s)) return Number(s);
  return null;
}

/** Splits a CSV line with double-quoted fields. */
function splitQuoted(text: string, line: number): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new RapportError("analysis.csvQuote", { line });
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const comma = text.indexOf(",", i);
      if (comma < 0) {
        out.push(field + text.slice(i));
        return out;
      }
      out.push(field + text.slice(i, comma));
      i = comma + 1;
    } else {
      const comma = text.indexOf(",", i);
      if (comma < 0) {
        out.push(text.slice(i));
        return out;
      }
      out.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
}
