import { describe, expect, it } from "vitest";
import { dateReading, dayFromYmd } from "../../../shared/cells/dates";
import type { Cell } from "../../../shared/cells/values";
import { detectColumns } from "../../../shared/sheets/columns";
import {
  factorHeader,
  isFollowedUp,
  readResponses,
  responsesHeader,
  responsesLayout,
  teamHeader,
} from "../../../shared/sheets/responses";

const reading = dateReading("UTC", "en_US");

describe("Responses sheet", () => {
  it("has headers in both languages that map back to the same columns", () => {
    for (const locale of ["en", "ru"] as const) {
      const header = [...responsesHeader(locale), factorHeader(locale, "speed", "Delivery speed")];
      const layout = responsesLayout(header);
      expect(Object.keys(layout.columns)).toHaveLength(12);
      expect(layout.columns.score).toBe(5);
      expect(layout.factors).toEqual({ speed: 12 });
    }
    expect(responsesHeader("ru")[5]).toBe("Оценка");
  });

  it("reads the team's Followed up column in either language: a note, a date or a tick says yes", () => {
    expect(teamHeader("ru")).toEqual(["Связались"]);
    const header = [...responsesHeader("en"), teamHeader("ru")[0] as string];
    const row = (followedUp: Cell): Cell[] => [
      "r1",
      "s1",
      "Pulse",
      "nps",
      1,
      3,
      "",
      "en",
      true,
      "",
      "",
      "",
      followedUp,
    ];
    const read = (cell: Cell) => readResponses(header, [row(cell)], reading)[0]?.followedUp;
    expect([read(""), read(false), read("no"), read("Нет"), read(" ")]).toEqual([false, false, false, false, false]);
    expect([read(true), read("Called, Dec 4"), read(new Date(Date.UTC(2026, 11, 4))), read("да")]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(isFollowedUp("0")).toBe(false);
  });

  it("finds columns after a person reorders them or mixes languages", () => {
    const header = ["Оценка", "Response ID", "notes", "Client ID"];
    expect(responsesLayout(header).columns).toEqual({ score: 0, responseId: 1, clientId: 3 });
  });

  it("reads answers, skipping rows without a response id", () => {
    const header = [...responsesHeader("en"), factorHeader("en", "price", "Price")];
    const rows: Cell[][] = [
      [
        "r1",
        "s1",
        "Q3 NPS",
        "NPS",
        "17",
        9,
        "=kept as text",
        "en",
        true,
        "too_fast, honeypot",
        new Date(Date.UTC(2024, 2, 1)),
        "",
        "",
      ],
      ["", "", "", "", "", "", "", "", "", "", "", "", ""],
      ["r2", "s2", "Delivery", "csi", "", "", "", "ru", "FALSE", "", "2024-03-02", "", 4],
    ];
    const [a, b, ...rest] = readResponses(header, rows, reading);
    expect(rest).toEqual([]);
    expect(a).toMatchObject({
      responseId: "r1",
      surveyType: "nps",
      clientId: 17,
      score: 9,
      comment: "=kept as text",
      finished: true,
      flags: ["too_fast", "honeypot"],
      answeredDay: dayFromYmd(2024, 3, 1),
    });
    expect(b).toMatchObject({
      clientId: null,
      score: null,
      finished: false,
      answeredDay: dayFromYmd(2024, 3, 2),
      factors: { price: 4 },
    });
  });

  it("is recognised by column detection (client id, date, score, comment)", () => {
    const header = responsesHeader("en");
    const rows: Cell[][] = [
      ["r1", "s1", "NPS", "nps", 17, 9, "Great service and fast", "en", true, "", new Date(0), new Date(0)],
    ];
    const mapping = detectColumns(header, rows, reading);
    expect(mapping).toMatchObject({ clientId: 5, score: 6, comment: 7 });
    expect([11, 12]).toContain(mapping.date);
  });
});
