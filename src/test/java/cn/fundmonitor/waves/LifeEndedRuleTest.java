package cn.fundmonitor.waves;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fundmonitor.lifecycle.LifecycleStatus;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The waves' SQL names the lifecycle statuses that end a project's life by hand (the waves cannot
 * depend on the lifecycle package, which depends on filing): they must stay those of
 * {@link LifecycleStatus#ended()} (GX 第二十二条、第二十三条).
 */
class LifeEndedRuleTest {

  @Test
  void aProjectLeavesTheWavesWithTheStatusesThatEndItsLife_gxArticle22() {
    var m = Pattern.compile("c\\.status in \\(([^)]*)\\)").matcher(WavePlans.LIFE_ENDED_BEFORE);
    assertThat(m.find()).isTrue();
    var named = Arrays.stream(m.group(1).split(",")).map(s -> s.strip().replace("'", "")).toList();
    assertThat(named).containsExactlyInAnyOrderElementsOf(Arrays.stream(LifecycleStatus.values())
        .filter(LifecycleStatus::ended).map(Enum::name).toList());
  }
}
