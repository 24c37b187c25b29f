package cn.fundmonitor.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Engine nodes sharing one database each cache the division tree; a change recorded on one node
 * reaches the others at their next check, and not before (no query per lookup).
 */
class OrganisationRefreshTest {

  /** The division table both nodes read. */
  static final class SharedTable extends DivisionRepository {
    final List<Division> rows = new ArrayList<>(List.of(
        new Division("450100", "南宁市", DivisionLevel.CITY, null),
        new Division("450102", "兴宁区", DivisionLevel.COUNTY, "450100"),
        new Division("450103", "青秀区", DivisionLevel.COUNTY, "450100")));
    int versionQueries;

    SharedTable() {
      super(null);
    }

    @Override
    List<Division> findAll() {
      return List.copyOf(rows);
    }

    @Override
    String version() {
      versionQueries++;
      return rows.size() + "/" + rows.stream().filter(d -> !d.active()).count();
    }

    void merge(String from, String to) {
      var d = rows.stream().filter(r -> r.code().equals(from)).findFirst().orElseThrow();
      rows.set(rows.indexOf(d), new Division(d.code(), d.name(), d.level(), d.parentCode(), to,
          LocalDate.of(2026, 11, 1)));
    }
  }

  @Test
  void anotherNodeSeesAMergeAtItsNextCheck() {
    var table = new SharedTable();
    var otherNode = new OrganisationService(table, Duration.ZERO);
    assertThat(otherNode.get("450102").active()).isTrue();

    table.merge("450102", "450103");

    assertThat(otherNode.get("450102").successorCode()).isEqualTo("450103");
    assertThat(otherNode.subtree("450103")).contains("450102");
  }

  @Test
  void betweenChecksTheCacheAnswersWithoutAQuery() {
    var table = new SharedTable();
    var node = new OrganisationService(table, Duration.ofHours(1));
    node.get("450102");
    var queries = table.versionQueries;

    table.merge("450102", "450103");
    for (int i = 0; i < 1000; i++) {
      node.get("450102");
    }

    assertThat(table.versionQueries).isEqualTo(queries);
    assertThat(node.get("450102").active()).isTrue();
    node.reload();
    assertThat(node.get("450102").active()).isFalse();
  }
}
