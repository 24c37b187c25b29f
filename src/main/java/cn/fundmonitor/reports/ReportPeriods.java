package cn.fundmonitor.reports;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.filing.FilingPeriod;
import cn.fundmonitor.filing.MonitoringPointService;
import cn.fundmonitor.filing.Quarter;
import java.util.Collection;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The period a report asks for: a quarter ({@code year} and {@code quarter}) or a monitoring point
 * ({@code pointId}; MNR 第十一条: 其他填报时点，按要求执行) the caller's units may see.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ReportPeriods {

  private final MonitoringPointService points;

  FilingPeriod of(Integer year, Integer quarter, Long pointId, Collection<String> groupIds) {
    if (pointId != null) {
      if (quarter != null) {
        throw new InvalidInputException("查询条件有误", "请指定季度（year、quarter）或监测时点（pointId）之一，不能同时指定");
      }
      var period = points.visible(pointId, groupIds).period();
      if (year != null && year != period.year()) {
        throw new InvalidInputException("查询条件有误", "监测时点 " + pointId + " 属于" + period.year()
            + "年度，与所给年度 " + year + " 不符");
      }
      return period;
    }
    if (year == null || quarter == null) {
      throw new InvalidInputException("查询条件有误", "请指定季度（year、quarter）或监测时点（pointId）");
    }
    if (quarter < 1 || quarter > 4) {
      throw new InvalidInputException("查询条件有误", "季度应为1至4");
    }
    if (year < 2000 || year > 2100) {
      throw new InvalidInputException("查询条件有误", "年度应为2000至2100之间的年份");
    }
    return new Quarter(year, quarter);
  }
}
