package io.complaintflow.sla;

class SlaClocksOnH2Test extends SlaClockScenarios {
}
