import type { outreachEn } from "../en/outreach";

export const outreachRu: Record<keyof typeof outreachEn, string> = {
  "outreach.where.subject": "Тема",
  "outreach.where.body": "Текст письма",
  "outreach.noSubject": "Напишите тему письма.",
  "outreach.noBody": "Напишите текст письма.",
  "outreach.emptyPlaceholder": "{where}: между фигурными скобками не указан столбец.",
  "outreach.unknownPlaceholder":
    "{where}: в списке клиентов нет столбца «{name}». Укажите заголовок так, как он написан в строке 1.",
  "outreach.bodyTooLarge":
    "Письмо занимает {size} байт, а дополнение может отправить не больше {max} байт в одном письме. Сократите текст.",
  "outreach.email.answer": "Ответить на опрос",
  "outreach.email.why": "Вы получили это письмо как наш клиент.",
  "outreach.email.unsubscribe": "Отписаться",
  "outreach.page.confirmTitle": "Отписаться от этих писем?",
  "outreach.page.confirmBody": "Нажмите кнопку, и эта команда больше не будет вам писать: ни опросов, ни других писем.",
  "outreach.page.confirmButton": "Отписаться",
  "outreach.page.doneTitle": "Вы отписаны",
  "outreach.page.doneBody": "Эта команда больше не будет вам писать. Страницу можно закрыть.",
  "outreach.page.footer": "Ваш выбор увидит только команда, которая вам написала.",
  "outreach.noEmailColumn":
    "В списке клиентов ({sheet}) нет столбца с почтой. Назовите столбец «Почта» (или Email) или выберите его в Панели показателей › Столбцы.",
  "outreach.surveyNotOpen":
    "Опрос «{title}» закрыт или набрал ответы: откройте его снова, прежде чем приглашать клиентов.",
  "outreach.notSentStopped": "не отправлено: запуск остановился раньше",
  "outreach.progressDone": "Отправлено {sent}, с ошибкой {failed}. Приглашены все выбранные клиенты.",
  "outreach.progressMore":
    "Отправлено {sent}, с ошибкой {failed}; осталось {waiting}. Сегодня можно отправить ещё {quota}.",
  "outreach.skip.noClientId": "нет идентификатора клиента",
  "outreach.skip.noEmail": "нет адреса почты",
  "outreach.skip.badEmail": "это не адрес почты",
  "outreach.skip.sameEmail": "тот же адрес, что в строке {row}",
  "outreach.skip.optedOut": "отписался",
  "outreach.skip.invited": "уже приглашён",
  "outreach.skip.notInSegment": "не входит в выбранную группу",
};
