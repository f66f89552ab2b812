import { zonedMidnight } from "../../addon/harness/cellFormat";
import { CDNOW_EXTRACT_PATH, CDNOW_FULL_PATH, type CdnowRow, hasFullCdnow, readCdnow } from "../../scripts/lib/cdnow";
import { dateReading } from "../../shared/cells/dates";
import { readTransactions, type Transactions } from "../../shared/cells/transactions";
import { abcXyzCells, abcXyzTable } from "../../shared/metrics/abcXyz";
import { cohortCells, cohortRetention } from "../../shared/metrics/cohorts";
import { rfmCells, rfmTable } from "../../shared/metrics/rfm";
import { type Bench, type BenchResult, ms, type Timing, time } from "./lib";

const TIME_ZONE = "America/New_York";
const BIG = 1_000_000;

interface Columns {
  ids: number[][];
  dates: Date[][];
  amounts: number[][];
}

/**
 * Transaction ranges as Sheets passes them to a custom function: ids as numbers, dates as Date
 * cells (local midnight in the spreadsheet's time zone, a distinct object per cell), amounts as
 * numbers. `copies` repeats the data with ids shifted so that every copy has its own customers.
 */
function sheetColumns(rows: CdnowRow[], size: number): Columns {
  const midnight = new Map<string, number>();
  const ids: number[][] = new Array(size);
  const dates: Date[][] = new Array(size);
  const amounts: number[][] = new Array(size);
  for (let i = 0; i < size; i++) {
    const row = rows[i % rows.length] as CdnowRow;
    const copy = Math.floor(i / rows.length);
    let instant = midnight.get(row.date);
    if (instant === undefined) {
      const [y, m, d] = row.date.split("-").map(Number) as [number, number, number];
      instant = zonedMidnight(y, m, d, TIME_ZONE);
      midnight.set(row.date, instant);
    }
    ids[i] = [Number(row.customerId) + copy * 100_000];
    dates[i] = [new Date(instant)];
    amounts[i] = [row.amount];
  }
  return { ids, dates, amounts };
}

const parse = (c: Columns, withAmounts: boolean): Transactions =>
  readTransactions(
    { customerIds: c.ids, dates: c.dates, amounts: withAmounts ? c.amounts : undefined },
    dateReading(TIME_ZONE, "en_US"),
  );

interface Formula {
  name: string;
  amounts: boolean;
  /** The engine alone: parsed transactions in, plain result out. */
  engine(tx: Transactions): unknown;
  /** The spilled table from that result. */
  cells(result: never): unknown;
}

const formulas: Formula[] = [
  { name: "RFM", amounts: true, engine: (tx) => rfmTable(tx), cells: rfmCells },
  { name: "ABC_XYZ", amounts: true, engine: (tx) => abcXyzTable(tx), cells: abcXyzCells },
  { name: "COHORT_RETENTION", amounts: false, engine: (tx) => cohortRetention(tx, "month"), cells: cohortCells },
];

/** What a formula does once Sheets hands it the ranges: parse, compute, build the spilled table. */
const wholeFormula = (f: Formula, c: Columns) => f.cells(f.engine(parse(c, f.amounts)) as never);

export const transactionsBench: Bench = {
  title: "Transaction formulas (RFM, ABC_XYZ, COHORT_RETENTION)",
  run() {
    const full = hasFullCdnow();
    const rows = readCdnow(full ? CDNOW_FULL_PATH : CDNOW_EXTRACT_PATH);
    const source = full ? "CDNOW_master.txt" : "committed extract (CDNOW_master.txt not found)";
    const sizeRatio = BIG / rows.length;
    const nLogNRatio = sizeRatio * (Math.log(BIG) / Math.log(rows.length));
    const results: BenchResult[] = [
      { name: `data: ${source}`, value: `${rows.length.toLocaleString("en-US")} rows`, goal: "", ok: true },
    ];
    // Each size is measured with only its own input alive, as in a real call. Absolute goals use
    // the median; the growth ratio uses the fastest run of each size, the one least disturbed by
    // other processes on this shared machine and by full collections of earlier runs' garbage
    // (one marks the whole ~300 MB million-row input: ~230 ms here, whatever the formula).
    const measure = (size: number, options: { warmup: number; runs: number }) => {
      const columns = sheetColumns(rows, size);
      return formulas.map((f) => {
        const tx = parse(columns, f.amounts);
        return {
          whole: time(() => wholeFormula(f, columns), options),
          parse: time(() => parse(columns, f.amounts), options),
          engine: time(() => f.engine(tx), options),
        };
      });
    };
    const smallTimes = measure(rows.length, { warmup: 3, runs: 11 });
    const bigTimes = measure(BIG, { warmup: 2, runs: 9 });
    formulas.forEach(({ name }, i) => {
      const small = smallTimes[i] as { whole: Timing; parse: Timing; engine: Timing };
      const large = bigTimes[i] as { whole: Timing; parse: Timing; engine: Timing };
      const ratio = large.whole.minMs / small.whole.minMs;
      const engineRatio = large.engine.minMs / small.engine.minMs;
      results.push(
        {
          name: `${name} on ${rows.length.toLocaleString("en-US")} rows`,
          value: `${ms(small.whole.medianMs)} (fastest ${ms(small.whole.minMs)})`,
          goal: full ? "< 150 ms" : "< 150 ms (on the full file)",
          ok: small.whole.medianMs < 150,
        },
        {
          name: `${name} on 1,000,000 rows`,
          value: `${ms(large.whole.medianMs)} (fastest ${ms(large.whole.minMs)})`,
          goal: "< 2 s",
          ok: large.whole.medianMs < 2000,
        },
        {
          name: `${name} growth (fastest / fastest)`,
          value: `${ratio.toFixed(1)}× for ${sizeRatio.toFixed(1)}× rows`,
          goal: `≤ ${nLogNRatio.toFixed(1)}× (n log n)`,
          ok: ratio <= nLogNRatio,
        },
        {
          name: "  of which parsing the ranges",
          value: `${ms(small.parse.minMs)} → ${ms(large.parse.minMs)}: ${(large.parse.minMs / small.parse.minMs).toFixed(1)}×`,
          goal: "info",
          ok: true,
        },
        {
          name: "  of which the engine (parsed rows in, result out)",
          value: `${ms(small.engine.minMs)} → ${ms(large.engine.minMs)}: ${engineRatio.toFixed(1)}×`,
          goal: "info",
          ok: true,
        },
      );
    });
    return results;
  },
};
