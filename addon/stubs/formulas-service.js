/**
 * How fast requests (tickets, enquiries) get a first answer: per month of opening (or week,
 * quarter, year), the number of requests and of answered ones, and the median, mean and 90th
 * percentile of the hours to the first response, with a total row. Requests not yet answered
 * count in requests only. Times are calendar hours unless working hours are given.
 * Example: =RESPONSE_TIME(B2:B5000, C2:C5000, "month", "9-18", "Mon-Fri")
 *
 * @param {Array<Array<Date|string>>} opened_at When each request was opened (date-time cells or text such as 2024-03-01 14:30), e.g. B2:B5000.
 * @param {Array<Array<Date|string>>} first_response_at When each got its first answer, same height; blank while unanswered.
 * @param {string} [period] "month" (default), "week", "quarter" or "year".
 * @param {string} [working_hours] Count only these hours, e.g. "9-18" or "09:00-17:30". Default: all hours.
 * @param {string} [working_days] Count only these days, e.g. "Mon-Fri" (the default with working hours) or "Пн-Сб".
 * @param {Array<Array<Date>>} [holidays] Days off (public holidays), a range of dates: no time counts on them. Alone, every other day counts all day.
 * @return {Array<Array<string|number>>} A header row, a row per period, a total row.
 * @customfunction
 */
function RESPONSE_TIME(opened_at, first_response_at, period, working_hours, working_days, holidays) {
  return Rapport.RESPONSE_TIME(opened_at, first_response_at, period, working_hours, working_days, holidays);
}

/**
 * Service level: the share of requests answered within a target time, per month of opening (or
 * week, quarter, year), with a total row. A request still unanswered counts as late once the
 * target has passed at as_of, and is left out (pending) before that.
 * Example: =SERVICE_LEVEL(B2:B5000, C2:C5000, 1) for "answered within 1 hour".
 *
 * @param {Array<Array<Date|string>>} opened_at When each request was opened, e.g. B2:B5000.
 * @param {Array<Array<Date|string>>} first_response_at When each got its first answer, same height; blank while unanswered.
 * @param {number} target_hours The target in hours, e.g. 1 or 0.5 (30 minutes).
 * @param {string} [period] "month" (default), "week", "quarter" or "year".
 * @param {string} [working_hours] Count only these hours, e.g. "9-18". Default: all hours.
 * @param {string} [working_days] Count only these days, e.g. "Mon-Fri" (the default with working hours).
 * @param {Date|string} [as_of] "Now" for unanswered requests, e.g. NOW(). Default: the latest time in the data.
 * @param {Array<Array<Date>>} [holidays] Days off (public holidays), a range of dates: no time counts on them. Alone, every other day counts all day.
 * @return {Array<Array<string|number>>} A header row (period, requests, within_target, late, pending, service_level), a row per period, a total row.
 * @customfunction
 */
function SERVICE_LEVEL(
  opened_at,
  first_response_at,
  target_hours,
  period,
  working_hours,
  working_days,
  as_of,
  holidays,
) {
  return Rapport.SERVICE_LEVEL(
    opened_at,
    first_response_at,
    target_hours,
    period,
    working_hours,
    working_days,
    as_of,
    holidays,
  );
}

/**
 * How long requests take to resolve, per month of opening (or week, quarter, year), with a total
 * row: requests, resolved, still open, the median hours to resolve with its 95% confidence
 * limits, and the mean of the resolved ones. Open requests are not dropped: they count as "at
 * least this long so far" (Kaplan–Meier), so the median is not flattered by leaving them out.
 * Example: =RESOLUTION_TIME(B2:B5000, D2:D5000)
 *
 * @param {Array<Array<Date|string>>} opened_at When each request was opened, e.g. B2:B5000.
 * @param {Array<Array<Date|string>>} resolved_at When each was resolved, same height; blank while open.
 * @param {string} [period] "month" (default), "week", "quarter" or "year".
 * @param {string} [working_hours] Count only these hours, e.g. "9-18". Default: all hours.
 * @param {string} [working_days] Count only these days, e.g. "Mon-Fri" (the default with working hours).
 * @param {Date|string} [as_of] "Now" for open requests, e.g. NOW(). Default: the latest time in the data.
 * @param {Array<Array<Date>>} [holidays] Days off (public holidays), a range of dates: no time counts on them. Alone, every other day counts all day.
 * @return {Array<Array<string|number>>} A header row, a row per period, a total row.
 * @customfunction
 */
function RESOLUTION_TIME(opened_at, resolved_at, period, working_hours, working_days, as_of, holidays) {
  return Rapport.RESOLUTION_TIME(opened_at, resolved_at, period, working_hours, working_days, as_of, holidays);
}

/**
 * How often clients contact support, per month (or week, quarter, year), with a total row:
 * requests, clients who made them, requests per such client, their share of all clients (give
 * the client list), and clients whose contact rate jumped: at least 3 requests in a period and
 * under a 1% chance of that many at the client's own earlier rate. With show "jumps", one row
 * per jump: client, period, requests, earlier requests per period, p-value.
 * Example: =CONTACT_RATE(A2:A5000, B2:B5000, "month", Clients!A2:A800)
 *
 * @param {Array<Array<string|number>>} request_client_ids Client id of each request, e.g. A2:A5000.
 * @param {Array<Array<Date|string>>} request_dates Date of each request, same height.
 * @param {string} [period] "month" (default), "week", "quarter" or "year".
 * @param {Array<Array<string|number>>} [client_ids] All clients (the client list), for the share who contacted.
 * @param {string} [show] "periods" (default) or "jumps" for a row per client whose contact rate jumped.
 * @return {Array<Array<string|number>>} A header row, a row per period, a total row; or a row per jump.
 * @customfunction
 */
function CONTACT_RATE(request_client_ids, request_dates, period, client_ids, show) {
  return Rapport.CONTACT_RATE(request_client_ids, request_dates, period, client_ids, show);
}
