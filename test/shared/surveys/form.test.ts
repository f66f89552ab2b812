import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CreateSurveyRequest, CsiFactor } from "../../../shared/api/surveys";
import { t } from "../../../shared/i18n/translate";
import { checkSurveyForm, factorIds, type SurveyForm } from "../../../shared/surveys/form";
import { surveyForm } from "../../fixtures/surveyForm";

const TODAY = "2026-04-20";

const form = surveyForm;

const messages = (f: SurveyForm, locale: "en" | "ru" = "en") =>
  checkSurveyForm(f, TODAY).issues.map((i) => [i.field, t(locale, i.key, i.params)]);

describe("the new-survey form", () => {
  it("turns a filled form into the API request", () => {
    const { issues, draft } = checkSurveyForm(
      form({
        title: "  Spring check-in ",
        languages: ["en", "ru"],
        question: { en: " Recommend us? ", ru: "Порекомендуете?" },
        followUp: { en: "Why?", ru: "" },
        closesOn: "2026-06-30",
        maxResponses: "500",
        throttleDays: "90",
        anonymous: true,
      }),
      TODAY,
    );
    expect(issues).toEqual([]);
    expect(draft).toEqual({
      type: "nps",
      title: "Spring check-in",
      question: { en: "Recommend us?", ru: "Порекомендуете?" },
      followUp: { en: "Why?" },
      closesOn: "2026-06-30",
      maxResponses: 500,
      throttleDays: 90,
      anonymous: true,
    });
    const { closesOn: _, ...request } = draft as NonNullable<typeof draft>;
    expect(CreateSurveyRequest.safeParse(request).success).toBe(true);
  });

  it("ignores texts of a language that is not chosen", () => {
    const { draft } = checkSurveyForm(
      form({ question: { en: "Q?", ru: "Вопрос?" }, followUp: { en: "", ru: "Почему?" } }),
      TODAY,
    );
    expect(draft?.question).toEqual({ en: "Q?" });
    expect(draft?.followUp).toBeUndefined();
  });

  it("names every problem by field, in English and Russian", () => {
    const bad = form({
      type: "poll",
      title: " ",
      languages: [],
      closesOn: "2026-04-19",
      maxResponses: "0",
      throttleDays: "1.5",
    });
    expect(messages(bad)).toEqual([
      ["type", "Choose the survey type."],
      ["title", "Give the survey a title."],
      ["languages", "Choose at least one language."],
      ["closesOn", "The close date cannot be in the past."],
      ["maxResponses", "The answer cap must be a whole number from 1 to 1000000."],
      ["throttleDays", "Days before asking again must be a whole number from 0 to 3650."],
    ]);
    expect(messages(form({ languages: ["ru"], closesOn: "2026-02-30" }), "ru")).toEqual([
      ["question.ru", "Напишите вопрос на русском."],
      ["closesOn", "Укажите дату закрытия в виде даты."],
    ]);
    expect(messages(form({ title: "x".repeat(201) }))).toEqual([["title", "Too long: at most 200 characters."]]);
    expect(checkSurveyForm(form({ closesOn: TODAY }), TODAY).issues).toEqual([]);
  });

  it("checks CSI factors: labels in each chosen language, importance above 0", () => {
    const csi = form({
      type: "csi",
      languages: ["en", "ru"],
      question: { en: "How satisfied are you with…", ru: "Насколько вы довольны…" },
      factors: [
        { label: { en: "Speed of delivery", ru: "Скорость доставки" }, weight: "3" },
        { label: { en: "", ru: "Качество" }, weight: "0" },
        { label: { en: "Support", ru: "Поддержка" }, weight: "2,5" },
      ],
    });
    expect(messages(csi)).toEqual([
      ["factors.1.label.en", "Factor 2: write what is rated, in English."],
      ["factors.1.weight", "Factor 2: the importance must be a number above 0, at most 1000."],
    ]);
    const fixed = {
      ...csi,
      factors: csi.factors.map((f, i) => (i === 1 ? { label: { en: "Quality", ru: "Качество" }, weight: "5" } : f)),
    };
    const { draft } = checkSurveyForm(fixed, TODAY);
    expect(draft?.factors).toEqual([
      { id: "speed-of-delivery", label: { en: "Speed of delivery", ru: "Скорость доставки" }, weight: 3 },
      { id: "quality", label: { en: "Quality", ru: "Качество" }, weight: 5 },
      { id: "support", label: { en: "Support", ru: "Поддержка" }, weight: 2.5 },
    ]);
    expect(messages({ ...csi, factors: [] })).toEqual([["factors", "A CSI survey needs at least one factor to rate."]]);
    // Factors of another type are dropped, not sent (the API refuses them).
    expect(checkSurveyForm({ ...fixed, type: "nps" }, TODAY).draft?.factors).toBeUndefined();
  });

  it("makes factor ids from labels: slugs, transliterated Russian, unique", () => {
    expect(
      factorIds([
        { en: "Speed of delivery", ru: "" },
        { en: "", ru: "Вежливость персонала" },
        { en: "Speed of delivery!", ru: "" },
        { en: "", ru: "" },
        { en: "…", ru: "" },
      ]),
    ).toEqual(["speed-of-delivery", "vezhlivost-personala", "speed-of-delivery-2", "factor-4", "factor-5"]);
  });

  it("every form it accepts is a request the Worker accepts (property)", () => {
    const text = fc.string({ maxLength: 30 });
    const arbitraryForm = fc.record({
      type: fc.constantFrom("nps", "csat", "ces", "csi", "x"),
      title: text,
      languages: fc.subarray(["en", "ru"]),
      question: fc.record({ en: text, ru: text }),
      followUp: fc.record({ en: text, ru: text }),
      factors: fc.array(
        fc.record({
          label: fc.record({ en: text, ru: text }),
          weight: fc.constantFrom("1", "0", "2.5", "x", "1001", "7"),
        }),
        { maxLength: 4 },
      ),
      closesOn: fc.constantFrom("", "2026-04-19", "2026-04-20", "2027-01-31", "2026-13-01"),
      maxResponses: fc.constantFrom("", "1", "0", "abc", "1000000", "1000001"),
      throttleDays: fc.constantFrom("", "0", "30", "-1", "3651"),
      anonymous: fc.boolean(),
    });
    fc.assert(
      fc.property(arbitraryForm, (f) => {
        const { issues, draft } = checkSurveyForm(f, TODAY);
        expect(issues.length === 0).toBe(draft !== null);
        if (!draft) return;
        const { closesOn, ...rest } = draft;
        const request = closesOn ? { ...rest, closesAt: `${closesOn}T23:59:59Z` } : rest;
        const parsed = CreateSurveyRequest.safeParse(request);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        for (const factor of draft.factors ?? []) expect(CsiFactor.safeParse(factor).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
