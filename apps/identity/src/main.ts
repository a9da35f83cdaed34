import 'reflect-metadata';
import { bootstrapService } from '@suite/platform';
import { AppModule } from './app.module';
import { IDENTITY_SERVICE } from './service';

void bootstrapService(AppModule, IDENTITY_SERVICE);
