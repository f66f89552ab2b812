import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { zonedParts, zoneOffsetMinutes } from "./cellFormat";
import { CHART_TYPES } from "./charts";
import { DATA_VALIDATION_CRITERIA, FakeDataValidationBuilder } from "./dataValidation";
import { FakeMailApp, FakeScriptApp } from "./mailAndTriggers";
import { createRealm, type Realm } from "./realm";
import {
  createHtmlService,
  createUtilities,
  FakeCache,
  type FakeHtmlOutput,
  FakeLock,
  FakeProperties,
} from "./services";
import { type FakeRange, FakeSpreadsheet, type SpreadsheetInit } from "./spreadsheet";
import { checkAllowlistPrefix, createUrlFetchApp, type FetchLogEntry } from "./urlFetch";

const SEND_MAIL_SCOPE = "https://www.googleapis.com/auth/script.send_mail";
const SCRIPT_APP_SCOPE = "https://www.googleapis.com/auth/script.scriptapp";

export type { CellValue } from "./cellFormat";
export { FakeChart } from "./charts";
export { FakeRange, FakeSheet, FakeSpreadsheet } from "./spreadsheet";

export const DEFAULT_DIST_DIR = fileURLToPath(new URL("../dist", import.meta.url));

/**
 * What kind of execution is running, as Apps Script distinguishes them:
 * - "customFunction": a formula cell; may read but not write, no UI, no document/user properties.
 * - "simpleTrigger": onOpen in AuthMode.NONE; may build menus only.
 * - "full": a menu item or a google.script.run call from a sidebar.
 * - "timeTrigger": an installable time-driven trigger; full authorization but no UI.
 */
export type ExecutionMode = "customFunction" | "simpleTrigger" | "full" | "timeTrigger";

export interface HarnessOptions {
  /** Folder with the built Code.js, appsscript.json and sidebar .html files. */
  distDir?: string;
  spreadsheet?: SpreadsheetInit;
  /** Session.getActiveUserLocale(): "en", "ru", … */
  userLocale?: string;
  /** URL prefixes UrlFetchApp may call besides appsscript.json's urlFetchWhitelist (the local Worker). */
  allowUrlPrefixes?: string[];
  /** Clock for the cache, mail quota and triggers; advanceClock() moves it further. */
  now?: () => number;
  /** Session.getEffectiveUser().getEmail(): who sends MailApp's messages. */
  userEmail?: string;
  /** UrlFetchApp's deadline per call; Apps Script's 60 s unless a test of a frozen server shortens it. */
  urlFetchTimeoutMs?: number;
  /**
   * How date cells reach custom functions. "spreadsheetZone" (default): the instant of the cell's
   * midnight in the spreadsheet's zone, as getValues() returns it. "scriptZone": the same wall
   * clock in the script's zone (the manifest's), the case Google's custom-function guide says may
   * need compensating when the two zones differ. Formulas must answer the same in both.
   */
  dateArguments?: "spreadsheetZone" | "scriptZone";
  /** UrlFetchApp's calls a day (20,000, a consumer account's quota); tests of the quota pass fewer. */
  urlFetchCallsPerDay?: number;
  /** Where the add-on's console output goes; defaults to silence. */
  console?: Pick<Console, "log" | "info" | "warn" | "error">;
}

export interface MenuItem {
  caption: string;
  functionName: string | null;
}

export interface MenuRecord {
  title: string;
  items: MenuItem[];
}

/** What the add-on showed: menus, sidebars, dialogs, alerts. */
export interface UiRecord {
  menus: MenuRecord[];
  sidebars: FakeHtmlOutput[];
  dialogs: { output: FakeHtmlOutput; title: string }[];
  alerts: string[];
}

export interface Harness {
  readonly realm: Realm;
  readonly spreadsheet: FakeSpreadsheet;
  readonly documentProperties: FakeProperties;
  readonly userProperties: FakeProperties;
  readonly scriptProperties: FakeProperties;
  /** The user cache (the one the add-on uses); the document and script caches are separate. */
  readonly cache: FakeCache;
  readonly documentCache: FakeCache;
  readonly scriptCache: FakeCache;
  readonly lock: FakeLock;
  readonly ui: UiRecord;
  readonly fetchLog: FetchLogEntry[];
  /** Names of the top-level functions Code.js defines. */
  globalFunctions(): string[];
  /** Calls a custom function as a formula cell would: arguments as Sheets passes them. */
  callCustomFunction(name: string, ...args: unknown[]): unknown;
  /**
   * The same, from a given cell: while it runs, SpreadsheetApp.getActiveRange() is that cell, as
   * in Sheets, where a custom function's active range is the cell its formula is in.
   */
  callCustomFunctionAt(cell: FakeRange, name: string, ...args: unknown[]): unknown;
  /** Calls a server function as google.script.run does: JSON-safe arguments and result only. */
  run(name: string, ...args: unknown[]): unknown;
  /** Runs a simple trigger (onOpen, onInstall) in AuthMode.NONE. */
  trigger(name: "onOpen" | "onInstall", event?: Record<string, unknown>): void;
  /** Runs a menu item's function as a full execution. */
  clickMenu(caption: string): void;
  /** Changes what Session.getActiveUserLocale() answers ("en", "ru"). */
  setUserLocale(tag: string): void;
  /** MailApp: the messages sent, the daily quota, a simulated crash. */
  readonly mail: FakeMailApp;
  /** ScriptApp's installable triggers. */
  readonly scriptApp: FakeScriptApp;
  /** Moves the harness clock forward (the mail quota's day, triggers' times, the cache, the add-on's Date). */
  advanceClock(ms: number): void;
  /** The harness clock, in ms since the epoch. */
  now(): number;
  /** Runs the time-driven triggers whose time has come, as Apps Script would; returns their handlers. */
  runDueTriggers(): string[];
}

const CUSTOM_FUNCTION_LIMIT_MS = 30_000;
const EXECUTION_LIMIT_MS = 6 * 60_000;

export function createHarness(options: HarnessOptions = {}): Harness {
  const distDir = options.distDir ?? DEFAULT_DIST_DIR;
  const manifest = JSON.parse(readFileSync(path.join(distDir, "appsscript.json"), "utf8")) as {
    urlFetchWhitelist?: string[];
    oauthScopes?: string[];
    timeZone?: string;
  };
  const baseNow = options.now ?? Date.now;
  let clockOffset = 0;
  const now = () => baseNow() + clockOffset;
  const realm = createRealm({}, now);
  let mode: ExecutionMode = "full";
  /** The cell whose formula is running, during callCustomFunctionAt. */
  let callingCell: FakeRange | null = null;
  let userLocale = options.userLocale ?? "en";

  const deny = (what: string) => realm.error(`Exception: You do not have permission to call ${what}`);
  /** A service whose scope the manifest does not list fails as Apps Script's authorization does. */
  const requireScope = (what: string, scope: string) => {
    if (!(manifest.oauthScopes ?? []).includes(scope)) {
      throw realm.error(
        `Exception: Specified permissions are not sufficient to call ${what}. Required permissions: ${scope}`,
      );
    }
  };
  const userEmail = options.userEmail ?? "you@example.com";
  const guard = {
    realm,
    assertMayWrite(method: string) {
      if (mode !== "full" && mode !== "timeTrigger") throw deny(method);
    },
  };
  const spreadsheet = new FakeSpreadsheet(guard, options.spreadsheet);
  const documentProperties = new FakeProperties(realm);
  const userProperties = new FakeProperties(realm);
  const scriptProperties = new FakeProperties(realm);
  const cache = new FakeCache(realm, now);
  const documentCache = new FakeCache(realm, now);
  const scriptCache = new FakeCache(realm, now);
  const lock = new FakeLock(realm);
  const mail = new FakeMailApp(realm, now, () => userEmail);
  const scriptApp = new FakeScriptApp(realm, now, (method) => {
    if (mode !== "full" && mode !== "timeTrigger") throw deny(method);
    requireScope(method, SCRIPT_APP_SCOPE);
  });
  const ui: UiRecord = { menus: [], sidebars: [], dialogs: [], alerts: [] };
  const fetchLog: FetchLogEntry[] = [];
  // The manifest's entries are held to Apps Script's rules; the extra prefixes are the local Worker.
  for (const prefix of manifest.urlFetchWhitelist ?? []) checkAllowlistPrefix(prefix);
  /** A Date's wall clock in the spreadsheet's zone, as the same wall clock in the script's zone. */
  const inScriptZone = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(inScriptZone);
    if (!(value instanceof Date || Object.prototype.toString.call(value) === "[object Date]")) return value;
    const p = zonedParts((value as Date).getTime(), spreadsheet.getSpreadsheetTimeZone());
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return new Date(wall - zoneOffsetMinutes(wall, manifest.timeZone ?? "Etc/UTC") * 60_000);
  };
  const allowed = () => [...(manifest.urlFetchWhitelist ?? []), ...(options.allowUrlPrefixes ?? [])];

  const whenAllowed = <T>(what: string, allowedIn: ExecutionMode[], value: () => T) => {
    return () => {
      // A time-driven trigger has the authorization of a full execution (only the UI is missing).
      if (!allowedIn.includes(mode === "timeTrigger" ? "full" : mode)) throw deny(what);
      return value();
    };
  };

  function menuBuilder(title: string): unknown {
    const record: MenuRecord = { title, items: [] };
    const menu = {
      addItem(caption: string, functionName: string) {
        record.items.push({ caption, functionName });
        return menu;
      },
      addSeparator() {
        record.items.push({ caption: "—", functionName: null });
        return menu;
      },
      addSubMenu(sub: { __record?: MenuRecord }) {
        for (const item of sub.__record?.items ?? []) record.items.push(item);
        return menu;
      },
      addToUi() {
        ui.menus = ui.menus.filter((m) => m.title !== record.title);
        ui.menus.push(record);
      },
      __record: record,
    };
    return menu;
  }

  const Ui = {
    ButtonSet: { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO", YES_NO_CANCEL: "YES_NO_CANCEL" },
    Button: { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" },
    createAddonMenu: () => menuBuilder("Rapport"),
    createMenu: (title: string) => menuBuilder(title),
    showSidebar(output: FakeHtmlOutput) {
      guard.assertMayWrite("showSidebar");
      ui.sidebars.push(output);
    },
    showModalDialog(output: FakeHtmlOutput, title: string) {
      guard.assertMayWrite("showModalDialog");
      ui.dialogs.push({ output, title });
    },
    showModelessDialog(output: FakeHtmlOutput, title: string) {
      guard.assertMayWrite("showModelessDialog");
      ui.dialogs.push({ output, title });
    },
    alert(...args: unknown[]) {
      guard.assertMayWrite("alert");
      ui.alerts.push(args.filter((a) => typeof a === "string").join("\n"));
      return "OK";
    },
  };

  const SpreadsheetApp = {
    getActiveSpreadsheet: whenAllowed(
      "SpreadsheetApp.getActiveSpreadsheet",
      ["full", "customFunction"],
      () => spreadsheet,
    ),
    getActive: whenAllowed("SpreadsheetApp.getActive", ["full", "customFunction"], () => spreadsheet),
    getActiveSheet: whenAllowed("SpreadsheetApp.getActiveSheet", ["full", "customFunction"], () =>
      mode === "customFunction" && callingCell ? callingCell.getSheet() : spreadsheet.getActiveSheet(),
    ),
    getActiveRange: whenAllowed("SpreadsheetApp.getActiveRange", ["full", "customFunction"], () =>
      mode === "customFunction" && callingCell ? callingCell : spreadsheet.getActiveRange(),
    ),
    getCurrentCell: whenAllowed("SpreadsheetApp.getCurrentCell", ["full"], () => spreadsheet.getCurrentCell()),
    getSelection: whenAllowed("SpreadsheetApp.getSelection", ["full"], () => spreadsheet.getSelection()),
    getUi: () => {
      if (mode === "customFunction") throw deny("SpreadsheetApp.getUi");
      if (mode === "timeTrigger") throw realm.error("Exception: Cannot call SpreadsheetApp.getUi() from this context.");
      return Ui;
    },
    flush: () => {},
    newDataValidation: () => new FakeDataValidationBuilder(realm),
    DataValidationCriteria: DATA_VALIDATION_CRITERIA,
  };

  const properties = (store: FakeProperties, name: string) =>
    whenAllowed(`PropertiesService.${name}`, ["full", "customFunction"], () => store);

  const globals: Record<string, unknown> = {
    SpreadsheetApp,
    PropertiesService: {
      getDocumentProperties: properties(documentProperties, "getDocumentProperties"),
      getUserProperties: properties(userProperties, "getUserProperties"),
      getScriptProperties: properties(scriptProperties, "getScriptProperties"),
    },
    CacheService: {
      getDocumentCache: () => documentCache,
      getUserCache: () => cache,
      getScriptCache: () => scriptCache,
    },
    LockService: {
      getDocumentLock: () => lock,
      getScriptLock: () => lock,
      getUserLock: () => lock,
    },
    HtmlService: createHtmlService(distDir, realm),
    Session: {
      getActiveUserLocale: () => userLocale,
      // The script's zone is the manifest's, whatever the spreadsheet's
      // (https://developers.google.com/apps-script/reference/base/session#getScriptTimeZone()).
      getScriptTimeZone: () => manifest.timeZone ?? "Etc/UTC",
      getActiveUser: () => ({ getEmail: () => "" }),
      // The user the script runs as: in a trigger, the person who created it.
      getEffectiveUser: () => ({ getEmail: () => (mode === "full" || mode === "timeTrigger" ? userEmail : "") }),
      getTemporaryActiveUserKey: () => "harness-user-key",
    },
    Utilities: createUtilities(realm),
    UrlFetchApp: (() => {
      const app = createUrlFetchApp(realm, allowed, fetchLog, {
        timeoutMs: options.urlFetchTimeoutMs,
        callsPerDay: options.urlFetchCallsPerDay,
        now,
      });
      return {
        fetch: (url: string, params?: object) => {
          if (mode === "simpleTrigger") throw deny("UrlFetchApp.fetch");
          return app.fetch(url, params);
        },
        fetchAll: (requests: Array<{ url: string }>) => {
          if (mode === "simpleTrigger") throw deny("UrlFetchApp.fetchAll");
          return app.fetchAll(requests);
        },
      };
    })(),
    Charts: {
      ChartType: CHART_TYPES,
      Position: { TOP: "TOP", BOTTOM: "BOTTOM", RIGHT: "RIGHT", NONE: "NONE" },
    },
    MailApp: {
      getRemainingDailyQuota: () => {
        if (mode !== "full" && mode !== "timeTrigger") throw deny("MailApp.getRemainingDailyQuota");
        requireScope("MailApp.getRemainingDailyQuota", SEND_MAIL_SCOPE);
        return mail.getRemainingDailyQuota();
      },
      sendEmail: (...args: unknown[]) => {
        if (mode !== "full" && mode !== "timeTrigger") throw deny("MailApp.sendEmail");
        requireScope("MailApp.sendEmail", SEND_MAIL_SCOPE);
        mail.sendEmail(...args);
      },
    },
    ScriptApp: scriptApp,
    console: options.console ?? { log() {}, info() {}, warn() {}, error() {} },
    Logger: { log: (...args: unknown[]) => (options.console ?? { log() {} }).log(...args) },
  };

  for (const [name, value] of Object.entries(globals)) realm.context[name] = value;
  realm.run(readFileSync(path.join(distDir, "Code.js"), "utf8"), "Code.js");

  function globalFunction(name: string): (...args: unknown[]) => unknown {
    const fn = realm.context[name];
    if (typeof fn !== "function") throw new Error(`Code.js defines no top-level function ${name}()`);
    return fn as (...args: unknown[]) => unknown;
  }

  function execute<T>(as: ExecutionMode, limitMs: number, name: string, body: () => T): T {
    const previous = mode;
    mode = as;
    const started = performance.now();
    let result: T;
    try {
      result = body();
    } finally {
      mode = previous;
    }
    const elapsed = performance.now() - started;
    if (elapsed > limitMs)
      throw new Error(`${name} ran ${Math.round(elapsed)} ms, over Apps Script's ${limitMs} ms limit`);
    return result;
  }

  const harness: Harness = {
    realm,
    spreadsheet,
    documentProperties,
    userProperties,
    scriptProperties,
    cache,
    documentCache,
    scriptCache,
    lock,
    ui,
    fetchLog,
    globalFunctions: () =>
      Object.keys(realm.context).filter((k) => typeof realm.context[k] === "function" && !(k in globals)),
    callCustomFunction(name, ...args) {
      const fn = globalFunction(name);
      const delivered = options.dateArguments === "scriptZone" ? args.map(inScriptZone) : args;
      return execute("customFunction", CUSTOM_FUNCTION_LIMIT_MS, name, () =>
        realm.export(fn(...delivered.map((a) => realm.import(a)))),
      );
    },
    callCustomFunctionAt(cell, name, ...args) {
      const previous = callingCell;
      callingCell = cell;
      try {
        return harness.callCustomFunction(name, ...args);
      } finally {
        callingCell = previous;
      }
    },
    run(name, ...args) {
      for (const [i, a] of args.entries()) assertJsonSafe(a, `${name}() argument ${i + 1}`);
      if (name.endsWith("_")) throw new Error(`${name} is private: google.script.run cannot call names ending in _`);
      const fn = globalFunction(name);
      const result = execute("full", EXECUTION_LIMIT_MS, name, () =>
        realm.export(fn(...args.map((a) => realm.import(a)))),
      );
      assertJsonSafe(result, `${name}() result`);
      return result;
    },
    trigger(name, event = {}) {
      const fn = globalFunction(name);
      execute("simpleTrigger", 30_000, name, () => fn(realm.import({ authMode: "NONE", ...event })));
    },
    setUserLocale(tag) {
      userLocale = tag;
    },
    mail,
    scriptApp,
    advanceClock(ms) {
      clockOffset += ms;
    },
    now,
    runDueTriggers() {
      const ran: string[] = [];
      for (const trigger of scriptApp.takeDue()) {
        if (!scriptApp.mayRun()) break;
        const fn = globalFunction(trigger.handler);
        const started = performance.now();
        try {
          execute("timeTrigger", EXECUTION_LIMIT_MS, trigger.handler, () =>
            fn(realm.import({ authMode: "FULL", triggerUid: trigger.id })),
          );
        } finally {
          scriptApp.recordRuntime(performance.now() - started);
        }
        ran.push(trigger.handler);
      }
      return ran;
    },
    clickMenu(caption) {
      const item = ui.menus.flatMap((m) => m.items).find((i) => i.caption === caption);
      if (!item?.functionName) throw new Error(`No menu item "${caption}"`);
      const fn = globalFunction(item.functionName);
      execute("full", EXECUTION_LIMIT_MS, item.functionName, () => fn());
    },
  };
  return harness;
}

/**
 * google.script.run passes only primitives, plain objects and arrays: a Date, a function or a
 * class instance makes the call fail in Apps Script, so the harness fails it too.
 */
export function assertJsonSafe(value: unknown, where: string, seen = new Set<unknown>()): void {
  if (value === null || value === undefined) return;
  const type = typeof value;
  if (type === "string" || type === "boolean") return;
  if (type === "number") {
    if (!Number.isFinite(value)) throw new Error(`${where}: ${value} cannot cross google.script.run (not JSON)`);
    return;
  }
  if (type !== "object") throw new Error(`${where}: a ${type} cannot cross google.script.run`);
  if (seen.has(value)) throw new Error(`${where}: a circular structure cannot cross google.script.run`);
  seen.add(value);
  const tag = Object.prototype.toString.call(value);
  if (tag === "[object Date]") throw new Error(`${where}: a Date cannot cross google.script.run; send an ISO string`);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) assertJsonSafe(v, `${where}[${i}]`, seen);
  } else if (tag === "[object Object]") {
    for (const [k, v] of Object.entries(value as object)) assertJsonSafe(v, `${where}.${k}`, seen);
  } else {
    throw new Error(`${where}: ${tag} cannot cross google.script.run`);
  }
  seen.delete(value);
}
