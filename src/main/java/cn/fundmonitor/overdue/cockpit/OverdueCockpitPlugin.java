package cn.fundmonitor.overdue.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * 逾期事项 in Cockpit, through Camunda's own plugin mechanism (registered in
 * META-INF/services): a back-end resource under {@code /camunda/api/cockpit/plugin/}{@value #ID}
 * and a front-end module ({@code app/plugin.js} in {@value #ASSETS}) that Cockpit loads itself: a
 * page (route {@code #/fm-overdue}), its link in the header and the counts per region on the
 * dashboard.
 */
public class OverdueCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "fund-monitor-overdue";
  static final String ASSETS = "plugin-webapp/" + ID;

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(OverdueCockpitResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return ASSETS;
  }
}
