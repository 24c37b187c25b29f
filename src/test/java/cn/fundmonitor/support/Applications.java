package cn.fundmonitor.support;

import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;

import cn.fundmonitor.warehousing.ApplicationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applications used across tests. */
public final class Applications {

  private Applications() {}

  /** An eligible eco-restoration application of Xingning district (兴宁区). */
  public static ApplicationRequest xingningRestoration(String name) {
    return new ApplicationRequest(name, "450102", "ECO_RESTORATION", "CENTRAL", "3961869.98",
        "矿山地形重塑与植被恢复", eligibleIndicators());
  }

  public static List<Map<String, Object>> eligibleIndicators() {
    return List.of(
        indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "120", "公顷"),
        indicator("OUTPUT", "TIMELINESS", "完工时间", "LE", "2027-12-31", ""),
        indicator("BENEFIT", "ECOLOGICAL", "生态环境", "QUALITATIVE", "有效改善", ""),
        indicator("SATISFACTION", "SERVICE_SATISFACTION", "群众满意度", "GE", "90", "%"));
  }

  public static ApplicationRequest with(ApplicationRequest r, List<Map<String, Object>> indicators) {
    return new ApplicationRequest(r.projectName(), r.regionCode(), r.direction(), r.fundClass(),
        r.requestedAmount(), r.projectDescription(), new ArrayList<>(indicators));
  }

  public static ApplicationRequest withAmount(ApplicationRequest r, Object amount) {
    return new ApplicationRequest(r.projectName(), r.regionCode(), r.direction(), r.fundClass(),
        amount, r.projectDescription(), r.indicators());
  }

  public static ApplicationRequest withRegion(ApplicationRequest r, String region) {
    return new ApplicationRequest(r.projectName(), region, r.direction(), r.fundClass(),
        r.requestedAmount(), r.projectDescription(), r.indicators());
  }
}
