package cn.fundmonitor.rules;

import cn.fundmonitor.common.Inputs;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.rules.FactorAllocationService.CountyData;
import cn.fundmonitor.rules.FactorAllocationService.FundShare;
import java.util.List;

/**
 * A factor-method request as a client sends it ({@code POST /api/factor-allocation}, or a filled
 * template with its form fields): read once, here, into {@link FactorAllocationService.Request},
 * every problem at its field. The counties' rows are checked by the calculation, row by row.
 */
public record FactorAllocationRequest(Object budgetYear, Object total, String fundShare,
    List<CountyData> counties) {

  public FactorAllocationService.Request read() {
    var problems = new Problems();
    var year = Inputs.budgetYear(budgetYear, problems.at("budgetYear"));
    var amount = Inputs.amount(total, "分配总额", problems.at("total"));
    if (amount != null && !amount.isPositive()) {
      problems.add("total", "分配总额应大于0元");
    }
    var share = fundShare(problems);
    problems.throwIfAny("因素法测算有误");
    return new FactorAllocationService.Request(year, amount, share, counties);
  }

  private FundShare fundShare(Problems problems) {
    if (Inputs.text(fundShare) == null) {
      return FundShare.CENTRAL;
    }
    for (var s : FundShare.values()) {
      if (s.name().equalsIgnoreCase(fundShare.strip()) || s.label().equals(fundShare.strip())) {
        return s;
      }
    }
    problems.add("fundShare", "资金来源应为“中央财政资金”（CENTRAL）或“省级财政资金”（PROVINCIAL）");
    return null;
  }
}
