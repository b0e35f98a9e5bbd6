package org.unbanpanel.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@link PanelOnRealTools} class whose tests look at the panel in a real browser: test and {@code @BeforeEach}
 * methods take a {@link Chromium} parameter, one browser for the whole class, opened on first use (at desktop width)
 * and closed after its last test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ChromiumExtension.class)
public @interface WithChromium {

}
