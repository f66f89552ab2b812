/**
 * How much the Segments sidebar does inside Apps Script, overridable per spreadsheet through
 * document properties (tests lower them; a person may raise them). docs/segments.md explains
 * the defaults.
 */

/** Above this many transaction rows, RFM, CLV and clusters are computed on the Worker when enrolled. */
export const WORKER_THRESHOLD = 50_000;
/** Client-list rows written per execution (each block is one setValues per run of columns). */
export const BLOCK_ROWS = 20_000;

export const LIMIT_PROPERTIES = {
  workerThreshold: "rapport.segments.workerThreshold",
  blockRows: "rapport.segments.blockRows",
} as const;

function positiveWhole(property: string, fallback: number): number {
  const raw = PropertiesService.getDocumentProperties().getProperty(property);
  const value = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(value) && value >= 1 ? value : fallback;
}

export function workerThreshold(): number {
  return positiveWhole(LIMIT_PROPERTIES.workerThreshold, WORKER_THRESHOLD);
}

export function blockRows(): number {
  return positiveWhole(LIMIT_PROPERTIES.blockRows, BLOCK_ROWS);
}
