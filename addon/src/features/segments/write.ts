import { columnLetter } from "../../../../shared/cells/a1";
import type { Cell } from "../../../../shared/cells/values";
import { RapportError } from "../../../../shared/errors";
import { columnRuns, matchKey } from "../../../../shared/segments/align";
import { utf8Chunks } from "../../../../shared/utf8";

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
/**
 * CacheService keeps values of up to 100 KB (UTF-8 bytes) and at most 1,000 items per cache,
 * past which it keeps the 900 farthest from expiring (developers.google.com/apps-script/reference/
 * cache/cache). A job's chunks stay under the first and fill at most half of the second, leaving
 * room for the client card's entries in the same user cache.
 */
const CHUNK_BYTES = 100 * 1024 - 64;
const MAX_CHUNKS = 450;
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

/**
 * A job as stored: each output column as a list of its distinct values and one index per row
 * when that is shorter (segment names and actions repeat on every row), as plain values when not
 * (CLV figures). 300,000 RFM rows take about 5 MB this way instead of 45.
 */
interface StoredJob {
  sheetId: number;
  idColumn: number;
  columns: number[];
  keys: (string | null)[];
  length: number;
  /** Per output column: [distinct values, index per row], or [null, value per row]. */
  cells: [Cell[] | null, (number | Cell)[]][];
}

function packJob(job: SegmentJob): StoredJob {
  const width = job.columns.length;
  const cells: StoredJob["cells"] = [];
  for (let c = 0; c < width; c++) {
    const index = new Map<Cell, number>();
    const codes: number[] = new Array(job.rows.length);
    for (let r = 0; r < job.rows.length; r++) {
      const value = (job.rows[r] as Cell[])[c] as Cell;
      let code = index.get(value);
      if (code === undefined) {
        code = index.size;
        index.set(value, code);
      }
      codes[r] = code;
    }
    cells.push(
      index.size * 4 < job.rows.length ? [[...index.keys()], codes] : [null, job.rows.map((row) => row[c] as Cell)],
    );
  }
  return {
    sheetId: job.sheetId,
    idColumn: job.idColumn,
    columns: job.columns,
    keys: job.keys,
    length: job.rows.length,
    cells,
  };
}

function unpackJob(stored: StoredJob): SegmentJob {
  const rows: Cell[][] = new Array(stored.length);
  for (let r = 0; r < stored.length; r++) {
    rows[r] = stored.cells.map(([values, codes]) =>
      values ? (values[codes[r] as number] as Cell) : (codes[r] as Cell),
    );
  }
  return { sheetId: stored.sheetId, idColumn: stored.idColumn, columns: stored.columns, keys: stored.keys, rows };
}

/** A job's text in cache-sized pieces; an actionable error when it cannot fit the cache. */
export function jobChunks(job: SegmentJob): string[] {
  const chunks = utf8Chunks(JSON.stringify(packJob(job)), CHUNK_BYTES);
  if (chunks.length > MAX_CHUNKS) throw new RapportError("ui.segments.tooManyRows", { rows: job.rows.length });
  return chunks;
}

/** Keeps a job's pieces (from jobChunks) for its remaining blocks; returns its id. */
export function saveJob(chunks: readonly string[]): string {
  const id = Utilities.getUuid();
  const values: Record<string, string> = {};
  chunks.forEach((chunk, i) => {
    values[`${PREFIX}${id}.${i}`] = chunk;
  });
  values[`${PREFIX}${id}`] = String(chunks.length);
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
  return unpackJob(JSON.parse(text) as StoredJob);
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
