/** Sending to clients: templates, audiences and the emails themselves. */
export const outreachEn = {
  "outreach.where.subject": "Subject",
  "outreach.where.body": "Message",
  "outreach.noSubject": "Write a subject for the email.",
  "outreach.noBody": "Write the text of the email.",
  "outreach.emptyPlaceholder": "{where}: a placeholder has no column name between the braces.",
  "outreach.unknownPlaceholder":
    '{where}: no column of the client list is headed "{name}". Use a header as it is written in row 1.',
  "outreach.bodyTooLarge":
    "The email is {size} bytes, more than the {max} bytes an add-on may send in one email. Shorten the text.",
  "outreach.email.answer": "Answer the survey",
  "outreach.email.why": "You receive this email as our client.",
  "outreach.email.unsubscribe": "Unsubscribe",
  "outreach.page.confirmTitle": "Unsubscribe from these emails?",
  "outreach.page.confirmBody":
    "Press the button and this team will not email you again, whatever the survey or message.",
  "outreach.page.confirmButton": "Unsubscribe",
  "outreach.page.doneTitle": "You are unsubscribed",
  "outreach.page.doneBody": "This team will not email you again. You can close this page.",
  "outreach.page.footer": "Your choice goes only to the team that emailed you.",
  "outreach.noEmailColumn":
    "The client list ({sheet}) has no email column. Head a column Email (or Почта), or choose it under Dashboard › Columns.",
  "outreach.surveyNotOpen": 'The survey "{title}" is closed or full: reopen it before inviting clients.',
  "outreach.notSentStopped": "not sent: the run stopped before this email",
  "outreach.progressDone": "Sent {sent}, failed {failed}. Everyone chosen has been invited.",
  "outreach.progressMore": "Sent {sent}, failed {failed}; {waiting} still to go. {quota} more can be sent today.",
  "outreach.skip.noClientId": "no client id",
  "outreach.skip.noEmail": "no email address",
  "outreach.skip.badEmail": "not an email address",
  "outreach.skip.sameEmail": "the same address as row {row}",
  "outreach.skip.optedOut": "unsubscribed",
  "outreach.skip.invited": "already invited",
  "outreach.skip.notInSegment": "not in the chosen group",
} as const;
