import { describe, expect, inject, it } from "vitest";
import type { CellValue, FakeSheet, Harness } from "../../../addon/harness/index";
import type { SpreadsheetInit } from "../../../addon/harness/spreadsheet";
import { demoWorkbook } from "../../../addon/preview/demoWorkbook";
import { dateReading } from "../../../shared/cells/dates";
import { readTransactions } from "../../../shared/cells/transactions";
import { segmentCustomers } from "../../../shared/models/clustering";
import { errorOf, loadAddon } from "../helpers";

const workerUrl = `${inject("workerUrl")}/`;
const enrollmentKey = inject("enrollmentKey");

interface Run {
  method: string;
  engine: "local" | "worker";
  asOf: string;
  transactions: number;
  customers: number;
  summary: { key: string; label: string; action: string; customers: number; share: number; revenueShare: number }[];
  noPurchases: { rows: number; label: string; action: string };
  notInList: number;
  sheet: string;
  columns: string[];
  columnRange: string;
  rows: number;
  written: number;
  blockRows: number;
  jobId: string | null;
}

/**
 * The demo workbook with its client list in reverse order (the transactions are in id order),
 * a client without purchases and a blank row in the middle: alignment must go by id.
 */
function workbook(options: { maxColumns?: number } = {}): SpreadsheetInit {
  const init = demoWorkbook();
  const sheets = init.sheets ?? [];
  const clients = sheets[0] as { name: string; rows: CellValue[][]; maxColumns?: number };
  // The seven columns these tests place the written columns after (the demo's Stage column left out).
  const [header, ...rows] = clients.rows.map((row) => row.slice(0, 7));
  rows.reverse();
  rows.splice(10, 0, ["", "", "", "", "", "", ""], [999_999, "Nadia New", "nadia@example.com", "", "", "", ""]);
  clients.rows = [header as CellValue[], ...rows];
  if (options.maxColumns) clients.maxColumns = options.maxColumns;
  return init;
}

function addon(userLocale = "en", init = workbook()): Harness {
  return loadAddon({ userLocale, spreadsheet: init });
}

function sheetOf(h: Harness, name: string): FakeSheet {
  const sheet = h.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The client list as rows of cells, header first. */
function table(h: Harness, name = "Clients"): CellValue[][] {
  const sheet = sheetOf(h, name);
  return sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
}

/** Column values by header, per client id: { id → [values of the headers] }. */
function byClient(h: Harness, headers: string[]): Map<unknown, CellValue[]> {
  const [head, ...rows] = table(h);
  const at = headers.map((name) => (head as CellValue[]).indexOf(name));
  expect(at, headers.join()).not.toContain(-1);
  return new Map(rows.filter((r) => r[0] !== "").map((r) => [r[0], at.map((c) => r[c] as CellValue)]));
}

/** A formula's spilled table by its first column (the customer id). */
function formulaTable(h: Harness, name: string, ...extra: unknown[]): Map<unknown, unknown[]> {
  const tx = sheetOf(h, "Transactions");
  const last = tx.getLastRow();
  const column = (c: number) => tx.getRange(2, c, last - 1, 1).getValues();
  const out = h.callCustomFunction(name, column(1), column(2), column(4), ...extra) as unknown[][];
  return new Map(out.slice(1).map((row) => [row[0], row]));
}

describe("Segments sidebar: state", () => {
  it("finds the transactions and the client list of the demo workbook", () => {
    const state = addon().run("segmentsState");
    expect(state).toEqual({
      sheets: ["Clients", "Transactions", "Requests", "Contracts"],
      transactions: { name: "Transactions", rows: 959, columns: "A · Client ID, B · Date, D · Amount" },
      clients: { name: "Clients", rows: 305, columns: "A · Client ID, B · Name, C · Email" },
      problem: null,
      enrolled: false,
      threshold: 50_000,
      large: false,
    });
  });

  it("is on the menu, in English and Russian", () => {
    for (const [locale, caption, title] of [
      ["en", "Segments", "Segments"],
      ["ru", "Сегменты", "Сегменты"],
    ] as const) {
      const h = addon(locale);
      h.trigger("onOpen");
      h.clickMenu(caption);
      expect(h.ui.sidebars.at(-1)?.getTitle()).toBe(title);
      expect(h.ui.sidebars.at(-1)?.getContent()).toContain(`data-rapport-locale="${locale}"`);
    }
  });
});

describe("Segments sidebar: computed in the spreadsheet", () => {
  it("RFM: writes code, segment and action beside the client list, matched by client id", () => {
    const h = addon();
    const run = h.run("runSegmentation", { method: "rfm" }) as Run;
    expect(run).toMatchObject({
      method: "rfm",
      engine: "local",
      transactions: 959,
      customers: 303,
      sheet: "Clients",
      columns: ["H · RFM code", "I · RFM segment", "J · RFM action"],
      rows: 305,
      written: 305,
      jobId: null,
      notInList: 0,
      noPurchases: { rows: 1, label: "No purchases", action: "Send a welcome offer to win a first purchase." },
    });
    const rfm = formulaTable(h, "RFM");
    const written = byClient(h, ["RFM code", "RFM segment", "RFM action"]);
    for (const [id, [code, segment]] of written) {
      if (id === 999_999) {
        expect([code, segment]).toEqual(["", "No purchases"]);
        continue;
      }
      const row = rfm.get(id) as unknown[];
      expect([code, segment], String(id)).toEqual([row[7], row[8]]);
    }
    expect(written.get(999_999)?.[2]).toBe("Send a welcome offer to win a first purchase.");
    // The blank row stays blank.
    expect(table(h)[11]?.slice(7)).toEqual(["", "", ""]);
    // The summary counts every client with purchases once; its revenue shares add up to 1.
    expect(run.summary.reduce((n, s) => n + s.customers, 0)).toBe(303);
    expect(run.summary.reduce((n, s) => n + s.revenueShare, 0)).toBeCloseTo(1, 10);
    const atRisk = run.summary.find((s) => s.key === "At Risk");
    expect(atRisk?.action).toBe("Personal call and a survey: find out what changed, then a personal offer.");
    expect(atRisk?.customers).toBe([...rfm.values()].filter((row) => row[8] === "At Risk").length);
  });

  it("ABC/XYZ, CLV and clusters: the formulas' and models' results per client", () => {
    const h = addon();
    const abcRun = h.run("runSegmentation", { method: "abcXyz" }) as Run & { caveat: string | null };
    const abc = formulaTable(h, "ABC_XYZ");
    // Nearly every demo client is Z (few purchases a year): the sidebar says what that means.
    const classes = [...abc.values()].map((row) => String(row[7]));
    const z = classes.filter((c) => c.endsWith("Z")).length;
    const classed = classes.filter((c) => c.length === 2).length;
    expect(abcRun.caveat).toMatch(new RegExp(`^${z} of ${classed} clients \\(\\d+ %\\) are Z\\.`));
    for (const [id, [cls]] of byClient(h, ["ABC/XYZ class", "ABC/XYZ action"])) {
      expect(cls, String(id)).toBe(id === 999_999 ? "No purchases" : abc.get(id)?.[7]);
    }

    const clv = h.run("runSegmentation", { method: "clv" }) as Run;
    expect(clv.columns).toEqual([
      "J · P(alive)",
      "K · Expected purchases, 12 mo",
      "L · Predicted CLV, 12 mo",
      "M · CLV tier",
      "N · CLV action",
    ]);
    // The sidebar's model is MBG/NBD (a one-time buyer's P(alive) is below 100 %): the formula with model "mbgnbd".
    const predict = formulaTable(h, "CLV_PREDICT", 12, 0.01, "", "", "mbgnbd");
    for (const [id, [pAlive, purchases, value, tier]] of byClient(h, [
      "P(alive)",
      "Expected purchases, 12 mo",
      "Predicted CLV, 12 mo",
      "CLV tier",
    ])) {
      if (id === 999_999) continue;
      const row = predict.get(id) as number[];
      expect(pAlive).toBe(Math.round((row[4] as number) * 1000) / 1000);
      expect(purchases).toBe(Math.round((row[5] as number) * 100) / 100);
      expect(value).toBe(Math.round((row[7] as number) * 100) / 100);
      expect(["High value", "Medium value", "Low value", "Likely lost"]).toContain(tier);
      if ((row[4] as number) < 0.25) expect(tier).toBe("Likely lost");
    }

    const clusters = h.run("runSegmentation", { method: "clusters" }) as Run;
    const tx = sheetOf(h, "Transactions");
    const cells = tx.getRange(2, 1, 959, 4).getValues();
    const reference = segmentCustomers(
      readTransactions(
        {
          customerIds: cells.map((r) => [r[0] as number]),
          dates: cells.map((r) => [r[1] as Date]),
          amounts: cells.map((r) => [r[3] as number]),
        },
        dateReading("America/New_York", "en_US"),
      ),
    );
    const labelOf = new Map(
      reference.customers.map((id, i) => [id, reference.profiles[reference.segment[i] as number]]),
    );
    for (const [id, [label]] of byClient(h, ["Behavioural segment"])) {
      if (id === 999_999) continue;
      expect(label, String(id)).toBe(labelOf.get(id as number)?.label.en);
    }
    expect(clusters.summary.map((s) => s.label)).toEqual(reference.profiles.map((p) => p.label.en));
  });

  it("re-runs update the same columns, in the user's language, without duplicates", () => {
    const h = addon();
    h.run("runSegmentation", { method: "rfm" });
    const width = sheetOf(h, "Clients").getLastColumn();
    h.run("runSegmentation", { method: "rfm" });
    expect(sheetOf(h, "Clients").getLastColumn()).toBe(width);
    h.setUserLocale("ru");
    const ru = h.run("runSegmentation", { method: "rfm" }) as Run;
    expect(ru.columns).toEqual(["H · Код RFM", "I · Сегмент RFM", "J · Действие по RFM"]);
    expect(sheetOf(h, "Clients").getLastColumn()).toBe(width);
    expect(table(h)[0]?.slice(7)).toEqual(["Код RFM", "Сегмент RFM", "Действие по RFM"]);
    expect(ru.summary.map((s) => s.label)).toContain("Спящие");
    // A person moved a column: the next run finds it there.
    const sheet = sheetOf(h, "Clients");
    sheet.getRange(1, 9, 1, 1).setValues([["Notes"]]);
    sheet.getRange(1, 12, 1, 1).setValues([["RFM segment"]]);
    const moved = h.run("runSegmentation", { method: "rfm" }) as Run;
    expect(moved.columns).toEqual(["H · Код RFM", "L · Сегмент RFM", "J · Действие по RFM"]);
    expect(moved.columnRange).toBe("H, J, L");
    expect(ru.columnRange).toBe("H–J");
  });

  it("a client list chosen in the sidebar becomes the spreadsheet's client list", () => {
    const h = addon();
    const vip = h.spreadsheet.insertSheet("VIP");
    vip.getRange(1, 1, 3, 2).setValues([
      ["Client ID", "Name"],
      [313, "Anna Kuznetsov"],
      [3901, "Someone"],
    ]);
    const run = h.run("runSegmentation", { method: "rfm", clientsSheet: "VIP" }) as Run;
    expect(run).toMatchObject({
      sheet: "VIP",
      rows: 2,
      columns: ["C · RFM code", "D · RFM segment", "E · RFM action"],
    });
    expect(vip.getRange(2, 3, 2, 2).getValues()).toEqual([
      [555, "Champions"],
      [555, "Champions"],
    ]);
    expect((h.run("segmentsState") as { clients: { name: string } }).clients.name).toBe("VIP");
  });

  it("adds columns to a sheet that has none left", () => {
    const h = addon("en", workbook({ maxColumns: 7 }));
    expect(sheetOf(h, "Clients").getMaxColumns()).toBe(7);
    h.run("runSegmentation", { method: "abcXyz" });
    expect(table(h)[0]?.slice(7)).toEqual(["ABC/XYZ class", "ABC/XYZ action"]);
  });
});

describe("Segments sidebar: long work in blocks", () => {
  it("writes the rows in blocks across executions, the same cells as in one go", () => {
    const once = addon();
    once.run("runSegmentation", { method: "rfm" });
    const h = addon();
    h.documentProperties.setProperty("rapport.segments.blockRows", "100");
    const first = h.run("runSegmentation", { method: "rfm" }) as Run;
    expect(first).toMatchObject({ written: 100, rows: 305, blockRows: 100 });
    expect(first.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(table(h)[101]?.slice(7)).toEqual(["", "", ""]);
    const steps = [];
    let written = first.written;
    while (written < first.rows) {
      const progress = h.run("writeSegmentation", first.jobId, written) as { written: number; done: boolean };
      steps.push(progress);
      written = progress.written;
    }
    expect(steps).toEqual([
      { written: 200, rows: 305, done: false },
      { written: 300, rows: 305, done: false },
      { written: 305, rows: 305, done: true },
    ]);
    expect(table(h)).toEqual(table(once));
    // The job is gone once done.
    expect(errorOf(() => h.run("writeSegmentation", first.jobId, 0))).toMatch(/no longer in the cache/);
  });

  it("says when another task holds the lock, writing nothing, and goes on from there once it is free", () => {
    const h = addon();
    h.documentProperties.setProperty("rapport.segments.blockRows", "100");
    const before = table(h);
    h.lock.heldElsewhere = true;
    const busy = "Another Rapport task is writing to this spreadsheet. Wait a moment and try again.";
    expect(errorOf(() => h.run("runSegmentation", { method: "rfm" }))).toBe(busy);
    expect(table(h)).toEqual(before);
    h.lock.heldElsewhere = false;
    const first = h.run("runSegmentation", { method: "rfm" }) as Run;
    h.lock.heldElsewhere = true;
    expect(errorOf(() => h.run("writeSegmentation", first.jobId, first.written))).toBe(busy);
    h.lock.heldElsewhere = false;
    // The job is still there: the sidebar's retry continues where it stopped.
    expect(h.run("writeSegmentation", first.jobId, first.written)).toEqual({ written: 200, rows: 305, done: false });
  });

  it("writes a 300,000-row client list in blocks: the job fits CacheService's 1,000 items of 100 KB", () => {
    // A large CRM list with few buyers: the demo's 959 transactions, 300,000 clients.
    const init = demoWorkbook({ locale: "ru" });
    const clients = (init.sheets ?? [])[0] as { rows: CellValue[][] };
    const header = clients.rows[0] as CellValue[];
    const buyers = clients.rows.slice(1);
    const rows: CellValue[][] = [header];
    for (let i = 0; i < 300_000; i++) {
      const buyer = buyers[i % 997 === 0 ? (i / 997) % buyers.length : -1];
      rows.push(buyer && i / 997 < buyers.length ? buyer : [`lead-${i}`, `Лид ${i}`, "", "", "", "", ""]);
    }
    clients.rows = rows;
    const h = loadAddon({ userLocale: "ru", spreadsheet: init });
    const first = h.run("runSegmentation", { method: "rfm" }) as Run;
    expect(first).toMatchObject({ rows: 300_000, written: 20_000 });
    // The job's pieces (and its index entry): a few dozen items, far under the cache's 1,000.
    expect(h.cache.size).toBeLessThan(100);
    let written = first.written;
    let executions = 1;
    while (written < first.rows) {
      written = (h.run("writeSegmentation", first.jobId, written) as { written: number }).written;
      executions++;
    }
    expect(executions).toBe(15);
    expect(h.cache.size).toBe(0);
    const sheet = sheetOf(h, "Клиенты");
    const last = sheet.getRange(300_001, 1, 1, sheet.getLastColumn()).getValues()[0] as CellValue[];
    expect(last[0]).toBe("lead-299999");
    expect(last.slice(-2)).toEqual(["Нет покупок", expect.stringContaining("")]);
    // Every buyer in the list has an RFM segment written.
    const written2 = sheet.getRange(2, 1, 300_000, sheet.getLastColumn()).getValues();
    const segmentColumn = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as CellValue[]).length - 2;
    const buyerRows = written2.filter((r) => !String(r[0]).startsWith("lead-"));
    expect(buyerRows.length).toBeGreaterThan(250);
    expect(buyerRows.every((r) => r[segmentColumn] !== "" && r[segmentColumn] !== "Нет покупок")).toBe(true);
  }, 120_000);

  it("matches rows by id between blocks even when rows move, and says when the cache lost the job", () => {
    const h = addon();
    h.documentProperties.setProperty("rapport.segments.blockRows", "100");
    const first = h.run("runSegmentation", { method: "rfm" }) as Run;
    const sheet = sheetOf(h, "Clients");
    // A person inserts a client at the top while the run is writing.
    sheet.insertRowsAfter(1, 1);
    sheet.getRange(2, 1, 1, 2).setValues([[424_242, "Inserted later"]]);
    let written = first.written;
    while (written < first.rows) {
      written = (h.run("writeSegmentation", first.jobId, written) as { written: number }).written;
    }
    const rfm = formulaTable(h, "RFM");
    for (const [id, [code, segment]] of byClient(h, ["RFM code", "RFM segment"])) {
      if (id === 424_242) expect([code, segment]).toEqual(["", ""]);
      else if (id === 999_999) expect(segment).toBe("No purchases");
      else expect([code, segment], String(id)).toEqual([rfm.get(id)?.[7], rfm.get(id)?.[8]]);
    }

    const again = h.run("runSegmentation", { method: "rfm" }) as Run;
    h.cache.evictAll();
    expect(errorOf(() => h.run("writeSegmentation", again.jobId, again.written))).toBe(
      "The results of this run are no longer in the cache (Apps Script may clear it at any time). Press Segment clients again.",
    );
  });
});

describe("Segments sidebar: large data on the Worker", () => {
  function enrolled(): Harness {
    const h = addon();
    h.run("saveWorkerUrl", workerUrl);
    h.run("enrollSpreadsheet", enrollmentKey);
    h.documentProperties.setProperty("rapport.segments.workerThreshold", "500");
    return h;
  }

  it("sends RFM, CLV and clusters to the Worker above the threshold, with the same results", () => {
    const h = enrolled();
    const local = addon();
    expect((h.run("segmentsState") as { large: boolean; enrolled: boolean }).large).toBe(true);
    const headers = {
      rfm: ["RFM code", "RFM segment", "RFM action"],
      clv: ["P(alive)", "Expected purchases, 12 mo", "Predicted CLV, 12 mo", "CLV tier", "CLV action"],
      clusters: ["Behavioural segment", "Behavioural segment action"],
    };
    for (const method of ["rfm", "clv", "clusters"] as const) {
      const remote = h.run("runSegmentation", { method }) as Run;
      const here = local.run("runSegmentation", { method }) as Run;
      expect(remote.engine, method).toBe("worker");
      expect(here.engine).toBe("local");
      expect(remote.summary.map((s) => [s.key, s.customers])).toEqual(here.summary.map((s) => [s.key, s.customers]));
      const a = byClient(h, headers[method]);
      const b = byClient(local, headers[method]);
      for (const [id, values] of a) {
        values.forEach((v, i) => {
          // Written rounded (2 or 3 decimals); two fits to the optimizer's tolerance may round one unit apart.
          if (typeof v === "number") expect(Math.abs(v - (b.get(id)?.[i] as number))).toBeLessThanOrEqual(0.01 + 1e-9);
          else expect(v, `${method} ${id}`).toBe(b.get(id)?.[i]);
        });
      }
    }
    const calls = h.fetchLog.filter((f) => f.url.includes("/analyze/"));
    expect(calls.map((f) => [f.url.replace(/^.*\/api\/v1/, ""), f.method, f.status])).toEqual([
      ["/analyze/rfm", "POST", 200],
      ["/analyze/clv?horizon_months=12&monthly_discount=0.01&model=mbgnbd", "POST", 200],
      ["/analyze/segments", "POST", 200],
    ]);
    // ABC/XYZ has no Worker route: always computed here.
    expect((h.run("runSegmentation", { method: "abcXyz" }) as Run).engine).toBe("local");
  });

  it("the Worker's RFM is the RFM() formula's table", async () => {
    const h = enrolled();
    const token = h.documentProperties.getProperty("rapport.token") as string;
    const tx = sheetOf(h, "Transactions");
    const cells = tx.getRange(2, 1, 959, 4).getValues();
    const csv = `customer,date,amount\n${cells
      .map((r) => {
        const d = r[1] as Date;
        // Dates are local midnights in New York: the calendar day in that zone.
        const iso = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(d);
        return `${r[0]},${iso},${r[3]}`;
      })
      .join("\n")}\n`;
    const response = await fetch(`${workerUrl}api/v1/analyze/rfm`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
      body: csv,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { header: string[]; customers: Record<string, unknown[]> };
    const rows = (body.customers.customer as unknown[]).map((_, k) =>
      body.header.map((name) => body.customers[name]?.[k]),
    );
    const formula = h.callCustomFunction(
      "RFM",
      cells.map((r) => [r[0]]),
      cells.map((r) => [r[1]]),
      cells.map((r) => [r[3]]),
    ) as unknown[][];
    expect([body.header, ...rows]).toEqual(formula);
  });

  it("explains large data without enrollment, and computes here on request", () => {
    const h = addon();
    h.documentProperties.setProperty("rapport.segments.workerThreshold", "500");
    expect(errorOf(() => h.run("runSegmentation", { method: "clv" }))).toBe(
      "959 transactions: more than 500, the most Rapport computes in the spreadsheet. Enroll this spreadsheet in Rapport › Settings to compute on the Worker, or compute here anyway (it may take a few minutes).",
    );
    expect((h.run("runSegmentation", { method: "clv", computeHere: true }) as Run).engine).toBe("local");
    h.setUserLocale("ru");
    expect(errorOf(() => h.run("runSegmentation", { method: "rfm" }))).toMatch(/^Покупок: 959, это больше 500/);
  });

  it("explains a Worker that refuses the data, in the user's language", () => {
    const init = demoWorkbook();
    const sheet = (init.sheets ?? [])[1] as { rows: CellValue[][] };
    // Every client bought on one day only: the models cannot estimate repeat behaviour (422).
    const seen = new Set<unknown>();
    sheet.rows = sheet.rows.filter((r, i) => {
      if (i === 0) return true;
      if (seen.has(r[0])) return false;
      seen.add(r[0]);
      return true;
    });
    const h = loadAddon({ userLocale: "ru", spreadsheet: init });
    h.run("saveWorkerUrl", workerUrl);
    h.run("enrollSpreadsheet", enrollmentKey);
    h.documentProperties.setProperty("rapport.segments.workerThreshold", "10");
    expect(errorOf(() => h.run("runSegmentation", { method: "clv" }))).toMatch(
      /^все клиенты \(303\) покупали только в один день/,
    );
  });
});

describe("Segments sidebar: errors a person can act on", () => {
  it("no transactions sheet, a missing column, no client list, the same sheet twice, an unknown method", () => {
    const noTx = demoWorkbook();
    noTx.sheets = noTx.sheets?.slice(0, 1);
    const a = loadAddon({ spreadsheet: noTx });
    const message =
      "No transactions sheet found. Rapport looks for a sheet with a client id, a date and an amount column (headers such as Client ID, Date, Amount); choose one above.";
    expect((a.run("segmentsState") as { problem: string }).problem).toBe(message);
    expect(errorOf(() => a.run("runSegmentation", { method: "rfm" }))).toBe(message);

    const h = addon();
    expect(errorOf(() => h.run("runSegmentation", { method: "rfm", transactionsSheet: "Clients" }))).toBe(
      '"Clients" has no amount column. Give that column a header Rapport recognises, e.g. "Amount", or choose another sheet.',
    );
    expect(errorOf(() => h.run("runSegmentation", { method: "rfm", clientsSheet: "Transactions" }))).toBe(
      "The client list and the transactions are the same sheet; choose the client list separately.",
    );
    expect(errorOf(() => h.run("runSegmentation", { method: "rfm", clientsSheet: "Gone" }))).toBe(
      'There is no sheet named "Gone" any more; choose another one.',
    );
    expect(errorOf(() => h.run("runSegmentation", { method: "kmedoids" }))).toBe('Unknown segmentation "kmedoids".');

    const noClients = demoWorkbook();
    noClients.sheets = noClients.sheets?.slice(1);
    const c = loadAddon({ userLocale: "ru", spreadsheet: noClients });
    expect(errorOf(() => c.run("runSegmentation", { method: "rfm" }))).toBe(
      "Список клиентов не найден. Rapport записывает сегменты рядом с листом, где есть ID клиента и имена или e-mail; выберите его выше.",
    );
  });

  it("leaves out transactions it cannot read, names their cells, and segments the rest", () => {
    const h = addon();
    const tx = sheetOf(h, "Transactions");
    const total = tx.getLastRow() - 1;
    tx.getRange(7, 4, 1, 1).setValues([["twelve"]]);
    tx.getRange(9, 2, 1, 1).setValues([["someday"]]);
    const run = h.run("runSegmentation", { method: "rfm" }) as {
      transactions: number;
      skipped: { summary: string; examples: string[]; more: number };
    };
    expect(run.transactions).toBe(total - 2);
    expect(run.skipped).toEqual({
      summary:
        "2 rows of Transactions left out: a cell in each of them cannot be read. The figures use the other rows.",
      examples: [
        'Transactions · Amount, cell D7: "twelve" is not a number',
        'Transactions · Date, cell B9: "someday" is not a date; use a date cell or text such as 2024-03-01 or 01.03.2024',
      ],
      more: 0,
    });
  });
});
