/**
 * Entry of the add-on bundle. esbuild wraps it as `var Rapport = (…)()`; the hand-written stubs in
 * addon/stubs/ are the top-level functions Sheets and google.script.run call, and they delegate
 * here. Every export must have a stub and every stub's target must be exported (the build checks).
 */

export { CLV_FIT, CLV_PREDICT, CLV_VALIDATE } from "./formulas/clv";
export { CAC, CHURN_RATE, CLV, RETENTION_RATE } from "./formulas/customerBase";
export { CES, CSAT, CSI, NPS, NPS_BREAKDOWN, NPS_CI, NPS_DIFF } from "./formulas/survey";
export {
  ABC_XYZ,
  CHURN_TABLE,
  CLIENT_STAGE,
  COHORT_RETENTION,
  PURCHASE_FREQUENCY,
  REPEAT_RATE,
  RFM,
  SURVIVAL,
} from "./formulas/transactions";
export { clientCard, showClientCard } from "./ui/clientCardSidebar";
export {
  dashboardData,
  resetDashboardColumns,
  saveDashboardColumns,
  showDashboard,
} from "./ui/dashboardSidebar";
export { onInstall, onOpen, showHelp } from "./ui/menu";
export { npsOfColumn, npsOfSelection, npsSidebarState, showNpsSidebar } from "./ui/npsSidebar";
export { createReport } from "./ui/report";
export { runSegmentation, segmentsState, showSegments, writeSegmentation } from "./ui/segmentsSidebar";
export {
  enrollSpreadsheet,
  forgetEnrollment,
  saveWorkerUrl,
  settingsState,
  showSettings,
  testConnection,
} from "./ui/settingsSidebar";
export {
  addSurveyLinks,
  createSurvey,
  showSurveys,
  surveyEmailSnippet,
  surveySummary,
  surveysState,
  syncSurveyAnswers,
} from "./ui/surveysSidebar";
