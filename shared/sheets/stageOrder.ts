import { labelKey } from "../cells/columns";
import { en } from "../i18n/messages.en";
import { ru } from "../i18n/messages.ru";
import { STAGES, type Stage } from "../metrics/stages";

/**
 * The order of a stage column's names when a person has not set one (Dashboard ▸ Columns ▸
 * Funnel): known only when every name is a step of one familiar funnel, in English or Russian.
 * Two vocabularies: a sales pipeline (lead → prospect → proposal → client → repeat → regular) and
 * CLIENT_STAGE's relationship stages (its codes and the client card's names). Names of clients who
 * left ("Lost", "Отказ", CLIENT_STAGE's dissolution) are outside the funnel, shown beside it.
 * Anything else (two names for one step, a name no step knows) leaves the order to the person.
 */

type Step = RegExp;

const SALES: readonly Step[] = [
  /^(?:new\s*)?(?:lead|leads|inquiry|enquiry|subscriber|contact)$|^(?:новый\s*)?(?:лид|лиды|заявка|обращение|подписчик|контакт)$/i,
  /^(?:prospect|qualified(?:\s*lead)?|mql|sql|opportunity|interested|demo)$|^(?:потенциальный(?:\s*клиент)?|квалифицирован\S*|интерес|заинтересован\S*|демо)$/i,
  /^(?:proposal|quote|offer|negotiation|negotiating|trial)$|^(?:предложение|кп|коммерческое\s*предложение|переговоры|пробный\s*период|тест)$/i,
  /^(?:customer|client|won|first\s*purchase|buyer|paying)$|^(?:клиент|покупатель|первая\s*покупка|сделка|оплатил|купил)$/i,
  /^(?:repeat(?:\s*(?:customer|client|buyer|purchase))?|returning(?:\s*(?:customer|client))?)$|^(?:повторн\S*(?:\s*(?:клиент|покупатель|покупка))?|вернувш\S*)$/i,
  /^(?:regular(?:\s*(?:customer|client))?|loyal|advocate|vip|champion)$|^(?:постоянн\S*(?:\s*(?:клиент|покупатель))?|лояльн\S*|амбассадор|vip)$/i,
];

/** A step matching any of `names` exactly, whatever the case. */
const oneOf = (names: readonly string[]): Step =>
  new RegExp(`^(?:${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`, "i");

/** CLIENT_STAGE's names for a stage: its code and the client card's English and Russian names. */
const stageNames = (stage: Stage): string[] => [stage, en[`ui.card.stage.${stage}`], ru[`ui.card.stage.${stage}`]];

/** CLIENT_STAGE's stages in funnel order; dissolution is the way out, not a step. */
const RELATIONSHIP: readonly Step[] = STAGES.filter((stage) => stage !== "dissolution").map((stage) =>
  oneOf(stageNames(stage)),
);

const LEFT_WORDS =
  /^(?:lost|churned|dropped|disqualified|rejected|closed\s*lost|inactive|left)$|^(?:отказ|потерян\S*|ушел|ушёл|ушедш\S*|отток|закрыт\S*\s*неуспешно|неактивн\S*)$/i;
const LEFT_STAGE = oneOf(stageNames("dissolution"));
/** A stage of clients who left ("Lost", "Отказ", CLIENT_STAGE's dissolution): outside the funnel. */
export const isLeftStage = (name: string): boolean => LEFT_WORDS.test(name.trim()) || LEFT_STAGE.test(name.trim());

export interface StageOrderGuess {
  /** The names found, in funnel order. */
  readonly order: string[];
  /** Names of clients who left, outside the funnel. */
  readonly left: string[];
}

/** The funnel order of `names` (distinct, as written) by a familiar vocabulary, or null when none fits. */
export function guessStageOrder(names: readonly string[]): StageOrderGuess | null {
  for (const steps of [SALES, RELATIONSHIP]) {
    const placed = new Map<number, string>();
    const left: string[] = [];
    let fits = true;
    for (const name of names) {
      const text = name.trim();
      const step = steps.findIndex((re) => re.test(text));
      if (step >= 0 && !placed.has(step)) placed.set(step, name);
      else if (step < 0 && isLeftStage(text)) left.push(name);
      else {
        fits = false;
        break;
      }
    }
    if (fits && placed.size >= 2) {
      const order = [...placed.entries()].sort((a, b) => a[0] - b[0]).map(([, name]) => name);
      return { order, left };
    }
  }
  return null;
}

/**
 * A stage order as a person typed it: one per line (a name may then hold commas), or on one line
 * separated by commas, semicolons or arrows; names trimmed, blanks and repeats (by labelKey) left out.
 */
export function parseStageOrder(text: string): string[] {
  return distinctNames(/\r?\n/.test(text.trim()) ? text.split(/\r?\n/) : text.split(/[,;]|→|->|>/));
}

/** Names trimmed, in order, without blanks and repeats (by labelKey). */
function distinctNames(parts: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const name = part.trim();
    if (!name || seen.has(labelKey(name))) continue;
    seen.add(labelKey(name));
    out.push(name);
  }
  return out;
}

/**
 * The funnel order of a stage column's dropdown list (its data validation, in the order a person
 * listed the stages), without the stages of clients who left; null with fewer than two stages.
 */
export function dropdownStageOrder(values: readonly string[]): string[] | null {
  const order = distinctNames(values).filter((name) => !isLeftStage(name));
  return order.length >= 2 ? order : null;
}
