import { describe, expect, inject, it } from "vitest";
import { errorOf, loadAddon } from "../helpers";

const workerUrl = `${inject("workerUrl")}/`;
const enrollmentKey = inject("enrollmentKey");

interface State {
  workerUrl: string;
  allowedUrl: string;
  enrolled: boolean;
  workspaceId: string | null;
  enrolledAt: string | null;
}

function connected(userLocale = "en") {
  const addon = loadAddon({ userLocale, spreadsheet: { name: "Clients 2026" } });
  addon.run("saveWorkerUrl", workerUrl);
  return addon;
}

describe("Settings", () => {
  it("starts with the build's Worker URL and no enrollment", () => {
    const state = loadAddon().run("settingsState") as State;
    expect(state).toEqual({
      workerUrl: "https://rapport.example.workers.dev/",
      allowedUrl: "https://rapport.example.workers.dev/",
      enrolled: false,
      workspaceId: null,
      enrolledAt: null,
    });
  });

  it("saves a Worker URL and refuses one that is not a URL", () => {
    const addon = loadAddon();
    expect((addon.run("saveWorkerUrl", " https://rapport.acme.workers.dev ") as State).workerUrl).toBe(
      "https://rapport.acme.workers.dev/",
    );
    expect(errorOf(() => addon.run("saveWorkerUrl", "rapport dot com"))).toBe(
      'The Worker URL "rapport dot com" is not valid: use an address such as https://rapport.example.workers.dev/',
    );
  });

  it("enrolls with the enrollment key, keeps the token in document properties and never returns it", () => {
    const addon = connected();
    const state = addon.run("enrollSpreadsheet", enrollmentKey) as State;
    expect(state.enrolled).toBe(true);
    expect(state.workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(addon.documentProperties.getProperty("rapport.token")).toMatch(/^rpt_/);
    expect(JSON.stringify(state)).not.toContain("rpt_");
    expect(JSON.stringify(addon.run("settingsState"))).not.toContain("rpt_");
    // The key itself is not stored anywhere.
    expect(JSON.stringify(addon.documentProperties.getProperties())).not.toContain(enrollmentKey);
    expect(addon.lock.acquisitions).toBe(1);
  });

  it("tests the connection: health, then the token", () => {
    const addon = connected();
    expect((addon.run("testConnection") as { message: string }).message).toMatch(
      /^The Worker \d+\.\d+\.\d+ answers\. Enroll this spreadsheet/,
    );
    const { workspaceId } = addon.run("enrollSpreadsheet", enrollmentKey) as State;
    const result = addon.run("testConnection") as { message: string; workspaceId: string };
    expect(result.workspaceId).toBe(workspaceId);
    expect(result.message).toBe(
      `Connected: Worker ${(result as unknown as { version: string }).version}, workspace ${workspaceId}.`,
    );
  });

  it("explains a wrong enrollment key, a rejected token and a forgotten enrollment", () => {
    const addon = connected();
    expect(errorOf(() => addon.run("enrollSpreadsheet", "not-the-key"))).toBe(
      "The Worker refused the enrollment key. Check it with the Worker's owner.",
    );
    expect(errorOf(() => addon.run("enrollSpreadsheet", "   "))).toBe("Enter the enrollment key.");
    addon.run("enrollSpreadsheet", enrollmentKey);
    addon.documentProperties.setProperty("rapport.token", "rpt_forged");
    expect(errorOf(() => addon.run("testConnection"))).toBe(
      "The Worker no longer accepts this spreadsheet's token. Enroll it again in Rapport › Settings.",
    );
    expect((addon.run("forgetEnrollment") as State).enrolled).toBe(false);
    expect(addon.documentProperties.getProperty("rapport.token")).toBeNull();
  });

  it("explains an unreachable Worker and a URL outside the manifest's allow-list", () => {
    const addon = loadAddon({ allowUrlPrefixes: ["http://127.0.0.1:9/"] });
    addon.run("saveWorkerUrl", "http://127.0.0.1:9/");
    expect(errorOf(() => addon.run("testConnection"))).toBe(
      "Could not reach the Rapport Worker at http://127.0.0.1:9/. Check the Worker URL in Settings and try again.",
    );
    addon.run("saveWorkerUrl", "https://elsewhere.example.com/");
    expect(errorOf(() => addon.run("testConnection"))).toBe(
      "This add-on may only call https://rapport.example.workers.dev/. Set that URL in Settings, or rebuild the add-on with RAPPORT_WORKER_URL set to your Worker.",
    );
  });

  it("speaks Russian to a Russian user", () => {
    const addon = connected("ru");
    expect(errorOf(() => addon.run("enrollSpreadsheet", "wrong"))).toBe(
      "Worker отклонил ключ подключения. Уточните его у владельца Worker.",
    );
  });

  it("is on the menu", () => {
    const addon = loadAddon();
    addon.trigger("onOpen");
    addon.clickMenu("Settings");
    expect(addon.ui.sidebars.at(-1)?.getTitle()).toBe("Rapport settings");
  });
});
