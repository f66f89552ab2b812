import type { Locale } from "../i18n/locale";
import type { MessageKey } from "../i18n/messages.en";
import { t } from "../i18n/translate";
import type { DashboardAlert } from "./alerts";
import type { ChurnGap, TrendPeriod } from "./figures";
import { fixed, percent, pValue, signed } from "./format";
import type { NpsSource } from "./npsSource";

/** Sentences the sidebar and the report share, so both say the same thing in the same words. */

/** An alert as one actionable sentence. */
export function alertMessage(alert: DashboardAlert, locale: Locale): string {
  const p = pValue(alert.pValue, locale);
  if (alert.kind === "response") {
    return t(locale, "ui.dashboard.alert.response", {
      before: fixed(alert.before, 1, locale),
      after: fixed(alert.after, 1, locale),
      from: alert.from,
      to: alert.to,
      p,
    });
  }
  if (alert.kind === "churn") {
    return t(locale, "ui.dashboard.alert.churn", {
      before: percent(alert.before, 1, locale),
      after: percent(alert.after, 1, locale),
      from: alert.from,
      to: alert.to,
      p,
    });
  }
  return t(locale, alert.change > 0 ? "ui.dashboard.alert.npsUp" : "ui.dashboard.alert.npsDown", {
    before: signed(alert.before, 1, locale),
    after: signed(alert.after, 1, locale),
    change: signed(alert.change, 1, locale),
    from: alert.from,
    to: alert.to,
    p,
  });
}

/** Why churn, retention or CLV is missing, in words. */
export function gapMessage(gap: Exclude<ChurnGap, null>, period: TrendPeriod, locale: Locale): string {
  const keys: Record<Exclude<ChurnGap, null>, MessageKey> = {
    noRepeatPurchases: "ui.dashboard.gap.noRepeatPurchases",
    noCompletePeriod: "ui.dashboard.gap.noCompletePeriod",
    noChurn: "ui.dashboard.gap.noChurn",
    noAmounts: "ui.dashboard.gap.noAmounts",
  };
  return t(locale, keys[gap], { period: t(locale, `ui.dashboard.word.${period}`) });
}

/** How each figure is calculated, one sentence each. */
export function definitions(inactiveDays: number | null, locale: Locale): string[] {
  return [
    t(locale, "ui.dashboard.def.nps"),
    t(locale, "ui.dashboard.def.csat"),
    inactiveDays === null
      ? t(locale, "ui.dashboard.def.churnNoDays")
      : t(locale, "ui.dashboard.def.churn", { days: inactiveDays }),
    t(locale, "ui.dashboard.def.repeat"),
    t(locale, "ui.dashboard.def.clv"),
    t(locale, "ui.dashboard.def.alerts"),
  ];
}

/** An NPS source as a person reads it: "All synced NPS surveys (Responses)", "Survey “Pulse”", "Clients · NPS score". */
export function npsSourceLabel(source: NpsSource, locale: Locale): string {
  if (source.kind === "responses") return t(locale, "dashboard.npsSource.responses", { sheet: source.name });
  if (source.kind === "survey") return t(locale, "dashboard.npsSource.survey", { title: source.name });
  return source.name;
}
