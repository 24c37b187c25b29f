package cn.fundmonitor.platform;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Input the domain refuses reaches /engine-rest callers (Tasklist among them) as 400 or 409 instead
 * of Camunda's generic 500, with Camunda's {type, message} fields (Tasklist shows the message) and
 * the problem-JSON fields of RFC 9457 (no class names: see {@link EngineErrorTranslation}).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

  @Bean
  ResourceConfigCustomizer domainErrorsForEngineRest() {
    return config -> {
      config.register(new InvalidInputMapper());
      config.register(new ConflictMapper());
      config.register(new EngineOutageMapper());
      config.register(new RestOutageMapper());
    };
  }

  static Response problem(int status, String type, String title, String message,
      List<String> problems) {
    var body = new LinkedHashMap<String, Object>();
    body.put("type", type);
    body.put("title", title);
    body.put("status", status);
    body.put("message", message);
    body.put("detail", message);
    if (problems != null) {
      body.put("problems", problems);
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(body).build();
  }

  /**
   * The engine hides why a command failed in its persistence layer ("An exception occurred in the
   * persistence layer…") from the REST answer, so {@link EngineErrorTranslation} cannot tell a lost
   * database connection from a bug: the exception itself is judged here. A database that cannot
   * be reached answers 503 with Retry-After ({@link DatabaseUnavailable}); anything else is
   * answered by Camunda's own mapper, as before. Equally close to the exception as Camunda's
   * mapper, chosen by the higher priority.
   */
  @Priority(Priorities.USER - 100)
  static final class EngineOutageMapper implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException e) {
      return DatabaseUnavailable.causedBy(e) ? unavailable() : camunda.toResponse(e);
    }
  }

  /** The same for the REST layer's own wrapper ("Cannot submit task form …: " + the cause). */
  @Priority(Priorities.USER - 100)
  static final class RestOutageMapper implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException e) {
      return DatabaseUnavailable.causedBy(e) ? unavailable() : camunda.toResponse(e);
    }
  }

  static Response unavailable() {
    var response = problem(503, "/errors/503", DatabaseUnavailable.TITLE,
        DatabaseUnavailable.MESSAGE, null);
    return Response.fromResponse(response)
        .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
  }

  static final class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      var response = problem(400, "/errors/400", e.title(), e.getMessage(), e.problems());
      @SuppressWarnings("unchecked")
      var body = (Map<String, Object>) response.getEntity();
      body.put("errors", ApiExceptionHandler.errors(e));
      return response;
    }
  }

  static final class ConflictMapper implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
      return problem(409, "/errors/409", "状态冲突", e.getMessage(), null);
    }
  }
}
