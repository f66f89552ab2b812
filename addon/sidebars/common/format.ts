import { locale } from "./i18n";

const tag = () => (locale === "ru" ? "ru-RU" : "en-US");

/** A whole count with the user's grouping: "1,234" or "1 234". */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(tag(), { maximumFractionDigits: 0 }).format(value);
}

/** An amount of money without a currency (the sheet's amounts have none): two decimals. */
export function formatMoney(value: number): string {
  return new Intl.NumberFormat(tag(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A yyyy-mm-dd day as the user writes dates ("Mar 1, 2024", "1 мар. 2024 г."). */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(tag(), { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
