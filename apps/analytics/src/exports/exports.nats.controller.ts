import { Controller } from '@nestjs/common';
import {
  CreateExportRequest,
  ExportCancel,
  ExportCreate,
  ExportGet,
  ExportList,
  ExportListQuery,
  ExportRef,
} from '@suite/contracts/analytics';
import { CallerIdentity, Handles } from '@suite/platform';
import { ExportsService } from './exports.service';

@Controller()
export class ExportsNatsController {
  constructor(private readonly exports: ExportsService) {}

  @Handles(ExportCreate)
  create(r: CreateExportRequest, caller: CallerIdentity) {
    return this.exports.create(caller, r.body);
  }

  @Handles(ExportList)
  list(q: ExportListQuery, caller: CallerIdentity) {
    return this.exports.list(caller, q);
  }

  @Handles(ExportGet)
  get(r: ExportRef, caller: CallerIdentity) {
    return this.exports.get(caller, r.exportId);
  }

  @Handles(ExportCancel)
  cancel(r: ExportRef, caller: CallerIdentity) {
    return this.exports.cancel(caller, r.exportId);
  }
}
