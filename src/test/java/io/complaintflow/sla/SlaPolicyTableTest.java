package io.complaintflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintflow.DecisionTables;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** processes/sla-policy.dmn, decision {@code sla-policy}: one test per rule row, in row order (hit policy FIRST). */
class SlaPolicyTableTest {

  private static final DmnDecision SLA = DecisionTables.load("sla-policy.dmn", "sla-policy");
  private static final String CHAIN = "L1,L2,L3,SUPERVISOR";

  private static Map<String, Object> sla(String type, String priority, String segment, int level) {
    return DecisionTables.evaluate(SLA, Variables.createVariables()
        .putValue("type", type)
        .putValue("priority", priority)
        .putValue("segment", segment)
        .putValue("escalationLevel", level));
  }

  private static void assertIntake(Map<String, Object> result, String respond, String resolve, int warnAtPercent,
      String calendar, String grace, String chain) {
    assertThat(result)
        .containsEntry("firstResponseWithin", respond)
        .containsEntry("resolutionWithin", resolve)
        .containsEntry("warnAtPercent", warnAtPercent)
        .containsEntry("calendar", calendar);
    assertThat(result.get("responseGrace")).isEqualTo(grace);
    assertThat(result.get("escalationChain")).isEqualTo(chain);
    // typeRef="integer": the engine hands back a java.lang.Integer, not a Long or BigDecimal
    assertThat(result.get("warnAtPercent")).isInstanceOf(Integer.class);
  }

  /** An escalation row gives only the next tier's fresh resolution time, its warning point and calendar. */
  private static void assertEscalated(Map<String, Object> result, String resolve, int warnAtPercent) {
    assertThat(result)
        .containsEntry("resolutionWithin", resolve)
        .containsEntry("warnAtPercent", warnAtPercent)
        .containsEntry("calendar", "24x7");
    assertThat(result.get("firstResponseWithin")).isNull();
    assertThat(result.get("escalationChain")).isNull();
  }

  // rows 1-3: feedback types, whatever the escalation level
  @Test
  void suggestionGetsOneDayFirstReplyAndOneWeekAnswerInBusinessHours() {
    assertIntake(sla("suggestion", "general", "standard", 0), "PT24H", "P7D", 80, "business-hours", null, null);
    // the type row wins over the VIP rows
    assertIntake(sla("suggestion", "general", "vip", 0), "PT24H", "P7D", 80, "business-hours", null, null);
  }

  @Test
  void requirementGetsTwoDayFirstReplyAndTwoWeekEvaluationInBusinessHours() {
    assertIntake(sla("requirement", "general", "standard", 0), "PT48H", "P14D", 80, "business-hours", null, null);
    assertIntake(sla("requirement", "general", "vip", 1), "PT48H", "P14D", 80, "business-hours", null, null);
  }

  @Test
  void praiseGetsOneDayThanksAndOneWeekCloseInBusinessHours() {
    assertIntake(sla("praise", "general", "standard", 0), "PT24H", "P7D", 80, "business-hours", null, null);
    assertIntake(sla("praise", "urgent", "vip", 0), "PT24H", "P7D", 80, "business-hours", null, null);
  }

  // rows 4-9: after an escalation the next tier gets a fresh deadline
  @Test
  void escalatedVipCasesGetFreshDeadlinesTighterThanStandard() {
    assertEscalated(sla("problem", "urgent", "vip", 1), "PT30M", 75);
    assertEscalated(sla("complaint", "important", "vip", 2), "PT4H", 75);
    assertEscalated(sla("problem", "general", "vip", 3), "PT12H", 75);
  }

  @Test
  void escalatedStandardCasesGetFreshDeadlines() {
    assertEscalated(sla("problem", "urgent", "standard", 1), "PT1H", 75);
    assertEscalated(sla("complaint", "important", "standard", 2), "PT8H", 80);
    assertEscalated(sla("problem", "general", "standard", 3), "PT24H", 80);
    // an unknown segment is treated as standard
    assertEscalated(sla("problem", "urgent", null, 1), "PT1H", 75);
  }

  // rows 10-12: VIP at intake
  @Test
  void vipUrgentGetsTenMinutesAndOneHourAndSkipsL2WhenEscalating() {
    assertIntake(sla("problem", "urgent", "vip", 0), "PT10M", "PT1H", 75, "24x7", "PT10M", "L1,L3,SUPERVISOR");
    assertIntake(sla("complaint", "urgent", "vip", 0), "PT10M", "PT1H", 75, "24x7", "PT10M", "L1,L3,SUPERVISOR");
  }

  @Test
  void vipImportantGetsThirtyMinutesAndTwelveHours() {
    assertIntake(sla("problem", "important", "vip", 0), "PT30M", "PT12H", 75, "24x7", "PT30M", CHAIN);
  }

  @Test
  void vipGeneralGetsTwoHoursAndThirtySixHours() {
    assertIntake(sla("complaint", "general", "vip", 0), "PT2H", "PT36H", 75, "24x7", "PT1H", CHAIN);
  }

  // rows 13-15: DOMAIN.md's table
  @Test
  void standardUrgentGetsFifteenMinutesAndTwoHours() {
    assertIntake(sla("problem", "urgent", "standard", 0), "PT15M", "PT2H", 75, "24x7", "PT15M", CHAIN);
    // matches any segment not caught by the VIP rows, including an unknown one
    assertIntake(sla("problem", "urgent", null, 0), "PT15M", "PT2H", 75, "24x7", "PT15M", CHAIN);
  }

  @Test
  void standardImportantGetsOneHourAndTwentyFourHours() {
    assertIntake(sla("problem", "important", "standard", 0), "PT1H", "PT24H", 80, "24x7", "PT1H", CHAIN);
  }

  @Test
  void standardGeneralGetsFourHoursAndSeventyTwoHours() {
    assertIntake(sla("problem", "general", "standard", 0), "PT4H", "PT72H", 80, "24x7", "PT2H", CHAIN);
    assertIntake(sla(null, "general", null, 0), "PT4H", "PT72H", 80, "24x7", "PT2H", CHAIN);
    // there is no catch-all row: a problem without a priority matches nothing
    assertThat(sla("problem", null, "standard", 0)).isNull();
  }
}
