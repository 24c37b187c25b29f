package cn.fundmonitor.rules;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The page for what Tasklist forms cannot do, uploads and downloads of workbooks (支出核查、
 * 因素法测算、决策表): {@code /tools/}, a static page over the /api endpoints.
 */
@Configuration
class ToolsPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/tools", "/tools/");
    registry.addViewController("/tools/").setViewName("forward:/tools/index.html");
  }
}
