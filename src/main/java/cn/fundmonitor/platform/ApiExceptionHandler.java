package cn.fundmonitor.platform;

import cn.fundmonitor.common.ConflictException;
import cn.fundmonitor.common.InvalidInputException;
import cn.fundmonitor.common.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the project's API as RFC 9457 problem JSON, in Chinese, saying what to fix. Extends
 * Spring's handler so the framework's own errors (405, 415, ...) are problem JSON too.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

  private final String maxUpload;

  ApiExceptionHandler(@Value("${spring.servlet.multipart.max-file-size:1MB}") String maxUpload) {
    this.maxUpload = maxUpload;
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    var problem = problem(HttpStatus.BAD_REQUEST, e.title(), String.join("；", e.problems()));
    problem.setProperty("problems", e.problems());
    problem.setProperty("errors", errors(e));
    return problem;
  }

  /**
   * RFC 9457's {@code errors} extension: each problem's {@code detail}, and its {@code pointer}
   * (RFC 6901, into the request body or the form) when it is about one field.
   */
  static List<Map<String, String>> errors(InvalidInputException e) {
    return e.errors().stream().map(error -> {
      var entry = new LinkedHashMap<String, String>();
      entry.put("detail", error.message());
      if (error.pointer() != null) {
        entry.put("pointer", error.pointer());
      }
      return (Map<String, String>) entry;
    }).toList();
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "状态冲突", e.getMessage());
  }

  @ExceptionHandler(AuthorizationException.class)
  ProblemDetail forbidden(AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "无权操作", "您的账号没有执行该操作的权限。");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(
        problem(HttpStatus.BAD_REQUEST, "请求格式有误", "请求内容不是有效的 JSON，或字段类型不对。"));
  }

  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem(
        HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", "上传的文件超过 " + maxUpload + "，请拆分后分批上传。"));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "请求格式有误",
        "缺少上传的文件（表单字段 " + e.getRequestPartName() + "）。"));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "请求格式有误",
        "缺少参数 " + e.getParameterName() + "。"));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "请求格式有误",
        "参数 " + e.getPropertyName() + " 的值“" + e.getValue() + "”格式不对。"));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求格式有误", "不支持的内容类型 " + e.getContentType()
            + "；JSON 请用 application/json，文件请用 multipart/form-data 上传。"));
  }

  /** A user who may not do this (a controller's own role check): 403, as Spring Security says it. */
  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail accessDenied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "无权访问", "您的账号没有访问该资源的权限。");
  }

  /**
   * Whatever else escapes a controller. An engine error is judged as the engine REST API judges
   * it (a conflict is 409, a domain check written in Chinese 400 …); a Chinese message thrown as an
   * illegal argument is the client's mistake; a database that cannot be reached is a 503 the client
   * retries ({@link DatabaseUnavailable}); anything else is a 500 with a reference number only,
   * never the class name, SQL or stack text — those go to the log with the number.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
    if (DatabaseUnavailable.causedBy(e)) {
      LOG.warn("API {} answered 503, the database cannot be reached: {}",
          request.getDescription(false), e.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
          .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE,
              DatabaseUnavailable.MESSAGE));
    }
    if (e instanceof ProcessEngineException || e instanceof DataAccessException) {
      var translation = EngineErrorTranslation.translate(500, e.getClass().getSimpleName(),
          e.getMessage());
      // from the database directly only a conflict (a lock, a duplicate) is the client's
      if (translation != null
          && (e instanceof ProcessEngineException || translation.status() == 409)) {
        LOG.info("API {} answered {} ({})", request.getDescription(false), translation.status(),
            e.toString());
        return ResponseEntity.status(translation.status()).body(problem(
            HttpStatus.valueOf(translation.status()), translation.title(), translation.message()));
      }
    } else if ((e instanceof IllegalArgumentException || e instanceof IllegalStateException)
        && e.getMessage() != null && CJK.matcher(e.getMessage()).find()) {
      return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "请求有误",
          e.getMessage()));
    }
    var reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("API failed [{}] {}", reference, request.getDescription(false), e);
    return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
        "服务器内部错误", "服务器处理请求时出错，请稍后重试；如持续出现，请联系管理员（编号 " + reference + "）。"));
  }

  /**
   * The framework's own answers (an unknown path, a method the address does not take, a format it
   * cannot produce …) come with English titles: said in Chinese instead.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    var detail = body instanceof ProblemDetail p ? p
        : e instanceof ErrorResponse r ? r.getBody() : null;
    if (detail != null && !CJK.matcher(String.valueOf(detail.getTitle())
        + detail.getDetail()).find()) {
      var chinese = chinese(status.value());
      detail.setTitle(chinese[0]);
      detail.setDetail(chinese[1]);
      body = detail;
    }
    return super.handleExceptionInternal(e, body, headers, status, request);
  }

  static String[] chinese(int status) {
    return switch (status) {
      case 400 -> new String[] {"请求格式有误", "请求的内容或参数有误，请核对后重试。"};
      case 404 -> new String[] {"未找到", "请求的地址或记录不存在。"};
      case 405 -> new String[] {"请求方法不支持", "该地址不支持这种请求方法（GET、POST、PUT、DELETE）。"};
      case 406 -> new String[] {"无法提供所需格式", "该地址不能按请求的格式（Accept）返回结果，请改用 application/json。"};
      case 413 -> new String[] {"请求过大", "请求的内容过大，请拆分后分批提交。"};
      case 415 -> new String[] {"请求格式有误", "不支持的内容类型；JSON 请用 application/json，文件请用 multipart/form-data 上传。"};
      default -> status >= 500
          ? new String[] {"服务器内部错误", "服务器处理请求时出错，请稍后重试。"}
          : new String[] {"请求有误", "请求的内容或参数有误，请核对后重试。"};
    };
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    var problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
