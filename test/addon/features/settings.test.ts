import { describe, expect, inject, it } from "vitest";
import type { CreateSurveyResult, SurveysState } from "../../../addon/src/features/surveys/shapes";
import { surveyForm } from "../../fixtures/surveyForm";
import { errorOf, loadAddon } from "../helpers";

const workerUrl = `${inject("workerUrl")}/`;
const enrollmentKey = inject("enrollmentKey");

interface State {
  workerUrl: string;
  allowedUrl: string;
  enrolled: boolean;
  workspaceId: string | null;
  enrolledAt: string | null;
  previousWorkspaceId: string | null;
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
      previousWorkspaceId: null,
    });
  });

  it("saves a Worker URL and refuses one that is not a URL, or that the manifest does not allow", () => {
    const addon = loadAddon();
    // Within the manifest's urlFetchWhitelist prefix: saved, even while that Worker does not answer.
    expect((addon.run("saveWorkerUrl", " https://rapport.example.workers.dev/v2 ") as State).workerUrl).toBe(
      "https://rapport.example.workers.dev/v2/",
    );
    // Outside it: Apps Script would refuse every call, so the URL is refused now, naming the one allowed.
    expect(errorOf(() => addon.run("saveWorkerUrl", "https://rapport.acme.workers.dev"))).toBe(
      "This add-on may only call https://rapport.example.workers.dev/. Set that URL in Settings, or rebuild the add-on with RAPPORT_WORKER_URL set to your Worker.",
    );
    expect((addon.run("settingsState") as State).workerUrl).toBe("https://rapport.example.workers.dev/v2/");
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
      "The Worker no longer accepts this spreadsheet's token. Reconnect it to its workspace in Rapport › Settings (the enrollment key and the workspace ID): its surveys and answers are kept.",
    );
    expect((addon.run("forgetEnrollment") as State).enrolled).toBe(false);
    expect(addon.documentProperties.getProperty("rapport.token")).toBeNull();
  });

  it("forgets without losing anything: the token is revoked, the workspace's id kept, and reconnecting brings the surveys back", async () => {
    const addon = connected();
    const { workspaceId } = addon.run("enrollSpreadsheet", enrollmentKey) as State;
    const created = addon.run("createSurvey", surveyForm({ title: "Pulse" })) as CreateSurveyResult;
    if (!created.ok) throw new Error("survey not created");
    const oldToken = addon.documentProperties.getProperty("rapport.token") as string;
    const forgot = addon.run("forgetEnrollment") as State;
    expect(forgot).toMatchObject({ enrolled: false, workspaceId: null, previousWorkspaceId: workspaceId });
    // The Worker no longer takes the forgotten token.
    const probe = await fetch(`${workerUrl}api/v1/workspace`, { headers: { Authorization: `Bearer ${oldToken}` } });
    expect(probe.status).toBe(401);
    expect((addon.run("surveysState") as SurveysState).surveys).toEqual([]);

    const back = addon.run("enrollSpreadsheet", enrollmentKey, workspaceId) as State;
    expect(back).toMatchObject({ enrolled: true, workspaceId });
    expect((addon.run("surveysState") as SurveysState).surveys.map((s) => s.title)).toEqual(["Pulse"]);

    // A new, empty workspace; the one left is remembered, and the way back is the same.
    const fresh = addon.run("enrollSpreadsheet", enrollmentKey, null) as State;
    expect(fresh.workspaceId).not.toBe(workspaceId);
    expect(fresh.previousWorkspaceId).toBe(workspaceId);
    expect((addon.run("surveysState") as SurveysState).surveys).toEqual([]);
    addon.run("enrollSpreadsheet", enrollmentKey, ` ${workspaceId} `);
    expect((addon.run("surveysState") as SurveysState).surveys.map((s) => s.title)).toEqual(["Pulse"]);
  });

  it("reconnects a copy of the spreadsheet by the workspace's id, and says what is wrong with an id", () => {
    const original = connected();
    const { workspaceId } = original.run("enrollSpreadsheet", enrollmentKey) as State;
    original.run("createSurvey", surveyForm({ title: "Pulse" }));
    // A copy carries no document properties: it connects with the id the original's Settings shows.
    const copy = connected();
    copy.run("enrollSpreadsheet", enrollmentKey, workspaceId);
    expect((copy.run("surveysState") as SurveysState).surveys.map((s) => s.title)).toEqual(["Pulse"]);
    // Both stay connected: each has its own token.
    expect((original.run("surveysState") as SurveysState).surveys).toHaveLength(1);
    expect(errorOf(() => copy.run("enrollSpreadsheet", enrollmentKey, "workspace-1"))).toBe(
      "“workspace-1” is not a workspace ID: it looks like 0f8c2a4e-1b7d-4c3a-9e5f-2d6b8a1c4e7f (Settings of the spreadsheet that used it shows it).",
    );
    expect(errorOf(() => copy.run("enrollSpreadsheet", enrollmentKey, "00000000-0000-4000-8000-000000000000"))).toBe(
      "This Worker has no workspace 00000000-0000-4000-8000-000000000000. Check the ID in Settings of the spreadsheet that used it, and the Worker URL.",
    );
    expect(errorOf(() => copy.run("enrollSpreadsheet", "wrong-key", workspaceId))).toBe(
      "The Worker refused the enrollment key. Check it with the Worker's owner.",
    );
  });

  it("explains an unreachable Worker and a URL outside the manifest's allow-list", () => {
    const addon = loadAddon({ allowUrlPrefixes: ["http://127.0.0.1:9/"] });
    addon.run("saveWorkerUrl", "http://127.0.0.1:9/");
    expect(errorOf(() => addon.run("testConnection"))).toBe(
      "Could not reach the Rapport Worker at http://127.0.0.1:9/. Check the Worker URL in Settings and try again.",
    );
    expect(errorOf(() => addon.run("saveWorkerUrl", "https://elsewhere.example.com/"))).toBe(
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
