import type { CellOrigin, Range } from "../cells/values";
import type { RapportError } from "../errors";
import { type Funnel, funnelOfCounts, reachedByStage, type StageClients, tallyStages } from "../metrics/funnel";
import { zForConfidence } from "../metrics/normal";
import { isSmallSample } from "../metrics/survey";
import { dropdownStageOrder, guessStageOrder } from "../sheets/stageOrder";

/**
 * The Dashboard's funnel (docs/dashboard.md, "Funnel"): a stage column of the client list counted
 * as FUNNEL counts it (a client at a stage reached every stage before it), with 95 % Wilson
 * intervals and the weakest step. The order is the one a person set, else the column's dropdown
 * list, else one recognised from familiar stage names (stageOrder.ts); without any the panel lists
 * the stages and asks.
 * Clients at a stage outside the order ("Lost") are counted beside the funnel.
 */
/** Where the order of the stages came from. */
export type StageOrderSource = "set" | "dropdown" | "names";

export interface FunnelFigure {
  /** The stages in funnel order; empty when the order is not known. */
  readonly order: string[];
  /** Null when the order is not known. */
  readonly orderFrom: StageOrderSource | null;
  /** Every stage name found, in order of first appearance, with its clients (to set an order from). */
  readonly found: StageClients[];
  /** The funnel, or null without an order of two or more stages found in the column. */
  readonly funnel: Funnel | null;
  /** Clients at a stage of the funnel (those at the first stage or further). */
  readonly clients: number;
  /** Clients at stages outside the order, most first. */
  readonly outside: StageClients[];
  /** Fewer than 100 clients in the funnel. */
  readonly smallSample: boolean;
}

const Z95 = zForConfidence(0.95);

export function funnelFigure(
  cells: Range,
  setOrder: readonly string[] | null,
  /** The values of the column's dropdown list, or null without one. */
  dropdown: readonly string[] | null,
  arg: string,
  origin: CellOrigin,
  skip: (error: RapportError) => void,
): FunnelFigure {
  // One pass over the column: every name with its clients, then counted in whichever order applies.
  const tally = tallyStages(cells, arg, 0, { skip, origin });
  const found = [...tally.stages.values()].map(({ name, clients }) => ({ name, clients }));
  const listed = setOrder ? null : dropdown && dropdownStageOrder(dropdown);
  const guess = setOrder || listed ? null : guessStageOrder(found.map((stage) => stage.name));
  const [order, orderFrom]: [string[], StageOrderSource | null] = setOrder
    ? [[...setOrder], "set"]
    : listed
      ? [listed, "dropdown"]
      : guess
        ? [guess.order, "names"]
        : [[], null];
  if (order.length < 2) {
    return { order, orderFrom: null, found, funnel: null, clients: 0, outside: [], smallSample: false };
  }
  const { reached: counts, outside } = reachedByStage(tally, order);
  const clients = counts[0] as number;
  const funnel = funnelOfCounts(order, counts, Z95, arg);
  return {
    order,
    orderFrom,
    found,
    // With one step there is nothing to compare it with: no step is the weakest.
    funnel: funnel.steps.length >= 3 ? funnel : { ...funnel, weakest: null },
    clients,
    outside: outside.sort((a, b) => b.clients - a.clients),
    smallSample: isSmallSample(clients),
  };
}
