import PolicyEngine
import Simulation

extension SimulateForm {
    /// A form from palette words: the words are read by the one request builder (`RequestFlags`), with the
    /// flags, checks and messages of `trustmap simulate`. Returns the form, or a sentence for the prompt line.
    public static func parse(arguments: [String]) -> Result<SimulateForm, SimulateArgumentError> {
        func fail(_ m: String) -> Result<SimulateForm, SimulateArgumentError> { .failure(SimulateArgumentError(message: "simulate: " + m)) }
        // The command line's output flags have no meaning in the dashboard.
        for word in arguments {
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if name == "--reveal-secrets" { return fail("--reveal-secrets: use :reveal (or x) to show secrets in the dashboard") }
            if name == "--format" { return fail("--format is for the command line; the dashboard shows the result in the simulate view") }
        }
        let flags: RequestFlags
        do { flags = try RequestFlags.parse(words: arguments) } catch { return fail(error.description) }
        // The form keeps tags and context keys as comma-separated text.
        for t in flags.sessionTags where t.key.contains(",") || t.value.contains(",") {
            return fail("--session-tag: '\(t.key)=\(t.value)' contains a comma, which tag values cannot hold")
        }
        for c in flags.context where c.key.contains(",") || c.value.contains(",") {
            return fail("--context: give each value with its own --context KEY=VALUE (no commas)")
        }
        guard let role = flags.role, !role.isEmpty else { return fail("--role is required (the role ARN to assume)") }
        let action = flags.action ?? .assumeRole
        if action == .assumeRole && (flags.principal ?? "").isEmpty {
            return fail(flags.action != nil ? "--principal is required for sts:AssumeRole" : "--principal is required (a user, role or session ARN, an account ID or a service principal)")
        }
        var form = SimulateForm()
        form.role = role
        form.action = action
        if let v = flags.principal { form.caller = v }
        if let v = flags.externalId { form.externalId = v }
        if let v = flags.mfa { form.mfa = v }
        if let v = flags.mfaAge { form.mfaAge = String(v) }
        if let v = flags.sourceIp { form.sourceIp = v }
        if let v = flags.sourceVpc { form.sourceVpc = v }
        if let v = flags.sessionName { form.sessionName = v }
        if let v = flags.duration { form.duration = String(v) }
        if flags.chained == true { form.chained = .yes }
        if let v = flags.sourceIdentity { form.sourceIdentity = v }
        if let v = flags.sourceArn { form.sourceArn = v }
        if let v = flags.sourceAccount { form.sourceAccount = v }
        if let v = flags.callerPolicies { form.callerPolicies = v }
        if let v = flags.atText { form.at = v }
        form.sessionTags = flags.sessionTags.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        form.transitiveTagKeys = flags.transitiveTagKeys.joined(separator: ",")
        form.context = flags.context.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        return .success(form)
    }
}

/// Why palette flags could not fill the form: one sentence for the prompt line.
public struct SimulateArgumentError: Error, Sendable, Hashable {
    public var message: String
}
