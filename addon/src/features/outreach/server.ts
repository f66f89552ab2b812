import { userLocale } from "../../services/locale";
import { sidebarCall } from "../../sidebar/serverCall";
import { sendSurvey } from "./send";
import type { SendRequest, SendView } from "./shapes";

/**
 * google.script.run: one execution of "Send the survey" to the client list. Call again while
 * `more` is true (the next run goes on where this one stopped, and sends nothing twice).
 */
export function sendSurveyEmails(request: SendRequest): SendView {
  return sidebarCall(() => sendSurvey(request, userLocale()));
}
