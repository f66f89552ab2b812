/**
 * Builds the add-on into addon/dist/ for `clasp push`:
 *   Code.js         hand-written stubs (verbatim, with their JSDoc) + the bundle as `var Rapport`
 *   appsscript.json V8, narrow scopes, urlFetchWhitelist for the Worker
 *   <sidebar>.html  one self-contained page per sidebar (styles and script inlined)
 *
 * Run: `npm run build` (RAPPORT_WORKER_URL=https://… sets the Worker allowed by the manifest).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { build, type Plugin } from "esbuild";
import { en, type MessageKey } from "../../shared/i18n/messages.en";
import { ru } from "../../shared/i18n/messages.ru";
import { PLACEHOLDER_WORKER_URL } from "./pushCheck";
import { messageScripts, messagesUsedBy } from "./sidebarMessages";

const addonDir = fileURLToPath(new URL("..", import.meta.url));
const distDir = path.join(addonDir, "dist");
const stubsDir = path.join(addonDir, "stubs");
const sidebarsDir = path.join(addonDir, "sidebars");

/** Apps Script's V8 runs ES2019 syntax reliably; newer syntax is lowered by esbuild. */
const APPS_SCRIPT_TARGET = "es2019";

export const OAUTH_SCOPES = [
  // Read and write only the spreadsheet the add-on runs in.
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  // Menus and sidebars.
  "https://www.googleapis.com/auth/script.container.ui",
  // Calls to the Rapport Worker.
  "https://www.googleapis.com/auth/script.external_request",
  // Survey invitations sent from the spreadsheet (MailApp), as the person who sends them.
  "https://www.googleapis.com/auth/script.send_mail",
  // Time-driven triggers for scheduled reminders, recurring asks and sync (this spreadsheet's own).
  "https://www.googleapis.com/auth/script.scriptapp",
];

function workerUrl(): string {
  // Unset: the placeholder, so that tests and the preview build; addon:push refuses to push it.
  const url = process.env.RAPPORT_WORKER_URL?.trim() || PLACEHOLDER_WORKER_URL;
  const withSlash = url.endsWith("/") ? url : `${url}/`;
  if (!/^https:\/\/[^/]+\//.test(withSlash)) {
    throw new Error(`RAPPORT_WORKER_URL must be an https URL (Apps Script allows only https): got ${url}`);
  }
  return withSlash;
}

const rootDir = path.join(addonDir, "..");
const CATALOG_FILES = new Map([
  [path.join(rootDir, "shared", "i18n", "messages.en.ts"), "en"],
  [path.join(rootDir, "shared", "i18n", "messages.ru.ts"), "ru"],
]);

/**
 * An esbuild plugin that replaces the message catalogs by the texts `keys` names. With an empty
 * list the code is bundled without texts, which is how the build finds the keys the code uses.
 */
function catalogsOf(keys: readonly MessageKey[]): Plugin {
  return {
    name: "rapport-catalogs",
    setup(b) {
      b.onLoad({ filter: /messages\.(en|ru)\.ts$/ }, (args) => {
        const lang = CATALOG_FILES.get(args.path);
        if (!lang) return undefined;
        const catalog = lang === "en" ? en : ru;
        const texts = Object.fromEntries(keys.map((k) => [k, catalog[k]]));
        return { contents: `export const ${lang} = ${JSON.stringify(texts)};`, loader: "js" };
      });
    },
  };
}

/** The message keys a bundle's code uses (bundled without any texts, so only real uses count). */
async function keysUsedBy(entry: string, platform: "neutral" | "browser"): Promise<MessageKey[]> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform,
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    minify: true,
    logLevel: "silent",
    define: { __RAPPORT_DEFAULT_WORKER_URL__: '""' },
    plugins: [catalogsOf([])],
  });
  return messagesUsedBy(result.outputFiles.map((f) => f.text).join("\n"));
}

/**
 * The texts Code.js carries: those its own code uses, and those the Worker's code uses, since the
 * Worker sends message keys with its data errors (a bad line of a CSV) for Code.js to translate.
 * Sidebar labels stay in the sidebars (sidebarMessages.ts): every formula cell loads Code.js.
 */
async function serverMessageKeys(): Promise<MessageKey[]> {
  const [addon, worker] = await Promise.all([
    keysUsedBy(path.join(addonDir, "src", "main.ts"), "neutral"),
    keysUsedBy(path.join(rootDir, "worker", "src", "index.ts"), "browser"),
  ]);
  return [...new Set([...addon, ...worker])];
}

async function bundleServer(url: string): Promise<string> {
  const keys = await serverMessageKeys();
  const result = await build({
    plugins: [catalogsOf(keys)],
    entryPoints: [path.join(addonDir, "src", "main.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "Rapport",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: APPS_SCRIPT_TARGET,
    charset: "utf8",
    legalComments: "none",
    // Apps Script parses all of Code.js on every execution, each formula cell included: keep it
    // small. The stubs Sheets reads for autocomplete are not part of the bundle and stay verbatim.
    minify: true,
    keepNames: false,
    define: { __RAPPORT_DEFAULT_WORKER_URL__: JSON.stringify(url) },
    logLevel: "warning",
  });
  return withLocalGlobals((result.outputFiles[0] as { text: string }).text);
}

/**
 * Built-ins the bundle reads often. They are passed into the bundle's function as parameters, so
 * each use is a local read instead of a global lookup. Harmless in Apps Script; in the harness's
 * node:vm context a global lookup goes through the context's interceptors and costs ~40× more,
 * which would make the harness's timings (and its 30 s / 6 min checks) far from Apps Script's.
 */
const LOCAL_GLOBALS = [
  "Math",
  "Object",
  "Array",
  "Number",
  "String",
  "Boolean",
  "JSON",
  "Date",
  "Error",
  "TypeError",
  "RangeError",
  "Map",
  "Set",
  "WeakMap",
  "Symbol",
  "RegExp",
  "Reflect",
  "Promise",
  "Intl",
  "Float64Array",
  "Float32Array",
  "Int32Array",
  "Uint32Array",
  "Int16Array",
  "Uint16Array",
  "Int8Array",
  "Uint8Array",
  "isNaN",
  "isFinite",
  "parseFloat",
  "parseInt",
];

function withLocalGlobals(bundle: string): string {
  const head = "var Rapport=(()=>{";
  const tail = /\}\)\(\);\s*$/;
  const start = bundle.indexOf(head);
  if (start < 0 || !tail.test(bundle)) throw new Error("unexpected bundle shape: cannot pass built-ins into it");
  const names = LOCAL_GLOBALS.join(",");
  return `${bundle.slice(0, start)}var Rapport=((${names})=>{${bundle.slice(start + head.length).replace(tail, `})(${names});\n`)}`;
}

async function bundleSidebarScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: APPS_SCRIPT_TARGET,
    minify: true,
    charset: "utf8",
    legalComments: "none",
    logLevel: "warning",
  });
  // A literal "</script" inside the inlined code would end the <script> element early.
  return (result.outputFiles[0] as { text: string }).text.replace(/<\/(script)/gi, "<\\/$1");
}

/**
 * A sidebar's page: its index.html (the <title> and stylesheet links first, then the body) put
 * into the page every sidebar shares, common/page.html.
 */
function sidebarPage(dir: string): string {
  const own = readFileSync(path.join(dir, "index.html"), "utf8");
  const bodyStart = own.search(/<(?!title\b|\/title\b|link\b)[a-z]/i);
  if (bodyStart < 0) throw new Error(`${dir}/index.html has no body`);
  const indent = (text: string, spaces: number) =>
    text
      .trim()
      .split("\n")
      .map((line, i) => (i === 0 || line === "" ? line : " ".repeat(spaces) + line))
      .join("\n");
  const page = readFileSync(path.join(sidebarsDir, "common", "page.html"), "utf8").replace(
    /<!--(?! rapport:)[\s\S]*?-->\n/g,
    "",
  );
  return page
    .replace("<!-- rapport:head -->", () => indent(own.slice(0, bodyStart), 4))
    .replace("<!-- rapport:body -->", () => indent(own.slice(bodyStart), 4));
}

async function buildSidebar(name: string): Promise<string> {
  const dir = path.join(sidebarsDir, name);
  let html = sidebarPage(dir);
  html = html.replace(/<link rel="stylesheet" href="([^"]+)"\s*\/?>/g, (_tag, href: string) => {
    const css = readFileSync(path.join(dir, href), "utf8");
    return `<style>\n${css}</style>`;
  });
  const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)];
  const bundles: string[] = [];
  for (const match of scripts) {
    const code = await bundleSidebarScript(path.join(dir, match[1] as string));
    bundles.push(code);
    html = html.replace(match[0], () => `<script>\n${code}</script>`);
  }
  // The sidebar's own texts go before its script, which reads them when it starts.
  const messages = messageScripts(messagesUsedBy([html, ...bundles].join("\n")));
  html = html.replace("<script>\n", () => `${messages}\n<script>\n`);
  if (/<(?:link|script)[^>]+(?:href|src)="\.{0,2}\//.test(html)) {
    throw new Error(`sidebar ${name}: a local asset was not inlined; HtmlService serves no separate files`);
  }
  return html;
}

/** Names the stubs delegate to (`Rapport.NAME(`). */
function delegatedNames(stubs: string): Set<string> {
  return new Set([...stubs.matchAll(/\bRapport\.([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1] as string));
}

/** Loads Code.js in a bare context, as Apps Script does on every execution, and checks the wiring. */
function verify(code: string, stubs: string): string[] {
  if (/^\s*(?:import|export)\s/m.test(code) || /\brequire\s*\(/.test(code)) {
    throw new Error("Code.js must not contain import, export or require: Apps Script has no modules");
  }
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: "Code.js" });
  const exported = Object.keys(context.Rapport ?? {});
  const delegated = delegatedNames(stubs);
  const missing = [...delegated].filter((n) => typeof context.Rapport?.[n] !== "function");
  const unstubbed = exported.filter((n) => !delegated.has(n));
  if (missing.length)
    throw new Error(`stubs call Rapport.${missing.join(", Rapport.")} which the bundle does not export`);
  if (unstubbed.length) throw new Error(`exports without a stub in addon/stubs: ${unstubbed.join(", ")}`);
  return Object.keys(context).filter((k) => typeof context[k] === "function");
}

export async function buildAddon(): Promise<{ distDir: string; globals: string[] }> {
  const url = workerUrl();
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });

  const stubFiles = readdirSync(stubsDir)
    .filter((f) => f.endsWith(".js"))
    .sort();
  const stubs = stubFiles
    .map((f) => `// ---- addon/stubs/${f} ----\n${readFileSync(path.join(stubsDir, f), "utf8")}`)
    .join("\n");
  const bundle = await bundleServer(url);
  const code = [
    "// Rapport add-on. Built by `npm run build` from addon/stubs (verbatim) and addon/src (bundled).",
    "// Do not edit: changes are overwritten by the next build.",
    "",
    stubs,
    "// ---- bundle of addon/src/main.ts ----",
    bundle,
  ].join("\n");
  const globals = verify(code, stubs);
  writeFileSync(path.join(distDir, "Code.js"), code);

  const manifest = {
    timeZone: "Etc/UTC",
    runtimeVersion: "V8",
    exceptionLogging: "STACKDRIVER",
    oauthScopes: OAUTH_SCOPES,
    urlFetchWhitelist: [url],
  };
  writeFileSync(path.join(distDir, "appsscript.json"), `${JSON.stringify(manifest, null, 2)}\n`);

  const sidebars = readdirSync(sidebarsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== "common")
    .map((d) => d.name);
  for (const name of sidebars) writeFileSync(path.join(distDir, `${name}.html`), await buildSidebar(name));
  return { distDir, globals };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = performance.now();
  buildAddon().then(
    ({ globals }) =>
      console.log(
        `addon/dist built in ${Math.round(performance.now() - started)} ms: Code.js (${globals.length} global functions), appsscript.json, sidebars`,
      ),
    (error: Error) => {
      console.error(`build failed: ${error.message}`);
      process.exit(1);
    },
  );
}
