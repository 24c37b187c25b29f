package cn.fundmonitor.project;

import static cn.fundmonitor.support.TestUsers.XINGNING_ECO;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FundMonitorTest;
import cn.fundmonitor.support.Projects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who works on a project, in one place (issue 18): the groups warehousing, lifecycle, plan
 * adjustment, quarterly filing and self-evaluation give a project's tasks to. A 兴宁区 project
 * (county 450102, city 南宁市 450100, province 广西 450000): its direction names the department.
 */
@FundMonitorTest
class ProjectTeamsTest {

  @Autowired ProjectTeams teams;
  @Autowired ProjectCatalogue catalogue;
  @Autowired Projects projects;

  @Test
  void anEcoRestorationProjectsGroups() {
    var p = catalogue.get(projects.warehoused(XINGNING_ECO, "450102", "兴宁区分工项目"));
    assertThat(teams.unitGroups(p)).isEqualTo("450102-finance,450102-eco");
    assertThat(teams.applicantGroup(p).id()).isEqualTo("450102-eco");
    assertThat(teams.financeGroup(p).id()).isEqualTo("450102-finance");
    assertThat(teams.fiscalGroup(p).id()).isEqualTo("450102-fiscal");
    assertThat(teams.reviewGroup(p).id()).as("the province's department").isEqualTo("450000-eco");
    assertThat(teams.applicantProvinceGroup(p).id()).isEqualTo("450000-eco");
    assertThat(teams.superiorFinanceGroup(p).id()).as("the city above the county")
        .isEqualTo("450100-finance");
  }

  @Test
  void theDirectionNamesTheDepartment() {
    var p = catalogue.get(projects.warehoused(XINGNING_ECO, "450102", "兴宁区地灾分工项目",
        "GEOHAZARD"));
    assertThat(teams.unitGroups(p)).isEqualTo("450102-finance,450102-geohazard");
    assertThat(teams.reviewGroup(p).id()).isEqualTo("450000-geohazard");
  }
}
