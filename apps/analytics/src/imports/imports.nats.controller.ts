import { Controller } from '@nestjs/common';
import {
  CreateImportRequest,
  CreateImportTemplateRequest,
  ImportCancel,
  ImportCreate,
  ImportErrorReport,
  ImportErrors,
  ImportErrorsRequest,
  ImportGet,
  ImportList,
  ImportListQuery,
  ImportRef,
  TemplateCreate,
  TemplateDefaults,
  TemplateDelete,
  TemplateGet,
  TemplateList,
  ImportTemplateListQuery,
  ImportTemplateRef,
  TemplateSample,
  TemplateUpdate,
  UpdateImportTemplateRequest,
} from '@suite/contracts/analytics';
import { CallerIdentity, Handles } from '@suite/platform';
import { ImportsService } from './imports.service';
import { TemplatesService } from './templates.service';

@Controller()
export class ImportsNatsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly templates: TemplatesService,
  ) {}

  @Handles(ImportCreate)
  create(r: CreateImportRequest, caller: CallerIdentity) {
    return this.imports.create(caller, r);
  }

  @Handles(ImportList)
  list(q: ImportListQuery, caller: CallerIdentity) {
    return this.imports.list(caller, q);
  }

  @Handles(ImportGet)
  get(r: ImportRef, caller: CallerIdentity) {
    return this.imports.get(caller, r.jobId);
  }

  @Handles(ImportErrors)
  errors(r: ImportErrorsRequest, caller: CallerIdentity) {
    return this.imports.errors(caller, r);
  }

  @Handles(ImportErrorReport)
  errorReport(r: ImportRef, caller: CallerIdentity) {
    return this.imports.errorReport(caller, r.jobId);
  }

  @Handles(ImportCancel)
  cancel(r: ImportRef, caller: CallerIdentity) {
    return this.imports.cancel(caller, r.jobId);
  }

  @Handles(TemplateCreate)
  createTemplate(r: CreateImportTemplateRequest, caller: CallerIdentity) {
    return this.templates.create(caller, r.body);
  }

  @Handles(TemplateList)
  listTemplates(q: ImportTemplateListQuery, caller: CallerIdentity) {
    return this.templates.list(caller, q);
  }

  @Handles(TemplateDefaults)
  defaultTemplates(q: ImportTemplateListQuery) {
    return this.templates.defaults(q);
  }

  @Handles(TemplateGet)
  getTemplate(r: ImportTemplateRef, caller: CallerIdentity) {
    return this.templates.get(caller, r.templateId);
  }

  @Handles(TemplateUpdate)
  updateTemplate(r: UpdateImportTemplateRequest, caller: CallerIdentity) {
    return this.templates.update(caller, r.templateId, r.body);
  }

  @Handles(TemplateDelete)
  deleteTemplate(r: ImportTemplateRef, caller: CallerIdentity) {
    return this.templates.remove(caller, r.templateId);
  }

  @Handles(TemplateSample)
  sample(r: ImportTemplateRef, caller: CallerIdentity) {
    return this.templates.sample(caller, r.templateId);
  }
}
