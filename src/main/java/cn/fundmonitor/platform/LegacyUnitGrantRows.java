package cn.fundmonitor.platform;

import cn.fundmonitor.organisation.LegacyUnitGrants;
import cn.fundmonitor.organisation.UnitGroup;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.TreeSet;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link LegacyUnitGrants} by SQL on {@code ACT_RU_AUTHORIZATION}: the engine's API deletes one
 * row at a time, and the national tree had 218,000 of them.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LegacyUnitGrantRows implements LegacyUnitGrants {

  private final JdbcTemplate jdbc;

  @Override
  public int remove(Collection<String> processKeys) {
    var definitions = new TreeSet<>(processKeys);
    definitions.add(Authorization.ANY);
    // candidates by pattern, then only real unit groups (a 6-digit code and a role): "policy-owners"
    // also fits '______-%' and keeps its grants
    var ids = jdbc.query("select ID_, GROUP_ID_ from ACT_RU_AUTHORIZATION where TYPE_ = ? and "
        + "GROUP_ID_ like '______-%' and ((RESOURCE_TYPE_ = ? and RESOURCE_ID_ in ('tasklist', "
        + "'cockpit')) or (RESOURCE_TYPE_ = ? and RESOURCE_ID_ in ('"
        + String.join("', '", definitions) + "')) or "
        + "(RESOURCE_TYPE_ in (?, ?, ?) and RESOURCE_ID_ = ?))",
        (rs, i) -> UnitGroup.parse(rs.getString(2)).isPresent() ? rs.getString(1) : null,
        Authorization.AUTH_TYPE_GRANT, Resources.APPLICATION.resourceType(),
        Resources.PROCESS_DEFINITION.resourceType(), Resources.PROCESS_INSTANCE.resourceType(),
        Resources.DEPLOYMENT.resourceType(), Resources.DECISION_DEFINITION.resourceType(),
        Authorization.ANY).stream().filter(Objects::nonNull).toList();
    var removed = 0;
    for (var from = 0; from < ids.size(); from += 500) {
      var batch = ids.subList(from, Math.min(ids.size(), from + 500));
      removed += jdbc.update("delete from ACT_RU_AUTHORIZATION where ID_ in ("
          + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")", batch.toArray());
    }
    return removed;
  }
}
