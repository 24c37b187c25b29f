package cn.fundmonitor.rules;

import static cn.fundmonitor.rules.ExpenseApiController.attachment;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Factor-method allocation over HTTP (GX 第十六条): the factors in force, a template of the
 * province's counties, and the calculation from JSON or from the filled template, answered as JSON
 * (with the {@code issueLines} of {@code fundAllocation}) or as the Excel calculation table.
 */
@RestController
@RequestMapping("/api/factor-allocation")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FactorAllocationApiController {

  private final FactorAllocationService service;
  private final FactorSheets sheets;
  private final OrganisationService organisation;

  @GetMapping("/factors")
  FactorWeights.Policy factors(@RequestParam int budgetYear) {
    return service.policy(budgetYear);
  }

  @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ResultView allocate(@RequestBody FactorAllocationRequest request) {
    return ResultView.of(service.allocate(request.read()));
  }

  @PostMapping(produces = Workbooks.XLSX)
  ResponseEntity<byte[]> allocateAsSheet(@RequestBody FactorAllocationRequest request) {
    return sheet(service.allocate(request.read()));
  }

  /** The filled template in, the calculation table (or JSON, if asked for) out. */
  @PostMapping(value = "/sheet", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = Workbooks.XLSX)
  ResponseEntity<byte[]> allocateSheet(@RequestParam("file") MultipartFile file,
      @RequestParam String budgetYear, @RequestParam String total,
      @RequestParam(required = false) String fundShare) {
    return sheet(service.allocate(read(file, budgetYear, total, fundShare).read()));
  }

  @PostMapping(value = "/sheet", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResultView allocateSheetAsJson(@RequestParam("file") MultipartFile file,
      @RequestParam String budgetYear, @RequestParam String total,
      @RequestParam(required = false) String fundShare) {
    return ResultView.of(service.allocate(read(file, budgetYear, total, fundShare).read()));
  }

  /** The counties under the caller's province (or the given division), one row each. */
  @GetMapping("/template")
  ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentUser user,
      @RequestParam int budgetYear, @RequestParam(required = false) String divisionCode) {
    var code = divisionCode != null ? divisionCode : OrganisationService.unitGroups(user.groupIds())
        .stream().map(g -> organisation.provinceOf(g.divisionCode()))
        .flatMap(java.util.Optional::stream).map(d -> d.code()).findFirst()
        .orElseThrow(() -> new InvalidInputException("查询条件有误", "请用 divisionCode 指定省份或市的行政区划代码"));
    if (organisation.find(code).isEmpty()) {
      throw new InvalidInputException("查询条件有误", "行政区划代码“" + code + "”不存在");
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(budgetYear + "年度因素法分配因素数据.xlsx"))
        .body(sheets.template(budgetYear, code));
  }

  private FactorAllocationRequest read(MultipartFile file, String budgetYear, String total,
      String fundShare) {
    if (file.isEmpty()) {
      throw new InvalidInputException("文件有误", "请选择填好的因素数据表（.xlsx）");
    }
    try (var in = file.getInputStream()) {
      return sheets.read(in, budgetYear, total, fundShare);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ResponseEntity<byte[]> sheet(FactorAllocationService.Result result) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(FactorSheets.fileName(result.budgetYear())))
        .body(sheets.write(result));
  }

  record ResultView(int budgetYear, String total, String fundShare, int decisionVersion,
      List<Factor> factors, List<ShareView> shares, List<Map<String, Object>> issueLines) {

    static ResultView of(FactorAllocationService.Result r) {
      return new ResultView(r.budgetYear(), r.total().amount().toPlainString(), r.fundShare().name(),
          r.decisionVersion(), r.factors(), r.shares().stream().map(ShareView::of).toList(),
          r.issueLines());
    }
  }

  record ShareView(String divisionCode, String divisionName, String projectCode,
      Map<String, java.math.BigDecimal> factorValues, Map<String, java.math.BigDecimal> factorPercents,
      java.math.BigDecimal weightedPercent, String amount, String unreducedAmount,
      java.math.BigDecimal reductionPercent, List<String> resultFlags) {

    static ShareView of(FactorAllocationService.CountyShare s) {
      var percents = new java.util.LinkedHashMap<String, java.math.BigDecimal>();
      s.factorShares().forEach((k, v) -> percents.put(k, FactorMethod.percent(v)));
      return new ShareView(s.divisionCode(), s.divisionName(), s.projectCode(), s.factorValues(),
          percents, FactorMethod.percent(s.weightedShare()), s.amount().amount().toPlainString(),
          s.unreducedAmount().amount().toPlainString(), s.reductionPercent(), s.resultFlags());
    }
  }
}
