import { describe, expect, it } from "vitest";
import type { Cell } from "../../../shared/cells/values";
import { isEmailAddress, localeOfCell, selectAudience } from "../../../shared/outreach/audience";

const HEADER: Cell[] = ["Client ID", "Name", "E-mail", "Segment", "Язык"];
const ROWS: Cell[][] = [
  [1, "Ann", "ann@example.com", "Champions", "ru"], // row 2
  [2, "Bob", "", "Champions", ""], // row 3: no address
  [3, "Cid", "cid(at)example.com", "At risk", ""], // row 4: not an address
  ["", "Dan", "dan@example.com", "Champions", ""], // row 5: no id
  [5, "Eve", "ANN@example.com", "Champions", "English"], // row 6: Ann's address again
  [6, "Fay", "fay@example.com", "Champions", "Русский"], // row 7: unsubscribed below
  [7, "Gus", "gus@example.com", "champions ", "en"], // row 8: already invited
  ["", "", "", "", ""], // row 9: empty, not listed
  [9, "Hal", " hal@example.com ", "At risk", ""], // row 10
];
const COLUMNS = { clientId: 0, email: 2, language: 4 };
const base = {
  filter: { kind: "all" } as const,
  optedOut: new Set(["6"]),
  invited: new Set(["7"]),
  onlyNotInvited: false,
  defaultLocale: "en" as const,
};

describe("choosing recipients", () => {
  it("keeps rows with an id and a valid address, once per address, and lists every other row with its reason", () => {
    const audience = selectAudience(HEADER, ROWS, COLUMNS, base);
    expect(audience.recipients.map((r) => [r.row, r.contactId, r.email, r.locale])).toEqual([
      [2, "1", "ann@example.com", "ru"],
      [8, "7", "gus@example.com", "en"],
      [10, "9", "hal@example.com", "en"],
    ]);
    expect(audience.skipped).toEqual([
      { row: 3, reason: "outreach.skip.noEmail" },
      { row: 4, reason: "outreach.skip.badEmail" },
      { row: 5, reason: "outreach.skip.noClientId" },
      { row: 6, reason: "outreach.skip.sameEmail", params: { row: 2 } },
      { row: 7, reason: "outreach.skip.optedOut" },
    ]);
    expect(audience.recipients[0]?.values.get("name")).toBe("Ann");
    expect(audience.recipients[0]?.values.get("e-mail")).toBe("ann@example.com");
  });

  it("takes a segment (case and spaces do not matter) and, when asked, only those not invited yet", () => {
    const audience = selectAudience(HEADER, ROWS, COLUMNS, {
      ...base,
      filter: { kind: "equals", column: 3, value: "Champions" },
      onlyNotInvited: true,
    });
    expect(audience.recipients.map((r) => r.row)).toEqual([2]);
    expect(audience.skipped.filter((s) => s.reason === "outreach.skip.invited").map((s) => s.row)).toEqual([8]);
    // Rows outside the group (4 and 10 are "At risk") are not listed at all.
    expect(audience.skipped.map((s) => s.row)).toEqual([3, 5, 6, 7, 8]);
  });

  it("uses the spreadsheet's language when there is no language column", () => {
    const audience = selectAudience(HEADER, ROWS, { ...COLUMNS, language: null }, { ...base, defaultLocale: "ru" });
    expect(new Set(audience.recipients.map((r) => r.locale))).toEqual(new Set(["ru"]));
  });

  it("reads addresses and language cells as people write them", () => {
    for (const good of ["a@b.co", "first.last+tag@sub.example.org", "иван@пример.рф"])
      expect(isEmailAddress(good)).toBe(true);
    for (const bad of ["", "a@b", "a b@c.d", "a@@b.c", "<a@b.c>", "a@b.c, d@e.f", `${"x".repeat(250)}@b.co`])
      expect(isEmailAddress(bad), bad).toBe(false);
    expect(localeOfCell("RU", "en")).toBe("ru");
    expect(localeOfCell("ru_RU", "en")).toBe("ru");
    expect(localeOfCell("Русский", "en")).toBe("ru");
    expect(localeOfCell("English", "ru")).toBe("en");
    expect(localeOfCell("de", "ru")).toBe("ru");
    expect(localeOfCell("", "ru")).toBe("ru");
  });
});
