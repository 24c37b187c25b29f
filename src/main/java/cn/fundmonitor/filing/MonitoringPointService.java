package cn.fundmonitor.filing;

import static cn.fundmonitor.common.Inputs.*;

import cn.fundmonitor.allocation.AllocationReads;

import cn.fundmonitor.calendar.WorkingDayCalendar;
import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitoring points besides the quarters (监测时点; MNR 第十一条: 其他填报时点，按要求执行; 资阳
 * 三(三): 每年9月对1—8月): who may open one (a province's finance department for its own region,
 * the ministry's for the country or a province), for which date, scope and due date; the filings
 * themselves are the quarterly ones ({@link FilingService}).
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MonitoringPointService {

  /** The ministry's division: a point of the whole country. */
  static final String DEFAULT_BASIS = "MNR 第十一条：其他填报时点，按要求执行";
  static final int MAX_PROJECTS = 5000;
  private static final String TITLE = "监测时点有误";

  private final MonitoringPointRepository repository;
  private final AllocationReads money;
  private final OrganisationService organisation;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  /**
   * What a caller asks for: every field as sent, checked here; each problem names its field by the
   * request's property ({@code asOf}, {@code dueOn}, {@code regionCode}, {@code projectCodes},
   * {@code basis}).
   */
  public record Request(Object asOf, Object dueOn, Object regionCode, List<?> projectCodes,
      Object basis) {}

  /**
   * Opens a point as the caller (its groups): only the finance department (财务与资金运用) of a
   * province, for its own region, or of the ministry, for the country or one province. Returns the
   * point; its wave is started by the caller of this method in the same transaction.
   */
  public MonitoringPoint open(Request request, String actor, Collection<String> groupIds) {
    var problems = new Problems();
    var asOf = date(request.asOf(), "监测时点（数据截至日期）", problems.at("asOf"));
    var dueOn = date(request.dueOn(), "填报截止日期", problems.at("dueOn"));
    var basis = optionalText(request.basis(), "依据或说明", 200, problems.at("basis"));
    var regionText = text(request.regionCode());
    var openers = openers(groupIds);
    if (openers.isEmpty()) {
      throw new AccessDeniedException("monitoring points are opened by a province's or the ministry's "
          + "finance department");
    }
    String region;
    if (regionText == null) {
      if (openers.size() > 1) {
        problems.add("regionCode", "您属于多个单位，请指明监测范围的行政区划（regionCode）");
      }
      region = openers.get(0);
    } else if (regionText.length() != 6 || organisation.find(regionText).isEmpty()) {
      problems.add("regionCode", "行政区划“" + shorten(regionText) + "”不存在");
      region = null;
    } else {
      region = regionText;
      var level = organisation.get(region).level();
      if (openers.contains(Division.MINISTRY_CODE) && level != DivisionLevel.PROVINCE
          && level != DivisionLevel.MINISTRY) {
        problems.add("regionCode", "监测时点的范围应为全国或一个省（自治区、直辖市），“" + organisation.get(region).name()
            + "”的项目可用项目清单（projectCodes）指定");
      } else if (!mayOpenFor(openers, region)) {
        throw new AccessDeniedException("region " + region + " is not the caller's to open a point for");
      }
    }
    var today = LocalDate.now(clock);
    if (asOf != null && asOf.isAfter(today)) {
      problems.add("asOf", "监测时点 " + asOf + " 尚未到来：数据只能截至今天或之前的日期");
    }
    if (asOf != null && asOf.getYear() < 2000) {
      problems.add("asOf", "监测时点 " + asOf + " 过早");
    }
    if (dueOn != null && asOf != null && !dueOn.isAfter(asOf)) {
      problems.add("dueOn", "填报截止日期 " + dueOn + " 应晚于监测时点 " + asOf);
    } else if (dueOn != null && dueOn.isBefore(today)) {
      problems.add("dueOn", "填报截止日期 " + dueOn + " 已过，请给出今天或以后的日期");
    } else if (dueOn != null && asOf != null && dueOn.isAfter(asOf.plusYears(1))) {
      problems.add("dueOn", "填报截止日期 " + dueOn + " 距监测时点超过一年");
    }
    var projects = projects(request.projectCodes(), region, problems.at("projectCodes"));
    problems.throwIfAny(TITLE);
    return create(asOf, dueOn, region, projects, basis == null ? DEFAULT_BASIS : basis, actor);
  }

  /**
   * The September point of a region (资阳 三(三): 每年9月对1—8月绩效目标实现程度实施分类监控), opened by
   * the schedule; empty when the region has one for the day already (a retried job).
   */
  public Optional<MonitoringPoint> openScheduled(String region, LocalDate asOf, LocalDate dueOn,
      String basis) {
    if (organisation.find(region).isEmpty()) {
      throw new IllegalArgumentException("unknown region in the schedule: " + region);
    }
    if (overlapping(region, asOf).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(create(asOf, dueOn, region, List.of(), basis, "system"));
  }

  private MonitoringPoint create(LocalDate asOf, LocalDate dueOn, String region,
      List<String> projects, String basis, String actor) {
    var existing = overlapping(region, asOf);
    if (existing.isPresent()) {
      throw new ConflictException("该范围已有截至 " + asOf + " 的监测时点（编号 " + existing.get().id()
          + "，" + organisation.get(existing.get().regionCode()).name() + "），不能重复开启");
    }
    var scope = projects.isEmpty() ? MonitoringPoint.Scope.REGION : MonitoringPoint.Scope.LIST;
    var id = repository.insert(asOf, dueOn, region, scope, basis, actor, OffsetDateTime.now(clock),
        projects);
    return get(id);
  }

  /** A point of the same day whose region contains this one or lies within it. */
  private Optional<MonitoringPoint> overlapping(String region, LocalDate asOf) {
    return repository.asOf(asOf).stream().filter(p -> organisation.isWithin(region, p.regionCode())
        || organisation.isWithin(p.regionCode(), region)).findFirst();
  }

  /** The units whose finance department the caller belongs to, that may open points. */
  private List<String> openers(Collection<String> groupIds) {
    return OrganisationService.unitGroups(groupIds).stream().filter(g -> g.role() == Role.FINANCE)
        .map(UnitGroup::divisionCode).filter(code -> organisation.find(code).map(d ->
            d.level() == DivisionLevel.PROVINCE || d.level() == DivisionLevel.MINISTRY)
            .orElse(false))
        .distinct().sorted().toList();
  }

  private boolean mayOpenFor(List<String> openers, String region) {
    var level = organisation.get(region).level();
    return openers.contains(region) || openers.contains(Division.MINISTRY_CODE) && level == DivisionLevel.PROVINCE;
  }

  private List<String> projects(List<?> codes, String region, List<String> problems) {
    if (codes == null || codes.isEmpty()) {
      return List.of();
    }
    if (codes.size() > MAX_PROJECTS) {
      problems.add("项目清单不能超过" + MAX_PROJECTS + "个项目（现为" + codes.size() + "个）");
      return List.of();
    }
    var unique = new LinkedHashSet<String>();
    for (var c : codes) {
      var code = c instanceof String s ? text(s) : null;
      if (code == null || code.length() > 40) {
        problems.add("项目编码“" + (c == null ? "" : shorten(String.valueOf(c))) + "”无效");
      } else {
        unique.add(code);
      }
    }
    var list = List.copyOf(unique);
    var regions = repository.regions(list);
    var received = money.receivedBy(list);
    var scope = region == null ? java.util.Set.<String>of() : organisation.subtree(region);
    for (var code : list) {
      var projectRegion = regions.get(code);
      if (projectRegion == null || region != null && !scope.contains(projectRegion.strip())) {
        problems.add("项目“" + shorten(code) + "”不存在或不在监测范围内");
      } else if (!received.get(code).isPositive()) {
        problems.add("项目“" + code + "”尚未下达资金，无需填报");
      }
    }
    return list;
  }

  @Transactional(readOnly = true)
  public MonitoringPoint get(long id) {
    return repository.find(id).orElseThrow(() -> new NotFoundException("监测时点不存在：" + id));
  }

  /** The point's period, as the filing process reads it. */
  @Transactional(readOnly = true)
  public MonitoringPeriod period(long id) {
    return get(id).period();
  }

  /**
   * The divisions whose funded projects the point asks to file (its region and all beneath it);
   * null for a point opened for a list of projects (the list is read with the point).
   */
  @Transactional(readOnly = true)
  public Collection<String> regions(MonitoringPoint p) {
    return p.scope() == MonitoringPoint.Scope.LIST ? null : organisation.subtree(p.regionCode());
  }

  public void waveStarted(long id, String waveId) {
    repository.waveStarted(id, waveId);
  }

  /** Points the caller's units see: those of a region that contains one of them or lies within. */
  @Transactional(readOnly = true)
  public List<MonitoringPoint> visibleTo(Collection<String> groupIds) {
    var units = OrganisationService.unitGroups(groupIds).stream().map(UnitGroup::divisionCode)
        .distinct().toList();
    return repository.all().stream().filter(p -> visible(p, units)).toList();
  }

  @Transactional(readOnly = true)
  public MonitoringPoint visible(long id, Collection<String> groupIds) {
    var units = OrganisationService.unitGroups(groupIds).stream().map(UnitGroup::divisionCode)
        .distinct().toList();
    return repository.find(id).filter(p -> visible(p, units))
        .orElseThrow(() -> new NotFoundException("监测时点不存在或您无权查看：" + id));
  }

  private boolean visible(MonitoringPoint p, List<String> units) {
    return units.stream().anyMatch(u -> organisation.isWithin(u, p.regionCode())
        || organisation.isWithin(p.regionCode(), u));
  }

  @Transactional(readOnly = true)
  public java.util.Map<String, Integer> counts(long id) {
    return repository.counts(id);
  }

  /** The working day a due date falls on (节假日顺延), for the schedule's default. */
  public LocalDate workingDayOnOrAfter(LocalDate day) {
    return calendar.onOrAfter(day);
  }
}
