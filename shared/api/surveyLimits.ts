/**
 * The survey API's plain constants, without zod: the sidebars check forms with them, and a
 * sidebar bundle should not carry the schema library. shared/api/surveys.ts re-exports them.
 */

export const SURVEY_TYPES = ["nps", "csat", "ces", "csi"] as const;

/** Limits on texts and lists, shared so the add-on can check before sending. */
export const SURVEY_LIMITS = {
  title: 200,
  question: 500,
  factorLabel: 200,
  factors: 20,
  contactId: 200,
  contactsPerRequest: 500,
  comment: 5000,
  maxResponses: 1_000_000,
  throttleDays: 3650,
  responsesPage: 1000,
} as const;
