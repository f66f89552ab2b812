import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { t } from "../../../shared/i18n/translate";
import {
  checkTemplate,
  EMAIL_BODY_LIMIT,
  placeholderKey,
  placeholdersIn,
  renderMessage,
} from "../../../shared/outreach/template";
import { thrown } from "../helpers";

const HEADERS = ["Client ID", "Name", "Email", "Plan"];
const values = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([k, v]) => [placeholderKey(k), v]));

describe("email templates", () => {
  it("finds placeholders once each, ignoring case and spaces", () => {
    expect(placeholdersIn("Hi {{Name}}, your {{ plan }} — {{name}} {{PLAN}}")).toEqual(["Name", "plan"]);
    expect(placeholdersIn("no placeholders, {single} braces")).toEqual([]);
  });

  it("refuses an unknown or empty placeholder before sending, naming it and where it is", () => {
    const unknown = thrown(() => checkTemplate({ subject: "For {{Nmae}}", body: "Hello" }, HEADERS));
    expect(unknown.key).toBe("outreach.unknownPlaceholder");
    expect(t("en", unknown.key, unknown.params)).toBe(
      'Subject: no column of the client list is headed "Nmae". Use a header as it is written in row 1.',
    );
    expect(t("ru", unknown.key, unknown.params)).toBe(
      "Тема: в списке клиентов нет столбца «Nmae». Укажите заголовок так, как он написан в строке 1.",
    );
    expect(thrown(() => checkTemplate({ subject: "Hi", body: "Dear {{ }}" }, HEADERS)).key).toBe(
      "outreach.emptyPlaceholder",
    );
    expect(thrown(() => checkTemplate({ subject: " ", body: "x" }, HEADERS)).key).toBe("outreach.noSubject");
    expect(thrown(() => checkTemplate({ subject: "x", body: "\n" }, HEADERS)).key).toBe("outreach.noBody");
    expect(() => checkTemplate({ subject: "For {{ name }}", body: "{{Plan}} plan" }, HEADERS)).not.toThrow();
  });

  it("renders one client's email: values in, buttons and the unsubscribe link added (worked by hand)", () => {
    const message = renderMessage(
      { subject: "{{Name}}, how are we doing?", body: "Dear {{Name}},\n\nThank you for choosing {{Plan}}.\nBest" },
      {
        locale: "en",
        values: values({ Name: "Ann", Plan: "Gold" }),
        surveyHtml: '<a href="https://w.example/s/1?c=7&amp;k=x&amp;score=9">9</a>',
        surveyUrl: "https://w.example/s/1?c=7&k=x",
        unsubscribeUrl: "https://w.example/u/1?c=7&k=y",
      },
    );
    expect(message.subject).toBe("Ann, how are we doing?");
    expect(message.htmlBody).toContain('<p style="margin:0 0 12px">Dear Ann,</p>');
    expect(message.htmlBody).toContain('<p style="margin:0 0 12px">Thank you for choosing Gold.<br>Best</p>');
    expect(message.htmlBody).toContain('<a href="https://w.example/s/1?c=7&amp;k=x&amp;score=9">9</a>');
    expect(message.htmlBody).toContain(
      '<a href="https://w.example/u/1?c=7&amp;k=y" style="color:#4f5a6d">Unsubscribe</a>',
    );
    expect(message.textBody).toBe(
      [
        "Dear Ann,\n\nThank you for choosing Gold.\nBest",
        "Answer the survey: https://w.example/s/1?c=7&k=x",
        "You receive this email as our client. Unsubscribe: https://w.example/u/1?c=7&k=y",
      ].join("\n\n"),
    );
  });

  it("writes the fixed parts in the client's language, and a campaign without a survey", () => {
    const message = renderMessage(
      { subject: "С днём рождения, {{Name}}!", body: "Поздравляем!" },
      {
        locale: "ru",
        values: values({ Name: "Анна" }),
        surveyHtml: null,
        surveyUrl: null,
        unsubscribeUrl: "https://u",
      },
    );
    expect(message.subject).toBe("С днём рождения, Анна!");
    expect(message.htmlBody).toContain(">Отписаться</a>");
    expect(message.textBody).not.toContain("опрос");
    expect(message.textBody).toBe("Поздравляем!\n\nВы получили это письмо как наш клиент. Отписаться: https://u");
  });

  it("keeps a subject on one line whatever a value holds", () => {
    const message = renderMessage(
      { subject: "Hi {{Name}}", body: "x" },
      {
        locale: "en",
        values: values({ Name: "Ann\nBcc: x@y" }),
        surveyHtml: null,
        surveyUrl: null,
        unsubscribeUrl: "u",
      },
    );
    expect(message.subject).toBe("Hi Ann Bcc: x@y");
  });

  it("property: no value from the sheet becomes markup in the HTML body", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (value) => {
        const message = renderMessage(
          { subject: "s", body: "A {{Name}} B" },
          { locale: "en", values: values({ Name: value }), surveyHtml: null, surveyUrl: null, unsubscribeUrl: "u" },
        );
        // Take away the markup Rapport writes; what is left is text: no bracket or quote of the value.
        const text = message.htmlBody.replace(/<\/?(?:p|div|a|br)\b[^>]*>/g, "");
        expect(text).not.toMatch(/[<>"']/);
        const unescaped = text
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'");
        expect(unescaped.replace(/&amp;/g, "&")).toContain(value.replace(/\s+/g, " ").trim().split(" ")[0] ?? "");
      }),
    );
  });

  it("refuses a body over the 200 KB MailApp accepts", () => {
    const error = thrown(() =>
      renderMessage(
        { subject: "s", body: "x".repeat(EMAIL_BODY_LIMIT) },
        { locale: "en", values: new Map(), surveyHtml: null, surveyUrl: null, unsubscribeUrl: "u" },
      ),
    );
    expect(error.key).toBe("outreach.bodyTooLarge");
  });
});
