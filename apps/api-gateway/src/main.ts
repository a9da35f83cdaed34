import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { bootstrapService, loadConfig } from '@suite/platform';
import { AppModule } from './app.module';
import { setupSwagger } from './docs/swagger';
import { GATEWAY_SERVICE, GatewayConfig } from './service';

const { BODY_LIMIT_BYTES, CORS_ORIGINS } = loadConfig(GatewayConfig);

void bootstrapService(AppModule, GATEWAY_SERVICE, {
  bodyLimitBytes: BODY_LIMIT_BYTES,
  configure: (app) => {
    // Every API route lives under /api/v1; probes, metrics and docs stay at the root.
    app.setGlobalPrefix('api/v1', {
      exclude: [{ path: 'health', method: RequestMethod.ALL }, { path: 'health/{*path}', method: RequestMethod.ALL }, { path: 'metrics', method: RequestMethod.ALL }],
    });
    app.enableCors({ origin: CORS_ORIGINS ? CORS_ORIGINS.split(',').map((o) => o.trim()) : false, exposedHeaders: ['x-request-id'] });
    setupSwagger(app);
  },
});
