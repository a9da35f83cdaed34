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
} as const;

export const IdentityEvents = {
  UserRegistered: 'evt.identity.user.registered',
  SessionRevoked: 'evt.identity.session.revoked',
} as const;
