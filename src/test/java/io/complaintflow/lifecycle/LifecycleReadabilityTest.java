package io.complaintflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/** What a process owner sees on opening the lifecycle: the stages at a glance, each with a diagram of its own. */
class LifecycleReadabilityTest {
    static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("processes/complaint-handling.bpmn"));
    static final Process LIFECYCLE = MODEL.getModelElementById("complaint-handling");

    @Test
    void theTopLevelIsTheLifecycleOfDomainMdInAtMostTwentyNineFlowNodes() {
        List<FlowNode> topLevel = LIFECYCLE.getChildElementsByType(FlowNode.class).stream().toList();
        assertThat(topLevel).hasSizeLessThanOrEqualTo(29);
        assertThat(topLevel.stream().filter(SubProcess.class::isInstance).map(FlowNode::getName)).containsExactly(
                "Register and triage", "Answer praise or suggestion", "Confirm and resolve at the tier",
                "Wait for the incident's fix", "Close without a fix", "Wait for the customer's answer", "Escalate to the next tier",
                "Compensate and tell the customer", "Follow up", "Close and learn", "When an SLA clock runs out");
    }

    @Test
    void everyStageHasADiagramOfItsOwnAndEveryElementIsDrawn() {
        Set<String> planes = MODEL.getModelElementsByType(BpmnDiagram.class).stream()
                .map(d -> d.getBpmnPlane().getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> drawn = MODEL.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId())
                .collect(Collectors.toSet());
        MODEL.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
        Collection<SubProcess> stages = MODEL.getModelElementsByType(SubProcess.class);
        assertThat(planes).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Stream.of("complaint-handling"), stages.stream().map(SubProcess::getId)).toList());
        assertThat(MODEL.getModelElementsByType(FlowElement.class)).allSatisfy(e -> assertThat(drawn).contains(e.getId()));
    }

    @Test
    void everySlaTimerRaisesItsNoticeIntoTheOneHandlerThatWarnsRecordsAndTellsTheSupervisors() {
        SubProcess handler = MODEL.getModelElementById("SlaAlarms");
        Set<String> handled = handler.getChildElementsByType(SequenceFlow.class).stream()
                .filter(f -> f.getSource() instanceof ExclusiveGateway && f.getConditionExpression() != null)
                .flatMap(f -> List.of(f.getConditionExpression().getTextContent().split("'")).stream()
                        .filter(part -> part.matches("[a-zA-Z]+")))
                .collect(Collectors.toSet());
        List<BoundaryEvent> slaTimers = MODEL.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(b -> b.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
                .filter(b -> !b.getId().equals("ResolutionSlaBreached"))
                .toList();
        assertThat(slaTimers).extracting(BaseElement::getId).containsExactlyInAnyOrder("FirstReplyDueSoon", "FirstReplyOverdue",
                "EvaluationDueSoon", "EvaluationOverdue", "ResponseSlaWarning", "ResponseSlaBreached", "ResponseStillMissing",
                "ResolutionSlaWarning");
        for (BoundaryEvent timer : slaTimers) {
            assertThat(timer.getOutgoing()).hasSize(1);
            FlowNode next = timer.getOutgoing().iterator().next().getTarget();
            assertThat(next).as(timer.getId()).isInstanceOf(EndEvent.class);
            String code = ((EscalationEventDefinition) ((EndEvent) next).getEventDefinitions().iterator().next())
                    .getEscalation().getEscalationCode();
            // warnings are the handler's default way; every other notice has a way of its own
            assertThat(code.endsWith("Warning") || handled.contains(code)).as(timer.getId() + " raises " + code).isTrue();
        }
        assertThat(handled).containsExactlyInAnyOrder("responseBreached", "resolutionBreached", "handedOver");
    }

    @Test
    void staffNoticesBreachesAndHandOversAreModelledOnlyInTheHandlerAndForTheEscalation() {
        List<String> stepsUsingThem = MODEL.getModelElementsByType(FlowNode.class).stream()
                .filter(n -> List.of("${notifyStaff}", "${recordBreach}", "${handOverToSupervisors}").stream()
                        .anyMatch(d -> d.equals(n.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression"))))
                .map(FlowNode::getId).toList();
        assertThat(stepsUsingThem).containsExactlyInAnyOrder("WarnStaff", "RecordBreach", "HandOverToSupervisors", "TellSupervisors",
                "TellSupervisorsOfEscalation");
    }

    @Test
    void theTierStartsWhereTheWayInSaysNotWhereALeftOverDecisionPoints() {
        FlowNode whereToStart = MODEL.getModelElementById("WhereToStartGateway");
        assertThat(whereToStart.getOutgoing()).filteredOn(f -> f.getConditionExpression() != null)
                .allSatisfy(f -> assertThat(f.getConditionExpression().getTextContent()).contains("tierEntry")
                        .doesNotContain("confirmation"));
        // every way into the tier passes a step of its own that names the entry
        List<String> namingTheEntry = MODEL.getModelElementsByType(CamundaOutputParameter.class).stream()
                .filter(p -> p.getCamundaName().equals("tierEntry"))
                .map(p -> {
                    ModelElementInstance e = p;
                    while (!(e instanceof FlowNode)) {
                        e = e.getParentElement();
                    }
                    return ((FlowNode) e).getId();
                }).toList();
        assertThat(namingTheEntry).containsExactlyInAnyOrder("EnterAtConfirmation", "EnterAtAnswer", "EnterAtSolution",
                "EnterAtConfirmationAgain", "EnterAtSolutionAfterReopening", "EnterAtConfirmationAfterIncident");
    }
}
