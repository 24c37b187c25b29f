package cn.fundmonitor.correction;

import cn.fundmonitor.common.NotFoundException;
import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of one data correction over HTTP (MNR 第二十二条): the value before and after, who
 * asked and when, who consented (before transmission, the superior) or decided (after it, the
 * ministry) and when, who applied it and when. Read by those it concerns — the requesting unit,
 * its superior, the province and the ministry (every unit whose jurisdiction covers the
 * requester); to anyone else the correction does not exist.
 */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class CorrectionApiController {

  /** BG2026-000001: a request number; anything else cannot name one. */
  private static final Pattern REQUEST_NO = Pattern.compile("BG\\d{4}-\\d{6}");

  private final CorrectionService corrections;
  private final OrganisationService organisation;

  record ChangeView(String field, String before, String after, String requestedBy,
      String approvedBy, String appliedBy, OffsetDateTime appliedAt, String reason) {}

  record CorrectionView(String requestNo, String recordType, String recordKey, String field,
      String before, String after, String reason, String unitCode, String unitName,
      boolean afterTransmission, String status, String statusLabel, String requestedBy,
      OffsetDateTime requestedAt, String consentedBy, OffsetDateTime consentedAt,
      String decisionReason, String appliedBy, OffsetDateTime appliedAt, List<ChangeView> applied) {}

  @GetMapping("/api/corrections/{requestNo}")
  CorrectionView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String requestNo) {
    var notFound = new NotFoundException("变更申请不存在或您无权查看：" + shorten(requestNo));
    if (!REQUEST_NO.matcher(requestNo).matches()) {
      throw notFound;
    }
    var scope = organisation.jurisdiction(user.groupIds());
    var audit = corrections.audit(requestNo)
        .filter(a -> scope.contains(a.request().unitCode())).orElseThrow(() -> notFound);
    var r = audit.request();
    return new CorrectionView(r.requestNo(), r.recordType(), r.recordKey(), r.field(),
        r.oldValue(), r.newValue(), r.reason(), r.unitCode(),
        organisation.find(r.unitCode()).map(d -> d.name()).orElse(r.unitCode()),
        r.afterTransmission(), r.status().name(), r.status().label(), r.requestedBy(),
        r.requestedAt(), r.decidedBy(), audit.decidedAt(), r.decisionReason(), r.appliedBy(),
        audit.appliedAt(), audit.applied().stream().map(c -> new ChangeView(c.field(), c.before(),
            c.after(), c.requestedBy(), c.approvedBy(), c.appliedBy(), c.appliedAt(), c.reason()))
            .toList());
  }

  private static String shorten(String text) {
    return text.length() > 30 ? text.substring(0, 30) + "…" : text;
  }
}
