package org.unbanpanel.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs a real PostgreSQL: a private cluster ({@link PostgresServer}) started before its
 * {@code @BeforeAll} methods and removed after it, even when a test failed. Constructors and test or lifecycle methods
 * take it as a parameter; {@link PostgresServer#newDatabase()} makes an empty database. Without Debian's
 * {@code postgresql} package the class is skipped with a message that says what to install (under {@code CI=true} it
 * fails).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PostgresExtension.class)
public @interface WithPostgres {

}
