import * as z from "zod/mini";
import { isEmailAddress } from "./audience";
import { messageCampaignId } from "./message";
import type { Schedule } from "./schedule";
import { REMINDER_LIMITS } from "./status";

/**
 * What the spreadsheet does by itself, kept in its document properties: per survey, reminders,
 * a recurring ask ("autopilot") and asks around a date column; per message without a survey, a
 * send on a date (a birthday greeting every year); each with the email and audience chosen in the
 * Send sidebar; and how often answers are brought into the Responses sheet. One time-driven trigger per kind runs it
 * (sends daily, sync hourly or daily), so a spreadsheet never holds more than two of its user's 20.
 */

const Template = z.object({
  subject: z.string().check(z.maxLength(1_000)),
  body: z.string().check(z.maxLength(20_000)),
});
const columnNumber = () => z.int().check(z.gte(1));

/** A send as the Send sidebar describes it: the survey, the email in each language, the audience. */
export const SendRequestSchema = z.object({
  /** The survey whose invitation this is; "" for a message without a survey. */
  surveyId: z.string().check(z.regex(/^[A-Za-z0-9_-]{0,64}$/)),
  /** A message without a survey (a greeting, news): its name heads the status columns. */
  message: z.optional(z.nullable(z.object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)) }))),
  templates: z.object({ en: z.optional(Template), ru: z.optional(Template) }),
  segment: z.nullable(z.object({ column: columnNumber(), value: z.string().check(z.maxLength(500)) })),
  languageColumn: z.nullable(columnNumber()),
});

export type SendRequest = z.infer<typeof SendRequestSchema>;

/**
 * The ledger's campaign of a send: its survey's id, or a message's id made from its name. Schedules,
 * progress marks and status columns are keyed by it.
 */
export function sendCampaignId(send: Pick<SendRequest, "surveyId" | "message">): string {
  return send.message ? messageCampaignId(String(send.message.name)) : String(send.surveyId);
}

export const ReminderRuleSchema = z.object({
  afterDays: z.int().check(z.gte(REMINDER_LIMITS.minDays), z.lte(REMINDER_LIMITS.maxDays)),
  maxReminders: z.int().check(z.gte(1), z.lte(REMINDER_LIMITS.maxReminders)),
});

/** Longest recurring period: a year and a day, so a yearly ask never drifts a day early. */
export const MAX_EVERY_DAYS = 366;

/** Longest wait before or after a client's date: a year. */
export const MAX_EVENT_DAYS = 365;

/**
 * Send `days` after (a purchase) or before (a contract's end) the date in a client-list column, or
 * on its month and day every year (a birthday, the anniversary of becoming a client; `days` unused).
 */
export const DateEventSchema = z.object({
  kind: z.enum(["afterDate", "beforeDate", "yearly"]),
  /** The client list's column (1-based) holding each client's date. */
  column: columnNumber(),
  days: z.int().check(z.gte(0), z.lte(MAX_EVENT_DAYS)),
});
export type DateEvent = z.infer<typeof DateEventSchema>;

/** The schedule rule of a date event. */
export function dateSchedule(event: DateEvent): Schedule {
  return event.kind === "yearly" ? { kind: "yearly" } : { kind: event.kind, days: event.days };
}

export const ScheduledSurveySchema = z.object({
  send: SendRequestSchema,
  /** Remind those invited who have not answered, every day the rule allows; null: off. */
  reminders: z.nullable(ReminderRuleSchema),
  /** Ask each client of the audience again every so many days; null: off. */
  everyDays: z.nullable(z.int().check(z.gte(1), z.lte(MAX_EVERY_DAYS))),
  /** Ask around each client's date (N days after a purchase, M days before a contract ends); null: off. */
  event: z._default(z.nullable(DateEventSchema), null),
  /** An invitation that met the day's quota: the rest go out each morning until everyone has it. */
  invite: z._default(z.boolean(), false),
});
export type ScheduledSurvey = z.infer<typeof ScheduledSurveySchema>;

export const SYNC_FREQUENCIES = ["off", "hourly", "daily"] as const;
export type SyncFrequency = (typeof SYNC_FREQUENCIES)[number];

/** At most this many surveys on a schedule: each daily run must fit Apps Script's 6 minutes. */
export const MAX_SCHEDULED_SURVEYS = 10;

/** At most this many team addresses get the alerts (each counts against the day's mail quota). */
export const MAX_ALERT_ADDRESSES = 10;

/** Email the team when an NPS detractor answers (found by the scheduled sync), from `since` on. */
export const TeamAlertsSchema = z.object({
  to: z.array(z.string().check(z.refine(isEmailAddress))).check(z.minLength(1), z.maxLength(MAX_ALERT_ADDRESSES)),
  /** The day the alerts were switched on (yyyy-mm-dd): older answers are not told about. */
  since: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
});
export type TeamAlerts = z.infer<typeof TeamAlertsSchema>;

export const AutomationSettingsSchema = z.object({
  surveys: z.array(ScheduledSurveySchema).check(z.maxLength(MAX_SCHEDULED_SURVEYS)),
  sync: z.enum(SYNC_FREQUENCIES),
  alerts: z._default(z.nullable(TeamAlertsSchema), null),
});
export type AutomationSettings = z.infer<typeof AutomationSettingsSchema>;

export const NO_AUTOMATION: AutomationSettings = { surveys: [], sync: "off", alerts: null };

/** The schedule of a survey or message (by its campaign id), or undefined. */
export function scheduleOf(settings: AutomationSettings, campaign: string): ScheduledSurvey | undefined {
  return settings.surveys.find((s) => sendCampaignId(s.send) === campaign);
}

/** The settings with one survey's or message's schedule replaced (or removed, when it has nothing on). */
export function withSchedule(settings: AutomationSettings, scheduled: ScheduledSurvey): AutomationSettings {
  const campaign = sendCampaignId(scheduled.send);
  const others = settings.surveys.filter((s) => sendCampaignId(s.send) !== campaign);
  const on =
    scheduled.reminders !== null || scheduled.everyDays !== null || scheduled.event !== null || scheduled.invite;
  return { ...settings, surveys: on ? [...others, scheduled] : others };
}

/** The kinds of trigger the settings need: a daily one for the sends, one for the sync. */
export function triggersNeeded(settings: AutomationSettings): { sends: boolean; sync: SyncFrequency } {
  return { sends: settings.surveys.length > 0, sync: settings.sync };
}

/** How the last run of a kind went, for the sidebar. */
export const LastRunSchema = z.object({
  at: z.string(),
  ok: z.boolean(),
  summary: z.string().check(z.maxLength(2_000)),
});
export type LastRun = z.infer<typeof LastRunSchema>;
