package cn.fundmonitor.common;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A workbook refused for its size answers 413, a hostile or malformed one 400, both as Chinese
 * problem JSON. Ordered before the general handler, which would answer 400 for every
 * {@link InvalidInputException}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkbookProblems {

  @ExceptionHandler(WorkbookLimitException.class)
  ProblemDetail refused(WorkbookLimitException e) {
    var status = e.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
    var problem = ProblemDetail.forStatusAndDetail(status, String.join("；", e.problems()));
    problem.setTitle(e.title());
    problem.setProperty("problems", e.problems());
    return problem;
  }
}
