package cn.fundmonitor.allocation;

import java.util.List;
import java.util.Map;

/** The receipt of money as a form or client sends it (untyped; validated by the service). */
public record RawReceipt(Object documentNo, Object fundClass, Object direction, Object budgetYear,
    Object centralAmount, Object provincialAmount, Object receivedOn,
    List<Map<String, Object>> targets) {}
