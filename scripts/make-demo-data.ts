/**
 * Regenerates the committed demo data from ../shared/data/CDNOW_master.txt:
 *   addon/preview/demo/cdnow-extract.txt  every 78th CDNOW customer with all their transactions (raw format)
 *   addon/preview/demo/clients.csv        those customers as a client list with names, e-mails and NPS scores
 * Deterministic: the same input always gives the same files. Run: npx tsx scripts/make-demo-data.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { seededRandom } from "../shared/random";
import { CDNOW_EXTRACT_PATH, CDNOW_FULL_PATH, hasFullCdnow, parseCdnow } from "./lib/cdnow";

const EVERY = 78;
const CLIENTS_PATH = fileURLToPath(new URL("../addon/preview/demo/clients.csv", import.meta.url));

if (!hasFullCdnow()) {
  console.error(`${CDNOW_FULL_PATH} not found: the full data set lives beside the project, in ../shared/data.`);
  process.exit(1);
}

const text = readFileSync(CDNOW_FULL_PATH, "utf8");
const lines = text.split(/\r?\n/);
const header = lines[0] as string;
const kept = lines.slice(1).filter((line) => {
  const id = Number(line.trim().split(/\s+/)[0]);
  return Number.isFinite(id) && id > 0 && (id - 1) % EVERY === 0;
});
writeFileSync(CDNOW_EXTRACT_PATH, `${[header, ...kept].join("\n")}\n`);

// Seeded, so that names and scores never change between runs.
const random = seededRandom(20261122);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const FIRST = [
  "Anna",
  "Boris",
  "Chloe",
  "Dmitry",
  "Elena",
  "Frank",
  "Grace",
  "Hiro",
  "Irina",
  "James",
  "Katya",
  "Liam",
  "Maria",
  "Nikolai",
  "Olga",
  "Pavel",
  "Quinn",
  "Rosa",
  "Sergey",
  "Tanya",
  "Umar",
  "Vera",
  "Wendy",
  "Yuri",
  "Zoe",
];
const LAST = [
  "Ivanova",
  "Smith",
  "Petrov",
  "Garcia",
  "Kuznetsov",
  "Brown",
  "Sokolova",
  "Chen",
  "Popov",
  "Martin",
  "Volkova",
  "Novak",
  "Lebedev",
  "Taylor",
  "Morozova",
  "Silva",
];

const rows = parseCdnow(kept.join("\n"));
const byCustomer = new Map<string, { first: string; orders: number }>();
for (const row of rows) {
  const c = byCustomer.get(row.customerId);
  if (!c) byCustomer.set(row.customerId, { first: row.date, orders: 1 });
  else c.orders++;
}

const PRAISE = [
  "Fast delivery and a great selection",
  "Always find what I look for",
  "Отличный выбор и быстрая доставка",
  "Friendly support; would recommend",
];
const NEUTRAL = ["Fine but prices went up", "Good; delivery could be faster", "Нормально; но доставка долгая"];
const COMPLAINTS = [
  "Order arrived late twice",
  "Hard to reach support",
  "Не пришёл заказ; деньги вернули через месяц",
  "Website is confusing",
];
// Answers spread over the last 12 months of the data, so trends by month and quarter have points.
const SURVEY_FIRST = Date.UTC(1997, 6, 1);
const SURVEY_DAYS = 365;

const out = ["client_id,name,email,first_purchase,nps_score,survey_date,comment"];
for (const [id, c] of [...byCustomer].sort((a, b) => Number(a[0]) - Number(b[0]))) {
  const first = pick(FIRST);
  const last = pick(LAST);
  const email = `${first}.${last}.${id}@example.com`.toLowerCase();
  // About 80% answered; repeat buyers lean towards higher scores, as in real relationship data.
  let score = "";
  let surveyDate = "";
  let comment = "";
  if (random() < 0.8) {
    const lean = Math.min(3, c.orders - 1) * 0.6;
    const value = Math.max(0, Math.min(10, Math.round(7.2 + lean + (random() + random() + random() - 1.5) * 4)));
    score = String(value);
    surveyDate = new Date(SURVEY_FIRST + Math.floor(random() * SURVEY_DAYS) * 86_400_000).toISOString().slice(0, 10);
    if (random() < 0.35) comment = pick(value >= 9 ? PRAISE : value >= 7 ? NEUTRAL : COMPLAINTS);
  }
  if (comment.includes(",")) throw new Error(`demo comments must not contain commas: ${comment}`);
  out.push([id, `${first} ${last}`, email, c.first, score, surveyDate, comment].join(","));
}
writeFileSync(CLIENTS_PATH, `${out.join("\n")}\n`);
console.log(`wrote ${kept.length} transactions and ${byCustomer.size} clients`);
