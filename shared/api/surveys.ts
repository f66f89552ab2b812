import * as z from "zod/mini";
import { LOCALES } from "../i18n/locale";
import { wellFormed } from "./common";
import { SURVEY_LIMITS, SURVEY_TYPES } from "./surveyLimits";

export { SURVEY_LIMITS, SURVEY_TYPES };

/**
 * Request and response shapes of the survey API (`/api/v1/surveys…`). The Worker validates with
 * them; the add-on (UrlFetchApp, JSON) checks what it receives with them. Times are ISO 8601 UTC.
 */

export const SurveyType = z.enum(SURVEY_TYPES);
export type SurveyType = z.infer<typeof SurveyType>;

/** A language code in a request or response (the type is `Locale`, shared/i18n/locale.ts). */
export const LocaleSchema = z.enum(LOCALES);

export { SURVEY_SCALES } from "../surveys/scales";

const text = (max: number) => wellFormed(z.string().check(z.trim(), z.minLength(1), z.maxLength(max)));

/** A text in English and/or Russian: at least one of the two. */
export function localizedText(max: number) {
  return z.strictObject({ en: z.optional(text(max)), ru: z.optional(text(max)) }).check(
    z.refine((value) => value.en !== undefined || value.ru !== undefined, {
      message: "Give the text in en, ru or both",
    }),
  );
}
export type LocalizedText = { en?: string; ru?: string };

/** An instant with a time zone (`2026-06-30T23:59:59Z`, `…+03:00`). */
export const Instant = z.iso.datetime({ offset: true });

/**
 * Names every JavaScript object answers to (`__proto__`, `constructor`, `toString`…). A factor id
 * is a key of the stored ratings, and the readers of those ratings (zod's records among them)
 * build plain objects, where such a key is lost or misread: refused up front.
 */
const RESERVED_KEYS = new Set(["__proto__", "prototype", ...Object.getOwnPropertyNames(Object.prototype)]);

/** A CSI factor: what is rated, and its importance weight (CSI uses wᵢ = Iᵢ / ΣI). */
export const CsiFactor = z.strictObject({
  id: z.string().check(
    z.regex(/^[A-Za-z0-9_-]{1,40}$/, "Use 1–40 letters, digits, '_' or '-'"),
    z.refine((id) => !RESERVED_KEYS.has(id), { message: "This id is reserved; choose another (e.g. add a prefix)" }),
  ),
  label: localizedText(SURVEY_LIMITS.factorLabel),
  weight: z.number().check(z.positive(), z.lte(1000)),
});
export type CsiFactor = z.infer<typeof CsiFactor>;

const Factors = z.array(CsiFactor).check(
  z.minLength(1),
  z.maxLength(SURVEY_LIMITS.factors),
  z.refine((factors) => new Set(factors.map((f) => f.id)).size === factors.length, {
    message: "Factor ids must be unique",
  }),
);

const MaxResponses = z.int().check(z.gte(1), z.lte(SURVEY_LIMITS.maxResponses));
const ThrottleDays = z.int().check(z.gte(0), z.lte(SURVEY_LIMITS.throttleDays));
/** An optional field that null clears. */
const clearable = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** `POST /api/v1/surveys`. `factors` is required for `csi` and refused for the other types. */
export const CreateSurveyRequest = z
  .strictObject({
    type: SurveyType,
    title: text(SURVEY_LIMITS.title),
    question: localizedText(SURVEY_LIMITS.question),
    followUp: clearable(localizedText(SURVEY_LIMITS.question)),
    factors: z.optional(Factors),
    closesAt: clearable(Instant),
    maxResponses: clearable(MaxResponses),
    throttleDays: clearable(ThrottleDays),
    anonymous: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.type === "csi" && !value.factors) {
        ctx.addIssue({ code: "custom", path: ["factors"], message: "A csi survey needs factors" });
      }
      if (value.type !== "csi" && value.factors) {
        ctx.addIssue({ code: "custom", path: ["factors"], message: "Only a csi survey has factors" });
      }
    }),
  );
export type CreateSurveyRequest = z.infer<typeof CreateSurveyRequest>;

/**
 * `PATCH /api/v1/surveys/:id`: any of these; `null` clears a limit or the follow-up question.
 * `closed: true` closes the survey now, `closed: false` reopens it (a past `closesAt` still
 * keeps it closed). The type and the CSI factors cannot change once answers may exist.
 */
export const UpdateSurveyRequest = z
  .strictObject({
    title: z.optional(text(SURVEY_LIMITS.title)),
    question: z.optional(localizedText(SURVEY_LIMITS.question)),
    followUp: clearable(localizedText(SURVEY_LIMITS.question)),
    closed: z.optional(z.boolean()),
    /** true: archive (closes it too, hides it from the sidebar's list); false: back to the list, still closed. */
    archived: z.optional(z.boolean()),
    closesAt: clearable(Instant),
    maxResponses: clearable(MaxResponses),
    throttleDays: clearable(ThrottleDays),
    anonymous: z.optional(z.boolean()),
  })
  .check(z.refine((value) => Object.keys(value).length > 0, { message: "Send at least one field to change" }));
export type UpdateSurveyRequest = z.infer<typeof UpdateSurveyRequest>;

export const SURVEY_STATUSES = ["open", "closed", "full"] as const;

const Texts = z.object({ en: z.optional(z.string()), ru: z.optional(z.string()) });
const Scale = z.object({ min: z.int(), max: z.int() });

/** A survey as the API returns it. `url` is the public (anonymous) link. */
export const Survey = z.object({
  id: z.string(),
  type: SurveyType,
  title: z.string(),
  question: Texts,
  followUp: z.nullable(Texts),
  factors: z.nullable(z.array(CsiFactor)),
  scale: Scale,
  status: z.enum(SURVEY_STATUSES),
  closed: z.boolean(),
  /** Archived: closed and out of the sidebar's list; its answers stay. */
  archived: z.boolean(),
  closesAt: z.nullable(z.string()),
  maxResponses: z.nullable(z.int()),
  throttleDays: z.nullable(z.int()),
  anonymous: z.boolean(),
  url: z.string(),
  /** The page as respondents see it, marked as a preview: nothing pressed there is recorded. */
  previewUrl: z.nullable(z.string()),
  responseCount: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Survey = z.infer<typeof Survey>;

/** `GET /api/v1/surveys`: newest first. */
export const SurveyList = z.object({ surveys: z.array(Survey) });
export type SurveyList = z.infer<typeof SurveyList>;

/** A contact id as the sheet holds it: 1–200 characters, no control characters; kept exactly. */
export const ContactId = wellFormed(z.string().check(z.minLength(1), z.maxLength(SURVEY_LIMITS.contactId))).check(
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  z.refine((id) => !/[\u0000-\u001f\u007f]/.test(id), { message: "A contact id may not contain control characters" }),
);

/** `POST /api/v1/surveys/:id/links`. `lang` adds `lang=` to the links and sets the email snippet's language. */
export const LinksRequest = z.strictObject({
  contacts: z
    .array(z.strictObject({ id: ContactId }))
    .check(z.minLength(1), z.maxLength(SURVEY_LIMITS.contactsPerRequest)),
  lang: z.optional(LocaleSchema),
});
export type LinksRequest = z.infer<typeof LinksRequest>;

/**
 * One personal link. `eligible` is false when the contact answered any survey of the workspace
 * within the survey's `throttleDays`; `lastAnsweredAt` is when their latest answer was first given.
 * `emailHtml`: score buttons for an email, each a personal link carrying its score.
 */
export const PersonalLink = z.object({
  contactId: z.string(),
  url: z.string(),
  eligible: z.boolean(),
  lastAnsweredAt: z.nullable(z.string()),
  emailHtml: z.string(),
});
export type PersonalLink = z.infer<typeof PersonalLink>;

export const LinksResponse = z.object({ links: z.array(PersonalLink) });
export type LinksResponse = z.infer<typeof LinksResponse>;

/**
 * Why an answer looks suspicious. Flagged answers are kept: the sheet shows the flags and a
 * person decides. honeypot: the hidden field was filled; too_fast: sent sooner after the page
 * loaded than a person could; same_ip: many answers to this survey from one network in a day;
 * duplicate: this browser had already answered the survey.
 */
export const RESPONSE_FLAGS = ["honeypot", "too_fast", "same_ip", "duplicate"] as const;
export const ResponseFlag = z.enum(RESPONSE_FLAGS);
export type ResponseFlag = z.infer<typeof ResponseFlag>;

/** One answer. `answers` holds CSI ratings by factor id; `score` is null for CSI. */
export const SurveyResponse = z.object({
  id: z.string(),
  surveyId: z.string(),
  contactId: z.nullable(z.string()),
  source: z.enum(["personal", "anonymous"]),
  score: z.nullable(z.int()),
  answers: z.nullable(z.record(z.string(), z.int())),
  comment: z.nullable(z.string()),
  language: LocaleSchema,
  finished: z.boolean(),
  flags: z.array(ResponseFlag),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

/** `GET /api/v1/surveys/:id/responses` query: an opaque cursor from a previous page, and a page size. */
export const ResponsesQuery = z.strictObject({
  cursor: z.optional(z.string().check(z.regex(/^\d{1,15}$/, "Use the nextCursor of a previous page"))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(SURVEY_LIMITS.responsesPage))),
});
export type ResponsesQuery = z.infer<typeof ResponsesQuery>;

/**
 * A page of answers in change order: new answers and edited ones (again, with their new content)
 * come after everything already paged. Keep `nextCursor` and ask again later for what changed
 * since; `hasMore` says whether more is waiting right now.
 */
export const ResponsesPage = z.object({
  responses: z.array(SurveyResponse),
  nextCursor: z.string(),
  hasMore: z.boolean(),
});
export type ResponsesPage = z.infer<typeof ResponsesPage>;

/**
 * `GET /api/v1/surveys/:id/summary` query: `includeFlagged=true` counts flagged answers too (left
 * out by default); `confidence` of the intervals, 0.5–0.999 (default 0.95).
 */
export const SummaryQuery = z.strictObject({
  includeFlagged: z.optional(z.enum(["true", "false"])),
  confidence: z.optional(z.coerce.number().check(z.gte(0.5), z.lte(0.999))),
});
export type SummaryQuery = z.infer<typeof SummaryQuery>;

/** A mean score with its Student t confidence interval (bounds null below 2 answers). */
const meanWithInterval = {
  mean: z.number(),
  lower: z.nullable(z.number()),
  upper: z.nullable(z.number()),
};

/**
 * A survey's metric from its current answers (one per answer, the latest edit). `n` is the answers
 * counted (for CSI: respondents); `flagged` how many answers carry flags (left out of `n` unless
 * `includeFlagged`); `smallSample` when n < 100. Only the field of the survey's type is filled,
 * and it is null while n is 0.
 */
export const SurveySummary = z.object({
  surveyId: z.string(),
  type: SurveyType,
  scale: Scale,
  n: z.int(),
  flagged: z.int(),
  includeFlagged: z.boolean(),
  confidence: z.number(),
  smallSample: z.boolean(),
  /** NPS in points (−100…100) with its adjusted-Wald interval and the group counts. */
  nps: z.nullable(
    z.object({
      score: z.number(),
      lower: z.number(),
      upper: z.number(),
      promoters: z.int(),
      passives: z.int(),
      detractors: z.int(),
    }),
  ),
  /** CSAT as the share at or above `threshold` (top-2-box, 0…1) and as the mean score. */
  csat: z.nullable(z.object({ ...meanWithInterval, share: z.number(), threshold: z.int() })),
  /** CES as the mean effort score. */
  ces: z.nullable(z.object(meanWithInterval)),
  /** CSI 0…100 (null while a factor has no rating), each factor's normalised weight, mean and n. */
  csi: z.nullable(
    z.object({
      index: z.nullable(z.number()),
      factors: z.array(
        z.object({
          id: z.string(),
          label: Texts,
          weight: z.number(),
          mean: z.nullable(z.number()),
          n: z.int(),
        }),
      ),
    }),
  ),
});
export type SurveySummary = z.infer<typeof SurveySummary>;
