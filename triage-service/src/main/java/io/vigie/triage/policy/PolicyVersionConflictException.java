package io.vigie.triage.policy;

import io.vigie.platform.web.problem.ConflictException;

/** A policy version names one document forever, so that a rationale's policyVersion says exactly what applied. */
public class PolicyVersionConflictException extends ConflictException {

    PolicyVersionConflictException(String version) {
        super("Policy version already used",
                "Policy version " + version + " was already activated once; give the new document a new version");
    }
}
