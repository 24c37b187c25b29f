package cn.fundmonitor.allocation;

import java.util.List;
import java.util.Map;

/**
 * The receipt of money as a form or client sends it (untyped; validated by the service);
 * {@code method} is 项目法 / 因素法 (GX 第十四条), 项目法 when not given.
 */
public record RawReceipt(Object documentNo, Object fundClass, Object direction, Object budgetYear,
    Object centralAmount, Object provincialAmount, Object receivedOn,
    List<Map<String, Object>> targets, Object method) {

  public RawReceipt(Object documentNo, Object fundClass, Object direction, Object budgetYear,
      Object centralAmount, Object provincialAmount, Object receivedOn,
      List<Map<String, Object>> targets) {
    this(documentNo, fundClass, direction, budgetYear, centralAmount, provincialAmount, receivedOn,
        targets, null);
  }
}
