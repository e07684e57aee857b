/// The embedded demo organization, compiled into the binary so `swift run trustmap` works
/// from any working directory with no files beside it.
///
/// "Acme" is a small but realistic estate: an organization with SCPs and an RCP, eight member
/// accounts, two vendors and one account nobody has identified, people in an identity account,
/// and every kind of principal a trust policy can name. Most roles are safe; each rule of
/// findings.md has at least one instance (a test checks this), so every feature can be shown on it.
public enum DemoInventory {
    /// The file name errors and `validate` use for the demo.
    public static let fileName = "<demo>"

    /// Native inventory format, version 1 (spec/inventory.md).
    public static let yaml = #"""
    version: 1
    name: Acme Corp (demo estate)

    organization:
      id: o-acme4demo01
      managementAccount: "111100000001"
      units:
        - { id: ou-acme-security,  name: Security,  accounts: ["111100000002", "111100000003"] }
        - { id: ou-acme-workloads, name: Workloads, accounts: ["111100000004", "111100000005", "111100000006"] }
        - { id: ou-acme-data,      name: Data,      accounts: ["111100000007"] }
        - { id: ou-acme-sandbox,   name: Sandbox,   accounts: ["111100000008"] }
      scps:
        - name: FullAWSAccess
          targets: ["root"]
          document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "*", Resource: "*" } ] }
        - name: DenyLeavingOrganization
          targets: ["root"]
          document: { Version: "2012-10-17", Statement: [ { Effect: Deny, Action: "organizations:LeaveOrganization", Resource: "*" } ] }
        # Sandbox principals may only assume roles of their own account: the SCP cuts every hop out.
        - name: SandboxStaysHome
          targets: ["ou-acme-sandbox"]
          document: { Version: "2012-10-17", Statement: [ { Sid: NoAssumeOut, Effect: Deny, Action: "sts:AssumeRole", Resource: "*",
                      Condition: { StringNotEquals: { "aws:ResourceAccount": "111100000008" } } } ] }
      rcps:
        # Nobody outside the organization may assume roles of the data account (services excepted).
        - name: DataStaysInOrg
          targets: ["ou-acme-data"]
          document: { Version: "2012-10-17", Statement: [ { Sid: OrgOnly, Effect: Deny, Principal: "*", Action: "sts:AssumeRole", Resource: "*",
                      Condition: { StringNotEqualsIfExists: { "aws:PrincipalOrgID": "o-acme4demo01" },
                                   BoolIfExists: { "aws:PrincipalIsAWSService": "false" } } } ] }

    accounts:
      - { id: "111100000001", name: acme-management }
      - { id: "111100000002", name: acme-security,  ou: ou-acme-security }
      - { id: "111100000003", name: acme-identity,  ou: ou-acme-security }
      - { id: "111100000004", name: acme-prod,      ou: ou-acme-workloads, tags: { env: prod } }
      - { id: "111100000005", name: acme-staging,   ou: ou-acme-workloads, tags: { env: staging } }
      - { id: "111100000006", name: acme-dev,       ou: ou-acme-workloads, tags: { env: dev } }
      - { id: "111100000007", name: acme-data,      ou: ou-acme-data }
      - { id: "111100000008", name: acme-sandbox,   ou: ou-acme-sandbox }
      - { id: "222200000001", name: observa-monitoring, inOrganization: false, thirdParty: true }
      - { id: "222200000002", name: vaultline-backup,   inOrganization: false, thirdParty: true }
      # 333300000001 is not listed: it appears only in a trust policy (an unknown external account).

    samlProviders: ["arn:aws:iam::111100000003:saml-provider/Okta"]
    oidcProviders:
      - arn:aws:iam::111100000004:oidc-provider/token.actions.githubusercontent.com
      - arn:aws:iam::111100000005:oidc-provider/token.actions.githubusercontent.com
      - arn:aws:iam::111100000006:oidc-provider/token.actions.githubusercontent.com

    users:
      # People sign in to acme-identity and hop into the workload accounts.
      - arn: arn:aws:iam::111100000003:user/alice
        uniqueId: AIDAACMEALICE00000001
        mfaDevices: 1
        groups: [admins]
        policies: [ { name: AdministratorAccess, arn: "arn:aws:iam::aws:policy/AdministratorAccess", origin: "group:admins" } ]
      - arn: arn:aws:iam::111100000003:user/bob
        uniqueId: AIDAACMEBOB0000000001
        mfaDevices: 1
        policies:
          - name: assume-developer
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole",
                        Resource: ["arn:aws:iam::111100000006:role/developer", "arn:aws:iam::111100000005:role/ops-break-glass"] } ] }
      - arn: arn:aws:iam::111100000003:user/carol
        uniqueId: AIDAACMECAROL00000001
        mfaDevices: 0
        policies: [ { name: ReadOnlyAccess, arn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
                      document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: ["iam:Get*", "iam:List*", "s3:Get*", "s3:List*"], Resource: "*" } ] } } ]
      - arn: arn:aws:iam::111100000003:user/dave
        uniqueId: AIDAACMEDAVE000000001
        mfaDevices: 1
        policies:
          - name: assume-jump
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Resource: "arn:aws:iam::111100000003:role/jump" } ] }
      - arn: arn:aws:iam::111100000003:user/ci-bot
        uniqueId: AIDAACMECIBOT00000001
        mfaDevices: 0
        policies:
          - name: assume-anything
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Resource: "*" } ] }
      - arn: arn:aws:iam::111100000003:user/iam-helpdesk
        uniqueId: AIDAACMEHELPDESK00001
        mfaDevices: 0
        policies:
          - name: fix-trust-policies
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: ["iam:GetRole", "iam:UpdateAssumeRolePolicy"],
                        Resource: "arn:aws:iam::111100000003:role/*" } ] }
      - arn: arn:aws:iam::111100000001:user/billing
        uniqueId: AIDAACMEBILLING000001
        mfaDevices: 1
        policies:
          - name: billing
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: ["aws-portal:*", "ce:*"], Resource: "*" } ] }
      - arn: arn:aws:iam::111100000008:user/experiment
        uniqueId: AIDAACMEEXPERIMENT001
        mfaDevices: 0
        policies:
          - name: play
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: ["sts:AssumeRole", "s3:*"], Resource: "*" } ] }

    roles:
      # ---------------------------------------------------------------- acme-identity
      - arn: arn:aws:iam::111100000003:role/jump
        uniqueId: AROAACMEJUMP000000001
        description: Where operators land before they touch production.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Sid: Operators, Effect: Allow, Action: "sts:AssumeRole",
                       Principal: { AWS: ["arn:aws:iam::111100000003:user/alice", "arn:aws:iam::111100000003:user/dave"] },
                       Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } } ] }
        policies:
          - name: hop-to-ops
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Resource: "arn:aws:iam::*:role/ops-admin",
                        Condition: { StringEquals: { "aws:ResourceOrgID": "o-acme4demo01" } } } ] }
        lastUsed: 2026-10-30T08:00:00Z
      - arn: arn:aws:iam::111100000003:role/okta-admin
        uniqueId: AROAACMEOKTAADMIN0001
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRoleWithSAML",
                       Principal: { Federated: "arn:aws:iam::111100000003:saml-provider/Okta" },
                       Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } } } ] }
        policies: [ { name: AdministratorAccess, arn: "arn:aws:iam::aws:policy/AdministratorAccess" } ]
      - arn: arn:aws:iam::111100000003:role/okta-developer
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRoleWithSAML",
                       Principal: { Federated: "arn:aws:iam::111100000003:saml-provider/Okta" },
                       Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } } } ] }
        policies: [ { name: ReadOnlyAccess, arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } ]
      - arn: arn:aws:iam::111100000003:role/okta-readonly
        description: Older Okta app; its trust forgot the audience.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRoleWithSAML",
                       Principal: { Federated: "arn:aws:iam::111100000003:saml-provider/Okta" } } ] }
        policies: [ { name: ReadOnlyAccess, arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } ]

      # ---------------------------------------------------------------- acme-security
      - arn: arn:aws:iam::111100000002:role/auditor
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole",
                       Principal: { AWS: "arn:aws:iam::111100000003:role/jump" }, Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } } ] }
        policies:
          - name: audit-everywhere
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Resource: "arn:aws:iam::*:role/security-audit",
                        Condition: { StringEquals: { "aws:ResourceOrgID": "o-acme4demo01" } } } ] }
      - arn: arn:aws:iam::111100000002:role/incident-responder
        description: Only Alice's Okta admin session may open an incident.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole",
                       Principal: { AWS: "arn:aws:sts::111100000003:assumed-role/okta-admin/alice@acme.example" } } ] }
        policies: [ { name: ReadOnlyAccess, arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } ]
      - arn: arn:aws:iam::111100000002:role/config-recorder
        description: AWS Config in the security account; no source condition.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { Service: "config.amazonaws.com" } } ] }
        policies:
          - name: record-configuration
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: ["config:Put*", "s3:PutObject"], Resource: "*" } ] }
      - arn: arn:aws:iam::111100000002:role/guardduty-lambda
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com" } } ] }

      # ---------------------------------------------------------------- acme-prod
      - arn: arn:aws:iam::111100000004:role/OrganizationAccountAccessRole
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000001:root" } } ] }
        policies: [ { name: AdministratorAccess, arn: "arn:aws:iam::aws:policy/AdministratorAccess" } ]
      - arn: arn:aws:iam::111100000004:role/ops-admin
        description: Production administrators, reached through the identity account's jump role.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole",
                       Principal: { AWS: "arn:aws:iam::111100000003:role/jump" }, Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } } ] }
        policies: [ { name: AdministratorAccess, arn: "arn:aws:iam::aws:policy/AdministratorAccess" } ]
        lastUsed: 2026-11-02T10:00:00Z
      - arn: arn:aws:iam::111100000004:role/security-audit
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000002:role/auditor" } } ] }
        policies: [ { name: SecurityAudit, arn: "arn:aws:iam::aws:policy/SecurityAudit" } ]
      - arn: arn:aws:iam::111100000004:role/gha-prod-deploy
        description: GitHub Actions, payments repository, main branch only.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRoleWithWebIdentity",
                       Principal: { Federated: "arn:aws:iam::111100000004:oidc-provider/token.actions.githubusercontent.com" },
                       Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                                                    "token.actions.githubusercontent.com:sub": "repo:acme/payments:ref:refs/heads/main" } } } ] }
        policies:
          - name: deploy
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: ["ecs:UpdateService", "ecr:*"], Resource: "*" } ] }
      - arn: arn:aws:iam::111100000004:role/payments-api
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { Service: "ecs-tasks.amazonaws.com" } } ] }
      - arn: arn:aws:iam::111100000004:role/web-instance
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } } ] }
      - arn: arn:aws:iam::111100000004:role/config-recorder
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { Service: "config.amazonaws.com" },
                       Condition: { StringEquals: { "aws:SourceAccount": "111100000004" } } } ] }
      - arn: arn:aws:iam::111100000004:role/observa-integration
        description: Observa monitoring reads metrics; exact external ID.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Sid: ObservaRead, Effect: Allow, Action: "sts:AssumeRole",
                       Principal: { AWS: "arn:aws:iam::222200000001:root" },
                       Condition: { StringEquals: { "sts:ExternalId": "5f0c2a9e-7b41-4e8d-a3c6-91d2e8b47f10" } } } ] }
        policies: [ { name: ReadOnlyAccess, arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } ]
      - arn: arn:aws:iam::111100000004:role/vaultline-backup
        description: Backup vendor; the external ID test is a pattern, and the role is an administrator.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Sid: Vaultline, Effect: Allow, Action: "sts:AssumeRole",
                       Principal: { AWS: "arn:aws:iam::222200000002:root" },
                       Condition: { StringLike: { "sts:ExternalId": "vaultline-*" } } } ] }
        policies: [ { name: AdministratorAccess, arn: "arn:aws:iam::aws:policy/AdministratorAccess" } ]
      - arn: arn:aws:iam::111100000004:role/partner-upload
        description: Any account may drop files, if it knows the ID and comes from the partner network.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Sid: PartnerDrop, Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "*" },
                       Condition: { StringEquals: { "sts:ExternalId": "c3e1f9a2-58b4-4d67-9e0a-7f2b6c8d1e45" },
                                    IpAddress: { "aws:SourceIp": "198.51.100.0/24" } } } ] }
        policies:
          - name: upload
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "s3:PutObject", Resource: "arn:aws:s3:::acme-partner-drop/*" } ] }
      - arn: arn:aws:iam::111100000004:role/mobile-auth
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRoleWithWebIdentity",
                       Principal: { Federated: "cognito-identity.amazonaws.com" },
                       Condition: { StringEquals: { "cognito-identity.amazonaws.com:aud": "eu-west-1:4f6a0c2e-1b3d-4e5f-8a7b-9c0d1e2f3a4b" },
                                    "ForAnyValue:StringLike": { "cognito-identity.amazonaws.com:amr": "authenticated" } } } ] }
      - arn: arn:aws:iam::111100000004:role/mobile-unauth
        description: Guest access for the mobile app; forgot to name the identity pool.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRoleWithWebIdentity",
                       Principal: { Federated: "cognito-identity.amazonaws.com" } } ] }

      # ---------------------------------------------------------------- acme-staging
      - arn: arn:aws:iam::111100000005:role/OrganizationAccountAccessRole
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000001:root" } } ] }
        policies: [ { name: AdministratorAccess, arn: "arn:aws:iam::aws:policy/AdministratorAccess" } ]
      - arn: arn:aws:iam::111100000005:role/security-audit
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000002:role/auditor" } } ] }
        policies: [ { name: SecurityAudit, arn: "arn:aws:iam::aws:policy/SecurityAudit" } ]
      - arn: arn:aws:iam::111100000005:role/gha-staging-deploy
        description: Any repository of the acme organization may deploy to staging.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRoleWithWebIdentity",
                       Principal: { Federated: "arn:aws:iam::111100000005:oidc-provider/token.actions.githubusercontent.com" },
                       Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
                                    StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/*" } } } ] }
      - arn: arn:aws:iam::111100000005:role/ops-break-glass
        description: The MFA condition uses IfExists, so access keys without MFA pass.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000003:root" },
                       Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } } } ] }
        policies: [ { name: PowerUser, document: { Version: "2012-10-17", Statement: [ { Effect: Allow, NotAction: ["iam:*", "organizations:*"], Resource: "*" } ] } } ]
      - arn: arn:aws:iam::111100000005:role/observa-legacy
        description: The first Observa integration, before external IDs; 12-hour sessions.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::222200000001:root" } } ] }
        policies: [ { name: ReadOnlyAccess, arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } ]
        maxSessionDuration: 43200
      - arn: arn:aws:iam::111100000005:role/vaultline-restore
        description: Reuses Observa's external ID.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::222200000002:root" },
                       Condition: { StringEquals: { "sts:ExternalId": "5f0c2a9e-7b41-4e8d-a3c6-91d2e8b47f10" } } } ] }
      - arn: arn:aws:iam::111100000005:role/saml-misconfigured
        description: A SAML trust written with the wrong action.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole",
                       Principal: { Federated: "arn:aws:iam::111100000003:saml-provider/Okta" } } ] }
      - arn: arn:aws:iam::111100000005:role/worker-instance
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } } ] }

      # ---------------------------------------------------------------- acme-dev
      - arn: arn:aws:iam::111100000006:role/OrganizationAccountAccessRole
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000001:root" } } ] }
        policies: [ { name: AdministratorAccess, arn: "arn:aws:iam::aws:policy/AdministratorAccess" } ]
      - arn: arn:aws:iam::111100000006:role/security-audit
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000002:role/auditor" } } ] }
        policies: [ { name: SecurityAudit, arn: "arn:aws:iam::aws:policy/SecurityAudit" } ]
      - arn: arn:aws:iam::111100000006:role/developer
        description: Developers from the identity account; no MFA asked.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000003:root" } } ] }
        policies:
          - name: develop
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: ["lambda:*", "s3:*", "dynamodb:*", "logs:*"], Resource: "*" } ] }
      - arn: arn:aws:iam::111100000006:role/gha-sandbox-deploy
        description: "Checks only the audience, so any GitHub repository in the world can assume it."
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRoleWithWebIdentity",
                       Principal: { Federated: "arn:aws:iam::111100000006:oidc-provider/token.actions.githubusercontent.com" },
                       Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } } } ] }
      - arn: arn:aws:iam::111100000006:role/contractor-access
        description: Trusts an account nobody has identified.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::333300000001:root" } } ] }
        policies: [ { name: ReadOnlyAccess, arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" } ]
      - arn: arn:aws:iam::111100000006:role/legacy-notprincipal
        description: Hand-edited; IAM would refuse NotPrincipal in a trust policy.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", NotPrincipal: { AWS: "arn:aws:iam::111100000008:root" } } ] }
      - arn: arn:aws:iam::111100000006:role/build-agent
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:*", Principal: { Service: "ec2.amazonaws.com" } } ] }
      - arn: arn:aws:iam::111100000006:role/api-lambda
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com" } } ] }

      # ---------------------------------------------------------------- acme-data
      - arn: arn:aws:iam::111100000007:role/OrganizationAccountAccessRole
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000001:root" } } ] }
        policies: [ { name: AdministratorAccess, arn: "arn:aws:iam::aws:policy/AdministratorAccess" } ]
      - arn: arn:aws:iam::111100000007:role/security-audit
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000002:role/auditor" } } ] }
        policies: [ { name: SecurityAudit, arn: "arn:aws:iam::aws:policy/SecurityAudit" } ]
      - arn: arn:aws:iam::111100000007:role/etl-orchestrator
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000007:role/etl-worker" } } ] }
        policies:
          - name: run-etl
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Resource: "arn:aws:iam::111100000007:role/etl-*" } ] }
      - arn: arn:aws:iam::111100000007:role/etl-worker
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000007:role/etl-orchestrator" } } ] }
        policies:
          - name: run-etl
            document: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Resource: "arn:aws:iam::111100000007:role/etl-*" } ] }
      - arn: arn:aws:iam::111100000007:role/etl-legacy
        description: Trusted a role that was deleted; IAM now shows its unique id.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "AROAOLDETLROLE0000042" } } ] }
      - arn: arn:aws:iam::111100000007:role/analytics-share
        description: Prod used to read reports here; nobody has since 2024.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000004:root" },
                       Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } } ] }
        lastUsed: 2024-02-01T00:00:00Z
        createdAt: 2022-06-01T00:00:00Z
      - arn: arn:aws:iam::111100000007:role/observa-metrics
        description: A guessable external ID; the data account's RCP keeps Observa out anyway.
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::222200000001:root" },
                       Condition: { StringEquals: { "sts:ExternalId": "acme1234" } } } ] }
      - arn: arn:aws:iam::111100000007:role/glue-jobs
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { Service: "glue.amazonaws.com" } } ] }

      # ---------------------------------------------------------------- acme-sandbox
      - arn: arn:aws:iam::111100000008:role/OrganizationAccountAccessRole
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000001:root" } } ] }
        policies: [ { name: AdministratorAccess, arn: "arn:aws:iam::aws:policy/AdministratorAccess" } ]
      - arn: arn:aws:iam::111100000008:role/public-demo
        description: "Left over from a workshop, open to anyone in any account."
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "*" } } ] }
      - arn: arn:aws:iam::111100000008:role/google-app
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRoleWithWebIdentity", Principal: { Federated: "accounts.google.com" } } ] }
      - arn: arn:aws:iam::111100000008:role/experiments
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000008:user/experiment" } } ] }
      - arn: arn:aws:iam::111100000008:role/notebook-instance
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { Service: "sagemaker.amazonaws.com" },
                       Condition: { StringEquals: { "aws:SourceAccount": "111100000008" } } } ] }

      # ---------------------------------------------------------------- acme-management
      - arn: arn:aws:iam::111100000001:role/billing-reports
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { AWS: "arn:aws:iam::111100000001:user/billing" },
                       Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } } ] }
      - arn: arn:aws:iam::111100000001:role/stacksets-execution
        trustPolicy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "sts:AssumeRole", Principal: { Service: "cloudformation.amazonaws.com" } } ] }
    """#
}
