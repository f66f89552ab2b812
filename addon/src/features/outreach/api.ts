import {
  type ClaimResponse,
  ClaimResponse as ClaimResponseSchema,
  OptOutsResponse,
  ResultsResponse,
  UnsubscribeLinksResponse,
} from "../../../../shared/api/outreach";
import { callWorker } from "../../services/workerClient";

/** The outreach routes of the Worker, as the add-on calls them (answers checked with the shared schemas). */

export function claimSends(campaign: string, occurrence: string, contactIds: readonly string[]): ClaimResponse {
  return callWorker({
    method: "post",
    path: "api/v1/outreach/claims",
    body: { campaign, occurrence, contactIds },
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
    body: { campaign, occurrence, sent, failed },
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
