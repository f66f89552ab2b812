/**
 * The add-on preview: the demo workbook as a grid beside the add-on's sidebar, 300 px wide as in
 * Sheets. Menu clicks and the sidebar's google.script.run calls run the built Code.js in the
 * Apps Script harness against the workbook, so whatever the add-on writes shows in the grid.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { hyperlinkUrl } from "../../shared/sheets/surveyLinks";
import { createHarness, DEFAULT_DIST_DIR, type Harness } from "../harness/index";
import { inputText, typedInput } from "./cellInput";
import { demoWorkbook } from "./demoWorkbook";
import { emailPage, jobsNotice, MESSAGE_CSP, messageDocument, outboxPage } from "./outbox";
import { SheetCalculator } from "./sheetCalculator";

const pageDir = fileURLToPath(new URL("./page", import.meta.url));
const MAX_BODY = 5 * 1024 * 1024;
const MAX_GRID_ROWS = 5000;
const DAY_MS = 86_400_000;

export interface PreviewOptions {
  port: number;
  host?: string;
  /** The local Worker the add-on talks to (set as the add-on's Worker URL and allowed for UrlFetchApp). */
  workerUrl: string;
  distDir?: string;
  locale?: "en" | "ru";
}

export interface PreviewServer {
  url: string;
  server: Server;
  harness(): Harness;
  close(): Promise<void>;
}

/** The add-on's settings key for the Worker URL (addon/src/services/settings.ts reads it). */
const WORKER_URL_PROPERTY = "rapport.workerUrl";

async function bundlePageScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(pageDir, "preview.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "warning",
  });
  return (result.outputFiles[0] as { text: string }).text;
}

/** The stand-in for HtmlService's google.script.run, injected into each sidebar page. */
const SCRIPT_RUN_SHIM = `<script>
(function () {
  function hasDate(v) {
    if (v instanceof Date) return true;
    if (v && typeof v === "object") for (var k in v) if (hasDate(v[k])) return true;
    return false;
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_t, name) {
        if (name === "withSuccessHandler") return function (fn) { return runner(fn, failure, userObject); };
        if (name === "withFailureHandler") return function (fn) { return runner(success, fn, userObject); };
        if (name === "withUserObject") return function (o) { return runner(success, failure, o); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          if (hasDate(args)) {
            setTimeout(function () { failure && failure(new Error("google.script.run cannot pass a Date"), userObject); });
            return;
          }
          fetch("/rpc", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ fn: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (res) {
              parent.postMessage({ type: "rapport:changed" }, "*");
              if (res.ok) { success && success(res.value, userObject); }
              else { var e = new Error(res.error.message); failure ? failure(e, userObject) : console.error(e); }
            }, function (err) { failure && failure(new Error("Preview server unreachable: " + err.message), userObject); });
        };
      },
    });
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: {
      close: function () { parent.postMessage({ type: "rapport:close" }, "*"); },
      setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () {} },
    },
  } };
})();
</script>`;

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}
const json = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), "application/json; charset=utf-8");

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const host = options.host ?? "127.0.0.1";
  const distDir = options.distDir ?? DEFAULT_DIST_DIR;
  const pageHtml = readFileSync(path.join(pageDir, "index.html"), "utf8");
  const pageScript = await bundlePageScript();
  let locale = options.locale ?? "en";
  let sidebarVersion = 0;
  let harness = fresh();
  let calculator = new SheetCalculator(harness);

  /** After anything that may change a cell (an edit, the add-on, a trigger), formulas compute again. */
  function recalculate(): void {
    calculator.recalculate();
  }

  function fresh(): Harness {
    const h = createHarness({
      distDir,
      // The demo follows the preview's language (sheet names, headers, zone) and ends last week.
      spreadsheet: demoWorkbook({ locale, endingBefore: Date.now() }),
      userLocale: locale,
      allowUrlPrefixes: [options.workerUrl],
      console,
    });
    h.spreadsheet.setSpreadsheetLocale(locale === "ru" ? "ru_RU" : "en_US");
    h.documentProperties.setProperty(WORKER_URL_PROPERTY, options.workerUrl);
    h.trigger("onOpen");
    sidebarVersion = 0;
    return h;
  }

  function state() {
    const ss = harness.spreadsheet;
    const sidebar = harness.ui.sidebars.at(-1);
    const active = ss.getActiveRange();
    const cell = active ? active.getSheet().getRange(active.getRow(), active.getColumn()) : null;
    return {
      locale,
      spreadsheet: ss.getName(),
      sheets: ss.getSheets().map((s) => s.getName()),
      activeSheet: ss.getActiveSheet().getName(),
      selection: active ? active.getA1Notation() : null,
      /** The selection's first cell as the formula bar shows it. */
      input: cell
        ? inputText(cell.getValue(), cell.getFormula(), cell.getDisplayValue(), ss.getSpreadsheetLocale())
        : "",
      menus: harness.ui.menus,
      sidebar: sidebar ? { version: sidebarVersion, title: sidebar.getTitle() } : null,
      toasts: ss.toasts.slice(-3),
      outbox: harness.mail.outbox.length,
      alerts: harness.ui.alerts.slice(-1),
    };
  }

  function sheetView(name: string) {
    const sheet = harness.spreadsheet.getSheetByName(name);
    if (!sheet) return null;
    const rows = Math.min(sheet.getLastRow(), MAX_GRID_ROWS);
    const columns = sheet.getLastColumn();
    const range = rows > 0 && columns > 0 ? sheet.getRange(1, 1, rows, columns) : null;
    const values = range ? JSON.parse(JSON.stringify(range.getDisplayValues())) : [];
    // A HYPERLINK cell opens its URL when clicked, as in Sheets: "row:column" → URL.
    const links: Record<string, string> = Object.create(null);
    (range ? (range.getFormulas() as string[][]) : []).forEach((row, r) => {
      row.forEach((formula, c) => {
        const url = formula ? hyperlinkUrl(formula) : null;
        if (url) links[`${r}:${c}`] = url;
      });
    });
    // A formula's error (#ERROR!, #REF!, #NAME?) explains itself on hover, as in Sheets.
    const errors: Record<string, string> = Object.create(null);
    for (const [at, error] of calculator.errorsOn(name)) errors[at] = error.message;
    const charts = sheet.getCharts().map((chart) => ({
      ...chart.describe(),
      data: chart.getRanges().map((range) => JSON.parse(JSON.stringify(range.getValues())) as unknown[][]),
    }));
    return {
      name,
      values,
      links,
      errors,
      lastRow: sheet.getLastRow(),
      lastColumn: columns,
      truncated: sheet.getLastRow() > rows,
      charts,
    };
  }

  /** The Outbox pages and the clock's two controls (plain form posts, answered with a redirect). */
  function outbox(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const mails = harness.mail.outbox;
    if (req.method === "GET" && url.pathname === "/outbox") {
      const notice = url.searchParams.get("ran");
      const ran = notice === null ? null : jobsNotice(locale, notice ? notice.split(",") : []);
      send(res, 200, outboxPage(locale, mails, harness.now(), ran), "text/html; charset=utf-8");
      return;
    }
    if (req.method === "POST" && (url.pathname === "/outbox/next-day" || url.pathname === "/outbox/run-jobs")) {
      // A day passing runs what fell due during it, as Apps Script's time-driven triggers would.
      if (url.pathname === "/outbox/next-day") harness.advanceClock(DAY_MS);
      const ran = harness.runDueTriggers();
      recalculate();
      res.writeHead(303, { Location: `/outbox?ran=${encodeURIComponent(ran.join(","))}`, "Cache-Control": "no-store" });
      res.end();
      return;
    }
    const m = /^\/outbox\/(\d+)(\/message)?$/.exec(url.pathname);
    const mail = m ? mails[Number(m[1])] : undefined;
    if (req.method !== "GET" || !m || !mail) {
      send(res, 404, "Not found", "text/plain; charset=utf-8");
      return;
    }
    if (m[2]) {
      res.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Content-Security-Policy": MESSAGE_CSP,
      });
      res.end(messageDocument(mail));
      return;
    }
    send(res, 200, emailPage(locale, mail, Number(m[1])), "text/html; charset=utf-8");
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${host}`);
    try {
      if (req.method === "GET" && url.pathname === "/") return send(res, 200, pageHtml, "text/html; charset=utf-8");
      if (req.method === "GET" && url.pathname === "/preview.js") {
        return send(res, 200, pageScript, "text/javascript; charset=utf-8");
      }
      if (req.method === "GET" && url.pathname === "/api/state") return json(res, 200, state());
      if (req.method === "GET" && url.pathname === "/api/sheet") {
        const view = sheetView(url.searchParams.get("name") ?? "");
        return view ? json(res, 200, view) : json(res, 404, { error: "no such sheet" });
      }
      if (req.method === "GET" && url.pathname === "/sidebar") {
        const sidebar = harness.ui.sidebars.at(-1);
        // A frame may still be loading the sidebar of a workbook just reset: an empty page, not a 404.
        if (!sidebar) return send(res, 200, "<!doctype html><title>No sidebar</title>", "text/html; charset=utf-8");
        const html = sidebar.getContent().replace(/<head>/i, (head) => `${head}\n${SCRIPT_RUN_SHIM}`);
        return send(res, 200, html, "text/html; charset=utf-8");
      }
      if (req.method === "POST" && url.pathname === "/api/select") {
        const body = await readJson(req);
        const sheet = harness.spreadsheet.getSheetByName(String(body.sheet));
        if (!sheet) return json(res, 404, { error: "no such sheet" });
        sheet.activate();
        if (typeof body.a1 === "string" && body.a1) sheet.setActiveSelection(body.a1);
        return json(res, 200, state());
      }
      if (req.method === "POST" && url.pathname === "/api/menu") {
        const body = await readJson(req);
        const before = harness.ui.sidebars.length;
        try {
          harness.clickMenu(String(body.caption));
        } catch (error) {
          return json(res, 200, { ...state(), error: (error as Error).message });
        }
        if (harness.ui.sidebars.length !== before) sidebarVersion++;
        recalculate();
        return json(res, 200, state());
      }
      if (req.method === "POST" && url.pathname === "/api/cell") {
        // A person typing into a cell (or clearing a range with Delete), then Sheets recalculating.
        const body = await readJson(req);
        const sheet = harness.spreadsheet.getSheetByName(String(body.sheet));
        if (!sheet) return json(res, 404, { error: "no such sheet" });
        let range: ReturnType<typeof sheet.getRange>;
        try {
          range = sheet.getRange(String(body.a1));
        } catch {
          return json(res, 400, { error: "not a range" });
        }
        const input = typeof body.input === "string" ? body.input : "";
        range.setValue(input === "" ? "" : typedInput(input, harness.spreadsheet.getSpreadsheetLocale()));
        recalculate();
        return json(res, 200, state());
      }
      if (req.method === "POST" && url.pathname === "/api/locale") {
        const body = await readJson(req);
        locale = body.locale === "ru" ? "ru" : "en";
        harness.setUserLocale(locale);
        harness.spreadsheet.setSpreadsheetLocale(locale === "ru" ? "ru_RU" : "en_US");
        harness.trigger("onOpen");
        recalculate();
        return json(res, 200, state());
      }
      if (req.method === "POST" && url.pathname === "/api/properties") {
        // Lets a person (and the browser tests) try the Segments limits on the small demo, e.g.
        // {"rapport.segments.workerThreshold": "500"}; only those keys, never the token.
        const body = await readJson(req);
        for (const [key, value] of Object.entries(body)) {
          if (/^rapport\.segments\.\w+$/.test(key) && typeof value === "string") {
            harness.documentProperties.setProperty(key, value);
          }
        }
        return json(res, 200, state());
      }
      // Every email the add-on "sent" (MailApp is faked: nothing leaves this machine).
      if (req.method === "GET" && url.pathname === "/api/outbox")
        return json(res, 200, { emails: harness.mail.outbox });
      if (url.pathname === "/outbox" || url.pathname.startsWith("/outbox/")) return outbox(req, res, url);
      if (req.method === "POST" && url.pathname === "/api/reset") {
        // Optionally in another language: the demo's sheets and headers are written in it.
        const body = await readJson(req);
        if (body.locale === "en" || body.locale === "ru") locale = body.locale;
        harness = fresh();
        calculator = new SheetCalculator(harness);
        return json(res, 200, state());
      }
      if (req.method === "POST" && url.pathname === "/rpc") {
        const body = await readJson(req);
        const args = Array.isArray(body.args) ? body.args : [];
        try {
          const before = harness.ui.sidebars.length;
          const value = harness.run(String(body.fn), ...args);
          if (harness.ui.sidebars.length !== before) sidebarVersion++;
          recalculate();
          return json(res, 200, { ok: true, value: value ?? null });
        } catch (error) {
          return json(res, 200, { ok: false, error: { message: (error as Error).message } });
        }
      }
      return send(res, 404, "Not found", "text/plain; charset=utf-8");
    } catch (error) {
      return json(res, 500, { error: (error as Error).message });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    server,
    harness: () => harness,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
