import { SURVEY_LIMITS, SURVEY_TYPES } from "../api/surveyLimits";
import type {
  CreateSurveyRequest,
  CsiFactor,
  LocalizedText,
  Survey,
  SurveyType,
  UpdateSurveyRequest,
} from "../api/surveys";
import type { Locale } from "../i18n/locale";
import { LOCALES } from "../i18n/locale";
import type { MessageKey, MessageParams } from "../i18n/messages.en";

/**
 * The Surveys sidebar's "New survey" form as it crosses google.script.run (plain JSON, every field
 * as typed), and its validation. The sidebar checks as the person types; the server checks again
 * before calling the Worker, with the same rules, so both show the same messages by field.
 */

export interface SurveyFormFactor {
  label: { en: string; ru: string };
  /** Importance as typed ("3", "2,5"). */
  weight: string;
}

export interface SurveyForm {
  type: string;
  title: string;
  languages: string[];
  question: { en: string; ru: string };
  followUp: { en: string; ru: string };
  factors: SurveyFormFactor[];
  /** Last day answers are taken, yyyy-mm-dd in the spreadsheet's time zone, or "". */
  closesOn: string;
  /** Cap on answers, whole number text or "". */
  maxResponses: string;
  /** Days before a contact may be asked again, whole number text or "". */
  throttleDays: string;
  anonymous: boolean;
}

/** One problem, addressed to a field of the form: "title", "question.en", "factors.2.weight"… */
export interface FormIssue {
  field: string;
  key: MessageKey;
  params?: MessageParams;
}

/** The request without its close instant, which needs the spreadsheet's time zone (the adapter adds it). */
export type SurveyDraft = Omit<CreateSurveyRequest, "closesAt"> & { closesOn: string | null };

const WHOLE = /^\d+$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(text: string): boolean {
  const m = YMD.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A number as a person types it: "3", "2.5", "2,5", " 4 ". Null when it is not one. */
function typedNumber(text: string): number | null {
  const t = String(text ?? "")
    .trim()
    .replace(",", ".");
  if (!/^\d+(?:\.\d+)?$/.test(t)) return null;
  return Number(t);
}

const CYRILLIC: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
};

/**
 * A factor id for the Responses sheet's column header: the English label as a slug
 * ("Speed of delivery" → "speed-of-delivery"), else the Russian one transliterated
 * ("Скорость доставки" → "skorost-dostavki"), else factor-N; unique within the survey.
 */
export function factorIds(labels: readonly { en: string; ru: string }[]): string[] {
  const used = new Set<string>();
  return labels.map((label, i) => {
    const source = label.en.trim() || label.ru.toLowerCase().replace(/[а-яё]/g, (ch) => CYRILLIC[ch] ?? "");
    const slug = source
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 32)
      .replace(/-+$/, "");
    const base = slug || `factor-${i + 1}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    return id;
  });
}

function localized(text: { en: string; ru: string }, languages: readonly Locale[]): LocalizedText {
  const out: LocalizedText = {};
  for (const language of languages) {
    const value = String(text[language] ?? "").trim();
    if (value) out[language] = value;
  }
  return out;
}

/**
 * Checks the form. `today` is the spreadsheet's current day (yyyy-mm-dd): the survey may close at
 * the end of today or later. Returns every problem, or the request to send.
 */
export function checkSurveyForm(form: SurveyForm, today: string): { issues: FormIssue[]; draft: SurveyDraft | null } {
  const issues: FormIssue[] = [];
  const add = (field: string, key: MessageKey, params?: MessageParams) =>
    issues.push(params ? { field, key, params } : { field, key });

  const type = SURVEY_TYPES.find((t) => t === form.type) as SurveyType | undefined;
  if (!type) add("type", "surveys.form.type");

  const title = String(form.title ?? "").trim();
  if (!title) add("title", "surveys.form.titleRequired");
  else if (title.length > SURVEY_LIMITS.title) add("title", "surveys.form.tooLong", { max: SURVEY_LIMITS.title });

  const languages = LOCALES.filter((l) => (form.languages ?? []).includes(l));
  if (languages.length === 0) add("languages", "surveys.form.languagesRequired");

  for (const language of languages) {
    const question = String(form.question?.[language] ?? "").trim();
    if (!question) add(`question.${language}`, `surveys.form.questionRequired.${language}`);
    else if (question.length > SURVEY_LIMITS.question)
      add(`question.${language}`, "surveys.form.tooLong", { max: SURVEY_LIMITS.question });
    const followUp = String(form.followUp?.[language] ?? "").trim();
    if (followUp.length > SURVEY_LIMITS.question)
      add(`followUp.${language}`, "surveys.form.tooLong", { max: SURVEY_LIMITS.question });
  }

  const factors: CsiFactor[] = [];
  if (type === "csi") {
    const rows = form.factors ?? [];
    if (rows.length === 0) add("factors", "surveys.form.factorsRequired");
    if (rows.length > SURVEY_LIMITS.factors)
      add("factors", "surveys.form.factorsTooMany", { max: SURVEY_LIMITS.factors });
    const ids = factorIds(
      rows.map((r) => ({
        en: languages.includes("en") ? String(r.label?.en ?? "") : "",
        ru: languages.includes("ru") ? String(r.label?.ru ?? "") : "",
      })),
    );
    rows.slice(0, SURVEY_LIMITS.factors).forEach((row, i) => {
      const n = i + 1;
      for (const language of languages) {
        const label = String(row.label?.[language] ?? "").trim();
        if (!label) add(`factors.${i}.label.${language}`, `surveys.form.factorLabelRequired.${language}`, { n });
        else if (label.length > SURVEY_LIMITS.factorLabel)
          add(`factors.${i}.label.${language}`, "surveys.form.tooLong", { max: SURVEY_LIMITS.factorLabel });
      }
      const weight = typedNumber(row.weight);
      if (weight === null || !(weight > 0 && weight <= 1000))
        add(`factors.${i}.weight`, "surveys.form.factorWeight", { n });
      else factors.push({ id: ids[i] as string, label: localized(row.label, languages), weight });
    });
  }

  const closesOn = String(form.closesOn ?? "").trim();
  if (closesOn) {
    if (!isCalendarDay(closesOn)) add("closesOn", "surveys.form.closesOnInvalid");
    else if (closesOn < today) add("closesOn", "surveys.form.closesOnPast");
  }

  const whole = (field: "maxResponses" | "throttleDays", min: number, max: number, key: MessageKey) => {
    const text = String(form[field] ?? "").trim();
    if (!text) return null;
    const value = WHOLE.test(text) ? Number(text) : Number.NaN;
    if (!(value >= min && value <= max)) {
      add(field, key, { min, max });
      return null;
    }
    return value;
  };
  const maxResponses = whole("maxResponses", 1, SURVEY_LIMITS.maxResponses, "surveys.form.maxResponses");
  const throttleDays = whole("throttleDays", 0, SURVEY_LIMITS.throttleDays, "surveys.form.throttleDays");

  if (issues.length > 0 || !type) return { issues, draft: null };
  const followUp = localized(form.followUp ?? { en: "", ru: "" }, languages);
  return {
    issues,
    draft: {
      type,
      title,
      question: localized(form.question, languages),
      ...(Object.keys(followUp).length > 0 ? { followUp } : {}),
      ...(type === "csi" ? { factors } : {}),
      closesOn: closesOn || null,
      ...(maxResponses === null ? {} : { maxResponses }),
      ...(throttleDays === null ? {} : { throttleDays }),
      anonymous: form.anonymous === true,
    },
  };
}

/**
 * A survey as the form shows it, to edit it or start a copy: every field as a person would have
 * typed it. `closesOn` is its close day in the spreadsheet's time zone, or "".
 */
export function formOfSurvey(survey: Survey, closesOn: string): SurveyForm {
  const text = (t: { en?: string; ru?: string } | null) => ({ en: t?.en ?? "", ru: t?.ru ?? "" });
  return {
    type: survey.type,
    title: survey.title,
    languages: LOCALES.filter((l) => survey.question[l] !== undefined),
    question: text(survey.question),
    followUp: text(survey.followUp),
    factors: (survey.factors ?? []).map((f) => ({ label: text(f.label), weight: String(f.weight) })),
    closesOn,
    maxResponses: survey.maxResponses === null ? "" : String(survey.maxResponses),
    throttleDays: survey.throttleDays === null ? "" : String(survey.throttleDays),
    anonymous: survey.anonymous,
  };
}

/**
 * What saving an edited survey changes: its title, texts and limits, an emptied field cleared.
 * The type and the CSI factors stay as created (answers may exist); the close date is the adapter's.
 */
export function surveyChanges(draft: SurveyDraft): Omit<UpdateSurveyRequest, "closesAt" | "closed" | "archived"> {
  return {
    title: draft.title,
    question: draft.question,
    followUp: draft.followUp ?? null,
    maxResponses: draft.maxResponses ?? null,
    throttleDays: draft.throttleDays ?? null,
    anonymous: draft.anonymous ?? false,
  };
}
