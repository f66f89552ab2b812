import type { ClaimResponse, LedgerEntry } from "../../../shared/api/outreach";

/**
 * All SQL of the outreach tables. Lists of contacts travel as one JSON parameter (json_each), which
 * keeps every statement under D1's 100 bound parameters whatever the list's length.
 */

interface SendRow {
  contact_id: string;
  occurrence: string;
  state: "claimed" | "sent" | "failed";
  claimed_at: string;
  sent_at: string | null;
  error: string | null;
  seq: number;
  answered: number;
}

/** What a claim asks beyond "not yet sent": that an earlier occurrence was sent, that the contact has not answered. */
export interface ClaimConditions {
  readonly after?: string | undefined;
  readonly unanswered?: boolean | undefined;
}

/**
 * Claims contacts for one send, in one transaction: a contact with no row, or whose last attempt
 * failed, is claimed; one already sent, or claimed and never confirmed, is not; an unsubscribed
 * contact never is, nor (when asked) one who answered the campaign's survey or was never sent the
 * occurrence this one follows. Two runs claiming at once cannot both win a contact (the primary key
 * decides).
 */
export async function claimSends(
  db: D1Database,
  workspaceId: string,
  campaign: string,
  occurrence: string,
  contactIds: readonly string[],
  now: Date,
  conditions: ClaimConditions = {},
): Promise<ClaimResponse> {
  const ids = JSON.stringify([...new Set(contactIds)]);
  const at = now.toISOString();
  const after = conditions.after ?? null;
  const unanswered = conditions.unanswered ? 1 : 0;
  const answeredSql =
    "EXISTS (SELECT 1 FROM responses AS r WHERE r.survey_id = ?2 AND r.contact_id = j.value AND r.workspace_id = ?1)";
  const [claim, states, optOuts, answered] = await db.batch([
    db
      .prepare(
        `INSERT INTO outreach_sends (workspace_id, campaign, contact_id, occurrence, state, claimed_at, seq)
         SELECT ?1, ?2, j.value, ?3, 'claimed', ?4,
           (SELECT COALESCE(MAX(seq), 0) FROM outreach_sends WHERE workspace_id = ?1 AND campaign = ?2) + j.key + 1
         FROM json_each(?5) AS j
         WHERE NOT EXISTS (SELECT 1 FROM opt_outs AS o WHERE o.workspace_id = ?1 AND o.contact_id = j.value)
           AND (?6 IS NULL OR EXISTS (SELECT 1 FROM outreach_sends AS p WHERE p.workspace_id = ?1 AND p.campaign = ?2
                AND p.contact_id = j.value AND p.occurrence = ?6 AND p.state = 'sent'))
           AND (?7 = 0 OR NOT ${answeredSql})
         ON CONFLICT (workspace_id, campaign, contact_id, occurrence) DO UPDATE
           SET state = 'claimed', claimed_at = excluded.claimed_at, error = NULL, seq = excluded.seq
           WHERE outreach_sends.state = 'failed'
         RETURNING contact_id`,
      )
      .bind(workspaceId, campaign, occurrence, at, ids, after, unanswered),
    db
      .prepare(
        `SELECT contact_id, state FROM outreach_sends
         WHERE workspace_id = ?1 AND campaign = ?2 AND occurrence = ?3 AND contact_id IN (SELECT value FROM json_each(?4))`,
      )
      .bind(workspaceId, campaign, occurrence, ids),
    db
      .prepare(
        "SELECT contact_id FROM opt_outs WHERE workspace_id = ?1 AND contact_id IN (SELECT value FROM json_each(?2))",
      )
      .bind(workspaceId, ids),
    db
      .prepare(`SELECT j.value AS contact_id FROM json_each(?3) AS j WHERE ?4 = 1 AND ${answeredSql}`)
      .bind(workspaceId, campaign, ids, unanswered),
  ]);
  // db.batch answers one result per statement, in order.
  const rows = <T>(result: D1Result | undefined) => (result?.results ?? []) as T[];
  const claimed = new Set(rows<{ contact_id: string }>(claim).map((r) => r.contact_id));
  const out: ClaimResponse = { claimed: [...claimed], sent: [], pending: [], optedOut: [], answered: [] };
  for (const row of rows<{ contact_id: string; state: string }>(states)) {
    if (claimed.has(row.contact_id)) continue;
    if (row.state === "sent") out.sent.push(row.contact_id);
    else if (row.state === "claimed") out.pending.push(row.contact_id);
  }
  out.optedOut = rows<{ contact_id: string }>(optOuts).map((r) => r.contact_id);
  out.answered = rows<{ contact_id: string }>(answered)
    .map((r) => r.contact_id)
    .filter((id) => !claimed.has(id));
  return out;
}

/** Records what a run sent and what failed; only claimed rows change, so a retried report changes nothing. */
export async function recordResults(
  db: D1Database,
  workspaceId: string,
  campaign: string,
  occurrence: string,
  sent: readonly string[],
  failed: readonly { contactId: string; reason: string }[],
  now: Date,
): Promise<{ sent: number; failed: number }> {
  const at = now.toISOString();
  const [sentResult, failedResult] = await db.batch([
    db
      .prepare(
        `UPDATE outreach_sends SET state = 'sent', sent_at = ?4
         WHERE workspace_id = ?1 AND campaign = ?2 AND occurrence = ?3 AND state = 'claimed'
           AND contact_id IN (SELECT value FROM json_each(?5))`,
      )
      .bind(workspaceId, campaign, occurrence, at, JSON.stringify(sent)),
    db
      .prepare(
        `UPDATE outreach_sends SET state = 'failed',
           error = (SELECT json_extract(f.value, '$.reason') FROM json_each(?4) AS f
                    WHERE json_extract(f.value, '$.contactId') = outreach_sends.contact_id LIMIT 1)
         WHERE workspace_id = ?1 AND campaign = ?2 AND occurrence = ?3 AND state = 'claimed'
           AND contact_id IN (SELECT json_extract(value, '$.contactId') FROM json_each(?4))`,
      )
      .bind(workspaceId, campaign, occurrence, JSON.stringify(failed)),
  ]);
  return { sent: sentResult?.meta.changes ?? 0, failed: failedResult?.meta.changes ?? 0 };
}

/** One page of a campaign's ledger in the order of claims, for the sheet's status columns. */
export async function ledgerPage(
  db: D1Database,
  workspaceId: string,
  campaign: string,
  after: number,
  limit: number,
): Promise<{ entries: LedgerEntry[]; last: number | null; hasMore: boolean }> {
  const { results } = await db
    .prepare(
      `SELECT s.contact_id, s.occurrence, s.state, s.claimed_at, s.sent_at, s.error, s.seq,
         EXISTS (SELECT 1 FROM responses AS r
                 WHERE r.survey_id = s.campaign AND r.contact_id = s.contact_id AND r.workspace_id = s.workspace_id)
           AS answered
       FROM outreach_sends AS s
       WHERE s.workspace_id = ?1 AND s.campaign = ?2 AND s.seq > ?3 ORDER BY s.seq LIMIT ?4`,
    )
    .bind(workspaceId, campaign, after, limit + 1)
    .all<SendRow>();
  const page = results.slice(0, limit);
  return {
    entries: page.map((r) => ({
      contactId: r.contact_id,
      occurrence: r.occurrence,
      state: r.state,
      claimedAt: r.claimed_at,
      sentAt: r.sent_at,
      error: r.error,
      answered: r.answered === 1,
    })),
    last: page.length ? (page[page.length - 1] as SendRow).seq : null,
    hasMore: results.length > limit,
  };
}

export async function recordOptOut(db: D1Database, workspaceId: string, contactId: string, now: Date): Promise<void> {
  await db
    .prepare("INSERT INTO opt_outs (workspace_id, contact_id, at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
    .bind(workspaceId, contactId, now.toISOString())
    .run();
}

export async function optOuts(db: D1Database, workspaceId: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT contact_id FROM opt_outs WHERE workspace_id = ?1 ORDER BY at")
    .bind(workspaceId)
    .all<{ contact_id: string }>();
  return results.map((r) => r.contact_id);
}

export async function workspaceExists(db: D1Database, workspaceId: string): Promise<boolean> {
  return (await db.prepare("SELECT 1 FROM workspaces WHERE id = ?1").bind(workspaceId).first()) !== null;
}
