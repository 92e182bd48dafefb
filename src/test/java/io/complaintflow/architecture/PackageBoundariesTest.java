package io.complaintflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/** The seams of ARCHITECTURE.md, kept by the build: one package per capability, a small kernel, no circles. */
@AnalyzeClasses(packages = "io.complaintflow", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageBoundariesTest {
    static final String[] CAPABILITIES = Stream.of("intake", "sla", "resolution", "notification", "mailbox", "compensation",
            "feedback", "reporting", "incident", "security", "operations", "migration").map(p -> "io.complaintflow." + p + "..")
            .toArray(String[]::new);

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.complaintflow.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theKernelDependsOnNoCapability = noClasses().that().resideInAPackage("io.complaintflow.complaint..")
            .should().dependOnClassesThat().resideInAnyPackage(CAPABILITIES)
            .because("complaint is the small kernel every capability builds on");

    @ArchTest
    static final ArchRule plumbingDependsOnNoBusinessPackage = noClasses()
            .that().resideInAnyPackage("io.complaintflow.engine..", "io.complaintflow.web..")
            .should().dependOnClassesThat().resideInAnyPackage(concat(CAPABILITIES, "io.complaintflow.complaint.."))
            .because("engine and web plumbing serve every capability and know none");

    @ArchTest
    static final ArchRule servicesTakeDomainValues = noClasses()
            .that().areAnnotatedWith(Service.class).or().areAnnotatedWith(Repository.class)
            .should().dependOnClassesThat().areAssignableTo(DelegateExecution.class)
            .orShould().dependOnClassesThat().areAssignableTo(DelegateTask.class)
            .orShould().dependOnClassesThat().areAssignableTo(VariableScope.class)
            .because("services take ids and records; delegates and listeners are the thin adapters to the engine");

    @ArchTest
    static final ArchRule onlyNotificationSendsMail = classes()
            .that().areAssignableTo(org.springframework.mail.javamail.JavaMailSender.class)
            .or().haveSimpleNameEndingWith("Mailer")
            .should().resideInAPackage("io.complaintflow.notification..");

    private static String[] concat(String[] packages, String more) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = more;
        return all;
    }
}
