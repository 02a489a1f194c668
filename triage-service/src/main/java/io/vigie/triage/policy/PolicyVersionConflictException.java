package io.vigie.triage.policy;

/** A policy version names one document forever, so that a rationale's policyVersion says exactly what applied. */
public class PolicyVersionConflictException extends RuntimeException {

    PolicyVersionConflictException(String version) {
        super("Policy version " + version + " was already activated once; give the new document a new version");
    }
}
