import type { sheetsEn } from "../en/sheets";

export const sheetsRu: Record<keyof typeof sheetsEn, string> = {
  "sheet.responses.responseId": "ID ответа",
  "sheet.responses.surveyId": "ID опроса",
  "sheet.responses.surveyTitle": "Опрос",
  "sheet.responses.surveyType": "Тип",
  "sheet.responses.clientId": "ID клиента",
  "sheet.responses.score": "Оценка",
  "sheet.responses.comment": "Комментарий",
  "sheet.responses.language": "Язык",
  "sheet.responses.finished": "Завершён",
  "sheet.responses.flags": "Отметки",
  "sheet.responses.createdAt": "Дата ответа",
  "sheet.responses.updatedAt": "Изменён",
  "sheet.responses.followedUp": "Связались",
  "sheet.responses.factor": "Фактор: {label} [{id}]",
};
