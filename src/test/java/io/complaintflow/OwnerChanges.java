package io.complaintflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** Changes a process owner makes in Modeler and deploys, for tests: the next lifecycle version. */
public final class OwnerChanges {
    public static final String CALL_FORM = """
            {"id":"call-customer-back","type":"default","executionPlatform":"Camunda Platform","executionPlatformVersion":"7.24.0",
             "components":[{"id":"Field_ticketNumber","type":"textfield","key":"ticketNumber","label":"Ticket","readonly":true},
                           {"id":"Field_callNote","type":"textarea","key":"callNote","label":"What the customer said"}]}""";


    private OwnerChanges() {
    }

    /** What the owner does in Modeler: a new user task between deciding the solution and its approval check. */
    public static String deployWithACallBeforeApproval(RepositoryService repository) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "complaint-handling.bpmn").toFile());
        SequenceFlow decided = model.getModelElementById("Flow_DecideSolution_to_SolutionApprovalGateway");
        UserTask call = model.newInstance(UserTask.class);
        call.setId("CallCustomerBack");
        call.setName("Call the customer back");
        call.setCamundaCandidateGroups("agents-l1");
        call.setCamundaFormRef("call-customer-back");
        call.setCamundaFormRefBinding("deployment");
        decided.getParentElement().addChildElement(call);
        SequenceFlow onwards = model.newInstance(SequenceFlow.class);
        onwards.setId("Flow_CallCustomerBack_to_SolutionApprovalGateway");
        decided.getParentElement().addChildElement(onwards);
        onwards.setSource(call);
        onwards.setTarget(decided.getTarget());
        call.getOutgoing().add(onwards);
        decided.getTarget().getIncoming().remove(decided);
        decided.getTarget().getIncoming().add(onwards);
        decided.setTarget(call);
        call.getIncoming().add(decided);

        return withForms(repository.createDeployment().name("owner adds a call")
                .addModelInstance("complaint-handling.bpmn", model).addString("call-customer-back.form", CALL_FORM));
    }

    /** Deploys a lifecycle model file as it is, with the forms, as the newest version. */
    public static String deploy(RepositoryService repository, Path model) throws IOException {
        return withForms(repository.createDeployment().name(model.getFileName().toString())
                .addString("complaint-handling.bpmn", Files.readString(model)));
    }

    private static String withForms(DeploymentBuilder deployment) throws IOException {
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.toList()) {
                deployment.addString(form.getFileName().toString(), Files.readString(form));
            }
        }
        return deployment.deploy().getId();
    }
}
