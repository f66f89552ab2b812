import { describe, expect, it } from "vitest";
import type { CellValue, FakeSheet, Harness } from "../../../addon/harness/index";
import type { SpreadsheetInit } from "../../../addon/harness/spreadsheet";
import { demoWorkbook, readDemoClients } from "../../../addon/preview/demoWorkbook";
import type { ClientCardView } from "../../../addon/src/features/clientCard/shapes";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../../scripts/lib/cdnow";
import { responsesHeader } from "../../../shared/sheets/responses";
import { errorOf, loadAddon } from "../helpers";

type Card = ClientCardView;

// The client with the most orders among those who answered the demo's NPS question.
const transactions = readCdnow(CDNOW_EXTRACT_PATH);
const answered = readDemoClients().filter((c) => c.score !== null);
const ordersOf = (id: string) => transactions.filter((t) => Number(t.customerId) === Number(id));
const client = answered.reduce((best, c) => (ordersOf(c.id).length > ordersOf(best.id).length ? c : best));
const id = Number(client.id);

/** The demo workbook with a Responses sheet as survey sync writes it (headers in `locale`). */
function workbook(locale: "en" | "ru" = "en"): SpreadsheetInit {
  const init = demoWorkbook();
  const row = (responseId: string, clientId: CellValue, type: string, score: number, at: string, comment = "") => [
    responseId,
    "s-1",
    type === "nps" ? "Summer NPS" : "Delivery CSAT",
    type,
    clientId,
    score,
    comment,
    "en",
    true,
    responseId === "r-2" ? "fast" : "",
    at,
    at,
  ];
  init.sheets?.push({
    name: "Responses",
    rows: [
      responsesHeader(locale),
      row("r-1", id, "csat", 5, "1998-01-10"),
      row("r-2", String(id), "nps", 3, "1998-06-20", "Delivery was late twice"),
      row("r-3", 1, "nps", 10, "1998-06-01"),
      row("r-4", "", "nps", 6, "1998-06-02"),
    ],
  });
  return init;
}

function addon(locale = "en", init = workbook()): Harness {
  return loadAddon({ userLocale: locale, spreadsheet: init });
}

function sheetOf(h: Harness, name: string): FakeSheet {
  const sheet = h.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Selects the first row of `sheet` whose column `column` holds the client id. */
function selectClient(h: Harness, name: string, clientId: number, column = 1): number {
  const sheet = sheetOf(h, name);
  const values = sheet.getRange(1, column, sheet.getLastRow(), 1).getValues();
  const row = values.findIndex((r, i) => i > 0 && Number(r[0]) === clientId) + 1;
  if (row < 2) throw new Error(`client ${clientId} not in ${name}`);
  sheet.setActiveSelection(`B${row}`);
  return row;
}

/** A formula's spilled row for the client, by its first column. */
function formulaRow(h: Harness, name: string, ...extra: unknown[]): unknown[] {
  const tx = sheetOf(h, "Transactions");
  const last = tx.getLastRow();
  const column = (c: number) => tx.getRange(2, c, last - 1, 1).getValues();
  const out = h.callCustomFunction(name, column(1), column(2), column(4), ...extra) as unknown[][];
  return out.find((row) => row[0] === id) as unknown[];
}

describe("Client card", () => {
  it("shows the selected client's purchases, segment, stage, prediction, answers and next step", () => {
    const h = addon();
    const row = selectClient(h, "Clients", id);
    const card = h.run("clientCard") as Card;

    // Purchases worked out from the raw extract.
    const mine = ordersOf(client.id);
    const dates = mine.map((t) => t.date).sort();
    const total = mine.reduce((sum, t) => sum + t.amount, 0);
    expect(card).toMatchObject({
      clientId: String(id),
      sheet: "Clients",
      row,
      name: client.name,
      email: client.email,
      transactionsSheet: "Transactions",
    });
    expect(card.purchases?.orders).toBe(mine.length);
    expect(card.purchases?.firstPurchase).toBe(dates[0]);
    expect(card.purchases?.lastPurchase).toBe(dates.at(-1));
    expect(card.purchases?.total).toBeCloseTo(total, 9);
    expect(card.purchases?.average).toBeCloseTo(total / mine.length, 9);
    const lastDay = transactions
      .map((t) => t.date)
      .sort()
      .at(-1) as string;
    expect(card.asOf).toBe(lastDay);
    expect(card.purchases?.daysSinceLast).toBe((Date.parse(lastDay) - Date.parse(dates.at(-1) as string)) / 86_400_000);

    // The formulas are the reference for the segment, the stage and the prediction.
    const rfm = formulaRow(h, "RFM");
    expect(card.rfm).toMatchObject({ key: rfm[8], r: rfm[4], f: rfm[5], m: rfm[6], code: rfm[7] });
    const tx = sheetOf(h, "Transactions");
    const ids = tx.getRange(2, 1, tx.getLastRow() - 1, 1).getValues();
    const txDates = tx.getRange(2, 2, tx.getLastRow() - 1, 1).getValues();
    expect(card.stage?.key).toBe(h.callCustomFunction("CLIENT_STAGE", id, ids, txDates));
    // The card's model is MBG/NBD, as the Segments sidebar's: the formula with model "mbgnbd".
    const predict = formulaRow(h, "CLV_PREDICT", 12, 0.01, "", "", "mbgnbd");
    expect(card.prediction?.pAlive).toBeCloseTo(predict[4] as number, 9);
    expect(card.prediction?.expectedPurchases).toBeCloseTo(predict[5] as number, 9);
    expect(card.prediction?.clv).toBeCloseTo(predict[7] as number, 6);

    // Answers, latest first: the Responses sheet and the client list's NPS column.
    expect(card.answers.map((a) => [a.survey, a.type, a.score, a.date])).toEqual(
      [
        ["Summer NPS", "nps", 3, "1998-06-20"],
        ["Clients (client list)", "nps", client.score, client.surveyDate],
        ["Delivery CSAT", "csat", 5, "1998-01-10"],
      ].sort((a, b) => String(b[3]).localeCompare(String(a[3]))),
    );
    expect(card.answers.find((a) => a.score === 3)?.comment).toBe("Delivery was late twice");
    expect(card.answers.find((a) => a.score === 3)?.flags).toEqual(["fast"]);
    // The latest answer is a detractor's, ten days before the data's last date: close the loop.
    expect(card.nextStep).toEqual({
      rule: "closeLoop",
      text: "Call them about their answer (3 in “Summer NPS”): thank them, fix what went wrong and tell them what changed. Close the loop within two days.",
    });
    expect(card.notes).toEqual([]);
  });

  it("finds the client from a row of the transactions or of the Responses sheet", () => {
    const h = addon();
    selectClient(h, "Clients", id);
    const fromList = h.run("clientCard") as Card;
    const txRow = selectClient(h, "Transactions", id);
    const fromTx = h.run("clientCard") as Card;
    expect({ ...fromTx, sheet: "", row: 0 }).toEqual({ ...fromList, sheet: "", row: 0 });
    expect([fromTx.sheet, fromTx.row]).toEqual(["Transactions", txRow]);
    selectClient(h, "Responses", id, 5);
    const fromResponses = h.run("clientCard") as Card;
    expect(fromResponses.sheet).toBe("Responses");
    expect(fromResponses.purchases).toEqual(fromList.purchases);
  });

  it("speaks Russian, and reads a Responses sheet with Russian headers", () => {
    const h = addon("ru", workbook("ru"));
    selectClient(h, "Responses", id, 5);
    const card = h.run("clientCard") as Card;
    expect(card.answers.map((a) => a.score)).toContain(3);
    expect(card.nextStep.text).toMatch(/^Позвоните клиенту по поводу ответа \(3 в «Summer NPS»\)/);
    expect(card.stage?.label).toMatch(/^[А-Яа-яё]+$/);
    expect(card.answers.find((a) => a.type === "nps" && a.score === client.score)?.survey).toBe(
      "Clients (список клиентов)",
    );
  });

  it("a client without purchases: awareness, a first-purchase step, no error", () => {
    const h = addon();
    const clients = sheetOf(h, "Clients");
    const row = clients.getLastRow() + 1;
    clients.getRange(row, 1, 1, 3).setValues([[777_777, "Nadia New", "nadia@example.com"]]);
    clients.setActiveSelection(`C${row}`);
    const card = h.run("clientCard") as Card;
    expect(card).toMatchObject({
      clientId: "777777",
      name: "Nadia New",
      purchases: null,
      rfm: null,
      prediction: null,
      stage: { key: "awareness", label: "Awareness" },
      answers: [],
      nextStep: { rule: "firstPurchase", text: "No purchases yet: send a welcome offer to win a first purchase." },
    });
  });

  it("without a transactions sheet it still shows the answers, and says why purchases are missing", () => {
    const init = workbook();
    init.sheets = init.sheets?.filter((s) => s.name !== "Transactions");
    const h = addon("en", init);
    selectClient(h, "Clients", id);
    const card = h.run("clientCard") as Card;
    expect(card.purchases).toBeNull();
    expect(card.answers).toHaveLength(3);
    expect(card.notes).toEqual([
      "No transactions sheet found (Rapport looks for a sheet with client id, date and amount columns), so purchases, segment and prediction are not shown.",
    ]);
    // Without transactions the card is as of today: the 1998 answers are too old to close the loop.
    expect(card.asOf).toBeNull();
    expect(card.nextStep.rule).toBe("keepInTouch");
  });

  it("explains what to select", () => {
    const h = addon();
    sheetOf(h, "Clients").setActiveSelection("B1");
    expect(errorOf(() => h.run("clientCard"))).toBe("Row 1 of Clients is the header: select a client's row below it.");
    const notes = h.spreadsheet.insertSheet("Notes");
    notes.getRange(1, 1, 2, 2).setValues([
      ["Topic", "Text"],
      ["Call", "Ask about the delivery"],
    ]);
    notes.setActiveSelection("A2");
    expect(errorOf(() => h.run("clientCard"))).toBe(
      'Rapport cannot tell which column of "Notes" holds the client id. Select a row of the client list, the transactions or the Responses sheet.',
    );
    const responses = sheetOf(h, "Responses");
    responses.setActiveSelection("A5");
    expect(errorOf(() => h.run("clientCard"))).toBe('Row 5 of "Responses" has no client id.');
    h.setUserLocale("ru");
    expect(errorOf(() => h.run("clientCard"))).toBe("В строке 5 листа «Responses» нет ID клиента.");
  });

  it("is on the menu", () => {
    const h = addon("ru");
    h.trigger("onOpen");
    h.clickMenu("Карточка клиента");
    expect(h.ui.sidebars.at(-1)?.getTitle()).toBe("Карточка клиента");
  });

  it("keeps working when the cache of fitted models is cleared", () => {
    const h = addon();
    selectClient(h, "Clients", id);
    const first = h.run("clientCard") as Card;
    h.cache.evictAll();
    expect(h.run("clientCard")).toEqual(first);
  });
});
