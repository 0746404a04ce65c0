package cn.weiquan;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of src/main that a reviewer would otherwise have to remember: engine internals only
 * where Camunda has no public API (README "Engine internals we depend on"), one money type, one
 * clock, and dependencies that point one way. The allow-lists name classes; a part marked "to be
 * removed" is work in progress on other branches, not a licence.
 */
class ArchitectureTest {

  /** Classes that may use org.camunda.bpm.engine.impl, each for the reason the README gives. */
  static final Set<String> ENGINE_INTERNALS =
      Set.of(
          "cn.weiquan.analytics.CaseFactsPlugin", // the dashboard's facts from history events: a
          // history event handler in a plugin, event types impl
          "cn.weiquan.notification.NotifyDelegate", // the id of the job a mail step runs in
          // keys the mail ledger: a delegate has no public way to learn it
          "cn.weiquan.operations.NodeName", // the job executor's lock owner: no starter property
          "cn.weiquan.platform.EngineClock", // ClockUtil: Camunda 7 has no public API for the
          // engine's clock
          "cn.weiquan.platform.EngineRestSecurity", // IdentityService#getCurrentAuthentication
          // returns impl Authentication
          "cn.weiquan.platform.ModelTaskGrants", // the engine's grants for new tasks: a resource
          // authorization provider set by a plugin
          "cn.weiquan.platform.modelguard.ModelGuardPlugin", // a process engine plugin and
          // deployer: the plugin SPI is impl
          "cn.weiquan.privacy.HistoryWithoutFormFields", // a history level: HistoryLevel and its
          // event types are impl
          "cn.weiquan.workplace.TaskPriorityPlugin"); // a listener on every user task: a BPMN parse

  // listener in a plugin

  /** Nothing is waiting to be removed: a new entry needs a reason in the README. */
  static final Set<String> ENGINE_INTERNALS_TO_BE_REMOVED = Set.of();

  /** The one money type. */
  static final String MONEY = "cn.weiquan.rules.Money";

  /** No second money type is tolerated. */
  static final Set<String> MONEY_TYPES_TO_BE_REMOVED = Set.of();

  /** The one clock: the engine's, read through EngineClock. */
  static final String CLOCK = "cn.weiquan.platform.EngineClock";

  /** No second clock is tolerated. */
  static final Set<String> CLOCKS_TO_BE_REMOVED = Set.of();

  private static final Set<String> DATE_TIME_TYPES =
      Set.of(
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.Instant",
          "java.time.ZonedDateTime",
          "java.time.OffsetDateTime");

  private static JavaClasses main;

  @BeforeAll
  static void importMain() {
    // any build directory (-Dweiquan.build.dir=…): the test classes are the ones under a
    // test-classes folder
    main =
        new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("cn.weiquan");
    assertThat(main.contain("cn.weiquan.WeiquanApplication"))
        .as("the main classes were found")
        .isTrue();
  }

  @Test
  void engineInternals_onlyWhereNoPublicApiExists() {
    noClasses()
        .that(not(in(ENGINE_INTERNALS, ENGINE_INTERNALS_TO_BE_REMOVED)))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda.bpm.engine.impl..")
        .because(
            "Camunda 7.24 is the last Community Edition: every internal is a cost of moving to a maintained fork")
        .check(main);
  }

  @Test
  void oneMoneyType() {
    classes()
        .that()
        .haveSimpleNameContaining("Money")
        .or()
        .haveSimpleName("Yuan")
        .or()
        .haveSimpleNameEndingWith("Amounts")
        .should(beOneOf(MONEY, MONEY_TYPES_TO_BE_REMOVED))
        .because("money is read, rounded and limited one way: " + MONEY)
        .allowEmptyShould(true)
        .check(main);
  }

  @Test
  void oneClock() {
    classes()
        .that(not(in(Set.of(CLOCK), CLOCKS_TO_BE_REMOVED)))
        .should(readNoOtherClock())
        .because(
            "a test that moves the engine clock must move every deadline, filing check and retention run with it")
        .check(main);
  }

  @Test
  void theLegalClockAndTheRules_dependOnNoChannelOrProcess() {
    noClasses()
        .that()
        .resideInAnyPackage("cn.weiquan.calendar..", "cn.weiquan.rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cn.weiquan.intake..",
            "cn.weiquan.dispute..",
            "cn.weiquan.complaint..",
            "cn.weiquan.notification..",
            "cn.weiquan.privacy..")
        .because("the channel and the processes use the calendar and the rules, never the reverse")
        .check(main);
  }

  @Test
  void theAllowListsNameClassesThatExist() {
    assertThat(main.contain(CLOCK)).as(CLOCK).isTrue();
    ENGINE_INTERNALS.forEach(name -> assertThat(main.contain(name)).as(name).isTrue());
  }

  /** The class or one nested in it is listed. */
  private static DescribedPredicate<JavaClass> in(Set<String> listed, Set<String> alsoListed) {
    return describe(
        "listed in " + listed + " or " + alsoListed,
        c -> {
          String topLevel = c.getName().split("\\$")[0];
          return listed.contains(topLevel) || alsoListed.contains(topLevel);
        });
  }

  private static ArchCondition<JavaClass> beOneOf(String name, Set<String> alsoAllowed) {
    return new ArchCondition<>("be " + name + " (or, for now, one of " + alsoAllowed + ")") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        boolean allowed =
            c.getName().equals(name)
                || c.getName().startsWith(name + "$")
                || alsoAllowed.contains(c.getName());
        events.add(new SimpleConditionEvent(c, allowed, c.getName() + " is a second money type"));
      }
    };
  }

  private static ArchCondition<JavaClass> readNoOtherClock() {
    return new ArchCondition<>("read the time only through " + CLOCK) {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (JavaAccess<?> access : c.getAccessesFromSelf()) {
          String owner = access.getTargetOwner().getName();
          String target = access.getName();
          boolean otherClock =
              owner.equals("org.camunda.bpm.engine.impl.util.ClockUtil")
                  || (DATE_TIME_TYPES.contains(owner) && target.equals("now"))
                  || (owner.equals("java.lang.System") && target.equals("currentTimeMillis"))
                  || (access instanceof JavaConstructorCall call
                      && owner.equals("java.util.Date")
                      && call.getTarget().getRawParameterTypes().isEmpty());
          if (otherClock) {
            events.add(
                SimpleConditionEvent.violated(
                    access, access.getDescription() + ": a second clock"));
          }
        }
      }
    };
  }
}
