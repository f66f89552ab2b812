import type { Transactions } from "../cells/transactions";

/**
 * Writes a transaction list as the analysis API's CSV body (transactionsCsv.ts reads it):
 * `customer,date,amount`, dates as day numbers (days since 1970-01-01, the most compact form,
 * exact whatever the spreadsheet's time zone), amounts in JavaScript's shortest round-trip form.
 * Text ids are quoted when they hold a comma, a quote, a line break or surrounding spaces.
 */
export function transactionsCsv(tx: Transactions): string {
  const ids = tx.customers.map(csvId);
  const withAmounts = tx.amount !== null;
  const lines: string[] = new Array(tx.length + 1);
  lines[0] = withAmounts ? "customer,date,amount" : "customer,date";
  for (let i = 0; i < tx.length; i++) {
    const id = ids[tx.customer[i] as number] as string;
    lines[i + 1] = withAmounts ? `${id},${tx.day[i]},${(tx.amount as Float64Array)[i]}` : `${id},${tx.day[i]}`;
  }
  lines.push("");
  return lines.join("\n");
}

function csvId(id: string | number): string {
  if (typeof id === "number") return String(id);
  return /[",\r\n]|^\s|\s$/.test(id) ? `"${id.replace(/"/g, '""')}"` : id;
}
