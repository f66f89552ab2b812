import { scheduleOf, sendCampaignId, triggersNeeded, withSchedule } from "../../../../shared/outreach/automation";
import type { SendRequest } from "../outreach/shapes";
import { readAutomation, writeAutomation } from "./settingsStore";
import { reconcileTrigger, sendsPlan } from "./triggers";

/**
 * An invitation (or a message) that met the day's quota goes on by itself: its schedule gets `invite`,
 * so each morning's run sends the next part until everyone chosen has it, then drops it. The
 * caller holds the document lock.
 */
export function continueInvitation(send: SendRequest): void {
  const current = readAutomation();
  const mine = scheduleOf(current, sendCampaignId(send));
  const next = withSchedule(current, {
    reminders: mine?.reminders ?? null,
    everyDays: mine?.everyDays ?? null,
    event: mine?.event ?? null,
    send,
    invite: true,
  });
  reconcileTrigger("sends", sendsPlan(triggersNeeded(next).sends));
  writeAutomation(next);
}

/** The invitation reached everyone: the morning runs stop sending it (the rest of the schedule stays). */
export function finishInvitation(campaign: string): void {
  const current = readAutomation();
  const mine = scheduleOf(current, campaign);
  if (!mine?.invite) return;
  const next = withSchedule(current, { ...mine, invite: false });
  reconcileTrigger("sends", sendsPlan(triggersNeeded(next).sends));
  writeAutomation(next);
}
