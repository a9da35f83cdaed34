import 'reflect-metadata';
import { bootstrapService } from '@suite/platform';
import { AppModule } from './app.module';
import { CATALOG_SERVICE } from './service';

void bootstrapService(AppModule, CATALOG_SERVICE);
