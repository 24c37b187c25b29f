package cn.fundmonitor.allocation;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money being issued, over HTTP: the issue lines filled in ahead of the 下达资金 task, and one
 * allocation as its province and its recipients see it (with its method, GX 第十四条).
 */
@RestController
@RequestMapping("/api/allocations")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AllocationApiController {

  private final IssuePrefill prefill;
  private final AllocationService allocations;
  private final OrganisationService organisation;

  /** e.g. the {@code issueLines} of a factor-method calculation. */
  @PostMapping("/issue-lines")
  Prefilled issueLines(@RequestBody IssueLines body) {
    if (body.documentNo() == null || body.documentNo().isBlank()) {
      throw new InvalidInputException("下达明细有误", "请填写资金批复文号");
    }
    var taskId = prefill.prefill(body.documentNo().strip(), body.issueLines());
    return new Prefilled(body.documentNo().strip(), taskId, body.issueLines().size());
  }

  /**
   * One allocation, to a unit of its province or of one of its recipients (a ministry unit sees
   * every province); anyone else is told it does not exist.
   */
  @GetMapping("/{documentNo}")
  AllocationView allocation(@AuthenticationPrincipal CurrentUser user,
      @PathVariable String documentNo) {
    var hidden = new NotFoundException("资金批复文号不存在或您无权查看：" + documentNo);
    if (documentNo.length() > AllocationService.MAX_DOCUMENT_NO) {
      throw hidden;
    }
    Allocation a;
    try {
      a = allocations.get(documentNo);
    } catch (NotFoundException e) {
      throw hidden;
    }
    var scope = organisation.jurisdiction(user.groupIds());
    var parts = allocations.parts(documentNo);
    if (!scope.contains(a.provinceCode())
        && parts.stream().noneMatch(p -> scope.contains(p.recipientCode()))) {
      throw hidden;
    }
    return new AllocationView(a.documentNo(), a.provinceCode(), a.budgetYear(), a.method().name(),
        a.method().label(), a.status().name(), a.status().label(), a.issuedOn(),
        a.issueRecordedOn(), parts.stream().map(p -> new PartView(p.recipientCode(),
            allocations.name(p.recipientCode()), p.status().name(), p.filingDueOn())).toList());
  }

  record IssueLines(String documentNo, List<Map<String, Object>> issueLines) {
    IssueLines {
      issueLines = issueLines == null ? List.of() : issueLines;
    }
  }

  record Prefilled(String documentNo, String taskId, int lines) {}

  record AllocationView(String documentNo, String provinceCode, int budgetYear, String method,
      String methodLabel, String status, String statusLabel, LocalDate issuedOn,
      LocalDate issueRecordedOn, List<PartView> parts) {}

  record PartView(String recipientCode, String recipientName, String status,
      LocalDate filingDueOn) {}
}
