package cn.fundmonitor.rules;

import cn.fundmonitor.project.Direction;
import java.util.HashMap;
import java.util.Map;

/** One expense to check, with the facts the prohibitions of GX 第八条 ask about. */
public record Expense(Direction direction, ExpenseCategory category,
    boolean infrastructureOutsideProjectArea, boolean mainlyFarmlandSupplement,
    HazardParty hazardResponsibleParty, boolean hazardCausedByHumanActivity,
    boolean liablePartyExists, boolean relatedToProject) {

  /** The facts as the DMN tables' inputs. */
  public Map<String, Object> facts() {
    var facts = new HashMap<String, Object>(16);
    facts.put("direction", direction.name());
    facts.put("expenseCategory", category.name());
    facts.put("infrastructureOutsideProjectArea", infrastructureOutsideProjectArea);
    facts.put("mainlyFarmlandSupplement", mainlyFarmlandSupplement);
    facts.put("hazardResponsibleParty", hazardResponsibleParty.name());
    facts.put("hazardCausedByHumanActivity", hazardCausedByHumanActivity);
    facts.put("liablePartyExists", liablePartyExists);
    facts.put("relatedToProject", relatedToProject);
    return facts;
  }
}
