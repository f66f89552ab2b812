import { describe, expect, it } from "vitest";
import { errorOf, loadAddon } from "../helpers";

/**
 * Funnel, returns and renewal formulas through the built Code.js. The arithmetic is checked in
 * test/shared/metrics/{funnel,returns,renewals}.test.ts; here, how cells arrive from a sheet.
 */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("FUNNEL", () => {
  const addon = loadAddon();

  it("reads counts beside stage names, with a title row", () => {
    const table = [
      ["Stage", "Clients"],
      ["Lead", 1000],
      ["First purchase", 400],
      ["Repeat", 100],
      ["Regular", 60],
    ];
    const out = addon.callCustomFunction("FUNNEL", table) as unknown[][];
    expect(out[0]).toEqual(["stage", "reached", "conversion", "lower", "upper", "from_first", "lost", "note"]);
    expect(out.map((r) => [r[0], r[1], r[2], r[6], r[7]]).slice(1)).toEqual([
      ["Lead", 1000, "", "", ""],
      ["First purchase", 400, 0.4, 600, ""],
      ["Repeat", 100, 0.25, 300, "weakest step"],
      ["Regular", 60, 0.6, 40, ""],
    ]);
    expect(out[2]?.[3]).toBeCloseTo(0.370075, 5);
  });

  it("counts a stage column in the order given, as text or a range, in Russian too", () => {
    const stages = [["Этап"], ["Лид"], ["Повторная"], ["лид"], ["Первая покупка"], ["Лид"]];
    const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
    const out = ru.callCustomFunction("FUNNEL", stages, "Лид, Первая покупка, Повторная") as unknown[][];
    expect(out.slice(1).map((r) => [r[0], r[1], r[7]])).toEqual([
      ["Лид", 5, ""],
      ["Первая покупка", 2, "самый слабый шаг"],
      ["Повторная", 1, ""],
    ]);
    const byRange = ru.callCustomFunction("FUNNEL", stages, [["Лид", "Первая покупка", "Повторная"]]) as unknown[][];
    expect(byRange).toEqual(out);
    expect(errorOf(() => ru.callCustomFunction("FUNNEL", stages))).toBe(
      "FUNNEL: аргумент 1: здесь названия стадий (Этап, Лид, Повторная, Первая покупка); укажите их порядок вторым аргументом, с первой стадии, например «Лид, Первая покупка, Повторная»",
    );
  });

  it("names what is wrong", () => {
    expect(errorOf(() => addon.callCustomFunction("FUNNEL", [[100], [120]]))).toBe(
      "FUNNEL: stages_or_counts: 2 (120) is more than 1 (100): each stage of a funnel holds at most as many as the stage before",
    );
    expect(errorOf(() => addon.callCustomFunction("FUNNEL", [["Lead"], ["Prospect"]], "Lead, Repeat"))).toBe(
      'FUNNEL: stages_or_counts, row 2: "Prospect" is not one of the stages in stage_order (Lead, Repeat)',
    );
    expect(errorOf(() => addon.callCustomFunction("FUNNEL", [[100], [2.5]]))).toBe(
      'FUNNEL: stages_or_counts, row 2: "2.5" is not a count; give whole numbers of 0 or more',
    );
    expect(errorOf(() => addon.callCustomFunction("FUNNEL", [[100]]))).toBe(
      "FUNNEL: stages_or_counts: a funnel needs at least 2 stages",
    );
  });
});

describe("RETURN_RATE", () => {
  const addon = loadAddon();
  const ids = [["a"], ["b"], ["a"], ["a"], ["b"], ["b"], [""]];
  const dates = [
    [day("2024-01-03")],
    [day("2024-01-05")],
    [day("2024-01-09")],
    [day("2024-01-20")],
    [day("2024-02-02")],
    [day("2024-02-10")],
    [""],
  ];
  const amounts = [[100], [50], [30], [-30], [200], [-50], [""]];

  it("per month and per client, from signs or a returns column", () => {
    const monthly = addon.callCustomFunction("RETURN_RATE", ids, dates, amounts) as unknown[][];
    expect(monthly).toEqual([
      ["period", "orders", "returns", "sales", "returned", "return_rate_orders", "return_rate_revenue"],
      ["2024-01", 3, 1, 180, 30, 1 / 3, 30 / 180],
      ["2024-02", 1, 1, 200, 50, 1, 0.25],
      ["total", 4, 2, 380, 80, 0.5, 80 / 380],
    ]);
    const clients = addon.callCustomFunction("RETURN_RATE", ids, dates, amounts, "client") as unknown[][];
    expect(clients.map((r) => r[0])).toEqual(["client", "b", "a", "total"]);
    const flags = [[""], [""], [""], [true], [""], ["да"], [""]];
    const positive = amounts.map((r) => [typeof r[0] === "number" ? Math.abs(r[0]) : r[0]]);
    const flagged = addon.callCustomFunction("RETURN_RATE", ids, dates, positive, "month", flags);
    expect(flagged).toEqual(monthly);
  });

  it("names a returns cell that is not yes/no", () => {
    expect(
      errorOf(() =>
        addon.callCustomFunction("RETURN_RATE", ids, dates, amounts, "", [["maybe"], ...ids.slice(1).map(() => [""])]),
      ),
    ).toBe('RETURN_RATE: returns, row 1: "maybe" is not TRUE/FALSE; mark returns with TRUE, yes or 1');
  });
});

describe("RENEWAL_RATE", () => {
  it("per month of the due date, with grace days and as_of, from date cells and checkboxes", () => {
    const addon = loadAddon();
    const ends = [
      [day("2024-01-31")],
      [day("2024-01-31")],
      [day("2024-01-31")],
      [day("2024-01-31")],
      [day("2024-03-15")],
    ];
    const renewed = [[day("2024-01-25")], [day("2024-02-20")], [false], [""], [true]];
    const out = addon.callCustomFunction("RENEWAL_RATE", ends, renewed, "month", 10, day("2024-03-20")) as unknown[][];
    expect(out).toEqual([
      ["period", "due", "renewed", "on_time", "lapsed", "open", "renewal_rate", "on_time_rate"],
      ["2024-01", 4, 2, 1, 2, 0, 0.5, 0.25],
      ["2024-02", 0, 0, 0, 0, 0, "", ""],
      ["2024-03", 1, 1, 1, 0, 0, 1, 1],
      ["total", 5, 3, 2, 2, 0, 0.6, 0.4],
    ]);
  });

  it("takes today on the spreadsheet's calendar when as_of is left out", () => {
    // 2024-02-05 at 22:30 UTC is already the 6th in Moscow: a blank due on the 5th is lapsed there.
    const now = () => Date.UTC(2024, 1, 5, 22, 30);
    const ends = [[day("2024-02-05")]];
    const moscow = loadAddon({ now, spreadsheet: { timeZone: "Europe/Moscow" } });
    const london = loadAddon({ now, spreadsheet: { timeZone: "Europe/London" } });
    expect((moscow.callCustomFunction("RENEWAL_RATE", ends, [[""]]) as unknown[][])[1]?.slice(4, 6)).toEqual([1, 0]);
    expect((london.callCustomFunction("RENEWAL_RATE", ends, [[""]]) as unknown[][])[1]?.slice(4, 6)).toEqual([0, 1]);
  });
});

describe("UPSELL_RATE and CROSS_SELL_RATE", () => {
  // a: 100 in January, 130 in March (+30 %); b: 200 in January, 210 in February (+5 %);
  // c: January only; d: a refund of −20 in February, left out of upsell.
  const ids = [["Client"], ["a"], ["b"], ["c"], ["b"], ["d"], ["a"], [""]];
  const dates = [
    ["Date"],
    [day("2024-01-10")],
    [day("2024-01-12")],
    [day("2024-01-20")],
    [day("2024-02-03")],
    [day("2024-02-04")],
    [day("2024-03-05")],
    [""],
  ];
  const amounts = [[100], [200], [50], [210], [-20], [130], [""]];
  const categories = [["Plan"], ["Basic"], ["Pro"], ["Basic"], ["Pro"], ["Basic"], ["Support"], [""]];
  const body = <T>(rows: T[]) => rows.slice(1);

  it("gives upsell per cohort with the threshold and window given", () => {
    const addon = loadAddon();
    const out = addon.callCustomFunction("UPSELL_RATE", body(ids), body(dates), amounts, "month", "20%") as unknown[][];
    expect(out).toEqual([
      ["cohort", "clients", "returned", "upsold", "upsell_rate", "upsell_rate_returning", "periods_seen"],
      ["2024-01", 3, 2, 1, 1 / 3, 0.5, 2],
      ["total", 3, 2, 1, 1 / 3, 0.5, ""],
      ["1 client left out: a first-period spend of 0 or less gives nothing to compare with", "", "", "", "", "", ""],
    ]);
    const near = addon.callCustomFunction(
      "UPSELL_RATE",
      body(ids),
      body(dates),
      amounts,
      "month",
      0.02,
      1,
    ) as unknown[][];
    expect(near[1]).toEqual(["2024-01", 3, 1, 1, 1 / 3, 1, 1]);
  });

  it("gives cross-sell per cohort and per category, in Russian too", () => {
    // a: Basic, then Support in March (new); b: Pro in January and February (nothing new).
    const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
    const out = ru.callCustomFunction("CROSS_SELL_RATE", body(ids), body(dates), body(categories)) as unknown[][];
    expect(out.slice(1)).toEqual([
      ["2024-01", 3, 2, 1, 1 / 3, 0.5, 2],
      ["2024-02", 1, 0, 0, 0, "", 1],
      ["total", 4, 2, 1, 0.25, 0.5, ""],
    ]);
    const byCategory = ru.callCustomFunction(
      "CROSS_SELL_RATE",
      body(ids),
      body(dates),
      body(categories),
      "месяц",
      "",
      "категории",
    ) as unknown[][];
    expect(byCategory).toEqual([
      ["category", "clients", "share_of_cross_sold"],
      ["Support", 1, 1],
    ]);
    expect(errorOf(() => ru.callCustomFunction("UPSELL_RATE", body(ids), body(dates), amounts, "месяц", 0))).toMatch(
      /^UPSELL_RATE: аргумент 5/,
    );
  });

  it("names the cell of a blank category and a wrong view", () => {
    const addon = loadAddon();
    const gap = [["Basic"], [""], ["Basic"], ["Pro"], ["Basic"], ["Support"], [""]];
    expect(errorOf(() => addon.callCustomFunction("CROSS_SELL_RATE", body(ids), body(dates), gap))).toBe(
      "CROSS_SELL_RATE: categories, row 2 is blank while other columns of that row are filled; fill it or clear the whole row",
    );
    expect(
      errorOf(() => addon.callCustomFunction("CROSS_SELL_RATE", body(ids), body(dates), body(categories), "", "", "x")),
    ).toBe('CROSS_SELL_RATE: show: "x" is not a view; use "cohorts" or "categories"');
  });
});
