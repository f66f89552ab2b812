import { describe, expect, it } from "vitest";
import type { LedgerEntry } from "../../../shared/api/outreach";
import { inviteStep, remindersDue, sendStatuses } from "../../../shared/outreach/status";

const DAY = 86_400_000;
const NOW = new Date("2026-12-10T12:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

function entry(
  contactId: string,
  occurrence: string,
  state: LedgerEntry["state"],
  daysAgo: number,
  extra: Partial<LedgerEntry> = {},
): LedgerEntry {
  return {
    contactId,
    occurrence,
    state,
    claimedAt: ago(daysAgo),
    sentAt: state === "sent" ? ago(daysAgo) : null,
    error: null,
    answered: false,
    ...extra,
  };
}

describe("inviteStep", () => {
  it("numbers the invitation 0 and reminders from 1; anything else is not a step", () => {
    expect(inviteStep("invite")).toBe(0);
    expect(inviteStep("reminder:1")).toBe(1);
    expect(inviteStep("reminder:12")).toBe(12);
    expect(inviteStep("reminder:0")).toBeNull();
    expect(inviteStep("every:2026-12-03")).toBeNull();
  });
});

describe("sendStatuses", () => {
  it("ranks unsubscribed, answered, bad address, reminded, sent, failed, sending as worked out by hand", () => {
    const entries = [
      entry("sent", "invite", "sent", 5),
      entry("reminded", "invite", "sent", 9),
      entry("reminded", "reminder:1", "sent", 2),
      entry("answered", "invite", "sent", 4, { answered: true }),
      entry("gone", "invite", "sent", 4, { answered: true }),
      entry("bad", "invite", "failed", 1, { error: "Invalid email: x@" }),
      entry("quota", "invite", "failed", 1, { error: "Service invoked too many times for one day: email." }),
      // Invitation delivered, its reminder held back by the quota: still "sent", not "failed".
      entry("held", "invite", "sent", 6),
      entry("held", "reminder:1", "failed", 0, { error: "Service invoked too many times for one day: email." }),
      entry("claimed", "invite", "claimed", 0),
    ];
    const statuses = sendStatuses(entries, new Set(["gone"]));
    const kinds = Object.fromEntries([...statuses].map(([id, s]) => [id, [s.kind, s.reminders, s.reason]]));
    expect(kinds).toEqual({
      sent: ["sent", 0, null],
      reminded: ["reminded", 1, null],
      answered: ["answered", 0, null],
      gone: ["optedOut", 0, null],
      bad: ["badAddress", 0, "Invalid email: x@"],
      quota: ["failed", 0, "Service invoked too many times for one day: email."],
      held: ["sent", 0, null],
      claimed: ["sending", 0, null],
    });
    expect(statuses.get("reminded")?.lastSentAt).toBe(ago(2));
    expect(statuses.get("claimed")?.lastSentAt).toBeNull();
  });
});

describe("remindersDue", () => {
  const rule = { afterDays: 3, maxReminders: 2 };

  it("reminds the silent after N days, counts from the last reminder, stops at K", () => {
    const entries = [
      entry("due", "invite", "sent", 3),
      entry("early", "invite", "sent", 2.9),
      entry("second", "invite", "sent", 10),
      entry("second", "reminder:1", "sent", 4),
      entry("recent", "invite", "sent", 10),
      entry("recent", "reminder:1", "sent", 1),
      entry("done", "invite", "sent", 20),
      entry("done", "reminder:1", "sent", 15),
      entry("done", "reminder:2", "sent", 10),
      entry("answered", "invite", "sent", 9, { answered: true }),
      entry("gone", "invite", "sent", 9),
      entry("failed", "invite", "failed", 9, { error: "Invalid email: y" }),
      entry("retry", "invite", "sent", 8),
      entry("retry", "reminder:1", "failed", 1, { error: "Service invoked too many times for one day: email." }),
      entry("other", "every:2026-11-01", "sent", 30),
    ];
    const due = remindersDue(entries, new Set(["gone"]), rule, NOW);
    expect(Object.fromEntries(due)).toEqual({ due: 1, second: 2, retry: 1 });
  });

  it("reminds nobody when no reminder is allowed", () => {
    expect(
      remindersDue([entry("a", "invite", "sent", 30)], new Set(), { afterDays: 1, maxReminders: 0 }, NOW).size,
    ).toBe(0);
  });
});
