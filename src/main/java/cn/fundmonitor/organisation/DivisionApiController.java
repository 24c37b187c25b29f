package cn.fundmonitor.organisation;

import java.util.Comparator;
import java.util.List;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The administrative divisions, for clients that fill in region codes. */
@RestController
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DivisionApiController {

  private final OrganisationService organisation;

  /** The divisions in use; with {@code includeAbolished} also renamed and merged ones. */
  @GetMapping("/api/divisions")
  List<DivisionView> all(@RequestParam(defaultValue = "false") boolean includeAbolished) {
    return organisation.all().stream().filter(d -> includeAbolished || d.active())
        .sorted(Comparator.comparing(Division::code))
        .map(d -> new DivisionView(d.code(), d.name(), d.level().name(), d.level().label(),
            d.parentCode(), d.successorCode(),
            d.abolishedOn() == null ? null : d.abolishedOn().toString()))
        .toList();
  }

  record DivisionView(String code, String name, String level, String levelName,
      String parentCode, String successorCode, String abolishedOn) {}
}
