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
