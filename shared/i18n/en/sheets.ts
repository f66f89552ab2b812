/** Names and headers of the sheets the add-on writes (Responses, Report, log). */
export const sheetsEn = {
  "sheet.responses.responseId": "Response ID",
  "sheet.responses.surveyId": "Survey ID",
  "sheet.responses.surveyTitle": "Survey",
  "sheet.responses.surveyType": "Type",
  "sheet.responses.clientId": "Client ID",
  "sheet.responses.score": "Score",
  "sheet.responses.comment": "Comment",
  "sheet.responses.language": "Language",
  "sheet.responses.finished": "Finished",
  "sheet.responses.flags": "Flags",
  "sheet.responses.createdAt": "Answered",
  "sheet.responses.updatedAt": "Updated",
  "sheet.responses.followedUp": "Followed up",
  "sheet.responses.factor": "Factor: {label} [{id}]",
} as const;
