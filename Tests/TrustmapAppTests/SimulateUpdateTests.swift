import PolicyEngine
import TerminalUI
import Testing
@testable import TrustmapApp

@Suite("Simulate view: keys, palette, prefill, masking")
struct SimulateUpdateTests {
    let vendor = SimulateFixtures.vendor

    /// The fixture state with the simulate view open on the vendor's call, not yet run.
    func vendorForm() -> AppState {
        var s = Fixtures.state()
        s.update(.simulate)
        s.simulateScreen.form.caller = vendor.account
        s.simulateScreen.form.role = vendor.role
        return s
    }

    @Test("the palette form with a wrong external ID is DENIED at the trust policy, with the right one ALLOWED")
    func paletteDeniedThenAllowed() {
        var s = Fixtures.state()
        s.palette("simulate --principal \(vendor.account) --role \(vendor.role) --external-id wrong-value")
        #expect(s.mainView == .simulate)
        #expect(s.focus == .main)
        #expect(s.message == nil)
        #expect(s.simulateScreen.result?.decision == .denied)
        #expect(s.simulateScreen.result?.decidingStep == .trustPolicy)
        let denied = AppView.render(s, width: 120, height: 40).text
        #expect(denied.contains("D E N I E D"))
        #expect(!denied.contains("wrong-value"))
        #expect(denied.contains("wr…(11)"))

        s.palette("simulate --principal \(vendor.account) --role \(vendor.role) --external-id \(vendor.externalId)")
        #expect(s.simulateScreen.result?.decision == .allowed)
        let allowed = AppView.render(s, width: 120, height: 40).text
        #expect(allowed.contains("A L L O W E D"))
        #expect(!allowed.contains(vendor.externalId))
        #expect(allowed.contains("c0…(29)"))
    }

    @Test("palette errors are sentences in the status line, never a crash, and leave the form alone",
          arguments: [
              ("simulate --principal 222222222222", "--role is required"),
              ("simulate --role arn:aws:iam::111111111111:role/Audit", "--principal is required"),
              ("simulate --principal 222222222222 --role R --bogus", "unknown flag --bogus"),
              ("simulate --principal 222222222222 --role R --duration soon", "--duration takes a whole number of seconds"),
              ("simulate --principal 222222222222 --role R --mfa-age -5", "--mfa-age takes a number of seconds"),
              ("simulate --principal 222222222222 --role R --action sts:GetCallerIdentity", "--action must be"),
              ("simulate --principal 222222222222 --role R --session-tag team", "--session-tag takes KEY=VALUE"),
              ("simulate --principal 222222222222 --role R --context aws:SourceIp", "--context takes KEY=VALUE"),
              ("simulate --principal 222222222222 --role R --caller-policies maybe", "unknown-allows or unknown-denies"),
              ("simulate --principal 222222222222 --role R --at yesterday", "--at must be an ISO 8601 instant"),
              ("simulate --principal 222222222222 --role R --source-ip not-an-ip", "--source-ip takes an IPv4 or IPv6 address"),
              ("simulate --principal 222222222222 --role R --session-policy p.json", "reads a file"),
              ("simulate --principal 222222222222 --role R --request r.json", "reads a file"),
              ("simulate --principal 222222222222 --role R --external-id", "--external-id needs a value"),
              ("simulate --principal 222222222222 --role R inventory.yaml", "unexpected 'inventory.yaml'"),
              ("simulate --principal 222222222222 --role R --reveal-secrets", ":reveal"),
          ])
    func paletteErrors(command: String, expected: String) {
        var s = Fixtures.state()
        s.update(.command(command))
        #expect(s.messageIsError)
        #expect(s.message?.contains(expected) == true, "\(s.message ?? "no message")")
        #expect(s.simulateScreen.runCount == 0)
        _ = AppView.render(s, width: 80, height: 24)
    }

    @Test("every request flag of the command line fills its field; --flag=value works too")
    func paletteFillsEveryField() {
        var s = Fixtures.state()
        s.update(.command("simulate --principal arn:aws:iam::111111111111:user/alice --role arn:aws:iam::111111111111:role/Ops --mfa --mfa-age 120 --source-ip 10.0.0.1 --source-vpc vpc-1 --session-name alice --duration=1800 --session-tag team=sec --session-tag env=prod --transitive-tag-key team --source-identity alice --chained --source-arn arn:aws:s3:::b --source-account 111111111111 --context aws:RequestedRegion=eu-west-1 --caller-policies unknown-denies --at 2026-11-18T00:00:00Z --external-id abc123"))
        let f = s.simulateScreen.form
        #expect(f.mfa && f.mfaAge == "120" && f.sourceIp == "10.0.0.1" && f.sourceVpc == "vpc-1" && f.sessionName == "alice")
        #expect(f.duration == "1800" && f.sessionTags == "team=sec,env=prod" && f.transitiveTagKeys == "team" && f.sourceIdentity == "alice")
        #expect(f.chained == .yes && f.sourceArn == "arn:aws:s3:::b" && f.sourceAccount == "111111111111" && f.context == "aws:RequestedRegion=eu-west-1")
        #expect(f.callerPolicies == .unknownDenies && f.at == "2026-11-18T00:00:00Z" && f.externalId == "abc123")
        let r = s.simulateScreen.result?.request
        #expect(r?.sessionTags == [.init(key: "team", value: "sec"), .init(key: "env", value: "prod")])
        #expect(r?.currentTime == ISO8601.parseEpochSeconds("2026-11-18T00:00:00Z"))
        #expect(r?.mfaAgeSeconds == 120 && r?.durationSeconds == 1800 && r?.chained == true)
        #expect(r?.extraContext == [.init(key: "aws:RequestedRegion", value: .single("eu-west-1"))])
        // Rare fields that hold a value are shown without `a`.
        #expect(s.simulateScreen.visibleFields.contains(.sourceVpc))
        #expect(!s.simulateScreen.visibleFields.contains(.provider))
    }

    @Test("simulations take aws:CurrentTime from the dashboard's now, not the wall clock")
    func nowIsTheDashboards() {
        var s = Fixtures.state()
        s.update(.command("simulate --principal \(vendor.account) --role \(vendor.role)"))
        #expect(s.simulateScreen.result?.request.currentTime == Fixtures.now)
    }

    @Test("↑ ↓ j k move between fields and stay in range; Home and End jump")
    func movement() {
        var s = vendorForm()
        s.simulateScreen.cursor = .caller
        s.press(.down)
        #expect(s.simulateScreen.cursor == .role)
        s.press(.character("j"))
        #expect(s.simulateScreen.cursor == .action)
        s.press(.character("k"), .up, .up, .up)
        #expect(s.simulateScreen.cursor == .caller)
        s.press(.end)
        #expect(s.simulateScreen.cursor == .run)
        s.press(.down)
        #expect(s.simulateScreen.cursor == .run)
        s.press(.home)
        #expect(s.simulateScreen.cursor == .caller)
        #expect(s.simulateScreen.runCount == 0)
    }

    @Test("Enter edits a field: every key is typed (q, g, s, r, j), Enter keeps it and runs")
    func editingTypesEveryKey() {
        var s = vendorForm()
        s.simulateScreen.cursor = .sessionName
        s.press(.enter, .control("u"))
        #expect(s.simulateScreen.capturesAllKeys)
        s.type("qgsrjkx:?/")
        #expect(s.exitStatus == nil)
        #expect(s.mainView == .simulate)
        #expect(s.overlay == nil)
        #expect(s.simulateScreen.form.sessionName == SimulateForm.defaultSessionName)
        s.press(.enter)
        #expect(!s.simulateScreen.capturesAllKeys)
        #expect(s.simulateScreen.form.sessionName == "qgsrjkx:?/")
        #expect(s.simulateScreen.runCount == 1)
        // A session name with ':' and '?' is what STS rejects before authorization.
        #expect(s.simulateScreen.result?.decision == .invalid)
        #expect(s.simulateScreen.result?.decidingStep == .requestValidation)
    }

    @Test("Esc while editing cancels the edit; Esc afterwards goes back to the navigator")
    func escape() {
        var s = vendorForm()
        s.simulateScreen.cursor = .caller
        s.press(.enter)
        s.type("xyz")
        s.press(.escape)
        #expect(s.simulateScreen.form.caller == vendor.account)
        #expect(!s.simulateScreen.capturesAllKeys)
        #expect(s.focus == .main)
        s.press(.escape)
        #expect(s.focus == .navigator)
        #expect(s.mainView == .simulate)
    }

    @Test("↑ and ↓ while editing keep the value and move on")
    func arrowsCommit() {
        var s = vendorForm()
        s.simulateScreen.cursor = .sourceIp
        s.press(.enter)
        s.type("10.1.2.3")
        s.press(.down)
        #expect(s.simulateScreen.form.sourceIp == "10.1.2.3")
        #expect(s.simulateScreen.cursor == .sessionName)
        #expect(!s.simulateScreen.capturesAllKeys)
    }

    @Test("Tab completes the role over role ARNs and role names; the caller over users, roles and accounts")
    func completion() {
        var s = vendorForm()
        s.simulateScreen.cursor = .role
        s.press(.backspace)
        #expect(s.simulateScreen.form.role == "")
        s.press(.enter)
        s.type("Dep")
        #expect(s.simulateScreen.completions == ["arn:aws:iam::111111111111:role/Deployer"])
        s.press(.tab, .enter)
        #expect(s.simulateScreen.form.role == "arn:aws:iam::111111111111:role/Deployer")

        s.simulateScreen.cursor = .caller
        s.press(.backspace, .enter)
        s.type("ali")
        s.press(.tab, .enter)
        #expect(s.simulateScreen.form.caller == "arn:aws:iam::111111111111:user/alice")

        // Several candidates: Tab first extends to what they share, then cycles through them.
        s.simulateScreen.cursor = .role
        s.press(.backspace, .enter)
        s.type("arn:aws:iam::")
        s.press(.tab)
        #expect(s.simulateScreen.capturesAllKeys)
        s.press(.tab)
        let first = s.simulateScreen.editor.text
        s.press(.tab)
        #expect(s.simulateScreen.editor.text != first)
        #expect(s.simulateScreen.completions.contains(s.simulateScreen.editor.text))
        let details = AppView.render(s, width: 120, height: 40).text
        #expect(details.contains("Tab completes"))
    }

    @Test("the caller completes over account names and ids")
    func accountCompletion() {
        var s = vendorForm()
        s.simulateScreen.cursor = .caller
        s.press(.backspace, .enter)
        s.type("acme")
        s.press(.tab, .enter)
        #expect(s.simulateScreen.form.caller == "222222222222")
    }

    @Test("Enter, Space, ← and → cycle the action, MFA, chained and caller policies; fields follow the action")
    func togglesAndCycles() {
        var s = vendorForm()
        s.simulateScreen.cursor = .mfa
        s.press(.enter)
        #expect(s.simulateScreen.form.mfa)
        #expect(s.simulateScreen.visibleFields.contains(.mfaAge))
        s.press(.character(" "))
        #expect(!s.simulateScreen.form.mfa)
        s.simulateScreen.cursor = .chained
        s.press(.right)
        #expect(s.simulateScreen.form.chained == .yes)
        s.press(.left, .left)
        #expect(s.simulateScreen.form.chained == .no)
        s.simulateScreen.cursor = .callerPolicies
        s.press(.character("l"))
        #expect(s.simulateScreen.form.callerPolicies == .unknownDenies)
        s.simulateScreen.cursor = .action
        s.press(.enter)
        #expect(s.simulateScreen.form.action == .assumeRoleWithWebIdentity)
        let web = s.simulateScreen.visibleFields
        #expect(web.contains(.provider) && web.contains(.claims) && !web.contains(.externalId) && !web.contains(.mfa))
        s.press(.enter)
        #expect(s.simulateScreen.form.action == .assumeRoleWithSAML)
        #expect(!s.simulateScreen.visibleFields.contains(.sessionName))
        s.press(.enter)
        #expect(s.simulateScreen.form.action == .assumeRole)
        // Every change of a complete form ran the simulation again.
        #expect(s.simulateScreen.runCount == 7)
    }

    @Test("r runs; Enter on Run runs; a result is kept until the form changes (moves and redraws never simulate)")
    func runAndCache() {
        var s = vendorForm()
        s.simulateScreen.cursor = .caller
        s.press(.character("r"))
        #expect(s.simulateScreen.runCount == 1)
        #expect(s.simulateScreen.result?.decision == .denied)
        s.press(.down, .down, .up)
        for _ in 0..<3 { _ = AppView.render(s, width: 120, height: 40) }
        #expect(s.simulateScreen.runCount == 1)
        s.press(.end, .enter)
        #expect(s.simulateScreen.runCount == 2)
        s.simulateScreen.cursor = .externalId
        s.press(.enter)
        s.type(vendor.externalId)
        #expect(s.simulateScreen.runCount == 2)
        s.press(.enter)
        #expect(s.simulateScreen.runCount == 3)
        #expect(s.simulateScreen.result?.decision == .allowed)
    }

    @Test("r on an incomplete form says which field is missing and moves there")
    func runIncomplete() {
        var s = Fixtures.state()
        s.update(.simulate)
        s.simulateScreen.cursor = .run
        // The first account is selected, so the caller is filled with it and the role is missing.
        #expect(s.simulateScreen.form.caller == "111111111111")
        s.press(.character("r"))
        #expect(s.messageIsError)
        #expect(s.message?.contains("role") == true)
        #expect(s.simulateScreen.cursor == .role)
        #expect(s.simulateScreen.result == nil)
    }

    @Test("a bad value in the form is reported by field, with the cursor on it")
    func formError() {
        var s = vendorForm()
        s.simulateScreen.cursor = .duration
        s.press(.enter)
        s.type("an hour")
        s.press(.enter)
        #expect(s.simulateScreen.result == nil)
        #expect(s.simulateScreen.formError?.field == .duration)
        #expect(AppView.render(s, width: 120, height: 40).text.contains("Cannot run"))
        s.press(.backspace)
        #expect(s.simulateScreen.formError == nil)
        #expect(s.simulateScreen.result != nil)
    }

    @Test("a shows the rare fields and hides them again; Backspace clears a field")
    func allFieldsAndClear() {
        var s = vendorForm()
        #expect(!s.simulateScreen.visibleFields.contains(.context))
        s.press(.character("a"))
        #expect(s.simulateScreen.visibleFields.contains(.context))
        #expect(s.message?.contains("every request field") == true)
        s.press(.character("a"))
        #expect(!s.simulateScreen.visibleFields.contains(.context))
        s.simulateScreen.cursor = .caller
        s.press(.delete)
        #expect(s.simulateScreen.form.caller == "")
        #expect(s.simulateScreen.result == nil)
    }

    @Test("PgDn and PgUp scroll the result and stay in range")
    func scrolling() {
        var s = vendorForm()
        s.press(.character("r"))
        s.press(.pageDown)
        #expect(s.simulateScreen.resultScroll > 0)
        for _ in 0..<50 { s.press(.pageDown) }
        #expect(s.simulateScreen.resultScroll <= s.simulateScreen.approximateResultLines)
        for _ in 0..<60 { s.press(.pageUp) }
        #expect(s.simulateScreen.resultScroll == 0)
    }

    @Test("keys the form does not use reach the dashboard: q quits, g opens the graph, ? opens help")
    func fallThrough() {
        var s = vendorForm()
        s.press(.character("?"))
        if case .help? = s.overlay {} else { Issue.record("? did not open help") }
        s.press(.escape, .character("g"))
        #expect(s.mainView == .graph)
        var q = vendorForm()
        q.press(.character("q"))
        #expect(q.exitStatus == 0)
    }

    @Test("s on a selected role fills the target and keeps the caller; on a user it fills the caller")
    func prefillFromSelection() {
        var s = Fixtures.state()
        let selected = s.select(id: vendor.role)
        #expect(selected)
        s.press(.character("s"))
        #expect(s.mainView == .simulate)
        #expect(s.simulateScreen.form.role == vendor.role)
        #expect(s.simulateScreen.cursor == .caller)
        #expect(s.simulateScreen.result == nil)
        s.press(.escape)
        let selectedUser = s.select(id: "arn:aws:iam::111111111111:user/alice")
        #expect(selectedUser)
        s.press(.character("s"))
        #expect(s.simulateScreen.form.caller == "arn:aws:iam::111111111111:user/alice")
        #expect(s.simulateScreen.form.role == vendor.role)
        #expect(s.simulateScreen.result?.decision == .denied)
    }

    @Test("s on an account fills the caller with the account id")
    func prefillFromAccount() {
        var s = Fixtures.state()
        let selected = s.select(id: "222222222222")
        #expect(selected)
        s.press(.character("s"))
        #expect(s.simulateScreen.form.caller == "222222222222")
    }

    @Test("a selected edge fills caller and target and runs; a web-identity provider sets the action")
    func prefillFromEdge() {
        var s = SimulateFixtures.stateWithOIDC()
        s.apply(.simulate(principal: vendor.account, role: vendor.role))
        #expect(s.mainView == .simulate)
        #expect(s.simulateScreen.form.caller == vendor.account)
        #expect(s.simulateScreen.result?.decision == .denied)
        #expect(s.simulateScreen.cursor == .run)

        s.apply(.simulate(principal: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com", role: "arn:aws:iam::111111111111:role/Deployer"))
        #expect(s.simulateScreen.form.action == .assumeRoleWithWebIdentity)
        #expect(s.simulateScreen.form.provider == "token.actions.githubusercontent.com")
        #expect(s.simulateScreen.result?.decision == .denied)
        s.simulateScreen.cursor = .claims
        s.press(.enter)
        s.type("sub=repo:acme/app:ref:refs/heads/main,aud=sts.amazonaws.com")
        s.press(.enter)
        #expect(s.simulateScreen.result?.decision == .allowed, "\(s.simulateScreen.result?.reason ?? "")")
    }

    @Test("a role only federated principals may assume sets the action and provider from its trust")
    func prefillInfersFederation() {
        var s = Fixtures.state()
        let selected = s.select(id: "arn:aws:iam::111111111111:role/Deployer")
        #expect(selected)
        s.press(.character("s"))
        #expect(s.simulateScreen.form.action == .assumeRoleWithWebIdentity)
        #expect(s.simulateScreen.form.provider == "token.actions.githubusercontent.com")
    }

    @Test("the external ID never reaches the screen unless revealed: not while typed, not in the form, trace or details")
    func externalIdMasked() {
        var s = vendorForm()
        s.simulateScreen.cursor = .externalId
        s.press(.enter)
        s.type(vendor.externalId)
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            #expect(!AppView.render(s, width: w, height: h).text.contains("c0ffee"))
        }
        s.press(.enter)
        #expect(s.simulateScreen.result?.decision == .allowed)
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            var scrolled = s
            for _ in 0..<8 {
                #expect(!AppView.render(scrolled, width: w, height: h).text.contains("c0ffee"))
                scrolled.press(.pageDown)
            }
        }
        #expect(AppView.render(s, width: 200, height: 60).text.contains("c0…(29)"))
        s.press(.character("x"), .character("y"))
        #expect(s.revealSecrets)
        #expect(AppView.render(s, width: 200, height: 60).text.contains(vendor.externalId))
    }
}
