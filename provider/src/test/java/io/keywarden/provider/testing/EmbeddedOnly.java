package io.keywarden.provider.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A provider test that cannot run through the remote backend, with the reason. It carries the JUnit
 * tag {@value #TAG}, which the server module's remote run of the provider suite excludes; every use
 * is listed in docs/server.md ("The provider suite on the server"). Keep them few.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(EmbeddedOnly.TAG)
public @interface EmbeddedOnly {

    String TAG = "embedded-only";

    /** Why the test needs the embedded engine. */
    String value();
}
