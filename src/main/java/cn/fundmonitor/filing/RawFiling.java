package cn.fundmonitor.filing;

import java.util.List;
import java.util.Map;

/**
 * A quarter's (or a monitoring point's) filing as it arrives from the form, the REST API or a
 * spreadsheet row: untyped values that {@link FilingService#file} reads, reporting each problem
 * with its form field ({@code paidToDate}, {@code paidCentral} …, {@code physicalProgress},
 * {@code indicatorActuals/<row>/actual}).
 *
 * @param sourceAmounts the payments by fund source, keyed by {@link FundSource} name
 */
public record RawFiling(Object paidToDate, Map<String, Object> sourceAmounts,
    Object physicalProgress, List<Map<String, Object>> indicatorRows) {}
