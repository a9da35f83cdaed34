import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { bootstrapService } from '@suite/platform';
import { AppModule } from './app.module';
import { setupSwagger } from './docs/swagger';
import { GATEWAY_SERVICE } from './service';

void bootstrapService(AppModule, GATEWAY_SERVICE, {
  configure: (app, config) => {
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
  },
});
