import { triggersNeeded, withSurveySchedule } from "../../../../shared/outreach/automation";
import type { SendRequest } from "../outreach/shapes";
import { readAutomation, writeAutomation } from "./settingsStore";
import { reconcileTrigger, sendsPlan } from "./triggers";

/**
 * An invitation that met the day's quota goes on by itself: the survey's schedule gets `invite`,
 * so each morning's run sends the next part until everyone chosen has it, then drops it. The
 * caller holds the document lock.
 */
export function continueInvitation(send: SendRequest): void {
  const current = readAutomation();
  const mine = current.surveys.find((s) => s.send.surveyId === send.surveyId);
  const next = withSurveySchedule(current, {
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
export function finishInvitation(surveyId: string): void {
  const current = readAutomation();
  const mine = current.surveys.find((s) => s.send.surveyId === surveyId);
  if (!mine?.invite) return;
  const next = withSurveySchedule(current, { ...mine, invite: false });
  reconcileTrigger("sends", sendsPlan(triggersNeeded(next).sends));
  writeAutomation(next);
}
