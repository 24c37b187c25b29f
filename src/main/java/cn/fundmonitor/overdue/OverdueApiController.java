package cn.fundmonitor.overdue;

import cn.fundmonitor.platform.CurrentUser;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 逾期事项 over HTTP for clients and the statistics dashboard: the late steps of the caller's
 * units and below (the Cockpit plugin reads the same {@link OverdueBoard}).
 */
@RestController
@RequestMapping("/api/overdue-steps")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class OverdueApiController {

  private final OverdueBoard board;

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  OverdueBoard.Board get(@AuthenticationPrincipal CurrentUser user,
      @RequestParam(required = false) String divisionCode,
      @RequestParam(required = false) String processKey) {
    return board.of(user.groupIds(), divisionCode, processKey);
  }
}
