/// Service principals for which AWS documents `aws:SourceArn` / `aws:SourceAccount` conditions in
/// the *role trust policy* of the service's role: the service sends those keys when it assumes the
/// role, so a trust without them lets the service act for any of its customers (the cross-service
/// confused deputy, https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html).
///
/// The one list of them in the code (findings.md, TM-SERVICE-CONFUSED-DEPUTY). Deliberately absent:
/// services that send no source keys when assuming a role (CloudTrail delivering to CloudWatch Logs,
/// Elastic Transcoder), compute services whose roles are passed with iam:PassRole inside the account
/// (EC2, Lambda, ECS tasks, EKS), and `cloudformation.amazonaws.com` (findings.md edge cases).
public enum ConfusedDeputyServices {
    public struct Service: Sendable, Hashable {
        public var principal: String
        /// The AWS page that shows the trust policy with the source conditions.
        public var source: String
    }

    public static let all: [Service] = [
        Service(principal: "config.amazonaws.com",
                source: "https://docs.aws.amazon.com/config/latest/developerguide/iamrole-permissions.html"),
        Service(principal: "datasync.amazonaws.com",
                source: "https://docs.aws.amazon.com/datasync/latest/userguide/cross-service-confused-deputy-prevention.html"),
        Service(principal: "sagemaker.amazonaws.com",
                source: "https://docs.aws.amazon.com/sagemaker/latest/dg/security-confused-deputy-prevention.html"),
        Service(principal: "ssm.amazonaws.com",
                source: "https://docs.aws.amazon.com/systems-manager/latest/userguide/hybrid-multicloud-service-role.html"),
        Service(principal: "transfer.amazonaws.com",
                source: "https://docs.aws.amazon.com/transfer/latest/userguide/confused-deputy.html"),
        Service(principal: "states.amazonaws.com",
                source: "https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html"),
        Service(principal: "codebuild.amazonaws.com",
                source: "https://docs.aws.amazon.com/codebuild/latest/userguide/cross-service-confused-deputy-prevention.html"),
        Service(principal: "appsync.amazonaws.com",
                source: "https://docs.aws.amazon.com/appsync/latest/devguide/cross-service-confused-deputy-prevention.html"),
        Service(principal: "scheduler.amazonaws.com",
                source: "https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html#setting-up-execution-role"),
        Service(principal: "pipes.amazonaws.com",
                source: "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-permissions.html"),
        Service(principal: "bedrock.amazonaws.com",
                source: "https://docs.aws.amazon.com/bedrock/latest/userguide/cross-service-confused-deputy-prevention.html"),
        Service(principal: "personalize.amazonaws.com",
                source: "https://docs.aws.amazon.com/personalize/latest/dg/cross-service-confused-deputy-prevention.html"),
        Service(principal: "appstream.amazonaws.com",
                source: "https://docs.aws.amazon.com/appstream2/latest/developerguide/example-fleet-machine.html"),
        Service(principal: "vpc-flow-logs.amazonaws.com",
                source: "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html"),
        Service(principal: "logs.amazonaws.com",
                source: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html"),
    ]

    private static let principals: Set<String> = Set(all.map(\.principal))

    /// True when the service (exact name, lower-cased) is on the list.
    public static func contains(_ principal: String) -> Bool { principals.contains(principal.lowercased()) }
}
