import PolicyEngine

extension SimulateForm {
    /// The request flags of `trustmap simulate` (cli.md) that take a value.
    static let valueFlags: Set<String> = [
        "--principal", "--role", "--action", "--external-id", "--mfa-age", "--source-ip", "--source-vpc", "--session-name",
        "--duration", "--session-tag", "--transitive-tag-key", "--source-identity", "--source-arn", "--source-account",
        "--context", "--caller-policies", "--at",
    ]

    /// Flags that read a file: the palette does no I/O (`update` is pure), so it refuses them.
    static let fileFlags: Set<String> = ["--session-policy", "--web-identity-token-claims", "--saml-attributes", "--request"]

    /// A form from palette words, with the same flags (and the same checks) as `trustmap simulate`.
    /// Returns the form, or a sentence for the prompt line.
    public static func parse(arguments: [String]) -> Result<SimulateForm, SimulateArgumentError> {
        var form = SimulateForm()
        var tags: [String] = []
        var transitive: [String] = []
        var context: [String] = []
        var sawRole = false
        var sawPrincipal = false
        var sawAction = false
        func fail(_ m: String) -> Result<SimulateForm, SimulateArgumentError> { .failure(SimulateArgumentError(message: "simulate: " + m)) }
        var i = 0
        while i < arguments.count {
            var flag = arguments[i]
            var inlineValue: String?
            // `--flag=value`, as the command line accepts.
            if flag.hasPrefix("--"), let eq = flag.firstIndex(of: "=") {
                inlineValue = String(flag[flag.index(after: eq)...])
                flag = String(flag[..<eq])
            }
            if fileFlags.contains(flag) {
                return fail("\(flag) reads a file, which the palette does not do: run `trustmap simulate … \(flag) FILE` in a shell, or fill the form instead")
            }
            switch flag {
            case "--mfa", "--no-mfa", "--chained":
                if inlineValue != nil { return fail("\(flag) takes no value") }
                if flag == "--chained" { form.chained = .yes } else { form.mfa = flag == "--mfa" }
                i += 1
                continue
            case "--reveal-secrets":
                return fail("--reveal-secrets: use :reveal (or x) to show secrets in the dashboard")
            case "--format":
                return fail("--format is for the command line; the dashboard shows the result in the simulate view")
            default:
                break
            }
            guard valueFlags.contains(flag) else {
                if flag.hasPrefix("-") {
                    return fail("unknown flag \(flag) (known: --principal P --role R --action A --external-id ID --mfa --no-mfa --mfa-age S --source-ip IP --source-vpc VPC --session-name N --duration S --session-tag K=V --transitive-tag-key K --source-identity ID --chained --source-arn ARN --source-account ID --context K=V --caller-policies unknown-allows|unknown-denies --at ISO8601)")
                }
                return fail("unexpected '\(flag)': the palette simulates against the loaded inventory; name the caller with --principal and the role with --role")
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard i + 1 < arguments.count else { return fail("\(flag) needs a value") }
                value = arguments[i + 1]
                i += 1
            }
            i += 1
            switch flag {
            case "--principal":
                form.caller = value
                sawPrincipal = true
            case "--role":
                form.role = value
                sawRole = true
            case "--action":
                guard let a = AssumeAction(name: value) else { return fail("--action must be sts:AssumeRole, sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML") }
                form.action = a
                sawAction = true
            case "--external-id": form.externalId = value
            case "--mfa-age":
                guard let n = Int64(value), n >= 0 else { return fail("--mfa-age takes a number of seconds, got '\(value)'") }
                form.mfaAge = String(n)
            case "--source-ip": form.sourceIp = value
            case "--source-vpc": form.sourceVpc = value
            case "--session-name": form.sessionName = value
            case "--duration":
                guard let n = Int(value) else { return fail("--duration takes a number of seconds, got '\(value)'") }
                form.duration = String(n)
            case "--session-tag":
                guard value.contains("="), !value.hasPrefix("=") else { return fail("--session-tag takes KEY=VALUE, got '\(value)'") }
                guard !value.contains(",") else { return fail("--session-tag: '\(value)' contains a comma, which tag values cannot hold") }
                tags.append(value)
            case "--transitive-tag-key": transitive.append(value)
            case "--source-identity": form.sourceIdentity = value
            case "--source-arn": form.sourceArn = value
            case "--source-account": form.sourceAccount = value
            case "--context":
                guard value.contains("="), !value.hasPrefix("=") else { return fail("--context takes KEY=VALUE, got '\(value)'") }
                guard !value.contains(",") else { return fail("--context: give each value with its own --context KEY=VALUE (no commas)") }
                context.append(value)
            case "--caller-policies":
                guard let c = AssumeRoleRequest.CallerPolicyAssumption(rawValue: value) else { return fail("--caller-policies must be unknown-allows or unknown-denies") }
                form.callerPolicies = c
            case "--at":
                guard ISO8601.parseEpochSeconds(value) != nil else { return fail("--at must be an ISO 8601 instant such as 2026-01-02T03:04:05Z") }
                form.at = value
            default:
                break
            }
        }
        guard sawRole, !form.role.isEmpty else { return fail("--role is required (the role ARN to assume)") }
        if form.action == .assumeRole && !(sawPrincipal && !form.caller.isEmpty) {
            return fail(sawAction ? "--principal is required for sts:AssumeRole" : "--principal is required (a user, role or session ARN, an account ID or a service principal)")
        }
        form.sessionTags = tags.joined(separator: ",")
        form.transitiveTagKeys = transitive.joined(separator: ",")
        form.context = context.joined(separator: ",")
        return .success(form)
    }
}

/// Why palette flags could not fill the form: one sentence for the prompt line.
public struct SimulateArgumentError: Error, Sendable, Hashable {
    public var message: String
}
