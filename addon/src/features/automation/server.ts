import { RapportError } from "../../../../shared/errors";
import { isEmailAddress } from "../../../../shared/outreach/audience";
import {
  AutomationSettingsSchema,
  ScheduledSurveySchema,
  SYNC_FREQUENCIES,
  scheduleOf,
  sendCampaignId,
  triggersNeeded,
  withSchedule,
} from "../../../../shared/outreach/automation";
import { messageName } from "../../../../shared/outreach/message";
import { withDocumentLock } from "../../sheet/lock";
import { spreadsheetToday } from "../../sheet/sheets";
import { sidebarCall } from "../../sidebar/serverCall";
import { getSurvey } from "../surveys/api";
import { readAutomation, readLastRun, writeAutomation } from "./settingsStore";
import type { AutomationView, ScheduledSurveyInput } from "./shapes";
import { installedTriggers, reconcileTrigger, sendsPlan, syncPlan } from "./triggers";

/** The sidebar's view of the schedule: this survey's (or message's) part, the sync, and how the last runs went. */
function view(campaign: string | null): AutomationView {
  const settings = readAutomation();
  const mine = campaign ? scheduleOf(settings, campaign) : undefined;
  const installed = installedTriggers();
  return {
    send: mine?.send ?? null,
    scheduledMessages: settings.surveys.flatMap((s) => (s.send.message ? [messageName(s.send.message.name)] : [])),
    reminders: mine?.reminders ?? null,
    everyDays: mine?.everyDays ?? null,
    event: mine?.event ?? null,
    scheduledSurveys: settings.surveys.length,
    sync: settings.sync,
    sendsScheduled: installed.sends,
    syncScheduled: installed.sync,
    lastSends: readLastRun("sends"),
    lastSync: readLastRun("sync"),
    alertAddresses: settings.alerts?.to ?? [],
  };
}

/**
 * google.script.run: what is scheduled, and the last runs; with the schedule of a survey, or of the
 * message named `message` (a survey id of "").
 */
export function automationState(surveyId: string | null, message: string | null = null): AutomationView {
  return sidebarCall(() => {
    if (surveyId === null) return view(null);
    const named = message === null ? "" : messageName(String(message));
    if (String(surveyId) === "" && named === "") return view(null);
    return view(sendCampaignId({ surveyId: String(surveyId), message: named ? { name: named } : null }));
  });
}

/**
 * google.script.run: saves one survey's schedule (reminders, recurring ask, asks around a date, any
 * of them or none) or one message's (a send on a date), and the sync frequency and alerts, and makes
 * the spreadsheet's triggers match: created when first needed, removed when nothing is scheduled.
 */
export function saveAutomation(
  scheduled: ScheduledSurveyInput,
  sync: string,
  alertAddresses: string[] | null = null,
): AutomationView {
  return sidebarCall(() => {
    // A message is known by its name: say so before the schema's general complaint.
    if (scheduled?.send?.message) sendCampaignId(scheduled.send);
    const checked = ScheduledSurveySchema.safeParse(scheduled);
    if (!checked.success) throw new RapportError("automation.invalid");
    if (!(SYNC_FREQUENCIES as readonly string[]).includes(sync)) throw new RapportError("automation.invalid");
    const { send } = checked.data;
    if (send.message) {
      // A message has no answers to wait for and says the same each time: once, or on a date.
      if (checked.data.reminders !== null || checked.data.everyDays !== null) {
        throw new RapportError("outreach.scheduleNeedsSurvey");
      }
    } else {
      const survey = getSurvey(send.surveyId);
      if (checked.data.everyDays !== null || checked.data.reminders !== null || checked.data.event !== null) {
        if (survey.status !== "open") throw new RapportError("outreach.surveyNotOpen", { title: survey.title });
      }
      // Asking more often than the survey's throttle would only be refused by the Worker.
      const throttle = survey.throttleDays ?? 0;
      if (checked.data.everyDays !== null && checked.data.everyDays < throttle) {
        throw new RapportError("automation.everyBelowThrottle", { days: throttle });
      }
    }
    const campaign = sendCampaignId(send);
    return withDocumentLock({ busy: "sheet.busy" }, () => {
      const current = readAutomation();
      const addresses = (alertAddresses ?? []).map((a) => String(a).trim()).filter(Boolean);
      const bad = addresses.find((a) => !isEmailAddress(a));
      if (bad !== undefined) throw new RapportError("automation.badAlertAddress", { address: bad });
      // Alerts tell about answers from the day they are switched on; changing the addresses keeps that day.
      const alerts = addresses.length ? { to: addresses, since: current.alerts?.since ?? spreadsheetToday() } : null;
      if (alerts && sync === "off") throw new RapportError("automation.alertsNeedSync");
      // An invitation going on by itself stays on unless the sidebar says otherwise.
      const pendingInvite = scheduleOf(current, campaign)?.invite;
      const scheduledNow = { ...checked.data, invite: scheduled.invite ?? pendingInvite ?? false };
      const next = AutomationSettingsSchema.safeParse({
        ...withSchedule(current, scheduledNow),
        sync,
        alerts,
      });
      if (!next.success) throw new RapportError("automation.tooManySurveys");
      const needed = triggersNeeded(next.data);
      reconcileTrigger("sends", sendsPlan(needed.sends));
      reconcileTrigger("sync", syncPlan(needed.sync));
      writeAutomation(next.data);
      return view(campaign);
    });
  });
}
