import type { MessageKey } from "../../../shared/i18n/messages.en";
import {
  CATEGORY_ROLES,
  CONTRACT_ROLES,
  REQUEST_ROLES,
  SCORE_ROLES,
  STAGE_ROLES,
  TRANSACTION_ROLES,
} from "../../../shared/sheets/roles";
import type {
  CommentView,
  DashboardColumnsChoice,
  DashboardPeriod,
  DashboardView,
  FunnelStepView,
  FunnelView,
  MeasureView,
  RenewalRowView,
  SheetOption,
  ThemeView,
  TrendPoint,
} from "../../src/features/dashboard/shapes";
import { formatNumber, formatPercent, tr, translatePage } from "../common/i18n";
import { call } from "../common/rpc";
import { skippedRowsElement } from "../common/skipped";
import { Status } from "../common/status";
import { type ChartPoint, miniChart } from "./miniChart";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = new Status($("status"), $("error"));
const buttons = ["refresh", "report", "save-columns", "detect"].map((id) => $<HTMLButtonElement>(id));
const periodInputs = [...document.querySelectorAll<HTMLInputElement>('input[name="period"]')];
const notice = $("notice");
/** Periods drawn in the sidebar's charts: two years of months stay readable in 276 px. */
const CHART_PERIODS = 24;
const SMALL = 100;

let current: DashboardView | null = null;

function period(): DashboardPeriod {
  return periodInputs.find((i) => i.checked)?.value === "quarter" ? "quarter" : "month";
}

// ---------------------------------------------------------------------------------------------
// Number formats

/** NPS with its sign; rounding first so that −0.04 shows as 0.0, not −0.0. */
function nps(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${rounded > 0 ? "+" : ""}${formatNumber(rounded === 0 ? 0 : rounded, 1)}`;
}
const pct = (share: number) => formatPercent(share, 1);
const money = (value: number) => formatNumber(value, 2);
const count = (n: number) => formatNumber(n, 0);

// ---------------------------------------------------------------------------------------------
// Cards

function node<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

interface CardContent {
  label: string;
  hint?: string;
  value: string | null;
  n?: string;
  small?: boolean;
  extra?: HTMLElement[];
}

function fillCard(card: HTMLElement, content: CardContent): void {
  const parts: HTMLElement[] = [node("div", "label", content.label)];
  if (content.hint) parts.push(node("div", "hint", content.hint));
  const value = node("div", content.value === null ? "value missing" : "value", content.value ?? "—");
  value.dataset.testid = "value";
  parts.push(value);
  if (content.n) {
    const n = node("div", "n", content.n);
    n.dataset.testid = "n";
    parts.push(n);
  }
  parts.push(...(content.extra ?? []));
  if (content.small) {
    const badge = node("span", "badge", tr("ui.dashboard.smallSample"));
    badge.dataset.testid = "small-sample";
    parts.push(badge);
  }
  card.replaceChildren(...parts);
}

function measureCard(
  card: HTMLElement,
  label: MessageKey,
  m: MeasureView | null,
  format: (v: number) => string,
  nKey: MessageKey,
  hint = "",
  missing = tr("ui.dashboard.notYet"),
): boolean {
  fillCard(card, {
    label: tr(label),
    hint,
    value: m ? format(m.value) : null,
    n: m ? tr(nKey, { n: count(m.n) }) : missing,
    small: m?.smallSample ?? false,
  });
  return m?.smallSample ?? false;
}

function stack(parts: [number, string][], total: number): HTMLElement {
  const bar = node("div", "stack");
  bar.setAttribute("aria-hidden", "true");
  for (const [value, fill] of parts) {
    const span = node("span", `stack-part ${fill}`);
    span.style.width = `${(100 * value) / total}%`;
    bar.append(span);
  }
  return bar;
}

/** The NPS source, chosen here when there is more than one: the figures never switch by themselves. */
function npsSourceChoice(view: DashboardView): HTMLElement {
  const box = node("div", "sub source-choice");
  const label = node("label", "", tr("ui.dashboard.npsFrom"));
  label.htmlFor = "nps-source";
  const select = node("select", "");
  select.id = "nps-source";
  for (const s of view.npsSources) {
    const option = node("option", "", tr("ui.dashboard.npsSourceOption", { label: s.label, n: count(s.n) }));
    option.value = s.key;
    option.selected = s.key === view.npsSource;
    select.append(option);
  }
  select.addEventListener("change", () => void load(() => call("chooseNpsSource", select.value, period())));
  box.append(label, select);
  return box;
}

function renderFigures(view: DashboardView): void {
  let anySmall = false;
  const n = view.nps;
  if (n) {
    const extra = [
      node("div", "sub", tr("ui.dashboard.npsInterval", { lower: nps(n.lower), upper: nps(n.upper) })),
      stack(
        [
          [n.promoters, "fill-good"],
          [n.passives, "fill-mid"],
          [n.detractors, "fill-bad"],
        ],
        n.n,
      ),
      node(
        "div",
        "sub",
        tr("ui.dashboard.npsGroups", { promoters: n.promoters, passives: n.passives, detractors: n.detractors }),
      ),
    ];
    if (view.npsSources.length > 1) extra.push(npsSourceChoice(view));
    else if (n.source) extra.push(node("div", "sub", tr("ui.dashboard.from", { source: n.source })));
    if (n.flagged) extra.push(node("div", "sub", tr("ui.dashboard.flagged", { count: n.flagged })));
    fillCard($("nps-card"), {
      label: tr("ui.dashboard.nps"),
      value: nps(n.value),
      n: tr("ui.dashboard.n.answers", { n: count(n.n) }),
      small: n.smallSample,
      extra,
    });
    anySmall ||= n.smallSample;
  } else {
    fillCard($("nps-card"), { label: tr("ui.dashboard.nps"), value: null, n: tr("ui.dashboard.noAnswersShort") });
  }
  const noAnswers = tr("ui.dashboard.noAnswersShort");
  anySmall =
    measureCard(
      $("csat-card"),
      "ui.dashboard.csat",
      view.csat,
      pct,
      "ui.dashboard.n.answers",
      tr("ui.dashboard.csatHint"),
      noAnswers,
    ) || anySmall;
  anySmall =
    measureCard(
      $("ces-card"),
      "ui.dashboard.ces",
      view.ces,
      (v) => formatNumber(v, 2),
      "ui.dashboard.n.answers",
      tr("ui.dashboard.cesHint"),
      noAnswers,
    ) || anySmall;
  const surveyHints = [
    !view.nps && tr("ui.dashboard.noNps"),
    !view.csat && !view.ces && tr("ui.dashboard.noCsatCes"),
    !view.csat && view.ces && tr("ui.dashboard.noCsat"),
    view.csat && !view.ces && tr("ui.dashboard.noCes"),
  ];
  $("survey-hints").textContent = surveyHints.filter(Boolean).join(" ");

  const c = view.customers;
  const inPeriod = (p: { period: string } | null | undefined) =>
    p ? tr("ui.dashboard.inPeriod", { period: p.period }) : "";
  anySmall =
    measureCard(
      $("churn-card"),
      "ui.dashboard.churn",
      c?.churn ?? null,
      pct,
      "ui.dashboard.n.customersAtStart",
      inPeriod(c?.churn),
    ) || anySmall;
  anySmall =
    measureCard(
      $("retention-card"),
      "ui.dashboard.retention",
      c?.retention ?? null,
      pct,
      "ui.dashboard.n.customersAtStart",
      inPeriod(c?.retention),
    ) || anySmall;
  anySmall =
    measureCard($("repeat-card"), "ui.dashboard.repeatRate", c?.repeatRate ?? null, pct, "ui.dashboard.n.customers") ||
    anySmall;
  anySmall = measureCard($("aov-card"), "ui.dashboard.aov", c?.aov ?? null, money, "ui.dashboard.n.orders") || anySmall;
  const clv = c?.clv ?? null;
  fillCard($("clv-card"), {
    label: tr("ui.dashboard.clv"),
    value: clv ? money(clv.value) : null,
    n: clv ? tr("ui.dashboard.n.customers", { n: count(clv.n) }) : tr("ui.dashboard.notYet"),
    small: clv?.smallSample ?? false,
    extra: clv
      ? [
          node(
            "div",
            "sub",
            tr("ui.dashboard.clvHint", {
              purchases: formatNumber(clv.purchasesPerYear, 2),
              years: formatNumber(clv.expectedYears, 2),
            }),
          ),
        ]
      : [],
  });
  anySmall ||= clv?.smallSample ?? false;
  const upsell = c?.upsell ?? null;
  fillCard($("upsell-card"), {
    label: tr("ui.dashboard.upsell"),
    hint: tr("ui.dashboard.upsellHint"),
    value: upsell ? pct(upsell.value) : null,
    n: upsell ? tr("ui.dashboard.n.customers", { n: count(upsell.n) }) : tr("ui.dashboard.notYet"),
    small: upsell?.smallSample ?? false,
    extra: upsell?.returning
      ? [node("div", "sub", tr("ui.dashboard.upsellReturning", { share: pct(upsell.returning.value) }))]
      : [],
  });
  anySmall ||= upsell?.smallSample ?? false;
  const crossSell = c?.crossSell ?? null;
  const crossSellCard = $("crosssell-card");
  // Shown only with a category column: without one there is nothing to cross into.
  crossSellCard.hidden = crossSell === null;
  if (crossSell) {
    const into = crossSell.targets.map((target) => target.category).join(", ");
    fillCard(crossSellCard, {
      label: tr("ui.dashboard.crossSell"),
      hint: tr("ui.dashboard.crossSellHint"),
      value: pct(crossSell.value),
      n: tr("ui.dashboard.n.customers", { n: count(crossSell.n) }),
      small: crossSell.smallSample,
      extra: [
        ...(crossSell.returning
          ? [node("div", "sub", tr("ui.dashboard.upsellReturning", { share: pct(crossSell.returning.value) }))]
          : []),
        ...(into ? [node("div", "sub", tr("ui.dashboard.crossSellInto", { categories: into }))] : []),
      ],
    });
    anySmall ||= crossSell.smallSample;
  }
  const returns = c?.returns ?? null;
  fillCard($("returns-card"), {
    label: tr("ui.dashboard.returns"),
    hint: tr("ui.dashboard.returnsHint"),
    value: returns ? pct(returns.value) : null,
    n: returns
      ? tr("ui.dashboard.n.orders", { n: count(returns.n) })
      : tr(c?.aov ? "ui.dashboard.noReturns" : "ui.dashboard.notYet"),
    small: returns?.smallSample ?? false,
    extra:
      returns && returns.revenueRate !== null
        ? [node("div", "sub", tr("ui.dashboard.returnsRevenue", { share: pct(returns.revenueRate) }))]
        : [],
  });
  anySmall ||= returns?.smallSample ?? false;
  const gaps = [c?.churnGap, c && c.clvGap !== c.churnGap ? c.clvGap : null].filter((g): g is string => Boolean(g));
  $("customer-hints").textContent = gaps.join(" ");
  const note = $("small-sample-note");
  note.textContent = tr("ui.dashboard.smallSampleNote");
  note.hidden = !anySmall;
  $("figures").hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Trend

function chartBlock(
  name: string,
  points: ChartPoint[],
  latest: { value: string; period: string } | null,
  kind: "line" | "bars",
  color: string,
  format: (v: number) => string,
  bounds: { zero: boolean; floor?: number; ceiling?: number },
): HTMLElement {
  const box = node("figure", "chart");
  box.dataset.testid = "mini-chart";
  const head = node("div", "head");
  head.append(node("strong", "", name));
  head.append(node("span", "muted", latest ? tr("ui.dashboard.latest", latest) : tr("ui.dashboard.chart.none")));
  box.append(head);
  if (points.some((p) => p.value !== null)) {
    box.append(
      miniChart(points, {
        kind,
        color,
        format,
        ...bounds,
        label: latest ? tr("ui.dashboard.chart.label", { name, ...latest }) : name,
      }),
    );
    const axis = node("div", "axis");
    axis.setAttribute("aria-hidden", "true");
    axis.append(node("span", "", points[0]?.label ?? ""), node("span", "", points[points.length - 1]?.label ?? ""));
    box.append(axis);
  }
  return box;
}

function lastWith<T>(rows: readonly T[], has: (r: T) => boolean): T | undefined {
  for (let i = rows.length - 1; i >= 0; i--) if (has(rows[i] as T)) return rows[i];
  return undefined;
}

function renderTrend(view: DashboardView): void {
  const rows = view.trend.slice(-CHART_PERIODS);
  const section = $("trend");
  section.hidden = rows.length === 0;
  if (rows.length === 0) return;
  const npsLast = lastWith(rows, (r) => r.nps !== null);
  const churnLast = lastWith(rows, (r) => r.churnRate !== null);
  const revenueLast =
    lastWith(rows, (r) => r.revenue !== null && !r.partial) ?? lastWith(rows, (r) => r.revenue !== null);
  const point = (r: TrendPoint, value: number | null, hollow: boolean, text: string): ChartPoint => ({
    label: r.period,
    value,
    hollow,
    partial: r.partial,
    title: `${r.period}: ${text}`,
  });
  const charts = [
    chartBlock(
      tr("ui.dashboard.chart.nps"),
      rows.map((r) =>
        point(
          r,
          r.nps,
          r.npsN < SMALL,
          r.nps === null ? "—" : `${nps(r.nps)} · ${tr("ui.dashboard.n.answers", { n: r.npsN })}`,
        ),
      ),
      npsLast && npsLast.nps !== null ? { value: nps(npsLast.nps), period: npsLast.period } : null,
      "line",
      "#1a73e8",
      (v) => nps(v),
      { zero: true, floor: -100, ceiling: 100 },
    ),
    chartBlock(
      tr("ui.dashboard.chart.churn"),
      rows.map((r) =>
        point(
          r,
          r.churnRate,
          (r.atStart ?? 0) < SMALL,
          r.churnRate === null
            ? "—"
            : `${pct(r.churnRate)} · ${tr("ui.dashboard.n.customersAtStart", { n: r.atStart ?? 0 })}`,
        ),
      ),
      churnLast && churnLast.churnRate !== null ? { value: pct(churnLast.churnRate), period: churnLast.period } : null,
      "line",
      "#ea4335",
      (v) => formatPercent(v, 0),
      { zero: true, floor: 0, ceiling: 1 },
    ),
    chartBlock(
      tr("ui.dashboard.chart.revenue"),
      rows.map((r) =>
        point(
          r,
          r.revenue,
          false,
          r.revenue === null ? "—" : `${money(r.revenue)} · ${tr("ui.dashboard.chart.orders", { n: r.orders ?? 0 })}`,
        ),
      ),
      revenueLast && revenueLast.revenue !== null
        ? { value: money(revenueLast.revenue), period: revenueLast.period }
        : null,
      "bars",
      "#34a853",
      (v) => formatNumber(v, 0),
      { zero: true },
    ),
  ];
  $("charts").replaceChildren(...charts);
  const notes = [tr("ui.dashboard.chart.hollow")];
  const partial = rows.find((r) => r.partial);
  if (partial) notes.push(tr("ui.dashboard.chart.partial", { period: partial.period }));
  if (view.trend.length > rows.length) notes.push(tr("ui.dashboard.chart.last", { count: rows.length }));
  $("trend-notes").textContent = notes.join(" ");
  renderTrendTable(view.trend);
}

function renderTrendTable(trend: readonly TrendPoint[]): void {
  const table = $<HTMLTableElement>("trend-table");
  const head = document.createElement("tr");
  for (const key of [
    "ui.dashboard.chart.period",
    "ui.dashboard.chart.nps",
    "report.npsAnswers",
    "ui.dashboard.chart.churn",
    "ui.dashboard.chart.revenue",
    "report.orders",
  ] as const) {
    const th = node("th", "", tr(key));
    th.scope = "col";
    head.append(th);
  }
  const body = trend.map((r) => {
    const tr_ = document.createElement("tr");
    const cells = [
      r.partial ? `${r.period}*` : r.period,
      r.nps === null ? "" : nps(r.nps),
      r.npsN ? count(r.npsN) : "",
      r.churnRate === null ? "" : pct(r.churnRate),
      r.revenue === null ? "" : money(r.revenue),
      r.orders === null ? "" : count(r.orders),
    ];
    cells.forEach((text, i) => {
      const cell = node(i === 0 ? "th" : "td", "", text);
      if (i === 0) (cell as HTMLTableCellElement).scope = "row";
      tr_.append(cell);
    });
    return tr_;
  });
  const thead = document.createElement("thead");
  thead.append(head);
  const tbody = document.createElement("tbody");
  tbody.append(...body);
  table.replaceChildren(thead, tbody);
}

// ---------------------------------------------------------------------------------------------
// Alerts, problems, comments, definitions

function renderNotes(view: DashboardView): void {
  $("problems").replaceChildren(
    ...view.problems.map((text) => {
      const div = node("div", "error problem", text);
      div.dataset.testid = "problem";
      return div;
    }),
    ...view.skipped.map(skippedRowsElement),
  );
  $("alert-list").replaceChildren(
    ...view.alerts.map((a) => {
      const li = node("li", "", a.message);
      li.dataset.testid = "alert";
      if (a.smallSample) li.append(node("span", "muted", ` ${tr("ui.dashboard.alert.small")}`));
      return li;
    }),
  );
  $("alerts").hidden = view.alerts.length === 0;
  $("comment-list").replaceChildren(...view.comments.map(commentItem));
  $("comments").hidden = view.comments.length === 0;
  // The panels' own definitions, for the panels shown (their texts live in the sidebar, not in Code.js).
  const panels: [boolean, MessageKey][] = [
    [view.customers !== null, "ui.dashboard.def.upsell"],
    [view.customers?.crossSell != null, "ui.dashboard.def.crossSell"],
    [view.service !== null, "ui.dashboard.def.service"],
    [view.renewals !== null, "ui.dashboard.def.renewals"],
    [view.funnel !== null, "ui.dashboard.def.funnel"],
  ];
  $("definitions").replaceChildren(
    ...view.definitions.map((d) => node("li", "", d)),
    ...panels.filter(([shown]) => shown).map(([, key]) => node("li", "", tr(key))),
  );
}

function commentItem(c: CommentView): HTMLLIElement {
  const li = node("li", "");
  li.append(
    node(
      "div",
      "meta",
      tr("ui.dashboard.comment", {
        kind: c.kind.toUpperCase(),
        score: c.score,
        date: c.date ?? tr("ui.dashboard.noDate"),
      }),
    ),
    node("div", "text", c.text),
  );
  return li;
}

// ---------------------------------------------------------------------------------------------
// Service

const hours = (value: number) => tr("ui.dashboard.service.hours", { hours: formatNumber(value, 1) });

function renderService(view: DashboardView): void {
  const service = view.service;
  $("service").hidden = service === null;
  if (!service) return;
  $("service-source").textContent = service.workingTime
    ? tr("ui.dashboard.service.sourceWorking", { source: service.source, time: service.workingTime })
    : tr("ui.dashboard.service.source", { source: service.source });
  const latest = lastWith(service.periods, (p) => p.requests > 0);
  const responded = lastWith(service.periods, (p) => p.medianResponse !== null);
  const resolvedIn = lastWith(service.periods, (p) => p.medianResolution !== null);
  fillCard($("response-card"), {
    label: tr("ui.dashboard.service.response"),
    hint: responded ? tr("ui.dashboard.service.medianIn", { period: responded.period }) : "",
    value: responded ? hours(responded.medianResponse as number) : null,
    n: responded
      ? tr("ui.dashboard.service.answeredOf", { n: count(responded.answered), requests: count(responded.requests) })
      : tr(service.hasResponse ? "ui.dashboard.notYet" : "ui.dashboard.service.noColumn"),
    small: responded?.smallSample ?? false,
  });
  fillCard($("p90-card"), {
    label: tr("ui.dashboard.service.p90"),
    hint: responded ? tr("ui.dashboard.service.in", { period: responded.period }) : "",
    value: responded ? hours(responded.p90Response as number) : null,
    n: responded ? tr("ui.dashboard.service.answered", { n: count(responded.answered) }) : "",
    small: responded?.smallSample ?? false,
  });
  fillCard($("resolution-card"), {
    label: tr("ui.dashboard.service.resolution"),
    hint: resolvedIn ? tr("ui.dashboard.service.medianIn", { period: resolvedIn.period }) : "",
    value: resolvedIn ? hours(resolvedIn.medianResolution as number) : null,
    n: resolvedIn
      ? tr("ui.dashboard.service.resolvedOf", { n: count(resolvedIn.resolved), requests: count(resolvedIn.requests) })
      : tr(service.hasResolution ? "ui.dashboard.service.notReached" : "ui.dashboard.service.noColumn"),
    small: resolvedIn ? resolvedIn.requests < SMALL : false,
  });
  const contacts = service.contacts;
  const contactsCard = $("contacts-card");
  contactsCard.hidden = contacts === null;
  if (contacts) {
    fillCard(contactsCard, {
      label: tr("ui.dashboard.service.contacts"),
      hint: tr("ui.dashboard.service.contactsIn", { period: contacts.period }),
      value: contacts.share === null ? count(contacts.clients) : pct(contacts.share),
      n:
        contacts.of === null
          ? tr("ui.dashboard.service.contactsRequests", { n: count(contacts.requests) })
          : tr("ui.dashboard.service.contactsOf", { clients: count(contacts.clients), of: count(contacts.of) }),
      small: contacts.of !== null && contacts.of < SMALL,
      extra: [node("div", "sub", tr("ui.dashboard.service.jumped", { n: contacts.jumped }))],
    });
  }
  const rows = service.periods.slice(-CHART_PERIODS);
  const points = rows.map(
    (p): ChartPoint => ({
      label: p.period,
      value: p.medianResponse,
      hollow: p.smallSample,
      partial: false,
      title:
        p.medianResponse === null
          ? p.period
          : `${p.period}: ${hours(p.medianResponse)} · ${tr("ui.dashboard.service.answered", { n: count(p.answered) })}`,
    }),
  );
  $("service-chart").replaceChildren(
    chartBlock(
      tr("ui.dashboard.service.chart"),
      points,
      responded ? { value: hours(responded.medianResponse as number), period: responded.period } : null,
      "line",
      "#b06000",
      (v) => formatNumber(v, 1),
      { zero: true },
    ),
  );
  $("service-requests").textContent = latest
    ? tr("ui.dashboard.service.requests", { n: service.requests, period: latest.period, latest: latest.requests })
    : "";
}

// ---------------------------------------------------------------------------------------------
// Renewals

function renewalCard(card: HTMLElement, label: string, hint: string, row: RenewalRowView | null, small: boolean): void {
  const decided = row ? row.renewed + row.lapsed : 0;
  fillCard(card, {
    label,
    hint,
    value: row && row.renewalRate !== null ? pct(row.renewalRate) : null,
    n: row && decided > 0 ? tr("ui.dashboard.renewals.n", { n: count(decided) }) : tr("ui.dashboard.notYet"),
    small,
    extra:
      row && row.onTimeRate !== null
        ? [
            node(
              "div",
              "sub",
              tr("ui.dashboard.renewals.detail", { onTime: pct(row.onTimeRate), open: count(row.open) }),
            ),
          ]
        : [],
  });
}

function renderRenewals(view: DashboardView): void {
  const renewals = view.renewals;
  $("renewals").hidden = renewals === null;
  if (!renewals) return;
  $("renewals-source").textContent = tr("ui.dashboard.renewals.source", { source: renewals.source });
  const latest = renewals.latest;
  renewalCard(
    $("renewal-card"),
    tr("ui.dashboard.renewals.latest"),
    latest ? tr("ui.dashboard.renewals.dueIn", { period: latest.period }) : "",
    latest,
    renewals.smallSample,
  );
  const total = renewals.total;
  renewalCard(
    $("renewal-total-card"),
    tr("ui.dashboard.renewals.all"),
    tr("ui.dashboard.renewals.allHint", { n: count(total.due) }),
    total,
    total.renewed + total.lapsed < SMALL,
  );
}

// ---------------------------------------------------------------------------------------------
// Funnel

function funnelStep(step: FunnelStepView, weakest: boolean, first: number): HTMLLIElement {
  const li = node("li", weakest ? "weakest" : "");
  li.dataset.testid = "funnel-step";
  const head = node("div", "head");
  head.append(node("span", "", step.stage), node("span", "", count(step.reached)));
  const parts: HTMLElement[] = [head, stack([[step.reached, "reached"]], Math.max(first, 1))];
  if (step.conversion !== null && step.lower !== null && step.upper !== null) {
    parts.push(
      node(
        "div",
        "sub",
        `${tr("ui.dashboard.funnel.conversion")}: ${pct(step.conversion)} (${tr("ui.dashboard.funnel.interval", {
          lower: pct(step.lower),
          upper: pct(step.upper),
        })}) · ${tr("ui.dashboard.funnel.lost")}: ${count(step.lost)}`,
      ),
    );
  }
  li.append(...parts);
  return li;
}

const stageList = (stages: readonly { name: string; clients: number }[], more: number) =>
  [
    ...stages.map((stage) => tr("ui.dashboard.funnel.clientsAt", { name: stage.name, n: count(stage.clients) })),
    ...(more > 0 ? [tr("ui.dashboard.funnel.more", { n: count(more) })] : []),
  ].join(", ");

function renderFunnel(view: DashboardView): void {
  const funnel: FunnelView | null = view.funnel;
  $("funnel").hidden = funnel === null;
  if (!funnel) return;
  const source = $("funnel-source");
  source.textContent = tr("ui.dashboard.funnel.source", { source: funnel.source });
  const notes: HTMLElement[] = [];
  if (funnel.steps.length === 0) {
    $("funnel-steps").replaceChildren();
    notes.push(
      node("span", "", `${tr("ui.dashboard.funnel.orderNeeded")} ${stageList(funnel.found, funnel.foundMore)}.`),
    );
    $("funnel-notes").replaceChildren(...notes);
    return;
  }
  const from = funnel.orderFrom;
  source.append(
    " ",
    tr(
      from === "set"
        ? "ui.dashboard.funnel.set"
        : from === "dropdown"
          ? "ui.dashboard.funnel.dropdown"
          : "ui.dashboard.funnel.guessed",
    ),
  );
  const first = funnel.steps[0]?.reached ?? 0;
  $("funnel-steps").replaceChildren(...funnel.steps.map((step, i) => funnelStep(step, i === funnel.weakest, first)));
  const n = node("span", "", tr("ui.dashboard.funnel.n", { n: count(funnel.clients) }));
  n.dataset.testid = "funnel-n";
  notes.push(n);
  if (funnel.smallSample) {
    const badge = node("span", "badge", tr("ui.dashboard.smallSample"));
    badge.dataset.testid = "small-sample";
    notes.push(badge);
  }
  const weakest = funnel.weakest === null ? null : funnel.steps[funnel.weakest];
  const before = funnel.weakest === null ? null : funnel.steps[funnel.weakest - 1];
  if (weakest && before && weakest.conversion !== null) {
    notes.push(
      node(
        "div",
        "",
        tr("ui.dashboard.funnel.weakest", {
          from: before.stage,
          to: weakest.stage,
          conversion: pct(weakest.conversion),
          lost: count(weakest.lost),
        }),
      ),
    );
  }
  if (funnel.outside.length > 0) {
    notes.push(
      node(
        "div",
        "muted",
        tr("ui.dashboard.funnel.outside", { stages: stageList(funnel.outside, funnel.outsideMore) }),
      ),
    );
  }
  $("funnel-notes").replaceChildren(...notes);
}

// ---------------------------------------------------------------------------------------------
// What clients say

function themeItem(theme: ThemeView): HTMLLIElement {
  const li = node("li", "");
  li.dataset.testid = "theme";
  li.append(
    node("div", "theme", theme.text),
    node(
      "div",
      "meta",
      tr("ui.dashboard.themes.shares", {
        negative: pct(theme.shareNegative),
        positive: pct(theme.sharePositive),
        comments: count(theme.side === "negative" ? theme.negative : theme.positive),
      }),
    ),
    ...theme.examples.map((text) => node("q", "text", text)),
  );
  return li;
}

function renderThemes(view: DashboardView): void {
  const themes = view.themes;
  $("themes").hidden = themes === null;
  if (!themes) return;
  const summary = $("themes-summary");
  summary.textContent = tr("ui.dashboard.themes.compared", {
    n: themes.n,
    negative: themes.negative,
    positive: themes.positive,
  });
  if (themes.smallSample) {
    const badge = node("span", "badge", tr("ui.dashboard.smallSample"));
    badge.dataset.testid = "small-sample";
    summary.append(" ", badge);
  }
  const parts: HTMLElement[] = [];
  if (themes.negative === 0 || themes.positive === 0) {
    parts.push(node("p", "muted small", tr("ui.dashboard.themes.oneSide")));
  } else if (themes.themes.length === 0) {
    parts.push(node("p", "muted small", tr("ui.dashboard.themes.none")));
  }
  for (const side of ["negative", "positive"] as const) {
    const list = themes.themes.filter((theme) => theme.side === side);
    if (list.length === 0) continue;
    parts.push(
      node("h3", "", tr(side === "negative" ? "ui.dashboard.themes.negative" : "ui.dashboard.themes.positive")),
    );
    const ul = node("ul", `themes ${side}`);
    ul.append(...list.map(themeItem));
    parts.push(ul);
  }
  if (themes.smallSample && themes.themes.length > 0)
    parts.push(node("p", "warning small", tr("ui.dashboard.themes.small")));
  $("themes-body").replaceChildren(...parts);
}

// ---------------------------------------------------------------------------------------------
// Columns

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  return o;
}

function fillSheetSelect(select: HTMLSelectElement, sheets: readonly SheetOption[], chosen: number | null): void {
  select.replaceChildren(option("", tr("ui.dashboard.none")), ...sheets.map((s) => option(String(s.sheetId), s.name)));
  select.value = chosen === null ? "" : String(chosen);
}

type RolePrefix = "tx" | "sc" | "rq" | "ct" | "fn";

/** Each fieldset's roles: the mapping of the chosen sheet they come from, and whether it was confirmed. */
function rolesOf(
  prefix: RolePrefix,
  sheet: SheetOption,
): { mapping: Record<string, number | null>; remembered: boolean } {
  switch (prefix) {
    case "rq":
      return { mapping: { ...sheet.requests }, remembered: sheet.requestsRemembered };
    case "ct":
      return { mapping: { ...sheet.contracts }, remembered: sheet.contractsRemembered };
    case "fn":
      return { mapping: { ...sheet.stages }, remembered: sheet.stagesRemembered };
    case "tx":
      // The category is an optional role of the transactions sheet, kept beside its client roles.
      return { mapping: { ...sheet.mapping, ...sheet.categories }, remembered: sheet.remembered };
    default:
      return { mapping: { ...sheet.mapping }, remembered: sheet.remembered };
  }
}

function fillRoles(prefix: RolePrefix, roles: readonly string[], sheet: SheetOption | undefined): void {
  const found = sheet ? rolesOf(prefix, sheet) : null;
  for (const role of roles) {
    const select = $<HTMLSelectElement>(`${prefix}-${role}`);
    select.replaceChildren(
      option("", tr("ui.dashboard.none")),
      ...(sheet?.columns ?? []).map((c) => option(String(c.column), c.header ? `${c.letter} · ${c.header}` : c.letter)),
    );
    const column = found?.mapping[role] ?? null;
    select.value = column === null ? "" : String(column);
    select.disabled = !sheet;
  }
  $(`${prefix}-state`).textContent = found
    ? tr(found.remembered ? "ui.dashboard.remembered" : "ui.dashboard.detected")
    : "";
}

/**
 * The funnel's stage order as the box shows it: the order set for the sheet, else the one in use
 * (from the dropdown or the names), else the stages found, for a person to put in order.
 */
function stageOrderText(view: DashboardView, sheet: SheetOption | undefined): string {
  if (!sheet) return "";
  if (sheet.stageOrder) return sheet.stageOrder.join("\n");
  if (view.funnel && view.sources.stages === sheet.sheetId) {
    const names =
      view.funnel.steps.length > 0 ? view.funnel.steps.map((s) => s.stage) : view.funnel.found.map((s) => s.name);
    return names.join("\n");
  }
  return "";
}

function fillStages(view: DashboardView, sheet: SheetOption | undefined): void {
  fillRoles("fn", STAGE_ROLES, sheet);
  const box = $<HTMLTextAreaElement>("fn-order");
  box.value = stageOrderText(view, sheet);
  // An order left as found stays unset (it follows the dropdown or the names); an edited one is remembered.
  box.defaultValue = box.value;
  box.disabled = !sheet;
}

function sheetOf(select: HTMLSelectElement): SheetOption | undefined {
  return current?.sources.sheets.find((s) => String(s.sheetId) === select.value);
}

function renderColumns(view: DashboardView): void {
  const { sources } = view;
  fillSheetSelect($("tx-sheet"), sources.sheets, sources.transactions);
  fillSheetSelect($("sc-sheet"), sources.sheets, sources.scores);
  fillRoles("tx", [...TRANSACTION_ROLES, ...CATEGORY_ROLES], sheetOf($("tx-sheet")));
  fillRoles("sc", SCORE_ROLES, sheetOf($("sc-sheet")));
  fillSheetSelect($("rq-sheet"), sources.sheets, sources.requests);
  fillRoles("rq", REQUEST_ROLES, sheetOf($("rq-sheet")));
  fillSheetSelect($("ct-sheet"), sources.sheets, sources.contracts);
  fillRoles("ct", CONTRACT_ROLES, sheetOf($("ct-sheet")));
  $<HTMLInputElement>("sh-hours").value = sources.serviceHours.hours;
  $<HTMLInputElement>("sh-days").value = sources.serviceHours.days;
  $<HTMLInputElement>("sh-holidays").value = sources.serviceHours.holidays;
  fillSheetSelect($("fn-sheet"), sources.sheets, sources.stages);
  fillStages(view, sheetOf($("fn-sheet")));
  const r = sources.responses;
  $("responses-state").textContent = r
    ? tr("ui.dashboard.responsesFound", { sheet: r.sheet, n: r.answers, nps: r.nps, csat: r.csat, ces: r.ces })
    : tr("ui.dashboard.responsesNone");
  // Something could not be read: open the panel where it is fixed.
  if (view.problems.length > 0 || sources.transactions === null) ($("columns-panel") as HTMLDetailsElement).open = true;
}

function selected(id: string): number | null {
  const value = $<HTMLSelectElement>(id).value;
  return value === "" ? null : Number(value);
}

/** The order to remember: "" while a recognised order is left as it was (it stays a guess). */
function stageOrderChoice(): string {
  const box = $<HTMLTextAreaElement>("fn-order");
  const sheet = sheetOf($("fn-sheet"));
  const recognised = !sheet?.stageOrder && (current?.funnel?.steps.length ?? 0) > 0;
  return recognised && box.value === box.defaultValue ? "" : box.value;
}

function choice(): DashboardColumnsChoice {
  return {
    transactions: {
      sheetId: selected("tx-sheet"),
      clientId: selected("tx-clientId"),
      date: selected("tx-date"),
      amount: selected("tx-amount"),
      category: selected("tx-category"),
    },
    scores: {
      sheetId: selected("sc-sheet"),
      score: selected("sc-score"),
      date: selected("sc-date"),
      comment: selected("sc-comment"),
    },
    requests: {
      sheetId: selected("rq-sheet"),
      opened: selected("rq-opened"),
      firstResponse: selected("rq-firstResponse"),
      resolved: selected("rq-resolved"),
    },
    contracts: {
      sheetId: selected("ct-sheet"),
      contractEnd: selected("ct-contractEnd"),
      renewed: selected("ct-renewed"),
    },
    serviceHours: {
      hours: $<HTMLInputElement>("sh-hours").value,
      days: $<HTMLInputElement>("sh-days").value,
      holidays: $<HTMLInputElement>("sh-holidays").value,
    },
    stages: { sheetId: selected("fn-sheet"), stage: selected("fn-stage"), order: stageOrderChoice() },
  };
}

// ---------------------------------------------------------------------------------------------

function render(view: DashboardView): void {
  current = view;
  for (const input of periodInputs) input.checked = input.value === view.period;
  renderNotes(view);
  renderFigures(view);
  renderTrend(view);
  renderService(view);
  renderRenewals(view);
  renderFunnel(view);
  renderThemes(view);
  renderColumns(view);
}

/** Requests made so far: a period changed twice quickly shows the answer to the last request only. */
let requests = 0;

async function load(work: () => Promise<DashboardView>, done?: string): Promise<void> {
  notice.hidden = true;
  const request = ++requests;
  const view = await status.run(tr("ui.dashboard.working"), buttons, work);
  // The placeholder cards go once there is something to show instead: figures or an error.
  $("skeleton").hidden = true;
  if (!view || request !== requests) return;
  render(view);
  // A part could not be read: bring its message into view, wherever the person clicked.
  if (view.problems.length > 0 || view.skipped.length > 0) $("problems").scrollIntoView({ block: "start" });
  if (done) {
    notice.textContent = done;
    notice.hidden = false;
  }
}

for (const input of periodInputs) {
  input.addEventListener("change", () => void load(() => call("dashboardData", period())));
}
$("refresh").addEventListener("click", () => void load(() => call("dashboardData", period())));
$("tx-sheet").addEventListener("change", () =>
  fillRoles("tx", [...TRANSACTION_ROLES, ...CATEGORY_ROLES], sheetOf($("tx-sheet"))),
);
$("sc-sheet").addEventListener("change", () => fillRoles("sc", SCORE_ROLES, sheetOf($("sc-sheet"))));
$("rq-sheet").addEventListener("change", () => fillRoles("rq", REQUEST_ROLES, sheetOf($("rq-sheet"))));
$("ct-sheet").addEventListener("change", () => fillRoles("ct", CONTRACT_ROLES, sheetOf($("ct-sheet"))));
$("fn-sheet").addEventListener("change", () => {
  if (current) fillStages(current, sheetOf($("fn-sheet")));
});
$("columns-form").addEventListener("submit", (event) => {
  event.preventDefault();
  void load(() => call("saveDashboardColumns", choice(), period()), tr("ui.dashboard.saved"));
});
$("detect").addEventListener("click", () => void load(() => call("resetDashboardColumns", period())));
$("report").addEventListener("click", async () => {
  notice.hidden = true;
  const result = await status.run(tr("ui.dashboard.reporting"), buttons, () => call("createReport", period()));
  if (result) {
    notice.textContent = result.message;
    notice.hidden = false;
  }
});

translatePage();
$<HTMLInputElement>("sh-days").placeholder = tr("ui.dashboard.serviceHours.weekdays");
void load(() => call("dashboardData", null));
