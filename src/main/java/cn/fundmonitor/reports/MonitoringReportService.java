package cn.fundmonitor.reports;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.Quarter;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.project.Indicator;
import cn.fundmonitor.project.ProjectCatalogue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitoring reports of units (整体支出绩效监控报告, MNR 第十四条): a unit enters its report for a
 * monitoring point, starting from a draft the system fills from its own data (the unit's funded
 * projects, their payments and indicators); the Word document is generated from what is saved.
 * A unit writes its own report; its superiors read it.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MonitoringReportService {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final MonitoringReportRepository repository;
  private final StatisticsRepository statistics;
  private final ProjectCatalogue catalogue;
  private final FilingService filings;
  private final OrganisationService organisation;
  private final MonitoringReportDocument document;
  private final ObjectMapper json;
  private final Clock clock;

  /** The saved report as entered, or a draft filled from the unit's data. */
  @Transactional(readOnly = true)
  public Map<String, Object> draft(String unitCode, int year, LocalDate date, Collection<String> groups) {
    requireReader(unitCode, groups);
    return repository.find(unitCode, year, date).map(this::read).orElseGet(() -> fromData(unitCode, year, date));
  }

  @Transactional
  public MonitoringReport save(String unitCode, int year, LocalDate date, Map<String, Object> body,
      String actor, Collection<String> groups) {
    requireWriter(unitCode, groups);
    var report = MonitoringReportInput.parse(unitCode, year, date, body);
    try {
      repository.save(unitCode, year, date, json.writeValueAsString(body), actor, OffsetDateTime.now(clock));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("监控报告有误", "内容无法保存：" + e.getOriginalMessage());
    }
    return report;
  }

  @Transactional(readOnly = true)
  public MonitoringReport get(String unitCode, int year, LocalDate date, Collection<String> groups) {
    requireReader(unitCode, groups);
    var content = repository.find(unitCode, year, date).orElseThrow(() -> new NotFoundException(
        organisation.get(unitCode).name() + "尚未保存" + year + "年监控节点 " + date + " 的监控报告"));
    return MonitoringReportInput.parse(unitCode, year, date, read(content));
  }

  @Transactional(readOnly = true)
  public byte[] document(String unitCode, int year, LocalDate date, Collection<String> groups) {
    return document.write(get(unitCode, year, date, groups), authorityName(unitCode));
  }

  /** 且末县自然资源局, 广西壮族自治区自然资源厅, 自然资源部. */
  public String authorityName(String unitCode) {
    return organisation.get(unitCode).bureau();
  }

  private Map<String, Object> read(String content) {
    try {
      return json.readValue(content, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored monitoring report unreadable", e);
    }
  }

  // --- the draft: the unit's funded projects at the monitoring point ------------------------------

  private Map<String, Object> fromData(String unitCode, int year, LocalDate date) {
    var quarter = new Quarter(year, Math.min(4, (date.getMonthValue() - 1) / 3 + 1));
    var facts = statistics.projects(year, quarter.quarter(), List.of(unitCode)).stream()
        .filter(f -> f.regionCode().equals(unitCode)).toList();
    var issued = BigDecimal.ZERO;
    var paid = BigDecimal.ZERO;
    var uses = new ArrayList<Map<String, Object>>();
    var indicators = new ArrayList<Map<String, Object>>();
    for (var f : facts) {
      var project = catalogue.get(f.projectCode());
      issued = issued.add(f.issued());
      if (f.filed() && f.paid() != null) {
        paid = paid.add(f.paid());
      }
      uses.add(Map.of("name", project.name(), "amount", f.issued().toPlainString()));
      var actuals = f.filingStatus() == null || !f.filed() ? List.<cn.fundmonitor.filing.IndicatorActual>of()
          : filings.actuals(quarter.key(f.projectCode()));
      var targets = catalogue.targetsFor(project.code(), quarter.year()).indicators();
      for (int i = 0; i < targets.size(); i++) {
        var ind = targets.get(i);
        var a = i < actuals.size() ? actuals.get(i) : null;
        indicators.add(row(project.name(), ind, a));
      }
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("reportDate", LocalDate.now(clock).toString());
    body.put("arrived", issued.toPlainString());
    body.put("basic", Map.of("budget", "0", "fiscal", "0", "other", "0", "spent", "0", "uses", List.of()));
    body.put("project", Map.of("budget", issued.toPlainString(), "fiscal", issued.toPlainString(),
        "other", "0", "spent", paid.toPlainString(), "uses", uses));
    body.put("indicators", indicators);
    body.put("extra", Map.of("total", "0", "ownFunds", "0", "superiorFunds", "0", "uses", List.of()));
    body.put("texts", Map.of());
    return body;
  }

  private static Map<String, Object> row(String projectName, Indicator ind,
      cn.fundmonitor.filing.IndicatorActual a) {
    var row = new LinkedHashMap<String, Object>();
    row.put("level1", ind.level().name());
    row.put("level2", ind.category().name());
    row.put("name", projectName + "：" + ind.name());
    row.put("comparator", ind.comparator().name());
    row.put("target", ind.target().text());
    row.put("unit", ind.unit() == null ? "" : ind.unit());
    if (a == null || a.notYetDue()) {
      row.put("notYetDue", true);
    } else {
      row.put("actual", a.actual() == null ? "" : a.actual().text());
      if (a.completionRate() != null) {
        row.put("rate", a.completionRate());
      }
    }
    return row;
  }

  // --- who may --------------------------------------------------------------------------------------

  private void requireWriter(String unitCode, Collection<String> groups) {
    exists(unitCode);
    if (OrganisationService.unitGroups(groups).stream().noneMatch(g -> g.divisionCode().equals(unitCode))) {
      throw new AccessDeniedException("only the unit writes its report");
    }
  }

  private void requireReader(String unitCode, Collection<String> groups) {
    exists(unitCode);
    if (!groups.contains(StatisticsService.ADMIN_GROUP) && !organisation.jurisdiction(groups).contains(unitCode)) {
      throw new AccessDeniedException("outside the user's units");
    }
  }

  private void exists(String unitCode) {
    if (organisation.find(unitCode).isEmpty()) {
      throw new NotFoundException("单位不存在：" + unitCode);
    }
  }
}
