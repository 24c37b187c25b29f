package cn.fundmonitor.inspection;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-quality checks over HTTP: the kept checks and their findings (the inspector and those above
 * it see all; a sampled unit sees its own), and a self-check of the caller's own units that keeps
 * nothing (各级自然资源主管部门…开展监测监管数据质量监督检查, MNR 第二十五条).
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class InspectionApiController {

  private final InspectionService inspections;
  private final OrganisationService organisation;
  private final Clock clock;

  @GetMapping("/api/inspections")
  List<InspectionView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year) {
    var scope = organisation.jurisdiction(user.groupIds());
    return inspections.ofYear(year == null ? LocalDate.now(clock).getYear() : year).stream()
        .filter(i -> visible(i, scope)).map(i -> view(i, scope, false)).toList();
  }

  @GetMapping("/api/inspections/{no}")
  InspectionView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String no) {
    var scope = organisation.jurisdiction(user.groupIds());
    var i = inspections.get(no);
    if (!visible(i, scope)) {
      throw new NotFoundException("检查不存在或您无权查看：" + no);
    }
    return view(i, scope, true);
  }

  /** The rules over the caller's own units (or one of them), now; nothing is kept. */
  @GetMapping("/api/data-quality/findings")
  List<FindingView> selfCheck(@AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) Integer year, @RequestParam(required = false) String unit) {
    var scope = organisation.jurisdiction(user.groupIds());
    if (scope.isEmpty()) {
      throw new InvalidInputException("数据自查有误", "您不属于任何单位，无数据可查");
    }
    if (unit != null && !scope.contains(unit)) {
      throw new InvalidInputException("数据自查有误", "单位“" + unit + "”不在本单位管辖范围内");
    }
    var units = unit != null ? List.of(unit) : List.copyOf(scope);
    return inspections.preview(year == null ? LocalDate.now(clock).getYear() : year, units).stream()
        .map(f -> new FindingView(null, f.kind().name(), f.kind().label(), f.kind().basis(), f.unitCode(),
            organisation.get(f.unitCode()).name(), f.reference(), f.description(), null, null, null, null))
        .toList();
  }

  private boolean visible(InspectionRepository.Inspection i, Set<String> scope) {
    return scope.contains(i.scopeUnit()) || sample(i).stream()
        .anyMatch(u -> organisation.subtree(u).stream().anyMatch(scope::contains));
  }

  private static List<String> sample(InspectionRepository.Inspection i) {
    return i.sampleUnits().isBlank() ? List.of() : Arrays.asList(i.sampleUnits().split(","));
  }

  private InspectionView view(InspectionRepository.Inspection i, Set<String> scope, boolean withFindings) {
    var all = scope.contains(i.scopeUnit());
    var findings = !withFindings ? List.<FindingView>of() : inspections.findings(i.inspectionNo()).stream()
        .filter(f -> all || scope.contains(f.unitCode()))
        .map(f -> new FindingView(f.id(), f.kind().name(), f.kind().label(), f.kind().basis(), f.unitCode(),
            organisation.get(f.unitCode()).name(), f.reference(), f.description(), f.status(),
            statusLabel(f.status()), f.rectification(), f.confirmationComment()))
        .toList();
    return new InspectionView(i.inspectionNo(), i.year(), i.scopeUnit(), organisation.get(i.scopeUnit()).name(),
        sample(i), sample(i).stream().map(u -> organisation.get(u).name()).toList(), i.status(),
        "CLOSED".equals(i.status()) ? "已结束" : "整改中", i.startedBy(), i.findingsTotal(),
        i.findingsConfirmed(), findings);
  }

  static String statusLabel(String status) {
    return switch (status) {
      case "OPEN" -> "待整改";
      case "RECTIFIED" -> "待确认";
      case "CONFIRMED" -> "已整改";
      default -> status;
    };
  }

  record InspectionView(String inspectionNo, int year, String scopeUnit, String scopeUnitName,
      List<String> sampleUnits, List<String> sampleUnitNames, String status, String statusLabel,
      String startedBy, int findingsTotal, int findingsConfirmed, List<FindingView> findings) {}

  record FindingView(Long id, String kind, String kindLabel, String basis, String unitCode, String unitName,
      String reference, String description, String status, String statusLabel, String rectification,
      String confirmationComment) {}
}
