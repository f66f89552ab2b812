import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { DEFAULT_DIST_DIR } from "../../addon/harness/index";

const dist = DEFAULT_DIST_DIR;
const code = readFileSync(path.join(dist, "Code.js"), "utf8");

describe("addon/dist/Code.js", () => {
  it("loads in a bare node:vm context and defines the entry points as global functions", () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const name of ["onOpen", "onInstall", "NPS", "showNpsSidebar", "npsOfSelection"]) {
      expect(typeof context[name], name).toBe("function");
    }
    expect(vm.runInContext('NPS([[9],[10],[3],[""]])', context)).toBeCloseTo(33.333333, 5);
  });

  it("stays small: Apps Script loads the whole file on every execution, formulas included", () => {
    expect(code.length).toBeLessThan(600_000);
    // zod's locale catalogs (hundreds of KB) come in only through `import { z }`; use `import * as z`.
    expect(code).not.toContain("Ungültige");
  });

  it("has no modules: no import, export or require", () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\s*\(/);
  });

  it("declares every called function at the top level with `function`", () => {
    const topLevel = [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
    expect(topLevel).toEqual(expect.arrayContaining(["onOpen", "onInstall", "NPS", "npsSidebarState", "npsOfColumn"]));
    // Names ending in "_" are private in Apps Script and cannot be called from google.script.run or a cell.
    expect(topLevel.filter((n) => n?.endsWith("_"))).toEqual([]);
  });

  it("keeps the custom functions' JSDoc verbatim for Sheets' autocomplete", () => {
    const doc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function NPS\(scores\)/.exec(code);
    expect(doc).not.toBeNull();
    expect(doc?.[1]).toContain("@customfunction");
    expect(doc?.[1]).toMatch(/@param \{[^}]+\} scores /);
    expect(doc?.[1]).toContain("@return");
  });
});

describe("addon/dist/appsscript.json", () => {
  const manifest = JSON.parse(readFileSync(path.join(dist, "appsscript.json"), "utf8"));

  it("runs on V8 with the narrowest scopes that work", () => {
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.oauthScopes.sort()).toEqual(
      [
        "https://www.googleapis.com/auth/script.container.ui",
        "https://www.googleapis.com/auth/script.external_request",
        "https://www.googleapis.com/auth/spreadsheets.currentonly",
      ].sort(),
    );
  });

  it("allows only the Worker's https URL for UrlFetchApp", () => {
    expect(manifest.urlFetchWhitelist).toHaveLength(1);
    expect(manifest.urlFetchWhitelist[0]).toMatch(/^https:\/\/[^/]+\/$/);
  });
});

describe("sidebars", () => {
  const pages = readdirSync(dist).filter((f) => f.endsWith(".html"));

  it("are built, one self-contained file each", () => {
    expect(pages).toEqual(expect.arrayContaining(["nps.html", "help.html"]));
    for (const page of pages) {
      const html = readFileSync(path.join(dist, page), "utf8");
      expect(html, page).not.toMatch(/<script[^>]+src=/);
      expect(html, page).not.toMatch(/<link[^>]+rel="stylesheet"/);
      expect(html, page).toContain("<style>");
      expect(html, page).toContain('data-rapport-locale="en"');
    }
  });
});
