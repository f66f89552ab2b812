import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientIdCell, clientKey, contactIdOf } from "../../../shared/cells/clientId";

describe("client ids", () => {
  it('keys clients so that 17, "17" and "17.0" are one client but "0017" is another', () => {
    expect(clientKey(17)).toBe(17);
    expect(clientKey("17")).toBe(17);
    expect(clientKey(" 17.0 ")).toBe(17);
    expect(clientKey("0017")).toBe("0017");
    expect(clientKey("C-17")).toBe("C-17");
    expect(clientKey(new Date(Date.UTC(2024, 2, 1)))).toBe("2024-03-01");
    expect(clientKey("")).toBeNull();
    expect(clientKey(Number.NaN)).toBeNull();
  });

  it("reads client id cells as contact ids", () => {
    expect(contactIdOf(17)).toEqual({ kind: "id", id: "17" });
    expect(contactIdOf("17.0")).toEqual({ kind: "id", id: "17" });
    expect(contactIdOf(" C-001 ")).toEqual({ kind: "id", id: "C-001" });
    expect(contactIdOf(new Date(Date.UTC(2024, 2, 1)))).toEqual({ kind: "id", id: "2024-03-01" });
    expect(contactIdOf("")).toEqual({ kind: "blank" });
    expect(contactIdOf("   ")).toEqual({ kind: "blank" });
    for (const bad of ["#N/A", "#REF!", true, "x".repeat(201), "a\tb", Number.POSITIVE_INFINITY, new Date(Number.NaN)])
      expect(contactIdOf(bad)).toEqual({ kind: "invalid" });
    expect(contactIdOf("x".repeat(200))).toEqual({ kind: "id", id: "x".repeat(200) });
  });

  it("writes whole-number client ids as numbers so they join a numeric client list", () => {
    expect(clientIdCell("17")).toBe(17);
    expect(clientIdCell("0017")).toBe("'0017");
    expect(clientIdCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(clientIdCell(null)).toBe("");
  });

  it("property: a client id sent to the Worker and written back joins the cell it came from", () => {
    const cells = fc.oneof(
      fc.integer({ min: 0, max: 1e12 }),
      fc.string({ maxLength: 40 }),
      fc.stringMatching(/^\s?(0|[1-9]\d{0,6})(\.0+)?\s?$/),
    );
    fc.assert(
      fc.property(cells, (cell) => {
        const contact = contactIdOf(cell);
        if (contact.kind !== "id") return;
        const written = clientIdCell(contact.id);
        const text = typeof written === "string" && written.startsWith("'") ? written.slice(1) : written;
        expect(clientKey(text)).toBe(clientKey(cell));
      }),
    );
  });
});
