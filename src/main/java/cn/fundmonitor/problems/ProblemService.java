package cn.fundmonitor.problems;

import static cn.fundmonitor.common.Inputs.*;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.Problems;
import cn.fundmonitor.problems.ProblemEscalationProcess.Decision;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.common.NumberSequences;
import cn.fundmonitor.money.Yuan;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.DivisionLevel;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import cn.fundmonitor.project.ProjectCatalogue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problem feedback (问题反馈, MNR 第十二条): the province follows up and resolves its cities' and
 * counties' problems; major ones go to the ministry at once (重大问题及时报部); a rectification (整改)
 * is tracked until the superior confirms it, or the problem is dismissed with its reason.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProblemService {

  public static final String MAJOR = "MAJOR";

  private final ProblemRepository repository;
  private final NumberSequences numbers;
  private final ProjectCatalogue catalogue;
  private final OrganisationService organisation;
  private final Clock clock;

  /**
   * Who works on a problem, who rectifies it, and the province that tracks it (the handling unit
   * of an ordinary problem; of a major one, the province still follows it, MNR 第十二条).
   */
  public record Assignment(String handlingUnit, String handlingGroup, String rectifyingGroups,
      String trackingGroup) {}

  /** Records a problem; idempotent per process instance. */
  public Problem raise(RawProblem raw, String actor, Collection<String> actorGroups,
      String processInstanceId) {
    var existing = repository.findByProcessInstance(processInstanceId);
    if (existing.isPresent()) {
      return existing.get();
    }
    var problems = new Problems();
    var projectCode = text(raw.projectCode());
    String unit = null;
    if (projectCode != null) {
      try {
        unit = catalogue.get(projectCode).applicantUnitCode();
      } catch (NotFoundException e) {
        problems.add("projectCode", "项目 " + projectCode + " 不存在");
      }
    } else {
      var units = OrganisationService.unitGroups(actorGroups).stream()
          .map(UnitGroup::divisionCode).distinct().toList();
      if (units.size() != 1) {
        problems.add("projectCode", "请填写问题涉及的项目编码（无法从账号确定所属单位）");
      } else {
        unit = units.get(0);
      }
    }
    var kind = required(raw.kind(), "问题类型", ProblemKind::parse, problems.at("problemKind"));
    Yuan amount = text(raw.amount()) == null ? null
        : amount(raw.amount(), "涉及金额", problems.at("problemAmount"));
    var description = requiredText(raw.description(), "问题描述", 2000,
        problems.at("problemDescription"));
    problems.throwIfAny("问题反馈有误");
    var now = now();
    var no = numbers.next("WT", now.getYear());
    var problem = new Problem(no, projectCode, unit, kind, amount, description, raw.source(),
        raw.sourceRef(), raw.warningLevel(), null, null, null, ProblemStatus.RAISED, null, null,
        null, null, null, null, null, null, actor, now, processInstanceId);
    repository.insert(problem);
    repository.addEvent(no, "RAISED", actor, now, ("MONITORING".equals(raw.source())
        ? "执行监控预警自动反馈（" + raw.sourceRef() + "）：" : "问题反馈：") + kind.label() + "，"
        + description);
    return problem;
  }

  /** The division level of the unit concerned, for the DMN problemSeverity. */
  @Transactional(readOnly = true)
  public DivisionLevel unitLevel(Problem p) {
    return organisation.get(p.unitCode()).level();
  }

  /**
   * Records the DMN's verdict: a major problem goes to the ministry at once, an ordinary one to
   * the province of the unit concerned; the department is the one for the problem's kind.
   */
  public Assignment recordSeverity(String problemNo, String severity, String reason) {
    var p = get(problemNo);
    var major = MAJOR.equals(severity);
    var province = provinceOf(p);
    var handlingUnit = major ? Division.MINISTRY_CODE : province;
    repository.setSeverity(problemNo, major ? MAJOR : "ORDINARY", reason, handlingUnit);
    var to = major ? ProblemStatus.REPORTED_TO_MINISTRY : ProblemStatus.HANDLING;
    move(p, ProblemStatus.RAISED, to);
    repository.addEvent(problemNo, major ? "REPORTED_TO_MINISTRY" : "ASSIGNED", "system", now(),
        (major ? "重大问题，报自然资源部：" : "一般问题，由" + organisation.get(handlingUnit).name() + "跟踪处理：")
            + reason);
    var role = role(p);
    return new Assignment(handlingUnit, UnitGroup.of(handlingUnit, role).id(),
        UnitGroup.of(p.unitCode(), Role.FINANCE).id()
            + (role == Role.FINANCE ? "" : "," + UnitGroup.of(p.unitCode(), role).id()),
        UnitGroup.of(province, role).id());
  }

  private String provinceOf(Problem p) {
    return organisation.provinceOf(p.unitCode()).map(d -> d.code()).orElse(Division.MINISTRY_CODE);
  }

  /**
   * A major problem reported to the ministry is also told to the province of the unit, which keeps
   * tracking it (MNR 第十二条 省级密切跟踪; the ministry handles it, MNR 第五条).
   */
  public void informProvince(String problemNo) {
    var p = get(problemNo);
    if (repository.events(problemNo).contains("PROVINCE_INFORMED")) {
      return;
    }
    repository.addEvent(problemNo, "PROVINCE_INFORMED", "system", now(), "重大问题已报自然资源部，同时告知"
        + organisation.get(provinceOf(p)).name() + "跟踪问题处理和整改（MNR 第十二条）");
  }

  /**
   * The province's opinion on the rectification of a major problem, given before the ministry
   * confirms it (MNR 第十二条: the province tracks every problem of its region).
   */
  public void verifyByProvince(String problemNo, String opinion, String actor) {
    var p = get(problemNo);
    var problems = new Problems();
    var text = requiredText(opinion, "省级核实意见", 2000, problems.at("provinceVerification"));
    problems.throwIfAny("省级核实意见有误");
    if (p.status() != ProblemStatus.RECTIFICATION_REPORTED) {
      throw new ConflictException("问题 " + problemNo + " 当前为“" + p.status().label()
          + "”，没有待核实的整改情况");
    }
    repository.addEvent(problemNo, "PROVINCE_VERIFIED", actor, now(), "省级核实整改情况：" + text);
  }

  /** Who referred a confirmed misappropriation for accountability, to whom and when. */
  public record Referral(String problemNo, String referredTo, String basis, String referredBy,
      OffsetDateTime referredAt) {}

  /**
   * A misappropriation (挪用套取) whose rectification is confirmed is referred for accountability
   * (GX 第三十三条 追究相应责任、涉嫌犯罪的移送司法机关; 第三十四条 财政违法行为处罚): the record says
   * to whom, by whom and when. Idempotent: a retried step finds the record made.
   */
  public Referral referForAccountability(String problemNo, List<String> recipients, String actor) {
    var existing = repository.referral(problemNo);
    if (existing.isPresent()) {
      return existing.get();
    }
    var p = get(problemNo);
    if (p.kind() != ProblemKind.MISAPPROPRIATION || p.status() != ProblemStatus.CLOSED) {
      throw new ConflictException("问题 " + problemNo + " 不是经整改确认属实的挪用套取财政资金问题，无需移交问责");
    }
    var to = String.join("、", recipients.stream().map(String::strip).filter(r -> !r.isEmpty())
        .toList());
    if (to.isEmpty()) {
      throw new InvalidInputException("移交问责有误", "未配置移交对象（fundmonitor.problems.referral-recipients）");
    }
    var referral = new Referral(problemNo, to, "GX 第三十三条、第三十四条", actor, now());
    repository.insertReferral(referral);
    repository.addEvent(problemNo, "REFERRED_FOR_ACCOUNTABILITY", actor, referral.referredAt(),
        "挪用套取财政资金经整改确认属实，由" + organisation.get(p.handlingUnit()).name() + "移交" + to
            + "追究相应责任（GX 第三十三条、第三十四条）");
    return referral;
  }

  @Transactional(readOnly = true)
  public java.util.Optional<Referral> referral(String problemNo) {
    return repository.referral(problemNo);
  }

  /** Money problems go to finance; progress and project changes to the project's department. */
  private Role role(Problem p) {
    return switch (p.kind()) {
      case SLOW_PROGRESS, UNAUTHORISED_CHANGE -> p.projectCode() == null ? Role.FINANCE
          : catalogue.get(p.projectCode()).direction().reviewingRole();
      default -> Role.FINANCE;
    };
  }

  /** The handling unit orders a rectification by a date, or dismisses the problem with reasons. */
  public void decide(String problemNo, Decision decision, String reason, LocalDate rectifyBy,
      String actor) {
    var p = get(problemNo);
    var problems = new Problems();
    var text = requiredText(reason, decision == Decision.RECTIFY ? "整改要求" : "不予整改的理由", 2000,
        problems.at("decisionReason"));
    LocalDate due = null;
    if (decision == Decision.RECTIFY) {
      due = rectifyBy;
      if (due == null) {
        problems.add("rectifyBy", "请填写整改期限");
      } else if (!due.isAfter(LocalDate.now(clock))) {
        problems.add("rectifyBy", "整改期限应晚于今天");
      }
    } else if (decision != Decision.DISMISS) {
      problems.add("problemDecision", "请选择处理意见：责令整改，或经核查不成立");
    }
    problems.throwIfAny("处理意见有误");
    repository.recordDecision(problemNo, decision.name(), text, actor, due);
    var from = p.status();
    if (decision == Decision.DISMISS) {
      move(p, from, ProblemStatus.DISMISSED);
      repository.close(problemNo, actor, now());
      repository.addEvent(problemNo, "DISMISSED", actor, now(), "经核查不成立：" + text);
    } else {
      move(p, from, ProblemStatus.RECTIFYING);
      repository.addEvent(problemNo, "RECTIFICATION_ORDERED", actor, now(),
          "责令整改，期限 " + due + "：" + text);
    }
  }

  public void reportRectification(String problemNo, String report, String actor) {
    var p = get(problemNo);
    var problems = new Problems();
    var text = requiredText(report, "整改情况", 2000, problems.at("rectificationReport"));
    problems.throwIfAny("整改情况有误");
    move(p, ProblemStatus.RECTIFYING, ProblemStatus.RECTIFICATION_REPORTED);
    repository.recordRectification(problemNo, text, actor);
    repository.addEvent(problemNo, "RECTIFICATION_REPORTED", actor, now(), text);
  }

  /** The superior confirms the rectification: only now the problem is closed. */
  public void confirmRectification(String problemNo, String comment, String actor) {
    var p = get(problemNo);
    move(p, ProblemStatus.RECTIFICATION_REPORTED, ProblemStatus.CLOSED);
    repository.close(problemNo, actor, now());
    repository.addEvent(problemNo, "CLOSED", actor, now(),
        "整改已确认" + (comment == null || comment.isBlank() ? "" : "：" + comment.strip()));
  }

  public void rejectRectification(String problemNo, String reason, String actor) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("确认意见有误", "整改未通过时必须说明原因");
    }
    var p = get(problemNo);
    move(p, ProblemStatus.RECTIFICATION_REPORTED, ProblemStatus.RECTIFYING);
    repository.addEvent(problemNo, "RECTIFICATION_REJECTED", actor, now(), "整改未通过：" + reason.strip());
  }

  @Transactional(readOnly = true)
  public Problem get(String problemNo) {
    return repository.find(problemNo)
        .orElseThrow(() -> new NotFoundException("问题不存在：" + problemNo));
  }

  /** What the problem's forms show read-only: names, not codes. */
  @Transactional(readOnly = true)
  public String summary(Problem p) {
    var projectName = p.projectCode() == null ? null : catalogue.find(p.projectCode())
        .map(project -> project.name()).orElse(null);
    return ProblemTexts.summary(p, organisation.find(p.unitCode())
        .map(d -> d.bureau()).orElse(p.unitCode()), projectName);
  }

  @Transactional(readOnly = true)
  public List<String> events(String problemNo) {
    return repository.events(problemNo);
  }

  /** One thing that happened to a problem: who, when, what. */
  public record Event(String action, String actor, OffsetDateTime occurredAt, String detail) {}

  @Transactional(readOnly = true)
  public List<Event> eventDetails(String problemNo) {
    return repository.eventDetails(problemNo);
  }

  @Transactional(readOnly = true)
  public java.util.Optional<Problem> find(String problemNo) {
    return repository.find(problemNo);
  }

  private void move(Problem p, ProblemStatus from, ProblemStatus to) {
    if (p.status() != from || !repository.move(p.problemNo(), from, to)) {
      throw new ConflictException("问题 " + p.problemNo() + " 当前为“" + p.status().label() + "”，不能变更为“"
          + to.label() + "”");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
