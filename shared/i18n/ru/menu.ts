import type { menuEn } from "../en/menu";

export const menuRu: Record<keyof typeof menuEn, string> = {
  "ui.menu.dashboard": "Панель показателей",
  "ui.menu.surveys": "Опросы",
  "ui.menu.segments": "Сегменты",
  "ui.menu.clientCard": "Карточка клиента",
};
