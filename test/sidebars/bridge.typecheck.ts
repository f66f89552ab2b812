/**
 * Compile-time test of the sidebar bridge (checked by `npm run typecheck` with the sidebars'
 * tsconfig, never run): a call that does not match the server function's signature must not
 * compile. Each line below is an error the compiler must report; an unused @ts-expect-error
 * fails the typecheck, so the bridge cannot quietly go back to `call<T>(name: string)`.
 */
import { call } from "../../addon/sidebars/common/rpc";

export async function callsTheCompilerRefuses(): Promise<void> {
  // @ts-expect-error npsOfColumn takes a column number, not a letter
  await call("npsOfColumn", "E");
  // @ts-expect-error there is no server function of that name
  await call("npsOfColumns", 5);
  // @ts-expect-error addSurveyLinks needs the survey, the language and how many are done
  await call("addSurveyLinks", "survey-id");
  const state = await call("settingsState");
  // @ts-expect-error the settings state carries no token
  void state.token;
  const card = await call("clientCard");
  // The result is typed from the server function: this compiles only while the field exists.
  void card.clientId;
}
