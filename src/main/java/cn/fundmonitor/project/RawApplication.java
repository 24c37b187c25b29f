package cn.fundmonitor.project;

import java.util.List;
import java.util.Map;

/**
 * An application as it arrives from a form, the REST API or a spreadsheet: untyped values that
 * {@link ApplicationValidator} turns into a {@link ProjectApplication} or a list of problems.
 */
public record RawApplication(Object name, Object regionCode, Object direction, Object fundClass,
    Object requestedAmount, Object description, List<Map<String, Object>> indicators) {}
