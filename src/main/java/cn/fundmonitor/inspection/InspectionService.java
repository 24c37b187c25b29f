package cn.fundmonitor.inspection;

import static cn.fundmonitor.common.Inputs.requiredText;
import static cn.fundmonitor.common.Inputs.text;
import static cn.fundmonitor.inspection.InspectionProcess.CONFIRMATION_COMMENT;
import static cn.fundmonitor.inspection.InspectionProcess.RECTIFICATION;
import static cn.fundmonitor.inspection.InspectionProcess.SAMPLE_SIZE;
import static cn.fundmonitor.inspection.InspectionProcess.SAMPLE_UNITS;
import static cn.fundmonitor.inspection.InspectionProcess.YEAR;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NumberSequences;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.ProcessVariable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-quality spot checks (抽查, MNR 第二十五条、第十八条): a province or the ministry chooses a
 * sample of the units below it (named, or drawn at random), the rules run over the year's data
 * of those units, and each finding is tracked until the inspector confirms its rectification.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class InspectionService {

  private final InspectionRepository repository;
  private final InspectionRules rules;
  private final OrganisationService organisation;
  private final NumberSequences numbers;
  private final Clock clock;

  /** The inspection opened: its number, its sample and the ids of its findings. */
  public record Opened(String inspectionNo, String scopeUnit, List<String> sample, List<Long> findingIds) {}

  /**
   * {@code year} and {@code sampleSize} null when the form gave none or no whole number;
   * {@code sampleUnits} the codes as typed, separated by commas or spaces.
   */
  public Opened start(Integer year, String sampleUnits, Integer sampleSize, String inspector,
      Collection<String> groups, String processInstanceId) {
    var problems = new Problems();
    var scope = OrganisationService.unitGroups(groups).stream().map(g -> organisation.get(g.divisionCode()))
        .filter(d -> d.level() == DivisionLevel.PROVINCE || d.level() == DivisionLevel.MINISTRY)
        .map(Division::code).findFirst().orElse(null);
    if (scope == null) {
      problems.add("数据质量抽查由省级或部级自然资源主管部门组织（MNR 第十八条）");
    }
    int y = year == null ? 0 : year;
    if (y < 2000 || y > 2100) {
      problems.add(field(YEAR), "检查年度应为2000至2100之间的年份");
    }
    var sample = new LinkedHashSet<String>();
    var named = text(sampleUnits);
    if (named != null) {
      for (var code : named.split("[,，、\\s]+")) {
        var d = organisation.find(code);
        if (d.isEmpty()) {
          problems.add(field(SAMPLE_UNITS), "抽查单位“" + code + "”不存在");
        } else if (scope != null && !organisation.isWithin(code, scope)) {
          problems.add(field(SAMPLE_UNITS), "抽查单位“" + d.get().name() + "”不在本单位管辖范围内");
        } else {
          sample.add(code);
        }
      }
    }
    Integer size = null;
    if (named == null) {
      size = sampleSize;
      if (size == null || size < 1) {
        problems.add(field(SAMPLE_SIZE), "请填写抽查单位，或填写随机抽取的单位数（正整数）");
      }
    }
    problems.throwIfAny("数据质量抽查有误");
    var no = numbers.next("ZJ", OffsetDateTime.now(clock).getYear());
    if (size != null) {
      sample.addAll(draw(scope, size, no));
    }
    var units = new HashSet<String>();
    sample.forEach(u -> units.addAll(organisation.subtree(u)));
    repository.insert(no, scope, y, String.join(",", sample), inspector, OffsetDateTime.now(clock), processInstanceId);
    var ids = new ArrayList<Long>();
    for (var f : rules.run(y, units)) {
      ids.add(repository.insertFinding(no, f));
    }
    return new Opened(no, scope, List.copyOf(sample), ids);
  }

  /** Draws cities and counties under the scope at random; the inspection number seeds it. */
  List<String> draw(String scope, int size, String seed) {
    var candidates = organisation.subtree(scope).stream().map(organisation::get)
        .filter(Division::active).filter(d -> d.level() == DivisionLevel.CITY || d.level() == DivisionLevel.COUNTY)
        .map(Division::code).sorted(Comparator.naturalOrder()).toList();
    var shuffled = new ArrayList<>(candidates);
    java.util.Collections.shuffle(shuffled, new Random(seed.hashCode()));
    return shuffled.subList(0, Math.min(size, shuffled.size()));
  }

  public void rectify(long findingId, String text, String actor) {
    var f = repository.finding(findingId);
    if (!"OPEN".equals(f.status())) {
      throw new ConflictException("该问题当前不能提交整改情况");
    }
    var problems = new Problems();
    var value = requiredText(text, "整改情况", 2000, problems.at(field(RECTIFICATION)));
    problems.throwIfAny("整改情况有误");
    repository.recordRectification(findingId, value, actor, OffsetDateTime.now(clock));
  }

  public void confirm(long findingId, boolean confirmed, String comment, String actor) {
    var f = repository.finding(findingId);
    if (!"RECTIFIED".equals(f.status())) {
      throw new ConflictException("该问题尚未提交整改情况");
    }
    if (!confirmed && text(comment) == null) {
      throw InvalidInputException.of("确认意见有误", field(CONFIRMATION_COMMENT), "整改不到位时必须说明原因");
    }
    repository.recordConfirmation(findingId, confirmed, text(comment), actor, OffsetDateTime.now(clock));
  }

  public void close(String no) {
    repository.close(no, OffsetDateTime.now(clock));
  }

  @Transactional(readOnly = true)
  public InspectionRepository.Inspection get(String no) {
    return repository.find(no);
  }

  @Transactional(readOnly = true)
  public List<InspectionRepository.Inspection> ofYear(int year) {
    return repository.ofYear(year);
  }

  @Transactional(readOnly = true)
  public List<InspectionRepository.TrackedFinding> findings(String no) {
    return repository.findings(no);
  }

  @Transactional(readOnly = true)
  public InspectionRepository.TrackedFinding finding(long id) {
    return repository.finding(id);
  }

  /** What the year's checks found about one project: findings, and how many are confirmed closed. */
  public record ProjectFindings(int total, int confirmed) {
    /** For the evaluation summary (MNR 第二十五条: 检查结果在绩效评价报告中予以反映). */
    public String text() {
      return total + " 条" + (confirmed == total ? "，均已整改确认" : "，已整改确认 " + confirmed + " 条");
    }
  }

  private static final java.util.regex.Pattern PROJECT_CODE =
      java.util.regex.Pattern.compile("\\d{6}-\\d{4}-\\d{4}");

  /**
   * The project a finding is about, named in its reference (a filing, a self-evaluation or an
   * allocation line); none for a finding about a whole document or unit.
   */
  public static java.util.Optional<String> projectOf(String reference) {
    var m = PROJECT_CODE.matcher(reference);
    return m.find() ? java.util.Optional.of(m.group()) : java.util.Optional.empty();
  }

  /**
   * The year's kept check results per project (a finding names its project in its reference: a
   * filing, a self-evaluation or an allocation line); findings about a whole document or unit
   * belong to no project.
   */
  @Transactional(readOnly = true)
  public java.util.Map<String, ProjectFindings> byProject(int year) {
    var counts = new java.util.HashMap<String, int[]>();
    for (var f : repository.findingsOfYear(year)) {
      projectOf(f.reference()).ifPresent(code -> {
        var c = counts.computeIfAbsent(code, k -> new int[2]);
        c[0]++;
        if ("CONFIRMED".equals(f.status())) {
          c[1]++;
        }
      });
    }
    var result = new java.util.HashMap<String, ProjectFindings>();
    counts.forEach((code, c) -> result.put(code, new ProjectFindings(c[0], c[1])));
    return result;
  }

  /** For tests and the API: the rules over a year's data of some units, nothing kept. */
  @Transactional(readOnly = true)
  public List<Finding> preview(int year, Collection<String> units) {
    var all = new HashSet<String>();
    units.forEach(u -> all.addAll(organisation.subtree(u)));
    return rules.run(year, all);
  }

  /** A form field: the variable's name. */
  private static String field(ProcessVariable<?> variable) {
    return variable.name();
  }
}
