import 'reflect-metadata';
import { bootstrapService } from '@suite/platform';
import { AppModule } from './app.module';
import { FULFILLMENT_SERVICE } from './service';

void bootstrapService(AppModule, FULFILLMENT_SERVICE);
