import 'reflect-metadata';
import multipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { bootstrapService } from '@suite/platform';
import { UsageRecorder } from './api-management/usage-recorder';
import { trustProxyOf } from './api-management/trust-proxy';
import { AppModule } from './app.module';
import { auditImpersonatedRequests } from './auth/impersonation-audit';
import { setupSwagger } from './docs/swagger';
import { GATEWAY_SERVICE } from './service';

void bootstrapService(AppModule, GATEWAY_SERVICE, {
  trustProxy: (config) => trustProxyOf(config.TRUST_PROXY),
  configure: async (app, config) => {
    // multipart/form-data for the import upload route only reads parts when asked (request.parts()): streamed, never buffered.
    await app.register(multipart as never, { limits: { fileSize: config.IMPORT_MAX_FILE_BYTES, files: 1 }, throwFileSizeLimit: false });
    // Every API route lives under /api/v1; probes, metrics and docs stay at the root.
    app.setGlobalPrefix('api/v1', {
      exclude: [
        { path: 'health', method: RequestMethod.ALL },
        { path: 'health/{*path}', method: RequestMethod.ALL },
        { path: 'metrics', method: RequestMethod.ALL },
      ],
    });
    app.enableCors({
      origin: config.CORS_ORIGINS ? config.CORS_ORIGINS.split(',').map((o) => o.trim()) : false,
      exposedHeaders: ['x-request-id'],
    });
    setupSwagger(app);
    auditImpersonatedRequests(app);
    app.get(UsageRecorder).install(app);
  },
});
