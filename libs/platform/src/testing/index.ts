export { getTestInfrastructure, type TestInfrastructure } from './infra';
export { createTestDatabase, type TestDatabase } from './databases';
export { default as globalSetup } from './global-setup';
export { default as globalTeardown } from './global-teardown';
export { isTcpOpen, waitFor } from '../infra/probe';
export { startTestSmtpServer, type TestSmtpServer, type ReceivedMail } from './smtp-server';
export * from './processes';
export * from './stack';
export { findSecrets, registerSecret } from './secret-scan';
