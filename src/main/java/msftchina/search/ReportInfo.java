package msftchina.search;

/**
 * One report of the library, as {@code reports} lists it.
 *
 * @param id the report's folder name under {@code facts/}, what {@code in:NAME} names
 * @param title the report's title
 * @param date the report's date as its {@code Date:} line gives it, or "unknown"
 * @param statements how many statements the report holds
 * @param version the first 12 hex characters of the hash of the report's facts: a replaced report
 *     has another
 */
public record ReportInfo(String id, String title, String date, int statements, String version) {}
