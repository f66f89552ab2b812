import { cellDay, type DayNumber, dayOfIso, isoDay } from "../../../../shared/cells/dates";
import type { Cell } from "../../../../shared/cells/values";
import { RapportError } from "../../../../shared/errors";
import type { Locale } from "../../../../shared/i18n/locale";
import { t } from "../../../../shared/i18n/translate";
import { type Audience, type Recipient, selectAudience } from "../../../../shared/outreach/audience";
import { type DateEvent, dateSchedule, sendCampaignId } from "../../../../shared/outreach/automation";
import { messageName } from "../../../../shared/outreach/message";
import { dueToday } from "../../../../shared/outreach/schedule";
import {
  INVITE,
  REMINDER_LIMITS,
  type ReminderRule,
  reminderOccurrence,
  remindersDue,
} from "../../../../shared/outreach/status";
import { checkTemplate, type MessageTemplate, renderMessage } from "../../../../shared/outreach/template";
import { spreadsheetLocale } from "../../services/locale";
import { withDocumentLock } from "../../sheet/lock";
import { appendLog } from "../../sheet/rapportLog";
import { spreadsheetToday } from "../../sheet/sheets";
import { spreadsheetReading } from "../../sheet/transactions";
import { continueInvitation, finishInvitation } from "../automation/continuation";
import { getSurvey, personalLinks } from "../surveys/api";
import { type ClientList, clientList } from "../surveys/links";
import { claimSends, optedOut, readLedger, reportSends, unsubscribeLinks } from "./api";
import type { EmailPreview, RemindRequest, SendRequest, SendRowView, SendView } from "./shapes";
import { writeStatusColumns } from "./statusColumns";

/**
 * Sends a survey's invitation to the client list, never twice:
 *  1. contacts are claimed on the Worker before anything is sent (a sent one is never claimed again);
 *  2. before each MailApp.sendEmail a progress mark in document properties says how far the batch
 *     got, so a run killed midway (the 6-minute limit, a closed laptop) leaves a record that
 *     survives it; a send that throws moves the mark back, since MailApp sent nothing;
 *  3. the batch is reported sent or failed, and the mark cleared.
 * The next run first settles a mark left behind: what was handed to MailApp counts as sent (at
 * most once, the one trade-off: a kill between the mark and the send loses that one email), the
 * rest is reported failed and claimed again. Every execution stops in time and at the day's quota,
 * and the sidebar calls again.
 */

/** Contacts claimed and sent per batch: the progress mark of 25 ids stays well under 9 KB. */
const BATCH = 25;
/** Stop starting batches after this long: Apps Script ends an execution at 6 minutes. */
const TIME_BUDGET_MS = 4.5 * 60_000;
const MARK_PREFIX = "rapport.outbox.";

interface ProgressMark {
  /** The ledger's occurrence being sent: "invite", "reminder:1", … */
  occurrence: string;
  ids: string[];
  /** How many of `ids` were handed to MailApp (or settled as failed). */
  attempted: number;
  /** Those of the attempted that MailApp refused, with its reason. */
  failed: { contactId: string; reason: string }[];
}

/** One mark per campaign: its batches run one at a time under the document lock. */
const markKey = (campaign: string) => `${MARK_PREFIX}${campaign}`;

function readMark(campaign: string): ProgressMark | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(markKey(campaign));
  if (!raw) return null;
  try {
    const mark = JSON.parse(raw) as ProgressMark;
    return typeof mark.occurrence === "string" &&
      Array.isArray(mark.ids) &&
      typeof mark.attempted === "number" &&
      Array.isArray(mark.failed)
      ? mark
      : null;
  } catch {
    return null;
  }
}

function writeMark(campaign: string, mark: ProgressMark): void {
  PropertiesService.getDocumentProperties().setProperty(markKey(campaign), JSON.stringify(mark));
}

function clearMark(campaign: string): void {
  PropertiesService.getDocumentProperties().deleteProperty(markKey(campaign));
}

/** Settles a batch a killed run left: handed to MailApp counts as sent, the rest may be claimed again. */
function settleLeftBatch(campaign: string, locale: Locale): void {
  const mark = readMark(campaign);
  if (!mark) return;
  const reason = t(locale, "outreach.notSentStopped");
  const refused = new Set(mark.failed.map((f) => f.contactId));
  reportSends(
    campaign,
    mark.occurrence,
    mark.ids.slice(0, mark.attempted).filter((id) => !refused.has(id)),
    [...mark.failed, ...mark.ids.slice(mark.attempted).map((contactId) => ({ contactId, reason }))],
  );
  clearMark(campaign);
}

/** MailApp's own refusals of one message; anything else stops the run. */
const QUOTA_ERROR = /too many times for one day: email/i;
const MESSAGE_ERROR = /^(Invalid email|Limit Exceeded: Email)/i;

function templatesOf(request: SendRequest, headers: readonly string[]): Map<Locale, MessageTemplate> {
  const templates = new Map<Locale, MessageTemplate>();
  for (const lang of ["en", "ru"] as const) {
    const input = request.templates[lang];
    if (!input) continue;
    const template = { subject: String(input.subject ?? ""), body: String(input.body ?? "") };
    checkTemplate(template, headers);
    templates.set(lang, template);
  }
  if (templates.size === 0) throw new RapportError("outreach.noSubject");
  return templates;
}

/** What a send is about: a survey (its invitation and reminders) or a message without a survey. */
interface SendTarget {
  /** The ledger's campaign: the survey's id, or the message's id (messageCampaignId). */
  id: string;
  /** Heads the status columns and the log line. */
  title: string;
  /** Whether the email carries the survey's score buttons and personal link. */
  survey: boolean;
}

interface Prepared {
  target: SendTarget;
  list: ClientList;
  /** The workspace's unsubscribed contacts, read once per run. */
  optedOut: ReadonlySet<string>;
  templates: Map<Locale, MessageTemplate>;
  audience: Audience;
}

/** The request's target (a survey must be open), read from the Worker when it is a survey. */
function targetOf(request: SendRequest): SendTarget {
  if (request.message)
    return { id: sendCampaignId(request), title: messageName(String(request.message.name)), survey: false };
  const survey = getSurvey(String(request.surveyId));
  if (survey.status !== "open") throw new RapportError("outreach.surveyNotOpen", { title: survey.title });
  return { id: survey.id, title: survey.title, survey: true };
}

/** The request's target, templates and audience, read from the client list. */
function prepare(request: SendRequest): Prepared {
  const target = targetOf(request);

  const list = clientList(SpreadsheetApp.getActiveSpreadsheet());
  const { sheet, idColumn, columns } = list;
  const emailColumn = columns.mapping.email;
  if (emailColumn === null) throw new RapportError("outreach.noEmailColumn", { sheet: sheet.getName() });
  const values = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getDisplayValues() as Cell[][];
  const headers = (values[0] ?? []).map((h) => String(h));
  const templates = templatesOf(request, headers);

  const unsubscribed = optedOut();
  const audience = selectAudience(
    values[0] ?? [],
    values.slice(1),
    {
      clientId: idColumn - 1,
      email: emailColumn - 1,
      language: request.languageColumn ? request.languageColumn - 1 : null,
    },
    {
      filter: request.segment
        ? { kind: "equals", column: request.segment.column - 1, value: request.segment.value }
        : { kind: "all" },
      optedOut: unsubscribed,
      invited: new Set(),
      onlyNotInvited: false,
      defaultLocale: spreadsheetLocale(),
    },
  );
  return { target, list, optedOut: unsubscribed, templates, audience };
}

/** The links each recipient's email carries: the personal survey link (in their language) and the unsubscribe link. */
interface RecipientLinks {
  readonly survey: ReadonlyMap<string, { url: string; emailHtml: string }>;
  readonly unsubscribe: ReadonlyMap<string, string>;
}

function linksFor(target: SendTarget, recipients: readonly Recipient[]): RecipientLinks {
  const campaign = target.id;
  const survey = new Map<string, { url: string; emailHtml: string }>();
  for (const lang of target.survey ? (["en", "ru"] as const) : []) {
    const group = recipients.filter((r) => r.locale === lang).map((r) => r.contactId);
    if (group.length) for (const l of personalLinks(campaign, group, lang)) survey.set(l.contactId, l);
  }
  return { survey, unsubscribe: unsubscribeLinks(recipients.map((r) => r.contactId)) };
}

/** One client's email exactly as Send writes it: their language's template, else the other one. */
function messageFor(
  recipient: Recipient,
  templates: ReadonlyMap<Locale, MessageTemplate>,
  links: RecipientLinks,
  reminder = false,
) {
  const chosen = templates.get(recipient.locale) ?? ([...templates.values()][0] as MessageTemplate);
  // A reminder is the same email, its subject saying it is one (in the client's language).
  const template = reminder
    ? { ...chosen, subject: `${t(recipient.locale, "outreach.reminderSubject")} ${chosen.subject}` }
    : chosen;
  const link = links.survey.get(recipient.contactId);
  return renderMessage(template, {
    locale: recipient.locale,
    values: recipient.values,
    surveyHtml: link?.emailHtml ?? null,
    surveyUrl: link?.url ?? null,
    unsubscribeUrl: links.unsubscribe.get(recipient.contactId) ?? "",
  });
}

/** The recipient of a sheet row, or the first one when `row` is null; an error says why a row is not one. */
function recipientAt(audience: Audience, row: number | null, locale: Locale): Recipient {
  if (row === null) {
    const first = audience.recipients[0];
    if (!first) throw new RapportError("outreach.nobodyToSend");
    return first;
  }
  const found = audience.recipients.find((r) => r.row === row);
  if (found) return found;
  const skipped = audience.skipped.find((s) => s.row === row);
  throw new RapportError("outreach.rowNotSent", {
    row,
    reason: skipped ? t(locale, skipped.reason, skipped.params) : t(locale, "outreach.rowOutsideGroup"),
  });
}

/** A row's recipient and email, as Send would write it (nothing is claimed or sent). */
function rowMessage(request: SendRequest, row: number | null, locale: Locale) {
  const { target, templates, audience } = prepare(request);
  const recipient = recipientAt(audience, row, locale);
  return { recipient, message: messageFor(recipient, templates, linksFor(target, [recipient])) };
}

/** The exact email a row's client would get, to look at before sending. */
export function previewEmail(request: SendRequest, row: number | null, locale: Locale): EmailPreview {
  const { recipient, message } = rowMessage(request, row, locale);
  return { row: recipient.row, to: recipient.email, subject: message.subject, html: message.htmlBody };
}

/**
 * Sends a row's email to the person using the add-on (the effective user), its subject marked as a
 * test. It is not recorded on the Worker: the client still gets their own email later.
 */
export function sendTestEmail(request: SendRequest, row: number | null, locale: Locale): EmailPreview {
  const { recipient, message } = rowMessage(request, row, locale);
  const me = Session.getEffectiveUser().getEmail();
  if (!me) throw new RapportError("outreach.noOwnAddress");
  const subject = `${t(locale, "outreach.testSubject")} ${message.subject}`;
  MailApp.sendEmail(me, subject, message.textBody, { htmlBody: message.htmlBody });
  return { row: recipient.row, to: me, subject, html: message.htmlBody };
}

/** One kind of email of a survey: the invitation, or reminder n (which follows the one before it). */
interface SendPass {
  occurrence: string;
  after?: string;
  reminder: boolean;
}

/** Where one execution is: its start, the view it fills, whether the quota stopped it. */
interface Run {
  began: number;
  view: SendView;
  quotaStop: boolean;
}

function newView(audience: Audience, locale: Locale): SendView {
  return {
    sent: 0,
    failed: [],
    skipped: audience.skipped.map((s) => ({ row: s.row, reason: t(locale, s.reason, s.params) })),
    alreadySent: 0,
    pending: 0,
    answered: 0,
    waiting: 0,
    remainingQuota: MailApp.getRemainingDailyQuota(),
    more: false,
    message: "",
  };
}

/**
 * Sends one pass to its recipients in claimed batches, within the execution's time and the day's
 * quota; the return says how many of them are left for another run.
 */
function sendPass(
  target: SendTarget,
  pass: SendPass,
  recipients: readonly Recipient[],
  templates: ReadonlyMap<Locale, MessageTemplate>,
  run: Run,
): number {
  const { view } = run;
  let next = 0;
  let unsent = 0;
  while (next < recipients.length && !run.quotaStop) {
    if (view.remainingQuota <= 0 || Date.now() - run.began > TIME_BUDGET_MS) break;
    const chunk = recipients.slice(next, next + Math.min(BATCH, view.remainingQuota));
    next += chunk.length;
    const claim = claimSends(
      target.id,
      pass.occurrence,
      chunk.map((r) => r.contactId),
      pass.reminder ? { after: pass.after, unanswered: true } : {},
    );
    view.alreadySent += claim.sent.length;
    view.pending += claim.pending.length;
    view.answered += claim.answered.length;
    const claimed = new Set(claim.claimed);
    const batch = chunk.filter((r) => claimed.has(r.contactId));
    if (batch.length === 0) continue;
    const outcome = sendBatch(target, pass, batch, templates, view);
    run.quotaStop = outcome.quotaStop;
    unsent = outcome.unsent;
  }
  return recipients.length - next + unsent;
}

/** What every run ends with: the view's totals and message, the status columns, a log line. */
function finish(prepared: Prepared, run: Run, action: "send" | "remind", locale: Locale): SendView {
  const { view } = run;
  view.remainingQuota = MailApp.getRemainingDailyQuota();
  view.more = view.waiting > 0;
  const done =
    action === "remind"
      ? "outreach.remindDone"
      : prepared.target.survey
        ? "outreach.progressDone"
        : "outreach.messageDone";
  view.message = t(locale, view.more ? "outreach.progressMore" : done, {
    sent: view.sent,
    failed: view.failed.length,
    waiting: view.waiting,
    quota: view.remainingQuota,
  });
  writeStatusColumns(
    prepared.list,
    prepared.target.id,
    prepared.target.title,
    prepared.audience,
    locale,
    prepared.optedOut,
  );
  appendLog(SpreadsheetApp.getActiveSpreadsheet(), locale, [
    {
      action,
      when: new Date(),
      survey: prepared.target.title,
      sent: view.sent,
      failed: view.failed.length,
      notSent: view.skipped.length,
      error: view.failed.length ? (view.failed[0] as SendRowView).reason : "",
    },
  ]);
  return view;
}

/**
 * One execution of any send under the document lock: the batch a killed run left is settled, the
 * survey, templates and audience read, `body` sends its passes, and the run ends as every run does
 * (status columns, a log line).
 */
function runSend(
  request: SendRequest,
  locale: Locale,
  began: number,
  action: "send" | "remind",
  body: (prepared: Prepared, run: Run) => void,
  after: (view: SendView) => void = () => {},
): SendView {
  return withDocumentLock({ busy: "sheet.busy" }, () => {
    const campaign = sendCampaignId(request);
    settleLeftBatch(campaign, locale);
    const prepared = prepare(request);
    const run: Run = { began, view: newView(prepared.audience, locale), quotaStop: false };
    body(prepared, run);
    const view = finish(prepared, run, action, locale);
    after(view);
    return view;
  });
}

export function sendSurvey(request: SendRequest, locale: Locale, began = Date.now()): SendView {
  return runSend(
    request,
    locale,
    began,
    "send",
    (prepared, run) => {
      run.view.waiting = sendPass(
        prepared.target,
        { occurrence: INVITE, reminder: false },
        prepared.audience.recipients,
        prepared.templates,
        run,
      );
    },
    (view) => {
      // Today's quota is spent and clients are left: the rest go by themselves each morning.
      if (view.waiting > 0 && view.remainingQuota <= 0) {
        continueInvitation(request);
        view.message = `${view.message} ${t(locale, "outreach.continuesTomorrow")}`;
      } else if (view.waiting === 0) {
        finishInvitation(sendCampaignId(request));
      }
    },
  );
}

/** Checks a reminder rule from the sidebar: whole days and counts within the limits. */
function reminderRule(request: RemindRequest): ReminderRule {
  const afterDays = Number(request.afterDays);
  const maxReminders = Number(request.maxReminders);
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!whole(afterDays, REMINDER_LIMITS.minDays, REMINDER_LIMITS.maxDays)) {
    throw new RapportError("outreach.reminderDays", { min: REMINDER_LIMITS.minDays, max: REMINDER_LIMITS.maxDays });
  }
  if (!whole(maxReminders, 1, REMINDER_LIMITS.maxReminders)) {
    throw new RapportError("outreach.reminderCount", { max: REMINDER_LIMITS.maxReminders });
  }
  return { afterDays, maxReminders };
}

/**
 * Reminds the chosen clients who were invited (or last reminded) at least `afterDays` ago and have
 * not answered, up to `maxReminders` each. Who is due is worked out from the Worker's ledger; each
 * claim asks the Worker again that the contact has not answered, so an answer arriving meanwhile
 * stops the reminder.
 */
export function sendReminders(request: RemindRequest, locale: Locale, began = Date.now()): SendView {
  // Reminders follow a survey's invitation: who answered decides, and a message has no answers.
  if (request.message) throw new RapportError("outreach.remindersNeedSurvey");
  const rule = reminderRule(request);
  return runSend(request, locale, began, "remind", (prepared, run) => {
    const due = remindersDue(readLedger(prepared.target.id), prepared.optedOut, rule, new Date());
    for (let n = 1; n <= rule.maxReminders; n++) {
      const recipients = prepared.audience.recipients.filter((r) => due.get(r.contactId) === n);
      if (recipients.length === 0) continue;
      const pass = {
        occurrence: reminderOccurrence(n),
        after: n === 1 ? INVITE : reminderOccurrence(n - 1),
        reminder: true,
      };
      run.view.waiting += sendPass(prepared.target, pass, recipients, prepared.templates, run);
    }
  });
}

/**
 * One day's recurring ask ("autopilot"): each client of the audience is asked again once
 * `everyDays` have passed since the last email of this survey reached them (the invitation, a
 * reminder or an earlier round). Clients never asked are spread evenly over the first period, and
 * no more are taken than today's quota allows, the longest-waiting first: the rest go tomorrow.
 */
export function sendRecurring(request: SendRequest, everyDays: number, locale: Locale, began = Date.now()): SendView {
  return runSend(request, locale, began, "send", (prepared, run) => {
    const lastSent = new Map<string, DayNumber>();
    for (const e of readLedger(prepared.target.id)) {
      if (e.state !== "sent" || !e.sentAt) continue;
      const day = dayOfIso(e.sentAt);
      if (day > (lastSent.get(e.contactId) ?? Number.NEGATIVE_INFINITY)) lastSent.set(e.contactId, day);
    }
    const recipients = prepared.audience.recipients;
    const today = dayOfIso(spreadsheetToday());
    const { due, waiting } = dueToday(
      { kind: "recurring", everyDays },
      recipients.map((r) => ({ contactId: r.contactId, day: null, lastSentDay: lastSent.get(r.contactId) ?? null })),
      today,
      run.view.remainingQuota,
    );
    const occurrence = due[0]?.occurrence ?? `every:${isoDay(today)}`;
    const chosen = due.map((d) => recipients[d.index] as Recipient);
    run.view.waiting =
      waiting + sendPass(prepared.target, { occurrence, reminder: false }, chosen, prepared.templates, run);
  });
}

/**
 * One day's sends around each client's date in a column of the client list: `days` after it (a
 * purchase: a transactional survey), before it (the end of a contract), or on its day every year (a
 * birthday greeting). Each date (each year, for yearly ones) is its own occasion in the ledger, so a
 * client with a new purchase date is asked again, and a run that
 * missed a day or two still asks (up to CATCH_UP_DAYS late). Rows whose cell is not a date are left
 * alone; no more are taken than today's quota allows.
 */
export function sendOnDates(request: SendRequest, event: DateEvent, locale: Locale, began = Date.now()): SendView {
  return runSend(request, locale, began, "send", (prepared, run) => {
    const { sheet } = prepared.list;
    if (event.column > sheet.getLastColumn()) throw new RapportError("automation.noDateColumn");
    const dates = sheet.getRange(1, event.column, sheet.getLastRow(), 1).getValues() as Cell[][];
    const reading = spreadsheetReading(SpreadsheetApp.getActiveSpreadsheet());
    const recipients = prepared.audience.recipients;
    const today = dayOfIso(spreadsheetToday());
    const { due, waiting } = dueToday(
      dateSchedule(event),
      recipients.map((r) => ({
        contactId: r.contactId,
        day: cellDay(dates[r.row - 1]?.[0] ?? "", reading),
        lastSentDay: null,
      })),
      today,
      run.view.remainingQuota,
    );
    // One pass per occasion: the ledger keeps one send per client and date.
    const byOccurrence = new Map<string, Recipient[]>();
    for (const d of due) {
      const list = byOccurrence.get(d.occurrence) ?? [];
      list.push(recipients[d.index] as Recipient);
      byOccurrence.set(d.occurrence, list);
    }
    run.view.waiting = waiting;
    for (const [occurrence, chosen] of byOccurrence) {
      run.view.waiting += sendPass(prepared.target, { occurrence, reminder: false }, chosen, prepared.templates, run);
    }
  });
}

/** Rewrites a survey's status columns from the Worker (after answers came in, say). */
export function refreshStatus(surveyId: string, locale: Locale): number {
  return withDocumentLock({ busy: "sheet.busy" }, () => {
    const survey = getSurvey(String(surveyId));
    const list = clientList(SpreadsheetApp.getActiveSpreadsheet());
    return writeStatusColumns(list, survey.id, survey.title, null, locale);
  });
}

/** Sends one claimed batch under the progress mark; says whether MailApp's daily quota stopped it. */
function sendBatch(
  target: SendTarget,
  pass: SendPass,
  batch: readonly Recipient[],
  templates: ReadonlyMap<Locale, MessageTemplate>,
  view: SendView,
): { quotaStop: boolean; unsent: number } {
  const campaign = target.id;
  const ids = batch.map((r) => r.contactId);
  const links = linksFor(target, batch);
  const mark: ProgressMark = { occurrence: pass.occurrence, ids, attempted: 0, failed: [] };
  writeMark(campaign, mark);
  const sent: string[] = [];
  const failed: { contactId: string; reason: string }[] = [];
  let quotaStop = false;
  let unsent = 0;
  for (let i = 0; i < batch.length; i++) {
    const recipient = batch[i] as Recipient;
    const message = messageFor(recipient, templates, links, pass.reminder);
    mark.attempted = i + 1;
    writeMark(campaign, mark);
    try {
      MailApp.sendEmail(recipient.email, message.subject, message.textBody, { htmlBody: message.htmlBody });
      sent.push(recipient.contactId);
      view.sent++;
    } catch (error) {
      // MailApp threw: nothing was sent.
      const reason = error instanceof Error ? error.message : String(error);
      if (MESSAGE_ERROR.test(reason)) {
        // Refused for this message alone: settled as failed (the mark keeps why), on to the next.
        mark.failed.push({ contactId: recipient.contactId, reason });
        writeMark(campaign, mark);
        failed.push({ contactId: recipient.contactId, reason });
        view.failed.push({ row: recipient.row, email: recipient.email, reason });
        continue;
      }
      // The mark goes back before anything else happens: this one may be sent again.
      mark.attempted = i;
      writeMark(campaign, mark);
      if (!QUOTA_ERROR.test(reason)) {
        // An unknown failure stops the run; what was sent is reported by the next run's settling.
        throw error;
      }
      quotaStop = true;
      unsent = batch.length - i;
      for (const rest of batch.slice(i)) failed.push({ contactId: rest.contactId, reason });
      break;
    }
  }
  reportSends(campaign, pass.occurrence, sent, failed);
  clearMark(campaign);
  view.remainingQuota = quotaStop ? 0 : view.remainingQuota - sent.length;
  return { quotaStop, unsent };
}
