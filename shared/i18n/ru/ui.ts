import type { uiEn } from "../en/ui";

export const uiRu: Record<keyof typeof uiEn, string> = {
  "ui.menu.nps": "NPS выделенного диапазона",
  "ui.menu.help": "Справка",
  "ui.nps.title": "Индекс потребительской лояльности (NPS)",
  "ui.nps.intro": "Выделите на листе ячейки с оценками от 0 до 10 и нажмите «Рассчитать».",
  "ui.nps.calculate": "Рассчитать",
  "ui.nps.source": "Откуда брать оценки",
  "ui.nps.source.selection": "Выделенные ячейки",
  "ui.nps.source.selectionNone": "Выделенные ячейки (пока ничего не выделено)",
  "ui.nps.source.column": "Столбец этого листа",
  "ui.nps.column": "Столбец",
  "ui.nps.share": "{count} · {share}",
  "ui.nps.working": "Считаем…",
  "ui.nps.range": "Диапазон {range}",
  "ui.nps.answers": "Ответов: {n}",
  "ui.nps.promoters": "Промоутеры (9–10)",
  "ui.nps.passives": "Нейтралы (7–8)",
  "ui.nps.detractors": "Критики (0–6)",
  "ui.nps.smallSample": "Меньше 100 ответов: значение может сильно меняться случайно.",
  "ui.nps.noSelection": "Сначала выделите на листе диапазон с оценками.",
  "ui.error.generic": "Что-то пошло не так: {message}",
  "ui.help.title": "Справка Rapport",
  "ui.help.body":
    "Введите в ячейку =NPS(B2:B500), чтобы получить NPS столбца оценок от 0 до 10. Пустые ячейки пропускаются.",
};
