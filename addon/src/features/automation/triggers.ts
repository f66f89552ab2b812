import { RapportError } from "../../../../shared/errors";
import type { SyncFrequency } from "../../../../shared/outreach/automation";
import type { RunKind } from "./settingsStore";

/**
 * The spreadsheet's time-driven triggers: at most one per kind (the sends, the sync), created and
 * removed as the settings change. Their ids are kept in the document's properties, so this
 * spreadsheet touches only its own triggers among the user's. Apps Script allows 20 triggers per
 * user and script, and an add-on's time-driven trigger at most once an hour
 * (https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers).
 */

export const HANDLERS: Record<RunKind, string> = { sends: "runScheduledSends", sync: "runScheduledSync" };
const ID_KEY = "rapport.trigger.";
/** The daily sends go out at 08:00 where the spreadsheet's people are, the daily sync an hour before. */
const SEND_HOUR = 8;

export type TriggerPlan = { kind: "off" } | { kind: "daily"; hour: number } | { kind: "hourly" };

/** Minutes east of UTC of a time zone now, from Utilities' "Z" pattern ("+0300"). */
function offsetMinutes(timeZone: string): number {
  const m = /^([+-])(\d{2})(\d{2})$/.exec(Utilities.formatDate(new Date(), timeZone, "Z"));
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The hour, in the script's time zone (ScriptApp's atHour counts in it; the manifest says
 * Etc/UTC), at which it is `localHour` in the spreadsheet's time zone.
 */
function scriptHourOf(localHour: number): number {
  const spreadsheetZone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() || "Etc/UTC";
  const shift = offsetMinutes(Session.getScriptTimeZone()) - offsetMinutes(spreadsheetZone);
  return (((((localHour * 60 + shift) / 60) % 24) + 24) % 24) | 0;
}

export function sendsPlan(on: boolean): TriggerPlan {
  return on ? { kind: "daily", hour: scriptHourOf(SEND_HOUR) } : { kind: "off" };
}

export function syncPlan(frequency: SyncFrequency): TriggerPlan {
  if (frequency === "hourly") return { kind: "hourly" };
  return frequency === "daily" ? { kind: "daily", hour: scriptHourOf(SEND_HOUR - 1) } : { kind: "off" };
}

const planKey = (plan: TriggerPlan) => (plan.kind === "daily" ? `daily@${plan.hour}` : plan.kind);

/** Makes the kind's trigger match the plan: kept when it already does, replaced or removed otherwise. */
export function reconcileTrigger(kind: RunKind, plan: TriggerPlan): void {
  const props = PropertiesService.getDocumentProperties();
  const stored = props.getProperty(ID_KEY + kind);
  const [id, storedPlan] = stored ? (stored.split("|") as [string, string]) : [null, null];
  const existing = id ? ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === id) : undefined;
  if (existing && storedPlan === planKey(plan)) return;
  if (existing) ScriptApp.deleteTrigger(existing);
  props.deleteProperty(ID_KEY + kind);
  if (plan.kind === "off") return;
  const builder = ScriptApp.newTrigger(HANDLERS[kind]).timeBased();
  let trigger: GoogleAppsScript.Script.Trigger;
  try {
    trigger = (plan.kind === "hourly" ? builder.everyHours(1) : builder.everyDays(1).atHour(plan.hour)).create();
  } catch (error) {
    if (/too many triggers/i.test(error instanceof Error ? error.message : String(error))) {
      throw new RapportError("automation.tooManyTriggers");
    }
    throw error;
  }
  props.setProperty(ID_KEY + kind, `${trigger.getUniqueId()}|${planKey(plan)}`);
}

/** Which kinds have their trigger installed (one may have been removed by hand in Apps Script). */
export function installedTriggers(): Record<RunKind, boolean> {
  const props = PropertiesService.getDocumentProperties();
  const ids = new Set(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()));
  const has = (kind: RunKind) => ids.has(props.getProperty(ID_KEY + kind)?.split("|")[0] ?? "");
  return { sends: has("sends"), sync: has("sync") };
}
