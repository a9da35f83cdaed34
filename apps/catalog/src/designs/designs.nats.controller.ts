import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import {
  CatalogSubjects,
  CreateDesignDto,
  DESIGN_ACTIONS,
  DESIGN_STATUSES,
  DesignAction,
  DesignStatus,
  DesignView,
  LinkProductDesignDto,
  ProductDesignView,
  UpdateDesignDto,
} from '@suite/contracts/catalog';
import { Caller, CallerIdentity, Page, PageQuery } from '@suite/platform';
import { DesignsService } from './designs.service';
import { ProductDesignsService } from './product-designs.service';

/** PageQuery and DesignFilter in one payload (the platform's class carries the paging rules). */
class DesignListRequest extends PageQuery {
  @IsOptional() @IsIn(DESIGN_STATUSES) status?: DesignStatus;
}
class DesignRef {
  @IsUUID() designId: string;
}
class UpdateDesignRequest extends DesignRef {
  @ValidateNested() @Type(() => UpdateDesignDto) body: UpdateDesignDto;
}
class TransitionRequest extends DesignRef {
  @IsIn(DESIGN_ACTIONS) action: DesignAction;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}
class ProductRef {
  @IsUUID() productId: string;
}
class LinkRequest extends ProductRef {
  @ValidateNested() @Type(() => LinkProductDesignDto) body: LinkProductDesignDto;
}
class UnlinkRequest extends ProductRef {
  @IsUUID() designId: string;
}

@Controller()
export class DesignsNatsController {
  constructor(
    private readonly designs: DesignsService,
    private readonly links: ProductDesignsService,
  ) {}

  @MessagePattern(CatalogSubjects.DesignCreate)
  create(@Payload() body: CreateDesignDto, @Caller() caller: CallerIdentity): Promise<DesignView> {
    return this.designs.create(caller, body);
  }

  @MessagePattern(CatalogSubjects.DesignList)
  list(@Payload() query: DesignListRequest, @Caller() caller: CallerIdentity): Promise<Page<DesignView>> {
    return this.designs.list(caller, query);
  }

  @MessagePattern(CatalogSubjects.DesignGet)
  get(@Payload() r: DesignRef, @Caller() caller: CallerIdentity): Promise<DesignView> {
    return this.designs.get(caller, r.designId);
  }

  @MessagePattern(CatalogSubjects.DesignUpdate)
  update(@Payload() r: UpdateDesignRequest, @Caller() caller: CallerIdentity): Promise<DesignView> {
    return this.designs.update(caller, r.designId, r.body);
  }

  @MessagePattern(CatalogSubjects.DesignTransition)
  transition(@Payload() r: TransitionRequest, @Caller() caller: CallerIdentity): Promise<DesignView> {
    return this.designs.transition(caller, r.designId, r.action, r.reason);
  }

  @MessagePattern(CatalogSubjects.ProductDesignLink)
  link(@Payload() r: LinkRequest, @Caller() caller: CallerIdentity): Promise<ProductDesignView> {
    return this.links.link(caller, r.productId, r.body);
  }

  @MessagePattern(CatalogSubjects.ProductDesignList)
  listLinks(@Payload() r: ProductRef, @Caller() caller: CallerIdentity): Promise<ProductDesignView[]> {
    return this.links.list(caller, r.productId);
  }

  @MessagePattern(CatalogSubjects.ProductDesignUnlink)
  unlink(@Payload() r: UnlinkRequest, @Caller() caller: CallerIdentity): Promise<{ deleted: true }> {
    return this.links.unlink(caller, r.productId, r.designId);
  }
}
