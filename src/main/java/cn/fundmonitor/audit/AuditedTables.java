package cn.fundmonitor.audit;

import java.util.List;
import java.util.Map;

/**
 * The tables of filed figures whose every change the database audits (issue 13), with the columns
 * that make a row's key and a Chinese name for people. The PostgreSQL triggers name the same
 * tables and keys (db/vendor/postgresql/V15_1); the H2 triggers read them from here.
 */
public final class AuditedTables {

  public record Table(String name, List<String> keyColumns, String label) {}

  public static final Map<String, Table> ALL = java.util.stream.Stream.of(
      new Table("fm_quarterly_filing", List.of("business_key"), "季度填报"),
      new Table("fm_filing_payment", List.of("business_key", "fund_source"), "季度填报·资金支付"),
      new Table("fm_filing_indicator", List.of("business_key", "position"), "季度填报·绩效指标"),
      new Table("fm_allocation", List.of("document_no"), "资金下达"),
      new Table("fm_allocation_target", List.of("document_no", "position"), "资金下达·批复绩效目标"),
      new Table("fm_allocation_part", List.of("document_no", "recipient_code"), "资金下达·接收单位"),
      new Table("fm_allocation_line", List.of("document_no", "stage", "recipient_code", "project_code"),
          "资金下达·项目资金"),
      new Table("fm_decomposed_target", List.of("document_no", "stage", "unit_code", "position"),
          "绩效目标分解"),
      new Table("fm_problem", List.of("problem_no"), "问题"),
      new Table("fm_correction_request", List.of("request_no"), "数据变更申请"),
      new Table("fm_correction_report", List.of("report_id"), "数据变更报部"),
      new Table("fm_data_change", List.of("id"), "数据变更记录"))
      .collect(java.util.stream.Collectors.collectingAndThen(
          java.util.stream.Collectors.toMap(Table::name, t -> t, (a, b) -> a,
              java.util.LinkedHashMap::new), java.util.Collections::unmodifiableMap));

  private AuditedTables() {}
}
