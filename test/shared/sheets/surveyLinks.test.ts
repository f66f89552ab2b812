import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { interpretWritten } from "../../../addon/harness/cellFormat";
import { dateReading } from "../../../shared/cells/dates";
import { asText } from "../../../shared/cells/values";
import { detectColumns } from "../../../shared/sheets/columns";
import { LOG_COLUMNS, logHeader, logRow } from "../../../shared/sheets/rapportLog";
import {
  findLinkColumns,
  hyperlinkFormula,
  hyperlinkUrl,
  isLinkHeader,
  linkHeader,
  linkNote,
} from "../../../shared/sheets/surveyLinks";

/** Reads =HYPERLINK("url", "label") back as Sheets parses string literals ("" is a quote). */
function parseHyperlink(formula: string): { url: string; label: string } | null {
  const m = /^=HYPERLINK\("((?:[^"]|"")*)", "((?:[^"]|"")*)"\)$/.exec(formula);
  return m ? { url: (m[1] as string).replace(/""/g, '"'), label: (m[2] as string).replace(/""/g, '"') } : null;
}

describe("link columns", () => {
  it("are headed by the survey's title and found again by the id in their notes, in either language", () => {
    const header = [
      "Client ID",
      linkHeader("ru", "link", "Зимний опрос"),
      "Name",
      linkHeader("en", "eligible", "Winter pulse"),
      linkHeader("en", "link", "Other"),
    ];
    const notes = [
      "",
      linkNote("ru", "link", "abc_12"),
      "",
      linkNote("en", "eligible", "abc_12"),
      linkNote("en", "link", "other"),
    ];
    expect(header[1]).toBe("Зимний опрос · ссылка на опрос");
    expect(header[3]).toBe("Winter pulse · may ask now");
    expect(notes[1]).toBe("Rapport · опрос abc_12 · личные ссылки");
    expect(findLinkColumns(header, notes, "abc_12")).toEqual({ link: 1, eligible: 3 });
    expect(findLinkColumns(header, notes, "other")).toEqual({ link: 4, eligible: null });
    // A renamed survey or an edited header: the note still finds the column.
    expect(findLinkColumns(["Anything"], [linkNote("en", "link", "abc_12")], "abc_12")).toEqual({
      link: 0,
      eligible: null,
    });
    // An id must match whole: abc is not abc_12.
    expect(findLinkColumns(header, notes, "abc")).toEqual({ link: null, eligible: null });
  });

  it("finds the bracketed headers earlier versions wrote", () => {
    const header = ["Client ID", "Survey link [abc_12]", "Можно спросить [abc_12]", "Survey link [abc]x"];
    expect(findLinkColumns(header, [], "abc_12")).toEqual({ link: 1, eligible: 2 });
    expect(findLinkColumns(header, [], "abc")).toEqual({ link: null, eligible: null });
  });

  it("are never taken for a client's data, whatever the survey is called", () => {
    for (const header of [
      linkHeader("en", "link", "Feedback"),
      linkHeader("ru", "eligible", "Комментарии"),
      "Survey link [abc_12]",
      "Ссылка на опрос [abc_12]",
    ]) {
      expect(isLinkHeader(header), header).toBe(true);
    }
    for (const header of ["Feedback", "Comment", "Survey link", "· survey link"]) {
      expect(isLinkHeader(header), header).toBe(false);
    }
    const mapping = detectColumns(
      ["Client ID", "Name", linkHeader("en", "link", "Feedback")],
      [[1, "Ann", "Open survey"]],
      dateReading("UTC", "en_US"),
    );
    expect(mapping.comment).toBeNull();
  });

  it("writes links as HYPERLINK formulas whose literals cannot be escaped (property)", () => {
    expect(hyperlinkFormula("https://w.example/s/abc?c=17&k=xyz", "Open survey")).toBe(
      '=HYPERLINK("https://w.example/s/abc?c=17&k=xyz", "Open survey")',
    );
    fc.assert(
      fc.property(fc.webUrl(), fc.string(), (url, label) => {
        const withQuote = `${url}${url.includes("?") ? "&" : "?"}c=${encodeURIComponent('a"),B(')}`;
        expect(parseHyperlink(hyperlinkFormula(withQuote, label))).toEqual({ url: withQuote, label });
      }),
    );
    expect(() => hyperlinkFormula('javascript:alert("x")', "x")).toThrow(RangeError);
    // And read back: what a click on the cell opens.
    fc.assert(
      fc.property(fc.webUrl(), fc.string(), (url, label) => {
        expect(hyperlinkUrl(hyperlinkFormula(url, label))).toBe(url);
      }),
    );
    expect(hyperlinkUrl('=hyperlink("https://x.example/a?q=""b""";"Go")')).toBe('https://x.example/a?q="b"');
    expect(hyperlinkUrl('=HYPERLINK("javascript:alert(1)", "x")')).toBeNull();
    expect(hyperlinkUrl('=HYPERLINK(A1, "x")')).toBeNull();
    expect(hyperlinkUrl("=SUM(A1:A3)")).toBeNull();
    expect(() => hyperlinkFormula('https://x.example/" & A1 & "', "x")).toThrow(RangeError);
  });
});

describe("the Rapport log", () => {
  const when = new Date(Date.UTC(2026, 3, 21, 9, 30));
  const cells = (row: unknown[]) => row.map((c) => interpretWritten(c as never, undefined, "UTC").value);

  it("has a localised header: the sync columns first, the send columns after them", () => {
    expect(logHeader("en")).toEqual([
      "When",
      "Survey",
      "New",
      "Updated",
      "Flagged",
      "Errors",
      "Action",
      "Sent",
      "Failed",
      "Not sent",
    ]);
    expect(logHeader("ru")).toHaveLength(LOG_COLUMNS.length);
  });

  it("writes a sync line and a send line whose texts stay text", () => {
    const sync = logRow(
      { action: "sync", when, survey: "=Spring", added: 2, updated: 1, flagged: 1, error: "-1 failed" },
      "en",
    );
    expect(cells(sync)).toEqual([when, "=Spring", 2, 1, 1, "-1 failed", "Sync", "", "", ""]);
    const send = logRow({ action: "remind", when, survey: "Q4", sent: 7, failed: 1, notSent: 2, error: "" }, "ru");
    expect(cells(send)).toEqual([when, "Q4", "", "", "", "", "Напоминания", 7, 1, 2]);
    expect(logRow({ action: "sync", when, survey: "s", added: 0, updated: 0, flagged: 0, error: "" }, "en")[5]).toBe(
      asText(""),
    );
  });
});
