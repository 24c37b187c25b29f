package cn.fundmonitor.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The statistics dashboard with charts: {@code /dashboard/}, a static page over
 * /api/dashboard/charts, behind the same HTTP Basic login as /tools/; Apache ECharts comes from
 * its Maven Central webjar (/webjars/echarts/…), never from a CDN.
 */
@Configuration
class DashboardPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/dashboard", "/dashboard/");
    registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
  }
}
