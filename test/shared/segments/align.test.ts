import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateReading } from "../../../shared/cells/dates";
import type { Cell } from "../../../shared/cells/values";
import {
  alignToClients,
  BLANK_ROW,
  columnRuns,
  matchKey,
  NO_PURCHASE_ROW,
  outputHeaders,
  outputRows,
  placeColumns,
} from "../../../shared/segments/align";
import { rfmSegmentation } from "../../../shared/segments/rfm";
import { detectColumns } from "../../../shared/sheets/columns";
import { shuffled } from "../helpers";

describe("alignToClients", () => {
  it("matches by id whatever the order and the cell type, never by position", () => {
    const results = [17, "C-1", 3, "0042"];
    const clients: Cell[] = ["C-1", "17", 99, "", 3, " 17.0 ", "#N/A", "0042", 42];
    const a = alignToClients(clients, results);
    expect(Array.from(a.rows)).toEqual([1, 0, NO_PURCHASE_ROW, BLANK_ROW, 2, 0, BLANK_ROW, 3, NO_PURCHASE_ROW]);
    expect(a).toMatchObject({ matched: 5, withoutPurchases: 2, blank: 2, notInList: 0 });
  });

  it("counts customers with purchases that the client list lacks", () => {
    const a = alignToClients([5, 5, 6], [4, 5, 6, 7]);
    expect(Array.from(a.rows)).toEqual([1, 1, 2]);
    expect(a.notInList).toBe(2);
  });

  it("keys ids that went through the CSV body as text the same as the sheet's numbers", () => {
    expect(matchKey(12.5)).toBe(matchKey("12.5"));
    expect(matchKey(1e16)).toBe(matchKey("10000000000000000"));
    expect(matchKey(17)).toBe(matchKey("17.0"));
    expect(matchKey("0017")).not.toBe(matchKey(17));
    expect(matchKey("")).toBeNull();
  });

  it("agrees with a naive search on shuffled lists (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 70 }), { maxLength: 40 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { maxLength: 40 }),
        (resultIds, listed, randoms) => {
          const clients = shuffled(
            listed.map((id, i) => (i % 2 ? String(id) : id)),
            randoms,
          );
          const a = alignToClients(clients, resultIds);
          clients.forEach((cell, r) => {
            const expected = resultIds.indexOf(Number(cell));
            expect(a.rows[r]).toBe(expected >= 0 ? expected : NO_PURCHASE_ROW);
          });
          const listedSet = new Set(listed);
          expect(a.notInList).toBe(resultIds.filter((id) => !listedSet.has(id)).length);
          expect(a.matched + a.withoutPurchases + a.blank).toBe(clients.length);
        },
      ),
    );
  });
});

describe("placeColumns", () => {
  const headers = [
    { en: "RFM code", ru: "Код RFM" },
    { en: "RFM segment", ru: "Сегмент RFM" },
    { en: "RFM action", ru: "Действие по RFM" },
  ];

  it("appends new columns after the last used column", () => {
    expect(placeColumns(["Client ID", "Name", "Email"], headers, 3)).toEqual([4, 5, 6]);
    // Columns beyond the header row's width that hold data count as used.
    expect(placeColumns(["Client ID", "Name"], headers, 5)).toEqual([6, 7, 8]);
  });

  it("reuses the columns a previous run wrote, in either language and wherever a person moved them", () => {
    expect(placeColumns(["Client ID", "RFM code", "rfm segment ", "RFM action", "Notes"], headers, 5)).toEqual([
      2, 3, 4,
    ]);
    expect(placeColumns(["ID клиента", "Действие по RFM", "Имя", "Сегмент RFM"], headers, 4)).toEqual([5, 4, 2]);
  });

  it("groups adjacent columns into runs written by one setValues each", () => {
    expect(columnRuns([5, 4, 2])).toEqual([
      { first: 2, indexes: [2] },
      { first: 4, indexes: [1, 0] },
    ]);
    expect(columnRuns([8, 9, 10])).toEqual([{ first: 8, indexes: [0, 1, 2] }]);
  });
});

describe("outputRows", () => {
  const seg = rfmSegmentation({
    asOf: 0,
    ids: [10, 20],
    segment: ["Champions", "At Risk"],
    code: [545, 231],
    monetary: [100, 40],
  });

  it("writes figures, segment and action per row, the no-purchase mark, blanks for blank ids", () => {
    const a = alignToClients([20, "", 30, 10], seg.ids);
    expect(outputHeaders(seg).map((h) => h.en)).toEqual(["RFM code", "RFM segment", "RFM action"]);
    expect(outputRows(seg, a, "en")).toEqual([
      [231, "At Risk", "Personal call and a survey: find out what changed, then a personal offer."],
      ["", "", ""],
      ["", "No purchases", "Send a welcome offer to win a first purchase."],
      [545, "Champions", "Referral programme: reward them, ask for reviews, give early access."],
    ]);
    expect(outputRows(seg, a, "ru")[0]).toEqual([
      231,
      "В зоне риска",
      "Личный звонок и опрос: узнайте, что изменилось, затем персональное предложение.",
    ]);
  });
});

describe("column detection after a run", () => {
  it("never takes the columns Rapport wrote for a client's data", () => {
    const header = ["Client ID", "Name", "RFM code", "RFM segment", "RFM action", "Действие по CLV"];
    const row = (id: number) => [
      id,
      `Client ${id}`,
      545,
      "Champions",
      "Referral programme: reward them, ask for reviews, give early access.",
      "Держите рядом: личный менеджер, ранний доступ, просьба порекомендовать вас.",
    ];
    const mapping = detectColumns(header, [row(1), row(2), row(3)], dateReading("UTC", "en_US"));
    expect(mapping).toMatchObject({ clientId: 1, name: 2, comment: null, score: null, amount: null });
    // Without those headers the same action texts would read as comments.
    const plain = detectColumns(
      ["Client ID", "Name", "Tier", "Text"],
      [[1, "A", "x", row(1)[4]]],
      dateReading("UTC", "en_US"),
    );
    expect(plain.comment).toBe(4);
  });
});
