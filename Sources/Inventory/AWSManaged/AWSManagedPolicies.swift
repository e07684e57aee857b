import PolicyEngine

/// The few AWS managed policies that matter for trust analysis, bundled so that a dump that
/// attaches them without including them (or a hand-written inventory that names them) can be judged.
///
/// Source: the AWS Managed Policy Reference Guide
/// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/), default versions as listed
/// there: AdministratorAccess v1, PowerUserAccess v12 (edited 2026-02-12), IAMFullAccess v2
/// (edited 2019-06-21). ReadOnlyAccess and SecurityAudit are thousands of actions long; they are
/// bundled in a *reduced* form that keeps every statement relevant to trust (IAM, Organizations,
/// STS read actions) and, like the originals, grants no write action and no `sts:AssumeRole*`.
/// A policy document found in a dump always takes precedence over these.
public enum AWSManagedPolicies {
    public struct Bundled: Sendable {
        public var name: String
        public var arn: String
        public var document: PolicyDocument
        /// Where the text comes from, and whether it is reduced.
        public var source: String
    }

    public static func arn(forName name: String) -> String { "arn:aws:iam::aws:policy/\(name)" }

    public static func policy(named name: String) -> Bundled? { all.first { $0.name == name } }

    public static func policy(arn: String) -> Bundled? { all.first { $0.arn == arn } }

    private static let reference = "AWS Managed Policy Reference Guide, docs.aws.amazon.com/aws-managed-policy/latest/reference/"

    public static let all: [Bundled] = [
        make("AdministratorAccess", source: "\(reference)AdministratorAccess.html (v1)", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}
            """),
        make("PowerUserAccess", source: "\(reference)PowerUserAccess.html (v12)", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"},
              {"Effect":"Allow","Action":["account:GetAccountInformation","account:GetGovCloudAccountInformation",
                "account:GetPrimaryEmail","account:ListRegions","iam:CreateServiceLinkedRole","iam:DeleteServiceLinkedRole",
                "iam:ListRoles","organizations:DescribeEffectivePolicy","organizations:DescribeOrganization"],"Resource":"*"}]}
            """),
        make("IAMFullAccess", source: "\(reference)IAMFullAccess.html (v2)", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:*","organizations:DescribeAccount",
              "organizations:DescribeOrganization","organizations:DescribeOrganizationalUnit","organizations:DescribePolicy",
              "organizations:ListChildren","organizations:ListParents","organizations:ListPoliciesForTarget",
              "organizations:ListRoots","organizations:ListPolicies","organizations:ListTargetsForPolicy"],"Resource":"*"}]}
            """),
        make("ReadOnlyAccess", source: "\(reference)ReadOnlyAccess.html — REDUCED: only its IAM, Organizations and STS read actions", """
            {"Version":"2012-10-17","Statement":[{"Sid":"ReducedTrustRelevantSubset","Effect":"Allow","Action":[
              "iam:Generate*","iam:Get*","iam:List*","iam:Simulate*","organizations:Describe*","organizations:List*",
              "sts:GetAccessKeyInfo","sts:GetCallerIdentity"],"Resource":"*"}]}
            """),
        make("SecurityAudit", source: "\(reference)SecurityAudit.html — REDUCED: only its IAM, Organizations and STS read actions", """
            {"Version":"2012-10-17","Statement":[{"Sid":"ReducedTrustRelevantSubset","Effect":"Allow","Action":[
              "iam:GenerateCredentialReport","iam:GenerateServiceLastAccessedDetails","iam:Get*","iam:List*",
              "iam:SimulateCustomPolicy","iam:SimulatePrincipalPolicy","organizations:Describe*","organizations:List*",
              "sts:GetCallerIdentity"],"Resource":"*"}]}
            """),
    ]

    private static func make(_ name: String, source: String, _ json: String) -> Bundled {
        // The texts above are constants checked by tests; a parse failure is a programmer mistake.
        guard let value = try? JSONParser.parse(json) else { fatalError("bundled policy \(name) is not valid JSON") }
        return Bundled(name: name, arn: arn(forName: name), document: PolicyDocument(json: value), source: source)
    }
}
