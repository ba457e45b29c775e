package io.keywarden.kms.engine;

import io.keywarden.kms.api.Caller;

/** One request in flight: who makes it and what it brings for authorization. */
record Call(Caller caller, RequestFacts facts) {
}
