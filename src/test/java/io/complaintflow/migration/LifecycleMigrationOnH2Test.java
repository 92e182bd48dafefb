package io.complaintflow.migration;

class LifecycleMigrationOnH2Test extends LifecycleMigrationScenarios {
}
