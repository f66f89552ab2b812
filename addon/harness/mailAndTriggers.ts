import type { Realm } from "./realm";

/**
 * Fakes of MailApp and ScriptApp's installable triggers, as strict as Apps Script documents them
 * ("Current quotas" and "Current limitations",
 * https://developers.google.com/apps-script/guides/services/quotas; MailApp,
 * https://developers.google.com/apps-script/reference/mail/mail-app):
 * - email recipients per day: 100 on consumer accounts, 1,500 on Workspace, counted per recipient
 *   (to, cc and bcc), reset a day after the first send; over it, "Service invoked too many times
 *   for one day: email.";
 * - at most 50 recipients per message; a body of at most 200 KB (consumer; 400 KB on Workspace);
 * - an address MailApp cannot read throws "Invalid email: …";
 * - 20 triggers per user per script; 90 minutes of trigger run time per day (consumer).
 */

export const MAIL_QUOTA_CONSUMER = 100;
export const MAIL_QUOTA_WORKSPACE = 1500;
const RECIPIENTS_PER_MESSAGE = 50;
const BODY_LIMIT = 200 * 1024;
const DAY_MS = 86_400_000;
export const TRIGGERS_PER_SCRIPT = 20;
export const TRIGGER_RUNTIME_PER_DAY_MS = 90 * 60_000;

/** A message as the fake records it, for tests and the preview's Outbox. */
export interface SentMail {
  readonly to: string[];
  readonly cc: string[];
  readonly bcc: string[];
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string | null;
  readonly name: string | null;
  readonly replyTo: string | null;
  readonly from: string;
  readonly at: number;
}

const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

export class FakeMailApp {
  readonly outbox: SentMail[] = [];
  /** Recipients a day may take; tests set 1,500 for a Workspace account. */
  dailyQuota = MAIL_QUOTA_CONSUMER;
  private windowStart: number | null = null;
  private usedInWindow = 0;
  /** When set, the send after this many more messages throws, as a killed execution would stop. */
  private failAfter: number | null = null;

  constructor(
    private readonly realm: Realm,
    private readonly now: () => number,
    private readonly effectiveUser: () => string,
  ) {}

  /** Makes the (k+1)-th next send throw "Execution interrupted" (a crash in the middle of a run). */
  interruptAfter(messages: number | null): void {
    this.failAfter = messages;
  }

  private used(): number {
    // "Quotas are per user and reset 24 hours after the first request."
    if (this.windowStart !== null && this.now() - this.windowStart >= DAY_MS) {
      this.windowStart = null;
      this.usedInWindow = 0;
    }
    return this.usedInWindow;
  }

  getRemainingDailyQuota(): number {
    return Math.max(0, this.dailyQuota - this.used());
  }

  private addresses(field: unknown, what: string): string[] {
    if (field === undefined || field === null || field === "") return [];
    const list = String(field)
      .split(",")
      .map((a) => a.trim())
      .filter((a) => a !== "");
    for (const address of list) {
      if (!ADDRESS.test(address) || address.length > 254) throw this.realm.error(`Invalid email: ${address}`);
    }
    if (what === "to" && list.length === 0) throw this.realm.error("Invalid argument: recipient");
    return list;
  }

  sendEmail(...args: unknown[]): void {
    let message: Record<string, unknown>;
    if (args.length === 1 && typeof args[0] === "object" && args[0] !== null) {
      message = args[0] as Record<string, unknown>;
    } else if (args.length === 4 && typeof args[3] === "string") {
      message = { to: args[0], replyTo: args[1], subject: args[2], body: args[3] };
    } else {
      message = {
        ...((args[3] as Record<string, unknown> | undefined) ?? {}),
        to: args[0],
        subject: args[1],
        body: args[2],
      };
    }
    const to = this.addresses(message.to, "to");
    const cc = this.addresses(message.cc, "cc");
    const bcc = this.addresses(message.bcc, "bcc");
    const recipients = to.length + cc.length + bcc.length;
    if (recipients > RECIPIENTS_PER_MESSAGE) throw this.realm.error("Limit Exceeded: Email Recipients Per Message.");
    const body = String(message.body ?? "");
    const htmlBody = message.htmlBody === undefined || message.htmlBody === null ? null : String(message.htmlBody);
    if (Buffer.byteLength(body) > BODY_LIMIT || Buffer.byteLength(htmlBody ?? "") > BODY_LIMIT) {
      throw this.realm.error("Limit Exceeded: Email Body Size.");
    }
    if (this.failAfter !== null) {
      if (this.failAfter === 0) throw this.realm.error("Exception: Execution interrupted (simulated crash)");
      this.failAfter--;
    }
    if (this.used() + recipients > this.dailyQuota) {
      throw this.realm.error("Service invoked too many times for one day: email.");
    }
    if (this.windowStart === null) this.windowStart = this.now();
    this.usedInWindow += recipients;
    this.outbox.push({
      to,
      cc,
      bcc,
      subject: String(message.subject ?? ""),
      body,
      htmlBody,
      name: message.name === undefined ? null : String(message.name),
      replyTo: message.replyTo === undefined ? null : String(message.replyTo),
      from: this.effectiveUser(),
      at: this.now(),
    });
  }
}

type Frequency =
  | { kind: "everyHours"; hours: number }
  | { kind: "everyDays"; days: number; atHour: number }
  | { kind: "at"; time: number };

interface TriggerRecord {
  readonly id: string;
  readonly handler: string;
  readonly frequency: Frequency;
  nextRun: number;
}

/** Installable time-driven triggers with a clock the tests move. */
export class FakeScriptApp {
  readonly AuthMode = { NONE: "NONE", LIMITED: "LIMITED", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", FULL: "FULL" };
  readonly EventType = { CLOCK: "CLOCK", ON_OPEN: "ON_OPEN", ON_EDIT: "ON_EDIT" };
  readonly TriggerSource = { CLOCK: "CLOCK", SPREADSHEETS: "SPREADSHEETS" };
  private readonly triggers: TriggerRecord[] = [];
  private counter = 0;
  private runtimeDay = -1;
  private runtimeUsedMs = 0;

  constructor(
    private readonly realm: Realm,
    private readonly now: () => number,
    private readonly assertMayManage: (method: string) => void,
  ) {}

  private view(record: TriggerRecord) {
    return {
      getUniqueId: () => record.id,
      getHandlerFunction: () => record.handler,
      getEventType: () => "CLOCK",
      getTriggerSource: () => "CLOCK",
      __id: record.id,
    };
  }

  newTrigger(handler: string) {
    this.assertMayManage("ScriptApp.newTrigger");
    const app = this;
    let frequency: Frequency | null = null;
    let atHour = 0;
    const builder = {
      everyHours(hours: number) {
        if (![1, 2, 4, 6, 8, 12].includes(hours)) throw app.realm.error("Invalid argument: hours");
        frequency = { kind: "everyHours", hours };
        return builder;
      },
      everyDays(days: number) {
        if (!(Number.isInteger(days) && days >= 1)) throw app.realm.error("Invalid argument: days");
        frequency = { kind: "everyDays", days, atHour: 0 };
        return builder;
      },
      atHour(hour: number) {
        if (!(Number.isInteger(hour) && hour >= 0 && hour <= 23)) throw app.realm.error("Invalid argument: hour");
        atHour = hour;
        return builder;
      },
      at(date: Date) {
        frequency = { kind: "at", time: date.getTime() };
        return builder;
      },
      after(ms: number) {
        frequency = { kind: "at", time: app.now() + ms };
        return builder;
      },
      create() {
        if (!frequency) throw app.realm.error("Missing time-based trigger frequency");
        if (app.triggers.length >= TRIGGERS_PER_SCRIPT) {
          throw app.realm.error(
            "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
          );
        }
        const f: Frequency = frequency.kind === "everyDays" ? { ...frequency, atHour } : frequency;
        const record: TriggerRecord = {
          id: `trigger-${++app.counter}`,
          handler,
          frequency: f,
          nextRun: app.firstRun(f),
        };
        app.triggers.push(record);
        return app.view(record);
      },
    };
    return { timeBased: () => builder };
  }

  private firstRun(f: Frequency): number {
    const now = this.now();
    if (f.kind === "at") return f.time;
    if (f.kind === "everyHours") return now + f.hours * 3_600_000;
    // Daily at an hour (UTC here): the next such hour from now.
    const day = Math.floor(now / DAY_MS) * DAY_MS;
    const today = day + f.atHour * 3_600_000;
    return today > now ? today : today + DAY_MS;
  }

  getProjectTriggers() {
    this.assertMayManage("ScriptApp.getProjectTriggers");
    // An array of the script's realm, holding the trigger objects.
    const list = this.realm.import([] as unknown[]);
    for (const t of this.triggers) list.push(this.view(t));
    return list;
  }

  deleteTrigger(trigger: { __id?: string }): void {
    this.assertMayManage("ScriptApp.deleteTrigger");
    const index = this.triggers.findIndex((t) => t.id === trigger.__id);
    if (index >= 0) this.triggers.splice(index, 1);
  }

  /** Triggers whose time has come, oldest first; each moves to its next time (one-offs go). */
  takeDue(): { handler: string; id: string }[] {
    const now = this.now();
    const due = this.triggers.filter((t) => t.nextRun <= now).sort((a, b) => a.nextRun - b.nextRun);
    for (const t of due) {
      if (t.frequency.kind === "at") this.triggers.splice(this.triggers.indexOf(t), 1);
      else if (t.frequency.kind === "everyHours") t.nextRun = now + t.frequency.hours * 3_600_000;
      else t.nextRun += t.frequency.days * DAY_MS;
    }
    return due.map((t) => ({ handler: t.handler, id: t.id }));
  }

  /** False once the day's trigger run time is spent: Apps Script then runs no more triggers that day. */
  mayRun(): boolean {
    const day = Math.floor(this.now() / DAY_MS);
    if (day !== this.runtimeDay) {
      this.runtimeDay = day;
      this.runtimeUsedMs = 0;
    }
    return this.runtimeUsedMs < TRIGGER_RUNTIME_PER_DAY_MS;
  }

  recordRuntime(ms: number): void {
    this.runtimeUsedMs += ms;
  }

  get count(): number {
    return this.triggers.length;
  }
}
