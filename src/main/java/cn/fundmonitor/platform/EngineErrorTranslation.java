package cn.fundmonitor.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every error the engine's REST APIs answer (/engine-rest and the webapps' /camunda/api) reaches
 * the client in Chinese, with the status that says whose mistake it was, and without class names,
 * SQL or stack text: Camunda answers a password the policy refuses, a concurrent claim or a
 * malformed variable with a 500 and its exception's English message and class name.
 *
 * <ul>
 *   <li>conflicts (optimistic locking, a lock waited for too long, a duplicate key, a task claimed
 *       or completed by someone else) → 409;
 *   <li>the password policy, malformed JSON and variables, numbers too large for the database → 400;
 *   <li>authorization → 403, unknown ids → 404, each with a Chinese message;
 *   <li>a message the application itself wrote in Chinese (a domain check inside a delegate) → 400
 *       with that message;
 *   <li>the database cannot be reached (a restart) → 503 with {@code Retry-After}
 *       ({@link DatabaseUnavailable});
 *   <li>anything else → 500 with a reference number only; the original is logged with it.
 * </ul>
 * Tasklist recognises a few English messages itself (a removed task, a suspended instance) and
 * shows its own Chinese text for them: those pass through unchanged on the webapps' API.
 */
@Configuration(proxyBeanMethods = false)
class EngineErrorTranslation {

  private static final Logger LOG = LoggerFactory.getLogger(EngineErrorTranslation.class);
  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

  @Bean
  FilterRegistrationBean<TranslatingFilter> engineErrorTranslationFilter(ObjectMapper mapper,
      DataSource dataSource) {
    var registration = new FilterRegistrationBean<>(new TranslatingFilter(mapper,
        () -> reachable(dataSource)));
    registration.setName("fund-monitor-engine-errors");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Whether a connection to the database can be had now (waits at most the pool's timeout). */
  static boolean reachable(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** The engine's words for any failure in its persistence layer, the cause left out. */
  static final String PERSISTENCE_FAILURE = "An exception occurred in the persistence layer";

  /** What the client reads instead: status, title and message. */
  record Translation(int status, String title, String message) {}

  /** Messages Tasklist turns into its own Chinese text (camunda-tasklist: TASK_NOT_EXIST …). */
  static final List<String> TASKLIST_MARKERS = List.of("task is null", "No matching task",
      "is suspended", "submission prevented");

  static Translation translate(int status, String type, String message) {
    var m = message == null ? "" : message;
    var t = type == null ? "" : type;
    if (DatabaseUnavailable.message(m) || DatabaseUnavailable.message(t)) {
      // before the checks below: the engine's message of a lost connection mentions JDBC or SQL
      return new Translation(503, DatabaseUnavailable.TITLE, DatabaseUnavailable.MESSAGE);
    }
    if (t.equals("AuthorizationException") || status == 403) {
      return new Translation(403, "无权访问",
          CJK.matcher(m).find() ? m : "当前账号没有执行该操作的权限。");
    }
    if (status == 401) {
      return new Translation(401, "未登录", "请先登录（用户名和密码）。");
    }
    if (t.equals("OptimisticLockingException") || m.contains("updated by another transaction")
        || m.contains("was updated by another") || m.contains("OptimisticLocking")) {
      return new Translation(409, "数据已被他人修改", "该记录刚被其他人处理或修改，请刷新后重试。");
    }
    if (t.equals("QueryTimeoutException") || t.contains("LockingFailure")
        || t.contains("CannotAcquireLock") || t.contains("DeadlockLoser")
        || m.contains("Timeout trying to lock") || m.contains("could not obtain lock")
        || m.contains("lock timeout") || m.contains("eadlock detected")
        || m.contains("could not serialize access") || m.contains("QueryTimeoutException")
        || m.contains("CannotAcquireLockException")) {
      // two users on one record at once: the loser waited for the winner's lock
      return new Translation(409, "数据已被他人修改", "该记录正被其他人处理或刚被修改，请刷新后重试。");
    }
    if (m.contains("Unique index or primary key violation") || m.contains("duplicate key value")
        || m.contains("DuplicateKeyException")) {
      return new Translation(409, "记录已存在", "该记录已被其他人提交或已存在，请刷新后查看。");
    }
    if (t.equals("TaskAlreadyClaimedException") || m.contains("is already claimed")) {
      return new Translation(409, "任务已被认领", "该任务已被其他人认领，请刷新任务列表。");
    }
    if (m.contains("Password does not match policy")) {
      return new Translation(400, "密码不符合要求",
          "密码不符合密码策略：至少 10 位，须含大写字母、小写字母、数字和符号，且不能包含用户名、姓名等个人信息。");
    }
    if (status == 404 || t.equals("NotFoundException") || t.equals("NullValueException")
        || m.contains("No matching") || m.contains("does not exist") || m.contains("Cannot find")
        || m.contains("is null") || m.contains("not found")
        || (m.startsWith("No ") && m.contains(" found"))) {
      return new Translation(404, "记录不存在", "要访问的记录不存在，或已被处理。");
    }
    if (m.contains("Unable to transform") || m.contains("Could not parse")
        || m.contains("ENGINE-09005") || m.contains("Content is not allowed")
        || m.contains("XML document structures")) {
      return new Translation(400, "模型文件有误",
          "模型文件无法解析或不完整（例如缺少历史保留期限 historyTimeToLive），请在 Modeler 中检查后重新部署。");
    }
    if (m.contains("Cannot deserialize") || m.contains("Unrecognized token")
        || m.contains("Cannot construct instance") || m.contains("Invalid UTF-8")
        || m.contains("Unexpected end-of-input") || m.contains("MismatchedInput")
        || m.contains("Illegal character") || m.contains("Invalid character")
        || m.contains("Unexpected character") || m.contains("JsonParse") || m.contains("SPIN/")
        || m.contains("Cannot convert value") || m.contains("Cannot parse")
        || m.contains("deserializ") || m.contains("not a valid")) {
      return new Translation(400, "数据格式不正确", "请求中的数据格式不正确（JSON、变量类型或取值）。");
    }
    if (m.contains("SQL") || m.contains("JDBC") || m.contains("out of range")
        || m.contains("too long") || m.contains("Data truncation") || m.contains("numeric")
        || m.contains("Value too")) {
      return new Translation(400, "数据超出范围", "数据超出允许的范围或长度，请核对后重填。");
    }
    if (CJK.matcher(m).find()) {
      // the application's own check, written for the user, thrown inside the engine's command
      return new Translation(status >= 500 ? 400 : status, "无法办理", m);
    }
    if (status == 409) {
      return new Translation(409, "状态冲突", "该记录的状态已变化，请刷新后重试。");
    }
    if (status >= 400 && status < 500) {
      return new Translation(status, "请求有误", "请求的内容或参数有误，请核对后重试。");
    }
    return null; // a server error: answered with a reference number
  }

  static final class TranslatingFilter extends OncePerRequestFilter {
    private final ObjectMapper mapper;
    private final BooleanSupplier databaseReachable;

    TranslatingFilter(ObjectMapper mapper, BooleanSupplier databaseReachable) {
      this.mapper = mapper;
      this.databaseReachable = databaseReachable;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
        FilterChain chain) throws ServletException, IOException {
      var wrapper = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, wrapper);
      } catch (RuntimeException | ServletException | IOException e) {
        if (response.isCommitted()) {
          throw e;
        }
        if (DatabaseUnavailable.causedBy(e)) {
          LOG.warn("Engine API {} {} answered 503, the database cannot be reached: {}",
              request.getMethod(), request.getRequestURI(), e.toString());
          wrapper.resetBuffer();
          write(wrapper, request, 503, DatabaseUnavailable.TITLE, DatabaseUnavailable.MESSAGE);
          wrapper.copyBodyToResponse();
          return;
        }
        var reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Engine API failed [{}] {} {}", reference, request.getMethod(),
            request.getRequestURI(), e);
        wrapper.resetBuffer();
        write(wrapper, request, 500, "服务器内部错误",
            "服务器处理请求时出错，请稍后重试；如持续出现，请联系管理员（编号 " + reference + "）。");
        wrapper.copyBodyToResponse();
        return;
      }
      var status = wrapper.getStatus();
      if (status >= 400 && isJson(wrapper.getContentType())) {
        translateBody(request, wrapper, status);
      } else if (status >= 400 && request.getRequestURI().startsWith("/engine-rest/")) {
        // Jersey's own answers to a body it cannot read (Jackson's message, class names and all,
        // as text/plain) or to an unknown path (an empty or HTML body)
        translateText(request, wrapper, status);
      }
      wrapper.copyBodyToResponse();
    }

    /** A GET of one record of the engine by its id ({@code /engine-rest/task/<id>/…}). */
    static boolean readsOneRecord(HttpServletRequest request) {
      var path = request.getRequestURI();
      if (!"GET".equals(request.getMethod()) || !path.startsWith("/engine-rest/")) {
        return false;
      }
      var segments = path.substring("/engine-rest/".length()).split("/");
      return segments.length >= 2 && !segments[segments.length - 1].equals("count");
    }

    private void translateBody(HttpServletRequest request, ContentCachingResponseWrapper wrapper,
        int status) throws IOException {
      JsonNode body;
      try {
        body = mapper.readTree(wrapper.getContentAsByteArray());
      } catch (IOException notJson) {
        return;
      }
      if (body == null || !body.isObject()) {
        return;
      }
      if (body.has("title") && body.path("type").asText("/").startsWith("/")) {
        return; // already the application's own problem JSON (EngineRestErrors)
      }
      var type = body.path("type").asText(null);
      var message = body.path("message").asText(null);
      if (request.getRequestURI().startsWith("/camunda/api/") && message != null
          && TASKLIST_MARKERS.stream().anyMatch(message::contains)) {
        return;
      }
      var translation = translate(status, type, message);
      if (translation != null && translation.status() == 403 && readsOneRecord(request)) {
        // reading another unit's record answers as a record that does not exist: the answer
        // never tells whether it exists (issue 13)
        translation = new Translation(404, "记录不存在", "要访问的记录不存在，或已被处理。");
      }
      if (translation != null && translation.status() == 409
          && request.getRequestURI().endsWith("/claim")) {
        // the loser of a claim race meets an optimistic-locking conflict: it was claimed first
        translation = new Translation(409, "任务已被认领", "该任务已被其他人认领，请刷新任务列表。");
      }
      if (translation == null && message != null && message.contains(PERSISTENCE_FAILURE)
          && !databaseReachable.getAsBoolean()) {
        // the webapps' REST (Tasklist, Cockpit) answers with Camunda's own mappers, which keep
        // only these words of a lost connection: judged by whether the database answers now
        translation = new Translation(503, DatabaseUnavailable.TITLE, DatabaseUnavailable.MESSAGE);
      }
      wrapper.resetBuffer();
      if (translation == null) {
        var reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Engine API error [{}] {} {} answered {}: {} {}", reference, request.getMethod(),
            request.getRequestURI(), status, type, message);
        write(wrapper, request, 500, "服务器内部错误",
            "服务器处理请求时出错，请稍后重试；如持续出现，请联系管理员（编号 " + reference + "）。");
        return;
      }
      if (translation.status() >= 500 || !translation.message().equals(message)) {
        LOG.info("Engine API {} {} answered {} ({}: {})", request.getMethod(),
            request.getRequestURI(), translation.status(), type, message);
      }
      write(wrapper, request, translation.status(), translation.title(), translation.message());
    }

    private void translateText(HttpServletRequest request, ContentCachingResponseWrapper wrapper,
        int status) throws IOException {
      var text = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
      var translation = translate(status, null, text);
      wrapper.resetBuffer();
      if (translation == null) {
        var reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Engine API error [{}] {} {} answered {}: {}", reference, request.getMethod(),
            request.getRequestURI(), status, text);
        write(wrapper, request, 500, "服务器内部错误",
            "服务器处理请求时出错，请稍后重试；如持续出现，请联系管理员（编号 " + reference + "）。");
        return;
      }
      LOG.info("Engine API {} {} answered {} ({})", request.getMethod(), request.getRequestURI(),
          translation.status(), text.length() > 300 ? text.substring(0, 300) : text);
      write(wrapper, request, translation.status(), translation.title(), translation.message());
    }

    private void write(ContentCachingResponseWrapper wrapper, HttpServletRequest request,
        int status, String title, String message) throws IOException {
      var problem = new LinkedHashMap<String, Object>();
      problem.put("type", "/errors/" + status);
      problem.put("title", title);
      problem.put("status", status);
      problem.put("detail", message);
      // Tasklist, Cockpit and Admin show "message"
      problem.put("message", message);
      problem.put("instance", request.getRequestURI());
      wrapper.setStatus(status);
      if (status == 503) {
        wrapper.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
      }
      wrapper.setContentType("application/json;charset=UTF-8");
      wrapper.setCharacterEncoding(StandardCharsets.UTF_8.name());
      wrapper.getOutputStream().write(mapper.writeValueAsBytes(problem));
    }

    private static boolean isJson(String contentType) {
      return contentType != null && contentType.toLowerCase().contains("json");
    }
  }
}
