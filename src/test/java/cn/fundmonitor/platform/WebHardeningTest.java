package cn.fundmonitor.platform;

import static cn.fundmonitor.support.TestUsers.PASSWORD;
import static cn.fundmonitor.support.TestUsers.POLICY_OWNER;
import static cn.fundmonitor.support.TestUsers.XINGNING_FINANCE;
import static cn.fundmonitor.support.TestUsers.GUANGXI_FINANCE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Http;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The API as browsers meet it: a cross-site page cannot use a browser's cached HTTP Basic
 * credentials to change anything (CSRF, issue 13: a filing imported, a decision deployed, a factor
 * sheet computed from another site); pages and answers cannot be framed or sniffed; one address
 * guessing passwords is slowed down.
 */
@FundMonitorTest
class WebHardeningTest {

  static final Map<String, String> CROSS_SITE = Map.of("Origin", "https://evil.example",
      "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "no-cors");
  static final byte[] NOT_A_WORKBOOK = "not a workbook".getBytes(StandardCharsets.UTF_8);

  @LocalServerPort int port;
  @Autowired RepositoryService repository;

  @Test
  void aCrossSiteUploadWithCachedCredentialsIsRefusedBeforeAnythingIsRead() {
    var evil = new Http(port).with(CROSS_SITE);
    var versions = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey("expenditureProhibition").count();

    for (var attack : new String[][] {
        {"/api/filings/import", XINGNING_FINANCE},
        {"/api/rules/expenditureProhibition/sheet", POLICY_OWNER},
        {"/api/factor-allocation/sheet", GUANGXI_FINANCE}}) {
      var answer = evil.upload(attack[0], "file", "x.xlsx", NOT_A_WORKBOOK,
          Map.of("total", "100", "budgetYear", "2026", "fundShare", "CENTRAL"),
          "application/json", attack[1], PASSWORD);
      assertThat(answer.statusCode()).as(attack[0]).isEqualTo(403);
      assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("跨站请求被拒绝");
    }
    assertThat(repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey("expenditureProhibition").count()).isEqualTo(versions);
  }

  @Test
  void aBrowserFormWithoutTheCustomHeaderIsRefusedEvenFromThisSite() {
    var sameSiteForm = new Http(port).with(Map.of("Origin", "http://localhost:" + port,
        "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "navigate"));
    var answer = sameSiteForm.upload("/api/filings/import", "file", "x.xlsx", NOT_A_WORKBOOK,
        Map.of(), "application/json", XINGNING_FINANCE, PASSWORD);
    assertThat(answer.statusCode()).isEqualTo(403);
  }

  @Test
  void thePagesOwnRequestsAndPlainClientsGoThrough() {
    var page = new Http(port).with(Map.of("Origin", "http://localhost:" + port,
        "Sec-Fetch-Site", "same-origin", "X-Requested-With", "XMLHttpRequest"));
    var fromPage = page.upload("/api/filings/import", "file", "x.xlsx", NOT_A_WORKBOOK, Map.of(),
        "application/json", XINGNING_FINANCE, PASSWORD);
    // reaches the import, which refuses the file itself
    assertThat(fromPage.statusCode()).isEqualTo(400);

    var curl = new Http(port).upload("/api/filings/import", "file", "x.xlsx", NOT_A_WORKBOOK,
        Map.of(), "application/json", XINGNING_FINANCE, PASSWORD);
    assertThat(curl.statusCode()).isEqualTo(400);
  }

  @Test
  void theToolsPageAndTheApiCannotBeFramedOrSniffed() {
    var page = new Http(port).get("/tools/", null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("frame-ancestors 'none'");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

    var api = new Http(port).get("/api/divisions", XINGNING_FINANCE, PASSWORD);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("frame-ancestors 'none'");
    assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void oneAddressGuessingPasswordsIsAnswered429UntilTheWindowHasPassed() throws Exception {
    var now = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-11-30T02:00:00Z"));
    var clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now.get(); }
    };
    var filter = new LoginThrottle.AddressThrottleFilter(new ObjectMapper(), clock, 3,
        Duration.ofMinutes(15));

    for (int i = 0; i < 3; i++) {
      var wrong = login("203.0.113.7");
      filter.doFilter(wrong, new MockHttpServletResponse(), unauthorized());
    }
    var blocked = new MockHttpServletResponse();
    var chain = new MockFilterChain();
    filter.doFilter(login("203.0.113.7"), blocked, chain);
    assertThat(blocked.getStatus()).isEqualTo(429);
    assertThat(chain.getRequest()).as("the password was never checked").isNull();
    assertThat(blocked.getContentAsString(StandardCharsets.UTF_8)).contains("登录失败次数过多");

    var otherAddress = new MockHttpServletResponse();
    filter.doFilter(login("198.51.100.9"), otherAddress, new MockFilterChain());
    assertThat(otherAddress.getStatus()).isEqualTo(200);

    now.set(now.get().plus(Duration.ofMinutes(16)));
    var later = new MockHttpServletResponse();
    filter.doFilter(login("203.0.113.7"), later, new MockFilterChain());
    assertThat(later.getStatus()).isEqualTo(200);
  }

  private static MockHttpServletRequest login(String address) {
    var request = new MockHttpServletRequest("GET", "/engine-rest/task");
    request.setRemoteAddr(address);
    request.addHeader("Authorization", "Basic dDp3cm9uZw==");
    return request;
  }

  private static MockFilterChain unauthorized() {
    return new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
      @Override
      protected void service(jakarta.servlet.http.HttpServletRequest req,
          jakarta.servlet.http.HttpServletResponse res) {
        res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      }
    });
  }
}
