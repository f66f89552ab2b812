import type { FactorRatingCount, ScoreCount } from "../../../shared/metrics/surveySummary";
import type { ResponseRow } from "./rows";

/**
 * D1 queries that read answers (the responses table): the throttle's last answers, the sync's
 * pages, and the histograms behind a survey's summary. Answers are written by submit.ts.
 */

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
