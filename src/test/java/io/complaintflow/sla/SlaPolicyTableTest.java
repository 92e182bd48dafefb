package io.complaintflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.complaintflow.DecisionTables;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** processes/sla-policy.dmn, decision {@code sla-policy}: one test per rule row, in row order (hit policy FIRST). */
class SlaPolicyTableTest {

  private static final DmnDecision SLA = DecisionTables.load("sla-policy.dmn", "sla-policy");

  private static Map<String, Object> sla(String type, String priority, String segment) {
    return DecisionTables.evaluate(SLA, Variables.createVariables()
        .putValue("type", type)
        .putValue("priority", priority)
        .putValue("segment", segment));
  }

  private static void assertSla(Map<String, Object> result, String firstResponseWithin, String resolutionWithin,
      int warnAtPercent, String calendar) {
    assertThat(result)
        .hasSize(4)
        .containsEntry("firstResponseWithin", firstResponseWithin)
        .containsEntry("resolutionWithin", resolutionWithin)
        .containsEntry("warnAtPercent", warnAtPercent)
        .containsEntry("calendar", calendar);
    // typeRef="integer": the engine hands back a java.lang.Integer, not a Long or BigDecimal
    assertThat(result.get("warnAtPercent")).isInstanceOf(Integer.class);
  }

  // row 1
  @Test
  void suggestionGetsOneDayFirstReplyAndOneWeekAnswerInBusinessHours() {
    assertSla(sla("suggestion", "general", "standard"), "PT24H", "P7D", 80, "business-hours");
    // the type row wins over the VIP rows
    assertSla(sla("suggestion", "general", "vip"), "PT24H", "P7D", 80, "business-hours");
  }

  // row 2
  @Test
  void requirementGetsTwoDayFirstReplyAndTwoWeekEvaluationInBusinessHours() {
    assertSla(sla("requirement", "general", "standard"), "PT48H", "P14D", 80, "business-hours");
    assertSla(sla("requirement", "general", "vip"), "PT48H", "P14D", 80, "business-hours");
  }

  // row 3
  @Test
  void praiseGetsOneDayThanksAndOneWeekCloseInBusinessHours() {
    assertSla(sla("praise", "general", "standard"), "PT24H", "P7D", 80, "business-hours");
    assertSla(sla("praise", "urgent", "vip"), "PT24H", "P7D", 80, "business-hours");
  }

  // row 4
  @Test
  void vipUrgentGetsTenMinutesAndOneHourAroundTheClock() {
    assertSla(sla("problem", "urgent", "vip"), "PT10M", "PT1H", 75, "24x7");
    assertSla(sla("complaint", "urgent", "vip"), "PT10M", "PT1H", 75, "24x7");
    // near miss: a standard customer falls through to the standard urgent row
    assertSla(sla("problem", "urgent", "standard"), "PT15M", "PT2H", 75, "24x7");
  }

  // row 5
  @Test
  void vipImportantGetsThirtyMinutesAndTwelveHoursAroundTheClock() {
    assertSla(sla("problem", "important", "vip"), "PT30M", "PT12H", 75, "24x7");
    // near miss: standard customer
    assertSla(sla("problem", "important", "standard"), "PT1H", "PT24H", 80, "24x7");
  }

  // row 6
  @Test
  void vipGeneralGetsTwoHoursAndThirtySixHoursAroundTheClock() {
    assertSla(sla("complaint", "general", "vip"), "PT2H", "PT36H", 75, "24x7");
    // near miss: standard customer
    assertSla(sla("complaint", "general", "standard"), "PT4H", "PT72H", 80, "24x7");
  }

  // row 7
  @Test
  void standardUrgentGetsFifteenMinutesAndTwoHours() {
    assertSla(sla("problem", "urgent", "standard"), "PT15M", "PT2H", 75, "24x7");
    // matches any segment not caught by the VIP rows, including an unknown one
    assertSla(sla("problem", "urgent", null), "PT15M", "PT2H", 75, "24x7");
  }

  // row 8
  @Test
  void standardImportantGetsOneHourAndTwentyFourHours() {
    assertSla(sla("problem", "important", "standard"), "PT1H", "PT24H", 80, "24x7");
    assertSla(sla("complaint", "important", null), "PT1H", "PT24H", 80, "24x7");
  }

  // row 9
  @Test
  void standardGeneralGetsFourHoursAndSeventyTwoHours() {
    assertSla(sla("problem", "general", "standard"), "PT4H", "PT72H", 80, "24x7");
    assertSla(sla(null, "general", null), "PT4H", "PT72H", 80, "24x7");
    // there is no catch-all row: a problem without a priority matches nothing
    assertThat(sla("problem", null, "standard")).isNull();
  }
}
