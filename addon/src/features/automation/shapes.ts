/** Shapes that cross google.script.run between the Send sidebar's schedule and Code.js. */

import type * as z from "zod/mini";
import type {
  DateEvent,
  LastRun,
  ScheduledSurveySchema,
  SendRequest,
  SyncFrequency,
} from "../../../../shared/outreach/automation";

/** One survey's schedule as the sidebar saves it (checked by ScheduledSurveySchema). */
export type ScheduledSurveyInput = z.input<typeof ScheduledSurveySchema>;

export interface AutomationView {
  /** The email and audience this survey's (or message's) schedule sends, or null when none is saved. */
  send: SendRequest | null;
  /** The names of the messages with a schedule, for the sidebar to offer. */
  scheduledMessages: string[];
  /** This survey's scheduled reminders, or null. */
  reminders: { afterDays: number; maxReminders: number } | null;
  /** This survey's recurring ask, every so many days, or null. */
  everyDays: number | null;
  /** This survey's asks around a date column, or null. */
  event: DateEvent | null;
  /** Surveys and messages with anything scheduled, this one included. */
  scheduledSurveys: number;
  sync: SyncFrequency;
  /** Whether each kind's trigger is installed. */
  sendsScheduled: boolean;
  syncScheduled: boolean;
  lastSends: LastRun | null;
  lastSync: LastRun | null;
  /** Who is emailed when a detractor answers (empty: nobody). */
  alertAddresses: string[];
}
