import { Controller } from '@nestjs/common';
import {
  CreateDesignRequest,
  DesignCreate,
  DesignGet,
  DesignList,
  DesignListQuery,
  DesignRef,
  DesignTransition,
  DesignTransitionRequest,
  DesignUpdate,
  LinkProductDesignRequest,
  ProductDesignLink,
  ProductDesignList,
  ProductDesignRef,
  ProductDesignUnlink,
  ProductRef,
  UpdateDesignRequest,
} from '@suite/contracts/catalog';
import { CallerIdentity, Handles } from '@suite/platform';
import { DesignsService } from './designs.service';
import { ProductDesignsService } from './product-designs.service';

@Controller()
export class DesignsNatsController {
  constructor(
    private readonly designs: DesignsService,
    private readonly links: ProductDesignsService,
  ) {}

  @Handles(DesignCreate)
  create(r: CreateDesignRequest, caller: CallerIdentity) {
    return this.designs.create(caller, r.body);
  }

  @Handles(DesignList)
  list(query: DesignListQuery, caller: CallerIdentity) {
    return this.designs.list(caller, query);
  }

  @Handles(DesignGet)
  get(r: DesignRef, caller: CallerIdentity) {
    return this.designs.get(caller, r.designId);
  }

  @Handles(DesignUpdate)
  update(r: UpdateDesignRequest, caller: CallerIdentity) {
    return this.designs.update(caller, r.designId, r.body);
  }

  @Handles(DesignTransition)
  transition(r: DesignTransitionRequest, caller: CallerIdentity) {
    return this.designs.transition(caller, r.designId, r.action, r.reason);
  }

  @Handles(ProductDesignLink)
  link(r: LinkProductDesignRequest, caller: CallerIdentity) {
    return this.links.link(caller, r.productId, r.body);
  }

  @Handles(ProductDesignList)
  listLinks(r: ProductRef, caller: CallerIdentity) {
    return this.links.list(caller, r.productId);
  }

  @Handles(ProductDesignUnlink)
  unlink(r: ProductDesignRef, caller: CallerIdentity) {
    return this.links.unlink(caller, r.productId, r.designId);
  }
}
