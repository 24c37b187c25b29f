package cn.fundmonitor.evaluation;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
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
}
