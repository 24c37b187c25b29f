package cn.fundmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.organisation.Role;
import cn.fundmonitor.organisation.UnitGroup;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The national dataset (issue 16): the real provinces, about 330 cities and 2,800 counties beneath
 * them, funded projects with targets, allocations and filings, the same for the same seed; loaded
 * as the large demo by fundmonitor.demo.national and synchronised with the engine's groups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "fundmonitor.demo.national=true",
    "fundmonitor.demo.national-projects=" + NationalDatasetTest.PROJECTS,
    "spring.datasource.url=jdbc:h2:mem:fundmonitor-national-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=nationalTest"})
@ActiveProfiles("test")
class NationalDatasetTest {

  static final int PROJECTS = 3_000;

  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identity;
  @Autowired NationalDemoData demo;

  @Test
  void theThirtyOneProvincesCarryTheirRealCodesAndNames() {
    assertThat(NationalDataset.PROVINCES).hasSize(31)
        .containsEntry("110000", "北京市").containsEntry("450000", "广西壮族自治区")
        .containsEntry("540000", "西藏自治区").containsEntry("650000", "新疆维吾尔自治区");
    assertThat(jdbc.queryForList("select code from fm_division where level = 'PROVINCE'",
        String.class)).containsExactlyInAnyOrderElementsOf(NationalDataset.PROVINCES.keySet());
    assertThat(jdbc.queryForObject("select name from fm_division where code = '440000'",
        String.class)).isEqualTo("广东省");
  }

  @Test
  void citiesAndCountiesAreGeneratedUnderTheirProvinceWithGbt2260Layout() {
    var tree = NationalDataset.divisions(new Random(1));
    assertThat(tree.stream().filter(d -> d.level().equals("CITY"))).hasSize(NationalDataset.CITIES);
    assertThat(tree.stream().filter(d -> d.level().equals("COUNTY")))
        .hasSize(NationalDataset.COUNTIES);
    for (var d : tree) {
      switch (d.level()) {
        case "CITY" -> assertThat(d.code()).startsWith(d.parent().substring(0, 2)).endsWith("00");
        case "COUNTY" -> assertThat(d.code()).startsWith(d.parent().substring(0, 4))
            .doesNotEndWith("00");
        default -> { }
      }
    }
    // in the database: the demo's own divisions stay, nothing is duplicated
    assertThat(jdbc.queryForObject("select count(*) from fm_division where level = 'CITY'",
        Integer.class)).isBetween(NationalDataset.CITIES, NationalDataset.CITIES + 3);
    assertThat(jdbc.queryForObject("select count(*) from fm_division where level = 'COUNTY'",
        Integer.class)).isBetween(NationalDataset.COUNTIES, NationalDataset.COUNTIES + 5);
    assertThat(jdbc.queryForObject("select count(*) from fm_division c join fm_division p on "
        + "p.code = c.parent_code where c.level = 'COUNTY' and p.level <> 'CITY'", Integer.class))
        .isZero();
  }

  @Test
  void theSameSeedGivesTheSameTreeAnotherSeedAnother() {
    assertThat(NationalDataset.divisions(new Random(7)))
        .isEqualTo(NationalDataset.divisions(new Random(7)))
        .isNotEqualTo(NationalDataset.divisions(new Random(8)));
    assertThat(NationalDataset.countyCodes(20260401L)).hasSize(NationalDataset.COUNTIES);
  }

  @Test
  void everyProjectIsFundedHasTargetsAndAFiledFirstQuarter() {
    assertThat(count("fm_project where code like 'GJ%'")).isEqualTo(PROJECTS);
    assertThat(count("fm_project_indicator where project_code like 'GJ%'")).isEqualTo(2 * PROJECTS);
    assertThat(count("fm_allocation_line where project_code like 'GJ%'")).isEqualTo(PROJECTS);
    assertThat(count("fm_quarterly_filing where project_code like 'GJ%' and quarter = 1 and "
        + "status = 'TRANSMITTED'")).isEqualTo(PROJECTS);
    assertThat(count("fm_filing_indicator where business_key like 'GJ%'")).isEqualTo(2 * PROJECTS);
    assertThat(count("fm_allocation where document_no like '全国样例%'")).isBetween(25, 31);
    assertThat(count("fm_allocation_target where document_no like '全国样例%'"))
        .isEqualTo(2 * count("fm_allocation where document_no like '全国样例%'"));
    // projects sit in counties, and each allocation's parts add up to its lines and its amount
    assertThat(count("fm_project p join fm_division d on d.code = p.region_code where "
        + "p.code like 'GJ%' and d.level <> 'COUNTY'")).isZero();
    assertThat(count("fm_allocation a where a.document_no like '全国样例%' and a.central_amount <> "
        + "(select sum(l.central_amount) from fm_allocation_line l where l.document_no = "
        + "a.document_no) or a.central_amount <> (select sum(t.central_amount) from "
        + "fm_allocation_part t where t.document_no = a.document_no)")).isZero();
    // each funded project in the province its allocation came from
    assertThat(count("fm_allocation_line l join fm_allocation a on a.document_no = l.document_no "
        + "where l.project_code like 'GJ%' and substring(l.recipient_code, 1, 2) <> "
        + "substring(a.province_code, 1, 2)")).isZero();
  }

  @Test
  void everyGeneratedDivisionHasItsEngineGroupsAndASecondStartAddsNothing() {
    var county = NationalDataset.countyCodes(20260401L).iterator().next();
    for (var role : Role.values()) {
      assertThat(identity.createGroupQuery().groupId(UnitGroup.of(county, role).id()).count())
          .isOne();
    }
    var divisions = count("fm_division");
    demo.load();
    assertThat(count("fm_division")).isEqualTo(divisions);
    assertThat(count("fm_project where code like 'GJ%'")).isEqualTo(PROJECTS);
  }

  int count(String from) {
    return jdbc.queryForObject("select count(*) from " + from, Integer.class);
  }
}
