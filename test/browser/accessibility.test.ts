import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { DEMO_SHEET_NAMES } from "../../addon/preview/demoWorkbook";
import type { MessageKey } from "../../shared/i18n/messages.en";
import { t } from "../../shared/i18n/translate";
import { surveyForm } from "../fixtures/surveyForm";
import { previewPages } from "./browser";

/**
 * axe-core (WCAG 2.1 A and AA, and axe's best practices) on every page a person sees, in English
 * and in Russian: the preview, each sidebar, the respondent pages, the unsubscribe page and the
 * Outbox. Zero violations; a failure lists each rule with the elements it found.
 */

const axeSource: string = createRequire(import.meta.url)("axe-core").source;
const pages = previewPages();

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The violations axe finds in a frame or page, as "rule: help — selector" lines. */
async function violations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(axeSource);
  const found = (await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown }> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations;
  })) as AxeViolation[];
  return found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(" ")}`));
}

async function sidebarFrame(p: Page): Promise<Frame> {
  const handle = await p.locator("#sidebar-frame").elementHandle();
  return (await handle?.contentFrame()) as Frame;
}

/** A test email of the survey (the Outbox then holds one). */
function testSend(surveyId: string) {
  return {
    surveyId,
    templates: { en: { subject: "A question", body: "Hello, one tap below." } },
    segment: null,
    languageColumn: null,
  };
}

async function rpc(page: Page, fn: string, ...args: unknown[]): Promise<unknown> {
  const response = await page.request.post(`${inject("previewUrl")}/rpc`, { data: { fn, args } });
  const body = (await response.json()) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${fn}: ${body.error?.message}`);
  return body.value;
}

/**
 * Each sidebar, from the menu, with the element that says it has loaded, and what to open in it
 * (folded parts are not checked while closed).
 */
const SIDEBARS: readonly [MessageKey, string, ((frame: Frame) => Promise<void>)?][] = [
  [
    "ui.menu.dashboard",
    "[data-testid=nps-card] [data-testid=value]",
    async (frame) => {
      for (const summary of await frame.locator("details > summary").all()) await summary.click();
    },
  ],
  [
    "ui.menu.surveys",
    ".survey",
    async (frame) => {
      await frame.locator("#new-survey > summary").click();
    },
  ],
  ["ui.menu.send", "#send-form:not([hidden])"],
  ["ui.menu.segments", "#transactions-sheet"],
  ["ui.menu.clientCard", "#client-name:not(:empty)"],
  ["ui.menu.nps", "#calculate"],
  ["ui.menu.settings", "#worker-url"],
  ["ui.menu.help", "#version"],
];

for (const lang of ["en", "ru"] as const) {
  describe(`accessibility (${lang})`, () => {
    it("finds nothing to fix in the preview and every sidebar", async () => {
      const { page: p } = await pages.open(lang, { width: 1280, height: 1000 });
      const found: string[] = [];
      found.push(...(await violations(p)).map((v) => `preview · ${v}`));
      await rpc(p, "enrollSpreadsheet", inject("enrollmentKey"));
      await rpc(p, "createSurvey", surveyForm({ title: "Pulse", anonymous: true }));
      // A client's row selected: the client card shows a client, with its suggested next step.
      await p.locator("#namebox").fill(`${DEMO_SHEET_NAMES[lang].clients}!A2`);
      await p.locator("#namebox").press("Enter");
      for (const [key, ready, open] of SIDEBARS) {
        const before = await p.locator("#sidebar-frame").getAttribute("src");
        await p.locator("#menu-button").click();
        await p.getByRole("menuitem", { name: t(lang, key) }).click();
        // The frame has loaded this sidebar (a new version of /sidebar), not the one before.
        await expect.poll(() => p.locator("#sidebar-frame").getAttribute("src")).not.toBe(before);
        const frame = await sidebarFrame(p);
        await frame.waitForLoadState();
        await frame.locator(ready).first().waitFor();
        await expect
          .poll(() =>
            frame
              .locator("#status")
              .first()
              .textContent()
              .catch(() => ""),
          )
          .toBe("");
        if (open) await open(frame);
        found.push(...(await violations(frame)).map((v) => `${t(lang, key)} · ${v}`));
      }
      expect(found).toEqual([]);
    });

    it("finds nothing to fix on the respondent's pages", async () => {
      const { page: p } = await pages.open(lang);
      await rpc(p, "enrollSpreadsheet", inject("enrollmentKey"));
      // In both languages, with a follow-up question: every page a respondent may see.
      const created = (await rpc(
        p,
        "createSurvey",
        surveyForm({
          title: "Pulse",
          anonymous: true,
          languages: ["en", "ru"],
          question: { en: "How likely are you to recommend us?", ru: "Порекомендуете ли вы нас?" },
          followUp: { en: "Why?", ru: "Почему?" },
        }),
      )) as { survey: { id: string; url: string; previewUrl: string } };
      const phone = await pages.newContext({ viewport: { width: 390, height: 844 }, locale: lang });
      const page = await phone.newPage();
      pages.closeAfterTest(page);
      const found: string[] = [];
      for (const url of [`${created.survey.url}?lang=${lang}`, `${created.survey.previewUrl}&lang=${lang}`]) {
        await page.goto(url);
        found.push(...(await violations(page)).map((v) => `${new URL(url).pathname} · ${v}`));
      }
      await page.goto(`${created.survey.url}?lang=${lang}`);
      await page.getByRole("radio", { name: "9", exact: true }).check();
      await page.getByRole("button").first().click();
      await page.locator("textarea").waitFor();
      found.push(...(await violations(page)).map((v) => `follow-up · ${v}`));
      await page.getByRole("button").last().click();
      await page.waitForURL(/\/thanks/);
      found.push(...(await violations(page)).map((v) => `thanks · ${v}`));
      // The Outbox, an email in it, and the unsubscribe page its link opens.
      await rpc(p, "sendTestToMe", testSend(created.survey.id), null);
      await page.goto(`${inject("previewUrl")}/outbox?lang=${lang}`);
      found.push(...(await violations(page)).map((v) => `outbox · ${v}`));
      await page.goto(`${inject("previewUrl")}/outbox/0`);
      found.push(...(await violations(page)).map((v) => `email · ${v}`));
      const unsubscribe = await page.frameLocator("iframe").first().locator("a[href*='/u/']").getAttribute("href");
      expect(unsubscribe).toMatch(/\/u\//);
      await page.goto(unsubscribe as string);
      await page.getByRole("button").first().waitFor();
      found.push(...(await violations(page)).map((v) => `unsubscribe · ${v}`));
      expect(found).toEqual([]);
    });
  });
}
