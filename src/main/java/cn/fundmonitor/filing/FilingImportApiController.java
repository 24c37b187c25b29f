package cn.fundmonitor.filing;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.platform.CurrentUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
class FilingImportApiController {

  private final FilingSheetImport sheets;

  FilingImportApiController(FilingSheetImport sheets) {
    this.sheets = sheets;
  }

  @GetMapping("/import-template")
  ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentUser user, @RequestParam int year,
      @RequestParam int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new InvalidInputException("查询条件有误", "季度应为1至4");
    }
    var q = new Quarter(year, quarter);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(q.label() + "填报导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
        .body(sheets.template(q, user.groupIds()));
  }

  @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  FilingSheetImport.Result importSheet(@AuthenticationPrincipal CurrentUser user,
      @RequestParam("file") MultipartFile file) {
    if (file.isEmpty()) {
      throw new InvalidInputException("文件有误", "请选择填好的季度填报表（.xlsx）");
    }
    try (var in = file.getInputStream()) {
      return sheets.importSheet(in, user.userId());
    } catch (IOException e) {
      // the upload broke off or cannot be read: the client's to send again, not a server fault
      throw new InvalidInputException("文件有误", "上传的文件无法读取，请重新上传");
    }
  }
}
