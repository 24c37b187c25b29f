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
        // HTTP Basic, no session: instead of a token, state changes from a browser must carry a
        // header a cross-site form cannot send (CrossSiteRequestFilter); clients such as curl
        // send no Origin and are not affected
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
            .frameOptions(frame -> frame.deny()))
        .addFilterBefore(new CrossSiteRequestFilter(objectMapper), BasicAuthenticationFilter.class)
        .addFilterAfter(new EngineAuthenticationFilter(identityService),
            BasicAuthenticationFilter.class)
        .build();
  }

  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
  static final String PAGE_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /**
   * The page /tools/ itself (static; its API calls authenticate): never framed, never sniffed,
   * scripts only from here. Spring Security adds HSTS when the request came over TLS.
   */
  @Bean
  SecurityFilterChain toolsPageHeaders(HttpSecurity http) throws Exception {
    return http
        .securityMatcher("/tools/**", "/tools", "/dashboard/**", "/dashboard")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
            .frameOptions(frame -> frame.deny()))
        .build();
  }

  /**
   * Cross-site request forgery on an API that browsers may hold HTTP Basic credentials for: a
   * state-changing request that a browser sends (it carries Origin or Sec-Fetch headers) must
   * come from this site and carry X-Requested-With, which a cross-site form cannot set and a
   * cross-site script cannot send without a CORS permission this API never gives.
   */
  static final class CrossSiteRequestFilter extends OncePerRequestFilter {
    private final ObjectMapper objectMapper;

    CrossSiteRequestFilter(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      if (isStateChanging(request.getMethod()) && fromBrowser(request)
          && (crossSite(request) || request.getHeader("X-Requested-With") == null)) {
        writeProblem(objectMapper, response, HttpStatus.FORBIDDEN, "跨站请求被拒绝",
            "修改数据的请求只能从本系统的页面提交（缺少 X-Requested-With 请求头或来源不是本站）。", request);
        return;
      }
      chain.doFilter(request, response);
    }

    static boolean isStateChanging(String method) {
      return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
          || "TRACE".equals(method));
    }

    static boolean fromBrowser(HttpServletRequest request) {
      return request.getHeader("Origin") != null || request.getHeader("Sec-Fetch-Site") != null
          || request.getHeader("Sec-Fetch-Mode") != null;
    }

    static boolean crossSite(HttpServletRequest request) {
      var site = request.getHeader("Sec-Fetch-Site");
      if (site != null && !site.equals("same-origin") && !site.equals("none")) {
        return true;
      }
      var origin = request.getHeader("Origin");
      if (origin == null || origin.equals("null")) {
        return origin != null;
      }
      try {
        var o = URI.create(origin);
        var host = request.getServerName();
        var port = request.getServerPort();
        var originPort = o.getPort() == -1 ? ("https".equals(o.getScheme()) ? 443 : 80) : o.getPort();
        return !(host.equalsIgnoreCase(o.getHost()) && port == originPort);
      } catch (IllegalArgumentException e) {
        return true;
      }
    }
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
