package cn.fundmonitor.rules;

import java.util.List;

/** Whether an expense may be paid: in scope (GX 第六、九至十三条) and no prohibition (第八条). */
public record ExpenseVerdict(boolean inScope, String scopeArticle, List<Prohibition> prohibitions) {

  public record Prohibition(String item, String reason) {}

  public ExpenseVerdict {
    prohibitions = List.copyOf(prohibitions);
  }

  public boolean allowed() {
    return inScope && prohibitions.isEmpty();
  }

  /** e.g. "不在支出范围内；GX 第八条第五项：办公场所改扩建…" */
  public String reasons() {
    var parts = new java.util.ArrayList<String>();
    if (!inScope) {
      parts.add(scopeArticle);
    }
    prohibitions.forEach(p -> parts.add("GX " + p.item() + "：" + p.reason()));
    return String.join("；", parts);
  }
}
