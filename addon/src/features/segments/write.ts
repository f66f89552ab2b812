import { columnLetter } from "../../../../shared/cells/a1";
import type { Cell } from "../../../../shared/cells/values";
import { RapportError } from "../../../../shared/errors";
import { columnRuns, matchKey } from "../../../../shared/segments/align";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Writes a segmentation's columns into the client list in blocks of rows. The first block is
 * written by the execution that computed the results; when more remain, the rows' values are
 * kept in the user cache under a job id and each further block is its own execution (the
 * sidebar calls writeSegmentation until done), so no execution nears Apps Script's 6 minutes.
 */

/** What a job needs to write its remaining blocks. */
export interface SegmentJob {
  sheetId: number;
  /** 1-based column of the client ids. */
  idColumn: number;
  /** 1-based column of each output column. */
  columns: number[];
  /** Per client-list row (row 2 onwards): the client's key when computed, or null. */
  keys: (string | null)[];
  /** Per client-list row: the output cells. */
  rows: Cell[][];
}

const PREFIX = "rapport.segments.job.";
/** Characters per cache value: 3 bytes each at most in UTF-8 stays under the 100 KB limit. */
const CHUNK = 30_000;
/** Six hours, the cache's longest. */
const TTL = 21_600;

/**
 * Writes the header row of the output columns, one setValues per run of adjacent columns. A sheet
 * with no empty columns left (an imported CSV often has exactly its own) gets columns added first:
 * Sheets refuses ranges beyond its last column.
 */
export function writeHeaders(sheet: Sheet, columns: readonly number[], headers: readonly string[]): void {
  const needed = Math.max(...columns) - sheet.getMaxColumns();
  if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
  for (const run of columnRuns(columns)) {
    sheet.getRange(1, run.first, 1, run.indexes.length).setValues([run.indexes.map((i) => headers[i] as string)]);
  }
}

/**
 * Writes rows `from` … `to − 1` (0-based below the header) of the job. Each row is matched to the
 * client id now in the sheet: a row whose id changed since the run (a sort, an insertion) gets
 * the values computed for that id, and an id not seen then is left blank.
 */
export function writeBlock(sheet: Sheet, job: SegmentJob, from: number, to: number): void {
  if (to <= from) return;
  const width = job.columns.length;
  const block: Cell[][] = new Array(to - from);
  let byKey: Map<string, number> | null = null;
  const idColumn = currentKeys(sheet, job.idColumn, from, to);
  for (let r = from; r < to; r++) {
    const now = idColumn[r - from] ?? null;
    let source = r;
    if (now !== (job.keys[r] ?? null)) {
      if (!byKey) {
        byKey = new Map();
        job.keys.forEach((key, i) => {
          if (key !== null && !byKey?.has(key)) byKey?.set(key, i);
        });
      }
      source = now === null ? -1 : (byKey.get(now) ?? -1);
    }
    block[r - from] = source >= 0 ? (job.rows[source] as Cell[]) : new Array(width).fill("");
  }
  for (const run of columnRuns(job.columns)) {
    sheet
      .getRange(2 + from, run.first, to - from, run.indexes.length)
      .setValues(block.map((row) => run.indexes.map((i) => row[i] as Cell)));
  }
}

/** The client keys now in rows `from` … `to − 1` of the id column, in one read. */
function currentKeys(sheet: Sheet, column: number, from: number, to: number): (string | null)[] {
  const last = Math.min(to, sheet.getLastRow() - 1);
  if (last <= from) return [];
  return (sheet.getRange(2 + from, column, last - from, 1).getValues() as Cell[][]).map((row) => matchKey(row[0]));
}

function cache(): GoogleAppsScript.Cache.Cache {
  return CacheService.getUserCache();
}

/** Keeps a job for its remaining blocks; returns its id. */
export function saveJob(job: SegmentJob): string {
  const id = Utilities.getUuid();
  const text = JSON.stringify(job);
  const values: Record<string, string> = {};
  let chunks = 0;
  for (let at = 0; at < text.length; at += CHUNK) values[`${PREFIX}${id}.${chunks++}`] = text.slice(at, at + CHUNK);
  values[`${PREFIX}${id}`] = String(chunks);
  cache().putAll(values, TTL);
  return id;
}

/** The job saved under `id`; an actionable error when the cache no longer has it. */
export function loadJob(id: string): SegmentJob {
  const store = cache();
  const chunks = Number(store.get(`${PREFIX}${id}`));
  if (!/^[0-9a-f-]{36}$/i.test(id) || !Number.isInteger(chunks) || chunks < 1) {
    throw new RapportError("ui.segments.expired");
  }
  const keys = Array.from({ length: chunks }, (_, i) => `${PREFIX}${id}.${i}`);
  const found = store.getAll(keys);
  let text = "";
  for (const key of keys) {
    const part = found[key];
    if (part === undefined || part === null) throw new RapportError("ui.segments.expired");
    text += part;
  }
  return JSON.parse(text) as SegmentJob;
}

export function dropJob(id: string): void {
  const store = cache();
  const chunks = Number(store.get(`${PREFIX}${id}`)) || 0;
  store.removeAll([`${PREFIX}${id}`, ...Array.from({ length: chunks }, (_, i) => `${PREFIX}${id}.${i}`)]);
}

/** "H RFM code" for the sidebar. */
export function describeColumns(columns: readonly number[], headers: readonly string[]): string[] {
  return columns.map((c, i) => `${columnLetter(c)} · ${headers[i]}`);
}

/** "H–J", or "H, K–L" when a person moved a column away. */
export function columnRange(columns: readonly number[]): string {
  return columnRuns(columns)
    .map((run) => {
      const first = columnLetter(run.first);
      return run.indexes.length === 1 ? first : `${first}–${columnLetter(run.first + run.indexes.length - 1)}`;
    })
    .join(", ");
}
