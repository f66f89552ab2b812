import {
  type ClaimResponse,
  ClaimResponse as ClaimResponseSchema,
  type LedgerEntry,
  LedgerPage,
  OptOutsResponse,
  OUTREACH_LIMITS,
  ResultsResponse,
  UnsubscribeLinksResponse,
} from "../../../../shared/api/outreach";
import { callWorker } from "../../services/workerClient";

/** The outreach routes of the Worker, as the add-on calls them (answers checked with the shared schemas). */

/** What a claim asks beyond "not yet sent" (a reminder: the invitation was sent, no answer yet). */
export interface ClaimConditions {
  after?: string;
  unanswered?: boolean;
}

export function claimSends(
  campaign: string,
  occurrence: string,
  contactIds: readonly string[],
  conditions: ClaimConditions = {},
): ClaimResponse {
  return callWorker({
    method: "post",
    path: "api/v1/outreach/claims",
    body: { campaign, occurrence, contactIds, ...conditions },
    auth: { kind: "workspace" },
    response: ClaimResponseSchema,
  });
}

export function reportSends(
  campaign: string,
  occurrence: string,
  sent: readonly string[],
  failed: readonly { contactId: string; reason: string }[],
): void {
  if (sent.length === 0 && failed.length === 0) return;
  callWorker({
    method: "post",
    path: "api/v1/outreach/results",
    body: { campaign, occurrence, sent, failed, sentAt: new Date().toISOString() },
    auth: { kind: "workspace" },
    response: ResultsResponse,
  });
}

export function unsubscribeLinks(contactIds: readonly string[]): Map<string, string> {
  const { links } = callWorker({
    method: "post",
    path: "api/v1/outreach/unsubscribe-links",
    body: { contactIds },
    auth: { kind: "workspace" },
    response: UnsubscribeLinksResponse,
  });
  return new Map(links.map((l) => [l.contactId, l.url]));
}

export function optedOut(): Set<string> {
  return new Set(
    callWorker({
      method: "get",
      path: "api/v1/outreach/opt-outs",
      auth: { kind: "workspace" },
      response: OptOutsResponse,
    }).contactIds,
  );
}

/** The campaign's whole ledger, page by page in claim order. */
export function readLedger(campaign: string): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  let cursor = "0";
  for (;;) {
    const page = callWorker({
      method: "get",
      path: `api/v1/outreach/ledger?campaign=${encodeURIComponent(campaign)}&cursor=${cursor}&limit=${OUTREACH_LIMITS.ledgerPage}`,
      auth: { kind: "workspace" },
      response: LedgerPage,
    });
    entries.push(...page.entries);
    if (page.entries.length < OUTREACH_LIMITS.ledgerPage || page.nextCursor === null) return entries;
    cursor = page.nextCursor;
  }
}
