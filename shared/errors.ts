import type { MessageKey, MessageParams } from "./i18n/messages.en";

/**
 * An error a person can act on. It carries a message key and parameters rather than text,
 * so each surface (custom function, sidebar, Worker) renders it in the user's language.
 */
export class RapportError extends Error {
  readonly key: MessageKey;
  readonly params: MessageParams;

  constructor(key: MessageKey, params: MessageParams = {}) {
    super(key);
    this.name = "RapportError";
    this.key = key;
    this.params = params;
  }
}

export function isRapportError(value: unknown): value is RapportError {
  return value instanceof RapportError;
}
