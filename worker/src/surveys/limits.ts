/** Thresholds of the respondent pages; docs/api.md lists them. */

/** Submissions (scores and comments) per survey and IP hash in one window before 429. */
export const RATE_LIMIT = 60;
export const RATE_WINDOW_MS = 60_000;

/** An answer sent sooner than this after its page was served is flagged too_fast. */
export const MIN_ANSWER_MS = 1500;

/** This many earlier answers to a survey from one IP hash within SAME_IP_WINDOW_MS flag the next one same_ip. */
export const SAME_IP_ANSWERS = 10;
export const SAME_IP_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Largest respondent form body (a 5000-character comment in Cyrillic is about 30 KB encoded). */
export const FORM_BODY_LIMIT = 64 * 1024;

/** The browser cookie that spots a second answer from the same browser on an anonymous link. */
export const RESPONDENT_COOKIE = "rapport_r";
export const RESPONDENT_COOKIE_DAYS = 180;

/** Flag bits of responses.flags, in the order of RESPONSE_FLAGS. */
export const FLAG_BITS = { honeypot: 1, too_fast: 2, same_ip: 4, duplicate: 8 } as const;
