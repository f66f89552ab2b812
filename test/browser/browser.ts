import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject, type TestContext } from "vitest";

export const SCREENSHOT_DIR = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with no background network (the machine has none). playwright's
 * launch() gives every browser a fresh temporary profile (it refuses --user-data-dir).
 */
export async function launchBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** Keeps a screenshot under test-results/screenshots (every page a person sees is looked at). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** On failure, saves what the page looked like, named after the test. */
export async function screenshotOnFailure(page: Page | undefined, context: TestContext): Promise<void> {
  if (!page || context.task.result?.state !== "fail") return;
  const name = `FAILED-${context.task.name.replace(/[^\w-]+/g, "_").slice(0, 80)}`;
  await screenshot(page, name).catch(() => {});
}

/** Fails the test on any uncaught error or console error in the page or its frames. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

/**
 * Loads the preview on a freshly reset demo workbook in `locale`. The reset and the language go
 * through the preview server's API before the page loads, so no click races a page still rendering.
 */
export async function openFreshPreview(page: Page, url: string, locale: "en" | "ru"): Promise<void> {
  await page.request.post(`${url}/api/reset`, { data: { locale } });
  await page.request.post(`${url}/api/locale`, { data: { locale } });
  await page.goto(url);
  await page.locator("#grid td").first().waitFor();
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

export interface PreviewPages {
  /** The file's Chromium, for pages of other shapes (a phone's context). */
  readonly browser: Browser;
  /** A fresh preview in `locale`; the page closes after the test. */
  open(locale: "en" | "ru", viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }>;
  /** A browser context of its own shape (a phone, clipboard permissions), closed after the test. */
  newContext(options: BrowserContextOptions): Promise<BrowserContext>;
  /** Closes `page` after the test too (a page opened by other means); it is the one kept on failure. */
  closeAfterTest(page: Page): void;
}

/**
 * The set-up every browser test file shares: Chromium starts once for the file; the pages a test
 * opened close after it, and when it failed the last one is kept as a screenshot.
 */
export function previewPages(): PreviewPages {
  let session: BrowserSession | undefined;
  let pages: Page[] = [];
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    session = await launchBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });
  afterEach(async (context) => {
    await screenshotOnFailure(pages[pages.length - 1], context);
    for (const page of pages) await page.close().catch(() => {});
    for (const context of contexts) await context.close().catch(() => {});
    pages = [];
    contexts = [];
  });
  const self: PreviewPages = {
    get browser(): Browser {
      if (!session) throw new Error("the browser starts in beforeAll: open pages inside a test");
      return session.browser;
    },
    async open(locale, viewport = { width: 1280, height: 800 }) {
      const page = await self.browser.newPage({ viewport });
      pages.push(page);
      const errors = collectPageErrors(page);
      await openFreshPreview(page, inject("previewUrl"), locale);
      return { page, errors };
    },
    async newContext(options) {
      const context = await self.browser.newContext(options);
      contexts.push(context);
      return context;
    },
    closeAfterTest(page) {
      pages.push(page);
    },
  };
  return self;
}
