import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { CatalogSubjects, CreateReviewDto, ReviewResponseDto, ReviewView } from '@suite/contracts/catalog';
import { Caller, CallerIdentity, Page, PageQuery } from '@suite/platform';
import { ReviewsService } from './reviews.service';

class CreateReviewRequest {
  @IsUUID() productId: string;
  @ValidateNested() @Type(() => CreateReviewDto) body: CreateReviewDto;
}
class ReviewListRequest extends PageQuery {
  @IsUUID() productId: string;
}
class RespondRequest {
  @IsUUID() reviewId: string;
  @ValidateNested() @Type(() => ReviewResponseDto) body: ReviewResponseDto;
}

@Controller()
export class ReviewsNatsController {
  constructor(private readonly reviews: ReviewsService) {}

  @MessagePattern(CatalogSubjects.ReviewCreate)
  create(@Payload() r: CreateReviewRequest, @Caller() caller: CallerIdentity): Promise<ReviewView> {
    return this.reviews.create(caller, r.productId, r.body);
  }

  @MessagePattern(CatalogSubjects.ReviewList)
  list(@Payload() r: ReviewListRequest): Promise<Page<ReviewView>> {
    const { productId, ...query } = r;
    return this.reviews.list(productId, query);
  }

  @MessagePattern(CatalogSubjects.ReviewRespond)
  respond(@Payload() r: RespondRequest, @Caller() caller: CallerIdentity): Promise<ReviewView> {
    return this.reviews.respond(caller, r.reviewId, r.body.response);
  }
}
