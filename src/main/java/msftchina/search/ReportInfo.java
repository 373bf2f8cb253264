package msftchina.search;

/**
 * One report of the library, as listed to users.
 *
 * @param id the report's folder name under {@code facts/}
 * @param title the report's title, the name every answer gives
 * @param date the report's date, or "unknown"
 * @param statements how many statements it holds
 * @param version the first 12 hex digits of the hash of its facts
 */
public record ReportInfo(String id, String title, String date, int statements, String version) {}
