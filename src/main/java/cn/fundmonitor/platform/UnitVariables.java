package cn.fundmonitor.platform;

/**
 * The variables several processes carry about the province a process belongs to, declared once:
 * its code and name, and its departments' groups that are given the province's steps. Each process's
 * constants class names these (e.g. {@code FundAllocationProcess.PROVINCE_CODE}).
 */
public final class UnitVariables {

  public static final ProcessVariable<String> PROVINCE_CODE = ProcessVariable.string("provinceCode");
  public static final ProcessVariable<String> PROVINCE_NAME = ProcessVariable.string("provinceName");
  /** The province's natural-resources finance department ({@code <province>-finance}). */
  public static final ProcessVariable<String> PROVINCE_FINANCE_GROUP = ProcessVariable.string("provinceFinanceGroup");
  /** The province's 财政厅 ({@code <province>-fiscal}). */
  public static final ProcessVariable<String> PROVINCE_FISCAL_GROUP = ProcessVariable.string("provinceFiscalGroup");

  private UnitVariables() {}
}
