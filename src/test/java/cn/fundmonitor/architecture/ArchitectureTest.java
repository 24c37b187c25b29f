package cn.fundmonitor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain stays free of the workflow engine (ddd-by-examples/library's rule). */
class ArchitectureTest {

  static final com.tngtech.archunit.core.domain.JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.fundmonitor");

  @Test
  void domainDoesNotDependOnCamunda() {
    noClasses().that().resideInAnyPackage("cn.fundmonitor.project..", "cn.fundmonitor.money..",
            "cn.fundmonitor.common..")
        .or().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .check(CLASSES);
  }

  @Test
  void theWorkingDayCalendarReachesTheEngineOnlyThroughItsAdapter() {
    noClasses().that().resideInAPackage("cn.fundmonitor.calendar..")
        .and().doNotHaveSimpleName("WorkingDayBusinessCalendar")
        .and().doNotHaveSimpleName("CalendarEnginePlugin")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .check(CLASSES);
  }

  @Test
  void organisationTalksToCamundaOnlyThroughItsSync() {
    noClasses().that().resideInAPackage("cn.fundmonitor.organisation..")
        .and().doNotHaveSimpleName("CamundaOrganisationSync")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .check(CLASSES);
  }
}
