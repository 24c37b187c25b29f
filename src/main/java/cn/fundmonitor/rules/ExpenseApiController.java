package cn.fundmonitor.rules;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.Workbooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Expense checks over HTTP (GX 第六条、第八条至第十三条): one expense as JSON, or a whole sheet
 * returned with a verdict per row. Anyone signed in may check; nothing is stored.
 */
@RestController
@RequestMapping("/api/expenses")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class ExpenseApiController {

  private final ExpenseChecker checker;
  private final ExpenseSheets sheets;

  /** e.g. {"direction":"GEOHAZARD","expenseCategory":"VEHICLE","hazardResponsibleParty":"不涉及"} */
  @PostMapping("/check")
  VerdictView check(@RequestBody Map<String, Object> body) {
    var problems = new ArrayList<String>();
    var expense = ExpenseInput.read(f -> body.get(f.json()) == null ? null
        : body.get(f.json()).toString(), "", problems);
    if (expense == null) {
      throw new InvalidInputException("支出信息有误", problems);
    }
    var verdict = checker.check(expense);
    return new VerdictView(verdict.allowed(), verdict.inScope(), verdict.inScope()
        ? verdict.scopeArticle() : null, verdict.prohibitions(), verdict.reasons());
  }

  record VerdictView(boolean allowed, boolean inScope, String scopeArticle,
      List<ExpenseVerdict.Prohibition> prohibitions, String reasons) {}

  /** The uploaded sheet back, with 核查结论、支出范围依据、禁止条款、原因 on every row. */
  @PostMapping(value = "/check-sheet", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<byte[]> checkSheet(@RequestParam("file") MultipartFile file) {
    if (file.isEmpty()) {
      throw new InvalidInputException("文件有误", "请选择要核查的 Excel 文件（.xlsx）");
    }
    ExpenseSheets.Result result;
    try (var in = file.getInputStream()) {
      result = sheets.check(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("支出核查结果.xlsx"))
        .header("X-Rows", String.valueOf(result.rows()))
        .header("X-Allowed", String.valueOf(result.allowed()))
        .header("X-Refused", String.valueOf(result.refused()))
        .header("X-Invalid", String.valueOf(result.invalid()))
        .body(result.workbook());
  }

  @GetMapping("/template")
  ResponseEntity<byte[]> template() {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("支出核查模板.xlsx"))
        .body(sheets.template());
  }

  /** The choices a form or sheet may use, with their Chinese names. */
  @GetMapping("/options")
  Map<String, List<Option>> options() {
    return Map.of(
        "expenseCategory", java.util.Arrays.stream(ExpenseCategory.values())
            .map(c -> new Option(c.name(), c.label())).toList(),
        "hazardResponsibleParty", java.util.Arrays.stream(HazardParty.values())
            .map(p -> new Option(p.name(), p.label())).toList(),
        "direction", java.util.Arrays.stream(cn.fundmonitor.project.Direction.values())
            .map(d -> new Option(d.name(), d.label())).toList());
  }

  record Option(String value, String label) {}

  static String attachment(String fileName) {
    return ContentDisposition.attachment().filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
        .build().toString();
  }
}
