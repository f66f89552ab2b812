import type * as ServerModule from "../../src/main";

/**
 * Typed promise bridge over google.script.run (the asynchronous bridge from a sidebar to Code.js).
 * Each call is checked against the server function's own signature in addon/src: changing a
 * server function's parameters or result breaks the compile of every sidebar that calls it.
 * The server's thrown Error arrives as an Error whose message is already in the user's language.
 */

type Server = typeof ServerModule;

/** The server functions a sidebar may call: every function Code.js exports. */
export type ServerFunctionName = {
  // biome-ignore lint/suspicious/noExplicitAny: any function signature qualifies
  [K in keyof Server]: Server[K] extends (...args: any[]) => unknown ? K : never;
}[keyof Server];

type ServerFunction<K extends ServerFunctionName> = Server[K] extends (...args: infer A) => infer R
  ? (...args: A) => R
  : never;

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [serverFunction: string]: unknown;
}

declare const google: { script: { run: ScriptRun; host: { close(): void } } };

export function call<K extends ServerFunctionName>(
  serverFunction: K,
  ...args: Parameters<ServerFunction<K>>
): Promise<ReturnType<ServerFunction<K>>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerFunction<K>>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const fn = runner[serverFunction];
    if (typeof fn !== "function") {
      reject(new Error(`Unknown server function ${serverFunction}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

export function closeSidebar(): void {
  google.script.host.close();
}
