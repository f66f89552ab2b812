import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  type CreateSurveyRequest,
  LinksResponse,
  ResponsesPage,
  Survey,
  type SurveyResponse,
} from "../../shared/api/surveys";
import { collectPageErrors, previewPages, screenshot } from "./browser";

/**
 * Respondents answering on a phone: the survey pages of the local Worker in Chromium at 360 px,
 * by touch and by keyboard, in English and Russian. A screenshot of every page is kept.
 */

const PHONE = { width: 360, height: 740 };

const NPS: CreateSurveyRequest = {
  type: "nps",
  title: "Northwind Coffee",
  question: {
    en: "How likely are you to recommend Northwind Coffee to a friend or colleague?",
    ru: "Насколько вероятно, что вы порекомендуете Northwind Coffee другу или коллеге?",
  },
  followUp: {
    en: "What is the main reason for your score?",
    ru: "Почему вы поставили такую оценку?",
  },
  anonymous: true,
};

const CSI: CreateSurveyRequest = {
  type: "csi",
  title: "Northwind Coffee",
  question: { en: "How satisfied are you with…", ru: "Насколько вы довольны…" },
  factors: [
    { id: "taste", label: { en: "the taste of our coffee", ru: "вкусом нашего кофе" }, weight: 5 },
    { id: "delivery", label: { en: "delivery speed", ru: "скоростью доставки" }, weight: 3 },
    { id: "support", label: { en: "our support team", ru: "нашей поддержкой" }, weight: 2 },
  ],
  followUp: { en: "Anything we could do better?", ru: "Что нам стоит улучшить?" },
  anonymous: true,
};

const pages = previewPages();
let errors: string[] = [];
let token: string;
const workerUrl = () => inject("workerUrl");

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${workerUrl()}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const createSurvey = async (body: CreateSurveyRequest) => Survey.parse(await api("POST", "/surveys", body));
const responsesOf = async (surveyId: string): Promise<SurveyResponse[]> =>
  ResponsesPage.parse(await api("GET", `/surveys/${surveyId}/responses`)).responses;

beforeAll(async () => {
  const enrolled = await fetch(`${workerUrl()}/api/v1/workspaces`, {
    method: "POST",
    headers: { Authorization: `Bearer ${inject("enrollmentKey")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Browser tests" }),
  });
  token = ((await enrolled.json()) as { token: string }).token;
});

/** A phone: 360 px wide, touch, the browser language of `locale`. */
async function phone(locale: "en-US" | "ru-RU"): Promise<Page> {
  const context = await pages.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
  });
  const page = await context.newPage();
  pages.closeAfterTest(page);
  errors = collectPageErrors(page);
  return page;
}

/** The page fits the phone's width: nothing to scroll sideways. */
async function expectFitsPhone(p: Page) {
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

/** Every radio choice is a target at least 44 × 44 px. */
async function expectTappable(p: Page) {
  const boxes = await p.locator(".option label").evaluateAll((labels) =>
    labels.map((label) => {
      const r = label.getBoundingClientRect();
      return { w: r.width, h: r.height };
    }),
  );
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) {
    expect(box.w).toBeGreaterThanOrEqual(44);
    expect(box.h).toBeGreaterThanOrEqual(44);
  }
}

/** WCAG contrast of the text of each selector against its (nearest opaque) background: at least 4.5. */
async function expectContrast(p: Page, selectors: string[]) {
  for (const selector of selectors) {
    const ratio = await p
      .locator(selector)
      .first()
      .evaluate((element) => {
        const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r, g, b]: number[]) => {
          const channel = (c: number) => {
            const s = c / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
        };
        let node: Element | null = element;
        let background = [255, 255, 255];
        while (node) {
          const color = rgb(getComputedStyle(node).backgroundColor);
          if (color.length >= 3 && (color[3] ?? 1) > 0.5) {
            background = color;
            break;
          }
          node = node.parentElement;
        }
        const a = luminance(rgb(getComputedStyle(element).color));
        const b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
    expect(ratio, selector).toBeGreaterThanOrEqual(4.5);
  }
}

describe("respondent pages on a 360 px phone", () => {
  it("answers an NPS survey in English by touch: score, reason, thanks", async () => {
    const survey = await createSurvey(NPS);
    const p = await phone("en-US");
    const opened = await p.goto(survey.url);
    expect(opened?.status()).toBe(200);
    expect(await p.locator("html").getAttribute("lang")).toBe("en");
    const group = p.getByRole("group", { name: NPS.question.en });
    await expect.poll(() => group.count()).toBe(1);
    expect(await group.getByRole("radio").count()).toBe(11);
    await expectFitsPhone(p);
    await expectTappable(p);
    await expectContrast(p, [
      "h1",
      ".ends",
      ".survey-title",
      "footer p",
      "footer a",
      ".option label",
      "button.primary",
    ]);
    await screenshot(p, "survey-nps-en-1-question");

    await p.getByRole("radio", { name: "9" }).tap();
    expect(await p.getByRole("radio", { name: "9" }).isChecked()).toBe(true);
    await expectContrast(p, ["input:checked + label"]);
    await screenshot(p, "survey-nps-en-2-chosen");
    await p.getByRole("button", { name: "Send" }).tap();

    await p.getByRole("textbox", { name: NPS.followUp?.en }).waitFor();
    expect(await p.getByRole("status").textContent()).toContain("Your score: 9");
    await expectFitsPhone(p);
    await screenshot(p, "survey-nps-en-3-follow-up");
    // The score is stored before the comment.
    expect((await responsesOf(survey.id)).map((r) => [r.score, r.finished])).toEqual([[9, false]]);

    await p.getByRole("textbox").fill("Great beans, <b>fast</b> delivery & friendly staff");
    await p.getByRole("button", { name: "Send" }).tap();
    await p.getByRole("heading", { name: "Thank you!" }).waitFor();
    await expectFitsPhone(p);
    await screenshot(p, "survey-nps-en-4-thanks");
    expect((await responsesOf(survey.id)).map((r) => [r.score, r.comment, r.finished, r.language])).toEqual([
      [9, "Great beans, <b>fast</b> delivery & friendly staff", true, "en"],
    ]);
    expect(errors).toEqual([]);
  });

  it("shows a clear message when sent without a score", async () => {
    const survey = await createSurvey(NPS);
    const p = await phone("en-US");
    await p.goto(survey.url);
    // The browser itself asks for a choice (required); without that check the server says it too.
    await p.locator("form").evaluate((form) => {
      (form as HTMLFormElement).noValidate = true;
    });
    await p.getByRole("button", { name: "Send" }).tap();
    const alert = p.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Choose a score from 0 to 10, then send.");
    await expectFitsPhone(p);
    await screenshot(p, "survey-nps-en-error");
    expect(await responsesOf(survey.id)).toEqual([]);
  });

  it("answers an NPS email link in Russian with the keyboard: confirm, reason, thanks, then edits", async () => {
    const survey = await createSurvey(NPS);
    const { links } = LinksResponse.parse(
      await api("POST", `/surveys/${survey.id}/links`, { contacts: [{ id: "C-042" }] }),
    );
    const link = links[0]?.url as string;
    const p = await phone("ru-RU");
    await p.goto(`${link}&score=8`);
    expect(await p.locator("html").getAttribute("lang")).toBe("ru");
    expect(await p.getByRole("radio", { name: "8" }).isChecked()).toBe(true);
    expect(await p.locator(".note").textContent()).toBe("Вы выбрали 8. Нажмите «Подтвердить», чтобы отправить ответ.");
    await expectFitsPhone(p);
    await screenshot(p, "survey-nps-ru-1-confirm");
    expect(await responsesOf(survey.id)).toEqual([]);

    // Keyboard only: Tab into the group, an arrow key changes the score, Tab to the button, Enter.
    await p.keyboard.press("Tab");
    expect(await p.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe("8");
    await p.keyboard.press("ArrowRight");
    expect(await p.getByRole("radio", { name: "9" }).isChecked()).toBe(true);
    const outline = await p
      .locator("input:focus-visible + label")
      .evaluate((label) => getComputedStyle(label).outlineStyle);
    expect(outline).toBe("solid");
    await screenshot(p, "survey-nps-ru-2-keyboard-focus");
    await p.keyboard.press("Tab");
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe("Подтвердить");
    await p.keyboard.press("Enter");

    await p.getByRole("textbox", { name: NPS.followUp?.ru }).waitFor();
    await screenshot(p, "survey-nps-ru-3-follow-up");
    await p.keyboard.press("Tab"); // the "Change" link
    await p.keyboard.press("Tab");
    expect(await p.evaluate(() => document.activeElement?.id)).toBe("comment");
    await p.keyboard.type("Вкусно, но доставка задержалась =)");
    await p.keyboard.press("Tab");
    await p.keyboard.press("Enter");
    await p.getByRole("heading", { name: "Спасибо!" }).waitFor();
    await screenshot(p, "survey-nps-ru-4-thanks");
    expect((await responsesOf(survey.id)).map((r) => [r.contactId, r.score, r.comment, r.language])).toEqual([
      ["C-042", 9, "Вкусно, но доставка задержалась =)", "ru"],
    ]);

    // A second visit with the same link shows the answer and edits it.
    await p.goto(link);
    expect(await p.locator(".note").textContent()).toMatch(
      /^Ваш ответ от \d{1,2} [а-я]+ \d{4} г\. сохранён; его можно изменить/,
    );
    expect(await p.getByRole("radio", { name: "9" }).isChecked()).toBe(true);
    await screenshot(p, "survey-nps-ru-5-edit");
    await p.getByRole("radio", { name: "10" }).tap();
    await p.getByRole("button", { name: "Отправить" }).tap();
    await p.getByRole("textbox").waitFor();
    expect(await p.getByRole("textbox").inputValue()).toBe("Вкусно, но доставка задержалась =)");
    const stored = await responsesOf(survey.id);
    expect(stored.map((r) => [r.contactId, r.score])).toEqual([["C-042", 10]]);
    expect(errors).toEqual([]);
  });

  for (const [locale, lang] of [
    ["en-US", "en"],
    ["ru-RU", "ru"],
  ] as const) {
    it(`answers a CSI survey in ${lang === "en" ? "English" : "Russian"}, skipping one factor and the comment`, async () => {
      const survey = await createSurvey(CSI);
      const p = await phone(locale);
      await p.goto(survey.url);
      const factors = CSI.factors ?? [];
      for (const factor of factors) {
        expect(await p.getByRole("group", { name: factor.label[lang] }).getByRole("radio").count()).toBe(5);
      }
      await expectFitsPhone(p);
      await expectTappable(p);
      await screenshot(p, `survey-csi-${lang}-1-question`);
      await p.getByRole("group", { name: factors[0]?.label[lang] }).getByRole("radio", { name: "5" }).tap();
      await p.getByRole("group", { name: factors[1]?.label[lang] }).getByRole("radio", { name: "3" }).tap();
      await screenshot(p, `survey-csi-${lang}-2-chosen`);
      await p.getByRole("button", { name: lang === "en" ? "Send" : "Отправить" }).tap();
      await p.getByRole("textbox", { name: CSI.followUp?.[lang] }).waitFor();
      expect(await p.getByRole("status").textContent()).toContain(
        lang === "en" ? "Your ratings are saved." : "Ваши оценки сохранены.",
      );
      await screenshot(p, `survey-csi-${lang}-3-follow-up`);
      await p.getByRole("button", { name: lang === "en" ? "Skip" : "Пропустить" }).tap();
      await p.getByRole("heading", { name: lang === "en" ? "Thank you!" : "Спасибо!" }).waitFor();
      await screenshot(p, `survey-csi-${lang}-4-thanks`);
      expect((await responsesOf(survey.id)).map((r) => [r.answers, r.comment, r.finished, r.language])).toEqual([
        [{ taste: 5, delivery: 3 }, null, true, lang],
      ]);
      expect(errors).toEqual([]);
    });
  }

  it("explains closed surveys and broken links in the reader's language", async () => {
    const survey = await createSurvey(NPS);
    await api("PATCH", `/surveys/${survey.id}`, { closed: true });
    for (const [locale, lang, title] of [
      ["en-US", "en", "This survey is closed"],
      ["ru-RU", "ru", "Опрос закрыт"],
    ] as const) {
      const p = await phone(locale);
      const response = await p.goto(survey.url);
      expect(response?.status()).toBe(410);
      await p.getByRole("heading", { name: title }).waitFor();
      await expectFitsPhone(p);
      await screenshot(p, `survey-closed-${lang}`);
      const broken = await p.goto(`${survey.url}?c=C-1&k=AAAAAAAAAAAAAAAAAAAAAA`);
      expect(broken?.status()).toBe(403);
      await screenshot(p, `survey-bad-link-${lang}`);
      // Chromium reports every error status of a page as a console error; nothing else may appear.
      expect(errors.filter((e) => !/status of (403|410)/.test(e))).toEqual([]);
    }
  });
});
