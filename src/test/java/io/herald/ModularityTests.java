package io.herald;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Modules talk only through each other's public root packages, without cycles; the module
 * documentation (diagrams and canvases) is written to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(HeraldApplication.class);

	@Test
	void modulesRespectEachOthersBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
