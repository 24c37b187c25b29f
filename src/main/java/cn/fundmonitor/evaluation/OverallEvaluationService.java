package cn.fundmonitor.evaluation;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of each province's overall evaluation (GX 第二十八条) and who may read it: the
 * province's own departments, its 财政厅 (the result is reported to it) and the ministry.
 */
@Service
@Transactional
public class OverallEvaluationService {

  static final String ADMIN_GROUP = "camunda-admin";

  private final OverallEvaluationRepository repository;
  private final OrganisationService organisation;
  private final Clock clock;

  OverallEvaluationService(OverallEvaluationRepository repository, OrganisationService organisation,
      Clock clock) {
    this.repository = repository;
    this.organisation = organisation;
    this.clock = clock;
  }

  void started(String key, String provinceCode, int year, String summary, String processInstanceId,
      String startedBy) {
    repository.createIfAbsent(key, provinceCode, year, summary, processInstanceId, startedBy,
        OffsetDateTime.now(clock));
  }

  void written(String key, String conclusion, String actor) {
    repository.recordConclusion(key, conclusion, actor, OffsetDateTime.now(clock));
  }

  void received(String key, String reEvaluation, List<String> projects, String comment,
      String actor) {
    repository.recordReceipt(key, reEvaluation, projects.isEmpty() ? null : String.join(",", projects),
        comment, actor, OffsetDateTime.now(clock));
  }

  /** A province's overall evaluations, newest year first, for a caller allowed to read them. */
  @Transactional(readOnly = true)
  public List<OverallEvaluation> ofProvince(String provinceCode, Collection<String> callerGroups) {
    checkReader(province(provinceCode), callerGroups);
    return repository.ofProvince(provinceCode);
  }

  /** One province's overall evaluation of one year. */
  @Transactional(readOnly = true)
  public OverallEvaluation get(String provinceCode, int year, Collection<String> callerGroups) {
    checkReader(province(provinceCode), callerGroups);
    return repository.find(OverallEvaluationProcess.businessKey(provinceCode, year))
        .orElseThrow(() -> new NotFoundException(organisation.get(provinceCode).name() + " " + year
            + " 年度尚未开展专项资金总体绩效评价"));
  }

  private String province(String code) {
    if (code == null || !code.matches("\\d{6}")) {
      throw new InvalidInputException("查询有误", "省级行政区划代码应为 6 位数字");
    }
    var division = organisation.find(code).orElseThrow(
        () -> new NotFoundException("没有行政区划代码为 " + code + " 的省级单位"));
    if (division.level() != DivisionLevel.PROVINCE) {
      throw new InvalidInputException("查询有误",
          division.name() + "不是省级单位：专项资金总体绩效评价由省级自然资源主管部门开展（GX 第二十八条）");
    }
    return code;
  }

  /**
   * GX 第二十八条: the province evaluates and reports to its 财政厅; the ministry oversees every
   * province. A city or county, or another province, does not read it.
   */
  private static void checkReader(String provinceCode, Collection<String> groups) {
    if (groups.contains(ADMIN_GROUP)) {
      return;
    }
    var allowed = OrganisationService.unitGroups(groups).stream()
        .anyMatch(g -> g.divisionCode().equals(provinceCode) || g.divisionCode().equals(Division.MINISTRY_CODE));
    if (!allowed) {
      throw new AccessDeniedException("overall evaluation of " + provinceCode);
    }
  }

  /** The evaluated year as asked: a year that has ended, from 2000 on. */
  static int evaluationYear(Object value, int thisYear) {
    int year;
    try {
      year = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("总体绩效评价有误", "请填写评价年度（四位年份）");
    }
    if (year < 2000 || year >= thisYear) {
      throw new InvalidInputException("总体绩效评价有误",
          "评价年度应为已经结束的年度（2000 至 " + (thisYear - 1) + " 年）");
    }
    return year;
  }

  /** The year's project self-evaluations of the province in words: counts, grades, the poor ones. */
  static String summary(String provinceName, int year, List<SelfEvaluation> all) {
    var text = new StringBuilder(provinceName).append(" ").append(year)
        .append(" 年度项目绩效自评（GX 第二十八条：由设区市审核汇总后报自治区）\n")
        .append("项目自评：").append(all.size()).append(" 个");
    var byStatus = new TreeMap<String, Long>(all.stream()
        .collect(Collectors.groupingBy(e -> e.status().label(), Collectors.counting())));
    if (!byStatus.isEmpty()) {
      text.append("（").append(byStatus.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining("，"))).append("）");
    }
    text.append('\n');
    var graded = all.stream().filter(e -> e.grade() != null).toList();
    text.append("等级：").append(Arrays.stream(Grade.values()).map(g -> g.label() + " "
        + graded.stream().filter(e -> e.grade() == g).count()).collect(Collectors.joining("，")))
        .append('\n');
    var poor = graded.stream().filter(e -> e.grade() == Grade.POOR).toList();
    if (!poor.isEmpty()) {
      text.append("评价为“差”的项目（GX 第二十九条：除地质灾害应急项目外，少安排或不安排所在市、县下一年度专项资金）：\n");
      poor.forEach(e -> text.append("  ").append(e.projectCode())
          .append(e.emergency() ? "（地质灾害应急项目）" : "").append('\n'));
    }
    return text.toString();
  }

  /** The project codes 财政厅 named for re-evaluation, in the order named, at most 200. */
  static List<String> reEvaluationProjects(String text) {
    if (text == null) {
      return List.of();
    }
    var result = new LinkedHashSet<String>();
    for (var part : text.split("[,，、;；\\s]+")) {
      if (!part.isBlank()) {
        result.add(part.strip());
      }
    }
    if (result.size() > 200) {
      throw new InvalidInputException("接收意见有误", "一次最多选择 200 个项目");
    }
    return List.copyOf(result);
  }
}
