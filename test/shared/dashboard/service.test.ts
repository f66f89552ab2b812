import { describe, expect, it } from "vitest";
import { dateReading } from "../../../shared/cells/dates";
import { readTransactions } from "../../../shared/cells/transactions";
import { noAnswers } from "../../../shared/dashboard/answers";
import { surveyFigures } from "../../../shared/dashboard/figures";
import { renewalsFigure } from "../../../shared/dashboard/renewals";
import { reportLayout } from "../../../shared/dashboard/report";
import { serviceFigures } from "../../../shared/dashboard/service";
import { readContracts } from "../../../shared/metrics/renewals";
import { readRequests } from "../../../shared/metrics/service";
import {
  detectContractColumns,
  detectRequestColumns,
  isContractSheet,
  isRequestSheet,
} from "../../../shared/sheets/sheetKinds";

const utc = dateReading("Etc/UTC", "en_US");
const at = (text: string) => new Date(`${text}:00Z`);
const column = (cells: unknown[]) => cells.map((c) => [c]) as never;

describe("request sheets", () => {
  const rows = [
    [1, at("2024-03-04T09:00"), at("2024-03-04T10:00"), at("2024-03-05T09:00"), "chat"],
    [2, at("2024-03-04T11:00"), "", "", "email"],
  ];

  it("finds the opened, first-response and resolved columns from English and Russian headers", () => {
    const en = detectRequestColumns(["Client ID", "Created at", "First reply", "Closed", "Channel"], rows, utc);
    expect(en).toEqual({ opened: 2, firstResponse: 3, resolved: 4, clientId: 1 });
    const ru = detectRequestColumns(["ID клиента", "Дата обращения", "Первый ответ", "Решено", "Канал"], rows, utc);
    expect(ru).toEqual({ opened: 2, firstResponse: 3, resolved: 4, clientId: 1 });
    expect(isRequestSheet(en)).toBe(true);
  });

  it("does not take a transactions or client sheet for one", () => {
    const tx = detectRequestColumns(["Client ID", "Date", "Amount"], [[1, at("2024-03-04T00:00"), 10]], utc);
    expect(isRequestSheet(tx)).toBe(false);
    // A header that says "opened" over cells that are not dates is not an opening time.
    const text = detectRequestColumns(["Opened", "Resolved"], [["yes", at("2024-03-04T00:00")]], utc);
    expect(text.opened).toBeNull();
  });
});

describe("service figures", () => {
  // Worked by hand. March: answers after 1, 3 and 2 hours (median 2, P90 2.8), one waiting;
  // resolved after 24 h and 48 h, two open. April: answers after 5, 6, 7, 8 hours.
  const opened = [
    "2024-03-04T09:00",
    "2024-03-05T09:00",
    "2024-03-06T09:00",
    "2024-03-07T09:00",
    "2024-04-01T09:00",
    "2024-04-02T09:00",
    "2024-04-03T09:00",
    "2024-04-04T09:00",
  ].map(at);
  const answered = [
    "2024-03-04T10:00",
    "2024-03-05T12:00",
    "2024-03-06T11:00",
    "",
    "2024-04-01T14:00",
    "2024-04-02T15:00",
    "2024-04-03T16:00",
    "2024-04-04T17:00",
  ].map((t) => (t ? at(t) : ""));
  const resolved = ["2024-03-05T09:00", "2024-03-07T09:00", "", "", "", "", "", ""].map((t) => (t ? at(t) : ""));
  const names = (closed: string) => ({ opened: "opened", closed });
  const response = readRequests(column(opened), column(answered), utc, names("first_response"));
  const resolution = readRequests(column(opened), column(resolved), utc, names("resolved"));

  it("gives per month the requests, answers, median and 90th percentile, and the median to resolve", () => {
    const figures = serviceFigures(response, resolution, "month");
    expect(figures.periods.map((p) => [p.period, p.requests, p.answered, p.medianResponse, p.resolved])).toEqual([
      ["2024-03", 4, 3, 2, 2],
      ["2024-04", 4, 4, 6.5, 0],
    ]);
    expect(figures.periods[0]?.p90Response).toBeCloseTo(2.8, 12);
    // March: resolved after 24 h and 48 h, the other two open at the last time (April 4th, 17:00):
    // Kaplan–Meier falls to 3/4 at 24 h and to 3/4 × 2/3 = 1/2 at 48 h: the median is 48 h.
    expect(figures.periods[0]?.medianResolution).toBe(48);
    expect(figures.periods[1]?.medianResolution).toBeNull();
    expect(figures.requests).toBe(8);
  });

  it("alerts when April's answers are significantly slower (every April time exceeds every March one)", () => {
    // U = 12 of 12 pairs; mean 6, variance 3·4/12·(8 − 0) = 8: z = (12 − 6 − ½)/√8 = 1.9445, p = 0.0259.
    const alert = serviceFigures(response, resolution, "month").alert;
    expect(alert).toMatchObject({ kind: "response", from: "2024-03", to: "2024-04", before: 2, after: 6.5 });
    expect(alert?.pValue).toBeCloseTo(0.02592, 4);
    expect(alert?.smallSample).toBe(true);
    // By quarter March is in Q1 and April in Q2: the same comparison.
    expect(serviceFigures(response, resolution, "quarter").alert).toMatchObject({ from: "2024-Q1", to: "2024-Q2" });
    // Reversed (April's times earlier), nothing got slower: no alert.
    const early = readRequests(column(opened.slice(4)), column(answered.slice(4)), utc, names("first_response"));
    const late = readRequests(column(opened.slice(0, 4)), column(answered.slice(0, 4)), utc, names("first_response"));
    expect(serviceFigures(early, null, "month").alert).toBeNull();
    expect(serviceFigures(late, null, "month").alert).toBeNull();
  });

  it("says who contacted support in the latest period, of all clients", () => {
    // April: requests from clients a, b, a, c: 3 clients of 10, 4 requests.
    const ids = ["a", "b", "c", "a", "a", "b", "a", "c"];
    const requests = readTransactions({ customerIds: column(ids), dates: column(opened) }, utc);
    const figures = serviceFigures(response, resolution, "month", { requests, clients: 10 });
    expect(figures.contacts).toEqual({ period: "2024-04", clients: 3, requests: 4, share: 0.3, of: 10, jumped: 0 });
    expect(serviceFigures(response, resolution, "month", { requests, clients: null }).contacts?.share).toBeNull();
  });

  it("goes into the report with its note", () => {
    const layout = reportLayout({
      locale: "en",
      period: "month",
      generatedAt: new Date(0),
      sources: [],
      survey: surveyFigures(noAnswers()),
      customers: null,
      trend: [],
      alerts: [],
      comments: [],
      service: serviceFigures(response, resolution, "month"),
      notes: [],
    });
    const title = layout.values.findIndex((row) => row[0] === "Service");
    expect(layout.values[title + 2]?.slice(0, 7)).toEqual(["'2024-03", 4, 3, 2, expect.closeTo(2.8, 9), 2, 48]);
    expect(layout.values[title + 3]?.[6]).toBe("");
  });
});

describe("contract sheets and renewals", () => {
  it("finds the end-date and renewed columns in English and Russian, and nothing in other sheets", () => {
    const rows = [[1, at("2024-03-31T00:00"), true, "Pro"]];
    expect(detectContractColumns(["Client ID", "Contract end", "Renewed", "Plan"], rows, utc)).toEqual({
      contractEnd: 2,
      renewed: 3,
    });
    expect(detectContractColumns(["ID клиента", "Окончание договора", "Продлён", "Тариф"], rows, utc)).toEqual({
      contractEnd: 2,
      renewed: 3,
    });
    // "Spend" holds "end" but is no word "end", and its cells are not dates.
    const sales = detectContractColumns(["Client ID", "Spend", "Date"], [[1, 20, at("2024-03-31T00:00")]], utc);
    expect(isContractSheet(sales)).toBe(false);
  });

  it("gives renewals by the month they were due and the latest month with decided contracts (worked by hand)", () => {
    // January: renewed on the 25th (on time), TRUE, FALSE, blank past its end (lapsed): 2 of 4.
    // February: one renewed late. April: one still open (as of March 20th).
    const ends = ["2024-01-31", "2024-01-31", "2024-01-31", "2024-01-31", "2024-02-10", "2024-04-30"].map((d) =>
      at(`${d}T00:00`),
    );
    const renewed = [at("2024-01-25T00:00"), true, false, "", at("2024-02-20T00:00"), ""];
    const today = Math.floor(Date.parse("2024-03-20") / 86_400_000);
    const contracts = readContracts(column(ends), column(renewed), utc, today, 0, { ends: "ends", renewed: "renewed" });
    const figure = renewalsFigure(contracts, "month", today);
    expect(figure.periods.map((p) => [p.label, p.due, p.renewed, p.onTime, p.lapsed, p.open])).toEqual([
      ["2024-01", 4, 2, 2, 2, 0],
      ["2024-02", 1, 1, 0, 0, 0],
      ["2024-04", 1, 0, 0, 0, 1],
    ]);
    expect(figure.latest?.label).toBe("2024-02");
    expect(figure.total).toMatchObject({ due: 6, renewed: 3, lapsed: 2, open: 1, renewalRate: 0.6, onTimeRate: 0.4 });
    expect(figure.smallSample).toBe(true);
    // As of February 20th, February has not ended: the latest ended month is January.
    expect(renewalsFigure(contracts, "month", today - 29).latest?.label).toBe("2024-01");
  });
});
