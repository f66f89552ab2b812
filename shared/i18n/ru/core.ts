import type { coreEn } from "../en/core";

export const coreRu: Record<keyof typeof coreEn, string> = {
  "cell.row": "строка {row}",
  "cell.rowColumn": "строка {row}, столбец {column}",
  "cell.a1": "ячейка {cell}",
  "arg.name": "{name}",
  "rows.skipped":
    "{n, plural, one {# строка} few {# строки} many {# строк} other {# строки}} листа «{sheet}» не {n, plural, one {учтена} other {учтены}}: в {n, plural, one {ней} other {каждой}} есть ячейка, которую не удалось прочитать. Показатели посчитаны по остальным строкам.",
  "rows.which": "Какие строки",
  "rows.more": "и ещё {n}",
  "arg.number": "аргумент {n}",
  "input.empty": "{arg}: диапазон пуст; выберите диапазон, где есть хотя бы одно значение",
  "input.errorCell": "{arg}, {cell}: в ячейке ошибка {value}; исправьте или очистите эту ячейку",
  "input.notScore": "{arg}, {cell}: «{value}» не является оценкой от {min} до {max}",
  "input.scoreOutOfScale": "{arg}, {cell}: {value} вне шкалы от {min} до {max}",
  "input.scoreNotInteger": "{arg}, {cell}: {value} не целое число; оценки NPS — целые числа от 0 до 10",
  "input.notNumber": "{arg}, {cell}: «{value}» не является числом",
  "input.ambiguousNumber":
    "{arg}, {cell}: «{value}» в этой таблице можно прочитать двояко (точка как десятичный знак или как разделитель тысяч); напишите «{asDecimal}» или «{asWhole}»",
  "input.notDate":
    "{arg}, {cell}: «{value}» не является датой; используйте ячейку с датой или текст вида 2024-03-01 или 01.03.2024",
  "input.heightMismatch":
    "в {arg} {rows} строк, а в {other} — {otherRows}: выберите диапазоны одинаковой высоты, по одной покупке в строке",
  "input.blankInRow":
    "{arg}, {cell}: ячейка пуста, а другие столбцы этой строки заполнены; заполните её или очистите всю строку",
  "sheet.busy": "Другая задача Rapport сейчас пишет в эту таблицу. Подождите немного и попробуйте снова.",
  "input.notOneColumn": "{arg} должен быть одним столбцом, а в диапазоне столбцов: {columns}",
};
