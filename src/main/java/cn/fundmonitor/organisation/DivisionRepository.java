package cn.fundmonitor.organisation;

import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DivisionRepository {

  private final JdbcClient jdbc;

  List<Division> findAll() {
    return jdbc.sql("select code, name, level, parent_code, successor_code, abolished_on "
            + "from fm_division order by code")
        .query((rs, i) -> new Division(rs.getString("code"), rs.getString("name"),
            DivisionLevel.valueOf(rs.getString("level")), rs.getString("parent_code"),
            rs.getString("successor_code"), rs.getObject("abolished_on", java.time.LocalDate.class)))
        .list();
  }

  /** A new division (a renamed county's new code, MNR 第十七条). */
  void insert(Division d) {
    jdbc.sql("insert into fm_division (code, name, level, parent_code) values (?, ?, ?, ?)")
        .params(d.code(), d.name(), d.level().name(), d.parentCode()).update();
  }

  /** The division is kept, abolished since {@code on}, its work taken over by its successor. */
  void abolish(String code, String successorCode, java.time.LocalDate on) {
    jdbc.sql("update fm_division set successor_code = ?, abolished_on = ? where code = ?")
        .params(successorCode, on, code).update();
  }

  /** Changes whenever a division is added, renamed or merged: cheap enough to ask often. */
  String version() {
    return jdbc.sql("select count(*) || '/' || count(successor_code) from fm_division")
        .query(String.class).single();
  }
}
