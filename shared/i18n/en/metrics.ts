/** Formula arguments, metric input checks and notes inside formula results. */
export const metricsEn = {
  "where.at": ", {cell}",
  "arg.notSingle": "{arg} must be a single value, not a range",
  "arg.errorCell": "{arg}: the cell holds the error {value}; fix or clear that cell",
  "arg.notNumber": '{arg}: "{value}" is not a number',
  "arg.fraction": "{arg} must be a fraction from {min} to {max}, such as 0.95 or 95%; got {value}",
  "arg.tooSmall": "{arg} must be at least {min}; got {value}",
  "arg.tooLarge": "{arg} must be at most {max}; got {value}",
  "arg.notAbove": "{arg} must be greater than {min}; got {value}",
  "arg.notBelow": "{arg} must be less than {max}; got {value}",
  "arg.notWhole": "{arg} must be a whole number; got {value}",
  "arg.notDate": '{arg}: "{value}" is not a date; use a date cell, TODAY() or text such as 2024-03-01 or 01.03.2024',
  "arg.period": '{arg}: "{value}" is not a period; use "week", "month", "quarter" or "year"',
  "arg.scaleOrder": "scale_min ({min}) must be less than scale_max ({max})",
  "input.shapeMismatch":
    "{arg} is {rows}×{columns} but {other} is {otherRows}×{otherColumns}: give ranges of the same size, or a single value",
  "input.heightsDiffer":
    "{arg} has {rows} rows but {other} has {otherRows}: select ranges of the same height, one customer per row",
  "value.notNumber": '{arg}{where}: "{value}" is not a number',
  "value.negative": "{arg}{where}: {value} is negative; expected 0 or more",
  "value.negativeCount": "{arg}{where}: {value} is negative; a number of customers is 0 or more",
  "value.notWholeCount": "{arg}{where}: {value} is not a whole number of customers",
  "value.notFraction": "{arg}{where}: {value} is not a fraction from 0 to 1; write 0.3 or 30%",
  "rate.noCustomersAtStart":
    "customers_at_start{where} is 0: a rate needs at least one customer at the start (zero denominator)",
  "churn.lostOverStart": "customers_lost{where} ({lost}) is more than customers_at_start ({start})",
  "retention.newOverEnd": "new_customers{where} ({new}) is more than customers_at_end ({end})",
  "retention.keptOverStart":
    "customers_at_end − new_customers{where} ({kept}) is more than customers_at_start ({start}): more customers kept than there were",
  "cac.noNewCustomers": "new_customers{where} is 0: CAC is undefined without new customers (zero denominator)",
  "nps.diffNoSpread":
    "the change cannot be tested: each range holds answers of one group only, so the standard error is 0",
  "csi.weightBlank": "{arg}, {cell} is blank: give a weight for every factor",
  "csi.weightNegative": "{arg}, {cell}: {value} is negative; weights are 0 or more",
  "csi.weightsShape": "{arg} must be one row or one column of weights, but the range is {rows}×{columns}",
  "csi.weightsCount":
    "{arg} has {weights} weights but ratings has {factors} factor columns: give one weight per column",
  "csi.weightsZero":
    "importance: the weights add up to 0; give at least one factor a positive weight (zero denominator)",
  "csi.factorEmpty": "{arg}, column {column} has no ratings, but the factor has a weight",
  "churn.noRepeatPurchases":
    "no customer bought on two different days, so the typical gap between purchases is unknown: give inactive_days",
  "stage.noRepeatPurchases":
    "no customer bought on two different days, so the typical gap between purchases is unknown: give lapsed_days",
  "tx.nothingBeforeAsOf": "there are no transactions on or before {arg}: choose a later date",
  "abc.totalNotPositive": "amounts: total revenue is {total}; revenue shares need a positive total (zero denominator)",
  "abc.sharesOrder": "a_share ({a}) must be less than b_share ({b})",
  "xyz.cvOrder": "x_cv ({x}) must be less than y_cv ({y})",
  "cohort.tooManyPeriods":
    "the data spans {periods} periods, but a cohort table holds at most {max}: choose a longer period",
  "survival.negativeDuration": "{arg}, {cell}: {value} is negative; durations are 0 or more",
  "survival.band": '{arg}: "{value}" is not a band type; use "log-log" (the default), "log" or "plain"',
  "survival.notReached": "not reached",
  "survival.notFlag": '{arg}, {cell}: "{value}" is not yes or no; use TRUE/FALSE, 1/0 or yes/no',
  "result.notFinite": "the result{where} is too large to compute; check the inputs",
  "note.smallSample": "n = {n} is below 100: the score can move a lot by chance",
  "note.smallSampleDiff": "fewer than 100 answers (n = {before} before, {after} after): the change can be chance",
  "note.rfmFewCustomers":
    "{n, plural, one {only # client} other {only # clients}}: quintile scores need at least {min}, so each score here stands for a single client; compare the recency, frequency and monetary columns instead",
  "note.inactiveDays":
    "lost = no purchase for {days} days (the default: 9 in 10 repeat purchases in these data come sooner)",
  "abTest.noTrials": "{arg} must be at least 1: a group without trials cannot be compared",
  "abTest.moreSuccessesThanTrials":
    "{arg}: {successes} successes out of {trials} trials; successes cannot exceed trials",
  "abTest.tooFewValues":
    "{arg} has {n, plural, one {# value} other {# values}}: comparing means needs at least 2 in each group",
  "abTest.noVariation": "every value in both groups is the same: there is no variation to test",
  "abTest.zeroLift": "min_detectable_lift must not be 0: give the relative change to detect, such as 10% or −10%",
  "abTest.liftOutOfRange": "the lift takes the rate to {rate}, outside 0 to 1: give a smaller lift",
  "abTest.verdict.bBetter": "B does better than A ({level} confidence, {p})",
  "abTest.verdict.aBetter": "A does better than B ({level} confidence, {p})",
  "abTest.verdict.noDifference":
    "no significant difference at {level} confidence ({p}): the change may do nothing, or the groups are too small to tell",
  "abTest.note.smallSample": "fewer than 5 successes or failures in a group: the p-value is rough",
  "input.heightsUneven":
    "{arg} has {rows} rows but {other} has {otherRows}: select ranges of the same height, starting on the same row",
  "funnel.widens":
    "{arg}: {stage} ({count}) is more than {before} ({beforeCount}): each stage of a funnel holds at most as many as the stage before",
  "funnel.unknownStage": '{arg}, {cell}: "{value}" is not one of the stages in stage_order ({stages})',
  "funnel.orderNeeded":
    '{arg} holds stage names ({stages}): give their order in stage_order, first stage first, such as "Lead, First purchase, Repeat"',
  "funnel.orderCount": "stage_order has {names} names but {arg} has {counts} counts: give one name per count",
  "funnel.notCount": '{arg}, {cell}: "{value}" is not a count; give whole numbers of 0 or more',
  "funnel.tooFewStages": "{arg}: a funnel needs at least 2 stages",
  "funnel.note.weakest": "weakest step",
  "renewal.notOutcome":
    '{arg}, {cell}: "{value}" is neither a renewal date nor TRUE/FALSE; leave it blank while the renewal is undecided',
  "returns.notFlag": '{arg}, {cell}: "{value}" is not TRUE/FALSE; mark returns with TRUE, yes or 1',
  "contacts.show": '{arg}: "{value}" is not a view; use "periods" or "jumps"',
  "service.workingHours": '{arg}: "{value}" is not working hours; write them as 9-18 or 09:00-17:30',
  "service.workingDays": '{arg}: "{value}" is not a list of days; write Mon-Fri, Mon,Wed,Fri or 1-5 (1 = Monday)',
  "service.beforeOpened": '{arg}, {cell}: "{value}" is before the request was opened',
  "expansion.show": '{arg}: "{value}" is not a view; use "cohorts" or "categories"',
  "note.upsellLeftOut":
    "{n, plural, one {# client} other {# clients}} left out: a first-period spend of 0 or less gives nothing to compare with",
  "themes.side.detractors": "detractors",
  "themes.side.promoters": "promoters",
  "themes.side.low": "low ratings",
  "themes.side.high": "high ratings",
  "themes.oneSide":
    "comments from one side only ({negativeCount} from {negative}, {positiveCount} from {positive}): nothing to compare",
  "themes.none": "no word or phrase sets {negative} apart from {positive} here (p < 0.05, in at least {min} comments)",
  "themes.smallSample": "n = {n} comments is below 100: a theme here can be chance; read its examples",
} as const;
