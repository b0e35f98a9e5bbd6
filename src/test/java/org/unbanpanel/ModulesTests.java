package org.unbanpanel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries (every top-level package under {@code org.unbanpanel} is a module, and the types in that
 * package are its API): no cycles, no module reaching into another's internals, and the adapters, the shared kernel
 * and {@code web} depending only on what their {@code package-info.java} allows. The architecture picture, one per
 * module and a page per module are written to {@code docs/modules/} from the same model, so the committed documents
 * follow the code.
 */
class ModulesTests {

	static final Path DOCS = Path.of("docs/modules");

	private static final ApplicationModules MODULES = ApplicationModules.of(UnbanPanelApplication.class);

	@Test
	void modulesDependOnEachOthersApiOnlyAndWithoutCycles() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDocumentation() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> diagrams = Files.list(DOCS)) {
			for (Path diagram : diagrams.filter(file -> file.toString().endsWith(".puml")).toList()) {
				Files.write(diagram, inStableOrder(Files.readAllLines(diagram)));
			}
		}
	}

	/**
	 * Each run of arrows or of modules sorted: the Documenter lists them in an order that changes from run to run, so
	 * that a run with no change in the code leaves the committed diagrams as they are.
	 */
	private static List<String> inStableOrder(List<String> lines) {
		List<String> sorted = new ArrayList<>(lines);
		int start = 0;
		while (start < sorted.size()) {
			int end = start + 1;
			while (end < sorted.size() && Objects.equals(kind(sorted.get(end)), kind(sorted.get(start)))) {
				end++;
			}
			if (kind(sorted.get(start)) != null) {
				sorted.subList(start, end).sort(null);
			}
			start = end;
		}
		return sorted;
	}

	private static String kind(String line) {
		String trimmed = line.strip();
		return trimmed.startsWith("Rel(") ? "Rel" : trimmed.startsWith("Component(") ? "Component" : null;
	}

}
