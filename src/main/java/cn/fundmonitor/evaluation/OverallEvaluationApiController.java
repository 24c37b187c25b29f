package cn.fundmonitor.evaluation;

import cn.fundmonitor.organisation.OrganisationService;
import cn.fundmonitor.platform.CurrentUser;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provinces' overall evaluations of their special funds (GX 第二十八条), for the province, the
 * 财政厅 it reports to, and the ministry; anyone else is answered 403.
 */
@RestController
@RequestMapping(path = "/api/overall-evaluations", produces = MediaType.APPLICATION_JSON_VALUE)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OverallEvaluationApiController {

  private final OverallEvaluationService evaluations;
  private final OrganisationService organisation;

  @GetMapping
  List<OverallEvaluationView> list(@AuthenticationPrincipal CurrentUser user,
      @RequestParam String province) {
    return evaluations.ofProvince(province, user.groupIds()).stream().map(this::view).toList();
  }

  @GetMapping("/{province}/{year}")
  OverallEvaluationView get(@AuthenticationPrincipal CurrentUser user,
      @PathVariable String province, @PathVariable int year) {
    return view(evaluations.get(province, year, user.groupIds()));
  }

  private OverallEvaluationView view(OverallEvaluation e) {
    return new OverallEvaluationView(e.businessKey(), e.provinceCode(),
        organisation.nameOf(e.provinceCode()), e.year(), e.status().name(), e.status().label(),
        e.summary(), e.conclusion(), e.writtenBy(), e.writtenAt(),
        e.reEvaluation() == null ? null
            : OverallEvaluationProcess.ReEvaluation.SELECTED.name().equals(e.reEvaluation()) ? "选择部分项目开展绩效再评价" : "不开展再评价",
        e.reEvaluationProjects(), e.fiscalComment(), e.receivedBy(), e.receivedAt(),
        e.startedBy(), e.startedAt());
  }

  record OverallEvaluationView(String businessKey, String provinceCode, String provinceName,
      int year, String status, String statusLabel, String summary, String conclusion,
      String writtenBy, OffsetDateTime writtenAt, String reEvaluation,
      List<String> reEvaluationProjects, String fiscalComment, String receivedBy,
      OffsetDateTime receivedAt, String startedBy, OffsetDateTime startedAt) {}
}
