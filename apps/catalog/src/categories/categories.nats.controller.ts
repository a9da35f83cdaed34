import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { CatalogSubjects, CategoryNode, CategoryQuery, CategoryView, CreateCategoryDto, UpdateCategoryDto } from '@suite/contracts/catalog';
import { Caller, CallerIdentity } from '@suite/platform';
import { CategoriesService } from './categories.service';

class CategoryRef {
  @IsUUID() categoryId: string;
}
class CreateCategoryRequest {
  @ValidateNested() @Type(() => CreateCategoryDto) body: CreateCategoryDto;
}
class UpdateCategoryRequest extends CategoryRef {
  @ValidateNested() @Type(() => UpdateCategoryDto) body: UpdateCategoryDto;
}

@Controller()
export class CategoriesNatsController {
  constructor(private readonly categories: CategoriesService) {}

  @MessagePattern(CatalogSubjects.CategoryList)
  list(@Payload() query: CategoryQuery, @Caller() caller: CallerIdentity): Promise<CategoryView[] | CategoryNode[]> {
    return this.categories.list(caller, query.tree === true);
  }

  @MessagePattern(CatalogSubjects.CategoryGet)
  get(@Payload() r: CategoryRef, @Caller() caller: CallerIdentity): Promise<CategoryView> {
    return this.categories.get(caller, r.categoryId);
  }

  @MessagePattern(CatalogSubjects.CategoryCreate)
  create(@Payload() r: CreateCategoryRequest, @Caller() caller: CallerIdentity): Promise<CategoryView> {
    return this.categories.create(caller, r.body);
  }

  @MessagePattern(CatalogSubjects.CategoryUpdate)
  update(@Payload() r: UpdateCategoryRequest, @Caller() caller: CallerIdentity): Promise<CategoryView> {
    return this.categories.update(caller, r.categoryId, r.body);
  }

  @MessagePattern(CatalogSubjects.CategoryDelete)
  remove(@Payload() r: CategoryRef, @Caller() caller: CallerIdentity): Promise<{ deleted: true }> {
    return this.categories.remove(caller, r.categoryId);
  }
}
