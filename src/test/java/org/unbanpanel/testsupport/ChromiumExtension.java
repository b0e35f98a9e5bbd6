package org.unbanpanel.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The one {@link Chromium} of a {@link WithChromium} class, kept in the class's store. */
final class ChromiumExtension implements ParameterResolver, AfterAllCallback {

	private static final ExtensionContext.Namespace BROWSERS = ExtensionContext.Namespace.create(ChromiumExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Chromium.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		return classContext(context).getStore(BROWSERS)
			.getOrComputeIfAbsent(testClass, type -> Chromium.on(RealToolsExtension.toolsOf(testClass)),
					Chromium.class);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Chromium chromium = context.getStore(BROWSERS).remove(context.getRequiredTestClass(), Chromium.class);
		if (chromium != null) {
			chromium.close();
		}
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}
