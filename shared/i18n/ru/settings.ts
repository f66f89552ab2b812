import type { settingsEn } from "../en/settings";

export const settingsRu: Record<keyof typeof settingsEn, string> = {
  "ui.menu.settings": "Настройки",
  "ui.settings.title": "Настройки Rapport",
  "ui.settings.workerUrl": "Адрес Worker",
  "ui.settings.workerUrlHint": "Адрес вашего Rapport Worker, например https://rapport.example.workers.dev/",
  "ui.settings.saveUrl": "Сохранить адрес",
  "ui.settings.urlSaved": "Адрес Worker сохранён.",
  "ui.settings.enrollment": "Подключение",
  "ui.settings.notEnrolled": "Эта таблица ещё не подключена.",
  "ui.settings.enrolled": "Подключена как рабочее пространство {workspaceId} {date}.",
  "ui.settings.enrollmentKey": "Ключ подключения",
  "ui.settings.enrollmentKeyHint": "Спросите у владельца Worker. Ключ используется один раз и не сохраняется.",
  "ui.settings.enroll": "Подключить эту таблицу",
  "ui.settings.reenroll": "Подключить заново",
  "ui.settings.enrolling": "Подключаем…",
  "ui.settings.enrolledNow": "Подключено. Токен рабочего пространства хранится в свойствах этой таблицы.",
  "ui.settings.forget": "Отключить таблицу",
  "ui.settings.forgotten": "Подключение удалено из этой таблицы.",
  "ui.settings.test": "Проверить соединение",
  "ui.settings.testing": "Проверяем…",
  "ui.settings.testOk": "Соединение есть: Worker {version}, рабочее пространство {workspaceId}.",
  "ui.settings.testOkNotEnrolled":
    "Worker {version} отвечает. Подключите таблицу, чтобы пользоваться опросами и анализом.",
  "ui.settings.keyRequired": "Введите ключ подключения.",

  "worker.invalidUrl": "Адрес Worker «{url}» неверен: укажите адрес вида https://rapport.example.workers.dev/",
  "worker.notAllowed":
    "Дополнению разрешено обращаться только к {allowed}. Укажите этот адрес в настройках или пересоберите дополнение с RAPPORT_WORKER_URL вашего Worker.",
  "worker.unreachable":
    "Не удалось связаться с Rapport Worker по адресу {url}. Проверьте адрес в настройках и повторите.",
  "worker.notEnrolled": "Эта таблица ещё не подключена: откройте Rapport › Настройки и подключите её.",
  "worker.tokenRejected": "Worker больше не принимает токен этой таблицы. Подключите её заново в Rapport › Настройки.",
  "worker.enrollmentKeyRejected": "Worker отклонил ключ подключения. Уточните его у владельца Worker.",
  "worker.enrollmentDisabled": "Подключение на этом Worker выключено: владелец не задал ENROLLMENT_KEY.",
  "worker.rateLimited": "Worker перегружен (слишком много запросов). Подождите минуту и повторите.",
  "worker.failed": "Worker ответил {status} ({code}): {message}",
  "worker.badResponse": "Worker по адресу {url} прислал непонятный ответ. Это Rapport Worker совместимой версии?",
};
