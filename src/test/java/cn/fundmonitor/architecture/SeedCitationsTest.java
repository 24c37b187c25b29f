package cn.fundmonitor.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Honest citations (issue 14): an article the code, models, forms or tests cite exists in the seed
 * documents, and a figure a model's text attributes to a seed article is in that article.
 *
 * <p>The articles are in {@code src/test/resources/seeds/articles.tsv}: the text of every article
 * of the two rule documents (MNR: 自然资源资金监测监管工作规程, 27 articles; GX: 桂自然资发〔2021〕87号,
 * 37 articles), as the seeds give it. A number that a seed does not contain is either marked as a
 * default ("默认", "可配置默认值" — a figure the project chose and a policy owner may change) or
 * cited to its real source (e.g. 财预〔2020〕10号); then it is not checked against the article.
 */
class SeedCitationsTest {

  static final Pattern CITATION = Pattern.compile(
      "(MNR|GX)\\s*((?:第[一二三四五六七八九十]+条(?:第[一二三四五六七八九十]+[项款])?[、和及至]?)+)");
  static final Pattern ARTICLE = Pattern.compile("第([一二三四五六七八九十]+)条");
  static final Pattern TEST_NAME_CITATION = Pattern.compile(
      "(mnr|gx)Articles?((?:\\d+(?:And)?)+)");
  static final Pattern MODEL_TEXT = Pattern.compile(
      "<(?:bpmn:)?(?:documentation|description)>(.*?)</", Pattern.DOTALL);
  static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  static final List<String> NOT_FROM_A_SEED = List.of("默认", "财预〔2020〕10号", "非条文规定");

  static final Map<String, String> articles = new HashMap<>();

  @BeforeAll
  static void load() throws IOException {
    try (var in = SeedCitationsTest.class.getResourceAsStream("/seeds/articles.tsv")) {
      for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        var cells = line.split("\t", 3);
        articles.put(cells[0] + " " + cells[1], cells[2]);
      }
    }
  }

  @Test
  void theIndexHoldsEveryArticleOfBothRuleDocuments() {
    for (int n = 1; n <= 27; n++) {
      assertThat(articles).containsKey("MNR " + n);
    }
    for (int n = 1; n <= 37; n++) {
      assertThat(articles).containsKey("GX " + n);
    }
    assertThat(articles.get("MNR 10")).contains("30日内");
    assertThat(articles.get("GX 29")).contains("少安排或不安排");
  }

  @Test
  void everyCitedArticleExistsInItsSeed() throws IOException {
    var missing = new LinkedHashSet<String>();
    for (var file : sources()) {
      missing.addAll(citationsNotInTheSeeds(file.toString(), Files.readString(file)));
    }
    assertThat(missing).as("citations of articles the seeds do not have").isEmpty();
  }

  /**
   * The articles a text cites that the seeds do not have: in words ({@code MNR 第九条}, in BPMN
   * documentation, DMN rule annotations, forms, code and docs) or in a test's name
   * ({@code _mnrArticle9}).
   */
  static List<String> citationsNotInTheSeeds(String file, String text) {
    var missing = new ArrayList<String>();
    var citations = CITATION.matcher(text);
    while (citations.find()) {
      for (var article : articlesIn(citations.group(1), citations.group(2))) {
        if (!articles.containsKey(article)) {
          missing.add(file + ": " + article);
        }
      }
    }
    var testNames = TEST_NAME_CITATION.matcher(text);
    while (testNames.find()) {
      var document = testNames.group(1).toUpperCase();
      for (var n : testNames.group(2).split("And")) {
        if (!articles.containsKey(document + " " + n)) {
          missing.add(file + ": " + document + " " + n + " (" + testNames.group() + ")");
        }
      }
    }
    return missing;
  }

  @Test
  void theCheckCatchesAnArticleTheSeedsDoNotHave() {
    // MNR has 27 articles and GX 37: seeded citations one past the end, in each place they occur
    // (split in two here, so that this file does not cite them itself)
    assertThat(citationsNotInTheSeeds("seeded.bpmn",
        "<bpmn:documentation>MNR " + "第二十八条：按季度填报</bpmn:documentation>"))
        .containsExactly("seeded.bpmn: MNR 28");
    assertThat(citationsNotInTheSeeds("seeded.dmn",
        "<description>GX " + "第八条第七项、第三十八条</description>"))
        .containsExactly("seeded.dmn: GX 38");
    assertThat(citationsNotInTheSeeds("SeededTest.java", "void vehicleIsProhibited_gx" + "Article8And38()"))
        .containsExactly("SeededTest.java: GX 38 (gx" + "Article8And38)");
    assertThat(citationsNotInTheSeeds("fine.bpmn", "MNR 第二十七条; _gxArticle37")).isEmpty();
  }

  @Test
  void aFigureAttributedToAnArticleIsInThatArticle() throws IOException {
    var wrong = new ArrayList<String>();
    for (var file : models()) {
      var texts = MODEL_TEXT.matcher(Files.readString(file));
      while (texts.find()) {
        var text = unescape(texts.group(1));
        var cited = new ArrayList<String>();
        var citations = CITATION.matcher(text);
        while (citations.find()) {
          cited.addAll(articlesIn(citations.group(1), citations.group(2)));
        }
        if (cited.isEmpty() || NOT_FROM_A_SEED.stream().anyMatch(text::contains)) {
          continue;
        }
        var sources = String.join(" ", cited.stream().map(a -> articles.getOrDefault(a, ""))
            .toList());
        var figures = NUMBER.matcher(text.replaceAll("第[一二三四五六七八九十]+[条项款章]", ""));
        while (figures.find()) {
          if (!sources.contains(figures.group())) {
            wrong.add(file.getFileName() + ": " + figures.group() + " is not in " + cited
                + " — " + text.strip());
          }
        }
      }
    }
    assertThat(wrong).as("figures cited to a seed article that does not contain them; mark a "
        + "project default with 默认 or cite the real source").isEmpty();
  }

  @Test
  void theCheckCatchesAFigureTheArticleDoesNotHave() {
    var text = "GX 第二十八条：产出指标权重50";
    var matcher = CITATION.matcher(text);
    assertThat(matcher.find()).isTrue();
    var source = articles.get(articlesIn(matcher.group(1), matcher.group(2)).get(0));
    assertThat(source).as("GX 第二十八条 sets no weights").doesNotContain("50");
    assertThat(articles.get("MNR 9")).as("MNR 第九条 does set 30 days").contains("30日");
  }

  static List<String> articlesIn(String document, String citation) {
    var result = new ArrayList<String>();
    var m = ARTICLE.matcher(citation);
    while (m.find()) {
      result.add(document + " " + chineseNumber(m.group(1)));
    }
    return result;
  }

  static int chineseNumber(String s) {
    var digits = "一二三四五六七八九";
    if (s.equals("十")) {
      return 10;
    }
    int ten = s.indexOf('十');
    if (ten < 0) {
      return digits.indexOf(s.charAt(0)) + 1;
    }
    int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0)) + 1;
    int units = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1)) + 1;
    return tens * 10 + units;
  }

  static String unescape(String xml) {
    return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  static List<Path> models() throws IOException {
    var result = new ArrayList<Path>();
    for (var dir : List.of("processes", "decisions")) {
      try (Stream<Path> files = Files.list(Path.of(dir))) {
        files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".dmn"))
            .sorted().forEach(result::add);
      }
    }
    return result;
  }

  static List<Path> sources() throws IOException {
    var result = new ArrayList<Path>(models());
    Set<String> kinds = Set.of(".java", ".form", ".md", ".yaml", ".sql");
    for (var dir : List.of("forms", "src/main", "src/test/java")) {
      try (Stream<Path> files = Files.walk(Path.of(dir))) {
        files.filter(Files::isRegularFile)
            .filter(f -> kinds.stream().anyMatch(f.toString()::endsWith))
            .sorted().forEach(result::add);
      }
    }
    result.add(Path.of("README.md"));
    return result;
  }
}
