package cn.fundmonitor.allocation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The receipt of money as a form or client sends it, validated by the service; {@code method} is
 * 项目法 / 因素法 (GX 第十四条), 项目法 when not given. The date was read where it came in; the
 * budget year and the amounts stay as entered because the service names the local amount after the
 * fund class (省级、市级、县级财政资金或社会资金) in its problems.
 */
public record RawReceipt(String documentNo, String fundClass, String direction, Object budgetYear,
    Object centralAmount, Object provincialAmount, LocalDate receivedOn,
    List<Map<String, Object>> targets, String method) {

  public RawReceipt(String documentNo, String fundClass, String direction, Object budgetYear,
      Object centralAmount, Object provincialAmount, LocalDate receivedOn,
      List<Map<String, Object>> targets) {
    this(documentNo, fundClass, direction, budgetYear, centralAmount, provincialAmount, receivedOn,
        targets, null);
  }
}
