import { describe, expect, inject, it } from "vitest";
import { previewPages, screenshot } from "./browser";

const pages = previewPages();

async function openSettings(locale: "en" | "ru", caption: string) {
  const { page, errors } = await pages.open(locale);
  await page.locator("#menu-button").click();
  await page.getByRole("menuitem", { name: caption }).click();
  const frame = page.frameLocator("#sidebar-frame");
  await expect.poll(() => frame.locator("#worker-url").inputValue()).toBe(`${inject("workerUrl")}/`);
  return { p: page, frame, errors };
}

describe("Settings sidebar", () => {
  it("enrolls the spreadsheet and tests the connection", async () => {
    const { p, frame, errors } = await openSettings("en", "Settings");
    expect(await frame.getByTestId("enrollment-state").textContent()).toBe("This spreadsheet is not enrolled yet.");
    await frame.getByLabel("Enrollment key").fill("wrong key");
    await frame.getByRole("button", { name: "Enroll this spreadsheet" }).click();
    await expect
      .poll(() => frame.getByRole("alert").textContent())
      .toBe("The Worker refused the enrollment key. Check it with the Worker's owner.");
    await screenshot(p, "sidebar-settings-error-en");
    await frame.getByLabel("Enrollment key").fill(inject("enrollmentKey"));
    await frame.getByLabel("Enrollment key").press("Enter");
    await expect
      .poll(() => frame.getByTestId("enrollment-state").textContent())
      .toMatch(/^Enrolled as workspace [0-9a-f-]{36} on /);
    expect(await frame.getByLabel("Enrollment key").inputValue()).toBe("");
    await frame.getByRole("button", { name: "Test connection" }).click();
    await expect
      .poll(() => frame.getByTestId("notice").textContent())
      .toMatch(/^Connected: Worker \d+\.\d+\.\d+, workspace /);
    await screenshot(p, "sidebar-settings-en");
    expect(errors).toEqual([]);
  });

  for (const [lang, caption, t] of [
    [
      "en",
      "Settings",
      {
        key: "Enrollment key",
        enroll: "Enroll this spreadsheet",
        forget: "Forget enrollment",
        cancel: "Cancel",
        confirm: /^This spreadsheet will stop reaching workspace [0-9a-f-]{36}: .*Nothing is deleted/,
        before: /^This spreadsheet is not connected\. It used workspace ([0-9a-f-]{36})/,
        reconnect: "Reconnect",
        reconnected: "Reconnected: the workspace's surveys, links and answers are here again.",
      },
    ],
    [
      "ru",
      "Настройки",
      {
        key: "Ключ подключения",
        enroll: "Подключить эту таблицу",
        forget: "Отключить таблицу",
        cancel: "Отмена",
        confirm: /^Таблица перестанет обращаться к пространству [0-9a-f-]{36}: .*Ничего не удаляется/,
        before: /^Таблица не подключена\. Она работала с пространством ([0-9a-f-]{36})/,
        reconnect: "Переподключить",
        reconnected: "Переподключено: опросы, ссылки и ответы пространства снова здесь.",
      },
    ],
  ] as const) {
    it(`asks before forgetting, and reconnects to the same workspace (${lang})`, async () => {
      const { p, frame, errors } = await openSettings(lang, caption);
      await frame.getByLabel(t.key).fill(inject("enrollmentKey"));
      await frame.getByRole("button", { name: t.enroll }).click();
      await expect.poll(() => frame.getByRole("button", { name: t.forget }).isVisible()).toBe(true);
      const enrolledAs = /([0-9a-f-]{36})/.exec((await frame.getByTestId("enrollment-state").textContent()) ?? "")?.[1];
      expect(enrolledAs).toBeTruthy();
      // Forget asks first and says what happens; Cancel leaves everything as it was.
      await frame.getByRole("button", { name: t.forget }).click();
      await expect.poll(() => frame.locator("#confirm-text").textContent()).toMatch(t.confirm);
      await screenshot(p, `sidebar-settings-${lang}-confirm-forget`);
      await frame.getByRole("button", { name: t.cancel }).click();
      await expect.poll(() => frame.getByTestId("confirm").isHidden()).toBe(true);
      expect(await frame.getByTestId("enrollment-state").textContent()).toContain(enrolledAs);
      await frame.getByRole("button", { name: t.forget }).click();
      await frame.locator("#confirm-yes").click();
      await expect.poll(() => frame.getByTestId("enrollment-state").textContent()).toMatch(t.before);
      // The way back is filled in: the same workspace, with the key.
      expect(await frame.locator("#workspace-id").inputValue()).toBe(enrolledAs);
      await screenshot(p, `sidebar-settings-${lang}-forgotten`);
      await frame.getByLabel(t.key).fill(inject("enrollmentKey"));
      await frame.getByRole("button", { name: t.reconnect }).click();
      await expect.poll(() => frame.getByTestId("notice").textContent()).toBe(t.reconnected);
      expect(await frame.getByTestId("enrollment-state").textContent()).toContain(enrolledAs);
      expect(errors).toEqual([]);
    });
  }

  it("works in Russian", async () => {
    const { p, frame, errors } = await openSettings("ru", "Настройки");
    expect(await frame.getByTestId("enrollment-state").textContent()).toBe("Эта таблица ещё не подключена.");
    await frame.getByLabel("Ключ подключения").fill(inject("enrollmentKey"));
    await frame.getByRole("button", { name: "Подключить эту таблицу" }).click();
    await expect.poll(() => frame.getByTestId("notice").textContent()).toMatch(/^Подключено\./);
    await screenshot(p, "sidebar-settings-ru");
    expect(errors).toEqual([]);
  });
});
