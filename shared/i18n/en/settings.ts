/** The Settings sidebar and errors of calls from the add-on to the Worker. */
export const settingsEn = {
  "ui.menu.settings": "Settings",
  "ui.settings.title": "Rapport settings",
  "ui.settings.workerUrl": "Worker URL",
  "ui.settings.workerUrlHint": "The address of your Rapport Worker, e.g. https://rapport.example.workers.dev/",
  "ui.settings.saveUrl": "Save URL",
  "ui.settings.urlSaved": "Worker URL saved.",
  "ui.settings.enrollment": "Enrollment",
  "ui.settings.notEnrolled": "This spreadsheet is not enrolled yet.",
  "ui.settings.enrolled": "Enrolled as workspace {workspaceId} on {date}.",
  "ui.settings.enrollmentKey": "Enrollment key",
  "ui.settings.enrollmentKeyHint": "Ask the owner of the Worker. It is used once and not stored.",
  "ui.settings.enroll": "Enroll this spreadsheet",
  "ui.settings.enrolling": "Enrolling…",
  "ui.settings.enrolledNow": "Enrolled. The workspace token is kept in this spreadsheet's document properties.",
  "ui.settings.forget": "Forget enrollment",
  "ui.settings.forgotten":
    "This spreadsheet is disconnected. Workspace {workspaceId} keeps its surveys and answers: reconnect any time with the enrollment key.",
  "ui.settings.notEnrolledBefore":
    "This spreadsheet is not connected. It used workspace {workspaceId}: reconnect to get its surveys and answers back.",
  "ui.settings.connectTo": "Connect to",
  "ui.settings.targetExisting": "An existing workspace: its surveys and answers",
  "ui.settings.targetNew": "A new, empty workspace",
  "ui.settings.workspaceId": "Workspace ID",
  "ui.settings.workspaceIdHint":
    "Settings of the spreadsheet that used it shows it (a copy of a spreadsheet connects with its original's ID).",
  "ui.settings.workspaceIdRequired": "Enter the workspace ID, or choose a new workspace.",
  "ui.settings.reconnect": "Reconnect",
  "ui.settings.moveToNew": "Move to a new workspace",
  "ui.settings.reconnected": "Reconnected: the workspace's surveys, links and answers are here again.",
  "ui.settings.cancel": "Cancel",
  "ui.settings.confirmForget":
    "This spreadsheet will stop reaching workspace {workspaceId}: syncing, sending and schedules stop here. Nothing is deleted: its surveys and answers stay on the Worker, and you can reconnect with the enrollment key and this ID.",
  "ui.settings.confirmLeave":
    "This spreadsheet will leave workspace {workspaceId}: its surveys stop syncing here and the links already in the sheet are no longer this spreadsheet's to sync. Nothing is deleted: reconnect later with the enrollment key and the ID {workspaceId}.",
  "ui.settings.test": "Test connection",
  "ui.settings.testing": "Testing…",
  "ui.settings.testOk": "Connected: Worker {version}, workspace {workspaceId}.",
  "ui.settings.testOkNotEnrolled": "The Worker {version} answers. Enroll this spreadsheet to use surveys and analysis.",
  "ui.settings.keyRequired": "Enter the enrollment key.",
  "ui.settings.badWorkspaceId":
    "“{id}” is not a workspace ID: it looks like 0f8c2a4e-1b7d-4c3a-9e5f-2d6b8a1c4e7f (Settings of the spreadsheet that used it shows it).",
  "ui.settings.noSuchWorkspace":
    "This Worker has no workspace {id}. Check the ID in Settings of the spreadsheet that used it, and the Worker URL.",

  "worker.invalidUrl":
    'The Worker URL "{url}" is not valid: use an address such as https://rapport.example.workers.dev/',
  "worker.notAllowed":
    "This add-on may only call {allowed}. Set that URL in Settings, or rebuild the add-on with RAPPORT_WORKER_URL set to your Worker.",
  "worker.requestTooLarge":
    "This is {mb} MB to send to the Worker, more than the 50 MB one Apps Script request can carry. Use fewer rows (for example the last few years) and try again.",
  "worker.unreachable": "Could not reach the Rapport Worker at {url}. Check the Worker URL in Settings and try again.",
  "worker.timeout":
    "The Rapport Worker at {url} did not answer within a minute: the address is right, but the Worker is busy or stuck. Nothing was changed; try again in a few minutes, and if it keeps happening, look at the Worker's logs.",
  "worker.notEnrolled": "This spreadsheet is not enrolled yet: open Rapport › Settings and enroll it.",
  "worker.tokenRejected":
    "The Worker no longer accepts this spreadsheet's token. Reconnect it to its workspace in Rapport › Settings (the enrollment key and the workspace ID): its surveys and answers are kept.",
  "worker.enrollmentKeyRejected": "The Worker refused the enrollment key. Check it with the Worker's owner.",
  "worker.enrollmentDisabled": "Enrollment is disabled on this Worker: its owner has not set ENROLLMENT_KEY.",
  "worker.rateLimited": "The Worker is busy (too many requests). Wait a minute and try again.",
  "worker.failed": "The Worker answered {status} ({code}): {message}",
  "worker.badResponse":
    "The Worker at {url} sent an answer Rapport does not understand. Is it a Rapport Worker of a compatible version?",
} as const;
