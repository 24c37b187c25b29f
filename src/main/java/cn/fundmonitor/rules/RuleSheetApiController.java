package cn.fundmonitor.rules;

import static cn.fundmonitor.rules.ExpenseApiController.attachment;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.Workbooks;
import cn.fundmonitor.organisation.CamundaOrganisationSync;
import cn.fundmonitor.platform.CurrentUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Decision tables as Excel: anyone signed in may read the rules in force; policy owners (and
 * administrators) import an edited sheet as the table's next version.
 */
@RestController
@RequestMapping("/api/rules")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RuleSheetApiController {

  static final String ADMIN_GROUP = "camunda-admin";

  private final RuleSheets sheets;

  @GetMapping
  List<RuleSheets.TableInfo> tables() {
    return sheets.tables();
  }

  @GetMapping("/{key}/sheet")
  ResponseEntity<byte[]> export(@PathVariable String key) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(Workbooks.XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(key + ".xlsx"))
        .body(sheets.export(key));
  }

  @PostMapping(value = "/{key}/sheet", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  RuleSheets.Imported importSheet(@AuthenticationPrincipal CurrentUser user,
      @PathVariable String key, @RequestParam("file") MultipartFile file) {
    if (!user.groupIds().contains(CamundaOrganisationSync.POLICY_OWNERS)
        && !user.groupIds().contains(ADMIN_GROUP)) {
      throw new AccessDeniedException("only policy owners change decision tables");
    }
    if (file.isEmpty()) {
      throw new InvalidInputException("文件有误", "请选择修改后的规则表（.xlsx）");
    }
    try (var in = file.getInputStream()) {
      return sheets.importSheet(key, in, user.userId());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
