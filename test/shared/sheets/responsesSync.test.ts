import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interpretWritten } from "../../../addon/harness/cellFormat";
import type { CsiFactor, SurveyResponse } from "../../../shared/api/surveys";
import { dateReading } from "../../../shared/cells/dates";
import type { Cell } from "../../../shared/cells/values";
import { asText } from "../../../shared/cells/values";
import {
  factorHeader,
  RESPONSE_COLUMNS,
  readResponses,
  responsesHeader,
  TEAM_COLUMNS,
} from "../../../shared/sheets/responses";
import {
  type ColumnPlan,
  planColumns,
  planMerge,
  ResponseIndex,
  responseCells,
  runs,
  type SyncSurvey,
  writeBlocks,
} from "../../../shared/sheets/responsesSync";

/** What Sheets stores for a written value (the harness's model of setValues, independent of the sync code). */
const stored = (value: Cell): Cell => interpretWritten(value as never, undefined, "UTC").value as Cell;

const NPS: SyncSurvey = { id: "s-nps", title: "Spring check-in", type: "nps", factors: null };
const FACTORS: CsiFactor[] = [
  { id: "speed", label: { en: "Speed", ru: "Скорость" }, weight: 3 },
  { id: "quality", label: { ru: "Качество" }, weight: 5 },
];
const CSI: SyncSurvey = { id: "s-csi", title: "=Service index", type: "csi", factors: FACTORS };

function response(over: Partial<SurveyResponse> & { id: string }): SurveyResponse {
  return {
    surveyId: NPS.id,
    contactId: null,
    source: "anonymous",
    score: 9,
    answers: null,
    comment: null,
    language: "en",
    finished: true,
    flags: [],
    createdAt: "2026-04-21T10:00:00.000Z",
    updatedAt: "2026-04-21T10:00:00.000Z",
    ...over,
  };
}

/** An in-memory Responses sheet: rows of cells as Sheets would store what the sync writes. */
class FakeSheet {
  rows: Cell[][];
  constructor(header: Cell[]) {
    this.rows = [header];
  }
  write(row: number, column: number, values: Cell[][]) {
    values.forEach((line, r) => {
      if (!this.rows[row + r]) this.rows[row + r] = [];
      const target = this.rows[row + r] as Cell[];
      line.forEach((v, c) => {
        for (let i = target.length; i < column + c; i++) target[i] = "";
        target[column + c] = stored(v);
      });
    });
  }
  column(i: number): Cell[] {
    return this.rows.slice(1).map((r) => r[i] ?? "");
  }
}

/** The add-on's sync of one page, against the fake sheet (the same steps as addon/src/features/surveys/sync.ts). */
function syncPage(
  sheet: FakeSheet,
  layout: ColumnPlan["layout"],
  page: SurveyResponse[],
  survey: SyncSurvey,
  kept?: ResponseIndex,
) {
  const index =
    kept ??
    new ResponseIndex(
      sheet.column(layout.columns.responseId),
      sheet.column(layout.columns.surveyId),
      sheet.column(layout.columns.updatedAt),
    );
  const plan = planMerge(index, page, survey, layout);
  const owned = [...Object.values(layout.columns), ...Object.values(layout.factors)];
  for (const b of writeBlocks(plan.updates, owned)) sheet.write(1 + b.row, b.column, b.values);
  const start = index.size;
  const appended = plan.appends.map((a, i) => ({ row: start + i, cells: a.cells }));
  for (const b of writeBlocks(appended, owned)) sheet.write(1 + b.row, b.column, b.values);
  // Within one execution the index is kept and told what was written.
  kept?.apply(plan, survey.id, (cells) => stored(cells.get(layout.columns.updatedAt) as Cell));
  return plan.counts;
}

describe("asText", () => {
  it("keeps any text exactly as text in Sheets, including formulas, signs, numbers and dates", () => {
    for (const text of ["=1+1", "+7 999", "-", "@home", "'quoted'", "0017", "2024-03-01", "TRUE", " spaced "]) {
      expect(interpretWritten(asText(text), undefined, "UTC")).toEqual({ value: text, formula: "" });
    }
    expect(asText("")).toBe("");
  });

  it("never lets a string become a formula or change (property)", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const written = interpretWritten(asText(text), undefined, "UTC");
        expect(written.formula).toBe("");
        expect(written.value).toBe(text);
      }),
    );
  });
});

describe("planColumns", () => {
  it("lays out a new sheet: the contract's columns, the team's Followed up, then one per factor", () => {
    const plan = planColumns([], "en", FACTORS);
    expect(plan.added.map((a) => a.text)).toEqual([
      ...responsesHeader("en"),
      "Followed up",
      factorHeader("en", "speed", "Speed"),
      factorHeader("en", "quality", "Качество"),
    ]);
    expect(plan.layout.columns.responseId).toBe(0);
    expect(plan.layout.columns.updatedAt).toBe(11);
    // The sync owns no cell of the team's column: it is not in the layout it writes.
    expect(Object.values(plan.layout.columns)).not.toContain(12);
    expect(plan.layout.factors).toEqual({ speed: 13, quality: 14 });
  });

  it("keeps a person's order, language and own columns; appends what is missing", () => {
    const ru = responsesHeader("ru");
    // Score moved to the front, "notes" inserted, Flags deleted, headers in Russian.
    const header: Cell[] = [ru[5], ru[0], "notes", ...ru.slice(1, 5), ...ru.slice(6, 9), ...ru.slice(10), ""];
    const plan = planColumns(header, "en", FACTORS.slice(0, 1));
    expect(plan.layout.columns.score).toBe(0);
    expect(plan.layout.columns.responseId).toBe(1);
    expect(Object.values(plan.layout.columns)).not.toContain(2);
    expect(plan.added).toEqual([
      { column: 12, text: "Flags" },
      { column: 13, text: "Followed up" },
      { column: 14, text: factorHeader("en", "speed", "Speed") },
    ]);
  });

  it("never moves a column and gives each factor one column, as surveys come and go (property)", () => {
    const factor = fc.constantFrom(...["a", "b", "c", "d", "e"].map((id) => ({ id, label: { en: id }, weight: 1 })));
    fc.assert(
      fc.property(fc.array(fc.array(factor, { maxLength: 3 }), { minLength: 1, maxLength: 6 }), (rounds) => {
        let header: Cell[] = [];
        for (const factors of rounds) {
          const before = header.slice();
          const plan = planColumns(header, "en", factors);
          for (const a of plan.added) header[a.column] = a.text;
          header = header.map((h) => h ?? "");
          expect(header.slice(0, before.length)).toEqual(before);
          for (const f of factors) expect(plan.layout.factors[f.id]).toBeDefined();
          expect(planColumns(header, "ru", factors).added).toEqual([]);
        }
        const ids = new Set(rounds.flat().map((f) => f.id));
        expect(header.length).toBe(RESPONSE_COLUMNS.length + TEAM_COLUMNS.length + ids.size);
      }),
    );
  });
});

describe("responseCells", () => {
  it("fills every column; respondent text stays text; CSI ratings go to factor columns", () => {
    const { layout } = planColumns([], "en", FACTORS);
    const cells = responseCells(
      response({
        id: "r1",
        surveyId: CSI.id,
        contactId: "+7 (999) 123",
        score: null,
        answers: { quality: 4 },
        comment: '=IMPORTRANGE("evil")',
        flags: ["too_fast", "same_ip"],
        finished: false,
        language: "ru",
      }),
      CSI,
      layout,
    );
    const row = [...Array(15).keys()].map((c) => stored(cells.get(c) as Cell));
    expect(row).toEqual([
      "r1",
      "s-csi",
      "=Service index",
      "CSI",
      "+7 (999) 123",
      "",
      '=IMPORTRANGE("evil")',
      "ru",
      false,
      "too_fast, same_ip",
      new Date("2026-04-21T10:00:00.000Z"),
      new Date("2026-04-21T10:00:00.000Z"),
      undefined, // Followed up: the team's, never written
      "",
      4,
    ]);
    // The dashboard's reader gets the answer back.
    const [record] = readResponses(
      planColumns([], "en", FACTORS).added.map((a) => a.text),
      [row],
      dateReading("UTC", "en_US"),
    );
    expect(record).toMatchObject({
      responseId: "r1",
      surveyType: "csi",
      clientId: "+7 (999) 123",
      comment: '=IMPORTRANGE("evil")',
      finished: false,
      flags: ["too_fast", "same_ip"],
      factors: { quality: 4 },
    });
  });
});

describe("planMerge", () => {
  const layout = planColumns([], "en", []).layout;
  const header = planColumns([], "en", []).added.map((a) => a.text);

  it("appends new answers, updates edited ones in place, and counts them", () => {
    const sheet = new FakeSheet(header);
    const first = [response({ id: "a", score: 3 }), response({ id: "b", score: 10, flags: ["honeypot"] })];
    expect(syncPage(sheet, layout, first, NPS)).toEqual({ added: 2, updated: 0, unchanged: 0, flagged: 1 });
    const edit = response({ id: "a", score: 9, comment: "changed my mind", updatedAt: "2026-04-22T08:00:00.000Z" });
    expect(syncPage(sheet, layout, [edit, response({ id: "c" })], NPS)).toEqual({
      added: 1,
      updated: 1,
      unchanged: 0,
      flagged: 0,
    });
    expect(sheet.column(layout.columns.responseId)).toEqual(["a", "b", "c"]);
    expect(sheet.column(layout.columns.score)).toEqual([9, 10, 9]);
    expect(sheet.column(layout.columns.comment)).toEqual(["changed my mind", "", ""]);
    // The same page again (a sync that failed before storing its cursor): nothing changes.
    const snapshot = JSON.stringify(sheet.rows);
    expect(syncPage(sheet, layout, [edit, response({ id: "c" })], NPS)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 2,
      flagged: 0,
    });
    expect(JSON.stringify(sheet.rows)).toBe(snapshot);
  });

  it("leaves a person's own columns alone", () => {
    const withNotes = [...header.slice(0, 6), "My notes", ...header.slice(6)];
    const plan = planColumns(withNotes, "en", []);
    const sheet = new FakeSheet(withNotes);
    syncPage(sheet, plan.layout, [response({ id: "a" })], NPS);
    sheet.rows[1]![6] = "call back";
    syncPage(sheet, plan.layout, [response({ id: "a", score: 1, updatedAt: "2026-05-01T00:00:00.000Z" })], NPS);
    expect(sheet.rows[1]![6]).toBe("call back");
    expect(sheet.rows[1]![plan.layout.columns.score]).toBe(1);
  });

  const version = fc.record({
    id: fc.constantFrom("a", "b", "c", "d", "e", "f"),
    score: fc.integer({ min: 0, max: 10 }),
    comment: fc.oneof(fc.constant(null), fc.string({ maxLength: 8 })),
    flagged: fc.boolean(),
  });

  it("ends with one row per answer holding its latest version, however the changes are paged and re-applied (property)", () => {
    fc.assert(
      fc.property(
        fc.array(version, { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.boolean(),
        (changes, sizes, repeats, oneExecution) => {
          // The API's change feed: every change gives the answer a new version; a later page
          // carries only the latest version of each answer changed since the cursor.
          const feed = changes.map((c, seq) =>
            response({
              id: c.id,
              score: c.score,
              comment: c.comment,
              flags: c.flagged ? ["too_fast"] : [],
              updatedAt: new Date(Date.UTC(2026, 3, 1, 0, 0, seq)).toISOString(),
            }),
          );
          const sheet = new FakeSheet(header);
          const kept = oneExecution ? new ResponseIndex([], [], []) : undefined;
          let at = 0;
          let page = 0;
          let added = 0;
          while (at < feed.length) {
            const size = sizes[page % sizes.length] as number;
            const slice = feed.slice(at, at + size);
            const counts = syncPage(sheet, layout, slice, NPS, kept);
            added += counts.added;
            // A failure before the cursor was stored: the same page comes again.
            if (repeats[page % Math.max(1, repeats.length)]) syncPage(sheet, layout, slice, NPS, kept);
            at += size;
            page++;
          }
          const latest = new Map<string, SurveyResponse>();
          for (const r of feed) latest.set(r.id, r);
          const ids = sheet.column(layout.columns.responseId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.length).toBe(latest.size);
          expect(added).toBe(latest.size);
          sheet.rows.slice(1).forEach((row) => {
            const want = latest.get(row[layout.columns.responseId] as string) as SurveyResponse;
            expect(row[layout.columns.score]).toBe(want.score);
            expect(row[layout.columns.comment]).toBe(want.comment ?? "");
            expect((row[layout.columns.updatedAt] as Date).toISOString()).toBe(want.updatedAt);
          });
        },
      ),
    );
  });
});

describe("writeBlocks", () => {
  it("splits rows and owned columns into rectangles, skipping columns it does not own", () => {
    expect(runs([1, 2, 3, 7, 9, 10])).toEqual([
      { start: 1, length: 3 },
      { start: 7, length: 1 },
      { start: 9, length: 2 },
    ]);
    const cells = (tag: string) => new Map([0, 1, 3].map((c) => [c, `${tag}${c}`] as const));
    const blocks = writeBlocks(
      [
        { row: 5, cells: cells("x") },
        { row: 4, cells: cells("w") },
        { row: 9, cells: cells("z") },
      ],
      [0, 1, 3],
    );
    expect(blocks).toEqual([
      {
        row: 4,
        column: 0,
        values: [
          ["w0", "w1"],
          ["x0", "x1"],
        ],
      },
      { row: 4, column: 3, values: [["w3"], ["x3"]] },
      { row: 9, column: 0, values: [["z0", "z1"]] },
      { row: 9, column: 3, values: [["z3"]] },
    ]);
  });

  it("covers exactly the given rows × owned columns, once each (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 8 }),
        (rows, columns) => {
          const seen = new Set<string>();
          for (const b of writeBlocks(
            rows.map((row) => ({ row, cells: new Map(columns.map((c) => [c, `${row}:${c}`] as const)) })),
            columns,
          )) {
            b.values.forEach((line, r) => {
              line.forEach((v, c) => {
                expect(v).toBe(`${b.row + r}:${b.column + c}`);
                seen.add(v as string);
              });
            });
          }
          expect(seen.size).toBe(rows.length * columns.length);
        },
      ),
    );
  });
});
