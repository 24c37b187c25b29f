package cn.fundmonitor.problems;

import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One problem over HTTP with what happened to it and, for a confirmed misappropriation, its
 * referral for accountability (GX 第三十三条). Seen by the unit concerned and every unit above it —
 * the province that tracks it (MNR 第十二条) and the ministry; to anyone else it does not exist.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ProblemApiController {

  private final ProblemService problems;
  private final OrganisationService organisation;

  record EventView(String action, String actor, OffsetDateTime occurredAt, String detail) {}

  record ReferralView(String referredTo, String basis, String referredBy, OffsetDateTime referredAt) {}

  record ProblemView(String problemNo, String projectCode, String unitCode, String unitName,
      String kind, String kindLabel, BigDecimal amount, String description, String severity,
      String severityReason, String handlingUnit, String handlingUnitName, String status,
      String statusLabel, String decision, String decisionReason, LocalDate rectificationDueOn,
      String rectificationReport, String confirmedBy, OffsetDateTime closedAt,
      List<EventView> events, ReferralView referral) {}

  @GetMapping("/api/problems/{no}")
  ProblemView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String no) {
    var scope = organisation.jurisdiction(user.groupIds());
    var p = problems.find(no).filter(found -> scope.contains(found.unitCode()))
        .orElseThrow(() -> new NotFoundException("问题不存在或您无权查看：" + no));
    return new ProblemView(p.problemNo(), p.projectCode(), p.unitCode(), name(p.unitCode()),
        p.kind().name(), p.kind().label(), p.amount() == null ? null : p.amount().amount(),
        p.description(), p.severity(), p.severityReason(), p.handlingUnit(),
        p.handlingUnit() == null ? null : name(p.handlingUnit()), p.status().name(),
        p.status().label(), p.decision(), p.decisionReason(), p.rectificationDueOn(),
        p.rectificationReport(), p.confirmedBy(), p.closedAt(),
        problems.eventDetails(no).stream()
            .map(e -> new EventView(e.action(), e.actor(), e.occurredAt(), e.detail())).toList(),
        problems.referral(no).map(r -> new ReferralView(r.referredTo(), r.basis(), r.referredBy(),
            r.referredAt())).orElse(null));
  }

  private String name(String unitCode) {
    return organisation.find(unitCode).map(d -> d.name()).orElse(unitCode);
  }
}
