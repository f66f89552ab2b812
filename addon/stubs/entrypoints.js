// Functions Sheets calls by name: simple triggers, menu items and the sidebars' google.script.run
// calls. Each delegates to the bundled, tested code in the Rapport namespace.

/** Builds the Rapport menu when the spreadsheet opens. */
function onOpen(e) {
  Rapport.onOpen(e);
}

/** Shows the menu right after the add-on is installed. */
function onInstall(e) {
  Rapport.onInstall(e);
}

/** Menu: NPS of selection. */
function showNpsSidebar() {
  Rapport.showNpsSidebar();
}

/** Menu: Help. */
function showHelp() {
  Rapport.showHelp();
}

/** Sidebar: the active sheet's columns and selection. */
function npsSidebarState() {
  return Rapport.npsSidebarState();
}

/** Sidebar: NPS of the selected cells. */
function npsOfSelection() {
  return Rapport.npsOfSelection();
}

/** Sidebar: NPS of one column of the active sheet. */
function npsOfColumn(column) {
  return Rapport.npsOfColumn(column);
}

/** Menu: Settings. */
function showSettings() {
  Rapport.showSettings();
}

/** Settings sidebar: current Worker URL and enrollment (never the token). */
function settingsState() {
  return Rapport.settingsState();
}

/** Settings sidebar: save the Worker URL. */
function saveWorkerUrl(url) {
  return Rapport.saveWorkerUrl(url);
}

/** Settings sidebar: enroll this spreadsheet with the Worker's enrollment key, in a new workspace or back into one by its id. */
function enrollSpreadsheet(enrollmentKey, workspaceId) {
  return Rapport.enrollSpreadsheet(enrollmentKey, workspaceId);
}

/** Settings sidebar: remove this spreadsheet's enrollment. */
function forgetEnrollment() {
  return Rapport.forgetEnrollment();
}

/** Settings sidebar: check that the Worker answers and accepts this spreadsheet's token. */
function testConnection() {
  return Rapport.testConnection();
}

/** Menu: Dashboard. */
function showDashboard() {
  Rapport.showDashboard();
}

/** Dashboard sidebar: figures, trend, alerts and the sheets and columns they come from. */
function dashboardData(period) {
  return Rapport.dashboardData(period);
}

/** Dashboard sidebar: choose where the NPS comes from (all synced surveys, one survey, the client list's column). */
function chooseNpsSource(key, period) {
  return Rapport.chooseNpsSource(key, period);
}

/** Dashboard sidebar: remember the sheets and columns chosen; returns the figures read with them. */
function saveDashboardColumns(choice, period) {
  return Rapport.saveDashboardColumns(choice, period);
}

/** Dashboard sidebar: forget the chosen sheets and columns and detect them again. */
function resetDashboardColumns(period) {
  return Rapport.resetDashboardColumns(period);
}

/** Dashboard sidebar: write or update the Report sheet with figures and charts. */
function createReport(period) {
  return Rapport.createReport(period);
}

/** Menu: Segments. */
function showSegments() {
  Rapport.showSegments();
}

/** Segments sidebar: the transactions and client list found (or chosen by sheet name), and where the work runs. */
function segmentsState(choice) {
  return Rapport.segmentsState(choice);
}

/** Segments sidebar: segment the clients and write the result columns beside the client list (first block of rows). */
function runSegmentation(request) {
  return Rapport.runSegmentation(request);
}

/** Segments sidebar: write the next block of rows of a run. */
function writeSegmentation(jobId, from) {
  return Rapport.writeSegmentation(jobId, from);
}

/** Menu: Client card. */
function showClientCard() {
  Rapport.showClientCard();
}

/** Client card sidebar: the card of the client in the selected row. */
function clientCard() {
  return Rapport.clientCard();
}

/** Menu: Surveys. */
function showSurveys() {
  Rapport.showSurveys();
}

/** Surveys sidebar: enrollment, the client list and the workspace's surveys. */
function surveysState() {
  return Rapport.surveysState();
}

/** Surveys sidebar: the live summary (metric, n, interval) of one survey. */
function surveySummary(surveyId) {
  return Rapport.surveySummary(surveyId);
}

/** Surveys sidebar: create a survey from the form; returns the survey or the form's problems. */
function createSurvey(form) {
  return Rapport.createSurvey(form);
}

/** Surveys sidebar: save an edited survey (title, texts, limits); returns the survey or the form's problems. */
function editSurvey(surveyId, form) {
  return Rapport.editSurvey(surveyId, form);
}

/** Surveys sidebar: close a survey now, or reopen one closed by hand. */
function closeSurvey(surveyId, closed) {
  return Rapport.closeSurvey(surveyId, closed);
}

/** Surveys sidebar: archive a survey (closing it; its answers stay), or bring it back to the list. */
function archiveSurvey(surveyId, archived) {
  return Rapport.archiveSurvey(surveyId, archived);
}

/** Surveys sidebar: write personal links beside the client list, from data row `start` on. */
function addSurveyLinks(surveyId, lang, start) {
  return Rapport.addSurveyLinks(surveyId, lang, start);
}

/** Surveys sidebar: the email snippet (score buttons) for the selected client. */
function surveyEmailSnippet(surveyId, lang) {
  return Rapport.surveyEmailSnippet(surveyId, lang);
}

/** Surveys sidebar: pull new and edited answers into the Responses sheet and log the sync. */
function syncSurveyAnswers(options) {
  return Rapport.syncSurveyAnswers(options);
}

/** Sidebar: one execution of sending a survey's invitation to the client list (call again while more). */
function sendSurveyEmails(request) {
  return Rapport.sendSurveyEmails(request);
}

/** Menu: Send a survey by email. */
function showSend() {
  Rapport.showSend();
}

/** Sidebar: the Send sidebar's surveys, client-list columns and today's quota. */
function sendState() {
  return Rapport.sendState();
}

/** Sidebar: one execution of reminding invited clients who have not answered (call again while more). */
function sendReminderEmails(request) {
  return Rapport.sendReminderEmails(request);
}

/** Sidebar: rewrites a survey's status columns beside the client list from the Worker. */
function sendStatusRefresh(surveyId) {
  return Rapport.sendStatusRefresh(surveyId);
}

/** Sidebar: what this spreadsheet does by itself (reminders, recurring asks, sync) and the last runs. */
function automationState(surveyId, message) {
  return Rapport.automationState(surveyId, message);
}

/** Sidebar: saves a survey's or message's schedule, the sync frequency and the team's alert addresses; creates or removes the triggers. */
function saveAutomation(scheduled, sync, alertAddresses) {
  return Rapport.saveAutomation(scheduled, sync, alertAddresses);
}

/** Time-driven trigger (daily): the scheduled reminders and recurring asks. */
function runScheduledSends() {
  Rapport.runScheduledSends();
}

/** Time-driven trigger (hourly or daily): answers into the Responses sheet. */
function runScheduledSync() {
  Rapport.runScheduledSync();
}

/** Sidebar: the exact email of a row's client, before sending. */
function sendPreview(request, row) {
  return Rapport.sendPreview(request, row);
}

/** Sidebar: a row's email sent to you, marked as a test. */
function sendTestToMe(request, row) {
  return Rapport.sendTestToMe(request, row);
}
