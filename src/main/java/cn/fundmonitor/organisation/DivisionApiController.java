package cn.fundmonitor.organisation;

import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrative divisions, for clients that fill in region codes. */
@RestController
class DivisionApiController {

  private final OrganisationService organisation;

  DivisionApiController(OrganisationService organisation) {
    this.organisation = organisation;
  }

  @GetMapping("/api/divisions")
  List<DivisionView> all() {
    return organisation.all().stream().sorted(Comparator.comparing(Division::code))
        .map(d -> new DivisionView(d.code(), d.name(), d.level().name(), d.level().label(),
            d.parentCode()))
        .toList();
  }

  record DivisionView(String code, String name, String level, String levelName,
      String parentCode) {}
}
