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

/** Settings sidebar: enroll this spreadsheet with the Worker's enrollment key. */
function enrollSpreadsheet(enrollmentKey) {
  return Rapport.enrollSpreadsheet(enrollmentKey);
}

/** Settings sidebar: remove this spreadsheet's enrollment. */
function forgetEnrollment() {
  return Rapport.forgetEnrollment();
}

/** Settings sidebar: check that the Worker answers and accepts this spreadsheet's token. */
function testConnection() {
  return Rapport.testConnection();
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
