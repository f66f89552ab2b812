import { skippedRowsView } from "../../../../shared/cells/skippedRows";
import { reportLayout } from "../../../../shared/dashboard/report";
import { npsSourceLabel } from "../../../../shared/dashboard/text";
import { RapportError } from "../../../../shared/errors";
import type { Locale } from "../../../../shared/i18n/locale";
import { t } from "../../../../shared/i18n/translate";
import { userLocale } from "../../services/locale";
import type { SheetColumns } from "../../sheet/clientSheets";
import { withDocumentLock } from "../../sheet/lock";
import { columnName } from "../../sheet/transactions";
import { sidebarCall } from "../../sidebar/serverCall";
import { type DashboardData, readDashboard } from "./read";
import { writeReport } from "./reportSheet";
import { dashboardPeriod } from "./server";
import type { DashboardPeriod, ReportResult } from "./shapes";

/** "Transactions (Client ID, Date, Amount)": a sheet and the columns read from it. */
function describe(source: SheetColumns, roles: readonly ("clientId" | "date" | "amount")[]): string {
  const headers = roles
    .map((r) => source.mapping[r])
    .filter((c): c is number => c !== null)
    .map((c) => source.headers[c - 1] || String(c));
  return `${source.sheet.getName()} (${headers.join(", ")})`;
}

function sources(data: DashboardData, locale: Locale): string[] {
  const out: string[] = [];
  if (data.sources.transactions && data.transactions) {
    const source = describe(data.sources.transactions, ["clientId", "date", "amount"]);
    out.push(t(locale, "report.sourceTransactions", { source }));
  }
  if (data.npsSource) out.push(t(locale, "report.sourceNps", { source: npsSourceLabel(data.npsSource, locale) }));
  if (data.responses && (data.responses.csat || data.responses.ces)) {
    out.push(t(locale, "report.sourceResponses", { source: data.responses.sheet }));
  }
  const requests = data.sources.requests;
  if (requests && data.service) {
    const columns = [requests.requests.opened, requests.requests.firstResponse, requests.requests.resolved]
      .filter((c): c is number => c !== null)
      .map((c) => requests.headers[c - 1] || String(c));
    out.push(t(locale, "report.sourceRequests", { source: `${requests.sheet.getName()} (${columns.join(", ")})` }));
  }
  const contracts = data.sources.contracts;
  if (contracts && data.renewals) {
    const columns = [contracts.contracts.contractEnd, contracts.contracts.renewed]
      .filter((c): c is number => c !== null)
      .map((c) => contracts.headers[c - 1] || String(c));
    out.push(t(locale, "report.sourceContracts", { source: `${contracts.sheet.getName()} (${columns.join(", ")})` }));
  }
  const stages = data.sources.stages;
  if (stages?.stages.stage && data.funnel?.funnel) {
    out.push(t(locale, "report.sourceStages", { source: columnName(stages, stages.stages.stage) }));
  }
  return out;
}

/**
 * "Create report": writes the dashboard's figures, trend and charts into the Report sheet, or
 * updates it in place when it exists. Holds the document lock so two clicks cannot interleave.
 */
export function createReport(period: DashboardPeriod | null): ReportResult {
  return sidebarCall(() => {
    const locale = userLocale();
    return withDocumentLock({ busy: "dashboard.busy" }, () => {
      const data = readDashboard(dashboardPeriod(period), locale);
      const { survey } = data;
      if (
        !survey.nps &&
        !survey.csat &&
        !survey.ces &&
        !data.customers &&
        !data.service &&
        !data.renewals &&
        !data.funnel?.funnel
      ) {
        throw new RapportError("dashboard.nothingToReport", {
          reason: data.problems.join(" ") || t(locale, "ui.dashboard.noNps"),
        });
      }
      const layout = reportLayout({
        locale,
        period: data.period,
        generatedAt: new Date(),
        sources: sources(data, locale),
        survey,
        customers: data.customers,
        trend: data.trend,
        alerts: data.alerts,
        comments: data.comments,
        themes: data.themes,
        service: data.service,
        renewals: data.renewals,
        funnel: data.funnel,
        workingTime: data.workingTime,
        // A report made from fewer rows than the sheet has says so, naming where to look first.
        notes: [
          ...data.problems,
          ...data.skipped.flatMap((s) => {
            const view = skippedRowsView(s.sheet, s.rows, locale);
            return [view.summary, ...view.examples.slice(0, 1)];
          }),
        ],
      });
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const written = writeReport(ss, layout);
      const sheet = written.sheet.getName();
      return {
        sheet,
        created: written.created,
        charts: written.charts,
        message: t(locale, "ui.dashboard.reportDone", { sheet, charts: written.charts }),
      };
    });
  });
}
