import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { acceptedLanguages, pageLanguage } from "../../worker/src/respondent/language";
import { html, markupText } from "../../worker/src/respondent/markup";
import {
  base64url,
  fromBase64url,
  hashIp,
  newNonce,
  readNonce,
  readResponseToken,
  signContact,
  signResponse,
  verifyContact,
} from "../../worker/src/surveys/signing";

const SECRET = "unit-test-secret";
const SURVEY = "AAAAAAAAAAAAAAAAAAAAAA";
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Every string that differs from `text` in exactly one character (to another base64url character). */
function oneCharChanges(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const replacement = ALPHABET[(ALPHABET.indexOf(text[i] as string) + 1) % ALPHABET.length];
    out.push(`${text.slice(0, i)}${replacement}${text.slice(i + 1)}`);
  }
  return out;
}

describe("personal link signatures", () => {
  it("verify for their contact and survey only, under their secret only", async () => {
    const k = await signContact(SECRET, SURVEY, "C-001");
    expect(k).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await verifyContact(SECRET, SURVEY, "C-001", k)).toBe(true);
    expect(await verifyContact(SECRET, SURVEY, "C-002", k)).toBe(false);
    expect(await verifyContact(SECRET, "BAAAAAAAAAAAAAAAAAAAAA", "C-001", k)).toBe(false);
    expect(await verifyContact("another-secret", SURVEY, "C-001", k)).toBe(false);
    for (const altered of oneCharChanges(k)) expect(await verifyContact(SECRET, SURVEY, "C-001", altered)).toBe(false);
    for (const bad of ["", "!", k.slice(1), `${k}A`, "=".repeat(22)]) {
      expect(await verifyContact(SECRET, SURVEY, "C-001", bad)).toBe(false);
    }
  });

  it("keep survey and contact apart (no ambiguity in how they are joined)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 30 }),
        async (a, b) => {
          fc.pre(a !== b);
          const k = await signContact(SECRET, SURVEY, a);
          expect(await verifyContact(SECRET, SURVEY, b, k)).toBe(false);
          expect(await verifyContact(SECRET, a, SURVEY, k)).toBe(false);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("form nonces", () => {
  it("carry a fresh answer id and the serving time, and refuse any change", async () => {
    const at = Date.UTC(2026, 3, 20, 12, 0, 0, 123);
    const nonce = await newNonce(SECRET, SURVEY, at);
    const read = await readNonce(SECRET, SURVEY, nonce);
    expect(read?.issuedAt).toBe(at);
    expect(read?.responseId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const other = await readNonce(SECRET, SURVEY, await newNonce(SECRET, SURVEY, at));
    expect(other?.responseId).not.toBe(read?.responseId);
    expect(await readNonce(SECRET, "BAAAAAAAAAAAAAAAAAAAAA", nonce)).toBeNull();
    expect(await readNonce("another-secret", SURVEY, nonce)).toBeNull();
    const [body, mac] = nonce.split(".") as [string, string];
    for (const altered of oneCharChanges(body)) expect(await readNonce(SECRET, SURVEY, `${altered}.${mac}`)).toBeNull();
    for (const altered of oneCharChanges(mac)) expect(await readNonce(SECRET, SURVEY, `${body}.${altered}`)).toBeNull();
    for (const bad of ["", ".", body, `${body}.`, `.${mac}`, `${nonce}.x`, "a.b"]) {
      expect(await readNonce(SECRET, SURVEY, bad)).toBeNull();
    }
  });
});

describe("answer tokens", () => {
  it("open one answer of one survey", async () => {
    const id = crypto.randomUUID();
    const token = await signResponse(SECRET, SURVEY, id);
    expect(await readResponseToken(SECRET, SURVEY, token)).toBe(id);
    expect(await readResponseToken(SECRET, "BAAAAAAAAAAAAAAAAAAAAA", token)).toBeNull();
    const other = crypto.randomUUID();
    expect(await readResponseToken(SECRET, SURVEY, `${other}.${token.split(".")[1]}`)).toBeNull();
    for (const bad of ["", id, `${id}.`, `${token}.x`, "x.y"])
      expect(await readResponseToken(SECRET, SURVEY, bad)).toBeNull();
  });

  it("are not interchangeable with contact signatures or nonces", async () => {
    const id = crypto.randomUUID();
    const asContact = await signContact(SECRET, SURVEY, id);
    expect(await readResponseToken(SECRET, SURVEY, `${id}.${asContact}`)).toBeNull();
  });
});

describe("IP hashes", () => {
  it("are stable, keyed, and never contain the address", async () => {
    const a = await hashIp(SECRET, "203.0.113.7");
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(await hashIp(SECRET, "203.0.113.7")).toBe(a);
    expect(await hashIp(SECRET, "203.0.113.8")).not.toBe(a);
    expect(await hashIp("another-secret", "203.0.113.7")).not.toBe(a);
  });
});

describe("base64url", () => {
  it("round-trips any bytes and refuses other alphabets", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = base64url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64url(text)).toEqual(bytes);
      }),
    );
    expect(fromBase64url("a+b/")).toBeNull();
    expect(fromBase64url("a")).toBeNull();
    // "AB" and "AA" spell the same single byte; only the canonical spelling is accepted.
    expect(fromBase64url("AA")).toEqual(new Uint8Array([0]));
    expect(fromBase64url("AB")).toBeNull();
  });
});

describe("HTML escaping", () => {
  it("escapes every interpolated value, but not nested templates", () => {
    expect(markupText(html`${`<a href="x">'&'</a>`}`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const inner = html`<b>${"<i>"}</b>`;
    expect(markupText(html`<p title="${'"'}">${inner}${["<", html`<br>`]}${null}${undefined}${false}${0}</p>`)).toBe(
      '<p title="&quot;"><b>&lt;i&gt;</b>&lt;<br>0</p>',
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = markupText(html`<p>${text}</p>`).slice(3, -4);
        expect(out).not.toMatch(/[<>"']/);
        expect(
          out
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'")
            .replace(/&amp;/g, "&"),
        ).toBe(text);
      }),
    );
  });
});

describe("page language", () => {
  it.each([
    ["ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", ["ru", "en"]],
    ["en-GB,en;q=0.9,ru;q=0.8", ["en", "ru"]],
    ["de-DE,de;q=0.9,ru;q=0.5,en;q=0.4", ["ru", "en"]],
    ["en;q=0.2, ru;q=0.8", ["ru", "en"]],
    ["ru;q=0, en", ["en"]],
    ["*", []],
    ["", []],
    ["fr", []],
    ["RU", ["ru"]],
    ["en;q=abc", ["en"]],
  ])("Accept-Language %j → %j", (header, expected) => {
    expect(acceptedLanguages(header)).toEqual(expected);
  });

  it("prefers the link, then the browser among the survey's languages, then the survey's: one language a page", () => {
    // A survey written in English only is an English page, whatever the link or the browser ask.
    expect(pageLanguage("ru", "en", ["en"])).toBe("en");
    expect(pageLanguage("ru", "en", ["en", "ru"])).toBe("ru");
    expect(pageLanguage("ru", "en", [])).toBe("ru");
    expect(pageLanguage("de", "ru", ["en", "ru"])).toBe("ru");
    expect(pageLanguage(undefined, "en, ru;q=0.5", ["ru"])).toBe("ru");
    expect(pageLanguage(undefined, "ru", ["en"])).toBe("en");
    expect(pageLanguage(undefined, "fr", ["ru"])).toBe("ru");
    expect(pageLanguage(undefined, undefined, [])).toBe("en");
  });
});
