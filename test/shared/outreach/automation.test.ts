import { describe, expect, it } from "vitest";
import {
  AutomationSettingsSchema,
  dateSchedule,
  NO_AUTOMATION,
  type ScheduledSurvey,
  type SendRequest,
  scheduleOf,
  sendCampaignId,
  withSchedule,
} from "../../../shared/outreach/automation";
import { messageCampaignId } from "../../../shared/outreach/message";

const send = (surveyId: string, message: string | null = null): SendRequest => ({
  surveyId,
  message: message === null ? null : { name: message },
  templates: { en: { subject: "Hello", body: "Hi" } },
  segment: null,
  languageColumn: null,
});
const scheduled = (request: SendRequest, over: Partial<ScheduledSurvey> = {}): ScheduledSurvey => ({
  send: request,
  reminders: null,
  everyDays: null,
  event: null,
  invite: false,
  ...over,
});

describe("schedules of surveys and messages", () => {
  it("are keyed by campaign: a survey's id, a message's name in any case or spacing", () => {
    expect(sendCampaignId(send("s1"))).toBe("s1");
    expect(sendCampaignId(send("", "Birthday greeting"))).toBe(messageCampaignId("birthday  GREETING"));
  });

  it("are replaced by the same survey or message, kept apart from the others, and removed when nothing is on", () => {
    const yearly = { kind: "yearly" as const, column: 4, days: 0 };
    let settings = withSchedule(NO_AUTOMATION, scheduled(send("s1"), { everyDays: 30 }));
    settings = withSchedule(settings, scheduled(send("", "Birthday greeting"), { event: yearly }));
    settings = withSchedule(settings, scheduled(send("", "Spring news"), { invite: true }));
    expect(settings.surveys).toHaveLength(3);
    // The same message under another spelling replaces it.
    settings = withSchedule(settings, scheduled(send("", " birthday greeting"), { event: { ...yearly, column: 5 } }));
    expect(settings.surveys).toHaveLength(3);
    expect(scheduleOf(settings, messageCampaignId("Birthday greeting"))?.event?.column).toBe(5);
    expect(scheduleOf(settings, "s1")?.everyDays).toBe(30);
    settings = withSchedule(settings, scheduled(send("", "Spring news")));
    expect(scheduleOf(settings, messageCampaignId("Spring news"))).toBeUndefined();
    expect(AutomationSettingsSchema.safeParse(settings).success).toBe(true);
  });

  it("turn a date event into its rule: days for before and after, none for yearly", () => {
    expect(dateSchedule({ kind: "afterDate", column: 3, days: 5 })).toEqual({ kind: "afterDate", days: 5 });
    expect(dateSchedule({ kind: "beforeDate", column: 3, days: 60 })).toEqual({ kind: "beforeDate", days: 60 });
    expect(dateSchedule({ kind: "yearly", column: 3, days: 7 })).toEqual({ kind: "yearly" });
  });
});
