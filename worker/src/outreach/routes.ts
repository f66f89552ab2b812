import { Hono } from "hono";
import {
  ClaimRequest,
  type ClaimResponse,
  type LedgerPage,
  LedgerQuery,
  type OptOutsResponse,
  ResultsRequest,
  type ResultsResponse,
  UnsubscribeLinksRequest,
  type UnsubscribeLinksResponse,
} from "../../../shared/api/outreach";
import { linkSecret } from "../auth";
import type { AppEnv } from "../env";
import { signOptOut } from "../surveys/signing";
import { validate } from "../validation";
import { claimSends, ledgerPage, optOuts, recordResults } from "./ledgerStore";

/**
 * `/api/v1/outreach` (behind the workspace token): the never-twice ledger of what the spreadsheet
 * sends, and its unsubscribe links and list. Every query names the token's workspace.
 */
export const outreach = new Hono<AppEnv>()
  .post("/claims", validate("json", ClaimRequest), async (c) => {
    const { campaign, occurrence, contactIds, after, unanswered } = c.req.valid("json");
    const result = await claimSends(c.env.DB, c.get("workspaceId"), campaign, occurrence, contactIds, new Date(), {
      after,
      unanswered,
    });
    return c.json<ClaimResponse>(result);
  })
  .post("/results", validate("json", ResultsRequest), async (c) => {
    const { campaign, occurrence, sent, failed, sentAt } = c.req.valid("json");
    const at = sentAt ? new Date(sentAt) : new Date();
    const result = await recordResults(c.env.DB, c.get("workspaceId"), campaign, occurrence, sent, failed, at);
    return c.json<ResultsResponse>(result);
  })
  .get("/ledger", validate("query", LedgerQuery), async (c) => {
    const { campaign, cursor, limit } = c.req.valid("query");
    const page = await ledgerPage(c.env.DB, c.get("workspaceId"), campaign, Number(cursor ?? 0), limit ?? 500);
    return c.json<LedgerPage>({
      entries: page.entries,
      nextCursor: page.last === null ? (cursor ?? null) : String(page.last),
    });
  })
  .post("/unsubscribe-links", validate("json", UnsubscribeLinksRequest), async (c) => {
    const secret = linkSecret(c);
    const workspaceId = c.get("workspaceId");
    const base = `${new URL(c.req.url).origin}/u/${workspaceId}`;
    const links = await Promise.all(
      [...new Set(c.req.valid("json").contactIds)].map(async (contactId) => ({
        contactId,
        url: `${base}?c=${encodeURIComponent(contactId)}&k=${await signOptOut(secret, workspaceId, contactId)}`,
      })),
    );
    return c.json<UnsubscribeLinksResponse>({ links });
  })
  .get("/opt-outs", async (c) => {
    return c.json<OptOutsResponse>({ contactIds: await optOuts(c.env.DB, c.get("workspaceId")) });
  });
