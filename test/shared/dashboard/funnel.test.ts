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
    const figure = funnelFigure(cells, null, null, "Clients · Stage", origin, (e) => skipped.push(e));
    expect(figure.order).toEqual(["Lead", "Customer", "Regular"]);
    expect(figure.orderFrom).toBe("names");
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
    const figure = funnelFigure(cells, ["Signed up", "Trial", "Paid"], null, "Stage", origin, () => {});
    expect(figure.orderFrom).toBe("set");
    expect(figure.funnel?.steps.map((s) => s.reached)).toEqual([5, 4, 1]);
    expect(figure.outside).toEqual([
      { name: "Paused", clients: 2 },
      { name: "Churned", clients: 1 },
    ]);
  });

  it("takes the order of the column's dropdown list, leaving its lost stage outside, before the names", () => {
    // The names alone give no order ("Signed up" is not a familiar step); the dropdown does.
    const cells = column("Trial", "Signed up", "Lost", "Paid", "Trial");
    const dropdown = ["Signed up", "Trial", "Paid", "Lost", ""];
    const figure = funnelFigure(cells, null, dropdown, "Stage", origin, () => {});
    expect(figure.orderFrom).toBe("dropdown");
    expect(figure.order).toEqual(["Signed up", "Trial", "Paid"]);
    expect(figure.funnel?.steps.map((s) => s.reached)).toEqual([4, 3, 1]);
    expect(figure.outside).toEqual([{ name: "Lost", clients: 1 }]);
    // A person's order wins over the dropdown.
    expect(funnelFigure(cells, ["Trial", "Paid"], dropdown, "Stage", origin, () => {}).orderFrom).toBe("set");
    // A dropdown of one stage says nothing of an order: the names are tried.
    const one = funnelFigure(column("Lead", "Customer"), null, ["Lead"], "Stage", origin, () => {});
    expect(one.orderFrom).toBe("names");
  });

  it("names no weakest step when there is only one step", () => {
    const figure = funnelFigure(
      column("Lead", "Customer", "Lead"),
      ["Lead", "Customer"],
      null,
      "Stage",
      origin,
      () => {},
    );
    expect(figure.funnel?.steps.map((s) => s.conversion)).toEqual([null, 1 / 3]);
    expect(figure.funnel?.weakest).toBeNull();
  });

  it("has no funnel but every stage found when the names give no order", () => {
    const figure = funnelFigure(column("Alpha", "Beta", "alpha "), null, null, "Stage", origin, () => {});
    expect(figure.funnel).toBeNull();
    expect(figure.order).toEqual([]);
    expect(figure.found).toEqual([
      { name: "Alpha", clients: 2 },
      { name: "Beta", clients: 1 },
    ]);
  });

  it("leaves out an error cell once, naming it in the sheet", () => {
    const skipped: RapportError[] = [];
    const figure = funnelFigure(column("Lead", "#N/A", "Customer"), null, null, "Stage", origin, (e) =>
      skipped.push(e),
    );
    expect(figure.funnel?.steps.map((s) => s.reached)).toEqual([2, 1]);
    expect(skipped.map((e) => [e.key, e.params.cell])).toEqual([
      ["input.errorCell", { key: "cell.a1", params: { cell: "C3" } }],
    ]);
  });
});
