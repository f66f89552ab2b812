import * as z from "zod/mini";
import type { ClvResponse, RfmResponse, SegmentsResponse } from "../../../../shared/api/analysisResponses";
import { transactionsCsv } from "../../../../shared/api/transactionsCsvWriter";
import { columnLetter } from "../../../../shared/cells/a1";
import { isoDay } from "../../../../shared/cells/dates";
import { RowSkips, skippedRowsView } from "../../../../shared/cells/skippedRows";
import type { Transactions } from "../../../../shared/cells/transactions";
import type { Cell } from "../../../../shared/cells/values";
import { RapportError } from "../../../../shared/errors";
import type { Locale } from "../../../../shared/i18n/locale";
import type { MessageKey } from "../../../../shared/i18n/messages.en";
import { t } from "../../../../shared/i18n/translate";
import { alignToClients, matchKey, outputHeaders, outputRows, placeColumns } from "../../../../shared/segments/align";
import { segmentationCaveat } from "../../../../shared/segments/caveats";
import {
  CLV_HORIZON_MONTHS,
  CLV_MONTHLY_DISCOUNT,
  SIDEBAR_PURCHASE_MODEL,
  segmentLocally,
} from "../../../../shared/segments/compute";
import {
  clustersFromResponse,
  clvFromResponse,
  isClustersAnswer,
  isClvAnswer,
  isRfmAnswer,
  rfmFromResponse,
} from "../../../../shared/segments/fromApi";
import {
  type CustomerSegmentation,
  inLocale,
  isSegmentMethod,
  NO_PURCHASES,
  type SegmentMethod,
} from "../../../../shared/segments/segmentation";
import { summarizeSegments } from "../../../../shared/segments/summary";
import type { ColumnRole } from "../../../../shared/sheets/columns";
import { TRANSACTION_ROLES } from "../../../../shared/sheets/roles";
import { userLocale } from "../../services/locale";
import { enrollment } from "../../services/settings";
import { callWorker } from "../../services/workerClient";
import { dataSources, rememberSource, type SheetColumns, sheetColumns } from "../../sheet/clientSheets";
import { withDocumentLock } from "../../sheet/lock";
import { dataRows, readColumn, readSheetTransactions, spreadsheetReading } from "../../sheet/transactions";
import { openSidebar } from "../../sidebar/open";
import { sidebarCall } from "../../sidebar/serverCall";
import { blockRows, workerThreshold } from "./limits";
import type {
  SegmentationRun,
  SegmentSheetView,
  SegmentSummaryView,
  SegmentsRequest,
  SegmentsState,
  WriteProgress,
} from "./shapes";
import { columnRange, describeColumns, dropJob, jobChunks, loadJob, saveJob, writeBlock, writeHeaders } from "./write";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Menu: Segments. */
export function showSegments(): void {
  openSidebar("segments", "ui.segments.title");
}

interface Sheets {
  transactions: SheetColumns | null;
  clients: SheetColumns | null;
}

function namedSheet(ss: Spreadsheet, name: string): SheetColumns {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new RapportError("ui.segments.noSheet", { sheet: name });
  return sheetColumns(sheet);
}

/** The sheets chosen in the sidebar, or the ones Rapport finds (clientSheets.dataSources). */
function chosenSheets(ss: Spreadsheet, choice: { transactionsSheet?: string; clientsSheet?: string }): Sheets {
  const pickedTx = typeof choice.transactionsSheet === "string" && choice.transactionsSheet !== "";
  const pickedClients = typeof choice.clientsSheet === "string" && choice.clientsSheet !== "";
  const found = pickedTx && pickedClients ? null : dataSources(ss);
  return {
    transactions: pickedTx ? namedSheet(ss, choice.transactionsSheet as string) : (found?.transactions ?? null),
    clients: pickedClients ? namedSheet(ss, choice.clientsSheet as string) : (found?.clients ?? null),
  };
}

function unmapped(columns: SheetColumns, role: ColumnRole): RapportError {
  return new RapportError("ui.segments.unmapped", {
    sheet: columns.sheet.getName(),
    role: { key: `ui.segments.role.${role}` as MessageKey },
    example: { key: `ui.segments.example.${role}` as MessageKey },
  });
}

/** The first reason these sheets cannot be segmented, or null. */
function problemOf(sheets: Sheets): RapportError | null {
  const { transactions, clients } = sheets;
  if (!transactions) return new RapportError("ui.segments.noTransactions");
  for (const role of TRANSACTION_ROLES) if (transactions.mapping[role] === null) return unmapped(transactions, role);
  if (dataRows(transactions) === 0) {
    return new RapportError("ui.segments.emptySheet", { sheet: transactions.sheet.getName() });
  }
  if (!clients) return new RapportError("ui.segments.noClientList");
  if (clients.sheet.getSheetId() === transactions.sheet.getSheetId()) return new RapportError("ui.segments.sameSheet");
  if (clients.mapping.clientId === null) return unmapped(clients, "clientId");
  return null;
}

function sheetView(columns: SheetColumns | null, roles: readonly ColumnRole[]): SegmentSheetView | null {
  if (!columns) return null;
  const found = roles
    .map((role) => columns.mapping[role])
    .filter((c): c is number => c !== null)
    .map((c) => `${columnLetter(c)} · ${columns.headers[c - 1] ?? ""}`);
  return { name: columns.sheet.getName(), rows: dataRows(columns), columns: found.join(", ") };
}

/** What the sidebar shows before a run: the sheets found or chosen, and where the work would run. */
export function segmentsState(choice?: { transactionsSheet?: string; clientsSheet?: string }): SegmentsState {
  return sidebarCall(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const locale = userLocale();
    const sheets = chosenSheets(ss, choice ?? {});
    const problem = problemOf(sheets);
    const threshold = workerThreshold();
    const rows = sheets.transactions ? dataRows(sheets.transactions) : 0;
    return {
      sheets: ss.getSheets().map((s) => s.getName()),
      transactions: sheetView(sheets.transactions, TRANSACTION_ROLES),
      clients: sheetView(sheets.clients, ["clientId", "name", "email"]),
      problem: problem ? t(locale, problem.key, problem.params) : null,
      enrolled: enrollment() !== null,
      threshold,
      large: rows > threshold,
    };
  });
}

/** Sends the transactions to the Worker's analysis API and reads its answer as a segmentation. */
function segmentOnWorker(method: Exclude<SegmentMethod, "abcXyz">, tx: Transactions): CustomerSegmentation {
  const request = {
    method: "post" as const,
    body: transactionsCsv(tx),
    contentType: "text/csv; charset=utf-8",
    auth: { kind: "workspace" as const },
  };
  switch (method) {
    case "rfm":
      return rfmFromResponse(
        callWorker({ ...request, path: "api/v1/analyze/rfm", response: z.custom<RfmResponse>(isRfmAnswer) }),
      );
    case "clv":
      return clvFromResponse(
        callWorker({
          ...request,
          path: `api/v1/analyze/clv?horizon_months=${CLV_HORIZON_MONTHS}&monthly_discount=${CLV_MONTHLY_DISCOUNT}&model=${SIDEBAR_PURCHASE_MODEL}`,
          response: z.custom<ClvResponse>(isClvAnswer),
        }),
        tx,
      );
    case "clusters":
      return clustersFromResponse(
        callWorker({
          ...request,
          path: "api/v1/analyze/segments",
          response: z.custom<SegmentsResponse>(isClustersAnswer),
        }),
        tx,
      );
  }
}

function summaryView(seg: CustomerSegmentation, locale: Locale): SegmentSummaryView[] {
  return summarizeSegments(seg).map((s) => ({
    key: s.key,
    label: inLocale(s.label, locale),
    description: s.description ? inLocale(s.description, locale) : null,
    action: inLocale(s.action, locale),
    customers: s.customers,
    share: s.share,
    revenue: s.revenue,
    revenueShare: s.revenueShare,
    averageRevenue: s.averageRevenue,
  }));
}

const withLock = <T>(body: () => T): T => withDocumentLock({ busy: "sheet.busy" }, body);

/**
 * Segments the clients and writes the result columns beside the client list (matched by client
 * id), the first block of rows included. Small data is computed here with shared/; above the
 * threshold RFM, CLV and clusters are computed on the Worker when the spreadsheet is enrolled.
 */
export function runSegmentation(request: SegmentsRequest): SegmentationRun {
  return sidebarCall(() => {
    const method = request?.method;
    if (!isSegmentMethod(method)) throw new RapportError("ui.segments.unknownMethod", { method: String(method) });
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const locale = userLocale();
    const sheets = chosenSheets(ss, request);
    const problem = problemOf(sheets);
    if (problem) throw problem;
    const transactions = sheets.transactions as SheetColumns;
    const clients = sheets.clients as SheetColumns;

    const rows = dataRows(transactions);
    const threshold = workerThreshold();
    const onWorker = method !== "abcXyz" && rows > threshold && request.computeHere !== true;
    if (onWorker && enrollment() === null) {
      throw new RapportError("ui.segments.large", { rows, threshold });
    }
    // Rows with a cell that cannot be read are left out, and the result says which.
    const skips = new RowSkips();
    const tx = readSheetTransactions(transactions, spreadsheetReading(ss), skips.skip);
    const skippedRows = skips.result();
    const seg = onWorker ? segmentOnWorker(method as Exclude<SegmentMethod, "abcXyz">, tx) : segmentLocally(method, tx);
    const caveat = segmentationCaveat(seg);

    const ids = readColumn(clients, "clientId").map((row) => row[0] as Cell);
    const alignment = alignToClients(ids, seg.ids);
    const values = outputRows(seg, alignment, locale);
    const bilingualHeaders = outputHeaders(seg);
    const headers = bilingualHeaders.map((h) => inLocale(h, locale));
    const sheet = clients.sheet;
    const block = blockRows();
    const { columns, jobId } = withLock(() => {
      const width = sheet.getLastColumn();
      const header = width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] as Cell[]) : [];
      const placed = placeColumns(header, bilingualHeaders, width);
      const job = {
        sheetId: sheet.getSheetId(),
        idColumn: clients.mapping.clientId as number,
        columns: placed,
        keys: ids.map(matchKey),
        rows: values,
      };
      // A job too large for the cache is refused before anything is written.
      const chunks = values.length > block ? jobChunks(job) : null;
      writeHeaders(sheet, placed, headers);
      writeBlock(sheet, job, 0, Math.min(block, values.length));
      return { columns: placed, jobId: chunks ? saveJob(chunks) : null };
    });
    // Sheets a person chose here become the spreadsheet's sources for the Dashboard and the card too.
    if (request.transactionsSheet) rememberSource("transactions", transactions.sheet.getSheetId());
    if (request.clientsSheet) rememberSource("clients", sheet.getSheetId());
    return {
      method,
      engine: onWorker ? "worker" : "local",
      asOf: isoDay(seg.asOf),
      transactions: tx.length,
      customers: seg.ids.length,
      summary: summaryView(seg, locale),
      noPurchases: {
        rows: alignment.withoutPurchases,
        label: inLocale(NO_PURCHASES.label, locale),
        action: inLocale(NO_PURCHASES.action, locale),
      },
      notInList: alignment.notInList,
      caveat: caveat ? inLocale(caveat, locale) : null,
      skipped: skippedRows ? skippedRowsView(transactions.sheet.getName(), skippedRows, locale) : null,
      sheet: sheet.getName(),
      columns: describeColumns(columns, headers),
      columnRange: columnRange(columns),
      rows: values.length,
      written: Math.min(block, values.length),
      blockRows: block,
      jobId,
    };
  });
}

/** Writes the next block of a run's rows, from row `from` (0-based below the header). */
export function writeSegmentation(jobId: string, from: number): WriteProgress {
  return sidebarCall(() => {
    const job = loadJob(String(jobId));
    const total = job.rows.length;
    if (!Number.isInteger(from) || from < 0 || from >= total) throw new RapportError("ui.segments.expired");
    const sheet = SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()
      .find((s) => s.getSheetId() === job.sheetId);
    if (!sheet) throw new RapportError("ui.segments.expired");
    const to = Math.min(from + blockRows(), total);
    // The last block reaches the sheet's last row: rows inserted since the run moved some clients
    // down, and they are still matched by id.
    const through = to >= total ? Math.max(to, sheet.getLastRow() - 1) : to;
    withLock(() => writeBlock(sheet, job, from, through));
    if (to >= total) dropJob(String(jobId));
    return { written: to, rows: total, done: to >= total };
  });
}
