import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export const TICKET_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
export type TicketStatusName = (typeof TICKET_STATUSES)[number];
export const TICKET_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type TicketPriorityName = (typeof TICKET_PRIORITIES)[number];

export class CreateTicketDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) subject: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(10000) description: string;
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, default: 'MEDIUM' }) @IsOptional() @IsIn(TICKET_PRIORITIES) priority?: TicketPriorityName;
  @ApiPropertyOptional({ description: "One of the caller's orders" }) @IsOptional() @IsUUID() orderId?: string;
  @ApiPropertyOptional({ description: "A delivered shipment of one of the caller's orders" }) @IsOptional() @IsUUID() shipmentId?: string;
  @ApiPropertyOptional({ description: "One of the caller's returns" }) @IsOptional() @IsUUID() returnId?: string;
}

export class TicketStatusDto {
  @ApiProperty({
    enum: TICKET_STATUSES,
    description: 'OPEN -> IN_PROGRESS -> RESOLVED -> CLOSED; RESOLVED may reopen to IN_PROGRESS; OPEN may close',
  })
  @IsIn(TICKET_STATUSES)
  status: TicketStatusName;
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, description: 'A new priority moves the due time' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriorityName;
}

export class AssignTicketDto {
  @ApiProperty({ description: 'A SUPPORT user (or an admin), checked with identity' }) @IsUUID() assigneeId: string;
}

export class TicketMessageDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(10000) body: string;
  @ApiPropertyOptional({ description: 'Staff only: a note the customer does not see' }) @IsOptional() @IsBoolean() internal?: boolean;
}

export class TicketFilter {
  @ApiPropertyOptional({ enum: TICKET_STATUSES }) @IsOptional() @IsIn(TICKET_STATUSES) status?: TicketStatusName;
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES }) @IsOptional() @IsIn(TICKET_PRIORITIES) priority?: TicketPriorityName;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() orderId?: string;
}

export class TicketView {
  @ApiProperty() id: string;
  @ApiProperty() userId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) orderId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) shipmentId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) returnId: string | null;
  @ApiProperty() subject: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: TicketStatusName;
  @ApiProperty({ enum: TICKET_PRIORITIES }) priority: TicketPriorityName;
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty({ description: 'When the ticket should be resolved by, from its priority' }) dueAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class TicketMessageView {
  @ApiProperty() id: string;
  @ApiProperty() ticketId: string;
  @ApiProperty() authorId: string;
  @ApiProperty() body: string;
  @ApiProperty() internal: boolean;
  @ApiProperty() createdAt: string;
}
