import { errorMessage } from "../../../shared/i18n/translate";
import { userLocale } from "../services/locale";

/**
 * Runs a google.script.run entry point. Any failure reaches the sidebar's failure handler as one
 * Error whose message is already in the user's language; the sidebar shows it as is.
 */
export function sidebarCall<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw new Error(errorMessage(error, userLocale()));
  }
}
