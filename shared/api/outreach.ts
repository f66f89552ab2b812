import * as z from "zod/mini";
import { wellFormed } from "./common";
import { ContactId, Instant } from "./surveys";

/**
 * Request and response shapes of `/api/v1/outreach…`: the never-twice ledger of the emails a
 * spreadsheet sends, and the contacts who unsubscribed. The add-on claims contacts before it
 * sends, reports what it sent, and never writes to an unsubscribed contact.
 */

export const OUTREACH_LIMITS = { contactsPerRequest: 500, reason: 500, ledgerPage: 1000 } as const;

/** A survey id or a campaign's id. */
export const Campaign = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "Use 1–64 letters, digits, '_' or '-'"));
/** Which send of the campaign: "invite", "reminder:1", "every:2026-12-03", "afterDate:2026-11-26", "yearly:2026". */
export const Occurrence = z
  .string()
  .check(z.regex(/^[a-z][A-Za-z]{0,31}(?::[A-Za-z0-9_-]{1,32})?$/, "Use a word, optionally ':' and a tag"));

const Contacts = z.array(ContactId).check(z.minLength(1), z.maxLength(OUTREACH_LIMITS.contactsPerRequest));

export const ClaimRequest = z.strictObject({
  campaign: Campaign,
  occurrence: Occurrence,
  contactIds: Contacts,
  /** Claim only contacts already sent this occurrence of the campaign (a reminder follows its invitation). */
  after: z.optional(Occurrence),
  /** Claim only contacts who have not answered the survey the campaign is (the Worker's answers decide). */
  unanswered: z.optional(z.boolean()),
});
export type ClaimRequest = z.infer<typeof ClaimRequest>;

/**
 * `claimed`: send to these now. `sent`: already sent, never again. `pending`: claimed earlier and
 * never confirmed (a run that was killed); the add-on's own record of that run decides.
 * `optedOut`: unsubscribed. `answered`: left out because they answered (asked with `unanswered`).
 */
export const ClaimResponse = z.object({
  claimed: z.array(z.string()),
  sent: z.array(z.string()),
  pending: z.array(z.string()),
  optedOut: z.array(z.string()),
  answered: z.array(z.string()),
});
export type ClaimResponse = z.infer<typeof ClaimResponse>;

export const ResultsRequest = z.strictObject({
  campaign: Campaign,
  occurrence: Occurrence,
  sent: z._default(z.array(ContactId).check(z.maxLength(OUTREACH_LIMITS.contactsPerRequest)), []),
  failed: z._default(
    z
      .array(
        z.strictObject({
          contactId: ContactId,
          reason: wellFormed(z.string().check(z.trim(), z.minLength(1), z.maxLength(OUTREACH_LIMITS.reason))),
        }),
      )
      .check(z.maxLength(OUTREACH_LIMITS.contactsPerRequest)),
    [],
  ),
  /**
   * When the emails were handed to MailApp, by the spreadsheet's clock (reminders count their days
   * from it, by the same clock); the Worker's time when absent.
   */
  sentAt: z.optional(Instant),
});
export type ResultsRequest = z.input<typeof ResultsRequest>;

/** How many claims each list changed (a result for a contact not claimed changes nothing). */
export const ResultsResponse = z.object({ sent: z.int(), failed: z.int() });
export type ResultsResponse = z.infer<typeof ResultsResponse>;

export const LedgerQuery = z.strictObject({
  campaign: Campaign,
  cursor: z.optional(z.string().check(z.regex(/^\d{1,15}$/))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(OUTREACH_LIMITS.ledgerPage))),
});

export const LedgerEntry = z.object({
  contactId: z.string(),
  occurrence: z.string(),
  state: z.enum(["claimed", "sent", "failed"]),
  claimedAt: z.string(),
  sentAt: z.nullable(z.string()),
  error: z.nullable(z.string()),
  /** Whether the contact has answered the survey of this id (false for a campaign without one). */
  answered: z.boolean(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerPage = z.object({ entries: z.array(LedgerEntry), nextCursor: z.nullable(z.string()) });
export type LedgerPage = z.infer<typeof LedgerPage>;

export const UnsubscribeLinksRequest = z.strictObject({ contactIds: Contacts });
export const UnsubscribeLinksResponse = z.object({
  links: z.array(z.object({ contactId: z.string(), url: z.string() })),
});
export type UnsubscribeLinksResponse = z.infer<typeof UnsubscribeLinksResponse>;

export const OptOutsResponse = z.object({ contactIds: z.array(z.string()) });
export type OptOutsResponse = z.infer<typeof OptOutsResponse>;
