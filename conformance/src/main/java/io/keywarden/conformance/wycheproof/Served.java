package io.keywarden.conformance.wycheproof;

import io.keywarden.provider.KeywardenProvider;
import java.security.Provider;

/** Checks that an object obtained with a plain {@code getInstance} landed on the expected provider. */
final class Served {

    private Served() {
    }

    /** Throws (an unchecked, non-provider exception, so the case fails) unless Keywarden serves it. */
    static void byKeywarden(Provider p) {
        if (!KeywardenProvider.NAME.equals(p.getName())) {
            throw new IllegalStateException("served by " + p.getName() + ", not Keywarden");
        }
    }

    /** Throws unless a provider other than Keywarden serves it. */
    static void notByKeywarden(Provider p) {
        if (KeywardenProvider.NAME.equals(p.getName())) {
            throw new IllegalStateException("a local key was served by Keywarden");
        }
    }

}
