/**
 * Promise wrapper over google.script.run (the asynchronous bridge from a sidebar to Code.js).
 * The server's thrown Error arrives as an Error whose message is already in the user's language.
 */
interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [serverFunction: string]: unknown;
}

declare const google: { script: { run: ScriptRun; host: { close(): void } } };

export function call<T>(serverFunction: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as T))
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
