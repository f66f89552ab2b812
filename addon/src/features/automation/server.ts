import { RapportError } from "../../../../shared/errors";
import { isEmailAddress } from "../../../../shared/outreach/audience";
import {
  AutomationSettingsSchema,
  ScheduledSurveySchema,
  SYNC_FREQUENCIES,
  triggersNeeded,
  withSurveySchedule,
} from "../../../../shared/outreach/automation";
import { withDocumentLock } from "../../sheet/lock";
import { spreadsheetToday } from "../../sheet/sheets";
import { sidebarCall } from "../../sidebar/serverCall";
import { getSurvey } from "../surveys/api";
import { readAutomation, readLastRun, writeAutomation } from "./settingsStore";
import type { AutomationView, ScheduledSurveyInput } from "./shapes";
import { installedTriggers, reconcileTrigger, sendsPlan, syncPlan } from "./triggers";

/** The sidebar's view of the schedule: this survey's part, the sync, and how the last runs went. */
function view(surveyId: string | null): AutomationView {
  const settings = readAutomation();
  const mine = surveyId ? settings.surveys.find((s) => s.send.surveyId === surveyId) : undefined;
  const installed = installedTriggers();
  return {
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

/** google.script.run: what is scheduled, and the last runs. */
export function automationState(surveyId: string | null): AutomationView {
  return sidebarCall(() => view(surveyId === null ? null : String(surveyId)));
}

/**
 * google.script.run: saves one survey's schedule (reminders, recurring ask, both or neither) and the
 * sync frequency, and makes the spreadsheet's triggers match: created when first needed, removed
 * when nothing is scheduled.
 */
export function saveAutomation(
  scheduled: ScheduledSurveyInput,
  sync: string,
  alertAddresses: string[] | null = null,
): AutomationView {
  return sidebarCall(() => {
    if (scheduled?.send?.message) throw new RapportError("outreach.scheduleNeedsSurvey");
    const checked = ScheduledSurveySchema.safeParse(scheduled);
    if (!checked.success) throw new RapportError("automation.invalid");
    if (!(SYNC_FREQUENCIES as readonly string[]).includes(sync)) throw new RapportError("automation.invalid");
    const survey = getSurvey(checked.data.send.surveyId);
    if (checked.data.everyDays !== null || checked.data.reminders !== null || checked.data.event !== null) {
      if (survey.status !== "open") throw new RapportError("outreach.surveyNotOpen", { title: survey.title });
    }
    // Asking more often than the survey's throttle would only be refused by the Worker.
    const throttle = survey.throttleDays ?? 0;
    if (checked.data.everyDays !== null && checked.data.everyDays < throttle) {
      throw new RapportError("automation.everyBelowThrottle", { days: throttle });
    }
    return withDocumentLock({ busy: "sheet.busy" }, () => {
      const current = readAutomation();
      const addresses = (alertAddresses ?? []).map((a) => String(a).trim()).filter(Boolean);
      const bad = addresses.find((a) => !isEmailAddress(a));
      if (bad !== undefined) throw new RapportError("automation.badAlertAddress", { address: bad });
      // Alerts tell about answers from the day they are switched on; changing the addresses keeps that day.
      const alerts = addresses.length ? { to: addresses, since: current.alerts?.since ?? spreadsheetToday() } : null;
      if (alerts && sync === "off") throw new RapportError("automation.alertsNeedSync");
      // An invitation going on by itself stays on unless the sidebar says otherwise.
      const pendingInvite = current.surveys.find((x) => x.send.surveyId === checked.data.send.surveyId)?.invite;
      const scheduledNow = { ...checked.data, invite: scheduled.invite ?? pendingInvite ?? false };
      const next = AutomationSettingsSchema.safeParse({
        ...withSurveySchedule(current, scheduledNow),
        sync,
        alerts,
      });
      if (!next.success) throw new RapportError("automation.tooManySurveys");
      const needed = triggersNeeded(next.data);
      reconcileTrigger("sends", sendsPlan(needed.sends));
      reconcileTrigger("sync", syncPlan(needed.sync));
      writeAutomation(next.data);
      return view(scheduledNow.send.surveyId);
    });
  });
}
