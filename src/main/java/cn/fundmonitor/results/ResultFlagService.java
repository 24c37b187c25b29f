package cn.fundmonitor.results;


import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.project.Direction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results that change next year's money (GX 第二十二条、第二十九条; MNR 第十四条 结果应用): a project
 * graded 差 in its self-evaluation, or ended early, in year Y flags the money of its city or county
 * for budget year Y+1. The reduction comes from the {@code resultReduction} table (geohazard
 * emergencies excepted, GX 第二十九条); the province may decide, with a recorded reason, that a flag
 * does not cut the money. A county with several flags is cut by the largest percentage, not the
 * sum (a choice of this system, one a policy owner can revisit).
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ResultFlagService {

  public static final int MAX_REASON = 500;

  private final ResultFlagRepository repository;
  private final ResultReductionTable table;
  private final OrganisationService organisation;
  private final Clock clock;

  /**
   * The flags on the money of a budget year: the results of the year before. Not read-only: each
   * flag evaluates the resultReduction decision, and the engine records that evaluation (its
   * history and, for a logged-in user, its operation log), which PostgreSQL refuses in a read-only
   * transaction.
   */
  @Transactional
  public List<ResultFlag> flagsFor(int budgetYear) {
    var resultYear = budgetYear - 1;
    var raw = new ArrayList<>(repository.poorEvaluations(resultYear));
    raw.addAll(repository.earlyEnds(resultYear));
    var flags = new ArrayList<ResultFlag>();
    for (var r : raw) {
      var emergency = r.emergency() && Direction.GEOHAZARD.name().equals(r.direction());
      var reduction = table.evaluate(r.kind(), emergency);
      flags.add(new ResultFlag(r.projectCode(), r.projectName(), r.regionCode(), r.kind(),
          resultYear, emergency, reduction.percent(), reduction.label(),
          repository.override(budgetYear, r.projectCode()).orElse(null)));
    }
    flags.sort(Comparator.comparing(ResultFlag::regionCode).thenComparing(ResultFlag::projectCode)
        .thenComparing(ResultFlag::kind));
    return flags;
  }

  /** The flags on a division's money: those of projects in it (项目所在市、县). */
  @Transactional
  public List<ResultFlag> flagsWithin(int budgetYear, String divisionCode) {
    return flagsFor(budgetYear).stream()
        .filter(f -> organisation.isWithin(f.regionCode(), divisionCode)).toList();
  }

  /** The percentage a division's money of the budget year is cut by: the largest of its flags. */
  public static BigDecimal reductionOf(List<ResultFlag> flags) {
    return flags.stream().map(ResultFlag::effectivePercent).max(BigDecimal::compareTo)
        .orElse(BigDecimal.ZERO);
  }

  /** The flags visible to a user: those within the user's units. */
  @Transactional
  public List<ResultFlag> visibleFlags(int budgetYear, Set<String> jurisdiction) {
    return flagsFor(budgetYear).stream().filter(f -> jurisdiction.contains(f.regionCode())).toList();
  }

  /** The province's decision not to cut for one project's flags in a budget year, with its reason. */
  public record Decision(int budgetYear, String projectCode, String reason) {}

  /**
   * The province's finance department decides a flag does not cut the budget year's money, with its
   * reason (recorded, once per project and year).
   */
  public ResultFlag override(Decision decision, String actor, Collection<String> groupIds) {
    var year = decision.budgetYear();
    var code = decision.projectCode();
    var why = decision.reason();
    var flags = flagsFor(year).stream().filter(f -> f.projectCode().equals(code)).toList();
    if (flags.isEmpty()) {
      throw new NotFoundException("项目 " + code + " 没有影响" + year + "年度资金的结果标记");
    }
    var region = flags.get(0).regionCode();
    var province = organisation.provinceOf(region).map(d -> d.code()).orElse(null);
    var mayDecide = OrganisationService.unitGroups(groupIds).stream()
        .anyMatch(g -> g.role() == Role.FINANCE && g.divisionCode().equals(province)
            && organisation.find(province).map(d -> d.level() == DivisionLevel.PROVINCE).orElse(false));
    if (!mayDecide) {
      throw new AccessDeniedException("only the project's province finance department overrides a result flag");
    }
    if (flags.stream().anyMatch(f -> f.override() != null)) {
      throw new ConflictException("项目 " + code + " 的" + year + "年度结果标记已决定不予扣减，不能重复决定");
    }
    repository.insertOverride(year, code, new ResultFlag.Override(why, actor,
        OffsetDateTime.now(clock)));
    return flagsFor(year).stream().filter(f -> f.projectCode().equals(code)).findFirst().orElseThrow();
  }
}
