import 'reflect-metadata';
import { bootstrapService } from '@suite/platform';
import { AppModule } from './app.module';
import { ANALYTICS_SERVICE } from './service';

void bootstrapService(AppModule, ANALYTICS_SERVICE);
