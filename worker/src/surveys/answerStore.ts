import type { Locale } from "../../../shared/i18n/locale";
import type { FactorRatingCount, ScoreCount } from "../../../shared/metrics/surveySummary";
import { type Refusal, refusal } from "./answerRules";
import { RATE_LIMIT, RATE_WINDOW_MS, SAME_IP_ANSWERS, SAME_IP_WINDOW_MS } from "./limits";
import { type ResponseRow, type SurveyDefinition, type SurveyRow, surveyDefinition } from "./rows";

/**
 * All SQL of the responses table: the respondent pages' reads and writes, and the survey API's
 * reads (the sync's pages, the summary's histograms). A respondent page costs one round trip (the
 * survey, the answer being edited, the contact's other answers). A score submission costs one round
 * trip too: a batch
 * of the rate counter and one guarded UPSERT that checks everything in SQL at the moment of
 * writing (open, cap, throttle, rate limit, the form's age), so concurrent submissions can never
 * exceed the cap, write into a closed survey or store one form twice. Only when nothing was
 * written does a second read find out why.
 */

/** Which answer a page or submission is about: the contact's (personal link), or one answer by id. */
export type Target = { contactId: string } | { responseId: string };

export interface PageState {
  survey: SurveyDefinition | null;
  /** The answer being edited: the contact's answer, or the answer with that id. */
  existing: ResponseRow | null;
  /** Personal links: the contact's latest answer to another survey of the workspace. */
  lastOtherAnswerAt: string | null;
}

function existingQuery(db: D1Database, surveyId: string, target: Target | null): D1PreparedStatement {
  if (target && "contactId" in target) {
    return db
      .prepare("SELECT * FROM responses WHERE survey_id = ?1 AND contact_id = ?2")
      .bind(surveyId, target.contactId);
  }
  return db
    .prepare("SELECT * FROM responses WHERE id = ?1 AND survey_id = ?2")
    .bind(target ? target.responseId : "", surveyId);
}

function lastOtherQuery(db: D1Database, surveyId: string, target: Target | null): D1PreparedStatement {
  return db
    .prepare(
      `SELECT MAX(r.created_at) AS last FROM responses AS r JOIN surveys AS s ON s.id = ?1
       WHERE r.workspace_id = s.workspace_id AND r.contact_id = ?2 AND r.survey_id != ?1`,
    )
    .bind(surveyId, target && "contactId" in target ? target.contactId : null);
}

/** What a survey page needs, in one round trip. */
export async function loadPageState(db: D1Database, surveyId: string, target: Target | null): Promise<PageState> {
  const [survey, existing, last] = await db.batch<unknown>([
    db.prepare("SELECT * FROM surveys WHERE id = ?1").bind(surveyId),
    existingQuery(db, surveyId, target),
    lastOtherQuery(db, surveyId, target),
  ]);
  return pageState(survey, existing, last);
}

function pageState(survey?: D1Result<unknown>, existing?: D1Result<unknown>, last?: D1Result<unknown>): PageState {
  const surveyRow = survey?.results[0] as SurveyRow | undefined;
  return {
    survey: surveyRow ? surveyDefinition(surveyRow) : null,
    existing: (existing?.results[0] as ResponseRow | undefined) ?? null,
    lastOtherAnswerAt: (last?.results[0] as { last: string | null } | undefined)?.last ?? null,
  };
}

interface RateKey {
  surveyId: string;
  ipHash: string;
  now: number;
}

/** The last window in which this isolate deleted old counters. */
let cleanedWindow = -1;

/** Makes the next submission delete old counters again (tests use it to see the deletion). */
export function resetCounterCleanup(): void {
  cleanedWindow = -1;
}

/**
 * The rate counter's upsert (its RETURNING n is the count so far in this window), and, once per
 * window and isolate, the deletion of windows that are over.
 */
function rateStatements(db: D1Database, key: RateKey): { window: number; statements: D1PreparedStatement[] } {
  const window = Math.floor(key.now / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  const statements = [
    db
      .prepare(
        `INSERT INTO submission_counters (survey_id, ip_hash, window_start, n) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT (survey_id, ip_hash, window_start) DO UPDATE SET n = n + 1 RETURNING n`,
      )
      .bind(key.surveyId, key.ipHash, window),
  ];
  if (cleanedWindow !== window) {
    cleanedWindow = window;
    statements.push(
      db.prepare("DELETE FROM submission_counters WHERE window_start < ?1").bind(window - RATE_WINDOW_MS),
    );
  }
  return { window, statements };
}

const OPEN = "s.closed_at IS NULL AND (s.closes_at IS NULL OR s.closes_at > ?{nowIso})";
const UNDER_RATE =
  "(SELECT n FROM submission_counters WHERE survey_id = ?{survey} AND ip_hash = ?{ip} AND window_start = ?{window}) <= ?{limit}";

/** Numbered parameters by name: D1 binds `?1…?N` positionally. */
function sql(text: string, names: readonly string[]): string {
  return text.replace(/\?\{(\w+)\}/g, (_, name: string) => {
    const index = names.indexOf(name);
    if (index < 0) throw new Error(`unknown SQL parameter ${name}`);
    return `?${index + 1}`;
  });
}

export interface ScoreWrite {
  surveyId: string;
  /** The answer's id: from the form nonce (a new answer), or from an `r=` token (an edit). */
  id: string;
  contactId: string | null;
  score: number | null;
  answers: string | null;
  language: Locale;
  /** Flags known from the request (honeypot, too_fast); same_ip and duplicate are counted in SQL. */
  flags: number;
  ipHash: string;
  respondent: string;
  nonceAt: number;
  now: number;
}

export type ScoreOutcome =
  | { kind: "stored"; responseId: string; followUp: boolean }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "refused"; refusal: Refusal; survey: SurveyDefinition | null };

const SCORE_NAMES = [
  "id",
  "contact",
  "source",
  "score",
  "answers",
  "language",
  "flags",
  "ip",
  "respondent",
  "nonceAt",
  "nowIso",
  "survey",
  "window",
  "limit",
  "ipSince",
  "sameIp",
] as const;

// An edit (a conflict on the id or on the contact): applied only if the form is not older than the
// one that last wrote the row (a late retry must not undo a newer edit) and something changed (a
// retry of the same form changes nothing and keeps its seq). Only the request's own flags carry over.
const ON_CONFLICT_UPDATE = `DO UPDATE SET score = excluded.score, answers = excluded.answers, language = excluded.language,
    flags = flags | (excluded.flags & 3), nonce_at = excluded.nonce_at, seq = excluded.seq, updated_at = excluded.updated_at
  WHERE survey_id = excluded.survey_id AND excluded.nonce_at >= nonce_at
    AND (score IS NOT excluded.score OR answers IS NOT excluded.answers)`;

// Whether this submission is about an answer that exists already (an edit), by id or by contact.
const ANSWER_EXISTS =
  "EXISTS (SELECT 1 FROM responses WHERE survey_id = ?1 AND (id = ?2 OR (?3 IS NOT NULL AND contact_id = ?3)))";
// A capped survey's answer count, kept without a trigger (remote D1 migrations cannot create one):
// the batch counts a new answer before the upsert (so the cap check below compares the count with
// this answer included) and takes it back afterwards if no row came of it. The net change is one
// exactly when the answer did not exist before and does now; the batch is one transaction. An
// uncapped survey's count is read with a COUNT instead (rows.ts), so its answers write nothing here.
const COUNT_NEW_ANSWER = `UPDATE surveys SET response_count = response_count + 1
  WHERE id = ?1 AND max_responses IS NOT NULL AND NOT ${ANSWER_EXISTS}`;
const UNCOUNT_IF_NOT_STORED = `UPDATE surveys SET response_count = response_count - 1
  WHERE id = ?1 AND max_responses IS NOT NULL AND NOT ${ANSWER_EXISTS}`;

// The whole submission in one statement. The SELECT yields the new row only when the survey exists,
// is open and under the rate limit, and either the answer exists already (an edit) or a new one is
// allowed: under the cap, through a personal link or an open anonymous link, and not throttled.
// same_ip and duplicate are flagged here, from the rows at the moment of writing.
const SCORE_SQL = sql(
  `INSERT INTO responses (id, survey_id, workspace_id, contact_id, source, score, answers, comment, language, finished,
    flags, ip_hash, respondent, nonce_at, seq, created_at, updated_at)
  SELECT ?{id}, s.id, s.workspace_id, ?{contact}, ?{source}, ?{score}, ?{answers}, NULL, ?{language},
    CASE WHEN s.follow_up IS NULL THEN 1 ELSE 0 END,
    ?{flags}
      | CASE WHEN (SELECT COUNT(*) FROM responses WHERE survey_id = s.id AND ip_hash = ?{ip} AND created_at > ?{ipSince})
          >= ?{sameIp} THEN 4 ELSE 0 END
      | CASE WHEN ?{contact} IS NULL AND EXISTS (SELECT 1 FROM responses WHERE survey_id = s.id
          AND respondent = ?{respondent} AND id != ?{id}) THEN 8 ELSE 0 END,
    ?{ip}, ?{respondent}, ?{nonceAt},
    (SELECT COALESCE(MAX(seq), 0) + 1 FROM responses WHERE survey_id = s.id), ?{nowIso}, ?{nowIso}
  FROM surveys AS s
  WHERE s.id = ?{survey} AND ${OPEN} AND ${UNDER_RATE}
    AND (EXISTS (SELECT 1 FROM responses WHERE survey_id = s.id AND (id = ?{id} OR contact_id = ?{contact}))
      OR ((s.max_responses IS NULL OR s.response_count <= s.max_responses)
        AND (?{contact} IS NOT NULL OR s.anonymous = 1)
        AND NOT (?{contact} IS NOT NULL AND s.throttle_days > 0 AND EXISTS (
          SELECT 1 FROM responses AS o WHERE o.workspace_id = s.workspace_id AND o.contact_id = ?{contact}
            AND o.survey_id != s.id
            AND o.created_at > strftime('%Y-%m-%dT%H:%M:%fZ', ?{nowIso}, '-' || s.throttle_days || ' days')))))
  ON CONFLICT (id) ${ON_CONFLICT_UPDATE}
  ON CONFLICT (survey_id, contact_id) ${ON_CONFLICT_UPDATE}
  RETURNING id, (SELECT follow_up IS NOT NULL FROM surveys WHERE id = ?{survey}) AS follow_up`,
  SCORE_NAMES,
);

function bindNamed<N extends readonly string[]>(
  statement: D1PreparedStatement,
  names: N,
  values: Record<N[number], unknown>,
): D1PreparedStatement {
  return statement.bind(...names.map((name: N[number]) => values[name]));
}

/**
 * Stores a score (or CSI ratings) in one round trip: a new answer, or an edit of the answer with
 * this id or of this contact. When nothing was written, finds out why (rare: one more read).
 */
export async function writeScore(db: D1Database, input: ScoreWrite): Promise<ScoreOutcome> {
  const rate = rateStatements(db, { surveyId: input.surveyId, ipHash: input.ipHash, now: input.now });
  const main = bindNamed(db.prepare(SCORE_SQL), SCORE_NAMES, {
    id: input.id,
    contact: input.contactId,
    source: input.contactId === null ? "anonymous" : "personal",
    score: input.score,
    answers: input.answers,
    language: input.language,
    flags: input.flags,
    ip: input.ipHash,
    respondent: input.respondent,
    nonceAt: input.nonceAt,
    nowIso: new Date(input.now).toISOString(),
    survey: input.surveyId,
    window: rate.window,
    limit: RATE_LIMIT,
    ipSince: new Date(input.now - SAME_IP_WINDOW_MS).toISOString(),
    sameIp: SAME_IP_ANSWERS,
  });
  const counted = [input.surveyId, input.id, input.contactId] as const;
  const results = await db.batch<{ n?: number; id?: string; follow_up?: number }>([
    ...rate.statements,
    db.prepare(COUNT_NEW_ANSWER).bind(...counted),
    main,
    db.prepare(UNCOUNT_IF_NOT_STORED).bind(...counted),
  ]);
  const row = results[results.length - 2]?.results[0];
  if (row?.id) return { kind: "stored", responseId: row.id, followUp: row.follow_up === 1 };
  const rateLimited = rateLimit(results[0]?.results[0]?.n ?? 0, rate.window, input.now);
  if (rateLimited) return rateLimited;
  const target: Target = input.contactId !== null ? { contactId: input.contactId } : { responseId: input.id };
  const state = await loadPageState(db, input.surveyId, target);
  const existing = state.existing;
  // Nothing to do: this exact answer is stored already (a retry), or a newer form wrote the row.
  if (
    existing &&
    (existing.nonce_at > input.nonceAt || (existing.score === input.score && existing.answers === input.answers))
  ) {
    return { kind: "stored", responseId: existing.id, followUp: state.survey?.followUp != null };
  }
  const refused = refusal(state, input.contactId !== null, false, input.now);
  if (refused) return { kind: "refused", refusal: refused, survey: state.survey };
  throw new Error("submission was not applied");
}

function rateLimit(count: number, window: number, now: number): ScoreOutcome | null {
  if (count <= RATE_LIMIT) return null;
  return { kind: "rate_limited", retryAfterSeconds: Math.max(1, Math.ceil((window + RATE_WINDOW_MS - now) / 1000)) };
}

export interface CommentWrite {
  surveyId: string;
  responseId: string;
  /** The comment to store, or null to finish without one; `keep` finishes and keeps any earlier comment. */
  comment: string | null;
  keep: boolean;
  ipHash: string;
  now: number;
}

const COMMENT_NAMES = ["comment", "keep", "nowIso", "id", "survey", "ip", "window", "limit"] as const;
const COMMENT_SQL = sql(
  `UPDATE responses SET comment = CASE WHEN ?{keep} THEN comment ELSE ?{comment} END, finished = 1,
    updated_at = ?{nowIso}, seq = (SELECT MAX(seq) + 1 FROM responses WHERE survey_id = ?{survey})
  WHERE id = ?{id} AND survey_id = ?{survey} AND (finished = 0 OR (NOT ?{keep} AND comment IS NOT ?{comment}))
    AND EXISTS (SELECT 1 FROM surveys AS s WHERE s.id = ?{survey} AND ${OPEN})
    AND ${UNDER_RATE}
  RETURNING id`,
  COMMENT_NAMES,
);

/** Stores the follow-up comment and marks the answer finished; a retry with the same comment changes nothing. */
export async function writeComment(db: D1Database, input: CommentWrite): Promise<ScoreOutcome> {
  const rate = rateStatements(db, { surveyId: input.surveyId, ipHash: input.ipHash, now: input.now });
  const main = bindNamed(db.prepare(COMMENT_SQL), COMMENT_NAMES, {
    comment: input.comment,
    keep: input.keep ? 1 : 0,
    nowIso: new Date(input.now).toISOString(),
    id: input.responseId,
    survey: input.surveyId,
    ip: input.ipHash,
    window: rate.window,
    limit: RATE_LIMIT,
  });
  const results = await db.batch<{ n?: number; id?: string }>([...rate.statements, main]);
  const stored = results[results.length - 1]?.results[0]?.id;
  if (stored) return { kind: "stored", responseId: stored, followUp: true };
  const rateLimited = rateLimit(results[0]?.results[0]?.n ?? 0, rate.window, input.now);
  if (rateLimited) return rateLimited;
  const state = await loadPageState(db, input.surveyId, { responseId: input.responseId });
  const row = state.existing;
  // A retry of the same comment (or skip) changes nothing.
  if (row && row.finished === 1 && (input.keep || row.comment === input.comment)) {
    return { kind: "stored", responseId: row.id, followUp: true };
  }
  const refused = refusal(state, false, true, input.now);
  if (refused) return { kind: "refused", refusal: refused, survey: state.survey };
  throw new Error("comment was not applied");
}

// ---------------------------------------------------------------------------------------------
// Reads for the survey API: the throttle's last answers, the sync's pages, the summary's histograms.

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
