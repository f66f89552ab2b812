import {
  type CsiFactor,
  type LocalizedText,
  RESPONSE_FLAGS,
  type ResponseFlag,
  SURVEY_SCALES,
  type Survey,
  type SurveyResponse,
  type SurveyType,
} from "../../../shared/api/surveys";
import type { Locale } from "../../../shared/i18n/locale";
import { FLAG_BITS } from "./limits";

/** A row of `surveys` as D1 returns it. */
export interface SurveyRow {
  id: string;
  workspace_id: string;
  type: SurveyType;
  title: string;
  question: string;
  follow_up: string | null;
  factors: string | null;
  closes_at: string | null;
  closed_at: string | null;
  archived_at: string | null;
  max_responses: number | null;
  throttle_days: number | null;
  anonymous: number;
  /**
   * Kept by each submission's batch only while the survey has a cap (the cap check needs it at
   * the moment of writing); without one, `answer_count` is counted when the survey is read.
   */
  response_count: number;
  /** The answers now, from the reads that select SURVEY_COLUMNS. */
  answer_count?: number;
  created_at: string;
  updated_at: string;
}

/** A row of `responses` as D1 returns it. */
export interface ResponseRow {
  id: string;
  survey_id: string;
  workspace_id: string;
  contact_id: string | null;
  source: "personal" | "anonymous";
  score: number | null;
  answers: string | null;
  comment: string | null;
  language: Locale;
  finished: number;
  flags: number;
  ip_hash: string | null;
  respondent: string | null;
  nonce_at: number;
  seq: number;
  created_at: string;
  updated_at: string;
}

/** A survey as the respondent pages use it: JSON columns parsed. */
export interface SurveyDefinition {
  id: string;
  workspaceId: string;
  type: SurveyType;
  title: string;
  question: LocalizedText;
  followUp: LocalizedText | null;
  factors: CsiFactor[] | null;
  closesAt: string | null;
  closedAt: string | null;
  archivedAt: string | null;
  maxResponses: number | null;
  throttleDays: number | null;
  anonymous: boolean;
  responseCount: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The columns a survey is read with: the stored count where a cap keeps it, a COUNT over the
 * survey's answers (its index) where none does, so that submissions to uncapped surveys write
 * nothing to the surveys table.
 */
export const SURVEY_COLUMNS =
  "*, CASE WHEN max_responses IS NULL THEN (SELECT COUNT(*) FROM responses WHERE responses.survey_id = surveys.id) ELSE response_count END AS answer_count";

export function surveyDefinition(row: SurveyRow): SurveyDefinition {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    type: row.type,
    title: row.title,
    question: JSON.parse(row.question) as LocalizedText,
    followUp: row.follow_up === null ? null : (JSON.parse(row.follow_up) as LocalizedText),
    factors: row.factors === null ? null : (JSON.parse(row.factors) as CsiFactor[]),
    closesAt: row.closes_at,
    closedAt: row.closed_at,
    archivedAt: row.archived_at ?? null,
    maxResponses: row.max_responses,
    throttleDays: row.throttle_days,
    anonymous: row.anonymous === 1,
    responseCount: row.answer_count ?? row.response_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type SurveyStatus = Survey["status"];

/** closed (by hand or past closesAt) wins over full; full means the cap of new answers is reached. */
export function surveyStatus(survey: SurveyDefinition, now: Date): SurveyStatus {
  if (survey.closedAt !== null) return "closed";
  if (survey.closesAt !== null && survey.closesAt <= now.toISOString()) return "closed";
  if (survey.maxResponses !== null && survey.responseCount >= survey.maxResponses) return "full";
  return "open";
}

export function publicUrl(origin: string, surveyId: string): string {
  return `${origin}/s/${surveyId}`;
}

/** `previewUrl`: the signed preview page, or null when the Worker has no LINK_SECRET to sign it. */
export function toSurvey(survey: SurveyDefinition, origin: string, now: Date, previewUrl: string | null): Survey {
  return {
    id: survey.id,
    type: survey.type,
    title: survey.title,
    question: survey.question,
    followUp: survey.followUp,
    factors: survey.factors,
    scale: { min: SURVEY_SCALES[survey.type].min, max: SURVEY_SCALES[survey.type].max },
    status: surveyStatus(survey, now),
    closed: survey.closedAt !== null,
    archived: survey.archivedAt !== null,
    closesAt: survey.closesAt,
    maxResponses: survey.maxResponses,
    throttleDays: survey.throttleDays,
    anonymous: survey.anonymous,
    url: publicUrl(origin, survey.id),
    previewUrl,
    responseCount: survey.responseCount,
    createdAt: survey.createdAt,
    updatedAt: survey.updatedAt,
  };
}

export function flagBits(flags: readonly ResponseFlag[]): number {
  let bits = 0;
  for (const flag of flags) bits |= FLAG_BITS[flag];
  return bits;
}

export function flagNames(bits: number): ResponseFlag[] {
  return RESPONSE_FLAGS.filter((flag) => (bits & FLAG_BITS[flag]) !== 0);
}

export function toResponse(row: ResponseRow): SurveyResponse {
  return {
    id: row.id,
    surveyId: row.survey_id,
    contactId: row.contact_id,
    source: row.source,
    score: row.score,
    answers: row.answers === null ? null : (JSON.parse(row.answers) as Record<string, number>),
    comment: row.comment,
    language: row.language,
    finished: row.finished === 1,
    flags: flagNames(row.flags),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The text in `language`, else the other one; says which language it is in (for the lang attribute). */
export function pickText(text: LocalizedText, language: Locale): { text: string; language: Locale } {
  const own = text[language];
  if (own !== undefined) return { text: own, language };
  const other: Locale = language === "en" ? "ru" : "en";
  return { text: text[other] ?? "", language: other };
}

/** The languages a survey's question is written in, English first. */
export function surveyLanguages(survey: SurveyDefinition): Locale[] {
  return (["en", "ru"] as const).filter((language) => survey.question[language] !== undefined);
}
