package cn.fundmonitor.filing;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.platform.CurrentUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Quarterly filings from Excel: the template of the caller's open filings, and the upload. */
@RestController
@RequestMapping("/api/filings")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FilingImportApiController {

  private final FilingSheetImport sheets;
  private final MonitoringPointService points;

  /**
   * The template of a quarter's open filings ({@code year}, {@code quarter}) or of a monitoring
   * point's ({@code pointId}; MNR 第十一条: 其他填报时点，按要求执行); both import the same way.
   */
  @GetMapping("/import-template")
  ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
      @RequestParam(required = false) Long pointId) {
    FilingPeriod q;
    if (pointId != null) {
      if (quarter != null) {
        throw new InvalidInputException("查询条件有误", "请指定季度（year、quarter）或监测时点（pointId）之一，不能同时指定");
      }
      q = points.visible(pointId, user.groupIds()).period();
    } else if (year == null || quarter == null) {
      throw new InvalidInputException("查询条件有误", "请指定季度（year、quarter）或监测时点（pointId）");
    } else if (quarter < 1 || quarter > 4) {
      throw new InvalidInputException("查询条件有误", "季度应为1至4");
    } else {
      q = new Quarter(year, quarter);
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(q.label() + "填报导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
        .body(sheets.template(q, user.groupIds()));
  }

  @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  FilingSheetImport.Result importSheet(@AuthenticationPrincipal CurrentUser user,
      @RequestParam("file") MultipartFile file) {
    if (file.isEmpty()) {
      throw new InvalidInputException("文件有误", "请选择填好的填报表（.xlsx，季度或监测时点）");
    }
    try (var in = file.getInputStream()) {
      return sheets.importSheet(in, user.userId());
    } catch (IOException e) {
      // the upload broke off or cannot be read: the client's to send again, not a server fault
      throw new InvalidInputException("文件有误", "上传的文件无法读取，请重新上传");
    }
  }
}
