package cn.fundmonitor.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Spring Security guards the project's own API under /api only (HTTP Basic against Camunda's
 * users). The webapps keep their own login and the engine REST API its own filter
 * ({@link EngineRestSecurity}); no other filter chain exists, so Spring Security leaves them alone.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService,
      ObjectMapper objectMapper) throws Exception {
    return http
        .securityMatcher("/api/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Basic realm=\"fund-monitor\"");
          writeProblem(objectMapper, response, HttpStatus.UNAUTHORIZED, "未登录",
              "请使用系统用户名和密码（HTTP Basic）访问接口。", request);
        }))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
            writeProblem(objectMapper, response, HttpStatus.FORBIDDEN, "无权访问",
                "您的账号没有访问该资源的权限。", request)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new EngineAuthenticationFilter(identityService),
            BasicAuthenticationFilter.class)
        .build();
  }

  static void writeProblem(ObjectMapper mapper, HttpServletResponse response, HttpStatus status,
      String title, String detail, HttpServletRequest request) throws IOException {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(status.value());
    response.setCharacterEncoding("UTF-8");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), problem);
  }

  /**
   * Runs the rest of the request as the authenticated user inside the engine, so engine calls
   * made by the API are subject to the same authorizations as Tasklist and /engine-rest.
   */
  static final class EngineAuthenticationFilter extends OncePerRequestFilter {
    private final IdentityService identityService;

    EngineAuthenticationFilter(IdentityService identityService) {
      this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      var auth = SecurityContextHolder.getContext().getAuthentication();
      if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
        identityService.setAuthentication(user.userId(), user.groupIds());
        try {
          chain.doFilter(request, response);
        } finally {
          identityService.clearAuthentication();
        }
      } else {
        chain.doFilter(request, response);
      }
    }
  }
}
