import { RapportError } from "../errors";
import { bgnbd } from "./bgnbd";
import { mbgnbd } from "./mbgnbd";
import { paretoNbd } from "./paretoNbd";
import type { PurchaseModel, PurchaseModelName } from "./purchaseModel";

export const PURCHASE_MODELS: Readonly<Record<PurchaseModelName, PurchaseModel>> = {
  bgnbd,
  mbgnbd,
  pareto: paretoNbd,
};

export const PURCHASE_MODEL_NAMES: readonly PurchaseModelName[] = ["bgnbd", "mbgnbd", "pareto"];

/**
 * A model by the name a person typed: case, spaces, "/", "-" and "_" do not matter, so
 * "BG/NBD", "bg-nbd" and "bgnbd" are the same; "pareto/nbd" and "paretonbd" mean "pareto".
 */
export function purchaseModelNamed(text: string, arg = "model"): PurchaseModel {
  const key = text.toLowerCase().replace(/[\s/_-]+/g, "");
  const name = key === "paretonbd" ? "pareto" : key;
  const model = (PURCHASE_MODELS as Record<string, PurchaseModel | undefined>)[name];
  if (!model) throw new RapportError("models.unknownModel", { arg, value: text });
  return model;
}
