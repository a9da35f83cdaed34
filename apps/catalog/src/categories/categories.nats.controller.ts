import { Controller } from '@nestjs/common';
import {
  CategoryCreate,
  CategoryDelete,
  CategoryGet,
  CategoryList,
  CategoryQuery,
  CategoryRef,
  CategoryUpdate,
  CreateCategoryRequest,
  UpdateCategoryRequest,
} from '@suite/contracts/catalog';
import { CallerIdentity, Handles } from '@suite/platform';
import { CategoriesService } from './categories.service';

@Controller()
export class CategoriesNatsController {
  constructor(private readonly categories: CategoriesService) {}

  @Handles(CategoryList)
  list(query: CategoryQuery, caller: CallerIdentity) {
    return this.categories.list(caller, query.tree === true);
  }

  @Handles(CategoryGet)
  get(r: CategoryRef, caller: CallerIdentity) {
    return this.categories.get(caller, r.categoryId);
  }

  @Handles(CategoryCreate)
  create(r: CreateCategoryRequest, caller: CallerIdentity) {
    return this.categories.create(caller, r.body);
  }

  @Handles(CategoryUpdate)
  update(r: UpdateCategoryRequest, caller: CallerIdentity) {
    return this.categories.update(caller, r.categoryId, r.body);
  }

  @Handles(CategoryDelete)
  remove(r: CategoryRef, caller: CallerIdentity) {
    return this.categories.remove(caller, r.categoryId);
  }
}
