import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DIST_DIR } from "../../../addon/harness/index";
import { MAIL_QUOTA_CONSUMER, TRIGGERS_PER_SCRIPT } from "../../../addon/harness/mailAndTriggers";
import { errorOf, loadAddon } from "../helpers";

const SEND_MAIL = "https://www.googleapis.com/auth/script.send_mail";
const SCRIPT_APP = "https://www.googleapis.com/auth/script.scriptapp";

/** The built add-on with a manifest that grants `scopes` too and not `without`. */
function distWithScopes(scopes: string[], without: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rapport-dist-"));
  cpSync(DEFAULT_DIST_DIR, dir, { recursive: true });
  const manifestPath = path.join(dir, "appsscript.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  manifest.oauthScopes = [...new Set([...manifest.oauthScopes, ...scopes])].filter((s) => !without.includes(s));
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}
const granted = distWithScopes([SEND_MAIL, SCRIPT_APP]);

/** A harness whose clock the test owns, with probe functions defined in the script's realm. */
function harness(source: string, distDir = granted) {
  let clock = Date.UTC(2026, 11, 3, 9, 0, 0);
  const addon = loadAddon({ distDir, now: () => clock, userEmail: "team@example.com" });
  addon.realm.run(source, "probe.js");
  return { addon, setClock: (t: number) => (clock = t) };
}

const PROBES = `
  function SEND(to, n) { for (var i = 0; i < n; i++) MailApp.sendEmail(to, "Subject " + i, "Body", { htmlBody: "<p>Body</p>", name: "Rapport" }); }
  function QUOTA() { return MailApp.getRemainingDailyQuota(); }
  function SEND_MANY(list) { MailApp.sendEmail({ to: list, subject: "s", body: "b" }); }
  function SEND_BIG() { MailApp.sendEmail("a@example.com", "s", new Array(210 * 1024).join("x")); }
  function DAILY() { ScriptApp.newTrigger("TICK").timeBased().everyDays(1).atHour(6).create(); }
  function ONCE() { ScriptApp.newTrigger("TICK").timeBased().after(60 * 1000).create(); }
  function COUNT() { return ScriptApp.getProjectTriggers().length; }
  function CLEAR() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
  function TICK(e) { PropertiesService.getScriptProperties().setProperty("ticks", String(Number(PropertiesService.getScriptProperties().getProperty("ticks") || 0) + 1)); SpreadsheetApp.getUi(); }
  function TICK_QUIET(e) { PropertiesService.getScriptProperties().setProperty("ticks", String(Number(PropertiesService.getScriptProperties().getProperty("ticks") || 0) + 1)); MailApp.sendEmail("me@example.com", "tick", Session.getEffectiveUser().getEmail()); }
  function QUIET() { ScriptApp.newTrigger("TICK_QUIET").timeBased().everyHours(1).create(); }
  function MAIL_IN_CELL() { return MailApp.getRemainingDailyQuota(); }
`;

describe("MailApp in the harness, as strict as Apps Script", () => {
  it("refuses to send without the script.send_mail scope in the manifest", () => {
    const { addon } = harness(PROBES, distWithScopes([], [SEND_MAIL]));
    expect(errorOf(() => addon.run("SEND", "a@example.com", 1))).toBe(
      `Exception: Specified permissions are not sufficient to call MailApp.sendEmail. Required permissions: ${SEND_MAIL}`,
    );
  });

  it("records each message with its sender, and counts recipients against the daily quota", () => {
    const { addon } = harness(PROBES);
    expect(addon.run("QUOTA")).toBe(MAIL_QUOTA_CONSUMER);
    addon.run("SEND", "a@example.com, b@example.com", 2);
    expect(addon.run("QUOTA")).toBe(MAIL_QUOTA_CONSUMER - 4);
    expect(addon.mail.outbox).toHaveLength(2);
    expect(addon.mail.outbox[0]).toMatchObject({
      to: ["a@example.com", "b@example.com"],
      subject: "Subject 0",
      htmlBody: "<p>Body</p>",
      name: "Rapport",
      from: "team@example.com",
    });
  });

  it("stops at the quota with Apps Script's message, and gives it back a day after the first send", () => {
    const { addon, setClock } = harness(PROBES);
    addon.mail.dailyQuota = 3;
    expect(errorOf(() => addon.run("SEND", "a@example.com", 5))).toBe(
      "Service invoked too many times for one day: email.",
    );
    expect(addon.mail.outbox).toHaveLength(3);
    expect(addon.run("QUOTA")).toBe(0);
    setClock(Date.UTC(2026, 11, 4, 9, 0, 0));
    expect(addon.run("QUOTA")).toBe(3);
  });

  it("refuses addresses it cannot read, more than 50 recipients, and bodies over 200 KB", () => {
    const { addon } = harness(PROBES);
    expect(errorOf(() => addon.run("SEND", "not an address", 1))).toBe("Invalid email: not an address");
    const many = Array.from({ length: 51 }, (_, i) => `p${i}@example.com`).join(",");
    expect(errorOf(() => addon.run("SEND_MANY", many))).toBe("Limit Exceeded: Email Recipients Per Message.");
    expect(errorOf(() => addon.run("SEND_BIG"))).toBe("Limit Exceeded: Email Body Size.");
    expect(addon.mail.outbox).toHaveLength(0);
  });

  it("is not available to a custom function", () => {
    const { addon } = harness(PROBES);
    expect(errorOf(() => addon.callCustomFunction("MAIL_IN_CELL"))).toMatch(/do not have permission to call MailApp/);
  });

  it("can be made to crash after k messages, as a killed execution stops", () => {
    const { addon } = harness(PROBES);
    addon.mail.interruptAfter(2);
    expect(errorOf(() => addon.run("SEND", "a@example.com", 5))).toMatch(/Execution interrupted/);
    expect(addon.mail.outbox).toHaveLength(2);
  });
});

describe("installable triggers in the harness", () => {
  it("need the script.scriptapp scope", () => {
    const { addon } = harness(PROBES, distWithScopes([], [SCRIPT_APP]));
    expect(errorOf(() => addon.run("DAILY"))).toBe(
      `Exception: Specified permissions are not sufficient to call ScriptApp.newTrigger. Required permissions: ${SCRIPT_APP}`,
    );
  });

  it("fire when the clock reaches them, without a UI, as the user who made them", () => {
    const { addon, setClock } = harness(PROBES);
    addon.run("DAILY");
    addon.run("QUIET");
    expect(addon.run("COUNT")).toBe(2);
    expect(addon.runDueTriggers()).toEqual([]);
    setClock(Date.UTC(2026, 11, 3, 10, 0, 0)); // an hour on: the hourly trigger
    expect(addon.runDueTriggers()).toEqual(["TICK_QUIET"]);
    expect(addon.mail.outbox.at(-1)?.body).toBe("team@example.com");
    // 06:00 next day: the hourly one (once for the hours skipped at once) and the daily one, which
    // counts its tick and then finds no UI to call.
    setClock(Date.UTC(2026, 11, 4, 6, 0, 0));
    expect(errorOf(() => addon.runDueTriggers())).toBe(
      "Exception: Cannot call SpreadsheetApp.getUi() from this context.",
    );
    expect(addon.scriptProperties.getProperty("ticks")).toBe("3");
  });

  it("refuse a 21st trigger, run a one-off once, and can be deleted", () => {
    const { addon, setClock } = harness(PROBES);
    addon.run("ONCE");
    setClock(Date.UTC(2026, 11, 3, 9, 2, 0));
    expect(() => addon.runDueTriggers()).toThrow(/getUi/);
    expect(addon.run("COUNT")).toBe(0);
    for (let i = 0; i < TRIGGERS_PER_SCRIPT; i++) addon.run("DAILY");
    expect(errorOf(() => addon.run("DAILY"))).toMatch(/^This script has too many triggers/);
    addon.run("CLEAR");
    expect(addon.run("COUNT")).toBe(0);
  });
});
