import { describe, expect, it } from "vitest";
import { funnelFigure } from "../../../shared/dashboard/funnel";
import type { RapportError } from "../../../shared/errors";

const origin = { row: 2, column: 3 };

function column(...stages: string[]): string[][] {
  return stages.map((stage) => [stage]);
}

describe("the Dashboard's funnel", () => {
  it("counts a recognised pipeline, with the clients who left beside it, worked by hand", () => {
    // 4 leads, 3 customers, 2 regulars, 1 lost: reached = 9 leads, 5 customers, 2 regulars.
    const cells = column(
      ...["Lead", "Lead", "Lead", "Lead", "Customer", "Customer", "Customer", "Regular", "Regular", "Lost", ""],
    );
    const skipped: RapportError[] = [];
    const figure = funnelFigure(cells, null, "Clients · Stage", origin, (e) => skipped.push(e));
    expect(figure.order).toEqual(["Lead", "Customer", "Regular"]);
    expect(figure.orderSet).toBe(false);
    expect(figure.funnel?.steps.map((s) => [s.reached, s.conversion, s.lost])).toEqual([
      [9, null, 0],
      [5, 5 / 9, 4],
      [2, 2 / 5, 3],
    ]);
    // 2 of 5 is the lowest conversion.
    expect(figure.funnel?.weakest).toBe(2);
    expect(figure.clients).toBe(9);
    expect(figure.outside).toEqual([{ name: "Lost", clients: 1 }]);
    expect(figure.found.map((s) => [s.name, s.clients])).toEqual([
      ["Lead", 4],
      ["Customer", 3],
      ["Regular", 2],
      ["Lost", 1],
    ]);
    expect(figure.smallSample).toBe(true);
    expect(skipped).toEqual([]);
  });

  it("uses the order a person set and counts the stages outside it, most first", () => {
    const cells = column("Trial", "Paid", "Trial", "Paused", "Trial", "Churned", "Paused", "Signed up");
    const figure = funnelFigure(cells, ["Signed up", "Trial", "Paid"], "Stage", origin, () => {});
    expect(figure.orderSet).toBe(true);
    expect(figure.funnel?.steps.map((s) => s.reached)).toEqual([5, 4, 1]);
    expect(figure.outside).toEqual([
      { name: "Paused", clients: 2 },
      { name: "Churned", clients: 1 },
    ]);
  });

  it("names no weakest step when there is only one step", () => {
    const figure = funnelFigure(column("Lead", "Customer", "Lead"), ["Lead", "Customer"], "Stage", origin, () => {});
    expect(figure.funnel?.steps.map((s) => s.conversion)).toEqual([null, 1 / 3]);
    expect(figure.funnel?.weakest).toBeNull();
  });

  it("has no funnel but every stage found when the names give no order", () => {
    const figure = funnelFigure(column("Alpha", "Beta", "alpha "), null, "Stage", origin, () => {});
    expect(figure.funnel).toBeNull();
    expect(figure.order).toEqual([]);
    expect(figure.found).toEqual([
      { name: "Alpha", clients: 2 },
      { name: "Beta", clients: 1 },
    ]);
  });

  it("leaves out an error cell once, naming it in the sheet", () => {
    const skipped: RapportError[] = [];
    const figure = funnelFigure(column("Lead", "#N/A", "Customer"), null, "Stage", origin, (e) => skipped.push(e));
    expect(figure.funnel?.steps.map((s) => s.reached)).toEqual([2, 1]);
    expect(skipped.map((e) => [e.key, e.params.cell])).toEqual([
      ["input.errorCell", { key: "cell.a1", params: { cell: "C3" } }],
    ]);
  });
});
