/**
 * Entry of the add-on bundle. esbuild wraps it as `var Rapport = (…)()`; the hand-written stubs in
 * addon/stubs/ are the top-level functions Sheets and google.script.run call, and they delegate
 * here. Every export must have a stub and every stub's target must be exported (the build checks).
 */

export { runScheduledSends, runScheduledSync } from "./features/automation/run";
export { automationState, saveAutomation } from "./features/automation/server";
export { clientCard, showClientCard } from "./features/clientCard/server";
export { createReport } from "./features/dashboard/reportServer";
export {
  chooseNpsSource,
  dashboardData,
  resetDashboardColumns,
  saveDashboardColumns,
  showDashboard,
} from "./features/dashboard/server";
export { onInstall, onOpen, showHelp } from "./features/menu/menu";
export { npsOfColumn, npsOfSelection, npsSidebarState, showNpsSidebar } from "./features/nps/server";
export {
  sendPreview,
  sendReminderEmails,
  sendState,
  sendStatusRefresh,
  sendSurveyEmails,
  sendTestToMe,
  showSend,
} from "./features/outreach/server";
export { runSegmentation, segmentsState, showSegments, writeSegmentation } from "./features/segments/server";
export {
  enrollSpreadsheet,
  forgetEnrollment,
  saveWorkerUrl,
  settingsState,
  showSettings,
  testConnection,
} from "./features/settings/server";
export {
  addSurveyLinks,
  archiveSurvey,
  closeSurvey,
  createSurvey,
  editSurvey,
  showSurveys,
  surveyEmailSnippet,
  surveySummary,
  surveysState,
  syncSurveyAnswers,
} from "./features/surveys/server";
export { CLV_FIT, CLV_PREDICT, CLV_VALIDATE } from "./formulas/clv";
export { COMMENT_THEMES } from "./formulas/comments";
export { CAC, CHURN_RATE, CLV, RETENTION_RATE } from "./formulas/customerBase";
export { AB_SAMPLE_SIZE, AB_TEST, AB_TEST_MEANS } from "./formulas/experiments";
export { CROSS_SELL_RATE, FUNNEL, RENEWAL_RATE, RETURN_RATE, UPSELL_RATE } from "./formulas/growth";
export { CONTACT_RATE, RESOLUTION_TIME, RESPONSE_TIME, SERVICE_LEVEL } from "./formulas/service";
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
