package cn.fundmonitor.allocation;

import cn.fundmonitor.common.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Money being issued, over HTTP: the issue lines filled in ahead of the 下达资金 task. */
@RestController
@RequestMapping("/api/allocations")
class AllocationApiController {

  private final IssuePrefill prefill;

  AllocationApiController(IssuePrefill prefill) {
    this.prefill = prefill;
  }

  /** e.g. the {@code issueLines} of a factor-method calculation. */
  @PostMapping("/issue-lines")
  Prefilled issueLines(@RequestBody IssueLines body) {
    if (body.documentNo() == null || body.documentNo().isBlank()) {
      throw new InvalidInputException("下达明细有误", "请填写资金批复文号");
    }
    var taskId = prefill.prefill(body.documentNo().strip(), body.issueLines());
    return new Prefilled(body.documentNo().strip(), taskId, body.issueLines().size());
  }

  record IssueLines(String documentNo, List<Map<String, Object>> issueLines) {
    IssueLines {
      issueLines = issueLines == null ? List.of() : issueLines;
    }
  }

  record Prefilled(String documentNo, String taskId, int lines) {}
}
