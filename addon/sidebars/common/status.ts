import { tr } from "./i18n";

/**
 * The sidebar's progress and error line. Work shows a busy message at once (buttons are
 * disabled meanwhile); every failure is shown in words, never left in the console.
 */
export class Status {
  constructor(
    private readonly status: HTMLElement,
    private readonly error: HTMLElement,
  ) {}

  async run<T>(busyText: string, controls: HTMLButtonElement[], work: () => Promise<T>): Promise<T | undefined> {
    this.clearError();
    this.status.textContent = busyText;
    this.status.classList.add("busy");
    for (const c of controls) c.disabled = true;
    try {
      return await work();
    } catch (error) {
      this.showError(error);
      return undefined;
    } finally {
      this.status.textContent = "";
      this.status.classList.remove("busy");
      for (const c of controls) c.disabled = false;
    }
  }

  showError(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.error.textContent = message || tr("ui.error.generic", { message: "?" });
    this.error.hidden = false;
  }

  clearError(): void {
    this.error.textContent = "";
    this.error.hidden = true;
  }
}
