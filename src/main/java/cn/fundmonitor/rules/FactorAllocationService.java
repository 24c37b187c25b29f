package cn.fundmonitor.rules;

import static cn.fundmonitor.common.Inputs.shorten;
import static cn.fundmonitor.common.Inputs.text;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.results.ResultFlagService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Factor-method allocation (GX 第十六条) for a province: checks the counties' data, takes the
 * factors and weights in force and splits the total to the cent. The result carries the
 * {@code issueLines} a {@code fundAllocation} instance's issue step takes, so the calculation is
 * the start of the issue rather than a number copied by hand.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class FactorAllocationService {

  private final FactorWeights weights;
  private final OrganisationService organisation;
  private final ResultFlagService results;

  /** Which share of the allocation the money is: the issue lines fill that column. */
  public enum FundShare {
    CENTRAL("中央财政资金", "centralShare"), PROVINCIAL("省级财政资金", "provincialShare");

    final String label;
    final String issueLineKey;

    FundShare(String label, String issueLineKey) {
      this.label = label;
      this.issueLineKey = issueLineKey;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The request: a total, a year, and per county the values of the factors by factor code (as the
   * client gave them, checked row by row); read from a client by {@link FactorAllocationRequest}.
   */
  public record Request(int budgetYear, Yuan total, FundShare fundShare, List<CountyData> counties) {
    public Request {
      counties = counties == null ? List.of() : counties;
    }
  }

  public record CountyData(String divisionCode, String projectCode, Map<String, Object> factors) {
    public CountyData {
      factors = factors == null ? Map.of() : factors;
    }
  }

  /**
   * One county's result. {@code unreducedAmount} is its share by the factors alone; {@code amount}
   * is after last year's results cut it or another county (GX 第二十二条、第二十九条), with the
   * percentage and the flags that made it.
   */
  public record CountyShare(String divisionCode, String divisionName, String projectCode,
      Map<String, BigDecimal> factorValues, Map<String, BigDecimal> factorShares,
      BigDecimal weightedShare, Yuan amount, Yuan unreducedAmount, BigDecimal reductionPercent,
      List<String> resultFlags) {
    public CountyShare {
      resultFlags = List.copyOf(resultFlags);
    }
  }

  public record Result(int budgetYear, Yuan total, FundShare fundShare, int decisionVersion,
      List<Factor> factors, List<CountyShare> shares) {

    /** The rows of {@code issueLines} for {@code fundAllocation}'s issue step. */
    public List<Map<String, Object>> issueLines() {
      var lines = new ArrayList<Map<String, Object>>();
      for (var s : shares) {
        var line = new LinkedHashMap<String, Object>();
        line.put("recipientCode", s.divisionCode());
        line.put("projectCode", s.projectCode());
        line.put("centralShare", fundShare == FundShare.CENTRAL ? s.amount().amount().toPlainString() : "0");
        line.put("provincialShare", fundShare == FundShare.PROVINCIAL ? s.amount().amount().toPlainString() : "0");
        lines.add(line);
      }
      return lines;
    }
  }

  public Result allocate(Request request) {
    var problems = new ArrayList<String>();
    var year = request.budgetYear();
    var total = request.total();
    var share = request.fundShare();
    var policy = weights.forYear(year);
    var policyProblems = FactorMethod.policyProblems(policy.factors());
    if (!policyProblems.isEmpty()) {
      throw new ConflictException("决策表“因素法分配权重”第" + policy.decisionVersion() + "版配置有误："
          + String.join("；", policyProblems));
    }
    var known = new HashSet<String>();
    policy.factors().forEach(f -> known.add(f.code()));
    var counties = new ArrayList<FactorMethod.County>();
    var seen = new HashSet<String>();
    String province = null;
    for (int i = 0; i < request.counties().size(); i++) {
      var c = request.counties().get(i);
      var prefix = "第" + (i + 1) + "行";
      var code = text(c.divisionCode());
      var division = code == null ? null : organisation.find(code).orElse(null);
      if (division == null) {
        problems.add(prefix + "：" + (code == null ? "请填写行政区划代码" : "行政区划代码“" + shorten(code) + "”不存在"));
        continue;
      }
      if (division.level() == DivisionLevel.PROVINCE || division.level() == DivisionLevel.MINISTRY) {
        problems.add(prefix + "：" + division.name() + "不是市、县；因素法把资金分配到县（市、区）");
        continue;
      }
      if (!seen.add(code)) {
        problems.add(prefix + "：" + division.name() + "重复填写");
      }
      var p = organisation.provinceOf(code).map(d -> d.code()).orElse(null);
      if (province == null) {
        province = p;
      } else if (!province.equals(p)) {
        problems.add(prefix + "：" + division.name() + "与其他县（市、区）不属于同一省份");
      }
      var values = new LinkedHashMap<String, BigDecimal>();
      for (var entry : c.factors().entrySet()) {
        if (!known.contains(entry.getKey())) {
          problems.add(prefix + "：“" + shorten(entry.getKey()) + "”不是现行分配因素（现行："
              + String.join("、", policy.factors().stream().map(f -> f.code() + " " + f.label()).toList()) + "）");
          continue;
        }
        var value = number(entry.getValue());
        if (value == null && text(entry.getValue()) != null) {
          problems.add(prefix + "：" + label(policy.factors(), entry.getKey()) + "“"
              + shorten(entry.getValue().toString()) + "”不是有效的数字");
        } else if (value != null) {
          values.put(entry.getKey(), value);
        }
      }
      counties.add(new FactorMethod.County(code, values));
    }
    problems.addAll(FactorMethod.dataProblems(policy.factors(), counties, this::name));
    if (!problems.isEmpty()) {
      throw new InvalidInputException("因素法测算有误", problems);
    }
    var shares = FactorMethod.allocate(total, policy.factors(), counties);
    // GX 第二十二条、第二十九条: last year's results cut the county's weighted share (resultReduction)
    var flags = new LinkedHashMap<String, List<cn.fundmonitor.results.ResultFlag>>();
    var percents = new LinkedHashMap<String, BigDecimal>();
    for (var s : shares) {
      var own = results.flagsWithin(year, s.divisionCode());
      flags.put(s.divisionCode(), own);
      percents.put(s.divisionCode(), ResultFlagService.reductionOf(own));
    }
    List<FactorMethod.Share> reduced;
    try {
      reduced = percents.values().stream().anyMatch(p -> p.signum() > 0)
          ? FactorMethod.reduce(total, shares, percents) : shares;
    } catch (IllegalArgumentException e) {
      throw new ConflictException("按上年度结果扣减后无法分配：" + e.getMessage());
    }
    var result = new ArrayList<CountyShare>();
    for (int i = 0; i < shares.size(); i++) {
      var s = shares.get(i);
      var r = reduced.get(i);
      result.add(new CountyShare(s.divisionCode(), name(s.divisionCode()),
          text(request.counties().get(i).projectCode()), counties.get(i).values(),
          s.factorShares(), r.weightedShare(), r.amount(), s.amount(),
          percents.get(s.divisionCode()), flags.get(s.divisionCode()).stream()
              .map(cn.fundmonitor.results.ResultFlag::describe).toList()));
    }
    return new Result(year, total, share, policy.decisionVersion(), policy.factors(), result);
  }

  public FactorWeights.Policy policy(int budgetYear) {
    return weights.forYear(budgetYear);
  }

  private String name(String code) {
    return organisation.find(code).map(d -> d.name()).orElse(code);
  }

  private static String label(List<Factor> factors, String code) {
    return factors.stream().filter(f -> f.code().equals(code)).map(Factor::label).findFirst()
        .orElse(code);
  }

  private static BigDecimal number(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    var text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.replace(",", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
