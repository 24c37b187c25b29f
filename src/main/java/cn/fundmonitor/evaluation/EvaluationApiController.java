package cn.fundmonitor.evaluation;

import cn.fundmonitor.common.TextCells;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.inspection.InspectionService;
import cn.fundmonitor.organisation.Division;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import cn.fundmonitor.project.ProjectCatalogue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The year's self-evaluations as the province collects them (GX 第二十八条): score, grade, status
 * and whether next year's money is reduced (GX 第二十九条), for the caller's units and below.
 */
@RestController
@RequestMapping("/api/evaluations")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class EvaluationApiController {

  static final String ADMIN_GROUP = "camunda-admin";

  private final SelfEvaluationService evaluations;
  private final ProjectCatalogue catalogue;
  private final OrganisationService organisation;
  private final InspectionService inspections;

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  List<EvaluationView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
    var checks = inspections.byProject(year);
    return visible(user, year).stream().map(e -> view(e, checks)).toList();
  }

  @GetMapping(produces = Workbooks.XLSX)
  ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @RequestParam int year) {
    var wb = new SXSSFWorkbook(100);
    var sheet = wb.createSheet(year + "年度绩效自评汇总");
    var headers = List.of("项目编码", "项目名称", "承担单位", "资金方向", "状态", "得分", "等级", "地质灾害应急项目",
        "下一年度少安排资金", "说明", "审核人", "审核意见", "数据质量检查发现的问题");
    var header = sheet.createRow(0);
    for (int c = 0; c < headers.size(); c++) {
      header.createCell(c).setCellValue(headers.get(c));
      sheet.setColumnWidth(c, (c == 1 || c == 9 ? 36 : c == 12 ? 24 : 14) * 256);
    }
    int r = 1;
    var checks = inspections.byProject(year);
    for (var e : visible(user, year)) {
      var v = view(e, checks);
      var row = sheet.createRow(r++);
      TextCells.set(row.createCell(0), v.projectCode());
      TextCells.set(row.createCell(1), v.projectName());
      TextCells.set(row.createCell(2), v.unitName());
      TextCells.set(row.createCell(3), v.direction());
      TextCells.set(row.createCell(4), v.status());
      if (v.score() != null) {
        row.createCell(5).setCellValue(v.score().doubleValue());
      }
      TextCells.set(row.createCell(6), v.grade() == null ? "" : v.grade());
      TextCells.set(row.createCell(7), v.emergency() ? "是" : "否");
      TextCells.set(row.createCell(8), v.allocationReduced() ? "是" : "否");
      TextCells.set(row.createCell(9), v.flagReason() == null ? "" : v.flagReason());
      TextCells.set(row.createCell(10), v.reviewedBy() == null ? "" : v.reviewedBy());
      TextCells.set(row.createCell(11), v.reviewComment() == null ? "" : v.reviewComment());
      TextCells.set(row.createCell(12), v.inspectionFindings() == null ? "无" : v.inspectionFindings());
    }
    sheet.createFreezePane(2, 1);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(year + "年度绩效自评汇总.xlsx", StandardCharsets.UTF_8).build().toString())
        .body(Workbooks.bytes(wb));
  }

  private List<SelfEvaluation> visible(CurrentUser user, int year) {
    Set<String> regions = user.groupIds().contains(ADMIN_GROUP) ? organisation.subtree(Division.MINISTRY_CODE)
        : organisation.jurisdiction(user.groupIds());
    return evaluations.ofYear(year, regions);
  }

  private EvaluationView view(SelfEvaluation e, Map<String, InspectionService.ProjectFindings> checks) {
    var project = catalogue.get(e.projectCode());
    var found = checks.get(e.projectCode());
    return new EvaluationView(e.projectCode(), project.name(),
        organisation.get(project.applicantUnitCode()).name(), project.direction().label(),
        e.status().label(), e.score(), e.grade() == null ? null : e.grade().label(), e.emergency(),
        e.flagged(), e.flagReason(), e.dueOn().toString(), e.reviewedBy(), e.reviewComment(),
        found == null ? null : found.text(), e.kind().label());
  }

  record EvaluationView(String projectCode, String projectName, String unitName, String direction,
      String status, BigDecimal score, String grade, boolean emergency, boolean allocationReduced,
      String flagReason, String dueOn, String reviewedBy, String reviewComment,
      String inspectionFindings, String kind) {}
}
