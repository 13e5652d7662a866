package io.herald;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Modules talk only through each other's named interfaces ({@code api}: the services and
 * views others call; {@code events}: what others listen to), only to the modules their
 * {@code package-info.java} allows, and without cycles; a module's other public types
 * (its web layer's views and forms) are its own. The module documentation (diagrams and
 * canvases) is written to {@code target/spring-modulith-docs}.
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
