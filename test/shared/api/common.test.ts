import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { URL_FETCH_MAX_BYTES, wellFormed } from "../../../shared/api/common";
import { utf8Chunks, utf8Length } from "../../../shared/utf8";

describe("transport limits", () => {
  it("counts UTF-8 bytes as an encoder would, without encoding (property)", () => {
    expect(utf8Length("")).toBe(0);
    expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, "utf8"));
        const chunks = utf8Chunks(text, 7);
        expect(chunks.join("")).toBe(text);
        for (const chunk of chunks) expect(Buffer.byteLength(chunk, "utf8")).toBeLessThanOrEqual(7);
      }),
    );
  });

  it("sets one Apps Script request's limit at 50 MB", () => {
    expect(URL_FETCH_MAX_BYTES).toBe(50 * 1024 * 1024);
  });

  it("refuses a lone surrogate in stored text, naming why", () => {
    const schema = wellFormed(z.string());
    expect(schema.safeParse("Spring 😀 check-in").success).toBe(true);
    const lone = schema.safeParse("Spring \ud800 check-in");
    expect(lone.success).toBe(false);
    expect(lone.error?.issues[0]?.message).toContain("lone surrogate");
  });
});
