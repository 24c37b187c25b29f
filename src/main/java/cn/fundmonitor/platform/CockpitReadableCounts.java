package cn.fundmonitor.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Cockpit's instance and incident counts per process definition, counted over what the user may
 * read (issue 17). Cockpit's process list ({@code /camunda/api/cockpit/plugin/base/…/
 * process-definition/statistics}) and its dashboard ({@code …/engine/…/process-definition/
 * statistics}) check only that the user may read the definition, and then count every running
 * instance and incident of it in the country: a province saw "运行中的实例 12" of which three were
 * its own. For a user who may not read every instance of a definition (no READ_INSTANCE on it —
 * a province or a city reading its subtree through {@link SupervisorGrants}), the counts in those
 * answers are replaced by the engine's own authorized counts, as the instance list below them
 * shows. Whoever reads all instances of a definition (the ministry, an administrator) gets
 * Cockpit's answer unchanged.
 */
@Configuration(proxyBeanMethods = false)
class CockpitReadableCounts {

  /** The two statistics Cockpit shows counts from; group 1 names the engine. */
  static final Pattern STATISTICS = Pattern.compile(
      "^/camunda/api/(?:cockpit/plugin/base|engine/engine)/([^/]+)/process-definition/statistics$");

  @Bean
  FilterRegistrationBean<Filter> cockpitReadableCountsFilter(ObjectMapper mapper,
      AuthorizationService authorizations, IdentityService identity, RuntimeService runtime) {
    var registration = new FilterRegistrationBean<>(new Filter(mapper, authorizations, identity,
        runtime));
    registration.setName("fund-monitor-cockpit-readable-counts");
    registration.addUrlPatterns("/camunda/api/cockpit/plugin/base/*",
        "/camunda/api/engine/engine/*");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {
    private final ObjectMapper mapper;
    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final RuntimeService runtime;

    Filter(ObjectMapper mapper, AuthorizationService authorizations, IdentityService identity,
        RuntimeService runtime) {
      this.mapper = mapper;
      this.authorizations = authorizations;
      this.identity = identity;
      this.runtime = runtime;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      var path = request.getRequestURI().substring(request.getContextPath().length());
      return !"GET".equals(request.getMethod()) || !STATISTICS.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      var path = request.getRequestURI().substring(request.getContextPath().length());
      var matcher = STATISTICS.matcher(path);
      matcher.matches();
      var session = request.getSession(false);
      var auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
      var user = auths == null ? null
          : (UserAuthentication) auths.getAuthenticationForProcessEngine(matcher.group(1));
      if (user == null) {
        chain.doFilter(request, response);
        return;
      }
      var wrapper = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() == 200) {
        var body = mapper.readTree(wrapper.getContentAsByteArray());
        if (body instanceof ArrayNode list && recount(list, user)) {
          var bytes = mapper.writeValueAsBytes(list);
          wrapper.resetBuffer();
          wrapper.getOutputStream().write(bytes);
        }
      }
      wrapper.copyBodyToResponse();
    }

    /** Whether any count changed. */
    private boolean recount(ArrayNode list, UserAuthentication user) {
      var groups = user.getGroupIds() == null ? List.<String>of() : user.getGroupIds();
      var readsAll = new HashMap<String, Boolean>();
      var changed = false;
      for (var item : list) {
        if (!(item instanceof ObjectNode row)) {
          continue;
        }
        // the process list's rows name the key; the dashboard's hold the definition in "definition"
        var definition = row.has("definition") ? row.get("definition") : row;
        var key = text(definition, "key");
        if (key == null || readsAll.computeIfAbsent(key, k -> authorizations.isUserAuthorized(
            user.getIdentityId(), groups, ProcessDefinitionPermissions.READ_INSTANCE,
            Resources.PROCESS_DEFINITION, k))) {
          continue;
        }
        changed = true;
        if (row.has("definition")) {
          var id = text(definition, "id");
          row.put("instances", as(user, groups, () -> runtime.createProcessInstanceQuery()
              .processDefinitionId(id).count()));
          var byType = new TreeMap<String, Integer>();
          as(user, groups, () -> runtime.createIncidentQuery().processDefinitionId(id).list())
              .forEach(i -> byType.merge(i.getIncidentType(), 1, Integer::sum));
          var incidents = row.putArray("incidents");
          byType.forEach((type, n) -> incidents.addObject().put("incidentType", type)
              .put("incidentCount", n));
        } else {
          row.put("instances", as(user, groups, () -> runtime.createProcessInstanceQuery()
              .processDefinitionKey(key).count()));
          row.put("incidents", as(user, groups, () -> runtime.createIncidentQuery()
              .processDefinitionKeyIn(key).count()));
        }
      }
      return changed;
    }

    /** Runs an engine query as the logged-in user, so its authorization checks count for them. */
    private <T> T as(UserAuthentication user, List<String> groups, Supplier<T> query) {
      var before = identity.getCurrentAuthentication();
      identity.setAuthentication(new Authentication(user.getIdentityId(), groups,
          user.getTenantIds()));
      try {
        return query.get();
      } finally {
        if (before == null) {
          identity.clearAuthentication();
        } else {
          identity.setAuthentication(before);
        }
      }
    }

    private static String text(JsonNode node, String field) {
      return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
  }
}
