package cn.fundmonitor.rules;

import cn.fundmonitor.project.Direction;

/** Builds expenses for the tests, starting from one nothing is wrong with. */
final class Expenses {

  private Direction direction;
  private ExpenseCategory category;
  private boolean outsideArea;
  private boolean farmland;
  private HazardParty party;
  private boolean humanCaused;
  private boolean liableParty;
  private boolean related;

  private Expenses(Expense e) {
    direction = e.direction();
    category = e.category();
    outsideArea = e.infrastructureOutsideProjectArea();
    farmland = e.mainlyFarmlandSupplement();
    party = e.hazardResponsibleParty();
    humanCaused = e.hazardCausedByHumanActivity();
    liableParty = e.liablePartyExists();
    related = e.relatedToProject();
  }

  /** A geohazard treatment the natural-resources department answers for: allowed (GX 第十二条). */
  static Expense clean() {
    return new Expense(Direction.GEOHAZARD, ExpenseCategory.HAZARD_TREATMENT, false, false,
        HazardParty.NATURAL_RESOURCES, false, false, true);
  }

  static Expenses of(Expense e) {
    return new Expenses(e);
  }

  static Expenses with(Expense e, Direction direction, ExpenseCategory category) {
    return new Expenses(e).direction(direction).category(category);
  }

  Expenses direction(Direction value) {
    direction = value;
    return this;
  }

  Expenses category(ExpenseCategory value) {
    category = value;
    return this;
  }

  Expenses outsideArea(boolean value) {
    outsideArea = value;
    return this;
  }

  Expenses farmland(boolean value) {
    farmland = value;
    return this;
  }

  Expenses party(HazardParty value) {
    party = value;
    return this;
  }

  Expenses humanCaused(boolean value) {
    humanCaused = value;
    return this;
  }

  Expenses liableParty(boolean value) {
    liableParty = value;
    return this;
  }

  Expenses related(boolean value) {
    related = value;
    return this;
  }

  Expense build() {
    return new Expense(direction, category, outsideArea, farmland, party, humanCaused, liableParty,
        related);
  }
}
