/** Every NATS subject of the identity service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const IdentitySubjects = {
  HealthCheck: 'identity.health.check',
  Register: 'identity.auth.register',
  Login: 'identity.auth.login',
  Refresh: 'identity.auth.refresh',
  Logout: 'identity.auth.logout',
  Me: 'identity.auth.me',
  /** Gateway -> identity: is this signed-in session still valid, and what may its user do now? */
  ResolveSession: 'identity.session.resolve',
  SessionsList: 'identity.session.list',
  SessionRevoke: 'identity.session.revoke',
  // Account flows: email verification, password reset/change, own profile.
  EmailVerify: 'identity.email.verify',
  EmailVerificationResend: 'identity.email.resend',
  PasswordForgot: 'identity.password.forgot',
  PasswordReset: 'identity.password.reset',
  PasswordChange: 'identity.password.change',
  ProfileGet: 'identity.profile.get',
  ProfileUpdate: 'identity.profile.update',
  // Administration: audit log, teams, users, roles and permissions, impersonation.
  AuditList: 'identity.audit.list',
  /** Gateway -> identity: a mutating request made under impersonation was answered; write its audit row. */
  AuditRecord: 'identity.audit.record',
  TeamCreate: 'identity.team.create',
  TeamList: 'identity.team.list',
  TeamGet: 'identity.team.get',
  TeamUpdate: 'identity.team.update',
  TeamDelete: 'identity.team.delete',
  TeamMemberList: 'identity.team-member.list',
  TeamMemberAdd: 'identity.team-member.add',
  TeamMemberRemove: 'identity.team-member.remove',
  AdminUserList: 'identity.user.list',
  AdminUserGet: 'identity.user.get',
  AdminUserSetRoles: 'identity.user.set-roles',
  AdminUserUpdate: 'identity.user.update',
  RoleList: 'identity.role.list',
  RoleCreate: 'identity.role.create',
  RoleUpdate: 'identity.role.update',
  RoleDelete: 'identity.role.delete',
  PermissionList: 'identity.permission.list',
  ImpersonationStart: 'identity.impersonation.start',
  ImpersonationEnd: 'identity.impersonation.end',
  // Two-factor authentication and API keys.
  TwoFactorSetup: 'identity.two-factor.setup',
  TwoFactorEnable: 'identity.two-factor.enable',
  TwoFactorDisable: 'identity.two-factor.disable',
  ApiKeyCreate: 'identity.apikey.create',
  ApiKeyList: 'identity.apikey.list',
  ApiKeyRevoke: 'identity.apikey.revoke',
  /** Gateway -> identity: whose is this X-API-Key, is it still valid, and what may it do now? */
  ApiKeyResolve: 'identity.apikey.resolve',
} as const;

export const IdentityEvents = {
  UserRegistered: 'evt.identity.user.registered',
  /** The user proved they own the address: what may link records made under it (guest orders) to the account. */
  EmailVerified: 'evt.identity.user.email-verified',
  SessionRevoked: 'evt.identity.session.revoked',
  AccessChanged: 'evt.identity.access.changed',
} as const;
