/** Shapes that cross google.script.run between the Send sidebar's schedule and Code.js. */

import type { LastRun, SyncFrequency } from "../../../../shared/outreach/automation";

export interface AutomationView {
  /** This survey's scheduled reminders, or null. */
  reminders: { afterDays: number; maxReminders: number } | null;
  /** This survey's recurring ask, every so many days, or null. */
  everyDays: number | null;
  /** Surveys with anything scheduled, this one included. */
  scheduledSurveys: number;
  sync: SyncFrequency;
  /** Whether each kind's trigger is installed. */
  sendsScheduled: boolean;
  syncScheduled: boolean;
  lastSends: LastRun | null;
  lastSync: LastRun | null;
}
