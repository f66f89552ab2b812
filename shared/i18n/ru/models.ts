import type { modelsEn } from "../en/models";

export const modelsRu: Record<keyof typeof modelsEn, string> = {
  "models.noCalibrationCustomers":
    "ни один клиент не сделал первую покупку до конца калибровочного периода {date}; выберите более позднюю дату конца калибровки",
  "models.spanTooLong": "история покупок охватывает {days} дн., больше, чем допускают модели (65 535)",
  "models.badWeight": "строка {row}: вес должен быть числом не меньше 0",
  "models.badHistory": "строка {row}: в истории должно быть x ≥ 0 и 0 ≤ tₓ ≤ T (tₓ > 0 при x > 0)",
  "models.tooFewCustomers": "клиентов всего {customers}: модели нужно хотя бы два клиента",
  "models.allOneTime":
    "все клиенты ({customers}) покупали только в один день: без повторных покупок нельзя оценить повторное поведение; возьмите данные за более долгий период",
  "models.identicalHistories":
    "у всех клиентов ({customers}) одинаковая история покупок, поэтому различия между клиентами оценить нельзя",
  "models.badPenalizer": "штраф регуляризации: {value} должно быть числом не меньше 0",
  "models.noFit": "модель не удалось подобрать к этим данным; проверьте даты и суммы",
  "models.badSpendRow": "строка {row}: модели расходов нужны x > 0 и средняя сумма больше 0",
  "models.tooFewSpenders":
    "клиентов с повторными покупками и положительной суммой всего {customers}: модели расходов нужно хотя бы два",
  "models.identicalSpend":
    "у всех клиентов с повторными покупками ({customers}) одинаковый средний чек: модель расходов оценить нельзя",
  "models.spendUndefined":
    "параметр q модели расходов равен {q}, не больше 1: средний чек не ограничен (несколько очень крупных сумм?); проверьте суммы на выбросы",
  "models.notConverged":
    "модель {model} не сошлась на этих данных (мало повторных покупателей или история, которую модель не описывает); посмотрите CLV_FIT или попробуйте другую модель",
  "models.unknownModel": "{arg}: «{value}» — не модель; используйте bgnbd, mbgnbd или pareto",
  "models.noHoldout":
    "конец калибровки {date} совпадает с последней датой покупки {last} или позже неё: не остаётся контрольного периода для сравнения",
  "models.calibrationBeforeData":
    "конец калибровки {date} раньше первой даты покупки {first}: выберите дату внутри данных",
  "analysis.csvHeader": "первая строка должна называть столбцы, например customer,date,amount (найдено «{found}»)",
  "analysis.csvFields": "строка {line}: ожидалось полей: {expected}, найдено: {found}",
  "analysis.csvCustomer": "строка {line}: пустой идентификатор клиента",
  "analysis.csvDate":
    "строка {line}: «{value}» не является датой; используйте yyyy-mm-dd или номер дня (дни с 1970-01-01)",
  "analysis.csvAmount": "строка {line}: «{value}» не является суммой; используйте обычное число, например 12.50",
  "analysis.csvQuote": "строка {line}: поле в кавычках не закрыто",
  "analysis.csvLineTooLong": "строка {line} длиннее {max} символов; одна транзакция на строку",
  "analysis.csvEmpty": "в теле запроса есть заголовок, но нет транзакций",
  "analysis.csvTooManyRows": "больше {max} транзакций в одном запросе; отправьте меньше строк",
  "segments.tooFewCustomers": "клиентов всего {customers}: для сегментов нужно хотя бы {min}",
  "segments.identical": "у всех клиентов одинаковые давность, частота и сумма покупок: сегментировать нечего",
  "segments.badK": "k: {value} должно быть целым числом от 2 до {max}",
  "segments.recency.recent": "Активные",
  "segments.recency.lapsing": "Остывающие",
  "segments.recency.lapsed": "Давно не покупали",
  "segments.frequency.frequent": "частые покупки",
  "segments.frequency.occasional": "редкие покупки",
  "segments.frequency.oneTime": "разовая покупка",
  "segments.spend.high": "высокий чек",
  "segments.spend.medium": "средний чек",
  "segments.spend.low": "низкий чек",
  "segments.label": "{recency}, {frequency}, {spend}",
  "segments.labelNoSpend": "{recency}, {frequency}",
};
