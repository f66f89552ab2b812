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
  "ui.settings.reenroll": "Enroll again",
  "ui.settings.enrolling": "Enrolling…",
  "ui.settings.enrolledNow": "Enrolled. The workspace token is kept in this spreadsheet's document properties.",
  "ui.settings.forget": "Forget enrollment",
  "ui.settings.forgotten": "Enrollment removed from this spreadsheet.",
  "ui.settings.test": "Test connection",
  "ui.settings.testing": "Testing…",
  "ui.settings.testOk": "Connected: Worker {version}, workspace {workspaceId}.",
  "ui.settings.testOkNotEnrolled": "The Worker {version} answers. Enroll this spreadsheet to use surveys and analysis.",
  "ui.settings.keyRequired": "Enter the enrollment key.",

  "worker.invalidUrl":
    'The Worker URL "{url}" is not valid: use an address such as https://rapport.example.workers.dev/',
  "worker.notAllowed":
    "This add-on may only call {allowed}. Set that URL in Settings, or rebuild the add-on with RAPPORT_WORKER_URL set to your Worker.",
  "worker.unreachable": "Could not reach the Rapport Worker at {url}. Check the Worker URL in Settings and try again.",
  "worker.notEnrolled": "This spreadsheet is not enrolled yet: open Rapport › Settings and enroll it.",
  "worker.tokenRejected":
    "The Worker no longer accepts this spreadsheet's token. Enroll it again in Rapport › Settings.",
  "worker.enrollmentKeyRejected": "The Worker refused the enrollment key. Check it with the Worker's owner.",
  "worker.enrollmentDisabled": "Enrollment is disabled on this Worker: its owner has not set ENROLLMENT_KEY.",
  "worker.rateLimited": "The Worker is busy (too many requests). Wait a minute and try again.",
  "worker.failed": "The Worker answered {status} ({code}): {message}",
  "worker.badResponse":
    "The Worker at {url} sent an answer Rapport does not understand. Is it a Rapport Worker of a compatible version?",
} as const;
