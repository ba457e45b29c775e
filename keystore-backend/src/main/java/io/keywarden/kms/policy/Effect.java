package io.keywarden.kms.policy;

/** A statement's Effect. */
public enum Effect {
    Allow, Deny
}
