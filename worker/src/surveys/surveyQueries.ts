import type { CreateSurveyRequest, UpdateSurveyRequest } from "../../../shared/api/surveys";
import { SURVEY_COLUMNS, type SurveyDefinition, type SurveyRow, surveyDefinition } from "./rows";
import { randomId } from "./signing";

/** D1 queries of the surveys table behind the survey API. Every query of a workspace's data names the workspace. */

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
    .prepare(`SELECT ${SURVEY_COLUMNS} FROM surveys WHERE id = ? AND workspace_id = ?`)
    .bind(id, workspaceId)
    .first<SurveyRow>();
  return row ? surveyDefinition(row) : null;
}

export async function listSurveys(db: D1Database, workspaceId: string): Promise<SurveyDefinition[]> {
  const { results } = await db
    .prepare(`SELECT ${SURVEY_COLUMNS} FROM surveys WHERE workspace_id = ? ORDER BY created_at DESC, id`)
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
  // Archiving closes the survey too (nobody watches a hidden survey); restoring leaves it closed.
  if (patch.archived === true) {
    set("archived_at = COALESCE(archived_at, ?)", at);
    if (patch.closed !== false) set("closed_at = COALESCE(closed_at, ?)", at);
  }
  if (patch.archived === false) sets.push("archived_at = NULL");
  if (patch.closesAt !== undefined)
    set("closes_at = ?", patch.closesAt ? new Date(patch.closesAt).toISOString() : null);
  if (patch.maxResponses !== undefined) {
    set("max_responses = ?", patch.maxResponses);
    // A cap keeps the stored count from here on: it starts from the answers there are.
    sets.push("response_count = (SELECT COUNT(*) FROM responses WHERE responses.survey_id = surveys.id)");
  }
  if (patch.throttleDays !== undefined) set("throttle_days = ?", patch.throttleDays);
  if (patch.anonymous !== undefined) set("anonymous = ?", patch.anonymous ? 1 : 0);
  set("updated_at = ?", at);
  values.push(id, workspaceId);
  const row = await db
    .prepare(
      `UPDATE surveys SET ${sets.join(", ")} WHERE id = ?${values.length - 1} AND workspace_id = ?${values.length} RETURNING ${SURVEY_COLUMNS}`,
    )
    .bind(...values)
    .first<SurveyRow>();
  return row ? surveyDefinition(row) : null;
}
