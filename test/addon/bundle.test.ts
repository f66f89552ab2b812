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

  it("leaves out zod's locale catalogs (hundreds of KB, only through `import { z }`)", () => {
    expect(code).not.toContain("Ungültige");
  });

  it("carries the texts the Worker sends back with its data errors, and not the sidebars' labels", () => {
    // A CSV error is raised on the Worker and translated by Code.js (services/workerClient.ts).
    expect(code).toContain('"analysis.csvLineTooLong"');
    // A sidebar's button label lives in that sidebar only.
    expect(code).not.toContain('"ui.settings.workerUrlHint"');
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
        "https://www.googleapis.com/auth/script.scriptapp",
        "https://www.googleapis.com/auth/script.send_mail",
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

/**
 * Size budgets of the built files, a few per cent above what they weigh now, so that growth is a
 * decision: Apps Script parses all of Code.js for every formula cell, and a sidebar is sent to the
 * browser each time it opens. Before the catalogs were split each sidebar carried every text of
 * every surface (help.html was 116 KB for 288 bytes of its own code). docs/benchmarks.md keeps the
 * figures.
 */
const BUDGETS: Readonly<Record<string, number>> = {
  "Code.js": 486_000,
  "clientCard.html": 19_500,
  "dashboard.html": 78_000,
  "help.html": 25_000,
  "nps.html": 13_500,
  "segments.html": 24_500,
  "send.html": 33_000,
  "settings.html": 19_500,
  "surveys.html": 57_000,
};

describe("built sizes", () => {
  const built = readdirSync(dist).filter((f) => f.endsWith(".js") || f.endsWith(".html"));

  it("has a budget for every built file", () => {
    expect(built.sort()).toEqual(Object.keys(BUDGETS).sort());
  });

  it.each(Object.entries(BUDGETS))("keeps %s within %i bytes", (file, budget) => {
    expect(readFileSync(path.join(dist, file)).length).toBeLessThanOrEqual(budget);
  });
});
