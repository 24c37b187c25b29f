package cn.fundmonitor.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.filing.FilingService;
import cn.fundmonitor.filing.FundSource;
import cn.fundmonitor.filing.QuarterlyFilingProcess;
import cn.fundmonitor.project.FundClass;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forms offer every fund class and every fund source the rules name: MNR 第二条 (中央、省级、
 * 市级、县级财政支持专项相关资金，社会资金; 上级下达、本级筹措、责任人出资、社会出资) and MNR 第十五条
 * (社会资金纳入统计监测). Before, the receipt form offered central and provincial money only.
 */
class FundSourceFormsTest {

  static JsonNode form(String file) throws Exception {
    return new ObjectMapper().readTree(Path.of("forms", file).toFile());
  }

  static List<JsonNode> components(JsonNode node) {
    var all = new ArrayList<JsonNode>();
    if (node.has("components")) {
      for (var c : node.get("components")) {
        all.add(c);
        all.addAll(components(c));
      }
    }
    return all;
  }

  static JsonNode field(JsonNode form, String key) {
    return components(form).stream().filter(c -> key.equals(c.path("key").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no field " + key));
  }

  static Map<String, String> options(JsonNode select) {
    var values = new LinkedHashMap<String, String>();
    select.get("values").forEach(v -> values.put(v.get("value").asText(), v.get("label").asText()));
    return values;
  }

  @Test
  void mnrArticle2_theReceiptFormOffersEveryFundClassWithItsLabel() throws Exception {
    var offered = options(field(form("fund-receipt.form"), FundAllocationProcess.FUND_CLASS.name()));
    assertThat(offered.keySet()).containsExactlyElementsOf(
        Arrays.stream(FundClass.values()).map(Enum::name).toList());
    for (var c : FundClass.values()) {
      assertThat(offered.get(c.name())).isEqualTo(c.label());
      assertThat(FundClass.parse(c.name())).as("the server takes what the form sends").contains(c);
    }
    assertThat(offered).containsValues("市级财政支持专项相关资金", "县级财政支持专项相关资金", "社会资金");
  }

  @Test
  void mnrArticle9LastSentence_everyClassHasAUnitThatMayRegisterIt() {
    for (var c : FundClass.values()) {
      assertThat(AllocationService.registeringLevels(c)).as(c.name()).isNotEmpty();
      assertThat(AllocationService.localLabel(c)).as(c.name()).isNotBlank();
    }
  }

  @Test
  void mnrArticle2_theQuarterlyFilingFormAsksForEveryFundSourceIncludingTheResponsibleParty()
      throws Exception {
    var filing = form("quarterly-filing.form");
    for (var s : FundSource.values()) {
      var f = field(filing, QuarterlyFilingProcess.paidField(s));
      assertThat(f.get("label").asText()).as(s.name()).contains(s.label());
    }
    assertThat(field(filing, "paidResponsible").get("label").asText()).contains("责任人出资");
    assertThat(Arrays.stream(FundSource.values()).map(s -> s.channel().label()).distinct())
        .containsExactly("上级下达", "本级筹措", "责任人出资", "社会出资");
  }

  @Test
  void mnrArticle2_aPaymentOfEverySourceCanBeCorrected() throws Exception {
    var fields = new ArrayList<String>();
    components(form("correction-request.form")).stream()
        .filter(c -> c.has("values") && c.get("values").isArray())
        .forEach(c -> fields.addAll(options(c).keySet()));
    for (var s : FundSource.values()) {
      assertThat(fields).contains(FilingService.PAID_SOURCE_FIELD + s.name());
    }
  }
}
