import { RapportError } from "../errors";
import { fnv1a } from "../hash";

/**
 * A message without a survey (a greeting to a segment, news): the ledger knows it by an id made
 * from its name, so sending the same message again reaches nobody twice, and another name is
 * another message. Names differing only in case or spacing are the same message.
 */

export function messageName(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

/** The ledger's campaign id of a message: "msg-" and a hash of its name. */
export function messageCampaignId(name: string): string {
  const normal = messageName(name);
  if (normal === "") throw new RapportError("outreach.messageNoName");
  return `msg-${fnv1a(normal.toLowerCase()).toString(16).padStart(8, "0")}`;
}
