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
  "ui.settings.enrolled": "Подключена {date} как рабочее пространство {workspaceId}.",
  "ui.settings.enrollmentKey": "Ключ подключения",
  "ui.settings.enrollmentKeyHint": "Спросите у владельца Worker. Ключ используется один раз и не сохраняется.",
  "ui.settings.enroll": "Подключить эту таблицу",
  "ui.settings.enrolling": "Подключаем…",
  "ui.settings.enrolledNow": "Подключено. Токен рабочего пространства хранится в свойствах этой таблицы.",
  "ui.settings.forget": "Отключить таблицу",
  "ui.settings.forgotten":
    "Таблица отключена. Рабочее пространство {workspaceId} хранит её опросы и ответы: переподключиться можно в любой момент с ключом подключения.",
  "ui.settings.notEnrolledBefore":
    "Таблица не подключена. Она работала с пространством {workspaceId}: переподключите её, чтобы вернуть опросы и ответы.",
  "ui.settings.connectTo": "Подключить к",
  "ui.settings.targetExisting": "существующему пространству: с его опросами и ответами",
  "ui.settings.targetNew": "новому пустому пространству",
  "ui.settings.workspaceId": "ID рабочего пространства",
  "ui.settings.workspaceIdHint":
    "Его показывают Настройки таблицы, которая им пользовалась (копия таблицы подключается с ID оригинала).",
  "ui.settings.workspaceIdRequired": "Введите ID рабочего пространства или выберите новое пространство.",
  "ui.settings.reconnect": "Переподключить",
  "ui.settings.moveToNew": "Перейти в новое пространство",
  "ui.settings.reconnected": "Переподключено: опросы, ссылки и ответы пространства снова здесь.",
  "ui.settings.cancel": "Отмена",
  "ui.settings.confirmForget":
    "Таблица перестанет обращаться к пространству {workspaceId}: загрузка ответов, рассылки и расписания здесь остановятся. Ничего не удаляется: опросы и ответы остаются на Worker, переподключиться можно с ключом подключения и этим ID.",
  "ui.settings.confirmLeave":
    "Таблица уйдёт из пространства {workspaceId}: его опросы перестанут загружаться сюда, а ссылки, уже стоящие в таблице, больше не будут синхронизироваться отсюда. Ничего не удаляется: переподключиться можно позже с ключом подключения и ID {workspaceId}.",
  "ui.settings.test": "Проверить соединение",
  "ui.settings.testing": "Проверяем…",
  "ui.settings.testOk": "Соединение есть: Worker {version}, рабочее пространство {workspaceId}.",
  "ui.settings.testOkNotEnrolled":
    "Worker {version} отвечает. Подключите таблицу, чтобы пользоваться опросами и анализом.",
  "ui.settings.badWorkspaceId":
    "«{id}» — не ID рабочего пространства: он выглядит как 0f8c2a4e-1b7d-4c3a-9e5f-2d6b8a1c4e7f (его показывают Настройки таблицы, которая им пользовалась).",
  "ui.settings.noSuchWorkspace":
    "На этом Worker нет рабочего пространства {id}. Проверьте ID в Настройках таблицы, которая им пользовалась, и адрес Worker.",
  "ui.settings.keyRequired": "Введите ключ подключения.",

  "worker.invalidUrl": "Адрес Worker «{url}» неверен: укажите адрес вида https://rapport.example.workers.dev/",
  "worker.notAllowed":
    "Дополнению разрешено обращаться только к {allowed}. Укажите этот адрес в настройках или пересоберите дополнение с RAPPORT_WORKER_URL вашего Worker.",
  "worker.requestTooLarge":
    "Это {mb} МБ для отправки на Worker — больше 50 МБ, которые может передать один запрос Apps Script. Возьмите меньше строк (например, за последние несколько лет) и попробуйте снова.",
  "worker.unreachable":
    "Не удалось связаться с Rapport Worker по адресу {url}. Проверьте адрес в настройках и повторите.",
  "worker.timeout":
    "Rapport Worker по адресу {url} не ответил за минуту: адрес верный, но Worker занят или завис. Ничего не изменено; попробуйте через несколько минут, а если это повторяется, посмотрите журналы Worker.",
  "worker.notEnrolled": "Эта таблица ещё не подключена: откройте Rapport › Настройки и подключите её.",
  "worker.tokenRejected":
    "Worker больше не принимает токен этой таблицы. Переподключите её к её рабочему пространству в Rapport › Настройки (ключ подключения и ID пространства): опросы и ответы сохранятся.",
  "worker.enrollmentKeyRejected": "Worker отклонил ключ подключения. Уточните его у владельца Worker.",
  "worker.enrollmentDisabled": "Подключение на этом Worker выключено: владелец не задал ENROLLMENT_KEY.",
  "worker.rateLimited": "Worker перегружен (слишком много запросов). Подождите минуту и повторите.",
  "worker.failed": "Worker ответил {status} ({code}): {message}",
  "worker.badResponse": "Worker по адресу {url} прислал непонятный ответ. Это Rapport Worker совместимой версии?",
};
