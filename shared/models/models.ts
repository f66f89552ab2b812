import { scalarCell } from "../cells/arguments";
import type { Range } from "../cells/values";
import { RapportError } from "../errors";
import { bgnbd, mbgnbd } from "./bgFamily";
import { paretoNbd } from "./paretoNbd";
import type { PurchaseModel, PurchaseModelName } from "./purchaseModel";

export const PURCHASE_MODELS: Readonly<Record<PurchaseModelName, PurchaseModel>> = {
  bgnbd,
  mbgnbd,
  pareto: paretoNbd,
};

export const PURCHASE_MODEL_NAMES: readonly PurchaseModelName[] = ["bgnbd", "mbgnbd", "pareto"];

const isModelName = (name: string): name is PurchaseModelName =>
  (PURCHASE_MODEL_NAMES as readonly string[]).includes(name);

/**
 * A model by the name a person typed: case, spaces, "/", "-" and "_" do not matter, so
 * "BG/NBD", "bg-nbd" and "bgnbd" are the same; "pareto/nbd" and "paretonbd" mean "pareto".
 */
export function purchaseModelNamed(text: string, arg = "model"): PurchaseModel {
  const key = text.toLowerCase().replace(/[\s/_-]+/g, "");
  const name = key === "paretonbd" ? "pareto" : key;
  // Checked against the list, not looked up in the object: "constructor" must find nothing.
  if (!isModelName(name)) throw new RapportError("models.unknownModel", { arg, value: text });
  return PURCHASE_MODELS[name];
}

/** The purchase model argument of a formula ("bgnbd" when omitted or blank). */
export function purchaseModelArg(value: Range | undefined, arg = "model"): PurchaseModel {
  const cell = scalarCell(value, arg);
  return cell === undefined ? bgnbd : purchaseModelNamed(String(cell).trim(), arg);
}
