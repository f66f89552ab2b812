import type { CreateSurveyRequest, UpdateSurveyRequest } from "../../../shared/api/surveys";
import { type ResponseRow, type SurveyDefinition, type SurveyRow, surveyDefinition } from "./rows";
import { randomId } from "./signing";

/** D1 queries behind the survey API. Every query of a workspace's data names the workspace. */

export async function createSurvey(
  db: D1Database,
  workspaceId: string,
  input: CreateSurveyRequest,
  now: Date,
): Promise<SurveyDefinition> {
  const id = randomId(16);
  const at = now.toISOString();
  const row = await db
    .prepare(
      `INSERT INTO surveys (id, workspace_id, type, title, question, follow_up, factors, closes_at, closed_at,
         max_responses, throttle_days, anonymous, response_count, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, ?10, ?11, 0, ?12, ?12)
       RETURNING *`,
    )
    .bind(
      id,
      workspaceId,
      input.type,
      input.title,
      JSON.stringify(input.question),
      input.followUp ? JSON.stringify(input.followUp) : null,
      input.factors ? JSON.stringify(input.factors) : null,
      input.closesAt ? new Date(input.closesAt).toISOString() : null,
      input.maxResponses ?? null,
      input.throttleDays ?? null,
      input.anonymous ? 1 : 0,
      at,
    )
    .first<SurveyRow>();
  if (!row) throw new Error("survey insert returned no row");
  return surveyDefinition(row);
}

export async function getSurvey(db: D1Database, workspaceId: string, id: string): Promise<SurveyDefinition | null> {
  const row = await db
    .prepare("SELECT * FROM surveys WHERE id = ? AND workspace_id = ?")
    .bind(id, workspaceId)
    .first<SurveyRow>();
  return row ? surveyDefinition(row) : null;
}

export async function listSurveys(db: D1Database, workspaceId: string): Promise<SurveyDefinition[]> {
  const { results } = await db
    .prepare("SELECT * FROM surveys WHERE workspace_id = ? ORDER BY created_at DESC, id")
    .bind(workspaceId)
    .all<SurveyRow>();
  return results.map(surveyDefinition);
}

/** Applies a PATCH: only the fields sent change. Returns null when the survey is not the workspace's. */
export async function updateSurvey(
  db: D1Database,
  workspaceId: string,
  id: string,
  patch: UpdateSurveyRequest,
  now: Date,
): Promise<SurveyDefinition | null> {
  const at = now.toISOString();
  const sets: string[] = [];
  const values: unknown[] = [];
  const set = (sql: string, value: unknown) => {
    values.push(value);
    sets.push(sql.replace("?", `?${values.length}`));
  };
  if (patch.title !== undefined) set("title = ?", patch.title);
  if (patch.question !== undefined) set("question = ?", JSON.stringify(patch.question));
  if (patch.followUp !== undefined) set("follow_up = ?", patch.followUp ? JSON.stringify(patch.followUp) : null);
  if (patch.closed === true) set("closed_at = COALESCE(closed_at, ?)", at);
  if (patch.closed === false) sets.push("closed_at = NULL");
  if (patch.closesAt !== undefined)
    set("closes_at = ?", patch.closesAt ? new Date(patch.closesAt).toISOString() : null);
  if (patch.maxResponses !== undefined) set("max_responses = ?", patch.maxResponses);
  if (patch.throttleDays !== undefined) set("throttle_days = ?", patch.throttleDays);
  if (patch.anonymous !== undefined) set("anonymous = ?", patch.anonymous ? 1 : 0);
  set("updated_at = ?", at);
  values.push(id, workspaceId);
  const row = await db
    .prepare(
      `UPDATE surveys SET ${sets.join(", ")} WHERE id = ?${values.length - 1} AND workspace_id = ?${values.length} RETURNING *`,
    )
    .bind(...values)
    .first<SurveyRow>();
  return row ? surveyDefinition(row) : null;
}

/**
 * When each contact last answered any survey of the workspace (the first submission time of
 * their latest answer), for the throttle. One query for the whole list: the ids travel as one
 * JSON parameter, which keeps under D1's limit of 100 bound parameters.
 */
export async function lastAnswered(
  db: D1Database,
  workspaceId: string,
  contactIds: readonly string[],
): Promise<Map<string, string>> {
  const { results } = await db
    .prepare(
      `SELECT contact_id, MAX(created_at) AS last FROM responses
       WHERE workspace_id = ?1 AND contact_id IN (SELECT value FROM json_each(?2))
       GROUP BY contact_id`,
    )
    .bind(workspaceId, JSON.stringify([...new Set(contactIds)]))
    .all<{ contact_id: string; last: string }>();
  return new Map(results.map((row) => [row.contact_id, row.last]));
}

/**
 * One page of a survey's answers in change order (`seq`). `after` is the last seq the client has
 * seen; an answer edited since then has a new, larger seq and so comes again with its new content.
 */
export async function responsesAfter(
  db: D1Database,
  surveyId: string,
  after: number,
  limit: number,
): Promise<{ rows: ResponseRow[]; hasMore: boolean }> {
  const { results } = await db
    .prepare("SELECT * FROM responses WHERE survey_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3")
    .bind(surveyId, after, limit + 1)
    .all<ResponseRow>();
  return { rows: results.slice(0, limit), hasMore: results.length > limit };
}

export interface ScoreCount {
  score: number;
  count: number;
}

/**
 * The current scores of a survey (one per answer, edits included once) as a histogram: what an
 * NPS, CSAT or CES summary needs, read from the covering index responses_scores. Flagged answers
 * are left out unless `includeFlagged`.
 */
export async function scoreHistogram(
  db: D1Database,
  surveyId: string,
  options: { includeFlagged?: boolean } = {},
): Promise<ScoreCount[]> {
  const { results } = await db
    .prepare(
      `SELECT score, COUNT(*) AS count FROM responses
       WHERE survey_id = ?1 AND score IS NOT NULL ${options.includeFlagged ? "" : "AND flags = 0"}
       GROUP BY score ORDER BY score`,
    )
    .bind(surveyId)
    .all<ScoreCount>();
  return results;
}

export interface FactorRatingCount {
  factorId: string;
  rating: number;
  count: number;
}

/** The current CSI ratings of a survey, counted per factor and rating (the CSI needs each factor's mean). */
export async function factorHistograms(
  db: D1Database,
  surveyId: string,
  options: { includeFlagged?: boolean } = {},
): Promise<FactorRatingCount[]> {
  const { results } = await db
    .prepare(
      `SELECT j.key AS factorId, j.value AS rating, COUNT(*) AS count
       FROM responses AS r, json_each(r.answers) AS j
       WHERE r.survey_id = ?1 AND r.answers IS NOT NULL ${options.includeFlagged ? "" : "AND r.flags = 0"}
       GROUP BY j.key, j.value ORDER BY j.key, j.value`,
    )
    .bind(surveyId)
    .all<FactorRatingCount>();
  return results;
}

/**
 * How many answers a survey has and how many of them carry flags (the summary's n for CSI and the
 * count of flagged answers it leaves out). Every stored answer has a score or CSI ratings.
 */
export async function answerCounts(db: D1Database, surveyId: string): Promise<{ answers: number; flagged: number }> {
  const row = await db
    .prepare("SELECT COUNT(*) AS answers, COALESCE(SUM(flags != 0), 0) AS flagged FROM responses WHERE survey_id = ?1")
    .bind(surveyId)
    .first<{ answers: number; flagged: number }>();
  return { answers: row?.answers ?? 0, flagged: row?.flagged ?? 0 };
}
