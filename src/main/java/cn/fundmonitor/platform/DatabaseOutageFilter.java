package cn.fundmonitor.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a request that fails because the database cannot be reached answers 503
 * with {@code Retry-After} and a Chinese problem JSON, wherever it failed — in the webapp session
 * (Spring Session JDBC reads it before anything else), in a login checked against the engine's
 * users (/api's HTTP Basic, /engine-rest's), or in a controller. Without it such a request reached
 * the servlet container's error page as a 500. Answers the application wrote itself (the API's
 * handler, {@link EngineErrorTranslation}) pass through unchanged.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  @Bean
  FilterRegistrationBean<Filter> databaseOutageAnswers(ObjectMapper mapper) {
    var registration = new FilterRegistrationBean<>(new Filter(mapper));
    registration.setName("fund-monitor-database-outage");
    registration.addUrlPatterns("/*");
    // outside Spring Session's filter (HIGHEST_PRECEDENCE + 50) and the engine errors' (+ 20)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {
    private final ObjectMapper mapper;

    Filter(ObjectMapper mapper) {
      this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (RuntimeException | ServletException | IOException e) {
        if (response.isCommitted() || !DatabaseUnavailable.causedBy(e)) {
          throw e;
        }
        LOG.warn("{} {} answered 503, the database cannot be reached: {}", request.getMethod(),
            request.getRequestURI(), e.toString());
        response.resetBuffer();
        response.setStatus(503);
        response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "/errors/503");
        problem.put("title", DatabaseUnavailable.TITLE);
        problem.put("status", 503);
        problem.put("detail", DatabaseUnavailable.MESSAGE);
        problem.put("message", DatabaseUnavailable.MESSAGE);
        problem.put("instance", request.getRequestURI());
        response.getOutputStream().write(mapper.writeValueAsBytes(problem));
      }
    }
  }
}
