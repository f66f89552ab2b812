import type { LedgerEntry } from "../api/outreach";

/**
 * What the sheet shows beside each client about one survey's emails, and who is due a reminder:
 * pure rules over the Worker's ledger (what was sent, when, and whether the contact answered) and
 * its list of the unsubscribed. The Worker's answers decide "answered", never the sheet.
 */

export const SEND_STATUSES = ["sending", "sent", "reminded", "answered", "optedOut", "badAddress", "failed"] as const;
export type SendStatusKind = (typeof SEND_STATUSES)[number];

export interface ContactSendStatus {
  readonly kind: SendStatusKind;
  /** ISO time of the last email this contact was sent for the campaign, or null. */
  readonly lastSentAt: string | null;
  /** Reminders sent so far. */
  readonly reminders: number;
  /** Why the last attempt failed (MailApp's words), for `failed` and `badAddress`. */
  readonly reason: string | null;
}

/** The ledger's occurrences of a survey invitation: "invite", then "reminder:1", "reminder:2", … */
export const INVITE = "invite";
export const reminderOccurrence = (n: number): string => `reminder:${n}`;

/** 0 for the invitation, n for reminder n, null for anything else (a recurring send, a campaign). */
export function inviteStep(occurrence: string): number | null {
  if (occurrence === INVITE) return 0;
  const m = /^reminder:([1-9]\d{0,2})$/.exec(occurrence);
  return m ? Number(m[1]) : null;
}

/** MailApp's refusal of an address (the only failure that retrying cannot mend). */
const BAD_ADDRESS = /^Invalid email/i;

interface Progress {
  sentCount: number;
  reminders: number;
  lastSentAt: string | null;
  /** The highest invitation step sent and when (reminders count from it). */
  lastStep: number;
  lastStepAt: string | null;
  answered: boolean;
  /** The last attempt that did not end in "sent": its state and reason. */
  unsettled: { state: "claimed" | "failed"; reason: string | null } | null;
}

function progressOf(entries: Iterable<LedgerEntry>): Map<string, Progress> {
  const byContact = new Map<string, Progress>();
  for (const e of entries) {
    let p = byContact.get(e.contactId);
    if (!p) {
      p = {
        sentCount: 0,
        reminders: 0,
        lastSentAt: null,
        lastStep: -1,
        lastStepAt: null,
        answered: false,
        unsettled: null,
      };
      byContact.set(e.contactId, p);
    }
    p.answered ||= e.answered;
    if (e.state === "sent") {
      p.sentCount++;
      const at = e.sentAt ?? e.claimedAt;
      if (p.lastSentAt === null || at > p.lastSentAt) p.lastSentAt = at;
      const step = inviteStep(e.occurrence);
      if (step !== null && step > 0) p.reminders++;
      if (step !== null && step > p.lastStep) {
        p.lastStep = step;
        p.lastStepAt = at;
      }
    } else {
      p.unsettled = { state: e.state, reason: e.error };
    }
  }
  return byContact;
}

/**
 * Each contact's status for a campaign. Unsubscribed and answered outrank everything; a failure
 * shows only while nothing has reached the contact (a reminder held back by today's quota does not
 * turn a delivered invitation into "failed"); an address MailApp refused shows as a bad address.
 */
export function sendStatuses(
  entries: Iterable<LedgerEntry>,
  optedOut: ReadonlySet<string>,
): Map<string, ContactSendStatus> {
  const out = new Map<string, ContactSendStatus>();
  for (const [contactId, p] of progressOf(entries)) {
    const reason = p.unsettled?.reason ?? null;
    let kind: SendStatusKind;
    if (optedOut.has(contactId)) kind = "optedOut";
    else if (p.answered) kind = "answered";
    else if (p.unsettled?.state === "failed" && reason !== null && BAD_ADDRESS.test(reason)) kind = "badAddress";
    else if (p.sentCount > 0) kind = p.reminders > 0 ? "reminded" : "sent";
    else kind = p.unsettled?.state === "failed" ? "failed" : "sending";
    out.set(contactId, {
      kind,
      lastSentAt: p.lastSentAt,
      reminders: p.reminders,
      reason: kind === "failed" || kind === "badAddress" ? reason : null,
    });
  }
  return out;
}

export interface ReminderRule {
  /** Days after the last invitation or reminder before the next reminder. */
  readonly afterDays: number;
  /** Reminders at most, per contact. */
  readonly maxReminders: number;
}

export const REMINDER_LIMITS = { minDays: 1, maxDays: 90, maxReminders: 5 } as const;

/**
 * The reminder each contact is due now: invited (or last reminded) at least `afterDays` ago, fewer
 * than `maxReminders` reminders so far, not answered, not unsubscribed. Keyed by contact id; the
 * value is the reminder's number (1 for the first).
 */
export function remindersDue(
  entries: Iterable<LedgerEntry>,
  optedOut: ReadonlySet<string>,
  rule: ReminderRule,
  now: Date,
): Map<string, number> {
  const cutoff = new Date(now.getTime() - rule.afterDays * 86_400_000).toISOString();
  const due = new Map<string, number>();
  for (const [contactId, p] of progressOf(entries)) {
    if (p.answered || optedOut.has(contactId) || p.lastStep < 0 || p.lastStepAt === null) continue;
    if (p.lastStep >= rule.maxReminders || p.lastStepAt > cutoff) continue;
    due.set(contactId, p.lastStep + 1);
  }
  return due;
}
