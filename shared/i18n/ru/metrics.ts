import type { metricsEn } from "../en/metrics";

export const metricsRu: Record<keyof typeof metricsEn, string> = {
  "where.at": ", {cell}",
  "arg.notSingle": "{arg} должен быть одним значением, а не диапазоном",
  "arg.errorCell": "{arg}: в ячейке ошибка {value}; исправьте или очистите эту ячейку",
  "arg.notNumber": "{arg}: «{value}» не является числом",
  "arg.fraction": "{arg} должен быть долей от {min} до {max}, например 0,95 или 95%; получено {value}",
  "arg.tooSmall": "{arg} должен быть не меньше {min}; получено {value}",
  "arg.tooLarge": "{arg} должен быть не больше {max}; получено {value}",
  "arg.notAbove": "{arg} должен быть больше {min}; получено {value}",
  "arg.notBelow": "{arg} должен быть меньше {max}; получено {value}",
  "arg.notWhole": "{arg} должен быть целым числом; получено {value}",
  "arg.notDate":
    "{arg}: «{value}» не является датой; используйте ячейку с датой, СЕГОДНЯ() или текст вида 2024-03-01 или 01.03.2024",
  "arg.period":
    "{arg}: «{value}» не является периодом; используйте «week», «month», «quarter» или «year» (или «неделя», «месяц», «квартал», «год»)",
  "arg.scaleOrder": "scale_min ({min}) должен быть меньше scale_max ({max})",
  "input.shapeMismatch":
    "{arg} имеет размер {rows}×{columns}, а {other} — {otherRows}×{otherColumns}: выберите диапазоны одного размера или одно значение",
  "input.heightsDiffer":
    "в {arg} {rows} строк, а в {other} — {otherRows}: выберите диапазоны одинаковой высоты, по одному клиенту в строке",
  "value.notNumber": "{arg}{where}: «{value}» не является числом",
  "value.negative": "{arg}{where}: {value} — отрицательное число; ожидается 0 или больше",
  "value.negativeCount": "{arg}{where}: {value} — отрицательное число; число клиентов не может быть меньше 0",
  "value.notWholeCount": "{arg}{where}: {value} — не целое число клиентов",
  "value.notFraction": "{arg}{where}: {value} не является долей от 0 до 1; напишите 0,3 или 30%",
  "rate.noCustomersAtStart":
    "customers_at_start{where} равно 0: для доли нужен хотя бы один клиент на начало периода (деление на ноль)",
  "churn.lostOverStart": "customers_lost{where} ({lost}) больше, чем customers_at_start ({start})",
  "retention.newOverEnd": "new_customers{where} ({new}) больше, чем customers_at_end ({end})",
  "retention.keptOverStart":
    "customers_at_end − new_customers{where} ({kept}) больше, чем customers_at_start ({start}): удержано больше клиентов, чем было",
  "cac.noNewCustomers": "new_customers{where} равно 0: CAC не определён без новых клиентов (деление на ноль)",
  "nps.diffNoSpread":
    "изменение нельзя проверить: в каждом диапазоне ответы только одной группы, поэтому стандартная ошибка равна 0",
  "csi.weightBlank": "{arg}, {cell}: ячейка пуста; укажите вес для каждого фактора",
  "csi.weightNegative": "{arg}, {cell}: {value} — отрицательное число; веса должны быть не меньше 0",
  "csi.weightsShape":
    "{arg} должен быть одной строкой или одним столбцом весов, а диапазон имеет размер {rows}×{columns}",
  "csi.weightsCount":
    "в {arg} весов: {weights}, а столбцов факторов в ratings: {factors}; укажите по одному весу на столбец",
  "csi.weightsZero":
    "importance: сумма весов равна 0; задайте хотя бы одному фактору положительный вес (деление на ноль)",
  "csi.factorEmpty": "{arg}, столбец {column}: нет ни одной оценки, а у фактора есть вес",
  "churn.noRepeatPurchases":
    "ни один клиент не покупал в два разных дня, поэтому типичный интервал между покупками неизвестен: укажите inactive_days",
  "stage.noRepeatPurchases":
    "ни один клиент не покупал в два разных дня, поэтому типичный интервал между покупками неизвестен: укажите lapsed_days",
  "tx.nothingBeforeAsOf": "нет ни одной покупки на дату {arg} или раньше: выберите более позднюю дату",
  "abc.totalNotPositive":
    "amounts: общая выручка равна {total}; для долей выручки нужна положительная сумма (деление на ноль)",
  "abc.sharesOrder": "a_share ({a}) должен быть меньше b_share ({b})",
  "xyz.cvOrder": "x_cv ({x}) должен быть меньше y_cv ({y})",
  "cohort.tooManyPeriods":
    "данные охватывают периодов: {periods}, а в таблицу когорт помещается не больше {max}; выберите более длинный период",
  "survival.negativeDuration": "{arg}, {cell}: {value} — отрицательное число; длительность не может быть меньше 0",
  "survival.notFlag":
    "{arg}, {cell}: «{value}» не является ответом да/нет; используйте TRUE/FALSE (ИСТИНА/ЛОЖЬ), 1/0 или да/нет",
  "result.notFinite": "результат{where} слишком велик для расчёта; проверьте входные данные",
  "note.smallSample": "n = {n} меньше 100: оценка может сильно меняться случайно",
  "note.smallSampleDiff": "меньше 100 ответов (n = {before} до, {after} после): изменение может быть случайным",
  "note.inactiveDays":
    "потерян = нет покупок {days} дн. (по умолчанию: 9 из 10 повторных покупок в этих данных происходят раньше)",
};
