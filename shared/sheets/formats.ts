/** Number formats Rapport gives the cells it writes (Sheets' pattern letters), one place for all. */
export const DATE_FORMAT = "yyyy-mm-dd";
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
