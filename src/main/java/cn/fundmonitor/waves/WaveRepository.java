package cn.fundmonitor.waves;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class WaveRepository {

  private static final int INSERT_CHUNK = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  void insert(String id, WaveKind kind, String period, int batchSize, int batchCount, int planned,
      int ended, OffsetDateTime at) {
    jdbc.sql("insert into fm_wave (id, kind, period, batch_size, batch_count, planned_count, "
            + "ended_count, planned_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, kind.name(), period, batchSize, batchCount, planned, ended, at).update();
  }

  /** The projects whose life ended before the period began ({@link WavePlans#LIFE_ENDED_BEFORE}). */
  java.util.SortedSet<String> lifeEndedBefore(OffsetDateTime periodStart) {
    return new java.util.TreeSet<>(jdbc.sql("select distinct p.project_code from "
            + "fm_project_lifecycle p where " + WavePlans.LIFE_ENDED_BEFORE.formatted("p.project_code"))
        .param(periodStart).query(String.class).list());
  }

  /** The projects in the order given, {@code batchSize} to a batch (batch 0 first). */
  void insertProjects(String waveId, List<String> projects, int batchSize) {
    for (int from = 0; from < projects.size(); from += INSERT_CHUNK) {
      var start = from;
      var chunk = projects.subList(from, Math.min(projects.size(), from + INSERT_CHUNK));
      template.batchUpdate("insert into fm_wave_project (wave_id, project_code, batch_no) "
              + "values (?, ?, ?)",
          java.util.stream.IntStream.range(0, chunk.size()).mapToObj(i -> new Object[] {waveId,
              chunk.get(i), (start + i) / batchSize}).toList());
    }
  }

  void insertAdded(String waveId, List<String> projects) {
    template.batchUpdate("insert into fm_wave_project (wave_id, project_code, batch_no) "
        + "values (?, ?, null)", projects.stream().map(p -> new Object[] {waveId, p}).toList());
  }

  List<String> batch(String waveId, int batchNo) {
    return jdbc.sql("select project_code from fm_wave_project where wave_id = ? and batch_no = ? "
            + "order by project_code")
        .params(waveId, batchNo).query(String.class).list();
  }

  /** Records what the batch did; a batch run again (restarted by hand) overwrites its row. */
  void batchDone(String waveId, int batchNo, int opened, int alreadyOpen, OffsetDateTime at) {
    var updated = jdbc.sql("update fm_wave_batch set opened_count = ?, already_open_count = ?, "
            + "done_at = ? where wave_id = ? and batch_no = ?")
        .params(opened, alreadyOpen, at, waveId, batchNo).update();
    if (updated == 0) {
      jdbc.sql("insert into fm_wave_batch (wave_id, batch_no, opened_count, already_open_count, "
              + "done_at) values (?, ?, ?, ?, ?)")
          .params(waveId, batchNo, opened, alreadyOpen, at).update();
    }
  }

  void reconciled(String waveId, int added, OffsetDateTime at) {
    jdbc.sql("update fm_wave set opened_count = (select coalesce(sum(b.opened_count), 0) from "
            + "fm_wave_batch b where b.wave_id = ?), already_open_count = (select "
            + "coalesce(sum(b.already_open_count), 0) from fm_wave_batch b where b.wave_id = ?), "
            + "added_count = ?, reconciled_at = ? where id = ?")
        .params(waveId, waveId, added, at, waveId).update();
  }

  Optional<Wave> find(String id) {
    return jdbc.sql("select * from fm_wave where id = ?").param(id).query((rs, i) -> wave(rs))
        .optional();
  }

  List<Wave> ofPeriod(WaveKind kind, String period) {
    return jdbc.sql("select * from fm_wave where kind = ? and period = ? order by planned_at")
        .params(kind.name(), period).query((rs, i) -> wave(rs)).list();
  }

  private static Wave wave(ResultSet rs) throws SQLException {
    return new Wave(rs.getString("id"), WaveKind.valueOf(rs.getString("kind")),
        rs.getString("period"), rs.getInt("batch_size"), rs.getInt("batch_count"),
        rs.getInt("planned_count"), rs.getInt("ended_count"),
        rs.getObject("planned_at", OffsetDateTime.class),
        rs.getObject("opened_count", Integer.class),
        rs.getObject("already_open_count", Integer.class),
        rs.getObject("added_count", Integer.class),
        rs.getObject("reconciled_at", OffsetDateTime.class));
  }
}
