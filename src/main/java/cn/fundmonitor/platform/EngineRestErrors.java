package cn.fundmonitor.platform;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.List;
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

  static final class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException e) {
      return problem(400, "/errors/400", e.title(), e.getMessage(), e.problems());
    }
  }

  static final class ConflictMapper implements ExceptionMapper<ConflictException> {
    @Override
    public Response toResponse(ConflictException e) {
      return problem(409, "/errors/409", "状态冲突", e.getMessage(), null);
    }
  }
}
