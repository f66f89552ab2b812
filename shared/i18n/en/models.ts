/** Customer-base models (CLV_FIT, CLV_PREDICT, CLV_VALIDATE, the analysis API) and behavioural segments. */
export const modelsEn = {
  "models.noCalibrationCustomers":
    "no client made a first purchase on or before the calibration end {date}; choose a later calibration_end",
  "models.spanTooLong": "the purchase history spans {days} days, more than the models can handle (65,535)",
  "models.badWeight": "row {row}: the weight must be a number of 0 or more",
  "models.badHistory": "row {row}: the history must have x ≥ 0 and 0 ≤ tₓ ≤ T (tₓ > 0 when x > 0)",
  "models.tooFewCustomers":
    "only {customers, plural, one {# client} other {# clients}}: the model needs at least two clients to estimate anything",
  "models.allOneTime":
    "all {customers} clients bought on one day only: repeat behaviour cannot be estimated without repeat purchases; use a longer period of data",
  "models.identicalHistories":
    "all {customers} clients have the same purchase history, so differences between clients cannot be estimated",
  "models.badPenalizer": "penalizer: {value} must be a number of 0 or more",
  "models.noFit": "the model could not be fitted to these data; check that dates and amounts are right",
  "models.badSpendRow": "row {row}: the spend model needs x > 0 and a mean spend above 0",
  "models.tooFewSpenders":
    "only {customers, plural, one {# client} other {# clients}} with repeat purchases and a positive spend: the spend model needs at least two",
  "models.identicalSpend":
    "all {customers} clients with repeat purchases have the same mean spend: the spend model cannot be estimated",
  "models.spendUndefined":
    "the spend model's q is {q}, at most 1: mean spend is unbounded (a few very large amounts?); check amounts for outliers",
  "models.notConverged":
    "the {model} model did not converge on these data (too few repeat buyers, or a history the model cannot describe); see CLV_FIT, or try another model",
  "models.fitBudget":
    "the {model} fit of {customers} clients did not settle within its work budget: the clients' histories are too alike for this model to tell them apart, and it keeps drifting; try bgnbd, or data over a longer period",
  "models.runaway":
    "the {model} fit cannot be used: {name} ran off to {value}, so these data cannot pin the model down; add clients or a longer history, or try another model",
  "models.runawayAlive":
    "the {model} fit cannot be used: {name} ran off to {value}, which would call every client alive (P(alive) = 1 for all); these data show too little of clients leaving: add clients or a longer history, or try another model",
  "models.runawayGone":
    "the {model} fit cannot be used: {name} ran off to {value}, which would call almost every repeat buyer gone (P(alive) near 0); add clients or a longer history, or try another model",
  "models.unknownModel": '{arg}: "{value}" is not a model; use bgnbd, mbgnbd or pareto',
  "models.noHoldout":
    "calibration_end {date} is on or after the last purchase date {last}: there is no holdout period to compare with",
  "models.calibrationBeforeData":
    "calibration_end {date} is before the first purchase date {first}: choose a date inside the data",
  "analysis.csvHeader": 'the first line must name the columns, e.g. customer,date,amount (found "{found}")',
  "analysis.csvFields": "line {line}: expected {expected} fields, found {found}",
  "analysis.csvCustomer": "line {line}: the customer id is empty",
  "analysis.csvDate": 'line {line}: "{value}" is not a date; use yyyy-mm-dd or a day number (days since 1970-01-01)',
  "analysis.csvAmount": 'line {line}: "{value}" is not an amount; use a plain number such as 12.50',
  "analysis.csvQuote": "line {line}: a quoted field is not closed",
  "analysis.csvLineTooLong": "line {line} is longer than {max} characters; put one transaction per line",
  "analysis.responseTooLarge":
    "the answer for {customers} customers would be over {mb} MB, more than one Apps Script request can receive; send fewer rows, or ask without the per-customer columns (customers=false)",
  "analysis.csvEmpty": "the body has a header but no transactions",
  "analysis.csvTooManyRows": "more than {max} transactions in one request; send fewer rows",
  "analysis.csvTooManyCustomers":
    "more than {max} customers in one request, more than the Worker's memory holds; send fewer customers (for example those active in the last years)",
  "segments.tooFewCustomers":
    "only {customers, plural, one {# client} other {# clients}}: segments need at least {min}",
  "segments.identical": "all clients have the same recency, frequency and spend: there is nothing to segment",
  "segments.badK": "k: {value} must be a whole number from 2 to {max}",
  "segments.recency.recent": "Recent",
  "segments.recency.lapsing": "Lapsing",
  "segments.recency.lapsed": "Long inactive",
  "segments.frequency.frequent": "frequent buyers",
  "segments.frequency.occasional": "occasional buyers",
  "segments.frequency.oneTime": "one-time buyers",
  "segments.spend.high": "high spend",
  "segments.spend.medium": "medium spend",
  "segments.spend.low": "low spend",
  "segments.label": "{recency}, {frequency}, {spend}",
  "segments.labelNoSpend": "{recency}, {frequency}",
} as const;
