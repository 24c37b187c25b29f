package cn.fundmonitor.overdue.cockpit;

import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.overdue.OverdueBoard;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The plugin's back end: {@code GET /camunda/api/cockpit/plugin/fund-monitor-overdue/{engine}/overdue-steps}
 * for the user logged in to the webapps (Camunda's filter lets only authenticated users through
 * and sets the engine's authentication). Who sees what is {@link OverdueBoard}'s rule, the same as
 * {@code /api/overdue-steps}; mistakes answer 4xx with a Chinese problem JSON, never a stack trace.
 * Jersey creates this class, so the Spring beans come from the servlet context.
 */
@Path("plugin/" + OverdueCockpitPlugin.ID)
public class OverdueCockpitResource extends AbstractCockpitPluginRootResource {

  static final String PROBLEM_JSON = "application/problem+json;charset=UTF-8";
  private static final Logger LOG = LoggerFactory.getLogger(OverdueCockpitResource.class);

  public OverdueCockpitResource() {
    super(OverdueCockpitPlugin.ID);
  }

  @GET
  @Path("{engineName}/overdue-steps")
  public Response overdueSteps(@PathParam("engineName") String engineName,
      @QueryParam("divisionCode") String divisionCode,
      @QueryParam("processKey") String processKey) {
    var spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    var json = spring.getBean(ObjectMapper.class);
    var engine = spring.getBean(ProcessEngine.class);
    if (!engine.getName().equals(engineName)) {
      return problem(json, 404, "未找到", "没有名为该名称的流程引擎。");
    }
    var auth = spring.getBean(IdentityService.class).getCurrentAuthentication();
    if (auth == null || auth.getUserId() == null) {
      return problem(json, 401, "未登录", "请先登录。");
    }
    try {
      var board = spring.getBean(OverdueBoard.class).of(
          auth.getGroupIds() == null ? List.of() : auth.getGroupIds(), divisionCode, processKey);
      return Response.ok(json.writeValueAsString(board), "application/json;charset=UTF-8")
          .build();
    } catch (InvalidInputException e) {
      return problem(json, 400, e.title(), String.join("；", e.problems()));
    } catch (AccessDeniedException e) {
      return problem(json, 403, "无权访问", "只能查看本单位及下级单位的逾期事项。");
    } catch (JsonProcessingException | RuntimeException e) {
      var number = Long.toString(System.nanoTime(), 36);
      LOG.error("逾期事项 failed ({})", number, e);
      return problem(json, 500, "系统错误", "查询逾期事项时出错，编号 " + number + "。");
    }
  }

  private static Response problem(ObjectMapper json, int status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    // the field EngineErrorTranslation (on every /camunda/api answer) reads and keeps when Chinese
    body.put("message", title + "：" + detail);
    try {
      return Response.status(status).entity(json.writeValueAsString(body)).type(PROBLEM_JSON)
          .build();
    } catch (JsonProcessingException e) {
      return Response.status(status).build();
    }
  }
}
