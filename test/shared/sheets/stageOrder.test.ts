import { describe, expect, it } from "vitest";
import { dateReading } from "../../../shared/cells/dates";
import { profileColumns } from "../../../shared/sheets/columns";
import { detectCategoryColumn, detectStageColumn } from "../../../shared/sheets/sheetKinds";
import { guessStageOrder, parseStageOrder } from "../../../shared/sheets/stageOrder";

describe("stage order from the names", () => {
  it("puts a sales pipeline in order whatever order the names come in, in English and Russian", () => {
    expect(guessStageOrder(["Regular", "Lead", "Customer", "Repeat customer", "Prospect"])).toEqual({
      order: ["Lead", "Prospect", "Customer", "Repeat customer", "Regular"],
      left: [],
    });
    expect(guessStageOrder(["Постоянный клиент", "Лид", "Отказ", "Первая покупка", "Повторная покупка"])).toEqual({
      order: ["Лид", "Первая покупка", "Повторная покупка", "Постоянный клиент"],
      left: ["Отказ"],
    });
  });

  it("knows CLIENT_STAGE's codes and the client card's names; dissolution is outside the funnel", () => {
    expect(guessStageOrder(["commitment", "dissolution", "exploration", "awareness", "expansion"])).toEqual({
      order: ["awareness", "exploration", "expansion", "commitment"],
      left: ["dissolution"],
    });
    expect(guessStageOrder(["Развитие", "Проба", "Угасание", "Приверженность"])).toEqual({
      order: ["Проба", "Развитие", "Приверженность"],
      left: ["Угасание"],
    });
  });

  it("leaves the order to a person when a name is unknown, two names are one step, or only one step is found", () => {
    expect(guessStageOrder(["Lead", "Customer", "Onboarding"])).toBeNull();
    expect(guessStageOrder(["Lead", "New lead", "Customer"])).toBeNull();
    expect(guessStageOrder(["Customer", "Lost"])).toBeNull();
    // Two vocabularies are not mixed.
    expect(guessStageOrder(["Lead", "Customer", "commitment"])).toBeNull();
  });

  it("reads an order typed one per line, by commas or arrows, without blanks or repeats", () => {
    expect(parseStageOrder(" Lead \n\nProspect\r\nlead\nClient ")).toEqual(["Lead", "Prospect", "Client"]);
    expect(parseStageOrder("Лид → Клиент -> Повторный; Постоянный")).toEqual([
      "Лид",
      "Клиент",
      "Повторный",
      "Постоянный",
    ]);
    expect(parseStageOrder("  \n ")).toEqual([]);
    // One per line, a name keeps its commas.
    expect(parseStageOrder("Lead\nWon, paid\nRenewed")).toEqual(["Lead", "Won, paid", "Renewed"]);
  });
});

describe("stage and category columns", () => {
  const reading = dateReading("UTC", "en");
  const rows = [
    [1, "Ann", "Lead", "Books", 10, "Open"],
    [2, "Bob", "Customer", "Music", 12.5, "Closed"],
    [3, "Cid", "Customer", "Books", 7, "Open"],
  ];

  it("finds a stage column by its header, EN and RU, but not a bare Status or a column of prose", () => {
    const headers = ["Client ID", "Name", "Stage", "Category", "Amount", "Status"];
    const profiles = profileColumns(headers, rows, reading);
    expect(detectStageColumn(headers, profiles)).toEqual({ stage: 3 });
    const ru = ["ID клиента", "Имя", "Этап воронки", "Категория", "Сумма", "Статус"];
    expect(detectStageColumn(ru, profileColumns(ru, rows, reading))).toEqual({ stage: 3 });
    const noStage = ["Client ID", "Name", "Notes", "Category", "Amount", "Status"];
    expect(detectStageColumn(noStage, profileColumns(noStage, rows, reading))).toEqual({ stage: null });
    const prose = rows.map((row) => [row[0], "They asked about the plan and will call back next week"]);
    expect(detectStageColumn(["Client ID", "Stage"], profileColumns(["Client ID", "Stage"], prose, reading))).toEqual({
      stage: null,
    });
  });

  it("finds a category column among the columns the transactions' roles leave free", () => {
    const headers = ["Client ID", "Name", "Stage", "Category", "Amount", "Status"];
    const profiles = profileColumns(headers, rows, reading);
    expect(detectCategoryColumn(headers, profiles, [1, null, 5])).toEqual({ category: 4 });
    // A column a client role holds is not a category, however it is named.
    expect(detectCategoryColumn(headers, profiles, [4])).toEqual({ category: null });
    const ru = ["ID клиента", "Имя", "Этап", "Товар", "Сумма", "Статус"];
    expect(detectCategoryColumn(ru, profileColumns(ru, rows, reading), [1, 5])).toEqual({ category: 4 });
    // A bare Type (a sale or a refund) is not taken for a category.
    const typed = ["Client ID", "Name", "Stage", "Type", "Amount", "Status"];
    expect(detectCategoryColumn(typed, profileColumns(typed, rows, reading), [1, 5])).toEqual({ category: null });
  });
});
