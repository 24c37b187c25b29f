package cn.fundmonitor.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows a password guesser down by address (等保 2.0: 登录失败处理): after too many failed logins
 * from one address within the window, further logins from it are answered 429 until the window
 * has passed, before any password is checked — so one address cannot keep pushing accounts into
 * the engine's lock. Per account, the engine's own delay grows with each failure up to a lock of
 * {@code login-delay-max-time} (15 minutes, never for good: see application.yaml), which an
 * administrator can lift in Admin.
 *
 * <p>A failed login is a request that carried credentials (HTTP Basic, the webapps' login form)
 * and was answered 401. Counted per node, in memory: enough to slow a guesser, and a restart
 * forgets nothing that matters (the engine keeps the accounts' own counters).
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottle {

  @Bean
  FilterRegistrationBean<AddressThrottleFilter> loginThrottleFilter(ObjectMapper objectMapper,
      Clock clock,
      @Value("${fundmonitor.security.login-failures-per-address:50}") int limit,
      @Value("${fundmonitor.security.login-failure-window:PT15M}") Duration window) {
    var registration = new FilterRegistrationBean<>(
        new AddressThrottleFilter(objectMapper, clock, limit, window));
    registration.setName("fund-monitor-login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/admin/auth/*");
    // before every authentication filter: a blocked address never reaches a password check
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class AddressThrottleFilter extends OncePerRequestFilter {
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, ArrayDeque<Instant>> failures = new ConcurrentHashMap<>();

    AddressThrottleFilter(ObjectMapper objectMapper, Clock clock, int limit, Duration window) {
      this.objectMapper = objectMapper;
      this.clock = clock;
      this.limit = limit;
      this.window = window;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      if (!carriesCredentials(request)) {
        chain.doFilter(request, response);
        return;
      }
      var address = request.getRemoteAddr();
      if (recentFailures(address) >= limit) {
        response.setHeader("Retry-After", String.valueOf(window.toSeconds()));
        ApiSecurityConfiguration.writeProblem(objectMapper, response, HttpStatus.TOO_MANY_REQUESTS,
            "登录失败次数过多", "该地址登录失败次数过多，请于 " + window.toMinutes()
                + " 分钟后再试；如忘记密码，请联系系统管理员。", request);
        return;
      }
      chain.doFilter(request, response);
      if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        record(address);
      }
    }

    /** HTTP Basic on the APIs, or the webapps' login form. */
    static boolean carriesCredentials(HttpServletRequest request) {
      var authorization = request.getHeader("Authorization");
      return (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6))
          || ("POST".equals(request.getMethod()) && request.getRequestURI().contains("/login/"));
    }

    int recentFailures(String address) {
      var times = failures.get(address);
      if (times == null) {
        return 0;
      }
      synchronized (times) {
        prune(times);
        return times.size();
      }
    }

    private void record(String address) {
      var times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
      synchronized (times) {
        prune(times);
        times.addLast(clock.instant());
      }
      if (failures.size() > 10_000) {
        failures.entrySet().removeIf(e -> recentFailures(e.getKey()) == 0);
      }
    }

    private void prune(ArrayDeque<Instant> times) {
      var horizon = clock.instant().minus(window);
      while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
        times.removeFirst();
      }
    }
  }
}
