package cn.fundmonitor.platform;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

  /** Authorities work on Beijing time; deadlines and years are counted there. */
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Bean
  Clock clock() {
    return new EngineClock(BEIJING);
  }
}
