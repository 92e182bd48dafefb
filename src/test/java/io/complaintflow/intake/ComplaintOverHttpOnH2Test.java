package io.complaintflow.intake;

class ComplaintOverHttpOnH2Test extends ComplaintOverHttpScenario {
}
