import { html, raw } from "hono/html";
import type { SentMail } from "../harness/mailAndTriggers";

/**
 * The preview's Outbox: every email the add-on "sent" through the faked MailApp, listed and shown
 * as its recipient would see it, with working links (a survey's score buttons, the unsubscribe
 * link), and the preview's clock: a day can pass, and the scheduled jobs run now. Plain HTML
 * forms, no script; hono/html escapes every value.
 */

type Locale = "en" | "ru";

const TEXT = {
  en: {
    title: "Outbox",
    intro: "Every email Rapport sent in this preview. MailApp is faked: nothing left this machine.",
    empty: "No email sent yet. Try Rapport › Send survey by email.",
    to: "To",
    subject: "Subject",
    when: "Sent",
    today: "Today in the preview: {day}",
    nextDay: "Let a day pass",
    runJobs: "Run scheduled jobs now",
    ran: "Ran: {jobs}.",
    nothingDue: "No scheduled job was due.",
    back: "← Outbox",
    reminder: "The links work: answer the survey or unsubscribe as the client would.",
    runScheduledSends: "the scheduled sends",
    runScheduledSync: "the answers sync",
  },
  ru: {
    title: "Исходящие",
    intro: "Все письма, которые Rapport отправил в предпросмотре. MailApp подменён: ничего не ушло с компьютера.",
    empty: "Писем пока нет. Попробуйте Rapport › Отправить опрос по почте.",
    to: "Кому",
    subject: "Тема",
    when: "Отправлено",
    today: "Сегодня в предпросмотре: {day}",
    nextDay: "Прошёл день",
    runJobs: "Запустить задания по расписанию",
    ran: "Выполнено: {jobs}.",
    nothingDue: "Ни одному заданию не пора запускаться.",
    back: "← Исходящие",
    reminder: "Ссылки работают: ответьте на опрос или отпишитесь, как это сделал бы клиент.",
    runScheduledSends: "рассылки по расписанию",
    runScheduledSync: "загрузка ответов",
  },
} as const;

type Key = keyof (typeof TEXT)["en"];
const say = (locale: Locale, key: Key, params: Record<string, string> = {}) =>
  TEXT[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");

const STYLE = `
  body { font: 14px/1.45 Roboto, "Segoe UI", Arial, sans-serif; color: #202124; margin: 0; }
  header, main { max-width: 760px; margin: 0 auto; padding: 12px 16px; }
  h1 { font-size: 20px; font-weight: 500; margin: 8px 0; }
  .muted { color: #5f6368; }
  form { display: inline; }
  button { font: inherit; border: 1px solid #dadce0; background: #fff; border-radius: 4px; padding: 6px 12px; cursor: pointer; }
  .clock { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 8px 0; }
  .notice { background: #e8f0fe; padding: 8px 12px; border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e1e3e6; vertical-align: top; }
  td a { color: #1a73e8; }
  .meta { border-bottom: 1px solid #e1e3e6; padding-bottom: 8px; }
  .meta p, .meta h1 { margin: 2px 0; word-break: break-word; }
  .meta h1 { font-size: 16px; }
  iframe { width: 100%; height: 70vh; border: 1px solid #e1e3e6; border-radius: 4px; }
`;

function page(locale: Locale, title: string, body: unknown): string {
  return html`<!doctype html>
<html lang="${locale}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <style>${raw(STYLE)}</style>
  </head>
  <body>
    ${body}
  </body>
</html>`.toString();
}

/** The list of emails, newest first, with the clock's controls; `notice` says what the last control did. */
export function outboxPage(locale: Locale, mails: readonly SentMail[], now: number, notice: string | null): string {
  const rows = mails
    .map((mail, index) => ({ mail, index }))
    .reverse()
    .map(
      ({ mail, index }) => html`<tr>
        <td>${minute(mail.at)}</td>
        <td>${mail.to.join(", ")}</td>
        <td><a href="/outbox/${index}">${mail.subject || "—"}</a></td>
      </tr>`,
    );
  return page(
    locale,
    say(locale, "title"),
    html`<header>
      <h1>${say(locale, "title")} (${mails.length})</h1>
      <p class="muted">${say(locale, "intro")}</p>
      <div class="clock">
        <strong data-testid="clock">${say(locale, "today", { day: day(now) })}</strong>
        <form method="post" action="/outbox/next-day"><button type="submit">${say(locale, "nextDay")}</button></form>
        <form method="post" action="/outbox/run-jobs"><button type="submit">${say(locale, "runJobs")}</button></form>
      </div>
      ${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}
    </header>
    <main>
      ${
        mails.length === 0
          ? html`<p>${say(locale, "empty")}</p>`
          : html`<table>
              <thead><tr><th>${say(locale, "when")}</th><th>${say(locale, "to")}</th><th>${say(locale, "subject")}</th></tr></thead>
              <tbody>${rows}</tbody>
            </table>`
      }
    </main>`,
  );
}

/** What the clock's controls report, in the page's language. */
export function jobsNotice(locale: Locale, ran: readonly string[]): string {
  const names = ran.map((handler) => (handler in TEXT[locale] ? say(locale, handler as Key) : handler));
  return ran.length ? say(locale, "ran", { jobs: names.join(", ") }) : say(locale, "nothingDue");
}

/** One email as its recipient sees it: who it is to, its subject, then the message. */
export function emailPage(locale: Locale, mail: SentMail, index: number): string {
  return page(
    locale,
    mail.subject,
    html`<header class="meta">
      <p><a href="/outbox">${say(locale, "back")}</a></p>
      <h1><span class="muted">${say(locale, "subject")}:</span> <span data-testid="subject">${mail.subject}</span></h1>
      <p><strong>${say(locale, "to")}:</strong> ${mail.to.join(", ")} · ${minute(mail.at)}</p>
      <p class="muted">${say(locale, "reminder")}</p>
    </header>
    <main>
      <iframe title="${mail.subject}" src="/outbox/${index}/message"></iframe>
    </main>`,
  );
}

/**
 * The message itself, for the frame: its own document, links opening in the whole tab (as a mail
 * app opens them), no script (the response's CSP forbids it; an email carries none anyway).
 */
export function messageDocument(mail: SentMail): string {
  const body = mail.htmlBody ?? html`<pre>${mail.body}</pre>`.toString();
  return `<!doctype html><html><head><meta charset="utf-8"><base target="_top"></head><body>${body}</body></html>`;
}

export const MESSAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'self'";
