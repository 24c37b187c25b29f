package cn.fundmonitor.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.support.FaultyData;
import cn.fundmonitor.support.InspectionTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The data-quality rules (MNR 第二十五条) over seeded data: Xinjiang's one fault of each kind is
 * found exactly once, attributed to the unit that answers for it; Sichuan's clean data gives none.
 */
@InspectionTest
class InspectionRulesTest {

  @Autowired FaultyData data;
  @Autowired InspectionService inspections;

  @BeforeEach
  void seed() {
    data.ensure();
  }

  @Test
  void eachKindOfFaultIsFoundExactlyOnce_mnrArticle25() {
    var findings = inspections.preview(2026, List.of("650000"));
    assertThat(findings).extracting(Finding::kind).containsExactlyInAnyOrderElementsOf(FindingKind.basic());
    assertThat(findings).filteredOn(f -> f.kind() == FindingKind.DECOMPOSITION_MISMATCH)
        .singleElement().satisfies(f -> {
          assertThat(f.unitCode()).as("the issue is the province's").isEqualTo("650000");
          assertThat(f.description()).contains("指标“修复治理面积”分解合计 0.5，批复为 1");
        });
    assertThat(findings).filteredOn(f -> f.kind() != FindingKind.DECOMPOSITION_MISMATCH)
        .extracting(Finding::unitCode).containsOnly("652825");
    assertThat(findings).filteredOn(f -> f.kind() == FindingKind.PAYMENT_BACKWARDS).singleElement()
        .extracting(Finding::description).asString().contains("累计支付 200000 元，少于上季度", "的 300000 元");
    assertThat(findings).filteredOn(f -> f.kind() == FindingKind.ACHIEVEMENT_VS_EVALUATION).singleElement()
        .extracting(Finding::description).asString().contains("自评得分 95（EXCELLENT）", "平均完成率为 20%");
  }

  @Test
  void cleanDataHasNoFindings() {
    assertThat(inspections.preview(2026, List.of("510000"))).isEmpty();
    assertThat(inspections.preview(2025, List.of("650000"))).as("another year").isEmpty();
  }

  @Test
  void aCountysSampleLeavesOutTheProvincesOwnFinding() {
    assertThat(inspections.preview(2026, List.of("652825"))).extracting(Finding::kind)
        .doesNotContain(FindingKind.DECOMPOSITION_MISMATCH).hasSize(FindingKind.basic().size() - 1);
  }
}
