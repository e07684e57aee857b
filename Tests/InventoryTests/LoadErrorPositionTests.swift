import Inventory
import Testing

/// Every kind of error names the file, the line and column, the field, and says what was expected —
/// in YAML and in JSON alike.
@Suite("positioned load errors")
struct LoadErrorPositionTests {
    private func errors(_ text: String, _ file: String) -> [LoadDiagnostic] {
        InventoryLoader.load(text: text, fileName: file).errors
    }

    @Test("an account id that is not 12 digits is placed on its value (YAML)")
    func accountIdYAML() {
        let yaml = """
            version: 1
            accounts:
              - id: "12345"
            """
        #expect(errors(yaml, "t.yaml") == [LoadDiagnostic(
            file: "t.yaml", line: 3, column: 9, field: "accounts[0].id",
            message: "account id '12345' is not 12 digits; an AWS account id is exactly 12 digits, written as a string such as \"111111111111\"")])
    }

    @Test("an account id that is not 12 digits is placed on its value (JSON)")
    func accountIdJSON() {
        let json = """
            {
              "version": 1,
              "accounts": [
                { "id": "12345" }
              ]
            }
            """
        #expect(errors(json, "t.json") == [LoadDiagnostic(
            file: "t.json", line: 4, column: 13, field: "accounts[0].id",
            message: "account id '12345' is not 12 digits; an AWS account id is exactly 12 digits, written as a string such as \"111111111111\"")])
    }

    @Test("an unquoted 12-digit account id in YAML is a number, and the message says to quote it")
    func unquotedAccountId() {
        let yaml = """
            version: 1
            accounts:
              - id: 111111111111
            """
        #expect(errors(yaml, "t.yaml") == [LoadDiagnostic(
            file: "t.yaml", line: 3, column: 9, field: "accounts[0].id",
            message: "account id 111111111111 is a number; write it as a string (\"111111111111\") — as a number, leading zeros are lost")])
    }

    @Test("a value of the wrong type says what was expected (YAML and JSON)")
    func wrongType() {
        let yaml = """
            version: 1
            accounts:
              - id: "222222222222"
                thirdParty: "yes"
            """
        #expect(errors(yaml, "t.yaml") == [LoadDiagnostic(
            file: "t.yaml", line: 4, column: 17, field: "accounts[0].thirdParty", message: "expected true or false, found a string")])
        let json = #"{"version": 1, "roles": [{"arn": "arn:aws:iam::111111111111:role/R", "trustPolicy": {"Version": "2012-10-17", "Statement": []}, "maxSessionDuration": "3600"}]}"#
        #expect(errors(json, "t.json") == [LoadDiagnostic(
            file: "t.json", line: 1, column: 151, field: "roles[0].maxSessionDuration",
            message: "expected the maximum session duration in seconds as a number, found the string \"3600\"; write 3600 without quotes")])
    }

    @Test("a missing required field is placed on the object that lacks it (YAML and JSON)")
    func missingField() {
        let yaml = """
            version: 1
            roles:
              - arn: arn:aws:iam::111111111111:role/Audit
            """
        let message = "missing required field 'trustPolicy': every role needs its trust policy (who may assume it)"
        #expect(errors(yaml, "t.yaml") == [LoadDiagnostic(file: "t.yaml", line: 3, column: 5, field: "roles[0].trustPolicy", message: message)])
        let json = """
            {"version": 1,
             "roles": [
               {"arn": "arn:aws:iam::111111111111:role/Audit"}]}
            """
        #expect(errors(json, "t.json") == [LoadDiagnostic(file: "t.json", line: 3, column: 4, field: "roles[0].trustPolicy", message: message)])
    }

    @Test("a malformed ARN says which part is wrong (YAML and JSON)")
    func malformedARN() {
        let yaml = """
            version: 1
            roles:
              - arn: arn:aws:iam::111111111111:user/Audit
                trustPolicy: {Version: "2012-10-17", Statement: []}
            """
        let message = "'arn:aws:iam::111111111111:user/Audit' names a user, not a role; expected arn:aws:iam::111111111111:role/Name"
        #expect(errors(yaml, "t.yaml") == [LoadDiagnostic(file: "t.yaml", line: 3, column: 10, field: "roles[0].arn", message: message)])
        let json = """
            {"version": 1, "users": [
              {"arn": "arn:aws:iam::11111111111:user/alice"}]}
            """
        #expect(errors(json, "t.json") == [LoadDiagnostic(
            file: "t.json", line: 2, column: 11, field: "users[0].arn",
            message: "'arn:aws:iam::11111111111:user/alice' has account '11111111111'; an account id is exactly 12 digits, as in arn:aws:iam::111111111111:user/Name")])
    }

    @Test("a date that does not exist is an error on its value (YAML and JSON)")
    func badDate() {
        let yaml = """
            version: 1
            roles:
              - arn: arn:aws:iam::111111111111:role/Audit
                trustPolicy: {Version: "2012-10-17", Statement: []}
                createdAt: 2024-02-30T00:00:00Z
            """
        #expect(errors(yaml, "t.yaml") == [LoadDiagnostic(
            file: "t.yaml", line: 5, column: 16, field: "roles[0].createdAt",
            message: "'2024-02-30T00:00:00Z' is not a date; expected ISO-8601 such as 2026-10-01T00:00:00Z")])
        let json = """
            {"version": 1, "roles": [{"arn": "arn:aws:iam::111111111111:role/Audit",
              "trustPolicy": {"Version": "2012-10-17", "Statement": []},
              "lastUsed": "yesterday"}]}
            """
        #expect(errors(json, "t.json") == [LoadDiagnostic(
            file: "t.json", line: 3, column: 15, field: "roles[0].lastUsed",
            message: "'yesterday' is not a date; expected ISO-8601 such as 2026-10-01T00:00:00Z, or \"never\"")])
    }

    @Test("the same id twice in one file names the first place (YAML and JSON)")
    func duplicates() {
        let yaml = """
            version: 1
            accounts:
              - id: "111111111111"
              - id: "111111111111"
            """
        #expect(errors(yaml, "t.yaml") == [LoadDiagnostic(
            file: "t.yaml", line: 4, column: 9, field: "accounts[1].id",
            message: "account 111111111111 is already described at line 3 (accounts[0]); describe it once per file")])
        let json = """
            {"version": 1, "roles": [
              {"arn": "arn:aws:iam::111111111111:role/A", "trustPolicy": {"Version": "2012-10-17", "Statement": []}},
              {"arn": "arn:aws:iam::111111111111:role/A", "trustPolicy": {"Version": "2012-10-17", "Statement": []}}]}
            """
        #expect(errors(json, "t.json") == [LoadDiagnostic(
            file: "t.json", line: 3, column: 3, field: "roles[1]",
            message: "role arn:aws:iam::111111111111:role/A is already described at line 2 (roles[0]); describe it once per file")])
    }

    @Test("a maxSessionDuration outside IAM's range is an error")
    func sessionDurationRange() {
        let yaml = """
            version: 1
            roles:
              - arn: arn:aws:iam::111111111111:role/Audit
                trustPolicy: {Version: "2012-10-17", Statement: []}
                maxSessionDuration: 100
            """
        #expect(errors(yaml, "t.yaml") == [LoadDiagnostic(
            file: "t.yaml", line: 5, column: 25, field: "roles[0].maxSessionDuration",
            message: "maxSessionDuration 100 is outside 3600...43200 seconds (1 to 12 hours), the range IAM accepts")])
    }

    @Test("a YAML syntax error carries the parser's position")
    func yamlSyntax() {
        let yaml = """
            version: 1
            accounts:
              - id: "111111111111"
               name: prod
            """
        let e = errors(yaml, "t.yaml")
        #expect(e.count == 1)
        #expect(e.first?.line == 4)
        #expect(e.first?.field == nil)
        #expect(e.first?.message.hasPrefix("YAML syntax error: ") == true)
    }

    @Test("a JSON syntax error carries the parser's position and message")
    func jsonSyntax() {
        #expect(errors(#"{"version": 1, "accounts": [}"#, "t.json") == [LoadDiagnostic(
            file: "t.json", line: 1, column: 29, field: nil, message: "JSON syntax error: unexpected character '}', expected a value")])
    }

    @Test("an unsupported version is an error on the version")
    func version() {
        #expect(errors("version: 2\naccounts: []\n", "t.yaml") == [LoadDiagnostic(
            file: "t.yaml", line: 1, column: 10, field: "version", message: "unsupported inventory version '2'; this trustmap reads version 1")])
    }

    @Test("an unknown key is a warning that suggests the likely key, and the file stays usable")
    func unknownKey() {
        let yaml = """
            version: 1
            roles:
              - arn: arn:aws:iam::111111111111:role/Audit
                trustPolicy: {Version: "2012-10-17", Statement: []}
                trustPolicyy: {}
            """
        let report = InventoryLoader.load(text: yaml, fileName: "t.yaml")
        #expect(report.isUsable)
        #expect(report.warnings == [LoadDiagnostic(
            file: "t.yaml", line: 5, column: 19, field: "roles[0].trustPolicyy",
            message: "unknown key 'trustPolicyy' in a role (ignored); did you mean 'trustPolicy'?")])
    }

    @Test("a trust policy IAM would refuse is a warning; the role stays")
    func unstorableTrust() {
        let yaml = """
            version: 1
            roles:
              - arn: arn:aws:iam::111111111111:role/Audit
                trustPolicy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: "arn:aws:iam::222222222222:root", Action: "sts:AssumeRole"}]}
            """
        let report = InventoryLoader.load(text: yaml, fileName: "t.yaml")
        #expect(report.isUsable)
        #expect(report.inventory.roles.count == 1)
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.field == "roles[0].trustPolicy")
        #expect(report.warnings.first?.line == 4)
        #expect(report.warnings.first?.message.hasPrefix("IAM would not store this trust policy: statement 0: Principal: a bare Principal string must be \"*\"") == true)
    }
}
