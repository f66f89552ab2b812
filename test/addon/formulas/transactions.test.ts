import { describe, expect, it } from "vitest";
import { zonedMidnight } from "../../../addon/harness/cellFormat";
import { demoWorkbook } from "../../../addon/preview/demoWorkbook";
import { CDNOW_EXTRACT_PATH, readCdnow } from "../../../scripts/lib/cdnow";
import { column, errorOf, loadAddon } from "../helpers";

/**
 * Transaction formulas through the built Code.js. The demo workbook's Transactions sheet holds
 * the CDNOW extract as Sheets does (ids as numbers, dates as Date cells at midnight New York
 * time), read with getValues() exactly as a formula's arguments arrive.
 */
describe("transaction formulas", () => {
  const addon = loadAddon({ spreadsheet: demoWorkbook() });
  const sheet = addon.spreadsheet.getSheetByName("Transactions");
  if (!sheet) throw new Error("demo workbook without Transactions");
  const height = sheet.getLastRow() - 1;
  const ids = sheet.getRange(2, 1, height, 1).getValues();
  const dates = sheet.getRange(2, 2, height, 1).getValues();
  const amounts = sheet.getRange(2, 4, height, 1).getValues();
  const call = (name: string, ...args: unknown[]) => addon.callCustomFunction(name, ...args);

  // Independent figures straight from the committed extract's text.
  const rows = readCdnow(CDNOW_EXTRACT_PATH);
  const orders = new Map<string, number>();
  for (const r of rows) orders.set(r.customerId, (orders.get(r.customerId) ?? 0) + 1);
  const lastIso = rows
    .map((r) => r.date)
    .sort()
    .at(-1) as string;

  it("REPEAT_RATE and PURCHASE_FREQUENCY count customers and orders", () => {
    expect(call("REPEAT_RATE", ids)).toBeCloseTo([...orders.values()].filter((n) => n >= 2).length / orders.size, 12);
    expect(call("PURCHASE_FREQUENCY", ids)).toBeCloseTo(rows.length / orders.size, 12);
    expect(call("REPEAT_RATE", 17)).toBe(0);
  });

  it("RFM spills one row per customer under a header, with each customer's own figures", () => {
    const table = call("RFM", ids, dates, amounts) as unknown[][];
    expect(table[0]).toEqual([
      "customer",
      "recency_days",
      "frequency",
      "monetary",
      "r_score",
      "f_score",
      "m_score",
      "rfm_score",
      "segment",
    ]);
    expect(table).toHaveLength(orders.size + 1);
    const last = Date.parse(`${lastIso}T00:00:00Z`);
    for (const row of table.slice(1, 40)) {
      const id = String(row[0]);
      const own = rows.filter((r) => r.customerId === id);
      const latest = Math.max(...own.map((r) => Date.parse(`${r.date}T00:00:00Z`)));
      expect(row[1]).toBe(Math.round((last - latest) / 86_400_000));
      expect(row[2]).toBe(own.length);
      expect(row[3]).toBeCloseTo(
        own.reduce((s, r) => s + r.amount, 0),
        9,
      );
    }
  });

  it("RFM measures recency at as_of_date and leaves out later rows", () => {
    const asOf = new Date(zonedMidnight(1997, 3, 31, "America/New_York"));
    const table = call("RFM", ids, dates, amounts, asOf) as unknown[][];
    const before = new Set(rows.filter((r) => r.date <= "1997-03-31").map((r) => r.customerId));
    expect(table).toHaveLength(before.size + 1);
    expect(Math.min(...table.slice(1).map((r) => r[1] as number))).toBeGreaterThanOrEqual(0);
    expect(call("RFM", ids, dates, amounts, "1997-03-31")).toEqual(table);
  });

  it("RFM on fewer than five clients says under the table that quintiles mean little there", () => {
    const few = call(
      "RFM",
      [["A"], ["B"], ["C"], ["A"]],
      [["2024-01-01"], ["2024-01-05"], ["2024-02-01"], ["2024-03-01"]],
      [[10], [20], [5], [7]],
    ) as unknown[][];
    expect(few).toHaveLength(5);
    expect(few[4]?.[0]).toBe(
      "only 3 clients: quintile scores need at least 5, so each score here stands for a single client; compare the recency, frequency and monetary columns instead",
    );
    expect(few[4]?.slice(1).every((v) => v === "")).toBe(true);
    const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
    const ruFew = ru.callCustomFunction(
      "RFM",
      [["A"], ["B"]],
      [["2024-01-01"], ["2024-01-05"]],
      [[1], [2]],
    ) as unknown[][];
    expect(ruFew.at(-1)?.[0]).toMatch(/^всего 2 клиента: для квинтильных оценок нужно не меньше 5/);
    // Five clients: no note.
    const five = call(
      "RFM",
      [[1], [2], [3], [4], [5]],
      [["2024-01-01"], ["2024-01-02"], ["2024-01-03"], ["2024-01-04"], ["2024-01-05"]],
      [[1], [2], [3], [4], [5]],
    ) as unknown[][];
    expect(five).toHaveLength(6);
  });

  it("reads amounts typed as text by the spreadsheet's locale, and refuses text that could be two numbers", () => {
    const args = [column("A", "B"), column("2024-01-01", "2024-01-02"), column("1.234", "2,5")] as const;
    const monetary = (locale: string) => {
      const table = loadAddon({ spreadsheet: { locale } }).callCustomFunction("RFM", ...args) as unknown[][];
      return new Map(table.slice(1, 3).map((r) => [r[0], r[3]]));
    };
    expect(monetary("en_US")).toEqual(
      new Map([
        ["A", 1.234],
        ["B", 2.5],
      ]),
    );
    expect(monetary("de_DE")).toEqual(
      new Map([
        ["A", 1234],
        ["B", 2.5],
      ]),
    );
    const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
    expect(errorOf(() => ru.callCustomFunction("RFM", ...args))).toBe(
      "RFM: аргумент 3, строка 1: «1.234» в этой таблице можно прочитать двояко (точка как десятичный знак или как разделитель тысяч); напишите «1,234» или «1234»",
    );
  });

  it("ABC_XYZ ranks clients by revenue with classes such as AX", () => {
    const table = call("ABC_XYZ", ids, dates, amounts) as unknown[][];
    expect(table[0]).toEqual(["customer", "revenue", "share", "cumulative_share", "abc", "cv", "xyz", "class"]);
    expect(table).toHaveLength(orders.size + 1);
    const revenues = table.slice(1).map((r) => r[1] as number);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    expect(table.at(-1)?.[3]).toBeCloseTo(1, 9);
    for (const row of table.slice(1)) expect(String(row[7])).toMatch(/^[ABC][XYZ]?$/);
    const stricter = call("ABC_XYZ", ids, dates, amounts, 0.5, "90%", 0.2, 0.5) as unknown[][];
    expect(stricter.slice(1).filter((r) => r[4] === "A").length).toBeLessThan(
      table.slice(1).filter((r) => r[4] === "A").length,
    );
  });

  it("COHORT_RETENTION spills cohorts × periods with blanks past the data's end", () => {
    const table = call("COHORT_RETENTION", ids, dates) as unknown[][];
    // The extract's customers all first bought in January–March 1997; data end in June 1998.
    expect(table[0]).toEqual(["cohort", "size", ...Array.from({ length: 18 }, (_, k) => k)]);
    expect(table[1]?.slice(0, 3)).toEqual(["1997-01", expect.any(Number), 1]);
    const sizes = table.slice(1).reduce((s, r) => s + (r[1] as number), 0);
    expect(sizes).toBe(orders.size);
    expect(table.at(-1)?.at(-1)).toBe("");
    const quarters = call("COHORT_RETENTION", ids, dates, "квартал") as unknown[][];
    expect(quarters[1]?.[0]).toBe("1997-Q1");
  });

  it("CHURN_TABLE spills one row per period and notes the derived inactivity threshold", () => {
    const table = call("CHURN_TABLE", ids, dates) as unknown[][];
    expect(table[0]).toEqual([
      "period",
      "customers_at_start",
      "new",
      "lost",
      "customers_at_end",
      "churn_rate",
      "retention_rate",
    ]);
    expect(table.slice(1, -1).map((r) => r[0])).toEqual([
      "1997-Q1",
      "1997-Q2",
      "1997-Q3",
      "1997-Q4",
      "1998-Q1",
      "1998-Q2",
    ]);
    expect(String(table.at(-1)?.[0])).toMatch(/^lost = no purchase for \d+ days/);
    for (const row of table.slice(1, -1)) {
      expect(row[4]).toBe((row[1] as number) + (row[2] as number) - (row[3] as number));
    }
    const monthly = call("CHURN_TABLE", ids, dates, "month", 90) as unknown[][];
    expect(monthly).toHaveLength(19);
    expect(monthly.at(-1)?.[0]).toBe("1998-06");
  });

  it("CLIENT_STAGE gives one stage per client, in client order, blank rows blank", () => {
    const stages = call("CLIENT_STAGE", column(Number(rows[0]?.customerId), "", 999999), ids, dates) as string[][];
    expect(stages).toHaveLength(3);
    expect(["exploration", "expansion", "commitment", "dissolution"]).toContain(stages[0]?.[0]);
    expect(stages[1]).toEqual([""]);
    expect(stages[2]).toEqual(["awareness"]);
    expect(call("CLIENT_STAGE", 999999, ids, dates)).toBe("awareness");
    const early = new Date(zonedMidnight(1997, 1, 1, "America/New_York"));
    const all = call("CLIENT_STAGE", ids, ids, dates, early, 30, 2, 0) as string[][];
    // As of 1 Jan 1997 only that day's buyers have a purchase.
    const firstDay = new Set(rows.filter((r) => r.date === "1997-01-01").map((r) => Number(r.customerId)));
    all.forEach(([stage], i) => {
      expect(stage).toBe(firstDay.has(ids[i]?.[0] as number) ? "exploration" : "awareness");
    });
  });

  it("SURVIVAL spills a Kaplan–Meier table with the standard error and the median", () => {
    const n = expect.any(Number);
    const blank = ["", "", ""];
    expect(call("SURVIVAL", column(5, 6, 6, 2, 4, 4), column(true, false, "yes", 1, "1", "FALSE"))).toEqual([
      ["time", "at_risk", "events", "survival", "lower", "upper", "std_err", "median", "median_lower", "median_upper"],
      [0, 6, 0, 1, 1, 1, 0, 5, 2, "not reached"],
      [2, 6, 1, 5 / 6, n, n, expect.closeTo((5 / 6) * Math.sqrt(1 / 30), 12), ...blank],
      [4, 5, 1, expect.closeTo(2 / 3, 12), n, n, n, ...blank],
      [5, 3, 1, expect.closeTo(4 / 9, 12), n, n, n, ...blank],
      [6, 2, 1, expect.closeTo(2 / 9, 12), n, n, n, ...blank],
    ]);
    // The band type as R names it; plain is Ŝ ± z·SE.
    const plain = call("SURVIVAL", column(5, 6, 6, 2, 4, 4), column(1, 0, 1, 1, 1, 0), 0.9, "plain") as number[][];
    const row = plain[2] as number[];
    expect(row[4]).toBeCloseTo((row[3] as number) - 1.6448536269514722 * (row[6] as number), 12);
    expect(errorOf(() => call("SURVIVAL", column(1), column(1), 0.95, "wide"))).toBe(
      'SURVIVAL: band: "wide" is not a band type; use "log-log" (the default), "log" or "plain"',
    );
    const ru = loadAddon({ spreadsheet: { locale: "ru_RU" } });
    const ruTable = ru.callCustomFunction("SURVIVAL", column(1, 2), column(0, 0)) as unknown[][];
    expect(ruTable[1]?.slice(7)).toEqual(["не достигнута", "не достигнута", "не достигнута"]);
  });

  describe("bad input", () => {
    it("names the argument and row, in English", () => {
      expect(errorOf(() => call("RFM", column(1, 2), column("2024-01-01"), column(5, 6)))).toBe(
        "RFM: dates has 1 rows but customer_ids has 2: select ranges of the same height, one transaction per row",
      );
      expect(errorOf(() => call("RFM", column(1, 2), column("2024-01-01", "soon"), column(5, 6)))).toBe(
        'RFM: dates, row 2: "soon" is not a date; use a date cell or text such as 2024-03-01 or 01.03.2024',
      );
      expect(errorOf(() => call("RFM", column(1, 2), column("2024-01-01", "01.02.2024"), column(5, "five")))).toBe(
        'RFM: amounts, row 2: "five" is not a number',
      );
      expect(errorOf(() => call("RFM", column(1, ""), column("2024-01-01", "2024-01-02"), column(5, 6)))).toBe(
        "RFM: customer_ids, row 2 is blank while other columns of that row are filled; fill it or clear the whole row",
      );
      expect(errorOf(() => call("RFM", column(""), column(""), column("")))).toBe(
        "RFM: customer_ids is empty: select a range with at least one value",
      );
      expect(errorOf(() => call("RFM", ids, dates, amounts, "someday"))).toBe(
        'RFM: as_of_date: "someday" is not a date; use a date cell, TODAY() or text such as 2024-03-01 or 01.03.2024',
      );
      expect(errorOf(() => call("RFM", ids, dates, amounts, "1990-01-01"))).toBe(
        "RFM: there are no transactions on or before as_of_date: choose a later date",
      );
      expect(errorOf(() => call("COHORT_RETENTION", ids, dates, "fortnight"))).toBe(
        'COHORT_RETENTION: period: "fortnight" is not a period; use "week", "month", "quarter" or "year"',
      );
      expect(errorOf(() => call("CHURN_TABLE", ids, dates, "month", 0))).toBe(
        "CHURN_TABLE: inactive_days must be at least 1; got 0",
      );
      expect(errorOf(() => call("CHURN_TABLE", column(1), column("2024-01-01")))).toContain("give inactive_days");
      expect(errorOf(() => call("ABC_XYZ", ids, dates, amounts, 0.9, 0.8))).toBe(
        "ABC_XYZ: a_share (0.9) must be less than b_share (0.8)",
      );
      expect(errorOf(() => call("ABC_XYZ", column(1), column("2024-01-01"), column(0)))).toContain(
        "total revenue is 0",
      );
      expect(errorOf(() => call("REPEAT_RATE", [[1, 2]]))).toBe(
        "REPEAT_RATE: customer_ids must be a single column, but the range has 2 columns",
      );
      expect(errorOf(() => call("SURVIVAL", column(1, 2), column(1)))).toBe(
        "SURVIVAL: churned has 1 rows but durations has 2: select ranges of the same height, one customer per row",
      );
      expect(errorOf(() => call("SURVIVAL", column(1), column("maybe")))).toBe(
        'SURVIVAL: churned, row 1: "maybe" is not yes or no; use TRUE/FALSE, 1/0 or yes/no',
      );
      expect(errorOf(() => call("CLIENT_STAGE", column(1), ids, dates, "", "", 1))).toBe(
        "CLIENT_STAGE: commitment_orders must be at least 2; got 1",
      );
    });

    it("speaks Russian when the spreadsheet's locale is Russian", () => {
      const ru = loadAddon({ spreadsheet: demoWorkbook({ locale: "ru" }) });
      expect(errorOf(() => ru.callCustomFunction("RFM", column(1), column("потом"), column(5)))).toBe(
        "RFM: аргумент 2, строка 1: «потом» не является датой; используйте ячейку с датой или текст вида 2024-03-01 или 01.03.2024",
      );
      expect(errorOf(() => ru.callCustomFunction("CHURN_TABLE", column(1), column("01.01.2024")))).toBe(
        "CHURN_TABLE: ни один клиент не покупал в два разных дня, поэтому типичный интервал между покупками неизвестен: укажите, после скольких дней без покупок клиент потерян (4-й аргумент)",
      );
      const table = ru.callCustomFunction(
        "CHURN_TABLE",
        column(1, 1),
        column("01.01.2024", "15.01.2024"),
      ) as unknown[][];
      expect(table.at(-1)?.[0]).toBe(
        "потерян = нет покупок 14 дн. (по умолчанию: 9 из 10 повторных покупок в этих данных происходят раньше)",
      );
    });
  });

  it("reads date cells in the spreadsheet's time zone, whatever the machine's zone", () => {
    // Midnight 1 March in Moscow is 21:00 UTC on 29 February: the day is 1 March.
    const moscow = loadAddon({ spreadsheet: { timeZone: "Europe/Moscow", locale: "ru_RU" } });
    const march = new Date(zonedMidnight(2024, 3, 1, "Europe/Moscow"));
    const table = moscow.callCustomFunction("COHORT_RETENTION", column("A"), column(march)) as unknown[][];
    expect(table[1]?.[0]).toBe("2024-03");
  });
});
