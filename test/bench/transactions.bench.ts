import { zonedMidnight } from "../../addon/harness/cellFormat";
import { CDNOW_EXTRACT_PATH, CDNOW_FULL_PATH, type CdnowRow, hasFullCdnow, readCdnow } from "../../scripts/lib/cdnow";
import { dateReading } from "../../shared/cells/dates";
import { readTransactions } from "../../shared/cells/transactions";
import { abcXyz, abcXyzCells } from "../../shared/metrics/abcXyz";
import { cohortCells, cohortRetention } from "../../shared/metrics/cohorts";
import { rfm, rfmCells } from "../../shared/metrics/rfm";
import { type Bench, type BenchResult, ms, time } from "./lib";

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

/** What each formula does after Sheets hands it the ranges: parse, compute, build the spilled table. */
const formulas: [string, (c: Columns) => unknown][] = [
  [
    "RFM",
    (c) => {
      const tx = readTransactions(
        { customerIds: c.ids, dates: c.dates, amounts: c.amounts },
        dateReading(TIME_ZONE, "en_US"),
      );
      return rfmCells(rfm(tx));
    },
  ],
  [
    "ABC_XYZ",
    (c) => {
      const tx = readTransactions(
        { customerIds: c.ids, dates: c.dates, amounts: c.amounts },
        dateReading(TIME_ZONE, "en_US"),
      );
      return abcXyzCells(abcXyz(tx));
    },
  ],
  [
    "COHORT_RETENTION",
    (c) => {
      const tx = readTransactions({ customerIds: c.ids, dates: c.dates }, dateReading(TIME_ZONE, "en_US"));
      return cohortCells(cohortRetention(tx, "month"));
    },
  ],
];

export const transactionsBench: Bench = {
  title: "Transaction formulas (RFM, ABC_XYZ, COHORT_RETENTION)",
  run() {
    const full = hasFullCdnow();
    const rows = readCdnow(full ? CDNOW_FULL_PATH : CDNOW_EXTRACT_PATH);
    const source = full ? "CDNOW_master.txt" : "committed extract (CDNOW_master.txt not found)";
    const small = sheetColumns(rows, rows.length);
    const big = sheetColumns(rows, BIG);
    const sizeRatio = BIG / rows.length;
    const nLogNRatio = sizeRatio * (Math.log(BIG) / Math.log(rows.length));
    const results: BenchResult[] = [
      { name: `data: ${source}`, value: `${rows.length.toLocaleString("en-US")} rows`, goal: "", ok: true },
    ];
    for (const [name, run] of formulas) {
      const base = time(() => run(small), { warmup: 3, runs: 7 });
      const large = time(() => run(big), { warmup: 1, runs: 3 });
      const ratio = large.medianMs / base.medianMs;
      results.push(
        {
          name: `${name} on ${rows.length.toLocaleString("en-US")} rows`,
          value: ms(base.medianMs),
          goal: full ? "< 150 ms" : "< 150 ms (on the full file)",
          ok: base.medianMs < 150,
        },
        {
          name: `${name} on 1,000,000 rows`,
          value: ms(large.medianMs),
          goal: "< 2 s",
          ok: large.medianMs < 2000,
        },
        {
          name: `${name} growth (time ratio)`,
          value: `${ratio.toFixed(1)}× for ${sizeRatio.toFixed(1)}× rows`,
          goal: `≤ ${nLogNRatio.toFixed(1)}× (n log n)`,
          ok: ratio <= nLogNRatio,
        },
      );
    }
    return results;
  },
};
