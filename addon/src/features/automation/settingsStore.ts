import {
  type AutomationSettings,
  AutomationSettingsSchema,
  type LastRun,
  LastRunSchema,
  NO_AUTOMATION,
} from "../../../../shared/outreach/automation";

/**
 * The spreadsheet's automation settings and each kind's last run, in its document properties
 * (they belong to the spreadsheet: every editor sees the same schedule). Read back through the
 * same schemas that checked them when saved.
 */

const SETTINGS = "rapport.automation";
const LAST_RUN = "rapport.automation.lastRun.";

export type RunKind = "sends" | "sync";

function readJson<T>(key: string, parse: (value: unknown) => T | null): T | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(key);
  if (!raw) return null;
  try {
    return parse(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function readAutomation(): AutomationSettings {
  return readJson(SETTINGS, (v) => AutomationSettingsSchema.safeParse(v).data ?? null) ?? NO_AUTOMATION;
}

export function writeAutomation(settings: AutomationSettings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS, JSON.stringify(settings));
}

export function readLastRun(kind: RunKind): LastRun | null {
  return readJson(LAST_RUN + kind, (v) => LastRunSchema.safeParse(v).data ?? null);
}

export function writeLastRun(kind: RunKind, run: LastRun): void {
  PropertiesService.getDocumentProperties().setProperty(LAST_RUN + kind, JSON.stringify(run));
}
