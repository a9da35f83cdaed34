export const IDENTITY_SUBJECTS = { health: 'identity.health.check' } as const;
