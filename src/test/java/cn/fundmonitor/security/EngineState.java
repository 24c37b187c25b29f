package cn.fundmonitor.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of everything a refused request could have changed: instances, variables, tasks
 * and their claims, candidate links, jobs and their retries, deployments, users, groups,
 * memberships, authorizations, filters, history and the project's problems. Revisions count every
 * update, so a claim or a variable set shows even when the counts stay the same.
 */
final class EngineState {

  private static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("executions", "select count(*) || '/' || coalesce(sum(REV_), 0) from ACT_RU_EXECUTION");
    QUERIES.put("variables", "select count(*) || '/' || coalesce(sum(REV_), 0) from ACT_RU_VARIABLE");
    QUERIES.put("tasks", "select count(*) || '/' || coalesce(sum(REV_), 0) from ACT_RU_TASK");
    QUERIES.put("assignees", "select count(ASSIGNEE_) from ACT_RU_TASK");
    QUERIES.put("identityLinks", "select count(*) from ACT_RU_IDENTITYLINK");
    QUERIES.put("jobs", "select count(*) || '/' || coalesce(sum(REV_), 0) || '/' || coalesce(sum(RETRIES_), 0) from ACT_RU_JOB");
    QUERIES.put("deployments", "select count(*) from ACT_RE_DEPLOYMENT");
    QUERIES.put("definitions", "select count(*) || '/' || coalesce(sum(SUSPENSION_STATE_), 0) from ACT_RE_PROCDEF");
    QUERIES.put("users", "select count(*) from ACT_ID_USER");
    QUERIES.put("groups", "select count(*) || '/' || coalesce(sum(REV_), 0) from ACT_ID_GROUP");
    QUERIES.put("memberships", "select count(*) from ACT_ID_MEMBERSHIP");
    QUERIES.put("authorizations", "select count(*) || '/' || coalesce(sum(REV_), 0) from ACT_RU_AUTHORIZATION");
    QUERIES.put("filters", "select count(*) || '/' || coalesce(sum(REV_), 0) from ACT_RU_FILTER");
    QUERIES.put("historicInstances", "select count(*) from ACT_HI_PROCINST");
    QUERIES.put("comments", "select count(*) from ACT_HI_COMMENT");
    QUERIES.put("problems", "select count(*) from fm_problem");
    QUERIES.put("projects", "select count(*) from fm_project");
    QUERIES.put("divisionChanges", "select count(*) from fm_division_change");
  }

  private EngineState() {}

  static Map<String, String> of(JdbcClient jdbc) {
    var state = new LinkedHashMap<String, String>();
    QUERIES.forEach((name, sql) -> state.put(name, String.valueOf(jdbc.sql(sql).query(String.class)
        .single())));
    return state;
  }

  /** What changed between two fingerprints, e.g. "tasks 12/14 → 12/15", or "" when nothing. */
  static String difference(Map<String, String> before, Map<String, String> after) {
    var out = new StringBuilder();
    before.forEach((name, value) -> {
      if (!value.equals(after.get(name))) {
        out.append(name).append(' ').append(value).append(" → ").append(after.get(name)).append("; ");
      }
    });
    return out.toString();
  }
}
