package io.opencases.bootstrap;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The hexagon, enforced on every build: domain ← application ← adapters ← bootstrap. Bootstrap sees every module,
 * so the rules live here.
 */
@AnalyzeClasses(packages = "io.opencases", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainUsesOnlyTheJdk = classes().that().resideInAPackage("io.opencases.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.opencases.domain..", "java..")
            .as("domain depends on nothing but the JDK");

    @ArchTest
    static final ArchRule applicationUsesOnlyDomainAndJdk = classes()
            .that().resideInAPackage("io.opencases.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.opencases.application..", "io.opencases.domain..", "java..")
            .as("application depends only on domain and the JDK (no adapter, no framework)");

    @ArchTest
    static final ArchRule restAdapterIsAlone = noClasses().that().resideInAPackage("io.opencases.rest..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.opencases.memory..", "io.opencases.jdbc..", "io.opencases.lucene..",
                    "io.opencases.bootstrap..");

    @ArchTest
    static final ArchRule memoryAdapterIsAlone = noClasses().that().resideInAPackage("io.opencases.memory..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.opencases.rest..", "io.opencases.jdbc..", "io.opencases.lucene..",
                    "io.opencases.bootstrap..");

    @ArchTest
    static final ArchRule jdbcAdapterIsAlone = noClasses().that().resideInAPackage("io.opencases.jdbc..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.opencases.rest..", "io.opencases.memory..", "io.opencases.lucene..",
                    "io.opencases.bootstrap..")
            .allowEmptyShould(true); // the JDBC adapter gets its code with the PostgreSQL issue

    @ArchTest
    static final ArchRule luceneAdapterIsAlone = noClasses().that().resideInAPackage("io.opencases.lucene..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.opencases.rest..", "io.opencases.memory..", "io.opencases.jdbc..",
                    "io.opencases.bootstrap..")
            .allowEmptyShould(true); // the Lucene adapter gets its code with the search issue

    @ArchTest
    static final ArchRule noFrameworkInTheCore = noClasses()
            .that().resideInAnyPackage("io.opencases.domain..", "io.opencases.application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "com.fasterxml..", "org.jdbi..",
                    "org.apache.lucene..", "software.amazon..", "dagger..", "javax.inject..", "org.slf4j..");

    // The agent workspace (adapters-web) is a driving adapter beside the REST one: it calls the application only.
    @ArchTest
    static final ArchRule webAdapterIsAlone = noClasses().that().resideInAPackage("io.opencases.web..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("io.opencases.rest..", "io.opencases.memory..", "io.opencases.jdbc..",
                    "io.opencases.lucene..", "io.opencases.bootstrap..");

    @ArchTest
    static final ArchRule noAdapterDependsOnTheWebAdapter = noClasses()
            .that().resideInAnyPackage("io.opencases.rest..", "io.opencases.memory..", "io.opencases.jdbc..",
                    "io.opencases.lucene..", "io.opencases.domain..", "io.opencases.application..")
            .should().dependOnClassesThat().resideInAPackage("io.opencases.web..");

    @ArchTest
    static final ArchRule noWebLibrariesInTheCore = noClasses()
            .that().resideInAnyPackage("io.opencases.domain..", "io.opencases.application..")
            .should().dependOnClassesThat().resideInAnyPackage("gg.jte..", "at.favre..", "org.webjars..");
}
