package cn.fundmonitor.allocation;

import static cn.fundmonitor.support.TestUsers.*;
import static cn.fundmonitor.warehousing.ApplicationRequest.indicator;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import cn.fundmonitor.support.Projects;
import cn.fundmonitor.support.TestUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One allocation over HTTP with its method (GX 第十四条: 项目法 / 因素法): its province and its
 * recipients see it; another county, another province and hostile addresses are told it does not
 * exist.
 */
@FundMonitorTest
class AllocationApiTest {

  @LocalServerPort int port;
  @Autowired AllocationService allocations;
  @Autowired Projects projects;
  @Autowired TestUsers users;
  final ObjectMapper json = new ObjectMapper();

  int status(String documentNo, String user) {
    return new Http(port).get("/api/allocations/" + URLEncoder.encode(documentNo,
        StandardCharsets.UTF_8).replace("+", "%20"), user, PASSWORD).statusCode();
  }

  @Test
  void theAllocationShowsItsMethodToItsProvinceAndRecipientsOnly_gxArticle14() throws Exception {
    var project = projects.withAnnualTargets(
        projects.warehoused(XINGNING_ECO, "450102", "兴宁区因素法项目"), 2026);
    var documentNo = "桂财资环〔2026〕因素法API1号";
    allocations.register(new RawReceipt(documentNo, "CENTRAL", "ECO_RESTORATION", 2026, "1000",
            "0", LocalDate.parse("2026-11-01"), List.of(indicator("OUTPUT", "QUANTITY", "修复治理面积", "GE", "1", "公顷")),
            "因素法"), GUANGXI_FINANCE, users.groups(GUANGXI_FINANCE), null);
    allocations.issue(documentNo, "下达API1", LocalDate.parse("2026-11-02"), List.of(Map.of("recipientCode", "450102",
        "projectCode", project, "centralShare", "1000")), List.of(), GUANGXI_FISCAL);

    var path = "/api/allocations/" + URLEncoder.encode(documentNo, StandardCharsets.UTF_8);
    var response = new Http(port).get(path, GUANGXI_FINANCE, PASSWORD);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    var body = json.readTree(response.body());
    assertThat(body.get("method").asText()).isEqualTo("FACTOR");
    assertThat(body.get("methodLabel").asText()).isEqualTo("因素法");
    assertThat(body.get("issueRecordedOn").asText()).isNotBlank();
    assertThat(body.get("parts").get(0).get("recipientCode").asText()).isEqualTo("450102");

    assertThat(status(documentNo, XINGNING_FINANCE)).as("the recipient").isEqualTo(200);
    assertThat(status(documentNo, XINGNING_FISCAL)).as("the recipient's 财政局").isEqualTo(200);
    assertThat(status(documentNo, MINISTRY_FINANCE)).as("the ministry").isEqualTo(200);
    assertThat(status(documentNo, YANGSHUO_FINANCE)).as("another county").isEqualTo(404);
    assertThat(status(documentNo, XINJIANG_FINANCE)).as("another province").isEqualTo(404);
    assertThat(status("' or 1=1 --", GUANGXI_FINANCE)).isEqualTo(404);
    assertThat(status("号".repeat(300), GUANGXI_FINANCE)).isEqualTo(404);
  }
}
