import { cellDay, type DateReading, type DayNumber, isoDay } from "../../../../shared/cells/dates";
import { RowSkips, skippedRowsView } from "../../../../shared/cells/skippedRows";
import type { Transactions } from "../../../../shared/cells/transactions";
import { type Cell, cellNumber, isBlank } from "../../../../shared/cells/values";
import {
  type ClientFacts,
  clientAnswers,
  clientFacts,
  type FittedModels,
  latestAnswerFacts,
  predictCustomer,
} from "../../../../shared/clientCard/card";
import { nextStep } from "../../../../shared/clientCard/nextStep";
import { isRapportError, RapportError } from "../../../../shared/errors";
import type { Locale } from "../../../../shared/i18n/locale";
import type { MessageKey } from "../../../../shared/i18n/messages.en";
import { errorMessage, t } from "../../../../shared/i18n/translate";
import { fitSummary } from "../../../../shared/models/analysis";
import { type CustomerSummary, summarize } from "../../../../shared/models/summary";
import { matchKey } from "../../../../shared/segments/align";
import { CLV_HORIZON_MONTHS, CLV_MONTHLY_DISCOUNT, SIDEBAR_PURCHASE_MODEL } from "../../../../shared/segments/compute";
import { rfmSegmentInfo } from "../../../../shared/segments/rfm";
import { inLocale } from "../../../../shared/segments/segmentation";
import { readResponses, responsesLayout } from "../../../../shared/sheets/responses";
import { userLocale } from "../../services/locale";
import { dataSources, type SheetColumns, sheetColumns } from "../../sheet/clientSheets";
import { dataRows, readColumn, readSheetTransactions, spreadsheetReading } from "../../sheet/transactions";
import { openSidebar } from "../../sidebar/open";
import { sidebarCall } from "../../sidebar/serverCall";
import type { ClientAnswerView, ClientCardView } from "./shapes";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Menu: Client card. */
export function showClientCard(): void {
  openSidebar("clientCard", "ui.card.title");
}

/** The selected row's sheet, row number, cells, and which cell holds the client id. */
interface Selected {
  sheet: Sheet;
  row: number;
  cells: Cell[];
  id: Cell;
}

function selectedClient(): Selected {
  const range = SpreadsheetApp.getActiveSpreadsheet().getActiveRange();
  if (!range) throw new RapportError("ui.card.noSelection");
  const sheet = range.getSheet();
  const row = range.getRow();
  const name = sheet.getName();
  if (row === 1) throw new RapportError("ui.card.headerRow", { sheet: name });
  const width = sheet.getLastColumn();
  if (width === 0 || row > sheet.getLastRow()) throw new RapportError("ui.card.noSelection");
  const [header, cells] = [1, row].map((r) => sheet.getRange(r, 1, 1, width).getValues()[0] as Cell[]) as [
    Cell[],
    Cell[],
  ];
  // The Responses sheet is known by its headers (either language); other sheets by their columns.
  const layout = responsesLayout(header);
  let idColumn: number | null = null;
  if (layout.columns.responseId !== undefined && layout.columns.clientId !== undefined) {
    idColumn = layout.columns.clientId;
  } else {
    const mapped = sheetColumns(sheet).mapping.clientId;
    idColumn = mapped === null ? null : mapped - 1;
  }
  if (idColumn === null) throw new RapportError("ui.card.noIdColumn", { sheet: name });
  const id = cells[idColumn] as Cell;
  if (matchKey(id) === null) throw new RapportError("ui.card.blankId", { row, sheet: name });
  return { sheet, row, cells, id };
}

/** The client's row of the client list: the selected row when it is on that sheet, else found by id. */
function clientRow(clients: SheetColumns | null, selected: Selected): Cell[] | null {
  if (!clients) return null;
  if (clients.sheet.getSheetId() === selected.sheet.getSheetId()) return selected.cells;
  const key = matchKey(selected.id);
  const ids = readColumn(clients, "clientId");
  const at = ids.findIndex((row) => matchKey(row[0] as Cell) === key);
  if (at < 0) return null;
  return clients.sheet.getRange(2 + at, 1, 1, clients.sheet.getLastColumn()).getValues()[0] as Cell[];
}

const text = (cell: Cell | undefined) => (cell === undefined || isBlank(cell) ? "" : String(cell).trim());

function cellDayOf(cell: Cell | undefined, reading: DateReading): DayNumber | null {
  return cell === undefined || isBlank(cell) ? null : cellDay(cell, reading);
}

const MODELS_CACHE = "rapport.card.models.";

/**
 * The fitted CLV models of these transactions: fitted once, then kept for six hours under a
 * fingerprint of the data (rows, clients, first and last day, total amount), since a person
 * clicking through clients would otherwise refit on every card.
 */
function fittedModels(tx: Transactions, summary: CustomerSummary, sheetId: number): FittedModels {
  let total = 0;
  for (let i = 0; i < tx.length; i++) total += (tx.amount as Float64Array)[i] as number;
  const key = `${MODELS_CACHE}${SIDEBAR_PURCHASE_MODEL}:${sheetId}:${tx.length}:${tx.customers.length}:${tx.firstDay}:${tx.lastDay}:${total.toFixed(4)}`;
  const cache = CacheService.getUserCache();
  const cached = cache.get(key);
  if (cached) return JSON.parse(cached) as FittedModels;
  let models: FittedModels;
  try {
    const fits = fitSummary(summary, { model: SIDEBAR_PURCHASE_MODEL, predictions: true });
    const spend = fits.spend as NonNullable<typeof fits.spend>;
    models = {
      model: fits.fit.model,
      values: [...fits.fit.values],
      spend: { p: spend.p, q: spend.q, gamma: spend.gamma },
      periodDays: summary.periodDays,
    };
  } catch (error) {
    // The spend model may fail where the purchase model works: P(alive) without CLV then.
    if (!isRapportError(error) || !summary.monetary) throw error;
    const fits = fitSummary({ ...summary, monetary: null }, { model: SIDEBAR_PURCHASE_MODEL, predictions: true });
    models = { model: fits.fit.model, values: [...fits.fit.values], spend: null, periodDays: summary.periodDays };
  }
  cache.put(key, JSON.stringify(models), 21_600);
  return models;
}

interface PurchaseSide {
  facts: ClientFacts | null;
  prediction: ClientCardView["prediction"];
  sheet: string | null;
}

function purchaseSide(
  transactions: SheetColumns | null,
  selected: Selected,
  reading: DateReading,
  notes: string[],
  locale: Locale,
): PurchaseSide {
  const none = { facts: null, prediction: null, sheet: null };
  if (
    !transactions ||
    transactions.mapping.clientId === null ||
    transactions.mapping.date === null ||
    transactions.mapping.amount === null ||
    dataRows(transactions) === 0
  ) {
    notes.push(t(locale, "ui.card.noTransactions"));
    return none;
  }
  let tx: Transactions;
  const skips = new RowSkips();
  try {
    tx = readSheetTransactions(transactions, reading, skips.skip);
  } catch (error) {
    notes.push(errorMessage(error, locale));
    return none;
  }
  const skipped = skips.result();
  if (skipped) {
    // The card is computed from the rows that can be read; the first left-out row says where to look.
    const view = skippedRowsView(transactions.sheet.getName(), skipped, locale);
    notes.push(view.summary, ...view.examples.slice(0, 1));
  }
  const facts = clientFacts(tx, selected.id);
  const sheet = transactions.sheet.getName();
  if (facts.stageError) {
    notes.push(
      t(locale, "ui.card.unavailable", {
        what: { key: "ui.card.stage" },
        reason: errorMessage(facts.stageError, locale),
      }),
    );
  }
  if (!facts.purchases) return { facts, prediction: null, sheet };
  let prediction: ClientCardView["prediction"] = null;
  try {
    const summary = summarize(tx);
    const models = fittedModels(tx, summary, transactions.sheet.getSheetId());
    const key = matchKey(selected.id);
    const i = summary.ids.findIndex((id) => String(id) === key);
    const p = predictCustomer(models, summary, i, {
      horizonMonths: CLV_HORIZON_MONTHS,
      monthlyDiscount: CLV_MONTHLY_DISCOUNT,
    });
    prediction = { pAlive: p.pAlive, expectedPurchases: p.expectedPurchases, clv: p.clv };
  } catch (error) {
    if (!isRapportError(error)) throw error;
    notes.push(
      t(locale, "ui.card.unavailable", { what: { key: "ui.card.prediction" }, reason: errorMessage(error, locale) }),
    );
  }
  return { facts, prediction, sheet };
}

/** The answers the client gave: the Responses sheet written by survey sync, and the client list's score column. */
function answersOf(
  responses: GoogleAppsScript.Spreadsheet.Sheet | null,
  clients: SheetColumns | null,
  row: Cell[] | null,
  id: Cell,
  reading: DateReading,
  locale: Locale,
): { views: ClientAnswerView[]; days: (DayNumber | null)[] } {
  const views: ClientAnswerView[] = [];
  const days: (DayNumber | null)[] = [];
  if (responses && responses.getLastRow() >= 2) {
    const width = responses.getLastColumn();
    const values = responses.getRange(1, 1, responses.getLastRow(), width).getValues() as Cell[][];
    const records = readResponses(values[0] as Cell[], values.slice(1), reading);
    for (const r of clientAnswers(records, id)) {
      views.push({
        survey: r.surveyTitle || r.surveyId,
        type: r.surveyType,
        score: r.score,
        comment: r.comment,
        date: r.answeredDay === null ? null : isoDay(r.answeredDay),
        flags: r.flags,
        finished: r.finished,
      });
      days.push(r.answeredDay);
    }
  }
  if (clients && row) {
    const at = (c: number | null) => (c === null ? undefined : row[c - 1]);
    const score = cellNumber(at(clients.mapping.score) ?? "");
    const comment = text(at(clients.mapping.comment));
    if (score !== null || comment !== "") {
      const day = cellDayOf(at(clients.mapping.date), reading);
      views.push({
        survey: t(locale, "ui.card.clientListAnswer", { sheet: clients.sheet.getName() }),
        // The score role is detected on 0–10 whole numbers: an NPS column.
        type: "nps",
        score,
        comment,
        date: day === null ? null : isoDay(day),
        flags: [],
        finished: true,
      });
      days.push(day);
    }
  }
  // Latest first; undated answers last.
  const order = views.map((_, i) => i).sort((a, b) => (days[b] ?? -Infinity) - (days[a] ?? -Infinity));
  return { views: order.map((i) => views[i] as ClientAnswerView), days: order.map((i) => days[i] ?? null) };
}

/** The card of the client in the selected row (client list, transactions or Responses sheet). */
export function clientCard(): ClientCardView {
  return sidebarCall(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const locale = userLocale();
    const reading = spreadsheetReading(ss);
    const selected = selectedClient();
    const sources = dataSources(ss);
    const row = clientRow(sources.clients, selected);
    const notes: string[] = [];
    const purchases = purchaseSide(sources.transactions, selected, reading, notes, locale);
    const facts = purchases.facts;
    const answers = answersOf(sources.responses, sources.clients, row, selected.id, reading, locale);
    const asOf = facts ? facts.asOf : reading.clock.dayOf(new Date());
    const rfm = facts?.rfm ?? null;
    const rfmInfo = rfm ? rfmSegmentInfo(rfm.segment) : null;
    const step = nextStep({
      orders: facts ? (facts.purchases?.orders ?? 0) : null,
      daysSinceLastPurchase: facts?.purchases?.daysSinceLast ?? null,
      stage: facts?.stage ?? null,
      rfmSegment: rfm?.segment ?? null,
      rfmLabel: rfmInfo ? inLocale(rfmInfo.label, locale) : null,
      monetaryScore: rfm?.m ?? null,
      pAlive: purchases.prediction?.pAlive ?? null,
      latestAnswer: latestAnswerFacts(
        answers.views.map((a, i) => ({ type: a.type, score: a.score, survey: a.survey, day: answers.days[i] ?? null })),
        asOf,
      ),
      answered: answers.views.length > 0,
    });
    const field = (c: number | null) => (row && c !== null ? text(row[c - 1]) || null : null);
    const p = facts?.purchases ?? null;
    return {
      clientId: text(selected.id),
      sheet: selected.sheet.getName(),
      row: selected.row,
      name: field(sources.clients?.mapping.name ?? null),
      email: field(sources.clients?.mapping.email ?? null),
      transactionsSheet: purchases.sheet,
      asOf: facts ? isoDay(facts.asOf) : null,
      purchases: p && {
        orders: p.orders,
        firstPurchase: isoDay(p.firstDay),
        lastPurchase: isoDay(p.lastDay),
        daysSinceLast: p.daysSinceLast,
        total: p.total,
        average: p.average,
      },
      rfm:
        rfm && rfmInfo
          ? {
              key: rfm.segment,
              label: inLocale(rfmInfo.label, locale),
              r: rfm.r,
              f: rfm.f,
              m: rfm.m,
              code: rfm.code,
              action: inLocale(rfmInfo.action, locale),
            }
          : null,
      stage: facts?.stage ? { key: facts.stage, label: t(locale, `ui.card.stage.${facts.stage}` as MessageKey) } : null,
      prediction: purchases.prediction,
      notes,
      answers: answers.views,
      nextStep: { rule: step.rule, text: t(locale, step.key, step.params) },
    };
  });
}
