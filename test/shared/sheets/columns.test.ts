import { describe, expect, it } from "vitest";
import { demoWorkbook } from "../../../addon/preview/demoWorkbook";
import { dateReading } from "../../../shared/cells/dates";
import type { Cell } from "../../../shared/cells/values";
import { detectColumns, EMPTY_MAPPING } from "../../../shared/sheets/columns";

const reading = dateReading("UTC", "en_US");

function detect(rows: Cell[][]) {
  const [headers, ...body] = rows;
  return detectColumns((headers ?? []).map(String), body, reading);
}

describe("detectColumns", () => {
  for (const locale of ["en", "ru"] as const) {
    it(`finds the roles of the demo workbook's sheets (${locale})`, () => {
      const [clients, transactions] = demoWorkbook({ locale }).sheets ?? [];
      // Two date columns: the survey date (F) is the one scores are dated by.
      expect(detect(clients?.rows as Cell[][])).toEqual({
        clientId: 1,
        name: 2,
        email: 3,
        date: 6,
        amount: null,
        score: 5,
        comment: 7,
      });
      expect(detect(transactions?.rows as Cell[][])).toEqual({ ...EMPTY_MAPPING, clientId: 1, date: 2, amount: 4 });
    });
  }

  it("reads Russian headers and free-text comments", () => {
    const rows: Cell[][] = [
      ["Клиент", "Дата опроса", "Оценка", "Комментарий"],
      ["ООО Ромашка", "01.03.2024", 9, "Всё отлично, спасибо за быструю доставку"],
      ["ИП Иванов", "02.03.2024", "6", "Долго отвечали на письма"],
    ];
    expect(detect(rows)).toEqual({ ...EMPTY_MAPPING, name: 1, date: 2, score: 3, comment: 4 });
  });

  it("takes a numeric 'Client' column as the client id", () => {
    expect(
      detect([
        ["Client", "Date", "Revenue"],
        [17, new Date(0), 12.5],
        [18, new Date(0), 3],
      ]),
    ).toEqual({
      ...EMPTY_MAPPING,
      clientId: 1,
      date: 2,
      amount: 3,
    });
  });

  it("does not trust a header whose cells say otherwise", () => {
    // "Date" over text, "Score" over 1–100 values: neither qualifies.
    expect(
      detect([
        ["Date", "Score"],
        ["soon", 55],
        ["later", 80],
      ]),
    ).toEqual(EMPTY_MAPPING);
  });

  it("finds unmistakable content without a header", () => {
    expect(
      detect([
        ["", ""],
        ["a@b.co", new Date(0)],
        ["c@d.co", new Date(0)],
      ]),
    ).toEqual({
      ...EMPTY_MAPPING,
      email: 1,
      date: 2,
    });
  });

  it("gives each column one role at most", () => {
    const mapping = detect([
      ["Score", "Rating"],
      [9, 8],
      [7, 10],
    ]);
    expect(mapping.score).toBe(1);
    expect(Object.values(mapping).filter((v) => v === 2)).toHaveLength(0);
  });
});
