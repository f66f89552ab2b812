/** Menus, sidebars and the help page. */
export const uiEn = {
  "ui.menu.nps": "NPS of selection",
  "ui.menu.help": "Help",
  "ui.nps.title": "Net Promoter Score",
  "ui.nps.intro": "Select the cells with 0–10 scores in the sheet, then press Calculate.",
  "ui.nps.calculate": "Calculate",
  "ui.nps.source": "Scores from",
  "ui.nps.source.selection": "Selected cells",
  "ui.nps.source.selectionNone": "Selected cells (nothing selected yet)",
  "ui.nps.source.column": "A column of this sheet",
  "ui.nps.column": "Column",
  "ui.nps.share": "{count} · {share}",
  "ui.nps.working": "Calculating…",
  "ui.nps.range": "Range {range}",
  "ui.nps.headerSkipped": "{cell} is the column's title: left out.",
  "ui.nps.answers": "{n, plural, one {# answer} other {# answers}}",
  "ui.nps.promoters": "Promoters (9–10)",
  "ui.nps.passives": "Passives (7–8)",
  "ui.nps.detractors": "Detractors (0–6)",
  "ui.nps.smallSample": "Fewer than 100 answers: this score can move a lot by chance.",
  "ui.nps.noSelection": "Select a range of scores in the sheet first.",
  "ui.error.generic": "Something went wrong: {message}",
  "ui.help.title": "Rapport help",
  "ui.help.intro":
    "Rapport measures and grows client relationships from this spreadsheet. Each part of the menu, and what to do with it:",
  "ui.help.start.title": "First steps",
  "ui.help.start.settings":
    "Settings: enroll the spreadsheet with the key from your Worker's owner. Note the workspace ID it shows.",
  "ui.help.start.list":
    "Keep a client list: one row per client, a client ID column, a name or email column. A Transactions sheet (client ID, date, amount) adds the customer-base figures.",
  "ui.help.start.dashboard": "Open the Dashboard: it finds the sheets and columns itself; correct them under Columns.",
  "ui.help.sidebars.title": "The sidebars",
  "ui.help.sidebars.dashboard":
    "NPS, CSAT, CES, churn, retention, repeat rate, average order and CLV, with their trend and alerts; Create report writes them to a Report sheet with charts.",
  "ui.help.sidebars.surveys":
    "Create an NPS, CSAT, CES or CSI survey; preview, edit, close or archive it; add each client's personal link beside the list; bring the answers into the Responses sheet.",
  "ui.help.sidebars.send":
    "Email the survey (or a message) to the list or a group, remind those who have not answered, and let it run by itself: every N days, around a date, on a birthday.",
  "ui.help.sidebars.segments":
    "RFM, ABC/XYZ, predicted value (CLV) or behavioural groups for every client, written beside the client list, with what to do for each segment.",
  "ui.help.sidebars.card":
    "Everything about the client of the selected row: purchases, answers, segment, and a suggested next step.",
  "ui.help.sidebars.nps": "The NPS of the selected cells, with its interval and groups.",
  "ui.help.tasks.title": "How to…",
  "ui.help.tasks.survey.q": "…ask clients for their NPS",
  "ui.help.tasks.survey.a":
    "Surveys › New survey (NPS), then Send survey by email: choose the survey and the clients, check the preview, Send. Sync answers brings the answers into Responses; the Dashboard counts them.",
  "ui.help.tasks.remind.q": "…remind those who have not answered",
  "ui.help.tasks.remind.a":
    "Send survey by email › Reminders: after how many days, at most how many. Tick “Send the reminders above” under By itself to do it every morning.",
  "ui.help.tasks.detractors.q": "…hear about unhappy clients at once",
  "ui.help.tasks.detractors.a":
    "Send survey by email › By itself: sync answers every hour and write the team's addresses. Each detractor is emailed to the team; mark “Followed up” in Responses once someone has called.",
  "ui.help.tasks.segments.q": "…know whom to call first",
  "ui.help.tasks.segments.a":
    "Segments › RFM: “At Risk” and “Can't Lose” clients bought often and well and have gone quiet. The client card says what to do for one client.",
  "ui.help.tasks.data.q": "…fix a figure that is missing",
  "ui.help.tasks.data.a":
    "The Dashboard names the sheet and the cell it could not read. Dates may be date cells or text such as 2024-03-01, 01.03.2024 or 1 March 2024.",
  "ui.help.formulas.title": "Formulas",
  "ui.help.formulas.intro":
    "Type them in a cell like any Sheets function; Sheets suggests their arguments as you type.",
  "ui.help.formulas.survey.name": "Survey scores",
  "ui.help.formulas.survey.example": "=NPS(E2:E500): the NPS of a column of 0–10 scores.",
  "ui.help.formulas.base.name": "Customer base",
  "ui.help.formulas.segments.name": "Segments and models",
  "ui.help.formulas.segments.example": "=RFM(A2:A, B2:B, C2:C): each client's R, F, M scores and segment.",
  "ui.help.formulas.experiments.name": "Experiments",
  "ui.help.formulas.experiments.example": "=AB_TEST(100, 1000, 130, 1000): did B convert better than A?",
  "ui.help.formulas.growth.name": "Funnels, returns, renewals, upsell, cross-sell",
  "ui.help.formulas.growth.example": "=FUNNEL(A2:B5): conversion per stage and the weakest step",
  "ui.help.formulas.service.name": "Service speed",
  "ui.help.formulas.service.example":
    '=SERVICE_LEVEL(B2:B500, C2:C500, 1, "month", "9-18"): share answered within an hour of office time',
  "ui.help.docs":
    "The full guide is in the docs folder of Rapport: formulas.md, dashboard.md, surveys.md, outreach.md, segments.md (Russian versions beside them).",
} as const;
