import { answerTone } from "../../../shared/clientCard/nextStep";
import type { MessageKey } from "../../../shared/i18n/messages.en";
import { flagWords } from "../../../shared/surveys/flags";
import type { ClientAnswerView, ClientCardView } from "../../src/features/clientCard/shapes";
import { formatCount, formatDay, formatMoney } from "../common/format";
import { formatNumber, formatPercent, tr, translatePage } from "../common/i18n";
import { call } from "../common/rpc";
import { Status } from "../common/status";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = new Status($("status"), $("error"));
const refresh = $<HTMLButtonElement>("refresh");
let busy = false;

function facts(list: HTMLElement, rows: [string, string, string?][]): void {
  list.replaceChildren(
    ...rows.flatMap(([term, value, note]) => {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = value;
      if (note) {
        const small = document.createElement("small");
        small.textContent = note;
        dd.append(small);
      }
      return [dt, dd];
    }),
  );
}

function typeName(type: string): string {
  return ["nps", "csat", "ces"].includes(type)
    ? tr(`ui.card.answerType.${type}` as MessageKey)
    : tr("ui.card.answerType.other");
}

/** The tone class of an answer: the same reading of a score as the next-step rules. */
function tone(a: ClientAnswerView): string {
  const tone = answerTone(a);
  return tone === "neutral" ? "" : tone;
}

function answerItem(a: ClientAnswerView): HTMLLIElement {
  const li = document.createElement("li");
  const t = tone(a);
  if (t) li.classList.add(t);
  const score = document.createElement("span");
  score.className = "score";
  score.textContent =
    a.score === null ? typeName(a.type) : tr("ui.card.score", { type: typeName(a.type), score: a.score });
  const meta = document.createElement("span");
  meta.className = "meta";
  const parts = [a.survey, a.date ? formatDay(a.date) : "", a.finished ? "" : tr("ui.card.unfinished")];
  meta.textContent = parts.filter(Boolean).join(" · ");
  li.append(score, meta);
  if (a.comment) {
    const quote = document.createElement("blockquote");
    quote.textContent = a.comment;
    li.append(quote);
  }
  if (a.flags.length) {
    const flags = document.createElement("span");
    flags.className = "flags";
    flags.textContent = tr("ui.card.flagged", { flags: flagWords(a.flags, (key) => tr(key)) });
    li.append(flags);
  }
  return li;
}

function show(card: ClientCardView): void {
  $("intro").hidden = true;
  $("client-name").textContent = card.name ?? tr("ui.card.clientId", { id: card.clientId });
  $("client-meta").textContent = [
    card.name ? tr("ui.card.clientId", { id: card.clientId }) : "",
    card.email ?? "",
    tr("ui.card.from", { row: card.row, sheet: card.sheet }),
  ]
    .filter(Boolean)
    .join(" · ");
  $("next-step").textContent = card.nextStep.text;
  $("next-step").dataset.rule = card.nextStep.rule;

  const p = card.purchases;
  $("no-purchases").hidden = p !== null || card.transactionsSheet === null;
  facts(
    $("purchases"),
    p
      ? [
          [tr("ui.card.orders"), formatCount(p.orders)],
          [tr("ui.card.firstPurchase"), formatDay(p.firstPurchase)],
          [
            tr("ui.card.lastPurchase"),
            formatDay(p.lastPurchase),
            tr("ui.card.daysAgo", { days: formatCount(p.daysSinceLast) }),
          ],
          [tr("ui.card.total"), formatMoney(p.total)],
          [tr("ui.card.average"), formatMoney(p.average)],
        ]
      : [],
  );

  const relationship: [string, string, string?][] = [];
  if (card.rfm) {
    relationship.push([
      tr("ui.card.rfmSegment"),
      card.rfm.label,
      tr("ui.card.rfmScores", { r: card.rfm.r, f: card.rfm.f, m: card.rfm.m }),
    ]);
  }
  if (card.stage) relationship.push([tr("ui.card.stage"), card.stage.label]);
  if (card.prediction) {
    relationship.push([tr("ui.card.pAlive"), formatPercent(card.prediction.pAlive)]);
    relationship.push([tr("ui.card.expectedPurchases"), formatNumber(card.prediction.expectedPurchases, 2)]);
    if (card.prediction.clv !== null) relationship.push([tr("ui.card.clv"), formatMoney(card.prediction.clv)]);
  }
  facts($("relationship"), relationship);

  $("answers").replaceChildren(...card.answers.map(answerItem));
  $("no-answers").hidden = card.answers.length > 0;
  $("notes").replaceChildren(
    ...card.notes.map((note) => {
      const li = document.createElement("li");
      li.textContent = note;
      return li;
    }),
  );
  $("as-of").textContent =
    card.asOf && card.transactionsSheet
      ? tr("ui.card.asOf", { date: formatDay(card.asOf), sheet: card.transactionsSheet })
      : "";
  $("card").hidden = false;
}

async function load(focusCard: boolean): Promise<void> {
  if (busy) return;
  busy = true;
  const card = await status.run(tr("ui.card.loading"), [refresh], () => call("clientCard"));
  busy = false;
  if (card) {
    show(card);
    if (focusCard) $("client-name").focus();
  } else {
    $("card").hidden = true;
    $("intro").hidden = false;
  }
}

refresh.addEventListener("click", () => void load(true));
// Coming back to the sidebar after selecting another row in the sheet shows that row's client.
window.addEventListener("focus", () => void load(false));

translatePage();
void load(false);
